"""The attachments (content/files, published at /files/) an article's or a page's body links to: the
build publishes only those (attachments.linked_only). Part of reading an article (content.py), so
it imports nothing of the build's."""
from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

from .vietnamese import normalize

FILES = "files"  # content/files, published at /files/ (sources.FILES is this one)

# An address in the sanitised HTML of a body (the renderer writes every attribute in double quotes).
_HREF = re.compile(r'\shref="([^"]*)"')
_UP = re.compile(r"^(?:\.\.?/)+")  # "../../" or "./" before a relative link's path


def linked_files(body: str, base_path: str) -> tuple[str, ...]:
    """The attachments a body's links lead to, as published ("files/ke-hoach.pdf"): root-relative
    links as the renderer wrote them under the site's base path ("/hoc-tap/files/…"), full addresses
    with that path, and links relative to the page ("../../files/…", which the build leaves as they
    are). A body without "files/" (nearly every one) costs one search."""
    if FILES + "/" not in body:
        return ()
    marker = base_path + FILES + "/"
    out: dict[str, None] = {}
    for value in _HREF.findall(body):
        parts = urlsplit(html.unescape(value))
        if parts.scheme.lower() not in ("", "http", "https"):
            continue
        path = unquote(parts.path)
        if not parts.scheme and not parts.netloc and not path.startswith("/"):
            path = base_path + _UP.sub("", path)  # every page is below the site's root: "../" leads up to it
        if path.startswith(marker) and len(path) > len(marker):
            out.setdefault(normalize(path[len(base_path):]), None)
    return tuple(out)
