"""Reader plugins: the protocol they follow and how they are found.

Readers are registered under the entry-point group ``launchbrief.readers`` (ours
too, in our own ``pyproject.toml``): YAML, JSON and TOML here in :mod:`.text`, the
workbook beside its writer in :mod:`launchbrief.exporters.xlsx`. Listing them imports
nothing; choosing one imports that one; a plugin that fails to import is reported,
never fatal. :func:`launchbrief.load` picks the reader of a file through
:func:`find_reader`.
"""

from __future__ import annotations

from launchbrief.readers._registry import (
    ENTRY_POINT_GROUP,
    SNIFF_BYTES,
    Reader,
    ReaderEntry,
    find_reader,
    get_reader,
    is_launch_file,
    known_suffixes,
    list_readers,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "SNIFF_BYTES",
    "Reader",
    "ReaderEntry",
    "find_reader",
    "get_reader",
    "is_launch_file",
    "known_suffixes",
    "list_readers",
]
