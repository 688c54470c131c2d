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
