"""Markdown to safe HTML.

Python-Markdown renders; a tree processor turns an image with a title into a
<figure> and points site-root links under the site's base path; nh3 (a
maintained sanitiser) then keeps only an allowlist of tags and attributes, so
raw HTML pasted from a scraped page cannot inject script.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown as _markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "small", "mark", "abbr", "cite", "q", "blockquote", "code", "pre", "span", "div",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "iframe",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading", "decoding"},
    "iframe": {"src", "title", "width", "height", "allowfullscreen", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "abbr": {"title"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def site_link(url: str, base_path: str) -> str:
    """A site-root link ("/images/a.jpg") placed under the base path ("/hoc-tap/images/a.jpg")."""
    if url.startswith("/") and not url.startswith("//"):
        return base_path + url[1:]
    return url


class _FigureAndLinks(Treeprocessor):
    def __init__(self, md, base_path: str):
        super().__init__(md)
        self.base_path = base_path

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and element.get("href"):
                element.set("href", site_link(element.get("href"), self.base_path))
            elif element.tag == "img" and element.get("src"):
                element.set("src", site_link(element.get("src"), self.base_path))
                element.set("loading", "lazy")
                element.set("decoding", "async")
        for element in root.iter("p"):
            children = list(element)
            if (len(children) == 1 and children[0].tag == "img" and children[0].get("title")
                    and not (element.text or "").strip() and not (children[0].tail or "").strip()):
                image = children[0]
                element.tag = "figure"
                caption = etree.SubElement(element, "figcaption")
                caption.text = image.attrib.pop("title")


class _SiteExtension(Extension):
    def __init__(self, base_path: str):
        super().__init__()
        self.base_path = base_path

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_FigureAndLinks(md, self.base_path), "site_figures", 5)


class Renderer:
    """One Markdown instance reused across documents (building it is the slow part)."""

    def __init__(self, base_path: str = "/", iframe_hosts: tuple[str, ...] = ()):
        self.iframe_hosts = frozenset(iframe_hosts)
        self._md = _markdown.Markdown(
            extensions=["tables", "sane_lists", _SiteExtension(base_path)],
            output_format="html",
        )

    def _filter(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            return value if parts.scheme == "https" and parts.hostname in self.iframe_hosts else None
        return value

    def render(self, text: str) -> str:
        self._md.reset()
        raw = self._md.convert(text)
        return nh3.clean(
            raw,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            attribute_filter=self._filter,
            link_rel=None,
            strip_comments=True,
        )


def plain_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def first_paragraph(body_html: str) -> str:
    """The text of the first paragraph that has any (figures have no <p>)."""
    for match in _PARAGRAPH.finditer(body_html):
        text = plain_text(match.group(1))
        if text:
            return text
    return ""


def shorten(text: str, limit: int) -> str:
    """At most limit characters, cut at a word boundary, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"
