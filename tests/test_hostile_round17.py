"""Hostile and careless inputs, round 17: a site template comparing or hashing a list nested in itself."""
from __future__ import annotations

import multiprocessing
import re
import time
from pathlib import Path

import pytest

import test_hostile_round15
from bad.kit import errors_of, snapshot
from generator.build import build

_built, _article_template = test_hostile_round15._built, test_hostile_round15._article_template
_TOO_LARGE = "; mẫu không được tạo giá trị lớn như vậy (việc dựng trang sẽ treo hay hết bộ nhớ), hãy bớt"
_HEAVY = ("lỗi khi dựng mẫu: {operation} phải đi qua một giá trị quá lớn (một danh sách hay bảng chứa một danh sách "
          "khác nhiều lần, lồng nhau nhiều tầng?), số mục và ký tự: {{count}}, tối đa 20.000.000" + _TOO_LARGE)
_SHOWN = ("lỗi khi dựng mẫu: giá trị đem in hay đổi thành chữ quá lớn (một danh sách hay bảng chứa một danh sách khác "
          "nhiều lần, lồng nhau nhiều tầng?), số mục và ký tự: {count}, tối đa 20.000.000" + _TOO_LARGE)
# Two lists, and two tuples, equal but not the same, each holding the one before twice, 40 levels: 2^40
# items each to compare or hash (the build went through them all: hours). Their weight is found in 40 steps.
_NESTED = ("{% set ns = namespace(x=[1], y=[1], t=(1,), u=(1,)) %}{% for i in range(40) %}"
           "{% set ns.x = [ns.x, ns.x] %}{% set ns.y = [ns.y, ns.y] %}{% set ns.t = (ns.t, ns.t) %}"
           "{% set ns.u = (ns.u, ns.u) %}{% endfor %}")
_LONG = "{% set s = 'a' * 1000000 %}"  # a million references to a text of a million characters: 10^12 to compare
_LIMIT = 20  # seconds a refused build may take (it takes under one); past it the build hung


@pytest.mark.parametrize("expression, operation", [
    ("{{ ns.x == ns.y }}", "phép so sánh =="),
    ("{{ ns.x != ns.y }}", "phép so sánh !="),
    ("{{ ns.x < ns.y }}", "phép so sánh <"),
    ("{{ ns.x <= ns.y <= ns.x }}", "phép so sánh <="),
    ("{% if ns.t >= ns.u %}a{% endif %}", "phép so sánh >="),
    ("{{ ns.x in [ns.y] }}", "phép “in”"),
    ("{{ ns.x not in [1, ns.y] }}", "phép “in”"),
    ("{{ ns.x in [ns.y]|select }}", "phép “in”"),
    ("{{ ns.t in {'a': 1} }}", "phép “in”"),
    (_LONG + "{{ (s[:-1] ~ 'b') in [s] * 1000000 }}", "phép “in”"),
    ("{{ ns.x is in [ns.y] }}", "phép “in”"),
    ("{{ ns.x is eq ns.y }}", "phép so sánh =="),
    ("{{ [ns.x]|select('equalto', ns.y)|list }}", "phép so sánh =="),
    ("{{ [{'k': ns.x}]|selectattr('k', 'lt', ns.y)|list }}", "phép so sánh <"),
    ("{{ [ns.x, ns.y]|sort|length }}", "sort"),
    ("{{ [{'k': ns.x}, {'k': ns.y}]|sort(attribute='k')|length }}", "sort"),
    (_LONG + "{{ ([s, s[:-1] ~ 'a'] * 500000)|sort|length }}", "sort"),
    ("{{ [ns.t, ns.u]|unique|list|length }}", "unique"),
    ("{{ [ns.x, ns.y]|max|length }}", "max"),
    ("{{ [ns.x, ns.y]|min|length }}", "min"),
    ("{{ [{'k': ns.x}, {'k': ns.y}]|groupby('k')|length }}", "groupby"),
    ("{{ {'a': ns.x, 'b': ns.y}|dictsort(by='value')|length }}", "dictsort"),
    ("{% for v in [ns.x, ns.y] %}{{ loop.changed(v) }}{% endfor %}", "loop.changed()"),
    ("{{ {ns.t: 1}|length }}", "khóa của bảng {…}"),
    ("{{ {1: 2}[ns.t] is defined }}", "phép lấy mục […]"),
    ("{{ [ns.y].index(ns.x) }}", "index()"),
    ("{{ [ns.y].count(ns.x) }}", "count()"),
    ("{% set f = [ns.y].count %}{{ f(ns.x) }}", "count()"),
    ("{{ {}.get(ns.t) }}", "get()"),
    ("{{ dict([(ns.t, 1)])|length }}", "dict()"),
    ("{{ ({1: 1}.keys() - [ns.t])|length }}", "phép trừ -"),
    ("{{ asset(ns.t) }}", "asset()"),
    ("{% include ns.t %}", "tên mẫu của include, import hay extends"),
], ids=["eq", "ne", "lt", "chain", "tuples-ge", "in-list", "not-in", "in-generator", "in-dict", "long-texts-in",
        "test-in", "test-eq", "select-equalto", "selectattr-lt", "sort", "sort-attribute", "sort-long-texts",
        "unique-tuples", "max", "min", "groupby", "dictsort", "loop-changed", "dict-key", "subscript", "index",
        "count", "count-kept", "get", "dict-pairs", "keys-minus", "site-function", "include"])
def test_a_comparison_or_hash_of_a_list_nested_in_itself_is_refused_at_its_line(tmp_path, expression, operation):
    # Was: the build hung, comparing or hashing 2^40 copies (the same list on both sides was fast).
    refused_in_time(tmp_path, _NESTED + expression, _HEAVY.format(operation=operation))


@pytest.mark.parametrize("expression, reason", [
    ("{{ ([[1]] * 200000)|sum(start=[])|length }}",
     "lỗi khi dựng mẫu: sum nối quá nhiều danh sách (mỗi lần nối chép lại cả danh sách đã có), số mục phải chép: "
     "{count}, tối đa 20.000.000" + _TOO_LARGE),
    ("{{ ns.x|whole }}", _SHOWN),
    ("{{ {'a': ns.x}.values() }}", _SHOWN),
    ("{{ ns.x is lower }}", _SHOWN),
    ("{{ [1].index(ns.x) }}", _SHOWN),  # not found: its message shows ns.x
], ids=["sum-of-lists", "site-filter", "dict-values", "test-lower", "index-message"])
def test_a_quadratic_sum_or_a_nested_list_made_text_elsewhere_is_refused_at_its_line(tmp_path, expression, reason):
    # Was: sum(start=[]) copied what it had at each item (2*10^10 copies); the site's `whole`, a dict's
    # values(), the test `lower` and index()'s message turned the nested list into text.
    refused_in_time(tmp_path, _NESTED + expression, reason)


def refused_in_time(tmp_path: Path, expression: str, reason: str) -> None:
    """test_hostile_round15.refused_at_its_line, the hostile build in a child process given _LIMIT
    seconds: one that hangs in a comparison (C code, no signal gets in) fails the test, not CI."""
    root, before = _built(tmp_path)
    _article_template(root, expression)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send_errors, args=(root, send))
    start = time.monotonic()
    child.start()
    send.close()
    if not receive.poll(_LIMIT):
        child.kill()
        child.join()
        pytest.fail(f"the build did not end in {_LIMIT} s")
    errors = receive.recv()
    child.join()
    assert time.monotonic() - start < _LIMIT
    (error,) = errors
    expected = re.escape(f"templates/article.html:4: {reason}").replace(re.escape("{count}"), r"[\d.]+")
    assert re.fullmatch(expected, error), error
    assert snapshot(root / "output") == before


def _send_errors(root: Path, send) -> None:
    send.send(errors_of(root))


def test_comparisons_and_hashes_of_small_nested_values_give_their_answers(tmp_path):
    root, _ = _built(tmp_path)
    _article_template(root, '<span id="c">{% set a = [[1, 2], [3, [4, "é"]]] %}{% set b = [[1, 2], [3, [4, "é"]]] %}'
                            '{% set ns = namespace(x=[1]) %}{% for i in range(3) %}{% set ns.x = [ns.x, ns.x] %}'
                            '{% endfor %}{% set t = ((1, "a"), (1, "a")) %}'
                            '{{ a == b }}|{{ a != b }}|{{ a < [[1, 3]] }}|{{ [3, [4, "é"]] in a }}|{{ 1 < 2 < 3 }}|'
                            '{{ ns.x == [[[[1], [1]], [[1], [1]]], [[[1], [1]], [[1], [1]]]] }}|{{ {t: 1}[t] }}|'
                            '{{ t in {t: 2} }}|{{ [b, a, [[0]]]|sort|first }}|{{ [t, t, (2,)]|unique|list|length }}|'
                            '{{ [a, b]|max == a }}|{{ a is eq b }}|{{ [a, [0]]|select("equalto", b)|list|length }}|'
                            '{{ [b].index(a) }}|{{ {"k": a}.get("k") == b }}|{{ dict([(t, 1)])[t] }}|'
                            '{% for v in [a, b, [0]] %}{{ loop.changed(v) }}{% endfor %}|'
                            '{{ [[1], [2]]|sum(start=[]) }}|{{ ({"x": 1, "y": 2}.keys() - ["x"])|list }}</span>')
    build(root)
    pages = [p.read_text(encoding="utf-8") for p in (root / "output" / "bai-viet").rglob("index.html")]
    expected = ('<span id="c">True|False|True|True|True|True|1|True|[[0]]|2|True|True|1|0|True|1|'
                'TrueFalseTrue|[1, 2]|[&#39;y&#39;]</span>')
    assert sum(expected in page for page in pages) == 2, [p[p.find('<span id="c">'):][:300] for p in pages]
