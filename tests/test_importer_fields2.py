"""Importer fields, round 4: defects an outside probe found on unseen pages (a site's logo as
<h1>, English and month/day/year date lines, list pages, unlabelled bylines, text without
Vietnamese marks). Each test failed before its fix."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml

from generator.importer import convert
from generator.importer.dates import meta_line
from generator.taxonomy import load_registries
from generator.vietnamese import VN

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"
NOW = datetime(2026, 12, 4, 15, 30, tzinfo=VN)


@pytest.fixture(scope="module")
def registries():
    return load_registries(None)


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def imported(text: str | bytes, registries, suffix: str = ".txt"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = convert(data, suffix, registries, "/images/", "bai" + suffix, NOW)
    head, _sep, body = result.text[4:].partition("\n---\n")
    return result, yaml.safe_load(head), [p for p in body.strip().split("\n\n") if p]


def fixture(name: str, registries):
    path = FIXTURES / name
    return imported(path.read_bytes(), registries, path.suffix)


def dropped(result, reason: str) -> list[str]:
    return [text for _line, why, text in result.dropped if why == reason]


# -- English date lines ---------------------------------------------------------------------

@pytest.mark.parametrize("line,iso", [
    ("March 5, 2024", "2024-03-05T00:00:00+07:00"),
    ("5 March 2024", "2024-03-05T00:00:00+07:00"),
    ("Posted on Mar 5th, 2024 by admin", "2024-03-05T00:00:00+07:00"),
    ("Updated: Tuesday, March 5, 2024 4:15 PM", "2024-03-05T16:15:00+07:00"),
])
def test_english_month_names_make_a_date_line(line, iso):
    meta = meta_line(line)
    assert meta is not None and meta.date.iso() == iso


def test_english_posted_line_is_the_date_not_the_headline(registries):
    result, meta, _b = fixture("fields2-english-date.txt", registries)
    assert meta["title"] == "Công nhân khu công nghiệp học tập chuyên đề về tấm gương đạo đức của Bác"
    assert meta["date"].isoformat() == "2024-03-05T00:00:00+07:00" and "draft" not in meta
    assert meta["author"] == "Lan Anh"  # "by admin" uploaded it
    # English weekdays are read whole: "Thu Hà" on a date line stays a byline, not Thursday.
    assert meta_line("Thu Hà 03/10/2024 14:22").rest == "Thu Hà"
