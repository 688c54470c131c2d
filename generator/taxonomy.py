"""Terms and their registries: provinces, directives, tags, and the 34 units of 2025.

The project ships the 63 provinces, the units they became part of in the 2025
arrangement and the campaign's central documents as CSV files in
``generator/data``; a site extends or overrides them with files of the same name
in its own data folder. Lookups accept every listed spelling.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from .errors import ContentError, suggest
from .vietnamese import normalize, slugify, sort_key, term_key

PACKAGE_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str
    kind: str
    region: str
    merged_into_2025: str
    variants: tuple[str, ...]
    slug: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


@dataclass(frozen=True, slots=True)
class Directive:
    symbol: str
    type: str
    number: str
    date: date
    issuer: str
    term: str
    title: str
    aliases: tuple[str, ...]
    slug: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.symbol, *self.aliases)

    @property
    def name(self) -> str:
        return self.symbol

    @property
    def label(self) -> str:
        """"Chỉ thị số 05-CT/TW"."""
        return f"{self.type} số {self.symbol}"


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    slug: str
    description: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Unit:
    """A province-level unit of the 2025 arrangement (34 units from 1 July 2025).

    Articles stay filed under their historical province; a unit is extra information
    and gathers the articles of its former provinces (`members`)."""
    name: str
    kind: str                     # "tỉnh" or "thành phố"
    formed: date | None           # when it took its 2025 form; None: unchanged
    variants: tuple[str, ...]
    members: tuple[Province, ...]  # the provinces (before 2025) it is made of, in code order
    slug: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


_CITY_PREFIX = re.compile(r"^(?:TP\.?|Thành phố)\s+", re.IGNORECASE)


def place_sort_key(name: str) -> tuple:
    """Sort key of a place name: "TP. Hồ Chí Minh" goes under H, as readers look for it."""
    return sort_key(_CITY_PREFIX.sub("", name))


T = TypeVar("T", Province, Directive, Tag, Unit)

_SO = re.compile(r"\bsố\s+")
_TU = re.compile(r"/tư\b")


@lru_cache(maxsize=65536)
def lookup_key(text: str) -> str:
    """term_key plus the spellings documents vary on: "số", "TƯ" for "TW"."""
    key = term_key(text)
    key = _SO.sub("", key)
    return _TU.sub("/tw", key)


@dataclass(frozen=True)
class Registry(Generic[T]):
    """Terms of one kind with every spelling resolved to one canonical entry."""

    kind: str  # "tỉnh", "văn bản", "chủ đề": used in messages
    entries: tuple[T, ...]
    _index: dict[str, T] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for name in entry.names:
                self._index.setdefault(lookup_key(name), entry)

    def get(self, name: str) -> T | None:
        return self._index.get(lookup_key(name))

    def resolve(self, name: str, path: str, line: int | None) -> T:
        entry = self.get(name)
        if entry is None:
            choices = [n for e in self.entries for n in e.names]
            hint = suggest(name, choices, fold=lookup_key)
            raise ContentError(f"không có {self.kind} “{name}” trong danh mục{hint}", path, line)
        return entry

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Registries:
    provinces: Registry[Province]
    directives: Registry[Directive]
    tags: Registry[Tag]
    units: Registry[Unit]
    fingerprint: str  # changes whenever any data file changes: part of cache keys


def _split(cell: str) -> tuple[str, ...]:
    return tuple(normalize(v.strip()) for v in cell.split("|") if v.strip())


def _read_csv(path: Path, display: str, required: tuple[str, ...], errors: list) -> list[tuple[int, dict]]:
    """Rows of a CSV data file with their line numbers; problems go to errors."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(ContentError(f"không đọc được tệp dữ liệu: {exc}", display, None))
        return []
    reader = csv.DictReader(io.StringIO(normalize(text)))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        errors.append(ContentError(f"thiếu cột {', '.join(missing)} ở dòng tiêu đề", display, 1))
        return []
    rows = []
    for row in reader:
        line = reader.line_num
        blank = [c for c in required[:2] if not (row.get(c) or "").strip()]
        if blank:
            errors.append(ContentError(f"cột “{blank[0]}” đang để trống", display, line))
            continue
        rows.append((line, {k: (v or "").strip() for k, v in row.items() if k}))
    return rows


def _province(row: dict) -> Province:
    return Province(row["code"], row["name"], row.get("kind", "tỉnh"), row.get("region", ""),
                    row.get("merged_into_2025", ""), _split(row.get("variants", "")),
                    slugify(row["name"]))


def _directive(row: dict, display: str, line: int) -> Directive:
    try:
        issued = date.fromisoformat(row.get("date", ""))
    except ValueError:
        raise ContentError(f"cột “date” phải là ngày dạng YYYY-MM-DD, không phải “{row.get('date', '')}”",
                           display, line) from None
    return Directive(row["symbol"], row.get("type", ""), row.get("number", ""), issued,
                     row.get("issuer", ""), row.get("term", ""), row.get("title", ""),
                     _split(row.get("aliases", "")), slugify(row["symbol"]))


def _unit(row: dict, display: str, line: int) -> Unit:
    formed = row.get("formed", "")
    try:
        when = date.fromisoformat(formed) if formed else None
    except ValueError:
        raise ContentError(f"cột “formed” phải để trống hoặc là ngày dạng YYYY-MM-DD, không phải “{formed}”",
                           display, line) from None
    kind = row.get("kind", "")
    if kind not in ("tỉnh", "thành phố"):
        raise ContentError(f"cột “kind” phải là “tỉnh” hoặc “thành phố”, không phải “{kind}”", display, line)
    return Unit(row["name"], kind, when, _split(row.get("variants", "")), (), slugify(row["name"]))


def _with_members(units: list[Unit], provinces: list[Province], origin: dict[int, tuple[str, int]],
                  errors: list) -> list[Unit]:
    """Each unit with the provinces whose `merged_into_2025` names it."""
    registry = Registry("đơn vị hành chính 2025", tuple(units))
    members: dict[str, list[Province]] = {u.name: [] for u in units}
    for province in provinces:
        if not province.merged_into_2025:
            continue
        unit = registry.get(province.merged_into_2025)
        if unit is None:
            display, line = origin[id(province)]
            hint = suggest(province.merged_into_2025, [n for u in units for n in u.names], fold=lookup_key)
            errors.append(ContentError(f"cột “merged_into_2025” của “{province.name}” là “{province.merged_into_2025}”, "
                                       f"không có trong danh mục đơn vị hành chính 2025 (units.csv){hint}",
                                       display, line))
            continue
        members[unit.name].append(province)
    linked = []
    for unit in units:
        if not members[unit.name]:
            display, line = origin[id(unit)]
            errors.append(ContentError(f"không có tỉnh, thành phố nào trong provinces.csv thuộc đơn vị “{unit.name}” "
                                       "(cột “merged_into_2025”)", display, line))
            continue
        linked.append(replace(unit, members=tuple(sorted(members[unit.name], key=lambda p: p.code))))
    return linked


def _tag(row: dict) -> Tag:
    return Tag(row["name"], slugify(row["name"]), row.get("description", ""), _split(row.get("aliases", "")))


def _merge(base: list, extra: list, key) -> list:
    """Site entries replace shipped ones with the same key; new ones are added."""
    merged = {key(e): e for e in base}
    for entry in extra:
        merged[key(entry)] = entry
    return list(merged.values())


def load_registries(data_dir: Path | None, root: Path | None = None) -> Registries:
    """The shipped registries, extended or overridden by the site's data folder."""
    errors: list[ContentError] = []
    digest = hashlib.sha256()
    loaded: dict[str, list] = {}
    specs = {
        "provinces.csv": (("code", "name"), lambda row, d, ln: _province(row)),
        "directives.csv": (("symbol", "date"), _directive),
        "tags.csv": (("name",), lambda row, d, ln: _tag(row)),
        "units.csv": (("name", "kind"), _unit),
    }
    origin: dict[int, tuple[str, int]] = {}  # id of an entry -> where it was read, for messages
    for filename, (required, make) in specs.items():
        entries: list = []
        for folder in (PACKAGE_DATA, data_dir):
            path = folder / filename if folder else None
            if path is None or not path.is_file():
                continue
            display = _display(path, root)
            digest.update(path.read_bytes())
            found = []
            for line, row in _read_csv(path, display, required, errors):
                try:
                    found.append(make(row, display, line))
                except ContentError as exc:
                    errors.append(exc)
                    continue
                origin[id(found[-1])] = (display, line)
            entries = _merge(entries, found, key=lambda e: lookup_key(e.names[0]))
        loaded[filename] = entries
    units = _with_members(loaded["units.csv"], loaded["provinces.csv"], origin, errors)
    if errors:
        from .errors import BuildFailed
        raise BuildFailed(errors)
    return Registries(
        provinces=Registry("tỉnh, thành phố", tuple(loaded["provinces.csv"])),
        directives=Registry("văn bản", tuple(sorted(loaded["directives.csv"], key=lambda d: (d.date, d.symbol)))),
        tags=Registry("chủ đề", tuple(loaded["tags.csv"])),
        units=Registry("đơn vị hành chính 2025", tuple(units)),
        fingerprint=digest.hexdigest()[:16],
    )


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()
