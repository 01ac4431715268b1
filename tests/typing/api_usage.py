"""How the public API is meant to be used, checked by ``mypy --strict`` (never run by pytest).

Check it with: ``.venv/bin/mypy --strict tests/typing/api_usage.py``.
A wrong type here means the public annotations changed in a way users will notice.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import launchbrief
from launchbrief import (
    Benchmark,
    Change,
    ChangeKind,
    Changes,
    Cohort,
    Conflict,
    Exporter,
    FamilyRow,
    InvalidLaunchError,
    Launch,
    LaunchEntry,
    Leaderboard,
    License,
    Matchup,
    Model,
    Problem,
    Reader,
    ReaderEntry,
    Score,
    Settings,
    SharedBoard,
    Specs,
    Standing,
    UnknownFormatError,
    Verdict,
)


def load_and_rank(name: str) -> list[tuple[int | None, str, float]]:
    """Load a launch and list one leaderboard as (rank, label, score); unranked rows have no rank."""
    launch: Launch = launchbrief.load(name)
    board: Leaderboard = launchbrief.leaderboard(launch, "charxiv-reasoning")
    leader: Standing | None = board.leader
    rows = [(s.rank, s.label, s.score) for s in board.standings]
    if leader is not None and leader.gap is not None:
        rows.insert(0, (leader.rank, leader.model.label, leader.gap))
    return rows


def the_family(launch: Launch) -> list[str]:
    """The launched models with their specs and licence, and each board's family best."""
    launched: tuple[Model, ...] = launch.launched
    lines = [f"{launch.lead_model.label} leads the line-up of {len(launched)}"]
    for model in launched:
        specs: Specs | None = model.specs
        licence: License | None = model.license or launch.license
        size = launchbrief.format_score(specs.parameters) if specs and specs.parameters else "?"
        lines.append(
            f"{model.label}: {size} parameters, {licence.name if licence else 'no licence'}"
        )
    rows: tuple[FamilyRow, ...] = launchbrief.family(launch)
    for row in rows:
        best: Standing | None = row.best
        if best is not None:
            lines.append(f"{row.board.title}: {best.model.label} #{best.rank or '–'}")
    return lines


def by_cohort(launch: Launch, benchmark_id: str) -> dict[str | None, list[str]]:
    """Each cohort's leaderboard of one benchmark, with the settings its entries ran under."""
    boards: dict[str | None, list[str]] = {}
    for board in launchbrief.leaderboards(launch):
        if board.benchmark.id != benchmark_id:
            continue
        cohort: Cohort | None = board.cohort
        rows = [board.title, board.warning or ""]
        for standing in board.standings:
            settings: Settings = launch.settings(standing.result)
            shots: int | None = settings.shots
            rows.append(
                f"{standing.label} {launchbrief.format_score(standing.score, board.benchmark)} {shots}"
            )
        boards[cohort.id if cohort else None] = rows
    return boards


def dates_and_numbers(launch: Launch) -> list[str]:
    """Conflicting dates, and every score as its source wrote it."""
    found: tuple[Conflict, ...] = launchbrief.conflicts(launch)
    lines = [f"{c.event}: {c.detail}" for c in found]
    for result in launch.results:
        if isinstance(result.score, Score):
            text: str = result.score.text
            lines.append(f"{launch.model(result.model).label}: {text}")
    return lines


def every_board(launch: Launch) -> dict[str, int]:
    """How many scored entries each benchmark has."""
    boards: tuple[Leaderboard, ...] = launchbrief.leaderboards(launch)
    benchmarks: list[Benchmark] = [board.benchmark for board in boards]
    return {b.id: len(board.standings) for b, board in zip(benchmarks, boards, strict=True)}


def report_problems(path: Path) -> list[str]:
    """Validate a file and list its problems as text."""
    try:
        launchbrief.load(path)
    except InvalidLaunchError as error:
        problems: tuple[Problem, ...] = error.problems
        return [f"{p.file}:{p.line}:{p.column}: {p.path}: {p.message}" for p in problems]
    return []


def round_trip(launch: Launch, folder: Path) -> bool:
    """Dump to every text format and load back."""
    text: str = launchbrief.dumps(launch, format="toml")
    again: Launch = launchbrief.loads(text, format="toml")
    written: Path = launchbrief.dump(launch, folder / "launch.json")
    return again == launch == launchbrief.load(written)


def export_everything(launch: Launch, folder: Path) -> list[Path]:
    """Export with every exporter that loads; a stream needs a format."""
    written: list[Path] = []
    for entry in launchbrief.list_exporters():
        exporter: Exporter = entry.load()
        target = launchbrief.export(launch, folder / f"{launch.id}{exporter.suffix}")
        if target is not None:
            written.append(target)
    # A path in, a path out (no `is not None` check needed); a stream in, nothing out.
    deck: Path = launchbrief.export(launch, folder / "deck.pptx", appendix=True)
    written.append(deck)
    buffer = io.BytesIO()
    launchbrief.export(launch, buffer, format="json")
    named: Exporter = launchbrief.get_exporter("xlsx")
    written.append(launchbrief.export(launch, str(folder / "book.xlsx"), format=named.name))
    with contextlib.suppress(UnknownFormatError):
        launchbrief.export(launch, folder / "x.unknown")
    return written


def summaries(launch: Launch) -> list[str]:
    """The one-line summaries of the analysis API."""
    lines = [launchbrief.rollout(launch).headline, launchbrief.safety(launch).headline]
    lines += [v.sentence for v in launchbrief.scorecard(launch).verdicts]
    lines += [
        f"{c.category}: {c.leads} led of {c.contested}" for c in launchbrief.categories(launch)
    ]
    lines += [f"{h.label}: {h.value}" for h in launchbrief.highlights(launch)]
    lines += [f"{g.path}: {g.message}" for g in launchbrief.completeness(launch)]
    lines += [r.benchmark for r in launch.results if launchbrief.vendor_only(launch, r)]
    names: tuple[str, ...] = launchbrief.datasets()
    return lines + list(names) + [launchbrief.__version__]


def many_and_changes(paths: list[Path], old: Launch, new: Launch) -> list[str]:
    """Load several launches at once, read through a chosen reader, and list what changed."""
    launches: list[Launch] = launchbrief.load_many(paths)
    names = [launch.id for launch in launches]
    entries: tuple[ReaderEntry, ...] = launchbrief.list_readers()
    names += [entry.name for entry in entries]
    reader: Reader = launchbrief.get_reader("yaml")
    if paths:
        names.append(reader.read(paths[0]).id)
    changes: Changes = launchbrief.diff(old, new)
    names.append(changes.headline)
    grouped: dict[ChangeKind, tuple[Change, ...]] = changes.by_kind()
    for kind, items in grouped.items():
        names += [f"{kind.label}: {change.sentence}" for change in items]
    return names


def words_and_matchups(launch: Launch) -> list[str]:
    """Settings and gaps in words, and each leaderboard seen from the launched family."""
    lines = list(launchbrief.gap_summary(launch))
    for cohort in launch.cohorts:
        lines.append(launchbrief.describe_settings(cohort.settings))
    found: tuple[Matchup, ...] = launchbrief.matchups(launch)
    for matchup in found:
        margin: float | None = matchup.margin
        words: tuple[Verdict, ...] = matchup.verdicts
        lines.append(f"{matchup.board.title}: {matchup.relation} {margin} {len(words)}")
    return lines


def across_launches(launches: list[Launch]) -> list[str]:
    """Who leads each benchmark several launches share, when their settings agree."""
    lines = []
    boards: tuple[SharedBoard, ...] = launchbrief.shared_leaderboards(launches)
    for board in boards:
        leader: LaunchEntry | None = board.leader
        if board.comparable and leader is not None:
            lines.append(f"{board.name}: {leader.launch.title} ({leader.settings})")
        else:
            lines.append(f"{board.name}: {board.warning}")
    return lines


def as_table(launches: list[Launch]) -> int:
    """The tidy results of several launches as one pandas DataFrame."""
    frame = launchbrief.to_frame(launches)
    return len(frame.index)
