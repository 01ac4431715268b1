"""Native bar charts: each number labelled as written, the axis from the benchmark's bounds."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no stubs; python-pptx uses it
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_TICK_MARK,
)
from pptx.oxml.ns import qn
from pptx.util import Pt

from launchbrief.exporters import _story as story
from launchbrief.exporters.pptx import chart_data
from launchbrief.exporters.pptx.deck import Deck, Page, alt_text, rgb
from launchbrief.exporters.pptx.geometry import CHART_TEXT, GAP, Box, emu
from launchbrief.exporters.pptx.metrics import WIDTH_SAFETY
from launchbrief.exporters.pptx.palette import mix
from launchbrief.exporters.pptx.text import Para, clip, truncate


def short_labels(deck: Deck, spec: chart_data.ChartSpec) -> chart_data.ChartSpec:
    """``spec`` with names cut with "…" where the chart could not show them whole.

    An axis name gets at most three lines of the share of the chart LibreOffice
    gives names; a legend entry or a chart title at most one line of the chart.
    """
    fonts = deck.body_fonts
    width = deck.frame.w * 2.25 / 3.25 - GAP
    lines = 3 * fonts.line_height(CHART_TEXT)

    def name(text: str) -> str:
        return clip(Para.of(text), 0.4 * width, lines, CHART_TEXT, fonts).text

    def label(text: str) -> str:
        return truncate(text, width / 2, CHART_TEXT, fonts)

    return replace(
        spec,
        categories=tuple(name(category) for category in spec.categories),
        series=tuple(replace(series, label=label(series.label)) for series in spec.series),
        title=None if spec.title is None else truncate(spec.title, width, CHART_TEXT + 1, fonts),
    )


def bar_capacity(deck: Deck, spec: chart_data.ChartSpec) -> int:
    """How many bars a chart on a content slide can draw with legible data labels."""
    fonts = deck.body_fonts
    width = deck.frame.w * 2.25 / 3.25 - GAP
    line = fonts.line_height(CHART_TEXT)
    legend_rows = 0
    if not spec.ranked and len(spec.series) > 1:
        legend_w = sum(fonts.width(s.label, CHART_TEXT) + 28 for s in spec.series)
        legend_rows = int(legend_w // max(width - 40, 1)) + 1
    # The lede, the axis, a chart title and margins take about 130 pt.
    plot = deck.frame.h - 130 - legend_rows * line * 1.4
    if not spec.ranked:
        return max(1, int(plot // 17))  # a bar and its data label
    # A ranked chart names each model on its axis; LibreOffice gives the names up to
    # about 40% of the chart's width and wraps them, and skips names that do not fit.
    label_lines = max(
        (int(fonts.width(name, CHART_TEXT) // (0.4 * width)) + 1 for name in spec.categories),
        default=1,
    )
    return max(1, int(plot // max(22.0, label_lines * line + 6)))


def bar_chart(deck: Deck, page: Page, box: Box, spec: chart_data.ChartSpec, category: str) -> None:
    """A native bar chart of ``spec``: each number labelled as written, the axis from the bounds."""
    palette = deck.palette
    colors = _series_colors(deck, spec)
    if len(spec.series) > 1 and not spec.ranked:
        box = _legend(deck, page, box, spec, colors)
    data: Any = CategoryChartData(number_format="General")  # type: ignore[no-untyped-call]
    data.categories = list(spec.categories)
    formats: list[list[str]] = []
    for series in spec.series:
        series_data = data.add_series(series.label)
        codes = [
            story.number_format(value, spec.benchmark_at(index))
            for index, value in enumerate(series.values)
        ]
        for value, code in zip(series.values, codes, strict=True):
            series_data.add_data_point(value, number_format=code)
        formats.append(codes)
    frame = page.slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, emu(box.x), emu(box.y), emu(box.w), emu(box.h), data
    )
    frame.name = f"{category} chart"
    alt_text(frame, spec.alt_text(category))
    deck.charts.append(frame.chart.part)
    chart = frame.chart
    chart.font.size = Pt(CHART_TEXT)
    chart.font.color.rgb = rgb(palette.body)
    # The legend is drawn beside the chart (see _legend), in bar order.
    chart.has_legend = False
    plot = chart.plots[0]
    plot.gap_width = 45 if spec.ranked else 70
    plot.overlap = -10
    plot.vary_by_categories = False
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = "General"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(CHART_TEXT)
    labels.font.color.rgb = rgb(palette.ink)
    for series, chart_series, codes, color in zip(
        spec.series, plot.series, formats, colors, strict=True
    ):
        fill = chart_series.format.fill
        fill.solid()
        fill.fore_color.rgb = rgb(color)
        chart_series.format.line.fill.background()
        chart_series.invert_if_negative = False
        for index, (value, code) in enumerate(zip(series.values, codes, strict=True)):
            if value is None:
                continue
            highlighted = index in spec.highlight if spec.ranked else series.launched
            point = chart_series.points[index]
            if spec.ranked and highlighted:
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = rgb(palette.accent)
            _point_label(point, code, color=palette.ink, bold=highlighted)
    if spec.title:
        chart.has_title = True
        chart.chart_title.text_frame.text = spec.title
        title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
        title_font.size = Pt(CHART_TEXT + 1)
        title_font.bold = True
        title_font.color.rgb = rgb(palette.ink)
    else:
        chart.has_title = False
    categories = chart.category_axis
    categories.reverse_order = True  # first benchmark, and launched model, on top
    if spec.ranked:
        # Name every model: LibreOffice would otherwise skip names that crowd.
        skip = etree.SubElement(categories._element, qn("c:tickLblSkip"), val="1")
        no_multi = categories._element.find(qn("c:noMultiLvlLbl"))
        if no_multi is not None:
            no_multi.addprevious(skip)
    # With the categories reversed, the value axis crosses at the last one: the bottom.
    for crosses in chart._chartSpace.xpath(".//c:valAx/c:crosses"):
        crosses.set("val", "max")
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.format.line.color.rgb = rgb(palette.rule)
    categories.tick_labels.font.size = Pt(CHART_TEXT)
    categories.tick_labels.font.color.rgb = rgb(palette.ink)
    values = chart.value_axis
    bounds = spec.benchmark.bounds
    if bounds is not None and bounds[1] > bounds[0]:
        # The benchmark's own range: MT-Bench runs 0 to 10, a percentile 0 to 100.
        values.minimum_scale, values.maximum_scale = bounds
        values.major_unit = (bounds[1] - bounds[0]) / 5
    elif spec.peak is not None and (ceiling := _nice_ceiling(spec.peak * 1.08)) is not None:
        # Bars start at zero, and every piece of a split chart shares one axis.
        values.minimum_scale = 0
        values.maximum_scale = ceiling
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = rgb(palette.rule)
    values.major_gridlines.format.line.width = Pt(0.75)
    values.format.line.fill.background()
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.tick_labels.font.size = Pt(CHART_TEXT)
    values.tick_labels.font.color.rgb = rgb(palette.muted)
    values.tick_labels.number_format = {"percent": '0"%"', "fraction": "0.0"}.get(
        spec.scale.value, "General"
    )
    values.tick_labels.number_format_is_linked = False


def _series_colors(deck: Deck, spec: chart_data.ChartSpec) -> list[str]:
    """Each series' colour: launched models in tones of the accent, rivals in greys."""
    palette = deck.palette
    if spec.ranked:  # one series of rivals' bars; the launched models' bars are picked out
        return [palette.rivals[0] for _series in spec.series]
    colors: list[str] = []
    launched = rivals = 0
    for series in spec.series:
        if series.launched:
            # Siblings in tones of the accent, the first launched model in the accent itself.
            colors.append(mix(palette.accent, palette.paper, min(0.6, 0.3 * launched)))
            launched += 1
        else:
            colors.append(palette.rivals[rivals % len(palette.rivals)])
            rivals += 1
    return colors


#: The legend's colour keys and the space around them, in points.
_KEY = 9.0
_KEY_GAP = 4.0
_ITEM_GAP = 14.0


def _legend(deck: Deck, page: Page, box: Box, spec: chart_data.ChartSpec, colors: list[str]) -> Box:
    """A legend under the chart, its entries in the order of the bars; the chart's box above it.

    Drawn as shapes rather than the chart's own legend: LibreOffice lists a bar
    chart's legend bottom to top, against the order of bars read from the top.
    """
    fonts = deck.body_fonts
    size = CHART_TEXT
    widths = [
        _KEY + _KEY_GAP + fonts.width(series.label, size) / WIDTH_SAFETY + 2
        for series in spec.series
    ]
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, width in enumerate(widths):
        if rows[-1] and used + _ITEM_GAP + width > box.w:
            rows.append([])
            used = 0.0
        used += (_ITEM_GAP if rows[-1] else 0.0) + width
        rows[-1].append(index)
    row_h = fonts.line_height(size) + 4
    top = box.bottom - len(rows) * row_h
    for number, row in enumerate(rows):
        y = top + number * row_h
        total = sum(widths[i] for i in row) + _ITEM_GAP * (len(row) - 1)
        x = box.x + max(0.0, (box.w - total) / 2)
        for index in row:
            label = spec.series[index].label
            deck.rect(
                page,
                Box(x, y + (row_h - _KEY) / 2, _KEY, _KEY),
                colors[index],
                f"Legend key {label}",
            )
            text_w = min(widths[index] - _KEY - _KEY_GAP, box.right - x - _KEY - _KEY_GAP)
            deck.text(
                page,
                Box(x + _KEY + _KEY_GAP, y, text_w, row_h),
                [Para.of(label, color="body")],
                size,
                name=f"Legend {label}",
                anchor="ctr",
            )
            x += widths[index] + _ITEM_GAP
    return Box(box.x, box.y, box.w, max(box.h - len(rows) * row_h - 6, 1.0))


# The children of a data label that come after its number format, in schema order.
_AFTER_NUMBER_FORMAT = (
    "c:spPr",
    "c:txPr",
    "c:dLblPos",
    "c:showLegendKey",
    "c:showVal",
    "c:showCatName",
    "c:showSerName",
    "c:showPercent",
    "c:showBubbleSize",
    "c:separator",
    "c:extLst",
)


def _point_label(point: Any, code: str, *, color: str, bold: bool) -> None:
    """A bar's own data label: its value in its own number format, so 85.20 stays 85.20.

    python-pptx sets number formats on a whole series only; a point's label takes a
    ``c:numFmt`` of its own, which PowerPoint and LibreOffice both honour.
    """
    label = point.data_label
    label.font.size = Pt(CHART_TEXT)
    label.font.bold = bold
    label.font.color.rgb = rgb(color)
    label.position = XL_LABEL_POSITION.OUTSIDE_END
    label.show_value = True
    d_lbl = label._get_or_add_dLbl()
    number_format = d_lbl.find(qn("c:numFmt"))
    if number_format is None:
        number_format = etree.SubElement(d_lbl, qn("c:numFmt"))
        for tag in _AFTER_NUMBER_FORMAT:
            following = d_lbl.find(qn(tag))
            if following is not None:
                following.addprevious(number_format)
                break
    number_format.set("formatCode", code)
    number_format.set("sourceLinked", "0")


def _nice_ceiling(value: float) -> float | None:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``value``.

    ``None`` where there is none to be had (a value near the largest float).
    """
    if not math.isfinite(value) or value <= 0:
        return None
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        ceiling = step * power
        if math.isfinite(ceiling) and ceiling >= value:
            return ceiling
    return None
