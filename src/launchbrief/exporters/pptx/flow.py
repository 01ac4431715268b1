"""Text in columns over as many slides as it needs, at one size per slide."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx.oxml.ns import qn

from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters.pptx.deck import Deck, Page
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, BODY_SIZE, Box
from launchbrief.exporters.pptx.metrics import FontSet
from launchbrief.exporters.pptx.template import BODY_TYPES
from launchbrief.exporters.pptx.text import (
    Para,
    clip,
    fit_items,
    fit_size,
    fits,
    item_starts,
    items,
    split_paras,
    truncate,
)
from launchbrief.model import Launch


@dataclass
class Column:
    """A column of a text slide: a heading and paragraphs that may continue."""

    heading: str | None
    paras: list[Para]
    color: str = "accent"


def flow_slides(
    deck: Deck,
    launch: Launch | None,
    *,
    title: str,
    columns: Sequence[Column],
    sources: Sequence[str],
    notes: str,
    lede: str | None = None,
    footer: str | None = None,
    weights: Sequence[float] | None = None,
    largest: float = BODY_SIZE,
    more: Callable[[int], Para] | None = None,
) -> Page | None:
    """Columns of text over as many slides as they need, at one size per slide.

    With ``more``, the columns take one slide: the items a column cannot hold are
    left out and counted at its foot, ``more(count)``. Returns the first slide.

    A paragraph taller than a whole column at the smallest size is cut with "…" to
    fit one (the notes carry the full text), so no paragraph takes more than two
    slides, however long.
    """
    weights = weights or [1.0] * len(columns)
    fonts = deck.body_fonts
    heading_room = 38.0 if any(column.heading for column in columns) else 0.0
    pending = [
        [clip(para, box.w, box.h - heading_room, BODY_FLOOR, fonts) for para in column.paras]
        for column, box in zip(columns, deck.frame.columns(weights), strict=True)
    ]
    first = True
    first_page: Page | None = None
    while first or any(pending):
        page = deck.new_slide(
            title if first or title.endswith("(continued)") else f"{title} (continued)",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
            footer=footer,
        )
        first_page = first_page or page
        if first and lede:
            deck.lede(page, lede)
        boxes = page.frame.columns(weights)
        has_heading = any(column.heading for column in columns)
        heading_h = 30.0 if has_heading else 0.0
        areas = [box.below(heading_h, 8 if has_heading else 0) for box in boxes]
        size = None
        for candidate in _sizes(largest):
            if all(
                fits(paras, area.w, area.h, candidate, fonts)
                for paras, area in zip(pending, areas, strict=True)
            ):
                size = candidate
                break
        placed_all: list[list[Para]] = []
        if size is None and more is not None:
            size = BODY_FLOOR
            placed_all = [
                fit_items(paras, area.w, area.h, size, fonts, more) if paras else []
                for paras, area in zip(pending, areas, strict=True)
            ]
            pending = [[] for _ in columns]
        elif size is None:
            size = BODY_FLOOR
            rests = []
            for paras, area in zip(pending, areas, strict=True):
                placed, rest = (
                    split_paras(paras, area.w, area.h, size, fonts) if paras else ([], [])
                )
                placed_all.append(placed)
                rests.append(rest)
            next_areas = [
                box.below(heading_h, 8 if has_heading else 0) for box in deck.frame.columns(weights)
            ]
            _rebalance(pending, placed_all, rests, next_areas, fonts, keep=1 if first else 2)
            pending = rests
        else:
            placed_all = pending
            pending = [[] for _ in columns]
        for column, box, area, placed in zip(columns, boxes, areas, placed_all, strict=True):
            if column.heading and (placed or first):
                _column_heading(deck, page, box.top(heading_h), column.heading, column.color)
            if placed:
                deck.text(page, area, placed, size, name=f"{column.heading or title} text")
        first = False
    return first_page


def _rebalance(
    pending: Sequence[Sequence[Para]],
    placed_all: list[list[Para]],
    rests: list[list[Para]],
    areas: Sequence[Box],
    fonts: FontSet,
    *,
    keep: int,
) -> None:
    """Move whole items from this slide to the next so that no later slide holds one alone.

    Only near the end (what is left fits on two more slides), only from a column
    that continues, and only while this slide keeps ``keep`` items. The fewest
    items that mend it move (at most three are tried, each measuring at most two
    slides' worth), so the work stays linear.
    """
    if not _leaves_alone(rests, areas, fonts):
        return
    for index, rest in enumerate(rests):
        paras = pending[index]
        if not rest:
            continue
        whole = len(paras) - len(rest)  # the paragraph split in two, if any, goes whole
        kept = sum(items(p) for p in placed_all) - items(placed_all[index])
        starts = [s for s in item_starts(paras) if 0 < s <= whole and s < len(paras)]
        for start in starts[::-1][:_MOST_MOVES]:
            if kept + items(paras[:start]) < keep:
                break
            trial = [*rests[:index], list(paras[start:]), *rests[index + 1 :]]
            if not _leaves_alone(trial, areas, fonts):
                placed_all[index], rests[index] = list(paras[:start]), trial[index]
                return


#: How many ways to move items on :func:`_rebalance` tries before it leaves a slide be.
_MOST_MOVES = 3


def _leaves_alone(rests: Sequence[Sequence[Para]], areas: Sequence[Box], fonts: FontSet) -> bool:
    """Whether what is left, set at the floor on the two slides to come, leaves one item alone.

    Text that needs more than two slides is far from its end: later slides look again.
    The next slide, when it holds three items or more, mends the one after it itself.
    """
    if not any(rests):
        return False
    pages: list[list[list[Para]]] = []
    left = [list(rest) for rest in rests]
    for _page in range(2):
        if not any(left):
            break
        split = [
            split_paras(rest, area.w, area.h, BODY_FLOOR, fonts) if rest else ([], [])
            for rest, area in zip(left, areas, strict=True)
        ]
        pages.append([placed for placed, _rest in split])
        left = [rest for _placed, rest in split]
    if any(left):
        return False
    counts = [sum(items(column) for column in page) for page in pages]
    # The next slide mends the one after it when it has an item to spare.
    return counts[0] < 2 or (len(counts) == 2 and counts[1] < 2 and counts[0] < 3)


def _sizes(largest: float) -> Iterator[float]:
    size = largest
    while size >= BODY_FLOOR:
        yield size
        size -= 1.0


def _column_heading(deck: Deck, page: Page, box: Box, text: str, color: str) -> None:
    fonts = deck.body_fonts
    para = Para.of(clean(text).upper(), bold=True, color=color)
    size = fit_size([para], box.w, box.h - 6, fonts, largest=13.0, smallest=9.0) or 9.0
    if not fits([para], box.w, box.h - 6, size, fonts):
        para = Para.of(
            truncate(clean(text).upper(), box.w, size, fonts, bold=True), bold=True, color=color
        )
    deck.text(
        page, Box(box.x, box.y, box.w, box.h - 6), [para], size, name=f"{text} heading", anchor="b"
    )
    deck.rect(page, Box(box.x, box.bottom - 3, box.w, 2), deck.palette.role(color), f"{text} rule")


def more_para(count: int, one: str, many: str, **options: Any) -> Para:
    """The last line of a list cut short: ``… and 999,970 more capabilities``."""
    return Para.of(story.more_text(count, one, many), italic=True, color="muted", **options)


def body_slides(
    deck: Deck,
    launch: Launch | None,
    *,
    title: str,
    paras: Sequence[Para],
    sources: Sequence[str],
    notes: str,
) -> None:
    """Text in the layout's own body placeholder (outline view shows it), continued as needed."""
    pending = list(paras)
    first = True
    layout = deck.layouts["content"]
    while pending:
        page = deck.new_slide(
            title if first else f"{title} (continued)",
            kind="content",
            sources=sources,
            launch=launch,
            notes=notes if first else story.continued_notes(notes),
        )
        body = deck.clone(page.slide, layout, BODY_TYPES)
        if body is None:  # a template whose text layout has no body: a text box instead
            flow_slides(
                deck,
                launch,
                title=title,
                columns=[Column(None, pending)],
                sources=sources,
                notes=notes,
            )
            return
        style = deck.placeholder_style(body, layout, title=False)
        left, top, right, bottom = style.insets
        body_width, body_height = deck.extent(body, layout)
        width = body_width - left - right
        height = body_height - top - bottom
        if first:  # no paragraph longer than a slide: the notes carry the full text
            pending = [clip(para, width, height, BODY_FLOOR, deck.body_fonts) for para in pending]
        size = fit_size(pending, width, height, deck.body_fonts, largest=20.0, smallest=BODY_FLOOR)
        if size is None:
            size = BODY_FLOOR
            placed, pending = split_paras(pending, width, height, size, deck.body_fonts)
        else:
            placed, pending = pending, []
        frame = body.text_frame
        frame.word_wrap = True
        deck.write(frame, placed, size)
        body_pr = frame._txBody.find(qn("a:bodyPr"))
        for child in list(body_pr):
            body_pr.remove(child)
        etree.SubElement(body_pr, qn("a:noAutofit"))
        first = False
