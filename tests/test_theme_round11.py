"""The theme's eleventh round: a hyphened number kept whole wherever it stands in short text.

Chromium breaks a line after a hyphen ("Chỉ thị số 05-" / "CT/TW", "giai đoạn 2015-" / "2030"). The
`whole` filter kept it whole in headlines only: the directives under an article and in its sidebar
box, a directive's title on its page and in the directives' index, its symbol in the page's facts and
a card's summary still broke there.
"""
from __future__ import annotations

import re

import pytest

from conftest import build_site, copy_project

ARTICLE = "bai-viet/hieu-qua-qua-2-nam-thuc-hien-chi-thi-so-05-ct-tw-cua-bo-chinh-tri/index.html"
# A hyphened number not kept whole: one outside a <span class="nw">
LOOSE = re.compile(r'(?<![\w/-])\d+(?:-\w+)+(?:/\w+)*(?![\w/-])')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round11")
    root = copy_project(tmp / "site")
    (root / "content" / "articles" / "ket-luan-01.md").write_text(  # 01-KL/TW's title names 05-CT/TW
        '---\ntitle: "Sơ kết Kết luận 01"\ndate: 2022-05-18\ndirectives: ["01-KL/TW"]\n---\n\nNội dung.\n',
        encoding="utf-8")
    (root / "content" / "articles" / "chu-thich.md").write_text(
        '---\ntitle: "Sơ kết 5 năm"\ndate: 2021-06-01\nimage:\n  src: "/images/hcm1.jpg"\n  alt: "Hội nghị"\n'
        '  caption: "Hội nghị sơ kết Chỉ thị 05-CT/TW giai đoạn 2016-2021"\n---\n\nNội dung.\n', encoding="utf-8")
    return build_site(root, tmp / "out")


def read(site, path: str) -> str:
    return (site.output / path).read_text(encoding="utf-8")


def part(html: str, pattern: str) -> str:
    found = re.search(pattern, html, re.S)
    assert found, pattern
    return found[0]


def loose(html: str) -> list[str]:
    """The hyphened numbers written outside a <span class="nw">…</span>."""
    text = re.sub(r"<[^>]*>", " ", re.sub(r'<span class="nw">[^<]*</span>', " ", html))
    return LOOSE.findall(text)


def test_the_directives_under_an_article_keep_their_symbols_whole(site):
    terms = part(read(site, ARTICLE), r'<dl class="terms">.*?</dl>')
    assert '<span class="nw">05-CT/TW</span>' in terms and '<span class="nw">04-NQ/TW</span>' in terms, terms
    assert loose(terms) == []


def test_the_article_s_directives_box_keeps_symbols_and_titles_whole(site):
    box = part(read(site, ARTICLE), r'<ul class="doc-list">.*?</ul>')
    assert '<span class="nw">05-CT/TW</span>' in box
    assert loose(box) == [], box


def test_a_directive_s_page_keeps_the_numbers_of_its_title_and_symbol_whole(site):
    page = read(site, "van-ban/01-kl-tw/index.html")
    lead = part(page, r'<p class="lead">.*?</p>')
    facts = part(page, r'<dl class="facts">.*?</dl>')
    assert '<dd><span class="nw">01-KL/TW</span></dd>' in facts
    assert '<span class="nw">05-CT/TW</span>' in lead, lead
    assert loose(lead) == [] and loose(facts) == []


def test_the_directives_index_keeps_the_numbers_of_the_titles_whole(site):
    index = part(read(site, "van-ban/index.html"), r'<ol class="doc-index">.*?</ol>')
    titles = re.findall(r"<p>(.*?)</p>", index, re.S)
    assert any('<span class="nw">05-CT/TW</span>' in t for t in titles), titles
    assert [t for t in titles if loose(t)] == []


def test_a_card_s_summary_keeps_a_directive_s_symbol_whole(site):
    page = read(site, "tinh/ha-nam/index.html")
    summaries = re.findall(r'<p class="summary">(.*?)</p>', page, re.S)
    assert any('<span class="nw">05-CT/TW</span>' in s for s in summaries), summaries
    assert [s for s in summaries if loose(s)] == []


def test_an_article_s_sapo_and_photo_caption_keep_the_numbers_whole(site):
    """The sapo (the article's summary in bold above its text) and its photo's caption are short text too."""
    page = read(site, ARTICLE)
    sapo = part(page, r'<p class="sapo">.*?</p>')
    assert '<span class="nw">05-CT/TW</span>' in sapo and loose(sapo) == [], sapo
    caption = part(read(site, "bai-viet/chu-thich/index.html"), r"<figcaption>.*?</figcaption>")
    assert caption == ('<figcaption>Hội nghị sơ kết Chỉ thị <span class="nw">05-CT/TW</span> giai đoạn '
                       '<span class="nw">2016-2021</span></figcaption>'), caption
