"""The structure a saved page's blocks keep, as the page parser (htmlsource.py) opens and closes its
elements: tables (a data table one block, tables.py), forms (one of fields and labels only left out),
quotes, lists, links, bold and emphasis, and the top-level <article> a block belongs to."""
from __future__ import annotations

import re

from .clean import EM_CLOSE, EM_OPEN, Block, words
from .controls import OPTION
from .inline import EDGE, emphasis, separated
from .tables import TableBuilder

EMPHASIS = {"em", "i"}
BOLD = {"strong", "b"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_FORM = "khuôn trang (form)"
_NOTE_MARK = re.compile(r"^\d{1,3}$")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_TEXT_WORDS = 20  # a block this long is running text, which no search box, poll or comment form holds


# In dropped furniture, where one link (or button, label) ends and the next begins: the report shows a menu's
# items apart ("Trang chủ · Giới thiệu · Tin tức", not "Trang chủGiới thiệuTin tức"). htmlsource.py uses it too.
ITEM = "\ue004"


class StructureMixin:
    """The page parser's methods for the elements that give its blocks structure. They use its state: the
    open tables, quotes, lists, forms and <a>, the counts of bold and emphasis, the block being read."""

    def _open(self, tag: str, a: dict) -> None:
        """Structure the blocks keep: tables, quotes, lists, emphasis."""
        table = self._tables[-1] if self._tables else None
        if tag == "article" and not self._article:
            self._articles += 1
            self._article = self._articles
        elif tag == "form":
            self._forms.append(len(self.blocks))
        elif tag == "sup":
            self._sup = [len(self._buffer), False]
        elif tag == "a" and self._sup is not None and a.get("href", "").startswith("#"):
            self._sup[1] = True  # a link to a note on the page: the <sup> is a note's mark
        elif tag == "table":
            if table:
                table.layout = True  # a table holding a table lays out the page
            self._tables.append(TableBuilder(len(self.blocks), self.getpos()[0]))
        elif table and tag == "tr":
            table.row()
        elif table and tag in ("td", "th"):
            table.cell(a.get("colspan", ""), a.get("rowspan", ""))
        elif table and tag == "caption":
            table.in_caption = True
        elif table and tag in _HEADINGS:
            table.layout = True
        elif tag in ("blockquote", "ul", "ol", "aside"):  # an aside in the article: a box, written as a quote
            kind = "list" if tag in ("ul", "ol") else "quote"
            self._count[kind] += 1
            (self._quotes if kind == "quote" else self._lists).append(self._count[kind])
        elif tag in BOLD:
            self._bold += 1
        elif tag in EMPHASIS:
            if not self._emphasis:
                self._buffer.append(EM_OPEN)
            self._emphasis += 1

    def _close(self, tag: str) -> None:
        if tag == "article" and not self._open_tags["article"]:
            self._article = 0
        elif tag == "sup" and self._sup is not None:
            self._note_mark(*self._sup)
            self._sup = None
        elif tag == "form" and self._forms:
            self._end_form(self._forms.pop())
        elif tag == "table" and self._tables:
            self._end_table(self._tables.pop())
        elif tag in ("td", "th") and self._tables:
            self._tables[-1].end_cell()
        elif tag == "caption" and self._tables:
            self._tables[-1].in_caption = False
        elif tag in ("blockquote", "aside") and self._quotes:
            self._quotes.pop()
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag == "a" and self._anchor is not None:
            href, start, flushes = self._anchor
            self._anchor = None
            if flushes == self._flushes:  # still the same block: its words are the link's
                words = emphasis(separated("".join(c for c in self._buffer[start:] if c not in (EM_OPEN, EM_CLOSE))))[0]
                if words:
                    self._links.append((words, href))
        elif tag in BOLD and self._bold:
            self._bold -= 1
        elif tag in EMPHASIS and self._emphasis:
            self._emphasis -= 1
            if not self._emphasis:
                self._buffer.append(EM_CLOSE)

    def _end_form(self, first: int) -> None:
        """The form's blocks stay when it holds the article (a heading <h1>, or two blocks of running
        text); otherwise they are a form's labels and notices, left out and reported."""
        held = self.blocks[first:]
        if not held or any(b.hint == "h1" for b in held) or \
                sum(1 for b in held if b.hint != "table" and words(b.text) >= _TEXT_WORDS) >= 2:
            return
        del self.blocks[first:]
        self.meta.left_out.extend((b.line, _FORM, b.text) for b in held)

    def _end_table(self, builder: TableBuilder) -> None:
        """A data table replaces the blocks its cells were read as; a layout table leaves them."""
        table = builder.finish()
        if table is None or self._skip:
            return
        caption = builder.caption_text()
        del self.blocks[builder.first_block:]
        if caption:
            self.blocks.append(Block(caption, builder.line))
        self.blocks.append(Block(table.text, builder.line, "table", {"table": table}))

    def _note_mark(self, start: int, linked: bool) -> None:
        """A note's mark linked to its note ("<sup><a href="#fn1">1</a></sup>") written "[1]", as the notes are:
        the bare digit went on the word ("mô hình2"). An exponent ("m<sup>2</sup>") links nowhere."""
        mark = "".join(c for c in self._buffer[start:] if c not in (EM_OPEN, EM_CLOSE, EDGE)).strip()
        if not _NOTE_MARK.match(mark):
            return
        # Linked: "[1]"; else the digits raised ("m<sup>2</sup>" is "m²": "2.000m2" read as two thousand m2).
        written = f"[{mark}]" if linked else mark.translate(_SUPERSCRIPTS)
        for k in range(start, len(self._buffer)):
            if self._buffer[k].strip() == mark:
                self._buffer[k] = self._buffer[k].replace(mark, written)
                return

    # -- buttons: a share bar written as <button>s ("<span>Chia sẻ</span><button>Facebook</button>…"), and the
    # controls inside a paragraph (controls.py) --
    def _button_open(self, kind: str = "button") -> None:
        """A <button> (<select>, <textarea>) starts, outside other dropped elements: its words are kept aside, not in
        the text: [where it stands in self._buffer, its words, its kind, where its selected option starts or None]."""
        self._buttons.append([len(self._buffer), "", kind, None])

    def _control_value(self, a: dict) -> None:
        """An <input> showing a value ("<input value='120 triệu đồng' readonly>"): its words are a control's, kept
        aside like a button's. A hidden field, a box to tick, a picture button show no words."""
        kind = a.get("type", "text").lower()
        if a.get("value", "").strip() and kind in ("text", "button", "submit", "reset", "search", ""):
            self._buffer.append(EDGE)  # an inline element's edges: "tiền<input value='120'>đồng" keeps its spaces
            self._buttons.append([len(self._buffer), a["value"], "input", None])
            self._buffer.append(EDGE)

    def _option_open(self, a: dict) -> None:
        """An <option> of the open <select>: where it starts among the select's words, and whether it is shown."""
        if self._buttons and self._buttons[-1][2] == "select":
            self._buttons[-1][1] += OPTION
            if "selected" in a:
                self._buttons[-1][3] = len(self._buttons[-1][1])

    def _button_words(self, data: str) -> None:
        if self._buttons and not self._open_tags["script"] and not self._open_tags["style"]:
            self._buttons[-1][1] += data

    def _controls(self) -> list[list]:
        """The block's controls, taken: [where, words, kind, the selected option's words or None] each."""
        controls, self._buttons = self._buttons, []
        return [[at, words, kind, None if sel is None else words[sel:].split(OPTION)[0]]
                for at, words, kind, sel in controls]

    def _bar_with_buttons(self, controls: list[list]) -> str | None:
        """The block's words with its buttons' words put back, each button an item, or None when its buttons had no
        words. htmlsource.py uses it only when it makes the block a share bar ("Chia sẻ · Facebook · Zalo"): a button's
        words are no text of the article."""
        if not any(label.strip() for _at, label, _kind, _sel in controls):
            return None
        pieces, start = [], 0
        for at, label, _kind, _sel in controls:
            pieces += self._buffer[start:at] + [ITEM, label.replace(OPTION, ITEM), ITEM]
            start = at
        return "".join(pieces + self._buffer[start:])
