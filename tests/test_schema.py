"""Tests of the JSON Schema of launch files: it matches the model and accepts every valid dump."""

from __future__ import annotations

import json
import typing
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief import io
from launchbrief._schema import json_schema
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

_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def violations(
    value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$"
) -> list[str]:
    """Where ``value`` breaks ``schema``: a small validator for the keywords our schema uses.

    It knows $ref, type, properties, required, additionalProperties, items, enum,
    anyOf and the date format; ``jsonschema`` is not a dependency of launchbrief.
    """
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return violations(value, root["$defs"][name], root, path)
    if "anyOf" in schema:
        options = [violations(value, option, root, path) for option in schema["anyOf"]]
        return [] if any(not found for found in options) else [f"{path}: matches no option"]
    if "enum" in schema:
        return [] if value in schema["enum"] else [f"{path}: {value!r} not in enum"]
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if kind is not None and not any(_is(value, each) for each in kinds):
        return [f"{path}: expected {kind}, got {type(value).__name__}"]
    found: list[str] = []
    if schema.get("format") == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            found.append(f"{path}: not a date")
    if kind == "object":
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"{path}: missing {key}")
        for key, item in value.items():
            if key in properties:
                found += violations(item, properties[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{path}: unexpected {key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                found += violations(item, schema["additionalProperties"], root, f"{path}.{key}")
    if kind == "array":
        for index, item in enumerate(value):
            found += violations(item, schema["items"], root, f"{path}[{index}]")
    return found


def _is(value: Any, kind: str) -> bool:
    """Whether ``value`` is of JSON Schema type ``kind``."""
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The JSON Schema of launch files."""
    return json_schema()


def test_schema_is_plain_json(schema: dict[str, Any]) -> None:
    """The schema survives a JSON round trip: it holds nothing JSON cannot say."""
    assert schema == json.loads(json.dumps(schema))
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_every_record_field_is_described(schema: dict[str, Any], cls: type) -> None:
    """Each record's schema lists exactly its fields, requires those without a default, and forbids others."""
    node = schema if cls is lb.Launch else schema["$defs"][cls.__name__]
    fields = attrs.fields(cls)
    assert [field.name for field in fields] == list(node["properties"])
    required = [field.name for field in fields if field.default is attrs.NOTHING]
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
    assert {"type": ["string", "number", "boolean"]} == node["additionalProperties"]


def test_enums_list_their_values(schema: dict[str, Any]) -> None:
    """Enum fields list every accepted value."""
    surface = schema["$defs"]["Surface"]["properties"]
    assert [member.value for member in lb.RolloutStatus] == surface["status"]["enum"]
    assert [member.value for member in lb.SurfaceKind] == surface["kind"]["enum"]
    benchmark = schema["$defs"]["Benchmark"]["properties"]
    assert [member.value for member in lb.Scale] == benchmark["scale"]["enum"]
    assert {"percentile", "points"} <= set(benchmark["scale"]["enum"])
    assert {"unknown"} <= set(surface["status"]["enum"])
    assert {"weights", "hub", "cloud", "runtime"} <= set(surface["kind"]["enum"])
    mode = schema["$defs"]["Mode"]["properties"]
    assert [member.value for member in lb.RolloutStatus] == mode["status"]["enum"]


def test_optional_fields_allow_null(schema: dict[str, Any]) -> None:
    """An optional field accepts null as well as its type; a required one does not."""
    result = schema["$defs"]["Result"]["properties"]
    assert {"type": "null"} in result["score"]["anyOf"]
    assert {"type": "number"} in result["score"]["anyOf"]
    assert {"type": "string"} == schema["properties"]["title"]


def test_builtin_dump_follows_the_schema(schema: dict[str, Any]) -> None:
    """The JSON dumps of the built-in launch and of the schema-2 illustration follow the schema."""
    for launch in (lb.load("muse-spark"), lb.load(ASTER)):
        data = json.loads(lb.dumps(launch, "json"))
        assert [] == violations(data, schema, schema)


def test_launch_requires_only_its_identity(schema: dict[str, Any]) -> None:
    """id, title and developer are required; models, cohorts, dates and the rest may be absent."""
    assert ["id", "title", "developer"] == schema["required"]
    assert {"models", "cohorts", "dates", "license"} <= set(schema["properties"])
    assert "model" not in schema["properties"]
    assert "announced" not in schema["properties"]


@given(launches())
def test_every_valid_dump_follows_the_schema(launch: lb.Launch) -> None:
    """For any valid launch, its JSON dump follows the schema."""
    schema = json_schema()
    assert [] == violations(json.loads(lb.dumps(launch, "json")), schema, schema)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(scroe=1), "$: unexpected scroe"),
        (lambda d: d.pop("title"), "$: missing title"),
        (
            lambda d: d["surfaces"][0].update(status="soon"),
            "$.surfaces[0].status: 'soon' not in enum",
        ),
        (lambda d: d["results"][0].update(score="n/a"), "$.results[0].score: matches no option"),
        (
            lambda d: d["modes"][0].update(order=True),
            "$.modes[0].order: expected integer, got bool",
        ),
        (lambda d: d.update(as_of="April 8"), "$.as_of: matches no option"),
        (lambda d: d.update(model={"id": "muse-spark"}), "$: unexpected model"),
        (
            lambda d: d["models"][0].update(launched="yes"),
            "$.models[0].launched: expected boolean, got str",
        ),
        (
            lambda d: d["benchmarks"][0].update(settings={"shots": 5, "metric": ["a"]}),
            "$.benchmarks[0].settings: matches no option",
        ),
        (
            lambda d: d.update(license={"open_weights": True}),
            "$.license: matches no option",
        ),
        (
            lambda d: d.update(dates=[{"event": "announced", "date": "soon"}]),
            "$.dates[0].date: not a date",
        ),
    ],
)
def test_schema_rejects_what_the_reader_rejects(
    schema: dict[str, Any], change: typing.Callable[[dict[str, Any]], Any], expected: str
) -> None:
    """Unknown keys, missing fields, wrong enums and wrong types break the schema too."""
    data = io.to_data(lb.load("muse-spark"))
    change(data)
    assert [expected] == violations(data, schema, schema)
    with pytest.raises(lb.InvalidLaunchError):
        io.from_data(data)
