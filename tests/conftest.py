"""Shared test set-up: Hypothesis profiles and the ``office`` marker.

Hypothesis profiles:

- ``dev`` (default): quick runs while editing;
- ``ci``: sized for CI (loaded automatically when ``CI=true``);
- ``deep``: long runs that hunt for rare failures (``HYPOTHESIS_PROFILE=deep``).

Tests marked ``@pytest.mark.office`` convert files with LibreOffice. Without
``soffice`` on PATH they are skipped on a developer machine, but they FAIL under
``CI=true``, so that CI can never pass them silently.
"""

from __future__ import annotations

import os
import shutil

import pytest
from hypothesis import HealthCheck, settings

_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}

settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("ci" if _CI else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def office_available() -> bool:
    """Whether LibreOffice's ``soffice`` is on PATH."""
    return shutil.which("soffice") is not None


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip (or, under CI=true, fail) office tests when LibreOffice is missing."""
    if item.get_closest_marker("office") is None or office_available():
        return
    if _CI:
        pytest.fail("LibreOffice (soffice) is not on PATH, and CI=true requires it", pytrace=False)
    pytest.skip("LibreOffice (soffice) is not on PATH")
