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
    launched = launch.launched
    lines = [launch.title, "=" * min(len(launch.title), _WIDTH), ""]
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
    lines += _pairs(facts)

    if len(launched) > 1 or any(m.specs for m in launched):
        lines += ["", "Line-up"]
        for model in launched[:MAX_LISTED]:
            specs = (
                ", ".join(analysis.describe_spec(key, value) for key, value in model.specs.items())
                if model.specs
                else ""
            )
            lines += _wrap(f"- {model.label}" + (f": {specs}" if specs else ""), indent="    ")
        if len(launched) > MAX_LISTED:
            lines.append(f"  … and {len(launched) - MAX_LISTED} more")

    tiles = analysis.highlights(launch)
    if tiles:
        lines += ["", "Highlights"]
        lines += _pairs([(tile.label, f"{tile.value} — {tile.detail}") for tile in tiles])

    if launch.modes:
        lines += ["", "Reasoning modes (fastest first)"]
        for mode in sorted(launch.modes, key=lambda m: m.order):
            lines.append(f"  {mode.order}. {mode.name} ({mode.availability})")

    boards = [
        board for board in analysis.leaderboards(launch) if board.standings or board.qualitative
    ]
    if boards:
        lines += ["", "Leaderboards (* launched; a lone number has no rank)"]
    for board in boards:
        benchmark = board.benchmark
        lines += _wrap(
            f"{board.title} [{benchmark.category}, {benchmark.scale.value}]", indent="    "
        )
        settings = analysis.describe_settings(board.cohort.settings if board.cohort else None)
        if settings:
            lines += _wrap(f"settings: {settings}", indent=" " * 7, first=" " * 5)
        if board.warning:
            lines += _wrap(f"note: {board.warning}", indent=" " * 7, first=" " * 5)
        for standing in board.standings:
            mark = "*" if standing.launched else " "
            rank = f"{standing.rank:>2}." if standing.rank is not None else " –."
            gap = f"  -{analysis.format_score(standing.gap)}" if standing.gap else ""
            score = analysis.format_score(standing.score)
            lines.append(f"   {mark}{rank} {standing.label:<32} {score:>8}{gap}")
        if board.standings and not board.contested:
            lines.append("       (no rival numbers: not ranked)")
        for result in board.qualitative:
            words = result.claim or ", ".join(
                f"{c.relation.label} {', '.join(c.versus) or 'the field'}"
                for c in result.comparisons
            )
            label = launch.model(result.model).label
            lines += _wrap(f"{label}: {words} (no numbers)", indent=" " * 7, first=" " * 5)

    card = analysis.scorecard(launch)
    if card.verdicts:
        names = _listed([m.label for m in launched])
        lines += [
            "",
            f"Where {names} lead{'s' if len(launched) == 1 else ''} and trail{'s' if len(launched) == 1 else ''} rivals",
        ]
        for title, verdicts in (
            ("leads", card.leads),
            ("trails", card.trails),
            ("other", card.other),
        ):
            for verdict in verdicts:
                who = f"{verdict.model.label} " if len(launched) > 1 and verdict.model else ""
                lines += _wrap(f"{title:>6}: {who}{verdict.sentence}", indent=" " * 10)

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
