"""Tests of the launch record: field validators, cross-reference checks, immutability."""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief.model import MAX_SCORE, FieldValueError, launch_problems
from tests.strategies import launches


def make_launch(**changes: Any) -> lb.Launch:
    """A small valid launch, with ``changes`` applied to its fields."""
    fields: dict[str, Any] = {
        "id": "alpha-launch",
        "title": "Alpha launches",
        "developer": lb.Developer(name="Acme", sources=("press",)),
        "model": lb.LaunchedModel(id="alpha", sources=("vendor",)),
        "modes": (lb.Mode(id="fast", name="Fast", order=1),),
        "models": (
            lb.ComparedModel(id="alpha", name="Alpha"),
            lb.ComparedModel(id="beta", name="Beta", variant="High"),
        ),
        "benchmarks": (
            lb.Benchmark(id="bench", name="Bench", category="reasoning"),
            lb.Benchmark(id="ratio", name="Ratio", category="health", scale=lb.Scale.FRACTION),
            lb.Benchmark(id="arena", name="Arena", category="chat", scale=lb.Scale.ELO),
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
        lb.LaunchedModel(id="alpha", capabilities=("tool use", "  "))
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
    """compared_model, benchmark, source and launched_model find records by id."""
    launch = make_launch()
    assert "Beta" == launch.compared_model("beta").name
    assert lb.Scale.FRACTION == launch.benchmark("ratio").scale
    assert lb.SourceKind.VENDOR == launch.source("vendor").kind
    assert "alpha" == launch.launched_model.id


@pytest.mark.parametrize("lookup", ["compared_model", "benchmark", "source"])
def test_lookups_raise_key_error_for_unknown_ids(lookup: str) -> None:
    """Looking up an unknown id raises KeyError."""
    with pytest.raises(KeyError):
        getattr(make_launch(), lookup)("nope")


def test_compared_model_label_adds_variant() -> None:
    """A compared model's label is its name followed by its variant, if any."""
    assert ("Beta High", "Alpha") == (
        lb.ComparedModel(id="b", name="Beta", variant="High").label,
        lb.ComparedModel(id="a", name="Alpha").label,
    )


def test_enum_labels_and_bounds() -> None:
    """Enums give readable labels and the bounds of bounded scales."""
    assert "rolling out" == lb.RolloutStatus.ROLLING_OUT.label
    assert "not clearly ahead of" == lb.Relation.NOT_CLEARLY_AHEAD.label
    assert "on par with" == lb.Relation.ON_PAR.label
    assert (0.0, 100.0) == lb.Scale.PERCENT.bounds
    assert (0.0, 1.0) == lb.Scale.FRACTION.bounds
    assert None is lb.Scale.POINTS.bounds
    assert None is lb.Scale.ELO.bounds


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
                lb.ComparedModel(id="alpha", name="A"),
                lb.ComparedModel(id="beta", name="B"),
                lb.ComparedModel(id="beta", name="C"),
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
    models = tuple(lb.ComparedModel(id=f"m{i}", name=f"M{i}") for i in range(8))
    launch_model = lb.LaunchedModel(id="m0")
    result = lb.Result(benchmark="bench", model="zz", score=1.0)
    assert {
        ("results[0].model", "unknown model 'zz' (known: m0, m1, m2, m3, m4, m5, … 2 more)")
    } == problems_of(models=models, model=launch_model, results=(result,))


def test_reference_to_empty_collection_says_none_defined() -> None:
    """A mode reference when no modes are defined says so."""
    result = lb.Result(benchmark="bench", model="alpha", mode="deep", score=1.0)
    assert {("results[0].mode", "unknown mode 'deep' (no modes are defined)")} == problems_of(
        modes=(), results=(result,)
    )


def test_every_dangling_reference_is_reported_at_once() -> None:
    """Unknown launched model, benchmark, model, mode, versus and source ids all come out together."""
    result = lb.Result(
        benchmark="bnch",
        model="alpah",
        mode="fats",
        comparisons=(lb.Comparison(relation=lb.Relation.TRAILS, versus=("bet",)),),
        sources=("vendr",),
    )
    assert {
        ("model.id", "unknown model 'gpt5' (known: alpha, beta)"),
        (
            "results[0].benchmark",
            "unknown benchmark 'bnch' (known: arena, bench, ratio; did you mean 'bench'?)",
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
    } == problems_of(model=lb.LaunchedModel(id="gpt5"), results=(result,))


def test_sources_of_every_claim_bearing_record_are_checked() -> None:
    """Source ids are checked on modes, surfaces, models, benchmarks, findings, use cases and insights."""
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
        "models": (lb.ComparedModel(id="alpha", name="A", sources=bad),),
        "benchmarks": (lb.Benchmark(id="bench", name="B", category="c", sources=bad),),
        "safety": (
            lb.SafetyFinding(
                id="f", title="T", evaluator="E", evaluation=lb.Evaluation.INTERNAL, sources=bad
            ),
        ),
        "use_cases": (lb.UseCase(id="u", title="U", sources=bad),),
        "insights": (lb.Insight(id="i", kind=lb.InsightKind.RISK, text="T", sources=bad),),
        "model": lb.LaunchedModel(id="alpha", sources=bad),
    }
    expected_paths = {
        "modes[0].sources[0]",
        "surfaces[0].sources[0]",
        "models[0].sources[0]",
        "benchmarks[0].sources[0]",
        "safety[0].sources[0]",
        "use_cases[0].sources[0]",
        "insights[0].sources[0]",
        "model.sources[0]",
    }
    assert expected_paths == {path for path, _message in problems_of(**changes)}


@pytest.mark.parametrize(
    ("benchmark", "score", "scale_words"),
    [
        ("bench", 100.5, "percent scale of benchmark 'bench' (0 to 100)"),
        ("bench", -0.1, "percent scale of benchmark 'bench' (0 to 100)"),
        ("ratio", 1.01, "fraction scale of benchmark 'ratio' (0 to 1)"),
        ("ratio", 86.4, "fraction scale of benchmark 'ratio' (0 to 1)"),
    ],
)
def test_score_outside_scale_is_reported(benchmark: str, score: float, scale_words: str) -> None:
    """A score outside a bounded scale is reported with the scale and its bounds."""
    result = lb.Result(benchmark=benchmark, model="alpha", score=score)
    assert {("results[0].score", f"{score:g} is outside the {scale_words}")} == problems_of(
        results=(result,)
    )


@pytest.mark.parametrize(
    ("benchmark", "score"),
    [("bench", 0.0), ("bench", 100.0), ("ratio", 0.0), ("ratio", 1.0), ("arena", -MAX_SCORE)],
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
            f"this launchbrief reads schema version {lb.SCHEMA_VERSION}, the record has 99",
        )
    } == problems_of(schema_version=99)


def test_launch_problems_works_on_plain_data() -> None:
    """The cross-reference checks also run on the plain mapping a file holds."""
    data = {
        "models": [{"id": "alpha"}, {"id": "alpha"}],
        "model": {"id": "alpah"},
        "benchmarks": [{"id": "bench", "scale": "fraction"}],
        "results": [{"benchmark": "bench", "model": "alpha", "score": 2}],
    }
    assert [
        ("models[1].id", "duplicate model id 'alpha' (first used at models[0])"),
        ("model.id", "unknown model 'alpah' (known: alpha; did you mean 'alpha'?)"),
        ("results[0].score", "2 is outside the fraction scale of benchmark 'bench' (0 to 1)"),
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
        make_launch(modes=(lb.Mode(id="fast", name="F", order=0),), schema_version=2)
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
