"""Tests for launchbrief._reproducible: pinned times and normalised zip archives."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest

from launchbrief import _reproducible
from launchbrief.exceptions import ExportError


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


@pytest.mark.parametrize(
    "value", ["yesterday", "abc", "1.5", "1e9", "1_000", "+5", "٣", "0x10", "-"]
)
def test_document_time_refuses_a_malformed_epoch(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """A SOURCE_DATE_EPOCH that is not a whole number of seconds is an ExportError naming it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ExportError) as caught:
        _reproducible.document_time()
    assert f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value!r}" == str(
        caught.value
    )


@pytest.mark.parametrize(
    "value", ["4354819200", "99999999999", "1" + "0" * 30, "9" * 5000, "0004354819200"]
)
def test_document_time_refuses_an_epoch_after_2107(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """A SOURCE_DATE_EPOCH after 2107-12-31, the last zip date, is an ExportError, not a crash."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ExportError, match=r"is after 2107-12-31, the last date a zip archive"):
        _reproducible.document_time()


def test_document_time_takes_the_last_second_of_2107(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last second a zip archive can hold is accepted and normalises a zip without error."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4354819199")
    assert datetime(2107, 12, 31, 23, 59, 59) == _reproducible.document_time()
    result = zipfile.ZipFile(
        io.BytesIO(_reproducible.normalize_zip(_zip({"a": b"a"}, (2024, 1, 1, 0, 0, 0))))
    )
    assert (2107, 12, 31, 23, 59, 58) == result.infolist()[0].date_time


@pytest.mark.parametrize(
    "value", ["0", "315532799", "-1", "-99999999999", "-" + "9" * 5000, " 42 "]
)
def test_document_time_raises_early_epochs_to_1980(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """Zip archives start in 1980: an earlier or negative SOURCE_DATE_EPOCH becomes 1980-01-01."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert datetime(1980, 1, 1) == _reproducible.document_time()


def test_document_time_ignores_an_empty_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty or blank SOURCE_DATE_EPOCH counts as unset."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "  ")
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
