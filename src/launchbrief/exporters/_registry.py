"""Entry-point discovery of exporters: read once, cached, loaded on first use.

The mechanism is shared with the readers (:mod:`launchbrief._plugins`).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from launchbrief._plugins import PluginEntry, by_cost, discover
from launchbrief.exceptions import LaunchbriefError, UnknownFormatError

if TYPE_CHECKING:
    from launchbrief.model import Launch

__all__ = [
    "ENTRY_POINT_GROUP",
    "Exporter",
    "ExporterEntry",
    "get_exporter",
    "list_exporters",
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


class ExporterEntry(PluginEntry[Exporter]):
    """A registered exporter, known by name until it is loaded.

    ``name`` is the format name, ``target`` the ``"module:Class"`` it points to.
    ``load()`` imports the plugin and returns an instance, or raises
    :class:`~launchbrief.exceptions.LaunchbriefError` naming the plugin and the reason.
    """

    kind = "exporter"
    required = ("name", "suffix", "media_type", "description", "export")


@functools.cache
def _entries() -> tuple[ExporterEntry, ...]:
    return discover(ENTRY_POINT_GROUP, ExporterEntry)


def list_exporters() -> tuple[ExporterEntry, ...]:
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
        # By convention an exporter is named after its suffix: that one is tried first,
        # and if it is broken, that is the error to report.
        named = suffix.lstrip(".")
        for entry in by_cost(entries.values(), named):
            try:
                exporter = entry.load()
            except LaunchbriefError:
                if entry.name == named:
                    raise
                continue
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
        from launchbrief import _atomic  # on use: listing exporters stays cheap

        with _atomic.replace(dest) as stream:
            yield stream
    else:
        yield dest
