"""Tables over as many slides as they need, their header repeated on each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn

from launchbrief.exporters.pptx import story
from launchbrief.exporters.pptx.deck import Deck, Page, alt_text
from launchbrief.exporters.pptx.flow import more_para
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, EMU_PER_PT, TABLE_SIZE, emu
from launchbrief.exporters.pptx.text import Para, clean, clip, split_paras, text_height
from launchbrief.model import Launch


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
    launch: Launch,
    *,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    weights: Sequence[float],
    sources: Sequence[str],
    notes: str,
    alt: str,
    lede: str | None = None,
    before: Callable[[Page], None] | None = None,
) -> None:
    """A table over as many slides as it needs, its header repeated on each.

    A paragraph of a cell taller than half a slide at the smallest size is cut with
    "…" to that height (the notes carry the full text), so a row takes at most two
    slides, however long its text.
    """
    fonts = deck.body_fonts
    margin = (6.0, 4.0, 6.0, 4.0)
    total = sum(weights)
    most_h = deck.frame.h / 2
    pending = [
        [
            replace(
                cell,
                paras=tuple(
                    clip(para, width - margin[0] - margin[2], most_h, BODY_FLOOR, fonts)
                    for para in cell.paras
                ),
            )
            for cell, width in zip(
                row, [deck.frame.w * weight / total for weight in weights], strict=True
            )
        ]
        for row in rows
    ]
    first = True
    table_size: float | None = None
    while first or pending:
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
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

        # One size for the whole table: the largest at which it fits on one slide, or
        # else the floor, kept on every continuation slide.
        chosen_rows: list[Sequence[Cell]] = []
        heights: list[float] = []
        for candidate in (TABLE_SIZE, 13.0, BODY_FLOOR) if table_size is None else (table_size,):
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
        table = shape.table
        _plain_table(shape)
        for index, width in enumerate(widths):
            table.columns[index].width = emu(width)
        for r, (cells, row_h) in enumerate(zip(all_rows, all_heights, strict=True)):
            table.rows[r].height = emu(row_h)
            for c, cell_spec in enumerate(cells):
                cell = table.cell(r, c)
                cell.margin_left, cell.margin_top, cell.margin_right, cell.margin_bottom = (
                    emu(value) for value in margin
                )
                cell.vertical_anchor = MSO_ANCHOR.BOTTOM if r == 0 else MSO_ANCHOR.TOP
                deck.write(cell.text_frame, cell_spec.paras, size)
                _cell_style(
                    cell,
                    fill=cell_spec.fill,
                    line=deck.palette.muted if r == 0 else deck.palette.rule,
                    width=1.0 if r == 0 else 0.75,
                )
        shape.height = emu(sum(all_heights))
        first = False


def _plain_table(shape: Any) -> None:
    tbl = shape._element.graphic.graphicData.tbl
    tbl_pr = tbl.tblPr
    tbl_pr.set("firstRow", "1")
    tbl_pr.set("bandRow", "0")
    style = tbl_pr.find(qn("a:tableStyleId"))
    if style is None:
        style = etree.SubElement(tbl_pr, qn("a:tableStyleId"))
    style.text = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"


def _cell_style(cell: Any, *, fill: str | None, line: str, width: float) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    for child in list(tc_pr):
        tc_pr.remove(child)
    for side in ("lnL", "lnR", "lnT", "lnB"):
        element = etree.SubElement(tc_pr, qn(f"a:{side}"))
        if side == "lnB":
            element.set("w", str(round(width * EMU_PER_PT)))
            solid = etree.SubElement(element, qn("a:solidFill"))
            etree.SubElement(solid, qn("a:srgbClr"), val=line)
        else:
            element.set("w", "0")
            etree.SubElement(element, qn("a:noFill"))
    if fill is None:
        etree.SubElement(tc_pr, qn("a:noFill"))
    else:
        solid = etree.SubElement(tc_pr, qn("a:solidFill"))
        etree.SubElement(solid, qn("a:srgbClr"), val=fill)


def more_row(count: int, one: str, many: str, columns: int) -> list[Cell]:
    """The last row of a table cut short, counting the rows left out."""
    empty = Cell((Para.of(""),))
    return [Cell((more_para(count, one, many),)), *([empty] * (columns - 1))]
