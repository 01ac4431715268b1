"""A JSON Schema of the input format, derived from the attrs classes of the model.

Everything comes from :mod:`launchbrief.model`, so the schema cannot drift from it:
the properties from the fields, their descriptions from the attribute docstrings
(the string right under each field, as mkdocstrings reads them), the record
descriptions from the class docstrings, the patterns and bounds from the field
validators, and the rules between fields from :func:`~launchbrief.model.launch_problems`
(a result needs a score, comparisons or a claim; a launched model; modes from 1).

Where the loader is lenient, the schema follows it: enum values in any case with
spaces or hyphens (``Rolling out``), a date followed by a time. What a schema cannot
say (ids that must resolve, duplicates, a score within its benchmark's scale) only
``launchbrief validate`` checks; docs/schema.md lists it.
"""

from __future__ import annotations

import ast
import copy
import enum
import functools
import inspect
import re
import sys
import types
import typing
from datetime import date
from typing import Any

import attrs

from launchbrief import model
from launchbrief.model import MAX_SCORE, SCHEMA_VERSION, WINDOWS_DEVICE_NAMES, Launch, Scale

__all__ = ["SCHEMA_ID", "json_schema"]

#: Where the schema is published; editors fetch it from here.
SCHEMA_ID = (
    "https://raw.githubusercontent.com/launchbrief/launchbrief/main/schema/launch.schema.json"
)
_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# --------------------------------------------------------------------------- patterns
#
# Patterns must mean the same to the ECMA-262 regexes of editors and check-jsonschema
# and to Python's re (the jsonschema library searches with re.search). Python's `$`
# also matches before a final newline, so every anchored pattern ends `$(?!\n)`.

_END = r"$(?!\n)"


@functools.cache
def _characters() -> tuple[str, dict[str, str]]:
    """From one pass over Unicode: the characters ``str.strip()`` removes, as a regex
    class body, and for each letter, every character whose ``lower()`` it is."""
    spaces: list[int] = []
    letters: dict[str, list[int]] = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace():
            spaces.append(code)
        lower = char.lower()
        if len(lower) == 1 and "a" <= lower <= "z":
            letters.setdefault(lower, []).append(code)
    classes = {
        letter: "[" + "".join(map(_escape, codes)) + "]" for letter, codes in letters.items()
    }
    return _ranges(spaces), classes


def _ranges(codes: list[int]) -> str:
    runs: list[tuple[int, int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return "".join(
        _escape(low) if low == high else f"{_escape(low)}-{_escape(high)}" for low, high in runs
    )


def _escape(code: int) -> str:
    if chr(code).isascii() and chr(code).isalnum():
        return chr(code)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _nonblank() -> str:
    """Text with something besides white space (Python's idea of it, as the loader's)."""
    return f"[^{_characters()[0]}]"


def _id_pattern(*, file_name: bool = False) -> str:
    """An id as ``model._slug`` takes it; a launch id is also a file name on Windows."""
    devices = "|".join(sorted(WINDOWS_DEVICE_NAMES))
    device = rf"(?!(?:{devices})(?:\.|$))" if file_name else ""
    return rf"^{device}(?!.*\.\.)(?:{model._SLUG.pattern}){_END}"


def _spelling(value: str) -> str:
    """``value`` in any case, with a space or hyphen for each underscore."""
    return "".join(
        "[_ -]" if char == "_" else _characters()[1][char] if char.isalpha() else re.escape(char)
        for char in value
    )


def _any_spelling(values: list[str]) -> str:
    """The spellings ``_convert._structure_enum`` takes of ``values``."""
    space = f"[{_characters()[0]}]*"
    return f"^{space}(?:{'|'.join(_spelling(value) for value in values)}){space}{_END}"


# Dates: the shapes the schema takes are a subset of what the loader takes (Python's
# date.fromisoformat, then datetime.fromisoformat): YYYY-MM-DD with a real day
# (February 29 in leap years only), optionally with a time after T or a space; the
# compact YYYYMMDD; ISO weeks 01-52. Python takes rarer shapes too (any separator
# before the time, compact times, week 53); the schema asks for the usual ones.
_YEAR = r"(?!0000)[0-9]{4}"
_LEAP = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_HOUR, _MINUTE = r"(?:[01][0-9]|2[0-3])", r"[0-5][0-9]"
_TIME = (
    rf"[Tt ]{_HOUR}:{_MINUTE}(?::{_MINUTE}(?:[.,][0-9]+)?)?"
    rf"(?:Z|[+-]{_HOUR}(?::?{_MINUTE})?)?"
)
_WEEK = r"(?:0[1-9]|[1-4][0-9]|5[0-2])"


def _day(sep: str) -> str:
    return (
        rf"(?:{_YEAR}{sep}(?:(?:0[13578]|1[02]){sep}(?:0[1-9]|[12][0-9]|3[01])"
        rf"|(?:0[469]|11){sep}(?:0[1-9]|[12][0-9]|30)|02{sep}(?:0[1-9]|1[0-9]|2[0-8]))"
        rf"|{_LEAP}{sep}02{sep}29)"
    )


DATE_PATTERN = (
    rf"^(?:{_day('-')}(?:{_TIME})?|{_day('')}|{_YEAR}-W{_WEEK}(?:-[1-7])?|{_YEAR}W{_WEEK}[1-7]?)"
    + _END
)

# --------------------------------------------------------------------------- words
#
# Descriptions are written once, in model.py. The few words here are about the file
# rather than the record: the "$schema" key, and schema 1's keys (no longer fields).

_SCHEMA_KEY = (
    "The address of this JSON Schema, for editors (a JSON file has no other way to name"
    " it); launchbrief ignores it and never writes it."
)
_SCHEMA_1_MODEL = (
    "Schema 1 only (launchbrief 0.1): the launched model, by the id of its entry in"
    " `models`; its other fields join that entry. Schema 2 marks launched models with"
    " `launched: true` instead."
)
_SCHEMA_1_ANNOUNCED = (
    "Schema 1 only (launchbrief 0.1): the day the launch was announced, as YYYY-MM-DD."
    " Schema 2 gives it as the event `announced` in `dates`."
)
_SCHEMA_1_SETTINGS = " In a schema-1 file, text is taken too, and kept as the setting `note`."
_LAUNCH_TITLE = "launchbrief launch record"
_LAUNCH_MORE = (
    " A schema-1 file (`schema_version: 1`, or none with a `model` block) follows the"
    " same shape with schema 1's keys; it loads as schema 2."
)

_SCHEMA_1 = {
    "anyOf": [
        {"required": ["schema_version"], "properties": {"schema_version": {"const": 1}}},
        {"required": ["model"], "properties": {"schema_version": {"type": "null"}}},
    ]
}
_LAUNCHED = {"required": ["launched"], "properties": {"launched": {"const": True}}}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that launch files follow.

    Cross-references (ids that must resolve), duplicates and score scales are
    checked by ``launchbrief validate``; a schema cannot express them.
    """
    definitions: dict[str, Any] = {}
    root = _record(Launch, definitions)
    properties = root["properties"]
    properties["schema_version"] = {
        "description": properties["schema_version"]["description"],
        "enum": [SCHEMA_VERSION, 1, None],
        "default": SCHEMA_VERSION,
    }
    model_fields = definitions["Model"]["properties"]
    properties["model"] = {
        "description": _SCHEMA_1_MODEL,
        "deprecated": True,
        "type": "object",
        "properties": copy.deepcopy(model_fields),
        "required": ["id"],
        "additionalProperties": False,
    }
    properties["announced"] = {
        "description": _SCHEMA_1_ANNOUNCED,
        "deprecated": True,
        **_type(date, definitions),
    }
    settings = definitions["Benchmark"]["properties"]["settings"]
    settings["description"] += _SCHEMA_1_SETTINGS
    settings["anyOf"].insert(1, {"type": "string", "minLength": 1, "pattern": _nonblank()})
    root["required"].append("models")  # the record needs a launched model
    return {
        "$schema": _DIALECT,
        "$id": SCHEMA_ID,
        "title": _LAUNCH_TITLE,
        "description": root.pop("description") + _LAUNCH_MORE,
        "type": "object",
        "properties": {"$schema": {"description": _SCHEMA_KEY, "type": "string"}, **properties},
        "required": root["required"],
        "additionalProperties": False,
        # Schema 1 (see _convert.upgrade) and schema 2 differ in a few keys and in how
        # a model is marked launched; the loader tells them apart the same way.
        "if": _SCHEMA_1,
        "then": {
            "anyOf": [{"required": ["model"]}, {"properties": {"models": {"contains": _LAUNCHED}}}]
        },
        "else": {
            "properties": {
                "schema_version": {"const": SCHEMA_VERSION},
                "model": False,
                "announced": False,
                "models": {"contains": _LAUNCHED},
                "benchmarks": {"items": {"properties": {"settings": {"not": {"type": "string"}}}}},
            }
        },
        "$defs": definitions,
    }


# --------------------------------------------------------------------------- records

#: Rules between fields, from model.launch_problems, where a schema can say them.
_RECORD_RULES: dict[str, dict[str, Any]] = {
    "Result": {
        # "a result needs a score, a comparison or a claim in the source's words"
        "anyOf": [
            {"required": ["score"], "properties": {"score": {"type": "number"}}},
            {"required": ["comparisons"], "properties": {"comparisons": {"minItems": 1}}},
            {"required": ["claim"], "properties": {"claim": {"type": "string"}}},
        ],
        # "marked as the source's exact words, but there is no claim"
        "if": {"required": ["quoted"], "properties": {"quoted": {"const": True}}},
        "then": {"required": ["claim"], "properties": {"claim": {"type": "string"}}},
    },
    "Benchmark": {
        # "a percent scale has fixed bounds; min and max are for points and elo"
        # (a benchmark without a scale is on percent).
        "if": {
            "properties": {
                "scale": {
                    "type": "string",
                    "pattern": _any_spelling([s.value for s in Scale if s.bounds is not None]),
                }
            }
        },
        "then": {"properties": {"min": {"type": "null"}, "max": {"type": "null"}}},
    },
}

#: Bounds on single fields that launch_problems checks rather than a field validator.
_FIELD_RULES: dict[tuple[str, str], dict[str, Any]] = {
    ("Mode", "order"): {"minimum": 1},
}


def _record(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls.__name__)
    properties: dict[str, Any] = {}
    required = []
    free: dict[str, Any] | None = None
    for field in attrs.fields(cls):
        if field.name == "other":
            # Free keys (settings, specs): any other key, holding a scalar.
            free = {"description": docs[field.name], **_free_value()}
            continue
        node: dict[str, Any] = {"description": docs[field.name]}
        node.update(_field(field, hints[field.name], definitions))
        node.update(_FIELD_RULES.get((cls.__name__, field.name), {}))
        if "examples" in field.metadata:
            node["examples"] = list(field.metadata["examples"])
        default = field.default
        if default is not attrs.NOTHING and default is not None and default != ():
            node["default"] = default.value if isinstance(default, enum.Enum) else default
        properties[field.name] = node
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "title": cls.__name__,
        "description": _first_paragraph(cls.__doc__ or ""),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": free if free is not None else False,
    }
    if free is not None:
        schema["propertyNames"] = {"pattern": f"^{model._FREE_KEY.pattern}{_END}"}
    if not required:
        del schema["required"]
    schema.update(copy.deepcopy(_RECORD_RULES.get(cls.__name__, {})))
    return schema


def _free_value() -> dict[str, Any]:
    """What a free key of settings or specs holds (``model.free_key_problem``)."""
    return {
        "anyOf": [
            {"type": "string", "minLength": 1, "pattern": _nonblank()},
            {"type": "number", "minimum": -MAX_SCORE, "maximum": MAX_SCORE},
            {"type": "boolean"},
        ]
    }


def _field(field: attrs.Attribute[Any], hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    """A field's type with the rules of its validator."""
    rules = _validator_rules(field.validator)
    if field.name == "sources" and hint == tuple[str, ...]:
        # Ids of sources: one that is not even an id can never resolve.
        rules = _validator_rules(model._slug)
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [arg for arg in args if arg is not type(None)]
        return {"anyOf": [{**_type(inner, definitions), **rules}, {"type": "null"}]}
    if typing.get_origin(hint) is tuple:
        return {"type": "array", "items": {**_type(args[0], definitions), **rules}}
    return {**_type(hint, definitions), **rules}


def _validator_rules(validator: Any) -> dict[str, Any]:
    """The schema keywords that say what a field validator of model.py checks."""
    if validator is None:
        return {}
    inner = getattr(validator, "validator", None) or getattr(validator, "member_validator", None)
    if inner is not None:  # attrs' optional() and deep_iterable(): the rule is the item's
        return _validator_rules(inner)
    bound = {"minimum": -MAX_SCORE, "maximum": MAX_SCORE}
    if validator is model._slug:
        return {"minLength": 1, "maxLength": 100, "pattern": _id_pattern()}
    if validator is model._file_name_id:
        return {"minLength": 1, "maxLength": 100, "pattern": _id_pattern(file_name=True)}
    if validator in (model._text, model._unique_texts):
        return {"minLength": 1, "pattern": _nonblank()}
    if validator is model._finite:
        return bound
    if validator is model._positive:
        return {"exclusiveMinimum": 0, "maximum": MAX_SCORE}
    if validator is model._probability:
        return {"exclusiveMinimum": 0, "maximum": 1}
    if getattr(validator, "__qualname__", "") == "_at_least.<locals>.check":
        low = inspect.getclosurevars(validator).nonlocals["low"]
        return {"minimum": low, "maximum": MAX_SCORE}
    if validator is model._free_keys:
        return {}
    raise TypeError(f"no JSON Schema for the validator {validator!r}")  # pragma: no cover


def _type(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = [member.value for member in hint]
        # The loader takes "Rolling out" and "rolling-out" for rolling_out (see
        # _convert._structure_enum); the schema takes them too, rather than refuse
        # files that load. The canonical values come first, for editors to complete.
        return {
            "type": "string",
            "anyOf": [{"enum": values}, {"pattern": _any_spelling(values)}],
        }
    if isinstance(hint, type) and attrs.has(hint):
        if hint.__name__ not in definitions:
            definitions[hint.__name__] = {}  # placeholder: breaks cycles
            definitions[hint.__name__] = _record(hint, definitions)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {str: "string", float: "number", int: "integer", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is date:
        # Not "format": "date": that is RFC 3339's full-date, which refuses the
        # date and time the loader takes (2025-05-01T10:00:00).
        return {"type": "string", "pattern": DATE_PATTERN, "examples": ["2026-04-08"]}
    raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover


# --------------------------------------------------------------------------- docstrings


@functools.cache
def _all_field_docs() -> dict[str, dict[str, str]]:
    """The attribute docstrings of model.py: ``{class name: {field name: text}}``."""
    tree = ast.parse(inspect.getsource(model))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        docs = found.setdefault(node.name, {})
        for statement, following in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = _words(following.value.value)
    return found


def _field_docs(name: str) -> dict[str, str]:
    docs = _all_field_docs().get(name, {})
    cls = getattr(model, name)
    missing = [field.name for field in attrs.fields(cls) if field.name not in docs]
    if missing:
        raise TypeError(f"{name} fields without a docstring in model.py: {', '.join(missing)}")
    return docs


def _words(docstring: str) -> str:
    """A docstring as a description: paragraphs on one line each, ``code`` as `code`."""
    paragraphs = inspect.cleandoc(docstring).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs).replace("``", "`")


def _first_paragraph(docstring: str) -> str:
    return _words(docstring).split("\n\n")[0]
