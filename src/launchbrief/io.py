"""Reading and writing launch records: YAML, JSON and TOML, and the built-in datasets.

Every problem in a file is reported at once, located by file, line, column and
field path, in an :class:`~launchbrief.exceptions.InvalidLaunchError`.

:func:`load` reads any file a reader plugin takes (:mod:`launchbrief.readers`): it
chooses the reader through the registry and imports no format module itself. The
text formats are parsed here (:func:`loads`), and their readers call it.
"""

from __future__ import annotations

import codecs
import difflib
import functools
import json
import math
import os
import re
import secrets
import stat
import tomllib
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import cattrs
import tomli_w
import yaml

from launchbrief import _atomic
from launchbrief._convert import describe, make_converter, upgrade
from launchbrief._locate import (
    Locations,
    ParseFailure,
    check_values,
    join_path,
    locate_toml,
    parse_json,
    parse_yaml,
)
from launchbrief.exceptions import (
    InvalidLaunchError,
    LaunchbriefError,
    Problem,
    UnknownFormatError,
)
from launchbrief.model import FieldValueError, Launch, Score, launch_problems
from launchbrief.readers import Reader, find_reader, get_reader, is_launch_file, known_suffixes

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "datasets",
    "dump",
    "dumps",
    "from_data",
    "load",
    "load_each",
    "load_many",
    "loads",
    "read_bytes",
    "to_data",
]

#: Text formats a launch record can be read from and written to.
FORMATS = ("yaml", "json", "toml")

#: Files larger than this are refused before parsing (a launch with 100,000 results
#: is about 20 MB of YAML).
MAX_FILE_BYTES = 64 * 1024 * 1024

_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}

_converter = make_converter()


# --------------------------------------------------------------------------- public API


def load(source: str | os.PathLike[str], *, format: str | None = None, **options: Any) -> Launch:
    """Load a launch from a file or a built-in name such as ``"muse-spark"``.

    The reader is the one named ``format`` (``"yaml"``, ``"xlsx"``, a plugin's name) or
    else the one that takes the file's suffix (.yaml, .yml, .json, .toml, .xlsx and
    any a plugin adds); a file whose suffix no reader takes is shown to the readers
    that recognize files by their first bytes. ``options`` go to the reader (the
    built-in ones take none). A path that exists wins over a built-in name.

    Raises:
        InvalidLaunchError: the file is not a valid launch record; every problem is listed.
        UnknownFormatError: no reader takes the file, or the one asked for or needed
            cannot be loaded (named, with the reason).
        FileNotFoundError: there is no such file and no built-in dataset of that name.
    """
    shown = str(source)
    path = Path(source)
    if format is None and isinstance(source, str) and source in datasets() and not path.exists():
        if options:
            raise TypeError(f"the built-in launch {source!r} takes no reader options")
        return _load_dataset(source)
    if format is None and not path.suffix and not path.exists():
        raise FileNotFoundError(_no_such_launch(source))
    reader = _chosen_reader(path, shown, format)
    read = str(path)
    if read == shown:
        return reader.read(path, **options)
    # Path() tidies what the user typed ("./a.yaml" is "a.yaml"); messages name the file as typed.
    try:
        return reader.read(path, **options)
    except InvalidLaunchError as error:
        raise InvalidLaunchError(
            [replace(p, file=shown) if p.file == read else p for p in error.problems]
        ) from None
    except FileNotFoundError as error:
        if error.filename is None and repr(read) in str(error):
            raise FileNotFoundError(str(error).replace(repr(read), repr(shown))) from None
        raise


def load_each(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Path, Launch | InvalidLaunchError | OSError]]:
    """Load each source in turn: ``(path, launch)``, or ``(path, why not)`` for a bad one.

    ``sources`` are files, built-in names and folders (one, or several in order). A
    folder stands for each file in it with a suffix some reader takes, sorted by name;
    its subfolders, hidden files and Office's lock files (``~$…``) are left out.

    A bad source does not stop the others. Bad input comes as an
    :class:`~launchbrief.exceptions.InvalidLaunchError` whose problems each name the
    file: an invalid record, but also a file that does not exist, one that no reader
    takes, or a folder with no launch file. A file the system refuses to read
    (permission denied, a failing disk) comes as its :class:`OSError`, so that a caller
    can tell bad input from a failing system.
    """
    for given in _sources(sources):
        if isinstance(given, tuple):
            yield given
            continue
        path, shown = Path(given), str(given)
        try:
            yield path, load(given)
        except InvalidLaunchError as error:
            named = [p if p.file is not None else replace(p, file=shown) for p in error.problems]
            yield path, InvalidLaunchError(named)
        except FileNotFoundError:
            message = "no such file"
            if not path.suffix:
                built_in = ", ".join(datasets())
                message += f", and no built-in launch of that name (built-in: {built_in})"
            yield path, InvalidLaunchError([Problem(message, file=shown)])
        except UnknownFormatError as error:
            message = str(error).removeprefix(f"cannot read {shown!r}: ")
            yield path, InvalidLaunchError([Problem(message, file=shown)])
        except OSError as error:
            yield path, error


def load_many(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[Launch]:
    """Load every source (files, built-in names, folders, as :func:`load_each` does): all or none.

    Returns the launches in the order of ``sources``, each folder's files by name.

    Raises:
        InvalidLaunchError: one or more sources are bad; every problem of every bad
            source is listed, each naming its file.
        OSError: the system refused to read a file; its ``filename`` names it.
    """
    launches: list[Launch] = []
    problems: list[Problem] = []
    for _path, loaded in load_each(sources):
        if isinstance(loaded, InvalidLaunchError):
            problems.extend(loaded.problems)
        elif isinstance(loaded, OSError):
            raise loaded
        else:
            launches.append(loaded)
    if problems:
        raise InvalidLaunchError(problems)
    return launches


def loads(text: str | bytes, format: str = "yaml", *, name: str = "<string>") -> Launch:
    """Load a launch from text in ``format`` (``"yaml"``, ``"json"`` or ``"toml"``).

    ``name`` stands for the file in error messages.
    """
    fmt = _check_format(format)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if len(data) > MAX_FILE_BYTES:
        raise InvalidLaunchError([_too_large(name, len(data))])
    return _parse(data, fmt, name)


def dumps(launch: Launch, format: str = "yaml") -> str:
    """The launch as text in ``format``; ``loads(dumps(x, f), f) == x``.

    Numbers are written as the source wrote them (``66.0``, ``85.20``) in every format.
    """
    fmt = _check_format(format)
    data = to_data(launch)
    if fmt == "json":
        marked, unmark = _mark_numbers(data)
        return unmark(json.dumps(marked, indent=2, ensure_ascii=False)) + "\n"
    if fmt == "toml":
        marked, unmark = _mark_numbers(data)
        return unmark(tomli_w.dumps(marked))
    return yaml.dump(
        data,
        Dumper=_YamlDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def dump(launch: Launch, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write the launch to ``path`` atomically; the format comes from the suffix unless given."""
    target = Path(path)
    fmt = _check_format(format) if format else _SUFFIXES.get(target.suffix.lower())
    if fmt is None:
        raise UnknownFormatError(
            f"cannot tell the format of {str(path)!r} (use .yaml, .yml, .json or .toml)"
        )
    text = dumps(launch, fmt)
    with _atomic.replace(target) as stream:
        stream.write(text.encode("utf-8"))
    return target


def datasets() -> tuple[str, ...]:
    """The names of the built-in launch records, such as ``"muse-spark"``."""
    folder = resources.files("launchbrief._datasets")
    return tuple(
        sorted(
            entry.name.removesuffix(".yaml")
            for entry in folder.iterdir()
            if entry.name.endswith(".yaml")
        )
    )


def to_data(launch: Launch) -> dict[str, Any]:
    """The launch as plain data (dicts, lists, text, numbers), as the files hold it."""
    data: dict[str, Any] = _converter.unstructure(launch)
    return data


def from_data(data: Any, *, name: str = "<data>", locations: Locations | None = None) -> Launch:
    """Build a launch from plain data, reporting every problem at once.

    ``locations`` (from a parser) lets problems carry line and column.
    """
    found = locations or Locations()
    return _build(data, name, lambda: found)


#: The top-level key that names a file's JSON Schema for editors; read past, never written.
_SCHEMA_KEY = "$schema"


def _build(data: Any, name: str, locate: Callable[[], Locations]) -> Launch:
    renames: dict[str, str] = {}
    if not isinstance(data, dict):
        found = [
            ("", f"expected a mapping of fields at the top level, got {describe(data)}", False)
        ]
    else:
        # "$schema" is for editors (JSON has no comment to hold a modeline): ignored.
        schema_key = data.get(_SCHEMA_KEY)
        own: list[tuple[str, str, bool]] = []
        if _SCHEMA_KEY in data:
            data = {key: value for key, value in data.items() if key != _SCHEMA_KEY}
            if not isinstance(schema_key, str):
                own.append(
                    (
                        _SCHEMA_KEY,
                        "expected text, the address of the JSON Schema the file follows,"
                        f" got {describe(schema_key)}",
                        False,
                    )
                )
        data, renames, upgrading = upgrade(data)
        try:
            if upgrading:
                raise InvalidLaunchError([Problem(m, p) for p, m in upgrading])
            launch = _converter.structure(data, Launch)
            if not own:
                return launch
            found = own
        except InvalidLaunchError as error:
            # Every field was well typed; only cross-references are wrong.
            found = own + [(p.path, p.message, False) for p in error.problems]
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
            found = own + list(_flatten(error, ""))
            if _only_cross_references(error):
                # Every field was well typed (cattrs wrapped the record's own check):
                # the cross-references are all there is, and they are listed already.
                return _raise_located(found, name, locate, renames)
            # attrs stops at the first bad field of a record, and cross-references
            # need the whole record: both are checked on the plain data too, so that
            # every problem comes out now rather than on the next attempt. One
            # problem a field is enough.
            reported = {path for path, _message, _key in found}
            more = [*_field_problems(data, Launch, ""), *launch_problems(data)]
            for path, message in dict.fromkeys(more):
                if path not in reported:
                    reported.add(path)
                    found.append((path, message, False))
    return _raise_located(found, name, locate, renames)


def _only_cross_references(error: BaseException) -> bool:
    """Whether a cattrs error only wraps the whole record's cross-reference check."""
    return isinstance(error, cattrs.ClassValidationError) and all(
        isinstance(sub, InvalidLaunchError) for sub in error.exceptions
    )


def _raise_located(
    found: list[tuple[str, str, bool]],
    name: str,
    locate: Callable[[], Locations],
    renames: dict[str, str],
) -> typing.NoReturn:
    # Positions are worked out only now: a valid file never pays for them.
    try:
        locations = locate()
    except ParseFailure as failure:
        raise InvalidLaunchError([replace(p, file=name) for p in failure.problems]) from None
    problems = [_locate(name, locations, _renamed(p, renames), m, key=k) for p, m, k in found]
    raise InvalidLaunchError(_sorted(problems))


def _renamed(path: str, renames: dict[str, str]) -> str:
    """Where a problem found in an upgraded schema-1 record stands in the file."""
    for new, old in renames.items():
        if path == new or path.startswith((f"{new}.", f"{new}[")):
            return old + path[len(new) :]
    return path


# --------------------------------------------------------------------------- internals


def _no_such_launch(source: str | os.PathLike[str]) -> str:
    shown = str(source)
    names = datasets()
    if shown in names:  # a Path names a file, never a built-in launch
        return f"no file {shown!r}; to load the built-in launch, pass its name as a string: load({shown!r})"
    close = difflib.get_close_matches(shown, names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"no file {shown!r} and no built-in launch of that name{hint} (built-in: {', '.join(names)})"


class _YamlDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """PyYAML's safe dumper, with line-break characters that survive a round trip."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # YAML 1.1 folds NEL and the Unicode line separators inside plain and single-quoted
    # scalars; only double quotes keep them (as escapes).
    style = '"' if any(char in text for char in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_YamlDumper.add_representer(str, _represent_text)


def _represent_score(dumper: yaml.SafeDumper, score: Score) -> yaml.ScalarNode:
    # As written: 66.0 stays 66.0, 85.20 stays 85.20, 66 stays a whole number.
    text = score.text
    tag = "int" if text.lstrip("-").isdigit() else "float"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{tag}", text)


_YamlDumper.add_representer(Score, _represent_score)


def _mark_numbers(data: Any) -> tuple[Any, Callable[[str], str]]:
    """``data`` with each :class:`Score` as a marked string, and what turns marks back.

    JSON and TOML writers print a float their own way (85.2); a mark lets the number
    go into the text exactly as written (85.20), and every float is marked alike. The mark holds a random nonce, so no
    text of the record can pass for one.
    """
    nonce = secrets.token_hex(8)
    mark = f"@@{nonce}:"

    def walk(value: Any) -> Any:
        if isinstance(value, Score):
            return f"{mark}{value.text}@@"
        if isinstance(value, float) and math.isfinite(value):
            # A plain float (a record built in Python) is marked too, as the writers would
            # print it: the TOML writer lays out a table by its length, so a number must be
            # as long whether it is a Score or not, or a dump of the loaded record would differ.
            return f"{mark}{value!r}@@"
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value

    pattern = re.compile(rf'"{re.escape(mark)}([-+.0-9eE]+|inf|-inf|nan)@@"')
    return walk(data), lambda text: pattern.sub(lambda match: match.group(1), text)


# The dumper quotes text that a reader would take for something else. PyYAML knows
# YAML 1.1's numbers; we read YAML 1.2's, so text such as '1e15' or '0o17' is quoted too.
_YamlDumper.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_YamlDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _chosen_reader(path: Path, shown: str, format: str | None) -> Reader:
    if format is None:
        return find_reader(path, shown)
    try:
        return get_reader(format)
    except UnknownFormatError:
        raise
    except LaunchbriefError as error:
        # A broken plugin is bad news for the files it reads only: the caller goes on.
        raise UnknownFormatError(f"cannot read {shown!r}: {error}") from error


def _sources(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> Iterator[str | os.PathLike[str] | tuple[Path, InvalidLaunchError | OSError]]:
    """Each source, a folder replaced by its launch files; a folder that fails, as its failure."""
    given = [sources] if isinstance(sources, (str, os.PathLike)) else sources
    suffixes: tuple[str, ...] | None = None
    for source in given:
        folder = Path(source)
        if not folder.is_dir():
            yield source
            continue
        if suffixes is None:
            suffixes = known_suffixes()
        try:
            files = sorted(
                (
                    child
                    for child in folder.iterdir()
                    if child.suffix.lower() in suffixes
                    and child.is_file()
                    and is_launch_file(child)
                ),
                key=lambda child: child.name,
            )
        except OSError as error:
            yield folder, error
            continue
        if not files:
            wanted = ", ".join(suffixes)
            problem = Problem(f"the folder holds no launch file (none ends with {wanted})")
            yield folder, InvalidLaunchError([replace(problem, file=str(source))])
        yield from files


def _check_format(format: str) -> str:
    fmt = format.lower().lstrip(".")
    fmt = "yaml" if fmt == "yml" else fmt
    if fmt not in FORMATS:
        raise UnknownFormatError(f"unknown format {format!r} (known: {', '.join(FORMATS)})")
    return fmt


def _load_dataset(name: str) -> Launch:
    entry = resources.files("launchbrief._datasets").joinpath(f"{name}.yaml")
    return _parse(entry.read_bytes(), "yaml", f"<built-in {name}>")


def _too_large(name: str, size: int | None) -> Problem:
    measured = f"{size / 2**20:.1f} MiB" if size is not None else "more than that"
    return Problem(
        f"the file is too large ({measured}; the limit is {MAX_FILE_BYTES / 2**20:.0f} MiB)",
        file=name,
    )


def read_bytes(path: Path) -> bytes:
    """The bytes of the file at ``path``, for a reader: refused past :data:`MAX_FILE_BYTES`.

    Raises:
        InvalidLaunchError: the file is too large, or a folder.
        FileNotFoundError: there is no such file.
    """
    name = str(path)
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise FileNotFoundError(f"no such file: {name!r}") from None
    except IsADirectoryError:
        raise InvalidLaunchError([Problem("is a folder, not a file", file=name)]) from None
    with stream:
        status = os.fstat(stream.fileno())
        if stat.S_ISDIR(status.st_mode):
            raise InvalidLaunchError([Problem("is a folder, not a file", file=name)])
        if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
            raise InvalidLaunchError([_too_large(name, status.st_size)])
        # The cap holds on the bytes read, not on what stat() says: a pipe or a
        # device has no size until it is read.
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InvalidLaunchError([_too_large(name, None)])
    return data


# UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InvalidLaunchError([Problem("the file is empty", file=name, line=1, column=1)])
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return body.decode(encoding)
            except UnicodeDecodeError as error:
                read = body[: error.start].decode(encoding, "replace")
                line = read.count("\n") + 1
                column = len(read) - (read.rfind("\n") + 1) + 1
                wide = encoding.upper().removesuffix("-LE").removesuffix("-BE")
                raise InvalidLaunchError(
                    [
                        Problem(
                            f"not valid {wide} text (the bytes at offset"
                            f" {len(bom) + error.start:,} cannot be read); save the file as UTF-8",
                            file=name,
                            line=line,
                            column=column,
                        )
                    ]
                ) from None
    head = data[:8192]
    if b"\x00" in head:
        message = "not a text file (it holds binary data)"
        if _looks_wide(head):
            message = "looks like UTF-16 or UTF-32 text without a byte-order mark; save it as UTF-8"
        raise InvalidLaunchError([Problem(message, file=name, line=1, column=1)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InvalidLaunchError(
            [
                Problem(
                    f"not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read);"
                    " save the file as UTF-8",
                    file=name,
                    line=line,
                    column=column,
                )
            ]
        ) from None


def _looks_wide(head: bytes) -> bool:
    """Whether bytes look like UTF-16 or UTF-32 text: zero bytes in a steady rhythm."""
    for width in (2, 4):
        for place in range(width):
            lane = head[place::width]
            if len(lane) >= 8 and lane.count(0) < len(lane) // 10:
                others = [head[p::width] for p in range(width) if p != place]
                if all(other.count(0) > len(other) * 9 // 10 for other in others):
                    return True
    return False


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def _parse(data: bytes, fmt: str, name: str) -> Launch:
    text = _decode(data, name)
    try:
        if fmt == "json":
            value, locate = parse_json(text)
        elif fmt == "toml":
            check_values(text, "toml")
            value, locate = _parse_toml(text), functools.partial(locate_toml, text)
        else:
            value, locate = parse_yaml(text)
    except ParseFailure as failure:
        raise InvalidLaunchError([replace(p, file=name) for p in failure.problems]) from None
    return _build(value, name, locate)


def _parse_toml(text: str) -> Any:
    try:
        return tomllib.loads(text, parse_float=Score)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = column = None
        if match and match.group(1):
            line, column = int(match.group(1)), int(match.group(2))
        plain = _TOML_POSITION.sub("", message)
        raise ParseFailure([Problem(f"invalid TOML: {plain}", line=line, column=column)]) from None
    except RecursionError:
        raise ParseFailure([Problem("the TOML nests too deeply to be a launch record")]) from None


def _locate(
    name: str, locations: Locations, path: str, message: str, *, key: bool = False
) -> Problem:
    position = locations.find(path, key=key)
    line, column = position if position else (None, None)
    return Problem(message, path, name, line, column)


def _sorted(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.line or 0, p.column or 0))


def _flatten(error: BaseException, path: str) -> Iterator[tuple[str, str, bool]]:
    """``(path, message, located at the key?)`` for every leaf of a cattrs error tree."""
    if isinstance(error, cattrs.IterableValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            yield from _flatten(sub, join_path(path, note.index))
        for sub in without:
            yield from _flatten(sub, path)
    elif isinstance(error, cattrs.ClassValidationError):
        attribute_notes, others = error.group_exceptions()
        for sub, attribute_note in attribute_notes:
            child = join_path(path, attribute_note.name)
            if isinstance(sub, KeyError):
                yield child, f"missing required field {attribute_note.name!r}", False
            else:
                yield from _flatten(sub, child)
        for sub in others:
            if isinstance(sub, cattrs.ForbiddenExtraKeysError):
                fields = [field.name for field in attrs.fields(sub.cl)]
                for extra in sorted(sub.extra_fields):
                    yield join_path(path, extra), _unknown_key(extra, fields), True
            else:
                yield from _flatten(sub, path)
    elif isinstance(error, FieldValueError):
        yield join_path(path, error.field), error.message, False
    elif isinstance(error, InvalidLaunchError):
        for problem in error.problems:
            yield _join_paths(path, problem.path), problem.message, False
    else:
        yield path, str(error), False


def _field_problems(data: Any, cls: type, path: str) -> Iterator[tuple[str, str]]:
    """Run every field validator of ``cls`` and its parts on plain data."""
    if not isinstance(data, dict):
        return
    for field, record_type in _record_fields(cls):
        if field.name not in data:
            continue
        value = data[field.name]
        child = join_path(path, field.name)
        if field.validator is not None:
            try:
                field.validator(None, field, value)
            except FieldValueError as error:
                yield child, error.message
            except Exception:  # noqa: BLE001 - a value of the wrong type: the converter says so
                pass
        if record_type is None:
            continue
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _field_problems(item, record_type, join_path(child, index))
        else:
            yield from _field_problems(value, record_type, child)


@functools.cache
def _record_fields(cls: type) -> tuple[tuple[attrs.Attribute[Any], type | None], ...]:
    """Each field of an attrs class with the record class it holds, if any (directly or in a tuple)."""
    hints = typing.get_type_hints(cls)
    fields = []
    for field in attrs.fields(cls):
        hint = hints[field.name]
        if typing.get_origin(hint) is tuple:
            hint = typing.get_args(hint)[0]
        fields.append((field, hint if attrs.has(hint) else None))
    return tuple(fields)


def _join_paths(base: str, path: str) -> str:
    if not base:
        return path
    if not path:
        return base
    return f"{base}{path}" if path.startswith("[") else f"{base}.{path}"


def _unknown_key(key: str, fields: list[str]) -> str:
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r} (did you mean {close[0]!r}?)"
    return f"unknown key {key!r} (known: {', '.join(fields)})"
