"""What pages saved by Microsoft Word ("Save as Web Page", .htm/.mht) or exported by Google Docs need beyond
HTML: the Title and Subtitle styles, marked by class rather than by <h1>, and list markers drawn from a
symbol font ("Ø" in Wingdings is a ➢ arrow, "§" a ■ square, "·" in Symbol a bullet), no letters of the text."""
from __future__ import annotations

import re

_WORD_STYLE = re.compile(r"(?:^|\s)(MsoTitle|MsoSubtitle)(?:CxSp\w*)?(?=$|\s)", re.IGNORECASE)
_WORD_STYLES = {"msotitle": "h1", "msosubtitle": "subtitle"}
_SYMBOL_FONT = re.compile(r"font-family\s*:\s*[\"']?(Wingdings|Webdings|Symbol)\b", re.IGNORECASE)
_SYMBOL_FACE = re.compile(r"^\s*(Wingdings|Webdings|Symbol)\b", re.IGNORECASE)
BULLET = "•"
_SYMBOL_BULLETS = "·•"  # Symbol's letters are Greek ("p" is π): only its dot is a list's bullet


def word_style_hint(tag: str, attrs: dict) -> str | None:
    """The hint a word processor's paragraph style gives: "h1" for its Title, "subtitle" for its Subtitle. Word
    names them by class ("MsoTitle"); Google Docs' export by class "title"/"subtitle" on a paragraph whose id
    is a heading's ("h.k2x8d1f0q3a1"), a pair no news site's own "title" boxes have."""
    if tag != "p":
        return None
    style = _WORD_STYLE.search(attrs.get("class", ""))
    if style:
        return _WORD_STYLES[style.group(1).lower()]
    if attrs.get("id", "").startswith("h."):
        classes = attrs.get("class", "").lower().split()
        return "h1" if "title" in classes else "subtitle" if "subtitle" in classes else None
    return None


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
