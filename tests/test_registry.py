"""Tests of exporter discovery: entry points listed lazily, broken plugins reported, never fatal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import launchbrief as lb
from launchbrief.exporters import ENTRY_POINT_GROUP, get_exporter


def python(code: str, *, cwd: Path, path: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a fresh interpreter, with ``path`` added to PYTHONPATH."""
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    """A folder holding an installed fake distribution with three exporter plugins.

    ``broken`` raises when imported, ``lacking`` has no ``export`` method, and
    ``shout`` is a working exporter of its own format.
    """
    folder = tmp_path / "site"
    info = folder / "fake_plugin-0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fake-plugin\nVersion: 0\n", "utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            f"""\
            [{ENTRY_POINT_GROUP}]
            broken = fake_broken:BrokenExporter
            lacking = fake_working:Lacking
            shout = fake_working:ShoutExporter
            """
        ),
        "utf-8",
    )
    (folder / "fake_broken.py").write_text(
        'raise RuntimeError("this plugin is broken on purpose")\n', "utf-8"
    )
    (folder / "fake_working.py").write_text(
        textwrap.dedent(
            """\
            class Lacking:
                name = "lacking"
                suffix = ".lack"
                media_type = "text/plain"
                description = "Has no export method"


            class ShoutExporter:
                name = "shout"
                suffix = ".shout"
                media_type = "text/plain"
                description = "The title in capitals"
                document = False

                def export(self, launch, dest, /):
                    from launchbrief.exporters import open_destination

                    with open_destination(dest) as stream:
                        stream.write(launch.title.upper().encode("utf-8"))
            """
        ),
        "utf-8",
    )
    return folder


# --------------------------------------------------------------------------- listing


def test_builtin_exporters_are_registered() -> None:
    """json, yaml, xlsx and pptx are registered through our own entry points."""
    assert {"json", "yaml", "xlsx", "pptx"} <= {entry.name for entry in lb.list_exporters()}


def test_exporters_are_sorted_by_name() -> None:
    """list_exporters() lists entries sorted by name."""
    names = [entry.name for entry in lb.list_exporters()]
    assert sorted(names) == names


def test_listing_exporters_imports_none_of_them(tmp_path: Path) -> None:
    """Listing exporters imports no exporter module, nor openpyxl or pptx."""
    result = python(
        """
        import sys
        import launchbrief
        names = [entry.name for entry in launchbrief.list_exporters()]
        loaded = sorted(
            name for name in sys.modules
            if name.startswith("launchbrief.exporters.") and name != "launchbrief.exporters._registry"
            or name.split(".")[0] in {"openpyxl", "pptx"}
        )
        print(names)
        print(loaded)
        """,
        cwd=tmp_path,
    )
    assert 0 == result.returncode, result.stderr
    names, loaded = result.stdout.splitlines()
    assert "'json'" in names
    assert "[]" == loaded


def test_choosing_an_exporter_imports_only_that_one(tmp_path: Path) -> None:
    """Loading the json exporter imports its module and not the xlsx or pptx ones."""
    result = python(
        """
        import sys
        from launchbrief.exporters import get_exporter
        get_exporter("json")
        print(sorted(name for name in sys.modules if name.startswith("launchbrief.exporters.")))
        print(sorted(name for name in sys.modules if name.split(".")[0] in {"openpyxl", "pptx"}))
        """,
        cwd=tmp_path,
    )
    assert 0 == result.returncode, result.stderr
    assert [
        "['launchbrief.exporters._registry', 'launchbrief.exporters.text']",
        "[]",
    ] == result.stdout.splitlines()


# --------------------------------------------------------------------------- choosing


@pytest.mark.parametrize(
    ("name", "suffix", "media_type"),
    [("json", ".json", "application/json"), ("yaml", ".yaml", "application/yaml")],
)
def test_get_exporter_by_name(name: str, suffix: str, media_type: str) -> None:
    """get_exporter returns a ready exporter that declares its name, suffix and media type."""
    exporter = get_exporter(name)
    assert (name, suffix, media_type) == (exporter.name, exporter.suffix, exporter.media_type)
    assert exporter.description
    assert isinstance(exporter, lb.Exporter)


@pytest.mark.parametrize(
    ("dest", "name"), [("x.json", "json"), ("X.JSON", "json"), (Path("a/b.yaml"), "yaml")]
)
def test_get_exporter_by_suffix(dest: str | Path, name: str) -> None:
    """Without a format, the destination's suffix chooses the exporter."""
    assert name == get_exporter(dest=dest).name


def test_format_name_is_forgiving() -> None:
    """Format names ignore case and a leading dot."""
    assert ("json", "json") == (get_exporter("JSON").name, get_exporter(".json").name)


def test_unknown_format_raises_unknown_format_error() -> None:
    """An unknown format name raises UnknownFormatError listing the exporters."""
    with pytest.raises(lb.UnknownFormatError, match="json"):
        get_exporter("docx")


@pytest.mark.parametrize(
    ("dest", "words"),
    [
        ("report.docx", "no exporter writes '.docx' files"),
        ("report", "it has no suffix"),
        (io.BytesIO(), "cannot tell the format of a stream"),
    ],
)
def test_undecidable_destination_raises(dest: object, words: str) -> None:
    """An unknown suffix, no suffix, or a stream without format= raises UnknownFormatError."""
    with pytest.raises(lb.UnknownFormatError, match=words):
        get_exporter(dest=dest)


def test_unknown_format_error_is_a_lookup_error() -> None:
    """UnknownFormatError can be caught as LookupError and as LaunchbriefError."""
    with pytest.raises(LookupError):
        get_exporter("docx")
    with pytest.raises(lb.LaunchbriefError):
        get_exporter("docx")


# --------------------------------------------------------------------------- plugins


def test_broken_plugin_is_reported_by_formats(tmp_path: Path, plugins: Path) -> None:
    """`launchbrief formats` names a broken plugin and its reason, and still lists the others."""
    result = python(
        "import sys; from launchbrief.cli import main; sys.exit(main(['formats']))",
        cwd=tmp_path,
        path=plugins,
    )
    assert "Traceback" not in result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert {"broken", "lacking", "shout", "json", "yaml"} <= set(rows)
    assert "unavailable" in rows["broken"]
    assert "fake_broken:BrokenExporter" in rows["broken"]
    assert "RuntimeError: this plugin is broken on purpose" in rows["broken"]
    assert "unavailable" in rows["lacking"]
    assert "lacks export" in rows["lacking"]
    assert rows["json"].split()[1:3] == [".json", "The"]
    assert rows["shout"].split()[1] == ".shout"


def test_broken_plugin_does_not_break_exporting(tmp_path: Path, plugins: Path) -> None:
    """With a broken plugin installed, the json exporter and a working plugin still export."""
    result = python(
        """
        import launchbrief
        launch = launchbrief.load("muse-spark")
        print(launchbrief.export(launch, "out.json"))
        print(launchbrief.export(launch, "out.shout"))
        try:
            launchbrief.export(launch, "x.bin", format="broken")
        except launchbrief.LaunchbriefError as error:
            print("refused:", error)
        """,
        cwd=tmp_path,
        path=plugins,
    )
    assert 0 == result.returncode, result.stderr
    lines = result.stdout.splitlines()
    assert ["out.json", "out.shout"] == lines[:2]
    assert lines[2].startswith("refused: exporter 'broken' (fake_broken:BrokenExporter)")
    assert lb.load("muse-spark") == lb.load(tmp_path / "out.json")
    assert lb.load("muse-spark").title.upper() == (tmp_path / "out.shout").read_text("utf-8")
    assert not (tmp_path / "x.bin").exists()


def test_broken_plugin_does_not_break_cli_export(tmp_path: Path, plugins: Path) -> None:
    """`launchbrief export -f json` works with a broken plugin installed."""
    result = python(
        "import sys; from launchbrief.cli import main; sys.exit(main(['export', '-f', 'json']))",
        cwd=tmp_path,
        path=plugins,
    )
    assert 0 == result.returncode, result.stderr
    assert "muse-spark" == json.loads((tmp_path / "muse-spark.json").read_text("utf-8"))["id"]


def test_broken_exporter_named_after_the_suffix_is_the_error(tmp_path: Path, plugins: Path) -> None:
    """Choosing by suffix reports the broken exporter named after it, not 'no exporter writes'."""
    result = python(
        """
        import launchbrief
        from launchbrief.exporters import get_exporter
        try:
            get_exporter(dest="x.broken")
        except launchbrief.UnknownFormatError as error:
            print("unknown:", error)
        except launchbrief.LaunchbriefError as error:
            print("broken:", error)
        print(get_exporter(dest="y.shout").name)
        """,
        cwd=tmp_path,
        path=plugins,
    )
    assert 0 == result.returncode, result.stderr
    assert [
        "broken: exporter 'broken' (fake_broken:BrokenExporter) could not be loaded:"
        " RuntimeError: this plugin is broken on purpose",
        "shout",
    ] == result.stdout.splitlines()
