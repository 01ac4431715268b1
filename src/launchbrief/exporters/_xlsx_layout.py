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
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from launchbrief.exceptions import Problem
from launchbrief.model import (
    SCHEMA_VERSION,
    Direction,
    Evaluation,
    InsightKind,
    Launch,
    Relation,
    RolloutStatus,
    Scale,
    Score,
    SourceKind,
    SurfaceKind,
)

__all__ = [
    "BENCHMARK_DETAILS",
    "COHORTS",
    "DATA_TABLES",
    "DATES",
    "EXCEL_MAX_CELL_CHARS",
    "INSIGHTS",
    "LAUNCH_FIELDS",
    "LAUNCH_SHEET",
    "LEGACY_LAUNCH_FIELDS",
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
    "enum_code",
    "enum_word",
    "escape_text",
    "excel_length",
    "format_ids",
    "format_list",
    "format_mapping",
    "has_illegal_characters",
    "launch_field_rows",
    "needs_care",
    "number_format",
    "number_shape",
    "parse_list",
    "parse_mapping",
    "read_launch_fields",
    "read_table",
    "shaped_number",
    "unescape_text",
]

#: Excel's limit on the characters of one cell (counted in UTF-16 code units).
EXCEL_MAX_CELL_CHARS = 32_767

# --------------------------------------------------------------------------- text

# Characters XML 1.0 cannot hold at all; Excel stores them as "_xHHHH_" escapes.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An underscore that would start an "_xHHHH_" escape (overlaps count: "_x005F_x0041_"),
# also when the closing underscore comes from the escape of the next character:
# "_x0000" then U+001F is stored "_x0000_x001F_", which would read "\x00x001F_".
_ESCAPE_START = re.compile(
    "_(?=x[0-9A-Fa-f]{4}(?:_|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]))"
)
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


# --------------------------------------------------------------------------- lists and settings in one cell
#
# A list of texts (modalities, capabilities) and a mapping of settings or specs each
# fit one cell, in a form an analyst can type: items separated by "; " (a line break
# separates too), a mapping as "key: value" items. An item that would read as
# something else (it holds a separator, starts with a quote, has spaces at either
# end, or is text that reads as a number or true/false) is put in double quotes, a
# quote inside doubled, as in CSV: "say ""hi""; bye".

_SEPARATORS = ";\n\r"
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WHOLE_TEXT = re.compile(r"[+-]?\d+")
_MAPPING_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _bare_list_item(text: str) -> bool:
    return (
        bool(text)
        and text == text.strip()
        and not text.startswith('"')
        and not any(separator in text for separator in _SEPARATORS)
    )


def format_list(items: Sequence[str]) -> str | None:
    """Texts as one cell: ``"text; images"``; ``None`` for none."""
    if not items:
        return None
    return "; ".join(item if _bare_list_item(item) else _quoted(item) for item in items)


def _scalar_text(value: Any) -> str:
    """A mapping's value as typed in a cell: ``5``, ``0.60``, ``true``, ``pass@1``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Score):
        return value.text
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _bare_list_item(text) and isinstance(_bare_value(text), str):
        return text
    return _quoted(text)


def _bare_value(text: str) -> Any:
    """What an unquoted value means: a whole number, a number as written, true/false or text."""
    if _NUMBER_TEXT.fullmatch(text):
        return int(text) if _WHOLE_TEXT.fullmatch(text) else Score(text)
    if text.casefold() in ("true", "false"):
        return text.casefold() == "true"
    return text


def format_mapping(items: Sequence[tuple[str, Any]]) -> str | None:
    """``(key, value)`` pairs as one cell: ``"shots: 5; temperature: 0.6"``; ``None`` for none."""
    if not items:
        return None
    return "; ".join(f"{key}: {_scalar_text(value)}" for key, value in items)


class _Unreadable(ValueError):
    """A list or mapping cell that does not parse; the message says what to type."""


def _separator_after(text: str, position: int) -> int:
    """Where the next separator is (or the end of the text)."""
    found = [i for i in (text.find(s, position) for s in _SEPARATORS) if i >= 0]
    return min(found, default=len(text))


def _item_at(text: str, position: int) -> tuple[str, bool, int]:
    """The item starting at ``position`` (spaces before it skipped): its text, whether it
    was quoted, and where the separator after it is."""
    end = len(text)
    while position < end and text[position] in " \t":
        position += 1
    if position < end and text[position] == '"':
        parts = []
        start = position + 1
        while True:
            close = text.find('"', start)
            if close < 0:
                raise _Unreadable("a quote is opened and never closed")
            parts.append(text[start:close])
            if text.startswith('"', close + 1):
                parts.append('"')
                start = close + 2
                continue
            position = close + 1
            break
        while position < end and text[position] in " \t":
            position += 1
        if position < end and text[position] not in _SEPARATORS:
            raise _Unreadable("text after a closing quote: separate items with ';'")
        return "".join(parts), True, position
    stop = _separator_after(text, position)
    return text[position:stop].strip(), False, stop


def _skip_separators(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t" + _SEPARATORS:
        position += 1
    return position


def parse_list(text: str) -> list[str]:
    """The texts of a list cell (the inverse of :func:`format_list`).

    Raises:
        ValueError: a quote is never closed, or text follows a closing quote.
    """
    items = []
    position = _skip_separators(text, 0)
    while position < len(text):
        item, quoted, position = _item_at(text, position)
        if item or quoted:
            items.append(item)
        position = _skip_separators(text, position)
    return items


def parse_mapping(text: str) -> dict[str, Any]:
    """The ``key: value`` pairs of a cell (the inverse of :func:`format_mapping`).

    Raises:
        ValueError: an item is not ``key: value``, a key is given twice, a value is
            missing, or a quote is not closed.
    """
    found: dict[str, Any] = {}
    if text.strip() == "{}":
        return found  # given, with nothing in it
    position = _skip_separators(text, 0)
    while position < len(text):
        colon = text.find(":", position)
        stop = _separator_after(text, position)
        if colon < 0 or colon > stop:
            item = text[position:stop].strip()
            raise _Unreadable(
                f"{item[:40]!r} is not 'key: value'; write settings as 'shots: 5; temperature: 0.6'"
            )
        key = text[position:colon].strip()
        if not _MAPPING_KEY.fullmatch(key):
            raise _Unreadable(
                f"{key[:40]!r} is not a key: use letters, digits and '_', as in 'top_p: 0.95'"
            )
        if key in found:
            raise _Unreadable(f"the key {key!r} is given twice")
        value, quoted, position = _item_at(text, colon + 1)
        if not value and not quoted:
            raise _Unreadable(f"no value after '{key}:'")
        found[key] = value if quoted else _bare_value(value)
        position = _skip_separators(text, position)
    return found


# --------------------------------------------------------------------------- numbers as written
#
# A number keeps the precision it was written with through the number format of its
# cell: 85.20 is the number 85.2 shown with "0.00", 8e9 the number 8000000000 shown
# with "0E+0". The reader rebuilds the written form from the format.

#: More decimals than this, and a number is shown in scientific form.
_MAX_FORMAT_DECIMALS = 30


def _fraction_digits(text: str) -> int:
    return len(text.partition(".")[2])


#: How a number is shown: ``("fixed", decimals, 1)`` or ``("scientific", decimals,
#: digits before the point)``: 85.20 is ``("fixed", 2, 1)``, 400e9 ``("scientific", 0, 3)``.
Shape = tuple[str, int, int]


def number_shape(value: float | int) -> Shape:
    """How to show a number as written (see :data:`Shape`).

    A :class:`~launchbrief.model.Score` is shown as written when its written form
    gives back its value; any other number as Python's shortest ``repr`` writes it,
    so a nonzero number never shows as 0.
    """
    if isinstance(value, bool) or not isinstance(value, float):
        return ("fixed", 0, 1)
    if isinstance(value, Score):
        if value.exponent is not None:
            mantissa = value.exponent.partition("e")[0].lstrip("+-")
            whole, _dot, fraction = mantissa.partition(".")
            integers = max(1, min(len(whole.lstrip("0")) or 1, 15))
            if _scientific(value, len(fraction), integers) is not None:
                return ("scientific", len(fraction), integers)
        elif (
            value.decimals is not None
            and value.decimals <= _MAX_FORMAT_DECIMALS
            and float(f"{value:.{value.decimals}f}") == value
        ):
            return ("fixed", value.decimals, 1)
    text = float.__repr__(value)
    if "e" in text or "n" in text:
        return ("scientific", _fraction_digits(text.partition("e")[0]), 1)
    places = _fraction_digits(text)
    if places > _MAX_FORMAT_DECIMALS:  # pragma: no cover - repr never writes so many
        return ("scientific", 16, 1)
    return ("fixed", places, 1)


def _scientific(number: float, places: int, integers: int) -> str | None:
    """``number`` written with ``integers`` digits before the point and ``places`` after,
    and an exponent (``400e9``), if that gives back exactly ``number``."""
    exact = Decimal(float.__repr__(float(number)))
    exponent = 0 if exact == 0 else exact.adjusted() - (integers - 1)
    mantissa = exact.scaleb(-exponent)
    text = f"{mantissa:.{places}f}e{exponent}"
    return text if float(text) == number else None


def number_format(shape: Shape) -> str:
    """The Excel number format of a shape: ``"#,##0.00"``, ``"0.0E+0"``, ``"000E+0"``."""
    kind, places, integers = shape
    fraction = "." + "0" * places if places else ""
    if kind == "scientific":
        return "0" * integers + f"{fraction}E+0"
    return f"#,##0{fraction}"


def shaped_number(number: float | int, shape: Shape) -> float | int:
    """A cell's number as written, from its number format's shape (the inverse of :func:`number_shape`).

    A whole number shown without decimals stays an ``int``; otherwise a
    :class:`~launchbrief.model.Score` with the format's decimals, or more when the
    value has more than the format shows (the value, not the display, is the truth).
    """
    kind, places, integers = shape
    if not math.isfinite(number):
        return number
    if kind == "scientific":
        for digits in range(places, 18):
            text = _scientific(number, digits, integers)
            if text is not None:
                return Score(text)
        return float(number)
    if isinstance(number, int) and places == 0:
        return number
    for digits in range(places, _MAX_FORMAT_DECIMALS + 1):
        if float(f"{number:.{digits}f}") == number:
            return Score(float(number), digits)
    return float(number)


# --------------------------------------------------------------------------- layout


class Kind(enum.Enum):
    """How a column's cells are written and read back."""

    TEXT = "text"
    ID = "id"
    IDS = "ids"  # a list of ids, comma-separated in one cell
    LIST = "list"  # a list of texts in one cell: "text; images"
    MAPPING = "mapping"  # settings or free specs in one cell: "shots: 5; metric: pass@1"
    INT = "int"
    NUMBER = "number"
    BOOL = "bool"
    DATE = "date"
    ENUM = "enum"
    COMPARISONS = "comparisons"


@dataclass(frozen=True)
class Column:
    """A column of a data sheet.

    ``key`` is the record field the column reads back into (a dotted path for a field
    of a nested record: ``specs.parameters``); ``None`` marks a column computed from
    the rest of the record (shown for filtering and pivots, not read back). A
    ``MAPPING`` column's pairs are merged into the mapping at ``key``, beside the
    fields other columns give. ``since`` is the schema version that added the column:
    an older workbook is read without it. An ``optional`` column may be missing (it
    came after workbooks of its schema version were written): its field then keeps
    its default. ``aliases`` are former headers, still read (``"Licence"``, written
    before the workbook spoke American English).
    """

    header: str
    key: str | None
    kind: Kind
    note: str
    wrap: bool = False
    choices: tuple[str, ...] = ()
    since: int = 1
    optional: bool = False
    aliases: tuple[str, ...] = ()

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
    since: int = 1  # the schema version that added the sheet

    @property
    def read_columns(self) -> tuple[Column, ...]:
        """The columns read back into the record."""
        return tuple(column for column in self.columns if not column.derived)

    def header(self, key: str | None = None) -> str:
        """The header of the column reading into ``key`` (the first read column by default)."""
        if key is None:
            return self.read_columns[0].header
        return next(column.header for column in self.columns if column.key == key)


#: Codes whose word is not the code capitalized with its underscores as spaces.
_WORDS = {"third_party": "Third-party", "api": "API"}
#: The enums the data sheets show in words.
_WORDED: tuple[type[enum.Enum], ...] = (
    Scale,
    Direction,
    RolloutStatus,
    SurfaceKind,
    Evaluation,
    SourceKind,
    InsightKind,
)


def enum_word(code: str) -> str:
    """How a data sheet shows an enum's code: ``"Third-party"`` for ``third_party``,
    ``"Rolling out"`` for ``rolling_out``, ``"Percent"`` for ``percent``.

    The reader takes the word or the code back (:func:`enum_code`).
    """
    return _WORDS.get(code) or code.replace("_", " ").capitalize()


#: Every word and code of the worded enums, casefolded, to its code.
_CODES = {
    spelling: str(member.value)
    for enum_type in _WORDED
    for member in enum_type
    for spelling in (str(member.value), enum_word(str(member.value)).casefold())
}


def enum_code(text: str) -> str:
    """The code of an enum cell's text, shown as a word or typed as the code
    (``"Rolling out"``, ``"rolling_out"``); other text is returned as it is, for the
    record's checks to report."""
    cleaned = " ".join(text.split())
    return _CODES.get(cleaned.casefold(), cleaned)


def _values(enum_type: type[enum.Enum]) -> tuple[str, ...]:
    """The words of an enum's values, as the drop-down lists of the data sheets offer them."""
    return tuple(enum_word(str(member.value)) for member in enum_type)


def _sources_column(
    key: str = "sources", header: str = "Source ids", since: int = 1, aliases: tuple[str, ...] = ()
) -> Column:
    return Column(
        header,
        key,
        Kind.IDS,
        "ids of the Sources sheet, comma-separated",
        since=since,
        aliases=aliases,
    )


_SETTINGS_NOTE = (
    "evaluation settings as 'key: value' separated by ';' (shots, temperature, top_p,"
    " samples, chain_of_thought, tools, harness, judge, and keys of your own such as"
    " metric: pass@1)"
)

RESULTS = TableSheet(
    sheet="Results",
    table="Results",
    collection="results",
    about="One row per result (benchmark × cohort × model × mode), ready for filters and pivot"
    " tables; the Results of several launches' workbooks stack one under the other and pivot"
    " on the Launch, As-of and Launched columns. Edit scores,"
    " cohorts, comparisons, claims, settings and sources here; add rows for new results.",
    columns=(
        Column("Launch", None, Kind.ID, "the launch's id: stack the Results of several launches"),
        Column("Benchmark id", "benchmark", Kind.ID, "id of the Benchmark details sheet"),
        Column("Benchmark", None, Kind.TEXT, "the benchmark's name"),
        Column("Category", None, Kind.TEXT, "the benchmark's category"),
        Column(
            "Cohort id",
            "cohort",
            Kind.ID,
            "id of the Cohorts sheet: the table of results this one is compared within",
            since=2,
        ),
        Column("Cohort", None, Kind.TEXT, "the cohort's name"),
        Column("Model id", "model", Kind.ID, "id of the Models sheet"),
        Column("Model", None, Kind.TEXT, "the model's name and variant"),
        Column("Developer", None, Kind.TEXT, "the model's developer"),
        Column("Launched", None, Kind.BOOL, "TRUE for a model this launch releases"),
        Column("Mode id", "mode", Kind.ID, "id of the Modes sheet, when the result names a mode"),
        Column(
            "Score",
            "score",
            Kind.NUMBER,
            "the number the source gives, shown with the decimals it was written with;"
            " empty when it gives none",
        ),
        Column("Scale", None, Kind.ENUM, "the benchmark's scale"),
        Column("Direction", None, Kind.ENUM, "whether higher or lower scores are better"),
        Column(
            "Rank",
            None,
            Kind.INT,
            "rank on the leaderboard of this benchmark and cohort (1 is best; ties share);"
            " empty when no rival has a number there",
        ),
        Column("Gap to leader", None, Kind.NUMBER, "distance to the leaderboard leader's score"),
        Column(
            "Standing",
            None,
            Kind.TEXT,
            "'#2 of 4'; 'no rival numbers' for a number nobody else has (not ranked);"
            " 'in words only' for a result without a number",
        ),
        Column(
            "Comparison",
            "comparisons",
            Kind.COMPARISONS,
            "what the source says without numbers: 'relation: model-id, model-id', several"
            " separated by ';' (relations: leads, trails, on_par, not_clearly_ahead;"
            " no model ids means the rest of the field)",
        ),
        Column(
            "Claim",
            "claim",
            Kind.TEXT,
            "what the source says of the result: its exact words when Quoted is TRUE,"
            " else a paraphrase",
        ),
        Column(
            "Quoted",
            "quoted",
            Kind.BOOL,
            "TRUE when the claim is the source's exact words (shown in quotation marks);"
            " FALSE for a paraphrase (never in quotation marks)",
            since=2,
            optional=True,
        ),
        Column(
            "Settings",
            None,
            Kind.TEXT,
            "the settings the result ran under, in words: its cohort's, its benchmark's and"
            " its own, the most specific winning",
        ),
        Column(
            "Result settings",
            "settings",
            Kind.MAPPING,
            "settings of this result alone, where they differ from its cohort's and"
            " benchmark's: " + _SETTINGS_NOTE,
            since=2,
        ),
        Column(
            "Comparability",
            None,
            Kind.TEXT,
            "a warning when the leaderboard's entries ran under different settings",
        ),
        Column("Vendor only", None, Kind.BOOL, "TRUE when only the vendor reports the result"),
        _sources_column(),
        Column("Provenance", None, Kind.TEXT, "the names of the cited sources"),
        Column(
            "As-of",
            None,
            Kind.DATE,
            "the day the launch's record was compiled (its as_of date): tells stacked"
            " exports apart",
        ),
    ),
)

BENCHMARK_DETAILS = TableSheet(
    sheet="Benchmark details",
    table="BenchmarkDetails",
    collection="benchmarks",
    about="One row per benchmark: name, category, scale and its bounds, direction, settings"
    " and sources.",
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
        Column(
            "Min", "min", Kind.NUMBER, "lowest possible score of a points or Elo scale", since=2
        ),
        Column("Max", "max", Kind.NUMBER, "highest possible score (MT-Bench: 10)", since=2),
        Column("Settings", "settings", Kind.MAPPING, _SETTINGS_NOTE, wrap=True),
        Column("Description", "description", Kind.TEXT, "what the benchmark measures", wrap=True),
        _sources_column(),
    ),
)

COHORTS = TableSheet(
    sheet="Cohorts",
    table="Cohorts",
    collection="cohorts",
    about="Tables of results compared with each other (a paper's pretrained and"
    " instruction-tuned tables), with the settings they ran under.",
    since=2,
    columns=(
        Column("Cohort id", "id", Kind.ID, "unique id, used by Results"),
        Column("Cohort", "name", Kind.TEXT, "name: 'Pretrained models'"),
        Column("Settings", "settings", Kind.MAPPING, _SETTINGS_NOTE, wrap=True),
        Column("In words", None, Kind.TEXT, "the settings in words"),
        Column("Results", None, Kind.INT, "how many results belong to the cohort"),
        Column("Description", "description", Kind.TEXT, "what the cohort holds", wrap=True),
        _sources_column(),
    ),
)

MODELS = TableSheet(
    sheet="Models",
    table="Models",
    collection="models",
    about="Every model of the record: the launched ones (Launched TRUE) and those they are"
    " compared with, with specs and license.",
    columns=(
        Column("Model id", "id", Kind.ID, "unique id, used by Results and comparisons"),
        Column("Model", "name", Kind.TEXT, "name"),
        Column("Variant", "variant", Kind.TEXT, "variant such as High or Max"),
        Column("Developer", "developer", Kind.TEXT, "the model's developer"),
        Column(
            "Launched",
            "launched",
            Kind.BOOL,
            "TRUE for each model this launch releases; FALSE for models compared with",
            since=2,
        ),
        Column("Family", "family", Kind.TEXT, "model family", since=2),
        Column("Predecessor", "predecessor", Kind.TEXT, "the model it succeeds", since=2),
        Column(
            "Parameters",
            "specs.parameters",
            Kind.NUMBER,
            "total parameters, as written (8e9)",
            since=2,
        ),
        Column(
            "Active parameters",
            "specs.active_parameters",
            Kind.NUMBER,
            "parameters active per token (mixture of experts)",
            since=2,
        ),
        Column(
            "Architecture", "specs.architecture", Kind.TEXT, "dense, mixture of experts, …", since=2
        ),
        Column("Context window", "specs.context_window", Kind.INT, "tokens of context", since=2),
        Column(
            "Knowledge cutoff",
            "specs.knowledge_cutoff",
            Kind.TEXT,
            "as the source gives it: 2024-08",
            since=2,
        ),
        Column(
            "Other specs",
            "specs",
            Kind.MAPPING,
            "more specs as 'key: value' separated by ';': layers: 62; training_tokens: 14e12",
            since=2,
        ),
        Column(
            "License",
            "license.name",
            Kind.TEXT,
            "the model's own license, when it differs from the launch's",
            since=2,
            aliases=("Licence",),
        ),
        Column(
            "Open weights",
            "license.open_weights",
            Kind.BOOL,
            "TRUE or FALSE under that license; empty when not said",
            since=2,
        ),
        Column(
            "License URL",
            "license.url",
            Kind.TEXT,
            "link to the license",
            since=2,
            aliases=("Licence URL",),
        ),
        _sources_column(
            "license.sources", "License source ids", since=2, aliases=("Licence source ids",)
        ),
        Column("Summary", "summary", Kind.TEXT, "the model in a paragraph", wrap=True, since=2),
        Column("Modalities", "modalities", Kind.LIST, "separated by ';'", since=2),
        Column("Capabilities", "capabilities", Kind.LIST, "separated by ';'", wrap=True, since=2),
        Column("Powers", "powers", Kind.LIST, "products it powers, separated by ';'", since=2),
        _sources_column(),
    ),
)

MODES = TableSheet(
    sheet="Modes",
    table="Modes",
    collection="modes",
    about="The launched models' reasoning modes, from fastest (order 1) to deepest.",
    columns=(
        Column("Mode id", "id", Kind.ID, "unique id, used by Results"),
        Column("Mode", "name", Kind.TEXT, "name"),
        Column("Order", "order", Kind.INT, "1 is the fastest"),
        Column(
            "Status",
            "status",
            Kind.ENUM,
            "availability; unknown when the source does not say",
            choices=_values(RolloutStatus),
        ),
        Column("Timing", "timing", Kind.TEXT, "timing as the source words it"),
        Column("Description", "description", Kind.TEXT, "what the mode does", wrap=True),
        _sources_column(),
    ),
)

ROLLOUT = TableSheet(
    sheet="Rollout",
    table="Rollout",
    collection="surfaces",
    about="Where the models ship: apps, web, messaging, API, weights, hubs, clouds, runtimes;"
    " with status, timing and notes.",
    columns=(
        Column("Surface id", "id", Kind.ID, "unique id"),
        Column("Surface", "name", Kind.TEXT, "name"),
        Column("Kind", "kind", Kind.ENUM, "kind of surface", choices=_values(SurfaceKind)),
        Column(
            "Status",
            "status",
            Kind.ENUM,
            "how far it has shipped; unknown when the source does not say",
            choices=_values(RolloutStatus),
        ),
        Column("Audience", "audience", Kind.TEXT, "who gets it"),
        Column("Timing", "timing", Kind.TEXT, "timing as the source words it"),
        Column(
            "Note",
            "note",
            Kind.TEXT,
            "gated behind the license, OpenAI-compatible, …",
            wrap=True,
            since=2,
        ),
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
    about="What the developer shows the models doing.",
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

DATES = TableSheet(
    sheet="Dates",
    table="Dates",
    collection="dates",
    about="Dated events (announced, released, weights, paper, …), one row per source's"
    " date: two sources dating one event differently give two rows, reported as a conflict.",
    since=2,
    columns=(
        Column("Event", "event", Kind.TEXT, "what happened: announced, released, weights, paper"),
        Column("Date", "date", Kind.DATE, "the day, as this row's sources give it"),
        Column("Note", "note", Kind.TEXT, "more about the event", wrap=True),
        _sources_column(),
        Column("Conflict", None, Kind.TEXT, "when sources disagree on the event's date: each date"),
    ),
)

#: The data sheets read back into the record, in workbook order (besides "Launch").
DATA_TABLES = (
    RESULTS,
    BENCHMARK_DETAILS,
    COHORTS,
    MODELS,
    MODES,
    ROLLOUT,
    SAFETY,
    USE_CASES,
    INSIGHTS,
    SOURCES,
    DATES,
)

LAUNCH_SHEET = TableSheet(
    sheet="Launch",
    table="LaunchFields",
    collection="",
    about="The launch's own fields (id, title, as-of date, developer, license), one per row.",
    columns=(
        Column(
            "Field",
            "field",
            Kind.TEXT,
            "the record field: license.name",
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
    listed: bool = False  # a list of texts, one row per item (schema 1's model block)

    def value(self, launch: Launch) -> Any:
        """The field's value in ``launch`` (a tuple for listed fields)."""
        value: Any = launch
        for part in self.path.split("."):
            value = getattr(value, part) if value is not None else None
        return value


LAUNCH_FIELDS = (
    LaunchField("schema_version", Kind.INT, "shape of the record (schema version)"),
    LaunchField("id", Kind.ID, "the launch's id; also the file name of every export"),
    LaunchField("title", Kind.TEXT, "headline of the launch"),
    LaunchField("as_of", Kind.DATE, "when the record was last brought up to date"),
    LaunchField("summary", Kind.TEXT, "the launch in a paragraph"),
    LaunchField("developer.name", Kind.TEXT, "the organization behind the launch"),
    LaunchField("developer.division", Kind.TEXT, "its division or lab"),
    LaunchField("developer.sources", Kind.IDS, "sources for the developer"),
    LaunchField("license.name", Kind.TEXT, "the license the models ship under"),
    LaunchField(
        "license.open_weights", Kind.BOOL, "TRUE if the weights are open; empty when not said"
    ),
    LaunchField("license.url", Kind.TEXT, "link to the license"),
    LaunchField("license.sources", Kind.IDS, "sources for the license"),
)

#: Fields of workbooks written for schema 1 (launchbrief 0.1.0), read so that they
#: still load: the ``model`` block and ``announced`` are upgraded with the record.
LEGACY_LAUNCH_FIELDS = (
    LaunchField("announced", Kind.DATE, "announcement date (schema 1)"),
    LaunchField("model.id", Kind.ID, "the launched model's id (schema 1)"),
    LaunchField("model.summary", Kind.TEXT, "the launched model in a paragraph (schema 1)"),
    LaunchField("model.family", Kind.TEXT, "model family (schema 1)"),
    LaunchField("model.predecessor", Kind.TEXT, "the model it succeeds (schema 1)"),
    LaunchField("model.modalities", Kind.TEXT, "a modality (schema 1)", listed=True),
    LaunchField("model.capabilities", Kind.TEXT, "a capability (schema 1)", listed=True),
    LaunchField("model.powers", Kind.TEXT, "a product it powers (schema 1)", listed=True),
    LaunchField("model.sources", Kind.IDS, "sources for the launched model (schema 1)"),
)

_LAUNCH_FIELDS_BY_PATH = {f.path: f for f in (*LAUNCH_FIELDS, *LEGACY_LAUNCH_FIELDS)}


def launch_field_rows(launch: Launch) -> Iterator[tuple[str, Any, str, Kind]]:
    """``(field path, value, meaning, kind)`` for every row of the Launch sheet.

    Unknown (``None``) fields get a row with an empty value, so that an analyst can fill them in.
    """
    for spec in LAUNCH_FIELDS:
        value = spec.value(launch)
        if spec.kind is Kind.IDS:
            yield spec.path, format_ids(value or ()), spec.about, spec.kind
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
        """``"Results!L12 (Score)"``; remembered, so that problems can be sorted by place."""
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
    if kind is Kind.ID:
        text = _as_text(value)
        return (text.strip() if isinstance(text, str) else text), None
    if kind is Kind.ENUM:
        text = _as_text(value)
        return (enum_code(text) if isinstance(text, str) else text), None
    if kind is Kind.IDS:
        text = _as_text(value)
        if not isinstance(text, str):
            return text, None
        return [part.strip() for part in _SPLIT_IDS.split(text) if part.strip()], None
    if kind is Kind.NUMBER:
        if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
            return Score(value.strip().lstrip("+")), None
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
    if kind in (Kind.LIST, Kind.MAPPING):
        text = _as_text(value)
        if not isinstance(text, str):
            return text, None
        try:
            return (parse_list(text) if kind is Kind.LIST else parse_mapping(text)), None
        except _Unreadable as error:
            return None, str(error)
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
    version: int = SCHEMA_VERSION,
) -> tuple[list[dict[str, Any]], list[Problem], list[Problem]]:
    """Read a data sheet's rows (``(row number, values)``) into the collection's plain items.

    Returns ``(items, structural problems, cell problems)``: a structural problem (a
    missing column, values right of the table) means the items cannot be trusted; cell
    problems are reported together with the record's own checks. Columns right of the
    last header are not read: a value there is a structural problem, so that a note
    typed beside the table is never silently dropped. ``narrow``, when given, is told
    the columns read and the table's width once the header is found, so that the
    sheet reader can skip the other cells. ``version`` is the workbook's schema version:
    columns added later are not read from an older workbook, and its settings are text.
    """
    iterator = iter(rows)
    found = _header_row(iterator, spec.header())
    if found is None:
        return (
            [],
            [
                Problem(
                    f"no header row with '{spec.header()}' in the first 10 rows",
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
        if column.since > version:
            continue
        if column.kind is Kind.MAPPING and version < 2:
            column = replace(column, kind=Kind.TEXT)  # schema 1 kept settings as text
        position = positions.get(_normal_header(column.header))
        for alias in column.aliases:
            if position is None:
                position = positions.get(_normal_header(alias))
        if position is None and column.key is not None:
            position = positions.get(_normal_header(column.key))
        if position is None and column.optional:
            continue
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
            clash = _put_field(item, column.key, plain, column.kind is Kind.MAPPING)
            if clash is not None:
                problems.append(
                    Problem(
                        f"{clash!r} is given twice: in this cell and in its own column",
                        item_path,
                        file=file,
                        cell=cells.describe(spec.sheet, row_number, index + 1, column.header),
                    )
                )
        items.append(item)
    if stray:
        return [], stray, []
    return items, [], problems


def _put_field(item: dict[str, Any], key: str, value: Any, merge: bool) -> str | None:
    """Put ``value`` at the dotted ``key`` of ``item``; a mapping is merged into what is there.

    Returns a key given twice (by a mapping and a column of its own), else ``None``.
    """
    *parents, last = key.split(".")
    for part in parents:
        nested = item.setdefault(part, {})
        if not isinstance(nested, dict):  # pragma: no cover - columns never overlap so
            return part
        item = nested
    if merge and isinstance(value, dict):
        target = item.setdefault(last, {})
        if not isinstance(target, dict):  # pragma: no cover - a column holds no mapping
            return last
        for name, part_value in value.items():
            if name in target:
                return str(name)
            target[name] = part_value
        return None
    if last in item:
        return last
    item[last] = value
    return None


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
