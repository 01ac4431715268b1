"""Tests of the analysis API: leaderboards, scorecard, categories, rollout, safety, gaps."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief.model import MAX_SCORE
from tests.samples import CHARXIV_LEADERBOARD
from tests.strategies import launches


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch."""
    return lb.load("muse-spark")


def race(
    *results: lb.Result,
    direction: lb.Direction = lb.Direction.HIGHER,
    scale: lb.Scale = lb.Scale.POINTS,
    **changes: Any,
) -> lb.Launch:
    """A launch of models a (launched), b, c and d on one benchmark 'k' with these results."""
    fields: dict[str, Any] = {
        "id": "race",
        "title": "Race",
        "developer": lb.Developer(name="Dev"),
        "model": lb.LaunchedModel(id="a"),
        "models": tuple(lb.ComparedModel(id=i, name=i.upper()) for i in "abcd"),
        "modes": (
            lb.Mode(id="fast", name="Fast", order=1),
            lb.Mode(id="deep", name="Deep", order=2),
        ),
        "benchmarks": (
            lb.Benchmark(id="k", name="K", category="cat", scale=scale, direction=direction),
        ),
        "results": results,
    }
    fields.update(changes)
    return lb.Launch(**fields)


def scored(model: str, score: float, **fields: Any) -> lb.Result:
    """A scored result of ``model`` on benchmark 'k'."""
    return lb.Result(benchmark="k", model=model, score=score, **fields)


def compared(model: str, relation: lb.Relation, *versus: str) -> lb.Result:
    """An unscored result of ``model`` on benchmark 'k' with one comparison."""
    return lb.Result(
        benchmark="k",
        model=model,
        comparisons=(lb.Comparison(relation=relation, versus=versus),),
    )


def table(board: lb.Leaderboard) -> list[tuple[int, str, float, float]]:
    """A leaderboard as (rank, model id, score, gap) rows."""
    return [(s.rank, s.model.id, s.score, s.gap) for s in board.standings]


# --------------------------------------------------------------------------- leaderboards


def test_charxiv_leaderboard(muse: lb.Launch) -> None:
    """CharXiv Reasoning: Muse Spark 86.4 first, GPT 5.4 82.8 second, … Grok 4.2 60.9 last."""
    board = lb.leaderboard(muse, "charxiv-reasoning")
    assert CHARXIV_LEADERBOARD == [(s.rank, s.label, s.score) for s in board.standings]
    assert [True, False, False, False, False] == [s.launched for s in board.standings]
    assert [0.0, 3.6, 6.2, 21.1, 25.5] == [s.gap for s in board.standings]


def test_healthbench_leaderboard(muse: lb.Launch) -> None:
    """HealthBench Hard: Muse Spark 42.8 leads GPT 5.4 40.1; Claude's 14.8 is last."""
    board = lb.leaderboard(muse, "healthbench-hard")
    assert [
        ("muse-spark", 42.8),
        ("gpt-5-4", 40.1),
        ("gemini-3-1-pro", 20.6),
        ("grok-4-2", 20.3),
        ("claude-opus-4-6", 14.8),
    ] == [(s.model.id, s.score) for s in board.standings]


def test_qualitative_results_stay_off_the_numbers(muse: lb.Launch) -> None:
    """A benchmark known only in words has no standings, only its qualitative results."""
    board = lb.leaderboard(muse, "arc-agi-2")
    assert () == board.standings
    assert None is board.leader
    assert [("muse-spark", None)] == [(r.model, r.score) for r in board.qualitative]


def test_leaderboards_follow_benchmark_order(muse: lb.Launch) -> None:
    """leaderboards gives one board per benchmark, in the record's order."""
    assert [b.id for b in muse.benchmarks] == [
        board.benchmark.id for board in lb.leaderboards(muse)
    ]


def test_unknown_benchmark_raises_key_error(muse: lb.Launch) -> None:
    """Asking for a benchmark the launch does not have raises KeyError."""
    with pytest.raises(KeyError):
        lb.leaderboard(muse, "no-such-benchmark")


def test_ties_share_a_rank() -> None:
    """Tied scores share a rank and the next rank skips (1, 1, 3)."""
    launch = race(scored("a", 70.0), scored("b", 90.0), scored("c", 90.0), scored("d", 70.0))
    assert [
        (1, "b", 90.0, 0.0),
        (1, "c", 90.0, 0.0),
        (3, "a", 70.0, 20.0),
        (3, "d", 70.0, 20.0),
    ] == table(lb.leaderboard(launch, "k"))


def test_lower_is_better_ranks_ascending() -> None:
    """On a lower-is-better benchmark the smallest score leads and gaps stay positive."""
    launch = race(
        scored("a", 12.5),
        scored("b", 3.0),
        scored("c", -4.0),
        direction=lb.Direction.LOWER,
    )
    assert [(1, "c", -4.0, 0.0), (2, "b", 3.0, 7.0), (3, "a", 12.5, 16.5)] == table(
        lb.leaderboard(launch, "k")
    )


def test_standing_lookup_and_mode_label() -> None:
    """A model's best standing is found by id; a mode shows in the standing's label."""
    launch = race(scored("a", 10.0, mode="fast"), scored("a", 20.0, mode="deep"), scored("b", 15))
    board = lb.leaderboard(launch, "k")
    best = board.standing("a")
    assert best is not None
    assert (20.0, "A (Deep)") == (best.score, best.label)
    assert None is board.standing("d")


def test_gap_of_extreme_scores_is_finite() -> None:
    """Scores at opposite ends of the accepted range give a finite gap, so exporters can write it."""
    launch = race(scored("a", MAX_SCORE), scored("b", -MAX_SCORE))
    gaps = [s.gap for s in lb.leaderboard(launch, "k").standings]
    assert [0.0, 2 * MAX_SCORE] == gaps


def test_scores_beyond_the_accepted_range_are_refused() -> None:
    """A score past MAX_SCORE is refused when the result is built."""
    with pytest.raises(ValueError, match="too large"):
        scored("a", 1e308)


# --------------------------------------------------------------------------- scorecard


def test_muse_scorecard(muse: lb.Launch) -> None:
    """Muse Spark leads CharXiv and HealthBench Hard on numbers and trails on ARC AGI 2 and LiveCodeBench Pro in words."""
    card = lb.scorecard(muse)
    assert [
        ("charxiv-reasoning", lb.Basis.NUMERIC, 1, 5),
        ("healthbench-hard", lb.Basis.NUMERIC, 1, 5),
    ] == [(v.benchmark.id, v.basis, v.rank, v.ranked) for v in card.leads]
    assert [
        ("arc-agi-2", ("gemini-3-1-pro", "gpt-5-4")),
        ("livecodebench-pro", ("gpt-5-4",)),
    ] == [(v.benchmark.id, tuple(m.id for m in v.versus)) for v in card.trails]
    assert all(v.basis is lb.Basis.QUALITATIVE for v in card.trails)
    assert [
        ("mmmu-pro", None),
        ("simplevqa", None),
        ("agentic-coding", lb.Relation.NOT_CLEARLY_AHEAD),
    ] == [(v.benchmark.id, v.relation) for v in card.other]
    assert card.leads + card.trails + card.other == card.verdicts


def test_lead_margin_is_over_the_runner_up(muse: lb.Launch) -> None:
    """A numeric lead's margin is the distance to the runner-up: 86.4 − 82.8 on CharXiv."""
    lead = lb.scorecard(muse).leads[0]
    assert lead.margin is not None
    assert 3.6 == lead.margin
    assert (
        "leads GPT 5.4, Gemini 3.1 Pro High, Claude Opus 4.6 Max, Grok 4.2 on CharXiv"
        " Reasoning (#1 of 5, 86.4)" == lead.sentence
    )


def test_trailing_numerically_names_those_ahead() -> None:
    """A launched model behind on numbers trails exactly the models ranked above it."""
    launch = race(scored("a", 50.0), scored("b", 80.0), scored("c", 60.0), scored("d", 10.0))
    [verdict] = lb.scorecard(launch).trails
    assert (lb.Relation.TRAILS, ("b", "c"), 3, 4) == (
        verdict.relation,
        tuple(m.id for m in verdict.versus),
        verdict.rank,
        verdict.ranked,
    )
    assert 30.0 == verdict.margin


def test_tie_at_the_top_is_on_par() -> None:
    """Sharing the best score is on par with those who share it, not a lead."""
    launch = race(scored("a", 80.0), scored("b", 80.0), scored("c", 10.0))
    card = lb.scorecard(launch)
    assert ((), ()) == (card.leads, card.trails)
    [verdict] = card.other
    assert (lb.Relation.ON_PAR, ("b",), 0.0) == (
        verdict.relation,
        tuple(m.id for m in verdict.versus),
        verdict.margin,
    )


def test_qualitative_verdicts_come_from_comparisons() -> None:
    """Unscored results of the launched model become verdicts with the source's relation."""
    launch = race(compared("a", lb.Relation.LEADS, "b", "c"), compared("b", lb.Relation.TRAILS))
    card = lb.scorecard(launch)
    [verdict] = card.leads
    assert (lb.Basis.QUALITATIVE, ("b", "c")) == (
        verdict.basis,
        tuple(m.id for m in verdict.versus),
    )
    assert "leads B, C on K" == verdict.sentence
    assert () == card.trails  # b's own claim is not about the launched model


def test_empty_versus_means_the_field() -> None:
    """A comparison without named rivals reads as 'the field'."""
    launch = race(compared("a", lb.Relation.TRAILS))
    assert "trails the field on K" == lb.scorecard(launch).trails[0].sentence


# --------------------------------------------------------------------------- categories


def test_muse_categories(muse: lb.Launch) -> None:
    """Categories in order of appearance, with numeric and qualitative-only benchmarks and leads."""
    assert [
        ("multimodal", 3, 3, 0, 1, 0),
        ("health", 1, 1, 0, 1, 0),
        ("reasoning", 1, 0, 1, 0, 1),
        ("coding", 1, 0, 1, 0, 1),
        ("agentic", 1, 0, 1, 0, 0),
    ] == [
        (
            c.category,
            len(c.benchmarks),
            len(c.numeric),
            len(c.qualitative_only),
            c.leads,
            c.trails,
        )
        for c in lb.categories(muse)
    ]


def test_category_leads_count_benchmarks_like_trails() -> None:
    """A category's leads, like its trails, count benchmarks, never more than it has."""
    both = lb.Result(
        benchmark="k",
        model="a",
        comparisons=(
            lb.Comparison(relation=lb.Relation.LEADS, versus=("b",)),
            lb.Comparison(relation=lb.Relation.LEADS, versus=("c",)),
        ),
    )
    [summary] = lb.categories(race(both))
    assert 1 == summary.leads


# --------------------------------------------------------------------------- rollout and safety


def test_muse_rollout(muse: lb.Launch) -> None:
    """Rollout groups surfaces from live to planned, with timings in the headline."""
    summary = lb.rollout(muse)
    assert [
        (lb.RolloutStatus.LIVE, ["Meta AI app", "meta.ai"]),
        (lb.RolloutStatus.PREVIEW, ["API (private preview)"]),
        (
            lb.RolloutStatus.PLANNED,
            ["WhatsApp", "Instagram", "Facebook", "Messenger", "Meta's smart glasses"],
        ),
    ] == [(status, [s.name for s in surfaces]) for status, surfaces in summary.groups]
    assert 8 == summary.total
    assert () == summary.surfaces(lb.RolloutStatus.ROLLING_OUT)
    assert (
        "live on 2 (Meta AI app, meta.ai); preview on 1 (API (private preview)); planned on 5"
        " (WhatsApp, Instagram, Facebook, Messenger, Meta's smart glasses, over the coming weeks)"
        == summary.headline
    )


def test_empty_rollout() -> None:
    """A launch with no surfaces says so."""
    summary = lb.rollout(race())
    assert ((), 0, "no surfaces recorded") == (summary.groups, summary.total, summary.headline)


def test_muse_safety(muse: lb.Launch) -> None:
    """Two internal findings, one third-party; Apollo's is explicitly not a blocker."""
    summary = lb.safety(muse)
    assert (
        ["scaling-framework", "weapons-refusal"],
        ["evaluation-awareness"],
        [],
        ["evaluation-awareness"],
        ["scaling-framework", "weapons-refusal"],
    ) == (
        [f.id for f in summary.internal],
        [f.id for f in summary.third_party],
        [f.id for f in summary.blockers],
        [f.id for f in summary.not_blockers],
        [f.id for f in summary.blocker_unstated],
    )
    assert "3 findings (2 internal, 1 third-party); 0 release blockers" == summary.headline


def test_safety_blocker_and_empty_headlines() -> None:
    """A release blocker is counted in the headline; no findings say so."""
    finding = lb.SafetyFinding(
        id="f",
        title="T",
        evaluator="E",
        evaluation=lb.Evaluation.THIRD_PARTY,
        release_blocker=True,
    )
    assert "1 finding (0 internal, 1 third-party); 1 release blocker" == (
        lb.safety(race(safety=(finding,))).headline
    )
    assert "no safety findings recorded" == lb.safety(race()).headline


# --------------------------------------------------------------------------- highlights and gaps


def test_muse_highlights(muse: lb.Launch) -> None:
    """Four headline tiles: best result, benchmarks led, rollout, reasoning modes."""
    assert [
        ("Best result", "#1 of 5", "CharXiv Reasoning: 86.4, 3.6 ahead of the next model"),
        ("Benchmarks led", "2 of 5", "trails on 2 benchmarks"),
        ("Rollout", "2 live", "Meta AI app, meta.ai; 1 preview, 5 planned"),
        ("Reasoning modes", "3", "Default, Thinking, Contemplating"),
    ] == [(h.label, h.value, h.detail) for h in lb.highlights(muse)]


def test_highlights_of_a_bare_launch() -> None:
    """A launch with nothing to highlight but its modes gets only that tile."""
    assert ["Reasoning modes"] == [h.label for h in lb.highlights(race())]


def test_muse_completeness(muse: lb.Launch) -> None:
    """The gaps name the missing date, vendor-only numbers, unscored benchmarks and missing links."""
    gaps = {(gap.path, gap.message) for gap in lb.completeness(muse)}
    expected = {
        ("announced", "the announcement date is not known"),
        (
            "benchmarks[0]",
            "CharXiv Reasoning: 5 numbers reported only by the vendor, not independently confirmed",
        ),
        ("benchmarks[1]", "MMMU Pro: no rival numbers to compare with"),
        ("benchmarks[4]", "ARC AGI 2: no numbers, only qualitative claims"),
        ("benchmarks[5]", "LiveCodeBench Pro: no numbers, only qualitative claims"),
        ("benchmarks[6]", "Agentic coding tasks: no numbers, only qualitative claims"),
        ("benchmarks[0].settings", "CharXiv Reasoning: evaluation settings not given"),
        ("surfaces[7].timing", "API (private preview): no timing given"),
        ("sources[1].url", "Reuters: no link to the source"),
    }
    assert expected <= gaps
    # What the record does know is not listed as missing.
    assert not any(path in {"as_of", "surfaces[2].timing"} for path, _ in gaps)
    assert not any(path.startswith("safety[2]") for path, _ in gaps)


def test_completeness_of_benchmark_without_results() -> None:
    """A benchmark with no results at all is a gap."""
    assert ("benchmarks[0]", "K: no results recorded") in {
        (gap.path, gap.message) for gap in lb.completeness(race())
    }


def test_vendor_only(muse: lb.Launch) -> None:
    """A result cited only by vendor and press relays is vendor-only; a third-party source confirms it."""
    sources = (
        lb.Source(id="vendor", name="V", kind=lb.SourceKind.VENDOR),
        lb.Source(id="press", name="P", kind=lb.SourceKind.PRESS),
        lb.Source(id="lab", name="L", kind=lb.SourceKind.INDEPENDENT),
    )
    relayed = scored("a", 1.0, sources=("vendor", "press"))
    confirmed = scored("b", 2.0, sources=("vendor", "lab"))
    unsourced = scored("c", 3.0)
    launch = race(relayed, confirmed, unsourced, sources=sources)
    assert [True, False, False] == [
        lb.vendor_only(launch, r) for r in (relayed, confirmed, unsourced)
    ]
    assert all(lb.vendor_only(muse, r) for r in muse.results if r.score is not None)


# --------------------------------------------------------------------------- invariants


@given(launches(min_results=1))
def test_leaderboard_invariants(launch: lb.Launch) -> None:
    """Leader has rank 1, ranks follow the benchmark's direction, gaps are never negative."""
    for board in lb.leaderboards(launch):
        results = [r for r in launch.results if r.benchmark == board.benchmark.id]
        assert sorted(map(id, results)) == sorted(
            [id(s.result) for s in board.standings] + [id(r) for r in board.qualitative]
        )
        assert all(r.score is None for r in board.qualitative)
        if not board.standings:
            assert None is board.leader
            continue
        assert board.leader is not None
        assert 1 == board.leader.rank
        higher = board.benchmark.direction is lb.Direction.HIGHER
        for before, after in zip(board.standings, board.standings[1:], strict=False):
            assert (before.score >= after.score) if higher else (before.score <= after.score)
            assert before.rank <= after.rank
            assert (before.rank == after.rank) == (before.score == after.score)
        for position, standing in enumerate(board.standings):
            better = sum(
                (other.score > standing.score) if higher else (other.score < standing.score)
                for other in board.standings
            )
            assert better + 1 == standing.rank
            assert standing.gap >= 0
            assert position + 1 >= standing.rank
            assert (standing.result.model == launch.model.id) == standing.launched


@given(launches(min_results=1))
def test_scorecard_invariants(launch: lb.Launch) -> None:
    """Numeric leads are rank 1, numeric trails are not, and verdicts concern the launched model only."""
    card = lb.scorecard(launch)
    assert card.leads + card.trails + card.other == card.verdicts
    assert all(v.relation is lb.Relation.LEADS for v in card.leads)
    assert all(v.relation is lb.Relation.TRAILS for v in card.trails)
    launched = launch.model.id
    for verdict in card.verdicts:
        assert launched not in {m.id for m in verdict.versus}
        if verdict.basis is lb.Basis.NUMERIC:
            board = lb.leaderboard(launch, verdict.benchmark.id)
            mine = board.standing(launched)
            assert mine is not None
            assert (mine.rank, mine.score, len(board.standings)) == (
                verdict.rank,
                verdict.score,
                verdict.ranked,
            )
            assert verdict.margin is None or verdict.margin >= 0
    assert all(v.rank == 1 for v in card.leads if v.basis is lb.Basis.NUMERIC)
    assert all((v.rank or 0) > 1 for v in card.trails if v.basis is lb.Basis.NUMERIC)


@given(launches())
def test_summary_invariants(launch: lb.Launch) -> None:
    """Categories, rollout and safety summaries account for every benchmark, surface and finding once."""
    summaries = lb.categories(launch)
    assert sorted(b.id for b in launch.benchmarks) == sorted(
        b.id for c in summaries for b in c.benchmarks
    )
    for summary in summaries:
        assert set(summary.benchmarks) == set(summary.numeric) | set(summary.qualitative_only)
        assert not set(summary.numeric) & set(summary.qualitative_only)
        assert summary.trails <= len(summary.benchmarks)
    rollout = lb.rollout(launch)
    assert len(launch.surfaces) == rollout.total
    for status, surfaces in rollout.groups:
        assert surfaces
        assert all(s.status is status for s in surfaces)
    safety = lb.safety(launch)
    assert len(launch.safety) == len(safety.internal) + len(safety.third_party)
    assert len(launch.safety) == (
        len(safety.blockers) + len(safety.not_blockers) + len(safety.blocker_unstated)
    )
    assert len(lb.highlights(launch)) <= 4
    gaps = {gap.path for gap in lb.completeness(launch)}
    assert ("announced" in gaps) == (launch.announced is None)
    assert ("as_of" in gaps) == (launch.as_of is None)


def test_gaps_come_most_important_first(muse: lb.Launch) -> None:
    """Completeness orders gaps by kind: dates and vendor-only numbers before missing links."""
    kinds = [gap.kind for gap in lb.completeness(muse)]
    order = list(lb.GapKind)
    assert sorted(kinds, key=order.index) == kinds
    assert lb.GapKind.DATE == kinds[0]
    assert lb.GapKind.LINK == kinds[-1]


def test_gap_summary_groups_by_kind(muse: lb.Launch) -> None:
    """The summary has one line per kind, naming every subject; a lone gap keeps its own words."""
    lines = lb.gap_summary(muse)
    assert "The announcement date is not known" == lines[0]
    assert (
        "Evaluation settings not given: CharXiv Reasoning, MMMU Pro, SimpleVQA, HealthBench Hard"
        in lines
    )
    assert "API (private preview): no timing given" in lines
    assert len({gap.kind for gap in lb.completeness(muse)}) == len(lines)


def test_a_complete_record_has_no_gaps() -> None:
    """A record that knows its dates, developers, settings, links and independent numbers lacks nothing."""
    launch = race(
        scored("a", 2.0, sources=("board",)),
        scored("b", 1.0, sources=("board",)),
        announced=date(2026, 4, 8),
        as_of=date(2026, 4, 9),
        models=tuple(lb.ComparedModel(id=i, name=i.upper(), developer="Lab") for i in "abcd"),
        benchmarks=(
            lb.Benchmark(
                id="k", name="K", category="cat", scale=lb.Scale.POINTS, settings="0-shot"
            ),
        ),
        sources=(
            lb.Source(
                id="board", name="Board", kind=lb.SourceKind.INDEPENDENT, url="https://example.org"
            ),
        ),
    )
    assert () == lb.completeness(launch)
    assert () == lb.gap_summary(launch)
