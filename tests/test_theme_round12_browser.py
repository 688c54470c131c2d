"""The theme's twelfth round in Chromium: what a screen reader reads and a keyboard reaches.

A screen reader read the theme's arrows as words: "›" between the breadcrumb's links, "‹ Bài trước" and
"Bài sau ›" before an article's neighbours' titles, "Danh mục tỉnh, thành phố ›" (VoiceOver: "single
right-pointing angle quotation mark"). The sidebar's province chips were named "Đắk Nông 1": a bare
number, said without what it counts.
"""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project

pytestmark = pytest.mark.browser

ARTICLE = "bai-viet/hieu-qua-qua-2-nam-thuc-hien-chi-thi-so-05-ct-tw-cua-bo-chinh-tri/"
KINDS = {"home": "", "article": ARTICLE, "tag": "chu-de/cuoc-thi/", "tags": "chu-de/", "province": "tinh/dak-nong/",
         "provinces": "tinh/", "unit": "don-vi-2025/lam-dong/", "units": "don-vi-2025/",
         "directive": "van-ban/05-ct-tw/", "directives": "van-ban/", "year": "nam/2021/", "years": "nam/",
         "search": "tim-kiem/?q=ch%E1%BB%89+th%E1%BB%8B", "404": "404.html", "page": "gioi-thieu/"}
ARROWS = "‹›"


@pytest.fixture(scope="module")
def served(tmp_path_factory, host):
    tmp = tmp_path_factory.mktemp("round12-browser")
    site = build_site(copy_project(tmp / "site"), tmp / "out")
    return site, host(site.output).url


@pytest.fixture(scope="module")
def page(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_theme_s_arrows_are_seen_not_read(served, page, kind):
    _site, url = served
    page.goto(url + KINDS[kind], wait_until="load")
    page.wait_for_timeout(300 if kind == "search" else 0)
    tree = page.locator("body").aria_snapshot()
    assert not [line for line in tree.splitlines() if any(a in line for a in ARROWS)], tree


def test_the_arrows_are_still_drawn(served, page):
    _site, url = served
    page.goto(url + ARTICLE, wait_until="load")
    drawn = page.evaluate("""() => ({
      crumb: getComputedStyle(document.querySelector('.breadcrumb li'), '::after').content,
      prev: getComputedStyle(document.querySelector('.prev-next [rel=prev] b'), '::before').content,
      next: getComputedStyle(document.querySelector('.prev-next [rel=next] b'), '::after').content,
      prevText: document.querySelector('.prev-next [rel=prev] b').textContent})""")
    assert drawn == {"crumb": '"›" / ""', "prev": '"‹ " / ""', "next": '"\u00a0›" / ""', "prevText": "Bài trước"}
    names = [page.get_by_role("link", name=name, exact=True).count() for name in (
        "Bài trước Đảng bộ Khối các cơ quan tỉnh: Phát huy cách làm hiệu quả trong học tập, làm theo Bác",
        "Bài sau Phát huy vai trò nêu gương của cán bộ, đảng viên tại Lai Châu")]
    assert names == [1, 1]
    page.goto(url, wait_until="load")
    assert page.evaluate("getComputedStyle(document.querySelector('.more a'), '::after').content") == '"\u00a0›" / ""'
    gap = page.evaluate("""() => { const a = document.querySelector('.more a'), r = document.createRange();
      r.selectNodeContents(a); const text = r.getBoundingClientRect();
      return Math.round(a.getBoundingClientRect().right - text.right); }""")
    assert gap >= 8, gap  # the arrow stands apart from the link's last word ("thành phố ›", not "phố›")
    assert page.get_by_role("link", name="Danh mục tỉnh, thành phố", exact=True).count() == 1


def test_the_sidebar_s_chips_say_what_they_count(served, page):
    _site, url = served
    page.goto(url, wait_until="load")
    chips = page.locator(".chips a")
    assert chips.count() == 4
    names = [chip.evaluate("a => a.textContent") for chip in chips.all()]
    assert names == ["Đắk Nông 1 bài", "Hà Nam 1 bài", "Lai Châu 1 bài", "Lào Cai 1 bài"], names
    assert page.get_by_role("link", name="Đắk Nông 1 bài", exact=True).count() == 1
    # the words are for the ear: the chip still shows its number alone
    assert chips.first.evaluate("a => { const r = a.querySelector('.count span').getBoundingClientRect();"
                                " return [Math.round(r.width), Math.round(r.height)]; }") == [1, 1]
