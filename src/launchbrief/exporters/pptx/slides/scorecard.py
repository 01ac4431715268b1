"""The scorecard: where the launched models lead and trail, in three columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from launchbrief import analysis
from launchbrief.exporters.pptx import story
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.flow import Column, flow_slides, more_para
from launchbrief.exporters.pptx.slides.benchmarks import Boards, verdict_paras
from launchbrief.exporters.pptx.text import clean
from launchbrief.model import Launch


def _subjects(verdicts: Sequence[analysis.Verdict]) -> int:
    """How many leaderboards (benchmark and cohort) the verdicts are about."""
    return len({story.board_key(v.benchmark, v.cohort) for v in verdicts})


def _standing_sentence(name: str, card: analysis.Scorecard) -> str:
    """``Muse Spark leads on 2 of 5 compared with rivals and trails on 2``: contested only."""
    contested = _subjects(card.contested)
    if not contested:
        return f"{name} has no leaderboard with a rival to compare with"
    leads, trails = _subjects(card.leads), _subjects(card.trails)
    noun = "leaderboard" if contested == 1 else "leaderboards"
    return (
        f"{name} leads on {leads} of {contested} {noun} compared with rivals and trails on"
        f" {trails or 'none'}"
    )


def scorecard_section(deck: Deck, launch: Launch, boards: Boards | None = None) -> None:
    boards = boards or Boards.of(launch)
    card = boards.card
    if not card.verdicts:
        return
    columns = []
    for heading, found, color in (
        ("Leads", card.leads, "positive"),
        ("Trails", card.trails, "negative"),
        ("Level, unclear or unranked", card.other, "muted"),
    ):
        if not found:
            continue
        shown, left_out = story.at_most(found)
        paras = verdict_paras(shown, boards, with_category=True)
        if left_out:
            paras.append(more_para(left_out, "benchmark", "benchmarks", space_before=0.8))
        columns.append(Column(heading, paras, color))
    for column in columns:
        if column.paras:
            column.paras[0] = replace(column.paras[0], space_before=0.0)
    launched = launch.launched
    if len(launched) <= 3:
        parts = [
            _standing_sentence(clean(model.label), analysis.scorecard(launch, model.id))
            for model in launched
        ]
        lede = "; ".join(parts)
    else:
        contested = _subjects(card.contested)
        lede = (
            f"On the {contested} leaderboards compared with rivals, a launched model leads on"
            f" {_subjects(card.leads)} and one trails on {_subjects(card.trails) or 'none'}"
        )
    unranked = _subjects([v for v in card.verdicts if v.relation is None])
    if unranked:
        lede += f"; {unranked} more {'has' if unranked == 1 else 'have'} no rival numbers and {'is' if unranked == 1 else 'are'} not ranked"
    lede += "."
    read_out, unread = story.at_most(card.verdicts, 3 * story.MOST_ITEMS)
    notes = story.notes_text(
        [
            lede,
            "Only rivals count: a launched model is never said to lead its own sibling.",
            "Numbers rank the recorded scores; the rest is the source's own words.",
        ],
        [
            *(f"{clean(v.subject)}: {boards.detail(v)}" for v in read_out),
            story.more_text(unread, "benchmark", "benchmarks") if unread else "",
        ],
    )
    flow_slides(
        deck,
        launch,
        title=f"Scorecard: where {story.plural(launch, 'it leads and trails', 'they lead and trail')}",
        columns=columns,
        sources=analysis.source_ids(card.verdicts),
        notes=notes,
        lede=lede,
        largest=15.0,
    )
