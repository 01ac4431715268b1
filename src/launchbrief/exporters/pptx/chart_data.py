"""What each chart shows: its leaderboards, bars and series, taken from the analysis.

Pure functions from a launch's leaderboards to :class:`ChartSpec`: which leaderboards
share a chart, clustered or ranked, which bars are the launched models', and how a
chart too large for a slide is cut into pieces. :mod:`.charts` draws them. No
python-pptx here; no geometry either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from launchbrief import analysis
from launchbrief.exporters._story import VendorCheck, board_label, clean, score_text
from launchbrief.model import (
    Benchmark,
    Cohort,
    Direction,
    Launch,
    Scale,
)


@dataclass(frozen=True)
class ChartSeries:
    """One bar series: a model (and mode) across the chart's leaderboards."""

    label: str
    values: tuple[float | None, ...]  # None: no number on that leaderboard
    launched: bool


#: Past this many models a chart is drawn per leaderboard, models ranked on its axis:
#: a legend of more colours than that cannot be read.
MOST_SERIES = 6


@dataclass(frozen=True)
class ChartSpec:
    """A bar chart of leaderboards of one cohort that share a scale and its bounds.

    Clustered (the default): a cluster per leaderboard, a series per model, the
    launched models' series highlighted. Ranked: one leaderboard, its models on the
    axis in the order the leaderboard gives them, one series, the launched models'
    bars (``highlight``) picked out. A leaderboard without rival numbers is drawn in
    score order but says it is not ranked.
    """

    boards: tuple[analysis.Leaderboard, ...]
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    vendor_only: bool  # every number rests on vendor material alone
    sources: tuple[str, ...]
    ranked: bool = False
    highlight: tuple[int, ...] = ()
    title: str | None = None  # the chart's heading: the cohort, or the leaderboard (and ranks)
    peak: float | None = None  # the largest score before splitting: one axis for all pieces

    @property
    def benchmarks(self) -> tuple[Benchmark, ...]:
        """The benchmarks of the chart's leaderboards, in order."""
        return tuple(board.benchmark for board in self.boards)

    @property
    def benchmark(self) -> Benchmark:
        """The first leaderboard's benchmark: scale, bounds and direction are the chart's."""
        return self.boards[0].benchmark

    @property
    def scale(self) -> Scale:
        """The scale every leaderboard of the chart reports on."""
        return self.benchmark.scale

    @property
    def cohort(self) -> Cohort | None:
        """The cohort every leaderboard of the chart belongs to."""
        return self.boards[0].cohort

    @property
    def bars(self) -> int:
        """How many bar slots the chart draws (leaderboards × series)."""
        return len(self.categories) * len(self.series)

    def benchmark_at(self, index: int) -> Benchmark:
        """The benchmark of a category: each category is a leaderboard, or ranked, one model."""
        return self.benchmark if self.ranked else self.boards[index].benchmark

    def _values(self, pairs: Iterable[tuple[str, float | None, int]]) -> str:
        return "; ".join(
            f"{name} {score_text(value, self.benchmark_at(index))}"
            for name, value, index in pairs
            if value is not None
        )

    def alt_text(self, category: str) -> str:
        """Alt text: the chart's kind, then every number it shows."""
        cohort = f", {clean(self.cohort.name)}" if self.cohort is not None else ""
        if self.ranked:
            series = self.series[0]
            values = self._values(
                (name, value, index)
                for index, (name, value) in enumerate(
                    zip(self.categories, series.values, strict=True)
                )
            )
            order = (
                "models in rank order"
                if self.boards[0].contested
                else "no rival numbers, so not ranked"
            )
            return (
                f"Bar chart of {series.label} scores ({_scale_words(self.benchmark)}{cohort}),"
                f" {order}, launched models highlighted: {values}."
            )
        parts = [
            f"Clustered bar chart of {category.lower()} benchmark scores"
            f" ({_scale_words(self.benchmark)}{cohort}), launched models highlighted."
        ]
        for index, name in enumerate(self.categories):
            values = self._values((s.label, s.values[index], index) for s in self.series)
            parts.append(f"{name}: {values}.")
        return " ".join(parts)

    def numbers(self) -> list[str]:
        """The chart's numbers, one line per leaderboard, for speaker notes."""
        if self.ranked:
            series = self.series[0]
            values = self._values(
                (name, value, index)
                for index, (name, value) in enumerate(
                    zip(self.categories, series.values, strict=True)
                )
            )
            return [f"{series.label}: {values}"]
        return [
            f"{name}: " + self._values((s.label, s.values[index], index) for s in self.series)
            for index, name in enumerate(self.categories)
        ]


def _scale_words(benchmark: Benchmark) -> str:
    words = {
        Scale.PERCENT: "percent, 0 to 100",
        Scale.FRACTION: "fraction, 0 to 1",
        Scale.PERCENTILE: "percentile, 0 to 100",
        Scale.POINTS: "points",
        Scale.ELO: "Elo rating",
    }[benchmark.scale]
    bounds = benchmark.bounds
    if benchmark.scale.bounds is None and bounds is not None:
        words += f", {analysis.format_score(bounds[0])} to {analysis.format_score(bounds[1])}"
    if benchmark.direction is Direction.LOWER:
        words += ", lower is better"
    return words


def chart_specs(
    launch: Launch,
    boards: Sequence[analysis.Leaderboard],
    vendor_only: VendorCheck,
) -> tuple[list[ChartSpec], list[analysis.Leaderboard]]:
    """Charts of a category's leaderboards with numbers, and the leaderboards left out.

    A chart holds leaderboards of one cohort whose benchmarks share a scale, bounds
    and direction. Leaderboards where only one model has a number would be a lone bar
    among empty slots: when the category has comparisons, they are left out of the
    charts (the slide states them as figures). A lone leaderboard, or more models than
    :data:`MOST_SERIES`, gives a ranked chart per leaderboard.
    """
    numeric = [board for board in boards if board.standings]
    comparative = [board for board in numeric if len(board.standings) >= 2]
    charted = comparative or numeric
    alone = [board for board in numeric if board not in charted]
    groups: dict[tuple[object, ...], list[analysis.Leaderboard]] = {}
    for board in charted:
        benchmark = board.benchmark
        group_key = (
            board.cohort.id if board.cohort else None,
            benchmark.scale,
            benchmark.bounds,
            benchmark.direction,
        )
        groups.setdefault(group_key, []).append(board)
    specs: list[ChartSpec] = []
    model_order = {model.id: position for position, model in enumerate(launch.models)}
    mode_order = {mode.id: mode.order for mode in launch.modes}
    for group in groups.values():
        keys: dict[tuple[str, str | None], tuple[str, bool]] = {}
        for board in group:
            for standing in board.standings:
                key = (standing.model.id, standing.mode.id if standing.mode else None)
                keys.setdefault(key, (clean(standing.label), standing.launched))
        # One leaderboard, or too many models for a legend: rank the models on the axis.
        if len(keys) > MOST_SERIES or len(group) == 1:
            specs.extend(ranked_chart(board, vendor_only) for board in group)
            continue
        ordered = sorted(
            keys,
            key=lambda key: (
                not keys[key][1],
                model_order.get(key[0], 0),
                mode_order.get(key[1] or "", 0),
            ),
        )
        scores = {
            (index, s.model.id, s.mode.id if s.mode else None): s.score
            for index, board in enumerate(group)
            for s in board.standings
        }
        series = [
            ChartSeries(
                keys[key][0],
                tuple(scores.get((index, *key)) for index in range(len(group))),
                keys[key][1],
            )
            for key in ordered
        ]
        results = [s.result for board in group for s in board.standings]
        cohort = group[0].cohort
        specs.append(
            ChartSpec(
                boards=tuple(group),
                categories=tuple(_benchmark_label(board.benchmark) for board in group),
                series=tuple(series),
                vendor_only=bool(results) and all(vendor_only(r) for r in results),
                sources=analysis.source_ids(
                    [
                        *(b.benchmark for b in group),
                        *(b.cohort for b in group if b.cohort),
                        *results,
                    ]
                ),
                title=clean(cohort.name) if cohort is not None else None,
                peak=max(s.score for board in group for s in board.standings),
            )
        )
    return specs, alone


def ranked_chart(board: analysis.Leaderboard, vendor_only: VendorCheck) -> ChartSpec:
    standings = board.standings
    results = [s.result for s in standings]
    title = board_label(board)
    if not board.contested:
        title += ", not ranked: no rival numbers"
    return ChartSpec(
        boards=(board,),
        categories=tuple(clean(s.label) for s in standings),
        series=(
            ChartSeries(
                _benchmark_label(board.benchmark), tuple(s.score for s in standings), False
            ),
        ),
        vendor_only=bool(results) and all(vendor_only(r) for r in results),
        sources=analysis.source_ids(
            [board.benchmark, *([board.cohort] if board.cohort else []), *results]
        ),
        ranked=True,
        highlight=tuple(i for i, s in enumerate(standings) if s.launched),
        title=title,
        peak=max(s.score for s in standings),
    )


def _benchmark_label(benchmark: Benchmark) -> str:
    name = clean(benchmark.name)
    return f"{name} (lower is better)" if benchmark.direction is Direction.LOWER else name


def split_chart(spec: ChartSpec, most_bars: int) -> list[ChartSpec]:
    """``spec`` cut into charts of at most ``most_bars`` bars (one cluster at the least).

    A clustered chart keeps only the series that have a number on one of its
    leaderboards; a ranked chart is cut down its ranking.
    """
    per_chart = max(1, most_bars // max(1, len(spec.series)))
    if spec.ranked and len(spec.categories) > per_chart:
        # Balance the pieces: 12 in two charts are 6 and 6, not 10 and 2.
        count = -(-len(spec.categories) // per_chart)
        per_chart = -(-len(spec.categories) // count)
    pieces = []
    for start in range(0, len(spec.categories), per_chart):
        stop = start + per_chart
        if spec.ranked:
            shown = len(spec.categories[start:stop])
            ranks = f", ranks {start + 1}–{start + shown}" if shown < len(spec.categories) else ""
            if not spec.boards[0].contested and ranks:
                ranks = f", entries {start + 1}–{start + shown}"
            pieces.append(
                ChartSpec(
                    boards=spec.boards,
                    categories=spec.categories[start:stop],
                    series=tuple(
                        ChartSeries(s.label, s.values[start:stop], s.launched) for s in spec.series
                    ),
                    vendor_only=spec.vendor_only,
                    sources=spec.sources,
                    ranked=True,
                    highlight=tuple(i - start for i in spec.highlight if start <= i < stop),
                    title=f"{spec.title}{ranks}",
                    peak=spec.peak,
                )
            )
            continue
        series = tuple(
            ChartSeries(s.label, s.values[start:stop], s.launched)
            for s in spec.series
            if any(v is not None for v in s.values[start:stop])
        )
        pieces.append(
            ChartSpec(
                boards=spec.boards[start:stop],
                categories=spec.categories[start:stop],
                series=series,
                vendor_only=spec.vendor_only,
                sources=spec.sources,
                title=spec.title,
                peak=spec.peak,
            )
        )
    return pieces
