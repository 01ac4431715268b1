"""The briefing deck as a story: at most twelve main slides, sentence titles, a talk track.

Checked on the built-in launches, the Aster 2 example, a generated family of 22 models
× 60 benchmarks × 3 cohorts, on the house style and on 4:3 and corporate templates;
then printed by LibreOffice, one page per slide, every word inside its shape.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from pptx import Presentation

import launchbrief as lb
from launchbrief import analysis
from launchbrief.cli import main
from launchbrief.exporters._storyline import MOST_SLIDES, Brief, matchup_sentence
from launchbrief.exporters.pptx import APPENDIX, SLIDES, build_deck
from tests.exporters.test_pptx import (
    make_corporate_template,
    make_four_by_three_template,
    overflow_problems,
)
from tests.office import convert, pdf_pages
from tests.samples import family_launch

ASTER = Path(__file__).parents[1] / "data" / "aster-2.yaml"

#: Words that must never reach a slide or its notes (the machine talking, or a count
#: that says nothing).
FORBIDDEN = (
    "1 of 1",
    "trails on none",
    "leads on 0 of",
    "no number is inferred",
    "the source's words, no numbers",
)

_MORE_FOOTER = re.compile(r"and \d[\d,]* more")
_PATH = re.compile(r"(?:^|\s)(?:/|\./|~/|[A-Za-z]:\\)[\w./\\-]+|\b[\w-]+\.(?:ya?ml|toml|py)\b")


@pytest.fixture(scope="module")
def records() -> dict[str, lb.Launch]:
    return {
        "muse-spark": lb.load("muse-spark"),
        "gemma-3": lb.load("gemma-3"),
        "phi-4": lb.load("phi-4"),
        "olmo-2": lb.load("olmo-2"),
        "aster-2": lb.load(ASTER),
        "family": family_launch(22, 60, 3),
    }


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | None]:
    folder = tmp_path_factory.mktemp("templates")
    corporate = folder / "corporate.pptx"
    make_corporate_template(corporate)
    return {
        "house": None,
        "4:3": make_four_by_three_template(folder / "corp43.pptx"),
        "corporate": corporate,
    }


_CASES = [
    ("muse-spark", "house"),
    ("muse-spark", "4:3"),
    ("muse-spark", "corporate"),
    ("gemma-3", "house"),
    ("phi-4", "house"),
    ("olmo-2", "4:3"),
    ("aster-2", "house"),
    ("aster-2", "4:3"),
    ("family", "house"),
    ("family", "4:3"),
]


@pytest.fixture(scope="module")
def decks(
    records: dict[str, lb.Launch], templates: dict[str, Path | None]
) -> dict[tuple[str, str], bytes]:
    return {
        (name, template): build_deck([records[name]], template=templates[template])
        for name, template in _CASES
    }


def _open(data: bytes) -> Presentation:
    return Presentation(io.BytesIO(data))


def _title(slide: object) -> str:
    shape = slide.shapes.title  # type: ignore[attr-defined]
    return " ".join(shape.text_frame.text.split()) if shape is not None else ""


def _texts(slide: object) -> Iterator[str]:
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            yield shape.text_frame.text
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield cell.text_frame.text


def _footer(slide: object) -> str:
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.name.startswith("Footer") and shape.has_text_frame:
            return shape.text_frame.text
    return ""


def _notes(slide: object) -> str:
    return slide.notes_slide.notes_text_frame.text  # type: ignore[attr-defined]


def _sentences(text: str) -> int:
    return len(re.findall(r"[a-z0-9)”%][.?!](?:\s|$)", text))


_VERBS = re.compile(
    r"\b(leads?|trails?|is|are|launched|rest|rests|reports|does|do|ties|scores|has|have|"
    r"lack|come|comes|found|blocked|faces|set)\b"
)


def is_sentence_title(title: str) -> bool:
    """A title that states a finding: five words or more with a verb, not a topic label."""
    return (
        len(title.split()) >= 5
        and (title[:1].isupper() or title[:1].isdigit())
        and not title.endswith("(continued)")
        and bool(_VERBS.search(title))
    )


@pytest.mark.parametrize(("name", "template"), _CASES)
def test_main_deck_has_at_most_twelve_slides_each_titled_with_a_sentence(
    name: str, template: str, decks: dict[tuple[str, str], bytes]
) -> None:
    deck = _open(decks[name, template])
    assert 8 <= len(deck.slides) <= MOST_SLIDES
    titles = [_title(slide) for slide in deck.slides]
    for title in titles[1:]:
        assert is_sentence_title(title), title
    assert len(set(titles)) == len(titles), titles


@pytest.mark.parametrize(("name", "template"), _CASES)
def test_every_slide_has_a_talk_track(
    name: str, template: str, decks: dict[tuple[str, str], bytes]
) -> None:
    """Notes a presenter can say: three sentences or more, why it matters, the sources."""
    deck = _open(decks[name, template])
    for number, slide in enumerate(deck.slides, start=1):
        notes = _notes(slide)
        assert _sentences(notes) >= 3, (number, notes)
        assert "Why it matters:" in notes, (number, notes)
        assert "If asked “" in notes, (number, notes)


@pytest.mark.parametrize(("name", "template"), _CASES)
def test_no_machine_words_paths_or_cut_footers(
    name: str, template: str, decks: dict[tuple[str, str], bytes], records: dict[str, lb.Launch]
) -> None:
    deck = _open(decks[name, template])
    launch = records[name]
    ids = {b.id for b in launch.benchmarks if "-" in b.id and b.id not in b.name}
    for number, slide in enumerate(deck.slides, start=1):
        for text in [*_texts(slide), _notes(slide)]:
            for phrase in FORBIDDEN:
                assert not re.search(rf"\b{re.escape(phrase)}\b", text), (number, phrase, text)
            assert not _PATH.search(text), (number, text)
            assert not any(re.search(rf"\b{re.escape(i)}\b", text) for i in ids), (number, text)
        assert not _MORE_FOOTER.search(_footer(slide)), (number, _footer(slide))


def test_the_built_in_deck_speaks_american_english(decks: dict[tuple[str, str], bytes]) -> None:
    deck = _open(decks["muse-spark", "house"])
    for slide in deck.slides:
        for text in [*_texts(slide), _notes(slide)]:
            assert not re.search(r"\b(licence|colour|behaviour|organis|analys(e|ing))", text), text


def test_muse_spark_tells_the_answer_first(decks: dict[tuple[str, str], bytes]) -> None:
    """The cover holds the verdict; the summary cites its evidence slides; trails are typed."""
    deck = _open(decks["muse-spark", "house"])
    titles = [_title(slide) for slide in deck.slides]
    assert titles[0] == "Muse Spark"
    cover = " ".join(_texts(deck.slides[0]))
    assert "A serious reset rather than a final victory" in cover
    assert titles[1] == "Muse Spark leads rivals on 2 of 5 benchmarks compared and trails on 2"
    summary = " ".join(_texts(deck.slides[1]))
    for number in re.findall(r"Slide (\d+)", summary):
        assert 2 < int(number) <= len(titles)
    assert "Muse Spark leads CharXiv Reasoning by 3.6 points over GPT 5.4" in titles
    assert "Muse Spark leads HealthBench Hard by 2.7 points over GPT 5.4" in titles
    assert (
        "Muse Spark trails Gemini 3.1 Pro High and GPT 5.4 on ARC AGI 2 and GPT 5.4 on"
        " LiveCodeBench Pro" in titles
    )
    # Safety: the outside evaluator first; no "0 release blockers" beside "not stated".
    safety = next(t for t in titles if "Apollo Research" in t)
    assert safety.startswith("Apollo Research, an outside evaluator")
    text = " ".join(_texts(deck.slides[titles.index(safety)]))
    assert "0 release blockers" not in text
    assert titles[-1] == "All 12 scores rest on Meta's own material; 7 sources in all"


def test_quotation_marks_only_around_the_sources_exact_words(
    decks: dict[tuple[str, str], bytes],
) -> None:
    """Every text in “ ” on a slide is a claim the record holds as quoted."""
    launch = lb.load("muse-spark")
    quoted = {r.claim for r in launch.results if r.claim and r.quoted}
    deck = _open(build_deck([launch], appendix=True))
    for slide in deck.slides:
        for text in _texts(slide):
            for inside in re.findall(r"“([^”]*)”", text):
                assert inside in quoted, inside


@pytest.mark.office
@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("muse-spark", "house"),
        ("muse-spark", "4:3"),
        ("family", "house"),
        ("family", "4:3"),
        ("family", "corporate"),
        ("gemma-3", "house"),
    ],
)
def test_libreoffice_prints_one_page_per_slide_with_every_word_inside_its_shape(
    name: str,
    template: str,
    records: dict[str, lb.Launch],
    templates: dict[str, Path | None],
    decks: dict[tuple[str, str], bytes],
    tmp_path: Path,
) -> None:
    data = decks.get((name, template)) or build_deck([records[name]], template=templates[template])
    path = tmp_path / f"{name}.pptx"
    path.write_bytes(data)
    convert([path], tmp_path)
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.is_file(), "LibreOffice did not convert the deck"
    assert pdf_pages(pdf) == len(_open(data).slides)
    assert overflow_problems(path, pdf) == []


# -- the appendix -------------------------------------------------------------------


def _tiny_and_bounded() -> lb.Launch:
    """A launch with a 0.0007 score, an MT-Bench-style 0–10 benchmark and a rival in words."""
    source = lb.Source(id="s", name="Report", kind=lb.SourceKind.VENDOR)
    return lb.Launch(
        id="tiny",
        title="Tiny launch",
        developer=lb.Developer(name="Lab"),
        models=(
            lb.Model(id="ours", name="Ours", launched=True, sources=("s",)),
            lb.Model(id="rival", name="Rival", sources=("s",)),
            lb.Model(id="other", name="Other", sources=("s",)),
        ),
        benchmarks=(
            lb.Benchmark(
                id="err",
                name="Error rate",
                category="safety",
                scale=lb.Scale.FRACTION,
                direction=lb.Direction.LOWER,
                sources=("s",),
            ),
            lb.Benchmark(
                id="mt",
                name="MT-Bench",
                category="chat",
                scale=lb.Scale.POINTS,
                min=0.0,
                max=10.0,
                sources=("s",),
            ),
        ),
        results=(
            lb.Result(benchmark="err", model="ours", score=lb.Score("0.0007"), sources=("s",)),
            lb.Result(benchmark="err", model="rival", score=lb.Score("0.0031"), sources=("s",)),
            lb.Result(benchmark="mt", model="ours", score=lb.Score("8.61"), sources=("s",)),
            lb.Result(benchmark="mt", model="rival", score=lb.Score("8.20"), sources=("s",)),
            lb.Result(benchmark="mt", model="other", claim="no chat mode yet", sources=("s",)),
        ),
        sources=(source,),
    )


def _charts(deck: Presentation) -> Iterator[object]:
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                yield shape.chart


def test_the_appendix_keeps_precision_words_and_scale_bounds() -> None:
    launch = _tiny_and_bounded()
    main_deck = _open(build_deck([launch]))
    deck = _open(build_deck([launch], appendix=True))
    assert len(deck.slides) > len(main_deck.slides)
    text = " ".join(t for slide in deck.slides for t in _texts(slide))
    assert "no chat mode yet" in text  # a rival's word-only result shows
    labels: list[str] = []
    axes: dict[str, float | None] = {}
    for chart in _charts(deck):
        xml = chart._chartSpace.xml  # type: ignore[attr-defined]
        labels.extend(re.findall(r'formatCode="([^"]*)"', xml))
        title = chart.chart_title.text_frame.text if chart.has_title else ""  # type: ignore[attr-defined]
        axes[title] = chart.value_axis.maximum_scale  # type: ignore[attr-defined]
        values = [v for plot in chart.plots for s in plot.series for v in s.values]  # type: ignore[attr-defined]
        assert all(v is None or v != 0 for v in values)
    assert "0.0000" in labels  # 0.0007 keeps its four written decimals, never "0"
    assert any("MT-Bench" in title and top == 10 for title, top in axes.items()), axes


def test_appendix_adds_the_detail_and_is_ordered() -> None:
    launch = lb.load("muse-spark")
    deck = _open(build_deck([launch], appendix=True))
    titles = [_title(slide) for slide in deck.slides]
    divider = next(i for i, t in enumerate(titles) if t.startswith("Appendix:"))
    assert divider <= MOST_SLIDES
    rest = titles[divider + 1 :]
    assert rest[0].endswith("benchmarks")
    assert rest[-1] == "Sources"
    assert len(APPENDIX) == 7
    assert set(APPENDIX).isdisjoint(SLIDES)


# -- titles for any launch ----------------------------------------------------------


def _one_board(
    scores: dict[str, str | None],
    direction: lb.Direction = lb.Direction.HIGHER,
    launched: tuple[str, ...] = ("a",),
) -> lb.Launch:
    models = tuple(lb.Model(id=m, name=m.upper(), launched=m in launched) for m in scores)
    results = tuple(
        lb.Result(benchmark="b", model=m, score=lb.Score(s))
        if s is not None
        else lb.Result(
            benchmark="b",
            model=m,
            comparisons=(lb.Comparison(relation=lb.Relation.TRAILS, versus=("z",)),),
        )
        for m, s in scores.items()
    )
    return lb.Launch(
        id="t",
        title="T",
        developer=lb.Developer(name="Dev"),
        models=models,
        benchmarks=(lb.Benchmark(id="b", name="Bench", category="c", direction=direction),),
        results=results,
    )


def test_titles_say_ties_lower_is_better_lone_numbers_and_words() -> None:
    tie = Brief.of(_one_board({"a": "50.0", "z": "50.0"}))
    assert tie.scorecard_title() == "A ties Z on Bench at 50.0%"
    lower = Brief.of(_one_board({"a": "10.0", "z": "20.0"}, lb.Direction.LOWER))
    assert lower.scorecard_title() == "A leads Bench (lower is better) by 10.0 points over Z"
    lone = Brief.of(_one_board({"a": "50.0"}))
    assert "no rival" in lone.scorecard_title().lower()
    assert lone.leads == []
    assert lone.decisive == []
    words = Brief.of(_one_board({"a": None, "z": "70.0"}))
    assert words.trails_title() == "A trails Z on Bench"


def test_family_titles_agree_and_never_count_one_of_one() -> None:
    launch = family_launch(4, 6, 1)
    brief = Brief.of(launch)
    title = brief.scorecard_title()
    assert (
        title.startswith("The Nova models lead")
        or title.startswith("The Nova models trail")
        or "do not lead" in title
    )
    for matchup in brief.matchups:
        sentence = matchup_sentence(matchup, launch)
        assert "1 of 1" not in sentence
    one = Brief.of(_one_board({"a": "60.0", "z": "50.0"}))
    assert one.scorecard_title() == "A leads Bench by 10.0 points over Z"


def test_the_main_deck_is_bounded_for_fifty_models_and_a_thousand_results() -> None:
    launch = family_launch(50, 30, 3)
    assert len(launch.results) > 1000
    deck = _open(build_deck([launch]))
    assert len(deck.slides) <= MOST_SLIDES


# -- the command line ---------------------------------------------------------------


def test_cli_template_keeps_four_by_three_and_appendix_adds_slides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = make_four_by_three_template(tmp_path / "corp.pptx")
    assert (
        main(["export", "-f", "pptx", "--template", str(template), "-o", str(tmp_path / "a")]) == 0
    )
    assert main(["export", "-f", "pptx", "--appendix", "-o", str(tmp_path / "b")]) == 0
    short = Presentation(str(tmp_path / "a" / "muse-spark.pptx"))
    long = Presentation(str(tmp_path / "b" / "muse-spark.pptx"))
    assert (short.slide_width, short.slide_height) == (9144000, 6858000)
    assert len(short.slides) <= MOST_SLIDES < len(long.slides)


def test_matchups_compare_the_familys_best_with_the_best_rival() -> None:
    launch = lb.load("muse-spark")
    found = {m.board.benchmark.id: m for m in analysis.matchups(launch)}
    charxiv = found["charxiv-reasoning"]
    assert charxiv.relation is lb.Relation.LEADS
    assert charxiv.margin == pytest.approx(3.6)
    assert charxiv.rival is not None
    assert charxiv.rival.model.id == "gpt-5-4"
    assert found["mmmu-pro"].relation is None  # a lone number is no lead
    assert found["arc-agi-2"].basis is analysis.Basis.QUALITATIVE
    assert attrs.has(type(charxiv))


@pytest.mark.parametrize("name", ["muse-spark", "aster-2", "family", "gemma-3"])
def test_the_appendix_has_no_machine_words_either(name: str, records: dict[str, lb.Launch]) -> None:
    deck = _open(build_deck([records[name]], appendix=True))
    for number, slide in enumerate(deck.slides, start=1):
        for text in [*_texts(slide), _notes(slide)]:
            for phrase in FORBIDDEN:
                assert not re.search(rf"\b{re.escape(phrase)}\b", text), (number, phrase, text)
            assert not _PATH.search(text), (number, text)
        assert not _MORE_FOOTER.search(_footer(slide)), (number, _footer(slide))
