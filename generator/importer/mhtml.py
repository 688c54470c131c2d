"""A page saved as one file (`.mhtml` from Chrome or Edge, `.mht` from Internet Explorer or Word):
a MIME multipart message holding the page's HTML and the files it shows.

The HTML part (the message's root: the part `start` names, else the first `text/html`) is
handed over as bytes with its declared charset, so the usual detection reads it (UTF-8,
Windows-1258, the legacy encodings) and the declared charset is used only when detection
cannot read the bytes. Pictures come out by the file name the HTML's `<img>` gives them
(`image_name` of the address's last part), so the article's figures find their bytes.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import posixpath
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urljoin, urlsplit

from .decode import DecodeError
from .lines import image_name

SUFFIXES = {".mhtml", ".mht"}
_UNREADABLE = ("tệp .mhtml/.mht (trang lưu thành một tệp) không đọc được: {why}; hãy lưu lại trang "
               "ở dạng “Trang web, hoàn chỉnh” (.html) hoặc chép phần chữ của bài vào tệp .txt")


@dataclass(frozen=True)
class Archive:
    """What a single-file page holds: its HTML's bytes, the charset its part declares, the page's
    address, and the pictures by file name."""

    html: bytes
    charset: str | None = None
    address: str = ""
    images: dict[str, bytes] = field(default_factory=dict)
    saved: datetime | None = None  # the message's Date: when the page was saved ("2 giờ trước" counts from it)


def _location(part: Message) -> str:
    return str(part.get("Content-Location", "") or "").strip()


def _html_part(message: Message) -> Message | None:
    parts = [p for p in message.walk() if not p.is_multipart()]
    start = message.get_param("start") if message.is_multipart() else None
    if start:
        wanted = str(start).strip().strip("<>")
        for part in parts:
            if str(part.get("Content-ID", "")).strip().strip("<>") == wanted:
                return part
    return next((p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)


def _name(location: str, base: str) -> str | None:
    """The file name the HTML's <img> for this part's address is imported under."""
    address = urljoin(base, location) if base else location
    path = urlsplit(address).path if "://" in address or address.startswith("/") else address
    return image_name(posixpath.basename(unquote(path.replace("\\", "/"))))


def read_archive(data: bytes) -> Archive:
    """The HTML and pictures of a saved single-file page; DecodeError (for the editor) when the
    file is no MIME message with an HTML part."""
    head = data.lstrip()[:4096].lower()
    if b"content-type:" not in head or b"multipart/" not in head and b"text/html" not in head:
        raise DecodeError(_UNREADABLE.format(why="không thấy phần đầu MIME (Content-Type: multipart/related)"))
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _html_part(message)
    if part is None:
        raise DecodeError(_UNREADABLE.format(why="trong tệp không có phần HTML của trang"))
    html = part.get_payload(decode=True)
    if not isinstance(html, bytes) or not html.strip():
        raise DecodeError(_UNREADABLE.format(why="phần HTML của trang rỗng"))
    charset = part.get_content_charset()
    address = _location(part) or str(message.get("Snapshot-Content-Location", "") or "").strip()
    images: dict[str, bytes] = {}
    for other in message.walk():
        if other is part or other.is_multipart() or other.get_content_maintype() != "image":
            continue
        location = _location(other) or _cid_name(other)
        cid = str(other.get("Content-ID", "") or "").strip().strip("<>")
        if cid and location:  # <img src="cid:image001.png@01DA…"> (Word, Outlook, some savers): by its file's name
            html = html.replace(b"cid:" + cid.encode("ascii", "ignore"), location.encode("utf-8"))
        name = _name(location, address)
        payload = other.get_payload(decode=True)
        if name and isinstance(payload, bytes) and payload and name not in images:
            images[name] = payload
    return Archive(html, charset, address if urlsplit(address).scheme in ("http", "https") else "", images,
                   _saved(str(message.get("Date", "") or "")))


def _saved(value: str) -> datetime | None:
    """The save time in the message's Date header, when it is one with its zone."""
    try:
        moment = parsedate_to_datetime(value) if value.strip() else None
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}


def _cid_name(part: Message) -> str:
    """A picture's file name when the archive gives it no address: its own, else its Content-ID's
    ("image001.png@01DA…" -> "image001.png"), else the Content-ID with the type's extension."""
    name = part.get_filename() or ""
    if name:
        return name
    cid = str(part.get("Content-ID", "") or "").strip().strip("<>").split("@")[0]
    extension = _EXTENSIONS.get(part.get_content_type(), "")
    if not cid or not extension:
        return ""
    return cid if "." in cid else f"{cid}.{extension}"


def html_text_bytes(archive: Archive, decode) -> tuple:
    """``decode(bytes)`` of the HTML part; when detection cannot read the bytes, the part's
    declared charset (a UTF-16 page, say) is used and the text handed over as UTF-8."""
    try:
        return decode(archive.html)
    except DecodeError:
        if not archive.charset:
            raise
        try:
            codecs.lookup(archive.charset)
            text = archive.html.decode(archive.charset)
        except (LookupError, UnicodeDecodeError):
            raise DecodeError(_UNREADABLE.format(
                why=f"phần HTML không đọc được theo bảng mã nó khai ({archive.charset})")) from None
        return decode(text.encode("utf-8"))
