"""Tests of reader plugins: built-ins registered like plugins, chosen by suffix or content, broken ones reported."""

from __future__ import annotations

import gzip
import io
import json
import textwrap
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import launchbrief as lb
from launchbrief import _plugins
from launchbrief.readers import ENTRY_POINT_GROUP, find_reader, get_reader, known_suffixes
from tests.test_docs import blocks
from tests.test_registry import python

BUILT_IN = {
    "huggingface": (".md",),
    "json": (".json",),
    "toml": (".toml",),
    "xlsx": (".xlsx",),
    "yaml": (".yaml", ".yml"),
}

# A valid launch in the fake plugin's own format: a JSON record after a first line "LAUNCH".
_TINY = {
    "schema_version": 2,
    "id": "tiny",
    "title": "Tiny launch",
    "developer": {"name": "Tiny Labs"},
    "models": [{"id": "t-1", "name": "T 1", "launched": True}],
}


@pytest.fixture(scope="module")
def muse() -> lb.Launch:
    """The built-in Muse Spark launch."""
    return lb.load("muse-spark")


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    """A folder holding an installed fake distribution with five reader plugins.

    ``lbj`` reads ``.lbj`` files (a line ``LAUNCH``, then the record as JSON) and sniffs
    them by that first line; ``broken`` raises when imported; ``lacking`` has no
    ``read``; ``onestring`` declares its suffixes as a string; ``crashy`` sniffs by
    raising.
    """
    folder = tmp_path / "site"
    info = folder / "fake_readers-0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: fake-readers\nVersion: 0\n", "utf-8"
    )
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            f"""\
            [{ENTRY_POINT_GROUP}]
            broken = fake_readers_broken:BrokenReader
            crashy = fake_readers:Crashy
            lacking = fake_readers:Lacking
            lbj = fake_readers:LbjReader
            onestring = fake_readers:OneString
            """
        ),
        "utf-8",
    )
    (folder / "fake_readers_broken.py").write_text(
        'raise RuntimeError("this reader is broken on purpose")\n', "utf-8"
    )
    (folder / "fake_readers.py").write_text(
        textwrap.dedent(
            """\
            from launchbrief.io import loads, read_bytes


            class LbjReader:
                name = "lbj"
                suffixes = (".lbj",)
                description = "A launch record as JSON after a LAUNCH line"

                def sniff(self, head):
                    return head.startswith(b"LAUNCH\\n")

                def read(self, source, /):
                    data = read_bytes(source)
                    if not data.startswith(b"LAUNCH\\n"):
                        raise ValueError("not an lbj file")
                    # A blank first line keeps line numbers those of the file.
                    return loads(b"\\n" + data[7:], "json", name=str(source))


            class Lacking:
                name = "lacking"
                suffixes = (".lack",)
                description = "Has no read method"


            class OneString:
                name = "onestring"
                suffixes = ".one"
                description = "Suffixes as a string"

                def read(self, source, /):
                    raise AssertionError("never called")


            class Crashy:
                name = "crashy"
                suffixes = (".crash",)
                description = "Sniffs by raising"

                def sniff(self, head):
                    raise KeyError("sniffing went wrong")

                def read(self, source, /):
                    raise AssertionError("never called")
            """
        ),
        "utf-8",
    )
    return folder


def sections(stdout: str) -> dict[str, dict[str, str]]:
    """`launchbrief formats` output as {"Readers": {name: row}, "Writers": {name: row}}."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in stdout.splitlines():
        if not line.startswith(" ") and line.endswith(":"):
            current = found.setdefault(line.split()[0], {})
        else:
            current[line.split()[0]] = line
    return found


def lbj(record: dict[str, object]) -> str:
    """A record in the fake plugin's format."""
    return "LAUNCH\n" + json.dumps(record, indent=2)


# --------------------------------------------------------------------------- listing


def test_builtin_readers_are_registered() -> None:
    """json, toml, xlsx and yaml are registered through our own entry points, sorted by name."""
    entries = lb.list_readers()
    assert list(BUILT_IN) == [entry.name for entry in entries if entry.name in BUILT_IN]
    assert sorted(entry.name for entry in entries) == [entry.name for entry in entries]
    targets = {entry.name: entry.target for entry in entries}
    assert "launchbrief.exporters._xlsx_plugin:XlsxReader" == targets["xlsx"]
    assert "launchbrief.readers.text:YamlReader" == targets["yaml"]


@pytest.mark.parametrize(("name", "suffixes"), BUILT_IN.items())
def test_get_reader_gives_a_ready_reader(name: str, suffixes: tuple[str, ...]) -> None:
    """get_reader returns a reader declaring its name, suffixes and a one-line description."""
    reader = get_reader(name)
    assert (name, suffixes) == (reader.name, reader.suffixes)
    assert reader.description
    assert "\n" not in reader.description
    assert isinstance(reader, lb.Reader)


def test_get_reader_is_forgiving_and_refuses_unknown_names() -> None:
    """Reader names ignore case and a leading dot; an unknown one lists the readers."""
    assert ("yaml", "xlsx") == (lb.get_reader("YAML").name, lb.get_reader(".xlsx").name)
    with pytest.raises(
        lb.UnknownFormatError, match=r"unknown reader 'docx' \(readers: huggingface, json,"
    ):
        lb.get_reader("docx")


def test_listing_readers_imports_none_of_them(tmp_path: Path) -> None:
    """Listing readers imports no reader module, nor openpyxl or pptx."""
    result = python(
        """
        import sys
        import launchbrief
        print([entry.name for entry in launchbrief.list_readers()])
        print(sorted(
            name for name in sys.modules
            if name == "launchbrief.readers.text"
            or name.startswith("launchbrief.exporters.") and not name.endswith("._registry")
            or name.split(".")[0] in {"openpyxl", "pptx"}
        ))
        """,
        cwd=tmp_path,
    )
    assert 0 == result.returncode, result.stderr
    names, loaded = result.stdout.splitlines()
    assert "'yaml'" in names
    assert "[]" == loaded


def test_io_imports_no_format_module(tmp_path: Path) -> None:
    """Importing launchbrief.io imports no format module: it reaches readers only through the registry."""
    result = python(
        """
        import sys
        import launchbrief.io
        print(sorted(
            name for name in sys.modules
            if name.startswith(("launchbrief.exporters.", "launchbrief.readers."))
            and not name.endswith("._registry")
            or name.split(".")[0] in {"openpyxl", "pptx"}
        ))
        """,
        cwd=tmp_path,
    )
    assert ("[]\n", "") == (result.stdout, result.stderr)


def test_io_source_imports_no_exporter() -> None:
    """io.py names no exporter module, not even in a string imported by name."""
    text = Path(lb.io.__file__).read_text("utf-8")
    assert "exporters" not in text
    assert "import_module" not in text


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".toml"])
def test_loading_text_imports_no_workbook_code(tmp_path: Path, suffix: str) -> None:
    """Loading a text file imports its reader only: never the workbook module or openpyxl."""
    fmt = {".yml": "yaml"}.get(suffix, suffix[1:])
    (tmp_path / f"launch{suffix}").write_text(lb.dumps(lb.load("muse-spark"), fmt), "utf-8")
    result = python(
        f"""
        import sys
        import launchbrief
        print(launchbrief.load("launch{suffix}").id)
        print(sorted(
            name for name in sys.modules
            if name.startswith(("launchbrief.exporters.", "launchbrief.readers."))
            and not name.endswith("._registry")
            or name.split(".")[0] in {{"openpyxl", "pptx"}}
        ))
        """,
        cwd=tmp_path,
    )
    assert 0 == result.returncode, result.stderr
    # No reader is named "yml": the readers are tried from the cheapest, and the model
    # card's (a light front that imports nothing else) comes before YAML's.
    readers = ["launchbrief.readers.huggingface"] if suffix == ".yml" else []
    expected = str([*readers, "launchbrief.readers.text"])
    assert ["muse-spark", expected] == result.stdout.splitlines()


@pytest.mark.parametrize("package", ["exporters", "readers"])
def test_subpackages_are_not_shadowed(tmp_path: Path, package: str) -> None:
    """`launchbrief.readers` and `launchbrief.exporters` are the subpackages, before and after use."""
    (tmp_path / "a.yaml").write_text(lb.dumps(lb.load("muse-spark")), "utf-8")
    result = python(
        f"""
        import importlib, types
        import launchbrief
        launchbrief.load("a.yaml")
        import launchbrief.{package}.text
        sub = importlib.import_module("launchbrief.{package}")
        print(isinstance(launchbrief.{package}, types.ModuleType), launchbrief.{package} is sub)
        """,
        cwd=tmp_path,
    )
    assert ("True True\n", "") == (result.stdout, result.stderr)


# --------------------------------------------------------------------------- choosing


@pytest.mark.parametrize(
    ("name", "reader"),
    [("a.yaml", "yaml"), ("a.YML", "yaml"), ("a.json", "json"), ("a.toml", "toml")],
)
def test_find_reader_by_suffix(name: str, reader: str) -> None:
    """The suffix chooses the reader, whatever its case; the file need not exist to choose."""
    assert reader == find_reader(Path(name)).name


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_each_text_reader_reads_what_dump_writes(muse: lb.Launch, tmp_path: Path, fmt: str) -> None:
    """Each text reader, called directly, reads back the record dump wrote."""
    path = lb.dump(muse, tmp_path / f"muse.{fmt}")
    assert muse == get_reader(fmt).read(path)


def test_workbook_reader_reads_the_exported_workbook(muse: lb.Launch, tmp_path: Path) -> None:
    """The xlsx reader, through load(), rebuilds the record the workbook exporter wrote."""
    path = tmp_path / "muse.xlsx"
    lb.export(muse, path)
    assert muse == lb.load(path)
    assert muse == get_reader("xlsx").read(path)


def test_workbook_without_a_suffix_is_recognized_by_content(
    muse: lb.Launch, tmp_path: Path
) -> None:
    """A workbook saved without a suffix (a browser's 'download') is sniffed and read."""
    path = tmp_path / "download"
    lb.export(muse, path, format="xlsx")
    assert "xlsx" == find_reader(path).name
    assert muse == lb.load(path)


def test_zip_that_is_no_workbook_is_not_sniffed_as_one(tmp_path: Path) -> None:
    """A zip archive without Excel parts is not taken for a workbook: the file type is unknown."""
    path = tmp_path / "archive.bin"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buffer.getvalue())
    with pytest.raises(lb.UnknownFormatError, match=r"unknown file type '\.bin'"):
        lb.load(path)


def test_text_without_suffix_is_not_guessed(tmp_path: Path) -> None:
    """A launch in YAML without a suffix is refused, not guessed: text readers do not sniff."""
    path = tmp_path / "launch"
    path.write_text(lb.dumps(lb.load("muse-spark")), "utf-8")
    with pytest.raises(lb.UnknownFormatError) as caught:
        lb.load(path)
    assert str(caught.value) == (
        f"cannot read {str(path)!r}: unknown file type '(none)'"
        " (expected .md, .json, .toml, .xlsx, .yaml or .yml)"
    )


def test_format_names_the_reader(muse: lb.Launch, tmp_path: Path) -> None:
    """load(format=...) reads with that reader whatever the suffix; an unknown one is refused."""
    path = tmp_path / "launch.txt"
    path.write_text(lb.dumps(muse, "json"), "utf-8")
    assert muse == lb.load(path, format="json")
    with pytest.raises(lb.UnknownFormatError, match="unknown reader 'docx'"):
        lb.load(path, format="docx")


def test_reader_options_are_checked_by_the_reader(tmp_path: Path) -> None:
    """An option the reader does not take is a TypeError naming it, as Python reports it."""
    path = lb.dump(lb.load("muse-spark"), tmp_path / "a.yaml")
    with pytest.raises(TypeError, match="scales"):
        lb.load(path, scales={})


def test_known_suffixes_lists_every_reader_s() -> None:
    """known_suffixes() gives each built-in reader's suffixes once."""
    assert {".json", ".toml", ".xlsx", ".yaml", ".yml"} <= set(known_suffixes())
    assert len(set(known_suffixes())) == len(known_suffixes())


class _Entry(_plugins.PluginEntry[object]):
    """A plugin entry for the ordering test."""


def _entry(name: str, module: str) -> _Entry:
    return _Entry(metadata.EntryPoint(name=name, value=f"{module}:X", group="test"))


def test_by_cost_tries_the_named_then_the_imported_then_the_rest() -> None:
    """by_cost yields the entry named after the suffix, then those whose module is imported."""
    entries = [
        _entry("a", "no_such_module_a"),
        _entry("b", "json"),  # imported: the test run uses it
        _entry("c", "no_such_module_c"),
        _entry("d", "no_such_module_d"),
    ]
    assert ["d", "b", "a", "c"] == [entry.name for entry in _plugins.by_cost(entries, "d")]
    assert ["b", "a", "c", "d"] == [entry.name for entry in _plugins.by_cost(entries, "zz")]


# --------------------------------------------------------------------------- plugins


def test_reader_plugins_are_listed_by_formats(tmp_path: Path, plugins: Path) -> None:
    """`launchbrief formats` lists readers and writers; broken readers with their reason, exit 1."""
    result = python(
        "import sys; from launchbrief.cli import main; sys.exit(main(['formats']))",
        cwd=tmp_path,
        path=plugins,
    )
    assert "Traceback" not in result.stderr
    assert 1 == result.returncode
    listed = sections(result.stdout)
    assert ["Readers", "Writers"] == list(listed)
    readers, writers = listed["Readers"], listed["Writers"]
    assert {"broken", "crashy", "lacking", "lbj", "onestring", *BUILT_IN} == set(readers)
    assert {"json", "yaml", "xlsx", "pptx"} <= set(writers)
    assert "lbj" not in writers
    assert readers["lbj"].split()[1:3] == [".lbj", "A"]
    assert readers["yaml"].split()[1:4] == [".yaml", ".yml", "A"]
    assert (
        "unavailable: reader 'broken' (fake_readers_broken:BrokenReader) could not be"
        " loaded: RuntimeError: this reader is broken on purpose"
    ) == readers["broken"].split(None, 1)[1]
    assert readers["lacking"].endswith("reader 'lacking' (fake_readers:Lacking) lacks read")
    assert "declares suffixes '.one': expected a tuple of suffixes" in readers["onestring"]
    assert writers["json"].split()[1] == ".json"


def test_reader_plugin_reads_its_suffix(tmp_path: Path, plugins: Path) -> None:
    """load() and `launchbrief validate` read a plugin's file type; its problems are located."""
    (tmp_path / "tiny.lbj").write_text(lbj(_TINY), "utf-8")
    (tmp_path / "bad.lbj").write_text(lbj({**_TINY, "models": []}), "utf-8")
    result = python(
        """
        import sys
        import launchbrief
        print(launchbrief.load("tiny.lbj").title)
        from launchbrief.cli import main
        sys.exit(main(["validate", "tiny.lbj", "bad.lbj"]))
        """,
        cwd=tmp_path,
        path=plugins,
    )
    assert 2 == result.returncode, result.stderr
    assert ["Tiny launch", "tiny.lbj: valid (0 results, 0 sources)"] == result.stdout.splitlines()
    # Line 9 of the file: the line of "models", the record's JSON starting on line 2.
    assert (
        "bad.lbj:9:13: models: no model is marked launched: give each model the launch"
        " releases `launched: true`\n"
    ) == result.stderr


def test_reader_plugin_sniffs_a_file_without_suffix(tmp_path: Path, plugins: Path) -> None:
    """A file whose suffix no reader takes is read by the plugin that recognizes its first bytes."""
    (tmp_path / "brief").write_text(lbj(_TINY), "utf-8")
    (tmp_path / "notes.txt").write_text("hello\n", "utf-8")
    result = python(
        """
        import launchbrief
        print(launchbrief.load("brief").id)
        try:
            launchbrief.load("notes.txt")
        except launchbrief.UnknownFormatError as error:
            print(error)
        """,
        cwd=tmp_path,
        path=plugins,
    )
    assert 0 == result.returncode, result.stderr
    tiny, refused = result.stdout.splitlines()
    assert "tiny" == tiny
    assert refused.startswith("cannot read 'notes.txt': unknown file type '.txt' (expected ")
    # Every reader that could have taken the file, had it worked, is named with its reason.
    assert "reader 'broken' (fake_readers_broken:BrokenReader) could not be loaded" in refused
    assert "reader 'crashy' (fake_readers:Crashy) failed to sniff the file: KeyError" in refused


def test_broken_reader_fails_only_its_files(tmp_path: Path, plugins: Path) -> None:
    """A broken reader: exit 2 for the file it was needed for, named with the reason; others still read."""
    (tmp_path / "x.broken").write_text("whatever\n", "utf-8")
    lb.dump(lb.load("muse-spark"), tmp_path / "good.yaml")
    result = python(
        "import sys; from launchbrief.cli import main;"
        " sys.exit(main(['validate', 'x.broken', 'good.yaml', 'muse-spark']))",
        cwd=tmp_path,
        path=plugins,
    )
    assert 2 == result.returncode
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("x.broken: cannot read 'x.broken': unknown file type '.broken'")
    assert (
        "reader 'broken' (fake_readers_broken:BrokenReader) could not be loaded:"
        " RuntimeError: this reader is broken on purpose"
    ) in line
    assert [row.split(":")[0] for row in result.stdout.splitlines()] == ["good.yaml", "muse-spark"]


def test_broken_reader_asked_by_name_is_refused_as_unknown_format(
    tmp_path: Path, plugins: Path
) -> None:
    """load(format="broken") raises UnknownFormatError (bad input for that file) naming the plugin."""
    (tmp_path / "x.txt").write_text("x\n", "utf-8")
    result = python(
        """
        import launchbrief
        try:
            launchbrief.load("x.txt", format="broken")
        except launchbrief.UnknownFormatError as error:
            print(error)
        """,
        cwd=tmp_path,
        path=plugins,
    )
    assert (
        "cannot read 'x.txt': reader 'broken' (fake_readers_broken:BrokenReader) could not be"
        " loaded: RuntimeError: this reader is broken on purpose\n"
    ) == result.stdout


def test_load_many_reads_a_folder_with_plugin_files(tmp_path: Path, plugins: Path) -> None:
    """A folder's files of a plugin's suffix are loaded with the built-in ones, in name order."""
    folder = tmp_path / "launches"
    folder.mkdir()
    (folder / "b-tiny.lbj").write_text(lbj(_TINY), "utf-8")
    lb.dump(lb.load("muse-spark"), folder / "a-muse.yaml")
    (folder / "c-notes.txt").write_text("not a launch\n", "utf-8")
    result = python(
        """
        import launchbrief
        print([launch.id for launch in launchbrief.load_many("launches")])
        """,
        cwd=tmp_path,
        path=plugins,
    )
    assert ("['muse-spark', 'tiny']\n", "") == (result.stdout, result.stderr)


# --------------------------------------------------------------------------- the guide's reader

GUIDE = Path(__file__).parents[1] / "docs" / "plugins.md"


def _guide_reader(folder: Path) -> Path:
    """Install the gzip reader of docs/plugins.md into ``folder``, from the page's code blocks."""
    (entry_points_text,) = [t for t in blocks(GUIDE, "toml") if ENTRY_POINT_GROUP in t]
    (module_text,) = [t for t in blocks(GUIDE, "python") if "class GzipReader" in t]
    entry_points = tomllib.loads(entry_points_text)["project"]["entry-points"][ENTRY_POINT_GROUP]
    (target,) = entry_points.values()
    package = folder / target.partition(":")[0]
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(module_text, "utf-8")
    info = folder / "launchbrief_gzip-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: launchbrief-gzip\nVersion: 0.1.0\n", "utf-8"
    )
    lines = [f"{name} = {value}" for name, value in entry_points.items()]
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n" + "\n".join(lines) + "\n", "utf-8"
    )
    return folder


def test_plugin_guide_reader_is_listed_and_validates_what_it_shows(tmp_path: Path) -> None:
    """The guide's gzip reader is listed as shown, and `validate` prints what the guide shows."""
    site = _guide_reader(tmp_path / "site")
    (launches := tmp_path / "launches").mkdir()
    aster = (Path(__file__).parent / "data" / "aster-2.yaml").read_bytes()
    (launches / "aster-2.yaml.gz").write_bytes(gzip.compress(aster))
    (session,) = [b for b in blocks(GUIDE, "console") if "launchbrief-gzip" in b]
    shown = session.splitlines()
    listed = python(
        "import sys; from launchbrief.cli import main; sys.exit(main(['formats']))",
        cwd=tmp_path,
        path=site,
    )
    assert 0 == listed.returncode, listed.stdout + listed.stderr
    rows = sections(listed.stdout)["Readers"]
    assert shown[shown.index("$ launchbrief formats") + 2] == rows["gzip"]
    command = shown.index("$ launchbrief validate launches/aster-2.yaml.gz")
    done = python(
        "import sys; from launchbrief.cli import main;"
        " sys.exit(main(['validate', 'launches/aster-2.yaml.gz']))",
        cwd=tmp_path,
        path=site,
    )
    assert (0, "") == (done.returncode, done.stderr)
    assert shown[command + 1 :] == done.stdout.splitlines()


def test_plugin_guide_reader_refuses_bad_files_located_and_bounded(tmp_path: Path) -> None:
    """The guide's reader locates problems, refuses non-gzip and gzip bombs, sniffs and takes its option."""
    site = _guide_reader(tmp_path / "site")
    bad = b"schema_version: 2\nid: x\ntitle: X\ndeveloper: {name: X}\nmodels: [{id: y, name: Y}]\n"
    (tmp_path / "bad.yaml.gz").write_bytes(gzip.compress(bad))
    (tmp_path / "plain.gz").write_bytes(b"not compressed at all")
    # 65 MiB of zeros pack into about 65 KiB: past the limit once unpacked.
    (tmp_path / "bomb.gz").write_bytes(gzip.compress(bytes(65 * 2**20), compresslevel=9))
    (tmp_path / "download").write_bytes(gzip.compress(lb.dumps(lb.load("muse-spark")).encode()))
    (tmp_path / "record.gz").write_bytes(
        gzip.compress(lb.dumps(lb.load("muse-spark"), "json").encode())
    )
    result = python(
        """
        import time
        import launchbrief
        for name in ["bad.yaml.gz", "plain.gz", "bomb.gz"]:
            start = time.perf_counter()
            try:
                launchbrief.load(name)
            except launchbrief.InvalidLaunchError as error:
                print(*error.problems, sep="\\n")
            print(f"{time.perf_counter() - start:.1f}" if name == "bomb.gz" else "-")
        print(launchbrief.load("download").id)
        print(launchbrief.load("record.gz", inner="json").id)
        """,
        cwd=tmp_path,
        path=site,
    )
    assert "" == result.stderr
    lines = result.stdout.splitlines()
    assert [
        "bad.yaml.gz:5:9: models: no model is marked launched: give each model the launch"
        " releases `launched: true`",
        "-",
        "plain.gz: not a readable gzip file (Not a gzipped file (b'no'))",
        "-",
        "bomb.gz: unpacks to more than 64 MiB, the limit",
    ] == lines[:5]
    assert float(lines[5]) < 5
    assert ["muse-spark", "muse-spark"] == lines[6:]
