"""The line-up: the launched model and its modes, or a family's table of models."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.pptx.deck import Deck, Page, footer_names
from launchbrief.exporters.pptx.flow import Column, flow_slides, more_para
from launchbrief.exporters.pptx.geometry import BODY_FLOOR
from launchbrief.exporters.pptx.tables import Cell, more_row, table_slides, text_cell
from launchbrief.exporters.pptx.text import Para, Span, clip, fit_size, text_height
from launchbrief.model import Launch


def _fact(label: str, value: str, *, color: str | None = None) -> Para:
    """A ``Label: value`` line of the model column."""
    return Para(
        (Span(f"{label}: ", bold=True, color="ink"), Span(value, color=color)), space_before=0.5
    )


def _date_facts(deck: Deck, launch: Launch) -> list[tuple[str, str, bool]]:
    """The launch's dated events, at most :data:`~launchbrief.exporters._story.MOST_ITEMS`, conflicts said."""
    events = story.dated_events(launch, footer_names(deck, launch))
    shown, left_out = story.at_most(events)
    rows = list(shown)
    if left_out:
        rows.append(("More dates", story.more_text(left_out, "date", "dates"), False))
    return rows


def _modes_paras(launch: Launch) -> tuple[list[Para], list[str]]:
    """The reasoning modes, fastest first, and their lines for the notes."""
    paras: list[Para] = []
    modes = sorted(launch.modes, key=lambda m: m.order)
    shown, left_out = story.at_most(modes)
    for mode in shown:
        paras.append(
            Para(
                (
                    Span(f"{mode.order}  ", bold=True, color="accent"),
                    Span(clean(mode.name), bold=True, color="ink"),
                    Span(
                        f"  {clean(mode.availability)}",
                        bold=True,
                        color=f"status:{mode.status.value}",
                    ),
                ),
                space_before=0.9,
                keep_with_next=bool(mode.description),
            )
        )
        if mode.description:
            paras.append(Para.of(clean(mode.description), space_before=0.2))
    if left_out:
        paras.append(more_para(left_out, "mode", "modes", space_before=0.9))
    return paras, [f"Mode {m.order}: {clean(m.name)}, {clean(m.availability)}" for m in shown]


def _use_case_paras(launch: Launch) -> list[Para]:
    if not launch.use_cases:
        return []
    paras = [Para.of("Shown doing", bold=True, color="ink", space_before=0.8, keep_with_next=True)]
    use_cases, left_out = story.at_most(launch.use_cases)
    for case in use_cases:
        spans = [Span(clean(case.title), bold=True)]
        if case.description:
            spans.append(Span(f": {clean(case.description)}"))
        paras.append(Para(tuple(spans), bullet=True, space_before=0.25))
    if left_out:
        paras.append(more_para(left_out, "use case", "use cases", space_before=0.25))
    return paras


def _more(count: int) -> Para:
    return Para.of(f"{count:,} more in the appendix", italic=True, color="muted", space_before=0.6)


def lineup_slide(deck: Deck, brief: Brief) -> None:
    """The main deck's line-up: one slide, its title the line-up in a sentence."""
    model_section(deck, brief.launch, title=story.sentence_of(brief.lineup_title()))


def model_section(deck: Deck, launch: Launch, *, title: str | None = None) -> None:
    """The line-up: the launched models, their specs, license and dates, and the modes.

    One launched model gets a slide of its own facts beside its modes; a family gets
    a table of its models (continued as needed, at most
    :data:`~launchbrief.exporters._story.MOST_ITEMS` rows), then its capabilities beside the modes.
    """
    if len(launch.launched) > 1:
        _lineup_table(deck, launch, title)
        if title is None:
            _family_modes(deck, launch)
        return
    model = launch.launched[0]
    left: list[Para] = []
    if model.summary:
        left.append(Para.of(clean(model.summary)))
    facts = [
        ("Modalities", story.joined(model.modalities)),
        ("Powers", story.joined(model.powers)),
        ("Family", clean(model.family) if model.family else ""),
        ("Predecessor", clean(model.predecessor) if model.predecessor else ""),
    ]
    if model.specs is not None:
        size = story.size_text(model.specs)
        facts.append(("Parameters", size))
        facts.extend(
            (story.spec_label(key), story.spec_value(key, value))
            for key, value in model.specs.items()
            if key not in ("parameters", "active_parameters")
        )
    facts.append(("License", story.license_text(model.license or launch.license)))
    for label, value in facts:
        if value:
            left.append(_fact(label, value))
    for label, value, disputed in _date_facts(deck, launch):
        left.append(_fact(label, value, color="negative" if disputed else None))
    if model.capabilities:
        left.append(
            Para.of("Capabilities", bold=True, color="ink", space_before=0.8, keep_with_next=True)
        )
        capabilities, left_out = story.at_most(model.capabilities)
        left.extend(Para.of(clean(c), bullet=True, space_before=0.25) for c in capabilities)
        if left_out:
            left.append(more_para(left_out, "capability", "capabilities", space_before=0.25))
    left.extend(_use_case_paras(launch))
    right, mode_lines = _modes_paras(launch)
    if not left and not right:
        return
    columns = []
    if left:
        columns.append(Column("The model", left))
    if right:
        columns.append(Column("Reasoning modes, fastest to deepest", right))
    modes = launch.modes
    notes = story.notes_text(
        [
            clean(model.summary or f"What {story.launched_names(launch)} is."),
            *(f"{label}: {value}." for label, value in facts if value),
            *(f"{label}: {value}." for label, value, _disputed in _date_facts(deck, launch)),
            f"Capabilities: {story.joined(model.capabilities)}." if model.capabilities else "",
            (
                f"{len(modes)} reasoning modes, fastest to deepest: "
                + story.joined(
                    [f"{m.name} ({m.status.label})" for m in sorted(modes, key=lambda m: m.order)],
                    "; ",
                )
                + "."
            )
            if modes
            else "",
        ],
        mode_lines,
    )
    sources = analysis.source_ids(
        [model, launch.license, *launch.dates, *launch.modes, *launch.use_cases]
    )
    if title is not None:
        notes = story.talk_track(
            [
                title,
                clean(model.summary) if model.summary else "",
                f"It offers {len(modes)} reasoning modes, from {clean(min(modes, key=lambda m: m.order).name)}"
                f" to {clean(max(modes, key=lambda m: m.order).name)}"
                if len(modes) > 1
                else "",
            ],
            "What the model is, and how it can be used, frames every comparison that follows",
            "What is still unknown about the model?",
            "Specs the record does not give are left out rather than guessed; the appendix and"
            " workbook list what is missing",
            story.source_names(footer_names(deck, launch), sources),
        )
    flow_slides(
        deck,
        launch,
        title=title
        or (
            f"{story.launched_names(launch)} and its modes"
            if modes
            else f"{story.launched_names(launch)}: the model"
        ),
        more=_more if title is not None else None,
        columns=columns,
        sources=sources,
        notes=notes,
        weights=[1.5, 1.0][: len(columns)],
    )


def _lineup_table(deck: Deck, launch: Launch, title: str | None = None) -> None:
    """The launched models in a table: size, architecture, context, cutoff, modalities, license."""
    launched = launch.launched
    own_license = any(model.license is not None for model in launched)
    columns: list[tuple[str, float, Callable[[Any], str]]] = [
        ("Parameters", 1.3, lambda m: story.size_text(m.specs)),
        (
            "Architecture",
            1.4,
            lambda m: clean(m.specs.architecture) if m.specs and m.specs.architecture else "",
        ),
        (
            "Context window",
            1.2,
            lambda m: (
                story.spec_value("context_window", m.specs.context_window)
                if m.specs and m.specs.context_window
                else ""
            ),
        ),
        (
            "Knowledge cutoff",
            1.1,
            lambda m: (
                clean(m.specs.knowledge_cutoff) if m.specs and m.specs.knowledge_cutoff else ""
            ),
        ),
        ("Modalities", 1.3, lambda m: story.joined(m.modalities)),
        ("License", 1.5, lambda m: story.license_text(m.license or launch.license)),
        ("Other specs", 1.6, lambda m: story.other_specs(m.specs)),
    ]
    if title is not None:  # the main deck: the appendix has the other specs
        columns = columns[:-1]
    shown, left_out = story.at_most(launched)
    present = [
        column
        for column in columns
        if (column[0] != "License" or own_license) and any(column[2](m) for m in shown)
    ]
    headers = ["Model", *(name for name, _weight, _value in present)]
    weights = [2.2, *(weight for _name, weight, _value in present)]
    rows: list[list[Cell]] = []
    numbers: list[str] = []
    for model in shown:
        first = [Para.of(clean(model.label), bold=True, color="ink")]
        if model.summary and title is None:
            first.append(Para.of(clean(model.summary), color="muted", scale=0.85, space_before=0.2))
        row = [Cell(tuple(first))]
        facts = []
        for name, _weight, value in present:
            text = value(model)
            row.append(text_cell(text or "—", color=None if text else "muted"))
            if text:
                facts.append(f"{name.lower()} {text}")
        rows.append(row)
        numbers.append(f"{clean(model.label)}: " + ("; ".join(facts) or "no specs given"))
    if left_out:
        if title is None:  # the main deck counts what it leaves out itself
            rows.append(more_row(left_out, "model", "models", len(headers)))
        numbers.append(story.more_text(left_out, "model", "models"))
    terms = story.license_text(launch.license)
    count = f"{len(launched):,} models"
    lede = f"{clean(launch.developer.name)} launched {count}" + (
        f" under the {terms}." if terms else "."
    )
    if own_license and terms:
        lede = (
            f"{clean(launch.developer.name)} launched {count}; the launch's license is the {terms}."
        )
    dates = _date_facts(deck, launch)
    if title is not None and launch.modes:
        ordered = sorted(launch.modes, key=lambda m: m.order)
        dates = [
            *dates,
            (
                "Modes",
                story.joined([f"{m.name} ({m.status.label})" for m in ordered], most=6),
                False,
            ),
        ]

    def band(page: Page) -> None:
        if not dates:
            return
        fonts = deck.body_fonts
        spans: list[Span] = []
        for index, (label, value, disputed) in enumerate(dates):
            if index:
                spans.append(Span("   ·   ", color="muted"))
            spans.append(Span(f"{label}: ", bold=True, color="ink"))
            spans.append(Span(value, color="negative" if disputed else None))
        para = Para(tuple(spans))
        frame = page.frame
        most = 3 * fonts.line_height(BODY_FLOOR)
        size = fit_size([para], frame.w, most, fonts, largest=14, smallest=BODY_FLOOR)
        if size is None:
            size = BODY_FLOOR
            para = clip(para, frame.w, most, size, fonts)
        height = text_height([para], frame.w, size, fonts)
        deck.text(page, frame.top(height + 2), [para], size, name="Dates")
        page.frame = frame.below(height + 2, 10)

    sources = analysis.source_ids([*launched, launch.license, *launch.dates, *launch.modes])
    notes = story.notes_text(
        [lede, *(f"{label}: {value}." for label, value, _disputed in dates)], numbers
    )
    if title is not None:
        notes = story.talk_track(
            [title, lede, f"The table gives each model's size, context and license: {numbers[0]}"],
            "Which model fits which use decides how the family competes",
            "Which of the models is the flagship?",
            f"The record lists {clean(launched[-1].label)} last and {clean(launched[0].label)} first;"
            " the benchmark slides compare the family's best entry on each benchmark",
            story.source_names(footer_names(deck, launch), sources),
        )
    table_slides(
        deck,
        launch,
        more=(lambda n: more_row(n, "model", "models", len(headers))) if title else None,
        omitted=left_out,
        title=title or f"The line-up: {story.launched_names(launch)}",
        headers=headers,
        rows=rows,
        weights=weights,
        sources=sources,
        notes=notes,
        alt=f"Table of the {len(launched):,} launched models with their specs and license: "
        + "; ".join(numbers)
        + ".",
        # The main deck's title already says who launched how many: its lede gives the terms.
        lede=lede if title is None or own_license else (f"License: {terms}." if terms else None),
        before=band,
    )


def _family_modes(deck: Deck, launch: Launch) -> None:
    """What the launched models do (capabilities, powers, use cases) beside the modes."""
    left: list[Para] = []
    with_facts = [m for m in launch.launched if m.capabilities or m.powers or m.family]
    shown, left_out = story.at_most(with_facts)
    for model in shown:
        spans = [Span(f"{clean(model.label)}: ", bold=True, color="ink")]
        facts = [
            story.joined(model.capabilities),
            f"powers {story.joined(model.powers)}" if model.powers else "",
            f"family {clean(model.family)}" if model.family else "",
        ]
        spans.append(Span("; ".join(fact for fact in facts if fact)))
        left.append(Para(tuple(spans), bullet=True, space_before=0.5))
    if left_out:
        left.append(more_para(left_out, "model", "models", space_before=0.5))
    left.extend(_use_case_paras(launch))
    if left:
        left[0] = replace(left[0], space_before=0.0)
    right, mode_lines = _modes_paras(launch)
    if not left and not right:
        return
    columns = []
    if left:
        columns.append(Column("What the models do", left))
    if right:
        columns.append(Column("Reasoning modes, fastest to deepest", right))
    flow_slides(
        deck,
        launch,
        title="Modes and what the models do" if right else "What the models do",
        columns=columns,
        sources=analysis.source_ids([*shown, *launch.modes, *launch.use_cases]),
        notes=story.notes_text(
            [f"What {story.launched_names(launch)} do, and the reasoning modes they offer."],
            mode_lines,
        ),
        weights=[1.5, 1.0][: len(columns)],
    )
