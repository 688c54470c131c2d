"""Maps of Việt Nam shaded by article count: inline SVG, no script, no tiles, no requests.

The shapes are prepared once, offline (tools/vietnam-map/make_map.py, docs/maps.md) and
shipped in generator/data/map/vietnam.json as SVG path data: the 63 provinces, the 34
units of 2025 (the provinces of each dissolved into one shape), and the island groups
Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa, drawn in an inset). A build only picks a
colour per shape and writes links and titles around the prepared paths.

`VietnamMap` is a template global: a frozen dataclass whose fields (URL patterns, the
units and their provinces, a digest of the shapes) are part of the signature of every
page whose template names it; the counts come from the page's context.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .taxonomy import PACKAGE_DATA, Unit

MAP_FILE = PACKAGE_DATA / "map" / "vietnam.json"
NONE_COLOUR = "#ebe6df"                                    # no article yet
PALETTE = ("#f7c4ae", "#e9866a", "#c83e2a", "#7f0f08")     # light to dark: more articles
BORDER = "#8b8178"                                         # 3.8:1 on white: the outline shows
LABEL = "#4a4f55"
CLASSES = 4
# The map's box before (or without) the stylesheet: the column's width, and the height of the map at the
# width the theme shows it at most (maps.css .vn-map: max-width 24rem), the map drawn at its top. Its size
# in pixels (800 x 1113) made a phone's page scroll sideways when the stylesheet came late or not at all.
# SVG attributes, not a style attribute, which the Content-Security-Policy refuses; the stylesheet's width
# and height win over them.
SHOWN_WIDTH = 384


def _load(path: Path) -> tuple[dict[str, Any], str]:
    """The shapes and their digest, read once per process (again if the file changes)."""
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read(path: Path, mtime_ns: int, size: int) -> tuple[dict[str, Any], str]:
    raw = path.read_bytes()
    return json.loads(raw), hashlib.sha256(raw).hexdigest()[:16]


def classes(counts: list[int], k: int = CLASSES) -> list[tuple[int, int]]:
    """At most k ranges (low, high) of the non-zero counts, by quantiles: each colour is used
    about as often as the others whatever the spread of counts."""
    values = sorted(c for c in counts if c > 0)
    if not values:
        return []
    distinct = sorted(set(values))
    if len(distinct) <= k:
        return [(v, v) for v in distinct]
    ranges: list[tuple[int, int]] = []
    low = values[0]
    for i in range(1, k + 1):
        high = values[math.ceil(i * len(values) / k) - 1]
        if high >= low:
            ranges.append((low, high))
            low = high + 1
    return ranges


def colours(n: int) -> list[str]:
    """n colours of the palette, as far apart as they can be."""
    if n <= 1:
        return list(PALETTE[-1:]) if n else []
    last = len(PALETTE) - 1
    return [PALETTE[round(j * last / (n - 1))] for j in range(n)]


def _count_label(n: int) -> str:
    return f"{n} bài" if n else "chưa có bài"


@dataclass(frozen=True)
class VietnamMap:
    base_path: str                   # "/" or "/hoc-tap/"
    province_url: str                # "tinh/{slug}/"
    unit_url: str                    # "don-vi-2025/{slug}/"
    units: tuple[Unit, ...]          # every unit of 2025 with its provinces
    shapes: str                      # digest of the shapes file
    path: Path = MAP_FILE

    @classmethod
    def of(cls, config, units: tuple[Unit, ...], path: Path = MAP_FILE) -> "VietnamMap":
        return cls(config.base_path, config.urls.province, config.urls.unit, tuple(units), _load(path)[1], path)

    @property
    def data(self) -> dict[str, Any]:
        return _load(self.path)[0]

    def provinces(self, groups, map_id: str = "ban-do-tinh") -> Markup:
        """The 63 provinces, each shaded by its number of articles and linked to its page if it has one."""
        have = {g.term.code: g for g in groups}
        shapes = self.data["provinces"]
        regions = []
        for province in sorted((p for u in self.units for p in u.members), key=lambda p: p.code):
            if province.code not in shapes:
                continue
            group = have.get(province.code)
            regions.append((province.code, province.name, group.count if group else 0,
                            self.province_url.format(slug=group.slug) if group else None,
                            shapes[province.code]))
        return self._svg(regions, map_id, "Bản đồ số bài viết theo 63 tỉnh, thành phố (trước 1/7/2025)",
                         "tỉnh, thành phố")

    def unit_map(self, groups, map_id: str = "ban-do-don-vi") -> Markup:
        """The 34 units of 2025, each shaded by the articles of its former provinces, linked to its page."""
        have = {g.term.slug: g for g in groups}
        prepared = self.data["units"]
        provinces = self.data["provinces"]
        regions = []
        for unit in sorted(self.units, key=lambda u: u.members[0].code):
            codes = [p.code for p in unit.members]
            shape = prepared.get(unit.slug)
            if shape is not None and shape["members"] == sorted(codes):
                d = shape["d"]
            else:  # the site's own arrangement: its provinces side by side
                d = "".join(provinces[c] for c in codes if c in provinces)
            if not d:
                continue
            group = have.get(unit.slug)
            regions.append(("+".join(codes), unit.name, group.count if group else 0,
                            self.unit_url.format(slug=unit.slug) if group else None, d))
        return self._svg(regions, map_id, "Bản đồ số bài viết theo 34 tỉnh, thành phố từ 1/7/2025",
                         "tỉnh, thành phố")

    def _svg(self, regions: list[tuple[str, str, int, str | None, str]], map_id: str, title: str,
             noun: str) -> Markup:
        data = self.data
        counts = [n for _, _, n, _, _ in regions]
        ranges = classes(counts)
        palette = colours(len(ranges))

        def fill(n: int) -> str:
            for (low, high), colour in zip(ranges, palette):
                if low <= n <= high:
                    return colour
            return NONE_COLOUR

        islands = data["islands"]
        width, height = data["width"], data["height"]
        shown = round(SHOWN_WIDTH * height / width)
        out = [f'<svg class="vn-map" width="100%" height="{shown}" viewBox="0 0 {width} {height}" '
               f'preserveAspectRatio="xMidYMin meet" aria-labelledby="{map_id}-t {map_id}-d">',
               f'<title id="{map_id}-t">{escape(title)}</title>',
               f'<desc id="{map_id}-d">Màu càng đậm, càng nhiều bài viết. Quần đảo Hoàng Sa (thành phố Đà Nẵng) '
               f'và quần đảo Trường Sa (tỉnh Khánh Hòa) được vẽ bằng các chấm nhỏ. Danh sách {noun} '
               f'kèm số bài ở dưới bản đồ.</desc>',
               f'<g stroke="{BORDER}" stroke-width="1.2" stroke-linejoin="round">']
        for codes, name, n, url, d in regions:
            text = escape(f"{name}: {_count_label(n)}")
            colour = fill(n)
            dots = "".join(f'<path class="island" d="{islands[c]["d"]}" fill="{colour}" stroke="{LABEL}" '
                           f'stroke-width="1.5"/>' for c in codes.split("+") if c in islands)
            if url is None:
                out.append(f'<g><title>{text}</title><path d="{d}" fill="{colour}"/>{dots}</g>')
            else:
                out.append(f'<a href="{escape(self.base_path + url)}" aria-label="{text}"><title>{text}</title>'
                           f'<path d="{d}" fill="{colour}"/>{dots}</a>')
        out.append("</g>")
        out.append(self._labels())
        out.append("</svg>")
        legend = [f'<li><svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" '
                  f'fill="{NONE_COLOUR}" stroke="{BORDER}"/></svg> Chưa có bài</li>'] if 0 in counts else []
        for (low, high), colour in zip(ranges, palette):
            label = f"{low} bài" if low == high else f"{low}–{high} bài"
            legend.append(f'<li><svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" '
                          f'fill="{colour}" stroke="{BORDER}"/></svg> {label}</li>')
        return Markup("".join(out) + f'<ul class="map-legend" aria-label="Chú giải">{"".join(legend)}</ul>')

    def _labels(self) -> str:
        """The names of the island groups and of the sea; the inset's frame."""
        data = self.data
        parts = [f'<g font-size="26" fill="{LABEL}" text-anchor="middle">']
        for island in data["islands"].values():
            x0, y0, x1, y1 = island["box"]
            words = island["name"].rsplit(" ", 2)  # "Quần đảo" / "Hoàng Sa"
            first, second = words[0], " ".join(words[1:])
            centre = min((x0 + x1) / 2, data["width"] - 80)
            if "inset" in island:
                x, y, w, h = island["inset"]
                parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="none" stroke="{LABEL}" '
                             f'stroke-dasharray="6 4"/>')
                top = y - 40
            else:
                top = y1 + 30
            parts.append(f'<text x="{centre:.0f}" y="{top}">{escape(first)}</text>'
                         f'<text x="{centre:.0f}" y="{top + 28}">{escape(second)}</text>')
        x, y = data["sea"]
        parts.append(f'<text x="{x}" y="{y}" font-style="italic" font-size="30">Biển Đông</text></g>')
        return "".join(parts)
