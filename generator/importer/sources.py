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
from .offices import joint_offices, recased
from .outlets import is_outlet

_SOURCE_NAME = re.compile(r"^\(?\s*" + SOURCE_LABEL + r"\s*:?\s*(.+?)\s*\)?\s*\.?$", re.IGNORECASE)
_WRITER_FIRST = re.compile(r"^(.+?)\s*(?:\((.+)\)|\s[-–—]\s*(.+)|\s*/\s*(.+))$")  # "Minh Anh/TTXVN"
_PAPER = (r"(?:TTXVN|VNA|Thông\s+tấn\s+xã\s+Việt\s+Nam|VOV|VTV|TTXVN\s*[/–-]\s*[\w+ -]+|Vietnam\+|Báo\s+\S.*|"
          r"Tạp\s+chí\s+\S.*|Đài\s+\S.*|Nhân\s+Dân|Quân\s+đội\s+nhân\s+dân|QĐND|VOV[\w -]*)")
_SITE = r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org)"
# "Thanh Hải (TTXVN)", "Minh Hằng (Theo baolaocai.vn)", "Thu Hà (tổng hợp theo Báo Nhân Dân)"; after a dash or a comma
# only with "theo": "Hoàng Hà - Theo TTXVN", "Hoàng Hà, theo Báo Nhân Dân".
_AFTER = r"(?i:(?:tổng\s+hợp\s+|lược\s+)?(?:theo|từ)\s+)"
_BYLINE_PAPER = re.compile(rf"\(\s*{_AFTER}?({_PAPER}|{_SITE})\s*\)\s*\.?$|(?<!\))/\s*({_PAPER})\s*$|"
                           rf"\s*[-–—,]\s*(?i:(?:tổng\s+hợp\s+)?theo\s+)({_PAPER}|{_SITE})\s*\.?$|"
                           rf"\s[-–—]\s*({_PAPER})\s*$")  # "Thanh Hải - Báo Quảng Ngãi điện tử": the writer's paper
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info)$", re.IGNORECASE)
_ADDRESS = re.compile(r"https?://\S+")


def source_line(text: str, places: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(the paper or address, the writer) a source line names: ("TTXVN", "Minh Anh") for "Theo Minh
    Anh/TTXVN", ("Báo Hà Giang", None) for "Theo Báo Hà Giang"; (None, None) when it names nothing."""
    m = _SOURCE_NAME.match(text)
    offices = joint_offices(text)
    if offices is not None:  # "Theo Báo Nhân Dân và Cổng TTĐT tỉnh", "BAN TUYÊN GIÁO TỈNH ỦY - SỞ VĂN HÓA …": whole
        letters = [c for c in offices if c.isalpha()]
        return (recased(offices, _recase) if all(c.isupper() for c in letters) else offices), None
    if m is None:
        return None, None
    name = m.group(1).strip()
    name += ")" if name.count("(") > name.count(")") else ""  # the pattern took the last ")" away
    writer = _WRITER_FIRST.match(name)
    paper = (writer.group(2) or writer.group(3) or writer.group(4)).strip() if writer else ""
    person = person_name(writer.group(1), places) if writer and not person_name(paper) else None
    if person is None and writer and is_outlet(paper):  # "Theo Thanh Hà (TTXVN)": the agency signs a district's name
        person = person_name(name, places)
    return (paper, person) if person else (name, None)


_CHAINED = re.compile(rf"\(\s*({_PAPER})\s*\)\s*/\s*({_PAPER})\s*$")  # "Văn Thành (TTXVN)/Vietnam+"


def byline_paper(text: str) -> str | None:
    """The agency or paper a byline names after its writer ("Thanh Hải (TTXVN)", "Minh Anh/VOV")."""
    chained = _CHAINED.search(text.strip())
    if chained:
        return f"{chained.group(1).strip()}/{chained.group(2).strip()}"
    m = _BYLINE_PAPER.search(text.strip())
    return (m.group(1) or m.group(2) or m.group(3) or m.group(4)).strip() if m else None


def paper_line(text: str) -> str | None:
    """A paper's or an agency's name alone on a line ("Báo Hà Tĩnh", "TTXVN"): between an aggregator's
    headline and lead (Báo Mới, a portal's news digest) it names where the article was taken from."""
    text = text.strip()
    return text if len(text.split()) <= 8 and re.fullmatch(_PAPER, text) else None


def masthead(text: str) -> str | None:
    """A paper's name printed alone over its page, as its masthead ("QUÂN ĐỘI NHÂN DÂN", "Nhân Dân", "TTXVN")."""
    letters = [c for c in text if c.isalpha()]
    name = paper_line(text) or (paper_line(_recase(text.strip())) if letters and all(c.isupper() for c in letters)
                                else None)
    return None if name is None or re.match(r"(?:Báo|Tạp|Đài)\s", name) else name  # those are portal_name's


def printed_address(text: str) -> str | None:
    """The article's address on a print view's "Địa chỉ bài viết: https://…" line."""
    m = _ADDRESS.search(text)
    return m.group(0).rstrip(".,;)") if m else None


def site_address(lines: list[str]) -> str | None:
    """The site's address a reading view prints over the headline ("baoangiang.com.vn")."""
    return next((line.strip() for line in lines if _DOMAIN.match(line.strip())), None)


# A portal's or a paper's name printed alone over the page or in its footer ("Báo Quảng Ninh điện tử",
# "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN THẾ", "© Bản quyền thuộc Báo Bắc Giang"): the article's source when the
# page says no other. Its kind opens it; an owner follows.
_OWNED = r"(?:\s+(?:của\s+)?\S.{0,90})"
_PORTAL = re.compile(
    r"^(?:©\s*)?(?:(?:bản\s+quyền|copyright)(?:\s+thuộc(?:\s+về)?)?\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?"
    r"(?:by\s+|bởi\s+)?[:\s]\s*)?"
    r"(?P<name>(?:cổng|trang)\s+(?:thông\s+tin\s+điện\s+tử|TTĐT|thông\s+tin(?!\s+điện\s+tử)|tin\s+tức)" + _OWNED +
    r"|báo\s+(?:điện\s+tử\s+)?\S.{0,60}|tạp\s+chí\s+\S.{0,60}|đài\s+(?:phát\s+thanh|PT\s*-?\s*TH|truyền\s+hình)"
    + _OWNED + r")\s*\.?$", re.IGNORECASE)
_NOT_NAME = re.compile(r"[,;:!?“”\"]|\d{1,2}/\d{1,2}|\s[-–]\s")  # a sentence, a date, a headline with a dash
# Words a name in capitals keeps capitalised ("Tỉnh ủy", "Ban Tuyên giáo", "Đảng bộ"); after a place word
# every word is the place's name ("huyện Yên Thế").
_INSTITUTIONS = ("điện tử", "Ban Tuyên giáo và Dân vận", "Cộng sản", "Tuyên giáo", "Xây dựng Đảng", "Đảng bộ", "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Ban Tuyên giáo",
                 "Ban Dân vận", "Ủy ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc", "Đài Phát thanh",
                 "Truyền hình", "Đảng Cộng sản Việt Nam", "Quân đội nhân dân", "Công an nhân dân", "Nhân Dân",
                 "Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc",
                 "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn",
                 "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động",
                 "Ban Chấp hành", "Ban Thường vụ", "Công an", "Bộ Chỉ huy Quân sự")
# Words after which the rest of a name in capitals is the place's own name ("Tỉnh ủy Quảng Nam").
_NAMED_AFTER = ("ủy", "đoàn")
# Short forms a name in capitals keeps in capitals ("UBND XÃ TÂN SƠN" is "UBND xã Tân Sơn").
_ACRONYMS = frozenset({"UBND", "HĐND", "MTTQ", "TTĐT", "TNCS", "HCM", "VN", "CSVN", "LĐLĐ", "CCB", "BCH"})
_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "TP", "TP.")
_MAX_WORDS = 14
_MAX_CHARS = 200


def portal_name(text: str) -> str | None:
    """The portal's or paper's name a line is made of ("Báo Quảng Ninh điện tử", "Cổng thông tin điện tử huyện
    Yên Thế" from the line in capitals), else None. A paper's name is capitalised ("Báo Quảng Ninh", not "Báo
    chí tỉnh nhà"); a portal names its owner ("Cổng thông tin điện tử" alone is every portal's kind)."""
    if len(text) > _MAX_CHARS:
        return None  # a name line is short (and the pattern is only ever tried on short lines)
    text = text.strip()
    first = re.split(r"(?<!\bTP)(?<!\bTp)\.\s+", text)[0]  # "Báo Bắc Giang. All rights reserved", not "TP. Huế"
    m = None
    for candidate in (first, re.split(r"\s+[-–|]\s+", first)[0], _owner(first)):
        # "CỔNG TTĐT TỈNH HÀ GIANG - HA GIANG PORTAL"; "© 2025 Bản quyền thuộc Báo Hà Giang": the year first
        m = _PORTAL.match(candidate) if candidate else None
        if m is not None and not _NOT_NAME.search(m.group("name")):
            break
    if m is None:
        return None
    name = re.sub(r"\s+", " ", m.group("name")).strip().rstrip(".")
    if len(name.split()) > _MAX_WORDS or _NOT_NAME.search(name):
        return None
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        name = _recase(name)
    kind, _sp, rest = name.partition(" ")
    if kind.lower() == "tạp":
        kind, rest = "tạp chí", rest.partition(" ")[2]
    owner = re.sub(r"^điện\s+tử\s+", "", rest).split()  # "Báo điện tử Đảng Cộng sản Việt Nam"
    if kind.lower() in ("báo", "tạp chí") and not (owner and owner[0][:1].isupper() and len(owner) <= 7
                                                   and not any(c.isdigit() for c in rest)):
        return None  # "Báo cáo kết quả …", "Báo chí tỉnh nhà", "Báo Nhân Dân tròn 75 tuổi": no paper's name
    return name


_OLD_STYLE = str.maketrans({"ỷ": "y", "Ỷ": "Y"})


def _new_style(text: str) -> str:
    """ "uỷ" written in the old tone style as "ủy" (the registries' and the site's style): "TỈNH UỶ" is "TỈNH ỦY"."""
    return re.sub(r"([uU])([ỷỶ])", lambda m: ("ủ" if m.group(1) == "u" else "Ủ") + m.group(2).translate(_OLD_STYLE),
                  text) if "ỷ" in text or "Ỷ" in text else text


# The institutions by their first word in lower case, longest first (the one a line starts with is found at once).
_INSTITUTION_KEYS: dict[str, list[tuple[str, list[str]]]] = {}
for _inst in _INSTITUTIONS:
    _INSTITUTION_KEYS.setdefault(_inst.split()[0].lower(), []).append((_inst, _inst.lower().split()))


def _recase(name: str) -> str:
    """A name printed in capitals in the capitals Vietnamese writes it with: "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN
    THẾ" is "Cổng thông tin điện tử huyện Yên Thế", "BAN TUYÊN GIÁO TỈNH ỦY X" "Ban Tuyên giáo Tỉnh ủy X"."""
    words = _new_style(name).lower().split()
    out: list[str] = []
    i = 0
    proper = False  # after a place word, or "Báo", "Tạp chí", "Đài": the rest is a proper name
    while i < len(words):
        joined = next((inst for inst, key in _INSTITUTION_KEYS.get(words[i], ())
                       if key == words[i:i + len(key)]), None)
        if joined:
            out += joined.split()
            i += len(joined.split())
            proper = proper or joined.lower().endswith(_NAMED_AFTER)  # "Tỉnh ủy Quảng Nam", "Tỉnh đoàn Thanh Hóa"
            continue
        word = words[i]
        if word.upper() in _ACRONYMS:
            out.append(word.upper())
            i += 1
            continue
        place = next((p for p in _PLACE_WORDS if p.lower().split() == words[i:i + len(p.split())]), None)
        if place and (not proper or out[-1] in ('ủy', 'đoàn')):  # "Đảng ủy phường Ba Đình"
            out += place.split()
            i += len(place.split())
            proper = True
            continue
        out.append(word[:1].upper() + word[1:] if proper or not out else word)
        if not out[:-1] and word in ("báo", "đài") or out[-2:] == ["Tạp", "chí"]:
            proper = True
        i += 1
    return " ".join(out)


# An organisation's name printed alone over a party or mass organisation's page ("ĐẢNG BỘ TỈNH HÀ GIANG", "BAN
# TUYÊN GIÁO TỈNH ỦY QUẢNG NAM", "UBND XÃ TÂN SƠN"): the organisation, then its place, its name capitalised.
_BODY = (r"(?:đảng\s+bộ|(?:ban\s+(?:chấp\s+hành|thường\s+vụ)\s+)?(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy"
         r"|ban\s+(?:tuyên\s+giáo(?:\s+và\s+dân\s+vận)?|dân\s+vận|tổ\s+chức|kiểm\s+tra)"
         r"(?:\s+(?:tỉnh|thành|huyện|quận|thị|đảng)\s+ủy)?"
         r"|ủy\s+ban\s+nhân\s+dân|ubnd|hội\s+đồng\s+nhân\s+dân|hđnd"
         r"|(?:ủy\s+ban\s+)?(?:mặt\s+trận\s+tổ\s+quốc|mttq)(?:\s+việt\s+nam|\s+vn)?"
         r"|(?:tỉnh|thành|huyện)\s+đoàn|đoàn\s+thanh\s+niên(?:\s+cộng\s+sản\s+hồ\s+chí\s+minh)?"
         r"|hội\s+(?:liên\s+hiệp\s+phụ\s+nữ|nông\s+dân|cựu\s+chiến\s+binh)|liên\s+đoàn\s+lao\s+động)")
_PLACE = r"(?:tỉnh|thành\s+phố|tp\.?|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu)"
_NAME = r"(?:\S+)(?:\s+\S+){0,3}"  # the place's name: one to four words, capitalised (checked below)
_ORGANISATION = re.compile(rf"^(?P<name>{_BODY}(?:\s+{_PLACE})?\s+{_NAME})\s*\.?$", re.IGNORECASE)


def organisation_name(text: str) -> str | None:
    """The name of the party committee, office or mass organisation a line is made of, with its place
    ("Đảng bộ tỉnh Hà Giang", "Ban Tuyên giáo Tỉnh ủy Quảng Nam" from the line in capitals), else None. The place
    is named: "Ban Tuyên giáo" alone, or "Đảng bộ tỉnh" with nothing after it, is a menu's item. Offices joined by
    dashes ("ĐẢNG ỦY - HĐND - UBND XÃ TÂN LẬP", a commune's portal since 2025) are named together."""
    joint = joint_offices(text)
    if joint is not None and "," not in joint and " và " not in joint:  # "Huyện ủy, UBND huyện …": a sentence's subject
        letters = [c for c in joint if c.isalpha()]
        return recased(joint, _recase) if all(c.isupper() for c in letters) else joint
    text = _new_style(re.split(r"\s+[-–|]\s+", text.strip())[0]).rstrip(".")  # "ĐẢNG BỘ TỈNH HÀ GIANG - TỈNH ỦY …"
    if len(text) > 120 or _NOT_NAME.search(text):
        return None
    m = _ORGANISATION.match(text)
    if m is None:
        return None
    name = re.sub(r"\s+", " ", m.group("name")).strip()
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        name = _recase(name)
    place = name[len(re.match(rf"{_BODY}(?:\s+{_PLACE})?", name, re.IGNORECASE).group(0)):].split()
    if not place or not all(w[:1].isupper() or w[:1].isdigit() for w in place):
        return None  # "Đảng bộ tỉnh nhà", "Ban Tuyên giáo tổ chức hội nghị": a phrase of a sentence
    return name


_COPYRIGHT = re.compile(r"^(?:©|(?:bản\s+quyền|copyright)\b)(?:\s*(?:bản\s+quyền|copyright|thuộc(?:\s+về)?|©|\(c\)|"
                        r"\d{4}(?:\s*[-–]\s*\d{4})?|by|bởi|:)(?!\w))*\s*(?P<owner>\S.*)$", re.IGNORECASE)


def _owner(text: str) -> str | None:
    """What a copyright line names ("© 2025 Bản quyền thuộc Báo Hà Giang" names "Báo Hà Giang"), else None."""
    m = _COPYRIGHT.match(text.strip())
    return m.group("owner") if m else None


def copyright_owner(text: str) -> str | None:
    """The organisation a page's copyright line names ("© 2025 Bản quyền thuộc Đảng bộ tỉnh Hà Giang"), else None."""
    owner = _owner(text)
    return organisation_name(owner) if owner else None
