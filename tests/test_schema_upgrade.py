"""Schema-1 records keep loading: every rule of the upgrade, and the files 0.1.0 wrote.

``launchbrief._convert.upgrade`` turns a schema-1 record into schema 2 before it is
built: the ``model`` block becomes the launched model's entry, ``announced`` the first
dated event, modes without a status stay live, a benchmark's settings text becomes
``{note: text}``. Problems in a schema-1 file are still reported where the user wrote
them (``model.capabilities[1]``, ``announced``), never at the upgraded path.
tests/data/v1 holds the built-in launch as launchbrief 0.1.0 wrote it, in every format.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import launchbrief as lb
from launchbrief import io
from launchbrief._convert import upgrade
from tests.samples import facts

V1 = Path(__file__).parent / "data" / "v1"

#: A small schema-1 record, as 0.1.0 read and wrote them.
SCHEMA_1: dict[str, Any] = {
    "schema_version": 1,
    "id": "demo-launch",
    "title": "Demo",
    "announced": "2026-04-08",
    "developer": {"name": "Demo Labs"},
    "model": {
        "id": "demo-one",
        "summary": "A small model.",
        "family": "Demo",
        "predecessor": "Demo Zero",
        "modalities": ["text"],
        "capabilities": ["tool use"],
        "powers": ["Demo app"],
        "sources": ["press", "blog"],
    },
    "models": [
        {"id": "rival", "name": "Rival"},
        {"id": "demo-one", "name": "Demo One", "sources": ["blog", "chart"]},
    ],
    "modes": [
        {"id": "fast", "name": "Fast", "order": 1},
        {"id": "deep", "name": "Deep", "order": 2, "status": "planned"},
    ],
    "benchmarks": [
        {"id": "quiz", "name": "Quiz", "category": "c", "settings": "0-shot, pass@1"},
        {"id": "race", "name": "Race", "category": "c"},
    ],
    "sources": [
        {"id": "press", "name": "Press", "kind": "press"},
        {"id": "blog", "name": "Blog", "kind": "vendor"},
        {"id": "chart", "name": "Chart", "kind": "vendor"},
    ],
}


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch (schema 2)."""
    return lb.load("muse-spark")


# --------------------------------------------------------------------------- the rules


def test_model_block_becomes_the_launched_model_entry() -> None:
    """The block's fields join the model's entry, which is marked launched; sources merge in order."""
    data, renames, problems = upgrade(copy.deepcopy(SCHEMA_1))
    assert [] == problems
    assert "model" not in data
    assert 2 == data["schema_version"]
    assert {"id": "rival", "name": "Rival"} == data["models"][0]
    assert {
        "id": "demo-one",
        "name": "Demo One",
        "launched": True,
        "summary": "A small model.",
        "family": "Demo",
        "predecessor": "Demo Zero",
        "modalities": ["text"],
        "capabilities": ["tool use"],
        "powers": ["Demo app"],
        "sources": ["blog", "chart", "press"],
    } == data["models"][1]
    assert "model.capabilities" == renames["models[1].capabilities"]
    assert "model.summary" == renames["models[1].summary"]


def test_announced_becomes_the_first_dated_event() -> None:
    """``announced`` is the first entry of ``dates``, an event named announced."""
    data, renames, _problems = upgrade(copy.deepcopy(SCHEMA_1))
    assert "announced" not in data
    assert [{"event": "announced", "date": "2026-04-08"}] == data["dates"]
    assert "announced" == renames["dates[0].date"]
    launch = io.from_data(copy.deepcopy(SCHEMA_1))
    assert date(2026, 4, 8) == launch.announced


def test_modes_without_a_status_stay_live() -> None:
    """Schema 1 took a mode without a status as live; the upgrade says so (schema 2 would say unknown)."""
    data, _renames, _problems = upgrade(copy.deepcopy(SCHEMA_1))
    assert ["live", "planned"] == [mode["status"] for mode in data["modes"]]
    launch = io.from_data(copy.deepcopy(SCHEMA_1))
    assert [lb.RolloutStatus.LIVE, lb.RolloutStatus.PLANNED] == [m.status for m in launch.modes]


def test_settings_text_becomes_a_note() -> None:
    """A benchmark's settings text is kept whole as the free key ``note``."""
    data, renames, _problems = upgrade(copy.deepcopy(SCHEMA_1))
    assert {"note": "0-shot, pass@1"} == data["benchmarks"][0]["settings"]
    assert "settings" not in data["benchmarks"][1]
    assert "benchmarks[0].settings" == renames["benchmarks[0].settings.note"]
    launch = io.from_data(copy.deepcopy(SCHEMA_1))
    assert lb.Settings(other=(("note", "0-shot, pass@1"),)) == launch.benchmark("quiz").settings


def test_an_upgraded_record_is_a_schema_2_launch() -> None:
    """The upgraded record builds, dumps as schema 2 and loads back equal."""
    launch = io.from_data(copy.deepcopy(SCHEMA_1))
    assert (2, ("demo-one",)) == (launch.schema_version, tuple(m.id for m in launch.launched))
    dumped = json.loads(lb.dumps(launch, "json"))
    assert 2 == dumped["schema_version"]
    assert "model" not in dumped
    assert launch == lb.loads(lb.dumps(launch, "yaml"), "yaml")


def test_a_record_without_a_version_but_with_a_model_block_is_schema_1() -> None:
    """0.1.0 wrote the version, but people leave it out: a ``model`` block says schema 1."""
    data = copy.deepcopy(SCHEMA_1)
    del data["schema_version"]
    upgraded, _renames, problems = upgrade(data)
    assert (2, True, []) == (
        upgraded["schema_version"],
        upgraded["models"][1]["launched"],
        problems,
    )


@pytest.mark.parametrize(
    "data",
    [
        {"schema_version": 2, "id": "x", "model": {"id": "m"}, "announced": "2026-01-01"},
        {"id": "x", "models": [{"id": "m", "launched": True}]},
        {"schema_version": 3, "model": {"id": "m"}},
        {"schema_version": True, "model": {"id": "m"}},
    ],
)
def test_other_records_come_back_unchanged(data: dict[str, Any]) -> None:
    """Schema-2 records, records of other versions and odd versions are not touched."""
    original = copy.deepcopy(data)
    assert (original, {}, []) == upgrade(data)


def test_the_input_is_not_changed() -> None:
    """The upgrade works on a copy: the caller's data stays schema 1."""
    data = copy.deepcopy(SCHEMA_1)
    upgrade(data)
    assert SCHEMA_1 == data


def test_a_block_naming_no_model_is_a_problem_at_model_id() -> None:
    """A ``model`` block whose id is not among the models is reported at ``model.id``."""
    data = copy.deepcopy(SCHEMA_1)
    data["model"]["id"] = "demo-uno"
    _upgraded, _renames, problems = upgrade(data)
    [(path, message)] = problems
    assert "model.id" == path
    assert message.startswith("unknown model 'demo-uno' (known: demo-one, rival")


def test_a_block_that_is_not_a_mapping_is_left_to_the_type_checks() -> None:
    """``model: demo-one`` stays as written, so the file's own key is reported."""
    data = copy.deepcopy(SCHEMA_1)
    data["model"] = "demo-one"
    upgraded, _renames, _problems = upgrade(data)
    assert "demo-one" == upgraded["model"]


# --------------------------------------------------------------------------- located at the user's path


SCHEMA_1_YAML = """\
schema_version: 1
id: demo-launch
title: Demo
announced: {announced}
developer: {{name: Demo Labs}}
model:
  id: demo-one
  capabilities: [tool use, '{capability}']
  summary: {summary}
models:
  - {{id: rival, name: Rival}}
  - {{id: demo-one, name: Demo One}}
benchmarks:
  - {{id: quiz, name: Quiz, category: c, settings: '{settings}'}}
"""


def load_problems(**values: str) -> list[tuple[int | None, int | None, str, str]]:
    """The problems of the schema-1 YAML above with ``values`` filled in."""
    fields = {"announced": "2026-04-08", "capability": "vision", "summary": "ok"}
    fields.update(values)
    fields.setdefault("settings", "0-shot")
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(SCHEMA_1_YAML.format(**fields), "yaml", name="v1.yaml")
    return [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


def load_problems_raw(template: str) -> list[tuple[int | None, int | None, str, str]]:
    """The problems of a schema-1 YAML template filled with valid values."""
    text = template.format(announced="2026-04-08", capability="vision", summary="ok", settings="x")
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text, "yaml", name="v1.yaml")
    return [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


def test_the_schema_1_text_loads() -> None:
    """The template itself is a valid schema-1 record."""
    text = SCHEMA_1_YAML.format(
        announced="2026-04-08", capability="vision", summary="ok", settings="0-shot"
    )
    launch = lb.loads(text, "yaml")
    assert ("tool use", "vision") == launch.lead_model.capabilities


def test_problem_in_the_model_block_is_located_at_the_block() -> None:
    """A capability of the wrong type is reported at ``model.capabilities[1]``, on its line."""
    assert [
        (8, 28, "model.capabilities[1]", "expected text, got the number 5 (put it in quotes)")
    ] == load_problems_raw(SCHEMA_1_YAML.replace("'{capability}'", "5"))


def test_blank_capability_is_located_at_the_block_list() -> None:
    """A blank capability is reported at ``model.capabilities`` (the list), not at models[1]."""
    assert [(8, 17, "model.capabilities", "must not be empty")] == load_problems(capability=" ")


def test_problem_in_model_block_keeps_the_users_path() -> None:
    """The path of a problem in the block names the block, as the user wrote it."""
    [(line, _column, path, message)] = load_problems(summary="[not, text]")
    assert (9, "model.summary", "expected text, got a list") == (line, path, message)


def test_problem_in_announced_is_located_at_announced() -> None:
    """A bad announcement date is reported at ``announced``, not at ``dates[0].date``."""
    [(line, column, path, message)] = load_problems(announced="April 8")
    assert (4, 12, "announced", "expected a date like 2026-04-08, got 'April 8'") == (
        line,
        column,
        path,
        message,
    )


def test_problem_in_settings_text_is_located_at_settings() -> None:
    """Blank settings text is reported at ``benchmarks[0].settings``, where the text was."""
    assert [(14, 51, "benchmarks[0].settings", "must not be empty")] == load_problems(settings=" ")


def test_unknown_launched_model_is_located_at_the_block_id() -> None:
    """A block naming no model is reported at ``model.id`` on its line."""
    text = SCHEMA_1_YAML.format(
        announced="2026-04-08", capability="vision", summary="ok", settings="0-shot"
    ).replace("  id: demo-one", "  id: demo-uno")
    with pytest.raises(lb.InvalidLaunchError) as caught:
        lb.loads(text, "yaml", name="v1.yaml")
    [problem] = caught.value.problems
    assert (7, 7, "model.id") == (problem.line, problem.column, problem.path)
    assert problem.message.startswith("unknown model 'demo-uno'")


# --------------------------------------------------------------------------- the files 0.1.0 wrote


@pytest.mark.parametrize("suffix", ["yaml", "json", "toml"])
def test_v1_text_files_load_as_the_built_in_launch(muse: lb.Launch, suffix: str) -> None:
    """The built-in launch as 0.1.0 dumped it loads with today's built-in record's facts.

    The wording of the built-in record has been edited since (American spelling); every
    fact, id, status and number is the same. The four files load equal to one another.
    """
    path = V1 / f"muse-spark.{suffix}"
    assert 1 == (
        json.loads(path.read_text("utf-8"))["schema_version"]
        if suffix == "json"
        else int(
            next(
                line for line in path.read_text("utf-8").splitlines() if "schema_version" in line
            ).split()[-1]
        )
    )
    assert facts(muse) == facts(lb.load(path))
    assert lb.load(V1 / "muse-spark.yaml") == lb.load(path)


def test_v1_workbook_loads_as_the_built_in_launch(muse: lb.Launch) -> None:
    """The workbook 0.1.0 exported (schema 1) reads back as the files 0.1.0 dumped."""
    workbook = lb.load(V1 / "muse-spark.xlsx")
    assert lb.load(V1 / "muse-spark.yaml") == workbook
    assert facts(muse) == facts(workbook)


def test_v1_files_upgrade_without_a_warning(recwarn: pytest.WarningsRecorder) -> None:
    """Loading a schema-1 file gives no warning a user must act on."""
    for path in sorted(V1.glob("muse-spark.*")):
        lb.load(path)
    assert [] == [str(w.message) for w in recwarn]


def test_v1_claims_are_paraphrases() -> None:
    """Schema 1 never said a claim was the source's exact words: its claims load unquoted."""
    for path in sorted(V1.glob("muse-spark.*")):
        claims = [(r.claim, r.quoted) for r in lb.load(path).results if r.claim is not None]
        assert claims, path.name
        assert [False] * len(claims) == [quoted for _claim, quoted in claims], path.name


def test_v1_launch_keeps_its_live_modes_and_launched_model(muse: lb.Launch) -> None:
    """Upgraded: Muse Spark is the launched model; Default and Thinking stay live."""
    launch = lb.load(V1 / "muse-spark.yaml")
    assert ("muse-spark",) == tuple(model.id for model in launch.launched)
    assert [lb.RolloutStatus.LIVE, lb.RolloutStatus.LIVE, lb.RolloutStatus.ROLLING_OUT] == [
        mode.status for mode in launch.modes
    ]
    assert None is launch.announced
