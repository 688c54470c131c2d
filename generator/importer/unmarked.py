"""Text typed without Vietnamese marks ("tinh nghe an", "ket luan 01 cua bo chinh tri").

Such a paste (from a chat app, an old phone) is imported as it stands, with a warning. For
the evidence only (provinces and documents, never the article's text) the names the
registries know are read back with their marks, and only where a word says what they are:
"tinh nghe an" -> "tỉnh Nghệ An", "huyen do luong" -> "huyện Đô Lương", "chi thi 05" ->
"Chỉ thị 05". A bare "nghe an" stays as it is: unmarked words collide too easily.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..search.text import fold
from ..taxonomy import Registries
from .places import load_districts

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 15  # fewer words without a mark prove nothing: a headline of English or of names
_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Quận ủy",
                "Thị ủy")
_DOC_WORDS = ("Chỉ thị", "Nghị quyết", "Kết luận", "Quy định", "Quyết định", "Hướng dẫn", "Thông báo", "Kế hoạch",
              "Đề án", "Thông tri", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Trung ương",
              "Ban Thường vụ", "của", "số", "khóa")


def unmarked(text: str) -> bool:
    """A text of some length in which no word carries a Vietnamese mark (nor "đ")."""
    words = _WORD.findall(text)
    return len(words) >= MIN_WORDS and all(w.isascii() for w in words)


# English words no unmarked Vietnamese text has: an English page ("… honours exemplary models in following …").
# ("to", "in", "an", "on", "it", "be" are left out: unmarked "tô", "in", "an", "ổn", "ít", "bé" are Vietnamese.)
_ENGLISH = frozenset("the of and for with is are was were has have had by at from that this its their which who "
                     "will been as said".split())
ENGLISH_SHARE = 0.12  # English prose has one such word in five; unmarked Vietnamese none


def english(text: str) -> bool:
    """An unmarked text in English rather than Vietnamese typed without marks."""
    words = [w.lower() for w in _WORD.findall(text)]
    return len(words) >= MIN_WORDS and sum(w in _ENGLISH for w in words) >= ENGLISH_SHARE * len(words)


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(fingerprint: str, provinces: tuple[str, ...]) -> tuple[re.Pattern, dict, re.Pattern, dict]:
    places = {fold(name): name for name in provinces}
    places.update((fold(name), name) for name, _d in load_districts())
    kinds = {fold(w): w for w in _PLACE_WORDS}
    place = re.compile(rf"(?<!\w)({_alternation(kinds)})\s+({_alternation(places)})(?!\w)", re.IGNORECASE)
    docs = {fold(w): w for w in _DOC_WORDS}
    doc = re.compile(rf"(?<!\w)({_alternation(docs)})(?!\w)", re.IGNORECASE)
    return place, {**kinds, **places}, doc, docs


def marked_reading(text: str, registries: Registries) -> str:
    """The text with the marks put back on place names after a place word and on document words."""
    provinces = tuple(n for p in registries.provinces for n in p.names)
    place, names, doc, docs = _patterns(registries.fingerprint, provinces)

    text = place.sub(lambda m: names[_key(m.group(1))] + " " + names[_key(m.group(2))], text)
    return doc.sub(lambda m: docs[_key(m.group(1))], text)


def _key(matched: str) -> str:
    return re.sub(r"\s+", " ", matched.lower())
