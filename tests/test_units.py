"""The 2025 arrangement: the sentence of every province and unit, and the units' pages in a build.

The expected sentences are derived here from the shared reference data
(../shared/reference/provinces.csv), not from the project's registry, with the
facts its README states: six centrally-run cities from 2025, Thừa Thiên Huế a
city (thành phố Huế) from 1 January 2025, the other changes from 1 July 2025.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from bad.kit import make_site
from conftest import ROOT, need
from generator.build import Builder, build
from generator.errors import BuildFailed
from generator.taxonomy import load_registries
from generator.units import Merger, join_vi, place_label
from generator.vietnamese import VN

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=VN)
CITIES_2025 = {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"}


def reference_rows() -> list[dict]:
    for folder in (ROOT.parent / "shared" / "reference", Path("/work/shared/reference")):
        if (folder / "provinces.csv").is_file():
            return list(csv.DictReader((folder / "provinces.csv").open(encoding="utf-8")))
    need(False, "shared/reference/provinces.csv beside the repository")
    return []


def label(name: str, kind: str) -> str:
    return "Thành phố " + name[4:] if name.startswith("TP. ") else f"{kind} {name}"


def and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def expected_sentences() -> dict[str, str]:
    """code -> what happened to that province, from the reference data."""
    rows = reference_rows()
    members = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["code"]):
        members[row["merged_into_2025"]].append(row)
    out = {}
    for row in rows:
        unit = row["merged_into_2025"]
        unit_label = label(unit, "thành phố" if unit in CITIES_2025 else "tỉnh")
        others = [label(m["name"], m["kind"]) for m in members[unit] if m["code"] != row["code"]]
        if len(members[unit]) == 1 and unit == row["name"]:
            out[row["code"]] = f"Không sáp nhập: từ 1/7/2025 vẫn là {unit_label}."
        elif len(members[unit]) == 1:
            assert unit == "Huế"  # the one unit of 2025 that is its only province renamed
            out[row["code"]] = ("Từ 1/1/2025 trở thành thành phố Huế trực thuộc trung ương; "
                                "không sáp nhập khi sắp xếp từ 1/7/2025.")
        elif unit == row["name"]:
            out[row["code"]] = f"Từ 1/7/2025 giữ tên, sáp nhập thêm {and_list(others)}."
        else:
            fellows = [label(m["name"], m["kind"]) for m in members[unit] if m["code"] != row["code"]
                       and m["name"] != unit]
            out[row["code"]] = (f"Từ 1/7/2025 sáp nhập vào {unit_label}"
                                + (f" (cùng {and_list(fellows)})." if fellows else "."))
    return out


@pytest.fixture(scope="module")
def merger() -> Merger:
    return Merger.of(load_registries(None))


@pytest.fixture(scope="module")
def registries():
    return load_registries(None)


def test_registry_agrees_with_the_reference(registries):
    rows = reference_rows()
    assert {(r["code"], r["name"], r["merged_into_2025"]) for r in rows} == {
        (p.code, p.name, p.merged_into_2025) for p in registries.provinces}


@pytest.mark.parametrize("code", sorted(expected_sentences()))
def test_every_province_says_what_became_of_it(registries, merger, code):
    province = next(p for p in registries.provinces if p.code == code)
    assert merger.province_note(province) == expected_sentences()[code]


def test_the_four_cases_are_counted_as_the_reform_has_them(registries, merger):
    notes = [merger.province_note(p) for p in registries.provinces]
    assert sum(n.startswith("Không sáp nhập") for n in notes) == 10
    assert sum("trở thành" in n for n in notes) == 1
    assert sum("giữ tên, sáp nhập thêm" in n for n in notes) == 23
    assert sum("sáp nhập vào" in n for n in notes) == 29
    assert not any("Giữ nguyên" in n or "Hợp nhất vào" in n for n in notes)


@pytest.mark.parametrize("name, sentence", [
    ("Hà Nam", "Từ 1/7/2025 sáp nhập vào tỉnh Ninh Bình (cùng tỉnh Nam Định)."),
    ("Bình Dương", "Từ 1/7/2025 sáp nhập vào Thành phố Hồ Chí Minh (cùng tỉnh Bà Rịa - Vũng Tàu)."),
    ("TP. Hồ Chí Minh", "Từ 1/7/2025 giữ tên, sáp nhập thêm tỉnh Bình Dương và tỉnh Bà Rịa - Vũng Tàu."),
    ("Lào Cai", "Từ 1/7/2025 giữ tên, sáp nhập thêm tỉnh Yên Bái."),
    ("Hải Dương", "Từ 1/7/2025 sáp nhập vào thành phố Hải Phòng."),
    ("Thừa Thiên Huế", "Từ 1/1/2025 trở thành thành phố Huế trực thuộc trung ương; "
                       "không sáp nhập khi sắp xếp từ 1/7/2025."),
    ("Cao Bằng", "Không sáp nhập: từ 1/7/2025 vẫn là tỉnh Cao Bằng."),
])
def test_sentences_as_a_reader_reads_them(registries, merger, name, sentence):
    assert merger.province_note(registries.provinces.get(name)) == sentence


def test_every_unit_names_all_its_former_provinces(registries, merger):
    rows = reference_rows()
    for unit in registries.units:
        note = merger.unit_note(unit)
        names = [r["name"] for r in rows if r["merged_into_2025"] == unit.name]
        if len(names) > 1:
            assert note.startswith("Hình thành từ 1/7/2025 do hợp nhất "), note
            assert all(re.search(rf"\b{re.escape(label(n, 'x').split(' ', 1)[1])}\b", note) for n in names), note
            kept = "Thành phố " + unit.name[4:] if unit.name.startswith("TP. ") else unit.name
            assert note.endswith(f", giữ tên {kept}."), note
        elif unit.name == names[0]:
            assert note == "Không sáp nhập khi sắp xếp đơn vị hành chính từ 1/7/2025."
        else:
            assert note == ("Từ 1/1/2025 là thành phố Huế (trước đó là tỉnh Thừa Thiên Huế); "
                            "không sáp nhập khi sắp xếp từ 1/7/2025.")


def test_labels_and_lists():
    assert place_label("TP. Hồ Chí Minh", "thành phố") == "Thành phố Hồ Chí Minh"
    assert place_label("Hải Phòng", "thành phố") == "thành phố Hải Phòng"
    assert place_label("Thành phố Huế", "thành phố") == "Thành phố Huế"
    assert [join_vi(["A"]), join_vi(["A", "B"]), join_vi(["A", "B", "C"])] == ["A", "A và B", "A, B và C"]


# Units in a build ----------------------------------------------------------------------------

ARTICLES = {
    "ha-nam-2017.md": "---\ntitle: \"Hà Nam nêu gương\"\ndate: 2017-03-02\nprovince: Hà Nam\n---\n\nBài.\n",
    "nam-dinh-2019.md": "---\ntitle: \"Nam Định làm theo Bác\"\ndate: 2019-08-10\nprovince: Nam Định\n---\n\nBài.\n",
    "hai-tinh-2021.md": ("---\ntitle: \"Hà Nam và Ninh Bình cùng học tập\"\ndate: 2021-06-01\n"
                         "province: [Hà Nam, Ninh Bình]\n---\n\nBài.\n"),
    "hue-2012.md": "---\ntitle: \"Thừa Thiên Huế học tập\"\ndate: 2012-05-19\nprovince: Thừa Thiên - Huế\n---\n\nBài.\n",
}


@pytest.fixture(scope="module")
def unit_site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("units") / "site", ARTICLES)
    build(root, now=NOW)
    return root / "output"


def read(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_a_unit_page_lists_the_articles_of_its_former_provinces_once(unit_site: Path):
    page = read(unit_site, "don-vi-2025/ninh-binh/index.html")
    titles = re.findall(r'<h2 class="card-title"><a href="/bai-viet/[^"]+/">([^<]+)</a>', page)
    assert titles == ["Hà Nam và Ninh Bình cùng học tập", "Nam Định làm theo Bác", "Hà Nam nêu gương"]
    assert "<h1>Tỉnh Ninh Bình</h1>" in page
    assert "Hình thành từ 1/7/2025 do hợp nhất tỉnh Hà Nam, tỉnh Nam Định và tỉnh Ninh Bình" in page
    # links to its former provinces: those with articles link to their page
    assert '<a href="/tinh/ha-nam/">tỉnh Hà Nam</a> <span class="count">2&nbsp;bài</span>' in page
    assert '<a href="/tinh/nam-dinh/">tỉnh Nam Định</a> <span class="count">1&nbsp;bài</span>' in page
    assert '<a href="/tinh/ninh-binh/">tỉnh Ninh Bình</a> <span class="count">1&nbsp;bài</span>' in page
    # the articles stay filed under their province: the cards name it
    assert '<a href="/tinh/nam-dinh/">Nam Định</a>' in page
    assert (unit_site / "don-vi-2025/ninh-binh/feed.xml").is_file()


def test_province_pages_link_to_their_unit(unit_site: Path):
    page = read(unit_site, "tinh/ha-nam/index.html")
    assert "Từ 1/7/2025 sáp nhập vào tỉnh Ninh Bình (cùng tỉnh Nam Định)." in page
    assert '<a href="/don-vi-2025/ninh-binh/">Bài viết của tỉnh Ninh Bình từ 1/7/2025</a>' in page
    hue = read(unit_site, "tinh/thua-thien-hue/index.html")
    assert "Từ 1/1/2025 trở thành thành phố Huế trực thuộc trung ương" in hue
    assert '<a href="/don-vi-2025/hue/">' in hue and "Hợp nhất vào" not in hue


def test_every_unit_has_a_page_and_the_index_lists_them_all(unit_site: Path):
    index = read(unit_site, "don-vi-2025/index.html")
    assert len(re.findall(r'<h2><a href="/don-vi-2025/[^"]+/">', index)) == 34
    names = re.findall(r'<h2><a href="/don-vi-2025/[^"]+/">([^<]+)</a>', index)
    assert names.index("Thành phố Hồ Chí Minh") < names.index("Thành phố Huế") < names.index("Tỉnh Hưng Yên")
    empty = read(unit_site, "don-vi-2025/cao-bang/index.html")
    assert "Chưa có bài viết nào." in empty and "cao-bang/feed.xml" not in empty
    assert not (unit_site / "don-vi-2025/cao-bang/feed.xml").exists()
    sitemap = read(unit_site, "sitemap.xml")
    assert "https://example.org/don-vi-2025/cao-bang/" in sitemap and "https://example.org/don-vi-2025/" in sitemap


def test_the_province_index_has_both_maps_and_says_where_each_province_went(unit_site: Path):
    page = read(unit_site, "tinh/index.html")
    assert page.count('<svg class="vn-map"') == 2
    assert '<a href="/tinh/ha-nam/" aria-label="Hà Nam: 2 bài">' in page
    assert '<a href="/don-vi-2025/ninh-binh/" aria-label="Ninh Bình: 3 bài">' in page
    assert "<title>Hà Giang: chưa có bài</title>" in page
    assert re.search(r'<a href="/tinh/thua-thien-hue/">Thừa Thiên Huế</a> <span class="count">1&nbsp;bài</span> '
                     r'<span class="count">· nay là <span class="nowrap">Huế</span></span>', page)
    assert re.search(r'<a href="/tinh/nam-dinh/">Nam Định</a> <span class="count">1&nbsp;bài</span> '
                     r'<span class="count">· nay thuộc <span class="nowrap">Ninh Bình</span></span>', page)  # kept on one line


def test_charts_show_on_province_unit_and_year_pages(unit_site: Path):
    unit = read(unit_site, "don-vi-2025/ninh-binh/index.html")
    assert '<svg class="year-chart"' in unit and "Năm 2017: 1 bài; năm 2018: 0 bài; năm 2019: 1 bài" in unit
    years = read(unit_site, "nam/index.html")
    assert '<svg class="year-chart"' in years and "Năm 2012: 1 bài;" in years
    # one year: no chart (the count beside it says as much)
    assert '<svg class="year-chart"' not in read(unit_site, "tinh/nam-dinh/index.html")


def test_a_changed_date_redraws_the_chart_in_an_incremental_build(tmp_path: Path):
    root = make_site(tmp_path / "site", ARTICLES)
    builder = Builder(root)
    builder.build(NOW)
    before = read(root / "output", "tinh/ha-nam/index.html")
    assert "Năm 2017: 1 bài; năm 2018: 0 bài;" in before
    article = root / "content" / "articles" / "ha-nam-2017.md"
    article.write_text(article.read_text(encoding="utf-8").replace("2017-03-02", "2015-03-02"), encoding="utf-8")
    builder.build(NOW)
    after = read(root / "output", "tinh/ha-nam/index.html")
    assert "Năm 2015: 1 bài; năm 2016: 0 bài;" in after
    assert "Năm 2015: 1 bài" in read(root / "output", "don-vi-2025/ninh-binh/index.html")


def test_the_unit_url_must_have_a_slug(tmp_path: Path):
    root = make_site(tmp_path / "site", toml='title = "x"\nbase_url = "https://example.org/"\n\n[urls]\nunit = "dv/"\n')
    with pytest.raises(BuildFailed) as info:
        build(root, now=NOW)
    assert [str(e) for e in info.value.errors] == ["site.toml:5: [urls] “unit” phải chứa {slug}"]
