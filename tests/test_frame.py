"""to_frame: the tidy results table as a pandas DataFrame with nullable, typed columns."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given

import launchbrief as lb
from launchbrief import MissingDependencyError, to_frame
from launchbrief.tables import RESULT_COLUMN_NAMES, RESULT_COLUMNS, result_rows
from tests import strategies

ASTER = Path(__file__).resolve().parents[2] / "shared" / "data" / "aster-2.yaml"
BUILT_IN = ("muse-spark", "gemma-3", "phi-4", "olmo-2")

EXPECTED_DTYPES = {
    "launch": "string",
    "as_of": "datetime64[s]",
    "benchmark": "string",
    "benchmark_name": "string",
    "category": "string",
    "cohort": "string",
    "cohort_name": "string",
    "model": "string",
    "model_name": "string",
    "developer": "string",
    "launched": "boolean",
    "mode": "string",
    "score": "float64",
    "scale": "category",
    "direction": "category",
    "rank": "Int64",
    "entries": "Int64",
    "gap": "float64",
    "standing": "category",
    "comparison": "string",
    "claim": "string",
    "quoted": "boolean",
    "settings": "string",
    "comparability": "string",
    "vendor_only": "boolean",
    "source_ids": "string",
    "provenance": "string",
}


@pytest.fixture(scope="module")
def launches() -> list[lb.Launch]:
    """The four built-in launches and the illustrative schema-2 record."""
    return [*(lb.load(name) for name in BUILT_IN), lb.load(ASTER)]


def _dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def test_dtypes_of_one_launch() -> None:
    """Each column has its documented dtype: Int64 ranks, float64 scores, boolean flags, categories."""
    frame = to_frame(lb.load("muse-spark"))
    assert list(RESULT_COLUMN_NAMES) == list(frame.columns)
    assert EXPECTED_DTYPES == _dtypes(frame)
    assert isinstance(frame.index, pd.RangeIndex)


def test_categories_are_every_code_in_order() -> None:
    """A code column's categories are all its codes, in enum order, used or not."""
    frame = to_frame(lb.load("muse-spark"))
    assert [s.value for s in lb.Scale] == list(frame["scale"].cat.categories)
    assert ["higher", "lower"] == list(frame["direction"].cat.categories)
    assert ["ranked", "no_rival_numbers", "in_words_only"] == list(frame["standing"].cat.categories)


def test_stacked_launches_count_and_unranked_is_na(launches: list[lb.Launch]) -> None:
    """Several launches stack into one frame of every result; an unranked rank is <NA>, not NaN."""
    frame = to_frame(launches)
    assert sum(len(launch.results) for launch in launches) == len(frame)
    assert EXPECTED_DTYPES == _dtypes(frame)
    counts = frame.groupby("launch", sort=False, observed=True).size()
    assert {launch.id: len(launch.results) for launch in launches} == counts.to_dict()
    unranked = frame[frame["standing"] != "ranked"]
    assert len(unranked) > 0
    assert unranked["rank"].isna().all()
    assert all(value is pd.NA for value in unranked["rank"])
    ranked = frame[frame["standing"] == "ranked"]
    assert (ranked["rank"] >= 1).all()


def test_values_equal_the_table(launches: list[lb.Launch]) -> None:
    """Every cell equals the tidy table's value; empty values are missing in the frame."""
    frame = to_frame(launches)
    rows = result_rows(launches)
    for column in RESULT_COLUMNS:
        series = frame[column.name]
        for value, cell in zip((row[column.name] for row in rows), series, strict=True):
            if value is None:
                assert pd.isna(cell), column.name
            elif column.name == "as_of":
                assert pd.Timestamp(value) == cell
            else:
                assert value == cell, column.name


def test_as_of_is_a_midnight_timestamp() -> None:
    """as_of is datetime64 at midnight of the record's date."""
    frame = to_frame(lb.load(ASTER))  # as_of: 2026-03-10
    assert {pd.Timestamp(2026, 3, 10)} == set(frame["as_of"])


def test_empty_input_keeps_the_columns_and_dtypes() -> None:
    """No launches, or a launch without results, give an empty frame with every column typed."""
    empty = lb.Launch(
        id="empty",
        title="Empty",
        developer=lb.Developer(name="Lab"),
        models=(lb.Model(id="m", name="M", launched=True),),
    )
    for frame in (to_frame([]), to_frame(empty)):
        assert 0 == len(frame)
        assert EXPECTED_DTYPES == _dtypes(frame)


def test_frames_concatenate_without_losing_dtypes() -> None:
    """Frames of separate calls concatenate into the dtypes of one call."""
    first, second = lb.load("muse-spark"), lb.load("phi-4")
    joined = pd.concat([to_frame(first), to_frame(second)], ignore_index=True)
    assert EXPECTED_DTYPES == _dtypes(joined)
    pd.testing.assert_frame_equal(to_frame([first, second]), joined)


def test_missing_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frame raises a LaunchbriefError (an ImportError too) naming the extra."""
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(
        MissingDependencyError, match=r"pip install 'launchbrief\[pandas\]'"
    ) as info:
        to_frame(lb.load("muse-spark"))
    assert isinstance(info.value, lb.LaunchbriefError)
    assert isinstance(info.value, ImportError)


def test_importing_the_module_does_not_import_pandas() -> None:
    """pandas is imported when to_frame runs, not when launchbrief._frame is imported."""
    code = "import sys, launchbrief._frame; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "False" == done.stdout.strip()


@given(strategies.launches())
def test_any_launch_gives_the_documented_dtypes(launch: lb.Launch) -> None:
    """For any valid launch: a row per result, the documented dtypes, ranks only where ranked."""
    frame = to_frame(launch)
    assert len(launch.results) == len(frame)
    assert EXPECTED_DTYPES == _dtypes(frame)
    assert (frame["rank"].notna() == (frame["standing"] == "ranked")).all()
