"""Import a launch from a Hugging Face model card: ``model-index`` and ``.eval_results``.

A model card is a ``README.md`` whose YAML front matter (between the leading ``---``
lines) may hold a ``model-index``: each entry a model and its results, each result a
task, a dataset and metric values. A model repository may also keep results in
``.eval_results/*.yaml``, each file a list of entries (``dataset: {id, task_id,
revision}``, ``value``, ``source: {url, name}``...). :func:`read_card` turns either,
or both, into a :class:`~launchbrief.model.Launch`; :func:`card_to_yaml` writes it as a
launch file with ``# TODO`` comments where the card is silent.

Every scale is decided by the documented rules (docs/import.md, :func:`decide_scale`)
or given by the caller (``scales=``); a metric the rules cannot place is reported,
never guessed. Nothing here reaches the network.
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from launchbrief import _atomic
from launchbrief._locate import Locations, ParseFailure, join_path, parse_yaml
from launchbrief.exceptions import InvalidLaunchError, Problem
from launchbrief.io import MAX_FILE_BYTES, dumps
from launchbrief.model import (
    WINDOWS_DEVICE_NAMES,
    Benchmark,
    Developer,
    Direction,
    Launch,
    License,
    Model,
    Result,
    Scalar,
    Scale,
    Score,
    Settings,
    Source,
    SourceKind,
    Specs,
    free_key_problem,
)
from launchbrief.readers.huggingface import FENCE as _FENCE
from launchbrief.readers.huggingface import HuggingFaceReader

__all__ = [
    "MAX_EVAL_FILES",
    "UNKNOWN_DEVELOPER",
    "CardImport",
    "HuggingFaceReader",
    "ScaleDecision",
    "card_to_yaml",
    "decide_scale",
    "import_card",
    "parse_scale",
    "read_card",
    "write_card_yaml",
]

#: The developer's name when neither the path nor the card names the repository owner.
UNKNOWN_DEVELOPER = "Unknown developer"
#: At most this many ``.eval_results`` files are read from one folder.
MAX_EVAL_FILES = 10_000

_CARD = "card"  # the id of the model card's own source
_VERIFIED = "hf-verified"  # the id of the "verified by Hugging Face" source


# --------------------------------------------------------------------------- scales


@attrs.frozen(kw_only=True)
class ScaleDecision:
    """How one benchmark's scores are read, and the rule that decided it."""

    benchmark: str
    scale: Scale
    direction: Direction = Direction.HIGHER
    min: float | None = None
    max: float | None = None
    rule: str


def _norm(text: str) -> str:
    """``"MT-Bench"``, ``"mt_bench"`` and ``"mt bench"`` all read ``"mt_bench"``."""
    return re.sub(r"[\s_-]+", "_", text.strip().casefold())


def _has(pattern: str, text: str) -> bool:
    # A word of the metric's name: "normalized_accuracy" has "accuracy", "f1_score" "f1".
    return re.search(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", _norm(text)) is not None


_PROPORTION = (
    r"acc|accuracy|acc_norm|balanced_accuracy|f1|f1_macro|f1_micro|exact_match|em|exact"
    r"|pass@\d+|pass_at_\d+|pass@k|mc1|mc2|win_rate|precision|recall|resolved"
)
_TEXT_OVERLAP = r"rouge\w*|bleu|sacrebleu|chrf\w*|meteor"
_LOWER = r"perplexity|ppl|loss|nll|wer|cer|bpb|bits_per_byte|bits_per_character|bpc"
_PERCENT_MARK = r"%|percent|pct"
#: MT-Bench's range, written as the benchmark gives it.
_MT_BENCH_RANGE = (Score("0"), Score("10"))
_ARENAS = {
    "chatbot_arena",
    "lmsys_arena",
    "lmarena",
    "lmsys_chatbot_arena",
    "arena",
    "webdev_arena",
}


def decide_scale(
    *,
    benchmark: str,
    dataset: str,
    metric: str,
    values: Sequence[float],
    given: Scale | None = None,
) -> ScaleDecision | str:
    """The scale of one benchmark's scores by the rules of docs/import.md, or why none fits.

    Args:
        benchmark: the benchmark's id, for the decision.
        dataset: the dataset's name and id, space-separated (``"MT-Bench mt_bench"``).
        metric: the metric's type and name, space-separated (``"acc_norm normalized accuracy"``).
        values: every score of the benchmark; they decide together.
        given: a scale the caller chose (``--scale``); the rules then give only the
            direction and the bounds.

    Returns:
        The decision, or a sentence saying why no rule decides (to be reported).
    """
    words = [_norm(word) for word in dataset.split()]
    mt_bench = any(re.sub(r"[^a-z0-9]", "", w).startswith("mtbench") for w in words)
    lower = _has(_LOWER, metric)
    direction = Direction.LOWER if lower else Direction.HIGHER
    if given is not None:
        low, high = _MT_BENCH_RANGE if mt_bench and given is Scale.POINTS else (None, None)
        return ScaleDecision(
            benchmark=benchmark,
            scale=given,
            direction=direction,
            min=low,
            max=high,
            rule="given with --scale (scales=)",
        )
    if mt_bench:
        return ScaleDecision(
            benchmark=benchmark,
            scale=Scale.POINTS,
            min=_MT_BENCH_RANGE[0],
            max=_MT_BENCH_RANGE[1],
            rule="MT-Bench is scored from 0 to 10 points",
        )
    arena = any(w in _ARENAS or (w.endswith("_arena") and "hard" not in w) for w in words)
    if _has(r"elo|elo_rating|arena_elo|arena_score", metric) or arena:
        return ScaleDecision(
            benchmark=benchmark, scale=Scale.ELO, rule="an Elo rating (metric or arena named so)"
        )
    if lower:
        return ScaleDecision(
            benchmark=benchmark,
            scale=Scale.POINTS,
            direction=Direction.LOWER,
            rule="perplexity, loss, error rates and bits per byte are points, lower is better",
        )
    proportion = _has(_PROPORTION, metric) or _has(_TEXT_OVERLAP, metric)
    marked = any(_has(_PERCENT_MARK, text) or "%" in text for text in (metric, dataset))
    if not (proportion or marked):
        if not metric.strip():
            return "the entry names no metric, and no rule of docs/import.md knows the dataset"
        return "no rule of docs/import.md knows this metric"
    shown = ", ".join(_written(value) for value in values[:3]) + (
        f" and {len(values) - 3} more" if len(values) > 3 else ""
    )
    if any(value < 0 for value in values) or any(value > 100 for value in values):
        return f"its values ({shown}) are outside 0 to 100, so neither a fraction nor a percent"
    if marked and not proportion:
        return ScaleDecision(
            benchmark=benchmark, scale=Scale.PERCENT, rule="the metric is named a percentage"
        )
    if all(value <= 1 for value in values) and any(value > 0 for value in values):
        return ScaleDecision(
            benchmark=benchmark,
            scale=Scale.FRACTION,
            rule=f"a proportion whose values ({shown}) are all in (0, 1]",
        )
    if any(value > 1 for value in values):
        return ScaleDecision(
            benchmark=benchmark,
            scale=Scale.PERCENT,
            rule=f"a proportion whose values ({shown}) are in (1, 100]",
        )
    return f"its only value{'s are' if len(values) > 1 else ' is'} 0, a fraction or a percent alike"


def parse_scale(option: str) -> tuple[str, Scale]:
    """``"mt_bench=points"`` as ``("mt_bench", Scale.POINTS)``; ``ValueError`` in words if bad."""
    key, sign, value = option.rpartition("=")
    known = ", ".join(scale.value for scale in Scale)
    if not sign or not key.strip() or not value.strip():
        raise ValueError(f"--scale {option!r}: write it as METRIC=SCALE (SCALE: {known})")
    try:
        return key.strip(), Scale(value.strip().lower())
    except ValueError:
        raise ValueError(f"--scale {option!r}: unknown scale {value!r} (known: {known})") from None


# --------------------------------------------------------------------------- reading


@attrs.frozen(kw_only=True)
class _Entry:
    """One metric value of the card, with everything said about it and where it stands."""

    file: str
    path: str  # the field path of the value's entry in its file
    where: _Where = attrs.field(eq=False, repr=False)
    model: str
    dataset_id: str | None
    dataset_name: str | None
    config: str | None
    split: str | None
    revision: str | None
    args: tuple[tuple[str, Any], ...]
    task_type: str | None
    task_name: str | None
    metric_type: str | None
    metric_name: str | None
    value: Any
    verified: bool
    token: bool
    source_name: str | None
    source_url: str | None
    extra: tuple[tuple[str, Any], ...]  # date, notes
    #: What the file calls the config: ``config`` (model-index) or ``task_id`` (.eval_results).
    config_key: str = "config"

    def problem(self, message: str, field: str = "") -> Problem:
        """A problem about this entry, located at its value in its file."""
        line, column = self.position
        path = join_path(self.path, field) if field else self.path
        return Problem(message, path, self.file, line, column)

    @property
    def position(self) -> tuple[int | None, int | None]:
        """The line and column of the value (or of the entry)."""
        found = self.where.find(join_path(self.path, "value")) or self.where.find(self.path)
        return found if found else (None, None)

    @property
    def dataset_label(self) -> str:
        return self.dataset_name or _last(self.dataset_id) or "the dataset"

    @property
    def metric_key(self) -> str | None:
        """The metric's identity: its type unless ``unknown``, else its name."""
        for text in (self.metric_type, self.metric_name):
            if text and _norm(text) != "unknown":
                return text
        return None


@attrs.frozen(kw_only=True)
class _Card:
    """What one file of a card gave: its front matter (or none) and its entries."""

    name: str
    meta: Mapping[str, Any]
    entries: tuple[_Entry, ...]
    models: tuple[str, ...]  # model-index names, in order


@attrs.frozen(kw_only=True)
class CardImport:
    """A launch read from a model card, with the decisions a person should check.

    ``decisions`` says, per benchmark, which scale was chosen and by which rule;
    ``repository`` is ``owner/name`` when the path or the card names it; ``files``
    are the files read.
    """

    launch: Launch
    decisions: tuple[ScaleDecision, ...] = ()
    repository: str | None = None
    files: tuple[str, ...] = ()


def read_card(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    scales: Mapping[str, Scale | str] | None = None,
    repository: str | None = None,
) -> Launch:
    """Read a Hugging Face model card (and/or ``.eval_results``) into a launch.

    Args:
        path: a ``README.md`` with YAML front matter, a bare front-matter YAML file, a
            ``.eval_results`` folder or ``*.yaml`` file of it, a model folder holding
            either, or a list of such files.
        scales: scales chosen by the caller, by metric type or name, ``dataset/metric``,
            dataset name or benchmark id: ``{"mt_bench": Scale.POINTS}``. Each key must
            match something in the card.
        repository: the model's ``owner/name`` on the Hub, when the path does not say
            it (the owner becomes the developer; the card's URL is known).

    Raises:
        InvalidLaunchError: every problem of the card at once, located by file, line and
            column: bad YAML, no ``model-index``, a value that is not a number, a metric
            whose scale no rule decides.
        FileNotFoundError: a path does not exist.
    """
    return import_card(path, scales=scales, repository=repository).launch


def import_card(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    scales: Mapping[str, Scale | str] | None = None,
    repository: str | None = None,
) -> CardImport:
    """:func:`read_card`, keeping the scale decisions and the repository for :func:`card_to_yaml`."""
    chosen = _checked_scales(scales)
    files = _files(path)
    problems: list[Problem] = []
    repo = repository or _repository_from_path(files)
    cards: list[_Card] = []
    for file, kind in files:
        try:
            cards.append(_read_file(file, kind, repo, problems))
        except InvalidLaunchError as error:
            problems.extend(error.problems)
    if problems:
        raise InvalidLaunchError(_ordered(problems))
    return _build(cards, repo, chosen, [str(file) for file, _ in files])


def _files(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
) -> list[tuple[Path, str]]:
    """Each file to read, with its kind: ``"card"`` (front matter or bare) or ``"evals"``."""
    paths = [Path(p) for p in ([path] if isinstance(path, (str, os.PathLike)) else path)]
    found: list[tuple[Path, str]] = []
    for item in paths:
        if not item.exists():
            raise FileNotFoundError(f"no such file or folder: {str(item)!r}")
        if item.is_dir():
            before = len(found)
            evals = item if item.name == ".eval_results" else item / ".eval_results"
            readme = item / "README.md"
            if item.name != ".eval_results" and readme.is_file():
                found.append((readme, "card"))
            if evals.is_dir():
                yamls = sorted(p for p in evals.iterdir() if p.suffix in (".yaml", ".yml"))
                if len(yamls) > MAX_EVAL_FILES:
                    raise InvalidLaunchError(
                        [
                            Problem(
                                f"holds {len(yamls):,} result files (at most {MAX_EVAL_FILES:,} are read)",
                                file=str(evals),
                            )
                        ]
                    )
                found += [(p, "evals") for p in yamls]
            if len(found) == before:
                raise InvalidLaunchError(
                    [
                        Problem(
                            "holds no README.md and no .eval_results/*.yaml: nothing to import",
                            file=str(item),
                        )
                    ]
                )
        else:
            found.append((item, "evals" if item.parent.name == ".eval_results" else "card"))
    if not found:
        raise InvalidLaunchError([Problem("no file to import")])
    return found


_CACHE_FOLDER = re.compile(r"models--(?P<owner>[^/]+?)--(?P<name>[^/]+)")


def _repository_from_path(files: Sequence[tuple[Path, str]]) -> str | None:
    """``owner/name`` from a Hugging Face cache path (``models--owner--name/snapshots/…``)."""
    for file, _kind in files:
        for part in file.resolve().parts:
            match = _CACHE_FOLDER.fullmatch(part)
            if match:
                return f"{match['owner']}/{match['name']}"
    return None


def _read_text(file: Path) -> str:
    name = str(file)
    with file.open("rb") as stream:
        status = os.fstat(stream.fileno())
        if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
            raise InvalidLaunchError(
                [
                    Problem(
                        f"the file is too large ({status.st_size / 2**20:.1f} MiB; the limit is"
                        f" {MAX_FILE_BYTES / 2**20:.0f} MiB)",
                        file=name,
                    )
                ]
            )
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InvalidLaunchError([Problem("the file is too large", file=name)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InvalidLaunchError(
            [
                Problem(
                    f"not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read); save it as UTF-8",
                    file=name,
                    line=line,
                    column=column,
                )
            ]
        ) from None


def _front_matter(text: str, name: str) -> tuple[str, int]:
    """The YAML between a README's leading ``---`` lines, and the line it starts on."""
    if not re.match(r"---[ \t]*\r?\n", text):
        raise InvalidLaunchError(
            [
                Problem(
                    "the README has no YAML front matter: a model card starts with a '---' line,"
                    " its metadata, and another '---' line",
                    file=name,
                    line=1,
                    column=1,
                )
            ]
        )
    start = text.index("\n") + 1
    end = _FENCE.search(text, start)
    if end is None:
        raise InvalidLaunchError(
            [
                Problem(
                    "the front matter opened by the '---' on line 1 is never closed by a '---' line",
                    file=name,
                    line=1,
                    column=1,
                )
            ]
        )
    return text[start : end.start()], 1


class _Where:
    """Where each path stands in one file, worked out on first use: a valid card never pays."""

    def __init__(self, locate: Callable[[], Locations], offset: int) -> None:
        self._locate = locate
        self._offset = offset  # the lines before the front matter in a README
        self._locations: Locations | None = None

    def find(self, path: str) -> tuple[int, int] | None:
        """The line and column of ``path`` (or of its nearest located parent)."""
        if self._locations is None:
            try:
                self._locations = self._locate()
            except ParseFailure:  # already reported when the text was read
                self._locations = Locations()
        found = self._locations.find(path)
        return (found[0] + self._offset, found[1]) if found else None


def _parse(text: str, name: str, offset: int) -> tuple[Any, _Where]:
    try:
        data, locate = parse_yaml(text)
    except ParseFailure as failure:
        raise InvalidLaunchError(
            [
                Problem(p.message, p.path, name, p.line + offset if p.line else p.line, p.column)
                for p in failure.problems
            ]
        ) from None
    return data, _Where(locate, offset)


def _read_file(file: Path, kind: str, repo: str | None, problems: list[Problem]) -> _Card:
    name = str(file)
    text = _read_text(file)
    offset = 0
    if file.suffix.lower() in (".md", ".markdown"):
        text, offset = _front_matter(text, name)
    data, locations = _parse(text, name, offset)
    if isinstance(data, list):
        model = _last(repo) or file.resolve().parent.parent.name or "model"
        found = _eval_entries(data, name, locations, model, problems)
        return _Card(name=name, meta={}, entries=tuple(found), models=())
    if not isinstance(data, dict):
        raise InvalidLaunchError(
            [
                Problem(
                    "expected the card's metadata (a mapping with a model-index) or a list of"
                    " .eval_results entries",
                    file=name,
                    line=1 + offset,
                    column=1,
                )
            ]
        )
    index = data.get("model-index")
    if index is None:
        keys = ", ".join(list(data)[:8]) or "none"
        raise InvalidLaunchError(
            [
                Problem(
                    f"no model-index: the card's metadata has no results to import (its keys: {keys});"
                    " add a model-index, or import the model's .eval_results folder",
                    file=name,
                    line=1 + offset,
                    column=1,
                )
            ]
        )
    if not isinstance(index, list):
        raise InvalidLaunchError(
            [
                _at(
                    locations,
                    name,
                    "model-index",
                    "expected a list of models, each with a name and results",
                )
            ]
        )
    entries: list[_Entry] = []
    models: list[str] = []
    for place, item in enumerate(index):
        path = join_path("model-index", place)
        model_name = _text_or_none(item.get("name")) if isinstance(item, dict) else None
        if model_name is None:
            problems.append(_at(locations, name, path, "each model needs a name"))
            continue
        models.append(model_name)
        results = item.get("results", [])
        if not isinstance(results, list):
            problems.append(_at(locations, name, join_path(path, "results"), "expected a list"))
            continue
        for number, result in enumerate(results):
            entries += _index_entries(
                result,
                join_path(join_path(path, "results"), number),
                name,
                locations,
                models[-1],
                problems,
            )
    return _Card(name=name, meta=data, entries=tuple(entries), models=tuple(models))


def _at(locations: _Where, name: str, path: str, message: str) -> Problem:
    position = locations.find(path)
    line, column = position if position else (None, None)
    return Problem(message, path, name, line, column)


def _text_or_none(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _written(value)
    return value.strip() or None if isinstance(value, str) else None


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _index_entries(
    result: Any, path: str, name: str, locations: _Where, model: str, problems: list[Problem]
) -> list[_Entry]:
    if not isinstance(result, dict):
        problems.append(_at(locations, name, path, "expected a result: task, dataset, metrics"))
        return []
    task, dataset, source = (_mapping(result.get(k)) for k in ("task", "dataset", "source"))
    metrics = result.get("metrics")
    if not isinstance(result.get("dataset"), dict):
        problems.append(
            _at(
                locations,
                name,
                join_path(path, "dataset"),
                "missing the dataset (a mapping with a name and a type)",
            )
        )
        return []
    if not isinstance(metrics, list) or not metrics:
        problems.append(
            _at(
                locations,
                name,
                join_path(path, "metrics"),
                "missing the metrics (a list of type, name and value)",
            )
        )
        return []
    entries = []
    for place, metric in enumerate(metrics):
        metric_path = join_path(join_path(path, "metrics"), place)
        if not isinstance(metric, dict):
            problems.append(_at(locations, name, metric_path, "expected a metric: type, value"))
            continue
        entries.append(
            _entry(
                name,
                metric_path,
                locations,
                model,
                dataset_id=dataset.get("type"),
                dataset_name=dataset.get("name"),
                config=dataset.get("config"),
                split=dataset.get("split"),
                revision=dataset.get("revision"),
                args=dataset.get("args"),
                task_type=task.get("type"),
                task_name=task.get("name"),
                metric_type=metric.get("type"),
                metric_name=metric.get("name"),
                value=metric.get("value"),
                verified=metric.get("verified"),
                token=metric.get("verifyToken"),
                source_name=source.get("name"),
                source_url=source.get("url"),
                extra={},
            )
        )
    return entries


def _eval_entries(
    data: list[Any], name: str, locations: _Where, model: str, problems: list[Problem]
) -> list[_Entry]:
    entries = []
    for place, item in enumerate(data):
        path = join_path("", place)
        if not isinstance(item, dict):
            problems.append(_at(locations, name, path, "expected an entry: dataset, value"))
            continue
        # The .eval_results form, and huggingface_hub's flat EvalResult fields.
        dataset, source = _mapping(item.get("dataset")), _mapping(item.get("source"))
        task, metric = _mapping(item.get("task")), _mapping(item.get("metric"))
        metric_text = item.get("metric") if isinstance(item.get("metric"), str) else None
        dataset_id = dataset.get("id") or dataset.get("type") or item.get("dataset_type")
        if not _text_or_none(dataset_id) and not _text_or_none(item.get("dataset_name")):
            problems.append(
                _at(
                    locations,
                    name,
                    join_path(path, "dataset"),
                    "missing the dataset: give dataset.id (a Hub dataset id)",
                )
            )
            continue
        value = item.get("value", item.get("metric_value", metric.get("value")))
        entries.append(
            _entry(
                name,
                path,
                locations,
                model,
                dataset_id=dataset_id,
                dataset_name=dataset.get("name") or item.get("dataset_name"),
                config=dataset.get("task_id")
                or dataset.get("config")
                or item.get("dataset_config"),
                config_key="task_id" if dataset.get("task_id") else "config",
                split=dataset.get("split") or item.get("dataset_split"),
                revision=dataset.get("revision") or item.get("dataset_revision"),
                args=dataset.get("args") or item.get("dataset_args"),
                task_type=task.get("type") or item.get("task_type"),
                task_name=task.get("name") or item.get("task_name"),
                metric_type=metric.get("type") or metric_text or item.get("metric_type"),
                metric_name=metric.get("name") or item.get("metric_name"),
                value=value,
                verified=item.get("verified", metric.get("verified")),
                token=item.get("verifyToken") or item.get("verify_token"),
                source_name=source.get("name") or item.get("source_name"),
                source_url=source.get("url") or item.get("source_url"),
                extra={"date": item.get("date"), "notes": item.get("notes")},
            )
        )
    return entries


def _entry(
    name: str,
    path: str,
    locations: _Where,
    model: str,
    *,
    args: Any,
    value: Any,
    verified: Any,
    token: Any,
    extra: Mapping[str, Any],
    config_key: str = "config",
    **texts: Any,
) -> _Entry:
    kept = {key: _text_or_none(text) for key, text in texts.items()}
    return _Entry(
        file=name,
        path=path,
        where=locations,
        model=model,
        args=tuple(args.items()) if isinstance(args, dict) else (),
        value=value,
        verified=verified is True,
        token=bool(token),
        extra=tuple((k, _text_or_none(v)) for k, v in extra.items() if _text_or_none(v)),
        config_key=config_key,
        **kept,
    )


# --------------------------------------------------------------------------- building


_SHOTS = re.compile(r"\s*\((\d+)[- ]shots?\)\s*$", re.IGNORECASE)

#: Categories of well-known datasets, by the last part of their id or their name.
_CATEGORIES = {
    "reasoning": (
        "ai2_arc arc arc_challenge arc_easy hellaswag winogrande piqa siqa boolq bbh"
        " big_bench_hard bigbench musr openbookqa"
    ),
    "knowledge": "mmlu mmlu_pro truthful_qa truthfulqa gpqa hle triviaqa natural_questions",
    "math": "gsm8k math competition_math math_500 aime minerva_math",
    "coding": "humaneval openai_humaneval mbpp swe_bench swe_bench_verified livecodebench",
    "reading": "drop squad squad_v2 race",
    "chat": "mt_bench alpaca_eval alpacaeval arena_hard ifeval chatbot_arena",
}
_CATEGORY_OF = {word: category for category, words in _CATEGORIES.items() for word in words.split()}


def _category(entry: _Entry) -> str:
    for text in (_last(entry.dataset_id), entry.dataset_name):
        if text:
            key = _norm(_SHOTS.sub("", text))
            if key in _CATEGORY_OF:
                return _CATEGORY_OF[key]
            if key.replace("_", "") in {k.replace("_", "") for k in _CATEGORY_OF}:
                return next(
                    v for k, v in _CATEGORY_OF.items() if k.replace("_", "") == key.replace("_", "")
                )
    for text in (entry.task_type, entry.task_name):
        if text and _norm(text) != "unknown":
            return re.sub(r"[-_]+", " ", text).strip().lower()
    return "other"


def _slug(text: str, fallback: str = "item") -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:100].strip("-")
    return slug or fallback


def _last(repo_id: str | None) -> str | None:
    return repo_id.rsplit("/", 1)[-1] if repo_id else None


def _written(value: float) -> str:
    return value.text if isinstance(value, Score) else repr(value)


def _score(value: Any) -> Score | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value):
        return None
    return value if isinstance(value, Score) else Score(str(value))


_LICENSES = {
    "mit": "MIT",
    "apache-2.0": "Apache 2.0",
    "cc-by-4.0": "CC BY 4.0",
    "cc-by-sa-4.0": "CC BY-SA 4.0",
    "cc-by-nc-4.0": "CC BY-NC 4.0",
    "bsd-3-clause": "BSD 3-Clause",
    "gpl-3.0": "GPL 3.0",
    "llama2": "Llama 2 Community License",
    "llama3": "Llama 3 Community License",
    "llama3.1": "Llama 3.1 Community License",
    "gemma": "Gemma Terms of Use",
    "openrail": "OpenRAIL",
    "openrail++": "OpenRAIL++",
}


def _benchmark_key(entry: _Entry) -> tuple[Any, ...]:
    dataset = (
        entry.dataset_id if entry.dataset_id and _norm(entry.dataset_id) != "unknown" else None
    )
    identity = _norm(dataset or _SHOTS.sub("", entry.dataset_name or ""))
    return (
        identity,
        entry.config,
        entry.split,
        entry.revision,
        _norm(entry.metric_key or ""),
        _shots(entry),
        _free(entry.args),
    )


def _shots(entry: _Entry) -> int | None:
    for key, value in entry.args:
        if key == "num_few_shot" and isinstance(value, int) and not isinstance(value, bool):
            return value
    match = _SHOTS.search(entry.dataset_name or "")
    return int(match.group(1)) if match else None


def _free(pairs: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Scalar], ...]:
    """Scalar pairs a :class:`Settings` can keep as free keys (keys made usable)."""
    kept: dict[str, Scalar] = {}
    for key, value in pairs:
        if key == "num_few_shot" or value is None:
            continue
        usable = re.sub(r"[^A-Za-z0-9_]+", "_", str(key)).strip("_")[:64]
        usable = usable if usable[:1].isalpha() else f"arg_{usable}"[:64]
        item = value if isinstance(value, (str, int, float)) else repr(value)
        if free_key_problem(usable, item) is None and usable not in kept:
            kept[usable] = item
    return tuple(kept.items())


def _build(
    cards: list[_Card], repo: str | None, scales: dict[str, Scale], files: list[str]
) -> CardImport:
    problems: list[Problem] = []
    meta: dict[str, Any] = {}
    for card in cards:
        meta.update({k: v for k, v in card.meta.items() if k not in meta})
    names: list[str] = list(dict.fromkeys(n for card in cards for n in card.models))
    entries = [e for card in cards for e in card.entries]
    repo = repo or _card_repository(entries)
    if not names:
        names = [repo.rsplit("/", 1)[-1]] if repo else list(dict.fromkeys(e.model for e in entries))
    names = names or ["model"]
    # .eval_results entries belong to the card's model when the card has only one.
    if len(names) == 1:
        entries = [attrs.evolve(e, model=names[0]) for e in entries]
    owner = repo.split("/")[0] if repo and "/" in repo else None
    developer = owner or next((n.split("/")[0] for n in names if "/" in n), None)

    sources: dict[str, Source] = {}
    card_url = f"https://huggingface.co/{repo}" if repo else None
    sources[_CARD] = Source(
        id=_CARD,
        name="Model card",
        kind=SourceKind.VENDOR,
        publisher=developer,
        title=repo,
        url=card_url,
        note="The model card's metadata (its model-index and .eval_results), as imported.",
    )

    # Models: every model-index name is launched; base models are compared ones.
    models: dict[str, Model] = {}
    model_ids: dict[str, str] = {}
    base = meta.get("base_model")
    bases = [t for t in map(_text_or_none, base if isinstance(base, list) else [base]) if t]
    specs = _specs(meta, bases)
    tag = _text_or_none(meta.get("pipeline_tag"))
    capabilities = (re.sub(r"[-_]+", " ", tag),) if tag else ()
    for model_name in names:
        model_id = _unique(_slug(_last(model_name) or model_name, "model"), models)
        model_ids[model_name] = model_id
        models[model_id] = Model(
            id=model_id,
            name=_last(model_name) or model_name,
            launched=True,
            developer=model_name.split("/")[0] if "/" in model_name else developer,
            capabilities=capabilities,
            specs=specs,
            sources=(_CARD,),
        )
    for base_name in bases:
        base_id = _unique(_slug(_last(base_name) or base_name, "base"), models)
        models[base_id] = Model(
            id=base_id,
            name=_last(base_name) or base_name,
            developer=base_name.split("/")[0] if "/" in base_name else None,
            summary=f"The base model {base_name}, as the card's base_model names it.",
            sources=(_CARD,),
        )

    # Benchmarks: one per dataset, config, split, revision, metric and shots.
    groups: dict[tuple[Any, ...], list[_Entry]] = {}
    for entry in entries:
        groups.setdefault(_benchmark_key(entry), []).append(entry)
    ids = _benchmark_ids(groups)
    used: set[str] = set()
    decisions: list[ScaleDecision] = []
    benchmarks: list[Benchmark] = []
    results: list[Result] = []
    seen: dict[tuple[str, str], _Entry] = {}
    for key, group in groups.items():
        first = group[0]
        bench_id, bench_name = ids[key]
        values: list[Score] = []
        for entry in group:
            score = _score(entry.value)
            if score is None:
                problems.append(
                    entry.problem(
                        f"the value {_shown(entry.value)} is not a number; give the number alone"
                        " (launchbrief keeps numbers only)",
                        "value",
                    )
                )
            else:
                values.append(score)
        given, matched = _given_scale(scales, first, bench_id)
        used.update(matched)
        decision = decide_scale(
            benchmark=bench_id,
            dataset=" ".join(t for t in (first.dataset_name, first.dataset_id, first.config) if t),
            metric=" ".join(t for t in (first.metric_type, first.metric_name) if t),
            values=values,
            given=given,
        )
        if isinstance(decision, str):
            if values:
                problems.append(_undecided(first, decision, values, groups))
            continue
        decisions.append(decision)
        low, high = (
            (decision.min, decision.max)
            if decision.min is not None
            else (decision.scale.bounds or (None, None))
        )
        settings = Settings(
            shots=_shots(first),
            other=tuple(
                (k, v)
                for k, v in (
                    (first.config_key, first.config),
                    ("split", first.split),
                    ("revision", first.revision),
                    ("metric", first.metric_key),
                )
                if v is not None
            )
            + _free(first.args),
        )
        benchmarks.append(
            Benchmark(
                id=bench_id,
                name=bench_name,
                category=_category(first),
                scale=decision.scale,
                direction=decision.direction,
                min=decision.min,
                max=decision.max,
                settings=settings or None,
                sources=(_CARD,),
            )
        )
        for entry in group:
            score = _score(entry.value)
            if score is None:
                continue
            if low is not None and high is not None and not low <= score <= high:
                problems.append(
                    entry.problem(
                        f"{_written(score)} is outside the {decision.scale.value} scale of"
                        f" {bench_name!r} ({low:g} to {high:g})",
                        "value",
                    )
                )
                continue
            model_id = model_ids.get(entry.model) or model_ids[names[0]]
            earlier = seen.get((bench_id, model_id))
            if earlier is not None:
                problems.append(
                    entry.problem(
                        f"a second value for {entry.model!r} on {bench_name!r} (the first is at"
                        f" {earlier.file}:{earlier.position[0]}); keep one of them",
                        "value",
                    )
                )
                continue
            seen[(bench_id, model_id)] = entry
            extra = Settings(other=entry.extra) if entry.extra else None
            results.append(
                Result(
                    benchmark=bench_id,
                    model=model_id,
                    score=score,
                    settings=extra,
                    sources=_cite(entry, sources, card_url),
                )
            )
    problems += _unused_scales(scales, used, files)
    if problems:
        raise InvalidLaunchError(_ordered(problems))

    first_name = names[0]
    launch_id = _slug(_last(first_name) or first_name, "imported-card")
    if launch_id.split(".", 1)[0] in WINDOWS_DEVICE_NAMES:
        launch_id = f"{launch_id}-model"
    shown_name = _last(first_name) or first_name
    more = f" and {len(names) - 1} more models" if len(names) > 1 else ""
    title = (
        f"{shown_name}{more}, as {'their' if more else 'its'} Hugging Face model card"
        f" describes {'them' if more else 'it'}"
    )
    licence = _license(meta)
    launch = Launch(
        id=launch_id,
        title=title,
        developer=Developer(
            name=developer or UNKNOWN_DEVELOPER, sources=(_CARD,) if developer else ()
        ),
        license=licence,
        models=tuple(models.values()),
        benchmarks=tuple(benchmarks),
        results=tuple(results),
        sources=tuple(sources.values()),
    )
    return CardImport(
        launch=launch, decisions=tuple(decisions), repository=repo, files=tuple(files)
    )


def _unique(candidate: str, taken: Mapping[str, Any]) -> str:
    number, chosen = 2, candidate
    while chosen in taken:
        chosen = f"{candidate[:90]}-{number}"
        number += 1
    return chosen


def _specs(meta: Mapping[str, Any], bases: list[Any]) -> Specs | None:
    pairs: list[tuple[str, Scalar]] = []
    for key in ("base_model", "language", "datasets", "library_name"):
        value = bases if key == "base_model" else meta.get(key)
        items = value if isinstance(value, list) else [value]
        texts = [t for t in (_text_or_none(item) for item in items) if t]
        if texts:
            pairs.append((key, ", ".join(texts)))
    return Specs(other=tuple(pairs)) if pairs else None


def _license(meta: Mapping[str, Any]) -> License | None:
    given = _text_or_none(meta.get("license"))
    if given is None:
        return None
    name = _text_or_none(meta.get("license_name")) if given == "other" else None
    url = _text_or_none(meta.get("license_link"))
    return License(name=name or _LICENSES.get(given.lower(), given), url=url, sources=(_CARD,))


def _benchmark_ids(groups: Mapping[tuple[Any, ...], list[_Entry]]) -> dict[Any, tuple[str, str]]:
    """A unique id and name per benchmark: the dataset's name and config, then what differs."""
    bases: dict[tuple[Any, ...], tuple[str, str]] = {}
    for key, group in groups.items():
        entry = group[0]
        name = _SHOTS.sub("", entry.dataset_name or "").strip() or entry.dataset_label
        slug, config = _slug(name, "benchmark"), _slug(entry.config or "", "")
        if config and config != "default":
            slug = config if config.startswith(slug) else f"{slug}-{config}"
        bases[key] = (slug[:90].strip("-"), name)
    ids: dict[Any, tuple[str, str]] = {}
    taken: set[str] = set()
    for key, (slug, name) in bases.items():
        rivals = [k for k, (other, _n) in bases.items() if other == slug]
        parts: list[str] = []
        if len(rivals) > 1:
            # Key positions: metric 4, split 2, shots 5, revision 3, other args 6.
            entry = groups[key][0]
            shown = (entry.metric_key, entry.split, _shots(entry), entry.revision)
            for place, value in zip((4, 2, 5, 3), shown, strict=True):
                if value is not None and len({rival[place] for rival in rivals}) > 1:
                    parts.append(f"{value}-shot" if place == 5 else str(value)[:16])
        chosen = _slug(" ".join([slug, *parts]))[:96].strip("-")
        chosen = _unique(chosen, dict.fromkeys(taken))
        taken.add(chosen)
        ids[key] = (chosen, f"{name} ({', '.join(parts)})" if parts else name)
    return ids


def _cite(entry: _Entry, sources: dict[str, Source], card_url: str | None) -> tuple[str, ...]:
    cited = [_CARD]
    if entry.verified:
        sources.setdefault(
            _VERIFIED,
            Source(
                id=_VERIFIED,
                name="Verified by Hugging Face",
                kind=SourceKind.INDEPENDENT,
                publisher="Hugging Face",
                note="The card marks these results verified: true (evaluated by Hugging Face);"
                " their verification tokens are not checked by launchbrief.",
            ),
        )
        cited.append(_VERIFIED)
    url, name = entry.source_url, entry.source_name
    if (url and card_url and url.rstrip("/") == card_url) or _norm(name or "") == "model_card":
        return tuple(cited)  # the card itself
    if url or name:
        label = name or _url_label(url or "")
        source_id = _slug(label, "source")
        source_id = "cited-card" if source_id in {_CARD, _VERIFIED} else source_id
        existing = sources.get(source_id)
        if existing is not None and existing.url != url:
            source_id = _unique(source_id, sources)
            existing = None
        if existing is None:
            sources[source_id] = Source(
                id=source_id,
                name=label,
                kind=SourceKind.THIRD_PARTY,
                url=url,
                note="Named by the card as where the number comes from; not checked by"
                " launchbrief.",
            )
        cited.append(source_id)
    return tuple(cited)


_MODEL_PAGE = re.compile(r"https?://huggingface\.co/([\w.-]+/[\w.-]+)/?")


def _card_repository(entries: Sequence[_Entry]) -> str | None:
    """``owner/name`` when the entries cite a "Model card" at one model page of the Hub."""
    pages = {
        match.group(1)
        for entry in entries
        if _norm(entry.source_name or "") == "model_card"
        and (match := _MODEL_PAGE.fullmatch(entry.source_url or ""))
    }
    return pages.pop() if len(pages) == 1 else None


def _url_label(url: str) -> str:
    """A short name for a page the card links without naming it: ``lmsys/mt-bench space``."""
    bare = re.sub(r"^[a-z]+://(www\.)?", "", url.strip()).split("?")[0].rstrip("/")
    host, _slash, rest = bare.partition("/")
    space = re.fullmatch(r"spaces/([^/]+/[^/]+).*", rest)
    if host == "huggingface.co" and space:
        return f"{space.group(1)} space"
    first = rest.split("/")[0]
    return f"{host}/{first}" if first else host or "linked page"


def _given_scale(
    scales: Mapping[str, Scale], entry: _Entry, bench_id: str
) -> tuple[Scale | None, list[str]]:
    """The caller's scale for this benchmark, most specific key first, and the keys it matched."""
    datasets = [
        t
        for t in (
            entry.dataset_name,
            _SHOTS.sub("", entry.dataset_name or ""),
            entry.dataset_id,
            _last(entry.dataset_id),
        )
        if t
    ]
    metrics = [t for t in (entry.metric_type, entry.metric_name) if t]
    wanted = [*(f"{d}/{m}" for d in datasets for m in metrics), bench_id, *metrics, *datasets]
    normalized = {_norm(key): key for key in scales}
    for candidate in wanted:
        key = normalized.get(_norm(candidate))
        if key is not None:
            return scales[key], [key]
    return None, []


def _unused_scales(scales: Mapping[str, Scale], used: set[str], files: list[str]) -> list[Problem]:
    return [
        Problem(
            f"{key!r} names no metric, dataset or benchmark of the card"
            " (write METRIC, DATASET/METRIC, DATASET or a benchmark id)",
            path="scales",
            file=files[0] if len(files) == 1 else None,
        )
        for key in scales
        if key not in used
    ]


def _checked_scales(scales: Mapping[str, Scale | str] | None) -> dict[str, Scale]:
    """The caller's scales as :class:`Scale` values; an unknown name is a problem."""
    checked: dict[str, Scale] = {}
    problems = []
    known = ", ".join(scale.value for scale in Scale)
    for key, value in (scales or {}).items():
        try:
            checked[key] = value if isinstance(value, Scale) else Scale(str(value).strip().lower())
        except ValueError:
            problems.append(Problem(f"{key!r}: unknown scale {value!r} (known: {known})", "scales"))
    if problems:
        raise InvalidLaunchError(problems)
    return checked


def _undecided(
    entry: _Entry,
    reason: str,
    values: Sequence[float],
    groups: Mapping[tuple[Any, ...], list[_Entry]],
) -> Problem:
    metric = entry.metric_key or entry.metric_name or entry.metric_type
    dataset = _SHOTS.sub("", entry.dataset_name or "").strip() or entry.dataset_label
    shared = (
        metric is not None
        and sum(1 for group in groups.values() if _norm(group[0].metric_key or "") == _norm(metric))
        > 1
    )
    key = f"{dataset}/{metric}" if metric and shared else metric or dataset
    shown = ", ".join(_written(v) for v in values[:3]) or "none"
    about = f"metric {metric!r}" if metric else "the metric"
    return entry.problem(
        f"cannot tell the scale of {about} on {dataset!r} (values: {shown}): {reason}; say"
        f" which with --scale '{key}=SCALE' (or scales={{{key!r}: Scale.…}} in Python),"
        f" SCALE one of {', '.join(s.value for s in Scale)}",
        "",
    )


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, Score) else value.text
    return text if len(text) <= 40 else text[:40] + "…"


def _ordered(problems: list[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.file or "", p.line or 0, p.column or 0))


# --------------------------------------------------------------------------- writing


def card_to_yaml(record: CardImport | Launch) -> str:
    """The launch as a YAML launch file a person can complete: ``# TODO`` where facts are missing.

    The text loads back to the same launch (comments aside); it names each benchmark's
    scale rule so that a person can check it.
    """
    imported = record if isinstance(record, CardImport) else CardImport(launch=record)
    launch = imported.launch
    body = dumps(launch, "yaml").splitlines()
    before: dict[str, list[str]] = {}

    def todo(key: str, *lines: str) -> None:
        before.setdefault(key, []).extend(_comment(line) for line in lines)

    if launch.developer.name == UNKNOWN_DEVELOPER:
        todo(
            "developer:",
            "TODO: who developed it? The card does not name its repository owner:",
            "  give the organization's name (and `--repository OWNER/NAME` names it on import).",
        )
    if not launch.dates:
        todo(
            "developer:",
            "TODO: when was it announced? Add the dates, each with a source:",
            "dates:",
            "  - {event: announced, date: YYYY-MM-DD, sources: [card]}",
        )
    todo("developer:", "TODO: as_of: YYYY-MM-DD  (the day you checked the card)")
    if launch.license is None:
        todo(
            "models:",
            "TODO: the card gives no license:",
            "license: {name: LICENSE NAME, open_weights: true, sources: [card]}",
        )
    elif launch.license.open_weights is None:
        todo(
            "models:", "TODO: are the weights open? Add `open_weights: true` to the license if so."
        )
    unknown = [m.name for m in launch.models if m.developer is None]
    if unknown:
        todo("models:", f"TODO: who develops {', '.join(unknown)}? Add `developer:` to each.")
    todo(
        "modes:" if launch.modes else "cohorts:" if launch.cohorts else "benchmarks:",
        "TODO: where does it ship? Add surfaces, each with a source:",
        "surfaces:",
        "  - {id: hub, name: Hugging Face, kind: hub, status: live, sources: [card]}",
    )
    todo(
        "benchmarks:",
        "Each benchmark's scale follows the rules of docs/import.md;"
        " check them, and the categories.",
    )
    rules = {decision.benchmark: decision.rule for decision in imported.decisions}
    lines = [
        "# A launch imported from a Hugging Face model card by `launchbrief import`.",
        *(_comment(f"Read from: {Path(file).name}") for file in imported.files[:5]),
        "# Complete the TODO items, then check it with `launchbrief validate`.",
    ]
    section = ""
    for line in body:
        if line[:1].isalpha():
            section = line.split(":", 1)[0]
            key = f"{section}:"
            lines += before.pop(key, [])
        if section == "benchmarks" and line.startswith("- id: "):
            bench_id = line.removeprefix("- id: ").strip("'\"")
            if bench_id in rules:
                lines.append(_comment(f"scale: {rules[bench_id]}"))
        lines.append(line)
    for rest in before.values():
        lines += rest
    return "\n".join(lines) + "\n"


#: Characters that would end a YAML comment line (or that a terminal would obey).
_NOT_IN_COMMENT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _comment(text: str) -> str:
    """``text`` as one YAML comment line: a name from the card can never start a new line."""
    return f"# {_NOT_IN_COMMENT.sub('?', text)}".rstrip()


def write_card_yaml(
    record: CardImport | Launch, target: str | os.PathLike[str], *, force: bool = False
) -> Path:
    """Write :func:`card_to_yaml` to ``target`` atomically; an existing file only with ``force``.

    Raises:
        FileExistsError: ``target`` exists and ``force`` is false (nothing is written).
        OSError: the file cannot be written (an existing one is left as it was).
    """
    path = Path(target)
    if path.is_dir():
        launch = record.launch if isinstance(record, CardImport) else record
        path = path / f"{launch.id}.yaml"
    if not force and os.path.lexists(path):
        raise FileExistsError(17, "the file exists; use --force to replace it", str(path))
    text = card_to_yaml(record)
    with _atomic.replace(path) as stream:
        stream.write(text.encode("utf-8"))
    return path
