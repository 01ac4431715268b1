"""Atomic file replacement: write beside the target, rename on success.

A failed write leaves no partial file and never touches an existing one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["replace"]


@contextlib.contextmanager
def replace(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary stream whose bytes replace ``target`` when the block ends cleanly.

    The stream is a temporary file in the target's folder (so the final rename is
    atomic on one file system); if the block raises, the temporary file is removed
    and ``target`` is left exactly as it was.
    """
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
