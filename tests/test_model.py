"""Tests of the launch record: field validators, cross-reference checks, immutability.

Also the schema-2 parts: launched models, cohorts and settings (and which settings win),
points bounds and percentiles, free keys, specs, licences, dated events, and Score,
the number that remembers how it was written.
"""

from __future__ import annotations

import json
import math
import pickle
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import launchbrief as lb
from launchbrief.model import MAX_SCORE, FieldValueError, Score, launch_problems, written
from tests.strategies import launches


def make_launch(**changes: Any) -> lb.Launch:
    """A small valid launch, with ``changes`` applied to its fields."""
    fields: dict[str, Any] = {
        "id": "alpha-launch",
        "title": "Alpha launches",
        "developer": lb.Developer(name="Acme", sources=("press",)),
        "modes": (lb.Mode(id="fast", name="Fast", order=1),),
        "models": (
            lb.Model(id="alpha", name="Alpha", launched=True, sources=("vendor",)),
            lb.Model(id="beta", name="Beta", variant="High"),
        ),
        "cohorts": (
            lb.Cohort(id="base", name="Base models", settings=lb.Settings(shots=5)),
            lb.Cohort(id="instruct", name="Instruct models"),
        ),
        "benchmarks": (
            lb.Benchmark(id="bench", name="Bench", category="reasoning"),
            lb.Benchmark(id="ratio", name="Ratio", category="health", scale=lb.Scale.FRACTION),
            lb.Benchmark(id="arena", name="Arena", category="chat", scale=lb.Scale.ELO),
            lb.Benchmark(id="mt", name="MT", category="chat", scale=lb.Scale.POINTS, min=0, max=10),
            lb.Benchmark(id="cf", name="CF", category="coding", scale=lb.Scale.PERCENTILE),
        ),
        "results": (lb.Result(benchmark="bench", model="alpha", score=50.0, sources=("press",)),),
        "sources": (
            lb.Source(id="press", name="Press", kind=lb.SourceKind.PRESS),
            lb.Source(id="vendor", name="Vendor", kind=lb.SourceKind.VENDOR),
        ),
    }
    fields.update(changes)
    return lb.Launch(**fields)


def problems_of(**changes: Any) -> set[tuple[str, str]]:
    """The (path, message) pairs of the InvalidLaunchError that ``make_launch`` raises."""
    with pytest.raises(lb.InvalidLaunchError) as caught:
        make_launch(**changes)
    return {(problem.path, problem.message) for problem in caught.value.problems}


# --------------------------------------------------------------------------- field validators


@pytest.mark.parametrize(
    "bad_id", ["", "Bad", "has space", "-lead", "trail-", "a..b", "../../x", "é", "x" * 101, 7]
)
def test_bad_ids_are_rejected(bad_id: Any) -> None:
    """An id that is not a lowercase slug of at most 100 characters is refused, naming the field."""
    with pytest.raises(FieldValueError) as caught:
        lb.Source(id=bad_id, name="S", kind=lb.SourceKind.PRESS)
    assert "id" == caught.value.field
    assert "is not a valid id" in caught.value.message


@pytest.mark.parametrize("good_id", ["a", "7", "gpt-5-4", "a.b_c-d", "x" * 100])
def test_good_ids_are_accepted(good_id: str) -> None:
    """Lowercase letters, digits, '-', '_' and '.' make a valid id."""
    assert good_id == lb.Source(id=good_id, name="S", kind=lb.SourceKind.PRESS).id


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u3000"])
def test_blank_text_is_rejected(blank: str) -> None:
    """Required and optional text fields refuse empty or whitespace-only text."""
    with pytest.raises(FieldValueError) as caught:
        lb.Developer(name=blank)
    assert ("name", "must not be empty") == (caught.value.field, caught.value.message)
    with pytest.raises(FieldValueError):
        lb.Developer(name="Acme", division=blank)


def test_optional_text_may_be_none() -> None:
    """An optional text field accepts None: unknown facts are absent, not guessed."""
    assert None is lb.Developer(name="Acme", division=None).division


def test_blank_text_in_lists_is_rejected() -> None:
    """A list of texts such as capabilities refuses an empty entry."""
    with pytest.raises(FieldValueError) as caught:
        lb.Model(id="alpha", name="Alpha", capabilities=("tool use", "  "))
    assert ("capabilities", "must not be empty") == (caught.value.field, caught.value.message)


@pytest.mark.parametrize("text", ["broken \ud800 escape", "\udfff"])
def test_lone_surrogates_are_rejected(text: str) -> None:
    """Text holding half a character (a lone surrogate) is refused: no file could hold it."""
    with pytest.raises(FieldValueError) as caught:
        lb.Developer(name=text)
    assert "holds half a character" in caught.value.message


@pytest.mark.parametrize("score", [math.nan, math.inf, -math.inf])
def test_non_finite_scores_are_rejected(score: float) -> None:
    """NaN and infinities are not scores."""
    with pytest.raises(FieldValueError) as caught:
        lb.Result(benchmark="bench", model="alpha", score=score)
    assert "score" == caught.value.field
    assert "must be a finite number" in caught.value.message


def test_result_mode_must_be_a_slug() -> None:
    """A result's optional mode, when given, must be a valid id."""
    with pytest.raises(FieldValueError):
        lb.Result(benchmark="bench", model="alpha", mode="Deep Mode", score=1.0)


def test_field_value_error_is_a_value_error() -> None:
    """Field errors are ValueErrors, so cattrs collects them with the others."""
    assert issubclass(FieldValueError, ValueError)


# --------------------------------------------------------------------------- records


def test_launch_is_frozen() -> None:
    """A launch and its parts cannot be changed after they are built."""
    launch = make_launch()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        launch.title = "Changed"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        launch.models[0].name = "Changed"  # type: ignore[misc]


def test_fields_are_keyword_only() -> None:
    """Records are built with keywords only, so field order can change safely."""
    with pytest.raises(TypeError):
        lb.Developer("Acme")  # type: ignore[call-arg]


def test_schema_version_defaults_to_current() -> None:
    """A launch built without a schema version has the current one."""
    assert lb.SCHEMA_VERSION == make_launch().schema_version


def test_equal_records_are_equal_and_hashable() -> None:
    """Two launches built from the same facts are equal and hash alike."""
    assert make_launch() == make_launch()
    assert hash(make_launch()) == hash(make_launch())


def test_lookups_find_records_by_id() -> None:
    """model, cohort, benchmark and source find records by id; launched and lead_model the launched."""
    launch = make_launch()
    assert "Beta" == launch.model("beta").name
    assert "Base models" == launch.cohort("base").name
    assert lb.Scale.FRACTION == launch.benchmark("ratio").scale
    assert lb.SourceKind.VENDOR == launch.source("vendor").kind
    assert ("alpha",) == tuple(model.id for model in launch.launched)
    assert "alpha" == launch.lead_model.id


def test_launched_models_keep_their_order_and_the_first_leads() -> None:
    """Several launched models: ``launched`` in the record's order, ``lead_model`` the first."""
    models = (
        lb.Model(id="rival", name="Rival"),
        lb.Model(id="small", name="Small", launched=True),
        lb.Model(id="alpha", name="Alpha", launched=True),
        lb.Model(id="beta", name="Beta"),
    )
    launch = make_launch(models=models)
    assert ["small", "alpha"] == [model.id for model in launch.launched]
    assert "small" == launch.lead_model.id


def test_a_launch_may_launch_fifty_models() -> None:
    """A family of fifty launched models and one rival is a valid launch."""
    models = tuple(lb.Model(id=f"m{n}", name=f"M{n}", launched=True) for n in range(50))
    launch = make_launch(
        models=(*models, lb.Model(id="alpha", name="A"), lb.Model(id="beta", name="B"))
    )
    assert 50 == len(launch.launched)


@pytest.mark.parametrize("lookup", ["model", "cohort", "benchmark", "source"])
def test_lookups_raise_key_error_for_unknown_ids(lookup: str) -> None:
    """Looking up an unknown id raises KeyError."""
    with pytest.raises(KeyError):
        getattr(make_launch(), lookup)("nope")


def test_model_label_adds_variant() -> None:
    """A model's label is its name followed by its variant, if any."""
    assert ("Beta High", "Alpha") == (
        lb.Model(id="b", name="Beta", variant="High").label,
        lb.Model(id="a", name="Alpha").label,
    )


def test_compared_model_is_the_old_name_of_model() -> None:
    """``ComparedModel`` still names the model class, so schema-1 code keeps importing."""
    assert lb.ComparedModel is lb.Model
    assert not lb.Model(id="a", name="A").launched


def test_enum_labels_and_bounds() -> None:
    """Enums give readable labels and the bounds of bounded scales."""
    assert "rolling out" == lb.RolloutStatus.ROLLING_OUT.label
    assert "not clearly ahead of" == lb.Relation.NOT_CLEARLY_AHEAD.label
    assert "on par with" == lb.Relation.ON_PAR.label
    assert (0.0, 100.0) == lb.Scale.PERCENT.bounds
    assert (0.0, 1.0) == lb.Scale.FRACTION.bounds
    assert (0.0, 100.0) == lb.Scale.PERCENTILE.bounds
    assert None is lb.Scale.POINTS.bounds
    assert None is lb.Scale.ELO.bounds
    assert "status not given" == lb.RolloutStatus.UNKNOWN.label
    assert {"weights", "hub", "cloud", "runtime"} <= {kind.value for kind in lb.SurfaceKind}


def test_statuses_default_to_unknown() -> None:
    """A surface or mode whose status the source does not give is unknown, never assumed live."""
    surface = lb.Surface(id="s", name="S", kind=lb.SurfaceKind.WEIGHTS, note="gated")
    mode = lb.Mode(id="m", name="M", order=1)
    assert (lb.RolloutStatus.UNKNOWN, lb.RolloutStatus.UNKNOWN) == (surface.status, mode.status)
    assert "status not given" == surface.availability
    assert (
        "status not given, soon" == lb.Mode(id="m", name="M", order=1, timing="soon").availability
    )


@pytest.mark.parametrize(
    ("benchmark", "bounds"),
    [
        (lb.Benchmark(id="b", name="B", category="c"), (0.0, 100.0)),
        (lb.Benchmark(id="b", name="B", category="c", scale=lb.Scale.PERCENTILE), (0.0, 100.0)),
        (lb.Benchmark(id="b", name="B", category="c", scale=lb.Scale.FRACTION), (0.0, 1.0)),
        (lb.Benchmark(id="b", name="B", category="c", scale=lb.Scale.POINTS), None),
        (
            lb.Benchmark(id="b", name="B", category="c", scale=lb.Scale.POINTS, min=0, max=10),
            (0, 10),
        ),
        (lb.Benchmark(id="b", name="B", category="c", scale=lb.Scale.ELO, min=1000), None),
    ],
)
def test_benchmark_bounds(benchmark: lb.Benchmark, bounds: tuple[float, float] | None) -> None:
    """A benchmark's bounds: its scale's, or its own min and max when both are given."""
    assert bounds == benchmark.bounds


def test_announced_is_the_first_announced_event() -> None:
    """``announced`` is the first event named announced (any case); None when there is none."""
    dates = (
        lb.DatedEvent(event="weights released", date=date(2026, 3, 5)),
        lb.DatedEvent(event=" Announced ", date=date(2026, 3, 4), sources=("vendor",)),
        lb.DatedEvent(event="announced", date=date(2026, 3, 2), sources=("press",)),
    )
    assert date(2026, 3, 4) == make_launch(dates=dates).announced
    assert None is make_launch(dates=dates[:1]).announced
    assert None is make_launch().announced


# --------------------------------------------------------------------------- cross-references


@pytest.mark.parametrize(
    ("collection", "kind", "records"),
    [
        (
            "sources",
            "source",
            (
                lb.Source(id="press", name="A", kind=lb.SourceKind.PRESS),
                lb.Source(id="vendor", name="V", kind=lb.SourceKind.VENDOR),
                lb.Source(id="press", name="B", kind=lb.SourceKind.PRESS),
            ),
        ),
        (
            "models",
            "model",
            (
                lb.Model(id="alpha", name="A", launched=True),
                lb.Model(id="beta", name="B"),
                lb.Model(id="beta", name="C"),
            ),
        ),
        (
            "cohorts",
            "cohort",
            (
                lb.Cohort(id="base", name="A"),
                lb.Cohort(id="instruct", name="B"),
                lb.Cohort(id="base", name="C"),
            ),
        ),
        (
            "benchmarks",
            "benchmark",
            (
                lb.Benchmark(id="bench", name="A", category="c"),
                lb.Benchmark(id="x", name="X", category="c"),
                lb.Benchmark(id="x", name="Y", category="c"),
            ),
        ),
        (
            "modes",
            "mode",
            (
                lb.Mode(id="fast", name="A", order=1),
                lb.Mode(id="deep", name="B", order=2),
                lb.Mode(id="deep", name="C", order=3),
            ),
        ),
        (
            "surfaces",
            "surface",
            tuple(
                lb.Surface(id=i, name="S", kind=lb.SurfaceKind.APP, status=lb.RolloutStatus.LIVE)
                for i in ("app", "web", "app")
            ),
        ),
        (
            "safety",
            "safety finding",
            tuple(
                lb.SafetyFinding(id=i, title="T", evaluator="E", evaluation=lb.Evaluation.INTERNAL)
                for i in ("f", "g", "f")
            ),
        ),
        ("use_cases", "use case", tuple(lb.UseCase(id=i, title="T") for i in ("u", "v", "u"))),
        (
            "insights",
            "insight",
            tuple(lb.Insight(id=i, kind=lb.InsightKind.RISK, text="T") for i in ("i", "j", "i")),
        ),
    ],
)
def test_duplicate_ids_are_reported(collection: str, kind: str, records: tuple[Any, ...]) -> None:
    """A duplicate id in any collection is reported at the second use, naming the first."""
    duplicate = records[2].id
    first = next(i for i, record in enumerate(records) if record.id == duplicate)
    expected = (
        f"{collection}[2].id",
        f"duplicate {kind} id {duplicate!r} (first used at {collection}[{first}])",
    )
    assert {expected} == problems_of(**{collection: records})


def test_unknown_source_is_reported_with_suggestion() -> None:
    """A cited source id that does not exist is reported with the known ids and a close match."""
    developer = lb.Developer(name="Acme", sources=("pres",))
    assert {
        (
            "developer.sources[0]",
            "unknown source 'pres' (known: press, vendor; did you mean 'press'?)",
        )
    } == problems_of(developer=developer)


def test_unknown_reference_without_close_match_has_no_suggestion() -> None:
    """An id with no close match lists the known ids and suggests nothing."""
    result = lb.Result(benchmark="bench", model="zzzzzz", score=1.0)
    assert {("results[0].model", "unknown model 'zzzzzz' (known: alpha, beta)")} == problems_of(
        results=(result,)
    )


def test_known_ids_list_is_shortened_after_six() -> None:
    """Only the first six known ids are listed, then how many more there are."""
    models = tuple(lb.Model(id=f"m{i}", name=f"M{i}", launched=i == 0) for i in range(8))
    result = lb.Result(benchmark="bench", model="zz", score=1.0)
    assert {
        ("results[0].model", "unknown model 'zz' (known: m0, m1, m2, m3, m4, m5, … 2 more)")
    } == problems_of(models=models, results=(result,))


def test_reference_to_empty_collection_says_none_defined() -> None:
    """A mode reference when no modes are defined says so."""
    result = lb.Result(benchmark="bench", model="alpha", mode="deep", score=1.0)
    assert {("results[0].mode", "unknown mode 'deep' (no modes are defined)")} == problems_of(
        modes=(), results=(result,)
    )


def test_every_dangling_reference_is_reported_at_once() -> None:
    """Unknown benchmark, model, mode, cohort, versus and source ids all come out together."""
    result = lb.Result(
        benchmark="bnch",
        model="alpah",
        mode="fats",
        cohort="instrct",
        comparisons=(lb.Comparison(relation=lb.Relation.TRAILS, versus=("bet",)),),
        sources=("vendr",),
    )
    assert {
        (
            "results[0].benchmark",
            "unknown benchmark 'bnch' (known: arena, bench, cf, mt, ratio; did you mean 'bench'?)",
        ),
        (
            "results[0].cohort",
            "unknown cohort 'instrct' (known: base, instruct; did you mean 'instruct'?)",
        ),
        ("results[0].model", "unknown model 'alpah' (known: alpha, beta; did you mean 'alpha'?)"),
        ("results[0].mode", "unknown mode 'fats' (known: fast; did you mean 'fast'?)"),
        (
            "results[0].comparisons[0].versus[0]",
            "unknown model 'bet' (known: alpha, beta; did you mean 'beta'?)",
        ),
        (
            "results[0].sources[0]",
            "unknown source 'vendr' (known: press, vendor; did you mean 'vendor'?)",
        ),
    } == problems_of(results=(result,))


def test_sources_of_every_claim_bearing_record_are_checked() -> None:
    """Source ids are checked on every record that makes a claim: dates, licences, cohorts too."""
    bad = ("nope",)
    changes = {
        "modes": (lb.Mode(id="fast", name="F", order=1, sources=bad),),
        "surfaces": (
            lb.Surface(
                id="app",
                name="App",
                kind=lb.SurfaceKind.APP,
                status=lb.RolloutStatus.LIVE,
                sources=bad,
            ),
        ),
        "models": (
            lb.Model(
                id="alpha",
                name="A",
                launched=True,
                license=lb.License(name="L", sources=bad),
                sources=bad,
            ),
        ),
        "cohorts": (lb.Cohort(id="base", name="B", sources=bad),),
        "dates": (lb.DatedEvent(event="announced", date=date(2026, 4, 8), sources=bad),),
        "license": lb.License(name="Open", open_weights=True, sources=bad),
        "benchmarks": (lb.Benchmark(id="bench", name="B", category="c", sources=bad),),
        "safety": (
            lb.SafetyFinding(
                id="f", title="T", evaluator="E", evaluation=lb.Evaluation.INTERNAL, sources=bad
            ),
        ),
        "use_cases": (lb.UseCase(id="u", title="U", sources=bad),),
        "insights": (lb.Insight(id="i", kind=lb.InsightKind.RISK, text="T", sources=bad),),
        "results": (lb.Result(benchmark="bench", model="alpha", score=1.0, sources=bad),),
    }
    expected_paths = {
        "modes[0].sources[0]",
        "surfaces[0].sources[0]",
        "models[0].sources[0]",
        "models[0].license.sources[0]",
        "cohorts[0].sources[0]",
        "dates[0].sources[0]",
        "license.sources[0]",
        "results[0].sources[0]",
        "benchmarks[0].sources[0]",
        "safety[0].sources[0]",
        "use_cases[0].sources[0]",
        "insights[0].sources[0]",
    }
    assert expected_paths == {path for path, _message in problems_of(**changes)}


@pytest.mark.parametrize(
    ("benchmark", "score", "scale_words"),
    [
        ("bench", 100.5, "percent scale of benchmark 'bench' (0 to 100)"),
        ("bench", -0.1, "percent scale of benchmark 'bench' (0 to 100)"),
        ("ratio", 1.01, "fraction scale of benchmark 'ratio' (0 to 1)"),
        ("ratio", 86.4, "fraction scale of benchmark 'ratio' (0 to 1)"),
        ("cf", 100.1, "percentile scale of benchmark 'cf' (0 to 100)"),
        ("cf", -1.0, "percentile scale of benchmark 'cf' (0 to 100)"),
        ("mt", 10.5, "points scale of benchmark 'mt' (0 to 10)"),
        ("mt", -0.5, "points scale of benchmark 'mt' (0 to 10)"),
    ],
)
def test_score_outside_scale_is_reported(benchmark: str, score: float, scale_words: str) -> None:
    """A score outside a bounded scale is reported with the scale and its bounds."""
    result = lb.Result(benchmark=benchmark, model="alpha", score=score)
    assert {("results[0].score", f"{written(score)} is outside the {scale_words}")} == problems_of(
        results=(result,)
    )


@pytest.mark.parametrize(
    ("benchmark", "score"),
    [
        ("bench", 0.0),
        ("bench", 100.0),
        ("ratio", 0.0),
        ("ratio", 1.0),
        ("arena", -MAX_SCORE),
        ("cf", 0.0),
        ("cf", 100.0),
        ("mt", 0.0),
        ("mt", 10.0),
    ],
)
def test_scores_at_scale_edges_are_accepted(benchmark: str, score: float) -> None:
    """Scores at the edges of a bounded scale, and any finite score on an open one, are valid."""
    result = lb.Result(benchmark=benchmark, model="alpha", score=score)
    assert score == make_launch(results=(result,)).results[0].score


def test_result_needs_score_comparison_or_claim() -> None:
    """A result with no score, no comparison and no claim says nothing and is refused."""
    result = lb.Result(benchmark="bench", model="alpha")
    assert {
        ("results[0]", "a result needs a score, a comparison or a claim in the source's words")
    } == problems_of(results=(result,))


def test_result_with_only_a_claim_is_valid() -> None:
    """A result may rest on the source's words alone."""
    result = lb.Result(benchmark="bench", model="alpha", claim="does well")
    assert None is make_launch(results=(result,)).results[0].score


QUOTED_WITHOUT_CLAIM = (
    "marked as the source's exact words, but there is no claim: give the words in `claim`,"
    " or set `quoted` to false"
)


def test_claim_is_a_paraphrase_unless_quoted() -> None:
    """A claim is a paraphrase by default; ``quoted=True`` marks the source's exact words."""
    paraphrase = lb.Result(benchmark="bench", model="alpha", claim="does well")
    exact = lb.Result(benchmark="bench", model="beta", claim="does well", quoted=True)
    launch = make_launch(results=(paraphrase, exact))
    assert [False, True] == [result.quoted for result in launch.results]


def test_quoted_without_a_claim_is_reported_at_quoted() -> None:
    """``quoted=True`` with no claim to quote is an error located at the result's ``quoted``."""
    results = (
        lb.Result(benchmark="bench", model="alpha", score=50.0),
        lb.Result(benchmark="bench", model="beta", score=40.0, quoted=True),
    )
    assert {("results[1].quoted", QUOTED_WITHOUT_CLAIM)} == problems_of(results=results)


def test_quoted_without_a_claim_is_reported_on_plain_data() -> None:
    """The check also runs on the plain data of a file, beside the type checks."""
    data = {"results": [{"benchmark": "b", "model": "m", "comparisons": [], "quoted": True}]}
    assert ("results[0].quoted", QUOTED_WITHOUT_CLAIM) in launch_problems(data)


def test_second_result_for_same_model_benchmark_and_mode_is_reported() -> None:
    """Two results for one (benchmark, model, mode) are a duplicate, reported at the second."""
    results = (
        lb.Result(benchmark="bench", model="alpha", mode="fast", score=1.0),
        lb.Result(benchmark="bench", model="alpha", score=2.0),
        lb.Result(benchmark="bench", model="alpha", mode="fast", score=3.0),
    )
    assert {
        (
            "results[2]",
            "a second result for model 'alpha' on benchmark 'bench' in mode 'fast'"
            " (first at results[0])",
        )
    } == problems_of(results=results)


def test_model_cannot_be_compared_with_itself() -> None:
    """A comparison whose versus names the result's own model is refused."""
    result = lb.Result(
        benchmark="bench",
        model="alpha",
        comparisons=(lb.Comparison(relation=lb.Relation.LEADS, versus=("beta", "alpha")),),
    )
    assert {
        (
            "results[0].comparisons[0].versus[1]",
            "a model cannot be compared with itself ('alpha')",
        )
    } == problems_of(results=(result,))


@pytest.mark.parametrize("order", [0, -3])
def test_mode_order_starts_at_one(order: int) -> None:
    """A mode's order runs from 1 (fastest); 0 and negatives are refused."""
    assert {("modes[0].order", f"must be 1 or more, got {order}")} == problems_of(
        modes=(lb.Mode(id="fast", name="Fast", order=order),)
    )


def test_other_schema_version_is_refused() -> None:
    """A record written for another schema version is refused with both versions named."""
    assert {
        (
            "schema_version",
            "this launchbrief reads schema versions 1 and 2, the record has 99",
        )
    } == problems_of(schema_version=99)


def test_launch_problems_works_on_plain_data() -> None:
    """The cross-reference checks also run on the plain mapping a file holds."""
    data = {
        "models": [{"id": "alpha", "launched": True}, {"id": "alpha"}],
        "cohorts": [{"id": "base"}],
        "benchmarks": [
            {"id": "bench", "scale": "fraction"},
            {"id": "mt", "scale": "points", "min": 0, "max": 10},
        ],
        "results": [
            {"benchmark": "bench", "model": "alpha", "score": 2},
            {"benchmark": "mt", "model": "alpha", "cohort": "bse", "score": 11},
        ],
    }
    assert [
        ("models[1].id", "duplicate model id 'alpha' (first used at models[0])"),
        ("results[0].score", "2 is outside the fraction scale of benchmark 'bench' (0 to 1)"),
        ("results[1].cohort", "unknown cohort 'bse' (known: base; did you mean 'base'?)"),
        ("results[1].score", "11 is outside the points scale of benchmark 'mt' (0 to 10)"),
    ] == launch_problems(data)


def test_launch_problems_skips_values_of_the_wrong_type() -> None:
    """Wrongly typed values are left to the type checks instead of crashing the cross-checks."""
    data = {
        "models": "not a list",
        "results": [7, {"benchmark": 3, "model": None, "score": "n/a"}],
        "modes": [{"id": "m", "order": "first"}],
    }
    assert [] == launch_problems(data)


def test_invalid_launch_error_lists_every_problem() -> None:
    """The error's message counts the problems and lists each on its own line."""
    with pytest.raises(lb.InvalidLaunchError) as caught:
        make_launch(modes=(lb.Mode(id="fast", name="F", order=0),), schema_version=3)
    message = str(caught.value)
    assert message.startswith("invalid launch record (2 problems):\n")
    assert 3 == len(message.splitlines())


def test_error_classes_inherit_builtins() -> None:
    """Errors share one base and also inherit the matching built-in exception."""
    assert issubclass(lb.InvalidLaunchError, lb.LaunchbriefError)
    assert issubclass(lb.InvalidLaunchError, ValueError)
    assert issubclass(lb.UnknownFormatError, lb.LaunchbriefError)
    assert issubclass(lb.UnknownFormatError, LookupError)
    assert issubclass(lb.ExportError, lb.LaunchbriefError)


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (lb.Problem("bad", "a.b", "f.yaml", 3, 7), "f.yaml:3:7: a.b: bad"),
        (lb.Problem("bad", "a.b", "f.toml"), "f.toml: a.b: bad"),
        (lb.Problem("bad", "", "f.json", 1), "f.json:1: bad"),
        (
            lb.Problem("bad", "x", "b.xlsx", cell="Results!F12 (score)"),
            "b.xlsx: Results!F12 (score): x: bad",
        ),
        (lb.Problem("bad"), "bad"),
    ],
)
def test_problem_prints_as_file_line_column_path_message(problem: lb.Problem, text: str) -> None:
    """A problem prints as file:line:column: path: message, leaving out what is unknown."""
    assert text == str(problem)


@given(launches())
def test_generated_launches_have_no_problems(launch: lb.Launch) -> None:
    """Every launch the shared strategy builds passes the cross-reference checks."""
    assert [] == launch_problems(launch)


# --------------------------------------------------------------------------- schema 2: checks


def test_a_launch_without_a_launched_model_is_refused() -> None:
    """Every model compared, none launched: the record says what it launches nowhere."""
    models = (lb.Model(id="alpha", name="Alpha"), lb.Model(id="beta", name="Beta"))
    assert {
        (
            "models",
            "no model is marked launched: give each model the launch releases `launched: true`",
        )
    } == problems_of(models=models, results=())


@pytest.mark.parametrize("scale", [lb.Scale.PERCENT, lb.Scale.FRACTION, lb.Scale.PERCENTILE])
def test_min_and_max_are_only_for_open_scales(scale: lb.Scale) -> None:
    """A scale bounded by definition refuses min and max of its own."""
    low, high = scale.bounds or (0.0, 0.0)
    benchmark = lb.Benchmark(id="bench", name="B", category="c", scale=scale, min=0)
    assert {
        (
            "benchmarks[0].min",
            f"a {scale.value} scale has fixed bounds ({low:g} to {high:g});"
            " min and max are for points and elo",
        )
    } == problems_of(benchmarks=(benchmark,), results=())
    benchmark = lb.Benchmark(id="bench", name="B", category="c", scale=scale, max=1)
    assert {"benchmarks[0].max"} == {
        path for path, _ in problems_of(benchmarks=(benchmark,), results=())
    }


@pytest.mark.parametrize(("low", "high"), [(10, 10), (10, 0), (Score("9.50"), Score("9.5"))])
def test_min_must_be_below_max(low: float, high: float) -> None:
    """min and max of a points scale must leave room between them."""
    benchmark = lb.Benchmark(
        id="bench", name="B", category="c", scale=lb.Scale.POINTS, min=low, max=high
    )
    assert {
        ("benchmarks[0].max", f"must be more than min ({written(low)}), got {written(high)}")
    } == problems_of(benchmarks=(benchmark,), results=())


def test_one_bound_alone_leaves_the_scale_open() -> None:
    """A points scale with only a min (or only a max) bounds nothing: any finite score is valid."""
    benchmark = lb.Benchmark(id="bench", name="B", category="c", scale=lb.Scale.ELO, min=1000)
    result = lb.Result(benchmark="bench", model="alpha", score=12.0)
    launch = make_launch(benchmarks=(benchmark,), results=(result,))
    assert None is launch.benchmark("bench").bounds


def test_bounded_scores_are_checked_as_written() -> None:
    """Bounds and scores written with decimals are reported as written: 10.50 outside 0.0 to 10.0."""
    benchmark = lb.Benchmark(
        id="bench",
        name="B",
        category="c",
        scale=lb.Scale.POINTS,
        min=Score("0.0"),
        max=Score("10.0"),
    )
    result = lb.Result(benchmark="bench", model="alpha", score=Score("10.50"))
    assert {
        ("results[0].score", "10.50 is outside the points scale of benchmark 'bench' (0.0 to 10.0)")
    } == problems_of(benchmarks=(benchmark,), results=(result,))


def test_one_model_may_have_a_result_in_each_cohort() -> None:
    """The same model on the same benchmark in two cohorts is two results, not a duplicate."""
    results = (
        lb.Result(benchmark="bench", model="alpha", cohort="base", score=60.0),
        lb.Result(benchmark="bench", model="alpha", cohort="instruct", score=70.0),
        lb.Result(benchmark="bench", model="alpha", score=65.0),
    )
    assert 3 == len(make_launch(results=results).results)


def test_second_result_in_the_same_cohort_is_reported() -> None:
    """Two results for one (benchmark, model, mode, cohort) are a duplicate, naming the cohort."""
    results = (
        lb.Result(benchmark="bench", model="alpha", cohort="base", score=60.0),
        lb.Result(benchmark="bench", model="alpha", cohort="instruct", score=70.0),
        lb.Result(benchmark="bench", model="alpha", cohort="base", score=61.0),
        lb.Result(benchmark="bench", model="alpha", mode="fast", cohort="base", score=62.0),
        lb.Result(benchmark="bench", model="alpha", mode="fast", cohort="base", score=63.0),
    )
    assert {
        (
            "results[2]",
            "a second result for model 'alpha' on benchmark 'bench' in cohort 'base'"
            " (first at results[0])",
        ),
        (
            "results[4]",
            "a second result for model 'alpha' on benchmark 'bench' in mode 'fast'"
            " in cohort 'base' (first at results[3])",
        ),
    } == problems_of(results=results)


def test_unknown_cohort_without_cohorts_says_none_defined() -> None:
    """A cohort reference in a record with no cohorts says so."""
    result = lb.Result(benchmark="bench", model="alpha", cohort="base", score=1.0)
    assert {("results[0].cohort", "unknown cohort 'base' (no cohorts are defined)")} == problems_of(
        cohorts=(), results=(result,)
    )


# --------------------------------------------------------------------------- settings and specs


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("shots", -1, "must be 0 or more, got -1"),
        ("samples", 0, "must be 1 or more, got 0"),
        ("temperature", -0.1, "must be 0 or more, got -0.1"),
        ("top_p", 0.0, "must be above 0 and at most 1, got 0.0"),
        ("top_p", 1.5, "must be above 0 and at most 1, got 1.5"),
        ("top_p", Score("1.50"), "must be above 0 and at most 1, got 1.50"),
        ("top_p", math.nan, "must be a finite number, got nan"),
        ("harness", " ", "must not be empty"),
    ],
)
def test_settings_out_of_bounds_are_refused(field: str, value: Any, message: str) -> None:
    """Shots 0 or more, samples 1 or more, temperature 0 or more, top p in (0, 1]."""
    with pytest.raises(FieldValueError) as caught:
        lb.Settings(**{field: value})
    assert (field, message) == (caught.value.field, caught.value.message)


@pytest.mark.parametrize(
    ("field", "value"),
    [("shots", 0), ("samples", 1), ("temperature", 0.0), ("top_p", 1.0), ("top_p", 5e-324)],
)
def test_settings_at_their_bounds_are_accepted(field: str, value: Any) -> None:
    """0-shot, one sample, temperature 0 and top p 1 (or just above 0) are valid settings."""
    assert value == getattr(lb.Settings(**{field: value}), field)


@pytest.mark.parametrize(
    ("other", "message"),
    [
        (
            (("bad key", 1),),
            "'bad key' is not a usable key: use letters, digits and '_' (at most 64)",
        ),
        ((("1st", 1),), "'1st' is not a usable key"),
        ((("", 1),), "'' is not a usable key"),
        ((("k" * 65, 1),), "is not a usable key"),
        ((("pass@1", 1),), "'pass@1' is not a usable key"),
        ((("metric", "a"), ("metric", "b")), "the key 'metric' is given twice"),
        ((("metric", [1, 2]),), "'metric' must hold text, a number or true/false, got a list of 2"),
        ((("metric", {"a": 1}),), "'metric' must hold text, a number or true/false, got a mapping"),
        ((("metric", None),), "'metric' must hold text, a number or true/false, got None"),
        ((("metric", math.inf),), "'metric' must hold text, a number or true/false, got inf"),
    ],
)
def test_free_keys_must_be_names_with_scalar_values(other: Any, message: str) -> None:
    """A free key is a name (a letter, then letters, digits, '_'), once, with a scalar value."""
    for cls in (lb.Settings, lb.Specs):
        with pytest.raises(FieldValueError) as caught:
            cls(other=other)
        assert "other" == caught.value.field
        assert message in caught.value.message


def test_blank_free_text_is_refused_at_its_key() -> None:
    """Free text must not be blank either; the message names the key."""
    with pytest.raises(FieldValueError) as caught:
        lb.Settings(other=(("metric", "  "),))
    assert ("other.metric", "must not be empty") == (caught.value.field, caught.value.message)


def test_free_keys_hold_text_numbers_and_booleans() -> None:
    """Free keys take text, whole numbers, decimals and yes/no, and keep their order."""
    other = (("metric", "pass@1"), ("k", 8), ("weight", Score("0.50")), ("cot", True))
    assert other == lb.Settings(other=other).other == lb.Specs(other=other).other


def test_settings_items_list_named_keys_then_free_keys() -> None:
    """``items`` gives the named settings in field order, then the free ones as written."""
    settings = lb.Settings(
        other=(("metric", "pass@1"),), temperature=0.6, shots=0, chain_of_thought=False
    )
    assert (
        ("shots", 0),
        ("temperature", 0.6),
        ("chain_of_thought", False),
        ("metric", "pass@1"),
    ) == settings.items()
    assert settings
    assert not lb.Settings()


def test_settings_over_lets_the_specific_win() -> None:
    """``over`` keeps the base's keys, replaces those given again, and adds free keys after."""
    base = lb.Settings(shots=5, temperature=0.0, other=(("metric", "acc"), ("split", "test")))
    mine = lb.Settings(shots=0, top_p=0.95, other=(("metric", "pass@1"),))
    merged = mine.over(base)
    assert (0, 0.0, 0.95) == (merged.shots, merged.temperature, merged.top_p)
    assert (("split", "test"), ("metric", "pass@1")) == merged.other
    assert mine is mine.over(None)
    assert base == lb.Settings().over(base)


def test_launch_settings_take_cohort_then_benchmark_then_result() -> None:
    """A result's settings: its cohort's, overridden by its benchmark's, overridden by its own."""
    cohorts = (
        lb.Cohort(
            id="base",
            name="Base",
            settings=lb.Settings(shots=5, temperature=0.0, top_p=1.0, harness="cohort harness"),
        ),
        lb.Cohort(id="instruct", name="Instruct"),
    )
    benchmarks = (
        lb.Benchmark(
            id="bench",
            name="B",
            category="c",
            settings=lb.Settings(shots=3, temperature=0.7, other=(("metric", "acc"),)),
        ),
        lb.Benchmark(id="ratio", name="R", category="c", scale=lb.Scale.FRACTION),
    )
    results = (
        lb.Result(
            benchmark="bench",
            model="alpha",
            cohort="base",
            score=50.0,
            settings=lb.Settings(temperature=0.2, samples=4),
        ),
        lb.Result(benchmark="bench", model="beta", cohort="base", score=40.0),
        lb.Result(benchmark="ratio", model="alpha", cohort="base", score=0.5),
        lb.Result(benchmark="ratio", model="beta", score=0.5),
        lb.Result(benchmark="bench", model="beta", cohort="instruct", score=41.0),
    )
    launch = make_launch(cohorts=cohorts, benchmarks=benchmarks, results=results)
    full, cohort_and_benchmark, cohort_only, nothing, benchmark_only = (
        launch.settings(result) for result in results
    )
    assert (
        lb.Settings(
            shots=3,
            temperature=0.2,
            top_p=1.0,
            samples=4,
            harness="cohort harness",
            other=(("metric", "acc"),),
        )
        == full
    )
    assert (
        lb.Settings(
            shots=3,
            temperature=0.7,
            top_p=1.0,
            harness="cohort harness",
            other=(("metric", "acc"),),
        )
        == cohort_and_benchmark
    )
    assert cohorts[0].settings == cohort_only
    assert lb.Settings() == nothing
    assert benchmarks[0].settings == benchmark_only


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("parameters", -7e9, "must be more than 0, got -7000000000.0"),
        ("parameters", Score("-8e9"), "must be more than 0, got -8e9"),
        ("active_parameters", 0, "must be more than 0, got 0"),
        ("context_window", -1, "must be more than 0, got -1"),
        ("parameters", 1e16, "is too large"),
        ("architecture", "", "must not be empty"),
        ("knowledge_cutoff", " ", "must not be empty"),
    ],
)
def test_specs_out_of_bounds_are_refused(field: str, value: Any, message: str) -> None:
    """Sizes and context windows are positive and finite; texts are not blank."""
    with pytest.raises(FieldValueError) as caught:
        lb.Specs(**{field: value})
    assert field == caught.value.field
    assert message in caught.value.message


def test_specs_items_and_licence() -> None:
    """Specs list the named ones first, then free keys; a licence need only have a name."""
    specs = lb.Specs(
        architecture="mixture of experts",
        parameters=Score("400e9"),
        knowledge_cutoff="2025-12",
        other=(("layers", 62),),
    )
    assert [
        ("parameters", "400e9"),
        ("architecture", "mixture of experts"),
        ("knowledge_cutoff", "2025-12"),
        ("layers", "62"),
    ] == [
        (key, written(value) if not isinstance(value, str) else value)
        for key, value in specs.items()
    ]
    licence = lb.License(name="Apache 2.0")
    assert (None, None, ()) == (licence.open_weights, licence.url, licence.sources)
    with pytest.raises(FieldValueError):
        lb.License(name=" ")


def test_dated_event_needs_an_event_and_a_date() -> None:
    """A dated event names what happened; the date is required."""
    with pytest.raises(FieldValueError):
        lb.DatedEvent(event="", date=date(2026, 1, 1))
    with pytest.raises(TypeError):
        lb.DatedEvent(event="announced")  # type: ignore[call-arg]


# --------------------------------------------------------------------------- Score


@pytest.mark.parametrize(
    ("text", "value", "shown", "decimals", "exponent"),
    [
        ("85.20", 85.2, "85.20", 2, None),
        ("66.0", 66.0, "66.0", 1, None),
        ("66", 66.0, "66", 0, None),
        ("0.0007", 0.0007, "0.0007", 4, None),
        ("-0.10", -0.1, "-0.10", 2, None),
        ("+5.0", 5.0, "5.0", 1, None),
        (" 9.35 ", 9.35, "9.35", 2, None),
        ("8e9", 8e9, "8e9", None, "8e9"),
        ("400E+9", 400e9, "400e9", None, "400e9"),
        ("1.5e-3", 0.0015, "1.5e-3", None, "1.5e-3"),
        (".5", 0.5, "0.5", None, None),
        ("1e400", math.inf, "inf", None, "1e400"),
    ],
)
def test_score_remembers_how_it_was_written(
    text: str, value: float, shown: str, decimals: int | None, exponent: str | None
) -> None:
    """A Score is the number, and prints as the source wrote it: decimals kept, exponents kept."""
    score = Score(text)
    assert value == score
    assert (shown, decimals, exponent) == (score.text, score.decimals, score.exponent)
    assert shown == repr(score) == written(score)


def test_score_from_a_float_prints_like_the_float() -> None:
    """A Score made from a float has no written form: it prints as Python prints the float."""
    assert ("85.2", None) == (Score(85.2).text, Score(85.2).decimals)
    assert "1e-07" == Score(1e-7).text
    assert "5" == Score(5.0, 0).text
    assert "5.000" == Score(5.0, 3).text


def test_score_equals_and_hashes_like_the_float() -> None:
    """Score("85.20") == 85.2, hashes alike, and two writings of one number are equal."""
    assert Score("85.20") == 85.2 == Score("85.2")
    assert hash(Score("66.0")) == hash(66.0) == hash(66)
    assert {Score("66.0"): "x"}[66] == "x"
    assert Score("85.20") < Score("85.3")
    assert isinstance(Score("1.5"), float)


def test_score_arithmetic_gives_plain_floats() -> None:
    """Arithmetic on Scores gives floats: a difference has no written form to keep."""
    difference = Score("42.8") - Score("14.8")
    assert type(difference) is float
    assert 28.0 == round(difference, 9)


@pytest.mark.parametrize("text", ["85.20", "66.0", "0.0007", "8e9", "-0.10", "66"])
def test_score_survives_pickling_and_copying(text: str) -> None:
    """A pickled Score comes back written the same way (so multiprocessing keeps it)."""
    import copy

    score = Score(text)
    for again in (pickle.loads(pickle.dumps(score)), copy.deepcopy(score), copy.copy(score)):
        assert isinstance(again, Score)
        assert (score.text, score) == (again.text, again)


def test_written_prints_any_number_as_written() -> None:
    """``written`` gives a Score's text, and a plain number as Python prints it."""
    assert ["85.20", "66.0", "7", "7.0", "0.0007"] == [
        written(n) for n in (Score("85.20"), 66.0, 7, 7.0, 0.0007)
    ]


def test_scores_keep_their_writing_on_records() -> None:
    """A record keeps the very Score it was given: validators do not turn it into a float."""
    result = lb.Result(benchmark="bench", model="alpha", score=Score("85.20"))
    launch = make_launch(results=(result,))
    score = launch.results[0].score
    assert isinstance(score, Score)
    assert "85.20" == score.text


@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False).map(json.dumps),
        st.from_regex(r"-?(0|[1-9][0-9]{0,20})\.[0-9]{1,25}", fullmatch=True),
        st.from_regex(r"-?(0|[1-9][0-9]{0,5})(\.[0-9]{1,5})?[eE][-+]?[0-9]{1,3}", fullmatch=True),
    ).filter(lambda token: "." in token or "e" in token.lower())
)
def test_a_json_number_reads_as_the_written_score(token: str) -> None:
    """Score.of_json_number(token) is Score(token): same value, decimals and written form."""
    fast, slow = Score.of_json_number(token), Score(token)
    assert (float(slow), slow.decimals, slow.exponent, slow.text) == (
        float(fast),
        fast.decimals,
        fast.exponent,
        fast.text,
    )
