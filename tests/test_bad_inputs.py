"""The bad-input corpus: every file in tests/data/bad is refused cleanly, and nothing is lost.

Each input is a small valid launch with one or a few things broken: a schema-1 launch
(``_base-valid.yaml``, read through the schema-1 upgrade) or, for the ``v2-*`` files,
a schema-2 launch (``_base-valid-2.yaml``: launched family, cohorts, settings, bounds,
licence, specs, dates); ``EXPECTED.toml`` lists the problems each must report. For every input the
command line (``export`` and ``validate``, run as real subprocesses under a 1.5 GiB
memory cap, tests/bounded.py) must exit 2 within 10 seconds, print each problem on its
own line as ``file:line:column: path: message``, print no traceback, write no file and
leave an existing export byte-for-byte untouched; and
``launchbrief.load`` must raise :class:`~launchbrief.InvalidLaunchError` with the
same problems, within a second of CPU time.
"""

from __future__ import annotations

import os
import threading
import time
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import launchbrief
from launchbrief import io as launchbrief_io
from launchbrief._locate import MAX_VALUES
from launchbrief.exceptions import InvalidLaunchError, LaunchbriefError, Problem
from tests.bounded import MEMORY_BYTES, SECONDS, BoundedRun, run_all_bounded, run_bounded

DATA = Path(__file__).parent / "data" / "bad"
BASE = DATA / "_base-valid.yaml"
#: The launches the bad inputs start from: schema 1 and schema 2.
BASES = (BASE, DATA / "_base-valid-2.yaml")
EXPECTATIONS = DATA / "EXPECTED.toml"
#: Every launch in the corpus has this id, so an export would be written as <id>.json.
LAUNCH_ID = "demo-launch"
#: What an earlier, good export left in the output folder; a bad input must not touch it.
EXISTING_EXPORT = b'{"earlier": "a good export that must survive",\n "bytes": "\xc3\xa9\x00"}\n'
#: CPU time within which any input is refused (alias bombs and deep nesting included).
CPU_SECONDS = 1.0
#: The longest line a problem may print: values in messages are cut.
MAX_LINE = 1000


@dataclass(frozen=True)
class Expected:
    """One problem an input must report: where (if the format says), which field, what."""

    line: int | None
    column: int | None
    path: str
    says: tuple[str, ...]

    @classmethod
    def from_entry(cls, entry: dict[str, Any]) -> Expected:
        """Read ``{at = "12:5", path = "results[1].score", says = ["..."]}``."""
        line = column = None
        if "at" in entry:
            line_text, column_text = entry["at"].split(":")
            line, column = int(line_text), int(column_text)
        return cls(line, column, entry["path"], tuple(entry["says"]))

    def head(self, file: str) -> str:
        """The start of the stderr line: ``file:line:column: path: ``."""
        where = file if self.line is None else f"{file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: " if self.path else f"{where}: "

    def matches_line(self, file: str, text: str) -> bool:
        """Whether one line of the command's stderr reports this problem."""
        head = self.head(file)
        return text.startswith(head) and all(part in text[len(head) :] for part in self.says)

    def matches_problem(self, file: str, problem: Problem) -> bool:
        """Whether a :class:`Problem` raised in-process reports this problem."""
        return (
            problem.file == file
            and (problem.line, problem.column) == (self.line, self.column)
            and problem.path == self.path
            and problem.cell is None
            and all(part in problem.message for part in self.says)
        )


def _expectations() -> dict[str, dict[str, Any]]:
    return tomllib.loads(EXPECTATIONS.read_text(encoding="utf-8"))


def _expected(name: str) -> list[Expected]:
    return [Expected.from_entry(entry) for entry in _expectations()[name]["problems"]]


def _corpus() -> list[Any]:
    cases = []
    for name, case in sorted(_expectations().items()):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        cases.append(pytest.param(name, id=name, marks=marks))
    return cases


def _unmatched(expected: Sequence[Expected], found: Sequence[Any], matches: Any) -> list[str]:
    """What fails to pair up one-to-one between expected problems and what was reported."""
    left = list(found)
    missing = []
    for problem in expected:
        hit = next((item for item in left if matches(problem, item)), None)
        if hit is None:
            missing.append(f"missing: {problem}")
        else:
            left.remove(hit)
    return missing + [f"unexpected: {item}" for item in left]


def _run_cli(*commands: Sequence[str], cwd: Path) -> list[BoundedRun]:
    """Run ``python -m launchbrief`` once per command, side by side, each under the memory cap."""
    return run_all_bounded(commands, cwd=cwd)


def _files_under(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _assert_refused(source: Path, expected: Sequence[Expected], tmp_path: Path) -> None:
    """Export and validate ``source`` on the command line; both must refuse it cleanly."""
    # The output folder sits a few levels down, so an id such as ../../x would land
    # inside tmp_path, where the check below sees it.
    workdir = tmp_path / "work" / "dir"
    outdir = workdir / "out"
    outdir.mkdir(parents=True)
    existing = outdir / f"{LAUNCH_ID}.json"
    existing.write_bytes(EXISTING_EXPORT)
    before = _files_under(tmp_path)
    file = str(source)

    runs = _run_cli(
        ["export", file, "-f", "json", "-o", str(outdir)], ["validate", file], cwd=workdir
    )

    for run in runs:
        report = run.report()
        # Within the bounds every hostile input must keep (tests/bounded.py).
        assert run.seconds <= SECONDS, report
        assert run.peak_bytes <= MEMORY_BYTES, report
        assert "Traceback" not in run.stdout + run.stderr, report
        assert run.returncode == 2, report
        assert run.stdout == "", report
        lines = run.stderr.splitlines()
        # A message never echoes an unbounded value (a 30 MB id is shown by its start).
        assert all(len(line) <= MAX_LINE for line in lines), report[:MAX_LINE]
        problems = _unmatched(expected, lines, lambda e, text: e.matches_line(file, text))
        assert problems == [], report
    assert before == _files_under(tmp_path)
    assert existing.read_bytes() == EXISTING_EXPORT
    assert not Path("/etc/passwd.json").exists()


def _assert_load_refuses(source: Path, expected: Sequence[Expected]) -> None:
    """``launchbrief.load`` raises InvalidLaunchError with exactly the expected problems."""
    started = time.process_time()
    with pytest.raises(InvalidLaunchError) as caught:
        launchbrief.load(source)
    seconds = time.process_time() - started
    assert isinstance(caught.value, LaunchbriefError)
    assert isinstance(caught.value, ValueError)
    found = list(caught.value.problems)
    assert _unmatched(expected, found, lambda e, p: e.matches_problem(str(source), p)) == []
    assert seconds < CPU_SECONDS


# --------------------------------------------------------------------------- the corpus


def test_corpus_and_expectations_match() -> None:
    """Every corpus file has an expectation, every expectation a file; 40 or more, 15 or more of schema 2."""
    files = {path.name for path in DATA.iterdir()} - {b.name for b in BASES} - {EXPECTATIONS.name}
    expectations = _expectations()
    assert files == set(expectations)
    assert len(files) >= 40
    assert len({name for name in files if name.startswith("v2-")}) >= 15
    for name, case in expectations.items():
        assert case["about"].strip(), name
        assert case["problems"], name


@pytest.mark.parametrize("base", BASES, ids=[b.name for b in BASES])
def test_base_launch_is_valid_and_exports(base: Path, tmp_path: Path) -> None:
    """The launches the bad inputs start from load, validate and export (exit 0)."""
    outdir = tmp_path / "out"
    export, validate = _run_cli(
        ["export", str(base), "-f", "json", "-o", str(outdir)],
        ["validate", str(base)],
        cwd=tmp_path,
    )
    assert (export.returncode, export.stderr) == (0, "")
    assert (validate.returncode, validate.stderr) == (0, "")
    written = outdir / f"{LAUNCH_ID}.json"
    assert export.stdout.strip() == str(written)
    assert launchbrief.load(written) == launchbrief.load(base)


@pytest.mark.parametrize("name", _corpus())
def test_command_line_refuses_bad_input(name: str, tmp_path: Path) -> None:
    """``export`` and ``validate`` exit 2 with every problem located, and write nothing."""
    _assert_refused(DATA / name, _expected(name), tmp_path)


@pytest.mark.parametrize("name", _corpus())
def test_load_raises_invalid_launch_error(name: str) -> None:
    """``launchbrief.load`` raises InvalidLaunchError listing every expected problem, fast."""
    _assert_load_refuses(DATA / name, _expected(name))


# --------------------------------------------------------------------------- generated inputs

_TOO_LARGE = [
    Expected(None, None, "", ("the file is too large", "the limit is 64 MiB")),
]


def _sparse_file(path: Path, size: int) -> Path:
    # A sparse file: the size is real to stat() but no 64 MiB are written to disk.
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


def test_size_cap_is_64_mib() -> None:
    """The documented input limit is 64 MiB."""
    assert launchbrief_io.MAX_FILE_BYTES == 64 * 2**20


def test_command_line_refuses_file_over_size_cap(tmp_path: Path) -> None:
    """A file one byte over the cap is refused by the command line without being read."""
    huge = _sparse_file(tmp_path / "huge.yaml", launchbrief_io.MAX_FILE_BYTES + 1)
    started = time.perf_counter()
    _assert_refused(huge, _TOO_LARGE, tmp_path / "run")
    assert time.perf_counter() - started < 30  # two interpreter starts, not a 64 MiB parse


def test_load_refuses_file_over_size_cap(tmp_path: Path) -> None:
    """``load`` refuses a file one byte over the cap at once, before reading it."""
    huge = _sparse_file(tmp_path / "huge.json", launchbrief_io.MAX_FILE_BYTES + 1)
    started = time.perf_counter()
    _assert_load_refuses(huge, _TOO_LARGE)
    assert time.perf_counter() - started < CPU_SECONDS


def test_file_at_size_cap_is_read(tmp_path: Path) -> None:
    """A file exactly at the cap is read, not refused for its size (it is then found binary)."""
    zeros = _sparse_file(tmp_path / "zeros.yaml", launchbrief_io.MAX_FILE_BYTES)
    _assert_load_refuses(zeros, [Expected(1, 1, "", ("not a text file",))])


def test_utf16_text_with_byte_order_mark_is_read() -> None:
    """A launch saved as UTF-16 with a byte-order mark reads like its UTF-8 twin."""
    utf16 = DATA.parent / "good" / "utf16-text.yaml"
    assert utf16.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    text = utf16.read_bytes().decode("utf-16")
    assert launchbrief.loads(text.encode("utf-8")) == launchbrief.load(utf16)


# --------------------------------------------------------------------------- large and odd inputs
#
# Generated at test time (too large to keep in the repository). Each runs the real
# command under tests/bounded.py's memory cap and must be refused, located, within
# the documented bounds, with nothing written and nothing replaced.

_TOO_MANY = ("the file holds more than 2,000,000 values (the limit); refused",)


def _write_large(path: Path, head: str, item: str, count: int, tail: str = "") -> Path:
    with path.open("w", encoding="utf-8") as stream:
        stream.write(head)
        for _ in range(count // 100_000):
            stream.write(item * 100_000)
        stream.write(item * (count % 100_000))
        stream.write(tail)
    return path


def _large_inputs() -> list[Any]:
    # About 60 MB each: under the 64 MiB cap, far over the value budget.
    return [
        pytest.param(
            "list.yaml",
            ("id: demo-launch\nmodel:\n  capabilities:\n", "  - a\n", 10_000_000, ""),
            Expected(1_999_997, 5, "", _TOO_MANY),
            id="yaml-list-60mb",
        ),
        pytest.param(
            "mappings.yaml",
            ("id: demo-launch\nresults:\n", "- {}\n", 12_000_000, ""),
            Expected(1_999_998, 3, "", _TOO_MANY),
            id="yaml-empty-mappings-60mb",
        ),
        pytest.param(
            "list.json",
            ('{"id": "demo-launch", "results": [', "{},", 20_000_000, "{}]}"),
            Expected(None, None, "", _TOO_MANY),
            id="json-empty-mappings-60mb",
        ),
        pytest.param(
            "list.toml",
            ('id = "demo-launch"\nx = [', "1,", 30_000_000, "1]\n"),
            Expected(None, None, "", _TOO_MANY),
            id="toml-list-60mb",
        ),
        pytest.param(
            "long-id.yaml",
            ("title: T\nid: ", "a", 30_000_000, "!\n"),
            Expected(2, 5, "id", ("'aaaa", "(30,000,001 characters) is not a valid id")),
            id="yaml-30mb-id",
        ),
    ]


@pytest.mark.parametrize(("name", "shape", "expected"), _large_inputs())
def test_large_input_is_refused_within_bounds(
    name: str, shape: tuple[str, str, int, str], expected: Expected, tmp_path: Path
) -> None:
    """60 MB files are refused in seconds and under 1.5 GiB, located, writing nothing."""
    source = _write_large(tmp_path / name, *shape)
    outdir = tmp_path / "out"
    outdir.mkdir()
    existing = outdir / f"{LAUNCH_ID}.json"
    existing.write_bytes(EXISTING_EXPORT)
    run = run_bounded("export", str(source), "-f", "json", "-o", str(outdir), cwd=tmp_path)
    report = run.report()
    assert run.returncode == 2, report
    assert "Traceback" not in run.stderr, report
    assert any(expected.matches_line(str(source), line) for line in run.stderr.splitlines()), report
    assert all(len(line) <= MAX_LINE for line in run.stderr.splitlines()), report[:MAX_LINE]
    assert run.seconds <= SECONDS, report
    assert run.peak_bytes <= MEMORY_BYTES, report
    assert [existing] == list(outdir.iterdir())
    assert existing.read_bytes() == EXISTING_EXPORT


def test_value_budget_admits_a_launch_of_100_000_results() -> None:
    """The budget is far above real launches: 100,000 results fit in about 1.2 million values."""
    # A result: its mapping, four keys, four values and one source id.
    per_result = 1 + 4 + 4 + 1
    assert 100_000 * per_result < MAX_VALUES


def test_many_dangling_references_are_refused_within_bounds(tmp_path: Path) -> None:
    """2,000 models and 2,000 mistyped references: every one reported, in bounded time."""
    count = 2000
    lines = [
        "id: demo-launch",
        "title: T",
        "developer: {name: D}",
        "model: {id: model-0000}",
        "models:",
        *(f"  - {{id: model-{i:04d}, name: M{i}}}" for i in range(count)),
        "benchmarks:",
        "  - {id: b, name: B, category: c}",
        "results:",
        *(f"  - {{benchmark: b, model: modle-{i:04d}, score: 1}}" for i in range(count)),
    ]
    source = tmp_path / "dangling.yaml"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_bounded("validate", str(source))
    report = run.report()
    assert run.returncode == 2, report
    problems = run.stderr.splitlines()
    assert count == len(problems), report
    first = count + 9  # the line of results[0]
    assert problems[0] == (
        f"{source}:{first}:27: results[0].model: unknown model 'modle-0000' (known: model-0000,"
        " model-0001, model-0002, model-0003, model-0004, model-0005, … 1,994 more;"
        " did you mean 'model-0000'?)"
    )
    # Did-you-mean for the first thousand; past that the known ids are listed only.
    assert problems[999].endswith("did you mean 'model-0999'?)"), report
    assert problems[1000].endswith("… 1,994 more)"), report
    assert run.seconds <= SECONDS, report


def test_endless_device_is_refused_at_the_cap(tmp_path: Path) -> None:
    """A device that never ends (/dev/zero behind a .yaml name) is read up to the cap, then refused."""
    source = tmp_path / "zero.yaml"
    source.symlink_to("/dev/zero")
    run = run_bounded("validate", str(source))
    report = run.report()
    assert run.returncode == 2, report
    assert run.stderr == (
        f"{source}: the file is too large (more than that; the limit is 64 MiB)\n"
    ), report
    assert run.seconds <= SECONDS, report


def test_launch_from_a_pipe_is_read(tmp_path: Path) -> None:
    """A named pipe (as from process substitution) is read: the cap is on bytes, not on stat()."""
    pipe = tmp_path / "launch.yaml"
    os.mkfifo(pipe)
    text = BASE.read_bytes()

    def feed() -> None:
        with pipe.open("wb") as stream:
            stream.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        launch = launchbrief.load(pipe)
    finally:
        writer.join(timeout=10)
    assert launchbrief.load(BASE) == launch
