"""The text formats as readers: YAML, JSON and TOML, the shapes ``launchbrief.dumps`` writes.

They do not sniff: a text file whose suffix says nothing is refused rather than guessed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from launchbrief.model import Launch

__all__ = ["JsonReader", "TomlReader", "YamlReader"]


class _TextReader:
    format: ClassVar[str]

    def read(self, source: Path, /) -> Launch:
        """Read the launch record at ``source``; every problem is listed, with line and column.

        Raises:
            InvalidLaunchError: the file is not a valid launch record (or is too large,
                not text, or a folder).
            FileNotFoundError: there is no such file.
        """
        from launchbrief.io import loads, read_bytes  # on use: listing readers stays cheap

        return loads(read_bytes(source), self.format, name=str(source))


class YamlReader(_TextReader):
    """A launch record in YAML: the input format most records are written in."""

    name = "yaml"
    format = "yaml"
    suffixes = (".yaml", ".yml")
    description = "A launch record in YAML (the input format)"


class JsonReader(_TextReader):
    """A launch record in JSON, as ``launchbrief export -f json`` writes it."""

    name = "json"
    format = "json"
    suffixes = (".json",)
    description = "A launch record in JSON"


class TomlReader(_TextReader):
    """A launch record in TOML."""

    name = "toml"
    format = "toml"
    suffixes = (".toml",)
    description = "A launch record in TOML"
