"""The article's source as the front matter writes it: its name and address, from the page's metadata, a
source line, the paper an address names, or failing those a name line the page prints over or under the
article ("Báo Quảng Ninh điện tử", "ĐẢNG BỘ TỈNH HÀ GIANG"). Split out of command.py."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..fields import url_problem as build_url_problem  # the build's own rule for addresses
from ..taxonomy import Registries
from ..vietnamese import term_key
from .addresses import article_address, is_home_page
from .extract import Extracted
from .outlets import outlet_name, outlet_note
from .pagetitle import page_title_site
from .elements import ITEM_SEPARATOR
from .pagemeta import PageMeta
from .places import load_tags, source_name
from .sources import copyright_owner, masthead, organisation_name, portal_name
from .tail import SITE_NAME

# An official document's head ("ĐẢNG BỘ TỈNH TUYÊN QUANG" / "BAN TUYÊN GIÁO" / "Số 12-HD/BTGTU" / "ĐẢNG CỘNG SẢN
# VIỆT NAM"): the organisation over it issued the document, and names no site.
_DOCUMENT_HEAD = re.compile(r"^\s*(?:Số\s*:?\s*\d+\s*[-/]|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$|CỘNG\s+HÒA\s+XÃ\s+HỘI)")
_CITED_ADDRESS = re.compile(r"^https?://[\w-]+(?:\.[\w-]+)+/\S+$", re.IGNORECASE)  # an article's address, not a home page


def article_source(page: PageMeta, found: Extracted, registries: Registries, warnings: list[str], removed=()
            ) -> tuple[str | None, str | None]:
    """The source's name and address as the build accepts them: a name always goes with an address
    (og:site_name, the "Theo …" line, else the paper or domain the address names), and an address the
    build would refuse is left out and named in a warning."""
    url = page.url
    named = found.source_name if found.source_name and _CITED_ADDRESS.match(found.source_name) else None
    cited = found.source_url if found.source_url and _CITED_ADDRESS.match(found.source_url) else named
    if cited and (url is None or is_home_page(url)):  # a print view's canonical home page: the printed address
        cited, note = article_address([cited])  # "Nguồn: https://baohatinh.vn/…-post123.html": the original's
        url = cited or url
        warnings += [note] if note else []
    if url and (not re.match(r"^https?://", url, re.IGNORECASE) or build_url_problem(url)):
        warnings.append(f"địa chỉ trang gốc “{url}” không dùng được làm source.url (chỉ địa chỉ http:// hoặc "
                        "https:// đầy đủ): đã bỏ; hãy ghi lại nếu cần")
        url = None
    name = page.site_name or (source_name(urlsplit(named).hostname if named else found.source_name, registries)
                              if found.source_name else None)
    if name and (page.site_name or not named):  # "VOV-Trường Sa", "Báo Lâm Đồng - Chính trị": the outlet alone
        written = page.site_name or found.source_name
        name, desk = outlet_name(name)
        name = _recased(name)
        warnings += [outlet_note(written, name, desk)] if desk else []
    # "… | Báo Đồng Khởi", "… - Cổng TTĐT xã Tân Lập"
    name = name or _recased(page_title_site(page.title) or "") or None
    if name is None:  # "Báo Quảng Ninh điện tử" over the page, "© Bản quyền thuộc Báo Bắc Giang" under it
        name = _portal_line(page, found, removed, warnings)
    if name is None:  # "VOV.VN - …", "(Chinhphu.vn) - …", "TTXVN - …": the outlet's tag heading the lead
        name = _lead_tag(found.summary, registries, warnings)
    if name is None and url and urlsplit(url).hostname:
        name = source_name(urlsplit(url).hostname, registries)  # it drops "www." itself
    if name is None:
        return None, None  # an address alone: the build requires a name, so no source at all
    return name, url


def _recased(name: str) -> str:
    """An outlet's name in capitals ("BÁO ĐẮK NÔNG") as it is written in text ("Báo Đắk Nông"), when it reads as one."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    recased = portal_name(name)
    return recased if recased and term_key(recased) == term_key(name) else name  # only the case changed


# Where a portal's name line is left out: over the headline, or after the text (a footer, a unit, a label).
_PORTAL_TOP = ("trên tiêu đề",)
_PORTAL_END = (SITE_NAME, "đơn vị của tác giả", "đơn vị đưa tin")


def _items(line: int, text: str) -> list[tuple[int, str]]:
    """A dropped furniture line's items ("Trang chủ · Giới thiệu · Bản quyền thuộc Báo Hà Giang"), each its own."""
    return [(line, item) for item in text.split(ITEM_SEPARATOR)]


def _portal_line(page: PageMeta, found: Extracted, removed, warnings: list[str]) -> str | None:
    """The site's name a left-out line prints ("Báo Quảng Ninh điện tử", "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN …"),
    the top of the page first, the editor told where it was read. An organisation's name ("ĐẢNG BỘ TỈNH HÀ
    GIANG") names the site only over the headline outside a menu, signing the text alone ("Ban Tuyên giáo Tỉnh ủy Hà
    Nam" under a Q&A), or after "Bản quyền thuộc" under the text."""
    above = found.title_line if found.title_line is not None else 0
    top = sorted([(b.line, b.text) for b, reason in found.dropped if reason in _PORTAL_TOP]
                 + [(r.block.line, r.block.text) for r in removed if r.kind == "header" and r.block.line < above]
                 + [item for line, reason, text in page.left_out  # the page's own <header>, over it all
                    if reason == "khuôn trang (header)" for item in _items(line, text)])
    menu = sorted((r.block.line, r.block.text) for r in removed if r.kind == "nav" and r.block.line < above)
    end = sorted([(b.line, b.text) for b, reason in found.dropped if reason in _PORTAL_END]
                 + [(r.block.line, r.block.text) for r in removed if r.kind == "footer"]
                 + [item for line, reason, text in page.left_out  # the page's own <footer>
                    if reason == "khuôn trang (footer)" for item in _items(line, text)])
    for line, text in top + menu + end:
        name = portal_name(text)
        if name is not None:
            warnings.append(f"nguồn lấy từ dòng tên trang “{text}” (dòng {line}): trang không ghi nguồn ở chỗ khác; "
                            "hãy kiểm tra")
            return name
    heads = [] if any(_DOCUMENT_HEAD.match(text) for _line, text in top) else top  # the issuer, not a site
    for line, text in heads:
        name = masthead(text)  # "QUÂN ĐỘI NHÂN DÂN", "Nhân Dân" over a national paper's page
        if name is not None:
            warnings.append(f"nguồn lấy từ dòng tên báo “{text}” (dòng {line}): trang không ghi nguồn ở chỗ khác; "
                            "hãy kiểm tra")
            return name
    units = sorted((b.line, b.text) for b, reason in found.dropped if reason == "đơn vị đưa tin")  # signs the text
    for line, text in heads + units + end:
        name = organisation_name(text) if (line, text) in heads or (line, text) in units else copyright_owner(text)
        if name is not None:
            warnings.append(f"nguồn lấy từ dòng tên cơ quan “{text}” (dòng {line}): trang không ghi nguồn ở chỗ "
                            "khác; hãy kiểm tra")
            return name
    return None


# An outlet's tag heading the lead: its web address ("VOV.VN -", "(Chinhphu.vn) -"), an agency's short name, or a
# provincial paper's tag ("BGĐT -", "(QNO) -": source_tags.csv).
_LEAD_TAG = re.compile(r"^\s*(\()?\s*((?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:vn|VN|Vn|com|net|org)|TTXVN|VNA|"
                       r"QĐND(?:\s+Online)?|[A-ZĐ][A-ZĐa-z]{1,6})\s*(\))?\s*[-–—:]?\s*\S")


def _lead_tag(summary: str | None, registries: Registries, warnings: list[str]) -> str | None:
    """The outlet a lead's tag names ("VOV.VN - Sáng 12/3, …" names vov.vn, "BGĐT - …" Báo Bắc Giang), when the page
    names no source."""
    m = _LEAD_TAG.match(summary or "")
    if m is None or bool(m.group(1)) != bool(m.group(3)) or not (m.group(1) or re.match(r".*[-–—:]", m.group(0))):
        return None  # "(QNO) -", "BGĐT -": a tag stands in brackets or before a dash, never a lead's first word
    tag = m.group(2)
    provinces = load_tags().get(term_key(tag), ())
    name = source_name(tag, registries) if "." in tag else tag if re.fullmatch(r"TTXVN|VNA|QĐND(?:\s+Online)?", tag) \
        else f"Báo {provinces[0]}" if len(provinces) == 1 else None
    if name is not None:
        warnings.append(f"nguồn lấy từ ký hiệu “{tag}” đầu đoạn mở đầu: trang không ghi nguồn ở chỗ khác; hãy kiểm tra")
    return name
