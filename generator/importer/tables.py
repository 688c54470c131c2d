"""Tables: read from a saved page's <table> cells or from the tab-separated lines of a paste.

A table is kept as one block from reading to writing, so that no rule meant for lines of
page furniture sees its cells one by one: a cell holding only "2.950" is a number of
households, not a view counter, and a header cell is not a subheading. A table that only
lays out a picture and its caption (``<table class="picture">``), holds another table or a
heading, or has a single row or column is not data: its content is read as ordinary blocks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..vietnamese import normalize

MAX_SPAN = 20  # a colspan/rowspan beyond this is a broken or hostile page, not a real table
LAYOUT_CELL_CHARS = 800  # a cell holding a whole article is page layout, not data
PARAGRAPH_WORDS = 25  # a line of running text; a data cell's line is a name, a number, a short phrase
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class Table:
    """Rows of cell texts, all of one width; the first row is written as the header.
    A cell may hold several lines (paragraphs or <br> inside it), joined by "\\n"."""

    rows: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        """Every cell's text, for the rules that weigh words (provinces, directives)."""
        return " ".join(cell.replace("\n", " ") for row in self.rows for cell in row if cell)


class TableBuilder:
    """Cells of one HTML <table> as the parser meets them; rowspan and colspan filled with
    empty cells so that every column keeps its place."""

    def __init__(self, first_block: int, line: int):
        self.first_block = first_block  # index in the parser's blocks where the table started
        self.line = line
        self.layout = False  # an image, a heading or a nested table inside
        self.caption: list[str] = []
        self.in_caption = False
        self._rows: list[list[list[str] | None]] = []
        self._row: list[list[str] | None] | None = None
        self._cell: list[str] | None = None
        self._down: dict[int, int] = {}  # column -> rows still covered by a rowspan above

    def row(self) -> None:
        self._end_row()
        self._row = []

    def cell(self, colspan: str, rowspan: str) -> None:
        if self._row is None:
            self.row()
        self._fill_spans()
        across, down = _span(colspan), _span(rowspan)
        column = len(self._row)
        self._cell = []
        self._row.append(self._cell)
        self._row.extend([None] * (across - 1))
        if down > 1:
            for c in range(column, column + across):
                self._down[c] = down - 1

    def end_cell(self) -> None:
        self._cell = None

    def text(self, data: str) -> None:
        if self.in_caption:
            self.caption.append(data)
        elif self._cell is not None:
            self._cell.append(data)

    def line_break(self) -> None:
        self.text("\n")

    def _fill_spans(self) -> None:
        while self._down.get(len(self._row), 0) > 0:
            self._down[len(self._row)] -= 1
            self._row.append(None)

    def _end_row(self) -> None:
        if self._row is not None:
            self._fill_spans()
            self._rows.append(self._row)
        self._row, self._cell = None, None

    def finish(self) -> Table | None:
        """The table, or None when it is layout and its blocks stand as they were read."""
        self._end_row()
        rows = [[_cell_text(c) for c in row] for row in self._rows]
        rows = [row for row in rows if any(row)]
        width = max((len(row) for row in rows), default=0)
        if self.layout or len(rows) < 2 or width < 2:
            return None
        if any(len(cell) > LAYOUT_CELL_CHARS or _running_text(cell) for row in rows for cell in row):
            return None
        return Table(tuple(tuple(row + [""] * (width - len(row))) for row in rows))

    def caption_text(self) -> str:
        return normalize(_SPACES.sub(" ", "".join(self.caption).replace("\n", " ")).strip())


def _running_text(cell: str) -> bool:
    """A cell holding paragraphs of running text (an old site's article beside its menu), not a datum:
    two lines of PARAGRAPH_WORDS words or more."""
    return sum(1 for line in cell.split("\n") if len(line.split()) >= PARAGRAPH_WORDS) >= 2


def _span(value: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value.strip() or 1)))
    except ValueError:
        return 1


def _cell_text(parts: list[str] | None) -> str:
    if not parts:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return normalize("\n".join(line for line in lines if line))


def text_table(lines: list[str]) -> Table | None:
    """Lines copied from a table in a browser: cells separated by tabs, a row a line.
    Two rows of at least two cells make a table."""
    # (a leading or trailing tab is an empty cell: "\tCấp tỉnh\tCấp huyện" under a header cell spanning two rows)
    rows = [[_SPACES.sub(" ", cell).strip() for cell in line.strip(" \r\n\f\v").split("\t")] for line in lines]
    if len(rows) < 2 or any(len(row) < 2 for row in rows):
        return None
    width = max(len(row) for row in rows)
    return Table(tuple(tuple(row + [""] * (width - len(row))) for row in rows))


# Word pastes a list item as its marker, a tab, then the text: "•<TAB>Thay đổi …", "1.<TAB>…".
_LIST_TAB = re.compile(r"^\s*(?:[-–+•*▪●◦·o§]|\d{1,3}[.)]|[a-zđ]\))\t+[^\t]+$")


def tab_cells(line: str) -> int:
    """How many cells a pasted line holds (1 when it has no tab between words, or when its only
    tab follows a list marker)."""
    stripped = line.strip(" \r\n\f\v")
    if "\t" not in stripped.strip() or _LIST_TAB.match(stripped):
        return 1
    return len(stripped.split("\t"))
