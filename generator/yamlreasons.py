"""PyYAML's reasons for refusing front matter, in the editor's words.

libyaml (and PyYAML's pure-Python loader, where libyaml is missing) explain a refusal in
English ("could not find expected ':'", "did not find expected node content"). Each of
their problems is matched here to what to fix; one nobody foresaw still gets a Vietnamese
reason, never the English words.
"""
from __future__ import annotations

import re

import yaml

# Mostly a summary wrapped onto a second line, which YAML reads as a key without its ":".
WRAPPED = ("dòng này không có dạng “khóa: giá trị”; nếu đây là phần tiếp theo của giá trị ở dòng trên, hãy viết "
           "cả giá trị trên một dòng, hoặc đặt cả giá trị trong dấu ngoặc kép \"…\"")
ESCAPE = "sau dấu “\\” trong chuỗi ngoặc kép là một mã không hợp lệ; hãy viết “\\\\” hoặc dùng ngoặc đơn '…'"
TAG = "giá trị bắt đầu bằng “!”; hãy đặt giá trị trong dấu ngoặc kép"
ANCHOR = "giá trị bắt đầu bằng “&” hoặc “*”; hãy đặt giá trị trong dấu ngoặc kép"
DIRECTIVE = ("dòng bắt đầu bằng “%” (chỉ thị YAML) không dùng được trong phần thông tin đầu bài; nếu đó là chữ, "
             "hãy đặt cả giá trị trong dấu ngoặc kép")
MISSING = ("thiếu giá trị, hoặc có dấu “[”, “]”, “{”, “}” hay “,” đứng sai chỗ (một danh sách […] chưa đóng?); "
           "nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép")
FALLBACK = ("dòng này viết sai cú pháp; mỗi dòng phải có dạng “khóa: giá trị”, và giá trị có ký tự đặc biệt "
            "(: # [ ] { } , & * ! | > ' \" % @ `) phải nằm trong dấu ngoặc kép")

# (pattern on PyYAML's problem and context, reason); the first match wins. Both libyaml's
# wording and the pure-Python loader's are matched.
REASONS = (
    (r"\\t|\btab\b", "có ký tự tab; hãy thụt lề bằng dấu cách"),
    (r"unexpected end of stream|while scanning a quoted scalar", "dấu ngoặc kép chưa được đóng"),
    (r"escape|hexa?decimal", ESCAPE),
    (r"cannot start any token", "giá trị bắt đầu bằng ký tự đặc biệt (@, `, %, …); hãy đặt giá trị trong dấu ngoặc kép"),
    (r"undefined alias", "giá trị bắt đầu bằng “*”; hãy đặt giá trị trong dấu ngoặc kép"),
    (r"expected ',' or '\]'", "danh sách […] chưa được đóng bằng “]” hoặc thiếu dấu phẩy giữa các mục"),
    (r"expected ',' or '}'", "bảng {…} chưa được đóng bằng “}” hoặc thiếu dấu phẩy giữa các mục"),
    (r"unhashable key", "khóa phải là một từ, không phải danh sách hay bảng"),
    (r"constructor for the tag|tag handle|tag URI|expected '!'|expected '>'|URI escaped|while (scanning|parsing) a tag",
     TAG),
    (r"anchor|alias|alphabetic or numeric", ANCHOR),
    (r"directive|document start|version number|digit or '\.'|incompatible YAML|non-alphabetical", DIRECTIVE),
    (r"document indicator|document separator",
     "có dòng “---” hay “...” nằm giữa một giá trị chưa đóng; hãy đóng dấu ngoặc trước dòng đó"),
    (r"single document|but found another document",
     "có dòng “...” (dấu hết phần YAML) giữa phần thông tin đầu bài; hãy xóa dòng đó"),
    (r"could not find expected ':'|while scanning a simple key", WRAPPED),
    (r"mapping values are not allowed", "thụt lề sai hoặc thiếu dấu ngoặc kép quanh giá trị có dấu “:”"),
    (r"mapping keys are not allowed", "giá trị bắt đầu bằng “?”; hãy đặt giá trị trong dấu ngoặc kép"),
    (r"(block )?sequence entries are not allowed",
     "dấu “-” của một mục danh sách không đặt được ở đây: hãy viết mỗi mục “- …” trên một dòng riêng, thụt lề "
     "dưới tên khóa; nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép"),
    (r"expected '-' indicator|while parsing a block collection",
     "danh sách “- …” có một dòng không bắt đầu bằng “-” hoặc thụt lề không đúng"),
    (r"indentation indicator|comment or (a )?line break|while scanning a block scalar",
     "sau dấu “|” hay “>” chỉ được có “-”, “+” hoặc một chữ số 1-9 rồi xuống dòng; nếu đó là chữ, hãy đặt cả giá "
     "trị trong dấu ngoặc kép"),
    (r"expected <block end>|did not find expected key|while parsing a block mapping", "thụt lề không đúng"),
    (r"node content|while parsing a (flow|block) node|expected the node content", MISSING),
    (r"unexpected ':'", "dấu “:” đứng sai chỗ; hãy đặt giá trị trong dấu ngoặc kép"),
    (r"UTF-8|UTF-16|control characters|unacceptable character|special characters",
     "có ký tự không đọc được (ký tự điều khiển vô hình hay byte hỏng); hãy gõ lại dòng này"),
)
_COMPILED = tuple((re.compile(pattern), reason) for pattern, reason in REASONS)


def reason(exc: yaml.YAMLError) -> str:
    """What to fix, in Vietnamese, for a PyYAML refusal; FALLBACK when the problem is unknown."""
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    if not problem and not context:  # a ReaderError: no problem, only its own message
        problem = str(exc)
    for words in (problem, context):  # the problem says more than the context
        for pattern, text in _COMPILED:
            if pattern.search(words):
                return text
    return FALLBACK


def line(exc: yaml.MarkedYAMLError, fm_text: str) -> int:
    """The 0-based front-matter line to point at: the problem's, or where what is left open was
    opened; past the last written line (libyaml ran into the end), the last written line."""
    mark = exc.problem_mark or exc.context_mark
    # An unclosed quote or list, and a line without its ":" (libyaml stops on the line after it)
    if exc.context_mark and re.search(r"unexpected end of stream|expected ',' or|expected ':'", exc.problem or ""):
        mark = exc.context_mark
    if mark is None:
        return 0
    written = [n for n, text in enumerate(fm_text.split("\n")) if text.strip()]
    return min(mark.line, written[-1]) if written else mark.line
