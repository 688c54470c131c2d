"""The theme's tenth round in Chromium: what a reader sees where the earlier rounds did not look.

Readers with JavaScript off (a slow phone's data saver, a browser set so): the search page showed a
search form that submitted to itself and did nothing, its hint saying to type, and the explanation
below it.
"""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project

pytestmark = pytest.mark.browser

HYPHENED_TITLE = "Tổng kết giai đoạn 2016-2026 thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 19-5-2025"
SCREENS = {"phone": {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True},
           "desktop": {"viewport": {"width": 1280, "height": 900}}}


@pytest.fixture(scope="module")
def served(tmp_path_factory, host):
    tmp = tmp_path_factory.mktemp("round10-browser")
    root = copy_project(tmp / "site")
    (root / "content" / "articles" / "gach-noi.md").write_text(
        f'---\ntitle: "{HYPHENED_TITLE}"\ndate: 2026-01-01\nprovince: ["Hà Nội"]\n---\n\nNội dung.\n', encoding="utf-8")
    (root / "content" / "articles" / "gach-noi-truoc.md").write_text(  # "Bài trước" of the one above
        '---\ntitle: "Sơ kết Nghị quyết 04-NQ/TW"\ndate: 2025-12-31\n---\n\nNội dung.\n', encoding="utf-8")
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


@pytest.mark.parametrize("screen", SCREENS)
def test_without_javascript_the_search_page_offers_the_indexes_not_a_dead_form(chromium, served, screen: str):
    site, url = served
    context = chromium.new_context(java_script_enabled=False, **SCREENS[screen])
    page = context.new_page()
    page.goto(url + "tim-kiem/?q=lam+theo+bac", wait_until="load")
    seen = page.evaluate("""() => {
      const shown = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
      const box = document.querySelector('.search-nojs');
      const after = [...document.querySelectorAll('main h1 ~ *')].find(e => e.getClientRects().length);
      return {form: shown('#search-form'), field: shown('#q'), hint: shown('#search-hint'), box: shown('.search-nojs'),
              first: after && after.contains(box),
              links: [...box.querySelectorAll('a')].map(a => [a.textContent, a.getBoundingClientRect().height])};
    }""")
    assert not seen["form"] and not seen["field"] and not seen["hint"], seen
    assert seen["box"] and seen["first"], seen  # the explanation right under the page's title
    assert [name for name, _ in seen["links"]] == ["Tỉnh, thành phố", "Văn bản chỉ đạo", "Chủ đề", "Bài viết theo năm"]
    assert all(height >= 44 for _, height in seen["links"]), seen["links"]  # a finger's target
    page.screenshot(path=str(site.output.parent / f"search-nojs-{screen}.png"), full_page=True)
    page.get_by_role("link", name="Văn bản chỉ đạo", exact=True).last.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/van-ban/") and page.locator("h1").count() == 1
    context.close()


def test_with_javascript_the_search_page_shows_its_form_and_no_explanation(chromium, served):
    _site, url = served
    context = chromium.new_context(**SCREENS["phone"])
    page = context.new_page()
    page.goto(url + "tim-kiem/", wait_until="load")
    assert page.locator("#q").is_visible() and page.locator("#search-hint").is_visible()
    assert page.locator(".search-nojs").count() == 0 or not page.locator(".search-nojs").is_visible()
    context.close()


def test_when_the_search_script_fails_to_load_the_page_still_offers_the_indexes(chromium, served):
    """JavaScript on, but search.js never arrives (a dropped connection, a blocker): the form
    submits to the page again and nothing happens. The hint under it names the indexes as links."""
    _site, url = served
    context = chromium.new_context(**SCREENS["phone"])
    page = context.new_page()
    page.route("**/search.*.js", lambda route: route.abort())
    page.goto(url + "tim-kiem/?q=lam+theo+bac", wait_until="load")
    hint = page.locator("#search-hint")
    assert hint.is_visible()
    links = hint.locator("a").evaluate_all("els => els.map(a => [a.textContent, new URL(a.href).pathname])")
    assert links == [["tỉnh, thành phố", "/tinh/"], ["văn bản chỉ đạo", "/van-ban/"], ["chủ đề", "/chu-de/"],
                     ["năm", "/nam/"]], links
    context.close()


PLACEHOLDERS = """() => [...document.querySelectorAll('input[placeholder]')].filter(i => i.getClientRects().length).map(input => {
    const style = getComputedStyle(input), ctx = document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [input.id, input.placeholder, Math.ceil(ctx.measureText(input.placeholder).width) <= room]; })"""


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("path", ["", "tim-kiem/"])
def test_every_fields_example_shows_whole(chromium, served, path: str, width: int):
    """The search field's example read "Ví dụ: làm theo Bác," on a 320 px phone: 222 px of text in 191."""
    _site, url = served
    options = SCREENS["phone"] if width < 500 else SCREENS["desktop"]
    context = chromium.new_context(**{**options, "viewport": {"width": width, "height": 800}})
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    fits = page.evaluate(PLACEHOLDERS)
    context.close()
    assert all(ok for *_, ok in fits), fits
    assert len(fits) == (width >= 500) + (path != ""), fits  # phones hide the masthead's field


# Whether a piece of a headline's text stands on more than one line (the first and last letter's tops)
# though it would fit on one.
SPLIT_PIECES = """pieces => [...document.querySelectorAll('h1, h2 a, .card-title, .headlines a, a[rel=prev] span, a[rel=next] span, .sidebar li a')]
  .flatMap(el => pieces.map(piece => {
    const text = el.textContent, at = text.indexOf(piece);
    if (at < 0) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), spots = [];
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const want of [at, at + piece.length - 1])
        if (want >= seen && want < seen + node.length) spots.push([node, want - seen]);
      seen += node.length;
    }
    const tops = spots.map(([node, i]) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                                           return r.getClientRects()[0].top; });
    if (Math.abs(tops[0] - tops[1]) <= 2) return null;
    // a piece wider than its line must wrap: only one that fits counts
    const probe = document.createElement('span');
    probe.style.whiteSpace = 'nowrap'; probe.textContent = piece; el.appendChild(probe);
    const wide = probe.getBoundingClientRect().width, room = el.clientWidth || el.getBoundingClientRect().width;
    probe.remove();
    return wide < room - 4 ? el.tagName + ': ' + piece : null;
  })).filter(Boolean)"""


@pytest.mark.parametrize("path", ["bai-viet/gach-noi/", "", "van-ban/05-ct-tw/", "van-ban/"])
@pytest.mark.parametrize("large", [False, True])
def test_a_headline_never_splits_a_symbol_or_a_range_at_its_hyphen(chromium, served, path: str, large: bool):
    """Chromium breaks a line after a hyphen: "Chỉ thị số 05-" / "CT/TW", "giai đoạn 2016-" / "2026",
    "19-5-" / "2025" in a headline, at some width of every phone: an article's, a card's, a directive's
    page and its entry in the index of directives and the sidebar."""
    _site, url = served
    context = chromium.new_context(**SCREENS["phone"])
    page = context.new_page()
    if large:  # the reader's text size doubled (test_theme_round9_browser's large text)
        cdp = context.new_cdp_session(page)
        cdp.send("Page.enable")
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(url + path, wait_until="load")
    page.wait_for_function("document.fonts.status === 'loaded'")
    split = {}
    for width in range(320, 481, 4):
        page.set_viewport_size({"width": width, "height": 800})
        found = page.evaluate(SPLIT_PIECES, ["2016-2026", "05-CT/TW", "19-5-2025"])
        if found:
            split[width] = found
    # each piece an inline box on its line: no flex container or clamped box (Bài trước's title, a
    # span too) turns it into a block of its own
    assert page.evaluate("[...document.querySelectorAll('.nw')].map(e => getComputedStyle(e).display)") \
        == ["inline-block"] * page.locator(".nw").count() != []
    if path == "" and not large:  # a hovered card underlines its whole title, the piece kept whole too
        page.hover(".card-title a:has(.nw)")
        assert page.evaluate("getComputedStyle(document.querySelector('.card-title .nw')).textDecorationLine") == "underline"
    context.close()
    assert not split, split
