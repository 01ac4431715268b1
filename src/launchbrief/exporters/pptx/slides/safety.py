"""Safety and evaluation: internal and third-party findings in a table."""

from __future__ import annotations

from launchbrief import analysis
from launchbrief.exporters.pptx import story
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides
from launchbrief.exporters.pptx.text import Para, clean, sentence
from launchbrief.model import (
    Evaluation,
    Launch,
)


def safety_section(deck: Deck, launch: Launch) -> None:
    summary = analysis.safety(launch)
    findings = [*summary.internal, *summary.third_party]
    if not findings:
        return
    rows = []
    numbers = []
    shown, left_out = story.at_most(findings)
    for finding in shown:
        who = "Internal" if finding.evaluation is Evaluation.INTERNAL else "Third-party"
        first = [Para.of(clean(finding.title), bold=True, color="ink")]
        extra = ", ".join(clean(x) for x in (finding.framework, finding.domain) if x)
        if extra:
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
        rows.append(more_row(left_out, "finding", "findings", 4))
        numbers.append(story.more_text(left_out, "finding", "findings"))
    headline = summary.headline
    lede = headline[:1].upper() + headline[1:] + "."
    caveats = [clean(f.detail) for f in shown if f.detail]
    notes = story.notes_text([lede, *caveats], numbers)
    table_slides(
        deck,
        launch,
        title="Safety and evaluation",
        headers=["Finding", "Evaluated by", "Outcome and caveats", "Release blocker"],
        rows=rows,
        weights=[2.1, 1.4, 4.0, 1.1],
        sources=analysis.source_ids(findings),
        notes=notes,
        alt=f"Table of {len(findings)} safety findings, internal and third-party, with outcomes and release-blocker flags: "
        + "; ".join(numbers)
        + ".",
        lede=lede,
    )
