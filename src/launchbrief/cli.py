"""The ``launchbrief`` command: parse, call the public API, print.

Exit codes: 0 success; 2 bad input or usage; 1 the system failed (a file that
cannot be read or written, no memory) or anything unexpected; 130 interrupted,
143 terminated. Everything printed passes :func:`terminal_text`, so text from a
record cannot drive the terminal.

Starting the command is cheap: building the parser needs only argparse, and each
command imports what it uses when it runs (``launchbrief --help`` imports neither
openpyxl, python-pptx, PyYAML, cattrs nor importlib.metadata). Shell completion
(argcomplete) is imported only when a shell asks for completions.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, NamedTuple, NoReturn

from launchbrief.exceptions import (
    ExportError,
    InvalidLaunchError,
    LaunchbriefError,
    Problem,
    UnknownFormatError,
)

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from launchbrief._batch import Outcome
    from launchbrief.exporters import Exporter
    from launchbrief.model import Launch

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
    # A command is a short-lived process that builds many objects and few cycles: the
    # cyclic collector runs less often (about 7% of an export's time otherwise).
    thresholds = gc.get_threshold()
    gc.set_threshold(20_000, 20, 20)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*thresholds)


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    if "_ARGCOMPLETE" in os.environ:  # a shell asks for completions: answer and exit
        import argcomplete

        argcomplete.autocomplete(parser)
    args, extras = parser.parse_known_args(argv)
    if extras:
        # Named by the command's own parser, so its usage is the one shown.
        culprit = parser.commands.get(getattr(args, "command", None) or "", parser)
        culprit.error(_unrecognized(extras, culprit))
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
    from launchbrief import io as launch_io

    try:
        return launch_io.load(source)
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
    """argparse, with its messages made safe to print and a did-you-mean for a wrong choice.

    ``commands`` maps each command's name to its own parser (empty on those), so that a
    mistyped option is reported with the usage of the command it was given to.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands: dict[str, _Parser] = {}

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Messages may echo what the user typed.
        if message:
            (file or sys.stderr).write(terminal_text(message))

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse's own check, naming the closest choice instead of listing all of them.
        choices = action.choices
        if choices is not None and value not in choices:
            names = [str(choice) for choice in choices]
            raise argparse.ArgumentError(action, _not_one_of(str(value), names, "invalid choice"))


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when it is asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, help=help
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> NoReturn:
        # importlib.metadata is slow to import: not for every start.
        from launchbrief._version import __version__

        sys.stdout.write(f"launchbrief {__version__}\n")
        parser.exit()


def _suggestion(value: str, names: Iterable[str]) -> str | None:
    """The name closest to ``value``, if one is close enough to be what was meant."""
    import difflib

    close = difflib.get_close_matches(value, list(names), n=1, cutoff=0.6)
    return close[0] if close else None


def _not_one_of(value: str, names: Sequence[str], what: str) -> str:
    """``invalid choice: 'exprt' (did you mean 'export'?)``, or the names to choose from."""
    close = _suggestion(value, names)
    if close is not None:
        return f"{what}: {value!r} (did you mean {close!r}?)"
    return f"{what}: {value!r} (choose from {', '.join(names)})"


def _unrecognized(extras: Sequence[str], parser: argparse.ArgumentParser) -> str:
    """``unrecognized argument: '--fromat' (did you mean '--format'?)``, for each one given."""
    options = [option for action in parser._actions for option in action.option_strings]
    described = []
    for extra in extras:
        close = _suggestion(extra.split("=", 1)[0], options) if extra.startswith("-") else None
        described.append(f"{extra!r} (did you mean {close!r}?)" if close else repr(extra))
    noun = "argument" if len(extras) == 1 else "arguments"
    return f"unrecognized {noun}: {', '.join(described)}"


def _parser() -> _Parser:
    """The command line: every command, option and help text (no plugin is consulted)."""
    parser = _Parser(
        prog="launchbrief",
        description="Turn an AI model launch into a validated record and export it.",
        epilog="Run 'launchbrief COMMAND --help' for a command's options.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print launchbrief's version and exit"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    def command(name: str, **kwargs: Any) -> _Parser:
        parser.commands[name] = commands.add_parser(name, **kwargs)
        return parser.commands[name]

    export = command(
        "export",
        help="write a launch as workbook, deck or other formats",
        description="Export a launch. Without -f, every document format (workbook and deck)"
        " is written, as DIR/<launch id>.<suffix>. With -o -, the one text format chosen"
        " with -f (json, yaml, csv, markdown...) is printed instead.",
    )
    _completes(
        export.add_argument(
            "sources",
            nargs="*",
            default=[DEFAULT_SOURCE],
            metavar="SOURCE",
            help=_SOURCE_HELP + f" (default: {DEFAULT_SOURCE}); several, or a folder of launch"
            " files, export each",
        ),
        _complete_sources,
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
    _completes(
        export.add_argument(
            "-f",
            "--format",
            action="append",
            type=_format_name,
            dest="formats",
            metavar="FORMAT",
            help="format to write (repeatable); 'launchbrief formats' lists them",
        ),
        _complete_formats,
    )
    _completes(
        export.add_argument(
            "-o",
            "--output",
            default=".",
            metavar="DIR",
            help="folder to write to, made if missing (default: the current folder); '-'"
            " prints the export instead: one launch, one text format",
        ),
        _complete_folders,
    )
    _completes(
        export.add_argument(
            "--template",
            type=Path,
            metavar="FILE",
            help="the deck on your company's PowerPoint template (.pptx or .potx): its masters,"
            " layouts, theme and slide size",
        ),
        _complete_templates,
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
    _completes(
        export.add_argument(
            "--since",
            metavar="OLD",
            help="an earlier version of the launch (a file or built-in name): the deck gets a"
            " 'What changed' slide and the workbook a Changes sheet",
        ),
        _complete_sources,
    )
    export.set_defaults(run=_export)

    validate = command(
        "validate",
        help="check launch files and list every problem",
        description="Check launch files and report every problem with its file, line, column"
        " and field. Exit status: 0 when every file is valid, 2 when any is not, 1 when a"
        " file cannot be read.",
    )
    _completes(
        validate.add_argument("sources", nargs="+", metavar="SOURCE", help=_SOURCE_HELP),
        _complete_sources,
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default): each problem as file:line:column: path: message on standard"
        " error; json: one JSON document on standard output, every file with its problems;"
        " github: GitHub Actions error annotations on standard output",
    )
    validate.set_defaults(run=_validate)

    show = command(
        "show",
        help="print a readable summary of a launch",
        description="Print key facts, leaderboards, rollout and safety of a launch, fitted to"
        " the terminal's width (60 to 200 columns; COLUMNS sets it).",
    )
    _completes(
        show.add_argument(
            "source",
            nargs="?",
            default=DEFAULT_SOURCE,
            metavar="SOURCE",
            help=_SOURCE_HELP + f" (default: {DEFAULT_SOURCE})",
        ),
        _complete_sources,
    )
    show.add_argument(
        "--gaps", action="store_true", help="list what the record does not know, one gap a line"
    )
    show.set_defaults(run=_show_launch)

    new = command(
        "new",
        help="write a commented launch file to fill in",
        description="Write a launch file to fill in: every section with a short comment, and"
        " TODO placeholders that fail validation until they are filled, so an unfinished"
        " record cannot be exported by accident. 'launchbrief validate FILE' lists the ones"
        " left.",
    )
    _completes(
        new.add_argument(
            "file",
            nargs="?",
            metavar="FILE",
            help="file to write (default: <ID>.yaml with --id, else launch.yaml; a folder: in"
            " it; '-': print it)",
        ),
        _complete_launch_files,
    )
    new.add_argument(
        "--id",
        metavar="ID",
        help="the launch's id: lowercase letters, digits, '-', '_' or '.'; its exports are"
        " named after it",
    )
    new.add_argument("--title", metavar="TEXT", help="the launch's headline")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(run=_new)

    formats = command(
        "formats",
        help="list the files launchbrief reads and the formats it writes",
        description="List the readers (the files launchbrief reads) and the writers (the"
        " formats 'launchbrief export -f' writes), plugins included. A plugin that cannot"
        " be loaded is listed with the reason, and the exit code is 1.",
    )
    formats.set_defaults(run=_formats)

    names = command(
        "datasets", help="list built-in launches", description="List built-in launch records."
    )
    names.set_defaults(run=_datasets)

    schema = command(
        "schema",
        help="print the JSON Schema of launch files",
        description="Print the JSON Schema of the input format (ids and scales are checked by"
        " 'validate').",
    )
    schema.set_defaults(run=_schema)

    changed = command(
        "diff",
        help="list what changed between two versions of a launch",
        description="Print what changed from OLD to NEW, grouped by kind, one line each."
        " Exit status, as diff's: 0 when nothing changed, 1 when something did, 2 for"
        " trouble (an invalid record, a file that cannot be read).",
    )
    _completes(
        changed.add_argument("old", metavar="OLD", help="the earlier version: " + _SOURCE_HELP),
        _complete_sources,
    )
    _completes(
        changed.add_argument("new", metavar="NEW", help="the later version, given the same way"),
        _complete_sources,
    )
    changed.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or json for programs",
    )
    changed.set_defaults(run=_diff)

    card = command(
        "import",
        help="make a launch file from a Hugging Face model card",
        description="Read a model card's results (a README.md with YAML front matter, its"
        " model-index as YAML, or .eval_results/*.yaml) and write a launch file to complete,"
        " with TODO comments where the card is silent. Scales follow docs/import.md.",
    )
    _completes(
        card.add_argument(
            "cards",
            nargs="+",
            metavar="FILE",
            help="README.md, a model-index YAML file, a"
            " .eval_results folder or file, or a model folder holding them",
        ),
        _complete_cards,
    )
    _completes(
        card.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="launch file to write (default: <launch id>.yaml here; a folder, or a name"
            " ending in '/': in it; '-': print it)",
        ),
        _complete_launch_files,
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

    completion = command(
        "completion",
        help="print the shell script for Tab completion",
        description="Print the script that makes SHELL complete launchbrief's commands,"
        " options, formats, built-in launches and files. Load it from the shell's start-up"
        ' file: eval "$(launchbrief completion bash)" in ~/.bashrc, the same with zsh in'
        " ~/.zshrc (after compinit), or launchbrief completion fish >"
        " ~/.config/fish/completions/launchbrief.fish.",
    )
    completion.add_argument(
        "shell", choices=("bash", "zsh", "fish"), metavar="SHELL", help="bash, zsh or fish"
    )
    completion.set_defaults(run=_completion)
    return parser


_SOURCE_HELP = "a launch file (.yaml .yml .json .toml .xlsx, a model card) or built-in name"

#: The suffixes offered when completing a launch file.
_LAUNCH_SUFFIXES = ("yaml", "yml", "json", "toml", "xlsx", "md")


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {text!r}") from None
    if not 1 <= jobs <= 256:
        raise argparse.ArgumentTypeError(f"expected 1 to 256 processes, got {jobs}")
    return jobs


def _format_name(text: str) -> str:
    """A registered exporter's name (``-f JSON`` is ``json``), or the closest one suggested."""
    from launchbrief.exporters import list_exporters

    names = [entry.name for entry in list_exporters()]
    name = text.lower().lstrip(".")
    if name in names:
        return name
    close = _suggestion(name, names)
    hint = f"did you mean {close!r}?" if close else f"formats: {', '.join(names)}"
    raise argparse.ArgumentTypeError(f"unknown format {text!r} ({hint})")


# --------------------------------------------------------------------------- completion
# Each completer is called by argcomplete only while a shell asks for completions.


def _completes(action: argparse.Action, completer: Any) -> None:
    """Complete ``action``'s values with ``completer`` (argcomplete reads the attribute)."""
    action.completer = completer  # type: ignore[attr-defined]


def _complete_sources(prefix: str, **_context: object) -> list[str]:
    """Built-in launch names, then launch files and folders."""
    from launchbrief.io import datasets

    names = [name for name in datasets() if name.startswith(prefix)]
    return names + _complete_files(prefix, _LAUNCH_SUFFIXES)


def _complete_formats(prefix: str, **_context: object) -> list[str]:
    """The registered exporters' names."""
    from launchbrief.exporters import list_exporters

    return [entry.name for entry in list_exporters() if entry.name.startswith(prefix)]


def _complete_folders(prefix: str, **_context: object) -> list[str]:
    from argcomplete.completers import DirectoriesCompleter

    return list(DirectoriesCompleter()(prefix))


def _complete_templates(prefix: str, **_context: object) -> list[str]:
    return _complete_files(prefix, ("pptx", "potx"))


def _complete_launch_files(prefix: str, **_context: object) -> list[str]:
    return _complete_files(prefix, ("yaml", "yml"))


def _complete_cards(prefix: str, **_context: object) -> list[str]:
    return _complete_files(prefix, ("md", "yaml", "yml"))


def _complete_files(prefix: str, suffixes: Sequence[str]) -> list[str]:
    from argcomplete.completers import FilesCompleter

    return list(FilesCompleter(suffixes)(prefix))


def _completion(args: argparse.Namespace) -> int:
    from argcomplete.shell_integration import shellcode

    # Our own script, printed as it is: it must reach the shell byte for byte.
    sys.stdout.write(shellcode(["launchbrief"], shell=args.shell))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from launchbrief import _api

    sources = list(args.sources)
    one = len(sources) == 1 and not Path(sources[0]).is_dir()
    if args.since is not None and (args.landscape or not one):
        raise _Usage("--since compares one launch with its earlier version: give one SOURCE")
    if args.output == "-":
        return _export_to_stdout(args, sources, one=one)
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
        written = _api.export_all(launch, folder, chosen, options, parallel=True)
    except OSError as error:
        raise _failure("write", error) from error
    for target in written:
        _out(str(target))
    return EXIT_OK


#: Media types of text that are not ``text/*``; ``+json``, ``+xml`` and ``+yaml`` are text too.
_TEXT_MEDIA_TYPES = frozenset(
    {
        "application/json",
        "application/yaml",
        "application/x-yaml",
        "application/toml",
        "application/xml",
    }
)


def _is_text(media_type: str) -> bool:
    """Whether an exporter's media type is text a terminal or a pipe can take."""
    kind = media_type.split(";", 1)[0].strip().lower()
    return (
        kind.startswith("text/")
        or kind in _TEXT_MEDIA_TYPES
        or kind.endswith(("+json", "+xml", "+yaml"))
    )


def _export_to_stdout(args: argparse.Namespace, sources: list[str], *, one: bool) -> int:
    """``-o -``: one launch in one text format, on standard output and nowhere else."""
    from launchbrief import _api

    if args.landscape or not one:
        raise _Usage("-o - prints one launch: give one SOURCE, or write to a folder")
    if not args.formats or len(set(args.formats)) != 1:
        raise _Usage("-o - prints one text format: choose it with one -f (such as -f json)")
    [exporter] = _chosen_exporters(args.formats)
    if not _is_text(exporter.media_type):
        raise _Usage(
            f"-o - prints text, and {exporter.name} is a binary format ({exporter.media_type});"
            f" write it to a folder with -o DIR"
        )
    launch = _load(sources[0])
    options = _export_options(args)
    if args.since is not None:
        options["since"] = _load(args.since)
    [given] = _api.options_for([exporter], options)
    # Written whole first: a failed export prints nothing.
    buffer = io.BytesIO()
    _api.export(launch, buffer, format=exporter.name, **given)
    data = buffer.getvalue()
    if sys.stdout.isatty() or not hasattr(sys.stdout, "buffer"):
        # On a terminal the text is shown safely; down a pipe the bytes are the file's.
        sys.stdout.write(terminal_text(data.decode("utf-8", "replace")))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
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
    from launchbrief import _api, _batch

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


def _folder(name: str | Path) -> Path:
    """The output folder, made if missing."""
    folder = Path(name)
    if folder.exists() and not folder.is_dir():
        raise _Usage(f"{folder} is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _failure("create the folder", error, folder) from error
    return folder


def _export_batch(args: argparse.Namespace, sources: list[str]) -> int:
    """Export each launch on its own: the good ones are written, the bad ones reported."""
    from launchbrief import _api, _batch

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

    def __call__(self, done: int, total: int, outcome: Outcome) -> None:
        if not self.live:
            return
        mark = "ok" if outcome.ok else "failed"
        line = terminal_text(f"[{done}/{total}] {outcome.source}: {mark}")
        width = _terminal_size().columns - 1
        sys.stderr.write("\r" + line[:width].ljust(width))
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * (_terminal_size().columns - 1) + "\r")
            sys.stderr.flush()


def _chosen_exporters(formats: list[str] | None) -> list[Exporter]:
    from launchbrief.exporters import get_exporter, list_exporters

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


class _Checked(NamedTuple):
    """One SOURCE checked by ``validate``: its launch if valid, else its problems.

    A NamedTuple rather than an attrs class: the command must start without attrs.
    """

    source: str
    launch: Launch | None
    problems: tuple[Problem, ...]
    code: int
    #: The one line text output gives a file that could not be read or found.
    line: str | None = None


def _check(source: str) -> _Checked:
    try:
        launch = _load(source)
    except InvalidLaunchError as error:
        return _Checked(source, None, error.problems, EXIT_BAD_INPUT)
    except (_Usage, UnknownFormatError) as error:
        problem = Problem(str(error), file=source)
        return _Checked(source, None, (problem,), EXIT_BAD_INPUT, f"{source}: {error}")
    except _SystemFailure as error:
        problem = Problem(str(error), file=source)
        return _Checked(source, None, (problem,), error.code, f"launchbrief: error: {error}")
    return _Checked(source, launch, (), EXIT_OK)


def _validate(args: argparse.Namespace) -> int:
    """Check each SOURCE and report, in text, as one JSON document, or as GitHub annotations."""
    status = EXIT_OK
    if args.format == "json":
        files = []
        for checked in map(_check, args.sources):
            status = max(status, checked.code)
            files.append(_checked_data(checked))
        _out(_json_dumps({"valid": status == EXIT_OK, "files": files}, indent=2))
        return status
    for checked in map(_check, args.sources):
        status = max(status, checked.code)
        if checked.launch is not None:
            _out(
                f"{checked.source}: valid ({_count(len(checked.launch.results), 'result')},"
                f" {_count(len(checked.launch.sources), 'source')})"
            )
        elif args.format == "github":
            for problem in checked.problems:
                _out(_annotation(problem, checked.source))
        elif checked.line is not None:
            _err(checked.line)
        else:
            for problem in checked.problems:
                _err(str(problem))
    return status


def _checked_data(checked: _Checked) -> dict[str, Any]:
    """One file of ``validate --format json``."""
    data: dict[str, Any] = {"path": checked.source, "valid": checked.launch is not None}
    if checked.launch is not None:
        data["results"] = len(checked.launch.results)
        data["sources"] = len(checked.launch.sources)
    data["problems"] = [
        {
            "file": problem.file,
            "line": problem.line,
            "column": problem.column,
            "cell": problem.cell,
            "path": problem.path,
            "message": problem.message,
        }
        for problem in checked.problems
    ]
    return data


def _annotation(problem: Problem, source: str) -> str:
    """``::error file=F,line=L,col=C,title=launchbrief::MESSAGE``, a GitHub Actions command."""
    properties = [("file", problem.file or source)]
    if problem.line is not None:
        properties.append(("line", str(problem.line)))
        if problem.column is not None:
            properties.append(("col", str(problem.column)))
    properties.append(("title", "launchbrief"))
    where = ",".join(f"{name}={_escape_property(value)}" for name, value in properties)
    message = ": ".join(part for part in (problem.cell, problem.path, problem.message) if part)
    return f"::error {where}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # GitHub's rules for a command's message: these three would end or garble it.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # In a property, ':' and ',' would end the value.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _show_launch(args: argparse.Namespace) -> int:
    from launchbrief import _show

    launch = _load(args.source)
    width = _terminal_width()
    if args.gaps:
        # Down a pipe, one gap a line (for grep); on a terminal, wrapped to fit.
        text = _show.gaps_text(launch, width=width if sys.stdout.isatty() else None)
    else:
        text = _show.summary_text(launch, width=width)
    sys.stdout.write(terminal_text(text))
    return EXIT_OK


def _terminal_width() -> int:
    """The terminal's width (COLUMNS first), within the 60 to 200 columns ``show`` lays out."""
    columns = _terminal_size((88, 24)).columns
    return max(60, min(200, columns))


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _formats(_args: argparse.Namespace) -> int:
    from launchbrief.exporters import list_exporters
    from launchbrief.readers import list_readers

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
    from launchbrief.io import datasets

    for name in datasets():
        launch = _load(name)
        _out(f"{name:<16} {launch.title}")
    return EXIT_OK


def _schema(_args: argparse.Namespace) -> int:
    from launchbrief._schema import json_schema

    _out(_json_dumps(json_schema(), indent=2))
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
        _out(_json_dumps(changes.as_data(), indent=2))
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
    if args.output == "-":
        sys.stdout.write(terminal_text(huggingface.card_to_yaml(imported)))
        return EXIT_OK
    output = args.output or f"{imported.launch.id}.yaml"
    if _names_folder(output):
        _folder(output)  # "-o cards/" is a folder, even one still to be made
    try:
        target = huggingface.write_card_yaml(imported, output, force=args.force)
    except FileExistsError as error:
        raise _Usage(f"{os.fsdecode(error.filename)} exists; use --force to replace it") from error
    except OSError as error:
        raise _failure("write", error) from error
    _out(str(target))
    return EXIT_OK


def _names_folder(name: str) -> bool:
    """Whether ``name`` ends in a path separator, so names a folder."""
    return name.endswith(tuple(filter(None, (os.sep, os.altsep))))


def _new(args: argparse.Namespace) -> int:
    """Write the commented launch template, to fill in."""
    from launchbrief import _atomic
    from launchbrief._template import launch_template

    text = launch_template(id=args.id, title=args.title)
    _check_given(text, {"id": args.id, "title": args.title})
    if args.file == "-":
        sys.stdout.write(terminal_text(text))
        return EXIT_OK
    name = f"{args.id or 'launch'}.yaml"
    target = Path(args.file or name)
    if _names_folder(args.file or "") or target.is_dir():
        target = _folder(target) / name
    if not args.force and os.path.lexists(target):
        raise _Usage(f"{target} exists; use --force to replace it")
    try:
        with _atomic.replace(target) as stream:
            stream.write(text.encode("utf-8"))
    except OSError as error:
        raise _failure("write", error, target) from error
    _out(str(target))
    return EXIT_OK


def _check_given(template: str, given: dict[str, str | None]) -> None:
    """Refuse an ``--id`` or ``--title`` the record would refuse, with the record's reason."""
    from launchbrief.io import loads

    try:
        loads(template, format="yaml")
    except InvalidLaunchError as error:
        for problem in error.problems:
            if given.get(problem.path) is not None:
                raise _Usage(f"--{problem.path}: {problem.message}") from None


def _terminal_size(fallback: tuple[int, int] = (80, 24)) -> os.terminal_size:
    import shutil  # on use: the start-up imports only what every command needs

    return shutil.get_terminal_size(fallback)


def _json_dumps(data: Any, *, indent: int | None = None) -> str:
    import json

    return json.dumps(data, indent=indent)
