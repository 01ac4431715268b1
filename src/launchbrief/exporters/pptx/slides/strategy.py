"""Strengths, weaknesses and risks; strategy and context; takeaways."""

from __future__ import annotations

from typing import Any

from launchbrief import analysis
from launchbrief.exporters.pptx import story
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.flow import Column, body_slides, flow_slides, more_para
from launchbrief.exporters.pptx.text import Para, clean
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
