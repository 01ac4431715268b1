"""Tests of located errors: every problem of a bad file, with file, line, column and path."""

from __future__ import annotations

import json
import time
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import launchbrief as lb
from launchbrief import io
from launchbrief._locate import ParseFailure, parse_yaml
from launchbrief.model import Score
from tests.samples import BAD_YAML
from tests.strategies import launches

SCALE_MESSAGE = (
    "expected one of percent, fraction, points, elo, percentile, got 'percnt';"
    " did you mean 'percent'?"
)
GPT5_MESSAGE = "unknown model 'gpt5' (known: alpha, gpt-5-4; did you mean 'gpt-5-4'?)"
NO_SCORE_MESSAGE = "a result needs a score, a comparison or a claim in the source's words"


def located(path: Path) -> list[tuple[int | None, int | None, str, str]]:
    """The (line, column, path, message) of every problem ``load(path)`` reports, in order."""
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load(path)
    assert {str(path)} == {p.file for p in caught.value.problems}
    return [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


def only_problem(path: Path) -> lb.Problem:
    """The one problem that loading ``path`` reports."""
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load(path)
    assert 1 == len(caught.value.problems), caught.value.problems
    return caught.value.problems[0]


def position(text: str, needle: str) -> tuple[int, int]:
    """The 1-based (line, column) where ``needle`` first occurs in ``text``."""
    offset = text.index(needle)
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` to ``tmp_path / name`` and return the path."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


# --------------------------------------------------------------------------- several mistakes


def test_yaml_with_several_mistakes_reports_each_located(tmp_path: Path) -> None:
    """A YAML file with six mistakes yields six problems, each at its line and column."""
    path = write(tmp_path, "bad.yaml", BAD_YAML)
    assert [
        (9, 58, "benchmarks[0].scale", SCALE_MESSAGE),
        (11, 45, "results[0].score", "expected a number, got 'n/a'"),
        (12, 31, "results[1].model", GPT5_MESSAGE),
        (13, 5, "results[2]", NO_SCORE_MESSAGE),
        (15, 5, "results[2].scroe", "unknown key 'scroe' (did you mean 'score'?)"),
        (17, 5, "surfaces[0].name", "missing required field 'name'"),
    ] == located(path)


def test_json_with_several_mistakes_reports_each_located(tmp_path: Path) -> None:
    """The same mistakes in JSON are reported at their JSON lines and columns."""
    path = write(tmp_path, "bad.json", json.dumps(yaml.safe_load(BAD_YAML), indent=2))
    assert [
        (24, 16, "benchmarks[0].scale", SCALE_MESSAGE),
        (31, 16, "results[0].score", "expected a number, got 'n/a'"),
        (35, 16, "results[1].model", GPT5_MESSAGE),
        (38, 5, "results[2]", NO_SCORE_MESSAGE),
        (41, 7, "results[2].scroe", "unknown key 'scroe' (did you mean 'score'?)"),
        (45, 5, "surfaces[0].name", "missing required field 'name'"),
    ] == located(path)


def test_toml_with_several_mistakes_reports_each_with_path(tmp_path: Path) -> None:
    """The same mistakes in TOML are all reported with their field paths and lines."""
    text = """\
id = "bad-launch"
title = "A launch with mistakes"
schema_version = 2

[developer]
name = "Acme"

[[models]]
id = "alpha"
name = "Alpha"
launched = true

[[models]]
id = "gpt-5-4"
name = "GPT 5.4"

[[benchmarks]]
id = "bench"
name = "Bench"
category = "reasoning"
scale = "percnt"

[[results]]
benchmark = "bench"
model = "alpha"
score = "n/a"

[[results]]
benchmark = "bench"
model = "gpt5"
score = 80.2

[[results]]
benchmark = "bench"
model = "gpt-5-4"
scroe = 12

[[surfaces]]
id = "app"
kind = "app"
status = "live"
"""
    problems = located(write(tmp_path, "bad.toml", text))
    assert [
        ("benchmarks[0].scale", SCALE_MESSAGE),
        ("results[0].score", "expected a number, got 'n/a'"),
        ("results[1].model", GPT5_MESSAGE),
        ("results[2]", NO_SCORE_MESSAGE),
        ("results[2].scroe", "unknown key 'scroe' (did you mean 'score'?)"),
        ("surfaces[0].name", "missing required field 'name'"),
    ] == [(path, message) for _line, _column, path, message in problems]
    # TOML positions: the value's line for a value, the table's line for a record.
    assert [21, 26, 30, 33, 36, 38] == [line for line, _column, _path, _message in problems]


def test_problems_print_as_file_line_column_path_message(tmp_path: Path) -> None:
    """Each problem prints as file:line:col: path: message."""
    path = write(tmp_path, "bad.yaml", BAD_YAML)
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load(path)
    assert f"{path}:11:45: results[0].score: expected a number, got 'n/a'" == str(
        caught.value.problems[1]
    )
    assert f"{path}:11:45: results[0].score: expected a number, got 'n/a'" in str(caught.value)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("title: 5", "title: expected text, got the number 5 (put it in quotes)"),
        ("id: 2026", "id: expected text, got the number 2026 (put it in quotes)"),
        ("title: true", "title: expected text, got true (a yes/no value) (put it in quotes)"),
        ("as_of: April 8", "as_of: expected a date like 2026-04-08, got 'April 8'"),
        (
            "dates: [{event: announced, date: 8 April}]",
            "dates[0].date: expected a date like 2026-04-08, got '8 April'",
        ),
        ("dates: [{date: 2026-04-08}]", "dates[0].event: missing required field 'event'"),
        ("license: MIT", "license: expected a mapping of fields, got 'MIT'"),
        ("license: {open_weights: true}", "license.name: missing required field 'name'"),
        ("cohorts: [{id: base}]", "cohorts[0].name: missing required field 'name'"),
        (
            "license: {name: MIT, open_weights: yes}",
            "license.open_weights: expected true or false, got 'yes'"
            " (write true or false: YAML 1.2 reads yes, no, on and off as text)",
        ),
        ("summary: [a, b]", "summary: expected text, got a list"),
        ("use_cases: press", "use_cases: expected a list, got 'press'"),
        ("developer: Meta", "developer: expected a mapping of fields, got 'Meta'"),
        ("schema_version: one", "schema_version: expected a whole number, got 'one'"),
    ],
)
def test_wrong_types_are_explained_in_plain_words(line: str, message: str) -> None:
    """A wrongly typed value is explained in words a non-programmer understands."""
    text = (
        "schema_version: 2\nid: x\ntitle: t\ndeveloper: {name: d}\n"
        "models: [{id: m, name: M, launched: true}]\n"
    )
    key = line.split(":")[0]
    text = "\n".join(row for row in text.splitlines() if not row.startswith(f"{key}:"))
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text + "\n" + line + "\n", "yaml")
    assert [message] == [f"{p.path}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".nan", "must be a finite number, got nan"),
        (".inf", "must be a finite number, got inf"),
        ("-.inf", "must be a finite number, got -inf"),
        ("true", "expected a number, got true (a yes/no value)"),
        ("'86.4'", "expected a number, got '86.4'"),
        ("120", "120 is outside the percent scale of benchmark 'b' (0 to 100)"),
    ],
)
def test_bad_scores_are_located(value: str, message: str) -> None:
    """NaN, infinities, text, booleans and out-of-scale scores are refused at the score."""
    text = (
        "schema_version: 2\nid: x\ntitle: t\ndeveloper: {name: d}\n"
        "models: [{id: m, name: M, launched: true}]\n"
        "benchmarks: [{id: b, name: B, category: c}]\n"
        f"results:\n  - {{benchmark: b, model: m, score: {value}}}\n"
    )
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text, "yaml", name="s.yaml")
    line, column = position(text, f"score: {value}")
    assert [("s.yaml", line, column + len("score: "), "results[0].score", message)] == [
        (p.file, p.line, p.column, p.path, p.message) for p in caught.value.problems
    ]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_json_non_finite_numbers_are_refused(value: str) -> None:
    """JSON's NaN and Infinity extensions, and overflowing numbers, are not scores."""
    text = (
        '{"id": "x", "title": "t", "developer": {"name": "d"}, "schema_version": 2,\n'
        ' "models": [{"id": "m", "name": "M", "launched": true}],\n'
        ' "benchmarks": [{"id": "b", "name": "B", "category": "c", "scale": "points"}],\n'
        f' "results": [{{"benchmark": "b", "model": "m", "score": {value}}}]}}\n'
    )
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text, "json")
    [problem] = caught.value.problems
    line, column = position(text, value)
    assert ("results[0].score", 4, 56) == (problem.path, problem.line, problem.column)
    assert (4, 56) == (line, column)
    assert problem.message.startswith("must be a finite number")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_toml_non_finite_numbers_are_refused(value: str) -> None:
    """TOML's nan and inf are not scores."""
    text = (
        'id = "x"\ntitle = "t"\ndeveloper = {name = "d"}\nschema_version = 2\n'
        'models = [{id = "m", name = "M", launched = true}]\n'
        'benchmarks = [{id = "b", name = "B", category = "c", scale = "elo"}]\n'
        f'results = [{{benchmark = "b", model = "m", score = {value}}}]\n'
    )
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text, "toml")
    assert [("results[0].score", f"must be a finite number, got {value}")] == [
        (p.path, p.message) for p in caught.value.problems
    ]


def test_type_and_reference_problems_come_out_together() -> None:
    """A type error does not hide a dangling reference elsewhere: both come out at once."""
    text = (
        "id: x\ntitle: t\ndeveloper: {name: d, sources: [nope]}\nmodel: {id: m}\n"
        "models: [{id: m, name: M}]\nmodes: [{id: fast, name: Fast, order: first}]\n"
    )
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text)
    assert [
        (
            *position(text, "nope"),
            "developer.sources[0]",
            "unknown source 'nope' (no sources are defined)",
        ),
        (*position(text, "first"), "modes[0].order", "expected a whole number, got 'first'"),
    ] == [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


def test_every_field_problem_comes_out_at_once() -> None:
    """Several bad fields, in one record and across records, are all reported together."""
    text = (
        "id: x\ntitle: ' '\nsummary: ''\ndeveloper: {name: '', division: ''}\n"
        "model: {id: m}\nmodels: [{id: m, name: M}]\n"
    )
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text)
    assert ["title", "summary", "developer.name", "developer.division"] == [
        p.path for p in caught.value.problems
    ]


# --------------------------------------------------------------------------- unreadable files


@pytest.mark.parametrize(
    ("name", "content", "line", "column", "start"),
    [
        ("m.yaml", "id: [unclosed\ntitle: x\n", 2, 6, "invalid YAML: "),
        ("m.yml", "id: x\n  title: y\n", 2, 8, "invalid YAML: "),
        ("m.json", '{"id": "x",\n  "title": }\n', 2, 12, "invalid JSON: Expecting value"),
        ("m.json", '{"id": "x",}', 1, 12, "invalid JSON: "),
        ("m.toml", 'id = "x"\ntitle = \n', 2, 9, "invalid TOML: "),
        ("m.toml", 'id = "a"\nid = "b"\n', 2, 9, "invalid TOML: "),
    ],
)
def test_malformed_files_are_located(
    tmp_path: Path, name: str, content: str, line: int, column: int, start: str
) -> None:
    """A file that does not parse gives one problem at the parser's line and column."""
    problem = only_problem(write(tmp_path, name, content))
    assert (line, column) == (problem.line, problem.column)
    assert problem.message.startswith(start), problem.message


@pytest.mark.parametrize("name", ["e.yaml", "e.json", "e.toml"])
@pytest.mark.parametrize("content", ["", "  \n\n\t\n"])
def test_empty_file_is_a_problem(tmp_path: Path, name: str, content: str) -> None:
    """An empty or blank file says so, at 1:1."""
    problem = only_problem(write(tmp_path, name, content))
    assert ("the file is empty", 1, 1) == (problem.message, problem.line, problem.column)


def test_yaml_comments_only_is_a_problem(tmp_path: Path) -> None:
    """A YAML file with nothing but comments holds no data."""
    problem = only_problem(write(tmp_path, "c.yaml", "# just a comment\n"))
    assert "the file holds no data" == problem.message


@pytest.mark.parametrize("name", ["b.yaml", "b.json", "b.toml"])
def test_binary_file_is_a_problem(tmp_path: Path, name: str) -> None:
    """A binary file (a PNG renamed) is refused as not text."""
    problem = only_problem(write(tmp_path, name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert "not a text file (it holds binary data)" == problem.message


def test_non_utf8_file_is_located(tmp_path: Path) -> None:
    """A Latin-1 file is refused at the first byte that is not UTF-8, with advice."""
    problem = only_problem(write(tmp_path, "l.yaml", "id: x\ntitle: café\n".encode("latin-1")))
    assert (2, 11) == (problem.line, problem.column)
    assert "not UTF-8 text (byte 0xe9 cannot be read); save the file as UTF-8" == problem.message


def test_several_yaml_documents_are_refused(tmp_path: Path) -> None:
    """A YAML stream of two documents is not one launch."""
    problem = only_problem(write(tmp_path, "two.yaml", "id: x\n---\nid: y\n"))
    assert (2, 1) == (problem.line, problem.column)
    assert "expected a single document" in problem.message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("l.yaml", "- a\n- b\n", "expected a mapping of fields at the top level, got a list"),
        ("s.json", '"text"', "expected a mapping of fields at the top level, got 'text'"),
        ("n.json", "42", "expected a mapping of fields at the top level, got the number 42"),
        ("n.yaml", "null\n", "expected a mapping of fields at the top level, got nothing (null)"),
    ],
)
def test_top_level_must_be_a_mapping(tmp_path: Path, name: str, content: str, message: str) -> None:
    """A file whose top level is not a mapping of fields says what it found."""
    assert message == only_problem(write(tmp_path, name, content)).message


# --------------------------------------------------------------------------- hostile files


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("deep.yaml", "a: " + "[" * 10_000 + "]" * 10_000),
        ("block.yaml", "".join(" " * i + f"k{i}:\n" for i in range(3_000))),
        ("deep.toml", "a = " + "[" * 10_000 + "]" * 10_000),
    ],
)
def test_deep_nesting_is_refused_quickly(tmp_path: Path, name: str, content: str) -> None:
    """Absurdly deep nesting is one problem, found in well under a second, with no crash."""
    path = write(tmp_path, name, content)
    start = time.perf_counter()
    problem = only_problem(path)
    assert time.perf_counter() - start < 1.0
    assert "nest" in problem.message, problem.message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("d.yaml", "id: x\nnotes: " + "{a: " * 70 + "1" + "}" * 70 + "\n"),
        ("d.json", '{"id": "x", "notes": ' + '{"a": ' * 70 + "1" + "}" * 70 + "}"),
    ],
)
def test_nesting_beyond_the_limit_is_located(tmp_path: Path, name: str, content: str) -> None:
    """Nesting deeper than 64 levels is refused at the place it goes too deep."""
    problem = only_problem(write(tmp_path, name, content))
    assert "nested more than 64 levels deep; refused" == problem.message
    assert problem.line is not None
    assert problem.path.startswith("notes.a.a.a")


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """A billion-laughs YAML file is refused within a second instead of exhausting memory."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\nid: x\ntitle: *j\n")
    start = time.perf_counter()
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load(path)
    assert time.perf_counter() - start < 1.0
    assert any("expands to too much data" in p.message for p in caught.value.problems)


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.mkdir",
        "!!python/object/new:os.mkdir",
        "!!python/name:os.mkdir",
        "!!python/object:os.mkdir",
    ],
)
def test_yaml_python_tags_are_refused_without_running(tmp_path: Path, tag: str) -> None:
    """Tags that would build Python objects are refused, and never run."""
    victim = tmp_path / "created-by-yaml"
    path = write(tmp_path, "tag.yaml", f"id: {tag} [{str(victim)!r}]\ntitle: t\n")
    problem = only_problem(path)
    assert not victim.exists()
    assert (1, 5) == (problem.line, problem.column)
    assert "tags that build objects are refused" in problem.message


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("dup.yaml", "id: a\ntitle: t\nid: b\n", (3, 1)),
        ("dup.json", '{"id": "a",\n "title": "t",\n "id": "b"}', (3, 2)),
        ("nested.yaml", "id: a\ndeveloper:\n  name: A\n  name: B\n", (4, 3)),
    ],
)
def test_duplicate_keys_are_located(
    tmp_path: Path, name: str, content: str, where: tuple[int, int]
) -> None:
    """A key given twice is a problem at its second occurrence (parsers would keep the last)."""
    problems = located(write(tmp_path, name, content))
    duplicates = [
        (line, column) for line, column, _p, m in problems if m.startswith("duplicate key")
    ]
    assert [where] == duplicates


@pytest.mark.parametrize("name", ["big.yaml", "big.json", "big.toml"])
def test_too_large_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A file over the size cap is refused with a clear message, before it is parsed."""
    monkeypatch.setattr(io, "MAX_FILE_BYTES", 1_000)
    path = write(tmp_path, name, "not even valid " * 100)
    problem = only_problem(path)
    assert problem.message.startswith("the file is too large")
    assert "the limit is" in problem.message


def test_too_large_text_is_refused_by_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    """loads applies the same size cap as load."""
    monkeypatch.setattr(io, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(lb.InvalidLaunchError, match="too large"):
        lb.loads("x" * 1_001)


def test_size_cap_admits_files_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file exactly at the size cap is read normally."""
    text = lb.dumps(lb.load("muse-spark"), "json")
    monkeypatch.setattr(io, "MAX_FILE_BYTES", len(text.encode("utf-8")))
    assert "muse-spark" == lb.load(write(tmp_path, "exact.json", text)).id


def test_invalid_launch_error_is_launchbrief_error_and_value_error(tmp_path: Path) -> None:
    """Bad input raises InvalidLaunchError, catchable as LaunchbriefError and as ValueError."""
    path = write(tmp_path, "bad.yaml", BAD_YAML)
    with pytest.raises(lb.LaunchbriefError):
        lb.load(path)
    with pytest.raises(ValueError, match="6 problems"):
        lb.load(path)


# --------------------------------------------------------------------------- fuzzing


def problems_or_none(text: str | bytes, fmt: str) -> tuple[lb.Problem, ...] | None:
    """The problems of ``loads(text, fmt)``, or None if it loads; any other error propagates."""
    try:
        lb.loads(text, fmt)
    except lb.InvalidLaunchError as error:
        return error.problems
    return None


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=200))
def test_arbitrary_text_raises_only_invalid_launch_error(fmt: str, text: str) -> None:
    """Any text at all either loads or raises InvalidLaunchError with worded problems."""
    problems = problems_or_none(text, fmt)
    assert problems is None or all(p.message for p in problems)
    assert problems != ()


@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_invalid_launch_error(data: bytes) -> None:
    """Any bytes at all either load or raise InvalidLaunchError; nothing else escapes."""
    for fmt in ("yaml", "json", "toml"):
        assert problems_or_none(data, fmt) != ()


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
@given(launch=launches(max_results=8), cut=st.data())
def test_damaged_dumps_raise_only_invalid_launch_error(
    fmt: str, launch: lb.Launch, cut: st.DataObject
) -> None:
    """A valid dump with a slice cut out either still loads or raises InvalidLaunchError."""
    text = lb.dumps(launch, fmt)
    start = cut.draw(st.integers(min_value=0, max_value=len(text)))
    end = cut.draw(st.integers(min_value=start, max_value=min(len(text), start + 40)))
    assert problems_or_none(text[:start] + text[end:], fmt) != ()


# --------------------------------------------------------------------------- YAML 1.2


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("012", 12),
        ("-7", -7),
        ("0o17", 15),
        ("0x1F", 31),
        ("1e15", Score("1e15")),
        ("1.5E-3", Score("1.5e-3")),
        (".5", Score(".5")),
        ("66.0", Score("66.0")),
        ("85.20", Score("85.20")),
        ("-0.0007", Score("-0.0007")),
        ("1:21", "1:21"),
        ("1_000", "1_000"),
        ("yes", "yes"),
        ("No", "No"),
        ("on", "on"),
        ("TRUE", True),
        ("false", False),
        ("~", None),
        ("Null", None),
        ("2026-04-08", "2026-04-08"),
        ("'012'", "012"),
        ('"1e15"', "1e15"),
        ("!!str 12", "12"),
        ("!!float 3", 3.0),
        ("!!int '12'", 12),
        ("! 12", "12"),
    ],
)
def test_yaml_scalars_follow_the_yaml_1_2_core_schema(written: str, value: object) -> None:
    """Only what YAML 1.2 calls a number is a number; nothing else is converted.

    A decimal is read as a :class:`Score` that remembers how it was written.
    """
    data, _locate = parse_yaml(f"key: {written}\n")
    assert {"key": value} == data
    assert type(value) is type(data["key"])
    if isinstance(value, Score):
        assert value.text == data["key"].text


def test_yaml_merge_keys_and_aliases_build_plain_data() -> None:
    """``<<: *defaults`` merges (own keys win, the first merged mapping next); aliases repeat."""
    text = (
        "a: &a {x: 1, y: 2}\n"
        "b: &b {y: 3, z: 4}\n"
        "c: {<<: [*a, *b], x: 0}\n"
        "d: [*a, *a]\n"
        "&k key: v\n"
        "*k : w\n"
    )
    with pytest.raises(ParseFailure) as caught:
        parse_yaml(text)
    assert ["duplicate key 'key'"] == [p.message for p in caught.value.problems]
    data, _locate = parse_yaml(text.replace("*k : w\n", "e: *k\n"))
    assert {"x": 0, "y": 2, "z": 4} == data["c"]
    assert [{"x": 1, "y": 2}] * 2 == data["d"]
    assert "key" == data["e"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: &a [1, *a]\n",
            "invalid YAML: the alias *a refers to the list or mapping that holds it",
        ),
        ("a: *nowhere\n", "invalid YAML: found undefined alias 'nowhere'"),
        ("a: !!int ten\n", "invalid YAML: 'ten' cannot be read as !!int"),
        ("a: !!binary aGk=\n", "could not determine a constructor for the tag"),
        ("a: !!set {x}\n", "could not determine a constructor for the tag"),
        ("? [1, 2]\n: x\n", "invalid YAML: a key must be plain text, not a list or mapping"),
        ("a: &m [1]\n*m : x\n", "invalid YAML: a key must be plain text, not a list or mapping"),
        (
            "a: 1\nb: {<<: 3}\n",
            "invalid YAML: a merge key '<<' needs a mapping or a list of mappings",
        ),
    ],
)
def test_yaml_that_is_not_plain_data_is_refused_located(text: str, message: str) -> None:
    """Recursive and undefined aliases, unread tags and non-text keys: one located problem."""
    with pytest.raises(ParseFailure) as caught:
        parse_yaml(text)
    [problem] = caught.value.problems
    assert message in problem.message
    assert problem.line is not None
    assert problem.column is not None


@pytest.mark.parametrize(
    "text", ["012", "1e15", "0o17", "0x1F", ".5", "1:21", "yes", "No", "~", "+1", ".inf", "-.NaN"]
)
def test_text_that_reads_as_something_else_round_trips(text: str) -> None:
    """A dump quotes text that YAML 1.1 or 1.2 would read as a number, boolean or null."""
    launch = lb.load("muse-spark")
    renamed = attrs.evolve(launch, title=text, summary=f"{text}")
    assert renamed == lb.loads(lb.dumps(renamed, "yaml"), "yaml")
