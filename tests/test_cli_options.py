"""The deck's and the workbook's options on the command line: --template and --accent."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import IO, Any, ClassVar

import pytest
from pptx import Presentation

import launchbrief as lb
from launchbrief import _api
from launchbrief.exceptions import ExportError


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m launchbrief ARGS`` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "launchbrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4:3 template (python-pptx's own default presentation)."""
    path = tmp_path_factory.mktemp("template") / "corp.pptx"
    Presentation().save(str(path))
    return path


def test_a_4_3_template_from_the_command_line_keeps_its_size(
    template: Path, tmp_path: Path
) -> None:
    """`export --template corp.pptx` builds the deck on the template, in its 4:3 size."""
    done = run("export", "-f", "pptx", "--template", str(template), "-o", "out", cwd=tmp_path)
    assert (0, "") == (done.returncode, done.stderr)
    deck = Presentation(str(tmp_path / "out" / "muse-spark.pptx"))
    assert (9144000, 6858000) == (deck.slide_width, deck.slide_height)
    assert len(deck.slides) > 1


def test_accent_reaches_the_workbook_and_the_deck(tmp_path: Path) -> None:
    """`--accent` colours both documents: each differs from the default export, and only in colour."""
    plain = run("export", "-o", "plain", cwd=tmp_path)
    red = run("export", "--accent", "#B03A2E", "-o", "red", cwd=tmp_path)
    assert (0, 0) == (plain.returncode, red.returncode)
    for name in ("muse-spark.xlsx", "muse-spark.pptx"):
        assert (tmp_path / "plain" / name).read_bytes() != (tmp_path / "red" / name).read_bytes()
    same = lb.load(tmp_path / "red" / "muse-spark.xlsx")
    assert lb.load("muse-spark") == same


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["-f", "json", "--template", "TEMPLATE"], "no format chosen takes 'template'"),
        (["-f", "json", "--accent", "#B03A2E"], "no format chosen takes 'accent'"),
        (["--template", "missing.pptx"], "no template file 'missing.pptx'"),
        (["--accent", "crimson"], "accent must be a colour like"),
    ],
)
def test_options_no_format_takes_or_that_are_wrong_are_refused(
    args: list[str], says: str, template: Path, tmp_path: Path
) -> None:
    """An option that would be ignored, or is wrong, is one line and exit 2; nothing is written."""
    args = [str(template) if arg == "TEMPLATE" else arg for arg in args]
    done = run("export", *args, "-o", "out", cwd=tmp_path)
    assert 2 == done.returncode
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


class _Keywords:
    """A plugin exporter that takes any keyword option."""

    suffix: ClassVar[str] = ".txt"
    description: ClassVar[str] = "takes anything"
    seen: ClassVar[dict[str, Any]] = {}

    def export(self, launch: lb.Launch, dest: IO[bytes], /, **options: Any) -> None:
        type(self).seen = options
        dest.write(launch.id.encode())


class _Nothing:
    """A plugin exporter without options."""

    suffix: ClassVar[str] = ".nil"
    description: ClassVar[str] = "takes nothing"

    def export(self, launch: lb.Launch, dest: IO[bytes], /) -> None:
        dest.write(b"")


def test_options_go_to_each_exporter_that_takes_them(tmp_path: Path) -> None:
    """Options reach every exporter that takes them by keyword, and only those."""
    launch = lb.load("muse-spark")
    exporters: list[Any] = [_Keywords(), _Nothing()]
    written = _api.export_all(launch, tmp_path, exporters, {"accent": "#123456"})
    assert {"accent": "#123456"} == _Keywords.seen
    assert [tmp_path / "muse-spark.txt", tmp_path / "muse-spark.nil"] == written
    with pytest.raises(ExportError, match="no format chosen takes 'template'"):
        _api.export_all(launch, tmp_path, [_Nothing()], {"template": "corp.pptx"})  # type: ignore[list-item]
