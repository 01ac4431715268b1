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
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import attrs

from launchbrief.exceptions import InvalidLaunchError, Problem

__all__ = [
    "MAX_SCORE",
    "SCHEMA_VERSION",
    "Benchmark",
    "ComparedModel",
    "Comparison",
    "Developer",
    "Direction",
    "Evaluation",
    "Insight",
    "InsightKind",
    "Launch",
    "LaunchedModel",
    "Mode",
    "Relation",
    "Result",
    "RolloutStatus",
    "SafetyFinding",
    "Scale",
    "Source",
    "SourceKind",
    "Surface",
    "SurfaceKind",
    "UseCase",
    "launch_problems",
]

#: Version of the record's shape; written into every dump and workbook.
SCHEMA_VERSION = 1

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


# --------------------------------------------------------------------------- enums


class SurfaceKind(enum.Enum):
    """What kind of place a surface is."""

    APP = "app"
    WEB = "web"
    MESSAGING = "messaging"
    SOCIAL = "social"
    DEVICE = "device"
    API = "api"
    OTHER = "other"


class RolloutStatus(enum.Enum):
    """How far a surface or mode has shipped, from most to least available."""

    LIVE = "live"
    ROLLING_OUT = "rolling_out"
    PREVIEW = "preview"
    PLANNED = "planned"

    @property
    def label(self) -> str:
        """The status in words: ``"rolling out"``."""
        return self.value.replace("_", " ")


class Scale(enum.Enum):
    """The scale a benchmark reports on; percent and fraction are bounded."""

    PERCENT = "percent"
    FRACTION = "fraction"
    POINTS = "points"
    ELO = "elo"

    @property
    def bounds(self) -> tuple[float, float] | None:
        """``(low, high)`` for bounded scales, ``None`` for open ones."""
        return {Scale.PERCENT: (0.0, 100.0), Scale.FRACTION: (0.0, 1.0)}.get(self)


class Direction(enum.Enum):
    """Whether a higher or a lower score is better."""

    HIGHER = "higher"
    LOWER = "lower"


class Relation(enum.Enum):
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


class Evaluation(enum.Enum):
    """Who ran a safety evaluation."""

    INTERNAL = "internal"
    THIRD_PARTY = "third_party"


class SourceKind(enum.Enum):
    """Where a source stands relative to the developer."""

    VENDOR = "vendor"
    PRESS = "press"
    THIRD_PARTY = "third_party"
    INDEPENDENT = "independent"


class InsightKind(enum.Enum):
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
class LaunchedModel:
    """The model being launched; ``id`` is its entry among the compared models."""

    id: str = attrs.field(validator=_slug)
    summary: str | None = attrs.field(default=None, validator=_text)
    family: str | None = attrs.field(default=None, validator=_text)
    predecessor: str | None = attrs.field(default=None, validator=_text)
    modalities: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    capabilities: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    powers: tuple[str, ...] = attrs.field(default=(), validator=_unique_texts)
    sources: _Sources = ()


@attrs.frozen(kw_only=True)
class Mode:
    """A reasoning mode; ``order`` runs from fastest (1) to deepest."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    order: int
    description: str | None = attrs.field(default=None, validator=_text)
    status: RolloutStatus = RolloutStatus.LIVE
    timing: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()

    @property
    def availability(self) -> str:
        """Status and timing in words, without saying it twice: ``"rolling out gradually"``."""
        return _availability(self.status, self.timing)


@attrs.frozen(kw_only=True)
class Surface:
    """A place where the model ships: an app, a website, an API, a device."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    kind: SurfaceKind
    status: RolloutStatus
    audience: str | None = attrs.field(default=None, validator=_text)
    timing: str | None = attrs.field(default=None, validator=_text)  # as the source words it
    sources: _Sources = ()

    @property
    def availability(self) -> str:
        """Status and timing in words: ``"planned, over the coming weeks"``."""
        return _availability(self.status, self.timing)


@attrs.frozen(kw_only=True)
class ComparedModel:
    """A model in the comparison set; the launched model is one of them."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    developer: str | None = attrs.field(default=None, validator=_text)
    variant: str | None = attrs.field(default=None, validator=_text)  # "High", "Max"
    sources: _Sources = ()

    @property
    def label(self) -> str:
        """Name and variant as a chart legend shows them: ``"Gemini 3.1 Pro High"``."""
        return f"{self.name} {self.variant}" if self.variant else self.name


@attrs.frozen(kw_only=True)
class Benchmark:
    """A benchmark and how to read its scores."""

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    category: str = attrs.field(validator=_text)  # "multimodal", "health", ...
    scale: Scale = Scale.PERCENT
    direction: Direction = Direction.HIGHER
    settings: str | None = attrs.field(default=None, validator=_text)
    description: str | None = attrs.field(default=None, validator=_text)
    sources: _Sources = ()


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
    """One model on one benchmark: a score, or no score and qualitative comparisons."""

    benchmark: str = attrs.field(validator=_slug)
    model: str = attrs.field(validator=_slug)
    mode: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))
    score: float | None = attrs.field(default=None, validator=_finite)
    comparisons: tuple[Comparison, ...] = ()
    claim: str | None = attrs.field(default=None, validator=_text)  # the source's words
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
    """One AI model launch: the model, where it ships, how it compares, what it means."""

    schema_version: int = SCHEMA_VERSION
    id: str = attrs.field(validator=_file_name_id)  # also the file name of every export
    title: str = attrs.field(validator=_text)
    developer: Developer
    model: LaunchedModel
    announced: date | None = None
    as_of: date | None = None  # when the record was last brought up to date
    summary: str | None = attrs.field(default=None, validator=_text)
    modes: tuple[Mode, ...] = ()
    surfaces: tuple[Surface, ...] = ()
    models: tuple[ComparedModel, ...] = ()
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
    def launched_model(self) -> ComparedModel:
        """The compared-model entry of the launched model."""
        return self.compared_model(self.model.id)

    def compared_model(self, model_id: str) -> ComparedModel:
        """The compared model with this id; ``KeyError`` if there is none."""
        for model in self.models:
            if model.id == model_id:
                return model
        raise KeyError(model_id)

    def benchmark(self, benchmark_id: str) -> Benchmark:
        """The benchmark with this id; ``KeyError`` if there is none."""
        for benchmark in self.benchmarks:
            if benchmark.id == benchmark_id:
                return benchmark
        raise KeyError(benchmark_id)

    def source(self, source_id: str) -> Source:
        """The source with this id; ``KeyError`` if there is none."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)


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
    ("benchmarks", "benchmark"),
    ("modes", "mode"),
    ("surfaces", "surface"),
    ("safety", "safety finding"),
    ("use_cases", "use case"),
    ("insights", "insight"),
)


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

    developer = _get(launch, "developer")
    if developer is not None:
        check_sources("developer", developer)
    launched = _get(launch, "model")
    if launched is not None:
        check_ref("model.id", _get(launched, "id"), "models", "model")
        check_sources("model", launched)

    for collection, _kind in _COLLECTIONS_WITH_IDS:
        if collection == "sources":
            continue
        for index, record in _items(launch, collection):
            check_sources(f"{collection}[{index}]", record)

    scales: dict[str, Scale] = {}
    for _index, benchmark in _items(launch, "benchmarks"):
        scale = _enum_value(_get(benchmark, "scale", Scale.PERCENT), Scale)
        if isinstance(_get(benchmark, "id"), str) and isinstance(scale, Scale):
            # With duplicate ids the first benchmark counts, as everywhere else.
            scales.setdefault(_get(benchmark, "id"), scale)

    seen_results: dict[tuple[Any, Any, Any], int] = {}
    for index, result in _items(launch, "results"):
        path = f"results[{index}]"
        benchmark_id = _get(result, "benchmark")
        model_id = _get(result, "model")
        mode_id = _get(result, "mode")
        check_ref(f"{path}.benchmark", benchmark_id, "benchmarks", "benchmark")
        check_ref(f"{path}.model", model_id, "models", "model")
        if mode_id is not None:
            check_ref(f"{path}.mode", mode_id, "modes", "mode")
        check_sources(path, result)
        key = (benchmark_id, model_id, mode_id)
        if all(isinstance(part, (str, type(None))) for part in key):
            if key in seen_results:
                problems.append(
                    (
                        path,
                        f"a second result for model {model_id!r} on benchmark"
                        f" {benchmark_id!r}"
                        + (f" in mode {mode_id!r}" if mode_id else "")
                        + f" (first at results[{seen_results[key]}])",
                    )
                )
            else:
                seen_results[key] = index
        score = _get(result, "score")
        scale = scales.get(benchmark_id) if isinstance(benchmark_id, str) else None
        if (
            isinstance(score, (int, float))
            and not isinstance(score, bool)
            and scale is not None
            and scale.bounds is not None
            and math.isfinite(score)
        ):
            low, high = scale.bounds
            if not low <= score <= high:
                problems.append(
                    (
                        f"{path}.score",
                        f"{score:g} is outside the {scale.value} scale of benchmark"
                        f" {benchmark_id!r} ({low:g} to {high:g})",
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

    version = _get(launch, "schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and version != SCHEMA_VERSION:
        problems.append(
            (
                "schema_version",
                f"this launchbrief reads schema version {SCHEMA_VERSION}, the record has {version}",
            )
        )
    for index, mode in _items(launch, "modes"):
        order = _get(mode, "order")
        if isinstance(order, int) and not isinstance(order, bool) and order < 1:
            problems.append((f"modes[{index}].order", f"must be 1 or more, got {order}"))
    return problems
