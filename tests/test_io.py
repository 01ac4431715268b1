"""Tests of reading and writing launch records: load, loads, dump, dumps, round trips."""

from __future__ import annotations

import json
import tempfile
import tomllib
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import given, settings

import launchbrief as lb
from launchbrief import io
from launchbrief.model import Score
from launchbrief.readers import known_suffixes
from tests.strategies import launches, numbers

FORMATS = ("yaml", "json", "toml")
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}

# Large records are slower to write and read: run fewer of them than the profile asks.
_LARGE_EXAMPLES = max(3, settings().max_examples // 6)


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch."""
    return lb.load("muse-spark")


HOSTILE = lb.Launch(
    id="hostile",
    title='=HYPERLINK("http://evil","click")',
    summary="\ufeffleading BOM, \r\n CRLF, \x00 NUL, \x1b escape, \u2028 line separator, \x85 NEL",
    developer=lb.Developer(name="+cmd|' /C calc'!A0", division="@SUM(A1:A9)"),
    models=(
        lb.Model(
            id="m",
            name="\u202eevil\u202c",
            variant="   padded   ",
            launched=True,
            capabilities=("-1+1", "\ttab first", "\rCR first", "مرحبا", "e\u0301\u0308 🚀"),
            specs=lb.Specs(architecture="=1+1", other=(("null", "true"), ("note", "- item"))),
        ),
    ),
    cohorts=(
        lb.Cohort(
            id="c",
            name="# not a comment",
            settings=lb.Settings(harness="{{ x }}", other=(("true", "no"),)),
        ),
    ),
    sources=(lb.Source(id="s", name="null", kind=lb.SourceKind.PRESS, note="true"),),
    insights=(lb.Insight(id="i", kind=lb.InsightKind.RISK, text="x" * 10_000, sources=("s",)),),
)


# --------------------------------------------------------------------------- load


def test_datasets_lists_the_built_in_launch() -> None:
    """The built-in Muse Spark launch is listed by name."""
    assert "muse-spark" in io.datasets()


def test_datasets_function_survives_loading_a_built_in() -> None:
    """`launchbrief.datasets()` still works after a built-in launch has been loaded."""
    before = lb.datasets()
    lb.load("muse-spark")
    assert "muse-spark" in before
    assert before == lb.datasets()


def test_load_built_in_by_name(muse: lb.Launch) -> None:
    """A built-in launch loads by its name."""
    assert "muse-spark" == muse.id


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_dump_then_load_by_suffix(muse: lb.Launch, tmp_path: Path, suffix: str) -> None:
    """dump writes the format its suffix names, and load reads it back equal."""
    target = tmp_path / f"launch{suffix}"
    assert target == lb.dump(muse, target)
    assert muse == lb.load(target)
    assert muse == lb.load(str(target))


def test_dump_writes_what_the_format_parser_reads(muse: lb.Launch, tmp_path: Path) -> None:
    """Each dump is real YAML, JSON or TOML, read back with the standard parsers."""
    yaml_data = yaml.safe_load(lb.dump(muse, tmp_path / "a.yaml").read_text("utf-8"))
    json_data = json.loads(lb.dump(muse, tmp_path / "a.json").read_text("utf-8"))
    toml_data = tomllib.loads(lb.dump(muse, tmp_path / "a.toml").read_text("utf-8"))
    assert io.to_data(muse) == json_data == toml_data
    assert json_data["id"] == yaml_data["id"] == "muse-spark"


def test_suffix_is_case_insensitive(muse: lb.Launch, tmp_path: Path) -> None:
    """Upper-case suffixes are read and written like lower-case ones."""
    target = lb.dump(muse, tmp_path / "LAUNCH.JSON")
    assert json.loads(target.read_text("utf-8"))["id"] == "muse-spark"
    assert muse == lb.load(target)


def test_dump_format_overrides_suffix(muse: lb.Launch, tmp_path: Path) -> None:
    """An explicit format wins over the file's suffix."""
    target = lb.dump(muse, tmp_path / "launch.txt", format="json")
    assert "muse-spark" == json.loads(target.read_text("utf-8"))["id"]


def test_dump_unknown_suffix_raises_and_writes_nothing(muse: lb.Launch, tmp_path: Path) -> None:
    """dump refuses a suffix it cannot tell the format of, and leaves no file behind."""
    with pytest.raises(lb.UnknownFormatError):
        lb.dump(muse, tmp_path / "launch.txt")
    assert [] == list(tmp_path.iterdir())


def test_dump_replaces_existing_file(muse: lb.Launch, tmp_path: Path) -> None:
    """dump replaces an existing file whole and leaves no temporary file."""
    target = tmp_path / "launch.json"
    target.write_text("old content that is longer than nothing", "utf-8")
    lb.dump(muse, target)
    assert muse == lb.load(target)
    assert ["launch.json"] == [p.name for p in tmp_path.iterdir()]


def test_load_unknown_suffix_raises_unknown_format(tmp_path: Path) -> None:
    """A file with a suffix no reader handles raises UnknownFormatError naming the suffix."""
    path = tmp_path / "launch.txt"
    path.write_text("id: x\n", "utf-8")
    with pytest.raises(lb.UnknownFormatError, match=r"unknown file type '\.txt'"):
        lb.load(path)


def test_load_missing_name_lists_built_ins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown name with no suffix is neither a file nor a built-in: the message lists built-ins."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FileNotFoundError) as caught:
        lb.load("no-such-launch")
    assert f"(built-in: {', '.join(lb.datasets())})" in str(caught.value)
    assert "muse-spark" in lb.datasets()


def test_load_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    """A missing .yaml file raises FileNotFoundError naming it."""
    with pytest.raises(FileNotFoundError, match=r"missing\.yaml"):
        lb.load(tmp_path / "missing.yaml")


def test_load_folder_is_a_located_problem(tmp_path: Path) -> None:
    """A folder named like a launch file is refused as a problem, not a crash."""
    folder = tmp_path / "launch.yaml"
    folder.mkdir()
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load(folder)
    assert ["is a folder, not a file"] == [p.message for p in caught.value.problems]


def test_load_accepts_utf8_with_bom(muse: lb.Launch, tmp_path: Path) -> None:
    """A UTF-8 file that starts with a byte-order mark (as Windows editors write) loads."""
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + lb.dumps(muse, "yaml").encode("utf-8"))
    assert muse == lb.load(path)


def test_load_names_the_file_as_the_user_wrote_it(
    muse: lb.Launch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems and a missing file name the path as given ("./a.yaml"), not as Path tidies it."""
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("id: x\n", "utf-8")
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load("./bad.yaml")
    assert {"./bad.yaml"} == {problem.file for problem in caught.value.problems}
    with pytest.raises(FileNotFoundError) as missing:
        lb.load("./missing.yaml")
    assert "no such file: './missing.yaml'" == str(missing.value)
    lb.dump(muse, "good.yaml")
    assert muse == lb.load("./good.yaml")


# --------------------------------------------------------------------------- several files


def _folder(tmp_path: Path, muse: lb.Launch) -> Path:
    """A folder of launch files and of files that are not launches, named out of order."""
    folder = tmp_path / "launches"
    (folder / "sub").mkdir(parents=True)
    lb.dump(attrs.evolve(muse, id="b-json"), folder / "b.json")
    lb.dump(attrs.evolve(muse, id="a-yaml"), folder / "a.YAML")
    lb.dump(attrs.evolve(muse, id="c-toml"), folder / "c.toml")
    lb.dump(attrs.evolve(muse, id="nested"), folder / "sub" / "d.yaml")
    lb.dump(attrs.evolve(muse, id="hidden"), folder / ".e.yaml")
    (folder / "~$f.xlsx").write_bytes(b"an Office lock file")
    (folder / "notes.txt").write_text("not a launch", "utf-8")
    return folder


def test_load_many_reads_a_folder_by_name(muse: lb.Launch, tmp_path: Path) -> None:
    """A folder gives its launch files sorted by name; subfolders, hidden and lock files are left out."""
    folder = _folder(tmp_path, muse)
    assert ["a-yaml", "b-json", "c-toml"] == [launch.id for launch in lb.load_many(folder)]
    assert ["a-yaml", "b-json", "c-toml"] == [launch.id for launch in lb.load_many(str(folder))]


def test_load_many_keeps_the_order_of_its_sources(muse: lb.Launch, tmp_path: Path) -> None:
    """Files, built-in names and folders are loaded in the order given, a folder's files in its place."""
    folder = _folder(tmp_path, muse)
    single = lb.dump(attrs.evolve(muse, id="single"), tmp_path / "single.json")
    launches = lb.load_many([single, "muse-spark", folder, str(single)])
    assert ["single", "muse-spark", "a-yaml", "b-json", "c-toml", "single"] == [
        launch.id for launch in launches
    ]


def test_load_many_lists_every_problem_of_every_bad_file(muse: lb.Launch, tmp_path: Path) -> None:
    """Bad files among good ones: one InvalidLaunchError with each file's problems, each naming its file."""
    good = lb.dump(muse, tmp_path / "good.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: X\nunknown: 1\n", "utf-8")
    worse = tmp_path / "worse.json"
    worse.write_text('{"id": "x",', "utf-8")
    missing = tmp_path / "missing.toml"
    other = tmp_path / "other.txt"
    other.write_text("id: x\n", "utf-8")
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.load_many([bad, good, worse, missing, other])
    problems = caught.value.problems
    expected = {str(bad), str(worse), str(missing), str(other)}
    assert expected == {problem.file for problem in problems}
    assert [str(bad), str(worse), str(missing), str(other)] == list(
        dict.fromkeys(problem.file for problem in problems)
    )
    by_file = {problem.file: problem for problem in reversed(problems)}
    assert [
        f"{bad}:1:1: developer: missing required field 'developer'",
        f"{bad}:1:1: models: no model is marked launched: give each model the launch releases"
        " `launched: true`",
        f"{bad}:3:1: unknown: unknown key 'unknown' (known: schema_version, id, title, developer,"
        " as_of, summary, dates, license, models, modes, surfaces, cohorts, benchmarks, results,"
        " safety, use_cases, insights, sources)",
    ] == [str(problem) for problem in problems if problem.file == str(bad)]
    assert f"{missing}: no such file" == str(by_file[str(missing)])
    assert str(by_file[str(other)]).startswith(f"{other}: unknown file type '.txt' (expected ")
    assert by_file[str(worse)].line == 1


def test_load_each_reports_each_source_and_goes_on(muse: lb.Launch, tmp_path: Path) -> None:
    """load_each gives (path, launch) for good sources and (path, error) for bad ones, in order."""
    good = lb.dump(muse, tmp_path / "good.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", "utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    outcomes = list(lb.io.load_each([bad, "no-such-launch", empty, good]))
    assert [bad, Path("no-such-launch"), empty, good] == [path for path, _ in outcomes]
    errors = [outcome for _, outcome in outcomes[:3]]
    assert all(isinstance(error, lb.InvalidLaunchError) for error in errors)
    assert muse == outcomes[3][1]
    named = [str(error.problems[0]) for error in errors if isinstance(error, lb.InvalidLaunchError)]
    assert named[1].startswith("no-such-launch: no such file, and no built-in launch of that name")
    wanted = ", ".join(known_suffixes())
    assert f"{empty}: the folder holds no launch file (none ends with {wanted})" == named[2]
    assert {".json", ".toml", ".xlsx", ".yaml", ".yml"} <= set(known_suffixes())


def test_load_each_gives_a_system_failure_as_its_os_error(muse: lb.Launch, tmp_path: Path) -> None:
    """A file the system cannot read (here a symbolic link to itself) comes as its OSError."""
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    good = lb.dump(muse, tmp_path / "good.yaml")
    (path, failure), (_, launch) = lb.io.load_each([loop, good])
    assert (loop, muse) == (path, launch)
    assert isinstance(failure, OSError)
    assert not isinstance(failure, FileNotFoundError)
    with pytest.raises(OSError, match=r"loop\.yaml"):
        lb.load_many([good, loop])


def test_load_each_is_lazy(muse: lb.Launch, tmp_path: Path) -> None:
    """load_each reads a source only when asked for it, so a batch holds one launch at a time."""
    first = lb.dump(muse, tmp_path / "first.yaml")
    later = tmp_path / "later.yaml"
    each = lb.io.load_each([first, later])
    assert (first, muse) == next(each)
    lb.dump(attrs.evolve(muse, id="written-after"), later)
    assert "written-after" == next(each)[1].id  # type: ignore[union-attr]


# --------------------------------------------------------------------------- loads and dumps


@pytest.mark.parametrize("fmt", FORMATS)
def test_dumps_loads_round_trip(muse: lb.Launch, fmt: str) -> None:
    """dumps then loads gives back an equal record in every format."""
    assert muse == lb.loads(lb.dumps(muse, fmt), fmt)


@pytest.mark.parametrize("spelling", ["JSON", ".json", "json"])
def test_format_names_are_forgiving(muse: lb.Launch, spelling: str) -> None:
    """Format names ignore case and a leading dot."""
    assert muse == lb.loads(lb.dumps(muse, spelling), spelling)


def test_yml_is_yaml(muse: lb.Launch) -> None:
    """'yml' is another name for YAML."""
    assert lb.dumps(muse, "yaml") == lb.dumps(muse, "yml")


def test_loads_accepts_bytes(muse: lb.Launch) -> None:
    """loads takes bytes as well as text."""
    assert muse == lb.loads(lb.dumps(muse, "json").encode("utf-8"), "json")


def test_loads_names_the_source_in_problems() -> None:
    """The name given to loads stands for the file in problems."""
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads("id: x\n", "yaml", name="paste.yaml")
    assert {"paste.yaml"} == {p.file for p in caught.value.problems}


def test_unknown_format_raises() -> None:
    """An unknown format name raises UnknownFormatError listing the known ones."""
    with pytest.raises(lb.UnknownFormatError, match="known: yaml, json, toml"):
        lb.dumps(lb.load("muse-spark"), "csv")
    with pytest.raises(lb.UnknownFormatError):
        lb.loads("{}", "xml")


def test_dumps_default_is_yaml(muse: lb.Launch) -> None:
    """Without a format, dumps writes YAML."""
    assert yaml.safe_load(lb.dumps(muse))["id"] == "muse-spark"


def test_dump_always_states_schema_version(muse: lb.Launch) -> None:
    """Every dump says which schema version it follows, though it is the default."""
    assert lb.SCHEMA_VERSION == json.loads(lb.dumps(muse, "json"))["schema_version"]


def test_dump_leaves_out_unknown_facts(muse: lb.Launch) -> None:
    """Fields at their default (unknown dates, absent scores) are left out, never written as null."""
    data = json.loads(lb.dumps(muse, "json"))
    assert "announced" not in data
    assert "dates" not in data
    assert "license" not in data
    assert "launched" not in data["models"][1]
    assert "null" not in lb.dumps(muse, "json")
    arc = next(r for r in data["results"] if r["benchmark"] == "arc-agi-2")
    assert "score" not in arc


#: One launch with a quoted claim and a paraphrase, written in each format by hand.
QUOTED_TEXTS = {
    "yaml": """\
id: q
title: Q
developer: {name: Acme}
models: [{id: a, name: A, launched: true}, {id: b, name: B}]
benchmarks: [{id: x, name: X, category: c}]
results:
  - {benchmark: x, model: a, claim: "trails B on X", quoted: true}
  - {benchmark: x, model: b, claim: B is ahead on X}
""",
    "json": """\
{"id": "q", "title": "Q", "developer": {"name": "Acme"},
 "models": [{"id": "a", "name": "A", "launched": true}, {"id": "b", "name": "B"}],
 "benchmarks": [{"id": "x", "name": "X", "category": "c"}],
 "results": [{"benchmark": "x", "model": "a", "claim": "trails B on X", "quoted": true},
             {"benchmark": "x", "model": "b", "claim": "B is ahead on X"}]}
""",
    "toml": """\
id = "q"
title = "Q"
developer = {name = "Acme"}
models = [{id = "a", name = "A", launched = true}, {id = "b", name = "B"}]
benchmarks = [{id = "x", name = "X", category = "c"}]

[[results]]
benchmark = "x"
model = "a"
claim = "trails B on X"
quoted = true

[[results]]
benchmark = "x"
model = "b"
claim = "B is ahead on X"
""",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_quoted_loads_from_every_format(fmt: str) -> None:
    """``quoted: true`` marks the source's exact words; a claim without it is a paraphrase."""
    launch = lb.loads(QUOTED_TEXTS[fmt], fmt)
    assert [("trails B on X", True), ("B is ahead on X", False)] == [
        (result.claim, result.quoted) for result in launch.results
    ]
    assert launch == lb.loads(lb.dumps(launch, fmt), fmt)


def test_quoted_is_dumped_only_when_true() -> None:
    """A quoted claim is dumped with ``quoted: true``; a paraphrase leaves the default out."""
    data = json.loads(lb.dumps(lb.loads(QUOTED_TEXTS["yaml"], "yaml"), "json"))
    assert [True, None] == [result.get("quoted") for result in data["results"]]


#: A result marked quoted with no claim, in each format, and where its ``quoted`` value is.
UNQUOTABLE = {
    "yaml": ("id: q\ntitle: Q\ndeveloper: {name: A}\nmodels: [{id: a, name: A, launched: true}]\n"
             "benchmarks: [{id: x, name: X, category: c}]\nresults:\n"
             "  - {benchmark: x, model: a, score: 5, quoted: true}\n", (7, 48)),
    "json": ('{"id": "q", "title": "Q", "developer": {"name": "A"},\n'
             ' "models": [{"id": "a", "name": "A", "launched": true}],\n'
             ' "benchmarks": [{"id": "x", "name": "X", "category": "c"}],\n'
             ' "results": [{"benchmark": "x", "model": "a", "score": 5, "quoted": true}]}\n', (4, 69)),
    "toml": ('id = "q"\ntitle = "Q"\ndeveloper = {name = "A"}\n'
             'models = [{id = "a", name = "A", launched = true}]\n'
             'benchmarks = [{id = "x", name = "X", category = "c"}]\n'
             '[[results]]\nbenchmark = "x"\nmodel = "a"\nscore = 5\nquoted = true\n', (10, 10)),
}  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_quoted_without_a_claim_is_a_located_problem(fmt: str) -> None:
    """``quoted: true`` on a result without a claim is reported at the result's ``quoted``."""
    text, at = UNQUOTABLE[fmt]
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text, fmt)
    assert [
        (
            at,
            "results[0].quoted",
            "marked as the source's exact words, but there is no claim: give the words in"
            " `claim`, or set `quoted` to false",
        )
    ] == [((p.line, p.column), p.path, p.message) for p in caught.value.problems]


def test_dates_are_written_as_iso_text(muse: lb.Launch) -> None:
    """Dates are written as ISO text in every format."""
    assert muse.as_of is not None
    assert muse.as_of.isoformat() == json.loads(lb.dumps(muse, "json"))["as_of"]


def test_json_dump_keeps_unicode_readable() -> None:
    """The JSON dump writes non-ASCII text as UTF-8, not as escapes."""
    assert "مرحبا" in lb.dumps(HOSTILE, "json")


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_survives_every_format(fmt: str, tmp_path: Path) -> None:
    """Formula triggers, control characters, BOM, bidi text and long strings come back exactly."""
    path = lb.dump(HOSTILE, tmp_path / f"hostile.{fmt}")
    assert HOSTILE == lb.load(path)


def test_to_data_and_from_data_round_trip(muse: lb.Launch) -> None:
    """to_data gives plain data that from_data builds back into an equal record."""
    data = io.to_data(muse)
    assert muse == io.from_data(json.loads(json.dumps(data)))


def test_from_data_refuses_non_mapping() -> None:
    """from_data on something that is not a mapping raises a problem, not a TypeError."""
    with pytest.raises(lb.InvalidLaunchError) as caught:
        io.from_data(["a", "list"], name="data")
    assert ["expected a mapping of fields at the top level, got a list"] == [
        p.message for p in caught.value.problems
    ]


def test_enum_values_accept_human_spellings() -> None:
    """Enum values may be written as people type them: 'Rolling out', 'rolling-out'."""
    text = lb.dumps(lb.load("muse-spark"), "yaml").replace(
        "status: rolling_out", "status: Rolling out"
    )
    assert "Rolling out" in text
    assert lb.load("muse-spark") == lb.loads(text)


# --------------------------------------------------------------------------- numbers as written

#: A launch whose every number is written as a source would write it.
WRITTEN = """\
schema_version: 2
id: written
title: Numbers as written
developer: {name: Lab}
models:
  - id: m
    name: M
    launched: true
    specs: {parameters: 8e9, active_parameters: 1.5e9, context_window: 131072, layers: 62, ratio: 0.50}
  - {id: r, name: R}
cohorts:
  - {id: it, name: Instruct, settings: {shots: 0, temperature: 0.60, top_p: 0.95, weight: 1.0}}
benchmarks:
  - {id: mmlu, name: MMLU, category: k}
  - {id: mt, name: MT-Bench, category: chat, scale: points, min: 0, max: 10.0}
  - {id: tiny, name: Tiny, category: k, scale: fraction}
results:
  - {benchmark: mmlu, model: m, cohort: it, score: 66.0}
  - {benchmark: mmlu, model: r, cohort: it, score: 85.20}
  - {benchmark: mt, model: m, score: 9.35}
  - {benchmark: mt, model: r, score: 8.90}
  - {benchmark: tiny, model: m, score: 0.0007}
  - {benchmark: tiny, model: r, score: 1e-4}
  - {benchmark: mmlu, model: m, score: 70}
"""

#: Each number of WRITTEN and how it must be written again.
WRITTEN_NUMBERS = {
    "models[0].specs.parameters": "8e9",
    "models[0].specs.active_parameters": "1.5e9",
    "models[0].specs.other.ratio": "0.50",
    "cohorts[0].settings.temperature": "0.60",
    "cohorts[0].settings.top_p": "0.95",
    "cohorts[0].settings.other.weight": "1.0",
    "benchmarks[1].max": "10.0",
    "results[0].score": "66.0",
    "results[1].score": "85.20",
    "results[2].score": "9.35",
    "results[3].score": "8.90",
    "results[4].score": "0.0007",
    "results[5].score": "1e-4",
    "results[6].score": "70",
}


def written_numbers(launch: lb.Launch) -> dict[str, str]:
    """Every decimal of ``launch`` as it would be printed."""
    return {
        path: n.text
        for path, n in numbers(launch)
        if isinstance(n, Score) and path in WRITTEN_NUMBERS
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_keep_how_they_were_written(fmt: str) -> None:
    """66.0 stays 66.0, 85.20 stays 85.20, 8e9 stays 8e9, 0.0007 is never 0, in every format."""
    launch = lb.loads(WRITTEN, "yaml")
    assert WRITTEN_NUMBERS == written_numbers(launch)
    text = lb.dumps(launch, fmt)
    for shown in ("66.0", "85.20", "8e9", "0.0007", "8.90", "0.60", "10.0"):
        assert shown in text, (fmt, shown)
    again = lb.loads(text, fmt)
    assert launch == again
    assert WRITTEN_NUMBERS == written_numbers(again)
    assert text == lb.dumps(again, fmt)


def test_whole_numbers_stay_whole_and_integers_stay_integers() -> None:
    """A score written 70 is dumped 70 (not 70.0); shots and context window stay integers."""
    launch = lb.loads(WRITTEN, "yaml")
    data = json.loads(lb.dumps(launch, "json"))
    assert 70 == data["results"][6]["score"]
    assert '"score": 70\n' in lb.dumps(launch, "json")
    assert (0, 131072) == (
        data["cohorts"][0]["settings"]["shots"],
        data["models"][0]["specs"]["context_window"],
    )
    assert isinstance(launch.models[0].specs.context_window, int)  # type: ignore[union-attr]


def test_written_scores_given_in_python_are_dumped_as_written() -> None:
    """Scores built in code from text (Score("85.20")) dump as written too."""
    launch = lb.loads(WRITTEN, "yaml")
    results = tuple(
        attrs.evolve(r, score=Score("85.200")) if r.score == 85.2 else r for r in launch.results
    )
    text = lb.dumps(attrs.evolve(launch, results=results), "toml")
    assert "score = 85.200" in text


# --------------------------------------------------------------------------- properties


@pytest.mark.parametrize("fmt", FORMATS)
@given(launch=launches())
def test_loads_dumps_round_trip_property(fmt: str, launch: lb.Launch) -> None:
    """For any valid launch, loads(dumps(x)) == x in YAML, JSON and TOML, every Score as written."""
    again = lb.loads(lb.dumps(launch, fmt), fmt)
    assert launch == again
    assert_written_alike(launch, again)


def assert_written_alike(launch: lb.Launch, again: lb.Launch) -> None:
    """Every number of ``again`` equals ``launch``'s; each Score keeps its written text.

    Plain floats come back as Scores written as Python prints them, and stay so.
    """
    before, after = dict(numbers(launch)), dict(numbers(again))
    assert before.keys() == after.keys()
    for path, number in before.items():
        assert number == after[path], path
        if isinstance(number, Score):
            assert number.text == after[path].text, path  # type: ignore[attr-defined]


@given(launch=launches())
def test_load_dump_round_trip_through_files_property(launch: lb.Launch) -> None:
    """For any valid launch, load(dump(x, path)) == x for every suffix."""
    with tempfile.TemporaryDirectory() as folder:
        for suffix in SUFFIXES:
            path = lb.dump(launch, Path(folder) / f"launch{suffix}")
            again = lb.load(path)
            assert launch == again
            assert_written_alike(launch, again)
            # Written once, a number is written the same way ever after.
            assert lb.dumps(again, SUFFIXES[suffix]) == lb.dumps(lb.load(path), SUFFIXES[suffix])


@settings(max_examples=_LARGE_EXAMPLES)
@given(
    launch=launches(
        min_results=50,
        max_results=300,
        max_sources=60,
        max_models=20,
        max_benchmarks=20,
        max_surfaces=30,
        max_insights=30,
    )
)
def test_large_launches_round_trip_property(launch: lb.Launch) -> None:
    """Large records (hundreds of results, dozens of sources) round-trip in every format."""
    for fmt in FORMATS:
        again = lb.loads(lb.dumps(launch, fmt), fmt)
        assert launch == again
        assert_written_alike(launch, again)


@pytest.mark.parametrize("fmt", FORMATS)
@given(launch=launches())
def test_dumps_are_stable_property(fmt: str, launch: lb.Launch) -> None:
    """Dumping what was loaded gives the same text: numbers, keys and order are settled."""
    text = lb.dumps(launch, fmt)
    assert text == lb.dumps(lb.loads(text, fmt), fmt)


def test_a_path_never_names_a_built_in_launch() -> None:
    """`load(Path("muse-spark"))` says a built-in is loaded by its name as a string."""
    with pytest.raises(FileNotFoundError, match=r"pass its name as a string: load\('muse-spark'\)"):
        lb.load(Path("muse-spark"))


def test_a_mistyped_built_in_name_gets_a_suggestion() -> None:
    """A name close to a built-in launch's is answered with that name."""
    with pytest.raises(FileNotFoundError, match="did you mean 'muse-spark'"):
        lb.load("muse-sprk")


@pytest.mark.parametrize("claim", ["A" * n for n in range(1, 40, 3)])
def test_toml_dump_of_plain_floats_is_stable(claim: str) -> None:
    """A record built in Python with plain floats dumps to TOML as its loaded copy does: the
    writer lays a short result out inline by its length, and a float and a Score count alike."""
    launch = lb.loads(
        """
        schema_version: 2
        id: t
        title: T launches T
        developer: {name: T}
        models: [{id: m, name: M, launched: true}]
        benchmarks: [{id: b, name: B, category: c}]
        results: [{benchmark: b, model: m, score: 0.0, settings: {}, claim: x}]
        """,
        "yaml",
    )
    built = attrs.evolve(launch.results[0], score=0.0, claim=claim)
    assert not isinstance(built.score, Score)
    launch = attrs.evolve(launch, results=(built,))
    text = lb.dumps(launch, "toml")
    assert text == lb.dumps(lb.loads(text, "toml"), "toml")
