"""Our cattrs converter: strict about types, plain-spoken when they are wrong.

Never the global converter: its hooks would leak into (and from) other libraries.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
from datetime import date, datetime
from typing import Any, TypeVar

import attrs
import cattrs

from launchbrief.model import (
    FieldValueError,
    Launch,
    Score,
    Settings,
    Specs,
    free_key_problem,
    unknown_id,
)

__all__ = ["TypeProblem", "describe", "make_converter", "upgrade"]

E = TypeVar("E", bound=enum.Enum)


class TypeProblem(TypeError):
    """A value of the wrong type; the message is meant for people."""


def describe(value: Any) -> str:
    """A short, readable description of a value found in an input file."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        if len(value) <= 40:
            return repr(value)
        return f"{value[:37]!r}... ({len(value):,} characters)"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (date, datetime)):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def _structure_str(value: Any, _type: type) -> str:
    if isinstance(value, str):
        return value
    hint = " (put it in quotes)" if isinstance(value, (int, float, bool, date)) else ""
    raise TypeProblem(f"expected text, got {describe(value)}{hint}")


def _structure_float(value: Any, _type: type) -> float:
    if isinstance(value, Score):
        return value  # as written: 66.0 stays 66.0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            raise TypeProblem(
                f"expected a usable number, got one of {len(str(abs(value)))} digits"
            ) from None
        # A whole number written without a point keeps that form: 66, not 66.0.
        return Score(number, 0) if isinstance(value, int) else number
    raise TypeProblem(f"expected a number, got {describe(value)}")


def _structure_int(value: Any, _type: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise TypeProblem(f"expected a whole number, got {describe(value)}")


def _structure_bool(value: Any, _type: type) -> bool:
    if isinstance(value, bool):
        return value
    hint = ""
    if isinstance(value, str) and value.lower() in {"yes", "no", "on", "off", "y", "n"}:
        hint = " (write true or false: YAML 1.2 reads yes, no, on and off as text)"
    raise TypeProblem(f"expected true or false, got {describe(value)}{hint}")


def _structure_date(value: Any, _type: type) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
        try:  # a date and time, such as 2025-05-01T10:00:00: the date counts
            return datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise TypeProblem(f"expected a date like 2026-04-08, got {describe(value)}")


def _structure_enum(value: Any, enum_type: type[E]) -> E:
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            # Accept the spellings people type: "Rolling out", "rolling-out".
            normal = value.strip().lower().replace(" ", "_").replace("-", "_")
            with contextlib.suppress(ValueError):
                return enum_type(normal)
    choices = [member.value for member in enum_type]
    shown = ", ".join(choices)
    close = (
        difflib.get_close_matches(str(value), choices, n=1, cutoff=0.5)
        if isinstance(value, str)
        else []
    )
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise TypeProblem(f"expected one of {shown}, got {describe(value)}{hint}")


def make_converter() -> cattrs.Converter:
    """Build the converter that turns plain data into launch records and back.

    Strict: no silent coercion of text to numbers or of scalars to lists; unknown
    keys are errors; dates unstructure to ISO text; fields at their default value
    are left out of dumps (TOML has no null).
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=True,
    )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda member: member.value
    )
    # Our enums are StrEnums: without these, the hooks for str would win (dumps would hold
    # enum members, loads would take any text).
    converter.register_unstructure_hook(enum.StrEnum, str)
    converter.register_structure_hook(enum.StrEnum, _structure_enum)

    def is_tuple(type_: Any) -> bool:
        return getattr(type_, "__origin__", None) is tuple

    def structure_tuple(value: Any, type_: Any) -> tuple[Any, ...]:
        # Without this, cattrs would happily split the text "press" into letters.
        if not isinstance(value, (list, tuple)):
            raise TypeProblem(f"expected a list, got {describe(value)}")
        return _structure_sequence(converter, value, type_)

    converter.register_structure_hook_func(is_tuple, structure_tuple)

    def is_record(type_: Any) -> bool:
        return attrs.has(type_)

    def structure_record_guard(type_: Any) -> Any:
        inner: Any = cattrs.gen.make_dict_structure_fn(
            type_, converter, _cattrs_forbid_extra_keys=True
        )

        def structure(value: Any, cls: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeProblem(f"expected a mapping of fields, got {describe(value)}")
            return inner(value, cls)

        return structure

    converter.register_structure_hook_factory(is_record, structure_record_guard)

    # Settings and specs take free keys beside their named fields: {shots: 5, metric: pass@1}.
    for free in (Settings, Specs):
        _register_free_keys(converter, free)
    # Every dump says which shape it has, even though 1 is the default. The function is
    # generated on the first dump, not here: loading and exporting never need it.
    converter.register_unstructure_hook_factory(
        lambda type_: type_ is Launch,
        lambda type_: cattrs.gen.make_dict_unstructure_fn(
            type_,
            converter,
            _cattrs_omit_if_default=True,
            schema_version=cattrs.gen.override(omit_if_default=False),
        ),
    )
    return converter


def _structure_sequence(converter: cattrs.Converter, value: Any, type_: Any) -> tuple[Any, ...]:
    (item_type, _ellipsis) = type_.__args__
    hook = converter.get_structure_hook(item_type)
    items = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            items.append(hook(item, item_type))
        except Exception as error:  # noqa: BLE001 - collected and re-raised as a group
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                cattrs.errors.IterableValidationNote(
                    f"Structuring {type_} @ index {index}", index, item_type
                ),
            ]
            errors.append(error)
    if errors:
        raise cattrs.errors.IterableValidationError(f"While structuring {type_!r}", errors, type_)
    return tuple(items)


_FREE_RECORDS = (Settings, Specs)


def _register_free_keys(converter: cattrs.Converter, cls: type) -> None:
    """(Un)structure ``cls`` with its named fields, and every other key into ``other``."""
    named = tuple(field.name for field in attrs.fields(cls) if field.name != "other")
    inner: Any = cattrs.gen.make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, other=cattrs.gen.override(omit=True)
    )
    flat: Any = cattrs.gen.make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, other=cattrs.gen.override(omit=True)
    )

    def structure(value: Any, _cls: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeProblem(f"expected a mapping of fields, got {describe(value)}")
        other = []
        errors: list[Exception] = []
        for key, item in value.items():
            if key in named:
                continue
            problem = free_key_problem(key, item)
            if problem is not None:
                # Reported at the key itself: settings.metric, not settings.other.
                errors.append(FieldValueError(str(key), problem))
            else:
                other.append(
                    (key, _structure_float(item, float) if _is_plain_number(item) else item)
                )
        try:
            record = inner({key: item for key, item in value.items() if key in named}, cls)
        except Exception as error:  # noqa: BLE001 - reported with the free keys' problems
            errors.insert(0, error)
        if errors:
            raise cattrs.ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return attrs.evolve(record, other=tuple(other)) if other else record

    def unstructure(record: Any) -> dict[str, Any]:
        data: dict[str, Any] = flat(record)
        data.update(record.other)
        return data

    converter.register_structure_hook(cls, structure)
    converter.register_unstructure_hook(cls, unstructure)


def _is_plain_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --------------------------------------------------------------------------- schema 1

#: Fields of the schema-1 ``model`` block that move to the launched model's entry.
_MODEL_BLOCK_FIELDS = ("summary", "family", "predecessor", "modalities", "capabilities", "powers")


def upgrade(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str], list[tuple[str, str]]]:
    """A schema-1 record as schema 2, the paths to report its problems at, and any problem.

    Schema 1 named one launched model in a ``model`` block beside the ``models`` list,
    gave the announcement as ``announced``, took a mode's status as live when none was
    given and a benchmark's settings as text. Schema 2 marks launched models in
    ``models``, dates events in ``dates``, takes an unstated status as unknown and
    settings as a mapping. The upgrade keeps every meaning: the block's fields join the
    launched model's entry, ``announced`` becomes the first dated event, modes without a
    status stay live, and settings text becomes ``{note: ...}``. Schema 1 did not say
    whether a claim was the source's exact words, so its claims stay paraphrases
    (``quoted`` false, the default): they are never put in quotation marks. ``renames``
    maps each moved path to where it stands in the file, so problems point at the
    user's text.
    Schema-2 records (and anything else) come back unchanged.
    """
    version = data.get("schema_version")
    if not (version == 1 and not isinstance(version, bool)) and not (
        version is None and "model" in data
    ):
        return data, {}, []
    data = dict(data)
    data["schema_version"] = 2
    renames: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    block = data.pop("model", None)
    models = data.get("models")
    if isinstance(block, dict) and isinstance(models, list):
        index = next(
            (
                position
                for position, model in enumerate(models)
                if isinstance(model, dict) and model.get("id") == block.get("id")
            ),
            None,
        )
        if index is None:
            known = [
                m["id"] for m in models if isinstance(m, dict) and isinstance(m.get("id"), str)
            ]
            problems.append(("model.id", unknown_id("model", block.get("id"), known)))

        else:
            entry = dict(models[index])
            for key, value in block.items():
                if key == "id":
                    continue
                if key == "sources" and isinstance(value, list):
                    mine = entry.get("sources")
                    mine = mine if isinstance(mine, list) else []
                    entry["sources"] = [*mine, *(s for s in value if s not in mine)]
                    continue
                entry[key] = value
                renames[f"models[{index}].{key}"] = f"model.{key}"
            entry["launched"] = True
            data["models"] = [*models[:index], entry, *models[index + 1 :]]
    elif block is not None:
        data["model"] = block  # not a mapping, or no models: reported as it stands
    if "announced" in data:
        dates = data.get("dates")
        dates = dates if isinstance(dates, list) else []
        data["dates"] = [{"event": "announced", "date": data.pop("announced")}, *dates]
        renames["dates[0].date"] = "announced"
        renames["dates[0]"] = "announced"
    if isinstance(data.get("modes"), list):
        data["modes"] = [
            {**mode, "status": "live"} if isinstance(mode, dict) and "status" not in mode else mode
            for mode in data["modes"]
        ]
    if isinstance(data.get("benchmarks"), list):
        benchmarks = []
        for index, benchmark in enumerate(data["benchmarks"]):
            if isinstance(benchmark, dict) and isinstance(benchmark.get("settings"), str):
                benchmark = {**benchmark, "settings": {"note": benchmark["settings"]}}
                renames[f"benchmarks[{index}].settings.note"] = f"benchmarks[{index}].settings"
            benchmarks.append(benchmark)
        data["benchmarks"] = benchmarks
    return data, renames, problems
