"""Print every leaderboard of a launch and where the launched models lead and trail.

Usage:
    python examples/leaderboards.py                      # the built-in muse-spark launch
    python examples/leaderboards.py examples/zephyr-7b-beta.yaml

Uses only the public API of launchbrief: ``load``, ``leaderboards``, ``scorecard`` and
``format_score`` (and ``describe_settings`` from ``launchbrief.analysis``).
"""

from __future__ import annotations

import sys

import launchbrief
from launchbrief.analysis import describe_settings


def print_leaderboards(launch: launchbrief.Launch) -> None:
    """One block per benchmark and cohort: scores best first, then results known only in words.

    A number without a rival's number on its board has no rank: it prints as ``–.``.
    """
    for board in launchbrief.leaderboards(launch):
        benchmark = board.benchmark
        scale, better = benchmark.scale.value, benchmark.direction.value
        print(f"{board.title} [{benchmark.category}; {scale}; {better} is better]")
        settings = {describe_settings(s.settings) for s in board.standings} - {""}
        if len(settings) == 1:
            print(f"  settings: {settings.pop()}")
        if board.warning:
            print(f"  warning: {board.warning}")
        for standing in board.standings:
            marker = "*" if standing.launched else " "
            rank = standing.rank if standing.ranked else "–"
            # Scores and gaps print as the source wrote them: 85.20 stays 85.20.
            score = launchbrief.format_score(standing.score)
            gap = f"  -{launchbrief.format_score(standing.gap)}" if standing.gap else ""
            print(f"  {marker} {rank}. {standing.label:<30} {score}{gap}")
        if board.standings and not board.contested:
            print("    (no rival numbers: not ranked)")
        for result in board.qualitative:
            words = "; ".join(describe(launch, c) for c in result.comparisons) or "no comparison"
            claim = f' ("{result.claim}")' if result.claim else ""
            model = launch.model(result.model).label
            print(f"    {model}: no number; {words}{claim}")
        print()


def describe(launch: launchbrief.Launch, comparison: launchbrief.Comparison) -> str:
    """A comparison in words: "trails GPT 5.4"; an empty ``versus`` is the whole field."""
    rivals = ", ".join(launch.model(m).label for m in comparison.versus)
    return f"{comparison.relation.label} {rivals or 'the field'}"


def print_scorecard(launch: launchbrief.Launch) -> None:
    """The launched models' verdicts against rivals: leads, trails and everything else."""
    card = launchbrief.scorecard(launch)
    family = len(launch.launched) > 1
    names = ", ".join(model.label for model in launch.launched)
    print(f"Where {names} {'lead and trail' if family else 'leads and trails'}")
    for heading, verdicts in (
        ("leads", card.leads),
        ("trails", card.trails),
        ("other", card.other),
    ):
        for verdict in verdicts:
            basis = verdict.basis.value
            who = f"{verdict.model.label} " if family and verdict.model else ""
            print(f"  {heading:>6}: {who}{verdict.sentence} [{basis}]")


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
    launched = ", ".join(model.label for model in launch.launched)
    print(f"Launched: {launched} ({launch.developer.name})")
    print()
    print_leaderboards(launch)
    print_scorecard(launch)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
