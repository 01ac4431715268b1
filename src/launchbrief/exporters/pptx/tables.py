"""Tables over as many slides as they need, their header repeated on each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx.oxml.ns import qn
from pptx.util import Emu

from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters.pptx.deck import Deck, Page, alt_text
from launchbrief.exporters.pptx.flow import more_para
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, EMU_PER_PT, TABLE_SIZE, emu
from launchbrief.exporters.pptx.metrics import FontSet
from launchbrief.exporters.pptx.text import Para, clip, split_paras, text_height, widest_word
from launchbrief.model import Launch

#: The sizes a table is tried at, largest first: one size for the whole table.
_SIZES = (TABLE_SIZE, 13.0, BODY_FLOOR)


@dataclass(frozen=True)
class Cell:
    paras: tuple[Para, ...]
    fill: str | None = None  # a colour
    on_fill: str | None = None  # text colour role on the fill


def text_cell(text: str, **options: Any) -> Cell:
    fill = options.pop("fill", None)
    return Cell((Para.of(clean(text), **options),), fill=fill)


def table_slides(
    deck: Deck,
    launch: Launch | None,
    *,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    weights: Sequence[float],
    sources: Sequence[str],
    notes: str,
    alt: str,
    lede: str | None = None,
    footer: str | None = None,
    before: Callable[[Page], None] | None = None,
    more: Callable[[int], Sequence[Cell]] | None = None,
    omitted: int = 0,
) -> None:
    """A table over as many slides as it needs, its header repeated on each.

    With ``more``, the table takes one slide: the rows it cannot hold are left out
    and counted in a last row, ``more(count)``, with the ``omitted`` rows the caller
    left out before.

    A cell taller than half the first slide's room at the smallest size is cut with
    "…" to that height (the notes carry the full text), so any two rows fit on a
    slide, and rows move on so that no continuation slide holds one row alone.
    Columns are widened to their longest word (see :func:`_word_weights`).
    """
    fonts = deck.body_fonts
    weights, largest, side = _word_weights(deck, headers, rows, weights, 6.0)
    margin = (side, 4.0, side, 4.0)
    total = sum(weights)
    pending: list[Sequence[Cell]] = [list(row) for row in rows]
    first = True
    table_size: float | None = None
    while first or pending:
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
            footer=footer,
        )
        if first and lede:
            deck.lede(page, lede)
        if before is not None:
            before(page)
        frame = page.frame
        widths = [frame.w * weight / total for weight in weights]
        inner = [width - margin[0] - margin[2] for width in widths]
        size = TABLE_SIZE
        header_cells = [Cell((Para.of(clean(h), bold=True, color="muted"),)) for h in headers]

        def height(cells: Sequence[Cell], size: float, inner: Sequence[float] = inner) -> float:
            return (
                margin[1]
                + margin[3]
                + max(
                    text_height(cell.paras, width, size, fonts)
                    for cell, width in zip(cells, inner, strict=True)
                )
            )

        if first:
            # Any two rows fit under the header on every slide, so that none is left alone.
            most_h = (frame.h - height(header_cells, BODY_FLOOR)) / 2 - margin[1] - margin[3]
            pending = [
                [
                    replace(cell, paras=_clip_cell(cell.paras, width, most_h, fonts))
                    for cell, width in zip(row, inner, strict=True)
                ]
                for row in pending
            ]

        # One size for the whole table: the largest at which it fits on one slide, or
        # else the floor, kept on every continuation slide.
        chosen_rows: list[Sequence[Cell]] = []
        heights: list[float] = []
        sizes = [size for size in _SIZES if size <= largest]
        for candidate in sizes if table_size is None else (table_size,):
            size = candidate
            used = height(header_cells, size)
            chosen_rows, heights = [], []
            for row in pending:
                row_h = height(row, size)
                if used + row_h > frame.h:
                    break
                chosen_rows.append(row)
                heights.append(row_h)
                used += row_h
            if len(chosen_rows) == len(pending):
                break
        table_size = size
        if more is not None and (len(chosen_rows) < len(pending) or omitted):
            # One slide: rows give way, from the bottom, to the row that counts them.
            used = height(header_cells, size) + sum(heights)
            while chosen_rows:
                last = more(len(pending) - len(chosen_rows) + omitted)
                if used + height(last, size) <= frame.h:
                    break
                used -= heights.pop()
                chosen_rows.pop()
            chosen_rows = [*chosen_rows, more(len(pending) - len(chosen_rows) + omitted)]
            heights = [*heights, height(chosen_rows[-1], size)]
            pending = chosen_rows
        if not chosen_rows and pending:
            # A single row taller than the slide: split its cells at a line boundary.
            head_h = height(header_cells, size)
            room = frame.h - head_h - margin[1] - margin[3]
            row = pending[0]
            top_cells, rest_cells = [], []
            for cell, width in zip(row, inner, strict=True):
                placed, rest = split_paras(list(cell.paras), width, room, size, fonts)
                top_cells.append(replace(cell, paras=tuple(placed)))
                rest_cells.append(replace(cell, paras=tuple(rest) or (Para.of(""),)))
            chosen_rows = [top_cells]
            heights = [height(top_cells, size)]
            pending = [rest_cells, *pending[1:]]
        else:
            # Rows move on to the next slide while the slides after this one would
            # end on one row alone (the slides after are assumed as tall as this one).
            least = 1 if first else 2
            while len(chosen_rows) > least and _ends_alone(
                [height(row, size) for row in pending[len(chosen_rows) :]],
                frame.h - height(header_cells, size),
            ):
                chosen_rows, heights = chosen_rows[:-1], heights[:-1]
        pending = pending[len(chosen_rows) :]
        all_rows = [header_cells, *chosen_rows]
        all_heights = [height(header_cells, size), *heights]
        shape = page.slide.shapes.add_table(
            len(all_rows),
            len(headers),
            emu(frame.x),
            emu(frame.y),
            emu(frame.w),
            emu(sum(all_heights)),
        )
        shape.name = f"{title} table"
        alt_text(shape, alt if first else f"{alt} (continued)")
        _plain_table(shape)
        _fill_table(deck, shape, widths, all_rows, all_heights, margin, size)
        first = False


def _fill_table(
    deck: Deck,
    shape: Any,
    widths: Sequence[float],
    rows: Sequence[Sequence[Cell]],
    heights: Sequence[float],
    margin: tuple[float, float, float, float],
    size: float,
) -> None:
    """Size the table's columns and rows and write its cells, as python-pptx's setters would.

    The elements are written directly: python-pptx's ``table.cell(r, c)`` and its
    setters look every row and cell up again, and resize the frame after each
    column and row (the frame ends as wide as its columns and as tall as its rows).
    """
    tbl = shape._element.graphic.graphicData.tbl
    column_widths = [emu(width) for width in widths]
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, column_widths, strict=True):
        grid_col.w = width
    shape.width = Emu(sum(column_widths))
    left, top, right, bottom = (str(emu(value)) for value in margin)
    for r, (tr, cells, row_h) in enumerate(zip(tbl.tr_lst, rows, heights, strict=True)):
        tr.h = emu(row_h)
        for tc, cell_spec in zip(tr.tc_lst, cells, strict=False):
            tc_pr = tc.get_or_add_tcPr()
            tc_pr.set("marL", left)
            tc_pr.set("marT", top)
            tc_pr.set("marR", right)
            tc_pr.set("marB", bottom)
            tc_pr.set("anchor", "b" if r == 0 else "t")  # MSO_ANCHOR.BOTTOM and TOP
            deck.write_body(tc.get_or_add_txBody(), cell_spec.paras, size)
            _cell_style(
                tc_pr,
                fill=cell_spec.fill,
                line=deck.palette.muted if r == 0 else deck.palette.rule,
                width=1.0 if r == 0 else 0.75,
            )
    shape.height = emu(sum(heights))


def _ends_alone(heights: Sequence[float], room: float) -> bool:
    """Whether rows of ``heights``, packed in turn on slides ``room`` high, end on one alone."""
    last, used = 0, 0.0
    for row_h in heights:
        if used and used + row_h > room:
            last, used = 0, 0.0
        last, used = last + 1, used + row_h
    return last == 1


def _clip_cell(
    paras: Sequence[Para], width: float, height: float, fonts: FontSet
) -> tuple[Para, ...]:
    """A cell's paragraphs cut with "…" to ``height`` at the smallest size, as many as fit."""
    kept: list[Para] = []
    used = 0.0
    for para in paras:
        gap = para.space_before * para.size_at(BODY_FLOOR) if kept else 0.0
        room = height - used - gap
        if kept and room < fonts.line_height(para.size_at(BODY_FLOOR)):
            # No line left for the rest: the last paragraph kept says it is cut.
            last = kept[-1]
            if not last.text.endswith("…"):
                own = text_height([last], width, BODY_FLOOR, fonts)
                line = fonts.line_height(last.size_at(BODY_FLOOR))
                kept[-1] = clip(last, width, own - line, BODY_FLOOR, fonts)
            break
        kept.append(clip(para, width, room, BODY_FLOOR, fonts))
        used = text_height(kept, width, BODY_FLOOR, fonts)
    return tuple(kept)


def _word_weights(
    deck: Deck,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    weights: Sequence[float],
    side: float,
) -> tuple[list[float], float, float]:
    """Column weights widened so no column is narrower than its longest word.

    Returns the weights, the table's largest size and the cells' side margin.
    Words are measured at the table's largest size, or at a smaller one when the
    longest words do not all fit side by side at it, and as a last resort with
    narrower side margins (down to 2 points). The width a column gains comes from
    the columns wider than their own longest word, in proportion to their spare
    width. Weights that need no change are returned as they are.
    """
    fonts = deck.body_fonts
    total = sum(weights)
    widths = [deck.frame.w * weight / total for weight in weights]
    words = [widest_word(Para.of(clean(header), bold=True), 1.0, fonts) for header in headers]
    for row in rows:
        for index, cell in enumerate(row):
            for para in cell.paras:
                words[index] = max(words[index], widest_word(para, 1.0, fonts))
    for largest in _SIZES:
        if sum(word * largest for word in words) + 2 * side * len(words) <= deck.frame.w:
            break
    else:
        room = deck.frame.w - sum(word * BODY_FLOOR for word in words)
        if room < 4 * len(words):
            return list(weights), TABLE_SIZE, side
        side = min(side, room / len(words) / 2)
    needed = [2 * side + word * largest for word in words]
    short = sum(max(0.0, need - width) for need, width in zip(needed, widths, strict=True))
    if short == 0:
        return list(weights), largest, side
    spare = sum(max(0.0, width - need) for need, width in zip(needed, widths, strict=True))
    return (
        [
            max(need, width - (width - need) * short / spare) if width > need else need
            for need, width in zip(needed, widths, strict=True)
        ],
        largest,
        side,
    )


def _plain_table(shape: Any) -> None:
    tbl = shape._element.graphic.graphicData.tbl
    tbl_pr = tbl.tblPr
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "0")
    style = tbl_pr.find(qn("a:tableStyleId"))
    if style is None:
        style = etree.SubElement(tbl_pr, qn("a:tableStyleId"))
    style.text = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"


def _cell_style(tc_pr: Any, *, fill: str | None, line: str, width: float) -> None:
    for child in list(tc_pr):
        tc_pr.remove(child)
    sub = etree.SubElement
    for tag in _CELL_LINES:
        element = sub(tc_pr, tag)
        if tag == _A_LN_B:
            element.set("w", str(round(width * EMU_PER_PT)))
            sub(sub(element, _A_SOLID_FILL), _A_SRGB_CLR, val=line)
        else:
            element.set("w", "0")
            sub(element, _A_NO_FILL)
    if fill is None:
        sub(tc_pr, _A_NO_FILL)
    else:
        sub(sub(tc_pr, _A_SOLID_FILL), _A_SRGB_CLR, val=fill)


_CELL_LINES = tuple(qn(f"a:{side}") for side in ("lnL", "lnR", "lnT", "lnB"))
_A_LN_B = _CELL_LINES[-1]
_A_SOLID_FILL, _A_SRGB_CLR, _A_NO_FILL = qn("a:solidFill"), qn("a:srgbClr"), qn("a:noFill")


def more_row(count: int, one: str, many: str, columns: int) -> list[Cell]:
    """The last row of a table cut short, counting the rows left out."""
    empty = Cell((Para.of(""),))
    return [Cell((more_para(count, one, many),)), *([empty] * (columns - 1))]


def where_row(count: int, where: str, columns: int) -> list[Cell]:
    """The last row of a one-slide table, saying where the rows it leaves out are."""
    empty = Cell((Para.of(""),))
    first = Cell((Para.of(f"{count:,} more in {where}", italic=True, color="muted"),))
    return [first, *([empty] * (columns - 1))]
