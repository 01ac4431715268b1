"""Tests for launchbrief._reproducible: pinned times and normalised zip archives."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest

from launchbrief import _reproducible


def _zip(entries: dict[str, bytes], when: tuple[int, int, int, int, int, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data)
    return buffer.getvalue()


def test_document_time_is_fixed_without_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without SOURCE_DATE_EPOCH the document time is the fixed default."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert datetime(2000, 1, 1) == _reproducible.document_time()


def test_document_time_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """SOURCE_DATE_EPOCH sets the document time, as a naive UTC datetime."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert datetime(2026, 1, 1) == _reproducible.document_time()


def test_document_time_ignores_a_malformed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """A SOURCE_DATE_EPOCH that is not a number falls back to the default."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert datetime(2000, 1, 1) == _reproducible.document_time()


def test_normalize_zip_makes_archives_from_different_times_identical(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two archives that differ only in entry times normalise to the same bytes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    entries = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    first = _zip(entries, (2024, 5, 6, 7, 8, 10))
    second = _zip(entries, (2025, 1, 2, 3, 4, 6))
    assert first != second
    assert _reproducible.normalize_zip(first) == _reproducible.normalize_zip(second)


def test_normalize_zip_keeps_names_order_and_contents() -> None:
    """Normalising keeps every entry, in order, with the same bytes."""
    entries = {"b.xml": b"<b/>", "a.xml": b"<a/>" * 100}
    result = zipfile.ZipFile(
        io.BytesIO(_reproducible.normalize_zip(_zip(entries, (2024, 1, 1, 0, 0, 0))))
    )
    assert list(entries) == result.namelist()
    assert entries == {name: result.read(name) for name in result.namelist()}
    assert {(2000, 1, 1, 0, 0, 0)} == {info.date_time for info in result.infolist()}
