"""The command line people expect: did-you-mean, completion, ``-o -``, widths, CI output, ``new``.

Each test runs the command as a user does, in a subprocess and a fresh folder, and
reads what it wrote back with launchbrief's own readers.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import launchbrief as lb
from launchbrief import _show, _template, cli
from launchbrief.exporters import list_exporters
from tests.test_cli import run

BUILT_IN = ("muse-spark", "gemma-3", "phi-4", "olmo-2")
ASTER = Path(__file__).parent / "data" / "aster-2.yaml"

#: What argparse prints for a usage error: the usage, then one error line.
USAGE_ERROR = re.compile(
    r"\Ausage: .+\n(?:\s+.+\n)*(?P<error>launchbrief[^\n]*: error: [^\n]+)\n\Z"
)


def usage_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one error line of a usage error (exit 2, usage first, no traceback)."""
    assert (2, "") == (result.returncode, result.stdout)
    found = USAGE_ERROR.match(result.stderr)
    assert found is not None, result.stderr
    return found["error"]


# --------------------------------------------------------------------------- did you mean


def test_a_mistyped_command_is_named_with_the_closest_one(tmp_path: Path) -> None:
    """`launchbrief exprt`: exit 2, "did you mean 'export'?" under the top-level usage."""
    result = run("exprt", cwd=tmp_path)
    assert (
        "launchbrief: error: argument COMMAND: invalid choice: 'exprt' (did you mean 'export'?)"
        == usage_error(result)
    )
    assert result.stderr.startswith("usage: launchbrief [-h]")


def test_a_mistyped_option_is_shown_with_the_commands_usage(tmp_path: Path) -> None:
    """`export --fromat json`: the export command's usage, and "did you mean '--format'?"."""
    for typed in (["--fromat", "json"], ["--fromat=json"]):
        result = run("export", *typed, cwd=tmp_path)
        assert result.stderr.startswith("usage: launchbrief export "), result.stderr
        expected = f"launchbrief export: error: unrecognized argument: {typed[0]!r} (did you mean '--format'?)"
        assert expected == usage_error(result)
    assert [] == list(tmp_path.iterdir())


def test_an_unknown_option_far_from_any_is_named_alone(tmp_path: Path) -> None:
    """An option close to none, and a stray word: named, with no guess."""
    result = run("formats", "--zzzzzz", "extra", cwd=tmp_path)
    assert result.stderr.startswith("usage: launchbrief formats ")
    assert "launchbrief formats: error: unrecognized arguments: '--zzzzzz', 'extra'" == usage_error(
        result
    )


def test_a_mistyped_format_is_matched_against_the_registered_exporters(tmp_path: Path) -> None:
    """`-f jsn` suggests json; a format close to none lists the registered ones."""
    assert (
        "launchbrief export: error: argument -f/--format: unknown format 'jsn'"
        " (did you mean 'json'?)" == usage_error(run("export", "-f", "jsn", cwd=tmp_path))
    )
    names = ", ".join(entry.name for entry in list_exporters())
    assert (
        "launchbrief export: error: argument -f/--format: unknown format 'qqqq'"
        f" (formats: {names})" == usage_error(run("export", "-f", "qqqq", cwd=tmp_path))
    )
    assert [] == list(tmp_path.iterdir())


def test_a_format_name_is_taken_in_any_case(tmp_path: Path) -> None:
    """`-f JSON` and `-f .json` are json, as in the Python API."""
    result = run("export", "-f", "JSON", "-f", ".json", "-o", "out", cwd=tmp_path)
    assert (0, [str(Path("out") / "muse-spark.json")]) == (
        result.returncode,
        result.stdout.splitlines(),
    )


def test_a_mistyped_choice_is_matched(tmp_path: Path) -> None:
    """`validate --format githb` and `completion zhs` suggest the choice meant."""
    assert usage_error(run("validate", "--format", "githb", "x.yaml", cwd=tmp_path)).endswith(
        "invalid choice: 'githb' (did you mean 'github'?)"
    )
    assert usage_error(run("completion", "zhs", cwd=tmp_path)).endswith(
        "invalid choice: 'zhs' (did you mean 'zsh'?)"
    )


# --------------------------------------------------------------------------- help


def test_validate_help_gives_no_default_for_its_required_source(tmp_path: Path) -> None:
    """`validate --help` does not claim SOURCE defaults to a built-in launch; show's does."""
    validate = run("validate", "--help", cwd=tmp_path)
    assert 0 == validate.returncode
    assert "SOURCE [SOURCE ...]" in validate.stdout
    assert "default: muse-spark" not in validate.stdout
    assert "(default: muse-spark)" in " ".join(run("show", "--help", cwd=tmp_path).stdout.split())
    assert "default: muse-spark" not in " ".join(run("diff", "--help", cwd=tmp_path).stdout.split())


def test_every_command_and_option_has_help() -> None:
    """The parser (which the CLI reference is made from) documents every command and option."""
    parser = cli._parser()
    assert {
        "export",
        "validate",
        "show",
        "new",
        "formats",
        "datasets",
        "schema",
        "diff",
        "import",
        "completion",
    } == set(parser.commands)
    for name, command in parser.commands.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, (name, action.dest)


# --------------------------------------------------------------------------- completion


def completions(line: str, cwd: Path) -> list[str]:
    """What the shell is offered for ``line``, by argcomplete's own protocol."""
    out = cwd / "completions.txt"
    result = subprocess.run(
        [sys.executable, "-m", "launchbrief"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "_ARGCOMPLETE": "1",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(out),
        },
        check=False,
    )
    assert 0 == result.returncode, result.stderr
    return sorted(word.strip() for word in out.read_text("utf-8").split("\v") if word)


def test_completion_of_commands_formats_choices_and_sources(tmp_path: Path) -> None:
    """exp<TAB> is export, -f j<TAB> json, --format g<TAB> github, m<TAB> a built-in or a file."""
    (tmp_path / "mine.yaml").write_text("id: x\n", "utf-8")
    (tmp_path / "notes.txt").write_text("", "utf-8")
    assert ["export"] == completions("launchbrief exp", tmp_path)
    assert ["json"] == completions("launchbrief export -f j", tmp_path)
    assert sorted(entry.name for entry in list_exporters()) == completions(
        "launchbrief export -f ", tmp_path
    )
    assert ["github"] == completions("launchbrief validate --format g", tmp_path)
    assert ["mine.yaml", "muse-spark"] == completions("launchbrief show m", tmp_path)
    assert ["bash"] == completions("launchbrief completion b", tmp_path)


def test_completion_scripts_are_printed_for_each_shell(tmp_path: Path) -> None:
    """bash's script passes `bash -n`; zsh's and fish's register launchbrief."""
    bash = run("completion", "bash", cwd=tmp_path)
    assert (0, "") == (bash.returncode, bash.stderr)
    checked = subprocess.run(
        ["bash", "-n"], input=bash.stdout, capture_output=True, text=True, check=False
    )
    assert (0, "") == (checked.returncode, checked.stderr)
    assert "complete -o nospace -o default -o bashdefault -F _python_argcomplete launchbrief" in (
        bash.stdout
    )
    zsh = run("completion", "zsh", cwd=tmp_path)
    assert 0 == zsh.returncode
    assert zsh.stdout.startswith("#compdef launchbrief")
    assert "compdef _python_argcomplete launchbrief" in zsh.stdout
    fish = run("completion", "fish", cwd=tmp_path)
    assert 0 == fish.returncode
    assert "complete --command launchbrief" in fish.stdout
    if shutil.which("zsh"):
        assert (
            0 == subprocess.run(["zsh", "-n"], input=zsh.stdout, text=True, check=False).returncode
        )
    if shutil.which("fish"):
        assert (
            0
            == subprocess.run(["fish", "-n"], input=fish.stdout, text=True, check=False).returncode
        )


COMMAND = Path(sys.executable).with_name("launchbrief")


@pytest.mark.skipif(not COMMAND.exists(), reason="the launchbrief command is not installed here")
def test_bash_completes_with_the_printed_script(tmp_path: Path) -> None:
    """bash itself, with the printed script loaded, completes `launchbrief exp` and `-f j`."""
    script = tmp_path / "launchbrief.bash"
    script.write_text(run("completion", "bash", cwd=tmp_path).stdout, "utf-8")
    session = (
        f"source {script}\n"
        'ask() { COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=("$@");'
        " COMP_CWORD=$(($# - 1)); COMPREPLY=();"
        ' _python_argcomplete "$1" "${@: -1}" "${@: -2:1}"; echo "${COMPREPLY[*]}"; }\n'
        "ask launchbrief exp\n"
        "ask launchbrief export -f j\n"
    )
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", session],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{COMMAND.parent}{os.pathsep}{os.environ.get('PATH', '')}"},
        check=False,
    )
    assert (0, ["export", "json"]) == (
        result.returncode,
        [line.strip() for line in result.stdout.splitlines()],
    ), result.stderr


# --------------------------------------------------------------------------- -o -


def text_exporters() -> list[str]:
    """The registered exporters that write text (json, yaml, and csv, markdown where present)."""
    names = []
    for entry in list_exporters():
        try:
            exporter = entry.load()
        except lb.LaunchbriefError:
            continue
        if cli._is_text(exporter.media_type):
            names.append(entry.name)
    return names


@pytest.mark.parametrize("name", text_exporters())
def test_dash_output_prints_the_same_bytes_as_the_file(tmp_path: Path, name: str) -> None:
    """`-o -` prints exactly the file `-o DIR` writes, and nothing else, and makes no folder."""
    printed = subprocess.run(
        [sys.executable, "-m", "launchbrief", "export", "-f", name, "-o", "-"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (0, b"") == (printed.returncode, printed.stderr)
    assert [] == list(tmp_path.iterdir())
    written = run("export", "-f", name, "-o", "out", cwd=tmp_path)
    assert 0 == written.returncode, written.stderr
    [file] = (tmp_path / "out").iterdir()
    assert file.read_bytes() == printed.stdout


def test_dash_output_reads_back_as_the_launch(tmp_path: Path) -> None:
    """The YAML printed by `export FILE -f yaml -o -` loads back as the same launch."""
    source = lb.dump(lb.load(ASTER), tmp_path / "aster.yaml")
    result = run("export", str(source), "-f", "yaml", "-o", "-", cwd=tmp_path)
    assert (0, "") == (result.returncode, result.stderr)
    assert lb.load(ASTER) == lb.loads(result.stdout, format="yaml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "xlsx"], "-o - prints text, and xlsx is a binary format"),
        (["-f", "pptx"], "-o - prints text, and pptx is a binary format"),
        ([], "-o - prints one text format: choose it with one -f (such as -f json)"),
        (["-f", "json", "-f", "yaml"], "-o - prints one text format"),
        (["muse-spark", "gemma-3", "-f", "json"], "-o - prints one launch"),
        (["muse-spark", "gemma-3", "--landscape", "-f", "json"], "-o - prints one launch"),
    ],
)
def test_dash_output_is_refused_for_binary_or_several(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """A binary format, several formats or several launches with `-o -`: exit 2, one line."""
    result = run("export", *args, "-o", "-", cwd=tmp_path)
    assert (2, "") == (result.returncode, result.stdout)
    [line] = result.stderr.splitlines()
    assert line.startswith(f"launchbrief: error: {message}"), line
    assert [] == list(tmp_path.iterdir())


def test_a_folder_named_dash_is_still_possible(tmp_path: Path) -> None:
    """`-o ./-` is a folder named '-', as the user spelled it."""
    result = run("export", "-f", "json", "-o", "./-", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert lb.load("muse-spark") == lb.load(tmp_path / "-" / "muse-spark.json")


# --------------------------------------------------------------------------- show


@pytest.mark.parametrize("columns", [60, 160])
@pytest.mark.parametrize("source", [*BUILT_IN, str(ASTER)])
def test_show_fits_the_terminal(tmp_path: Path, columns: int, source: str) -> None:
    """At COLUMNS=60 and 160 no line of `show` is wider; every leaderboard row is kept."""
    result = run("show", source, cwd=tmp_path, env={"COLUMNS": str(columns)})
    assert (0, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert columns >= max(map(len, lines))
    launch = lb.load(source)
    rows = sum(len(board.standings) for board in lb.leaderboards(launch))
    assert rows == sum(1 for line in lines if re.match(r"^   [* ](?: \d|\d\d| –)\. ", line))


def test_show_uses_a_wide_terminal_for_long_names(tmp_path: Path) -> None:
    """A model name cut with "…" at 60 columns is whole at 160, and its score kept at both."""
    aster = lb.load(ASTER)
    long_name = "Rival A Extended Context Instruct Preview Edition 2026"
    models = tuple(
        attrs.evolve(model, name=long_name) if model.id == "rival-a" else model
        for model in aster.models
    )
    lb.dump(attrs.evolve(aster, models=models), tmp_path / "long.yaml")
    narrow = run("show", "long.yaml", cwd=tmp_path, env={"COLUMNS": "60"}).stdout
    wide = run("show", "long.yaml", cwd=tmp_path, env={"COLUMNS": "160"}).stdout
    assert long_name not in narrow
    assert long_name in wide
    [cut] = [line for line in narrow.splitlines() if "Rival A Extended" in line and "79.5" in line]
    assert "…" in cut
    assert 60 >= max(map(len, narrow.splitlines()))


@pytest.mark.parametrize("columns", [10, 1000])
def test_show_keeps_to_60_to_200_columns(tmp_path: Path, columns: int) -> None:
    """A terminal under 60 columns gets 60; one over 200 gets at most 200."""
    result = run("show", "olmo-2", cwd=tmp_path, env={"COLUMNS": str(columns)})
    assert 0 == result.returncode
    widest = max(map(len, result.stdout.splitlines()))
    assert widest == 60 if columns < 60 else 160 < widest <= 200


def test_show_gaps_wraps_only_when_asked() -> None:
    """gaps_text is one gap a line, or wrapped within the width given."""
    launch = lb.load("olmo-2")
    one_a_line = _show.gaps_text(launch).splitlines()
    wrapped = _show.gaps_text(launch, width=60).splitlines()
    assert len(lb.completeness(launch)) == len(one_a_line)
    assert 60 >= max(map(len, wrapped))
    assert " ".join(one_a_line).split() == " ".join(wrapped).split()


# --------------------------------------------------------------------------- validate formats


@pytest.fixture
def checked_folder(tmp_path: Path) -> Path:
    """A folder with a valid launch and a template still full of TODOs."""
    lb.dump(lb.load("phi-4"), tmp_path / "good.yaml")
    (tmp_path / "todo.yaml").write_text(_template.launch_template(id="demo", title="Demo"))
    return tmp_path


def test_validate_json_is_one_document(checked_folder: Path) -> None:
    """`--format json`: one JSON document on stdout, each file with its located problems."""
    result = run(
        "validate", "good.yaml", "todo.yaml", "missing.yaml", "--format", "json", cwd=checked_folder
    )
    assert (2, "") == (result.returncode, result.stderr)
    report = json.loads(result.stdout)
    assert False is report["valid"]
    good, todo, missing = report["files"]
    phi = lb.load("phi-4")
    assert {
        "path": "good.yaml",
        "valid": True,
        "results": len(phi.results),
        "sources": len(phi.sources),
        "problems": [],
    } == good
    assert ("todo.yaml", False) == (todo["path"], todo["valid"])
    assert {
        "file": "todo.yaml",
        "line": 16,
        "column": 8,
        "cell": None,
        "path": "as_of",
        "message": "expected a date like 2026-04-08, got 'TODO'",
    } == todo["problems"][0]
    with pytest.raises(lb.InvalidLaunchError) as invalid:
        lb.load(checked_folder / "todo.yaml")
    expected = [(p.line, p.column, p.path, p.message) for p in invalid.value.problems]
    assert expected == [(p["line"], p["column"], p["path"], p["message"]) for p in todo["problems"]]
    assert (False, 1) == (missing["valid"], len(missing["problems"]))
    assert "missing.yaml" in missing["problems"][0]["message"]


def test_validate_json_of_valid_files_exits_0(checked_folder: Path) -> None:
    """All valid: exit 0, and the document says so."""
    result = run("validate", "good.yaml", "muse-spark", "--format", "json", cwd=checked_folder)
    assert (0, "") == (result.returncode, result.stderr)
    assert True is json.loads(result.stdout)["valid"]


def test_validate_github_prints_workflow_commands(checked_folder: Path) -> None:
    """`--format github`: one ::error command per problem, with file, line and column."""
    result = run("validate", "good.yaml", "todo.yaml", "--format", "github", cwd=checked_folder)
    assert (2, "") == (result.returncode, result.stderr)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("good.yaml: valid (")
    with pytest.raises(lb.InvalidLaunchError) as invalid:
        lb.load(checked_folder / "todo.yaml")
    expected = [
        f"::error file=todo.yaml,line={p.line},col={p.column},title=launchbrief::"
        f"{p.path}: {p.message}"
        for p in invalid.value.problems
    ]
    assert expected == lines[1:]


def test_github_annotations_escape_what_would_break_them() -> None:
    """%, CR and LF are escaped in the message; ',' and ':' too in the file property."""
    problem = lb.Problem("100% sure\r\nnot: this, one", path="title", file="a,b:c%.yaml", line=3)
    assert (
        "::error file=a%2Cb%3Ac%25.yaml,line=3,title=launchbrief::"
        "title: 100%25 sure%0D%0Anot: this, one"
    ) == cli._annotation(problem, "ignored.yaml")
    unplaced = lb.Problem("no such file")
    assert "::error file=x.yaml,title=launchbrief::no such file" == cli._annotation(
        unplaced, "x.yaml"
    )


# --------------------------------------------------------------------------- new


TODO_LINE = re.compile(r'(?P<placeholder>TODO|"")(?P<close>\]?)  # TODO: (?P<example>[^,]+).*')


def filled(template: str, *, leave: int | None = None) -> str:
    """The template with every placeholder replaced by its comment's example (but line ``leave``)."""
    lines = template.splitlines()
    for number, line in enumerate(lines, 1):
        if number != leave:
            lines[number - 1] = TODO_LINE.sub(lambda m: f"{m['example']}{m['close']}", line)
    return "\n".join(lines) + "\n"


def todo_lines(template: str) -> list[int]:
    """The numbers of the lines holding a placeholder."""
    return [n for n, line in enumerate(template.splitlines(), 1) if TODO_LINE.search(line)]


def test_new_writes_the_template_that_fails_until_filled(tmp_path: Path) -> None:
    """`launchbrief new`: launch.yaml with the modeline; invalid as written, valid once filled."""
    result = run("new", cwd=tmp_path)
    assert (0, "launch.yaml\n", "") == (result.returncode, result.stdout, result.stderr)
    text = (tmp_path / "launch.yaml").read_text("utf-8")
    assert text.startswith(_template.MODELINE + "\n")
    assert (
        "# yaml-language-server: $schema=https://raw.githubusercontent.com/launchbrief/"
        "launchbrief/main/schema/launch.schema.json"
    ) == text.splitlines()[0]
    for section in (
        "developer",
        "dates",
        "models",
        "modes",
        "surfaces",
        "cohorts",
        "benchmarks",
        "results",
        "safety",
        "use_cases",
        "insights",
        "sources",
    ):
        at = text.index(f"\n{section}:")
        assert text[:at].rsplit("\n", 1)[-1].startswith("# "), section  # a comment above it
    validate = run("validate", "launch.yaml", cwd=tmp_path)
    assert 2 == validate.returncode
    export = run("export", "launch.yaml", "-f", "json", "-o", "out", cwd=tmp_path)
    assert 2 == export.returncode
    assert not (tmp_path / "out").exists() or [] == list((tmp_path / "out").iterdir())
    (tmp_path / "launch.yaml").write_text(filled(text), "utf-8")
    launch = lb.load(tmp_path / "launch.yaml")
    assert ("aster-2", "Northwind Labs releases Aster 2") == (launch.id, launch.title)
    assert ["aster-2"] == [model.id for model in launch.launched]
    assert 0 == run("validate", "launch.yaml", cwd=tmp_path).returncode


def test_every_placeholder_left_fails_validation() -> None:
    """Leaving any one placeholder unfilled still fails: none can be forgotten."""
    template = _template.launch_template()
    numbers = todo_lines(template)
    assert 20 <= len(numbers)
    lb.loads(filled(template), format="yaml")
    for number in numbers:
        with pytest.raises(lb.InvalidLaunchError):
            lb.loads(filled(template, leave=number), format="yaml")


def test_new_with_id_and_title(tmp_path: Path) -> None:
    """`new --id demo --title ...` writes demo.yaml with both filled, quotes and all."""
    title = 'Demo: "quoted", 100% # not a comment'
    result = run("new", "--id", "demo", "--title", title, cwd=tmp_path)
    assert (0, "demo.yaml\n") == (result.returncode, result.stdout)
    text = (tmp_path / "demo.yaml").read_text("utf-8")
    launch = lb.loads(filled(text), format="yaml")
    assert ("demo", title) == (launch.id, launch.title)


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    """An existing file is kept and named; --force replaces it."""
    (tmp_path / "launch.yaml").write_text("mine\n", "utf-8")
    result = run("new", cwd=tmp_path)
    assert (2, "", "launchbrief: error: launch.yaml exists; use --force to replace it\n") == (
        result.returncode,
        result.stdout,
        result.stderr,
    )
    assert "mine\n" == (tmp_path / "launch.yaml").read_text("utf-8")
    assert 0 == run("new", "--force", cwd=tmp_path).returncode
    assert (tmp_path / "launch.yaml").read_text("utf-8").startswith(_template.MODELINE)


def test_new_to_stdout_and_into_a_folder(tmp_path: Path) -> None:
    """`new -` prints the template; `new drafts/` writes drafts/launch.yaml."""
    printed = run("new", "-", "--id", "demo", cwd=tmp_path)
    assert (0, _template.launch_template(id="demo")) == (printed.returncode, printed.stdout)
    assert [] == list(tmp_path.iterdir())
    into = run("new", "drafts/", cwd=tmp_path)
    assert (0, str(Path("drafts") / "launch.yaml")) == (into.returncode, into.stdout.strip())


def test_new_refuses_an_id_the_record_would_refuse(tmp_path: Path) -> None:
    """`--id Bad` is refused with the record's own reason, before anything is written."""
    result = run("new", "--id", "Bad Id", cwd=tmp_path)
    assert 2 == result.returncode
    assert result.stderr.startswith("launchbrief: error: --id: 'Bad Id' is not a valid id")
    assert [] == list(tmp_path.iterdir())


# --------------------------------------------------------------------------- the user's paths


def test_errors_name_the_users_path_never_a_temporary_one(tmp_path: Path) -> None:
    """Writing under a file, or into a missing folder: the message names the user's path."""
    (tmp_path / "afile").write_text("", "utf-8")
    cases = [
        (("export", "-f", "json", "-o", "afile/deeper"), "afile/deeper"),
        (("new", "missing/dir/x.yaml"), "missing/dir/x.yaml"),
        (("new", "afile/x.yaml"), "afile/x.yaml"),
    ]
    for args, shown in cases:
        result = run(*args, cwd=tmp_path)
        assert 0 != result.returncode
        [line] = result.stderr.splitlines()
        assert shown in line
        assert "launchbrief-tmp" not in line
    assert ["afile"] == sorted(p.name for p in tmp_path.iterdir())


def test_export_into_a_missing_folder_makes_it(tmp_path: Path) -> None:
    """`-o missing/dir/deeper` makes the folders and writes there."""
    result = run("export", "-f", "json", "-o", "missing/dir/deeper", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    assert lb.load(tmp_path / "missing/dir/deeper/muse-spark.json") == lb.load("muse-spark")


def test_the_api_names_the_users_path_for_a_missing_folder(tmp_path: Path) -> None:
    """`export(launch, 'missing/x.json')`: the OSError's filename is the user's path."""
    with pytest.raises(FileNotFoundError) as caught:
        lb.export(lb.load("phi-4"), tmp_path / "missing" / "x.json")
    assert str(tmp_path / "missing" / "x.json") == caught.value.filename
    assert "launchbrief-tmp" not in str(caught.value)


# --------------------------------------------------------------------------- start-up


HEAVY = ("openpyxl", "pptx", "yaml", "cattrs", "importlib.metadata")


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    """`python -X importtime -m launchbrief --help` imports no office library, YAML, cattrs or metadata."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "launchbrief", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert 0 == result.returncode
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "launchbrief.cli" in imported
    assert set() == {
        name
        for name in imported
        if any(name.startswith(heavy + ".") or name == heavy for heavy in HEAVY)
    }


def test_import_into_a_folder_named_with_a_slash_makes_it(tmp_path: Path) -> None:
    """`import CARD -o cards/` writes cards/<id>.yaml, making the folder, not a file 'cards'."""
    card = Path(__file__).parent / "data" / "cards" / "zephyr-7b-beta.yaml"
    result = run("import", str(card), "-o", "cards/", cwd=tmp_path)
    assert 0 == result.returncode, result.stderr
    [written] = (tmp_path / "cards").iterdir()
    assert Path(result.stdout.strip()) == written.relative_to(tmp_path)
    assert written.suffix == ".yaml"
