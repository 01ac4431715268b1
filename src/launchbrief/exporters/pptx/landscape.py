"""The landscape deck: several launches side by side, in at most 12 slides.

Who leads where (only on benchmarks the launches ran the same way), what each
launch changes, rollout and openness side by side, and the method. Every slide is
one slide: what it cannot hold is counted. The comparisons come from
:func:`launchbrief.analysis.shared_leaderboards`; each launch's verdict from its
own storyline (:class:`~launchbrief.exporters._storyline.Brief`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.flow import Column, flow_slides
from launchbrief.exporters.pptx.tables import Cell, table_slides, text_cell, where_row
from launchbrief.exporters.pptx.text import Para
from launchbrief.model import Launch, RolloutStatus

__all__ = ["landscape_slides"]


def _more(columns: int) -> Callable[[int], list[Cell]]:
    return lambda count: where_row(count, "the workbook", columns)


#: Every landscape slide's footer: the numbers come from each launch's own record.
FOOTER = "Sources: each launch's record; the landscape workbook lists every source"


def _name(launch: Launch) -> str:
    return clean(analysis.launch_name(launch))


def landscape_slides(deck: Deck, launches: Sequence[Launch]) -> None:
    """The landscape story of ``launches``, at most twelve slides."""
    briefs = [Brief.of(launch) for launch in launches]
    boards = analysis.shared_leaderboards(launches)
    comparable = [board for board in boards if board.comparable]
    _cover(deck, launches, boards, comparable)
    _side_by_side(deck, launches)
    _who_leads(deck, launches, boards, comparable)
    _changes(deck, briefs)
    _rollout(deck, launches)
    _method(deck, launches, boards)


def _leads_sentence(launches: Sequence[Launch], comparable: Sequence[analysis.SharedBoard]) -> str:
    if not comparable:
        return ""
    wins: dict[int, int] = {}
    for board in comparable:
        leader = board.leader
        if leader is not None:
            wins[id(leader.launch)] = wins.get(id(leader.launch), 0) + 1
    best = max(launches, key=lambda launch: wins.get(id(launch), 0))
    count = wins.get(id(best), 0)
    noun = "benchmark" if len(comparable) == 1 else "benchmarks"
    return f"{_name(best)} leads on {count:,} of the {len(comparable):,} shared {noun} run the same way"


def _cover(
    deck: Deck,
    launches: Sequence[Launch],
    boards: Sequence[analysis.SharedBoard],
    comparable: Sequence[analysis.SharedBoard],
) -> None:
    names = story.joined_words([_name(launch) for launch in launches[:4]])
    if len(launches) > 4:
        names = (
            ", ".join(_name(launch) for launch in launches[:3]) + f" and {len(launches) - 3:,} more"
        )
    if comparable:
        verdict = _leads_sentence(launches, comparable)
    elif boards:
        verdict = (
            f"The {len(launches):,} launches share {len(boards):,} benchmarks, but never run the"
            " same way: no shared number is strictly comparable"
        )
    else:
        verdict = f"The {len(launches):,} launches report no benchmark in common"
    title = f"The landscape: {len(launches):,} launches"
    points = [
        Para.of(story.sentence_of(verdict) + ".", bold=True, color="ink"),
        Para.of(names, color="muted", space_before=0.6),
    ]
    page = deck.new_slide(
        title,
        kind="title_only",
        footer=FOOTER,
        notes=story.talk_track(
            [
                f"This briefing sets {len(launches):,} launches side by side: {names}",
                story.sentence_of(verdict),
                "Numbers are compared only where the launches ran a benchmark the same way",
            ],
            "Comparing launches on different settings is the most common way a landscape misleads",
            "Why are some numbers not ranked?",
            "Their sources ran the benchmark with different settings, or did not say how;"
            " the workbook lists each with its settings",
        ),
    )
    deck.text(page, page.frame, points, 20.0, name="Verdict")


def _side_by_side(deck: Deck, launches: Sequence[Launch]) -> None:
    headers = ["Launch", "Developer", "As of", "Launched models", "License", "Results"]
    rows = []
    for launch in launches:
        license_ = story.license_text(launch.license) or "—"
        rows.append(
            [
                text_cell(_name(launch), bold=True, color="ink"),
                text_cell(clean(launch.developer.name)),
                text_cell(story.date_text(launch) or "—"),
                text_cell(f"{len(launch.launched):,}"),
                text_cell(license_),
                text_cell(f"{len(launch.results):,}"),
            ]
        )
    biggest = max(launches, key=lambda launch: len(launch.launched))
    title = (
        f"{_name(biggest)} is the largest of the {len(launches):,} launches,"
        f" with {len(biggest.launched):,} launched {'model' if len(biggest.launched) == 1 else 'models'}"
    )
    _table(deck, title, headers, rows, [1.8, 1.6, 1.3, 1.1, 2.2, 0.9], "The launches side by side")


def _who_leads(
    deck: Deck,
    launches: Sequence[Launch],
    boards: Sequence[analysis.SharedBoard],
    comparable: Sequence[analysis.SharedBoard],
) -> None:
    if not boards:
        return
    headers = ["Benchmark", "Each launch's best", "Reading"]
    rows = []
    for board in [*comparable, *(b for b in boards if not b.comparable)]:
        entries = "; ".join(
            f"{_name(e.launch)} {story.score_text(e.standing.score, board.benchmark)}"
            + (f" ({clean(e.cohort.name)})" if e.cohort else "")
            for e in board.entries[:6]
        )
        if len(board.entries) > 6:
            entries += f"; {len(board.entries) - 6:,} more"
        leader = board.leader
        reading = (
            text_cell(
                f"{_name(leader.launch)} leads ({clean(board.entries[0].settings)})",
                bold=True,
                color="positive",
            )
            if leader is not None
            else text_cell(story.sentence_of(board.warning or ""), color="muted")
        )
        rows.append(
            [text_cell(clean(board.name), bold=True, color="ink"), text_cell(entries), reading]
        )
    title = (
        story.sentence_of(_leads_sentence(launches, comparable))
        if comparable
        else (
            f"{len(boards):,} benchmarks are shared, none run the same way by every launch that reports it"
        )
    )
    _table(deck, title, headers, rows, [1.6, 3.6, 2.6], "Shared benchmarks and who leads them")


def _changes(deck: Deck, briefs: Sequence[Brief]) -> None:
    headers = ["Launch", "What it changes"]
    rows = [
        [
            text_cell(_name(b.launch), bold=True, color="ink"),
            text_cell(story.sentence_of(b.summary_title()) + "."),
        ]
        for b in briefs
    ]
    title = f"Each of the {len(briefs):,} launches in one sentence, from its own briefing"
    _table(deck, title, headers, rows, [1.6, 5.4], "What each launch changes")


def _rollout(deck: Deck, launches: Sequence[Launch]) -> None:
    headers = ["Launch", "Live", "Preview", "Planned", "Open weights"]
    rows = []
    open_count = 0
    for launch in launches:
        summary = analysis.rollout(launch)
        weights = launch.license.open_weights if launch.license else None
        open_count += weights is True
        rows.append(
            [
                text_cell(_name(launch), bold=True, color="ink"),
                text_cell(f"{len(summary.surfaces(RolloutStatus.LIVE)):,}"),
                text_cell(f"{len(summary.surfaces(RolloutStatus.PREVIEW)):,}"),
                text_cell(f"{len(summary.surfaces(RolloutStatus.PLANNED)):,}"),
                text_cell({True: "Yes", False: "No", None: "Not stated"}[weights]),
            ]
        )
    title = f"{open_count:,} of the {len(launches):,} launches release open weights"
    if open_count == len(launches):
        title = f"All {len(launches):,} launches release open weights"
    elif open_count == 0:
        title = f"None of the {len(launches):,} launches is stated to release open weights"
    _table(deck, title, headers, rows, [2.2, 1.0, 1.0, 1.0, 1.4], "Rollout and openness")


def _method(deck: Deck, launches: Sequence[Launch], boards: Sequence[analysis.SharedBoard]) -> None:
    sources = sum(len(launch.sources) for launch in launches)
    method = [
        "Benchmarks are matched across launches by name (letters and digits, any case), scale,"
        " bounds and direction.",
        "Each launch counts with its launched family's best number per table of results.",
        "A shared benchmark is ranked only when every launch states the same settings; the others"
        " are listed with the reason they are not comparable.",
        "Every number comes from its launch's record, with its sources; the workbook lists them.",
    ]
    title = f"Sources and method: {sources:,} sources across {len(launches):,} launch records"
    flow_slides(
        deck,
        None,
        title=title,
        footer=FOOTER,
        columns=[Column("Method", [Para.of(m, bullet=True, space_before=0.6) for m in method])],
        sources=[],
        notes=story.talk_track(
            [title, method[0], method[2]],
            "The audience should know what is and is not compared before trusting a ranking",
            "Where are the sources?",
            "Each launch record cites a source for every fact; the landscape workbook lists them",
        ),
        largest=16.0,
    )


def _table(
    deck: Deck,
    title: str,
    headers: list[str],
    rows: list[list[Cell]],
    weights: list[float],
    alt: str,
) -> None:
    table_slides(
        deck,
        None,
        title=story.sentence_of(title),
        footer=FOOTER,
        headers=headers,
        rows=rows,
        weights=weights,
        sources=[],
        notes=story.talk_track(
            [story.sentence_of(title), f"The table lists {len(rows):,} rows"],
            "Side by side, differences the single briefings hide become visible",
            "Is anything left out?",
            "A slide holds what it can and counts the rest; the landscape workbook has every row",
        ),
        alt=f"{alt}: {len(rows):,} rows",
        more=_more(len(headers)),
    )
