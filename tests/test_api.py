"""Tests of the public face: what `import launchbrief` offers, and `launchbrief.export`."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import IO

import pytest
from hypothesis import given, settings

import launchbrief as lb
from launchbrief.exporters import _registry
from tests.strategies import launches


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch."""
    return lb.load("muse-spark")


# --------------------------------------------------------------------------- the public face


def test_all_is_sorted_and_complete() -> None:
    """`__all__` is sorted as ruff sorts it (CONSTANTS, Classes, functions) and every name exists."""

    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2), name

    assert sorted(lb.__all__, key=kind) == lb.__all__
    assert [] == [name for name in lb.__all__ if not hasattr(lb, name)]


def test_every_public_name_is_imported_lazily() -> None:
    """Each name of `__all__` has a home module, and nothing else is looked up lazily."""
    assert sorted(lb.__all__) == sorted(lb._HOMES)
    with pytest.raises(AttributeError, match="no attribute 'lod'"):
        lb.lod  # noqa: B018
    assert set(lb.__all__) <= set(dir(lb))


def test_importing_launchbrief_imports_no_dependency() -> None:
    """`import launchbrief` imports neither the record's libraries nor any format's."""
    code = (
        "import sys, launchbrief; "
        "print(sorted(m for m in ('attrs', 'cattrs', 'yaml', 'openpyxl', 'pptx', "
        "'importlib.metadata', 'launchbrief.io') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "[]\n" == result.stdout


def test_public_api_names() -> None:
    """The API of DESIGN.md is importable from the top level."""
    for name in ("load", "loads", "dump", "dumps", "export", "list_exporters", "list_readers"):
        assert callable(getattr(lb, name))
    for name in ("leaderboard", "scorecard", "categories", "rollout", "safety", "completeness"):
        assert callable(getattr(lb, name))


def test_datasets_is_a_function_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """Right after import, `launchbrief.datasets()` lists the built-in launches, sorted."""
    code = "import launchbrief; print(list(launchbrief.datasets()))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert "" == result.stderr
    names = ast.literal_eval(result.stdout)
    assert "muse-spark" in names
    assert sorted(names) == names
    assert list(lb.datasets()) == names


def test_datasets_is_a_function_after_loading(tmp_path: Path) -> None:
    """After loading a built-in launch, `launchbrief.datasets()` still lists them."""
    code = "import launchbrief; launchbrief.load('muse-spark'); print(list(launchbrief.datasets()))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert ("", list(lb.datasets())) == (result.stderr, ast.literal_eval(result.stdout))


def test_version_matches_distribution() -> None:
    """`__version__` is the installed distribution's version."""
    assert importlib.metadata.version("launchbrief") == lb.__version__


def test_distribution_metadata_covers_what_the_wheel_ships() -> None:
    """The licence expression covers the bundled font, its licence file ships, and the project
    links and Python versions are declared."""
    meta = importlib.metadata.metadata("launchbrief")
    assert "MIT AND OFL-1.1" == meta["License-Expression"]
    shipped = set(meta.get_all("License-File") or [])
    assert {"LICENSE", "src/launchbrief/exporters/fonts/LICENSE-LiberationSans.txt"} == shipped
    fonts = Path(lb.__file__).parent / "exporters" / "fonts"
    assert "SIL Open Font License" in (fonts / "LICENSE-LiberationSans.txt").read_text("utf-8")
    urls = dict(url.split(", ", 1) for url in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} == set(urls)
    classifiers = meta.get_all("Classifier") or []
    assert {f"Programming Language :: Python :: 3.{minor}" for minor in (11, 12, 13)} <= set(
        classifiers
    )


def test_typed_usage_file_calls_every_public_function() -> None:
    """tests/typing/api_usage.py (checked by `mypy --strict` in CI) calls every public function."""
    usage = (Path(__file__).parent / "typing" / "api_usage.py").read_text("utf-8")
    called = {
        node.func.attr
        for node in ast.walk(ast.parse(usage))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "launchbrief"
    }
    functions = {name for name in lb.__all__ if inspect.isfunction(getattr(lb, name))}
    assert set() == functions - called


def test_every_documented_public_class_is_exported() -> None:
    """A public class of the record, the analysis or the plugin APIs that the docs name is
    importable from the top level."""
    src = Path(lb.__file__).parent
    modules = ["model.py", "analysis.py", "_changes.py", "exceptions.py"]
    modules += ["exporters/_registry.py", "readers/_registry.py"]
    classes = {
        node.name
        for module in modules
        for node in ast.parse((src / module).read_text("utf-8")).body
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_")
    }
    docs = Path(__file__).parents[1] / "docs"
    text = "\n".join(page.read_text("utf-8") for page in docs.glob("*.md"))
    documented = {name for name in classes if f"`{name}" in text}
    assert set() == documented - set(lb.__all__)


def test_package_is_typed() -> None:
    """The package ships py.typed, so type checkers read its annotations."""
    assert (Path(lb.__file__).parent / "py.typed").is_file()


def test_import_loads_no_heavy_library(tmp_path: Path) -> None:
    """`import launchbrief` imports neither openpyxl nor pptx nor any exporter module."""
    code = (
        "import sys, launchbrief\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'openpyxl', 'pptx'}"
        " or m.startswith('launchbrief.exporters.') and not m.endswith('_registry')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert ("[]\n", "") == (result.stdout, result.stderr)


def test_docstring_example_runs() -> None:
    """The example in the package docstring gives what it says."""
    leader = lb.leaderboard(lb.load("muse-spark"), "charxiv-reasoning").leader
    assert leader is not None
    assert "Muse Spark" == leader.model.name


# --------------------------------------------------------------------------- export


@pytest.mark.parametrize(("suffix", "fmt"), [(".json", "json"), (".yaml", "yaml")])
def test_export_chooses_by_suffix(muse: lb.Launch, tmp_path: Path, suffix: str, fmt: str) -> None:
    """export picks the exporter from the destination's suffix and returns the path written."""
    target = tmp_path / f"brief{suffix}"
    assert target == lb.export(muse, target)
    assert muse == lb.loads(target.read_text("utf-8"), fmt)
    assert muse == lb.load(target)


def test_export_accepts_a_string_path(muse: lb.Launch, tmp_path: Path) -> None:
    """A destination given as text works like a Path."""
    target = tmp_path / "brief.json"
    assert target == lb.export(muse, str(target))
    assert muse == lb.load(target)


def test_export_format_overrides_suffix(muse: lb.Launch, tmp_path: Path) -> None:
    """An explicit format wins over the suffix."""
    target = tmp_path / "brief.txt"
    lb.export(muse, target, format="yaml")
    assert muse == lb.loads(target.read_text("utf-8"), "yaml")


def test_export_to_a_stream(muse: lb.Launch) -> None:
    """A binary stream destination needs format=, receives the bytes and stays open."""
    stream = io.BytesIO()
    assert None is lb.export(muse, stream, format="json")
    assert not stream.closed
    assert muse == lb.loads(stream.getvalue(), "json")


def test_export_unknown_suffix_raises_and_writes_nothing(muse: lb.Launch, tmp_path: Path) -> None:
    """An unknown suffix raises UnknownFormatError and creates no file."""
    with pytest.raises(lb.UnknownFormatError):
        lb.export(muse, tmp_path / "brief.docx")
    assert [] == list(tmp_path.iterdir())


def test_export_stream_without_format_raises(muse: lb.Launch) -> None:
    """A stream without format= cannot be exported: there is no suffix to go by."""
    with pytest.raises(lb.UnknownFormatError):
        lb.export(muse, io.BytesIO())


class FailingExporter:
    """An exporter that writes half its output, then fails."""

    name = "failing"
    suffix = ".fail"
    media_type = "application/octet-stream"
    description = "Writes some bytes, then fails"
    document = False

    def export(self, launch: lb.Launch, dest: str | os.PathLike[str] | IO[bytes], /) -> None:
        """Write a partial file, then raise ExportError."""
        with _registry.open_destination(dest) as stream:
            stream.write(b"PARTIAL " * 1000)
            raise lb.ExportError(f"cannot write {launch.id}")


@pytest.fixture
def failing() -> Iterator[None]:
    """Register FailingExporter as the 'failing' format for one test."""
    entry = _registry.ExporterEntry(
        metadata.EntryPoint(
            name="failing",
            value=f"{__name__}:FailingExporter",
            group=_registry.ENTRY_POINT_GROUP,
        )
    )
    original = _registry._entries
    patched = (*original(), entry)
    _registry._entries = lambda: patched  # type: ignore[assignment]
    try:
        yield
    finally:
        _registry._entries = original


@pytest.mark.usefixtures("failing")
def test_failed_export_leaves_no_partial_file(muse: lb.Launch, tmp_path: Path) -> None:
    """An exporter that fails midway leaves no file and no temporary file behind."""
    with pytest.raises(lb.ExportError, match="cannot write muse-spark"):
        lb.export(muse, tmp_path / "brief.fail")
    assert [] == list(tmp_path.iterdir())


@pytest.mark.usefixtures("failing")
def test_failed_export_keeps_existing_file(muse: lb.Launch, tmp_path: Path) -> None:
    """An exporter that fails midway leaves an existing target byte-for-byte untouched."""
    target = tmp_path / "brief.json"
    target.write_bytes(b"precious bytes\x00\xff")
    with pytest.raises(lb.ExportError):
        lb.export(muse, target, format="failing")
    assert b"precious bytes\x00\xff" == target.read_bytes()
    assert ["brief.json"] == [p.name for p in tmp_path.iterdir()]


def test_written_file_has_usual_permissions(muse: lb.Launch, tmp_path: Path) -> None:
    """An exported file gets the usual permissions, not the private ones of a temporary file."""
    umask = os.umask(0o022)
    try:
        target = lb.export(muse, tmp_path / "brief.json")
    finally:
        os.umask(umask)
    assert target is not None
    assert 0o644 == target.stat().st_mode & 0o777


@settings(max_examples=max(5, settings().max_examples // 3))
@given(launch=launches())
def test_text_exporters_write_what_load_reads_property(launch: lb.Launch) -> None:
    """For any launch, the json and yaml exporters write files that load back equal."""
    for fmt in ("json", "yaml"):
        stream = io.BytesIO()
        lb.export(launch, stream, format=fmt)
        assert launch == lb.loads(stream.getvalue(), fmt)


# --------------------------------------------------------------------------- several formats, errors


@pytest.mark.usefixtures("failing")
def test_export_all_is_all_or_nothing(muse: lb.Launch, tmp_path: Path) -> None:
    """export_all with a failing exporter between two good ones replaces no file."""
    from launchbrief._api import export_all
    from launchbrief.exporters import get_exporter

    (tmp_path / "muse-spark.json").write_bytes(b"earlier")
    chosen = [get_exporter(name) for name in ("json", "failing", "yaml")]
    with pytest.raises(lb.ExportError, match="cannot write muse-spark"):
        export_all(muse, tmp_path, chosen)
    assert {"muse-spark.json": b"earlier"} == {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    written = export_all(muse, tmp_path, [get_exporter("json"), get_exporter("yaml")])
    assert [tmp_path / "muse-spark.json", tmp_path / "muse-spark.yaml"] == written
    assert muse == lb.load(written[0]) == lb.load(written[1])
    assert ["muse-spark.json", "muse-spark.yaml"] == sorted(p.name for p in tmp_path.iterdir())


class DyingExporter:
    """An exporter whose process dies without a word, as if killed."""

    name = "dying"
    suffix = ".dead"
    media_type = "application/octet-stream"
    description = "Ends its process"
    document = False

    def export(self, launch: lb.Launch, dest: str | os.PathLike[str] | IO[bytes], /) -> None:
        """End the process at once."""
        os._exit(3)


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """export_all(parallel=True) forks whatever the machine (the test needs the path taken)."""
    from launchbrief import _api

    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("this system cannot fork")
    monkeypatch.setattr(_api, "_can_fork", lambda: True)


@pytest.mark.usefixtures("forking")
def test_parallel_export_writes_the_same_bytes(
    muse: lb.Launch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Formats built in forked processes are byte for byte those built one after another."""
    from launchbrief._api import export_all
    from launchbrief.exporters import get_exporter

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    chosen = [get_exporter(name) for name in ("xlsx", "pptx", "json", "csv")]
    one, many = tmp_path / "one", tmp_path / "many"
    one.mkdir()
    many.mkdir()
    alone = export_all(muse, one, chosen)
    together = export_all(muse, many, chosen, parallel=True)
    assert [p.name for p in alone] == [p.name for p in together]
    assert [p.read_bytes() for p in alone] == [p.read_bytes() for p in together]


@pytest.mark.usefixtures("failing", "forking")
@pytest.mark.parametrize("order", [("failing", "json", "yaml"), ("json", "failing", "yaml")])
def test_parallel_export_is_all_or_nothing(
    muse: lb.Launch, tmp_path: Path, order: tuple[str, ...]
) -> None:
    """A format failing in the parent or in a forked child replaces no file; its error is raised."""
    from launchbrief._api import export_all
    from launchbrief.exporters import get_exporter

    (tmp_path / "muse-spark.json").write_bytes(b"earlier")
    chosen = [get_exporter(name) for name in order]
    with pytest.raises(lb.ExportError, match="cannot write muse-spark"):
        export_all(muse, tmp_path, chosen, parallel=True)
    assert {"muse-spark.json": b"earlier"} == {p.name: p.read_bytes() for p in tmp_path.iterdir()}


@pytest.mark.usefixtures("forking")
def test_parallel_export_reports_a_child_that_died(muse: lb.Launch, tmp_path: Path) -> None:
    """A child that ends without a result is an ExportError naming its format; nothing is written."""
    from launchbrief._api import export_all
    from launchbrief.exporters import get_exporter

    with pytest.raises(lb.ExportError, match=r"the dying export stopped .*exit status 3"):
        export_all(muse, tmp_path, [get_exporter("json"), DyingExporter()], parallel=True)
    assert [] == list(tmp_path.iterdir())


@pytest.mark.parametrize("value", ["abc", "99999999999"])
def test_export_refuses_a_bad_source_date_epoch_first(
    muse: lb.Launch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """A bad SOURCE_DATE_EPOCH is an ExportError before anything is written, for any format."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(lb.ExportError, match="SOURCE_DATE_EPOCH"):
        lb.export(muse, tmp_path / "brief.json")
    with pytest.raises(lb.ExportError, match="SOURCE_DATE_EPOCH"):
        lb.export(muse, io.BytesIO(), format="json")
    assert [] == list(tmp_path.iterdir())


def test_export_errors_name_the_destination(muse: lb.Launch, tmp_path: Path) -> None:
    """A destination in a missing folder, or that is a folder, is named in the OSError."""
    missing = tmp_path / "missing" / "brief.json"
    with pytest.raises(FileNotFoundError) as caught:
        lb.export(muse, missing)
    assert str(missing) == caught.value.filename
    (tmp_path / "brief.json").mkdir()
    with pytest.raises(IsADirectoryError) as refused:
        lb.export(muse, tmp_path / "brief.json")
    assert str(tmp_path / "brief.json") == refused.value.filename
    assert ["brief.json"] == sorted(p.name for p in tmp_path.iterdir())
