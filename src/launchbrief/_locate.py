"""Parse YAML and JSON text into plain data while remembering where each value stands.

The readers here give back ``(data, Locations)``: ``Locations`` maps a field path
(``results[3].score``) to the 1-based line and column of its value and of its key,
so that any problem found later can point at the exact place in the file.
"""

from __future__ import annotations

import functools
import json
import math
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

import yaml

from launchbrief.exceptions import Problem
from launchbrief.model import Score

__all__ = [
    "ALIAS_FLOOR",
    "MAX_DEPTH",
    "MAX_VALUES",
    "Locations",
    "ParseFailure",
    "check_values",
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
#
# YAML is read from the parser's events, not through PyYAML's composer and
# constructor: values are built as the events arrive, every value is counted
# (an alias counts as every value it repeats) and the file is refused as soon as
# a budget is passed, before anything large is built, walked or formatted.
# Plain scalars are resolved by the YAML 1.2 core schema: `012` is 12, `1e15` is a
# number, `1:21` and `yes` are text, and nothing else is converted.

#: The most values (scalars, lists and mappings, aliases expanded) one file may hold;
#: a launch with 100,000 results holds about 1.1 million.
MAX_VALUES = 2_000_000

#: Aliases may repeat this many values, or as many as the file writes out if that
#: is more; beyond it the file is an alias bomb.
ALIAS_FLOOR = 100_000

# libyaml's parser when PyYAML has it (about 10 times faster).
_Parser: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLS["FALSE"] = False
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_OCTAL = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
#: Integers longer than this stay text, and the field's type check reports them
#: (Python refuses to read integers of over 4,300 digits).
_MAX_DIGITS = 4000

_NOT_READ = object()  # a scalar a core tag cannot read


def _core_number(text: str) -> Any:
    """``text`` as an int or float by the YAML 1.2 core schema, else ``_NOT_READ``."""
    if _DECIMAL.fullmatch(text):
        return int(text) if len(text) <= _MAX_DIGITS else text
    if _OCTAL.fullmatch(text):
        return int(text[2:], 8) if len(text) <= _MAX_DIGITS else text
    if _HEX.fullmatch(text):
        return int(text[2:], 16) if len(text) <= _MAX_DIGITS else text
    if _FLOAT.fullmatch(text):
        return Score(text)  # a float that prints as written: 66.0, 85.20
    if _INFINITY.fullmatch(text):
        return -math.inf if text[0] == "-" else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return _NOT_READ


def _plain(text: str) -> Any:
    """A plain (unquoted, untagged) scalar by the YAML 1.2 core schema."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if text[0] in "0123456789+-.":
        number = _core_number(text)
        if number is not _NOT_READ:
            return number
    return text


def _tagged(text: str, tag: str, mark: Any) -> Any:
    """A scalar with an explicit tag: only the core schema's tags are read."""
    if tag in ("!", f"{_CORE}str", f"{_CORE}timestamp"):
        return text
    if tag == f"{_CORE}null" and text in _NULLS:
        return None
    if tag == f"{_CORE}bool" and text in _BOOLS:
        return _BOOLS[text]
    if tag in (f"{_CORE}int", f"{_CORE}float"):
        number = _core_number(text)
        if tag.endswith("int") and isinstance(number, int) and not isinstance(number, bool):
            return number
        if tag.endswith("float") and isinstance(number, (int, float)):
            return float(number)
    if tag in (f"{_CORE}null", f"{_CORE}bool", f"{_CORE}int", f"{_CORE}float"):
        kind = tag.removeprefix(_CORE)
        raise _yaml_failure(f"invalid YAML: {text!r} cannot be read as !!{kind}", mark)
    raise _unknown_tag(tag, mark)


def _unknown_tag(tag: str, mark: Any) -> ParseFailure:
    return _yaml_failure(
        f"invalid YAML: could not determine a constructor for the tag {tag!r}"
        " (only plain YAML data is read; tags that build objects are refused)",
        mark,
    )


def _yaml_failure(message: str, mark: Any, path: str = "") -> ParseFailure:
    return ParseFailure([Problem(message, path=path, line=_line(mark), column=_column(mark))])


class _Counter:
    """Counts values as they are read, aliases expanded, and refuses past the budget."""

    def __init__(self) -> None:
        self.written = 0  # values written out in the text
        self.total = 0  # values after aliases expand

    def write(self, mark: Any) -> None:
        self.written += 1
        self.total += 1
        if self.total > MAX_VALUES:
            raise _yaml_failure(
                f"the file holds more than {MAX_VALUES:,} values (the limit); refused", mark
            )

    def repeat(self, size: int, mark: Any) -> None:
        self.total += size
        allowed = max(ALIAS_FLOOR, self.written)
        if self.total - self.written > allowed or self.total > MAX_VALUES:
            raise _yaml_failure(
                "the YAML expands to too much data: its aliases repeat more than"
                f" {allowed:,} values (at most {ALIAS_FLOOR:,}, or as many as the file"
                " writes out); refused",
                mark,
            )


class _Frame:
    """A list or mapping being read: its items so far and what it needs to finish."""

    __slots__ = ("anchor", "key", "mapping", "mark", "merges", "start", "value")

    def __init__(self, value: Any, anchor: str | None, start: int, mark: Any) -> None:
        self.value = value
        self.mapping = isinstance(value, dict)
        self.anchor = anchor
        self.start = start
        self.mark = mark
        self.key: Any = _NOT_READ  # a mapping's pending key
        self.merges: list[tuple[Any, Any]] = []  # `<<` values, with their marks


class _YamlReader:
    """Builds plain data from a YAML event stream, counting as it goes."""

    def __init__(self, text: str) -> None:
        self.parser: Any = _Parser(text)
        self.counter = _Counter()
        # anchor -> (value, values it holds, its text if a scalar)
        self.anchors: dict[str, tuple[Any, int, str | None]] = {}
        self.open: set[str] = set()
        self.duplicate_keys = False
        self.too_deep = False

    def read(self) -> Any:
        get = self.parser.get_event
        get()  # stream start
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            raise ParseFailure([Problem("the file holds no data", line=1, column=1)])
        value = self.document(get())
        get()  # document end
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise _yaml_failure(
                "invalid YAML: expected a single document in the stream but found another document",
                event.start_mark,
            )
        return value

    def document(self, event: Any) -> Any:
        get = self.parser.get_event
        counter = self.counter
        stack: list[_Frame] = []
        while True:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                counter.write(event.start_mark)
                text = event.value
                if event.tag is None:
                    value = text if event.style else _plain(text)
                else:
                    value = _tagged(text, event.tag, event.start_mark)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, text)
                scalar_text: str | None = text
            elif kind is yaml.AliasEvent:
                name = event.anchor
                if name in self.open:
                    raise _yaml_failure(
                        f"invalid YAML: the alias *{name} refers to the list or mapping"
                        " that holds it",
                        event.start_mark,
                    )
                if name not in self.anchors:
                    raise _yaml_failure(
                        f"invalid YAML: found undefined alias {name!r}", event.start_mark
                    )
                value, size, scalar_text = self.anchors[name]
                counter.repeat(size, event.start_mark)
            elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                mapping = kind is yaml.MappingStartEvent
                tag = event.tag
                if tag not in (None, "!", f"{_CORE}{'map' if mapping else 'seq'}"):
                    raise _unknown_tag(tag, event.start_mark)
                if stack and stack[-1].mapping and stack[-1].key is _NOT_READ:
                    raise _yaml_failure(
                        "invalid YAML: a key must be plain text, not a list or mapping",
                        event.start_mark,
                    )
                counter.write(event.start_mark)
                if len(stack) > MAX_DEPTH:
                    self.too_deep = True
                    raise _yaml_failure(
                        f"nested more than {MAX_DEPTH} levels deep; refused", event.start_mark
                    )
                if event.anchor is not None:
                    self.open.add(event.anchor)
                stack.append(
                    _Frame({} if mapping else [], event.anchor, counter.total, event.start_mark)
                )
                event = get()
                continue
            else:  # the end of a list or mapping
                frame = stack.pop()
                value = self.finish(frame)
                scalar_text = None
                if frame.anchor is not None:
                    self.open.discard(frame.anchor)
                    size = counter.total - frame.start + 1
                    self.anchors[frame.anchor] = (value, size, None)
            if not stack:
                return value
            parent = stack[-1]
            if not parent.mapping:
                parent.value.append(value)
            elif parent.key is _NOT_READ:
                if scalar_text is None:
                    raise _yaml_failure(
                        "invalid YAML: a key must be plain text, not a list or mapping",
                        event.start_mark,
                    )
                # Keys stay the text that was written: `yes:` is the key 'yes', not
                # True, and `2026:` is '2026', so messages about keys quote the file.
                parent.key = scalar_text
                if scalar_text == "<<" and kind is yaml.ScalarEvent and not event.style:
                    parent.key = _MERGE
            else:
                key = parent.key
                parent.key = _NOT_READ
                if key is _MERGE:
                    parent.merges.append((value, event.start_mark))
                elif key in parent.value:
                    self.duplicate_keys = True
                else:
                    parent.value[key] = value
            event = get()

    def finish(self, frame: _Frame) -> Any:
        if not frame.merges:
            return frame.value
        # `<<: *defaults` (or a list of them): the mapping's own keys win, then the
        # first mapping merged. The merged values were counted with their aliases.
        merged: dict[str, Any] = {}
        for value, mark in reversed(frame.merges):
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                raise _yaml_failure(
                    "invalid YAML: a merge key '<<' needs a mapping or a list of mappings", mark
                )
            for source in reversed(sources):
                merged.update(source)
        merged.update(frame.value)
        return merged


_MERGE = object()  # the merge key `<<`


def parse_yaml(text: str) -> tuple[Any, Callable[[], Locations]]:
    """Parse YAML safely; returns the data and a function that locates its paths.

    The data is plain: mappings with text keys, lists, text, numbers, booleans and
    null, read by the YAML 1.2 core schema. Locating reads the text a second time,
    so it is done only when a problem needs it; duplicate keys and values nested too
    deeply are located problems straight away.
    """
    reader = _YamlReader(text)
    try:
        data = reader.read()
    except ParseFailure:
        if reader.too_deep:
            _locate_yaml(text)  # raises with the path of the value too deep
        raise
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
    finally:
        reader.parser.dispose()

    def locate() -> Locations:
        return _locate_yaml(text)

    if reader.duplicate_keys:
        locate()  # raises with every duplicate located
    return data, functools.cache(locate)


def _locate_yaml(text: str) -> Locations:
    """Where each path's value and key stand; raises for duplicate keys and deep nesting.

    Only called on text that was read once already, so its size is within budget.
    An alias is located where it is written; paths inside it fall back to it.
    """
    parser: Any = _Parser(text)
    locations = Locations()
    problems: list[Problem] = []
    # Each open list or mapping: [path, next index or pending key, keys seen, is mapping]
    stack: list[list[Any]] = []
    texts: dict[str, str] = {}  # anchor -> the text of an anchored scalar, for alias keys
    try:
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            if kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
                stack.pop()
                _advance(stack)
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            mark: Any = event.start_mark
            position = (mark.line + 1, mark.column + 1)
            if stack and stack[-1][3] and stack[-1][1] is None:
                frame = stack[-1]
                if kind is yaml.AliasEvent:
                    key = texts.get(event.anchor or "", "")
                else:
                    key = str(getattr(event, "value", ""))
                if kind is yaml.ScalarEvent and event.anchor is not None:
                    texts[event.anchor] = key
                child = join_path(frame[0], key)
                if key in frame[2] and key != "<<":
                    problems.append(Problem(f"duplicate key {key!r}", child, None, *position))
                frame[2].add(key)
                locations.keys.setdefault(child, position)
                frame[1] = key
                continue
            path = _child_path(stack)
            locations.values.setdefault(path, position)
            if kind is yaml.ScalarEvent and event.anchor is not None:
                texts[event.anchor] = str(getattr(event, "value", ""))
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if len(stack) > MAX_DEPTH:
                    raise ParseFailure(
                        [
                            Problem(
                                f"nested more than {MAX_DEPTH} levels deep; refused",
                                path,
                                None,
                                *position,
                            )
                        ]
                    )
                mapping = kind is yaml.MappingStartEvent
                stack.append([path, None if mapping else 0, set(), mapping])
            else:
                _advance(stack)
    finally:
        parser.dispose()
    if problems:
        raise ParseFailure(problems)
    return locations


def _child_path(stack: list[list[Any]]) -> str:
    if not stack:
        return ""
    path, place, _keys, _mapping = stack[-1]
    return join_path(path, place)


def _advance(stack: list[list[Any]]) -> None:
    """A value was read: the list moves to its next index, the mapping to its next key."""
    if stack:
        frame = stack[-1]
        frame[1] = None if frame[3] else frame[1] + 1


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    if error.context_mark is not None and "quoted scalar" in context:
        mark = error.context_mark  # where the unclosed quote opens, not the end of the file
    message = " ".join(part for part in (context, error.problem) if part)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        message = "a tab cannot indent YAML; use spaces"
    return Problem(f"invalid YAML: {message}", line=_line(mark), column=_column(mark))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _line(mark: Any) -> int | None:
    return None if mark is None else mark.line + 1


def _column(mark: Any) -> int | None:
    return None if mark is None else mark.column + 1


# --------------------------------------------------------------------------- JSON

_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WHITESPACE = re.compile(r"[ \t\n\r]*")


_JSON_TEXT = re.compile(r'"(?:[^"\\]|\\.)*"')
_TOML_TEXT = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_SEPARATORS = ",:=[{"


def check_values(text: str, fmt: str) -> None:
    """Refuse JSON or TOML text that holds more than :data:`MAX_VALUES` values.

    Counted before parsing, from the separators outside quoted text (each value
    but the first follows a comma, a colon or ``=``, or opens a list or mapping),
    so that a huge file is refused in a second or two, not parsed for minutes.
    """
    if sum(text.count(char) for char in _SEPARATORS) < MAX_VALUES:
        return  # the quick bound holds: no need to skip quoted text
    bare = (_JSON_TEXT if fmt == "json" else _TOML_TEXT).sub("", text)
    if sum(bare.count(char) for char in _SEPARATORS) >= MAX_VALUES:
        raise ParseFailure(
            [Problem(f"the file holds more than {MAX_VALUES:,} values (the limit); refused")]
        )


def parse_json(text: str) -> tuple[Any, Callable[[], Locations]]:
    """Parse JSON; returns the data and a function that locates its paths.

    The data equals ``json.loads(text)``; duplicate keys are located problems.
    """
    check_values(text, "json")
    duplicate_keys = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicate_keys
        mapping = dict(items)
        if len(mapping) != len(items):
            duplicate_keys = True
        return mapping

    try:
        data = json.loads(
            text, object_pairs_hook=pairs, parse_int=_json_int, parse_float=Score.of_json_number
        )
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
