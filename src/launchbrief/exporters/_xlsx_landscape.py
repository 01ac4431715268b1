"""The landscape workbook: several launches in one workbook, compared where they can be.

Analysts track many launches. The landscape puts them side by side: a Launches sheet
(one row per launch), one tidy Results table across every launch for pivots, and
cross-launch leaderboards of the benchmarks two or more launches report, each within
one set of settings (a 5-shot MMLU is never ranked against a 0-shot one).

Two parts: :func:`cross_leaderboards` and :func:`benchmark_key` decide what is compared
(pure Python, no spreadsheet library, usable by any exporter); :func:`write_landscape`
writes the workbook through the xlsx exporter's machinery, which imports openpyxl, so
that importing this module stays cheap.

What is compared, and how:

- Benchmarks match across launches by id or by name, reduced by :func:`benchmark_key`
  to letters and digits (case, accents, spaces and punctuation ignored; ``+`` counts, as
  "plus"): ``MMLU-Pro``, ``mmlu_pro`` and ``MMLU Pro`` are one benchmark; ``HumanEval``
  and ``HumanEval+`` are two. Benchmarks linked through either key are one.
- A leaderboard holds the launched models' scores on one benchmark under one set of
  settings (the result's own, its cohort's and its benchmark's, the most specific
  winning, as :meth:`~launchbrief.model.Launch.settings` gives them) and on one scale
  and direction. Entries whose settings differ are in separate leaderboards, each
  saying what differs ("not strictly comparable: 5-shot vs 0-shot"); entries whose
  source gives no settings share one leaderboard that says so.
- Rivals' numbers stay in each launch's Results rows: each launch reports its rivals
  under its own conditions, so they are not ranked across launches.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

import attrs

from launchbrief import analysis
from launchbrief.exceptions import ExportError
from launchbrief.model import (
    Benchmark,
    Cohort,
    Direction,
    Launch,
    Mode,
    Model,
    Result,
    RolloutStatus,
    Scale,
    Settings,
)

if TYPE_CHECKING:  # the writer's machinery imports openpyxl: only when writing
    from launchbrief.exporters.xlsx import _Workbook

__all__ = [
    "LANDSCAPE_SHEETS",
    "CrossBoard",
    "CrossEntry",
    "benchmark_key",
    "cross_leaderboards",
    "write_landscape",
]

#: The landscape workbook's sheets, in order.
LANDSCAPE_SHEETS = ("Summary", "Launches", "Results", "Leaderboards")

# --------------------------------------------------------------------------- what is compared

_NOT_KEY = re.compile(r"[^0-9a-z]+")


@functools.lru_cache(maxsize=1 << 14)
def benchmark_key(text: str) -> str:
    """A benchmark's id or name as it is matched across launches.

    Letters and digits only, accents dropped, casefolded; ``+`` is kept as ``plus``:
    ``"MMLU-Pro"`` and ``"mmlu_pro"`` give ``"mmlupro"``, ``"HumanEval+"`` gives
    ``"humanevalplus"``, which ``"HumanEval"`` does not match.
    """
    text = unicodedata.normalize("NFKD", text.replace("+", " plus "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NOT_KEY.sub("", text)


@attrs.frozen(kw_only=True)
class CrossEntry:
    """A launched model's score on a cross-launch leaderboard.

    ``rank`` is ``None`` on a leaderboard only one launch reports under its settings
    (nothing is ranked across launches there); ``gap`` is the distance to the leader.
    """

    launch: Launch
    model: Model
    mode: Mode | None
    result: Result
    benchmark: Benchmark  # as this launch names it
    cohort: Cohort | None
    score: float
    rank: int | None = None
    gap: float | None = None

    @property
    def label(self) -> str:
        """The model's label, with the mode when the result names one."""
        return f"{self.model.label} ({self.mode.name})" if self.mode else self.model.label


@attrs.frozen(kw_only=True)
class CrossBoard:
    """One benchmark two or more launches report, under one set of settings and one scale.

    ``entries`` are best first. ``launches`` counts the launches with an entry here;
    with fewer than two, nothing is ranked. ``others`` are the setups of the same
    benchmark's other leaderboards ("0-shot", "settings not given"): when there are
    any, this leaderboard is not strictly comparable with them and says so.
    """

    name: str
    key: str
    scale: Scale
    bounds: tuple[float, float] | None
    direction: Direction
    settings: Settings
    entries: tuple[CrossEntry, ...]
    launches: int
    others: tuple[str, ...] = ()
    scale_differs: bool = False

    @property
    def setup(self) -> str:
        """The settings in words (``"5-shot, temperature 0"``), or ``"settings not given"``;
        with the scale when the benchmark's leaderboards differ in scale."""
        words = analysis.describe_settings(self.settings) or "settings not given"
        return f"{words}, {self.scale.value}" if self.scale_differs else words

    @property
    def ranked(self) -> bool:
        """Whether entries are ranked: two or more launches report a number here."""
        return self.launches >= 2

    @property
    def title(self) -> str:
        """``"MMLU — 5-shot (3 launches)"``."""
        return f"{self.name} — {self.setup} ({_launches(self.launches)})"

    @property
    def notes(self) -> tuple[str, ...]:
        """What a reader must know before comparing: other settings, settings not given,
        a leaderboard of one launch."""
        notes = []
        if self.others:
            # Setups hold commas of their own: ';' between them.
            notes.append(f"not strictly comparable: {self.setup} vs {'; '.join(self.others)}")
        if not self.settings:
            notes.append(
                "the sources give no settings: the launches may have run the benchmark differently"
            )
        if not self.ranked:
            notes.append(
                "only one launch reports it under these settings: not ranked across launches"
            )
        return tuple(notes)


def _launches(count: int) -> str:
    return f"{count:,} launch" + ("" if count == 1 else "es")


class _Keys:
    """Union of benchmark keys: benchmarks linked by an id or a name are one."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while key != root:  # path compression
            key, self.parent[key] = self.parent[key], root
        return root

    def join(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _benchmark_keys(benchmark: Benchmark) -> tuple[str, ...]:
    return tuple(key for key in (benchmark_key(benchmark.id), benchmark_key(benchmark.name)) if key)


def _groups(launches: Sequence[Launch]) -> tuple[_Keys, dict[str, str]]:
    """The union of every benchmark's keys, and each group's name (as first named)."""
    keys = _Keys()
    for launch in launches:
        for benchmark in launch.benchmarks:
            found = _benchmark_keys(benchmark)
            for key in found[1:]:
                keys.join(found[0], key)
    names: dict[str, str] = {}
    for launch in launches:
        for benchmark in launch.benchmarks:
            found = _benchmark_keys(benchmark)
            if found:
                names.setdefault(keys.find(found[0]), benchmark.name)
    return keys, names


def _settings_key(settings: Settings) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((key, repr(value)) for key, value in settings.items()))


def _difference(first: float, second: float) -> float:
    """A gap without float noise: 86.4 - 82.8 is 3.6, not 3.6000000000000085."""
    return float(f"{abs(first - second):.10g}")


def cross_leaderboards(launches: Sequence[Launch]) -> tuple[CrossBoard, ...]:
    """The leaderboards of benchmarks that two or more launches report a number on.

    Each holds the launched models' scores under one set of settings and one scale,
    best first, ranked when two or more launches are on it (ties share a rank). The
    leaderboards of the most widely shared benchmarks come first; within one
    benchmark, the leaderboard with the most launches. See the module's notes for the
    matching rule.
    """
    keys, names = _groups(launches)
    #: Per leaderboard: (launch's position, launch, result, benchmark), in record order.
    blocks: dict[tuple[Any, ...], list[tuple[int, Launch, Result, Benchmark]]] = {}
    settings_of: dict[tuple[Any, ...], Settings] = {}
    launches_of: dict[str, set[int]] = {}
    for position, launch in enumerate(launches):
        launched = {model.id for model in launch.models if model.launched}
        if not launched:
            continue
        group_of = {}
        for benchmark in launch.benchmarks:
            found = _benchmark_keys(benchmark)
            if found:
                group_of[benchmark.id] = (keys.find(found[0]), benchmark)
        # One look-up per kind of result: its cohort, benchmark and own settings.
        block_of: dict[tuple[str | None, str, Settings | None], tuple[Any, ...]] = {}
        for result in launch.results:
            if result.score is None or result.model not in launched:
                continue
            found_group = group_of.get(result.benchmark)
            if found_group is None:
                continue
            group, benchmark = found_group
            kind = (result.cohort, result.benchmark, result.settings)
            block = block_of.get(kind)
            if block is None:
                settings = launch.settings(result)
                block = block_of[kind] = (
                    group,
                    benchmark.scale,
                    benchmark.bounds,
                    benchmark.direction,
                    _settings_key(settings),
                )
                settings_of.setdefault(block, settings)
                launches_of.setdefault(group, set()).add(position)
            blocks.setdefault(block, []).append((position, launch, result, benchmark))
    by_group: dict[str, list[tuple[Any, ...]]] = {}
    for block in blocks:
        if len(launches_of[block[0]]) >= 2:
            by_group.setdefault(block[0], []).append(block)
    boards: list[CrossBoard] = []
    for group in sorted(
        by_group, key=lambda g: (-len(launches_of[g]), (names.get(g) or g).casefold(), g)
    ):
        group_blocks = by_group[group]
        scale_differs = len({(b[1], b[2], b[3]) for b in group_blocks}) > 1
        drafts = []
        for block in group_blocks:
            _group, scale, bounds, direction, _settings = block
            members = blocks[block]
            drafts.append(
                CrossBoard(
                    name=names.get(group) or group,
                    key=group,
                    scale=scale,
                    bounds=bounds,
                    direction=direction,
                    settings=settings_of[block],
                    entries=_ranked(members, direction),
                    launches=len({position for position, *_rest in members}),
                    scale_differs=scale_differs,
                )
            )
        drafts.sort(key=lambda board: (-board.launches, board.setup.casefold()))
        for board in drafts:
            others = tuple(dict.fromkeys(other.setup for other in drafts if other is not board))
            boards.append(attrs.evolve(board, others=others) if others else board)
    return tuple(boards)


def _ranked(
    found: list[tuple[int, Launch, Result, Benchmark]], direction: Direction
) -> tuple[CrossEntry, ...]:
    """The entries best first, ranked (ties share a rank) when two or more launches are there."""
    sign = -1.0 if direction is Direction.HIGHER else 1.0
    ordered = sorted(found, key=lambda item: sign * (item[2].score or 0.0))
    ranked = len({position for position, *_rest in ordered}) >= 2
    lookups: dict[int, tuple[dict[str, Model], dict[str, Mode], dict[str, Cohort]]] = {}
    entries: list[CrossEntry] = []
    rank: int | None = None
    best = ordered[0][2].score if ordered else None
    for place, (position, launch, result, benchmark) in enumerate(ordered):
        lookup = lookups.get(position)
        if lookup is None:
            lookup = lookups[position] = (
                {m.id: m for m in launch.models},
                {m.id: m for m in launch.modes},
                {c.id: c for c in launch.cohorts},
            )
        models, modes, cohorts = lookup
        score = result.score
        if score is None or best is None:  # pragma: no cover - only scored results are here
            continue
        if ranked:
            tied = bool(entries) and entries[-1].score == score
            rank = rank if tied else place + 1
        entries.append(
            CrossEntry(
                launch=launch,
                model=models[result.model],
                mode=modes.get(result.mode) if result.mode else None,
                result=result,
                benchmark=benchmark,
                cohort=cohorts.get(result.cohort) if result.cohort else None,
                score=score,
                rank=rank,
                gap=_difference(best, score) if ranked else None,
            )
        )
    return tuple(entries)


# --------------------------------------------------------------------------- the workbook


def write_landscape(
    launches: Sequence[Launch],
    dest: str | os.PathLike[str] | IO[bytes],
    /,
    *,
    accent: str | None = None,
) -> None:
    """Write one workbook across ``launches`` to ``dest`` (a path, written atomically, or a stream).

    Sheets (see :data:`LANDSCAPE_SHEETS`): Summary (what is compared and how), Launches
    (one row per launch), Results (one tidy Excel Table of every result of every launch,
    for pivots) and Leaderboards (:func:`cross_leaderboards`, one block each). Writing
    streams, as the launch workbook does, so memory stays flat however many results.

    Raises:
        ExportError: no launches, two launches with one id, an accent that is not a
            color, or text or rows past Excel's limits; nothing is written.
    """
    from launchbrief._reproducible import document_time
    from launchbrief.exporters import xlsx
    from launchbrief.exporters._registry import open_destination

    launches = tuple(launches)
    if not launches:
        raise ExportError("a landscape needs at least one launch")
    seen: dict[str, int] = {}
    for position, launch in enumerate(launches):
        if not isinstance(launch, Launch):
            raise ExportError(
                f"launches[{position}] is a {type(launch).__name__}, not a launch record"
            )
        if launch.id in seen:
            raise ExportError(
                f"launches[{position}]: the id {launch.id!r} is also launches[{seen[launch.id]}]'s;"
                " a landscape holds each launch once (launchbrief diff compares two versions)"
            )
        seen[launch.id] = position
    colour = xlsx._colour(accent if accent is not None else xlsx.DEFAULT_ACCENT)
    document_time()  # a bad SOURCE_DATE_EPOCH is refused here, before any work
    escaped: list[str] = []
    for launch in launches:
        try:
            escaped += [f"{launch.id}: {path}" for path in xlsx._check_launch(launch, (_RESULTS,))]
        except ExportError as error:
            raise ExportError(f"{launch.id}: {error}") from None
    results = sum(len(launch.results) for launch in launches)
    if results + 1 > xlsx.EXCEL_MAX_ROWS:
        raise ExportError(
            f"the Results sheet would need {results + 1:,} rows; an Excel sheet holds at most"
            f" {xlsx.EXCEL_MAX_ROWS:,}"
        )
    boards = cross_leaderboards(launches)
    rows = sum(len(board.entries) + 4 for board in boards)
    if rows + 1 > xlsx.EXCEL_MAX_ROWS:
        raise ExportError(
            f"the Leaderboards sheet would need {rows + 1:,} rows; an Excel sheet holds at"
            f" most {xlsx.EXCEL_MAX_ROWS:,}"
        )
    if escaped:
        shown = ", ".join(escaped[:5]) + (
            f" and {len(escaped) - 5} more" if len(escaped) > 5 else ""
        )
        warnings.warn(
            f"{len(escaped)} text field(s) hold control characters that a workbook cannot"
            f" store as they are ({shown}); they are written as Excel's _xHHHH_ escapes",
            xlsx.XlsxTextWarning,
            stacklevel=3,
        )
    with tempfile.SpooledTemporaryFile(max_size=2**20) as buffer:
        _write(xlsx, launches, boards, colour, buffer)
        buffer.seek(0)
        with open_destination(dest) as stream:
            shutil.copyfileobj(buffer, stream, 1 << 20)


_RESULTS = "Results"


def _write(
    xlsx: Any,
    launches: tuple[Launch, ...],
    boards: tuple[CrossBoard, ...],
    accent: str,
    buffer: IO[bytes],
) -> None:
    book = xlsx._Workbook(accent)
    for name in LANDSCAPE_SHEETS:
        book.sheets[name] = book.wb.create_sheet(name)
    shared = _shared_counts(launches, boards)
    _write_summary(xlsx, book, launches, boards)
    _write_launches(xlsx, book, launches, shared)
    _write_results(xlsx, book, launches)
    _write_leaderboards(xlsx, book, boards)
    properties = book.wb.properties
    properties.title = f"AI model launch landscape: {len(launches):,} launches"
    properties.subject = xlsx._clip(
        xlsx._display("Launches compared: " + ", ".join(launch.title for launch in launches[:20])),
        1000,
    )
    properties.keywords = "launchbrief; landscape; benchmarks"
    properties.category = "AI model launch landscape"
    book.save(buffer)


def _shared_counts(launches: Sequence[Launch], boards: Sequence[CrossBoard]) -> dict[str, int]:
    """How many of each launch's benchmarks are on a cross-launch leaderboard, by launch id."""
    found: dict[str, set[str]] = {}
    for board in boards:
        for entry in board.entries:
            found.setdefault(entry.launch.id, set()).add(board.key)
    return {launch.id: len(found.get(launch.id, ())) for launch in launches}


# --------------------------------------------------------------------------- summary


def _as_of_range(launches: Sequence[Launch]) -> str:
    days = sorted({launch.as_of for launch in launches if launch.as_of is not None})
    if not days:
        return "records without an as-of date"
    if len(days) == 1:
        return f"records as of {days[0].isoformat()}"
    return f"records as of {days[0].isoformat()} to {days[-1].isoformat()}"


def _write_summary(
    xlsx: Any, book: _Workbook, launches: Sequence[Launch], boards: Sequence[CrossBoard]
) -> None:
    page = xlsx._Page(book, "Summary", (26.0, 90.0, 30.0))
    page.ws.sheet_properties.tabColor = book.accent
    display = xlsx._display
    page.title(
        f"AI model launch landscape: {len(launches):,} launch{'es' if len(launches) != 1 else ''}",
        f"{_as_of_range(launches)} · launchbrief {xlsx.__version__}",
    )
    page.section("Launches", ("Launch", "Launched models", "Developer, as of"))
    most = xlsx._SUMMARY_ROWS
    for launch in launches[:most]:
        page.line(
            display(launch.title),
            display(
                ", ".join(model.label for model in launch.launched[:most]) or "none marked launched"
            )
            + (
                f" … and {len(launch.launched) - most:,} more"
                if len(launch.launched) > most
                else ""
            ),
            display(
                launch.developer.name
                + (f", {launch.as_of.isoformat()}" if launch.as_of else ", no as-of date")
            ),
        )
    more = xlsx._more(len(launches), most, "Launches")
    if more:
        page.line(None, more)

    groups: dict[str, list[CrossBoard]] = {}
    for board in boards:
        groups.setdefault(board.key, []).append(board)
    page.section("What is compared")
    page.line(
        "Shared benchmarks",
        f"{len(groups):,} benchmark{'s' if len(groups) != 1 else ''} with a launched model's"
        f" number in two or more launches, on {len(boards):,} leaderboard"
        f"{'s' if len(boards) != 1 else ''}"
        + (
            f"; {sum(1 for b in boards if b.others):,} of them not strictly comparable with"
            " another leaderboard of the same benchmark (other settings or scale)"
            if any(b.others for b in boards)
            else ""
        )
        + ". See the Leaderboards sheet.",
    )
    page.line(
        "Matching benchmarks",
        "A benchmark is the same in two launches when their ids or their names match once"
        " reduced to letters and digits: case, accents, spaces and punctuation are ignored and"
        " '+' counts as 'plus'. MMLU-Pro, mmlu_pro and MMLU Pro match; HumanEval and"
        " HumanEval+ do not. Benchmarks linked through an id or a name are one. The Results"
        " sheet's Matched benchmark column holds the name each row is compared under.",
    )
    page.line(
        "One leaderboard, one setup",
        "A leaderboard ranks the launched models' scores on one benchmark under one set of"
        " settings (shots, temperature, top p, samples, harness, judge and any other: the"
        " result's own, its cohort's and its benchmark's, the most specific winning) and on"
        " one scale and direction. Entries that ran under different settings are in separate"
        " leaderboards, each saying what differs (not strictly comparable: 5-shot vs 0-shot);"
        " entries whose sources give no settings share a leaderboard that says so. Never one"
        " leaderboard across different settings.",
    )
    page.line(
        "Ranks",
        "1 is best (lower is better where the benchmark says so); tied scores share a rank;"
        " the gap is the distance to the leader's score. A leaderboard only one launch"
        " reports under its settings is listed, not ranked.",
    )
    page.line(
        "Rivals",
        "Each launch's numbers for the rival models it compares itself with are in Results"
        " (Launched FALSE), not on the cross-launch leaderboards: each launch reports its"
        " rivals under its own conditions.",
    )
    page.line(
        "Numbers as written",
        "Every score is a number shown with the decimals its source wrote (85.20 stays"
        " 85.20); the number format carries the precision.",
    )
    if groups:
        page.section("The most widely shared benchmarks", ("Benchmark", "Leaderboards", "Launches"))
        reporting = {
            key: len({id(entry.launch) for board in group for entry in board.entries})
            for key, group in groups.items()
        }
        ordered = sorted(groups, key=lambda key: (-reporting[key], groups[key][0].name.casefold()))
        for key in ordered[:most]:
            group = groups[key]
            page.line(
                display(group[0].name),
                display(
                    "; ".join(f"{board.setup}: {_launches(board.launches)}" for board in group[:10])
                )
                + (f"; and {len(group) - 10} more" if len(group) > 10 else ""),
                f"{reporting[key]:,}",
            )
        more = xlsx._more(len(ordered), most, "Leaderboards")
        if more:
            page.line(None, more)
    page.section("Sheets", ("Sheet", "What it holds"))
    page.line(
        "Launches",
        "One row per launch: title, developer, as-of and announcement dates, the launched models, license, surfaces live and planned, and how many benchmarks, shared benchmarks, results and sources it has.",
    )
    page.line(
        "Results",
        "One tidy Excel Table of every result of every launch, for filters and pivot tables: Launch, As-of, Launched, Developer, Model, Mode, Benchmark, Matched benchmark, Category, Cohort, Settings (in words), Score, Scale, Direction, Claim, Sources.",
    )
    page.line(
        "Leaderboards",
        "One block per shared benchmark and setup: rank, launch, model, score and gap, the cohort and the benchmark as each launch names it; a note says what the block cannot be compared with.",
    )
    page.section("This workbook")
    page.line("Generated by", f"launchbrief {xlsx.__version__}")
    page.line(
        "Reading it back",
        "A landscape is a view of several launches: it does not load back as a launch."
        " Load and edit each launch from its own file or workbook.",
    )


# --------------------------------------------------------------------------- launches


_LAUNCH_COLUMNS = (
    ("Launch", "id"),
    ("Title", "text"),
    ("Developer", "text"),
    ("As-of", "date"),
    ("Announced", "date"),
    ("Launched models", "int"),
    ("Launched model names", "text"),
    ("License", "text"),
    ("Open weights", "bool"),
    ("Surfaces live", "int"),
    ("Surfaces planned", "int"),
    ("Benchmarks", "int"),
    ("Shared benchmarks", "int"),
    ("Results", "int"),
    ("Sources", "int"),
)


def _launch_values(launch: Launch, shared: dict[str, int]) -> list[Any]:
    launched = launch.launched
    live = sum(1 for s in launch.surfaces if s.status is RolloutStatus.LIVE)
    planned = sum(1 for s in launch.surfaces if s.status is RolloutStatus.PLANNED)
    names = "; ".join(model.label for model in launched) or None
    return [
        launch.id,
        launch.title,
        launch.developer.name,
        launch.as_of,
        launch.announced,
        len(launched),
        names,
        launch.license.name if launch.license else None,
        launch.license.open_weights if launch.license else None,
        live,
        planned,
        len(launch.benchmarks),
        shared.get(launch.id, 0),
        len(launch.results),
        len(launch.sources),
    ]


def _write_launches(
    xlsx: Any, book: _Workbook, launches: Sequence[Launch], shared: dict[str, int]
) -> None:
    """Launches: one row per launch, as an Excel Table."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    ws = book.sheet("Launches")
    headers = [header for header, _kind in _LAUNCH_COLUMNS]
    kinds = [kind for _header, kind in _LAUNCH_COLUMNS]
    wrapped = [header in ("Title", "Launched model names") for header in headers]
    values = [_launch_values(launch, shared) for launch in launches]
    for row in values:
        row[6] = xlsx._clip(row[6]) if row[6] else None
    widths = xlsx._prepare_columns(
        ws, book, headers, [False] * len(headers), values, wrapped, repeat=1
    )
    for index, is_wrapped in enumerate(wrapped):
        if is_wrapped and widths[index] > 40:  # long titles and names wrap
            widths[index] = 40.0
            ws.column_dimensions[get_column_letter(index + 1)].width = 40.0
    xlsx._print_across(ws, widths, 1)
    top = Alignment(vertical="top")
    styles = {
        "date": xlsx._Style(number_format=xlsx._DATE_FORMAT, alignment=top),
        "int": xlsx._Style(number_format="#,##0", alignment=top),
        "bool": xlsx._Style(number_format=xlsx._BOOL_FORMAT, alignment=top),
        "text": xlsx._Style(alignment=Alignment(vertical="top", wrap_text=True)),
        "id": xlsx._Style(alignment=top),
    }
    for number, row in enumerate(values, start=2):
        height = xlsx._row_height(row, widths, wrapped)
        if height is not None:
            ws.row_dimensions[number].height = height
        ws.append(
            [
                styles[kind].cell(ws, value) if value is not None else None
                for kind, value in zip(kinds, row, strict=True)
            ]
        )
    book.table(ws, "Launches", headers, len(values))


# --------------------------------------------------------------------------- results


_RESULT_HEADERS = (
    "Launch",
    "As-of",
    "Launched",
    "Developer",
    "Model",
    "Mode",
    "Benchmark",
    "Matched benchmark",
    "Category",
    "Cohort",
    "Settings",
    "Score",
    "Scale",
    "Direction",
    "Claim",
    "Sources",
)


def _write_results(xlsx: Any, book: _Workbook, launches: Sequence[Launch]) -> None:
    """Results: one row per result of every launch, as one Excel Table; rows streamed as text."""
    from openpyxl.styles import Alignment

    from launchbrief.exporters import _xlsx_cells as cells
    from launchbrief.exporters._xlsx_layout import enum_word, number_format, number_shape

    ws = book.sheet(_RESULTS)
    headers = list(_RESULT_HEADERS)
    # The matched names come from the grouping the leaderboards use.
    keys, names = _groups(launches)

    def matched(benchmark: Benchmark) -> str | None:
        found = _benchmark_keys(benchmark)
        return names.get(keys.find(found[0])) if found else None

    def sample() -> Iterator[list[Any]]:
        for launch in launches:
            benchmarks = {b.id: b for b in launch.benchmarks}
            models = {m.id: m for m in launch.models}
            for result in launch.results[:200]:
                benchmark = benchmarks[result.benchmark]
                model = models[result.model]
                yield [
                    launch.id, launch.as_of, model.launched, model.developer, model.label,
                    result.mode, benchmark.name, matched(benchmark), benchmark.category,
                    result.cohort, None, result.score, enum_word(benchmark.scale.value),
                    enum_word(benchmark.direction.value), None, None,
                ]  # fmt: skip

    wrapped = [header in ("Claim", "Settings") for header in headers]
    xlsx._prepare_columns(ws, book, headers, [False] * len(headers), sample(), wrapped, repeat=1)
    for letter, width in (("K", 30.0), ("O", 50.0), ("P", 30.0)):
        ws.column_dimensions[letter].width = width
    total = sum(len(launch.results) for launch in launches)
    book.table(ws, "LandscapeResults", headers, total)
    top = Alignment(vertical="top")
    text_id = book.style_id(ws, xlsx._Style(alignment=top))
    quoted_id = book.style_id(ws, xlsx._Style(alignment=top), quoted=True)
    date_id = book.style_id(ws, xlsx._Style(number_format=xlsx._DATE_FORMAT, alignment=top))
    bool_id = book.style_id(
        ws,
        xlsx._Style(
            number_format=xlsx._BOOL_FORMAT,
            alignment=Alignment(vertical="top", horizontal="center"),
        ),
    )
    number_ids: dict[tuple[str, int, int], int] = {}

    def number(value: float) -> str:
        shape = number_shape(value)
        style = number_ids.get(shape)
        if style is None:
            style = number_ids[shape] = book.style_id(
                ws, xlsx._Style(number_format=number_format(shape), alignment=top)
            )
        return cells.number_fragment(value, style)

    def text(value: str | None) -> str:
        return cells.text_fragment(value, text_id, quoted_id)

    letters = cells.column_letters(len(headers))
    col = dict(zip(headers, letters, strict=True))

    def rows() -> Iterator[bytes]:
        number_row = 1
        chunk: list[str] = []
        for launch in launches:
            launch_id = text(launch.id)
            as_of = cells.date_fragment(launch.as_of, date_id, text_id)
            bench = {
                b.id: (
                    text(b.name), text(matched(b)), text(b.category),
                    text(enum_word(b.scale.value)), text(enum_word(b.direction.value)),
                )
                for b in launch.benchmarks
            }  # fmt: skip
            model = {
                m.id: (
                    cells.bool_fragment(m.launched, bool_id),
                    text(m.developer or (launch.developer.name if m.launched else None)),
                    text(m.label),
                )
                for m in launch.models
            }
            mode = {m.id: text(m.name) for m in launch.modes}
            cohort = {c.id: text(c.name) for c in launch.cohorts}
            source = {s.id: s.name for s in launch.sources}
            worded: dict[tuple[str | None, str, Settings | None], str] = {}
            cited: dict[tuple[str, ...], str] = {}
            for result in launch.results:
                number_row += 1
                row = str(number_row)
                b_name, b_matched, b_category, b_scale, b_direction = bench[result.benchmark]
                m_launched, m_developer, m_label = model[result.model]
                parts = [f'<row r="{row}"><c r="{col["Launch"]}{row}"{launch_id}']
                if as_of:
                    parts.append(f'<c r="{col["As-of"]}{row}"{as_of}')
                parts.append(f'<c r="{col["Launched"]}{row}"{m_launched}')
                if m_developer:
                    parts.append(f'<c r="{col["Developer"]}{row}"{m_developer}')
                parts.append(f'<c r="{col["Model"]}{row}"{m_label}')
                if result.mode is not None:
                    parts.append(f'<c r="{col["Mode"]}{row}"{mode[result.mode]}')
                parts.append(
                    f'<c r="{col["Benchmark"]}{row}"{b_name}'
                    f'<c r="{col["Matched benchmark"]}{row}"{b_matched}'
                    f'<c r="{col["Category"]}{row}"{b_category}'
                )
                if result.cohort is not None:
                    parts.append(f'<c r="{col["Cohort"]}{row}"{cohort[result.cohort]}')
                key = (result.cohort, result.benchmark, result.settings)
                words = worded.get(key)
                if words is None:
                    words = worded[key] = text(
                        xlsx._clip(analysis.describe_settings(launch.settings(result))) or None
                    )
                if words:
                    parts.append(f'<c r="{col["Settings"]}{row}"{words}')
                if result.score is not None:
                    score = number(result.score)
                    if score:
                        parts.append(f'<c r="{col["Score"]}{row}"{score}')
                parts.append(
                    f'<c r="{col["Scale"]}{row}"{b_scale}<c r="{col["Direction"]}{row}"{b_direction}'
                )
                claim = xlsx._claim_words(result.claim, quoted=result.quoted)
                if claim:
                    parts.append(f'<c r="{col["Claim"]}{row}"{text(xlsx._clip(claim))}')
                if result.sources:
                    names_cell = cited.get(result.sources)
                    if names_cell is None:
                        names_cell = cited[result.sources] = text(
                            xlsx._clip("; ".join(source[s] for s in result.sources))
                        )
                    parts.append(f'<c r="{col["Sources"]}{row}"{names_cell}')
                parts.append("</row>")
                chunk.append("".join(parts))
                if len(chunk) >= 1000:
                    yield "".join(chunk).encode("utf-8")
                    chunk.clear()
        if chunk:
            yield "".join(chunk).encode("utf-8")

    book.splices[ws] = rows


# --------------------------------------------------------------------------- leaderboards


_BOARD_HEADERS = (
    "Rank",
    "Launch",
    "Model",
    "Score",
    "Gap to leader",
    "Cohort",
    "Benchmark as named",
    "As-of",
)
_BOARD_WIDTHS = (8.0, 26.0, 30.0, 11.0, 13.0, 34.0, 30.0, 12.0)


def _write_leaderboards(xlsx: Any, book: _Workbook, boards: Sequence[CrossBoard]) -> None:
    """Leaderboards: one block per cross-launch leaderboard (title, notes, header, entries)."""
    from openpyxl.styles import Alignment, PatternFill

    from launchbrief.exporters import _xlsx_cells as cells
    from launchbrief.exporters._xlsx_layout import number_format, number_shape

    ws = book.sheet("Leaderboards")
    ws.sheet_view.showGridLines = False
    letters = cells.column_letters(len(_BOARD_HEADERS))
    for letter, width in zip(letters, _BOARD_WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    intro = (
        "Each block: one benchmark two or more launches report, under one setup; launched"
        " models only, best first. Read the note under a block's title before comparing."
        if boards
        else "No benchmark has a launched model's number in two or more launches."
    )
    ws.append([book.subtitle.cell(ws, intro)])
    top = Alignment(vertical="top")
    section_id = book.style_id(ws, book.section)
    section_quoted = book.style_id(ws, book.section, quoted=True)
    note_style = xlsx._Style(
        font=xlsx._font(italic=True, color="7F6000"),
        fill=PatternFill("solid", fgColor="FFF4D6"),
    )
    note_id = book.style_id(ws, note_style)
    note_quoted = book.style_id(ws, note_style, quoted=True)
    header_id = book.style_id(ws, book.derived_header)
    wrapping = xlsx._Style(alignment=Alignment(vertical="top", wrap_text=True))
    text_id = book.style_id(ws, wrapping)
    quoted_id = book.style_id(ws, wrapping, quoted=True)
    rank_id = book.style_id(
        ws,
        xlsx._Style(number_format="0", alignment=Alignment(vertical="top", horizontal="center")),
    )
    date_id = book.style_id(ws, xlsx._Style(number_format=xlsx._DATE_FORMAT, alignment=top))
    number_ids: dict[tuple[str, int, int], int] = {}

    def number(value: float | None) -> str:
        if value is None:
            return ""
        shape = number_shape(value)
        style = number_ids.get(shape)
        if style is None:
            style = number_ids[shape] = book.style_id(
                ws, xlsx._Style(number_format=number_format(shape), alignment=top)
            )
        return cells.number_fragment(value, style)

    section_fill = cells.empty_fragment(section_id)
    note_fill = cells.empty_fragment(note_id)
    header_cells = "".join(
        f'<c r="{letter}{{row}}"{cells.text_fragment(header, header_id)}'
        for letter, header in zip(letters, _BOARD_HEADERS, strict=True)
    )

    # The cells that repeat, rendered once each: per launch, model, cohort and benchmark.
    # Each carries how many lines it wraps onto, for the row's height.
    launch_cells: dict[int, tuple[str, str]] = {}
    named: dict[tuple[int, str, str, str | None], tuple[str, int]] = {}

    def name_cell(
        entry: CrossEntry, what: str, key: str, mode: str | None = None
    ) -> tuple[str, int]:
        found = named.get((id(entry.launch), what, key, mode))
        if found is None:
            text, width = {
                "model": (entry.label, _BOARD_WIDTHS[2]),
                "cohort": (entry.cohort.name if entry.cohort else "", _BOARD_WIDTHS[5]),
                "benchmark": (entry.benchmark.name, _BOARD_WIDTHS[6]),
            }[what]
            found = named[(id(entry.launch), what, key, mode)] = (
                cells.text_fragment(text or None, text_id, quoted_id),
                xlsx._lines(text, width),
            )
        return found

    def rows() -> Iterator[bytes]:
        number_row = 1
        chunk: list[str] = []

        def band(text: str, style: int, quoted: int, fill: str) -> str:
            nonlocal number_row
            number_row += 1
            row = str(number_row)
            rest = "".join(f'<c r="{letter}{row}"{fill}' for letter in letters[1:])
            return (
                f'<row r="{row}"><c r="A{row}"{cells.text_fragment(text, style, quoted)}'
                f"{rest}</row>"
            )

        for board in boards:
            number_row += 1  # a blank row between blocks
            chunk.append(
                band(
                    xlsx._clip(xlsx._display(board.title), 1000),
                    section_id,
                    section_quoted,
                    section_fill,
                )
            )
            for note in board.notes:
                chunk.append(
                    band(xlsx._clip(xlsx._display(note), 1000), note_id, note_quoted, note_fill)
                )
            number_row += 1
            chunk.append(
                f'<row r="{number_row}">'
                + header_cells.replace("{row}", str(number_row))
                + "</row>"
            )
            for entry in board.entries:
                number_row += 1
                row = str(number_row)
                result = entry.result
                launch = launch_cells.get(id(entry.launch))
                if launch is None:
                    launch = launch_cells[id(entry.launch)] = (
                        cells.text_fragment(entry.launch.id, text_id, quoted_id),
                        cells.date_fragment(entry.launch.as_of, date_id, text_id),
                    )
                launch_cell, as_of = launch
                label_cell, label_lines = name_cell(entry, "model", result.model, result.mode)
                cohort_cell, cohort_lines = name_cell(entry, "cohort", result.cohort or "")
                benchmark_cell, benchmark_lines = name_cell(entry, "benchmark", result.benchmark)
                # Long names wrap: the row is as tall as they need.
                lines = max(label_lines, cohort_lines, benchmark_lines)
                height = f' ht="{min(409, 15 * lines + 3)}" customHeight="1"' if lines > 1 else ""
                parts = [f'<row r="{row}"{height}>']
                if entry.rank is not None:
                    parts.append(f'<c r="A{row}"{cells.number_fragment(entry.rank, rank_id)}')
                parts.append(
                    f'<c r="B{row}"{launch_cell}<c r="C{row}"{label_cell}'
                    f'<c r="D{row}"{number(entry.score)}'
                )
                if entry.gap is not None:
                    parts.append(f'<c r="E{row}"{number(entry.gap)}')
                if cohort_cell:
                    parts.append(f'<c r="F{row}"{cohort_cell}')
                parts.append(f'<c r="G{row}"{benchmark_cell}')
                if as_of:
                    parts.append(f'<c r="H{row}"{as_of}')
                parts.append("</row>")
                chunk.append("".join(parts))
            if len(chunk) >= 500:
                yield "".join(chunk).encode("utf-8")
                chunk.clear()
        if chunk:
            yield "".join(chunk).encode("utf-8")

    book.splices[ws] = rows
