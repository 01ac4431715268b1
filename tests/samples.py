"""Sample launches shared by several test modules (and the deck benchmark).

A bad launch text, a stress record, and the built-in launch made long: a long claim,
every text field long, a great many capabilities.
"""

from __future__ import annotations

import enum
import random
from datetime import date

import attrs

import launchbrief as lb

#: The CharXiv Reasoning leaderboard of the built-in launch, as the article gives it.
CHARXIV_LEADERBOARD = [
    (1, "Muse Spark", 86.4),
    (2, "GPT 5.4", 82.8),
    (3, "Gemini 3.1 Pro High", 80.2),
    (4, "Claude Opus 4.6 Max", 65.3),
    (5, "Grok 4.2", 60.9),
]

#: A launch file with one mistake of each common kind, each on a known line.
BAD_YAML = """\
id: bad-launch
title: A launch with mistakes
developer: {name: Acme}
schema_version: 2
models:
  - {id: alpha, name: Alpha, launched: true}
  - {id: gpt-5-4, name: GPT 5.4}
benchmarks:
  - {id: bench, name: Bench, category: reasoning, scale: percnt}
results:
  - {benchmark: bench, model: alpha, score: n/a}
  - {benchmark: bench, model: gpt5, score: 80.2}
  - benchmark: bench
    model: gpt-5-4
    scroe: 12
surfaces:
  - {id: app, kind: app, status: live}
"""


def _name(stem: str, length: int = 60) -> str:
    """A name of exactly ``length`` characters that starts with ``stem``."""
    filler = " Extended Reasoning Multimodal Preview Edition Large Context Ultra"
    text = (stem + filler * 3)[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def stress_launch() -> lb.Launch:
    """A launch sized to break layouts: 60-character names, 12 models (one launched), 20 benchmarks.

    Also 15 surfaces, 10 safety findings, 14 insights, 8 sources, 4 modes; two
    benchmarks known only in words, two with a single score, one Elo, one lower-is-better.
    """
    sources = tuple(
        lb.Source(
            id=f"source-{n}",
            name=f"Source {n}: {'Vendor launch blog' if n < 3 else 'Independent evaluation report'}",
            kind=lb.SourceKind.VENDOR if n < 3 else lb.SourceKind.THIRD_PARTY,
            publisher=f"Publisher number {n}",
            title=f"A long report title for source {n} about the launch and its benchmark results",
            url=f"https://example.org/reports/{n}/launch-briefing-with-a-long-path",
            note="Covers benchmarks, rollout and safety at length. " * (1 + n % 3),
        )
        for n in range(8)
    )
    refs = ("source-0", "source-3")
    launched = lb.Model(
        id="model-0",
        name=_name("Model 00"),
        developer="Lab 0",
        launched=True,
        summary="A model built to test layouts. " * 8,
        modalities=("text", "images", "audio", "video"),
        capabilities=tuple(f"capability number {n} with a descriptive name" for n in range(8)),
        powers=("Assistant app", "Developer platform"),
        predecessor="Model 00 previous generation",
        sources=refs,
    )
    rivals = tuple(
        lb.Model(id=f"model-{n}", name=_name(f"Model {n:02d}"), developer=f"Lab {n}", sources=refs)
        for n in range(1, 12)
    )
    models = (launched, *rivals)
    categories = ("multimodal", "reasoning", "coding", "agentic long-horizon tool use", "health")
    scales = (lb.Scale.PERCENT, lb.Scale.PERCENT, lb.Scale.FRACTION, lb.Scale.PERCENT)
    benchmarks = tuple(
        lb.Benchmark(
            id=f"bench-{n}",
            name=f"Benchmark {n:02d} {'Hard Subset' if n % 2 else 'Verified'}",
            category=categories[n % len(categories)],
            scale=lb.Scale.ELO if n == 19 else scales[n % len(scales)],
            direction=lb.Direction.LOWER if n == 7 else lb.Direction.HIGHER,
            sources=refs,
        )
        for n in range(20)
    )
    results: list[lb.Result] = []
    for benchmark_number, benchmark in enumerate(benchmarks):
        if benchmark_number in (4, 9):  # known only in words
            results.append(
                lb.Result(
                    benchmark=benchmark.id,
                    model="model-0",
                    comparisons=(
                        lb.Comparison(relation=lb.Relation.TRAILS, versus=("model-1", "model-2")),
                    ),
                    claim="trails the two strongest rivals on this benchmark by a wide margin, says the vendor",
                    sources=refs,
                )
            )
            continue
        scored = models[:1] if benchmark_number in (13, 17) else models
        for model_number, model in enumerate(scored):
            if benchmark.scale is lb.Scale.ELO:
                score = 1200.0 + (model_number * 37 + benchmark_number * 11) % 300
            else:
                score = round(
                    5
                    + (model_number * 37 + benchmark_number * 11) % 95
                    + 0.1 * (model_number % 10),
                    1,
                )
                if benchmark_number == 0 and model_number == 0:
                    score = 100.0
                if benchmark.scale is lb.Scale.FRACTION:
                    score = round(score / 100, 3)
            results.append(
                lb.Result(benchmark=benchmark.id, model=model.id, score=score, sources=refs)
            )
    statuses = list(lb.RolloutStatus)
    surfaces = tuple(
        lb.Surface(
            id=f"surface-{n}",
            name=_name(f"Surface {n:02d}", 40),
            kind=list(lb.SurfaceKind)[n % len(lb.SurfaceKind)],
            status=statuses[n % len(statuses)],
            audience="enterprise customers in selected regions" if n % 3 == 0 else None,
            timing=None
            if n % 4 == 0
            else "over the coming weeks, region by region, starting with the US",
            sources=refs,
        )
        for n in range(15)
    )
    safety = tuple(
        lb.SafetyFinding(
            id=f"finding-{n}",
            title=f"Finding {n:02d}: behaviour under adversarial evaluation in a high-risk domain",
            evaluator=f"Evaluator organisation {n}",
            evaluation=lb.Evaluation.INTERNAL if n % 2 else lb.Evaluation.THIRD_PARTY,
            framework="Frontier safety framework (revised edition)" if n % 3 else None,
            domain="cybersecurity and autonomous replication",
            outcome="remained within the thresholds the framework sets, with caveats on coverage",
            release_blocker=(True, False, None)[n % 3],
            detail=(
                "The evaluator notes the model sometimes recognised the test setting. " * (n % 3)
            )
            or None,
            sources=refs,
        )
        for n in range(10)
    )
    kinds = list(lb.InsightKind)
    insights = tuple(
        lb.Insight(
            id=f"insight-{n}",
            kind=kinds[n % len(kinds)],
            text=f"Insight {n}: "
            + "the launch shifts the competitive picture in ways that matter. " * (2 + n % 3),
            sources=refs,
        )
        for n in range(14)
    )
    return lb.Launch(
        id="stress-test",
        title="A launch whose every collection is as large as a real briefing allows, and then some",
        developer=lb.Developer(
            name="Stress Laboratories", division="Frontier Systems Division", sources=refs
        ),
        as_of=date(2026, 11, 30),
        summary="The launch in brief: "
        + "a long summary of what was announced and why it matters. " * 6,
        modes=tuple(
            lb.Mode(
                id=f"mode-{n}",
                name=f"Mode {n} with a longer name",
                order=n,
                description="A reasoning mode that trades speed for depth. " * 2,
                status=statuses[n % len(statuses)],
                timing="rolling out gradually to all users" if n % 2 else None,
                sources=refs,
            )
            for n in range(1, 5)
        ),
        surfaces=surfaces,
        models=models,
        benchmarks=benchmarks,
        results=tuple(results),
        safety=safety,
        use_cases=tuple(
            lb.UseCase(
                id=f"use-{n}",
                title=f"Use case {n}",
                description="Doing something useful. " * 2,
                sources=refs,
            )
            for n in range(5)
        ),
        insights=insights,
        sources=sources,
    )


def words(length: int, seed: int = 1) -> str:
    """Lowercase words of 2 to 11 letters, ``length`` characters in all."""
    rnd = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < length:
        word = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 11)))
        out.append(word)
        total += len(word) + 1
    return " ".join(out)[:length].strip()


def long_claim(length: int) -> lb.Launch:
    """The built-in launch whose ARC AGI 2 claim (a verdict known only in words) is ``length`` long."""
    launch = lb.load("muse-spark")
    results = tuple(
        attrs.evolve(result, claim=words(length)) if result.benchmark == "arc-agi-2" else result
        for result in launch.results
    )
    return attrs.evolve(launch, results=results)


def long_everything(length: int) -> lb.Launch:
    """The built-in launch with every text field (names, titles, claims, notes) ``length`` long."""
    count = 0

    def long(_text: str) -> str:
        nonlocal count
        count += 1
        return words(length, seed=count)

    def walk(value: object) -> object:
        if isinstance(value, tuple):
            return tuple(walk(item) for item in value)
        if not attrs.has(type(value)):
            return value
        changes: dict[str, object] = {}
        for field in attrs.fields(type(value)):
            item = getattr(value, field.name)
            if field.name in {"id", "benchmark", "model", "mode", "cohort", "sources", "versus"}:
                continue
            if isinstance(item, enum.Enum):  # a StrEnum is a str, but not free text
                continue
            if isinstance(item, str):
                changes[field.name] = long(item)
            elif isinstance(item, tuple) and item and all(isinstance(x, str) for x in item):
                changes[field.name] = tuple(long(x) for x in item)
            elif isinstance(item, tuple) or attrs.has(type(item)):
                changes[field.name] = walk(item)
        return attrs.evolve(value, **changes)

    launch = walk(lb.load("muse-spark"))
    assert isinstance(launch, lb.Launch)
    return launch


def many_capabilities(count: int) -> lb.Launch:
    """The built-in launch whose launched model lists ``count`` capabilities."""
    launch = lb.load("muse-spark")
    capabilities = tuple(f"capability number {n}" for n in range(count))
    models = tuple(
        attrs.evolve(model, capabilities=capabilities) if model.launched else model
        for model in launch.models
    )
    return attrs.evolve(launch, models=models)


def facts(launch: lb.Launch) -> tuple[object, ...]:
    """What a launch states, apart from its wording: models, statuses, benchmarks, every result.

    Two versions of one record with the same facts and edited prose (a spelling, a source's
    note) give equal facts.
    """
    return (
        launch.id,
        tuple((m.id, m.name, m.variant, m.launched, m.sources) for m in launch.models),
        tuple((m.id, m.order, m.status, m.sources) for m in launch.modes),
        tuple((s.id, s.kind, s.status, s.timing, s.sources) for s in launch.surfaces),
        tuple((b.id, b.category, b.scale, b.direction) for b in launch.benchmarks),
        tuple(
            (r.benchmark, r.model, r.cohort, r.mode, r.score, r.comparisons, r.sources)
            for r in launch.results
        ),
        tuple((f.id, f.evaluation, f.release_blocker, f.sources) for f in launch.safety),
        tuple((s.id, s.kind, s.url) for s in launch.sources),
        launch.announced,
        launch.as_of,
    )


def family_launch(models: int = 22, benchmarks: int = 60, cohorts: int = 3) -> lb.Launch:
    """A family launch: ``models`` launched models and six rivals, ``benchmarks`` benchmarks in
    six categories, results in ``cohorts`` cohorts with their own settings.

    Scales mix percent, fraction (down to 0.0007), MT-Bench-style points out of 10, Elo
    and a lower-is-better error rate; some results are only in words (a rival's too),
    some launched numbers have no rival's, and two leaderboards mix settings.
    """
    rng = random.Random(22)
    source = lb.Source(id="report", name="Technical report", kind=lb.SourceKind.VENDOR)
    press = lb.Source(id="press", name="Trade press", kind=lb.SourceKind.PRESS)
    sizes = [1, 2, 3, 4, 7, 8, 9, 12, 14, 20, 24, 27, 32, 40, 56, 70, 90, 110, 180, 235, 400, 671]
    launched = [
        lb.Model(
            id=f"nova-{n}",
            name=f"Nova {sizes[n % len(sizes)]}B" + ("" if n < len(sizes) else f" r{n}"),
            launched=True,
            family="Nova",
            specs=lb.Specs(parameters=sizes[n % len(sizes)] * 1e9, context_window=131072),
            sources=("report",),
        )
        for n in range(models)
    ]
    rivals = [
        lb.Model(
            id=f"rival-{n}", name=f"Rival {chr(65 + n)}", developer="Other Lab", sources=("report",)
        )
        for n in range(6)
    ]
    categories = ["reasoning", "coding", "math", "multimodal", "multilingual", "agentic"]
    scales = [
        (lb.Scale.PERCENT, lb.Direction.HIGHER, None, None),
        (lb.Scale.FRACTION, lb.Direction.HIGHER, None, None),
        (lb.Scale.POINTS, lb.Direction.HIGHER, 0.0, 10.0),
        (lb.Scale.ELO, lb.Direction.HIGHER, None, None),
        (lb.Scale.PERCENT, lb.Direction.LOWER, None, None),
    ]
    marks = []
    for n in range(benchmarks):
        scale, direction, low, high = scales[n % len(scales)] if n % 3 == 0 else scales[0]
        marks.append(
            lb.Benchmark(
                id=f"bench-{n}",
                name=f"Bench {n} {categories[n % 6].title()}",
                category=categories[n % 6],
                scale=scale,
                direction=direction,
                min=low,
                max=high,
                sources=("report",),
            )
        )
    groups = [
        lb.Cohort(
            id=f"cohort-{c}",
            name=["Pretrained", "Instruction-tuned", "Distilled"][c % 3]
            + (f" {c}" if c >= 3 else ""),
            settings=lb.Settings(shots=[5, 0, 3][c % 3]),
            sources=("report",),
        )
        for c in range(cohorts)
    ]

    def value(benchmark: lb.Benchmark) -> float:
        if benchmark.scale is lb.Scale.FRACTION:
            return lb.Score(f"{rng.uniform(0.0002, 0.9):.4f}")
        if benchmark.scale is lb.Scale.POINTS:
            return lb.Score(f"{rng.uniform(5, 9.6):.2f}")
        if benchmark.scale is lb.Scale.ELO:
            return lb.Score(f"{rng.randint(1100, 1400)}")
        return lb.Score(f"{rng.uniform(10, 95):.1f}")

    results = []
    for c, cohort in enumerate(groups):
        for b, benchmark in enumerate(marks):
            for m, model in enumerate(launched):
                if (m + b + c) % 4 == 0:
                    continue
                results.append(
                    lb.Result(
                        benchmark=benchmark.id,
                        model=model.id,
                        cohort=cohort.id,
                        score=value(benchmark),
                        sources=("report",),
                    )
                )
            if b % 7 == 3:
                continue  # launched numbers only: nothing to rank against
            for r, rival in enumerate(rivals):
                if (r + b) % 3 == 0:
                    continue
                settings = lb.Settings(shots=8) if b % 17 == 1 and r == 1 else None
                results.append(
                    lb.Result(
                        benchmark=benchmark.id,
                        model=rival.id,
                        cohort=cohort.id,
                        score=value(benchmark),
                        settings=settings,
                        sources=("report",),
                    )
                )
    # Results only in words: a launched model's comparison and a rival's own claim.
    words = lb.Benchmark(
        id="words-only", name="Long-horizon agent tasks", category="agentic", sources=("press",)
    )
    marks.append(words)
    results.append(
        lb.Result(
            benchmark="words-only",
            model=launched[-1].id,
            comparisons=(lb.Comparison(relation=lb.Relation.TRAILS, versus=(rivals[0].id,)),),
            claim="behind Rival A on long-horizon agent tasks",
            sources=("press",),
        )
    )
    results.append(
        lb.Result(
            benchmark="words-only",
            model=rivals[1].id,
            claim="no agent support yet",
            sources=("press",),
        )
    )
    launch = lb.Launch(
        id="nova-family",
        title="Nova Labs releases the Nova family",
        developer=lb.Developer(name="Nova Labs"),
        as_of=date(2026, 11, 30),
        summary="Nova Labs releases 22 open models from 1B to 671B parameters.",
        license=lb.License(name="Nova Open License", open_weights=True, sources=("report",)),
        models=(*launched, *rivals),
        modes=(
            lb.Mode(
                id="fast", name="Fast", order=1, status=lb.RolloutStatus.LIVE, sources=("report",)
            ),
            lb.Mode(
                id="deep",
                name="Deep",
                order=2,
                status=lb.RolloutStatus.PLANNED,
                timing="later this year",
                sources=("report",),
            ),
        ),
        surfaces=tuple(
            lb.Surface(
                id=f"surface-{n}",
                name=f"Surface {n}",
                kind=lb.SurfaceKind.HUB if n % 2 else lb.SurfaceKind.CLOUD,
                status=[lb.RolloutStatus.LIVE, lb.RolloutStatus.PREVIEW, lb.RolloutStatus.PLANNED][
                    n % 3
                ],
                sources=("report",),
            )
            for n in range(14)
        ),
        cohorts=tuple(groups),
        benchmarks=tuple(marks),
        results=tuple(results),
        safety=(
            lb.SafetyFinding(
                id="internal",
                title="Within internal thresholds",
                evaluator="Nova Labs",
                evaluation=lb.Evaluation.INTERNAL,
                sources=("report",),
            ),
            lb.SafetyFinding(
                id="outside",
                title="Jailbreak resistance below peers",
                evaluator="Red Team Co",
                evaluation=lb.Evaluation.THIRD_PARTY,
                release_blocker=False,
                sources=("press",),
            ),
        ),
        insights=tuple(
            lb.Insight(
                id=f"insight-{n}",
                kind=kind,
                text=f"Insight {n}: " + words_text,
                sources=("report",),
            )
            for n, (kind, words_text) in enumerate(
                [
                    (lb.InsightKind.STRENGTH, "the widest open family at release."),
                    (lb.InsightKind.WEAKNESS, "the small models trail rivals on math."),
                    (lb.InsightKind.RISK, "every number is the vendor's own."),
                    (lb.InsightKind.STRATEGY, "open weights to win developers."),
                    (
                        lb.InsightKind.TAKEAWAY,
                        "A broad open family that leads on reasoning and trails on math.",
                    ),
                ]
            )
        ),
        sources=(source, press),
    )
    return launch
