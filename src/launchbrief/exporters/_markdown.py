"""Writing the Markdown brief: the work behind :class:`launchbrief.exporters.markdown.MarkdownExporter`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote, urlsplit

from launchbrief import analysis
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.exporters._storyline import (
    Brief,
    cover_name,
    matchup_sentence,
    takeaways,
    third_party_first,
)
from launchbrief.model import (
    Direction,
    Evaluation,
    Launch,
    Model,
    Relation,
    Result,
    SafetyFinding,
    Scale,
    Source,
    SourceKind,
)

__all__ = [
    "MOST_BOARDS",
    "MOST_LISTED",
    "MOST_ROWS",
    "MOST_SOURCES",
    "MOST_TRAILS",
    "brief_markdown",
]

#: The most leaderboard tables a brief holds; the others are counted.
MOST_BOARDS = 12

#: The most entries one leaderboard table shows; the others are counted.
MOST_ROWS = 10

#: The most items of one list (launched models, surfaces of one status, findings).
MOST_LISTED = 30

#: The most trails listed, widest first; the others are counted.
MOST_TRAILS = 10

#: The most sources listed; the others are counted.
MOST_SOURCES = 30

#: The longest a name (of a model, a source, a surface) is shown, in characters.
_NAME = 120

#: The longest a sentence or a note from the record is shown, in characters.
_PROSE = 400

#: Where the rest of a long record is: every result and source is in the workbook.
_WORKBOOK = "the workbook (launchbrief export -f xlsx) has them all"


def brief_markdown(launch: Launch) -> str:
    """The launch's one-page brief as Markdown text, ending with a newline."""
    brief = Brief.of(launch)
    parts = [
        _heading_part(brief),
        _takeaways_part(brief),
        _lineup_part(launch, brief),
        _leaderboards_part(launch, brief),
        _trails_part(launch, brief),
        _rollout_part(launch, brief),
        _safety_part(launch, brief),
        _sources_part(launch),
        _footer(launch),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


# --------------------------------------------------------------------------- escaping


# CommonMark's backslash escapes, for the punctuation that can start markup anywhere
# in a line: emphasis, code, links and images, tables, strikethrough.
_INLINE = re.compile(r"([\\`*_\[\]|~])")

# What would start a block if it began a line: a heading, a quote, a list, a rule.
_BLOCK_START = re.compile(r"^([#>+\-])|^([0-9]+)([.)])(?=\s|$)")

# A run of "#" that ends text would close a heading: "C#" must not lose its "#".
_TRAILING_HASHES = re.compile(r"#+$")

# An ampersand that reads as an entity (``&lt;``, ``&#60;``) is shown as written.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def shortened(text: str, most: int) -> str:
    """``text`` cleaned and, past ``most`` characters, cut at a word with "…"."""
    text = clean(text)
    if len(text) <= most:
        return text
    cut = text[:most]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def escaped(text: str, most: int = _PROSE) -> str:
    """Record text as Markdown that shows it literally: no markup, links or HTML get through.

    The text is cleaned to one line and cut at ``most`` characters; markup
    punctuation is backslash-escaped, ``<`` and an entity's ``&`` become entities,
    and what would start a block at the start of a line, or close a heading at its
    end, is escaped too.
    """
    text = shortened(text, most)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _TRAILING_HASHES.sub(lambda match: "\\#" * len(match.group()), text)
    return _BLOCK_START.sub(
        lambda match: (
            "\\" + match.group(1) if match.group(1) else match.group(2) + "\\" + match.group(3)
        ),
        text,
    )


def web_address(url: str | None) -> str | None:
    """``url`` ready for a Markdown link when it is an ``http`` or ``https`` address, else ``None``.

    Characters that would end or break the link (spaces, brackets, parentheses,
    quotes, angle brackets, controls) are percent-encoded.
    """
    if url is None:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe="%:/?#@!$&'*+,;=~-._")


def _link(text: str, url: str | None) -> str:
    """``[text](url)`` for a web address; the escaped text alone otherwise."""
    address = web_address(url)
    shown = escaped(text, _NAME)
    return f"[{shown}]({address})" if address else shown


def _sentence(text: str) -> str:
    """A sentence from the record's words, escaped, with a capital and a final stop."""
    text = story.sentence_of(shortened(text, _PROSE))
    if text and text[-1] not in ".?!…":
        text += "."
    return escaped(text, _PROSE + 1)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(header: Sequence[str], align: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub-flavored table; ``align`` holds ``"l"`` or ``"r"`` for each column."""
    rule = ["---:" if side == "r" else "---" for side in align]
    lines = [_row(header), _row(rule)]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _more(count: int, one: str, many: str) -> str:
    """``… and 18 more entries: the workbook (…) has them all.``, escaped."""
    return escaped(f"{story.more_text(count, one, many)}: {_WORKBOOK}.", _PROSE)


def _bullets(items: Sequence[str], one: str, many: str, most: int = MOST_LISTED) -> str:
    """Escaped items as a bullet list, the items past ``most`` counted in a last line."""
    shown, left_out = story.at_most(items, most)
    lines = [f"- {item}" for item in shown]
    if left_out:
        lines.append(f"- {_more(left_out, one, many)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- parts


def _heading_part(brief: Brief) -> str:
    """The title, the verdict, who launched it and when, the record's summary."""
    launch = brief.launch
    lines = [f"# {escaped(cover_name(launch), _NAME)}: launch brief"]
    lines.append(f"**Verdict:** {_sentence(brief.verdict())}")
    developer = clean(launch.developer.name)
    if launch.developer.division:
        developer += f" · {clean(launch.developer.division)}"
    facts = [developer]
    events = story.dated_events(launch, story.source_index(launch))
    facts.extend(f"{label} {when}" for label, when, _disputed in events[:3])
    if len(events) > 3:
        facts.append(f"{len(events) - 3} more dates in the workbook")
    when = story.date_text(launch)
    if when:
        facts.append(f"As of {when}")
    lines.append(" · ".join(escaped(fact, _PROSE) for fact in facts))
    if launch.summary:
        lines.append(escaped(launch.summary, _PROSE * 2))
    return "\n\n".join(lines)


def _takeaways_part(brief: Brief) -> str:
    """The points to remember, each with its number: the deck's executive summary."""
    points = [_sentence(text) for text, _slide in takeaways(brief)]
    return "## Key numbers\n\n" + _bullets(points, "point", "points")


def _lineup_part(launch: Launch, brief: Brief) -> str:
    """The launched models in a table; their modes, license and the rivals compared."""
    models = list(launch.launched)
    columns: list[tuple[str, str, list[str]]] = [
        ("Model", "l", [escaped(m.label, _NAME) for m in models]),
        ("Size", "r", [escaped(story.size_text(m.specs)) for m in models]),
        (
            "Context window",
            "r",
            [
                escaped(story.spec_value("context_window", m.specs.context_window))
                if m.specs and m.specs.context_window
                else ""
                for m in models
            ],
        ),
        ("Modalities", "l", [escaped(story.joined(list(m.modalities), most=6)) for m in models]),
        (
            "License",
            "l",
            [escaped(story.license_text(m.license), _NAME) for m in models],
        ),
        ("Summary", "l", [escaped(m.summary, 160) if m.summary else "" for m in models]),
    ]
    # A column no launched model fills says nothing.
    columns = [column for column in columns if column[0] == "Model" or any(column[2])]
    shown, left_out = story.at_most(range(len(models)))
    rows = [[cells[index] for _name, _side, cells in columns] for index in shown]
    lines = [
        "## Line-up",
        _sentence(brief.lineup_title()),
        _table([name for name, _side, _cells in columns], [side for _n, side, _c in columns], rows),
    ]
    if left_out:
        lines.append(_more(left_out, "launched model", "launched models"))
    notes = []
    if launch.modes:
        modes = sorted(launch.modes, key=lambda mode: mode.order)
        listed = story.joined([f"{mode.name} ({mode.availability})" for mode in modes])
        notes.append(f"**Reasoning modes:** {escaped(listed, _PROSE)}")
    if launch.license is not None:
        license = story.license_text(launch.license)
        notes.append(f"**License:** {_link(license, launch.license.url)}")
    rivals = [m for m in launch.models if not m.launched]
    if rivals:
        named = story.labels(rivals, most=8)
        notes.append(
            f"**Compared with:** {escaped(named, _PROSE)}"
            f" ({len(rivals):,} {story.plural_noun(len(rivals), 'models')})"
        )
    if notes:
        lines.append("  \n".join(notes))
    return "\n\n".join(lines)


def _leaderboards_part(launch: Launch, brief: Brief) -> str:
    """The deciding leaderboards as tables, by category, and how many more there are."""
    boards = [b for b in analysis.leaderboards(launch) if b.standings or b.qualitative]
    lines = ["## Leaderboards"]
    if not boards:
        lines.append("The record holds no benchmark results.")
        return "\n\n".join(lines)
    chosen = _chosen_boards(brief)
    intro = brief.categories_title() if brief.matchups else ""
    if intro and intro != brief.verdict():
        lines.append(_sentence(intro))
    shown = len(chosen)
    left_out = len(boards) - shown
    if not chosen:
        lines.append(
            escaped(
                f"No launched model has a result on the {len(boards):,}"
                f" {story.plural_noun(len(boards), 'leaderboards')} on record: {_WORKBOOK}."
            )
        )
        return "\n\n".join(lines)
    if left_out:
        lines.append(
            escaped(
                f"The {shown:,} leaderboards below decide the story: the decisive comparisons,"
                f" then the widest trails and leads. {left_out:,} more of the {len(boards):,}"
                f" with results are left out here; {_WORKBOOK}."
            )
        )
    summaries = {summary.category: summary for summary in analysis.categories(launch)}
    category: str | None = None
    for board in chosen:
        if board.benchmark.category != category:
            category = board.benchmark.category
            lines.append(f"### {escaped(story.category_title(category), _NAME)}")
            lines.append(escaped(story.category_lede(launch, summaries[category]), _PROSE * 2))
        lines.extend(_board_part(launch, board))
    return "\n\n".join(lines)


def _chosen_boards(brief: Brief) -> list[analysis.Leaderboard]:
    """The leaderboards the brief tabulates, at most :data:`MOST_BOARDS`, in the record's order.

    Those with a launched model's result, the decisive comparisons first, then the
    trails and the leads (widest first), then ties and lone numbers; shown grouped by
    category, in the order the record gives them.
    """
    leads = sorted(brief.leads, key=lambda m: -m.relative_margin)
    ordered = [*brief.decisive, *brief.trails, *leads, *brief.level, *brief.lone]
    position = {id(matchup): index for index, matchup in enumerate(brief.matchups)}
    chosen: dict[int, analysis.Matchup] = {}
    for matchup in ordered:
        if len(chosen) == MOST_BOARDS:
            break
        chosen.setdefault(id(matchup), matchup)
    categories = list(dict.fromkeys(m.board.benchmark.category for m in brief.matchups))
    kept = sorted(
        chosen.values(),
        key=lambda m: (categories.index(m.board.benchmark.category), position[id(m)]),
    )
    return [matchup.board for matchup in kept]


def _board_part(launch: Launch, board: analysis.Leaderboard) -> list[str]:
    """One leaderboard: its heading, what its entries ran under, its table."""
    benchmark = board.benchmark
    notes = []
    settings = story.settings_text(board)
    if settings:
        notes.append(f"Settings: {settings}.")
    if benchmark.direction is Direction.LOWER:
        notes.append("Lower is better.")
    if benchmark.scale is Scale.PERCENTILE:
        notes.append("Scores are percentiles.")
    if board.warning:
        notes.append(f"Not strictly comparable: {board.warning}.")
    if board.standings and not board.contested:
        notes.append("No rival has a number here, so nothing is ranked: a lone number is no win.")
    lines = [f"#### {escaped(board.title, _NAME * 2)}"]
    if notes:
        lines.append(escaped(" ".join(notes), _PROSE * 2))
    entries = _entries(launch, board)
    shown = entries[:MOST_ROWS]
    if not any(launched for launched, _row in shown):
        # The launched family's best stays in sight, however far down it ranks.
        best = next((entry for entry in entries if entry[0]), None)
        if best is not None:
            shown = [*entries[: MOST_ROWS - 1], best]
    # Numbers line up on the right; a column with words in it reads from the left.
    align = "rlr" if not board.qualitative else "rll"
    lines.append(_table(("Rank", "Model", "Result"), align, [row for _launched, row in shown]))
    left_out = len(entries) - len(shown)
    if left_out:
        lines.append(_more(left_out, "entry", "entries"))
    return lines


def _entries(launch: Launch, board: analysis.Leaderboard) -> list[tuple[bool, list[str]]]:
    """The rows of a leaderboard: scored entries by rank, then those known only in words.

    Each row is ``(launched, [rank, model, result])``; a launched model is in bold.
    """
    rows: list[tuple[bool, list[str]]] = []
    for standing in board.standings:
        name = escaped(standing.label, _NAME)
        rows.append(
            (
                standing.launched,
                [
                    str(standing.rank) if standing.rank is not None else "–",
                    f"**{name}**" if standing.launched else name,
                    escaped(story.score_text(standing.score, board.benchmark)),
                ],
            )
        )
    worded = sorted(board.qualitative, key=lambda r: not launch.model(r.model).launched)
    for result in worded:
        model = launch.model(result.model)
        name = escaped(model.label, _NAME)
        rows.append(
            (
                model.launched,
                ["–", f"**{name}**" if model.launched else name, escaped(_words(launch, result))],
            )
        )
    return rows


def _words(launch: Launch, result: Result) -> str:
    """A result known only in words: ``Trails Rival A: “behind Rival A on agent tasks”``."""
    parts = []
    for comparison in result.comparisons:
        rivals: list[Model] = [launch.model(model_id) for model_id in comparison.versus]
        relation = comparison.relation.label
        parts.append(f"{relation[:1].upper()}{relation[1:]} {story.labels(rivals) or 'the field'}")
    said = "; ".join(parts)
    if result.claim:
        claim = story.claim_text(shortened(result.claim, _PROSE), result.quoted)
        said = f"{said}: {claim}" if said else claim[:1].upper() + claim[1:]
    return f"{said} (no number)" if said else "No number given"


def _trails_part(launch: Launch, brief: Brief) -> str:
    """Every trail, widest first, with both numbers or the source's words."""
    if not brief.trails:
        return ""
    items = []
    for matchup in brief.trails:
        text = matchup_sentence(matchup, launch)
        ours, rival = matchup.ours, matchup.rival
        benchmark = matchup.board.benchmark
        if matchup.basis is analysis.Basis.NUMERIC and ours is not None and rival is not None:
            text += (
                f" ({story.score_text(ours.score, benchmark)} against"
                f" {story.score_text(rival.score, benchmark)})"
            )
        else:
            claims = [v for v in matchup.verdicts if v.relation is Relation.TRAILS and v.claim]
            if claims and claims[0].claim:
                text += (
                    f": {story.claim_text(shortened(claims[0].claim, _PROSE), claims[0].quoted)}"
                )
        items.append(_sentence(text))
    return "\n\n".join(
        [
            "## Where it trails",
            _sentence(brief.trails_title()),
            _bullets(items, "trail", "trails", MOST_TRAILS),
        ]
    )


def _rollout_part(launch: Launch, brief: Brief) -> str:
    """The surfaces by status, most available first, with timing as the source words it."""
    if not launch.surfaces:
        return ""
    items = []
    for status, surfaces in analysis.rollout(launch).groups:
        # A timing all the group's surfaces share is said once, for the group.
        timings = {clean(s.timing) for s in surfaces if s.timing}
        shared = timings.pop() if len(timings) == 1 and all(s.timing for s in surfaces) else None
        shown, left_out = story.at_most(surfaces)
        named = []
        for surface in shown:
            details = [clean(surface.name)]
            if surface.audience:
                details.append(f"for {clean(surface.audience)}")
            if surface.timing and shared is None:
                details.append(clean(surface.timing))
            named.append(shortened(", ".join(details), _NAME * 2))
        if left_out:
            named.append(story.more_text(left_out, "surface", "surfaces"))
        head = f"**{escaped(story.sentence_of(status.label))}** ({len(surfaces):,})"
        if shared:
            head += f", {escaped(shared, _NAME)}"
        items.append(f"- {head}: " + "; ".join(escaped(name, _NAME * 2) for name in named))
    return "\n\n".join(["## Rollout", _sentence(brief.rollout_title()), "\n".join(items)])


def _safety_part(launch: Launch, brief: Brief) -> str:
    """The safety findings, outside evaluators' first: who evaluated, what they found."""
    if not launch.safety:
        return ""
    findings = [
        finding for finding in third_party_first(launch) if isinstance(finding, SafetyFinding)
    ]
    items = [_finding(finding) for finding in findings]
    return "\n\n".join(
        ["## Safety", _sentence(brief.safety_title()), _bullets(items, "finding", "findings")]
    )


def _finding(finding: SafetyFinding) -> str:
    """``**Evaluation awareness**: Apollo Research, an outside evaluator. … Release blocker: …``."""
    who = clean(finding.evaluator)
    who += (
        ", an outside evaluator"
        if finding.evaluation is Evaluation.THIRD_PARTY
        else ", the developer's own evaluation"
    )
    if finding.framework:
        who += f", under {clean(finding.framework)}"
    text = [f"{who}."]
    if finding.outcome:
        text.append(story.sentence_of(shortened(finding.outcome, _PROSE)) + ".")
    text.append(
        {
            True: "Treated as a release blocker.",
            False: "Not treated as a release blocker.",
            None: "Whether it blocks release is not stated.",
        }[finding.release_blocker]
    )
    return f"**{escaped(finding.title, _NAME)}**: {escaped(' '.join(text), _PROSE * 2)}"


_KINDS = {
    SourceKind.VENDOR: "the developer's own material",
    SourceKind.PRESS: "press",
    SourceKind.THIRD_PARTY: "third party",
    SourceKind.INDEPENDENT: "independent",
}


def _sources_part(launch: Launch) -> str:
    """The sources as a numbered list of links, with publisher, kind and date."""
    if not launch.sources:
        return ""
    shown, left_out = story.at_most(launch.sources, MOST_SOURCES)
    lines = [f"{number}. {_source(source)}" for number, source in enumerate(shown, 1)]
    parts = ["## Sources", "\n".join(lines)]
    if left_out:
        parts.append(_more(left_out, "source", "sources"))
    return "\n\n".join(parts)


def _source(source: Source) -> str:
    """``[Title](https://…) — Meta, the developer's own material, 8 April 2026``."""
    title = source.title or source.name
    details = []
    publisher = source.publisher or (source.name if source.title else None)
    if publisher and clean(publisher) != clean(title):
        details.append(shortened(publisher, _NAME))
    details.append(_KINDS[source.kind])
    if source.published is not None:
        details.append(story.day_text(source.published))
    text = f"{_link(title, source.url)} — {escaped(', '.join(details), _PROSE)}"
    if source.url and web_address(source.url) is None:
        text += " (its address is not a web link and is not shown)"
    return text


def _footer(launch: Launch) -> str:
    """Where the brief comes from and where the rest is."""
    when = story.date_text(launch)
    text = f"Brief of the launch record {launch.id}" + (f", as of {when}" if when else "")
    return "---\n\n" + escaped(
        f"{text}. Every result, source and gap is in the workbook (launchbrief export -f xlsx).",
        _PROSE * 2,
    )
