"""The theme's tenth round: every date readers see follows one rule.

A shown date ties the weekday's two words, the time to its date ("19/09/2016 | 16:27" is one
piece) and, in the long form, each word to its number: a line may break only after the weekday's
comma. The `datetime_vi` filter had the plain spaces of the editors' messages (format_datetime), so
on a 320 px phone "16:27" could stand alone on a line under its date.
"""
from __future__ import annotations

import html as html_lib
import re
from datetime import datetime
from pathlib import Path

import pytest

from conftest import build_site, copy_project
from generator.config import load_config
from generator.render import Templates

ROOT = Path(__file__).resolve().parent.parent
MOMENT = datetime(2016, 9, 19, 16, 27)
TIME = "Thứ\u00a0Hai, 19/09/2016\u00a0|\u00a016:27"
LONG = "ngày\u00a019 tháng\u00a09 năm\u00a02016"


@pytest.fixture(scope="module")
def env():
    return Templates(load_config(ROOT), {}, {}).env


@pytest.mark.parametrize("expression, shown", [
    ("d|datetime_vi", TIME),
    ("d|date_vi('time')", TIME),
    ("d|date_vi", "Thứ\u00a0Hai, 19/09/2016"),
    ("d|date_vi('short')", "19/09/2016"),
    ("d|long_date", LONG),
    ("d|date_vi('long')", LONG),
])
def test_every_date_filter_follows_one_rule(env, expression: str, shown: str):
    """The only place a shown date may break is after the weekday's comma."""
    assert env.from_string("{{ " + expression + " }}").render(d=MOMENT) == shown


def test_editors_messages_keep_plain_spaces():
    """Messages in a terminal are not laid out in lines: they keep the spaces one can type and search."""
    from generator.vietnamese import format_datetime, format_long_date
    assert format_datetime(MOMENT) == "Thứ Hai, 19/09/2016 | 16:27"
    assert format_long_date(MOMENT) == "ngày 19 tháng 9 năm 2016"


TIMED = re.compile(r"<time[^>]*>([^<]*\d\d:\d\d[^<]*)</time>")


def test_no_page_leaves_a_time_free_to_wrap_from_its_date(tmp_path):
    """An article with a time and an update time: its dateline and "Cập nhật …" each hold the time
    tied to its date, on its page and everywhere else a time is shown."""
    root = copy_project(tmp_path / "site")
    (root / "content" / "articles" / "co-gio.md").write_text(
        '---\ntitle: "Bài có giờ đăng"\ndate: 2025-08-04T08:00:00+07:00\nupdated: 2025-08-06T17:45:00+07:00\n'
        'province: ["Hà Nội"]\n---\n\nNội dung bài viết.\n', encoding="utf-8")
    site = build_site(root, tmp_path / "out")
    page = next(site.output.rglob("co-gio*/index.html"), None) or next(site.output.rglob("co-gio*.html"))
    times = [html_lib.unescape(t) for t in TIMED.findall(page.read_text(encoding="utf-8"))]
    assert times == ["Thứ\u00a0Hai, 04/08/2025\u00a0|\u00a008:00", "Thứ\u00a0Tư, 06/08/2025\u00a0|\u00a017:45"], times
    loose = {p.relative_to(site.output).as_posix(): t for p in site.output.rglob("*.html")
             for t in TIMED.findall(p.read_text(encoding="utf-8")) if re.search(r"\d \||\| \d", html_lib.unescape(t))}
    assert not loose, loose


@pytest.mark.parametrize("title, shown", [
    ("Chỉ thị số 05-CT/TW về", 'Chỉ thị số <span class="nw">05-CT/TW</span> về'),
    ("giai đoạn 2016-2026, ngày 19-5-2025", 'giai đoạn <span class="nw">2016-2026</span>, ngày <span class="nw">19-5-2025</span>'),
    ("<b> 35-CT/TW & “x”", '&lt;b&gt; <span class="nw">35-CT/TW</span> &amp; “x”'),
    # not a number joined by a hyphen, or too long to be kept on one line: left as written
    ("Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("COVID-19 và 2016-2026-2030-2040", "COVID-19 và 2016-2026-2030-2040"),
    ("https://x.vn/05-ct-tw", "https://x.vn/05-ct-tw"),
])
def test_the_whole_filter_keeps_a_hyphened_number_in_one_piece(env, title: str, shown: str):
    assert env.from_string("{{ t|whole }}").render(t=title) == shown
