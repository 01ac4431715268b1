"""The csv exporter: the tidy results table as RFC 4180 CSV, read back with real readers."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief import cli
from launchbrief.exporters import csv as csv_exporter
from launchbrief.exporters import get_exporter
from launchbrief.exporters.csv import CsvExporter
from launchbrief.model import Score
from launchbrief.tables import RESULT_COLUMN_NAMES, RESULT_COLUMNS, ColumnType, result_rows
from tests import strategies

ASTER = Path(__file__).resolve().parents[3] / "shared" / "data" / "aster-2.yaml"
SOURCES = ("muse-spark", "gemma-3", "phi-4", "olmo-2", str(ASTER))
HOSTILE = ('=HYPERLINK("x")', "+1", "@SUM(A1)", "-2+3", "\tx", "\rcmd")


def _written(launch: lb.Launch, **options: Any) -> bytes:
    stream = io.BytesIO()
    CsvExporter().export(launch, stream, **options)
    return stream.getvalue()


def _dict_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _hostile_launch() -> lb.Launch:
    """A launch whose texts start like formulas, with a negative score and non-ASCII text."""
    models = tuple(
        lb.Model(id=f"m{index}", name=name, launched=index == 0, developer="Лаборатория ☃")
        for index, name in enumerate(HOSTILE)
    )
    return lb.Launch(
        id="hostile",
        title="Hostile",
        developer=lb.Developer(name="Lab"),
        models=models,
        benchmarks=(
            lb.Benchmark(
                id="loss",
                name="Løss — 損失",
                category="=cmd",
                scale=lb.Scale.POINTS,
                direction=lb.Direction.LOWER,
            ),
        ),
        results=tuple(
            lb.Result(benchmark="loss", model=model.id, score=Score(f"-{index}.50"), claim=text)
            for index, (model, text) in enumerate(zip(models, HOSTILE, strict=True))
        ),
    )


def test_exporter_declares_itself() -> None:
    """The csv exporter is registered and declares its name, suffix, media type and description."""
    exporter = get_exporter("csv")
    assert isinstance(exporter, CsvExporter)
    assert ("csv", ".csv", "text/csv", False) == (
        exporter.name,
        exporter.suffix,
        exporter.media_type,
        exporter.document,
    )
    assert exporter.description
    assert "\n" not in exporter.description
    assert isinstance(get_exporter(dest="out.CSV"), CsvExporter)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: Path(s).stem)
def test_dictreader_reads_every_result_as_written(source: str) -> None:
    """csv.DictReader gets the header and a row per result, scores as written, flags true/false."""
    launch = lb.load(source)
    data = _written(launch)
    rows = _dict_rows(data)
    assert list(RESULT_COLUMN_NAMES) == list(rows[0])
    assert len(launch.results) == len(rows)
    for result, row in zip(launch.results, rows, strict=True):
        if result.score is None:
            assert "" == row["score"]
        else:
            assert isinstance(result.score, Score)
            assert result.score.text == row["score"]
        assert row["launched"] in ("true", "false")
        assert row["vendor_only"] in ("true", "false")
        assert row["quoted"] == ("" if result.claim is None else str(result.quoted).lower())
        assert (launch.as_of.isoformat() if launch.as_of else "") == row["as_of"]
    assert data.endswith(b"\r\n")
    assert not data.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: Path(s).stem)
def test_pandas_reads_the_same_table(source: str) -> None:
    """pandas.read_csv gets a row per result with the same scores, ranks and ids as the table."""
    launch = lb.load(source)
    frame = pd.read_csv(io.BytesIO(_written(launch)), keep_default_na=False, na_values=[""])
    expected = result_rows(launch)
    assert list(RESULT_COLUMN_NAMES) == list(frame.columns)
    assert len(expected) == len(frame)
    for row, (_, read) in zip(expected, frame.iterrows(), strict=True):
        if row["score"] is None:
            assert math.isnan(read["score"])
        else:
            assert row["score"] == read["score"]
        assert row["rank"] == (None if pd.isna(read["rank"]) else int(read["rank"]))
        assert (row["model"], row["benchmark"], row["launch"]) == (
            read["model"],
            read["benchmark"],
            read["launch"],
        )


def test_formula_text_is_prefixed_and_numbers_stay_numbers() -> None:
    """Texts that start like formulas come back with a leading ', negative scores as numbers."""
    launch = _hostile_launch()
    data = _written(launch)
    rows = _dict_rows(data)
    assert ["'" + text for text in HOSTILE] == [row["claim"] for row in rows]
    assert ["'" + text for text in HOSTILE] == [row["model_name"] for row in rows]
    assert {"'=cmd"} == {row["category"] for row in rows}
    assert [f"-{index}.50" for index in range(len(HOSTILE))] == [row["score"] for row in rows]
    frame = pd.read_csv(io.BytesIO(data))
    assert "float64" == str(frame["score"].dtype)
    assert [-0.5, -1.5, -2.5, -3.5, -4.5, -5.5] == frame["score"].tolist()


def test_non_ascii_text_survives() -> None:
    """UTF-8 text, Cyrillic, CJK, a snowman, comes back unchanged."""
    rows = _dict_rows(_written(_hostile_launch()))
    assert {"Лаборатория ☃"} == {row["developer"] for row in rows}
    assert {"Løss — 損失"} == {row["benchmark_name"] for row in rows}


def test_quotes_commas_and_line_breaks_round_trip() -> None:
    """A claim with a comma, quotes and a line break is quoted by RFC 4180 rules and reads back."""
    launch = lb.load("muse-spark")
    claim = 'beats "X", and\r\nmore; then, y'
    first = attrs.evolve(launch.results[0], claim=claim, quoted=True)
    launch = attrs.evolve(launch, results=(first, *launch.results[1:]))
    data = _written(launch)
    assert b'"beats ""X"", and\r\nmore; then, y"' in data
    rows = _dict_rows(data)
    assert (claim, "true") == (rows[0]["claim"], rows[0]["quoted"])


def test_bom_option_starts_with_a_byte_order_mark() -> None:
    """bom=True puts one UTF-8 byte-order mark first; the rest is unchanged."""
    launch = lb.load("muse-spark")
    plain, marked = _written(launch), _written(launch, bom=True)
    assert b"\xef\xbb\xbf" + plain == marked
    assert list(RESULT_COLUMN_NAMES) == list(pd.read_csv(io.BytesIO(marked)).columns)


def test_export_to_a_path_is_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure halfway through the rows leaves an existing file untouched and no stray file."""
    launch = lb.load("gemma-3")
    real = csv_exporter._field_writer()
    count = 0

    def failing(value: Any) -> str:
        nonlocal count
        count += 1
        if count > 400 * len(RESULT_COLUMNS):
            raise RuntimeError("disk on fire")
        return real(value)

    monkeypatch.setattr(csv_exporter, "_field_writer", lambda: failing)
    monkeypatch.setattr(csv_exporter, "_CHUNK", 10)
    # Into a stream, the rows before the failure are written: the failure is midway.
    stream = io.BytesIO()
    with pytest.raises(RuntimeError, match="disk on fire"):
        CsvExporter().export(launch, stream)
    assert len(_dict_rows(stream.getvalue())) >= 100
    target = tmp_path / "gemma-3.csv"
    target.write_bytes(b"old bytes")
    for export in (lambda: lb.export(launch, target), lambda: CsvExporter().export(launch, target)):
        count = 0
        with pytest.raises(RuntimeError, match="disk on fire"):
            export()
        assert b"old bytes" == target.read_bytes()
        assert ["gemma-3.csv"] == [path.name for path in tmp_path.iterdir()]


def test_export_to_a_path_replaces_the_file(tmp_path: Path) -> None:
    """launchbrief.export to a .csv path writes the table there."""
    target = tmp_path / "brief.csv"
    target.write_bytes(b"old bytes")
    assert target == lb.export(lb.load("muse-spark"), target)
    assert len(lb.load("muse-spark").results) == len(_dict_rows(target.read_bytes()))


def test_cli_export_writes_the_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`launchbrief export SOURCE -f csv -o DIR` writes DIR/<id>.csv and prints its path."""
    assert 0 == cli.main(["export", str(ASTER), "-f", "csv", "-o", str(tmp_path)])
    written = tmp_path / "aster-2.csv"
    assert str(written) == capsys.readouterr().out.strip()
    rows = _dict_rows(written.read_bytes())
    assert len(lb.load(ASTER).results) == len(rows)


def test_cli_landscape_writes_one_stacked_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`launchbrief export A B --landscape -f csv -o DIR` writes DIR/landscape.csv of both."""
    argv = ["export", "muse-spark", str(ASTER), "--landscape", "-f", "csv", "-o", str(tmp_path)]
    assert 0 == cli.main(argv)
    written = tmp_path / "landscape.csv"
    assert str(written) == capsys.readouterr().out.strip()
    launch_ids = [row["launch"] for row in _dict_rows(written.read_bytes())]
    assert ["muse-spark"] * 15 + ["aster-2"] * len(lb.load(ASTER).results) == launch_ids


def test_landscape_stacks_the_launches(tmp_path: Path) -> None:
    """The landscape export is one table of every launch's rows, in the order given."""
    launches = [lb.load("muse-spark"), lb.load(ASTER)]
    stream = io.BytesIO()
    CsvExporter().export_landscape(launches, stream)
    rows = _dict_rows(stream.getvalue())
    expected = ["muse-spark"] * len(launches[0].results) + ["aster-2"] * len(launches[1].results)
    assert expected == [row["launch"] for row in rows]


@given(strategies.launches())
def test_any_launch_reads_back(launch: lb.Launch) -> None:
    """For any valid launch, every field reads back as the table's value written by the rules."""
    rows = _dict_rows(_written(launch))
    table = result_rows(launch)
    assert len(table) == len(rows)
    for expected, row in zip(table, rows, strict=True):
        for column in RESULT_COLUMNS:
            value, read = expected[column.name], row[column.name]
            if value is None:
                assert "" == read
            elif column.type in (ColumnType.TEXT, ColumnType.CODE):
                assert isinstance(value, str)
                prefixed = value[:1] in ("=", "+", "-", "@", "\t", "\r")
                assert ("'" + value if prefixed else value) == read
            elif column.type is ColumnType.NUMBER:
                assert value == float(read)
            elif column.type is ColumnType.INTEGER:
                assert value == int(read)
            elif column.type is ColumnType.BOOLEAN:
                assert ("true" if value else "false") == read
            else:
                assert value.isoformat() == read  # type: ignore[union-attr]
