"""Run the benchmarks of issue 13 and print one table: ``python -m benchmarks``.

Run it from the repository root, on a quiet machine::

    .venv/bin/python -m benchmarks                      # every case, 5 rounds (about half an hour)
    .venv/bin/python -m benchmarks --only start-up --only listing --rounds 9
    .venv/bin/python -m benchmarks --quick --scale 0.01 # a smoke run: does every case run?

Each case runs our side and its baseline as fresh processes, alternating which goes
first, for a warm-up round and then ``--rounds`` rounds; the table gives the median
of each side, their ratio, the target for that ratio and whether it holds. Progress
goes to standard error, the table to standard output. The exit status is 1 when a
side failed to run (or, with ``--check``, when a target does not hold), else 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.cases import Sizes, cases
from benchmarks.harness import Outcome, machine, measure, table

ROOT = Path(__file__).resolve().parent.parent


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _parser(names: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Time launchbrief against its baselines, as whole processes, and print one table.",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="measured rounds per case (default 5)"
    )
    parser.add_argument(
        "--warmup", type=int, default=1, help="rounds run first and not kept (default 1)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one round, no warm-up: only checks that every case runs (its timings mean nothing)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=names,
        metavar="CASE",
        help=f"run only this case (repeatable): {', '.join(names)}",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply the generated inputs' sizes, e.g. 0.01 for a smoke run (default 1)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a target does not hold"
    )
    return parser


def _compile_bytecode() -> None:
    """Compile launchbrief's modules (and these) to bytecode first, as pip does on install.

    Otherwise, from an editable install or with PYTHONDONTWRITEBYTECODE set, every child
    process would compile our sources again while the baselines' libraries load theirs.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("launchbrief")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in [*folders, str(ROOT / "benchmarks"), str(ROOT / "tests")]:
        compileall.compile_dir(folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run the chosen cases and print the table."""
    names = [case.name for case in cases(Sizes())]
    args = _parser(names).parse_args(argv)
    if args.rounds < 1 or args.warmup < 0 or args.scale <= 0:
        _progress("python -m benchmarks: error: --rounds ≥ 1, --warmup ≥ 0 and --scale > 0")
        return 2
    rounds, warmup = (1, 0) if args.quick else (args.rounds, args.warmup)
    chosen = [c for c in cases(Sizes.scaled(args.scale)) if not args.only or c.name in args.only]
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    _compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="launchbrief-bench-") as work:
        for case in chosen:
            folder = Path(work) / case.name
            folder.mkdir()
            _progress(f"{case.name}: preparing its data")
            try:
                sides = case.prepare(folder)
            except RuntimeError as error:
                _progress(f"{case.name}: {error}")
                failed = {
                    side: f"failed ({error})"
                    for row in case.rows
                    for side in (row.ours, row.baseline)
                }
                outcomes.append(Outcome(case=case, samples={}, missing=failed))
                continue
            outcomes.append(
                measure(
                    case,
                    sides,
                    rounds=rounds,
                    warmup=warmup,
                    folder=folder,
                    cwd=ROOT,
                    progress=_progress,
                )
            )
    text, every_target, every_run = table(outcomes)
    print(text)
    print()
    kind = "quick run (one round: the timings only show that every case runs)"
    if not args.quick:
        kind = f"median of {rounds} round(s) after {warmup} warm-up round(s)"
    print(f"{kind}; scale {args.scale:g}; {time.perf_counter() - started:.0f} s in all")
    print(f"machine: {machine()}")
    if not every_run:
        return 1
    return 1 if args.check and not every_target else 0


if __name__ == "__main__":
    sys.exit(main())
