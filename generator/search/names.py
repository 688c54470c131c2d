"""Province and directive names: every spelling as a sequence of folded tokens -> one key.

The index keeps a name under one key ("~p:dak-nong", "~d:05-ct-tw") wherever the
text or the front matter has any spelling of it; search.js reads the same table
from the manifest, so "Đắc Nông", "dak nong" or "chỉ thị 5" typed in a query find
the same key. Besides the listed spellings, each name gets the forms real text
and readers use: a directive's kind and number ("Nghị quyết 04", "Nghị quyết số
04-NQ/TW"), "TƯ" for "TW", "Chỉ thị số 05" and "Chỉ thị 05", numbers with
or without their leading zero ("chỉ thị 5"), and a directive's kind before its
number ("CT 05", which a reader types as "CT05", or "CT05/TW") or after it without
its issuer ("05-CT", "05CT"); the query side also joins the tokens of every form, so
"daknong" finds "dak nong").

A province's name counts in an article's text only where it is written as one: each token in
capitals where the registries write it so, and with the marks of a spelling the registries
give it, or fewer ("Dien Bien", "Điên Biên"), never others ("tự diễn biến" is no Điện Biên,
"hoa huệ" no Huế, "hòa bình" no Hòa Bình). ``fits`` is that rule for one token; the index's
kernels apply it by word (``Names.word_fault``) and by token (text.CAPITAL).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..spellings import mark_fault, name_forms
from .text import fold, tokenize, tone_key


MARKS, NEEDS_CAPITAL = 1, 2  # Names.word_fault's bits


@dataclass(frozen=True)
class Names:
    """Spellings of provinces and directives as folded token sequences -> canonical key."""
    sequences: dict[tuple[str, ...], str]
    fingerprint: str
    merged: dict[str, dict]  # 2025 unit -> the provinces merged into it (see merged_units)
    regions: dict[str, list]  # a region of the registry -> its provinces (see regions_of)
    # provinces' names: their tokens' folded forms -> the tone keys of the registries' spellings
    marks: dict[str, frozenset[str]] = field(default_factory=dict)
    small: frozenset[str] = frozenset()  # those tokens some spelling writes in small letters ("phố")

    @classmethod
    def from_registries(cls, registries) -> "Names":
        sequences: dict[tuple[str, ...], str] = {}
        marks: dict[str, set[str]] = {}
        small: set[str] = set()
        for province in registries.provinces:
            for name in province.names:
                _add(sequences, name, "~p:" + province.slug, directive=False)
                tokens = tokenize(name)
                for token in tokens:
                    marks.setdefault(fold(token), set()).add(tone_key(token))
                    if token[0].islower():
                        small.add(fold(token))
                if [fold(t) for t in tokens[:2]] == ["thanh", "pho"]:  # "thành phố Hồ Chí Minh" in a sentence
                    small.add("thanh")
        for directive in registries.directives:
            # its kind and number as readers write them ("Nghị quyết 04", "Nghị quyết số 04-NQ/TW"),
            # as "NQ 04" is: an alias need not list them
            for name in (*directive.names, directive.label, f"{directive.type} {directive.number}"):
                _add(sequences, name, "~d:" + directive.slug, directive=True)
        merged = merged_units(registries.provinces)
        regions = regions_of(registries.provinces)
        marks = {f: frozenset(tones) for f, tones in marks.items()}
        digest = hashlib.sha256(repr((sorted(sequences.items()), sorted(merged.items()), sorted(regions.items()),
                                      sorted((f, sorted(t)) for f, t in marks.items()), sorted(small))
                                     ).encode()).hexdigest()[:12]
        return cls(sequences, digest, merged, regions, marks, frozenset(small))

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

    def find(self, folded: list[str], written: list[str] | None = None) -> list[str]:
        """Canonical keys of the names in a folded token list, one per occurrence; with the
        tokens as written (an article's text), a province's name only where they fit it."""
        if not self.sequences:
            return []
        keys = self.keys
        if written is None:
            return [keys[m] for m in self.pattern.findall(" " + " ".join(folded) + " ")]
        longest = max(map(len, self.sequences))
        found, i = [], 0
        while i < len(folded):
            for count in range(min(longest, len(folded) - i), 0, -1):
                key = keys.get(" ".join(folded[i:i + count]))
                if key is not None and (not key.startswith("~p:") or all(map(self.fits, written[i:i + count]))):
                    found.append(key)
                    i += count
                    break
            else:
                i += 1
        return found

    def fits(self, token: str) -> bool:
        """Whether a token as written may stand in a province's name (see the module's rule)."""
        fault = self.word_fault(fold(token), tone_key(token))
        return not fault & MARKS and not (fault & NEEDS_CAPITAL and token[0].islower())

    def word_fault(self, folded: str, tone: str) -> int:
        """The part of `fits` a word decides whatever its case (the index's kernels keep it per
        word, the case per token): MARKS when its marks are none of a province's spellings of
        it, NEEDS_CAPITAL when those spell it with a capital; 0 for a word of no province's name."""
        allowed = self.marks.get(folded)
        if allowed is None:
            return 0
        return (MARKS if mark_fault(tone, allowed) else 0) | (0 if folded in self.small else NEEDS_CAPITAL)

    def export(self) -> list[list[str]]:
        """For the query side: [["dak nong", "~p:dak-nong"], …]."""
        return sorted([" ".join(seq), key] for seq, key in self.sequences.items())

    def export_marks(self) -> dict:
        """For the query side: {"marks": {folded token of a province's name: [tone keys of its
        spellings]}, "small": [those some spelling writes in small letters]} (Names.fits)."""
        return {"marks": {f: sorted(t) for f, t in sorted(self.marks.items())}, "small": sorted(self.small)}


def merged_units(provinces) -> dict[str, dict]:
    """The 2025 units that took in other provinces: {unit slug: {"name", "parts": [[slug, name], …]}}.

    The unit's slug is that of the pre-2025 province of the same name (Lâm Đồng took in
    Đắk Nông and Bình Thuận); units without one are keyed by the name's slug.
    """
    from ..vietnamese import slugify
    by_name = {p.name: p for p in provinces}
    units: dict[str, list] = {}
    for province in provinces:
        if province.merged_into_2025:
            units.setdefault(province.merged_into_2025, []).append(province)
    out = {}
    for name, members in sorted(units.items()):
        if len(members) < 2:
            continue
        own = by_name.get(name)
        slug = own.slug if own is not None else slugify(name)
        parts = sorted(members, key=lambda p: (p is not own, p.slug))
        out[slug] = {"name": name, "parts": [[p.slug, p.name] for p in parts]}
    return out


def regions_of(provinces) -> dict[str, list]:
    """The regions of the registry and their provinces: {"Tây Nguyên": [[slug, name], …]}, for
    the search page's offer of a region's provinces as a filter (a region names no province)."""
    from ..vietnamese import sort_key
    out: dict[str, list] = {}
    for province in provinces:
        if province.region:
            out.setdefault(province.region, []).append([province.slug, province.name])
    # in Vietnamese alphabetical order, as the page lists them (Đắk Lắk before Gia Lai)
    return {region: sorted(members, key=lambda m: sort_key(m[1])) for region, members in sorted(out.items())}


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


def _add(sequences: dict, name: str, key: str, directive: bool) -> None:
    for form in name_forms(tuple(fold(t) for t in tokenize(name)), directive):
        sequences.setdefault(form, key)
