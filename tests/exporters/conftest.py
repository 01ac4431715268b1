"""Fixtures the exporter tests share: the built-in launch and its workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

import launchbrief
from launchbrief.exporters.xlsx import XlsxExporter
from launchbrief.model import Launch


@pytest.fixture(scope="module")
def launch() -> Launch:
    """The built-in launch."""
    return launchbrief.load("muse-spark")


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory, launch: Launch) -> Path:
    """The built-in launch's workbook, as the xlsx exporter writes it."""
    path = tmp_path_factory.mktemp("workbook") / "muse-spark.xlsx"
    XlsxExporter().export(launch, path)
    return path
