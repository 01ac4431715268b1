"""``launchbrief export A B C``: each launch on its own, the good written, the bad reported."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from pptx import Presentation

import launchbrief as lb
from launchbrief.cli import main
from tests.samples import BAD_YAML

ASTER = Path(__file__).parent / "data" / "aster-2.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three good launch files (YAML, JSON, TOML) and one bad one."""
    sources = tmp_path / "launches"
    sources.mkdir()
    (sources / "a-aster.yaml").write_text(ASTER.read_text("utf-8"), "utf-8")
    lb.dump(lb.load("muse-spark"), sources / "b-muse.json")
    lb.dump(lb.load("phi-4"), sources / "c-phi.toml")
    (sources / "d-bad.yaml").write_text(BAD_YAML, "utf-8")
    (sources / "notes.txt").write_text("not a launch", "utf-8")
    return sources


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_three_good_files_are_written_and_the_bad_one_reported(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    out = tmp_path / "out"
    files = sorted(str(p) for p in folder.glob("*.*") if p.suffix != ".txt")
    assert main(["export", *files, "-o", str(out), "-j", jobs]) == 2
    captured = capsys.readouterr()
    written = captured.out.splitlines()
    assert written == [
        str(out / name)
        for name in (
            "aster-2.pptx",
            "aster-2.xlsx",
            "muse-spark.pptx",
            "muse-spark.xlsx",
            "phi-4.pptx",
            "phi-4.xlsx",
        )
    ]
    for path in written:
        assert Path(path).stat().st_size > 0
    assert len(Presentation(written[0]).slides) <= 12
    bad = str(folder / "d-bad.yaml")
    assert f"{bad}:9:58: benchmarks[0].scale:" in captured.err
    assert "Traceback" not in captured.err
    assert captured.err.rstrip().endswith(
        f"launchbrief: exported 3 of 4 launches (6 files) to {out}; 1 failed"
    )
    assert "\r" not in captured.err  # no progress line when stderr is not a terminal
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in written)


def test_a_folder_is_every_launch_file_in_it(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(folder), "-o", str(out), "-f", "json"]) == 2
    captured = capsys.readouterr()
    assert [Path(p).name for p in captured.out.splitlines()] == [
        "aster-2.json",
        "muse-spark.json",
        "phi-4.json",
    ]
    assert "notes.txt" not in captured.err
    assert "exported 3 of 4 launches (3 files)" in captured.err


def test_all_good_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["export", "muse-spark", "phi-4", "-o", str(out), "-f", "json", "-j", "2"]) == 0
    assert capsys.readouterr().err.strip() == (
        f"launchbrief: exported 2 of 2 launches (2 files) to {out}"
    )


def test_two_sources_of_one_launch_id_never_overwrite_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.yaml"
    lb.dump(lb.load("muse-spark"), copy)
    out = tmp_path / "out"
    assert main(["export", "muse-spark", str(copy), "-o", str(out), "-f", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [str(out / "muse-spark.json")]
    assert f"{copy}: the launch id 'muse-spark' is also that of muse-spark" in captured.err


def test_an_option_no_format_takes_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", "muse-spark", "phi-4", "-f", "json", "--appendix", "-o", str(out)]) == 2
    assert "no format chosen takes 'appendix'" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["0", "many", "1000"])
def test_bad_job_counts_are_usage_errors(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["export", "muse-spark", "phi-4", "-j", jobs])
    assert exited.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_an_empty_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["export", str(empty), "-o", str(tmp_path / "out")]) == 2
    assert "no launch files in" in capsys.readouterr().err


# -- the landscape ------------------------------------------------------------------


def test_the_landscape_deck_sets_the_built_in_launches_side_by_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    names = ["muse-spark", "gemma-3", "phi-4", "olmo-2"]
    assert main(["export", *names, "--landscape", "-f", "pptx", "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [str(out / "landscape.pptx")]
    deck = Presentation(str(out / "landscape.pptx"))
    assert 4 <= len(deck.slides) <= 12
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[0] == "The landscape: 4 launches"
    text = " ".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    # The built-in launches never ran a shared benchmark the same way: nothing is ranked.
    assert "no shared number is strictly comparable" in text
    assert " leads (" not in text
    for slide in deck.slides:
        notes = slide.notes_slide.notes_text_frame.text
        assert "Why it matters:" in notes


def test_shared_benchmarks_are_ranked_only_where_settings_agree() -> None:
    from launchbrief import analysis

    muse = lb.load("muse-spark")
    twin = attrs.evolve(
        muse,
        id="muse-twin",
        models=tuple(
            attrs.evolve(m, name=m.name + " Twin") if m.launched else m for m in muse.models
        ),
    )
    boards = analysis.shared_leaderboards([muse, twin])
    assert boards
    assert not any(board.comparable for board in boards)
    assert all(board.leader is None and board.warning for board in boards)
    stated = lb.Settings(shots=0)
    with_settings = [
        attrs.evolve(
            launch, benchmarks=tuple(attrs.evolve(b, settings=stated) for b in launch.benchmarks)
        )
        for launch in (muse, twin)
    ]
    ranked = analysis.shared_leaderboards(with_settings)
    assert ranked
    assert all(board.comparable and board.leader is not None for board in ranked)


def test_a_landscape_with_a_bad_launch_writes_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(folder), "--landscape", "-f", "pptx", "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert "d-bad.yaml:9:58:" in captured.err
    assert "no landscape written" in captured.err
    assert not (out / "landscape.pptx").exists()


def test_the_landscape_of_the_built_in_launches_writes_a_workbook_and_a_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    out = tmp_path / "out"
    names = ["muse-spark", "gemma-3", "phi-4", "olmo-2"]
    assert main(["export", *names, "--landscape", "-o", str(out)]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == [
        str(out / "landscape.pptx"),
        str(out / "landscape.xlsx"),
    ]
    book = openpyxl.load_workbook(out / "landscape.xlsx")
    sheet = book["Results"]
    header = [cell.value for cell in sheet[1]]
    launch_column = header.index("Launch")
    launches = [row[launch_column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    expected = {name: len(lb.load(name).results) for name in names}
    assert {name: launches.count(name) for name in names} == expected
    assert len(Presentation(str(out / "landscape.pptx")).slides) <= 12


def test_a_folder_readme_is_not_a_launch_but_a_model_card_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    launches = tmp_path / "launches"
    launches.mkdir()
    (launches / "aster.yaml").write_text(ASTER.read_text("utf-8"), "utf-8")
    (launches / "README.md").write_text("# The launches we track\n", "utf-8")
    card = Path(__file__).parent / "data" / "cards" / "readme-card" / "README.md"
    (launches / "card.md").write_text(card.read_text("utf-8"), "utf-8")
    out = tmp_path / "out"
    assert main(["export", str(launches), "-f", "json", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "README.md" not in captured.err
    assert [launch.id for launch in lb.load_many([launches])] == ["aster-2", lb.load(card).id]
