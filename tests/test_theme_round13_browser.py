"""The theme's thirteenth round in Chromium: names in the accessibility tree, on every page kind.

The masthead's search form was a `search` landmark with no name beside the search page's and the 404
page's own (named) forms: a screen reader's list of landmarks showed two "search" entries, one
nameless. Landmarks of one kind need distinct names.

Visually hidden text joined to visible text read badly: Chromium puts a space on each side of an
element taken out of the flow (`.visually-hidden` is `position: absolute`), so "Trang 2/83" and
": chọn trang khác" were read "Trang 2/83 : chọn trang khác", and a sidebar chip "1" and "&nbsp;bài"
were "1 \u00a0bài" (two spaces, one that never collapses). Hidden text now starts with a plain
space and a word.
"""
from __future__ import annotations

import re

import pytest

from conftest import build_site, copy_project

pytestmark = pytest.mark.browser

ARTICLE = "bai-viet/hieu-qua-qua-2-nam-thuc-hien-chi-thi-so-05-ct-tw-cua-bo-chinh-tri/"
KINDS = {"home": "", "home-2": "trang/2/", "article": ARTICLE, "tag": "chu-de/cuoc-thi/", "tags": "chu-de/",
         "province": "tinh/dak-nong/", "provinces": "tinh/", "unit": "don-vi-2025/lam-dong/",
         "units": "don-vi-2025/", "directive": "van-ban/05-ct-tw/", "directives": "van-ban/", "year": "nam/2021/",
         "years": "nam/", "search": "tim-kiem/?q=ch%E1%BB%89+th%E1%BB%8B", "404": "404.html", "page": "gioi-thieu/"}
NAMED = {"link", "button", "DisclosureTriangle", "group", "textbox", "searchbox", "combobox", "image", "figure"}
LANDMARKS = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}


@pytest.fixture(scope="module")
def served(tmp_path_factory, host):
    """The bundled site with two articles a page: lists with a pager."""
    tmp = tmp_path_factory.mktemp("round13-browser")
    root = copy_project(tmp / "site")
    toml = root / "site.toml"
    toml.write_text(re.sub(r"(?m)^per_page = \d+", "per_page = 2", toml.read_text(encoding="utf-8")),
                    encoding="utf-8")
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


@pytest.fixture(scope="module", params=[375, 1280])
def page(chromium, request):
    context = chromium.new_context(viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


def ax_nodes(page) -> list[tuple[str, str]]:
    """(role, name) of every node of the page's accessibility tree that is not ignored."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [(n["role"]["value"], n.get("name", {}).get("value", "")) for n in nodes if not n.get("ignored")]


def visit(page, url: str, kind: str) -> list[tuple[str, str]]:
    page.goto(url + KINDS[kind], wait_until="load")
    if kind == "search":
        page.wait_for_selector("#search-results li", timeout=10_000)
    return ax_nodes(page)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_landmarks_of_a_kind_have_distinct_names(served, page, kind):
    _site, url = served
    landmarks = [(role, name) for role, name in visit(page, url, kind) if role in LANDMARKS]
    for role in {"search", "navigation", "complementary", "region", "form"}:
        names = [name for r, name in landmarks if r == role]
        if len(names) > 1:
            assert all(names) and len(set(names)) == len(names), (role, names)
    searches = [name for role, name in landmarks if role == "search"]
    if page.viewport_size["width"] >= 1280:  # the masthead's form (hidden on phones) is there, named
        assert "Tìm nhanh" in searches, landmarks


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_names_have_no_doubled_space_nor_space_before_punctuation(served, page, kind):
    _site, url = served
    bad = [(role, name) for role, name in visit(page, url, kind)  # the theme's names, not the articles' text
           if role in NAMED and re.search(r"\s\s|\s[,.:;!?)]", name)]
    assert not bad, bad


def test_the_hidden_words_join_their_visible_ones(served, page):
    _site, url = served
    nodes = visit(page, url, "home-2")
    assert ("link", "Đắk Nông 1 bài") in nodes
    if page.viewport_size["width"] < 640:  # the phone's button; from 40rem the numbers stand in the row
        assert ("DisclosureTriangle", "Trang 2/3 – chọn trang khác") in nodes, [n for n in nodes if "Trang" in n[1]]
    else:  # the masthead's field (hidden on phones)
        assert ("searchbox", "Tìm kiếm bài viết") in nodes, [n for n in nodes if "Tìm" in n[1]]


def test_printed_term_labels_stand_on_their_values_line(served, chromium):
    """On screen a label (dt) is padded to line up with its 44 px links; printed, links are a line high
    and the padding put "Chủ đề" .6rem below its topics."""
    _site, url = served
    context = chromium.new_context(viewport={"width": 800, "height": 1000})
    page = context.new_page()
    try:
        page.goto(url + ARTICLE, wait_until="load")
        page.emulate_media(media="print")
        gaps = page.evaluate("""() => [...document.querySelectorAll('.terms dt')].map(dt => {
          const value = dt.nextElementSibling.querySelector('a') || dt.nextElementSibling;
          const line = e => { const r = document.createRange(); r.selectNodeContents(e);
                              const box = r.getClientRects()[0]; return (box.top + box.bottom) / 2; };
          return Math.round(Math.abs(line(dt) - line(value))); })""")
    finally:
        context.close()
    assert gaps and max(gaps) <= 2, gaps
