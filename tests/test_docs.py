"""The documentation and the examples say what the code does: their examples run and validate."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import launchbrief
from launchbrief._schema import json_schema
from launchbrief.exceptions import LaunchbriefError

ROOT = Path(__file__).parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
HOOKS = DOCS / "hooks"
EXAMPLES = ROOT / "examples"
# CI keeps the shared project data beside the clone (../shared); so does a developer checkout.
ZEPHYR_CARD = Path(__file__).parents[2] / "shared/data/model-index-zephyr-7b-beta.yaml"

_FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_REQUIRED = {"id", "title", "developer"}


def blocks(path: Path, language: str) -> list[str]:
    """The fenced code blocks of ``language`` in a Markdown file, in order."""
    return [body for lang, body in _FENCE.findall(path.read_text("utf-8")) if lang == language]


def is_full_launch(text: str) -> bool:
    """Whether a YAML block is a whole launch record rather than a fragment of one."""
    data = yaml.safe_load(text)
    return (
        isinstance(data, dict)
        and data.keys() >= _REQUIRED
        and bool({"models", "model"} & data.keys())
    )


def exporter_available(name: str) -> bool:
    """Whether the exporter ``name`` is registered and imports cleanly."""
    for entry in launchbrief.list_exporters():
        if entry.name == name:
            with contextlib.suppress(LaunchbriefError):
                entry.load()
                return True
    return False


# --------------------------------------------------------------------------- README


def test_readme_has_the_two_setup_commands() -> None:
    """README holds the exact set-up commands that CI extracts with grep, each under its comment."""
    lines = README.read_text("utf-8").splitlines()
    main = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/launchbrief export -o out"
    tests = "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/pytest"
    assert lines[lines.index(main) - 1].startswith("# Export the built-in launch")
    assert lines[lines.index(tests) - 1] == "# Run the tests"


def test_readme_yaml_example_validates() -> None:
    """The launch file shown in README loads without a problem and has the results it shows."""
    (example,) = blocks(README, "yaml")
    launch = launchbrief.loads(example, name="README.md")
    board = launchbrief.leaderboard(launch, "charxiv-reasoning")
    assert [(s.model.id, s.score) for s in board.standings] == [
        ("muse-spark", 86.4),
        ("gpt-5-4", 82.8),
    ]
    assert [v.sentence for v in launchbrief.scorecard(launch).trails] == [
        "trails GPT 5.4 on ARC AGI 2"
    ]


# The file behind README's sample of `launchbrief validate`: a misspelt key, an unknown
# model id and a score written as text.
_README_BAD_LAUNCH = """\
id: muse-spark
title: Meta launches Muse Spark
developer: {name: Meta}
schema_version: 2
models:
  - {id: muse-spark, name: Muse Spark, launched: true}
  - {id: gpt-5-4, name: GPT 5.4}
benchmarks:
  - {id: charxiv-reasoning, name: CharXiv Reasoning, category: multimodal, scale: percent}
results:
  - {benchmark: charxiv-reasoning, model: muse-spark, scroe: 86.4}
  - {benchmark: charxiv-reasoning, model: gpt5, score: 82.8}
  - {benchmark: charxiv-reasoning, model: gpt-5-4, score: n/a}
"""


def test_readme_validate_sample_is_what_validate_prints(tmp_path: Path) -> None:
    """README's sample of `launchbrief validate` output is what the command prints, exit code 2."""
    (sample,) = [b for b in blocks(README, "console") if "launchbrief validate" in b]
    command, *shown = sample.splitlines()
    (tmp_path / "my-launch.yaml").write_text(_README_BAD_LAUNCH, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "launchbrief", *command.split()[2:]],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stdout, done.stderr.splitlines()) == (2, "", shown)


def _readme_python() -> str:
    (code,) = blocks(README, "python")
    return code


def _run(code: str, folder: Path) -> str:
    """Run ``code`` in ``folder`` and return what it printed."""
    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    finally:
        os.chdir(cwd)
    return out.getvalue()


def test_readme_python_example_prints_what_readme_shows(tmp_path: Path) -> None:
    """README's Python example, without its two export lines, prints README's shown output."""
    code = _readme_python()
    analysis = "\n".join(line for line in code.splitlines() if "export(" not in line)
    assert len(code.splitlines()) == 10
    assert len(analysis.splitlines()) == 8
    shown = [b for b in blocks(README, "text") if b.startswith("1. Muse Spark")]
    assert [_run(analysis, tmp_path)] == shown


@pytest.mark.skipif(
    not (exporter_available("xlsx") and exporter_available("pptx")),
    reason="the xlsx or pptx exporter is not available",
)
def test_readme_python_example_writes_workbook_and_deck(tmp_path: Path) -> None:
    """README's whole Python example writes a workbook and a deck that open as Office files."""
    _run(_readme_python(), tmp_path)
    for name, part in (
        ("muse-spark.xlsx", "xl/workbook.xml"),
        ("muse-spark.pptx", "ppt/presentation.xml"),
    ):
        with zipfile.ZipFile(tmp_path / name) as archive:
            assert part in archive.namelist()


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file."""
    prose = _FENCE.sub("", path.read_text("utf-8"))
    headings = re.findall(r"^#+ (.+)$", prose, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_doc_links_resolve() -> None:
    """Every relative link in README, docs and examples points at a file and heading that exist."""
    pages = [README, *DOCS.rglob("*.md"), EXAMPLES / "README.md"]
    for page in pages:
        prose = _FENCE.sub("", page.read_text("utf-8"))
        for target, anchor in re.findall(r"\]\(([^)#:]*)(?:#([^)]*))?\)", prose):
            linked = page.parent / target if target else page
            assert linked.exists(), f"{page.name}: broken link {target}"
            if anchor and linked.suffix == ".md":
                assert anchor in anchors(linked), f"{page.name}: no heading #{anchor} in {target}"


# --------------------------------------------------------------------------- input format


def test_docs_full_launches_validate() -> None:
    """Every YAML block of the docs that is a whole launch loads without a problem."""
    counts = {}
    for path in DOCS.glob("*.md"):
        full = [text for text in blocks(path, "yaml") if is_full_launch(text)]
        for text in full:
            launchbrief.loads(text, name=path.name)
        counts[path.name] = len(full)
    assert counts["input-format.md"] >= 3
    assert counts["getting-started.md"] == 1


def test_input_format_fragments_are_yaml() -> None:
    """The YAML fragments of the reference parse, and name only fields the format has."""
    path = DOCS / "input-format.md"
    fields = {field.name for field in attrs.fields(launchbrief.Launch)}
    fragments = [yaml.safe_load(t) for t in blocks(path, "yaml") if not is_full_launch(t)]
    assert fragments
    for fragment in fragments:
        assert isinstance(fragment, dict)
        assert fragment.keys() <= fields


def test_input_format_json_and_toml_equal_a_yaml_example() -> None:
    """The JSON and TOML examples load to the same record as a YAML example beside them."""
    path = DOCS / "input-format.md"
    yaml_launches = [
        launchbrief.loads(t, "yaml") for t in blocks(path, "yaml") if is_full_launch(t)
    ]
    others = [("json", t) for t in blocks(path, "json")] + [
        ("toml", t) for t in blocks(path, "toml")
    ]
    assert {"json", "toml"} == {fmt for fmt, _text in others}
    for fmt, text in others:
        assert launchbrief.loads(text, fmt) in yaml_launches


def _reference_pages() -> Any:
    """docs/hooks/reference_pages.py, which writes the generated parts of the docs."""
    pytest.importorskip("markdown", reason="the docs extra (mkdocs) is not installed")
    spec = importlib.util.spec_from_file_location("reference_pages", HOOKS / "reference_pages.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("reference_pages", module)
    spec.loader.exec_module(module)
    return module


def _rendered(path: Path) -> str:
    """A docs page as the site shows it: its markers replaced by the generated Markdown."""
    return str(_reference_pages().render(path.read_text("utf-8")))


_SECTIONS = {
    "The launch (top level)": launchbrief.Launch,
    "developer": launchbrief.Developer,
    "dates": launchbrief.DatedEvent,
    "license": launchbrief.License,
    "models": launchbrief.Model,
    "specs": launchbrief.Specs,
    "modes": launchbrief.Mode,
    "surfaces": launchbrief.Surface,
    "cohorts": launchbrief.Cohort,
    "settings": launchbrief.Settings,
    "benchmarks": launchbrief.Benchmark,
    "results": launchbrief.Result,
    "comparisons": launchbrief.Comparison,
    "safety": launchbrief.SafetyFinding,
    "use_cases": launchbrief.UseCase,
    "insights": launchbrief.Insight,
    "sources": launchbrief.Source,
}


def field_tables(text: str) -> dict[str, dict[str, str]]:
    """For each section, its table rows as field name -> the table's third column (the default)."""
    tables: dict[str, dict[str, str]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        row = re.match(r"\| `(\$?\w+)` \| .+? \| ([^|]+) \| .* \|$", line)
        if row:
            tables.setdefault(heading, {})[row.group(1)] = row.group(2).strip()
    return tables


def test_input_format_has_a_field_table_for_every_record_of_the_schema() -> None:
    """Every record of the JSON Schema has a section with its generated table, and no more."""
    pages = _reference_pages()
    source = (DOCS / "input-format.md").read_text("utf-8")
    records = list(pages.definitions(json_schema()))
    assert [] == pages.missing_records(source)
    assert records == list(pages.field_anchors(source))
    assert len(_SECTIONS) == len(records)
    assert "<!-- launchbrief:" not in _rendered(DOCS / "input-format.md")


def test_input_format_tables_match_the_model() -> None:
    """Each generated table lists the model's fields in order (with the schema's other keys,
    such as ``$schema``), and marks required exactly the fields the schema requires, every
    field the model cannot do without among them."""
    tables = field_tables(_rendered(DOCS / "input-format.md"))
    schema = json_schema()
    records = _reference_pages().definitions(schema)
    for heading, record in _SECTIONS.items():
        documented = tables[heading]
        # Free keys are written beside the named ones, so ``other`` has no row of its own.
        fields = [f.name for f in attrs.fields(record) if f.name != "other"]
        assert (heading, fields) == (heading, [name for name in documented if name in fields])
        node = records["Launch" if record is launchbrief.Launch else record.__name__]
        assert list(node["properties"]) == list(documented), heading
        required = set(node.get("required", ()))
        for name, written in documented.items():
            assert (heading, name, name in required) == (heading, name, written == "required")
        for field in attrs.fields(record):
            if field.default is attrs.NOTHING:
                assert (heading, field.name, "required") == (
                    heading,
                    field.name,
                    documented[field.name],
                )


def test_input_format_defaults_match_the_model() -> None:
    """Every default the reference gives is the model's default."""
    tables = field_tables(_rendered(DOCS / "input-format.md"))
    for heading, record in _SECTIONS.items():
        for field in attrs.fields(record):
            written = tables[heading].get(field.name)
            if field.default is attrs.NOTHING or field.name == "other" or written == "required":
                continue
            default = field.default
            if default is None:
                expected = "none"
            elif default == ():
                expected = "empty"
            elif isinstance(default, bool):
                expected = f"`{str(default).lower()}`"
            else:
                expected = f"`{getattr(default, 'value', default)}`"
            assert (heading, field.name, written) == (heading, field.name, expected)


def test_input_format_lists_every_enum_value() -> None:
    """The enumerations table gives every value of every enumeration, in order."""
    text = _rendered(DOCS / "input-format.md")
    section = text[text.index("## Enumerations") : text.index("## Cross-references")]
    enums = [
        launchbrief.SurfaceKind,
        launchbrief.RolloutStatus,
        launchbrief.Scale,
        launchbrief.Direction,
        launchbrief.Relation,
        launchbrief.Evaluation,
        launchbrief.SourceKind,
        launchbrief.InsightKind,
    ]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    documented = [re.findall(r"`(\w+)`", row.split("|")[2]) for row in rows]
    for enum_type in enums:
        values = [member.value for member in enum_type]
        assert values in documented, enum_type.__name__


def test_input_format_types_and_patterns_are_in_words() -> None:
    """The tables name types in words and link ids and dates to the patterns they follow."""
    text = _rendered(DOCS / "input-format.md")
    tables = text[text.index("## Sections and fields") : text.index("## Enumerations")]
    assert "| `id` | [launch id](#patterns) (at most 100 characters) | required |" in tables
    assert "| `as_of` | date | none |" in tables
    assert "| `order` | whole number (1 or more) | required |" in tables
    assert "| `top_p` | number (above 0, at most 1) | none |" in tables
    assert "| `cohorts` | list of [cohorts](#cohorts) | empty |" in tables
    patterns = [line for line in tables.splitlines() if line.startswith("| ") and "`^" in line]
    assert {"launch id", "id", "date"} <= {line.split(" | ")[0][2:] for line in patterns}
    # A regular expression appears once, in the patterns table, not in every row.
    assert tables.count("[a-z0-9._-]{0,98}") == 2


def test_python_api_record_example_raises_the_problems_it_shows() -> None:
    """The record example of python-api.md builds a launch and then fails as its comment says."""
    (code,) = [b for b in blocks(DOCS / "python-api.md", "python") if "attrs.evolve" in b]
    shown = [line.removeprefix("#   ") for line in code.splitlines() if line.startswith("#   ")]
    with pytest.raises(launchbrief.InvalidLaunchError) as caught:
        exec(compile(code, "python-api.md", "exec"), {})
    assert [str(problem) for problem in caught.value.problems] == shown


def test_getting_started_python_example_prints_what_it_shows(tmp_path: Path) -> None:
    """Getting started's launch file, loaded by its Python example, prints the output shown."""
    guide = DOCS / "getting-started.md"
    (launch_file,) = blocks(guide, "yaml")
    (tmp_path / "zephyr.yaml").write_text(launch_file, "utf-8")
    (code,) = blocks(guide, "python")
    shown = [b for b in blocks(guide, "text") if b.startswith("MT-Bench")]
    assert [_run(code, tmp_path)] == shown


# --------------------------------------------------------------------------- examples


def test_zephyr_example_validates() -> None:
    """The zephyr-7b-beta example is schema 2, with one launched model, four sources, no dates."""
    text = (EXAMPLES / "zephyr-7b-beta.yaml").read_text("utf-8")
    assert "schema_version: 2" in text
    launch = launchbrief.load(EXAMPLES / "zephyr-7b-beta.yaml")
    assert ("zephyr-7b-beta",) == tuple(model.id for model in launch.launched)
    assert launch.announced is None
    assert launch.license is not None
    assert ("MIT", None) == (launch.license.name, launch.license.open_weights)
    assert {s.id: s.kind.value for s in launch.sources} == {
        "model-card": "vendor",
        "open-llm-leaderboard": "independent",
        "alpacaeval": "independent",
        "mt-bench": "independent",
    }


def _card_results() -> list[dict[str, Any]]:
    if not ZEPHYR_CARD.exists():
        pytest.skip(f"the model card data is not at {ZEPHYR_CARD}")
    card = yaml.safe_load(ZEPHYR_CARD.read_text("utf-8"))
    (entry,) = card["model-index"]
    results: list[dict[str, Any]] = entry["results"]
    return results


def test_zephyr_scores_equal_the_model_card() -> None:
    """Every score of the example equals the model card's value, with its shots and a fitting scale."""
    launch = launchbrief.load(EXAMPLES / "zephyr-7b-beta.yaml")
    card = _card_results()
    assert len(card) == len(launch.results) == len(launch.benchmarks)
    for entry in card:
        dataset = entry["dataset"]["name"]
        (value,) = (metric["value"] for metric in entry["metrics"])
        (benchmark,) = (b for b in launch.benchmarks if dataset.lower().startswith(b.name.lower()))
        (result,) = (r for r in launch.results if r.benchmark == benchmark.id)
        assert (dataset, value) == (dataset, result.score)
        shots = entry["dataset"].get("args", {}).get("num_few_shot")
        assert benchmark.settings is not None
        assert shots == benchmark.settings.shots
        settings = dict(benchmark.settings.other)
        (metric,) = (metric["type"] for metric in entry["metrics"])
        if shots is not None:
            assert (metric, entry["dataset"].get("split")) == (
                settings["metric"],
                settings["split"],
            )
            assert entry["dataset"].get("config") == settings.get("config")
        expected_scale = {"AlpacaEval": "fraction", "MT-Bench": "points"}.get(dataset, "percent")
        assert (dataset, expected_scale) == (dataset, benchmark.scale.value)


def test_zephyr_scores_keep_every_digit_of_the_card() -> None:
    """The example writes each score with exactly the digits the model card writes."""
    if not ZEPHYR_CARD.exists():
        pytest.skip(f"the model card data is not at {ZEPHYR_CARD}")
    number = re.compile(r"value: ([0-9.]+)$", re.MULTILINE)
    card = number.findall(ZEPHYR_CARD.read_text("utf-8"))
    example = re.findall(r"score: ([0-9.]+)", (EXAMPLES / "zephyr-7b-beta.yaml").read_text("utf-8"))
    assert sorted(card) == sorted(example)
    # And the loaded record keeps them so: 0.9060 is not 0.906.
    launch = launchbrief.load(EXAMPLES / "zephyr-7b-beta.yaml")
    assert sorted(card) == sorted(launchbrief.format_score(r.score) for r in launch.results)


def test_zephyr_vendor_only_numbers_are_the_card_s_own() -> None:
    """Only the results the card took from itself (AlpacaEval, MT-Bench) count as vendor-only."""
    launch = launchbrief.load(EXAMPLES / "zephyr-7b-beta.yaml")
    vendor = {r.benchmark for r in launch.results if launchbrief.vendor_only(launch, r)}
    assert vendor == {"alpacaeval", "mt-bench"}


def _example(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / "leaderboards.py"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_leaderboards_script_prints_charxiv_leaderboard() -> None:
    """examples/leaderboards.py prints the CharXiv Reasoning leaderboard in rank order."""
    done = _example()
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    start = lines.index("CharXiv Reasoning [multimodal; percent; higher is better]")
    ranked = [line.split() for line in lines[start + 1 : start + 6]]
    assert [row[-1] if row[0] == "*" else row[-2] for row in ranked] == [
        "86.4",
        "82.8",
        "80.2",
        "65.3",
        "60.9",
    ]
    assert "Muse Spark" in lines[start + 1]
    assert lines[start + 1].lstrip().startswith("* 1.")
    assert "Grok 4.2" in lines[start + 5]
    assert "  trails: trails GPT 5.4 on LiveCodeBench Pro [qualitative]" in lines
    # A number without a rival's number is not ranked, and not a lead.
    mmmu = lines.index("MMMU Pro [multimodal; percent; higher is better]")
    assert lines[mmmu + 1].split() == ["*", "–.", "Muse", "Spark", "80.4"]
    assert "   other: 80.4 on MMMU Pro (no rival numbers given) [numeric]" in lines


def test_leaderboards_script_shows_a_family_by_cohort() -> None:
    """For a family launched with base and instruct cohorts, each board is one cohort's."""
    done = _example(str(Path(__file__).parent / "data" / "aster-2.yaml"))
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert "Launched: Aster 2 Small, Aster 2 Large (Northwind Labs)" in lines
    base = lines.index("MMLU (Pretrained models) [knowledge; percent; higher is better]")
    assert [line.split()[-1] for line in lines[base + 2 : base + 5]] == ["85.20", "-5.70", "-19.20"]
    assert lines[base + 1] == "  settings: 5-shot"
    assert (
        "   leads: Aster 2 Large leads Rival A on MMLU (Pretrained models) (#1 of 3, 85.20) [numeric]"
        in lines
    )


def test_leaderboards_script_reads_a_file_and_reports_problems(tmp_path: Path) -> None:
    """The script loads a launch file given on the command line, and exits 2 on a bad one."""
    done = _example(str(EXAMPLES / "zephyr-7b-beta.yaml"))
    assert done.returncode == 0
    # The card gives no rival's number: zephyr's scores are shown, never ranked.
    assert "  * –. zephyr-7b-beta                 62.03071672354948" in done.stdout
    assert "  settings: 25-shot, config ARC-Challenge, split test, metric acc_norm" in done.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 2\nid: x\ntitle: X\ndeveloper: {name: X}\nmodels: [{id: y, name: Y}]\n",
        "utf-8",
    )
    done = _example(str(bad))
    assert done.returncode == 2
    assert f"{bad}:5:9: models: no model is marked launched" in done.stderr


# --------------------------------------------------------------------------- plugin guide


def _plugin_files(folder: Path) -> Path:
    """Write the plugin of docs/plugins.md into ``folder`` as an installed distribution."""
    guide = DOCS / "plugins.md"
    (pyproject_text,) = [t for t in blocks(guide, "toml") if "[project]" in t]
    (module_text,) = [t for t in blocks(guide, "python") if "class LeaderboardsExporter" in t]
    pyproject = tomllib.loads(pyproject_text)
    entry_points = pyproject["project"]["entry-points"]["launchbrief.exporters"]
    (target,) = entry_points.values()
    package = folder / target.partition(":")[0]
    package.mkdir()
    (package / "__init__.py").write_text(module_text, "utf-8")
    # A dist-info folder on sys.path is all importlib.metadata needs to find entry points.
    name, version = pyproject["project"]["name"], pyproject["project"]["version"]
    dist_info = folder / f"{name.replace('-', '_')}-{version}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", "utf-8"
    )
    lines = [f"{key} = {value}" for key, value in entry_points.items()]
    (dist_info / "entry_points.txt").write_text(
        "[launchbrief.exporters]\n" + "\n".join(lines) + "\n", "utf-8"
    )
    return folder


def _with_plugin(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=folder,
    )


def test_plugin_guide_example_is_found_and_exports(tmp_path: Path) -> None:
    """The guide's leaderboards plugin is listed, exports through the CLI and honours its option."""
    folder = _plugin_files(tmp_path)
    listed = _with_plugin(folder, "-m", "launchbrief", "formats")
    assert "leaderboards .md     A short Markdown brief" in listed.stdout
    done = _with_plugin(folder, "-m", "launchbrief", "export", "-f", "leaderboards", "-o", "out")
    assert (done.returncode, done.stdout) == (0, f"{Path('out') / 'muse-spark.md'}\n")
    text = (folder / "out" / "muse-spark.md").read_text("utf-8")
    assert text.startswith("# Meta launches Muse Spark")
    assert "| 1 | **Muse Spark** | 86.4 | 0.0 |" in text
    script = (
        "import launchbrief\n"
        "launch = launchbrief.load('muse-spark')\n"
        "launchbrief.export(launch, 'brief.md', format='leaderboards', heading_level=2)\n"
        "try:\n"
        "    launchbrief.export(launch, 'bad.md', format='leaderboards', heading_level=9)\n"
        "except launchbrief.ExportError as error:\n"
        "    print('ExportError:', error)\n"
    )
    done = _with_plugin(folder, "-c", script)
    assert done.stdout == "ExportError: heading_level must be 1 to 5, got 9\n"
    assert (folder / "brief.md").read_text("utf-8").startswith("## Meta launches Muse Spark")
    assert not (folder / "bad.md").exists()


# --------------------------------------------------------------------------- tutorial and cookbook

# A fenced block with its info string: ```yaml title="my-launch.yaml"
_BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_EXIT = re.compile(r"#\s*exit status (\d+)")


def _title(info: str) -> str | None:
    found = re.search(r'title="([^"]+)"', info)
    return found.group(1) if found else None


def _run_command(line: str, folder: Path) -> tuple[int, list[str]]:
    """Run a ``launchbrief`` command of a console block in ``folder``: exit status, output lines.

    Files of the repository the command names (a model card of tests/data) are copied in
    first, so the command reads as it does in a checkout.
    """
    words = shlex.split(line, comments=True)
    assert words[0] == "launchbrief", line
    for word in words[1:]:
        if not word.startswith("-") and (ROOT / word).is_file() and not (folder / word).exists():
            (folder / word).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / word, folder / word)
    done = subprocess.run(
        [sys.executable, "-m", "launchbrief", *words[1:]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=folder,
        env={**os.environ, "COLUMNS": "100"},
    )
    return done.returncode, done.stdout.splitlines() + done.stderr.splitlines()


def _run_console(block: str, folder: Path) -> None:
    """Run each ``$ launchbrief ...`` line and compare with the output shown under it.

    Output ending in ``...`` is compared up to there; a command with no output shown is only
    checked for its exit status: 0, or the ``# exit status N`` its line gives.
    """
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line)
    for command, shown in commands:
        status, printed = _run_command(command, folder)
        expected = _EXIT.search(command)
        assert (command, int(expected.group(1)) if expected else 0) == (command, status), printed
        if shown and shown[-1] == "...":
            printed = printed[: len(shown) - 1]
            shown = shown[:-1]
        if shown:
            assert (command, shown) == (command, printed)


def run_page(page: Path, folder: Path) -> list[str]:
    """Run a how-to page from top to bottom in ``folder``, as a reader would.

    Files shown with a title (```yaml title="my-launch.yaml"```) are written; console blocks
    run; Python blocks run and print what the next ```text title="Output"``` block shows.
    ``sh`` blocks (installing, opening a file) are not run. Returns the kinds of blocks run.
    """
    ran = []
    found = _BLOCK.findall(page.read_text("utf-8"))
    for index, (language, info, body) in enumerate(found):
        if language in {"yaml", "json", "toml"} and _title(info):
            (folder / str(_title(info))).write_text(body, "utf-8")
        elif language == "console":
            _run_console(body, folder)
        elif language == "python":
            printed = _run(body, folder)
            following = found[index + 1] if index + 1 < len(found) else ("", "", "")
            if following[0] == "text" and _title(following[1]) == "Output":
                assert following[2] == printed
        else:
            continue
        ran.append(language)
    return ran


@pytest.mark.skipif(
    not (exporter_available("xlsx") and exporter_available("pptx")),
    reason="the xlsx or pptx exporter is not available",
)
@pytest.mark.parametrize(
    ("page", "kinds"),
    [("tutorial.md", {"yaml", "console", "python"}), ("cookbook.md", {"console", "python"})],
)
def test_how_to_page_runs_as_shown(page: str, kinds: set[str], tmp_path: Path) -> None:
    """Every command, file and Python block of the tutorial and the cookbook runs, in order,
    in an empty folder, and prints what the page shows."""
    ran = run_page(DOCS / page, tmp_path)
    assert kinds == set(ran)
    assert len(ran) >= 6


def test_tutorial_writes_the_deck_and_the_workbook(tmp_path: Path) -> None:
    """The tutorial's own launch file validates and its export names the files it shows."""
    (launch_file,) = [
        body
        for lang, info, body in _BLOCK.findall((DOCS / "tutorial.md").read_text("utf-8"))
        if lang == "yaml"
    ]
    launch = launchbrief.loads(launch_file, name="my-launch.yaml")
    assert ("phi-4", ["phi-4"]) == (launch.id, [m.id for m in launch.launched])
    shown = (DOCS / "tutorial.md").read_text("utf-8")
    assert "out/phi-4.pptx\nout/phi-4.xlsx\n" in shown


# --------------------------------------------------------------------------- the site


def _parser_commands() -> list[str]:
    from launchbrief.cli import _parser

    parser = _parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(commands.choices)


def test_site_builds_strict_with_every_api_name_and_command(tmp_path: Path) -> None:
    """``mkdocs build --strict`` succeeds offline; the API page documents every name of
    ``launchbrief.__all__``, the plugin page the plugin modules' ``__all__``, the CLI page
    every command, and the input format page a table for every record."""
    pytest.importorskip("mkdocs", reason="the docs extra (mkdocs) is not installed")
    pytest.importorskip("mkdocstrings", reason="the docs extra (mkdocstrings) is not installed")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert (done.returncode, done.stderr) == (0, "")

    def ids(page: str) -> set[str]:
        return set(re.findall(r'id="([^"]+)"', (site / page / "index.html").read_text("utf-8")))

    api = ids("reference/api")
    assert [] == [name for name in launchbrief.__all__ if f"launchbrief.{name}" not in api]
    plugin_api = ids("reference/plugin-api")
    for module in map(importlib.import_module, ["launchbrief.exporters", "launchbrief.readers"]):
        names = [f"{module.__name__}.{name}" for name in module.__all__]
        assert [] == [name for name in names if name not in plugin_api]
    cli = ids("reference/cli")
    assert [] == [name for name in _parser_commands() if f"launchbrief-{name}" not in cli]
    formats = (site / "input-format" / "index.html").read_text("utf-8")
    assert formats.count("<th>field</th>") == len(_SECTIONS)
    assert "launchbrief:" not in formats
    changelog = (site / "changelog" / "index.html").read_text("utf-8")
    assert "Keep a Changelog" in changelog
