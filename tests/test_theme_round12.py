"""The theme's twelfth round: feeds keep hyphened numbers whole as plain text; keyboard and
screen-reader fixes (see the browser tests in test_theme_round12_browser.py).

A feed's <title> and <summary> are Atom text constructs (plain text: a reader's app shows markup as
written, so the `whole` filter's <span class="nw"> cannot go there). A reader's app wraps them as it
likes and broke "Chỉ thị số 05-" / "CT/TW": the hyphens of such numbers are U+2011 there, and only there.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import build_site, copy_project
from generator.filters import whole_text

ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NBH = "\u2011"
TITLE = "Tổng kết Chỉ thị 05-CT/TW giai đoạn 2016-2026 ở Lai Châu"
SUMMARY = "Ngày 19-5-2025, tỉnh sơ kết; xem https://lct.vn/tin/so-ket-2016-2026 và bài “thi đua-khen thưởng”."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round12")
    root = copy_project(tmp / "site")
    (root / "content" / "articles" / "tong-ket-05.md").write_text(
        f'---\ntitle: "{TITLE}"\ndate: 2025-12-31\nsummary: "{SUMMARY.replace(chr(34), "")}"\n'
        'province: "Lai Châu"\ndirectives: ["05-CT/TW"]\n---\n\nNội dung.\n', encoding="utf-8")
    return build_site(root, tmp / "out")


def entry(site, path: str):
    root = ET.parse(site.output / path).getroot()  # parses: the feed is well-formed XML
    for item in root.iter(ATOM + "entry"):
        if item.find(ATOM + "title").text.startswith("Tổng kết Chỉ thị"):
            return root, item
    raise AssertionError(f"no entry in {path}")


def test_whole_text_ties_only_hyphened_numbers():
    assert whole_text(TITLE) == f"Tổng kết Chỉ thị 05{NBH}CT/TW giai đoạn 2016{NBH}2026 ở Lai Châu"
    assert whole_text(SUMMARY) == SUMMARY.replace("19-5-2025", f"19{NBH}5{NBH}2025")  # address and word kept
    assert whole_text("Không có số") == "Không có số"
    assert whole_text("Số 123456-7890-ABCD") == "Số 123456-7890-ABCD"  # longer than a line's piece: as written


@pytest.mark.parametrize("path", ["feed.xml", "tinh/lai-chau/feed.xml", "van-ban/05-ct-tw/feed.xml"])
def test_a_feed_s_titles_and_summaries_keep_numbers_whole_as_plain_text(site, path):
    root, item = entry(site, path)
    title, summary = item.find(ATOM + "title"), item.find(ATOM + "summary")
    assert title.get("type") in (None, "text") and summary.get("type") in (None, "text")
    assert list(title) == [] and list(summary) == []  # no markup
    assert title.text == f"Tổng kết Chỉ thị 05{NBH}CT/TW giai đoạn 2016{NBH}2026 ở Lai Châu"
    assert summary.text == SUMMARY.replace("19-5-2025", f"19{NBH}5{NBH}2025").replace('"', "")
    assert item.find(XHTML + "a").text == title.text  # the browser's view of the feed shows the same
    # what programs read stays as written: addresses, ids and the directive's label
    assert NBH not in item.find(ATOM + "id").text and NBH not in item.find(ATOM + "link").get("href")
    assert "05-CT/TW" in [c.get("label") for c in item.iter(ATOM + "category")]


def test_a_directive_feed_s_own_title_keeps_its_symbol_whole(site):
    root = ET.parse(site.output / "van-ban/05-ct-tw/feed.xml").getroot()
    assert f"05{NBH}CT/TW" in root.find(ATOM + "title").text
    assert "05-CT/TW" not in root.find(ATOM + "title").text


FIGURES = """---
title: "Ảnh có chú thích"
date: 2025-12-30
image:
  src: "/images/hcm1.jpg"
  alt: "Hội nghị sơ kết"
  caption: "Hội nghị sơ kết"
---

Đoạn mở đầu.

![Trao giải cuộc thi](/images/trao-bang-khen.jpg "Trao giải cuộc thi")

![Người đứng trên sân khấu nhận hoa](/images/trao-giai-thi-viet-ve-bac.jpg "Lãnh đạo tỉnh trao giải nhất")
"""


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round12-figures")
    root = copy_project(tmp / "site")
    (root / "content" / "articles" / "anh-co-chu-thich.md").write_text(FIGURES, encoding="utf-8")
    site = build_site(root, tmp / "out")
    return (site.output / "bai-viet/anh-co-chu-thich/index.html").read_text(encoding="utf-8")


def test_a_photo_whose_alt_text_is_its_caption_is_named_once(figures):
    """A screen reader read "Hội nghị sơ kết" twice: the photo's alt text, then the caption, which
    already names the figure. An alt text that says something else is kept."""
    alts = re.findall(r'<img\b[^>]*\balt="([^"]*)"', figures.split('<div class="body">')[0].split("</header>")[-1])
    assert alts == [""], alts  # the lead photo
    body = figures.split('<div class="body">')[1]
    assert re.findall(r'<img\b[^>]*\balt="([^"]*)"', body)[:2] == ["", "Người đứng trên sân khấu nhận hoa"]
    assert "<figcaption>Hội nghị sơ kết</figcaption>" in figures
    assert "<figcaption>Trao giải cuộc thi</figcaption>" in body
    assert "<figcaption>Lãnh đạo tỉnh trao giải nhất</figcaption>" in body


@pytest.mark.parametrize("path, name", [("tinh/lai-chau/", "RSS của Lai Châu"),
                                        ("van-ban/05-ct-tw/", "RSS của Chỉ thị số 05-CT/TW"),
                                        ("chu-de/cuoc-thi/", "RSS của cuộc thi"),
                                        ("don-vi-2025/lai-chau/", "RSS của Tỉnh Lai Châu")])
def test_a_term_page_s_feed_link_says_whose_feed_it_is(site, path, name):
    """A screen reader's list of links read "RSS" twice on a province's page, for two feeds (the
    province's and, in the footer, the whole site's): the page's own says whose it is."""
    page = (site.output / path / "index.html").read_text(encoding="utf-8")
    link = re.search(rf'<a href="/{re.escape(path)}feed.xml">(.*?)</a>', page)
    assert link, path
    assert re.sub(r"<[^>]*>", "", link[1]) == name
    assert link[1].startswith('RSS<span class="visually-hidden"> của ')  # seen as "RSS", as before
    assert '<a href="/feed.xml">RSS</a>' in page  # the footer's, the whole site's
