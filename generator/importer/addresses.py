"""The article's own address among those a saved page names: og:url, <link rel="canonical">, the address a
single file (.mhtml) or a browser's note ("saved from url=") says the page was saved from.

A print view (``?print=1``, ``/print/``, ``/in-bai-viet/``) often names only the site's home page as its
canonical address, while the address it was saved from is the article's with a print marker: that address,
the marker taken off, is the article's. A home page is never an article's address while another is named.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Path segments that mark a print view ("/print/…", "/in-bai-viet/…"): taken off, the rest is the article's path.
_PRINT_SEGMENT = re.compile(r"^(?:print|printer|print-?view|print-?page|print-?version|in-?bai(?:-?viet)?|ban-?in)$",
                            re.IGNORECASE)
# A print script ("Print.aspx?ID=12", "inbai.php?id=12"): the article is named only by its query, no address to read.
_PRINT_SCRIPT = re.compile(r"^(?:print|printer|print-?view|print-?page|in-?bai(?:-?viet)?|ban-?in|in)\.\w{2,5}$",
                           re.IGNORECASE)
# Query keys that say "print" whatever their value, and keys whose value says it ("view=print", "layout=print").
_PRINT_KEYS = frozenset({"print", "in", "inbai", "in-bai", "printable", "printview", "print_view", "isprint",
                         "is_print", "printmode", "print_mode", "printer"})
_VALUE_KEYS = frozenset({"view", "layout", "type", "mode", "format", "output", "display", "action", "tmpl", "page"})
_PRINT_VALUES = frozenset({"print", "printer", "printable", "in", "ban-in", "inbai", "in-bai"})
_HOME_PATH = re.compile(r"^/?(?:(?:index|default|home|trang-?chu)(?:\.\w{2,5})?/?)?$", re.IGNORECASE)


def is_home_page(url: str) -> bool:
    """A site's home page ("https://baophutho.vn", "https://baophutho.vn/index.html"), no article's address."""
    parts = urlsplit(url)
    return bool(parts.netloc) and not parts.query and bool(_HOME_PATH.match(parts.path))


def without_print_marker(url: str) -> tuple[str | None, bool]:
    """(the address with its print marker taken off, whether it had one); None for a print script's address,
    which names the article only by a number in its query."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    if segments and _PRINT_SCRIPT.match(segments[-1]):
        return None, True
    kept_segments = [s for s in segments if not _PRINT_SEGMENT.match(s)]
    query = parse_qsl(parts.query, keep_blank_values=True)
    marked = any(_print_pair(k, v) for k, v in query)
    kept_query = [(k, v) for k, v in query if not (  # and Joomla's "tmpl=component" beside "print=1"
        _print_pair(k, v) or marked and k.lower() == "tmpl" and v.lower() == "component")]
    if kept_segments == segments and kept_query == query:
        return url, False
    path = "/".join(kept_segments)
    path = re.sub(r"//+", "/", path) or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(kept_query), "")), True


def _print_pair(key: str, value: str) -> bool:
    """Whether a query's key and value mark a print view ("print=1", "view=print")."""
    key = key.lower()
    return key in _PRINT_KEYS or key in _VALUE_KEYS and value.lower() in _PRINT_VALUES


def article_address(candidates: list[str | None]) -> tuple[str | None, str | None]:
    """(the article's address, a note for the editor when it was read off a print view's address) among the
    page's addresses in order of trust; the first address named when none is an article's (a home page alone
    stays the page's address, as before)."""
    named = [c.strip() for c in candidates if c and c.strip()]
    for address in named:
        if not re.match(r"^https?://", address, re.IGNORECASE):
            continue
        plain, printed = without_print_marker(address)
        if plain is None or is_home_page(plain):
            continue
        if printed:
            return plain, (f"địa chỉ bài lấy từ địa chỉ bản in “{address}”, đã bỏ phần chỉ bản in: {plain}; "
                           "hãy kiểm tra source.url")
        return plain, None
    return (named[0] if named else None), None
