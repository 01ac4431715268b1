"""The errors launchbrief raises for bad input and failed exports.

This module is a leaf: it imports nothing of ours, so every layer may use it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ExportError",
    "InvalidLaunchError",
    "LaunchbriefError",
    "MissingDependencyError",
    "Problem",
    "UnknownFormatError",
    "XlsxTextWarning",
]


class LaunchbriefError(Exception):
    """Base class of every error launchbrief raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a launch record, located as precisely as the input allows.

    ``path`` is the field path (``results[3].score``; empty for the whole file),
    ``line`` and ``column`` are 1-based and ``None`` where the format gives no position;
    ``cell`` locates a problem in a workbook instead (``"Results!F12 (score)"``).
    """

    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    cell: str | None = None

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(self.file)
            if self.line is not None:
                where.append(str(self.line))
                if self.column is not None:
                    where.append(str(self.column))
        parts = [":".join(where)] if where else []
        if self.cell:
            parts.append(self.cell)
        if self.path:
            parts.append(self.path)
        parts.append(self.message)
        return ": ".join(parts)


class InvalidLaunchError(LaunchbriefError, ValueError):
    """A launch record, or the file holding it, is not valid.

    ``problems`` lists every problem found, in file order where positions are known.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        return f"invalid launch record ({head}):\n" + "\n".join(
            f"  {problem}" for problem in self.problems
        )


class UnknownFormatError(LaunchbriefError, LookupError):
    """No reader or exporter handles the format asked for."""


class MissingDependencyError(LaunchbriefError, ImportError):
    """An optional dependency a feature needs is not installed; the message says how to get it."""


class ExportError(LaunchbriefError):
    """An exporter cannot write this launch (for example, a cell over Excel's limit)."""


class XlsxTextWarning(UserWarning):
    """Text held characters a workbook cannot store as they are; they were written as escapes.

    The workbook reads them back as they were; other programs show the escapes
    (``_x0001_``). Filter it like any warning:
    ``warnings.simplefilter("ignore", launchbrief.XlsxTextWarning)``.
    """
