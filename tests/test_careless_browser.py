"""The theme under careless but valid content, in Chromium at 375 and 1280 px.

Editors paste addresses and file names without spaces, titles of one long word, tables of forty
columns, code with long lines, lists eight deep, portrait and thumbnail-sized photos, six levels of
headings. None of it may widen the page, squeeze a column to a word a line, blow a 40 px photo up
to a blur or make a photo three screens tall. Widths are judged against the viewport that was asked
for: on an emulated phone a too-wide page zooms out, and window.innerWidth grows with it.
"""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project, need
from test_site_browser import AXE, WIDTHS, scroll_through

pytestmark = pytest.mark.browser

ADDRESS = ("https://example.gov.vn/tin-tuc/hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh/"
           "chi-thi-05-ct-tw/ket-qua-thuc-hien-nam-2024-va-phuong-huong-nhiem-vu-nam-2025.html?utm_source=zalo")
WORD = "Chủtịchhồchíminhvĩđạikínhyêucủatoànthểdântộcviệtnamanhhùngvàbấtkhuất" * 2
FILE = "Bao_cao_tong_ket_5_nam_thuc_hien_Chi_thi_05-CT-TW_cua_Bo_Chinh_tri_ban_chinh_thuc_final_v3.docx"
NO_SPACES = "Cán bộ,đảng viên,công chức tỉnh đã tích cực học tập.Thực hiện chỉ đạo của Tỉnh ủy,các cấp ủy đảng" * 4


DIRECTIVES = ["06-CT/TW", "03-CT/TW", "05-CT/TW", "01-KL/TW", "12-NQ/TW", "04-NQ/TW", "21-KL/TW", "101-QĐ/TW",
              "55-QĐ/TW", "08-QĐi/TW", "144-QĐ/TW", "42-CT/TW"]


def photo(path, width: int, height: int) -> None:
    from PIL import Image
    Image.new("RGB", (width, height), (40, 90, 140)).save(path, quality=80)


def article(root, slug: str, front: str, body: str) -> None:
    (root / "content" / "articles" / f"{slug}.md").write_text(f"---\n{front.strip()}\n---\n\n{body}\n",
                                                              encoding="utf-8")


def nested_list(depth: int, last: str) -> str:
    return "\n".join("  " * level + f"- mục cấp {level + 1}" + (f" {last}" if level == depth - 1 else "")
                     for level in range(depth))


@pytest.fixture(scope="module")
def careless(tmp_path_factory, host):
    tmp = tmp_path_factory.mktemp("careless")
    root = copy_project(tmp / "site")
    images = root / "content" / "images"
    photo(images / "doc.jpg", 600, 1800)
    photo(images / "doc-2.jpg", 500, 1500)
    photo(images / "ti-hon.jpg", 40, 40)
    photo(images / "rong.jpg", 2400, 300)
    table = ("| " + " | ".join(f"Cột {i}" for i in range(40)) + " |\n|" + "---|" * 40 + "\n| "
             + " | ".join(str(i * 1000) for i in range(40)) + " |")
    cell = ("| Nội dung | Ghi chú |\n|---|---|\n| "
            + ("Đảng bộ tỉnh đã tổ chức học tập chuyên đề năm 2024 cho toàn thể cán bộ, đảng viên. " * 4)[:300]
            + f" | {ADDRESS} |")
    body = f"""Xem tại {ADDRESS}, hỏi {FILE.lower()[:40]}@laocai.dcs.gov.vn, tải tệp {FILE}.

![Ảnh rộng](/images/rong.jpg "{ADDRESS}")

![Ảnh dọc, không chú thích](/images/doc-2.jpg)

{table}

{cell}

# Đề mục cấp một
## Đề mục cấp hai
### Đề mục cấp ba
#### Đề mục cấp bốn
##### Đề mục cấp năm
###### Đề mục cấp sáu

```
{"x" * 60} = "{ADDRESS}{WORD}"
```

{nested_list(8, WORD)}

> Trích dẫn
>
> - mục
>
>   > trích dẫn lồng {ADDRESS}

{NO_SPACES}
"""
    article(root, "kho", f'title: "Bài khó"\ndate: 2024-03-03\nprovince: ["Hà Giang"]\nsummary: "{ADDRESS}"\n'
                         f'image:\n  src: "/images/doc.jpg"\n  alt: "Ảnh dọc"\n  caption: "{ADDRESS} {FILE}"', body)
    # long ago, so that its title is in no "latest" box: the article after it shows it as "Bài trước"
    article(root, "mot-tu", f'title: "{WORD}"\ndate: 2001-03-04\nprovince: ["Bắc Kạn"]\n'
                            f'image: "/images/ti-hon.jpg"', NO_SPACES)
    article(root, "sau-mot-tu", 'title: "Bài sau bài một từ"\ndate: 2001-03-05\nprovince: ["Bắc Kạn"]', "Nội dung.")
    article(root, "tieu-de-dai", 'title: "' + ("Đảng bộ Khối các cơ quan tỉnh đẩy mạnh học tập và làm theo "
                                               "tư tưởng, đạo đức, phong cách Hồ Chí Minh " * 3)[:250]
            + '"\ndate: 2024-03-05\nprovince: ["Hà Giang"]', "Nội dung.")
    article(root, "danh-sach", 'title: "Danh sách lồng"\ndate: 2024-03-06', nested_list(8, "Chủ tịch Hồ Chí Minh " * 6))
    every = ", ".join(f'"{d}"' for d in DIRECTIVES)
    article(root, "moi-the", f'title: "Mọi văn bản"\ndate: 2001-03-06\ndirectives: [{every}]\n'
                             'province: ["Lào Cai", "Yên Bái", "Hà Giang", "Lai Châu", "Điện Biên", "Sơn La", '
                             '"Cao Bằng", "Bắc Kạn"]\ntags: [' + ", ".join(f'"chủ đề số {i}"' for i in range(25)) + "]",
            "Nội dung.")
    site = build_site(root, tmp / "out")
    return site, host(site.output).url


PAGES = ["bai-viet/kho/", "bai-viet/mot-tu/", "bai-viet/sau-mot-tu/", "bai-viet/tieu-de-dai/", "bai-viet/moi-the/",
         "tinh/bac-kan/", "tinh/ha-giang/", ""]

# Elements whose right edge passes the viewport, except inside a box that scrolls or clips on its own.
TOO_WIDE = """w => [...document.querySelectorAll('body *')].filter(e => {
    if (e.getBoundingClientRect().right <= w + 0.5) return false;
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
    return true;
  }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_careless_content_does_not_widen_the_page(chromium, careless, path: str, width: str):
    site, url = careless
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(url + path, wait_until="load")
    scroll_through(page)
    asked = WIDTHS[width]["viewport"]["width"]
    scroll = page.evaluate("document.scrollingElement.scrollWidth")
    assert page.evaluate("window.innerWidth") == asked and scroll <= asked, \
        f"{path} at {width}: the page is {scroll} px wide: {page.evaluate(TOO_WIDE, asked)}"
    assert not page.evaluate(TOO_WIDE, asked)
    context.close()


@pytest.fixture(scope="module", params=list(WIDTHS))
def hard_article(request, chromium, careless):
    """The article with everything hard in it, open and scrolled through (photos loaded), at each width."""
    site, url = careless
    context = chromium.new_context(**WIDTHS[request.param])
    page = context.new_page()
    page.goto(url + "bai-viet/kho/", wait_until="load")
    scroll_through(page)
    yield page, WIDTHS[request.param]["viewport"]
    context.close()


def test_photos_are_neither_taller_than_the_screen_nor_enlarged(hard_article):
    page, viewport = hard_article
    boxes = page.evaluate("""[...document.querySelectorAll('.article img')].map(i => ({
        src: i.currentSrc, w: i.getBoundingClientRect().width, h: i.getBoundingClientRect().height,
        own: +i.getAttribute('width')}))""")
    assert len(boxes) == 3  # the lead photo, a figure, a photo alone in its paragraph
    for box in boxes:
        assert box["h"] <= viewport["height"] * 0.8 + 1, box
        assert box["w"] <= box["own"] + 0.5, box


def test_a_long_address_in_a_cell_does_not_squeeze_its_neighbours(hard_article):
    page, viewport = hard_article
    cells = page.evaluate("[...document.querySelectorAll('.body td:not(.n)')].map(c => c.getBoundingClientRect().width)")
    assert len(cells) == 2 and min(cells) >= 80, cells
    # a column of figures is as wide as its figures (generator/tables.py), each on one line, whole
    figures = page.evaluate("""[...document.querySelectorAll('.body td.n')].map(c => {
        const r = document.createRange(); r.selectNodeContents(c);
        return [r.getClientRects().length, c.scrollWidth <= c.clientWidth]; })""")
    assert len(figures) == 40 and all(f == [1, True] for f in figures), figures


def test_body_headings_step_down_and_stay_readable(hard_article):
    page, viewport = hard_article
    sizes = page.evaluate("""['p', 'h2', 'h3', 'h4', 'h5', 'h6'].map(t =>
        parseFloat(getComputedStyle(document.querySelector('.body ' + t)).fontSize))""")
    text, headings = sizes[0], sizes[1:]
    assert all(a >= b for a, b in zip(headings, headings[1:])) and min(headings) >= text * 0.97, sizes


def test_a_level_one_heading_in_the_body_is_a_heading(hard_article):
    """"# Đề mục" in the body is a section heading, not loose words between two blocks."""
    page, viewport = hard_article
    assert page.locator(".body h2", has_text="Đề mục cấp một").count() == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_the_eighth_level_of_a_list_keeps_room_for_its_text(chromium, careless, width: str):
    site, url = careless
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(url + "bai-viet/danh-sach/", wait_until="load")
    deepest = page.evaluate("""(() => { let li = document.querySelector('.body li');
        while (li.querySelector('li')) li = li.querySelector('li'); return li.getBoundingClientRect().width; })()""")
    column = page.evaluate("document.querySelector('.body').getBoundingClientRect().width")
    assert deepest >= column / 2, (deepest, column)
    context.close()


def test_a_code_block_scrolls_inside_itself(hard_article):
    page, viewport = hard_article
    box = page.evaluate("""(() => { const pre = document.querySelector('.body pre');
        return {overflow: getComputedStyle(pre).overflowX, width: pre.getBoundingClientRect().width,
                content: pre.scrollWidth, column: document.querySelector('.body').getBoundingClientRect().width}; })()""")
    assert box["overflow"] == "auto" and box["width"] <= box["column"] < box["content"], box


def test_a_thumbnail_sized_photo_is_not_blown_up(chromium, careless):
    site, url = careless
    context = chromium.new_context(**WIDTHS["phone"])
    page = context.new_page()
    page.goto(url + "bai-viet/mot-tu/", wait_until="load")
    box = page.locator(".lead-image img").bounding_box()
    assert box["width"] <= 40.5 and box["height"] <= 40.5, box
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_article_s_provinces_directives_and_topics_are_never_split(chromium, careless, width: str):
    """Twelve directives, eight provinces, 25 topics: each name on one line ("Kết luận số 01-KL/TW",
    not "Kết luận số 01-" / "KL/TW"), each list under or beside its label."""
    site, url = careless
    context = chromium.new_context(**WIDTHS[width])
    page = context.new_page()
    page.goto(url + "bai-viet/moi-the/", wait_until="load")
    links = page.evaluate("[...document.querySelectorAll('.terms dd a')].map(a => [a.textContent, a.getClientRects().length])")
    assert len(links) == 12 + 8 + 25
    assert [text for text, lines in links if lines != 1] == []
    context.close()


LINE_START_SEPARATORS = """[...document.querySelectorAll(SELECTOR)].flatMap(m => {
    const left = m.getBoundingClientRect().left;
    const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      for (let i = n.textContent.indexOf('·'); i >= 0; i = n.textContent.indexOf('·', i + 1)) {
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        if (Math.abs(r.getBoundingClientRect().left - left) < 2) found.push(m.textContent.trim().slice(0, 60));
      }
    return found; })"""


@pytest.mark.parametrize("path, selector", [("van-ban/42-ct-tw/", ".card .meta"), ("", ".card .meta"),
                                            ("van-ban/", ".doc-index .meta")])
def test_no_line_starts_with_a_separator(chromium, careless, path: str, selector: str):
    """A list of eight provinces after a date wraps after a "·", never before it, on phones of every width."""
    site, url = careless
    for width in range(320, 431, 10):
        context = chromium.new_context(**{**WIDTHS["phone"], "viewport": {"width": width, "height": 740}})
        page = context.new_page()
        page.goto(url + path, wait_until="load")
        assert page.locator(selector).count() > 0
        assert page.evaluate(LINE_START_SEPARATORS.replace("SELECTOR", repr(selector))) == [], width
        context.close()


@pytest.mark.parametrize("path", ["bai-viet/kho/", "bai-viet/moi-the/", "bai-viet/mot-tu/"])
def test_axe_finds_no_serious_problem_in_careless_content(chromium, careless, path: str):
    """Scrolling code blocks and tables, footnotes, capped photos: still no serious or critical finding."""
    need(AXE.is_file(), f"{AXE} (npm ci --prefix tests/node)")
    site, url = careless
    for width, options in WIDTHS.items():
        context = chromium.new_context(bypass_csp=True, **options)  # axe is injected as an inline script
        page = context.new_page()
        page.goto(url + path, wait_until="load")
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
        bad = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in found
               if v["impact"] in ("serious", "critical")]
        assert not bad, (width, bad)
        context.close()
