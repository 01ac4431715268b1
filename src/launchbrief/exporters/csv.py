"""The ``csv`` exporter: the tidy results table (:mod:`launchbrief.tables`) as CSV.

The conventions, so that any reader gets the table back unchanged:

- UTF-8 without a byte-order mark (``bom=True`` adds one, for Excel's double-click
  open), one header row of the column names, rows ending in ``\\r\\n`` as RFC 4180 says;
- fields quoted by the standard library's :mod:`csv` writer where they must be (a comma,
  a quote, a line break), a quote inside doubled;
- an empty field for an empty value, ``true``/``false`` for booleans, ISO dates
  (``2026-11-30``), numbers as the source wrote them (``66.0`` stays ``66.0``,
  ``0.0007`` stays ``0.0007``), negatives included;
- text is never a formula: a text field that starts with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return gets a leading ``'``, as Excel and LibreOffice expect, so
  opening the file never runs anything. Number columns are never prefixed.
"""

from __future__ import annotations

import csv as _csv
import io
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING, ClassVar

from launchbrief.exporters._registry import open_destination

if TYPE_CHECKING:
    from launchbrief.model import Launch
    from launchbrief.tables import Cell, Row

__all__ = ["CsvExporter", "write_rows"]

#: Rows written per chunk: one launch's table is never held twice as text.
_CHUNK = 1000


class CsvExporter:
    """The results as one tidy CSV table, one row per result, for spreadsheets and scripts."""

    name: ClassVar[str] = "csv"
    suffix: ClassVar[str] = ".csv"
    media_type: ClassVar[str] = "text/csv"
    description: ClassVar[str] = "Results as one tidy table, a row per result (UTF-8 CSV)"
    document: ClassVar[bool] = False

    def export(
        self, launch: Launch, dest: str | os.PathLike[str] | IO[bytes], /, *, bom: bool = False
    ) -> None:
        """Write the tidy results table of ``launch`` to ``dest`` (a path or a binary stream).

        A path is written atomically: a failed export leaves an existing file untouched.

        Args:
            bom: start the file with a UTF-8 byte-order mark, which Excel needs to read
                non-ASCII text right when the file is opened by double-click.
        """
        from launchbrief.tables import result_rows  # on use: listing exporters stays cheap

        write_rows(result_rows(launch), dest, bom=bom)

    def export_landscape(
        self,
        launches: Sequence[Launch],
        dest: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        bom: bool = False,
    ) -> None:
        """Write the results of several launches as one table, stacked in the order given.

        The ``launch`` column tells their rows apart. Options as for :meth:`export`.
        """
        from launchbrief.tables import result_rows

        write_rows(result_rows(launches), dest, bom=bom)


def write_rows(
    rows: Iterable[Row], dest: str | os.PathLike[str] | IO[bytes], *, bom: bool = False
) -> None:
    """Write rows of :data:`launchbrief.tables.RESULT_COLUMNS` as CSV to ``dest``."""
    from launchbrief.tables import RESULT_COLUMNS

    names = [column.name for column in RESULT_COLUMNS]
    field = _field_writer()
    with open_destination(dest) as stream:
        # newline="": the csv writer ends rows itself; the stream is the caller's, so the
        # wrapper is detached, never closed.
        text = io.TextIOWrapper(stream, encoding="utf-8-sig" if bom else "utf-8", newline="")
        try:
            writer = _csv.writer(text, lineterminator="\r\n")
            writer.writerow(names)
            chunk: list[list[str]] = []
            for row in rows:
                chunk.append([field(row[name]) for name in names])
                if len(chunk) >= _CHUNK:
                    writer.writerows(chunk)
                    chunk.clear()
            writer.writerows(chunk)
            text.flush()
        finally:
            text.detach()


def _field_writer() -> Callable[[Cell], str]:
    """How one value becomes a CSV field (see the module's conventions)."""
    from launchbrief.exporters._xlsx_layout import FORMULA_START
    from launchbrief.model import Score

    def field(value: Cell) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            # Only text and code columns hold str: their values are text even when they
            # look like a number, so "-5" is written "'-5", never a number or a formula.
            if value and value[0] in FORMULA_START:
                return "'" + value
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, Score):
            return value.text
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__} to CSV")  # pragma: no cover

    return field
