"""Markdown through cmark-gfm: the same HTML as cmarkgfm's own function, without its leak."""
from __future__ import annotations

from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

from generator.markdown import Renderer, _Cmark

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
    ours = _Cmark(OPTIONS, EXTENSIONS)
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
    ours = _Cmark(OPTIONS, EXTENSIONS)
    for _ in range(50):
        ours(text)
    before = _resident_mb()
    for _ in range(3000):  # cmarkgfm's own function keeps ~5 x the text's size per call: ~300 MB here
        ours(text)
    assert _resident_mb() - before < 30


def test_renderer_uses_it():
    assert isinstance(Renderer()._cmark, _Cmark)


def test_a_level_one_heading_in_a_body_is_a_section_heading():
    """The page's <h1> is the title: a body's "# …" (or a pasted <h1>) becomes an <h2>, never words
    left loose between two blocks by the sanitiser, whatever the engine."""
    text = "Mở đầu.\n\n# Kết quả nổi bật\n\nĐoạn sau.\n\n<H1 class=\"x\">Dán từ trang khác</H1>\n\n    # trong mã"
    for engine in ("cmark-gfm", "python-markdown"):
        html = Renderer(engine=engine).render(text)
        assert "<h2>Kết quả nổi bật</h2>" in html, (engine, html)
        assert "<h2>Dán từ trang khác</h2>" in html, (engine, html)
        assert "<h1" not in html.lower() and "# trong mã" in html, (engine, html)
