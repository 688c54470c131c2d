"""Hostile and careless inputs, round 16: a site template printing a list nested in itself."""
from __future__ import annotations

import pytest

import test_hostile_round15
from generator.build import build

_built, _article_template = test_hostile_round15._built, test_hostile_round15._article_template
_HUGE = ("lỗi khi dựng mẫu: giá trị đem in hay đổi thành chữ quá lớn (một danh sách hay bảng chứa một danh sách khác "
         "nhiều lần, lồng nhau nhiều tầng?), số mục và ký tự: {count}, tối đa 20.000.000; mẫu không được tạo giá trị "
         "lớn như vậy (việc dựng trang sẽ treo hay hết bộ nhớ), hãy bớt")
# Each level holds the one before twice: 23 levels print ~2^24 lists (sixty hung the build; 23 is
# the fewest past the bound, and what the build did before, ~50 MB of text, fails this test fast).
_NESTED = "{% set ns = namespace(x=[1]) %}{% for i in range(23) %}{% set ns.x = [ns.x, ns.x] %}{% endfor %}"


@pytest.mark.parametrize("expression", [
    _NESTED + "{{ ns.x }}",
    _NESTED + '{{ "a" ~ ns.x }}',
    _NESTED + "{{ ns.x|string }}",
    _NESTED + "{{ ns.x|tojson }}",
    _NESTED + "{{ ns.x|join(',') }}",
    _NESTED + '{{ "%s" % (ns.x,) }}',
    _NESTED + '{{ "{}".format(ns.x) }}',
    _NESTED + "{{ ns }}",
    "{% set ns = namespace(x=1) %}{% for i in range(23) %}{% set ns.x = {'a': ns.x, 'b': (ns.x,)} %}{% endfor %}"
    "{{ ns.x }}",
], ids=["print", "tilde", "string", "tojson", "join", "percent", "format", "namespace", "dicts-and-tuples"])
def test_a_list_nested_in_itself_is_refused_where_it_is_printed(tmp_path, expression):
    # Was: the build hung, writing 2^60 items' text, on a list put in a new list with itself in a loop.
    test_hostile_round15.refused_at_its_line(tmp_path, expression, _HUGE, r"[\d.]+")


def test_lists_and_dicts_within_the_bound_print_as_before(tmp_path):
    root, _ = _built(tmp_path)
    _article_template(root, '<span id="p">{% set ns = namespace(x=[1]) %}{% for i in range(3) %}'
                            '{% set ns.x = [ns.x, ns.x] %}{% endfor %}{% set c = [1] %}{% set _ = c.append(c) %}'
                            '{{ ns.x|length }}|{{ ns.x[0][0] }}|{{ c }}|{{ {"a": (1, "b")} }}|{{ "x" ~ [2] }}|'
                            '{{ [1, 2]|join("-") }}|{{ ["é"]|tojson }}</span>')
    build(root)
    pages = [p.read_text(encoding="utf-8") for p in (root / "output" / "bai-viet").rglob("index.html")]
    expected = ('<span id="p">2|[[1], [1]]|[1, [...]]|{&#39;a&#39;: (1, &#39;b&#39;)}|x[2]|1-2|'
                '["\\u00e9"]</span>')
    assert sum(expected in page for page in pages) == 2, [p[p.find('<span id="p">'):][:200] for p in pages]
