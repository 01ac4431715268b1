"""A JSON Schema of the input format, derived from the attrs classes of the model."""

from __future__ import annotations

import enum
import types
import typing
from datetime import date
from typing import Any

import attrs

from launchbrief.model import Launch

__all__ = ["json_schema"]


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that launch files follow.

    Cross-references (ids that must resolve) and score scales are checked by
    ``launchbrief validate``; a schema cannot express them.
    """
    definitions: dict[str, Any] = {}
    root = _record(Launch, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "launchbrief launch record",
        **root,
        "$defs": definitions,
    }


def _record(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    required = []
    free = False
    for field in attrs.fields(cls):
        if field.name == "other":
            free = True  # free keys (settings, specs): any other key holding a scalar
            continue
        properties[field.name] = _type(hints[field.name], definitions)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "additionalProperties": {"type": ["string", "number", "boolean"]} if free else False,
    }
    if required:
        schema["required"] = required
    return schema


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type(arg, definitions) for arg in args if arg is not type(None)]
        option = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [option, {"type": "null"}]} if type(None) in args else option
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], definitions)}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = {}  # placeholder: breaks cycles
            definitions[hint.__name__] = _record(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {str: "string", float: "number", int: "integer", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover
