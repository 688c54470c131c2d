"""Central documents and topic tags named in an article (provinces: places.py).

Everything is resolved through the registries (generator/data/*.csv and the site's
own data folder): names are matched as whole words, tone-mark placement and dash
style ignored, longest name first, so "Bà Rịa – Vũng Tàu" is one province and
"tỉnh" alone is none. Document symbols are read before any diacritics are
dropped, because "CT/TƯ" (central) stripped would read "CT/TU" (provincial).
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..taxonomy import PACKAGE_DATA, Directive, Registries, Tag
from ..vietnamese import normalize, term_key
from .campaigns import campaign_directives

_TOKEN = re.compile(r"\w+")
_JOIN = re.compile(r"[\s\-–—.]{0,3}")
WEIGHTS = {"title": 3, "summary": 2, "body": 1}


# -- whole-word phrase matching ------------------------------------------------------

@dataclass(frozen=True)
class _Phrase:
    keys: tuple[str, ...]
    upper: tuple[bool, ...]  # first letter of each word upper case, for proper names
    value: object


class PhraseMatcher:
    """Finds phrases as whole words, ignoring tone-mark placement and dash style."""

    def __init__(self, phrases: list[tuple[str, object]], proper_names: bool):
        self.proper_names = proper_names
        self._by_first: dict[str, list[_Phrase]] = {}
        for text, value in phrases:
            words = _TOKEN.findall(normalize(text))
            if not words:
                continue
            phrase = _Phrase(tuple(term_key(w) for w in words), tuple(w[0].isupper() for w in words), value)
            self._by_first.setdefault(phrase.keys[0], []).append(phrase)
        for group in self._by_first.values():
            group.sort(key=lambda p: -len(p.keys))

    def find(self, text: str) -> list[tuple[int, object]]:
        """(position, value) of every match, longest name first, no overlaps."""
        return [(start, value) for start, _end, value in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, object]]:
        """(start, end, value) of every match, longest name first, no overlaps."""
        tokens = list(_TOKEN.finditer(text))
        keys = [term_key(t.group()) for t in tokens]  # term_key is cached: a word is keyed once
        found = []
        first = self._by_first
        free = 0  # the first token not inside a match already found
        for i in [i for i, key in enumerate(keys) if key in first]:  # only where a phrase may start
            if i < free:
                continue
            for phrase in first[keys[i]]:
                if i + len(phrase.keys) <= len(tokens) and self._fits(phrase, tokens, keys, i, text):
                    free = i + len(phrase.keys)
                    found.append((tokens[i].start(), tokens[free - 1].end(), phrase.value))
                    break
        return found

    def _fits(self, phrase: _Phrase, tokens, keys, i: int, text: str) -> bool:
        for k, key in enumerate(phrase.keys):
            token = tokens[i + k]
            if keys[i + k] != key:
                return False
            if self.proper_names and token.group()[0].isupper() != phrase.upper[k]:
                return False
            if k and not _JOIN.fullmatch(text[tokens[i + k - 1].end():token.start()]):
                return False
        return True


# -- central documents ---------------------------------------------------------------

_DOC_TYPES = r"Chỉ thị|Nghị quyết|Quy định|Kết luận|Quyết định|Hướng dẫn|Thông báo|Kế hoạch|Đề án|Thông tri"
_SYMBOL = re.compile(r"(?<![\w/])(\d{1,4})\s*[-–]\s*([^\W\d_]{1,4})\s*/\s*([^\W\d_]{1,4})(?![\w])")
_SYMBOL_REV = re.compile(r"(?<![\w/])(\d{1,4})\s*/\s*([^\W\d_]{1,4})\s*[-–]\s*([^\W\d_]{1,4})(?![\w/])")
_NAMED = re.compile(rf"(?<!\w)({_DOC_TYPES})\s+(?:số\s+)?(\d{{1,4}})(?![\d\w])", re.IGNORECASE)
_PLENUM = re.compile(
    r"(?<!\w)(?:Nghị quyết|NQ)\s+(?:Hội nghị\s+)?(?:lần thứ\s+)?(?:Trung ương|T\.?Ư|T\.?W|TW)\s*(?:lần thứ\s+)?"
    r"(\d{1,2})(?!\d)(?:\s*[,(\-–]?\s*(?:khóa|khoá)\s+([IVXLC]+|\d{1,2})(?![\w]))?", re.IGNORECASE)
_TERM = re.compile(r"^\s*[,(\-–]?\s*(?:khóa|khoá)\s+([IVXLC]+|\d{1,2})(?!\w)", re.IGNORECASE)
_CENTRAL_CODES = {"TW", "TƯ"}
# Where the issuer after "của" ends: punctuation, the subject ("về …"), or a place ("… ở cơ sở", "tại tỉnh"),
# which names where the document is carried out, not who issued it.
_ISSUER_END = re.compile(rf"[,.;:()“”\"]|\b(?:về|và|gắn|nhằm|đã|để|trong|với|ở|tại)\b|{_DOC_TYPES}", re.IGNORECASE)
_CENTRAL = [term_key(s) for s in ("Bộ Chính trị", "Ban Bí thư", "Trung ương", "TW", "TƯ", "T.Ư")]
_LOCAL = [term_key(s) for s in ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Ban Thường vụ",
                                "UBND", "Ủy ban", "HĐND", "tỉnh", "huyện", "thành phố", "Sở")]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X",
         11: "XI", 12: "XII", 13: "XIII", 14: "XIV", 15: "XV"}


def _roman(term: str | None) -> str | None:
    if not term:
        return None
    return ROMAN.get(int(term)) if term.isdigit() else term.upper()


def _has(phrase_key: str, markers: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(m)}(?!\w)", phrase_key) for m in markers)


def _first(phrase_key: str, markers: list[str]) -> int | None:
    found = [m.start() for k in markers for m in [re.search(rf"(?<!\w){re.escape(k)}(?!\w)", phrase_key)] if m]
    return min(found) if found else None


def _local_first(issuer_key: str) -> bool:
    """The issuer is a local body: a local name comes before any central one ("của Bộ Chính trị … cơ sở" is
    central, though "sở" is a local word)."""
    local, central = _first(issuer_key, _LOCAL), _first(issuer_key, _CENTRAL)
    return local is not None and (central is None or local < central)


@dataclass
class _Found:
    directives: dict[str, tuple[int, Directive]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, pos: int, d: Directive) -> None:
        if d.symbol not in self.directives or pos < self.directives[d.symbol][0]:
            self.directives[d.symbol] = (pos, d)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def find_directives(text: str, registries: Registries, published=None) -> tuple[list[Directive], list[str]]:
    """Central documents cited, in order of first mention; provincial ones are skipped."""
    reg = registries.directives
    found = _Found()
    for rx in (_SYMBOL, _SYMBOL_REV):
        for m in rx.finditer(text):
            number, kind, issuer = m.group(1), m.group(2), m.group(3).upper()
            if issuer not in _CENTRAL_CODES:
                continue  # 05-ĐA/TU, 15-QĐi/TU: provincial, district or Party-committee documents
            entry = reg.get(f"{number}-{kind}/TW") or reg.get(f"{int(number):02d}-{kind}/TW")
            if entry is None:
                found.warn(f"văn bản “{m.group(0)}” không có trong danh mục văn bản, đã bỏ qua")
            else:
                found.add(m.start(), entry)
    for m in _NAMED.finditer(text):
        after = text[m.end():]
        if re.match(r"\s*[-–/]\s*[^\W\d_]", after):
            continue  # a symbol follows: read above
        _named(m, after, reg, found)
    for m in _PLENUM.finditer(text):
        _plenum(m, reg, found, published)
    _abbreviated(text, registries, found)
    named, warnings = campaign_directives(text, published)
    for pos, symbol in named:
        if reg.get(symbol) is not None:  # a site's own registry may leave one out
            found.add(pos, reg.get(symbol))
    for message in warnings:
        found.warn(message)
    return [d for _pos, d in sorted(found.directives.values(), key=lambda x: x[0])], found.warnings


# "CT05", "CT 05", "KL01", "QĐ 144", "05-CT": the short forms of the registry's names that search
# reads (search/names.py); the importer takes from them only those starting with the kind's
# abbreviation or the number: "Chỉ thị 05 …" is read above, with its issuer.
_LETTER_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")
_SPELLED_KINDS = {"chi", "nghi", "quy", "ket", "huong", "thong", "ke", "de", "quyet"}
_NAMES: dict[str, tuple] = {}


def _short_forms(registries: Registries):
    cached = _NAMES.get(registries.fingerprint)
    if cached is None:
        from ..search.names import Names  # the same spellings the site's search reads
        names = Names.from_registries(registries)
        cached = (names, {d.slug: d for d in registries.directives})
        _NAMES[registries.fingerprint] = cached
    return cached


def _abbreviated(text: str, registries: Registries, found: _Found) -> None:
    from ..search.text import fold
    names, by_slug = _short_forms(registries)
    if not names.sequences:
        return
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(_LETTER_DIGIT.sub(" ", text))]
    joined, starts = " ", []
    for token, _start in tokens:
        starts.append(len(joined))
        joined += fold(token) + " "
    at = {offset: k for k, offset in enumerate(starts)}
    for m in names.pattern.finditer(joined):
        key = names.keys.get(m.group(1), "")
        first = m.group(1).split()[0]
        if not key.startswith("~d:") or first in _SPELLED_KINDS or key[3:] not in by_slug:
            continue
        k = at.get(m.start(1))
        n = len(m.group(1).split())
        if k is None or any(t == "TU" or t == "tu" for t, _s in tokens[k:k + n]):
            continue  # "CT05/TU": a provincial document (TU without its mark is Tỉnh ủy)
        start = tokens[k][1]
        after = text[tokens[k + n - 1][1] + len(tokens[k + n - 1][0]):][:80]
        issuer = after.split("của", 1)[1] if after.lstrip().startswith("của") else ""
        if issuer.strip() and _has(term_key(issuer), _LOCAL) and not _has(term_key(issuer), _CENTRAL):
            continue  # "CT05 của Tỉnh ủy"
        found.add(start, by_slug[key[3:]])


def _named(m: re.Match, after: str, reg, found: _Found) -> None:
    kind, number = m.group(1), m.group(2)
    end = _ISSUER_END.search(after[:80])
    window = after[:end.start() if end else 80]
    issuer = window.split("của", 1)[1] if "của" in window else ""
    issuer_key = term_key(issuer)
    label = f"{kind} {number}" + (f" của{issuer.rstrip()}" if issuer.strip() else "")
    if issuer.strip() and _local_first(issuer_key):
        return  # "Chỉ thị 06 của Ban Thường vụ Tỉnh ủy": a provincial document
    term = _TERM.match(after)
    term = _roman(term.group(1)) if term else None
    if issuer.strip() and _has(issuer_key, _CENTRAL):
        candidates = [d for d in reg if term_key(d.type) == term_key(kind) and d.number.isdigit()
                      and int(d.number) == int(number) and d.symbol.upper().endswith("/TW")
                      and (term is None or d.term == term)]
        if len(candidates) == 1:
            found.add(m.start(), candidates[0])
        elif not candidates:
            found.warn(f"“{label.strip()}” không có trong danh mục văn bản, đã bỏ qua")
        else:
            entry = reg.get(f"{kind} {number}")
            if entry is not None:
                found.add(m.start(), entry)
            else:
                found.warn(f"“{label.strip()}” ứng với nhiều văn bản (khóa khác nhau), đã bỏ qua")
        return
    entry = reg.get(f"{kind} {number}")  # a bare "Chỉ thị 05" counts only if the registry lists it
    if entry is not None and (term is None or entry.term == term):
        found.add(m.start(), entry)


def _plenum(m: re.Match, reg, found: _Found, published) -> None:
    session, term = int(m.group(1)), _roman(m.group(2))
    label = f"Nghị quyết Trung ương {session}" + (f" khóa {term}" if term else "")
    entry = reg.get(label) if term else None
    if entry is None:
        session_key = term_key(f"Trung ương {session}")
        candidates = [d for d in reg if term_key(d.type) == term_key("Nghị quyết")
                      and re.search(rf"{re.escape(session_key)}(?!\d)", term_key(d.issuer))
                      and (term is None or d.term == term)]
        if term is None and published is not None:
            candidates = [d for d in candidates if d.date <= published.date()]
            candidates = sorted(candidates, key=lambda d: d.date)[-1:]
        if len(candidates) == 1:
            entry = candidates[0]
        elif not candidates:
            found.warn(f"“{label}” không có trong danh mục văn bản, đã bỏ qua")
            return
        else:
            found.warn(f"“{label}” không rõ khóa nào, đã bỏ qua")
            return
    found.add(m.start(), entry)


# -- tags ----------------------------------------------------------------------------

ETHNIC_GROUPS = Path(__file__).resolve().parent / "ethnic_groups.csv"
_ETHNIC = "{dân tộc}"  # in a keyword: each ethnic minority's name ("đồng bào {dân tộc}": "đồng bào Khmer" …)


@lru_cache(maxsize=1)
def ethnic_names(path: Path = ETHNIC_GROUPS) -> tuple[str, ...]:
    """Every name and spelling of the 53 ethnic minorities, one line a group ("#" lines are notes)."""
    names: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names += [normalize(n.strip()) for n in line.split("|") if n.strip()]
    return tuple(names)


def _expand(keyword: str) -> list[str]:
    """A keyword, or one per ethnic minority's name when it holds the "{dân tộc}" placeholder."""
    if _ETHNIC not in keyword:
        return [keyword]
    return [keyword.replace(_ETHNIC, name) for name in ethnic_names()]


def tag_keywords(registries: Registries, path: Path = PACKAGE_DATA / "tags.csv") -> list[tuple[Tag, list[str]]]:
    """Each tag with its keywords: the CSV's keywords column, else the tag's own names. A bare
    "đồng bào" is no keyword of anything: Bác's "Hỡi đồng bào cả nước" speaks to every citizen."""
    keywords: dict[str, list[str]] = {}
    if path.is_file():
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                words = [w for k in (row.get("keywords") or "").split("|") if k.strip()
                         for w in _expand(normalize(k.strip()))]
                keywords[term_key(row.get("name", ""))] = words
    return [(tag, keywords.get(term_key(tag.name)) or list(tag.names)) for tag in registries.tags]


# Names that open with an ethnic minority's name and are no people of it: countries, a regime, and (from the
# registries) provinces and districts ("người Thái Bình", "đồng bào Mường Tè" are people of a place).
_NOT_ETHNIC = ("Thái Lan", "Mông Cổ", "Hoa Kỳ", "Khmer Đỏ")


def _not_ethnic(keywords: list[str], registries: Registries) -> list[str]:
    """Phrases that look like an ethnic keyword going on into a place's name: "người Thái Bình"."""
    from .places import DISTRICTS_FILE, _rows  # places imports this module
    places = [*_NOT_ETHNIC, *(n for p in registries.provinces for n in p.names)]
    places += [n.strip() for row in _rows(DISTRICTS_FILE) for n in [row["name"], *row["variants"].split("|")]
               if n.strip()]
    by_first: dict[str, list[str]] = {}
    for place in places:
        by_first.setdefault(term_key(place.split()[0]), []).append(normalize(place))
    out = []
    for keyword in keywords:
        head, _sp, name = keyword.rpartition(" ")
        for place in by_first.get(term_key(name), ()):
            if len(place.split()) > 1:
                out.append(f"{head} {place}")
    return out


_TAG_MATCHERS: dict[tuple[str, str], tuple] = {}  # (registries' fingerprint, use) -> (vocabulary, matcher)


def _tag_matcher(registries: Registries, page: bool = False) -> tuple[list, PhraseMatcher]:
    """The vocabulary and a matcher of its keywords (values: indexes into it; ``page``: also the tags' names and
    aliases, values: tags), blockers (value None) added; built once per registries (~300 ethnic phrases)."""
    key = (registries.fingerprint, "page" if page else "text")
    if key not in _TAG_MATCHERS:
        vocabulary = tag_keywords(registries)
        phrases: list[tuple[str, object]]
        if page:
            phrases = [(n, tag) for tag in registries.tags for n in tag.names]
            phrases += [(k, tag) for tag, words in vocabulary for k in words]
        else:
            phrases = [(k, i) for i, (_tag, words) in enumerate(vocabulary) for k in words]
        blocked = _not_ethnic([k for k, _v in phrases if " " in k], registries)
        _TAG_MATCHERS[key] = vocabulary, PhraseMatcher(phrases + [(k, None) for k in blocked], proper_names=False)
    return _TAG_MATCHERS[key]


def _tag_score(parts: dict[str, str], registries: Registries) -> tuple[list, Counter]:
    """The vocabulary and each tag's weighted keyword count (index into the vocabulary)."""
    vocabulary, matcher = _tag_matcher(registries)
    score: Counter = Counter()
    for part, text in parts.items():
        text = text.replace("'", " ").replace("’", " ")  # "M’nông" as "M'Nông"
        last = (-1, None)  # where the last match ended, and its tag
        for start, end, index in matcher.spans(text):
            # a blocker (longer than the keyword it stops) counts nothing; two keywords of one tag written
            # as one phrase ("vùng đồng bào" + "dân tộc thiểu số") count once
            if index is not None and not (last[1] == index and not text[last[0]:start].strip()):
                score[index] += WEIGHTS[part]
            last = (end, index)
    return vocabulary, score


PAGE_TAG = 6  # a tag the source page gave the article itself: as much as twice in the headline
_HASHTAG = re.compile(r"#([^\W_][\w]*)")


def _camel_words(tag: str) -> str:
    """"ĐồngBàoKhmer" as "Đồng Bào Khmer": a space before a capital after a small letter (the ranges à-ỹ and
    À-Ỹ of a regex interleave small and capital letters: "Đ ồng Bào")."""
    return "".join(" " + c if k and c.isupper() and tag[k - 1].islower() else c for k, c in enumerate(tag))


def page_tags(keywords: list[str], registries: Registries) -> list[Tag]:
    """The registry's tags among the page's own ("Từ khóa: …", <meta name="keywords">,
    "#DânVậnKhéo"): by the tags' names, aliases and keywords ("đồng bào Khmer" is "dân tộc thiểu số"),
    never as new tags."""
    _vocabulary, matcher = _tag_matcher(registries, page=True)
    found: list[Tag] = []
    for text in keywords:
        text = _HASHTAG.sub(lambda m: " " + _camel_words(m.group(1)) + " ;", normalize(text))
        for _pos, tag in matcher.find(text.replace("'", " ").replace("’", " ")):
            if tag is not None and tag not in found:
                found.append(tag)
    return found


def find_tags(parts: dict[str, str], registries: Registries, most: int = 5, least: int = 2,
              page: list[Tag] = ()) -> tuple[list[Tag], list[str]]:
    """2-5 tags from the vocabulary whose keywords the article uses most; ``page``: the tags the
    source page gave the article, which count as candidates with PAGE_TAG points each."""
    vocabulary, score = _tag_score(parts, registries)
    index = {term_key(tag.name): i for i, (tag, _words) in enumerate(vocabulary)}
    for tag in page:
        if term_key(tag.name) in index:
            score[index[term_key(tag.name)]] += PAGE_TAG
    ranked = sorted(score, key=lambda i: (-score[i], i))
    top = score[ranked[0]] if ranked else 0
    chosen = [i for i in ranked if score[i] >= max(3, top / 4)][:most]
    if len(chosen) < least:
        chosen = [i for i in ranked if score[i] >= 2][:least] or ranked[:least]
    warnings = []
    if len(chosen) < least:
        warnings.append(f"chỉ chọn được {len(chosen)} chủ đề từ danh mục; hãy bổ sung tags")
    return [vocabulary[i][0] for i in chosen], warnings


def tag_scores(parts: dict[str, str], registries: Registries) -> list[tuple[str, int]]:
    """Every tag's score, for tuning the keywords column (used by tests and by hand)."""
    vocabulary, score = _tag_score(parts, registries)
    return sorted(((vocabulary[i][0].name, s) for i, s in score.items()), key=lambda x: -x[1])
