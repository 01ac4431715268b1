"""Tests of the JSON Schema of launch files: it matches the model and accepts every valid dump."""

from __future__ import annotations

import json
import typing
from datetime import date
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
    lb.LaunchedModel,
    lb.Mode,
    lb.Surface,
    lb.ComparedModel,
    lb.Benchmark,
    lb.Comparison,
    lb.Result,
    lb.SafetyFinding,
    lb.UseCase,
    lb.Insight,
)

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
    if kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif kind is not None:
        ok = isinstance(value, _TYPES[kind])
    else:
        ok = True
    if not ok:
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
    if kind == "array":
        for index, item in enumerate(value):
            found += violations(item, schema["items"], root, f"{path}[{index}]")
    return found


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


def test_enums_list_their_values(schema: dict[str, Any]) -> None:
    """Enum fields list every accepted value."""
    surface = schema["$defs"]["Surface"]["properties"]
    assert [member.value for member in lb.RolloutStatus] == surface["status"]["enum"]
    assert [member.value for member in lb.SurfaceKind] == surface["kind"]["enum"]
    benchmark = schema["$defs"]["Benchmark"]["properties"]
    assert [member.value for member in lb.Scale] == benchmark["scale"]["enum"]


def test_optional_fields_allow_null(schema: dict[str, Any]) -> None:
    """An optional field accepts null as well as its type; a required one does not."""
    result = schema["$defs"]["Result"]["properties"]
    assert {"type": "null"} in result["score"]["anyOf"]
    assert {"type": "number"} in result["score"]["anyOf"]
    assert {"type": "string"} == schema["properties"]["title"]


def test_builtin_dump_follows_the_schema(schema: dict[str, Any]) -> None:
    """The JSON dump of the built-in launch follows the schema."""
    data = json.loads(lb.dumps(lb.load("muse-spark"), "json"))
    assert [] == violations(data, schema, schema)


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
