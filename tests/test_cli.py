"""Tests of the ``launchbrief`` command, run as a user runs it: in a subprocess, in a fresh folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import launchbrief as lb
from tests.samples import BAD_YAML, CHARXIV_LEADERBOARD

COMMANDS = ("export", "validate", "show", "formats", "datasets", "schema")


_MUSE = lb.load("muse-spark")
COUNTS = f"{len(_MUSE.results)} results, {len(_MUSE.sources)} sources"

# file:line:col: path: message
PROBLEM_LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<path>[^:]+): (?P<msg>.+)$"
)


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m launchbrief ARGS`` in ``cwd`` and capture its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "launchbrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# --------------------------------------------------------------------------- export


def test_export_json_writes_the_launch(tmp_path: Path) -> None:
    """`launchbrief export -f json -o out/` writes out/muse-spark.json and prints its path."""
    result = run("export", "-f", "json", "-o", "out/", cwd=tmp_path)
    assert (0, "") == (result.returncode, result.stderr)
    written = tmp_path / "out" / "muse-spark.json"
    assert [str(Path("out") / "muse-spark.json")] == result.stdout.splitlines()
    assert ["muse-spark.json"] == sorted(files_in(tmp_path / "out"))
    assert lb.load("muse-spark") == lb.load(written)
    assert json.loads(written.read_text("utf-8"))["id"] == "muse-spark"


def test_export_several_formats_from_a_file(tmp_path: Path) -> None:
    """Export reads a launch file and writes one file per format, named after the launch id."""
    source = lb.dump(lb.load("muse-spark"), tmp_path / "mine.yaml")
    result = run("export", str(source), "-f", "json", "-f", "yaml", "-o", "o", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert ["muse-spark.json", "muse-spark.yaml"] == sorted(files_in(tmp_path / "o"))
    assert lb.load(source) == lb.load(tmp_path / "o" / "muse-spark.yaml")


def test_export_defaults_to_current_folder(tmp_path: Path) -> None:
    """Without -o, export writes into the current folder."""
    result = run("export", "-f", "yaml", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert ["muse-spark.yaml"] == sorted(files_in(tmp_path))


def test_export_unknown_format_is_bad_usage(tmp_path: Path) -> None:
    """An unknown format exits 2 with a message naming the known ones, and writes nothing."""
    result = run("export", "-f", "docx", "-o", "out", cwd=tmp_path)
    assert 2 == result.returncode
    assert "unknown format 'docx'" in result.stderr
    assert "json" in result.stderr
    assert "Traceback" not in result.stderr
    assert {} == files_in(tmp_path)


def test_export_bad_input_writes_nothing_and_keeps_existing_file(tmp_path: Path) -> None:
    """A bad source exits 2, writes no file, and leaves an existing output byte-for-byte intact."""
    (tmp_path / "bad.yaml").write_text(BAD_YAML.replace("bad-launch", "muse-spark"), "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "muse-spark.json").write_bytes(b'{"precious": "do not touch"}\n')
    before = files_in(tmp_path)
    result = run("export", "bad.yaml", "-f", "json", "-o", "out", cwd=tmp_path)
    assert 2 == result.returncode
    assert "" == result.stdout
    assert "Traceback" not in result.stderr
    assert before == files_in(tmp_path)


def test_export_output_that_is_a_file_is_bad_usage(tmp_path: Path) -> None:
    """An output 'folder' that is a file exits 2 and leaves the file alone."""
    (tmp_path / "out").write_text("a file", "utf-8")
    result = run("export", "-f", "json", "-o", "out", cwd=tmp_path)
    assert 2 == result.returncode
    assert "is not a folder" in result.stderr
    assert {"out": b"a file"} == files_in(tmp_path)


def test_export_missing_source_is_bad_input(tmp_path: Path) -> None:
    """A source file that does not exist exits 2 without a traceback."""
    result = run("export", "missing.yaml", "-f", "json", cwd=tmp_path)
    assert 2 == result.returncode
    assert "missing.yaml" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- show


def test_show_prints_charxiv_leaderboard_in_order(tmp_path: Path) -> None:
    """`launchbrief show` prints CharXiv Reasoning with Muse Spark (86.4) first, GPT 5.4 (82.8) second, Grok 4.2 (60.9) last."""
    result = run("show", cwd=tmp_path)
    assert (0, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("CharXiv Reasoning"))
    rows = []
    for line in lines[start + 1 :]:
        match = re.match(r"^\s*\*?\s*(\d+)\.\s+(.+?)\s{2,}(-?[\d.]+)", line)
        if not match:
            break
        rows.append((int(match[1]), match[2], float(match[3])))
    assert CHARXIV_LEADERBOARD == rows


def test_show_never_ranks_a_number_without_rivals(tmp_path: Path) -> None:
    """MMMU Pro and SimpleVQA carry no rank in `show`, and nothing says Muse Spark leads them."""
    lines = run("show", cwd=tmp_path).stdout.splitlines()
    for name, score in (("MMMU Pro", "80.4"), ("SimpleVQA", "71.3")):
        start = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{name} ["))
        entry = lines[start + 1]
        assert "Muse Spark" in entry
        assert score in entry
        assert not re.match(r"^\s*\*?\s*\d+\.", entry), entry
        assert "not ranked" in lines[start + 2]
        leads = [line for line in lines if "leads" in line and name in line]
        assert [] == leads


def test_show_presents_cohorts_families_and_warnings(tmp_path: Path) -> None:
    """`show` of a schema-2 launch names both launched models and each cohort's leaderboard."""
    source = Path(__file__).parent / "data" / "aster-2.yaml"
    result = run("show", str(source), cwd=tmp_path)
    assert (0, "") == (result.returncode, result.stderr)
    for text in (
        "Aster 2 Small",
        "Aster 2 Large",
        "MMLU (Pretrained models)",
        "MMLU (Instruction-tuned models)",
        "85.20",
        "66.0",
        "0.0007",
        "settings: 5-shot",
        "settings: 0-shot, temperature 0.6, top p 0.95",
        "no multimodal support",
        "sources disagree",
    ):
        assert text in result.stdout, text


def test_show_covers_key_facts_rollout_and_safety(tmp_path: Path) -> None:
    """`show` prints the title, modes, rollout and safety of the launch."""
    out = run("show", cwd=tmp_path).stdout
    for text in (
        "Meta launches Muse Spark",
        "Contemplating",
        "WhatsApp",
        "Apollo Research",
        "ARC AGI 2",
        "HealthBench Hard",
    ):
        assert text in out, text


def test_show_gaps_lists_what_is_unknown(tmp_path: Path) -> None:
    """`show --gaps` lists what the record lacks, such as the announcement date."""
    result = run("show", "--gaps", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert "the announcement date is not known" in result.stdout


def test_show_reads_a_launch_file(tmp_path: Path) -> None:
    """`show FILE` summarises the launch in that file."""
    launch = lb.load("muse-spark")
    lb.dump(attrs.evolve(launch, title="A copy for the test"), tmp_path / "c.toml")
    result = run("show", "c.toml", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert result.stdout.startswith("A copy for the test\n")


# --------------------------------------------------------------------------- validate


def test_validate_good_file(tmp_path: Path) -> None:
    """`validate` on a valid file exits 0 and says it is valid."""
    lb.dump(lb.load("muse-spark"), tmp_path / "good.json")
    result = run("validate", "good.json", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert [f"good.json: valid ({COUNTS})"] == result.stdout.splitlines()


def test_validate_reports_every_problem_located(tmp_path: Path) -> None:
    """`validate` on a file with several mistakes prints each as file:line:col: path: message and exits 2."""
    (tmp_path / "bad.yaml").write_text(BAD_YAML, "utf-8")
    result = run("validate", "bad.yaml", cwd=tmp_path)
    assert 2 == result.returncode
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    parsed = [PROBLEM_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [
        ("bad.yaml", 9, 58, "benchmarks[0].scale"),
        ("bad.yaml", 11, 45, "results[0].score"),
        ("bad.yaml", 12, 31, "results[1].model"),
        ("bad.yaml", 13, 5, "results[2]"),
        ("bad.yaml", 15, 5, "results[2].scroe"),
        ("bad.yaml", 17, 5, "surfaces[0].name"),
    ] == [(m["file"], int(m["line"]), int(m["col"]), m["path"]) for m in parsed if m]
    assert "bad.yaml:11:45: results[0].score: expected a number, got 'n/a'" in lines
    assert (
        "bad.yaml:12:31: results[1].model: unknown model 'gpt5' (known: alpha, gpt-5-4;"
        " did you mean 'gpt-5-4'?)" in lines
    )
    assert "bad.yaml:15:5: results[2].scroe: unknown key 'scroe' (did you mean 'score'?)" in lines


def test_validate_quoted_without_a_claim(tmp_path: Path) -> None:
    """`validate` refuses `quoted: true` on a result without a claim, at that field, exit 2."""
    text = lb.dumps(lb.load("muse-spark"), "yaml").replace(
        "score: 86.4\n", "score: 86.4\n  quoted: true\n", 1
    )
    (tmp_path / "quoted.yaml").write_text(text, "utf-8")
    result = run("validate", "quoted.yaml", cwd=tmp_path)
    assert 2 == result.returncode
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    match = PROBLEM_LINE.match(line)
    assert match is not None, line
    assert ("quoted.yaml", "results[0].quoted") == (match["file"], match["path"])
    assert line.endswith(
        "marked as the source's exact words, but there is no claim: give the words in"
        " `claim`, or set `quoted` to false"
    )


def test_validate_several_files(tmp_path: Path) -> None:
    """`validate` checks every file given; one bad file makes the exit code 2."""
    lb.dump(lb.load("muse-spark"), tmp_path / "good.yaml")
    (tmp_path / "bad.json").write_text('{"id": "x",\n "title": }', "utf-8")
    result = run("validate", "good.yaml", "bad.json", "muse-spark", cwd=tmp_path)
    assert 2 == result.returncode
    assert [
        f"good.yaml: valid ({COUNTS})",
        f"muse-spark: valid ({COUNTS})",
    ] == result.stdout.splitlines()
    assert ["bad.json:2:11: invalid JSON: Expecting value"] == result.stderr.splitlines()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.yaml", b"", "empty.yaml:1:1: the file is empty"),
        ("bin.json", b"\x00\x01\x02binary", "bin.json:1:1: not a text file (it holds binary data)"),
        ("x.txt", b"id: x", "x.txt: cannot read 'x.txt': unknown file type '.txt'"),
    ],
)
def test_validate_unreadable_files(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    """Empty, binary and unknown-type files are reported on one line each, exit 2, no traceback."""
    (tmp_path / name).write_bytes(content)
    result = run("validate", name, cwd=tmp_path)
    assert 2 == result.returncode
    assert [expected] == [line.split(" (expected")[0] for line in result.stderr.splitlines()]


def test_validate_missing_file(tmp_path: Path) -> None:
    """A missing file is reported and exits 2 without a traceback."""
    result = run("validate", "nope.yaml", cwd=tmp_path)
    assert 2 == result.returncode
    assert result.stderr.startswith("nope.yaml: ")
    assert "Traceback" not in result.stderr


def test_validate_needs_a_source(tmp_path: Path) -> None:
    """`validate` without a file is a usage error, exit 2."""
    result = run("validate", cwd=tmp_path)
    assert 2 == result.returncode
    assert "usage: launchbrief validate" in result.stderr


# --------------------------------------------------------------------------- listings


def test_formats_lists_exporters(tmp_path: Path) -> None:
    """`formats` lists json and yaml with their suffix, and names xlsx and pptx."""
    result = run("formats", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert {"json", "yaml", "xlsx", "pptx"} <= set(rows)
    assert ".json" == rows["json"][0]
    assert ".yaml" == rows["yaml"][0]


def test_datasets_lists_built_in_launches(tmp_path: Path) -> None:
    """`datasets` lists each built-in launch with its title, Muse Spark among them."""
    result = run("datasets", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    rows = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert list(lb.datasets()) == list(rows)
    assert lb.load("muse-spark").title == rows["muse-spark"]


def test_schema_is_json_schema(tmp_path: Path) -> None:
    """`schema` prints a JSON Schema document describing launch files."""
    result = run("schema", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    schema = json.loads(result.stdout)
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert ["id", "title", "developer", "models"] == schema["required"]
    assert {"Result", "Benchmark", "Source", "Model", "Cohort", "Settings", "Specs"} <= set(
        schema["$defs"]
    )
    try:
        import jsonschema  # type: ignore[import-untyped]
    except ImportError:
        return  # tests/test_schema.py checks dumps against the schema without it
    jsonschema.validate(lb.io.to_data(lb.load("muse-spark")), schema)


# --------------------------------------------------------------------------- help and version


def test_version(tmp_path: Path) -> None:
    """`--version` prints the package version."""
    result = run("--version", cwd=tmp_path)
    assert (0, f"launchbrief {lb.__version__}\n") == (result.returncode, result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_for_every_command(tmp_path: Path, command: str) -> None:
    """Every command has --help, which prints its usage and exits 0."""
    result = run(command, "--help", cwd=tmp_path)
    assert 0 == result.returncode
    assert result.stdout.startswith(f"usage: launchbrief {command}")


def test_main_help_lists_commands(tmp_path: Path) -> None:
    """`--help` and a bare `launchbrief` list every command."""
    for args in (["--help"], []):
        result = run(*args, cwd=tmp_path)
        assert 0 == result.returncode
        for command in COMMANDS:
            assert command in result.stdout


def test_unknown_command_is_usage_error(tmp_path: Path) -> None:
    """An unknown command exits 2 with usage."""
    result = run("frobnicate", cwd=tmp_path)
    assert 2 == result.returncode
    assert "invalid choice" in result.stderr


def test_console_script_is_installed(tmp_path: Path) -> None:
    """The `launchbrief` console script runs beside the interpreter."""
    script = Path(sys.executable).with_name("launchbrief")
    if not script.exists():
        pytest.skip("no console script beside this interpreter")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert f"launchbrief {lb.__version__}\n" == result.stdout


# --------------------------------------------------------------------------- start-up imports


def imported_modules(*args: str, cwd: Path) -> set[str]:
    """Top-level packages imported by ``python -X importtime -m launchbrief ARGS``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "launchbrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    modules = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                modules.add(name)
    assert "launchbrief" in modules, result.stderr[-2000:]
    return modules


@pytest.mark.parametrize(
    "args", [("--help",), ("validate", "muse-spark"), ("export", "-f", "json", "-o", "o")]
)
def test_start_imports_neither_openpyxl_nor_pptx(tmp_path: Path, args: tuple[str, ...]) -> None:
    """`python -X importtime -m launchbrief …` imports neither openpyxl nor pptx."""
    modules = imported_modules(*args, cwd=tmp_path)
    heavy = {m for m in modules if m.split(".")[0] in {"openpyxl", "pptx"}}
    assert set() == heavy
