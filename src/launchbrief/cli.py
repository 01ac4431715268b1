"""The ``launchbrief`` command: parse, call the public API, print.

Exit codes: 0 success; 2 bad input or usage; 1 anything unexpected.
Starting the command imports neither openpyxl nor python-pptx.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from launchbrief import _atomic, _show
from launchbrief._version import __version__
from launchbrief.exceptions import (
    ExportError,
    InvalidLaunchError,
    LaunchbriefError,
    UnknownFormatError,
)
from launchbrief.exporters import Exporter, exporters, get_exporter
from launchbrief.io import datasets, load

__all__ = ["main"]

DEFAULT_SOURCE = "muse-spark"

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2


class _Usage(Exception):
    """Bad usage found after parsing (a missing file, an unknown format)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.run(args))
    except InvalidLaunchError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (_Usage, UnknownFormatError, ExportError, FileNotFoundError, IsADirectoryError) as error:
        print(f"launchbrief: error: {_message(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except LaunchbriefError as error:
        print(f"launchbrief: error: {error}", file=sys.stderr)
        return EXIT_UNEXPECTED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (``| head``) went away; that is not our failure.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK


def _message(error: BaseException) -> str:
    if isinstance(error, (FileNotFoundError, IsADirectoryError)) and error.args:
        return (
            str(error.args[-1]) if error.filename is None else f"{error.strerror}: {error.filename}"
        )
    return str(error)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="launchbrief",
        description="Turn an AI model launch into a validated record and export it.",
        epilog="Run 'launchbrief COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"launchbrief {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    export = commands.add_parser(
        "export",
        help="write a launch as workbook, deck or other formats",
        description="Export a launch. Without -f, every document format (workbook and deck)"
        " is written, as DIR/<launch id>.<suffix>.",
    )
    export.add_argument("source", nargs="?", default=DEFAULT_SOURCE, help=_SOURCE_HELP)
    export.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        metavar="FORMAT",
        help="format to write (repeatable); see 'launchbrief formats'",
    )
    export.add_argument(
        "-o", "--output", type=Path, default=Path("."), metavar="DIR", help="folder to write to"
    )
    export.set_defaults(run=_export)

    validate = commands.add_parser(
        "validate",
        help="check launch files and list every problem",
        description="Check launch files. Prints every problem as file:line:column: path:"
        " message and exits 2 if any file is invalid.",
    )
    validate.add_argument("sources", nargs="+", metavar="SOURCE", help=_SOURCE_HELP)
    validate.set_defaults(run=_validate)

    show = commands.add_parser(
        "show",
        help="print a readable summary of a launch",
        description="Print key facts, leaderboards, rollout and safety of a launch.",
    )
    show.add_argument("source", nargs="?", default=DEFAULT_SOURCE, help=_SOURCE_HELP)
    show.add_argument("--gaps", action="store_true", help="list what the record does not know")
    show.set_defaults(run=_show_launch)

    formats = commands.add_parser(
        "formats", help="list export formats", description="List exporters."
    )
    formats.set_defaults(run=_formats)

    names = commands.add_parser(
        "datasets", help="list built-in launches", description="List built-in launch records."
    )
    names.set_defaults(run=_datasets)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of launch files",
        description="Print the JSON Schema of the input format (ids and scales are checked by"
        " 'validate').",
    )
    schema.set_defaults(run=_schema)
    return parser


_SOURCE_HELP = (
    f"a launch file (.yaml .yml .json .toml .xlsx) or built-in name (default: {DEFAULT_SOURCE})"
)


def _export(args: argparse.Namespace) -> int:
    launch = load(args.source)
    chosen = _chosen_exporters(args.formats)
    folder: Path = args.output
    if folder.exists() and not folder.is_dir():
        raise _Usage(f"{folder} is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    targets = []
    for exporter in chosen:
        target = folder / f"{launch.id}{exporter.suffix}"
        # The id is a validated slug, but check anyway: an export never leaves its folder.
        if target.resolve().parent != folder.resolve():
            raise _Usage(f"refusing to write outside {folder}: {target}")
        targets.append((exporter, target))
    # Write every file beside its target first, and put them in place only when
    # all succeeded: one failing format leaves no file half-written or replaced.
    with contextlib.ExitStack() as stack:
        streams = [(e, t, stack.enter_context(_atomic.replace(t))) for e, t in targets]
        for exporter, _target, stream in streams:
            exporter.export(launch, stream)
    for _exporter, target in targets:
        print(target)
    return EXIT_OK


def _chosen_exporters(formats: list[str] | None) -> list[Exporter]:
    if formats:
        return [get_exporter(name) for name in dict.fromkeys(formats)]
    chosen = []
    for entry in exporters():
        try:
            exporter = entry.load()
        except LaunchbriefError as error:
            print(f"launchbrief: warning: {error}", file=sys.stderr)
            continue
        if getattr(exporter, "document", False):
            chosen.append(exporter)
    if not chosen:
        raise _Usage("no document exporter (xlsx, pptx) is installed; choose one with -f")
    return chosen


def _validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for source in args.sources:
        try:
            launch = load(source)
        except InvalidLaunchError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            status = EXIT_BAD_INPUT
        except (UnknownFormatError, FileNotFoundError) as error:
            print(f"{source}: {_message(error)}", file=sys.stderr)
            status = EXIT_BAD_INPUT
        else:
            print(f"{source}: valid ({len(launch.results)} results, {len(launch.sources)} sources)")
    return status


def _show_launch(args: argparse.Namespace) -> int:
    launch = load(args.source)
    text = _show.gaps_text(launch) if args.gaps else _show.summary_text(launch)
    sys.stdout.write(text)
    return EXIT_OK


def _formats(_args: argparse.Namespace) -> int:
    status = EXIT_OK
    for entry in exporters():
        try:
            exporter = entry.load()
        except LaunchbriefError as error:
            print(f"{entry.name:<8} unavailable: {error}")
            status = EXIT_UNEXPECTED
            continue
        print(f"{entry.name:<8} {exporter.suffix:<7} {exporter.description}")
    return status


def _datasets(_args: argparse.Namespace) -> int:
    for name in datasets():
        launch = load(name)
        print(f"{name:<16} {launch.title}")
    return EXIT_OK


def _schema(_args: argparse.Namespace) -> int:
    from launchbrief._schema import json_schema

    print(json.dumps(json_schema(), indent=2))
    return EXIT_OK
