"""Static search for the portal: an index built with the site, queried by search.js.

The build hands ``search_files`` a ``SearchInput`` (the visible articles without
their bodies, their cache keys, URLs, tag names, the registries, where the files
go and a way to load bodies) and writes what it yields. Search is a pure function
of that input: nothing is read from disk but the search cache the build opened
(``open_cache``), nothing is rebuilt from the configuration.

Each article's postings (entries.py) are made where its body is at hand: by the
build's read workers (``read_part``: the parts come back in ``SearchInput.made``),
else here from the bodies, in forked workers when many. The last build's index
(cache.py) provides the postings of articles that did not change; the parts and
those postings are merged (assemble.py) and encoded (format.py). The folding
rules are in text.py and search.js, kept identical by tests.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Sequence

# numpy serves the index with integer arrays, never with BLAS: the threads OpenBLAS starts when
# numpy is first imported (just below) would only spin on a core the build's workers need.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from ..incremental import digest
from ..parallel import chunks, fork_imap
from ..vietnamese import slugify, term_key
from .cache import SearchCache
from .entries import Part, doc_record, make_doc
from .maker import Maker
from .format import FORMAT, GROUP, SHARD_BYTES
from .names import Names
from .text import fold, tokenize, tone_key

__all__ = ["Names", "SearchInput", "data_prefix", "fold", "open_cache", "read_part", "search_files", "tokenize",
           "tone_key", "worker_tags"]

CACHE_VERSION = 13  # 13: records name at most 4 provinces; 12: nor across a sentence's end; 11: no pair or name across a block's edge (version 10 had them)
PART = 256            # articles per part made here
PARALLEL_MIN = 200    # articles to index before forking workers pays
PATCH_MAX = 64        # articles changed in place (or added after all others) patched into the last index
TIMINGS = logging.getLogger("lamtheobac.timings")


@dataclass(frozen=True)
class SearchInput:
    articles: Sequence              # visible articles, newest first, without bodies
    keys: Sequence[str]             # each article's content key
    urls: Sequence[str]             # each article's site-relative URL
    tags: Callable[[Sequence[int]], list[tuple[str, ...]]]  # resolved tag names of the articles at these positions
    registries: object              # province, directive and tag registries
    prefix: str                     # output folder of the index files ("tim-kiem/du-lieu/")
    bodies: Callable[[Sequence[int]], list[str]]  # sanitised bodies of the articles at these positions
    made: Sequence[Part] = ()       # parts the build's read workers made (read_part); any articles


def data_prefix(config) -> str:
    """Where the index files go: a folder inside the search page's own path."""
    return config.urls.search + "du-lieu/"


def doc_key(key: str, url: str) -> str:
    """What the cache knows an article's postings by: its content key (a digest of its source and
    of the registries) and its URL (in its record)."""
    return key + "\x1f" + url


def cache_version(names: Names) -> tuple:
    return CACHE_VERSION, FORMAT, GROUP, SHARD_BYTES, names.fingerprint


def open_cache(cache_dir: Path, registries) -> SearchCache:
    """The search cache of cache_dir, read now (for search_files(cache=...) later)."""
    return SearchCache(Path(cache_dir), cache_version(Names.from_registries(registries)))


def worker_tags(article, registries, known: dict | None = None) -> tuple[str, ...]:
    """The article's tag names as collect resolves them (registered tags by their registry name;
    free ones as written, which tokenise as the spelling collect shows would). known: what was
    found for each name, kept between calls with the same registries."""
    known = {} if known is None else known
    seen, out = set(), []
    for name in article.tags:
        found = known.get(name)
        if found is None:
            tag = registries.tags.get(name)
            # a registered tag by a number (equal tags, one number): hashed here once, not per article
            identity = known.setdefault(("~tag", tag), len(known)) if tag is not None else term_key(name)
            found = known[name] = (identity, tag.name if tag is not None else name,
                                   bool(tag.slug if tag is not None else slugify(name)))
        identity, shown, named = found
        if identity in seen or not named:
            continue
        seen.add(identity)
        out.append(shown)
    return tuple(out)


def read_part(articles: Sequence, urls: Sequence[str], keys: Sequence[str], registries, maker: Maker) -> Part:
    """The postings of articles with their bodies, made where they were read (the build's read
    workers); keys: their content keys. Their records are made by search_files (from the
    articles without bodies, in the background process), not on the read's critical path."""
    return maker.part([make_doc(a, url, worker_tags(a, registries, maker.tags), doc_key(key, url), record=False)
                       for a, url, key in zip(articles, urls, keys)])


def date_spans(dates) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, ...]]]:
    """The ids of each year ([start, end)) and where each of its months starts, for dates oldest
    first (ids are positions): a month with no article starts where the next one does, so that
    month m of a year is [starts[m - 1], starts[m] or the year's end)."""
    years: dict[int, list[int]] = {}
    firsts: dict[int, list] = {}
    for i, date in enumerate(dates):
        span = years.setdefault(date.year, [i, i + 1])
        span[1] = i + 1
        starts = firsts.setdefault(date.year, [None] * 12)
        if starts[date.month - 1] is None:
            starts[date.month - 1] = i
    months = {}
    for year, starts in firsts.items():
        at = years[year][1]
        for m in range(11, -1, -1):
            at = starts[m] = at if starts[m] is None else starts[m]
        months[year] = tuple(starts)
    return {y: tuple(s) for y, s in years.items()}, months


def search_files(inp: SearchInput, cache: SearchCache | None = None, workers: int = 1,
                 on_ready: Callable[[], None] | None = None) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) of every index file for the visible articles of inp.

    on_ready is called once every file was given, while the cache is saved.
    """
    from .assemble import doc_postings, files, merge, patch, source_of_index, source_of_part
    import numpy as np
    started = time.perf_counter()
    names = Names.from_registries(inp.registries)
    version = cache_version(names)
    if cache is None or cache.version != version:  # none, or made for other registries: nothing reused
        cache = SearchCache(cache.path.parent if cache is not None and cache.path is not None else None, version,
                            read=False)
    n = len(inp.articles)
    newest = range(n - 1, -1, -1)  # index ids are oldest first
    doc_keys = [doc_key(inp.keys[p], inp.urls[p]) for p in newest]
    years, months = date_spans([inp.articles[p].date for p in newest])
    inputs = digest(inp.prefix, repr(sorted(years.items())), repr(sorted(months.items())), names.fingerprint,
                    repr(version), *doc_keys)
    if cache.output[0] == inputs:  # the same documents in the same order: the same files
        yield from cache.output[1]
        return

    new_id = {key: i for i, key in enumerate(doc_keys)}
    old_keys = cache.doc_keys if cache.index is not None else []
    old_to_new = np.array([new_id.get(key, -1) for key in old_keys], dtype=np.int64)
    records: list[bytes | None] = [None] * n
    for old, new in enumerate(old_to_new.tolist()):
        if new >= 0:
            records[new] = cache.records[old]
    strings = {}
    if cache.index is not None:
        strings = dict(zip(cache.index.spelling.tolist(), zip(cache.index.keys, cache.index.tones)))
    parts: list[tuple[Part, np.ndarray]] = []  # (part, index ids of its documents or -1)
    from_workers = 0
    for part in inp.made:  # parts of the read workers: the articles the index still needs from them
        strings.update(part.strings)  # a process names each list once, in the first part that has it
        ids = np.full(len(part.keys), -1, dtype=np.int64)
        for j, key in enumerate(part.keys):
            i = new_id.get(key)
            if i is not None and records[i] is None:
                record = part.records[j]
                ids[j], records[i] = i, record if record is not None else doc_record(inp.articles[n - 1 - i],
                                                                                     inp.urls[n - 1 - i])
        if (ids >= 0).any():
            parts.append((part, ids))
            from_workers += int((ids >= 0).sum())
    todo = [i for i, record in enumerate(records) if record is None]
    for part, ids in _make_parts(inp, todo, doc_keys, names, workers):
        strings.update(part.strings)
        for j, i in enumerate(ids.tolist()):
            records[i] = part.records[j]
        parts.append((part, ids))
    TIMINGS.debug("search: %d articles from the cache, %d from the read workers, %d indexed here (%.2fs)",
                  n - from_workers - len(todo), from_workers, len(todo), time.perf_counter() - started)
    changed = _in_place(old_keys, doc_keys, old_to_new)
    if changed is not None and len(changed) <= PATCH_MAX and cache.index is not None:  # an edit, or articles newer than all: patched
        postings = {}
        for part, ids in parts:
            postings.update(doc_postings(part, ids))
        index = patch(cache.index, len(old_keys), postings, strings.__getitem__)
    else:
        sources = [source_of_index(cache.index, old_to_new)] if len(old_keys) else []
        sources += [source_of_part(part, ids) for part, ids in parts]
        index = merge(sources, n, strings.__getitem__)
    TIMINGS.debug("search: %d postings in %d lists (%.2fs)", int(index.sizes.sum()), index.lists,
                  time.perf_counter() - started)
    memo = dict(cache.memo)
    out = list(files(index, records, years, names, inp.prefix, memo, workers, months))
    TIMINGS.debug("search: %d files (%.2fs)", len(out), time.perf_counter() - started)
    yield from out
    save = lambda: cache.save(index, doc_keys, records, memo, (inputs, out))  # noqa: E731
    if on_ready is None:
        save()
        return
    # The cache is saved in a thread while on_ready hands the files over.
    failed: list[BaseException] = []
    saver = threading.Thread(target=_saving, args=(save, failed))
    saver.start()
    try:
        on_ready()
    finally:
        saver.join()
    if failed:
        raise failed[0]


def _in_place(old_keys: list[str], doc_keys: list[str], old_to_new) -> list[int] | None:
    """The ids of the documents to index again when every other keeps its id (edited articles
    that kept their place, and articles after all the last index held), else None."""
    if not old_keys or len(doc_keys) < len(old_keys):
        return None
    moved = old_to_new.tolist()
    changed = []
    for i, target in enumerate(moved):
        if target == i:
            continue
        if target >= 0:  # a document the index keeps now has another id: the ids moved
            return None
        changed.append(i)
    return changed + list(range(len(old_keys), len(doc_keys)))


def _make_parts(inp: SearchInput, todo: list[int], doc_keys: list[str], names: Names, workers: int):
    """(part, the index ids of its documents) for the documents at these ids, from their bodies."""
    import numpy as np
    if not todo:
        return
    if len(todo) < PARALLEL_MIN:
        workers = 1
    size = max(1, min(PART, -(-len(todo) // (workers * 4))))
    parts = chunks(todo, size)
    task = {"inp": inp, "names": names, "doc_keys": doc_keys}
    inp.tags(())  # the tags resolved here once, not in each worker
    for chunk, part in zip(parts, fork_imap(_part_of, parts, task, workers)):
        ids = np.array(sorted(chunk), dtype=np.int64)  # a part numbers its documents oldest first
        yield part, ids


def _part_of(task: dict, ids: Sequence[int]) -> Part:
    """Worker: the part of the documents at these index ids, their bodies loaded at once."""
    inp, doc_keys = task["inp"], task["doc_keys"]
    maker = task.get("maker")
    if maker is None:
        maker = task["maker"] = Maker(task["names"])
    n = len(inp.articles)
    positions = [n - 1 - i for i in ids]
    bodies = inp.bodies(positions)
    docs = [make_doc(replace(inp.articles[p], body=body), inp.urls[p], tags, doc_keys[i])
            for p, i, body, tags in zip(positions, ids, bodies, inp.tags(positions))]
    return maker.part(docs)


def _saving(save: Callable[[], None], failed: list) -> None:
    try:
        save()
    except BaseException as exc:  # raised again in the thread that started it
        failed.append(exc)
