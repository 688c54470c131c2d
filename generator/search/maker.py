"""Parts made for many articles at once: Maker (one per process) tokenises a batch, numbers
its words, pairs and names, and counts their postings (compiled kernels where built, else
their numpy twins)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from . import kernels
from .entries import (FIELD_FLAGS, FIELDS, PAIR, TERM, WORD, Doc, Part, keep_freed_memory, oldest_first,
                      word_spelling)
from .matcher import NameMatcher
from .names import Names
from .text import (BREAK, CAPITAL, P, TONE_STEP, _TOKEN, fold, html_blocks, key_hash, mix, prefix_code, prepare, sentences,
                   tone_key, units)
from .twins import (count_postings, glue, mix_array, narrow, number_pending, pair_prefix, part_rows, posting_values,
                    seg_bounds, texts_at)
from .vocab import PREPARE, UNKNOWN, Chars, Powers, Tokens, Vocab, batch_text, tokens_concat

_U64 = np.uint64
CHUNK = 48                   # texts tokenised at once (16 documents): their arrays stay in the CPU's cache


class Maker:
    """Makes parts. One per process: forked workers inherit what their parent learnt and learn on."""

    def __init__(self, names: Names | None):
        self.names = names
        self.chars = Chars()
        self.powers = Powers()
        self.words, self.pairs, self.folds = Vocab(), Vocab(), {}
        self.name_start = np.zeros(0, dtype=np.uint8)  # per pair met: tokens of the longest name it starts, or 0
        self.word_single = np.zeros(0, dtype=np.int64)  # per word met: the name of one token it is, or -1
        self.word_fault = np.zeros(0, dtype=np.uint8)  # per word met: NameMatcher.word_fault's
        self.matcher = NameMatcher(names)
        # kernels.post's marks and slots of the words, pairs and names, and the documents counted
        self.marks = [(np.zeros(0, np.int64), np.zeros(0, np.int64)) for _ in range(3)]
        self.rows = [np.zeros(0, np.int64) for _ in range(3)]  # _part's rows of the words, names and pairs
        self.stamp = 0
        self.tags: dict = {}  # tag name -> how the registries resolve it (search.worker_tags)

    # -- tokens --

    def tokens(self, texts: list[str]) -> Tokens:
        """The tokens of the texts; a text holding a unit the tables can't stand for goes the
        reference way."""
        text = batch_text(texts)
        code = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
        packed = self.chars.lookup(code)
        odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= PREPARE) if packed.view(np.uint16)[0::4].max(
            initial=0) >= PREPARE else ()
        if len(odd):
            if (packed[odd] == UNKNOWN).any():
                self.chars.learn(np.unique(code[odd][packed[odd] == UNKNOWN]))
                packed = self.chars.lookup(code)
                odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= PREPARE)
            if (packed[odd] == PREPARE).any():
                texts = [prepare(t) for t in texts]
                text = batch_text(texts)
                code = np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)
                packed = self.chars.lookup(code)
                odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= PREPARE)
                if (packed[odd] == UNKNOWN).any():
                    self.chars.learn(np.unique(code[odd][packed[odd] == UNKNOWN]))
                    packed = self.chars.lookup(code)
                    odd = np.flatnonzero(packed.view(np.uint16)[0::4] >= PREPARE)
        if not len(odd):
            return self._fast(text, packed, [len(t) for t in texts])
        # texts the tables can't stand for are tokenised by the reference rules
        slow = texts_at(texts, odd)
        kept = [t if i not in slow else "" for i, t in enumerate(texts)]
        text = batch_text(kept)
        packed = self.chars.lookup(np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16))
        fast = self._fast(text, packed, [len(t) for t in kept])
        return tokens_concat([fast, *(self._slow(i, texts[i]) for i in sorted(slow))])

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
        slow = self.tokens([html_blocks(texts[i]) if i % FIELDS == 0 else sentences(texts[i]) for i in left])
        slow.seg = np.array(left, dtype=np.int64)[slow.seg]  # its texts' places in the batch
        return tokens_concat([tokens, slow]), None

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
        seg = np.repeat(np.arange(len(lengths)), np.diff(np.searchsorted(starts, seg_bounds(lengths))))
        brk = np.zeros(len(starts), np.uint8)  # (none before a text's first token)
        if len(starts) > 1:
            brk[1:] = (edges[starts[1:] - 1] != edges[ends[:-1] - 1]) & (seg[1:] == seg[:-1])
        brk |= np.where(units16[3::4][starts] & 1, 0, CAPITAL).astype(np.uint8)  # no LOWER: a capital
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
        brk = np.array([(k > 0 and BREAK in text[found[k - 1].end():m.start()]) | (
            0 if m.group(0)[0].islower() else CAPITAL) for k, m in enumerate(found)], np.uint8)
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
        texts = [t for d in docs for t in (html_blocks(d.body), sentences(d.title), sentences(d.lead))]
        tokens = tokens_concat([self.tokens(texts[i:i + CHUNK]) for i in range(0, len(texts), CHUNK)], CHUNK)
        numbers = self._word_numbers(tokens)
        # a spelling's folded key is known once the word is; pairs: adjacent tokens of one text and block
        doc_of, flags, tokens.fold, same, codes, pair_doc, pair_flag = glue(tokens.seg, tokens.edges(), numbers,
                                                                            self.words.fold, self.words.folded)
        lists, word_docs, counts, flag = count_postings(numbers, doc_of, flags, None, n, self.words.count)
        words = (lists, word_docs, posting_values(counts, flag))
        longest = self.matcher.longest  # a name's hash grows over its tokens and the spaces between
        self.powers.ensure((int(tokens.length.max(initial=0)) + 1) * longest + 2)
        pairs = self._pairs(tokens, same, codes, numbers)
        names = self._names(tokens, same, pairs, numbers, docs, n) if self.matcher.pairs is not None or any(
            d.terms for d in docs) else None
        lists, pair_docs, _, pair_flags = count_postings(pairs, pair_doc, pair_flag, None, n, self.pairs.count)
        return self._part(words, names, (lists, pair_docs, pair_flags), docs)

    def _compiled(self, tokens: Tokens, numbers: np.ndarray, docs: list[Doc]) -> Part:
        """Maker.part's steps after the word numbers, by two kernels: the number of the pair each
        token starts (new ones are described here), then the postings of the words, pairs and
        names at once."""
        pnum, new, codes = kernels.pairs(tokens.seg, tokens.edges(), numbers, self.words.folded, self.pairs.table)
        self.powers.ensure((int(tokens.length.max(initial=0)) + 1) * self.matcher.longest + 2)
        if len(new):  # the batch's new pairs, each met first at new[j] and numbered -3 - j
            number_pending(pnum, self._pairs(tokens, new, codes, numbers, new=True), 3)
        matcher, names = self.matcher, None
        terms = [(d, matcher.number(key)) for d, doc in enumerate(docs) for key in doc.terms]
        if matcher.pairs is not None or terms:
            term_docs, term_numbers = (np.array(a, dtype=np.int64).reshape(-1) for a in zip(*terms)) if terms else (
                np.zeros(0, np.int64),) * 2
            joined, word_single = None, None
            if matcher.pairs is not None:
                joined = matcher.joined
                if len(matcher.singles):  # each new word looked up once, not each token
                    known = len(self.word_single)
                    self.word_single = np.concatenate((self.word_single, matcher.single_of(
                        self.words.fold[known:self.words.count])))
                    word_single = self.word_single
            names = (self.name_start, self.pairs.spelling, self.powers.up, joined, word_single, term_docs,
                     term_numbers, TERM, matcher.checked, self._word_faults())
        marks = []
        for kind, vocab in enumerate((self.words, self.pairs, matcher.vocab)):
            self.marks[kind] = tuple(grown(a, vocab.count, 0) for a in self.marks[kind])  # new lists: no stamp (0)
            marks.append(self.marks[kind])
        words, pairs, found = kernels.post(tokens.seg, tokens.edges(), numbers, tokens.length, pnum, self.words.fold,
                                           FIELDS, FIELD_FLAGS, self.stamp, marks, names)
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
                heads, mixed = WORD << 48 | tokens.heads[1][where], mix_array(hashes)
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
            number_pending(known, self.words.added(tokens.spelling[firsts], lambda where: describe(firsts[where])), 2)
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
            heads = PAIR << 48 | pair_prefix(self.words.order_key[numbers[at]], self.words.order_key[numbers[at + 1]],
                                              length)
            longest = self.matcher.pairs.get(pair) if self.matcher.pairs is not None else np.zeros(len(where), np.int64)
            self.name_start = np.concatenate((self.name_start, np.maximum(longest, 0).astype(np.uint8)))
            return heads, mix_array(pair), strings, pair

        return self.pairs.added(codes, describe) if new else self.pairs.numbers(codes, describe)

    def _word_faults(self) -> np.ndarray:
        """word_fault, grown to the words met (each new word looked at once)."""
        known = len(self.word_fault)
        if known < self.words.count:
            self.word_fault = np.concatenate((self.word_fault, self.matcher.word_fault(self.words.strings[known:])))
        return self.word_fault

    def _names(self, tokens: Tokens, same, pair_numbers, word_numbers, docs: list[Doc], n: int):
        matcher = self.matcher
        starting = np.flatnonzero(self.name_start[pair_numbers])
        seg, numbers = matcher.find(tokens, same[starting], self.pairs.spelling[pair_numbers[starting]],
                                    self.powers.up, word_numbers, self._word_faults())
        terms = [(d, matcher.number(key)) for d, doc in enumerate(docs) for key in doc.terms]
        doc_of = np.concatenate((seg // FIELDS, np.array([d for d, _ in terms], dtype=np.int64)))
        flags = np.concatenate((FIELD_FLAGS[seg % FIELDS], np.full(len(terms), TERM, dtype=np.uint8)))
        weights = np.concatenate((np.ones(len(seg), dtype=np.int64), np.zeros(len(terms), dtype=np.int64)))
        numbers = np.concatenate((numbers, np.array([k for _, k in terms], dtype=np.int64)))
        lists, docs_, counts, flag = count_postings(numbers, doc_of, flags, weights, n, matcher.vocab.count)
        return lists, docs_, posting_values(counts, flag)

    def _part(self, words, names, pairs, docs: list[Doc]) -> Part:
        """The part's table of lists (words, names, pairs met, each kind in the order first met) and
        its postings by row of the table, narrowed (part_widths); the strings of the lists this
        process had not sent yet."""
        names = names if names is not None else (np.zeros(0, np.int64),) * 2 + (np.zeros(0, np.uint8),)
        vocabs = (self.words, self.matcher.vocab, self.pairs)
        kinds = [(np.ascontiguousarray(a, np.int64), np.ascontiguousarray(d, np.int64),
                  np.ascontiguousarray(v, np.uint8)) for a, d, v in (words, names, pairs)]
        for k, vocab in enumerate(vocabs):  # per kind: each number's row while a part is made, else -1
            self.rows[k] = grown(self.rows[k], vocab.count, -1)
        compiled = kernels.LIB is not None
        distinct, ends = kernels.rows(kinds, self.rows) if compiled else part_rows(kinds, self.rows)
        types = part_widths(len(distinct), len(docs))
        postings = (kernels.narrow if compiled else narrow)(kinds, self.rows, distinct, ends, *types)
        keys, mixed, spellings, strings = [], [], [], {}
        for vocab, first, end in zip(vocabs, (0, *ends[:-1].tolist()), ends.tolist()):
            met = distinct[first:end]
            keys.append(vocab.order_key[met])
            mixed.append(vocab.mixed[met])
            spellings.append(vocab.spelling[met])
            vocab.sent = grown(vocab.sent, vocab.count, False)
            new = met[~vocab.sent[met]]
            vocab.sent[new] = True
            for number, spelling in zip(new.tolist(), vocab.spelling[new].tolist()):
                strings[spelling] = vocab.strings[number]
        return Part(np.concatenate(keys), np.concatenate(mixed), np.concatenate(spellings), *postings, strings,
                    [d.record for d in docs], [d.key for d in docs], [d.order for d in docs])


def grown(array: np.ndarray, count: int, fill: int) -> np.ndarray:
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
