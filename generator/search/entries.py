"""What the index holds of each article, made for many articles at once.

``reference_entry`` (pure Python, one article) defines an entry; ``Maker.part``
makes the same postings for a batch of articles with numpy and no Python object
per token, which is what a cold build of 10,000 articles can afford; its hot
steps run as compiled kernels where _kernels.c was built (kernels.py), each with
its numpy twin here. Tests hold all of them to the same postings.

An entry is a set of postings, each a list (a key) and a value byte:

* every token of the title, the lead (summary, sapo, tag names, author) and the
  whole body, under its exact spelling (``word_spelling``) within its folded key
  ("bac" holds Bác, bạc, Bắc …): value (min(count, 15) << 3) | field flags;
* every pair of adjacent tokens of one field, under the folded pair ("lam theo"),
  anywhere in the body (phrases are found anywhere): value = field flags;
* every province and directive named in the text by any spelling, or in the front
  matter (flag TERM), under its name key ("~p:dak-nong"): value as for tokens.

Keys are 64-bit hashes of their folded strings (text.key_hash); a list is
(kind and prefix, mix(hash), spelling), its place in the index (format.py). A
part (``Part``) holds the postings of a batch of articles, one per list and
document, with a table of the lists they belong to; the build's read workers
make parts of what they read (search.read_part), and assemble.merge puts the
parts together. The batch is tokenised on its UTF-16 code units: one table
look-up per unit, token edges where letters start and stop, and each token's
spelling hash as a difference of prefix sums of unit * P**position (numpy), or
summed token by token (the scan, which reads the texts where Python keeps them).
"""
from __future__ import annotations

import ctypes
import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Sequence

import numpy as np

from ..vietnamese import estimated_month, format_date
from . import kernels
from .names import Names
from .text import (BREAK, MASK, P, TONE_STEP, _TOKEN, fold, html_blocks, key_hash, mix, prefix_code, prepare,
                   tone_key, tone_parts, units)

TITLE, LEAD, TERM = 1, 2, 4  # field flags in a posting's value byte
MAX_TF = 15
WORD, PAIR = 0, 1            # kinds of list: tokens and names, adjacent pairs
FIELDS = 3                   # body, title, lead: the texts of a document, in this order
_FIELD_FLAGS = np.array([0, TITLE, LEAD], dtype=np.uint8)
_SEP = "\x00"                # between texts of a batch: no token character
_TOKEN_CHAR = re.compile(r"[^\W_]")
_PREPARE, _UNKNOWN, _SPECIAL = 0xFFFD, 0xFFFE, 0xFFFF
_U64 = np.uint64
CHUNK = 48                   # texts tokenised at once (16 documents): their arrays stay in the CPU's cache
DENSE_BINS = 1 << 22         # (lists x documents) counted with a bincount up to this; sorted beyond


@dataclass(frozen=True)
class Doc:
    """One article as the index sees it (its body as sanitised HTML)."""
    body: str
    title: str
    lead: str
    terms: tuple[str, ...]  # name keys of its front matter provinces and directives
    record: bytes | None    # what a result shows (doc_record); None: made by search_files from the article
    order: tuple            # (timestamp, slug): the site lists articles by it, newest first
    key: str = ""           # what the search cache knows it by


def lead_text(summary: str, sapo: str, tags: Sequence[str], author: str) -> str:
    """The lead field: summary, sapo, tag names and author."""
    return " ".join(p for p in (summary, sapo, " ".join(tags), author) if p)


def term_keys(article) -> tuple[str, ...]:
    """The article's provinces and directives (front matter) as name keys."""
    return (*("~p:" + p.slug for p in article.provinces), *("~d:" + d.slug for d in article.directives))


# What json.dumps(ensure_ascii=False) writes a string as (quotes included): a record is written
# around its strings, faster than through a JSONEncoder (docs/benchmarks.md).
_STRING = json.encoder.encode_basestring


def doc_record(article, url: str) -> bytes:
    """One JSON object of a record group (as json.dumps(..., ensure_ascii=False, separators=(",",
    ":")) writes it): title, URL, date (ISO and as shown: only the month when it is a guess), provinces,
    summary."""
    provinces = ",".join([_STRING(p.name) for p in article.provinces])
    shown = estimated_month(article.date) if article.date_estimated else format_date(article.date)
    return (f'{{"t":{_STRING(article.title)},"u":{_STRING(url)},"d":"{article.date.date().isoformat()}",'
            f'"w":{_STRING(shown)},"p":[{provinces}],"s":{_STRING(article.summary)}}}'
            ).encode("utf-8")


def make_doc(article, url: str, tags: Sequence[str], key: str = "", record: bool = True) -> Doc:
    """The index's view of an article with its body, its site-relative URL and tag names; without
    its record when `record` is False (the read workers leave it to search_files)."""
    return Doc(article.body, article.title, lead_text(article.summary, article.sapo, tags, article.author),
               term_keys(article), doc_record(article, url) if record else None,
               (article.date.timestamp(), article.slug), key)


def oldest_first(docs: Sequence[Doc]) -> list[int]:
    """Positions of the documents in the index's order: the reverse of the site's (newest first,
    then by slug)."""
    return sorted(range(len(docs)), key=lambda i: (-docs[i].order[0], docs[i].order[1]), reverse=True)


# ---- The definition: one article, pure Python ----

@dataclass(frozen=True)
class Posting:
    kind: int
    key: str     # folded key ("bac", "lam theo", "~p:dak-nong")
    tone: str    # exact spelling (tone key) of a token, "" for pairs and names
    value: int


def reference_entry(doc: Doc, names: Names | None) -> list[Posting]:
    """Every posting of one article, in no particular order (the definition the batches follow)."""
    counts: dict[tuple[int, str, str], list[int]] = {}  # (kind, key, tone) -> [count, flags]

    def add(kind: int, key: str, tone: str, count: int, flags: int) -> None:
        slot = counts.setdefault((kind, key, tone), [0, 0])
        slot[0] += count
        slot[1] |= flags

    for text, flag in ((html_blocks(doc.body), 0), (doc.title, TITLE), (doc.lead, LEAD)):
        for block in prepare(text).split(BREAK):  # no pair or name crosses a block's edge
            tokens = _TOKEN.findall(block)
            folded = [fold(t) for t in tokens]
            for token, f in zip(tokens, folded):
                add(WORD, f, tone_key(token), 1, flag)
            for a, b in zip(folded, folded[1:]):
                add(PAIR, a + " " + b, "", 0, flag)
            if names is not None:
                for key in names.find(folded):
                    add(WORD, key, "", 1, flag)
    for key in doc.terms:
        add(WORD, key, "", 0, TERM)
    return [Posting(kind, key, tone, min(n, MAX_TF) << 3 | flags) for (kind, key, tone), (n, flags) in counts.items()]


def list_order(kind: int, key: str, spelling: int) -> tuple[int, int, int]:
    """Where a list sits in the index: (kind and prefix, mix(hash of the folded key), spelling)."""
    return kind << 48 | prefix_code(key), mix(key_hash(key)), spelling


def word_spelling(token: str) -> int:
    """The spelling hash of a token: its shaped letters' key hash plus its tone (text.spelling_hash)."""
    shaped, tone = tone_parts(token)
    return (key_hash(shaped) + tone * TONE_STEP) & MASK


# ---- Batches: numpy ----

class _Chars:
    """Per UTF-16 code unit, packed in 64 bits: the folded unit (0: not a token character), the
    shaped unit << 16 and the tone code << 32 (tone + 8 for a toned letter, else 0); learnt as
    units are met.

    Folded units of _PREPARE, _UNKNOWN and _SPECIAL are flags: a unit a text must be prepared
    for (combining marks, Ð/ð …), a unit not learnt yet, and one the tables can't stand for
    (surrogates, letters that fold or shape to more than one unit, and Σ, whose lowercase
    depends on its place in the word): a text holding one is tokenised by the reference rules.
    """

    # Learnt at once: ASCII, the Latin letters (Vietnamese ones included), combining marks and
    # general punctuation; a first batch of Vietnamese text then goes the kernel's way.
    KNOWN = ((0, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070))

    def __init__(self):
        self.table = np.full(0x10000, _UNKNOWN, dtype=_U64)
        for first, end in self.KNOWN:
            self.learn(np.arange(first, end, dtype=np.uint16))

    def lookup(self, code: np.ndarray) -> np.ndarray:
        return self.table[code]

    def learn(self, codes: np.ndarray) -> None:
        table = self.table
        for c in codes.tolist():
            ch = chr(c)
            if 0xD800 <= c < 0xE000 or c == 0x03A3:
                table[c] = _SPECIAL
            elif c in (0xD0, 0xF0) or unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch):
                table[c] = _PREPARE
            elif not _TOKEN_CHAR.fullmatch(ch):
                table[c] = 0
            else:
                folded, (shaped, tone) = units(fold(ch)), tone_parts(ch)
                shaped_units = units(shaped)
                if len(folded) != 1 or len(shaped_units) != 1 or folded[0] in (0, _PREPARE, _UNKNOWN, _SPECIAL):
                    table[c] = _SPECIAL
                else:
                    table[c] = folded[0] | shaped_units[0] << 16 | (tone + 8 if tone else 0) << 32


class _Powers:
    """P**i and P**-i modulo 2**64 for i up to the longest batch seen."""

    def __init__(self):
        self.up = self.down = np.ones(1, dtype=_U64)

    def ensure(self, n: int) -> None:
        if n <= len(self.up):
            return
        n = max(n, 2 * len(self.up))
        for table, base in (("up", P), ("down", pow(P, -1, 1 << 64))):
            steps = np.full(n, base, dtype=_U64)
            steps[0] = 1
            setattr(self, table, np.cumprod(steps, dtype=_U64))


@dataclass
class Tokens:
    """Every token of a batch of texts, in order."""
    seg: np.ndarray        # which text
    fold: np.ndarray | None  # key_hash of the folded token (None: known from the spelling, see Maker.part)
    spelling: np.ndarray   # word_spelling
    length: np.ndarray     # folded length in UTF-16 units
    start: np.ndarray      # where it starts in `text` (-1: its strings are in `words`; the scan: new words only)
    text: str = ""
    words: dict[int, tuple[str, str]] = field(default_factory=dict)  # spelling -> (folded, tone key)
    heads: tuple | None = None  # from the scan: (key_hash, prefix_code) of each new word's folded token
    texts: list[str] | None = None  # from scan: the texts `text` joins, joined when needed
    brk: np.ndarray | None = None  # per token (uint8): a block's edge before it (no pair or name across)
    _bases: list[int] | None = field(default=None, repr=False)  # where each of the texts starts in `text`

    def edges(self) -> np.ndarray:
        """brk, or none when not given."""
        return self.brk if self.brk is not None else np.zeros(len(self.seg), np.uint8)

    def joined(self) -> str:
        """The text the starts point into (Maker.tokens' join of the texts)."""
        if self.texts is not None and not self.text:
            self.text = _batch_text(self.texts)
        return self.text

    def piece(self, start: int, length: int) -> str:
        """joined()[start:start + length], from the texts themselves when the scan read them (a
        batch's joined text is megabytes: made only for a word or two, it cost more than they)."""
        if self.texts is None or self.text:
            return self.joined()[start:start + length]
        if self._bases is None:
            self._bases = list(accumulate((len(t) + 1 for t in self.texts), initial=1))
        at = bisect_right(self._bases, start) - 1
        return self.texts[at][start - self._bases[at]:start - self._bases[at] + length]


def _batch_text(texts: list[str]) -> str:
    """The texts of a batch as one, a separator before each and one at the end: where token
    starts point (the scan's positions count the same way)."""
    return _SEP + _SEP.join(texts) + _SEP


def _tokens_concat(parts: list[Tokens], step: int = 0) -> Tokens:
    """Tokens of several batches back in text order: with `step`, batch k holds texts
    k*step … (renumbered); without, they are batches of the same texts (sorted back by text)."""
    if len(parts) == 1:
        return parts[0]
    seg = np.concatenate([p.seg + k * step for k, p in enumerate(parts)])
    offsets = np.cumsum([0] + [len(p.joined()) for p in parts[:-1]])
    start = np.concatenate([np.where(p.start >= 0, p.start + off, -1) for p, off in zip(parts, offsets)])
    words = {k: v for p in parts for k, v in p.words.items()}
    arrays = [np.concatenate([getattr(p, name) for p in parts]) for name in ("spelling", "length")]
    brk = np.concatenate([p.edges() for p in parts])
    if step:
        return Tokens(seg, None, *arrays, start, "".join(p.joined() for p in parts), words, brk=brk)
    order = np.argsort(seg, kind="stable")
    return Tokens(seg[order], None, *(a[order] for a in arrays), start[order], "".join(p.joined() for p in parts),
                  words, brk=brk[order])


class _Table:
    """64-bit hash -> number: open addressing, linear probing, looked up for whole arrays at once
    (a binary search over a sorted array costs ~5 times as much per token)."""

    SPREAD = 0xFF51AFD7ED558CCD  # odd: multiplying by it spreads a hash over the top bits

    def __init__(self, bits: int = 12):
        self.bits = bits
        self.keys = np.zeros(1 << bits, dtype=_U64)
        self.numbers = np.full(1 << bits, -1, dtype=np.int64)
        self.count = 0

    def _slots(self, hashes: np.ndarray) -> np.ndarray:
        return ((hashes * _U64(self.SPREAD)) >> _U64(64 - self.bits)).astype(np.int64)

    def get(self, hashes: np.ndarray) -> np.ndarray:
        """Numbers of the hashes, -1 where unknown."""
        if kernels.LIB is not None:
            return kernels.table_get(self.keys, self.numbers, self.bits, self.SPREAD, hashes)
        slots = self._slots(hashes)
        found = self.numbers[slots]
        hit = self.keys[slots] == hashes
        out = np.where(hit, found, -1)
        todo = np.flatnonzero(~hit & (found >= 0))  # the slot holds another key: probe on
        slots = slots[todo]
        mask = (1 << self.bits) - 1
        while len(todo):
            slots = (slots + 1) & mask
            found = self.numbers[slots]
            hit = self.keys[slots] == hashes[todo]
            out[todo[hit]] = found[hit]
            go_on = ~hit & (found >= 0)
            todo, slots = todo[go_on], slots[go_on]
        return out

    def put(self, hashes: np.ndarray, numbers: np.ndarray) -> None:
        """New keys (not in the table) with their numbers."""
        if 2 * (self.count + len(hashes)) > (1 << self.bits):
            old = np.flatnonzero(self.numbers >= 0)
            keys, values = self.keys[old], self.numbers[old]
            bits = self.bits
            while 2 * (self.count + len(hashes)) > (1 << bits):
                bits += 1
            self.__init__(bits)
            self.put(keys, values)
        if kernels.LIB is not None:
            kernels.table_put(self.keys, self.numbers, self.bits, self.SPREAD, hashes, numbers)
            self.count += len(hashes)
            return
        mask = (1 << self.bits) - 1
        table_keys, table_numbers = self.keys, self.numbers
        for h, number, slot in zip(hashes.tolist(), numbers.tolist(), self._slots(hashes).tolist()):
            while table_numbers[slot] >= 0:
                slot = slot + 1 & mask
            table_keys[slot], table_numbers[slot] = h, number
        self.count += len(hashes)


class _Vocab:
    """Lists a process has met, numbered in the order first seen: 64-bit hash -> number, and per
    number its place in the index and its strings."""

    def __init__(self):
        self.table = _Table()
        self.order_key = np.zeros(0, dtype=np.int64)
        self.mixed = np.zeros(0, dtype=_U64)
        self.spelling = np.zeros(0, dtype=_U64)
        self.fold = np.zeros(0, dtype=_U64)  # words: the key hash of each one's folded key
        self.folded = np.zeros(0, dtype=np.int64)  # words: the number of each one's folded key
        self.fold_numbers: dict[int, int] = {}
        self.strings: list[tuple[str, str]] = []
        self.sent = np.zeros(0, dtype=bool)  # per number: its strings went out in a part

    @property
    def count(self) -> int:
        return len(self.strings)

    def folded_number(self, fold_hash: int) -> int:
        """Words: the number of a folded key (several spellings share one)."""
        number = self.fold_numbers.get(fold_hash)
        if number is None:
            number = self.fold_numbers[fold_hash] = len(self.fold_numbers)
        return number

    def numbers(self, hashes: np.ndarray, describe) -> np.ndarray:
        """Numbers of the hashes; unknown ones are added, describe(positions of their first
        occurrences) -> (order keys, mixed hashes, strings) for them."""
        numbers = self.table.get(hashes)
        missing = np.flatnonzero(numbers < 0)
        if not len(missing):
            return numbers
        values = hashes[missing]
        if kernels.LIB is not None:
            where = missing[kernels.first(values, _Table.SPREAD)]
        else:
            order = np.argsort(values, kind="stable")
            first = np.concatenate(([True], values[order][1:] != values[order][:-1]))
            where = np.sort(missing[order[first]])  # first occurrence of each new hash, in text order
        self._add(hashes[where], describe(where))
        numbers[missing] = self.table.get(values)
        return numbers

    def added(self, new: np.ndarray, describe) -> np.ndarray:
        """The numbers of hashes the table lacks, each given once (in the order first met: the
        kernels' new words and pairs); describe as for numbers, with positions in `new`."""
        base = self.count
        self._add(new, describe(np.arange(len(new))))
        return np.arange(base, base + len(new), dtype=np.int64)

    def _add(self, new: np.ndarray, described: tuple) -> None:
        keys, mixed, strings = described[:3]
        spelling = described[3] if len(described) > 3 else new  # pairs are looked up by another number
        base = self.count
        self.table.put(new, np.arange(base, base + len(new), dtype=np.int64))
        self.order_key = np.concatenate((self.order_key, np.asarray(keys, dtype=np.int64)))
        self.mixed = np.concatenate((self.mixed, np.asarray(mixed, dtype=_U64)))
        self.spelling = np.concatenate((self.spelling, np.asarray(spelling, dtype=_U64)))
        self.strings += strings


@dataclass
class Part:
    """The postings of a batch of articles, numbered within the batch (documents oldest first), as
    (list, document, value) in no particular order: the merge in assemble.py puts them in place. A
    list is a row of the part's table of lists (its place in the index)."""
    order_key: np.ndarray    # per list of the table: kind << 48 | prefix
    mixed: np.ndarray        # per list: mix(key hash)
    spelling: np.ndarray     # per list: spelling hash (the key hash for pairs and names)
    lists: np.ndarray        # per posting: its row in the table
    docs: np.ndarray         # … its document
    values: np.ndarray       # … its value byte
    strings: dict[int, tuple[str, str]]  # spelling -> (folded key, tone key): lists this process had not sent
    records: list[bytes | None]  # per document, oldest first (None: search_files makes it)
    keys: list[str]          # per document: what the search cache knows it by
    orders: list[tuple]      # per document: (timestamp, slug)


def part_postings(part: Part, strings: dict[int, tuple[str, str]]) -> list[dict[tuple[int, str, str], int]]:
    """Each document's postings in a part as {(kind, key, tone): value}, pairs merged: what
    reference_entry gives (for tests and tools). strings: spelling -> (key, tone) of its lists."""
    out: list[dict] = [{} for _ in part.records]
    name = [(int(k) >> 48, *strings[int(s)]) for k, s in zip(part.order_key, part.spelling)]
    for row, d, value in zip(part.lists.tolist(), part.docs.tolist(), part.values.tolist()):
        out[d][name[row]] = value
    return out


_KEPT = False  # keep_freed_memory was called here (or in a parent: forks inherit glibc's settings)


def keep_freed_memory() -> None:
    """Large arrays from the heap, and freed memory kept for the next ones (glibc's mallopt).

    By default glibc maps every allocation over 128 KB to fresh pages and unmaps it when freed:
    the numpy arrays of each batch then page-fault their memory in again (in a cold build of
    10,000 articles, over a second of system time). Called in the processes that index, which
    end with the build; once (a forked child inherits its parent's settings)."""
    global _KEPT
    if _KEPT:
        return
    _KEPT = True
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return  # not glibc: its allocator's defaults stay
    mallopt(-3, 256 << 20)  # M_MMAP_THRESHOLD
    mallopt(-1, 1 << 30)    # M_TRIM_THRESHOLD


class Maker:
    """Makes parts. One per process: forked workers inherit what their parent learnt and learn on."""

    def __init__(self, names: Names | None):
        self.names = names
        self.chars = _Chars()
        self.powers = _Powers()
        self.words, self.pairs, self.folds = _Vocab(), _Vocab(), {}
        self.name_start = np.zeros(0, dtype=np.uint8)  # per pair met: tokens of the longest name it starts, or 0
        self.matcher = _NameMatcher(names)
        # kernels.post's marks and slots of the words, pairs and names, and the documents counted
        self.marks = [(np.zeros(0, np.int64), np.zeros(0, np.int64)) for _ in range(3)]
        self.rows = [np.zeros(0, np.int64) for _ in range(3)]  # _part's rows of the words, names and pairs
        self.stamp = 0
        self.tags: dict = {}  # tag name -> how the registries resolve it (search.worker_tags)

    # -- tokens --

    def tokens(self, texts: list[str]) -> Tokens:
        """The tokens of the texts; a text holding a unit the tables can't stand for goes the
        reference way."""
        text = _batch_text(texts)
        code = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
        packed = self.chars.lookup(code)
        odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= _PREPARE) if packed.view(np.uint16)[0::4].max(
            initial=0) >= _PREPARE else ()
        if len(odd):
            if (packed[odd] == _UNKNOWN).any():
                self.chars.learn(np.unique(code[odd][packed[odd] == _UNKNOWN]))
                packed = self.chars.lookup(code)
                odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= _PREPARE)
            if (packed[odd] == _PREPARE).any():
                texts = [prepare(t) for t in texts]
                text = _batch_text(texts)
                code = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
                packed = self.chars.lookup(code)
                odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= _PREPARE)
                if (packed[odd] == _UNKNOWN).any():
                    self.chars.learn(np.unique(code[odd][packed[odd] == _UNKNOWN]))
                    packed = self.chars.lookup(code)
                    odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= _PREPARE)
        if not len(odd):
            return self._fast(text, packed, [len(t) for t in texts])
        # texts the tables can't stand for are tokenised by the reference rules
        slow = _texts_at(texts, odd)
        kept = [t if i not in slow else "" for i, t in enumerate(texts)]
        text = _batch_text(kept)
        packed = self.chars.lookup(np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16))
        fast = self._fast(text, packed, [len(t) for t in kept])
        return _tokens_concat([fast, *(self._slow(i, texts[i]) for i in sorted(slow))])

    def _scanned(self, texts: list[str]) -> tuple[Tokens, tuple | None]:
        """The tokens of the texts (body HTML, title, lead of each document) by the compiled scan,
        read where Python keeps them, with their word numbers (-2 - j: the batch's new word j)
        and where each new word first occurs. The texts it leaves (a unit that is a flag, or a
        character reference that is no separator) go the way of Maker.tokens, which learns and
        prepares; their words are looked up afterwards (numbers None)."""
        (seg, start, length, spelling, fold_hash, prefix, numbers), brk, firsts, left = kernels.scan(
            texts, FIELDS, self.chars.table, P, TONE_STEP, self.words.table)
        tokens = Tokens(seg, None, spelling, length, start, heads=(fold_hash, prefix), texts=texts, brk=brk)
        if not len(left):
            return tokens, (numbers, firsts)
        left = left.tolist()
        slow = self.tokens([html_blocks(texts[i]) if i % FIELDS == 0 else texts[i] for i in left])
        slow.seg = np.array(left, dtype=np.int64)[slow.seg]  # its texts' places in the batch
        return _tokens_concat([tokens, slow]), None

    def _fast(self, text: str, packed: np.ndarray, lengths: list[int]) -> Tokens:
        """Tokens by the tables (no unit of the texts is a flag). Hashes are prefix sums of
        unit * P**position, taken at token ends and shifted to each token's start; separators
        add nothing, so the sum before a token is the sum at the end of the one before."""
        n = len(packed)
        self.powers.ensure(n + 1)
        up, down = self.powers.up[:n], self.powers.down
        units16 = packed.view(np.uint16)
        folded, shaped, tones = units16[0::4], units16[1::4], units16[2::4]
        inside = folded != 0
        edges = np.flatnonzero(inside[1:] != inside[:-1]) + 1
        starts, ends = edges[0::2], edges[1::2]
        last = ends - 1
        scratch = np.empty(n, dtype=_U64)

        def hashes(values) -> np.ndarray:
            np.multiply(values, up, out=scratch, dtype=_U64)
            np.cumsum(scratch, out=scratch)
            at_end = scratch[last]
            at_end[1:] -= at_end[:-1].copy()
            return at_end

        spelling = hashes(shaped) * down[starts]
        tone_sum = np.cumsum(tones, dtype=np.uint16)[last]  # wraps: differences stay right
        tone_sum[1:] -= tone_sum[:-1].copy()
        tone_sum = tone_sum.astype(np.int64)
        spelling += np.where(tone_sum >= 8, tone_sum - 8, 0).astype(_U64) * _U64(TONE_STEP)
        # a block's edge (BREAK) between a token and the one before it
        edges = np.cumsum(np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16) == ord(BREAK))
        seg = np.repeat(np.arange(len(lengths)), np.diff(np.searchsorted(starts, _seg_bounds(lengths))))
        brk = np.zeros(len(starts), np.uint8)  # (none before a text's first token)
        if len(starts) > 1:
            brk[1:] = (edges[starts[1:] - 1] != edges[ends[:-1] - 1]) & (seg[1:] == seg[:-1])
        tokens = Tokens(seg, None, spelling, ends - starts, starts, text, brk=brk)
        several = np.flatnonzero(tone_sum > 13)  # two toned letters or more: the last one's tone counts
        for at in several.tolist():
            word = text[int(starts[at]):int(ends[at])]
            tokens.spelling[at] = word_spelling(word)
        return tokens

    @staticmethod
    def _slow(index: int, text: str) -> Tokens:
        text = prepare(text)
        found = list(_TOKEN.finditer(text))
        tokens = [m.group(0) for m in found]
        brk = np.array([k > 0 and BREAK in text[found[k - 1].end():m.start()] for k, m in enumerate(found)], np.uint8)
        words: dict[int, tuple[str, str]] = {}
        spellings, lengths = [], []
        for token in tokens:
            folded, spelling = fold(token), word_spelling(token)
            words[spelling] = (folded, tone_key(token))
            spellings.append(spelling)
            lengths.append(len(units(folded)))
        n = len(tokens)
        return Tokens(np.full(n, index, dtype=np.int64), None, np.array(spellings, dtype=_U64),
                      np.array(lengths, dtype=np.int64), np.full(n, -1, dtype=np.int64), "", words,
                      brk=brk.reshape(-1).astype(np.uint8))

    # -- parts --

    def part(self, docs: Sequence[Doc]) -> Part:
        """The postings of these articles (in any order: numbered here oldest first)."""
        keep_freed_memory()  # here, not in __init__: the build's main process makes a Maker for its workers
        docs = [docs[i] for i in oldest_first(docs)]
        n = len(docs)
        if kernels.LIB is not None:
            tokens, scanned = self._scanned([t for d in docs for t in (d.body, d.title, d.lead)])
            return self._compiled(tokens, self._word_numbers(tokens, *(scanned or ())), docs)
        texts = [t for d in docs for t in (html_blocks(d.body), d.title, d.lead)]
        tokens = _tokens_concat([self.tokens(texts[i:i + CHUNK]) for i in range(0, len(texts), CHUNK)], CHUNK)
        numbers = self._word_numbers(tokens)
        # a spelling's folded key is known once the word is; pairs: adjacent tokens of one text
        doc_of, flags, tokens.fold, same, codes, pair_doc, pair_flag = _glue(tokens.seg, tokens.edges(), numbers,
                                                                             self.words.fold, self.words.folded)
        lists, word_docs, counts, flag = _count(numbers, doc_of, flags, None, n, self.words.count)
        words = (lists, word_docs, _values(counts, flag))
        longest = self.matcher.longest  # a name's hash grows over its tokens and the spaces between
        self.powers.ensure((int(tokens.length.max(initial=0)) + 1) * longest + 2)
        pairs = self._pairs(tokens, same, codes, numbers)
        names = self._names(tokens, same, pairs, docs, n) if self.matcher.pairs is not None or any(
            d.terms for d in docs) else None
        lists, pair_docs, _, pair_flags = _count(pairs, pair_doc, pair_flag, None, n, self.pairs.count)
        return self._part(words, names, (lists, pair_docs, pair_flags), docs)

    def _compiled(self, tokens: Tokens, numbers: np.ndarray, docs: list[Doc]) -> Part:
        """Maker.part's steps after the word numbers, by two kernels: the number of the pair each
        token starts (new ones are described here), then the postings of the words, pairs and
        names at once."""
        pnum, new, codes = kernels.pairs(tokens.seg, tokens.edges(), numbers, self.words.folded, self.pairs.table)
        self.powers.ensure((int(tokens.length.max(initial=0)) + 1) * self.matcher.longest + 2)
        if len(new):  # the batch's new pairs, each met first at new[j] and numbered -3 - j
            _number_pending(pnum, self._pairs(tokens, new, codes, numbers, new=True), 3)
        matcher, names = self.matcher, None
        terms = [(d, matcher.number(key)) for d, doc in enumerate(docs) for key in doc.terms]
        if matcher.pairs is not None or terms:
            term_docs, term_numbers = (np.array(a, dtype=np.int64).reshape(-1) for a in zip(*terms)) if terms else (
                np.zeros(0, np.int64),) * 2
            if matcher.pairs is not None:
                joined, singles, single_numbers = matcher.joined, matcher.singles, matcher.single_numbers
            else:
                joined, singles, single_numbers = None, np.zeros(0, _U64), np.zeros(0, np.int64)
            names = (self.name_start, self.pairs.spelling, self.powers.up, joined, singles, single_numbers, term_docs,
                     term_numbers, TERM)
        marks = []
        for kind, vocab in enumerate((self.words, self.pairs, matcher.vocab)):
            self.marks[kind] = tuple(_grown(a, vocab.count, 0) for a in self.marks[kind])  # new lists: no stamp (0)
            marks.append(self.marks[kind])
        words, pairs, found = kernels.post(tokens.seg, tokens.edges(), numbers, tokens.length, pnum, self.words.fold, FIELDS,
                                           _FIELD_FLAGS, self.stamp, marks, names)
        self.stamp += len(docs)
        return self._part(words, found if names is not None else None, pairs, docs)

    def _word_numbers(self, tokens: Tokens, known: np.ndarray | None = None,
                      firsts: np.ndarray | None = None) -> np.ndarray:
        """The number of every token's word (new words are described and numbered); known and
        firsts, from the scan: the numbers the words' table gives them (the batch's new word j:
        -2 - j), and where each new word first occurs."""
        def describe(where: np.ndarray):
            strings = []
            for at in where.tolist():
                start = int(tokens.start[at])
                spelling = int(tokens.spelling[at])
                if start < 0:
                    strings.append(tokens.words[spelling])
                else:
                    word = tokens.piece(start, int(tokens.length[at]))
                    strings.append((fold(word), tone_key(word)))
            if tokens.heads is not None:  # the kernel hashed the folded tokens
                hashes = tokens.heads[0][where]
                folds = hashes.tolist()
                heads, mixed = WORD << 48 | tokens.heads[1][where], _mix(hashes)
            else:
                folds = [key_hash(f) for f, _ in strings]
                heads, mixed = [WORD << 48 | prefix_code(f) for f, _ in strings], [mix(h) for h in folds]
            for h, (folded, _) in zip(folds, strings):
                self.folds[h] = folded
            self.words.fold = np.concatenate((self.words.fold, np.array(folds, dtype=_U64)))
            self.words.folded = np.concatenate((self.words.folded, np.array(
                [self.words.folded_number(h) for h in folds], dtype=np.int64)))
            return heads, mixed, strings

        if known is None:
            return self.words.numbers(tokens.spelling, describe)
        if len(firsts):  # numbered once each, from their first occurrences
            _number_pending(known, self.words.added(tokens.spelling[firsts], lambda where: describe(firsts[where])), 2)
        return known

    def _pairs(self, tokens: Tokens, same, codes, numbers, new: bool = False) -> np.ndarray:
        """The number of the pairs starting at these tokens (codes: their two folded words' numbers;
        numbers: each token's word number; new: pairs the table lacks, each given once)."""
        if not len(same):
            return np.zeros(0, np.int64)

        def describe(where: np.ndarray):
            at = same[where]
            up = self.powers.up
            length = tokens.length[at]
            left, right = self.words.fold[numbers[at]], self.words.fold[numbers[at + 1]]
            pair = left + _U64(32) * up[length] + right * up[length + 1]  # key_hash(a + " " + b)
            strings = [(self.folds[a] + " " + self.folds[b], "") for a, b in zip(left.tolist(), right.tolist())]
            heads = PAIR << 48 | _pair_prefix(self.words.order_key[numbers[at]], self.words.order_key[numbers[at + 1]],
                                              length)
            longest = self.matcher.pairs.get(pair) if self.matcher.pairs is not None else np.zeros(len(where), np.int64)
            self.name_start = np.concatenate((self.name_start, np.maximum(longest, 0).astype(np.uint8)))
            return heads, _mix(pair), strings, pair

        return self.pairs.added(codes, describe) if new else self.pairs.numbers(codes, describe)

    def _names(self, tokens: Tokens, same, pair_numbers, docs: list[Doc], n: int):
        matcher = self.matcher
        starting = np.flatnonzero(self.name_start[pair_numbers])
        seg, numbers = matcher.find(tokens, same[starting], self.pairs.spelling[pair_numbers[starting]],
                                    self.powers.up)
        terms = [(d, matcher.number(key)) for d, doc in enumerate(docs) for key in doc.terms]
        doc_of = np.concatenate((seg // FIELDS, np.array([d for d, _ in terms], dtype=np.int64)))
        flags = np.concatenate((_FIELD_FLAGS[seg % FIELDS], np.full(len(terms), TERM, dtype=np.uint8)))
        weights = np.concatenate((np.ones(len(seg), dtype=np.int64), np.zeros(len(terms), dtype=np.int64)))
        numbers = np.concatenate((numbers, np.array([k for _, k in terms], dtype=np.int64)))
        lists, docs_, counts, flag = _count(numbers, doc_of, flags, weights, n, matcher.vocab.count)
        return lists, docs_, _values(counts, flag)

    def _part(self, words, names, pairs, docs: list[Doc]) -> Part:
        """The part's table of lists (words, names, pairs met, each kind in the order first met) and
        its postings by row of the table, narrowed (part_widths); the strings of the lists this
        process had not sent yet."""
        names = names if names is not None else (np.zeros(0, np.int64),) * 2 + (np.zeros(0, np.uint8),)
        vocabs = (self.words, self.matcher.vocab, self.pairs)
        kinds = [(np.ascontiguousarray(a, np.int64), np.ascontiguousarray(d, np.int64),
                  np.ascontiguousarray(v, np.uint8)) for a, d, v in (words, names, pairs)]
        for k, vocab in enumerate(vocabs):  # per kind: each number's row while a part is made, else -1
            self.rows[k] = _grown(self.rows[k], vocab.count, -1)
        compiled = kernels.LIB is not None
        distinct, ends = kernels.rows(kinds, self.rows) if compiled else _part_rows(kinds, self.rows)
        types = part_widths(len(distinct), len(docs))
        postings = (kernels.narrow if compiled else _narrow)(kinds, self.rows, distinct, ends, *types)
        keys, mixed, spellings, strings = [], [], [], {}
        for vocab, first, end in zip(vocabs, (0, *ends[:-1].tolist()), ends.tolist()):
            met = distinct[first:end]
            keys.append(vocab.order_key[met])
            mixed.append(vocab.mixed[met])
            spellings.append(vocab.spelling[met])
            vocab.sent = _grown(vocab.sent, vocab.count, False)
            new = met[~vocab.sent[met]]
            vocab.sent[new] = True
            for number, spelling in zip(new.tolist(), vocab.spelling[new].tolist()):
                strings[spelling] = vocab.strings[number]
        return Part(np.concatenate(keys), np.concatenate(mixed), np.concatenate(spellings), *postings, strings,
                    [d.record for d in docs], [d.key for d in docs], [d.order for d in docs])


def _grown(array: np.ndarray, count: int, fill: int) -> np.ndarray:
    """array (one entry per number of a vocabulary), at least count long: twice as long at least
    when it grows, the new entries fill."""
    if len(array) >= count:
        return array
    return np.concatenate((array, np.full(max(count, 2 * len(array)) - len(array), fill, array.dtype)))


def part_widths(rows: int, docs: int) -> tuple[type, type]:
    """The types of a part's rows and documents, as narrow as they fit: the read workers write
    ~4 bytes a posting into the memory they share with the build instead of 7."""
    return (np.uint16 if rows <= 1 << 16 else np.uint32,
            np.uint8 if docs <= 1 << 8 else np.uint16 if docs <= 1 << 16 else np.uint32)


def _part_rows(kinds: list[tuple], row: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """kernels.rows' twin: the vocabulary number of each row of a part's table (the lists its
    postings meet, each kind in the order first met, kinds one after the other), and the rows of
    kinds 0 to k; marks each one's row in row (put back to -1 by _narrow)."""
    distinct, ends, base = [], [], 0
    for (lists, _, _), marks in zip(kinds, row):
        met, first = np.unique(lists, return_index=True)
        met = met[np.argsort(first)]
        marks[met] = np.arange(base, base + len(met))
        distinct.append(met)
        base += len(met)
        ends.append(base)
    return np.concatenate(distinct), np.array(ends, dtype=np.int64)


def _narrow(kinds: list[tuple], row: list[np.ndarray], distinct: np.ndarray, ends: np.ndarray, row_type,
            doc_type) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """kernels.narrow's twin: the postings as (rows, documents, values) of these types; row back to -1."""
    out = (np.concatenate([marks[lists] for (lists, _, _), marks in zip(kinds, row)]).astype(row_type),
           np.concatenate([k[1] for k in kinds]).astype(doc_type), np.concatenate([k[2] for k in kinds]))
    for marks, first, end in zip(row, (0, *ends[:-1].tolist()), ends.tolist()):
        marks[distinct[first:end]] = -1
    return out


def _number_pending(numbers: np.ndarray, numbered: np.ndarray, step: int) -> None:
    """numbers' entries -step - j (the kernels' batch-own number of a new word or pair) replaced
    by numbered[j], its number in the vocabulary."""
    if kernels.LIB is not None:
        kernels.number_pending(numbers, numbered, step)
        return
    pending = np.flatnonzero(numbers <= -step)
    numbers[pending] = numbered[-step - numbers[pending]]


def _texts_at(texts: list[str], units: np.ndarray) -> set[int]:
    """Which of the texts joined as Maker.tokens joins them (a separator before each) hold these
    code units (positions in UTF-16 units: a surrogate pair counts two)."""
    bounds = np.cumsum([1] + [len(t.encode("utf-16-le")) // 2 + 1 for t in texts])
    return set((np.searchsorted(bounds, units, side="right") - 1).tolist())


def _values(counts: np.ndarray, flags: np.ndarray) -> np.ndarray:
    """The value bytes of postings: min(count, MAX_TF) << 3 | field flags (as reference_entry)."""
    return (np.minimum(counts, MAX_TF) << 3).astype(np.uint8) | flags


def _glue(seg: np.ndarray, brk: np.ndarray, numbers: np.ndarray, word_fold: np.ndarray, word_folded: np.ndarray):
    """Per token: its document, field flag and folded word's key hash; per pair of adjacent tokens
    of one text and block: the first one's place, the code of their folded words' numbers, its
    document and flag (with the kernels: kernels.pairs)."""
    doc_of, flags = seg // FIELDS, _FIELD_FLAGS[seg % FIELDS]
    same = np.flatnonzero((seg[1:] == seg[:-1]) & (brk[1:] == 0))
    folded = word_folded[numbers].astype(_U64)
    return (doc_of, flags, word_fold[numbers], same, folded[same] << _U64(32) | folded[same + 1], doc_of[same],
            flags[same])


def _seg_bounds(lengths: list[int]) -> np.ndarray:
    """Where each text of a batch starts, and where the batch ends (one separator before each)."""
    return np.cumsum([1] + [k + 1 for k in lengths])


def _pair_prefix(left: np.ndarray, right: np.ndarray, length: np.ndarray) -> np.ndarray:
    """text.prefix_code of "a b" from the order keys of words a and b (their prefix codes in the
    low 48 bits) and the folded length of a: its first three units, then a space, then b's."""
    low = np.int64((1 << 48) - 1)
    a, b = left & low, right & low
    two = (a & ~np.int64(0xFFFF)) | 32                       # a is two units long
    one = (a & ~np.int64(0xFFFFFFFF)) | 32 << 16 | b >> 32   # … one unit
    return np.where(length >= 3, a, np.where(length == 2, two, one))


def _mix(h: np.ndarray) -> np.ndarray:
    """text.mix over an array."""
    h = (h ^ (h >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> _U64(27))) * _U64(0x94D049BB133111EB)
    return h ^ (h >> _U64(31))


def _count(numbers: np.ndarray, docs: np.ndarray, flags: np.ndarray, weights, n: int, size: int):
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


class _NameMatcher:
    """Names.sequences found in folded tokens: the walk of Names.find (leftmost, longest, no
    overlap), vectorised up to the walk itself. A name of several tokens is found by the hash
    of its tokens joined by spaces (key_hash), grown from the pair hashes token by token where
    a pair starts some name; a one-token name by the token's hash."""

    def __init__(self, names: Names | None):
        self.vocab = _Vocab()
        self.keys: dict[str, int] = {}
        self.pairs = None  # no names: none found
        self.longest = 1   # tokens of the longest name
        if names is None or not names.sequences:
            return
        joined, singles, starts = {}, {}, {}
        for (seq, key), number in zip(names.sequences.items(), self.numbers(list(names.sequences.values()))):
            if len(seq) == 1:
                singles[key_hash(seq[0])] = number
            else:
                joined[key_hash(" ".join(seq))] = number
                first = key_hash(" ".join(seq[:2]))
                starts[first] = max(starts.get(first, 0), len(seq))
                self.longest = max(self.longest, len(seq))
        self.joined, self.pairs = _table_of(joined), _table_of(starts)
        self.singles = np.array(sorted(singles), dtype=_U64)
        self.single_numbers = np.array([singles[h] for h in sorted(singles)], dtype=np.int64)

    def number(self, key: str) -> int:
        number = self.keys.get(key)
        return number if number is not None else self.numbers([key])[0]

    def numbers(self, keys: list[str]) -> list[int]:
        """The numbers of name keys; new ones are added to the vocabulary at once (a registry's
        hundreds of names: one look-up and one insertion, not one of each per name)."""
        new = [key for key in dict.fromkeys(keys) if key not in self.keys]
        if new:
            hashes = [key_hash(key) for key in new]
            got = self.vocab.numbers(np.array(hashes, dtype=_U64), lambda where: (
                [WORD << 48 | prefix_code(new[w]) for w in where.tolist()], [mix(hashes[w]) for w in where.tolist()],
                [(new[w], "") for w in where.tolist()]))
            self.keys.update(zip(new, got.tolist()))
        return [self.keys[key] for key in keys]

    def find(self, tokens: Tokens, at: np.ndarray, h: np.ndarray, up: np.ndarray):
        """(text, name number) of every name in the texts, in order; at: the tokens that start a
        pair some name starts with, h: those pairs' key hashes."""
        none = np.zeros(0, np.int64), np.zeros(0, np.int64)
        if self.pairs is None or not len(tokens.fold):
            return none
        seg, folds, length, brk = tokens.seg, tokens.fold, tokens.length, tokens.edges()
        found_at, found_len, found_number = [], [], []
        size = length[at] + 1 + length[at + 1]
        for count in range(2, self.longest + 1):
            if count > 2:  # one token more: still within the text
                nxt = at + count - 1
                ok = (nxt < len(folds))
                ok[ok] &= (seg[nxt[ok]] == seg[at[ok]]) & (brk[nxt[ok]] == 0)
                at, h, size = at[ok], h[ok], size[ok]
                nxt = nxt[ok]
                h = h + _U64(32) * up[size] + folds[nxt] * up[size + 1]
                size = size + 1 + length[nxt]
            number = self.joined.get(h)
            hit = number >= 0
            found_at.append(at[hit])
            found_len.append(np.full(int(hit.sum()), count))
            found_number.append(number[hit])
        for single, number in zip(self.singles.tolist(), self.single_numbers.tolist()):
            hit = np.flatnonzero(folds == _U64(single))
            found_at.append(hit)
            found_len.append(np.ones(len(hit), dtype=np.int64))
            found_number.append(np.full(len(hit), number, dtype=np.int64))
        at, size, number = (np.concatenate(a) for a in (found_at, found_len, found_number))
        if not len(at):
            return none
        order = np.lexsort((-size, at))  # by place, the longest first
        at, size, number = at[order], size[order], number[order]
        first = np.concatenate(([True], at[1:] != at[:-1]))  # the longest at each place
        at, size, number = at[first], size[first], number[first]
        # Leftmost, longest, no overlap: a name starting inside an earlier one is left out. Where
        # names overlap (rare), the walk decides.
        end = at + size
        before = np.maximum.accumulate(np.concatenate(([0], end[:-1])))
        clash = at < before
        keep = ~clash
        if clash.any():
            group = np.cumsum(~clash)
            involved = np.flatnonzero(np.isin(group, group[clash]))
            current, free = -1, 0
            for i, g, start, stop in zip(involved.tolist(), group[involved].tolist(), at[involved].tolist(),
                                         end[involved].tolist()):
                if g != current:
                    current, free = g, 0
                keep[i] = start >= free
                if keep[i]:
                    free = stop
        return seg[at[keep]], number[keep]


def _table_of(numbers: dict[int, int]) -> _Table:
    table = _Table()
    table.put(np.array(list(numbers), dtype=_U64), np.array(list(numbers.values()), dtype=np.int64))
    return table


