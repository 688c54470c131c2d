"""The theme under what editors publish every day, in Chromium: links written as their address,
articles with forty topics, headlines of 200 characters in the sidebar, the pager's list by keyboard.
Geometry, computed style and focus are measured, not pixels.
"""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project
from test_site_browser import WIDTHS

pytestmark = pytest.mark.browser

ADDRESS = "https://example.gov.vn/tin-tuc/hoc-tap-va-lam-theo/chi-thi-05-ct-tw"
LONG_TITLE = ("Đảng bộ Khối các cơ quan tỉnh đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí "
              "Minh gắn với xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh toàn diện năm 2026")
TAGS = [f"chủ đề thử nghiệm số {i}" for i in range(40)]


def article(root, slug: str, front: str, body: str) -> None:
    (root / "content" / "articles" / f"{slug}.md").write_text(f"---\n{front.strip()}\n---\n\n{body}\n",
                                                              encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory, host):
    tmp = tmp_path_factory.mktemp("edited")
    root = copy_project(tmp / "site")
    toml = root / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("per_page = 12", "per_page = 2"), encoding="utf-8")
    tags = ", ".join(f'"{t}"' for t in TAGS)
    article(root, "bon-muoi-the", f'title: "Bài có bốn mươi chủ đề"\ndate: 2024-11-01\nprovince: ["Đắk Nông"]\n'
                                  f'tags: [{tags}]',
            f"Xem tại <{ADDRESS}>, [{ADDRESS}]({ADDRESS}), hoặc [trang này]({ADDRESS}).\n\nNội dung bài.")
    article(root, "tieu-de-dai", f'title: "{LONG_TITLE}"\ndate: 2024-11-05\nprovince: ["Đắk Nông"]\n'
                                 'tags: ["mô hình điển hình"]', "Nội dung.")
    from PIL import Image
    for name, size in (("toan-canh", (4000, 300)), ("toan-canh-thap", (2000, 150)), ("ngang", (1500, 1000))):
        Image.new("RGB", size, (40, 90, 140)).save(root / "content" / "images" / f"{name}.jpg", quality=80)
    article(root, "toan-canh", 'title: "Bài có ảnh toàn cảnh"\ndate: 2024-10-01',
            'Mở đầu.\n\n![Toàn cảnh hội nghị](/images/toan-canh.jpg "Toàn cảnh")\n\n'
            '![Dải thấp](/images/toan-canh-thap.jpg "Thấp")\n\n![Ảnh ngang](/images/ngang.jpg "Ngang")\n\nKết.')
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


# Each link of the article's text: its words, and what printing adds after it.
PRINTED_AFTER = """() => [...document.querySelectorAll('.body a')].map(a =>
  [a.textContent, getComputedStyle(a, '::after').content])"""


def test_a_link_whose_words_are_its_address_is_printed_once(chromium, edited):
    """`a[href]::after` printed every address after its link: <https://…> was printed twice."""
    site, url = edited
    page = chromium.new_page(**WIDTHS["desktop"])
    page.goto(url + "bai-viet/bon-muoi-the/")
    page.emulate_media(media="print")
    printed = page.evaluate(PRINTED_AFTER)
    assert printed == [[ADDRESS, "none"], [ADDRESS, "none"], ["trang này", f'" ({ADDRESS})"']], printed
    page.close()


# The article's list of topics: its links shown, its height, and the button opening the rest.
TOPICS = """() => {
  const dd = [...document.querySelectorAll('.terms dt')].find(dt => dt.textContent === 'Chủ đề').nextElementSibling;
  const shown = [...dd.querySelectorAll('a')].filter(a => a.checkVisibility({visibilityProperty: true}));
  const more = dd.querySelector('summary');
  return {shown: shown.map(a => a.textContent), height: dd.getBoundingClientRect().height,
          more: more && more.checkVisibility() ? more.textContent : null};
}"""


def test_forty_topics_are_folded_after_eight_on_a_phone(chromium, edited):
    """40 topics stood one a line under the article, 1,800 px of a phone's page. Now the first 8 and
    "Xem thêm 32 chủ đề", which opens the rest; printed, all 40 show; 4 topics are not folded."""
    site, url = edited
    context = chromium.new_context(**WIDTHS["phone"])
    page = context.new_page()
    page.goto(url + "bai-viet/bon-muoi-the/")
    folded = page.evaluate(TOPICS)
    assert folded["shown"] == TAGS[:8] and folded["more"] == "Xem thêm 32 chủ đề", folded
    assert folded["height"] < 9 * 48 + 48, folded  # 8 rows of a finger's height and the button
    page.get_by_text("Xem thêm 32 chủ đề").click()
    opened = page.evaluate(TOPICS)
    assert opened["shown"] == TAGS, opened
    page.reload()
    page.emulate_media(media="print")
    printed = page.evaluate(TOPICS)
    assert printed["shown"] == TAGS and printed["more"] is None, printed
    page.emulate_media(media="screen")
    page.goto(url + "bai-viet/nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac/")
    few = page.evaluate(TOPICS)
    assert len(few["shown"]) == 4 and few["more"] is None, few
    context.close()


# Every link of the sidebar whose words are the long headline: its height in lines (below the room left above
# the first line for its marks), its name.
SIDEBAR_HEADLINES = """title => [...document.querySelectorAll('.sidebar a')]
  .filter(a => a.textContent === title && a.getClientRects().length)
  .map(a => { const s = getComputedStyle(a);
              return {lines: (a.clientHeight - parseFloat(s.paddingTop)) / parseFloat(s.lineHeight), cut: a.scrollHeight > a.clientHeight,
                      where: a.closest('section').querySelector('.box-title').textContent}; })"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_long_headline_in_the_sidebar_is_three_lines_and_keeps_its_whole_title(chromium, edited, width: str):
    """A 200-character headline in "Tin mới" or "Bài liên quan" was 6-7 lines of the sidebar. Now 3
    lines; the whole title is still the link's name (read out)."""
    site, url = edited
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(url + "bai-viet/bon-muoi-the/")
    found = page.evaluate(SIDEBAR_HEADLINES, LONG_TITLE)
    assert {f["where"] for f in found} >= {"Tin mới", "Bài liên quan"}, found
    for f in found:
        assert 2.5 < f["lines"] <= 3.05 and f["cut"], found
    assert page.locator(".sidebar").get_by_role("link", name=LONG_TITLE, exact=True).count() == len(found)
    context.close()


def test_printed_links_are_a_line_of_text_high(chromium, edited):
    """Printed, an article's 40 topics kept the screen's finger-wide rows: 44 px each, a page's third of
    paper. On paper a link is as high as its line."""
    site, url = edited
    page = chromium.new_page(**WIDTHS["phone"])
    page.goto(url + "bai-viet/bon-muoi-the/")
    page.emulate_media(media="print")
    heights = page.evaluate("[...document.querySelectorAll('.terms a, .link-list a, .chips a')]"
                            ".filter(a => a.getClientRects().length).map(a => a.getBoundingClientRect().height)")
    page.close()
    assert len(heights) == 41 and max(heights) < 30, heights


# The "Bài sau" link's title: its lines shown, whether it is cut, and how far the title's box stops from the
# link's border (a clamped box's own padding showed the top of its 4th line there).
NEXT_LINK = """() => { const a = document.querySelector('.prev-next a[rel="next"]'); const title = a.querySelector('span');
  const s = getComputedStyle(title);
  return {title_lines: (title.clientHeight - parseFloat(s.paddingTop)) / parseFloat(s.lineHeight), cut: title.scrollHeight > title.clientHeight,
          clipped_at: a.getBoundingClientRect().bottom - title.getBoundingClientRect().bottom,
          padding: parseFloat(getComputedStyle(a).paddingBottom) + parseFloat(getComputedStyle(a).borderBottomWidth),
          overflow: s.overflow}; }"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_long_title_in_bai_sau_is_three_lines_and_keeps_its_whole_name(chromium, edited, width: str):
    """“Bài sau ›” with a 200-character title took 6 lines on a 375 px phone. Now its label and 3 lines
    of the title, cut with “…” and nothing of a 4th in the box's padding; the whole title is still the
    link's name (read out)."""
    site, url = edited
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(url + "bai-viet/bon-muoi-the/")
    found = page.evaluate(NEXT_LINK)
    assert 2.9 < found["title_lines"] <= 3.05 and found["cut"] and found["overflow"] == "hidden", found
    assert abs(found["clipped_at"] - found["padding"]) < 0.5, found
    assert page.get_by_role("link", name=f"Bài sau {LONG_TITLE}", exact=True).count() == 1
    context.close()


def test_escape_closes_the_pagers_list_and_gives_the_focus_back(chromium, edited):
    """A keyboard user who opened "Trang 2/N ▾" on a phone could close it only by Tab back to the
    button and Enter; Escape did nothing. Now Escape closes it, the focus back on the button."""
    site, url = edited
    context = chromium.new_context(**WIDTHS["phone"])
    page = context.new_page()
    page.goto(url + "trang/2/")
    jump = page.locator(".pager-jump")
    page.locator(".pager summary").focus()
    page.keyboard.press("Enter")
    assert jump.evaluate("e => e.open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.pager-pages') !== null")
    page.keyboard.press("Escape")
    assert not jump.evaluate("e => e.open")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert not page.locator(".pager-pages a").first.is_visible()
    page.keyboard.press("Enter")  # and it opens again
    assert jump.evaluate("e => e.open")
    context.close()


def test_a_tap_outside_the_pagers_list_closes_it(chromium, edited):
    """The phone's list of page numbers stayed open over the page until its button was tapped again,
    as no menu does. A tap outside it closes it; a tap inside (on its button) still toggles it."""
    site, url = edited
    context = chromium.new_context(**WIDTHS["phone"])
    page = context.new_page()
    page.goto(url + "trang/2/")
    jump = page.locator(".pager-jump")
    page.locator(".pager summary").tap()
    assert jump.evaluate("e => e.open")
    page.locator("h1, h2").first.tap()  # a heading of the page, away from the list
    assert not jump.evaluate("e => e.open")
    page.locator(".pager summary").tap()
    assert jump.evaluate("e => e.open")
    page.locator(".pager summary").tap()
    assert not jump.evaluate("e => e.open")
    context.close()


# Each photo of the article's text: how tall it is shown, the pixels it was drawn from, and its box.
PHOTOS = """() => [...document.querySelectorAll('.body img')].map(img => {
  const box = img.parentElement;
  return {alt: img.alt, shown: img.getBoundingClientRect().height, natural: img.naturalHeight,
          scrolls: box.scrollWidth > box.clientWidth, right: box.getBoundingClientRect().right,
          focusable: box.tabIndex === 0, width: document.documentElement.clientWidth};
})"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_panorama_is_shown_tall_enough_to_see_and_scrolls_in_its_own_box(chromium, edited, width: str):
    """A 4000 x 300 photo fitted to a phone's column was a 26 px strip (55 px on a desktop). Now 200 px
    tall, from the original (the widest copy, 1440 x 108, would be a blur), scrolling sideways in its own
    box that a keyboard reaches; the page no wider. A low one (150 px) and a 3:2 photo stay fitted."""
    site, url = edited
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(url + "bai-viet/toan-canh/")
    for img in page.locator(".body img").all():
        img.scroll_into_view_if_needed()
        page.wait_for_function("e => e.complete && e.naturalHeight", arg=img.element_handle())
    panorama, low, photo = page.evaluate(PHOTOS)
    assert 199 <= panorama["shown"] <= panorama["natural"] and panorama["scrolls"] and panorama["focusable"], panorama
    assert panorama["right"] <= panorama["width"], panorama
    assert not low["scrolls"] and low["shown"] < 150 and not photo["scrolls"], (low, photo)
    assert page.evaluate("document.scrollingElement.scrollWidth") == page.evaluate("innerWidth")
    context.close()


# The words of each line of an element: a range over each word, grouped by the top of its box.
LINES_OF = """selector => {
  const e = document.querySelector(selector), text = e.firstChild, lines = new Map();
  for (const m of text.textContent.matchAll(/\\S+/g)) {
    const r = document.createRange(); r.setStart(text, m.index); r.setEnd(text, m.index + m[0].length);
    const top = Math.round(r.getBoundingClientRect().top);
    lines.set(top, [...(lines.get(top) || []), m[0]]);
  }
  return [...lines.values()].map(words => words.join(' '));
}"""


@pytest.mark.parametrize("width", [320, 375, 768, 1024, 1280])
def test_the_portals_name_never_leaves_a_word_alone_on_a_line(chromium, edited, width: int):
    """The masthead's name wrapped "HỌC TẬP VÀ LÀM THEO / BÁC" on a 320 px phone and beside a tablet's
    search box (768 px), and the tagline left "phương." alone at 1024. Now in balanced lines."""
    site, url = edited
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(url)
    page.evaluate("document.fonts.ready")
    for selector in (".brand-name", ".brand-tagline"):
        if not page.locator(selector).is_visible():
            continue
        lines = page.evaluate(LINES_OF, selector)
        assert len(lines) == 1 or all(" " in line for line in lines), (selector, lines)
    context.close()
