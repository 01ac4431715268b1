"""Benchmark slides: a chart per category with numbers, and those known only in words.

:class:`Boards` looks up a launch's leaderboards and the scorecard's verdicts; the
scorecard slide uses it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters.pptx import chart_data
from launchbrief.exporters.pptx.charts import bar_capacity, bar_chart, short_labels
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.flow import Column, flow_slides, more_para
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, Box
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides, text_cell
from launchbrief.exporters.pptx.text import (
    Para,
    Span,
    fit_size,
    spare_items,
    split_paras,
    text_height,
)
from launchbrief.model import Launch


@dataclass(frozen=True)
class Boards:
    """A launch's leaderboards and the scorecard's verdicts, looked up by leaderboard."""

    launch: Launch
    all: tuple[analysis.Leaderboard, ...]
    by_key: dict[tuple[str, str | None], analysis.Leaderboard]
    verdicts: dict[tuple[str, str | None], list[analysis.Verdict]]
    card: analysis.Scorecard

    @classmethod
    def of(cls, launch: Launch) -> Boards:
        boards = analysis.leaderboards(launch)
        card = analysis.scorecard(launch)
        verdicts: dict[tuple[str, str | None], list[analysis.Verdict]] = {}
        for verdict in card.verdicts:
            key = story.board_key(verdict.benchmark, verdict.cohort)
            verdicts.setdefault(key, []).append(verdict)
        return cls(
            launch=launch,
            all=boards,
            by_key={story.board_key(b.benchmark, b.cohort): b for b in boards},
            verdicts=verdicts,
            card=card,
        )

    def board(self, verdict: analysis.Verdict) -> analysis.Leaderboard | None:
        return self.by_key.get(story.board_key(verdict.benchmark, verdict.cohort))

    def of_board(self, board: analysis.Leaderboard) -> list[analysis.Verdict]:
        return self.verdicts.get(story.board_key(board.benchmark, board.cohort), [])

    def of_benchmark(self, benchmark: Any) -> list[analysis.Leaderboard]:
        return [board for board in self.all if board.benchmark.id == benchmark.id]

    def detail(self, verdict: analysis.Verdict, *, noted: bool = True) -> str:
        """The verdict in a line, naming its model when several were launched.

        A rank says who else is on the leaderboard: rivals known only in words are
        named after it (unless ``noted`` is false, where the slide lists them itself).
        """
        board = self.board(verdict)
        text = story.verdict_detail(verdict, board)
        if noted and board is not None and verdict.rank is not None:
            words = [
                clean(self.launch.model(r.model).label)
                for r in board.qualitative
                if not self.launch.model(r.model).launched
            ]
            if words:
                text += f"; also on it, in words only: {story.labels(words)}"
        if len(self.launch.launched) > 1 and verdict.model is not None:
            return f"{clean(verdict.model.label)}: {text}"
        return text


def verdict_paras(
    verdicts: Sequence[analysis.Verdict],
    boards: Boards,
    *,
    with_category: bool = False,
    with_cohort: bool = True,
) -> list[Para]:
    """Verdicts under the name of their leaderboard, one heading per leaderboard."""
    paras: list[Para] = []
    last: tuple[str, str | None] | None = None
    for verdict in verdicts:
        key = story.board_key(verdict.benchmark, verdict.cohort)
        if key != last:
            name = clean(verdict.subject if with_cohort else verdict.benchmark.name)
            head = [Span(name, bold=True, color="ink")]
            if with_category:
                head.append(
                    Span(f"  {story.category_title(verdict.benchmark.category)}", color="muted")
                )
            paras.append(Para(tuple(head), space_before=0.8, keep_with_next=True))
            last = key
        paras.append(
            Para.of(boards.detail(verdict), space_before=0.15, keep_with_next=bool(verdict.claim))
        )
        if verdict.claim:
            paras.append(
                Para.of(
                    story.claim_text(verdict.claim, verdict.quoted),
                    italic=verdict.quoted,
                    color="muted",
                    space_before=0.15,
                )
            )
    return paras


def _board_paras(
    launch: Launch, board: analysis.Leaderboard, boards: Boards, *, cohort_shown: bool
) -> list[Para]:
    """What a slide says of one leaderboard beside its chart: warning, settings, verdicts, noted entries."""
    label = story.board_label(board) if not cohort_shown else clean(board.benchmark.name)
    paras = [Para.of(label, bold=True, color="ink", space_before=0.8, keep_with_next=True)]
    if board.warning:
        paras.append(
            Para.of(
                f"Not strictly comparable: {clean(board.warning)}",
                color="negative",
                space_before=0.15,
            )
        )
    settings = story.settings_text(board)
    cohort_settings = analysis.describe_settings(board.cohort.settings if board.cohort else None)
    if settings and (settings != cohort_settings or not cohort_shown) and not board.warning:
        paras.append(Para.of(f"Run {settings}", color="muted", space_before=0.15))
    verdicts = boards.of_board(board)
    for verdict in verdicts:
        paras.append(Para.of(boards.detail(verdict, noted=False), space_before=0.15))
        if verdict.claim:
            paras.append(
                Para.of(
                    story.claim_text(verdict.claim, verdict.quoted),
                    italic=verdict.quoted,
                    color="muted",
                    space_before=0.15,
                )
            )
    if not verdicts:
        paras.append(
            Para.of(
                "No launched model has a number here.",
                italic=True,
                color="muted",
                space_before=0.15,
            )
        )
    noted, left_out = story.at_most(story.noted_entries(launch, board))
    if noted:
        paras.append(
            Para.of(
                "Also on this leaderboard, in words only: "
                + "; ".join(noted)
                + (f"; {story.more_text(left_out, 'entry', 'entries')}" if left_out else ""),
                italic=True,
                color="muted",
                space_before=0.15,
            )
        )
    return paras


def _board_notes(launch: Launch, board: analysis.Leaderboard) -> list[str]:
    """A leaderboard's settings, warning and noted entries, for the speaker notes."""
    lines = []
    settings = story.settings_text(board)
    if settings:
        lines.append(f"{story.board_label(board)} ran {settings}.")
    if board.warning:
        lines.append(f"{story.board_label(board)}: not strictly comparable, {board.warning}.")
    if not board.contested and board.standings:
        lines.append(f"{story.board_label(board)}: no rival numbers, so nothing is ranked.")
    noted, _left_out = story.at_most(story.noted_entries(launch, board))
    lines.extend(f"{story.board_label(board)}, in words only: {entry}." for entry in noted)
    return lines


def benchmarks_section(deck: Deck, launch: Launch) -> None:
    boards = Boards.of(launch)
    words_only: list[analysis.CategorySummary] = []
    vendor_only = story.VendorCheck(launch)
    for summary in analysis.categories(launch):
        if not summary.numeric:
            words_only.append(summary)
            continue
        _category_slides(deck, launch, summary, boards, vendor_only)
    _words_only_slide(deck, launch, words_only, boards)


def _category_slides(
    deck: Deck,
    launch: Launch,
    summary: analysis.CategorySummary,
    boards: Boards,
    vendor_only: story.VendorCheck,
) -> None:
    fonts = deck.body_fonts
    category = story.category_title(summary.category)
    title = f"{category} benchmarks"
    lede = story.category_lede(launch, summary)
    qualitative: list[Para] = []
    words_only, left_out = story.at_most(summary.qualitative_only)
    for benchmark in words_only:
        qualitative.extend(_qualitative_paras(launch, benchmark, boards))
    if left_out:
        qualitative.append(more_para(left_out, "benchmark", "benchmarks", space_before=0.3))
    category_boards = [
        board for benchmark in summary.numeric for board in boards.of_benchmark(benchmark)
    ]
    specs, alone = chart_data.chart_specs(launch, category_boards, vendor_only)
    alone_shown, alone_left_out = story.at_most(alone)
    alone_verdicts = [v for board in alone_shown for v in boards.of_board(board)]
    pieces = []
    for spec in specs:
        spec = short_labels(deck, spec)
        pieces.extend(chart_data.split_chart(spec, bar_capacity(deck, spec)))
    overflow: list[Para] = []
    for index, piece in enumerate(pieces):
        first = index == 0
        numbers = piece.numbers()
        shown = [v for board in piece.boards for v in boards.of_board(board)]
        if first:
            shown += alone_verdicts
        talking = [
            lede,
            *(f"{clean(v.subject)}: {boards.detail(v)}." for v in shown),
            *(line for board in piece.boards for line in _board_notes(launch, board)),
        ]
        if piece.vendor_only:
            talking.append(
                "These numbers come from the vendor's own materials; they are not independently confirmed."
            )
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            sources=piece.sources,
            launch=launch,
            notes=story.notes_text(talking, numbers),
        )
        if first:
            deck.lede(page, lede)
        frame = page.frame
        below: list[Para] = []
        if first and qualitative:
            heading = Para.of(
                "KNOWN ONLY IN THE SOURCE'S WORDS",
                bold=True,
                color="muted",
                scale=0.85,
                keep_with_next=True,
            )
            below = [heading, *qualitative]
            room = max(0.0, frame.h - 250.0 - 16)
            wanted = text_height(below, frame.w, BODY_FLOOR, fonts, limit=room)
            below_h = min(wanted, room)
            if below_h < fonts.line_height(BODY_FLOOR) * 2:
                overflow.extend(below)
                below = []
            else:
                size = (
                    fit_size(below, frame.w, below_h, fonts, largest=14, smallest=BODY_FLOOR)
                    or BODY_FLOOR
                )
                placed, rest = split_paras(below, frame.w, below_h, size, fonts)
                overflow.extend(rest)
                height = text_height(placed, frame.w, size, fonts)
                deck.text(
                    page,
                    Box(frame.x, frame.bottom - height, frame.w, height),
                    placed,
                    size,
                    name="Qualitative benchmarks",
                )
                frame = Box(frame.x, frame.y, frame.w, frame.h - height - 16)
        chart_box, panel = frame.columns([2.25, 1.0])
        reads = [Para.of("KEY READS", bold=True, color="muted", scale=0.85, keep_with_next=True)]
        cohort = piece.cohort
        if cohort is not None:
            settings = analysis.describe_settings(cohort.settings)
            spans = [Span(clean(cohort.name), bold=True, color="accent")]
            if settings:
                spans.append(Span(f": {settings}", color="muted"))
            reads.append(Para(tuple(spans), space_before=0.5, keep_with_next=True))
        for board in piece.boards:
            reads.extend(_board_paras(launch, board, boards, cohort_shown=cohort is not None))
        if first and (alone_verdicts or alone_left_out):
            reads.append(
                Para.of(
                    "ALSO REPORTED, WITHOUT RIVAL NUMBERS",
                    bold=True,
                    color="muted",
                    scale=0.85,
                    space_before=1.6,
                    keep_with_next=True,
                )
            )
            reads.extend(verdict_paras(alone_verdicts, boards))
            if alone_left_out:
                reads.append(more_para(alone_left_out, "benchmark", "benchmarks", space_before=0.8))
        if piece.vendor_only:
            reads.append(
                Para.of(
                    "Vendor-reported numbers, not independently confirmed.",
                    italic=True,
                    color="muted",
                    space_before=1.0,
                )
            )
        if len(reads) > 1:
            reads[1] = replace(reads[1], space_before=0.4)
        fitted = fit_size(reads, panel.w, panel.h, fonts, largest=15, smallest=BODY_FLOOR)
        if fitted is None:
            fitted = BODY_FLOOR
            placed, rest = split_paras(reads, panel.w, panel.h, fitted, fonts)
            reads, rest = spare_items(reads, placed, rest)
            overflow.extend(rest)
        deck.text(page, panel, reads, fitted, name="Key reads")
        bar_chart(deck, page, chart_box, piece, category)
    if overflow:
        flow_slides(
            deck,
            launch,
            title=f"{title} (continued)",
            columns=[Column(None, overflow)],
            sources=analysis.source_ids([*summary.benchmarks]),
            notes=story.notes_text([lede, "Benchmark results the chart could not hold."]),
        )


def _qualitative_paras(launch: Launch, benchmark: Any, boards: Boards) -> list[Para]:
    """A benchmark known only in words: each verdict, and the words of everyone else."""
    paras: list[Para] = []
    for board in boards.of_benchmark(benchmark):
        name = story.board_label(board)
        for verdict in boards.of_board(board):
            spans = [Span(f"{name}: ", bold=True, color="ink"), Span(boards.detail(verdict))]
            if verdict.claim:
                spans.append(
                    Span(
                        f" {story.claim_text(verdict.claim, verdict.quoted)}",
                        italic=verdict.quoted,
                        color="muted",
                    )
                )
            paras.append(Para(tuple(spans), bullet=True, space_before=0.3))
        noted, _left_out = story.at_most(story.noted_entries(launch, board))
        for entry in noted:
            paras.append(
                Para(
                    (Span(f"{name}, ", bold=True, color="ink"), Span(entry, italic=True)),
                    bullet=True,
                    space_before=0.3,
                )
            )
    return paras


def _words_only_slide(
    deck: Deck,
    launch: Launch,
    summaries: Sequence[analysis.CategorySummary],
    boards: Boards,
) -> None:
    benchmarks = [b for summary in summaries for b in summary.qualitative_only]
    found_boards = [board for b in benchmarks for board in boards.of_benchmark(b)]
    if not found_boards:
        return
    rows = []
    numbers = []
    shown, left_out = story.at_most(found_boards)
    for board in shown:
        found = boards.of_board(board)
        claims = [story.claim_text(v.claim, v.quoted) for v in found if v.claim]
        claims += story.noted_entries(launch, board)
        reading = "; ".join(boards.detail(v).removesuffix(" (no number published)") for v in found)
        if not reading:
            reading = "no comparison recorded"
        rows.append(
            [
                text_cell(story.board_label(board), bold=True, color="ink"),
                text_cell(story.category_title(board.benchmark.category)),
                text_cell(reading[:1].upper() + reading[1:]),
                Cell(
                    tuple(
                        Para.of(claim, italic=True, color="muted")
                        for claim in list(dict.fromkeys(claims))[: story.MOST_ITEMS]
                    )
                    or (Para.of("—", color="muted"),)
                ),
            ]
        )
        numbers.append(f"{story.board_label(board)}: {reading}")
    if left_out:
        rows.append(more_row(left_out, "benchmark", "benchmarks", 4))
        numbers.append(story.more_text(left_out, "benchmark", "benchmarks"))
    model = story.launched_names(launch)
    count = len(found_boards)
    table_slides(
        deck,
        launch,
        title="Benchmarks compared only in words",
        headers=[
            "Benchmark",
            "Category",
            f"Where {model} {story.plural(launch, 'stands', 'stand')}",
            "In the source's words",
        ],
        rows=rows,
        weights=[1.6, 1.1, 2.4, 2.6],
        sources=analysis.source_ids(
            [*benchmarks, *(r for board in found_boards for r in board.qualitative)]
        ),
        notes=story.notes_text(
            [
                "These comparisons come without numbers: the source states them in words, so they are not charted.",
            ],
            numbers,
        ),
        alt=f"Table of {count} benchmarks known only from the source's words: "
        + "; ".join(numbers)
        + ".",
        lede=f"The sources compare {model} on {count:,} more benchmark{'s' if count != 1 else ''} in words; the record holds no numbers for them.",
    )
