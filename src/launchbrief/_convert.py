"""Our cattrs converter: strict about types, plain-spoken when they are wrong.

Never the global converter: its hooks would leak into (and from) other libraries.
"""

from __future__ import annotations

import difflib
import enum
from datetime import date, datetime
from typing import Any, TypeVar

import attrs
import cattrs

from launchbrief.model import Launch

__all__ = ["TypeProblem", "describe", "make_converter"]

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
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError:
            raise TypeProblem(
                f"expected a usable number, got one of {len(str(abs(value)))} digits"
            ) from None
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
    choices = [member.value for member in enum_type]
    if isinstance(value, str):
        try:
            return enum_type(value)
        except ValueError:
            # Accept the spellings people type: "Rolling out", "rolling-out".
            normal = value.strip().lower().replace(" ", "_").replace("-", "_")
            if normal in choices:
                return enum_type(normal)
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
        inner = cattrs.gen.make_dict_structure_fn(type_, converter, _cattrs_forbid_extra_keys=True)

        def structure(value: Any, cls: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeProblem(f"expected a mapping of fields, got {describe(value)}")
            return inner(value, cls)

        return structure

    converter.register_structure_hook_factory(is_record, structure_record_guard)
    # Every dump says which shape it has, even though 1 is the default.
    converter.register_unstructure_hook(
        Launch,
        cattrs.gen.make_dict_unstructure_fn(
            Launch,
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
