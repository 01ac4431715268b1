"""Method and caveats, and the list of sources."""

from __future__ import annotations

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.flow import Column, flow_slides, more_para
from launchbrief.exporters.pptx.geometry import BODY_FLOOR
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides, text_cell
from launchbrief.exporters.pptx.text import Para, Span, fits, sentence
from launchbrief.model import (
    Launch,
    SourceKind,
)


def _gap_line(launch: Launch) -> str:
    """The record's gaps in one line, the ones that matter to a reader named first."""
    gaps = analysis.completeness(launch)
    if not gaps:
        return ""
    kinds: dict[analysis.GapKind, int] = {}
    for gap in gaps:
        kinds[gap.kind] = kinds.get(gap.kind, 0) + 1
    first = [kind.heading.lower() for kind in sorted(kinds, key=list(analysis.GapKind).index)[:2]]
    count = len(gaps)
    return (
        f"The record leaves {count} {'fact' if count == 1 else 'facts'} open, chiefly:"
        f" {'; '.join(first)}. The appendix and the workbook list each one."
    )


def sources_slide(deck: Deck, brief: Brief) -> None:
    """Sources and method on one slide: how the numbers were read, and every source."""
    launch = brief.launch
    when = story.date_text(launch)
    vendor = story.vendor_sentence(launch)
    method = [
        vendor or "The record holds no benchmark numbers.",
        "Leads and trails compare scores within one benchmark and one table of results only;"
        " comparisons the sources make in words are never turned into numbers.",
        "A score without a rival's is shown but never counted as a lead; launched models are"
        " compared with rivals, not with each other.",
        _gap_line(launch),
        f"The record is as of {when}." if when else "",
    ]
    method_paras = [
        Para.of(point, bullet=True, space_before=0.0 if i == 0 else 0.6)
        for i, point in enumerate(p for p in method if p)
    ]
    source_paras = []
    compact = []
    for index, source in enumerate(launch.sources[: story.MOST_ITEMS * 10]):
        where = [clean(x) for x in (source.publisher, source.title) if x]
        if source.published:
            where.append(story.day_text(source.published))
        kind = (
            "Vendor, not independent"
            if source.kind is SourceKind.VENDOR
            else source.kind.value.replace("_", "-").capitalize()
        )
        spans = [
            Span(clean(source.name), bold=True, color="ink"),
            Span(f"  {kind}", color="negative" if source.kind is SourceKind.VENDOR else "muted"),
        ]
        if where and where != [clean(source.name)]:
            spans.append(Span(f". {', '.join(where)}"))
        if source.url:
            spans.append(Span(f". {clean(source.url)}", color="accent"))
        source_paras.append(Para(tuple(spans), space_before=0.0 if index == 0 else 0.45))
        compact.append(Para(tuple(spans[:2]), space_before=0.0 if index == 0 else 0.2))
    # Footers point here only if every source is named: in full, or else by name and kind.
    area = deck.frame.columns([1.0, 1.0])[1]
    room = area.h - 38.0
    every = len(source_paras) == len(launch.sources)
    if not fits(source_paras, area.w, room, BODY_FLOOR, deck.body_fonts):
        source_paras = compact
        every = every and fits(compact, area.w, room, BODY_FLOOR, deck.body_fonts)
    columns = [Column("Method", method_paras, "accent")]
    if source_paras:
        columns.append(Column("Sources", source_paras, "muted"))
    title = story.sentence_of(brief.sources_title())
    if every:
        deck.mark_sources_slide(launch)
    flow_slides(
        deck,
        launch,
        title=title,
        columns=columns,
        sources=[s.id for s in launch.sources],
        notes=story.talk_track(
            [title, method[1], method[2]],
            "The audience should know how far to trust each number before acting on it",
            "Can we check these numbers?",
            "Each source is listed with its publisher and, where the record has one, its link;"
            " the workbook ties every number to its sources",
            [clean(s.name) for s in launch.sources],
        ),
        weights=[1.0, 1.0][: len(columns)],
        largest=14.0,
        more=lambda count: more_para(
            count + len(launch.sources) - len(compact), "source", "sources", space_before=0.2
        ),
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
