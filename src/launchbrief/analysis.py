"""Questions an analyst asks of a launch, answered as small typed results.

Every function is pure: a :class:`~launchbrief.model.Launch` in, frozen result
objects out. Exporters present these results; they never recompute them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import attrs

from launchbrief.model import (
    Benchmark,
    Cohort,
    DatedEvent,
    Direction,
    Evaluation,
    Launch,
    Mode,
    Model,
    Relation,
    Result,
    RolloutStatus,
    SafetyFinding,
    Scale,
    Score,
    Settings,
    Source,
    SourceKind,
    Surface,
)

__all__ = [
    "Basis",
    "CategorySummary",
    "Conflict",
    "FamilyRow",
    "Gap",
    "GapKind",
    "Highlight",
    "LaunchEntry",
    "Leaderboard",
    "Matchup",
    "RolloutSummary",
    "SafetySummary",
    "Scorecard",
    "SharedBoard",
    "Standing",
    "Verdict",
    "benchmark_key",
    "categories",
    "completeness",
    "conflicts",
    "describe_setting",
    "describe_settings",
    "describe_spec",
    "events",
    "family",
    "format_score",
    "gap_summary",
    "highlights",
    "launch_name",
    "leaderboard",
    "leaderboards",
    "matchups",
    "rollout",
    "safety",
    "scorecard",
    "shared_leaderboards",
    "source_ids",
    "spec_value",
    "vendor_only",
]


# --------------------------------------------------------------------------- numbers


def format_score(value: float | None, benchmark: Benchmark | None = None) -> str:
    """A score for people: as the source wrote it (``85.20``), never a nonzero shown as 0.

    A :class:`~launchbrief.model.Score` prints as written; any other number with six
    significant digits (``0.0007`` stays ``0.0007``). ``benchmark`` adds the unit where
    one reads naturally: ``"86.4%"`` on a percent scale, ``"51.6th percentile"``.
    """
    if value is None:
        return "no number"
    if isinstance(value, Score) and (value.decimals is not None or value.exponent):
        text = value.text
    else:
        text = f"{value:.6g}"
        if "e" in text and 1e-6 <= abs(value) < 1e15:
            text = f"{value:.15f}".rstrip("0").rstrip(".")
    if benchmark is None:
        return text
    if benchmark.scale is Scale.PERCENT:
        return f"{text}%"
    if benchmark.scale is Scale.PERCENTILE:
        whole = text.lstrip("-")
        suffix = "th"
        if whole.isdigit() and not whole.endswith(("11", "12", "13")):
            suffix = {"1": "st", "2": "nd", "3": "rd"}.get(whole[-1], "th")
        return f"{text}{suffix} percentile"
    return text


# --------------------------------------------------------------------------- leaderboards


@attrs.frozen(kw_only=True)
class Standing:
    """One scored entry of a leaderboard.

    ``rank`` is ``None`` on a leaderboard without a rival's number ("no rival
    numbers"): a lone number is not a win, so it is never ranked first.
    """

    rank: int | None  # 1 is best; tied scores share a rank (1, 1, 3)
    model: Model
    mode: Mode | None
    score: float
    gap: float | None  # distance to the leader's score, never negative; None when unranked
    launched: bool  # a launched model
    result: Result
    settings: Settings  # what it ran under: cohort, benchmark and result settings merged

    @property
    def label(self) -> str:
        """The model's label, with the mode when the result names one."""
        return f"{self.model.label} ({self.mode.name})" if self.mode else self.model.label

    @property
    def ranked(self) -> bool:
        """Whether this entry has a rank (its leaderboard holds a rival's number)."""
        return self.rank is not None


@attrs.frozen(kw_only=True)
class Leaderboard:
    """One benchmark in one cohort: the scored results, best first, and those in words.

    Results of different cohorts never share a leaderboard. ``contested`` says whether
    a rival (a model not launched) has a number here; without one, nobody is ranked.
    ``mixed_settings`` lists how the entries' settings differ, when they do: such a
    board is shown with a warning that the numbers are not strictly comparable.
    """

    benchmark: Benchmark
    cohort: Cohort | None
    standings: tuple[Standing, ...]
    qualitative: tuple[Result, ...]  # results in words only, launched models' and rivals'
    contested: bool
    mixed_settings: tuple[str, ...] = ()

    @property
    def leader(self) -> Standing | None:
        """The best-ranked standing, or ``None`` when nobody is ranked."""
        return self.standings[0] if self.standings and self.standings[0].ranked else None

    @property
    def title(self) -> str:
        """The benchmark's name, with the cohort's when there is one: ``"MMLU (Pretrained models)"``."""
        if self.cohort is None:
            return self.benchmark.name
        return f"{self.benchmark.name} ({self.cohort.name})"

    @property
    def warning(self) -> str | None:
        """The comparability warning, if the entries ran under different settings."""
        if not self.mixed_settings:
            return None
        return "entries ran under different settings (" + "; ".join(self.mixed_settings) + ")"

    def standing(self, model_id: str) -> Standing | None:
        """The best standing of a model on this leaderboard, if it has a number."""
        return next((s for s in self.standings if s.model.id == model_id), None)


_CONFIRMING = frozenset({SourceKind.THIRD_PARTY, SourceKind.INDEPENDENT})


class _Index:
    """Lookups over one launch, built once per analysis call."""

    def __init__(self, launch: Launch) -> None:
        self.launch = launch
        self.models = {model.id: model for model in launch.models}
        self.launched = {model.id for model in launch.models if model.launched}
        self.modes = {mode.id: mode for mode in launch.modes}
        self.cohorts = {cohort.id: cohort for cohort in launch.cohorts}
        self.sources = {source.id: source for source in launch.sources}
        # benchmark -> cohort (None: none given) -> results, in the record's order
        self.results: dict[str, dict[str | None, list[Result]]] = {
            b.id: {} for b in launch.benchmarks
        }
        for result in launch.results:
            self.results[result.benchmark].setdefault(result.cohort, []).append(result)

    def cohort_order(self, benchmark_id: str) -> list[str | None]:
        present = self.results[benchmark_id]
        order: list[str | None] = [c.id for c in self.launch.cohorts if c.id in present]
        return ([None] if None in present else []) + order

    def all_results(self, benchmark_id: str) -> list[Result]:
        return [r for group in self.results[benchmark_id].values() for r in group]

    def vendor_only(self, result: Result) -> bool:
        return _vendor_only(self.sources, result)


def leaderboards(launch: Launch) -> tuple[Leaderboard, ...]:
    """A leaderboard for every benchmark and cohort with results, in the record's order.

    A benchmark without results has one empty leaderboard (no cohort).
    """
    return _leaderboards(_Index(launch))


def _leaderboards(index: _Index) -> tuple[Leaderboard, ...]:
    return tuple(_each_leaderboard(index))


def _each_leaderboard(index: _Index) -> Iterator[Leaderboard]:
    """The leaderboards of :func:`leaderboards`, made one at a time as they are asked for.

    A caller that looks at each board once keeps one board alive instead of every board
    at once: an object per scored result of the whole record.
    """
    for benchmark in index.launch.benchmarks:
        for cohort in index.cohort_order(benchmark.id) or [None]:
            yield _leaderboard(index, benchmark, cohort)


def _iter_leaderboards(launch: Launch) -> Iterator[Leaderboard]:
    """:func:`leaderboards`, one board at a time: for the exporters of big records."""
    return _each_leaderboard(_Index(launch))


def leaderboard(launch: Launch, benchmark_id: str, cohort_id: str | None = None) -> Leaderboard:
    """The leaderboard of one benchmark in one cohort; ``KeyError`` for an unknown id.

    Without ``cohort_id``: the benchmark's results without a cohort, or, when all its
    results have one, those of its first cohort.
    """
    index = _Index(launch)
    benchmark = launch.benchmark(benchmark_id)
    if cohort_id is None:
        order = index.cohort_order(benchmark_id)
        cohort_id = order[0] if order else None
    elif cohort_id not in index.cohorts:
        raise KeyError(cohort_id)
    return _leaderboard(index, benchmark, cohort_id)


def _leaderboard(index: _Index, benchmark: Benchmark, cohort_id: str | None) -> Leaderboard:
    results = index.results[benchmark.id].get(cohort_id, [])
    scored = [(r.score, r) for r in results if r.score is not None]
    sign = -1.0 if benchmark.direction is Direction.HIGHER else 1.0
    scored.sort(key=lambda pair: sign * pair[0])
    contested = any(r.model not in index.launched for _score, r in scored)
    standings: list[Standing] = []
    for position, (score, result) in enumerate(scored):
        rank: int | None = None
        if contested:
            tied = bool(standings) and standings[-1].score == score
            rank = standings[-1].rank if tied else position + 1
        standings.append(
            Standing(
                rank=rank,
                model=index.models[result.model],
                mode=index.modes.get(result.mode) if result.mode else None,
                score=score,
                gap=_difference(scored[0][0], score) if contested else None,
                launched=result.model in index.launched,
                result=result,
                settings=index.launch.settings(result),
            )
        )
    qualitative = tuple(r for r in results if r.score is None)
    return Leaderboard(
        benchmark=benchmark,
        cohort=index.cohorts.get(cohort_id) if cohort_id else None,
        standings=tuple(standings),
        qualitative=qualitative,
        contested=contested,
        mixed_settings=_mixed_settings([s.settings for s in standings]),
    )


def _mixed_settings(settings: list[Settings]) -> tuple[str, ...]:
    """How a leaderboard's entries' settings differ: ``("shots: 0-shot, 5-shot",)``."""
    if len(settings) < 2 or all(entry is settings[0] for entry in settings):
        return ()  # one shared object: the common case, a cohort and benchmark without overrides
    if all(entry == settings[0] for entry in settings):
        return ()
    given = [dict(entry.items()) for entry in settings]
    keys = list(dict.fromkeys(key for entry in given for key in entry))
    differ = []
    for key in keys:
        values = {repr(entry.get(key)) for entry in given}
        if len(values) > 1:
            shown = sorted({describe_setting(key, entry.get(key)) for entry in given})
            differ.append(f"{key.replace('_', ' ')}: {', '.join(shown)}")
    return tuple(differ)


def describe_setting(key: str, value: object) -> str:
    """One setting in words: ``"5-shot"``, ``"temperature 0.6"``, ``"not given"``."""
    if value is None:
        return "not given"
    if key == "shots":
        return f"{value}-shot"
    if isinstance(value, bool):
        return f"{key.replace('_', ' ')} {'on' if value else 'off'}"
    if isinstance(value, float):
        return f"{key.replace('_', ' ')} {format_score(value)}"
    return f"{key.replace('_', ' ')} {value}"


_SIZES = (("T", 1e12), ("B", 1e9), ("M", 1e6))


def spec_value(key: str, value: object) -> str:
    """A spec's value for a reader: ``"8B"`` parameters, ``"131,072 tokens"``, others as written."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) and key in ("parameters", "active_parameters"):
        for unit, size in _SIZES:
            if abs(value) >= size:
                return f"{value / size:g}{unit}"
    if isinstance(value, int) and key == "context_window":
        return f"{value:,} tokens"
    if isinstance(value, float):
        return format_score(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def describe_spec(key: str, value: object) -> str:
    """One spec in words: ``"400B parameters"``, ``"context window 131,072 tokens"``."""
    name = key.replace("_", " ")
    if key in ("parameters", "active_parameters"):
        return f"{spec_value(key, value)} {name}"
    return f"{name} {spec_value(key, value)}"


def describe_settings(settings: Settings | None) -> str:
    """Settings in words: ``"0-shot, temperature 0.6, top p 0.95"``; empty when none."""
    if settings is None:
        return ""
    return ", ".join(describe_setting(key, value) for key, value in settings.items())


# --------------------------------------------------------------------------- leads and trails


class Basis(enum.StrEnum):
    """What a verdict rests on."""

    NUMERIC = "numeric"  # ranked scores
    QUALITATIVE = "qualitative"  # the source's words, no numbers


@attrs.frozen(kw_only=True)
class Verdict:
    """Where one launched model stands on one benchmark (in one cohort).

    ``relation`` is ``None`` when the source gives the launched model's number but
    no rival's to compare it with: such a number is never a lead. An empty
    ``versus`` means the rest of the field.
    """

    benchmark: Benchmark
    relation: Relation | None
    versus: tuple[Model, ...]
    basis: Basis
    model: Model | None = None  # the launched model the verdict is about
    cohort: Cohort | None = None
    score: float | None = None
    rank: int | None = None
    ranked: int | None = None  # how many scored entries the rank is out of
    margin: float | None = None  # lead over the best rival, or gap to the leader
    claim: str | None = None
    quoted: bool = False  # the claim is the source's exact words
    sources: tuple[str, ...] = ()

    @property
    def subject(self) -> str:
        """The benchmark, with the cohort when there is one: ``"MMLU (Pretrained models)"``."""
        if self.cohort is None:
            return self.benchmark.name
        return f"{self.benchmark.name} ({self.cohort.name})"

    @property
    def sentence(self) -> str:
        """The verdict in one line: ``"trails Gemini 3.1 Pro High, GPT 5.4 on ARC AGI 2"``."""
        name = self.subject
        if self.relation is None:
            score = format_score(self.score) if self.score is not None else "no number"
            return f"{score} on {name} (no rival numbers given)"
        rivals = ", ".join(model.label for model in self.versus) or "the field"
        text = f"{self.relation.label} {rivals} on {name}"
        if self.basis is Basis.NUMERIC and self.rank is not None:
            text += f" (#{self.rank} of {self.ranked}, {format_score(self.score)})"
        return text


@attrs.frozen(kw_only=True)
class Scorecard:
    """Every verdict on the launched models, split into leads, trails and the rest."""

    leads: tuple[Verdict, ...]
    trails: tuple[Verdict, ...]
    other: tuple[Verdict, ...]  # on par, not clearly ahead, or nothing to compare with

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """All verdicts: leads, then trails, then the rest."""
        return self.leads + self.trails + self.other

    @property
    def contested(self) -> tuple[Verdict, ...]:
        """Verdicts against a rival's number or words: the ones "leads on N of M" counts."""
        return tuple(v for v in self.verdicts if v.relation is not None)


def scorecard(launch: Launch, model_id: str | None = None) -> Scorecard:
    """Where the launched models lead and trail rivals, from numbers and the source's words.

    Only rivals (models not launched) count: a launched model never "leads" its own
    sibling. ``model_id`` narrows it to one launched model.
    """
    index = _Index(launch)
    return _scorecard(index, _each_leaderboard(index), model_id)


def _scorecard(
    index: _Index, boards: Iterable[Leaderboard], model_id: str | None = None
) -> Scorecard:
    """The scorecard over ``boards``, the launch's leaderboards (see :func:`leaderboards`),
    looked at once each: a generator of them keeps one alive at a time.

    The empty board of a benchmark without results gives no verdict.
    """
    wanted = index.launched if model_id is None else {model_id}
    leads: list[Verdict] = []
    trails: list[Verdict] = []
    other: list[Verdict] = []
    buckets = {Relation.LEADS: leads, Relation.TRAILS: trails}
    for board in boards:
        benchmark = board.benchmark
        for standing in board.standings:
            if standing.model.id in wanted and standing.launched:
                verdict = _numeric_verdict(board, standing)
                buckets.get(verdict.relation, other).append(verdict)  # type: ignore[arg-type]
        for result in board.qualitative:
            if result.model not in wanted or result.model not in index.launched:
                continue
            for comparison in result.comparisons:
                # Against rivals only: a launched model is never said to lead its sibling.
                rivals = [m for m in comparison.versus if m not in index.launched]
                if comparison.versus and not rivals:
                    continue
                verdict = Verdict(
                    benchmark=benchmark,
                    relation=comparison.relation,
                    versus=tuple(index.models[m] for m in rivals),
                    basis=Basis.QUALITATIVE,
                    model=index.models[result.model],
                    cohort=board.cohort,
                    claim=result.claim,
                    quoted=result.quoted,
                    sources=result.sources,
                )
                buckets.get(comparison.relation, other).append(verdict)
    return Scorecard(leads=tuple(leads), trails=tuple(trails), other=tuple(other))


def _numeric_verdict(board: Leaderboard, mine: Standing) -> Verdict:
    rivals = [s for s in board.standings if not s.launched]
    common = {
        "benchmark": board.benchmark,
        "basis": Basis.NUMERIC,
        "model": mine.model,
        "cohort": board.cohort,
        "score": mine.score,
        "rank": mine.rank,
        "ranked": len(board.standings) if mine.ranked else None,
        "claim": mine.result.claim,
        "quoted": mine.result.quoted,
        "sources": mine.result.sources,
    }
    if not rivals or mine.rank is None:
        return Verdict(relation=None, versus=(), **common)  # type: ignore[arg-type]
    ahead = [s for s in rivals if s.rank is not None and s.rank < mine.rank]
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
    best_rival = rivals[0]
    return Verdict(
        relation=Relation.LEADS,
        versus=tuple(s.model for s in rivals),
        margin=_difference(mine.score, best_rival.score),
        **common,  # type: ignore[arg-type]
    )


# --------------------------------------------------------------------------- the family


@attrs.frozen(kw_only=True)
class FamilyRow:
    """One leaderboard seen from the launched family: each member's standing, and the best."""

    board: Leaderboard
    members: tuple[Standing, ...]  # the launched models with a number, best first

    @property
    def best(self) -> Standing | None:
        """The family's best standing on this leaderboard."""
        return self.members[0] if self.members else None


def family(launch: Launch) -> tuple[FamilyRow, ...]:
    """Every leaderboard where a launched model has a number, with the family's standings."""
    rows = []
    for board in _iter_leaderboards(launch):  # only the boards kept are held
        members = tuple(s for s in board.standings if s.launched)
        if members:
            rows.append(FamilyRow(board=board, members=members))
    return tuple(rows)


# --------------------------------------------------------------------------- matchups


@attrs.frozen(kw_only=True)
class Matchup:
    """One leaderboard seen from the launched family: its best entry against the best rival.

    With numbers on both sides, ``relation`` compares the family's best standing
    (``ours``) with the best rival's (``rival``): ``versus`` is that rival for a lead,
    the rivals ranked ahead for a trail, those level for a tie, and ``margin`` the
    distance between the two numbers. Otherwise the source's own comparison of a
    launched model decides (``basis`` qualitative, no margin). ``relation`` is
    ``None`` when there is nothing to compare with: a lone number is no lead.
    """

    board: Leaderboard
    ours: Standing | None  # the family's best number on this leaderboard
    rival: Standing | None  # the best rival's number
    relation: Relation | None
    basis: Basis | None
    versus: tuple[Model, ...] = ()
    margin: float | None = None
    verdicts: tuple[Verdict, ...] = ()  # the launched models' verdicts in words on this board

    @property
    def subject(self) -> Model | None:
        """The launched model the matchup is about: the best-placed one, or the one the words name."""
        if self.basis is Basis.NUMERIC and self.ours is not None:
            return self.ours.model
        if self.verdicts:
            return self.verdicts[0].model
        return self.ours.model if self.ours is not None else None

    @property
    def relative_margin(self) -> float:
        """The margin as a share of the benchmark's range (or of the larger score): for ordering."""
        if self.margin is None or self.ours is None:
            return 0.0
        bounds = self.board.benchmark.bounds
        if bounds is not None and bounds[1] > bounds[0]:
            span = bounds[1] - bounds[0]
        else:
            span = max(abs(self.ours.score), abs(self.rival.score if self.rival else 0.0), 1e-300)
        return self.margin / span


def matchups(launch: Launch) -> tuple[Matchup, ...]:
    """Every leaderboard where a launched model has a number or the source's words, in order.

    Leaderboards of rivals alone are left out: they say nothing about the launch.
    """
    index = _Index(launch)
    boards = _leaderboards(index)  # computed once, for the scorecard and the matchups
    card = _scorecard(index, boards)
    words: dict[tuple[str, str | None], list[Verdict]] = {}
    for verdict in card.verdicts:
        if verdict.basis is Basis.QUALITATIVE:
            key = (verdict.benchmark.id, verdict.cohort.id if verdict.cohort else None)
            words.setdefault(key, []).append(verdict)
    found = []
    for board in boards:
        key = (board.benchmark.id, board.cohort.id if board.cohort else None)
        said = tuple(words.get(key, ()))
        ours = next((s for s in board.standings if s.launched), None)
        rival = next((s for s in board.standings if not s.launched), None)
        if ours is None and not said:
            continue
        if ours is not None and rival is not None and ours.rank is not None:
            rival_rank = rival.rank or 0
            versus: tuple[Model, ...]
            if ours.rank < rival_rank:
                relation, versus = Relation.LEADS, (rival.model,)
            elif ours.rank > rival_rank:
                relation = Relation.TRAILS
                versus = tuple(
                    s.model
                    for s in board.standings
                    if not s.launched and s.rank is not None and s.rank < ours.rank
                )
            else:
                relation = Relation.ON_PAR
                versus = tuple(
                    s.model for s in board.standings if not s.launched and s.rank == ours.rank
                )
            found.append(
                Matchup(
                    board=board,
                    ours=ours,
                    rival=rival,
                    relation=relation,
                    basis=Basis.NUMERIC,
                    versus=versus,
                    margin=_difference(ours.score, rival.score),
                    verdicts=said,
                )
            )
        elif said:
            first = said[0]
            found.append(
                Matchup(
                    board=board,
                    ours=ours,
                    rival=rival,
                    relation=first.relation,
                    basis=Basis.QUALITATIVE,
                    versus=first.versus,
                    verdicts=said,
                )
            )
        else:
            found.append(Matchup(board=board, ours=ours, rival=rival, relation=None, basis=None))
    return tuple(found)


# --------------------------------------------------------------------------- categories


@attrs.frozen(kw_only=True)
class CategorySummary:
    """The benchmarks of one category and how the launched models fare in it.

    ``leads`` and ``trails`` count benchmarks; ``contested`` counts those where a
    launched model can be compared with a rival at all, and ``covered`` those where a
    launched model has any result. A category a launched model has no result in
    (``covered == 0``) gets no headline about it.
    """

    category: str
    benchmarks: tuple[Benchmark, ...]
    numeric: tuple[Benchmark, ...]  # with at least one score: these can be charted
    qualitative_only: tuple[Benchmark, ...]  # known only from the source's words
    leads: int
    trails: int
    contested: int = 0
    covered: int = 0


def categories(launch: Launch) -> tuple[CategorySummary, ...]:
    """One summary per benchmark category, in order of first appearance."""
    index = _Index(launch)
    card = scorecard(launch)
    order: dict[str, list[Benchmark]] = {}
    for benchmark in launch.benchmarks:
        order.setdefault(benchmark.category, []).append(benchmark)
    # Benchmarks led, trailed and contested, per category: each counted once.
    counted: dict[str, dict[str, set[str]]] = {"leads": {}, "trails": {}, "contested": {}}
    for name, verdicts in (
        ("leads", card.leads),
        ("trails", card.trails),
        ("contested", card.contested),
    ):
        for verdict in verdicts:
            counted[name].setdefault(verdict.benchmark.category, set()).add(verdict.benchmark.id)
    summaries = []
    for category, benchmarks in order.items():
        numeric = tuple(
            b for b in benchmarks if any(r.score is not None for r in index.all_results(b.id))
        )
        numeric_ids = {b.id for b in numeric}
        covered = sum(
            1 for b in benchmarks if any(r.model in index.launched for r in index.all_results(b.id))
        )
        summaries.append(
            CategorySummary(
                category=category,
                benchmarks=tuple(benchmarks),
                numeric=numeric,
                qualitative_only=tuple(b for b in benchmarks if b.id not in numeric_ids),
                leads=len(counted["leads"].get(category, ())),
                trails=len(counted["trails"].get(category, ())),
                contested=len(counted["contested"].get(category, ())),
                covered=covered,
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
    # Only the sources are needed: not a whole _Index, which groups every result.
    return _vendor_only({source.id: source for source in launch.sources}, result)


def _vendor_only(sources: dict[str, Source], result: Result) -> bool:
    kinds = {sources[source_id].kind for source_id in result.sources}
    return SourceKind.VENDOR in kinds and not kinds & _CONFIRMING


def source_ids(records: Iterable[object]) -> tuple[str, ...]:
    """The source ids cited by ``records``, each once, in order of first citation."""
    seen: dict[str, None] = {}
    for record in records:
        for source_id in getattr(record, "sources", ()):
            seen.setdefault(source_id)
    return tuple(seen)


# --------------------------------------------------------------------------- dates


@attrs.frozen(kw_only=True)
class Conflict:
    """Sources that date one event differently; both dates are kept, neither is chosen."""

    event: str
    dates: tuple[tuple[date, tuple[str, ...]], ...]  # each date with the sources that give it
    positions: tuple[int, ...]  # where the entries stand in ``Launch.dates``

    @property
    def detail(self) -> str:
        """The disagreement in words: ``"sources disagree: 2026-03-04 (blog), 2026-03-02 (press)"``."""
        shown = ", ".join(
            f"{day.isoformat()} ({', '.join(sources) or 'no source'})"
            for day, sources in self.dates
        )
        return f"sources disagree: {shown}"


def conflicts(launch: Launch) -> tuple[Conflict, ...]:
    """Every event the record dates more than one way, in the order first given."""
    events: dict[str, list[tuple[int, DatedEvent]]] = {}
    for position, event in enumerate(launch.dates):
        events.setdefault(event.event.strip().casefold(), []).append((position, event))
    found = []
    for entries in events.values():
        days: dict[date, list[str]] = {}
        for _position, event in entries:
            days.setdefault(event.date, [])
            days[event.date] += [s for s in event.sources if s not in days[event.date]]
        if len(days) > 1:
            found.append(
                Conflict(
                    event=entries[0][1].event,
                    dates=tuple((day, tuple(sources)) for day, sources in days.items()),
                    positions=tuple(position for position, _event in entries),
                )
            )
    return tuple(found)


def events(launch: Launch) -> tuple[tuple[DatedEvent, Conflict | None], ...]:
    """Each dated event once (its first entry), with its conflict when sources disagree."""
    found = {conflict.positions[0]: conflict for conflict in conflicts(launch)}
    seen: set[str] = set()
    shown = []
    for position, event in enumerate(launch.dates):
        key = event.event.strip().casefold()
        if key not in seen:
            seen.add(key)
            shown.append((event, found.get(position)))
    return tuple(shown)


# --------------------------------------------------------------------------- completeness


class GapKind(enum.StrEnum):
    """What kind of fact a gap is, in order of how much it matters to a reader."""

    DATE = "date"
    CONFLICT = "conflict"
    VENDOR_ONLY = "vendor_only"
    NO_NUMBERS = "no_numbers"
    NO_RESULTS = "no_results"
    NO_RIVALS = "no_rivals"
    RELEASE_BLOCKER = "release_blocker"
    STATUS = "status"
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
    GapKind.CONFLICT: "Sources disagree",
    GapKind.VENDOR_ONLY: "Numbers reported only by the vendor, not independently confirmed",
    GapKind.NO_NUMBERS: "No numbers, only qualitative claims",
    GapKind.NO_RESULTS: "No results recorded",
    GapKind.NO_RIVALS: "No rival numbers to compare with",
    GapKind.RELEASE_BLOCKER: "Not stated whether it blocked release",
    GapKind.STATUS: "Availability not stated",
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
        ("dates", launch.announced, "announcement date", "the announcement date is not known"),
        ("as_of", launch.as_of, "as-of date of the record", "the record has no as-of date"),
    ):
        if value is None:
            gaps.append(Gap(path=path, message=message, kind=GapKind.DATE, subject=subject))
    for conflict in conflicts(launch):
        gap(GapKind.CONFLICT, f"dates[{conflict.positions[0]}]", conflict.event, conflict.detail)
    for position, model in enumerate(launch.models):
        # A launched model is the launch developer's own.
        if model.developer is None and not model.launched:
            gap(
                GapKind.DEVELOPER,
                f"models[{position}].developer",
                model.label,
                "developer not known",
            )
    index = _Index(launch)
    for position, benchmark in enumerate(launch.benchmarks):
        results = index.all_results(benchmark.id)
        scored = [r for r in results if r.score is not None]
        path = f"benchmarks[{position}]"
        name = benchmark.name
        if not results:
            gap(GapKind.NO_RESULTS, path, name, "no results recorded")
        elif not scored:
            gap(GapKind.NO_NUMBERS, path, name, "no numbers, only qualitative claims")
        elif any(r.model in index.launched for r in scored) and not any(
            r.model not in index.launched for r in scored
        ):
            gap(GapKind.NO_RIVALS, path, name, "no rival numbers to compare with")
        vendor = [r for r in scored if index.vendor_only(r)]
        if vendor:
            what = f"{_count(len(vendor), 'number')} reported only by the vendor, not independently confirmed"
            gap(GapKind.VENDOR_ONLY, path, name, what)
        if scored and not any(launch.settings(r) for r in scored):
            gap(GapKind.SETTINGS, f"{path}.settings", name, "evaluation settings not given")
    for position, finding in enumerate(launch.safety):
        if finding.release_blocker is None:
            what = "whether it blocked release is not stated"
            gap(GapKind.RELEASE_BLOCKER, f"safety[{position}].release_blocker", finding.title, what)
    for position, surface in enumerate(launch.surfaces):
        if surface.status is RolloutStatus.UNKNOWN:
            what = "whether it is available yet is not stated"
            gap(GapKind.STATUS, f"surfaces[{position}].status", surface.name, what)
        elif surface.status is not RolloutStatus.LIVE and surface.timing is None:
            gap(GapKind.TIMING, f"surfaces[{position}].timing", surface.name, "no timing given")
    for position, mode in enumerate(launch.modes):
        if mode.status is RolloutStatus.UNKNOWN:
            what = "whether it is available yet is not stated"
            gap(GapKind.STATUS, f"modes[{position}].status", mode.name, what)
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
                detail=f"{best.subject}: {format_score(best.score)},"
                f" {format_score(best.margin)} ahead of the best rival",
            )
        )
    # Leaderboards where the family's best number meets a rival's; words-only verdicts
    # count too. A lone number, or a category without the family, counts for nothing.
    led, trailed, contested = _family_standing(launch, card)
    if contested:
        tiles.append(
            Highlight(
                label="Leaderboards led" if launch.cohorts else "Benchmarks led",
                value=f"{led} of {contested}",
                detail=f"trails on {trailed}",
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


def _family_standing(launch: Launch, card: Scorecard) -> tuple[int, int, int]:
    """How many contested leaderboards the launched family leads and trails, of how many.

    On a leaderboard with numbers, the family's best entry counts against the best
    rival's; on one known only in words, the source's own comparison counts.
    """
    led = trailed = 0
    seen: set[tuple[str, str | None]] = set()
    for board in _iter_leaderboards(launch):  # one board alive at a time
        mine = [s for s in board.standings if s.launched]
        if not board.contested or not mine:
            continue
        key = (board.benchmark.id, board.cohort.id if board.cohort else None)
        seen.add(key)
        best_rival = next(s for s in board.standings if not s.launched)
        mine_rank, rival_rank = mine[0].rank or 0, best_rival.rank or 0  # contested: ranked
        led += mine_rank < rival_rank
        trailed += mine_rank > rival_rank
    for verdict in card.verdicts:
        key = (verdict.benchmark.id, verdict.cohort.id if verdict.cohort else None)
        if verdict.basis is Basis.QUALITATIVE and verdict.relation is not None and key not in seen:
            seen.add(key)
            led += verdict.relation is Relation.LEADS
            trailed += verdict.relation is Relation.TRAILS
    return led, trailed, len(seen)


def _relative_margin(verdict: Verdict) -> float:
    bounds = verdict.benchmark.scale.bounds
    span = (bounds[1] - bounds[0]) if bounds else max(abs(verdict.score or 0.0), 1.0)
    return (verdict.margin or 0.0) / span


def _difference(first: float, second: float) -> float:
    """``|first - second|``, written with as many decimals as the two numbers were.

    42.8 - 14.8 is 28.0, not 28 nor 27.999999999999996; without written decimals it is
    rounded to 12 significant digits, past float noise, so a real 1e-10 stays.
    """
    places = [n.decimals for n in (first, second) if isinstance(n, Score)]
    if len(places) == 2 and None not in places:
        decimals = max(p for p in places if p is not None)
        return Score(round(abs(first - second), decimals), decimals)
    return float(f"{abs(first - second):.12g}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# --------------------------------------------------------------------------- across launches


@attrs.frozen(kw_only=True)
class LaunchEntry:
    """One launch's family-best number on a benchmark it shares with other launches."""

    launch: Launch
    standing: Standing  # the launched family's best on one of its leaderboards
    cohort: Cohort | None
    settings: str  # what it ran under, in words ("" when not given)


@attrs.frozen(kw_only=True)
class SharedBoard:
    """A benchmark two or more launches report: their launched families' best numbers.

    Entries share the benchmark's name (:func:`benchmark_key`), scale, bounds and
    direction; each launch counts once per cohort. They are in score order, but only a
    ``comparable`` board, whose entries all state the same settings, is a leaderboard:
    otherwise ``warning`` says why the numbers are not strictly comparable.
    """

    name: str
    benchmark: Benchmark  # as the first launch records it
    entries: tuple[LaunchEntry, ...]  # best score first

    @property
    def comparable(self) -> bool:
        """Whether every entry states its settings and they are the same."""
        settings = {entry.settings for entry in self.entries}
        return len(settings) == 1 and "" not in settings

    @property
    def leader(self) -> LaunchEntry | None:
        """The best entry of a comparable board; ``None`` when the numbers are not comparable."""
        return self.entries[0] if self.comparable else None

    @property
    def warning(self) -> str | None:
        """Why the numbers are not strictly comparable, or ``None``."""
        if self.comparable:
            return None
        unstated = sorted({launch_name(e.launch) for e in self.entries if not e.settings})
        stated = sorted({e.settings for e in self.entries if e.settings})
        parts = []
        if len(stated) > 1:
            parts.append("run under different settings (" + "; ".join(stated) + ")")
        if unstated:
            parts.append("settings not given for " + ", ".join(unstated))
        return "not strictly comparable: " + " and ".join(parts)


def launch_name(launch: Launch) -> str:
    """A launch in a few words: its launched model, its family's shared name, or the first model and a count."""
    launched = launch.launched
    families = {m.family for m in launched}
    if len(launched) > 1 and len(families) == 1 and None not in families:
        return str(families.pop())
    if len(launched) == 1:
        return launched[0].label
    if not launched:
        return launch.title
    return f"{launched[0].label} and {len(launched) - 1} more"


def benchmark_key(benchmark: Benchmark) -> str:
    """How benchmarks of different records are matched: the name, lower case, letters and digits only.

    ``"MMLU-Pro"``, ``"MMLU Pro"`` and ``"mmlu_pro"`` match; ``"MMLU"`` does not.
    """
    return "".join(ch for ch in benchmark.name.casefold() if ch.isalnum())


def shared_leaderboards(launches: Sequence[Launch]) -> tuple[SharedBoard, ...]:
    """The benchmarks two or more launches report, each launch's family best per cohort.

    Boards come in the order of the first launch that reports them; comparable ones
    (the same stated settings) can be ranked, the others carry their warning.
    """
    groups: dict[tuple[object, ...], list[LaunchEntry]] = {}
    firsts: dict[tuple[object, ...], Benchmark] = {}
    for launch in launches:
        for board in _iter_leaderboards(launch):  # one board alive at a time
            best = next((s for s in board.standings if s.launched), None)
            if best is None:
                continue
            benchmark = board.benchmark
            key: tuple[object, ...] = (
                benchmark_key(benchmark),
                benchmark.scale,
                benchmark.bounds,
                benchmark.direction,
            )
            groups.setdefault(key, []).append(
                LaunchEntry(
                    launch=launch,
                    standing=best,
                    cohort=board.cohort,
                    settings=describe_settings(best.settings),
                )
            )
            firsts.setdefault(key, benchmark)
    boards = []
    for key, entries in groups.items():
        if len({id(entry.launch) for entry in entries}) < 2:
            continue
        benchmark = firsts[key]
        sign = -1.0 if benchmark.direction is Direction.HIGHER else 1.0
        ranked = sorted(entries, key=lambda entry: sign * entry.standing.score)
        boards.append(SharedBoard(name=benchmark.name, benchmark=benchmark, entries=tuple(ranked)))
    return tuple(boards)
