"""Bad site templates and a bad site.toml: located messages, and the old output kept."""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

from bad.kit import SITE_TOML, cli, errors_of, make_site, snapshot
from generator.build import build
from generator.errors import OutputError
from generator.outputdir import check_output_dir


def built(tmp_path: Path) -> tuple[Path, dict]:
    root = make_site(tmp_path)
    build(root)
    return root, snapshot(root / "output")


def override(root: Path, name: str, text: str) -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / name).write_text(text, encoding="utf-8")


# templates ---------------------------------------------------------------------------------

def test_template_syntax_error(tmp_path):
    root, before = built(tmp_path)
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }</h1>\n'
                                   '{% endblock %}\n')
    assert errors_of(root) == ["templates/article.html:3: lỗi cú pháp mẫu: dấu “}” thừa, không có dấu “{” mở tương "
                               "ứng; một biểu thức phải đóng bằng “}}”, một lệnh bằng “%}”"]
    assert snapshot(root / "output") == before


def test_template_syntax_error_in_an_unused_template_is_found_too(tmp_path):
    root, before = built(tmp_path)
    override(root, "thu-nghiem.html", "<p>\n{{ site.title site.description }}\n</p>\n")
    assert errors_of(root) == [
        "templates/thu-nghiem.html:2: lỗi cú pháp mẫu: cần dấu “}}” đóng biểu thức nhưng gặp chữ “site”; hãy xem lại "
        "dòng này (thiếu dấu “}}” hay “%}”, thiếu dấu phẩy, dấu nháy, hay thừa chữ?)"]
    assert snapshot(root / "output") == before


def test_template_undefined_variable_reported_once_with_line(tmp_path):
    root, before = built(tmp_path)
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n'
                                   '<p>{{ tac_gia }}</p>\n{% endblock %}\n')
    assert errors_of(root) == ["templates/article.html:4: mẫu dùng biến “tac_gia” chưa được định nghĩa"]
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("expression, reason", [
    ("{{ 1 / 0 }}", "lỗi khi dựng mẫu: phép chia cho 0"),
    ('{{ article.title + 1 }}', "lỗi khi dựng mẫu: phép tính hay lệnh dùng sai loại giá trị (ví dụ cộng chữ với số, "
                                "lặp “for” qua một số, gọi một giá trị không phải hàm); hãy xem lại biểu thức ở dòng này"),
    ("{% for x in 5 %}{{ x }}{% endfor %}",
     "lỗi khi dựng mẫu: phép tính hay lệnh dùng sai loại giá trị (ví dụ cộng chữ với số, lặp “for” qua một số, gọi "
     "một giá trị không phải hàm); hãy xem lại biểu thức ở dòng này"),
    ("{{ [].pop() }}", "lỗi khi dựng mẫu: lấy một mục không có (chỉ số quá giới hạn của danh sách, hay khóa "
                                   "không có trong bảng)"),
    ('{{ "%d"|format("x") }}', "lỗi khi dựng mẫu: phép tính hay lệnh dùng sai loại giá trị (ví dụ cộng chữ với số, "
                               "lặp “for” qua một số, gọi một giá trị không phải hàm); hãy xem lại biểu thức ở dòng này"),
    ("{{ [1, 2][5] }}", "mẫu lấy mục 5 mà list không có (chỉ số quá giới hạn)"),
    ("{{ article.title[10**9] }}", "mẫu lấy mục 1000000000 mà str không có (chỉ số quá giới hạn)"),
], ids=["division", "text-plus-number", "for-over-number", "pop", "format", "list-index", "text-index"])
def test_an_expression_python_cannot_evaluate_is_located(tmp_path, expression, reason):
    # Was: a traceback (ZeroDivisionError, TypeError …), no file, no line; the English of Jinja's
    # "list object has no element 5".
    root, before = built(tmp_path)
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n'
                                   f"<p>{expression}</p>\n{{% endblock %}}\n")
    assert errors_of(root) == [f"templates/article.html:4: {reason}"]
    assert snapshot(root / "output") == before
    run = cli("build", "--root", str(root))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0] == f"templates/article.html:4: {reason}"


_TOO_LARGE = "; mẫu không được tạo giá trị lớn như vậy (việc dựng trang sẽ treo hay hết bộ nhớ), hãy bớt"
_INTERNAL = " (tên bắt đầu bằng “_” là phần bên trong của Python, mẫu không được dùng tới)"


@pytest.mark.parametrize("expression, reason", [
    ("{% for i in range(10**9) %}.{% endfor %}",
     "lỗi khi dựng mẫu: range() tạo quá nhiều số: 1.000.000.000, tối đa 100.000" + _TOO_LARGE),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "lỗi khi dựng mẫu: các range() của một trang tạo tổng cộng quá nhiều số (vòng lặp lồng trong vòng lặp?): "
     "1.100.000, tối đa 1.000.000" + _TOO_LARGE),
    ('{% set ns = namespace(s="xy") %}{% for i in range(100) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}',
     "lỗi khi dựng mẫu: phép nối tạo ra chuỗi hay danh sách quá dài (nối một giá trị với chính nó trong vòng lặp?): "
     "1.048.576, tối đa 1.000.000" + _TOO_LARGE),
    ('{% set ns = namespace(s=[1]) %}{% for i in range(100) %}{% set ns.s = ns.s + ns.s %}{% endfor %}',
     "lỗi khi dựng mẫu: phép nối tạo ra chuỗi hay danh sách quá dài (nối một giá trị với chính nó trong vòng lặp?): "
     "1.048.576, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ "x" * 10**9 }}',
     "lỗi khi dựng mẫu: phép nhân tạo ra chuỗi hay danh sách quá dài: 1.000.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ("{{ ([1] * 1000) * 100000 }}",
     "lỗi khi dựng mẫu: phép nhân tạo ra chuỗi hay danh sách quá dài: 100.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ("{{ 7 ** 100000000 }}",
     "lỗi khi dựng mẫu: lũy thừa tạo ra số quá lớn (số bit): 300.000.000, tối đa 100.000" + _TOO_LARGE),
    ('{{ "%0999999999d" % 1 }}',
     "lỗi khi dựng mẫu: độ rộng hay độ chính xác quá lớn: 999.999.999, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ "%.*f"|format(10**8, 1) }}',
     "lỗi khi dựng mẫu: độ rộng hay độ chính xác quá lớn: 100.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ "{:>999999999}".format(1) }}',
     "lỗi khi dựng mẫu: độ rộng hay độ chính xác quá lớn: 999.999.999, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ article.title.ljust(10**9) }}',
     "lỗi khi dựng mẫu: độ rộng hay độ chính xác quá lớn: 1.000.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ article.title|center(10**9) }}',
     "lỗi khi dựng mẫu: độ rộng hay độ chính xác quá lớn: 1.000.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ range(100000)|join("x" * 100000) }}',
     "lỗi khi dựng mẫu: join tạo ra chuỗi quá dài: 10.000.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ('{{ ("x" * 100000).replace("x", "y" * 1000) }}',
     "lỗi khi dựng mẫu: replace tạo ra chuỗi quá dài: 100.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ("{{ lipsum(10**7) }}",  # Jinja's lorem ipsum: 10^7 paragraphs hung the build
     "lỗi khi dựng mẫu: lipsum() tạo quá nhiều chữ: 1.000.000.000, tối đa 100.000" + _TOO_LARGE),
    ("{{ lipsum(2000, max=1000) }}",
     "lỗi khi dựng mẫu: lipsum() tạo quá nhiều chữ: 2.000.000, tối đa 100.000" + _TOO_LARGE),
    ("{{ [1]|slice(10**8)|list|length }}",  # a loop of 10^8 empty parts
     "lỗi khi dựng mẫu: slice chia thành quá nhiều phần: 100.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ("{{ [1]|batch(10**9, 0)|list|length }}",  # the last part padded to 10^9 items
     "lỗi khi dựng mẫu: batch tạo phần quá dài: 1.000.000.000, tối đa 1.000.000" + _TOO_LARGE),
    ("{{ ''.__class__ }}", "lỗi cú pháp mẫu: mẫu không được đọc thuộc tính “__class__”" + _INTERNAL),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}",
     "lỗi cú pháp mẫu: mẫu không được đọc thuộc tính “__init__”" + _INTERNAL),
    ("{{ cycler|attr('__init__') }}", "lỗi khi dựng mẫu: mẫu không được đọc thuộc tính “__init__”" + _INTERNAL),
    ("{{ [cycler]|map(attribute='__init__')|list }}",
     "lỗi khi dựng mẫu: mẫu không được đọc thuộc tính “__init__”" + _INTERNAL),
    ("{{ cycler['__in' ~ 'it__'] }}", "lỗi khi dựng mẫu: mẫu không được đọc thuộc tính “__init__”" + _INTERNAL),
    ('{{ "{0.__init__.__globals__}".format(cycler) }}',
     "lỗi khi dựng mẫu: mẫu không được đọc thuộc tính “__init__”" + _INTERNAL),
    ('{{ ("{0.__init__}"|safe).format(cycler) }}',
     "lỗi khi dựng mẫu: mẫu không được đọc thuộc tính “__init__”" + _INTERNAL),
], ids=["range", "nested-ranges", "doubled-text", "doubled-list", "text-times", "list-times", "power", "percent-width", "format-star", "str-format-width", "ljust",
        "center", "join", "replace", "lipsum", "lipsum-words", "slice", "batch", "dunder", "globals", "attr-filter", "map-attribute", "computed-key",
        "format-field", "markup-format-field"])
def test_a_template_cannot_hang_the_build_nor_reach_pythons_internals(tmp_path, expression, reason):
    # Was: range(10**9) rendered for minutes, "x" * 10**9 wrote a GB into every article page, and a
    # theme could run commands on the editor's machine through cycler.__init__.__globals__.os.
    root, before = built(tmp_path)
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n'
                                   f"<p>{expression}</p>\n{{% endblock %}}\n")
    assert errors_of(root) == [f"templates/article.html:4: {reason}"]
    assert snapshot(root / "output") == before


_TOO_MANY_TURNS = ("lỗi khi dựng mẫu: các vòng lặp của trang này đi qua tổng cộng hơn 2.000.000 mục (vòng lặp lồng trong vòng lặp qua một danh sách dài như các bài của một nhóm, hay map, "
                   "select, sort, “in” … trong một vòng lặp?); việc dựng trang sẽ mất hàng phút: hãy tính sẵn danh "
                   "sách cần dùng ở ngoài vòng lặp, hoặc lặp qua danh sách ngắn hơn")
_XS = "{% set xs = range(2000)|list %}"  # a list of 2,000, as long as a province's articles: loops over it nest


@pytest.mark.parametrize("expression", [
    _XS + "{% for a in xs %}{% for b in xs %}{% endfor %}{% endfor %}",
    "{% macro m(items) %}{% for b in items %}{% endfor %}{% endmacro %}" + _XS + "{% for a in xs %}{{ m(xs) }}{% endfor %}",
    _XS + "{% for a in xs %}{{ xs|select('odd')|list|length }}{% endfor %}",
    _XS + "{% for a in xs %}{{ xs|map('string')|join(',')|length }}{% endfor %}",
    _XS + "{% for a in xs %}{{ xs|sort|first }}{% endfor %}",
    _XS + "{% for a in xs %}{% if a in xs %}.{% endif %}{% endfor %}",
    _XS + "{% for a in xs %}{% if a is in xs %}.{% endif %}{% endfor %}",
    _XS + "{% for a in xs recursive %}{% if loop.depth < 3 %}{{ loop(xs) }}{% endif %}{% endfor %}",
    _XS + "{% for a in xs %}{% set _ = cards(xs) %}{% endfor %}",  # not written: 2,000 cards a turn pass the page text bound
], ids=["for-in-for", "macro", "select", "map-join", "sort", "in", "in-test", "recursive", "cards"])
def test_loops_within_loops_over_a_long_list_stop_at_their_line(tmp_path, expression):
    # Was: {% for a in g.articles %}{% for b in g.articles %} on a 10,000-article site rendered for
    # minutes (10^8 turns): range() was bounded, loops over the site's own lists were not.
    root, before = built(tmp_path)
    if "cards" in expression:  # cards() of articles (each card rendered once, then kept)
        expression = expression.replace("range(2000)|list", "[article] * 2000")
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n'
                                   f"<p>{expression}</p>\n{{% endblock %}}\n")
    assert errors_of(root) == [f"templates/article.html:4: {_TOO_MANY_TURNS}"]
    assert snapshot(root / "output") == before


def test_a_page_going_through_a_long_list_a_few_times_is_built(tmp_path):
    # A page's loops are counted afresh on each page, and a long list gone through a few times, by
    # loops and filters, stays within the bound: 2,000 items 900 times is 1,800,000.
    root, _ = built(tmp_path)
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n' + _XS +
             '{% set ns = namespace(n=0) %}{% for a in range(300) %}{% for b in xs %}{% endfor %}'
             '{% set ns.n = ns.n + (xs|select("odd")|list|length) + (7 in xs) %}{% endfor %}'
             '<p id="n">{{ ns.n }}</p>\n{% endblock %}\n')
    build(root)
    pages = [p.read_text(encoding="utf-8") for p in (root / "output" / "bai-viet").rglob("index.html")]
    assert len(pages) > 1 and all('<p id="n">300300</p>' in page for page in pages)


def test_what_templates_do_within_the_bounds_is_rendered_as_before(tmp_path):
    root, _ = built(tmp_path)
    override(root, "page.html", '{% extends "base.html" %}\n{% block main %}\n<p id="t">'
                                '{{ "ab" * 3 }}|{{ 2 ** 10 }}|{{ "%02d" % 7 }}|{{ "%s-%s"|format(1, 2) }}|'
                                '{{ "{:>4}".format(7) }}|{{ range(3)|join(",") }}|{{ {"_k": 5}["_k"] }}|'
                                '{{ "a.b".replace(".", "/") }}|{{ "x"|center(5) }}|{{ 17 % 5 }}|'
                                '{{ "a" ~ 1 ~ page.title|length }}|{{ 2 + 3 }}|{{ ([1] + [2])|length }}|'
                                '{% for i in range(2, 5) %}{{ i }}{% endfor %}'
                                '{% for i in range(9) %}{% set n = range(100000)|length %}{% endfor %}</p>\n'
                                '{% endblock %}\n')  # 900,000 items: within a page's bound
    override(root, "article.html", '{% extends "base.html" %}\n{% block main %}\n'  # counted afresh on each page
                                   '{% for i in range(9) %}{% set n = range(100000)|length %}{% endfor %}\n'
                                   '{% endblock %}\n')
    build(root)
    page = next(p for p in (root / "output").rglob("index.html") if 'id="t"' in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    assert '<p id="t">ababab|1024|07|1-2|   7|0,1,2|5|a/b|  x  |2|a110|5|2|234</p>' in text  # "Giới thiệu": 10


def test_template_undefined_attribute(tmp_path):
    root, before = built(tmp_path)
    override(root, "page.html", '{% extends "base.html" %}\n{% block main %}\n{{ page.tac_gia }}\n{% endblock %}\n')
    assert errors_of(root) == ["templates/page.html:3: mẫu dùng thuộc tính “tac_gia” mà Page không có"]
    assert snapshot(root / "output") == before


def test_template_error_via_cli(tmp_path):
    root, before = built(tmp_path)
    override(root, "base.html", "<!doctype html>\n<title>{{ site.title }}</title>\n{% block main %}{% endblock %\n")
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stderr.splitlines()[0].startswith("templates/base.html:3: lỗi cú pháp mẫu: ")
    assert run.stderr.splitlines()[-1] == "Không dựng được trang: 1 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên."
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("name", ["/etc/passwd", "../site.toml", "khong-co.html"])
def test_a_template_including_a_missing_or_outside_file_is_located(tmp_path, name):
    # Was: "không đọc hoặc ghi được tệp: '/etc/passwd' not found in search paths: …", no file, no line.
    root, before = built(tmp_path)
    override(root, "page.html", '{% extends "base.html" %}\n{% block main %}\n'
                                f'{{% include "{name}" %}}\n{{% endblock %}}\n')
    assert errors_of(root) == [f"templates/page.html:3: mẫu “{name}” không có trong thư mục mẫu "
                               f"(templates/ hay thư mục templates/ của giao diện); hãy sửa tên mẫu"]
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("name, text, line", [
    ("page.html", '{% extends "base.html" %}\n{% block main %}\n{% include "page.html" %}\n{% endblock %}\n', 3),
    ("_lap.html", '{% macro lap(n) %}\n{{ lap(n + 1) }}\n{% endmacro %}\n{{ lap(0) }}\n', 2),
])
def test_a_template_calling_itself_without_end_is_located_not_a_traceback(tmp_path, name, text, line):
    # Was: a RecursionError traceback from the render worker, exit 1 without a path:line.
    root, before = built(tmp_path)
    override(root, name, text)
    if name != "page.html":
        override(root, "page.html", '{% extends "base.html" %}\n{% block main %}\n'
                                    f'{{% include "{name}" %}}\n{{% endblock %}}\n')
    assert errors_of(root) == [f"templates/{name}:{line}: mẫu gọi lại chính nó không dừng (một mẫu include "
                               f"chính nó, hay một macro tự gọi mình mãi); hãy bỏ vòng lặp đó"]
    run = cli("build", "--root", str(root))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0].startswith(f"templates/{name}:{line}: ")
    assert snapshot(root / "output") == before


def test_a_template_saved_in_another_code_page_is_located_not_a_traceback(tmp_path):
    # Was: a UnicodeDecodeError traceback out of Jinja's loader, no file named.
    root, before = built(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "_footer.html").write_bytes("<footer>\n<p>Theo Bác</p>\n</footer>\n".encode("cp1258"))
    assert errors_of(root) == ["templates/_footer.html:2: tệp mẫu không phải UTF-8 hợp lệ: byte không đọc được ở "
                               "vị trí 18 (0xe1); hãy lưu lại tệp với mã hóa UTF-8"]
    run = cli("check", "--root", str(root))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0].startswith("templates/_footer.html:2: tệp mẫu không phải UTF-8 hợp lệ")
    assert snapshot(root / "output") == before


# site.toml ---------------------------------------------------------------------------------

@pytest.mark.parametrize("toml, expected", [
    ('title = "Học tập\nbase_url = "https://example.org/"\n',
     ["site.toml:1: cú pháp TOML không hợp lệ: chuỗi chưa được đóng bằng dấu ngoặc kép trên cùng dòng"]),
    ('base_url = "https://example.org/"\n[feeds\nsize = 3\n',
     ["site.toml:2: cú pháp TOML không hợp lệ: thiếu dấu “]” đóng tên bảng, ví dụ [feeds]"]),
    ('base_url = "https://example.org/"\ntitel = "Học tập và làm theo Bác"\n',
     ["site.toml:2: khóa không hợp lệ “titel” (có phải ý bạn là: “title”?)"]),
    ('base_url = "https://example.org/"\n[security]\niframe_host = ["www.youtube.com"]\n',
     ["site.toml:3: khóa không hợp lệ [security] “iframe_host” (có phải ý bạn là: “iframe_hosts”?)"]),
    ('base_url = "example.org"\n',
     ["site.toml:1: “base_url” phải là địa chỉ đầy đủ có http:// hoặc https://, ví dụ “https://example.org/”, "
      "không phải “example.org”"]),
    ('base_url = "//example.org/"\nper_page = "12"\ntimezone = "Asia/Hanoi"\n', [
        "site.toml:1: “base_url” phải là địa chỉ đầy đủ có http:// hoặc https://, ví dụ “https://example.org/”, "
        "không phải “//example.org/”",
        "site.toml:2: “per_page” phải là một số nguyên, không phải “12”",
        "site.toml:3: không biết múi giờ “Asia/Hanoi” (dùng ví dụ “Asia/Ho_Chi_Minh”)",
    ]),
    ('base_url = "https://example.org/"\ntheme = "mac-dinh"\n',
     ["site.toml:2: không có giao diện “mac-dinh”: không có thư mục themes/mac-dinh; các giao diện có: default"]),
    ('base_url = "https://example.org/"\ntheme = "defualt"\n',
     ["site.toml:2: không có giao diện “defualt”: không có thư mục themes/defualt; các giao diện có: default "
      "(có phải ý bạn là: “default”?)"]),
    ('base_url = "https://example.org/"\ntheme = "../../../../../../etc"\n',
     ["site.toml:2: “theme” phải là tên một thư mục giao diện trong themes/ (chữ, số, “-”, “_”), "
      "không phải đường dẫn “../../../../../../etc”"]),
    ('base_url = "https://example.org/"\ntheme = "/usr/share"\n',
     ["site.toml:2: “theme” phải là tên một thư mục giao diện trong themes/ (chữ, số, “-”, “_”), "
      "không phải đường dẫn “/usr/share”"]),
], ids=["toml-string", "toml-table", "unknown-key", "unknown-section-key", "base-url", "several",
        "missing-theme", "misspelt-theme", "theme-up", "theme-absolute"])
def test_bad_config(tmp_path, toml, expected):
    root, before = built(tmp_path)
    (root / "site.toml").write_text(toml, encoding="utf-8")
    assert errors_of(root) == expected
    assert snapshot(root / "output") == before


# tomllib's refusals: each in Vietnamese at its line. Was: its English words for all but six
# ("Unterminated string", "Expected newline or end of document after a statement" …), and no line
# at all for a string or a list left open to the end of the file.
@pytest.mark.parametrize("toml, expected", [
    ('base_url = "https://example.org/"\ndescription = """Trang tin\n\nper_page = 3\n',
     "site.toml:2: cú pháp TOML không hợp lệ: chuỗi chưa được đóng bằng dấu ngoặc kép"),
    ('base_url = "https://example.org/"\ntitle = "Học tập" và làm theo Bác\n',
     "site.toml:2: cú pháp TOML không hợp lệ: còn chữ thừa sau giá trị trên cùng dòng: mỗi dòng chỉ một "
     "“khóa = giá trị”, và chuỗi phải nằm trọn trong dấu ngoặc kép"),
    ('base_url = "https://example.org/"\ntitle = "C:\\Bác"\n',
     "site.toml:2: cú pháp TOML không hợp lệ: sau dấu “\\” trong chuỗi ngoặc kép là một mã không hợp lệ; hãy viết "
     "“\\\\” hoặc dùng ngoặc đơn '…'"),
    ("base_url = '''https://example.org/\n",
     "site.toml:1: cú pháp TOML không hợp lệ: chuỗi chưa được đóng bằng dấu ngoặc đơn '"),
    ('base_url = "https://example.org/"\n[security]\niframe_hosts = ["www.youtube.com"\n\n',
     "site.toml:3: cú pháp TOML không hợp lệ: danh sách chưa được đóng bằng dấu “]”"),
    ('base_url = "https://example.org/"\npublisher = {organization = "Ban"\n',
     "site.toml:2: cú pháp TOML không hợp lệ: bảng {…} chưa được đóng bằng dấu “}” (cả bảng {…} phải nằm trên "
     "một dòng)"),
    ('base_url = "https://example.org/"\n= 3\n',
     "site.toml:2: cú pháp TOML không hợp lệ: tên khóa không hợp lệ: tên khóa chỉ gồm chữ không dấu, số, “_” và "
     "“-” (tên khác phải đặt trong dấu ngoặc kép); mỗi dòng phải có dạng khóa = giá trị hoặc [tên bảng]"),
    ('base_url = "https://example.org/"\n[[feeds\n',
     "site.toml:2: cú pháp TOML không hợp lệ: thiếu dấu “]]” đóng tên bảng, ví dụ [[…]]"),
    ('base_url = "https://example.org/"\n[security]\niframe_hosts = ["www.youtube.com",\n\n',
     "site.toml:3: cú pháp TOML không hợp lệ: tệp hết mà giá trị chưa xong: một danh sách [ hay bảng { chưa được "
     "đóng"),
], ids=["triple-quote-open", "text-after-string", "bad-escape", "single-quote-open", "list-open", "inline-table-open",
        "no-key", "array-table", "list-open-after-comma"])
def test_toml_refusals_are_said_in_vietnamese_at_their_line(tmp_path, toml, expected):
    root, before = built(tmp_path)
    (root / "site.toml").write_text(toml, encoding="utf-8")
    assert errors_of(root) == [expected]
    assert snapshot(root / "output") == before


@pytest.mark.parametrize("toml", [
    'title = "a', "title = a", "[x", 'title = "a"\ntitle = "b"', "per_page = 1_", 'title = """a\n\nb',
    'title = "\\uD800"', "[[x", "x = {a = 1", "x = {a = 1, a = 2}", "x = [1, 2", "ti tle = 1", "= 1",
    "x = 1979-05-27T25:00:00", "x.y = 1\nx = 2", "a = {b = 1}\na.c = 2", "title = '''a", "title = 'a", "x = 0x",
    "[a]]", "x = 1979-13-01", "a = { b = 1 }\n[a]", 'a."b = 1', "x = [1,,2]", "x = {a = 1,}", "[a.]",
])
def test_no_toml_refusal_is_said_in_tomllib_s_english(tmp_path, toml):
    with pytest.raises(tomllib.TOMLDecodeError) as refused:
        tomllib.loads(toml + "\n")
    english = re.sub(r"\s*\(at .*\)", "", str(refused.value))
    make_site(tmp_path)
    (tmp_path / "site.toml").write_text(toml + "\n", encoding="utf-8")
    [error] = errors_of(tmp_path)
    assert re.match(r"site\.toml:\d+: cú pháp TOML không hợp lệ: ", error), error  # a line, at the end of file too
    assert english not in error and not re.search(r"\b(Expected|Invalid|Cannot|Unclosed|Illegal)\b", error), error


@pytest.mark.parametrize("value, line", [
    ("[" * 5000 + "]" * 5000, 2),
    ("{a = " * 3000 + "1" + "}" * 3000, 2),
    ("[\n" + "[\n" * 3000 + "]\n" * 3000 + "]", 102),
], ids=["arrays", "inline-tables", "arrays-on-lines"])
def test_toml_nested_past_pythons_recursion_is_located(tmp_path, value, line):
    # Was: tomllib's RecursionError, a traceback.
    root, before = built(tmp_path)
    (root / "site.toml").write_text(f'base_url = "https://example.org/"\nx = {value}\n', encoding="utf-8")
    expected = (f"site.toml:{line}: cú pháp TOML không hợp lệ: danh sách [...] hay bảng {{...}} lồng nhau quá sâu; "
                "hãy viết các giá trị phẳng hơn")
    assert errors_of(root) == [expected]
    run = cli("check", "--root", str(root))
    assert run.returncode == 1 and "Traceback" not in run.stderr and run.stderr.splitlines()[0] == expected
    assert snapshot(root / "output") == before


def test_a_theme_of_the_sites_own_themes_folder_is_used(tmp_path):
    root, _ = built(tmp_path)
    (root / "themes" / "xanh" / "static").mkdir(parents=True)
    (root / "themes" / "xanh" / "static" / "xanh.css").write_text("body{color:navy}", encoding="utf-8")
    (root / "site.toml").write_text(SITE_TOML + 'theme = "xanh"\n', encoding="utf-8")
    assert errors_of(root) == []
    assert list((root / "output" / "assets").glob("xanh.*.css"))
    (root / "site.toml").write_text(SITE_TOML + 'theme = "xan"\n', encoding="utf-8")
    assert errors_of(root) == ["site.toml:3: không có giao diện “xan”: không có thư mục themes/xan; "
                               "các giao diện có: default, xanh (có phải ý bạn là: “xanh”?)"]


def test_urls_that_put_two_kinds_of_page_in_one_place_are_said_in_words(tmp_path):
    # Was: "tag:gioi-thieu:1: hai nguồn cùng ghi ra “gioi-thieu/index.html”: page:gioi-thieu và
    # tag:gioi-thieu:1", the build's own job names in place of a file and a line.
    root, before = built(tmp_path)
    (root / "content" / "pages" / "thi-dua-yeu-nuoc.md").write_text('---\ntitle: "Thi đua"\n---\n\nNội dung.\n',
                                                                   encoding="utf-8")
    (root / "site.toml").write_text(SITE_TOML + '[urls]\ntag = "{slug}/"\n', encoding="utf-8")
    assert errors_of(root) == [
        "site.toml: trang “thi-dua-yeu-nuoc” và trang chủ đề “thi-dua-yeu-nuoc” cùng được ghi ra "
        "“thi-dua-yeu-nuoc/index.html”: [urls] đặt hai loại trang vào cùng một chỗ; hãy sửa [urls] "
        "(hoặc đổi tên một trong hai)"]
    assert snapshot(root / "output") == before


def test_bad_config_via_cli(tmp_path):
    root, before = built(tmp_path)
    (root / "site.toml").write_text(SITE_TOML + "per_pag = 10\n", encoding="utf-8")
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "site.toml:3: khóa không hợp lệ “per_pag” (có phải ý bạn là: “per_page”?)",
        "Không dựng được trang: 1 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên.",
    ]
    assert snapshot(root / "output") == before


# the output folder -------------------------------------------------------------------------

@pytest.mark.parametrize("output, what", [
    (".", "không thể dùng thư mục dự án ({target}) làm thư mục đầu ra"),
    ("content", "không thể dùng thư mục nội dung ({target}) làm thư mục đầu ra"),
    ("content/articles/out", "thư mục đầu ra {target} nằm trong thư mục nội dung"),
    ("..", "thư mục đầu ra {target} chứa cả dự án; hãy chọn một thư mục con như “output”"),
    ("../..", "thư mục đầu ra {target} chứa cả dự án; hãy chọn một thư mục con như “output”"),
    ("/", "không thể dùng thư mục gốc của ổ đĩa (/) làm thư mục đầu ra"),
])
def test_refuses_dangerous_output_dir(tmp_path, output, what):
    root = make_site(tmp_path / "site")
    before = snapshot(tmp_path)
    target = (root / output).resolve()
    assert errors_of(root, output=output) == ["--output: " + what.format(target=target)]
    assert snapshot(tmp_path) == before


def test_an_output_folder_under_a_file_is_a_message_not_a_traceback(tmp_path):
    # Was: NotADirectoryError out of the incremental state, before any message could be given.
    root, before = built(tmp_path)
    run = cli("build", "--root", str(root), "--output", "site.toml/out")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[0] == "site.toml: không đọc hoặc ghi được tệp: đã có một tệp trùng tên ở chỗ thư mục"
    assert snapshot(root / "output") == before and (root / "site.toml").is_file()


def test_refuses_home_dir(tmp_path, monkeypatch):
    home = tmp_path / "home"
    root = make_site(home / "site")
    monkeypatch.setenv("HOME", str(home))
    before = snapshot(tmp_path)
    assert errors_of(root, output=str(home)) == [
        f"--output: không thể dùng thư mục nhà ({home.resolve()}) làm thư mục đầu ra"]
    assert snapshot(tmp_path) == before
    with pytest.raises(OutputError):
        check_output_dir(Path.home(), root, root / "content")


def test_refuses_output_dir_via_cli(tmp_path):
    root = make_site(tmp_path)
    before = snapshot(tmp_path)
    run = cli("build", "--root", str(root), "--output", ".")
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == f"--output: không thể dùng thư mục dự án ({root.resolve()}) làm thư mục đầu ra"
    after = snapshot(tmp_path)
    after.pop(".lamtheobac.lock", None)
    assert after == before


# site.toml values that break every page ----------------------------------------------------

@pytest.mark.parametrize("toml, expected", [
    ('title = "Học tập\\u0007"\nbase_url = "https://example.org/"\n',
     ["site.toml:1: “title” có ký tự điều khiển vô hình U+0007; hãy xóa nó (nó làm hỏng các tệp tin Atom)"]),
    ('base_url = "https://example.org/"\n[security]\niframe_hosts = ["www.youtube.com", "a\\u009bb"]\n',
     ["site.toml:3: [security] “iframe_hosts” có ký tự điều khiển vô hình U+009B; hãy xóa nó "
      "(nó làm hỏng các tệp tin Atom)"]),
    ('base_url = "https://example.org/hoc tap/"\n',
     ["site.toml:1: “base_url” không được chứa dấu cách, dấu ngoặc kép, < > ` \\ hay ký tự điều khiển "
      "(viết dấu cách là %20): “https://example.org/hoc tap/”"]),
    ('base_url = \'https://example.org/"x/\'\n',
     ["site.toml:1: “base_url” không được chứa dấu cách, dấu ngoặc kép, < > ` \\ hay ký tự điều khiển "
      "(viết dấu cách là %20): “https://example.org/\"x/”"]),
    ('base_url = "https://example.org/?a=1"\n',
     ["site.toml:1: “base_url” không được có phần “?…” hay “#…”: “https://example.org/?a=1”"]),
    # A bidi control, raw or escaped (was: published, the site's name shown reversed on every page)
    ('title = "Học tập \\u202Eab"\nbase_url = "https://example.org/"\n',
     ["site.toml:1: “title” có ký tự điều khiển hướng chữ U+202E, làm chữ hiện ra khác với chữ thật; hãy xóa ký "
      "tự đó (gõ lại đoạn chữ này)"]),
    ('base_url = "https://example.org/"\n[publisher]\norganization = "Ban \u2067biên tập"\n',
     ["site.toml:3: [publisher] “organization” có ký tự điều khiển hướng chữ U+2067, làm chữ hiện ra khác với "
      "chữ thật; hãy xóa ký tự đó (gõ lại đoạn chữ này)"]),
    (b'title = "Hoc"\nbase_url = "https://example.org/"\ndescription = "\xe0"\n',
     ["site.toml:3: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 63 (0xe0); "
      "hãy lưu lại tệp với mã hóa UTF-8"]),
], ids=["control-title", "control-list", "bidi-escaped", "bidi-raw", "base-url-space", "base-url-quote",
        "base-url-query", "not-utf8"])
def test_config_values_that_would_break_every_page(tmp_path, toml, expected):
    root, before = built(tmp_path)
    if isinstance(toml, bytes):
        (root / "site.toml").write_bytes(toml)
    else:
        (root / "site.toml").write_text(toml, encoding="utf-8")
    assert errors_of(root) == expected
    assert snapshot(root / "output") == before


# unreadable files and folders --------------------------------------------------------------

def cli_without_privilege(*args: str):
    """The command with permission bits in force: as root (CI runs as root), without the
    capabilities that let root read anything (setpriv, from util-linux)."""
    import shutil

    if os.geteuid() != 0:
        return cli(*args)
    from conftest import need

    need(shutil.which("setpriv") is not None, "setpriv (util-linux) to drop root's read capabilities")
    import subprocess
    import sys

    from bad.kit import PROJECT
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-m",
                           "generator", *args], capture_output=True, text=True, env=env, cwd=PROJECT, timeout=120)


NO_READ = "không có quyền đọc; hãy kiểm tra quyền truy cập"
SUMMARY = "Không dựng được trang: {} lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên."


@pytest.mark.parametrize("where, mode, expected", [
    ("content/articles/ha-noi-neu-guong.md", 0o000,
     f"content/articles/ha-noi-neu-guong.md:1: không đọc được tệp: {NO_READ}"),
    ("content/articles/mot-thu-muc", 0o000, f"content/articles/mot-thu-muc: không đọc được thư mục: {NO_READ}"),
    ("content/pages/gioi-thieu.md", 0o000, f"content/pages/gioi-thieu.md:1: không đọc được tệp: {NO_READ}"),
    ("content/images/anh.jpg", 0o000,  # reported where an article shows it (generator/photos.py)
     f"content/articles/ha-noi-neu-guong.md:9: ảnh “/images/anh.jpg” (khóa “image”) không đọc được tệp ({NO_READ})"),
    ("content/data/tags.csv", 0o000, f"content/data/tags.csv:1: không đọc được tệp dữ liệu: {NO_READ}"),
    ("content/data", 0o000, f"content/data: không đọc được thư mục dữ liệu: {NO_READ}"),
    ("templates", 0o000, f"templates: không đọc được thư mục mẫu: {NO_READ}"),
    ("templates", 0o600, f"templates: không đọc được thư mục mẫu: {NO_READ}"),
    ("templates/article.html", 0o000, f"templates/article.html:1: không đọc được tệp mẫu: {NO_READ}"),
    ("site.toml", 0o000, f"site.toml:1: không đọc được tệp: {NO_READ}"),
], ids=["article", "articles-folder", "page", "image", "data-file", "data-folder", "templates-folder",
        "templates-folder-no-x", "template", "site-toml"])
def test_unreadable_files_and_folders_are_reported(tmp_path, where, mode, expected):
    root, before = built(tmp_path)
    (root / "content" / "articles" / "mot-thu-muc").mkdir()
    (root / "content" / "articles" / "mot-thu-muc" / "bai.md").write_text(
        "---\ntitle: Bài\ndate: 2021-01-01\n---\n\nx\n", encoding="utf-8")
    (root / "content" / "data").mkdir()
    (root / "content" / "data" / "tags.csv").write_text("name,description\nkể chuyện,x\n", encoding="utf-8")
    override(root, "article.html", (Path(__file__).parent.parent / "themes" / "default" / "templates" /
                                    "article.html").read_text("utf-8"))
    assert cli("build", "--root", str(root)).returncode == 0
    before = snapshot(root / "output")
    target = root / where
    later = target.stat().st_mtime + 10
    os.utime(target, (later, later))  # saved again (unchanged, a build would reuse what it read)
    target.chmod(mode)
    try:
        run = cli_without_privilege("build", "--root", str(root))
    finally:
        target.chmod(0o755 if target.is_dir() else 0o644)
    assert run.stderr.splitlines() == [expected, SUMMARY.format(1)], run.stderr
    assert run.returncode == 1
    assert snapshot(root / "output") == before


def test_published_files_differing_only_in_case_are_refused(tmp_path):
    """content/images/anh.jpg beside ANH.JPG, content/files/Album/a.pdf beside album/a.pdf: both were
    published (exit 0); on Windows or a Mac, where they are one file, checking the project out loses
    one of them, and a host ignoring case serves one for both. Refused at the later name, the site kept."""
    from bad.kit import small_jpeg
    root = make_site(tmp_path / "site")
    (root / "content/images/ANH.JPG").write_bytes(small_jpeg(40, 30))
    for folder in ("Album", "album"):
        (root / "content/files" / folder).mkdir(parents=True)
        (root / "content/files" / folder / "a.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    said = ("tên tệp này chỉ khác tên tệp {} ở chữ hoa, chữ thường: trên Windows và máy Mac hai tên này là một tệp, "
            "nên khi chép dự án sang đó một trong hai tệp sẽ mất, và máy chủ web không phân biệt chữ hoa, chữ thường "
            "sẽ chỉ phát một tệp; hãy đổi tên một trong hai tệp")
    assert errors_of(root) == [
        "content/files/album/a.pdf:1: " + said.format("content/files/Album/a.pdf"),
        "content/images/anh.jpg:1: " + said.format("content/images/ANH.JPG")]
    (root / "content/images/ANH.JPG").unlink()
    (root / "content/files/Album/a.pdf").unlink()
    assert errors_of(root) == []


def test_published_files_differing_only_in_nfc_nfd_are_refused_as_such(tmp_path):
    """content/images/Hòa.jpg written once with composed letters, once with combining marks: the
    message was `hai nguồn cùng ghi ra “images/Hòa.jpg”`, without a line or a reason."""
    import unicodedata

    from bad.kit import small_jpeg
    root = make_site(tmp_path / "site")
    composed, decomposed = (unicodedata.normalize(form, "Hòa.jpg") for form in ("NFC", "NFD"))
    (root / "content/images" / composed).write_bytes(small_jpeg(40, 30))
    (root / "content/images" / decomposed).write_bytes(small_jpeg(40, 31))
    assert errors_of(root) == [
        f"content/images/{composed}:1: tên tệp này trông giống hệt tên tệp content/images/{composed}, chỉ khác cách "
        f"mã hóa dấu tiếng Việt (NFC/NFD), nên hai tệp cùng được xuất bản ở một địa chỉ; hãy xóa hoặc đổi tên một "
        f"trong hai tệp"]


def test_a_sites_template_named_with_other_capitals_than_the_themes_is_said(tmp_path):
    """templates/_Footer.html (meant to replace the theme's _footer.html) replaced it on Windows and a
    Mac and was ignored on Linux without a word: the published site had the theme's footer."""
    root, before = built(tmp_path)
    override(root, "_Footer.html", "<footer>Chân trang riêng</footer>\n")
    assert errors_of(root) == [
        "templates/_Footer.html:1: tên mẫu “_Footer.html” chỉ khác mẫu “_footer.html” ở chữ hoa, chữ thường: trên "
        "Windows, máy Mac mẫu này thay cho mẫu kia, trên máy chủ Linux thì không, nên trang dựng ở mỗi nơi sẽ khác "
        "nhau; hãy đổi tên tệp thành “_footer.html” (hoặc đặt một tên khác hẳn)"]
    assert snapshot(root / "output") == before
    (root / "templates/_Footer.html").rename(root / "templates/_footer.html")
    assert errors_of(root) == []


def test_an_output_folder_refused_names_its_line_of_site_toml(tmp_path):
    """An output_dir written in site.toml and refused (the content folder, a folder the build did not
    make) was reported as "site.toml: …" with no line; its line is given now. From --output (no line
    to give) and by default the message is as it was."""
    root = make_site(tmp_path / "site", toml=SITE_TOML + '# đầu ra\noutput_dir = "content"\n')
    (root / "khac").mkdir()
    (root / "khac" / "so-lieu.txt").write_text("dữ liệu\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert errors_of(root) == [
        f"site.toml:4: không thể dùng thư mục nội dung ({(root / 'content').resolve()}) làm thư mục đầu ra"]
    (root / "site.toml").write_text(SITE_TOML + 'output_dir = "khac"\n', encoding="utf-8")
    assert errors_of(root) == [
        "site.toml:3: thư mục đầu ra “khac” đã có nội dung nhưng không phải do lamtheobac dựng ra (không có tệp "
        ".lamtheobac-output); để không làm mất dữ liệu, lamtheobac không thay thế nó: hãy chọn thư mục khác "
        "(--output) hoặc tự xóa thư mục này"]
    assert errors_of(root, output="content") == [  # named on the command line: not site.toml's line or file
        f"--output: không thể dùng thư mục nội dung ({(root / 'content').resolve()}) làm thư mục đầu ra"]
    after = snapshot(tmp_path)
    after.pop("site/.lamtheobac.lock", None)
    after.pop("site/site.toml")
    before.pop("site/site.toml")
    assert after == before
