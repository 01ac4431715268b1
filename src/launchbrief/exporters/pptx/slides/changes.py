"""What changed since the last version: the revised facts, one line each, on one slide."""

from __future__ import annotations

from launchbrief._diff import Change, ChangeKind, Changes
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.flow import Column, flow_slides
from launchbrief.exporters.pptx.text import Para, Span
from launchbrief.model import Launch, RolloutStatus

#: Result changes: the title counts the results they touch.
_RESULTS = (
    ChangeKind.SCORE_CHANGED,
    ChangeKind.CLAIM_GAINED_NUMBER,
    ChangeKind.COMPARISON_CHANGED,
    ChangeKind.RESULT_ADDED,
    ChangeKind.RESULT_REMOVED,
)

#: The most phrases a title names; the other changes are counted.
_MOST_PHRASES = 2

#: A name longer than this is counted in the title rather than named.
_NAME_CHARS = 40


def changes_slide(deck: Deck, brief: Brief) -> None:
    """One slide: every change, one line each, most telling first; the rest counted."""
    changes = brief.changes
    if not changes:
        return
    launch = brief.launch
    shown = _shown(changes)
    listed = shown[: story.MOST_ITEMS]
    cut = len(shown) - len(listed)
    paras = [
        _para(change, space_before=0.0 if index == 0 else 0.45)
        for index, change in enumerate(listed)
    ]
    if cut:
        # The last item: when the slide holds fewer, ``more`` counts it as one of those left out.
        paras.append(_more_para(cut))
    title = story.sentence_of(changes_title(changes, launch))
    sources = [s for s in dict.fromkeys(i for c in changes for i in c.sources) if _cited(launch, s)]
    flow_slides(
        deck,
        launch,
        title=title,
        columns=[Column(None, paras)],
        sources=sources,
        notes=story.talk_track(
            [title, *(change.sentence for change in shown[:3])],
            "Anyone who saw the last briefing needs these first: every other slide of this"
            " deck already rests on the revised record",
            "Does this change the verdict?",
            _verdict_answer(changes, brief),
            story.source_names(footer_names(deck, launch), sources),
        ),
        largest=18.0,
        more=lambda count: _more_para(count - 1 + cut if cut else count),
    )


def changes_title(changes: Changes, launch: Launch) -> str:
    """``3 results changed and WhatsApp went live since 30 November 2026``.

    The results touched are counted, then surfaces and modes that went live, new
    safety findings, models and benchmarks; the rest are counted as other changes.
    """
    phrases: list[str] = []
    told: set[int] = set()

    def tell(phrase: str, about: tuple[Change, ...]) -> None:
        if len(phrases) < _MOST_PHRASES and about:
            phrases.append(phrase)
            told.update(id(change) for change in about)

    results = changes.of(*_RESULTS)
    if results:
        touched = len({change.path for change in results})
        if all(change.kind is ChangeKind.RESULT_ADDED for change in results):
            phrase = f"{touched:,} new {story.plural_noun(touched, 'results')}"
        elif all(change.kind is ChangeKind.RESULT_REMOVED for change in results):
            phrase = f"{touched:,} {story.plural_noun(touched, 'results')} removed"
        else:
            phrase = f"{touched:,} {story.plural_noun(touched, 'results')} changed"
        tell(phrase, results)
    for kind, noun in (
        (ChangeKind.SURFACE_STATUS_CHANGED, "surfaces"),
        (ChangeKind.MODE_STATUS_CHANGED, "modes"),
    ):
        live = tuple(c for c in changes.of(kind) if _went_live(c, launch))
        if len(live) == 1 and len(clean(live[0].subject)) <= _NAME_CHARS:
            tell(f"{clean(live[0].subject)} went live", live)
        elif live:
            tell(f"{len(live):,} {noun} went live", live)
    for kind, noun in (
        (ChangeKind.FINDING_ADDED, "safety findings"),
        (ChangeKind.MODEL_ADDED, "models"),
        (ChangeKind.BENCHMARK_ADDED, "benchmarks"),
        (ChangeKind.SURFACE_ADDED, "surfaces"),
    ):
        found = changes.of(kind)
        tell(f"{len(found):,} new {story.plural_noun(len(found), noun)}", found)
    ranks = changes.of(ChangeKind.RANK_CHANGED)
    tell(f"{len(ranks):,} {story.plural_noun(len(ranks), 'ranks')} moved", ranks)
    # The as-of date is the title's own "since"; it is not counted as a change here.
    rest = sum(1 for c in changes if id(c) not in told and c.kind is not ChangeKind.AS_OF_CHANGED)
    if rest and phrases:
        phrases.append(f"{rest:,} other {story.plural_noun(rest, 'changes')}")
    elif rest:
        phrases.append(f"{rest:,} {story.plural_noun(rest, 'facts')} changed")
    if not phrases:
        return f"Only the as-of date changed {changes.since}"
    return f"{story.joined_words(phrases)} {changes.since}"


def _shown(changes: Changes) -> list[Change]:
    """The changes the slide lists: all but the as-of date (the title's "since"), unless alone."""
    shown = [c for c in changes if c.kind is not ChangeKind.AS_OF_CHANGED]
    return shown or list(changes)


def _para(change: Change, *, space_before: float) -> Para:
    """``**CharXiv Reasoning: Muse Spark** 86.4 → 87.1``: the subject in bold, then what moved."""
    sentence = clean(change.sentence)
    subject = clean(change.subject)
    if sentence.startswith(subject) and len(subject) < len(sentence):
        spans: tuple[Span, ...] = (
            Span(subject, bold=True, color="ink"),
            Span(sentence[len(subject) :]),
        )
    else:
        spans = (Span(sentence),)
    return Para(spans, bullet=True, space_before=space_before)


def _more_para(count: int) -> Para:
    return Para.of(
        f"… and {count:,} more {story.plural_noun(count, 'changes')}",
        italic=True,
        color="muted",
        space_before=0.6,
    )


def _went_live(change: Change, launch: Launch) -> bool:
    """Whether the surface or mode a status change is about is live now."""
    record_id = change.path.partition("[")[2].rstrip("]")
    records = launch.surfaces if change.path.startswith("surfaces[") else launch.modes
    return any(r.id == record_id and r.status is RolloutStatus.LIVE for r in records)


def _cited(launch: Launch, source_id: str) -> bool:
    try:
        launch.source(source_id)
    except KeyError:
        return False  # a source the earlier version cited, gone since
    return True


def _verdict_answer(changes: Changes, brief: Brief) -> str:
    """Whether the numbers moved, and the scorecard as it now reads."""
    standing = story.sentence_of(brief.summary_title())
    if not changes.of(*_RESULTS, ChangeKind.RANK_CHANGED):
        return f"No benchmark result changed, so the scorecard stands: {standing}"
    return f"The scorecard already uses the revised numbers: {standing}"
