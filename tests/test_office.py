"""Every office document the exporters write opens in LibreOffice, for the built-in and stress launches.

One place for the real-client proof: the built-in launch and the stress record
(``tests.samples.stress_launch``: 60-character names, 12 models, 20 benchmarks, 15
surfaces, 10 findings) are exported through ``launchbrief.export`` as a workbook and
a deck, and LibreOffice converts them all in two runs: every file to PDF, and each
sheet of each workbook to CSV. The content read back from the PDFs and CSVs is
checked. The exporters' own tests go deeper on the built-in launch (article numbers
in the Benchmarks matrix, text inside its shape, a workbook resaved by LibreOffice).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pptx import Presentation

import launchbrief as lb
from launchbrief.exporters.xlsx import SHEETS
from tests.office import CSV_EVERY_SHEET, convert, pdf_pages, pdf_text
from tests.samples import stress_launch

pytestmark = pytest.mark.office

#: The office formats this module converts, by exporter name.
_CONVERTED = {"xlsx", "pptx"}
_RECORDS = ("muse-spark", "stress-test")


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(io.StringIO(stream.read(), newline="")))


@pytest.fixture(scope="module")
def launches() -> dict[str, lb.Launch]:
    """The built-in launch and the stress record, by id."""
    return {"muse-spark": lb.load("muse-spark"), "stress-test": stress_launch()}


@pytest.fixture(scope="module")
def folder(launches: dict[str, lb.Launch], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both launches exported as workbook and deck, then converted by LibreOffice: PDFs and CSVs."""
    root = tmp_path_factory.mktemp("office")
    workbooks = [lb.export(launch, root / f"{name}.xlsx") for name, launch in launches.items()]
    # A deck's PDF would take its workbook's name: the decks get their own stem.
    decks = [lb.export(launch, root / f"{name}-deck.pptx") for name, launch in launches.items()]
    documents = [path for path in (*workbooks, *decks) if path is not None]
    convert(documents, root / "pdf")
    convert([path for path in workbooks if path is not None], root / "csv", CSV_EVERY_SHEET)
    return root


def _pdf(folder: Path, stem: str) -> Path:
    pdf = folder / "pdf" / f"{stem}.pdf"
    assert pdf.is_file(), f"LibreOffice did not convert {stem}"
    assert pdf.stat().st_size > 0, f"LibreOffice wrote an empty {pdf.name}"
    return pdf


def test_every_office_exporter_is_converted_here() -> None:
    """The document exporters in the registry are exactly those this module converts."""
    documents = {entry.name for entry in lb.list_exporters() if entry.load().document}
    assert documents == _CONVERTED


@pytest.mark.parametrize("name", _RECORDS)
def test_workbook_prints_to_pdf_with_every_name(
    name: str, folder: Path, launches: dict[str, lb.Launch]
) -> None:
    """The workbook's PDF holds the title and every model, benchmark, surface and finding, and no ###."""
    launch = launches[name]
    text = pdf_text(_pdf(folder, name))
    assert launch.title in text
    names = [
        *(model.name for model in launch.models),
        *(benchmark.name for benchmark in launch.benchmarks),
        *(surface.name for surface in launch.surfaces),
        *(finding.title for finding in launch.safety),
    ]
    assert [item for item in names if item not in text] == []
    assert "###" not in text  # no column too narrow for its number
    if name == "muse-spark":
        assert "86.4" in text
        assert "CharXiv Reasoning" in text


@pytest.mark.parametrize("name", _RECORDS)
def test_every_sheet_becomes_a_csv(name: str, folder: Path) -> None:
    """LibreOffice writes one non-empty CSV per sheet of the workbook, named after the sheet."""
    files = {path.name: path for path in (folder / "csv").glob(f"{name}-*.csv")}
    assert sorted(files) == sorted(f"{name}-{sheet}.csv" for sheet in SHEETS)
    for path in files.values():
        assert path.stat().st_size > 0, path.name


@pytest.mark.parametrize("name", _RECORDS)
def test_results_csv_holds_every_score(
    name: str, folder: Path, launches: dict[str, lb.Launch]
) -> None:
    """The Results CSV has one row per result, each with the record's exact score (or none)."""
    launch = launches[name]
    path = folder / "csv" / f"{name}-Results.csv"
    assert path.is_file(), f"LibreOffice did not write {path.name}"
    rows = _csv_rows(path)
    assert len(rows) == len(launch.results)
    found = {
        (row["Benchmark id"], row["Model id"], row["Mode id"], row["Cohort id"]): row["Score"]
        for row in rows
    }
    assert len(found) == len(rows)
    for result in launch.results:
        score = found[result.benchmark, result.model, result.mode or "", result.cohort or ""]
        if result.score is None:
            assert score == "", result
        else:
            assert float(score) == result.score, result


@pytest.mark.parametrize("name", _RECORDS)
def test_deck_prints_one_page_per_slide(name: str, folder: Path) -> None:
    """The deck's PDF has exactly one page per slide of the deck."""
    pdf = _pdf(folder, f"{name}-deck")
    slides = len(Presentation(str(folder / f"{name}-deck.pptx")).slides)
    assert slides >= 2
    assert pdf_pages(pdf) == slides
