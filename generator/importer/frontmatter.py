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
from .clean import EM_CLOSE, EM_OPEN
from .body import Node

CHECK = "kiểm tra lại"

SLUG_MAX = 80
LIST_BREAK = "<!-- -->"  # between two lists in a row, which Markdown would otherwise join
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
    image_alt: str | None = None  # the page's own description of the picture; the caption when none
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
        if meta.image_caption or meta.image_alt:
            lines.append(f"  alt: {yaml_string(meta.image_alt or meta.image_caption)}")
        if meta.image_caption:
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
    return _line_start(escape_inline(text))


def _line_start(text: str) -> str:
    for rx, repl in _LINE_START:
        text = rx.sub(repl, text)
    return text


def figure(src: str, caption: str, alt: str = "") -> str:
    """An image alone in its paragraph: the renderer makes it a <figure>, the title its caption."""
    alt = (alt or caption).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    if not caption:
        return f"![{alt}]({src})"
    title = caption.replace('"', "&quot;")
    return f'![{alt}]({src} "{title}")'


_PUNCTUATION = re.compile(r"[^\w\s]")


def emphasis(marked: str) -> str:
    """Inline Markdown for a text with emphasis marks: each emphasised run between single
    asterisks when CommonMark reads them as emphasis there (``*“Ba không”*`` right after a
    letter would print its asterisks), else the run as plain text; the words are never lost.
    The whole text is escaped first, so no mark can pair with a bracket across a run."""
    parts = re.split(f"({EM_OPEN}|{EM_CLOSE})", escape_inline(marked))
    plain = [p if p not in (EM_OPEN, EM_CLOSE) else "" for p in parts]
    out: list[str] = []
    for k, part in enumerate(parts):
        if part == EM_OPEN and k + 2 < len(parts) and parts[k + 2] == EM_CLOSE and parts[k + 1]:
            run, before, after = parts[k + 1], "".join(plain[:k])[-1:], "".join(plain[k + 2:])[:1]
            out.append("*" if _flanked(run, before, after) else "")
        elif part == EM_CLOSE and k >= 2 and out[-2:-1] == ["*"]:
            out.append("*")
        elif part not in (EM_OPEN, EM_CLOSE):
            out.append(part)
    return "".join(out)


def _flanked(run: str, before: str, after: str) -> bool:
    """CommonMark's rule for "*" opening before ``run`` and closing after it."""
    if run[0].isspace() or run[-1].isspace():
        return False
    opens = not _PUNCTUATION.match(run[0]) or not before or before.isspace() or bool(_PUNCTUATION.match(before))
    closes = not _PUNCTUATION.match(run[-1]) or not after or after.isspace() or bool(_PUNCTUATION.match(after))
    return opens and closes


def table(rows: tuple[tuple[str, ...], ...]) -> str:
    """A GFM table (both engines the site offers read it); the first row is the header."""
    def cell(text: str) -> str:
        return "<br>".join(escape_inline(line).replace("|", "\\|") for line in text.split("\n"))

    lines = ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    lines.insert(1, "|" + "|".join(" --- " for _ in rows[0]) + "|")
    return "\n".join(lines)


def _node_markdown(node: Node, images_prefix: str) -> str:
    if _ordered(node):  # "3. …": Markdown starts an ordered list at its first number
        return "    " * node.level + f"{node.src} " + (emphasis(node.marked) if node.marked else escape_inline(node.text))
    if node.kind == "li":
        return "    " * node.level + "- " + (emphasis(node.marked) if node.marked else escape_inline(node.text))
    if node.kind == "h":
        return "#" * max(2, node.level) + " " + escape_inline(node.text)
    if node.kind == "figure":
        return figure(images_prefix + node.src, node.text, node.alt)
    if node.kind == "caption":
        return "*" + escape_inline(node.text) + "*"
    if node.kind == "table":
        return table(node.rows)
    if node.strong:
        return "**" + (emphasis(node.marked) if node.marked else escape_inline(node.text)) + "**"
    if node.label:  # "**PV:** Xin ông cho biết …": the speaker stays bold, on the turn's line
        said, label = emphasis(node.marked) if node.marked else escape_inline(node.text), escape_inline(node.label)
        if said.startswith(label):  # "**PV:** Xin …", "**PV**: Xin …"
            return f"**{label}**" + said[len(label):]
    if node.marked:
        return _line_start(emphasis(node.marked))
    return escape_paragraph(node.text)


def _list_kind(node: Node) -> str:
    """"ol" or "ul" for a node written as a list item at the margin (a numbered note too), else ""."""
    if node.kind not in ("li", "note") or node.level or node.kind == "note" and not node.src:
        return ""
    return "ol" if _ordered(node) else "ul"


def _ordered(node: Node) -> bool:
    return node.kind in ("li", "note") and node.src[:1].isdigit()


def _same_list(previous: Node, node: Node) -> bool:
    """The node goes on the list above it: bullets under bullets, or the next number, or an item nested
    in the item above (four spaces in: past the marker of "- " and of "10. ")."""
    if previous.quote != node.quote:
        return False
    if node.kind == previous.kind == "li" and (node.level > previous.level or previous.level > node.level == 0):
        return True  # into or out of a nested list (where its parent list goes on, _parent_list decides)
    if _ordered(previous) and _ordered(node):
        return int(node.src[:-1]) == int(previous.src[:-1]) + 1 and _same_group(previous, node)  # "3." after "3.": new
    return node.kind == previous.kind == "li" and not _ordered(previous) and not _ordered(node) \
        and _same_group(previous, node)


def _same_group(previous: Node, node: Node) -> bool:
    """Not two lists of a saved page (two <ul>s in a row); a paste's items carry no list."""
    return not (previous.group and node.group and previous.group != node.group)


def _parent_item(nodes: list[Node], k: int) -> Node:
    """The item at node k's level above the nested items before it ("3." after "2."'s sub-items)."""
    j = k - 1
    while j > 0 and nodes[j].kind == "li" and nodes[j].level > nodes[k].level:
        j -= 1
    return nodes[j]


def body_markdown(nodes: list[Node], images_prefix: str, inline=None) -> str:
    """Blocks separated by blank lines; list items of one list, and the paragraphs of one
    quote (each line behind "> "), kept together. ``inline(k, markdown)``, when given, may add
    to node k's Markdown (links.py: its links)."""
    parts: list[str] = []
    for k, node in enumerate(nodes):
        text = _node_markdown(node, images_prefix)
        if inline is not None:
            text = inline(k, text)
        previous = nodes[k - 1] if k else None
        same_quote = previous is not None and node.quote and previous.quote == node.quote
        if node.quote:
            text = "\n".join("> " + line for line in text.split("\n"))
        if previous is not None and _same_list(_parent_item(nodes, k) if node.level < previous.level else previous, node):
            parts[-1] += "\n" + text
        elif previous is not None and _list_kind(previous) and _list_kind(previous) == _list_kind(node) \
                and previous.quote == node.quote:
            # Two lists of one kind in a row: both engines read them as one list, unless something stands between
            # (an HTML comment, as pandoc writes; the sanitiser takes it out of the page).
            if node.quote:
                parts[-1] += "\n>\n> " + LIST_BREAK + "\n>\n" + text
            else:
                parts += [LIST_BREAK, text]
        elif same_quote:
            parts[-1] += "\n>\n" + text
        else:
            parts.append(text)
    return "\n\n".join(parts) + "\n" if parts else ""


def article_text(meta: ArticleMeta, body: str) -> str:
    return front_matter(meta) + ("\n" + body if body else "")
