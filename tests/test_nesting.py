"""The nesting depth measured before sanitising agrees with the depth nh3's HTML5 parser
builds: never shallower in a way that grows with the text (that would hand nh3 deep trees
again), exact on what Markdown engines write."""
from __future__ import annotations

import re

import nh3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.markdown import MAX_NESTING, NestingTooDeep, Renderer
from generator.nesting import TooDeep, _balanced_depth, check_depth, max_depth

TAGS = ("div span b i em strong a p li ul ol h1 h2 blockquote pre code dl dd dt u s small sub sup figure section "
        "nobr font big table tr td th tbody thead caption colgroup col br hr img").split()
VOID = {"br", "hr", "img", "col"}


def parser_depth(html: str) -> int:
    """How deep html5ever (through nh3, every tag kept) nests html."""
    out = nh3.clean(html, tags=set(TAGS), attributes={}, link_rel=None)
    depth = deepest = 0
    for end, name in re.findall(r"<(/?)([a-z0-9]+)", out):
        if name in VOID:
            continue
        depth += -1 if end else 1
        deepest = max(deepest, depth)
    return deepest


token = st.one_of(st.sampled_from(TAGS).map(lambda t: f"<{t}>"), st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
                  st.just("x"), st.just(" "))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(token, max_size=40).map("".join))
def test_the_scan_is_never_much_shallower_than_the_parser(html):
    assert max_depth(html) >= parser_depth(html) - 6, html


@SETTINGS
@given(st.lists(token, min_size=1, max_size=6).map("".join))
def test_repeating_a_pattern_never_hides_depth(unit):
    """The attack shape: one pattern many times. Whatever depth the parser reaches, the scan
    reaches nearly as much (a shortfall that grew with the repeats would let the quadratic in)."""
    html = unit * 120
    assert max_depth(html) >= parser_depth(html) - 6, unit


@pytest.mark.parametrize("html, depth", [
    ("<span><div></span>" * 40, 80),          # </span> cannot close across a <div>
    ("<b><p>x</b>y</p>" * 200, 2),            # the adoption agency: nothing accumulates
    ("<p><b><i>x</p><p>y" * 10, 9),           # b and i reopened, three of each at most
    ("<p><b>x</p>" * 300, 5),
    ("<table><td><div>" * 30, 150),           # table > tbody > tr > td implied
    ("<li>x" * 300, 1),                        # each <li> closes the last
    ("<ul><li>" * 30, 60),
    ("<svg><path/>" * 20, 20),                 # self-closing inside SVG
    ("<script>" + "<div>" * 500 + "</script>", 0),  # raw text
    ("<!-- " + "<div>" * 500 + " -->", 0),
])
def test_depths_of_known_shapes(html, depth):
    assert max_depth(html) == depth
    if "svg" not in html:  # nh3 drops <svg> and what is in it
        assert max_depth(html) == parser_depth(html)


@pytest.mark.parametrize("levels", [10, 40, 99, 100, 101, 150])
def test_markdown_nesting_is_measured_exactly(levels):
    renderer = Renderer()
    text = ">" * levels + " lời Bác\n"
    html = renderer.to_html(text)
    assert max_depth(html) == parser_depth(html) == levels + 1  # the quotes and their paragraph
    assert _balanced_depth(html) == levels + 1
    if levels + 1 > MAX_NESTING:
        with pytest.raises(NestingTooDeep):
            renderer.render(text)
        with pytest.raises(TooDeep):
            check_depth(html, MAX_NESTING)
    else:
        assert "lời Bác" in renderer.render(text)


def test_the_line_of_a_refusal_is_where_nesting_passes_the_limit():
    renderer = Renderer()
    lines = ["Đoạn một.", "", "- a", *("  " * i + "- b" for i in range(1, 60)), "", "Hết."]
    with pytest.raises(NestingTooDeep) as caught:
        renderer.render("\n".join(lines))
    assert caught.value.line == 53  # ul > li pairs: the 51st list, on line 53, passes 100 levels
    raw = "Đoạn.\n\n<div>\n" + "<section><div>\n" * 60 + "x\n"
    with pytest.raises(NestingTooDeep) as caught:
        renderer.render(raw)
    assert caught.value.line == 53
