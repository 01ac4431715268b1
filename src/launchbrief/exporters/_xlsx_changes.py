"""The workbook's Changes sheet: what changed since an earlier version, as an Excel Table.

One row per :class:`~launchbrief.Change` (Kind, Subject, Before, After, Path), in the
order :func:`launchbrief.diff` gives them, right after the Summary. A view: the
reader ignores it, so the workbook still loads back into the record.

Written through the exporter's workbook object (its sheets, styles and tables), so
this module imports no spreadsheet library itself.
"""

from __future__ import annotations

from typing import Any

from launchbrief._diff import Change, Changes
from launchbrief.exceptions import ExportError
from launchbrief.exporters._xlsx_layout import (
    EXCEL_MAX_CELL_CHARS,
    escape_text,
    excel_length,
    needs_care,
)

__all__ = ["CHANGES_SHEET", "HEADERS", "write_changes"]

#: The sheet's name, and its table's.
CHANGES_SHEET = "Changes"

#: The table's columns.
HEADERS = ("Kind", "Subject", "Before", "After", "Path")

# Column widths in Excel's character units; the texts wrap.
_WIDTHS = (24.0, 42.0, 40.0, 40.0, 26.0)
_WRAPPED = (False, True, True, True, False)
#: Excel's rows per sheet: the header and at most this many changes less one.
_EXCEL_MAX_ROWS = 1_048_576


def write_changes(book: Any, changes: Changes) -> None:
    """Write the Changes sheet into ``book`` (the exporter's workbook), after the Summary.

    Raises:
        ExportError: more changes than a sheet has rows.
    """
    if len(changes) + 1 > _EXCEL_MAX_ROWS:
        raise ExportError(
            f"{len(changes):,} changes do not fit a sheet ({_EXCEL_MAX_ROWS - 1:,} rows at most)"
        )
    ws = book.sheet(CHANGES_SHEET)
    _after_summary(book.wb, ws)
    for index, width in enumerate(_WIDTHS):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.append([book.header.cell(ws, header) for header in HEADERS])
    for number, change in enumerate(changes, start=2):
        values = _values(change)
        height = _height(values)
        if height is not None:
            ws.row_dimensions[number].height = height
        ws.append([book.body.cell(ws, value) if value else None for value in values])
    book.table(ws, CHANGES_SHEET, list(HEADERS), len(changes))


def _values(change: Change) -> list[str | None]:
    return [
        change.kind.label.capitalize(),
        _fitted(change.subject),
        _fitted(change.before),
        _fitted(change.after),
        change.path,
    ]


def _fitted(text: str | None) -> str | None:
    """``text`` cut to fit a cell as stored (escapes included), ending in "…" when cut."""
    if text is None:
        return None
    stored = escape_text(text) if needs_care(text) else text
    if excel_length(stored) <= EXCEL_MAX_CELL_CHARS:
        return text
    low, high = 0, len(text)  # the longest start that fits, with room for the "…"
    while low < high:
        middle = (low + high + 1) // 2
        part = text[:middle]
        stored = escape_text(part) if needs_care(part) else part
        if excel_length(stored) <= EXCEL_MAX_CELL_CHARS - 1:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def _height(values: list[str | None]) -> float | None:
    """A row tall enough for the wrapped lines (Excel does not grow rows on opening)."""
    lines = 1
    for value, width, wrapped in zip(values, _WIDTHS, _WRAPPED, strict=True):
        if wrapped and value:
            per_line = max(1, int(width * 1.15))
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in value.split("\n")))
    return None if lines <= 1 else float(min(409, 15 * lines + 3))


def _after_summary(wb: Any, ws: Any) -> None:
    """Move the new sheet ``ws`` (the last) to just after the Summary, or first without one."""
    names = [sheet.title for sheet in wb.worksheets]
    target = names.index("Summary") + 1 if "Summary" in names else 0
    wb.move_sheet(ws.title, offset=target - names.index(ws.title))
