"""The Excel exporter: an analyst workbook that reads back in.

The only module of launchbrief that imports openpyxl (its pure-Python helpers are
``_xlsx_layout``, what each sheet holds, and ``_archive``, zip safety and
byte-identical archives).

The workbook has a Summary, a Benchmarks matrix (one row per leaderboard, that is
per benchmark and cohort; one column per model; the leader highlighted where there
is a rival to lead), native bar charts per benchmark category and scale, a tidy
Results sheet for pivots, one data sheet per collection of the record (Benchmark
details, Cohorts, Models, Modes, Rollout, Safety, Use cases, Insights, Sources,
Dates), the launch's own fields (Launch) and an About sheet. Every data sheet is an
Excel Table. The data sheets carry every field of the record, so
:func:`read_workbook` (and so ``launchbrief.load("x.xlsx")``) rebuilds it, also after
an analyst edited it; numbers keep the precision they were written with through
their cells' number formats (85.20 is shown, and read back, as 85.20). Workbooks
written for schema 1 (launchbrief 0.1.0) still read.

Writing always streams (openpyxl's write-only mode), so memory stays flat however
many results there are; everything that could make the export fail is checked
before a byte is written.
"""

from __future__ import annotations

import copy
import functools
import math
import os
import re
import shutil
import tempfile
import unicodedata
import warnings
import weakref
import zipfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

import attrs
import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.comments import Comment
from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet
from openpyxl.comments.shape_writer import ShapeWriter
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.relationship import Relationship
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import Element, tostring

from launchbrief import analysis
from launchbrief._diff import Changes, changes_since
from launchbrief._reproducible import document_time
from launchbrief._version import __version__
from launchbrief.exceptions import ExportError, InvalidLaunchError, Problem, XlsxTextWarning
from launchbrief.exporters import _xlsx_cells as cells
from launchbrief.exporters._archive import PinnedZipFile, check_archive
from launchbrief.exporters._colors import RIVAL_GREYS, STATUS_COLORS
from launchbrief.exporters._registry import open_destination
from launchbrief.exporters._xlsx_changes import write_changes
from launchbrief.exporters._xlsx_layout import (
    BENCHMARK_DETAILS,
    COHORTS,
    DATA_TABLES,
    DATES,
    EXCEL_MAX_CELL_CHARS,
    FORMULA_START,
    INSIGHTS,
    LAUNCH_FIELDS,
    LAUNCH_SHEET,
    MODELS,
    MODES,
    RESULTS,
    ROLLOUT,
    SAFETY,
    SOURCES,
    USE_CASES,
    CellMap,
    Column,
    Kind,
    Percent,
    TableSheet,
    enum_word,
    escape_text,
    excel_length,
    format_ids,
    format_list,
    format_mapping,
    has_illegal_characters,
    launch_field_rows,
    needs_care,
    number_format,
    number_shape,
    read_launch_fields,
    read_table,
)
from launchbrief.exporters._xlsx_plugin import DEFAULT_ACCENT as _plugin_accent
from launchbrief.exporters._xlsx_plugin import XlsxExporter, XlsxReader
from launchbrief.io import MAX_FILE_BYTES, from_data
from launchbrief.model import (
    SCHEMA_VERSION,
    Benchmark,
    Direction,
    Launch,
    Model,
    Result,
    Scale,
    Score,
    Settings,
    Specs,
)
from launchbrief.tables import format_comparisons

__all__ = [
    "DEFAULT_ACCENT",
    "SHEETS",
    "XlsxExporter",
    "XlsxReader",
    "XlsxTextWarning",
    "export_landscape",
    "read_workbook",
    "write_workbook",
]

#: The workbook's sheets, in order. Summary, Benchmarks, Charts and About are views;
#: the others are data sheets that are read back.
SHEETS = (
    "Summary",
    "Benchmarks",
    "Charts",
    RESULTS.sheet,
    BENCHMARK_DETAILS.sheet,
    COHORTS.sheet,
    MODELS.sheet,
    MODES.sheet,
    ROLLOUT.sheet,
    SAFETY.sheet,
    USE_CASES.sheet,
    INSIGHTS.sheet,
    SOURCES.sheet,
    DATES.sheet,
    LAUNCH_SHEET.sheet,
    "About",
)

#: The accent color of headers, the launched models' columns and their chart bars: the
#: house accent, the deck's too.
DEFAULT_ACCENT = _plugin_accent

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
#: Excel keeps at most this many hyperlinks on a sheet; the rest stay plain text.
EXCEL_MAX_HYPERLINKS = 65_530
#: Excel cannot follow a link longer than this.
EXCEL_MAX_URL_CHARS = 2_079
_LINK_SCHEMES = ("http://", "https://", "mailto:")

# Widths (in Excel's character units) and sample sizes for fitting columns.
_MAX_WIDTH = 60
_MAX_WIDTH_WRAPPED = 55
_WIDTH_SAMPLE = 2_000
#: Up to this many results, Results rows are made tall enough for wrapped claims.
_FITTED_ROWS = 5_000
#: The Summary lists at most this many entries of a kind before "… and N more".
_SUMMARY_ROWS = 30
#: At most this many cells of the Benchmarks matrix get a note.
_MAX_NOTES = 1_000
#: A clustered chart shows at most this many models; past it, each leaderboard gets a
#: ranked chart of its own (as in the deck: a legend of more colors cannot be read).
_MOST_SERIES = 6
#: A ranked chart shows at most this many models, the best.
_MOST_BARS = 30
#: The Charts sheet holds at most this many benchmark charts (the matrix has them all).
_MOST_CHARTS = 40
#: Streamed rows are handed to the archive in pieces of about this many characters: a
#: piece is held three times over (rows, joined text, bytes) until it is compressed.
_CHUNK_CHARS = 1 << 16

_DATE_FORMAT = "yyyy-mm-dd"
#: Excel has no serial numbers for earlier dates (and miscounts 1900's February):
#: earlier dates are written as ISO text, which reads back the same.
_FIRST_EXCEL_DATE = date(1900, 3, 1)
# Excel shows TRUE/FALSE whatever the format; LibreOffice shows 1/0 without this one.
_BOOL_FORMAT = '"TRUE";"TRUE";"FALSE"'
_TABLE_STYLE = "TableStyleLight1"
_ESCAPE_LIKE = re.compile("_x[0-9A-Fa-f]{4}_")
_AUTHOR = "launchbrief"


def write_workbook(
    launch: Launch,
    dest: str | os.PathLike[str] | IO[bytes],
    /,
    *,
    sheets: Iterable[str] | None = None,
    charts: bool = True,
    accent: str = DEFAULT_ACCENT,
    since: Launch | None = None,
) -> None:
    """Write ``launch`` as a workbook: :meth:`XlsxExporter.export` does its work here."""
    chosen = _chosen_sheets(sheets, charts=charts)
    colour = _colour(accent)
    changes = changes_since(since, launch)
    document_time()  # a bad SOURCE_DATE_EPOCH is refused here, before any work
    escaped = _check_launch(launch, chosen)
    if escaped:
        shown = ", ".join(escaped[:5]) + (
            f" and {len(escaped) - 5} more" if len(escaped) > 5 else ""
        )
        warnings.warn(
            f"{len(escaped)} text field(s) hold control characters that a workbook cannot"
            f" store as they are ({shown}); they are written as Excel's _xHHHH_ escapes",
            XlsxTextWarning,
            stacklevel=2,
        )
    # Build the whole file aside first: a stream gets the same bytes as a path, and
    # a failure leaves nothing half-written in the caller's stream.
    with tempfile.SpooledTemporaryFile(max_size=2**20) as buffer:
        _write_workbook(launch, buffer, chosen, colour, changes)
        buffer.seek(0)
        with open_destination(dest) as stream:
            shutil.copyfileobj(buffer, stream, 1 << 20)


def export_landscape(
    launches: Sequence[Launch],
    dest: str | os.PathLike[str] | IO[bytes],
    /,
    *,
    accent: str = DEFAULT_ACCENT,
) -> None:
    """Write one workbook across several launches to ``dest`` (a path, written atomically, or a stream).

    The landscape: a Summary of what is compared and how, a Launches sheet (one row per
    launch), one tidy Results table of every launch's results for pivots (Launch, As-of,
    Launched, Developer, Model, Benchmark, Category, Cohort, Settings, Score, …), and
    cross-launch leaderboards of the benchmarks two or more launches report, each
    within one set of settings. See :mod:`launchbrief.exporters._xlsx_landscape` for
    how benchmarks are matched.

    Args:
        launches: the launches, each once (by id), in the order their rows are wanted.
        accent: the accent color as ``"#RRGGBB"``.

    Raises:
        ExportError: no launches, two with one id, a bad option, or a launch that does
            not fit a workbook; nothing is written.
    """
    from launchbrief.exporters._xlsx_landscape import write_landscape

    write_landscape(launches, dest, accent=accent)


# --------------------------------------------------------------------------- options and checks


def _chosen_sheets(sheets: Iterable[str] | None, *, charts: bool) -> tuple[str, ...]:
    if sheets is None:
        wanted = set(SHEETS)
    else:
        if isinstance(sheets, str):
            raise ExportError(f"sheets= takes a list of sheet names, not the text {sheets!r}")
        wanted = set()
        known = {name.casefold(): name for name in SHEETS}
        for name in sheets:
            match = known.get(str(name).strip().casefold())
            if match is None:
                raise ExportError(f"unknown sheet {name!r} (sheets: {', '.join(SHEETS)})")
            wanted.add(match)
    if not charts:
        wanted.discard("Charts")
    chosen = tuple(name for name in SHEETS if name in wanted)
    if not chosen:
        raise ExportError("no sheets chosen: a workbook needs at least one sheet")
    return chosen


def _colour(accent: str) -> str:
    text = str(accent).strip().lstrip("#").upper()
    if len(text) != 6 or any(ch not in "0123456789ABCDEF" for ch in text):
        raise ExportError(f"accent must be a colour like '#1F5FAD', got {accent!r}")
    return text


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white; ``amount`` 0 keeps it, 1 gives white."""
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def _field_path(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _record_texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every text of a record with its field path (id lists are checked joined, elsewhere)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _record_texts(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for attribute in attrs.fields(type(value)):
            item = getattr(value, attribute.name)
            if attribute.name == "results":
                continue  # checked in one tight loop by _check_launch
            if attribute.name in ("sources", "versus") and item and isinstance(item[0], str):
                continue  # ids, checked joined into one cell
            yield from _record_texts(item, _field_path(path, attribute.name))


def _check_text(path: str, text: str, escaped: list[str]) -> None:
    stored = text
    if has_illegal_characters(text):
        escaped.append(path)
        stored = escape_text(text)
    elif "_x" in text:
        stored = escape_text(text)
    length = excel_length(stored)
    if length > EXCEL_MAX_CELL_CHARS:
        raise ExportError(
            f"{path}: the text is {length:,} characters long as stored; an Excel cell holds at"
            f" most {EXCEL_MAX_CELL_CHARS:,}"
        )


def _check_ids(path: str, ids: Sequence[str]) -> None:
    text = format_ids(ids)
    if text is not None and len(text) > EXCEL_MAX_CELL_CHARS:
        raise ExportError(
            f"{path}: {len(ids):,} ids make {len(text):,} characters in one cell; an Excel cell"
            f" holds at most {EXCEL_MAX_CELL_CHARS:,}"
        )


def _check_cell(path: str, text: str | None) -> None:
    """A cell that joins several values (a list, settings) must fit a cell too."""
    if text is None:
        return
    stored = escape_text(text) if needs_care(text) else text
    length = excel_length(stored)
    if length > EXCEL_MAX_CELL_CHARS:
        raise ExportError(
            f"{path}: {length:,} characters in one cell; an Excel cell holds at most"
            f" {EXCEL_MAX_CELL_CHARS:,}"
        )


def _check_launch(launch: Launch, chosen: Sequence[str]) -> list[str]:
    """Everything that could make the export fail, checked before writing.

    Returns the field paths of texts with XML-illegal characters (they are escaped).
    """
    escaped: list[str] = []
    for path, text in _record_texts(launch, ""):
        _check_text(path, text, escaped)
    _check_ids("developer.sources", launch.developer.sources)
    if launch.license is not None:
        _check_ids("license.sources", launch.license.sources)
    for collection in (
        "dates",
        "modes",
        "surfaces",
        "cohorts",
        "models",
        "benchmarks",
        "safety",
        "use_cases",
        "insights",
    ):
        for index, record in enumerate(getattr(launch, collection)):
            _check_ids(f"{collection}[{index}].sources", record.sources)
    for index, model in enumerate(launch.models):
        for name in ("modalities", "capabilities", "powers"):
            _check_cell(f"models[{index}].{name}", format_list(getattr(model, name)))
        if model.specs is not None:
            _check_cell(f"models[{index}].specs", format_mapping(model.specs.other))
        if model.license is not None:
            _check_ids(f"models[{index}].license.sources", model.license.sources)
    for collection in ("cohorts", "benchmarks"):
        for index, record in enumerate(getattr(launch, collection)):
            if record.settings is not None:
                _check_cell(
                    f"{collection}[{index}].settings", format_mapping(record.settings.items())
                )
    # Results can be many: one tight loop rather than the generic walk.
    for index, result in enumerate(launch.results):
        if result.claim is not None:
            _check_text(f"results[{index}].claim", result.claim, escaped)
        if len(result.sources) > 100:
            _check_ids(f"results[{index}].sources", result.sources)
        if result.settings is not None:
            for key, value in result.settings.other:
                if isinstance(value, str):
                    _check_text(f"results[{index}].settings.{key}", value, escaped)
            for name in ("harness", "judge"):
                value = getattr(result.settings, name)
                if value is not None:
                    _check_text(f"results[{index}].settings.{name}", value, escaped)
            _check_cell(f"results[{index}].settings", format_mapping(result.settings.items()))
        if result.comparisons:
            text = format_comparisons(result.comparisons) or ""
            if len(text) > EXCEL_MAX_CELL_CHARS:
                raise ExportError(
                    f"results[{index}].comparisons: {len(text):,} characters in one cell; an"
                    f" Excel cell holds at most {EXCEL_MAX_CELL_CHARS:,}"
                )
    rows = {
        RESULTS.sheet: len(launch.results),
        BENCHMARK_DETAILS.sheet: len(launch.benchmarks),
        # One row per leaderboard: at most one per result, and one per benchmark without.
        "Benchmarks": len(launch.benchmarks) + len(launch.results),
        COHORTS.sheet: len(launch.cohorts),
        MODELS.sheet: len(launch.models),
        MODES.sheet: len(launch.modes),
        ROLLOUT.sheet: len(launch.surfaces),
        SAFETY.sheet: len(launch.safety),
        USE_CASES.sheet: len(launch.use_cases),
        INSIGHTS.sheet: len(launch.insights),
        SOURCES.sheet: len(launch.sources),
        DATES.sheet: len(launch.dates),
        LAUNCH_SHEET.sheet: sum(1 for _row in launch_field_rows(launch)),
    }
    if "Benchmarks" in chosen and rows["Benchmarks"] + 1 > EXCEL_MAX_ROWS:
        # The bound above is loose; count the leaderboards themselves only when it matters.
        pairs = {(r.benchmark, r.cohort) for r in launch.results}
        rows["Benchmarks"] = len(pairs | {(b.id, None) for b in launch.benchmarks})
    for sheet, count in rows.items():
        if sheet in chosen and count + 1 > EXCEL_MAX_ROWS:
            raise ExportError(
                f"the {sheet} sheet would need {count + 1:,} rows; an Excel sheet holds at most"
                f" {EXCEL_MAX_ROWS:,}"
            )
    if "Benchmarks" in chosen and len(launch.models) + _MATRIX_FIXED + 1 > EXCEL_MAX_COLUMNS:
        raise ExportError(
            f"the Benchmarks matrix would need {len(launch.models) + _MATRIX_FIXED + 1:,} columns"
            f" (one per model); an Excel sheet holds at most {EXCEL_MAX_COLUMNS:,}"
        )
    return escaped


# --------------------------------------------------------------------------- cells


def _display(text: str) -> str:
    """Text for places that are shown, never read back (titles, notes): illegal characters replaced."""
    if has_illegal_characters(text):
        text = "".join("\ufffd" if has_illegal_characters(ch) else ch for ch in text)
    return text


def _clip(text: str, limit: int = EXCEL_MAX_CELL_CHARS) -> str:
    """Computed text cut to fit a cell (record text is checked, never cut)."""
    if excel_length(text) <= limit:
        return text
    cut = limit - 1
    while excel_length(text[:cut]) > limit - 1:
        cut -= max(1, (excel_length(text[:cut]) - limit) // 2 + 1)
    return text[:cut] + "…"


def _font(*, size: float = 11, **style: Any) -> Font:
    """A font of the workbook's family (a font without a name renders in a fallback face)."""
    return Font(name="Calibri", size=size, **style)


#: The workbook's default font, given to cells that would otherwise have no style.
_BASE_FONT = _font()


class _Style:
    """The look of one kind of cell; ``cell()`` makes a cell of this look holding a value."""

    __slots__ = ("_array", "_book", "alignment", "border", "fill", "font", "number_format")

    def __init__(
        self,
        *,
        font: Font | None = None,
        fill: PatternFill | None = None,
        alignment: Alignment | None = None,
        number_format: str | None = None,
        border: Border | None = None,
    ) -> None:
        self.font = font
        self.fill = fill
        self.alignment = alignment
        self.number_format = number_format
        self.border = border
        # The style array a new cell of this look gets in one workbook (see fresh()).
        self._book: weakref.ref[Any] | None = None
        self._array: Any = None

    @property
    def plain(self) -> bool:
        return not any((self.font, self.fill, self.alignment, self.number_format, self.border))

    def apply(self, cell: Any) -> Any:
        if self.font is not None:
            cell.font = self.font
        if self.fill is not None:
            cell.fill = self.fill
        if self.alignment is not None:
            cell.alignment = self.alignment
        if self.number_format is not None:
            cell.number_format = self.number_format
        if self.border is not None:
            cell.border = self.border
        return cell

    def fresh(self, ws: Any) -> Any:
        """A new cell of this look, as :meth:`apply` makes it from a new cell.

        Applying a look registers its font, fill... with the workbook and sets their
        indexes in the cell's style array: the same indexes every time in one
        workbook. So the look is applied once per workbook and the array copied
        after that (openpyxl hashes every font and fill anew at each assignment).
        """
        cell = WriteOnlyCell(ws)
        book = ws.parent
        if self._book is not None and self._book() is book:
            cell._style = copy.copy(self._array)
            return cell
        self.apply(cell)
        self._book, self._array = weakref.ref(book), copy.copy(cell._style)
        return cell

    def cell(self, ws: Any, value: Any = None) -> Any:
        """A new cell of this look holding ``value`` (text is kept as text, never a formula)."""
        cell = self.fresh(ws)
        if not cell.has_style:
            # openpyxl's row writer takes an unstyled cell it is handed as its scratch
            # cell for the rest of the row, overwriting it: every cell we make has a style.
            cell.font = _BASE_FONT
        _store(cell, value)
        return cell


def _store(cell: Any, value: Any) -> None:
    """Put ``value`` in ``cell`` so that it reads back exactly as it is."""
    if isinstance(value, str):
        _put_text(cell, value)
    elif isinstance(value, float):
        # openpyxl writes floats with 16 significant digits; the shortest repr is exact
        # (a Score's written form is its number format's business).
        cell.value = float.__repr__(value)
        cell.data_type = "n"
    elif isinstance(value, date) and value < _FIRST_EXCEL_DATE:
        _put_text(cell, value.isoformat())
    else:
        cell.value = value


def _put_text(cell: Any, text: str) -> None:
    """Store ``text`` as a string cell, whatever it starts with."""
    cell.value = escape_text(text) if needs_care(text) else text
    # openpyxl reads a leading "=" as a formula; this text is only ever text.
    cell.data_type = "s"
    if text[:1] in FORMULA_START:
        # Excel keeps a quote-prefixed cell as text even after someone edits it.
        cell.quotePrefix = True


class _Writer:
    """Turns values into a column's cells: one reused cell for styled values, plain values as they are.

    Reusing one cell per column is safe because openpyxl writes each appended row at
    once; text that needs care (formula-like, escapes) always gets a cell of its own.
    """

    __slots__ = ("style", "template", "ws")

    def __init__(self, ws: Any, style: _Style | None = None) -> None:
        self.ws = ws
        self.style = style or _Style()
        self.template = None if self.style.plain else self.style.fresh(ws)

    def __call__(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            if needs_care(value):
                return self.style.cell(self.ws, value)
        elif isinstance(value, float):
            if self.template is None:
                return self.style.cell(self.ws, value)
            _store(self.template, value)
            return self.template
        elif isinstance(value, date) and value < _FIRST_EXCEL_DATE:
            value = value.isoformat()
        if self.template is None:
            return value
        self.template.value = value
        return self.template


def _text_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        return 5
    if isinstance(value, float):
        return min(len(f"{value:,.4f}".rstrip("0").rstrip(".")), 20)
    if isinstance(value, int):
        return len(f"{value:,}")
    if isinstance(value, date):
        return 10
    text = str(value)[:4000]
    return max((len(line) for line in text.split("\n")), default=0)


def _lines(value: Any, width: float, density: float = 1.15) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide.

    ``density`` is how many characters of running text fit in one width unit (more
    for a small font).
    """
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * density))
    return sum(
        max(1, math.ceil(len(part) / per_line)) for part in value[:EXCEL_MAX_CELL_CHARS].split("\n")
    )


def _row_height(
    values: Sequence[Any],
    widths: Sequence[float],
    wrapped: Sequence[bool],
    densities: Sequence[float] | None = None,
) -> float | None:
    """A row height that shows every wrapped line (Excel does not grow rows on opening)."""
    densities = densities or [1.15] * len(values)
    lines = max(
        (
            _lines(value, width, density)
            for value, width, wrap, density in zip(values, widths, wrapped, densities, strict=True)
            if wrap
        ),
        default=1,
    )
    if lines <= 1:
        return None
    return float(min(409, 15 * lines + 3))


# --------------------------------------------------------------------------- the workbook


class _Workbook:
    """A workbook being written: openpyxl's write-only book, the styles, the tables.

    The launch workbook (:class:`_Book`) and the landscape of several launches
    (``_xlsx_landscape``) are both written through one of these.
    """

    def __init__(self, accent: str) -> None:
        self.wb = openpyxl.Workbook(write_only=True)
        self.accent = accent
        self.next_table_id = 1
        self.sheets: dict[str, Any] = {}
        #: Sheets whose body rows are streamed as text when the archive is written.
        self.splices: dict[Any, Callable[[], Iterator[bytes]]] = {}
        thin = Side(style="thin", color="BFBFBF")
        self.header = _Style(
            font=_font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=accent),
            alignment=Alignment(vertical="center"),
            border=Border(bottom=thin),
        )
        self.derived_header = _Style(
            font=_font(bold=True, italic=True, color="404040"),
            fill=PatternFill("solid", fgColor="E4E4E4"),
            alignment=Alignment(vertical="center"),
            border=Border(bottom=thin),
        )
        self.launched_fill = PatternFill("solid", fgColor=_tint(accent, 0.85))
        self.note_fill = PatternFill("solid", fgColor="FFF4D6")
        self.title = _Style(font=_font(size=18, bold=True, color=accent))
        self.subtitle = _Style(font=_font(italic=True, color="595959"))
        self.section = _Style(
            font=_font(bold=True, size=12, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=accent),
        )
        self.label = _Style(
            font=_font(bold=True, color="404040"),
            alignment=Alignment(vertical="top", wrap_text=True),
        )
        self.body = _Style(alignment=Alignment(vertical="top", wrap_text=True))
        self.small = _Style(
            font=_font(color="595959", size=9), alignment=Alignment(vertical="top", wrap_text=True)
        )
        self.link_font = _font(color="0563C1", underline="single")

    def style_id(self, ws: Any, style: _Style, *, quoted: bool = False) -> int:
        """The workbook's id for a cell style (``quoted``: with the quote prefix that keeps text text)."""
        cell = style.fresh(ws)
        if quoted:
            cell.quotePrefix = True
        return int(cell.style_id) if cell.has_style else 0

    def table(self, ws: Any, spec_name: str, headers: Sequence[str], rows: int) -> None:
        """Make the header row and ``rows`` data rows an Excel Table with banded rows."""
        last = get_column_letter(len(headers))
        ref = f"A1:{last}{max(rows, 1) + 1}"
        table = Table(
            id=self.next_table_id,
            displayName=spec_name,
            name=spec_name,
            ref=ref,
            tableColumns=[TableColumn(id=i, name=h) for i, h in enumerate(headers, start=1)],
            tableStyleInfo=TableStyleInfo(name=_TABLE_STYLE, showRowStripes=True),
            autoFilter=AutoFilter(ref=ref),  # the filter buttons
        )
        self.next_table_id += 1
        with warnings.catch_warnings():
            # openpyxl warns in write-only mode that columns must be given: they are.
            warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
            ws.add_table(table)

    def sheet(self, title: str, *, landscape: bool = True) -> Any:
        """The sheet ``title`` (created in workbook order up front), set up for printing."""
        ws = self.sheets.get(title) or self.wb.create_sheet(title)
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = False
        return ws

    def save(self, buffer: IO[bytes]) -> None:
        """Write the workbook into ``buffer``: pinned times, the streamed rows spliced in."""
        if not self.wb.worksheets:  # pragma: no cover - every caller writes a sheet
            raise ExportError("no sheets to write")
        properties = self.wb.properties
        properties.creator = f"launchbrief {__version__}"
        properties.lastModifiedBy = properties.creator
        moment = document_time()
        properties.created = moment
        properties.modified = moment
        # openpyxl names sheet parts by position: sheet1.xml is the first sheet.
        splices = {
            f"xl/worksheets/sheet{position}.xml": self.splices[ws]
            for position, ws in enumerate(self.wb.worksheets, start=1)
            if ws in self.splices
        }
        archive = PinnedZipFile(buffer, moment.timetuple()[:6], splices)
        _ExcelWriter(self.wb, archive).save()


class _ExcelWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's writer, with the shapes of a sheet's notes drawn one at a time.

    openpyxl builds the drawing (VML) of all of a sheet's notes as one XML tree before
    it writes it: a thousand notes held some 5 MiB at the big workbook's peak. The same
    bytes are made here shape by shape, each as openpyxl serializes it in that tree.
    """

    def _write_comment(self, ws: Any) -> None:
        kept = ws.legacy_drawing is not None and self.workbook.vba_archive is not None
        if kept:  # pragma: no cover - a write-only workbook has no macro drawing to keep
            super()._write_comment(ws)
            return
        sheet = CommentSheet.from_comments(ws._comments)
        self._comments.append(sheet)
        sheet._id = len(self._comments)
        self._archive.writestr(sheet.path[1:], tostring(sheet.to_tree()))
        self.manifest.append(sheet)
        ws.legacy_drawing = f"xl/drawings/commentsDrawing{sheet._id}.vml"
        self._archive.writestr(ws.legacy_drawing, _note_shapes(sheet))
        self.vba_modified.add(ws.legacy_drawing)
        ws._rels.append(Relationship(Id="comments", type=sheet._rel_type, Target=sheet.path))


def _note_shapes(sheet: Any) -> bytes:
    """The VML drawing of ``sheet``'s notes, byte for byte as ``ShapeWriter.write`` makes it:
    ``<xml>``, the note shape type, a shape per note."""
    writer = ShapeWriter(())
    root = Element("xml")
    writer.add_comment_shapetype(root)
    parts = [tostring(root)[: -len(b"</xml>")]]
    for number, (coordinate, comment) in enumerate(sheet.comments, 1026):
        holder = Element("xml")  # each shape serialized within the same bare parent
        writer.add_comment_shape(holder, number, coordinate, comment.height, comment.width)
        parts.append(tostring(holder)[len(b"<xml>") : -len(b"</xml>")])
    parts.append(b"</xml>")
    return b"".join(parts)


class _Book(_Workbook):
    """The workbook of one launch being written: the launch, its analysis, the styles."""

    def __init__(self, launch: Launch, accent: str) -> None:
        super().__init__(accent)
        self.launch = launch
        self.models = {model.id: model for model in launch.models}
        self.modes = {mode.id: mode for mode in launch.modes}
        self.sources = {source.id: source for source in launch.sources}

    @functools.cached_property
    def digest(self) -> _Digest:
        """What the big sheets and the charts need from the leaderboards."""
        self.categories  # noqa: B018 - computed first: its own leaderboards are gone by then
        return _digest(self.launch)

    @functools.cached_property
    def categories(self) -> tuple[analysis.CategorySummary, ...]:
        return analysis.categories(self.launch)

    @functools.cached_property
    def plan(self) -> _Plan:
        """The matrix rows (leaderboards) in order, and the chart groups over them."""
        return _plan(self)

    @functools.cached_property
    def launched_names(self) -> str:
        """The launched models as a subject: "Muse Spark", "Aster 2 Small and Aster 2 Large"."""
        return _launched_names(self.launch.launched)

    def source_names(self, ids: Sequence[str]) -> str | None:
        return "; ".join(self.sources[source_id].name for source_id in ids) if ids else None


def _launched_names(models: Sequence[Model]) -> str:
    labels = [model.label for model in models]
    if len(labels) <= 1:
        return labels[0] if labels else "the launched model"
    if len(labels) <= 3:
        return ", ".join(labels[:-1]) + " and " + labels[-1]
    families = {model.family for model in models}
    if len(families) == 1 and None not in families:
        return f"the {len(labels)} {next(iter(families))} models"
    return f"the {len(labels)} launched models"


class _Board:
    """One leaderboard (a benchmark in a cohort), reduced to what its matrix row needs."""

    __slots__ = (
        "benchmark",
        "cohort",
        "contested",
        "entries",
        "scores",
        "several",
        "shapes",
        "title",
        "warning",
        "words",
    )

    def __init__(self, board: analysis.Leaderboard, models: int) -> None:
        self.benchmark = board.benchmark
        self.cohort = board.cohort.name if board.cohort else None
        self.title = _clip(board.title)
        self.contested = board.contested
        self.warning = _clip(board.warning) if board.warning else None
        self.entries = len(board.standings)
        #: The best score of each model, in model order (NaN: none), and its shape's index.
        self.scores = array("d", [math.nan]) * models
        self.shapes = array("h", [0]) * models
        #: The results of models known here only in words, by model.
        self.words: dict[str, list[Result]] = {}
        #: A note for models with numbers in several modes.
        self.several: dict[str, str] = {}

    @property
    def note(self) -> str | None:
        """What a reader must know about the row: not ranked, words only, mixed settings."""
        notes = []
        if self.entries and not self.contested:
            notes.append("no rival numbers: not ranked")
        if not self.entries and self.words:
            notes.append("known only in words (see the cell notes)")
        if self.warning:
            notes.append(self.warning)
        return _clip("; ".join(notes)) or None


class _Digest:
    """The leaderboards, reduced to what the streamed rows, notes and charts need.

    A full set of leaderboards holds an object per scored result; the rows of a big
    sheet are written at the very end, so they read from flat arrays instead.
    """

    __slots__ = ("board_of", "boards", "gap_shapes", "gaps", "ranks", "score_shapes", "shapes")

    def __init__(self, results: int) -> None:
        #: Rank and gap of every result in record order (rank 0, gap NaN: none); ranks
        #: and board numbers are 32-bit, half the memory of Python's usual 64.
        self.ranks = array("i", bytes(4 * results))
        self.gaps = array("d", [math.nan]) * results
        #: The leaderboard of every result, as an index into ``boards``.
        self.board_of = array("i", bytes(4 * results))
        #: How each score and gap is shown, as an index into ``shapes``.
        self.score_shapes = array("h", bytes(2 * results))
        self.gap_shapes = array("h", bytes(2 * results))
        self.boards: list[_Board] = []
        #: Every number shape in use (see :func:`number_shape`), in order of first use.
        self.shapes: dict[tuple[str, int, int], int] = {("fixed", 0, 1): 0}

    def shape(self, value: float) -> int:
        """The index of ``value``'s number shape."""
        shape = number_shape(value)
        found = self.shapes.get(shape)
        if found is None:
            found = self.shapes[shape] = len(self.shapes)
        return found


def _digest(launch: Launch) -> _Digest:
    results = launch.results
    digest = _Digest(len(results))
    # Where each result sits, per leaderboard: small maps, never one for the whole record.
    positions: dict[tuple[str, str | None], array[int]] = {}
    for index, result in enumerate(results):
        key = (result.benchmark, result.cohort)
        found = positions.get(key)
        if found is None:
            found = positions[key] = array("q")
        found.append(index)
    column_of = {model.id: index for index, model in enumerate(launch.models)}
    # One board alive at a time: all of them hold an object per scored result.
    for board in analysis._iter_leaderboards(launch):
        number = len(digest.boards)
        row = _Board(board, len(launch.models))
        digest.boards.append(row)
        key = (board.benchmark.id, board.cohort.id if board.cohort else None)
        places = positions.pop(key, array("q"))
        local = {id(results[index]): index for index in places}
        for index in places:
            digest.board_of[index] = number
        entries: dict[str, list[analysis.Standing]] = {}
        for standing in board.standings:  # best first
            index = local[id(standing.result)]
            digest.ranks[index] = standing.rank or 0
            digest.score_shapes[index] = shape = digest.shape(standing.score)
            if standing.gap is not None:
                digest.gaps[index] = standing.gap
                digest.gap_shapes[index] = digest.shape(standing.gap)
            if standing.model.id not in entries:
                column = column_of[standing.model.id]
                row.scores[column] = standing.score
                row.shapes[column] = shape
            entries.setdefault(standing.model.id, []).append(standing)
        for result in board.qualitative:
            if result.model not in entries:
                row.words.setdefault(result.model, []).append(result)
        row.several = {
            model_id: "Best of several modes: "
            + "; ".join(f"{s.label}: {analysis.format_score(s.score)}" for s in standings)
            for model_id, standings in entries.items()
            if len(standings) > 1
        }
    return digest


class _Chart:
    """One benchmark chart: leaderboards of one category, cohort and scale, as the deck draws them.

    Clustered: a cluster per leaderboard, a series per model, launched models first.
    Ranked (one leaderboard, or more models than a legend can tell apart): the models
    on the axis, best first, one series whose launched models' bars are picked out.
    ``models`` are indexes into the launch's models, in the order they are drawn;
    ``total`` counts the models with a number before a ranked chart keeps the best.
    """

    __slots__ = ("boards", "category", "key", "models", "ranked", "total")

    def __init__(
        self,
        category: str,
        key: tuple[Scale, tuple[float, float] | None, Direction],
        boards: list[_Board],
        models: list[int],
        *,
        ranked: bool,
        total: int,
    ) -> None:
        self.category = category
        self.key = key
        self.boards = boards
        self.models = models
        self.ranked = ranked
        self.total = total


class _Plan:
    """The matrix rows in order and the charts over them."""

    __slots__ = ("charts", "rows")

    def __init__(self) -> None:
        self.rows: list[_Board] = []
        self.charts: list[_Chart] = []


def _plan(book: _Book) -> _Plan:
    """Leaderboards by category; within one, rows of one scale together and rows without
    numbers last; and the charts of each category's leaderboards with numbers."""
    plan = _Plan()
    launched = [model.launched for model in book.launch.models]
    by_benchmark: dict[str, list[_Board]] = {}
    for board in book.digest.boards:
        by_benchmark.setdefault(board.benchmark.id, []).append(board)
    for summary in book.categories:
        groups: dict[tuple[Scale, tuple[float, float] | None, Direction], list[Benchmark]] = {}
        for benchmark in summary.numeric:
            key = (benchmark.scale, benchmark.bounds, benchmark.direction)
            groups.setdefault(key, []).append(benchmark)
        later: list[_Board] = []
        numeric: list[tuple[tuple[Scale, tuple[float, float] | None, Direction], _Board]] = []
        for key, benchmarks in groups.items():
            for benchmark in benchmarks:
                for board in by_benchmark.get(benchmark.id, ()):
                    if board.entries:
                        plan.rows.append(board)
                        numeric.append((key, board))
                    else:
                        later.append(board)
        for benchmark in summary.qualitative_only:
            later.extend(by_benchmark.get(benchmark.id, ()))
        plan.rows.extend(later)
        plan.charts.extend(_category_charts(summary.category, numeric, launched))
    return plan


def _category_charts(
    category: str,
    boards: Sequence[tuple[tuple[Scale, tuple[float, float] | None, Direction], _Board]],
    launched: Sequence[bool],
) -> Iterator[_Chart]:
    """The charts of one category, chosen as the deck chooses them.

    A leaderboard where one model alone has a number would be a lone bar among empty
    slots: when the category has comparisons, it is left out (the matrix holds it).
    Leaderboards of one cohort and scale share a clustered chart, unless there is one
    of them or more models than :data:`_MOST_SERIES`: then each gets a ranked chart.
    """
    scored = {
        id(board): [index for index, score in enumerate(board.scores) if score == score]
        for _key, board in boards
    }
    comparative = [(key, board) for key, board in boards if len(scored[id(board)]) >= 2]
    charted = comparative or list(boards)
    groups: dict[
        tuple[str | None, tuple[Scale, tuple[float, float] | None, Direction]], list[_Board]
    ] = {}
    for key, board in charted:
        groups.setdefault((board.cohort, key), []).append(board)
    for (_cohort, key), group in groups.items():
        models = sorted({index for board in group for index in scored[id(board)]})
        if len(group) == 1 or len(models) > _MOST_SERIES:
            sign = -1.0 if key[2] is Direction.HIGHER else 1.0
            for board in group:
                scores = board.scores

                def rank(
                    index: int, scores: array[float] = scores, sign: float = sign
                ) -> tuple[float, bool]:
                    return (sign * scores[index], not launched[index])  # launched first on ties

                entries = sorted(scored[id(board)], key=rank)
                yield _Chart(
                    category, key, [board], entries[:_MOST_BARS], ranked=True, total=len(entries)
                )
        else:
            models.sort(key=lambda index: not launched[index])  # launched first, then in order
            yield _Chart(category, key, group, models, ranked=False, total=len(models))


def _write_workbook(
    launch: Launch,
    buffer: IO[bytes],
    chosen: Sequence[str],
    accent: str,
    changes: Changes | None = None,
) -> None:
    book = _Book(launch, accent)
    writers = {
        "Summary": _write_summary,
        "Benchmarks": _write_matrix,
        "Charts": _write_charts,
        RESULTS.sheet: _write_results,
        LAUNCH_SHEET.sheet: _write_launch_fields,
        "About": _write_about,
    }
    for spec in DATA_TABLES:
        writers.setdefault(spec.sheet, functools.partial(_write_collection, spec=spec))
    # A write-only sheet can be filled at any time: create them in order, and fill the
    # Summary last, whose analysis builds leaderboards of its own, so that they are
    # never in memory together with the digest's.
    for name in chosen:
        book.sheets[name] = book.wb.create_sheet(name)
    for name in chosen:
        if name != "Summary":
            writers[name](book)
    if "Summary" in chosen:
        writers["Summary"](book)
    if changes is not None:  # since=: what changed, a view after the Summary
        write_changes(book, changes)
    properties = book.wb.properties
    properties.title = _clip(_display(launch.title), 1000)
    properties.subject = _clip(
        _display(f"AI model launch: {book.launched_names} by {launch.developer.name}"), 1000
    )
    properties.keywords = _clip(
        _display(f"launchbrief; {launch.id}; benchmarks; {launch.developer.name}"), 1000
    )
    properties.description = _clip(_display(launch.summary or launch.title), 1000)
    properties.identifier = launch.id
    properties.category = "AI model launch"
    book.save(buffer)


def _prepare_columns(
    ws: Any,
    book: _Workbook,
    headers: Sequence[str],
    derived: Sequence[bool],
    samples: Iterable[Sequence[Any]],
    wrapped: Sequence[bool],
    *,
    freeze: str = "A2",
    repeat: int = 1,
) -> list[float]:
    """Set widths (fitted to the header and a sample of values), freeze the header row and
    print across as many pages as the columns need (see :func:`_print_across`)."""
    lengths = [len(header) + 5 for header in headers]  # room for the filter button
    for count, values in enumerate(samples):
        if count >= _WIDTH_SAMPLE:
            break
        for index, value in enumerate(values):
            length = _text_length(value) + 2
            if length > lengths[index]:
                lengths[index] = length
    widths = []
    for index, length in enumerate(lengths):
        cap = _MAX_WIDTH_WRAPPED if wrapped[index] else _MAX_WIDTH
        width = float(max(8, min(length, cap)))
        widths.append(width)
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    ws.freeze_panes = freeze
    _print_across(ws, widths, repeat)
    ws.append(
        [
            (book.derived_header if is_derived else book.header).cell(ws, header)
            for header, is_derived in zip(headers, derived, strict=True)
        ]
    )
    return widths


#: How much of a sheet one printed page holds across, in Excel's character widths: an A4
#: page in landscape at about 80% (a sheet wider than this prints smaller than that).
_PAGE_WIDTH = 165.0


def _print_across(ws: Any, widths: Sequence[float], repeat: int = 1) -> None:
    """Print a sheet with its header row on every page and, when it is too wide for one
    page at a size that reads, over several pages across, its first ``repeat`` columns
    (the names a row is known by) repeated on each."""
    ws.print_title_rows = "1:1"
    total = sum(widths)
    if total <= _PAGE_WIDTH:
        return  # one page wide: the sheet's setup already fits it
    repeated = sum(widths[:repeat])
    per_page = max(_PAGE_WIDTH - repeated, _PAGE_WIDTH / 2)
    ws.page_setup.fitToWidth = math.ceil((total - repeated) / per_page)
    if repeat:
        ws.print_title_cols = f"A:{get_column_letter(repeat)}"


def _add_choices(ws: Any, columns: Sequence[Column]) -> None:
    """Drop-down lists for columns that hold one of a few values."""
    for index, column in enumerate(columns, start=1):
        if column.choices and not column.derived:
            letter = get_column_letter(index)
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=False,
            )
            validation.add(f"{letter}2:{letter}{EXCEL_MAX_ROWS}")
            ws.data_validations.append(validation)


def _header_note(cell: Any, text: str) -> Any:
    comment = Comment(_clip(_display(text), 2000), _AUTHOR, height=140, width=300)
    cell.comment = comment
    return cell


_DERIVED_NOTE = (
    "Columns with gray headers are computed from the other sheets and are not read back;"
    " edit the ones with colored headers. See the About sheet."
)


# --------------------------------------------------------------------------- data sheets


def _field(item: Any, key: str) -> Any:
    """The value at a dotted ``key`` of a record; ``None`` past a missing nested record."""
    value = item
    for part in key.split("."):
        value = getattr(value, part, None) if value is not None else None
    return value


def _derived_values(book: _Book, spec: TableSheet) -> dict[str, Callable[[int, Any], Any]]:
    """The computed columns of a data sheet: header → value of the item at a position."""
    launch = book.launch
    if spec is COHORTS:
        counts: dict[str, int] = {}
        for result in launch.results:
            if result.cohort is not None:
                counts[result.cohort] = counts.get(result.cohort, 0) + 1
        return {
            "In words": lambda _i, cohort: analysis.describe_settings(cohort.settings) or None,
            "Results": lambda _i, cohort: counts.get(cohort.id, 0),
        }
    if spec is DATES:
        disputed = {
            position: conflict.detail
            for conflict in analysis.conflicts(launch)
            for position in conflict.positions
        }
        return {"Conflict": lambda position, _event: disputed.get(position)}
    return {}


def _collection_values(
    spec: TableSheet, derived: dict[str, Callable[[int, Any], Any]], position: int, item: Any
) -> list[Any]:
    values: list[Any] = []
    for column in spec.columns:
        if column.key is None:
            values.append(derived[column.header](position, item))
            continue
        value = _field(item, column.key)
        if column.kind is Kind.IDS:
            value = format_ids(value or ())
        elif column.kind is Kind.LIST:
            value = format_list(value)
        elif column.kind is Kind.MAPPING:
            value = _mapping_cell(value)
        elif column.kind is Kind.ENUM and value is not None:
            value = enum_word(value.value)
        values.append(value)
    return values


def _mapping_cell(value: Settings | Specs | None) -> str | None:
    """Settings (all of them) or specs (those without a column) as one cell.

    Settings or specs given with nothing in them show as ``{}``, so that they read back
    as given rather than as absent.
    """
    if value is None:
        return None
    if isinstance(value, Settings):
        return format_mapping(value.items()) or "{}"
    if value.other:
        return format_mapping(value.other)
    return None if value.items() else "{}"


def _column_style(book: _Book, column: Column, wraps: bool) -> _Style:
    alignment = Alignment(vertical="top", wrap_text=column.wrap) if wraps else None
    number_format = None
    if column.kind is Kind.DATE:
        number_format = _DATE_FORMAT
    elif column.kind is Kind.INT:
        number_format = "#,##0"
    elif column.kind is Kind.BOOL:
        number_format = _BOOL_FORMAT
    return _Style(alignment=alignment, number_format=number_format)


class _NumberWriter:
    """Writes each number with the format of its written form: 85.20 with ``#,##0.00``."""

    __slots__ = ("alignment", "writers", "ws")

    def __init__(self, ws: Any, alignment: Alignment | None) -> None:
        self.ws = ws
        self.alignment = alignment
        self.writers: dict[str, _Writer] = {}

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return value
        code = number_format(number_shape(value))
        writer = self.writers.get(code)
        if writer is None:
            style = _Style(alignment=self.alignment, number_format=code)
            writer = self.writers[code] = _Writer(self.ws, style)
        # A cell of its own: a writer's reused cell serves one column of a row only.
        return writer.style.cell(self.ws, value)


def _write_collection(book: _Book, *, spec: TableSheet) -> None:
    """A data sheet: one row per item of a collection, as an Excel Table."""
    items = getattr(book.launch, spec.collection)
    ws = book.sheet(spec.sheet)
    columns = spec.columns
    wraps = any(column.wrap for column in columns)
    wrapped = [column.wrap for column in columns]
    headers = [column.header for column in columns]
    derived = _derived_values(book, spec)
    widths = _prepare_columns(
        ws,
        book,
        headers,
        [column.derived for column in columns],
        (_collection_values(spec, derived, i, item) for i, item in enumerate(items)),
        wrapped,
    )
    writers: list[Callable[[Any], Any]] = [
        _NumberWriter(ws, Alignment(vertical="top") if wraps else None)
        if column.kind is Kind.NUMBER
        else _Writer(ws, _column_style(book, column, wraps))
        for column in columns
    ]
    url_index = (
        next((i for i, c in enumerate(columns) if c.header == "URL"), None)
        if spec is SOURCES
        else None
    )
    links = 0
    for row_number, item in enumerate(items, start=2):
        values = _collection_values(spec, derived, row_number - 2, item)
        height = _row_height(values, widths, wrapped) if wraps else None
        if height is not None:
            ws.row_dimensions[row_number].height = height
        row = [writer(value) for writer, value in zip(writers, values, strict=True)]
        if url_index is not None and links < EXCEL_MAX_HYPERLINKS:
            url = values[url_index]
            if _linkable(url):
                writer = writers[url_index]
                assert isinstance(writer, _Writer)
                link = writer.style.cell(ws, url)
                link.font = book.link_font
                link.hyperlink = url
                row[url_index] = link
                links += 1
        ws.append(row)
    book.table(ws, spec.table, headers, len(items))
    _add_choices(ws, columns)


def _linkable(url: Any) -> bool:
    """Whether ``url`` may become a hyperlink: a web or mail address with nothing hidden in it.

    Spaces, controls and invisible format characters (right-to-left overrides,
    zero-width joiners: Unicode's C and Z categories) would make the link go somewhere
    other than the text shows, so such a URL stays plain text.
    """
    return (
        isinstance(url, str)
        and url.lower().startswith(_LINK_SCHEMES)
        and len(url) <= EXCEL_MAX_URL_CHARS
        and (
            (url.isascii() and url.isprintable() and " " not in url)
            or not any(unicodedata.category(ch)[0] in "CZ" for ch in url)
        )
        and not needs_care(url)
    )


def _write_results(book: _Book) -> None:
    """Results: tidy, one row per result, with rank, gap and standing from the leaderboards.

    openpyxl writes the header, widths, view and table; the rows are streamed as
    SpreadsheetML text when the archive is written (see ``_xlsx_cells``).
    """
    launch = book.launch
    ws = book.sheet(RESULTS.sheet)
    columns = RESULTS.columns
    headers = [column.header for column in columns]
    digest = book.digest
    ranks, gaps, board_of = digest.ranks, digest.gaps, digest.board_of
    boards = digest.boards
    models = {m.id: m for m in launch.models}
    benchmarks = {b.id: b for b in launch.benchmarks}
    cohorts = {c.id: c for c in launch.cohorts}
    cited: dict[tuple[str, ...], tuple[str | None, str | None, bool]] = {}
    # The settings a result ran under, in words: one look-up per kind of result.
    worded: dict[tuple[str | None, str, Settings | None], str | None] = {}

    def citation(result: Result) -> tuple[str | None, str | None, bool]:
        found = cited.get(result.sources)
        if found is None:
            names = book.source_names(result.sources)
            found = (
                format_ids(result.sources),
                _clip(names) if names else None,
                analysis.vendor_only(launch, result),
            )
            cited[result.sources] = found
        return found

    def settings_words(result: Result) -> str | None:
        key = (result.cohort, result.benchmark, result.settings)
        if key not in worded:
            worded[key] = _clip(analysis.describe_settings(launch.settings(result))) or None
        return worded[key]

    def standing(index: int, result: Result) -> str:
        if result.score is None:
            return "in words only"
        rank = ranks[index]
        return f"#{rank} of {boards[board_of[index]].entries}" if rank else "no rival numbers"

    def values(index: int, result: Result) -> list[Any]:
        benchmark = benchmarks[result.benchmark]
        model = models[result.model]
        cohort = cohorts[result.cohort].name if result.cohort else None
        ids, names, vendor = citation(result)
        own = _mapping_cell(result.settings)
        return [
            launch.id, result.benchmark, benchmark.name, benchmark.category, result.cohort,
            cohort, result.model, model.label, model.developer, model.launched, result.mode,
            result.score, enum_word(benchmark.scale.value), enum_word(benchmark.direction.value),
            ranks[index] or None, _gap(gaps[index]), standing(index, result),
            format_comparisons(result.comparisons), result.claim,
            result.quoted if result.claim is not None else None, settings_words(result), own,
            boards[board_of[index]].warning, vendor, ids, names, launch.as_of,
        ]  # fmt: skip

    claim_index = next(i for i, c in enumerate(columns) if c.key == "claim")
    wrapped = [i == claim_index for i in range(len(columns))]
    widths = _prepare_columns(
        ws,
        book,
        headers,
        [c.derived for c in columns],
        (values(index, result) for index, result in enumerate(launch.results)),
        wrapped,
        repeat=3,  # launch, benchmark id and name on every page across
    )
    book.table(ws, RESULTS.table, headers, len(launch.results))
    claim_width = widths[claim_index]
    # Rows as tall as their wrapped claims; a huge sheet keeps default heights.
    fit_rows = len(launch.results) <= _FITTED_ROWS
    # Every cell top-aligned: rows with a wrapped claim are taller than one line.
    top = Alignment(vertical="top")
    text_id = book.style_id(ws, _Style(alignment=top))
    quoted = book.style_id(ws, _Style(alignment=top), quoted=True)
    claim_style = _Style(alignment=Alignment(wrap_text=True, vertical="top"))
    claim_id = book.style_id(ws, claim_style)
    claim_quoted = book.style_id(ws, claim_style, quoted=True)
    number_ids = [
        book.style_id(ws, _Style(number_format=number_format(shape), alignment=top))
        for shape in digest.shapes
    ]
    rank_id = book.style_id(ws, _Style(number_format="0", alignment=top))
    date_id = book.style_id(ws, _Style(number_format=_DATE_FORMAT, alignment=top))
    bool_id = book.style_id(
        ws,
        _Style(
            number_format=_BOOL_FORMAT, alignment=Alignment(vertical="top", horizontal="center")
        ),
    )

    def text(value: str | None) -> str:
        return cells.text_fragment(value, text_id, quoted)

    # Column letters by header, so that the row template follows RESULTS' column order.
    letter = dict(zip(headers, cells.column_letters(len(headers)), strict=True))
    c_launch, c_bench, c_name = letter["Launch"], letter["Benchmark id"], letter["Benchmark"]
    c_cat, c_cohort_id, c_cohort = letter["Category"], letter["Cohort id"], letter["Cohort"]
    c_model, c_label, c_dev = letter["Model id"], letter["Model"], letter["Developer"]
    c_launched, c_mode, c_score = letter["Launched"], letter["Mode id"], letter["Score"]
    c_scale, c_dir, c_rank = letter["Scale"], letter["Direction"], letter["Rank"]
    c_gap, c_standing, c_comp = letter["Gap to leader"], letter["Standing"], letter["Comparison"]
    c_claim, c_quoted = letter["Claim"], letter["Quoted"]
    c_set, c_own = letter["Settings"], letter["Result settings"]
    c_warn, c_vendor = letter["Comparability"], letter["Vendor only"]
    c_ids, c_prov = letter["Source ids"], letter["Provenance"]
    c_as_of = letter["As-of"]
    shapes, gap_shapes = digest.score_shapes, digest.gap_shapes

    def rows() -> Iterator[bytes]:
        # Repeated values are rendered once: per benchmark, model, cohort, board, source list.
        launch_id = text(launch.id)
        bench = {
            b.id: (
                text(b.id), text(b.name), text(b.category), text(enum_word(b.scale.value)),
                text(enum_word(b.direction.value)),
            )
            for b in launch.benchmarks
        }  # fmt: skip
        as_of = cells.date_fragment(launch.as_of, date_id, text_id)
        model = {
            m.id: (
                text(m.id), text(m.label), text(m.developer),
                cells.bool_fragment(m.launched, bool_id),
            )
            for m in launch.models
        }  # fmt: skip
        mode = {m.id: text(m.id) for m in launch.modes}
        cohort = {c.id: (text(c.id), text(c.name)) for c in launch.cohorts}
        warnings_ = [text(board.warning) for board in boards]
        entries = [board.entries for board in boards]
        unranked, in_words = text("no rival numbers"), text("in words only")
        sources = {
            key: (text(ids), text(names), cells.bool_fragment(vendor, bool_id))
            for key, (ids, names, vendor) in cited.items()
        }
        said: dict[str | None, str] = {}
        chunk: list[str] = []
        size = 0
        for index, result in enumerate(launch.results):
            number = index + 2
            b_id, b_name, b_category, b_scale, b_direction = bench[result.benchmark]
            m_id, m_label, m_developer, m_launched = model[result.model]
            cite = sources.get(result.sources)
            if cite is None:
                ids, names, vendor = citation(result)
                cite = (text(ids), text(names), cells.bool_fragment(vendor, bool_id))
            s_ids, s_names, s_vendor = cite
            rank_value = ranks[index]
            board = board_of[index]
            claim = result.claim
            height = ""
            if claim is not None and fit_rows and len(claim) > claim_width:
                lines = _lines(claim, claim_width)
                height = f' ht="{min(409, 15 * lines + 3)}" customHeight="1"'
            row = str(number)
            parts = [
                f'<row r="{row}"{height}><c r="{c_launch}{row}"{launch_id}'
                f'<c r="{c_bench}{row}"{b_id}<c r="{c_name}{row}"{b_name}'
                f'<c r="{c_cat}{row}"{b_category}'
            ]
            if result.cohort is not None:
                k_id, k_name = cohort[result.cohort]
                parts.append(f'<c r="{c_cohort_id}{row}"{k_id}<c r="{c_cohort}{row}"{k_name}')
            parts.append(f'<c r="{c_model}{row}"{m_id}<c r="{c_label}{row}"{m_label}')
            if m_developer:
                parts.append(f'<c r="{c_dev}{row}"{m_developer}')
            parts.append(f'<c r="{c_launched}{row}"{m_launched}')
            if result.mode is not None:
                parts.append(f'<c r="{c_mode}{row}"{mode[result.mode]}')
            if result.score is not None:
                score = cells.number_fragment(result.score, number_ids[shapes[index]])
                if score:
                    parts.append(f'<c r="{c_score}{row}"{score}')
            parts.append(f'<c r="{c_scale}{row}"{b_scale}<c r="{c_dir}{row}"{b_direction}')
            if rank_value:
                parts.append(f'<c r="{c_rank}{row}"{cells.number_fragment(rank_value, rank_id)}')
            gap = cells.number_fragment(_gap(gaps[index]), number_ids[gap_shapes[index]])
            if gap:
                parts.append(f'<c r="{c_gap}{row}"{gap}')
            if result.score is None:
                standing_cell = in_words
            elif rank_value:
                standing_cell = text(f"#{rank_value} of {entries[board]}")
            else:
                standing_cell = unranked
            parts.append(f'<c r="{c_standing}{row}"{standing_cell}')
            if result.comparisons:
                parts.append(f'<c r="{c_comp}{row}"{text(format_comparisons(result.comparisons))}')
            if claim is not None:
                parts.append(
                    f'<c r="{c_claim}{row}"{cells.text_fragment(claim, claim_id, claim_quoted)}'
                    f'<c r="{c_quoted}{row}"{cells.bool_fragment(result.quoted, bool_id)}'
                )
            words = settings_words(result)
            if words:
                shown = said.get(words)
                if shown is None:
                    shown = said[words] = text(words)
                parts.append(f'<c r="{c_set}{row}"{shown}')
            if result.settings is not None:
                parts.append(f'<c r="{c_own}{row}"{text(_mapping_cell(result.settings))}')
            if warnings_[board]:
                parts.append(f'<c r="{c_warn}{row}"{warnings_[board]}')
            parts.append(f'<c r="{c_vendor}{row}"{s_vendor}')
            if s_ids:
                parts.append(f'<c r="{c_ids}{row}"{s_ids}<c r="{c_prov}{row}"{s_names}')
            if as_of:
                parts.append(f'<c r="{c_as_of}{row}"{as_of}')
            parts.append("</row>")
            line = "".join(parts)
            chunk.append(line)
            size += len(line)
            if size >= _CHUNK_CHARS:
                yield "".join(chunk).encode("utf-8")
                chunk.clear()
                size = 0
        if chunk:
            yield "".join(chunk).encode("utf-8")

    book.splices[ws] = rows


def _gap(gap: float) -> float | None:
    """The leaderboard's gap (already rounded past float noise by the analysis), or ``None``
    for a result without a number (NaN in the flat arrays)."""
    return None if math.isnan(gap) else gap


def _write_launch_fields(book: _Book) -> None:
    """Launch: the record's own fields (id, title, as-of date, developer, license), one per row."""
    ws = book.sheet(LAUNCH_SHEET.sheet)
    rows = list(launch_field_rows(book.launch))
    columns = LAUNCH_SHEET.columns
    headers = [column.header for column in columns]
    wrapped = [False, True, True]
    widths = _prepare_columns(
        ws,
        book,
        headers,
        [column.derived for column in columns],
        ([path, value, about] for path, value, about, _kind in rows),
        wrapped,
    )
    top = Alignment(vertical="top", wrap_text=True)
    field_writer = _Writer(ws, _Style(alignment=Alignment(vertical="top")))
    text_writer = _Writer(ws, _Style(alignment=top))
    date_writer = _Writer(ws, _Style(alignment=top, number_format=_DATE_FORMAT))
    int_writer = _Writer(ws, _Style(alignment=top, number_format="0"))
    bool_writer = _Writer(ws, _Style(alignment=top, number_format=_BOOL_FORMAT))
    about_writer = _Writer(ws, _Style(alignment=top, font=_font(italic=True, color="595959")))
    writers = {Kind.DATE: date_writer, Kind.INT: int_writer, Kind.BOOL: bool_writer}
    for row_number, (path, value, about, kind) in enumerate(rows, start=2):
        height = _row_height([path, value, about], widths, wrapped)
        if height is not None:
            ws.row_dimensions[row_number].height = height
        writer = writers.get(kind, text_writer)
        ws.append([field_writer(path), writer(value), about_writer(about)])
    book.table(ws, LAUNCH_SHEET.table, headers, len(rows))


# --------------------------------------------------------------------------- benchmarks matrix


#: The matrix's columns before the models' (the models' start after them).
_MATRIX_HEADERS = ("Leaderboard", "Cohort", "Category", "Direction", "Ranked")
_MATRIX_FIXED = len(_MATRIX_HEADERS)
_MATRIX_NOTE = "Note"


def _model_headers(book: _Book) -> list[str]:
    """Unique, printable column headers for the models; launched models are marked.

    A Table's column names must equal its header cells as Excel reads them, so the
    headers hold nothing Excel would decode or evaluate: no control characters, no
    line breaks, no leading formula sign, no text that reads as an ``_xHHHH_`` escape.
    """
    headers: list[str] = []
    taken = {h.casefold() for h in (*_MATRIX_HEADERS, _MATRIX_NOTE)}
    seen: set[str] = set()
    for model in book.launch.models:
        text = " ".join(_display(model.label).split())
        text = _ESCAPE_LIKE.sub(lambda match: "_ " + match.group(0)[1:], text)
        text = text.lstrip("=+-@'\ufffd ")[:80].strip() or model.id
        if model.launched:
            text = f"{text} (launched)"
        if text.casefold() in seen or text.casefold() in taken:
            text = f"{text} [{model.id}]"
        seen.add(text.casefold())
        headers.append(text)
    return headers


#: An A4 page in landscape holds this many of Excel's character widths across at 100%
#: (Excel fits about 135; LibreOffice, measured, about 104), and this many points down
#: (within the default margins).
_PAGE_CHARS = 100.0
_PAGE_POINTS = 450.0
#: The matrix prints no smaller than this (percent): 6-point text; wider, it continues on
#: pages across.
_SMALLEST_PRINT = 55
#: Excel keeps at most this many manual page breaks on a sheet.
_MAX_PAGE_BREAKS = 1_000


def _print_matrix(
    ws: Any, widths: Sequence[float], heights: Sequence[float], plan: Sequence[_Board]
) -> None:
    """Print the matrix at a size that reads, one category's leaderboards kept on one page.

    The header row and the Leaderboard column repeat on every page; a matrix too wide
    for a page at :data:`_SMALLEST_PRINT` percent continues on pages across. A category
    starts a new page when it would not fit on the rest of the current one (Excel
    ignores page breaks on a sheet scaled to fit, so the scale is fixed instead).
    """
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:A"
    total = sum(widths)
    scale = 100 if total <= _PAGE_CHARS else max(_SMALLEST_PRINT, int(100 * _PAGE_CHARS / total))
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = scale
    room = _PAGE_POINTS * 100 / scale - 32  # the header row repeats on each page
    used = 0.0
    breaks = 0
    start = 0
    while start < len(plan) and breaks < _MAX_PAGE_BREAKS:
        category = plan[start].benchmark.category
        stop = start
        while stop < len(plan) and plan[stop].benchmark.category == category:
            stop += 1
        height = sum(heights[start:stop])
        if used and used + height > room:
            ws.row_breaks.append(Break(id=start + 1))  # after the row above (rows from 2)
            breaks += 1
            used = 0.0
        used = (used + height) % room if height > room else used + height
        start = stop


def _claim_words(claim: str | None, *, quoted: bool) -> str:
    """A claim as shown: the source's exact words in quotation marks, a paraphrase plainly.

    Readers quote what is in quotation marks, so only words the record holds as the
    source's own are put in them.
    """
    if not claim:
        return ""
    return f"“{claim}”" if quoted else claim


def _qualitative_note(book: _Book, results: Sequence[Result]) -> str:
    lines = []
    for result in results:
        parts = []
        for comparison in result.comparisons:
            rivals = ", ".join(book.models[m].label for m in comparison.versus) or "the field"
            parts.append(f"{comparison.relation.label} {rivals}")
        claim = _claim_words(result.claim, quoted=result.quoted)
        text = "; ".join(parts) if parts else claim
        if result.mode:
            text = f"{book.modes[result.mode].name}: {text}"
        names = ", ".join(book.sources[s].name for s in result.sources)
        lines.append(f"{text} — {names}" if names else text)
        if parts and claim:
            lines.append(claim)
    return _clip(_display("\n".join(lines)), 2000)


def _write_matrix(book: _Book) -> None:
    """Benchmarks: one row per leaderboard (benchmark and cohort), one column per model.

    The leader of each ranked row is highlighted; a row without a rival's number is
    not ranked (Ranked FALSE) and nothing in it is highlighted. Launched models'
    columns are marked; a shaded empty cell has a note with what the source says
    without a number, rivals' words included; the Note column carries the
    comparability warning. As for Results, openpyxl writes the frame and the rows are
    streamed as text; the notes go through openpyxl's comment records.
    """
    launch = book.launch
    ws = book.sheet("Benchmarks")
    plan = book.plan.rows
    model_headers = _model_headers(book)
    first = _MATRIX_FIXED  # 0-based index of the first model column
    headers = [*_MATRIX_HEADERS, *model_headers, _MATRIX_NOTE]
    launched = [model.launched for model in launch.models]
    lengths = [max(len(h) + 5, 10) for h in headers]
    for board in plan[:_WIDTH_SAMPLE]:
        lengths[0] = max(lengths[0], len(board.title) + 2)
        lengths[1] = max(lengths[1], len(board.cohort or "") + 2)
        lengths[2] = max(lengths[2], len(board.benchmark.category) + 2)
    lengths[4] = 10
    for index in range(first, first + len(model_headers)):
        lengths[index] = min(lengths[index], 16)  # the header wraps onto two lines
    lengths[-1] = 30
    # Long leaderboard, cohort and category names and notes wrap in their cells rather than
    # being cut.
    caps = [40, 30, 24]
    widths = [
        float(min(length, caps[index] if index < len(caps) else 40))
        for index, length in enumerate(lengths)
    ]
    for index, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    ws.freeze_panes = "B2"
    name_widths = [*widths[:3], widths[-1]]
    # How many lines the wrapped names of each row take (the streamed rows get its height).
    row_lines = [
        max(
            _lines(name, width, 1.0)  # names break at words: count a line short
            for name, width in zip(
                (board.title, board.cohort, board.benchmark.category, board.note),
                name_widths,
                strict=True,
            )
        )
        for board in plan
    ]
    _print_matrix(ws, widths, [15.0 * lines + 3 for lines in row_lines], plan)
    launched_header = _Style(
        font=_font(bold=True, color="FFFFFF"),
        fill=PatternFill("solid", fgColor=book.accent),
        alignment=Alignment(vertical="center", wrap_text=True),
    )
    other_header = _Style(
        font=_font(bold=True, color="1F1F1F"),
        fill=PatternFill("solid", fgColor=_tint(book.accent, 0.7)),
        alignment=Alignment(vertical="center", wrap_text=True),
    )
    header_cells = [other_header.cell(ws, h) for h in headers]
    for index, is_launched in enumerate(launched):
        if is_launched:
            header_cells[first + index] = launched_header.cell(ws, headers[first + index])
    _header_note(
        header_cells[0],
        "A view of the Results sheet: edit scores there. One row per leaderboard (a benchmark"
        " in a cohort). The best score of each ranked row is highlighted; a row where no rival"
        " has a number is not ranked. A shaded empty cell has a note with what the source says"
        " without a number.",
    )
    ws.row_dimensions[1].height = 32
    ws.append(header_cells)
    book.table(ws, "BenchmarkMatrix", headers, len(plan))
    if launch.models and plan:
        left = get_column_letter(first + 1)
        right = get_column_letter(first + len(launch.models))
        # Only a ranked row has a leader: a lone number is no win.
        formula = (
            f'AND($E2=TRUE,ISNUMBER({left}2),{left}2=IF($D2="Lower",'
            f"MIN(${left}2:${right}2),MAX(${left}2:${right}2)))"
        )
        ws.conditional_formatting.add(
            f"{left}2:{right}{len(plan) + 1}",
            FormulaRule(
                formula=[formula],
                font=_font(bold=True, color="7F6000"),
                fill=PatternFill(fill_type="solid", start_color="FFE699", end_color="FFE699"),
                stopIfTrue=False,
            ),
        )

    quoted = book.style_id(ws, _Style(), quoted=True)
    wrapping = _Style(alignment=Alignment(vertical="top", wrap_text=True))
    wrap_id = book.style_id(ws, wrapping)
    wrap_quoted = book.style_id(ws, wrapping, quoted=True)
    shapes = list(book.digest.shapes)
    # Every cell top-aligned, as the wrapped names are.
    top = Alignment(vertical="top")
    plain_numbers = [
        book.style_id(ws, _Style(number_format=number_format(shape), alignment=top))
        for shape in shapes
    ]
    launched_numbers = [
        book.style_id(
            ws,
            _Style(number_format=number_format(shape), fill=book.launched_fill, alignment=top),
        )
        for shape in shapes
    ]
    launched_empty = cells.empty_fragment(book.style_id(ws, _Style(fill=book.launched_fill)))
    noted = cells.empty_fragment(book.style_id(ws, _Style(fill=book.note_fill)))
    bool_id = book.style_id(
        ws,
        _Style(
            number_format=_BOOL_FORMAT, alignment=Alignment(horizontal="center", vertical="top")
        ),
    )
    note_id = book.style_id(
        ws,
        _Style(
            font=_font(italic=True, color="595959"),
            alignment=Alignment(vertical="top", wrap_text=True),
        ),
    )
    letters = cells.column_letters(len(headers))
    # Notes are drawn one by one by Excel; past a thousand they slow every opening, and
    # what they say is on the Results sheet anyway.
    notes_left = _MAX_NOTES
    for row_number, board in enumerate(plan, start=2):
        if notes_left <= 0:
            break
        for index, model in enumerate(launch.models):
            if model.id in board.several:
                text = board.several[model.id]
            elif model.id in board.words:
                text = _qualitative_note(book, board.words[model.id])
            else:
                continue
            cell = WriteOnlyCell(ws)
            cell.row, cell.column = row_number, first + 1 + index
            cell.comment = Comment(_clip(_display(text), 2000), _AUTHOR, height=110, width=320)
            # The write-only sheet collects notes from the cells openpyxl writes; these
            # rows are written as text, so their notes are handed over directly.
            ws._comments.append(CommentRecord.from_cell(cell))
            notes_left -= 1
            if notes_left <= 0:
                break

    def rows() -> Iterator[bytes]:
        chunk: list[str] = []
        size = 0
        note_letter = letters[-1]
        for row_number, board in enumerate(plan, start=2):
            row = str(row_number)
            benchmark = board.benchmark
            lines = row_lines[row_number - 2]
            height = f' ht="{min(409, 15 * lines + 3)}" customHeight="1"' if lines > 1 else ""
            parts = [
                f'<row r="{row}"{height}>'
                f'<c r="A{row}"{cells.text_fragment(board.title, wrap_id, wrap_quoted)}'
            ]
            if board.cohort is not None:
                parts.append(
                    f'<c r="B{row}"{cells.text_fragment(board.cohort, wrap_id, wrap_quoted)}'
                )
            parts.append(
                f'<c r="C{row}"{cells.text_fragment(benchmark.category, wrap_id, wrap_quoted)}'
                f'<c r="D{row}"{cells.text_fragment(enum_word(benchmark.direction.value), wrap_id)}'
                f'<c r="E{row}"{cells.bool_fragment(board.contested, bool_id)}'
            )
            scores, shape_of, words = board.scores, board.shapes, board.words
            for index, model in enumerate(launch.models):
                is_launched = launched[index]
                score = scores[index]
                if score == score:  # not NaN: the model has a number
                    styles = launched_numbers if is_launched else plain_numbers
                    fragment = cells.number_fragment(score, styles[shape_of[index]])
                elif model.id in words:
                    fragment = noted
                elif is_launched:
                    fragment = launched_empty
                else:
                    continue
                parts.append(f'<c r="{letters[first + index]}{row}"{fragment}')
            note = board.note
            if note:
                parts.append(
                    f'<c r="{note_letter}{row}"{cells.text_fragment(note, note_id, quoted)}'
                )
            parts.append("</row>")
            line = "".join(parts)
            chunk.append(line)
            size += len(line)
            if size >= _CHUNK_CHARS:
                yield "".join(chunk).encode("utf-8")
                chunk.clear()
                size = 0
        if chunk:
            yield "".join(chunk).encode("utf-8")

    book.splices[ws] = rows


# --------------------------------------------------------------------------- charts


def _scale_words(key: tuple[Scale, tuple[float, float] | None, Direction]) -> str:
    """``"percent, higher is better"``, ``"points, 0 to 10, higher is better"``."""
    scale, bounds, direction = key
    better = "higher is better" if direction is Direction.HIGHER else "lower is better"
    if scale in (Scale.POINTS, Scale.ELO) and bounds is not None:
        return f"{scale.value}, {_bound(bounds[0])} to {_bound(bounds[1])}, {better}"
    return f"{scale.value}, {better}"


def _chart_heading(chart: _Chart) -> str:
    """The chart's title: what it shows, on which scale, and what is left out."""
    if chart.ranked:
        board = chart.boards[0]
        title = f"{board.title} ({_scale_words(chart.key)})"
        if not board.contested:
            title += "; no rival numbers: not ranked"
        if chart.total > len(chart.models):
            title += f"; the best {len(chart.models)} of {chart.total}"
        return title
    category = chart.category[:1].upper() + chart.category[1:]
    cohort = chart.boards[0].cohort
    return f"{category} scores ({_scale_words(chart.key)})" + (f", {cohort}" if cohort else "")


def _table_heading(chart: _Chart) -> str:
    """The heading of the chart's table: the leaderboard, or the category and cohort."""
    if chart.ranked:
        return chart.boards[0].title
    category = chart.category[:1].upper() + chart.category[1:]
    cohort = chart.boards[0].cohort
    return f"{category} ({cohort})" if cohort else category


def _counts_worth_a_chart(values: Iterable[int]) -> bool:
    """Whether counts make a chart worth reading: bars of 0 and 1 say less than their table."""
    return any(value > 1 for value in values)


class _ChartSheet:
    """The Charts sheet as it is written: each chart beside the table of the numbers it draws."""

    def __init__(self, book: _Book, widest: int, labels: Iterable[str]) -> None:
        self.book = book
        self.ws = ws = book.sheet("Charts")
        ws.sheet_view.showGridLines = False
        # Labels wrap rather than being cut: as wide as the longest (within reason).
        self.label_width = float(min(40, max([18, *(len(label) + 2 for label in labels)])))
        self.widest = max(2, widest)
        widths = [2.0, self.label_width] + [11.0] * self.widest + [3.0]
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        #: Charts are anchored right of the widest table.
        self.anchor = get_column_letter(len(widths) + 1)
        self.row = 0  # the last row written
        # Printed at a fixed scale that fits a table and its chart across the page, so that
        # a block starts a new page when it would not fit the rest of one (Excel ignores
        # page breaks on a sheet scaled to fit). A chart 18 cm wide is about 97 characters.
        across = sum(widths) + 97
        scale = max(10, min(100, int(100 * _PAGE_CHARS / across)))
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = scale
        self.page_room = _PAGE_POINTS * 100 / scale
        self.page_used = 0.0
        self.heights: dict[int, float] = {}
        self.label = _Style(alignment=Alignment(vertical="top", wrap_text=True))
        self.launched_label = _Style(
            font=_font(bold=True, color=book.accent),
            fill=book.launched_fill,
            alignment=Alignment(vertical="top", wrap_text=True),
        )
        self.launched_header = _Style(
            font=_font(bold=True, italic=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=book.accent),
            alignment=Alignment(vertical="center", wrap_text=True),
        )
        self.header = _Style(
            font=_font(bold=True, italic=True, color="404040"),
            fill=PatternFill("solid", fgColor="E4E4E4"),
            alignment=Alignment(vertical="center", wrap_text=True),
        )
        self.section = _Style(
            font=_font(bold=True, size=12, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=book.accent),
            alignment=Alignment(vertical="top", wrap_text=True, shrink_to_fit=False),
        )
        self.numbers: dict[str, _Style] = {}

    def append(self, cells: list[Any], height: float | None = None) -> None:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
            self.heights[self.row] = height
        self.ws.append(cells)

    def keep_together(self, start: int) -> None:
        """Start a new page before the block that began at row ``start`` if it does not fit
        the rest of the current page."""
        height = sum(self.heights.get(row, 15.0) for row in range(start, self.row + 1))
        if self.page_used and self.page_used + height > self.page_room:
            self.ws.row_breaks.append(Break(id=start - 1))
            self.page_used = 0.0
        self.page_used = (self.page_used + height) % self.page_room

    def number(self, value: float | int | None, code: str) -> Any:
        if value is None:
            return None
        style = self.numbers.get(code)
        if style is None:
            style = self.numbers[code] = _Style(number_format=code)
        return style.cell(self.ws, value)

    def block(
        self,
        title: str,
        headings: Sequence[tuple[str, bool]],
        rows: Sequence[tuple[str, bool, Sequence[Any]]],
        chart: Any | None,
    ) -> tuple[int, int]:
        """A table (a title, headings, rows of a label and numbers) with ``chart`` beside it.

        ``headings`` and rows carry whether they are a launched model's (highlighted).
        Returns the first and last row of the numbers, for the chart's references.
        """
        start = self.row + 1
        book = self.book
        title = _clip(_display(title), 1000)
        # The band spans the table: a title runs across it, and one longer than the band
        # wraps in its first cell.
        span = self.label_width + 11.0 * self.widest
        if len(title) * 1.1 <= span:
            first_cell, height = book.section.cell(self.ws, title), 20.0
        else:
            first_cell = self.section.cell(self.ws, title)
            height = max(20.0, 17.0 * _lines(title, self.label_width, 0.95) + 4)
        self.append(
            [None, first_cell] + [book.section.cell(self.ws) for _index in range(self.widest)],
            height=height,
        )
        header_height = 30.0 if any(len(h) > 11 for h, _l in headings[1:]) else None
        self.append(
            [None]
            + [
                (self.launched_header if is_launched else self.header).cell(self.ws, heading)
                for heading, is_launched in headings
            ],
            height=header_height,
        )
        first = self.row + 1
        for label, is_launched, values in rows:
            self.append(
                [
                    None,
                    (self.launched_label if is_launched else self.label).cell(self.ws, label),
                    *values,
                ],
                height=_row_height([label], [self.label_width], [True], [1.0]),
            )
        last = self.row
        if chart is not None:
            self.ws.add_chart(chart, f"{self.anchor}{start}")
            # Room for the chart (a row is 0.53 cm high) before the next block.
            while self.row < start + math.ceil(chart.height / 0.53):
                self.append([])
        self.append([])
        self.keep_together(start)
        return first, last


def _write_charts(book: _Book) -> None:
    """Charts: the benchmark charts as the deck draws them, leads and trails, rollout.

    Every chart is a native, editable chart over the table at its left on this sheet:
    launched models in the accent color, rivals in neutral grays; a ranked chart lists
    the models best first. Counts of 0 and 1 are left as a table, without a chart.
    """
    launch = book.launch
    plan = book.plan
    shown = plan.charts[:_MOST_CHARTS]
    models = launch.models
    verdicts = [(c.category, c.leads, c.trails) for c in book.categories if c.leads or c.trails]
    groups = analysis.rollout(launch).groups
    labels = [
        *(board.benchmark.name for chart in shown if not chart.ranked for board in chart.boards),
        *(models[index].label for chart in shown if chart.ranked for index in chart.models),
        *(category for category, _leads, _trails in verdicts),
    ]
    sheet = _ChartSheet(
        book, max((1 if c.ranked else len(c.models) for c in shown), default=1), labels
    )
    ws = sheet.ws
    names = book.launched_names
    sheet.append([None, book.title.cell(ws, "Charts")], height=30)
    about = [
        f"{names} in the accent color, rivals in gray. Each chart draws the table at its left.",
        "A leaderboard where one model alone has a number is left out when its category has"
        " comparisons; leaderboards known only from the source's words are not charted.",
    ]
    if len(plan.charts) > len(shown):
        about.append(
            f"The first {len(shown)} of {len(plan.charts)} charts are here; every leaderboard"
            " is on the Benchmarks sheet."
        )
    for line in about:
        sheet.append([None, book.subtitle.cell(ws, _clip(_display(line)))])
    sheet.append([])
    digest_shapes = {index: shape for shape, index in book.digest.shapes.items()}
    for chart in shown:
        codes = {
            index: number_format(digest_shapes[board.shapes[index]])
            for board in chart.boards
            for index in chart.models
            if board.scores[index] == board.scores[index]
        }
        bar_chart = _benchmark_chart(chart)
        if chart.ranked:
            board = chart.boards[0]
            rows = [
                (
                    models[index].label,
                    models[index].launched,
                    [sheet.number(board.scores[index], codes[index])],
                )
                for index in chart.models
            ]
            headings = [("Model", False), ("Score", False)]
        else:
            rows = [
                (
                    board.benchmark.name,
                    False,
                    [
                        sheet.number(
                            board.scores[index]
                            if board.scores[index] == board.scores[index]
                            else None,
                            number_format(digest_shapes[board.shapes[index]]),
                        )
                        for index in chart.models
                    ],
                )
                for board in chart.boards
            ]
            headings = [("Leaderboard", False)] + [
                (_clip(_display(models[index].label), 255), models[index].launched)
                for index in chart.models
            ]
        first, last = sheet.block(_table_heading(chart), headings, rows, bar_chart)
        _fill_benchmark_chart(book, bar_chart, chart, ws, first, last)

    if verdicts:
        worth = _counts_worth_a_chart(v for _c, leads, trails in verdicts for v in (leads, trails))
        count_chart = (
            _count_chart(
                title=f"Where {names} {'leads' if len(launch.launched) == 1 else 'lead'} and"
                f" {'trails' if len(launch.launched) == 1 else 'trail'} rivals, by category"
                " (benchmarks)",
                value_title="Benchmarks",
                category_title="Category",
                bars=len(verdicts) * 2,
                groups=len(verdicts),
                horizontal=True,
            )
            if worth
            else None
        )
        first, last = sheet.block(
            "Leads and trails",
            [("Category", False), ("Leads", False), ("Trails", False)],
            [
                (category, False, [sheet.number(leads, "0"), sheet.number(trails, "0")])
                for category, leads, trails in verdicts
            ],
            count_chart,
        )
        if count_chart is not None:
            for column, color in ((3, book.accent), (4, RIVAL_GREYS[1])):
                series = Series(Reference(ws, min_col=column, min_row=first, max_row=last))
                series.tx = SeriesLabel(
                    strRef=StrRef(f"'Charts'!${get_column_letter(column)}${first - 1}")
                )
                _colour_series(series, color, "0")
                count_chart.series.append(series)
            count_chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last))

    if groups:
        counts = [len(surfaces) for _status, surfaces in groups]
        count_chart = (
            _count_chart(
                title=f"Where {names} {'ships' if len(launch.launched) == 1 else 'ship'}:"
                " surfaces by rollout status",
                value_title="Surfaces",
                category_title="Status",
                bars=0,
                groups=0,
                horizontal=False,
            )
            if _counts_worth_a_chart(counts)
            else None
        )
        first, last = sheet.block(
            "Rollout",
            [("Status", False), ("Surfaces", False)],
            [
                (enum_word(status.value), False, [sheet.number(count, "0")])
                for (status, _surfaces), count in zip(groups, counts, strict=True)
            ],
            count_chart,
        )
        if count_chart is not None:
            count_chart.legend = None
            series = Series(Reference(ws, min_col=3, min_row=first, max_row=last))
            series.tx = SeriesLabel(strRef=StrRef(f"'Charts'!$C${first - 1}"))
            _colour_series(series, STATUS_COLORS[groups[0][0]], "0")
            for index, (status, _surfaces) in enumerate(groups):
                _colour_point(series, index, STATUS_COLORS[status])
            count_chart.series.append(series)
            count_chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last))


def _count_chart(
    *, title: str, value_title: str, category_title: str, bars: int, groups: int, horizontal: bool
) -> Any:
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    _style_chart(
        chart,
        title=title,
        value_title=value_title,
        category_title=category_title,
        number_format="0",
        bars=bars,
        groups=groups,
    )
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorUnit = 1
    if not horizontal:
        chart.x_axis.scaling.orientation = "minMax"
        chart.y_axis.crosses = "autoZero"
    return chart


def _benchmark_chart(chart: _Chart) -> Any:
    """The bar chart of ``chart``, without its series yet (they need the table's rows)."""
    scale, bounds, _direction = chart.key
    bar_chart = BarChart()
    bar_chart.type = "bar"
    bar_chart.grouping = "clustered"
    unit = {Scale.PERCENT: "percent", Scale.PERCENTILE: "percentile"}.get(scale, scale.value)
    _style_chart(
        bar_chart,
        title=_chart_heading(chart),
        value_title=f"Score ({unit})",
        category_title="Model" if chart.ranked else "Leaderboard",
        # Axes count in round steps; the bars' labels keep each number's decimals.
        number_format={Scale.PERCENT: "0", Scale.PERCENTILE: "0", Scale.FRACTION: "0.0"}.get(
            scale, "General"
        ),
        bars=len(chart.models) * (1 if chart.ranked else len(chart.boards)),
        groups=len(chart.models) if chart.ranked else len(chart.boards),
    )
    if bounds is not None:
        bar_chart.y_axis.scaling.min, bar_chart.y_axis.scaling.max = bounds
    if chart.ranked:
        bar_chart.legend = None
        bar_chart.gapWidth = 40
    return bar_chart


def _fill_benchmark_chart(
    book: _Book, bar_chart: Any, chart: _Chart, ws: Any, first: int, last: int
) -> None:
    """Series over the table's rows ``first``–``last``: launched in the accent, rivals gray."""
    labels = _label_code(book, chart)
    models = book.launch.models
    if chart.ranked:
        series = Series(Reference(ws, min_col=3, min_row=first, max_row=last))
        series.tx = SeriesLabel(strRef=StrRef(f"'Charts'!$C${first - 1}"))
        _colour_series(series, RIVAL_GREYS[0], labels)
        for position, index in enumerate(chart.models):
            if models[index].launched:
                _colour_point(series, position, book.accent)
        bar_chart.series.append(series)
    else:
        mine = rivals = 0
        for offset, index in enumerate(chart.models):
            column = 3 + offset
            if models[index].launched:
                # Siblings in tones of the accent, the first launched model in the accent itself.
                color = _tint(book.accent, min(0.6, 0.3 * mine))
                mine += 1
            else:
                color = RIVAL_GREYS[rivals % len(RIVAL_GREYS)]
                rivals += 1
            series = Series(Reference(ws, min_col=column, min_row=first, max_row=last))
            series.tx = SeriesLabel(
                strRef=StrRef(f"'Charts'!${get_column_letter(column)}${first - 1}")
            )
            _colour_series(series, color, labels)
            bar_chart.series.append(series)
    bar_chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last))


def _label_code(book: _Book, chart: _Chart) -> str:
    """The number formats of the chart's bars: one shared format labels every bar as written."""
    by_index = {index: shape for shape, index in book.digest.shapes.items()}
    kinds = {
        by_index[board.shapes[index]]
        for board in chart.boards
        for index in chart.models
        if board.scores[index] == board.scores[index]
    }
    if all(kind == "fixed" for kind, _places, _integers in kinds):
        return number_format(("fixed", max((p for _k, p, _i in kinds), default=0), 1))
    return "General"


def _style_chart(
    chart: Any,
    *,
    title: str,
    value_title: str,
    category_title: str,
    number_format: str,
    bars: int,
    groups: int,
) -> None:
    """Titles, axes that show, categories top-down, a legend below, a size that fits the bars."""
    chart.title = _chart_title(title, 1200)
    chart.y_axis.title = _clip(_display(value_title), 250)
    chart.x_axis.title = _clip(_display(category_title), 250)
    # openpyxl hides both axes unless told otherwise.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # Bar charts list categories bottom-up; reverse so they read in sheet order.
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.crosses = "max"
    chart.y_axis.majorGridlines = None
    chart.y_axis.number_format = number_format
    chart.gapWidth = 60
    chart.legend.position = "b"
    chart.width = 18.0
    chart.height = float(min(40.0, max(7.5, 3.5 + 0.5 * bars + 0.3 * groups)))


def _chart_title(text: str, size: int) -> Title:
    """A chart title in bold at ``size`` hundredths of a point (the default is large)."""
    properties = CharacterProperties(sz=size, b=True)
    run = RegularTextRun(rPr=properties, t=_clip(_display(text), 250))
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=properties), r=[run])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _colour_series(series: Any, colour: str, number_format: str) -> None:
    series.graphicalProperties.solidFill = colour
    series.graphicalProperties.line.solidFill = colour
    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    series.dLbls.showSerName = False
    series.dLbls.showCatName = False
    series.dLbls.showLegendKey = False
    series.dLbls.numFmt = number_format


def _colour_point(series: Any, index: int, colour: str) -> None:
    """One bar of ``series`` in its own color (a launched model's, a rollout status')."""
    point = DataPoint(idx=index)
    point.graphicalProperties.solidFill = colour
    point.graphicalProperties.line.solidFill = colour
    series.dPt.append(point)


def _bound(value: float) -> str:
    return analysis.format_score(value)


# --------------------------------------------------------------------------- summary and about


class _Page:
    """A presentation sheet (Summary, About): label, text and source columns, sections."""

    def __init__(self, book: _Workbook, title: str, widths: Sequence[float]) -> None:
        self.book = book
        self.ws = book.sheet(title, landscape=False)
        self.ws.sheet_view.showGridLines = False
        self.widths = list(widths)
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.row = 0
        self.text = _Writer(self.ws, book.body)
        self.label = _Writer(self.ws, book.label)
        self.small = _Writer(self.ws, book.small)

    def append(self, cells: list[Any], height: float | None = None) -> None:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)

    def title(self, text: str, subtitle: str | None = None) -> None:
        self.append([self.book.title.cell(self.ws, _clip(text))], height=30)
        if subtitle:
            self.append([self.book.subtitle.cell(self.ws, _clip(subtitle))])

    def blank(self) -> None:
        self.append([])

    def section(self, text: str, headings: Sequence[str] = ()) -> None:
        """A band with the section's title; ``headings`` add a row naming the columns."""
        self.blank()
        cells = [self.book.section.cell(self.ws, _clip(text))]
        cells += [self.book.section.cell(self.ws) for _width in self.widths[1:]]
        self.append(cells, height=20)
        if headings:
            self.append([self.book.derived_header.cell(self.ws, h) for h in headings])

    def line(self, label: str | None, text: Any, note: str | None = None) -> None:
        values = [label, text, note][: len(self.widths)]
        wrapped = [True] * len(values)
        densities = [1.0, 1.15, 1.5][: len(values)]
        height = _row_height(values, self.widths[: len(values)], wrapped, densities)
        self.append(
            [
                self.label(_clip(label)) if label is not None else None,
                self.text(_clip(text) if isinstance(text, str) else text),
                self.small(_clip(note)) if note else None,
            ][: len(self.widths)],
            height=height,
        )


def _more(count: int, shown: int, where: str) -> str | None:
    return f"… and {count - shown:,} more (see {where})" if count > shown else None


def _license_words(license_: Any) -> str:
    weights = {True: "open weights", False: "weights not open", None: None}[license_.open_weights]
    return ", ".join(part for part in (license_.name, weights, license_.url) if part)


def _write_summary(book: _Book) -> None:
    """Summary: the launch at a glance, for someone who reads nothing else."""
    launch = book.launch
    launched = launch.launched
    names = book.launched_names
    page = _Page(book, "Summary", (26.0, 90.0, 30.0))
    page.ws.sheet_properties.tabColor = book.accent
    developer = launch.developer.name + (
        f" ({launch.developer.division})" if launch.developer.division else ""
    )
    conflicts = analysis.conflicts(launch)
    disputed = {conflict.event.strip().casefold() for conflict in conflicts}
    if "announced" in disputed:
        announced = "announcement date disputed"
    else:
        announced = (
            f"announced {launch.announced.isoformat()}" if launch.announced else "date not given"
        )
    as_of = launch.as_of.isoformat() if launch.as_of else "not given"
    page.title(
        _display(launch.title),
        _display(f"{names} · {developer} · {announced} · record as of {as_of}"),
    )

    page.section("At a glance")
    families = sorted({m.family for m in launched if m.family})
    page.line(
        "Launched" if len(launched) > 1 else "Model",
        _display(
            ", ".join(m.label for m in launched[:_SUMMARY_ROWS])
            + (
                f" … and {len(launched) - _SUMMARY_ROWS} more"
                if len(launched) > _SUMMARY_ROWS
                else ""
            )
            + (f" (family: {', '.join(families)})" if families else "")
        ),
        book.source_names(analysis.source_ids(launched)),
    )
    page.line("Developer", _display(developer), book.source_names(launch.developer.sources))
    if launch.license is not None:
        page.line(
            "License",
            _display(_license_words(launch.license)),
            book.source_names(launch.license.sources),
        )
    for event, conflict in analysis.events(launch):
        label = event.event[:1].upper() + event.event[1:]
        if conflict is not None:
            page.line(_display(label), _display(conflict.detail), "sources disagree: both kept")
        else:
            text = event.date.isoformat() + (f" ({event.note})" if event.note else "")
            page.line(_display(label), _display(text), book.source_names(event.sources))
    if launch.summary:
        page.line("The launch", _display(launch.summary))
    if len(launched) == 1:
        model = launched[0]
        if model.predecessor:
            page.line("Predecessor", _display(model.predecessor))
        if model.summary:
            page.line("The model", _display(model.summary), book.source_names(model.sources))
        for label, items in (
            ("Modalities", model.modalities),
            ("Capabilities", model.capabilities),
            ("Powers", model.powers),
        ):
            if items:
                page.line(label, _display("; ".join(items)))
    if launch.modes:
        modes = sorted(launch.modes, key=lambda m: m.order)
        page.line(
            "Reasoning modes",
            _display(", ".join(f"{m.name} ({m.availability})" for m in modes)),
            book.source_names(analysis.source_ids(modes)),
        )
    rollout = analysis.rollout(launch)
    page.line(
        "Rollout",
        _display(rollout.headline),
        book.source_names(analysis.source_ids(launch.surfaces)),
    )
    page.line(
        "Safety",
        analysis.safety(launch).headline,
        book.source_names(analysis.source_ids(launch.safety)),
    )
    cohorts = f", {len(launch.cohorts):,} cohorts" if launch.cohorts else ""
    page.line(
        "Record",
        f"{len(launch.results):,} results on {len(launch.benchmarks):,} benchmarks{cohorts},"
        f" {len(launch.models):,} models ({len(launched):,} launched), {len(launch.sources):,}"
        " sources",
    )

    if len(launched) > 1 or any(m.specs or m.license for m in launched):
        page.section("Line-up", ("Model", "Specs and license", "Sources"))
        for model in launched[:_SUMMARY_ROWS]:
            parts = (
                [analysis.describe_spec(k, v) for k, v in model.specs.items()]
                if model.specs
                else []
            )
            license_ = model.license or launch.license
            if license_ is not None:
                own = "" if model.license else " (the launch's)"
                parts.append(f"license: {_license_words(license_)}{own}")
            if model.summary and len(launched) > 1:
                parts.insert(0, model.summary)
            page.line(
                _display(model.label),
                _display("; ".join(parts) or "no specs given"),
                book.source_names(model.sources),
            )
        more = _more(len(launched), _SUMMARY_ROWS, "Models")
        if more:
            page.line(None, more)

    tiles = analysis.highlights(launch)
    if tiles:
        page.section("Highlights")
        for tile in tiles:
            page.line(tile.label, _display(f"{tile.value} — {tile.detail}"))

    card = analysis.scorecard(launch)
    verdicts = card.verdicts
    if verdicts:
        lead = "leads" if len(launched) == 1 else "lead"
        trail = "trails" if len(launched) == 1 else "trail"
        page.section(_display(f"Where {names} {lead} and {trail} rivals"))
        for verdict in verdicts[:_SUMMARY_ROWS]:
            text = verdict.sentence
            if len(launched) > 1 and verdict.model is not None:
                text = f"{verdict.model.label} {text}"
            if verdict.basis is analysis.Basis.QUALITATIVE and verdict.claim:
                text += f" — {_claim_words(verdict.claim, quoted=verdict.quoted)}"
            page.line(_display(verdict.subject), _display(text), book.source_names(verdict.sources))
        more = _more(len(verdicts), _SUMMARY_ROWS, "Results")
        if more:
            page.line(None, more)

    if len(launched) > 1:
        rows = analysis.family(launch)
        if rows:
            page.section(
                "The family on each leaderboard",
                ("Leaderboard", "Launched models", "Best of the family"),
            )
            for row in rows[:_SUMMARY_ROWS]:
                members = "; ".join(
                    f"{s.label} {analysis.format_score(s.score, row.board.benchmark)}"
                    + (f" (#{s.rank})" if s.rank is not None else "")
                    for s in row.members
                )
                best = row.best
                note = (
                    f"{best.label}, #{best.rank} of {len(row.board.standings)}"
                    if best is not None and best.rank is not None
                    else "no rival numbers: not ranked"
                )
                page.line(_display(row.board.title), _display(members), _display(note))
            more = _more(len(rows), _SUMMARY_ROWS, "Benchmarks")
            if more:
                page.line(None, more)

    warned = [
        (board.title, board.warning) for board in book.digest.boards if board.warning is not None
    ]
    if warned:
        page.section("Not strictly comparable")
        for title, warning in warned[:_SUMMARY_ROWS]:
            page.line(_display(title), _display(warning))
        more = _more(len(warned), _SUMMARY_ROWS, "Benchmarks")
        if more:
            page.line(None, more)

    if launch.safety:
        page.section("Safety findings")
        for finding in launch.safety[:_SUMMARY_ROWS]:
            blocker = {
                True: "a release blocker",
                False: "not a release blocker",
                None: "release blocker not stated",
            }[finding.release_blocker]
            text = (
                finding.title
                + (f": {finding.outcome}" if finding.outcome else "")
                + f" ({blocker})"
            )
            who = f"{finding.evaluator} ({finding.evaluation.value.replace('_', '-')})"
            page.line(_display(who), _display(text), book.source_names(finding.sources))
        more = _more(len(launch.safety), _SUMMARY_ROWS, "Safety")
        if more:
            page.line(None, more)

    gaps = analysis.gap_summary(launch)
    if gaps:
        # One line per kind of gap; `launchbrief show --gaps` lists each with its field path.
        page.section("What the record does not know")
        for line in gaps:
            page.line(None, _display(line))

    page.section("This workbook")
    page.line("Generated by", f"launchbrief {__version__} (record schema {SCHEMA_VERSION})")
    page.line("Reading it back", f'launchbrief.load("{launch.id}.xlsx") — see the About sheet')


def _write_about(book: _Book) -> None:
    """About: generator and schema, how to re-import, what each sheet and column holds."""
    launch = book.launch
    page = _Page(book, "About", (26.0, 90.0, 16.0))
    page.ws.sheet_properties.tabColor = "808080"
    page.title("About this workbook", f"{launch.title} ({launch.id})")
    page.section("Versions")
    page.line("Generated by", f"launchbrief {__version__}")
    page.line("Record schema", f"version {SCHEMA_VERSION}")
    page.line("Record as of", launch.as_of.isoformat() if launch.as_of else "not given")
    page.section("Reading it back")
    page.line(
        "In Python",
        f'launchbrief.load("{launch.id}.xlsx") returns the launch record, equal to the one exported.',
    )
    page.line(
        "At the command line",
        f"launchbrief validate {launch.id}.xlsx checks the workbook and lists every problem with"
        f" its sheet, cell and column; launchbrief export {launch.id}.xlsx -f pptx makes the"
        " briefing deck from it.",
    )
    page.line(
        "Editing",
        "Change cells, add rows below a table, delete rows, re-sort or filter the sheets"
        " marked 'read back'. Keep the header rows and the id columns. Gray headers mark"
        " computed columns, which are not read back (Launch, As-of, Rank, Standing, Settings"
        " and Comparability in Results, for instance); Summary, Benchmarks, Charts and About"
        " are views. Kinds, statuses, scales and directions show in words (Third-party,"
        " Rolling out, Percent) and take the word or the code (third_party, rolling_out)."
        " Lists of ids go in one cell, comma-separated; lists of texts"
        " (modalities, capabilities) are separated by ';'. Settings and other specs read"
        " 'shots: 5; temperature: 0.6; metric: pass@1' (a text holding ';' goes in double"
        " quotes). Comparisons read 'trails: gpt-5-4, gemini-3-1-pro; leads'. Numbers are"
        " numbers and dates are dates (or text like 2026-04-08). Text cells starting with"
        " = + - @ are kept as text.",
    )
    page.line(
        "Numbers as written",
        "A number keeps the precision it was written with through its cell's number format:"
        " 85.20 shows as 85.20 and reads back as 85.20, 66.0 as 66.0, 8e9 as 8E+9. To change"
        " how a number is written, change its number format (more or fewer decimals).",
    )
    page.line(
        "Several launches",
        "The Results sheets of several launches' workbooks stack: paste one under the other"
        " and pivot on Launch, As-of and Launched. For one workbook across launches, see"
        " launchbrief.exporters.xlsx.export_landscape.",
    )
    page.line(
        "Older workbooks",
        "Workbooks written by launchbrief 0.1.0 (record schema 1) still read: their launched"
        " model and announcement date are upgraded to this schema; so do workbooks whose"
        " license columns have their earlier British spelling.",
    )
    page.section("Sheets", ("Sheet", "What it holds", "Read back"))
    holds = {
        "Summary": "The launch at a glance: launched models and their line-up (specs, license), developer, dates and where sources disagree on them, highlights, leads and trails against rivals, the family on each leaderboard, comparability warnings, rollout, safety, open questions.",
        "Benchmarks": "One row per leaderboard (a benchmark in a cohort) × one column per model. The best score of each ranked row is highlighted; a row where no rival has a number is not ranked (Ranked FALSE) and nothing in it is highlighted. Launched models' columns are marked; shaded cells carry what the source says without a number, rivals' words included (in a note, for the first 1,000 of them); the Note column says when a row is not ranked or its entries ran under different settings.",
        "Charts": "Native bar charts of the leaderboards with numbers, as the briefing deck draws them, each beside the table of its numbers: one leaderboard (or more than six models) ranked best first, several leaderboards of one cohort and scale clustered; launched models in the accent color, rivals in gray; each axis spans its scale (0–100 for percent and percentile, a points benchmark's min to max). A leaderboard where one model alone has a number is left out when its category has comparisons; counts of 0 and 1 stay tables. Then leads and trails by category, and surfaces by rollout status.",
        "About": "This page.",
    }
    holds.update({spec.sheet: spec.about for spec in (*DATA_TABLES, LAUNCH_SHEET)})
    for name in SHEETS:
        page.line(name, holds[name], "read back" if name in _READ_SHEETS else "view")
    page.section("Columns of the data sheets", ("Sheet: column", "Holds", "Read back"))
    for spec in (*DATA_TABLES, LAUNCH_SHEET):
        for column in spec.columns:
            choices = f" ({', '.join(column.choices)})" if column.choices else ""
            page.line(
                f"{spec.sheet}: {column.header}",
                f"{column.note}{choices}",
                "computed" if column.derived else "read back",
            )
    page.section("Fields of the Launch sheet", ("Field", "Meaning"))
    for launch_field in LAUNCH_FIELDS:
        page.line(launch_field.path, launch_field.about)
    page.section("Values of the computed columns", ("Column", "Values"))
    page.line(
        "Results: Standing",
        "'#2 of 4' for a ranked number; 'no rival numbers' for a number on a leaderboard"
        " where no rival has one (it is not ranked: no rank, no gap, never a lead);"
        " 'in words only' for a result the source gives without a number.",
    )


_READ_SHEETS = frozenset(spec.sheet for spec in (*DATA_TABLES, LAUNCH_SHEET))


# --------------------------------------------------------------------------- reading


def read_workbook(path: str | Path) -> Launch:
    """Rebuild a launch from a workbook this exporter wrote, also after an analyst edited it.

    Before anything is parsed, the file is checked for zip bombs (unpacked size and
    compression ratio) and for XML entity declarations in any part
    (:func:`~launchbrief.exporters._archive.check_archive`). The sheets are then read
    as a stream, only as far as the tables go and within
    :data:`~launchbrief.exporters._xlsx_cells.MAX_READ_ELEMENTS`. Every problem is
    reported at once, each naming its sheet, cell and column header:
    ``Results!L12 (Score): results[10].score: expected a number, got 'n/a'``.

    Raises:
        InvalidLaunchError: the file is not a workbook of a valid launch.
        FileNotFoundError: there is no such file.
    """
    file = str(path)
    source = Path(path)
    check_archive(source, file, MAX_FILE_BYTES, max_elements=cells.MAX_READ_ELEMENTS)
    try:
        with zipfile.ZipFile(source) as archive:
            return _read(cells.WorkbookReader(archive), file)
    except InvalidLaunchError:
        raise
    except cells.UnreadableError as error:
        raise InvalidLaunchError([Problem(error.message, file=file, cell=error.cell)]) from None
    except _UNREADABLE as error:
        raise InvalidLaunchError(
            [
                Problem(
                    f"not a workbook launchbrief can read ({type(error).__name__}: {error})",
                    file=file,
                )
            ]
        ) from None


_UNREADABLE = (
    SyntaxError,  # ElementTree's ParseError: a part is not well-formed XML
    ValueError,
    KeyError,
    IndexError,
    zipfile.BadZipFile,
    EOFError,
    OSError,
)


def _read(workbook: cells.WorkbookReader, file: str) -> Launch:
    names = {name.casefold(): name for name in workbook.sheets}
    specs: list[TableSheet] = [LAUNCH_SHEET, *DATA_TABLES]

    def missing_sheets(wanted: Sequence[TableSheet]) -> None:
        missing = [spec.sheet for spec in wanted if spec.sheet.casefold() not in names]
        if missing:
            raise InvalidLaunchError(
                [
                    Problem(
                        f"the workbook has no sheet {sheet!r}, which holds part of the record"
                        f" (sheets: {', '.join(workbook.sheets)}); export with every data"
                        " sheet to read a workbook back",
                        file=file,
                        cell=sheet,
                    )
                    for sheet in missing
                ]
            )

    # The Launch sheet says which schema the workbook has, and so which sheets it needs.
    if LAUNCH_SHEET.sheet.casefold() not in names:
        if {"launches", "leaderboards"} <= set(names):
            raise InvalidLaunchError(
                [
                    Problem(
                        "a landscape workbook of several launches (sheets Launches, Results,"
                        " Leaderboards) is a view and does not load back as one launch; load"
                        " each launch from its own file or workbook",
                        file=file,
                    )
                ]
            )
        missing_sheets(specs)
    where = CellMap()
    where.sheet_order = {spec.sheet: position for position, spec in enumerate(specs)}
    where.fallback = {spec.collection: spec.sheet for spec in DATA_TABLES}
    where.fallback.update({f.path.split(".")[0]: LAUNCH_SHEET.sheet for f in LAUNCH_FIELDS})
    where.fallback.update({"model": LAUNCH_SHEET.sheet, "announced": LAUNCH_SHEET.sheet})
    data, structural, problems = read_launch_fields(
        workbook.rows(names[LAUNCH_SHEET.sheet.casefold()]), where, file
    )
    version = data.get("schema_version")
    # A workbook of schema 1 (launchbrief 0.1.0) has no sheets or columns added since;
    # its record is upgraded by from_data. Anything else is read as the current schema.
    version = 1 if version == 1 and not isinstance(version, bool) else SCHEMA_VERSION
    tables = [spec for spec in DATA_TABLES if spec.since <= version]
    missing_sheets([*tables, LAUNCH_SHEET])
    for spec in tables:
        items, wrong, found = read_table(
            spec,
            workbook.rows(names[spec.sheet.casefold()]),
            where,
            file,
            workbook.narrow,
            version,
        )
        data[spec.collection] = items
        structural += wrong
        problems += found
    if structural:
        raise InvalidLaunchError(structural)
    problems += _percent_scores(data, where, file)
    try:
        launch = from_data(data, name=file)
    except InvalidLaunchError as error:
        problems += [
            Problem(p.message, p.path, file=file, cell=where.locate(p.path)[0])
            for p in error.problems
        ]
    else:
        if not problems:
            return launch
    raise InvalidLaunchError(sorted(dict.fromkeys(problems), key=where.sort_key))


def _percent_scores(data: dict[str, Any], where: CellMap, file: str) -> list[Problem]:
    """Scores typed as percentages (``77%``, stored as 0.77) put on their benchmark's scale.

    A percent-scale benchmark gets the number shown (exactly 77.0), a fraction-scale one
    the number stored (0.77); on any other scale a percentage means nothing, and the
    cell is reported.
    """
    scales = {
        item.get("id"): item.get("scale")
        for item in data.get("benchmarks", [])
        if isinstance(item.get("id"), str)
    }
    problems = []
    for index, item in enumerate(data.get("results", [])):
        score = item.get("score")
        if not isinstance(score, Percent):
            continue
        scale = scales.get(item.get("benchmark"))
        scale = scale.strip().casefold() if isinstance(scale, str) else None
        if scale == Scale.PERCENT.value:
            item["score"] = Score(score.shown().removesuffix("%"))
        elif scale == Scale.FRACTION.value or scale is None:
            item["score"] = float(score)  # an unknown benchmark is reported by the record's checks
        else:
            item["score"] = float(score)  # kept, so that the record's checks add nothing
            path = f"results[{index}].score"
            problems.append(
                Problem(
                    f"typed as a percentage ({score.shown()}), but benchmark"
                    f" {item.get('benchmark')!r} is on the {scale} scale; type the plain number",
                    path,
                    file=file,
                    cell=where.locate(path)[0],
                )
            )
    return problems
