"""The index of all documents from parts, and its files.

``merge`` puts the postings of parts (and of the last build's index, for the
documents it still holds) into one sorted array; ``files`` encodes it as shards,
record groups and the manifest (format.py). Each posting is one 64-bit number,
list << 32 | document << 8 | value: parts come with their postings already in
the index's order, so merging them is a merge of sorted runs, not a sort.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import numpy as np

from ..parallel import fork_map, worker_count
from .entries import PAIR, WORD, Part
from .format import GROUP, SHARD_BYTES, encode_lists, manifest_bytes, pack, shard_key, varint
from .names import Names

_U64 = np.uint64
DOC_BITS = 24               # documents per index: fewer than 2**24
COMMON_SHARE = 0.1          # folded keys in at least this share of documents are listed as common
COMMON_MAX = 300
PACK_IN_WORKERS = 4 << 20   # bytes to gzip before forking workers pays


@dataclass
class Index:
    """Every posting of the index, sorted: what its files are made of and what the cache keeps."""
    order_key: np.ndarray    # per list (in the index's order): kind << 48 | prefix
    mixed: np.ndarray        # per list: mix(key hash)
    spelling: np.ndarray     # per list: spelling hash
    postings: np.ndarray     # list << 32 | document << 8 | value, sorted
    keys: list[str]          # per list: folded key
    tones: list[str]         # per list: tone key ("" for pairs and names)

    @property
    def lists(self) -> int:
        return len(self.order_key)

    def starts(self) -> np.ndarray:
        """Where each list's postings start, and the end."""
        return np.searchsorted(self.postings >> _U64(32), np.arange(self.lists + 1, dtype=_U64))

    def docs(self) -> np.ndarray:
        return ((self.postings >> _U64(8)) & _U64((1 << DOC_BITS) - 1)).astype(np.int64)


@dataclass
class Run:
    """Postings sorted in the index's order, documents already numbered as in the index."""
    order_key: np.ndarray
    mixed: np.ndarray
    spelling: np.ndarray
    postings: np.ndarray     # local list << 32 | document << 8 | value


def run_of(part: Part, ids: np.ndarray) -> Run:
    """A part's postings with its documents numbered ids (increasing; -1: left out)."""
    counts = np.diff(part.starts)
    lists = np.repeat(np.arange(part.lists, dtype=_U64), counts)
    docs = ids[part.docs.astype(np.int64)]
    kept = docs >= 0
    postings = lists << _U64(32) | docs.astype(_U64) << _U64(8) | part.values.astype(_U64)
    return Run(part.order_key, part.mixed, part.spelling, postings[kept] if not kept.all() else postings)


def run_of_index(index: Index, ids: np.ndarray) -> Run:
    """The last index's postings of the documents it still holds, renumbered (ids: old -> new, -1)."""
    docs = ids[index.docs()]
    kept = docs >= 0
    postings = (index.postings[kept] & ~_U64(((1 << DOC_BITS) - 1) << 8)) | docs[kept].astype(_U64) << _U64(8)
    return Run(index.order_key, index.mixed, index.spelling, postings)


def merge(runs: Sequence[Run], strings: Callable[[int], tuple[str, str]]) -> Index:
    """One index from runs of disjoint documents; strings(spelling) -> (key, tone) names new lists."""
    runs = [r for r in runs if len(r.postings)]
    if not runs:
        return Index(*(np.zeros(0, dtype) for dtype in (np.int64, _U64, _U64, _U64)), [], [])
    order_key = np.concatenate([r.order_key for r in runs])
    mixed = np.concatenate([r.mixed for r in runs])
    spelling = np.concatenate([r.spelling for r in runs])
    order = np.lexsort((spelling, mixed, order_key))
    k, m, s = order_key[order], mixed[order], spelling[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (k[1:] != k[:-1]) | (m[1:] != m[:-1]) | (s[1:] != s[:-1])
    rank = np.empty(len(order), dtype=_U64)
    rank[order] = np.cumsum(new) - 1
    merged, offset = [], 0
    for r in runs:  # each run's lists keep their order: its postings stay sorted under the new numbers
        local = rank[offset:offset + len(r.order_key)]
        offset += len(r.order_key)
        merged.append(local[(r.postings >> _U64(32)).astype(np.int64)] << _U64(32) | (r.postings & _U64(0xFFFFFFFF)))
    postings = np.concatenate(merged) if len(merged) > 1 else merged[0]
    if len(merged) > 1:
        postings.sort(kind="stable")  # timsort: a merge of the sorted runs
    k, m, s = k[new], m[new], s[new]
    used = np.zeros(len(k), dtype=bool)  # a list whose documents all went is dropped
    used[(postings >> _U64(32)).astype(np.int64)] = True
    if not used.all():
        renumber = np.cumsum(used) - 1
        postings = (renumber[(postings >> _U64(32)).astype(np.int64)].astype(_U64) << _U64(32)
                    | (postings & _U64(0xFFFFFFFF)))
        k, m, s = k[used], m[used], s[used]
    named = [strings(h) for h in s.tolist()]
    return Index(k, m, s, postings, [key for key, _ in named], [tone for _, tone in named])


def files(index: Index, records: Sequence[bytes], years: dict[int, tuple[int, int]], names: Names, prefix: str,
          memo: dict[bytes, bytes], workers: int = 1) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every file of the index; memo: packed files of the last build by the digest
    of their content (reused), filled with this build's."""
    count = len(records)
    shards, starts_of = _shards(index)
    groups = [b"[" + b",".join(records[g:g + GROUP]) + b"]" for g in range(0, count, GROUP)]
    plain = [*groups, *shards]
    paths = [f"{prefix}r/{g}.bin" for g in range(len(groups))] + [f"{prefix}s/{n}.bin" for n in range(len(shards))]
    digests = [hashlib.blake2b(data, digest_size=16).digest() for data in plain]
    old = dict(memo)
    memo.clear()
    todo = [i for i, d in enumerate(digests) if d not in old]
    size = sum(len(plain[i]) for i in todo)
    made = _packed([plain[i] for i in todo], workers if size >= PACK_IN_WORKERS else 1)
    packed = dict(zip(todo, made))
    version = hashlib.sha256()
    for i, (path, d) in enumerate(zip(paths, digests)):
        data = packed[i] if i in packed else old[d]
        memo[d] = data
        version.update(d)
        yield path, data
    yield f"{prefix}index.json", manifest_bytes(count, version.hexdigest()[:12], starts_of, years, names,
                                                _common(index, count))


def _pack_part(task: None, part: list[bytes]) -> list[bytes]:
    return [pack(data) for data in part]


def _packed(datas: list[bytes], workers: int) -> list[bytes]:
    if not datas:
        return []
    size = max(1, -(-len(datas) // (workers * 4)))
    parts = [datas[i:i + size] for i in range(0, len(datas), size)]
    return [data for part in fork_map(_pack_part, parts, None, workers) for data in part]


def _shards(index: Index) -> tuple[list[bytes], list[str]]:
    """The key records cut into shards of about SHARD_BYTES, and where each shard starts."""
    n = index.lists
    if not n:
        return [], []
    starts = index.starts()
    postings = index.postings
    encoded = encode_lists(starts, ((postings >> _U64(8)) & _U64((1 << DOC_BITS) - 1)).astype(np.int64),
                           (postings & _U64(0xFF)).astype(np.uint8))
    k, m = index.order_key, index.mixed
    first = np.flatnonzero(np.concatenate(([True], (k[1:] != k[:-1]) | (m[1:] != m[:-1]))))
    bounds = np.concatenate((first, [n])).tolist()
    keys, tones = index.keys, index.tones
    shards, starts_of, current, size = [], [], [], 0
    order_keys, mixed = k.tolist(), m.tolist()
    for a, b in zip(bounds, bounds[1:]):
        parts = [varint(b - a)]
        for j in range(a, b):
            tone = tones[j].encode("utf-8")
            parts += (varint(len(tone)), tone, encoded[j])
        body = b"".join(parts)
        name = keys[a].encode("utf-8")
        record = b"".join((varint(len(name)), name, varint(len(body)), body))
        if current and size + len(record) > SHARD_BYTES:
            shards.append(b"".join(current))
            current, size = [], 0
        if not current:
            starts_of.append(shard_key(order_keys[a], mixed[a]))
        current.append(record)
        size += len(record)
    shards.append(b"".join(current))
    return shards, starts_of


def _common(index: Index, count: int) -> list[list]:
    """[[folded key, documents], …] of the words in at least COMMON_SHARE of the documents
    (documents of all its spellings summed: an estimate), most common first."""
    if not index.lists or not count:
        return []
    starts = index.starts()
    sizes = np.diff(starts)
    words = (index.order_key >> 48) == WORD
    k, m = index.order_key, index.mixed
    first = np.flatnonzero(np.concatenate(([True], (k[1:] != k[:-1]) | (m[1:] != m[:-1]))))
    totals = np.add.reduceat(sizes, first)
    out = [[index.keys[j], min(int(t), count)] for j, t in zip(first.tolist(), totals.tolist())
           if words[j] and t >= COMMON_SHARE * count and not index.keys[j].startswith("~")]
    out.sort(key=lambda item: (-item[1], item[0]))
    return out[:COMMON_MAX]


__all__ = ["Index", "PAIR", "Run", "WORD", "files", "merge", "run_of", "run_of_index"]
