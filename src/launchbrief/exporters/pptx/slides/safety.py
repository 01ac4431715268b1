"""Safety and evaluation: internal and third-party findings in a table."""

from __future__ import annotations

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides
from launchbrief.exporters.pptx.text import Para, sentence
from launchbrief.model import (
    Evaluation,
    Launch,
)


def safety_slide(deck: Deck, brief: Brief) -> None:
    """The main deck's safety slide: outside evaluators' findings first, on one slide."""
    safety_section(deck, brief.launch, title=story.sentence_of(brief.safety_title()))


def safety_section(deck: Deck, launch: Launch, *, title: str | None = None) -> None:
    summary = analysis.safety(launch)
    findings = [*summary.third_party, *summary.internal]
    if not findings:
        return
    rows = []
    numbers = []
    shown, left_out = story.at_most(findings)
    for finding in shown:
        who = "Internal" if finding.evaluation is Evaluation.INTERNAL else "Third-party"
        first = [Para.of(clean(finding.title), bold=True, color="ink")]
        extra = ", ".join(clean(x) for x in (finding.framework, finding.domain) if x)
        if extra and title is None:  # the main deck leaves them to the appendix
            first.append(Para.of(extra, color="muted", space_before=0.2))
        outcome = [
            Para.of(
                sentence(finding.outcome or "No outcome stated"),
                color=None if finding.outcome else "muted",
            )
        ]
        if finding.detail:
            outcome.append(
                Para.of(clean(finding.detail), italic=True, color="muted", space_before=0.4)
            )
        if finding.release_blocker is True:
            blocker = Cell((Para.of("Yes", bold=True, color="paper"),), fill=deck.palette.negative)
        elif finding.release_blocker is False:
            blocker = Cell((Para.of("No", bold=True, color="ink"),))
        else:
            blocker = Cell((Para.of("Not stated", italic=True, color="muted"),))
        rows.append(
            [
                Cell(tuple(first)),
                Cell(
                    (
                        Para.of(clean(finding.evaluator), color="ink"),
                        Para.of(who, color="muted", space_before=0.2),
                    )
                ),
                Cell(tuple(outcome)),
                blocker,
            ]
        )
        flag = {
            True: "a release blocker",
            False: "not a release blocker",
            None: "release-blocker status not stated",
        }[finding.release_blocker]
        numbers.append(
            f"{clean(finding.title)} ({clean(finding.evaluator)}, {who.lower()}): {flag}"
        )
    if left_out:
        if title is None:  # the main deck counts what it leaves out itself
            rows.append(more_row(left_out, "finding", "findings", 4))
        numbers.append(story.more_text(left_out, "finding", "findings"))
    lede = _lede(summary)
    caveats = [clean(f.detail) for f in shown if f.detail]
    notes = story.notes_text([lede, *caveats], numbers)
    if title is not None:
        outside = summary.third_party[0] if summary.third_party else None
        notes = story.talk_track(
            [
                title,
                lede,
                f"{clean(outside.evaluator)} adds: {clean(outside.detail or outside.outcome or '')}"
                if outside is not None and (outside.detail or outside.outcome)
                else "",
            ],
            "Findings from outside evaluators draw scrutiny from press and regulators first",
            "Did anything block the release?",
            _blocker_answer(summary),
            story.source_names(footer_names(deck, launch), analysis.source_ids(findings)),
        )
    table_slides(
        deck,
        launch,
        title=title or "Safety and evaluation",
        more=(lambda n: more_row(n, "finding", "findings", 4)) if title else None,
        omitted=left_out,
        headers=["Finding", "Evaluated by", "Outcome and caveats", "Release blocker"],
        rows=rows,
        weights=[2.1, 1.4, 4.0, 1.1],
        sources=analysis.source_ids(findings),
        notes=notes,
        alt=f"Table of {len(findings)} safety findings, internal and third-party, with outcomes and release-blocker flags: "
        + "; ".join(numbers)
        + ".",
        lede=lede if title is None else None,
    )


def _lede(summary: analysis.SafetySummary) -> str:
    """The findings counted, with what the sources leave unsaid said plainly."""
    total = len(summary.internal) + len(summary.third_party)
    parts = [f"{total} {'finding' if total == 1 else 'findings'}"]
    if summary.third_party:
        parts.append(f"{len(summary.third_party)} from outside evaluators")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:] + ". " + _blocker_answer(summary) + "."


def _blocker_answer(summary: analysis.SafetySummary) -> str:
    """Whether anything blocked release, as far as the sources say."""
    blockers, stated = len(summary.blockers), len(summary.blockers) + len(summary.not_blockers)
    unstated = len(summary.blocker_unstated)
    if blockers:
        return (
            "1 finding was treated as a release blocker"
            if blockers == 1
            else f"{blockers} findings were treated as release blockers"
        )
    if not stated:
        return "The sources do not say whether any finding blocked release"
    if unstated:
        return (
            f"{stated} {'was' if stated == 1 else 'were'} not treated as a release blocker;"
            f" for the other {unstated} the sources do not say"
        )
    return "None was treated as a release blocker"
