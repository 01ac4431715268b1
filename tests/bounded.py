"""Run the command line as a real process under a memory cap, and measure what it took.

Hostile inputs must be refused within :data:`SECONDS` of wall time and
:data:`MEMORY_BYTES` of memory on the 2-core CI machine (docs/reliability.md).
:func:`run_bounded` starts ``python -m launchbrief`` with its address space capped
(``RLIMIT_AS``), so a run that tries to use more fails instead of swapping the
machine, and reports the wall time and the peak resident memory of that one process.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["MEMORY_BYTES", "SECONDS", "BoundedRun", "run_all_bounded", "run_bounded"]

#: The wall-time bound for refusing any hostile input.
SECONDS = 10.0
#: The memory bound: 1.5 GiB, as address space (peak resident memory is below it).
MEMORY_BYTES = 3 * 2**29


@dataclass(frozen=True)
class BoundedRun:
    """One finished command: exit code, output, wall seconds and peak resident bytes."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_bytes: int

    def report(self) -> str:
        """Everything about the run, for an assertion message."""
        return (
            f"launchbrief {' '.join(self.args)}: exit {self.returncode},"
            f" {self.seconds:.1f} s, {self.peak_bytes / 2**20:.0f} MiB\n"
            f"--- stdout\n{self.stdout[:4000]}--- stderr\n{self.stderr[:4000]}"
        )


def _cap_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_bounded(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120.0,
) -> BoundedRun:
    """Run ``python -m launchbrief ARGS`` under the memory cap; wall time and peak RSS."""
    [run] = run_all_bounded([args], cwd=cwd, env=env, timeout=timeout)
    return run


def run_all_bounded(
    commands: Sequence[Sequence[str]],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120.0,
) -> list[BoundedRun]:
    """Run several commands side by side, each under the memory cap; one result each, in order."""
    with contextlib.ExitStack() as stack:
        started = []
        for args in commands:
            out = stack.enter_context(tempfile.TemporaryFile())
            err = stack.enter_context(tempfile.TemporaryFile())
            process = subprocess.Popen(
                [sys.executable, "-m", "launchbrief", *args],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                preexec_fn=_cap_memory,
            )
            started.append((tuple(args), process, out, err, time.perf_counter()))
        return [_finish(*entry, timeout=timeout) for entry in started]


def _finish(
    args: tuple[str, ...],
    process: subprocess.Popen[bytes],
    out: IO[bytes],
    err: IO[bytes],
    started: float,
    *,
    timeout: float,
) -> BoundedRun:
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    return BoundedRun(
        args=args,
        returncode=process.returncode,
        stdout=out.read().decode("utf-8", "replace"),
        stderr=err.read().decode("utf-8", "replace"),
        seconds=seconds,
        peak_bytes=usage.ru_maxrss * 1024,  # kilobytes on Linux
    )
