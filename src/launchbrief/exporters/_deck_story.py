"""What the deck says: the words and numbers of each slide, taken from the analysis.

Pure functions from a :class:`~launchbrief.model.Launch` and the results of
:mod:`launchbrief.analysis` to text: headlines, verdict lines, chart series, alt
text and speaker notes. Nothing here is recomputed: ranks, margins, groupings and
flags all come from the analysis API. No python-pptx here; no geometry either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from launchbrief import analysis
from launchbrief.exporters._deck_text import clean
from launchbrief.model import (
    Benchmark,
    Direction,
    Launch,
    Relation,
    Result,
    RolloutStatus,
    Scale,
    SourceKind,
)

__all__ = [
    "MOST_ITEMS",
    "ChartSeries",
    "ChartSpec",
    "at_most",
    "category_title",
    "chart_specs",
    "continued_notes",
    "date_text",
    "joined",
    "margin_text",
    "more_text",
    "score_text",
    "source_index",
    "source_names",
    "verdict_detail",
]


T = TypeVar("T")

#: The most items of one list the deck shows (capabilities, insights of a kind, rows
#: of a table, verdicts in a column) and its notes read out; the rest are counted
#: ("… and 999,970 more capabilities"). A briefing summarises: a list any longer
#: belongs in the workbook.
MOST_ITEMS = 30


def at_most(items: Sequence[T], most: int = MOST_ITEMS) -> tuple[Sequence[T], int]:
    """The first ``most`` of ``items``, and how many are left out."""
    shown = items[:most]
    return shown, len(items) - len(shown)


def more_text(count: int, one: str, many: str) -> str:
    """What a list leaves out, counted: ``… and 999,970 more capabilities``."""
    return f"… and {count:,} more {one if count == 1 else many}"


def joined(texts: Sequence[str], separator: str = ", ", most: int = MOST_ITEMS) -> str:
    """``texts`` cleaned and joined; past ``most`` of them, the rest are counted."""
    shown, left_out = at_most(texts, most)
    text = separator.join(clean(item) for item in shown)
    return f"{text} and {left_out:,} more" if left_out else text


class VendorCheck:
    """:func:`launchbrief.analysis.vendor_only`, asked once per distinct list of sources.

    The answer depends on the cited sources alone, and the analysis function walks
    the whole record on each call: asking it for every result of a large record
    would make building a deck quadratic.
    """

    def __init__(self, launch: Launch) -> None:
        self.launch = launch
        self._known: dict[tuple[str, ...], bool] = {}

    def __call__(self, result: Result) -> bool:
        """Whether ``result`` rests on vendor material alone."""
        if result.sources not in self._known:
            self._known[result.sources] = analysis.vendor_only(self.launch, result)
        return self._known[result.sources]


def score_text(value: float, scale: Scale) -> str:
    """A score as a reader expects it: ``86.4%``, ``0.82``, ``1,402``."""
    if scale is Scale.PERCENT:
        return f"{value:g}%"
    if scale is Scale.FRACTION:
        return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"
    if float(value).is_integer() and abs(value) >= 1000:
        return f"{int(value):,}"
    return f"{value:g}"


def margin_text(value: float, scale: Scale) -> str:
    """A distance between scores: ``3.6 points`` on a percent scale."""
    if scale is Scale.PERCENT:
        return f"{value:g} point" + ("" if value == 1 else "s")
    return score_text(value, scale)


def number_format(scale: Scale) -> str:
    """The Excel-style number format of a scale's data labels."""
    return {Scale.PERCENT: '0.0"%"', Scale.FRACTION: "0.00"}.get(scale, "General")


def date_text(launch: Launch) -> str | None:
    """The record's as-of date in words, ``30 November 2026``."""
    if launch.as_of is None:
        return None
    return f"{launch.as_of.day} {launch.as_of:%B %Y}"


def category_title(category: str) -> str:
    """A category as a heading: ``multimodal`` → ``Multimodal``."""
    text = clean(category)
    return text[:1].upper() + text[1:]


def source_names(names: Mapping[str, str], source_ids: Iterable[str]) -> list[str]:
    """Short names of the sources, each once, in the order given.

    ``names`` maps each source id of the launch to its cleaned name, as
    :func:`source_index` gives it (made once per launch: a launch may cite thousands).
    """
    shown: dict[str, None] = {}
    for source_id in source_ids:
        shown.setdefault(names[source_id])
    return list(shown)


def source_index(launch: Launch) -> dict[str, str]:
    """Each source id of ``launch`` and the cleaned name a footer shows for it."""
    return {source.id: clean(source.name) for source in launch.sources}


def labels(models: Iterable[object], most: int = 3) -> str:
    """Model labels joined for a sentence; past ``most`` of them, the rest are counted."""
    names = [clean(getattr(model, "label", str(model))) for model in models]
    if len(names) > most:
        return ", ".join(names[: most - 1]) + f" and {len(names) - most + 1} more"
    return ", ".join(names)


def verdict_detail(verdict: analysis.Verdict) -> str:
    """One line on where the launched model stands on a benchmark, from its verdict."""
    scale = verdict.benchmark.scale
    if verdict.basis is analysis.Basis.NUMERIC and verdict.score is not None:
        head = score_text(verdict.score, scale)
        if verdict.rank is not None and verdict.ranked and verdict.ranked > 1:
            head = f"#{verdict.rank} of {verdict.ranked} with {head}"
        if verdict.relation is None:
            return f"{head}; no rival numbers given"
        margin = margin_text(verdict.margin or 0.0, scale)
        if verdict.relation is Relation.LEADS:
            return f"{head}, {margin} ahead of the next model"
        if verdict.relation is Relation.TRAILS:
            leader = clean(verdict.versus[0].label) if verdict.versus else "the leader"
            ahead = len(verdict.versus)
            behind = f"{margin} behind {leader}"
            return f"{head}, {behind}" + (f" ({ahead} models ahead)" if ahead > 1 else "")
        return f"{head}, level with {labels(verdict.versus)}"
    relation = verdict.relation.label if verdict.relation else "compared with"
    rivals = labels(verdict.versus) or "the field"
    return f"{relation[:1].upper()}{relation[1:]} {rivals} (the source's words, no numbers)"


# --------------------------------------------------------------------------- charts


@dataclass(frozen=True)
class ChartSeries:
    """One bar series: a model (and mode) across the chart's benchmarks."""

    label: str
    values: tuple[float | None, ...]  # None: no number for that benchmark
    launched: bool


#: Past this many models a chart is drawn per benchmark, models ranked on its axis:
#: a legend of more colours than that cannot be read.
MOST_SERIES = 6


@dataclass(frozen=True)
class ChartSpec:
    """A bar chart of benchmarks that share a scale.

    Clustered (the default): a cluster per benchmark, a series per model, the
    launched model's series highlighted. Ranked: one benchmark, its models on the
    axis in rank order as the leaderboard gives them, one series, the launched
    model's bars (``highlight``) picked out.
    """

    benchmarks: tuple[Benchmark, ...]
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    scale: Scale
    vendor_only: bool  # every number rests on vendor material alone
    sources: tuple[str, ...]
    ranked: bool = False
    highlight: tuple[int, ...] = ()
    title: str | None = None  # a ranked chart's heading: the benchmark (and which ranks)
    peak: float | None = None  # the largest score before splitting: one axis for all pieces

    @property
    def bars(self) -> int:
        """How many bar slots the chart draws (benchmarks × series)."""
        return len(self.categories) * len(self.series)

    def alt_text(self, category: str) -> str:
        """Alt text: the chart's kind, then every number it shows."""
        if self.ranked:
            series = self.series[0]
            values = "; ".join(
                f"{name} {score_text(value, self.scale)}"
                for name, value in zip(self.categories, series.values, strict=True)
                if value is not None
            )
            return (
                f"Bar chart of {series.label} scores ({_scale_words(self.scale)}), models in rank"
                f" order, launched model highlighted: {values}."
            )
        parts = [
            f"Clustered bar chart of {category.lower()} benchmark scores"
            f" ({_scale_words(self.scale)}), launched model highlighted."
        ]
        for index, name in enumerate(self.categories):
            values = "; ".join(
                f"{series.label} {score_text(value, self.scale)}"
                for series in self.series
                if (value := series.values[index]) is not None
            )
            parts.append(f"{name}: {values}.")
        return " ".join(parts)

    def numbers(self) -> list[str]:
        """The chart's numbers, one line per benchmark, for speaker notes."""
        if self.ranked:
            series = self.series[0]
            return [
                f"{series.label}: "
                + "; ".join(
                    f"{name} {score_text(value, self.scale)}"
                    for name, value in zip(self.categories, series.values, strict=True)
                    if value is not None
                )
            ]
        return [
            f"{name}: "
            + "; ".join(
                f"{series.label} {score_text(value, self.scale)}"
                for series in self.series
                if (value := series.values[index]) is not None
            )
            for index, name in enumerate(self.categories)
        ]


def _scale_words(scale: Scale) -> str:
    return {
        Scale.PERCENT: "percent, 0 to 100",
        Scale.FRACTION: "fraction, 0 to 1",
        Scale.POINTS: "points",
        Scale.ELO: "Elo rating",
    }[scale]


def chart_specs(
    launch: Launch,
    summary: analysis.CategorySummary,
    boards: dict[str, analysis.Leaderboard],
    vendor_only: VendorCheck,
) -> tuple[list[ChartSpec], list[Benchmark]]:
    """Charts of the category's scored benchmarks (one per scale), and those left out.

    Benchmarks where only one model has a number would be a lone bar among empty
    slots: when the category has comparisons, they are left out of the chart (the
    slide states them as figures). A category with no comparisons charts them all.
    A lone benchmark, or more models than :data:`MOST_SERIES`, gives a ranked chart
    per benchmark.
    """
    comparative = [b for b in summary.numeric if len(boards[b.id].standings) >= 2]
    charted = comparative or list(summary.numeric)
    alone = [b for b in summary.numeric if b not in charted]
    by_scale: dict[Scale, list[Benchmark]] = {}
    for benchmark in charted:
        by_scale.setdefault(benchmark.scale, []).append(benchmark)
    specs: list[ChartSpec] = []
    model_order = {model.id: position for position, model in enumerate(launch.models)}
    mode_order = {mode.id: mode.order for mode in launch.modes}
    for scale, benchmarks in by_scale.items():
        keys: dict[tuple[str, str | None], tuple[str, bool]] = {}
        for benchmark in benchmarks:
            for standing in boards[benchmark.id].standings:
                key = (standing.model.id, standing.mode.id if standing.mode else None)
                keys.setdefault(key, (clean(standing.label), standing.launched))
        # One benchmark, or too many models for a legend: rank the models on the axis.
        if len(keys) > MOST_SERIES or len(benchmarks) == 1:
            specs.extend(_ranked(boards[benchmark.id], vendor_only) for benchmark in benchmarks)
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
            (b.id, s.model.id, s.mode.id if s.mode else None): s.score
            for b in benchmarks
            for s in boards[b.id].standings
        }
        series = [
            ChartSeries(
                keys[key][0],
                tuple(scores.get((b.id, *key)) for b in benchmarks),
                keys[key][1],
            )
            for key in ordered
        ]
        results = [s.result for b in benchmarks for s in boards[b.id].standings]
        specs.append(
            ChartSpec(
                benchmarks=tuple(benchmarks),
                categories=tuple(_benchmark_label(b) for b in benchmarks),
                series=tuple(series),
                scale=scale,
                vendor_only=bool(results) and all(vendor_only(r) for r in results),
                sources=analysis.source_ids([*benchmarks, *results]),
                peak=max(s.score for b in benchmarks for s in boards[b.id].standings),
            )
        )
    return specs, alone


def _ranked(board: analysis.Leaderboard, vendor_only: VendorCheck) -> ChartSpec:
    standings = board.standings
    results = [s.result for s in standings]
    return ChartSpec(
        benchmarks=(board.benchmark,),
        categories=tuple(clean(s.label) for s in standings),
        series=(
            ChartSeries(
                _benchmark_label(board.benchmark), tuple(s.score for s in standings), False
            ),
        ),
        scale=board.benchmark.scale,
        vendor_only=bool(results) and all(vendor_only(r) for r in results),
        sources=analysis.source_ids([board.benchmark, *results]),
        ranked=True,
        highlight=tuple(i for i, s in enumerate(standings) if s.launched),
        title=_benchmark_label(board.benchmark),
        peak=max(s.score for s in standings),
    )


def _benchmark_label(benchmark: Benchmark) -> str:
    name = clean(benchmark.name)
    return f"{name} (lower is better)" if benchmark.direction is Direction.LOWER else name


def split_chart(spec: ChartSpec, most_bars: int) -> list[ChartSpec]:
    """``spec`` cut into charts of at most ``most_bars`` bars (one cluster at the least).

    A clustered chart keeps only the series that have a number on one of its
    benchmarks; a ranked chart is cut down its ranking.
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
            pieces.append(
                ChartSpec(
                    benchmarks=spec.benchmarks,
                    categories=spec.categories[start:stop],
                    series=tuple(
                        ChartSeries(s.label, s.values[start:stop], s.launched) for s in spec.series
                    ),
                    scale=spec.scale,
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
                benchmarks=spec.benchmarks[start:stop],
                categories=spec.categories[start:stop],
                series=series,
                scale=spec.scale,
                vendor_only=spec.vendor_only,
                sources=spec.sources,
                peak=spec.peak,
            )
        )
    return pieces


# --------------------------------------------------------------------------- sentences


def rollout_lede(summary: analysis.RolloutSummary) -> str:
    """The rollout in counts: ``2 live, 1 in preview, 5 planned (over the coming weeks)``."""
    parts = []
    for status, surfaces in summary.groups:
        label = "in preview" if status is RolloutStatus.PREVIEW else status.label
        timings = sorted({clean(s.timing) for s in surfaces if s.timing})
        timing = f" ({'; '.join(timings)})" if timings else ""
        parts.append(f"{len(surfaces)} {label}{timing}")
    return f"{_count(summary.total, 'surface')}: " + ", ".join(parts) + "."


def category_lede(launch: Launch, summary: analysis.CategorySummary) -> str:
    """How the launched model fares in a category, in one sentence."""
    name = clean(launch.launched_model.label)
    total = len(summary.benchmarks)
    trails = str(summary.trails) if summary.trails else "none"
    return (
        f"{name} leads on {summary.leads} of {total} {clean(summary.category)}"
        f" benchmark{'' if total == 1 else 's'} and trails on {trails}."
    )


def vendor_sentence(launch: Launch) -> str | None:
    """How many scores rest on the vendor's word alone, or ``None`` without scores."""
    scored = [r for r in launch.results if r.score is not None]
    if not scored:
        return None
    check = VendorCheck(launch)
    vendor = [r for r in scored if check(r)]
    vendors = sorted(
        {clean(s.publisher or s.name) for s in launch.sources if s.kind is SourceKind.VENDOR}
    )
    who = f" ({', '.join(vendors)})" if vendors else ""
    return (
        f"{len(vendor)} of {_count(len(scored), 'score')} rest on vendor material alone{who}"
        " and are not independently confirmed."
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


#: Notes up to this long are repeated on each continuation slide; longer ones are
#: cut there (the first slide of the part has them whole).
REPEATED_NOTES = 3000


def continued_notes(notes: str) -> str:
    """The notes of a continuation slide: the part's notes again, cut short if long."""
    if len(notes) > REPEATED_NOTES:
        cut = notes[:REPEATED_NOTES]
        notes = cut[: cut.rfind(" ")] if " " in cut else cut
        notes = notes.rstrip(" ,;:") + "… (the first slide of this part has the full notes)"
    return f"Continued from the previous slide.\n\n{notes}"


def notes_text(
    points: Sequence[str], numbers: Sequence[str] = (), heading: str = "The numbers:"
) -> str:
    """Speaker notes: the talking points, then the numbers (or other facts) behind them."""
    lines = [clean(point) for point in points if point and clean(point)]
    if numbers:
        lines.append("")
        lines.append(heading)
        lines.extend(f"- {clean(number)}" for number in numbers if clean(number))
    return "\n".join(lines)
