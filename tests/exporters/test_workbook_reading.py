"""Reading a workbook back: bounded sheets, numbers that keep their meaning, text as stored."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import attrs
import openpyxl
import pytest
from defusedxml import DefusedXmlException

from launchbrief.exceptions import InvalidLaunchError
from launchbrief.exporters import _xlsx_cells
from launchbrief.exporters.xlsx import XlsxExporter, XlsxTextWarning, read_workbook
from launchbrief.model import Benchmark, Launch, Result, Scale
from tests.bounded import MEMORY_BYTES, SECONDS, BoundedRun, run_bounded
from tests.office import convert

# --------------------------------------------------------------------------- helpers


def _parts(path: Path) -> dict[str, str]:
    """Sheet name → part name, as the workbook's own relationships give them."""
    with zipfile.ZipFile(path) as archive:
        return _xlsx_cells.WorkbookReader(archive).sheets


def _with_sheet_data(path: Path, target: Path, rows: dict[str, bytes]) -> Path:
    """A copy of ``path`` whose named sheets' ``sheetData`` is replaced by ``rows``."""
    parts = {_parts(path)[sheet]: body for sheet, body in rows.items()}
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in parts:
                data = re.sub(
                    rb"<sheetData>.*</sheetData>|<sheetData/>",
                    lambda _m, body=parts[info.filename]: b"<sheetData>" + body + b"</sheetData>",
                    data,
                    flags=re.DOTALL,
                )
            out.writestr(info.filename, data)
    return target


def _header_and_rows(path: Path, sheet: str, extra: bytes) -> bytes:
    """The sheet's first (header) and second rows (if any) as they are, followed by ``extra``."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(_parts(path)[sheet])
    rows = re.findall(rb"<row [^>]*>.*?</row>", xml, flags=re.DOTALL)
    return b"".join(rows[:2]) + extra


def _refused(run: BoundedRun, name: str) -> None:
    """The command refused the file: exit 2, the file named, no traceback, within the bounds."""
    assert run.returncode == 2, run.report()
    assert name in run.stderr, run.report()
    assert "Traceback" not in run.stderr, run.report()
    assert run.seconds <= SECONDS, run.report()
    assert run.peak_bytes <= MEMORY_BYTES, run.report()


def _problems(path: Path) -> list[str]:
    with pytest.raises(InvalidLaunchError) as caught:
        read_workbook(path)
    return [str(problem) for problem in caught.value.problems]


# --------------------------------------------------------------------------- bounded sheets


def test_value_right_of_the_table_is_refused_with_its_cell(workbook: Path, tmp_path: Path) -> None:
    """A note typed far right of the Results table is reported at its cell, not dropped."""
    row = b'<row r="3"><c r="B3" t="inlineStr"><is><t>charxiv-reasoning</t></is></c>'
    row += b'<c r="XFD3" t="inlineStr"><is><t>check this</t></is></c></row>'
    path = _with_sheet_data(
        workbook, tmp_path / "note.xlsx", {"Results": _header_and_rows(workbook, "Results", row)}
    )
    assert _problems(path) == [
        f"{path}: Results!XFD3: a value outside the table's columns (A–AA); refused: move it"
        " into a column with a header, or delete it"
    ]


def test_empty_formatted_cells_right_of_the_table_are_ignored(
    workbook: Path, tmp_path: Path, launch: Launch
) -> None:
    """Cells right of the table that hold only a format (a fill, a border) are not values."""
    with zipfile.ZipFile(workbook) as archive:
        xml = archive.read(_parts(workbook)["Results"])
    body = re.search(rb"<sheetData>(.*)</sheetData>", xml, flags=re.DOTALL)
    assert body is not None
    padded = body.group(1).replace(b"</row>", b'<c r="XFD1" s="1"/></row>')
    path = _with_sheet_data(workbook, tmp_path / "formatted.xlsx", {"Results": padded})
    assert read_workbook(path) == launch


@pytest.mark.parametrize("value", [b"<v>1</v>", b""], ids=["values", "formats-only"])
def test_one_far_cell_per_row_in_every_sheet_is_bounded(
    workbook: Path, tmp_path: Path, value: bytes
) -> None:
    """Every row of every data sheet holding one cell in column XFD: refused within the bounds.

    With values and within the reading limit, the first far value is named; past the
    limit (200,000 such rows a sheet), the workbook is refused for its size before
    any sheet is parsed.
    """
    rows = 50_000 if value else 200_000
    hostile = {}
    for sheet in ("Launch", "Results", "Benchmark details", "Cohorts", "Models", "Modes",
                  "Rollout", "Safety", "Use cases", "Insights", "Sources", "Dates"):  # fmt: skip
        extra = b"".join(
            b'<row r="%d"><c r="XFD%d" s="1">%s</c></row>' % (r, r, value)
            for r in range(3, rows + 3)
        )
        hostile[sheet] = _header_and_rows(workbook, sheet, extra)
    path = _with_sheet_data(workbook, tmp_path / "far.xlsx", hostile)
    assert path.stat().st_size < 20 * 2**20
    run = run_bounded("validate", str(path))
    _refused(run, "far.xlsx")
    if value:
        assert "Results!XFD3: a value outside the table's columns (A–AA)" in run.stderr
    else:
        assert "too large to read: more than 2,500,000 cells" in run.stderr


_ENTITY_BOMB = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'


@pytest.mark.parametrize(
    "prolog",
    [
        "",  # the document type right after the XML declaration
        "<!-- " + "x" * 70_000 + " -->",  # past the 64 KiB the fast path looks at
    ],
    ids=["after-declaration", "after-a-long-comment"],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_document_type_is_refused_by_the_parser_itself(
    workbook: Path, tmp_path: Path, prolog: str, encoding: str
) -> None:
    """Should a sheet declaring entities reach the reader past the archive check, the parser
    refuses it however it is encoded or hidden: the fast parser only takes parts without one."""
    with zipfile.ZipFile(workbook) as archive:
        part = _parts(workbook)["Results"]
        xml = archive.read(part).decode("utf-8")
    body = xml[xml.index("<worksheet") :].replace("muse-spark", "&lol2;", 1)
    hostile = f'<?xml version="1.0" encoding="{encoding}"?>{prolog}{_ENTITY_BOMB}{body}'
    path = tmp_path / "doctype.xlsx"
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info.filename, hostile.encode(encoding) if info.filename == part else data)
    with zipfile.ZipFile(path) as archive:
        reader = _xlsx_cells.WorkbookReader(archive)
        with pytest.raises(DefusedXmlException):
            list(reader.rows("Results"))


def test_rows_past_the_last_row_are_refused(workbook: Path, tmp_path: Path) -> None:
    """A row numbered past 1,048,576 is refused, naming the sheet and the limit."""
    extra = b'<row r="1048577"><c r="A1048577"><v>1</v></c></row>'
    path = _with_sheet_data(
        workbook, tmp_path / "rows.xlsx", {"Results": _header_and_rows(workbook, "Results", extra)}
    )
    assert _problems(path) == [f"{path}: Results: more than 1,048,576 rows"]


def test_cells_past_the_last_column_are_refused(workbook: Path, tmp_path: Path) -> None:
    """A cell reference past column XFD is refused with its cell."""
    extra = b'<row r="3"><c r="XFE3"><v>1</v></c></row>'
    path = _with_sheet_data(
        workbook, tmp_path / "cols.xlsx", {"Models": _header_and_rows(workbook, "Models", extra)}
    )
    assert _problems(path) == [
        f"{path}: Models!XFE3: a cell beyond column XFD, the last column of a sheet"
    ]


def test_a_row_of_more_cells_than_columns_is_refused(workbook: Path, tmp_path: Path) -> None:
    """One row repeating a cell more times than a sheet has columns is refused before memory grows."""
    extra = b'<row r="3">' + b'<c r="B3" s="1"/>' * 20_000 + b"</row>"
    path = _with_sheet_data(
        workbook, tmp_path / "wide.xlsx", {"Modes": _header_and_rows(workbook, "Modes", extra)}
    )
    assert _problems(path) == [f"{path}: Modes row 3: more than 16,384 cells in one row"]


def test_workbook_past_the_reading_budget_is_refused(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_READ_ELEMENTS the workbook is refused, the limit named."""
    monkeypatch.setattr(_xlsx_cells, "MAX_READ_ELEMENTS", 500)
    problems = _problems(workbook)
    assert len(problems) == 1
    assert "too large to read: more than 500 cells, rows and other XML elements" in problems[0]


def test_many_empty_rows_are_bounded(workbook: Path, tmp_path: Path) -> None:
    """A million empty rows in each of three sheets: refused within the bounds, the limit named."""
    extra = b"".join(b'<row r="%d"/>' % r for r in range(3, 1_000_003))
    path = _with_sheet_data(
        workbook,
        tmp_path / "empty.xlsx",
        {
            sheet: _header_and_rows(workbook, sheet, extra)
            for sheet in ("Results", "Sources", "Models")
        },
    )
    run = run_bounded("validate", str(path))
    _refused(run, "empty.xlsx")
    assert "too large to read" in run.stderr


# --------------------------------------------------------------------------- numbers


def _scales_record(launch: Launch) -> Launch:
    base = launch.benchmarks[0]
    benchmarks = tuple(
        attrs.evolve(base, id=f"on-{scale.value}", name=f"On {scale.value}", scale=scale)
        for scale in Scale
    )
    results = tuple(
        Result(benchmark=b.id, model="muse-spark", score=0.5, sources=("article",))
        for b in benchmarks
    )
    return attrs.evolve(launch, benchmarks=benchmarks, results=results)


def _type_in_results(path: Path, edits: dict[str, tuple[object, str | None]]) -> dict[str, int]:
    """Type values (with a number format) into the Score column of rows by benchmark id; their rows."""
    book = openpyxl.load_workbook(path)
    ws = book["Results"]
    header = [cell.value for cell in ws[1]]
    score = header.index("Score") + 1
    benchmark_column = header.index("Benchmark id") + 1
    rows = {}
    for row in range(2, ws.max_row + 1):
        benchmark = ws.cell(row, benchmark_column).value
        if benchmark in edits:
            value, number_format = edits[benchmark]
            cell = ws.cell(row, score, value)
            if number_format is not None:
                cell.number_format = number_format
            rows[benchmark] = row
    book.save(path)
    return rows


def test_percentages_are_put_on_the_benchmark_scale(tmp_path: Path, launch: Launch) -> None:
    """77% typed as a score reads 77 (exactly, as shown) on a percent scale, 0.77 on a fraction scale."""
    record = _scales_record(launch)
    path = tmp_path / "percent.xlsx"
    XlsxExporter().export(record, path)
    _type_in_results(path, {"on-percent": (0.77, "0%"), "on-fraction": (0.77, "0.0%")})
    scores = {r.benchmark: r.score for r in read_workbook(path).results}
    assert scores["on-percent"] == 77.0
    assert float(scores["on-percent"]) == 77.0  # not 77.00000000000001
    assert repr(scores["on-percent"]) == "77"  # written as the cell shows it
    assert scores["on-fraction"] == 0.77


def test_percentages_on_other_scales_are_refused(tmp_path: Path, launch: Launch) -> None:
    """77% on a points or an Elo scale means nothing: the cell is reported."""
    record = _scales_record(launch)
    path = tmp_path / "points.xlsx"
    XlsxExporter().export(record, path)
    rows = _type_in_results(path, {"on-points": (0.77, "0%"), "on-elo": (0.125, "0.0%")})
    order = {r.benchmark: i for i, r in enumerate(record.results)}
    assert _problems(path) == [
        f"{path}: Results!L{rows[b]} (Score): results[{order[b]}].score: typed as a percentage"
        f" ({shown}), but benchmark '{b}' is on the {b[3:]} scale; type the plain number"
        for b, shown in sorted(
            [("on-points", "77%"), ("on-elo", "12.5%")], key=lambda x: rows[x[0]]
        )
    ]


def test_formula_without_a_saved_value_is_refused(tmp_path: Path, launch: Launch) -> None:
    """A formula nobody computed (openpyxl saves none) is reported at its cell, never dropped."""
    path = tmp_path / "formula.xlsx"
    XlsxExporter().export(launch, path)
    book = openpyxl.load_workbook(path)
    book["Results"]["L12"] = "=A1*2"
    book["Results"]["S3"] = '=CONCAT("a", "b")'
    book["Launch"]["B4"] = "=TODAY()"
    book.save(path)
    problems = _problems(path)
    assert (
        f"{path}: Results!L12 (Score): results[10].score: a formula with no saved value; open and"
        " save the workbook in Excel or LibreOffice, or type the number"
    ) in problems
    assert any(
        p.startswith(f"{path}: Results!S3 (Claim): results[1].claim: a formula with no saved value")
        for p in problems
    )
    assert any("Launch!B4 (Value): title: a formula with no saved value" in p for p in problems)


@pytest.mark.office
def test_formula_saved_by_libreoffice_reads_its_value(tmp_path: Path, launch: Launch) -> None:
    """Once LibreOffice has computed and saved it, a formula score reads as its value."""
    path = tmp_path / "in" / "formula.xlsx"
    path.parent.mkdir()
    XlsxExporter().export(launch, path)
    book = openpyxl.load_workbook(path)
    book["Results"]["L2"] = "=40*2"
    book.save(path)
    convert([path], tmp_path, "xlsx")
    assert read_workbook(tmp_path / "formula.xlsx").results[0].score == 80


# --------------------------------------------------------------------------- text


_ESCAPE_LIKE_TEXTS = (
    "literal _x0041_ stays",
    "lower-case _x00e9_ too",
    "control \x01 and \x1f characters",
    "both _x0001_ and \x01",
    "an escaped underscore _x005F_ alone",
)


@pytest.mark.office
def test_escape_like_text_survives_a_libreoffice_resave(tmp_path: Path, launch: Launch) -> None:
    """Text that looks like an _xHHHH_ escape, and control characters, read back after LibreOffice saved them.

    LibreOffice writes shared strings with Excel's escapes (``_x005F_x0041_`` for a
    literal ``_x0041_``, ``_x0001_`` for U+0001); openpyxl's shared-string reader strips
    every ``x005F_`` and turned the first into ``A``.
    """
    insights = tuple(
        attrs.evolve(launch.insights[0], id=f"odd-{i}", text=text)
        for i, text in enumerate(_ESCAPE_LIKE_TEXTS)
    )
    record = attrs.evolve(launch, insights=insights)
    path = tmp_path / "in" / "escapes.xlsx"
    path.parent.mkdir()
    with pytest.warns(XlsxTextWarning):
        XlsxExporter().export(record, path)
    convert([path], tmp_path, "xlsx")
    resaved = tmp_path / "escapes.xlsx"
    with zipfile.ZipFile(resaved) as archive:
        strings = archive.read("xl/sharedStrings.xml")
    assert b"literal _x005F_x0041_ stays" in strings
    assert [i.text for i in read_workbook(resaved).insights] == list(_ESCAPE_LIKE_TEXTS)


# --------------------------------------------------------------------------- files


def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    """A FIFO named like a workbook is refused as not a regular file, at once."""
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    run = run_bounded("validate", str(fifo), timeout=20)
    _refused(run, "pipe.xlsx")
    assert "not a regular file" in run.stderr
    assert run.seconds < 5


def test_a_device_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A device such as /dev/zero is not read."""
    with pytest.raises(InvalidLaunchError, match="not a regular file"):
        read_workbook("/dev/zero")


def test_big_benchmark_workbook_reads_back_in_time(tmp_path: Path, launch: Launch) -> None:
    """A 20,000-result workbook reads back equal through the command line, within the bounds."""
    benchmarks = tuple(
        Benchmark(id=f"b{i}", name=f"B {i}", category="x", scale=Scale.PERCENT)
        for i in range(4_000)
    )
    results = tuple(
        Result(benchmark=b.id, model=m.id, score=float(i % 100), sources=("article",))
        for i, b in enumerate(benchmarks)
        for m in launch.models
    )
    record = attrs.evolve(launch, benchmarks=benchmarks, results=results)
    path = tmp_path / "big.xlsx"
    XlsxExporter().export(record, path)
    run = run_bounded("validate", str(path))
    assert run.returncode == 0, run.report()
    assert run.seconds <= SECONDS, run.report()
    assert read_workbook(path) == record
