"""Exporter plugins: the protocol they follow and how they are found.

Exporters are registered under the entry-point group ``launchbrief.exporters``
(ours too, in our own ``pyproject.toml``). Listing them imports nothing; choosing
one imports that one; a plugin that fails to import is reported, never fatal.
"""

from __future__ import annotations

from launchbrief.exporters._registry import (
    ENTRY_POINT_GROUP,
    Exporter,
    ExporterEntry,
    get_exporter,
    list_exporters,
    open_destination,
)

__all__ = [
    "ENTRY_POINT_GROUP",
    "Exporter",
    "ExporterEntry",
    "get_exporter",
    "list_exporters",
    "open_destination",
]
