"""Reference pages written from the code when the site is built, so they cannot drift from it.

The input format's field tables and enumerations come from the JSON Schema that
``launchbrief schema`` prints (``launchbrief._schema.json_schema()``); the command-line
reference from the argparse parser of ``launchbrief.cli``; the API reference from
``launchbrief.__all__``. Each function returns Markdown; ``launchbrief_hooks.py`` puts it
into the pages where they hold a marker such as ``<!-- launchbrief:fields Launch -->``.
Nothing here imports MkDocs, so the tests can call these functions directly.
"""

from __future__ import annotations

import argparse
import importlib
import re
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT_RECORD = "Launch"
"""The name the field tables give the top-level record, which the schema holds at its root."""

MARKER = re.compile(r"^<!-- launchbrief:(?P<kind>[\w-]+)(?: (?P<arg>[\w.]+))? -->[ \t]*$", re.M)
"""A marker line: ``<!-- launchbrief:KIND ARG -->``, replaced by the generated Markdown."""

# The sections of the API reference, by the module a name comes from. A name from a module
# not listed here still appears, under "More": the list of names is launchbrief.__all__.
API_SECTIONS = {
    "launchbrief.io": "Loading and writing",
    "launchbrief._api": "Exporting",
    "launchbrief.model": "The record",
    "launchbrief.analysis": "Analysis",
    "launchbrief._diff": "Comparing versions",
    "launchbrief._frame": "Tables",
    "launchbrief.tables": "Tables",
    "launchbrief.exceptions": "Errors",
    "launchbrief.exporters": "Plugins",
    "launchbrief.readers": "Plugins",
    "launchbrief._version": "Version",
}


# --------------------------------------------------------------------------- Markdown text


def inline(text: str) -> str:
    """Text for one table cell: on one line, Markdown and HTML characters escaped outside code.

    Docstring-style ````code```` becomes Markdown ```code```; code spans are kept as written.
    """
    text = " ".join(text.replace("``", "`").split())
    parts = re.split(r"(`[^`]*`)", text)
    escaped = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            escaped.append(part)
        else:
            for char in "\\*_[]|":
                part = part.replace(char, "\\" + char)
            escaped.append(part.replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(escaped)


def code(value: object) -> str:
    """``value`` as inline code, as a YAML file would write it."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = str(value)
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def words(name: str) -> str:
    """A class name in words: ``SafetyFinding`` -> ``safety finding``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def plural(noun: str) -> str:
    """The plural of a record's name in words, good enough for the names of the model."""
    return noun if noun.endswith("s") else noun + "s"


# --------------------------------------------------------------------------- the input format


@attrs.frozen(kw_only=True)
class Field:
    """One row of a field table: a property of a record in the JSON Schema."""

    name: str
    type: str
    default: str
    meaning: str


@attrs.frozen(kw_only=True)
class Pattern:
    """A regular expression of the schema, with the short name the field tables give it."""

    name: str
    regex: str
    paths: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Context:
    """What the tables of one page need: the schema's records, their anchors, its patterns."""

    defs: Mapping[str, Mapping[str, Any]]
    anchors: Mapping[str, str]
    patterns: Mapping[str, Pattern]

    @classmethod
    def of(cls, schema: Mapping[str, Any], anchors: Mapping[str, str]) -> Context:
        """The context of ``schema``, whose records' tables are under the headings ``anchors``."""
        return cls(defs=definitions(schema), anchors=anchors, patterns=patterns(schema))


def definitions(schema: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Every record of the schema by name, the top-level one first as ``Launch``."""
    return {ROOT_RECORD: schema, **schema.get("$defs", {})}


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _options(node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The alternatives of ``anyOf`` or ``oneOf``, without ``null``; the node itself if none.

    A node with a type, properties, items or a reference of its own is itself the one form:
    its ``anyOf`` only narrows it (a result needs a score, comparisons or a claim).
    """
    if any(key in node for key in ("type", "properties", "items", "$ref")):
        return [node]
    for key in ("anyOf", "oneOf"):
        if key in node:
            found: list[Mapping[str, Any]] = []
            for option in node[key]:
                found.extend(_options(option))
            return [option for option in found if option.get("type") != "null"]
    return [node]


def nullable(node: Mapping[str, Any]) -> bool:
    """Whether ``null`` is one of the values the node takes."""
    kind = node.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    if None in node.get("enum", ()):
        return True
    return any(nullable(option) for key in ("anyOf", "oneOf") for option in node.get(key, ()))


def enum_values(
    node: Mapping[str, Any], defs: Mapping[str, Mapping[str, Any]] | None = None
) -> list[Any] | None:
    """The values a property may take, if it is a choice: ``enum`` or ``const``, here or in
    its alternatives. An alternative without a list of values (such as a pattern that takes
    other spellings of the same values) adds none; ``null`` is not a value."""
    if "enum" in node:
        return [value for value in node["enum"] if value is not None]
    if "const" in node:
        return [node["const"]]
    if "$ref" in node and defs is not None:
        return enum_values(defs.get(_ref_name(node["$ref"]), {}), defs)
    found: list[Any] = []
    for key in ("anyOf", "oneOf", "allOf"):
        for option in node.get(key, ()):
            for value in enum_values(option, defs) or ():
                if value not in found:
                    found.append(value)
    return found or None


def _walk(
    node: Mapping[str, Any],
    path: str,
    defs: Mapping[str, Mapping[str, Any]],
    seen: frozenset[str],
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every property below ``node`` with its path in a launch file: ``surfaces[].kind``.

    Alternatives are walked too, so a property yields itself and then its non-null forms.
    """
    for option in _options(node):
        if option is not node:
            yield path, option
        if "$ref" in option:
            name = _ref_name(option["$ref"])
            if name in seen:
                continue
            yield from _walk(defs[name], path, defs, seen | {name})
        elif option.get("type") == "array" and "items" in option:
            yield f"{path}[]", option["items"]
            yield from _walk(option["items"], path + "[]", defs, seen)
        for key, child in option.get("properties", {}).items():
            here = f"{path}.{key}" if path else key
            yield here, child
            yield from _walk(child, here, defs, seen)


_DATE_EXAMPLE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def patterns(schema: Mapping[str, Any]) -> dict[str, Pattern]:
    """Every regular expression of the schema's properties, named for the field tables.

    A pattern that is not anchored (it asks for one character that is not a space) is
    ``text``; one whose fields give a date as their example or say ``YYYY-MM-DD`` is ``date``;
    one on a field named ``id`` is ``id`` (``launch id`` on the top-level one only); any other
    is ``pattern 1``, ``pattern 2``, ... The exact expressions are on the page too.
    """
    found: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    # A description sits on the property, its pattern on one of its alternatives: keep both.
    described: dict[str, str] = {}
    choices = set()
    for path, node in _walk(schema, "", definitions(schema), frozenset()):
        if "description" in node:
            described[path] = node["description"]
        if enum_values(node):
            # Other spellings of a choice ("Rolling out") are a pattern beside the values.
            choices.add(path)
            continue
        if path in choices:
            continue
        if isinstance(node.get("pattern"), str):
            found.setdefault(node["pattern"], []).append((path, node))
    named: dict[str, Pattern] = {}
    others = 0
    for regex, uses in found.items():
        paths = tuple(dict.fromkeys(path for path, _node in uses))
        leaves = {path.removesuffix("[]").rsplit(".", 1)[-1] for path in paths}
        dates = any(
            all(_DATE_EXAMPLE.match(str(example)) for example in node.get("examples", ["-"]))
            or "YYYY-MM-DD" in described.get(path, "")
            for path, node in uses
        )
        if not regex.startswith("^"):
            name = "text"
        elif dates:
            name = "date"
        elif "id" in leaves:
            name = "launch id" if paths == ("id",) else "id"
        else:
            others += 1
            name = f"pattern {others}"
        if name in {p.name for p in named.values()}:
            others += 1
            name = f"{name} {others}"
        named[regex] = Pattern(name=name, regex=regex, paths=paths)
    return named


_SIMPLE = {
    "string": "text",
    "number": "number",
    "integer": "whole number",
    "boolean": "`true` or `false`",
    "object": "mapping",
    "array": "list",
}


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10**6:
        exponent = len(str(abs(value))) - 1
        if abs(value) == 10**exponent:
            return ("-" if value < 0 else "") + f"10^{exponent}^".replace("^", "<sup>", 1).replace(
                "^", "</sup>"
            )
    return str(value)


def _bounds(node: Mapping[str, Any]) -> list[str]:
    said = []
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None and low == -high:
        said.append(f"at most {_number(high)} either way")
    else:
        if low is not None:
            said.append(f"{_number(low)} or more")
        if "exclusiveMinimum" in node:
            said.append(f"above {_number(node['exclusiveMinimum'])}")
        if high is not None:
            said.append(f"at most {_number(high)}")
    if "exclusiveMaximum" in node:
        said.append(f"below {_number(node['exclusiveMaximum'])}")
    if node.get("minLength", 0) > 1:
        said.append(f"at least {node['minLength']} characters")
    if "maxLength" in node:
        said.append(f"at most {node['maxLength']} characters")
    if node.get("minItems", 0) > 0:
        said.append(f"at least {node['minItems']} item" + ("s" if node["minItems"] > 1 else ""))
    if node.get("uniqueItems"):
        said.append("no repeats")
    return said


def type_words(node: Mapping[str, Any], context: Context) -> str:
    """A property's type in words, with links to the tables of the records it holds."""
    values = enum_values(node, context.defs)
    if values is not None:
        choices = [code(value) for value in values]
        return choices[0] if len(choices) == 1 else "one of " + ", ".join(choices)
    options = _options(node)
    if len(options) > 1:
        return " or ".join(type_words(option, context) for option in options)
    (node,) = options
    if "$ref" in node:
        name = _ref_name(node["$ref"])
        shown = words(name)
        return f"[{shown}](#{context.anchors[name]})" if name in context.anchors else shown
    kind = node.get("type")
    if kind == "array":
        items = node.get("items", {})
        inner = _options(items)
        if len(inner) == 1 and "$ref" in inner[0]:
            name = _ref_name(inner[0]["$ref"])
            noun = plural(words(name))
            held = f"[{noun}](#{context.anchors[name]})" if name in context.anchors else noun
        else:
            held = type_words(items, context)
        text = f"list of {held}"
    elif isinstance(kind, list):
        text = " or ".join(_SIMPLE.get(str(k), str(k)) for k in kind if k != "null")
    elif "pattern" in node and node["pattern"] in context.patterns:
        pattern = context.patterns[node["pattern"]]
        if pattern.name in {"text", "date"}:
            return pattern.name  # their length bounds say nothing the pattern does not
        text = f"[{pattern.name}](#patterns)"
    elif kind == "string" and node.get("format") == "date":
        return "date (`YYYY-MM-DD`)"
    else:
        text = _SIMPLE.get(str(kind), str(kind)) if kind else "any value"
    said = _bounds(node)
    return f"{text} ({', '.join(said)})" if said else text


def _attrs_default(record: str, name: str) -> object:
    """The default of a field of the model's class ``record``, or ``attrs.NOTHING``."""
    import launchbrief.model

    cls = getattr(launchbrief.model, record, None)
    if cls is None or not attrs.has(cls):
        return attrs.NOTHING
    for field in attrs.fields(cls):
        if field.name == name:
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                return default.factory()
            return default
    return attrs.NOTHING


def default_words(record: str, name: str, node: Mapping[str, Any], required: bool) -> str:
    """What a field is when the file leaves it out: ``required``, ``none``, ``empty`` or a value.

    The schema's ``default`` when it gives one, else the model's own default.
    """
    if required:
        return "required"
    default = node["default"] if "default" in node else _attrs_default(record, name)
    if default is attrs.NOTHING:
        return "none" if nullable(node) else "optional"
    if default is None:
        return "none"
    if default in ((), [], {}):
        return "empty"
    return code(getattr(default, "value", default))


def fields(record: str, schema: Mapping[str, Any], context: Context) -> list[Field]:
    """The rows of the field table of one record of the schema."""
    required = set(schema.get("required", ()))
    rows = []
    for name, node in schema.get("properties", {}).items():
        meaning = inline(node.get("description") or node.get("title") or "")
        examples = node.get("examples")
        if examples:
            shown = ", ".join(code(example) for example in examples)
            meaning = f"{meaning} Example: {shown}." if meaning else f"Example: {shown}."
        rows.append(
            Field(
                name=name,
                type=type_words(node, context),
                default=default_words(record, name, node, name in required),
                meaning=meaning.strip(),
            )
        )
    return rows


def field_table(record: str, schema: Mapping[str, Any], context: Context) -> str:
    """The Markdown table of a record's fields: field, type, default and meaning."""
    lines = ["| field | type | default | meaning |", "| --- | --- | --- | --- |"]
    for row in fields(record, schema, context):
        lines.append(f"| `{row.name}` | {row.type} | {row.default} | {row.meaning} |")
    extra = schema.get("additionalProperties")
    if isinstance(extra, Mapping) or extra is True:
        held = type_words(extra, context) if isinstance(extra, Mapping) else "any value"
        meaning = inline(extra.get("description", "")) if isinstance(extra, Mapping) else ""
        lines.append(f"| *any other key* | {held} | none | {meaning or 'Kept as written.'} |")
    return "\n".join(lines) + "\n"


def pattern_table(schema: Mapping[str, Any]) -> str:
    """The Markdown table of the schema's regular expressions, by the names the tables use."""
    lines = ["| name | regular expression | fields |", "| --- | --- | --- |"]
    for pattern in patterns(schema).values():
        count = len(pattern.paths)
        used = ", ".join(code(path) for path in pattern.paths[:3])
        if count > 3:
            used += f" and {count - 3} more"
        lines.append(f"| {pattern.name} | {code(pattern.regex)} | {used} |")
    return "\n".join(lines) + "\n"


def enumerations(schema: Mapping[str, Any]) -> list[tuple[list[str], list[Any]]]:
    """Each list of choices of the schema, with the paths of the fields that take it."""
    defs = definitions(schema)
    grouped: dict[tuple[str, ...], list[str]] = {}
    values_of: dict[tuple[str, ...], list[Any]] = {}
    for path, node in _walk(schema, "", defs, frozenset()):
        values = enum_values(node, defs)
        if values and len(values) > 1:
            key = tuple(str(value) for value in values)
            paths = grouped.setdefault(key, [])
            if path not in paths:
                paths.append(path)
            values_of[key] = values
    return [(paths, values_of[key]) for key, paths in grouped.items()]


def enumeration_table(schema: Mapping[str, Any]) -> str:
    """The Markdown table of every list of choices: the fields that take it, and its values."""
    lines = ["| used by | values |", "| --- | --- |"]
    for paths, values in enumerations(schema):
        used = ", ".join(code(path) for path in paths)
        lines.append(f"| {used} | {', '.join(code(value) for value in values)} |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- command line


def _help_formatter(parser: argparse.ArgumentParser) -> argparse.HelpFormatter:
    # A fixed width: the page must not depend on the terminal that builds the site.
    formatter: argparse.HelpFormatter = parser.formatter_class(  # type: ignore[call-arg]
        prog=parser.prog, width=88
    )
    return formatter


def usage(parser: argparse.ArgumentParser) -> str:
    """A parser's usage line, as ``--help`` prints it at 88 columns."""
    formatter = _help_formatter(parser)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return formatter.format_help().strip()


def _subcommands(
    parser: argparse.ArgumentParser,
) -> list[tuple[str, str, argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                if name in helps:  # aliases have no help entry of their own
                    found.append((name, helps[name], sub))
    return found


def commands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """Every command of the parser, nested ones too, as (``launchbrief export``, parser)."""
    found = []
    for _name, _help, sub in _subcommands(parser):
        found.append((sub.prog, sub))
        found.extend(commands(sub))
    return found


def _argument(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    """How ``--help`` writes the argument: ``-f FORMAT``, ``--format FORMAT``, ``SOURCE``."""
    shown = _help_formatter(parser)._format_action_invocation(action)
    if not action.option_strings:
        return code(shown)
    # "-f FORMAT, --format FORMAT": a comma never appears inside one form.
    return ", ".join(code(form) for form in shown.split(", "))


def _action_help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    text = _help_formatter(parser)._expand_help(action) if action.help else ""
    text = inline(text)
    if action.choices is not None:
        if text and not text.endswith("."):
            text += "."
        choices = ", ".join(code(choice) for choice in action.choices)
        text = f"{text} Choices: {choices}.".strip()
    return text


def _arguments_table(parser: argparse.ArgumentParser) -> str:
    rows = []
    for action in parser._actions:
        hidden = action.help == argparse.SUPPRESS
        if hidden or isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
            continue
        rows.append(f"| {_argument(parser, action)} | {_action_help(parser, action)} |")
    if not rows:
        return ""
    return "| argument | description |\n| --- | --- |\n" + "\n".join(rows) + "\n"


def _paragraph(text: str | None) -> str:
    return inline(text) + "\n\n" if text else ""


def _command_section(name: str, summary: str, parser: argparse.ArgumentParser, level: int) -> str:
    heading = "#" * level
    parts = [f"{heading} {parser.prog}\n\n"]
    if parser.description:
        parts.append(_paragraph(parser.description))
    elif summary:
        parts.append(_paragraph(summary[:1].upper() + summary[1:] + "."))
    parts.append(f"```text\n{usage(parser)}\n```\n\n")
    parts.append(_arguments_table(parser))
    if parser.epilog:
        parts.append("\n" + _paragraph(parser.epilog))
    for sub_name, sub_summary, sub in _subcommands(parser):
        parts.append("\n" + _command_section(sub_name, sub_summary, sub, level + 1))
    return "".join(parts)


def cli_reference(parser: argparse.ArgumentParser) -> str:
    """The command-line reference: a summary table, then each command's usage and arguments."""
    parts = [_paragraph(parser.description), f"```text\n{usage(parser)}\n```\n\n"]
    parts.append(_arguments_table(parser) + "\n")
    parts.append("| command | does |\n| --- | --- |\n")
    for name, summary, sub in _subcommands(parser):
        anchor = slug(sub.prog)
        parts.append(f"| [`{name}`](#{anchor}) | {inline(summary)} |\n")
    parts.append("\n")
    if parser.epilog:
        parts.append(_paragraph(parser.epilog))
    for name, summary, sub in _subcommands(parser):
        parts.append(_command_section(name, summary, sub, 2) + "\n")
    return "".join(parts)


def slug(heading: str) -> str:
    """The anchor Python-Markdown's ``toc`` gives a heading (its default ``slugify``)."""
    from markdown.extensions.toc import slugify  # type: ignore[import-untyped]

    result: str = slugify(heading, "-")
    return result


# --------------------------------------------------------------------------- Python API


def api_groups(
    names: Sequence[str], home: Callable[[str], str]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """``names`` in sections by the module each comes from (``home(name)``), in the order given.

    Returns (section title, [(name, module)]) in the order of ``API_SECTIONS``, then "More".
    """
    titles = list(dict.fromkeys([*API_SECTIONS.values(), "More"]))
    grouped: dict[str, list[tuple[str, str]]] = {title: [] for title in titles}
    for name in names:
        module = home(name)
        title = next(
            (
                section
                for prefix, section in API_SECTIONS.items()
                if module == prefix or module.startswith(prefix + ".")
            ),
            "More",
        )
        grouped[title].append((name, module))
    return [(title, members) for title, members in grouped.items() if members]


def api_reference(package: str, names: Sequence[str], home: Callable[[str], str]) -> str:
    """mkdocstrings directives for every name of ``package.__all__``, grouped by section."""
    parts = []
    for title, members in api_groups(names, home):
        parts.append(f"## {title}\n\n")
        for name, _module in members:
            parts.append(f"::: {package}.{name}\n\n")
    return "".join(parts)


def module_reference(module: str, names: Sequence[str]) -> str:
    """A mkdocstrings directive for a module, showing exactly the members in ``names``."""
    members = "\n".join(f"        - {name}" for name in names)
    return (
        textwrap.dedent(f"""\
        ::: {module}
            options:
              show_root_heading: true
              show_root_full_path: true
              heading_level: 2
              members:
        """)
        + members
        + "\n"
    )


# --------------------------------------------------------------------------- pages


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def lines_outside_fences(markdown: str) -> list[tuple[bool, str]]:
    """The page's lines, with their line ends, as (in a fenced code block?, line)."""
    inside = False
    lines = []
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line):
            lines.append((True, line))
            inside = not inside
        else:
            lines.append((inside, line))
    return lines


def field_anchors(markdown: str) -> dict[str, str]:
    """For each ``fields`` marker of a page, its record and the anchor of the heading above it."""
    anchors = {}
    heading = ""
    for inside, line in lines_outside_fences(markdown):
        if inside:
            continue
        found = _HEADING.match(line)
        if found:
            heading = found.group(2)
        marker = MARKER.match(line.rstrip("\n"))
        if marker and marker["kind"] == "fields" and marker["arg"]:
            anchors[marker["arg"]] = slug(heading)
    return anchors


def _module_all(name: str) -> list[str]:
    module = importlib.import_module(name)
    return list(module.__all__)


def _static_home(package: str) -> Callable[[str], str]:
    """A function from a name of ``package`` to the module it comes from, read from the source
    as mkdocstrings reads it (griffe), so a name imported only for type checkers counts."""
    import griffe

    source = Path(__file__).parents[2] / "src"
    loaded = griffe.load(package, search_paths=[str(source)], resolve_aliases=False)

    def home(name: str) -> str:
        member = loaded.members.get(name)
        if member is None:
            return ""
        path: str = member.target_path if isinstance(member, griffe.Alias) else member.path
        return path.rsplit(".", 1)[0]

    return home


def generate(kind: str, arg: str | None, markdown: str) -> str:
    """The Markdown that replaces the marker ``<!-- launchbrief:KIND ARG -->`` on a page.

    Raises:
        ValueError: the marker is unknown, or names a record the schema does not have.
    """
    if kind in {"fields", "enumerations", "patterns"}:
        from launchbrief._schema import json_schema

        schema = json_schema()
        if kind == "enumerations":
            return enumeration_table(schema)
        if kind == "patterns":
            return pattern_table(schema)
        context = Context.of(schema, field_anchors(markdown))
        if arg is None or arg not in context.defs:
            raise ValueError(f"no record {arg!r} in the JSON Schema")
        return field_table(arg, context.defs[arg], context)
    if kind == "cli":
        from launchbrief.cli import _parser

        return cli_reference(_parser())
    if kind == "api" and arg:
        return api_reference(arg, _module_all(arg), _static_home(arg))
    if kind == "module" and arg:
        return module_reference(arg, _module_all(arg))
    raise ValueError(f"unknown marker launchbrief:{kind} {arg or ''}".strip())


def missing_records(markdown: str) -> list[str]:
    """On a page with field tables, the records of the schema that have none (else nothing)."""
    documented = field_anchors(markdown)
    if not documented:
        return []
    from launchbrief._schema import json_schema

    return [record for record in definitions(json_schema()) if record not in documented]


def render(markdown: str) -> str:
    """The page with every marker replaced by its generated Markdown."""
    out = []
    for inside, line in lines_outside_fences(markdown):
        marker = None if inside else MARKER.match(line.rstrip("\n"))
        out.append(generate(marker["kind"], marker["arg"], markdown) if marker else line)
    return "".join(out)
