"""The article file: YAML front matter written by a small fixed emitter, then Markdown.

The emitter writes every string double-quoted and the keys in one fixed order, so
the same input always gives the same bytes and the build reads it back unchanged.
A field the importer is unsure of carries a YAML comment "# kiểm tra lại: <why>" on its
line, so the editor checks only those; an article without a date is a draft whose
placeholder date says so.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from ..vietnamese import slugify
from .extract import Node

CHECK = "kiểm tra lại"

SLUG_MAX = 80
_YAML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
                 "\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\ufeff": "\\uFEFF"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')


@dataclass
class ArticleMeta:
    title: str
    date: datetime | None = None
    summary: str | None = None
    provinces: list[str] = field(default_factory=list)
    directives: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    author: str | None = None
    source_name: str | None = None
    source_url: str | None = None
    image_src: str | None = None
    image_caption: str | None = None
    draft: bool = False
    checks: dict[str, str] = field(default_factory=dict)  # key -> why the editor should check it


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar. A combining mark right after an escape is escaped too: the
    build reads files as NFC, which would join it to the escape's last letter (“\\n” followed
    by U+0303 would read as “\\ñ”)."""
    if not _NEEDS_ESCAPE.search(value):
        return '"' + value + '"'
    out, escaped = [], False
    for ch in value:
        if _NEEDS_ESCAPE.match(ch):
            out.append(_YAML_ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"))
            escaped = True
        elif escaped and unicodedata.combining(ch):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
            escaped = False
    return '"' + "".join(out) + '"'


def yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(yaml_string(v) for v in values) + "]"


def _comment(why: str) -> str:
    return "  # " + CHECK + (": " + why.replace("\n", " ") if why else "")


def front_matter(meta: ArticleMeta) -> str:
    def line(key: str, value: str) -> str:
        return f"{key}: {value}" + (_comment(meta.checks[key]) if key in meta.checks else "")

    lines = ["---", line("title", yaml_string(meta.title))]
    if meta.date is not None:
        lines.append(line("date", meta.date.isoformat()))
    if meta.summary:
        lines.append(line("summary", yaml_string(meta.summary)))
    lines.append(line("province", yaml_list(meta.provinces)))
    lines.append(line("directives", yaml_list(meta.directives)))
    lines.append(line("tags", yaml_list(meta.tags)))
    if meta.author:
        lines.append(line("author", yaml_string(meta.author)))
    if meta.source_name or meta.source_url:
        lines.append("source:")
        if meta.source_name:
            lines.append(f"  name: {yaml_string(meta.source_name)}")
        if meta.source_url:
            lines.append(f"  url: {yaml_string(meta.source_url)}")
    if meta.image_src:
        lines.append("image:")
        lines.append(f"  src: {yaml_string(meta.image_src)}")
        if meta.image_caption:
            lines.append(f"  alt: {yaml_string(meta.image_caption)}")
            lines.append(f"  caption: {yaml_string(meta.image_caption)}")
    if meta.draft:
        lines.append("draft: true  # bài nháp: trang gốc không ghi ngày đăng; sửa “date” rồi xóa dòng này")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article_slug(title: str, limit: int = SLUG_MAX) -> str:
    """vietnamese.slugify(title), cut at a word boundary to at most ``limit`` characters."""
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    cut = slug[:limit + 1]
    cut = cut[:cut.rfind("-")] if "-" in cut else slug[:limit]
    return cut.strip("-") or slug[:limit]


# -- Markdown ------------------------------------------------------------------------

_INLINE = [
    (re.compile(r"\\"), r"\\\\"),
    (re.compile(r"`"), r"\\`"),
    (re.compile(r"\*"), r"\\*"),
    (re.compile(r"(?<!\w)_|_(?!\w)"), r"\\_"),
    (re.compile(r"<(?=[A-Za-z/!?])"), "&lt;"),
    (re.compile(r"\[(?=[^\]]*\]\()"), r"\\["),
]
_LINE_START = [
    (re.compile(r"^([#>])"), r"\\\1"),
    (re.compile(r"^(\d+)([.)])(?=\s|$)"), r"\1\\\2"),
    (re.compile(r"^([-+*])(?=\s|$)"), r"\\\1"),
    (re.compile(r"^(=+|-+)$"), r"\\\1"),
]


def escape_inline(text: str) -> str:
    for rx, repl in _INLINE:
        text = rx.sub(repl, text)
    return text


def escape_paragraph(text: str) -> str:
    """Markdown for a plain paragraph: inline marks escaped, and line starts that would
    read as a heading, quote, list or rule ("1. ", "# ", "- ") escaped."""
    text = escape_inline(text)
    for rx, repl in _LINE_START:
        text = rx.sub(repl, text)
    return text


def figure(src: str, caption: str) -> str:
    alt = caption.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    if not caption:
        return f"![]({src})"
    title = caption.replace('"', "&quot;")
    return f'![{alt}]({src} "{title}")'


def body_markdown(nodes: list[Node], images_prefix: str) -> str:
    parts: list[str] = []
    items: list[str] = []
    for node in nodes:
        if node.kind != "li" and items:
            parts.append("\n".join(items))
            items = []
        if node.kind == "li":
            items.append("    " * node.level + "- " + escape_inline(node.text))
        elif node.kind == "h":
            parts.append("## " + escape_inline(node.text))
        elif node.kind == "figure":
            parts.append(figure(images_prefix + node.src, node.text))
        elif node.kind == "caption":
            parts.append("*" + escape_inline(node.text) + "*")
        else:
            parts.append(escape_paragraph(node.text))
    if items:
        parts.append("\n".join(items))
    return "\n\n".join(parts) + "\n" if parts else ""


def article_text(meta: ArticleMeta, body: str) -> str:
    return front_matter(meta) + ("\n" + body if body else "")
