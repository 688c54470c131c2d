"""Plain bodies without nh3: the fast way's answer is nh3's, byte for byte, or there is none."""
from __future__ import annotations

import random
from pathlib import Path

import nh3
import pytest

from generator.markdown import ATTRIBUTES, TAGS, URL_SCHEMES, NestingTooDeep, Renderer
from generator.plainhtml import Plain

ROOT = Path(__file__).resolve().parent.parent
CLEANER = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=set(URL_SCHEMES), link_rel=None,
                      strip_comments=True)
PLAIN = Plain(TAGS)

PIECES = ["<p>", "</p>", "<h2>", "</h2>", "<h3>", "</h3>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
          "<blockquote>", "</blockquote>", "<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>", "<del>",
          "</del>", "<s>", "</s>", "<br />", "<hr />", "<br>", "<hr/>", "\n", " ", "chữ", "Bác", "&amp;", "&quot;",
          "&lt;", "&gt;", "&copy;", "&#13;", "&", ">", "<", "\xa0", "\r", "\t", "\x00", "\x0c", "\ufeff", "\u2028",
          '<p class="x">', "<!-- c -->", "<h1>", "</br>", "<pre>", "</pre>", "\ue000", "'", '"', "<em >", "</em >",
          "<table>", "<tr>", "<td>", "<a>", "</a>", "<script>", "<p", "<P>"]


def _same_or_none(raw: str) -> bool:
    """Whether the fast way took raw; fails when its answer is not nh3's."""
    fast = PLAIN(raw)
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
