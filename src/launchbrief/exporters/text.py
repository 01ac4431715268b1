"""The canonical dumps as exporters: ``json`` and ``yaml``."""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, ClassVar

from launchbrief.exporters._registry import open_destination

if TYPE_CHECKING:
    from launchbrief.model import Launch

__all__ = ["JsonExporter", "YamlExporter"]


class _TextExporter:
    format: ClassVar[str]
    document: ClassVar[bool] = False

    def export(self, launch: Launch, dest: str | os.PathLike[str] | IO[bytes], /) -> None:
        """Write the launch record in this text format (it loads back unchanged)."""
        from launchbrief.io import dumps  # on use: listing exporters stays cheap

        data = dumps(launch, self.format).encode("utf-8")
        with open_destination(dest) as stream:
            stream.write(data)


class JsonExporter(_TextExporter):
    """The launch record as JSON, the shape ``launchbrief.load`` reads."""

    name = "json"
    format = "json"
    suffix = ".json"
    media_type = "application/json"
    description = "The launch record as JSON (loads back unchanged)"


class YamlExporter(_TextExporter):
    """The launch record as YAML, the shape ``launchbrief.load`` reads."""

    name = "yaml"
    format = "yaml"
    suffix = ".yaml"
    media_type = "application/yaml"
    description = "The launch record as YAML (loads back unchanged)"
