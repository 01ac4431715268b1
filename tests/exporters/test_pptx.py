"""The PowerPoint exporter: decks read back with python-pptx, and laid out by LibreOffice.

Content is checked on the reopened deck (titles, notes, charts, tables, alt text,
metadata); layout is checked on LibreOffice's PDF of it: one page per slide, and
every word printed inside the shape that holds it.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

import launchbrief as lb
from launchbrief import analysis
from launchbrief._reproducible import document_time
from launchbrief.cli import main
from launchbrief.exceptions import ExportError, LaunchbriefError
from launchbrief.exporters import get_exporter
from launchbrief.exporters._storyline import MOST_SLIDES, Brief
from launchbrief.exporters.pptx import (
    APPENDIX,
    DEFAULT_ACCENT,
    SLIDES,
    PptxExporter,
    _linear_parts,
    build_deck,
    export_many,
    metrics,
)
from tests.office import convert, pdf_pages
from tests.samples import long_claim, long_everything, many_capabilities, stress_launch
from tests.strategies import launches

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"

#: The illustrative schema-2 record: a family of two launched models, cohorts with
#: settings, specs and a licence, bounded and lower-is-better scales, a rival's words.
#: CI keeps the shared project data beside the clone (../shared), as a developer does.
ASTER = Path(__file__).parents[3] / "shared/data/aster-2.yaml"
_FOOTER_TYPES = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


# --------------------------------------------------------------------------- records


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in launch."""
    return lb.load("muse-spark")


@pytest.fixture(scope="module")
def muse_deck(muse: lb.Launch) -> bytes:
    """The built-in launch's deck, built once for the module."""
    return build_deck([muse])


@pytest.fixture(scope="module")
def muse_appendix(muse: lb.Launch) -> bytes:
    """The built-in launch's appendix alone (its divider and every part), built once."""
    return build_deck([muse], slides=APPENDIX)


@pytest.fixture(scope="module")
def stress() -> lb.Launch:
    """The stress launch."""
    return stress_launch()


@pytest.fixture(scope="module")
def stress_deck(stress: lb.Launch) -> bytes:
    """The stress launch's deck, built once for the module."""
    return build_deck([stress])


@pytest.fixture(scope="module")
def stress_appendix(stress: lb.Launch) -> bytes:
    """The stress launch's appendix alone (its divider and every part), built once."""
    return build_deck([stress], slides=APPENDIX)


@pytest.fixture(scope="module")
def aster() -> lb.Launch:
    """The illustrative schema-2 record, Aster 2."""
    return lb.load(ASTER)


@pytest.fixture(scope="module")
def aster_deck(aster: lb.Launch) -> bytes:
    """The Aster 2 deck, built once for the module."""
    return build_deck([aster])


@pytest.fixture(scope="module")
def aster_appendix(aster: lb.Launch) -> bytes:
    """The Aster 2 appendix alone (its divider and every part), built once."""
    return build_deck([aster], slides=APPENDIX)


def make_four_by_three_template(path: Path) -> Path:
    """Write python-pptx's default presentation: a 4:3 template on the Office theme."""
    Presentation().save(str(path))
    return path


@pytest.fixture(scope="module")
def four_by_three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4:3 template (python-pptx's default), written once for the module."""
    return make_four_by_three_template(tmp_path_factory.mktemp("template") / "corp43.pptx")


def many_insights(count: int) -> lb.Launch:
    """The built-in launch with ``count`` insights, of every kind in turn."""
    launch = lb.load("muse-spark")
    kinds = list(lb.InsightKind)
    insights = tuple(
        lb.Insight(id=f"insight-{n}", kind=kinds[n % len(kinds)], text=f"Insight number {n}.")
        for n in range(count)
    )
    return attrs.evolve(launch, insights=insights)


def many_surfaces(count: int) -> lb.Launch:
    """The built-in launch shipping on ``count`` surfaces."""
    launch = lb.load("muse-spark")
    statuses = list(lb.RolloutStatus)
    surfaces = tuple(
        lb.Surface(
            id=f"surface-{n}",
            name=f"Surface {n}",
            kind=lb.SurfaceKind.APP,
            status=statuses[n % len(statuses)],
            timing=f"in {n % 7} weeks",
        )
        for n in range(count)
    )
    return attrs.evolve(launch, surfaces=surfaces)


def _measured(monkeypatch: pytest.MonkeyPatch, launch: lb.Launch) -> int:
    """How many characters the text layout measures to build ``launch``'s deck, appendix included."""
    measured = 0
    advance = metrics._advance

    def counted(path: str, text: str) -> float:
        nonlocal measured
        measured += len(text) + 1  # a call costs something even for an empty text
        return advance(path, text)

    with monkeypatch.context() as patch:
        patch.setattr(metrics, "_advance", counted)
        build_deck([launch], appendix=True)
    return measured


def _open(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def _runs(shape: object) -> Iterator[object]:
    frame = getattr(shape, "text_frame", None)
    if frame is not None:
        for paragraph in frame.paragraphs:
            yield from paragraph.runs
    if getattr(shape, "has_table", False):
        for row in shape.table.rows:  # type: ignore[attr-defined]
            for cell in row.cells:
                for paragraph in cell.text_frame.paragraphs:
                    yield from paragraph.runs


# --------------------------------------------------------------------------- content


def test_cli_export_writes_the_deck(tmp_path: Path) -> None:
    """`launchbrief export -f pptx` writes muse-spark.pptx, a deck python-pptx opens."""
    code = main(["export", "-f", "pptx", "-o", str(tmp_path)])
    target = tmp_path / "muse-spark.pptx"
    assert code == 0
    assert target.is_file()
    deck = Presentation(str(target))
    assert len(deck.slides) >= 9


def test_registered_exporter_declares_itself() -> None:
    """The entry point `pptx` loads the PowerPoint exporter with its declared metadata."""
    exporter = get_exporter("pptx")
    assert isinstance(exporter, PptxExporter)
    assert (exporter.name, exporter.suffix, exporter.document) == ("pptx", ".pptx", True)
    assert (
        exporter.media_type
        == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )


def test_deck_is_sixteen_by_nine(muse_deck: bytes) -> None:
    """Without a template the deck is 16:9."""
    deck = _open(muse_deck)
    assert (deck.slide_width * 9) == (deck.slide_height * 16)


_DECKS = [
    "muse_deck",
    "stress_deck",
    "aster_deck",
    "muse_appendix",
    "stress_appendix",
    "aster_appendix",
]


@pytest.mark.parametrize("which", _DECKS)
def test_every_slide_has_a_title_notes_and_a_footer(
    which: str, request: pytest.FixtureRequest
) -> None:
    """Every slide has a real title placeholder, speaker notes, a sources footer and its number.

    The appendix's divider cites nothing: its footer is empty.
    """
    deck = _open(request.getfixturevalue(which))
    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        assert title is not None, number
        assert title.is_placeholder, number
        assert title.text_frame.text.strip(), number
        assert slide.has_notes_slide, number
        assert slide.notes_slide.notes_text_frame.text.strip(), number
        kinds = {s.placeholder_format.type: s for s in slide.placeholders}
        footer = kinds[PP_PLACEHOLDER.FOOTER].text_frame.text
        if title.text_frame.text.startswith("Appendix: the detail behind the briefing on "):
            assert footer == "", number
        else:
            assert footer.startswith("Sources: "), number
        assert kinds[PP_PLACEHOLDER.SLIDE_NUMBER].text_frame.text == str(number)


def test_the_story_runs_in_order(muse_deck: bytes, muse: lb.Launch) -> None:
    """The built-in main deck answers first, in twelve slides: cover to sources, two decisive charts."""
    deck = _open(muse_deck)
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    expected = [
        ("cover", r"Muse Spark"),
        ("summary", r"Muse Spark leads rivals on 2 of 5 benchmarks compared and trails on 2"),
        ("lineup", r"Meta launched Muse Spark\b.*\b3 reasoning modes\b.*"),
        ("scorecard", r"Muse Spark is ahead of rivals in multimodal and health .*behind .*"),
        ("decisive", r"Muse Spark leads CharXiv Reasoning by 3\.6 points over GPT 5\.4"),
        ("decisive", r"Muse Spark leads HealthBench Hard by 2\.7 points over GPT 5\.4"),
        ("trails", r"Muse Spark trails .*\bARC AGI 2\b.*\bLiveCodeBench Pro\b.*"),
        ("rollout", rf"Muse Spark is live on 2 of {len(muse.surfaces)} surfaces\b.*"),
        ("safety", r"Apollo Research\b.*\bevaluation awareness\b.*"),
        ("watch", r".*\b4 open questions\b.*"),
        ("meaning", r"Meta\b.*\b3 strengths\b.*\b1 weakness and 2 risks\b.*"),
        ("sources", rf".*\b12 scores\b.*\b{len(muse.sources)} sources in all"),
    ]
    assert len(titles) == len(expected) == MOST_SLIDES
    for number, (title, (name, pattern)) in enumerate(zip(titles, expected, strict=True), 1):
        assert re.fullmatch(pattern, title), (number, name, title)
    charted = [(number, _chart_title(frame)) for number, frame in _charts(deck)]
    assert charted == [(5, "CharXiv Reasoning"), (6, "HealthBench Hard")]


def test_title_slide_names_model_developer_and_date(muse_deck: bytes) -> None:
    """The title slide says the model, the developer, "Launch briefing" and the as-of date."""
    slide = _open(muse_deck).slides[0]
    text = " ".join(shape.text_frame.text for shape in slide.placeholders)
    for expected in ("Muse Spark", "Meta", "Launch briefing", "As of 30 November 2026"):
        assert expected in text


def _charts(deck: Presentation) -> list[tuple[int, object]]:
    return [
        (number, shape)
        for number, slide in enumerate(deck.slides, start=1)
        for shape in slide.shapes
        if shape.has_chart
    ]


def _chart_points(
    frame: object, launch: lb.Launch
) -> Iterator[tuple[str, str, float | None, object]]:
    """(benchmark id, model label, value, point) for every bar slot of a chart.

    A clustered chart has a series per model and a category per benchmark; a ranked
    chart has one series named after its benchmark and a category per model.
    """
    names = {benchmark.name: benchmark.id for benchmark in launch.benchmarks}
    plot = frame.chart.plots[0]  # type: ignore[attr-defined]
    categories = list(plot.categories)
    for series in plot.series:
        ranked = series.name in names
        for index, (category, value) in enumerate(zip(categories, series.values, strict=True)):
            if ranked:
                yield names[series.name], category, value, series.points[index]
            else:
                yield names[category], series.name, value, series.points[index]


def _launched_colours(deck: Presentation, launch: lb.Launch) -> set[str]:
    """The fill colours of the launched model's bars across the deck's charts."""
    return {
        str(point.format.fill.fore_color.rgb)  # type: ignore[attr-defined]
        for _number, frame in _charts(deck)
        for _benchmark, model, value, point in _chart_points(frame, launch)
        if model == launch.lead_model.label and value is not None
    }


def _fill(point: object, series: object) -> str | None:
    """A bar's fill colour: its own, or its series'."""
    for fmt in (point.format, series.format):  # type: ignore[attr-defined]
        if fmt.fill.type is not None:
            return str(fmt.fill.fore_color.rgb)
    return None


def _bar_colours(deck: Presentation, launch: lb.Launch) -> Iterator[tuple[bool, str | None]]:
    """(launched, fill colour) for every bar with a number in the deck's charts."""
    models = [model.label for model in launch.models]
    launched = [model.label for model in launch.models if model.launched]
    for _number, frame in _charts(deck):
        plot = frame.chart.plots[0]  # type: ignore[attr-defined]
        categories = list(plot.categories)
        for series in plot.series:
            # A clustered chart has a series per model (and mode); a ranked one a
            # series per benchmark and a category per model.
            clustered = any(series.name.startswith(label) for label in models)
            for index, (category, value) in enumerate(zip(categories, series.values, strict=True)):
                if value is None:
                    continue
                model = series.name if clustered else category
                yield (
                    any(model.startswith(label) for label in launched),
                    _fill(series.points[index], series),
                )


def _grey(colour: str | None) -> bool:
    return colour is not None and len({colour[0:2], colour[2:4], colour[4:6]}) == 1


@pytest.mark.parametrize("where", ["house", "4:3 template", "corporate template"])
def test_rivals_are_grey_and_launched_models_in_the_accent(
    where: str, muse: lb.Launch, aster: lb.Launch, four_by_three: Path, tmp_path: Path
) -> None:
    """Every bar of a model not launched is a neutral grey, whatever the template's theme."""
    accent = {"house": DEFAULT_ACCENT, "4:3 template": "4F81BD", "corporate template": "0E7C66"}
    template = {
        "house": None,
        "4:3 template": four_by_three,
        "corporate template": tmp_path / "corporate.pptx",
    }[where]
    if where == "corporate template":
        make_corporate_template(tmp_path / "corporate.pptx")
    for launch in (muse, aster):
        bars = list(
            _bar_colours(
                _open(build_deck([launch], template=template, slides=["benchmarks"])), launch
            )
        )
        rivals = [colour for launched, colour in bars if not launched]
        assert rivals
        assert all(_grey(colour) for colour in rivals), sorted(set(map(str, rivals)))
        if launch is muse:
            assert {colour for launched, colour in bars if launched} == {accent[where]}


_MORE = re.compile(r"\band \d+ more\b")


@pytest.mark.parametrize(
    ("where", "part"),
    [
        ("house", "main deck and appendix"),
        ("4:3 template", "main deck and appendix"),
        # The narrower slide points more footers to the sources.
        ("4:3 template", "appendix alone"),
    ],
)
@pytest.mark.parametrize("name", ["muse-spark", "gemma-3", "phi-4", "olmo-2", "aster-2"])
def test_footers_name_every_source_or_point_to_the_sources_slide(
    name: str, where: str, part: str, four_by_three: Path
) -> None:
    """No footer is cut to "and N more": it names its sources, or points to the slide listing them all.

    That slide is the main deck's sources slide, or the appendix's Sources table when
    the appendix is built alone.
    """
    launch = lb.load(ASTER if name == "aster-2" else name)
    chosen: dict[str, Any] = (
        {"slides": APPENDIX} if part == "appendix alone" else {"appendix": True}
    )
    template = four_by_three if where != "house" else None
    deck = _open(build_deck([launch], template=template, **chosen))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    if part == "appendix alone":
        listing = titles.index("Sources") + 1
        assert _unlisted(deck, listing, launch) == []
    else:
        listing = Brief.of(launch).number("sources")
        assert listing is not None
    known = {source.name for source in launch.sources}
    for number, slide in enumerate(deck.slides, start=1):
        for text in _slide_texts(slide):
            assert not ("Sources" in text and _MORE.search(text)), (number, text)
        (footer,) = [
            shape.text_frame.text
            for shape in slide.placeholders
            if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER
        ]
        assert not _MORE.search(footer), (number, footer)
        pointer = re.fullmatch(r"Sources: listed on slide (\d+)", footer)
        if pointer:
            assert int(pointer.group(1)) == listing, (number, footer)
        elif footer == "Sources: listed on this slide":
            assert number == listing, (number, footer)
        elif footer:
            assert footer.startswith("Sources: ")
            assert set(footer.removeprefix("Sources: ").split(", ")) <= known, footer


def _unlisted(deck: Presentation, listing: int, launch: lb.Launch) -> list[str]:
    """The launch's sources that slide ``listing`` (and its continuations) does not name."""
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    own = {titles[listing - 1], f"{titles[listing - 1]} (continued)"}
    listed = " ".join(
        text
        for number, slide in enumerate(deck.slides, start=1)
        if number >= listing and titles[number - 1] in own
        for text in _slide_texts(slide)
    )
    return [source.name for source in launch.sources if source.name not in listed]


@pytest.mark.parametrize(
    ("name", "where"),
    [
        (name, where)
        for name in ["muse-spark", "gemma-3", "phi-4", "olmo-2", "aster-2"]
        for where in ["house", "4:3"]
    ],
)
def test_the_sources_slide_footers_point_to_names_every_source(
    name: str, where: str, four_by_three: Path
) -> None:
    """The main deck's sources slide, where footers too long to name their sources point, names every source."""
    launch = lb.load(ASTER if name == "aster-2" else name)
    template = four_by_three if where == "4:3" else None
    deck = _open(build_deck([launch], template=template))
    listing = Brief.of(launch).number("sources")
    assert listing is not None
    assert _unlisted(deck, listing, launch) == []


def test_native_charts_hold_the_records_numbers(muse_deck: bytes, muse: lb.Launch) -> None:
    """At least two native bar charts, whose values are exactly the record's scores."""
    charts = _charts(_open(muse_deck))
    assert len(charts) >= 2
    scores = {
        (result.benchmark, muse.model(result.model).label): result.score
        for result in muse.results
        if result.score is not None
    }
    checked = 0
    for _number, frame in charts:
        assert frame.chart.chart_type.name == "BAR_CLUSTERED"  # type: ignore[attr-defined]
        for benchmark, model, value, _point in _chart_points(frame, muse):
            if value is None:
                assert (benchmark, model) not in scores
            else:
                assert value == scores[(benchmark, model)]
                checked += 1
    assert checked == 10  # CharXiv Reasoning and HealthBench Hard, five models each


def test_charts_highlight_the_launched_model_with_labels_and_a_percent_axis(
    muse_deck: bytes, muse: lb.Launch
) -> None:
    """The launched model's bars carry the accent colour; data labels on; percent axes run 0–100."""
    launched = muse.lead_model.label
    for _number, frame in _charts(_open(muse_deck)):
        chart = frame.chart  # type: ignore[attr-defined]
        assert chart.plots[0].has_data_labels
        for _benchmark, model, value, point in _chart_points(frame, muse):
            if value is None:
                continue
            fill = point.format.fill  # type: ignore[attr-defined]
            colour = str(fill.fore_color.rgb) if fill.type is not None else None
            if model == launched:
                assert colour == DEFAULT_ACCENT
            else:
                assert colour != DEFAULT_ACCENT
        axis = chart.value_axis
        assert (axis.minimum_scale, axis.maximum_scale) == (0, 100)


def test_many_models_are_ranked_on_the_axis(
    stress_appendix: bytes, stress_deck: bytes, stress: lb.Launch
) -> None:
    """With twelve models the appendix charts each benchmark's leaderboard in order, every score kept.

    The main deck's decisive charts show some of the entries, in the same order.
    """
    boards = {board.benchmark.name: board for board in analysis.leaderboards(stress)}
    for _number, frame in _charts(_open(stress_deck)):
        plot = frame.chart.plots[0]  # type: ignore[attr-defined]
        (series,) = plot.series
        bars = list(zip(plot.categories, series.values, strict=True))
        standings = [
            (s.model.label, s.score)
            for s in boards[series.name.removesuffix(" (lower is better)")].standings
        ]
        assert 2 <= len(bars) <= len(standings)
        assert bars == [bar for bar in standings if bar in bars]
    seen: dict[str, list[tuple[str, float]]] = {}
    for _number, frame in _charts(_open(stress_appendix)):
        plot = frame.chart.plots[0]  # type: ignore[attr-defined]
        (series,) = plot.series
        name = series.name.removesuffix(" (lower is better)")
        seen.setdefault(name, []).extend(zip(plot.categories, series.values, strict=True))
    charted = {name for name, board in boards.items() if len(board.standings) > 1}
    assert set(seen) == charted
    for name, bars in seen.items():
        expected = [(s.model.label, s.score) for s in boards[name].standings]
        assert bars == expected


@pytest.mark.parametrize("part", ["main deck", "appendix"])
def test_alt_text_on_every_chart_table_and_picture(
    part: str, request: pytest.FixtureRequest
) -> None:
    """Every chart, table and picture carries a description for screen readers."""
    counted = 0
    for name in ("muse", "stress"):
        data = request.getfixturevalue(
            f"{name}_deck" if part == "main deck" else f"{name}_appendix"
        )
        for slide in _open(data).slides:
            for shape in slide.shapes:
                if shape.has_chart or shape.has_table or shape.shape_type == 13:  # 13: picture
                    descr = shape._element.xpath(".//p:cNvPr/@descr")
                    assert descr, shape.name
                    assert len(descr[0]) > 20, shape.name
                    counted += 1
    assert counted >= 10


def test_chart_alt_text_states_the_numbers(muse_deck: bytes) -> None:
    """A chart's alt text names each benchmark and model with its score."""
    _number, frame = _charts(_open(muse_deck))[0]
    descr = frame._element.xpath(".//p:cNvPr/@descr")[0]  # type: ignore[attr-defined]
    assert "CharXiv Reasoning" in descr
    assert "Muse Spark 86.4%" in descr
    assert "Grok 4.2 60.9%" in descr


@pytest.mark.parametrize("part", ["rollout", "surfaces"])
def test_rollout_is_colour_coded_with_a_legend(part: str, muse: lb.Launch) -> None:
    """The rollout table, main or appendix, lists every surface with a coloured status and its timing; a legend names the colours."""
    deck = _open(build_deck([muse], slides=[part]))
    (slide,) = [s for s in deck.slides if any(shape.has_table for shape in s.shapes)]
    if part == "surfaces":
        assert slide.shapes.title.text_frame.text == "Rollout"
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    header = [cell.text_frame.text for cell in table.rows[0].cells]
    rows = {row.cells[0].text_frame.text: row for row in list(table.rows)[1:]}
    assert set(rows) == {surface.name for surface in muse.surfaces}
    status_col = header.index("Status")
    timing_col = next(i for i, h in enumerate(header) if h.startswith("Timing"))
    colours: dict[str, str] = {}
    for surface in muse.surfaces:
        cell = rows[surface.name].cells[status_col]
        assert cell.text_frame.text.lower() == surface.status.label
        colours.setdefault(surface.status.label, str(cell.fill.fore_color.rgb))
        assert rows[surface.name].cells[timing_col].text_frame.text == (surface.timing or "—")
    assert len(set(colours.values())) == len(colours)
    legend = {
        shape.text_frame.text
        for shape in slide.shapes
        if shape.name.startswith("Legend ") and shape.has_text_frame and shape.text_frame.text
    }
    assert legend == {label.capitalize() for label in colours}


@pytest.mark.parametrize("part", ["safety", "findings"])
def test_safety_slide_shows_evaluators_blockers_and_caveats(part: str, muse: lb.Launch) -> None:
    """Safety, main or appendix, lists internal and third-party findings, release-blocker flags and each finding's caveat."""
    deck = _open(build_deck([muse], slides=[part]))
    (slide,) = [s for s in deck.slides if any(shape.has_table for shape in s.shapes)]
    if part == "findings":
        assert slide.shapes.title.text_frame.text == "Safety and evaluation"
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    text = "\n".join(cell.text_frame.text for row in table.rows for cell in row.cells)
    for finding in muse.safety:
        assert finding.title in text
        if finding.detail:
            assert " ".join(finding.detail.split()) in " ".join(text.split())
    assert "Third-party" in text
    assert "Internal" in text
    assert "Not stated" in text
    assert "No" in text.split("\n")


#: Muse Spark's twelve scores all rest on Meta's material.
_ALL_VENDOR = re.compile(r"All 12 scores rest on vendor material alone \(Meta\)")


def test_sources_slide_lists_every_source_and_flags_vendors(
    muse_deck: bytes, muse_appendix: bytes, muse: lb.Launch
) -> None:
    """Every source is listed, on the main sources slide and in the appendix; vendor sources are flagged as not independent."""
    main = _open(muse_deck)
    number = Brief.of(muse).number("sources")
    assert number is not None
    texts = _slide_texts(main.slides[number - 1])
    for source in muse.sources:
        (line,) = [text for text in texts if text.startswith(f"{source.name} ")]
        vendor = source.kind is lb.SourceKind.VENDOR
        assert ("Vendor, not independent" in line) == vendor, line
    assert any(_ALL_VENDOR.match(text) for text in texts)
    deck = _open(muse_appendix)
    slides = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Sources")]
    rows = [
        row
        for slide in slides
        for shape in slide.shapes
        if shape.has_table
        for row in list(shape.table.rows)[1:]
    ]
    listed = {row.cells[0].text_frame.text: row.cells[1].text_frame.text for row in rows}
    assert set(listed) == {source.name for source in muse.sources}
    for source in muse.sources:
        if source.kind is lb.SourceKind.VENDOR:
            assert "not independent" in listed[source.name]
    method = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Method and caveats")
    text = " ".join(shape.text_frame.text for shape in method.shapes if shape.has_text_frame)
    assert _ALL_VENDOR.search(text)


def test_notes_carry_the_numbers(muse_deck: bytes, muse_appendix: bytes) -> None:
    """A chart slide's speaker notes carry the numbers behind the chart: every bar in the appendix, ours and the best rival's in the main deck."""
    deck = _open(muse_appendix)
    number, _frame = _charts(deck)[0]
    notes = deck.slides[number - 1].notes_slide.notes_text_frame.text
    assert "The numbers:" in notes
    assert "Muse Spark 86.4%" in notes
    assert "Grok 4.2 60.9%" in notes
    deck = _open(muse_deck)
    number, _frame = _charts(deck)[0]
    notes = deck.slides[number - 1].notes_slide.notes_text_frame.text
    assert "Muse Spark scores 86.4%" in notes
    assert "the best rival, GPT 5.4, scores 82.8%" in notes


def test_body_text_is_never_under_twelve_points(
    stress_deck: bytes, muse_deck: bytes, stress_appendix: bytes, muse_appendix: bytes
) -> None:
    """No run of slide text, main deck or appendix, is set under 12 pt, footers and slide numbers aside."""
    for data in (muse_deck, stress_deck, muse_appendix, stress_appendix):
        for slide in _open(data).slides:
            for shape in slide.shapes:
                if shape.is_placeholder and shape.placeholder_format.type in _FOOTER_TYPES:
                    continue
                for run in _runs(shape):
                    size = run.font.size  # type: ignore[attr-defined]
                    assert size is None or size.pt >= 12, (shape.name, run.text)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- schema 2


def _slide_texts(slide: object) -> list[str]:
    """Every paragraph of a slide's shapes and table cells, single-spaced."""
    texts = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        frames = []
        if shape.has_text_frame:
            frames.append(shape.text_frame)
        if shape.has_table:
            frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
        for frame in frames:
            texts.extend(" ".join(p.text.split()) for p in frame.paragraphs if p.text.strip())
    return texts


def _lede(slide: object) -> str:
    """The takeaway line under a slide's title."""
    return next(
        shape.text_frame.text
        for shape in slide.shapes  # type: ignore[attr-defined]
        if shape.name == "Takeaway"
    )


def _chart_title(frame: object) -> str:
    chart = frame.chart  # type: ignore[attr-defined]
    return chart.chart_title.text_frame.text if chart.has_title else ""


def _board_slide(deck: Presentation, title: str) -> tuple[object, object]:
    """The slide whose chart is titled ``title``, and the chart's frame."""
    for number, frame in _charts(deck):
        if _chart_title(frame) == title:
            return deck.slides[number - 1], frame
    raise AssertionError(f"no chart titled {title!r}")


@pytest.mark.parametrize("part", ["main deck", "appendix"])
def test_aster_lineup_names_both_models_with_specs_licence_and_dates(
    part: str, aster_deck: bytes, aster_appendix: bytes, aster: lb.Launch
) -> None:
    """The Aster 2 line-up, main or appendix, names both launched models, their specs, the licence and the disputed date."""
    deck = _open(aster_deck if part == "main deck" else aster_appendix)
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    if part == "main deck":
        assert titles[0] == "Aster 2 Small and Aster 2 Large"
        number = Brief.of(aster).number("lineup")
        assert number is not None
        lineup = deck.slides[number - 1]
        assert titles[number - 1].startswith("Northwind Labs launched 2 models")
    else:
        (lineup,) = [
            s for s in deck.slides if s.shapes.title.text_frame.text.startswith("The line-up")
        ]
    text = " | ".join(_slide_texts(lineup))
    for model in aster.launched:
        assert model.label in text
    for spec in (
        "8B",
        "400B (40B active)",
        "dense",
        "mixture of experts",
        "131,072 tokens",
        "1,048,576 tokens",
        "2025-12",
        "text, images",
    ):
        assert spec in text
    assert "Aster Community License, open weights" in text
    assert "4 March 2026 (Northwind blog) or 2 March 2026 (Tech Daily): sources disagree" in text
    assert "Rival A" not in text
    notes = lineup.notes_slide.notes_text_frame.text
    # The main deck's talk track reads out the first model; the appendix's notes read out each.
    for model in aster.launched if part == "appendix" else aster.launched[:1]:
        size = {"Aster 2 Small": "8B", "Aster 2 Large": "400B (40B active)"}[model.label]
        assert f"{model.label}: parameters {size}" in notes


def test_aster_leaderboards_are_per_cohort_with_their_settings(
    aster_appendix: bytes, aster: lb.Launch
) -> None:
    """In the appendix each cohort's MMLU has its own chart, titled with the cohort, its numbers only, its settings on the slide."""
    deck = _open(aster_appendix)
    for cohort, described in (
        ("Pretrained models", "5-shot"),
        ("Instruction-tuned models", "0-shot, temperature 0.6, top p 0.95"),
    ):
        slide, frame = _board_slide(deck, f"MMLU ({cohort})")
        expected = {
            (aster.model(r.model).label, r.score)
            for r in aster.results
            if r.benchmark == "mmlu" and aster.cohort(r.cohort or "").name == cohort
        }
        (series,) = frame.chart.plots[0].series  # type: ignore[attr-defined]
        shown = set(zip(frame.chart.plots[0].categories, series.values, strict=True))  # type: ignore[attr-defined]
        assert shown == expected
        assert f"{cohort}: {described}" in _slide_texts(slide)


def test_a_comparability_warning_is_on_the_leaderboards_slide(aster: lb.Launch) -> None:
    """A leaderboard whose entries ran under different settings says so on its slide."""
    results = tuple(
        attrs.evolve(r, settings=lb.Settings(shots=3))
        if (r.benchmark, r.model, r.cohort) == ("mmlu", "rival-a", "base")
        else r
        for r in aster.results
    )
    mixed = attrs.evolve(aster, results=results)
    (board,) = [b for b in analysis.leaderboards(mixed) if b.warning]
    deck = _open(build_deck([mixed], slides=["benchmarks"]))
    slide, _frame = _board_slide(deck, "MMLU (Pretrained models)")
    assert f"Not strictly comparable: {board.warning}" in _slide_texts(slide)
    assert board.warning in slide.notes_slide.notes_text_frame.text
    other, _frame = _board_slide(deck, "MMLU (Instruction-tuned models)")
    assert not any("Not strictly comparable" in text for text in _slide_texts(other))


def test_a_rival_known_only_in_words_is_noted_beside_the_ranking(aster_appendix: bytes) -> None:
    """The appendix's ChartQA ranks Aster 2 Large #1 of 2 and says that Rival B has no multimodal support.

    The record gives those words unquoted (a paraphrase), so no quotation marks surround them.
    """
    deck = _open(aster_appendix)
    slide, _frame = _board_slide(deck, "ChartQA (Instruction-tuned models)")
    texts = _slide_texts(slide)
    assert any(text.startswith("Aster 2 Large: #1 of 2 with 85.0%") for text in texts)
    assert any("Rival B: no multimodal support" in text for text in texts)
    assert not any("“no multimodal support”" in text for text in texts)
    assert "no multimodal support" in slide.notes_slide.notes_text_frame.text
    scorecard = [
        text
        for s in deck.slides
        if s.shapes.title.text_frame.text.startswith("Scorecard")
        for text in _slide_texts(s)
        if "#1 of 2 with 85.0%" in text
    ]
    assert scorecard
    assert all("Rival B" in text for text in scorecard)


_SIBLINGS = re.compile(
    r"Aster 2 (Small|Large) (leads|trails|ties)\b[^;.]*\bAster 2 (Small|Large)\b"
    r"|\b(over|behind|ahead of) Aster 2 (Small|Large)\b"
)


def test_siblings_never_lead_each_other(aster_deck: bytes, aster_appendix: bytes) -> None:
    """Aster 2 Small trails only rivals: no slide, main or appendix, says a launched model is behind or ahead of its sibling."""
    for data in (aster_deck, aster_appendix):
        for slide in _open(data).slides:
            for text in [slide.shapes.title.text_frame.text, *_slide_texts(slide)]:
                if text.startswith("Aster 2 Small:"):
                    assert "Aster 2 Large" not in text
                if text.startswith("Aster 2 Large:"):
                    assert "Aster 2 Small" not in text
                assert not _SIBLINGS.search(text), text
    deck = _open(aster_appendix)
    scorecard = next(
        s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Scorecard")
    )
    lede = _lede(scorecard)
    assert "Aster 2 Large leads rivals on 4 of 6 leaderboards" in lede
    assert "Aster 2 Small trails rivals on all 4 leaderboards" in lede


def _label_formats(frame: object) -> dict[str, str]:
    """Each bar's category and its data label's own number format."""
    chart = frame.chart  # type: ignore[attr-defined]
    categories = list(chart.plots[0].categories)
    formats = {}
    for d_lbl in chart._chartSpace.iter(f"{_C}dLbl"):
        index = int(d_lbl.find(f"{_C}idx").get("val"))
        formats[categories[index]] = d_lbl.find(f"{_C}numFmt").get("formatCode")
    return formats


def test_numbers_keep_their_written_precision_and_axes_their_bounds(aster_appendix: bytes) -> None:
    """In the appendix's charts 85.20 stays 85.20 and 0.0007 is never 0; MT-Bench's axis runs to 10, a percentile's to 100."""
    deck = _open(aster_appendix)
    _slide, mmlu = _board_slide(deck, "MMLU (Pretrained models)")
    assert _label_formats(mmlu) == {
        "Aster 2 Large": '0.00"%"',
        "Rival A": '0.0"%"',
        "Aster 2 Small": '0.0"%"',
    }
    _slide, racket = _board_slide(deck, "MultiPL-E Racket (Pretrained models)")
    assert _label_formats(racket) == {"Rival A": "0.0000", "Aster 2 Small": "0.0000"}
    slide, mt_bench = _board_slide(deck, "MT-Bench (Instruction-tuned models)")
    axis = mt_bench.chart.value_axis  # type: ignore[attr-defined]
    assert (axis.minimum_scale, axis.maximum_scale) == (0, 10)
    assert _label_formats(mt_bench) == {"Aster 2 Large": "0.00", "Rival B": "0.00"}
    slide, codeforces = _board_slide(deck, "Codeforces (Instruction-tuned models) (percentile)")
    axis = codeforces.chart.value_axis  # type: ignore[attr-defined]
    assert (axis.minimum_scale, axis.maximum_scale) == (0, 100)
    texts = " ".join(_slide_texts(slide))
    assert "51.6th percentile" in texts
    assert "51.6%" not in texts
    _slide, pile = _board_slide(
        deck, "Pile test (bits per byte) (Pretrained models) (lower is better)"
    )
    assert "lower is better" in pile._element.xpath(".//p:cNvPr/@descr")[0]  # type: ignore[attr-defined]


def test_an_unranked_number_is_never_ranked_or_a_lead(
    muse_deck: bytes, muse_appendix: bytes, aster_deck: bytes, aster_appendix: bytes
) -> None:
    """MMMU Pro, SimpleVQA and Solo Bench have no rival numbers: nothing, main deck or appendix, ranks them or calls them a lead."""
    lone = {"muse": ("MMMU Pro", "SimpleVQA", "80.4%", "71.3%"), "aster": ("Solo Bench", "71.3%")}
    for name, part, data in (
        ("muse", "main", muse_deck),
        ("muse", "appendix", muse_appendix),
        ("aster", "main", aster_deck),
        ("aster", "appendix", aster_appendix),
    ):
        deck = _open(data)
        lines = []
        for slide in deck.slides:
            lines += [slide.shapes.title.text_frame.text, *_slide_texts(slide)]
            lines += slide.notes_slide.notes_text_frame.text.splitlines()
            lines += [_chart_title(frame) for frame in slide.shapes if frame.has_chart]
            # Alt text reads out a table's rows one after the other, "; " between them.
            for descr in slide._element.xpath(".//p:cNvPr/@descr"):
                lines += str(descr).split("; ")
        about = [line for line in lines if any(word in line for word in lone[name])]
        assert about, (name, part)
        for line in about:
            assert "lead" not in line.lower(), (name, part, line)
            assert not re.search(r"#\d", line), (name, part, line)
        said = "no rival numbers, not ranked" if part == "appendix" else "no rival number"
        assert any(said in line for line in about), (name, part)
    muse_lede = _lede(
        next(
            s
            for s in _open(muse_appendix).slides
            if s.shapes.title.text_frame.text == "Multimodal benchmarks"
        )
    )
    assert "Muse Spark leads rivals on the one multimodal benchmark compared" in muse_lede
    assert "2 more have no rival number" in muse_lede


def test_a_category_without_launched_results_gets_no_headline(aster: lb.Launch) -> None:
    """A category where only rivals have numbers says so, and never that a launched model leads or trails."""
    benchmark = lb.Benchmark(id="rivals-only", name="Rivals Only", category="robotics")
    results = (
        lb.Result(benchmark="rivals-only", model="rival-a", score=50.0, sources=("card",)),
        lb.Result(benchmark="rivals-only", model="rival-b", score=40.0, sources=("card",)),
    )
    launch = attrs.evolve(
        aster, benchmarks=(*aster.benchmarks, benchmark), results=(*aster.results, *results)
    )
    deck = _open(build_deck([launch], slides=["benchmarks"]))
    slide = next(s for s in deck.slides if s.shapes.title.text_frame.text == "Robotics benchmarks")
    lede = _lede(slide)
    assert lede.startswith("No launched model has a robotics result")
    assert "leads" not in lede
    assert "trails" not in lede


def large_family(aster: lb.Launch, count: int) -> lb.Launch:
    """Aster 2 with ``count`` more launched models, Aster 2 X0 to X{count - 1}."""
    family = tuple(
        lb.Model(
            id=f"aster-2-x{n}",
            name=f"Aster 2 X{n}",
            launched=True,
            specs=lb.Specs(parameters=float(n + 1) * 1e9),
        )
        for n in range(count)
    )
    return attrs.evolve(aster, models=(*aster.models, *family))


def test_fifty_launched_models_are_listed_up_to_a_limit(aster: lb.Launch) -> None:
    """A family of 62 launched models: the main line-up is one slide that counts the rest; the appendix's lists 30 and counts the rest."""
    launch = large_family(aster, 60)
    deck = _open(build_deck([launch], slides=["cover", "lineup", "models"]))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[0] == "Aster 2 Small, Aster 2 Large and 60 more"
    assert titles[1].startswith("Northwind Labs launched 62 models")
    assert titles[2].startswith("Appendix: ")
    table = next(shape.table for shape in deck.slides[1].shapes if shape.has_table)
    last = list(table.rows)[-1].cells[0].text_frame.text
    assert re.fullmatch(r"… and [\d,]+ more models", last)
    lineup = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith("The line-up")]
    texts = [text for slide in lineup for text in _slide_texts(slide)]
    assert "… and 32 more models" in texts
    assert "Aster 2 X27" in texts
    assert "Aster 2 X28" not in texts
    assert len(lineup) <= 4


def test_several_launches_of_either_schema_share_one_deck(
    muse: lb.Launch, aster: lb.Launch
) -> None:
    """`export_many` briefs on Muse Spark and the Aster 2 family, one after the other."""
    stream = io.BytesIO()
    export_many([muse, aster], stream, slides=["cover", "lineup", "models", "benchmarks"])
    deck = _open(stream.getvalue())
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[0] == "Muse Spark"
    assert titles[1].startswith("Meta launched Muse Spark")
    assert "Aster 2 Small and Aster 2 Large" in titles
    aster_starts = titles.index("Aster 2 Small and Aster 2 Large")
    assert titles[aster_starts + 1].startswith("Northwind Labs launched 2 models")
    # Each briefing has its own appendix after its main slides.
    dividers = [n for n, title in enumerate(titles) if title.startswith("Appendix: ")]
    assert [titles[n] for n in dividers] == [
        "Appendix: the detail behind the briefing on Muse Spark",
        "Appendix: the detail behind the briefing on Aster 2 Small and Aster 2 Large",
    ]
    assert dividers[0] < aster_starts < dividers[1]
    assert any(title.startswith("The line-up") for title in titles[dividers[1] :])
    assert deck.core_properties.subject == (
        "Launch briefings: Muse Spark, Aster 2 Small and Aster 2 Large"
    )


def test_aster_decks_are_byte_identical(aster: lb.Launch) -> None:
    """The Aster 2 record gives the same bytes twice."""
    assert build_deck([aster]) == build_deck([aster])


# --------------------------------------------------------------------------- continuation


def test_long_tables_continue_with_the_header_repeated(
    stress_appendix: bytes, stress: lb.Launch
) -> None:
    """The appendix's stress rollout spills onto continuation slides, each repeating the table header."""
    deck = _open(stress_appendix)
    slides = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Rollout")]
    assert len(slides) >= 2
    assert slides[1].shapes.title.text_frame.text == "Rollout (continued)"
    headers = set()
    names = []
    for slide in slides:
        table = next(shape.table for shape in slide.shapes if shape.has_table)
        headers.add(tuple(cell.text_frame.text for cell in table.rows[0].cells))
        names.extend(row.cells[0].text_frame.text for row in list(table.rows)[1:])
    assert len(headers) == 1
    assert sorted(names) == sorted(surface.name for surface in stress.surfaces)


def test_every_fact_of_the_stress_record_reaches_the_deck(
    stress_appendix: bytes, stress: lb.Launch
) -> None:
    """Nothing is dropped for lack of room: every finding, insight and chart number is in the appendix."""
    deck = _open(stress_appendix)
    text = []
    values = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                text.append(shape.text_frame.text)
            if shape.has_table:
                text.extend(cell.text_frame.text for row in shape.table.rows for cell in row.cells)
            if shape.has_chart:
                for series in shape.chart.plots[0].series:
                    values.extend(v for v in series.values if v is not None)
    joined = " ".join(" ".join(text).split())
    for finding in stress.safety:
        assert finding.title in joined
    for insight in stress.insights:
        assert " ".join(insight.text.split()) in joined
    scored = [r.score for r in stress.results if r.score is not None]
    charted_alone = {
        b.id
        for b in stress.benchmarks
        if sum(r.benchmark == b.id and r.score is not None for r in stress.results) == 1
    }
    assert sorted(values) == sorted(
        r.score for r in stress.results if r.score is not None and r.benchmark not in charted_alone
    )
    assert len(scored) > len(values)


_LAUNCHES = ["muse-spark", "gemma-3", "phi-4", "olmo-2", "aster-2"]


def _continued_items(
    launch: lb.Launch, template: Path | None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[int, str, int]]:
    """Each "(continued)" slide without a chart, main deck and appendix: its number, title and item count.

    An item is a table row, or a paragraph of flowing text with the paragraphs kept
    with it (a heading and what follows it), as the deck splits them.
    """
    from launchbrief.exporters.pptx.deck import Deck

    flowed: dict[int, int] = {}
    write = Deck.text

    def counted(self: Deck, page: Any, box: Any, paras: Any, size: float, **options: Any) -> Any:
        if str(options.get("name", "")).endswith(" text"):
            starts = [i for i in range(len(paras)) if not i or not paras[i - 1].keep_with_next]
            flowed[page.slide.slide_id] = flowed.get(page.slide.slide_id, 0) + len(starts)
        return write(self, page, box, paras, size, **options)

    with monkeypatch.context() as patch:
        patch.setattr(Deck, "text", counted)
        data = build_deck([launch], template=template, appendix=True)
    for number, slide in enumerate(_open(data).slides, start=1):
        title = slide.shapes.title.text_frame.text
        if not title.endswith("(continued)") or any(s.has_chart for s in slide.shapes):
            continue  # a chart's slide holds a chart, not items that spilled over
        rows = sum(len(s.table.rows) - 1 for s in slide.shapes if s.has_table)
        yield number, title, rows + flowed.get(slide.slide_id, 0)


@pytest.mark.parametrize("where", ["house", "4:3 template"])
@pytest.mark.parametrize("name", _LAUNCHES)
def test_no_continuation_slide_holds_a_lone_item(
    name: str, where: str, four_by_three: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every "(continued)" slide of flowing text or of a table holds at least two items."""
    launch = lb.load(ASTER if name == "aster-2" else name)
    template = four_by_three if where != "house" else None
    alone = [found for found in _continued_items(launch, template, monkeypatch) if found[2] < 2]
    assert alone == []


def test_the_item_count_sees_a_lone_item(monkeypatch: pytest.MonkeyPatch) -> None:
    """The count above finds a continuation slide's items: the stress appendix's rollout has several rows."""
    found = list(_continued_items(stress_launch(), None, monkeypatch))
    assert any(title == "Rollout (continued)" and count >= 2 for _n, title, count in found)
    assert all(count >= 1 for _n, _title, count in found)


# --------------------------------------------------------------------------- long text, long lists


@pytest.mark.parametrize(
    ("make", "small", "large"),
    [
        (long_claim, 10_000, 40_000),
        (long_everything, 2_500, 10_000),
        (many_capabilities, 10_000, 40_000),
        (many_insights, 2_500, 10_000),
        (many_surfaces, 2_500, 10_000),
    ],
    ids=["claim", "every field", "capabilities", "insights", "surfaces"],
)
def test_deck_layout_grows_linearly(
    make: object, small: int, large: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record four times as large has its deck's text measured at most about four times as much."""
    assert callable(make)
    build_deck([make(small)], appendix=True)  # warm the caches alike for both
    ratio = _measured(monkeypatch, make(large)) / _measured(monkeypatch, make(small))
    assert ratio <= 4.5


def _texts(deck: Presentation) -> Iterator[tuple[int, str]]:
    """Each slide's number and the text of each of its shapes and table cells."""
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield number, shape.text_frame.text
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        yield number, cell.text_frame.text


def test_a_forty_thousand_character_claim_is_cut_with_an_ellipsis(muse_deck: bytes) -> None:
    """A 40,000-character claim reopens cut short with "…", on about as many slides as usual."""
    launch = long_claim(40_000)
    (claim,) = {r.claim for r in launch.results if r.benchmark == "arc-agi-2" and r.claim}
    deck = _open(build_deck([launch]))
    shown = [text for _number, text in _texts(deck) if claim[:40] in text]
    assert shown
    assert all(len(text) < 5_000 for text in shown)
    # Where the claim continues on the next slide, it ends there, cut short.
    cut = [
        text
        for _number, text in _texts(deck)
        if text.rstrip("”").endswith("…") and text.rstrip("”")[-41:-1] in claim
    ]
    assert cut
    assert len(deck.slides) <= len(_open(muse_deck).slides) + 2


def test_a_million_capabilities_are_counted_not_listed(
    muse_deck: bytes, muse_appendix: bytes
) -> None:
    """A model with a million capabilities: the appendix shows a few and counts the rest, on one slide; the main deck keeps its length."""
    launch = many_capabilities(1_000_000)
    main = _open(build_deck([launch]))
    assert len(main.slides) == len(_open(muse_deck).slides)
    deck = _open(build_deck([launch], slides=APPENDIX))
    found = [
        (number, text) for number, text in _texts(deck) if "… and 999,970 more capabilities" in text
    ]
    assert len(found) == 1
    number, text = found[0]
    assert "capability number 29" in text
    assert "capability number 30\n" not in text
    notes = deck.slides[number - 1].notes_slide.notes_text_frame.text
    assert "capability number 29 and 999,970 more." in notes
    assert len(deck.slides) <= len(_open(muse_appendix).slides) + 2


def _without_divider(deck: Presentation) -> list[Any]:
    """The deck's slides but the appendix's divider."""
    return [
        slide
        for slide in deck.slides
        if not slide.shapes.title.text_frame.text.startswith("Appendix: ")
    ]


def test_long_tables_and_lists_are_counted_past_a_limit() -> None:
    """Ten thousand surfaces and insights: one slide of each in the main deck, a few in the appendix, and the rest counted."""
    surfaces = many_surfaces(10_000)
    main = _open(build_deck([surfaces], slides=["rollout"]))
    assert len(main.slides) == 1
    assert any(re.fullmatch(r"… and [\d,]+ more surfaces", text) for _n, text in _texts(main))
    rollout = _open(build_deck([surfaces], slides=["surfaces"]))
    cells = [text for _number, text in _texts(rollout)]
    assert "… and 9,970 more surfaces" in cells
    assert len(_without_divider(rollout)) <= 4
    launch = many_insights(10_000)
    main = _open(build_deck([launch], slides=["meaning"]))
    assert len(main.slides) == 1
    strategy = _open(build_deck([launch], slides=["insights"]))
    texts = " ".join(text for _number, text in _texts(strategy))
    for kind in lb.InsightKind:
        left_out = sum(insight.kind is kind for insight in launch.insights) - 30
        noun = "takeaways" if kind is lb.InsightKind.TAKEAWAY else "insights"
        assert f"… and {left_out:,} more {noun}" in texts
    assert len(_without_divider(strategy)) <= 12


def many_findings(count: int) -> lb.Launch:
    """The built-in launch with ``count`` safety findings, copies of its first."""
    launch = lb.load("muse-spark")
    first = launch.safety[0]
    findings = tuple(
        attrs.evolve(first, id=f"finding-{n}", title=f"Finding {n}") for n in range(count)
    )
    return attrs.evolve(launch, safety=findings)


@pytest.mark.parametrize(
    ("part", "noun", "total"),
    [("lineup", "models", 62), ("rollout", "surfaces", 10_000), ("safety", "findings", 100)],
)
def test_a_one_slide_table_counts_every_item_it_leaves_out(
    part: str, noun: str, total: int, aster: lb.Launch
) -> None:
    """A main-deck table of many items holds what one slide can and counts every other item."""
    launch = {
        "lineup": lambda: large_family(aster, total - 2),
        "rollout": lambda: many_surfaces(total),
        "safety": lambda: many_findings(total),
    }[part]()
    deck = _open(build_deck([launch], slides=[part]))
    (slide,) = deck.slides
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    rows = [row.cells[0].text_frame.text for row in list(table.rows)[1:]]
    more = re.fullmatch(rf"… and ([\d,]+) more {noun}", rows[-1])
    assert more, rows[-1]
    assert int(more.group(1).replace(",", "")) == total - (len(rows) - 1)


# --------------------------------------------------------------------------- options


def test_slides_option_chooses_and_orders(muse: lb.Launch) -> None:
    """`slides=` picks the slides and their order, main deck and appendix parts alike."""
    deck = _open(build_deck([muse], slides=["sources", "cover"]))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert len(titles) == 2
    assert re.fullmatch(rf".*\b{len(muse.sources)} sources in all", titles[0])
    assert titles[-1] == "Muse Spark"
    deck = _open(build_deck([muse], slides=["method", "cover", "surfaces"]))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    # The appendix's parts follow its divider, wherever they are named.
    assert titles == [
        "Appendix: the detail behind the briefing on Muse Spark",
        "Method and caveats",
        "Sources",
        "Muse Spark",
        "Rollout",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"slides": ["cover", "chart"]},
            r"unknown slide 'chart' \(main deck: cover, summary, .*; appendix: benchmarks, .*\)",
        ),
        ({"slides": ["cover", "title", "glance"]}, "unknown slide 'title', 'glance'"),
        ({"slides": ["cover", "cover"]}, "more than once"),
        ({"slides": ["method", "findings", "method"]}, "'method' is asked for more than once"),
        ({"appendix": "yes"}, "appendix must be True or False"),
        ({"slides": []}, "empty"),
        ({"accent": "blue"}, "accent must be a colour"),
        ({"notes": "yes"}, "notes must be True or False"),
        ({"template": "/nonexistent/corporate.pptx"}, "cannot be read"),
        ({"template": "corporate.docx"}, "must be a .pptx or .potx"),
    ],
)
def test_bad_options_raise_export_error(
    muse: lb.Launch, options: dict[str, object], message: str, tmp_path: Path
) -> None:
    """A bad option is an ExportError that says what is wrong, and no file is written."""
    target = tmp_path / "deck.pptx"
    with pytest.raises(ExportError, match=message):
        PptxExporter().export(muse, target, **options)  # type: ignore[arg-type]
    assert not target.exists()


def test_every_slide_name_is_accepted(muse: lb.Launch) -> None:
    """Each name in SLIDES and APPENDIX builds a deck on its own ("changes" given an older version)."""
    older = attrs.evolve(muse, results=muse.results[1:])
    for name in SLIDES + APPENDIX:
        since = older if name == "changes" else None
        deck = _open(build_deck([muse], slides=[name], since=since))
        assert len(deck.slides) >= 1, name


def test_accent_colours_the_launched_model(muse: lb.Launch) -> None:
    """`accent=` colours the launched model's bars."""
    deck = _open(build_deck([muse], accent="#C0392B", slides=["benchmarks"]))
    assert _launched_colours(deck, muse) == {"C0392B"}


def test_notes_can_be_left_out(muse: lb.Launch) -> None:
    """`notes=False` writes no notes slides."""
    deck = _open(build_deck([muse], notes=False))
    assert not any(slide.has_notes_slide for slide in deck.slides)


def test_several_launches_share_one_deck(
    muse: lb.Launch, stress: lb.Launch, tmp_path: Path
) -> None:
    """`export_many` puts one briefing after the other, numbering slides through."""
    target = tmp_path / "both.pptx"
    export_many([muse, stress], target, slides=["cover", "benchmarks"])
    deck = Presentation(str(target))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[0] == "Muse Spark"
    assert stress.lead_model.name in titles
    assert deck.core_properties.title == "Launch briefings"


def test_export_writes_to_a_stream(muse: lb.Launch, muse_deck: bytes) -> None:
    """Exporting to a binary stream writes the same bytes as building the deck."""
    stream = io.BytesIO()
    PptxExporter().export(muse, stream)
    assert stream.getvalue() == muse_deck


# --------------------------------------------------------------------------- determinism


def test_two_exports_are_byte_identical(muse: lb.Launch, tmp_path: Path) -> None:
    """The same record gives the same bytes, embedded chart workbooks included."""
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    PptxExporter().export(muse, first)
    PptxExporter().export(muse, second)
    assert first.read_bytes() == second.read_bytes()


def test_metadata_is_pinned(muse_deck: bytes, muse: lb.Launch) -> None:
    """Core properties are pinned and no python-pptx default metadata is left."""
    deck = _open(muse_deck)
    props = deck.core_properties
    assert (props.author, props.last_modified_by, props.revision) == (
        "launchbrief",
        "launchbrief",
        1,
    )
    assert props.created == props.modified == document_time()
    assert props.title == muse.title
    assert "Muse Spark" in props.subject
    with zipfile.ZipFile(io.BytesIO(muse_deck)) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(name) for name in names if name.endswith(".xml"))
        assert b"python-pptx" not in everything
        assert b"Steve Canny" not in everything
        assert "docProps/thumbnail.jpeg" not in names
        assert {info.date_time for info in archive.infolist()} == {document_time().timetuple()[:6]}
        workbooks = [name for name in names if name.endswith(".xlsx")]
        assert len(workbooks) >= 2
        stamp = document_time().strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        for name in workbooks:
            with zipfile.ZipFile(io.BytesIO(archive.read(name))) as inner:
                core = inner.read("docProps/core.xml")
                assert re.findall(rb"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == [
                    stamp,
                    stamp,
                ]
                assert {info.date_time for info in inner.infolist()} == {
                    document_time().timetuple()[:6]
                }


def test_source_date_epoch_is_honoured(muse: lb.Launch, monkeypatch: pytest.MonkeyPatch) -> None:
    """SOURCE_DATE_EPOCH sets the deck's created and modified times."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    deck = _open(build_deck([muse], slides=["cover"]))
    assert deck.core_properties.created.year == 2023


# --------------------------------------------------------------------------- templates


def make_corporate_template(
    path: Path, *, sample_slides: int = 2, drop_titles: bool = False
) -> dict[str, str]:
    """Write a corporate-style template: renamed layouts, its own fonts and colours, sample slides.

    Returns the names of the layouts the deck should use and the template's design facts.
    """
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    renames = {
        "Title Slide": "Corporate Cover",
        "Title and Content": "Headline and Text",
        "Title Only": "Headline Only",
        "Section Header": "Chapter Divider",
        "Blank": "Empty Canvas",
    }
    master = prs.slide_master
    for layout in master.slide_layouts:
        layout.name = renames.get(layout.name, f"Corporate {layout.name}")
    # Stretch the 4:3 geometry to 16:9, as a designer would have laid it out.
    for element in [master._element, *(layout._element for layout in master.slide_layouts)]:
        for offset in element.iter(f"{_A}off"):
            offset.set("x", str(int(int(offset.get("x")) * 4 / 3)))
        for extent in element.iter(f"{_A}ext"):
            if extent.getparent().tag == f"{_A}xfrm":
                extent.set("cx", str(int(int(extent.get("cx")) * 4 / 3)))
    if drop_titles:
        for layout in master.slide_layouts:
            for shape in list(layout.placeholders):
                if shape.placeholder_format.type in (
                    PP_PLACEHOLDER.TITLE,
                    PP_PLACEHOLDER.CENTER_TITLE,
                ):
                    shape._element.getparent().remove(shape._element)
    theme_part = master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    theme = etree.fromstring(theme_part.blob)
    theme.find(f".//{_A}fontScheme").set("name", "Corporate")
    theme.find(f".//{_A}majorFont/{_A}latin").set("typeface", "DejaVu Serif")
    theme.find(f".//{_A}minorFont/{_A}latin").set("typeface", "DejaVu Sans")
    scheme = theme.find(f".//{_A}clrScheme")
    scheme.set("name", "Corporate")
    colours = {"dk2": "3B1F2B", "accent1": "0E7C66", "accent2": "D9822B"}
    for name, value in colours.items():
        slot = scheme.find(f"{_A}{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{_A}srgbClr", val=value)
    theme_part.blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
    for n in range(sample_slides):
        layout = next(
            layout for layout in master.slide_layouts if layout.name == "Headline and Text"
        )
        slide = prs.slides.add_slide(layout)
        if slide.shapes.title is not None:
            slide.shapes.title.text = f"Template sample slide {n}"
    prs.save(str(path))
    return {
        "title": "Corporate Cover",
        "content": "Headline and Text",
        "title_only": "Headline Only",
        "major": "DejaVu Serif",
        "minor": "DejaVu Sans",
        "accent": colours["accent1"],
    }


def test_corporate_template_masters_layouts_fonts_and_colours_are_used(
    muse: lb.Launch, tmp_path: Path
) -> None:
    """A deck on a corporate template uses its master, its renamed layouts, its theme fonts and accent."""
    template = tmp_path / "corporate.pptx"
    facts = make_corporate_template(template)
    deck = _open(build_deck([muse], template=template))
    source = Presentation(str(template))
    assert [layout.name for layout in deck.slide_master.slide_layouts] == [
        layout.name for layout in source.slide_master.slide_layouts
    ]
    used = {slide.slide_layout.name for slide in deck.slides}
    assert used <= {facts["title"], facts["content"], facts["title_only"]}
    assert deck.slides[0].slide_layout.name == facts["title"]
    assert facts["title_only"] in used
    theme = etree.fromstring(
        deck.slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
        ).blob
    )
    assert theme.find(f".//{_A}majorFont/{_A}latin").get("typeface") == facts["major"]
    assert theme.find(f".//{_A}minorFont/{_A}latin").get("typeface") == facts["minor"]
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert not any(title.startswith("Template sample slide") for title in titles)
    assert _launched_colours(deck, muse) == {facts["accent"]}
    assert deck.slide_width == source.slide_width


def test_template_decks_are_byte_identical(muse: lb.Launch, tmp_path: Path) -> None:
    """Two decks built on the same template from the same record have the same bytes."""
    template = tmp_path / "corporate.pptx"
    make_corporate_template(template)
    chosen = ["cover", "decisive", "sources", "benchmarks", "method"]
    first = build_deck([muse], template=template, slides=chosen)
    second = build_deck([muse], template=template, slides=chosen)
    assert first == second


def test_potx_template_is_accepted(muse: lb.Launch, tmp_path: Path) -> None:
    """A .potx template (content type of a template) is opened like a .pptx."""
    pptx = tmp_path / "corporate.pptx"
    make_corporate_template(pptx, sample_slides=0)
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(pptx) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"presentationml.presentation.main+xml", b"presentationml.template.main+xml"
                )
            target.writestr(info, data)
    deck = _open(build_deck([muse], template=potx, slides=["cover", "rollout"]))
    assert deck.slides[0].slide_layout.name == "Corporate Cover"


def test_template_without_a_title_layout_is_refused(muse: lb.Launch, tmp_path: Path) -> None:
    """A template none of whose layouts has a title placeholder gets a clear ExportError."""
    template = tmp_path / "untitled.pptx"
    make_corporate_template(template, sample_slides=0, drop_titles=True)
    with pytest.raises(ExportError, match="no usable layout"):
        build_deck([muse], template=template)


def test_broken_template_is_an_export_error(muse: lb.Launch, tmp_path: Path) -> None:
    """A file that is not a presentation gets an ExportError naming it."""
    template = tmp_path / "broken.pptx"
    template.write_bytes(b"not a zip at all")
    with pytest.raises(ExportError, match=r"broken\.pptx"):
        build_deck([muse], template=template)


# --------------------------------------------------------------------------- scaling


def test_part_naming_is_restored_after_building() -> None:
    """The O(1) part naming is set on one package only, and removed when the deck is built."""
    prs = Presentation()
    package = prs.part.package
    with _linear_parts(prs) as names:
        assert package.next_partname == names.next_partname
        first = package.next_partname("/ppt/slides/slide%d.xml")
        second = package.next_partname("/ppt/slides/slide%d.xml")
        assert (str(first), str(second)) == ("/ppt/slides/slide1.xml", "/ppt/slides/slide2.xml")
        assert "next_partname" not in vars(Presentation().part.package)
    assert "next_partname" not in vars(package)


def test_part_names_are_unique_and_sequential(stress_deck: bytes) -> None:
    """Slides, notes, charts and their workbooks get names numbered 1 to n without gaps."""
    with zipfile.ZipFile(io.BytesIO(stress_deck)) as archive:
        names = archive.namelist()
    for pattern in (
        r"ppt/slides/slide(\d+)\.xml",
        r"ppt/notesSlides/notesSlide(\d+)\.xml",
        r"ppt/charts/chart(\d+)\.xml",
    ):
        numbers = sorted(int(m.group(1)) for name in names if (m := re.fullmatch(pattern, name)))
        assert numbers == list(range(1, len(numbers) + 1)), pattern
        assert numbers


# --------------------------------------------------------------------------- property


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(launch=launches())
def test_any_launch_exports_or_fails_cleanly(launch: lb.Launch) -> None:
    """Every generated launch exports (or raises a LaunchbriefError) and reopens with titles on every slide."""
    try:
        data = build_deck([launch])
    except LaunchbriefError:
        return
    deck = _open(data)
    assert len(deck.slides) >= 2
    for slide in deck.slides:
        assert slide.shapes.title is not None
        assert slide.shapes.title.text_frame.text.strip()


# --------------------------------------------------------------------------- LibreOffice


def _convert(files: list[Path], folder: Path) -> list[Path]:
    convert(files, folder)
    pdfs = [folder / f"{file.stem}.pdf" for file in files]
    for pdf in pdfs:
        # soffice exits 0 even when it fails: the PDF is the proof.
        assert pdf.is_file(), f"LibreOffice did not convert {pdf.stem}"
        assert pdf.stat().st_size > 0, f"LibreOffice wrote an empty {pdf.name}"
    return pdfs


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def _pdfwords(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = layout.split("<page ")[1:]
    return [
        [
            (float(a), float(b), float(c), float(d), html.unescape(text))
            for a, b, c, d, text in _WORD.findall(page)
        ]
        for page in pages
    ]


def _shape_texts(slide: object) -> list[tuple[tuple[float, float, float, float], str, bool]]:
    """Each shape's box in points, its text with single spaces, and whether it is a chart."""
    shapes = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        box = (
            shape.left / 12700,
            shape.top / 12700,
            (shape.left + shape.width) / 12700,
            (shape.top + shape.height) / 12700,
        )
        if shape.has_chart:
            shapes.append((box, "", True))
        elif shape.has_table:
            text = " ".join(cell.text_frame.text for row in shape.table.rows for cell in row.cells)
            shapes.append((box, " ".join(text.split()), False))
        elif shape.has_text_frame and shape.text_frame.text.strip():
            shapes.append((box, " ".join(shape.text_frame.text.split()), False))
    return shapes


def overflow_problems(deck_path: Path, pdf: Path) -> list[str]:
    """Words of the PDF that lie outside every shape whose text holds them."""
    deck = Presentation(str(deck_path))
    problems = []
    for number, (slide, words) in enumerate(zip(deck.slides, _pdfwords(pdf), strict=True), start=1):
        shapes = _shape_texts(slide)
        for x0, y0, x1, y1, word in words:
            if set(word) <= {"•"}:  # a bullet belongs to the text beside it
                owners = [box for box, text, _chart in shapes if text]
            else:
                owners = [box for box, text, _chart in shapes if word in text]
            # Charts lay out their own labels, legends and axes: any word may be theirs.
            owners += [box for box, _t, chart in shapes if chart]
            if not owners:
                problems.append(f"slide {number}: {word!r} belongs to no shape")
                continue
            # Glyph boxes are taller than the line: test the middle 60% of the word's height.
            inset = 0.2 * (y1 - y0)
            if not any(
                x0 >= left - 1.5
                and x1 <= right + 1.5
                and y0 + inset >= top - 1.5
                and y1 - inset <= bottom + 1.5
                for left, top, right, bottom in owners
            ):
                problems.append(
                    f"slide {number}: {word!r} at ({x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f}) is outside its shape"
                )
    return problems


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The built-in, stress, template (16:9 and 4:3), long-claim and Aster 2 decks, main deck and appendix, converted to PDF by LibreOffice in one run."""
    folder = tmp_path_factory.mktemp("office")
    template = folder / "corporate.pptx"
    make_corporate_template(template)
    four_by_three = make_four_by_three_template(folder / "corp43.pptx")
    muse = lb.load("muse-spark")
    decks = {
        "muse-spark": build_deck([muse], appendix=True),
        "muse-on-4x3": build_deck([muse], template=four_by_three, appendix=True),
        "stress-test": build_deck([stress_launch()], appendix=True),
        "aster-2": build_deck([lb.load(ASTER)], appendix=True),
        "muse-on-template": build_deck([muse], template=template, appendix=True),
        "long-claim": build_deck([long_claim(40_000)], appendix=True),
    }
    paths = []
    for name, data in decks.items():
        path = folder / f"{name}.pptx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = _convert(paths, folder)
    return {name: (path, pdf) for name, path, pdf in zip(decks, paths, pdfs, strict=True)}


@pytest.mark.office
@pytest.mark.parametrize(
    "name", ["muse-spark", "stress-test", "muse-on-template", "muse-on-4x3", "aster-2"]
)
def test_libreoffice_renders_one_page_per_slide(
    name: str, rendered: dict[str, tuple[Path, Path]]
) -> None:
    """LibreOffice converts the deck to a PDF with exactly one page per slide."""
    deck_path, pdf = rendered[name]
    assert pdf_pages(pdf) == len(Presentation(str(deck_path)).slides)


@pytest.mark.office
@pytest.mark.parametrize(
    "name",
    ["muse-spark", "stress-test", "muse-on-template", "muse-on-4x3", "long-claim", "aster-2"],
)
def test_no_text_outside_its_shape(name: str, rendered: dict[str, tuple[Path, Path]]) -> None:
    """Every word LibreOffice prints lies inside the shape that holds it."""
    deck_path, pdf = rendered[name]
    words = sum(len(page) for page in _pdfwords(pdf))
    assert words > 200
    assert overflow_problems(deck_path, pdf) == []


def overlap_problems(deck_path: Path, pdf: Path) -> list[str]:
    """Words of the PDF that lie inside a text-bearing shape whose text does not hold them.

    A word is placed where LibreOffice printed it; whichever shape it came from, it
    must not sit in the box of another shape with text of its own (the middle of
    the word is tested, so that boxes that merely touch do not count). Charts lay
    out their own words, which other shapes may repeat: they are not tested.
    """
    deck = Presentation(str(deck_path))
    problems = []
    for number, (slide, words) in enumerate(zip(deck.slides, _pdfwords(pdf), strict=True), start=1):
        shapes = _shape_texts(slide)
        texts = [text for _box, text, _chart in shapes if text]
        for x0, y0, x1, y1, word in words:
            if set(word) <= {"•"} or not any(word in text for text in texts):
                continue  # a bullet, or a chart's own word
            x, y = (x0 + x1) / 2, (y0 + y1) / 2
            for (left, top, right, bottom), text, _chart in shapes:
                if not text or word in text:
                    continue
                if left + 1 < x < right - 1 and top + 1 < y < bottom - 1:
                    problems.append(
                        f"slide {number}: {word!r} at ({x0:.0f}, {y0:.0f}) lies in a shape"
                        f" holding {text[:40]!r}"
                    )
    return problems


@pytest.mark.office
@pytest.mark.parametrize("name", ["muse-spark", "muse-on-4x3", "muse-on-template"])
def test_no_text_lies_over_another_shapes_text(
    name: str, rendered: dict[str, tuple[Path, Path]]
) -> None:
    """No word LibreOffice prints lies inside another shape that holds text (no two texts overlap)."""
    deck_path, pdf = rendered[name]
    assert overlap_problems(deck_path, pdf) == []


@pytest.fixture(scope="module")
def rendered_launches(
    four_by_three: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path]]:
    """Each real launch's deck and appendix in house style and on the 4:3 template, converted in one run."""
    folder = tmp_path_factory.mktemp("launches")
    paths = {}
    for name in _LAUNCHES:
        launch = lb.load(ASTER if name == "aster-2" else name)
        for where, template in (("house", None), ("4x3", four_by_three)):
            path = folder / f"{name}-{where}.pptx"
            path.write_bytes(build_deck([launch], template=template, appendix=True))
            paths[f"{name}-{where}"] = path
    pdfs = _convert(list(paths.values()), folder)
    return {key: (path, pdf) for (key, path), pdf in zip(paths.items(), pdfs, strict=True)}


def split_word_problems(deck_path: Path, pdf: Path) -> list[str]:
    """Words LibreOffice prints inside a table that are no word of its cells: a word broken in two.

    A word may break after a hyphen or a dash, a link after a slash and a word cut
    short before its "…", as renderers do; nowhere else.
    """
    deck = Presentation(str(deck_path))
    problems = []
    for number, (slide, words) in enumerate(zip(deck.slides, _pdfwords(pdf), strict=True), start=1):
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            known = set()
            for row in shape.table.rows:
                for cell in row.cells:
                    for word in cell.text_frame.text.split():
                        ends = [0, *(m.end() for m in re.finditer("[-–/]|.(?=…)", word)), len(word)]
                        known.update(word[a:b] for a in ends for b in ends if a < b)
            left, top = shape.left / 12700, shape.top / 12700
            right, bottom = left + shape.width / 12700, top + shape.height / 12700
            for x0, y0, x1, y1, word in words:
                x, y = (x0 + x1) / 2, (y0 + y1) / 2
                if left < x < right and top < y < bottom and word not in known:
                    problems.append(f"slide {number}: {word!r} is part of a word")
    return problems


@pytest.mark.office
@pytest.mark.parametrize("where", ["house", "4x3"])
@pytest.mark.parametrize("name", _LAUNCHES)
def test_no_word_in_a_table_is_broken(
    name: str, where: str, rendered_launches: dict[str, tuple[Path, Path]]
) -> None:
    """Table columns are as wide as their longest word: LibreOffice breaks no word in a cell."""
    deck_path, pdf = rendered_launches[f"{name}-{where}"]
    assert split_word_problems(deck_path, pdf) == []


def _titled_slide(title: str) -> tuple[Any, Any]:
    """A one-slide presentation (python-pptx's own template) whose slide has ``title``."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = title
    return prs, slide


@pytest.mark.office
def test_the_overlap_check_catches_overlap(tmp_path: Path) -> None:
    """The check itself fails a deck where one text box's words run into another's."""
    prs, slide = _titled_slide("Overlap")
    big = slide.shapes.add_textbox(Emu(914400), Emu(1828800), Emu(1828800), Emu(1828800))
    big.text_frame.word_wrap = True
    big.text_frame.text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    small = slide.shapes.add_textbox(Emu(914400), Emu(2286000), Emu(1828800), Emu(457200))
    small.text_frame.text = "omega"
    path = tmp_path / "overlap.pptx"
    prs.save(str(path))
    (pdf,) = _convert([path], tmp_path)
    assert any("lies in a shape" in problem for problem in overlap_problems(path, pdf))


@pytest.mark.office
def test_the_overflow_check_catches_overflow(tmp_path: Path) -> None:
    """The check itself fails a deck whose text box is far too small for its text."""
    prs, slide = _titled_slide("Overflow")
    box = slide.shapes.add_textbox(Emu(914400), Emu(1828800), Emu(1828800), Emu(304800))
    box.text_frame.word_wrap = True
    box.text_frame.text = "far too much text for this small box " * 12
    path = tmp_path / "overflow.pptx"
    prs.save(str(path))
    (pdf,) = _convert([path], tmp_path)
    assert any("outside its shape" in problem for problem in overflow_problems(path, pdf))


def test_template_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """A template entry that unpacks to a thousand times its size is refused within a second."""
    bomb = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/media/zeros.bin", b"\0" * (32 << 20))
    launch = lb.load("muse-spark")
    target = tmp_path / "deck.pptx"
    started = time.perf_counter()
    with pytest.raises(lb.ExportError, match="zip bomb"):
        lb.export(launch, target, template=bomb)
    assert time.perf_counter() - started < 1.0
    assert not target.exists()


def test_template_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    """A template whose XML declares entities (a billion-laughs bomb) is refused."""
    template = tmp_path / "laughs.pptx"
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><p>&lol2;</p>'
    )
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("[Content_Types].xml", laughs)
    with pytest.raises(lb.ExportError, match="entity bomb"):
        lb.export(lb.load("muse-spark"), tmp_path / "deck.pptx", template=template)


def test_template_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    """A .pptx that is not a zip archive gets a plain lb.ExportError."""
    template = tmp_path / "plain.pptx"
    template.write_text("not a deck")
    with pytest.raises(lb.ExportError, match="not a PowerPoint template"):
        lb.export(lb.load("muse-spark"), tmp_path / "deck.pptx", template=template)


@pytest.mark.parametrize("failure", [MemoryError(), OSError(28, "No space left on device")])
def test_system_failures_are_not_called_bad_input(
    failure: BaseException, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running out of memory or disk while building is the system's failure, not an ExportError."""
    from launchbrief.exporters import pptx

    def fail(_deck: object, _brief: object) -> None:
        raise failure

    monkeypatch.setitem(pptx._MAIN, "cover", fail)
    with pytest.raises(type(failure)):
        build_deck([lb.load("muse-spark")])


def test_bad_source_date_epoch_is_refused_before_building(monkeypatch: pytest.MonkeyPatch) -> None:
    """A malformed SOURCE_DATE_EPOCH is an ExportError before any slide is built."""
    from launchbrief.exporters import pptx

    def never(_deck: object, _launch: object) -> None:
        raise AssertionError("a slide was built")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    for parts in (pptx._MAIN, pptx._APPENDIX):
        for name in parts:
            monkeypatch.setitem(parts, name, never)
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH must be a whole number"):
        build_deck([lb.load("muse-spark")], appendix=True)
