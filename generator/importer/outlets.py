"""A source line's outlet without its desk: "VOV-Trường Sa", "VOV - Tây Bắc", "Báo Nhân Dân - Ban Thời sự", "Báo
Phú Thọ - Cơ quan của Đảng bộ tỉnh Phú Thọ" name the outlet (VOV, Báo Nhân Dân, Báo Phú Thọ) and then a desk, a
resident office or the paper's motto. The source is the outlet; the desk is left out of the name and the editor
told. Two outlets in a chain ("TTXVN/Vietnam+": the agency's piece as its e-paper published it) are both kept, as
the page writes them; an outlet's edition that is part of its name ("Báo Quảng Ngãi điện tử", "QĐND Online") stays.
A site's name (og:site_name, a <title>'s last part) carries a desk or a slogan the same way ("Báo Lâm Đồng - Chính
trị", "Báo Nhân Dân điện tử | Xây dựng Đảng"): one rule for both. A dash inside a name stays: a place's ("Báo Bà Rịa
- Vũng Tàu") and a station's two services ("Đài Phát thanh - Truyền hình Lâm Đồng").
"""
from __future__ import annotations

import re

from ..vietnamese import term_key
from .places import dashed_place_keys

# An outlet's name: the national broadcasters and agencies by their short names, a paper, a magazine, a station.
_AGENCY = r"(?:VOV\d?|VTV\d{0,2}|VTC\d{0,2}|TTXVN|VNA|Vietnam\+|VietnamPlus|QĐND|TTXVN\s+Online)"
_NAMED = r"(?:Báo|Tạp\s+chí|Đài|Thông\s+tấn\s+xã|Nhân\s+Dân|Quân\s+đội\s+nhân\s+dân)"
OUTLET = re.compile(rf"^(?:{_AGENCY}|{_NAMED}(?:\s+\S+)*)$", re.IGNORECASE)
# Where an agency's desk follows: a hyphen with or without spaces ("VOV-Trường Sa"); a paper's name only at a
# spaced dash ("Báo Bà Rịa-Vũng Tàu" is one name).
_AGENCY_DESK = re.compile(rf"^({_AGENCY})\s*[-–—]\s*(\S.*)$", re.IGNORECASE)
_SPACED_DASH = re.compile(r"\s+[-–—]\s+|\s*\|\s*")  # a site's name puts its desk after "|" too
# An outlet's kind with no owner ("Đài Phát thanh", "Đài PT"): the part after the dash goes on with the name
# ("Đài Phát thanh - Truyền hình Lâm Đồng", "Đài PT - TH Lâm Đồng"), it is no desk.
_KIND_ONLY = re.compile(r"^(?:Báo|Tạp\s+chí|Đài|(?:Đài\s+)?(?:Phát\s+thanh|PT|Truyền\s+hình|TH))$", re.IGNORECASE)
# An agency's own web address as a site's name ("VOV.VN - Thời sự"): the agency.
_AGENCY_SITE = re.compile(r"^(VOV|VTV|VTC|TTXVN|VNA)\.vn$", re.IGNORECASE)
# A broadcaster's regional office written without a dash ("VOV Tây Nguyên"); "VOV Giao thông" is a channel.
_AGENCY_REGION = re.compile(rf"^({_AGENCY})\s+(Tây\s+Bắc|Tây\s+Nguyên|Đông\s+Bắc|Miền\s+(?:Trung|Nam|Bắc)|ĐBSCL|"
                            r"Đồng\s+bằng\s+sông\s+Cửu\s+Long|Trường\s+Sa|(?:Nam|Bắc)\s+Trung\s+Bộ|(?:Đông|Tây)\s+Nam\s+Bộ)$",
                            re.IGNORECASE)


def _recased_desk(desk: str) -> str:
    """A desk printed in capitals ("TRƯỜNG SA") as a name ("Trường Sa")."""
    letters = [c for c in desk if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return " ".join(w if w in ("VOV", "VTV", "TTXVN") else w[:1] + w[1:].lower() for w in desk.split())
    return desk


def is_outlet(text: str) -> bool:
    """An agency's or a paper's name ("TTXVN", "VOV", "Báo Lâm Đồng"), with its desk ("VOV-Trường Sa") or in a
    chain ("TTXVN/Vietnam+")."""
    parts = [outlet_name(part)[0] for part in text.strip().split("/")]
    return all(part and OUTLET.match(part) for part in parts)


def outlet_name(name: str) -> tuple[str, str | None]:
    """(the outlet, the desk left out of it or None): ("VOV", "Trường Sa") for "VOV-Trường Sa"."""
    text = re.sub(r"\s+", " ", name.strip())
    if "/" in text and "|" not in text:  # "TTXVN/Vietnam+", "TTXVN/Báo Tin tức": a chain, each its own desk left out
        parts = [outlet_name(part) for part in text.split("/")]
        if all(OUTLET.match(part) for part, _desk in parts):
            desks = [d for _p, d in parts if d]
            return "/".join(dict.fromkeys(p for p, _d in parts)), (", ".join(desks) if desks else None)
        return text, None
    m = _AGENCY_DESK.match(text) or _AGENCY_REGION.match(text)
    if m:
        head, desk = m.group(1), m.group(2).strip()
    else:
        split = _desk_split(text)
        if split is None:
            return text, None
        head, desk = split
    if OUTLET.match(desk):  # "TTXVN - Vietnam+", "VOV - Đài Tiếng nói Việt Nam": outlets both, as written
        return text, None
    site = _AGENCY_SITE.match(head)
    head = site.group(1) if site else head
    head = head.upper() if re.fullmatch(r"[A-Za-zĐđ]{2,}\d*", head) else head  # "Vov" is VOV
    return head, _recased_desk(desk)


def agency_name(text: str) -> str | None:
    """An agency's short name ("VOV", "TTXVN"), its web address too ("VOV.VN" is VOV); None for other names."""
    text = text.strip()
    site = _AGENCY_SITE.match(text)
    if site:
        return site.group(1).upper()
    return text if re.fullmatch(_AGENCY, text, re.IGNORECASE) else None


def bare_kind(text: str) -> bool:
    """An outlet's kind without its owner ("Đài Phát thanh", "Đài PT", "Báo"): its name goes on after a dash."""
    return bool(_KIND_ONLY.match(text.strip()))


def dash_in_name(head: str, desk: str) -> bool:
    """The separator between head and desk is the name's own: a station's ("Đài Phát thanh - Truyền hình Lâm
    Đồng") or a place's ("Báo Bà Rịa - Vũng Tàu")."""
    return bare_kind(head) or _place_goes_on(head, desk)


def _desk_split(text: str) -> tuple[str, str] | None:
    """(the outlet, its desk) at the first separator that ends an outlet's name, or None. A separator inside a
    name is passed by: a place's dash ("Báo Bà Rịa - Vũng Tàu"), a station's ("Đài Phát thanh - Truyền hình X")."""
    for sep in _SPACED_DASH.finditer(text):
        head, desk = text[:sep.start()].strip(), text[sep.end():].strip()
        if not desk or dash_in_name(head, desk):
            continue
        if OUTLET.match(head) or _AGENCY_SITE.match(head):
            return head, desk
        return None  # a headline or a portal's name before it: no outlet to take a desk off
    return None


def _place_goes_on(head: str, desk: str) -> bool:
    """The dash is a place name's own: the head ends with its first half, the desk opens with the second."""
    head_key, desk_key = term_key(head), term_key(desk)
    for key in dashed_place_keys():
        first, _dash, second = key.partition("-")
        if re.search(r"(?<!\w)" + re.escape(first) + "$", head_key) and re.match(re.escape(second) + r"(?!\w)",
                                                                                   desk_key):
            return True
    return False


def outlet_note(written: str, outlet: str, desk: str) -> str:
    """The editor's note on a desk left out of the source's name."""
    return (f"nguồn “{written}”: tên nguồn là cơ quan báo chí “{outlet}”; đã bỏ phần “{desk}” (ban, cơ quan thường "
            "trú hoặc lời giới thiệu của báo): hãy kiểm tra")
