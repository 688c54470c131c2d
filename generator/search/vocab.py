"""The tokens of a batch of texts, and the numbers of the words and pairs a process has met.

A batch is tokenised on its UTF-16 code units: one table look-up per unit (``Chars``),
token edges where letters start and stop, and each token's spelling hash as a
difference of prefix sums of unit * P**position (numpy, maker.Maker.tokens), or
summed token by token (the compiled scan, which reads the texts where Python keeps
them). Words, pairs and names are numbered in the order first met (``Vocab``), by a
hash table looked up for whole arrays at once (``Table``).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np

from . import kernels
from .text import SENTENCE_ENDS, P, fold, tone_parts, units

SEP = "\x00"                # between texts of a batch: no token character
_TOKEN_CHAR = re.compile(r"[^\W_]")
PREPARE, UNKNOWN, SPECIAL = 0xFFFD, 0xFFFE, 0xFFFF  # Chars' flags (see there)
LOWER, ENDS, STOP = 1 << 48, 1 << 49, 1 << 50  # Chars: a small letter; ! ? ; …; a full stop (text.sentences)
_U64 = np.uint64


class Chars:
    """Per UTF-16 code unit, packed in 64 bits: the folded unit (0: not a token character), the
    shaped unit << 16, the tone code << 32 (tone + 8 for a toned letter, else 0) and LOWER for a
    small letter; a separator is 0 but ENDS (! ? ; …) and STOP (.), which end a sentence (a full
    stop after a word starting with a small letter: text.sentences); learnt as units are met.

    Folded units of PREPARE, UNKNOWN and SPECIAL are flags: a unit a text must be prepared
    for (combining marks, Ð/ð …), a unit not learnt yet, and one the tables can't stand for
    (surrogates, letters that fold or shape to more than one unit, and Σ, whose lowercase
    depends on its place in the word): a text holding one is tokenised by the reference rules.
    """

    # Learnt at once: ASCII, the Latin letters (Vietnamese ones included), combining marks and
    # general punctuation; a first batch of Vietnamese text then goes the kernel's way.
    KNOWN = ((0, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070))

    def __init__(self):
        self.table = np.full(0x10000, UNKNOWN, dtype=_U64)
        for first, end in self.KNOWN:
            self.learn(np.arange(first, end, dtype=np.uint16))

    def lookup(self, code: np.ndarray) -> np.ndarray:
        return self.table[code]

    def learn(self, codes: np.ndarray) -> None:
        table = self.table
        for c in codes.tolist():
            ch = chr(c)
            if 0xD800 <= c < 0xE000 or c == 0x03A3:
                table[c] = SPECIAL
            elif c in (0xD0, 0xF0) or unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch):
                table[c] = PREPARE
            elif not _TOKEN_CHAR.fullmatch(ch):
                table[c] = ENDS if ch in SENTENCE_ENDS else STOP if ch == "." else 0
            else:
                folded, (shaped, tone) = units(fold(ch)), tone_parts(ch)
                shaped_units = units(shaped)
                if len(folded) != 1 or len(shaped_units) != 1 or folded[0] in (0, PREPARE, UNKNOWN, SPECIAL):
                    table[c] = SPECIAL
                else:
                    table[c] = (folded[0] | shaped_units[0] << 16 | (tone + 8 if tone else 0) << 32 |
                                (LOWER if ch.islower() else 0))


class Powers:
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
    brk: np.ndarray | None = None  # per token (uint8): text.EDGE (no pair or name across it) | text.CAPITAL
    _bases: list[int] | None = field(default=None, repr=False)  # where each of the texts starts in `text`

    def edges(self) -> np.ndarray:
        """brk, or none when not given."""
        return self.brk if self.brk is not None else np.zeros(len(self.seg), np.uint8)

    def joined(self) -> str:
        """The text the starts point into (Maker.tokens' join of the texts)."""
        if self.texts is not None and not self.text:
            self.text = batch_text(self.texts)
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


def batch_text(texts: list[str]) -> str:
    """The texts of a batch as one, a separator before each and one at the end: where token
    starts point (the scan's positions count the same way)."""
    return SEP + SEP.join(texts) + SEP


def tokens_concat(parts: list[Tokens], step: int = 0) -> Tokens:
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


class Table:
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


class Vocab:
    """Lists a process has met, numbered in the order first seen: 64-bit hash -> number, and per
    number its place in the index and its strings."""

    def __init__(self):
        self.table = Table()
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
            where = missing[kernels.first(values, Table.SPREAD)]
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


def table_of(numbers: dict[int, int]) -> Table:
    table = Table()
    table.put(np.array(list(numbers), dtype=_U64), np.array(list(numbers.values()), dtype=np.int64))
    return table
