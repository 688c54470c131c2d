"""Columns of figures in an article's tables, marked for the theme.

A statistics table ("Đơn vị | 2016 | 2017 …", "STT | Xã | Số hộ | Tỷ lệ %") is read down its columns:
figures are right-aligned with digits of one width, so that units sit under units, and such a column
takes the width of its figures, leaving the room to the names (each column was at least 5.5rem, a
district's name wrapped a word a line). CSS cannot tell a figure from a word, so the cells of a column
whose every filled body cell is a figure get class="n" (after sanitising: nh3 keeps no class on cells).
A table with merged cells (colspan, rowspan), or a column the author aligned (`---:`, align=), is left
as written: its columns cannot be told apart safely.
"""
from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(th|td)\b([^>]*)>(.*?)</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# 1.234.567 and 12,5 (Vietnamese separators), 1,234.5, 98.5, -3, +12%, 45 %, (12) and a leading ~ or ≈
_FIGURE = re.compile(r"[~≈]?[-+−]?\(?\d{1,3}(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?\)?\s?%?|[~≈]?[-+−]?\d+(?:[.,]\d+)?\s?%?")
_EMPTY = {"", "-", "–", "—", "x", "…", "..."}  # a dash or an x: no figure for that cell


def mark_figures(text: str) -> str:
    """HTML with class="n" on the header and body cells of each column of figures."""
    if "<table" not in text:
        return text
    return _TABLE.sub(_marked, text)


def _marked(match: re.Match) -> str:
    table = match[0]
    if "colspan" in table or "rowspan" in table or table.count("<table") > 1:
        return table
    rows = [[(kind, attrs, _TAG.sub("", html.unescape(inner)).strip()) for kind, attrs, inner in _CELL.findall(row)]
            for row in _ROW.findall(table)]
    body = [row for row in rows if any(kind == "td" for kind, _, _ in row)]
    if not body:
        return table
    width = max(len(row) for row in rows)
    figures = set()
    for column in range(width):
        cells = [row[column] for row in body if column < len(row)]
        if any(" align=" in attrs or "text-align" in attrs for _, attrs, _ in cells):
            continue
        filled = [value for _, _, value in cells if value not in _EMPTY]
        if filled and all(_FIGURE.fullmatch(value) for value in filled):
            figures.add(column)
    if not figures:
        return table
    return _ROW.sub(lambda row: _marked_row(row, figures), table)


def _marked_row(row: re.Match, figures: set[int]) -> str:
    column = -1

    def cell(match: re.Match) -> str:
        nonlocal column
        column += 1
        if column not in figures or " align=" in match[2]:
            return match[0]
        return f'<{match[1]} class="n"{match[2]}>{match[3]}</{match[1]}>'

    return _CELL.sub(cell, row[0])
