"""What a briefing says: its words and numbers, taken from the analysis.

Pure functions from a :class:`~launchbrief.model.Launch` and the results of
:mod:`launchbrief.analysis` to text: headlines, verdict lines, ledes, source names
and speaker notes. The deck (:mod:`launchbrief.exporters.pptx`) and the Markdown
brief (:mod:`launchbrief.exporters.markdown`) both word a launch with these, so the
two tell the same story. Nothing here is recomputed: ranks, margins, groupings and
flags all come from the analysis API. No file format here; no geometry either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from launchbrief import analysis
from launchbrief.model import (
    Benchmark,
    Cohort,
    Direction,
    Launch,
    License,
    Relation,
    Result,
    RolloutStatus,
    Scale,
    SourceKind,
    Specs,
)

T = TypeVar("T")


# Characters XML 1.0 cannot hold, and the other C0/C1 controls; all become nothing.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Text as a briefing shows it: one line, no control characters, single spaces."""
    text = _ILLEGAL.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


#: The most items of one list the deck shows (capabilities, insights of a kind, rows
#: of a table, verdicts in a column) and its notes read out; the rest are counted
#: ("… and 999,970 more capabilities"). A briefing summarises: a list any longer
#: belongs in the workbook.
MOST_ITEMS = 30


def at_most(items: Sequence[T], most: int = MOST_ITEMS) -> tuple[Sequence[T], int]:
    """The first ``most`` of ``items``, and how many are left out."""
    shown = items[:most]
    return shown, len(items) - len(shown)


def more_text(count: int, one: str, many: str) -> str:
    """What a list leaves out, counted: ``… and 999,970 more capabilities``."""
    return f"… and {count:,} more {one if count == 1 else many}"


def joined(texts: Sequence[str], separator: str = ", ", most: int = MOST_ITEMS) -> str:
    """``texts`` cleaned and joined; past ``most`` of them, the rest are counted."""
    shown, left_out = at_most(texts, most)
    text = separator.join(clean(item) for item in shown)
    return f"{text} and {left_out:,} more" if left_out else text


class VendorCheck:
    """:func:`launchbrief.analysis.vendor_only`, asked once per distinct list of sources.

    The answer depends on the cited sources alone, and the analysis function walks
    the whole record on each call: asking it for every result of a large record
    would make building a deck quadratic.
    """

    def __init__(self, launch: Launch) -> None:
        self.launch = launch
        self._known: dict[tuple[str, ...], bool] = {}

    def __call__(self, result: Result) -> bool:
        """Whether ``result`` rests on vendor material alone."""
        if result.sources not in self._known:
            self._known[result.sources] = analysis.vendor_only(self.launch, result)
        return self._known[result.sources]


def score_text(value: float, benchmark: Benchmark) -> str:
    """A score as the source wrote it, with its unit: ``86.4%``, ``0.0007``, ``51.6th percentile``."""
    return analysis.format_score(value, benchmark)


def margin_text(value: float, benchmark: Benchmark) -> str:
    """A distance between scores: ``3.6 points`` on a percent scale, written as computed."""
    text = analysis.format_score(value)
    if benchmark.scale is Scale.PERCENT:
        return f"{text} point" + ("" if value == 1 else "s")
    if benchmark.scale is Scale.PERCENTILE:
        return f"{text} percentile point" + ("" if value == 1 else "s")
    return text


def decimals(value: float) -> int | None:
    """How many decimals ``value`` is written with, or ``None`` for an exponent form."""
    text = analysis.format_score(value)
    if "e" in text.lower() or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        return None
    return len(text.partition(".")[2])


def number_format(value: float | None, benchmark: Benchmark) -> str:
    """The Excel-style number format that shows ``value`` as written: ``0.00"%"`` for 85.20%."""
    places = decimals(value) if value is not None else None
    if places is None:
        return "General"
    code = "0" + ("." + "0" * places if places else "")
    return f'{code}"%"' if benchmark.scale is Scale.PERCENT else code


def day_text(day: date) -> str:
    """A day in words: ``30 November 2026``."""
    return f"{day.day} {day:%B %Y}"


def date_text(launch: Launch) -> str | None:
    """The record's as-of date in words, ``30 November 2026``."""
    if launch.as_of is None:
        return None
    return day_text(launch.as_of)


def event_title(event: str) -> str:
    """A dated event as a label: ``weights released`` → ``Weights released``."""
    text = clean(event)
    return text[:1].upper() + text[1:]


def dated_events(launch: Launch, names: Mapping[str, str]) -> list[tuple[str, str, bool]]:
    """Each dated event once, as ``(label, when, disputed)``; sources that disagree are both shown.

    ``"Announced", "4 March 2026 (Northwind blog) or 2 March 2026 (Tech Daily): sources
    disagree", True``. ``names`` maps source ids to the names footers show.
    """
    shown: list[tuple[str, str, bool]] = []
    for event, conflict in analysis.events(launch):
        if conflict is None:
            when = day_text(event.date)
            if event.note:
                when += f" ({clean(event.note)})"
            shown.append((event_title(event.event), when, False))
            continue
        versions = " or ".join(
            day_text(day) + (f" ({', '.join(source_names(names, sources))})" if sources else "")
            for day, sources in conflict.dates
        )
        shown.append((event_title(event.event), f"{versions}: sources disagree", True))
    return shown


def category_title(category: str) -> str:
    """A category as a heading: ``multimodal`` → ``Multimodal``."""
    text = clean(category)
    return text[:1].upper() + text[1:]


def source_names(names: Mapping[str, str], source_ids: Iterable[str]) -> list[str]:
    """Short names of the sources, each once, in the order given.

    ``names`` maps each source id of the launch to its cleaned name, as
    :func:`source_index` gives it (made once per launch: a launch may cite thousands).
    """
    shown: dict[str, None] = {}
    for source_id in source_ids:
        shown.setdefault(names.get(source_id, source_id))
    return list(shown)


def source_index(launch: Launch) -> dict[str, str]:
    """Each source id of ``launch`` and the cleaned name a footer shows for it."""
    return {source.id: clean(source.name) for source in launch.sources}


def labels(models: Iterable[object], most: int = 3) -> str:
    """Model labels joined for a sentence; past ``most`` of them, the rest are counted."""
    names = [clean(getattr(model, "label", str(model))) for model in models]
    if len(names) > most:
        return ", ".join(names[: most - 1]) + f" and {len(names) - most + 1} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return ", ".join(names)


def launched_names(launch: Launch, most: int = 3) -> str:
    """The launched models for a sentence or a title: ``Aster 2 Small and Aster 2 Large``.

    Past ``most`` models: ``Gemma 3 1B, Gemma 3 4B and 20 more``.
    """
    return labels(launch.launched, most) or clean(launch.title)


def launched_subject(launch: Launch) -> str:
    """Who a sentence is about: the one launched model's name, or ``the launched models``."""
    launched = launch.launched
    return clean(launched[0].label) if len(launched) == 1 else "the launched models"


def plural(launch: Launch, one: str, many: str) -> str:
    """``one`` for a launch of one model, ``many`` for a family: "brings" or "bring"."""
    return one if len(launch.launched) == 1 else many


def board_key(benchmark: Benchmark, cohort: Cohort | None) -> tuple[str, str | None]:
    """The key of a leaderboard: its benchmark's id and its cohort's (``None`` without one)."""
    return benchmark.id, cohort.id if cohort is not None else None


def settings_text(board: analysis.Leaderboard) -> str:
    """What a leaderboard's entries ran under, in words, when they all ran alike.

    A board whose entries differ has a warning instead (:attr:`Leaderboard.warning`);
    then the cohort's own settings are given.
    """
    if board.standings and not board.mixed_settings:
        return analysis.describe_settings(board.standings[0].settings)
    return analysis.describe_settings(board.cohort.settings if board.cohort else None)


def verdict_detail(verdict: analysis.Verdict, board: analysis.Leaderboard | None = None) -> str:
    """One line on where a launched model stands on a leaderboard, from its verdict.

    Only rivals are compared with: the margin of a lead is over the best rival; a
    trailing model names the rivals ahead of it, and the top score only when a
    rival holds it (``board`` tells; a sibling on top is not a rival to trail).
    A number without a rival's is not ranked.
    """
    benchmark = verdict.benchmark
    if verdict.basis is analysis.Basis.NUMERIC and verdict.score is not None:
        head = score_text(verdict.score, benchmark)
        if verdict.rank is not None and verdict.ranked and verdict.ranked > 1:
            head = f"#{verdict.rank} of {verdict.ranked} with {head}"
        if verdict.relation is None:
            return f"{head}; no rival numbers, not ranked"
        margin = margin_text(verdict.margin or 0.0, benchmark)
        if verdict.relation is Relation.LEADS:
            best = clean(verdict.versus[0].label) if verdict.versus else "the best rival"
            return f"{head}, {margin} ahead of {best}"
        if verdict.relation is Relation.TRAILS:
            ahead = len(verdict.versus)
            leader = board.standings[0] if board is not None and board.standings else None
            if leader is not None and leader.launched:
                return f"{head}, behind {labels(verdict.versus)}"
            top = clean(verdict.versus[0].label) if verdict.versus else "the leader"
            more = f" ({ahead} rivals ahead)" if ahead > 1 else ""
            return f"{head}, {margin} behind {top}{more}"
        return f"{head}, level with {labels(verdict.versus)}"
    relation = verdict.relation.label if verdict.relation else "compared with"
    rivals = labels(verdict.versus) or "the field"
    return f"{relation[:1].upper()}{relation[1:]} {rivals} (no number published)"


def noted_entries(launch: Launch, board: analysis.Leaderboard) -> list[str]:
    """A leaderboard's results known only in words, not already a verdict: ``Rival B: “no multimodal support”``.

    Rivals' words, and a launched model's words that compare it with no one: they
    belong to the board, so that its ranking never reads as if nobody else were there.
    """
    noted = []
    for result in board.qualitative:
        model = launch.model(result.model)
        if model.launched and result.comparisons:
            continue  # a verdict of the scorecard says it
        words = claim_text(result.claim, result.quoted) if result.claim else "no number given"
        noted.append(f"{clean(model.label)}: {words}")
    return noted


def _board_label(board: analysis.Leaderboard) -> str:
    """A leaderboard's name, cohort included: ``MMLU (Pretrained models)``."""
    name = clean(board.title)
    if board.benchmark.scale is Scale.PERCENTILE:
        name += " (percentile)"
    return f"{name} (lower is better)" if board.benchmark.direction is Direction.LOWER else name


def board_label(board: analysis.Leaderboard) -> str:
    """A leaderboard's name for a slide: its benchmark, its cohort, which way is better."""
    return _board_label(board)


def rollout_lede(summary: analysis.RolloutSummary) -> str:
    """The rollout in counts: ``2 live, 1 in preview, 5 planned (over the coming weeks)``."""
    parts = []
    for status, surfaces in summary.groups:
        label = {
            RolloutStatus.PREVIEW: "in preview",
            RolloutStatus.UNKNOWN: "with no status given",
        }.get(status, status.label)
        timings = sorted({clean(s.timing) for s in surfaces if s.timing})
        timing = f" ({'; '.join(timings)})" if timings else ""
        parts.append(f"{len(surfaces)} {label}{timing}")
    return f"{_count(summary.total, 'surface')}: " + ", ".join(parts) + "."


def category_lede(launch: Launch, summary: analysis.CategorySummary) -> str:
    """How the launched models fare against rivals in a category, in one sentence.

    Only benchmarks compared with a rival count; a number without a rival's is
    counted apart; a category without any launched result gets no headline about
    the launched models.
    """
    category = clean(summary.category)
    if summary.covered == 0:
        return (
            f"No launched model has a {category} result here: the rivals' numbers are"
            " shown for context only."
        )
    alone = summary.covered - summary.contested
    rest = (
        f"; {alone:,} more {'has' if alone == 1 else 'have'} no rival number to compare with"
        if alone
        else ""
    )
    if summary.contested == 0:
        noun = "benchmark" if summary.covered == 1 else "benchmarks"
        return (
            f"No rival numbers on the {summary.covered:,} {category} {noun} with results from"
            f" {launched_subject(launch)}: nothing here is ranked."
        )
    one = len(launch.launched) == 1
    name = clean(launch.launched[0].label) if one else "The launched models"
    head = standing_sentence(
        name, one, summary.leads, summary.trails, summary.contested, f"{category} benchmarks"
    )
    return f"{head}{rest}."


def vendor_sentence(launch: Launch) -> str | None:
    """How many scores rest on the vendor's word alone, or ``None`` without scores."""
    scored = [r for r in launch.results if r.score is not None]
    if not scored:
        return None
    check = VendorCheck(launch)
    vendor = [r for r in scored if check(r)]
    vendors = sorted(
        {clean(s.publisher or s.name) for s in launch.sources if s.kind is SourceKind.VENDOR}
    )
    who = f" ({', '.join(vendors)})" if vendors else ""
    if not vendor:
        return "No score rests on vendor material alone."
    if len(vendor) == len(scored):
        every = "The one score rests" if len(scored) == 1 else f"All {len(scored):,} scores rest"
        return f"{every} on vendor material alone{who} and {'is' if len(scored) == 1 else 'are'} not independently confirmed."
    return (
        f"{len(vendor):,} of {_count(len(scored), 'score')} rest on vendor material alone{who}"
        " and are not independently confirmed."
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


#: Notes up to this long are repeated on each continuation slide; longer ones are
#: cut there (the first slide of the part has them whole).
REPEATED_NOTES = 3000


def continued_notes(notes: str) -> str:
    """The notes of a continuation slide: the part's notes again, cut short if long."""
    if len(notes) > REPEATED_NOTES:
        cut = notes[:REPEATED_NOTES]
        notes = cut[: cut.rfind(" ")] if " " in cut else cut
        notes = notes.rstrip(" ,;:") + "… (the first slide of this part has the full notes)"
    return f"Continued from the previous slide.\n\n{notes}"


def notes_text(
    points: Sequence[str], numbers: Sequence[str] = (), heading: str = "The numbers:"
) -> str:
    """Speaker notes: the talking points, then the numbers (or other facts) behind them."""
    lines = [clean(point) for point in points if point and clean(point)]
    if numbers:
        lines.append("")
        lines.append(heading)
        lines.extend(f"- {clean(number)}" for number in numbers if clean(number))
    return "\n".join(lines)


_SPEC_LABELS = {
    "parameters": "Parameters",
    "active_parameters": "Active parameters",
    "architecture": "Architecture",
    "context_window": "Context window",
    "knowledge_cutoff": "Knowledge cutoff",
}


def spec_label(key: str) -> str:
    """A spec's name as a label: ``context_window`` → ``Context window``."""
    return _SPEC_LABELS.get(key) or category_title(key.replace("_", " "))


def spec_value(key: str, value: object) -> str:
    """A spec's value for a reader: ``8B`` parameters, ``131,072 tokens``, others as written."""
    return clean(analysis.spec_value(key, value))


def size_text(specs: Specs | None) -> str:
    """A model's size in one phrase: ``400B (40B active)``; empty when not given."""
    if specs is None:
        return ""
    total = spec_value("parameters", specs.parameters) if specs.parameters else ""
    active = (
        spec_value("active_parameters", specs.active_parameters) if specs.active_parameters else ""
    )
    if total and active:
        return f"{total} ({active} active)"
    return total or (f"{active} active" if active else "")


def other_specs(specs: Specs | None) -> str:
    """The specs the record has no field for: ``Layers 62, Training tokens 14T``."""
    if specs is None:
        return ""
    return joined([f"{spec_label(key)} {spec_value(key, value)}" for key, value in specs.other])


def license_text(license: License | None) -> str:
    """A license in words: ``Aster Community License, open weights``; empty without one."""
    if license is None:
        return ""
    weights = {True: ", open weights", False: ", weights not open", None: ""}[license.open_weights]
    return f"{clean(license.name)}{weights}"


def sentence_of(text: str) -> str:
    """``text`` as a title sentence: cleaned, its first letter upper case, no final stop."""
    text = clean(text).rstrip()
    if text.endswith(".") and not text.endswith("..."):
        text = text[:-1]
    return text[:1].upper() + text[1:]


_SINGULAR = {"weaknesses": "weakness", "analyses": "analysis", "entries": "entry"}


def plural_noun(count: int, plural: str) -> str:
    """``plural`` for any count but one: ``1 surface``, ``2 surfaces``, ``1 weakness``."""
    if count != 1:
        return plural
    if plural in _SINGULAR:
        return _SINGULAR[plural]
    last, _space, word = plural.rpartition(" ")
    if word in _SINGULAR:
        return f"{last} {_SINGULAR[word]}".strip()
    return plural[:-1] if plural.endswith("s") else plural


def joined_words(parts: Sequence[str]) -> str:
    """Words joined for a sentence: ``a``, ``a and b``, ``a, b and c``."""
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def talk_track(
    say: Sequence[str],
    why: str,
    question: str | None = None,
    answer: str | None = None,
    sources: Sequence[str] = (),
) -> str:
    """Speaker notes a presenter can say: what to say, why it matters, the likely question.

    ``say`` is two to four sentences; ``why`` one; the question is answered from the
    record; the sources are named last.
    """
    lines = [" ".join(_full_stop(clean(s)) for s in say if s and clean(s))]
    if why:
        lines += ["", f"Why it matters: {_full_stop(clean(why))}"]
    if question and answer:
        lines += ["", f"If asked “{clean(question)}”: {_full_stop(clean(answer))}"]
    if sources:
        shown = joined(list(sources), most=12)
        lines += ["", f"Sources: {shown}."]
    return "\n".join(lines)


def _full_stop(text: str) -> str:
    """A sentence ends with a stop (or its own ? or !)."""
    text = text.rstrip()
    if not text or text[-1] in ".?!…":
        return text
    if text[-1] in "”\"'’)" and len(text) > 1 and text[-2] in ".?!":
        return text
    return text + "."


def claim_text(claim: str, quoted: bool) -> str:
    """A claim for a slide: in quotation marks only when the record holds the source's exact words."""
    return f"“{clean(claim)}”" if quoted else clean(claim)


def standing_sentence(
    name: str, singular: bool, leads: int, trails: int, total: int, noun: str
) -> str:
    """Leads and trails counted without "1 of 1", "leads on 0 of" or "trails on none".

    ``Muse Spark leads rivals on 2 of 5 benchmarks compared and trails on 2``.
    """

    def verb(one: str, many: str) -> str:
        return one if singular else many

    single = noun[:-1] if noun.endswith("s") else noun
    if total == 0:
        return f"{name} {verb('has', 'have')} no {single} compared with a rival"
    if total == 1:
        if leads:
            return f"{name} {verb('leads', 'lead')} rivals on the one {single} compared"
        if trails:
            return f"{name} {verb('trails', 'trail')} rivals on the one {single} compared"
        return (
            f"{name} {verb('is', 'are')} level or unclear on the one {single} compared with rivals"
        )
    if leads == total:
        every = "both" if total == 2 else f"all {total:,}"
        return f"{name} {verb('leads', 'lead')} rivals on {every} {noun} compared"
    if trails == total:
        every = "both" if total == 2 else f"all {total:,}"
        return f"{name} {verb('trails', 'trail')} rivals on {every} {noun} compared"
    if leads == 0:
        text = (
            f"{name} {verb('does', 'do')} not lead rivals on any of the {total:,} {noun} compared"
        )
        if trails:
            text += f"; {verb('it trails', 'they trail')} on {trails:,}"
        return text
    text = f"{name} {verb('leads', 'lead')} rivals on {leads:,} of {total:,} {noun} compared"
    if trails:
        return text + f" and {verb('trails', 'trail')} on {trails:,}"
    level = total - leads
    return (
        text + f"; {'the other is' if level == 1 else f'the other {level:,} are'} level or unclear"
    )
