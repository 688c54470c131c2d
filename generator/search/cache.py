"""The search cache: entries of earlier builds and what the last assembly made, kept between builds.

What it holds (all of it describes the last build's index):

* the vocabulary (key string -> number) and each article's entry (Compact) under the
  article's key, URL and tags joined;
* the memo: encoded posting lists and packed files by a digest of what they are made of;
* the output (the files as the last build gave them, by memo key) and the inputs they came from;
* the document order (entry keys) and every posting list, with its memo key, to patch.

On disk it is a base (``search.pickle``, everything) and a delta (``search-delta.pickle``,
what differs from that base: changed entries and lists, new memo values, the order and
the output as references). An edit to one article writes a delta of a few hundred
kilobytes instead of the whole ~90 MB of a 10,000-article index; the delta is
cumulative (base -> now), and once it would outgrow DELTA_SHARE of the base the base is
written anew. A delta names the base it was made against: any other is ignored.
"""
from __future__ import annotations

import os
import pickle
from array import array
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from ..incremental import SEARCH_CACHE_FILE as CACHE_FILE
from ..incremental import SEARCH_DELTA_FILE as DELTA_FILE
from ..incremental import UNREADABLE, dump_cache_file
from .index import Compact, Memo, Postings, Vocabulary

PATCH_DOCS = 50  # documents whose postings are patched rather than all added again (or 1% of them)
DELTA_SHARE = 0.25  # a delta over this share of the base's bytes: the base is written anew
_DAMAGED = (*UNREADABLE, KeyError, IndexError)  # a delta that does not fit its base, too
_ROW = attrgetter("kids", "values", "record")  # an entry as the row the cache keeps (slotted: pickles slowly)


@dataclass
class _Base:
    """What the base file holds, to write deltas against."""
    token: bytes                    # named by its deltas
    size: int                       # bytes of the file
    keys: int                       # vocabulary keys it numbers
    entries: dict[str, Compact]     # as loaded (compared by identity: new entries are new objects)
    memo: set[bytes]                # memo keys it holds
    kids: set[int]                  # lists that differ from it (held by the delta)


class SearchCache:
    """The cache of one cache folder, read when made; save() writes this build's for the next."""

    def __init__(self, folder: Path | None, version: tuple):
        self.path = folder / CACHE_FILE if folder is not None else None
        self.delta_path = folder / DELTA_FILE if folder is not None else None
        self.version = version
        self.vocab = Vocabulary()
        self.entries: dict[str, Compact] = {}
        self.memo: dict[bytes, bytes] = {}
        self.output: tuple[str, list[tuple[str, bytes]]] = ("", [])
        self.docs: list[str] = []                 # entry keys of the last assembly, in document order
        self.lists: list[array] = []              # its posting lists by key number, to patch
        self.list_keys: list[bytes | None] = []   # each list's memo key (None: not known)
        self.base: _Base | None = None
        if self.path is None:
            return
        try:
            with self.path.open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                version, token, vocab, rows, memo, output, docs, lists, list_keys = pickle.load(handle)
        except FileNotFoundError:
            return
        except _DAMAGED:
            return  # a damaged cache only costs a cold index
        if version != self.version:
            return
        self.vocab, self.memo = Vocabulary(vocab), memo
        self.entries = {key: Compact(*row) for key, row in rows.items()}
        self.docs, self.lists, self.list_keys = docs, lists, list_keys
        self.base = _Base(token, size, len(vocab), dict(self.entries), set(memo), set())
        self.output = output
        try:
            with self.delta_path.open("rb") as handle:
                delta = pickle.load(handle)
            if delta[0] == self.version and delta[1] == token:
                self._apply(*delta[2:])
        except FileNotFoundError:
            pass  # nothing changed since the base was written
        except _DAMAGED:
            self.docs, self.lists = [], []  # the base alone is consistent, but it is not the last build's
        try:
            self.output = self.output[0], [(path, self.memo[value] if by_key else value)
                                           for path, by_key, value in self.output[1]]
        except KeyError:  # the memo lacks a file it should hold: assembled again
            self.output = ("", [])

    def _apply(self, tail, entries_set, entries_gone, memo_set, memo_gone, output, docs, lists_set) -> None:
        """Bring what the base held up to the build that wrote the delta."""
        self.vocab = Vocabulary(self.vocab.keys + tail)
        self.entries.update((key, Compact(*row)) for key, row in entries_set.items())
        for key in entries_gone:
            del self.entries[key]
        self.memo = {**self.memo, **memo_set}
        for key in memo_gone:
            del self.memo[key]
        lists, list_keys = list(self.lists), list(self.list_keys)
        for kid, (postings, memo_key) in lists_set.items():
            if kid >= len(lists):
                lists += [array("I") for _ in range(kid + 1 - len(lists))]
                list_keys += [None] * (kid + 1 - len(list_keys))
            lists[kid], list_keys[kid] = postings, memo_key
        self.lists, self.list_keys, self.docs, self.output = lists, list_keys, docs, output
        self.base.kids = set(lists_set)

    def postings(self, keys: list[str]) -> tuple[Postings, dict[int, Compact]] | None:
        """The last assembly's postings when few documents changed and none moved.

        Returns them with the old entries of the documents whose entry is to be
        replaced (Postings.replace); documents after the old ones are added as new.
        None when a fresh start is cheaper or the ids moved.
        """
        old = self.docs
        if not old or len(keys) < len(old) or len(self.lists) > len(self.vocab.keys):
            return None
        changed = [i for i, (a, b) in enumerate(zip(keys, old)) if a != b]
        if len(changed) > max(PATCH_DOCS, len(old) // 100) or any(old[i] not in self.entries for i in changed):
            return None
        postings = Postings.reuse(self.vocab, self.lists, len(old), self.list_keys)
        self.docs, self.lists = [], []  # patched from here on
        return postings, {i: self.entries[old[i]] for i in changed}

    def save(self, entries: dict[str, Compact], memo: Memo, output: tuple[str, list[tuple[str, bytes]]],
             docs: list[str], postings: Postings) -> None:
        """This build's cache: a delta against the base when the lists were patched and it stays
        small, else a new base. `postings` holds the lists of the assembly (in `docs` order)."""
        if self.path is None:
            return
        vocab, lists, list_keys = self.vocab, postings.lists, memo.list_keys
        if len(vocab.keys) > 2 * memo.keys_used + 50_000:  # keys of deleted or edited articles pile up: renumber
            live = set()
            for entry in entries.values():
                live.update(memoryview(entry.kids).cast("I"))
            kept = sorted(live)
            renumber = dict(zip(kept, range(len(kept))))
            entries = {k: Compact(_renumbered(e.kids, renumber), e.values, e.record) for k, e in entries.items()}
            vocab = Vocabulary([vocab.keys[k] for k in kept])
            docs, lists, list_keys = [], [], []  # numbered the old way: the next build adds every entry again
        else:
            delta = self._delta(entries, memo, output, docs, postings) if docs else None
            if delta is not None:
                dump_cache_file(self.delta_path, delta)
                return
        rows = {key: _ROW(e) for key, e in entries.items()}
        dump_cache_file(self.path, (self.version, os.urandom(16), vocab.keys, rows, memo.new,
                                    _references(output, memo), docs, lists, list_keys))
        self.delta_path.unlink(missing_ok=True)  # made against the old base
        self.base = None

    def _delta(self, entries: dict[str, Compact], memo: Memo, output, docs: list[str],
               postings: Postings) -> tuple | None:
        """What differs from the base, or None when a new base is due (no base, lists made
        afresh, or a delta larger than DELTA_SHARE of the base)."""
        base = self.base
        if base is None or postings.touched is None or len(self.vocab.keys) < base.keys:
            return None
        known = base.entries
        entries_set = {key: _ROW(e) for key, e in entries.items() if known.get(key) is not e}
        entries_gone = [key for key in known if key not in entries]
        memo_set = {key: value for key, value in memo.new.items() if key not in base.memo}
        memo_gone = [key for key in base.memo if key not in memo.new]
        lists, list_keys = postings.lists, memo.list_keys
        kids = base.kids | postings.touched | set(range(base.keys, len(lists)))
        lists_set = {kid: (lists[kid], list_keys[kid] if kid < len(list_keys) else None)
                     for kid in sorted(kids) if kid < len(lists)}
        size = (sum(map(len, memo_set.values())) + sum(len(k) + len(v) + len(r) for k, v, r in entries_set.values())
                + sum(len(a) * a.itemsize for a, _ in lists_set.values()))
        if size > base.size * DELTA_SHARE:
            return None
        return (self.version, base.token, self.vocab.keys[base.keys:], entries_set, entries_gone, memo_set,
                memo_gone, _references(output, memo), docs, lists_set)


def _references(output: tuple[str, list[tuple[str, bytes]]], memo: Memo) -> tuple[str, list[tuple]]:
    """The output with each file the memo holds given by its memo key, (path, True, key);
    others (the manifest) as they are, (path, False, bytes)."""
    key_of = {id(value): key for key, value in memo.new.items()}  # the files are the memo's own objects
    return output[0], [(path, True, key_of[id(data)]) if id(data) in key_of else (path, False, data)
                       for path, data in output[1]]


def _renumbered(kids: bytes, renumber: dict[int, int]) -> bytes:
    return array("I", map(renumber.__getitem__, memoryview(kids).cast("I"))).tobytes()
