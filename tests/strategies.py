"""Hypothesis strategies for launch records: the one set every property test uses.

``launches()`` builds *valid* :class:`launchbrief.Launch` records: ids are unique
and every reference resolves, scores fit their benchmark's scale, a result without
a score carries comparisons or a claim, no two results share (benchmark, model,
mode), mode orders are 1 or more. Text is hostile wherever text goes: spreadsheet
formula triggers, control characters, emoji, right-to-left text, combining marks,
and now and then a 10,000-character string.

Sizes are parameters, so one strategy gives empty records and large ones::

    launches()                                # everyday sizes, sometimes empty
    launches(max_results=400, max_sources=60)  # large collections
"""

from __future__ import annotations

import functools
import string
from typing import Any, TypeVar

from hypothesis import strategies as st

import launchbrief as lb
from launchbrief.model import MAX_SCORE

__all__ = [
    "FORMULA_TRIGGERS",
    "benchmarks",
    "compared_models",
    "dates",
    "developers",
    "hostile_text",
    "launched_models",
    "launches",
    "modes",
    "optional_text",
    "safety_findings",
    "scores",
    "slugs",
    "source_refs",
    "sources",
    "surfaces",
    "text_tuples",
]

T = TypeVar("T")

#: Leading characters that make a spreadsheet treat a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Pieces that break naive writers: bidi text, combining marks, emoji (with ZWJ and
# skin tone), zero-width and bidi control characters, XML-illegal control characters,
# quotes and markup, YAML and TOML syntax, Excel formulas and DDE payloads.
_PIECES = (
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "مرحبا بالعالم",
    "שלום עולם",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "e\u0301\u0327\u0308",
    "Z\u0351\u0353\u0359\u035a",
    "🚀",
    "👩🏽‍🔬",
    "🇫🇷",
    "\x00",
    "\x01\x02\x07\x08\x0b\x0c\x1b\x1f",
    "\x7f\x80\x9f",
    "\u2028\u2029\x85",
    "\ufeff",
    "\ufffe\uffff",
    "\u200b",
    "\r\n",
    "\t",
    "<b>&amp;</b>",
    "\"'`\\",
    "key: value",
    "- item",
    "# not a comment",
    "[table]",
    "{{ x }}",
    "null",
    "true",
    "1e309",
    "NaN",
    "0x1F",
    "   ",
    "漢字かなカナ한국어",
    "\U0001d54f\U0001f600",
)

# Every character but surrogates, which UTF-8 files cannot hold.
_ANY_CHAR = st.characters(exclude_categories=["Cs"])

_SLUG_PATTERN = r"[a-z0-9](?:[a-z0-9._-]{0,14}[a-z0-9])?"
# Slugs that a careless YAML or TOML writer would turn into booleans, nulls or numbers.
_TRICKY_SLUGS = (
    "true",
    "false",
    "null",
    "yes",
    "no",
    "on",
    "off",
    "1e5",
    "0x1f",
    "1_000",
    "0.5",
    "007",
    "1-1",
    "nan",
    "inf",
)


def _not_blank(text: str) -> bool:
    return bool(text.strip())


_LONG_TEXT = st.sampled_from(["a", "é", "🚀", "=1+1 ", "مرحبا ", "e\u0301", "x\n"]).map(
    lambda piece: (piece * (10_000 // len(piece) + 1))[:10_000]
)


# Strategies are built once and cached: building them afresh for every draw costs
# Hypothesis more time than drawing from them.
@functools.cache
def hostile_text(*, long: bool = True) -> st.SearchStrategy[str]:
    """Non-blank text built to break writers; with ``long``, now and then 10,000 characters.

    The model rejects blank text, so every value has at least one visible character.
    """
    plain = st.text(_ANY_CHAR, min_size=1, max_size=30)
    pieces = st.lists(st.one_of(st.sampled_from(_PIECES), plain), min_size=1, max_size=4).map(
        "".join
    )
    prefixed = st.tuples(st.sampled_from(FORMULA_TRIGGERS), pieces).map("".join)
    short = st.one_of(
        st.text(string.ascii_letters + " ", min_size=1, max_size=12), pieces, prefixed
    ).filter(_not_blank)
    if not long:
        return short
    # About one long text in forty: enough to meet them, not so many that runs crawl.
    return st.integers(min_value=0, max_value=39).flatmap(
        lambda pick: _LONG_TEXT if pick == 0 else short
    )


@functools.cache
def optional_text(*, long: bool = False) -> st.SearchStrategy[str | None]:
    """``None`` or hostile text."""
    return st.one_of(st.none(), hostile_text(long=long))


@functools.cache
def text_tuples(*, max_size: int = 4) -> st.SearchStrategy[tuple[str, ...]]:
    """A tuple of non-blank hostile texts (capabilities, modalities, …)."""
    return st.lists(hostile_text(long=False), max_size=max_size).map(tuple)


@functools.cache
def slugs() -> st.SearchStrategy[str]:
    """Valid ids: lowercase letters, digits, '-', '_' and '.', no '..', up to 100 characters."""
    return st.one_of(
        st.from_regex(_SLUG_PATTERN, fullmatch=True),
        st.sampled_from(_TRICKY_SLUGS),
        st.just("a" * 100),
        st.just("0" + "-._" * 32 + "9"),  # 98 characters of every kind
    ).filter(lambda slug: ".." not in slug)


@functools.cache
def dates() -> st.SearchStrategy[Any]:
    """``None`` or a date anywhere from year 1 to 9999."""
    return st.one_of(st.none(), st.dates())


@functools.cache
def scores(scale: lb.Scale) -> st.SearchStrategy[float]:
    """A finite score on ``scale``, often at the edges (0, 100, 0.0, 1.0, huge, negative)."""
    bounds = scale.bounds
    if bounds is not None:
        low, high = bounds
        return st.one_of(
            st.sampled_from([low, high, (low + high) / 2]),
            st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False),
        )
    return st.one_of(
        st.sampled_from([0.0, -0.0, -1.0, MAX_SCORE, -MAX_SCORE, 5e-324, 1500.0, -273.15]),
        st.floats(min_value=-MAX_SCORE, max_value=MAX_SCORE, allow_nan=False, allow_infinity=False),
        st.integers(min_value=-(10**9), max_value=10**9).map(float),
    )


def source_refs(source_ids: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
    """A tuple of distinct ids drawn from ``source_ids`` (empty when there are none)."""
    if not source_ids:
        return st.just(())
    return st.lists(st.sampled_from(source_ids), unique=True, max_size=3).map(tuple)


_NO_REFS: st.SearchStrategy[tuple[str, ...]] = st.just(())

# The fields of each record but ``id`` and ``sources``, which depend on the launch.
_SOURCE_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "name": hostile_text(),
        "kind": st.sampled_from(lb.SourceKind),
        "publisher": optional_text(),
        "title": optional_text(long=True),
        "url": st.one_of(
            st.none(), st.just("https://example.com/a?b=1&c=é#x"), hostile_text(long=False)
        ),
        "published": dates(),
        "note": optional_text(),
    }
)
_DEVELOPER_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"name": hostile_text(), "division": optional_text()}
)
_LAUNCHED_MODEL_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "summary": optional_text(long=True),
        "family": optional_text(),
        "predecessor": optional_text(),
        "modalities": text_tuples(),
        "capabilities": text_tuples(),
        "powers": text_tuples(),
    }
)
_COMPARED_MODEL_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"name": hostile_text(), "developer": optional_text(), "variant": optional_text()}
)
_BENCHMARK_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "name": hostile_text(),
        "category": st.one_of(
            st.sampled_from(["multimodal", "health", "reasoning", "coding", "agentic"]),
            hostile_text(long=False),
        ),
        "scale": st.sampled_from(lb.Scale),
        "direction": st.sampled_from(lb.Direction),
        "settings": optional_text(),
        "description": optional_text(),
    }
)
_MODE_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "name": hostile_text(),
        "order": st.integers(min_value=1, max_value=1000),  # orders may tie
        "description": optional_text(),
        "status": st.sampled_from(lb.RolloutStatus),
        "timing": optional_text(),
    }
)
_SURFACE_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "name": hostile_text(),
        "kind": st.sampled_from(lb.SurfaceKind),
        "status": st.sampled_from(lb.RolloutStatus),
        "audience": optional_text(),
        "timing": optional_text(),
    }
)
_FINDING_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "title": hostile_text(),
        "evaluator": hostile_text(),
        "evaluation": st.sampled_from(lb.Evaluation),
        "framework": optional_text(),
        "domain": optional_text(),
        "outcome": optional_text(),
        "release_blocker": st.one_of(st.none(), st.booleans()),
        "detail": optional_text(long=True),
    }
)
_USE_CASE_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"title": hostile_text(), "description": optional_text()}
)
_INSIGHT_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"kind": st.sampled_from(lb.InsightKind), "text": hostile_text()}
)


def sources(source_id: str) -> st.SearchStrategy[lb.Source]:
    """A source with this id and any mix of optional fields."""
    return _SOURCE_FIELDS.map(lambda fields: lb.Source(id=source_id, **fields))


def developers(
    refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS,
) -> st.SearchStrategy[lb.Developer]:
    """A developer citing ``refs``."""
    return st.builds(
        lambda fields, cited: lb.Developer(**fields, sources=cited), _DEVELOPER_FIELDS, refs
    )


def launched_models(
    model_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.LaunchedModel]:
    """The launched model, pointing at compared model ``model_id``."""
    return st.builds(
        lambda fields, cited: lb.LaunchedModel(id=model_id, **fields, sources=cited),
        _LAUNCHED_MODEL_FIELDS,
        refs,
    )


def compared_models(
    model_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.ComparedModel]:
    """A compared model with this id."""
    return st.builds(
        lambda fields, cited: lb.ComparedModel(id=model_id, **fields, sources=cited),
        _COMPARED_MODEL_FIELDS,
        refs,
    )


def benchmarks(
    benchmark_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.Benchmark]:
    """A benchmark with this id on any scale and direction."""
    return st.builds(
        lambda fields, cited: lb.Benchmark(id=benchmark_id, **fields, sources=cited),
        _BENCHMARK_FIELDS,
        refs,
    )


def modes(
    mode_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.Mode]:
    """A reasoning mode with this id and an order of 1 or more."""
    return st.builds(
        lambda fields, cited: lb.Mode(id=mode_id, **fields, sources=cited), _MODE_FIELDS, refs
    )


def surfaces(
    surface_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.Surface]:
    """A rollout surface with this id."""
    return st.builds(
        lambda fields, cited: lb.Surface(id=surface_id, **fields, sources=cited),
        _SURFACE_FIELDS,
        refs,
    )


def safety_findings(
    finding_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.SafetyFinding]:
    """A safety finding with this id, release blocker yes, no or unknown."""
    return st.builds(
        lambda fields, cited: lb.SafetyFinding(id=finding_id, **fields, sources=cited),
        _FINDING_FIELDS,
        refs,
    )


_RELATIONS = st.sampled_from(lb.Relation)
_COMPARISON_COUNT = st.integers(min_value=0, max_value=2)


def _results(
    draw: st.DrawFn,
    *,
    benchmark_list: list[lb.Benchmark],
    model_ids: list[str],
    mode_ids: list[str],
    refs: st.SearchStrategy[tuple[str, ...]],
    min_results: int,
    max_results: int,
) -> list[lb.Result]:
    if not benchmark_list or max_results == 0:
        return []
    scales = {benchmark.id: benchmark.scale for benchmark in benchmark_list}
    mode_choice: st.SearchStrategy[str | None] = (
        st.one_of(st.none(), st.sampled_from(mode_ids)) if mode_ids else st.none()
    )
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(sorted(scales)), st.sampled_from(model_ids), mode_choice),
            unique=True,
            min_size=min(min_results, len(scales) * len(model_ids) * (1 + len(mode_ids))),
            max_size=max_results,
        )
    )
    # The result's own model is taken out of ``versus`` after drawing.
    versus = st.lists(st.sampled_from(model_ids), unique=True, max_size=3)
    results = []
    for benchmark_id, model_id, mode_id in keys:

        def comparison(model_id: str = model_id) -> lb.Comparison:
            others = tuple(other for other in draw(versus) if other != model_id)
            return lb.Comparison(relation=draw(_RELATIONS), versus=others)

        score = draw(st.one_of(st.none(), scores(scales[benchmark_id])))
        comparisons = tuple(comparison() for _ in range(draw(_COMPARISON_COUNT)))
        claim = draw(optional_text())
        if score is None and not comparisons and claim is None:
            # A result without a number must say something in words.
            if draw(st.booleans()):
                comparisons = (comparison(),)
            else:
                claim = draw(hostile_text(long=False))
        results.append(
            lb.Result(
                benchmark=benchmark_id,
                model=model_id,
                mode=mode_id,
                score=score,
                comparisons=comparisons,
                claim=claim,
                sources=draw(refs),
            )
        )
    return results


def _unique_ids(max_size: int, *, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(slugs(), min_size=min_size, max_size=max_size, unique=True)


@st.composite
def launches(
    draw: st.DrawFn,
    *,
    max_sources: int = 10,
    max_models: int = 6,
    max_benchmarks: int = 5,
    min_results: int = 0,
    max_results: int = 20,
    max_modes: int = 3,
    max_surfaces: int = 5,
    max_findings: int = 3,
    max_use_cases: int = 3,
    max_insights: int = 4,
) -> lb.Launch:
    """A valid launch record; every ``max_*`` bounds one collection (0 keeps it empty).

    There is always at least one compared model: the launched model is one of them.
    ``min_results`` asks for at least that many results (as many as the drawn
    benchmarks, models and modes allow; at least one benchmark then).
    """
    source_ids = draw(_unique_ids(max_sources))
    refs = source_refs(source_ids)
    model_ids = draw(_unique_ids(max(max_models, 1), min_size=1))

    def records(
        cls: Any, fields: st.SearchStrategy[dict[str, Any]], max_size: int, min_size: int = 0
    ) -> tuple[Any, ...]:
        return tuple(
            cls(id=record_id, **draw(fields), sources=draw(refs))
            for record_id in draw(_unique_ids(max_size, min_size=min_size))
        )

    needs_benchmark = 1 if min_results else 0
    benchmark_list = list(
        records(
            lb.Benchmark, _BENCHMARK_FIELDS, max(max_benchmarks, needs_benchmark), needs_benchmark
        )
    )
    mode_list = records(lb.Mode, _MODE_FIELDS, max_modes)
    return lb.Launch(
        id=draw(slugs()),
        title=draw(hostile_text()),
        developer=lb.Developer(**draw(_DEVELOPER_FIELDS), sources=draw(refs)),
        model=lb.LaunchedModel(
            id=draw(st.sampled_from(model_ids)), **draw(_LAUNCHED_MODEL_FIELDS), sources=draw(refs)
        ),
        announced=draw(dates()),
        as_of=draw(dates()),
        summary=draw(optional_text(long=True)),
        modes=mode_list,
        surfaces=records(lb.Surface, _SURFACE_FIELDS, max_surfaces),
        models=tuple(
            lb.ComparedModel(id=model_id, **draw(_COMPARED_MODEL_FIELDS), sources=draw(refs))
            for model_id in model_ids
        ),
        benchmarks=tuple(benchmark_list),
        results=tuple(
            _results(
                draw,
                benchmark_list=benchmark_list,
                model_ids=model_ids,
                mode_ids=[mode.id for mode in mode_list],
                refs=refs,
                min_results=min_results,
                max_results=max_results,
            )
        ),
        safety=records(lb.SafetyFinding, _FINDING_FIELDS, max_findings),
        use_cases=records(lb.UseCase, _USE_CASE_FIELDS, max_use_cases),
        insights=records(lb.Insight, _INSIGHT_FIELDS, max_insights),
        sources=tuple(lb.Source(id=source_id, **draw(_SOURCE_FIELDS)) for source_id in source_ids),
    )
