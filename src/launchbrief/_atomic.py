"""Atomic file replacement: write beside the target, rename on success.

A failed write leaves no partial file and never touches an existing one; several
files are replaced all together or not at all (:func:`replace_all`).

Each file is written to a temporary file in the target's folder, named
``.<target name>.<pid>.<random>.launchbrief-tmp`` (see :data:`TEMPORARY`), and held
under an advisory lock while it exists. A process killed outright (``kill -9``)
cannot remove its temporary files; the next write into that folder does
(:func:`remove_stale`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

if sys.platform != "win32":
    import fcntl

__all__ = ["STALE_SECONDS", "TEMPORARY", "Staging", "remove_stale", "replace", "replace_all"]

#: The names of our temporary files; nothing else is ever removed as stale.
TEMPORARY = re.compile(
    r"\A\.(?P<name>.{1,120})\.(?P<pid>[0-9]{1,10})\.(?P<token>[0-9a-f]{8})\.launchbrief-tmp\Z",
    re.DOTALL,
)
#: A temporary file whose lock is free is stale once this old, even if its PID is in use.
STALE_SECONDS = 24 * 60 * 60

_SUFFIX = ".launchbrief-tmp"


@contextlib.contextmanager
def replace(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary stream whose bytes replace ``target`` when the block ends cleanly.

    The stream is a temporary file in the target's folder (so the final rename is
    atomic on one file system); if the block raises, the temporary file is removed
    and ``target`` is left exactly as it was.

    Raises:
        OSError: the file cannot be written or put in place; its ``filename`` is
            ``target``, never the temporary file's name.
    """
    with replace_all([target]) as staging, staging.open(target) as stream:
        yield stream


@contextlib.contextmanager
def replace_all(targets: Iterable[str | os.PathLike[str]]) -> Iterator[Staging]:
    """Replace several files together: all of them when the block ends cleanly, or none.

    Write each target inside the block with ``staging.open(target)``. Each gets its
    own temporary file, created when it is opened. When the block ends, every
    target is checked (none may be a folder) before any is renamed into place; if
    a rename still fails, the files already replaced get their old bytes back. On
    any failure no temporary or backup file is left behind.

    Raises:
        IsADirectoryError: a target is a folder (before anything is written).
        OSError: a file cannot be written or put in place, named by its target.
    """
    staging = Staging(targets)
    try:
        yield staging
        staging.commit()
    finally:
        staging.discard()


class Staging:
    """The temporary files of one :func:`replace_all`, waiting to be renamed into place."""

    def __init__(self, targets: Iterable[str | os.PathLike[str]]) -> None:
        """Check the targets and clear stale temporary files from their folders."""
        self._targets = [Path(target) for target in targets]
        self._staged: list[_Staged] = []
        for folder in dict.fromkeys(_folder(target) for target in self._targets):
            remove_stale(folder)
        _check_targets(self._targets)

    @contextlib.contextmanager
    def open(self, target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
        """Yield a stream for ``target``'s new bytes; if the block raises, they are dropped."""
        path = Path(target)
        if path not in self._targets:
            raise ValueError(f"{path} is not one of the targets of this replacement")
        staged = _Staged.create(path)
        self._staged.append(staged)
        try:
            with os.fdopen(os.dup(staged.lock), "wb") as stream:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
        except BaseException as error:
            self._staged.remove(staged)
            staged.drop()
            if isinstance(error, OSError):
                raise _named(error, path) from error
            raise

    def commit(self) -> None:
        """Rename every written file over its target, or restore every target as it was."""
        staged = list(self._staged)
        _check_targets([item.target for item in staged])
        done: list[tuple[_Staged, str | None]] = []
        current: _Staged | None = None
        try:
            for current in staged:
                done.append((current, None))
                done[-1] = (current, _keep_old(current.target))
                os.replace(current.temporary, current.target)
                current.renamed = True
        except BaseException as error:
            kept = _roll_back(done)
            if kept:
                error.add_note(f"the old contents are kept in {', '.join(kept)}")
            if isinstance(error, OSError) and current is not None:
                raise _named(error, current.target) from error
            raise
        for item, backup in done:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
            item.close()
        self._staged.clear()
        for folder in dict.fromkeys(_folder(item.target) for item in staged):
            _sync_folder(folder)

    def discard(self) -> None:
        """Remove every temporary file not yet renamed into place."""
        while self._staged:
            self._staged.pop().drop()


class _Staged:
    """One temporary file: where it is, what it replaces, and the descriptor that locks it."""

    __slots__ = ("lock", "renamed", "target", "temporary")

    def __init__(self, target: Path, temporary: str, lock: int) -> None:
        self.target = target
        self.temporary = temporary
        self.lock = lock
        self.renamed = False

    @classmethod
    def create(cls, target: Path) -> _Staged:
        """A new, locked, empty temporary file beside ``target``, with the usual permissions."""
        folder = _folder(target)
        while True:
            temporary = os.path.join(folder, _temporary_name(target.name))
            try:
                # 0o666 less the umask, as for any new file: not mkstemp's private 0o600.
                flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                descriptor = os.open(temporary, flags, 0o666)
            except FileExistsError:
                continue
            except OSError as error:
                raise _named(error, target) from error
            _lock(descriptor)
            return cls(target, temporary, descriptor)

    def drop(self) -> None:
        """Remove the temporary file (unless it was renamed into place) and unlock it."""
        if self.temporary and not self.renamed:
            # If it cannot be removed now, the next write into the folder removes it.
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)
        self.close()

    def close(self) -> None:
        """Release the lock."""
        if self.lock >= 0:
            os.close(self.lock)
            self.lock = -1


def remove_stale(folder: str | os.PathLike[str], *, now: float | None = None) -> list[Path]:
    """Remove the temporary files that an interrupted launchbrief left in ``folder``.

    Only files named like ours (:data:`TEMPORARY`) are considered, and only those
    whose lock is free and whose process has ended, or that are older than
    :data:`STALE_SECONDS`; a concurrent export's files are left alone. Errors are
    ignored: clearing up is never worth failing an export for. Returns what was removed.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            candidates = [
                (entry.path, int(match["pid"]))
                for entry in entries
                if (match := TEMPORARY.match(entry.name)) and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return removed
    for path, pid in candidates:
        with contextlib.suppress(OSError):
            if _is_stale(path, pid, now):
                os.unlink(path)
                removed.append(Path(path))
    return removed


# --------------------------------------------------------------------------- helpers


def _folder(target: Path) -> str:
    return str(target.parent) if str(target.parent) else "."


def _temporary_name(name: str) -> str:
    # Long names are cut: the temporary file's name must stay within NAME_MAX (255).
    return f".{name[:120]}.{os.getpid()}.{secrets.token_hex(4)}{_SUFFIX}"


def _check_targets(targets: Iterable[Path]) -> None:
    for target in targets:
        if os.path.isdir(target):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))


def _keep_old(target: Path) -> str | None:
    """Keep the target's current file under a temporary name; ``None`` if there is none."""
    if not os.path.lexists(target):
        return None
    while True:
        backup = os.path.join(_folder(target), _temporary_name(target.name))
        try:
            # A second name for the same file: the target never goes missing.
            os.link(target, backup, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            # No hard links on this file system: move the old file aside instead.
            if os.path.lexists(backup):
                continue
            os.replace(target, backup)
        return backup


def _roll_back(done: list[tuple[_Staged, str | None]]) -> list[str]:
    """Put back every old file, newest first; returns backups that could not be restored."""
    kept = []
    for item, backup in reversed(done):
        # Whether our file reached the target is asked of the file system, not of a
        # flag: an interrupt can come between the rename and the line after it.
        ours = _holds(item.target, item.lock)
        try:
            if backup is not None and (ours or not os.path.lexists(item.target)):
                os.replace(backup, item.target)
            elif backup is not None:
                os.unlink(backup)  # a second name of the untouched target
            elif ours:
                os.unlink(item.target)
        except OSError:
            if backup is not None and os.path.lexists(backup):
                kept.append(backup)
        item.renamed = False
    return kept


def _holds(target: Path, descriptor: int) -> bool:
    """Whether ``target`` is the file open as ``descriptor``."""
    try:
        return os.path.samestat(os.stat(target, follow_symlinks=False), os.fstat(descriptor))
    except OSError:
        return False


def _named(error: OSError, target: Path) -> OSError:
    """The same error, naming the user's target rather than one of our temporary files."""
    names = [name for name in (error.filename, error.filename2) if name is not None]
    ours = all(TEMPORARY.match(os.path.basename(os.fsdecode(name))) for name in names)
    if error.errno is None or (not ours and str(target) not in map(os.fsdecode, names)):
        return error
    return OSError(error.errno, error.strerror or os.strerror(error.errno), str(target))


def _lock(descriptor: int) -> None:
    """Hold an advisory lock on our temporary file, so no other process takes it as stale."""
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            # Blocking: another process may be testing the lock for a moment.
            fcntl.flock(descriptor, fcntl.LOCK_EX)


def _is_stale(path: str, pid: int, now: float) -> bool:
    if _locked(path):
        return False
    # ctime, not mtime: a hard link (a backup) keeps the old file's mtime.
    if now - os.stat(path, follow_symlinks=False).st_ctime > STALE_SECONDS:
        return True
    return not _running(pid)


def _locked(path: str) -> bool:
    """Whether a live process holds the lock on ``path`` (``False`` if that cannot be told)."""
    if sys.platform == "win32":
        return False
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return False


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32" or pid <= 0:
        # os.kill on Windows would end the process; rely on the age rule there.
        return sys.platform == "win32"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OverflowError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _sync_folder(folder: str) -> None:
    """Make the renames durable (best effort: not every system can sync a folder)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
