"""Benchmark: the xlsx exporter on a 100,000-result launch, against raw openpyxl and pandas.

Run from the repository root::

    .venv/bin/python benchmarks/bench_xlsx.py            # 100,000 results, 3 rounds
    .venv/bin/python benchmarks/bench_xlsx.py --results 20000 --rounds 1

One invocation measures three ways of writing the same Results rows, each in a fresh
subprocess (so that one cannot warm or bloat the memory of another), interleaved over
``--rounds`` rounds so that a busy machine slows them alike:

- ``ours``: ``XlsxExporter().export(launch, path)``, the whole workbook (Summary,
  Benchmarks matrix, Charts, Results, the other data sheets, About);
- ``raw``: a minimal script writing only the Results rows (the same 25 columns,
  ranks and standings included) with openpyxl's write-only mode, plain values, no styles;
- ``pandas``: ``DataFrame.to_excel`` of the same rows (the frame is built before the
  clock starts). pandas is not a dependency of launchbrief: when it cannot be
  imported, the script installs it with pip into a private folder under the system
  temporary directory (never into .venv) and puts that folder on the subprocess'
  path; ``--no-pandas`` skips that comparison.

Time is the export alone (building the record is not timed). Memory is the peak
resident set (``ru_maxrss``) of the subprocess, which holds the record in every case.
The goals (issue 3): ours ≤ 1.15 × raw in time, pandas ≥ 1.8 × ours in time, ours ≤
1.3 × raw in peak memory. Ratios are taken on the median of the rounds; the minimum
is printed too. This is a benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HEADERS = (
    "Launch", "Benchmark id", "Benchmark", "Category", "Cohort id", "Cohort", "Model id",
    "Model", "Developer", "Launched", "Mode id", "Score", "Scale", "Direction", "Rank",
    "Gap to leader", "Standing", "Comparison", "Claim", "Settings", "Result settings",
    "Comparability", "Vendor only", "Source ids", "Provenance",
)  # fmt: skip

CATEGORIES = ("multimodal", "health", "reasoning", "coding", "agentic", "math", "long context")
PANDAS_FOLDER = Path(tempfile.gettempdir()) / "launchbrief-bench-pandas"


def build_launch(results: int, models: int = 100) -> Any:
    """A valid launch with ``results`` results: every model on every benchmark, some in words only."""
    import launchbrief as lb

    rng = random.Random(20261130)
    benchmarks = max(1, results // models)
    sources = (
        lb.Source(id="vendor-chart", name="Vendor benchmark chart", kind=lb.SourceKind.VENDOR),
        lb.Source(id="vendor-blog", name="Vendor launch post", kind=lb.SourceKind.VENDOR),
        lb.Source(id="press", name="Press coverage", kind=lb.SourceKind.PRESS),
        lb.Source(id="leaderboard", name="Public leaderboard", kind=lb.SourceKind.THIRD_PARTY),
    )
    compared = tuple(
        lb.Model(
            id=f"model-{i:03d}",
            name=f"Model {i:03d}",
            developer=f"Lab {i % 17}",
            variant=("High", "Max", None)[i % 3],
            launched=i == 0,
            capabilities=("tool use",) if i == 0 else (),
            sources=("vendor-chart",),
        )
        for i in range(models)
    )
    benches = tuple(
        lb.Benchmark(
            id=f"bench-{j:05d}",
            name=f"Benchmark {j:05d}",
            category=CATEGORIES[j % len(CATEGORIES)],
            settings=lb.Settings(shots=5, other=(("metric", "pass@1"),)) if j % 4 == 0 else None,
            sources=("vendor-chart",),
        )
        for j in range(benchmarks)
    )
    source_sets = (("vendor-chart",), ("vendor-chart", "press"), ("leaderboard",))
    items = []
    for j, benchmark in enumerate(benches):
        for i, model in enumerate(compared):
            if len(items) == results:
                break
            if (i + j) % 10 == 9:
                items.append(
                    lb.Result(
                        benchmark=benchmark.id,
                        model=model.id,
                        comparisons=(
                            lb.Comparison(relation=lb.Relation.TRAILS, versus=(compared[0].id,))
                            if i
                            else lb.Comparison(relation=lb.Relation.LEADS),
                        ),
                        claim=f"{model.name} trails the leader on {benchmark.name}",
                        sources=source_sets[(i + j) % 3],
                    )
                )
            else:
                items.append(
                    lb.Result(
                        benchmark=benchmark.id,
                        model=model.id,
                        score=round(rng.uniform(5.0, 95.0), 1),
                        claim="as reported in the launch chart" if (i * j) % 5 == 0 else None,
                        sources=source_sets[(i + j) % 3],
                    )
                )
    return lb.Launch(
        id="bench-launch",
        title="A launch with many results",
        developer=lb.Developer(name="Lab 0"),
        models=compared,
        benchmarks=benches,
        results=tuple(items),
        sources=sources,
    )


def result_rows(launch: Any) -> Any:
    """The Results rows, computed the plain way a one-off script would (no launchbrief analysis)."""
    models = {m.id: m for m in launch.models}
    benchmarks = {b.id: b for b in launch.benchmarks}
    sources = {s.id: s for s in launch.sources}
    scores: dict[str, list[float]] = {}
    for result in launch.results:
        if result.score is not None:
            scores.setdefault(result.benchmark, []).append(result.score)
    ranks: dict[str, dict[float, int]] = {}
    best: dict[str, float] = {}
    for benchmark_id, values in scores.items():
        higher = benchmarks[benchmark_id].direction.value == "higher"
        ordered = sorted(values, reverse=higher)
        best[benchmark_id] = ordered[0]
        ranks[benchmark_id] = {}
        for position, value in enumerate(ordered, start=1):
            ranks[benchmark_id].setdefault(value, position)
    for result in launch.results:
        benchmark = benchmarks[result.benchmark]
        model = models[result.model]
        kinds = {sources[s].kind.value for s in result.sources}
        scored = result.score is not None
        rank = ranks[result.benchmark][result.score] if scored else None
        settings = benchmark.settings.items() if benchmark.settings else ()
        yield (
            launch.id, result.benchmark, benchmark.name, benchmark.category, result.cohort,
            None, result.model, model.label, model.developer, model.launched, result.mode,
            result.score, benchmark.scale.value, benchmark.direction.value, rank,
            abs(best[result.benchmark] - result.score) if scored else None,
            f"#{rank} of {len(scores[result.benchmark])}" if scored else "in words only",
            "; ".join(
                f"{c.relation.value}: {', '.join(c.versus)}" if c.versus else c.relation.value
                for c in result.comparisons
            ) or None,
            result.claim, ", ".join(f"{k} {v}" for k, v in settings) or None, None, None,
            "vendor" in kinds and not kinds & {"third_party", "independent"},
            ", ".join(result.sources) or None,
            "; ".join(sources[s].name for s in result.sources) or None,
        )  # fmt: skip


def _rss_now_kb() -> int:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def run_variant(variant: str, results: int, out: Path) -> dict[str, Any]:
    """Build the record, then time one way of writing it; runs inside the subprocess."""
    launch = build_launch(results)
    frame = None
    if variant == "pandas":
        import pandas

        frame = pandas.DataFrame(list(result_rows(launch)), columns=list(HEADERS))
    import openpyxl

    from launchbrief.exporters.xlsx import XlsxExporter

    gc.collect()
    before = _rss_now_kb()
    started = time.perf_counter()
    if variant == "ours":
        XlsxExporter().export(launch, out)
    elif variant == "raw":
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("Results")
        sheet.append(HEADERS)
        for row in result_rows(launch):
            sheet.append(row)
        workbook.save(out)
    elif variant == "pandas":
        assert frame is not None
        frame.to_excel(out, index=False, sheet_name="Results")
    else:
        raise SystemExit(f"unknown variant {variant!r}")
    seconds = time.perf_counter() - started
    return {
        "variant": variant,
        "seconds": seconds,
        "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "before_kb": before,
        "bytes": out.stat().st_size,
        "results": len(launch.results),
    }


def _pandas_path(allow_install: bool) -> str | None:
    """A folder to add to the subprocess' path for pandas, "" if it is importable, None if absent."""
    if importlib.util.find_spec("pandas") is not None:
        return ""
    if (PANDAS_FOLDER / "pandas").is_dir():
        return str(PANDAS_FOLDER)
    if not allow_install:
        return None
    print(f"pandas is not installed: installing it into {PANDAS_FOLDER} (not into .venv) …")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--target",
            str(PANDAS_FOLDER),
            "pandas",
        ],
        check=False,
    )
    return str(PANDAS_FOLDER) if done.returncode == 0 else None


def _measure(variant: str, results: int, folder: Path, extra_path: str) -> dict[str, Any]:
    out = folder / f"{variant}.xlsx"
    env = dict(os.environ)
    # Only the pandas run sees the pandas folder: openpyxl imports numpy when it can,
    # which would add its memory to the other runs.
    if extra_path and variant == "pandas":
        env["PYTHONPATH"] = os.pathsep.join(p for p in (extra_path, env.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            variant,
            "--results",
            str(results),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    out.unlink(missing_ok=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Measure, interleaved, and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_variant(args.child, args.results, args.out)))
        return

    variants = ["raw", "ours"]
    pandas_path = None if args.no_pandas else _pandas_path(allow_install=True)
    if pandas_path is None:
        print(
            "pandas comparison skipped:",
            "--no-pandas given" if args.no_pandas else "pandas unavailable",
        )
    else:
        variants.append("pandas")
    runs: dict[str, list[dict[str, Any]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory(prefix="bench-xlsx-") as folder:
        for round_number in range(args.rounds):
            # Rotate the order, so that no variant always runs first on a busy machine.
            order = (
                variants[round_number % len(variants) :] + variants[: round_number % len(variants)]
            )
            for variant in order:
                figures = _measure(variant, args.results, Path(folder), pandas_path or "")
                runs[variant].append(figures)
                print(
                    f"round {round_number + 1} {variant:<6} {figures['seconds']:7.2f} s"
                    f"  peak {figures['peak_kb'] / 1024:7.1f} MiB"
                    f"  (before export {figures['before_kb'] / 1024:6.1f} MiB)"
                    f"  {figures['bytes'] / 2**20:6.1f} MiB file",
                    flush=True,
                )

    def median(variant: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[variant])

    def least(variant: str, key: str) -> float:
        return min(run[key] for run in runs[variant])

    results = runs["ours"][0]["results"]
    print(f"\n{results:,} results, {args.rounds} round(s); median (min)")
    for variant in variants:
        print(
            f"  {variant:<6} {median(variant, 'seconds'):7.2f} s ({least(variant, 'seconds'):.2f})"
            f"   peak {median(variant, 'peak_kb') / 1024:7.1f} MiB"
            f" ({least(variant, 'peak_kb') / 1024:.1f})"
        )
    time_ratio = median("ours", "seconds") / median("raw", "seconds")
    memory_ratio = median("ours", "peak_kb") / median("raw", "peak_kb")
    growth = {v: median(v, "peak_kb") - median(v, "before_kb") for v in ("raw", "ours")}
    print(f"\nours / raw time          {time_ratio:5.2f}   (goal ≤ 1.15)")
    print(f"ours / raw time (min)    {least('ours', 'seconds') / least('raw', 'seconds'):5.2f}")
    if "pandas" in runs:
        pandas_ratio = median("pandas", "seconds") / median("ours", "seconds")
        print(f"pandas / ours time       {pandas_ratio:5.2f}   (goal ≥ 1.8)")
    print(f"ours / raw peak memory   {memory_ratio:5.2f}   (goal ≤ 1.3)")
    print(
        f"growth during export: raw {growth['raw'] / 1024:.1f} MiB, ours"
        f" {growth['ours'] / 1024:.1f} MiB (peak RSS minus RSS before the export)"
    )


if __name__ == "__main__":
    main()
