"""Tests of the analysis API: leaderboards, scorecard, family, categories, rollout, safety, gaps.

The analysis never misleads: a number without a rival's number on its leaderboard is
unranked (never #1, never a lead); results of different cohorts never share a
leaderboard, and entries run under different settings are flagged; a rival's result
known only in words stays on the board; a launched model never leads its sibling.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief.analysis import describe_setting, describe_settings
from launchbrief.model import MAX_SCORE, Score
from tests.samples import CHARXIV_LEADERBOARD
from tests.strategies import launches

#: The illustrative schema-2 record of the issue (made-up numbers), kept as it was given.
ASTER = Path(__file__).parent / "data" / "aster-2.yaml"


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch."""
    return lb.load("muse-spark")


@pytest.fixture(scope="module")
def aster() -> lb.Launch:
    """The illustrative schema-2 record: a family of two, base and instruct cohorts."""
    return lb.load(ASTER)


def race(
    *results: lb.Result,
    direction: lb.Direction = lb.Direction.HIGHER,
    scale: lb.Scale = lb.Scale.POINTS,
    launched: str = "a",
    **changes: Any,
) -> lb.Launch:
    """A launch of models a, b, c, d and s on one benchmark 'k'; ``launched`` names the launched."""
    fields: dict[str, Any] = {
        "id": "race",
        "title": "Race",
        "developer": lb.Developer(name="Dev"),
        "models": tuple(lb.Model(id=i, name=i.upper(), launched=i in launched) for i in "abcds"),
        "modes": (
            lb.Mode(id="fast", name="Fast", order=1, status=lb.RolloutStatus.LIVE),
            lb.Mode(id="deep", name="Deep", order=2, status=lb.RolloutStatus.LIVE),
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


def table(board: lb.Leaderboard) -> list[tuple[int | None, str, float, float | None]]:
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
    """Four tiles: best result, benchmarks led (of the contested five only), rollout, modes."""
    assert [
        ("Best result", "#1 of 5", "CharXiv Reasoning: 86.4, 3.6 ahead of the best rival"),
        ("Benchmarks led", "2 of 5", "trails on 2"),
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
        ("dates", "the announcement date is not known"),
        (
            "benchmarks[0]",
            "CharXiv Reasoning: 5 numbers reported only by the vendor, not independently confirmed",
        ),
        ("benchmarks[1]", "MMMU Pro: no rival numbers to compare with"),
        ("benchmarks[2]", "SimpleVQA: no rival numbers to compare with"),
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
    """One board per benchmark and cohort; ranked only when a rival has a number; ranks follow direction.

    An uncontested board (no rival number) ranks nobody: no leader, no rank, no gap.
    """
    boards = lb.leaderboards(launch)
    keys = [(b.benchmark.id, b.cohort.id if b.cohort else None) for b in boards]
    assert len(keys) == len(set(keys))
    assert {b.id for b in launch.benchmarks} == {key[0] for key in keys}
    assert sorted(map(id, launch.results)) == sorted(
        [id(s.result) for b in boards for s in b.standings]
        + [id(r) for b in boards for r in b.qualitative]
    )
    for board in boards:
        cohort = board.cohort.id if board.cohort else None
        assert all(s.result.cohort == cohort for s in board.standings)
        assert all(
            r.cohort == cohort and r.benchmark == board.benchmark.id for r in board.qualitative
        )
        assert all(r.score is None for r in board.qualitative)
        rivals = [s for s in board.standings if not s.launched]
        assert board.contested == bool(rivals)
        assert all(s.settings == launch.settings(s.result) for s in board.standings)
        assert (board.warning is None) == (not board.mixed_settings)
        if not board.contested:
            assert None is board.leader
            assert all((s.rank, s.gap, s.ranked) == (None, None, False) for s in board.standings)
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
            assert standing.gap is not None
            assert standing.gap >= 0
            assert position + 1 >= standing.rank
            assert launch.model(standing.result.model).launched == standing.launched


@given(launches(min_results=1))
def test_scorecard_invariants(launch: lb.Launch) -> None:
    """Verdicts are about launched models, against rivals only; a lone number is never a lead."""
    card = lb.scorecard(launch)
    assert card.leads + card.trails + card.other == card.verdicts
    assert all(v.relation is lb.Relation.LEADS for v in card.leads)
    assert all(v.relation is lb.Relation.TRAILS for v in card.trails)
    assert card.contested == tuple(v for v in card.verdicts if v.relation is not None)
    launched = {model.id for model in launch.launched}
    for verdict in card.verdicts:
        assert verdict.model is not None
        assert verdict.model.id in launched
        if verdict.basis is not lb.Basis.NUMERIC:
            continue
        # Numbers are weighed against rivals only: siblings are never led or trailed.
        assert not launched & {m.id for m in verdict.versus}
        cohort = verdict.cohort.id if verdict.cohort else None
        board = lb.leaderboard(launch, verdict.benchmark.id, cohort)
        mine = next(
            s
            for s in board.standings
            if s.model.id == verdict.model.id and s.score == verdict.score
        )
        if board.contested:
            assert (mine.rank, len(board.standings)) == (verdict.rank, verdict.ranked)
            assert verdict.relation is not None
            assert verdict.margin is None or verdict.margin >= 0
        else:
            assert (None, None, None) == (verdict.relation, verdict.rank, verdict.ranked)
    for verdict in card.leads:
        if verdict.basis is lb.Basis.NUMERIC:
            cohort = verdict.cohort.id if verdict.cohort else None
            board = lb.leaderboard(launch, verdict.benchmark.id, cohort)
            rivals = [s for s in board.standings if not s.launched]
            assert all((s.rank or 0) > (verdict.rank or 0) for s in rivals)
    for verdict in card.trails:
        if verdict.basis is lb.Basis.NUMERIC:
            assert (verdict.rank or 0) > 1


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
        assert summary.leads <= summary.contested
        assert summary.trails <= summary.contested
        assert summary.contested <= summary.covered <= len(summary.benchmarks)
        if summary.covered == 0:
            assert (0, 0, 0) == (summary.leads, summary.trails, summary.contested)
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
    assert ("dates" in gaps) == (launch.announced is None)
    conflicted = {f"dates[{c.positions[0]}]" for c in lb.conflicts(launch)}
    assert conflicted <= gaps
    for conflict in lb.conflicts(launch):
        assert len(conflict.dates) >= 2
        assert len({launch.dates[p].event.strip().casefold() for p in conflict.positions}) == 1
    for row in lb.family(launch):
        assert row.members
        assert all(s.launched for s in row.members)
        assert row.best is row.members[0]
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
        dates=(lb.DatedEvent(event="announced", date=date(2026, 4, 8), sources=("board",)),),
        as_of=date(2026, 4, 9),
        models=tuple(
            lb.Model(id=i, name=i.upper(), developer="Lab", launched=i == "a") for i in "abcd"
        ),
        benchmarks=(
            lb.Benchmark(
                id="k",
                name="K",
                category="cat",
                scale=lb.Scale.POINTS,
                settings=lb.Settings(shots=0),
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


# --------------------------------------------------------------------------- numbers without rivals


@pytest.mark.parametrize(("benchmark", "score"), [("mmmu-pro", 80.4), ("simplevqa", 71.3)])
def test_muse_numbers_without_rivals_are_unranked(
    muse: lb.Launch, benchmark: str, score: float
) -> None:
    """MMMU Pro 80.4 and SimpleVQA 71.3 have no rival number: no rank, no gap, no leader, no lead."""
    board = lb.leaderboard(muse, benchmark)
    [standing] = board.standings
    assert ("muse-spark", score, None, None, False) == (
        standing.model.id,
        standing.score,
        standing.rank,
        standing.gap,
        standing.ranked,
    )
    assert (False, None) == (board.contested, board.leader)
    card = lb.scorecard(muse)
    assert benchmark not in {v.benchmark.id for v in card.leads + card.trails}
    assert benchmark not in {v.benchmark.id for v in card.contested}
    [verdict] = [v for v in card.verdicts if v.benchmark.id == benchmark]
    assert (None, None, None, None) == (
        verdict.relation,
        verdict.rank,
        verdict.ranked,
        verdict.margin,
    )
    name = muse.benchmark(benchmark).name
    assert f"{score} on {name} (no rival numbers given)" == verdict.sentence
    assert not any(name in h.detail for h in lb.highlights(muse))


def test_muse_leads_on_two_of_the_five_contested_benchmarks(muse: lb.Launch) -> None:
    """'Leads on N of M' counts contested benchmarks only: 2 of 5, not 4 of 7."""
    card = lb.scorecard(muse)
    assert ["charxiv-reasoning", "healthbench-hard"] == [v.benchmark.id for v in card.leads]
    assert 5 == len(card.contested)
    assert {"mmmu-pro", "simplevqa"} == {
        v.benchmark.id for v in card.verdicts if v.relation is None
    }


def test_a_lone_number_is_never_ranked_first() -> None:
    """One launched number on a board without rivals: unranked, not a lead, no headline."""
    launch = race(scored("a", 70.0))
    [standing] = lb.leaderboard(launch, "k").standings
    assert (None, None) == (standing.rank, standing.gap)
    card = lb.scorecard(launch)
    assert ((), ()) == (card.leads, card.trails)
    assert [None] == [v.relation for v in card.other]
    assert ["Reasoning modes"] == [h.label for h in lb.highlights(launch)]


def test_a_rival_in_words_only_does_not_rank_a_number() -> None:
    """A rival known only in words leaves the launched number unranked, and stays on the board."""
    launch = race(scored("a", 70.0), lb.Result(benchmark="k", model="b", claim="no support"))
    board = lb.leaderboard(launch, "k")
    assert [(None, "a", 70.0, None)] == table(board)
    assert ["b"] == [r.model for r in board.qualitative]
    assert not board.contested


def test_rival_results_in_words_stay_on_the_board(aster: lb.Launch) -> None:
    """ChartQA: Rival B's 'no multimodal support' is a noted entry beside the two numbers."""
    board = lb.leaderboard(aster, "chartqa", "instruct")
    assert [(1, "aster-2-large", 85.0), (2, "rival-a", 81.2)] == [
        (s.rank, s.model.id, s.score) for s in board.standings
    ]
    assert [("rival-b", "no multimodal support")] == [(r.model, r.claim) for r in board.qualitative]


def test_qualitative_board_keeps_every_word_result() -> None:
    """Words of launched models and of rivals are both kept, in the record's order."""
    launch = race(
        compared("b", lb.Relation.LEADS, "c"),
        compared("a", lb.Relation.TRAILS, "b"),
        scored("c", 3.0),
    )
    board = lb.leaderboard(launch, "k")
    assert ["b", "a"] == [r.model for r in board.qualitative]
    assert [(1, "c", 3.0, 0.0)] == table(board)


# --------------------------------------------------------------------------- siblings


def test_siblings_never_lead_each_other_on_numbers() -> None:
    """Two launched models and a rival: each is weighed against the rival only."""
    launch = race(scored("a", 90.0), scored("s", 80.0), scored("b", 70.0), launched="as")
    board = lb.leaderboard(launch, "k")
    assert [(1, "a", 90.0, 0.0), (2, "s", 80.0, 10.0), (3, "b", 70.0, 20.0)] == table(board)
    card = lb.scorecard(launch)
    assert [("a", ("b",), 20.0), ("s", ("b",), 10.0)] == [
        (v.model.id if v.model else None, tuple(m.id for m in v.versus), v.margin)
        for v in card.leads
    ]
    assert () == card.trails
    assert ["s"] == [v.model.id for v in lb.scorecard(launch, "s").verdicts if v.model]


def test_siblings_alone_are_not_a_contest() -> None:
    """A board holding only launched models' numbers ranks nobody and leads nothing."""
    launch = race(scored("a", 90.0), scored("s", 80.0), launched="as")
    board = lb.leaderboard(launch, "k")
    assert [(None, "a", 90.0, None), (None, "s", 80.0, None)] == table(board)
    assert None is board.leader
    card = lb.scorecard(launch)
    assert ((), (), [None, None]) == (card.leads, card.trails, [v.relation for v in card.other])


def test_a_sibling_ahead_is_not_trailed() -> None:
    """Behind its sibling but ahead of every rival, a launched model leads the rivals."""
    launch = race(scored("a", 90.0), scored("s", 95.0), scored("b", 80.0), launched="as")
    card = lb.scorecard(launch, "a")
    [verdict] = card.verdicts
    assert (lb.Relation.LEADS, ("b",), 2, 3) == (
        verdict.relation,
        tuple(m.id for m in verdict.versus),
        verdict.rank,
        verdict.ranked,
    )


def test_siblings_never_lead_each_other_in_words() -> None:
    """A source's words comparing two launched models are no verdict against a rival."""
    launch = race(compared("a", lb.Relation.LEADS, "s"), launched="as")
    card = lb.scorecard(launch)
    assert () == card.leads
    assert not any({"a", "s"} & {m.id for m in v.versus} for v in card.verdicts)
    assert not any(h.label.endswith("led") for h in lb.highlights(launch))


# --------------------------------------------------------------------------- cohorts and settings


def test_aster_leaderboards_per_benchmark_and_cohort(aster: lb.Launch) -> None:
    """One board per benchmark and cohort; MMLU base and instruct never share a board."""
    assert [
        ("mmlu", "base", "MMLU (Pretrained models)"),
        ("mmlu", "instruct", "MMLU (Instruction-tuned models)"),
        ("pile-bpb", "base", "Pile test (bits per byte) (Pretrained models)"),
        ("mt-bench", "instruct", "MT-Bench (Instruction-tuned models)"),
        ("racket", "base", "MultiPL-E Racket (Pretrained models)"),
        ("codeforces", "instruct", "Codeforces (Instruction-tuned models)"),
        ("chartqa", "instruct", "ChartQA (Instruction-tuned models)"),
        ("solo-bench", "instruct", "Solo Bench (Instruction-tuned models)"),
    ] == [
        (b.benchmark.id, b.cohort.id if b.cohort else None, b.title) for b in lb.leaderboards(aster)
    ]


def test_aster_mmlu_base_and_instruct(aster: lb.Launch) -> None:
    """MMLU 5-shot (base) and 0-shot (instruct) are two contests with their own ranks."""
    base = lb.leaderboard(aster, "mmlu", "base")
    instruct = lb.leaderboard(aster, "mmlu", "instruct")
    assert [
        (1, "aster-2-large", "85.20", "0.00"),
        (2, "rival-a", "79.5", "5.70"),
        (3, "aster-2-small", "66.0", "19.20"),
    ] == [
        (s.rank, s.model.id, lb.format_score(s.score), lb.format_score(s.gap))
        for s in base.standings
    ]
    assert [(1, "rival-b"), (2, "aster-2-large"), (3, "rival-a"), (4, "aster-2-small")] == [
        (s.rank, s.model.id) for s in instruct.standings
    ]
    assert {s.result.cohort for s in base.standings} == {"base"}
    assert "rival-b" not in {s.model.id for s in base.standings}
    assert (lb.Settings(shots=5), None) == (base.standings[0].settings, base.warning)
    assert lb.Settings(shots=0, temperature=0.6, top_p=0.95) == instruct.standings[0].settings
    assert base == lb.leaderboard(aster, "mmlu")  # the first cohort when none is named
    with pytest.raises(KeyError):
        lb.leaderboard(aster, "mmlu", "no-such-cohort")


def test_aster_lower_is_better_and_tiny_fractions(aster: lb.Launch) -> None:
    """Bits per byte: the smallest leads; 0.0007 stays 0.0007 and trails 0.0049."""
    assert ["aster-2-large", "rival-a", "aster-2-small"] == [
        s.model.id for s in lb.leaderboard(aster, "pile-bpb").standings
    ]
    racket = lb.leaderboard(aster, "racket")
    assert [("rival-a", "0.0049"), ("aster-2-small", "0.0007")] == [
        (s.model.id, lb.format_score(s.score, racket.benchmark)) for s in racket.standings
    ]


def cohort_race(*results: lb.Result, settings: lb.Settings | None = None) -> lb.Launch:
    """A race whose results sit in cohort 'it' (0-shot), on a benchmark with ``settings``."""
    return race(
        *results,
        cohorts=(lb.Cohort(id="it", name="Instruct", settings=lb.Settings(shots=0)),),
        benchmarks=(
            lb.Benchmark(
                id="k", name="K", category="cat", scale=lb.Scale.POINTS, settings=settings
            ),
        ),
    )


def test_entries_with_different_settings_carry_a_warning() -> None:
    """A board whose entries ran differently says how: shots and temperature here."""
    launch = cohort_race(
        scored("a", 80.0, cohort="it", settings=lb.Settings(shots=5, temperature=Score("0.6"))),
        scored("b", 70.0, cohort="it"),
        scored("c", 60.0, cohort="it"),
    )
    board = lb.leaderboard(launch, "k", "it")
    assert ("shots: 0-shot, 5-shot", "temperature: not given, temperature 0.6") == (
        board.mixed_settings
    )
    assert (
        "entries ran under different settings"
        " (shots: 0-shot, 5-shot; temperature: not given, temperature 0.6)" == board.warning
    )
    assert [lb.Settings(shots=5, temperature=0.6), lb.Settings(shots=0), lb.Settings(shots=0)] == [
        s.settings for s in board.standings
    ]


def test_entries_run_alike_carry_no_warning() -> None:
    """The same settings for every entry, however they are given, raise no warning."""
    launch = cohort_race(
        scored("a", 80.0, cohort="it", settings=lb.Settings(shots=0)),
        scored("b", 70.0, cohort="it"),
        settings=lb.Settings(other=(("metric", "acc"),)),
    )
    board = lb.leaderboard(launch, "k", "it")
    assert ((), None) == (board.mixed_settings, board.warning)
    assert lb.Settings(shots=0, other=(("metric", "acc"),)) == board.standings[0].settings


def test_results_with_and_without_a_cohort_are_separate_boards() -> None:
    """Results without a cohort form their own board, before the cohorts' boards."""
    launch = cohort_race(scored("a", 80.0, cohort="it"), scored("b", 70.0), scored("a", 60.0))
    boards = lb.leaderboards(launch)
    assert [None, "it"] == [b.cohort.id if b.cohort else None for b in boards]
    assert [["b", "a"], ["a"]] == [[s.model.id for s in b.standings] for b in boards]
    assert (True, False) == (boards[0].contested, boards[1].contested)
    assert ["K", "K (Instruct)"] == [b.title for b in boards]


def test_a_benchmark_without_results_has_one_empty_board() -> None:
    """No results: one board, no cohort, nothing on it."""
    [board] = lb.leaderboards(race())
    assert (None, (), (), False, None) == (
        board.cohort,
        board.standings,
        board.qualitative,
        board.contested,
        board.leader,
    )


def test_verdicts_name_their_cohort(aster: lb.Launch) -> None:
    """A verdict is about one model on one benchmark in one cohort, and says so."""
    card = lb.scorecard(aster, "aster-2-small")
    assert [
        "trails Rival A on MMLU (Pretrained models) (#3 of 3, 66.0)",
        "trails Rival B, Rival A on MMLU (Instruction-tuned models) (#4 of 4, 70.1)",
        "trails Rival A on Pile test (bits per byte) (Pretrained models) (#3 of 3, 0.62)",
        "trails Rival A on MultiPL-E Racket (Pretrained models) (#2 of 2, 0.0007)",
    ] == [v.sentence for v in card.verdicts]
    assert {"aster-2-small"} == {v.model.id for v in card.verdicts if v.model}
    lead = lb.scorecard(aster, "aster-2-large").leads[0]
    assert ("MMLU (Pretrained models)", "5.70") == (lead.subject, lb.format_score(lead.margin))


# --------------------------------------------------------------------------- family, categories


def test_aster_family(aster: lb.Launch) -> None:
    """Each launched model's standing per board, the family's best first; unranked stays unranked."""
    assert [
        ("MMLU (Pretrained models)", [("aster-2-large", 1), ("aster-2-small", 3)]),
        ("MMLU (Instruction-tuned models)", [("aster-2-large", 2), ("aster-2-small", 4)]),
        (
            "Pile test (bits per byte) (Pretrained models)",
            [("aster-2-large", 1), ("aster-2-small", 3)],
        ),
        ("MT-Bench (Instruction-tuned models)", [("aster-2-large", 1)]),
        ("MultiPL-E Racket (Pretrained models)", [("aster-2-small", 2)]),
        ("Codeforces (Instruction-tuned models)", [("aster-2-large", 2)]),
        ("ChartQA (Instruction-tuned models)", [("aster-2-large", 1)]),
        ("Solo Bench (Instruction-tuned models)", [("aster-2-large", None)]),
    ] == [
        (row.board.title, [(s.model.id, s.rank) for s in row.members]) for row in lb.family(aster)
    ]
    assert all(row.best is row.members[0] for row in lb.family(aster))


def test_family_leaves_out_boards_without_a_launched_number() -> None:
    """A board where only rivals have numbers is not part of the family view."""
    assert () == lb.family(race(scored("b", 1.0), scored("c", 2.0)))


def test_aster_categories(aster: lb.Launch) -> None:
    """Leads and trails count benchmarks; contested and covered say what can be claimed."""
    assert [
        ("knowledge", 2, 1, 1, 1, 2),
        ("language modelling", 1, 1, 1, 1, 1),
        ("chat", 1, 1, 0, 1, 1),
        ("coding", 2, 0, 2, 2, 2),
        ("multimodal", 1, 1, 0, 1, 1),
    ] == [
        (c.category, len(c.benchmarks), c.leads, c.trails, c.contested, c.covered)
        for c in lb.categories(aster)
    ]


def test_muse_categories_contested_and_covered(muse: lb.Launch) -> None:
    """Muse Spark covers every category; only CharXiv is contested among the multimodal three."""
    assert [
        ("multimodal", 1, 3),
        ("health", 1, 1),
        ("reasoning", 1, 1),
        ("coding", 1, 1),
        ("agentic", 1, 1),
    ] == [(c.category, c.contested, c.covered) for c in lb.categories(muse)]


def test_a_category_without_the_launched_models_has_no_headline() -> None:
    """Rivals only in a category: nothing covered, nothing contested, no 'leads on 0 of N'."""
    launch = race(scored("b", 1.0), scored("c", 2.0))
    [summary] = lb.categories(launch)
    assert (0, 0, 0, 0) == (summary.leads, summary.trails, summary.contested, summary.covered)
    assert not any("led" in h.label for h in lb.highlights(launch))


# --------------------------------------------------------------------------- dates


def test_aster_conflicting_announcement(aster: lb.Launch) -> None:
    """The blog says 4 March, the press 2 March: both kept, reported as a conflict."""
    [conflict] = lb.conflicts(aster)
    assert ("announced", (0, 1)) == (conflict.event, conflict.positions)
    assert (
        (date(2026, 3, 4), ("blog",)),
        (date(2026, 3, 2), ("press",)),
    ) == conflict.dates
    assert "sources disagree: 2026-03-04 (blog), 2026-03-02 (press)" == conflict.detail
    assert date(2026, 3, 4) == aster.announced
    assert ("dates[0]", lb.GapKind.CONFLICT) in {(g.path, g.kind) for g in lb.completeness(aster)}


def test_conflicts_ignore_case_and_agreeing_sources() -> None:
    """Sources giving the same day agree; 'Released' and 'released ' are one event."""
    dates = (
        lb.DatedEvent(event="announced", date=date(2026, 1, 1), sources=("x",)),
        lb.DatedEvent(event="announced", date=date(2026, 1, 1), sources=("y",)),
        lb.DatedEvent(event="Released", date=date(2026, 2, 1)),
        lb.DatedEvent(event="released ", date=date(2026, 2, 3), sources=("y",)),
    )
    sources = tuple(lb.Source(id=i, name=i, kind=lb.SourceKind.PRESS) for i in "xy")
    [conflict] = lb.conflicts(race(dates=dates, sources=sources))
    assert ("Released", (2, 3)) == (conflict.event, conflict.positions)
    assert "sources disagree: 2026-02-01 (no source), 2026-02-03 (y)" == conflict.detail
    assert () == lb.conflicts(race(dates=dates[:2], sources=sources))


def test_unknown_statuses_are_gaps(aster: lb.Launch) -> None:
    """A surface or mode whose status the source does not give is listed as not stated."""
    assert [
        ("surfaces[2].status", "Northwind phone app: whether it is available yet is not stated"),
        ("modes[0].status", "Standard: whether it is available yet is not stated"),
        ("modes[1].status", "Deep Think: whether it is available yet is not stated"),
    ] == [(g.path, g.message) for g in lb.completeness(aster) if g.kind is lb.GapKind.STATUS]


# --------------------------------------------------------------------------- highlights


def test_aster_highlights_count_the_family(aster: lb.Launch) -> None:
    """Leaderboards led: the family's best against the best rival, on the seven contested boards."""
    assert [
        ("Best result", "#1 of 3", "MMLU (Pretrained models): 85.20, 5.70 ahead of the best rival"),
        ("Leaderboards led", "4 of 7", "trails on 3"),
        ("Rollout", "2 live", "Model hub download, Northwind API; 1 status not given"),
        ("Reasoning modes", "2", "Standard, Deep Think"),
    ] == [(h.label, h.value, h.detail) for h in lb.highlights(aster)]


def test_highlights_count_a_board_once_for_the_family() -> None:
    """Two launched models on one board count once: the family's best against the best rival."""
    launch = race(scored("a", 90.0), scored("s", 60.0), scored("b", 70.0), launched="as")
    [led] = [h for h in lb.highlights(launch) if h.label == "Benchmarks led"]
    assert ("1 of 1", "trails on 0") == (led.value, led.detail)


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("value", "scale", "text"),
    [
        (Score("85.20"), None, "85.20"),
        (Score("66.0"), None, "66.0"),
        (Score("66"), None, "66"),
        (66.0, None, "66"),
        (0.0007, None, "0.0007"),
        (Score("0.0007"), lb.Scale.FRACTION, "0.0007"),
        (1e-7, None, "1e-07"),
        (5e-324, None, "4.94066e-324"),
        (Score("8e9"), None, "8e9"),
        (0.1 + 0.2, None, "0.3"),
        (0.0, None, "0"),
        (None, None, "no number"),
        (None, lb.Scale.PERCENT, "no number"),
        (Score("86.4"), lb.Scale.PERCENT, "86.4%"),
        (Score("100.0"), lb.Scale.PERCENT, "100.0%"),
        (Score("51.6"), lb.Scale.PERCENTILE, "51.6th percentile"),
        (Score("1"), lb.Scale.PERCENTILE, "1st percentile"),
        (Score("2"), lb.Scale.PERCENTILE, "2nd percentile"),
        (Score("3"), lb.Scale.PERCENTILE, "3rd percentile"),
        (Score("11"), lb.Scale.PERCENTILE, "11th percentile"),
        (Score("12"), lb.Scale.PERCENTILE, "12th percentile"),
        (Score("13"), lb.Scale.PERCENTILE, "13th percentile"),
        (Score("21"), lb.Scale.PERCENTILE, "21st percentile"),
        (Score("92"), lb.Scale.PERCENTILE, "92nd percentile"),
        (Score("111"), lb.Scale.PERCENTILE, "111th percentile"),
        (Score("1500"), lb.Scale.ELO, "1500"),
        (Score("9.35"), lb.Scale.POINTS, "9.35"),
    ],
)
def test_format_score(value: float | None, scale: lb.Scale | None, text: str) -> None:
    """Scores print as written, with a unit where one reads naturally; a nonzero is never 0."""
    benchmark = None if scale is None else lb.Benchmark(id="b", name="B", category="c", scale=scale)
    assert text == lb.format_score(value, benchmark)


@pytest.mark.parametrize("value", [0.0007, 4e-5, 1e-9, 5e-324, -0.0004, 1e-15])
def test_a_nonzero_score_never_prints_as_zero(value: float) -> None:
    """However small, a nonzero number prints as nonzero."""
    assert lb.format_score(value).strip("-0.") != ""


def test_describe_settings() -> None:
    """Settings in words: shots as n-shot, yes/no as on/off, numbers as written, free keys too."""
    settings = lb.Settings(
        shots=0,
        temperature=Score("0.60"),
        top_p=Score("0.95"),
        chain_of_thought=True,
        tools=False,
        harness="lm-eval",
        other=(("metric", "pass@1"), ("k", 8)),
    )
    assert (
        "0-shot, temperature 0.60, top p 0.95, chain of thought on, tools off,"
        " harness lm-eval, metric pass@1, k 8" == describe_settings(settings)
    )
    assert ("", "") == (describe_settings(None), describe_settings(lb.Settings()))
    assert ("5-shot", "not given") == (
        describe_setting("shots", 5),
        describe_setting("top_p", None),
    )


def test_events_give_each_dated_event_once_with_its_conflict() -> None:
    """``events()``: one entry per event, in the record's order, carrying the sources' conflict."""
    aster = lb.load(Path(__file__).parent / "data" / "aster-2.yaml")
    shown = [
        (event.event, event.date, conflict is not None)
        for event, conflict in lb.analysis.events(aster)
    ]
    assert [
        ("announced", date(2026, 3, 4), True),
        ("weights released", date(2026, 3, 5), False),
    ] == shown
