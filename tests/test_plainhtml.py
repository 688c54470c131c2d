"""Plain bodies without nh3: the fast way's answer is nh3's, byte for byte, or there is none; its
compiled twin (generator/_plainhtml.c) gives the Python function's answer."""
from __future__ import annotations

import os
import random
from pathlib import Path

import nh3
import pytest

from generator.markdown import ATTRIBUTES, TAGS, URL_SCHEMES, NestingTooDeep, Renderer
from generator import plainhtml
from generator.plainhtml import Plain

ROOT = Path(__file__).resolve().parent.parent
CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=set(URL_SCHEMES), link_rel=None,
                      strip_comments=True)
PLAIN = Plain(TAGS)  # compiled where it was built
PYTHON = Plain(TAGS, compiled=False)
RENAMED = (Plain(TAGS, {"h1": "h2"}), Plain(TAGS, {"h1": "h2"}, compiled=False))
SHALLOW = (Plain(TAGS, deepest=3), Plain(TAGS, deepest=3, compiled=False))

PIECES = ["<p>", "</p>", "<h2>", "</h2>", "<h3>", "</h3>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
          "<blockquote>", "</blockquote>", "<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>", "<del>",
          "</del>", "<s>", "</s>", "<br />", "<hr />", "<br>", "<hr/>", "\n", " ", "chữ", "Bác", "&amp;", "&quot;",
          "&lt;", "&gt;", "&copy;", "&#13;", "&", ">", "<", "\xa0", "\r", "\t", "\x00", "\x0c", "\ufeff", "\u2028",
          '<p class="x">', "<!-- c -->", "<h1>", "</br>", "<pre>", "</pre>", "\ue000", "'", '"', "<em >", "</em >",
          "<table>", "<tr>", "<td>", "<a>", "</a>", "<script>", "<p", "<P>"]


def _same_or_none(raw: str) -> bool:
    """Whether the fast way took raw; fails when its answer is not nh3's, or when the compiled and
    the Python ways differ (also with a heading renamed and a low depth limit)."""
    fast = PLAIN(raw)
    assert fast == PYTHON(raw), raw
    for compiled, python in (RENAMED, SHALLOW):
        assert compiled(raw) == python(raw), raw
    if fast is None:
        return False
    assert fast == CLEANER.clean(raw), raw
    return True


def test_random_tag_soup_gets_nh3s_answer_or_none():
    rng = random.Random(20261206)
    taken = sum(_same_or_none("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))))
                for _ in range(40000))
    assert taken > 500  # the comparison ran on many soups the fast way took


def _nested(rng: random.Random, depth: int, parent: str) -> str:
    """Mostly well nested HTML of the tags the fast way knows, with some misplaced ones."""
    out = []
    for _ in range(rng.randint(0, 4)):
        roll = rng.random()
        if roll < 0.3:
            name = rng.choice(["p", "h2", "ul", "ol", "blockquote", "li"])
            inner = "list" if name in ("ul", "ol") else "phrasing" if name in ("p", "h2") else name
            out.append(f"<{name}>" + (_nested(rng, depth + 1, inner) if depth < 5 else "") + f"</{name}>")
        elif roll < 0.55:
            name = rng.choice(["em", "strong", "code", "del", "s"])
            out.append(f"<{name}>" + (_nested(rng, depth + 1, "phrasing") if depth < 5 else "x") + f"</{name}>")
        elif roll < 0.65:
            out.append(rng.choice(["<br />", "<hr />", "&quot;", "&amp;", "\xa0", "\n"]))
        else:
            out.append(rng.choice(["chữ ", "a", " ", "\n", "Hồ Chí Minh", "“Bác”"]))
    return "".join(out)


def test_random_nested_bodies_get_nh3s_answer_or_none():
    rng = random.Random(7)
    taken = sum(_same_or_none(_nested(rng, 0, "")) for _ in range(20000))
    assert taken > 5000


@pytest.mark.parametrize("raw", [
    '<p><a href="https://example.org/">liên kết</a></p>',  # an attribute: nh3 and the site's link rules
    "<p>a</p><!-- ghi chú -->",
    "<p>a &lt; b &copy; c</p>",  # an entity the engines do not write
    "<p>a\x00b</p>", "<p>a\rb</p>", "\ufeff<p>a</p>",  # what the parser rewrites
    "<p>a <ul><li>b</li></ul></p>",  # a list in a paragraph: the parser closes the paragraph
    "<p><h2>a</h2></p>", "<li>a</li>", "<ul>chữ<li>a</li></ul>",
    "<p><em>a</p></em>", "<p><em>a</p>", "<em><em><em>a</em></em></em>",
    "<p>a > b</p>", "<p>a < b</p>", "<pre>\na</pre>", "<h1>a</h1>", "<table><tr><td>a</td></tr></table>",
])
def test_what_needs_nh3_gets_no_fast_answer(raw):
    assert PLAIN(raw) is None


def test_plain_bodies_are_taken_and_written_as_nh3_writes_them():
    raw = ("<h2>Tiêu đề</h2>\n<p>Đoạn &quot;một&quot; &amp; <em>nghiêng</em> <strong>đậm <code>x</code></strong>"
           "\xa0hết<br />\ndòng</p>\n<ul>\n<li>một</li>\n<li><p>hai</p>\n<ol>\n<li>ba</li>\n</ol>\n</li>\n</ul>\n"
           "<blockquote>\n<p>trích</p>\n</blockquote>\n<hr />\n")
    fast = PLAIN(raw)
    assert fast == CLEANER.clean(raw)
    assert '"một"' in fast and "&nbsp;hết<br>" in fast and "<hr>" in fast


def test_renderer_gives_the_same_html_either_way():
    texts = [path.read_text(encoding="utf-8").split("\n---", 2)[-1]
             for path in sorted([*ROOT.glob("content/**/*.md"), *ROOT.glob("tests/sample/**/*.md")])]
    texts += ["Đoạn *một* với \"ngoặc\" & dấu.\n\n- a\n- b\n\n> trích\n\n## Mục\n\n1. một\n2. hai\n\n---\n",
              "# Tiêu đề cấp một\n\nđoạn", "# Tiêu đề *nghiêng* và **đậm**\n", "- [ ] việc\n- [x] xong\n", "- \ue000 dấu riêng\n",
              "> " * 40 + "sâu", "> " * 120 + "quá sâu", "- a\n" + "  " * 60 + "- b\n"]
    assert len(texts) > 10
    for engine in ("cmark-gfm", "python-markdown"):
        fast, slow = Renderer(engine=engine), Renderer(engine=engine)
        slow._plain = lambda raw: None
        taken = 0
        for text in texts:
            try:
                expected = slow.render(text)
            except NestingTooDeep:
                with pytest.raises(NestingTooDeep):
                    fast.render(text)
                continue
            assert fast.render(text) == expected
            taken += fast._plain(fast.to_html(text)) is not None
        assert taken >= 4


def test_a_level_one_heading_is_written_as_the_renderer_writes_it():
    """The page's title is its only <h1>: the renderer writes a body's as <h2>, with what it holds."""
    renamed = Plain(TAGS, {"h1": "h2"})
    assert renamed("<h1>Tiêu đề <em>nghiêng</em></h1>\n<p>đoạn</p>") == "<h2>Tiêu đề <em>nghiêng</em></h2>\n<p>đoạn</p>"
    assert PLAIN("<h1>Tiêu đề</h1>") is None  # not renamed: nh3 would drop the tag


def test_the_compiled_twin_is_built_and_used():
    if plainhtml.COMPILED is None:
        if os.environ.get("CI") == "true":  # CI has a C compiler: pip install must have compiled it
            pytest.fail("generator/_plainhtml.c was not compiled (setup.py)")
        pytest.skip("generator/_plainhtml.c was not compiled (no C compiler at install time)")
    assert PLAIN._compiled is plainhtml.COMPILED and PYTHON._compiled is None


@pytest.mark.parametrize("raw, expected", [
    ("<p>a</p>\n<h2>b</h2>\n", "<p>a</p>\n<h2>b</h2>\n"),
    ("<h1>a<br />b</h1><hr/>", "<h2>a<br>b</h2><hr>"),  # renamed and rewritten tags, in place
    ("<ul>\n<li>a</li>\n</ul>", "<ul>\n<li>a</li>\n</ul>"),
    ("<ul>\nx<li>a</li>\n</ul>", None),  # words straight in a list
    ("<p>a &quot;b&quot;\xa0&amp; c</p>", '<p>a "b"&nbsp;&amp; c</p>'),
    ("<p>a &amp b</p>", None), ("<p>a &", None), ("&quot", None),  # an entity cut short
    ("<p><em><em><em>a</em></em></em></p>", None), ("<p><em><em>a</em></em></p>", "<p><em><em>a</em></em></p>"),
    ("<blockquote><blockquote><blockquote><p>a</p></blockquote></blockquote></blockquote>", None),  # deeper than 3
    ("<p>a</p", None), ("<p>a</p>>", None), ("<<p>a</p>", None), ("</p>", None), ("<p>", None), ("", ""),
    ("<p>Bác Hồ 😀</p>", "<p>Bác Hồ 😀</p>"), ("\ufeff<p>a</p>", None), ("<p>\x00</p>", None),
])
def test_both_ways_give_the_same_answers(raw, expected):
    renamed = Plain(TAGS, {"h1": "h2"}, deepest=3)
    python = Plain(TAGS, {"h1": "h2"}, deepest=3, compiled=False)
    assert python(raw) == expected
    assert renamed(raw) == expected
