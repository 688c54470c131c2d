"""Entries of many articles at once: what ``index_entry`` makes, with the bodies' bulk vectorised.

``index_entry`` (index.py) defines an entry: an article's keys and their value
bytes. Made one by one, the body's ~1,300 tokens cost ~0.8 ms of dict and
Counter work per article. Here each whitespace piece of text is looked up once
in a per-process table of what it stands for (its tokens as numbers; the
inventory of pieces is small), and numpy counts the tokens, pairs them and finds
the names in the bodies, titles and leads of a whole batch of articles at once.
tests/test_search.py checks that both ways give the same entries.

Key numbers here are the process's own (``Tables.keys``): the caller maps them
to the build's vocabulary.
"""
from __future__ import annotations

from array import array
from collections import Counter

import numpy

from ..content import Article
from .index import (BODY_PAIRS, LEAD, MAX_TF, SEP, TERM, TITLE, Names, Vocabulary, _TOKEN, doc_record, lead_text,
                    term_keys)
from .text import fold, html_to_text, prepare, tone_key

BATCH = 100  # articles per batch: larger ones only make the arrays (and the sorts) bigger
_TABLES: "Tables | None" = None


def tables() -> "Tables":
    """This process's tables (forked workers inherit the parent's and grow their own copy)."""
    global _TABLES
    if _TABLES is None:
        _TABLES = Tables()
    return _TABLES


class _PieceIds(dict):
    """Whitespace-free piece of text -> its number; a new piece's tokens go into the tables."""

    def __init__(self, tables: "Tables"):
        super().__init__()
        self.tables = tables

    def __missing__(self, piece: str) -> int:
        t = self.tables
        tokens = _TOKEN.findall(piece)
        folded = [fold(token) for token in tokens]
        n = self[piece] = len(t.count)
        t.start.append(len(t.full))
        t.count.append(len(tokens))
        t.full.extend(t.keys[f + SEP + tone_key(token)] for f, token in zip(folded, tokens))
        t.fold.extend(t.folds[f] for f in folded)
        return n


class Tables:
    """Per process: keys and folded tokens as numbers, and every piece of text seen as its tokens."""

    def __init__(self):
        self.keys = Vocabulary()    # "bac\x1fbac4", "lam theo", "~p:lao-cai" -> number
        self.folds = Vocabulary()   # folded token "bac" -> number
        self.pieces = _PieceIds(self)
        self.start, self.count = array("I"), array("I")  # per piece: where its tokens start, how many
        self.full, self.fold = array("I"), array("I")    # per token of a piece: key number, folded number
        self.pairs: dict[int, int] = {}                  # (folded << 32 | folded) -> bigram key number
        self._names: dict[str, _NameTable] = {}

    def pair_keys(self, codes: list[int]) -> list[int]:
        pairs, folds, keys = self.pairs, self.folds.keys, self.keys
        out = []
        for code in codes:
            kid = pairs.get(code)
            if kid is None:
                kid = pairs[code] = keys[folds[code >> 32] + " " + folds[code & 0xFFFFFFFF]]
            out.append(kid)
        return out

    def names(self, names: Names) -> "_NameTable":
        table = self._names.get(names.fingerprint)
        if table is None:
            table = self._names[names.fingerprint] = _NameTable(names, self)
        return table


class _NameTable:
    """Names.sequences as folded numbers, by how they start: a name of one token by that token,
    a longer one by its first two (which few places in a text have)."""

    def __init__(self, names: Names, tables: Tables):
        self.sequences = {tuple(tables.folds[t] for t in seq): tables.keys[key]
                          for seq, key in names.sequences.items()}
        self.by_pair: dict[int, list[int]] = {}   # first two tokens -> lengths of the names, longest first
        self.singles: set[int] = set()
        for seq in self.sequences:
            if len(seq) == 1:
                self.singles.add(seq[0])
            else:
                self.by_pair.setdefault(seq[0] << 32 | seq[1], []).append(len(seq))
        for lengths in self.by_pair.values():
            lengths.sort(reverse=True)
        self.pair_array = numpy.array(sorted(self.by_pair), dtype=numpy.uint64)
        self.single_array = numpy.array(sorted(self.singles), dtype=numpy.uint64)
        # Folded number -> whether a name starts with it (the last entry, False, stands for all
        # numbers above: tokens first seen after the names were numbered start none).
        self.first = numpy.zeros(max((s[0] for s in self.sequences), default=0) + 2, dtype=bool)
        self.first[[s[0] for s in self.sequences]] = True

    def find(self, folded: numpy.ndarray, doc: numpy.ndarray, ends: list[int]) -> list[tuple[int, int]]:
        """(document, name key number) per occurrence: leftmost, longest first, no overlap, within
        one document; the same walk as Names.find over each document's tokens."""
        at = numpy.flatnonzero(numpy.take(self.first, folded, mode="clip"))  # tokens a name may start with
        if not len(at):
            return []
        paired = numpy.zeros(len(at), dtype=bool)
        inside = at + 1 < len(folded)
        if self.by_pair and inside.any():
            near = at[inside]
            paired[inside] = (_member(folded[near] << numpy.uint64(32) | folded[near + 1], self.pair_array)
                              & (doc[near] == doc[near + 1]))
        keep = paired | _member(folded[at], self.single_array)
        at, paired = at[keep], paired[keep]
        if not len(at):
            return []
        tokens = folded.tolist()
        sequences, by_pair, singles = self.sequences, self.by_pair, self.singles
        found: list[tuple[int, int]] = []
        free, current = 0, -1
        for i, d, by_two in zip(at.tolist(), doc[at].tolist(), paired.tolist()):
            if d != current:
                current, free = d, 0
            if i < free:
                continue
            if by_two:
                end_of_doc = ends[d]
                for length in by_pair[tokens[i] << 32 | tokens[i + 1]]:
                    if i + length <= end_of_doc:
                        key = sequences.get(tuple(tokens[i:i + length]))
                        if key is not None:
                            found.append((d, key))
                            free = i + length
                            break
                else:
                    by_two = False
            if not by_two and tokens[i] in singles:
                found.append((d, sequences[(tokens[i],)]))
                free = i + 1
        return found


def _member(values: numpy.ndarray, sorted_set: numpy.ndarray) -> numpy.ndarray:
    """values in the (small, sorted) set: a binary search each (numpy.isin sorts both)."""
    if not len(sorted_set):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[at] == values


def field_rows(texts: list[str], names: Names | None, tables: Tables,
               pairs: list[int]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """(text, key number, count) of every distinct key of each text: exact spellings with their
    counts, bigrams of its first pairs[text] tokens (count 1) and names (counts)."""
    ids = array("I")
    lengths = []
    pieces = tables.pieces
    for text in texts:
        before = len(ids)
        ids.extend(map(pieces.__getitem__, prepare(text).split()))
        lengths.append(len(ids) - before)
    piece = numpy.frombuffer(ids, dtype=numpy.uint32)
    per_piece = numpy.frombuffer(tables.count, dtype=numpy.uint32)[piece].astype(numpy.int64)
    total = int(per_piece.sum())
    # every token of every piece, in text order: where it sits in tables.full / tables.fold
    first = numpy.cumsum(per_piece) - per_piece
    token = (numpy.repeat(numpy.frombuffer(tables.start, dtype=numpy.uint32)[piece].astype(numpy.int64) - first,
                          per_piece) + numpy.arange(total))
    doc = numpy.repeat(numpy.repeat(numpy.arange(len(texts), dtype=numpy.uint64), lengths), per_piece)
    full = numpy.frombuffer(tables.full, dtype=numpy.uint32)[token].astype(numpy.uint64)
    folded = numpy.frombuffer(tables.fold, dtype=numpy.uint32)[token].astype(numpy.uint64)
    per_doc = numpy.bincount(doc.astype(numpy.int64), minlength=len(texts))
    ends = numpy.cumsum(per_doc)
    # exact spellings: distinct (text, key) and their counts
    spelled, counts = numpy.unique(doc << numpy.uint64(32) | full, return_counts=True)
    rows_doc, rows_key, rows_count = [spelled >> numpy.uint64(32)], [spelled & numpy.uint64(0xFFFFFFFF)], [counts]
    # bigrams: adjacent tokens of one text among its first pairs[text]
    if total > 1:
        left = doc[:-1].astype(numpy.int64)
        position = numpy.arange(total - 1) - (ends - per_doc)[left]
        keep = (position < numpy.array(pairs, dtype=numpy.int64)[left] - 1) & (doc[:-1] == doc[1:])
        codes = folded[:-1][keep] << numpy.uint64(32) | folded[1:][keep]
        distinct, inverse = numpy.unique(codes, return_inverse=True)
        pair_key = numpy.array(tables.pair_keys(distinct.tolist()), dtype=numpy.uint64)
        both = numpy.unique(doc[:-1][keep] << numpy.uint64(32) | pair_key[inverse])
        rows_doc.append(both >> numpy.uint64(32))
        rows_key.append(both & numpy.uint64(0xFFFFFFFF))
        rows_count.append(numpy.ones(len(both), dtype=numpy.int64))
    if names is not None and names.sequences:
        found = Counter(tables.names(names).find(folded, doc, ends.tolist()))
        if found:
            rows_doc.append(numpy.array([d for d, _ in found], dtype=numpy.uint64))
            rows_key.append(numpy.array([k for _, k in found], dtype=numpy.uint64))
            rows_count.append(numpy.array(list(found.values()), dtype=numpy.int64))
    return (numpy.concatenate(rows_doc), numpy.concatenate(rows_key),
            numpy.concatenate(rows_count).astype(numpy.int64))


_FIELD_FLAGS = numpy.array([0, TITLE, LEAD], dtype=numpy.uint8)  # body, title, lead


def entries(articles: list[Article], tags: list[tuple], names: Names | None, urls: list[str],
            tables: Tables) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, list[bytes]]:
    """Entries of the articles as (document, key number, value byte) rows sorted by document,
    and each document's record: the same keys and values as index_entry gives each one."""
    n = len(articles)
    bodies = [html_to_text(a.body) for a in articles]
    texts = [*bodies, *(a.title for a in articles), *(lead_text(a, t) for a, t in zip(articles, tags))]
    unlimited = 1 << 40  # titles and leads: pairs of all their tokens
    field, key, count = field_rows(texts, names, tables, [BODY_PAIRS] * n + [unlimited] * (2 * n))
    doc = field % numpy.uint64(max(n, 1))
    flags = _FIELD_FLAGS[(field // numpy.uint64(max(n, 1))).astype(numpy.int64)]
    terms = [(d, tables.keys[k]) for d, article in enumerate(articles) for k in term_keys(article)]
    if terms:  # front-matter provinces and directives: flagged, counting nothing themselves
        doc = numpy.concatenate((doc, numpy.array([d for d, _ in terms], dtype=numpy.uint64)))
        key = numpy.concatenate((key, numpy.array([k for _, k in terms], dtype=numpy.uint64)))
        count = numpy.concatenate((count, numpy.zeros(len(terms), dtype=numpy.int64)))
        flags = numpy.concatenate((flags, numpy.full(len(terms), TERM, dtype=numpy.uint8)))
    # one row per (document, key): counts of all fields summed, their flags combined
    code = doc << numpy.uint64(32) | key
    order = numpy.argsort(code, kind="stable")
    code = code[order]
    starts = numpy.flatnonzero(numpy.concatenate(([True], code[1:] != code[:-1])))
    total = numpy.add.reduceat(count[order], starts)
    flag = numpy.bitwise_or.reduceat(flags[order], starts)
    value = (numpy.minimum(total, MAX_TF) << 3).astype(numpy.uint8) | flag
    distinct = code[starts]
    records = [doc_record(article, text, url) for article, text, url in zip(articles, bodies, urls)]
    return distinct >> numpy.uint64(32), distinct & numpy.uint64(0xFFFFFFFF), value, records
