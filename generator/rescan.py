"""Text that Python-Markdown reads in time growing with its square, found in linear time.

Python-Markdown (markdown_engine = "python-markdown") reads, from every "[", the text up to
its matching "]" (or the end of the paragraph), once for each link and image pattern, and from
the "(" of every "](" up to its ")"; and its
HTML parser reads, from every "<" that opens a tag, the text up to the next ">" (or the end of
the article). A 40 KB article of "[a](" took 17 s, "<a x" paragraphs 2 s per 18 KB and growing
with the square. Those lengths are summed here; past a budget far above any real article
(a stray "[" in each of a hundred long paragraphs is ~1 % of it) the text is refused, at the
line where the budget was passed. cmark-gfm, the default engine, is linear and needs no bound.
"""
from __future__ import annotations

import re

# Characters scanned, summed over an article. Python-Markdown scans ~2 million characters a
# second after "[" (three patterns) and ~13 million after "<" (one regular expression).
BRACKET_BUDGET = 2_000_000
TAG_BUDGET = 20_000_000
# A scan this short is what any link or tag costs: only the part past it is counted, so that an
# article of many links (however long) costs nothing, and only text read over and over adds up.
FREE = 100

_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_BRACKET = re.compile(r"\\.|[\[\]()]", re.DOTALL)  # an escaped character is never a bracket


class Rescanned(ValueError):
    """Text read again and again past the budget; char: "[", "(" or "<"; line: 1-based, where it passed."""

    def __init__(self, char: str, line: int):
        super().__init__(char, line)
        self.char, self.line = char, line

    @property
    def closer(self) -> str:
        return {"[": "]", "(": ")", "<": ">"}[self.char]


def _outside_fences(text: str) -> str:
    """text with fenced code blocks blanked out (same length): Python-Markdown reads no link or tag
    there."""
    fences = list(_FENCE.finditer(text))
    if len(fences) < 2:
        return text
    parts, at = [], 0
    for opening, closing in zip(fences[::2], fences[1::2]):
        parts += [text[at:opening.start()], re.sub(r"[^\n]", " ", text[opening.start():closing.end()])]
        at = closing.end()
    return "".join(parts) + text[at:]


def check(text: str) -> None:
    """Raise Rescanned when Python-Markdown would read too much of text over again."""
    if "[" not in text and "<" not in text:
        return
    plain = _outside_fences(text)
    if "[" in plain:
        _brackets(plain)
    if "<" in plain:
        _tags(plain)


def _brackets(text: str) -> None:
    """Python-Markdown reads from each "[" to its "]", and from the "(" of each "](" to its ")"."""
    total = 0
    ends = [m.start() for m in _PARAGRAPH_END.finditer(text)] + [len(text)]
    start = 0
    for end in ends:
        if text.find("[", start, end) < 0:
            start = end
            continue
        brackets: list[int] = []
        parens: list[int] = []  # every "(", negative when it is no link's (no "]" before it)
        for match in _BRACKET.finditer(text, start, end):
            char, at = match.group(), match.start()
            if char == "[":
                brackets.append(at)
            elif char == "(":
                parens.append(at if at > 0 and text[at - 1] == "]" else -1)
            elif char == "]" and brackets:
                total = _add(total, at, brackets.pop(), "[", text)
            elif char == ")" and parens:
                opened = parens.pop()
                if opened >= 0:
                    total = _add(total, at, opened, "(", text)
        for opened, char in [(at, "[") for at in brackets] + [(at, "(") for at in parens if at >= 0]:
            total = _add(total, end, opened, char, text)  # never closed: read to the end of the paragraph
        start = end


def _add(total: int, end: int, opened: int, char: str, text: str) -> int:
    total += max(0, end - opened - FREE)
    if total > BRACKET_BUDGET:
        raise Rescanned(char, text.count("\n", 0, opened) + 1)
    return total


def _tags(text: str) -> None:
    total, close = 0, -1
    for match in _TAG_START.finditer(text):
        if close < match.end():  # the next ">" only moves forward: found once for all the "<" before it
            close = text.find(">", match.end())
            close = len(text) if close < 0 else close
        total += max(0, close - match.start() - FREE)
        if total > TAG_BUDGET:
            raise Rescanned("<", text.count("\n", 0, match.start()) + 1)
