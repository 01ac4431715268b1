"""``export``: hand a launch to the exporter plugin for a format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from launchbrief import _atomic
from launchbrief.exporters import get_exporter
from launchbrief.model import Launch

__all__ = ["export"]


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
        ExportError: the exporter cannot write this launch.
    """
    exporter = get_exporter(format, dest=dest)
    if isinstance(dest, (str, os.PathLike)):
        path = Path(dest)
        with _atomic.replace(path) as stream:
            exporter.export(launch, stream, **options)
        return path
    exporter.export(launch, dest, **options)
    return None
