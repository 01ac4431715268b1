"""The Markdown exporter: a one-page launch brief for a wiki page or an email.

The brief tells the launch the way the deck does, answer first, in the same words
(:mod:`launchbrief.exporters._storyline` decides the story and
:mod:`launchbrief.exporters._story` words it): the title and the one-line verdict;
the key numbers; the line-up; the leaderboards as GitHub-flavored tables, grouped by
category; where the launch trails; the rollout; the safety findings; the sources as
numbered links. It presents the results of :mod:`launchbrief.analysis` and never
recomputes them.

What the brief shows is bounded, however large the record: at most
:data:`MOST_BOARDS` leaderboard tables of at most :data:`MOST_ROWS` entries each,
at most :data:`MOST_LISTED` items in a list and :data:`MOST_SOURCES` sources; what is
left out is counted and left to the workbook, never dropped silently. Text from the
record is escaped, so that it can neither add links, images or HTML nor break a
table; only ``http`` and ``https`` addresses become links. The same record gives
the same bytes.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, Any, ClassVar

from launchbrief.exporters._registry import open_destination

if TYPE_CHECKING:
    from launchbrief.exporters._markdown import (
        MOST_BOARDS,
        MOST_LISTED,
        MOST_ROWS,
        MOST_SOURCES,
        MOST_TRAILS,
        brief_markdown,
    )
    from launchbrief.model import Launch

__all__ = [
    "MOST_BOARDS",
    "MOST_LISTED",
    "MOST_ROWS",
    "MOST_SOURCES",
    "MOST_TRAILS",
    "MarkdownExporter",
    "brief_markdown",
]

# The brief's writer imports the analysis and the storyline: on first use (PEP 562), so
# listing the exporters stays cheap.
_WRITER_NAMES = frozenset({*__all__, "escaped", "shortened", "web_address"} - {"MarkdownExporter"})

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name not in _WRITER_NAMES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from launchbrief.exporters import _markdown

        return getattr(_markdown, name)


class MarkdownExporter:
    """A one-page launch brief in GitHub-flavored Markdown: verdict, numbers, tables, sources."""

    name: ClassVar[str] = "markdown"
    suffix: ClassVar[str] = ".md"
    media_type: ClassVar[str] = "text/markdown"
    description: ClassVar[str] = "One-page brief in Markdown: verdict, leaderboards, sources"
    document: ClassVar[bool] = False

    def export(self, launch: Launch, dest: str | os.PathLike[str] | IO[bytes], /) -> None:
        """Write the launch's brief to ``dest`` as UTF-8 Markdown."""
        from launchbrief.exporters._markdown import brief_markdown

        data = brief_markdown(launch).encode("utf-8")
        with open_destination(dest) as stream:
            stream.write(data)
