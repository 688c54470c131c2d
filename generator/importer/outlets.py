"""A source line's outlet without its desk: "VOV-Trường Sa", "VOV - Tây Bắc", "Báo Nhân Dân - Ban Thời sự", "Báo
Phú Thọ - Cơ quan của Đảng bộ tỉnh Phú Thọ" name the outlet (VOV, Báo Nhân Dân, Báo Phú Thọ) and then a desk, a
resident office or the paper's motto. The source is the outlet; the desk is left out of the name and the editor
told. Two outlets in a chain ("TTXVN/Vietnam+": the agency's piece as its e-paper published it) are both kept, as
the page writes them; an outlet's edition that is part of its name ("Báo Quảng Ngãi điện tử", "QĐND Online") stays.
"""
from __future__ import annotations

import re

# An outlet's name: the national broadcasters and agencies by their short names, a paper, a magazine, a station.
_AGENCY = r"(?:VOV\d?|VTV\d{0,2}|VTC\d{0,2}|TTXVN|VNA|Vietnam\+|VietnamPlus|QĐND|TTXVN\s+Online)"
_NAMED = r"(?:Báo|Tạp\s+chí|Đài|Thông\s+tấn\s+xã|Nhân\s+Dân|Quân\s+đội\s+nhân\s+dân)"
_OUTLET = re.compile(rf"^(?:{_AGENCY}|{_NAMED}(?:\s+\S+)*)$", re.IGNORECASE)
# Where an agency's desk follows: a hyphen with or without spaces ("VOV-Trường Sa"); a paper's name only at a
# spaced dash ("Báo Bà Rịa-Vũng Tàu" is one name).
_AGENCY_DESK = re.compile(rf"^({_AGENCY})\s*[-–—]\s*(\S.*)$", re.IGNORECASE)
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
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


def outlet_name(name: str) -> tuple[str, str | None]:
    """(the outlet, the desk left out of it or None): ("VOV", "Trường Sa") for "VOV-Trường Sa"."""
    text = re.sub(r"\s+", " ", name.strip())
    if "/" in text:  # "TTXVN/Vietnam+", "TTXVN/Báo Tin tức": a chain of outlets, each its own desk left out
        parts = [outlet_name(part) for part in text.split("/")]
        if all(_OUTLET.match(part) for part, _desk in parts):
            desks = [d for _p, d in parts if d]
            return "/".join(dict.fromkeys(p for p, _d in parts)), (", ".join(desks) if desks else None)
        return text, None
    m = _AGENCY_DESK.match(text) or _AGENCY_REGION.match(text)
    if m:
        head, desk = m.group(1), m.group(2).strip()
    else:
        split = _SPACED_DASH.split(text, maxsplit=1)
        if len(split) < 2 or not _OUTLET.match(split[0]):
            return text, None
        head, desk = split[0], split[1]
    if _OUTLET.match(desk):  # "TTXVN - Vietnam+", "VOV - Đài Tiếng nói Việt Nam": outlets both, as written
        return text, None
    head = head.upper() if re.fullmatch(r"[A-Za-zĐđ]{2,}\d*", head) else head  # "Vov" is VOV
    return head, _recased_desk(desk)


def outlet_note(written: str, outlet: str, desk: str) -> str:
    """The editor's note on a desk left out of the source's name."""
    return (f"nguồn “{written}”: tên nguồn là cơ quan báo chí “{outlet}”; đã bỏ phần “{desk}” (ban, cơ quan thường "
            "trú hoặc lời giới thiệu của báo): hãy kiểm tra")
