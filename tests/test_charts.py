"""The bar chart of articles per year: counts, zeros, proportions, labels, text alternative."""
from __future__ import annotations

import re
from datetime import datetime
from types import SimpleNamespace

from generator.charts import PLOT_HEIGHT, per_year, year_chart
from generator.vietnamese import VN


def article(year: int) -> SimpleNamespace:
    return SimpleNamespace(date=datetime(year, 6, 1, tzinfo=VN))


def test_per_year_counts_articles_and_fills_the_years_between():
    assert per_year([article(2019), article(2016), article(2019)]) == [(2016, 1), (2017, 0), (2018, 0), (2019, 2)]
    assert per_year([(2021, 2), (2018, 1)]) == [(2018, 1), (2019, 0), (2020, 0), (2021, 2)]  # as /nam/ has them
    assert per_year([]) == []


def test_bars_are_proportional_and_years_without_articles_have_none():
    svg = str(year_chart([(2016, 3), (2018, 1), (2020, 12)], "Số bài"))
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert heights == [PLOT_HEIGHT * 3 / 12, PLOT_HEIGHT * 1 / 12, PLOT_HEIGHT]
    assert re.findall(r"<title>(Năm \d+: \d+ bài)</title>", svg) == ["Năm 2016: 3 bài", "Năm 2018: 1 bài",
                                                                     "Năm 2020: 12 bài"]
    # the text alternative names every year, those without articles too
    # read as two sentences: the title's, then the counts' (it read "Số bài năm 2016: 3 bài")
    assert '<title id="bieu-do-nam-t">Số bài.</title>' in svg
    assert ('<desc id="bieu-do-nam-d">Năm 2016: 3 bài; năm 2017: 0 bài; năm 2018: 1 bài; năm 2019: 0 bài; '
            'năm 2020: 12 bài.</desc>') in svg
    assert 'role="img" aria-labelledby="bieu-do-nam-t bieu-do-nam-d"' in svg


def test_one_year_or_none_makes_no_chart():
    assert str(year_chart([(2020, 4)], "x")) == ""
    assert str(year_chart([], "x")) == ""


def test_year_labels_thin_out_to_round_steps_when_years_are_many():
    svg = str(year_chart([(y, 1 + y % 3) for y in range(2006, 2026)], "x"))
    labels = [int(t) for t in re.findall(r">(\d{4})</text>", svg)]
    assert labels == [2010, 2015, 2020, 2025]
    few = str(year_chart([(2020, 1), (2021, 2), (2022, 3)], "x"))
    assert [int(t) for t in re.findall(r">(\d{4})</text>", few)] == [2020, 2021, 2022]


def test_a_few_years_make_a_narrow_chart_not_wide_bars():
    narrow = re.search(r'<svg [^>]*viewBox="0 0 (\d+) ', str(year_chart([(2020, 1), (2021, 2)], "x")))
    wide = re.search(r'<svg [^>]*viewBox="0 0 (\d+) ', str(year_chart([(y, 1) for y in range(2000, 2026)], "x")))
    assert int(narrow.group(1)) < 120 and int(wide.group(1)) == 400


def test_title_and_id_are_escaped():
    svg = str(year_chart([(2020, 1), (2021, 1)], 'Bài về "A" <b>', chart_id='x"y'))
    assert '<title id="x&quot;y-t">Bài về &quot;A&quot; &lt;b&gt;.</title>' in svg
    assert "<b>" not in svg
