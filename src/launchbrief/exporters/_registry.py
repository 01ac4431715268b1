"""Entry-point discovery of exporters: read once, cached, loaded on first use."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import IO, Any, ClassVar, Protocol, runtime_checkable

from launchbrief import _atomic
from launchbrief.exceptions import LaunchbriefError, UnknownFormatError
from launchbrief.model import Launch

__all__ = [
    "ENTRY_POINT_GROUP",
    "Exporter",
    "ExporterEntry",
    "exporters",
    "get_exporter",
    "open_destination",
]

ENTRY_POINT_GROUP = "launchbrief.exporters"


@runtime_checkable
class Exporter(Protocol):
    """What an exporter plugin provides.

    ``export`` writes ``launch`` to ``dest``, a path or a writable binary stream;
    its options are keyword-only and documented in its docstring.
    """

    name: ClassVar[str]
    suffix: ClassVar[str]  # with the dot: ".xlsx"
    media_type: ClassVar[str]
    description: ClassVar[str]  # one line
    #: Whether ``launchbrief export`` writes this format when no ``-f`` is given.
    document: ClassVar[bool]

    def export(
        self, launch: Launch, dest: str | os.PathLike[str] | IO[bytes], /, **options: Any
    ) -> None:
        """Write ``launch`` to ``dest``."""


class ExporterEntry:
    """A registered exporter, known by name until it is loaded.

    ``load()`` imports the plugin and returns an instance, or raises
    :class:`~launchbrief.exceptions.LaunchbriefError` naming the plugin and the reason.
    """

    def __init__(self, entry_point: metadata.EntryPoint) -> None:
        self.name = entry_point.name
        self.target = entry_point.value
        self._entry_point = entry_point

    def __repr__(self) -> str:
        return f"ExporterEntry({self.name!r}, {self.target!r})"

    def load(self) -> Exporter:
        """Import the plugin and return a ready exporter instance."""
        return _load(self._entry_point)


@functools.cache
def _load(entry_point: metadata.EntryPoint) -> Exporter:
    try:
        factory = entry_point.load()
        exporter = factory()
    except Exception as error:
        raise LaunchbriefError(
            f"exporter {entry_point.name!r} ({entry_point.value}) could not be loaded:"
            f" {type(error).__name__}: {error}"
        ) from error
    missing = [
        attribute
        for attribute in ("name", "suffix", "media_type", "description", "export")
        if not hasattr(exporter, attribute)
    ]
    if missing:
        raise LaunchbriefError(
            f"exporter {entry_point.name!r} ({entry_point.value}) lacks {', '.join(missing)}"
        )
    return exporter  # type: ignore[no-any-return]


@functools.cache
def _entries() -> tuple[ExporterEntry, ...]:
    found: dict[str, ExporterEntry] = {}
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        # The first registration of a name wins, so a plugin cannot shadow ours by accident.
        found.setdefault(entry_point.name, ExporterEntry(entry_point))
    return tuple(sorted(found.values(), key=lambda entry: entry.name))


def exporters() -> tuple[ExporterEntry, ...]:
    """Every registered exporter, sorted by name; nothing is imported."""
    return _entries()


def get_exporter(format: str | None = None, *, dest: object = None) -> Exporter:
    """The exporter for ``format`` (a name such as ``"xlsx"``), or for ``dest``'s suffix.

    Raises:
        UnknownFormatError: no exporter has that name or suffix.
        LaunchbriefError: the exporter is registered but cannot be loaded.
    """
    entries = {entry.name: entry for entry in _entries()}
    if format is None:
        if not isinstance(dest, (str, os.PathLike)):
            raise UnknownFormatError("cannot tell the format of a stream: pass format=")
        suffix = Path(dest).suffix.lower()
        if not suffix:
            raise UnknownFormatError(f"cannot tell the format of {str(dest)!r}: it has no suffix")
        # By convention an exporter is named after its suffix; try that one first.
        named = entries.get(suffix.lstrip("."))
        if named is not None and named.load().suffix.lower() == suffix:
            return named.load()
        for entry in entries.values():
            with contextlib.suppress(LaunchbriefError):
                exporter = entry.load()
                if exporter.suffix.lower() == suffix:
                    return exporter
        raise UnknownFormatError(
            f"no exporter writes {suffix!r} files (exporters: {', '.join(entries)})"
        )
    chosen = entries.get(format.lower().lstrip("."))
    if chosen is None:
        raise UnknownFormatError(f"unknown format {format!r} (exporters: {', '.join(entries)})")
    return chosen.load()


@contextlib.contextmanager
def open_destination(dest: str | os.PathLike[str] | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary stream to write an export to.

    A path is written atomically: to a temporary file beside it, renamed into place
    only if the block succeeds. A stream is used as it is, and left open.
    """
    if isinstance(dest, (str, os.PathLike)):
        with _atomic.replace(dest) as stream:
            yield stream
    else:
        yield dest
