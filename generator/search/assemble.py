"""The index of all documents from parts, and its files.

``merge`` puts the postings of parts (and of the last build's index, for the
documents it still holds) into the index's lists, in the index's order (kind,
prefix, mix, spelling), each list encoded (format.py). Lists found in many
documents are merged in a grid of (list, document) cells: every posting is
written to its cell, and a list's row of cells is its bitmap (and its values in
document order), with no sort and no work per posting beyond writing it. The
postings of the other lists are sorted. ``files`` cuts the lists into shards
and writes record groups and the manifest.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import numpy as np

from ..parallel import chunks, fork_map
from . import kernels
from .entries import PAIR, WORD, Part, keep_freed_memory
from .format import (GROUP, MANIFEST, SHARD_BYTES, SHARD_LEVEL, VOCABULARY, decode_list, decode_lists, encode_list,
                     encode_lists, manifest_bytes, pack, read_varint, shard_key, varint, vocabulary_bytes)
from .names import Names

_U64 = np.uint64
PRESENT = 0x80              # a grid cell's mark: values use the seven low bits
GRID_CELLS = 1 << 27        # cells of one grid (bytes): lists are merged in chunks of this many
DENSE_SHARE = 64            # lists in at least 1/64 of the documents go through the grid
COMMON_SHARE = 0.1          # folded keys in at least this share of documents are listed as common
COMMON_MAX = 300
VOCABULARY_MAX = 12000      # words of v.bin, the most common (a language's syllables and the site's names)
VOCABULARY_RARE = 100       # from this many documents on, a word in one document only is left out of v.bin
PAIRS_SHARE = 0.01          # pairs of words in at least this share of the documents (and two) go in v.bin
PAIRS_MAX = 3000
PACK_IN_WORKERS = 64 << 20  # bytes to gzip before forking workers pays (libdeflate: ~0.3 s for 64 MB)
WALKED = 64                 # lists of at most this many gaps are read in Python by patch (see _walked_values_at)
CUT = 8                     # a shard may end after a key whose mix is 0 modulo CUT (see _shards)
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
_HIGHEST = np.array([max(i.bit_length() - 1, 0) for i in range(256)], dtype=np.int64)


@dataclass
class Index:
    """Every list of the index, encoded, in its order: what its files are made of and what the
    cache keeps."""
    order_key: np.ndarray    # per list: kind << 48 | prefix
    mixed: np.ndarray        # per list: mix(key hash)
    spelling: np.ndarray     # per list: spelling hash
    keys: list[str]          # per list: folded key
    tones: list[str]         # per list: tone key ("" for pairs and names)
    encoded: list[bytes]     # per list: its documents and values (format.encode_list)
    sizes: np.ndarray        # per list: documents

    @property
    def lists(self) -> int:
        return len(self.order_key)

    def postings(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """(documents, values) of list j."""
        return decode_list(self.encoded[j])


@dataclass
class Source:
    """Postings of some documents; ids[document] numbers them as the index does (-1: left out)."""
    order_key: np.ndarray
    mixed: np.ndarray
    spelling: np.ndarray
    lists: np.ndarray        # per posting: row of the source's list table
    docs: np.ndarray         # per posting: document
    values: np.ndarray       # per posting: value byte
    ids: np.ndarray          # document -> index id, or -1


def source_of_part(part: Part, ids: np.ndarray) -> Source:
    """A part with its documents numbered ids[document in part] (the index id, or -1)."""
    return Source(part.order_key, part.mixed, part.spelling, part.lists, part.docs, part.values, ids)


def source_of_index(index: Index, ids: np.ndarray) -> Source:
    """Postings of the last index for the documents it still holds (ids: old id -> new id or -1)."""
    rows, docs, values = decode_lists(index.encoded)
    return Source(index.order_key, index.mixed, index.spelling, rows, docs, values, ids)


def merge(sources: Sequence[Source], count: int, strings: Callable[[int], tuple[str, str]]) -> Index:
    """The lists of `count` documents from sources of disjoint documents; strings(spelling) ->
    (key, tone) names them."""
    empty = Index(np.zeros(0, np.int64), np.zeros(0, _U64), np.zeros(0, _U64), [], [], [], np.zeros(0, np.int64))
    if not sources or not count:
        return empty
    keep_freed_memory()
    # 1. Every list once, in the index's order; each source's rows -> that order's numbers.
    order_key = np.concatenate([s.order_key for s in sources])
    mixed = np.concatenate([s.mixed for s in sources])
    spelling = np.concatenate([s.spelling for s in sources])
    order = np.lexsort((spelling, mixed, order_key))
    k, m, sp = order_key[order], mixed[order], spelling[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (k[1:] != k[:-1]) | (m[1:] != m[:-1]) | (sp[1:] != sp[:-1])
    number = np.empty(len(order), dtype=np.int64)
    number[order] = np.cumsum(new) - 1
    k, m, sp = k[new], m[new], sp[new]
    lists = len(k)
    maps, at = [], 0
    for s in sources:
        maps.append(number[at:at + len(s.order_key)])
        at += len(s.order_key)
    # 2. Every list encoded: by the kernel (ids in 24 bits), or by numpy (_numpy_merged).
    merged = _merged if kernels.LIB is not None and count < kernels.MERGE_DOCS else _numpy_merged
    encoded, sizes = merged(sources, maps, lists, count)
    kept = np.flatnonzero(sizes > 0)  # a list whose documents all went is dropped
    named = [strings(h) for h in sp[kept].tolist()]
    return Index(k[kept], m[kept], sp[kept], [key for key, _ in named], [tone for _, tone in named],
                 [encoded[j] for j in kept.tolist()], sizes[kept])


def _numpy_merged(sources, maps, lists: int, count: int):
    """The merge kernel's twin: lists in many documents go through the grid, the others are
    sorted."""
    size = np.zeros(lists, dtype=np.int64)
    for s, to in zip(sources, maps):
        size += np.bincount(to[s.lists], minlength=lists)  # (postings of documents left out count too)
    dense = size * DENSE_SHARE >= count
    encoded: list[bytes | None] = [None] * lists
    sizes = np.zeros(lists, dtype=np.int64)
    dense_lists = np.flatnonzero(dense)
    if len(dense_lists):
        row_of = np.full(lists, -1, dtype=np.int64)
        row_of[dense_lists] = np.arange(len(dense_lists))
        step = max(1, GRID_CELLS // max(count, 1))
        chunked = len(dense_lists) > step or not dense.all()  # else every posting has its cell in one grid
        rows = [row_of[to] for to in maps]  # per source: its table's rows -> rows of the grid
        for first in range(0, len(dense_lists), step):
            _grid(sources, rows, dense_lists[first:first + step], first, count, encoded, sizes, chunked)
    if not dense.all():
        _sorted(sources, maps, dense, encoded, sizes)
    return encoded, sizes


def _merged(sources, maps, lists: int, count: int):
    """(encoded lists, documents per list) by the merge kernel: each source's postings numbered
    as the index numbers lists and documents (postings of documents left out dropped)."""
    return kernels.merge([(s.lists, s.docs, s.values, to, s.ids) for s, to in zip(sources, maps)], lists, count)


def _cells(rows: np.ndarray, docs: np.ndarray, count: int, values):
    """(cell of each posting in a grid of rows x count, values): postings of documents left out
    (-1) or of lists outside the grid (row -1) are dropped."""
    cell = rows * count + docs
    kept = (rows >= 0) & (docs >= 0)
    if not kept.all():
        cell = cell[kept]
        values = values[kept] if values is not None else None
    return cell, values


def _grid(sources, rows_of, chunk: np.ndarray, first: int, count: int, encoded: list, sizes, chunked: bool) -> None:
    """Encodes a chunk of dense lists (grid rows first …) through a grid of their cells; rows_of:
    per source, its table's rows -> rows of the grid (-1: outside it)."""
    rows = len(chunk)
    grid = np.zeros((rows, count), dtype=np.uint8)
    flat = grid.reshape(-1)
    low, high = first * count, (first + rows) * count
    for s, row_of in zip(sources, rows_of):  # a source at a time: its cells are made and dropped
        cell, value = _cells(row_of[s.lists], s.ids[s.docs], count, s.values)
        if chunked:
            inside = (cell >= low) & (cell < high)
            cell, value = cell[inside] - low, value[inside]
        flat[cell] = PRESENT | value
    bitmaps = np.packbits(grid, axis=1, bitorder="little")
    counts = _POPCOUNT[bitmaps].sum(axis=1, dtype=np.int64)
    nonzero = bitmaps != 0
    last_byte = bitmaps.shape[1] - 1 - np.argmax(nonzero[:, ::-1], axis=1)
    lasts = last_byte * 8 + _HIGHEST[bitmaps[np.arange(rows), last_byte]]
    has_values = grid.max(axis=1) > PRESENT
    for r, j in enumerate(chunk.tolist()):
        m = int(counts[r])
        sizes[j] = m
        if not m:
            continue
        b = int(lasts[r]) // 8 + 1
        row = grid[r]
        docs = None if b + len(varint(b)) < m else np.flatnonzero(row)  # a bitmap wins: no gaps to count
        values = row[row != 0] & np.uint8(0x7F) if has_values[r] else None
        encoded[j] = encode_list(docs, values, m, bitmaps[r, :b].tobytes())


def _sorted(sources, maps, dense, encoded: list, sizes) -> None:
    """Encodes the lists outside the grid by sorting their postings."""
    codes = []
    for s, to in zip(sources, maps):
        number, ids = to[s.lists], s.ids[s.docs]
        keep = ~dense[number] & (ids >= 0)
        codes.append((number[keep].astype(_U64) << _U64(32)) | (ids[keep].astype(_U64) << _U64(8))
                     | s.values[keep].astype(_U64))
    code = np.sort(np.concatenate(codes))  # one posting per (list, document): documents are in one source
    if not len(code):
        return
    cell = code >> _U64(8)
    values = (code & _U64(0xFF)).astype(np.uint8)
    lists_of = (cell >> _U64(24)).astype(np.int64)
    docs = (cell & _U64(0xFFFFFF)).astype(np.int64)
    starts = np.flatnonzero(np.concatenate(([True], lists_of[1:] != lists_of[:-1])))
    bounds = np.concatenate((starts, [len(cell)]))
    for j, data in zip(lists_of[starts].tolist(), encode_lists(bounds, docs, values)):
        encoded[j] = data
    sizes[lists_of[starts]] = np.diff(bounds)


def doc_postings(part: Part, ids: np.ndarray) -> dict[int, dict[tuple[int, int, int], int]]:
    """{index id: {list place (kind and prefix, mix, spelling): value}} of a part's documents
    (ids[document in part], -1 left out)."""
    out: dict[int, dict] = {int(i): {} for i in ids.tolist() if i >= 0}
    place = list(zip(part.order_key.tolist(), part.mixed.tolist(), part.spelling.tolist()))
    id_of = ids.tolist()
    for row, d, value in zip(part.lists.tolist(), part.docs.tolist(), part.values.tolist()):
        if id_of[d] >= 0:
            out[id_of[d]][place[row]] = value
    return out


def patch(index: Index, held: int, changed: dict[int, dict], strings: Callable[[int], tuple[str, str]]) -> Index:
    """The index with the postings of some documents replaced: changed {id: {place: value}} (an
    id the index does not hold yet is added; ids past its documents are appended). held: the
    documents the index was made of (ids from there on are in no list: no list is read for
    them). Only the lists whose content changes are decoded and encoded again."""
    places = dict(zip(zip(index.order_key.tolist(), index.mixed.tolist(), index.spelling.tolist()),
                      range(index.lists)))
    docs = sorted(changed)
    old: dict[int, dict[int, int]] = {d: {} for d in docs}  # id -> {list: value} in the index
    present = [d for d in docs if d < held]
    for j, data in enumerate(index.encoded if present else ()):
        for d, value in _values_at(data, present).items():
            old[d][j] = value
    edits: dict[int, dict[int, int | None]] = {}  # list -> {id: new value, or None: taken out}
    added: dict[tuple, dict[int, int]] = {}       # a new list's place -> {id: value}
    for d in docs:
        new = changed[d]
        for j, value in old[d].items():
            place = (int(index.order_key[j]), int(index.mixed[j]), int(index.spelling[j]))
            if new.get(place) != value:
                edits.setdefault(j, {})[d] = new.get(place)
        for place, value in new.items():
            j = places.get(place)
            if j is None:
                added.setdefault(place, {})[d] = value
            elif j not in old[d]:
                edits.setdefault(j, {})[d] = value
    encoded, sizes = list(index.encoded), index.sizes.copy()
    for j, change in edits.items():
        docs_j, values_j = decode_list(encoded[j])
        keep = ~np.isin(docs_j, list(change))
        extra = sorted((d, v) for d, v in change.items() if v is not None)
        docs_j = np.concatenate((docs_j[keep], np.array([d for d, _ in extra], dtype=np.int64)))
        values_j = np.concatenate((values_j[keep], np.array([v for _, v in extra], dtype=np.uint8)))
        order = np.argsort(docs_j, kind="stable")
        encoded[j], sizes[j] = _encoded(docs_j[order], values_j[order])
    order_key, mixed, spelling = index.order_key, index.mixed, index.spelling
    keys, tones = list(index.keys), list(index.tones)
    if added:
        new_places = sorted(added)
        order_key = np.concatenate((order_key, np.array([p[0] for p in new_places], dtype=np.int64)))
        mixed = np.concatenate((mixed, np.array([p[1] for p in new_places], dtype=_U64)))
        spelling = np.concatenate((spelling, np.array([p[2] for p in new_places], dtype=_U64)))
        # All new lists encoded in one call and their sizes appended once: one np.append per list
        # copied every size so far (100,000 footnote numbers of one article took minutes).
        starts, new_docs, new_values = [0], [], []
        for p in new_places:
            key, tone = strings(p[2])
            keys.append(key)
            tones.append(tone)
            docs_p = sorted(added[p])
            new_docs += docs_p
            new_values += [added[p][d] for d in docs_p]
            starts.append(len(new_docs))
        encoded += encode_lists(np.array(starts, dtype=np.int64), np.array(new_docs, dtype=np.int64),
                                np.array(new_values, dtype=np.uint8))
        sizes = np.concatenate((sizes, np.diff(np.array(starts, dtype=sizes.dtype))))
    order = np.lexsort((spelling, mixed, order_key))
    order = order[sizes[order] > 0]  # a list whose documents all went is dropped
    return Index(order_key[order], mixed[order], spelling[order], [keys[j] for j in order.tolist()],
                 [tones[j] for j in order.tolist()], [encoded[j] for j in order.tolist()], sizes[order])


def _encoded(docs: np.ndarray, values: np.ndarray) -> tuple[bytes, int]:
    """A list of sorted documents and their values, encoded (format.encode_lists), and its size."""
    if not len(docs):
        return b"", 0
    return encode_lists(np.array([0, len(docs)]), docs, values)[0], len(docs)


def _values_at(data: bytes, docs: list[int]) -> dict[int, int]:
    """{document: value} of the given documents a list holds, read without decoding the whole
    list when it is a bitmap."""
    header, at = read_varint(data, 0)
    m, has_values, mode = header >> 2, header >> 1 & 1, header & 1
    if not mode and m <= WALKED:
        return _walked_values_at(data, at, m, has_values, docs)
    if not mode:
        found, values = decode_list(data)
        where = np.searchsorted(found, docs)
        return {d: int(values[w]) for d, w in zip(docs, where.tolist()) if w < m and found[w] == d}
    size, at = read_varint(data, at)
    out = {}
    for d in docs:
        if d >> 3 < size and data[at + (d >> 3)] >> (d & 7) & 1:
            if has_values:  # its position: the bits before it
                rank = int.from_bytes(data[at:at + (d >> 3) + 1], "little") & ((1 << d) - 1)
                out[d] = data[at + size + rank.bit_count()]
            else:
                out[d] = 0
    return out


def _walked_values_at(data: bytes, at: int, m: int, has_values: int, docs: list[int]) -> dict[int, int]:
    """_values_at of a short list of gaps, walked in Python: numpy's decode_list costs ~60 us
    whatever the length, and patch reads every list of the index for each edit (an article of
    100,000 footnotes made 500,000 lists: 37 s to save one word in `serve`)."""
    if not m:
        return {}
    wanted = set(docs)
    hits: list[tuple[int, int]] = []  # (document, its rank in the list)
    doc, gap, shift, rank = -1, 0, 0, 0
    for at in range(at, len(data)):
        byte = data[at]
        gap |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        doc += gap + 1
        if doc in wanted:
            hits.append((doc, rank))
        rank += 1
        if rank == m:
            break
        gap = shift = 0
    return {d: data[at + 1 + r] if has_values else 0 for d, r in hits}


def files(index: Index, records: Sequence[bytes], years: dict[int, tuple[int, int]], names: Names, prefix: str,
          memo: dict[bytes, bytes], workers: int = 1,
          months: dict[int, tuple[int, ...]] | None = None) -> Iterator[tuple[str, bytes]]:
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
    totals = _word_totals(index, count)
    yield f"{prefix}{VOCABULARY}", pack(vocabulary_bytes(_vocabulary(totals, count), _frequent_pairs(index, count)), 9)
    yield f"{prefix}{MANIFEST}", pack(manifest_bytes(count, version.hexdigest()[:12], starts_of, years, names,
                                                     _common(totals, count), months or {}), 9)


def _pack_part(task: None, part: list[bytes]) -> list[bytes]:
    return [pack(data, SHARD_LEVEL) for data in part]


def _packed(datas: list[bytes], workers: int) -> list[bytes]:
    if not datas:
        return []
    parts = chunks(datas, max(1, -(-len(datas) // (workers * 4))))
    return [data for part in fork_map(_pack_part, parts, None, workers) for data in part]


def _shards(index: Index) -> tuple[list[bytes], list[str]]:
    """The keys' records cut into shards, and where each shard starts.

    A shard ends after a key once it holds SHARD_BYTES / 2, where the key's mix is 0 modulo
    CUT, or once it holds 2 * SHARD_BYTES: the places depend on the keys and on the sizes of
    the shard they end, so an edit that changes a few lists moves no other shard's edges."""
    n = index.lists
    if not n:
        return [], []
    k, m = index.order_key, index.mixed
    first = np.flatnonzero(np.concatenate(([True], (k[1:] != k[:-1]) | (m[1:] != m[:-1]))))
    bounds = np.concatenate((first, [n])).tolist()
    keys, tones, encoded = index.keys, index.tones, index.encoded
    shards, starts_of, current, size = [], [], [], 0
    order_keys, mixed = k.tolist(), m.tolist()
    for a, b in zip(bounds, bounds[1:]):
        parts = [varint(b - a)]
        for j in range(a, b):
            tone = tones[j].encode("utf-8")
            parts += (varint(len(tone)), tone, encoded[j])
        body = b"".join(parts)
        name = keys[a].encode("utf-8")
        if not current:  # the start of a shard, as short as the key before it allows
            starts_of.append(shard_key(order_keys[a], mixed[a],
                                       shard_key(order_keys[a - 1], mixed[a - 1]) if a else ""))
        current += (varint(len(name)), name, varint(len(body)), body)
        size += len(name) + len(body) + 4
        if size >= 2 * SHARD_BYTES or (size >= SHARD_BYTES // 2 and mixed[a] % CUT == 0):
            shards.append(b"".join(current))
            current, size = [], 0
    if current:
        shards.append(b"".join(current))
    return shards, starts_of


def _word_totals(index: Index, count: int) -> list[list]:
    """[[folded key, documents], …] of every word (documents of all its spellings summed, at most
    count: an estimate), most common first, then in key order."""
    if not index.lists or not count:
        return []
    words = (index.order_key >> 48) == WORD
    k, m = index.order_key, index.mixed
    first = np.flatnonzero(np.concatenate(([True], (k[1:] != k[:-1]) | (m[1:] != m[:-1]))))
    totals = np.add.reduceat(index.sizes, first)
    out = [[index.keys[j], min(int(t), count)] for j, t in zip(first.tolist(), totals.tolist())
           if words[j] and not index.keys[j].startswith("~")]
    out.sort(key=lambda item: (-item[1], item[0]))
    return out


def _common(totals: list[list], count: int) -> list[list]:
    """The words in at least COMMON_SHARE of the documents (a long query fetches the rarest of its
    words first; words typed together are split into these)."""
    return [item for item in totals if item[1] >= COMMON_SHARE * count][:COMMON_MAX]


_LETTERS = re.compile(r"[a-z]+")


def _vocabulary(totals: list[list], count: int) -> list[list]:
    """The words a mistyped one is corrected to: letters only (no numbers, no codes), and on a site
    of VOCABULARY_RARE documents or more, none found in one document only (mostly typing errors of
    the articles themselves)."""
    least = 2 if count >= VOCABULARY_RARE else 1
    return [item for item in totals if item[1] >= least and _LETTERS.fullmatch(item[0])][:VOCABULARY_MAX]


_PAIR_OF_WORDS = re.compile(r"[a-z]+ [a-z]+")


def _frequent_pairs(index: Index, count: int) -> list[list]:
    """[[pair, documents], …] of the pairs of words (letters only) in at least PAIRS_SHARE of the
    documents and two, the most common first, at most PAIRS_MAX: what an initialism the index
    lacks ("HCM", "UBND") is read as."""
    if not index.lists or not count:
        return []
    chosen = np.flatnonzero(((index.order_key >> 48) == PAIR) & (index.sizes >= max(2, PAIRS_SHARE * count)))
    out = [[index.keys[j], int(index.sizes[j])] for j in chosen.tolist() if _PAIR_OF_WORDS.fullmatch(index.keys[j])]
    out.sort(key=lambda item: (-item[1], item[0]))
    return out[:PAIRS_MAX]


__all__ = ["Index", "Source", "doc_postings", "files", "merge", "patch", "source_of_index", "source_of_part"]
