"""The compiled kernels (_kernels.c) through ctypes, or None where they were not compiled.

``pip install`` compiles _kernels.c when a C compiler is at hand (setup.py: an
optional extension); without one the index is made by the numpy routines of
entries.py alone, with the same result, more slowly. A module compiled from
another version of _kernels.c (a checkout updated without installing again) is
left unused the same way. LAMTHEOBAC_NO_KERNELS=1 leaves them out (for tests and
benchmarks of the numpy way).
"""
from __future__ import annotations

import ctypes
import hashlib
import os
from pathlib import Path

import numpy as np

_I64 = np.ctypeslib.ndpointer(np.int64, flags="C_CONTIGUOUS")
_I32 = np.ctypeslib.ndpointer(np.int32, flags="C_CONTIGUOUS")
_U64 = np.ctypeslib.ndpointer(np.uint64, flags="C_CONTIGUOUS")
_U8 = np.ctypeslib.ndpointer(np.uint8, flags="C_CONTIGUOUS")


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
    lib.lt_merge.argtypes = [i64, pointers, pointers, pointers, _I64, pointers, pointers, i64, i64, _U8, i64, _I64,
                             _I64]
    lib.lt_names.restype = i64
    lib.lt_names.argtypes = [_I64, _U64, _I64, i64, _I64, _U64, i64, _U64, i64, _U64, _I64, ctypes.c_int, u64, i64,
                             _U64, _I64, i64, _I64, _I64]
    lib.lt_count.restype = i64
    lib.lt_count.argtypes = [_I64, _I64, _U8, ctypes.c_void_p, i64, i64, i64, _I64, _I64, _I64, _U8]
    lib.lt_first.restype = i64
    lib.lt_first.argtypes = [_U64, i64, u64, _I64]
    lib.lt_glue.restype = i64
    lib.lt_glue.argtypes = [_I64, _I64, i64, _U64, _I64, i64, _U8, _I64, _U8, _U64, _I64, _U64, _I64, _U8]
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
    """(text, start, length, spelling, folded key hash, prefix code, word number or -1) of every
    token of the texts (every `fields`-th one sanitised HTML), read where Python keeps them, and
    the positions of the texts left to Python (entries.Maker._scanned); table: the words' _Table."""
    total = sum(map(len, texts)) + len(texts) + 1
    room = total // 3 + 64  # ~4.5 units a token in Vietnamese text: rarely too few
    while True:
        out = [np.empty(room, np.int64) for _ in range(3)] + [np.empty(room, np.uint64) for _ in range(2)] + [
            np.empty(room, np.int64) for _ in range(2)]
        flagged = np.zeros(len(texts), np.uint8)
        got = _MODULE.scan(texts, fields, chars, p, tone_step, table.keys, table.numbers, table.bits, table.SPREAD,
                           *out, flagged)
        if got >= 0:
            return tuple(a[:got] for a in out), np.flatnonzero(flagged)
        room = total // 2 + 1  # a token and a separator take two units at least


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


def glue(seg: np.ndarray, numbers: np.ndarray, word_fold: np.ndarray, word_folded: np.ndarray, fields: int,
         field_flags: np.ndarray):
    """(document, flag, folded key hash) per token; (place, code, document, flag) per pair."""
    seg, numbers = np.ascontiguousarray(seg, np.int64), np.ascontiguousarray(numbers, np.int64)
    n = len(seg)
    doc, flag, fold = np.empty(n, np.int64), np.empty(n, np.uint8), np.empty(n, np.uint64)
    same, codes, pair_doc, pair_flag = np.empty(n, np.int64), np.empty(n, np.uint64), np.empty(n, np.int64), \
        np.empty(n, np.uint8)
    m = LIB.lt_glue(seg, numbers, n, word_fold, word_folded, fields, field_flags, doc, flag, fold, same, codes,
                    pair_doc, pair_flag)
    return doc, flag, fold, same[:m], codes[:m], pair_doc[:m], pair_flag[:m]


def names(seg, fold, length, cand, cand_hash, up, joined, longest: int, singles, single_numbers):
    """(text, name number) of the names in the tokens (_NameMatcher.find); joined: its _Table."""
    seg, length = np.ascontiguousarray(seg, np.int64), np.ascontiguousarray(length, np.int64)
    fold, up = np.ascontiguousarray(fold, np.uint64), np.ascontiguousarray(up, np.uint64)
    cand, cand_hash = np.ascontiguousarray(cand, np.int64), np.ascontiguousarray(cand_hash, np.uint64)
    out_seg, out_number = np.empty(len(seg), np.int64), np.empty(len(seg), np.int64)
    found = LIB.lt_names(seg, fold, length, len(seg), cand, cand_hash, len(cand), up, len(up), joined.keys,
                         joined.numbers, joined.bits, joined.SPREAD, longest, singles, single_numbers, len(singles),
                         out_seg, out_number)
    return out_seg[:found], out_number[:found]


def count(lists: np.ndarray, docs: np.ndarray, flags: np.ndarray, weights, n: int, size: int):
    """(lists, documents, counts, flags) of the postings, by document (then by where each list
    first occurs in it), not by list as entries._count's numpy way."""
    lists = np.ascontiguousarray(lists, dtype=np.int64)
    docs = np.ascontiguousarray(docs, dtype=np.int64)
    flags = np.ascontiguousarray(flags, dtype=np.uint8)
    if weights is not None:
        weights = np.ascontiguousarray(weights, dtype=np.int64)
    m = len(lists)
    out = np.empty(m, np.int64), np.empty(m, np.int64), np.empty(m, np.int64), np.empty(m, np.uint8)
    got = LIB.lt_count(lists, docs, flags, None if weights is None else weights.ctypes.data, m, n, size, *out)
    if got < 0:
        raise MemoryError("lt_count")
    return tuple(a[:got] for a in out)


def merge(sources: list[tuple], nlists: int, ndocs: int):
    """(encoded lists, documents per list) of sources (table rows, documents, values, rows -> list
    numbers, documents -> ids or -1), at most one posting per list and document."""
    kept = []  # the arrays as the kernel reads them, alive until it returns
    for rows, docs, values, to, ids in sources:
        kept.append((np.ascontiguousarray(rows, dtype=np.uint32), np.ascontiguousarray(docs, dtype=np.uint32),
                     np.ascontiguousarray(values, dtype=np.uint8), np.ascontiguousarray(to, dtype=np.int32),
                     np.ascontiguousarray(ids, dtype=np.int32)))
    address = lambda k: np.array([a[k].ctypes.data for a in kept], dtype=np.uintp)  # noqa: E731
    counts = np.array([len(a[0]) for a in kept], dtype=np.int64)
    n = int(counts.sum())
    cap = 6 * n + 24 * nlists + 16
    out = np.empty(cap, np.uint8)
    offsets, sizes = np.empty(nlists + 1, np.int64), np.empty(nlists, np.int64)
    got = LIB.lt_merge(len(kept), address(0), address(1), address(2), counts, address(3), address(4), nlists,
                       ndocs, out, cap, offsets, sizes)
    if got < 0:
        raise MemoryError(f"lt_merge ({got})")
    data = out[:got].tobytes()
    bounds = offsets.tolist()
    return [data[bounds[j]:bounds[j + 1]] for j in range(nlists)], sizes
