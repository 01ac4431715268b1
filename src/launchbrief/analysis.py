"""Questions an analyst asks of a launch, answered as small typed results.

Every function is pure: a :class:`~launchbrief.model.Launch` in, frozen result
objects out. Exporters present these results; they never recompute them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from launchbrief.model import (
    Benchmark,
    ComparedModel,
    Direction,
    Evaluation,
    Launch,
    Mode,
    Relation,
    Result,
    RolloutStatus,
    SafetyFinding,
    SourceKind,
    Surface,
)

__all__ = [
    "Basis",
    "CategorySummary",
    "Gap",
    "GapKind",
    "Highlight",
    "Leaderboard",
    "RolloutSummary",
    "SafetySummary",
    "Scorecard",
    "Standing",
    "Verdict",
    "categories",
    "completeness",
    "gap_summary",
    "highlights",
    "leaderboard",
    "leaderboards",
    "rollout",
    "safety",
    "scorecard",
    "source_ids",
    "vendor_only",
]


# --------------------------------------------------------------------------- leaderboards


@attrs.frozen(kw_only=True)
class Standing:
    """One scored entry of a leaderboard."""

    rank: int  # 1 is best; tied scores share a rank (1, 1, 3)
    model: ComparedModel
    mode: Mode | None
    score: float
    gap: float  # distance to the leader's score, never negative
    launched: bool  # this is the launched model
    result: Result

    @property
    def label(self) -> str:
        """The model's label, with the mode when the result names one."""
        return f"{self.model.label} ({self.mode.name})" if self.mode else self.model.label


@attrs.frozen(kw_only=True)
class Leaderboard:
    """A benchmark's scored results, best first, and its results without a number."""

    benchmark: Benchmark
    standings: tuple[Standing, ...]
    qualitative: tuple[Result, ...]

    @property
    def leader(self) -> Standing | None:
        """The best-ranked standing, or ``None`` when nobody has a number."""
        return self.standings[0] if self.standings else None

    def standing(self, model_id: str) -> Standing | None:
        """The best standing of a model on this benchmark, if it has a number."""
        return next((s for s in self.standings if s.model.id == model_id), None)


_CONFIRMING = frozenset({SourceKind.THIRD_PARTY, SourceKind.INDEPENDENT})


class _Index:
    """Lookups over one launch, built once per analysis call."""

    def __init__(self, launch: Launch) -> None:
        self.launch = launch
        self.models = {model.id: model for model in launch.models}
        self.modes = {mode.id: mode for mode in launch.modes}
        self.sources = {source.id: source for source in launch.sources}
        self.results: dict[str, list[Result]] = {b.id: [] for b in launch.benchmarks}
        for result in launch.results:
            self.results[result.benchmark].append(result)

    def vendor_only(self, result: Result) -> bool:
        kinds = {self.sources[source_id].kind for source_id in result.sources}
        return SourceKind.VENDOR in kinds and not kinds & _CONFIRMING


def leaderboards(launch: Launch) -> tuple[Leaderboard, ...]:
    """A leaderboard for every benchmark, in the record's benchmark order."""
    index = _Index(launch)
    return tuple(_leaderboard(index, benchmark) for benchmark in launch.benchmarks)


def leaderboard(launch: Launch, benchmark_id: str) -> Leaderboard:
    """The leaderboard of one benchmark; ``KeyError`` for an unknown id."""
    return _leaderboard(_Index(launch), launch.benchmark(benchmark_id))


def _leaderboard(index: _Index, benchmark: Benchmark) -> Leaderboard:
    results = index.results[benchmark.id]
    scored = [(r.score, r) for r in results if r.score is not None]
    sign = -1.0 if benchmark.direction is Direction.HIGHER else 1.0
    scored.sort(key=lambda pair: sign * pair[0])
    standings: list[Standing] = []
    launched_id = index.launch.model.id
    for position, (score, result) in enumerate(scored):
        tied = bool(standings) and standings[-1].score == score
        rank = standings[-1].rank if tied else position + 1
        standings.append(
            Standing(
                rank=rank,
                model=index.models[result.model],
                mode=index.modes.get(result.mode) if result.mode else None,
                score=score,
                gap=_difference(scored[0][0], score),
                launched=result.model == launched_id,
                result=result,
            )
        )
    qualitative = tuple(r for r in results if r.score is None)
    return Leaderboard(benchmark=benchmark, standings=tuple(standings), qualitative=qualitative)


# --------------------------------------------------------------------------- leads and trails


class Basis(enum.Enum):
    """What a verdict rests on."""

    NUMERIC = "numeric"  # ranked scores
    QUALITATIVE = "qualitative"  # the source's words, no numbers


@attrs.frozen(kw_only=True)
class Verdict:
    """Where the launched model stands on one benchmark.

    ``relation`` is ``None`` when the source gives the launched model's number but
    nothing to compare it with. An empty ``versus`` means the rest of the field.
    """

    benchmark: Benchmark
    relation: Relation | None
    versus: tuple[ComparedModel, ...]
    basis: Basis
    score: float | None = None
    rank: int | None = None
    ranked: int | None = None  # how many scored entries the rank is out of
    margin: float | None = None  # lead over the runner-up, or gap to the leader
    claim: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        """The verdict in one line: ``"trails Gemini 3.1 Pro High, GPT 5.4 on ARC AGI 2"``."""
        name = self.benchmark.name
        if self.relation is None:
            score = f"{self.score:g}" if self.score is not None else "no number"
            return f"{score} on {name} (no rival numbers given)"
        rivals = ", ".join(model.label for model in self.versus) or "the field"
        text = f"{self.relation.label} {rivals} on {name}"
        if self.basis is Basis.NUMERIC and self.rank is not None:
            text += f" (#{self.rank} of {self.ranked}, {self.score:g})"
        return text


@attrs.frozen(kw_only=True)
class Scorecard:
    """Every verdict on the launched model, split into leads, trails and the rest."""

    leads: tuple[Verdict, ...]
    trails: tuple[Verdict, ...]
    other: tuple[Verdict, ...]  # on par, not clearly ahead, or nothing to compare with

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """All verdicts: leads, then trails, then the rest."""
        return self.leads + self.trails + self.other


def scorecard(launch: Launch) -> Scorecard:
    """Where the launched model leads and trails, from numbers and from the source's words."""
    index = _Index(launch)
    launched = launch.model.id
    leads: list[Verdict] = []
    trails: list[Verdict] = []
    other: list[Verdict] = []
    buckets = {Relation.LEADS: leads, Relation.TRAILS: trails}
    for benchmark in launch.benchmarks:
        board = _leaderboard(index, benchmark)
        mine = board.standing(launched)
        if mine is not None:
            verdict = _numeric_verdict(board, mine)
            buckets.get(verdict.relation, other).append(verdict)  # type: ignore[arg-type]
        for result in board.qualitative:
            if result.model != launched:
                continue
            for comparison in result.comparisons:
                verdict = Verdict(
                    benchmark=benchmark,
                    relation=comparison.relation,
                    versus=tuple(index.models[m] for m in comparison.versus),
                    basis=Basis.QUALITATIVE,
                    claim=result.claim,
                    sources=result.sources,
                )
                buckets.get(comparison.relation, other).append(verdict)
    return Scorecard(leads=tuple(leads), trails=tuple(trails), other=tuple(other))


def _numeric_verdict(board: Leaderboard, mine: Standing) -> Verdict:
    rivals = [s for s in board.standings if s.model.id != mine.model.id]
    common = {
        "benchmark": board.benchmark,
        "basis": Basis.NUMERIC,
        "score": mine.score,
        "rank": mine.rank,
        "ranked": len(board.standings),
        "claim": mine.result.claim,
        "sources": mine.result.sources,
    }
    if not rivals:
        return Verdict(relation=None, versus=(), **common)  # type: ignore[arg-type]
    ahead = [s for s in rivals if s.rank < mine.rank]
    level = [s for s in rivals if s.rank == mine.rank]
    if ahead:
        return Verdict(
            relation=Relation.TRAILS,
            versus=tuple(s.model for s in ahead),
            margin=mine.gap,
            **common,  # type: ignore[arg-type]
        )
    if level:
        return Verdict(
            relation=Relation.ON_PAR,
            versus=tuple(s.model for s in level),
            margin=0.0,
            **common,  # type: ignore[arg-type]
        )
    runner_up = rivals[0]
    return Verdict(
        relation=Relation.LEADS,
        versus=tuple(s.model for s in rivals),
        margin=_difference(mine.score, runner_up.score),
        **common,  # type: ignore[arg-type]
    )


# --------------------------------------------------------------------------- categories


@attrs.frozen(kw_only=True)
class CategorySummary:
    """The benchmarks of one category and how the launched model fares in it."""

    category: str
    benchmarks: tuple[Benchmark, ...]
    numeric: tuple[Benchmark, ...]  # with at least one score: these can be charted
    qualitative_only: tuple[Benchmark, ...]  # known only from the source's words
    leads: int
    trails: int


def categories(launch: Launch) -> tuple[CategorySummary, ...]:
    """One summary per benchmark category, in order of first appearance."""
    index = _Index(launch)
    card = scorecard(launch)
    order: dict[str, list[Benchmark]] = {}
    for benchmark in launch.benchmarks:
        order.setdefault(benchmark.category, []).append(benchmark)
    # Benchmarks led and trailed, per category: counted once, not once per category.
    leads: dict[str, set[str]] = {}
    for verdict in card.leads:
        leads.setdefault(verdict.benchmark.category, set()).add(verdict.benchmark.id)
    trails: dict[str, set[str]] = {}
    for verdict in card.trails:
        trails.setdefault(verdict.benchmark.category, set()).add(verdict.benchmark.id)
    summaries = []
    for category, benchmarks in order.items():
        numeric = tuple(
            b for b in benchmarks if any(r.score is not None for r in index.results[b.id])
        )
        numeric_ids = {b.id for b in numeric}
        summaries.append(
            CategorySummary(
                category=category,
                benchmarks=tuple(benchmarks),
                numeric=numeric,
                qualitative_only=tuple(b for b in benchmarks if b.id not in numeric_ids),
                leads=len(leads.get(category, ())),
                trails=len(trails.get(category, ())),
            )
        )
    return tuple(summaries)


# --------------------------------------------------------------------------- rollout


@attrs.frozen(kw_only=True)
class RolloutSummary:
    """Surfaces grouped by status, most available first."""

    groups: tuple[tuple[RolloutStatus, tuple[Surface, ...]], ...]  # non-empty groups only

    def surfaces(self, status: RolloutStatus) -> tuple[Surface, ...]:
        """The surfaces with this status."""
        return dict(self.groups).get(status, ())

    @property
    def total(self) -> int:
        """How many surfaces there are in all."""
        return sum(len(surfaces) for _status, surfaces in self.groups)

    @property
    def headline(self) -> str:
        """The rollout in one line: ``"live on 2 (Meta AI app, meta.ai); planned on 5 …"``."""
        parts = []
        for status, surfaces in self.groups:
            timings = sorted({s.timing for s in surfaces if s.timing})
            timing = f", {'; '.join(timings)}" if timings else ""
            names = ", ".join(s.name for s in surfaces)
            parts.append(f"{status.label} on {len(surfaces)} ({names}{timing})")
        return "; ".join(parts) if parts else "no surfaces recorded"


def rollout(launch: Launch) -> RolloutSummary:
    """Where the model ships, grouped by status from live to planned."""
    groups = []
    for status in RolloutStatus:
        surfaces = tuple(s for s in launch.surfaces if s.status is status)
        if surfaces:
            groups.append((status, surfaces))
    return RolloutSummary(groups=tuple(groups))


# --------------------------------------------------------------------------- safety


@attrs.frozen(kw_only=True)
class SafetySummary:
    """Safety findings split by who evaluated and whether they blocked release."""

    internal: tuple[SafetyFinding, ...]
    third_party: tuple[SafetyFinding, ...]
    blockers: tuple[SafetyFinding, ...]  # treated as release blockers
    not_blockers: tuple[SafetyFinding, ...]  # explicitly not treated as blockers
    blocker_unstated: tuple[SafetyFinding, ...]  # the source does not say

    @property
    def headline(self) -> str:
        """The safety picture in one line."""
        total = len(self.internal) + len(self.third_party)
        if not total:
            return "no safety findings recorded"
        return (
            f"{_count(total, 'finding')} ({len(self.internal)} internal,"
            f" {len(self.third_party)} third-party); {_count(len(self.blockers), 'release blocker')}"
        )


def safety(launch: Launch) -> SafetySummary:
    """The launch's safety findings, summarised."""
    findings = launch.safety
    return SafetySummary(
        internal=tuple(f for f in findings if f.evaluation is Evaluation.INTERNAL),
        third_party=tuple(f for f in findings if f.evaluation is Evaluation.THIRD_PARTY),
        blockers=tuple(f for f in findings if f.release_blocker is True),
        not_blockers=tuple(f for f in findings if f.release_blocker is False),
        blocker_unstated=tuple(f for f in findings if f.release_blocker is None),
    )


# --------------------------------------------------------------------------- provenance


def vendor_only(launch: Launch, result: Result) -> bool:
    """Whether a result rests on the vendor's word alone (no third-party or independent source).

    Press coverage that relays a vendor chart does not count as confirmation.
    """
    return _Index(launch).vendor_only(result)


def source_ids(records: Iterable[object]) -> tuple[str, ...]:
    """The source ids cited by ``records``, each once, in order of first citation."""
    seen: dict[str, None] = {}
    for record in records:
        for source_id in getattr(record, "sources", ()):
            seen.setdefault(source_id)
    return tuple(seen)


# --------------------------------------------------------------------------- completeness


class GapKind(enum.Enum):
    """What kind of fact a gap is, in order of how much it matters to a reader."""

    DATE = "date"
    VENDOR_ONLY = "vendor_only"
    NO_NUMBERS = "no_numbers"
    NO_RESULTS = "no_results"
    NO_RIVALS = "no_rivals"
    RELEASE_BLOCKER = "release_blocker"
    TIMING = "timing"
    SETTINGS = "settings"
    DEVELOPER = "developer"
    LINK = "link"

    @property
    def heading(self) -> str:
        """The kind as a heading for a grouped list: ``"Evaluation settings not given"``."""
        return _GAP_HEADINGS[self]


_GAP_HEADINGS = {
    GapKind.DATE: "Dates not known",
    GapKind.VENDOR_ONLY: "Numbers reported only by the vendor, not independently confirmed",
    GapKind.NO_NUMBERS: "No numbers, only qualitative claims",
    GapKind.NO_RESULTS: "No results recorded",
    GapKind.NO_RIVALS: "No rival numbers to compare with",
    GapKind.RELEASE_BLOCKER: "Not stated whether it blocked release",
    GapKind.TIMING: "No timing given",
    GapKind.SETTINGS: "Evaluation settings not given",
    GapKind.DEVELOPER: "Developer not known",
    GapKind.LINK: "No link to the source",
}


@attrs.frozen(kw_only=True)
class Gap:
    """Something the record does not know; ``path`` points at where it would go."""

    path: str
    message: str  # on its own: "CharXiv Reasoning: evaluation settings not given"
    kind: GapKind
    subject: str  # what it is about, for grouped lists: "CharXiv Reasoning"


def completeness(launch: Launch) -> tuple[Gap, ...]:
    """What the record lacks, most important first, so that an analyst knows what to find out next."""
    gaps: list[Gap] = []

    def gap(kind: GapKind, path: str, subject: str, what: str) -> None:
        gaps.append(Gap(path=path, message=f"{subject}: {what}", kind=kind, subject=subject))

    for path, value, subject, message in (
        ("announced", launch.announced, "announcement date", "the announcement date is not known"),
        ("as_of", launch.as_of, "as-of date of the record", "the record has no as-of date"),
    ):
        if value is None:
            gaps.append(Gap(path=path, message=message, kind=GapKind.DATE, subject=subject))
    for position, model in enumerate(launch.models):
        if model.developer is None:
            gap(
                GapKind.DEVELOPER,
                f"models[{position}].developer",
                model.label,
                "developer not known",
            )
    index = _Index(launch)
    for position, benchmark in enumerate(launch.benchmarks):
        results = index.results[benchmark.id]
        scored = [r for r in results if r.score is not None]
        path = f"benchmarks[{position}]"
        name = benchmark.name
        if not results:
            gap(GapKind.NO_RESULTS, path, name, "no results recorded")
        elif not scored:
            gap(GapKind.NO_NUMBERS, path, name, "no numbers, only qualitative claims")
        elif len({r.model for r in scored}) == 1 and len(launch.models) > 1:
            gap(GapKind.NO_RIVALS, path, name, "no rival numbers to compare with")
        vendor = [r for r in scored if index.vendor_only(r)]
        if vendor:
            what = f"{_count(len(vendor), 'number')} reported only by the vendor, not independently confirmed"
            gap(GapKind.VENDOR_ONLY, path, name, what)
        if benchmark.settings is None and scored:
            gap(GapKind.SETTINGS, f"{path}.settings", name, "evaluation settings not given")
    for position, finding in enumerate(launch.safety):
        if finding.release_blocker is None:
            what = "whether it blocked release is not stated"
            gap(GapKind.RELEASE_BLOCKER, f"safety[{position}].release_blocker", finding.title, what)
    for position, surface in enumerate(launch.surfaces):
        if surface.status is not RolloutStatus.LIVE and surface.timing is None:
            gap(GapKind.TIMING, f"surfaces[{position}].timing", surface.name, "no timing given")
    for position, source in enumerate(launch.sources):
        if source.url is None:
            gap(GapKind.LINK, f"sources[{position}].url", source.name, "no link to the source")
    order = list(GapKind)
    # sorted() is stable: within a kind, gaps keep the record's order.
    return tuple(sorted(gaps, key=lambda g: order.index(g.kind)))


def gap_summary(launch: Launch) -> tuple[str, ...]:
    """The gaps grouped by kind, one line each, most important first.

    ``"Evaluation settings not given: CharXiv Reasoning, MMMU Pro, SimpleVQA, HealthBench Hard"``;
    a kind with a single gap reads as that gap's own message.
    """
    groups: dict[GapKind, list[Gap]] = {}
    for found in completeness(launch):
        groups.setdefault(found.kind, []).append(found)
    lines = []
    for kind, gaps in groups.items():
        if len(gaps) == 1:
            message = gaps[0].message
            lines.append(message[:1].upper() + message[1:])
        else:
            lines.append(f"{kind.heading}: {', '.join(g.subject for g in gaps)}")
    return tuple(lines)


# --------------------------------------------------------------------------- highlights


@attrs.frozen(kw_only=True)
class Highlight:
    """A headline tile: a short label, a big value and a line of detail."""

    label: str
    value: str
    detail: str


def highlights(launch: Launch) -> tuple[Highlight, ...]:
    """Three or four headline facts for a summary sheet or a title slide."""
    card = scorecard(launch)
    tiles: list[Highlight] = []
    numeric_leads = [v for v in card.leads if v.basis is Basis.NUMERIC]
    if numeric_leads:
        best = max(numeric_leads, key=lambda v: _relative_margin(v))
        tiles.append(
            Highlight(
                label="Best result",
                value=f"#1 of {best.ranked}",
                detail=f"{best.benchmark.name}: {best.score:g}, {best.margin:g} ahead of the next model",
            )
        )
    # Benchmarks where the launched model is compared with anyone: leads, trails or level.
    scored_benchmarks = {v.benchmark.id for v in card.verdicts if v.relation is not None}
    if scored_benchmarks:
        trailing = len({v.benchmark.id for v in card.trails})
        tiles.append(
            Highlight(
                label="Benchmarks led",
                value=f"{len({v.benchmark.id for v in card.leads})} of {len(scored_benchmarks)}",
                detail=f"trails on {_count(trailing, 'benchmark')}",
            )
        )
    summary = rollout(launch)
    if summary.groups:
        (status, surfaces), *later = summary.groups
        rest = ", ".join(f"{len(group)} {later_status.label}" for later_status, group in later)
        tiles.append(
            Highlight(
                label="Rollout",
                value=f"{len(surfaces)} {status.label}",
                detail=", ".join(s.name for s in surfaces) + (f"; {rest}" if rest else ""),
            )
        )
    if launch.modes:
        ordered = sorted(launch.modes, key=lambda m: m.order)
        tiles.append(
            Highlight(
                label="Reasoning modes",
                value=str(len(ordered)),
                detail=", ".join(m.name for m in ordered),
            )
        )
    return tuple(tiles[:4])


def _relative_margin(verdict: Verdict) -> float:
    bounds = verdict.benchmark.scale.bounds
    span = (bounds[1] - bounds[0]) if bounds else max(abs(verdict.score or 0.0), 1.0)
    return (verdict.margin or 0.0) / span


def _difference(first: float, second: float) -> float:
    # Rounded to 12 significant digits, past float noise: 42.8 - 40.1 is 2.7, not
    # 2.6999999999999957, while a real difference of 1e-10 stays.
    return float(f"{abs(first - second):.12g}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
