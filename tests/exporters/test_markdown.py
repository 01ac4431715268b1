"""The Markdown brief: read back with a real Markdown parser, checked against the analysis."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import attrs
import lxml.html
import markdown
import pytest
from hypothesis import given, settings
from lxml.html import HtmlElement

import launchbrief
from launchbrief.cli import main
from launchbrief.exporters import get_exporter
from launchbrief.exporters._story import clean, sentence_of
from launchbrief.exporters._storyline import Brief
from launchbrief.exporters.markdown import (
    MOST_BOARDS,
    MOST_ROWS,
    MarkdownExporter,
    brief_markdown,
    escaped,
    shortened,
    web_address,
)
from launchbrief.model import Launch
from tests.samples import family_launch, stress_launch, words
from tests.strategies import hostile_text, launches

ROOT = Path(__file__).parents[2]
# CI keeps the shared project data beside the clone (../shared); so does a developer checkout.
ASTER = ROOT.parent / "shared/data/aster-2.yaml"
LAUNCHES = ("muse-spark", "gemma-3", "phi-4", "olmo-2", str(ASTER))

# Record text that tries to become markup: a table cell break, HTML, a script link.
HOSTILE = "Evil | model <script>alert(1)</script> [x](javascript:alert(1)) *b* _i_ `c` ~~s~~"


def parse(text: str) -> HtmlElement:
    """``text`` rendered by Python-Markdown with tables, as one ``<div>`` element.

    GitHub-flavored Markdown also reads ``\\~`` as an escape (it has strikethrough);
    Python-Markdown is told so.
    """
    parser = markdown.Markdown(extensions=["tables"])
    parser.ESCAPED_CHARS.append("~")
    html = parser.convert(text)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def sections(root: HtmlElement) -> dict[str, list[HtmlElement]]:
    """The elements under each ``<h2>``, by its text (the title and verdict under ``""``)."""
    found: dict[str, list[HtmlElement]] = {"": []}
    current = ""
    for element in root:
        if element.tag == "h2":
            current = element.text_content()
            found[current] = []
        else:
            found[current].append(element)
    return found


@dataclass(frozen=True)
class Exported:
    """One launch, its brief as written to a file, and the brief parsed."""

    launch: Launch
    text: str
    root: HtmlElement


@pytest.fixture(scope="module", params=LAUNCHES, ids=lambda name: Path(name).stem)
def exported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """Each built-in launch and the illustrative schema-2 record, exported and read back."""
    launch = launchbrief.load(request.param)
    path = tmp_path_factory.mktemp("brief") / f"{launch.id}.md"
    launchbrief.export(launch, path, format="markdown")
    text = path.read_bytes().decode("utf-8")
    return Exported(launch, text, parse(text))


def raw_tables(text: str) -> list[list[str]]:
    """The Markdown tables of ``text``, each a list of its lines, as written."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def cells(line: str) -> list[str]:
    """A table line split at its unescaped pipes."""
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def board_tables(exported: Exported) -> list[tuple[str, HtmlElement, HtmlElement | None]]:
    """Each leaderboard table: its heading's text, the table, the paragraph after it."""
    found = []
    elements = sections(exported.root)["Leaderboards"]
    heading = None
    for index, element in enumerate(elements):
        if element.tag == "h4":
            heading = element.text_content()
        elif element.tag == "table":
            assert heading is not None
            after = elements[index + 1] if index + 1 < len(elements) else None
            found.append((heading, element, after))
            heading = None
    return found


#: A leaderboard entry as a table row shows it: rank, model, result, bold (launched).
Row = tuple[str, str, str, bool]


def matches(row: Row, entry: Row, words: bool) -> bool:
    """Whether a table row shows a leaderboard entry; a result in words shows the source's words."""
    if row[:2] + row[3:] != entry[:2] + entry[3:]:
        return False
    return entry[2][1:40] in row[2] if words else row[2] == entry[2]


# --------------------------------------------------------------------------- the exporter


def test_the_exporter_is_registered_by_name_and_suffix() -> None:
    """``markdown`` and a ``.md`` destination both find the Markdown exporter, not a document one."""
    exporter = get_exporter("markdown")
    assert isinstance(exporter, MarkdownExporter)
    assert isinstance(get_exporter(dest="brief.md"), MarkdownExporter)
    assert ("markdown", ".md", "text/markdown", False) == (
        exporter.name,
        exporter.suffix,
        exporter.media_type,
        exporter.document,
    )


def test_the_cli_writes_the_brief_into_the_folder(tmp_path: Path) -> None:
    """``launchbrief export -f markdown -o DIR`` writes DIR/muse-spark.md, the exporter's text."""
    assert 0 == main(["export", "-f", "markdown", "-o", str(tmp_path)])
    assert ["muse-spark.md"] == sorted(path.name for path in tmp_path.iterdir())
    expected = brief_markdown(launchbrief.load("muse-spark"))
    assert expected == (tmp_path / "muse-spark.md").read_text("utf-8")


def test_the_same_record_gives_the_same_bytes(tmp_path: Path) -> None:
    """Two exports of one record are byte for byte the same, through a path or a stream."""
    launch = launchbrief.load("gemma-3")
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    MarkdownExporter().export(launch, first)
    with second.open("wb") as stream:
        MarkdownExporter().export(launch, stream)
    assert first.read_bytes() == second.read_bytes()


# --------------------------------------------------------------------------- content


def test_the_title_and_verdict_come_first(exported: Exported) -> None:
    """The brief opens with one title and the verdict line the deck's cover carries."""
    head = sections(exported.root)[""]
    assert ["h1"] == [element.tag for element in exported.root.iter("h1")]
    assert "h1" == head[0].tag
    verdict = Brief.of(exported.launch).verdict()
    assert f"Verdict: {verdict}." == head[1].text_content()
    assert "Verdict:" == head[1][0].text_content()  # the label in bold


def test_the_sections_come_in_briefing_order(exported: Exported) -> None:
    """Key numbers, line-up, leaderboards, trails, rollout, safety and sources, in that order."""
    launch = exported.launch
    order = ["Key numbers", "Line-up", "Leaderboards"]
    if Brief.of(launch).trails:
        order.append("Where it trails")
    order += [
        name
        for name, present in (("Rollout", launch.surfaces), ("Safety", launch.safety))
        if present
    ]
    order += ["Sources"] if launch.sources else []
    assert order == [element.text_content() for element in exported.root.iter("h2")]


def test_every_table_has_a_header_and_even_rows(exported: Exported) -> None:
    """Every table has a header row and a rule, and as many cells in each row as in its header."""
    tables = raw_tables(exported.text)
    assert tables
    for lines in tables:
        width = len(cells(lines[0]))
        assert re.fullmatch(r"\|( -{3}:? \|)+", lines[1]), lines[1]
        assert [width] * len(lines) == [len(cells(line)) for line in lines]
    parsed = list(exported.root.iter("table"))
    assert len(tables) == len(parsed)
    for table, lines in zip(parsed, tables, strict=True):
        header = table.findall("thead/tr/th")
        assert len(cells(lines[0])) == len(header)
        assert all(cell.text_content() for cell in header)
        assert [len(header)] * (len(lines) - 2) == [len(row) for row in table.findall("tbody/tr")]


def test_leaderboard_tables_match_the_analysis(exported: Exported) -> None:
    """Each table's rows are its leaderboard's entries in rank order; launched ones in bold."""
    launch = exported.launch
    launched = {model.id for model in launch.launched}
    boards = {clean(board.title): board for board in launchbrief.leaderboards(launch)}
    tables = board_tables(exported)
    assert 0 < len(tables) <= MOST_BOARDS
    for heading, table, after in tables:
        found = boards[heading]
        board = launchbrief.leaderboard(
            launch, found.benchmark.id, found.cohort.id if found.cohort else None
        )
        expected: list[tuple[Row, bool]] = [
            (
                (
                    str(s.rank) if s.rank is not None else "–",
                    clean(s.label),
                    launchbrief.format_score(s.score, board.benchmark),
                    s.launched,
                ),
                False,
            )
            for s in board.standings
        ]
        # Results in words follow, launched models' first, each with its words.
        worded = sorted(board.qualitative, key=lambda r: not launch.model(r.model).launched)
        expected += [
            (
                (
                    "–",
                    clean(launch.model(r.model).label),
                    clean(r.claim or ""),
                    r.model in launched,
                ),
                True,
            )
            for r in worded
        ]
        rows = table.findall("tbody/tr")
        assert len(rows) <= MOST_ROWS
        actual: list[Row] = []
        for row in rows:
            rank, model, result = (cell.text_content() for cell in row)
            actual.append((rank, model, result, row[1].find("strong") is not None))
        # The rows are the leaderboard's entries, in its order, some perhaps left out.
        position = 0
        for row in actual:
            while position < len(expected) and not matches(row, *expected[position]):
                position += 1
            assert position < len(expected), f"{heading}: {row} is not on the board"
            position += 1
        left_out = len(expected) - len(actual)
        if left_out:
            assert after is not None
            assert after.text_content().startswith(f"… and {left_out:,} more")
        else:
            assert after is None or not after.text_content().startswith("…")
        if any(s.launched for s in board.standings):
            assert any(row[3] for row in actual), "the launched family's best is in sight"


def test_boards_state_their_settings_and_direction(exported: Exported) -> None:
    """Under each heading: the settings, lower-is-better, and "not ranked" for a lone number."""
    launch = exported.launch
    boards = {clean(board.title): board for board in launchbrief.leaderboards(launch)}
    elements = sections(exported.root)["Leaderboards"]
    for index, element in enumerate(elements):
        if element.tag != "h4":
            continue
        board = boards[element.text_content()]
        note = elements[index + 1].text_content() if elements[index + 1].tag == "p" else ""
        settings_text = launchbrief.describe_settings(
            board.standings[0].settings if board.standings else None
        )
        if settings_text and not board.mixed_settings:
            assert f"Settings: {settings_text}." in note
        assert (board.benchmark.direction is launchbrief.Direction.LOWER) == (
            "Lower is better." in note
        )
        assert bool(board.mixed_settings) == ("Not strictly comparable" in note)
        assert (bool(board.standings) and not board.contested) == ("nothing is ranked" in note)


def test_every_web_source_is_a_numbered_link(exported: Exported) -> None:
    """The sources are a numbered list; each http(s) address is a link titled with the source."""
    launch = exported.launch
    (listing,) = [e for e in sections(exported.root)["Sources"] if e.tag == "ol"]
    items = listing.findall("li")
    assert len(launch.sources) == len(items)
    for source, item in zip(launch.sources, items, strict=True):
        links = item.findall("a")
        if source.url and source.url.startswith(("http://", "https://")):
            (link,) = links
            assert unquote(source.url) == unquote(link.get("href"))
            assert clean(source.title or source.name) == link.text_content()
        else:
            assert [] == links
            assert item.text_content().startswith(clean(source.title or source.name))


def test_the_line_up_lists_every_launched_model(exported: Exported) -> None:
    """The line-up table has one row per launched model, in the record's order."""
    (table,) = [e for e in sections(exported.root)["Line-up"] if e.tag == "table"]
    names = [row[0].text_content() for row in table.findall("tbody/tr")]
    assert [clean(model.label) for model in exported.launch.launched] == names


def test_key_numbers_are_the_briefs_takeaways(exported: Exported) -> None:
    """The key numbers are the deck's takeaways, each a sentence."""
    from launchbrief.exporters._storyline import takeaways

    (listing,) = [e for e in sections(exported.root)["Key numbers"] if e.tag == "ul"]
    expected = [f"{text}." for text, _slide in takeaways(Brief.of(exported.launch))]
    assert expected == [item.text_content() for item in listing.findall("li")]


# --------------------------------------------------------------------------- hostile text


def _hostile(launch: Launch) -> Launch:
    """``launch`` with a hostile launched-model name, claim, source title and address."""
    launched = {model.id for model in launch.launched}
    models = tuple(
        attrs.evolve(model, name=HOSTILE) if model.id in launched else model
        for model in launch.models
    )
    results = tuple(
        attrs.evolve(result, claim=f"# {HOSTILE}") if result.claim else result
        for result in launch.results
    )
    sources = (
        attrs.evolve(launch.sources[0], title=HOSTILE, url="javascript:alert(1)"),
        attrs.evolve(launch.sources[1], title="1. <b>bold</b>", url="https://example.org/a b(c)"),
        *launch.sources[2:],
    )
    return attrs.evolve(
        launch, models=models, results=results, sources=sources, summary=f"> {HOSTILE}"
    )


@pytest.mark.parametrize("name", ["muse-spark", str(ASTER)], ids=["muse-spark", "aster-2"])
def test_hostile_text_stays_text(name: str) -> None:
    """Pipes, HTML and script links in record text are shown as written, never as markup."""
    launch = _hostile(launchbrief.load(name))
    text = brief_markdown(launch)
    root = parse(text)
    assert [] == [e.tag for e in root.iter("script", "b", "img", "em", "code", "del", "blockquote")]
    assert ["h1"] == [e.tag for e in root.iter("h1")]
    for link in root.iter("a"):
        assert link.get("href").startswith(("http://", "https://"))
    assert "https://example.org/a%20b%28c%29" in [link.get("href") for link in root.iter("a")]
    assert HOSTILE in root.text_content()
    assert f"> {HOSTILE}" in root.text_content()
    for lines in raw_tables(text):
        assert [len(cells(lines[0]))] * len(lines) == [len(cells(line)) for line in lines]
    (table,) = [e for e in sections(root)["Line-up"] if e.tag == "table"]
    assert HOSTILE == table.findall("tbody/tr")[0][0].text_content()


@given(hostile_text(long=False))
@settings(max_examples=200, deadline=None)
def test_escaped_text_reads_back_as_written(text: str) -> None:
    """Any record text, escaped, reads back as itself in a paragraph, a list, a heading and a cell."""
    shown = escaped(text, 10**6)
    expected = clean(text)
    if not expected:
        return
    root = parse(
        f"{shown}\n\n- {shown}\n\n#### {shown}\n\n| A | B |\n| --- | --- |\n| {shown} | x |\n"
    )
    paragraph, listing, heading, table = list(root)
    assert ("p", "ul", "h4", "table") == (paragraph.tag, listing.tag, heading.tag, table.tag)
    assert expected == paragraph.text_content()
    assert expected == listing[0].text_content()
    assert expected == heading.text_content().strip()
    assert [expected, "x"] == [cell.text_content() for cell in table.find("tbody/tr")]
    assert [] == [e.tag for e in root.iter("a", "em", "strong", "code", "script", "del")]


@given(launch=launches())
@settings(max_examples=40, deadline=None)
def test_any_launch_gives_a_well_formed_brief(launch: Launch) -> None:
    """Any valid launch, hostile text and all, gives one title, even tables and web links only."""
    text = brief_markdown(launch)
    root = parse(text)
    assert 1 == len(list(root.iter("h1")))
    assert [] == [e.tag for e in root.iter("script", "img", "em", "code", "del", "blockquote")]
    assert all(a.get("href").startswith(("http://", "https://")) for a in root.iter("a"))
    tables = raw_tables(text)
    assert len(tables) == len(list(root.iter("table")))
    for lines in tables:
        assert [len(cells(lines[0]))] * len(lines) == [len(cells(line)) for line in lines]
    verdict = sections(root)[""][1].text_content()
    # The verdict is written as a sentence: a capital first, as story.sentence_of makes it.
    expected = sentence_of(shortened(Brief.of(launch).verdict(), 400))
    assert verdict.startswith(f"Verdict: {expected[:30]}")
    assert len(verdict) <= 420  # a long verdict is cut with "…"


def test_only_web_addresses_become_links() -> None:
    """http and https addresses are links, percent-encoded where Markdown would break them."""
    assert "https://example.org/a%20b%28c%29%3Cx%3E" == web_address(
        " https://example.org/a b(c)<x> "
    )
    assert [None, None, None, None] == [
        web_address(url) for url in ("javascript:alert(1)", "ftp://x.org/f", "//x.org", None)
    ]


# --------------------------------------------------------------------------- bounds


def test_a_family_of_22_stays_one_brief() -> None:
    """22 launched models, 60 benchmarks in 3 cohorts: at most 12 tables of 10, the rest counted."""
    launch = family_launch()
    text = brief_markdown(launch)
    root = parse(text)
    exported = Exported(launch, text, root)
    tables = board_tables(exported)
    assert MOST_BOARDS == len(tables)
    assert all(len(table.findall("tbody/tr")) <= MOST_ROWS for _h, table, _a in tables)
    boards = [b for b in launchbrief.leaderboards(launch) if b.standings or b.qualitative]
    left_out = len(boards) - MOST_BOARDS
    assert f"{left_out:,} more of the {len(boards):,} with results" in root.text_content()
    assert len(text.encode("utf-8")) < 40_000


def test_long_text_is_cut_and_counted() -> None:
    """A stress record with 10,000-character texts gives a brief of bounded size."""
    launch = stress_launch()
    long = words(10_000)
    launch = attrs.evolve(
        launch,
        summary=long,
        models=tuple(attrs.evolve(m, summary=long, name=long[:5_000]) for m in launch.models),
        safety=tuple(attrs.evolve(f, outcome=long) for f in launch.safety),
    )
    text = brief_markdown(launch)
    assert len(text.encode("utf-8")) < 100_000
    assert long not in text
    for lines in raw_tables(text):
        assert [len(cells(lines[0]))] * len(lines) == [len(cells(line)) for line in lines]


# --------------------------------------------------------------------------- docs


def test_the_docs_excerpt_is_the_exporters_output() -> None:
    """docs/markdown-brief.md shows a real excerpt of the built-in launch's brief."""
    page = (ROOT / "docs/markdown-brief.md").read_text("utf-8")
    (excerpt,) = re.findall(r"^```markdown\n(.*?)^```", page, re.MULTILINE | re.DOTALL)
    assert excerpt.count("\n") >= 10
    assert excerpt in brief_markdown(launchbrief.load("muse-spark"))
