"""How the deck's time grows with the length of its text and of its lists.

The deck lays out every piece of text with real font metrics. This benchmark builds,
in one process, decks of the built-in launch and of variants of it: one result
claim of 10,000, 40,000 and 160,000 characters; every text field at 10,000 and
40,000 characters; 10,000 and a million capabilities. The records are made before
the clock starts; each round builds every deck once, in turn, so that a noisy
machine slows them all alike; the median of the rounds is reported.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_deck_text.py             # 3 rounds
    .venv/bin/python benchmarks/bench_deck_text.py --rounds 5

It prints each deck's median time and the ratios that matter, and exits 1 when the
deck with a 40,000-character claim takes 2 s or more, or when a text four times as
long costs more than 4.5 times as much.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import launchbrief as lb
from launchbrief.exporters.pptx import build_deck

# The long records are the tests' own samples: one definition of "long" for both.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.samples import long_claim, long_everything, many_capabilities

#: Largest acceptable time ratio for a text four times as long: linear, with slack.
TARGET = 4.5

#: The most a deck with a 40,000-character claim may take, in seconds.
CLAIM_SECONDS = 2.0


def builtin() -> lb.Launch:
    """The built-in launch."""
    return lb.load("muse-spark")


CASES: dict[str, Callable[[], lb.Launch]] = {
    "built-in": builtin,
    "claim 10k": lambda: long_claim(10_000),
    "claim 40k": lambda: long_claim(40_000),
    "claim 160k": lambda: long_claim(160_000),
    "every field 10k": lambda: long_everything(10_000),
    "every field 40k": lambda: long_everything(40_000),
    "capabilities 10k": lambda: many_capabilities(10_000),
    "capabilities 1M": lambda: many_capabilities(1_000_000),
}


def seconds(launch: lb.Launch) -> float:
    """Seconds to build ``launch``'s deck."""
    gc.collect()
    start = time.perf_counter()
    build_deck([launch])
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    rounds = parser.parse_args(argv).rounds
    launches = {name: make() for name, make in CASES.items()}
    seconds(launches["built-in"])  # warm up: imports, fonts, caches
    times: dict[str, list[float]] = {name: [] for name in launches}
    for number in range(rounds):
        names = list(launches) if number % 2 == 0 else list(reversed(launches))
        for name in names:
            times[name].append(seconds(launches[name]))
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, value in median.items():
        spread = ", ".join(f"{v:.3f}" for v in times[name])
        print(f"{name:18s} {value:7.3f} s  (rounds: {spread})")
    print()
    checks = [
        ("claim 40k / built-in", median["claim 40k"] / median["built-in"], None),
        ("claim 40k / claim 10k", median["claim 40k"] / median["claim 10k"], TARGET),
        ("claim 160k / claim 40k", median["claim 160k"] / median["claim 40k"], TARGET),
        ("every field 40k / 10k", median["every field 40k"] / median["every field 10k"], TARGET),
        (
            "capabilities 1M / 10k",
            median["capabilities 1M"] / median["capabilities 10k"],
            TARGET * 25,  # 100 times as many: linear would be 100
        ),
    ]
    ok = median["claim 40k"] < CLAIM_SECONDS
    print(
        f"claim 40k: {median['claim 40k']:.3f} s (target under {CLAIM_SECONDS:.0f} s);"
        f" built-in deck: {median['built-in']:.3f} s"
    )
    for label, ratio, target in checks:
        goal = f" (target at most {target:.1f})" if target is not None else ""
        print(f"{label:24s} ratio {ratio:6.2f}{goal}")
        ok = ok and (target is None or ratio <= target)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
