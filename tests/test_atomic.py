"""Tests for launchbrief._atomic: nothing half-written, nothing lost."""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from launchbrief import _atomic


def test_replace_writes_the_new_bytes(tmp_path: Path) -> None:
    """A clean block puts exactly the written bytes at the target."""
    target = tmp_path / "out.bin"
    with _atomic.replace(target) as stream:
        stream.write(b"hello")
    assert b"hello" == target.read_bytes()
    assert ["out.bin"] == sorted(p.name for p in tmp_path.iterdir())


def test_replace_keeps_the_old_file_when_the_block_fails(tmp_path: Path) -> None:
    """A failing block leaves the existing file byte for byte and no temporary file behind."""
    target = tmp_path / "out.bin"
    target.write_bytes(b"precious")

    def write_half() -> None:
        with _atomic.replace(target) as stream:
            stream.write(b"half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_half()
    assert b"precious" == target.read_bytes()
    assert ["out.bin"] == sorted(p.name for p in tmp_path.iterdir())


def test_replace_creates_no_file_when_the_block_fails(tmp_path: Path) -> None:
    """A failing block with no existing target leaves the folder empty."""
    with pytest.raises(KeyboardInterrupt), _atomic.replace(tmp_path / "new.bin"):
        raise KeyboardInterrupt
    assert [] == list(tmp_path.iterdir())


def test_replace_gives_the_usual_permissions(tmp_path: Path) -> None:
    """The written file is readable by others as the umask allows, not private like mkstemp's."""
    target = tmp_path / "out.bin"
    umask = os.umask(0o022)
    try:
        with _atomic.replace(target) as stream:
            stream.write(b"x")
    finally:
        os.umask(umask)
    assert 0o644 == target.stat().st_mode & 0o777


# --------------------------------------------------------------------------- helpers


def dead_pid() -> int:
    """The PID of a process that has just ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def stale_name(name: str, pid: int, token: str = "0123abcd") -> str:
    """A file name in our temporary-file pattern."""
    return f".{name}.{pid}.{token}.launchbrief-tmp"


def write_all(targets: list[Path]) -> None:
    """Write every target with replace_all, each holding b"new"."""
    with _atomic.replace_all(targets) as staging:
        for target in targets:
            with staging.open(target) as stream:
                stream.write(b"new")


def listing(folder: Path) -> dict[str, bytes]:
    """Every entry of ``folder`` by name, with the bytes of each file."""
    return {p.name: p.read_bytes() if p.is_file() else b"<dir>" for p in folder.iterdir()}


# --------------------------------------------------------------------------- temporary files


def test_temporary_file_is_named_after_target_and_pid(tmp_path: Path) -> None:
    """While a file is written, its temporary file matches TEMPORARY with our PID and target name."""
    with _atomic.replace(tmp_path / "out.bin") as stream:
        stream.write(b"x")
        [name] = [p.name for p in tmp_path.iterdir()]
    match = _atomic.TEMPORARY.match(name)
    assert match is not None, name
    assert ("out.bin", os.getpid()) == (match["name"], int(match["pid"]))


def test_errors_name_the_target_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError from writing or renaming names the user's target, never our temporary file."""
    target = tmp_path / "out.bin"

    def no_space(stream: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OSError, match="No space") as caught, _atomic.replace(target) as stream:
        no_space(stream)
    assert (errno.ENOSPC, str(target)) == (caught.value.errno, caught.value.filename)

    def read_only(source: Any, destination: Any) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), source, destination)

    monkeypatch.setattr(os, "replace", read_only)
    with pytest.raises(OSError, match="Read-only") as renamed, _atomic.replace(target) as stream:
        stream.write(b"x")
    assert isinstance(renamed.value, OSError)
    assert (errno.EROFS, str(target), None) == (
        renamed.value.errno,
        renamed.value.filename,
        renamed.value.filename2,
    )
    assert [] == list(tmp_path.iterdir())


def test_an_error_about_another_file_is_left_alone(tmp_path: Path) -> None:
    """An OSError about some other file (a template, say) keeps its own file name."""
    with pytest.raises(FileNotFoundError) as caught, _atomic.replace(tmp_path / "out.bin"):
        open(tmp_path / "template.pptx", "rb")  # noqa: SIM115 - raises
    assert str(tmp_path / "template.pptx") == caught.value.filename


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    """Creating the temporary file in a missing folder fails naming the target."""
    target = tmp_path / "missing" / "out.bin"
    with pytest.raises(FileNotFoundError) as caught, _atomic.replace(target):
        pass
    assert str(target) == caught.value.filename


# --------------------------------------------------------------------------- replace_all


def test_replace_all_puts_every_file_in_place(tmp_path: Path) -> None:
    """A clean block puts every target's bytes in place and leaves nothing else."""
    targets = [tmp_path / "a.json", tmp_path / "b.xlsx"]
    (tmp_path / "a.json").write_bytes(b"old a")
    with _atomic.replace_all(targets) as staging:
        for target in targets:
            with staging.open(target) as stream:
                stream.write(target.name.encode())
    assert {"a.json": b"a.json", "b.xlsx": b"b.xlsx"} == listing(tmp_path)


def test_replace_all_creates_each_temporary_file_when_it_is_written(tmp_path: Path) -> None:
    """A target's temporary file exists only from the moment that target is written."""
    targets = [tmp_path / "a.json", tmp_path / "b.xlsx"]
    seen = []
    with _atomic.replace_all(targets) as staging:
        seen.append(len(list(tmp_path.iterdir())))
        for target in targets:
            with staging.open(target) as stream:
                seen.append(len(list(tmp_path.iterdir())))
                stream.write(b"x")
    assert [0, 1, 2] == seen


def test_replace_all_refuses_a_folder_target_before_any_rename(tmp_path: Path) -> None:
    """A target that is a folder fails the whole batch: no file replaced, nothing left behind."""
    (tmp_path / "a.json").write_bytes(b"old a")
    (tmp_path / "c.pptx").write_bytes(b"old c")
    targets = [tmp_path / "a.json", tmp_path / "b.xlsx", tmp_path / "c.pptx"]
    before = listing(tmp_path)

    def write_all() -> None:
        with _atomic.replace_all(targets) as staging:
            for target in targets:
                with staging.open(target) as stream:
                    stream.write(b"new")
            # The folder appears after the up-front check, before the renames.
            (tmp_path / "b.xlsx" / "x").mkdir(parents=True)

    with pytest.raises(IsADirectoryError) as caught:
        write_all()
    assert str(tmp_path / "b.xlsx") == caught.value.filename
    assert {**before, "b.xlsx": b"<dir>"} == listing(tmp_path)


def test_replace_all_refuses_a_folder_target_before_writing(tmp_path: Path) -> None:
    """A target that is already a folder is refused before anything is written."""
    (tmp_path / "b.xlsx").mkdir()
    with pytest.raises(IsADirectoryError), _atomic.replace_all([tmp_path / "b.xlsx"]):
        pytest.fail("the block must not run")


@pytest.mark.parametrize("links", [True, False], ids=["hard-links", "no-hard-links"])
@pytest.mark.parametrize(
    "failure", [OSError(errno.EBUSY, "Device or resource busy"), KeyboardInterrupt()]
)
def test_replace_all_rolls_back_when_a_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool, failure: BaseException
) -> None:
    """When the third rename fails, the two files already replaced get their old bytes back."""
    names = ["a.json", "b.yaml", "c.xlsx", "d.pptx"]
    targets = [tmp_path / name for name in names]
    for target in targets[:3]:
        target.write_bytes(b"old " + target.name.encode())
    before = listing(tmp_path)
    real_replace = os.replace
    renames: list[str] = []

    def fail_third(source: Any, destination: Any) -> None:
        # Moving an old file aside, and everything after the failure (the rollback), works.
        if renames[-1:] == ["failed"] or str(destination).endswith(".launchbrief-tmp"):
            real_replace(source, destination)
            return
        renames.append(Path(destination).name)
        if len(renames) == 3:
            renames.append("failed")
            raise failure
        real_replace(source, destination)

    def no_links(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "replace", fail_third)
    if not links:
        monkeypatch.setattr(os, "link", no_links)
    with pytest.raises(type(failure)):
        write_all(targets)
    assert ["a.json", "b.yaml", "c.xlsx", "failed"] == renames
    assert before == listing(tmp_path)


def test_replace_all_failed_write_leaves_everything(tmp_path: Path) -> None:
    """A failure while writing the second file removes the first's temporary file too."""
    (tmp_path / "a.json").write_bytes(b"old a")
    targets = [tmp_path / "a.json", tmp_path / "b.xlsx"]
    with pytest.raises(RuntimeError), _atomic.replace_all(targets) as staging:  # noqa: PT012
        with staging.open(targets[0]) as stream:
            stream.write(b"new a")
        with staging.open(targets[1]) as stream:
            stream.write(b"half")
            raise RuntimeError("exporter failed")
    assert {"a.json": b"old a"} == listing(tmp_path)


def test_replace_all_only_opens_its_targets(tmp_path: Path) -> None:
    """Opening a path that is not one of the targets is a programming error."""
    with (
        pytest.raises(ValueError, match="not one of the targets"),
        _atomic.replace_all([tmp_path / "a"]) as staging,
        staging.open(tmp_path / "b"),
    ):
        pass
    assert [] == list(tmp_path.iterdir())


# --------------------------------------------------------------------------- stale files


def test_remove_stale_removes_only_dead_processes_files(tmp_path: Path) -> None:
    """A file of ours from a dead process goes; a live process's, a foreign or odd one stays."""
    dead = stale_name("demo.xlsx", dead_pid())
    live = stale_name("demo.pptx", os.getppid())
    foreign = [
        ".foo.tmp",
        ".demo.xlsx.abcd1234.tmp",
        "demo.launchbrief-tmp",
        ".x.12.zzzzzzzz.launchbrief-tmp",
    ]
    for name in (dead, live, *foreign):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / stale_name("folder", dead_pid(), "feedbeef")).mkdir()
    os.symlink(tmp_path / ".foo.tmp", tmp_path / stale_name("link", dead_pid(), "beefbeef"))
    before = sorted(p.name for p in tmp_path.iterdir())
    assert [tmp_path / dead] == _atomic.remove_stale(tmp_path)
    assert sorted(set(before) - {dead}) == sorted(p.name for p in tmp_path.iterdir())


def test_remove_stale_keeps_a_locked_file_of_a_dead_pid(tmp_path: Path) -> None:
    """A file whose lock is held (its writer alive, in another PID namespace say) stays."""
    path = tmp_path / stale_name("demo.xlsx", dead_pid())
    path.write_bytes(b"x")
    with path.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert [] == _atomic.remove_stale(tmp_path)
        assert path.exists()
    assert [path] == _atomic.remove_stale(tmp_path)


def test_remove_stale_removes_a_day_old_file_of_a_live_pid(tmp_path: Path) -> None:
    """A reused PID does not keep an unlocked temporary file forever: after a day it goes."""
    path = tmp_path / stale_name("demo.xlsx", os.getppid())
    path.write_bytes(b"x")
    assert [] == _atomic.remove_stale(tmp_path)
    later = time.time() + _atomic.STALE_SECONDS + 60
    assert [path] == _atomic.remove_stale(tmp_path, now=later)


def test_replace_clears_stale_files_and_keeps_concurrent_ones(tmp_path: Path) -> None:
    """The next write into a folder removes a dead process's temporary file only."""
    dead = tmp_path / stale_name("demo.xlsx", dead_pid())
    dead.write_bytes(b"x")
    (tmp_path / ".foo.tmp").write_bytes(b"not ours")
    with _atomic.replace(tmp_path / "a.json") as first:
        first.write(b"a")
        # A second, concurrent write into the same folder keeps the first one's file.
        with _atomic.replace(tmp_path / "b.json") as second:
            second.write(b"b")
    assert {"a.json": b"a", "b.json": b"b", ".foo.tmp": b"not ours"} == listing(tmp_path)


def test_killed_writer_leaves_a_file_the_next_write_removes(tmp_path: Path) -> None:
    """kill -9 mid-write leaves a temporary file: kept while its writer lives, removed after."""
    code = (
        "import sys, time\n"
        "from launchbrief import _atomic\n"
        "with _atomic.replace(sys.argv[1]) as stream:\n"
        "    stream.write(b'half')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path / "demo.xlsx")], stdout=subprocess.PIPE
    )
    try:
        assert writer.stdout is not None
        assert b"writing\n" == writer.stdout.readline()
        [left] = list(tmp_path.iterdir())
        assert [] == _atomic.remove_stale(tmp_path)  # its writer is alive and holds the lock
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    assert [left] == list(tmp_path.iterdir())
    with _atomic.replace(tmp_path / "demo.xlsx") as stream:
        stream.write(b"whole")
    assert {"demo.xlsx": b"whole"} == listing(tmp_path)
