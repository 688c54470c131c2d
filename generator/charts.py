"""A small bar chart of articles per year, as inline SVG made at build time (no script).

`year_chart` is a template global: its output depends only on its arguments, which come
from the page's context, so a page's signature (the build cache) covers what it shows.
The chart is an image to the reader's eye (role="img"): its <desc> gives every year's
count in words, and each bar has a <title> that shows on hover.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape

from markupsafe import Markup

WIDTH = 400          # at most, in px: the chart shrinks to the column (its text with it)
SLOT = 40            # at most, per year: a few years make a narrow chart, not wide bars
PLOT_TOP = 18        # room for the count over the tallest bar
PLOT_HEIGHT = 96
LABEL_ROW = 16       # year labels under the bars
FONT = 12
BAR = "#a3120d"      # the theme's red: 7:1 on white
INK = "#4a4f55"      # labels: 8:1 on white
LABEL_GAP = 38       # least room between two year labels
STEPS = (1, 2, 5, 10, 20, 50)  # years between two labels: the smallest that leaves the room
MARGIN = 14          # left and right: room for half a year label


def per_year(items: Iterable) -> list[tuple[int, int]]:
    """(year, count) for every year from the first to the last, zeros included, oldest first.

    items: articles (anything with .date), or (year, count) pairs as /nam/ has them."""
    counts: Counter = Counter()
    for item in items:
        if isinstance(item, tuple):
            counts[item[0]] += item[1]
        else:
            counts[item.date.year] += 1
    if not counts:
        return []
    return [(year, counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]


def _bars_label(n: int) -> str:
    return f"{n} bài"


def _num(value: float) -> str:
    """A coordinate, short: "90" rather than "90.0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def year_chart(items: Iterable, title: str, chart_id: str = "bieu-do-nam") -> Markup:
    """The chart as an <svg> element; empty with fewer than two years to show (one bar says no
    more than the count beside it).

    chart_id: the prefix of the ids of its <title> and <desc> (unique in the page)."""
    years = per_year(items)
    if len(years) < 2:
        return Markup("")
    if title and title[-1] not in ".:!?…":  # read on with the desc: see below
        title += "."
    title, chart_id = escape(title), escape(chart_id)
    prefix = chart_id
    top = max(n for _, n in years) or 1
    slot = min(SLOT, (WIDTH - 2 * MARGIN) / len(years))
    width = round(2 * MARGIN + slot * len(years))
    bar = max(2.0, slot * 0.72)
    step = next((s for s in STEPS if s * slot >= LABEL_GAP), STEPS[-1])
    height = PLOT_TOP + PLOT_HEIGHT + LABEL_ROW
    base = PLOT_TOP + PLOT_HEIGHT
    # The image's name is its title and desc read on: "… theo năm. Năm 2016: 3 bài; năm 2017: …" (it was
    # "… theo năm năm 2016: 3 bài", one run-on phrase); the title keeps a final mark of its own.
    desc = "; ".join(f"năm {y}: {_bars_label(n)}" for y, n in years)
    desc = desc[0].upper() + desc[1:]
    # As wide as the column, the chart drawn at its top at its own size or smaller: before (or without)
    # the stylesheet, its pixel width (up to 400) made a phone's page scroll sideways. SVG attributes, not
    # a style attribute (the Content-Security-Policy refuses those). The theme gives it its own width
    # again, at most the column's (maps.css .chart-fit: the width its height and viewBox make); xMid as
    # SVG's default, which it was drawn with (a shrunk chart's box is a hair off its viewBox's ratio).
    parts = [f'<svg class="year-chart" width="100%" height="{height}" viewBox="0 0 {width} {height}" '
             f'preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="{prefix}-t {prefix}-d" font-size="{FONT}">',
             f'<title id="{prefix}-t">{title}</title><desc id="{prefix}-d">{escape(desc)}.</desc>',
             f'<line x1="0" y1="{base + 0.5}" x2="{width}" y2="{base + 0.5}" stroke="{INK}" stroke-width="1"/>']
    show_counts = slot >= 22
    for i, (year, n) in enumerate(years):
        middle = _num(MARGIN + i * slot + slot / 2)
        if n:
            h = PLOT_HEIGHT * n / top
            parts.append(f'<g><title>Năm {year}: {_bars_label(n)}</title>'
                         f'<rect x="{_num(MARGIN + i * slot + (slot - bar) / 2)}" y="{_num(base - h)}" '
                         f'width="{_num(bar)}" height="{_num(h)}" fill="{BAR}"/>')
            if show_counts or n == top:
                parts.append(f'<text x="{middle}" y="{_num(base - h - 4)}" text-anchor="middle" fill="{INK}">{n}</text>')
            parts.append("</g>")
        if year % step == 0:
            parts.append(f'<text x="{middle}" y="{base + LABEL_ROW - 3}" text-anchor="middle" fill="{INK}">{year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
