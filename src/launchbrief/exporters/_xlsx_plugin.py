"""The workbook's exporter and reader plugins: cheap to import, they load the work on use.

Listing formats imports this module only; writing a workbook imports
:mod:`launchbrief.exporters.xlsx` (and openpyxl), reading one its reader.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, ClassVar

from launchbrief.exporters._colors import HOUSE_ACCENT

if TYPE_CHECKING:
    from launchbrief.model import Launch

__all__ = ["DEFAULT_ACCENT", "XlsxExporter", "XlsxReader"]

#: The workbook's accent color unless one is given.
DEFAULT_ACCENT = f"#{HOUSE_ACCENT}"


class XlsxExporter:
    """The launch as an analyst workbook: tables, charts, provenance; reads back in."""

    name: ClassVar[str] = "xlsx"
    suffix: ClassVar[str] = ".xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    description: ClassVar[str] = "Analyst workbook: tables, native charts, sources; reads back in"
    document: ClassVar[bool] = True

    def export(
        self,
        launch: Launch,
        dest: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        sheets: Iterable[str] | None = None,
        charts: bool = True,
        accent: str = DEFAULT_ACCENT,
        since: Launch | None = None,
    ) -> None:
        """Write ``launch`` as an .xlsx workbook to ``dest`` (a path, written atomically, or a stream).

        Args:
            sheets: names of the sheets to write (see ``SHEETS``), in any order; all by
                default. A workbook reads back only if it has every data sheet and Launch.
            charts: whether to add the Charts sheet (native bar charts of the
                leaderboards with numbers, as the deck draws them, each beside its table).
            accent: the accent color as ``"#RRGGBB"``: headers, the launched models'
                columns and their bars.
            since: an earlier version of the launch: adds a Changes sheet after the
                Summary, one row per change (:func:`launchbrief.diff`); the reader ignores it.

        Raises:
            ExportError: an option is wrong, or the launch does not fit a workbook (a
                text over Excel's 32,767 characters, more rows than a sheet holds); the
                field is named and nothing is written.

        Warns:
            XlsxTextWarning: text held XML-illegal control characters; they are written
                as Excel's ``_xHHHH_`` escapes (which Excel and this reader decode).
        """
        from launchbrief.exporters.xlsx import write_workbook

        write_workbook(launch, dest, sheets=sheets, charts=charts, accent=accent, since=since)

    def export_landscape(
        self,
        launches: Sequence[Launch],
        dest: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        accent: str = DEFAULT_ACCENT,
    ) -> None:
        """Write one workbook across ``launches`` (see :func:`~launchbrief.exporters.xlsx.export_landscape`) to ``dest``."""
        from launchbrief.exporters._xlsx_landscape import write_landscape

        write_landscape(launches, dest, accent=accent)


class XlsxReader:
    """The workbook as a reader plugin: ``launchbrief.load("x.xlsx")`` comes here."""

    name: ClassVar[str] = "xlsx"
    suffixes: ClassVar[tuple[str, ...]] = (".xlsx",)
    description: ClassVar[str] = "A workbook launchbrief wrote, also after edits in Excel"

    def sniff(self, head: bytes) -> bool:
        """Whether ``head`` begins a zip archive with Excel parts (``xl/``): a workbook."""
        return head.startswith(b"PK\x03\x04") and b"xl/" in head

    def read(self, source: Path, /) -> Launch:
        """Rebuild the launch from the workbook at ``source``; see
        :func:`~launchbrief.exporters.xlsx.read_workbook`."""
        from launchbrief.exporters.xlsx import read_workbook

        return read_workbook(source)
