"""The scorecard: where the launched models lead and trail, in three columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief, board_name, margin_words, matchup_sentence
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.flow import Column, flow_slides, more_para
from launchbrief.exporters.pptx.slides.benchmarks import Boards, verdict_paras
from launchbrief.exporters.pptx.tables import Cell, table_slides, text_cell, where_row
from launchbrief.exporters.pptx.text import Para
from launchbrief.model import Launch, Relation


def _subjects(verdicts: Sequence[analysis.Verdict]) -> int:
    """How many leaderboards (benchmark and cohort) the verdicts are about."""
    return len({story.board_key(v.benchmark, v.cohort) for v in verdicts})


def _standing_sentence(name: str, card: analysis.Scorecard) -> str:
    """``Muse Spark leads rivals on 2 of 5 leaderboards compared and trails on 2``: contested only."""
    return story.standing_sentence(
        name,
        True,
        _subjects(card.leads),
        _subjects(card.trails),
        _subjects(card.contested),
        "leaderboards",
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
        lede = story.standing_sentence(
            "The launched models",
            False,
            _subjects(card.leads),
            _subjects(card.trails),
            _subjects(card.contested),
            "leaderboards",
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


#: Up to this many leaderboards, the main scorecard has a row for each; past it, a
#: row for each category (the appendix has every leaderboard).
MOST_SCORECARD_ROWS = 12


def _verdict_cell(matchup: analysis.Matchup) -> Cell:
    relation = matchup.relation
    if relation is None:
        return text_cell("No rival number", italic=True, color="muted")
    rivals = story.labels(matchup.versus) or "the field"
    if matchup.basis is analysis.Basis.NUMERIC:
        margin = margin_words(matchup.margin or 0.0, matchup)
        text = {
            Relation.LEADS: f"Leads by {margin}",
            Relation.TRAILS: f"Trails {rivals} by {margin}",
        }.get(relation, f"Level with {rivals}")
    else:
        text = {
            Relation.LEADS: f"Leads {rivals}",
            Relation.TRAILS: f"Trails {rivals}",
            Relation.ON_PAR: f"On par with {rivals}",
            Relation.NOT_CLEARLY_AHEAD: f"Not clearly ahead of {rivals}",
        }[relation]
        text += " (no number published)"
    color = {Relation.LEADS: "positive", Relation.TRAILS: "negative"}.get(relation, "ink")
    return text_cell(text, bold=relation in (Relation.LEADS, Relation.TRAILS), color=color)


def _entry(standing: analysis.Standing | None, benchmark: object) -> Cell:
    if standing is None:
        return text_cell("—", color="muted")
    return Cell(
        (
            Para.of(story.score_text(standing.score, benchmark), bold=True, color="ink"),  # type: ignore[arg-type]
            Para.of(clean(standing.label), color="muted", scale=0.85),
        )
    )


def scorecard_slide(deck: Deck, brief: Brief) -> None:
    """Every benchmark at once: the family's best against the best rival, by category."""
    launch = brief.launch
    order: dict[str, int] = {}
    for matchup in brief.matchups:
        order.setdefault(matchup.board.benchmark.category, len(order))
    matchups = sorted(brief.matchups, key=lambda m: order[m.board.benchmark.category])
    rows: list[list[Cell]] = []
    lines: list[str] = []
    if len(matchups) <= MOST_SCORECARD_ROWS:
        headers = ["Category", "Benchmark", "Launched (best)", "Best rival", "Verdict"]
        weights = [1.3, 2.2, 1.7, 1.7, 2.6]
        last = None
        for matchup in matchups:
            board = matchup.board
            category = story.category_title(board.benchmark.category)
            rows.append(
                [
                    text_cell(category if category != last else "", bold=True, color="ink"),
                    text_cell(board_name(board), color="ink"),
                    _entry(matchup.ours, board.benchmark),
                    _entry(matchup.rival, board.benchmark),
                    _verdict_cell(matchup),
                ]
            )
            last = category
            lines.append(matchup_sentence(matchup, launch))
    else:
        headers = [
            "Category",
            brief.noun.capitalize(),
            "Leads",
            "Trails",
            "Widest lead",
            "Widest trail",
        ]
        weights = [1.6, 1.1, 0.9, 0.9, 2.6, 2.6]
        by_category: dict[str, list[analysis.Matchup]] = {}
        for matchup in matchups:
            by_category.setdefault(
                story.category_title(matchup.board.benchmark.category), []
            ).append(matchup)
        for category, found in by_category.items():
            contested = [m for m in found if m.relation is not None]
            leads = sorted(
                (m for m in found if m.relation is Relation.LEADS), key=lambda m: -m.relative_margin
            )
            trails = sorted(
                (m for m in found if m.relation is Relation.TRAILS),
                key=lambda m: -m.relative_margin,
            )
            rows.append(
                [
                    text_cell(category, bold=True, color="ink"),
                    text_cell(f"{len(found):,}"),
                    text_cell(
                        str(len(leads)), bold=bool(leads), color="positive" if leads else "muted"
                    ),
                    text_cell(
                        str(len(trails)), bold=bool(trails), color="negative" if trails else "muted"
                    ),
                    text_cell(
                        _widest(leads[0]) if leads else "—", color=None if leads else "muted"
                    ),
                    text_cell(
                        _widest(trails[0]) if trails else "—", color=None if trails else "muted"
                    ),
                ]
            )
            lines.append(
                f"{category}: {len(leads)} leads and {len(trails)} trails on {len(contested)}"
                f" {brief.noun} compared with rivals"
            )
    title = story.sentence_of(brief.categories_title())
    sources = analysis.source_ids([s.result for m in matchups for s in m.board.standings])
    table_slides(
        deck,
        launch,
        title=title,
        headers=headers,
        rows=rows,
        weights=weights,
        sources=sources,
        notes=story.talk_track(
            [
                title,
                story.sentence_of(brief.scorecard_title()),
                "Each row sets the launched family's best number against the best rival's; a number"
                " without a rival's is shown but never counted as a lead",
            ],
            "This is the whole field on one page: where the launch wins, where it loses, and where nobody can tell yet",
            "Are these numbers comparable across rows?",
            "Only within a row: each compares entries of one benchmark and one table of results,"
            " and rows are never added up into one ranking",
            story.source_names(footer_names(deck, launch), sources),
        ),
        alt="Scorecard: " + "; ".join(lines[:40]) + ".",
        more=lambda count: where_row(count, "the appendix and the workbook", len(headers)),
    )


def _widest(matchup: analysis.Matchup) -> str:
    return f"{board_name(matchup.board)}: {margin_words(matchup.margin or 0.0, matchup)}" + (
        f" ({clean(matchup.ours.label)})" if matchup.ours is not None else ""
    )
