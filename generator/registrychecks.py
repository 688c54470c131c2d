"""The registries' checks across rows: each province's code, each entry's page name and each
name or alias its own, every clash said at the row the editor can change."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ContentError
from .spellings import lookup_key
from .vietnamese import MAX_SLUG

if TYPE_CHECKING:  # models only named in annotations (taxonomy imports this module)
    from .taxonomy import Province, Tag


def tag_slug_errors(tags: list[Tag], where: dict[int, tuple[str, int]]) -> list[ContentError]:
    """Every tag needs a page name of its own: not empty (“???”), not too long, not another's."""
    errors, owner = [], {}
    for tag in tags:
        display, line = where[id(tag)]
        if not tag.slug:
            errors.append(ContentError(f"chủ đề “{tag.name}” không tạo được đường dẫn (cần có chữ hoặc số)",
                                       display, line))
        elif len(tag.slug) > MAX_SLUG:
            errors.append(ContentError(f"chủ đề “{tag.name[:60]}…” quá dài: đường dẫn của nó dài {len(tag.slug)} "
                                       f"ký tự, quá {MAX_SLUG} ký tự", display, line))
        elif tag.slug in owner:
            first = owner[tag.slug]
            errors.append(ContentError(
                f"chủ đề “{tag.name}” có cùng đường dẫn /{tag.slug}/ với chủ đề “{first.name}” "
                f"({where[id(first)][0]}:{where[id(first)][1]}); hãy đổi tên một trong hai, hoặc ghi một tên "
                f"vào cột “aliases” của tên kia", display, line))
        else:
            owner[tag.slug] = tag
    return errors


def unique_errors(entries: list, where: dict[int, tuple[str, int]], shipped: str, key, message) -> list[ContentError]:
    """Entries sharing key(entry) with an earlier one (shipped rows first, then by line): an error at
    the later row, the one the editor can change. message(entry, first, place) says what is shared."""
    errors, owner = [], {}
    for entry in sorted(entries, key=lambda e: (where[id(e)][0] != shipped, where[id(e)][1])):
        first = owner.setdefault(key(entry), entry)
        if first is not entry:
            display, line = where[id(entry)]
            place = "trong danh mục có sẵn" if where[id(first)][0] == shipped else f"ở dòng {where[id(first)][1]}"
            errors.append(ContentError(message(entry, first, place), display, line))
    return errors


def code_errors(provinces: list[Province], where: dict[int, tuple[str, int]], shipped: str) -> list[ContentError]:
    """Every province needs a code of its own: maps and the 2025 units find provinces by code (two
    with one code drew one over the other's shape and linked it to the other's page)."""
    return unique_errors(provinces, where, shipped, lambda p: p.code, lambda p, first, place: (
        f"mã “{p.code}” của “{p.name}” trùng với mã của “{first.name}” ({place}); mỗi tỉnh, thành phố cần một mã "
        f"riêng ở cột “code”"))


def slug_errors(entries: list, where: dict[int, tuple[str, int]], shipped: str, noun: str,
                 column: str) -> list[ContentError]:
    """Every entry needs a page of its own: “Hue” beside “Huế” (or “Lao Cai” beside “Lào Cai”) is
    another name with the same page name; the build failed on two pages at one address (“unit:hue:1:
    hai nguồn cùng ghi ra …”), or merged their articles."""
    return unique_errors(entries, where, shipped, lambda e: e.slug, lambda e, first, place: (
        f"{noun} “{e.names[0]}” có cùng đường dẫn “{e.slug}” với {noun} “{first.names[0]}” ({place}); "
        f"hãy đổi tên, hoặc nếu là một: ghi tên này vào cột “{column}” của tên kia"))


def name_errors(entries: list, where: dict[int, tuple[str, int]], shipped: str, noun: str,
                 column: str) -> list[ContentError]:
    """A name or alias of a site's row that is already another entry's name or alias: articles
    writing it went to the first entry without a word (a tag's page left empty, an alias meant for
    one directive filed under another). An error at the site's row, once for each name it shares."""
    errors, owner = [], {}
    for entry in sorted(entries, key=lambda e: (where[id(e)][0] != shipped, where[id(e)][1])):
        for name in entry.names:
            first = owner.setdefault(lookup_key(name), entry)
            if first is entry or where[id(entry)][0] == shipped:
                continue
            display, line = where[id(entry)]
            whose = "tên" if lookup_key(name) == lookup_key(first.names[0]) else "một tên khác"
            if where[id(first)][0] == shipped:  # its row is taken over by writing it again in the site's file
                place, advice = "trong danh mục có sẵn", (
                    f"hãy dùng {noun} “{first.names[0]}”, hoặc nếu muốn tách riêng: chép dòng của “{first.names[0]}” "
                    f"vào tệp này và bỏ tên “{name}” khỏi cột “{column}” của nó")
            else:
                place, advice = f"ở dòng {where[id(first)][1]}", f"hãy bỏ tên này khỏi cột “{column}” hoặc gộp hai dòng"
            errors.append(ContentError(
                f"tên “{name}” của {noun} “{entry.names[0]}” đã là {whose} của {noun} “{first.names[0]}” ({place}): "
                f"bài viết ghi tên này sẽ chỉ vào {noun} kia; {advice}", display, line))
    return errors
