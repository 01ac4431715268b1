"""The landscape workbook: several launches compared, read back with openpyxl, python-calamine and LibreOffice."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

import launchbrief
from launchbrief import cli
from launchbrief.exceptions import ExportError, InvalidLaunchError
from launchbrief.exporters._xlsx_landscape import (
    LANDSCAPE_SHEETS,
    benchmark_key,
    cross_leaderboards,
)
from launchbrief.exporters.xlsx import export_landscape
from launchbrief.model import (
    Benchmark,
    Developer,
    Launch,
    Model,
    Result,
    Scale,
    Settings,
    Source,
    SourceKind,
)
from tests.office import CSV_EVERY_SHEET, convert, pdf_text
from tests.strategies import launches as launch_records

# --------------------------------------------------------------------------- records


def _record(
    launch_id: str,
    title: str,
    developer: str,
    models: list[Model],
    benchmarks: list[Benchmark],
    results: list[Result],
    as_of: date,
) -> Launch:
    source = Source(id="report", name=f"{developer} report", kind=SourceKind.VENDOR)
    return Launch(
        id=launch_id,
        title=title,
        developer=Developer(name=developer, sources=("report",)),
        as_of=as_of,
        models=tuple(models),
        benchmarks=tuple(benchmarks),
        results=tuple(results),
        sources=(source,),
    )


def _orbit() -> Launch:
    """Names CharXiv differently, runs HealthBench 0-shot, and reports HumanEval+ (not HumanEval)."""
    return _record(
        "orbit-2",
        "Orbit Labs launches Orbit 2",
        "Orbit Labs",
        [
            Model(id="orbit-2", name="Orbit 2", launched=True, sources=("report",)),
            Model(id="orbit-2-mini", name="Orbit 2 Mini", launched=True, sources=("report",)),
            Model(id="gpt-5-4", name="GPT 5.4", developer="OpenAI", sources=("report",)),
        ],
        [
            Benchmark(id="charxiv", name="CharXiv-Reasoning", category="multimodal"),
            Benchmark(
                id="healthbench-hard",
                name="HealthBench (hard)",
                category="health",
                settings=Settings(shots=0),
            ),
            Benchmark(id="humaneval-plus", name="HumanEval+", category="coding"),
        ],
        [
            Result(benchmark="charxiv", model="orbit-2", score=88.10, sources=("report",)),
            Result(benchmark="charxiv", model="orbit-2-mini", score=86.4, sources=("report",)),
            Result(benchmark="charxiv", model="gpt-5-4", score=82.0, sources=("report",)),
            Result(benchmark="healthbench-hard", model="orbit-2", score=45.0, sources=("report",)),
            Result(benchmark="humaneval-plus", model="orbit-2", score=80.0, sources=("report",)),
        ],
        date(2026, 12, 1),
    )


def _cirrus() -> Launch:
    """Runs CharXiv 5-shot, under yet another id and spelling, and reports HumanEval."""
    return _record(
        "cirrus-1",
        "Cirrus 1 is out",
        "Cirrus AI",
        [Model(id="cirrus-1", name="Cirrus 1", launched=True, sources=("report",))],
        [
            Benchmark(
                id="cxr",
                name="charxiv reasoning",
                category="multimodal",
                settings=Settings(shots=5),
            ),
            Benchmark(id="humaneval", name="HumanEval", category="coding"),
        ],
        [
            Result(benchmark="cxr", model="cirrus-1", score=90.0, sources=("report",)),
            Result(benchmark="humaneval", model="cirrus-1", score=85.0, sources=("report",)),
        ],
        date(2026, 12, 2),
    )


@pytest.fixture(scope="module")
def trio() -> list[Launch]:
    """Muse Spark (built in), Orbit 2 and Cirrus 1: CharXiv shared by all three, two setups."""
    return [launchbrief.load("muse-spark"), _orbit(), _cirrus()]


@pytest.fixture(scope="module")
def landscape(tmp_path_factory: pytest.TempPathFactory, trio: list[Launch]) -> Path:
    """The trio's landscape workbook."""
    path = tmp_path_factory.mktemp("landscape") / "landscape.xlsx"
    export_landscape(trio, path)
    return path


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _records(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    header = [str(value) for value in rows[0]]
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


# --------------------------------------------------------------------------- what is compared


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("MMLU-Pro", "mmlu_pro", True),
        ("MMLU Pro", "mmlu-pro", True),
        ("GPQA (diamond)", "GPQA Diamond", True),
        ("Größe Bench", "GROSSE bench", True),  # casefolded: ß is ss
        ("Café QA", "cafe-qa", True),
        ("HumanEval", "HumanEval+", False),
        ("WMT24++", "wmt24", False),
        ("MMLU", "MMMU", False),
    ],
)
def test_benchmark_key(first: str, second: str, same: bool) -> None:
    """Names match once reduced to letters and digits; '+' counts; accents do not."""
    assert (benchmark_key(first) == benchmark_key(second)) is same


def test_boards_match_by_id_or_name_and_never_mix_settings(trio: list[Launch]) -> None:
    """CharXiv is one benchmark in all three launches (by name across three ids); its 5-shot
    entries are a leaderboard apart from the others; HumanEval and HumanEval+ are not matched."""
    boards = cross_leaderboards(trio)
    assert [board.title for board in boards] == [
        "CharXiv Reasoning — settings not given (2 launches)",
        "CharXiv Reasoning — 5-shot (1 launch)",
        "HealthBench Hard — 0-shot (1 launch)",
        "HealthBench Hard — settings not given (1 launch)",
    ]
    charxiv, five_shot, zero_shot, health = boards
    assert [(e.launch.id, e.label, e.score, e.rank, e.gap) for e in charxiv.entries] == [
        ("orbit-2", "Orbit 2", 88.1, 1, 0.0),
        ("muse-spark", "Muse Spark", 86.4, 2, 1.7),
        ("orbit-2", "Orbit 2 Mini", 86.4, 2, 1.7),  # a tie shares the rank
    ]
    assert charxiv.notes == (
        "not strictly comparable: settings not given vs 5-shot",
        "the sources give no settings: the launches may have run the benchmark differently",
    )
    assert [(e.launch.id, e.rank) for e in five_shot.entries] == [("cirrus-1", None)]
    assert five_shot.notes == (
        "not strictly comparable: 5-shot vs settings not given",
        "only one launch reports it under these settings: not ranked across launches",
    )
    assert {e.launch.id for e in health.entries} == {"muse-spark"}
    assert {e.launch.id for e in zero_shot.entries} == {"orbit-2"}
    assert "not strictly comparable: 0-shot vs settings not given" in zero_shot.notes
    # Rivals are not on the cross-launch leaderboards.
    assert not any(e.model.id == "gpt-5-4" for board in boards for e in board.entries)


@settings(max_examples=25, deadline=None)
@given(st.lists(launch_records(), min_size=2, max_size=3))
def test_a_leaderboard_never_spans_two_settings(records: list[Launch]) -> None:
    """On any launches, every entry of a leaderboard ran under its settings, on its scale,
    and only launched models with numbers are on it; ranks only where two launches are."""
    names = ("MMLU", "mmlu", "GSM-8K")  # benchmarks renamed so that the launches share some
    records = [
        attrs.evolve(
            record,
            id=f"launch-{i}",
            benchmarks=tuple(
                attrs.evolve(b, name=names[j % len(names)]) for j, b in enumerate(record.benchmarks)
            ),
        )
        for i, record in enumerate(records)
    ]
    for board in cross_leaderboards(records):
        for entry in board.entries:
            assert entry.launch.settings(entry.result) == board.settings
            assert (entry.benchmark.scale, entry.benchmark.direction) == (
                board.scale,
                board.direction,
            )
            assert entry.model.launched
            assert entry.result.score is not None
            assert (entry.rank is not None) is board.ranked
        assert len({id(e.launch) for e in board.entries}) == board.launches


def test_mismatched_scales_are_apart_and_say_so() -> None:
    """One benchmark reported as a percent by one launch and as a fraction by another: two
    leaderboards, each naming its scale."""
    first = _cirrus()
    second = attrs.evolve(
        _orbit(),
        benchmarks=(
            Benchmark(id="humaneval", name="HumanEval", category="coding", scale=Scale.FRACTION),
        ),
        results=(Result(benchmark="humaneval", model="orbit-2", score=0.81, sources=("report",)),),
    )
    boards = cross_leaderboards([first, second])
    assert [board.setup for board in boards] == [
        "settings not given, fraction",
        "settings not given, percent",
    ]
    assert boards[0].notes[0] == (
        "not strictly comparable: settings not given, fraction vs settings not given, percent"
    )


# --------------------------------------------------------------------------- the workbook


def test_sheets_tables_and_launches(landscape: Path, trio: list[Launch]) -> None:
    """Summary, Launches, Results, Leaderboards; Launches and Results are Excel Tables; one
    Launches row per launch with its counts, dates as dates."""
    workbook = openpyxl.load_workbook(landscape)
    assert workbook.sheetnames == list(LANDSCAPE_SHEETS)
    tables = {
        name: next(iter(workbook[name].tables.values())).displayName
        for name in ("Launches", "Results")
    }
    assert tables == {"Launches": "Launches", "Results": "LandscapeResults"}
    for name in ("Launches", "Results"):
        ws = workbook[name]
        table = next(iter(ws.tables.values()))
        assert [c.name for c in table.tableColumns] == [cell.value for cell in ws[1]]
        assert table.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    rows = _records(_rows(landscape, "Launches"))
    assert [row["Launch"] for row in rows] == [launch.id for launch in trio]
    muse, orbit, cirrus = rows
    assert muse["As-of"] == datetime(2026, 11, 30)
    assert muse["Launched model names"] == "Muse Spark"
    assert (muse["Surfaces live"], muse["Surfaces planned"]) == (2, 5)
    assert (muse["Results"], muse["Sources"]) == (15, 7)
    assert (orbit["Launched models"], orbit["Launched model names"]) == (2, "Orbit 2; Orbit 2 Mini")
    assert (muse["Shared benchmarks"], orbit["Shared benchmarks"], cirrus["Shared benchmarks"]) == (
        2,
        2,
        1,
    )


def test_results_pivot_across_launches(landscape: Path, trio: list[Launch]) -> None:
    """One Results row per result of every launch, with the launch, its as-of date, whether the
    model is launched, the matched benchmark and the score as a number formatted as written."""
    workbook = openpyxl.load_workbook(landscape)
    ws = workbook["Results"]
    header = [cell.value for cell in ws[1]]
    assert header == [
        "Launch", "As-of", "Launched", "Developer", "Model", "Mode", "Benchmark",
        "Matched benchmark", "Category", "Cohort", "Settings", "Score", "Scale", "Direction",
        "Claim", "Sources",
    ]  # fmt: skip
    rows = [dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == sum(len(launch.results) for launch in trio)
    per_launch: dict[str, int] = {}
    for row in rows:
        per_launch[row["Launch"].value] = per_launch.get(row["Launch"].value, 0) + 1
    assert per_launch == {launch.id: len(launch.results) for launch in trio}
    orbit = [row for row in rows if row["Launch"].value == "orbit-2"]
    first = orbit[0]
    assert first["As-of"].value == datetime(2026, 12, 1)
    assert first["As-of"].number_format == "yyyy-mm-dd"
    assert first["Launched"].value is True
    assert first["Developer"].value == "Orbit Labs"  # a launched model without its own
    assert first["Benchmark"].value == "CharXiv-Reasoning"
    assert first["Matched benchmark"].value == "CharXiv Reasoning"
    assert first["Score"].value == 88.1
    assert first["Score"].number_format == "#,##0.0"
    assert first["Scale"].value == "Percent"
    assert first["Direction"].value == "Higher"
    assert orbit[2]["Launched"].value is False  # GPT 5.4, a rival: kept for pivots
    assert orbit[3]["Settings"].value == "0-shot"
    muse = {row["Benchmark"].value: row for row in rows if row["Launch"].value == "muse-spark"}
    assert muse["ARC AGI 2"]["Score"].value is None
    assert muse["ARC AGI 2"]["Claim"].value.startswith("“")  # the source's own words, quoted
    assert muse["ARC AGI 2"]["Sources"].value == "Meta benchmark chart; Source article"
    book = CalamineWorkbook.from_path(str(landscape))
    found = _records([tuple(row) for row in book.get_sheet_by_name("Results").to_python()])
    assert [row["Score"] for row in found if row["Launch"] == "cirrus-1"] == [90.0, 85.0]
    assert {row["As-of"] for row in found if row["Launch"] == "cirrus-1"} == {date(2026, 12, 2)}
    assert book.sheet_names == list(LANDSCAPE_SHEETS)


def test_leaderboards_sheet_holds_each_block(landscape: Path, trio: list[Launch]) -> None:
    """Each cross-launch leaderboard is a block: its title, its notes, a header and its entries."""
    rows = [row for row in _rows(landscape, "Leaderboards") if any(v is not None for v in row)]
    texts = [row[0] for row in rows if isinstance(row[0], str)]
    boards = cross_leaderboards(trio)
    for board in boards:
        assert board.title in texts
        for note in board.notes:
            assert note in texts
    start = texts.index(boards[0].title)
    entries = [row for row in rows if len(row) > 1 and row[1] not in (None, "Launch")]
    block = entries[:3]
    assert [row[:5] for row in block] == [
        (1, "orbit-2", "Orbit 2", 88.1, 0.0),
        (2, "muse-spark", "Muse Spark", 86.4, 1.7),
        (2, "orbit-2", "Orbit 2 Mini", 86.4, 1.7),
    ]
    assert start < texts.index(boards[1].title)


def test_summary_says_what_is_compared(landscape: Path) -> None:
    """The Summary names the launches, the matching rule and the one-setup rule."""
    texts = [v for row in _rows(landscape, "Summary") for v in row if isinstance(v, str)]
    text = "\n".join(texts)
    assert texts[0] == "AI model launch landscape: 3 launches"
    assert "records as of 2026-11-30 to 2026-12-02" in texts[1]
    for title in ("Meta launches Muse Spark", "Orbit Labs launches Orbit 2", "Cirrus 1 is out"):
        assert any(t.startswith(title) for t in texts)
    assert "HumanEval and HumanEval+ do not" in text
    assert "Never one leaderboard across different settings" in text
    assert "2 benchmarks with a launched model's number in two or more launches" in text


def test_a_stream_gets_the_same_bytes_and_two_exports_are_identical(
    landscape: Path, trio: list[Launch]
) -> None:
    """Written to a stream or a path, the landscape is byte-identical, export after export."""
    stream = io.BytesIO()
    export_landscape(trio, stream)
    assert stream.getvalue() == landscape.read_bytes()


@pytest.mark.parametrize(
    ("launches", "options", "message"),
    [
        ([], {}, "a landscape needs at least one launch"),
        (["muse", "muse"], {}, "the id 'muse-spark' is also launches\\[0\\]'s"),
        (["muse"], {"accent": "blue"}, "accent must be a colour"),
        (["not a launch"], {}, "launches\\[0\\] is a str, not a launch record"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    tmp_path: Path, launches: list[str], options: dict[str, str], message: str
) -> None:
    """No launches, a launch twice, a bad accent or a non-launch: an ExportError, the
    existing file untouched."""
    muse = launchbrief.load("muse-spark")
    records: list[Any] = [muse if item == "muse" else item for item in launches]
    target = tmp_path / "landscape.xlsx"
    target.write_bytes(b"keep me")
    with pytest.raises(ExportError, match=message):
        export_landscape(records, target, **options)
    assert target.read_bytes() == b"keep me"
    assert os.listdir(tmp_path) == ["landscape.xlsx"]


def test_a_landscape_does_not_load_as_a_launch(landscape: Path) -> None:
    """Loading a landscape says what it is, in one problem; validate exits 2 without a traceback."""
    with pytest.raises(InvalidLaunchError) as caught:
        launchbrief.load(landscape)
    (problem,) = caught.value.problems
    assert "a landscape workbook of several launches" in problem.message
    assert cli.main(["validate", str(landscape)]) == 2


def test_no_shared_benchmark_still_makes_a_workbook(tmp_path: Path) -> None:
    """Launches that share no benchmark: the Leaderboards sheet says so; Results holds them all."""
    path = tmp_path / "apart.xlsx"
    cirrus = _cirrus()
    humaneval_only = attrs.evolve(
        cirrus, benchmarks=cirrus.benchmarks[1:], results=cirrus.results[1:]
    )
    export_landscape([launchbrief.load("muse-spark"), humaneval_only], path)
    texts = [v for row in _rows(path, "Leaderboards") for v in row if isinstance(v, str)]
    assert texts == ["No benchmark has a launched model's number in two or more launches."]
    assert len(_rows(path, "Results")) == 1 + 15 + 1


# --------------------------------------------------------------------------- bounded

_BOUNDED = textwrap.dedent(
    """
    import resource, sys, time
    sys.path.insert(0, {root!r})
    import attrs
    from tests.samples import family_launch
    from launchbrief.exporters.xlsx import export_landscape
    base = family_launch(models=4, benchmarks=50, cohorts=3)
    launches = [
        attrs.evolve(base, id=f"nova-{{i:03d}}", title=f"Nova release {{i}}") for i in range(100)
    ]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    export_landscape(launches, sys.argv[1])
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(len(base.results) * len(launches), seconds, (peak - before) * 1024)
    """
)


def test_a_hundred_launches_of_a_thousand_results_are_bounded(tmp_path: Path) -> None:
    """100 launches × about 1,000 results each: written in bounded time, memory flat (the
    rows stream), and every row is there."""
    path = tmp_path / "hundred.xlsx"
    run = subprocess.run(
        [sys.executable, "-c", _BOUNDED.format(root=str(Path(__file__).parents[2])), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    results, seconds, grown = run.stdout.split()
    assert int(results) >= 95_000
    assert float(seconds) < 60, run.stdout  # about 6 s here, on 2 busy cores
    assert int(grown) < 256 * 2**20, run.stdout  # about 20 MiB over the launches themselves
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Results").to_python()
    assert len(rows) == int(results) + 1


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.office
def test_libreoffice_prints_and_converts_the_landscape(
    landscape: Path, tmp_path: Path, trio: list[Launch]
) -> None:
    """LibreOffice prints every launch, leaderboard and note, and its Results CSV has every row."""
    convert([landscape], tmp_path, "pdf")
    text = pdf_text(tmp_path / "landscape.pdf")
    for launch in trio:
        assert launch.title in text
    for board in cross_leaderboards(trio):
        assert board.title in text
    assert "not strictly comparable: settings not given vs 5-shot" in text
    assert "###" not in text
    csv_dir = tmp_path / "csv"
    convert([landscape], csv_dir, CSV_EVERY_SHEET)
    with (csv_dir / "landscape-Results.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == sum(len(launch.results) for launch in trio)
    assert {row["Launch"] for row in rows} == {launch.id for launch in trio}
    assert [float(row["Score"]) for row in rows if row["Launch"] == "cirrus-1"] == [90.0, 85.0]
    assert {row["As-of"] for row in rows if row["Launch"] == "cirrus-1"} != {""}


# --------------------------------------------------------------------------- docs


def test_python_api_landscape_example_writes_what_the_page_describes(tmp_path: Path) -> None:
    """The Landscape example of docs/python-api.md runs and writes the four sheets it lists."""
    page = (Path(__file__).parents[2] / "docs" / "python-api.md").read_text("utf-8")
    section = page[page.index("### Landscape") :]
    code = section[
        section.index("```python\n") + 10 : section.index("```\n", section.index("```python"))
    ]
    assert "export_landscape" in code
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(code, "python-api.md", "exec"), {})
    finally:
        os.chdir(cwd)
    workbook = openpyxl.load_workbook(tmp_path / "landscape.xlsx", read_only=True)
    try:
        assert workbook.sheetnames == list(LANDSCAPE_SHEETS)
    finally:
        workbook.close()
    for sheet in LANDSCAPE_SHEETS:
        assert f"| {sheet} |" in section
