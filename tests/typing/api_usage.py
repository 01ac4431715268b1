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
    Exporter,
    InvalidLaunchError,
    Launch,
    Leaderboard,
    Problem,
    Standing,
    UnknownFormatError,
)


def load_and_rank(name: str) -> list[tuple[int, str, float]]:
    """Load a launch and list one leaderboard as (rank, label, score)."""
    launch: Launch = launchbrief.load(name)
    board: Leaderboard = launchbrief.leaderboard(launch, "charxiv-reasoning")
    leader: Standing | None = board.leader
    rows = [(s.rank, s.label, s.score) for s in board.standings]
    if leader is not None:
        rows.insert(0, (leader.rank, leader.model.label, leader.gap))
    return rows


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
    for entry in launchbrief.exporters():
        exporter: Exporter = entry.load()
        target = launchbrief.export(launch, folder / f"{launch.id}{exporter.suffix}")
        if target is not None:
            written.append(target)
    buffer = io.BytesIO()
    nothing: Path | None = launchbrief.export(launch, buffer, format="json")
    assert nothing is None
    with contextlib.suppress(UnknownFormatError):
        launchbrief.export(launch, folder / "x.unknown")
    return written


def summaries(launch: Launch) -> list[str]:
    """The one-line summaries of the analysis API."""
    lines = [launchbrief.rollout(launch).headline, launchbrief.safety(launch).headline]
    lines += [v.sentence for v in launchbrief.scorecard(launch).verdicts]
    lines += [f"{c.category}: {c.leads} led" for c in launchbrief.categories(launch)]
    lines += [f"{h.label}: {h.value}" for h in launchbrief.highlights(launch)]
    lines += [f"{g.path}: {g.message}" for g in launchbrief.completeness(launch)]
    lines += [r.benchmark for r in launch.results if launchbrief.vendor_only(launch, r)]
    names: tuple[str, ...] = launchbrief.datasets()
    return lines + list(names) + [launchbrief.__version__]
