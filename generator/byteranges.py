"""Range requests (RFC 9110 §14) to the preview server: a phone's video or audio player asks for
part of a file before it plays it (Safari plays no video answered without ranges), and a resumed
download asks for the rest of one. One range of bytes is answered (206); a range that starts past
the end of the file is refused (416); anything else (several ranges, another unit, a malformed
header, an If-Range naming another version of the file) is answered with the whole file, as the
RFC allows a server to."""
from __future__ import annotations

import hashlib
import re

_SPEC = re.compile(r"bytes[ \t]*=[ \t]*([0-9]*)[ \t]*-[ \t]*([0-9]*)[ \t]*", re.IGNORECASE)
# Digits past this are a number no file reaches (and int() refuses past 4,300 digits: was a 500).
_MAX_DIGITS = 18
UNSATISFIABLE = "unsatisfiable"


def _number(digits: str) -> int:
    return int(digits) if len(digits) <= _MAX_DIGITS else 10 ** _MAX_DIGITS


def byte_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """(first, last) byte, both included, for a Range header over a file of size bytes;
    UNSATISFIABLE; or None: answer with the whole file."""
    if header is None:
        return None
    match = _SPEC.fullmatch(header.strip())
    if match is None:  # several ranges, another unit, not a range at all
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        count = _number(last)
        if count == 0 or size == 0:
            return UNSATISFIABLE
        return max(0, size - count), size - 1
    start = _number(first)
    end = _number(last) if last else size - 1
    if last and end < start:  # "bytes=9-3" is no range: ignored
        return None
    if start >= size:
        return UNSATISFIABLE
    return start, min(end, size - 1)


def etag(body: bytes) -> str:
    """The strong validator Tornado sends with a whole file (RequestHandler.compute_etag)."""
    return f'"{hashlib.sha1(body).hexdigest()}"'


def same_version(if_range: str | None, body: bytes) -> bool:
    """Whether a range may be answered: no If-Range, or one naming the file as it is now (a date
    names no version here: the preview sends no Last-Modified)."""
    return if_range is None or if_range.strip() == etag(body)


def _tags(header: str) -> list[str]:
    """The entity tags of an If-None-Match header, each without its weak mark (W/)."""
    return [tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()]


def not_modified(if_none_match: str | None, body: bytes) -> bool:
    """Whether a GET is answered 304 before any Range is looked at (RFC 9110 §13.2.2: If-None-Match
    comes before Range and If-Range; weak comparison, `*` matches any file). If-Modified-Since is
    ignored: the preview sends no Last-Modified, so a date can name no version."""
    if if_none_match is None:
        return False
    tags = _tags(if_none_match)
    return "*" in tags or etag(body) in tags
