"""The numpy twins of the compiled kernels (kernels.py), and the array steps they share.

Where _kernels.c was not built, maker.Maker runs these; tests hold each kernel to its twin.
"""
from __future__ import annotations

import numpy as np

from . import kernels
from .entries import FIELD_FLAGS, FIELDS, LEAD, MAX_TF, TERM, TITLE
from .text import EDGE

_U64 = np.uint64
DENSE_BINS = 1 << 22         # (lists x documents) counted with a bincount up to this; sorted beyond


def part_rows(kinds: list[tuple], row: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """kernels.rows' twin: the vocabulary number of each row of a part's table (the lists its
    postings meet, each kind in the order first met, kinds one after the other), and the rows of
    kinds 0 to k; marks each one's row in row (put back to -1 by narrow)."""
    distinct, ends, base = [], [], 0
    for (lists, _, _), marks in zip(kinds, row):
        met, first = np.unique(lists, return_index=True)
        met = met[np.argsort(first)]
        marks[met] = np.arange(base, base + len(met))
        distinct.append(met)
        base += len(met)
        ends.append(base)
    return np.concatenate(distinct), np.array(ends, dtype=np.int64)


def narrow(kinds: list[tuple], row: list[np.ndarray], distinct: np.ndarray, ends: np.ndarray, row_type,
            doc_type) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """kernels.narrow's twin: the postings as (rows, documents, values) of these types; row back to -1."""
    out = (np.concatenate([marks[lists] for (lists, _, _), marks in zip(kinds, row)]).astype(row_type),
           np.concatenate([k[1] for k in kinds]).astype(doc_type), np.concatenate([k[2] for k in kinds]))
    for marks, first, end in zip(row, (0, *ends[:-1].tolist()), ends.tolist()):
        marks[distinct[first:end]] = -1
    return out


def number_pending(numbers: np.ndarray, numbered: np.ndarray, step: int) -> None:
    """numbers' entries -step - j (the kernels' batch-own number of a new word or pair) replaced
    by numbered[j], its number in the vocabulary."""
    if kernels.LIB is not None:
        kernels.number_pending(numbers, numbered, step)
        return
    pending = np.flatnonzero(numbers <= -step)
    numbers[pending] = numbered[-step - numbers[pending]]


def texts_at(texts: list[str], units: np.ndarray) -> set[int]:
    """Which of the texts joined as Maker.tokens joins them (a separator before each) hold these
    code units (positions in UTF-16 units: a surrogate pair counts two)."""
    bounds = np.cumsum([1] + [len(t.encode("utf-16-le")) // 2 + 1 for t in texts])
    return set((np.searchsorted(bounds, units, side="right") - 1).tolist())


def posting_values(counts: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """The value bytes of postings: min(count, MAX_TF) << 3 | field flags (as reference_entry)."""
    return (np.minimum(counts, MAX_TF) << 3).astype(np.uint8) | flags


def glue(seg: np.ndarray, brk: np.ndarray, numbers: np.ndarray, word_fold: np.ndarray, word_folded: np.ndarray):
    """Per token: its document, field flag and folded word's key hash; per pair of adjacent tokens
    of one text and block: the first one's place, the code of their folded words' numbers, its
    document and flag (with the kernels: kernels.pairs)."""
    doc_of, flags = seg // FIELDS, FIELD_FLAGS[seg % FIELDS]
    same = np.flatnonzero((seg[1:] == seg[:-1]) & (brk[1:] & EDGE == 0))
    folded = word_folded[numbers].astype(_U64)
    return (doc_of, flags, word_fold[numbers], same, folded[same] << _U64(32) | folded[same + 1], doc_of[same],
            flags[same])


def seg_bounds(lengths: list[int]) -> np.ndarray:
    """Where each text of a batch starts, and where the batch ends (one separator before each)."""
    return np.cumsum([1] + [k + 1 for k in lengths])


def pair_prefix(left: np.ndarray, right: np.ndarray, length: np.ndarray) -> np.ndarray:
    """text.prefix_code of "a b" from the order keys of words a and b (their prefix codes in the
    low 48 bits) and the folded length of a: its first three units, then a space, then b's."""
    low = np.int64((1 << 48) - 1)
    a, b = left & low, right & low
    two = (a & ~np.int64(0xFFFF)) | 32                       # a is two units long
    one = (a & ~np.int64(0xFFFFFFFF)) | 32 << 16 | b >> 32   # … one unit
    return np.where(length >= 3, a, np.where(length == 2, two, one))


def mix_array(h: np.ndarray) -> np.ndarray:
    """text.mix over an array."""
    h = (h ^ (h >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> _U64(27))) * _U64(0x94D049BB133111EB)
    return h ^ (h >> _U64(31))


def count_postings(numbers: np.ndarray, docs: np.ndarray, flags: np.ndarray, weights, n: int, size: int):
    """Postings of occurrences (list number, document, field flag, weight 1 unless given): one
    per (list, document), with the weights summed and the flags or'ed, sorted (with the
    kernels: kernels.post)."""
    if not len(numbers):
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.uint8)
    if size * n <= DENSE_BINS:  # every list the process knows has its bins: no renumbering
        distinct, code, bins = None, numbers * n + docs, size * n
    else:
        present = np.zeros(size, dtype=bool)
        present[numbers] = True
        distinct = np.flatnonzero(present)
        local = np.zeros(size, dtype=np.int64)
        local[distinct] = np.arange(len(distinct))
        code = local[numbers] * n + docs
        bins = len(distinct) * n
    flagged = np.flatnonzero(flags)
    if bins <= DENSE_BINS:
        counts = np.bincount(code, weights=weights, minlength=bins)
        seen = counts > 0 if weights is None else np.bincount(code, minlength=bins) > 0
        at = np.flatnonzero(seen)
        flag = np.zeros(bins, dtype=np.uint8)
        for bit in (TITLE, LEAD, TERM):
            chosen = flagged[flags[flagged] & bit != 0]
            if len(chosen):
                flag[code[chosen]] |= bit
        counts, flag = counts[at].astype(np.int64), flag[at]
    else:
        order = np.argsort(code, kind="stable")
        ordered = code[order]
        first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        at = ordered[first]
        counts = np.add.reduceat(np.ones(len(code), np.int64) if weights is None else weights[order], first)
        flag = np.bitwise_or.reduceat(flags[order], first)
    lists = at // n
    return (lists if distinct is None else distinct[lists]), at % n, counts, flag
