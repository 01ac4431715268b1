"""What changed between two versions of a launch: ``diff``, ``launchbrief diff``, ``--since``.

Two versions of the Muse Spark record (the second made with ``attrs.evolve``) list each
change exactly once, with its kind and sentence; the command exits like ``diff``; the
deck gets its changes slide within twelve, the workbook a Changes sheet it ignores when
read back. Outputs are reopened with python-pptx and openpyxl.
"""

from __future__ import annotations

import doctest
import enum
import io
import json
import random
import re
import time
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation

import launchbrief as lb
from launchbrief import ChangeKind, Score
from launchbrief._diff import report
from launchbrief.exceptions import ExportError
from launchbrief.exporters._storyline import MOST_SLIDES, Brief
from launchbrief.exporters.pptx import build_deck
from launchbrief.exporters.pptx.slides.changes import changes_title
from tests.office import convert, pdf_pages
from tests.samples import family_launch
from tests.strategies import launches
from tests.test_cli import PROBLEM_LINE, run

DOCS = Path(__file__).parents[1] / "docs" / "what-changed.md"


def _evolved(items: tuple[Any, ...], record_id: str, **changes: Any) -> tuple[Any, ...]:
    """``items`` with the one whose id is ``record_id`` changed."""
    assert any(item.id == record_id for item in items), record_id
    return tuple(attrs.evolve(i, **changes) if i.id == record_id else i for i in items)


def _result(launch: lb.Launch, benchmark: str, model: str) -> lb.Result:
    return next(r for r in launch.results if (r.benchmark, r.model) == (benchmark, model))


@pytest.fixture(scope="module")
def old() -> lb.Launch:
    """The built-in Muse Spark record, as of 30 November 2026."""
    return lb.load("muse-spark")


@pytest.fixture(scope="module")
def new(old: lb.Launch) -> lb.Launch:
    """A week later: one of each change the brief asks for."""
    charxiv = _result(old, "charxiv-reasoning", "muse-spark")
    arc = _result(old, "arc-agi-2", "muse-spark")
    simplevqa = _result(old, "simplevqa", "muse-spark")
    results = [
        attrs.evolve(charxiv, score=Score("87.1"))
        if r is charxiv
        else attrs.evolve(arc, score=Score("31.0"))
        if r is arc
        else r
        for r in old.results
        if r is not simplevqa
    ]
    results.append(
        lb.Result(benchmark="simplevqa", model="gpt-5-4", score=Score("68.0"), sources=("apollo",))
    )
    return attrs.evolve(
        old,
        as_of=date(2026, 12, 7),
        results=tuple(results),
        surfaces=_evolved(old.surfaces, "whatsapp", status=lb.RolloutStatus.LIVE, timing=None),
        modes=_evolved(old.modes, "contemplating", status=lb.RolloutStatus.LIVE, timing=None),
        safety=(
            *old.safety,
            lb.SafetyFinding(
                id="sandbagging",
                title="No sign of sandbagging",
                evaluator="Apollo Research",
                evaluation=lb.Evaluation.THIRD_PARTY,
                release_blocker=False,
                sources=("apollo",),
            ),
        ),
        sources=(
            *old.sources,
            lb.Source(
                id="apollo",
                name="Apollo Research",
                kind=lb.SourceKind.THIRD_PARTY,
                title="Muse Spark pre-deployment evaluation",
            ),
        ),
    )


#: Every change from ``old`` to ``new``, in order: kind, sentence, path.
EXPECTED = [
    (ChangeKind.SCORE_CHANGED, "CharXiv Reasoning: Muse Spark 86.4 → 87.1", "results[0]"),
    (
        ChangeKind.CLAIM_GAINED_NUMBER,
        "ARC AGI 2: Muse Spark trails Gemini 3.1 Pro High and GPT 5.4 → 31.0",
        "results[11]",
    ),
    (ChangeKind.RESULT_ADDED, "SimpleVQA: GPT 5.4 68.0 (new result)", "results[14]"),
    (ChangeKind.RESULT_REMOVED, "SimpleVQA: Muse Spark 71.3 (result removed)", "results[6]"),
    (
        ChangeKind.SURFACE_STATUS_CHANGED,
        "WhatsApp: planned, over the coming weeks → live",
        "surfaces[whatsapp]",
    ),
    (
        ChangeKind.MODE_STATUS_CHANGED,
        "Contemplating mode: rolling out gradually → live",
        "modes[contemplating]",
    ),
    (
        ChangeKind.FINDING_ADDED,
        "No sign of sandbagging: Apollo Research, third party (new safety finding)",
        "safety[sandbagging]",
    ),
    (
        ChangeKind.SOURCE_ADDED,
        "Apollo Research: third party, Muse Spark pre-deployment evaluation (new source)",
        "sources[apollo]",
    ),
    (ChangeKind.AS_OF_CHANGED, "As of: 30 November 2026 → 7 December 2026", "as_of"),
]


def _summary(changes: lb.Changes) -> list[tuple[ChangeKind, str, str]]:
    return [(c.kind, c.sentence, c.path) for c in changes]


# --------------------------------------------------------------------------- diff()


def test_each_change_is_listed_once_with_its_kind_and_sentence(
    old: lb.Launch, new: lb.Launch
) -> None:
    """The revised record's changes, each exactly once, in kind order, with their paths."""
    assert EXPECTED == _summary(lb.diff(old, new))


def test_changes_say_the_values_in_words_and_cite_sources(old: lb.Launch, new: lb.Launch) -> None:
    """Before and after are words (scores as written); sources are those the record cites."""
    changes = lb.diff(old, new)
    score = changes.of(ChangeKind.SCORE_CHANGED)[0]
    assert ("CharXiv Reasoning: Muse Spark", "86.4", "87.1") == (
        score.subject,
        score.before,
        score.after,
    )
    assert _result(new, "charxiv-reasoning", "muse-spark").sources == score.sources
    added = changes.of(ChangeKind.RESULT_ADDED)[0]
    assert (None, "68.0", ("apollo",)) == (added.before, added.after, added.sources)
    removed = changes.of(ChangeKind.RESULT_REMOVED)[0]
    assert ("71.3", None) == (removed.before, removed.after)


def test_changes_group_count_and_iterate(old: lb.Launch, new: lb.Launch) -> None:
    """``len()``, iteration, ``by_kind()`` in kind order, ``empty`` and the headline."""
    changes = lb.diff(old, new)
    assert len(EXPECTED) == len(changes) == len(list(changes))
    assert not changes.empty
    groups = changes.by_kind()
    assert [kind for kind, _sentence, _path in EXPECTED] == list(groups)
    assert all(len(group) == 1 for group in groups.values())
    assert (date(2026, 11, 30), date(2026, 12, 7)) == (changes.old_as_of, changes.new_as_of)
    assert "9 changes since 30 November 2026" == changes.headline


def test_identical_records_have_no_changes(old: lb.Launch) -> None:
    """A record compared with itself, or with its lists reordered, has no change."""
    shuffled = attrs.evolve(
        old,
        results=tuple(reversed(old.results)),
        surfaces=tuple(reversed(old.surfaces)),
        sources=tuple(reversed(old.sources)),
    )
    for other in (old, lb.load("muse-spark"), shuffled):
        changes = lb.diff(old, other)
        assert (0, True, []) == (len(changes), changes.empty, list(changes))
    assert "No changes since 30 November 2026" == lb.diff(old, old).headline


def test_a_rival_overtaking_moves_the_launched_model_s_rank(old: lb.Launch) -> None:
    """A rival's new best score changes the launched model's rank on a contested board."""
    grok = _result(old, "charxiv-reasoning", "grok-4-2")
    new = attrs.evolve(
        old,
        results=tuple(
            attrs.evolve(r, score=Score("90.0")) if r is grok else r for r in old.results
        ),
    )
    assert [
        (ChangeKind.SCORE_CHANGED, "CharXiv Reasoning: Grok 4.2 60.9 → 90.0", "results[4]"),
        (ChangeKind.RANK_CHANGED, "CharXiv Reasoning: Muse Spark #1 of 5 → #2 of 5", "results[0]"),
    ] == _summary(lb.diff(old, new))


def test_no_rank_change_on_a_board_without_a_rival_number(old: lb.Launch) -> None:
    """A lone number has no rank: a rival's first number on a board is a new result, not a rank."""
    rival = lb.Result(benchmark="mmmu-pro", model="gpt-5-4", score=Score("90.0"))
    new = attrs.evolve(old, results=(*old.results, rival))
    assert [ChangeKind.RESULT_ADDED] == [c.kind for c in lb.diff(old, new)]


def test_comparisons_models_benchmarks_and_details(old: lb.Launch) -> None:
    """A comparison, a model and benchmark added, a title and a model's summary: one change each."""
    live = _result(old, "livecodebench-pro", "muse-spark")
    par = lb.Comparison(relation=lb.Relation.ON_PAR, versus=("gpt-5-4",))
    muse = old.model("muse-spark")
    new = attrs.evolve(
        old,
        title="Meta launches Muse Spark (revised)",
        models=(
            *_evolved(old.models, "muse-spark", summary="A revised summary."),
            lb.Model(id="grok-5", name="Grok 5", developer="xAI"),
        ),
        benchmarks=(
            *old.benchmarks,
            lb.Benchmark(id="swe-bench", name="SWE-bench Verified", category="coding"),
        ),
        results=tuple(attrs.evolve(r, comparisons=(par,)) if r is live else r for r in old.results),
    )
    assert [
        (
            ChangeKind.COMPARISON_CHANGED,
            "LiveCodeBench Pro: Muse Spark trails GPT 5.4 → on par with GPT 5.4",
            "results[13]",
        ),
        (ChangeKind.MODEL_ADDED, "Grok 5: compared, by xAI (new model)", "models[grok-5]"),
        (
            ChangeKind.BENCHMARK_ADDED,
            "SWE-bench Verified: coding, percent (new benchmark)",
            "benchmarks[swe-bench]",
        ),
        (
            ChangeKind.DETAIL_CHANGED,
            f"Muse Spark summary: {muse.summary[:79]}… → A revised summary.",
            "models[muse-spark].summary",
        ),
        (
            ChangeKind.DETAIL_CHANGED,
            f"Launch title: {old.title} → Meta launches Muse Spark (revised)",
            "title",
        ),
    ] == _summary(lb.diff(old, new))


def test_dates_license_and_findings(old: lb.Launch) -> None:
    """Dated events added and moved, a license given, a finding's release-blocker verdict stated."""
    new = attrs.evolve(
        old,
        dates=(
            *old.dates,
            lb.DatedEvent(event="API general availability", date=date(2027, 1, 15)),
        ),
        license=lb.License(name="Proprietary", open_weights=False),
        safety=_evolved(old.safety, "weapons-refusal", release_blocker=False),
    )
    moved = attrs.evolve(
        new,
        dates=tuple(
            attrs.evolve(e, date=date(2027, 1, 20)) if e.date.year == 2027 else e for e in new.dates
        ),
    )
    assert [
        (
            ChangeKind.FINDING_CHANGED,
            "Strong refusal behavior in high-risk domains: release blocker: not stated"
            " → release blocker: no",
            "safety[weapons-refusal]",
        ),
        (
            ChangeKind.DATE_ADDED,
            "API general availability: 15 January 2027 (new date)",
            f"dates[{len(old.dates)}]",
        ),
        (
            ChangeKind.LICENSE_CHANGED,
            "License: none given → Proprietary, weights not open",
            "license",
        ),
    ] == _summary(lb.diff(old, new))
    assert [
        (
            ChangeKind.DATE_CHANGED,
            "API general availability: 15 January 2027 → 20 January 2027",
            f"dates[{len(old.dates)}]",
        )
    ] == _summary(lb.diff(new, moved))
    assert [ChangeKind.DATE_REMOVED, ChangeKind.LICENSE_CHANGED] == [
        c.kind for c in lb.diff(moved, attrs.evolve(old, safety=moved.safety))
    ]


def test_as_data_is_json(old: lb.Launch, new: lb.Launch) -> None:
    """``as_data()`` is plain data: JSON that reads back with every change."""
    data = json.loads(json.dumps(lb.diff(old, new).as_data()))
    assert ("2026-11-30", "2026-12-07", len(EXPECTED)) == (
        data["since"],
        data["as_of"],
        data["count"],
    )
    assert [(k.value, s, p) for k, s, p in EXPECTED] == [
        (c["kind"], c["sentence"], c["path"]) for c in data["changes"]
    ]


def test_long_values_are_cut_in_sentences_only(old: lb.Launch) -> None:
    """A 10,000-character summary stays whole in ``after`` and is cut in the sentence."""
    long = "word " * 2000
    new = attrs.evolve(old, summary=long.strip())
    (change,) = lb.diff(old, new)
    assert long.strip() == change.after
    assert len(change.sentence) < 250
    assert change.sentence.endswith("…")


def test_diff_refuses_what_is_not_a_launch(old: lb.Launch) -> None:
    """``diff`` takes two Launch records."""
    with pytest.raises(TypeError, match="two Launch records"):
        lb.diff(old, {"id": "x"})  # type: ignore[arg-type]


def test_diff_is_linear_on_a_large_record() -> None:
    """Every score of a 22-model, 60-benchmark, 3-cohort family changed: compared in seconds."""
    family = family_launch(22, 60, 3)
    bumped = attrs.evolve(
        family,
        results=tuple(
            attrs.evolve(r, score=r.score * 0.5) if r.score is not None and r.score > 0 else r
            for r in family.results
        ),
    )
    started = time.perf_counter()
    changes = lb.diff(family, bumped)
    seconds = time.perf_counter() - started
    scored = sum(1 for r in family.results if r.score is not None and r.score > 0)
    assert scored == len(changes.of(ChangeKind.SCORE_CHANGED))
    assert seconds < 5.0, f"{seconds:.1f} s for {len(family.results)} results"


@given(launches(), st.randoms(use_true_random=False))
def test_reordered_lists_are_no_change(launch: lb.Launch, rng: random.Random) -> None:
    """Any record compared with its lists shuffled has no change."""
    shuffled = {}
    for name in (
        "models",
        "modes",
        "surfaces",
        "cohorts",
        "benchmarks",
        "results",
        "safety",
        "sources",
        "dates",
    ):
        items = list(getattr(launch, name))
        rng.shuffle(items)
        shuffled[name] = tuple(items)
    assert [] == list(lb.diff(launch, attrs.evolve(launch, **shuffled)))


@given(launches(), launches())
def test_different_records_have_changes_that_point_into_them(a: lb.Launch, b: lb.Launch) -> None:
    """Two different records differ in ``diff``; each change's path names a field of one of them."""
    changes = lb.diff(a, b)
    same = _canonical(a) == _canonical(b)
    assert same == changes.empty
    fields = {f.name for f in attrs.fields(lb.Launch)}
    for change in changes:
        assert re.match(r"[a-z_]+", change.path).group() in fields, change.path  # type: ignore[union-attr]
        assert change.sentence


def _canonical(launch: lb.Launch) -> lb.Launch:
    """The record with its lists in one order (the order is not a change)."""

    def key(item: Any) -> str:
        return repr(item)

    sorted_lists = {
        name: tuple(sorted(getattr(launch, name), key=key))
        for name in (
            "models",
            "modes",
            "surfaces",
            "cohorts",
            "benchmarks",
            "results",
            "safety",
            "use_cases",
            "insights",
            "sources",
            "dates",
        )
    }
    sorted_lists["results"] = tuple(
        attrs.evolve(r, comparisons=tuple(sorted(r.comparisons, key=key)))
        for r in sorted_lists["results"]
    )
    return attrs.evolve(launch, **sorted_lists)


def test_module_examples_run() -> None:
    """The example in ``launchbrief._diff``'s docstring prints what it shows."""
    import launchbrief._diff

    assert doctest.testmod(launchbrief._diff).failed == 0


# --------------------------------------------------------------------------- launchbrief diff


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory, old: lb.Launch, new: lb.Launch) -> Path:
    """A folder with old.yaml, new.yaml and bad.yaml (a record with two mistakes)."""
    folder = tmp_path_factory.mktemp("versions")
    lb.dump(old, folder / "old.yaml")
    lb.dump(new, folder / "new.yaml")
    text = (folder / "new.yaml").read_text("utf-8").replace("status: live", "status: liv", 1)
    (folder / "bad.yaml").write_text(text.replace("score: 87.1", "score: n/a"), "utf-8")
    return folder


def test_diff_command_prints_the_changes_and_exits_1(versions: Path) -> None:
    """`launchbrief diff OLD NEW` prints the changes by kind, one line each, and exits 1."""
    result = run("diff", "old.yaml", "new.yaml", cwd=versions)
    assert (1, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert "9 changes since 30 November 2026." == lines[0]
    assert [f"- {sentence}" for _kind, sentence, _path in EXPECTED] == [
        line for line in lines if line.startswith("- ")
    ]
    headings = [line for line in lines[1:] if line and not line.startswith("- ")]
    assert [f"{kind.heading} (1)" for kind, _s, _p in EXPECTED] == headings


def test_diff_command_exits_0_when_nothing_changed(versions: Path) -> None:
    """The same record as a file and by its built-in name: no changes, exit 0."""
    result = run("diff", "muse-spark", "old.yaml", cwd=versions)
    assert (0, "No changes since 30 November 2026.\n", "") == (
        result.returncode,
        result.stdout,
        result.stderr,
    )


def test_diff_command_json(versions: Path) -> None:
    """`--format json` prints the changes as data."""
    result = run("diff", "--format", "json", "old.yaml", "new.yaml", cwd=versions)
    assert 1 == result.returncode, result.stderr
    data = json.loads(result.stdout)
    assert [s for _k, s, _p in EXPECTED] == [c["sentence"] for c in data["changes"]]


def test_diff_command_bad_input_is_located_and_exits_2(versions: Path) -> None:
    """Every problem of both files, located, exit 2, no traceback; a missing file is exit 2 too."""
    result = run("diff", "bad.yaml", "bad.yaml", cwd=versions)
    assert ("", 2) == (result.stdout, result.returncode)
    lines = result.stderr.splitlines()
    assert len(lines) == len(set(lines)) == 2, result.stderr
    found = [PROBLEM_LINE.match(line) for line in lines]
    assert all(found), result.stderr
    assert ["bad.yaml", "bad.yaml"] == [m.group("file") for m in found if m]
    assert "Traceback" not in result.stderr
    missing = run("diff", "old.yaml", "nowhere.yaml", cwd=versions)
    assert (2, "") == (missing.returncode, missing.stdout)
    assert "nowhere.yaml" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_report_is_the_command_s_text(old: lb.Launch, new: lb.Launch) -> None:
    """``report()`` gives the text the command prints: the headline, then kinds and lines."""
    text = report(lb.diff(old, new))
    assert text.startswith("9 changes since 30 November 2026.\n\nScores changed (1)\n- CharXiv")
    assert "No changes since 30 November 2026.\n" == report(lb.diff(old, old))


# --------------------------------------------------------------------------- export --since


@pytest.fixture(scope="module")
def exported(versions: Path) -> Path:
    """`launchbrief export new.yaml --since old.yaml -o out`: the deck and the workbook."""
    result = run("export", "new.yaml", "--since", "old.yaml", "-o", "out", cwd=versions)
    assert 0 == result.returncode, result.stderr
    return versions / "out"


def _titles(deck: Any) -> list[str]:
    return [slide.shapes.title.text for slide in deck.slides]


def test_deck_since_has_the_changes_slide_within_twelve(exported: Path) -> None:
    """The changes slide follows the summary, its title a sentence; the deck stays at 12 slides."""
    deck = Presentation(str(exported / "muse-spark.pptx"))
    titles = _titles(deck)
    assert len(titles) <= MOST_SLIDES
    title = titles[2]
    assert (
        "4 results changed, WhatsApp went live and 3 other changes since 30 November 2026" == title
    )
    assert re.fullmatch(r"[0-9A-Z][^.]*[^.\s]", title)
    slide = deck.slides[2]
    body = "\n".join(
        shape.text_frame.text
        for shape in slide.shapes
        if shape.has_text_frame and shape is not slide.shapes.title
    )
    for _kind, sentence, _path in EXPECTED[:-1]:  # the as-of date is the title's "since"
        assert sentence in body
    notes = slide.notes_slide.notes_text_frame.text
    assert "Why it matters:" in notes
    assert "Does this change the verdict?" in notes
    assert "Apollo Research" in notes


def test_meaning_gives_way_first(old: lb.Launch, new: lb.Launch) -> None:
    """Every built-in launch's plan with changes: at most 12, "meaning" dropped before "watch"."""
    changes = lb.diff(old, new)
    for name in lb.datasets():
        launch = lb.load(name)
        before = Brief.of(launch).slides
        after = Brief.of(launch, changes=changes).slides
        assert len(after) <= MOST_SLIDES, name
        assert after[-1] == "sources", name
        assert after[2] == "changes", name
        dropped = [slide for slide in before if slide not in after]
        assert dropped == (["meaning"] if len(before) == MOST_SLIDES else []), name
    assert "changes" not in Brief.of(old, changes=lb.diff(old, old)).slides


def test_changes_slide_counts_what_one_slide_cannot_hold(old: lb.Launch) -> None:
    """Two hundred changes: one slide, the rest counted exactly ("… and N more changes")."""
    models = tuple(lb.Model(id=f"rival-{n}", name=f"Rival model {n}") for n in range(200))
    new = attrs.evolve(old, models=(*old.models, *models))
    deck = Presentation(io.BytesIO(build_deck([new], since=old, slides=["changes"])))
    assert ["200 new models since 30 November 2026"] == _titles(deck)
    (slide,) = deck.slides
    paras = [
        p.text
        for shape in slide.shapes
        if shape.has_text_frame and shape is not slide.shapes.title
        for p in shape.text_frame.paragraphs
        if "Rival model" in p.text or "more changes" in p.text
    ]
    more = re.fullmatch(r"… and (\d+) more changes", paras[-1])
    assert more, paras[-1]
    assert 200 == len(paras) - 1 + int(more.group(1))


def test_title_names_at_most_two_things(old: lb.Launch, new: lb.Launch) -> None:
    """The title names results and a surface gone live, counts the rest, ends with the date."""
    assert "1 result changed since the last version" == changes_title(
        attrs.evolve(
            lb.diff(old, new),
            items=lb.diff(old, new).of(ChangeKind.SCORE_CHANGED),
            old_as_of=None,
        ),
        new,
    )


def test_since_is_checked(old: lb.Launch, new: lb.Launch) -> None:
    """``since`` must be a Launch, and a deck of several launches refuses it."""
    with pytest.raises(ExportError, match="since must be a Launch"):
        build_deck([new], since="muse-spark")  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="compares one launch"):
        build_deck([new, old], since=old)
    with pytest.raises(ExportError, match="since must be a Launch"):
        lb.export(new, io.BytesIO(), format="xlsx", since=object())


def test_export_since_refuses_bad_old_and_formats_without_since(versions: Path) -> None:
    """A bad OLD is located, exit 2, nothing written; `-f json --since` is refused."""
    result = run("export", "new.yaml", "--since", "bad.yaml", "-o", "refused", cwd=versions)
    assert 2 == result.returncode
    assert all(PROBLEM_LINE.match(line) for line in result.stderr.splitlines()), result.stderr
    assert not (versions / "refused").exists()
    json_only = run(
        "export", "new.yaml", "--since", "old.yaml", "-f", "json", "-o", "j", cwd=versions
    )
    assert 2 == json_only.returncode
    assert "no format chosen takes 'since'" in json_only.stderr
    several = run("export", "new.yaml", "old.yaml", "--since", "old.yaml", cwd=versions)
    assert (2, "") == (several.returncode, several.stdout)


def test_workbook_changes_sheet_lists_each_change(exported: Path) -> None:
    """The Changes sheet, after the Summary, is an Excel Table with one row per change."""
    book = openpyxl.load_workbook(exported / "muse-spark.xlsx")
    assert ["Summary", "Changes"] == book.sheetnames[:2]
    sheet = book["Changes"]
    rows = list(sheet.iter_rows(values_only=True))
    assert ("Kind", "Subject", "Before", "After", "Path") == rows[0]
    assert [(kind.label.capitalize(), path) for kind, _s, path in EXPECTED] == [
        (row[0], row[4]) for row in rows[1:]
    ]
    assert ("Score changed", "CharXiv Reasoning: Muse Spark", "86.4", "87.1") == rows[1][:4]
    assert ("Result added", None, "68.0") == (rows[3][0], rows[3][2], rows[3][3])
    assert {"Changes": f"A1:E{len(EXPECTED) + 1}"} == dict(sheet.tables.items())
    assert "A2" == sheet.freeze_panes


def test_workbook_with_changes_loads_back_equal(exported: Path, new: lb.Launch) -> None:
    """The reader ignores the Changes sheet: the workbook loads back as the new record."""
    assert new == lb.load(exported / "muse-spark.xlsx")


def test_workbook_changes_cells_stay_text(old: lb.Launch) -> None:
    """A title that looks like a formula, or holds a control character, is stored as text."""
    new = attrs.evolve(old, title='=HYPERLINK("http://x")\x07')
    buffer = io.BytesIO()
    with pytest.warns(UserWarning, match="control characters"):
        lb.export(new, buffer, format="xlsx", since=old)
    buffer.seek(0)
    sheet = openpyxl.load_workbook(buffer)["Changes"]
    cell = sheet["D2"]
    assert ("s", '=HYPERLINK("http://x")_x0007_') == (cell.data_type, cell.value)


# --------------------------------------------------------------------------- the docs


def test_docs_examples_print_and_write_what_they_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/what-changed.md: its Python prints the lines shown, its command prints the sample."""
    text = DOCS.read_text("utf-8")
    blocks = re.findall(r"^```(\w+)\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    python = [body for lang, body in blocks if lang == "python"]
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    exec(compile(python[0], "what-changed.md", "exec"), namespace)
    shown = [line[2:] for line in python[0].splitlines() if line.startswith("# ")]
    assert shown == capsys.readouterr().out.splitlines()
    (console,) = [body for lang, body in blocks if lang == "console"]
    command, *output = console.splitlines()
    result = run(*command.removeprefix("$ launchbrief ").split(), cwd=tmp_path)
    assert (1, output) == (result.returncode, result.stdout.splitlines())
    exec(compile(python[1], "what-changed.md", "exec"), namespace)
    deck = Presentation(str(tmp_path / "muse-spark.pptx"))
    assert "1 result changed and WhatsApp went live since 30 November 2026" == _titles(deck)[2]
    assert "Changes" in openpyxl.load_workbook(tmp_path / "muse-spark.xlsx").sheetnames


def test_docs_list_every_kind() -> None:
    """The kinds table of docs/what-changed.md names every ChangeKind with its label, in order."""
    rows = re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \|", DOCS.read_text("utf-8"), re.MULTILINE)
    assert [(kind.name, kind.label) for kind in ChangeKind] == [
        (n, label.strip()) for n, label in rows
    ]


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.office
def test_changes_slide_prints_inside_its_shapes(tmp_path: Path, exported: Path) -> None:
    """LibreOffice prints the deck with the changes slide, every word inside its shape."""
    from tests.exporters.test_pptx import overflow_problems

    path = tmp_path / "muse-spark.pptx"
    path.write_bytes((exported / "muse-spark.pptx").read_bytes())
    convert([path], tmp_path)
    pdf = tmp_path / "muse-spark.pdf"
    assert pdf_pages(pdf) == len(Presentation(str(path)).slides)
    assert [] == [p for p in overflow_problems(path, pdf) if p.startswith("slide 3:")]


# --------------------------------------------------------------------------- every field


ASTER = Path(__file__).parent / "data" / "aster-2.yaml"


def _revised(value: Any, kind: str) -> Any:
    """Another value of the field's type (``kind``, as annotated), or ``None`` without one."""
    if value is None:
        # A field the record leaves out gets a value of its annotated type.
        for name, given in (("str", "Revised"), ("date", date(2026, 1, 1)), ("bool", True)):
            if kind.startswith(name) or f"| {name}" in kind or f"{name} |" in kind:
                return given
        if "float" in kind or "int" in kind:
            return 1
        return None
    if isinstance(value, bool):
        return not value
    if isinstance(value, enum.Enum):
        return next(member for member in type(value) if member is not value)
    if isinstance(value, str):
        return f"{value} (revised)"
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value / 2 if value else 1.0
    if isinstance(value, date):
        return date(value.year - 1, value.month, 1)
    if isinstance(value, tuple) and value:
        return value[:-1]
    return None


def test_a_change_to_any_field_of_any_record_is_listed() -> None:
    """Each field of each record of the Aster 2 example, revised alone, is a change at its path.

    Records in lists, the developer and the license, and the launch's own fields: a revision
    that makes the record invalid (a broken reference, a score off its scale) is skipped.
    """
    aster = lb.load(ASTER)
    tried: set[tuple[str, str]] = set()
    for field in attrs.fields(lb.Launch):
        value = getattr(aster, field.name)
        if field.name == "schema_version":
            continue
        if isinstance(value, tuple) and value and attrs.has(type(value[0])):
            records = list(enumerate(value))
        elif attrs.has(type(value)):
            records = [(None, value)]  # the developer, the license: one record
        else:
            records = []
            revised = _revised(value, str(field.type))
            if revised is not None:
                _assert_listed(aster, {field.name: revised}, field.name)
                tried.add((field.name, ""))
        for index, item in records:
            for inner in attrs.fields(type(item)):
                revised = _revised(getattr(item, inner.name), str(inner.type))
                if revised is None or revised == getattr(item, inner.name):
                    continue
                try:
                    changed = attrs.evolve(item, **{inner.name: revised})
                    if index is None:
                        candidate = {field.name: changed}
                    else:
                        candidate = {field.name: (*value[:index], changed, *value[index + 1 :])}
                    if _assert_listed(aster, candidate, field.name):
                        tried.add((field.name, inner.name))
                except (ValueError, TypeError):
                    continue  # the revision breaks a reference or a bound: not a record
    assert len(tried) >= 70, sorted(tried)


def _assert_listed(launch: lb.Launch, candidate: dict[str, Any], prefix: str) -> bool:
    """The launch with ``candidate`` fields has changes, one at ``prefix``; False if invalid."""
    try:
        new = attrs.evolve(launch, **candidate)
    except (ValueError, TypeError):
        return False
    changes = lb.diff(launch, new)
    assert not changes.empty, candidate
    assert any(c.path.startswith(prefix) for c in changes), (prefix, list(changes))
    return True
