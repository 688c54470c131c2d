"""The theme page by page, as an editor-in-chief checks it before publishing, in Chromium: the pager of
long lists on a phone, headlines' Vietnamese marks, photos' crops. Geometry and computed style are
measured, not pixels.
"""
from __future__ import annotations

import pytest

from conftest import Site, build_site, copy_project
from test_site_browser import WIDTHS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bench(bench_site: Site, host):
    return bench_site, host(bench_site.output).url


@pytest.fixture(scope="module")
def bundled(bundled_site: Site, host):
    return bundled_site, host(bundled_site.output).url


# The boxes of what the pager shows: each visible child of the nav, and each visible numbered link.
PAGER_BOXES = r"""() => {
  // checkVisibility: a closed <details>' content has boxes, but is not painted (content-visibility)
  const shown = e => e.checkVisibility({visibilityProperty: true});
  const box = e => { const r = e.getBoundingClientRect();
                     return {text: e.innerText.split('\n')[0].trim(), top: Math.round(r.top), bottom: Math.round(r.bottom),
                             left: Math.round(r.left), right: Math.round(r.right)}; };
  const nav = document.querySelector('nav.pager');
  const row = [...nav.querySelectorAll('a[rel], summary')].filter(shown).map(box);
  const numbers = [...nav.querySelectorAll('.pager-pages a')].filter(shown).map(box);
  return {nav: box(nav), row, numbers, width: document.documentElement.clientWidth};
}"""


def one_row(boxes: list[dict]) -> bool:
    return len({b["top"] for b in boxes}) == 1


@pytest.mark.parametrize("number", [1, 6, "last"])
def test_a_long_lists_pager_is_one_row_on_a_phone_and_opens_its_numbers(chromium, bench, number):
    """On a phone the pager of a long list took three rows ("‹ Trang trước", then 1 4 5 6 … 84, then
    "Trang sau ›"), and pages 2 and 3 were hidden without a "…" (1 4 read as neighbours). Now one row,
    ‹ Trước [Trang 6/84] Sau ›; the middle button opens the numbers, on the screen, finger-wide, and
    one of them leads to its page. By keyboard as by touch."""
    site, url = bench
    context = chromium.new_context(**WIDTHS["phone"])
    page = context.new_page()
    page.goto(url + "trang/6/")
    total = int(page.locator(".pager-pages a").last.get_attribute("aria-label").split()[-1])
    n = total if number == "last" else number
    page.goto(url + ("" if n == 1 else f"trang/{n}/"))
    before = page.evaluate(PAGER_BOXES)
    assert one_row(before["row"]) and before["nav"]["bottom"] - before["nav"]["top"] <= 50, before
    assert not before["numbers"], before  # folded away until asked for
    assert [b["text"] for b in before["row"]] == (["Trang 1/%d" % total, "Sau ›"] if n == 1 else
                                                  ["‹ Trước", f"Trang {n}/{total}"] if n == total else
                                                  ["‹ Trước", f"Trang {n}/{total}", "Sau ›"]), before
    # the keyboard: Tab to the button, Enter opens it, Tab reaches the first number
    page.locator(".pager summary").focus()
    ring = page.locator(".pager summary").evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }")
    assert ring == ["solid", "3px"], ring  # the theme's focus ring, as on every other control
    page.keyboard.press("Enter")
    opened = page.evaluate(PAGER_BOXES)
    def placed(boxes):  # left and top in the nav: the focus may have scrolled the page
        return [(b["text"], b["left"], b["top"] - boxes["nav"]["top"]) for b in boxes["row"]]
    assert placed(opened) == placed(before), opened  # the row stays as it was, the numbers over what follows
    assert opened["nav"]["bottom"] - opened["nav"]["top"] == before["nav"]["bottom"] - before["nav"]["top"]
    texts = [b["text"] for b in opened["numbers"]]
    assert texts[0] == "1" and texts[-1] == str(total) and str(n) in texts, opened
    for b in opened["numbers"]:
        assert b["left"] >= 0 and b["right"] <= opened["width"], opened  # on the screen, whichever page
        assert b["right"] - b["left"] >= 43.5 and b["bottom"] - b["top"] >= 43.5, opened
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "1"
    assert page.locator(".pager [aria-current=page]").get_attribute("aria-label") == f"Trang {n}, trang hiện tại"
    # a screen reader hears the steps' and the button's purpose
    assert page.locator(".pager summary").evaluate("e => e.textContent") == f"Trang {n}/{total} – chọn trang khác"
    if n != total:
        assert page.get_by_role("link", name="Trang sau", exact=True).count() == 1
    target = int(texts[0] if n == total else texts[-1])  # the first page, or the last
    page.get_by_role("link", name=f"Trang {target}", exact=True).click()
    page.wait_for_url(url if target == 1 else f"{url}trang/{target}/")
    assert page.locator(".pager [aria-current=page]").text_content() == str(target)
    context.close()


def test_on_a_desktop_the_pagers_numbers_stand_in_its_row_without_a_button(chromium, bench):
    site, url = bench
    page = chromium.new_page(**WIDTHS["desktop"])
    page.goto(url + "trang/6/")
    boxes = page.evaluate(PAGER_BOXES)
    assert [b["text"] for b in boxes["row"]] == ["‹ Trước", "Sau ›"], boxes  # no "Trang 6/84" button
    assert one_row(boxes["row"] + boxes["numbers"]), boxes
    assert [b["text"] for b in boxes["numbers"]][:6] == ["1", "4", "5", "6", "7", "8"], boxes
    page.locator(".pager a[rel=prev]").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "1"  # the numbers take the focus in order
    page.close()


# Each headline-like element of a page: the ink its font's lower-case stacked marks need above the line
# (ễ ẫ ẳ: circumflex or breve with a tone) plus the ink a dot below needs under it (ộ ị), in em, against
# its line height in em. Measured in the element's own font (the web font loaded).
MARK_ROOM = """async () => {
  await document.fonts.ready;
  const c = document.createElement('canvas').getContext('2d');
  const out = [];
  for (const e of document.querySelectorAll('h1, h2, h3, h4, h5, h6, .card-title')) {
    if (!e.getClientRects().length) continue;
    const cs = getComputedStyle(e), size = parseFloat(cs.fontSize);
    c.font = `${cs.fontWeight} ${size * 10}px ${cs.fontFamily}`;
    const up = c.measureText('ễẫỗểẩẳẵữ').actualBoundingBoxAscent / (size * 10);
    const down = c.measureText('ộịỵậệợ').actualBoundingBoxDescent / (size * 10);
    out.push({what: e.tagName + '.' + e.className, family: cs.fontFamily.slice(0, 16),
              line: parseFloat(cs.lineHeight) / size, need: up + down});
  }
  return out;
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", ["home", "article", "province"])
def test_a_headlines_lower_case_marks_never_touch_the_line_above(chromium, bundled, kind: str, width: str):
    """Headlines were set at line-height 1.25-1.3 (the lead story 1.25, an article's title 1.28): the
    stacked marks of a lower-case ễ or ẳ (1.01em above the line in Be Vietnam Pro) met the dot under an
    ộ on the line above (0.25em under it). Almost a tenth of an em of paper (0.08em or more) between them now."""
    site, url = bundled
    path = {"home": "", "article": site.first("bai-viet/*/index.html"), "province": "tinh/lai-chau/"}[kind]
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + path, wait_until="load")
    rooms = page.evaluate(MARK_ROOM)
    page.close()
    assert len(rooms) >= 3 and any(r["family"].startswith('"Be Vietnam Pro') for r in rooms), rooms
    tight = [r for r in rooms if r["line"] - r["need"] < 0.08]
    assert not tight, tight


def _article(folder, slug: str, title: str, date: str, body: str, image: str = "") -> None:
    front = f'image:\n  src: "{image}"\n  alt: "Ảnh"\n' if image else ""
    (folder / f"{slug}.md").write_text(f'---\ntitle: "{title}"\ndate: {date}\nprovince: "Lai Châu"\n'
                                       f'{front}---\n\n{body}\n', encoding="utf-8")


@pytest.fixture(scope="module")
def photographed(tmp_path_factory, host):
    """The bundled site with a standing portrait (800 × 1600, its head in the top fifth) as the newest
    article's photo, an article with no photo of its own whose text opens with one, and a table of
    figures (STT, a district, eight years of counts from 7 to 28.824.005, a percentage)."""
    from PIL import Image, ImageDraw
    tmp = tmp_path_factory.mktemp("photographed")
    root = copy_project(tmp / "site")
    portrait = Image.new("RGB", (800, 1600), (140, 90, 60))
    ImageDraw.Draw(portrait).ellipse((330, 200, 470, 400), fill=(240, 200, 160))
    portrait.save(root / "content" / "images" / "chan-dung.jpg", quality=80)
    articles = root / "content" / "articles"
    _article(articles, "chan-dung", "Chân dung một đảng viên", "2025-12-30", "Đoạn một.", "/images/chan-dung.jpg")
    _article(articles, "anh-dau-bai", "Ảnh ở đầu bài", "2025-12-29",
             "Đoạn mở đầu.\n\n![Hội nghị](/images/hcm1.jpg)\n\nĐoạn hai.\n\n![Cuối bài](/images/cnxangdau.jpg)")
    rows = "\n".join(f"| {k} | Huyện Mường Tè {k} | " + " | ".join(f"{k * 7 ** c:,}".replace(",", ".") for c in range(1, 9))
                      + f" | {k * 9.5:.1f}% |".replace(".", ",") for k in range(1, 6))
    _article(articles, "bang-so-lieu", "Số liệu", "2025-12-28",
             "| STT | Đơn vị | " + " | ".join(str(2016 + c) for c in range(8)) + " | Tỷ lệ |\n"
             + "|---" * 11 + "|\n" + rows)
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


# The part of a photo a cropped <img> (object-fit: cover) shows, as fractions of its height: [top, bottom].
SHOWN_BAND = """img => {
  const cs = getComputedStyle(img), box = img.getBoundingClientRect();
  const scale = Math.max(box.width / img.naturalWidth, box.height / img.naturalHeight);
  const over = img.naturalHeight * scale - box.height;  // how much of the photo's height is cut off
  const y = cs.objectPosition.split(' ')[1];
  const offset = y.endsWith('%') ? over * parseFloat(y) / 100 : parseFloat(y);
  const tall = img.naturalHeight * scale;
  return [offset / tall, (offset + box.height) / tall];
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_cards_crop_of_a_standing_portrait_keeps_the_head(chromium, photographed, width: str):
    """A card crops its photo to 3:2; from the middle, a standing portrait showed the chest and waist
    (the band 33-67 % of its height) and cut the head off. The crop starts in the top fifth now."""
    site, url = photographed
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + "tinh/lai-chau/", wait_until="load")
    img = page.locator(".card", has_text="Chân dung một đảng viên").locator("img")
    img.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth", arg=img.element_handle())
    top, bottom = img.evaluate(SHOWN_BAND)
    page.close()
    assert top <= 0.2 and bottom >= 0.25, (top, bottom)  # the head: 12-25 % of the height


# The page's largest paint, as Chromium reports it, and how its image was asked for.
LCP = """() => new Promise(done => new PerformanceObserver(list => {
  const e = list.getEntries().at(-1).element;
  done(e && {tag: e.tagName, src: e.currentSrc || '', loading: e.loading, priority: e.fetchPriority});
}).observe({type: 'largest-contentful-paint', buffered: true}))"""


@pytest.mark.parametrize("slug", ["chan-dung", "anh-dau-bai"])
def test_an_articles_largest_paint_is_fetched_first(chromium, photographed, slug: str):
    """On a slow phone the photo at the top of an article is what the reader waits for (the LCP): it
    was fetched at the priority of any image, and the first photo of an article with none of its own
    (after its first paragraph) was lazy, asked for only after layout. Both are fetched first now;
    the photos further down stay lazy."""
    site, url = photographed
    context = chromium.new_context(**WIDTHS["phone"])
    page = context.new_page()
    page.goto(url + f"bai-viet/{slug}/", wait_until="load")
    # On a loaded machine the photo may paint after the headline's text: Chrome then reports a new,
    # larger paint, so the latest entry is read again for a while (a text that stays the largest
    # paint still fails the test, after 10 s).
    lcp = page.evaluate(LCP)
    for _ in range(40):
        if lcp and lcp["tag"] == "IMG":
            break
        page.wait_for_timeout(250)
        lcp = page.evaluate(LCP)
    others = page.eval_on_selector_all(".body img", "imgs => imgs.slice(1).map(i => [i.loading, i.fetchPriority])")
    context.close()
    assert lcp and lcp["tag"] == "IMG" and lcp["loading"] != "lazy" and lcp["priority"] == "high", lcp
    assert all(p == ["lazy", "auto"] for p in others), others


# Per column of the table: the right edge of each body cell's text, and the lines of each name.
TABLE_GEOMETRY = """() => {
  const rows = [...document.querySelectorAll('.body tbody tr')];
  const textBox = cell => { const r = document.createRange(); r.selectNodeContents(cell);
                            const rects = [...r.getClientRects()];
                            return {right: Math.max(...rects.map(x => x.right)), lines: new Set(rects.map(x => Math.round(x.top))).size}; };
  const columns = [...rows[0].cells].map((_, i) => rows.map(row => textBox(row.cells[i])));
  return {rights: columns.map(c => c.map(b => Math.round(b.right))), nameLines: columns[1].map(b => b.lines)};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_tables_figures_line_up_and_leave_the_names_room(chromium, photographed, width: str):
    """A statistics table's figures were left-aligned in columns of at least 5.5rem (7 above 1.101 above
    28.824.005, units under nothing), and its district names were squeezed to a word a line. Now
    figures are right-aligned, units under units, and a name takes two lines at most."""
    site, url = photographed
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + "bai-viet/bang-so-lieu/", wait_until="load")
    table = page.evaluate(TABLE_GEOMETRY)
    page.close()
    figures = [rights for i, rights in enumerate(table["rights"]) if i != 1]
    assert len(figures) == 10 and all(max(c) - min(c) <= 1 for c in figures), table
    assert max(table["nameLines"]) <= 2, table


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_table_wider_than_a_phone_shows_that_it_scrolls(chromium, photographed, scheme: str):
    """On a phone a table wider than the screen scrolls in its own box, and phones draw no scroll bar:
    nothing told the reader that columns were hidden. A shadow stands on the side where they are:
    drawn on the box (scroll), covered at the table's ends by paper that moves with the cells (local)."""
    site, url = photographed
    context = chromium.new_context(**WIDTHS["phone"], color_scheme=scheme)
    page = context.new_page()
    page.goto(url + "bai-viet/bang-so-lieu/", wait_until="load")
    table = page.locator(".body table").evaluate("""t => { const s = getComputedStyle(t);
        return {wider: t.scrollWidth > t.clientWidth, images: s.backgroundImage.split(/,\\s*(?=(?:linear|radial)-gradient)/),
                attachments: s.backgroundAttachment.split(', '), paper: getComputedStyle(document.body).backgroundColor}; }""")
    context.close()
    assert table["wider"], table
    covers = [image for image, how in zip(table["images"], table["attachments"]) if how == "local"]
    shadows = [image for image, how in zip(table["images"], table["attachments"]) if how == "scroll"]
    assert len(covers) == 2 and all(table["paper"] in image for image in covers), table  # the paper, as it is
    assert len(shadows) == 2 and all(image.startswith("radial-gradient") for image in shadows), table


# Each headline's line height against the ink its own letters need: the tallest of its letters after
# its first word (what a wrapped line can start with) above the line, plus a dot below (ộ: 0.25em, the
# deepest ink under a line) on the line above; in em, in the element's own font.
OWN_MARK_ROOM = """async () => {
  await document.fonts.ready;
  const c = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('h1, .card-title')].filter(e => e.getClientRects().length).map(e => {
    const cs = getComputedStyle(e), size = parseFloat(cs.fontSize), text = e.textContent.trim();
    c.font = `${cs.fontWeight} ${size * 10}px ${cs.fontFamily}`;
    const rest = text.slice(text.search(/\\s/) + 1);
    const up = Math.max(...[...rest].map(ch => c.measureText(ch).actualBoundingBoxAscent)) / (size * 10);
    const below = c.measureText('ộ').actualBoundingBoxDescent / (size * 10);
    return {text: text.slice(0, 40), line: parseFloat(cs.lineHeight) / size, need: up + below};
  });
}"""

STACKED = ["Tăng cường hợp tác giáo dục với Ấn Độ trong học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
           "Phong trào thi đua “ẲNG ẴNG ẮNG” của thiếu nhi xã vùng cao học tập và làm theo lời Bác Hồ",
           "Tỉnh đoàn tổ chức hội thi kể chuyện về Bác với chủ đề Ễ, Ỗ, Ẩ trong chữ quốc ngữ cho học sinh"]
PLAIN = "Ủy ban nhân dân tỉnh tổng kết năm năm học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


@pytest.fixture(scope="module")
def headlined(tmp_path_factory, host):
    """The bundled site with three long headlines holding capitals with stacked marks after their first
    word (Ấn Độ, ẲNG, Ễ), and one holding none (Ủy ban: a capital with one mark, first)."""
    tmp = tmp_path_factory.mktemp("headlined")
    root = copy_project(tmp / "site")
    articles = root / "content" / "articles"
    for i, title in enumerate([*STACKED, PLAIN]):
        _article(articles, f"tieu-de-{i}", title, f"2025-12-{30 - i}", "Đoạn một.")
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["", "tinh/lai-chau/", "bai-viet/tieu-de-0/", "bai-viet/tieu-de-1/",
                                  "bai-viet/tieu-de-2/", "bai-viet/tieu-de-3/"])
def test_a_headlines_capitals_stacked_marks_clear_the_line_above(chromium, headlined, path: str, width: str):
    """At line height 1.35 a capital with stacked marks on a wrapped headline's second line (Ấn Độ,
    Ễ, Ẳ: 1.13-1.23em above the line) met, or cut into, the dot under an ộ on the line above (0.25em
    under it). Such headlines are set at 1.52 now (the tallest, Ẳ, clear by 0.03em); the others stay at
    1.35, where a capital with one mark (Ủ, Ỏ: up to 1.06em) is as clear."""
    site, url = headlined
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + path, wait_until="load")
    rooms = page.evaluate(OWN_MARK_ROOM)
    page.close()
    ours = [r for r in rooms if any(t.startswith(r["text"]) for t in [*STACKED, PLAIN])]
    assert ours, rooms
    tight = [r for r in rooms if r["line"] - r["need"] < 0.03]
    assert not tight, tight
    airy = [r for r in ours if PLAIN.startswith(r["text"]) and round(r["line"], 2) != 1.35]
    assert not airy, airy  # a headline without such a capital keeps its line height


@pytest.mark.parametrize("width", WIDTHS)
def test_a_search_results_capitals_stacked_marks_clear_the_line_above(chromium, headlined, width: str):
    """The search page draws its results' headlines itself (search.js): one with a capital with stacked
    marks after its first word gets the same line height as its card elsewhere."""
    site, url = headlined
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + "tim-kiem/?q=thi+đua+ẲNG", wait_until="load")
    page.wait_for_selector("#search-results li h2")
    rooms = page.evaluate(OWN_MARK_ROOM)
    page.close()
    assert any(STACKED[1].startswith(r["text"]) for r in rooms), rooms
    tight = [r for r in rooms if r["line"] - r["need"] < 0.03]
    assert not tight, tight


def test_in_forced_colours_the_pagers_current_page_stands_out(chromium, bench):
    """A Windows contrast theme removes the current page's red fill: page 6 was told from 4, 5, 7 and 8
    by its bold weight alone. It is filled with the theme's Highlight colour now."""
    site, url = bench
    context = chromium.new_context(**WIDTHS["desktop"], forced_colors="active")
    page = context.new_page()
    page.goto(url + "trang/6/")
    fills = page.eval_on_selector_all(".pager-pages a", """links => links.map(a =>
      [a.hasAttribute('aria-current'), getComputedStyle(a).backgroundColor, getComputedStyle(a).color])""")
    context.close()
    current = [f[1:] for f in fills if f[0]]
    others = {tuple(f[1:]) for f in fills if not f[0]}
    assert len(current) == 1 and others, fills
    assert current[0][0] not in {o[0] for o in others} and current[0][1] not in {o[1] for o in others}, fills


FIRST_CAPITALS = ["Ổn định đời sống đồng bào vùng cao nhờ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
                  "Chí Minh ở các bản của tỉnh Lai Châu trong năm năm qua",
                  "Ấn tượng những mô hình làm theo lời Bác của thanh niên xã biên giới Lai Châu trong năm nay"]


@pytest.fixture(scope="module")
def first_capitals(tmp_path_factory, host):
    """The bundled site with headlines whose first letter is a capital with stacked marks (Ổ, Ấ), the
    newest articles of Lai Châu: in “Tin mới”, “Bài liên quan”, and “Bài trước”/“Bài sau”."""
    tmp = tmp_path_factory.mktemp("first-capitals")
    root = copy_project(tmp / "site")
    articles = root / "content" / "articles"
    for i, title in enumerate([*FIRST_CAPITALS, "Bài giữa hai bài"]):
        (articles / f"hoa-{i}.md").write_text(f'---\ntitle: "{title}"\ndate: 2025-11-0{5 - 2 * i}\n'
                                              'province: ["Lai Châu"]\ntags: ["mô hình điển hình"]\n---\n\nNội dung.\n',
                                              encoding="utf-8")
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


# Each box cut at 3 lines (-webkit-line-clamp) whose text starts with one of the capitals: how far the ink
# of that first letter rises above the top of the box that clips it (canvas measures the ink, in the
# element's own font, from the line's baseline: the range's top plus the font's ascent).
FIRST_INK = """() => [...document.querySelectorAll('a, span')]
  .filter(e => getComputedStyle(e).webkitLineClamp !== 'none' && /^[ỔẤ]/.test(e.textContent) && e.getClientRects().length)
  .map(e => { const s = getComputedStyle(e), text = [...e.childNodes].find(n => n.nodeType === 3);
    const ctx = document.createElement('canvas').getContext('2d'); ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const m = ctx.measureText(text.data[0]);
    const r = document.createRange(); r.setStart(text, 0); r.setEnd(text, 1);
    const ink = r.getBoundingClientRect().top + m.fontBoundingBoxAscent - m.actualBoundingBoxAscent;
    const clip = e.getBoundingClientRect().top + parseFloat(s.borderTopWidth);
    return {where: e.closest('section, nav').className, text: text.data.slice(0, 12), cut: clip - ink}; })"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_headline_cut_at_three_lines_keeps_its_first_capitals_marks(chromium, first_capitals, width: str):
    """A headline cut at 3 lines in the sidebar or under the article clipped its box at the first
    line's top: the hook of “Ổn định” was cut off, which read “Ốn định”. The box now has room above."""
    site, url = first_capitals
    page = chromium.new_page(**WIDTHS[width])
    page.goto(url + "bai-viet/hoa-2/", wait_until="load")
    page.evaluate("document.fonts.ready")
    inks = page.evaluate(FIRST_INK)
    page.close()
    assert {i["where"] for i in inks} >= {"prev-next", "box related", "box box-latest"}, inks
    assert all(i["cut"] <= 0 for i in inks), inks
