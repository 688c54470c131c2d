"""The theme as a reader on a phone meets it, in Chromium: every page kind of the bundled site.

What a professional would call unpolished rather than broken: links and controls a finger cannot
hit, and the like. Geometry and computed style are measured, not pixels.
"""
from __future__ import annotations

import pytest

from conftest import Site
from test_site_browser import WIDTHS, scroll_through

pytestmark = pytest.mark.browser

PHONE = WIDTHS["phone"]

# A link inside a sentence takes its line's height (WCAG 2.5.5's "inline" exception): the article's
# text, a card's date line, a lead paragraph, a caption, the map's provinces.
IN_TEXT = (".body, .meta, .summary, .lead, .sapo, .source, .muted, .facts, .publisher, figcaption, svg, "
           ".search-corrected, .search-hint, #search-tips, .search-nojs, .visually-hidden, .skip")

# Each visible link, button, field and summary outside running text, with the box a finger can hit:
# its own, or the row it covers with a ::after stretched over its positioned parent (cards, headlines).
SMALL_TARGETS = """inText => [...document.querySelectorAll('a[href], button, input, select, summary')]
  .filter(e => !e.closest(inText) && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => {
    const after = getComputedStyle(e, '::after');
    const box = (after.content !== 'none' && after.position === 'absolute' && e.offsetParent
                 ? e.offsetParent : e).getBoundingClientRect();
    return {what: e.outerHTML.slice(0, 90), width: Math.round(box.width), height: Math.round(box.height)};
  })
  .filter(t => t.width < 43.5 || t.height < 43.5)"""


@pytest.fixture(scope="module")
def bundled(bundled_site: Site, host):
    return bundled_site, host(bundled_site.output).url


def pages_of(site: Site) -> dict[str, str]:
    return {
        "home": "", "article": site.first("bai-viet/*/index.html"), "page": "gioi-thieu/",
        "province-index": "tinh/", "province": site.first("tinh/*/index.html"),
        "directive-index": "van-ban/", "directive": site.first("van-ban/*/index.html"),
        "tag-index": "chu-de/", "tag": site.first("chu-de/*/index.html"),
        "years": "nam/", "year": site.first("nam/*/index.html"),
        "units": "don-vi-2025/", "search": "tim-kiem/?q=l%C3%A0m+theo+B%C3%A1c", "404": "404.html",
    }


@pytest.mark.parametrize("kind", ["home", "article", "page", "province-index", "province", "directive-index",
                                  "directive", "tag-index", "tag", "years", "year", "units", "search", "404"])
def test_every_target_outside_the_text_is_a_finger_wide_on_a_phone(chromium, bundled, kind: str):
    site, url = bundled
    context = chromium.new_context(**PHONE)
    page = context.new_page()
    page.goto(url + pages_of(site)[kind], wait_until="load")
    if kind == "search":
        page.wait_for_selector("#search-results li")
        page.evaluate("document.querySelector('#search-filters') && (document.querySelector('#search-filters').open = true)")
    scroll_through(page)
    small = page.evaluate(SMALL_TARGETS, IN_TEXT)
    context.close()
    assert not small, f"{kind}: {len(small)} targets smaller than 44 × 44 px: {small[:6]}"


PASTED = """Nhấn <kbd>Ctrl</kbd> + <kbd>F</kbd> để tìm.

<details>
<summary>Xem toàn văn Chỉ thị</summary>

Nội dung chỉ thị.
</details>

<dl>
<dt>Chỉ thị 05-CT/TW</dt>
<dd>Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.</dd>
</dl>

<iframe src="https://www.google.com/maps/embed?pb=1" width="600" height="450" title="Bản đồ"></iframe>

Đoạn cuối.
"""


@pytest.fixture(scope="module")
def pasted(tmp_path_factory, host):
    from conftest import build_site, copy_project
    tmp = tmp_path_factory.mktemp("pasted")
    root = copy_project(tmp / "site")
    (root / "content" / "articles" / "dan.md").write_text(
        f'---\ntitle: "Bài dán từ trang khác"\ndate: 2024-03-03\nprovince: ["Lào Cai"]\n---\n\n{PASTED}',
        encoding="utf-8")
    paragraph = ("Cán bộ, đảng viên trong toàn Đảng bộ tỉnh đã tích cực học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh, gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.")
    (root / "content" / "articles" / "dai.md").write_text(
        '---\ntitle: "Bài hai trăm đoạn"\ndate: 2024-03-04\n---\n\n'
        + "\n\n".join(f"{paragraph} Đoạn {i}." for i in range(200)), encoding="utf-8")
    site = build_site(root, tmp / "out")
    return host(site.output).url + "bai-viet/dan/"


@pytest.mark.parametrize("width", WIDTHS)
def test_pasted_folds_terms_and_keys_look_like_the_text_and_leave_no_hole(chromium, pasted, width: str):
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(pasted, wait_until="load")
    seen = page.evaluate("""(() => {
      const style = s => getComputedStyle(document.querySelector('.body ' + s));
      const summary = document.querySelector('.body details > summary');
      const last = [...document.querySelectorAll('.body p')].pop().getBoundingClientRect();
      const before = document.querySelector('.body dl').getBoundingClientRect();
      return {summary: summary && summary.getBoundingClientRect().height, kbdBorder: parseFloat(style('kbd').borderTopWidth),
              kbdFont: style('kbd').fontFamily, dt: +style('dt').fontWeight, frames: document.querySelectorAll('.body iframe').length,
              gap: last.top - before.bottom};
    })()""")
    context.close()
    assert seen["summary"] and seen["summary"] >= 43.5, seen         # a fold a finger opens
    assert seen["kbdBorder"] >= 1 and "mono" in seen["kbdFont"], seen  # a key, not a word of the sentence
    assert seen["dt"] >= 700, seen                                    # the term above its definition
    assert seen["frames"] == 0 and seen["gap"] < 60, seen             # no blank 16:9 box before the last paragraph


# The letters on each full line of the first paragraphs (the last line of a paragraph is short anyway).
# Every text node of each element: a summary holds a number kept whole in a span ("05-CT/TW")
LETTERS_A_LINE = """selector => { const counts = [];
  for (const p of [...document.querySelectorAll(selector)].slice(0, 20)) {
    const range = document.createRange(), walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let top = null, count = 0, text;
    while ((text = walker.nextNode())) for (let i = 0; i < text.length; i++) {
      range.setStart(text, i); range.setEnd(text, i + 1);
      const box = range.getClientRects()[0]; if (!box) continue;
      if (top !== null && Math.abs(box.top - top) > 3) { counts.push(count); count = 0; }
      top = box.top; count++;
    }
  }
  return counts; }"""


# The system's own font (DejaVu Sans here), and Arial's metrics (Liberation Sans: those of Segoe UI and
# Roboto, much narrower than DejaVu), which most readers' screens show.
@pytest.mark.parametrize("font", ["system", "Liberation Sans"])
def test_an_article_line_holds_at_most_about_75_letters_on_a_desktop(chromium, pasted, font: str):
    """44rem of 17 px text held 88 letters a line in Arial: past the 45-75 a reader follows without
    losing the next line's start."""
    page = chromium.new_page(**WIDTHS["desktop"])
    page.goto(pasted.replace("/dan/", "/dai/"), wait_until="load")
    if font != "system":
        page.evaluate("font => document.documentElement.style.setProperty('--text', `'${font}'`)", font)  # CSP: no <style>
    counts = page.evaluate(LETTERS_A_LINE, ".body p")
    page.close()
    assert len(counts) >= 20 and 60 <= max(counts) <= 77, counts


@pytest.mark.parametrize("font", ["system", "Liberation Sans"])
@pytest.mark.parametrize("kind", ["province", "directive", "tag", "unit"])
def test_a_list_of_a_province_directive_or_topic_has_the_home_pages_columns(chromium, bundled, kind: str, font: str):
    """The lists of one province, directive, topic or 2025 unit spanned the whole 72rem on a desktop:
    a summary of 140 letters a line, an empty right half. They have the home and year pages' column
    and sidebar."""
    site, url = bundled
    path = {"province": "tinh/lai-chau/", "directive": "van-ban/05-ct-tw/", "tag": site.first("chu-de/*/index.html"),
            "unit": "don-vi-2025/lai-chau/"}[kind]
    page = chromium.new_page(**WIDTHS["desktop"])
    page.goto(url + path, wait_until="load")
    if font != "system":
        page.evaluate("font => document.documentElement.style.setProperty('--text', `'${font}'`)", font)
    counts = page.evaluate(LETTERS_A_LINE, ".card .summary")
    sidebar = page.evaluate("(document.querySelector('main .sidebar') || {}).offsetWidth || 0")
    page.close()
    assert counts and max(counts) <= 90, (path, counts)
    assert sidebar >= 250, path


@pytest.mark.parametrize("width", WIDTHS)
def test_the_footer_rule_lines_up_with_the_footer_text(chromium, bundled, width: str):
    """The rule above the copyright line ran 16 px past the text on both sides (the wrap's padding)."""
    site, url = bundled
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url, wait_until="load")
    edges = page.evaluate("""['.footer-name', '.copyright'].map(s => {
        const box = document.querySelector(s).getBoundingClientRect(); return [box.left, box.right]; })""")
    grid = page.evaluate("(() => { const b = document.querySelector('.footer-grid'); const s = getComputedStyle(b);"
                         " const r = b.getBoundingClientRect(); return [r.left + parseFloat(s.paddingLeft),"
                         " r.right - parseFloat(s.paddingRight)]; })()")
    page.close()
    (name_left, _), (rule_left, rule_right) = edges
    assert abs(rule_left - name_left) < 1 and abs(rule_right - grid[1]) < 1, (edges, grid)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_search_filter_keeps_its_label_beside_its_list(chromium, bundled, width: str):
    """With the text's measure (62ch) the filters wrap: "Năm" ended one line, its list began the next."""
    site, url = bundled
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + "tim-kiem/?q=B%C3%A1c", wait_until="load")
    page.evaluate("document.querySelector('#search-filters').open = true")
    pairs = page.evaluate("""[...document.querySelectorAll('#search-filters select')].map(s => {
        const l = document.querySelector(`label[for="${s.id}"]`).getBoundingClientRect(), b = s.getBoundingClientRect();
        return [s.id, Math.abs((l.top + l.bottom) / 2 - (b.top + b.bottom) / 2)]; })""")
    page.close()
    assert len(pairs) == 3 and all(off < 4 for _, off in pairs), pairs


# The menu's rows (distinct tops of its links), where its first entry's words start, and the page text's edge.
MENU_ROWS = """() => { const links = [...document.querySelectorAll('.site-nav a')]; const first = links[0];
  return {rows: new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size,
          words: Math.round(first.getBoundingClientRect().left + parseFloat(getComputedStyle(first).paddingLeft)),
          text: Math.round(document.querySelector('main h1, main .card-title').getBoundingClientRect().left),
          narrowest: Math.min(...links.map(a => a.getBoundingClientRect().width))}; }"""


@pytest.mark.parametrize("width", [320, 360, 375])
def test_the_menu_takes_two_rows_on_the_narrowest_phones(chromium, bundled, width: int):
    """At 320 px the menu's seven entries (six of the theme, one page) wrapped to 3 rows, 132 px of the
    first screen. Now 2: its first entry's words level with the page's text (the row gains the wrap's
    padding), every entry still a finger wide."""
    site, url = bundled
    context = chromium.new_context(viewport={"width": width, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    menu = page.evaluate(MENU_ROWS)
    context.close()
    assert menu["rows"] == 2 and menu["words"] == menu["text"] and menu["narrowest"] >= 44, menu


# Each item of the breadcrumb that begins a new row, with what is drawn before it.
BREADCRUMB_ROW_STARTS = """() => { const items = [...document.querySelectorAll('.breadcrumb li')];
  return items.slice(1).filter((li, i) => li.getBoundingClientRect().top > items[i].getBoundingClientRect().top + 2)
    .map(li => [li.textContent, getComputedStyle(li, '::before').content]); }"""


@pytest.mark.parametrize("kind", ["article", "province"])
def test_a_wrapped_breadcrumb_never_starts_a_line_with_its_separator(chromium, bundled, kind: str):
    """With the text at 200 % on a 320 px phone (160 px of CSS), “Trang chủ” stood alone and the next row
    began “› Hà Nam”. The “›” now ends the item before it, as “·” does in a card's line."""
    site, url = bundled
    context = chromium.new_context(viewport={"width": 160, "height": 640}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url + pages_of(site)[kind], wait_until="load")
    starts = page.evaluate(BREADCRUMB_ROW_STARTS)
    context.close()
    assert starts and all(content == "none" for _, content in starts), starts
