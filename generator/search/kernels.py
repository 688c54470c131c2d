"""The compiled kernels (_kernels.c) through ctypes, or None where they were not compiled.

``pip install`` compiles _kernels.c when a C compiler is at hand (setup.py: an
optional extension); without one the index is made by the numpy routines of
entries.py alone, with the same result, more slowly. LAMTHEOBAC_NO_KERNELS=1
leaves them out (for tests and benchmarks of the numpy way).
"""
from __future__ import annotations

import ctypes
import os

import numpy as np

_I64 = np.ctypeslib.ndpointer(np.int64, flags="C_CONTIGUOUS")
_U64 = np.ctypeslib.ndpointer(np.uint64, flags="C_CONTIGUOUS")
_U16 = np.ctypeslib.ndpointer(np.uint16, flags="C_CONTIGUOUS")
_U8 = np.ctypeslib.ndpointer(np.uint8, flags="C_CONTIGUOUS")


def _load():
    if os.environ.get("LAMTHEOBAC_NO_KERNELS") == "1":
        return None
    try:
        from . import _kernels
    except ImportError:
        return None
    lib = ctypes.CDLL(_kernels.__file__)
    i64, u64 = ctypes.c_int64, ctypes.c_uint64
    lib.lt_tokenize.restype = i64
    lib.lt_tokenize.argtypes = [_U16, i64, _U64, _I64, i64, u64, u64, _I64, _I64, _I64, _U64, _U64, _I64]
    lib.lt_table_get.restype = None
    lib.lt_table_get.argtypes = [_U64, _I64, ctypes.c_int, u64, _U64, i64, _I64]
    lib.lt_table_put.restype = None
    lib.lt_table_put.argtypes = [_U64, _I64, ctypes.c_int, u64, _U64, _I64, i64]
    lib.lt_count.restype = i64
    lib.lt_count.argtypes = [_I64, _I64, _U8, ctypes.c_void_p, i64, i64, i64, _I64, _I64, _I64, _U8]
    return lib


LIB = _load()


def tokenize(code: np.ndarray, table: np.ndarray, bounds: np.ndarray, p: int, tone_step: int):
    """(text, start, length, spelling, folded key hash, prefix code) of every token, or None when
    a unit is a flag."""
    n = len(code)
    most = n // 2 + 1
    seg, start, length, prefix = (np.empty(most, np.int64) for _ in range(4))
    spelling, fold_hash = np.empty(most, np.uint64), np.empty(most, np.uint64)
    count = LIB.lt_tokenize(code, n, table, bounds, len(bounds), p, tone_step, seg, start, length, spelling,
                            fold_hash, prefix)
    if count < 0:
        return None
    return seg[:count], start[:count], length[:count], spelling[:count], fold_hash[:count], prefix[:count]


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


def count(lists: np.ndarray, docs: np.ndarray, flags: np.ndarray, weights, n: int, size: int):
    """(lists, documents, counts, flags) of the postings, sorted by (list, document)."""
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
