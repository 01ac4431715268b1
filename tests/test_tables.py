"""The tidy results table: one row of plain values per result, ranked within its cohort."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief import analysis
from launchbrief.exporters.xlsx import XlsxExporter
from launchbrief.model import Score
from launchbrief.tables import (
    RESULT_COLUMN_NAMES,
    RESULT_COLUMNS,
    ColumnType,
    Standing,
    format_comparisons,
    result_rows,
)
from tests import strategies

ASTER = Path(__file__).resolve().parents[2] / "shared" / "data" / "aster-2.yaml"
BUILT_IN = ("muse-spark", "gemma-3", "phi-4", "olmo-2")
SOURCES = (*BUILT_IN, str(ASTER))

_PYTHON_TYPES: dict[ColumnType, tuple[type, ...]] = {
    ColumnType.TEXT: (str,),
    ColumnType.CODE: (str,),
    ColumnType.NUMBER: (float,),
    ColumnType.INTEGER: (int,),
    ColumnType.BOOLEAN: (bool,),
    ColumnType.DATE: (date,),
}


@pytest.fixture(scope="module", params=SOURCES, ids=lambda s: Path(s).stem)
def launch(request: pytest.FixtureRequest) -> lb.Launch:
    """Each built-in launch and the illustrative schema-2 record."""
    return lb.load(request.param)


def _check_plain(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        assert list(RESULT_COLUMN_NAMES) == list(row)
        for column in RESULT_COLUMNS:
            value = row[column.name]
            if value is None:
                assert column.nullable, column.name
                continue
            assert isinstance(value, _PYTHON_TYPES[column.type]), (column.name, value)
            # bool is an int: an integer column never holds one, nor a number column.
            if column.type is not ColumnType.BOOLEAN:
                assert not isinstance(value, bool), column.name
            if column.type is ColumnType.CODE:
                assert value in column.codes, (column.name, value)
                assert type(value) is str, column.name  # a code, not an enum member


def _standing_of(launch: lb.Launch, row: dict[str, Any]) -> analysis.Standing | None:
    board = analysis.leaderboard(launch, row["benchmark"], row["cohort"])
    for standing in board.standings:
        same_mode = (standing.mode.id if standing.mode else None) == row["mode"]
        if standing.model.id == row["model"] and same_mode:
            return standing
    return None


def test_one_row_per_result_of_plain_values(launch: lb.Launch) -> None:
    """Every result gives one row, in record order, of plain Python values of its column's type."""
    rows = result_rows(launch)
    assert len(launch.results) == len(rows)
    assert [(r.benchmark, r.model, r.cohort, r.mode) for r in launch.results] == [
        (row["benchmark"], row["model"], row["cohort"], row["mode"]) for row in rows
    ]
    _check_plain(rows)
    assert {launch.id} == {row["launch"] for row in rows}
    assert {launch.as_of} == {row["as_of"] for row in rows}


def test_scores_keep_their_written_form(launch: lb.Launch) -> None:
    """A row's score is the result's own Score, written as the source wrote it."""
    for result, row in zip(launch.results, result_rows(launch), strict=True):
        if result.score is None:
            assert row["score"] is None
        else:
            assert isinstance(row["score"], Score)
            assert result.score.text == row["score"].text  # type: ignore[union-attr]


def test_ranks_are_the_leaderboards_of_their_cohort(launch: lb.Launch) -> None:
    """Rank, gap, entries and standing come from the result's own benchmark-and-cohort leaderboard."""
    for row in result_rows(launch):
        board = analysis.leaderboard(launch, row["benchmark"], row["cohort"])
        assert len(board.standings) == row["entries"]
        assert board.warning == row["comparability"]
        if row["score"] is None:
            assert (None, None, "in_words_only") == (row["rank"], row["gap"], row["standing"])
            continue
        standing = _standing_of(launch, row)
        assert standing is not None
        if standing.rank is None:
            assert (None, None, "no_rival_numbers") == (row["rank"], row["gap"], row["standing"])
        else:
            assert (standing.rank, standing.gap, "ranked") == (
                row["rank"],
                row["gap"],
                row["standing"],
            )


def test_never_ranks_across_cohorts() -> None:
    """Two cohorts of one benchmark are ranked apart: a number is compared only within its cohort."""
    launch = lb.Launch(
        id="two-tables",
        title="Two tables",
        developer=lb.Developer(name="Lab"),
        models=(
            lb.Model(id="ours", name="Ours", launched=True),
            lb.Model(id="rival", name="Rival"),
        ),
        cohorts=(lb.Cohort(id="base", name="Base"), lb.Cohort(id="chat", name="Chat")),
        benchmarks=(lb.Benchmark(id="mmlu", name="MMLU", category="knowledge"),),
        results=(
            lb.Result(benchmark="mmlu", model="ours", cohort="base", score=Score("50.0")),
            lb.Result(benchmark="mmlu", model="rival", cohort="base", score=Score("60.0")),
            lb.Result(benchmark="mmlu", model="ours", cohort="chat", score=Score("90.0")),
            lb.Result(benchmark="mmlu", model="rival", cohort="chat", score=Score("10.0")),
        ),
    )
    rows = result_rows(launch)
    assert [2, 1, 1, 2] == [row["rank"] for row in rows]
    assert [2, 2, 2, 2] == [row["entries"] for row in rows]
    assert ["Base", "Base", "Chat", "Chat"] == [row["cohort_name"] for row in rows]


def test_unranked_and_words_only_results() -> None:
    """A number without a rival's is not ranked; a result in words has no number, rank or gap."""
    launch = lb.Launch(
        id="alone",
        title="Alone",
        developer=lb.Developer(name="Lab"),
        models=(lb.Model(id="ours", name="Ours", launched=True), lb.Model(id="rival", name="R")),
        benchmarks=(lb.Benchmark(id="b", name="B", category="c", scale=lb.Scale.POINTS),),
        results=(
            lb.Result(benchmark="b", model="ours", score=Score("-3.50")),
            lb.Result(
                benchmark="b",
                model="rival",
                comparisons=(lb.Comparison(relation=lb.Relation.TRAILS, versus=("ours",)),),
                claim="behind",
            ),
        ),
    )
    ours, rival = result_rows(launch)
    assert (None, 1, None, Standing.NO_RIVAL_NUMBERS) == (
        ours["rank"],
        ours["entries"],
        ours["gap"],
        ours["standing"],
    )
    assert "-3.50" == ours["score"].text  # type: ignore[union-attr]
    assert (None, None, "in_words_only", "trails: ours") == (
        rival["score"],
        rival["rank"],
        rival["standing"],
        rival["comparison"],
    )
    assert (None, False) == (ours["quoted"], rival["quoted"])  # no claim: no quoted flag
    assert (None, None) == (ours["as_of"], ours["settings"])


def test_several_launches_stack_in_order() -> None:
    """An iterable of launches gives their tables one after the other, in the order given."""
    launches = [lb.load(name) for name in ("muse-spark", "phi-4")]
    expected = result_rows(launches[0]) + result_rows(launches[1])
    assert expected == result_rows(launches)
    assert expected == result_rows(iter(launches))
    assert [] == result_rows([])


def test_a_non_launch_is_refused() -> None:
    """Anything but launches in the iterable is a TypeError naming what it got."""
    with pytest.raises(TypeError, match="expected a Launch, got str"):
        result_rows(["muse-spark"])  # type: ignore[list-item]


def test_columns_are_unique_and_their_codes_are_the_enums() -> None:
    """Column names are unique snake_case; code columns list every value of their enum, in order."""
    assert len(set(RESULT_COLUMN_NAMES)) == len(RESULT_COLUMNS)
    assert all(name.isidentifier() and name.islower() for name in RESULT_COLUMN_NAMES)
    codes = {column.name: column.codes for column in RESULT_COLUMNS if column.codes}
    assert {
        "scale": tuple(lb.Scale),
        "direction": tuple(lb.Direction),
        "standing": tuple(Standing),
    } == codes
    assert all(column.type is ColumnType.CODE for column in RESULT_COLUMNS if column.codes)


def _workbook_results(launch: lb.Launch, folder: Path) -> list[dict[str, Any]]:
    path = folder / f"{launch.id}.xlsx"
    XlsxExporter().export(launch, path)
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = [tuple(row) for row in book["Results"].iter_rows(values_only=True)]
    finally:
        book.close()
    header = [str(value) for value in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("source", ["muse-spark", "phi-4", str(ASTER)], ids=Path)
def test_rows_agree_with_the_workbook_results_sheet(source: str, tmp_path: Path) -> None:
    """Every column with a workbook twin holds the same value as the Results sheet, read back."""
    launch = lb.load(source)
    sheet = _workbook_results(launch, tmp_path)
    rows = result_rows(launch)
    headers = {column.name: column.header for column in RESULT_COLUMNS if column.header}
    assert set(headers.values()) <= set(sheet[0])
    worded = {"scale", "direction", "standing"}  # display words in the workbook, codes here
    for row, cells in zip(rows, sheet, strict=True):
        for name, header in headers.items():
            if name in worded:
                continue
            value, cell = row[name], cells[header]
            if name == "as_of" and cell is not None:
                cell = cell.date()
            assert value == cell, (name, value, cell)


def test_format_comparisons_reads_like_the_workbook() -> None:
    """Comparisons are one text: relation, then model ids; none gives None."""
    comparisons = (
        lb.Comparison(relation=lb.Relation.TRAILS, versus=("gemini-3-1-pro", "gpt-5-4")),
        lb.Comparison(relation=lb.Relation.LEADS),
    )
    assert "trails: gemini-3-1-pro, gpt-5-4; leads" == format_comparisons(comparisons)
    assert format_comparisons(()) is None


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: Path(s).stem)
def test_analysis_results_as_plain_dicts_are_json(source: str) -> None:
    """attrs.asdict() of a leaderboard, the scorecard and the rollout gives JSON-ready data."""
    launch = lb.load(source)
    for value in (*lb.leaderboards(launch), lb.scorecard(launch), lb.rollout(launch)):
        data = attrs.asdict(value)  # enums are str, scores floats; tuples stay tuples
        assert _listed(data) == json.loads(json.dumps(data))


def _listed(data: Any) -> Any:
    """``data`` with tuples as lists, as JSON gives them back."""
    if isinstance(data, dict):
        return {key: _listed(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_listed(item) for item in data]
    return data


def test_asdict_gives_codes_and_floats() -> None:
    """In attrs.asdict() output an enum is its code (a str) and a score a float."""
    launch = lb.load("muse-spark")
    data = json.loads(json.dumps(attrs.asdict(lb.leaderboards(launch)[0])))
    assert "percent" == data["benchmark"]["scale"]
    assert isinstance(data["standings"][0]["score"], float)


@given(strategies.launches())
def test_any_launch_gives_one_plain_row_per_result(launch: lb.Launch) -> None:
    """For any valid launch: one row per result, plain values, ranks only where a rival has a number."""
    rows = result_rows(launch)
    assert len(launch.results) == len(rows)
    _check_plain(rows)
    for row in rows:
        assert (row["rank"] is not None) == (row["standing"] == "ranked")
        assert (row["score"] is None) == (row["standing"] == "in_words_only")
        assert row["rank"] is None or 1 <= row["rank"] <= row["entries"]


DOC = Path(__file__).resolve().parents[1] / "docs" / "csv-and-pandas.md"


def _column_table() -> str:
    """The columns table of docs/csv-and-pandas.md, as RESULT_COLUMNS gives it."""
    lines = ["| column | type | workbook column | meaning |", "| --- | --- | --- | --- |"]
    for column in RESULT_COLUMNS:
        kind = column.type.value + ("" if column.nullable else ", never empty")
        if column.codes:
            kind += ": " + ", ".join(f"`{code}`" for code in column.codes)
        lines.append(f"| `{column.name}` | {kind} | {column.header or '—'} | {column.meaning} |")
    return "\n".join(lines)


def test_doc_lists_every_column_as_the_code_does() -> None:
    """The columns table of docs/csv-and-pandas.md is RESULT_COLUMNS, row for row."""
    text = DOC.read_text("utf-8")
    start = text.index("| column | type | workbook column | meaning |")
    end = text.index("\n<!-- end of columns -->", start)
    assert _column_table() == text[start:end]


def test_doc_python_examples_run_and_print_what_they_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each Python block of docs/csv-and-pandas.md runs, and prints what its comment shows."""
    import re

    monkeypatch.chdir(tmp_path)
    launch = lb.load("muse-spark")
    (tmp_path / "out").mkdir()
    lb.export(launch, tmp_path / "out" / "muse-spark.csv")
    lb.export(launch, tmp_path / "muse-spark.xlsx")
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), re.DOTALL)
    assert len(blocks) >= 5
    for code in blocks:
        namespace: dict[str, Any] = {"__name__": "doc"}
        exec(compile(code, str(DOC), "exec"), namespace)
        shown = re.findall(r"^print\(.*\)  # (.*)$", code, re.MULTILINE)
        printed = capsys.readouterr().out
        if shown:
            assert shown == printed.splitlines()
        if "read_excel" in code:
            results = namespace["results"]
            assert "Int64" == str(results["Rank"].dtype)
            assert to_frame_ranks(launch) == list(results["Rank"])
        if "read_csv" in code:
            frame = namespace["frame"]
            assert "Int64" == str(frame["rank"].dtype)
            assert len(launch.results) == len(namespace["rows"]) == len(frame)


def to_frame_ranks(launch: lb.Launch) -> list[Any]:
    """The ranks of the tidy table, <NA> where unranked, as pandas compares them."""
    import pandas as pd

    return [pd.NA if row["rank"] is None else row["rank"] for row in result_rows(launch)]
