"""Static search for the portal: an index built with the site, queried by search.js.

The build calls ``search_files(site, registries)`` and writes what it yields
into the staging folder. The search page (``tim-kiem/``) loads the manifest,
then only the shards holding the keys of a query and the records of the
results it shows. Folding rules live in ``text.py`` and in search.js, kept
identical by tests. The index format is described in ``index.py``.
"""
from __future__ import annotations

import multiprocessing
import os
from typing import Iterator

from .index import Entry, Names, assemble, index_entry, partial_index
from .text import fold, tokenize, tone_key

__all__ = ["Entry", "Names", "assemble", "data_prefix", "fold", "index_entry", "partial_index", "search_files",
           "tokenize", "tone_key"]


def data_prefix(config) -> str:
    """Where the index files go: a folder inside the search page's own path."""
    return config.urls.search + "du-lieu/"


_TASK: dict = {}  # what forked workers inherit from search_files


def _index_part(indices) -> tuple[list[bytes], dict[str, bytearray]]:
    """Worker: entries of a contiguous range of documents, as a partial index."""
    task = _TASK
    articles, tags_of, names, links = task["articles"], task["tags_of"], task["names"], task["links"]
    entries = (index_entry(a, tags_of.get(a.slug, ()), names, links(a))
               for a in (articles[i] for i in indices))
    return partial_index(entries, indices[0] if len(indices) else 0, task["id_bytes"])


def _workers() -> int:
    """LAMTHEOBAC_WORKERS, or one per core (at most 8)."""
    value = os.environ.get("LAMTHEOBAC_WORKERS", "")
    return max(1, int(value)) if value.isdigit() else max(1, min(8, os.cpu_count() or 1))


def _map(parts: list, workers: int) -> list:
    """_index_part over parts, in forked workers (they inherit _TASK) when it pays; results in order."""
    if workers <= 1 or len(parts) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [_index_part(p) for p in parts]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_index_part, parts, chunksize=1)


def search_files(site, registries=None, workers: int | None = None) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) of every index file for the site's visible articles.

    Entries are made in forked workers over contiguous ranges of documents (each
    a pure function of one article); the parent merges the ranges and writes shards.
    """
    from ..pages import Links
    config = site.config
    if registries is None:
        from ..taxonomy import load_registries
        registries = load_registries(config.path(config.data_dir), config.root)
    names = Names.from_registries(registries)
    names.pattern  # compiled once, before forking
    articles = site.articles
    count = len(articles)
    years: dict[int, list[int]] = {}
    for i, article in enumerate(_dated(site)):
        span = years.setdefault(article.date.year, [i, i + 1])
        span[1] = i + 1
    workers = workers or _workers()
    size = max(1, -(-count // max(1, workers * 4)))  # equal parts, a multiple of the workers
    parts = [range(i, min(count, i + size)) for i in range(0, count, size)]
    _TASK.update(articles=articles, tags_of=site.tags_of, names=names, links=Links(config),
                 id_bytes=2 if count <= 0xFFFF else 4)
    try:
        results = _map(parts, workers if count >= 200 else 1)
    finally:
        _TASK.clear()
    yield from assemble(results, count, {y: tuple(s) for y, s in years.items()}, names, data_prefix(config))


def _dated(site):
    """Articles for their dates only: the bodiless originals when the build wraps them."""
    return getattr(site.articles, "articles", site.articles)
