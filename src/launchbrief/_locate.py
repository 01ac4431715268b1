"""Parse YAML and JSON text into plain data while remembering where each value stands.

The readers here give back ``(data, Locations)``: ``Locations`` maps a field path
(``results[3].score``) to the 1-based line and column of its value and of its key,
so that any problem found later can point at the exact place in the file.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

import yaml

from launchbrief.exceptions import Problem

__all__ = [
    "Locations",
    "ParseFailure",
    "join_path",
    "locate_toml",
    "parse_json",
    "parse_yaml",
]

#: Deeper nesting than this is refused; a launch record needs about six levels.
MAX_DEPTH = 64


class ParseFailure(Exception):
    """The text could not be parsed; ``problems`` say where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))


def join_path(path: str, key: str | int) -> str:
    """``join_path("results", 3) == "results[3]"``; ``join_path("model", "id") == "model.id"``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Locations:
    """Where each field path's value (and key) stands in the source text."""

    def __init__(self) -> None:
        self.values: dict[str, tuple[int, int]] = {}
        self.keys: dict[str, tuple[int, int]] = {}

    def find(self, path: str, *, key: bool = False) -> tuple[int, int] | None:
        """The position of ``path``, or of its nearest located parent."""
        if key and path in self.keys:
            return self.keys[path]
        while True:
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = _parent(path)


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


# --------------------------------------------------------------------------- YAML


# libyaml's parser when PyYAML has it (about 10 times faster); the constructor stays safe.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """PyYAML's safe loader, noting duplicate keys; it builds nothing beyond plain data."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.duplicate_keys = False

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Keys stay the text that was written: `yes:` is the key 'yes', not True,
        # and `2026:` is '2026', so messages about unknown keys quote the file.
        self.flatten_mapping(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be plain text, not a list or mapping",
                    key_node.start_mark,
                )
            if key_node.value in mapping:
                self.duplicate_keys = True
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError):
            if not isinstance(node, yaml.ScalarNode):
                raise
            # A date like 2026-13-01 or an integer of thousands of digits: keep the
            # text as written, and the field's type check reports it with its path.
            return node.value


def parse_yaml(text: str) -> tuple[Any, Callable[[], Locations]]:
    """Parse YAML safely; returns the data and a function that locates its paths.

    Locating walks the node tree again, so it is done only when a problem needs it;
    duplicate keys are located problems straight away.
    """
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ParseFailure([Problem("the file holds no data", line=1, column=1)])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        raise ParseFailure([_yaml_problem(error, text)]) from None
    except yaml.reader.ReaderError as error:
        line, column = _position(text, error.position)
        code = error.character if isinstance(error.character, int) else ord(error.character)
        message = (
            f"invalid YAML: the control character U+{code:04X} is not allowed"
            " (write it as an escape inside double quotes)"
        )
        raise ParseFailure([Problem(message, line=line, column=column)]) from None
    except yaml.YAMLError as error:
        raise ParseFailure([Problem(f"invalid YAML: {error}")]) from None
    except RecursionError:
        raise ParseFailure([Problem("the YAML nests too deeply to be a launch record")]) from None
    finally:
        loader.dispose()

    def locate() -> Locations:
        locations = Locations()
        problems: list[Problem] = []
        _walk_yaml(node, "", locations, problems, _Budget(len(text)), 0)
        if problems:
            raise ParseFailure(problems)
        return locations

    if loader.duplicate_keys:
        locate()  # raises with every duplicate located
    return data, functools.cache(locate)


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    if error.context_mark is not None and "quoted scalar" in context:
        mark = error.context_mark  # where the unclosed quote opens, not the end of the file
    message = " ".join(part for part in (context, error.problem) if part)
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in message:
        message = f"{message} (only plain YAML data is read; tags that build objects are refused)"
    elif mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = "a tab cannot indent YAML; use spaces"
    return Problem(f"invalid YAML: {message}", line=_line(mark), column=_column(mark))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _line(mark: Any) -> int | None:
    return None if mark is None else mark.line + 1


def _column(mark: Any) -> int | None:
    return None if mark is None else mark.column + 1


class _Budget:
    """Bounds how many nodes a walk may visit, so a billion-laughs file is refused fast."""

    def __init__(self, text_length: int) -> None:
        # A node costs a few characters of text; only aliases make a walk longer.
        self.left = max(200_000, 4 * text_length)

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise ParseFailure(
                [
                    Problem(
                        "the YAML expands to too much data (aliases repeat too many"
                        " nodes); refused",
                        line=_line(node.start_mark),
                        column=_column(node.start_mark),
                    )
                ]
            )


def _walk_yaml(
    node: yaml.Node,
    path: str,
    locations: Locations,
    problems: list[Problem],
    budget: _Budget,
    depth: int,
) -> None:
    budget.spend(node)
    if depth > MAX_DEPTH:
        raise ParseFailure(
            [
                Problem(
                    f"nested more than {MAX_DEPTH} levels deep; refused",
                    path=path,
                    line=_line(node.start_mark),
                    column=_column(node.start_mark),
                )
            ]
        )
    locations.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = join_path(path, key)
            if key in seen and key_node.tag != "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        f"duplicate key {key!r}",
                        path=child,
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                    )
                )
            seen.add(key)
            locations.keys.setdefault(
                child, (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            )
            _walk_yaml(value_node, child, locations, problems, budget, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk_yaml(item, join_path(path, index), locations, problems, budget, depth + 1)


# --------------------------------------------------------------------------- JSON

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WHITESPACE = re.compile(r"[ \t\n\r]*")


def parse_json(text: str) -> tuple[Any, Callable[[], Locations]]:
    """Parse JSON; returns the data and a function that locates its paths.

    The data equals ``json.loads(text)``; duplicate keys are located problems.
    """
    duplicate_keys = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicate_keys
        mapping = dict(items)
        if len(mapping) != len(items):
            duplicate_keys = True
        return mapping

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_int=_json_int)
    except json.JSONDecodeError as error:
        raise ParseFailure(
            [Problem(f"invalid JSON: {error.msg}", line=error.lineno, column=error.colno)]
        ) from None
    except RecursionError:
        # The walker stops at MAX_DEPTH and says where.
        _JsonWalker(text, Locations(), []).walk()
        raise ParseFailure([Problem("the JSON nests too deeply to be a launch record")]) from None

    def locate() -> Locations:
        locations = Locations()
        problems: list[Problem] = []
        _JsonWalker(text, locations, problems).walk()
        if problems:
            raise ParseFailure(problems)
        return locations

    if duplicate_keys:
        locate()  # raises with every duplicate located
    return data, functools.cache(locate)


def _json_int(digits: str) -> int | float:
    # Python refuses to read integers of over 4,300 digits; as a float the value
    # becomes infinity, which the record then rejects with its location.
    return int(digits) if len(digits) <= 4000 else float(digits)


class _JsonWalker:
    """Walks valid JSON text a second time, recording where each path starts."""

    def __init__(self, text: str, locations: Locations, problems: list[Problem]) -> None:
        self.text = text
        self.locations = locations
        self.problems = problems
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.newlines, offset - 1)
        start = self.newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self.text, offset)
        assert match is not None
        return match.end()

    def walk(self) -> None:
        self.value(self.skip(0), "", 0)

    def value(self, offset: int, path: str, depth: int) -> int:
        if depth > MAX_DEPTH:
            line, column = self.position(offset)
            raise ParseFailure(
                [
                    Problem(
                        f"nested more than {MAX_DEPTH} levels deep; refused",
                        path,
                        None,
                        line,
                        column,
                    )
                ]
            )
        self.locations.values.setdefault(path, self.position(offset))
        char = self.text[offset]
        if char == "{":
            return self.mapping(offset + 1, path, depth)
        if char == "[":
            return self.sequence(offset + 1, path, depth)
        if char == '"':
            return json.decoder.scanstring(self.text, offset + 1)[1]  # type: ignore[attr-defined,no-any-return]
        match = _NUMBER.match(self.text, offset)
        if match and match.end() > offset:
            return match.end()
        for literal in ("true", "false", "null", "NaN", "Infinity", "-Infinity"):
            if self.text.startswith(literal, offset):
                return offset + len(literal)
        raise AssertionError("walked text that json.loads accepted")  # pragma: no cover

    def mapping(self, offset: int, path: str, depth: int) -> int:
        seen: set[str] = set()
        offset = self.skip(offset)
        if self.text[offset] == "}":
            return offset + 1
        while True:
            key_offset = offset
            key, offset = json.decoder.scanstring(self.text, offset + 1)  # type: ignore[attr-defined]
            child = join_path(path, key)
            position = self.position(key_offset)
            if key in seen:
                self.problems.append(Problem(f"duplicate key {key!r}", child, None, *position))
            seen.add(key)
            self.locations.keys.setdefault(child, position)
            offset = self.skip(self.skip(offset) + 1)  # past the colon
            offset = self.skip(self.value(offset, child, depth + 1))
            if self.text[offset] == "}":
                return offset + 1
            offset = self.skip(offset + 1)  # past the comma

    def sequence(self, offset: int, path: str, depth: int) -> int:
        offset = self.skip(offset)
        if self.text[offset] == "]":
            return offset + 1
        index = 0
        while True:
            offset = self.skip(self.value(offset, join_path(path, index), depth + 1))
            index += 1
            if self.text[offset] == "]":
                return offset + 1
            offset = self.skip(offset + 1)


# --------------------------------------------------------------------------- TOML

_TOML_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"))*)\s*=\s*"
)


def locate_toml(text: str) -> Locations:
    """Approximate positions for TOML, whose parser reports none.

    Table headers (``[model]``, ``[[results]]``, ``[[results.comparisons]]``) and
    ``key = value`` lines are located; values inside inline tables and arrays fall
    back to the position of the key that holds them.
    """
    locations = Locations()
    counts: dict[str, int] = {}  # array-of-tables path (with parent indices) -> entries so far
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(line)
        if header and not _TOML_KEY.match(line):
            parts = _toml_key_parts(header.group(2))
            path = ""
            for part in parts[:-1]:
                path = join_path(path, part)
                if path in counts:  # inside the latest entry of an array of tables
                    path = join_path(path, counts[path] - 1)
            path = join_path(path, parts[-1])
            if header.group(1) == "[[":
                counts[path] = counts.get(path, 0) + 1
                locations.keys.setdefault(path, (number, line.index("[") + 1))
                path = join_path(path, counts[path] - 1)
            current = path
            locations.values.setdefault(current, (number, line.index("[") + 1))
            continue
        key = _TOML_KEY.match(line)
        if key:
            path = current
            for part in _toml_key_parts(key.group(1)):
                path = join_path(path, part)
            locations.keys.setdefault(path, (number, key.start(1) + 1))
            locations.values.setdefault(path, (number, key.end() + 1))
    return locations


def _toml_key_parts(key: str) -> list[str]:
    return [part.strip().strip('"') for part in re.findall(r'"[^"]*"|[^.]+', key)]
