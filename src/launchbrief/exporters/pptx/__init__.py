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

import io
import os
import re
from collections.abc import Callable, Sequence
from typing import IO, ClassVar

from launchbrief._diff import Changes, changes_since
from launchbrief._reproducible import document_time, normalize_zip
from launchbrief.exceptions import ExportError, LaunchbriefError
from launchbrief.exporters._registry import open_destination
from launchbrief.exporters._storyline import MAIN, Brief
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.house import house_presentation
from launchbrief.exporters.pptx.landscape import landscape_slides
from launchbrief.exporters.pptx.palette import DEFAULT_ACCENT

# Looked up here at build time: the part-naming benchmark swaps in python-pptx's own.
from launchbrief.exporters.pptx.parts import linear_parts as _linear_parts
from launchbrief.exporters.pptx.slides.benchmarks import benchmarks_section
from launchbrief.exporters.pptx.slides.changes import changes_slide
from launchbrief.exporters.pptx.slides.cover import divider_slide
from launchbrief.exporters.pptx.slides.decisive import decisive_slides, trails_slide
from launchbrief.exporters.pptx.slides.lineup import lineup_slide, model_section
from launchbrief.exporters.pptx.slides.rollout import rollout_section, rollout_slide
from launchbrief.exporters.pptx.slides.safety import safety_section, safety_slide
from launchbrief.exporters.pptx.slides.scorecard import scorecard_section, scorecard_slide
from launchbrief.exporters.pptx.slides.sources import sources_section, sources_slide
from launchbrief.exporters.pptx.slides.strategy import meaning_slide, strategy_section
from launchbrief.exporters.pptx.slides.summary import cover_slide, summary_slide
from launchbrief.exporters.pptx.slides.watch import watch_slide
from launchbrief.exporters.pptx.template import MAX_TEMPLATE_BYTES, open_template
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


#: The main deck's slides, in order: at most twelve for any launch (see
#: :mod:`launchbrief.exporters._storyline` for what each holds and how it is chosen).
SLIDES = MAIN

#: The appendix's parts, in order, each as long as the record needs (bounded by
#: :data:`~launchbrief.exporters._story.MOST_ITEMS` per list): every leaderboard's chart by category; every
#: verdict; the models; the surfaces; the safety findings; the insights; method, the
#: record's gaps and the sources in full.
APPENDIX = ("benchmarks", "results", "models", "surfaces", "findings", "insights", "method")


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
        export_landscape(launches, dest, template=template, accent=accent, notes=notes)


def export_many(
    launches: Sequence[Launch],
    dest: str | os.PathLike[str] | IO[bytes],
    /,
    *,
    slides: Sequence[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    accent: str | None = None,
    notes: bool = True,
    appendix: bool = False,
) -> None:
    """Write several launches into one deck, one briefing after the other.

    Options are those of :meth:`PptxExporter.export`.
    """
    data = build_deck(
        launches, slides=slides, template=template, accent=accent, notes=notes, appendix=appendix
    )
    with open_destination(dest) as stream:
        stream.write(data)


def build_deck(
    launches: Sequence[Launch],
    *,
    slides: Sequence[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    accent: str | None = None,
    notes: bool = True,
    appendix: bool = False,
    since: Launch | None = None,
) -> bytes:
    """The bytes of a deck briefing on ``launches``, in order (options as for ``export``).

    ``since`` (an earlier version) is for a deck of one launch.

    Building takes time linear in the number of slides, charts included.
    """
    if not isinstance(appendix, bool):
        raise ExportError(f"appendix must be True or False, got {appendix!r}")
    chosen = _check_slides(slides, appendix)
    changes = _changes_since(since, launches)

    def draw(deck: Deck, launches: Sequence[Launch]) -> None:
        for launch in launches:
            main = [n for n in chosen if n in _MAIN]
            brief = Brief.of(launch, main, offset=deck.slide_count, changes=changes)
            started = False
            for name in chosen:
                if name in _MAIN:
                    if brief.planned(name):
                        _MAIN[name](deck, brief)
                    continue
                if not started:
                    divider_slide(deck, brief)
                    started = True
                _APPENDIX[name](deck, launch)

    return _build(launches, draw, template=template, accent=accent, notes=notes)


def build_landscape(
    launches: Sequence[Launch],
    *,
    template: str | os.PathLike[str] | None = None,
    accent: str | None = None,
    notes: bool = True,
) -> bytes:
    """The bytes of a landscape deck: ``launches`` side by side, at most 12 slides.

    Who leads where (only on benchmarks run the same way), what each launch
    changes, rollout and openness, and the method (see :mod:`.landscape`).
    """
    if len(launches) < 2:
        raise ExportError("a landscape needs at least two launches")
    return _build(launches, landscape_slides, template=template, accent=accent, notes=notes)


def export_landscape(
    launches: Sequence[Launch],
    dest: str | os.PathLike[str] | IO[bytes],
    /,
    *,
    template: str | os.PathLike[str] | None = None,
    accent: str | None = None,
    notes: bool = True,
) -> None:
    """Write the landscape deck of ``launches`` to ``dest`` (a path or a binary stream)."""
    data = build_landscape(launches, template=template, accent=accent, notes=notes)
    with open_destination(dest) as stream:
        stream.write(data)


def _build(
    launches: Sequence[Launch],
    draw: Callable[[Deck, Sequence[Launch]], None],
    *,
    template: str | os.PathLike[str] | None,
    accent: str | None,
    notes: bool,
) -> bytes:
    """A deck on the template or the house style, drawn by ``draw``, metadata pinned."""
    accent_rgb = _check_accent(accent)
    if isinstance(launches, Launch):
        launches = [launches]
    if not launches:
        raise ExportError("no launches to put in the deck")
    if not isinstance(notes, bool):
        raise ExportError(f"notes must be True or False, got {notes!r}")
    document_time()  # a bad SOURCE_DATE_EPOCH is refused here, before any work
    try:
        prs = open_template(template) if template is not None else house_presentation(accent_rgb)
        with _linear_parts(prs) as parts:
            deck = Deck(prs, parts, accent=accent_rgb, notes=notes, house=template is None)
            draw(deck, launches)
            if not deck.slide_count:
                raise ExportError("the deck would have no slides: choose other slides=")
            deck.finish(launches)
            buffer = io.BytesIO()
            prs.save(buffer)
        return normalize_zip(buffer.getvalue())
    except (LaunchbriefError, MemoryError, OSError):
        raise  # ours, or the system's (no memory, a template that cannot be read): as they are
    except Exception as error:
        raise ExportError(f"could not build the deck: {type(error).__name__}: {error}") from error


def _check_slides(slides: Sequence[str] | None, appendix: bool) -> tuple[str, ...]:
    if slides is None:
        return SLIDES + (APPENDIX if appendix else ())
    if isinstance(slides, str):
        slides = [part.strip() for part in slides.split(",")]
    chosen = tuple(slides)
    unknown = [name for name in chosen if name not in SLIDES and name not in APPENDIX]
    if unknown:
        raise ExportError(
            f"unknown slide {', '.join(map(repr, unknown))} (main deck: {', '.join(SLIDES)};"
            f" appendix: {', '.join(APPENDIX)})"
        )
    repeated = sorted({name for name in chosen if chosen.count(name) > 1})
    if repeated:
        raise ExportError(f"slide {', '.join(map(repr, repeated))} is asked for more than once")
    if not chosen:
        raise ExportError(f"slides= is empty: choose some of {', '.join(SLIDES + APPENDIX)}")
    return chosen


def _changes_since(since: Launch | None, launches: Sequence[Launch] | Launch) -> Changes | None:
    """What changed from ``since`` to the deck's one launch; ``None`` without ``since``."""
    if since is not None and not isinstance(launches, Launch) and len(launches) != 1:
        raise ExportError(
            f"since= compares one launch with its earlier version; the deck has {len(launches)}"
        )
    return changes_since(since, launches if isinstance(launches, Launch) else launches[0])


def _check_accent(accent: str | None) -> str | None:
    if accent is None:
        return None
    if not isinstance(accent, str) or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", accent.strip()):
        raise ExportError(f"accent must be a colour like '#1F5AD1', got {accent!r}")
    return accent.strip().lstrip("#").upper()


_MAIN: dict[str, Callable[[Deck, Brief], None]] = {
    "cover": cover_slide,
    "summary": summary_slide,
    "changes": changes_slide,
    "lineup": lineup_slide,
    "scorecard": lambda deck, brief: scorecard_slide(deck, brief) if brief.matchups else None,
    "decisive": decisive_slides,
    "trails": lambda deck, brief: trails_slide(deck, brief) if brief.trails else None,
    "rollout": lambda deck, brief: rollout_slide(deck, brief) if brief.launch.surfaces else None,
    "safety": lambda deck, brief: safety_slide(deck, brief) if brief.launch.safety else None,
    "watch": watch_slide,
    "meaning": lambda deck, brief: meaning_slide(deck, brief) if brief.meaning_slide else None,
    "sources": sources_slide,
}

_APPENDIX: dict[str, Callable[[Deck, Launch], None]] = {
    "benchmarks": benchmarks_section,
    "results": scorecard_section,
    "models": model_section,
    "surfaces": rollout_section,
    "findings": safety_section,
    "insights": strategy_section,
    "method": sources_section,
}
