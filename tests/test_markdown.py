"""Markdown through cmark-gfm: the same HTML as cmarkgfm's own function, without its leak."""
from __future__ import annotations

import re
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

from generator.cmarkengine import Cmark
from generator.markdown import Renderer

ROOT = Path(__file__).resolve().parent.parent
EXTENSIONS = ("table", "autolink", "strikethrough", "tasklist")
OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_GITHUB_PRE_LANG
SAMPLES = [
    "",
    "| a | b |\n|---|:-:|\n| 1 | ~~x~~ |\n",
    "- [ ] việc\n- [x] xong\n\nwww.example.com và https://example.org/a?b=c",
    '<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n<script>alert(1)</script>',
    "```python\nprint('Bác')\n```\n\n> trích *dẫn* **đậm**\n\n1. một\n2. hai\n",
    '![ảnh](/images/a.jpg "Chú thích")\n\n[liên kết](javascript:alert(1))',
]


def _sources() -> list[str]:
    texts = list(SAMPLES)
    for path in sorted([*ROOT.glob("content/**/*.md"), *ROOT.glob("tests/sample/**/*.md")]):
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def test_same_html_as_cmarkgfm():
    ours = Cmark(OPTIONS, EXTENSIONS)
    assert ours.frees is not None, "cmark_node_free and the allocator were found in cmarkgfm's library"
    texts = _sources()
    assert len(texts) > 10
    for text in texts:
        assert ours(text) == cmarkgfm.markdown_to_html_with_extensions(text, options=OPTIONS,
                                                                        extensions=list(EXTENSIONS))


def _resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20


def test_rendering_many_articles_does_not_grow_the_process():
    text = (ROOT / "content" / "articles").glob("*.md").__next__().read_text(encoding="utf-8") * 4
    ours = Cmark(OPTIONS, EXTENSIONS)
    for _ in range(50):
        ours(text)
    before = _resident_mb()
    for _ in range(3000):  # cmarkgfm's own function keeps ~5 x the text's size per call: ~300 MB here
        ours(text)
    assert _resident_mb() - before < 30


def test_renderer_uses_it():
    assert isinstance(Renderer()._cmark, Cmark)


def test_raw_html_left_open_that_would_hide_the_rest_is_refused_with_its_line():
    # An unclosed comment, <script>/<style>/<template> (dropped by the sanitiser with all that
    # follows) or an <iframe … /> (a browser never shows an iframe's content) lost the rest of
    # the article without a word.
    from generator.markdown import Unclosed

    for engine in ("cmark-gfm", "python-markdown"):
        renderer = Renderer(iframe_hosts=("www.youtube.com",), engine=engine)
        closed = ('Mở <!-- ghi chú --> đóng.\n\n<!--\nnhiều dòng\n-->\n\n`<!--` và `<style>`\n\n<!-->\n\n'
                  '<iframe src="https://www.youtube.com/embed/a"></iframe>\n\n<Style>p{}</STYLE>\n\nĐoạn cuối.\n')
        assert "Đoạn cuối." in renderer.render(closed)
        for opener, text, line in [
            ("<!--", "Đầu.\n\n<!-- ghi chú\n\nĐoạn cuối.\n", 3),
            ("<!--", "Đầu.\n\n> trích\n> <!-- ghi chú\n\nĐoạn cuối.\n", 4),
            ("<iframe>", 'Đầu.\n\n<iframe src="https://www.youtube.com/embed/a" />\n\nĐoạn cuối.\n', 3),
            ("<script>", "Đầu.\n\n<SCRIPT>\nx = 1\n\nĐoạn cuối.\n", 3),
            ("<template>", "Đầu.\n\n<template>\n\nĐoạn cuối.\n", 3),
            ("<style>", "`<style>`\n\nĐầu İİ.\n\n<style>\n\nĐoạn cuối.\n", 5),
        ]:
            try:  # python-markdown reads some of these as text: then nothing is hidden, nothing refused
                html = renderer.render(closed + "\n" + text)
            except Unclosed as caught:
                assert (caught.opener, caught.line) == (opener, closed.count("\n") + 1 + line), engine
            else:
                assert engine != "cmark-gfm", text
                assert "Đoạn cuối." in html.rsplit("</iframe>", 1)[-1], (engine, text)


def test_a_level_one_heading_in_a_body_is_a_section_heading():
    """The page's <h1> is the title: a body's "# …" (or a pasted <h1>) becomes an <h2>, never words
    left loose between two blocks by the sanitiser, whatever the engine."""
    text = "Mở đầu.\n\n# Kết quả nổi bật\n\nĐoạn sau.\n\n<H1 class=\"x\">Dán từ trang khác</H1>\n\n    # trong mã"
    for engine in ("cmark-gfm", "python-markdown"):
        html = Renderer(engine=engine).render(text)
        assert "<h2>Kết quả nổi bật</h2>" in html, (engine, html)
        assert "<h2>Dán từ trang khác</h2>" in html, (engine, html)
        assert "<h1" not in html.lower() and "# trong mã" in html, (engine, html)


def test_footnotes_link_both_ways_and_keep_no_other_ids():
    """"câu[^1]" … "[^1]: …" gives a numbered note linked both ways (with a Vietnamese name for the
    way back), whatever the engine, instead of "[^1]" printed as written. Only the engines' own
    note ids and classes survive: pasted markup cannot take the id of one of the page's elements."""
    text = ('Câu một[^1], câu hai[^ghi-chú].\n\n[^1]: Theo báo cáo năm 2024.\n[^ghi-chú]: Ghi *chú*.\n\n'
            '<a id="main" class="site-header" href="/">x</a> <section class="hero" id="fn">y</section>')
    for engine in ("cmark-gfm", "python-markdown"):
        html = Renderer(engine=engine).render(text)
        assert "[^" not in html, (engine, html)
        ids = re.findall(r'\bid="([^"]*)"', html)
        refs = re.findall(r'\bhref="#([^"]*)"', html)
        assert len(ids) == 4 and set(refs) == set(ids), (engine, ids, refs)  # two notes, two citations
        assert all(i.startswith(("fn-", "fnref-", "fn:", "fnref:")) for i in ids), ids
        assert "Theo báo cáo năm 2024." in html and "<em>chú</em>" in html
        assert 'class="footnotes"' in html or 'class="footnote"' in html
        assert "site-header" not in html and "hero" not in html and 'id="main"' not in html
        assert "Về chỗ dẫn chú thích" in html and "Jump back" not in html and "Back to" not in html


def test_a_derived_summary_skips_a_photo_and_its_caption_line():
    """An article that opens with a photo and a caption line under it (no title, so no <figure>):
    the summary is the first paragraph of text, not "Ảnh: …"."""
    from generator.summaries import first_paragraph
    for engine in ("cmark-gfm", "python-markdown"):
        body = Renderer(engine=engine).render(
            "![Hội nghị](/images/hoi-nghi.jpg)\n*Ảnh: Minh Hà*\n\n![](/images/b.jpg)\n\n"
            "Sáng 19/5, Tỉnh ủy tổ chức hội nghị sơ kết.\n\nĐoạn hai.")
        assert first_paragraph(body) == "Sáng 19/5, Tỉnh ủy tổ chức hội nghị sơ kết.", (engine, body)
    assert first_paragraph("<p>Chỉ có chữ.</p>") == "Chỉ có chữ."
