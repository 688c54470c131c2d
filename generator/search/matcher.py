"""Province and directive names found in the tokens of a batch (names.Names' sequences)."""
from __future__ import annotations

import numpy as np

from .entries import WORD
from .names import MARKS, NEEDS_CAPITAL, Names
from .text import CAPITAL, EDGE, key_hash, mix, prefix_code
from .vocab import Tokens, Vocab, table_of

_U64 = np.uint64


class NameMatcher:
    """Names.sequences found in folded tokens: the walk of Names.find (leftmost, longest, no
    overlap), vectorised up to the walk itself. A name of several tokens is found by the hash
    of its tokens joined by spaces (key_hash), grown from the pair hashes token by token where
    a pair starts some name; a one-token name by the token's hash. A province's name is taken
    only where each token fits it (Names.fits): by word, Names.word_fault (its marks, whether it
    needs a capital); by token, whether it has one (text.CAPITAL)."""

    def __init__(self, names: Names | None):
        self.vocab = Vocab()
        self.keys: dict[str, int] = {}
        self.pairs = None  # no names: none found
        self.longest = 1   # tokens of the longest name
        self.checked = np.zeros(0, np.uint8)  # per name number: 1 for a province's (its tokens must fit)
        self.names = names
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
        self.joined, self.pairs = table_of(joined), table_of(starts)
        self.checked = np.zeros(self.vocab.count, np.uint8)
        self.checked[[n for k, n in self.keys.items() if k.startswith("~p:")]] = 1
        self.singles = np.array(sorted(singles), dtype=_U64)
        self.single_numbers = np.array([singles[h] for h in sorted(singles)], dtype=np.int64)

    def single_of(self, folds: np.ndarray) -> np.ndarray:
        """Per folded key hash, the number of the name of one token it is, or -1."""
        at = np.minimum(np.searchsorted(self.singles, folds), len(self.singles) - 1)  # (some singles)
        return np.where(self.singles[at] == folds, self.single_numbers[at], -1)

    def word_fault(self, strings) -> np.ndarray:
        """Names.word_fault of each word ((folded, tone key) as Vocab.strings holds it)."""
        if self.names is None:
            return np.zeros(len(strings), np.uint8)
        fault = self.names.word_fault
        return np.array([fault(folded, tone) for folded, tone in strings], np.uint8)

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

    def find(self, tokens: Tokens, at: np.ndarray, h: np.ndarray, up: np.ndarray, numbers: np.ndarray,
             fault: np.ndarray):
        """(text, name number) of every name in the texts, in order; at: the tokens that start a
        pair some name starts with, h: those pairs' key hashes; numbers: each token's word
        number, fault: per word number, word_fault's."""
        none = np.zeros(0, np.int64), np.zeros(0, np.int64)
        if self.pairs is None or not len(tokens.fold):
            return none
        seg, folds, length, brk = tokens.seg, tokens.fold, tokens.length, tokens.edges()
        # per token: whether it may stand in a province's name
        bits = fault[numbers]
        fits = (bits & MARKS == 0) & ((bits & NEEDS_CAPITAL == 0) | (brk & CAPITAL != 0))
        found_at, found_len, found_number = [], [], []
        size = length[at] + 1 + length[at + 1]
        for count in range(2, self.longest + 1):
            if count > 2:  # one token more: still within the text
                nxt = at + count - 1
                ok = (nxt < len(folds))
                ok[ok] &= (seg[nxt[ok]] == seg[at[ok]]) & (brk[nxt[ok]] & EDGE == 0)
                at, h, size = at[ok], h[ok], size[ok]
                nxt = nxt[ok]
                h = h + _U64(32) * up[size] + folds[nxt] * up[size + 1]
                size = size + 1 + length[nxt]
            number = self.joined.get(h)
            hit = number >= 0
            hit[hit] = ~self.checked[number[hit]].astype(bool) | np.logical_and.reduce(
                [fits[at[hit] + k] for k in range(count)])
            found_at.append(at[hit])
            found_len.append(np.full(int(hit.sum()), count))
            found_number.append(number[hit])
        for single, number in zip(self.singles.tolist(), self.single_numbers.tolist()):
            hit = np.flatnonzero(folds == _U64(single))
            if self.checked[number]:
                hit = hit[fits[hit]]
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
