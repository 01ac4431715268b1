"""The title slide and "At a glance": the headline numbers and the summary."""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.flow import Column, flow_slides
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, Box
from launchbrief.exporters.pptx.metrics import FontSet
from launchbrief.exporters.pptx.template import BODY_TYPES
from launchbrief.exporters.pptx.text import (
    Para,
    clip,
    fit_size,
    fits,
    split_paras,
    text_height,
    truncate,
)
from launchbrief.model import Launch


def title_section(deck: Deck, launch: Launch) -> None:
    model = story.launched_names(launch)
    developer = clean(launch.developer.name)
    if launch.developer.division:
        developer += f" · {clean(launch.developer.division)}"
    when = story.date_text(launch)
    lines = [f"Launch briefing · {developer}", clean(launch.title)]
    announced = [
        (label, text)
        for label, text, _disputed in story.dated_events(launch, footer_names(deck, launch))
        if label.casefold() == "announced"
    ]
    lines.extend(f"Announced {text}" for _label, text in announced)
    if when:
        lines.append(f"As of {when}")
    launched = launch.launched
    talking = [
        f"This briefing covers {model}, launched by {clean(launch.developer.name)}."
        if len(launched) == 1
        else f"This briefing covers the {len(launched)} models {clean(launch.developer.name)}"
        f" launched: {model}.",
        launch.summary or "",
        *(f"Announced {text}." for _label, text in announced),
    ]
    page = deck.new_slide(
        model,
        kind="title",
        sources=analysis.source_ids([launch.developer, *launched, *launch.dates]),
        launch=launch,
        notes=story.notes_text(
            [*talking, f"The record is as of {when}." if when else "The record has no as-of date."]
        ),
    )
    layout = deck.layouts["title"]
    subtitle = deck.clone(page.slide, layout, {PP_PLACEHOLDER.SUBTITLE} | BODY_TYPES)
    paras = [Para.of(lines[0], bold=True, color="accent")] + [
        Para.of(line, color="muted", space_before=0.4) for line in lines[1:]
    ]
    if subtitle is None:
        box = Box(
            deck.frame.x, deck.frame.y + deck.frame.h * 0.55, deck.frame.w, deck.frame.h * 0.45
        )
        size = (
            fit_size(paras, box.w, box.h, deck.body_fonts, largest=20, smallest=BODY_FLOOR)
            or BODY_FLOOR
        )
        placed, _rest = split_paras(paras, box.w, box.h, size, deck.body_fonts)
        deck.text(page, box, placed, size, name="Subtitle")
        return
    style = deck.placeholder_style(subtitle, layout, title=False)
    left, top, right, bottom = style.insets
    subtitle_width, subtitle_height = deck.extent(subtitle, layout)
    width = subtitle_width - left - right
    height = subtitle_height - top - bottom
    fitted = fit_size(
        paras,
        width,
        height,
        deck.body_fonts,
        largest=min(20.0, style.size + 2),
        smallest=BODY_FLOOR,
    )
    if fitted is None:
        fitted = BODY_FLOOR
        paras, _rest = split_paras(paras, width, height, fitted, deck.body_fonts)
    deck.write(subtitle.text_frame, paras, fitted)


def glance_section(deck: Deck, launch: Launch) -> None:
    tiles = analysis.highlights(launch)
    summary = clean(launch.summary) if launch.summary else None
    if not tiles and not summary:
        return
    fonts = deck.body_fonts
    numbers = [f"{clean(t.label)}: {clean(t.value)} ({clean(t.detail)})" for t in tiles]
    notes = story.notes_text(
        [
            f"{story.launched_names(launch)} at a glance: the headline numbers first.",
            *(f"{clean(t.label)}: {clean(t.value)}, {clean(t.detail)}." for t in tiles),
        ],
        numbers,
    )
    sources = analysis.source_ids([*launch.results, *launch.surfaces, *launch.modes])
    page = deck.new_slide("At a glance", sources=sources, launch=launch, notes=notes)
    frame = page.frame
    if tiles:
        boxes = frame.columns([1.0] * len(tiles), gap=16)
        inner_w = boxes[0].w - 32
        details = [[Para.of(clean(t.detail), color="body")] for t in tiles]
        detail_size = next(
            (
                s
                for s in (15.0, 14.0, 13.0, BODY_FLOOR)
                if all(fits(d, inner_w, 5 * fonts.line_height(s), s, fonts) for d in details)
            ),
            BODY_FLOOR,
        )
        labels = [Para.of(clean(t.label).upper(), bold=True, color="muted") for t in tiles]
        label_size, label_h = _label_size(labels, inner_w, fonts)
        values = [clean(t.value) for t in tiles]
        value_size = _value_size(values, inner_w, fonts)
        value_h = fonts.line_height(value_size)
        limit = frame.h * (0.62 if summary else 1.0) - (20 + label_h + 6 + value_h + 8 + 16)
        detail_h = min(
            max(text_height(d, inner_w, detail_size, fonts, limit=limit) for d in details), limit
        )
        tile_h = 20 + label_h + 6 + value_h + 8 + detail_h + 16
        for tile, box, detail, label, value in zip(
            tiles, boxes, details, labels, values, strict=True
        ):
            box = box.top(tile_h)
            deck.rect(page, box, deck.palette.panel, f"{tile.label} tile")
            deck.rect(page, box.top(4), deck.palette.accent, f"{tile.label} tile bar")
            y = box.y + 20
            deck.text(
                page,
                Box(box.x + 16, y, inner_w, label_h),
                [label],
                label_size,
                name=f"{tile.label} label",
            )
            y += label_h + 6
            # One line, whatever the value: a last resort for a value too long for
            # the tile at the smallest size (the notes hold it whole).
            if not _one_line(value, inner_w, value_size, fonts):
                value = truncate(value, inner_w, value_size, fonts, bold=True)
            deck.text(
                page,
                Box(box.x + 16, y, inner_w, value_h),
                [Para.of(value, bold=True, color="accent")],
                value_size,
                name=f"{tile.label} value",
            )
            y += value_h + 8
            # A tile has no room to continue: the full text is in the notes and on
            # the slide the tile sums up.
            placed = [clip(detail[0], inner_w, detail_h, detail_size, fonts)]
            deck.text(
                page,
                Box(box.x + 16, y, inner_w, detail_h),
                placed,
                detail_size,
                name=f"{tile.label} detail",
            )
        frame = frame.below(tile_h, 28)
    if summary:
        heading = Para.of("IN BRIEF", bold=True, color="muted", keep_with_next=True)
        body = Para.of(summary, space_before=0.5)
        paras = [heading, body]
        size = fit_size(paras, frame.w, frame.h, fonts, largest=18, smallest=BODY_FLOOR)
        if size is None:
            placed, rest = split_paras(paras, frame.w, frame.h, BODY_FLOOR, fonts)
            if placed and placed[-1].keep_with_next:
                rest = [placed.pop(), *rest]
            if placed:
                deck.text(page, frame, placed, BODY_FLOOR, name="Summary")
            if rest:
                flow_slides(
                    deck,
                    launch,
                    title="At a glance (continued)",
                    columns=[Column(None, rest)],
                    sources=sources,
                    notes=notes,
                )
        else:
            deck.text(page, frame, paras, size, name="Summary")


#: Tile labels are set at one of these sizes, the same for every tile of the row.
_LABEL_SIZES = (12.0, 11.0, 10.0)


#: Tile values: the largest size at which every value of the row fits on one line.
_VALUE_SIZES = (36.0, 32.0, 28.0, 24.0, 20.0, 18.0, 16.0, 14.0)


def _one_line(text: str, width: float, size: float, fonts: FontSet) -> bool:
    return fits([Para.of(text, bold=True)], width, fonts.line_height(size), size, fonts)


def _label_size(labels: list[Para], width: float, fonts: FontSet) -> tuple[float, float]:
    """The size of the row's labels and the height they take: one line each if any size
    allows, else wrapped at the smallest size (a label is never cut short)."""
    for size in _LABEL_SIZES:
        line = fonts.line_height(size)
        if all(fits([label], width, line, size, fonts) for label in labels):
            return size, line
    size = _LABEL_SIZES[-1]
    return size, max(text_height([label], width, size, fonts) for label in labels)


def _value_size(values: list[str], width: float, fonts: FontSet) -> float:
    """The largest size at which every value of the row fits on one line (tiles stay alike)."""
    for size in _VALUE_SIZES:
        if all(_one_line(value, width, size, fonts) for value in values):
            return size
    return _VALUE_SIZES[-1]


def divider_slide(deck: Deck, brief: Brief) -> None:
    """The appendix's first slide: what follows, and that it backs the main deck."""
    launch = brief.launch
    names = story.launched_names(launch)
    title = f"Appendix: the detail behind the briefing on {names}"
    page = deck.new_slide(
        title,
        sources=[],
        launch=launch,
        notes=story.talk_track(
            [
                "The appendix holds every number and finding behind the main slides",
                "Use it to answer detailed questions, not to present",
                "Every leaderboard has its chart; every verdict, model, surface, finding, insight"
                " and source is listed",
            ],
            "Detailed questions deserve an answer from the record, not from memory",
            "Is anything left out of the appendix?",
            "Long lists are counted past their first entries; the workbook holds all of them",
        ),
    )
    deck.lede(
        page,
        "Every leaderboard's chart by category, every verdict, the models, surfaces, safety"
        " findings, insights, and the method with every source. The workbook holds the same"
        " numbers in tables.",
    )
