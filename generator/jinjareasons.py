"""Jinja's reasons for refusing a template, in the site owner's words.

Jinja explains a syntax error, an unknown filter or a misplaced tag in English ("unexpected '}'",
"Encountered unknown tag 'foo'.", "No filter named 'x'."). Each of its messages (collected from
jinja2's lexer, parser, compiler and environment) is matched here to what to fix; one nobody
foresaw still gets a Vietnamese reason, never the English words.
"""
from __future__ import annotations

import ast
import difflib
import re
from typing import Callable, Iterable

import jinja2

FALLBACK = ("mẫu viết sai cú pháp ở dòng này; hãy xem lại các dấu “{{ … }}”, “{% … %}”, “{# … #}”, các dấu ngoặc, "
            "dấu nháy và tên lệnh, bộ lọc trên dòng")
RUNTIME_FALLBACK = "mẫu không dựng được ở dòng này; hãy xem lại lệnh, bộ lọc và giá trị dùng trên dòng"

# Jinja's names for tokens (lexer._describe_token_type), as a site owner sees them in the file.
_TOKENS = {
    "end of print statement": "dấu “}}” đóng biểu thức",
    "begin of print statement": "dấu “{{”",
    "end of statement block": "dấu “%}” đóng lệnh",
    "begin of statement block": "dấu “{%”",
    "end of comment": "dấu “#}” đóng chú thích",
    "begin of comment": "dấu “{#”",
    "comment": "chú thích",
    "end of line statement": "cuối dòng lệnh",
    "begin of line statement": "đầu dòng lệnh",
    "template data / text": "chữ thường của mẫu",
    "end of template": "hết tệp mẫu",
    "name": "một tên",
    "string": "một chuỗi",
    "integer": "một số",
    "float": "một số",
}
_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _token(text: str) -> str:
    """A token as Jinja describes it ('end of print statement', ')', 'endif', 'site') in Vietnamese."""
    if text in _TOKENS:
        return _TOKENS[text]
    if re.fullmatch(r"\w+", text):
        return f"chữ “{text}”"
    return f"dấu “{text}”"


def _literal(quoted: str) -> str:
    """The character of Jinja's repr() ('\\\\' is one backslash)."""
    try:
        return str(ast.literal_eval(quoted))
    except (ValueError, SyntaxError):
        return quoted.strip("'\"")


def _tags(listing: str) -> str:
    """"'endif' or 'else'" as "“{% endif %}” hay “{% else %}”"."""
    names = re.findall(r"'([^']*)'", listing)
    return " hay ".join(f"“{{% {name} %}}”" for name in names) or listing


def _unknown_tag(match: re.Match, message: str, _known: dict) -> str:
    name = match.group(1)
    looking = re.search(r"currently looking for (.+?)\.(?: The|$)|following tags: (.+?)\.(?: The|$)", message)
    wanted = _tags(looking.group(1) or looking.group(2)) if looking else ""
    innermost = re.search(r"needs to be closed is '([^']*)'", message)
    if "nesting mistake" in message or re.match(r"end\w|else$|elif$", name):  # a closing tag, misplaced
        block = f"khối đang mở “{{% {innermost.group(1)} %}}”" if innermost else "khối đang mở"
        closing = f" bằng {wanted}" if wanted else ""
        return (f"lệnh “{{% {name} %}}” đặt sai chỗ hoặc thừa: {block} phải được đóng trước{closing}; hãy xem lại "
                "thứ tự các lệnh mở và đóng khối")
    text = (f"không có lệnh “{{% {name} %}}” (các lệnh của mẫu: if, for, set, block, extends, include, import, macro, "
            "call, filter, with, raw…); hãy sửa tên lệnh")
    if wanted:
        text += f", hoặc đóng khối đang mở bằng {wanted}"
    return text


def _end_of_template(match: re.Match, message: str, known: dict) -> str:
    looking = re.search(r"following tags: (.+?)\.(?: The|$)", message)
    innermost = re.search(r"needs to be closed is '([^']*)'", message)
    block = f"khối “{{% {innermost.group(1)} %}}”" if innermost else "một khối"
    if known.get("opened"):  # located at the tag that opens it
        wanted = f"; hãy thêm {_tags(looking.group(1))} ở chỗ khối kết thúc" if looking else ""
        return f"{block} mở ở dòng này chưa được đóng tới hết tệp mẫu{wanted}"
    wanted = f"; hãy thêm {_tags(looking.group(1))}" if looking else ""
    return f"tệp mẫu hết mà {block} chưa được đóng{wanted}"


def _unexpected(match: re.Match, message: str, _known: dict) -> str:
    found = match.group(1)
    if found in _CLOSERS:
        return (f"dấu “{found}” thừa, không có dấu “{_CLOSERS[found]}” mở tương ứng; một biểu thức phải đóng bằng “}}}}”, "
                "một lệnh bằng “%}”")
    return f"gặp {_token(found)} ở chỗ cần một giá trị (tên biến, chuỗi trong dấu nháy, số…)"


def _named(kind: str, after: str) -> Callable[[re.Match, str, dict], str]:
    def reason(match: re.Match, message: str, known: dict) -> str:
        name = match.group(2)
        text = f"không có {kind} “{name}” ({after}); hãy sửa tên"
        close = difflib.get_close_matches(name, sorted(known.get(kind, ())), n=1)
        if close:
            text += f" (có phải là “{close[0]}”?)"
        return text
    return reason


# (pattern on Jinja's message, reason: a text, or a function of the match and the message); the
# first match wins.
REASONS: tuple = (
    (r"^unexpected '(.)', expected '(.)'",
     lambda m, *_: f"dấu ngoặc không khớp: gặp “{m.group(1)}” trong khi dấu “{_CLOSERS.get(m.group(2), '?')}” "
                  f"mở trước đó cần được đóng bằng “{m.group(2)}”"),
    (r"^unexpected end of template, expected '(.*)'\.?$",
     lambda m, *_: f"tệp mẫu hết mà còn thiếu {_token(m.group(1))} (một “{{{{”, “{{%”, “{{#” hay một dấu ngoặc, "
                  "dấu nháy chưa được đóng?)"),
    (r"^Unexpected end of template\.", _end_of_template),
    (r"^Encountered unknown tag '([^']*)'\.", _unknown_tag),
    (r"^expected token '(.*)', got '(.*)'$",
     lambda m, *_: f"cần {_token(m.group(1))} nhưng gặp {_token(m.group(2))}; hãy xem lại dòng này (thiếu dấu “}}}}” "
                  "hay “%}”, thiếu dấu phẩy, dấu nháy, hay thừa chữ?)"),
    (r"^Expected an expression, got '(.*)'$",
     lambda m, *_: f"thiếu một giá trị (tên biến, chuỗi, số…) trước {_token(m.group(1))}"),
    (r"^unexpected char (['\"])['\"]\1 at \d+$",
     "dấu nháy của một chuỗi chưa được đóng (mỗi chuỗi phải mở và đóng bằng cùng một dấu ' hay \" trên cùng lệnh)"),
    (r"^unexpected char (['\"])(.*)\1 at \d+$",
     lambda m, *_: f"ký tự “{_literal(m.group(0)[16:].rpartition(' at ')[0])}” không dùng được trong biểu thức hay lệnh của mẫu; nếu đó là chữ, hãy đặt "
                   "nó trong dấu nháy \"…\""),
    (r"^Missing end of comment tag", "chú thích “{#” chưa được đóng bằng “#}”"),
    (r"^Missing end of raw directive", "khối “{% raw %}” chưa được đóng bằng “{% endraw %}”"),
    (r"^unexpected '(.*)'$", _unexpected),
    (r"^Invalid character in identifier",
     "tên biến có ký tự không hợp lệ; tên chỉ gồm chữ không dấu, số và “_”, không bắt đầu bằng số"),
    (r"escape|unicode|\\x|\\u|\\N",
     "sau dấu “\\” trong chuỗi là một mã không hợp lệ; hãy viết “\\\\” hoặc bỏ dấu “\\”"),
    (r"^tag name expected", "sau “{%” cần tên một lệnh (if, for, set, block…)"),
    (r"^Block names in Jinja", "tên khối (block) không được có dấu “-”; hãy dùng dấu “_”"),
    (r"^Required blocks can only contain",
     "khối “required” chỉ được chứa chú thích hay khoảng trắng; hãy chuyển nội dung sang mẫu con"),
    (r"^expected call$", "sau “{% call %}” cần gọi một macro, ví dụ {% call ten_macro() %}"),
    (r"^can't assign to '(.*)'",
     "không gán giá trị được cho vế trái này; sau “{% set” hay “{% for” phải là một tên biến (chữ không dấu, số, “_”)"),
    (r"^invalid syntax for function call",
     "lời gọi hàm viết sai: các đối số có tên (a=1) phải đứng sau các đối số không tên"),
    (r"^names starting with an underline",
     "không nhập (import) được tên bắt đầu bằng “_”; hãy đổi tên macro hay biến đó"),
    (r"^non-default argument follows default",
     "trong định nghĩa macro, tham số không có giá trị mặc định phải đứng trước các tham số có giá trị mặc định"),
    (r"^expected name or number", "sau dấu “.” cần tên thuộc tính hay một số"),
    (r"^You cannot chain multiple tests", "không viết được hai phép thử “is” liền nhau; hãy nối chúng bằng “and”"),
    (r"^expected subscript expression", "trong dấu “[…]” cần một chỉ số hay khóa"),
    (r"^cannot use extend from a non top-level",
     "lệnh “{% extends %}” không được nằm trong khối, vòng lặp hay điều kiện; hãy đặt nó ở đầu tệp mẫu"),
    (r"^(No filter named) '([^']*)'", _named("bộ lọc", "sau dấu “|”")),
    (r"^(No test named) '([^']*)'", _named("phép thử", "sau chữ “is”")),
    (r"^block '([^']*)' defined twice",
     lambda m, *_: f"khối “{m.group(1)}” được định nghĩa hai lần trong cùng tệp mẫu; hãy đổi tên một khối"),
    (r"special loop variable",
     "không dùng được tên “loop” làm biến của vòng lặp for (Jinja dành tên này); hãy đổi tên biến"),
    (r"\"caller\" argument",
     "tham số “caller” của macro phải bỏ đi hoặc có giá trị mặc định"),
    (r"^Required block '([^']*)' not found",
     lambda m, *_: f"mẫu con không định nghĩa khối bắt buộc “{m.group(1)}”; hãy thêm {{% block {m.group(1)} %}}"),
    (r"^extended multiple times", "mẫu chạy hai lệnh “{% extends %}”; mỗi mẫu chỉ được kế thừa một mẫu"),
    (r"^No (filter|test|global) named '([^']*)' found",  # compiled in a branch, met at render time
     lambda m, *_: f"không có {'bộ lọc' if m.group(1) == 'filter' else 'phép thử' if m.group(1) == 'test' else 'hàm'} "
                  f"“{m.group(2)}”; hãy sửa tên"),
    (r"only sort by either \"key\" or \"value\"", "bộ lọc dictsort chỉ sắp theo by=\"key\" hay by=\"value\""),
    (r"map requires a filter argument|Missing parameter for attribute name",
     "bộ lọc map cần tên một bộ lọc hay attribute=\"…\""),
    (r"method must be common, ceil or floor", "bộ lọc round chỉ nhận method “common”, “ceil” hay “floor”"),
    (r"argument must be iterable", "giá trị đưa vào bộ lọc phải là một danh sách"),
    (r"Invalid character in attribute name", "tên thuộc tính HTML trong bộ lọc xmlattr có ký tự không hợp lệ"),
)
_COMPILED = tuple((re.compile(pattern, re.S), text) for pattern, text in REASONS)


def _vietnamese(message: str) -> bool:
    """A message the site's own code raised (asset(), a data function) is already in Vietnamese;
    a name quoted in Jinja's English ("No filter named 'lọc'.") does not make it so."""
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", "", message)
    return bool(re.search(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u036f\u1ea0-\u1ef9]", unquoted))


def reason(message: str, filters: Iterable[str] = (), tests: Iterable[str] = (), runtime: bool = False,
           opened: bool = False) -> str:
    """What to fix, in Vietnamese, for one of Jinja's messages; filters and tests: the names the
    environment knows, to suggest the nearest one for a typo. runtime: the fallback says the
    template could not be rendered rather than written wrong. opened: a block left open is
    reported at the line of the tag that opens it (see opened_line)."""
    message = message or ""
    for pattern, text in _COMPILED:
        match = pattern.search(message)
        if match is None:
            continue
        if isinstance(text, str):
            return text
        return text(match, message, {"bộ lọc": filters, "phép thử": tests, "opened": opened})
    if _vietnamese(message):
        return message
    return RUNTIME_FALLBACK if runtime else FALLBACK


# Tags that open a block closed by "end" + their name ({% set x %} only without "=").
BLOCK_TAGS = frozenset({"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "set", "trans"})


def opened_line(env: jinja2.Environment, source: str, message: str) -> int | None:
    """For "Unexpected end of template" (Jinja reports it at the last line): the line of the tag
    that opened the innermost block left open, where a site owner recognises it; else None."""
    innermost = re.search(r"^Unexpected end of template\..*needs to be closed is '([^']*)'", message, re.S)
    if innermost is None:
        return None
    try:
        tokens = [token for token in env.lex(source) if token[1] != "whitespace"]
    except jinja2.TemplateSyntaxError:
        return None
    stack: list[tuple[str, int]] = []
    for at, (line, kind, value) in enumerate(tokens):
        if kind not in ("block_begin", "linestatement_begin") or at + 1 >= len(tokens) or tokens[at + 1][1] != "name":
            continue
        name = tokens[at + 1][2]
        words = []
        for token in tokens[at + 2:]:
            if token[1] in ("block_end", "linestatement_end"):
                break
            words.append(token)
        if name in BLOCK_TAGS and not (name == "set" and any(w[1] == "operator" and w[2] == "=" for w in words)):
            stack.append((name, line))
        elif name.startswith("end") and any(opened == name[3:] for opened, _ in stack):
            while stack.pop()[0] != name[3:]:
                pass
    return next((line for name, line in reversed(stack) if name == innermost.group(1)), None)
