"""``export``: hand a launch to the exporter plugin for a format."""

from __future__ import annotations

import contextlib
import inspect
import io
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, overload

from launchbrief import _atomic
from launchbrief._reproducible import document_time
from launchbrief.exceptions import ExportError
from launchbrief.exporters import Exporter, get_exporter
from launchbrief.model import Launch

__all__ = ["export", "export_all", "export_landscape_all"]


@overload
def export(
    launch: Launch, dest: str | os.PathLike[str], format: str | None = None, **options: Any
) -> Path: ...


@overload
def export(launch: Launch, dest: IO[bytes], format: str | None = None, **options: Any) -> None: ...


def export(
    launch: Launch,
    dest: str | os.PathLike[str] | IO[bytes],
    format: str | None = None,
    **options: Any,
) -> Path | None:
    """Export ``launch`` to ``dest`` with the exporter for ``format`` (default: dest's suffix).

    A path is written atomically: a failed export leaves no partial file and an
    existing file untouched. Options go to the exporter (see its docstring).
    Returns the path written, or ``None`` for a stream.

    Raises:
        UnknownFormatError: no exporter for that format or suffix.
        ExportError: the exporter cannot write this launch, or ``SOURCE_DATE_EPOCH``
            is malformed or after 2107.
        OSError: the file cannot be written; its ``filename`` is ``dest``.
    """
    exporter = get_exporter(format, dest=dest)
    # A bad SOURCE_DATE_EPOCH is refused before any exporter starts writing.
    document_time()
    if isinstance(dest, (str, os.PathLike)):
        path = Path(dest)
        with _atomic.replace(path) as stream:
            exporter.export(launch, stream, **options)
        return path
    exporter.export(launch, dest, **options)
    return None


def export_all(
    launch: Launch,
    folder: str | os.PathLike[str],
    exporters: Sequence[Exporter],
    options: Mapping[str, Any] | None = None,
    *,
    parallel: bool = False,
) -> list[Path]:
    """Export ``launch`` with each exporter to ``folder/<launch id><suffix>``: all or none.

    Every file is written beside its target first; they are put in place only when
    all succeeded, and if one cannot be, the others get their old bytes back. The
    folder must exist. Returns the paths written, in the order of ``exporters``.

    ``options`` go to each exporter that takes them, by keyword: ``{"accent": "#1F5AD1"}``
    reaches the workbook and the deck, ``{"template": "corp.pptx"}`` the deck only.
    ``{"since": earlier}`` (an earlier version of ``launch``, loaded once) gives the deck
    its "What changed" slide and the workbook its Changes sheet.

    With ``parallel=True``, on a system that can fork and has more than one CPU, the
    formats after the first are built at the same time in forked child processes (the
    workbook and the deck are independent); the files are the same bytes, and still put
    in place all or none. The command line asks for this; a caller with threads should not.

    Raises:
        ExportError: an exporter cannot write this launch, no exporter takes one of
            the options, a file would land outside ``folder``, or ``SOURCE_DATE_EPOCH``
            is malformed or after 2107; nothing is replaced.
        OSError: a file cannot be written or put in place, named by its target;
            nothing is replaced.
    """
    document_time()
    chosen = options_for(exporters, options or {})
    base = Path(folder)
    targets = []
    for exporter in exporters:
        target = base / f"{launch.id}{exporter.suffix}"
        # The id is a validated slug, but check anyway: an export never leaves its folder.
        if target.resolve().parent != base.resolve():
            raise ExportError(f"refusing to write outside {base}: {target}")
        targets.append((exporter, target))
    with _atomic.replace_all(target for _, target in targets) as staging:
        jobs = list(zip(targets, chosen, strict=True))
        if parallel and len(jobs) > 1 and _can_fork():
            (first, first_target), first_given = jobs[0]
            with _forked(launch, [(exporter, given) for (exporter, _), given in jobs[1:]]) as built:
                with staging.open(first_target) as stream:
                    first.export(launch, stream, **first_given)
                for ((_, target), _given), data in zip(jobs[1:], built(), strict=True):
                    with staging.open(target) as stream:
                        stream.write(data)
        else:
            for (exporter, target), given in jobs:
                with staging.open(target) as stream:
                    exporter.export(launch, stream, **given)
    return [target for _, target in targets]


def _can_fork() -> bool:
    """Whether building formats in forked processes is safe and can be faster here."""
    import multiprocessing
    import threading

    return (
        "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1  # forking a process with threads is unsafe
    )


@contextlib.contextmanager
def _forked(
    launch: Launch, jobs: Sequence[tuple[Exporter, Mapping[str, Any]]]
) -> Iterator[Callable[[], Iterator[bytes]]]:
    """Start one forked child per job, each exporting ``launch`` to bytes; yield a reader.

    The reader gives each child's bytes in order, or raises the error the child raised
    (an :class:`ExportError` naming it when it cannot be sent back whole). Children still
    running when the block ends (the parent's own export failed) are stopped.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    children = []
    for exporter, given in jobs:
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_build_in_child, args=(sender, exporter, launch, given), daemon=True
        )
        child.start()
        sender.close()
        children.append((child, receiver, exporter))

    def results() -> Iterator[bytes]:
        for child, receiver, exporter in children:
            try:
                kind, payload = receiver.recv()
            except EOFError:
                child.join()
                raise ExportError(
                    f"the {exporter.name} export stopped without a result"
                    f" (exit status {child.exitcode})"
                ) from None
            if kind == "error":
                raise payload
            yield payload

    try:
        yield results
    finally:
        for child, receiver, _exporter in children:
            receiver.close()
            if child.is_alive():
                child.terminate()
            child.join()


def _build_in_child(
    sender: Any, exporter: Exporter, launch: Launch, given: Mapping[str, Any]
) -> None:
    """In a forked child: export to bytes and send them, or the error, to the parent."""
    import pickle

    try:
        buffer = io.BytesIO()
        exporter.export(launch, buffer, **given)
        message: tuple[str, Any] = ("bytes", buffer.getvalue())
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        try:
            pickle.loads(pickle.dumps(error))
            message = ("error", error)
        except Exception:  # noqa: BLE001 - an error that cannot travel is described instead
            message = ("error", ExportError(f"{exporter.name}: {type(error).__name__}: {error}"))
    sender.send(message)
    sender.close()


def export_landscape_all(
    launches: Sequence[Launch],
    folder: str | os.PathLike[str],
    exporters: Sequence[Exporter],
    options: Mapping[str, Any] | None = None,
    *,
    name: str = "landscape",
) -> list[Path]:
    """Write ``launches`` side by side to ``folder/<name><suffix>`` with each exporter: all or none.

    Each exporter must have an ``export_landscape(launches, dest, **options)`` method
    (the workbook and the deck do). Options and errors are as for :func:`export_all`.
    """
    document_time()
    if len(launches) < 2:
        raise ExportError("a landscape needs at least two launches")
    lacking = [e.name for e in exporters if not callable(getattr(e, "export_landscape", None))]
    if lacking:
        raise ExportError(f"no landscape in {', '.join(lacking)} (formats with one: xlsx, pptx)")
    chosen = options_for(exporters, options or {}, method="export_landscape")
    base = Path(folder)
    targets = [(exporter, base / f"{name}{exporter.suffix}") for exporter in exporters]
    with _atomic.replace_all(target for _, target in targets) as staging:
        for (exporter, target), given in zip(targets, chosen, strict=True):
            with staging.open(target) as stream:
                exporter.export_landscape(launches, stream, **given)  # type: ignore[attr-defined]
    return [target for _, target in targets]


def options_for(
    exporters: Sequence[Exporter], options: Mapping[str, Any], *, method: str = "export"
) -> list[dict[str, Any]]:
    """For each exporter, the options its ``export`` (or ``method``) takes by keyword.

    An option no exporter takes is an error, named: it would be silently ignored.
    """
    taken: list[dict[str, Any]] = []
    for exporter in exporters:
        parameters = inspect.signature(getattr(exporter, method)).parameters
        takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
        taken.append(
            {
                name: value
                for name, value in options.items()
                if takes_any
                or (
                    name in parameters
                    and parameters[name].kind
                    in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
                )
            }
        )
    unused = [name for name in options if not any(name in given for given in taken)]
    if unused:
        formats = ", ".join(e.suffix.lstrip(".") for e in exporters) or "none"
        raise ExportError(
            f"no format chosen takes {', '.join(repr(u) for u in unused)} (chosen: {formats})"
        )
    return taken
