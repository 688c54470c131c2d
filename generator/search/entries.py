"""What the index holds of each article: the definition, and the parts the build merges.

``reference_entry`` (pure Python, one article) defines an entry; ``maker.Maker``
makes the same postings for a batch of articles with numpy and no Python object
per token, which is what a cold build of 10,000 articles can afford (its hot
steps run as compiled kernels where _kernels.c was built, kernels.py, each with
its numpy twin in twins.py). Tests hold all of them to the same postings.

An entry is a set of postings, each a list (a key) and a value byte:

* every token of the title, the lead (summary, sapo, tag names, author) and the
  whole body, under its exact spelling (``word_spelling``) within its folded key
  ("bac" holds Bác, bạc, Bắc …): value (min(count, 15) << 3) | field flags;
* every pair of adjacent tokens of one field, under the folded pair ("lam theo"),
  anywhere in the body (phrases are found anywhere): value = field flags;
* every province and directive named in the text by any spelling, or in the front
  matter (flag TERM), under its name key ("~p:dak-nong"): value as for tokens.

Keys are 64-bit hashes of their folded strings (text.key_hash); a list is
(kind and prefix, mix(hash), spelling), its place in the index (format.py). A
part (``Part``) holds the postings of a batch of articles, one per list and
document, with a table of the lists they belong to; the build's read workers
make parts of what they read (search.read_part), and assemble.merge puts the
parts together.
"""
from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..vietnamese import shown_date, shown_month
from .names import Names
from .text import (BREAK, MASK, TONE_STEP, _TOKEN, fold, html_blocks, key_hash, mix, prefix_code, prepare, sentences,
                   tone_key, tone_parts)

TITLE, LEAD, TERM = 1, 2, 4  # field flags in a posting's value byte
MAX_TF = 15
WORD, PAIR = 0, 1            # kinds of list: tokens and names, adjacent pairs
FIELDS = 3                   # body, title, lead: the texts of a document, in this order
FIELD_FLAGS = np.array([0, TITLE, LEAD], dtype=np.uint8)


@dataclass(frozen=True)
class Doc:
    """One article as the index sees it (its body as sanitised HTML)."""
    body: str
    title: str
    lead: str
    terms: tuple[str, ...]  # name keys of its front matter provinces and directives
    record: bytes | None    # what a result shows (doc_record); None: made by search_files from the article
    order: tuple            # (timestamp, slug): the site lists articles by it, newest first
    key: str = ""           # what the search cache knows it by


def lead_text(summary: str, sapo: str, tags: Sequence[str], author: str) -> str:
    """The lead field: summary, sapo, tag names and author."""
    return " ".join(p for p in (summary, sapo, " ".join(tags), author) if p)


def term_keys(article) -> tuple[str, ...]:
    """The article's provinces and directives (front matter) as name keys."""
    return (*("~p:" + p.slug for p in article.provinces), *("~d:" + d.slug for d in article.directives))


# What json.dumps(ensure_ascii=False) writes a string as (quotes included): a record is written
# around its strings, faster than through a JSONEncoder (docs/benchmarks.md).
_STRING = json.encoder.encode_basestring


def shown_provinces(provinces) -> list[str]:
    """The province names a result shows, as a card shows them (_card.html): all of them up to 4;
    past 4, the first 3 (the front matter's order: the ones that matter first), the third followed
    by "và N tỉnh, thành phố khác" (search.js joins them with commas; an article about 10 provinces
    listed all 10 under its result)."""
    names = [p.name for p in provinces]
    if len(names) <= 4:
        return names
    return [*names[:2], f"{names[2]} và {len(names) - 3} tỉnh, thành phố khác"]


def doc_record(article, url: str) -> bytes:
    """One JSON object of a record group (as json.dumps(..., ensure_ascii=False, separators=(",",
    ":")) writes it): title, URL, date (ISO and as shown: only the month when it is a guess), provinces
    (as shown: shown_provinces), summary."""
    provinces = ",".join(map(_STRING, shown_provinces(article.provinces)))
    shown = shown_month(article.date) if article.date_estimated else shown_date(article.date)
    return (f'{{"t":{_STRING(article.title)},"u":{_STRING(url)},"d":"{article.date.date().isoformat()}",'
            f'"w":{_STRING(shown)},"p":[{provinces}],"s":{_STRING(article.summary)}}}'
            ).encode("utf-8")


def make_doc(article, url: str, tags: Sequence[str], key: str = "", record: bool = True) -> Doc:
    """The index's view of an article with its body, its site-relative URL and tag names; without
    its record when `record` is False (the read workers leave it to search_files)."""
    return Doc(article.body, article.title, lead_text(article.summary, article.sapo, tags, article.author),
               term_keys(article), doc_record(article, url) if record else None,
               (article.date.timestamp(), article.slug), key)


def oldest_first(docs: Sequence[Doc]) -> list[int]:
    """Positions of the documents in the index's order: the reverse of the site's (newest first,
    then by slug)."""
    return sorted(range(len(docs)), key=lambda i: (-docs[i].order[0], docs[i].order[1]), reverse=True)


# ---- The definition: one article, pure Python ----

@dataclass(frozen=True)
class Posting:
    kind: int
    key: str     # folded key ("bac", "lam theo", "~p:dak-nong")
    tone: str    # exact spelling (tone key) of a token, "" for pairs and names
    value: int


def reference_entry(doc: Doc, names: Names | None) -> list[Posting]:
    """Every posting of one article, in no particular order (the definition the batches follow)."""
    counts: dict[tuple[int, str, str], list[int]] = {}  # (kind, key, tone) -> [count, flags]

    def add(kind: int, key: str, tone: str, count: int, flags: int) -> None:
        slot = counts.setdefault((kind, key, tone), [0, 0])
        slot[0] += count
        slot[1] |= flags

    for text, flag in ((html_blocks(doc.body), 0), (sentences(doc.title), TITLE), (sentences(doc.lead), LEAD)):
        for block in prepare(text).split(BREAK):  # no pair or name crosses a block's edge or a sentence's end
            tokens = _TOKEN.findall(block)
            folded = [fold(t) for t in tokens]
            for token, f in zip(tokens, folded):
                add(WORD, f, tone_key(token), 1, flag)
            for a, b in zip(folded, folded[1:]):
                add(PAIR, a + " " + b, "", 0, flag)
            if names is not None:
                for key in names.find(folded, tokens):
                    add(WORD, key, "", 1, flag)
    for key in doc.terms:
        add(WORD, key, "", 0, TERM)
    return [Posting(kind, key, tone, min(n, MAX_TF) << 3 | flags) for (kind, key, tone), (n, flags) in counts.items()]


def list_order(kind: int, key: str, spelling: int) -> tuple[int, int, int]:
    """Where a list sits in the index: (kind and prefix, mix(hash of the folded key), spelling)."""
    return kind << 48 | prefix_code(key), mix(key_hash(key)), spelling


def word_spelling(token: str) -> int:
    """The spelling hash of a token: its shaped letters' key hash plus its tone (text.spelling_hash)."""
    shaped, tone = tone_parts(token)
    return (key_hash(shaped) + tone * TONE_STEP) & MASK


@dataclass
class Part:
    """The postings of a batch of articles, numbered within the batch (documents oldest first), as
    (list, document, value) in no particular order: the merge in assemble.py puts them in place. A
    list is a row of the part's table of lists (its place in the index)."""
    order_key: np.ndarray    # per list of the table: kind << 48 | prefix
    mixed: np.ndarray        # per list: mix(key hash)
    spelling: np.ndarray     # per list: spelling hash (the key hash for pairs and names)
    lists: np.ndarray        # per posting: its row in the table
    docs: np.ndarray         # … its document
    values: np.ndarray       # … its value byte
    strings: dict[int, tuple[str, str]]  # spelling -> (folded key, tone key): lists this process had not sent
    records: list[bytes | None]  # per document, oldest first (None: search_files makes it)
    keys: list[str]          # per document: what the search cache knows it by
    orders: list[tuple]      # per document: (timestamp, slug)


def part_postings(part: Part, strings: dict[int, tuple[str, str]]) -> list[dict[tuple[int, str, str], int]]:
    """Each document's postings in a part as {(kind, key, tone): value}, pairs merged: what
    reference_entry gives (for tests and tools). strings: spelling -> (key, tone) of its lists."""
    out: list[dict] = [{} for _ in part.records]
    name = [(int(k) >> 48, *strings[int(s)]) for k, s in zip(part.order_key, part.spelling)]
    for row, d, value in zip(part.lists.tolist(), part.docs.tolist(), part.values.tolist()):
        out[d][name[row]] = value
    return out


_KEPT = False  # keep_freed_memory was called here (or in a parent: forks inherit glibc's settings)


def keep_freed_memory() -> None:
    """Large arrays from the heap, and freed memory kept for the next ones (glibc's mallopt).

    By default glibc maps every allocation over 128 KB to fresh pages and unmaps it when freed:
    the numpy arrays of each batch then page-fault their memory in again (in a cold build of
    10,000 articles, over a second of system time). Called in the processes that index, which
    end with the build; once (a forked child inherits its parent's settings).

    numpy's advice of huge pages for its arrays of 4 MB and more is turned off too: on this
    project's machine kind (a VM) the first touch of an advised huge page cost the scan's output
    41-290 us an article of system time, against 8 without (docs/benchmarks.md)."""
    global _KEPT
    if _KEPT:
        return
    _KEPT = True
    no_huge_pages()
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return  # not glibc: its allocator's defaults stay
    mallopt(-3, 256 << 20)  # M_MMAP_THRESHOLD
    mallopt(-1, 1 << 30)    # M_TRIM_THRESHOLD


def no_huge_pages() -> None:
    """numpy's huge page advice off in this process (a private switch, where numpy has it)."""
    core = getattr(np, "_core", None) or getattr(np, "core", None)
    switch = getattr(getattr(core, "multiarray", None), "_set_madvise_hugepage", None)
    if switch is not None:
        switch(False)
