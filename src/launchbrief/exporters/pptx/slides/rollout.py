"""Rollout: where the launch ships, by status, with timing as the source words it."""

from __future__ import annotations

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, Page, footer_names
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, Box
from launchbrief.exporters.pptx.palette import STATUS_COLORS
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides, text_cell
from launchbrief.exporters.pptx.text import Para
from launchbrief.model import Launch, RolloutStatus


def rollout_slide(deck: Deck, brief: Brief) -> None:
    """The main deck's rollout: one slide, its title the rollout in a sentence."""
    rollout_section(deck, brief.launch, title=story.sentence_of(brief.rollout_title()))


def rollout_section(deck: Deck, launch: Launch, *, title: str | None = None) -> None:
    summary = analysis.rollout(launch)
    if not summary.total:
        return
    with_audience = any(s.audience for s in launch.surfaces)
    with_timing = any(s.timing for s in launch.surfaces)
    with_note = any(s.note for s in launch.surfaces)
    headers = ["Surface", "Kind", "Status"]
    weights = [2.2, 1.1, 1.3]
    if with_audience:
        headers.append("Audience")
        weights.append(1.6)
    if with_timing:
        headers.append("Timing (as the source words it)")
        weights.append(2.2)
    if with_note:
        headers.append("Note")
        weights.append(2.0)
    rows: list[list[Cell]] = []
    for status, surfaces in summary.groups:
        for surface in surfaces[: story.MOST_ITEMS - len(rows)]:
            row = [
                text_cell(surface.name, bold=True, color="ink"),
                text_cell(surface.kind.value.replace("_", " ")),
                Cell(
                    (Para.of(status.label.capitalize(), bold=True, color="paper"),),
                    fill=STATUS_COLORS[status],
                ),
            ]
            if with_audience:
                row.append(
                    text_cell(surface.audience or "—", color=None if surface.audience else "muted")
                )
            if with_timing:
                row.append(
                    text_cell(surface.timing or "—", color=None if surface.timing else "muted")
                )
            if with_note:
                row.append(text_cell(surface.note or "—", color=None if surface.note else "muted"))
            rows.append(row)
    listed = len(rows)
    if summary.total > listed and title is None:  # the main deck counts them itself
        rows.append(more_row(summary.total - len(rows), "surface", "surfaces", len(headers)))
    numbers = [
        f"{status.label}: " + story.joined([s.name for s in surfaces])
        for status, surfaces in summary.groups
    ]
    notes = story.notes_text(
        [
            f"Where {story.launched_names(launch)} ships. {story.rollout_lede(summary)}",
            "Timing is given as the source words it; no dates are implied.",
        ],
        numbers,
    )
    alt = (
        f"Table of {summary.total} surfaces with kind, rollout status and timing. "
        + "; ".join(numbers)
        + "."
    )
    statuses = [status for status, _surfaces in summary.groups]

    def legend(page: Page) -> None:
        fonts = deck.body_fonts
        size = BODY_FLOOR
        x = page.frame.x
        y = page.frame.y
        for status in statuses:
            label = status.label.capitalize()
            width = fonts.width(label, size) + 4
            deck.rect(page, Box(x, y + 3, 12, 12), STATUS_COLORS[status], f"Legend {label} swatch")
            deck.text(
                page,
                Box(x + 18, y, width + 2, fonts.line_height(size) + 2),
                [Para.of(label, color="muted")],
                size,
                name=f"Legend {label}",
            )
            x += 18 + width + 20
        page.frame = page.frame.below(fonts.line_height(size) + 2, 10)

    sources = analysis.source_ids(launch.surfaces)
    if title is not None:
        live = summary.surfaces(RolloutStatus.LIVE)
        notes = story.talk_track(
            [
                title,
                f"Live today: {story.joined([s.name for s in live], most=6)}" if live else "",
                story.rollout_lede(summary),
            ],
            "Distribution decides how many people meet the model, whatever its benchmark scores",
            "When does it reach the rest?",
            "Only as the sources word it: "
            + (
                story.joined(sorted({s.timing for s in launch.surfaces if s.timing}), "; ")
                or "no timing is given"
            ),
            story.source_names(footer_names(deck, launch), sources),
        )
    table_slides(
        deck,
        launch,
        title=title or "Rollout",
        more=(lambda n: more_row(n, "surface", "surfaces", len(headers))) if title else None,
        omitted=summary.total - listed,
        headers=headers,
        rows=rows,
        weights=weights,
        sources=sources,
        notes=notes,
        alt=alt,
        lede=story.rollout_lede(summary),
        before=legend,
    )
