"""The measurements of issue 13: what each case runs on our side and on the baseline's.

Every side is a fresh process. The command-line cases (start-up, listing, main job,
batch, landscape) time the whole process; the others time one call inside their
process, the record having been made or loaded before the clock starts (see
``benchmarks/child.py``). Sizes shrink with ``scale`` for a smoke run. The inputs are
made by child processes too: this module imports nothing of launchbrief.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

from benchmarks.harness import Case, Row, Side

__all__ = ["RUST_PACKAGE", "Sizes", "cases"]

#: The Rust-backed xlsx writer of the "big workbook, limit" case (on PyPI).
RUST_PACKAGE = "rustpy-xlsxwriter"

_HERE = Path(__file__).resolve().parent


@attrs.frozen(kw_only=True)
class Sizes:
    """How big each generated input is."""

    results: int = 100_000
    charts: tuple[int, int] = (800, 200)
    family: tuple[int, int, int] = (22, 60, 3)
    batch: int = 50
    landscape: tuple[int, int] = (100, 10)

    @classmethod
    def scaled(cls, scale: float) -> Sizes:
        """The default sizes times ``scale``, each kept large enough to mean something."""

        def times(value: int, least: int) -> int:
            return max(least, round(value * scale))

        whole = cls()
        return cls(
            results=times(whole.results, 100),
            charts=(times(whole.charts[0], 4), times(whole.charts[1], 1)),
            family=(
                times(whole.family[0], 2),
                times(whole.family[1], 6),
                times(whole.family[2], 1),
            ),
            batch=times(whole.batch, 2),
            landscape=(times(whole.landscape[0], 2), times(whole.landscape[1], 2)),
        )


def _launchbrief() -> list[str]:
    """The ``launchbrief`` command as a user runs it: the installed script, else ``-m``."""
    script = Path(sys.executable).parent / "launchbrief"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "launchbrief"]


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _child(*args: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.child", *args]


def _deck(source: str, *options: str) -> Callable[[Path], list[str]]:
    """A child that times the deck of ``source`` (a file or a built-in name)."""
    return lambda out: _child("deck", source, str(out / "deck.pptx"), *options)


def _loader(side: str, path: Path) -> Callable[[Path], list[str]]:
    """A child that times loading ``path``: ``ours`` or ``plain``."""
    return lambda _out: _child("load", side, str(path))


def _export(*args: str) -> Callable[[Path], list[str]]:
    """``launchbrief export`` with ``args``, writing into the run's output folder."""
    return lambda out: [*_launchbrief(), "export", "-o", str(out), *args]


def _make(*args: str) -> None:
    """Write generated inputs in a child process, so that the harness itself stays small.

    The kernel counts a child's peak memory from its fork, when it still shares the
    harness' pages: a harness holding a big record would inflate every figure after.
    """
    done = subprocess.run(_child("make", *args), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"could not make the inputs {' '.join(args)}:\n{done.stderr[-2000:]}")


def _launch_files(folder: Path, count: int) -> list[str]:
    """``count`` launch files (the built-in launches under new ids), made once per run."""
    where = folder.parent / "launches"
    paths = [where / f"launch-{number:03d}.yaml" for number in range(count)]
    if not all(path.exists() for path in paths):
        _make("launches", str(where), str(count))
    return [str(path) for path in paths]


def cases(sizes: Sizes) -> list[Case]:
    """The cases of the issue's table, in its order."""
    imports = _python("-c", "import attrs, cattrs")

    def startup(_folder: Path) -> dict[str, Side]:
        return {
            "ours": Side(argv=lambda _out: [*_launchbrief(), "--help"]),
            "baseline": Side(argv=lambda _out: imports),
        }

    def listing(_folder: Path) -> dict[str, Side]:
        return {
            "ours": Side(argv=lambda _out: [*_launchbrief(), "formats"]),
            "baseline": Side(argv=lambda _out: imports),
        }

    def main_job(_folder: Path) -> dict[str, Side]:
        script = str(_HERE / "baseline_office.py")
        return {
            "ours": Side(argv=lambda out: [*_launchbrief(), "export", "-o", str(out)]),
            "baseline": Side(argv=lambda out: _python(script, str(out))),
        }

    def bounded_deck(folder: Path) -> dict[str, Side]:
        family = folder / "family.yaml"
        _make("family", str(family), *map(str, sizes.family))
        return {
            "ours": Side(argv=_deck(str(family)), timed="call"),
            "baseline": Side(argv=_deck("muse-spark"), timed="call"),
        }

    def appendix(folder: Path) -> dict[str, Side]:
        sides = {}
        for side, charts in zip(("ours", "baseline"), sizes.charts, strict=True):
            path = folder / f"charts-{charts}.json"
            _make("charts", str(path), str(charts))
            sides[side] = Side(argv=_deck(str(path), "--appendix"), timed="call")
        return sides

    def big_workbook(_folder: Path) -> dict[str, Side]:
        results = str(sizes.results)

        def writer(side: str) -> Side:
            return Side(
                argv=lambda out: _child("xlsx", side, results, str(out / "results.xlsx")),
                timed="call",
            )

        rust_missing = None
        if importlib.util.find_spec(RUST_PACKAGE.replace("-", "_")) is None:
            rust_missing = f"n/a (install {RUST_PACKAGE})"
        return {
            "ours": writer("ours"),
            "raw": writer("raw"),
            "rust": attrs.evolve(writer("rust"), missing=rust_missing),
        }

    def loading(folder: Path) -> dict[str, Side]:
        paths = [folder / "big.json", folder / "big.yaml"]
        _make("big", str(sizes.results), *map(str, paths))
        sides = {}
        for suffix, path in zip(("json", "yaml"), paths, strict=True):
            for side in ("ours", "plain"):
                sides[f"{side}-{suffix}"] = Side(argv=_loader(side, path), timed="call")
        return sides

    def batch(folder: Path) -> dict[str, Side]:
        files = _launch_files(folder, sizes.batch)
        return {f"jobs-{jobs}": Side(argv=_export("--jobs", str(jobs), *files)) for jobs in (2, 1)}

    def landscape(folder: Path) -> dict[str, Side]:
        files = _launch_files(folder, max(sizes.landscape))
        return {
            side: Side(argv=_export("--landscape", "-f", "xlsx", *files[:count]))
            for side, count in zip(("ours", "baseline"), sizes.landscape, strict=True)
        }

    results = f"{sizes.results:,}"
    return [
        Case(name="start-up", prepare=startup, rows=(Row(label="start-up", ours="ours", baseline="baseline", target=1.2),)),
        Case(name="listing", prepare=listing, rows=(Row(label="listing", ours="ours", baseline="baseline", target=1.5),)),
        Case(name="main-job", prepare=main_job, rows=(Row(label="main job", ours="ours", baseline="baseline", target=1.8),)),
        Case(
            name="bounded-deck",
            prepare=bounded_deck,
            rows=(Row(label="bounded deck ({}×{}×{})".format(*sizes.family), ours="ours", baseline="baseline", target=1.5),),
        ),
        Case(
            name="appendix",
            prepare=appendix,
            rows=(Row(label="appendix scale ({} / {} charts)".format(*sizes.charts), ours="ours", baseline="baseline", target=4.3),),
        ),
        Case(
            name="big-workbook",
            prepare=big_workbook,
            rows=(
                Row(label=f"big workbook, time ({results} results)", ours="ours", baseline="raw", target=0.5),
                Row(label="big workbook, limit (Rust writer)", ours="ours", baseline="rust"),
                Row(label="big workbook, memory", ours="ours", baseline="raw", figure="peak", target=1.3),
            ),
        ),
        Case(
            name="loading",
            prepare=loading,
            rows=(
                Row(label=f"loading, JSON ({results} results)", ours="ours-json", baseline="plain-json", target=1.5),
                Row(label=f"loading, YAML ({results} results)", ours="ours-yaml", baseline="plain-yaml", target=1.5),
            ),
        ),
        Case(
            name="batch",
            prepare=batch,
            rows=(Row(label=f"batch ({sizes.batch} launches, --jobs 2 / 1)", ours="jobs-2", baseline="jobs-1", target=0.65),),
        ),
        Case(
            name="landscape",
            prepare=landscape,
            rows=(Row(label="landscape ({} / {} launches)".format(*sizes.landscape), ours="ours", baseline="baseline", target=11),),
        ),
    ]  # fmt: skip
