"""Method and caveats, and the list of sources."""

from __future__ import annotations

from launchbrief import analysis
from launchbrief.exporters.pptx import story
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.flow import Column, flow_slides
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides, text_cell
from launchbrief.exporters.pptx.text import Para, clean, sentence
from launchbrief.model import (
    Launch,
    SourceKind,
)


def sources_section(deck: Deck, launch: Launch) -> None:
    model = story.launched_names(launch)
    method: list[Para] = []
    vendor = story.vendor_sentence(launch)
    when = story.date_text(launch)
    points = [
        f"Vendor-reported numbers: {vendor}"
        if vendor
        else "The record holds no benchmark numbers.",
        "Ranks, margins, leads and trails are computed from the recorded scores only; comparisons the"
        " source makes in words are shown in its words and never turned into numbers.",
        "Scores are compared only within a leaderboard of one benchmark and one cohort (results run"
        " the same way); a score without a rival's number is shown but not ranked, and launched"
        " models are compared with rivals only, never with each other.",
        f"Every fact cites its sources; this record was last brought up to date on {when}."
        if when
        else "Every fact cites its sources; the record has no as-of date.",
    ]
    method.extend(
        Para.of(point, bullet=True, space_before=0.0 if i == 0 else 0.7)
        for i, point in enumerate(points)
    )
    # One line per kind of gap (at most ten); the notes list every gap on its own.
    gaps = analysis.completeness(launch)
    gap_paras = [
        Para.of(sentence(line), bullet=True, space_before=0.3)
        for line in analysis.gap_summary(launch)
    ]
    columns = [Column("Method", method, "accent")]
    if gap_paras:
        columns.append(Column("What the record does not know", gap_paras, "muted"))
    flow_slides(
        deck,
        launch,
        title="Method and caveats",
        columns=columns,
        sources=[s.id for s in launch.sources if s.kind is SourceKind.VENDOR],
        notes=story.notes_text(
            points, [sentence(g.message) for g in gaps], "What the record does not know:"
        ),
        largest=15.0,
    )
    if not launch.sources:
        return
    rows = []
    shown, left_out = story.at_most(launch.sources)
    for source in shown:
        kind = source.kind.value.replace("_", "-")
        kind_cell = (
            Cell(
                (
                    Para.of("Vendor", bold=True, color="negative"),
                    Para.of("not independent", color="muted", scale=0.9),
                )
            )
            if source.kind is SourceKind.VENDOR
            else text_cell(kind.capitalize())
        )
        where = [clean(x) for x in (source.publisher, source.title) if x]
        if source.published:
            where.append(f"{source.published.day} {source.published:%B %Y}")
        link = [Para.of(clean(source.url), color="accent", scale=0.9)] if source.url else []
        rows.append(
            [
                text_cell(source.name, bold=True, color="ink"),
                kind_cell,
                Cell((Para.of(", ".join(where) or "—", color=None if where else "muted"), *link)),
                text_cell(source.note or "—", color=None if source.note else "muted"),
            ]
        )
    if left_out:
        rows.append(more_row(left_out, "source", "sources", 4))
    listed = [f"{clean(s.name)} ({s.kind.value})" for s in shown]
    if left_out:
        listed.append(story.more_text(left_out, "source", "sources"))
    vendor_count = sum(1 for s in launch.sources if s.kind is SourceKind.VENDOR)
    deck.mark_sources_slide(launch)
    table_slides(
        deck,
        launch,
        title="Sources",
        headers=["Source", "Kind", "Publisher, title, date, link", "Note"],
        rows=rows,
        weights=[1.5, 1.1, 2.3, 3.4],
        sources=[s.id for s in launch.sources],
        notes=story.notes_text(
            [
                f"Every source behind this briefing on {model}; {vendor_count} of {len(launch.sources)} are the vendor's own."
            ],
            listed,
        ),
        alt=f"Table of all {len(launch.sources)} sources with kind, publisher and notes: "
        + "; ".join(listed)
        + ".",
        lede=f"{len(launch.sources)} sources; vendor material is flagged, as its numbers are not independently confirmed.",
    )
