"""Building the deck: the heavy half of the exporter, imported when a deck is built.

It imports python-pptx (through :mod:`.deck` and the slide modules); the package's
``__init__`` stays cheap to import, so listing the exporters costs next to nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import IO

from launchbrief._diff import Changes, changes_since
from launchbrief._reproducible import document_time, normalize_zip
from launchbrief.exceptions import ExportError, LaunchbriefError
from launchbrief.exporters._registry import open_destination
from launchbrief.exporters._storyline import MAIN, Brief
from launchbrief.exporters.pptx.deck import Deck
from launchbrief.exporters.pptx.house import house_presentation
from launchbrief.exporters.pptx.landscape import landscape_slides

# Looked up here at build time: the part-naming benchmark swaps in python-pptx's own.
from launchbrief.exporters.pptx.parts import linear_parts as _linear_parts
from launchbrief.exporters.pptx.parts import package_bytes
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
    "MAX_TEMPLATE_BYTES",
    "SLIDES",
    "build_deck",
    "build_landscape",
    "export_landscape",
    "export_many",
]

#: The main deck's slides, in order (see :mod:`launchbrief.exporters._storyline`).
SLIDES = MAIN

#: The appendix's parts, in order.
APPENDIX = ("benchmarks", "results", "models", "surfaces", "findings", "insights", "method")


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
        return normalize_zip(package_bytes(prs))
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
