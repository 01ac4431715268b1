"""The ``launchbrief`` command when the system fails it: all or nothing, one line, no traceback.

Most cases run in-process through :func:`launchbrief.cli.main` with the failure
injected where the operating system would raise it; a few run as real processes
(a file-size limit, SIGTERM, a folder in the way) to show the whole path.
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

import launchbrief as lb
from launchbrief import _atomic, cli
from launchbrief import io as launch_io
from launchbrief.exporters.text import JsonExporter, YamlExporter
from tests.bounded import run_bounded

BASE = Path(__file__).parent / "data" / "bad" / "_base-valid.yaml"
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh current folder holding base.yaml (launch id demo-launch)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "base.yaml").write_bytes(BASE.read_bytes())
    return tmp_path


def tree(folder: Path) -> dict[str, bytes]:
    """Every entry under ``folder`` (hidden ones too), files with their bytes, folders as <dir>."""
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() else b"<dir>"
        for path in sorted(folder.rglob("*"))
    }


def with_old_exports(folder: Path) -> dict[str, bytes]:
    """Earlier exports in out/ that a failed export must keep; returns the whole tree."""
    out = folder / "out"
    out.mkdir()
    (out / "demo-launch.json").write_bytes(b'{"earlier": "export"}\n')
    (out / "demo-launch.yaml").write_bytes(b"earlier: export\n")
    return tree(folder)


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    """``launchbrief ARGS`` in-process: exit code, stdout, stderr lines."""
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


#: As root (as on CI), permissions stop a process only without these capabilities:
#: ``setpriv`` (util-linux) drops them from the process it starts.
NO_ROOT_POWERS = (
    ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    if ROOT and shutil.which("setpriv")
    else []
)


def run(
    *args: str, cwd: Path, prefix: Sequence[str] = (), **popen: Any
) -> subprocess.CompletedProcess[str]:
    """``python -m launchbrief ARGS`` as a real process (behind ``prefix``, if given)."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "launchbrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        **popen,
    )


# --------------------------------------------------------------------------- all or nothing


def test_folder_in_the_way_replaces_no_file(folder: Path) -> None:
    """The audit's repro: xlsx target is a folder; pptx and json keep their bytes, nothing stray."""
    out = folder / "n"
    (out / "demo-launch.xlsx" / "x").mkdir(parents=True)
    (out / "demo-launch.pptx").write_bytes(b"earlier deck")
    (out / "demo-launch.json").write_bytes(b"earlier json")
    before = tree(folder)
    result = run(
        "export", "base.yaml", "-f", "xlsx", "-f", "pptx", "-f", "json", "-o", "n", cwd=folder
    )
    assert (2, "") == (result.returncode, result.stdout)
    assert ["launchbrief: error: cannot write n/demo-launch.xlsx: Is a directory"] == (
        result.stderr.splitlines()
    )
    assert before == tree(folder)


def test_folder_in_the_way_after_writing_replaces_no_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A target that becomes a folder while the others are written is refused before any rename."""
    before = with_old_exports(folder)
    real = YamlExporter.export

    def export_then_block(self: YamlExporter, launch: lb.Launch, dest: Any, /, **kw: Any) -> None:
        real(self, launch, dest, **kw)
        (folder / "out" / "demo-launch.pptx").mkdir()

    monkeypatch.setattr(YamlExporter, "export", export_then_block)
    code, out, err = run_main(
        capsys, "export", "base.yaml", "-f", "json", "-f", "yaml", "-f", "pptx", "-o", "out"
    )
    assert (2, "") == (code, out)
    assert ["launchbrief: error: cannot write out/demo-launch.pptx: Is a directory"] == err
    assert {**before, "out/demo-launch.pptx": b"<dir>"} == tree(folder)


def test_failed_rename_rolls_back_the_files_already_replaced(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the yaml rename fails after json was put in place, json gets its old bytes back."""
    before = with_old_exports(folder)
    real = os.replace

    def busy_yaml(source: Any, destination: Any) -> None:
        if str(destination) == os.path.join("out", "demo-launch.yaml"):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), source, destination)
        real(source, destination)

    monkeypatch.setattr(os, "replace", busy_yaml)
    code, out, err = run_main(
        capsys, "export", "base.yaml", "-f", "json", "-f", "yaml", "-o", "out"
    )
    assert (1, "") == (code, out)
    assert [
        f"launchbrief: error: cannot write out/demo-launch.yaml: {os.strerror(errno.EBUSY)}"
    ] == err
    assert before == tree(folder)


# --------------------------------------------------------------------------- the system refuses


class FailingStream:
    """A file whose writes fail as a full or read-only disk fails them."""

    def __init__(self, stream: Any, error: int) -> None:
        self._stream = stream
        self._error = error

    def write(self, data: bytes) -> int:
        """Fail like the disk."""
        raise OSError(self._error, os.strerror(self._error))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> FailingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def failing_writes(error: int) -> Callable[..., Any]:
    """An ``os.fdopen`` whose streams fail every write with ``error``."""
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return FailingStream(real(fd, *args, **kwargs), error)

    return fdopen


def failing_creation(error: int) -> Callable[..., Any]:
    """An ``os.open`` that refuses to create our temporary files with ``error``."""
    real = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if _atomic.TEMPORARY.match(os.path.basename(os.fsdecode(path))):
            raise OSError(error, os.strerror(error), path)
        return real(path, flags, *args, **kwargs)

    return open_


@pytest.mark.parametrize(
    ("where", "error"),
    [
        ("create", errno.EROFS),
        ("create", errno.EACCES),
        ("create", errno.EDQUOT),
        ("write", errno.ENOSPC),
        ("write", errno.EIO),
        ("write", errno.EFBIG),
    ],
)
def test_system_failure_is_one_line_naming_the_target(
    folder: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    error: int,
) -> None:
    """A read-only, full or refusing disk: exit 1, one line naming out/<id>.json, files kept."""
    before = with_old_exports(folder)
    if where == "create":
        monkeypatch.setattr(os, "open", failing_creation(error))
    else:
        monkeypatch.setattr(os, "fdopen", failing_writes(error))
    code, out, err = run_main(
        capsys, "export", "base.yaml", "-f", "yaml", "-f", "json", "-o", "out"
    )
    assert (1, "") == (code, out)
    assert [f"launchbrief: error: cannot write out/demo-launch.yaml: {os.strerror(error)}"] == err
    assert before == tree(folder)


def test_unreadable_input_is_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input file that cannot be read: exit 1, `cannot read base.yaml: Permission denied`."""
    real = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "base.yaml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    for command in ("export", "show"):
        code, out, err = run_main(
            capsys, command, "base.yaml", *(["-o", "o"] if command == "export" else [])
        )
        assert (1, "", ["launchbrief: error: cannot read base.yaml: Permission denied"]) == (
            code,
            out,
            err,
        )
    code, out, err = run_main(capsys, "validate", "base.yaml", "muse-spark")
    assert 1 == code
    assert ["launchbrief: error: cannot read base.yaml: Permission denied"] == err
    assert out.startswith("muse-spark: valid")
    assert ["base.yaml"] == sorted(p.name for p in folder.iterdir())


@pytest.mark.skipif(
    ROOT and not NO_ROOT_POWERS, reason="chmod does not stop root, and setpriv is missing"
)
def test_read_only_folder_and_unreadable_file_as_real_processes(folder: Path) -> None:
    """chmod'ed folder and file: one line each, exit 1, nothing written."""
    (folder / "ro").mkdir()
    (folder / "ro").chmod(0o555)
    try:
        result = run(
            "export", "base.yaml", "-f", "json", "-o", "ro", cwd=folder, prefix=NO_ROOT_POWERS
        )
        assert (1, ["launchbrief: error: cannot write ro/demo-launch.json: Permission denied"]) == (
            result.returncode,
            result.stderr.splitlines(),
        )
        assert [] == list((folder / "ro").iterdir())
    finally:
        (folder / "ro").chmod(0o755)
    (folder / "base.yaml").chmod(0)
    result = run("validate", "base.yaml", cwd=folder, prefix=NO_ROOT_POWERS)
    assert (1, ["launchbrief: error: cannot read base.yaml: Permission denied"]) == (
        result.returncode,
        result.stderr.splitlines(),
    )


def _limit_file_size() -> None:  # pragma: no cover - runs in the child
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))


def test_file_size_limit_as_a_real_process(folder: Path) -> None:
    """A real write failure (RLIMIT_FSIZE, EFBIG) in a real process: one line, exit 1, no file."""
    before = with_old_exports(folder)
    result = run(
        "export",
        "muse-spark",
        "-f",
        "json",
        "-o",
        "out",
        cwd=folder,
        preexec_fn=_limit_file_size,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert (1, "") == (result.returncode, result.stdout)
    assert [
        f"launchbrief: error: cannot write out/muse-spark.json: {os.strerror(errno.EFBIG)}"
    ] == (result.stderr.splitlines())
    assert before == tree(folder)


def test_output_folder_that_cannot_be_made(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output folder that cannot be created is named in one line, exit 1."""

    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, out, err = run_main(capsys, "export", "base.yaml", "-f", "json", "-o", "new/out")
    assert (1, "") == (code, out)
    assert ["launchbrief: error: cannot create the folder new/out: Permission denied"] == err


@pytest.mark.parametrize("command", ["export", "show", "validate"])
def test_memory_error_is_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Running out of memory: exit 1, `not enough memory to <command> base.yaml`, no traceback."""

    def exhausted(*args: Any, **kwargs: Any) -> None:
        raise MemoryError

    if command == "export":
        monkeypatch.setattr(JsonExporter, "export", exhausted)
    else:
        monkeypatch.setattr(launch_io, "load", exhausted)
    extra = ["-f", "json", "-o", "out"] if command == "export" else []
    code, out, err = run_main(capsys, command, "base.yaml", *extra)
    assert (1, "", [f"launchbrief: error: not enough memory to {command} base.yaml"]) == (
        code,
        out,
        err,
    )
    assert ["base.yaml"] == [name for name, data in tree(folder).items() if data != b"<dir>"]


def test_sigterm_mid_export_leaves_no_temporary_file(folder: Path) -> None:
    """SIGTERM while exporting: exit 143, earlier exports intact, no temporary file left."""
    before = with_old_exports(folder)
    script = (
        "import os, signal, sys\n"
        "from launchbrief import cli\n"
        "from launchbrief.exporters.text import YamlExporter\n"
        "real = YamlExporter.export\n"
        "def export(self, launch, dest, /, **options):\n"
        "    real(self, launch, dest, **options)\n"
        "    dest.write(b'more')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    dest.write(b'and more')\n"
        "YamlExporter.export = export\n"
        "sys.exit(cli.main(['export', 'base.yaml', '-f', 'json', '-f', 'yaml', '-o', 'out']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (128 + signal.SIGTERM, "", "") == (result.returncode, result.stdout, result.stderr)
    assert before == tree(folder)


def test_a_stale_temporary_file_goes_with_the_next_export(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export removes a dead process's temporary file, keeps a live one's and foreign files."""
    (folder / "out").mkdir()
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    stale = folder / "out" / f".demo-launch.xlsx.{ended.pid}.0a1b2c3d.launchbrief-tmp"
    live = folder / "out" / f".demo-launch.pptx.{os.getppid()}.0a1b2c3d.launchbrief-tmp"
    foreign = folder / "out" / ".foo.tmp"
    for path in (stale, live, foreign):
        path.write_bytes(b"x")
    code, _out, _err = run_main(capsys, "export", "base.yaml", "-f", "json", "-o", "out")
    assert 0 == code
    assert sorted([live.name, foreign.name, "demo-launch.json"]) == sorted(
        p.name for p in (folder / "out").iterdir()
    )


# --------------------------------------------------------------------------- SOURCE_DATE_EPOCH


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'abc'"),
        (
            "99999999999",
            "SOURCE_DATE_EPOCH=99999999999 is after 2107-12-31, the last date a zip archive can hold",
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["xlsx", "pptx"])
def test_bad_source_date_epoch_is_one_line(
    folder: Path, value: str, message: str, fmt: str
) -> None:
    """A malformed or post-2107 SOURCE_DATE_EPOCH: exit 2, exactly one line, nothing written."""
    before = with_old_exports(folder)
    result = run(
        "export",
        "base.yaml",
        "-f",
        fmt,
        "-f",
        "json",
        "-o",
        "out",
        cwd=folder,
        env={**os.environ, "SOURCE_DATE_EPOCH": value},
    )
    assert (2, "", [f"launchbrief: error: {message}"]) == (
        result.returncode,
        result.stdout,
        result.stderr.splitlines(),
    )
    assert before == tree(folder)


def test_early_source_date_epoch_still_exports(folder: Path) -> None:
    """A negative SOURCE_DATE_EPOCH is raised to 1980 and the workbook is written."""
    result = run(
        "export",
        "base.yaml",
        "-f",
        "xlsx",
        "-o",
        "out",
        cwd=folder,
        env={**os.environ, "SOURCE_DATE_EPOCH": "-5"},
    )
    assert (0, "") == (result.returncode, result.stderr)


# --------------------------------------------------------------------------- warnings


def hostile_json(folder: Path) -> Path:
    """The base launch with a bell character in its summary, as JSON (YAML cannot hold it)."""
    launch = lb.load(BASE)
    return lb.dump(attrs.evolve(launch, summary="Rings a \x07 bell"), folder / "bell.json")


def test_warnings_are_one_line_each(folder: Path) -> None:
    """The workbook's XlsxTextWarning is printed as one `launchbrief: warning:` line, exit 0."""
    hostile_json(folder)
    result = run("export", "bell.json", "-f", "xlsx", "-o", "out", cwd=folder)
    assert 0 == result.returncode, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("launchbrief: warning: 1 text field(s) hold control characters"), line
    assert (folder / "out" / "demo-launch.xlsx").is_file()


@pytest.mark.filterwarnings("default::UserWarning")
def test_main_formats_warnings_and_leaves_them_alone_for_the_api(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() prints warnings as lines only while it runs; the API still warns the usual way."""
    source = hostile_json(folder)
    shown = warnings.showwarning
    code, _out, err = run_main(capsys, "export", "bell.json", "-f", "xlsx", "-o", "out")
    assert 0 == code
    assert [True] == [line.startswith("launchbrief: warning: 1 text field(s)") for line in err]
    assert shown is warnings.showwarning
    from launchbrief.exporters.xlsx import XlsxTextWarning

    with pytest.warns(XlsxTextWarning):
        lb.export(lb.load(source), folder / "api.xlsx")


# --------------------------------------------------------------------------- bounded


def test_hostile_situations_stay_bounded(folder: Path) -> None:
    """A folder in the way of a multi-format export is refused within the time bound."""
    (folder / "n" / "demo-launch.pptx").mkdir(parents=True)
    done = run_bounded("export", "base.yaml", "-f", "xlsx", "-f", "pptx", "-o", "n", cwd=folder)
    assert 2 == done.returncode, done.report()
    assert done.seconds < 10, done.report()
    assert ["demo-launch.pptx"] == [p.name for p in (folder / "n").iterdir()]


def test_parallel_exports_into_one_folder_all_succeed(folder: Path) -> None:
    """Four exports at once into the same folder all succeed and leave only whole files."""
    lb.dump(lb.load("muse-spark"), folder / "muse.json")
    commands = [
        ["export", source, "-f", "json", "-f", "yaml", "-f", "xlsx", "-o", "out"]
        for source in ("base.yaml", "muse.json", "base.yaml", "muse.json")
    ]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "launchbrief", *args],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for args in commands
    ]
    errors = [process.communicate(timeout=300)[1] for process in processes]
    assert [(0, b"")] * 4 == [(p.returncode, e) for p, e in zip(processes, errors, strict=True)]
    names = sorted(p.name for p in (folder / "out").iterdir())
    assert [
        f"{i}.{s}" for i in ("demo-launch", "muse-spark") for s in ("json", "xlsx", "yaml")
    ] == names
    assert lb.load(folder / "out" / "muse-spark.yaml") == lb.load(
        folder / "out" / "muse-spark.xlsx"
    )
