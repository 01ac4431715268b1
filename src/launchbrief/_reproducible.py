"""Byte-identical output: a pinned document time and zip archives with fixed entry times."""

from __future__ import annotations

import os
import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO

from launchbrief.exceptions import ExportError

__all__ = ["document_time", "normalize_zip"]

#: The time written into documents when ``SOURCE_DATE_EPOCH`` is not set.
DEFAULT_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)

# Zip entry times run from 1980-01-01 to 2107-12-31 (a 7-bit year since 1980).
_FIRST_ZIP_TIME = datetime(1980, 1, 1, tzinfo=UTC)
_FIRST_SECOND = int(_FIRST_ZIP_TIME.timestamp())
_LAST_SECOND = int(datetime(2108, 1, 1, tzinfo=UTC).timestamp()) - 1


def document_time() -> datetime:
    """The creation time to stamp into documents: ``SOURCE_DATE_EPOCH`` if set, else a fixed one.

    Returned as a naive UTC datetime, as openpyxl and python-pptx expect. Zip
    archives hold times from 1980 to 2107: an earlier ``SOURCE_DATE_EPOCH`` (a
    negative one too) is raised to 1980-01-01, a later one is an error.

    Raises:
        ExportError: ``SOURCE_DATE_EPOCH`` is not a whole number of seconds, or is
            after 2107-12-31.
    """
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return DEFAULT_EPOCH.replace(tzinfo=None)
    shown = text if len(text) <= 40 else text[:40] + "…"
    # ASCII digits only, as `date +%s` writes them: int() would also take "1_000" or "٣".
    match = re.fullmatch(r"(-?)0*([0-9]+)", text, flags=re.ASCII)
    if match is None:
        raise ExportError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {shown!r}"
        )
    negative, digits = match.groups()
    if negative:
        return _FIRST_ZIP_TIME.replace(tzinfo=None)
    # Count the digits before converting: int() refuses numbers over 4,300 digits.
    if len(digits) > len(str(_LAST_SECOND)) or int(digits) > _LAST_SECOND:
        raise ExportError(
            f"SOURCE_DATE_EPOCH={shown} is after 2107-12-31, the last date a zip archive can hold"
        )
    seconds = max(int(digits), _FIRST_SECOND)
    return datetime.fromtimestamp(seconds, tz=UTC).replace(tzinfo=None)


def normalize_zip(data: bytes) -> bytes:
    """Re-pack a zip archive (an .xlsx or .pptx) with every entry time set to ``document_time()``.

    Entry order, names and contents are kept; compression is deflate throughout,
    so two runs over the same content give the same bytes.
    """
    stamp = document_time().timetuple()[:6]
    output = BytesIO()
    with (
        zipfile.ZipFile(BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()
