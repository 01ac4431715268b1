"""How building a deck scales: decks of 200 and 800 chart slides, built in one run.

python-pptx names each new part by walking every part already in the package, so
adding slides and charts one by one costs quadratic time. The exporter counts part
names itself; this benchmark shows that building now scales linearly: the time for
800 chart slides is about four times the time for 200 (the target is at most 4.5).

Run it from the repository root::

    .venv/bin/python benchmarks/bench_pptx.py            # 200 and 800 chart slides
    .venv/bin/python benchmarks/bench_pptx.py 100 400    # other sizes
    .venv/bin/python benchmarks/bench_pptx.py --baseline # python-pptx's own part naming

It prints the time of each deck and the ratio of the largest to the smallest,
and exits 1 when the ratio is above the target for the sizes' ratio. With
``--baseline`` the exporter names parts the way python-pptx does (a walk over the
package per new part), to show what the counters save; expect a ratio near 10.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import launchbrief as lb
from launchbrief.exporters import pptx as exporter
from launchbrief.exporters.pptx import build_deck

#: Largest acceptable time ratio for a 4x larger deck: linear, with some slack.
TARGET = 4.5


def chart_launch(charts: int) -> lb.Launch:
    """A launch with one benchmark category per chart: ``charts`` chart slides."""
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


def seconds(launch: lb.Launch) -> tuple[float, int]:
    """Seconds to build the benchmark slides of ``launch``, and the deck's size in bytes."""
    gc.collect()
    start = time.perf_counter()
    data = build_deck([launch], slides=["benchmarks"])
    return time.perf_counter() - start, len(data)


class _PackageNames:
    """Part naming as python-pptx does it: each name found by walking the package."""

    def __init__(self, package: Any) -> None:
        self.next_partname = package.next_partname


@contextlib.contextmanager
def _baseline_parts(prs: Any) -> Iterator[_PackageNames]:
    yield _PackageNames(prs.part.package)


def main(argv: list[str]) -> int:
    if "--baseline" in argv:
        argv = [arg for arg in argv if arg != "--baseline"]
        exporter._linear_parts = _baseline_parts  # type: ignore[assignment]
        print("baseline: python-pptx's own part naming")
    sizes = [int(arg) for arg in argv] or [200, 800]
    seconds(chart_launch(10))  # warm up: imports, fonts, caches
    times = {}
    for size in sizes:
        launch = chart_launch(size)
        elapsed, length = seconds(launch)
        times[size] = elapsed
        print(
            f"{size:5d} chart slides: {elapsed:7.2f} s  ({elapsed / size * 1000:.1f} ms a slide, {length / 1e6:.1f} MB)"
        )
    small, large = min(sizes), max(sizes)
    ratio = times[large] / times[small]
    allowed = TARGET * (large / small) / 4
    print(
        f"time ratio {large}/{small}: {ratio:.2f} (target at most {allowed:.2f}; linear is {large / small:.2f})"
    )
    return 0 if ratio <= allowed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
