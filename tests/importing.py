"""What the importer's tests share: their clock and fixtures folder, and a page imported in
memory as (result, front matter, Markdown body). The registries are a fixture of conftest.py."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml

from generator.importer import convert
from generator.vietnamese import VN

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "importer"
NOW = datetime(2026, 12, 4, 15, 30, tzinfo=VN)  # the import's clock, for drafts without a date


def lines(*parts: str) -> str:
    """A pasted page, one part a line."""
    return "\n".join(parts) + "\n"


def import_page(data: str | bytes, registries, suffix: str = ".txt", name: str = "") -> tuple:
    """(converted result, front matter, Markdown body) of one page."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    result = convert(raw, suffix, registries, "/images/", name or "bai" + suffix, now=NOW)
    head, _sep, body = result.text[4:].partition("\n---\n")
    return result, yaml.safe_load(head), body


def import_fixture(name: str, registries) -> tuple:
    path = FIXTURES / name
    return import_page(path.read_bytes(), registries, path.suffix, name)


def paragraphs(body: str) -> list[str]:
    return [p for p in body.strip().split("\n\n") if p]


def import_paragraphs(data: str | bytes, registries, suffix: str = ".txt") -> tuple:
    """(converted result, front matter, the body's paragraphs) of one page."""
    result, meta, body = import_page(data, registries, suffix)
    return result, meta, paragraphs(body)


def fixture_paragraphs(name: str, registries) -> tuple:
    path = FIXTURES / name
    return import_paragraphs(path.read_bytes(), registries, path.suffix)


def left_out(result, reason: str) -> list[str]:
    """The lines the import left out for reason."""
    return [text for _line, why, text in result.dropped if why == reason]


# A commune's short article around one paragraph under test (the importer's rounds 16 and 17).
PAGE_TITLE = "Xã Tân Lập học tập và làm theo Bác"
PAGE_LEAD = ("Năm 2024, Đảng bộ xã Tân Lập, tỉnh Phú Thọ đã tổ chức nhiều hoạt động thiết thực học tập và làm theo "
             "tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
PAGE_LAST = "Nhân dân trong xã đã hiến hơn 5.000 m² đất làm đường giao thông nông thôn."


def saved_around(paragraph: str) -> str:
    """A saved page: headline, date, lead, the paragraph, a last paragraph and a byline."""
    return (f"<html><head><meta charset='utf-8'></head><body><article><h1>{PAGE_TITLE}</h1><div>12/05/2025 08:30</div>"
            f"<p>{PAGE_LEAD}</p>{paragraph}<p>{PAGE_LAST}</p><p>Nguyễn Văn An</p></article></body></html>")


def imported_controls(paragraph: str, registries) -> tuple[list[str], list[tuple[str, str]]]:
    """(the paragraph as imported, the (reason, words) the report lists as a control's)."""
    result, _meta, body = import_page(saved_around(paragraph), registries, ".html")
    kept = [p for p in paragraphs(body) if p != PAGE_LAST and "Nguyễn Văn An" not in p]
    return kept, [(why, text) for _line, why, text in result.dropped if why.startswith("khuôn trang (")]
