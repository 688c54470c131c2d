"""Where an article comes from, as its own lines say it.

A source line ("Theo Báo Hà Giang", "Theo Minh Anh/TTXVN", "(Theo Thu Hà - Báo Quảng Bình)") names
the paper, and sometimes its writer first; a byline may name the writer's agency or paper ("Thanh
Hải (TTXVN)", "Minh Anh/VOV"), which is then the source of a piece republished from it, while an
office in brackets ("(Huyện ủy Đà Bắc)") is only the writer's unit. A print view prints the
article's address ("Địa chỉ bài viết: https://…"), a browser's reading view the site's address over
the headline ("baoangiang.com.vn"), an aggregator the paper's name under the headline ("Báo Hà
Tĩnh"). command.py turns a paper's domain into its name.
"""
from __future__ import annotations

import re

from .byline import person_name
from .lines import SOURCE_LABEL

_SOURCE_NAME = re.compile(r"^\(?\s*" + SOURCE_LABEL + r"\s*:?\s*(.+?)\s*\)?\s*\.?$", re.IGNORECASE)
_WRITER_FIRST = re.compile(r"^(.+?)\s*(?:\((.+)\)|\s[-–—]\s*(.+)|\s*/\s*(.+))$")  # "Minh Anh/TTXVN"
_PAPER = (r"(?:TTXVN|VNA|Thông\s+tấn\s+xã\s+Việt\s+Nam|VOV|VTV|TTXVN/[\w+ -]+|Vietnam\+|Báo\s+\S.*|"
          r"Tạp\s+chí\s+\S.*|Đài\s+\S.*|Nhân\s+Dân|Quân\s+đội\s+nhân\s+dân|QĐND|VOV[\w -]*)")
_BYLINE_PAPER = re.compile(rf"\(\s*({_PAPER})\s*\)\s*\.?$|/\s*({_PAPER})\s*$")
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info)$", re.IGNORECASE)
_ADDRESS = re.compile(r"https?://\S+")


def source_line(text: str, places: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(the paper or address, the writer) a source line names: ("TTXVN", "Minh Anh") for "Theo Minh
    Anh/TTXVN", ("Báo Hà Giang", None) for "Theo Báo Hà Giang"; (None, None) when it names nothing."""
    m = _SOURCE_NAME.match(text)
    if m is None:
        return None, None
    name = m.group(1).strip()
    name += ")" if name.count("(") > name.count(")") else ""  # the pattern took the last ")" away
    writer = _WRITER_FIRST.match(name)
    paper = (writer.group(2) or writer.group(3) or writer.group(4)).strip() if writer else ""
    person = person_name(writer.group(1), places) if writer and not person_name(paper) else None
    return (paper, person) if person else (name, None)


def byline_paper(text: str) -> str | None:
    """The agency or paper a byline names after its writer ("Thanh Hải (TTXVN)", "Minh Anh/VOV")."""
    m = _BYLINE_PAPER.search(text.strip())
    return (m.group(1) or m.group(2)).strip() if m else None


def paper_line(text: str) -> str | None:
    """A paper's or an agency's name alone on a line ("Báo Hà Tĩnh", "TTXVN"): between an aggregator's
    headline and lead (Báo Mới, a portal's news digest) it names where the article was taken from."""
    text = text.strip()
    return text if len(text.split()) <= 8 and re.fullmatch(_PAPER, text) else None


def printed_address(text: str) -> str | None:
    """The article's address on a print view's "Địa chỉ bài viết: https://…" line."""
    m = _ADDRESS.search(text)
    return m.group(0).rstrip(".,;)") if m else None


def site_address(lines: list[str]) -> str | None:
    """The site's address a reading view prints over the headline ("baoangiang.com.vn")."""
    return next((line.strip() for line in lines if _DOMAIN.match(line.strip())), None)
