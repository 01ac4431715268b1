"""Strengths, weaknesses and risks; strategy and context; takeaways."""

from __future__ import annotations

from typing import Any

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.flow import Column, body_slides, flow_slides, more_para
from launchbrief.exporters.pptx.text import Para
from launchbrief.model import (
    InsightKind,
    Launch,
)

# Column heading, its colour, and one item's label in the speaker notes.
_INSIGHT_HEADINGS = {
    InsightKind.STRENGTH: ("Strengths", "positive", "Strength"),
    InsightKind.WEAKNESS: ("Weaknesses", "negative", "Weakness"),
    InsightKind.RISK: ("Risks", "negative", "Risk"),
    InsightKind.STRATEGY: ("Strategy", "accent", "Strategy"),
    InsightKind.CONTEXT: ("Context", "muted", "Context"),
}


def meaning_slide(deck: Deck, brief: Brief) -> None:
    """One slide: strengths, then weaknesses and risks, then strategy, context and takeaways."""
    launch = brief.launch
    takeaways = [i for i in launch.insights if i.kind is InsightKind.TAKEAWAY]
    verdict = takeaways[:1]
    groups = (
        ("Strengths", "positive", (InsightKind.STRENGTH,)),
        ("Weaknesses and risks", "negative", (InsightKind.WEAKNESS, InsightKind.RISK)),
        (
            "Strategy and context",
            "accent",
            (InsightKind.STRATEGY, InsightKind.CONTEXT, InsightKind.TAKEAWAY),
        ),
    )
    columns = []
    items: list[Any] = []
    for heading, color, kinds in groups:
        found = [i for i in launch.insights if i.kind in kinds and i not in verdict]
        if not found:
            continue
        paras = [
            Para.of(clean(insight.text), bullet=True, space_before=0.0 if index == 0 else 0.7)
            for index, insight in enumerate(found)
        ]
        columns.append(Column(heading, paras, color))
        items.extend(found)
    if not columns:
        return
    title = story.sentence_of(brief.meaning_title())
    sources = analysis.source_ids(items)
    flow_slides(
        deck,
        launch,
        title=title,
        columns=columns,
        sources=sources,
        notes=story.talk_track(
            [title, *(clean(i.text) for i in items[:2])],
            "This is what the launch changes for the competitive picture, beyond the numbers",
            "What is the biggest risk?",
            next(
                (clean(i.text) for i in items if i.kind is InsightKind.RISK),
                "The sources name no risk; the weaknesses are the place to look",
            ),
            story.source_names(footer_names(deck, launch), sources),
        ),
        largest=15.0,
        more=lambda count: more_para(count, "insight", "insights", space_before=0.7),
    )


def strategy_section(deck: Deck, launch: Launch) -> None:
    by_kind: dict[InsightKind, list[Any]] = {}
    for insight in launch.insights:
        by_kind.setdefault(insight.kind, []).append(insight)
    model = story.launched_names(launch)
    for title, kinds in (
        (
            f"What {model} {story.plural(launch, 'brings', 'bring')}, and what could go wrong",
            (InsightKind.STRENGTH, InsightKind.WEAKNESS, InsightKind.RISK),
        ),
        ("Strategy and context", (InsightKind.STRATEGY, InsightKind.CONTEXT)),
    ):
        present = [kind for kind in kinds if by_kind.get(kind)]
        if not present:
            continue
        kind_items = [insight for kind in present for insight in by_kind[kind]]
        columns = []
        items: list[Any] = []
        for kind in present:
            shown, left_out = story.at_most(by_kind[kind])
            paras = [
                Para.of(clean(insight.text), bullet=True, space_before=0.0 if index == 0 else 0.7)
                for index, insight in enumerate(shown)
            ]
            if left_out:
                paras.append(more_para(left_out, "insight", "insights", space_before=0.7))
            columns.append(Column(_INSIGHT_HEADINGS[kind][0], paras, _INSIGHT_HEADINGS[kind][1]))
            items.extend(shown)
        flow_slides(
            deck,
            launch,
            title=title,
            columns=columns,
            sources=analysis.source_ids(kind_items),
            notes=story.notes_text(
                [f"{_INSIGHT_HEADINGS[i.kind][2]}: {clean(i.text)}" for i in items]
            ),
            largest=15.0,
        )
    takeaways = by_kind.get(InsightKind.TAKEAWAY, [])
    if takeaways:
        shown, left_out = story.at_most(takeaways)
        paras = [
            Para.of(clean(t.text), bullet=True, space_before=0.0 if i == 0 else 0.8)
            for i, t in enumerate(shown)
        ]
        if left_out:
            paras.append(more_para(left_out, "takeaway", "takeaways", space_before=0.8))
        body_slides(
            deck,
            launch,
            title="Takeaways",
            paras=paras,
            sources=analysis.source_ids(takeaways),
            notes=story.notes_text(
                ["The takeaways to leave the room with:", *(clean(t.text) for t in shown)]
            ),
        )
