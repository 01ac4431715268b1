"""The benchmark command runs every case of issue 13 (a smoke run: its timings are not checked)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]

#: The first words of each row of the table, in the issue's order.
CASES = (
    "start-up",
    "listing",
    "main job",
    "bounded deck",
    "appendix scale",
    "big workbook, time",
    "big workbook, limit",
    "big workbook, memory",
    "loading, JSON",
    "loading, YAML",
    "batch",
    "landscape",
)

_FIGURE = re.compile(r"[0-9.]+ (s|MiB)")


def test_quick_run_measures_every_case() -> None:
    """`python -m benchmarks --quick` at a tiny scale prints one table row per case, each measured."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--scale", "0.01"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert 0 == done.returncode, done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert "| case | ours | baseline | ratio | target | holds |" == rows[0]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]
    assert len(CASES) == len(cells), done.stdout
    for case, (label, ours, baseline, _ratio, target, holds) in zip(CASES, cells, strict=True):
        assert label.startswith(case)
        assert _FIGURE.fullmatch(ours), (label, ours)
        # The Rust-backed writer is optional: without it, the row says what to install.
        assert _FIGURE.fullmatch(baseline) or baseline.startswith("n/a (install"), (label, baseline)
        if target == "report":
            assert "report" == holds
        else:
            assert re.fullmatch(r"≤ [0-9.]+×", target)
            assert holds in {"yes", "NO"}
