"""Terms and their registries: provinces, directives, tags, and the 34 units of 2025.

The project ships the 63 provinces, the units they became part of in the 2025
arrangement and the campaign's central documents as CSV files in
``generator/data``; a site extends or overrides them with files of the same name
in its own data folder. Lookups accept every listed spelling (spellings.lookup_key);
the checks across rows (codes, page names, names shared) are registrychecks.py.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from .datafiles import MAX_BYTES, read_csv, too_many
from .errors import ContentError, os_reason, outside_link, suggest
from .registrychecks import code_errors, name_errors, slug_errors, tag_slug_errors
from .spellings import WORD, folded_tokens, lookup_key, name_forms
from .vietnamese import curly_quotes, fold, normalize, slugify, sort_key, term_key

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


@dataclass(frozen=True)
class Registry(Generic[T]):
    """Terms of one kind with every spelling resolved to one canonical entry."""

    kind: str  # "tỉnh", "văn bản", "chủ đề": used in messages
    entries: tuple[T, ...]
    # A registry of directives: they are also found by the forms the search reads (spellings.py:
    # "CT05", "05-CT", "chỉ thị 5"), where one entry alone has the form and each word is written as
    # in a listed spelling (names must have their marks: "chi thi 5" is an error with its
    # suggestion, as "Lao Cai" is).
    directives: bool = False
    _index: dict[str, T] = field(repr=False, compare=False, default_factory=dict)
    _forms: dict[tuple[str, ...], T | None] = field(repr=False, compare=False, default_factory=dict)
    _marks: dict[str, set[str]] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for name in entry.names:
                self._index.setdefault(lookup_key(name), entry)
        if self.directives:
            for entry in self.entries:
                for name in (*entry.names, entry.label, f"{entry.type} {entry.number}"):
                    for form in name_forms(folded_tokens(name), directive=True):
                        if self._forms.setdefault(form, entry) is not entry:
                            self._forms[form] = None  # two entries: neither
                    for token in WORD.findall(normalize(name)):
                        self._marks.setdefault(fold(token), set()).add(term_key(token))

    def get(self, name: str) -> T | None:
        entry = self._index.get(lookup_key(name))
        if entry is None and self._forms:
            entry = self._forms.get(folded_tokens(name))
            if entry is not None and not self._fits(name):
                return None
        return entry

    def spelled_forms(self) -> dict[str, T]:
        """A directive registry's forms ("ct 05", "chi thi 5") that name one entry alone, as folded tokens
        joined by spaces: lamtheobac-cms.js reads hand-written articles with them (cms/schema.aliases)."""
        return {" ".join(form): entry for form, entry in self._forms.items() if entry is not None}

    def _fits(self, name: str) -> bool:
        """Each word is written as in a listed spelling (up to case and tone style; a number or
        "CT05" as any); "TU" (Tỉnh ủy) is no "TƯ" (Trung ương): "05-CT/TU" is a province's
        document, not 05-CT/TW."""
        for token in WORD.findall(normalize(name)):
            key = term_key(token)
            if key == "tu" or (fold(token) in self._marks and key not in self._marks[fold(token)]):
                return False
        return True

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
                     curly_quotes(row.get("issuer", "")), row.get("term", ""), curly_quotes(row.get("title", "")),
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
    # what readers see as written, with “…” for a spreadsheet's straight quotes; the name is matched as typed
    return Tag(row["name"], slugify(row["name"]), curly_quotes(row.get("description", "")), _split(row.get("aliases", "")))


def _merge(base: list, extra: list, key) -> list:
    """Site entries replace shipped ones with the same key; new ones are added."""
    merged = {key(e): e for e in base}
    for entry in extra:
        merged[key(entry)] = entry
    return list(merged.values())


def _misspelt_case(names: list[str], specs: dict, data_dir: Path, root: Path | None) -> list[ContentError]:
    """A data file named with other capitals ("Tags.csv", "PROVINCES.CSV") is read on
    Windows and a Mac, not on Linux, where sites are built and published: the site differed by the machine
    that built it, without a word. Said at the file, with its right name."""
    errors = []
    for name in sorted(names):
        right = next((known for known in specs if known.casefold() == name.casefold()), None)
        if right is not None and name != right:
            errors.append(ContentError(
                f"tệp dữ liệu phải tên là “{right}” (chữ thường), không phải “{name}”: trên Windows, máy Mac tệp này "
                f"được đọc, trên máy chủ Linux thì không, nên trang dựng ở mỗi nơi sẽ khác nhau; hãy đổi tên tệp "
                f"thành “{right}”", _display(data_dir / name, root), 1))
    return errors


def load_registries(data_dir: Path | None, root: Path | None = None) -> Registries:
    """The shipped registries, extended or overridden by the site's data folder."""
    errors: list[ContentError] = []
    digest = hashlib.sha256()
    loaded: dict[str, list] = {}
    where: dict[int, tuple[str, int]] = {}  # id of an entry -> (file, line) it was read from
    specs = {
        "provinces.csv": (("code", "name"), lambda row, d, ln: _province(row)),
        "directives.csv": (("symbol", "date"), _directive),
        "tags.csv": (("name",), lambda row, d, ln: _tag(row)),
        "units.csv": (("name", "kind"), _unit),
    }
    if data_dir is not None:
        try:
            with os.scandir(data_dir) as listing:
                errors += _misspelt_case([entry.name for entry in listing], specs, data_dir, root)
        except (FileNotFoundError, NotADirectoryError):
            data_dir = None
        except OSError as exc:  # unreadable: said once, not skipped
            errors.append(ContentError(f"không đọc được thư mục dữ liệu: {os_reason(exc)}", _display(data_dir, root)))
            data_dir = None
    failed: set[str] = set()  # files with errors: what depends on them is not judged (no cascade)
    for filename, (required, make) in specs.items():
        entries: list = []
        before = len(errors)
        for folder in (PACKAGE_DATA, data_dir):
            path = folder / filename if folder else None
            if path is None:
                continue
            display = _display(path, root)
            try:
                if not path.is_file():
                    continue
                if folder is data_dir and root is not None and path.is_symlink() \
                        and not path.resolve().is_relative_to(root):  # its names would be published
                    errors.append(ContentError(outside_link(path.resolve()), display, 1))
                    continue
                size = path.stat().st_size
                if size > MAX_BYTES:  # not even read
                    errors.append(ContentError(too_many(f"nặng {size / 1024 / 1024:.0f} MB, quá "
                                                         f"{MAX_BYTES // 1024 // 1024} MB"), display, 1))
                    continue
                raw = path.read_bytes()
            except OSError as exc:
                errors.append(ContentError(f"không đọc được tệp dữ liệu: {os_reason(exc)}", display, 1))
                continue
            digest.update(raw)
            found = []
            first: dict[str, tuple[int, str]] = {}  # key -> (line, name): a row written twice is not merged silently
            for line, row in read_csv(raw, display, required, errors):
                try:
                    entry = make(row, display, line)
                except ContentError as exc:
                    errors.append(exc)
                    continue
                name = entry.names[0]
                seen = first.setdefault(lookup_key(name), (line, name))
                if seen[0] != line:
                    spelled = f" là “{seen[1]}”" if seen[1] != name else ""
                    errors.append(ContentError(f"“{name}” được viết hai lần trong tệp này (lần đầu ở dòng "
                                               f"{seen[0]}{spelled}); hãy xóa hoặc gộp hai dòng", display, line))
                    continue
                found.append(entry)
                where[id(entry)] = (display, line)
            entries = _merge(entries, found, key=lambda e: lookup_key(e.names[0]))
        loaded[filename] = entries
        if len(errors) > before:
            failed.add(filename)
    if "provinces.csv" not in failed:
        errors += code_errors(loaded["provinces.csv"], where, _display(PACKAGE_DATA / "provinces.csv", root))
    for filename, noun, column in (("provinces.csv", "tỉnh, thành phố", "variants"),
                                   ("directives.csv", "văn bản", "aliases"), ("units.csv", "đơn vị", "variants"),
                                   ("tags.csv", "chủ đề", "aliases")):
        if filename not in failed:
            shipped = _display(PACKAGE_DATA / filename, root)
            if filename != "tags.csv":  # tags: tag_slug_errors
                errors += slug_errors(loaded[filename], where, shipped, noun, column)
            errors += name_errors(loaded[filename], where, shipped, noun, column)
    units = _with_members(loaded["units.csv"], loaded["provinces.csv"], where,
                          [] if "provinces.csv" in failed else errors)
    errors += tag_slug_errors(loaded["tags.csv"], where)
    if errors:
        from .errors import BuildFailed
        raise BuildFailed(errors)
    return Registries(
        provinces=Registry("tỉnh, thành phố", tuple(loaded["provinces.csv"])),
        directives=Registry("văn bản", tuple(sorted(loaded["directives.csv"], key=lambda d: (d.date, d.symbol))),
                            directives=True),
        tags=Registry("chủ đề", tuple(loaded["tags.csv"])),
        units=Registry("đơn vị hành chính 2025", tuple(units)),
        fingerprint=digest.hexdigest()[:16],
    )


def _display(path: Path, root: Path | None) -> str:
    """The path as shown: relative to the project when it is inside it."""
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.as_posix()
