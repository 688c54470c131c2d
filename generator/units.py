"""The 2025 arrangement in words: what became of each of the 63 provinces, what each unit is made of.

The sentences are derived from the registries (which provinces name which unit in
`merged_into_2025`, which of them gives the unit its name, when the unit took its
form), never written by hand per province. Four cases for a province:

- unchanged: the only member of a unit of the same name ("Không sáp nhập …");
- became: the only member of a unit of another name (Thừa Thiên Huế → thành phố Huế);
- kept its name and took in the other members ("… giữ tên, sáp nhập thêm …");
- merged into a unit named after another member ("… sáp nhập vào …").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .maps import VietnamMap
from .taxonomy import Province, Registries, Unit, lookup_key

REFORM_DATE = date(2025, 7, 1)  # Nghị quyết 202/2025/QH15: 34 province-level units from this day


def short_date(day: date) -> str:
    """"1/7/2025": day and month without padding, as the reform is usually written."""
    return f"{day.day}/{day.month}/{day.year}"


def full_name(name: str) -> str:
    """"Thành phố Hồ Chí Minh" for "TP. Hồ Chí Minh"; other names as they are."""
    return "Thành phố " + name[4:] if name.startswith("TP. ") else name


def place_label(name: str, kind: str) -> str:
    """"tỉnh Hà Giang", "thành phố Hải Phòng", "Thành phố Hồ Chí Minh" (a name that says it already)."""
    if name.startswith("TP. "):
        return full_name(name)
    if name.lower().startswith(("thành phố ", "tỉnh ")):
        return name
    return f"{kind} {name}"


def join_vi(items: list[str]) -> str:
    """"A", "A và B", "A, B và C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


@dataclass(frozen=True)
class Merger:
    """The units of 2025 (each with its former provinces), for pages and templates.

    A template global: its field is the registry's units (frozen dataclasses holding their
    provinces), so it is part of the signature of every page whose template names it."""
    units: tuple[Unit, ...]

    @classmethod
    def of(cls, registries: Registries) -> "Merger":
        return cls(tuple(registries.units))

    @cached_property
    def _unit_of(self) -> dict[str, Unit]:
        return {p.code: u for u in self.units for p in u.members}

    def unit_of(self, province: Province) -> Unit | None:
        """The unit of 2025 a province is part of."""
        return self._unit_of.get(province.code)

    @staticmethod
    def namesake(unit: Unit) -> Province | None:
        """The member whose name the unit kept, if any."""
        keys = {lookup_key(n) for n in unit.names}
        return next((p for p in unit.members if lookup_key(p.name) in keys), None)

    @staticmethod
    def label(place: Province | Unit) -> str:
        """"tỉnh Hà Nam", "Thành phố Hồ Chí Minh": for running text."""
        return place_label(place.name, place.kind)

    @staticmethod
    def title(place: Province | Unit) -> str:
        """"Tỉnh Hà Nam": for a heading."""
        text = place_label(place.name, place.kind)
        return text[:1].upper() + text[1:]

    def regions(self, groups) -> list[tuple[str, list]]:
        """Province groups by region, the regions in the order of their first province's code in
        the registry (Hà Nội's region first), the provinces in the order given."""
        order = {}
        for province in sorted((p for u in self.units for p in u.members), key=lambda p: p.code):
            order.setdefault(province.region, len(order))
        by_region: dict[str, list] = {}
        for group in groups:
            by_region.setdefault(group.term.region, []).append(group)
        return sorted(by_region.items(), key=lambda item: order.get(item[0], len(order)))

    def province_note(self, province: Province) -> str:
        """What happened to one province in 2025, as one sentence."""
        unit = self.unit_of(province)
        if unit is None:
            return ""
        members = unit.members
        namesake = self.namesake(unit)
        unit_label = place_label(unit.name, unit.kind)
        when = short_date(unit.formed or REFORM_DATE)
        if len(members) == 1 and namesake is not None and namesake.code == province.code:
            return f"Không sáp nhập: từ {short_date(REFORM_DATE)} vẫn là {unit_label}."
        if len(members) == 1:
            change = (f"trở thành {unit_label}" + (" trực thuộc trung ương" if unit.kind == "thành phố" else "")
                      if unit.kind != province.kind else f"đổi tên thành {unit_label}")
            return f"Từ {when} {change}; không sáp nhập khi sắp xếp từ {short_date(REFORM_DATE)}."
        others = [place_label(p.name, p.kind) for p in members if p.code != province.code]
        if namesake is not None and namesake.code == province.code:
            return f"Từ {when} giữ tên, sáp nhập thêm {join_vi(others)}."
        if namesake is None:
            return f"Từ {when} hợp nhất với {join_vi(others)} thành {unit_label}."
        fellows = [place_label(p.name, p.kind) for p in members if p.code not in (province.code, namesake.code)]
        return f"Từ {when} sáp nhập vào {unit_label}" + (f" (cùng {join_vi(fellows)})." if fellows else ".")

    def unit_note(self, unit: Unit) -> str:
        """How a unit of 2025 came to be, as one sentence."""
        members = unit.members
        namesake = self.namesake(unit)
        labels = [place_label(p.name, p.kind) for p in members]
        if len(members) == 1 and namesake is not None:
            return f"Không sáp nhập khi sắp xếp đơn vị hành chính từ {short_date(REFORM_DATE)}."
        if len(members) == 1:
            return (f"Từ {short_date(unit.formed or REFORM_DATE)} là {place_label(unit.name, unit.kind)} "
                    f"(trước đó là {labels[0]}); không sáp nhập khi sắp xếp từ {short_date(REFORM_DATE)}.")
        kept = f", giữ tên {full_name(unit.name)}" if namesake is not None else ""
        return f"Hình thành từ {short_date(unit.formed or REFORM_DATE)} do hợp nhất {join_vi(labels)}{kept}."


def figure_globals(config, site) -> dict:
    """Template globals of the 2025 arrangement and of the pictures (for build.make_templates):
    `merger` (the notes), `vn_map` (the maps of /tinh/ and /don-vi-2025/); `year_chart` (charts.py), a
    function of its arguments only, is declared beside them in make_templates."""
    units = tuple(g.term for g in site.groups.get("unit", ()))
    return {"merger": Merger(units), "vn_map": VietnamMap.of(config, units)}
