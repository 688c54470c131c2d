"""What stops a Markdown text from being published, said at its line: raw HTML left open that
would hide the rest (Unclosed), nesting too deep (NestingTooDeep), an address with a user name or
password (Credentials); code, where anything may be written, left out of the search for the line.
"""
from __future__ import annotations

import re


# Raw HTML that, left open, hides all that follows: a comment and script/style/template (the
# sanitiser drops them with their content), an iframe (a browser never shows its content: a pasted
# `<iframe … />` hid the rest of the article). The engine passes raw HTML through as written.
# (<textarea>, <xmp>, <plaintext> … left open show the rest as raw text: ugly, but not lost.)
_SWALLOWERS = ("script", "style", "template", "iframe")
OPENER = re.compile(r"<!--|<(%s)(?=[\s/>])[^>]*>?" % "|".join(_SWALLOWERS), re.IGNORECASE)


class Unclosed(ValueError):
    """Raw HTML left open hides the rest of the text; opener: "<!--" or "<style>"; line: 1-based."""

    def __init__(self, opener: str, line: int):
        super().__init__(opener, line)
        self.opener, self.line = opener, line

    @property
    def closer(self) -> str:
        return "-->" if self.opener == "<!--" else f"</{self.opener[1:-1]}>"


def first_unclosed(raw: str) -> tuple[str, int] | None:
    """(opener, its offset) of the first comment or swallowing element of raw that is never closed."""
    at = 0
    while True:
        match = OPENER.search(raw, at)
        if match is None:
            return None
        name = match.group(1)
        if name is None and raw.startswith((">", "->"), match.end()):  # "<!-->", "<!--->": closed at once
            at = match.end()
            continue
        # (not raw.lower().find: lower() makes "İ" two characters, and the offsets would drift)
        closer = re.compile("-->" if name is None else f"</{name}", re.IGNORECASE).search(raw, match.end())
        if closer is None:
            return ("<!--" if name is None else f"<{name.lower()}>"), match.start()
        at = closer.end()


class NestingTooDeep(ValueError):
    """A Markdown text nests deeper than MAX_NESTING; line: its 1-based line where."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


class Credentials(ValueError):
    """A link or image address of the text holds a user name or password, which the page would
    publish; shown: the address with them left out; line: 1-based."""

    def __init__(self, tag: str, shown: str, line: int):
        super().__init__(tag, shown, line)
        self.tag, self.shown, self.line = tag, shown, line


def credentials_line(text: str, url: str) -> int:
    """The line of text where url was written (the engine may have percent-encoded or unescaped it:
    the part before its "@" is tried too); 1 if it cannot be told."""
    searched = blank_code(text)
    for needle in (url, url.rpartition("@")[0] + "@", url.partition("@")[0] + "@"):
        at = searched.find(needle)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 1


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n(?:.*?\n)?(?: {0,3}\1[`~]*[ \t]*(?:\n|$)|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)


def blank_code(text: str) -> str:
    """text with fenced code blocks and code spans blanked (same length, newlines kept): what
    is written there is shown as code, not read as HTML."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group())  # noqa: E731
    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def source_line(text: str, raw: str, opener: str, offset: int) -> int:
    """The line of text where the raw HTML at offset of the engine's output was written, found by
    its rank among the same openers (the engine writes those of code as &lt;, and so are they
    left out of text)."""
    pattern = re.compile("<!--" if opener == "<!--" else re.escape(opener[:-1]) + r"(?=[\s/>])", re.IGNORECASE)
    rank = len(pattern.findall(raw, 0, offset))
    found = [m.start() for m in pattern.finditer(blank_code(text))]
    return text.count("\n", 0, found[rank]) + 1 if rank < len(found) else 1
