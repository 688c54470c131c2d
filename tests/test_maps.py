"""The map data shipped in the package and the maps a build draws from it."""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.config import SiteConfig, Urls
from generator.maps import MAP_FILE, NONE_COLOUR, PALETTE, VietnamMap, classes, colours
from generator.taxonomy import load_registries

DATA = json.loads(MAP_FILE.read_text(encoding="utf-8"))
REGISTRIES = load_registries(None)
UNITS = tuple(REGISTRIES.units)
CODE = {p.name: p.code for p in REGISTRIES.provinces}
TOKEN = re.compile(r"[MmLlZzAa]|-?\d+(?:\.\d+)?")


def points(d: str) -> list[tuple[float, float]]:
    """The absolute points a path visits (M, m, l, z and the arcs of the island dots)."""
    tokens = TOKEN.findall(d)
    assert "".join(tokens) == re.sub(r"[\s,]", "", d), f"unexpected path syntax: {d[:80]}"
    out: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    i, command = 0, None
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                x, y = start_x, start_y
                continue
        if command in "Mm":
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            x, y = (dx, dy) if command == "M" else (x + dx, y + dy)
            start_x, start_y = x, y
            command = "l" if command == "m" else "L"
            i += 2
        elif command in "lL":
            dx, dy = float(tokens[i]), float(tokens[i + 1])
            x, y = (x + dx, y + dy) if command == "l" else (dx, dy)
            i += 2
        elif command == "a":
            x, y = x + float(tokens[i + 5]), y + float(tokens[i + 6])
            i += 7
        else:
            raise AssertionError(f"command {command}")
        out.append((x, y))
    return out


def box(d: str) -> tuple[float, float, float, float]:
    xs, ys = zip(*points(d))
    return min(xs), min(ys), max(xs), max(ys)


def centre(code: str) -> tuple[float, float]:
    x0, y0, x1, y1 = box(DATA["provinces"][code])
    return (x0 + x1) / 2, (y0 + y1) / 2


# the data file ------------------------------------------------------------------------------

def test_every_province_and_unit_has_a_shape_inside_the_frame():
    assert sorted(DATA["provinces"]) == sorted(p.code for p in REGISTRIES.provinces)
    assert sorted(DATA["units"]) == sorted(u.slug for u in UNITS)
    for unit in UNITS:
        assert DATA["units"][unit.slug]["members"] == sorted(p.code for p in unit.members), unit.name
    for d in [*DATA["provinces"].values(), *(u["d"] for u in DATA["units"].values())]:
        x0, y0, x1, y1 = box(d)
        assert 0 <= x0 < x1 <= DATA["width"] and 0 <= y0 < y1 <= DATA["height"]


def test_shapes_sit_where_the_provinces_are():
    (hn_x, hn_y), (_, hcm_y) = centre(CODE["Hà Nội"]), centre(CODE["TP. Hồ Chí Minh"])
    assert hn_y < centre(CODE["Thừa Thiên Huế"])[1] < hcm_y
    assert centre(CODE["Quảng Ninh"])[0] > hn_x > centre(CODE["Điện Biên"])[0]
    assert max(box(DATA["provinces"][CODE["Hà Giang"]])[1], 0) < 60  # the northern tip
    assert box(DATA["provinces"][CODE["Cà Mau"]])[3] == max(box(d)[3] for d in DATA["provinces"].values())
    # the three features the source names after a region are the right provinces (see make_map.py)
    assert centre(CODE["Bắc Kạn"])[1] < centre(CODE["Thái Nguyên"])[1]
    assert abs(centre(CODE["Hưng Yên"])[0] - hn_x) < 40
    assert hcm_y - 40 < centre(CODE["Đồng Nai"])[1] < hcm_y + 10


def test_a_unit_covers_its_former_provinces():
    for unit in UNITS:
        ux0, uy0, ux1, uy1 = box(DATA["units"][unit.slug]["d"])
        for province in unit.members:
            px0, py0, px1, py1 = box(DATA["provinces"][province.code])
            assert ux0 - 2 <= px0 and uy0 - 2 <= py0 and px1 <= ux1 + 2 and py1 <= uy1 + 2, (unit.name, province.name)


def test_hoang_sa_and_truong_sa_are_drawn_with_their_provinces():
    hoang_sa, truong_sa = DATA["islands"][CODE["Đà Nẵng"]], DATA["islands"][CODE["Khánh Hòa"]]
    assert (hoang_sa["name"], truong_sa["name"]) == ("Quần đảo Hoàng Sa", "Quần đảo Trường Sa")
    # Hoàng Sa at its place: east of Đà Nẵng at about its latitude; Trường Sa in its framed inset
    da_nang = box(DATA["provinces"][CODE["Đà Nẵng"]])
    hx0, hy0, hx1, hy1 = box(hoang_sa["d"])
    assert hx0 > da_nang[2] + 100 and abs((hy0 + hy1) / 2 - (da_nang[1] + da_nang[3]) / 2) < 80
    assert len(points(hoang_sa["d"])) >= 4 and len(points(truong_sa["d"])) >= 6
    x, y, w, h = truong_sa["inset"]
    tx0, ty0, tx1, ty1 = box(truong_sa["d"])
    assert x < tx0 and tx1 < x + w and y < ty0 and ty1 < y + h
    assert y > box(DATA["provinces"][CODE["Khánh Hòa"]])[1]  # south of Khánh Hòa's top: Trường Sa is to the south-east


def test_the_data_is_small():
    assert MAP_FILE.stat().st_size < 40_000


# classes and colours ------------------------------------------------------------------------

def test_classes_split_counts_by_quantiles_into_contiguous_ranges():
    counts = [0, 0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
    ranges = classes(counts)
    assert len(ranges) == 4 and ranges[0][0] == 1 and ranges[-1][1] == 89
    assert all(high + 1 == low for (_, high), (low, _) in zip(ranges, ranges[1:]))
    assert all(any(low <= n <= high for low, high in ranges) for n in counts if n)
    assert classes([2, 2, 7]) == [(2, 2), (7, 7)]
    assert classes([0, 0]) == []
    assert colours(4) == list(PALETTE) and colours(2) == [PALETTE[0], PALETTE[-1]] and colours(1) == [PALETTE[-1]]


# drawing ------------------------------------------------------------------------------------

def group(name: str, count: int, kind: str = "province"):
    if kind == "province":
        term = REGISTRIES.provinces.get(name)
    else:
        term = REGISTRIES.units.get(name)
    return SimpleNamespace(term=term, count=count, slug=term.slug)


@pytest.fixture(scope="module")
def vn_map() -> VietnamMap:
    return VietnamMap.of(SiteConfig(base_url="https://example.org/hoc-tap/"), UNITS)


def test_province_map_links_provinces_with_articles_and_titles_all(vn_map):
    svg = str(vn_map.provinces([group("Hà Nam", 12), group("Lào Cai", 1), group("TP. Hồ Chí Minh", 40)]))
    assert svg.count("<path d=") == 63
    assert re.findall(r'<a href="([^"]+)" aria-label="([^"]+)">', svg) == [
        ("/hoc-tap/tinh/lao-cai/", "Lào Cai: 1 bài"), ("/hoc-tap/tinh/ha-nam/", "Hà Nam: 12 bài"),
        ("/hoc-tap/tinh/tp-ho-chi-minh/", "TP. Hồ Chí Minh: 40 bài")]
    assert "<g><title>Hà Giang: chưa có bài</title>" in svg
    assert '<title id="ban-do-tinh-t">Bản đồ số bài viết theo 63 tỉnh, thành phố (trước 1/7/2025)</title>' in svg
    assert 'aria-labelledby="ban-do-tinh-t ban-do-tinh-d"' in svg
    # the islands are drawn inside their province's shape group, labelled, Trường Sa framed
    assert svg.count('class="island"') == 2 and "Hoàng Sa</text>" in svg and "Trường Sa</text>" in svg
    assert 'stroke-dasharray="6 4"' in svg and "Biển Đông</text>" in svg
    # colours: the most articles the darkest; the legend says which count each colour stands for
    assert re.search(r'aria-label="TP. Hồ Chí Minh: 40 bài"><title>[^<]+</title><path d="[^"]+" fill="'
                     + PALETTE[-1], svg)
    legend = re.findall(r'fill="(#[0-9a-f]{6})" stroke="[^"]+"/></svg> ([^<]+)</li>', svg)
    assert legend == [(NONE_COLOUR, "Chưa có bài"), (PALETTE[0], "1 bài"), (PALETTE[2], "12 bài"),
                      (PALETTE[-1], "40 bài")]


def test_nothing_is_fetched_and_nothing_runs(vn_map):
    svg = str(vn_map.provinces([group("Hà Nam", 3)])) + str(vn_map.unit_map([group("Ninh Bình", 3, "unit")]))
    assert not re.search(r"https?:|<script|\son\w+=|\sstyle=|<image|<use|xlink", svg)


def test_unit_map_draws_the_dissolved_units(vn_map):
    svg = str(vn_map.unit_map([group("Ninh Bình", 5, "unit"), group("Cao Bằng", 0, "unit")]))
    assert svg.count("<path d=") == 34
    assert '<a href="/hoc-tap/don-vi-2025/ninh-binh/" aria-label="Ninh Bình: 5 bài">' in svg
    assert '<a href="/hoc-tap/don-vi-2025/cao-bang/" aria-label="Cao Bằng: chưa có bài">' in svg
    assert DATA["units"]["ninh-binh"]["d"] in svg
    assert "<g><title>Hà Nội: chưa có bài</title>" in svg  # no group: no page to link to


def test_a_site_arrangement_unlike_the_prepared_one_draws_its_provinces(vn_map):
    """A site whose data moves Hà Nam out of Ninh Bình: the prepared shape no longer fits."""
    ninh_binh = REGISTRIES.units.get("Ninh Bình")
    changed = replace(ninh_binh, members=tuple(p for p in ninh_binh.members if p.name != "Hà Nam"))
    units = tuple(changed if u.slug == "ninh-binh" else u for u in UNITS)
    svg = str(replace(vn_map, units=units).unit_map([]))
    expected = "".join(DATA["provinces"][p.code] for p in changed.members)
    assert f'<path d="{expected}"' in svg and DATA["units"]["ninh-binh"]["d"] not in svg


def test_the_shapes_digest_is_part_of_the_global(tmp_path: Path):
    copy = tmp_path / "vietnam.json"
    shutil.copy(MAP_FILE, copy)
    config = SiteConfig()
    same = VietnamMap.of(config, UNITS, copy)
    assert same.shapes == VietnamMap.of(config, UNITS).shapes
    copy.write_text(MAP_FILE.read_text(encoding="utf-8").replace('"width": 800', '"width": 801'), encoding="utf-8")
    assert VietnamMap.of(config, UNITS, copy).shapes != same.shapes
    assert VietnamMap.of(replace(config, urls=Urls(unit="dv/{slug}/")), UNITS) != same
