"""Run each side of a case as its own process, in alternation, and put the medians in a table.

A side is a command line. Its time is the whole process (from start to exit, as the
parent sees it) or, for the sides that time one call, the seconds the child prints
as its last line. Its peak memory is the peak resident set the child prints (its
``VmHWM``), or else the kernel's accounting of that one child (``os.wait4``), which
also counts the harness' own pages at the fork: the harness therefore holds no big
data (inputs are made in child processes) and stays near a bare interpreter's size.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import attrs

__all__ = [
    "Case",
    "Outcome",
    "Row",
    "RunFailedError",
    "Sample",
    "Side",
    "machine",
    "measure",
    "table",
]

#: What a side's time covers: the whole process, or the one call the child times.
Timed = Literal["process", "call"]


@attrs.frozen(kw_only=True)
class Side:
    """One way of doing a case's work: a command line run in a fresh interpreter."""

    argv: Callable[[Path], list[str]]  # given an empty folder for its output
    timed: Timed = "process"
    missing: str | None = None  # why it cannot run on this machine, such as a missing package


@attrs.frozen(kw_only=True)
class Row:
    """A line of the table: one figure of two sides, and the target for their ratio."""

    label: str
    ours: str
    baseline: str
    figure: Literal["seconds", "peak"] = "seconds"
    target: float | None = None  # ours at most target × baseline; None: reported only


@attrs.frozen(kw_only=True)
class Case:
    """A measurement of the issue's table: the sides it runs and the rows it gives."""

    name: str  # for --only
    rows: tuple[Row, ...]
    prepare: Callable[[Path], dict[str, Side]]  # makes its data in a folder, returns its sides


@attrs.frozen
class Sample:
    """One run of one side: its seconds and its peak resident set in KiB."""

    seconds: float
    peak_kib: int


class RunFailedError(RuntimeError):
    """A side's process exited with an error."""


@attrs.frozen(kw_only=True)
class Outcome:
    """What one case measured: the samples of each side, or why a side has none."""

    case: Case
    samples: dict[str, list[Sample]]
    missing: dict[str, str]  # side -> why it was not run or did not finish


def run_once(side: Side, folder: Path, *, cwd: Path) -> Sample:
    """Run ``side`` once with an empty output folder inside ``folder``; its time and peak memory."""
    out = folder / "out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    argv = side.argv(out)
    try:
        with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
            started = time.perf_counter()
            process = subprocess.Popen(argv, stdout=stdout, stderr=stderr, cwd=cwd)
            # wait4 gives this one child's own accounting: its peak resident set.
            _pid, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            stdout.seek(0)
            stderr.seek(0)
            printed = stdout.read().decode("utf-8", "replace")
            errors = stderr.read().decode("utf-8", "replace")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if process.returncode != 0:
        tail = "\n".join(errors.strip().splitlines()[-5:])
        raise RunFailedError(f"exit status {process.returncode}: {' '.join(argv)}\n{tail}")
    seconds, peak = wall, usage.ru_maxrss
    if side.timed == "call":
        figures = json.loads(printed.strip().splitlines()[-1])
        seconds = float(figures["seconds"])
        # The child's own high-water mark excludes what it shared with us before exec.
        peak = int(figures.get("peak_kib") or peak)
    return Sample(seconds=seconds, peak_kib=peak)


def measure(
    case: Case,
    sides: dict[str, Side],
    *,
    rounds: int,
    warmup: int,
    folder: Path,
    cwd: Path,
    progress: Callable[[str], None],
) -> Outcome:
    """Run every available side of ``case`` ``rounds`` times, rotating their order each round.

    The first ``warmup`` rounds are not kept (they fill the disk cache and compile
    bytecode). A side that fails is not run again; the others go on.
    """
    samples: dict[str, list[Sample]] = {name: [] for name in sides}
    missing = {name: side.missing for name, side in sides.items() if side.missing is not None}
    for number in range(-warmup, rounds):
        names = [name for name in sides if name not in missing]
        if not names:
            break
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            try:
                sample = run_once(sides[name], folder, cwd=cwd)
            except RunFailedError as error:
                missing[name] = f"failed ({error})"
                progress(f"{case.name}: {name} failed: {error}")
                continue
            label = "warm-up" if number < 0 else f"round {number + 1}/{rounds}"
            progress(
                f"{case.name}: {label} {name:<12} {sample.seconds:8.3f} s"
                f" {sample.peak_kib / 1024:8.1f} MiB"
            )
            if number >= 0:
                samples[name].append(sample)
    return Outcome(case=case, samples=samples, missing=missing)


def _median(samples: Sequence[Sample], figure: str) -> float:
    if figure == "peak":
        return statistics.median(s.peak_kib / 1024 for s in samples)
    return statistics.median(s.seconds for s in samples)


def _shown(value: float, figure: str) -> str:
    if figure == "peak":
        return f"{value:.1f} MiB"
    return f"{value:.1f} s" if value >= 10 else f"{value:.3g} s"


def table(outcomes: Sequence[Outcome]) -> tuple[str, bool, bool]:
    """The Markdown table of ``outcomes``; whether every target holds, and every side ran."""
    lines = [
        "| case | ours | baseline | ratio | target | holds |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    every_target = True
    every_run = not any(
        why.startswith("failed") for outcome in outcomes for why in outcome.missing.values()
    )
    for outcome in outcomes:
        for row in outcome.case.rows:
            target = "report" if row.target is None else f"≤ {row.target:g}×"
            cells: list[str] = []
            for side in (row.ours, row.baseline):
                why = outcome.missing.get(side)
                kept = outcome.samples.get(side, [])
                if why is not None or not kept:
                    cells.append(_short(why or "not run"))
                else:
                    cells.append(_shown(_median(kept, row.figure), row.figure))
            ours_kept = outcome.samples.get(row.ours, [])
            base_kept = outcome.samples.get(row.baseline, [])
            if ours_kept and base_kept and row.ours not in outcome.missing:
                ratio = _median(ours_kept, row.figure) / _median(base_kept, row.figure)
                shown_ratio = f"{ratio:.2f}"
                if row.target is None:
                    holds = "report"
                elif ratio <= row.target:
                    holds = "yes"
                else:
                    holds, every_target = "NO", False
            else:
                shown_ratio = "—"
                holds = "report" if row.target is None else "NO"
                every_target = every_target and row.target is None
            lines.append(
                f"| {row.label} | {cells[0]} | {cells[1]} | {shown_ratio} | {target} | {holds} |"
            )
    return "\n".join(lines), every_target, every_run


def _short(why: str) -> str:
    """A reason, fit for a table cell (a failure's details are in the progress log)."""
    if why.startswith("failed"):
        return "failed (see the log)"
    return why.splitlines()[0].replace("|", "/")[:80]


def machine() -> str:
    """One line on where the figures come from: CPU, cores, Python, date."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores (nproc), Python {platform.python_version()}"
        f" on {platform.system()} {platform.release()}, {datetime.now(UTC):%Y-%m-%d}"
    )
