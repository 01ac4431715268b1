"""Importing Hugging Face model cards: model-index, .eval_results, scale rules, `launchbrief import`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
import pptx
import pytest
import yaml

import launchbrief
from launchbrief.exceptions import InvalidLaunchError
from launchbrief.huggingface import (
    UNKNOWN_DEVELOPER,
    HuggingFaceReader,
    card_to_yaml,
    decide_scale,
    import_card,
    parse_scale,
    read_card,
    write_card_yaml,
)
from launchbrief.model import Direction, Scale, SourceKind, written

CARDS = Path(__file__).parent / "data" / "cards"
ZEPHYR = CARDS / "zephyr-7b-beta.yaml"
# The project's shared copy of the card; the test copy above must not drift from it.
SHARED_ZEPHYR = Path(__file__).parents[2] / "shared/data/model-index-zephyr-7b-beta.yaml"


def problems_of(path: Path | list[Path], **options: object) -> list[str]:
    """The problems ``read_card`` reports for ``path``, as printed lines."""
    with pytest.raises(InvalidLaunchError) as caught:
        read_card(path, **options)  # type: ignore[arg-type]
    return [str(problem) for problem in caught.value.problems]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m launchbrief ARGS`` in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "launchbrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )


# --------------------------------------------------------------------------- scale rules


def decided(dataset: str, metric: str, *values: float) -> tuple[object, ...]:
    """(scale, direction, min, max) that the rules give, or the reason none fits."""
    decision = decide_scale(benchmark="b", dataset=dataset, metric=metric, values=values)
    if isinstance(decision, str):
        return (decision,)
    low = None if decision.min is None else float(decision.min)
    high = None if decision.max is None else float(decision.max)
    return (decision.scale, decision.direction, low, high)


FRACTION = (Scale.FRACTION, Direction.HIGHER, None, None)
PERCENT = (Scale.PERCENT, Direction.HIGHER, None, None)
LOWER = (Scale.POINTS, Direction.LOWER, None, None)


@pytest.mark.parametrize(
    ("dataset", "metric", "values", "expected"),
    [
        ("GLUE", "accuracy", (0.734,), FRACTION),
        ("MMLU", "acc", (61.07,), PERCENT),
        ("ARC", "acc_norm normalized accuracy", (62.03,), PERCENT),
        ("SQuAD", "f1", (0.82, 0.9), FRACTION),
        ("SQuAD", "exact_match Exact Match", (79.93,), PERCENT),
        ("HumanEval", "pass@1", (0.62,), FRACTION),
        ("HumanEval", "pass@10", (84.1,), PERCENT),
        ("TruthfulQA", "mc2", (57.4,), PERCENT),
        ("AlpacaEval", "unknown win rate", (0.9060,), FRACTION),
        ("Tiny QA", "accuracy", (1,), FRACTION),  # 1 is in (0, 1]: a fraction
        ("Mixed", "accuracy", (0.5, 45.0), PERCENT),  # the values decide together
        ("CNN / Daily Mail", "rouge1", (41.2,), PERCENT),
        ("CNN / Daily Mail", "rougeL", (0.285,), FRACTION),
        ("WMT16", "bleu", (27.3,), PERCENT),
        ("WMT16", "sacrebleu", (0.273,), FRACTION),
        ("SWE-bench swe_bench_%_resolved", "", (77.8,), PERCENT),
        ("MT-Bench unknown", "unknown score", (7.34,), (Scale.POINTS, Direction.HIGHER, 0, 10)),
        ("mt_bench", "score", (6.85,), (Scale.POINTS, Direction.HIGHER, 0, 10)),
        ("House Eval", "elo", (1105,), (Scale.ELO, Direction.HIGHER, None, None)),
        ("Chatbot Arena", "rating", (1105,), (Scale.ELO, Direction.HIGHER, None, None)),
        ("WikiText-2", "perplexity", (9.41,), LOWER),
        ("Pile", "bits per byte", (0.62,), LOWER),
        ("Pile", "loss", (1.9,), LOWER),
        ("LibriSpeech", "wer", (3.1,), LOWER),
        ("Common Voice", "cer", (1.2,), LOWER),
    ],
)
def test_each_documented_rule_decides_its_scale(
    dataset: str, metric: str, values: tuple[float, ...], expected: tuple[object, ...]
) -> None:
    """Each rule of docs/import.md gives the scale, direction and bounds it documents."""
    assert expected == decided(dataset, metric, *values)


@pytest.mark.parametrize(
    ("dataset", "metric", "values", "reason"),
    [
        ("House Eval", "score", (3.2,), "no rule of docs/import.md knows this metric"),
        ("Arena-Hard", "score", (50.0,), "no rule of docs/import.md knows this metric"),
        (
            "gpqa gpqa_diamond",
            "",
            (63.3,),
            "the entry names no metric, and no rule of docs/import.md knows the dataset",
        ),
        ("Tiny QA", "accuracy", (0,), "its only value is 0, a fraction or a percent alike"),
        (
            "Odd",
            "accuracy",
            (150.0,),
            "its values (150.0) are outside 0 to 100, so neither a fraction nor a percent",
        ),
        (
            "Odd",
            "f1",
            (-1.0, 2.0),
            "its values (-1.0, 2.0) are outside 0 to 100, so neither a fraction nor a percent",
        ),
    ],
)
def test_a_scale_no_rule_decides_is_a_reason_not_a_guess(
    dataset: str, metric: str, values: tuple[float, ...], reason: str
) -> None:
    """Where no rule fits, decide_scale says why in words instead of choosing."""
    assert (reason,) == decided(dataset, metric, *values)


def test_a_given_scale_wins_and_keeps_the_rules_direction_and_bounds() -> None:
    """A scale from --scale is used; perplexity stays lower-is-better, MT-Bench keeps 0 to 10."""
    given = decide_scale(
        benchmark="b", dataset="x", metric="perplexity", values=(3.0,), given=Scale.POINTS
    )
    assert not isinstance(given, str)
    assert (Scale.POINTS, Direction.LOWER) == (given.scale, given.direction)
    mt = decide_scale(
        benchmark="b", dataset="MT-Bench", metric="score", values=(7.0,), given=Scale.POINTS
    )
    assert not isinstance(mt, str)
    assert (0.0, 10.0) == (mt.min, mt.max)


def test_parse_scale_reads_metric_equals_scale_and_refuses_the_rest() -> None:
    """`--scale NAME=SCALE` splits at the last '='; bad forms and scale names are refused."""
    assert ("AlpacaEval/win rate", Scale.FRACTION) == parse_scale("AlpacaEval/win rate=Fraction")
    with pytest.raises(ValueError, match="write it as METRIC=SCALE"):
        parse_scale("mt_bench")
    with pytest.raises(ValueError, match="unknown scale 'percnt'"):
        parse_scale("gpqa=percnt")


# --------------------------------------------------------------------------- zephyr-7b-beta


def test_the_test_copy_of_zephyr_is_the_shared_card() -> None:
    """tests/data/cards/zephyr-7b-beta.yaml is byte for byte the project's shared copy."""
    if not SHARED_ZEPHYR.exists():
        pytest.skip(f"the shared card is not at {SHARED_ZEPHYR}")
    assert SHARED_ZEPHYR.read_bytes() == ZEPHYR.read_bytes()


def test_zephyr_gives_all_nine_results_with_the_card_s_digits() -> None:
    """Every metric value of the card is a result, written exactly as the card writes it."""
    launch = read_card(ZEPHYR)
    card = yaml.safe_load(ZEPHYR.read_text("utf-8"))["model-index"][0]["results"]
    texts = [
        line.split("value:")[1].strip()
        for line in ZEPHYR.read_text("utf-8").splitlines()
        if line.strip().startswith("value:")
    ]
    assert len(card) == len(texts) == len(launch.results) == 9
    assert texts == [written(result.score) for result in launch.results if result.score]
    assert {"zephyr-7b-beta"} == {result.model for result in launch.results}


def test_zephyr_scales_follow_the_rules() -> None:
    """MT-Bench is 0-10 points, AlpacaEval's 0.9060 win rate a fraction, the rest percents."""
    launch = read_card(ZEPHYR)
    scales = {b.name: (b.scale, b.min, b.max) for b in launch.benchmarks}
    assert (Scale.POINTS, 0, 10) == scales.pop("MT-Bench")
    assert (Scale.FRACTION, None, None) == scales.pop("AlpacaEval")
    assert {(Scale.PERCENT, None, None)} == set(scales.values())
    assert 7 == len(scales)


def test_zephyr_keeps_few_shot_counts_and_dataset_settings() -> None:
    """num_few_shot becomes `shots`; config, split and metric type are kept as settings."""
    launch = read_card(ZEPHYR)
    arc = launch.benchmark("ai2-reasoning-challenge-arc-challenge")
    assert "AI2 Reasoning Challenge" == arc.name
    assert arc.settings is not None
    assert 25 == arc.settings.shots
    assert (("config", "ARC-Challenge"), ("split", "test"), ("metric", "acc_norm")) == (
        arc.settings.other
    )
    shots = {b.id: b.settings.shots for b in launch.benchmarks if b.settings}
    assert {
        "ai2-reasoning-challenge-arc-challenge": 25,
        "hellaswag": 10,
        "drop": 3,
        "truthfulqa-multiple-choice": 0,
        "gsm8k-main": 5,
        "mmlu-all": 5,
        "winogrande-xl": 5,
        "alpacaeval": None,
        "mt-bench": None,
    } == shots


def test_zephyr_provenance_is_the_card_and_the_pages_it_cites() -> None:
    """Self-reported values cite the card (vendor) and the page it names (third party)."""
    launch = read_card(ZEPHYR)
    kinds = {source.id: (source.name, source.kind) for source in launch.sources}
    assert {
        "card": ("Model card", SourceKind.VENDOR),
        "open-llm-leaderboard": ("Open LLM Leaderboard", SourceKind.THIRD_PARTY),
        "tatsu-lab-github-io-alpaca-eval": (
            "tatsu-lab.github.io/alpaca_eval",
            SourceKind.THIRD_PARTY,
        ),
        "lmsys-mt-bench-space": ("lmsys/mt-bench space", SourceKind.THIRD_PARTY),
    } == kinds
    cited = {result.benchmark: result.sources for result in launch.results}
    assert ("card", "open-llm-leaderboard") == cited["mmlu-all"]
    assert ("card", "lmsys-mt-bench-space") == cited["mt-bench"]
    # Nothing in the card is verified: no source says so.
    assert "hf-verified" not in kinds


def test_zephyr_facts_from_the_card_and_no_guessed_developer() -> None:
    """Licence, base model, language and training data come from the card; the developer is unknown."""
    launch = read_card(ZEPHYR)
    assert UNKNOWN_DEVELOPER == launch.developer.name
    assert launch.license is not None
    assert ("MIT", None) == (launch.license.name, launch.license.open_weights)
    zephyr, base = launch.models
    assert (True, False) == (zephyr.launched, base.launched)
    assert ("Mistral-7B-v0.1", "mistralai") == (base.name, base.developer)
    assert zephyr.specs is not None
    assert dict(zephyr.specs.other)["base_model"] == "mistralai/Mistral-7B-v0.1"
    assert ("text generation",) == zephyr.capabilities
    assert () == launch.dates
    assert () == launch.surfaces


def test_a_repository_names_the_developer_and_the_card_url() -> None:
    """`repository=` gives the developer and the card's address."""
    launch = read_card(ZEPHYR, repository="HuggingFaceH4/zephyr-7b-beta")
    assert "HuggingFaceH4" == launch.developer.name
    assert "https://huggingface.co/HuggingFaceH4/zephyr-7b-beta" == launch.sources[0].url


def test_a_hugging_face_cache_path_names_the_repository(tmp_path: Path) -> None:
    """A card inside the Hub cache (models--owner--name/snapshots/…) knows its owner."""
    folder = tmp_path / "models--HuggingFaceH4--zephyr-7b-beta" / "snapshots" / "665abf2"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text("---\n" + ZEPHYR.read_text("utf-8") + "---\n# Zephyr\n")
    launch = read_card(folder / "README.md")
    assert "HuggingFaceH4" == launch.developer.name


# --------------------------------------------------------------------------- other shapes


def test_fraction_scores_and_an_owner_in_the_model_name() -> None:
    """Scores written as 0.734 are fractions; 'acme/widget-1b' names its developer."""
    launch = read_card(CARDS / "fraction-scores.yaml")
    assert ["0.734", "0.7"] == [written(r.score) for r in launch.results if r.score is not None]
    assert {Scale.FRACTION} == {b.scale for b in launch.benchmarks}
    assert ("acme", "widget-1b") == (launch.developer.name, launch.models[0].name)
    # Two metrics of one dataset are two benchmarks, told apart by the metric.
    assert ["GLUE SST-2 (accuracy)", "GLUE SST-2 (f1)"] == [b.name for b in launch.benchmarks]
    assert launch.license is not None
    assert "Apache 2.0" == launch.license.name


def test_several_models_in_one_model_index_share_a_leaderboard() -> None:
    """Each model-index entry is a launched model; their GSM8K scores rank together."""
    launch = read_card(CARDS / "two-models.yaml")
    assert ["widget-7b", "widget-13b"] == [m.id for m in launch.launched]
    board = launchbrief.leaderboard(launch, "gsm8k-main")
    assert [("widget-13b", 61.8), ("widget-7b", 55.2)] == [
        (s.model.id, s.score) for s in board.standings
    ]
    assert launch.license is not None
    assert ("Acme Model License", "https://example.org/acme/license") == (
        launch.license.name,
        launch.license.url,
    )
    assert ("widget-base", "acme", False) == (
        launch.models[2].id,
        launch.models[2].developer,
        launch.models[2].launched,
    )


def test_a_verified_metric_has_independent_provenance() -> None:
    """`verified: true` adds the independent 'Verified by Hugging Face' source; others lack it."""
    launch = read_card(CARDS / "two-models.yaml")
    verified = launch.source("hf-verified")
    assert ("Verified by Hugging Face", SourceKind.INDEPENDENT) == (verified.name, verified.kind)
    by_model = {r.model: r for r in launch.results if r.benchmark == "gsm8k-main"}
    assert ("card", "hf-verified", "open-llm-leaderboard") == by_model["widget-7b"].sources
    assert ("card", "open-llm-leaderboard") == by_model["widget-13b"].sources


def test_a_metric_without_a_type_uses_its_name() -> None:
    """A metric with only a name ('bits per byte') is read by its name: points, lower is better."""
    launch = read_card(CARDS / "two-models.yaml")
    pile = launch.benchmark("pile-bits-per-byte")
    assert (Scale.POINTS, Direction.LOWER) == (pile.scale, pile.direction)
    assert pile.settings is not None
    assert (("metric", "bits per byte"),) == pile.settings.other


def test_a_readme_front_matter_is_read_and_its_prose_ignored() -> None:
    """A README.md's front matter gives the results; the folder reads the same README."""
    launch = read_card(CARDS / "readme-card" / "README.md")
    assert launch == read_card(CARDS / "readme-card")
    rules = {b.id: (b.scale, b.direction) for b in launch.benchmarks}
    assert {
        "mt-bench": (Scale.POINTS, Direction.HIGHER),
        "chatbot-arena": (Scale.ELO, Direction.HIGHER),
        "wikitext-2-raw-v1": (Scale.POINTS, Direction.LOWER),
        "cnn-daily-mail-3-0-0-rouge1": (Scale.PERCENT, Direction.HIGHER),
        "cnn-daily-mail-3-0-0-rougel": (Scale.FRACTION, Direction.HIGHER),
        "wmt16-en-de-de-en": (Scale.PERCENT, Direction.HIGHER),
    } == rules
    assert "Larkspur-3B" == launch.lead_model.name


def test_an_eval_results_folder_with_two_entries() -> None:
    """Two .eval_results files give two results; the task_id, date and verification are kept."""
    imported = import_card(CARDS / "evals-model", scales={"gpqa": "percent"})
    launch = imported.launch
    assert [("gpqa-diamond", 63.3), ("swe-bench-verified-swe-bench-resolved", 77.8)] == [
        (r.benchmark, r.score) for r in launch.results
    ]
    gpqa, swe = launch.results
    assert gpqa.settings is not None
    assert (("date", "2026-02-03"),) == gpqa.settings.other
    assert ("card",) == gpqa.sources  # its source is the model card itself
    assert ("card", "hf-verified", "swe-bench-leaderboard") == swe.sources
    bench = launch.benchmark("gpqa-diamond")
    assert bench.settings is not None
    assert (("task_id", "gpqa_diamond"),) == bench.settings.other
    # The card cited at https://huggingface.co/example-org/evals-model names the repository.
    assert ("example-org/evals-model", "example-org") == (
        imported.repository,
        launch.developer.name,
    )
    assert launch == read_card(CARDS / "evals-model" / ".eval_results", scales={"gpqa": "percent"})


def test_a_file_list_joins_a_card_and_eval_results() -> None:
    """A README and an .eval_results file together: one model, the results of both."""
    launch = read_card(
        [
            CARDS / "readme-card" / "README.md",
            CARDS / "evals-model" / ".eval_results" / "swe_bench_verified.yaml",
        ]
    )
    assert {"larkspur-3b"} == {r.model for r in launch.results}
    assert 7 == len(launch.results)


def test_scales_override_by_dataset_and_metric(tmp_path: Path) -> None:
    """`scales` keys match dataset/metric, metric or dataset, forgiving case and separators."""
    card = tmp_path / "card.yaml"
    text = (CARDS / "ambiguous.yaml").read_text("utf-8")
    card.write_text(text.replace("'20.0 ± 1.2'", "20.0"), "utf-8")
    launch = read_card(
        card, scales={"house_eval/SCORE": Scale.POINTS, "tiny qa": "percent", "accuracy": "percent"}
    )
    assert {"house-eval": Scale.POINTS, "tiny-qa": Scale.PERCENT, "odd-eval": Scale.PERCENT} == {
        b.id: b.scale for b in launch.benchmarks
    }


# --------------------------------------------------------------------------- bad cards


def test_a_card_without_model_index_is_refused_with_its_keys() -> None:
    """No model-index: one located problem naming the keys the card has."""
    assert [
        f"{CARDS / 'no-model-index.yaml'}:1:1: no model-index: the card's metadata has no"
        " results to import (its keys: license, language, pipeline_tag); add a model-index,"
        " or import the model's .eval_results folder"
    ] == problems_of(CARDS / "no-model-index.yaml")


def test_bad_yaml_in_front_matter_is_located_in_the_readme() -> None:
    """The line and column are those of the README itself, not of the front matter alone."""
    readme = CARDS / "bad-yaml" / "README.md"
    assert [
        f"{readme}:7:6: invalid YAML: while parsing a block mapping did not find expected key"
    ] == problems_of(readme)
    assert readme.read_text("utf-8").splitlines()[6].startswith("     metrics:")


def test_ambiguous_and_non_numeric_values_are_all_reported_with_the_fix() -> None:
    """Every undecided scale and every non-number at once, each located, each with its fix."""
    card = CARDS / "ambiguous.yaml"
    choices = "SCALE one of percent, fraction, points, elo, percentile"
    assert [
        f"{card}:7:28: model-index[0].results[0].metrics[0]: cannot tell the scale of metric"
        " 'score' on 'House Eval' (values: 3.2): no rule of docs/import.md knows this metric;"
        " say which with --scale 'score=SCALE' (or scales={'score': Scale.…} in Python),"
        f" {choices}",
        f"{card}:11:31: model-index[0].results[1].metrics[0]: cannot tell the scale of metric"
        " 'accuracy' on 'Tiny QA' (values: 0): its only value is 0, a fraction or a percent"
        " alike; say which with --scale 'Tiny QA/accuracy=SCALE' (or scales={'Tiny"
        f" QA/accuracy': Scale.…}} in Python), {choices}",
        f"{card}:15:31: model-index[0].results[2].metrics[0].value: the value '20.0 ± 1.2' is"
        " not a number; give the number alone (launchbrief keeps numbers only)",
    ] == problems_of(card)


def test_eval_results_without_a_metric_ask_for_a_scale() -> None:
    """An .eval_results entry names no metric: its scale is asked for, never guessed."""
    file = CARDS / "evals-model" / ".eval_results" / "gpqa.yaml"
    assert [
        f"{file}:4:10: [0]: cannot tell the scale of the metric on 'gpqa' (values: 63.3): the"
        " entry names no metric, and no rule of docs/import.md knows the dataset; say which with"
        " --scale 'gpqa=SCALE' (or scales={'gpqa': Scale.…} in Python), SCALE one of percent,"
        " fraction, points, elo, percentile"
    ] == problems_of(CARDS / "evals-model")


def test_scales_that_match_nothing_or_name_no_scale_are_refused() -> None:
    """A `scales` key that matches nothing, or an unknown scale name, is a problem, not ignored."""
    assert [
        f"{ZEPHYR}: scales: 'mt-bnch' names no metric, dataset or benchmark of the card"
        " (write METRIC, DATASET/METRIC, DATASET or a benchmark id)"
    ] == problems_of(ZEPHYR, scales={"mt-bnch": "points"})
    assert [
        "scales: 'mt-bench': unknown scale 'pts' (known: percent, fraction, points, elo,"
        " percentile)"
    ] == problems_of(ZEPHYR, scales={"mt-bench": "pts"})


def test_a_given_scale_that_the_values_do_not_fit_is_refused() -> None:
    """Forcing MMLU's 61.07 onto a fraction scale reports the value where the card holds it."""
    lines = problems_of(ZEPHYR, scales={"MMLU/acc": Scale.FRACTION})
    assert [
        f"{ZEPHYR}:139:17: model-index[0].results[5].metrics[0].value: 61.07 is outside the"
        " fraction scale of 'MMLU' (0 to 1)"
    ] == lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Just prose\n",
            "1:1: the README has no YAML front matter: a model card starts with a '---' line,"
            " its metadata, and another '---' line",
        ),
        (
            "---\nlicense: mit\n",
            "1:1: the front matter opened by the '---' on line 1 is never closed by a '---' line",
        ),
        (
            "---\nmodel-index:\n- results: []\n---\n",
            "3:3: model-index[0]: each model needs a name",
        ),
        (
            "---\nmodel-index:\n- name: m\n  results:\n  - dataset: {name: X, type: x}\n---\n",
            "5:5: model-index[0].results[0].metrics: missing the metrics (a list of type, name"
            " and value)",
        ),
        (
            "---\nmodel-index:\n- name: m\n  results:\n"
            "  - dataset: {name: X, type: x}\n    metrics: [{type: acc, value: 50}]\n"
            "  - dataset: {name: X, type: x}\n    metrics: [{type: acc, value: 51}]\n---\n",
            "8:34: model-index[0].results[1].metrics[0].value: a second value for 'm' on 'X' (the"
            " first is at {file}:6); keep one of them",
        ),
    ],
)
def test_bad_readmes_are_located(tmp_path: Path, text: str, expected: str) -> None:
    """Missing or unclosed front matter, a nameless model, no metrics, a duplicate: located."""
    card = tmp_path / "README.md"
    card.write_text(text, "utf-8")
    assert [f"{card}:{expected.format(file=card)}"] == problems_of(card)


def test_a_missing_path_is_file_not_found(tmp_path: Path) -> None:
    """A path that does not exist raises FileNotFoundError naming it."""
    with pytest.raises(FileNotFoundError, match=r"no-such\.md"):
        read_card(tmp_path / "no-such.md")


def test_an_alias_bomb_in_front_matter_is_refused_quickly(tmp_path: Path) -> None:
    """Front matter that expands to millions of values is refused in seconds."""
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(
            f"{chr(97 + level)}: &{chr(97 + level)} ["
            + ", ".join([f"*{chr(96 + level)}"] * 10)
            + "]"
        )
    card = tmp_path / "README.md"
    card.write_text("\n".join([*lines, "---", ""]), "utf-8")
    started = time.monotonic()
    (line,) = problems_of(card)
    assert time.monotonic() - started < 10
    assert "aliases repeat more than" in line


def test_a_large_card_is_read_in_bounded_time(tmp_path: Path) -> None:
    """A card with 5,000 results (100 models × 50 datasets) reads in a few seconds."""
    parts = ["model-index:"]
    for model in range(100):
        parts.append(f"- name: model-{model}\n  results:")
        for dataset in range(50):
            parts.append(
                f"  - dataset: {{name: Set {dataset}, type: set_{dataset}}}\n"
                f"    metrics: [{{type: acc, value: {10 + (model + dataset) % 80}.5}}]"
            )
    card = tmp_path / "big.yaml"
    card.write_text("\n".join(parts) + "\n", "utf-8")
    started = time.monotonic()
    launch = read_card(card)
    elapsed = time.monotonic() - started
    assert (5000, 50, 100) == (len(launch.results), len(launch.benchmarks), len(launch.models))
    assert elapsed < 20, elapsed


# --------------------------------------------------------------------------- the launch file


def test_card_to_yaml_loads_back_to_the_same_launch() -> None:
    """The commented file is valid launch YAML that loads to exactly the imported launch."""
    for card in (ZEPHYR, CARDS / "two-models.yaml", CARDS / "readme-card"):
        imported = import_card(card)
        text = card_to_yaml(imported)
        assert imported.launch == launchbrief.loads(text, name="imported.yaml")
        assert imported.launch == launchbrief.loads(card_to_yaml(imported.launch))


def test_card_to_yaml_marks_what_the_card_does_not_say() -> None:
    """TODO comments ask for the developer, dates, surfaces, open weights and rivals' developers."""
    text = card_to_yaml(import_card(CARDS / "two-models.yaml"))
    for todo in (
        "# TODO: who developed it?",
        "# TODO: when was it announced? Add the dates, each with a source:",
        "#   - {event: announced, date: YYYY-MM-DD, sources: [card]}",
        "# TODO: where does it ship? Add surfaces, each with a source:",
        "# TODO: are the weights open?",
        "# TODO: who develops widget-7b, widget-13b? Add `developer:` to each.",
        "# scale: perplexity, loss, error rates and bits per byte are points, lower is better",
    ):
        assert todo in text
    # Each TODO stands before the section it is about.
    assert text.index("# TODO: when was it announced?") < text.index("\ndeveloper:")
    assert text.index("# TODO: where does it ship?") < text.index("\nbenchmarks:")


def test_write_card_yaml_never_replaces_a_file_unless_forced(tmp_path: Path) -> None:
    """An existing file is left as it was; with force it is replaced; a folder gets <id>.yaml."""
    target = tmp_path / "z.yaml"
    target.write_text("keep me\n", "utf-8")
    imported = import_card(ZEPHYR)
    with pytest.raises(FileExistsError):
        write_card_yaml(imported, target)
    assert "keep me\n" == target.read_text("utf-8")
    write_card_yaml(imported, target, force=True)
    assert imported.launch == launchbrief.load(target)
    assert tmp_path / "zephyr-7b-beta.yaml" == write_card_yaml(imported, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["z.yaml", "zephyr-7b-beta.yaml"]


# --------------------------------------------------------------------------- the reader plugin


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"---\nlicense: mit\nmodel-index:\n- name: x\n---\n# Card", True),
        (b"\xef\xbb\xbf---\r\nmodel-index: []\r\n---\r\n", True),
        (b"model-index:\n- name: x\n", True),
        (b"---\nlicense: mit\n---\nmodel-index: in the prose\n", False),
        (b"# A README without front matter\n", False),
        (b"\xff\xfe\x00binary", False),
    ],
)
def test_the_reader_sniffs_model_cards(head: bytes, expected: bool) -> None:
    """sniff() claims front matter or YAML holding a model-index, and nothing else."""
    assert expected == HuggingFaceReader().sniff(head)


def test_the_reader_reads_as_read_card() -> None:
    """HuggingFaceReader is a reader plugin: name, suffixes, description, read()."""
    reader = HuggingFaceReader()
    assert ("huggingface", (".md",)) == (reader.name, reader.suffixes)
    assert reader.description
    readme = CARDS / "readme-card" / "README.md"
    assert read_card(readme) == reader.read(readme)
    assert read_card(ZEPHYR, repository="a/b") == reader.read(ZEPHYR, repository="a/b")


# --------------------------------------------------------------------------- the command


def test_import_then_export_the_zephyr_card(tmp_path: Path) -> None:
    """`import CARD -o z.yaml` then `validate` and `export` work; the outputs hold the nine scores."""
    done = run("import", str(ZEPHYR), "-o", "z.yaml", cwd=tmp_path)
    assert (0, "z.yaml\n", "") == (done.returncode, done.stdout, done.stderr)
    done = run("validate", "z.yaml", cwd=tmp_path)
    assert (0, "z.yaml: valid (9 results, 4 sources)\n") == (done.returncode, done.stdout)
    done = run("export", "z.yaml", "-o", "out", cwd=tmp_path)
    assert 0 == done.returncode, done.stderr
    book = openpyxl.load_workbook(tmp_path / "out" / "zephyr-7b-beta.xlsx", read_only=True)
    sheet = book["Results"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    scores = sorted(row[header.index("Score")] for row in rows[1:])
    book.close()
    expected = sorted(r.score for r in read_card(ZEPHYR).results if r.score is not None)
    assert expected == scores
    deck = pptx.Presentation(str(tmp_path / "out" / "zephyr-7b-beta.pptx"))
    text = " ".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "zephyr-7b-beta" in text


def test_import_refuses_to_replace_a_file_and_force_replaces_it(tmp_path: Path) -> None:
    """An existing output file is untouched (exit 2) unless --force is given."""
    (tmp_path / "z.yaml").write_text("mine\n", "utf-8")
    done = run("import", str(ZEPHYR), "-o", "z.yaml", cwd=tmp_path)
    assert (2, "", "launchbrief: error: z.yaml exists; use --force to replace it\n") == (
        done.returncode,
        done.stdout,
        done.stderr,
    )
    assert "mine\n" == (tmp_path / "z.yaml").read_text("utf-8")
    done = run("import", str(ZEPHYR), "-o", "z.yaml", "--force", cwd=tmp_path)
    assert 0 == done.returncode
    assert read_card(ZEPHYR) == launchbrief.load(tmp_path / "z.yaml")


def test_import_of_a_bad_card_exits_2_with_located_problems_and_writes_nothing(
    tmp_path: Path,
) -> None:
    """A bad card: each problem on stderr as file:line:column, exit 2, no traceback, no file."""
    card = CARDS / "bad-yaml" / "README.md"
    done = run("import", str(card), cwd=tmp_path)
    assert (2, "") == (done.returncode, done.stdout)
    assert [
        f"{card}:7:6: invalid YAML: while parsing a block mapping did not find expected key"
    ] == (done.stderr.splitlines())
    assert [] == list(tmp_path.iterdir())


def test_import_scale_options_and_printing(tmp_path: Path) -> None:
    """--scale settles what the rules cannot; `-o -` prints the file; a bad --scale exits 2."""
    done = run(
        "import", str(CARDS / "evals-model"), "--scale", "gpqa=percent", "-o", "-", cwd=tmp_path
    )
    assert 0 == done.returncode, done.stderr
    assert launchbrief.loads(done.stdout) == read_card(
        CARDS / "evals-model", scales={"gpqa": Scale.PERCENT}
    )
    done = run("import", str(CARDS / "evals-model"), "--scale", "gpqa", cwd=tmp_path)
    assert (
        2,
        "launchbrief: error: --scale 'gpqa': write it as METRIC=SCALE (SCALE: percent,"
        " fraction, points, elo, percentile)\n",
    ) == (done.returncode, done.stderr)
    done = run("import", str(tmp_path / "missing.md"), cwd=tmp_path)
    assert 2 == done.returncode
    assert "no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr
    assert [] == list(tmp_path.iterdir())


# --------------------------------------------------------------------------- docs/import.md

IMPORT_DOC = Path(__file__).parents[1] / "docs" / "import.md"


def doc_blocks(language: str) -> list[str]:
    """The fenced blocks of ``language`` in docs/import.md."""
    text = IMPORT_DOC.read_text("utf-8")
    fence = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
    return [body for lang, body in fence.findall(text) if lang == language]


def console(block: str) -> list[tuple[list[str], list[str]]]:
    """Each `$ launchbrief …` command of a console block with the lines it shows."""
    runs: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ launchbrief "):
            runs.append((line.split()[2:], []))
        else:
            runs[-1][1].append(line)
    return runs


def test_doc_import_and_export_sample_is_what_the_commands_print(tmp_path: Path) -> None:
    """docs/import.md's first sample: import prints the file, export the workbook and deck."""
    shutil.copy(ZEPHYR, tmp_path / "model-index-zephyr-7b-beta.yaml")
    (sample,) = [b for b in doc_blocks("console") if "-o z.yaml" in b]
    for args, shown in console(sample):
        done = run(*args, cwd=tmp_path)
        assert (0, shown) == (done.returncode, done.stdout.splitlines()), done.stderr


def test_doc_problem_sample_is_what_import_prints(tmp_path: Path) -> None:
    """docs/import.md's sample of problems is what `launchbrief import` prints, exit code 2."""
    shutil.copy(CARDS / "ambiguous.yaml", tmp_path / "ambiguous.yaml")
    (sample,) = [b for b in doc_blocks("console") if "ambiguous.yaml" in b]
    ((args, shown),) = console(sample)
    done = run(*args, cwd=tmp_path)
    assert (2, "", shown) == (done.returncode, done.stdout, done.stderr.splitlines())


def test_doc_python_sample_prints_what_it_shows(tmp_path: Path) -> None:
    """The Python sample, run beside the Larkspur card's README, prints the table shown after it."""
    shutil.copy(CARDS / "readme-card" / "README.md", tmp_path / "README.md")
    (code,) = doc_blocks("python")
    (shown,) = [b for b in doc_blocks("text") if b.startswith("MT-Bench")]
    done = subprocess.run(
        [sys.executable, "-c", code + "\nassert 'TODO' in text\n"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (0, shown) == (done.returncode, done.stdout), done.stderr


def test_doc_todo_sample_is_in_the_zephyr_launch_file() -> None:
    """The TODO lines docs/import.md shows are in the file written for zephyr-7b-beta."""
    (shown,) = [b for b in doc_blocks("text") if b.startswith("# TODO")]
    assert shown in card_to_yaml(import_card(ZEPHYR))


def test_doc_yaml_samples_import() -> None:
    """The model-index and .eval_results samples of docs/import.md are read as documented."""
    index, evals = doc_blocks("yaml")
    with tempfile.TemporaryDirectory() as folder:
        card = Path(folder) / "card.yaml"
        card.write_text(index, "utf-8")
        launch = read_card(card)
        assert [("ai2-reasoning-challenge-arc-challenge", 25)] == [
            (b.id, b.settings.shots) for b in launch.benchmarks if b.settings
        ]
        results = Path(folder) / "model" / ".eval_results"
        results.mkdir(parents=True)
        (results / "gpqa.yaml").write_text(evals, "utf-8")
        launch = read_card(results, scales={"gpqa": "percent"})
        assert [("gpqa-diamond", 63.3)] == [(r.benchmark, r.score) for r in launch.results]


def test_names_from_the_card_cannot_break_out_of_a_comment(tmp_path: Path) -> None:
    """A model or file name holding a line break stays inside its comment line."""
    folder = tmp_path / "x\nid: hijacked"
    folder.mkdir()
    card = folder / "card.yaml"
    card.write_text(
        'model-index:\n- name: "m1\\nid: hijacked"\n  results:\n'
        "  - dataset: {name: X, type: x}\n    metrics: [{type: acc, value: 50.5}]\n",
        "utf-8",
    )
    imported = import_card(card)
    text = card_to_yaml(imported)
    assert "\nid: hijacked" not in text
    assert imported.launch == launchbrief.loads(text)


def test_import_has_help_and_is_listed(tmp_path: Path) -> None:
    """`launchbrief import --help` prints its usage; `launchbrief --help` lists the command."""
    done = run("import", "--help", cwd=tmp_path)
    assert 0 == done.returncode
    assert done.stdout.startswith("usage: launchbrief import")
    assert "--scale METRIC=SCALE" in done.stdout
    assert "import" in run("--help", cwd=tmp_path).stdout


def test_the_card_reader_imports_no_office_library() -> None:
    """Importing launchbrief.huggingface imports neither openpyxl nor python-pptx."""
    code = (
        "import sys, launchbrief.huggingface\n"
        "assert not {'openpyxl', 'pptx'} & set(sys.modules), sorted(sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert 0 == done.returncode, done.stderr
