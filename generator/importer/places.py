"""The provinces an article is about, weighed by where and how each is named.

A province named in the headline or the lead counts more than one named in the body; in
the body, "Tỉnh ủy X", "tỉnh X" (the subject) count double and "tại X", "ở X", "từ X" (a
venue, a trip) a quarter; a news agency's dateline ("Hà Nội (TTXVN 11/3) -") hardly counts.
District-level units (districts.csv: "Huyện ủy Phú Ninh" -> Quảng Nam) count for their
province unless the name exists in several provinces; a paper's source tag at the head of
the lead ("(QNO) -", "(Baoquangngai.vn)-", source_tags.csv) counts like a lead mention.
The page around the article (site name, footer) counts a little, once per province.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..taxonomy import Province, Registries
from ..vietnamese import normalize, slugify, term_key
from .entities import PhraseMatcher

HERE = Path(__file__).parent
DISTRICTS_FILE = HERE / "districts.csv"
TAGS_FILE = HERE / "source_tags.csv"

WEIGHTS = {"title": 4.0, "summary": 3.0, "body": 1.0}
FURNITURE = 0.75
TAG = 3.0
DISTRICT = 0.8
SUBJECT = 2.0
VENUE = 0.25
DATELINE = 0.5
CAPITAL = "ha-noi"  # named only as a venue, the capital is where central bodies meet

_I = re.IGNORECASE
_VENUE = re.compile(r"(?<!\w)(?:tại|ở|từ|đến|ra|vào|sang|lên|xuống|thăm)\s+(?:(?:tỉnh|thành\s+phố|TP\.?|"
                    r"Thủ\s+đô|thủ\s+đô|địa\s+bàn)\s+)?$", _I)
_SUBJECT = re.compile(r"(?<!\w)(?:tỉnh|thành\s+phố|TP\.?|ủy|uỷ|bộ|UBND|HĐND|Thủ\s+đô)\s*$", _I)
_DISTRICT_KIND = re.compile(r"(?<!\w)(?:huyện|quận|thị\s+xã|thành\s+phố|TP\.?|TX\.?|huyện\s+đảo|"
                            r"Huyện\s+ủy|Huyện\s+uỷ|Quận\s+ủy|Thị\s+ủy|Thành\s+ủy|Thành\s+uỷ|Thị\s+uỷ)\s*$", _I)
_NOT_DISTRICT_CONTEXT = re.compile(
    r"(?<!\w)(?:xã|phường|thị\s+trấn|thôn|xóm|ấp|bản|làng|buôn|khu\s+phố|tổ\s+dân\s+phố|đường|(?<!thành\s)phố|trường|"
    r"chi\s+bộ|anh|chị|ông|bà|em|cô|thầy|đồng\s+chí|cháu|cụ|già\s+làng|hồ|núi|sông|cầu|chợ|bến|đồn|"
    r"cửa\s+khẩu|đảo|quần\s+đảo|khu|công\s+ty|nhà\s+máy)\s*$", _I)
_DISTRICT_WORD = re.compile(r"(?<!\w)(?:huyện|quận|thị\s+xã|huyện\s+đảo|Huyện\s+(?:ủy|uỷ)|Quận\s+(?:ủy|uỷ)|Thị\s+(?:ủy|uỷ))\s*$", _I)
_UPPER_BEFORE = re.compile(r"(?:^|\s)[^\W\d_]*[A-ZÀ-ỸĐ][^\W\d_]*\s$")
_DATELINE = re.compile(r"^\s*([^()\-–—:.]{2,40}?)\s*(?:,\s*ngày\s*\d{1,2}\s*/\s*\d{1,2}\s*)?"
                       r"\((?:TTXVN|VNA|TTXVN/VNA|Chinhphu\.vn|VOV|PV)[^)]{0,20}\)\s*[-–—:]?", _I)
_TAG = re.compile(r"^\s*(?:\(\s*([^()\s]{2,30})\s*\)|([A-ZĐ][A-ZĐa-z]{1,6}))\s*[-–—:]?\s*")
_DOMAIN = re.compile(r"^(?:www\.)?bao([a-z]+?)(?:dientu)?\.(?:com\.vn|org\.vn|gov\.vn|vn|net)$", _I)


@dataclass(frozen=True)
class District:
    name: str
    province: str
    needs_prefix: bool
    needs_district_word: bool = False  # the name is also a province's name


@dataclass
class Places:
    """The chosen provinces, how sure the importer is, and where the evidence was."""

    provinces: list[Province] = field(default_factory=list)
    sure: bool = True
    line: int | None = None  # the line of the strongest mention of the first province
    warnings: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)


def _rows(path: Path) -> list[dict]:
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=2)
def load_districts(path: Path = DISTRICTS_FILE) -> tuple[tuple[str, District], ...]:
    """(spelling, district) for every unambiguous district name and its variants."""
    rows = _rows(path)
    provinces_of: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        provinces_of[term_key(row["name"])].add(row["province"])
    out = []
    for row in rows:
        if len(provinces_of[term_key(row["name"])]) > 1:
            continue  # Châu Thành, Tam Nông...: names in several provinces say nothing alone
        single_syllable = len(row["name"].split()) == 1
        district = District(row["name"], row["province"], row["needs_prefix"].strip() == "x" or single_syllable)
        for spelling in [row["name"], *(v for v in row["variants"].split("|") if v.strip())]:
            out.append((normalize(spelling.strip()), district))
    return tuple(out)


@lru_cache(maxsize=2)
def load_tags(path: Path = TAGS_FILE) -> dict[str, tuple[str, ...]]:
    return {term_key(row["tag"]): tuple(p.strip() for p in row["province"].split("|")) for row in _rows(path)}


def _apostrophes(text: str) -> str:
    """Apostrophes in names ("Cư M'gar") as spaces, same length, so positions still hold."""
    return text.replace("'", " ").replace("’", " ")


_MATCHERS: dict[str, tuple] = {}


def _matchers(registries: Registries) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, Province]]:
    cached = _MATCHERS.get(registries.fingerprint)
    if cached is not None:
        return cached
    provinces = PhraseMatcher([(_apostrophes(n), p) for p in registries.provinces for n in _spellings(p)],
                              proper_names=True)
    by_name = {p.name: p for p in registries.provinces}
    province_of = {term_key(n): p.name for p in registries.provinces for n in p.names}
    # A district named like another province ("huyện Quảng Ninh" in Quảng Bình) counts only after a
    # district word: bare, the name means the province. (Thành phố Lào Cai is in Lào Cai: no matter.)
    phrases = []
    for spelling, d in load_districts():
        if d.province in by_name:
            other = province_of.get(term_key(spelling), d.province) != d.province
            phrases.append((_apostrophes(spelling), replace(d, needs_district_word=other)))
    districts = PhraseMatcher(phrases, proper_names=True)
    _MATCHERS[registries.fingerprint] = (provinces, districts, by_name)
    return provinces, districts, by_name


def _spellings(province: Province) -> list[str]:
    """The registry's names, and each short one written joined and unmarked as in web addresses and
    hashtags: "Daknong", "Gialai" (only as a capitalised word, like every province name)."""
    names = list(province.names)
    for name in province.names:
        syllables = name.split()
        if 2 <= len(syllables) <= 3 and all(s.isalpha() for s in syllables):
            joined = slugify(name).replace("-", "")
            names.append(joined[:1].upper() + joined[1:])
    return names


class PlaceKeys(frozenset):
    """Term keys of place names, with those of the provinces apart (``provinces``): a district's name is often a
    writer's too ("Thanh Hà"), a province's never is ("Hà Nội (TTXVN)" is a dateline)."""

    provinces: frozenset[str] = frozenset()


def place_keys(registries: Registries) -> PlaceKeys:
    """Term keys of every province and district name: a line that is only a place is no byline."""
    provinces = {term_key(n) for p in registries.provinces for n in p.names}
    keys = PlaceKeys(provinces | {term_key(s) for s, _d in load_districts()})
    keys.provinces = frozenset(provinces)
    return keys


@lru_cache(maxsize=1)
def dashed_place_keys() -> frozenset[str]:
    """Term keys of the place names spelt with a dash ("Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm"): such a
    dash belongs to the name, it separates no desk from an outlet."""
    keys = set()
    for row in _rows(DISTRICTS_FILE):
        for name in (row["province"], row["name"], *row["variants"].split("|")):
            key = term_key(name)
            if "-" in key:
                keys.add(key)
    return frozenset(keys)


def source_tag(summary: str, registries: Registries) -> tuple[str, ...]:
    """Provinces of the paper whose tag heads the lead: "(QNO) - ..." -> ("Quảng Nam",)."""
    m = _TAG.match(summary or "")
    if not m:
        return ()
    tag = (m.group(1) or m.group(2) or "").strip()
    found = load_tags().get(term_key(tag))
    if found:
        return found
    province = province_of_domain(tag, registries)
    return (province,) if province else ()


def province_of_domain(address: str, registries: Registries) -> str | None:
    """The province of a provincial paper's web address: "baolamdong.vn" -> "Lâm Đồng"."""
    domain = _DOMAIN.match(address.lower())
    if domain:
        compact = domain.group(1)
        for p in registries.provinces:
            if slugify(p.name).replace("-", "").replace("tp", "", 1 if p.name.startswith("TP.") else 0) == compact:
                return p.name
    return None


_ADDRESS = re.compile(r"^(?:https?://)?((?:[\w-]+\.)+[a-z]{2,})/?$", _I)


def source_name(source: str, registries: Registries) -> str:
    """A source as the paper's name: "baolamdong.vn" -> "Báo Lâm Đồng" (a provincial paper is
    "Báo" + its province); another web address as itself, without "https://" and "www."."""
    m = _ADDRESS.match(source.strip())
    if not m:
        return source
    domain = m.group(1).lower().removeprefix("www.")
    province = province_of_domain(domain, registries)
    return f"Báo {province}" if province else domain


def find_places(segments: list[tuple[str, str, int]], registries: Registries, furniture: str = ""
                ) -> Places:
    """segments: (part, text, line) with part "title", "summary" or "body"."""
    province_matcher, district_matcher, by_name = _matchers(registries)
    score: Counter = Counter()
    best: dict[str, tuple[float, int]] = {}
    first: dict[str, int] = {}

    elsewhere: set[str] = set()  # provinces named once at least in the article other than as a venue

    def add(name: str, weight: float, line: int, aside: bool = False) -> None:
        if not aside:
            elsewhere.add(name)
        score[name] += weight
        first.setdefault(name, len(first))
        if weight > best.get(name, (0.0, 0))[0]:
            best[name] = (weight, line)

    for part, text, line in segments:
        text = normalize(text)
        dateline_end = -1
        if part == "summary":
            m = _DATELINE.match(text)
            dateline_end = m.end(1) if m else -1
        matchable = _apostrophes(text)
        for pos, province in province_matcher.find(matchable):
            before = text[max(0, pos - 40):pos]
            if _DISTRICT_WORD.search(before) or _NOT_DISTRICT_CONTEXT.search(before):
                continue  # "huyện Quảng Ninh" (in Quảng Bình), "xã Hòa Bình", "đường Hà Nội"
            in_dateline = pos < dateline_end
            add(province.name, _weight(part, before, in_dateline), line,
                aside=not in_dateline and bool(_VENUE.search(before)))
        for pos, district in district_matcher.find(matchable):
            before = text[max(0, pos - 40):pos]
            prefixed = bool(_DISTRICT_KIND.search(before))
            if _NOT_DISTRICT_CONTEXT.search(before) or (district.needs_prefix and not prefixed):
                continue
            if district.needs_district_word and not _DISTRICT_WORD.search(before):
                continue  # "Quảng Ninh: ..." is the province, not huyện Quảng Ninh of Quảng Bình
            if not prefixed and _UPPER_BEFORE.search(before[-30:]):
                continue  # "Nguyễn Thanh Hà": part of a person's name
            weight = WEIGHTS[part] * DISTRICT * (SUBJECT if part == "body" and prefixed else 1.0)
            add(district.province, weight, line)
    summary = next((text for part, text, _line in segments if part == "summary"), "")
    summary_line = next((line for part, _text, line in segments if part == "summary"), 0)
    tagged = source_tag(summary, registries)
    for name in tagged:
        if name in by_name and (len(tagged) == 1 or score[name] > 0):
            add(name, TAG, summary_line)
    if furniture:
        seen = {p.name for _pos, p in province_matcher.find(_apostrophes(normalize(furniture)))}
        for name in seen:
            add(name, FURNITURE, 0, aside=True)  # a national paper's address in its footer
    notes = []
    for name in [n for n in score if by_name[n].slug == CAPITAL and n not in elsewhere]:
        weight = score.pop(name)  # "Chiều 17/5, tại Hà Nội, Thủ tướng …": where central bodies meet, not the subject
        if all(w < weight for w in score.values()):  # said only where the capital would have been chosen
            notes.append(f"“{name}” chỉ được nhắc là nơi diễn ra sự kiện (thường là sự kiện của Trung ương): "
                         "không tính là tỉnh của bài; nếu bài viết về Thủ đô, hãy ghi province")
    found = _choose(score, best, first, by_name)
    return replace(found, warnings=notes + found.warnings) if notes else found


def _weight(part: str, before: str, in_dateline: bool) -> float:
    if in_dateline:
        return DATELINE
    weight = WEIGHTS[part]
    if _VENUE.search(before):
        return weight * VENUE
    if part == "body" and _SUBJECT.search(before):
        return weight * SUBJECT
    return weight


def _choose(score: Counter, best: dict, first: dict, by_name: dict[str, Province]) -> Places:
    if not score:
        return Places([], False, None, ["không xác định được tỉnh: bài không nêu tên tỉnh, thành phố, huyện nào "
                                        "(chữ “tỉnh” đứng một mình không đủ); để trống province"])
    ranked = sorted(score, key=lambda n: (-score[n], first[n]))
    top = score[ranked[0]]
    chosen = [n for n in ranked if score[n] >= max(2.0, top / 2)]
    warnings = []
    sure = True
    if not chosen:
        if len(ranked) == 1 and top >= FURNITURE:
            chosen = ranked[:1]
            sure = False
            warnings.append(f"tỉnh “{chosen[0]}” chỉ được nhắc thoáng qua: không chắc chắn")
        else:
            names = ", ".join(ranked[:4])
            return Places([], False, None, [f"bài chỉ nhắc thoáng qua nhiều tỉnh ({names}): không chọn tỉnh nào; "
                                            "để trống province"], dict(score))
    if len(chosen) > 3:
        warnings.append("bài nêu nhiều tỉnh ngang nhau: chỉ giữ 3 tỉnh được nhắc nhiều nhất: " + ", ".join(chosen[:3]))
        chosen = chosen[:3]
        sure = False
    runner_up = next((score[n] for n in ranked if n not in chosen), 0.0)
    if top < 4 or runner_up > top / 3:
        sure = False
    return Places([by_name[n] for n in chosen], sure, best[chosen[0]][1] or None, warnings, dict(score))
