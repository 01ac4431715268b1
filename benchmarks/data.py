"""The launches the benchmarks measure, made at run time (nothing large is checked in).

- :func:`big_launch`: 100 models × 1,000 benchmarks, every model on every benchmark,
  a tenth of the results known only in words (the big workbook and loading cases);
- :func:`chart_launch`: one benchmark category per chart slide (the appendix case);
- :func:`family_launch`: 22 launched models × 60 benchmarks × 3 cohorts, the tests' own
  generator (the bounded deck case);
- :func:`many_launches`: copies of the built-in launches under new ids (batch, landscape);
- :func:`result_rows`: the Results rows a one-off script would compute, for the baselines.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs

import launchbrief as lb

ROOT = Path(__file__).resolve().parent.parent

# The family generator is the tests' own: one definition of "a big family" for both.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tests.samples import family_launch  # noqa: E402

__all__ = [
    "HEADERS",
    "big_launch",
    "chart_launch",
    "family_launch",
    "many_launches",
    "result_rows",
]

#: The 25 columns of the workbook's Results sheet, written by the baselines too.
HEADERS = (
    "Launch", "Benchmark id", "Benchmark", "Category", "Cohort id", "Cohort", "Model id",
    "Model", "Developer", "Launched", "Mode id", "Score", "Scale", "Direction", "Rank",
    "Gap to leader", "Standing", "Comparison", "Claim", "Settings", "Result settings",
    "Comparability", "Vendor only", "Source ids", "Provenance",
)  # fmt: skip

_CATEGORIES = ("multimodal", "health", "reasoning", "coding", "agentic", "math", "long context")


def big_launch(results: int, models: int = 100) -> lb.Launch:
    """A valid launch with ``results`` results: every model on every benchmark, some in words only."""
    rng = random.Random(20261130)
    benchmarks = max(1, -(-results // models))
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
            category=_CATEGORIES[j % len(_CATEGORIES)],
            settings=lb.Settings(shots=5, other=(("metric", "pass@1"),)) if j % 4 == 0 else None,
            sources=("vendor-chart",),
        )
        for j in range(benchmarks)
    )
    source_sets = (("vendor-chart",), ("vendor-chart", "press"), ("leaderboard",))
    items: list[lb.Result] = []
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
        as_of=date(2026, 11, 30),
        models=compared,
        benchmarks=benches,
        results=tuple(items),
        sources=sources,
    )


def chart_launch(charts: int) -> lb.Launch:
    """A launch with one benchmark category per chart: ``charts`` chart slides in the appendix."""
    source = lb.Source(id="vendor", name="Vendor chart", kind=lb.SourceKind.VENDOR)
    models = tuple(
        lb.Model(id=f"model-{n}", name=f"Model {n}", launched=n == 0, sources=("vendor",))
        for n in range(5)
    )
    benchmarks = tuple(
        lb.Benchmark(
            id=f"bench-{n}", name=f"Benchmark {n}", category=f"category {n}", sources=("vendor",)
        )
        for n in range(charts)
    )
    results = tuple(
        lb.Result(
            benchmark=benchmark.id,
            model=model.id,
            score=float((7 * b + 13 * m) % 90 + 5),
            sources=("vendor",),
        )
        for b, benchmark in enumerate(benchmarks)
        for m, model in enumerate(models)
    )
    return lb.Launch(
        id=f"scaling-{charts}",
        title=f"A launch with {charts} benchmark categories",
        developer=lb.Developer(name="Bench Lab"),
        as_of=date(2026, 1, 1),
        models=models,
        benchmarks=benchmarks,
        results=results,
        sources=(source,),
    )


def many_launches(count: int) -> list[lb.Launch]:
    """``count`` launches: the built-in ones in turn, each copy under an id of its own."""
    builtins = [lb.load(name) for name in lb.datasets()]
    return [
        attrs.evolve(launch, id=f"{launch.id}-{number:03d}")
        for number, launch in zip(range(count), itertools.cycle(builtins), strict=False)
    ]


def result_rows(launch: lb.Launch) -> Iterator[tuple[Any, ...]]:
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
        score = result.score
        rank = ranks[result.benchmark][score] if score is not None else None
        settings = benchmark.settings.items() if benchmark.settings else ()
        yield (
            launch.id, result.benchmark, benchmark.name, benchmark.category, result.cohort,
            None, result.model, model.label, model.developer, model.launched, result.mode,
            score, benchmark.scale.value, benchmark.direction.value, rank,
            abs(best[result.benchmark] - score) if score is not None else None,
            f"#{rank} of {len(scores[result.benchmark])}" if score is not None else "in words only",
            "; ".join(
                f"{c.relation.value}: {', '.join(c.versus)}" if c.versus else c.relation.value
                for c in result.comparisons
            ) or None,
            result.claim, ", ".join(f"{k} {v}" for k, v in settings) or None, None, None,
            "vendor" in kinds and not kinds & {"third_party", "independent"},
            ", ".join(result.sources) or None,
            "; ".join(sources[s].name for s in result.sources) or None,
        )  # fmt: skip
