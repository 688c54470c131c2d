"""Hostile and careless inputs, round 15: a site template growing lists or its page without bound."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bad.kit import errors_of, make_site, snapshot
from generator.build import build

_TOO_LARGE = "; mẫu không được tạo giá trị lớn như vậy (việc dựng trang sẽ treo hay hết bộ nhớ), hãy bớt"
_LONG_LIST = "lỗi khi dựng mẫu: danh sách hay bảng quá dài (gọi {}() trong vòng lặp?): {}, tối đa 1.000.000" + _TOO_LARGE
_XS = "{% set xs = range(2000)|list %}"


def _built(tmp_path: Path) -> tuple[Path, dict]:
    root = make_site(tmp_path)
    build(root)
    return root, snapshot(root / "output")


def _article_template(root: Path, expression: str) -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates" / "article.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ article.title }}</h1>\n'
        f"<p>{expression}</p>\n{{% endblock %}}\n", encoding="utf-8")


@pytest.mark.parametrize("expression, reason", [
    ("{% set x = [1] %}{% for i in range(100) %}{% set _ = x.extend(x) %}{% endfor %}",
     _LONG_LIST.format("extend", "1.048.576")),
    ("{% set x = [1] %}{% for a in x %}{% set _ = x.append(a) %}{% endfor %}",
     _LONG_LIST.format("append", "1.000.001")),
    ('{% set x = [1] %}{% for a in x %}{% set _ = (x|attr("append"))(a) %}{% endfor %}',
     _LONG_LIST.format("append", "1.000.001")),
    ('{% set x = [1] %}{% for a in x %}{% set _ = x["append"](a) %}{% endfor %}',
     _LONG_LIST.format("append", "1.000.001")),
    ('{% set d = {} %}{% for a in range(100000) %}{% set _ = d.update({a: a}) %}{% set _ = d.update(d) %}'
     '{% endfor %}', "lỗi khi dựng mẫu: các danh sách, bảng mà mẫu của trang này thêm vào có tổng cộng quá nhiều mục "
     "và chữ (thêm vào danh sách trong vòng lặp lồng nhau?): 20.005.974, tối đa 20.000.000" + _TOO_LARGE),
    (_XS + '{% set x = [] %}{% set s = "y" * 900 %}{% for a in xs %}{% for b in xs[:900] %}'
     '{% set _ = x.append(s ~ b) %}{% endfor %}{% endfor %}',
     "lỗi khi dựng mẫu: các danh sách, bảng mà mẫu của trang này thêm vào có tổng cộng quá nhiều mục và chữ (thêm vào "
     "danh sách trong vòng lặp lồng nhau?): 20.000.058, tối đa 20.000.000" + _TOO_LARGE),
    (_XS + '{% set s = "y" * 900000 %}{% for a in xs %}{% for b in xs[:900] %}{{ s ~ b }}{% endfor %}{% endfor %}',
     "lỗi khi dựng mẫu: trang dài quá mức (vòng lặp lồng trong vòng lặp viết ra một đoạn dài?), số ký tự: "
     "{count}, tối đa 100.000.000" + _TOO_LARGE),  # the count: the theme's text before the loop too
], ids=["extend-itself", "append-to-the-list-looped-over", "attr-filter", "computed-key", "dict-update",
        "appends-in-nested-loops", "page-text"])
def test_a_template_growing_a_list_or_its_page_stops_at_its_line(tmp_path, expression, reason):
    # Was: x.extend(x) in a loop doubled the list until the memory was full; appending to the list a
    # loop goes through never ended; appending (or writing) distinct long texts in loops within loops
    # kept gigabytes: the loop bound counts turns, not what each turn keeps.
    refused_at_its_line(tmp_path, expression, reason, r"10\d\.\d{3}\.\d{3}")


def refused_at_its_line(tmp_path: Path, expression: str, reason: str, count: str) -> None:
    """The article template with expression at its line 4 stops the build with one error: that line,
    then reason (its "{count}" any number count matches); the published site stays as it was."""
    root, before = _built(tmp_path)
    _article_template(root, expression)
    (error,) = errors_of(root)
    expected = re.escape(f"templates/article.html:4: {reason}").replace(re.escape("{count}"), count)
    assert re.fullmatch(expected, error), error
    assert snapshot(root / "output") == before


def test_lists_and_dicts_grown_within_the_bounds_are_rendered(tmp_path):
    root, _ = _built(tmp_path)
    _article_template(root, '<span id="g">{% set x = [] %}{% set d = {} %}{% set s = [] %}{% for a in range(5) %}'
                            '{% set _ = x.append(a) %}{% set _ = x.extend([a, a]) %}{% set _ = x.insert(0, "k") %}'
                            '{% set _ = d.update({a: a}) %}{% set _ = d.setdefault("k", 1) %}{% endfor %}'
                            '{{ x|length }}|{{ x[:3]|join(",") }}|{{ d|length }}|{{ (x|attr("append"))(9) }}'
                            '{{ x["extend"]([1]) }}|{{ x|length }}|{{ "ab".ljust(4, ".") }}</span>')
    build(root)
    pages = [p.read_text(encoding="utf-8") for p in (root / "output" / "bai-viet").rglob("index.html")]
    assert sum('<span id="g">20|k,k,k|6|NoneNone|22|ab..</span>' in page for page in pages) == 2  # both articles


# The preview's answers to Range requests with conditions (RFC 9110 §13.2.2) -------------------

import test_hostile_round14  # noqa: E402
from test_hostile_round14 import _fetch_all  # noqa: E402
from generator.byteranges import etag  # noqa: E402

preview = test_hostile_round14.preview  # the fixture, by name


def test_a_range_of_an_unchanged_file_is_answered_not_modified(preview):
    # Was: 206 with the bytes again: If-None-Match was checked (by Tornado) for whole files only,
    # so a player revalidating the part it holds downloaded it again.
    data = bytes(range(250)) * 4
    tag = etag(data)
    answers = _fetch_all(preview, [
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-None-Match": tag}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-None-Match": "W/" + tag}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=5-", "If-None-Match": f'"old", {tag}'}, "HEAD"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-None-Match": "*"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=5000-", "If-None-Match": tag}, "GET"),  # 304 comes before 416
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-None-Match": tag, "If-Range": '"old"'}, "GET"),
    ])
    assert [(code, body, headers.get("Etag")) for code, headers, body in answers] == [(304, b"", tag)] * 6


def test_a_range_under_other_conditions_is_answered_as_the_rfc_says(preview):
    data = bytes(range(250)) * 4
    answers = _fetch_all(preview, [
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-None-Match": '"another-version"'}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-Modified-Since": "Wed, 21 Oct 2099 07:28:00 GMT"}, "GET"),
        ("/files/phim.mp4", {"Range": "bytes=0-9", "If-None-Match": '"old"', "If-Range": '"old"'}, "GET"),
        ("/files/phim.mp4", {"If-None-Match": etag(data)}, "GET"),
    ])
    # a changed file: its part; a date names no version (the preview sends no Last-Modified): ignored;
    # If-Range naming another version: the whole file; no Range: Tornado's 304
    assert [(code, body) for code, headers, body in answers] == [(206, data[:10]), (206, data[:10]), (200, data),
                                                                 (304, b"")]


@pytest.mark.parametrize("count", [0, 1, 127, 128, 129, 1500, 5000])
@pytest.mark.parametrize("piece", ["", "ạb"])
def test_a_pages_text_joined_in_chunks_is_the_whole_text(count, piece):
    # The bounded join takes a page's pieces in chunks: a chunk of empty pieces is no end of the page.
    from generator.templatebounds import BoundedEnvironment
    env = BoundedEnvironment()
    pieces = (piece if i < count - 1 else "cuối" for i in range(count))
    assert env.concat(pieces) == piece * max(count - 1, 0) + ("cuối" if count else "")
