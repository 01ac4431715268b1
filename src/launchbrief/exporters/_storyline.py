"""The storyline: which slides the main deck holds, in what order, and what each one says.

The main deck tells a launch answer first, in at most :data:`MOST_SLIDES` slides
whatever the record holds: the cover and its verdict; an executive summary; what
changed since an earlier version (only when one is given); the line-up; one
scorecard of every benchmark; the decisive comparisons as charts; where the launch
trails; rollout; safety; what to watch; what it means; sources
and method. A slide with nothing to say is left out. Every content slide's title
states its finding in a sentence, computed here from :mod:`launchbrief.analysis`
(never from a launch's name). No python-pptx and no geometry here.

How the main deck chooses (the appendix, when asked for, holds everything):

- **Decisive comparisons**: at most :data:`MOST_DECISIVE` leaderboards with numbers
  on both sides, the launched family's widest leads first (as a share of the
  benchmark's range), one per category while other categories have one; without a
  lead, the closest contests.
- **Where it trails**: every trail, numbers and the source's words, widest first;
  what one slide cannot hold is counted and left to the appendix and workbook.
- **The scorecard**: one row per leaderboard with a launched model, grouped by
  category in the record's order; when they are too many for one slide, one row
  per category counts the leads and trails instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from launchbrief import analysis
from launchbrief._diff import Changes
from launchbrief.exporters import _story as story
from launchbrief.exporters._story import clean
from launchbrief.model import (
    Direction,
    Evaluation,
    InsightKind,
    Launch,
    Relation,
    RolloutStatus,
    Scale,
    SourceKind,
)

#: The most slides the main deck has, for any launch.
MOST_SLIDES = 12

#: The most leaderboards the main deck charts as decisive comparisons.
MOST_DECISIVE = 2

#: The most takeaways a briefing opens with.
MOST_TAKEAWAYS = 5

#: The slides left out, in this order, when a plan would pass :data:`MOST_SLIDES`.
_GIVES_WAY = ("meaning", "watch")

#: The main deck's slides, in order (each at most one slide; ``decisive`` up to
#: :data:`MOST_DECISIVE`). ``changes`` (what changed since an earlier version) is
#: planned only when the deck is given one.
MAIN = (
    "cover",
    "summary",
    "changes",
    "lineup",
    "scorecard",
    "decisive",
    "trails",
    "rollout",
    "safety",
    "watch",
    "meaning",
    "sources",
)


@dataclass(frozen=True)
class Subject:
    """Who a sentence is about: a model's or family's name, and whether its verb is singular."""

    name: str
    singular: bool

    def verb(self, one: str, many: str) -> str:
        """``leads`` or ``lead``, to agree with the subject."""
        return one if self.singular else many


def subject_of(launch: Launch) -> Subject:
    """The launched model's name; a family's shared name; else "the launched models"."""
    launched = launch.launched
    if len(launched) == 1:
        return Subject(clean(launched[0].label), True)
    families = {clean(m.family) for m in launched if m.family}
    if len(families) == 1 and all(m.family for m in launched):
        return Subject(f"The {families.pop()} models", False)
    return Subject("The launched models", False)


def margin_words(value: float, matchup: analysis.Matchup) -> str:
    """A margin with its unit: ``3.6 points``, ``20 Elo points``, ``0.05``."""
    benchmark = matchup.board.benchmark
    text = story.margin_text(value, benchmark)
    if benchmark.scale is Scale.ELO:
        text += " Elo point" + ("" if value == 1 else "s")
    return text


def board_name(board: analysis.Leaderboard) -> str:
    """A leaderboard in a sentence: ``MMLU (Pretrained models)``."""
    return clean(board.title)


def matchup_sentence(matchup: analysis.Matchup, launch: Launch) -> str:
    """One matchup as a sentence, its subject named; no final stop.

    ``Muse Spark leads CharXiv Reasoning by 3.6 points over GPT 5.4``;
    ``Muse Spark trails Gemini 3.1 Pro High and GPT 5.4 on ARC AGI 2``.
    """
    board = matchup.board
    name = board_name(board)
    model = matchup.subject
    who = clean(model.label) if model is not None else subject_of(launch).name
    if matchup.basis is analysis.Basis.NUMERIC and matchup.ours and matchup.rival:
        ours, rival = matchup.ours, matchup.rival
        who = clean(ours.label)
        margin = margin_words(matchup.margin or 0.0, matchup)
        lower = " (lower is better)" if board.benchmark.direction is Direction.LOWER else ""
        if matchup.relation is Relation.LEADS:
            return f"{who} leads {name}{lower} by {margin} over {clean(rival.label)}"
        if matchup.relation is Relation.TRAILS:
            return f"{who} trails {clean(rival.label)} on {name}{lower} by {margin}"
        score = story.score_text(ours.score, board.benchmark)
        return f"{who} ties {story.labels(matchup.versus)} on {name} at {score}"
    if matchup.relation is None:
        score = story.score_text(matchup.ours.score, board.benchmark) if matchup.ours else ""
        return f"{who} scores {score} on {name}, with no rival number to compare"
    rivals = story.labels(matchup.versus) or "the field"
    verb = {
        Relation.LEADS: "leads",
        Relation.TRAILS: "trails",
        Relation.ON_PAR: "is on par with",
        Relation.NOT_CLEARLY_AHEAD: "is not clearly ahead of",
    }[matchup.relation]
    return f"{who} {verb} {rivals} on {name}"


def _ratio(part: int, whole: int) -> str:
    """``3 of 5``, ``both``, ``all 12``: never "1 of 1"."""
    if part == whole:
        return "both" if whole == 2 else f"all {whole:,}" if whole > 2 else "the one"
    return f"{part:,} of {whole:,}"


@dataclass
class Brief:
    """One launch's storyline: the matchups, the choices and the slides of the main deck."""

    launch: Launch
    matchups: tuple[analysis.Matchup, ...]
    leads: list[analysis.Matchup] = field(default_factory=list)
    trails: list[analysis.Matchup] = field(default_factory=list)
    level: list[analysis.Matchup] = field(default_factory=list)  # ties, not clearly ahead
    lone: list[analysis.Matchup] = field(default_factory=list)  # a number, nothing to compare
    decisive: list[analysis.Matchup] = field(default_factory=list)
    slides: list[str] = field(default_factory=list)  # the main deck, in order
    chosen: tuple[str, ...] = MAIN
    offset: int = 0  # slides before this launch's in the deck
    changes: Changes | None = None  # what changed since an earlier version, when given

    @classmethod
    def of(
        cls,
        launch: Launch,
        chosen: Sequence[str] = MAIN,
        offset: int = 0,
        changes: Changes | None = None,
    ) -> Brief:
        """The storyline of ``launch``; ``chosen`` main-deck slides, after ``offset`` others.

        ``changes`` (from :func:`launchbrief.diff`) plan the "changes" slide when there are any.
        """
        brief = cls(
            launch,
            analysis.matchups(launch),
            chosen=tuple(chosen),
            offset=offset,
            changes=changes,
        )
        for matchup in brief.matchups:
            if matchup.relation is Relation.LEADS:
                brief.leads.append(matchup)
            elif matchup.relation is Relation.TRAILS:
                brief.trails.append(matchup)
            elif matchup.relation is None:
                brief.lone.append(matchup)
            else:
                brief.level.append(matchup)
        brief.trails.sort(key=lambda m: -m.relative_margin)
        brief.decisive = _decisive(brief)
        brief.slides = brief._plan()
        return brief

    def _plan(self) -> list[str]:
        """The main deck's slides, those with something to say, in :data:`MAIN` order.

        Past :data:`MOST_SLIDES`, "meaning" gives way first, then "watch" (never "sources").
        """
        launch = self.launch
        present = {
            "cover": True,
            "summary": True,
            "changes": bool(self.changes),
            "lineup": True,
            "scorecard": bool(self.matchups),
            "trails": bool(self.trails),
            "rollout": bool(launch.surfaces),
            "safety": bool(launch.safety),
            "watch": bool(self.watch_items()),
            "meaning": self.meaning_slide,
            "sources": True,
        }
        slides: list[str] = []
        for name in self.chosen:
            if name not in present and name != "decisive":
                continue
            if name == "decisive":
                slides.extend(f"decisive:{index}" for index in range(len(self.decisive)))
            elif present[name]:
                slides.append(name)
        for name in _GIVES_WAY:
            if len(slides) > MOST_SLIDES and name in slides:
                slides.remove(name)
        if len(slides) > MOST_SLIDES and "sources" in slides:
            return [*slides[: MOST_SLIDES - 1], "sources"]
        return slides[:MOST_SLIDES]

    def planned(self, name: str) -> bool:
        """Whether the main-deck slide ``name`` is in the plan (``decisive``: any of them)."""
        return name in self.slides or any(s.startswith(f"{name}:") for s in self.slides)

    @property
    def meaning_slide(self) -> bool:
        """Whether the record holds insights beyond the cover's verdict."""
        takeaways = [i for i in self.launch.insights if i.kind is InsightKind.TAKEAWAY]
        return len(self.launch.insights) > min(len(takeaways), 1)

    def watch_items(self) -> list[tuple[tuple[str, str], str]]:
        """What to watch, from the record: ``((one, many), text)``, the kind first.

        Surfaces planned or in preview, modes not yet live, and open questions: rival
        numbers missing, comparisons without numbers, numbers only the vendor gives,
        release-blocker status not stated, dates the sources disagree on.
        """
        launch = self.launch
        developer = clean(launch.developer.name)
        items: list[tuple[tuple[str, str], str]] = []
        live = any(s.status is RolloutStatus.LIVE for s in launch.surfaces)
        for surface in launch.surfaces:
            if surface.status is RolloutStatus.PLANNED:
                when = f", {clean(surface.timing)}" if surface.timing else ""
                items.append(
                    (
                        ("planned surface", "planned surfaces"),
                        f"{clean(surface.name)}: planned{when}",
                    )
                )
            elif surface.status is RolloutStatus.PREVIEW and live:
                who = f" for {clean(surface.audience)}" if surface.audience else ""
                items.append(
                    (
                        ("surface in preview", "surfaces in preview"),
                        f"{clean(surface.name)}: in preview{who}",
                    )
                )
        for mode in sorted(launch.modes, key=lambda m: m.order):
            if mode.status not in (RolloutStatus.LIVE, RolloutStatus.UNKNOWN):
                items.append(
                    (
                        ("mode not yet live", "modes not yet live"),
                        f"{clean(mode.name)} mode: {clean(mode.availability)}",
                    )
                )
        question = ("open question", "open questions")
        if self.lone:
            names = story.joined_words([board_name(m.board) for m in self.lone[:3]])
            more = f" and {len(self.lone) - 3} more" if len(self.lone) > 3 else ""
            items.append(
                (question, f"How rivals score on {names}{more}: no rival number is on record")
            )
        worded = [m for m in self.matchups if m.basis is analysis.Basis.QUALITATIVE]
        if worded:
            names = story.joined_words([board_name(m.board) for m in worded[:3]])
            more = f" and {len(worded) - 3} more" if len(worded) > 3 else ""
            items.append(
                (
                    question,
                    f"The numbers behind the comparisons on {names}{more}, which the sources give only in words",
                )
            )
        scored = [r for r in launch.results if r.score is not None]
        if scored:
            check = story.VendorCheck(launch)
            if all(check(r) for r in scored):
                items.append(
                    (
                        question,
                        f"Independent results: every score on record comes from {possessive(developer)} own material",
                    )
                )
        unstated = [f for f in launch.safety if f.release_blocker is None]
        if unstated:
            names = story.joined_words([_lower_first(clean(f.title)) for f in unstated[:2]])
            more = f" and {len(unstated) - 2} more findings" if len(unstated) > 2 else ""
            items.append(
                (question, f"Whether {developer} treats {names}{more} as a release blocker")
            )
        for _event, conflict in analysis.events(launch):
            if conflict is not None:
                items.append(
                    (
                        question,
                        f"{story.event_title(conflict.event)}: the sources give different dates",
                    )
                )
        return items

    def summary_title(self) -> str:
        """The executive summary's title: the scorecard in one sentence, or the line-up."""
        return self.scorecard_title() if self.matchups else self.lineup_title()

    def categories_title(self) -> str:
        """``Muse Spark is ahead on multimodal and health benchmarks and behind on reasoning and coding``."""
        ahead: dict[str, int] = {}
        behind: dict[str, int] = {}
        order: list[str] = []
        for matchup in self.matchups:
            category = clean(matchup.board.benchmark.category)
            if category not in order:
                order.append(category)
            if matchup.relation is Relation.LEADS:
                ahead[category] = ahead.get(category, 0) + 1
            elif matchup.relation is Relation.TRAILS:
                behind[category] = behind.get(category, 0) + 1
        up = [c for c in order if ahead.get(c, 0) > behind.get(c, 0)]
        down = [c for c in order if behind.get(c, 0) > ahead.get(c, 0)]
        if len(order) < 2 or not (up or down):
            return self.scorecard_title()
        who = subject_of(self.launch)
        be = who.verb("is", "are")

        def named(categories: list[str]) -> str:
            if len(categories) == len(order):
                return (
                    f"all {len(categories)} categories"
                    if len(categories) > 2
                    else "both categories"
                )
            if len(categories) > 3:
                return f"{len(categories)} of {len(order)} categories"
            return story.joined_words(categories)

        if up and down:
            return f"{who.name} {be} ahead of rivals in {named(up)} and behind in {named(down)}"
        if up:
            return f"{who.name} {be} ahead of rivals in {named(up)}"
        return f"{who.name} {be} behind rivals in {named(down)}"

    # -- counts ---------------------------------------------------------------------

    @property
    def contested(self) -> int:
        """How many leaderboards compare a launched model with a rival (numbers or words)."""
        return len(self.leads) + len(self.trails) + len(self.level)

    @property
    def noun(self) -> str:
        """``benchmarks``, or ``leaderboards`` when results come in cohorts."""
        return "leaderboards" if self.launch.cohorts else "benchmarks"

    def number(self, slide: str) -> int | None:
        """The slide number of a main-deck slide (``decisive:0`` for the first comparison)."""
        return self.offset + self.slides.index(slide) + 1 if slide in self.slides else None

    # -- titles ---------------------------------------------------------------------

    def verdict(self) -> str:
        """The one-line verdict of the cover: the record's first takeaway, or the scorecard's."""
        takeaways = [i for i in self.launch.insights if i.kind is InsightKind.TAKEAWAY]
        if takeaways:
            return story.sentence_of(takeaways[0].text)
        return self.scorecard_title()

    def scorecard_title(self) -> str:
        """``Muse Spark leads on 2 of 5 benchmarks compared with rivals and trails on 2``."""
        who = subject_of(self.launch)
        total, leads, trails = self.contested, len(self.leads), len(self.trails)
        noun = self.noun
        if total == 0:
            if self.lone:
                count = len(self.lone)
                return (
                    f"No rival numbers to compare with: {who.name} {who.verb('reports', 'report')}"
                    f" {count:,} {'result' if count == 1 else 'results'} on {story.plural_noun(count, noun)}"
                    " no rival was measured on"
                )
            return f"No benchmark compares {who.name} with a rival"
        if total == 1:
            return story.sentence_of(
                matchup_sentence((self.leads + self.trails + self.level)[0], self.launch)
            )
        return story.standing_sentence(who.name, who.singular, leads, trails, total, noun)

    def trails_title(self) -> str:
        """``Muse Spark trails Gemini 3.1 Pro High and GPT 5.4 on ARC AGI 2 and GPT 5.4 on LiveCodeBench Pro``."""
        who = subject_of(self.launch)
        if len(self.trails) == 1:
            return matchup_sentence(self.trails[0], self.launch)
        if len(self.trails) == 2 and len(self.launch.launched) == 1:
            first, second = (self._trail_phrase(m) for m in self.trails)
            return f"{who.name} trails {first} and {second}"
        widest = self.trails[0]
        return (
            f"{who.name} {who.verb('trails', 'trail')} rivals on {len(self.trails):,} {self.noun},"
            f" by the widest margin on {board_name(widest.board)}"
        )

    def _trail_phrase(self, matchup: analysis.Matchup) -> str:
        rivals = story.labels(matchup.versus) or "the field"
        if matchup.basis is analysis.Basis.NUMERIC and matchup.rival is not None:
            rivals = clean(matchup.rival.label)
            return f"{rivals} on {board_name(matchup.board)} by {margin_words(matchup.margin or 0.0, matchup)}"
        return f"{rivals} on {board_name(matchup.board)}"

    def lineup_title(self) -> str:
        """``Meta launched Muse Spark with 3 reasoning modes, 2 of them live``."""
        launch = self.launch
        developer = clean(launch.developer.name)
        launched = launch.launched
        modes = launch.modes
        if len(launched) == 1:
            text = f"{developer} launched {clean(launched[0].label)}"
        else:
            text = f"{developer} launched {len(launched)} models"
            sizes = [m.specs.parameters for m in launched if m.specs and m.specs.parameters]
            if len(sizes) >= 2 and min(sizes) != max(sizes):
                low = story.spec_value("parameters", min(sizes))
                high = story.spec_value("parameters", max(sizes))
                text += f", from {low} to {high} parameters"
        if launch.license is not None:
            text += f", under the {clean(launch.license.name)}"
        if modes:
            live = sum(m.status is RolloutStatus.LIVE for m in modes)
            count = f"{len(modes)} reasoning mode" + ("" if len(modes) == 1 else "s")
            if live and live < len(modes):
                text += f", with {count}, {live} of them live"
            elif live and len(modes) > 1:
                text += f", with {count}, all live"
            else:
                text += f", with {count}"
        return text

    def rollout_title(self) -> str:
        """``Live on 2 of 8 surfaces now; 5 more are planned over the coming weeks``."""
        summary = analysis.rollout(self.launch)
        total = summary.total
        live = len(summary.surfaces(RolloutStatus.LIVE))
        preview = len(summary.surfaces(RolloutStatus.PREVIEW))
        planned = summary.surfaces(RolloutStatus.PLANNED)
        name = subject_of(self.launch)
        if live:
            text = f"{name.name} {name.verb('is', 'are')} live on {_ratio(live, total)} {story.plural_noun(total, 'surfaces')}"
        elif preview:
            text = f"{name.name} {name.verb('is', 'are')} in preview on {_ratio(preview, total)} {story.plural_noun(total, 'surfaces')}"
        else:
            text = f"{name.name} {name.verb('is', 'are')} not yet live on any of {total:,} {story.plural_noun(total, 'surfaces')}"
        later = []
        if live and preview:
            later.append(f"{preview:,} in preview")
        if planned:
            timings = sorted({clean(s.timing) for s in planned if s.timing})
            when = f" {timings[0]}" if len(timings) == 1 else ""
            later.append(f"{len(planned):,} planned{when}")
        return text + ("; " + ", ".join(later) if later else "")

    def safety_title(self) -> str:
        """Third-party findings first: ``Apollo Research, a third party, reports unusually high evaluation awareness``."""
        summary = analysis.safety(self.launch)
        total = len(summary.internal) + len(summary.third_party)
        blockers = len(summary.blockers)
        if summary.third_party:
            finding = summary.third_party[0]
            what = _lower_first(clean(finding.title))
            text = f"{clean(finding.evaluator)}, an outside evaluator, reports {what}"
            if len(summary.third_party) > 1:
                text += f" ({len(summary.third_party)} outside findings in all)"
            return text
        if blockers:
            return f"{blockers} of {total} safety findings blocked release"
        developer = clean(self.launch.developer.name)
        count = f"{total} safety finding" + ("" if total == 1 else "s")
        return f"Only {possessive(developer)} own evaluations are on record: {count}, none from an outside evaluator"

    def watch_title(self, items: Sequence[tuple[tuple[str, str], str]]) -> str:
        """``5 planned surfaces, 1 mode not yet live and 4 open questions are still to watch``."""
        counts: dict[tuple[str, str], int] = {}
        for kind, _text in items:
            counts[kind] = counts.get(kind, 0) + 1
        parts = [
            f"{count:,} {kind[0] if count == 1 else kind[1]}" for kind, count in counts.items()
        ]
        verb = "is" if len(items) == 1 else "are"
        return f"{story.joined_words(parts)} {verb} still to watch"

    def meaning_title(self) -> str:
        """``Meta has 3 strengths to weigh against 1 weakness and 2 risks``."""
        counts = dict.fromkeys((InsightKind.STRENGTH, InsightKind.WEAKNESS, InsightKind.RISK), 0)
        for insight in self.launch.insights:
            if insight.kind in counts:
                counts[insight.kind] += 1
        developer = clean(self.launch.developer.name)
        strengths = counts[InsightKind.STRENGTH]
        against = [
            f"{n:,} {story.plural_noun(n, noun)}"
            for n, noun in (
                (counts[InsightKind.WEAKNESS], "weaknesses"),
                (counts[InsightKind.RISK], "risks"),
            )
            if n
        ]
        has = f"{strengths:,} {story.plural_noun(strengths, 'strengths')}"
        if strengths and against:
            return f"{developer} has {has} to weigh against {story.joined_words(against)}"
        if strengths:
            return f"{developer} has {has} to build on"
        if against:
            return f"{developer} faces {story.joined_words(against)}"
        return f"The sources set out {possessive(developer)} strategy and its context"

    def sources_title(self) -> str:
        """``All 12 scores rest on Meta's own material; 7 sources in all``."""
        launch = self.launch
        count = len(launch.sources)
        sources = f"{count:,} {story.plural_noun(count, 'sources')} in all"
        scored = [r for r in launch.results if r.score is not None]
        if not scored:
            return f"Sources and method: {sources}"
        check = story.VendorCheck(launch)
        vendor = sum(check(r) for r in scored)
        developer = clean(launch.developer.name)
        scores = story.plural_noun(len(scored), "scores")
        if vendor == 0:
            return f"Every score has an outside source; {sources}"
        if vendor == len(scored):
            every = (
                "The one score rests" if len(scored) == 1 else f"All {len(scored):,} {scores} rest"
            )
            return f"{every} on {possessive(developer)} own material; {sources}"
        return f"{vendor:,} of {len(scored):,} {scores} rest on {possessive(developer)} own material alone; {sources}"


def takeaways(brief: Brief) -> list[tuple[str, str]]:
    """The points to remember, each a sentence with its number and the slide that proves it.

    The deck's executive summary; the Markdown brief's key numbers. At most
    :data:`MOST_TAKEAWAYS`: the widest decisive lead with both numbers, where the
    launch trails, its rollout and its safety, then the line-up and what it means.
    """
    points: list[tuple[str, str]] = []
    for index, matchup in enumerate(brief.decisive[:1]):
        ours, rival = matchup.ours, matchup.rival
        benchmark = matchup.board.benchmark
        numbers = ""
        if ours is not None and rival is not None:
            numbers = (
                f" ({story.score_text(ours.score, benchmark)} against"
                f" {story.score_text(rival.score, benchmark)})"
            )
        points.append((matchup_sentence(matchup, brief.launch) + numbers, f"decisive:{index}"))
    if brief.trails:
        points.append((brief.trails_title(), "trails"))
    if brief.launch.surfaces:
        points.append((brief.rollout_title(), "rollout"))
    if brief.launch.safety:
        points.append((brief.safety_title(), "safety"))
    if len(points) < 3:
        points.append((brief.lineup_title(), "lineup"))
    if len(points) < 3 and brief.meaning_slide:
        points.append((brief.meaning_title(), "meaning"))
    return [(story.sentence_of(text), slide) for text, slide in points[:MOST_TAKEAWAYS]]


def possessive(name: str) -> str:
    """``Meta's``; ``Northwind Labs'``; ``Allen Institute for AI (Ai2)`` → ``Allen Institute for AI's``."""
    if name.endswith(")") and " (" in name:
        name = name[: name.rindex(" (")]
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def cover_name(launch: Launch) -> str:
    """The cover's title: the launched model, the family's shared name, or the models named."""
    launched = launch.launched
    families = {clean(m.family) for m in launched if m.family}
    if len(launched) > 1 and len(families) == 1 and all(m.family for m in launched):
        return families.pop()
    return story.launched_names(launch)


def _lower_first(text: str) -> str:
    """``Unusually high evaluation awareness`` → ``unusually high …``; ``MMLU gains`` stays."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _decisive(brief: Brief) -> list[analysis.Matchup]:
    """The leaderboards the main deck charts: widest leads, one per category first."""
    numeric = [
        m
        for m in brief.matchups
        if m.basis is analysis.Basis.NUMERIC and m.relation is not None and m.rival is not None
    ]
    leads = sorted(
        (m for m in numeric if m.relation is Relation.LEADS), key=lambda m: -m.relative_margin
    )
    pool = leads if leads else sorted(numeric, key=lambda m: abs(m.relative_margin))
    chosen: list[analysis.Matchup] = []
    seen: set[str] = set()
    for matchup in pool:
        category = matchup.board.benchmark.category
        if category not in seen:
            chosen.append(matchup)
            seen.add(category)
        if len(chosen) == MOST_DECISIVE:
            return chosen
    for matchup in pool:
        if matchup not in chosen:
            chosen.append(matchup)
        if len(chosen) == MOST_DECISIVE:
            break
    return chosen


def third_party_first(launch: Launch) -> list[object]:
    """The safety findings, outside evaluators' first, then the developer's own."""
    outside = [f for f in launch.safety if f.evaluation is Evaluation.THIRD_PARTY]
    return [*outside, *(f for f in launch.safety if f.evaluation is not Evaluation.THIRD_PARTY)]


def vendor_names(launch: Launch) -> list[str]:
    """The publishers of the vendor's own sources, each once."""
    return sorted(
        {clean(s.publisher or s.name) for s in launch.sources if s.kind is SourceKind.VENDOR}
    )
