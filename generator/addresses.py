"""Link and image addresses as a browser reads them (ada, the WHATWG URL rules): parsed, their
user name and password found and left out of messages, site-root links placed under the base path.
"""
from __future__ import annotations

import ada_url


PAGE_URL = "https://base.invalid/"  # an address on a page: "https:a@b/" is relative to the page's


def parsed_url(url: str, base: str | None = PAGE_URL):
    """The URL as a browser reads it (ada), or None when it is no address at all. base None: as
    iframe_src reads it (absolute, "https:a@b/" is https://a@b/)."""
    try:
        return ada_url.URL(url, base) if base else ada_url.URL(url)
    except ValueError:
        return None


def userinfo(url: str, base: str | None = PAGE_URL):
    """The URL as a browser reads it, if it carries a user name or password; else None (also
    when it is no address: nh3 drops it)."""
    parsed = parsed_url(url, base)
    return parsed if parsed is not None and (parsed.username or parsed.password) else None


def without_userinfo(url: str, base: str | None = PAGE_URL) -> str:
    """url as a message may show it: a user name and password left out ("https://…@host/a"), so
    that a build log does not pass them on; other addresses unchanged."""
    parsed = userinfo(url, base) if "@" in url else None
    if parsed is None:
        return url
    shown = f"{parsed.protocol}//…@{parsed.host}{parsed.pathname}{parsed.search}"
    return shown if len(shown) <= 80 else shown[:80] + "…"


def site_link(url: str, base_path: str) -> str:
    """A site-root link ("/images/a.jpg") placed under the base path ("/hoc-tap/images/a.jpg")."""
    if url.startswith("/") and not url.startswith("//"):
        return base_path + url[1:]
    return url
