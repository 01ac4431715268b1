"""The result of :func:`launchbrief.diff`: typed changes between two versions of a record.

A :class:`Change` has a kind (:class:`ChangeKind`), a subject, the values before and
after in words, the record path it is about and a sentence; :class:`Changes` holds
them in :class:`ChangeKind` order and groups them. :func:`report` prints them like a
changelog. The comparison itself is in :mod:`launchbrief._diff`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs

__all__ = ["SENTENCE_VALUE_CHARS", "Change", "ChangeKind", "Changes", "day_words", "report"]


class ChangeKind(enum.StrEnum):
    """What kind of fact changed, in the order changes are grouped: results first."""

    SCORE_CHANGED = "score_changed"
    RANK_CHANGED = "rank_changed"
    CLAIM_GAINED_NUMBER = "claim_gained_number"
    COMPARISON_CHANGED = "comparison_changed"
    RESULT_ADDED = "result_added"
    RESULT_REMOVED = "result_removed"
    SURFACE_STATUS_CHANGED = "surface_status_changed"
    SURFACE_ADDED = "surface_added"
    SURFACE_REMOVED = "surface_removed"
    MODE_STATUS_CHANGED = "mode_status_changed"
    MODE_ADDED = "mode_added"
    MODE_REMOVED = "mode_removed"
    FINDING_ADDED = "finding_added"
    FINDING_CHANGED = "finding_changed"
    FINDING_REMOVED = "finding_removed"
    MODEL_ADDED = "model_added"
    MODEL_REMOVED = "model_removed"
    BENCHMARK_ADDED = "benchmark_added"
    BENCHMARK_REMOVED = "benchmark_removed"
    COHORT_ADDED = "cohort_added"
    COHORT_REMOVED = "cohort_removed"
    INSIGHT_ADDED = "insight_added"
    INSIGHT_REMOVED = "insight_removed"
    USE_CASE_ADDED = "use_case_added"
    USE_CASE_REMOVED = "use_case_removed"
    SOURCE_ADDED = "source_added"
    SOURCE_REMOVED = "source_removed"
    DATE_ADDED = "date_added"
    DATE_CHANGED = "date_changed"
    DATE_REMOVED = "date_removed"
    LICENSE_CHANGED = "license_changed"
    AS_OF_CHANGED = "as_of_changed"
    DETAIL_CHANGED = "detail_changed"

    @property
    def label(self) -> str:
        """The kind in words: ``"score changed"``, ``"safety finding added"``."""
        return _LABELS.get(self, self.value.replace("_", " "))

    @property
    def heading(self) -> str:
        """A heading over changes of this kind: ``"Scores changed"``."""
        return _HEADINGS[self]

    @property
    def added(self) -> bool:
        """Whether the kind is something new (``before`` is ``None``)."""
        return self.value.endswith("_added")

    @property
    def removed(self) -> bool:
        """Whether the kind is something gone (``after`` is ``None``)."""
        return self.value.endswith("_removed")


_LABELS = {
    ChangeKind.CLAIM_GAINED_NUMBER: "claim gained a number",
    ChangeKind.FINDING_ADDED: "safety finding added",
    ChangeKind.FINDING_CHANGED: "safety finding changed",
    ChangeKind.FINDING_REMOVED: "safety finding removed",
    ChangeKind.AS_OF_CHANGED: "as-of date changed",
}

_HEADINGS = {
    ChangeKind.SCORE_CHANGED: "Scores changed",
    ChangeKind.RANK_CHANGED: "Ranks changed",
    ChangeKind.CLAIM_GAINED_NUMBER: "Claims that gained a number",
    ChangeKind.COMPARISON_CHANGED: "Comparisons changed",
    ChangeKind.RESULT_ADDED: "Results added",
    ChangeKind.RESULT_REMOVED: "Results removed",
    ChangeKind.SURFACE_STATUS_CHANGED: "Surfaces whose status changed",
    ChangeKind.SURFACE_ADDED: "Surfaces added",
    ChangeKind.SURFACE_REMOVED: "Surfaces removed",
    ChangeKind.MODE_STATUS_CHANGED: "Modes whose status changed",
    ChangeKind.MODE_ADDED: "Modes added",
    ChangeKind.MODE_REMOVED: "Modes removed",
    ChangeKind.FINDING_ADDED: "Safety findings added",
    ChangeKind.FINDING_CHANGED: "Safety findings changed",
    ChangeKind.FINDING_REMOVED: "Safety findings removed",
    ChangeKind.MODEL_ADDED: "Models added",
    ChangeKind.MODEL_REMOVED: "Models removed",
    ChangeKind.BENCHMARK_ADDED: "Benchmarks added",
    ChangeKind.BENCHMARK_REMOVED: "Benchmarks removed",
    ChangeKind.COHORT_ADDED: "Cohorts added",
    ChangeKind.COHORT_REMOVED: "Cohorts removed",
    ChangeKind.INSIGHT_ADDED: "Insights added",
    ChangeKind.INSIGHT_REMOVED: "Insights removed",
    ChangeKind.USE_CASE_ADDED: "Use cases added",
    ChangeKind.USE_CASE_REMOVED: "Use cases removed",
    ChangeKind.SOURCE_ADDED: "Sources added",
    ChangeKind.SOURCE_REMOVED: "Sources removed",
    ChangeKind.DATE_ADDED: "Dates added",
    ChangeKind.DATE_CHANGED: "Dates changed",
    ChangeKind.DATE_REMOVED: "Dates removed",
    ChangeKind.LICENSE_CHANGED: "License changed",
    ChangeKind.AS_OF_CHANGED: "As-of date changed",
    ChangeKind.DETAIL_CHANGED: "Other details changed",
}

# Kinds about one result: the subject names the leaderboard and the model, and the
# values follow it with a space ("CharXiv Reasoning: Muse Spark 86.4 → 87.1").
_RESULT_KINDS = frozenset(
    {
        ChangeKind.SCORE_CHANGED,
        ChangeKind.RANK_CHANGED,
        ChangeKind.CLAIM_GAINED_NUMBER,
        ChangeKind.COMPARISON_CHANGED,
        ChangeKind.RESULT_ADDED,
        ChangeKind.RESULT_REMOVED,
    }
)

#: A value is cut to this many characters in a sentence (``before`` and ``after`` are whole).
SENTENCE_VALUE_CHARS = 80


@attrs.frozen(kw_only=True)
class Change:
    """One fact that changed between two versions of a record.

    ``before`` is ``None`` for something added, ``after`` for something removed; both
    are words (scores as written: ``"86.4"``). ``path`` locates the record in the
    later version (in the earlier one for something removed): ``results[12]``,
    ``surfaces[whatsapp]``, ``models[muse-spark].summary``. ``sources`` are the
    source ids the record cites (after the change; before it, for something removed).
    """

    kind: ChangeKind
    subject: str
    before: str | None
    after: str | None
    path: str
    sources: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        """The change in one line: ``"WhatsApp: planned → live"``, ``"Grok 5: compared (new model)"``.

        Values are cut to :data:`SENTENCE_VALUE_CHARS` characters.
        """
        subject = _short(self.subject)
        before = _short(self.before) if self.before is not None else None
        after = _short(self.after) if self.after is not None else None
        join = " " if self.kind in _RESULT_KINDS else ": "
        noun = _NOUNS.get(self.kind, "")
        if before is None:
            return f"{subject}{join}{after} (new {noun})" if after else f"{subject} (new {noun})"
        if after is None:
            return f"{subject}{join}{before} ({noun} removed)"
        return f"{subject}{join}{before} → {after}"


# What an added or removed record is, for its sentence: "(new safety finding)".
_NOUNS = {
    kind: kind.label.removesuffix(" added").removesuffix(" removed")
    for kind in ChangeKind
    if kind.added or kind.removed
}


@attrs.frozen(kw_only=True)
class Changes:
    """Every change from one version of a record to the next, grouped by kind.

    Iterate over it, take its ``len()``, or group it with :meth:`by_kind`.
    ``old_as_of`` and ``new_as_of`` are the two versions' as-of dates.
    """

    items: tuple[Change, ...] = ()
    old_as_of: date | None = None
    new_as_of: date | None = None

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.items)

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not self.items

    def by_kind(self) -> dict[ChangeKind, tuple[Change, ...]]:
        """The changes grouped by kind, in :class:`ChangeKind` order; kinds without changes left out."""
        groups: dict[ChangeKind, list[Change]] = {}
        for change in self.items:
            groups.setdefault(change.kind, []).append(change)
        return {kind: tuple(groups[kind]) for kind in ChangeKind if kind in groups}

    def of(self, *kinds: ChangeKind) -> tuple[Change, ...]:
        """The changes of these kinds, in order."""
        return tuple(change for change in self.items if change.kind in kinds)

    @property
    def since(self) -> str:
        """``"since 30 November 2026"``: the earlier version's as-of date, or ``"since the last version"``."""
        if self.old_as_of is None:
            return "since the last version"
        return f"since {day_words(self.old_as_of)}"

    @property
    def headline(self) -> str:
        """``"8 changes since 30 November 2026"``, or ``"No changes since 30 November 2026"``."""
        if not self.items:
            return f"No changes {self.since}"
        count = len(self.items)
        return f"{count:,} change{'' if count == 1 else 's'} {self.since}"

    def as_data(self) -> dict[str, Any]:
        """The changes as plain data (for JSON): dates as ISO text, kinds by value."""
        return {
            "since": self.old_as_of.isoformat() if self.old_as_of else None,
            "as_of": self.new_as_of.isoformat() if self.new_as_of else None,
            "count": len(self.items),
            "changes": [
                {
                    "kind": change.kind.value,
                    "subject": change.subject,
                    "before": change.before,
                    "after": change.after,
                    "path": change.path,
                    "sources": list(change.sources),
                    "sentence": change.sentence,
                }
                for change in self.items
            ],
        }


def report(changes: Changes) -> str:
    """The changes as text, like a changelog: the headline, then one line each under its kind."""
    lines = [f"{changes.headline}."]
    for kind, group in changes.by_kind().items():
        lines += ["", f"{kind.heading} ({len(group):,})"]
        lines += [f"- {change.sentence}" for change in group]
    return "\n".join(lines) + "\n"


def day_words(day: date) -> str:
    """A day in words: ``30 November 2026``."""
    return f"{day.day} {day:%B %Y}"


def _short(text: str, limit: int = SENTENCE_VALUE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
