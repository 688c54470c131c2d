"""What pages saved by Microsoft Word ("Save as Web Page", .htm/.mht) need beyond HTML: the Title and Subtitle
styles, marked by class rather than by <h1>, and list markers drawn from a symbol font ("Ø" in Wingdings is
a ➢ arrow, "§" a ■ square, "·" in Symbol a bullet), which are no letters of the text."""
from __future__ import annotations

import re

_WORD_STYLE = re.compile(r"(?:^|\s)(MsoTitle|MsoSubtitle)(?:CxSp\w*)?(?=$|\s)", re.IGNORECASE)
_WORD_STYLES = {"msotitle": "h1", "msosubtitle": "subtitle"}
_SYMBOL_FONT = re.compile(r"font-family\s*:\s*[\"']?(Wingdings|Webdings|Symbol)\b", re.IGNORECASE)
_SYMBOL_FACE = re.compile(r"^\s*(Wingdings|Webdings|Symbol)\b", re.IGNORECASE)
BULLET = "•"
_SYMBOL_BULLETS = "·•"  # Symbol's letters are Greek ("p" is π): only its dot is a list's bullet


def word_style_hint(tag: str, attrs: dict) -> str | None:
    """The hint a Word paragraph's class gives: "h1" for its Title style, "subtitle" for its Subtitle."""
    style = _WORD_STYLE.search(attrs.get("class", "")) if tag == "p" else None
    return _WORD_STYLES[style.group(1).lower()] if style else None


def symbol_font(attrs: dict) -> str | None:
    """The symbol font the element is set in ("wingdings", "webdings", "symbol"), or None."""
    m = _SYMBOL_FONT.search(attrs.get("style", "")) or _SYMBOL_FACE.match(attrs.get("face", ""))
    return m.group(1).lower() if m else None


def symbol_glyph(data: str, font: str) -> str:
    """One character of Wingdings or Webdings (a list's marker: its characters are pictures, not letters),
    or Symbol's dot, is a bullet; anything else is left as it is."""
    mark = data.strip()
    if len(mark) == 1 and (font != "symbol" or mark in _SYMBOL_BULLETS):
        return data.replace(mark, BULLET)
    return data
