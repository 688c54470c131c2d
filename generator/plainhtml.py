"""Plain bodies without a second parse: the Markdown engine's HTML made only of tags without
attributes (paragraphs, headings, lists, quotes, emphasis), properly nested, is given back as
nh3 writes it, without nh3 (markdown.Renderer.render). nh3 parses and writes every body again:
~75 us an article of the bench corpus (6 KB of HTML), a fifth of the read stage's time an article.

Anything else (an attribute, a link, a picture, a comment, an entity other than the four the
engines write, a control character, raw HTML that nests as a browser would repair) gives None
and goes through nh3. The tags and their nesting are checked against what the HTML parser nh3
uses (html5ever) keeps as it is: a block only where blocks may open (at the top, in a list item
or a quote), an item only in a list, phrasing only where there is no list to hold it, every end
tag closing the element last opened, nothing left open. tests/test_plainhtml.py compares the
answer with nh3's on random tag soup. The same is compiled (_plainhtml.c, an optional part like the search kernels): where it was
built from this version of the file, Plain calls it, ~10x faster.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote")
_PHRASING = ("strong", "em", "del", "s", "code")
_HOLD_BLOCKS = frozenset({"", "li", "blockquote"})  # "": the top of the body
_LISTS = frozenset({"ul", "ol"})
_HOLD_PHRASING = frozenset({"", "li", "blockquote", "p", "h1", "h2", "h3", "h4", "h5", "h6", *_PHRASING}) - {"code"}
_SAME_NESTED = 2  # a formatting element inside one of its own at most (the parser's "Noah's Ark" acts at 3)

_TAG = re.compile(r"(<[^<>]*>)")
_ENTITIES = ("quot;", "amp;", "lt;", "gt;")  # what the engines write (cmark: nothing else)
END, BLOCK, RULE, ITEM, PHRASE, BREAK = range(6)  # kinds of tag


def _known(allowed: frozenset[str], renamed: dict[str, str]) -> dict[str, tuple[int, str, str]]:
    """Every tag as the engines write it -> (kind, name, as nh3 writes it), for the tags nh3 keeps;
    renamed: tags written under another name (h1 -> h2: the page's title is its only h1)."""
    known = {}
    for name in _BLOCKS + ("li",) + _PHRASING + tuple(renamed):
        shown = renamed.get(name, name)
        if shown in allowed:
            kind = BLOCK if shown in _BLOCKS else ITEM if shown == "li" else PHRASE
            known[f"<{name}>"] = (kind, name, f"<{shown}>")
            known[f"</{name}>"] = (END, name, f"</{shown}>")
    for name, kind in (("br", BREAK), ("hr", RULE)):
        if name in allowed:
            for written in (f"<{name}>", f"<{name} />", f"<{name}/>"):
                known[written] = (kind, name, f"<{name}>")
    return known


def plain_html(raw: str, known: dict[str, tuple[int, str, str]], deepest: int = 32) -> str | None:
    """raw as nh3 gives it back (known: the tags it keeps, see Plain), or None when raw needs nh3
    (or nests deeper than `deepest`: the renderer's own depth check decides then)."""
    # the parser drops NUL and a leading byte order mark, and reads \r as \n
    if "\x00" in raw or "\r" in raw or raw.startswith("\ufeff"):
        return None
    if "&" in raw:
        for after in raw.split("&")[1:]:
            if not after.startswith(_ENTITIES):
                return None
    parts = _TAG.split(raw)
    stack: list[str] = []
    parent = ""  # the element last opened and not closed ("": the top of the body)
    get = known.get
    for i in range(1, len(parts), 2):
        text = parts[i - 1]
        if text and ("<" in text or ">" in text or parent in _LISTS and not text.isspace()):
            return None  # a stray < or >: the parser's business; words straight in a list
        found = get(parts[i])
        if found is None:
            return None
        kind, name, written = found
        if kind == END:
            if parent != name:
                return None
            stack.pop()
            parent = stack[-1] if stack else ""
            parts[i] = written
            continue
        if parent not in (_HOLD_BLOCKS if kind == BLOCK or kind == RULE else _LISTS if kind == ITEM else _HOLD_PHRASING):
            return None
        if kind == PHRASE and stack.count(name) >= _SAME_NESTED:
            return None
        if kind != RULE and kind != BREAK:
            stack.append(name)
            parent = name
            if len(stack) > deepest:
                return None
        parts[i] = written
    last = parts[-1]
    if stack or "<" in last or ">" in last:
        return None
    return _as_written("".join(parts))


def _as_written(text: str) -> str:
    """Quotes and no-break spaces as nh3 writes them."""
    if "&quot;" in text:
        text = text.replace("&quot;", '"')
    return text.replace("\xa0", "&nbsp;") if "\xa0" in text else text


def _compiled():
    """The compiled plain() (_plainhtml.c), or None: not built, built from another version of the
    file (a checkout updated without `pip install` again), or left out (LAMTHEOBAC_NO_KERNELS=1)."""
    if os.environ.get("LAMTHEOBAC_NO_KERNELS") == "1":
        return None
    try:
        from . import _plainhtml
    except ImportError:
        return None
    source = Path(__file__).with_name("_plainhtml.c")
    if source.exists() and hashlib.sha256(source.read_bytes()).hexdigest()[:16] != _plainhtml.source_digest:
        return None
    return _plainhtml.plain


COMPILED = _compiled()


class Plain:
    """plain_html with the tags an nh3 allow-list keeps, some renamed, up to a depth; compiled:
    with _plainhtml.c's twin when it was built."""

    def __init__(self, allowed_tags: set[str] | frozenset[str], renamed: dict[str, str] | None = None,
                 deepest: int = 32, compiled: bool = True):
        self.known = _known(frozenset(allowed_tags), renamed or {})
        self.deepest = deepest
        self._compiled = COMPILED if compiled else None
        # The compiled twin's tables: names by number, and where each may hold what.
        names = sorted({name for _, name, _ in self.known.values()})
        number = {name: i for i, name in enumerate(names)}
        self._tags = {tag: (kind, number[name], None if written == tag else written)
                      for tag, (kind, name, written) in self.known.items()}
        self._flags = bytes((name in _HOLD_BLOCKS) | (name in _LISTS) << 1 | (name in _HOLD_PHRASING) << 2
                            for name in names)

    def __call__(self, raw: str) -> str | None:
        if self._compiled is None:
            return plain_html(raw, self.known, self.deepest)
        text = self._compiled(raw, self._tags, self._flags, self.deepest)
        return None if text is None else _as_written(text)
