"""Links of the article's text: a link to a document ("Toàn văn hướng dẫn xem tại đây", "Tải về",
a file's name) or to a video (a video file, YouTube, Vimeo) is the article's content and stays a Markdown link; any other link's words stay as
text and its address is reported, never lost without a word.

Addresses are made absolute against the page's own (og:url, canonical, <base>, a browser's "saved
from url" note); only http(s) ones are written, percent-encoded so that no character can end the
Markdown link early, and the site's renderer sanitises them again.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

from .frontmatter import escape_inline
from .videos import is_video

DROPPED = "đường dẫn trong bài không giữ lại (chỉ giữ đường dẫn tới tài liệu)"
RELATIVE = "đường dẫn tới tài liệu không giữ được: trang không ghi địa chỉ gốc"
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar)$", re.IGNORECASE)
_DOWNLOAD_WORDS = re.compile(r"^(?:xem\s+)?(?:tại\s+đây|ở\s+đây|tải\s+về|tải\s+xuống|download|xem\s+toàn\s+văn|"
                             r"toàn\s+văn|tệp\s+đính\s+kèm|file\s+đính\s+kèm)\W*$", re.IGNORECASE)


def absolute(href: str, base: str | None) -> str | None:
    """The http(s) address a link points to, or None (a script, a mail address, a page anchor, or a
    relative address on a page that does not say where it was)."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    scheme = urlsplit(href).scheme.lower()
    if scheme in ("http", "https"):
        return href
    if scheme or not base or urlsplit(base).scheme.lower() not in ("http", "https"):
        return None
    return urljoin(base, href)


def is_document(text: str, href: str) -> bool:
    """A link the article offers as its content: to a document, or worded as a download."""
    path = urlsplit(href).path
    return bool(_DOCUMENT.search(path) or _DOWNLOAD_WORDS.match(text.strip()) or _DOCUMENT.search(text.strip()))


def markdown_link(text: str, url: str) -> str:
    label = escape_inline(text).replace("[", "\\[").replace("]", "\\]")
    return f"[{label}](" + quote(url, safe=":/?#@!$&'*+,;=%-._~") + ")"


def with_links(markdown: str, links: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The paragraph's Markdown with each link's words made a link where they stand, and the links
    that could not be placed (their words split by emphasis, or missing)."""
    missed = []
    start = 0  # links stand in the order they were read: each is looked for after the one before
    for text, url in links:
        words = escape_inline(text)
        at = markdown.find(words, start)
        if not text.strip() or at < 0:
            missed.append((text, url))
            continue
        link = markdown_link(text, url)
        markdown = markdown[:at] + link + markdown[at + len(words):]
        start = at + len(link)
    return markdown, missed


def body_links(nodes: list, blocks: list, base: str | None
               ) -> tuple[dict[int, list[tuple[str, str]]], list[tuple[int, str, str]]]:
    """({index of a body node: its links to keep}, [(line, reason, "words → address")] left out).

    nodes: the article's body (body.Node); blocks: the page's blocks, whose extra["links"] holds
    each link's words and address as written. Links of lines that are not in the body (menus,
    related lists) go with their lines, already reported."""
    pending: dict[int, list[tuple[str, str]]] = {}
    for block in blocks:
        if block.extra.get("links"):
            pending.setdefault(block.line, []).extend(block.extra["links"])
    kept: dict[int, list[tuple[str, str]]] = {}
    dropped: list[tuple[int, str, str]] = []
    for k, node in enumerate(nodes):
        if node.kind not in ("p", "li", "caption", "h", "note") or node.line not in pending:
            continue
        mine = [(t, h) for t, h in pending[node.line] if t in node.text]
        pending[node.line] = [x for x in pending[node.line] if x not in mine]
        for text, href in mine:
            url = absolute(href, base)
            if url is not None and (is_document(text, url) or is_video(url)) and node.kind != "h":
                kept.setdefault(k, []).append((text, url))
            elif url is not None or (is_document(text, href) and not urlsplit(href).scheme):
                dropped.append((node.line, DROPPED if url else RELATIVE, f"{text} → {url or href}"))
    return kept, dropped
