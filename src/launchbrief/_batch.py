"""Export many launches at once: the good ones written, the bad ones reported, in parallel.

Each source is loaded, then exported with :func:`launchbrief._api.export_all` (all of
its formats or none), in up to ``jobs`` worker processes. A source that is not a
valid launch, or cannot be read or written, is reported with its located problems
and does not stop the others. Two sources with the same launch id would write the
same files: the later one is refused before anything of it is written.
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from launchbrief.exceptions import InvalidLaunchError, LaunchbriefError
from launchbrief.model import Launch

__all__ = ["Outcome", "expand", "export_each"]

#: Called after each source is done: ``(done, total, outcome)``.
Progress = Callable[[int, int, "Outcome"], None]


@attrs.frozen(kw_only=True)
class Outcome:
    """What became of one source: the files written, or why nothing was."""

    source: str
    launch_id: str | None = None
    written: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()  # bad input, each located: "a.yaml:3:7: results[0]: …"
    failure: str | None = None  # the system refused (a file that cannot be read or written)

    @property
    def ok(self) -> bool:
        """Whether every file of this source was written."""
        return not self.problems and self.failure is None


def expand(sources: Iterable[str]) -> list[str]:
    """``sources`` with each folder replaced by its launch files, sorted by name.

    A launch file is one a reader takes (:func:`launchbrief.readers.is_launch_file`:
    not hidden, not an Office lock file, a model card recognized by its content).
    Folders are not searched recursively. Other sources (files, built-in names) are
    kept as they are, in order.
    """
    from launchbrief.readers import is_launch_file

    found: list[str] = []
    for source in sources:
        path = Path(source)
        if not path.is_dir():
            found.append(source)
            continue
        for child in sorted(path.iterdir(), key=lambda p: p.name):
            if child.is_file() and is_launch_file(child):
                found.append(str(child))
    return found


def export_each(
    sources: Sequence[str],
    folder: str | os.PathLike[str],
    formats: Sequence[str],
    options: Mapping[str, Any] | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Export each of ``sources`` to ``folder`` in each of ``formats``; one outcome per source.

    ``jobs`` worker processes share the work (1: all in this process). Outcomes come
    back in the order of ``sources``. ``progress`` hears of each source as it is done.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    options = dict(options or {})
    total = len(sources)
    with _pool(min(jobs, total)) as run:
        loaded = list(run(_load_one, [(source,) for source in sources]))
        outcomes: dict[int, Outcome] = {}
        owners: dict[str, str] = {}
        work: list[tuple[int, Launch]] = []
        done = 0
        for index, (source, result) in enumerate(zip(sources, loaded, strict=True)):
            if isinstance(result, Outcome):
                outcomes[index] = result
            elif result.id in owners:
                outcomes[index] = Outcome(
                    source=source,
                    launch_id=result.id,
                    problems=(
                        f"{source}: the launch id {result.id!r} is also that of"
                        f" {owners[result.id]}: both would write the same files, so this one"
                        " is not exported",
                    ),
                )
            else:
                owners[result.id] = source
                work.append((index, result))
                continue
            done += 1
            if progress is not None:
                progress(done, total, outcomes[index])
        arguments = [
            (sources[i], launch, str(folder), tuple(formats), options) for i, launch in work
        ]
        for (index, _launch), outcome in zip(work, run(_export_one, arguments), strict=True):
            outcomes[index] = outcome
            done += 1
            if progress is not None:
                progress(done, total, outcome)
    return [outcomes[index] for index in range(total)]


class _pool:
    """A map over worker processes, or in this process for one job."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.executor: concurrent.futures.ProcessPoolExecutor | None = None

    def __enter__(self) -> Callable[[Callable[..., Any], list[tuple[Any, ...]]], Iterator[Any]]:
        if self.jobs > 1:
            self.executor = concurrent.futures.ProcessPoolExecutor(max_workers=self.jobs)
        return self.map

    def map(self, function: Callable[..., Any], arguments: list[tuple[Any, ...]]) -> Iterator[Any]:
        if self.executor is None:
            return (function(*each) for each in arguments)
        return self.executor.map(function, *zip(*arguments, strict=True)) if arguments else iter(())

    def __exit__(self, *exc: object) -> None:
        if self.executor is not None:
            # An interrupted batch stops at once: what has not started never starts.
            self.executor.shutdown(wait=True, cancel_futures=True)


def _load_one(source: str) -> Launch | Outcome:
    from launchbrief.io import load

    try:
        return load(source)
    except InvalidLaunchError as error:
        return Outcome(source=source, problems=tuple(str(p) for p in error.problems))
    except FileNotFoundError as error:
        return Outcome(source=source, problems=(_located(source, _os_text(error)),))
    except LaunchbriefError as error:
        return Outcome(source=source, problems=(_located(source, str(error)),))
    except OSError as error:
        return Outcome(source=source, failure=f"cannot read {source}: {_os_text(error)}")


def _export_one(
    source: str,
    launch: Launch,
    folder: str,
    formats: tuple[str, ...],
    options: dict[str, Any],
) -> Outcome:
    from launchbrief._api import export_all
    from launchbrief.exporters import get_exporter

    try:
        chosen = [get_exporter(name) for name in formats]
        written = export_all(launch, folder, chosen, options)
    except LaunchbriefError as error:
        return Outcome(source=source, launch_id=launch.id, problems=(_located(source, str(error)),))
    except OSError as error:
        return Outcome(source=source, launch_id=launch.id, failure=_cannot_write(error))
    return Outcome(source=source, launch_id=launch.id, written=tuple(written))


def _located(source: str, message: str) -> str:
    """A problem of a whole file, named like the located ones: ``a.yaml: message``."""
    return message if message.startswith(f"{source}:") else f"{source}: {message}"


def _cannot_write(error: OSError) -> str:
    # "cannot write out/x.json: reason", or "cannot write: reason" when no file is named.
    return f"cannot write{'' if error.filename is not None else ':'} {_os_text(error)}"


def _os_text(error: OSError) -> str:
    reason = error.strerror or str(error)
    return reason if error.filename is None else f"{os.fsdecode(error.filename)}: {reason}"
