"""What changed between two versions of a launch record, as typed changes.

:func:`diff` compares an earlier record with a later one and lists every fact that
moved: a score, a rank, a surface gone live, a new safety finding, a new source. Each
:class:`Change` has a kind (:class:`ChangeKind`), a subject and the values before and
after in words (scores as written), the record path it is about, and a sentence:

>>> import attrs, launchbrief
>>> old = launchbrief.load("muse-spark")
>>> whatsapp = next(s for s in old.surfaces if s.id == "whatsapp")
>>> live = attrs.evolve(whatsapp, status=launchbrief.RolloutStatus.LIVE, timing=None)
>>> new = attrs.evolve(old, surfaces=tuple(live if s is whatsapp else s for s in old.surfaces))
>>> [change.sentence for change in launchbrief.diff(old, new)]
['WhatsApp: planned, over the coming weeks → live']

Records are matched by id; results by (benchmark, model, cohort, mode); dated events
by their event. The order of a record's lists is not a change: two records differ in
:func:`diff` exactly when they hold different facts. Every field of the record is
compared; those without a kind of their own (a title, a model's specs, a source's
link) are :attr:`ChangeKind.DETAIL_CHANGED`.

Pure functions of two :class:`~launchbrief.model.Launch` records, in time linear in
their size.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import attrs

from launchbrief import analysis
from launchbrief._changes import Change, ChangeKind, Changes, day_words, report
from launchbrief.exceptions import ExportError
from launchbrief.model import (
    Benchmark,
    Cohort,
    Comparison,
    DatedEvent,
    Evaluation,
    Insight,
    Launch,
    License,
    Mode,
    Model,
    Result,
    SafetyFinding,
    Settings,
    Source,
    Specs,
    Surface,
    UseCase,
)

__all__ = ["Change", "ChangeKind", "Changes", "changes_since", "diff", "report"]


def diff(old: Launch, new: Launch) -> Changes:
    """What changed from ``old`` to ``new``, grouped by kind in :class:`ChangeKind` order.

    Results are matched by (benchmark, model, cohort, mode). Ranks are those of
    :func:`~launchbrief.analysis.leaderboards`: a launched model's rank change is
    reported only on a leaderboard with a rival's number (contested) in both versions.
    """
    if not isinstance(old, Launch) or not isinstance(new, Launch):
        raise TypeError("diff() compares two Launch records")
    found = _Differ(old, new)
    found.run()
    order = {kind: position for position, kind in enumerate(ChangeKind)}
    # Stable: within a kind, the record's order.
    items = sorted(found.changes, key=lambda change: order[change.kind])
    return Changes(items=tuple(items), old_as_of=old.as_of, new_as_of=new.as_of)


def changes_since(since: object, launch: Launch) -> Changes | None:
    """For an exporter's ``since=`` option: what changed from ``since`` to ``launch``.

    ``None`` without ``since``.

    Raises:
        ExportError: ``since`` is not a :class:`~launchbrief.model.Launch`.
    """
    if since is None:
        return None
    if not isinstance(since, Launch):
        raise ExportError(
            "since must be a Launch (an earlier version of the record, as load() gives it),"
            f" got {type(since).__name__}"
        )
    return diff(since, launch)


# --------------------------------------------------------------------------- words


_FIELD_WORDS = {
    "url": "URL",
    "as_of": "as-of date",
    "top_p": "top-p",
    "id": "id",
    "other": "other",
}


def _field_words(name: str) -> str:
    return _FIELD_WORDS.get(name, name.replace("_", " "))


def _words(value: Any) -> str:
    """A field's value in words: numbers as written, dates as days, ``"not given"`` for none."""
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return analysis.format_score(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, date):
        return day_words(value)
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else str(value.value).replace("_", " ")
    if isinstance(value, Settings):
        return analysis.describe_settings(value) or "none"
    if isinstance(value, Specs):
        return "; ".join(analysis.describe_spec(k, v) for k, v in value.items()) or "none"
    if isinstance(value, License):
        return _license_words(value)
    if isinstance(value, tuple):
        if not value:
            return "none"
        if all(isinstance(item, tuple) and len(item) == 2 for item in value):
            return "; ".join(f"{k}: {_words(v)}" for k, v in value)
        return ", ".join(_words(item) for item in value)
    if attrs.has(type(value)):
        return "; ".join(
            f"{_field_words(field.name)}: {_words(getattr(value, field.name))}"
            for field in attrs.fields(type(value))
            if getattr(value, field.name) not in (None, ())
        )
    return str(value)


def _license_words(license: License | None) -> str:
    if license is None:
        return "none given"
    weights = {True: ", open weights", False: ", weights not open", None: ""}[license.open_weights]
    return f"{license.name}{weights}"


def _dates_words(events: Sequence[DatedEvent]) -> str:
    days = sorted({event.date for event in events})
    return " or ".join(day_words(day) for day in days)


# --------------------------------------------------------------------------- the comparison

_ResultKey = tuple[str, str, str | None, str | None]


def _key(result: Result) -> _ResultKey:
    return (result.benchmark, result.model, result.cohort, result.mode)


def _comparisons(result: Result) -> tuple[Comparison, ...]:
    # The order in which the source lists comparisons is not a change.
    return tuple(sorted(result.comparisons, key=lambda c: (c.relation.value, c.versus)))


def _event_key(event: DatedEvent) -> str:
    return " ".join(event.event.lower().split())


class _Side:
    """Lookups over one version: records by id, results by key."""

    def __init__(self, launch: Launch) -> None:
        self.launch = launch
        self.models = {m.id: m for m in launch.models}
        self.modes = {m.id: m for m in launch.modes}
        self.cohorts = {c.id: c for c in launch.cohorts}
        self.benchmarks = {b.id: b for b in launch.benchmarks}
        self.results = {_key(r): (index, r) for index, r in enumerate(launch.results)}

    def model_label(self, model_id: str) -> str:
        model = self.models.get(model_id)
        return model.label if model is not None else model_id

    def result_subject(self, result: Result) -> str:
        """``CharXiv Reasoning: Muse Spark``, with the cohort and mode when given."""
        benchmark = self.benchmarks.get(result.benchmark)
        board = benchmark.name if benchmark is not None else result.benchmark
        if result.cohort is not None:
            cohort = self.cohorts.get(result.cohort)
            board += f" ({cohort.name if cohort is not None else result.cohort})"
        who = self.model_label(result.model)
        if result.mode is not None:
            mode = self.modes.get(result.mode)
            who += f" ({mode.name if mode is not None else result.mode})"
        return f"{board}: {who}"

    def comparison_words(self, comparisons: Iterable[Comparison]) -> str:
        parts = []
        for comparison in comparisons:
            rivals = [self.model_label(model_id) for model_id in comparison.versus]
            versus = ", ".join(rivals[:-1]) + f" and {rivals[-1]}" if len(rivals) > 1 else ""
            versus = versus or (rivals[0] if rivals else "the field")
            parts.append(f"{comparison.relation.label} {versus}")
        return "; ".join(parts) or "none"

    def result_words(self, result: Result) -> str:
        """A result's value: its score as written, else its comparisons or claim in words."""
        if result.score is not None:
            return analysis.format_score(result.score)
        if result.comparisons:
            return self.comparison_words(_comparisons(result))
        if result.claim is not None:
            return result.claim
        return "no number"


class _Differ:
    """Walks two versions side by side and collects their changes."""

    def __init__(self, old: Launch, new: Launch) -> None:
        self.old = _Side(old)
        self.new = _Side(new)
        self.changes: list[Change] = []

    def add(
        self,
        kind: ChangeKind,
        subject: str,
        before: str | None,
        after: str | None,
        path: str,
        sources: Sequence[str] = (),
    ) -> None:
        self.changes.append(
            Change(
                kind=kind,
                subject=subject,
                before=before,
                after=after,
                path=path,
                sources=tuple(sources),
            )
        )

    def run(self) -> None:
        old, new = self.old.launch, self.new.launch
        handled = {
            "schema_version",  # both records are read as the current schema
            "as_of",
            "dates",
            "license",
            "results",
            *_COLLECTIONS,
        }
        if old.as_of != new.as_of:
            self.add(
                ChangeKind.AS_OF_CHANGED, "As of", _words(old.as_of), _words(new.as_of), "as_of"
            )
        self.dates()
        self.license()
        for name, (added, removed, subject_of, status_kind) in _COLLECTIONS.items():
            self.collection(name, added, removed, subject_of, status_kind)
        self.results()
        self.ranks()
        for field in attrs.fields(Launch):
            if field.name not in handled:
                self.details(
                    "Launch",
                    getattr(old, field.name),
                    getattr(new, field.name),
                    field.name,
                    prefix=field.name,
                )

    # -- records and their fields ---------------------------------------------------

    def details(
        self,
        owner: str,
        before: Any,
        after: Any,
        name: str,
        *,
        prefix: str,
        sources: Sequence[str] = (),
    ) -> None:
        """A detail change per field that differs; nested records (a license) field by field.

        The subject is the owner and the field: ``"Muse Spark summary"``,
        ``"Muse Spark license URL"``, ``"Developer division"``.
        """
        if before == after:
            return
        if (
            before is not None
            and after is not None
            and type(before) is type(after)
            and attrs.has(type(before))
            and not isinstance(before, (Settings, Specs))
        ):
            # The launch's developer is "Developer"; a model's license "Muse Spark license".
            inner = (
                _field_words(name).capitalize()
                if owner == "Launch"
                else f"{owner} {_field_words(name)}"
            )
            for field in attrs.fields(type(before)):
                self.details(
                    inner,
                    getattr(before, field.name),
                    getattr(after, field.name),
                    field.name,
                    prefix=f"{prefix}.{field.name}",
                    sources=sources,
                )
            return
        self.add(
            ChangeKind.DETAIL_CHANGED,
            f"{owner} {_field_words(name)}",
            _words(before),
            _words(after),
            prefix,
            sources,
        )

    def record_details(
        self, subject: str, before: Any, after: Any, path: str, skip: Iterable[str] = ()
    ) -> None:
        skipped = set(skip)
        for field in attrs.fields(type(after)):
            if field.name in skipped:
                continue
            self.details(
                subject,
                getattr(before, field.name),
                getattr(after, field.name),
                field.name,
                prefix=f"{path}.{field.name}",
                sources=getattr(after, "sources", ()),
            )

    def collection(
        self,
        name: str,
        added: ChangeKind,
        removed: ChangeKind,
        subject_of: Any,
        status_kind: ChangeKind | None,
    ) -> None:
        """Records with ids: added, removed, and each matched one compared field by field."""
        olds = {record.id: record for record in getattr(self.old.launch, name)}
        news = {record.id: record for record in getattr(self.new.launch, name)}
        for record_id, record in news.items():
            path = f"{name}[{record_id}]"
            subject = subject_of(record)
            previous = olds.get(record_id)
            sources = getattr(record, "sources", ())
            if previous is None:
                self.add(added, subject, None, _added_words(record), path, sources)
                continue
            if previous == record:
                continue
            if isinstance(record, SafetyFinding):
                self.finding(previous, record, subject, path)
                continue
            skip: tuple[str, ...] = ("id",)
            if status_kind is not None and isinstance(record, (Surface, Mode)):
                assert isinstance(previous, (Surface, Mode))
                skip = ("id", "status", "timing")
                if (previous.status, previous.timing) != (record.status, record.timing):
                    self.add(
                        status_kind,
                        subject,
                        previous.availability,
                        record.availability,
                        path,
                        sources,
                    )
            self.record_details(subject, previous, record, path, skip)
        for record_id, record in olds.items():
            if record_id not in news:
                self.add(
                    removed,
                    subject_of(record),
                    _added_words(record),
                    None,
                    f"{name}[{record_id}]",
                    getattr(record, "sources", ()),
                )

    def finding(self, before: SafetyFinding, after: SafetyFinding, subject: str, path: str) -> None:
        """One change per finding: the fields that differ, each with its value."""
        fields = [
            field.name
            for field in attrs.fields(SafetyFinding)
            if field.name != "id" and getattr(before, field.name) != getattr(after, field.name)
        ]

        def words(record: SafetyFinding) -> str:
            return "; ".join(
                f"{_field_words(name)}: {_finding_value(name, getattr(record, name))}"
                for name in fields
            )

        self.add(
            ChangeKind.FINDING_CHANGED, subject, words(before), words(after), path, after.sources
        )

    # -- the launch's own fields -----------------------------------------------------

    def dates(self) -> None:
        """Dated events by their event: added, removed, dated differently, or otherwise changed."""
        olds = _grouped(self.old.launch.dates)
        news = _grouped(self.new.launch.dates)
        for key, (index, events) in news.items():
            subject = _event_title(events[0].event)
            path = f"dates[{index}]"
            sources = analysis.source_ids(events)
            previous = olds.get(key)
            if previous is None:
                self.add(ChangeKind.DATE_ADDED, subject, None, _dates_words(events), path, sources)
                continue
            before = previous[1]
            if sorted(e.date for e in before) != sorted(e.date for e in events):
                self.add(
                    ChangeKind.DATE_CHANGED,
                    subject,
                    _dates_words(before),
                    _dates_words(events),
                    path,
                    sources,
                )
                continue
            ordered_before = sorted(before, key=_event_order)
            ordered_after = sorted(events, key=_event_order)
            for old_event, new_event in zip(ordered_before, ordered_after, strict=True):
                self.record_details(subject, old_event, new_event, path, ("date",))
        for key, (index, events) in olds.items():
            if key not in news:
                self.add(
                    ChangeKind.DATE_REMOVED,
                    _event_title(events[0].event),
                    _dates_words(events),
                    None,
                    f"dates[{index}]",
                    analysis.source_ids(events),
                )

    def license(self) -> None:
        before, after = self.old.launch.license, self.new.launch.license
        if before == after:
            return
        if (
            before is None
            or after is None
            or (before.name, before.open_weights)
            != (
                after.name,
                after.open_weights,
            )
        ):
            self.add(
                ChangeKind.LICENSE_CHANGED,
                "License",
                _license_words(before),
                _license_words(after),
                "license",
                after.sources if after is not None else before.sources if before else (),
            )
        if before is not None and after is not None:
            self.record_details("License", before, after, "license", ("name", "open_weights"))

    # -- results ---------------------------------------------------------------------

    def results(self) -> None:
        """Results by (benchmark, model, cohort, mode): added, removed, and what moved in each."""
        old, new = self.old, self.new
        for key, (index, result) in new.results.items():
            path = f"results[{index}]"
            subject = new.result_subject(result)
            found = old.results.get(key)
            if found is None:
                self.add(
                    ChangeKind.RESULT_ADDED,
                    subject,
                    None,
                    new.result_words(result),
                    path,
                    result.sources,
                )
                continue
            previous = found[1]
            if previous == result:
                continue
            if previous.score is None and result.score is not None:
                self.add(
                    ChangeKind.CLAIM_GAINED_NUMBER,
                    subject,
                    old.result_words(previous),
                    analysis.format_score(result.score),
                    path,
                    result.sources,
                )
            elif previous.score is not None and previous.score != result.score:
                self.add(
                    ChangeKind.SCORE_CHANGED,
                    subject,
                    analysis.format_score(previous.score),
                    new.result_words(result),
                    path,
                    result.sources,
                )
            if _comparisons(previous) != _comparisons(result):
                self.add(
                    ChangeKind.COMPARISON_CHANGED,
                    subject,
                    old.comparison_words(_comparisons(previous)),
                    new.comparison_words(_comparisons(result)),
                    path,
                    result.sources,
                )
            skip = ("benchmark", "model", "cohort", "mode", "score", "comparisons")
            self.record_details(subject, previous, result, path, skip)
        for key, (index, result) in old.results.items():
            if key not in new.results:
                self.add(
                    ChangeKind.RESULT_REMOVED,
                    old.result_subject(result),
                    old.result_words(result),
                    None,
                    f"results[{index}]",
                    result.sources,
                )

    def ranks(self) -> None:
        """A launched model's rank that moved on a leaderboard contested in both versions."""
        old_boards = {
            (board.benchmark.id, board.cohort.id if board.cohort else None): board
            for board in analysis.leaderboards(self.old.launch)
            if board.contested
        }
        for board in analysis.leaderboards(self.new.launch):
            key = (board.benchmark.id, board.cohort.id if board.cohort else None)
            previous = old_boards.get(key)
            if previous is None or not board.contested:
                continue
            before = {_key(s.result): s for s in previous.standings}
            for standing in board.standings:
                if not standing.launched:
                    continue
                found = before.get(_key(standing.result))
                if found is None or found.rank is None or standing.rank is None:
                    continue
                if found.rank != standing.rank:
                    index = self.new.results[_key(standing.result)][0]
                    self.add(
                        ChangeKind.RANK_CHANGED,
                        self.new.result_subject(standing.result),
                        f"#{found.rank} of {len(previous.standings):,}",
                        f"#{standing.rank} of {len(board.standings):,}",
                        f"results[{index}]",
                        standing.result.sources,
                    )


def _grouped(events: Sequence[DatedEvent]) -> dict[str, tuple[int, list[DatedEvent]]]:
    """Dated events by event, with the index of the first: two sources may date one event."""
    groups: dict[str, tuple[int, list[DatedEvent]]] = {}
    for index, event in enumerate(events):
        groups.setdefault(_event_key(event), (index, []))[1].append(event)
    return groups


def _event_order(event: DatedEvent) -> tuple[Any, ...]:
    return (event.date, event.sources, event.note or "", event.event)


def _event_title(event: str) -> str:
    text = " ".join(event.split())
    return text[:1].upper() + text[1:]


def _finding_value(name: str, value: Any) -> str:
    if name == "release_blocker" and value is None:
        return "not stated"
    return _words(value)


def _added_words(record: Any) -> str | None:
    """What a record added (or removed) is, in a few words: ``"compared, by OpenAI"``."""
    if isinstance(record, Model):
        role = "launched" if record.launched else "compared"
        return f"{role}, by {record.developer}" if record.developer else role
    if isinstance(record, Surface):
        return f"{_words(record.kind)}, {record.availability}"
    if isinstance(record, Mode):
        return record.availability
    if isinstance(record, Benchmark):
        return f"{record.category}, {_words(record.scale)}"
    if isinstance(record, Cohort):
        return analysis.describe_settings(record.settings) or record.description
    if isinstance(record, SafetyFinding):
        who = "third party" if record.evaluation is Evaluation.THIRD_PARTY else "internal"
        return f"{record.evaluator}, {who}"
    if isinstance(record, Insight):
        return record.text
    if isinstance(record, UseCase):
        return record.description
    if isinstance(record, Source):
        text = _words(record.kind)
        return f"{text}, {record.title}" if record.title else text
    return None


# Collections of records with ids: the kinds of their additions and removals, the
# subject of a record, and the kind of a status change (surfaces and modes).
_COLLECTIONS: dict[str, tuple[ChangeKind, ChangeKind, Any, ChangeKind | None]] = {
    "models": (ChangeKind.MODEL_ADDED, ChangeKind.MODEL_REMOVED, lambda r: r.label, None),
    "modes": (
        ChangeKind.MODE_ADDED,
        ChangeKind.MODE_REMOVED,
        lambda r: f"{r.name} mode",
        ChangeKind.MODE_STATUS_CHANGED,
    ),
    "surfaces": (
        ChangeKind.SURFACE_ADDED,
        ChangeKind.SURFACE_REMOVED,
        lambda r: r.name,
        ChangeKind.SURFACE_STATUS_CHANGED,
    ),
    "cohorts": (ChangeKind.COHORT_ADDED, ChangeKind.COHORT_REMOVED, lambda r: r.name, None),
    "benchmarks": (
        ChangeKind.BENCHMARK_ADDED,
        ChangeKind.BENCHMARK_REMOVED,
        lambda r: r.name,
        None,
    ),
    "safety": (ChangeKind.FINDING_ADDED, ChangeKind.FINDING_REMOVED, lambda r: r.title, None),
    "use_cases": (
        ChangeKind.USE_CASE_ADDED,
        ChangeKind.USE_CASE_REMOVED,
        lambda r: r.title,
        None,
    ),
    "insights": (
        ChangeKind.INSIGHT_ADDED,
        ChangeKind.INSIGHT_REMOVED,
        lambda r: _words(r.kind).capitalize(),
        None,
    ),
    "sources": (ChangeKind.SOURCE_ADDED, ChangeKind.SOURCE_REMOVED, lambda r: r.name, None),
}
