"""What each sheet of the workbook holds, and how its cells map to and from the record.

Pure Python: no openpyxl here. The xlsx exporter (``xlsx.py``) styles and writes the
rows built here and hands the cells it reads back to :func:`read_table` and
:func:`read_launch_fields`, which turn them into the plain data
:func:`launchbrief.io.from_data` builds a record from. Keeping the mapping in one place
means the writer and the reader cannot drift apart.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from launchbrief.exceptions import Problem
from launchbrief.model import (
    Direction,
    Evaluation,
    InsightKind,
    Launch,
    Relation,
    RolloutStatus,
    Scale,
    SourceKind,
    SurfaceKind,
)

__all__ = [
    "BENCHMARK_DETAILS",
    "DATA_TABLES",
    "EXCEL_MAX_CELL_CHARS",
    "INSIGHTS",
    "LAUNCH_FIELDS",
    "LAUNCH_SHEET",
    "MODELS",
    "MODES",
    "RESULTS",
    "ROLLOUT",
    "SAFETY",
    "SOURCES",
    "USE_CASES",
    "CellMap",
    "Column",
    "Kind",
    "LaunchField",
    "TableSheet",
    "escape_text",
    "excel_length",
    "format_comparisons",
    "format_ids",
    "has_illegal_characters",
    "launch_field_rows",
    "needs_care",
    "read_launch_fields",
    "read_table",
    "unescape_text",
]

#: Excel's limit on the characters of one cell (counted in UTF-16 code units).
EXCEL_MAX_CELL_CHARS = 32_767

# --------------------------------------------------------------------------- text

# Characters XML 1.0 cannot hold at all; Excel stores them as "_xHHHH_" escapes.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An underscore that would start an "_xHHHH_" escape (overlaps count: "_x005F_x0041_").
_ESCAPE_START = re.compile("_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")
# Anything a cell writer must look at twice: a formula-like start, an illegal
# character, or text that reads like an escape.
_CARE = re.compile(
    "^[=+\\-@\t\r]|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_"
)

#: First characters that make Excel (or a CSV import) treat text as a formula.
FORMULA_START = frozenset("=+-@\t\r")


def needs_care(text: str) -> bool:
    """Whether ``text`` starts like a formula, holds XML-illegal characters or reads like an escape."""
    return _CARE.search(text) is not None


def has_illegal_characters(text: str) -> bool:
    """Whether ``text`` holds characters that XML (and so a workbook) cannot store as they are."""
    return _ILLEGAL.search(text) is not None


def escape_text(text: str) -> str:
    """``text`` in the form OOXML stores it: illegal characters as ``_xHHHH_``.

    An underscore that would start such an escape is itself escaped (``_x005F_``),
    so :func:`unescape_text` gives back exactly ``text``, as Excel does.
    """
    if "_x" in text:
        text = _ESCAPE_START.sub("_x005F_", text)
    return _ILLEGAL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    """Decode the ``_xHHHH_`` escapes of a stored string (the inverse of :func:`escape_text`)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 16)), text)


def excel_length(text: str) -> int:
    """The length of ``text`` as Excel counts it (UTF-16 code units)."""
    if len(text) * 2 <= EXCEL_MAX_CELL_CHARS:
        return len(text)  # cannot be over the limit, however it is counted
    return len(text.encode("utf-16-le")) // 2


def format_ids(ids: Sequence[str]) -> str | None:
    """A list of ids as one cell: ``"meta-chart, article"``; ``None`` for none."""
    return ", ".join(ids) if ids else None


def format_comparisons(comparisons: Sequence[Any]) -> str | None:
    """Comparisons as one machine-readable cell: ``"trails: gemini-3-1-pro, gpt-5-4; leads"``."""
    if not comparisons:
        return None
    parts = []
    for comparison in comparisons:
        relation = comparison.relation.value
        parts.append(
            f"{relation}: {', '.join(comparison.versus)}" if comparison.versus else relation
        )
    return "; ".join(parts)


# --------------------------------------------------------------------------- layout


class Kind(enum.Enum):
    """How a column's cells are written and read back."""

    TEXT = "text"
    ID = "id"
    IDS = "ids"  # a list of ids, comma-separated in one cell
    INT = "int"
    NUMBER = "number"
    BOOL = "bool"
    DATE = "date"
    ENUM = "enum"
    COMPARISONS = "comparisons"


@dataclass(frozen=True)
class Column:
    """A column of a data sheet.

    ``key`` is the record field the column reads back into; ``None`` marks a column
    computed from the rest of the record (shown for filtering and pivots, not read back).
    """

    header: str
    key: str | None
    kind: Kind
    note: str
    wrap: bool = False
    choices: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        """Whether the column is computed by launchbrief rather than read back."""
        return self.key is None


@dataclass(frozen=True)
class TableSheet:
    """A data sheet holding one collection of the record, one row per item, as an Excel Table."""

    sheet: str
    table: str  # Excel table names cannot hold spaces
    collection: str  # the record field: "results"
    about: str
    columns: tuple[Column, ...]

    @property
    def read_columns(self) -> tuple[Column, ...]:
        """The columns read back into the record."""
        return tuple(column for column in self.columns if not column.derived)


def _values(enum_type: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum_type)


def _sources_column() -> Column:
    return Column("Source ids", "sources", Kind.IDS, "ids of the Sources sheet, comma-separated")


RESULTS = TableSheet(
    sheet="Results",
    table="Results",
    collection="results",
    about="One row per result (benchmark × model × mode), ready for filters and pivot tables."
    " Edit scores, comparisons, claims and sources here; add rows for new results.",
    columns=(
        Column("Benchmark id", "benchmark", Kind.ID, "id of the Benchmark details sheet"),
        Column("Benchmark", None, Kind.TEXT, "the benchmark's name"),
        Column("Category", None, Kind.TEXT, "the benchmark's category"),
        Column("Model id", "model", Kind.ID, "id of the Models sheet"),
        Column("Model", None, Kind.TEXT, "the model's name and variant"),
        Column("Developer", None, Kind.TEXT, "the model's developer"),
        Column("Mode id", "mode", Kind.ID, "id of the Modes sheet, when the result names a mode"),
        Column(
            "Score", "score", Kind.NUMBER, "the number the source gives; empty when it gives none"
        ),
        Column("Scale", None, Kind.ENUM, "the benchmark's scale"),
        Column("Direction", None, Kind.ENUM, "whether higher or lower scores are better"),
        Column("Rank", None, Kind.INT, "rank among the benchmark's scores (1 is best; ties share)"),
        Column("Gap to leader", None, Kind.NUMBER, "distance to the benchmark leader's score"),
        Column(
            "Comparison",
            "comparisons",
            Kind.COMPARISONS,
            "what the source says without numbers: 'relation: model-id, model-id', several"
            " separated by ';' (relations: leads, trails, on_par, not_clearly_ahead;"
            " no model ids means the rest of the field)",
        ),
        Column("Claim", "claim", Kind.TEXT, "the source's own words"),
        Column("Vendor only", None, Kind.BOOL, "TRUE when only the vendor reports the result"),
        _sources_column(),
        Column("Provenance", None, Kind.TEXT, "the names of the cited sources"),
        Column("Settings", None, Kind.TEXT, "the benchmark's evaluation settings"),
    ),
)

BENCHMARK_DETAILS = TableSheet(
    sheet="Benchmark details",
    table="BenchmarkDetails",
    collection="benchmarks",
    about="One row per benchmark: name, category, scale, direction, settings and sources.",
    columns=(
        Column("Benchmark id", "id", Kind.ID, "unique id, used by Results"),
        Column("Benchmark", "name", Kind.TEXT, "name"),
        Column("Category", "category", Kind.TEXT, "multimodal, health, reasoning, coding, …"),
        Column("Scale", "scale", Kind.ENUM, "the scale scores are on", choices=_values(Scale)),
        Column(
            "Direction",
            "direction",
            Kind.ENUM,
            "whether higher or lower is better",
            choices=_values(Direction),
        ),
        Column("Settings", "settings", Kind.TEXT, "evaluation settings", wrap=True),
        Column("Description", "description", Kind.TEXT, "what the benchmark measures", wrap=True),
        _sources_column(),
    ),
)

MODELS = TableSheet(
    sheet="Models",
    table="Models",
    collection="models",
    about="The compared models; the launched model is one of them.",
    columns=(
        Column("Model id", "id", Kind.ID, "unique id, used by Results and comparisons"),
        Column("Model", "name", Kind.TEXT, "name"),
        Column("Variant", "variant", Kind.TEXT, "variant such as High or Max"),
        Column("Developer", "developer", Kind.TEXT, "the model's developer"),
        Column("Launched", None, Kind.BOOL, "TRUE for the launched model"),
        _sources_column(),
    ),
)

MODES = TableSheet(
    sheet="Modes",
    table="Modes",
    collection="modes",
    about="The launched model's reasoning modes, from fastest (order 1) to deepest.",
    columns=(
        Column("Mode id", "id", Kind.ID, "unique id, used by Results"),
        Column("Mode", "name", Kind.TEXT, "name"),
        Column("Order", "order", Kind.INT, "1 is the fastest"),
        Column("Status", "status", Kind.ENUM, "availability", choices=_values(RolloutStatus)),
        Column("Timing", "timing", Kind.TEXT, "timing as the source words it"),
        Column("Description", "description", Kind.TEXT, "what the mode does", wrap=True),
        _sources_column(),
    ),
)

ROLLOUT = TableSheet(
    sheet="Rollout",
    table="Rollout",
    collection="surfaces",
    about="Where the model ships: apps, web, messaging, social, devices, API; with status and timing.",
    columns=(
        Column("Surface id", "id", Kind.ID, "unique id"),
        Column("Surface", "name", Kind.TEXT, "name"),
        Column("Kind", "kind", Kind.ENUM, "kind of surface", choices=_values(SurfaceKind)),
        Column(
            "Status", "status", Kind.ENUM, "how far it has shipped", choices=_values(RolloutStatus)
        ),
        Column("Audience", "audience", Kind.TEXT, "who gets it"),
        Column("Timing", "timing", Kind.TEXT, "timing as the source words it"),
        _sources_column(),
    ),
)

SAFETY = TableSheet(
    sheet="Safety",
    table="Safety",
    collection="safety",
    about="Safety and evaluation findings, internal and third-party.",
    columns=(
        Column("Finding id", "id", Kind.ID, "unique id"),
        Column("Finding", "title", Kind.TEXT, "the finding in a line", wrap=True),
        Column("Evaluator", "evaluator", Kind.TEXT, "who evaluated"),
        Column(
            "Evaluation",
            "evaluation",
            Kind.ENUM,
            "internal or third-party",
            choices=_values(Evaluation),
        ),
        Column("Framework", "framework", Kind.TEXT, "the framework applied", wrap=True),
        Column("Risk domain", "domain", Kind.TEXT, "the risk domain", wrap=True),
        Column("Outcome", "outcome", Kind.TEXT, "what was found", wrap=True),
        Column(
            "Release blocker",
            "release_blocker",
            Kind.BOOL,
            "TRUE or FALSE; empty when the source does not say",
        ),
        Column("Detail", "detail", Kind.TEXT, "more detail", wrap=True),
        _sources_column(),
    ),
)

USE_CASES = TableSheet(
    sheet="Use cases",
    table="UseCases",
    collection="use_cases",
    about="What the developer shows the model doing.",
    columns=(
        Column("Use case id", "id", Kind.ID, "unique id"),
        Column("Use case", "title", Kind.TEXT, "the use case in a line", wrap=True),
        Column("Description", "description", Kind.TEXT, "more detail", wrap=True),
        _sources_column(),
    ),
)

INSIGHTS = TableSheet(
    sheet="Insights",
    table="Insights",
    collection="insights",
    about="Strengths, weaknesses, risks, strategy notes, context and takeaways.",
    columns=(
        Column("Insight id", "id", Kind.ID, "unique id"),
        Column(
            "Kind", "kind", Kind.ENUM, "what the insight is about", choices=_values(InsightKind)
        ),
        Column("Insight", "text", Kind.TEXT, "the insight", wrap=True),
        _sources_column(),
    ),
)

SOURCES = TableSheet(
    sheet="Sources",
    table="Sources",
    collection="sources",
    about="Where the facts come from; every other sheet cites these ids.",
    columns=(
        Column("Source id", "id", Kind.ID, "unique id, cited by the other sheets"),
        Column("Name", "name", Kind.TEXT, "short name, for footers"),
        Column(
            "Kind",
            "kind",
            Kind.ENUM,
            "vendor, press, third party or independent",
            choices=_values(SourceKind),
        ),
        Column("Publisher", "publisher", Kind.TEXT, "publisher"),
        Column("Title", "title", Kind.TEXT, "title", wrap=True),
        Column("URL", "url", Kind.TEXT, "link (http, https and mailto links are clickable)"),
        Column("Published", "published", Kind.DATE, "publication date"),
        Column("Note", "note", Kind.TEXT, "what the source is", wrap=True),
    ),
)

#: The data sheets read back into the record, in workbook order (besides "Launch").
DATA_TABLES = (
    RESULTS,
    BENCHMARK_DETAILS,
    MODELS,
    MODES,
    ROLLOUT,
    SAFETY,
    USE_CASES,
    INSIGHTS,
    SOURCES,
)

LAUNCH_SHEET = TableSheet(
    sheet="Launch",
    table="LaunchFields",
    collection="",
    about="The launch's own fields (id, title, dates, developer, launched model), one per row.",
    columns=(
        Column(
            "Field",
            "field",
            Kind.TEXT,
            "the record field; list items carry an index: model.capabilities[0]",
        ),
        Column("Value", "value", Kind.TEXT, "its value; empty when not known", wrap=True),
        Column("About", None, Kind.TEXT, "what the field means"),
    ),
)


@dataclass(frozen=True)
class LaunchField:
    """A field of the Launch sheet: a path into the record, how to read it, and what it means."""

    path: str
    kind: Kind
    about: str
    listed: bool = False  # a list of texts, one row per item

    def value(self, launch: Launch) -> Any:
        """The field's value in ``launch`` (a tuple for listed fields)."""
        value: Any = launch
        for part in self.path.split("."):
            value = getattr(value, part)
        return value


LAUNCH_FIELDS = (
    LaunchField("schema_version", Kind.INT, "shape of the record (schema version)"),
    LaunchField("id", Kind.ID, "the launch's id; also the file name of every export"),
    LaunchField("title", Kind.TEXT, "headline of the launch"),
    LaunchField("announced", Kind.DATE, "announcement date"),
    LaunchField("as_of", Kind.DATE, "when the record was last brought up to date"),
    LaunchField("summary", Kind.TEXT, "the launch in a paragraph"),
    LaunchField("developer.name", Kind.TEXT, "the organisation behind the launch"),
    LaunchField("developer.division", Kind.TEXT, "its division or lab"),
    LaunchField("developer.sources", Kind.IDS, "sources for the developer"),
    LaunchField("model.id", Kind.ID, "the launched model's id on the Models sheet"),
    LaunchField("model.summary", Kind.TEXT, "the launched model in a paragraph"),
    LaunchField("model.family", Kind.TEXT, "model family"),
    LaunchField("model.predecessor", Kind.TEXT, "the model it succeeds"),
    LaunchField("model.modalities", Kind.TEXT, "a modality (one per row)", listed=True),
    LaunchField("model.capabilities", Kind.TEXT, "a capability (one per row)", listed=True),
    LaunchField("model.powers", Kind.TEXT, "a product it powers (one per row)", listed=True),
    LaunchField("model.sources", Kind.IDS, "sources for the launched model"),
)

_LAUNCH_FIELDS_BY_PATH = {f.path: f for f in LAUNCH_FIELDS}


def launch_field_rows(launch: Launch) -> Iterator[tuple[str, Any, str, Kind]]:
    """``(field path, value, meaning, kind)`` for every row of the Launch sheet.

    Unknown (``None``) fields get a row with an empty value, so that an analyst can fill them in.
    """
    for spec in LAUNCH_FIELDS:
        value = spec.value(launch)
        if spec.listed:
            if not value:
                yield spec.path, None, spec.about, spec.kind
            for index, item in enumerate(value):
                yield f"{spec.path}[{index}]", item, spec.about, spec.kind
        elif spec.kind is Kind.IDS:
            yield spec.path, format_ids(value), spec.about, spec.kind
        else:
            yield spec.path, value, spec.about, spec.kind


# --------------------------------------------------------------------------- reading


class Percent(float):
    """A number shown as a percentage: the cell holds 0.77 and shows ``77%``."""

    __slots__ = ()

    def scaled(self) -> float:
        """The number as shown, without the sign: 0.77 gives exactly 77.0."""
        return float(Decimal(repr(float(self))) * 100)

    def shown(self) -> str:
        """The cell as a spreadsheet shows it: ``"77%"``."""
        return f"{(Decimal(repr(float(self))) * 100).normalize():f}%"


@dataclass(frozen=True)
class Unsaved:
    """A formula cell with no saved value: nothing to read until a spreadsheet computes it."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


@dataclass(frozen=True)
class ErrorValue:
    """A cell showing an error such as ``#REF!``."""

    code: str

    def __str__(self) -> str:
        return self.code


#: A row as the reader hands it over: its number and its values by column (both 1-based).
Row = tuple[int, dict[int, Any]]


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass
class CellMap:
    """Where each field path of the plain data came from, so that problems name a cell."""

    sheet_order: dict[str, int] = field(default_factory=dict)
    cells: dict[str, tuple[str, int, int, str]] = field(
        default_factory=dict
    )  # sheet, row, col, header
    rows: dict[str, tuple[str, int]] = field(default_factory=dict)  # record path -> sheet, row
    fallback: dict[str, str] = field(default_factory=dict)  # collection -> sheet
    keys: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # cell text -> sort key

    def add_cell(self, path: str, sheet: str, row: int, column: int, header: str) -> None:
        """Remember that ``path`` was read from this cell."""
        self.cells[path] = (sheet, row, column, header)

    def describe(self, sheet: str, row: int, column: int, header: str) -> str:
        """``"Results!H12 (Score)"``; remembered, so that problems can be sorted by place."""
        text = f"{sheet}!{_letter(column)}{row} ({header})"
        self.keys[text] = (self.sheet_order.get(sheet, 99), row, column)
        return text

    def sort_key(self, problem: Problem) -> tuple[int, int, int]:
        """Where a problem sits in the workbook: sheet order, row, column."""
        if problem.cell in self.keys:
            return self.keys[problem.cell]
        if problem.path:
            return self.locate(problem.path)[1]
        return (self.sheet_order.get(problem.cell or "", 99), 0, 0)

    def locate(self, path: str) -> tuple[str | None, tuple[int, int, int]]:
        """The cell (or row, or sheet) a field path came from, and a key to sort problems by."""
        probe = path
        while probe:
            if probe in self.cells:
                sheet, row, column, header = self.cells[probe]
                return self.describe(sheet, row, column, header), (
                    self.sheet_order.get(sheet, 99),
                    row,
                    column,
                )
            if probe in self.rows:
                sheet, row = self.rows[probe]
                return f"{sheet} row {row}", (self.sheet_order.get(sheet, 99), row, 0)
            probe = _parent_path(probe)
        top = re.split(r"[.\[]", path, maxsplit=1)[0]
        whole = self.fallback.get(top)
        if whole is None:
            return None, (99, 0, 0)
        return whole, (self.sheet_order.get(whole, 99), 0, 0)


def _parent_path(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def _normal_header(text: Any) -> str:
    return " ".join(str(text).split()).casefold() if text is not None else ""


_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_SPLIT_IDS = re.compile(r"[,;\n]")
_RELATION_WORDS = {
    **{relation.value: relation.value for relation in Relation},
    **{relation.label: relation.value for relation in Relation},
    "on par": Relation.ON_PAR.value,
    "not clearly ahead": Relation.NOT_CLEARLY_AHEAD.value,
}
_SLUGLIKE = re.compile(r"[a-z0-9][a-z0-9._-]*")


def _as_text(value: Any) -> Any:
    """Text as the record holds it; numbers and dates typed into a text cell become text."""
    if isinstance(value, str):
        return unescape_text(value)
    if isinstance(value, Percent):
        return value.shown()  # as the cell shows it: "77%", not "0.77"
    if isinstance(value, bool):
        return value  # reported by the converter: "expected text, got true"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return value


def _convert(kind: Kind, value: Any) -> tuple[Any, str | None]:
    """``(plain value, problem)`` for a non-empty cell of a read column."""
    if isinstance(value, Unsaved):
        what = "number" if kind in (Kind.NUMBER, Kind.INT) else "value"
        return None, (
            "a formula with no saved value; open and save the workbook in Excel or"
            f" LibreOffice, or type the {what}"
        )
    if isinstance(value, ErrorValue):
        return None, f"the cell shows the error {value.code}; correct the cell or clear it"
    if kind is Kind.TEXT:
        return _as_text(value), None
    if kind in (Kind.ID, Kind.ENUM):
        text = _as_text(value)
        return (text.strip() if isinstance(text, str) else text), None
    if kind is Kind.IDS:
        text = _as_text(value)
        if not isinstance(text, str):
            return text, None
        return [part.strip() for part in _SPLIT_IDS.split(text) if part.strip()], None
    if kind is Kind.NUMBER:
        if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
            return float(value.strip()), None
        if isinstance(value, str):
            return unescape_text(value), None
        return value, None
    if kind is Kind.INT:
        if isinstance(value, Percent):
            return None, f"typed as a percentage ({value.shown()}); type the whole number"
        if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
            return int(value.strip()), None
        if isinstance(value, str):
            return unescape_text(value), None
        return value, None
    if kind is Kind.BOOL:
        if isinstance(value, bool):
            return value, None
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value), None
        if isinstance(value, str):
            word = value.strip().casefold()
            if word in _TRUE:
                return True, None
            if word in _FALSE:
                return False, None
            return unescape_text(value), None
        return value, None
    if kind is Kind.DATE:
        if isinstance(value, datetime):
            return value.date(), None
        if isinstance(value, str):
            return unescape_text(value).strip(), None
        return value, None
    if kind is Kind.COMPARISONS:
        return _parse_comparisons(value)
    raise AssertionError(kind)  # pragma: no cover - every kind is handled above


def _parse_comparisons(value: Any) -> tuple[Any, str | None]:
    text = _as_text(value)
    if not isinstance(text, str):
        return None, f"expected comparisons such as 'trails: gpt-5-4', got {value!r}"
    comparisons: list[dict[str, Any]] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        word, _colon, rest = part.partition(":")
        relation = " ".join(word.split()).casefold()
        relation = _RELATION_WORDS.get(relation, relation)
        versus = [item.strip() for item in rest.split(",") if item.strip()]
        for item in versus:
            if not _SLUGLIKE.fullmatch(item):
                return None, (
                    f"{item!r} is not a model id: list the ids of the Models sheet after the"
                    " relation, as in 'trails: gpt-5-4, gemini-3-1-pro'"
                )
        entry: dict[str, Any] = {"relation": relation}
        if versus:
            entry["versus"] = versus
        comparisons.append(entry)
    return comparisons, None


def _is_empty(value: Any) -> bool:
    """Whether a cell holds nothing to read (a formula without a saved value is something)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _header_row(rows: Iterator[Row], first_header: str) -> Row | None:
    wanted = _normal_header(first_header)
    for row_number, values in rows:
        if row_number > 10:
            break
        if any(_normal_header(value) == wanted for value in values.values()):
            return row_number, values
    return None


#: After this many values outside the table, the rest of the sheet is not read.
MAX_STRAY_VALUES = 10


def _table_width(header_values: dict[int, Any]) -> int:
    """The last column with a header: the table's right edge."""
    return max((column for column, value in header_values.items() if not _is_empty(value)))


def _stray_values(
    sheet: str, row_number: int, values: dict[int, Any], width: int, found: list[Problem], file: str
) -> bool:
    """Report the values right of the table; ``True`` once there are too many to go on."""
    for column in sorted(values):
        if column <= width or _is_empty(values[column]):
            continue
        found.append(
            Problem(
                f"a value outside the table's columns (A–{_letter(width)}); refused: move it"
                " into a column with a header, or delete it",
                file=file,
                cell=f"{sheet}!{_letter(column)}{row_number}",
            )
        )
        if len(found) >= MAX_STRAY_VALUES:
            found.append(
                Problem(
                    f"more than {MAX_STRAY_VALUES} values outside the table; the rest of the"
                    " sheet is not read",
                    file=file,
                    cell=sheet,
                )
            )
            return True
    return False


def read_table(
    spec: TableSheet,
    rows: Iterable[Row],
    cells: CellMap,
    file: str,
    narrow: Callable[[frozenset[int], int], None] | None = None,
) -> tuple[list[dict[str, Any]], list[Problem], list[Problem]]:
    """Read a data sheet's rows (``(row number, values)``) into the collection's plain items.

    Returns ``(items, structural problems, cell problems)``: a structural problem (a
    missing column, values right of the table) means the items cannot be trusted; cell
    problems are reported together with the record's own checks. Columns right of the
    last header are not read: a value there is a structural problem, so that a note
    typed beside the table is never silently dropped. ``narrow``, when given, is told
    the columns read and the table's width once the header is found, so that the
    sheet reader can skip the other cells.
    """
    iterator = iter(rows)
    found = _header_row(iterator, spec.columns[0].header)
    if found is None:
        return (
            [],
            [
                Problem(
                    f"no header row with '{spec.columns[0].header}' in the first 10 rows",
                    file=file,
                    cell=spec.sheet,
                )
            ],
            [],
        )
    header_number, header_values = found
    positions: dict[str, int] = {}
    structural: list[Problem] = []
    for column_number, value in sorted(header_values.items()):
        index = column_number - 1
        name = _normal_header(value)
        if not name:
            continue
        if name in positions:
            structural.append(
                Problem(
                    f"two columns are headed {str(value)!r}; keep one",
                    file=file,
                    cell=cells.describe(spec.sheet, header_number, index + 1, str(value)),
                )
            )
        positions.setdefault(name, index)
    columns: list[tuple[Column, int]] = []
    for column in spec.read_columns:
        position = positions.get(_normal_header(column.header))
        if position is None and column.key is not None:
            position = positions.get(_normal_header(column.key))
        if position is None:
            structural.append(
                Problem(
                    f"no column '{column.header}' ({column.note}); it is needed to read the"
                    " workbook back",
                    file=file,
                    cell=f"{spec.sheet}!{header_number}:{header_number}",
                )
            )
        else:
            columns.append((column, position))
    if structural:
        return [], structural, []
    width = _table_width(header_values)
    if narrow is not None:
        narrow(frozenset(index + 1 for _column, index in columns), width)
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []
    stray: list[Problem] = []
    for row_number, values in iterator:
        if max(values) > width and _stray_values(
            spec.sheet, row_number, values, width, stray, file
        ):
            break
        cell_values = [(column, index, values.get(index + 1)) for column, index in columns]
        if all(_is_empty(value) for _column, _index, value in cell_values):
            continue
        path = f"{spec.collection}[{len(items)}]"
        cells.rows[path] = (spec.sheet, row_number)
        item: dict[str, Any] = {}
        for column, index, value in cell_values:
            assert column.key is not None
            item_path = f"{path}.{column.key}"
            cells.add_cell(item_path, spec.sheet, row_number, index + 1, column.header)
            if _is_empty(value):
                continue
            plain, problem = _convert(column.kind, value)
            if problem is not None:
                problems.append(
                    Problem(
                        problem,
                        item_path,
                        file=file,
                        cell=cells.describe(spec.sheet, row_number, index + 1, column.header),
                    )
                )
                continue
            item[column.key] = plain
        items.append(item)
    if stray:
        return [], stray, []
    return items, [], problems


_FIELD = re.compile(r"([a-z_]+(?:\.[a-z_]+)?)(?:\s*\[\s*(\d+)\s*\])?")


def read_launch_fields(
    rows: Iterable[Row], cells: CellMap, file: str
) -> tuple[dict[str, Any], list[Problem], list[Problem]]:
    """Read the Launch sheet (Field, Value rows) into the record's top-level plain data.

    Returns ``(data, structural problems, cell problems)`` as :func:`read_table` does.
    """
    spec = LAUNCH_SHEET
    iterator = iter(rows)
    found = _header_row(iterator, "Field")
    if found is None:
        return (
            {},
            [
                Problem(
                    "no header row with 'Field' in the first 10 rows", file=file, cell=spec.sheet
                )
            ],
            [],
        )
    header_number, header_values = found
    names = {
        _normal_header(value): column
        for column, value in sorted(header_values.items(), reverse=True)
    }
    if "field" not in names or "value" not in names:
        return (
            {},
            [
                Problem(
                    "the sheet needs the columns 'Field' and 'Value'",
                    file=file,
                    cell=f"{spec.sheet}!{header_number}:{header_number}",
                )
            ],
            [],
        )
    field_index, value_index = names["field"] - 1, names["value"] - 1
    width = _table_width(header_values)
    stray: list[Problem] = []
    data: dict[str, Any] = {}
    listed: dict[str, list[tuple[int, int, Any]]] = {}
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    for row_number, values in iterator:
        if max(values) > width and _stray_values(
            spec.sheet, row_number, values, width, stray, file
        ):
            break
        raw_field = values.get(field_index + 1)
        raw_value = values.get(value_index + 1)
        if _is_empty(raw_field):
            if not _is_empty(raw_value):
                problems.append(
                    Problem(
                        "a value without a field name in the 'Field' column",
                        file=file,
                        cell=cells.describe(spec.sheet, row_number, field_index + 1, "Field"),
                    )
                )
            continue
        field_cell = cells.describe(spec.sheet, row_number, field_index + 1, "Field")
        match = _FIELD.fullmatch(str(raw_field).strip().casefold())
        spec_field = _LAUNCH_FIELDS_BY_PATH.get(match.group(1)) if match else None
        if match is None or spec_field is None or (match.group(2) and not spec_field.listed):
            known = [f.path for f in LAUNCH_FIELDS]
            close = difflib.get_close_matches(str(raw_field).strip(), known, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"
            problems.append(
                Problem(f"unknown field {str(raw_field)!r}{hint}", file=file, cell=field_cell)
            )
            continue
        path = spec_field.path
        if not spec_field.listed:
            if path in seen:
                problems.append(
                    Problem(
                        f"field {path!r} appears twice (first in row {seen[path]})",
                        file=file,
                        cell=field_cell,
                    )
                )
                continue
            seen[path] = row_number
        if _is_empty(raw_value):
            if not spec_field.listed:
                cells.add_cell(path, spec.sheet, row_number, value_index + 1, "Value")
            continue
        plain, problem = _convert(spec_field.kind, raw_value)
        if problem is not None:
            value_cell = cells.describe(spec.sheet, row_number, value_index + 1, "Value")
            problems.append(Problem(problem, path, file=file, cell=value_cell))
            continue
        if spec_field.listed:
            order = int(match.group(2)) if match.group(2) else 1 << 30
            listed.setdefault(path, []).append((order, row_number, plain))
            continue
        cells.add_cell(path, spec.sheet, row_number, value_index + 1, "Value")
        _put(data, path, plain)
    for path, entries in listed.items():
        entries.sort(key=lambda entry: (entry[0], entry[1]))
        _put(data, path, [value for _order, _row, value in entries])
        for position, (_order, row_number, _value) in enumerate(entries):
            cells.add_cell(f"{path}[{position}]", spec.sheet, row_number, value_index + 1, "Value")
    if stray:
        return {}, stray, []
    return data, [], problems


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    head, _dot, rest = path.partition(".")
    if rest:
        data.setdefault(head, {})[rest] = value
    else:
        data[head] = value
