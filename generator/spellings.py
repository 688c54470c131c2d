"""The spellings a registry name is written and typed in, as folded token sequences.

One definition for the search's name table (search/names.py) and for the registries'
look-up of front matter and `lamtheobac new` (taxonomy.Registry): a directive named
"CT05" or "chỉ thị 5" in a query is found, so it is understood in an article too.
The registries' look-up key of a name (lookup_key) and its folded tokens are here too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .vietnamese import fold, normalize, term_key

# Matched on term_key's output, where a syllable's tone is a digit at its end ("số" -> "sô4"): written
# as plain "số" the pattern never matched. Only before a number ("Chỉ thị số 06"), so that a tag such as
# "số hóa" keeps its own identity.
_SO = re.compile(r"\b" + re.escape(term_key("số")) + r"\s+(?=\d)")
_TU = re.compile(r"/" + re.escape(term_key("tư")) + r"\b")


@lru_cache(maxsize=65536)
def lookup_key(text: str) -> str:
    """term_key plus the spellings documents vary on: "số", "TƯ" for "TW"."""
    key = term_key(text)
    key = _SO.sub("", key)
    return _TU.sub("/tw", key)


WORD = re.compile(r"[^\W_]+")  # a name's words: "05-CT/TW" is 05, CT, TW (taxonomy reads names by them)
_JOINED = re.compile(r"^([a-z]{1,3})(\d+)$|^(\d+)([a-z]{1,3})$")  # "ct05", "05ct": as search.js reads them


def folded_tokens(name: str) -> tuple[str, ...]:
    out: list[str] = []
    for token in WORD.findall(normalize(name)):
        folded = fold(token)
        joined = _JOINED.match(folded)
        out += [part for part in joined.groups() if part] if joined else [folded]
    return tuple(out)


def name_forms(base: tuple[str, ...], directive: bool) -> set[tuple[str, ...]]:
    """The folded forms of a name (its folded tokens): "TƯ" for "TW"; "số" left out or added
    before a number ("Chỉ thị số 05", "Chỉ thị 05"); a directive's kind before its number ("CT
    05", typed "CT05", "CT05/TW") or after it without its issuer ("05-CT", "05CT"), its kind
    shortened or written out in an alias ("NQ TW4 khóa 12", "Nghị quyết TW4 khóa 12"), its
    congress's term in either numerals ("khóa XII", "khóa 12"); numbers with or without their
    leading zeros ("chỉ thị 5")."""
    if not base:
        return set()
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
    if directive:  # "05-CT/TW" is also written and typed "CT 05", "CT05", "CT05/TW", "05-CT", "05CT"
        for form in list(forms):
            if len(form) == 3 and form[0].isdigit() and form[2] in ("tw", "tu") and form[1].isalpha():
                forms.update(((form[1], form[0]), (form[1], form[0], form[2]), form[:2]))
        for form in list(forms):  # a congress's term in either numerals: "khóa XII", "khóa 12"
            at = next((i + 1 for i, t in enumerate(form[:-1]) if t == "khoa" and form[i + 1] in _TERMS), 0)
            if at:
                forms.add(form[:at] + (_TERMS[form[at]],) + form[at + 1:])
        for form in list(forms):  # the kind written out or shortened: "Nghị quyết TW4 …", "NQ TW4 …"
            for short, full in _KINDS:
                if form[:len(full)] == full and len(form) > len(full):
                    forms.add(short + form[len(full):])
                elif form[:1] == short and len(form) > 1 and not form[1].isdigit():  # (a kind and number
                    forms.add(full + form[1:])                                       # have their own forms)
    for form in list(forms):  # numbers with or without leading zeros: "chỉ thị 5" is Chỉ thị 05
        forms.add(tuple(t.lstrip("0") or "0" if t.isdigit() else t for t in form))
    return {form for form in forms if form}


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
          "xvii", "xviii", "xix", "xx")
_TERMS = {**{r: str(n) for n, r in enumerate(_ROMAN, 1)}, **{str(n): r for n, r in enumerate(_ROMAN, 1)}}
# A kind's short form and its words, folded: aliases write either ("NQ TW4 khóa 12", "Nghị quyết TW4 khóa XII")
_KINDS = ((("nq",), ("nghi", "quyet")), (("ct",), ("chi", "thi")), (("kl",), ("ket", "luan")),
          (("qd",), ("quy", "dinh")))


def joined_form(symbol: str) -> str:
    """A directive's kind and number written together, as editors type them ("05-CT/TW" -> "CT05",
    "144-QĐ/TW" -> "QĐ144"): name_forms' form of the kind before the number, in the symbol's own
    letters; "" when it has none."""
    written = WORD.findall(normalize(symbol))
    shown = {fold(word): word for word in written}
    for form in sorted(name_forms(tuple(fold(word) for word in written), directive=True)):
        if len(form) == 2 and form[0].isalpha() and form[1].isdigit() and all(t in shown for t in form):
            return shown[form[0]] + shown[form[1]]
    return ""


def mark_fault(tone: str, allowed: frozenset[str]) -> bool:
    """Whether a tone key has marks no spelling in `allowed` (tone keys of one folded form) has:
    a letter's shape (ă â ê ô ơ ư đ) or a tone other than theirs. Fewer marks fit ("Dien",
    "Điên" for "Điện"); "diễn" (another tone) does not."""
    if tone in allowed:
        return False
    shaped, mark = _split_tone(tone)
    for other in allowed:
        letters, want = _split_tone(other)
        if mark in (0, want) and len(letters) == len(shaped) and all(
                a == b or a == fold(b) for a, b in zip(shaped, letters)):
            return False
    return True


def _split_tone(tone: str) -> tuple[str, int]:
    return (tone[:-1], int(tone[-1])) if tone[-1:].isdigit() and not tone.isdigit() else (tone, 0)
