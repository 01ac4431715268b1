"""Tests of the JSON Schema of launch files: it matches the model and accepts every valid dump."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator, FormatChecker

import launchbrief as lb
from launchbrief import io
from launchbrief._schema import SCHEMA_ID, json_schema
from tests.strategies import launches

RECORDS = (
    lb.Launch,
    lb.Source,
    lb.Developer,
    lb.DatedEvent,
    lb.License,
    lb.Model,
    lb.Mode,
    lb.Surface,
    lb.Cohort,
    lb.Benchmark,
    lb.Comparison,
    lb.Result,
    lb.SafetyFinding,
    lb.UseCase,
    lb.Insight,
)
#: Records with free keys beside their named fields: ``{shots: 5, metric: pass@1}``.
FREE_RECORDS = (lb.Settings, lb.Specs)
ASTER = Path(__file__).parent / "data" / "aster-2.yaml"


def violations(data: Any, schema: dict[str, Any]) -> list[str]:
    """Where ``data`` breaks ``schema``, by the jsonschema library (draft 2020-12, formats checked)."""
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return sorted(f"{error.json_path}: {error.message}" for error in validator.iter_errors(data))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The JSON Schema of launch files."""
    return json_schema()


def test_schema_is_plain_json(schema: dict[str, Any]) -> None:
    """The schema survives a JSON round trip: it holds nothing JSON cannot say."""
    assert schema == json.loads(json.dumps(schema))
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]
    assert SCHEMA_ID == schema["$id"]
    assert SCHEMA_ID.endswith("/schema/launch.schema.json")


def test_every_property_and_record_is_described(schema: dict[str, Any]) -> None:
    """Every record and every property has a description: an editor shows it on hover."""
    records = {"Launch": schema, **schema["$defs"]}
    for name, record in records.items():
        assert record["description"].strip(), name
        for key, node in record["properties"].items():
            assert node["description"].strip(), f"{name}.{key}"
    assert "percent 0–100" in schema["$defs"]["Result"]["properties"]["score"]["description"]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_every_record_field_is_described(schema: dict[str, Any], cls: type) -> None:
    """Each record's schema lists exactly its fields, requires those without a default, and forbids others."""
    node = schema if cls is lb.Launch else schema["$defs"][cls.__name__]
    fields = attrs.fields(cls)
    names = [field.name for field in fields]
    required = [field.name for field in fields if field.default is attrs.NOTHING]
    if cls is lb.Launch:
        # The file may name its schema; schema 1's keys are accepted in schema-1 files only;
        # and a launch needs a launched model (launch_problems).
        names = ["$schema", *names, "model", "announced"]
        required.append("models")
    assert names == list(node["properties"])
    assert required == node.get("required", [])
    assert node["additionalProperties"] is False


@pytest.mark.parametrize("cls", FREE_RECORDS, ids=lambda cls: cls.__name__)
def test_free_key_records_allow_scalars_beside_their_fields(
    schema: dict[str, Any], cls: type
) -> None:
    """Settings and specs list their named fields and take any other key holding a scalar."""
    node = schema["$defs"][cls.__name__]
    named = [field.name for field in attrs.fields(cls) if field.name != "other"]
    assert named == list(node["properties"])
    assert [] == node.get("required", [])
    free = node["additionalProperties"]
    assert ["string", "number", "boolean"] == [option["type"] for option in free["anyOf"]]
    assert free["description"]
    assert "^[A-Za-z][A-Za-z0-9_]{0,63}$(?!\\n)" == node["propertyNames"]["pattern"]


def test_enums_list_their_values(schema: dict[str, Any]) -> None:
    """Enum fields list every value as written first (editors complete them), then other spellings."""
    surface = schema["$defs"]["Surface"]["properties"]
    assert [member.value for member in lb.RolloutStatus] == surface["status"]["anyOf"][0]["enum"]
    assert [member.value for member in lb.SurfaceKind] == surface["kind"]["anyOf"][0]["enum"]
    benchmark = schema["$defs"]["Benchmark"]["properties"]
    assert [member.value for member in lb.Scale] == benchmark["scale"]["anyOf"][0]["enum"]
    assert "percent" == benchmark["scale"]["default"]
    mode = schema["$defs"]["Mode"]["properties"]
    assert [member.value for member in lb.RolloutStatus] == mode["status"]["anyOf"][0]["enum"]
    assert "pattern" in mode["status"]["anyOf"][1]


def test_optional_fields_allow_null(schema: dict[str, Any]) -> None:
    """An optional field accepts null as well as its type; a required one does not."""
    result = schema["$defs"]["Result"]["properties"]
    assert {"type": "null"} in result["score"]["anyOf"]
    assert "number" == result["score"]["anyOf"][0]["type"]
    assert "string" == schema["properties"]["title"]["type"]
    assert "anyOf" not in schema["properties"]["title"]


def test_builtin_dump_follows_the_schema(schema: dict[str, Any]) -> None:
    """The JSON dumps of the built-in launch and of the schema-2 illustration follow the schema."""
    for launch in (lb.load("muse-spark"), lb.load(ASTER)):
        data = json.loads(lb.dumps(launch, "json"))
        assert [] == violations(data, schema)


def test_launch_requires_only_its_identity(schema: dict[str, Any]) -> None:
    """id, title, developer and models (a launched one) are required; cohorts, dates and the rest may be absent."""
    assert ["id", "title", "developer", "models"] == schema["required"]
    assert {"models", "cohorts", "dates", "license"} <= set(schema["properties"])
    # Schema 1's keys are there for schema-1 files, marked deprecated and refused in schema 2.
    assert schema["properties"]["model"]["deprecated"] is True
    assert schema["properties"]["announced"]["deprecated"] is True
    assert schema["else"]["properties"]["model"] is False
    assert schema["else"]["properties"]["announced"] is False


@given(launches())
def test_every_valid_dump_follows_the_schema(launch: lb.Launch) -> None:
    """For any valid launch, its JSON dump follows the schema."""
    schema = json_schema()
    assert [] == violations(json.loads(lb.dumps(launch, "json")), schema)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(scroe=1), "$: Additional properties are not allowed ('scroe'"),
        (lambda d: d.pop("title"), "$: 'title' is a required property"),
        (lambda d: d["surfaces"][0].update(status="soon"), "$.surfaces[0].status: 'soon' is not"),
        (lambda d: d["results"][0].update(score="n/a"), "$.results[0].score: 'n/a' is not"),
        (lambda d: d["modes"][0].update(order=True), "$.modes[0].order: True is not of type"),
        (lambda d: d.update(as_of="April 8"), "$.as_of: 'April 8' is not"),
        (
            lambda d: d.update(model={"id": "muse-spark"}),
            "$: False schema does not allow {'id': 'muse-spark'}",
        ),
        (lambda d: d["models"][0].update(launched="yes"), "$.models[0].launched: 'yes' is not"),
        (
            lambda d: d["benchmarks"][0].update(settings={"shots": 5, "metric": ["a"]}),
            "$.benchmarks[0].settings: {'shots': 5, 'metric': ['a']} is not",
        ),
        (lambda d: d.update(license={"open_weights": True}), "$.license: {'open_weights': True}"),
        (
            lambda d: d.update(dates=[{"event": "announced", "date": "soon"}]),
            "$.dates[0].date: 'soon' does not match",
        ),
        (lambda d: d["modes"][0].update(order=0), "$.modes[0].order: 0 is less than the minimum"),
        (lambda d: d.update(title=" "), "$.title: ' ' does not match"),
        (lambda d: d.update(id="Muse Spark"), "$.id: 'Muse Spark' does not match"),
    ],
)
def test_schema_rejects_what_the_reader_rejects(
    schema: dict[str, Any], change: typing.Callable[[dict[str, Any]], Any], expected: str
) -> None:
    """Unknown keys, missing fields, wrong enums, wrong types and bad values break the schema too."""
    data = io.to_data(lb.load("muse-spark"))
    change(data)
    found = violations(data, schema)
    assert any(line.startswith(expected) for line in found), found
    with pytest.raises(lb.InvalidLaunchError):
        io.from_data(data)
