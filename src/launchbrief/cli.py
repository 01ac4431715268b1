"""The ``launchbrief`` command: parse, call the public API, print.

Exit codes: 0 success; 2 bad input or usage; 1 the system failed (a file that
cannot be read or written, no memory) or anything unexpected; 130 interrupted,
143 terminated. Everything printed passes :func:`terminal_text`, so text from a
record cannot drive the terminal. Starting the command imports neither openpyxl
nor python-pptx.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, NoReturn

from launchbrief import _api, _batch, _show
from launchbrief._version import __version__
from launchbrief.exceptions import (
    ExportError,
    InvalidLaunchError,
    LaunchbriefError,
    UnknownFormatError,
)
from launchbrief.exporters import Exporter, get_exporter, list_exporters
from launchbrief.io import datasets, load
from launchbrief.model import Launch
from launchbrief.readers import list_readers

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main", "terminal_text"]

DEFAULT_SOURCE = "muse-spark"

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

# C0 controls but tab and newline, DEL and C1 controls as \xNN; bidirectional
# overrides and isolates (which reorder what follows them) as \uNNNN; lone
# surrogates, which no terminal encoding can print, as U+FFFD.
_UNSAFE = {
    code: f"\\x{code:02x}"
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))
    if chr(code) not in "\t\n"
}
_UNSAFE.update(
    {code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
_UNSAFE.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))


def terminal_text(text: str) -> str:
    """``text`` made safe to print: control characters shown as escapes, never obeyed.

    Keeps newlines and tabs; writes other C0 controls, DEL and C1 controls as
    ``\\x1b``-style escapes and bidirectional overrides and isolates as
    ``\\u202e``-style escapes, so text from a record cannot clear the screen, set the
    window title, reach the clipboard or reorder what is shown.
    """
    return text.translate(_UNSAFE)


def _out(text: str = "") -> None:
    sys.stdout.write(terminal_text(text) + "\n")


def _err(text: str) -> None:
    sys.stderr.write(terminal_text(text) + "\n")


class _Usage(Exception):
    """Bad usage found after parsing (a missing file, an unknown format)."""


class _SystemFailure(Exception):
    """The system refused something (a file that cannot be read or written): one line."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind, so that temporary files are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_OK
    with _warnings_as_lines(), _signals_unwind(), _printable_output():
        try:
            return int(args.run(args))
        except InvalidLaunchError as error:
            for problem in error.problems:
                _err(str(problem))
            return EXIT_BAD_INPUT
        except _SystemFailure as error:
            _err(f"launchbrief: error: {error}")
            return error.code
        except (_Usage, UnknownFormatError, ExportError) as error:
            _err(f"launchbrief: error: {error}")
            return EXIT_BAD_INPUT
        except LaunchbriefError as error:
            _err(f"launchbrief: error: {error}")
            return EXIT_FAILED
        except MemoryError:
            _err(f"launchbrief: error: not enough memory to {_task(args)}")
            return EXIT_FAILED
        except KeyboardInterrupt:
            return 130
        except _Terminated as stop:
            return 128 + stop.signum
        except BrokenPipeError:
            # The reader (``| head``) went away; that is not our failure.
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
            return EXIT_OK
        except OSError as error:
            _err(f"launchbrief: error: {_os_reason(error)}")
            return _os_exit(error)


def _task(args: argparse.Namespace) -> str:
    source = getattr(args, "source", None) or " ".join(getattr(args, "sources", ()))
    return f"{args.command} {source}".rstrip()


def _os_reason(error: OSError) -> str:
    reason = error.strerror or str(error)
    return reason if error.filename is None else f"{os.fsdecode(error.filename)}: {reason}"


def _os_exit(error: OSError) -> int:
    # A path that names the wrong kind of thing is the user's to fix, like bad usage.
    wrong_path = (FileNotFoundError, IsADirectoryError, NotADirectoryError, FileExistsError)
    return EXIT_BAD_INPUT if isinstance(error, wrong_path) else EXIT_FAILED


def _failure(
    verb: str, error: OSError, name: str | os.PathLike[str] | None = None
) -> _SystemFailure:
    """``cannot <verb> <the user's path>: <reason>``, with the exit code the error deserves."""
    shown = os.fsdecode(error.filename) if error.filename is not None else name
    reason = error.strerror or str(error)
    message = (
        f"cannot {verb} {shown}: {reason}" if shown is not None else f"cannot {verb}: {reason}"
    )
    return _SystemFailure(message, _os_exit(error))


def _load(source: str) -> Launch:
    """``load(source)``, with a refusal of the system as one line naming the file."""
    try:
        return load(source)
    except FileNotFoundError as error:
        raise _Usage(_message(error)) from error
    except OSError as error:
        raise _failure("read", error, source) from error


def _message(error: OSError) -> str:
    if error.filename is None:
        return str(error.args[-1]) if error.args else str(error)
    return f"{error.strerror}: {os.fsdecode(error.filename)}"


@contextlib.contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """Print warnings as ``launchbrief: warning: …`` lines, for this command only."""

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: IO[str] | None = None,
        line: str | None = None,
    ) -> None:
        # One line per warning, whatever the message holds.
        _err(f"launchbrief: warning: {' '.join(str(message).splitlines())}")

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield


@contextlib.contextmanager
def _printable_output() -> Iterator[None]:
    """Characters the terminal's encoding lacks print as escapes instead of failing the command."""
    changed = []
    for stream in (sys.stdout, sys.stderr):
        errors = getattr(stream, "errors", None)
        if isinstance(stream, io.TextIOWrapper) and errors in {"strict", None}:
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")
                changed.append((stream, errors))
    try:
        yield
    finally:
        for stream, errors in changed:
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=errors)


@contextlib.contextmanager
def _signals_unwind() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception, so cleanup code runs before we exit."""
    names = ("SIGTERM", "SIGHUP")
    signums = [getattr(signal, name) for name in names if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> NoReturn:
        # Further signals wait: the cleanup that follows must not be cut short.
        for each in signums:
            signal.signal(each, signal.SIG_IGN)
        raise _Terminated(signum)

    previous = {signum: signal.signal(signum, stop) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class _Parser(argparse.ArgumentParser):
    """argparse, with its messages (which may echo what the user typed) made safe to print."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(terminal_text(message))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    export.add_argument(
        "sources",
        nargs="*",
        default=[DEFAULT_SOURCE],
        metavar="SOURCE",
        help=_SOURCE_HELP + "; several, or a folder of launch files, export each",
    )
    export.add_argument(
        "--landscape",
        action="store_true",
        help="write one workbook and one deck across all the launches given, as"
        " DIR/landscape.xlsx and DIR/landscape.pptx",
    )
    export.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="export several launches in N parallel processes (default: 1)",
    )
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
    export.add_argument(
        "--template",
        type=Path,
        metavar="FILE",
        help="the deck on your company's PowerPoint template (.pptx or .potx): its masters,"
        " layouts, theme and slide size",
    )
    export.add_argument(
        "--appendix",
        action="store_true",
        default=None,
        help="add the appendix to the deck: every leaderboard's chart, every verdict, model,"
        " surface, finding, insight and source (the main deck stays at most 12 slides)",
    )
    export.add_argument(
        "--accent",
        metavar="COLOR",
        help="accent color of the workbook and the deck, as #RRGGBB (default: the template's,"
        " or launchbrief blue)",
    )
    export.add_argument(
        "--since",
        metavar="OLD",
        help="an earlier version of the launch (a file or built-in name): the deck gets a"
        " 'What changed' slide and the workbook a Changes sheet",
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
        "formats",
        help="list the files launchbrief reads and the formats it writes",
        description="List the readers (the files launchbrief reads) and the writers (the"
        " formats 'launchbrief export -f' writes), plugins included. A plugin that cannot"
        " be loaded is listed with the reason, and the exit code is 1.",
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

    changed = commands.add_parser(
        "diff",
        help="list what changed between two versions of a launch",
        description="Print what changed from OLD to NEW, grouped by kind, one line each."
        " Exit status, as diff's: 0 when nothing changed, 1 when something did, 2 for"
        " trouble (an invalid record, a file that cannot be read).",
    )
    changed.add_argument("old", metavar="OLD", help="the earlier version: " + _SOURCE_HELP)
    changed.add_argument("new", metavar="NEW", help="the later version, given the same way")
    changed.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or json for programs",
    )
    changed.set_defaults(run=_diff)

    card = commands.add_parser(
        "import",
        help="make a launch file from a Hugging Face model card",
        description="Read a model card's results (a README.md with YAML front matter, its"
        " model-index as YAML, or .eval_results/*.yaml) and write a launch file to complete,"
        " with TODO comments where the card is silent. Scales follow docs/import.md.",
    )
    card.add_argument(
        "cards",
        nargs="+",
        metavar="FILE",
        help="README.md, a model-index YAML file, a"
        " .eval_results folder or file, or a model folder holding them",
    )
    card.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="launch file to write (default: <launch id>.yaml here; a folder: in it;"
        " '-': print it)",
    )
    card.add_argument(
        "--scale",
        action="append",
        default=[],
        metavar="METRIC=SCALE",
        help="the scale of a metric the rules cannot decide, by metric, DATASET/METRIC,"
        " dataset or benchmark id (repeatable): --scale mt_bench=points",
    )
    card.add_argument(
        "--repository",
        metavar="OWNER/NAME",
        help="the model's repository on the Hub: its owner becomes the developer",
    )
    card.add_argument("--force", action="store_true", help="replace an existing output file")
    card.set_defaults(run=_import_card)
    return parser


_SOURCE_HELP = (
    f"a launch file (.yaml .yml .json .toml .xlsx) or built-in name (default: {DEFAULT_SOURCE})"
)


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}") from None
    if not 1 <= jobs <= 256:
        raise argparse.ArgumentTypeError(f"expected 1 to 256 processes, got {jobs}")
    return jobs


def _export(args: argparse.Namespace) -> int:
    sources = list(args.sources)
    one = len(sources) == 1 and not Path(sources[0]).is_dir()
    if args.since is not None and (args.landscape or not one):
        raise _Usage("--since compares one launch with its earlier version: give one SOURCE")
    if args.landscape:
        return _export_landscape(args, sources)
    if len(sources) != 1 or Path(sources[0]).is_dir():
        return _export_batch(args, sources)
    launch = _load(sources[0])
    since = _load(args.since) if args.since is not None else None  # loaded once, for every format
    chosen = _chosen_exporters(args.formats)
    folder = _folder(args.output)
    options = _export_options(args)
    if since is not None:
        options["since"] = since
    try:
        written = _api.export_all(launch, folder, chosen, options)
    except OSError as error:
        raise _failure("write", error) from error
    for target in written:
        _out(str(target))
    return EXIT_OK


def _export_options(args: argparse.Namespace) -> dict[str, object]:
    """The deck's and workbook's options the command was given."""
    if args.template is not None and not args.template.is_file():
        raise _Usage(f"no template file {str(args.template)!r}")
    return {
        name: value
        for name, value in (
            ("template", args.template),
            ("accent", args.accent),
            ("appendix", args.appendix),
        )
        if value is not None
    }


def _export_landscape(args: argparse.Namespace, sources: list[str]) -> int:
    """One workbook and one deck across the launches; every launch must load."""
    if args.formats:
        chosen = _chosen_exporters(args.formats)
    else:
        chosen = [e for e in _chosen_exporters(None) if hasattr(e, "export_landscape")]
    expanded = _batch.expand(sources)
    problems: list[str] = []
    launches = []
    for source in expanded:
        try:
            launches.append(_load(source))
        except InvalidLaunchError as error:
            problems.extend(str(problem) for problem in error.problems)
    if problems:
        for problem in problems:
            _err(problem)
        _err("launchbrief: error: no landscape written: every launch must be valid")
        return EXIT_BAD_INPUT
    folder = _folder(args.output)
    try:
        written = _api.export_landscape_all(launches, folder, chosen, _export_options(args))
    except OSError as error:
        raise _failure("write", error) from error
    for target in written:
        _out(str(target))
    return EXIT_OK


def _folder(folder: Path) -> Path:
    """The output folder, made if missing."""
    if folder.exists() and not folder.is_dir():
        raise _Usage(f"{folder} is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _failure("create the folder", error, folder) from error
    return folder


def _export_batch(args: argparse.Namespace, sources: list[str]) -> int:
    """Export each launch on its own: the good ones are written, the bad ones reported."""
    chosen = _chosen_exporters(args.formats)
    options = _export_options(args)
    _api.options_for(chosen, options)  # an option no format takes is refused before any work
    expanded = _batch.expand(sources)
    if not expanded:
        raise _Usage(f"no launch files in {', '.join(sources)}")
    folder = _folder(args.output)
    show = _Progress(len(expanded))
    outcomes = _batch.export_each(
        expanded,
        folder,
        [exporter.name for exporter in chosen],
        options,
        jobs=args.jobs,
        progress=show,
    )
    show.close()
    for outcome in outcomes:
        for path in outcome.written:
            _out(str(path))
        for problem in outcome.problems:
            _err(problem)
        if outcome.failure is not None:
            _err(f"launchbrief: error: {outcome.failure}")
    good = [o for o in outcomes if o.ok]
    files = sum(len(o.written) for o in good)
    failed = len(outcomes) - len(good)
    summary = (
        f"launchbrief: exported {len(good):,} of {len(outcomes):,} launches"
        f" ({files:,} {'file' if files == 1 else 'files'}) to {folder}"
    )
    _err(summary + (f"; {failed:,} failed" if failed else ""))
    if any(o.problems for o in outcomes):
        return EXIT_BAD_INPUT
    return EXIT_FAILED if failed else EXIT_OK


class _Progress:
    """``[3/50] exporting a.yaml`` on one line of a terminal; nothing when stderr is piped."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.live = sys.stderr.isatty() and os.environ.get("TERM") != "dumb"
        self.shown = False

    def __call__(self, done: int, total: int, outcome: _batch.Outcome) -> None:
        if not self.live:
            return
        mark = "ok" if outcome.ok else "failed"
        line = terminal_text(f"[{done}/{total}] {outcome.source}: {mark}")
        width = shutil.get_terminal_size().columns - 1
        sys.stderr.write("\r" + line[:width].ljust(width))
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * (shutil.get_terminal_size().columns - 1) + "\r")
            sys.stderr.flush()


def _chosen_exporters(formats: list[str] | None) -> list[Exporter]:
    if formats:
        return [get_exporter(name) for name in dict.fromkeys(formats)]
    chosen = []
    for entry in list_exporters():
        try:
            exporter = entry.load()
        except LaunchbriefError as error:
            _err(f"launchbrief: warning: {error}")
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
            launch = _load(source)
        except InvalidLaunchError as error:
            for problem in error.problems:
                _err(str(problem))
            status = EXIT_BAD_INPUT
        except (_Usage, UnknownFormatError) as error:
            _err(f"{source}: {error}")
            status = EXIT_BAD_INPUT
        except _SystemFailure as error:
            _err(f"launchbrief: error: {error}")
            status = max(status, error.code)
        else:
            _out(
                f"{source}: valid ({_count(len(launch.results), 'result')},"
                f" {_count(len(launch.sources), 'source')})"
            )
    return status


def _show_launch(args: argparse.Namespace) -> int:
    launch = _load(args.source)
    text = _show.gaps_text(launch) if args.gaps else _show.summary_text(launch)
    sys.stdout.write(terminal_text(text))
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _formats(_args: argparse.Namespace) -> int:
    status = EXIT_OK
    for heading, entries in (
        ("Readers (the files that validate, show and export take):", list_readers()),
        ("Writers (the formats that export -f writes):", list_exporters()),
    ):
        rows: list[tuple[str, str | None, str]] = []
        for entry in entries:
            try:
                loaded = entry.load()
            except LaunchbriefError as error:
                rows.append((entry.name, None, str(error)))
                status = EXIT_FAILED
                continue
            suffixes = getattr(loaded, "suffixes", None) or (getattr(loaded, "suffix", ""),)
            rows.append((entry.name, " ".join(suffixes), loaded.description))
        # Each section aligned on its longest name and suffixes, at least 8 and 7 wide.
        name_width = max([8, *(len(name) for name, _, _ in rows)])
        suffix_width = max([7, *(len(suffixes or "") for _, suffixes, _ in rows)])
        _out(heading)
        for name, suffixes, text in rows:
            if suffixes is None:
                _out(f"{name:<{name_width}} unavailable: {text}")
            else:
                _out(f"{name:<{name_width}} {suffixes:<{suffix_width}} {text}")
    return status


def _datasets(_args: argparse.Namespace) -> int:
    for name in datasets():
        launch = load(name)
        _out(f"{name:<16} {launch.title}")
    return EXIT_OK


def _schema(_args: argparse.Namespace) -> int:
    from launchbrief._schema import json_schema

    _out(json.dumps(json_schema(), indent=2))
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    """What changed from OLD to NEW; like diff(1): 0 the same, 1 changed, 2 trouble."""
    from launchbrief._diff import diff, report

    launches: list[Launch] = []
    invalid: list[InvalidLaunchError] = []
    try:
        for source in (args.old, args.new):
            try:
                launches.append(_load(source))
            except InvalidLaunchError as error:  # both files' problems, at once
                invalid.append(error)
        if invalid:
            # OLD may be NEW: each problem once.
            raise InvalidLaunchError(list(dict.fromkeys(p for e in invalid for p in e.problems)))
        changes = diff(*launches)
    except _SystemFailure as error:
        error.code = EXIT_BAD_INPUT  # 1 means "changed" here: any trouble is 2
        raise
    except MemoryError:
        raise _SystemFailure(
            f"not enough memory to compare {args.old} and {args.new}", EXIT_BAD_INPUT
        ) from None
    except LaunchbriefError as error:
        if isinstance(error, InvalidLaunchError):
            raise
        raise _SystemFailure(str(error), EXIT_BAD_INPUT) from error
    if args.format == "json":
        _out(json.dumps(changes.as_data(), indent=2))
    else:
        sys.stdout.write(terminal_text(report(changes)))
    return EXIT_FAILED if changes else EXIT_OK


def _import_card(args: argparse.Namespace) -> int:
    from launchbrief import huggingface

    try:
        scales = dict(huggingface.parse_scale(option) for option in args.scale)
        imported = huggingface.import_card(args.cards, scales=scales, repository=args.repository)
    except ValueError as error:
        if isinstance(error, InvalidLaunchError):
            raise
        raise _Usage(str(error)) from error
    except FileNotFoundError as error:
        raise _Usage(_message(error)) from error
    except OSError as error:
        raise _failure("read", error) from error
    if str(args.output) == "-":
        sys.stdout.write(terminal_text(huggingface.card_to_yaml(imported)))
        return EXIT_OK
    try:
        target = huggingface.write_card_yaml(
            imported, args.output or Path(f"{imported.launch.id}.yaml"), force=args.force
        )
    except FileExistsError as error:
        raise _Usage(f"{os.fsdecode(error.filename)} exists; use --force to replace it") from error
    except OSError as error:
        raise _failure("write", error) from error
    _out(str(target))
    return EXIT_OK
