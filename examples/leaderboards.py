"""Print every leaderboard of a launch and where the launched model leads and trails.

Usage:
    python examples/leaderboards.py                      # the built-in muse-spark launch
    python examples/leaderboards.py examples/zephyr-7b-beta.yaml

Uses only the public API of launchbrief: ``load``, ``leaderboards`` and ``scorecard``.
"""

from __future__ import annotations

import sys

import launchbrief


def print_leaderboards(launch: launchbrief.Launch) -> None:
    """One block per benchmark: ranked scores first, then results known only in words."""
    for board in launchbrief.leaderboards(launch):
        benchmark = board.benchmark
        scale, better = benchmark.scale.value, benchmark.direction.value
        print(f"{benchmark.name} [{benchmark.category}; {scale}; {better} is better]")
        if benchmark.settings:
            print(f"  settings: {benchmark.settings}")
        for standing in board.standings:
            marker = "*" if standing.launched else " "
            # Scores print as the record holds them; only the gap is rounded for reading.
            gap = f"  -{standing.gap:g}" if standing.gap else ""
            print(f"  {marker} {standing.rank}. {standing.label:<30} {standing.score}{gap}")
        for result in board.qualitative:
            words = "; ".join(describe(launch, c) for c in result.comparisons) or "no comparison"
            claim = f' ("{result.claim}")' if result.claim else ""
            model = launch.compared_model(result.model).label
            print(f"    {model}: no number; {words}{claim}")
        print()


def describe(launch: launchbrief.Launch, comparison: launchbrief.Comparison) -> str:
    """A comparison in words: "trails GPT 5.4"; an empty ``versus`` is the whole field."""
    rivals = ", ".join(launch.compared_model(m).label for m in comparison.versus)
    return f"{comparison.relation.label} {rivals or 'the field'}"


def print_scorecard(launch: launchbrief.Launch) -> None:
    """The launched model's verdicts: leads, trails and everything else."""
    card = launchbrief.scorecard(launch)
    print(f"Where {launch.launched_model.label} leads and trails")
    for heading, verdicts in (
        ("leads", card.leads),
        ("trails", card.trails),
        ("other", card.other),
    ):
        for verdict in verdicts:
            basis = verdict.basis.value
            print(f"  {heading:>6}: {verdict.sentence} [{basis}]")


def main(argv: list[str]) -> int:
    """Load the launch named on the command line (default: muse-spark) and print it."""
    source = argv[1] if len(argv) > 1 else "muse-spark"
    try:
        launch = launchbrief.load(source)
    except launchbrief.InvalidLaunchError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    except (FileNotFoundError, launchbrief.UnknownFormatError) as error:
        print(error, file=sys.stderr)
        return 2
    print(launch.title)
    print(f"Launched model: {launch.launched_model.label} ({launch.developer.name})")
    print()
    print_leaderboards(launch)
    print_scorecard(launch)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
