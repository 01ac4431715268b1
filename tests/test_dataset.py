"""Tests of the built-in Muse Spark launch: every fact of the source article, and nothing more.

The record is schema 2: one launched model among five, no dates, licence, specs,
cohorts or settings (the article gives none), every number as the article writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import launchbrief as lb
from launchbrief.model import Score

#: Every score the article gives: (benchmark, model) -> score, exactly as written.
ARTICLE_SCORES = {
    ("charxiv-reasoning", "muse-spark"): 86.4,
    ("charxiv-reasoning", "claude-opus-4-6"): 65.3,
    ("charxiv-reasoning", "gemini-3-1-pro"): 80.2,
    ("charxiv-reasoning", "gpt-5-4"): 82.8,
    ("charxiv-reasoning", "grok-4-2"): 60.9,
    ("mmmu-pro", "muse-spark"): 80.4,
    ("simplevqa", "muse-spark"): 71.3,
    ("healthbench-hard", "muse-spark"): 42.8,
    ("healthbench-hard", "claude-opus-4-6"): 14.8,
    ("healthbench-hard", "gemini-3-1-pro"): 20.6,
    ("healthbench-hard", "gpt-5-4"): 40.1,
    ("healthbench-hard", "grok-4-2"): 20.3,
}


#: The source article; CI keeps the shared project data beside the clone (../shared).
ARTICLE = Path(__file__).parents[2] / "shared/seed/000_aaab22fe103c09f4.txt"


def normal(text: str) -> str:
    """Text with curly apostrophes made straight and every run of whitespace one space."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split())


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch."""
    return lb.load("muse-spark")


def all_text(launch: lb.Launch) -> str:
    """Every text of the record, joined, for checking that a fact is written down."""
    return lb.dumps(launch, "json")


# --------------------------------------------------------------------------- identity


def test_identity(muse: lb.Launch) -> None:
    """The launch is Muse Spark by Meta's Meta Superintelligence Labs."""
    assert (lb.SCHEMA_VERSION, "muse-spark") == (muse.schema_version, muse.id)
    assert ("muse-spark",) == tuple(model.id for model in muse.launched)
    assert ("Meta", "Meta Superintelligence Labs") == (
        muse.developer.name,
        muse.developer.division,
    )
    assert ("Muse Spark", "Meta") == (muse.lead_model.label, muse.lead_model.developer)


def test_no_announcement_date(muse: lb.Launch) -> None:
    """The article gives no date, so the record has no dated event at all."""
    assert None is muse.announced
    assert () == muse.dates
    assert () == lb.conflicts(muse)


def test_no_facts_the_article_does_not_give(muse: lb.Launch) -> None:
    """No licence, specs, cohorts or evaluation settings: the article states none of them."""
    assert None is muse.license
    assert [(None, None)] * len(muse.models) == [(m.specs, m.license) for m in muse.models]
    assert () == muse.cohorts
    assert [None] * len(muse.benchmarks) == [b.settings for b in muse.benchmarks]
    assert [(None, None)] * len(muse.results) == [(r.cohort, r.settings) for r in muse.results]


def test_first_model_from_the_lab(muse: lb.Launch) -> None:
    """The record says Muse Spark is the first model from Meta Superintelligence Labs."""
    assert "first model from Meta Superintelligence Labs" in muse.title


def test_model_capabilities_and_what_it_powers(muse: lb.Launch) -> None:
    """Natively multimodal reasoning with tool use, visual chain of thought, multi-agent orchestration; powers Meta AI."""
    assert {
        "natively multimodal reasoning",
        "tool use",
        "visual chain of thought",
        "multi-agent orchestration",
    } == set(muse.lead_model.capabilities)
    assert ("Meta AI",) == muse.lead_model.powers
    assert ("text", "images") == muse.lead_model.modalities
    assert muse.lead_model.summary is not None
    assert "natively multimodal reasoning model" in muse.lead_model.summary


# --------------------------------------------------------------------------- modes and rollout


def test_three_modes_in_order(muse: lb.Launch) -> None:
    """Default (faster) and Thinking are live, Contemplating rolls out gradually.

    The article says Muse Spark supports the first two: they are live, not "status not given".
    """
    modes = sorted(muse.modes, key=lambda mode: mode.order)
    assert [
        ("Default", 1, lb.RolloutStatus.LIVE),
        ("Thinking", 2, lb.RolloutStatus.LIVE),
        ("Contemplating", 3, lb.RolloutStatus.ROLLING_OUT),
    ] == [(mode.name, mode.order, mode.status) for mode in modes]
    assert "faster" in (modes[0].description or "")
    assert "gradually" in (modes[2].timing or "")


def test_surfaces_and_their_status(muse: lb.Launch) -> None:
    """Meta AI app and meta.ai live; five surfaces planned over the coming weeks; a private API preview."""
    assert {
        "Meta AI app": (lb.SurfaceKind.APP, lb.RolloutStatus.LIVE, None),
        "meta.ai": (lb.SurfaceKind.WEB, lb.RolloutStatus.LIVE, None),
        "WhatsApp": (lb.SurfaceKind.MESSAGING, lb.RolloutStatus.PLANNED, "over the coming weeks"),
        "Instagram": (lb.SurfaceKind.SOCIAL, lb.RolloutStatus.PLANNED, "over the coming weeks"),
        "Facebook": (lb.SurfaceKind.SOCIAL, lb.RolloutStatus.PLANNED, "over the coming weeks"),
        "Messenger": (lb.SurfaceKind.MESSAGING, lb.RolloutStatus.PLANNED, "over the coming weeks"),
        "Meta's smart glasses": (
            lb.SurfaceKind.DEVICE,
            lb.RolloutStatus.PLANNED,
            "over the coming weeks",
        ),
        "API (private preview)": (lb.SurfaceKind.API, lb.RolloutStatus.PREVIEW, None),
    } == {surface.name: (surface.kind, surface.status, surface.timing) for surface in muse.surfaces}
    api = next(s for s in muse.surfaces if s.kind is lb.SurfaceKind.API)
    assert "selected users" == api.audience


# --------------------------------------------------------------------------- benchmarks


def test_five_compared_models(muse: lb.Launch) -> None:
    """The five models, with their variants, as the chart labels them; only Muse Spark is launched."""
    assert [
        ("Muse Spark", True),
        ("Claude Opus 4.6 Max", False),
        ("Gemini 3.1 Pro High", False),
        ("GPT 5.4", False),
        ("Grok 4.2", False),
    ] == [(model.label, model.launched) for model in muse.models]
    # The article names OpenAI, Anthropic, Google and xAI as rivals but never says which
    # model is whose, so only Meta's model has a developer.
    assert {
        "muse-spark": "Meta",
        "claude-opus-4-6": None,
        "gemini-3-1-pro": None,
        "gpt-5-4": None,
        "grok-4-2": None,
    } == {model.id: model.developer for model in muse.models}


def test_benchmarks_and_categories(muse: lb.Launch) -> None:
    """The seven benchmarks the article names, each in its category."""
    assert {
        "CharXiv Reasoning": "multimodal",
        "MMMU Pro": "multimodal",
        "SimpleVQA": "multimodal",
        "HealthBench Hard": "health",
        "ARC AGI 2": "reasoning",
        "LiveCodeBench Pro": "coding",
        "Agentic coding tasks": "agentic",
    } == {benchmark.name: benchmark.category for benchmark in muse.benchmarks}


def test_every_score_exactly_as_written(muse: lb.Launch) -> None:
    """Every number of the article is in the record exactly, as written, and there are no others."""
    assert ARTICLE_SCORES == {
        (result.benchmark, result.model): result.score
        for result in muse.results
        if result.score is not None
    }
    assert {key: f"{value}" for key, value in ARTICLE_SCORES.items()} == {
        (r.benchmark, r.model): r.score.text for r in muse.results if isinstance(r.score, Score)
    }


def test_mmmu_pro_and_simplevqa_have_no_rival_numbers(muse: lb.Launch) -> None:
    """The article gives only Muse Spark's MMMU Pro and SimpleVQA numbers, and says it was not first everywhere."""
    for benchmark in ("mmmu-pro", "simplevqa"):
        results = [r for r in muse.results if r.benchmark == benchmark]
        assert ["muse-spark"] == [r.model for r in results]
        assert "did not take first place on every benchmark" in (results[0].claim or "")
        [standing] = lb.leaderboard(muse, benchmark).standings
        assert None is standing.rank


@pytest.mark.parametrize(
    ("benchmark", "relation", "versus"),
    [
        ("arc-agi-2", lb.Relation.TRAILS, ("gemini-3-1-pro", "gpt-5-4")),
        ("livecodebench-pro", lb.Relation.TRAILS, ("gpt-5-4",)),
        ("agentic-coding", lb.Relation.NOT_CLEARLY_AHEAD, ()),
    ],
)
def test_qualitative_results_have_no_invented_numbers(
    muse: lb.Launch, benchmark: str, relation: lb.Relation, versus: tuple[str, ...]
) -> None:
    """ARC AGI 2, LiveCodeBench Pro and agentic coding are typed comparisons without a score."""
    results = [r for r in muse.results if r.benchmark == benchmark]
    assert [("muse-spark", None)] == [(r.model, r.score) for r in results]
    assert (lb.Comparison(relation=relation, versus=versus),) == results[0].comparisons
    assert results[0].claim


def test_health_post_training_with_physicians(muse: lb.Launch) -> None:
    """The HealthBench Hard result carries the post-training with more than 1,000 physicians."""
    health = next(
        r for r in muse.results if (r.benchmark, r.model) == ("healthbench-hard", "muse-spark")
    )
    assert "more than 1,000 physicians" in (health.claim or "")


def test_quoted_claims_are_the_articles_words_verbatim(muse: lb.Launch) -> None:
    """Every claim marked as the source's exact words is a passage of the article, word for word."""
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not at {ARTICLE}")
    article = normal(ARTICLE.read_text("utf-8"))
    quoted = [r for r in muse.results if r.quoted]
    assert quoted
    assert [] == [
        (r.benchmark, r.model, r.claim)
        for r in quoted
        if r.claim is None or normal(r.claim) not in article
    ]


def test_every_claim_is_quoted(muse: lb.Launch) -> None:
    """Each claim of the record is the article's own words, so each is marked quoted."""
    claims = [(r.benchmark, r.quoted) for r in muse.results if r.claim is not None]
    assert [
        ("mmmu-pro", True),
        ("simplevqa", True),
        ("healthbench-hard", True),
        ("arc-agi-2", True),
        ("livecodebench-pro", True),
        ("agentic-coding", True),
    ] == claims


def test_json_dump_has_every_article_number_and_no_other_score(muse: lb.Launch) -> None:
    """The JSON dump holds every score of the article and no score that is not in it."""
    data = json.loads(lb.dumps(muse, "json"))
    scores = sorted(result["score"] for result in data["results"] if "score" in result)
    assert sorted(ARTICLE_SCORES.values()) == scores

    def numbers(value: Any) -> list[float]:
        if isinstance(value, bool):
            return []
        if isinstance(value, (int, float)):
            return [value]
        if isinstance(value, dict):
            return [n for item in value.values() for n in numbers(item)]
        if isinstance(value, list):
            return [n for item in value for n in numbers(item)]
        return []

    # Besides the scores, the only numbers are the schema version and the mode orders.
    others = sorted(numbers(data))
    for score in scores:
        others.remove(score)
    assert sorted([lb.SCHEMA_VERSION, 1, 2, 3]) == others


# --------------------------------------------------------------------------- safety and more


def test_safety_findings(muse: lb.Launch) -> None:
    """Scaling-framework verdict and weapons refusal (internal); Apollo's evaluation awareness (third party, not a blocker)."""
    by_id = {finding.id: finding for finding in muse.safety}
    framework = by_id["scaling-framework"]
    assert (lb.Evaluation.INTERNAL, "Meta") == (framework.evaluation, framework.evaluator)
    assert "Advanced AI Scaling Framework" in (framework.framework or "")
    assert "within safe deployment margins" in (framework.outcome or "")
    weapons = by_id["weapons-refusal"]
    assert "biological and chemical weapons" == weapons.domain
    assert "refusal" in (weapons.outcome or "")
    apollo = by_id["evaluation-awareness"]
    assert (lb.Evaluation.THIRD_PARTY, "Apollo Research", False) == (
        apollo.evaluation,
        apollo.evaluator,
        apollo.release_blocker,
    )
    assert "evaluation awareness" in (apollo.outcome or "")
    assert 3 == len(muse.safety)


def test_use_cases(muse: lb.Launch) -> None:
    """The three use cases Meta highlights."""
    assert [
        "Turning a prompt into a playable web game.",
        "Interpreting a shelf of food items visually.",
        "Layering personalized health context over images.",
    ] == [use_case.description for use_case in muse.use_cases]


@pytest.mark.parametrize(
    "phrase",
    [
        "personal superintelligence",
        "Llama 4",
        "Shopping and platform-native recommendations",
        "Distribution",
        "long-horizon agentic systems and coding workflows",
        "vendor-selected comparisons",
        "talent war",
    ],
)
def test_strategic_context(phrase: str) -> None:
    """The strategic context of the article is recorded as insights."""
    texts = " ".join(insight.text for insight in lb.load("muse-spark").insights)
    assert " ".join(phrase.split()) in " ".join(texts.split())


def test_insight_kinds(muse: lb.Launch) -> None:
    """Insights cover strategy, context, strengths, a weakness, risks and takeaways."""
    assert {
        lb.InsightKind.STRATEGY,
        lb.InsightKind.CONTEXT,
        lb.InsightKind.STRENGTH,
        lb.InsightKind.WEAKNESS,
        lb.InsightKind.RISK,
        lb.InsightKind.TAKEAWAY,
    } == {insight.kind for insight in muse.insights}


# --------------------------------------------------------------------------- provenance


def test_sources_are_the_article_and_what_it_cites(muse: lb.Launch) -> None:
    """Sources: the article, Reuters, Axios, The Verge, Business Insider, Meta's materials and chart."""
    assert {
        "Source article": lb.SourceKind.PRESS,
        "Reuters": lb.SourceKind.PRESS,
        "Axios": lb.SourceKind.PRESS,
        "The Verge": lb.SourceKind.PRESS,
        "Business Insider": lb.SourceKind.PRESS,
        "Meta launch materials": lb.SourceKind.VENDOR,
        "Meta benchmark chart": lb.SourceKind.VENDOR,
    } == {source.name: source.kind for source in muse.sources}


def test_sources_have_no_invented_links_or_dates(muse: lb.Launch) -> None:
    """The article gives no links or dates for its sources, so the record has none."""
    assert [(None, None)] * len(muse.sources) == [(s.url, s.published) for s in muse.sources]


def test_every_claim_bearing_record_cites_a_source(muse: lb.Launch) -> None:
    """Developer, modes, surfaces, models, benchmarks, results, findings, use cases and insights all cite sources."""
    records: list[Any] = [muse.developer]
    for collection in (
        muse.modes,
        muse.surfaces,
        muse.models,
        muse.benchmarks,
        muse.results,
        muse.safety,
        muse.use_cases,
        muse.insights,
    ):
        records.extend(collection)
    uncited = [record for record in records if not record.sources]
    assert [] == uncited


def test_scores_cite_the_benchmark_chart(muse: lb.Launch) -> None:
    """Every score cites Meta's benchmark chart, where the numbers come from."""
    assert all("meta-chart" in r.sources for r in muse.results if r.score is not None)


def test_the_record_is_valid_and_round_trips(muse: lb.Launch) -> None:
    """The built-in record passes validation and survives every format, numbers as written."""
    for fmt in ("yaml", "json", "toml"):
        again = lb.loads(lb.dumps(muse, fmt), fmt)
        assert muse == again
        assert [r.score.text for r in muse.results if isinstance(r.score, Score)] == [
            r.score.text for r in again.results if isinstance(r.score, Score)
        ]


def test_the_launched_model_cites_the_chart_and_the_launch(muse: lb.Launch) -> None:
    """The launched model's entry cites Meta's chart, launch materials and the article."""
    assert ("meta-chart", "meta-launch", "article") == muse.lead_model.sources
