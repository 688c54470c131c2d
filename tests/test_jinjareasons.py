"""Jinja's refusals of a site template, in Vietnamese at their line (generator/jinjareasons.py).

Was: "lỗi cú pháp mẫu: unexpected '}'", "Encountered unknown tag 'foo'.", "No filter named 'x'." —
Jinja's English words after a Vietnamese prefix.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2
import pytest

from generator import jinjareasons
from generator.config import load_config
from generator.errors import TemplateError
from generator.render import Templates

# Words of Jinja's messages that must never reach a site owner.
ENGLISH = re.compile(r"\b(unexpected|expected|Encountered|template|named|token|looking|innermost|got|"
                     r"statement|Invalid|Missing|cannot|can't|defined twice|Required|identifier)\b")


def templates(tmp_path: Path, name: str, text: str) -> Templates:
    (tmp_path / "templates").mkdir(exist_ok=True)
    (tmp_path / "templates" / name).write_text(text, encoding="utf-8")
    return Templates(load_config(tmp_path), {}, {})


# (template, line, the exact message): each of Jinja's kinds of syntax error, from lexer, parser and compiler.
CASES = [
    ("<p>\n{{ article.title }</p>\n", 2,
     "lỗi cú pháp mẫu: dấu “}” thừa, không có dấu “{” mở tương ứng; một biểu thức phải đóng bằng “}}”, một lệnh "
     "bằng “%}”"),
    ("{{ (a] }}", 1, "lỗi cú pháp mẫu: dấu ngoặc không khớp: gặp “]” trong khi dấu “(” mở trước đó cần được đóng "
                     "bằng “)”"),
    ("<p>\n\n{% foo %}\n", 3,
     "lỗi cú pháp mẫu: không có lệnh “{% foo %}” (các lệnh của mẫu: if, for, set, block, extends, include, import, "
     "macro, call, filter, with, raw…); hãy sửa tên lệnh"),
    ("{% if a %}\n{% endfor %}\n", 2,
     "lỗi cú pháp mẫu: lệnh “{% endfor %}” đặt sai chỗ hoặc thừa: khối đang mở “{% if %}” phải được đóng trước "
     "bằng “{% elif %}” hay “{% else %}” hay “{% endif %}”; hãy xem lại thứ tự các lệnh mở và đóng khối"),
    ("{% for x in y %}\n{% if x %}\n{% endfor %}\n", 3,
     "lỗi cú pháp mẫu: lệnh “{% endfor %}” đặt sai chỗ hoặc thừa: khối đang mở “{% if %}” phải được đóng trước "
     "bằng “{% elif %}” hay “{% else %}” hay “{% endif %}”; hãy xem lại thứ tự các lệnh mở và đóng khối"),
    # a block left open: at the tag that opens it (Jinja: the last line)
    ("{% if a %}\nx\n", 1, "lỗi cú pháp mẫu: khối “{% if %}” mở ở dòng này chưa được đóng tới hết tệp mẫu; hãy "
                           "thêm “{% elif %}” hay “{% else %}” hay “{% endif %}” ở chỗ khối kết thúc"),
    ("<p>\n{% for x in y %}\n{% if x %}\n{{ x }}\n{% endif %}\n{% if a %}\n{% set z = 1 %}\n"
     "{% set w %}q{% endset %}\n{% block b %}{% endblock %}\n</p>\n", 6,
     "lỗi cú pháp mẫu: khối “{% if %}” mở ở dòng này chưa được đóng tới hết tệp mẫu; hãy thêm “{% elif %}” hay "
     "“{% else %}” hay “{% endif %}” ở chỗ khối kết thúc"),
    ("<ul>\n{% for x in y %}\n<li>{{ x }}</li>\n{% if a %}{% endif %}\n</ul>\n", 2,
     "lỗi cú pháp mẫu: khối “{% for %}” mở ở dòng này chưa được đóng tới hết tệp mẫu; hãy thêm “{% endfor %}” hay "
     "“{% else %}” ở chỗ khối kết thúc"),
    ("{{ a", 1, "lỗi cú pháp mẫu: tệp mẫu hết mà còn thiếu dấu “}}” đóng biểu thức (một “{{”, “{%”, “{#” hay một "
                "dấu ngoặc, dấu nháy chưa được đóng?)"),
    ("{{ a b }}", 1, "lỗi cú pháp mẫu: cần dấu “}}” đóng biểu thức nhưng gặp chữ “b”; hãy xem lại dòng này (thiếu "
                     "dấu “}}” hay “%}”, thiếu dấu phẩy, dấu nháy, hay thừa chữ?)"),
    ("{{ }}", 1, "lỗi cú pháp mẫu: thiếu một giá trị (tên biến, chuỗi, số…) trước dấu “}}” đóng biểu thức"),
    ("{{ a + }}", 1, "lỗi cú pháp mẫu: gặp dấu “}}” đóng biểu thức ở chỗ cần một giá trị (tên biến, chuỗi trong "
                     "dấu nháy, số…)"),
    ("{{ a ? b }}", 1, "lỗi cú pháp mẫu: ký tự “?” không dùng được trong biểu thức hay lệnh của mẫu; nếu đó là chữ, "
                       "hãy đặt nó trong dấu nháy \"…\""),
    ("{{ a \\ b }}", 1, "lỗi cú pháp mẫu: ký tự “\\” không dùng được trong biểu thức hay lệnh của mẫu; nếu đó là "
                        "chữ, hãy đặt nó trong dấu nháy \"…\""),
    ("{{ 'Bác Hồ }}", 1, "lỗi cú pháp mẫu: dấu nháy của một chuỗi chưa được đóng (mỗi chuỗi phải mở và đóng bằng "
                         "cùng một dấu ' hay \" trên cùng lệnh)"),
    ("{{ '\\x' }}", 1, "lỗi cú pháp mẫu: sau dấu “\\” trong chuỗi là một mã không hợp lệ; hãy viết “\\\\” hoặc bỏ "
                       "dấu “\\”"),
    ("{# ghi chú\n", 1, "lỗi cú pháp mẫu: chú thích “{#” chưa được đóng bằng “#}”"),
    ("{% raw %}\n", 1, "lỗi cú pháp mẫu: khối “{% raw %}” chưa được đóng bằng “{% endraw %}”"),
    ("{% %}", 1, "lỗi cú pháp mẫu: sau “{%” cần tên một lệnh (if, for, set, block…)"),
    ("{% block noi-dung %}{% endblock %}", 1,
     "lỗi cú pháp mẫu: tên khối (block) không được có dấu “-”; hãy dùng dấu “_”"),
    ("{% set 1 = 2 %}", 1, "lỗi cú pháp mẫu: không gán giá trị được cho vế trái này; sau “{% set” hay “{% for” phải "
                           "là một tên biến (chữ không dấu, số, “_”)"),
    ("{{ url(a=1, b) }}", 1, "lỗi cú pháp mẫu: lời gọi hàm viết sai: các đối số có tên (a=1) phải đứng sau các đối "
                             "số không tên"),
    ("{% from 'base.html' import _x %}", 1,
     "lỗi cú pháp mẫu: không nhập (import) được tên bắt đầu bằng “_”; hãy đổi tên macro hay biến đó"),
    ("{% macro m(a=1, b) %}{% endmacro %}", 1,
     "lỗi cú pháp mẫu: trong định nghĩa macro, tham số không có giá trị mặc định phải đứng trước các tham số có "
     "giá trị mặc định"),
    ("{{ a. }}", 1, "lỗi cú pháp mẫu: sau dấu “.” cần tên thuộc tính hay một số"),
    ("{{ a is b is c }}", 1, "lỗi cú pháp mẫu: không viết được hai phép thử “is” liền nhau; hãy nối chúng bằng “and”"),
    ("{% call m %}{% endcall %}", 1,
     "lỗi cú pháp mẫu: sau “{% call %}” cần gọi một macro, ví dụ {% call ten_macro() %}"),
    ("{% block x required %}chữ{% endblock %}", 1,
     "lỗi cú pháp mẫu: khối “required” chỉ được chứa chú thích hay khoảng trắng; hãy chuyển nội dung sang mẫu con"),
    ("{% block a %}{% endblock %}\n{% block a %}{% endblock %}", 2,
     "lỗi cú pháp mẫu: khối “a” được định nghĩa hai lần trong cùng tệp mẫu; hãy đổi tên một khối"),
    ("{% for loop in x %}{% endfor %}", 1,
     "lỗi cú pháp mẫu: không dùng được tên “loop” làm biến của vòng lặp for (Jinja dành tên này); hãy đổi tên biến"),
    ("<p>\n{{ article.date|date_v }}\n", 2,
     "lỗi cú pháp mẫu: không có bộ lọc “date_v” (sau dấu “|”); hãy sửa tên (có phải là “date_vi”?)"),
    ("{{ a|khong_co_bo_loc_nay }}", 1, "lỗi cú pháp mẫu: không có bộ lọc “khong_co_bo_loc_nay” (sau dấu “|”); hãy sửa tên"),
    ("{{ a is defnied }}", 1, "lỗi cú pháp mẫu: không có phép thử “defnied” (sau chữ “is”); hãy sửa tên (có phải là "
                              "“defined”?)"),
]


@pytest.mark.parametrize("text,line,message", CASES, ids=[c[0][:30] for c in CASES])
def test_each_syntax_error_is_vietnamese_at_its_line(tmp_path, text, line, message):
    errors = templates(tmp_path, "thu.html", text).check()
    assert [(e.path, e.line, e.message) for e in errors] == [("templates/thu.html", line, message)]
    with pytest.raises(TemplateError) as raised:  # the same when rendering, not only when checking
        templates(tmp_path, "thu.html", text).render("thu.html", a=1, x=[])
    assert (raised.value.path, raised.value.line, raised.value.message) == ("templates/thu.html", line, message)


def test_a_filter_met_only_when_rendering_is_vietnamese_too(tmp_path):
    """A filter Jinja cannot resolve at compile time (inside {% if %}) fails when the page is rendered."""
    text = "<p>\n{% if a %}\n{{ a|khong_co }}\n{% endif %}\n"
    with pytest.raises(TemplateError) as raised:
        templates(tmp_path, "thu.html", text).render("thu.html", a=1)
    assert raised.value.message == "lỗi khi dựng mẫu: không có bộ lọc “khong_co” (sau dấu “|”); hãy sửa tên"
    assert (raised.value.path, raised.value.line) == ("templates/thu.html", 3)


def test_a_message_of_the_site_itself_is_kept(tmp_path):
    with pytest.raises(TemplateError) as raised:
        templates(tmp_path, "thu.html", "{{ asset('khong-co.css') }}").render("thu.html")
    assert raised.value.message == "lỗi khi dựng mẫu: giao diện không có tệp tĩnh “khong-co.css”"


def test_a_vietnamese_name_in_jinjas_english_is_still_translated(tmp_path):
    # Python names may hold Vietnamese letters: "No filter named 'lọc'." is English all the same.
    errors = templates(tmp_path, "thu.html", "{{ a|lọc }}\n").check()
    assert [e.message for e in errors] == ["lỗi cú pháp mẫu: không có bộ lọc “lọc” (sau dấu “|”); hãy sửa tên"]
    assert jinjareasons.reason("Name 'lọc' is gone") == jinjareasons.FALLBACK


def test_an_unforeseen_message_gets_the_vietnamese_fallback():
    assert jinjareasons.reason("some future Jinja wording") == jinjareasons.FALLBACK
    assert jinjareasons.reason("", runtime=True) == jinjareasons.RUNTIME_FALLBACK
    assert not ENGLISH.search(jinjareasons.FALLBACK + jinjareasons.RUNTIME_FALLBACK)


def _jinja_messages() -> list[str]:
    """Every message Jinja's lexer, parser, compiler and environment can raise as a syntax error,
    read from its source: the text given to fail()/TemplateSyntaxError()/Failure(), each value
    put into an f-string as a sample ('x')."""
    folder = Path(jinja2.__file__).parent
    found = []
    for module in ("lexer.py", "parser.py", "compiler.py", "environment.py"):
        for node in ast.walk(ast.parse((folder / module).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in ("fail", "TemplateSyntaxError", "TemplateAssertionError", "Failure"):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append(arg.value)
            elif isinstance(arg, ast.JoinedStr):
                found.append("".join(part.value if isinstance(part, ast.Constant) else "'x'" if part.conversion == ord("r")
                                     else "0" for part in arg.values))
    # compiler: f"No {type_name} named {node.name!r}.", type_name "filter" or "test"
    return [m.replace("No 0 named", f"No {kind} named") for m in found for kind in ("filter", "test")
            if kind == "filter" or "No 0 named" in m]


def test_every_message_in_jinjas_source_has_a_reason():
    messages = _jinja_messages()
    assert len(messages) > 25  # the scan found Jinja's messages (its source has ~30)
    for message in messages:
        text = jinjareasons.reason(message)
        if message in ("chunk after expression",):  # Environment.compile_expression: not used by the build
            continue
        assert text != jinjareasons.FALLBACK, message
        assert not ENGLISH.search(text), (message, text)


def test_a_block_left_open_is_said_at_the_end_when_its_tag_cannot_be_found():
    message = ("Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. "
               "The innermost block that needs to be closed is 'for'.")
    assert jinjareasons.reason(message) == ("tệp mẫu hết mà khối “{% for %}” chưa được đóng; hãy thêm “{% endfor %}” "
                                            "hay “{% else %}”")
    assert jinjareasons.opened_line(jinja2.Environment(), "{{ a }}\n", message) is None


@pytest.mark.parametrize("text,message", [
    ('{% extends "base.html" %}{% extends "base.html" %}',
     "lỗi khi dựng mẫu: mẫu chạy hai lệnh “{% extends %}”; mỗi mẫu chỉ được kế thừa một mẫu"),
    ("{{ [1]|map|list }}", "lỗi khi dựng mẫu: bộ lọc map cần tên một bộ lọc hay attribute=\"…\""),
    ('{{ {1: 2}|dictsort(by="x") }}', "lỗi khi dựng mẫu: bộ lọc dictsort chỉ sắp theo by=\"key\" hay by=\"value\""),
    ('{{ 1.5|round(method="x") }}', "lỗi khi dựng mẫu: bộ lọc round chỉ nhận method “common”, “ceil” hay “floor”"),
    ('{{ "x"|urlize(extra_schemes=["khong hop le"]) }}',
     "lỗi khi dựng mẫu: mẫu không dựng được ở dòng này; hãy xem lại lệnh, bộ lọc và giá trị dùng trên dòng"),
])
def test_jinjas_refusals_while_rendering_are_vietnamese(tmp_path, text, message):
    # Was: "lỗi khi dựng mẫu: extended multiple times", "… map requires a filter argument" …
    with pytest.raises(TemplateError) as raised:
        templates(tmp_path, "thu.html", "<p>\n" + text + "\n").render("thu.html")
    assert (raised.value.path, raised.value.line, raised.value.message) == ("templates/thu.html", 2, message)
