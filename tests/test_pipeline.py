"""Property tests of the whole pipeline: any valid launch, through every registered exporter.

Each generated launch (``tests.strategies.launches()``: schema 2 with launched
families, cohorts, settings, bounds and scores written with their decimals; hostile text,
empty and large collections, edge scores) is exported with ``launchbrief.export`` to a real file.
The export either succeeds or raises a ``LaunchbriefError`` and leaves no file; what
it writes is reopened with real readers: JSON and YAML load back equal; a workbook
opens in openpyxl and python-calamine, every sheet readable, and loads back equal; a
deck opens in python-pptx with one title on every slide. Read back, every number is
written as it was (``66.0`` stays ``66.0``).

Example counts follow the Hypothesis profile (``dev`` 25, ``ci`` 60, ``deep`` 2000),
except the deck, which takes about 0.7 s an example: it runs a third of them.
"""

from __future__ import annotations

import csv
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import event, given, settings
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from python_calamine import CalamineWorkbook

import launchbrief as lb
from launchbrief.exceptions import LaunchbriefError
from launchbrief.exporters import get_exporter
from launchbrief.exporters.xlsx import SHEETS, XlsxTextWarning
from launchbrief.model import Score
from launchbrief.tables import RESULT_COLUMNS
from tests.exporters.test_markdown import cells, parse, raw_tables
from tests.strategies import launches, numbers

#: Examples per exporter: the profile's count, a third of it for the slow deck.
_EXAMPLES = settings.default.max_examples
_DECK_EXAMPLES = max(5, _EXAMPLES // 3)

#: Each data sheet of the workbook and the collection it holds, one row per item.
_DATA_SHEETS = {
    "Results": "results",
    "Benchmark details": "benchmarks",
    "Cohorts": "cohorts",
    "Dates": "dates",
    "Models": "models",
    "Modes": "modes",
    "Rollout": "surfaces",
    "Safety": "safety",
    "Use cases": "use_cases",
    "Insights": "insights",
    "Sources": "sources",
}

_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


def _export(
    launch: lb.Launch, name: str, folder: Path, allowed: tuple[type[Warning], ...] = ()
) -> Path | None:
    """Export ``launch`` with exporter ``name``; the path written, or None after a LaunchbriefError.

    Any other exception fails the test, and so does any warning not in ``allowed``.
    A refused export must leave no file behind.
    """
    exporter = get_exporter(name)
    path = folder / f"{launch.id}{exporter.suffix}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            lb.export(launch, path, name)
        except LaunchbriefError as error:
            event(f"{name}: refused with {type(error).__name__}")
            assert not path.exists()
            assert list(folder.iterdir()) == []
            return None
    unexpected = [w for w in caught if not issubclass(w.category, allowed)]
    assert not unexpected, [str(w.message) for w in unexpected]
    if caught:
        event(f"{name}: warned {caught[0].category.__name__}")
    assert path.is_file()
    return path


def _check_text(launch: lb.Launch, path: Path) -> None:
    _assert_loads_back(launch, path)


def _assert_loads_back(launch: lb.Launch, path: Path) -> None:
    """``path`` loads back equal to ``launch``, every Score written as it was."""
    again = lb.load(path)
    assert again == launch
    before, after = dict(numbers(launch)), dict(numbers(again))
    for where, number in before.items():
        if isinstance(number, Score):
            assert number.text == getattr(after[where], "text", None), where


def _check_workbook(launch: lb.Launch, path: Path) -> None:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        assert book.sheetnames == list(SHEETS)
        opened = {
            sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets
        }
    finally:
        book.close()
    calamine = CalamineWorkbook.from_path(str(path))
    assert calamine.sheet_names == list(SHEETS)
    read = {name: calamine.get_sheet_by_name(name).to_python() for name in SHEETS}
    for sheet, collection in _DATA_SHEETS.items():
        if sheet not in SHEETS:
            continue
        expected = len(getattr(launch, collection)) + 1  # the header row
        assert len(opened[sheet]) == expected, sheet
        assert len(read[sheet]) == expected, sheet
    _assert_loads_back(launch, path)


def _check_deck(launch: lb.Launch, path: Path) -> None:
    deck = Presentation(str(path))
    assert len(deck.slides) >= 2
    for number, slide in enumerate(deck.slides, start=1):
        titles = [
            shape
            for shape in slide.placeholders
            if shape.placeholder_format.type in _TITLES and shape.has_text_frame
        ]
        assert len(titles) == 1, f"slide {number} has {len(titles)} titles"
        assert titles[0].text_frame.text.strip(), f"slide {number} has an empty title"


def _check_csv(launch: lb.Launch, path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert [column.name for column in RESULT_COLUMNS] == reader.fieldnames
        rows = list(reader)
    assert len(launch.results) == len(rows)
    for result, row in zip(launch.results, rows, strict=True):
        assert (result.benchmark, result.model) == (row["benchmark"], row["model"])
        if result.score is None:
            assert "" == row["score"]
        elif isinstance(result.score, Score):
            assert result.score.text == row["score"]
        else:
            assert result.score == float(row["score"])


def _check_markdown(launch: lb.Launch, path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    root = parse(text)
    assert 1 == len(root.findall("h1"))
    for table in raw_tables(text):
        widths = {len(cells(line)) for line in table}
        assert 1 == len(widths), table[0]


#: How each registered exporter's output is reopened and checked.
_CHECKS: dict[str, Callable[[lb.Launch, Path], None]] = {
    "csv": _check_csv,
    "json": _check_text,
    "markdown": _check_markdown,
    "yaml": _check_text,
    "xlsx": _check_workbook,
    "pptx": _check_deck,
}


def test_every_registered_exporter_is_checked_here() -> None:
    """Every exporter in the registry has a read-back check in this module, so none goes untested."""
    assert {entry.name for entry in lb.list_exporters()} == set(_CHECKS)


@settings(max_examples=_EXAMPLES)
@given(launch=launches())
def test_csv_export_holds_every_result_as_written(launch: lb.Launch) -> None:
    """A CSV export of any launch has one row per result, in order, each score as written."""
    with tempfile.TemporaryDirectory() as folder:
        path = _export(launch, "csv", Path(folder))
        if path is not None:
            _check_csv(launch, path)


@pytest.mark.parametrize("name", ["json", "yaml"])
@settings(max_examples=_EXAMPLES)
@given(launch=launches())
def test_text_exports_load_back_equal(name: str, launch: lb.Launch) -> None:
    """A JSON or YAML export of any launch loads back equal, and warns about nothing."""
    with tempfile.TemporaryDirectory() as folder:
        path = _export(launch, name, Path(folder))
        if path is not None:
            _check_text(launch, path)


@settings(max_examples=_EXAMPLES)
@given(launch=launches())
def test_workbook_reopens_in_openpyxl_and_calamine_and_loads_back(launch: lb.Launch) -> None:
    """A workbook export opens in openpyxl and python-calamine, every sheet, and loads back equal."""
    with tempfile.TemporaryDirectory() as folder:
        path = _export(launch, "xlsx", Path(folder), allowed=(XlsxTextWarning,))
        if path is not None:
            _check_workbook(launch, path)


@settings(max_examples=_DECK_EXAMPLES)
@given(launch=launches())
def test_deck_reopens_with_one_title_per_slide(launch: lb.Launch) -> None:
    """A deck export opens in python-pptx, and every slide has exactly one non-empty title."""
    with tempfile.TemporaryDirectory() as folder:
        path = _export(launch, "pptx", Path(folder))
        if path is not None:
            _check_deck(launch, path)


@settings(max_examples=max(5, _EXAMPLES // 5))
@given(launch=launches(max_sources=60, max_models=12, max_benchmarks=10, max_results=400))
def test_large_launches_export_everywhere(launch: lb.Launch) -> None:
    """Large generated launches (up to 400 results, 60 sources) export through every exporter."""
    with tempfile.TemporaryDirectory() as folder:
        for name, check in _CHECKS.items():
            allowed: tuple[type[Warning], ...] = (XlsxTextWarning,) if name == "xlsx" else ()
            own = Path(folder) / name
            own.mkdir()
            path = _export(launch, name, own, allowed)
            if path is not None:
                check(launch, path)
