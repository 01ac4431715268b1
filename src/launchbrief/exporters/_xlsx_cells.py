"""Cells as SpreadsheetML text, for the rows of the big sheets.

openpyxl spends most of an export on its per-cell path (a cell object per styled
value, a style lookup per cell). For Results and the Benchmarks matrix, which grow
with the record, the exporter lets openpyxl write everything around the rows (columns,
views, the table, rules, notes) and streams the rows itself, as the text this module
builds, into the sheet's part of the archive (see ``PinnedZipFile``'s splices).

A *fragment* is a cell without its opening ``<c r="B12"``: the part that does not
depend on where the cell is, so that a value repeated on many rows is rendered once.
Text is stored as an inline string, escaped as Excel escapes it (``_xHHHH_``) and as
XML needs; a text that starts like a formula gets the quote-prefixed style.
"""

from __future__ import annotations

import math

from launchbrief.exporters._xlsx_layout import FORMULA_START, escape_text, needs_care

__all__ = [
    "EMPTY",
    "bool_fragment",
    "column_letters",
    "empty_fragment",
    "number_fragment",
    "text_fragment",
]

#: The fragment of a cell that is not written at all.
EMPTY = ""

# A carriage return must be a character reference: XML parsers turn a raw one into a
# line feed.
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def column_letters(count: int) -> list[str]:
    """``["A", "B", …]``: the letters of the first ``count`` columns."""
    letters = []
    for number in range(1, count + 1):
        letter = ""
        while number:
            number, remainder = divmod(number - 1, 26)
            letter = chr(65 + remainder) + letter
        letters.append(letter)
    return letters


def _style(style: int) -> str:
    return f' s="{style}"' if style else ""


def text_fragment(text: str | None, style: int = 0, quoted_style: int = 0) -> str:
    """A text cell; ``quoted_style`` (the column's style, quote-prefixed) if it starts like a formula."""
    if text is None:
        return EMPTY
    stored = escape_text(text) if needs_care(text) else text
    if text[:1] in FORMULA_START:
        style = quoted_style
    space = ' xml:space="preserve"' if stored != stored.strip() else ""
    return f'{_style(style)} t="inlineStr"><is><t{space}>{stored.translate(_XML)}</t></is></c>'


def number_fragment(value: float | int | None, style: int) -> str:
    """A number cell, written exactly (the shortest text that reads back as the same float)."""
    if value is None or not math.isfinite(value):
        return EMPTY  # a workbook has no infinity or NaN
    return f"{_style(style)}><v>{value!r}</v></c>"


def bool_fragment(value: bool | None, style: int) -> str:
    """A TRUE/FALSE cell."""
    if value is None:
        return EMPTY
    return f'{_style(style)} t="b"><v>{1 if value else 0}</v></c>'


def empty_fragment(style: int) -> str:
    """A cell with a style (a fill) and no value."""
    return f"{_style(style)}/>" if style else EMPTY
