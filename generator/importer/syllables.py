"""Whether a word is one Vietnamese syllable: the evidence the legacy-encoding repair (legacy.py)
weighs before it rewrites a line.

A syllable is an onset, a rhyme from the closed list of Vietnamese rhymes and at most one tone;
a rhyme closed by p, t, c or ch takes only the sắc or nặng tone ("bác", "bạc", never "bảc").
Both tone-mark placements (hoà, hòa) are syllables. Loanwords and names outside the syllable
system ("Genève", "pizza") are not: a caller only counts them, it never rewrites by them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPES = {"\u0306", "\u0302", "\u031b"}
_SHARP, _HEAVY = 4, 5

# Rhymes without tone (vần), grouped by their main vowel; the medial o/u forms last.
_RHYMES = frozenset("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
y yêm yên yêng yêt yêu
o oc oi om on ong ooc oong op ot
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
oa oac oach oai oam oan oang oanh oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
uâc uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uynh uyt uyu
""".split())
# After "qu" the u is the onset's: "quốc" is qu + ôc, "quyết" qu + yêt, "quỳnh" qu + ynh.
_AFTER_QU = frozenset({r for r in _RHYMES if r[0] not in "uo"} | {"ych", "ynh", "yt"})
_ONSETS = ("ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_FRONT = "ieêy"  # k, gh, ngh go before these vowels only; c, ng never do
_STOPS = re.compile(r"(?:p|t|c|ch)$")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when word (any case, NFC or NFD) is one Vietnamese syllable."""
    plain, tone = _untoned(word)
    if plain is None or not plain:
        return False
    for onset in _ONSETS:
        if not plain.startswith(onset):
            continue
        rhyme = plain[len(onset):]
        if onset == "gi" and rhyme == "":
            return True  # "gì", "gỉ": the i is the rhyme, read with g
        if onset == "qu":
            ok = rhyme in _AFTER_QU
        else:
            ok = rhyme in _RHYMES and _onset_fits(onset, rhyme)
        if ok and (tone in (0, _SHARP, _HEAVY) or not _STOPS.search(rhyme)):
            return True
    return False


def _onset_fits(onset: str, rhyme: str) -> bool:
    front = rhyme[0] in _FRONT
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    if onset == "gi":
        return rhyme[0] not in "i"
    return True


def _untoned(word: str) -> tuple[str | None, int]:
    """(the lowercase word without its tone, the tone), or (None, 0) when it holds anything but
    Vietnamese letters or carries two tones."""
    tone = 0
    out = []
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONES:
            if tone:
                return None, 0
            tone = _TONES[ch]
        elif ch in _SHAPES or "a" <= ch <= "z" or ch == "đ":
            out.append(ch)
        else:
            return None, 0
    plain = unicodedata.normalize("NFC", "".join(out))
    if not all(ch in _LETTERS for ch in plain):
        return None, 0
    return plain, tone


_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
