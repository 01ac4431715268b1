"""A launch as a readable terminal summary: key facts, leaderboards, rollout, safety."""

from __future__ import annotations

import re
from collections.abc import Sequence

from launchbrief import analysis
from launchbrief.model import Launch

__all__ = ["gaps_text", "summary_text"]

_WIDTH = 88
#: Lists written inline (capabilities, surfaces) name at most this many, then "… and N more".
MAX_LISTED = 50

# Runs of whitespace (the characters textwrap treats as such) and runs of anything else.
_CHUNKS = re.compile(r"[ \t\n\x0b\x0c\r]+|[^ \t\n\x0b\x0c\r]+")


def summary_text(launch: Launch) -> str:
    """The launch summarised in plain text, at most 88 columns wide."""
    model = launch.launched_model
    lines = [launch.title, "=" * min(len(launch.title), _WIDTH), ""]
    facts = [
        ("Model", model.label),
        ("Developer", ", ".join(filter(None, [launch.developer.name, launch.developer.division]))),
        ("Announced", launch.announced.isoformat() if launch.announced else "not known"),
        ("As of", launch.as_of.isoformat() if launch.as_of else "not given"),
    ]
    if launch.model.capabilities:
        facts.append(("Capabilities", _listed(launch.model.capabilities)))
    lines += _pairs(facts)

    tiles = analysis.highlights(launch)
    if tiles:
        lines += ["", "Highlights"]
        lines += _pairs([(tile.label, f"{tile.value} — {tile.detail}") for tile in tiles])

    if launch.modes:
        lines += ["", "Reasoning modes (fastest first)"]
        for mode in sorted(launch.modes, key=lambda m: m.order):
            lines.append(f"  {mode.order}. {mode.name} ({mode.availability})")

    boards = analysis.leaderboards(launch)
    if boards:
        lines += ["", "Leaderboards"]
    for board in boards:
        benchmark = board.benchmark
        lines.append(f"  {benchmark.name} [{benchmark.category}, {benchmark.scale.value}]")
        for standing in board.standings:
            mark = "*" if standing.launched else " "
            gap = f"  -{standing.gap:g}" if standing.gap else ""
            lines.append(
                f"   {mark}{standing.rank:>2}. {standing.label:<32} {standing.score:>8g}{gap}"
            )
        for result in board.qualitative:
            words = result.claim or ", ".join(
                f"{c.relation.label} {', '.join(c.versus) or 'the field'}"
                for c in result.comparisons
            )
            label = launch.compared_model(result.model).label
            lines += _wrap(f"{label}: {words} (no numbers)", indent=" " * 7, first=" " * 5)

    card = analysis.scorecard(launch)
    if card.verdicts:
        lines += ["", f"Where {model.label} leads and trails"]
        for title, verdicts in (
            ("leads", card.leads),
            ("trails", card.trails),
            ("other", card.other),
        ):
            for verdict in verdicts:
                lines += _wrap(f"{title:>6}: {verdict.sentence}", indent=" " * 10)

    summary = analysis.rollout(launch)
    if summary.groups:
        lines += ["", "Rollout"]
        for status, surfaces in summary.groups:
            names = _listed(
                [
                    surface.name + (f" ({surface.audience})" if surface.audience else "")
                    for surface in surfaces
                ]
            )
            timings = sorted({s.timing for s in surfaces if s.timing})
            when = f" — {_listed(timings, '; ')}" if timings else ""
            lines += _wrap(f"{status.label:>11}: {names}{when}", indent=" " * 15)

    findings = analysis.safety(launch)
    if launch.safety:
        lines += ["", f"Safety: {findings.headline}"]
        for finding in launch.safety:
            blocker = {True: "release blocker", False: "not a release blocker", None: ""}[
                finding.release_blocker
            ]
            who = f"{finding.evaluator}, {finding.evaluation.value.replace('_', '-')}"
            tail = f"; {blocker}" if blocker else ""
            lines += _wrap(f"- {finding.title} ({who}{tail})", indent="    ")

    gaps = analysis.gap_summary(launch)
    if gaps:
        lines += ["", "Not known yet (`launchbrief show --gaps` gives each with its field)"]
        for line in gaps:
            lines += _wrap(f"- {line}", indent="    ")
    return "\n".join(lines) + "\n"


def gaps_text(launch: Launch) -> str:
    """What the record lacks, one gap a line."""
    return "".join(f"{gap.path}: {gap.message}\n" for gap in analysis.completeness(launch))


def _pairs(pairs: list[tuple[str, str]]) -> list[str]:
    width = max(len(label) for label, _ in pairs) + 2
    lines = []
    for label, value in pairs:
        lines += _wrap(f"{label + ':':<{width}}{value}", indent=" " * (width + 2), first="  ")
    return lines


def _listed(items: Sequence[str], separator: str = ", ") -> str:
    """The items joined, the first :data:`MAX_LISTED` of them, then how many more."""
    if len(items) <= MAX_LISTED:
        return separator.join(items)
    return separator.join(items[:MAX_LISTED]) + f"{separator}… and {len(items) - MAX_LISTED} more"


def _wrap(text: str, *, indent: str, first: str = "  ") -> list[str]:
    """``text`` wrapped greedily at 88 columns, in time linear in its length.

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
        if has_word and len(line) + len(gap) + len(chunk) <= _WIDTH:
            line += gap + chunk
            gap = ""
            continue
        if has_word:
            lines.append(line)
            line, has_word, gap = indent, False, ""
        line += gap
        gap, start = "", 0
        while len(line) + len(chunk) - start > _WIDTH:
            cut = max(_WIDTH - len(line), 1)
            lines.append(line + chunk[start : start + cut])
            start += cut
            line = indent
        line += chunk[start:] if start else chunk
        has_word = True
    if has_word or not lines:
        lines.append(line)
    return lines
