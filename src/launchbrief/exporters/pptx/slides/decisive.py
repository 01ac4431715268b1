"""The decisive comparisons as charts, and where the launch trails."""

from __future__ import annotations

from dataclasses import replace

import attrs

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief, board_name, margin_words, matchup_sentence
from launchbrief.exporters.pptx import chart_data
from launchbrief.exporters.pptx.charts import bar_capacity, bar_chart
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.geometry import BODY_FLOOR
from launchbrief.exporters.pptx.tables import Cell, table_slides, text_cell, where_row
from launchbrief.exporters.pptx.text import Para, fit_items, fit_size


def _trimmed(board: analysis.Leaderboard, most: int) -> analysis.Leaderboard:
    """At most ``most`` of the board's entries: the family's best, the rivals, then the rest by rank."""
    standings = list(board.standings)
    if len(standings) <= most:
        return board
    ours = next((s for s in standings if s.launched), None)
    rivals = [s for s in standings if not s.launched]
    keep = [s for s in (ours, *rivals[: most - 1]) if s is not None]
    for standing in standings:
        if len(keep) >= most:
            break
        if standing not in keep:
            keep.append(standing)
    return attrs.evolve(board, standings=tuple(s for s in standings if s in keep))


def decisive_slides(deck: Deck, brief: Brief) -> None:
    """One slide per decisive comparison: the ranked chart and what it shows."""
    launch = brief.launch
    names = footer_names(deck, launch)
    vendor_only = story.VendorCheck(launch)
    for matchup in brief.decisive:
        board = matchup.board
        spec = chart_data.ranked_chart(board, vendor_only)
        capacity = max(2, bar_capacity(deck, spec))
        trimmed = _trimmed(board, capacity)
        if trimmed is not board:
            spec = chart_data.ranked_chart(trimmed, vendor_only)
            spec = replace(
                spec,
                title=f"{spec.title}: {len(trimmed.standings)} of {len(board.standings)} entries shown",
            )
        title = story.sentence_of(matchup_sentence(matchup, launch))
        reads = _reads(brief, matchup, trimmed is not board)
        ours, rival = matchup.ours, matchup.rival
        benchmark = board.benchmark
        say = [title]
        if ours is not None and rival is not None:
            say.append(
                f"{clean(ours.label)} scores {story.score_text(ours.score, benchmark)};"
                f" the best rival, {clean(rival.label)}, scores {story.score_text(rival.score, benchmark)}"
            )
        say.append(reads[1].text if len(reads) > 1 else "")
        page = deck.new_slide(
            title,
            sources=spec.sources,
            launch=launch,
            notes=story.talk_track(
                say,
                "It is among the widest margins the launch shows against a rival, on a benchmark run the same way for every entry"
                if not board.warning
                else "It is among the widest margins the launch shows, though the entries did not all run the same way",
                "Is the comparison like for like?",
                (board.warning and f"Not strictly: {board.warning}")
                or f"Every entry on this chart comes from one table of results{_settings(board)}",
                story.source_names(names, spec.sources),
            ),
        )
        chart_box, panel = page.frame.columns([2.0, 1.0])
        fonts = deck.body_fonts
        size = fit_size(reads, panel.w, panel.h, fonts, largest=16, smallest=BODY_FLOOR)
        if size is None:
            size = BODY_FLOOR
            reads = fit_items(reads, panel.w, panel.h, size, fonts, lambda _n: Para.of(""))
        deck.text(page, panel, reads, size, name="Key reads")
        bar_chart(deck, page, chart_box, spec, clean(benchmark.category))


def _settings(board: analysis.Leaderboard) -> str:
    text = story.settings_text(board)
    return f", {text}" if text else ""


def _reads(brief: Brief, matchup: analysis.Matchup, trimmed: bool) -> list[Para]:
    """What the chart shows, in a few lines beside it."""
    board = matchup.board
    benchmark = board.benchmark
    paras = [Para.of("WHAT IT SHOWS", bold=True, color="muted", scale=0.85, keep_with_next=True)]
    ours, rival = matchup.ours, matchup.rival
    if ours is not None and rival is not None and ours.rank is not None:
        paras.append(
            Para.of(
                f"#{ours.rank} of {len(board.standings)} with {story.score_text(ours.score, benchmark)},"
                f" {margin_words(matchup.margin or 0.0, matchup)} from {clean(rival.label)}",
                bold=True,
                color="ink",
                space_before=0.4,
            )
        )
    settings = story.settings_text(board)
    if settings:
        paras.append(Para.of(f"Run {settings}.", color="muted", space_before=0.6))
    if board.warning:
        paras.append(
            Para.of(
                f"Not strictly comparable: {board.warning}.", color="negative", space_before=0.6
            )
        )
    if trimmed:
        paras.append(
            Para.of(
                "The appendix and the workbook hold every entry.", color="muted", space_before=0.6
            )
        )
    results = [s.result for s in board.standings]
    check = story.VendorCheck(brief.launch)
    if results and all(check(r) for r in results):
        paras.append(
            Para.of(
                "Vendor-reported numbers, not independently confirmed.",
                italic=True,
                color="muted",
                space_before=0.6,
            )
        )
    return paras


def trails_slide(deck: Deck, brief: Brief) -> None:
    """Every trail, widest first, in a table: the benchmark, who is ahead, by how much."""
    launch = brief.launch
    rows: list[list[Cell]] = []
    lines: list[str] = []
    several = len(launch.launched) > 1
    for matchup in brief.trails:
        board = matchup.board
        benchmark = board.benchmark
        ahead = story.labels(matchup.versus) or "the field"
        if matchup.basis is analysis.Basis.NUMERIC and matchup.ours and matchup.rival:
            gap = (
                f"{story.score_text(matchup.ours.score, benchmark)} against"
                f" {story.score_text(matchup.rival.score, benchmark)}:"
                f" {margin_words(matchup.margin or 0.0, matchup)} behind"
            )
            gap_cell = text_cell(gap)
        else:
            said = next((v for v in matchup.verdicts if v.claim), None)
            quoted = said is not None and said.quoted
            words = clean(said.claim) if said and said.claim else "No number given"
            gap_cell = Cell(
                (
                    Para.of("No number published here", color="muted"),
                    Para.of(
                        f"“{words}”" if quoted else words,
                        italic=quoted,
                        color="muted",
                        space_before=0.3,
                    ),
                )
                if said
                else (Para.of("No number published here", color="muted"),)
            )
        first = [Para.of(board_name(board), bold=True, color="ink")]
        first.append(
            Para.of(story.category_title(benchmark.category), color="muted", space_before=0.2)
        )
        row = [Cell(tuple(first))]
        if several:
            model = matchup.subject
            row.append(text_cell(clean(model.label) if model else ""))
        row += [text_cell(ahead), gap_cell]
        rows.append(row)
        lines.append(matchup_sentence(matchup, launch))
    headers = ["Benchmark", *(["Launched model"] if several else []), "Ahead of it", "The gap"]
    weights = [2.0, *([1.6] if several else []), 2.0, 2.6]
    title = story.sentence_of(brief.trails_title())
    sources = analysis.source_ids([r for m in brief.trails for r in _results(m)])
    table_slides(
        deck,
        launch,
        title=title,
        headers=headers,
        rows=rows,
        weights=weights,
        sources=sources,
        notes=story.talk_track(
            [title, *lines[:2], f"{len(lines)} trailing results in all" if len(lines) > 3 else ""],
            "A rival's lead where customers care is where a competitor will attack first",
            "Is the gap closing?",
            "The record holds one point in time; a later record will show whether it narrows",
            story.source_names(footer_names(deck, launch), sources),
        ),
        alt=f"Table of the {len(lines)} results where a rival is ahead: "
        + "; ".join(lines[:30])
        + ".",
        more=lambda count: where_row(count, "the appendix and the workbook", len(headers)),
    )


def _results(matchup: analysis.Matchup) -> list[object]:
    found: list[object] = [s.result for s in matchup.board.standings]
    found.extend(matchup.board.qualitative)
    return found
