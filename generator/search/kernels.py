"""The compiled kernels (_kernels.c) through ctypes (and the module's scan, a Python function), or
None where they were not compiled.

``pip install`` compiles _kernels.c when a C compiler is at hand (setup.py: an
optional extension); without one the index is made by the numpy routines of
twins.py and vocab.py alone, with the same result, more slowly. A module compiled from
another version of _kernels.c (a checkout updated without installing again) is
left unused the same way. LAMTHEOBAC_NO_KERNELS=1 leaves them out (for tests and
benchmarks of the numpy way).
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import sys
from pathlib import Path

import numpy as np

_I64 = np.ctypeslib.ndpointer(np.int64, flags="C_CONTIGUOUS")
_U64 = np.ctypeslib.ndpointer(np.uint64, flags="C_CONTIGUOUS")
_U8 = np.ctypeslib.ndpointer(np.uint8, flags="C_CONTIGUOUS")


class _Postings(ctypes.Structure):
    _fields_ = [("lists", ctypes.c_void_p), ("docs", ctypes.c_void_p), ("values", ctypes.c_void_p),
                ("mark", ctypes.c_void_p), ("slot", ctypes.c_void_p), ("count", ctypes.c_int64)]


class _Names(ctypes.Structure):
    _fields_ = [("start", ctypes.c_void_p), ("pair_hash", ctypes.c_void_p), ("up", ctypes.c_void_p),
                ("nup", ctypes.c_int64), ("keys", ctypes.c_void_p), ("numbers", ctypes.c_void_p),
                ("bits", ctypes.c_int), ("spread", ctypes.c_uint64),
                ("word_single", ctypes.c_void_p),
                ("term_docs", ctypes.c_void_p), ("term_numbers", ctypes.c_void_p), ("nterms", ctypes.c_int64),
                ("term_flag", ctypes.c_uint8), ("checked", ctypes.c_void_p), ("nchecked", ctypes.c_int64),
                ("word_fault", ctypes.c_void_p)]


def _load():
    if os.environ.get("LAMTHEOBAC_NO_KERNELS") == "1":
        return None
    try:
        from . import _kernels
    except ImportError:
        return None
    if _kernels.source_digest != source_digest():
        return None
    global _MODULE
    _MODULE = _kernels
    lib = ctypes.CDLL(_kernels.__file__)
    i64, u64 = ctypes.c_int64, ctypes.c_uint64
    lib.lt_table_get.restype = None
    lib.lt_table_get.argtypes = [_U64, _I64, ctypes.c_int, u64, _U64, i64, _I64]
    lib.lt_table_put.restype = None
    lib.lt_table_put.argtypes = [_U64, _I64, ctypes.c_int, u64, _U64, _I64, i64]
    lib.lt_merge.restype = i64
    pointers = np.ctypeslib.ndpointer(np.uintp, flags="C_CONTIGUOUS")
    lib.lt_merge.argtypes = [i64, pointers, _U8, pointers, _U8, pointers, _I64, pointers, pointers, i64, i64, _U8, i64,
                             _I64, _I64]
    lib.lt_rows.restype = None
    lib.lt_rows.argtypes = [i64, pointers, _I64, pointers, _I64, _I64]
    lib.lt_narrow.restype = None
    lib.lt_narrow.argtypes = [i64, pointers, pointers, pointers, _I64, pointers, _I64, _I64, ctypes.c_void_p,
                              ctypes.c_int, ctypes.c_void_p, ctypes.c_int, _U8]
    lib.lt_number_pending.restype = None
    lib.lt_number_pending.argtypes = [_I64, i64, _I64, i64]
    lib.lt_first.restype = i64
    lib.lt_first.argtypes = [_U64, i64, u64, _I64]
    lib.lt_pairs.restype = i64
    lib.lt_pairs.argtypes = [_I64, _U8, _I64, i64, _I64, _U64, _I64, ctypes.c_int, u64, _I64, _I64, _U64]
    lib.lt_post.restype = None
    lib.lt_post.argtypes = [_I64, _U8, _I64, _I64, i64, _I64, _U64, i64, _U8, i64, ctypes.POINTER(_Names),
                            ctypes.POINTER(_Postings), ctypes.POINTER(_Postings), ctypes.POINTER(_Postings), _I64]
    return lib


def source_digest() -> str:
    """The digest setup.py compiles into the module, of the _kernels.c beside this file (an
    installed wheel has none: its module is the one built with it)."""
    source = Path(__file__).with_name("_kernels.c")
    if not source.exists():
        from . import _kernels
        return _kernels.source_digest
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


_MODULE = None  # the module itself, for scan (a Python function, not one ctypes calls)
LIB = _load()


def scan(texts: list[str], fields: int, chars: np.ndarray, p: int, tone_step: int, table):
    """(text, start, length, spelling, folded key hash, prefix code, word number) of every token
    of the texts (every `fields`-th one sanitised HTML), read where Python keeps them, whether a
    block's edge comes before each (text.html_blocks), the place
    of each new word's first occurrence, and the positions of the texts left to Python
    (maker.Maker._scanned); table: the words' Table. A word the table lacks is numbered
    -2 - its number among the batch's new words, in the order first met; start, folded key hash
    and prefix code are those of new words' first occurrences only: the others' are left unset."""
    total = sum(map(len, texts)) + len(texts) + 1
    room = total // 3 + 64  # ~4.5 units a token in Vietnamese text: rarely too few
    while True:
        *out, firsts, brk = _arrays("scan", room, (np.int64,) * 3 + (np.uint64,) * 2 + (np.int64,) * 3 + (np.uint8,))
        flagged = np.zeros(len(texts), np.uint8)
        got = _MODULE.scan(texts, fields, chars, p, tone_step, table.keys, table.numbers, table.bits, table.SPREAD,
                           *out, flagged, firsts, brk)
        if got != -1:
            count, new = got
            return tuple(a[:count] for a in out), brk[:count], firsts[:new], np.flatnonzero(flagged)
        room = total // 2 + 1  # a token and a separator take two units at least


# Kernels' output arrays, kept for the next batch of this process: a batch's arrays freed and the
# next one's larger by a little, the heap (holding the bodies read meanwhile) grew to fresh pages,
# each faulted in again (a cold build of 10,000 articles: ~20,000 page faults in the read workers).
_KEPT: dict[str, list[np.ndarray]] = {}


def _arrays(name: str, size: int, dtypes: tuple) -> list[np.ndarray]:
    """Arrays of `size` items of these types for one kernel's output: views of those kept under
    `name` when they are large enough and nothing of the last batch still refers to them (a view
    holds its base), else new ones, an eighth larger than asked, kept instead."""
    kept = _KEPT.get(name)
    if kept is not None and len(kept[0]) >= size and all(sys.getrefcount(a) <= 3 for a in kept):
        return [a[:size] for a in kept]
    room = size + size // 8
    kept = _KEPT[name] = [np.empty(room, d) for d in dtypes]
    return [a[:size] for a in kept]


def table_get(keys: np.ndarray, numbers: np.ndarray, bits: int, spread: int, hashes: np.ndarray) -> np.ndarray:
    hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
    out = np.empty(len(hashes), np.int64)
    LIB.lt_table_get(keys, numbers, bits, spread, hashes, len(hashes), out)
    return out


def table_put(keys: np.ndarray, numbers: np.ndarray, bits: int, spread: int, hashes: np.ndarray,
              values: np.ndarray) -> None:
    hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
    values = np.ascontiguousarray(values, dtype=np.int64)
    LIB.lt_table_put(keys, numbers, bits, spread, hashes, values, len(hashes))


def first(hashes: np.ndarray, spread: int) -> np.ndarray:
    """Positions of the first occurrence of each distinct hash, in order."""
    hashes = np.ascontiguousarray(hashes, dtype=np.uint64)
    out = np.empty(len(hashes), np.int64)
    got = LIB.lt_first(hashes, len(hashes), spread, out)
    if got < 0:
        raise MemoryError("lt_first")
    return out[:got]


def pairs(seg: np.ndarray, brk: np.ndarray, numbers: np.ndarray, word_folded: np.ndarray, table):
    """Per token, the number in the pairs' Table of the pair it starts (-2: the last token of its
    text or block; a new pair: -3 - its number among the batch's new pairs, in the order first met); the
    places and codes of the new pairs' first occurrences."""
    n = len(seg)
    pnum, at, codes = _arrays("pairs", n, (np.int64, np.int64, np.uint64))
    m = LIB.lt_pairs(seg, np.ascontiguousarray(brk, np.uint8), numbers, n, word_folded, table.keys, table.numbers, table.bits, table.SPREAD, pnum, at,
                     codes)
    if m < 0:
        raise MemoryError("lt_pairs")
    return pnum, at[:m], codes[:m]


def post(seg, brk, numbers, length, pnum, word_fold, fields: int, field_flags, base: int, marks, names):
    """(lists, documents, values) of the postings of the words, the pairs and the names (lt_post);
    pnum: per token, the number of the pair it starts (negative: none).
    marks: per kind, (mark, slot) arrays as long as its vocabulary at least; names: None, or
    (name_start, pair_hash, up, joined Table or None, word_single (per word number: the name of
    one token it is, or -1; None: no such names), term_docs, term_numbers, term_flag, checked and
    word_fault (NameMatcher's: a province's name only where its tokens fit))."""
    n = len(seg)
    nterms = len(names[6]) if names is not None else 0
    out, kinds = [], []
    for kind, (size, (mark, slot)) in enumerate(zip((n, n, n + nterms), marks)):
        arrays = _arrays(f"post{kind}", size, (np.int64, np.int64, np.uint8))
        out.append(arrays)
        kinds.append(_Postings(*(a.ctypes.data for a in (*arrays, mark, slot)), 0))
    found = None
    if names is not None:  # (the caller keeps its arrays alive)
        start, pair_hash, up, joined, word_single, term_docs, term_numbers, term_flag, checked, fault = names
        found = _Names(start.ctypes.data, pair_hash.ctypes.data, up.ctypes.data, len(up),
                       joined.keys.ctypes.data if joined is not None else None,
                       joined.numbers.ctypes.data if joined is not None else None,
                       joined.bits if joined is not None else 0, joined.SPREAD if joined is not None else 0,
                       word_single.ctypes.data if word_single is not None else None, term_docs.ctypes.data,
                       term_numbers.ctypes.data, nterms, term_flag, checked.ctypes.data, len(checked),
                       fault.ctypes.data)
    sizes = np.zeros(3, np.int64)
    LIB.lt_post(seg, np.ascontiguousarray(brk, np.uint8), numbers, length, n, pnum, word_fold, fields, field_flags, base,
                ctypes.byref(found) if found is not None else None, *(ctypes.byref(k) for k in kinds), sizes)
    return [tuple(a[:k] for a in arrays) for arrays, k in zip(out, sizes.tolist())]


_ROWS = (np.dtype(np.uint16), np.dtype(np.uint32))
_DOCS = (np.dtype(np.uint8), np.dtype(np.uint16), np.dtype(np.uint32))
MERGE_DOCS = 1 << 24  # lt_merge packs a document's id in 24 bits, beside its value


def merge(sources: list[tuple], nlists: int, ndocs: int):
    """(encoded lists, documents per list) of sources (table rows, documents, values, rows -> list
    numbers, documents -> ids or -1), at most one posting per list and document."""
    kept = []  # the arrays as the kernel reads them, alive until it returns
    for rows, docs, values, to, ids in sources:  # a part's narrow rows and documents as they are
        kept.append((rows if rows.dtype in _ROWS and rows.flags.c_contiguous else np.ascontiguousarray(rows, np.uint32),
                     docs if docs.dtype in _DOCS and docs.flags.c_contiguous else np.ascontiguousarray(docs, np.uint32),
                     np.ascontiguousarray(values, dtype=np.uint8), np.ascontiguousarray(to, dtype=np.int32),
                     np.ascontiguousarray(ids, dtype=np.int32)))
    address = lambda k: _pointers([a[k] for a in kept])  # noqa: E731
    width = lambda k: np.array([a[k].dtype.itemsize for a in kept], dtype=np.uint8)  # noqa: E731
    counts = np.array([len(a[0]) for a in kept], dtype=np.int64)
    n = int(counts.sum())
    cap = 6 * n + 24 * nlists + 16
    out = np.empty(cap, np.uint8)
    offsets, sizes = np.empty(nlists + 1, np.int64), np.empty(nlists, np.int64)
    got = LIB.lt_merge(len(kept), address(0), width(0), address(1), width(1), address(2), counts, address(3),
                       address(4), nlists, ndocs, out, cap, offsets, sizes)
    if got < 0:
        raise MemoryError(f"lt_merge ({got})")
    data = out[:got].tobytes()
    bounds = offsets.tolist()
    return [data[bounds[j]:bounds[j + 1]] for j in range(nlists)], sizes


def rows(kinds: list[tuple], row: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The first step of Maker._part (twins.part_rows' twin): kinds, per kind its postings
    (lists by vocabulary number, documents, values); row, per kind, -1 for every number of its
    vocabulary (marked here, put back by narrow). Returns distinct (the vocabulary number of each
    row of the part's table, in the order first met, kinds one after the other) and ends (the
    rows of kinds 0 to k)."""
    counts = np.array([len(k[0]) for k in kinds], dtype=np.int64)
    distinct, ends = np.empty(max(int(counts.sum()), 1), np.int64), np.empty(len(kinds), np.int64)
    LIB.lt_rows(len(kinds), _pointers([k[0] for k in kinds]), counts, _pointers(row), distinct, ends)
    return distinct[:int(ends[-1])], ends


def narrow(kinds: list[tuple], row: list[np.ndarray], distinct: np.ndarray, ends: np.ndarray, row_type,
           doc_type) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The second step: the postings of every kind, one after the other, as (rows, documents,
    values), rows and documents of these types; row back to -1."""
    counts = np.array([len(k[0]) for k in kinds], dtype=np.int64)
    n = int(counts.sum())
    out = np.empty(n, row_type), np.empty(n, doc_type), np.empty(n, np.uint8)
    LIB.lt_narrow(len(kinds), _pointers([k[0] for k in kinds]), _pointers([k[1] for k in kinds]),
                  _pointers([k[2] for k in kinds]), counts, _pointers(row), distinct, ends, out[0].ctypes.data,
                  out[0].itemsize, out[1].ctypes.data, out[1].itemsize, out[2])
    return out


def _pointers(arrays: list[np.ndarray]) -> np.ndarray:
    """The addresses of arrays the caller keeps alive (C-contiguous, of the types the kernel reads)."""
    return np.array([a.ctypes.data for a in arrays], dtype=np.uintp)


def number_pending(numbers: np.ndarray, numbered: np.ndarray, step: int) -> None:
    """twins.number_pending's twin, in place."""
    LIB.lt_number_pending(numbers, len(numbers), np.ascontiguousarray(numbered, dtype=np.int64), step)
