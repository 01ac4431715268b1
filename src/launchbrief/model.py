"""The launch record: attrs classes and enums describing one AI model launch.

Every class is frozen and keyword-only. Field values are checked as they are set;
cross-references (ids that must resolve, scores that must fit their benchmark's
scale) are checked when the whole :class:`Launch` is built, and every problem is
reported at once in an :class:`~launchbrief.exceptions.InvalidLaunchError`.

This module knows nothing of files, formats or screens.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import attrs

from launchbrief.exceptions import InvalidLaunchError, Problem

__all__ = [
    "MAX_SCORE",
    "SCHEMA_VERSION",
    "Benchmark",
    "Cohort",
    "ComparedModel",
    "Comparison",
    "DatedEvent",
    "Developer",
    "Direction",
    "Evaluation",
    "Insight",
    "InsightKind",
    "Launch",
    "License",
    "Mode",
    "Model",
    "Relation",
    "Result",
    "RolloutStatus",
    "SafetyFinding",
    "Scale",
    "Score",
    "Settings",
    "Source",
    "SourceKind",
    "Specs",
    "Surface",
    "SurfaceKind",
    "UseCase",
    "launch_problems",
    "unknown_id",
    "written",
]

#: Version of the record's shape; written into every dump and workbook.
SCHEMA_VERSION = 2

_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?")


class FieldValueError(ValueError):
    """A single field holds a value it cannot hold; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def shown(value: Any, limit: int = 60) -> str:
    """``repr(value)`` for a message, cut to about ``limit`` characters, saying how long it was.

    A value in a message is never unbounded: a 30 MB id is shown by its start.
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value):,}"
    if isinstance(value, dict):
        return f"a mapping of {len(value):,}"
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def _slug(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _SLUG.fullmatch(value) or ".." in value:
        raise FieldValueError(
            attribute.name,
            f"{shown(value)} is not a valid id: use lowercase letters, digits, '-', '_' or '.',"
            " starting and ending with a letter or digit (at most 100 characters)",
        )


#: Names Windows keeps for devices, whatever the extension: a file named
#: ``con.xlsx`` or ``nul.pptx`` cannot be written there.
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{digit}" for digit in "0123456789"}
    | {f"lpt{digit}" for digit in "0123456789"}
)


def _file_name_id(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    _slug(instance, attribute, value)
    if value.split(".", 1)[0] in WINDOWS_DEVICE_NAMES:
        raise FieldValueError(
            attribute.name,
            f"{value!r} cannot name a file: Windows keeps {value.split('.', 1)[0]!r} for a"
            " device (as it does con, prn, aux, nul, com0–com9 and lpt0–lpt9); choose another id",
        )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(field: str, value: str) -> None:
    if not value.strip():
        raise FieldValueError(field, "must not be empty")
    broken = _SURROGATE.search(value)
    if broken:
        # Only a broken escape such as "\ud800" in JSON can produce one.
        escape = ascii(broken.group())[1:-1]
        raise FieldValueError(
            field, f"holds half a character ({escape}, a broken \\u escape); save it as UTF-8 text"
        )


def _text(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _check_text(attribute.name, value)


def _unique_texts(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    for item in value:
        _check_text(attribute.name, item)


#: The largest score magnitude accepted; no benchmark comes near it, and it keeps
#: every difference of two scores finite.
MAX_SCORE = 1e15


def _finite(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    if not math.isfinite(value):
        raise FieldValueError(attribute.name, f"must be a finite number, got {value!r}")
    if abs(value) > MAX_SCORE:
        raise FieldValueError(
            attribute.name,
            f"{shown(value)} is too large (at most 10^15 = 1,000,000,000,000,000 either way)",
        )


# --------------------------------------------------------------------------- numbers


class Score(float):
    """A number as the source wrote it: a float that remembers how it was written.

    ``Score("85.20")`` is 85.2 and prints as ``85.20``; ``Score("66.0")`` prints as
    ``66.0`` and ``Score("8e9")`` as ``8e9``. Readers make every number they read a
    Score, so files, workbooks and slides show it as written; arithmetic gives plain
    floats, and a Score equals the float of the same value.
    """

    decimals: int | None  # digits after the point, as written; None for an exponent
    exponent: str | None  # the written form of a number with an exponent: "8e9"

    def __new__(cls, value: str | float, decimals: int | None = None) -> Score:
        number = super().__new__(cls, value)
        number.decimals, number.exponent = decimals, None
        if isinstance(value, str):
            text = value.strip().lstrip("+")
            plain = _PLAIN_DECIMAL.fullmatch(text)
            if plain and len(text) <= 40:
                number.decimals = len(plain.group(1) or "")
            elif _EXPONENT.fullmatch(text) and len(text) <= 40:
                number.exponent = text.lower().replace("e+", "e")
        return number

    @property
    def text(self) -> str:
        """The number as written: ``"85.20"``, ``"8e9"``; else Python's ``repr``."""
        if not math.isfinite(self):
            return repr(float(self))
        if self.exponent is not None:
            return self.exponent
        if self.decimals is not None:
            return f"{float(self):.{self.decimals}f}"
        return repr(float(self))

    def __repr__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Score, (self.text,))


# The forms of a number whose writing is kept: plain decimals, and exponents. Only
# measured here; the text written back is always valid JSON, TOML and YAML.
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(?:\.([0-9]+))?")
_EXPONENT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?[eE][-+]?[0-9]+")


def written(value: float | int) -> str:
    """A number as its source wrote it: a :class:`Score` with its decimals, else plainly."""
    if isinstance(value, Score):
        return value.text
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return repr(value)
    return repr(value)


# --------------------------------------------------------------------------- enums


class SurfaceKind(enum.StrEnum):
    """What kind of place a surface is: an app, an API, a weights download, a cloud..."""

    APP = "app"
    WEB = "web"
    MESSAGING = "messaging"
    SOCIAL = "social"
    DEVICE = "device"
    API = "api"
    WEIGHTS = "weights"  # a download of the model's weights
    HUB = "hub"  # a model hub page (Hugging Face, Kaggle, ...)
    CLOUD = "cloud"  # a cloud platform (Vertex AI, Bedrock, Azure AI Foundry, ...)
    RUNTIME = "runtime"  # a local runtime (Ollama, llama.cpp, LM Studio, ...)
    OTHER = "other"


class RolloutStatus(enum.StrEnum):
    """How far a surface or mode has shipped, from most to least available.

    ``UNKNOWN`` is for a surface or mode the source names without saying whether it
    is available yet: the record never asserts more than the source does.
    """

    LIVE = "live"
    ROLLING_OUT = "rolling_out"
    PREVIEW = "preview"
    PLANNED = "planned"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The status in words: ``"rolling out"``, ``"status not given"``."""
        if self is RolloutStatus.UNKNOWN:
            return "status not given"
        text: str = self.value
        return text.replace("_", " ")


class Scale(enum.StrEnum):
    """The scale a benchmark reports on.

    Percent, percentile and fraction are bounded by definition; points and Elo are
    open unless the benchmark gives its own ``min`` and ``max`` (MT-Bench: 0 to 10).
    """

    PERCENT = "percent"
    FRACTION = "fraction"
    POINTS = "points"
    ELO = "elo"
    PERCENTILE = "percentile"

    @property
    def bounds(self) -> tuple[float, float] | None:
        """``(low, high)`` for scales bounded by definition, ``None`` for open ones."""
        return {
            Scale.PERCENT: (0.0, 100.0),
            Scale.FRACTION: (0.0, 1.0),
            Scale.PERCENTILE: (0.0, 100.0),
        }.get(self)


class Direction(enum.StrEnum):
    """Whether a higher or a lower score is better."""

    HIGHER = "higher"
    LOWER = "lower"


class Relation(enum.StrEnum):
    """A qualitative comparison the source makes without giving numbers."""

    LEADS = "leads"
    TRAILS = "trails"
    ON_PAR = "on_par"
    NOT_CLEARLY_AHEAD = "not_clearly_ahead"

    @property
    def label(self) -> str:
        """The relation in words: ``"not clearly ahead of"``."""
        return {
            Relation.LEADS: "leads",
            Relation.TRAILS: "trails",
            Relation.ON_PAR: "on par with",
            Relation.NOT_CLEARLY_AHEAD: "not clearly ahead of",
        }[self]


class Evaluation(enum.StrEnum):
    """Who ran a safety evaluation."""

    INTERNAL = "internal"
    THIRD_PARTY = "third_party"


class SourceKind(enum.StrEnum):
    """Where a source stands relative to the developer."""

    VENDOR = "vendor"
    PRESS = "press"
    THIRD_PARTY = "third_party"
    INDEPENDENT = "independent"


class InsightKind(enum.StrEnum):
    """What an insight is about."""

    STRENGTH = "strength"
    WEAKNESS = "weakness"
    RISK = "risk"
    STRATEGY = "strategy"
    CONTEXT = "context"
    TAKEAWAY = "takeaway"


# --------------------------------------------------------------------------- records


def _availability(status: RolloutStatus, timing: str | None) -> str:
    if not timing:
        return status.label
    if timing.lower().startswith(status.label):
        return timing
    return f"{status.label}, {timing}"


_Sources = tuple[str, ...]

#: A value a free key may hold (settings and specs the record has no field for).
Scalar = str | int | float | bool


def _free_keys(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, Scalar], ...]
) -> None:
    seen: set[str] = set()
    for key, item in value:
        problem = free_key_problem(key, item)
        if problem == "must not be empty":
            raise FieldValueError(f"{attribute.name}.{key}", problem)
        if problem is not None and problem.startswith("expected "):
            problem = f"{shown(key)} must hold {problem.removeprefix('expected ')}"
        if problem is None and key in seen:
            problem = f"the key {key!r} is given twice"
        if problem is not None:
            raise FieldValueError(attribute.name, problem)
        seen.add(key)


_FREE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")


def free_key_problem(key: Any, value: Any) -> str | None:
    """What is wrong with one free key of settings or specs, or ``None``."""
    if not isinstance(key, str) or not _FREE_KEY.fullmatch(key):
        return f"{shown(key)} is not a usable key: use letters, digits and '_' (at most 64)"
    if isinstance(value, str):
        if not value.strip():
            return "must not be empty"
        if _SURROGATE.search(value):
            return "holds half a character (a broken \\u escape); save it as UTF-8 text"
        return None
    if not isinstance(value, (int, float)) or (
        isinstance(value, float) and not math.isfinite(value)
    ):
        return f"expected text, a number or true/false, got {shown(value)}"
    if abs(value) > MAX_SCORE:
        return f"{written(value)} is too large (at most 10^15 either way)"
    return None


def _at_least(low: float) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is None:
            return
        _finite(_instance, attribute, value)
        if value < low:
            raise FieldValueError(attribute.name, f"must be {low:g} or more, got {written(value)}")

    return check


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    _finite(_instance, attribute, value)
    if value <= 0:
        raise FieldValueError(attribute.name, f"must be more than 0, got {written(value)}")


def _probability(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    _finite(_instance, attribute, value)
    if not 0 < value <= 1:
        raise FieldValueError(
            attribute.name, f"must be above 0 and at most 1, got {written(value)}"
        )


def _given(record: Any) -> tuple[tuple[str, Scalar], ...]:
    """The named fields of settings or specs that are given, then their free keys."""
    named = tuple(
        (field.name, getattr(record, field.name))
        for field in attrs.fields(type(record))
        if field.name != "other" and getattr(record, field.name) is not None
    )
    return named + tuple(record.other)


@attrs.frozen(kw_only=True)
class Settings:
    """How a result was obtained: shots, sampling, harness, judge, and free keys.

    Settings sit on a cohort (a whole table), a benchmark or a single result; the most
    specific wins (:meth:`over`). ``other`` holds keys the record has no field for, as
    ``(key, value)`` pairs in the order written: ``{metric: pass@1}``.
    """

    shots: int | None = attrs.field(default=None, validator=_at_least(0))
    temperature: float | None = attrs.field(default=None, validator=_at_least(0))
    top_p: float | None = attrs.field(default=None, validator=_probability)
    samples: int | None = attrs.field(default=None, validator=_at_least(1))
    chain_of_thought: bool | None = None
    tools: bool | None = None
    harness: str | None = attrs.field(default=None, validator=_text)
    judge: str | None = attrs.field(default=None, validator=_text)
    other: tuple[tuple[str, Scalar], ...] = attrs.field(default=(), validator=_free_keys)

    def items(self) -> tuple[tuple[str, Scalar], ...]:
        """Every setting given, as ``(key, value)``: the named ones first, then the others."""
        return _given(self)

    def over(self, base: Settings | None) -> Settings:
        """These settings laid over ``base``: every key given here wins."""
        if base is None:
            return self
        changes = {
            field.name: getattr(self, field.name)
            for field in attrs.fields(Settings)
            if field.name != "other" and getattr(self, field.name) is not None
        }
        mine = dict(self.other)
        other = tuple((k, v) for k, v in base.other if k not in mine) + self.other
        return attrs.evolve(base, other=other, **changes)

    def __bool__(self) -> bool:
        return bool(self.items())


@attrs.frozen(kw_only=True)
class Specs:
    """What a model is: its size, architecture, context window, knowledge cutoff, and more.

    Numbers as the source gives them (``parameters: 27e9``); ``knowledge_cutoff`` is
    text, since sources give a month (``"2024-08"``) as often as a day. ``other`` holds
    specs the record has no field for: ``{layers: 62, training_tokens: 14e12}``.
    """

    parameters: float | None = attrs.field(default=None, validator=_positive)
    active_parameters: float | None = attrs.field(default=None, validator=_positive)
    architecture: str | None = attrs.field(default=None, validator=_text)
    context_window: int | None = attrs.field(default=None, validator=_positive)
    knowledge_cutoff: str | None = attrs.field(default=None, validator=_text)
    other: tuple[tuple[str, Scalar], ...] = attrs.field(default=(), validator=_free_keys)

    def items(self) -> tuple[tuple[str, Scalar], ...]:
        """Every spec given, as ``(key, value)``: the named ones first, then the others."""
        return _given(self)


@attrs.frozen(kw_only=True)
class Source:
    """Where facts come from: an article, a vendor page, a chart, a paper."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)  # short, for footers: "Reuters"
    kind: SourceKind
    publisher: str | None = attrs.field(default=None, validator=_text)
    title: str | None = attrs.field(default=None, validator=_text)
    url: str | None = attrs.field(default=None, validator=_text)
    published: date | None = None
    note: str | None = attrs.field(default=None, validator=_text)


@attrs.frozen(kw_only=True)
class Developer:
    """The organisation behind the launch."""

    name: str = attrs.field(validator=_text)
    division: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class License:
    """The terms the models ship under: a name, whether the weights are open, a link."""

    name: str = attrs.field(validator=_text)
    open_weights: bool | None = None  # None: the source does not say
    url: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class DatedEvent:
    """Something that happened on a day, as one source dates it: announced, released...

    Two sources that date the same event differently give two entries; the analysis
    reports the conflict rather than choosing.
    """

    event: str = attrs.field(validator=_text)
    date: date
    note: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class Model:
    """A model in the launch: launched (``launched=True``) or compared against.

    Launched models carry what is known of them (summary, modalities, capabilities,
    specs, licence...); any model may.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    developer: str | None = attrs.field(default=None, validator=_text)
    variant: str | None = attrs.field(default=None, validator=_text)  # "High", "Max"
    launched: bool = False
    summary: str | None = attrs.field(default=None, validator=_text)
    family: str | None = attrs.field(default=None, validator=_text)
    predecessor: str | None = attrs.field(default=None, validator=_text)
    modalities: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    capabilities: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    powers: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    specs: Specs | None = None
    license: License | None = None  # when it differs from the launch's
    sources: _Sources = ()

    @property
    def label(self) -> str:
        """Name and variant as a chart legend shows them: ``"Gemini 3.1 Pro High"``."""
        return f"{self.name} {self.variant}" if self.variant else self.name


#: The name the record used for models before schema 2; the same class.
ComparedModel = Model


@attrs.frozen(kw_only=True)
class Mode:
    """A reasoning mode; ``order`` runs from fastest (1) to deepest."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    order: int
    description: str | None = attrs.field(default=None, validator=_text)
    status: RolloutStatus = RolloutStatus.UNKNOWN
    timing: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()

    @property
    def availability(self) -> str:
        """Status and timing in words, without saying it twice: ``"rolling out gradually"``."""
        return _availability(self.status, self.timing)


@attrs.frozen(kw_only=True)
class Surface:
    """A place where the models ship: an app, a website, an API, a weights download..."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    kind: SurfaceKind
    status: RolloutStatus = RolloutStatus.UNKNOWN
    audience: str | None = attrs.field(default=None, validator=_text)
    timing: str | None = attrs.field(default=None, validator=_text)  # as the source words it
    note: str | None = attrs.field(default=None, validator=_text)  # "gated behind the licence"
    sources: _Sources = ()

    @property
    def availability(self) -> str:
        """Status and timing in words: ``"planned, over the coming weeks"``."""
        return _availability(self.status, self.timing)


@attrs.frozen(kw_only=True)
class Cohort:
    """A table of results run one way: pretrained models 5-shot, instruct models 0-shot.

    Results of different cohorts never share a leaderboard.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    settings: Settings | None = None
    description: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class Benchmark:
    """A benchmark and how to read its scores.

    ``min`` and ``max`` bound an open scale (points, Elo) when the benchmark has a
    range, such as MT-Bench's 0 to 10; scores outside them are refused.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    category: str = attrs.field(validator=_text)  # "multimodal", "health", ...
    scale: Scale = Scale.PERCENT
    direction: Direction = Direction.HIGHER
    min: float | None = attrs.field(default=None, validator=_finite)
    max: float | None = attrs.field(default=None, validator=_finite)
    settings: Settings | None = None
    description: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()

    @property
    def bounds(self) -> tuple[float, float] | None:
        """``(low, high)``: the scale's own bounds, or ``min`` and ``max`` when both are given."""
        if self.scale.bounds is not None:
            return self.scale.bounds
        if self.min is not None and self.max is not None:
            return (self.min, self.max)
        return None


@attrs.frozen(kw_only=True)
class Comparison:
    """A typed qualitative claim: the result's model ``relation`` the ``versus`` models.

    An empty ``versus`` means the rest of the field.
    """

    relation: Relation
    versus: tuple[str, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(_slug)
    )


@attrs.frozen(kw_only=True)
class Result:
    """One model on one benchmark, in one cohort: a score, or comparisons and a claim.

    ``claim`` is what the source says of the result: its exact words when ``quoted``
    is true (exporters put them in quotation marks), else a paraphrase (never in
    quotation marks, since readers quote what is in them).
    """

    benchmark: str = attrs.field(validator=_slug)
    model: str = attrs.field(validator=_slug)
    cohort: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))
    mode: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))
    score: float | None = attrs.field(default=None, validator=_finite)
    comparisons: tuple[Comparison, ...] = ()
    claim: str | None = attrs.field(default=None, validator=_text)
    #: Whether ``claim`` is the source's exact words (shown in quotation marks);
    #: otherwise it is a paraphrase, never shown in quotation marks.
    quoted: bool = False
    settings: Settings | None = None  # only what differs from the cohort and benchmark
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class SafetyFinding:
    """A safety or evaluation finding, internal or by a third party."""

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    evaluator: str = attrs.field(validator=_text)
    evaluation: Evaluation
    framework: str | None = attrs.field(default=None, validator=_text)
    domain: str | None = attrs.field(default=None, validator=_text)
    outcome: str | None = attrs.field(default=None, validator=_text)
    release_blocker: bool | None = None  # None: the source does not say
    detail: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class UseCase:
    """Something the developer shows the model doing."""

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    description: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class Insight:
    """A strength, weakness, risk, strategy note, piece of context or takeaway."""

    id: str = attrs.field(validator=_slug)
    kind: InsightKind
    text: str = attrs.field(validator=_text)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class Launch:
    """One AI model launch: the models, where they ship, how they compare, what it means."""

    schema_version: int = SCHEMA_VERSION
    id: str = attrs.field(validator=_file_name_id)  # also the file name of every export
    title: str = attrs.field(validator=_text)
    developer: Developer
    as_of: date | None = None  # when the record was last brought up to date
    summary: str | None = attrs.field(default=None, validator=_text)
    dates: tuple[DatedEvent, ...] = ()
    license: License | None = None
    models: tuple[Model, ...] = ()
    modes: tuple[Mode, ...] = ()
    surfaces: tuple[Surface, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    results: tuple[Result, ...] = ()
    safety: tuple[SafetyFinding, ...] = ()
    use_cases: tuple[UseCase, ...] = ()
    insights: tuple[Insight, ...] = ()
    sources: tuple[Source, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = launch_problems(self)
        if problems:
            raise InvalidLaunchError([Problem(message, path) for path, message in problems])

    # Lookups are built on demand: the record is frozen, so they never go stale.
    @property
    def launched(self) -> tuple[Model, ...]:
        """The launched models, in the order given."""
        return tuple(model for model in self.models if model.launched)

    @property
    def lead_model(self) -> Model:
        """The first launched model: the one a one-line summary names."""
        return self.launched[0]

    @property
    def announced(self) -> date | None:
        """The day the launch was announced (the first source's, if sources disagree)."""
        for event in self.dates:
            if event.event.strip().lower() == "announced":
                return event.date
        return None

    def model(self, model_id: str) -> Model:
        """The model with this id; ``KeyError`` if there is none."""
        return _lookup(self).models[model_id]

    def cohort(self, cohort_id: str) -> Cohort:
        """The cohort with this id; ``KeyError`` if there is none."""
        return _lookup(self).cohorts[cohort_id]

    def benchmark(self, benchmark_id: str) -> Benchmark:
        """The benchmark with this id; ``KeyError`` if there is none."""
        return _lookup(self).benchmarks[benchmark_id]

    def source(self, source_id: str) -> Source:
        """The source with this id; ``KeyError`` if there is none."""
        return _lookup(self).sources[source_id]

    def settings(self, result: Result) -> Settings:
        """The settings ``result`` ran under: its cohort's, its benchmark's, its own, in that order.

        Results of one cohort and benchmark without settings of their own share one object.
        """
        lookup = _lookup(self)
        key = (result.cohort, result.benchmark)
        base = lookup.settings.get(key)
        if base is None:
            base = Settings()
            cohort = lookup.cohorts.get(result.cohort) if result.cohort else None
            if cohort is not None and cohort.settings is not None:
                base = cohort.settings.over(base)
            benchmark = lookup.benchmarks.get(result.benchmark)
            if benchmark is not None and benchmark.settings is not None:
                base = benchmark.settings.over(base)
            lookup.settings[key] = base
        return base if result.settings is None else result.settings.over(base)


class _Lookup:
    """Dictionaries over one launch, built on first use and dropped with the launch."""

    def __init__(self, launch: Launch) -> None:
        # With duplicate ids (refused anyway) the first record wins, as everywhere else.
        self.models: dict[str, Model] = _first_by_id(launch.models)
        self.cohorts: dict[str, Cohort] = _first_by_id(launch.cohorts)
        self.benchmarks: dict[str, Benchmark] = _first_by_id(launch.benchmarks)
        self.sources: dict[str, Source] = _first_by_id(launch.sources)
        self.settings: dict[tuple[str | None, str], Settings] = {}


def _first_by_id(records: Iterable[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for record in records:
        found.setdefault(record.id, record)
    return found


# A launch is frozen, so its lookups never go stale. They are kept by the launch's
# identity (hashing a launch would walk all of it) and dropped when it is collected.
_LOOKUPS: dict[int, _Lookup] = {}


def _lookup(launch: Launch) -> _Lookup:
    found = _LOOKUPS.get(id(launch))
    if found is None:
        found = _LOOKUPS[id(launch)] = _Lookup(launch)
        weakref.finalize(launch, _LOOKUPS.pop, id(launch), None)
    return found


# --------------------------------------------------------------------------- checks
#
# The checks read fields through _get so that they run on a built Launch and, just
# as well, on the plain data of a file that could not be fully built: a reader then
# reports reference errors together with type errors, all at once.


def _get(record: Any, name: str, default: Any = None) -> Any:
    if isinstance(record, Mapping):
        return record.get(name, default)
    return getattr(record, name, default)


def _items(record: Any, name: str) -> Iterator[tuple[int, Any]]:
    value = _get(record, name, ())
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            # Entries that are not records at all are reported by the type checks.
            if isinstance(item, Mapping) or attrs.has(type(item)):
                yield index, item


def _str_list(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [item for item in value if isinstance(item, str)]
    return []


class Suggestions:
    """Close matches for a mistyped id, at a cost that does not grow with the ids known.

    A lookup reads two small indexes built once: ids one deletion away from the
    value (``gpt5`` finds ``gpt-5-4``, separators aside), and ids that share a
    rare three-letter piece with it (``fraction-bench`` finds ``frac-bench``).
    The few candidates are ranked as :func:`difflib.get_close_matches` would.
    """

    #: A three-letter piece shared by more ids than this says little; it is skipped.
    COMMON = 32
    #: Only this much of an id takes part (ids are at most 100 characters).
    PREFIX = 40
    #: How many ids sharing pieces with the value are ranked.
    RANKED = 8

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted(set(known))
        self._deletions: dict[str, list[str]] | None = None
        self._pieces: dict[str, list[str]] = {}

    def closest(self, value: str, cutoff: float = 0.6) -> str | None:
        """The known id closest to ``value``, or ``None`` if none is close enough."""
        if not self.known or not value or len(value) > 2 * self.PREFIX:
            return None
        if len(self.known) <= self.COMMON:
            candidates: set[str] = set(self.known)
        else:
            candidates = self._candidates(value)
        best = None
        best_ratio = cutoff
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(value)
        for candidate in sorted(candidates):
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            # As difflib.get_close_matches: the highest ratio; of equals, the last in order.
            if ratio >= best_ratio:
                best, best_ratio = candidate, ratio
        return best

    def _candidates(self, value: str) -> set[str]:
        if self._deletions is None:
            self._deletions, self._pieces = {}, {}
            for known in self.known:
                key = _squash(known)
                for variant in _one_deleted(key):
                    self._deletions.setdefault(variant, []).append(known)
                for piece in _pieces(key):
                    self._pieces.setdefault(piece, []).append(known)
        key = _squash(value)
        candidates: set[str] = set()
        for variant in _one_deleted(key):
            candidates.update(self._deletions.get(variant, ())[: self.COMMON])
        shared: dict[str, int] = {}
        for piece in _pieces(key):
            holders = self._pieces.get(piece, ())
            if len(holders) <= self.COMMON:
                for holder in holders:
                    shared[holder] = shared.get(holder, 0) + 1
        # The ids sharing the most rare pieces; a few are enough to rank.
        ranked = sorted(shared, key=lambda holder: (-shared[holder], holder))
        candidates.update(ranked[: self.RANKED])
        return candidates


def _squash(value: str) -> str:
    return re.sub(r"[-_.\s]", "", value.lower())[: Suggestions.PREFIX]


def _one_deleted(key: str) -> set[str]:
    return {key, *(key[:place] + key[place + 1 :] for place in range(len(key)))}


def _pieces(key: str) -> set[str]:
    return {key[place : place + 3] for place in range(max(1, len(key) - 2))}


def unknown_id(kind: str, value: Any, known: Iterable[str]) -> str:
    """``unknown model 'gpt5' (known: alpha, gpt-5-4; did you mean 'gpt-5-4'?)``."""
    return _unknown(kind, value, Suggestions(known))


#: How many unknown ids of one launch get a did-you-mean.
MAX_SUGGESTIONS = 1000


def _unknown(kind: str, value: str, known: Suggestions, hint: bool = True) -> str:
    message = f"unknown {kind} {shown(value)}"
    if not known.known:
        return f"{message} (no {kind}s are defined)"
    listed = known.known
    more = f", … {len(listed) - 6:,} more" if len(listed) > 6 else ""
    shown_ids = ", ".join(listed[:6]) + more
    close = known.closest(value) if hint else None
    meant = f"; did you mean {close!r}?" if close else ""
    return f"{message} (known: {shown_ids}{meant})"


_COLLECTIONS_WITH_IDS = (
    ("sources", "source"),
    ("models", "model"),
    ("cohorts", "cohort"),
    ("benchmarks", "benchmark"),
    ("modes", "mode"),
    ("surfaces", "surface"),
    ("safety", "safety finding"),
    ("use_cases", "use case"),
    ("insights", "insight"),
)


def _bound(value: float) -> str:
    # A bound the file gives is shown as written (min: 0.5); a scale's own as 0 or 100.
    return written(value) if isinstance(value, Score) else f"{value:g}"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _enum_value(value: Any, enum_type: type[enum.Enum]) -> enum.Enum | None:
    if isinstance(value, enum_type):
        return value
    try:
        return enum_type(value)
    except (ValueError, TypeError):
        return None


def launch_problems(launch: Any) -> list[tuple[str, str]]:
    """Cross-reference problems of a launch, as ``(field path, message)`` pairs.

    Works on a :class:`Launch` and on the plain mapping it would be built from;
    values of the wrong type are skipped here (the type checks report them).
    """
    problems: list[tuple[str, str]] = []
    ids: dict[str, set[str]] = {}
    suggestions: dict[str, Suggestions] = {}
    messages: dict[tuple[str, str], str] = {}

    def unknown(kind: str, value: str, collection: str) -> str:
        if (collection, value) not in messages:
            if collection not in suggestions:
                suggestions[collection] = Suggestions(ids[collection])
            # Past the first thousand, a did-you-mean is noise: the ids are listed only.
            hint = len(messages) < MAX_SUGGESTIONS
            messages[collection, value] = _unknown(kind, value, suggestions[collection], hint)
        return messages[collection, value]

    for collection, kind in _COLLECTIONS_WITH_IDS:
        seen: dict[str, int] = {}
        for index, record in _items(launch, collection):
            record_id = _get(record, "id")
            if not isinstance(record_id, str):
                continue
            if record_id in seen:
                problems.append(
                    (
                        f"{collection}[{index}].id",
                        f"duplicate {kind} id {record_id!r} (first used at"
                        f" {collection}[{seen[record_id]}])",
                    )
                )
            else:
                seen[record_id] = index
        ids[collection] = set(seen)

    def check_sources(path: str, record: Any) -> None:
        for position, source_id in enumerate(_str_list(_get(record, "sources", ()))):
            if source_id not in ids["sources"]:
                problems.append(
                    (f"{path}.sources[{position}]", unknown("source", source_id, "sources"))
                )

    def check_ref(path: str, value: Any, collection: str, kind: str) -> None:
        # A malformed id is reported as such by the field check; one message is enough.
        if isinstance(value, str) and _SLUG.fullmatch(value) and value not in ids[collection]:
            problems.append((path, unknown(kind, value, collection)))

    for name in ("developer", "license"):
        record = _get(launch, name)
        if record is not None and not isinstance(record, (str, list)):
            check_sources(name, record)
    for index, event in _items(launch, "dates"):
        check_sources(f"dates[{index}]", event)

    for collection, _kind in _COLLECTIONS_WITH_IDS:
        if collection == "sources":
            continue
        for index, record in _items(launch, collection):
            check_sources(f"{collection}[{index}]", record)
            if collection == "models":
                licence = _get(record, "license")
                if licence is not None and not isinstance(licence, (str, list)):
                    check_sources(f"models[{index}].license", licence)

    models = [record for _index, record in _items(launch, "models")]
    if isinstance(_get(launch, "models", ()), (list, tuple)) and not any(
        _get(model, "launched", False) is True for model in models
    ):
        problems.append(
            (
                "models",
                "no model is marked launched: give each model the launch releases `launched: true`",
            )
        )

    bounds: dict[str, tuple[Scale, tuple[float, float] | None]] = {}
    for index, benchmark in _items(launch, "benchmarks"):
        scale = _enum_value(_get(benchmark, "scale", Scale.PERCENT), Scale)
        if not isinstance(scale, Scale):
            continue
        low, high = _get(benchmark, "min"), _get(benchmark, "max")
        given = [n for n in (low, high) if _is_number(n)]
        range_: tuple[float, float] | None = scale.bounds
        if given and scale.bounds is not None:
            problems.append(
                (
                    f"benchmarks[{index}].{'min' if _is_number(low) else 'max'}",
                    f"a {scale.value} scale has fixed bounds ({scale.bounds[0]:g} to"
                    f" {scale.bounds[1]:g}); min and max are for points and elo",
                )
            )
        elif _is_number(low) and _is_number(high):
            if low >= high:
                problems.append(
                    (
                        f"benchmarks[{index}].max",
                        f"must be more than min ({written(low)}), got {written(high)}",
                    )
                )
            else:
                range_ = (low, high)
        if isinstance(_get(benchmark, "id"), str):
            # With duplicate ids the first benchmark counts, as everywhere else.
            bounds.setdefault(_get(benchmark, "id"), (scale, range_))

    seen_results: dict[tuple[Any, ...], int] = {}
    for index, result in _items(launch, "results"):
        path = f"results[{index}]"
        benchmark_id = _get(result, "benchmark")
        model_id = _get(result, "model")
        mode_id = _get(result, "mode")
        cohort_id = _get(result, "cohort")
        check_ref(f"{path}.benchmark", benchmark_id, "benchmarks", "benchmark")
        check_ref(f"{path}.model", model_id, "models", "model")
        if mode_id is not None:
            check_ref(f"{path}.mode", mode_id, "modes", "mode")
        if cohort_id is not None:
            check_ref(f"{path}.cohort", cohort_id, "cohorts", "cohort")
        check_sources(path, result)
        key = (benchmark_id, model_id, mode_id, cohort_id)
        if all(isinstance(part, (str, type(None))) for part in key):
            if key in seen_results:
                problems.append(
                    (
                        path,
                        f"a second result for model {model_id!r} on benchmark"
                        f" {benchmark_id!r}"
                        + (f" in mode {mode_id!r}" if mode_id else "")
                        + (f" in cohort {cohort_id!r}" if cohort_id else "")
                        + f" (first at results[{seen_results[key]}])",
                    )
                )
            else:
                seen_results[key] = index
        score = _get(result, "score")
        scale, range_ = (
            bounds.get(benchmark_id, (None, None))
            if isinstance(benchmark_id, str)
            else (None, None)
        )
        if _is_number(score) and scale is not None and range_ is not None and math.isfinite(score):
            low, high = range_
            if not low <= score <= high:
                problems.append(
                    (
                        f"{path}.score",
                        f"{written(score)} is outside the {scale.value} scale of benchmark"
                        f" {benchmark_id!r} ({_bound(low)} to {_bound(high)})",
                    )
                )
        comparisons = _get(result, "comparisons", ())
        has_comparisons = False
        for position, comparison in _items(result, "comparisons"):
            has_comparisons = True
            for place, versus in enumerate(_str_list(_get(comparison, "versus", ()))):
                check_ref(
                    f"{path}.comparisons[{position}].versus[{place}]", versus, "models", "model"
                )
                if versus == model_id:
                    problems.append(
                        (
                            f"{path}.comparisons[{position}].versus[{place}]",
                            f"a model cannot be compared with itself ({model_id!r})",
                        )
                    )
        if (
            score is None
            and not has_comparisons
            and _get(result, "claim") is None
            and isinstance(comparisons, (list, tuple))
        ):
            problems.append(
                (path, "a result needs a score, a comparison or a claim in the source's words")
            )
        if _get(result, "quoted") is True and _get(result, "claim") is None:
            problems.append(
                (
                    f"{path}.quoted",
                    "marked as the source's exact words, but there is no claim: give the"
                    " words in `claim`, or set `quoted` to false",
                )
            )

    version = _get(launch, "schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        problems.append(
            (
                "schema_version",
                f"this launchbrief reads schema versions 1 and {SCHEMA_VERSION}, the record"
                f" has {version}",
            )
        )
    for index, mode in _items(launch, "modes"):
        order = _get(mode, "order")
        if isinstance(order, int) and not isinstance(order, bool) and order < 1:
            problems.append((f"modes[{index}].order", f"must be 1 or more, got {order}"))
    return problems
