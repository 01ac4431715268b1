"""A launch as a readable terminal summary: key facts, leaderboards, rollout, safety.

Text is laid out for a given width (the command passes its terminal's, 60 to 200
columns): long lines wrap, and table columns that cannot fit are cut with "…".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from launchbrief import analysis
from launchbrief.model import Launch

__all__ = ["gaps_text", "summary_text"]

#: The width used when none is given.
WIDTH = 88
#: The narrowest width laid out; tables need at least this much.
MIN_WIDTH = 60
#: Lists written inline (capabilities, surfaces) name at most this many, then "… and N more".
MAX_LISTED = 50

# Runs of whitespace (the characters textwrap treats as such) and runs of anything else.
_CHUNKS = re.compile(r"[ \t\n\x0b\x0c\r]+|[^ \t\n\x0b\x0c\r]+")


def summary_text(launch: Launch, *, width: int = WIDTH) -> str:
    """The launch summarised in plain text, no line wider than ``width`` (at least 60)."""
    width = max(width, MIN_WIDTH)

    def wrap(text: str, *, indent: str, first: str = "  ") -> list[str]:
        return _wrap(text, indent=indent, first=first, width=width)

    def heading(text: str) -> list[str]:
        return ["", *wrap(text, indent="", first="")]

    launched = launch.launched
    headline = wrap(launch.title, indent="", first="")
    lines = [*headline, "=" * max(map(len, headline)), ""]
    facts = [
        ("Launched" if len(launched) > 1 else "Model", _listed([m.label for m in launched])),
        ("Developer", ", ".join(filter(None, [launch.developer.name, launch.developer.division]))),
        ("Announced", launch.announced.isoformat() if launch.announced else "not known"),
        ("As of", launch.as_of.isoformat() if launch.as_of else "not given"),
    ]
    if launch.license is not None:
        weights = {True: "open weights", False: "closed weights", None: ""}[
            launch.license.open_weights
        ]
        facts.append(("Licence", ", ".join(filter(None, [launch.license.name, weights]))))
    for conflict in analysis.conflicts(launch):
        event = conflict.event[:1].upper() + conflict.event[1:]
        facts = [(label, value) for label, value in facts if label != event]
        facts.insert(2, (event, conflict.detail))
    if len(launched) == 1 and launched[0].capabilities:
        facts.append(("Capabilities", _listed(launched[0].capabilities)))
    lines += _pairs(facts, width)

    if len(launched) > 1 or any(m.specs for m in launched):
        lines += heading("Line-up")
        for model in launched[:MAX_LISTED]:
            specs = (
                ", ".join(analysis.describe_spec(key, value) for key, value in model.specs.items())
                if model.specs
                else ""
            )
            lines += wrap(f"- {model.label}" + (f": {specs}" if specs else ""), indent="    ")
        if len(launched) > MAX_LISTED:
            lines.append(f"  … and {len(launched) - MAX_LISTED} more")

    tiles = analysis.highlights(launch)
    if tiles:
        lines += heading("Highlights")
        lines += _pairs([(tile.label, f"{tile.value} — {tile.detail}") for tile in tiles], width)

    if launch.modes:
        lines += heading("Reasoning modes (fastest first)")
        for mode in sorted(launch.modes, key=lambda m: m.order):
            lines += wrap(f"{mode.order}. {mode.name} ({mode.availability})", indent="     ")

    boards = [
        board for board in analysis.leaderboards(launch) if board.standings or board.qualitative
    ]
    if boards:
        lines += heading("Leaderboards (* launched; a lone number has no rank)")
    for board in boards:
        benchmark = board.benchmark
        lines += wrap(
            f"{board.title} [{benchmark.category}, {benchmark.scale.value}]", indent="    "
        )
        settings = analysis.describe_settings(board.cohort.settings if board.cohort else None)
        if settings:
            lines += wrap(f"settings: {settings}", indent=" " * 7, first=" " * 5)
        if board.warning:
            lines += wrap(f"note: {board.warning}", indent=" " * 7, first=" " * 5)
        lines += _standings(board.standings, width)
        if board.standings and not board.contested:
            lines.append("       (no rival numbers: not ranked)")
        for result in board.qualitative:
            words = result.claim or ", ".join(
                f"{c.relation.label} {', '.join(c.versus) or 'the field'}"
                for c in result.comparisons
            )
            label = launch.model(result.model).label
            lines += wrap(f"{label}: {words} (no numbers)", indent=" " * 7, first=" " * 5)

    card = analysis.scorecard(launch)
    if card.verdicts:
        names = _listed([m.label for m in launched])
        verb = "leads and trails" if len(launched) == 1 else "lead and trail"
        lines += heading(f"Where {names} {verb} rivals")
        for title, verdicts in (
            ("leads", card.leads),
            ("trails", card.trails),
            ("other", card.other),
        ):
            for verdict in verdicts:
                who = f"{verdict.model.label} " if len(launched) > 1 and verdict.model else ""
                lines += wrap(f"{title:>6}: {who}{verdict.sentence}", indent=" " * 10)

    summary = analysis.rollout(launch)
    if summary.groups:
        lines += heading("Rollout")
        for status, surfaces in summary.groups:
            names = _listed(
                [
                    surface.name + (f" ({surface.audience})" if surface.audience else "")
                    for surface in surfaces
                ]
            )
            timings = sorted({s.timing for s in surfaces if s.timing})
            when = f" — {_listed(timings, '; ')}" if timings else ""
            lines += wrap(f"{status.label:>11}: {names}{when}", indent=" " * 15)

    findings = analysis.safety(launch)
    if launch.safety:
        lines += heading(f"Safety: {findings.headline}")
        for finding in launch.safety:
            blocker = {True: "release blocker", False: "not a release blocker", None: ""}[
                finding.release_blocker
            ]
            who = f"{finding.evaluator}, {finding.evaluation.value.replace('_', '-')}"
            tail = f"; {blocker}" if blocker else ""
            lines += wrap(f"- {finding.title} ({who}{tail})", indent="    ")

    gaps = analysis.gap_summary(launch)
    if gaps:
        lines += heading("Not known yet (`launchbrief show --gaps` gives each with its field)")
        for line in gaps:
            lines += wrap(f"- {line}", indent="    ")
    return "\n".join(lines) + "\n"


def gaps_text(launch: Launch, *, width: int | None = None) -> str:
    """What the record lacks, one gap a line; with ``width``, wrapped to fit it."""
    gaps = [f"{gap.path}: {gap.message}" for gap in analysis.completeness(launch)]
    if width is None:
        return "".join(f"{gap}\n" for gap in gaps)
    width = max(width, MIN_WIDTH)
    return "".join(
        f"{line}\n" for gap in gaps for line in _wrap(gap, indent="    ", first="", width=width)
    )


def _pairs(pairs: list[tuple[str, str]], width: int) -> list[str]:
    """``label:  value`` lines, the values aligned (on a third of the width at most)."""
    column = min(max(len(label) for label, _ in pairs) + 2, width // 3)
    lines = []
    for label, value in pairs:
        lines += _wrap(
            f"{label + ':':<{column}}{value}", indent=" " * (column + 2), first="  ", width=width
        )
    return lines


def _standings(standings: Sequence[analysis.Standing], width: int) -> list[str]:
    """A leaderboard's rows, ``*  1. Model  score  -gap``, fitted to ``width``.

    The model column is 32 wide where that fits, wider for longer names when the
    width allows, and a name that does not fit is cut with "…".
    """
    if not standings:
        return []
    rows = []
    for standing in standings:
        mark = "*" if standing.launched else " "
        rank = f"{standing.rank:>2}." if standing.rank is not None else " –."
        gap = f"  -{analysis.format_score(standing.gap)}" if standing.gap else ""
        rows.append(
            (f"   {mark}{rank} ", standing.label, analysis.format_score(standing.score), gap)
        )
    score_width = max(8, *(len(score) for _, _, score, _ in rows))
    gap_width = max(len(gap) for _, _, _, gap in rows)
    room = width - len("   *99. ") - 1 - score_width - gap_width
    label_width = max(min(max(32, *(len(label) for _, label, _, _ in rows)), room), 1)
    return [
        f"{lead}{_cut(label, label_width):<{label_width}} {score:>{score_width}}{gap}"
        for lead, label, score, gap in rows
    ]


def _cut(text: str, width: int) -> str:
    """``text``, cut to ``width`` characters with "…" if it is longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _listed(items: Sequence[str], separator: str = ", ") -> str:
    """The items joined, the first :data:`MAX_LISTED` of them, then how many more."""
    if len(items) <= MAX_LISTED:
        return separator.join(items)
    return separator.join(items[:MAX_LISTED]) + f"{separator}… and {len(items) - MAX_LISTED} more"


def _wrap(text: str, *, indent: str, first: str = "  ", width: int = WIDTH) -> list[str]:
    """``text`` wrapped greedily at ``width`` columns, in time linear in its length.

    Runs of spaces between words are kept (they align labels and values); words
    longer than a line are cut. textwrap is not used: it cuts a long word by
    slicing off the rest of it for every line, which takes quadratic time on a
    word of a million characters.
    """
    lines: list[str] = []
    line, has_word, gap = first, False, ""
    for chunk in _CHUNKS.findall(text):
        if chunk[0] in " \t\n\x0b\x0c\r":
            # Kept between words and at the very start (it indents), dropped at a break.
            gap = " " * len(chunk) if has_word or not lines else ""
            continue
        if has_word and len(line) + len(gap) + len(chunk) <= width:
            line += gap + chunk
            gap = ""
            continue
        if has_word:
            lines.append(line)
            line, has_word, gap = indent, False, ""
        line += gap
        gap, start = "", 0
        while len(line) + len(chunk) - start > width:
            cut = max(width - len(line), 1)
            lines.append(line + chunk[start : start + cut])
            start += cut
            line = indent
        line += chunk[start:] if start else chunk
        has_word = True
    if has_word or not lines:
        lines.append(line)
    return lines
