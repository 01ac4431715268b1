"""The tidy results table: one row per result, plain Python values, ready for any format.

This is the table the ``csv`` exporter writes and :func:`launchbrief.to_frame` turns into
a pandas ``DataFrame``; the workbook's Results sheet shows the same rows with display
words. It imports no third-party library::

    >>> import launchbrief
    >>> from launchbrief.tables import result_rows
    >>> row = result_rows(launchbrief.load("muse-spark"))[0]
    >>> row["scale"], row["launched"]
    ('percent', True)

Values are ``str``, ``float`` (a score keeps how it was written: it is a
:class:`~launchbrief.model.Score`), ``int``, ``bool``, :class:`datetime.date` or ``None``.
Enum columns hold codes (``percent``, ``higher``), never display words. Ranks come from
:func:`launchbrief.analysis.leaderboards`: one leaderboard per benchmark and cohort, so
results of different cohorts are never ranked against each other.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeAlias

import attrs

from launchbrief import analysis
from launchbrief.model import Comparison, Direction, Launch, Result, Scale

__all__ = [
    "RESULT_COLUMNS",
    "RESULT_COLUMN_NAMES",
    "Cell",
    "ColumnType",
    "Row",
    "Standing",
    "TableColumn",
    "format_comparisons",
    "result_rows",
]

#: One value of the table.
Cell: TypeAlias = str | float | int | bool | date | None
#: One row of the table, by column name, in the order of :data:`RESULT_COLUMNS`.
Row: TypeAlias = dict[str, Cell]


class ColumnType(enum.StrEnum):
    """What a column holds."""

    TEXT = "text"  # str
    CODE = "code"  # str, one of the column's ``codes``
    NUMBER = "number"  # float
    INTEGER = "integer"  # int
    BOOLEAN = "boolean"  # bool
    DATE = "date"  # datetime.date


class Standing(enum.StrEnum):
    """Where a result stands on its leaderboard, as a code."""

    RANKED = "ranked"  # a number, ranked against a rival's number
    NO_RIVAL_NUMBERS = "no_rival_numbers"  # a number no rival's can be compared with
    IN_WORDS_ONLY = "in_words_only"  # no number: comparisons or a claim only


@attrs.frozen(kw_only=True)
class TableColumn:
    """One column of the tidy table: its name, type and meaning.

    ``header`` is the matching column of the workbook's Results sheet (``None`` where
    the workbook has none); ``codes`` lists, in order, every value a ``CODE`` column
    can hold; ``nullable`` says whether a cell can be empty (``None``).
    """

    name: str
    type: ColumnType
    meaning: str
    header: str | None = None
    nullable: bool = True
    codes: tuple[str, ...] = ()


def _codes(kind: type[enum.StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in kind)


_T, _C, _N, _I, _B, _D = (
    ColumnType.TEXT,
    ColumnType.CODE,
    ColumnType.NUMBER,
    ColumnType.INTEGER,
    ColumnType.BOOLEAN,
    ColumnType.DATE,
)

#: The columns of the tidy results table, in order.
RESULT_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn(
        name="launch",
        type=_T,
        header="Launch",
        nullable=False,
        meaning="the launch's id: tells the rows of several launches apart",
    ),
    TableColumn(
        name="as_of",
        type=_D,
        header="As-of",
        meaning="the day the launch's record was compiled; empty when the record does not say",
    ),
    TableColumn(
        name="benchmark",
        type=_T,
        header="Benchmark id",
        nullable=False,
        meaning="the benchmark's id",
    ),
    TableColumn(
        name="benchmark_name",
        type=_T,
        header="Benchmark",
        nullable=False,
        meaning="the benchmark's name",
    ),
    TableColumn(
        name="category",
        type=_T,
        header="Category",
        nullable=False,
        meaning="the benchmark's category (multimodal, coding, ...)",
    ),
    TableColumn(
        name="cohort",
        type=_T,
        header="Cohort id",
        meaning="the id of the cohort (table of results) the result is compared within;"
        " empty for none",
    ),
    TableColumn(name="cohort_name", type=_T, header="Cohort", meaning="the cohort's name"),
    TableColumn(name="model", type=_T, header="Model id", nullable=False, meaning="the model's id"),
    TableColumn(
        name="model_name",
        type=_T,
        header="Model",
        nullable=False,
        meaning="the model's name and variant",
    ),
    TableColumn(name="developer", type=_T, header="Developer", meaning="the model's developer"),
    TableColumn(
        name="launched",
        type=_B,
        header="Launched",
        nullable=False,
        meaning="true for a model this launch releases, false for a model it is compared with",
    ),
    TableColumn(
        name="mode",
        type=_T,
        header="Mode id",
        meaning="the reasoning mode's id, when the result names one",
    ),
    TableColumn(
        name="score",
        type=_N,
        header="Score",
        meaning="the number the source gives, as written (66.0 stays 66.0);"
        " empty when it gives none",
    ),
    TableColumn(
        name="scale",
        type=_C,
        header="Scale",
        nullable=False,
        codes=_codes(Scale),
        meaning="the benchmark's scale",
    ),
    TableColumn(
        name="direction",
        type=_C,
        header="Direction",
        nullable=False,
        codes=_codes(Direction),
        meaning="whether higher or lower scores are better",
    ),
    TableColumn(
        name="rank",
        type=_I,
        header="Rank",
        meaning="rank on the leaderboard of this benchmark and cohort (1 is best; ties share);"
        " empty when no rival has a number there, or the result has none",
    ),
    TableColumn(
        name="entries",
        type=_I,
        nullable=False,
        meaning="how many results with a number the leaderboard holds: the N of '#2 of N'",
    ),
    TableColumn(
        name="gap",
        type=_N,
        header="Gap to leader",
        meaning="distance to the leaderboard leader's score (0 for the leader); empty when"
        " not ranked",
    ),
    TableColumn(
        name="standing",
        type=_C,
        header="Standing",
        nullable=False,
        codes=_codes(Standing),
        meaning="ranked; no_rival_numbers for a number nobody else has (not ranked);"
        " in_words_only for a result without a number",
    ),
    TableColumn(
        name="comparison",
        type=_T,
        header="Comparison",
        meaning="what the source says without numbers, as 'relation: model-id, model-id',"
        " several separated by '; ' (relations: leads, trails, on_par, not_clearly_ahead;"
        " no model ids means the rest of the field)",
    ),
    TableColumn(
        name="claim",
        type=_T,
        header="Claim",
        meaning="what the source says of the result: its exact words when quoted is true,"
        " else a paraphrase",
    ),
    TableColumn(
        name="quoted",
        type=_B,
        header="Quoted",
        meaning="true when the claim is the source's exact words; empty when there is no claim",
    ),
    TableColumn(
        name="settings",
        type=_T,
        header="Settings",
        meaning="the settings the result ran under, in words: its cohort's, its benchmark's"
        " and its own, the most specific winning",
    ),
    TableColumn(
        name="comparability",
        type=_T,
        header="Comparability",
        meaning="a warning when the leaderboard's entries ran under different settings",
    ),
    TableColumn(
        name="vendor_only",
        type=_B,
        header="Vendor only",
        nullable=False,
        meaning="true when only the vendor reports the result",
    ),
    TableColumn(
        name="source_ids",
        type=_T,
        header="Source ids",
        meaning="the ids of the cited sources, separated by ', '",
    ),
    TableColumn(
        name="provenance",
        type=_T,
        header="Provenance",
        meaning="the names of the cited sources, separated by '; '",
    ),
)

#: The column names, in order.
RESULT_COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in RESULT_COLUMNS)


def result_rows(launches: Launch | Iterable[Launch]) -> list[Row]:
    """The tidy results table of one launch, or of several stacked in the order given.

    One row per result, in record order, each a dict keyed by the names of
    :data:`RESULT_COLUMNS` (in that order).
    """
    if isinstance(launches, Launch):
        return _launch_rows(launches)
    rows: list[Row] = []
    for launch in launches:
        if not isinstance(launch, Launch):
            raise TypeError(f"expected a Launch, got {type(launch).__name__}")
        rows += _launch_rows(launch)
    return rows


class _Place:
    """A result's place on its leaderboard."""

    __slots__ = ("board", "gap", "rank")

    def __init__(self, board: analysis.Leaderboard, rank: int | None, gap: float | None) -> None:
        self.board, self.rank, self.gap = board, rank, gap


def _launch_rows(launch: Launch) -> list[Row]:
    models = {model.id: model for model in launch.models}
    benchmarks = {benchmark.id: benchmark for benchmark in launch.benchmarks}
    cohorts = {cohort.id: cohort for cohort in launch.cohorts}
    source_names = {source.id: source.name for source in launch.sources}
    # Every result sits on exactly one leaderboard (its benchmark and cohort); the
    # scored ones have a standing there. Keyed by identity: results are values.
    places: dict[int, _Place] = {}
    for board in analysis.leaderboards(launch):
        for standing in board.standings:
            places[id(standing.result)] = _Place(board, standing.rank, standing.gap)
        for result in board.qualitative:
            places[id(result)] = _Place(board, None, None)
    cited: dict[tuple[str, ...], tuple[str | None, str | None, bool]] = {}
    worded: dict[tuple[str | None, str, object], str | None] = {}
    rows: list[Row] = []
    for result in launch.results:
        benchmark = benchmarks[result.benchmark]
        model = models[result.model]
        cohort = cohorts[result.cohort] if result.cohort is not None else None
        place = places[id(result)]
        citation = cited.get(result.sources)
        if citation is None:
            citation = cited[result.sources] = (
                ", ".join(result.sources) or None,
                "; ".join(source_names[s] for s in result.sources) or None,
                analysis.vendor_only(launch, result),
            )
        key = (result.cohort, result.benchmark, result.settings)
        if key not in worded:
            worded[key] = analysis.describe_settings(launch.settings(result)) or None
        ids, names, vendor = citation
        rows.append(
            {
                "launch": launch.id,
                "as_of": launch.as_of,
                "benchmark": benchmark.id,
                "benchmark_name": benchmark.name,
                "category": benchmark.category,
                "cohort": result.cohort,
                "cohort_name": cohort.name if cohort is not None else None,
                "model": model.id,
                "model_name": model.label,
                "developer": model.developer,
                "launched": model.launched,
                "mode": result.mode,
                "score": result.score,
                "scale": benchmark.scale.value,
                "direction": benchmark.direction.value,
                "rank": place.rank,
                "entries": len(place.board.standings),
                "gap": place.gap,
                "standing": _standing(result, place.rank).value,
                "comparison": format_comparisons(result.comparisons),
                "claim": result.claim,
                "quoted": result.quoted if result.claim is not None else None,
                "settings": worded[key],
                "comparability": place.board.warning,
                "vendor_only": vendor,
                "source_ids": ids,
                "provenance": names,
            }
        )
    return rows


def _standing(result: Result, rank: int | None) -> Standing:
    if result.score is None:
        return Standing.IN_WORDS_ONLY
    return Standing.RANKED if rank is not None else Standing.NO_RIVAL_NUMBERS


def format_comparisons(comparisons: Sequence[Comparison]) -> str | None:
    """Comparisons as one machine-readable text: ``"trails: gemini-3-1-pro, gpt-5-4; leads"``.

    ``None`` for none. The workbook's Comparison column uses the same form.
    """
    if not comparisons:
        return None
    return "; ".join(
        f"{c.relation.value}: {', '.join(c.versus)}" if c.versus else c.relation.value
        for c in comparisons
    )
