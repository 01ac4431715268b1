"""The built-in real launches: every number is the one its source prints, and every claim cites one.

For each launch, ``tests/data/datasets/<id>-numbers.csv`` lists every score of the record
with the table (or figure, or card section) it is printed in, as the record's author read it
from the developer's own technical report or model card. The record must hold exactly those
numbers, written as printed ("66.0" stays "66.0"), and nothing else.
"""

from __future__ import annotations

import csv
from pathlib import Path

import attrs
import pytest

import launchbrief as lb
from launchbrief.model import written

NUMBERS = Path(__file__).parent / "data" / "datasets"
#: The real launches written from their developers' primary sources (Muse Spark is the
#: built-in record of an article, tested in test_dataset.py).
REAL = sorted(path.name.removesuffix("-numbers.csv") for path in NUMBERS.glob("*-numbers.csv"))


def _numbers(launch_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(benchmark, model, cohort) -> (score as printed, where it is printed)."""
    with (NUMBERS / f"{launch_id}-numbers.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    table = {(r["benchmark"], r["model"], r["cohort"]): (r["score"], r["printed in"]) for r in rows}
    assert len(table) == len(rows), f"{launch_id}: a number is listed twice"
    return table


@pytest.fixture(scope="module", params=REAL)
def real(request: pytest.FixtureRequest) -> lb.Launch:
    """One built-in real launch."""
    launch: lb.Launch = lb.load(request.param)
    return launch


def test_the_real_launches_are_built_in() -> None:
    """Three real launches ship beside Muse Spark, which stays the default."""
    assert len(REAL) >= 2
    assert set(REAL) < set(lb.datasets())
    assert "muse-spark" in lb.datasets()


def test_every_number_is_the_one_its_source_prints(real: lb.Launch) -> None:
    """The record's scores are exactly the listed numbers, written as printed, each with its table."""
    listed = _numbers(real.id)
    recorded = {
        (r.benchmark, r.model, r.cohort or ""): written(r.score)
        for r in real.results
        if r.score is not None
    }
    assert {key: score for key, (score, _where) in listed.items()} == recorded
    assert all(where.strip() for _score, where in listed.values())


def test_every_claim_cites_a_source_a_reader_can_open(real: lb.Launch) -> None:
    """Every record that states a fact cites a source, and every source has a link."""
    assert all(source.url and source.url.startswith("https://") for source in real.sources)
    cited = [
        real.developer,
        *real.dates,
        *([real.license] if real.license else []),
        *real.models,
        *real.cohorts,
        *real.benchmarks,
        *real.results,
        *real.surfaces,
        *real.safety,
        *real.use_cases,
        *real.insights,
    ]
    uncited = [record for record in cited if not record.sources]
    assert [] == uncited


def test_a_family_or_a_launched_model_with_specs_and_a_licence(real: lb.Launch) -> None:
    """Each real launch says what it released: launched models with specs, under a licence."""
    assert real.launched
    assert real.license is not None or all(m.license for m in real.launched)
    assert any(model.specs for model in real.launched)
    assert real.cohorts, "results come in tables, each with its settings"
    assert all(result.cohort for result in real.results)


def test_between_them_the_launches_show_what_real_launches_need() -> None:
    """A family of launched models, base and instruct cohorts with settings, a bounded or
    lower-is-better scale: all in the real launches together."""
    launches = [lb.load(name) for name in REAL]
    assert any(len(launch.launched) > 1 for launch in launches)
    assert any(any(c.settings for c in launch.cohorts) for launch in launches)
    assert any(
        any(b.direction is lb.Direction.LOWER or b.bounds is not None for b in launch.benchmarks)
        for launch in launches
    )


def test_a_real_launch_dumps_and_loads_back_with_its_numbers_as_printed(
    real: lb.Launch, tmp_path: Path
) -> None:
    """YAML, JSON and TOML dumps load back equal, every score written as the source printed it."""
    for fmt in ("yaml", "json", "toml"):
        back = lb.loads(lb.dumps(real, fmt), fmt)
        assert real == back
        assert [written(r.score) for r in back.results if r.score is not None] == [
            written(r.score) for r in real.results if r.score is not None
        ]


def test_no_rival_is_said_to_be_beaten_by_a_lone_number(real: lb.Launch) -> None:
    """On a leaderboard without a rival's number, no launched model is ranked or leads."""
    for board in lb.leaderboards(real):
        if not board.contested:
            assert all(standing.rank is None for standing in board.standings)
    for verdict in lb.scorecard(real).leads:
        assert verdict.versus
        assert all(not model.launched for model in verdict.versus)


def test_records_are_frozen_values(real: lb.Launch) -> None:
    """The built-in record is an immutable value: loading it twice gives equal records."""
    assert real == lb.load(real.id)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        real.title = "changed"  # type: ignore[misc]
