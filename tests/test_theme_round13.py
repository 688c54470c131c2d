"""The theme's thirteenth round: text that CSS separates is separated in the markup too.

A card's "·" between its date and its provinces was drawn by CSS (.where::before), and the portal's
name and tagline were two spans with nothing between them: copied, read in a reader view, or shown
before the stylesheet arrives (a slow connection) or without it, they ran together:
"Thứ Năm, 03/12/2026Bình Dương", "Học tập và làm theo BácTin tức về …".
"""
from __future__ import annotations

import html as html_lib
import re

import pytest

from conftest import build_site, copy_project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("round13")
    return build_site(copy_project(tmp / "site"), tmp / "out")


def text(fragment: str) -> str:
    """What a reader gets without the stylesheet: the markup's text, tags dropped, spaces as written."""
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_a_card_s_date_and_provinces_are_apart_in_its_text(site):
    page = (site.output / "tinh" / "lai-chau" / "index.html").read_text(encoding="utf-8")
    metas = [text(m) for m in re.findall(r'<p class="meta">(.*?)</p>', page, re.S) if 'class="where"' in m]
    assert metas
    for meta in metas:
        assert re.fullmatch(r"(Thứ\xa0\w+|Chủ\xa0Nhật), \d\d/\d\d/\d{4}\xa0· Lai Châu( · .+)?|Khoảng .+\xa0· Lai Châu.*",
                            meta), meta
    assert '<span class="where"><span class="sep">&nbsp;· </span><a href="/tinh/lai-chau/">Lai Châu</a>' in page


def test_the_portal_s_name_and_tagline_are_apart_in_its_text(site):
    page = (site.output / "index.html").read_text(encoding="utf-8")
    brand = re.search(r'<span class="brand-text">(.*?)</a>', page, re.S).group(1)
    assert text(brand).startswith("Học tập và làm theo Bác Tin tức về"), text(brand)
