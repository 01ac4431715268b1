"""Tests for launchbrief._atomic: nothing half-written, nothing lost."""

from __future__ import annotations

import os
from pathlib import Path

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
