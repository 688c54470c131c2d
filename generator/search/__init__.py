"""Static search for the portal: an index built with the site, queried by search.js.

The build calls ``search_files(SearchInput(...), cache_dir=...)`` and writes what
it yields into the staging folder. Entries are made by ``batch.entries`` (numpy,
a batch of articles at once) when there are many to make, else one by one by
``index_entry``, which defines them; tests hold both to the same output. The
search page (``tim-kiem/``) loads the manifest, then only the shards holding the
keys of a query and the record groups of the results it shows. Folding rules
live in ``text.py`` and in search.js, kept identical by tests. The index format
is described in ``index.py``.

Incremental: each article's entry (its keys, values and record) is kept in the
search cache (``cache.py``: a base and a delta under ``<cache_dir>``) under the
article's key, URL and tags joined, with the index format and the names'
fingerprint checked for the cache as a whole. A build tokenises only articles it
has no entry for, then assembles the index (linear in the postings); when the
inputs of the assembly are the same as last time, the files it made are reused
as they are. The posting lists of the last assembly are kept too: when few
documents changed and none moved (an edit, or new articles at the end), the
postings that differ are taken out and put in instead of adding every entry
again, and the lists no document touched keep their encodings without being
hashed again.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from ..incremental import SEARCH_CACHE_FILE as CACHE_FILE
from ..incremental import digest
from ..content import Article
from ..parallel import fork_imap, forks, worker_count
from ..taxonomy import Registries
from .cache import SearchCache
from .index import (BODY_PAIRS, EXCERPT_CHARS, FORMAT, GROUP, MAX_TF, SHARD_BYTES, Compact, Entry, Memo, Names, Postings,
                    Vocabulary, assemble, index_entry)
from .text import fold, tokenize, tone_key

__all__ = ["Entry", "Names", "SearchInput", "assemble", "data_prefix", "fold", "index_entry", "open_cache",
           "search_files", "tokenize", "tone_key"]

TIMINGS = logging.getLogger("lamtheobac.timings")


@dataclass(frozen=True)
class SearchInput:
    """What the build hands the search: the index is a pure function of it (and of the cache)."""
    articles: Sequence[Article]      # visible articles, newest first, without bodies
    keys: Sequence[str]              # each article's content key
    urls: Sequence[str]              # each article's site-relative URL
    tags: Sequence[tuple[str, ...]]  # each article's resolved tag names
    registries: Registries
    prefix: str                      # folder of the index files: "tim-kiem/du-lieu/"
    bodies: Callable[[Sequence[int]], list[str]]  # the bodies of the articles at these positions
CACHE_VERSION = 7
PARALLEL_MIN = 200  # entries to make before forking workers pays
BATCH_MIN = 64  # entries to make before batch.entries (and importing numpy, ~0.13 s) pays; fewer: index_entry


def data_prefix(config) -> str:
    """Where the index files go: a folder inside the search page's own path."""
    return config.urls.search + "du-lieu/"


def _index_part(task: dict, indices) -> tuple[int, list[str], list[tuple[bytes, bytes, bytes]], tuple | None]:
    """Worker: entries of some documents with keys as numbers of the inherited vocabulary.

    A forked worker numbers keys the parent's vocabulary lacked (at the fork) on its own,
    after the inherited ones. It returns its pid, the keys it numbered since its last part
    (the parent keeps one table per worker: results of one worker arrive in the order it
    made them), per document (key numbers as uint32 bytes, values, record) and, in a
    forked worker, the part's postings grouped by key (see _grouped). Numbers travel and
    translate far faster than key strings, which the parent would hash again.
    """
    inp, last, names, urls = task["input"], task["count"] - 1, task["names"], task["urls"]
    vocab = task["vocab"]
    known = len(vocab.keys)
    positions = [last - i for i in indices]  # document i is the i-th oldest
    bodied = [article if article.body else replace(article, body=body)
              for article, body in zip((inp.articles[p] for p in positions), inp.bodies(positions))]
    tags = [inp.tags[p] for p in positions]
    if task["batched"]:
        out = _batched(bodied, tags, names, [urls[i] for i in indices], vocab, task)
    else:
        out = []
        for i, article, article_tags in zip(indices, bodied, tags):
            entry = index_entry(article, article_tags, names, urls[i])
            out.append((array("I", map(vocab.__getitem__, entry.keys)).tobytes(), entry.values, entry.record))
    return os.getpid(), vocab.keys[known:], out, _grouped(indices, out) if task["forked"] else None


def _batched(articles, tags, names, urls, vocab, task) -> list[tuple[bytes, bytes, bytes]]:
    """The entries of index_entry, made by batch.entries BATCH articles at a time; its key numbers
    (the process's own) mapped to the vocabulary's, each once per build (task["kid_of"])."""
    import numpy
    from .batch import BATCH, entries, tables
    own = tables()
    kid_of = task.setdefault("kid_of", array("I"))
    out = []
    for at in range(0, len(articles), BATCH):
        part = articles[at:at + BATCH]
        doc, key, value, records = entries(part, tags[at:at + BATCH], names, urls[at:at + BATCH], own)
        top = int(key.max()) + 1 if len(key) else 0
        if top > len(kid_of):
            kid_of.extend(map(vocab.__getitem__, own.keys.keys[len(kid_of):top]))
        kids = numpy.frombuffer(kid_of, dtype=numpy.uint32)[key.astype(numpy.int64)]
        bounds = numpy.searchsorted(doc, numpy.arange(len(part) + 1, dtype=numpy.uint64)).tolist()
        out += [(kids[a:b].tobytes(), value[a:b].tobytes(), record)
                for a, b, record in zip(bounds, bounds[1:], records)]
    return out


def _grouped(indices, made) -> tuple[bytes, bytes, bytes]:
    """The postings of a part sorted by key (stable: document order within a key), vectorised:
    (distinct key numbers, where each key's run starts, (document << 8 | value) as uint32)."""
    import numpy
    kids = numpy.frombuffer(b"".join(k for k, _, _ in made), dtype=numpy.uint32)
    values = numpy.frombuffer(b"".join(v for _, v, _ in made), dtype=numpy.uint8)
    docs = numpy.repeat(numpy.array(indices, dtype=numpy.uint32), [len(v) for _, v, _ in made])
    order = numpy.argsort(kids, kind="stable")
    kids, packed = kids[order], ((docs << 8) | values)[order]
    starts = numpy.flatnonzero(numpy.concatenate(([True], kids[1:] != kids[:-1])))
    return kids[starts].tobytes(), starts.astype(numpy.uint32).tobytes(), packed.astype(numpy.uint32).tobytes()


class _Numbering:
    """Key numbers of forked workers -> the parent's: the inherited ones stay, new ones are mapped."""

    def __init__(self, vocab: Vocabulary):
        self.vocab, self.inherited = vocab, len(vocab.keys)
        self.tables: dict[int, array] = {}  # worker pid -> its numbers, from `inherited` on

    def learn(self, pid: int, new_keys: list[str]):
        """The worker's new keys; returns a function from its key numbers (uint32 bytes) to ours (None:
        the same numbers, made in this process)."""
        if pid == os.getpid():  # made in this process: numbered in `vocab` itself
            return None
        table = self.tables.setdefault(pid, array("I", range(self.inherited)))
        table.extend(map(self.vocab.__getitem__, new_keys))
        import numpy  # imported here: builds that make no entries in workers don't pay for it
        lookup = numpy.frombuffer(table, dtype=numpy.uint32).copy()  # a copy: the table grows later
        return lambda kids: lookup[numpy.frombuffer(kids, dtype=numpy.uint32)]


def open_cache(cache_dir: Path, registries) -> SearchCache:
    """The search cache of cache_dir, read now (for search_files(cache=...) later)."""
    return SearchCache(Path(cache_dir), _cache_version(Names.from_registries(registries)))


def _cache_version(names: Names) -> tuple:
    return (CACHE_VERSION, FORMAT, EXCERPT_CHARS, BODY_PAIRS, MAX_TF, names.fingerprint)  # what entries hold


def search_files(inp: SearchInput, workers: int | None = None, cache_dir: Path | None = None,
                 on_ready: Callable[[], None] | None = None, cache: "SearchCache | None" = None
                 ) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) of every index file for the input's articles.

    Entries of articles the cache lacks are made in forked workers (each a pure
    function of one article); the parent assembles the index from all entries.
    on_ready is called once every file was given, while the cache is saved. cache: the
    cache of cache_dir read beforehand (open_cache), used if made for the same registries.
    """
    started = time.perf_counter()
    names = Names.from_registries(inp.registries)
    count = len(inp.articles)
    bare = inp.articles[::-1]  # document ids: oldest first, so a new article appends
    prefix = inp.prefix
    urls = inp.urls[::-1]
    keys = ["\x1f".join((key, url, *tags)) if key else ""  # no hashing
            for key, url, tags in zip(inp.keys[::-1], urls, inp.tags[::-1])]
    years: dict[int, list[int]] = {}
    for i, article in enumerate(bare):
        span = years.setdefault(article.date.year, [i, i + 1])
        span[1] = i + 1
    version = _cache_version(names)
    if cache is None or cache.version != version or cache_dir is None or cache.path != Path(cache_dir) / CACHE_FILE:
        cache = SearchCache(Path(cache_dir) if cache_dir is not None else None, version)
    inputs = (digest(prefix, repr((GROUP, SHARD_BYTES)), repr(sorted(years.items())), repr(names.export()), *keys)
              if all(keys) else "")
    if inputs and cache.output[0] == inputs:  # same entries, same order, same names: same files
        yield from cache.output[1]
        return
    entries: list[Compact | None] = [cache.entries.get(k) if k else None for k in keys]
    todo = [i for i, e in enumerate(entries) if e is None]
    vocab = cache.vocab
    patched = cache.postings(keys)  # few documents changed: patch the last lists
    postings, replaced = patched or (Postings(vocab), {})  # filled in id order while the workers tokenise

    def add_ready() -> None:
        while postings.count < count and entries[postings.count] is not None:
            postings.add(entries[postings.count])

    add_ready()
    if todo:
        names.pattern  # compiled once, before forking
        workers = workers or worker_count()
        if len(todo) < PARALLEL_MIN:
            workers = 1
        size = max(1, -(-len(todo) // (workers * 8)))  # equal parts, a multiple of the workers
        parts = [todo[i:i + size] for i in range(0, len(todo), size)]
        forked = forks(workers, parts)
        batched = len(todo) >= BATCH_MIN
        if forked or batched:
            import numpy  # noqa: F401 - once, before forking, for the workers' _grouped and batches
        task = dict(input=inp, count=count, names=names, urls=urls, vocab=vocab, forked=forked, batched=batched)
        numbering = _Numbering(vocab)
        for part, (pid, new_keys, made, grouped) in zip(parts, fork_imap(_index_part, parts, task, workers)):
            ours = numbering.learn(pid, new_keys)
            for i, (kids, values, record) in zip(part, made):
                entries[i] = Compact(kids if ours is None else ours(kids).tobytes(), values, record)
            if grouped and ours is not None and postings.count == part[0] == part[-1] - len(part) + 1:
                kids, starts, packed = grouped  # the part is the next run of documents: its lists at once
                postings.extend(ours(kids).tolist(), memoryview(starts).cast("I"), packed, len(part))
            add_ready()
    TIMINGS.debug("    search entries: %.2fs (%d made)", time.perf_counter() - started, len(todo))
    try:
        for i, old in replaced.items():
            postings.replace(i, old, entries[i])
    except ValueError:  # the lists and entries of the cache disagree (saved together, so damaged): afresh
        postings = Postings(vocab)
        for entry in entries:
            postings.add(entry)
    memo = Memo(cache.memo)
    files = list(assemble(entries, vocab, {y: tuple(s) for y, s in years.items()}, names, prefix, memo, postings,
                          keep=True, doc_keys=keys))
    TIMINGS.debug("    search assembly: %.2fs", time.perf_counter() - started)
    yield from files
    save = partial(cache.save, {k: e for k, e in zip(keys, entries) if k}, memo, (inputs, files),
                   keys if all(keys) else [], postings)
    if on_ready is None:
        save()
        return
    # The cache is saved in a thread while on_ready hands the files over: the build's background
    # process spends most of that hand-over waiting for the main process to take them.
    saver = threading.Thread(target=_saving, args=(save, failed := []))
    saver.start()
    try:
        on_ready()
    finally:
        saver.join()
    if failed:
        raise failed[0]


def _saving(save: Callable[[], None], failed: list) -> None:
    try:
        save()
    except BaseException as exc:  # raised again in the thread that started it
        failed.append(exc)

