"""Hypothesis strategies for launch records: the one set every property test uses.

``launches()`` builds *valid* schema-2 :class:`launchbrief.Launch` records: one to
all of the models launched, specs and licences (the launch's and a model's own),
dated events (now and then two sources disagreeing on one), cohorts and settings
(named keys and free ones) on cohorts, benchmarks and results, results with and
without a cohort, points and Elo scales with and without ``min``/``max`` bounds,
percentiles, unknown statuses, every surface kind, surface notes. Ids are unique and
every reference resolves, scores fit their benchmark's bounds, a result without a
score carries comparisons or a claim, a claim is the source's exact words (quoted) or
a paraphrase, no two results share (benchmark, model, mode, cohort), mode orders
are 1 or more. Numbers are often :class:`~launchbrief.model.Score`
values written with decimals a float would drop (``66.0``, ``85.20``) or with an
exponent (``8e9``): writers must keep them as written. Text is hostile wherever text
goes: spreadsheet formula triggers, control characters, emoji, right-to-left text,
combining marks, and now and then a 10,000-character string.

Sizes are parameters, so one strategy gives empty records and large ones::

    launches()                                # everyday sizes, sometimes empty
    launches(max_results=400, max_sources=60)  # large collections
"""

from __future__ import annotations

import functools
import math
import string
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

import launchbrief as lb
from launchbrief.model import MAX_SCORE, Score

__all__ = [
    "FORMULA_TRIGGERS",
    "benchmarks",
    "cohorts",
    "dated_events",
    "dates",
    "developers",
    "free_keys",
    "hostile_text",
    "launches",
    "licenses",
    "models",
    "modes",
    "numbers",
    "optional_text",
    "safety_findings",
    "scores",
    "settings",
    "slugs",
    "source_refs",
    "sources",
    "specs",
    "surfaces",
    "text_tuples",
    "written_scores",
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


# --------------------------------------------------------------------------- numbers

#: Numbers as sources write them, with the decimals or exponent a float would lose.
_WRITTEN = (
    "66.0",
    "85.20",
    "88.0",
    "0.0007",
    "0.50",
    "100.00",
    "9.35",
    "8e9",
    "400e9",
    "1.5e-3",
    "2.50E+3",
    "-0.10",
    "0",
    "1",
    "10",
    "42",
    "0.000",
)


def _decimal(value: float) -> Decimal:
    # repr gives the shortest text that reads back as the same float.
    return Decimal(repr(float(value)))


@functools.cache
def written_scores(low: float = -MAX_SCORE, high: float = MAX_SCORE) -> st.SearchStrategy[Score]:
    """A :class:`Score` between ``low`` and ``high``, written with 0 to 4 decimals or an exponent.

    ``Score("66.0")``, ``Score("85.20")``, ``Score("8e9")``: a writer that prints the
    float (``66``, ``85.2``, ``8000000000.0``) loses how the source wrote it.
    """
    low_decimal, high_decimal = _decimal(low), _decimal(high)

    def within(text: str) -> bool:
        return low_decimal <= Decimal(text) <= high_decimal

    def from_digits(decimals: int) -> st.SearchStrategy[str]:
        scale = Decimal(10) ** decimals
        first = math.ceil(low_decimal * scale)
        last = math.floor(high_decimal * scale)
        if first > last:
            return st.nothing()

        def text(number: int) -> str:
            digits = str(abs(number)).rjust(decimals + 1, "0")
            whole, point = digits[: len(digits) - decimals], digits[len(digits) - decimals :]
            sign = "-" if number < 0 else ""
            return f"{sign}{whole}.{point}" if decimals else f"{sign}{whole}"

        edges = st.sampled_from(sorted({first, last, (first + last) // 2}))
        return st.one_of(edges, st.integers(min_value=first, max_value=last)).map(text)

    known = [text for text in _WRITTEN if within(text)]
    options = [st.integers(min_value=0, max_value=4).flatmap(from_digits)]
    if known:
        options.append(st.sampled_from(known))
    return st.one_of(*options).map(Score)


@functools.cache
def scores(scale: lb.Scale, bounds: tuple[float, float] | None = None) -> st.SearchStrategy[float]:
    """A finite score on ``scale`` (within ``bounds`` when given), often at the edges.

    Half the time a :class:`Score` written with its decimals, else a plain float:
    0, 100, 0.0, 1.0, huge, negative, the tiniest.
    """
    bounds = bounds or scale.bounds
    if bounds is not None:
        low, high = bounds
        plain = st.one_of(
            st.sampled_from([low, high, (low + high) / 2]),
            st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False),
        )
    else:
        low, high = -MAX_SCORE, MAX_SCORE
        plain = st.one_of(
            st.sampled_from([0.0, -0.0, -1.0, MAX_SCORE, -MAX_SCORE, 5e-324, 1500.0, -273.15]),
            st.floats(
                min_value=-MAX_SCORE, max_value=MAX_SCORE, allow_nan=False, allow_infinity=False
            ),
            st.integers(min_value=-(10**9), max_value=10**9).map(float),
        )
    return st.one_of(plain, written_scores(low, high))


def numbers(value: object, path: str = "") -> Iterator[tuple[str, float]]:
    """Every number of a record, with its field path: scores, bounds, settings, specs, free keys.

    Yes/no values are left out.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from numbers(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name == "other":
                for key, free in item:
                    yield from numbers(free, f"{path}.other.{key}")
            else:
                yield from numbers(item, f"{path}.{field.name}".lstrip("."))


# --------------------------------------------------------------------------- records


def source_refs(source_ids: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
    """A tuple of distinct ids drawn from ``source_ids`` (empty when there are none)."""
    if not source_ids:
        return st.just(())
    return st.lists(st.sampled_from(source_ids), unique=True, max_size=3).map(tuple)


_NO_REFS: st.SearchStrategy[tuple[str, ...]] = st.just(())
_ANY_BOOL = st.booleans()

#: Free keys a careless writer would mangle: YAML words, a key named like the field
#: that holds free keys, mixed case.
_TRICKY_KEYS = ("other", "null", "true", "No", "metric", "n_shots", "E", "x" + "y" * 63)


@functools.cache
def free_keys(*, reserved: frozenset[str] = frozenset()) -> st.SearchStrategy[Any]:
    """Up to three free ``(key, value)`` pairs: text, a whole number, a Score or yes/no.

    Keys are valid names (a letter, then letters, digits and '_'), never one of
    ``reserved`` (the record's named fields), each once.
    """
    key = st.one_of(
        st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,12}", fullmatch=True),
        st.sampled_from(_TRICKY_KEYS),
    ).filter(lambda name: name not in reserved)
    value = st.one_of(
        hostile_text(long=False),
        st.integers(min_value=-(10**9), max_value=10**9),
        written_scores(),
        st.booleans(),
    )
    return st.lists(st.tuples(key, value), max_size=3, unique_by=lambda pair: pair[0]).map(tuple)


def _named(cls: type) -> frozenset[str]:
    return frozenset(field.name for field in attrs.fields(cls) if field.name != "other")


@functools.cache
def settings() -> st.SearchStrategy[lb.Settings]:
    """Evaluation settings: any mix of the named keys (at their bounds now and then) and free keys."""
    return st.builds(
        lb.Settings,
        shots=st.one_of(st.none(), st.sampled_from([0, 5, 25]), st.integers(0, 10**6)),
        temperature=st.one_of(st.none(), written_scores(0.0, 2.0)),
        top_p=st.one_of(
            st.none(),
            st.sampled_from([1.0, Score("0.95"), Score("1.0"), 5e-324]),
            written_scores(0.0, 1.0).filter(lambda p: p > 0),
        ),
        samples=st.one_of(st.none(), st.integers(1, 10**6)),
        chain_of_thought=st.one_of(st.none(), st.booleans()),
        tools=st.one_of(st.none(), st.booleans()),
        harness=optional_text(),
        judge=optional_text(),
        other=free_keys(reserved=_named(lb.Settings)),
    )


@functools.cache
def optional_settings() -> st.SearchStrategy[lb.Settings | None]:
    """``None``, empty settings, or some."""
    return st.one_of(st.none(), st.just(lb.Settings()), settings())


_POSITIVE = st.one_of(written_scores(0.0, MAX_SCORE), st.floats(1.0, MAX_SCORE)).filter(
    lambda n: n > 0
)


@functools.cache
def specs() -> st.SearchStrategy[lb.Specs]:
    """A model's specs: sizes as written (``8e9``), architecture, context, cutoff, free keys."""
    return st.builds(
        lb.Specs,
        parameters=st.one_of(st.none(), st.sampled_from([Score("8e9"), Score("400e9")]), _POSITIVE),
        active_parameters=st.one_of(st.none(), _POSITIVE),
        architecture=optional_text(),
        context_window=st.one_of(
            st.none(), st.sampled_from([131072, 1048576]), st.integers(1, 10**12)
        ),
        knowledge_cutoff=st.one_of(
            st.none(), st.sampled_from(["2024-08", "2025-12"]), hostile_text(long=False)
        ),
        other=free_keys(reserved=_named(lb.Specs)),
    )


def licenses(refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS) -> st.SearchStrategy[lb.License]:
    """A licence: a name, open weights yes, no or not said, a link, sources."""
    return st.builds(
        lb.License,
        name=hostile_text(),
        open_weights=st.one_of(st.none(), st.booleans()),
        url=st.one_of(st.none(), st.just("https://example.org/license"), hostile_text(long=False)),
        sources=refs,
    )


_EVENTS = st.one_of(
    st.sampled_from(["announced", "released", "weights released", "paper", "Announced"]),
    hostile_text(long=False),
)


def dated_events(
    refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS,
) -> st.SearchStrategy[lb.DatedEvent]:
    """A dated event (announced, released, …) as one source dates it."""
    return st.builds(
        lb.DatedEvent, event=_EVENTS, date=st.dates(), note=optional_text(), sources=refs
    )


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
#: What any model may carry; launched models usually carry more of it.
_MODEL_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "name": hostile_text(),
        "developer": optional_text(),
        "variant": optional_text(),
        "summary": optional_text(long=True),
        "family": optional_text(),
        "predecessor": optional_text(),
        "modalities": text_tuples(),
        "capabilities": text_tuples(),
        "powers": text_tuples(),
        "specs": st.one_of(st.none(), specs()),
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
        "note": optional_text(),
    }
)
_COHORT_FIELDS: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "name": hostile_text(),
        "settings": optional_settings(),
        "description": optional_text(),
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

_CATEGORIES = st.one_of(
    st.sampled_from(["multimodal", "health", "reasoning", "coding", "agentic"]),
    hostile_text(long=False),
)


@st.composite
def _benchmark_fields(draw: st.DrawFn) -> dict[str, Any]:
    """A benchmark's fields; points and Elo scales now and then bounded by ``min`` and ``max``."""
    scale = draw(st.sampled_from(lb.Scale))
    fields: dict[str, Any] = {
        "name": draw(hostile_text()),
        "category": draw(_CATEGORIES),
        "scale": scale,
        "direction": draw(st.sampled_from(lb.Direction)),
        "settings": draw(optional_settings()),
        "description": draw(optional_text()),
    }
    if scale in (lb.Scale.POINTS, lb.Scale.ELO):
        bound = st.one_of(
            st.none(), written_scores(-10_000.0, 10_000.0), st.sampled_from([0, 10, 0.0, 1e-300])
        )
        low, high = draw(bound), draw(bound)
        if low is not None and high is not None:
            if low == high:
                high = None
            elif low > high:
                low, high = high, low
        fields["min"], fields["max"] = low, high
    return fields


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


def models(
    model_id: str,
    refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS,
    launched: st.SearchStrategy[bool] = _ANY_BOOL,
) -> st.SearchStrategy[lb.Model]:
    """A model with this id, launched or not, with any mix of what a model may carry."""
    return st.builds(
        lambda fields, is_launched, licence, cited: lb.Model(
            id=model_id, launched=is_launched, license=licence, **fields, sources=cited
        ),
        _MODEL_FIELDS,
        launched,
        st.one_of(st.none(), licenses(refs)),
        refs,
    )


def cohorts(
    cohort_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.Cohort]:
    """A cohort with this id, with or without settings."""
    return st.builds(
        lambda fields, cited: lb.Cohort(id=cohort_id, **fields, sources=cited),
        _COHORT_FIELDS,
        refs,
    )


def benchmarks(
    benchmark_id: str, refs: st.SearchStrategy[tuple[str, ...]] = _NO_REFS
) -> st.SearchStrategy[lb.Benchmark]:
    """A benchmark with this id on any scale and direction, bounds and settings."""
    return st.builds(
        lambda fields, cited: lb.Benchmark(id=benchmark_id, **fields, sources=cited),
        _benchmark_fields(),
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
    """A rollout surface with this id, of any kind and status (unknown included)."""
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
    cohort_ids: list[str],
    refs: st.SearchStrategy[tuple[str, ...]],
    min_results: int,
    max_results: int,
) -> list[lb.Result]:
    if not benchmark_list or max_results == 0:
        return []
    by_id = {benchmark.id: benchmark for benchmark in benchmark_list}
    mode_choice: st.SearchStrategy[str | None] = (
        st.one_of(st.none(), st.sampled_from(mode_ids)) if mode_ids else st.none()
    )
    cohort_choice: st.SearchStrategy[str | None] = (
        st.one_of(st.none(), st.sampled_from(cohort_ids)) if cohort_ids else st.none()
    )
    possible = len(by_id) * len(model_ids) * (1 + len(mode_ids)) * (1 + len(cohort_ids))
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(sorted(by_id)),
                st.sampled_from(model_ids),
                mode_choice,
                cohort_choice,
            ),
            unique=True,
            min_size=min(min_results, possible),
            max_size=max_results,
        )
    )
    # The result's own model is taken out of ``versus`` after drawing.
    versus = st.lists(st.sampled_from(model_ids), unique=True, max_size=3)
    results = []
    for benchmark_id, model_id, mode_id, cohort_id in keys:

        def comparison(model_id: str = model_id) -> lb.Comparison:
            others = tuple(other for other in draw(versus) if other != model_id)
            return lb.Comparison(relation=draw(_RELATIONS), versus=others)

        benchmark = by_id[benchmark_id]
        score = draw(st.one_of(st.none(), scores(benchmark.scale, benchmark.bounds)))
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
                cohort=cohort_id,
                mode=mode_id,
                score=score,
                comparisons=comparisons,
                claim=claim,
                quoted=claim is not None and draw(st.booleans()),
                settings=draw(optional_settings()),
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
    max_cohorts: int = 3,
    max_dates: int = 3,
    max_findings: int = 3,
    max_use_cases: int = 3,
    max_insights: int = 4,
) -> lb.Launch:
    """A valid schema-2 launch; every ``max_*`` bounds one collection (0 keeps it empty).

    There is always at least one model, and one to all of the models are launched.
    ``min_results`` asks for at least that many results (as many as the drawn
    benchmarks, models, modes and cohorts allow; at least one benchmark then).
    """
    source_ids = draw(_unique_ids(max_sources))
    refs = source_refs(source_ids)
    model_ids = draw(_unique_ids(max(max_models, 1), min_size=1))
    launched = draw(st.lists(st.booleans(), min_size=len(model_ids), max_size=len(model_ids)))
    launched[draw(st.integers(0, len(model_ids) - 1))] = True

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
            lb.Benchmark,
            _benchmark_fields(),
            max(max_benchmarks, needs_benchmark),
            needs_benchmark,
        )
    )
    mode_list = records(lb.Mode, _MODE_FIELDS, max_modes)
    cohort_list = records(lb.Cohort, _COHORT_FIELDS, max_cohorts)
    events = [draw(dated_events(refs)) for _ in range(draw(st.integers(0, max_dates)))]
    if events and draw(st.booleans()):
        # Another source dates the first event differently: a conflict to keep, not resolve.
        first = events[0]
        other_day = draw(st.dates().filter(lambda day: day != first.date))
        events.append(lb.DatedEvent(event=first.event, date=other_day, sources=draw(refs)))
    return lb.Launch(
        id=draw(slugs()),
        title=draw(hostile_text()),
        developer=lb.Developer(**draw(_DEVELOPER_FIELDS), sources=draw(refs)),
        as_of=draw(dates()),
        summary=draw(optional_text(long=True)),
        dates=tuple(events),
        license=draw(st.one_of(st.none(), licenses(refs))),
        models=tuple(
            draw(models(model_id, refs, st.just(is_launched)))
            for model_id, is_launched in zip(model_ids, launched, strict=True)
        ),
        modes=mode_list,
        surfaces=records(lb.Surface, _SURFACE_FIELDS, max_surfaces),
        cohorts=cohort_list,
        benchmarks=tuple(benchmark_list),
        results=tuple(
            _results(
                draw,
                benchmark_list=benchmark_list,
                model_ids=model_ids,
                mode_ids=[mode.id for mode in mode_list],
                cohort_ids=[cohort.id for cohort in cohort_list],
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
