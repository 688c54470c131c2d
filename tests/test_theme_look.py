"""What editors paste into an article and how the build hands it to the theme (no browser)."""
from __future__ import annotations

import re

import pytest

from generator.markdown import ENGINES, Renderer

REFUSED = [
    "https://www.google.com/maps/embed?pb=!1m18!1m12",   # a map: a host not in the allowlist
    "http://www.youtube.com/embed/abc",                   # an allowed host, but not https
    "https://evil.example/",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("src", REFUSED)
def test_a_refused_iframe_leaves_no_empty_frame(engine: str, src: str):
    """The sanitiser takes a refused address away; the frame without it was a blank 16:9 box."""
    renderer = Renderer("/", ("www.youtube.com",), engine=engine)
    html = renderer.render(f'Đầu.\n\n<iframe src="{src}" width="600" height="450" style="border:0" '
                           f'title="Bản đồ" allowfullscreen></iframe>\n\n'
                           '<iframe src="https://www.youtube.com/embed/a" title="Video"></iframe>\n\nĐoạn cuối.\n')
    frames = re.findall(r"<iframe\b[^>]*>", html)
    assert len(frames) == 1 and 'src="https://www.youtube.com/embed/a"' in frames[0], html
    assert "Đầu." in html and "Đoạn cuối." in html and "Bản đồ" not in html


@pytest.mark.parametrize("engine", ENGINES)
def test_folded_passages_and_keys_keep_their_tags(engine: str):
    """<details>/<summary>, <kbd> … were stripped: the summary's words loose between two paragraphs."""
    renderer = Renderer("/", (), engine=engine)
    html = renderer.render('<details open ontoggle="alert(1)">\n<summary onclick="alert(1)">Xem toàn văn</summary>\n\n'
                           'Nội dung chỉ thị.\n</details>\n\n'
                           'Nhấn <kbd>Ctrl</kbd> + <kbd>F</kbd>, gõ <samp>lỗi</samp>, biến <var>x</var>, '
                           'thêm <ins>chữ</ins>.\n')
    assert re.search(r"<details>\s*<summary>Xem toàn văn</summary>.*Nội dung chỉ thị\..*</details>", html, re.DOTALL), html
    for tag, words in (("kbd", "Ctrl"), ("kbd", "F"), ("samp", "lỗi"), ("var", "x"), ("ins", "chữ")):
        assert f"<{tag}>{words}</{tag}>" in html, (tag, html)
    assert "alert" not in html


TASKS = "Việc cần làm:\n\n- [ ] Tổ chức hội nghị\n- [x] Gửi báo cáo về Ban Tuyên giáo\n- Ghi chú thường\n"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_task_list_keeps_which_tasks_are_done(engine: str):
    """"- [ ] việc" / "- [x] việc": cmark's checkbox was removed with every form field, so a task done
    and one to do read the same; each now starts with a ballot box that is text (☐ to do, ☑ done)."""
    html = Renderer("/", (), engine=engine).render(TASKS + "\n1. [X] Họp chi bộ\n\n   - [ ] Lập biên bản\n")
    items = re.findall(r"<li( class=\"task\")?>\s*(?:<p>)?([^<]*)", html)
    assert items == [(' class="task"', "☐ Tổ chức hội nghị"), (' class="task"', "☑ Gửi báo cáo về Ban Tuyên giáo"),
                     ("", "Ghi chú thường"), (' class="task"', "☑ Họp chi bộ"),
                     (' class="task"', "☐ Lập biên bản")], html
    assert "[ ]" not in html and "[x]" not in html.lower() and "<input" not in html


def test_brackets_written_to_be_shown_are_no_task():
    """An escaped "\\[x]", code, and "[ ]" inside a sentence stay as written (cmark-gfm)."""
    html = Renderer("/", ()).render("- \\[x] như đã viết\n- chọn [ ] hoặc [x]\n\n`- [ ] mã`\n")
    assert "☐" not in html and "☑" not in html and "class=\"task\"" not in html, html
    assert "<li>[x] như đã viết</li>" in html and "chọn [ ] hoặc [x]" in html, html


def head_meta(html: str) -> dict[str, str]:
    head = html.split("</head>", 1)[0]
    return {m[0] or m[1]: m[2] for m in re.findall(r'<meta (?:property="([^"]+)"|name="([^"]+)") content="([^"]*)"', head)}


def test_every_shared_page_has_a_title_a_description_and_a_card(bundled_site):
    """A link to a province, a topic or the home page shared on Zalo or Facebook had no description and
    no twitter:card; an article with a photo now asks for the large card."""
    out = bundled_site.output
    pages = [out / "index.html", out / "gioi-thieu" / "index.html", out / "tinh" / "index.html",
             *sorted(out.glob("tinh/*/index.html"))[:1], *sorted(out.glob("chu-de/*/index.html"))[:1],
             *sorted(out.glob("bai-viet/*/index.html"))]
    with_photo = 0
    for page in pages:
        meta = head_meta(page.read_text("utf-8"))
        assert meta.get("og:title") and meta.get("og:description"), page
        # every page is shared with a picture: its own photo, else the site's share image (tests/test_share.py)
        assert meta.get("og:image", "").startswith("https://") and meta.get("og:image:alt"), page
        assert meta.get("twitter:card") == "summary_large_image", page
        with_photo += "/images/" in meta["og:image"]
    assert with_photo >= 3


def test_the_stylesheet_is_served_small_and_means_the_same():
    """Every page downloads style.css: comments, spaces and numbers' leading zeros go (the dark and
    large-text rules had to fit the article page's 60 KB); strings, url(...) and the spaces that mean
    something stay."""
    from generator.themes import minify_css
    css = (b'/* note */ a { margin: 0.5rem 10.5px 0 -0.5em; aspect-ratio: 3 / 2; font: 1rem/1.6 x; }\n'
           b'.card :hover > b { width: calc(100% - 0.5rem) !important; }\n'
           b'.a/**/.b { content: "0.5 / 2"; background: url(/img/0.5/a.png); src: url( "x 0.5.woff2" ); }\n')
    assert minify_css(css) == (b'a{margin:.5rem 10.5px 0 -0.5em;aspect-ratio:3/2;font:1rem/1.6 x}'
                               b'.card :hover>b{width:calc(100% - .5rem)!important}'
                               b'.a.b{content:"0.5 / 2";background:url(/img/0.5/a.png);src:url( "x 0.5.woff2" )}\n')


@pytest.mark.parametrize("engine", ENGINES)
def test_a_tables_columns_of_figures_are_marked_for_the_theme(engine: str):
    """The theme right-aligns class="n" cells: a column whose every filled body cell is a figure (Vietnamese
    separators, a percentage, a dash for none), header included; a column of names or of mixed cells is
    not; a table with merged cells is left as written."""
    renderer = Renderer("/", (), engine=engine)
    html = renderer.render("| STT | Đơn vị | Số hộ | Tỷ lệ | Ghi chú | Ngày |\n|---|---|---|---|---|---|\n"
                           "| 1 | Xã Bản Lang | 1.234 | 98,5% | 12 hộ | 15/5/2016 |\n"
                           "| 2 | Xã Nậm Xe | – | 7 % | 3 | 1/7/2025 |\n")
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.DOTALL)
    marked = [[bool(re.match(r'<t[hd] class="n"', cell)) for cell in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", row)]
              for row in rows]
    assert marked == [[True, False, True, True, False, False]] * 3, html
    merged = renderer.render('<table><tr><td colspan="2">Tổng</td></tr><tr><td>1</td><td>2</td></tr></table>')
    assert 'class="n"' not in merged and "<td>1</td>" in merged
    assert 'class="n"' not in renderer.render("Không có bảng: 1.234 và 98,5%.")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_link_whose_words_are_its_address_is_marked_to_be_printed_once(engine: str):
    """Printed, the theme writes a link's address after its words (style.css); a link whose words are that
    address already was printed twice. Such links get class "url" whatever way the editor wrote them;
    a link with other words, or another address's words, does not."""
    renderer = Renderer("/", (), engine=engine)
    address = "https://example.gov.vn/tin-tuc/chi-thi-05/"
    html = renderer.render(f"Xem <{address}>, [{address}]({address}), [Example.gov.vn/Tin-Tuc/chi-thi-05]({address}), "
                           f"[https://example.gov.vn/h%E1%BB%8Dc](https://example.gov.vn/học), "
                           f"[trang này]({address}), [https://khac.gov.vn/]({address}), "
                           f"[{address}tiep]({address}), [địa chỉ](mailto:a@b.vn).\n")
    links = re.findall(r'<a ([^>]*)>([^<]*)</a>', html)
    marked = [words for attributes, words in links if 'class="url"' in attributes]
    assert marked == [address, address, "Example.gov.vn/Tin-Tuc/chi-thi-05", "https://example.gov.vn/h%E1%BB%8Dc"], html
    assert len(links) == 8, html


PROVINCES = ["Lào Cai", "Yên Bái", "Hà Giang", "Lai Châu", "Điện Biên", "Sơn La", "Cao Bằng", "Bắc Kạn", "Hà Nam"]


@pytest.mark.parametrize("count", [0, 1, 8, 9])
def test_the_sidebars_link_to_every_province_reads_well_for_each_count(tmp_path, count: int):
    """"Tất cả 1 tỉnh, thành phố có tin" ("all 1"), and "all 8" under the 8 shown: the count is said only
    when some provinces are not among the sidebar's 8; no box at all without any."""
    from conftest import build_site, copy_project

    root = copy_project(tmp_path / "site")
    for old in (root / "content" / "articles").glob("*.md"):
        old.unlink()
    for i in range(max(count, 1)):
        province = f'province: ["{PROVINCES[i]}"]\n' if count else ""
        (root / "content" / "articles" / f"bai-{i}.md").write_text(
            f'---\ntitle: "Bài số {i}"\ndate: 2024-03-0{i + 1}\n{province}---\n\nNội dung.\n', encoding="utf-8")
    site = build_site(root, tmp_path / "out")
    home = (site.output / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<p class="more"><a href="/tinh/">([^<]*)</a></p>', home)
    chips = re.findall(r'<a href="/tinh/[^"]+/">', home.split('id="sb-tinh"')[-1]) if count else []
    assert len(chips) == min(count, 8), chips
    # the arrow after it is drawn by the stylesheet, not read (test_theme_round12_browser)
    assert links == ({0: [], 9: ["Tất cả 9 tỉnh, thành phố có tin"]}.get(count, ["Danh mục tỉnh, thành phố"])), links


@pytest.mark.parametrize("engine", ENGINES)
def test_a_summary_taken_from_the_text_has_no_space_before_its_punctuation(engine: str):
    """An article without a summary shows its first paragraph's words on its card: every tag became a
    space, so a link or bold words before a comma or full stop read "trang này ." and "lời Bác ,", and a
    note's number stood as a word ("câu 1 ."). A line break still parts its words."""
    from generator.summaries import first_paragraph

    renderer = Renderer("/", (), engine=engine)
    body = renderer.render('Xem [trang này](https://a.vn/), lời **Bác**. Dòng<br>mới, <abbr title="Ủy ban">UBND</abbr>: '
                           "H<sub>2</sub>O, *nghiêng*; `mã`! câu[^1].\n\n[^1]: chú thích\n")
    assert first_paragraph(body) == "Xem trang này, lời Bác. Dòng mới, UBND: H2O, nghiêng; mã! câu."


def test_a_registrys_titles_and_descriptions_show_vietnamese_quotes(tmp_path):
    """The directives' index, a directive's page and an article's directive list showed the registry's
    straight quotes (biểu hiện "tự diễn biến", written &#34; in the page); a site's own tags.csv the
    same. Now “…”, as Vietnamese print has them; a tag's name is matched as typed."""
    from conftest import build_site, copy_project

    root = copy_project(tmp_path / "site")
    (root / "content" / "data").mkdir(exist_ok=True)
    (root / "content" / "data" / "tags.csv").write_text(
        'name,description\ndân vận khéo,"Phong trào ""Dân vận khéo"" (""DVK"") ở cơ sở."\n', encoding="utf-8")
    (root / "content" / "articles" / "dan-van.md").write_text(
        '---\ntitle: "Bài dân vận"\ndate: 2024-03-01\ntags: ["dân vận khéo"]\ndirectives: ["04-NQ/TW"]\n---\n\nNội dung.\n',
        encoding="utf-8")
    site = build_site(root, tmp_path / "out")
    expected = "biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ"
    for page in ("van-ban/index.html", "van-ban/04-nq-tw/index.html", "bai-viet/dan-van/index.html"):
        html = (site.output / page).read_text(encoding="utf-8")
        assert expected in html and "&#34;tự" not in html, page
    tag = (site.output / "chu-de" / "dan-van-kheo" / "index.html").read_text(encoding="utf-8")
    assert '<p class="lead">Phong trào “Dân vận khéo” (“DVK”) ở cơ sở.</p>' in tag


def test_an_article_page_spends_no_byte_on_indentation_or_a_second_copy_of_a_directives_title(bundled_site):
    """The heaviest article of 1,000 was 16 B under its 61,440 B budget: the templates' indentation
    (180 B: cards, sidebar, the article's frame) and each directive's title written twice (a tooltip of
    its link under the article, ~250 B, and the sidebar's “Văn bản chỉ đạo” box, where it is read) were
    won back. Only a <pre>'s lines may start with spaces."""
    out = bundled_site.output
    pages = [p for p in sorted(out.glob("bai-viet/*/index.html")) if 'class="doc-title"' in p.read_text("utf-8")]
    assert pages
    for page in pages:
        html = re.sub(r"<pre\b.*?</pre>", "", page.read_text("utf-8"), flags=re.DOTALL)
        assert not re.findall(r"\n +\S.{0,40}", html), page
        for title in re.findall(r'<span class="doc-title">([^<]+)</span>', html):
            assert html.count(title) == 1, (page, title)


PROVINCES_15 = ["Hà Giang", "Cao Bằng", "Lào Cai", "Bắc Kạn", "Lạng Sơn", "Tuyên Quang", "Yên Bái", "Thái Nguyên",
                "Phú Thọ", "Bắc Giang", "Quảng Ninh", "Hòa Bình", "Sơn La", "Điện Biên", "Lai Châu"]


@pytest.mark.parametrize("count", [4, 5, 15])
def test_a_card_names_at_most_four_provinces(tmp_path, count: int):
    """A card listed every province of its article: 15 took 5 lines under a card's title on a phone (15
    beside a thumbnail). Past 4, the first 3 and “và N tỉnh, thành phố khác”; the article names all."""
    from conftest import build_site, copy_project

    root = copy_project(tmp_path / "site")
    names = ", ".join(f'"{p}"' for p in PROVINCES_15[:count])
    (root / "content" / "articles" / "nhieu-tinh.md").write_text(
        f'---\ntitle: "Các tỉnh cùng làm theo Bác"\ndate: 2025-11-06\nprovince: [{names}]\n---\n\nNội dung.\n',
        encoding="utf-8")
    site = build_site(root, tmp_path / "out")
    page = (site.output / "tinh" / "ha-giang" / "index.html").read_text(encoding="utf-8")
    meta = re.search(r'nhieu-tinh/">Các tỉnh cùng làm theo Bác</a></h2>\n<p class="meta">(.*?)</p>', page).group(1)
    shown = re.findall(r'<a href="/tinh/[^"]+/">([^<]+)</a>', meta)
    assert shown == PROVINCES_15[:count if count <= 4 else 3], meta
    assert meta.endswith("&nbsp;· và 12&nbsp;tỉnh, thành phố khác</span>" if count == 15 else
                         "&nbsp;· và 2&nbsp;tỉnh, thành phố khác</span>" if count == 5 else "</a></span>"), meta
    article = (site.output / "bai-viet" / "nhieu-tinh" / "index.html").read_text(encoding="utf-8")
    assert all(f">{p}</a>" in article for p in PROVINCES_15[:count])
