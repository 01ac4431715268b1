"""The cover with its verdict, and the executive summary: the answer first."""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief, cover_name, takeaways
from launchbrief.exporters.pptx.deck import Deck, footer_names
from launchbrief.exporters.pptx.flow import Column, flow_slides
from launchbrief.exporters.pptx.geometry import BODY_FLOOR, Box
from launchbrief.exporters.pptx.template import BODY_TYPES
from launchbrief.exporters.pptx.text import Para, Span, fit_items, fit_size


def cover_slide(deck: Deck, brief: Brief) -> None:
    """The launch's name, the one-line verdict, who launched it and as of when."""
    launch = brief.launch
    developer = clean(launch.developer.name)
    if launch.developer.division:
        developer += f" · {clean(launch.developer.division)}"
    announced = [
        text
        for label, text, _disputed in story.dated_events(launch, footer_names(deck, launch))
        if label.casefold() == "announced"
    ]
    when = story.date_text(launch)
    facts = [f"Launch briefing · {developer}"]
    facts.extend(f"Announced {text}" for text in announced[:1])
    if when:
        facts.append(f"As of {when}")
    verdict = brief.verdict()
    names = story.launched_names(launch)
    page = deck.new_slide(
        cover_name(launch),
        kind="title",
        sources=analysis.source_ids([launch.developer, *launch.launched, *launch.insights[:1]]),
        launch=launch,
        notes=story.talk_track(
            [
                f"This briefing covers {names}, from {clean(launch.developer.name)}",
                f"The short answer: {verdict}",
                "The next slide gives the three to five points behind that answer, each with the slide"
                " that proves it",
            ],
            "An executive audience should know the verdict before the detail",
            "Is this the vendor's view or ours?",
            f"The verdict comes from the record's sources; {story.vendor_sentence(launch) or 'the record holds no benchmark numbers'}",
            story.source_names(footer_names(deck, launch), [s.id for s in launch.sources]),
        ),
    )
    paras = [Para.of(verdict, bold=True, color="ink")] + [
        Para.of(
            fact,
            color="muted" if index else "accent",
            bold=not index,
            space_before=0.6 if index == 0 else 0.3,
        )
        for index, fact in enumerate(facts)
    ]
    layout = deck.layouts["title"]
    subtitle = deck.clone(page.slide, layout, {PP_PLACEHOLDER.SUBTITLE} | BODY_TYPES)
    if subtitle is None:
        box = Box(deck.frame.x, deck.frame.y + deck.frame.h * 0.5, deck.frame.w, deck.frame.h * 0.5)
        width, height, frame = box.w, box.h, None
    else:
        style = deck.placeholder_style(subtitle, layout, title=False)
        left, top, right, bottom = style.insets
        subtitle_width, subtitle_height = deck.extent(subtitle, layout)
        width = subtitle_width - left - right
        height = subtitle_height - top - bottom
        frame = subtitle.text_frame
    size = fit_size(paras, width, height, deck.body_fonts, largest=20.0, smallest=BODY_FLOOR)
    if size is None:  # the verdict gives way first: the notes hold it whole
        size = BODY_FLOOR
        paras = fit_items(paras, width, height, size, deck.body_fonts, lambda _n: Para.of(""))
    if frame is None:
        deck.text(page, box, paras, size, name="Verdict")
    else:
        deck.write(frame, paras, size)


def summary_slide(deck: Deck, brief: Brief) -> None:
    """Three to five takeaways, each a sentence with its number and its evidence slide."""
    launch = brief.launch
    points = takeaways(brief)
    paras = []
    for index, (text, slide) in enumerate(points):
        number = brief.number(slide)
        spans = [Span(f"{text}.", color="ink")]
        if number is not None:
            spans.append(Span(f"  Slide {number}", bold=True, color="accent"))
        paras.append(Para(tuple(spans), bullet=True, space_before=0.0 if index == 0 else 1.0))
    title = brief.summary_title()
    flow_slides(
        deck,
        launch,
        title=title,
        columns=[Column(None, paras)],
        sources=analysis.source_ids([*launch.results, *launch.surfaces, *launch.safety]),
        notes=story.talk_track(
            [title, *(text for text, _slide in points[:3])],
            "These are the points to remember if the audience sees no other slide",
            "Which of these rests on independent evidence?",
            story.vendor_sentence(launch) or "The record holds no benchmark numbers",
            story.source_names(
                footer_names(deck, launch),
                analysis.source_ids([*launch.results, *launch.surfaces, *launch.safety]),
            ),
        ),
        largest=20.0,
        more=lambda count: Para.of(
            f"{count} more in the appendix", italic=True, color="muted", space_before=1.0
        ),
    )
