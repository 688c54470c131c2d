"""The theme's ninth round in Chromium: large text on a small phone on the pages the earlier checks
left out (a directive's facts, the search filters opened), …

Large text is the reader's setting as test_theme_modes_browser sets it: the browser's default font
size at 32 px on a 320 px phone.
"""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project
from test_theme_round9 import TEN, article

pytestmark = pytest.mark.browser

HEADING = "Tổng kết năm năm thực hiện Chỉ thị: Ấn tượng từ những mô hình Ổn định, Ẳng ẳng Ễnh ương"
PRINTED_LINE = "lamtheobac build --base-url https://example.gov.vn/hoc-tap-va-lam-theo-bac/ --drafts && echo ok-ok-ok-het"

# Elements that stick out of the 320 px screen, but for those inside a box that scrolls sideways
# (the menu at large text, tables, code, panoramas): where the reader cannot reach them.
OUTSIDE = """() => [...document.querySelectorAll('body *')].filter(e => {
  if (e.getBoundingClientRect().right <= innerWidth + 0.5 || !e.getClientRects().length) return false;
  for (let up = e.parentElement; up; up = up.parentElement)
    if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return false;
  return true; }).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 30))"""


@pytest.fixture(scope="module")
def served(tmp_path_factory, host):
    tmp = tmp_path_factory.mktemp("round9-browser")
    root = copy_project(tmp / "site")
    names = ", ".join(f'"{n}"' for n in [*TEN, "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu"])
    article(root, "muoi-tinh", f'title: "Mười hai tỉnh cùng học tập và làm theo Bác"\n'
            f'date: 2025-08-04T08:00:00+07:00\nprovince: [{names}]\ndirectives: ["05-CT/TW"]')
    article(root, "an-tuong", 'title: "Tổng kết năm năm học tập và làm theo Bác: Ấn tượng từ những mô hình Ổn định"\n'
            'date: 2025-08-05\nprovince: ["Hà Giang"]')
    from PIL import Image
    Image.new("RGB", (2400, 300), (40, 90, 140)).save(root / "content" / "images" / "toan-canh.jpg", quality=80)
    columns = ["Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Kết quả", "Ghi chú", "Người phụ trách",
               "Kinh phí dự kiến", "Nguồn kinh phí", "Hình thức"]
    table = ("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n| "
             + " | ".join(f"Nội dung ô số {i} của hàng" for i in range(len(columns))) + " |")
    article(root, "bang-in", 'title: "Kế hoạch thực hiện năm 2024"\ndate: 2024-03-01\nprovince: ["Hà Nội"]',
            f"Kế hoạch như sau.\n\n{table}\n\n```\n{PRINTED_LINE}\n```\n\n![Toàn cảnh](/images/toan-canh.jpg)\n")
    article(root, "de-muc", 'title: "Đề mục trong bài"\ndate: 2024-03-02\nprovince: ["Hà Nội"]',
            "".join(f"{'#' * level} {HEADING}\n\nĐoạn văn.\n\n" for level in range(1, 7)))
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


def large_text_page(chromium, url: str):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(url, wait_until="load")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 32
    return context, page


@pytest.mark.parametrize("path", ["van-ban/05-ct-tw/", "don-vi-2025/tuyen-quang/", "tinh/ha-giang/",
                                  "tim-kiem/?q=m%C6%B0%E1%BB%9Di+hai+t%E1%BB%89nh"])
def test_large_text_on_a_small_phone_keeps_facts_and_filters_on_the_screen(chromium, served, path: str):
    """A directive's facts: the labels' column took "Cơ quan ban hành" whole (347 px of 256) and left
    "Bộ Chính trị" 34 px, a letter a line, the page 444 px wide. The search filters opened: a fieldset
    and a select are as wide as their longest option, "Bà Rịa - Vũng Tàu", and the page was 399 px wide."""
    site, url = served
    context, page = large_text_page(chromium, url + path)
    if "tim-kiem" in path:
        page.wait_for_selector("#search-results li")
        page.evaluate("document.querySelector('#search-filters').open = true")
    seen = page.evaluate("({scroll: document.scrollingElement.scrollWidth, outside: (" + OUTSIDE + ")(),"
                         " values: [...document.querySelectorAll('.facts dd')].map(d => d.getBoundingClientRect().width)})")
    context.close()
    assert seen["scroll"] <= 320 and not seen["outside"], seen
    assert all(w >= 200 for w in seen["values"]), seen  # each value under its label, the column's width


@pytest.mark.parametrize("width", [320, 1280])
def test_a_feeds_headline_with_stacked_capitals_has_their_line_height(chromium, served, width: int):
    """A feed opened in a browser: its headlines kept 1.35 whatever they held, and the second line's
    "Ấn tượng" met the first line's underline (the site's pages give such a headline 1.52: .stacked)."""
    site, url = served
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(url + "tinh/ha-giang/feed.xml", wait_until="load")
    seen = page.evaluate("""[...document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'a')]
      .filter(a => a.parentElement.localName === 'entry').map(a => { const s = getComputedStyle(a);
        return [a.textContent.slice(0, 12), +(parseFloat(s.lineHeight) / parseFloat(s.fontSize)).toFixed(2)]; })""")
    context.close()
    assert sorted(seen) == [["Mười hai tỉn", 1.35], ["Tổng kết năm", 1.52]], seen


@pytest.mark.parametrize("path", ["tim-kiem/?q=m%C6%B0%E1%BB%9Di+hai+t%E1%BB%89nh", "404.html"])
def test_the_search_pages_two_search_forms_have_names_of_their_own(chromium, served, path: str):
    """From 48rem the masthead's search box shows beside the search page's (and the 404 page's) form:
    two "search" landmarks without a name, which a screen reader's list of landmarks cannot tell apart
    (axe: landmark-unique, the only problem axe found on the theme's pages, moderate)."""
    from test_site_browser import AXE
    from conftest import need
    need(AXE.is_file(), f"{AXE} (npm ci --prefix tests/node)")
    site, url = served
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => v.id))")
    names = page.evaluate("[...document.querySelectorAll('[role=search]')].map(f => f.getAttribute('aria-label'))")
    context.close()
    assert found == [] and len(names) == 2 and len(set(names)) == 2, (found, names)


def test_printed_boxes_that_scroll_on_screen_show_their_whole_content_on_paper(chromium, served):
    """Paper does not scroll: a code line, a table's last columns and a panorama's sides that a box
    scrolls to on a screen were cut off at the page's edge (the code block 1,285 px wide in 686 on A4)."""
    site, url = served
    context = chromium.new_context(viewport={"width": 718, "height": 1000})  # A4's width within its margins
    page = context.new_page()
    page.goto(url + "bai-viet/bang-in/", wait_until="load")
    page.emulate_media(media="print")
    seen = page.evaluate("""[...document.querySelectorAll('.body table, .body pre, .panorama')]
      .map(e => [e.tagName, e.className, e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= innerWidth])""")
    printed = page.evaluate("document.querySelector('.body pre').innerText.trim()")
    context.close()
    assert seen == [["TABLE", "", True], ["PRE", "", True], ["PICTURE", "panorama", True]], seen
    assert printed == PRINTED_LINE  # wrapped, not broken: a copy gives the command whole


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_the_texts_headings_stacked_capitals_clear_the_line_above(chromium, served, width: int):
    """A heading in an article's text ("## …", h2 to h6) kept 1.35: wrapped, "Ấn tượng" on its second
    line met the dot under "thực" on the first. Markdown writes them, so every one has the stacked
    headlines' 1.52 (test_theme_pages_browser's measure: the tallest letter after the first word above
    the line plus ộ's dot below, in the heading's own font, clear by 0.03em)."""
    from test_theme_pages_browser import OWN_MARK_ROOM
    site, url = served
    page = chromium.new_page(viewport={"width": width, "height": 800})
    page.goto(url + "bai-viet/de-muc/", wait_until="load")
    rooms = page.evaluate(OWN_MARK_ROOM.replace("'h1, .card-title'", "'.body :is(h2, h3, h4, h5, h6)'"))
    page.close()
    assert len(rooms) == 6, rooms  # "# …" is an h2 too
    tight = [r for r in rooms if r["line"] - r["need"] < 0.03]
    assert not tight, tight
