"""The JSON Schema and ``launchbrief validate`` agree on every file a schema can judge.

An independent validator (the ``jsonschema`` library, draft 2020-12 with a format
checker; and once the ``check-jsonschema`` command, whose regexes are ECMA-262 like
an editor's) reads the valid files, the whole bad-input corpus (tests/data/bad) and
the snippets below; its verdict must be :func:`launchbrief.load`'s. Files refused
before any field is read (not text, not well-formed, duplicate keys, alias bombs,
too deep) are out of a schema's reach. Files whose only problem is one a schema
cannot express are listed in :data:`VALIDATOR_ONLY`, with the reason, as in
docs/schema.md.

YAML is read as editors read it (yaml-language-server: YAML 1.2, core schema): a
date such as ``2026-04-08`` stays text, ``yes`` is text, ``8e9`` is a number. TOML's
dates and times, which its parser makes objects, are turned into ISO text before
validating, as JSON Schema tools see dates; mapping keys become text, as in
check-jsonschema.
"""

from __future__ import annotations

import json
import math
import random
import re
import subprocess
import sys
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

import launchbrief as lb
from launchbrief import io
from launchbrief._convert import TypeProblem, _structure_date, _structure_enum
from launchbrief._locate import ParseFailure, parse_json, parse_yaml
from launchbrief._schema import DATE_PATTERN, json_schema

ROOT = Path(__file__).parent.parent
TESTS = Path(__file__).parent
BAD = TESTS / "data" / "bad"
SCHEMA_FILE = ROOT / "schema" / "launch.schema.json"
DOCS = ROOT / "docs" / "schema.md"

#: Valid launch files of every kind: examples, the built-in launches, the schema-2
#: illustration, schema-1 files as 0.1.0 wrote them, the bases of the bad corpus.
VALID = sorted(
    [
        *(ROOT / "examples").glob("*.yaml"),
        *(ROOT / "src" / "launchbrief" / "_datasets").glob("*.yaml"),
        TESTS / "data" / "aster-2.yaml",
        *(TESTS / "data" / "good").iterdir(),
        *(TESTS / "data" / "v1").glob("muse-spark.*[!x]"),  # yaml, json, toml; not xlsx
        *BAD.glob("_base-valid*.yaml"),
    ]
)

#: Problems only ``launchbrief validate`` finds: why a schema cannot say them.
KINDS = {
    "reference": "an id that must name a record elsewhere in the file (a result's model, a source)",
    "duplicate": "two records with the same id, or two results for the same model, benchmark, cohort and mode",
    "scale": "a score outside its benchmark's scale (percent 0–100, fraction 0–1, min to max)",
    "cross-field": "a rule between two fields of a record: min below max, a model compared with itself",
    "nan": "NaN (not a number): no schema keyword refuses it, and JSON has no such value",
    "surrogate": "half a character from a broken \\u escape: editors' regexes cannot see one",
}

#: Bad-corpus files whose only problems are of those kinds: the schema accepts them.
VALIDATOR_ONLY = {
    "comparison-with-itself.yaml": "cross-field",
    "dangling-benchmark.yaml": "reference",
    "dangling-comparison-versus.yaml": "reference",
    "dangling-launched-model.toml": "reference",
    "dangling-mode.json": "reference",
    "dangling-model.yaml": "reference",
    "dangling-source.yaml": "reference",
    "duplicate-benchmark-other-scale.yaml": "duplicate",
    "duplicate-ids.yaml": "duplicate",
    "duplicate-model-id.json": "duplicate",
    "json-lone-surrogate.json": "surrogate",
    "score-fraction-over-1.yaml": "scale",
    "score-nan.json": "nan",
    "score-nan.toml": "nan",
    "score-nan.yaml": "nan",
    "score-negative-percent.json": "scale",
    "score-percent-over-100.yaml": "scale",
    "second-result.yaml": "duplicate",
    "v2-bad-cohort-reference.json": "reference",
    "v2-bad-cohort-reference.yaml": "reference",
    "v2-min-not-below-max.yaml": "cross-field",
    "v2-score-outside-min-max.toml": "scale",
    "v2-score-outside-min-max.yaml": "scale",
    "v2-second-result-same-cohort.yaml": "duplicate",
}


# --------------------------------------------------------------------------- reading


class EditorLoader(yaml.SafeLoader):
    """PyYAML with YAML 1.2's core schema, as yaml-language-server reads files.

    PyYAML speaks YAML 1.1, where ``2026-04-08`` is a date, ``yes`` a boolean and
    ``8e9`` text; in YAML 1.2 (editors, and launchbrief) they are text, text and a
    number. Only the core schema's null, booleans, integers and floats are resolved.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class registry


def _core_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    # An integer too long for Python's int() is a float to JavaScript: Infinity.
    return int(text) if len(text) < 4000 else float(text)  # type: ignore[return-value]


def _core_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if text == ".nan" else float(text)


for _tag, _pattern, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
):
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)
EditorLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
EditorLoader.add_constructor("tag:yaml.org,2002:float", _core_float)


def _as_json(value: Any) -> Any:
    """Data as JSON Schema tools see it: dates and times as ISO text, keys as text."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def editor_view(path: Path) -> Any:
    """The file's data as an editor or check-jsonschema sees it (see the module's docstring)."""
    text = io._decode(path.read_bytes(), str(path))
    if path.suffix == ".json":
        # An integer too long for Python's int() is a float to JavaScript: Infinity.
        return _as_json(json.loads(text, parse_int=lambda s: int(s) if len(s) < 4000 else float(s)))
    if path.suffix == ".toml":
        return _as_json(tomllib.loads(text))
    return _as_json(yaml.load(text, Loader=EditorLoader))


def refused_as_text(path: Path) -> bool:
    """Whether launchbrief refuses the file before reading any field (so no schema can judge it)."""
    try:
        text = io._decode(path.read_bytes(), str(path))
        if path.suffix == ".json":
            parse_json(text)
        elif path.suffix == ".toml":
            io._parse_toml(text)
        else:
            parse_yaml(text)
    except (ParseFailure, lb.InvalidLaunchError):
        return True
    return False


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """The jsonschema library's draft 2020-12 validator over our schema, formats checked."""
    return Draft202012Validator(json_schema(), format_checker=FormatChecker())


def schema_errors(validator: Draft202012Validator, data: Any) -> list[str]:
    """What the schema says is wrong with ``data``, one line per problem."""
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(data)]


def loads_cleanly(path_or_text: Path | str) -> bool:
    """Whether launchbrief takes the file (or YAML text)."""
    try:
        if isinstance(path_or_text, Path):
            lb.load(path_or_text)
        else:
            lb.loads(path_or_text, "yaml")
    except lb.InvalidLaunchError:
        return False
    return True


# --------------------------------------------------------------------------- the schema


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself follows the draft 2020-12 metaschema, and its patterns compile."""
    Draft202012Validator.check_schema(json_schema())


def test_checked_in_schema_is_what_launchbrief_schema_prints() -> None:
    """schema/launch.schema.json is ``json_schema()`` with indent 2 and a final newline."""
    expected = json.dumps(json_schema(), indent=2) + "\n"
    assert expected == SCHEMA_FILE.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("path", VALID, ids=lambda path: str(path.relative_to(ROOT)))
def test_valid_files_follow_the_schema(validator: Draft202012Validator, path: Path) -> None:
    """Every valid launch file (schema 1 and 2, YAML, JSON and TOML) loads and follows the schema."""
    assert loads_cleanly(path)
    assert [] == schema_errors(validator, editor_view(path))


def _corpus() -> list[Path]:
    return sorted(
        path
        for path in BAD.iterdir()
        if path.name != "EXPECTED.toml" and not path.name.startswith("_")
    )


@pytest.mark.parametrize("path", _corpus(), ids=lambda path: path.name)
def test_bad_corpus_agrees_with_the_loader(validator: Draft202012Validator, path: Path) -> None:
    """Each bad file the schema can judge is refused by both, except the validator-only ones."""
    assert not loads_cleanly(path)
    if refused_as_text(path):
        # Out of a schema's reach: every problem is about the text, not a field.
        expected = tomllib.loads((BAD / "EXPECTED.toml").read_text(encoding="utf-8"))
        for problem in expected[path.name]["problems"]:
            says = " ".join(problem["says"])
            assert problem["path"] == "" or "duplicate key" in says or "nested" in says
        assert path.name not in VALIDATOR_ONLY
        return
    errors = schema_errors(validator, editor_view(path))
    if path.name in VALIDATOR_ONLY:
        assert [] == errors, VALIDATOR_ONLY[path.name]
    else:
        assert errors, "the schema accepts a file launchbrief refuses"


def test_validator_only_kinds_are_listed_in_the_docs() -> None:
    """docs/schema.md lists every kind of problem only ``launchbrief validate`` finds."""
    docs = DOCS.read_text(encoding="utf-8")
    for reason in KINDS.values():
        assert reason in docs
    assert set(VALIDATOR_ONLY.values()) == set(KINDS)


# --------------------------------------------------------------------------- snippets

BASE = """\
schema_version: 2
id: demo
title: Demo Labs launches Demo One
as_of: 2026-04-08
developer: {name: Demo Labs}
models:
  - {id: demo-one, name: Demo One, launched: true}
  - {id: rival, name: Rival}
modes:
  - {id: fast, name: Fast, order: 1}
surfaces:
  - {id: app, name: Demo app, kind: app, status: live}
benchmarks:
  - {id: quiz, name: Quiz, category: knowledge}
results:
  - {benchmark: quiz, model: demo-one, score: 80, sources: [blog]}
sources:
  - {id: blog, name: Blog, kind: vendor}
"""

SCHEMA_1 = """\
schema_version: 1
id: demo
title: Demo Labs launches Demo One
announced: 2026-04-08
developer: {name: Demo Labs}
model: {id: demo-one, summary: A small model., modalities: [text]}
models:
  - {id: demo-one, name: Demo One}
benchmarks:
  - {id: quiz, name: Quiz, category: knowledge, settings: 5-shot}
results:
  - {benchmark: quiz, model: demo-one, score: 80}
"""

#: (what changes in BASE, or a whole file, whether it is valid)
SNIPPETS = [
    ("status: live", "status: Live", True),
    ("status: live", "status: rolling-out", True),
    ("status: live", "status: Rolling out", True),
    ("status: live", "status: ' LIVE '", True),
    ("kind: app", "kind: API", True),
    ("kind: vendor", "kind: Third-party", True),
    ("as_of: 2026-04-08", "as_of: 2025-05-01T10:00:00", True),
    ("as_of: 2026-04-08", "as_of: 2025-05-01 10:00:00Z", True),
    ("as_of: 2026-04-08", "as_of: 2024-02-29", True),
    ("schema_version: 2\n", "$schema: ../schema/launch.schema.json\nschema_version: 2\n", True),
    ("score: 80,", "claim: ahead of Rival,", True),
    ("score: 80,", "comparisons: [{relation: leads, versus: [rival]}],", True),
    ("category: knowledge}", "category: chat, scale: points, min: 0, max: 100}", True),
    ("score: 80,", "score: 80, settings: {shots: 5, metric: pass@1},", True),
    ("id: demo\n", "id: Demo_Launch\n", False),
    ("id: demo\n", "id: con\n", False),
    ("title: Demo Labs launches Demo One", "title: ''", False),
    ("title: Demo Labs launches Demo One", "title: '   '", False),
    ("schema_version: 2", "schema_version: 3", False),
    ("order: 1", "order: 0", False),
    ("score: 80, ", "", False),
    ("score: 80,", "comparisons: [],", False),
    ("score: 80,", "score: 80, quoted: true,", False),
    ("status: live", "status: soon", False),
    ("as_of: 2026-04-08", "as_of: 2026-02-30", False),
    ("as_of: 2026-04-08", "as_of: April 8", False),
    ("launched: true", "launched: false", False),
    ("launched: true", "launched: yes", False),
    ("category: knowledge}", "category: knowledge, min: 0}", False),
    ("model: demo-one, score", "model: demo one, score", False),
    ("sources: [blog]", "sources: [Blog Post]", False),
    ("score: 80,", "score: 80, settings: {top_p: 0},", False),
    ("score: 80,", "score: 80, settings: {pass@k: 1},", False),
    ("schema_version: 2\n", "$schema: 5\nschema_version: 2\n", False),
    ("modes:", "model: {id: demo-one}\nmodes:", False),
    ("as_of: 2026-04-08", "announced: 2026-04-08", False),
    ("category: knowledge}", "category: knowledge, settings: 5-shot}", False),
    (SCHEMA_1, SCHEMA_1, True),
    (SCHEMA_1, SCHEMA_1.replace("schema_version: 1\n", ""), True),
    (SCHEMA_1, SCHEMA_1.replace("schema_version: 1", "schema_version: 2"), False),
    (SCHEMA_1, SCHEMA_1.replace("model: {id: demo-one, ", "model: {"), False),
    (
        SCHEMA_1,
        SCHEMA_1.replace(
            "model: {id: demo-one, summary: A small model., modalities: [text]}\n", ""
        ),
        False,
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "valid"),
    SNIPPETS,
    ids=[f"{'valid' if valid else 'invalid'}:{new.strip()[:40]}" for _old, new, valid in SNIPPETS],
)
def test_snippets_agree_with_the_loader(
    validator: Draft202012Validator, old: str, new: str, valid: bool, tmp_path: Path
) -> None:
    """Human spellings, dates with times, schema 1 and each rule: the schema judges as the loader."""
    text = new if old == SCHEMA_1 else BASE.replace(old, new)
    assert text != BASE or valid
    assert valid == loads_cleanly(text)
    file = tmp_path / "snippet.yaml"
    file.write_text(text, encoding="utf-8")
    errors = schema_errors(validator, editor_view(file))
    assert valid == (errors == []), errors


# --------------------------------------------------------------------------- the command


def _check_jsonschema(*files: Path) -> dict[str, Any]:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(SCHEMA_FILE),
            "--output-format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report: dict[str, Any] = json.loads(run.stdout)
    return report


def test_check_jsonschema_agrees_on_yaml_files() -> None:
    """The check-jsonschema command (ECMA-262 regexes, YAML 1.2) passes the valid YAML files
    and fails each bad YAML file the schema judges."""
    valid = [path for path in VALID if path.suffix == ".yaml"]
    report = _check_jsonschema(*valid)
    assert ("ok", []) == (report["status"], report["errors"])
    judged = [
        path
        for path in _corpus()
        if path.suffix in (".yaml", ".yml")
        and path.name not in VALIDATOR_ONLY
        and not refused_as_text(path)
        # ruamel.yaml (check-jsonschema's parser) crashes on an integer of 5,001 digits.
        and path.name != "score-huge-integer.yaml"
    ]
    report = _check_jsonschema(*judged)
    assert {str(path) for path in judged} == {error["filename"] for error in report["errors"]}


# --------------------------------------------------------------------------- dates and enums


def _loader_takes_date(text: str) -> bool:
    try:
        _structure_date(text, date)
    except TypeProblem:
        return False
    return True


def test_every_date_the_schema_takes_loads() -> None:
    """No date text passes the schema's pattern but fails the loader (mutations of many shapes)."""
    pattern = re.compile(DATE_PATTERN)
    rng = random.Random(12)
    pieces = [*"0123456789", "-", "W", "T", "t", ":", ".", ",", "Z", "+", " ", "x", "\n"]
    days = ["2025-05-01", "20250501", "2025-W01", "2025-W01-1", "2025W01", "2025W011", "2024-02-29"]
    times = ["T10:00", "T10:00:00.5", "t10:00Z", "T10:00+05:30", " 10:00:00,25-0530"]
    shapes = days + [f"2025-05-01{clock}" for clock in times]
    cases = set(shapes) | {f"{year:04d}-02-29" for year in range(0, 10000, 4)}
    for shape in shapes:
        for _ in range(200):
            chars = list(shape)
            place = rng.randrange(len(chars))
            change = rng.randrange(3)
            if change == 0:
                chars[place] = rng.choice(pieces)
            elif change == 1:
                chars.insert(place, rng.choice(pieces))
            else:
                del chars[place]
            cases.add("".join(chars))
    taken = [case for case in cases if pattern.search(case)]
    assert [] == [case for case in taken if not _loader_takes_date(case)]
    assert set(shapes) <= set(taken)
    assert not pattern.search("1900-02-29")
    assert not pattern.search("2026-04-08\n")


@pytest.mark.parametrize(
    "enum_type",
    [lb.SurfaceKind, lb.RolloutStatus, lb.Scale, lb.Direction, lb.Relation, lb.SourceKind],
    ids=lambda enum_type: enum_type.__name__,
)
def test_enum_spellings_agree(validator: Draft202012Validator, enum_type: Any) -> None:
    """Each value in any case, with spaces or hyphens for underscores, passes both; others fail both."""
    check = Draft202012Validator(_enum_node(validator, enum_type))
    for member in enum_type:
        for spelling in (
            member.value,
            member.value.upper(),
            member.value.replace("_", " ").title(),
            member.value.replace("_", "-"),
            f" {member.value} ",
        ):
            assert _structure_enum(spelling, enum_type) is member
            assert check.is_valid(spelling), spelling
        wrong_ones: list[Any] = [member.value + "s", f"{member.value}.", "", 1, None]
        if "_" in member.value:
            wrong_ones.append(member.value.replace("_", ""))
        for wrong in wrong_ones:
            with pytest.raises(TypeProblem):
                _structure_enum(wrong, enum_type)
            assert not check.is_valid(wrong), wrong


def _enum_node(validator: Draft202012Validator, enum_type: Any) -> dict[str, Any]:
    """The schema of a field holding ``enum_type``."""
    schema = validator.schema
    for record in schema["$defs"].values():
        for node in record.get("properties", {}).values():
            options = node.get("anyOf", [])
            if options and options[0].get("enum") == [member.value for member in enum_type]:
                return dict(node)
    raise AssertionError(f"no field holds {enum_type.__name__}")


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_schema_key_is_read_past_and_never_written(fmt: str) -> None:
    """A top-level "$schema" is accepted and ignored in every text format; dumps never write it."""
    launch = lb.load("muse-spark")
    text = lb.dumps(launch, fmt)
    named = {
        "yaml": f"$schema: {SCHEMA_FILE.name}\n{text}",
        "json": '{\n  "$schema": "launch.schema.json",' + text.removeprefix("{"),
        "toml": f'"$schema" = "launch.schema.json"\n{text}',
    }[fmt]
    assert launch == lb.loads(named, fmt)
    assert "$schema" not in lb.dumps(lb.loads(named, fmt), fmt)
