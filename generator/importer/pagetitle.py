"""What a page's title metadata (<title>, og:title, JSON-LD headline) says of its headline and its site.

A page's title often carries the site's name after a separator ("… | Báo Đồng Khởi", "… - Cổng TTĐT xã
Tân Lập") or, on old portals, before it; split out of headline.py, which scores the page's lines.
"""
from __future__ import annotations

import re

from ..vietnamese import term_key
from .clean import words
from .outlets import OUTLET, agency_name, bare_kind, dash_in_name, outlet_name
from .sources import organisation_name, portal_name

SITE_SPLIT = re.compile(r"\s+(?:[-–—|:]{1,2})\s+")


def page_keys(page_titles: list[str]) -> set[str]:
    keys = set()
    for title in page_titles:
        if not title:
            continue
        keys.add(term_key(title))
        for part in SITE_SPLIT.split(title):
            if words(part) >= 3:
                keys.add(term_key(part))
    return keys


def label_before_page_title(text: str, page_titles: list[str]) -> tuple[str, str] | None:
    """(the page's own title, the label before it) when the chosen line is a label of a few words
    followed by the page's title: "<h1><span>Chính trị</span> Quảng Trị: …</h1>" with og:title
    "Quảng Trị: …"."""
    key = term_key(text)
    for title in page_titles:
        for part in [title, *SITE_SPLIT.split(title)]:
            part = part.strip()
            part_key = term_key(part)
            if words(part) < 3 or len(part_key) >= len(key) or not key.endswith(" " + part_key):
                continue
            label = text[:len(text) - len(part)].strip()
            if 1 <= words(label) <= 4 and term_key(text[len(label):].strip()) == part_key:
                return part, label
    return None



_SITE_PART = re.compile(r"^(?:Báo|Tạp chí|Cổng|Trang|Đài|Website|Portal|Tin tức|Truyền hình|Phát thanh)\b|"
                        r"\.(?:vn|com|net|org|gov\.vn)$|^(?:VOV|VTV|TTXVN|VnExpress|Vietnam\+|Dân trí|Tuổi trẻ|"
                        r"Thanh niên|Nhân dân|Quân đội nhân dân)", re.IGNORECASE)


# A section's name closing a <title> ("Trường THCS Nguyễn Du - Tin tức"): the page's place on its site, no site.
_SECTION = re.compile(r"^(?:Trang chủ|Tin tức(?:\s*[-–]\s*Sự kiện)?|Tin hoạt động|Chi tiết tin|Chi tiết bài viết|"
                      r"Bài viết|Tin bài)$", re.IGNORECASE)


def page_title_headline(page_titles: list[str], site_names: list[str] = ()) -> str | None:
    """The page's own headline from its title metadata, the site's name taken off the end
    ("Bến Tre: … | Báo Đồng Khởi", "… - Cổng TTĐT xã Tân Lập"); None when nothing of 3 words is left."""
    site_keys = {term_key(n) for n in site_names if n}
    for title in page_titles:
        title = (title or "").strip()
        while True:
            parts = list(SITE_SPLIT.finditer(title))
            if not parts:
                break
            tail = title[parts[-1].end():].strip()
            if _outlet_at_end(title, parts):  # "… - Báo Lâm Đồng - Chính trị": the outlet and its desk go together
                title = title[:parts[-2].start()].strip()
                continue
            if not (_SITE_PART.search(tail) or term_key(tail) in site_keys):
                break
            title = title[:parts[-1].start()].strip()
        if words(title) >= 3 and term_key(title) not in site_keys:
            return title
    return None


def page_title_site(title: str | None) -> str | None:
    """The site's name a page's <title> ends with ("… - Cổng TTĐT xã Tân Lập"), or None."""
    parts = list(SITE_SPLIT.finditer(title or ""))
    tail = title[parts[-1].end():].strip() if parts else ""
    outlet = _outlet_at_end(title, parts)
    if outlet:
        return outlet
    if _GENERIC_SITE.match(tail):  # "Hà Nam - Cổng thông tin điện tử": whose portal is the part before it
        owner = title[:parts[-1].start()].strip()
        return f"{tail} {owner}" if len(parts) == 1 and 1 <= words(owner) <= 4 else None
    if tail and _SITE_PART.search(tail) and words(tail) <= 12 and not _SECTION.match(tail):
        return tail
    if tail and len(parts) == 1 and organisation_name(tail):  # "… - Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng": its own site
        return organisation_name(tail)
    # "Báo Cà Mau - Cà Mau: Nhân rộng …": an old portal's <title> puts its name first; only a paper's or a portal's
    # name there is the site's (a headline may open with a place and a dash).
    return portal_name(title[:parts[0].start()]) if parts else None


# A portal's kind without its owner: every province, district and commune has one
_GENERIC_SITE = re.compile(r"^(?:(?:Cổng|Trang)\s+(?:thông\s+tin\s+điện\s+tử|TTĐT|thông\s+tin)|Website|Portal)$",
                           re.IGNORECASE)


def _outlet_at_end(title: str, parts: list[re.Match]) -> str | None:
    """The outlet the title's last two parts name, by outlets.py's rule (as for og:site_name): one name with a dash
    of its own ("… - Đài Phát thanh - Truyền hình Lâm Đồng", "… | Báo Bà Rịa - Vũng Tàu") or an outlet and its desk
    ("… - Báo Lâm Đồng - Chính trị"); None when they are not. The outlet is a name ("Báo Lâm Đồng", "VOV"), never a
    headline's words ("Báo chí cách mạng")."""
    if len(parts) < 2:
        return None
    before = title[parts[-2].end():parts[-1].start()].strip()
    tail = title[parts[-1].end():].strip()
    pair = title[parts[-2].end():].strip()
    if OUTLET.match(tail) or words(pair) > 16:
        return None  # "… - Tin tức - Báo Lâm Đồng": the last part is the outlet
    if dash_in_name(before, tail):
        return pair if portal_name(before) or bare_kind(before) else None
    outlet, desk = outlet_name(pair)
    if desk is None or term_key(desk) != term_key(tail) or not (portal_name(before) or agency_name(before)):
        return None
    return outlet
