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

Output (under the search page's folder, ``tim-kiem/du-lieu/``):

* ``index.json``  manifest: version, document count, shard boundaries, year
  ranges, name sequences for the query side;
* ``s/<n>.bin``   shards of the sorted key space, each about SHARD_BYTES. A shard
  is records [u16 key length][key][u32 body length][body]; a body is
  [u16 spellings] then per spelling [u8 length][tone key][u32 n] and n postings
  of [document id: u16, or u32 above 65,535 documents][value: u8], little-endian;
* ``d/<id>.json`` one small record per article for showing a result (title,
  URL, date, provinces, summary, start of the text for the snippet).

Document ids are positions in the site's newest-first order, so a year is a
range of ids and a lower id is a newer article.
"""
from __future__ import annotations

import hashlib
import json
import re
import struct
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from typing import Iterable, Iterator

from ..content import Article
from ..vietnamese import format_date
from .text import _TOKEN, fold, html_to_text, prepare, squeeze, tokenize, tone_key

FORMAT = 1
SHARD_BYTES = 24 * 1024
EXCERPT_CHARS = 1200       # body text kept per document for snippets
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
        # that starts no spelling is rejected at its first character.
        return re.compile(r"(?<![^ ])" + _trie_regex(" ".join(seq) for seq in self.sequences) + r"(?![^ ])")

    @cached_property
    def keys(self) -> dict[str, str]:
        return {" ".join(seq): key for seq, key in self.sequences.items()}

    def find(self, folded: list[str]) -> list[str]:
        """Canonical keys of the names in a folded token list, one per occurrence."""
        if not self.sequences:
            return []
        keys = self.keys
        return [keys[m] for m in self.pattern.findall(" ".join(folded))]

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
    record: bytes           # d/<id>.json


_FOLDED: dict[str, str] = {}   # token as written -> folded key (per process; the inventory is small)
_FULL: dict[str, str] = {}     # token as written -> "folded\x1ftone key"


def _learn(tokens) -> None:
    for token in tokens:
        if token not in _FOLDED:
            folded = fold(token)
            _FOLDED[token] = folded
            _FULL[token] = folded + SEP + tone_key(token)


def _field_counts(text: str, names: Names | None, pairs: int | None = None) -> dict[str, int]:
    """Keys of one field with their counts: exact spellings, bigrams, names (disjoint key kinds).

    Bigrams are taken from the first `pairs` tokens only (all when None).
    """
    tokens = _TOKEN.findall(prepare(text))
    if not tokens:
        return {}
    _learn(set(tokens))
    folded = list(map(_FOLDED.__getitem__, tokens))
    head = folded if pairs is None else folded[:pairs]
    counts = Counter(map(" ".join, zip(head, head[1:])))       # bigrams: "lam theo"
    dict.update(counts, Counter(map(_FULL.__getitem__, tokens)))  # spellings: "bac\x1fbac4"
    if names is not None:
        dict.update(counts, Counter(names.find(folded)))          # names: "~p:lao-cai"
    return counts


_SHIFTED = bytes(min(n, MAX_TF) << 3 for n in range(MAX_TF + 1))


def index_entry(article: Article, tags: tuple = (), names: Names | None = None, url: str = "") -> Entry:
    """Everything the index needs from one article. Pure: same article -> same entry.

    Depends on the article, its resolved tags, the registries (through names) and
    its URL: a cache keyed by the article's key and the registries' fingerprint
    can keep entries of unchanged articles.
    """
    body_text = html_to_text(article.body)
    counts = _field_counts(body_text, names, BODY_PAIRS)  # the bulk: no per-key Python work below
    flags: dict[str, int] = {}
    lead = " ".join(p for p in (article.summary, article.sapo, " ".join(t.name for t in tags), article.author) if p)
    for flag, text in ((TITLE, article.title), (LEAD, lead)):
        for key, n in _field_counts(text, names).items():
            counts[key] = counts.get(key, 0) + n
            flags[key] = flags.get(key, 0) | flag
    for term in (*("~p:" + p.slug for p in article.provinces), *("~d:" + d.slug for d in article.directives)):
        counts.setdefault(term, 0)
        flags[term] = flags.get(term, 0) | TERM
    keys = tuple(counts)
    values = bytearray(map(_SHIFTED.__getitem__, map(min, counts.values(), repeat(MAX_TF))))
    if flags:
        where = dict(zip(keys, range(len(keys))))
        for key, flag in flags.items():
            values[where[key]] |= flag
    return Entry(keys, bytes(values), doc_record(article, body_text, url))


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
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def partial_index(entries: Iterable[Entry], first: int, id_bytes: int) -> tuple[list[bytes], dict[str, bytearray]]:
    """Records and postings of consecutive documents from id `first`: key -> (id, value) pairs."""
    records: list[bytes] = []
    postings: dict[str, bytearray] = {}
    get = postings.get
    for doc, entry in enumerate(entries, first):
        idb = doc.to_bytes(id_bytes, "little")
        for key, value in zip(entry.keys, entry.values):
            buf = get(key)
            if buf is None:
                buf = postings[key] = bytearray()
            buf += idb
            buf.append(value)
        records.append(entry.record)
    return records, postings


def _order(key: str) -> bytes:
    """UTF-16 code unit order: the order JavaScript compares strings in."""
    return key.encode("utf-16-be")


def assemble(parts: Iterable[tuple[list[bytes], dict[str, bytearray]]], count: int,
             years: dict[int, tuple[int, int]], names: Names, prefix: str) -> Iterator[tuple[str, bytes]]:
    """Files of the index from partial indexes of consecutive document ranges, in order.

    Merging costs one step per key and part, not per posting.
    """
    id_bytes = 2 if count <= 0xFFFF else 4
    step = id_bytes + 1
    merged: dict[str, list] = {}
    doc = 0
    record_digest = hashlib.sha256()
    for records, postings in parts:
        for record in records:
            yield f"{prefix}d/{doc}.json", record
            record_digest.update(record)
            doc += 1
        for key, buf in postings.items():
            lst = merged.get(key)
            if lst is None:
                merged[key] = [buf]
            else:
                lst.append(buf)
    # Group exact spellings under their folded key; order keys as JavaScript does.
    grouped: dict[str, list[str]] = {}
    for key in merged:
        grouped.setdefault(key.split(SEP, 1)[0], []).append(key)
    shard_keys: list[str] = []
    current: list[bytes] = []
    size = 0
    first = ""
    number = 0
    digest = hashlib.sha256()

    def flush():
        data = b"".join(current)
        digest.update(data)
        return f"{prefix}s/{number}.bin", data

    for folded in sorted(grouped, key=_order):
        variants = sorted(grouped[folded], key=_order)
        body = [struct.pack("<H", len(variants))]
        for key in variants:
            raw = key.split(SEP, 1)[1].encode("utf-8") if SEP in key else b""
            data = b"".join(merged.pop(key))
            body += [struct.pack("<B", len(raw)), raw, struct.pack("<I", len(data) // step), data]
        body_bytes = b"".join(body)
        name = folded.encode("utf-8")
        record = struct.pack("<H", len(name)) + name + struct.pack("<I", len(body_bytes)) + body_bytes
        if current and size + len(record) > SHARD_BYTES:
            shard_keys.append(first)
            yield flush()
            number += 1
            current, size = [], 0
        if not current:
            first = folded
        current.append(record)
        size += len(record)
    if current:
        shard_keys.append(first)
        yield flush()
    digest.update(record_digest.digest())
    manifest = {
        "format": FORMAT,
        "version": digest.hexdigest()[:12],
        "count": doc,
        "idBytes": id_bytes,
        "shards": shard_keys,
        "years": {str(y): list(r) for y, r in sorted(years.items())},
        "names": names.export(),
    }
    yield f"{prefix}index.json", json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
