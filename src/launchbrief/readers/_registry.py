"""Entry-point discovery of readers, and the choice of the reader for a file.

The mechanism is shared with the exporters (:mod:`launchbrief._plugins`).
"""

from __future__ import annotations

import functools
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from launchbrief._plugins import PluginEntry, by_cost, discover
from launchbrief.exceptions import LaunchbriefError, UnknownFormatError

if TYPE_CHECKING:
    from launchbrief.model import Launch

__all__ = [
    "ENTRY_POINT_GROUP",
    "SNIFF_BYTES",
    "Reader",
    "ReaderEntry",
    "find_reader",
    "get_reader",
    "known_suffixes",
    "list_readers",
]

ENTRY_POINT_GROUP = "launchbrief.readers"

#: How much of a file a reader's ``sniff`` is shown: its first 64 KiB.
SNIFF_BYTES = 64 * 1024


@runtime_checkable
class Reader(Protocol):
    """What a reader plugin provides.

    ``read`` builds a launch from the file at ``source`` and raises
    :class:`~launchbrief.exceptions.InvalidLaunchError` listing every problem, each
    located (file and line and column, or sheet and cell) and with its field path; its
    options are keyword-only and documented in its docstring.

    A reader may also define ``sniff(head: bytes) -> bool``: whether a file that
    begins with ``head`` (its first :data:`SNIFF_BYTES` bytes, or all of a shorter
    file) is one it reads. It is asked only about files whose suffix no reader takes,
    must be quick, and must not raise.
    """

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]  # with their dots: (".yaml", ".yml")
    description: ClassVar[str]  # one line

    def read(self, source: Path, /, **options: Any) -> Launch:
        """Read the launch at ``source``."""


class ReaderEntry(PluginEntry[Reader]):
    """A registered reader, known by name until it is loaded.

    ``name`` is the reader's name, ``target`` the ``"module:Class"`` it points to.
    ``load()`` imports the plugin and returns an instance, or raises
    :class:`~launchbrief.exceptions.LaunchbriefError` naming the plugin and the reason.
    """

    kind = "reader"
    required = ("name", "suffixes", "description", "read")

    @classmethod
    def problems(cls, plugin: object) -> list[str]:
        """What is wrong with a loaded reader: a missing attribute, or suffixes not like ``(".md",)``."""
        found = super().problems(plugin)
        if found:
            return found
        suffixes = getattr(plugin, "suffixes", ())
        if isinstance(suffixes, str) or not isinstance(suffixes, Iterable):
            good = False
        else:
            good = all(
                isinstance(suffix, str) and suffix.startswith(".") and len(suffix) > 1
                for suffix in suffixes
            )
        if not good:
            found.append(
                f"declares suffixes {suffixes!r}: expected a tuple of suffixes with their"
                " dots, such as ('.md',)"
            )
        if not callable(getattr(plugin, "sniff", _no_sniff)):
            found.append("declares sniff, but it is not a method")
        return found


def _no_sniff(head: bytes) -> bool:
    return False


@functools.cache
def _entries() -> tuple[ReaderEntry, ...]:
    return discover(ENTRY_POINT_GROUP, ReaderEntry)


def list_readers() -> tuple[ReaderEntry, ...]:
    """Every registered reader, sorted by name; nothing is imported."""
    return _entries()


def get_reader(name: str) -> Reader:
    """The reader named ``name`` (such as ``"yaml"`` or ``"xlsx"``; case and a leading dot are ignored).

    Raises:
        UnknownFormatError: no reader has that name.
        LaunchbriefError: the reader is registered but cannot be loaded.
    """
    entries = {entry.name: entry for entry in _entries()}
    chosen = entries.get(name.lower().lstrip("."))
    if chosen is None:
        raise UnknownFormatError(f"unknown reader {name!r} (readers: {', '.join(entries)})")
    return chosen.load()


def suffixes_of(reader: Reader) -> tuple[str, ...]:
    """The suffixes a reader takes, in lower case."""
    return tuple(suffix.lower() for suffix in reader.suffixes)


def find_reader(path: Path, shown: str | None = None) -> Reader:
    """The reader for the file at ``path``: the one that takes its suffix, else one that sniffs it.

    Readers are loaded only until one takes the suffix, the one named after the suffix
    first (see :func:`launchbrief._plugins.by_cost`). Only when none takes it are the
    file's first bytes read and shown to each reader's ``sniff``, in name order.
    ``shown`` is the file as the user wrote it, for messages.

    Raises:
        UnknownFormatError: no reader takes the file. The message lists the suffixes
            that can be read and every reader that could not be loaded, with the reason:
            the file may have been meant for one of them.
    """
    shown = str(path) if shown is None else shown
    suffix = path.suffix.lower()
    loaded: dict[str, Reader] = {}
    broken: list[str] = []
    for entry in by_cost(_entries(), suffix.lstrip(".")):
        try:
            reader = entry.load()
        except LaunchbriefError as error:
            broken.append(str(error))
            continue
        if suffix and suffix in suffixes_of(reader):
            return reader
        loaded[entry.name] = reader
    head = _head(path)
    if head is not None:
        for entry in _entries():
            sniff = getattr(loaded.get(entry.name), "sniff", None)
            if sniff is None:
                continue
            try:
                recognized = bool(sniff(head))
            except Exception as error:  # noqa: BLE001 - a plugin's bug must not stop the others
                broken.append(
                    f"reader {entry.name!r} ({entry.target}) failed to sniff the file:"
                    f" {type(error).__name__}: {error}"
                )
                continue
            if recognized:
                return loaded[entry.name]
    known = [s for name in sorted(loaded) for s in suffixes_of(loaded[name])]
    message = (
        f"cannot read {shown!r}: unknown file type {suffix or '(none)'!r}"
        f" (expected {_either(known) if known else 'no reader is installed'})"
    )
    if broken:
        message += "; a reader that could not be loaded may take it: " + "; ".join(broken)
    raise UnknownFormatError(message)


def known_suffixes() -> tuple[str, ...]:
    """Every suffix some reader takes, in reader order; this loads every reader.

    A reader that cannot be loaded counts with the suffix of its name (``.lb`` for a
    reader named ``lb``), so that its files are still tried, and its failure reported.
    """
    found: dict[str, None] = {}
    for entry in _entries():
        try:
            found.update(dict.fromkeys(suffixes_of(entry.load())))
        except LaunchbriefError:
            found[f".{entry.name.lower()}"] = None
    return tuple(found)


def _head(path: Path) -> bytes | None:
    """The first bytes of a regular file, or ``None`` for anything else or an unreadable file."""
    try:
        # Never open a pipe or a device: opening a pipe waits for a writer.
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as stream:
            return stream.read(SNIFF_BYTES)
    except OSError:
        return None


def _either(items: list[str]) -> str:
    """``".a, .b or .c"``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def is_launch_file(path: Path) -> bool:
    """Whether a file in a folder of launches is one: a reader takes its suffix.

    A reader that sets ``by_content = True`` (its suffix is shared with other
    documents: a model card's ``.md``) takes a file in a folder only when its
    ``sniff`` recognizes the file's first bytes, so that a folder's README is not
    mistaken for a launch.
    """
    suffix = path.suffix.lower()
    if path.name.startswith((".", "~$")) or not suffix:
        return False
    taking = []
    for entry in _entries():
        try:
            reader = entry.load()
        except LaunchbriefError:
            if suffix == f".{entry.name.lower()}":
                return True  # its failure is reported when the file is read
            continue
        if suffix in suffixes_of(reader):
            taking.append(reader)
    if not taking:
        return False
    if not all(getattr(reader, "by_content", False) for reader in taking):
        return True
    head = _head(path)
    return head is not None and any(_recognizes(reader, head) for reader in taking)


def _recognizes(reader: Reader, head: bytes) -> bool:
    sniff = getattr(reader, "sniff", None)
    try:
        return bool(sniff(head)) if sniff is not None else False
    except Exception:  # noqa: BLE001 - a plugin's bug: the file is not taken
        return False
