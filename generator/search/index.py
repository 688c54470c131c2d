"""The static search index: per-article entries, then one linear assembly.

What is indexed (see also docs in generator/search/__init__.py):

* every token (syllable, number, word) of the title, the lead (summary, sapo,
  tags, author) and the whole body text, under its folded key, split by exact
  spelling (tone key), with per document: occurrences (capped at 15) and
  field flags (title, lead, front matter term);
* every pair of adjacent tokens (folded, within one field) of the title, the
  lead and the first BODY_PAIRS (400) tokens of the body as a bigram key
  "lam theo": unquoted words found next to each other there rank higher, and a
  quoted phrase requires all of its bigrams (exact for two words; for longer
  phrases each adjacent pair must occur). So phrases are matched in the title,
  the lead and about the first third of a typical article, not deeper: pairs
  over whole bodies doubled build time and the bytes a query loads;
* provinces and directives under one canonical key each ("~p:lao-cai",
  "~d:05-ct-tw"), set by the article's front matter and by any listed spelling
  of the name in its text ("Đắc Nông", "Dak Nong", "Chỉ thị số 05-CT/TW",
  "05-CT/TƯ", "Chỉ thị 05" …). The query side maps names the same way.

Per article the work is ``index_entry(article, tags, names)``: a pure function
of one article (and the registries the names come from), so a build cache can
keep entries of unchanged articles. ``assemble`` is linear in their number.

Output (under the search page's folder, ``tim-kiem/du-lieu/``); every file but
the manifest is gzip (search.js inflates it with DecompressionStream):

* ``index.json``  manifest: format, version, document count, records per group,
  shard boundaries, year ranges, name sequences for the query side;
* ``s/<n>.bin``   shards of the sorted key space, each about SHARD_BYTES before
  compression. A shard is records [varint key length][key][varint body length]
  [body]; a body is [varint spellings] then one posting list per spelling (see
  "Compact postings" below);
* ``r/<g>.bin``   the records of documents g*GROUP .. g*GROUP+GROUP-1 as one JSON
  array: what a result shows (title, URL, date, provinces, summary when it is
  not the start of the text, start of the text for the snippet).

Document ids are positions in the site's order oldest first (the reverse of its
lists), so a year is a range of ids, a higher id is a newer article, and a new
article changes only the lists of its own keys and the last record group.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from array import array
from bisect import insort
from collections import Counter, deque
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from operator import add, and_, call, lshift, or_, rshift, sub
from typing import Iterator

from ..content import Article
from ..parallel import fork_map, worker_count
from ..vietnamese import format_date
from .text import _TOKEN, fold, html_to_text, prepare, squeeze, tokenize, tone_key

FORMAT = 2
SHARD_BYTES = 16 * 1024      # uncompressed key records per shard (a key larger than this is alone)
GROUP = 4                  # records per r/<g>.bin file: ten results load at most ten small groups (16 made
                           # a typed query fetch ~35% more: results rarely share a group)
EXCERPT_CHARS = 800        # body text kept per document for snippets
BODY_PAIRS = 400           # body tokens whose adjacent pairs are indexed (phrases, proximity)
MAX_TF = 15
TITLE, LEAD, TERM = 1, 2, 4  # field flags in a posting's value byte
SEP = "\x1f"                 # between a folded key and its exact spelling in entry keys


@dataclass(frozen=True)
class Names:
    """Spellings of provinces and directives as folded token sequences -> canonical key."""
    sequences: dict[tuple[str, ...], str]
    fingerprint: str

    @classmethod
    def from_registries(cls, registries) -> "Names":
        sequences: dict[tuple[str, ...], str] = {}
        for province in registries.provinces:
            for name in province.names:
                _add(sequences, name, "~p:" + province.slug)
        for directive in registries.directives:
            for name in directive.names:
                _add(sequences, name, "~d:" + directive.slug)
        digest = hashlib.sha256(repr(sorted(sequences.items())).encode()).hexdigest()[:12]
        return cls(sequences, digest)

    @cached_property
    def pattern(self) -> re.Pattern:
        """All spellings over space-joined folded tokens: leftmost, longest first, no overlap.

        The same walk as findNames in search.js: at each token the longest spelling
        starting there wins and matching resumes after it.
        """
        # A trie of the spellings as a regex: alternatives share prefixes, so a token
        # that starts no spelling is rejected at its first character. Matched over
        # " token token … " with a leading literal space: only token starts are tried.
        return re.compile(r" (" + _trie_regex(" ".join(seq) for seq in self.sequences) + r")(?= )")

    @cached_property
    def keys(self) -> dict[str, str]:
        return {" ".join(seq): key for seq, key in self.sequences.items()}

    def find(self, folded: list[str]) -> list[str]:
        """Canonical keys of the names in a folded token list, one per occurrence."""
        if not self.sequences:
            return []
        keys = self.keys
        return [keys[m] for m in self.pattern.findall(" " + " ".join(folded) + " ")]

    def export(self) -> list[list[str]]:
        """For the query side: [["dak nong", "~p:dak-nong"], …]."""
        return sorted([" ".join(seq), key] for seq, key in self.sequences.items())


def _trie_regex(words) -> str:
    """A regex matching exactly the words, longest alternative first at every branch."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:  # a word may end here: longer continuations are tried first
            return "(?:" + "|".join(branches) + ")?" if branches else ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def _add(sequences: dict, name: str, key: str) -> None:
    base = tuple(fold(t) for t in tokenize(name))
    if not base:
        return
    forms = {base}
    for form in list(forms):  # "TƯ" is written for "TW"; "số" is optional in "Chỉ thị số 05"
        forms.add(tuple("tw" if t == "tu" else t for t in form))
        forms.add(tuple("tu" if t == "tw" else t for t in form))
    for form in list(forms):
        forms.add(tuple(t for t in form if t != "so"))
    for form in list(forms):  # and may be added: "Chỉ thị 05" -> "Chỉ thị số 05"
        at = next((i for i, t in enumerate(form) if i and t[0].isdigit()), 0)
        if at and form[at - 1] != "so":
            forms.add(form[:at] + ("so",) + form[at:])
    for form in forms:
        if form:
            sequences.setdefault(form, key)


@dataclass(frozen=True, slots=True)
class Entry:
    """One article's contribution to the index: keys and their value bytes, plus its record."""
    keys: tuple[str, ...]   # "bac\x1fbac4" (folded + exact spelling), "lam theo" (bigram), "~p:lao-cai"
    values: bytes           # (min(count, 15) << 3) | field flags, one byte per key
    record: bytes           # one JSON object of r/<g>.bin


class _Pieces(dict):
    """Whitespace-free piece of text as written -> its tokens folded; learns pieces on first sight.

    Per process: the inventory of pieces is small. _FULL gets the same pieces' tokens as
    "folded\x1ftone key" at the same time.
    """

    def __missing__(self, piece: str) -> tuple[str, ...]:
        tokens = _TOKEN.findall(piece)
        folded = self[piece] = tuple(map(fold, tokens))
        _FULL[piece] = tuple(f + SEP + tone_key(t) for f, t in zip(folded, tokens))
        return folded


_FOLDED = _Pieces()
_FULL: dict[str, tuple[str, ...]] = {}


def _field_counts(text: str, names: Names | None, pairs: int | None = None) -> dict[str, int]:
    """Keys of one field with their counts: exact spellings, bigrams, names (disjoint key kinds).
    Bigrams count 1: the index keeps no counts for them.

    Bigrams are taken from the first `pairs` tokens only (all when None). The text is split
    at whitespace first (no token spans whitespace), and each distinct piece is tokenised
    once per process: str.split and dict look-ups cost well under half of a regex pass.
    """
    pieces = prepare(text).split()
    if not pieces:
        return {}
    folded = list(chain.from_iterable(map(_FOLDED.__getitem__, pieces)))  # learns new pieces (and _FULL)
    if not folded:
        return {}
    head = folded if pairs is None else folded[:pairs]
    counts = dict.fromkeys(map(" ".join, zip(head, head[1:])), 1)  # bigrams: "lam theo" (no counts: not stored)
    counts.update(Counter(chain.from_iterable(map(_FULL.__getitem__, pieces))))  # spellings: "bac\x1fbac4"
    if names is not None:
        counts.update(Counter(names.find(folded)))                                # names: "~p:lao-cai"
    return counts


_SHIFTED = [min(n, MAX_TF) << 3 for n in range(4096)]  # count -> its bits of a value byte


def index_entry(article: Article, tags: tuple = (), names: Names | None = None, url: str = "") -> Entry:
    """Everything the index needs from one article. Pure: same article -> same entry.

    Depends on the article, its resolved tags, the registries (through names) and
    its URL: a cache keyed by the article's key and the registries' fingerprint
    can keep entries of unchanged articles.
    """
    body_text = html_to_text(article.body)
    counts = _field_counts(body_text, names, BODY_PAIRS)  # the bulk: no per-key Python work below
    title, lead = _field_counts(article.title, names), _field_counts(lead_text(article, tags), names)
    terms = dict.fromkeys(term_keys(article))
    flagged = list(dict.fromkeys(chain(title, lead, terms)))  # keys with field flags; their counts leave `counts`
    pop, in_title, in_lead = counts.pop, title.get, lead.get
    totals = [pop(key, 0) + in_title(key, 0) + in_lead(key, 0) for key in flagged]
    flags = [(key in title) | (key in lead) << 1 | (key in terms) << 2 for key in flagged]  # TITLE, LEAD, TERM
    keys = (*counts, *flagged)
    shifted = _SHIFTED.__getitem__
    body = counts.values()
    if max(body, default=0) >= len(_SHIFTED) or max(totals, default=0) >= len(_SHIFTED):  # a very long text
        body, totals = [min(n, MAX_TF) for n in body], [min(n, MAX_TF) for n in totals]
    values = bytes(map(shifted, body)) + bytes(map(or_, map(shifted, totals), flags))
    return Entry(keys, values, doc_record(article, body_text, url))


def lead_text(article: Article, tags: tuple[str, ...]) -> str:
    """The lead field: summary, sapo, tag names and author."""
    return " ".join(p for p in (article.summary, article.sapo, " ".join(tags), article.author) if p)


def term_keys(article: Article) -> tuple[str, ...]:
    """The article's provinces and directives (front matter) as name keys."""
    return (*("~p:" + p.slug for p in article.provinces), *("~d:" + d.slug for d in article.directives))


def doc_record(article: Article, body_text: str, url: str) -> bytes:
    body_text = squeeze(body_text[:EXCERPT_CHARS * 2])
    excerpt = body_text[:EXCERPT_CHARS]
    if len(body_text) > EXCERPT_CHARS:
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    record = {
        "t": article.title,
        "u": url,
        "d": article.date.date().isoformat(),
        "w": format_date(article.date),
        "p": [p.name for p in article.provinces],
        "s": article.summary,
        "x": excerpt,
    }
    summary = article.summary.removesuffix("…").rstrip()
    if not summary or excerpt.startswith(summary):  # derived from the text: the excerpt says it all
        del record["s"]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---- Compact postings ----
#
# A posting list (one exact spelling, one bigram or one name) is stored as:
#   [varint len][tone key]   the exact spelling ("" for bigrams and names)
#   docs                     a set of document ids
#   tf                       unigrams and names only: one nibble per posting,
#                            min(count, 15), low nibble first
#   title, lead, term        sets of posting positions (0 .. n-1): the field flags
# A set is [varint m*2 + mode] then, for mode 0, m varints (the first value, then
# each gap minus one) or, for mode 1, [varint b] and a bitmap of b bytes (bit i is
# bit i % 8 of byte i // 8, b = last // 8 + 1); the build picks the smaller. Dense
# keys ("làm", "lam theo") thus cost about 1 bit per document plus 4 bits per
# posting. A list depends only on its own postings, not on the document count, so
# the build can keep encoded lists of unchanged keys.

_TF = bytes(min(v >> 3, MAX_TF) for v in range(256))
_FLAG_DIGITS = tuple((flag, bytes(49 if v & flag else 48 for v in range(256))) for flag in (TITLE, LEAD, TERM))
_ONE = b"1"
_EMPTY_SET = b"\x00"
_ONE_BIT = b"\x03\x01\x01"  # {0}: a bitmap of one byte


def varint(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def varints(values) -> bytes:
    if not values or max(values) < 0x80:
        return bytes(values)
    out = bytearray()
    for n in values:
        while n >= 0x80:
            out.append(n & 0x7F | 0x80)
            n >>= 7
        out.append(n)
    return bytes(out)


def _bitmap(m: int, digits: bytes | bytearray) -> bytes:
    """Mode 1 from ASCII "0"/"1" per position (trailing zeros dropped)."""
    digits = digits.rstrip(b"0")
    size = (len(digits) + 7) >> 3
    return varint(m * 2 + 1) + varint(size) + int(digits[::-1], 2).to_bytes(size, "little")


def encode_set(positions, digits: bytes | bytearray | None = None) -> bytes:
    """Sorted distinct ints >= 0: gap varints or a bitmap, whichever is smaller.

    `digits`, when given, is the same set as ASCII "0"/"1" per position (saves building it).
    """
    m = len(positions)
    if not m:
        return _EMPTY_SET
    last = positions[-1]
    size = (last >> 3) + 1
    if m * 8 < last + 8 or m <= 2:  # varints take at least a byte each: only then can they win
        gaps = varints([positions[0], *map(sub, positions[1:], map(add, positions, repeat(1)))])
        if len(gaps) <= size + len(varint(size)):
            return varint(m * 2) + gaps
    if digits is None:
        digits = bytearray(b"0") * (last + 1)
        deque(map(digits.__setitem__, positions, repeat(49)), maxlen=0)
    return _bitmap(m, digits)


VECTOR_MIN = 64  # postings in a list before numpy encodes its documents (its calls cost more on short lists)
VECTOR_WORK = 200_000  # postings to encode in all before importing numpy pays (the import takes ~0.13 s)


def encode_docs(packed: array, vector: bool = True) -> bytes:
    """encode_set of the document ids in array("I") of (id << 8 | value): vectorised for long lists
    (unless `vector` is False: a few lists to encode, as after one edit, don't pay for importing numpy)."""
    if len(packed) < VECTOR_MIN or not vector:
        return encode_set(list(map(rshift, packed, repeat(8))))
    import numpy
    docs = numpy.frombuffer(packed, dtype=numpy.uint32) >> 8
    m, last = len(docs), int(docs[-1])
    size = (last >> 3) + 1
    if m * 8 < last + 8:  # as encode_set: varints only when they can be smaller
        gaps = numpy.empty(m, dtype=numpy.uint64)
        gaps[0] = docs[0]
        gaps[1:] = numpy.diff(docs) - 1
        encoded = _varints_np(gaps, numpy)
        if len(encoded) <= size + len(varint(size)):
            return varint(m * 2) + encoded
    bits = numpy.zeros(size * 8, dtype=numpy.uint8)
    bits[docs] = 1
    return varint(m * 2 + 1) + varint(size) + numpy.packbits(bits, bitorder="little").tobytes()


def _varints_np(values, numpy) -> bytes:
    """varints() of a uint64 array: 7 bits a byte, low first, high bit set on all but the last."""
    lengths = numpy.ones(len(values), dtype=numpy.int64)
    rest = values >> 7
    while rest.any():
        lengths += rest > 0
        rest >>= 7
    starts = numpy.cumsum(lengths) - lengths
    out = numpy.empty(int(lengths.sum()), dtype=numpy.uint8)
    for k in range(int(lengths.max())):
        has = lengths > k
        low = ((values[has] >> numpy.uint64(7 * k)) & numpy.uint64(0x7F)).astype(numpy.uint8)
        out[starts[has] + k] = low | ((lengths[has] - 1 > k).astype(numpy.uint8) << 7)
    return out.tobytes()


def encode_postings(tone: bytes, packed: array, with_tf: bool, vector: bool = True) -> bytes:
    """One posting list from array("I") of (document id << 8 | value byte), ids increasing."""
    n = len(packed)
    values = packed.tobytes()[0::4] if packed.itemsize == 4 and _LITTLE else bytes(map(and_, packed, repeat(0xFF)))
    parts = [varint(len(tone)), tone, encode_docs(packed, vector)]
    if with_tf:
        tf = values.translate(_TF)
        if n & 1:
            tf += b"\x00"
        parts.append(bytes(map(or_, tf[0::2], map(lshift, tf[1::2], repeat(4)))))
    for flag, table in _FLAG_DIGITS:
        if n == 1:
            parts.append(_ONE_BIT if values[0] & flag else _EMPTY_SET)
            continue
        digits = values.translate(table)
        m = digits.count(_ONE)
        if not m:
            parts.append(_EMPTY_SET)
        elif m * 8 < n or m <= 2:
            parts.append(encode_set([match.start() for match in re.finditer(b"1", digits)], digits))
        else:  # a bitmap is no larger than the varints
            parts.append(_bitmap(m, digits))
    return b"".join(parts)


_LITTLE = array("I", [1]).tobytes()[0] == 1


# ---- Incremental entries and the assembly ----

class Vocabulary(dict):
    """Key string -> small int, growing on lookup; entries keep their keys as ints."""

    def __init__(self, keys: list[str] | None = None):
        self.keys = list(keys or ())
        super().__init__(zip(self.keys, range(len(self.keys))))

    def __missing__(self, key: str) -> int:
        n = self[key] = len(self.keys)
        self.keys.append(key)
        return n


@dataclass(frozen=True, slots=True)
class Compact:
    """An Entry with its keys as vocabulary numbers (uint32 bytes): what the build cache keeps."""
    kids: bytes
    values: bytes
    record: bytes


PARALLEL_WORK = 1_000_000  # postings to encode or bytes to pack before forking workers pays


def _made(func, items: list, task: dict, work: int) -> list[bytes]:
    """func over items in parts: in forked workers when `work` is large, results in order."""
    if not items:
        return []
    workers = worker_count() if work >= PARALLEL_WORK else 1
    size = max(1, -(-len(items) // (workers * 4)))
    return [value for part in fork_map(func, [items[i:i + size] for i in range(0, len(items), size)], task, workers)
            for value in part]


def _encode_lists(task: dict, part) -> list[bytes]:
    """Worker: posting lists (inherited through the fork) encoded."""
    lists, vector = task["lists"], task["vector"]
    return [encode_postings(tone, lists[kid], with_tf, vector) for _, tone, kid, with_tf in part]


def _pack_all(task: None, part) -> list[bytes]:
    return [_pack(data) for data in part]


def _order(key: str) -> bytes:
    """UTF-16 code unit order: the order JavaScript compares strings in."""
    return key.encode("utf-16-be")


def _pack(data: bytes) -> bytes:
    """Every data file but the manifest is gzip (no name, no time: same bytes every build)."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class Memo:
    """Encoded posting lists and packed files of the last build, by a digest of what they are made of.

    Only what this build used is kept for the next one.
    """

    def __init__(self, old: dict[bytes, bytes] | None = None):
        self.old = old or {}
        self.new: dict[bytes, bytes] = {}
        self.keys_used = 0  # distinct keys in the last assembly
        self.list_keys: list[bytes | None] = []  # the memo key of each posting list, by key number

    def find(self, parts: tuple) -> tuple[bytes, bytes | None]:
        """(memo key, the last build's bytes for these parts or None)."""
        h = hashlib.blake2b(digest_size=16)
        for part in parts:
            h.update(part)
        key = h.digest()
        return key, self.old.get(key)

    def keep(self, key: bytes, value: bytes) -> None:
        """Used by this build: kept for the next one."""
        self.new[key] = value


class Postings:
    """Posting lists built document by document in id order: array("I") of (id << 8 | value) per key.

    Lists of an earlier assembly (reuse) come with their memo keys, which stay valid for the
    lists no document touches afterwards (`touched`: None for lists made afresh).
    """

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.lists: list[array] = []
        self.appends: list = []
        self.count = 0  # documents added
        self.memo_keys: list[bytes | None] = []
        self.touched: set[int] | None = None

    def known_key(self, kid: int) -> bytes | None:
        """The memo key list `kid` had when it was reused, if no document changed it since."""
        if self.touched is None or kid in self.touched or kid >= len(self.memo_keys):
            return None
        return self.memo_keys[kid]

    def add(self, entry: Compact) -> None:
        """The entry of the next document: C-level loops, one append per posting."""
        self.add_missing_keys()
        if self.touched is not None:
            self.touched.update(memoryview(entry.kids).cast("I"))
        pick = self.appends.__getitem__
        deque(map(call, map(pick, memoryview(entry.kids).cast("I")), map(or_, repeat(self.count << 8), entry.values)),
              maxlen=0)
        self.count += 1

    def extend(self, kids: list[int], starts, packed: bytes, docs: int) -> None:
        """The next `docs` documents at once: `packed` holds their postings grouped by key, in
        document order within a key; key kids[j]'s run starts at starts[j] (uint32 units)."""
        self.add_missing_keys()
        if self.touched is not None:
            self.touched.update(kids)
        lists, view = self.lists, memoryview(packed)
        ends = [*starts[1:], len(packed) // 4]
        for kid, start, end in zip(kids, starts, ends):
            lists[kid].frombytes(view[start * 4:end * 4])
        self.count += docs

    @classmethod
    def reuse(cls, vocab: Vocabulary, lists: list[array], count: int,
              memo_keys: list[bytes | None] | None = None) -> "Postings":
        """The lists of an earlier assembly (and their memo keys), to be patched document by document."""
        made = cls(vocab)
        made.memo_keys, made.touched = list(memo_keys or ()), set()
        made.lists = list(lists)
        made.appends = [a.append for a in made.lists]
        made.add_missing_keys()
        made.count = count
        return made

    def replace(self, doc: int, old: Compact, new: Compact) -> None:
        """Document `doc` (an id lower than the count) had entry `old` and now has `new`: only the
        postings that differ are taken out and put in (ValueError when one to take out is missing),
        so only the lists whose content changes count as touched. An edit to one article
        changes a handful of the hundreds of lists its keys are in."""
        self.add_missing_keys()
        before = dict(zip(memoryview(old.kids).cast("I"), old.values))
        after = dict(zip(memoryview(new.kids).cast("I"), new.values))
        lists, touched = self.lists, self.touched
        for kid, value in before.items():
            if after.get(kid) != value:
                lists[kid].remove(doc << 8 | value)
                if touched is not None:
                    touched.add(kid)
        for kid, value in after.items():
            if before.get(kid) != value:
                insort(lists[kid], doc << 8 | value)
                if touched is not None:
                    touched.add(kid)

    def add_missing_keys(self) -> None:
        grow = len(self.vocab.keys) - len(self.lists)
        if grow > 0:
            new = [array("I") for _ in range(grow)]
            self.lists += new
            self.appends += [a.append for a in new]


def assemble(entries: list[Compact], vocab: Vocabulary, years: dict[int, tuple[int, int]], names: Names,
             prefix: str, memo: Memo | None = None, postings: Postings | None = None,
             keep: bool = False, doc_keys: list[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """Files of the index from the entries of documents 0..n-1 (oldest first): linear in their postings.

    `doc_keys`, when given, names each document's entry (its cache key: "" when it has none); a
    record group whose documents all have one is found in the memo by them rather than by its bytes.

    `postings`, when given, already holds the entries (added while others were being made).
    With `keep`, its lists stay as they are (for the next build to patch); else they are
    released one by one as they are encoded.
    """
    memo = memo if memo is not None else Memo()
    count = len(entries)
    if postings is None:
        postings = Postings(vocab)
        for entry in entries:
            postings.add(entry)
    if postings.count != count:
        raise ValueError(f"postings of {postings.count} documents for {count} entries")
    keys = vocab.keys
    lists: list = postings.lists
    used = [kid for kid, lst in enumerate(lists) if lst]
    memo.keys_used = len(used)
    grouped: dict[str, list[int]] = {}
    for kid in used:
        key = keys[kid]
        grouped.setdefault(key.split(SEP, 1)[0], []).append(kid)
    # 1. Every posting list encoded: from the memo, else made (in workers when there are many).
    order = sorted(grouped, key=_order)
    encoded: list[bytes | None] = []
    missing: list[tuple[int, bytes, int, bool]] = []  # (position in encoded, tone, kid, with_tf)
    memo_keys: list[bytes] = []
    list_keys: list[bytes | None] = [None] * len(lists)
    known_key, old = postings.known_key, memo.old
    for folded in order:
        kids = grouped[folded]
        if len(kids) > 1:
            kids.sort(key=lambda k: _order(keys[k]))
        with_tf = " " not in folded
        for kid in kids:
            key = keys[kid]
            memo_key = known_key(kid)  # an untouched list of the last assembly: not hashed again
            value = old.get(memo_key) if memo_key is not None else None
            if value is None:
                memo_key, value = memo.find((key.encode("utf-8"), b"\0", lists[kid]))
            list_keys[kid] = memo_key
            if value is None:
                tone = key[len(folded) + 1:].encode("utf-8") if SEP in key else b""
                missing.append((len(encoded), tone, kid, with_tf))
            memo_keys.append(memo_key)
            encoded.append(value)
    work = sum(len(lists[kid]) for _, _, kid, _ in missing)
    for (at, *_), value in zip(missing, _made(_encode_lists, missing, {"lists": lists, "vector": work >= VECTOR_WORK},
                                              work)):
        encoded[at] = value
    for memo_key, value in zip(memo_keys, encoded):
        memo.keep(memo_key, value)
    memo.list_keys = list_keys
    if not keep:
        for kid in used:
            lists[kid] = None
    # 2. Shards of the sorted keys, then every file packed (gzip): from the memo, else made.
    shard_keys: list[str] = []
    datas: list[bytes] = []
    current: list[bytes] = []
    size = 0
    position = iter(encoded)
    for folded in order:
        kids = grouped[folded]
        body_bytes = b"".join((varint(len(kids)), *(next(position) for _ in kids)))
        name = folded.encode("utf-8")
        record = b"".join((varint(len(name)), name, varint(len(body_bytes)), body_bytes))
        if current and size + len(record) > SHARD_BYTES:
            datas.append(b"".join(current))
            current, size = [], 0
        if not current:
            shard_keys.append(folded)
        current.append(record)
        size += len(record)
    if current:
        datas.append(b"".join(current))
    # Record groups: an entry's key names its record, so a group of named entries is looked up by the
    # names (~0.05 s less for 10,000 articles than joining and hashing 13 MB of records).
    starts = range(0, count, GROUP)
    named = doc_keys is not None and len(doc_keys) == count
    groups: list[bytes | None] = []
    found = []
    for g in starts:
        names_here = doc_keys[g:g + GROUP] if named else ()
        memo_key = value = None
        if names_here and all(names_here):
            memo_key, value = memo.find((b"named records", "\0".join(names_here).encode("utf-8")))
        data = None if value is not None else b"[" + b",".join(e.record for e in entries[g:g + GROUP]) + b"]"
        groups.append(data)  # None: packed already
        found.append((memo_key, value) if memo_key is not None else memo.find((b"records", data)))
    names_of = [f"{prefix}r/{g}.bin" for g in range(len(groups))] + [f"{prefix}s/{n}.bin" for n in range(len(datas))]
    found += [memo.find((b"shard", data)) for data in datas]
    plain = groups + datas
    todo = [i for i, (_, value) in enumerate(found) if value is None]
    packed = dict(zip(todo, _made(_pack_all, [plain[i] for i in todo], {}, sum(len(plain[i]) for i in todo))))
    # The version readers' caches go by: a digest of every file's content, through the memo keys
    # (digests of the same bytes) rather than the 20 MB of records and shards hashed again.
    digest = hashlib.sha256()
    for i, (path, (memo_key, value)) in enumerate(zip(names_of, found)):
        if value is None:
            value = packed[i]
        memo.keep(memo_key, value)
        digest.update(memo_key)
        yield path, value
    manifest = {
        "format": FORMAT,
        "version": digest.hexdigest()[:12],
        "count": count,
        "group": GROUP,
        "shards": shard_keys,
        "years": {str(y): list(r) for y, r in sorted(years.items())},
        "names": names.export(),
    }
    yield f"{prefix}index.json", json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---- Reading (the Python twin of the decoder in search.js; for tests and tools) ----

def read_varint(data: bytes, at: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        byte = data[at]
        at += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return n, at


def read_set(data: bytes, at: int) -> tuple[list[int], int]:
    header, at = read_varint(data, at)
    m = header >> 1
    if not header & 1:
        out, value = [], -1
        for _ in range(m):
            gap, at = read_varint(data, at)
            value += gap + 1
            out.append(value)
        return out, at
    size, at = read_varint(data, at)
    bits = int.from_bytes(data[at:at + size], "little")
    return [i for i in range(size * 8) if bits >> i & 1], at + size


def read_shard(data: bytes) -> dict[str, list[tuple[str, list[int], list[int]]]]:
    """A shard (inflated) as {folded key: [(exact spelling, ids, values)]}, values as (tf << 3) | flags."""
    out: dict[str, list] = {}
    at = 0
    while at < len(data):
        klen, at = read_varint(data, at)
        key = data[at:at + klen].decode("utf-8")
        at += klen
        blen, at = read_varint(data, at)
        end = at + blen
        nvar, at = read_varint(data, at)
        lists = []
        for _ in range(nvar):
            vlen, at = read_varint(data, at)
            tone = data[at:at + vlen].decode("utf-8")
            at += vlen
            ids, at = read_set(data, at)
            values = [0] * len(ids)
            if " " not in key:
                values = [(data[at + (i >> 1)] >> ((i & 1) * 4) & 15) << 3 for i in range(len(ids))]
                at += (len(ids) + 1) >> 1
            for flag in (TITLE, LEAD, TERM):
                positions, at = read_set(data, at)
                for p in positions:
                    values[p] |= flag
            lists.append((tone, ids, values))
        assert at == end, key
        out[key] = lists
    return out
