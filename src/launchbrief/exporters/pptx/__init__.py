"""The PowerPoint exporter: a briefing deck an executive can present as it is.

The deck tells the launch as a story, one slide per point, 16:9 in the house style
or on a corporate template: title; at a glance; the model and its modes; rollout;
one slide per benchmark category with numbers (a native clustered bar chart);
a scorecard of leads and trails; safety and evaluation; strategy and takeaways;
sources and method. It presents the results of :mod:`launchbrief.analysis` and
never recomputes them.

Every slide has a real title placeholder, speaker notes, alt text on its charts
and tables, and a footer naming its sources beside the slide number. Text is laid
out with real font metrics (:mod:`.text`, :mod:`.metrics`): it shrinks down to a
floor and what still does not fit continues on the next slide; long tables repeat
their header. What a slide shows is bounded, however large the record: a list
shows at most :data:`~launchbrief.exporters._story.MOST_ITEMS` items and counts the rest, and a paragraph
longer than a whole slide is cut with "…" (the notes carry it). The same record
gives the same bytes.

The modules, by role:

- :mod:`launchbrief.exporters._storyline` (which slides, in what order, and their
  titles) and :mod:`launchbrief.exporters._story` (headlines, verdict lines, notes):
  what the deck says, from the analysis, in words the Markdown brief shares;
  :mod:`.chart_data`: which bars each chart draws.
- :mod:`.slides`: one module per slide kind (``cover``, ``lineup``, ``rollout``,
  ``benchmarks``, ``scorecard``, ``safety``, ``strategy``, ``sources``).
- :mod:`.deck`: the presentation being built (slides, titles, footers, notes, text
  boxes); :mod:`.flow`, :mod:`.tables` and :mod:`.charts` draw text in columns,
  tables and native charts over as many slides as they need.
- :mod:`.text` and :mod:`.metrics`: text measured with real fonts (wrapping,
  fitting, splitting); :mod:`.geometry`: sizes and boxes in points.
- :mod:`.template` (a user's template and its layouts), :mod:`.house` (the house
  style), :mod:`.palette` (colours), :mod:`.parts` (part naming and pinned metadata).

This package is the only part of launchbrief that imports python-pptx; it is
imported when the deck exporter is chosen, never at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, ClassVar

# The house accent, as the palette has it (a test keeps the two equal).
from launchbrief.exporters._colors import HOUSE_ACCENT as DEFAULT_ACCENT
from launchbrief.exporters._registry import open_destination

if TYPE_CHECKING:
    from launchbrief.exporters.pptx._build import (  # noqa: F401
        _APPENDIX,
        _MAIN,
        APPENDIX,
        MAX_TEMPLATE_BYTES,
        SLIDES,
        build_deck,
        build_landscape,
        export_landscape,
        export_many,
    )
    from launchbrief.exporters.pptx.parts import linear_parts as _linear_parts  # noqa: F401
    from launchbrief.model import Launch

__all__ = [
    "APPENDIX",
    "DEFAULT_ACCENT",
    "MAX_TEMPLATE_BYTES",
    "SLIDES",
    "PptxExporter",
    "build_deck",
    "build_landscape",
    "export_landscape",
    "export_many",
]

# The deck's builder imports python-pptx: it is imported on first use (PEP 562), so
# listing the exporters, or choosing another one, never pays for it.
_BUILD_NAMES = frozenset(
    {
        "APPENDIX",
        "MAX_TEMPLATE_BYTES",
        "SLIDES",
        "_APPENDIX",
        "_MAIN",
        "_linear_parts",
        "build_deck",
        "build_landscape",
        "export_landscape",
        "export_many",
    }
)

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name not in _BUILD_NAMES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from launchbrief.exporters.pptx import _build

        return getattr(_build, name)


class PptxExporter:
    """Executive briefing deck: native charts, speaker notes, alt text, templates."""

    name: ClassVar[str] = "pptx"
    suffix: ClassVar[str] = ".pptx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    )
    description: ClassVar[str] = "Briefing deck: story slides, native charts, speaker notes"
    document: ClassVar[bool] = True

    def export(
        self,
        launch: Launch,
        dest: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        slides: Sequence[str] | None = None,
        template: str | os.PathLike[str] | None = None,
        accent: str | None = None,
        notes: bool = True,
        appendix: bool = False,
        since: Launch | None = None,
    ) -> None:
        """Write ``launch`` as a briefing deck to ``dest`` (a path or a binary stream).

        Args:
            slides: which parts, in what order, from :data:`SLIDES` and
                :data:`APPENDIX` (default: the main deck, and the appendix with
                ``appendix=True``). Parts with nothing to show (no surfaces, no safety
                findings…) are left out.
            template: a .pptx or .potx file whose masters, layouts, theme fonts and
                colours the deck uses. Layouts are chosen by name ("Title Slide",
                "Title and Content", "Title Only") and otherwise by their placeholders;
                slides already in the template are removed (only its design is used).
                Its slide size is kept. Without a template the deck is 16:9 in the
                house style.
            accent: the highlight colour as ``"#RRGGBB"`` (the launched model's bars,
                headings); default: the template's first accent colour, or the house blue.
            notes: write speaker notes: a talk track for every slide (what to say, why
                it matters, the likely question and its answer, the sources).
            appendix: add the appendix after the main deck: every leaderboard's chart,
                every verdict, model, surface, finding, insight and source.
            since: an earlier version of the launch: the deck gets a "What changed"
                slide after the executive summary (:func:`launchbrief.diff`), when
                anything did; the main deck stays at most 12 slides.

        Raises:
            ExportError: a bad option, a template that cannot be used, or a deck that
                cannot be written.
        """
        from launchbrief.exporters.pptx._build import build_deck

        data = build_deck(
            [launch],
            slides=slides,
            template=template,
            accent=accent,
            notes=notes,
            appendix=appendix,
            since=since,
        )
        with open_destination(dest) as stream:
            stream.write(data)

    def export_landscape(
        self,
        launches: Sequence[Launch],
        dest: str | os.PathLike[str] | IO[bytes],
        /,
        *,
        template: str | os.PathLike[str] | None = None,
        accent: str | None = None,
        notes: bool = True,
    ) -> None:
        """Write the landscape deck of ``launches`` (see :func:`build_landscape`) to ``dest``."""
        from launchbrief.exporters.pptx._build import export_landscape

        export_landscape(launches, dest, template=template, accent=accent, notes=notes)
