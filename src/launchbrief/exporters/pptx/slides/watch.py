"""What to watch: surfaces and modes still to come, and the questions the record leaves open."""

from __future__ import annotations

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.flow import Column, flow_slides
from launchbrief.exporters.pptx.text import Para, Span


def watch_slide(deck: Deck, brief: Brief) -> None:
    """One slide: each kind of thing to watch under its heading, in the record's order."""
    launch = brief.launch
    items = brief.watch_items()
    if not items:
        return
    columns: dict[str, list[Para]] = {}
    for (_one, many), text in items:
        heading = "Open questions" if many == "open questions" else "Still to come"
        paras = columns.setdefault(heading, [])
        name, colon, rest = text.partition(": ")
        if colon and heading == "Still to come":
            spans: tuple[Span, ...] = (Span(f"{name}: ", bold=True, color="ink"), Span(rest))
        else:
            spans = (Span(text),)
        paras.append(Para(spans, bullet=True, space_before=0.0 if not paras else 0.6))
    title = story.sentence_of(brief.watch_title(items))
    sources = analysis.source_ids([*launch.surfaces, *launch.modes, *launch.safety])
    first_texts = [text for _kind, text in items[:2]]
    flow_slides(
        deck,
        launch,
        title=title,
        columns=[
            Column(heading, paras, "accent" if heading == "Still to come" else "muted")
            for heading, paras in columns.items()
        ],
        sources=sources,
        notes=story.talk_track(
            [title, *first_texts],
            "These are the signals that will show whether the launch delivers what it promises",
            "What would change the verdict?",
            _changers(brief),
            story.source_names(footer_names(deck, launch), sources),
        ),
        largest=16.0,
        more=lambda count: Para.of(
            f"{count} more in the appendix", italic=True, color="muted", space_before=0.6
        ),
    )


def _changers(brief: Brief) -> str:
    """What the record says could move the verdict, in one sentence."""
    parts = []
    scored = [r for r in brief.launch.results if r.score is not None]
    check = story.VendorCheck(brief.launch)
    if scored and any(check(r) for r in scored):
        parts.append("independent numbers")
    if brief.trails:
        parts.append(f"progress on {brief.trails[0].board.title}, where the gap is widest")
    if any(m.basis is analysis.Basis.QUALITATIVE for m in brief.matchups):
        parts.append("published numbers for the comparisons made only in words")
    if any(kind[1] == "planned surfaces" for kind, _text in brief.watch_items()):
        parts.append("the planned surfaces going live as announced")
    if not parts:
        return "A revised record; the appendix and workbook hold every number it would change"
    return story.joined_words(parts)
