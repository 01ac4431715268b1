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

    @classmethod
    def of_json_number(cls, token: str) -> Score:
        """``Score(token)`` for a JSON number with a fraction or an exponent, made faster.

        A JSON parser hands over only well-formed tokens (no sign but ``-``, no spaces):
        the decimals are counted without the regular expressions a written text needs.
        """
        if len(token) > 40 or "e" in token or "E" in token:
            return cls(token)
        number = float.__new__(cls, token)
        point = token.find(".")
        number.decimals = 0 if point < 0 else len(token) - point - 1
        number.exponent = None
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
    """How many worked examples the prompt held: 0 for zero-shot, 5 for 5-shot."""
    temperature: float | None = attrs.field(default=None, validator=_at_least(0))
    """The sampling temperature, 0 or more (0 is greedy decoding)."""
    top_p: float | None = attrs.field(default=None, validator=_probability)
    """Nucleus sampling: the share of probability mass sampled from, above 0 and at most 1."""
    samples: int | None = attrs.field(default=None, validator=_at_least(1))
    """How many answers were sampled per question (the k of pass@k, or votes), 1 or more."""
    chain_of_thought: bool | None = None
    """Whether the model reasoned step by step before answering; absent when the source does not say."""
    tools: bool | None = None
    """Whether the model could use tools (code execution, search); absent when the source does not say."""
    harness: str | None = attrs.field(default=None, validator=_text)
    """The evaluation harness or code that ran the benchmark, as the source names it."""
    judge: str | None = attrs.field(default=None, validator=_text)
    """The model or people that graded free-form answers, as the source names them."""
    other: tuple[tuple[str, Scalar], ...] = attrs.field(default=(), validator=_free_keys)
    """Any other setting, under a key of letters, digits and '_' (at most 64 characters), holding text, a number or true/false: ``metric: pass@1``."""

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
    """The total number of parameters, as a plain count: ``27e9`` for 27 billion."""
    active_parameters: float | None = attrs.field(default=None, validator=_positive)
    """For a mixture of experts, the parameters used per token, as a plain count: ``17e9``."""
    architecture: str | None = attrs.field(default=None, validator=_text)
    """The architecture in the source's words: ``dense``, ``mixture of experts``."""
    context_window: int | None = attrs.field(default=None, validator=_positive)
    """The longest input the model takes, in tokens: ``128000``."""
    knowledge_cutoff: str | None = attrs.field(default=None, validator=_text)
    """The date the training data ends, as text, since sources give a month (``"2024-08"``) as often as a day."""
    other: tuple[tuple[str, Scalar], ...] = attrs.field(default=(), validator=_free_keys)
    """Any other spec, under a key of letters, digits and '_' (at most 64 characters), holding text, a number or true/false: ``layers: 62``."""

    def items(self) -> tuple[tuple[str, Scalar], ...]:
        """Every spec given, as ``(key, value)``: the named ones first, then the others."""
        return _given(self)


@attrs.frozen(kw_only=True)
class Source:
    """Where facts come from: an article, a vendor page, a chart, a paper."""

    id: str = attrs.field(validator=_slug, metadata={"examples": ["vendor-blog"]})
    """The source's id, which records cite in their ``sources``: lowercase letters, digits, '-', '_' and '.'."""
    name: str = attrs.field(validator=_text)
    """A short name for slide footers and tables: ``Reuters``."""
    kind: SourceKind
    """Where the source stands relative to the developer: vendor, press, third_party or independent."""
    publisher: str | None = attrs.field(default=None, validator=_text)
    """Who published it, when the name does not say: ``Thomson Reuters``."""
    title: str | None = attrs.field(default=None, validator=_text)
    """The article's, page's or paper's title."""
    url: str | None = attrs.field(default=None, validator=_text)
    """Where to read it: a web address, as written."""
    published: date | None = None
    """The day it was published, as YYYY-MM-DD."""
    note: str | None = attrs.field(default=None, validator=_text)
    """Anything a reader should know about the source: ``chart read from the launch video``."""


@attrs.frozen(kw_only=True)
class Developer:
    """The organisation behind the launch."""

    name: str = attrs.field(validator=_text)
    """The organization's name: ``Meta``, ``Google DeepMind``."""
    division: str | None = attrs.field(default=None, validator=_text)
    """The team or lab within it that made the models: ``Meta Superintelligence Labs``."""
    sources: _Sources = ()
    """Ids of the sources that name the developer."""


@attrs.frozen(kw_only=True)
class License:
    """The terms the models ship under: a name, whether the weights are open, a link."""

    name: str = attrs.field(validator=_text)
    """The licence's name: ``Apache 2.0``, ``Gemma Terms of Use``, ``proprietary``."""
    open_weights: bool | None = None
    """Whether anyone may download the weights; absent when the source does not say."""
    url: str | None = attrs.field(default=None, validator=_text)
    """Where the licence text is: a web address, as written."""
    sources: _Sources = ()
    """Ids of the sources that give the licence."""


@attrs.frozen(kw_only=True)
class DatedEvent:
    """Something that happened on a day, as one source dates it: announced, released...

    Two sources that date the same event differently give two entries; the analysis
    reports the conflict rather than choosing.
    """

    event: str = attrs.field(validator=_text)
    """What happened, in a few words: ``announced``, ``released``, ``weights released``, ``paper``."""
    date: date
    """The day it happened, as YYYY-MM-DD (a time after the day is allowed and ignored)."""
    note: str | None = attrs.field(default=None, validator=_text)
    """Anything a reader should know about this date: ``US time``."""
    sources: _Sources = ()
    """Ids of the sources that give this date."""


@attrs.frozen(kw_only=True)
class Model:
    """A model in the launch: launched (``launched=True``) or compared against.

    Launched models carry what is known of them (summary, modalities, capabilities,
    specs, licence...); any model may.
    """

    id: str = attrs.field(validator=_slug, metadata={"examples": ["gpt-5-4"]})
    """The model's id, which results and comparisons use: lowercase letters, digits, '-', '_' and '.'."""
    name: str = attrs.field(validator=_text)
    """The model's name as people write it: ``Gemini 3.1 Pro``."""
    developer: str | None = attrs.field(default=None, validator=_text)
    """Who made it, for a compared model from another developer: ``OpenAI``."""
    variant: str | None = attrs.field(default=None, validator=_text)
    """The setting or size the results are for, shown after the name: ``High``, ``Max``."""
    launched: bool = False
    """Whether this launch releases the model (true), or the model is only compared against (false)."""
    summary: str | None = attrs.field(default=None, validator=_text)
    """What the model is, in a sentence or two."""
    family: str | None = attrs.field(default=None, validator=_text)
    """The family the model belongs to: ``Llama 4``."""
    predecessor: str | None = attrs.field(default=None, validator=_text)
    """The model it follows, by name: ``Gemma 2``."""
    modalities: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    """What it reads (and writes), in words: ``text``, ``images``, ``audio``."""
    capabilities: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    """What it can do, in the source's words: ``tool use``, ``visual chain of thought``."""
    powers: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    """Products the model runs, by name: ``Meta AI``."""
    specs: Specs | None = None
    """Size, architecture, context window and knowledge cutoff, as far as the source gives them."""
    license: License | None = None
    """The model's licence, only when it differs from the launch's."""
    sources: _Sources = ()
    """Ids of the sources that describe the model."""

    @property
    def label(self) -> str:
        """Name and variant as a chart legend shows them: ``"Gemini 3.1 Pro High"``."""
        return f"{self.name} {self.variant}" if self.variant else self.name


#: The name the record used for models before schema 2; the same class.
ComparedModel = Model


@attrs.frozen(kw_only=True)
class Mode:
    """A reasoning mode; ``order`` runs from fastest (1) to deepest."""

    id: str = attrs.field(validator=_slug, metadata={"examples": ["thinking"]})
    """The mode's id, which results use: lowercase letters, digits, '-', '_' and '.'."""
    name: str = attrs.field(validator=_text)
    """The mode's name as the developer writes it: ``Thinking``."""
    order: int
    """Its place from fastest (1) to deepest: a whole number, 1 or more."""
    description: str | None = attrs.field(default=None, validator=_text)
    """What the mode does, in a sentence."""
    status: RolloutStatus = RolloutStatus.UNKNOWN
    """How far it has shipped: live, rolling_out, preview, planned, or unknown when the source does not say."""
    timing: str | None = attrs.field(default=None, validator=_text)
    """When it ships, as the source words it: ``in the coming weeks``."""
    sources: _Sources = ()
    """Ids of the sources that describe the mode."""

    @property
    def availability(self) -> str:
        """Status and timing in words, without saying it twice: ``"rolling out gradually"``."""
        return _availability(self.status, self.timing)


@attrs.frozen(kw_only=True)
class Surface:
    """A place where the models ship: an app, a website, an API, a weights download..."""

    id: str = attrs.field(validator=_slug, metadata={"examples": ["meta-ai-app"]})
    """The surface's id: lowercase letters, digits, '-', '_' and '.'."""
    name: str = attrs.field(validator=_text)
    """The surface's name: ``Meta AI app``, ``Vertex AI``."""
    kind: SurfaceKind
    """What kind of place it is: app, web, messaging, social, device, api, weights, hub, cloud, runtime or other."""
    status: RolloutStatus = RolloutStatus.UNKNOWN
    """How far it has shipped there: live, rolling_out, preview, planned, or unknown when the source does not say."""
    audience: str | None = attrs.field(default=None, validator=_text)
    """Who can use it there: ``US users``, ``selected partners``."""
    timing: str | None = attrs.field(default=None, validator=_text)
    """When it ships there, as the source words it: ``over the coming weeks``."""
    note: str | None = attrs.field(default=None, validator=_text)
    """Anything else a reader should know: ``gated behind the licence``."""
    sources: _Sources = ()
    """Ids of the sources that name the surface."""

    @property
    def availability(self) -> str:
        """Status and timing in words: ``"planned, over the coming weeks"``."""
        return _availability(self.status, self.timing)


@attrs.frozen(kw_only=True)
class Cohort:
    """A table of results run one way: pretrained models 5-shot, instruct models 0-shot.

    Results of different cohorts never share a leaderboard.
    """

    id: str = attrs.field(validator=_slug, metadata={"examples": ["instruct"]})
    """The cohort's id, which results use: lowercase letters, digits, '-', '_' and '.'."""
    name: str = attrs.field(validator=_text)
    """The cohort's name, as a table heading: ``Instruct models``."""
    settings: Settings | None = None
    """How every result of the cohort was obtained; a benchmark's or a result's own settings win over these."""
    description: str | None = attrs.field(default=None, validator=_text)
    """What the cohort compares, in a sentence."""
    sources: _Sources = ()
    """Ids of the sources whose table the cohort is."""


@attrs.frozen(kw_only=True)
class Benchmark:
    """A benchmark and how to read its scores.

    ``min`` and ``max`` bound an open scale (points, Elo) when the benchmark has a
    range, such as MT-Bench's 0 to 10; scores outside them are refused.
    """

    id: str = attrs.field(validator=_slug, metadata={"examples": ["mmlu-pro"]})
    """The benchmark's id, which results use: lowercase letters, digits, '-', '_' and '.'."""
    name: str = attrs.field(validator=_text)
    """The benchmark's name as people write it: ``MMLU-Pro``."""
    category: str = attrs.field(validator=_text)
    """What it measures, in a word or two, for grouping: ``multimodal``, ``coding``, ``health``."""
    scale: Scale = Scale.PERCENT
    """The scale its scores are on: percent (0–100, the default), fraction (0–1), percentile (0–100), points or elo."""
    direction: Direction = Direction.HIGHER
    """Whether a higher (the default) or a lower score is better."""
    min: float | None = attrs.field(default=None, validator=_finite)
    """The lowest possible score, for a points or elo scale that has one; percent, fraction and percentile have fixed bounds."""
    max: float | None = attrs.field(default=None, validator=_finite)
    """The highest possible score, for a points or elo scale that has one (MT-Bench: 10); more than ``min``."""
    settings: Settings | None = None
    """How its results were obtained; they win over a cohort's settings, and a result's own win over them."""
    description: str | None = attrs.field(default=None, validator=_text)
    """What the benchmark tests, in a sentence."""
    sources: _Sources = ()
    """Ids of the sources that describe the benchmark."""

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
    """How the result's model compares: leads, trails, on_par or not_clearly_ahead."""
    versus: tuple[str, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(_slug)
    )
    """Ids of the models it is compared with; empty for the rest of the field."""


@attrs.frozen(kw_only=True)
class Result:
    """One model on one benchmark, in one cohort: a score, or comparisons and a claim.

    ``claim`` is what the source says of the result: its exact words when ``quoted``
    is true (exporters put them in quotation marks), else a paraphrase (never in
    quotation marks, since readers quote what is in them).
    """

    benchmark: str = attrs.field(validator=_slug, metadata={"examples": ["mmlu-pro"]})
    """The id of the benchmark, from ``benchmarks``."""
    model: str = attrs.field(validator=_slug, metadata={"examples": ["gpt-5-4"]})
    """The id of the model, from ``models``."""
    cohort: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))
    """The id of the cohort (the source's table) the result belongs to, from ``cohorts``; results of different cohorts are never ranked together."""
    mode: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))
    """The id of the reasoning mode the model ran in, from ``modes``."""
    score: float | None = attrs.field(default=None, validator=_finite)
    """The score exactly as the source writes it, on the benchmark's scale (percent 0–100 unless the benchmark says otherwise): ``85.20`` keeps its trailing zero. Leave it out when the source gives no number; never estimate one from a chart."""
    comparisons: tuple[Comparison, ...] = ()
    """What the source says in place of (or beside) a number: ``{relation: trails, versus: [gpt-5-4]}``."""
    claim: str | None = attrs.field(default=None, validator=_text)
    """What the source says of the result, in words: its exact words when ``quoted`` is true, else a paraphrase."""
    quoted: bool = False
    """Whether ``claim`` is the source's exact words (shown in quotation marks); otherwise it is a paraphrase, never shown in quotation marks."""
    settings: Settings | None = None
    """How this result was obtained, only where it differs from its cohort's and benchmark's settings."""
    sources: _Sources = ()
    """Ids of the sources that give the result."""


@attrs.frozen(kw_only=True)
class SafetyFinding:
    """A safety or evaluation finding, internal or by a third party."""

    id: str = attrs.field(validator=_slug)
    """The finding's id: lowercase letters, digits, '-', '_' and '.'."""
    title: str = attrs.field(validator=_text)
    """The finding in a few words: ``No critical cyber uplift``."""
    evaluator: str = attrs.field(validator=_text)
    """Who ran the evaluation: ``Meta``, ``UK AI Security Institute``."""
    evaluation: Evaluation
    """Whether the developer ran it (internal) or someone else did (third_party)."""
    framework: str | None = attrs.field(default=None, validator=_text)
    """The safety framework or policy it was run under: ``Frontier AI Framework``."""
    domain: str | None = attrs.field(default=None, validator=_text)
    """The risk area: ``cybersecurity``, ``chemical and biological``."""
    outcome: str | None = attrs.field(default=None, validator=_text)
    """What the evaluation found, in the source's words."""
    release_blocker: bool | None = None
    """Whether the finding would have stopped the release; absent when the source does not say."""
    detail: str | None = attrs.field(default=None, validator=_text)
    """More about the finding, in a sentence or two."""
    sources: _Sources = ()
    """Ids of the sources that report the finding."""


@attrs.frozen(kw_only=True)
class UseCase:
    """Something the developer shows the model doing."""

    id: str = attrs.field(validator=_slug)
    """The use case's id: lowercase letters, digits, '-', '_' and '.'."""
    title: str = attrs.field(validator=_text)
    """The use case in a few words: ``Planning a trip from a photo``."""
    description: str | None = attrs.field(default=None, validator=_text)
    """What the model does in it, in a sentence or two."""
    sources: _Sources = ()
    """Ids of the sources that show it."""


@attrs.frozen(kw_only=True)
class Insight:
    """A strength, weakness, risk, strategy note, piece of context or takeaway."""

    id: str = attrs.field(validator=_slug)
    """The insight's id: lowercase letters, digits, '-', '_' and '.'."""
    kind: InsightKind
    """What it is about: strength, weakness, risk, strategy, context or takeaway."""
    text: str = attrs.field(validator=_text)
    """The insight, in a sentence a briefing can show as is."""
    sources: _Sources = ()
    """Ids of the sources that back it."""


@attrs.frozen(kw_only=True)
class Launch:
    """One AI model launch: the models, where they ship, how they compare, what it means."""

    schema_version: int = SCHEMA_VERSION
    """The version of the record's shape: 2. Files written for launchbrief 0.1 say 1 (or nothing, with a ``model`` block) and still load."""
    id: str = attrs.field(validator=_file_name_id, metadata={"examples": ["aster-2"]})
    """The launch's id, also the file name of every export: lowercase letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 100 characters, and not a name Windows keeps for a device (con, nul, com1...)."""
    title: str = attrs.field(validator=_text)
    """The launch in one line, as a headline: ``Meta launches Muse Spark``."""
    developer: Developer
    """The organization behind the launch."""
    as_of: date | None = None
    """The day the record was last brought up to date, as YYYY-MM-DD."""
    summary: str | None = attrs.field(default=None, validator=_text)
    """The launch in a short paragraph: what shipped, where, and how it compares."""
    dates: tuple[DatedEvent, ...] = ()
    """Dated events (announced, released, weights, paper), each as one source dates it; sources that disagree give one entry each."""
    license: License | None = None
    """The terms the launched models ship under (a model with other terms gives its own)."""
    models: tuple[Model, ...] = ()
    """Every model in the record: the launched ones (``launched: true``, at least one) and the ones they are compared with."""
    modes: tuple[Mode, ...] = ()
    """The reasoning modes of the launched models, from fastest to deepest."""
    surfaces: tuple[Surface, ...] = ()
    """Where the models ship: apps, websites, APIs, weights downloads, clouds."""
    cohorts: tuple[Cohort, ...] = ()
    """Groups of results compared with each other, such as a paper's base-model and instruct-model tables."""
    benchmarks: tuple[Benchmark, ...] = ()
    """The benchmarks the results are on, with their scales."""
    results: tuple[Result, ...] = ()
    """One entry per model, benchmark, cohort and mode: a score, or comparisons and a claim."""
    safety: tuple[SafetyFinding, ...] = ()
    """Safety and evaluation findings, internal or by third parties."""
    use_cases: tuple[UseCase, ...] = ()
    """Things the developer shows the models doing."""
    insights: tuple[Insight, ...] = ()
    """Strengths, weaknesses, risks, strategy notes, context and takeaways."""
    sources: tuple[Source, ...] = ()
    """Where the facts come from; every claim-bearing record cites their ids."""

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
