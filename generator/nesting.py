"""How deeply an HTML fragment nests, measured in one linear pass and given up past a limit.

nh3's HTML5 parser (html5ever) checks scopes by walking its stack of open elements, so
sanitising costs time proportional to elements x depth: 200 KB of ">" (200,000 nested
blockquotes) took minutes. Articles nest a few levels; past the limit the renderer
refuses the text before nh3 sees it.

The scan follows the parts of the HTML5 tree-building rules that change depth: void and
raw-text elements, end tags that close what they match only within scope (and are
otherwise ignored), the implied ends of p, li, dd, dt, td, th, tr and headings, and the
active formatting elements (b, i, a …) that a parser reopens after a block closed them
(three identical ones at most).
Where it must guess it guesses deeper, never shallower, so that nh3 is never handed
something deeper than the limit. Its stack never holds more than limit + 1 entries: each
tag costs at most that many steps.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(
    r"<(?:(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"  # start or end tag
    r"|!--.*?--!?>|[!?/][^>]*>)",  # comment, doctype, processing instruction, bogus comment
    re.DOTALL)

VOID = frozenset("area base basefont bgsound br col embed frame hr img input keygen link meta param source "
                 "track wbr".split())
RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes".split())
IGNORED = frozenset("html head body frameset".split())
FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
MARKERS = frozenset("applet caption marquee object template td th".split())  # where reopening stops
SCOPE = frozenset("applet caption html table td th marquee object template svg math".split())
BUTTON_SCOPE = SCOPE | {"button"}
LIST_SCOPE = SCOPE | {"ol", "ul"}
TABLE_SCOPE = frozenset({"html", "table", "template"})
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
TABLE_PARTS = frozenset("caption col colgroup tbody td tfoot th thead tr".split())  # ignored outside a table
TABLE_CONTEXT = frozenset("table tbody thead tfoot tr td th caption colgroup".split())
# Start tags that close an open <p> first.
CLOSES_P = frozenset("address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
                     "footer form header hgroup hr main menu nav ol p pre section summary table ul li dd dt "
                     "listing xmp plaintext search".split()) | HEADINGS
# Start tags after which a parser does not reopen formatting elements (block-level ones).
NO_REOPEN = CLOSES_P | RAW_TEXT | TABLE_SCOPE | frozenset("caption colgroup col tbody thead tfoot tr td th "
                                                          "select option optgroup svg math".split())
# End tags that close everything down to their element when it is in scope.
SCOPED_END = frozenset("address article aside blockquote button center details dialog dir div dl fieldset "
                       "figcaption figure footer header hgroup listing main menu nav ol pre section summary ul "
                       "search form applet marquee object caption td th tr tbody thead tfoot table "
                       "dd dt".split())
SPECIAL = (CLOSES_P | SCOPE | VOID | RAW_TEXT | IGNORED | frozenset(
    "button colgroup tbody thead tfoot tr select noscript".split())) - {"search"}


class _Open:
    """An element on the stack (or only in the list of formatting elements to reopen)."""
    __slots__ = ("name", "open", "attrs")

    def __init__(self, name: str, attrs: str = ""):
        self.name, self.open, self.attrs = name, False, attrs


_MARK = _Open("")  # a marker in the list of active formatting elements


class TooDeep(Exception):
    """The HTML nests deeper than allowed; `offset` is where the limit was passed, `stack` the
    open elements at that point (outermost first), each with the attributes written."""

    def __init__(self, offset: int, stack: list[tuple[str, str]]):
        super().__init__(offset)
        self.offset = offset
        self.stack = stack


def check_depth(html: str, limit: int) -> None:
    """Raises TooDeep if html nests more than limit elements deep; linear in len(html)."""
    opened = html.count("<")
    if opened <= limit or opened - html.count("</") <= limit:  # fewer start tags than the limit
        return
    if _balanced_depth(html) <= balanced_limit(limit):
        return
    _Scan(html, limit).run()


def balanced_limit(limit: int) -> int:
    """The depth of HTML whose every end tag closes the last open element (_balanced_depth) that
    keeps a parser's stack within limit: three times deeper at most, and a table's own parts."""
    return (limit - 4) // 3


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


def _balanced_depth(html: str) -> int:
    """The depth of html if every end tag closes the last open element (what Markdown engines
    write), else a number past any limit.

    In such HTML a parser's stack is no deeper than three times this: the rules that close
    elements early only make it shallower; what makes it deeper is a tbody and a tr it adds to
    a table, and formatting elements it reopens after closing them early, each standing for an
    element still open here. About a tenth of the full scan's time."""
    stack: list[str] = []
    deepest = 0
    for end, name in _TAG.findall(html.lower()):
        if end:
            if not stack or stack.pop() != name:
                return 1 << 30
        elif name not in VOID:
            stack.append(name)
            if len(stack) > deepest:
                deepest = len(stack)
    return deepest if not stack else 1 << 30


def max_depth(html: str) -> int:
    """The deepest nesting of html as the full scan measures it, without a limit (for tests)."""
    scan = _Scan(html, 1 << 30)
    scan.run()
    return scan.deepest


class _Scan:
    def __init__(self, html: str, limit: int):
        self.html, self.limit = html, limit
        self.stack: list[_Open] = []
        self.active: list[_Open] = []  # formatting elements a parser reopens, with markers
        self.offset = 0
        self.deepest = 0

    # -- the stack --------------------------------------------------------------------------
    def push(self, element: _Open) -> None:
        element.open = True
        self.stack.append(element)
        if len(self.stack) > self.deepest:
            self.deepest = len(self.stack)
            if self.deepest > self.limit:
                raise TooDeep(self.offset, [(e.name, e.attrs) for e in self.stack])

    def pop_to(self, index: int) -> None:
        """Closes the element at index and everything opened inside it."""
        for element in self.stack[index:]:
            element.open = False
            if element.name in MARKERS:
                self.clear_to_marker()
        del self.stack[index:]

    def find(self, names, boundary) -> int:
        """Index of the innermost open element named in names, if no boundary element comes first."""
        for index in range(len(self.stack) - 1, -1, -1):
            name = self.stack[index].name
            if name in names:
                return index
            if name in boundary:
                return -1
        return -1

    # -- formatting elements ----------------------------------------------------------------
    def clear_to_marker(self) -> None:
        while self.active:
            if self.active.pop() is _MARK:
                return

    def reopen(self) -> None:
        """Formatting elements closed by a block (</p>, </li> …) are opened again before text."""
        start = len(self.active)
        while start and self.active[start - 1] is not _MARK and not self.active[start - 1].open:
            start -= 1
        for index in range(start, len(self.active)):
            clone = _Open(self.active[index].name, self.active[index].attrs)
            self.active[index] = clone
            self.push(clone)

    def end_formatting(self, name: str) -> bool:
        """An end tag of a formatting element: the adoption agency algorithm, as far as it
        changes the stack. False when no such element is active (an ordinary end tag then)."""
        for turn in range(8):
            entry = next((e for e in reversed(self.active[self.active_start():]) if e.name == name), None)
            if entry is None:
                return turn > 0
            if not entry.open:
                self.active.remove(entry)
                return True
            at = self.stack.index(entry)
            if any(e.name in SCOPE for e in self.stack[at + 1:]):
                return True  # not in scope: ignored
            block = next((i for i in range(at + 1, len(self.stack)) if self.stack[i].name in SPECIAL), None)
            if block is None:
                self.active.remove(entry)
                self.pop_to(at)
                return True
            # Between the element and the innermost-but-one block: formatting elements stay (three
            # at most), the others are closed; the element moves inside the block as a copy.
            between = self.stack[at + 1:block]
            kept = [e for e in between if e in self.active][-3:]
            for element in between:
                if element not in kept:
                    element.open = False
                    if element in self.active:
                        self.active.remove(element)
            copy = _Open(entry.name, entry.attrs)
            copy.open, entry.open = True, False
            self.active[self.active.index(entry)] = copy
            self.stack[at:] = [*kept, self.stack[block], copy, *self.stack[block + 1:]]
        return True

    def remember(self, element: _Open) -> None:
        """Adds a formatting element to the list to reopen; of identical ones (same name and
        attributes) a parser keeps the last three (the "Noah's Ark" clause)."""
        start = self.active_start()
        same = [e for e in self.active[start:] if e.name == element.name and e.attrs == element.attrs]
        if len(same) >= 3:
            self.active.remove(same[0])
        self.active.append(element)

    def active_start(self) -> int:
        """Index in the active list after its last marker."""
        for index in range(len(self.active) - 1, -1, -1):
            if self.active[index] is _MARK:
                return index + 1
        return 0

    # -- tags ---------------------------------------------------------------------------------
    def start(self, name: str, attrs: str) -> None:
        if name in IGNORED:
            return
        if name in CLOSES_P:
            at = self.find(("p",), BUTTON_SCOPE)
            if at >= 0:
                self.pop_to(at)
        if name == "li":
            self.close_item(("li",))
        elif name in ("dd", "dt"):
            self.close_item(("dd", "dt"))
        elif name in HEADINGS and self.stack and self.stack[-1].name in HEADINGS:
            self.pop_to(len(self.stack) - 1)
        elif name in TABLE_PARTS:
            self.table_part(name)
            return
        elif name in ("a", "nobr"):
            self.end_formatting(name)  # an open <a> is closed by the next <a>
        if name not in NO_REOPEN:
            self.reopen()
        if name in VOID:
            return
        if attrs.rstrip().endswith("/") and any(e.name in ("svg", "math") for e in self.stack):
            return  # self-closing inside SVG or MathML
        element = _Open(name, attrs)
        self.push(element)
        if name in FORMATTING:
            self.remember(element)
        elif name in MARKERS:
            self.active.append(_MARK)

    def table_part(self, name: str) -> None:
        """A cell, row, row group, caption or column: ignored outside a table; inside one it
        closes the open cell, row or group it cannot sit in, and implies the parts it needs
        (<table><td> is table > tbody > tr > td)."""
        while True:
            at = self.find(TABLE_CONTEXT, {"html", "template"})
            if at < 0:
                return  # no table: a parser ignores the tag
            context = self.stack[at].name
            if context in ("td", "th", "caption", "colgroup") or (context == "tr" and name not in ("td", "th")):
                self.pop_to(at)  # closed by what comes next
                continue
            if context == "tr":
                self.pop_to(at + 1)
                self.open_part(name)
                return
            if context in ("tbody", "thead", "tfoot"):
                self.pop_to(at + 1)
                if name == "tr":
                    self.open_part(name)
                    return
                if name in ("td", "th"):
                    self.push(_Open("tr"))
                    continue
                self.pop_to(at)  # another row group or a caption closes this one
                continue
            self.pop_to(at + 1)  # the table itself: back to its own level
            if name in ("tr", "td", "th"):
                self.push(_Open("tbody"))
                continue
            if name == "col":
                self.push(_Open("colgroup"))
                return
            self.open_part(name)
            return

    def open_part(self, name: str) -> None:
        if name == "col":
            return  # void
        self.push(_Open(name))
        if name in MARKERS:
            self.active.append(_MARK)

    def close_item(self, names: tuple[str, ...]) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            name = self.stack[index].name
            if name in names:
                self.pop_to(index)
                return
            if name in SPECIAL and name not in ("address", "div", "p"):
                return

    def end(self, name: str) -> None:
        if name in IGNORED:
            return
        if name == "br":
            self.start("br", "")
            return
        if name in FORMATTING and self.end_formatting(name):
            return
        if name == "p":
            at = self.find(("p",), BUTTON_SCOPE)
            if at < 0:  # a parser makes an empty <p> for a stray </p>
                self.push(_Open("p"))
                at = len(self.stack) - 1
        elif name == "li":
            at = self.find(("li",), LIST_SCOPE)
        elif name in HEADINGS:
            at = self.find(HEADINGS, SCOPE)
        elif name in ("table", "tbody", "thead", "tfoot", "tr"):
            at = self.find((name,), TABLE_SCOPE)
        elif name in SCOPED_END:
            at = self.find((name,), SCOPE - {name})
        else:  # any other end tag: closes its element unless a special element comes first
            at = self.find((name,), SPECIAL)
        if at >= 0:
            self.pop_to(at)

    def run(self) -> None:
        html, search = self.html, _TOKEN.search
        position = 0
        while True:
            match = search(html, position)
            end = match.start() if match else len(html)
            if end > position:  # text, even spaces: formatting elements a block closed open again
                self.offset = position
                self.reopen()
            if match is None:
                return
            position = match.end()
            name = match.group(2)
            if name is None:  # comment, doctype
                continue
            name = name.lower()
            self.offset = match.start()
            if match.group(1):
                self.end(name)
                continue
            if name == "plaintext":
                self.start(name, match.group(3))
                return  # the rest is text
            if name in RAW_TEXT:
                closing = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(html, position)
                if closing is None:
                    return  # the rest is text
                position = closing.start()  # a leaf: its text holds no tags
                continue
            self.start(name, match.group(3))
