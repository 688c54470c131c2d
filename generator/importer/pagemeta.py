"""What a saved page says about itself in its markup: <meta> tags, JSON-LD, <title>, <time>
(``PageMeta``), read for the source, the address, the titles, the keywords, the author and a
machine-readable publication date."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from ..vietnamese import VN, normalize
from .dates import loose_date
from .decode import INVISIBLE as _INVISIBLE



@dataclass
class PageMeta:
    site_name: str | None = None
    url: str | None = None
    base: str | None = None  # what the page's relative links are read against: <base href>, "saved from url"
    addresses: list[str] = field(default_factory=list)  # og:url and canonical links, as read (addresses.py)
    saved_from: str | None = None  # a browser's note on a saved page: "<!-- saved from url=(0060)https://… -->"
    title: str | None = None
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)  # <meta name="author">, JSON-LD authors: the first person's wins
    titles: list[str] = field(default_factory=list)  # <title>, og:title, JSON-LD headline
    keywords: list[str] = field(default_factory=list)  # the page's own tags: keywords, article:tag, JSON-LD
    out_of_range: str | None = None  # a machine-readable date no page can have ("9999-12-31T23:00:00Z")
    extra: dict = field(default_factory=dict)
    left_out: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, what): embeds
    videos: list[tuple[int, str]] = field(default_factory=list)  # (line, address): players kept as links
    # For each left_out entry in order, the block read last before it (None at the top): where the report puts it
    # among the blocks of one line (a page written on one line).
    left_out_after: list = field(default_factory=list)


def read_meta_tag(meta: PageMeta, a: dict) -> None:
    """What a <meta> tells: the site, the address, the date, titles, keywords, the author."""
    key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
    content = normalize(_INVISIBLE.sub("", a.get("content", "")).strip())
    if not content:
        return
    if key == "og:site_name":
        meta.site_name = content
    elif key == "og:url":
        meta.url = meta.url or content
        meta.addresses.append(content)
    elif key in ("article:published_time", "datepublished", "pubdate", "date", "dc.date.issued"):
        meta.published = meta.published or machine_date(meta, content)
    elif key in ("og:title", "twitter:title"):
        meta.titles.append(content)
    elif key in ("keywords", "news_keywords", "article:tag"):
        meta.keywords.append(content)
    elif key in ("author", "article:author") and not content.startswith("http"):
        meta.authors.append(content)

def machine_date(meta: PageMeta, value: str) -> datetime | None:
    """A machine-readable date; one no datetime holds is kept in ``meta.out_of_range`` for the report."""
    try:
        return _iso(value) or loose_date(value)
    except OverflowError:
        meta.out_of_range = value
        return None

def read_json_ld(meta: PageMeta, text: str) -> None:
    """What a JSON-LD script tells: headline, keywords, datePublished, the author."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # nested past Python's recursion limit: as broken
        return  # a page's broken script is not the editor's problem
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("headline"), str):
            meta.titles.append(normalize(item["headline"].strip()))
        keywords = item.get("keywords")
        for word in keywords if isinstance(keywords, list) else [keywords]:
            if isinstance(word, str) and word.strip():
                meta.keywords.append(normalize(word.strip()))
        if isinstance(item.get("datePublished"), str) and meta.published is None:
            meta.published = machine_date(meta, item["datePublished"])
        author = item.get("author")
        for person in author if isinstance(author, list) else [author]:
            kind = person.get("@type") if isinstance(person, dict) else None
            if isinstance(person, dict) and (kind == "Person" or isinstance(kind, list) and "Person" in kind) \
                    and isinstance(person.get("name"), str):
                meta.authors.append(normalize(person["name"].strip()))
            elif isinstance(person, str) and person.strip():  # "author": "Minh Anh" (command.py checks it is a name)
                meta.authors.append(normalize(person.strip()))


def _iso(value: str) -> datetime | None:
    """An ISO 8601 time in Vietnam time (a naive one taken as Vietnam time); OverflowError when
    the zone moves it past the years datetime holds."""
    value = value.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN)
    return moment.astimezone(VN)


class Placed(list):
    """The page's left_out list while the page parser (htmlsource.py) reads it, noting the block read last before each
    entry (PageMeta.left_out_after)."""

    def __init__(self, parser):
        super().__init__()
        self.parser = parser

    def _mark(self, count: int) -> None:
        last = self.parser.blocks[-1] if self.parser.blocks else None
        self.parser.meta.left_out_after.extend([last] * count)

    def append(self, entry) -> None:
        super().append(entry)
        self._mark(1)

    def extend(self, entries) -> None:
        entries = list(entries)
        super().extend(entries)
        self._mark(len(entries))
