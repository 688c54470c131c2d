"""What the page parser (htmlsource.py) knows of HTML's elements: which make blocks, which have no end, which are
page furniture (dropped, and reported when they hold words), which give a hint; and how a stretch of dropped
furniture's words reads in the import report (furniture_line: "Trang chủ · Giới thiệu · Tin tức")."""
from __future__ import annotations

import re

from ..vietnamese import normalize
from .clean import EM_CLOSE, EM_OPEN
from .inline import EDGE
from .media import AMP_EMBEDS
from .structure import ITEM as _ITEM

SKIP = {"script", "style", "nav", "aside", "noscript", "template", "svg", "iframe", "button",
         "select", "textarea", "object", "canvas", "menu", "dialog", "video", "audio"} | AMP_EMBEDS
REPORTED = {"aside", "nav", "menu", "header", "footer"}  # furniture with words: dropped, each line reported
EMBEDS = {"iframe", "object", "embed", "video", "audio"} | AMP_EMBEDS  # content the importer cannot bring along
PAGE_ONLY = {"header", "footer"}
NOT_POLLS = {"form", "html", "body", "main", "article"}  # a "binh-chon" section's page holds its article
BACK_LINK = re.compile(r"^\s*[↩↑^⤴]\ufe0e?\ufe0f?\s*$")  # a note's link back to where it is cited
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "figure", "figcaption",
          "section", "article", "main", "blockquote", "tr", "td", "th", "table", "dd", "dt", "dl", "pre",
          "hr", "address", "caption", "header", "footer", "body", "time", "form",
          # the other elements a browser shows as blocks: words on either side of them never join
          "center", "details", "summary", "fieldset", "legend", "hgroup", "search", "dir", "listing", "xmp",
          "plaintext"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HINTS = {"h1": "h1", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
          "li": "li", "figcaption": "caption"}
_SPACE = re.compile(r"\s+")
_MARKS = f"[{EDGE}{EM_OPEN}{EM_CLOSE}]"
ITEM_TAGS = {"a", "button", "label", "option"}  # a menu's items: one item each in the report
ITEM_SEPARATOR = " · "
# Two inline elements' words glued where a new item starts in capitals or digits ("<span>Liên hệ</span><span>Bản
# quyền …</span>"); a word split by formatting ("nghi<b>ệp</b>") goes on in lower case and stays whole.
_GLUED_ITEM = re.compile(rf"(?<=[^\s{_ITEM}])[{EDGE}{EM_OPEN}{EM_CLOSE}]*{EDGE}[{EDGE}{EM_OPEN}{EM_CLOSE}]*(?=\w)")


def furniture_line(raw: str) -> str:
    """The words of a stretch of dropped furniture as the report shows them: each link, button or element glued to
    the next an item of its own, the items joined by " · "."""
    raw = _GLUED_ITEM.sub(lambda m: _ITEM if raw[m.end()].isupper() or raw[m.end()].isdigit() else "", raw)
    items = (normalize(_SPACE.sub(" ", re.sub(_MARKS, "", part)).strip()) for part in raw.split(_ITEM))
    return ITEM_SEPARATOR.join(item for item in items if re.search(r"\w", item))  # not a bare "|" between links
