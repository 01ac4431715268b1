"""Byte-identical output: a pinned document time and zip archives with fixed entry times."""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from io import BytesIO

__all__ = ["document_time", "normalize_zip"]

#: The time written into documents when ``SOURCE_DATE_EPOCH`` is not set.
DEFAULT_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def document_time() -> datetime:
    """The creation time to stamp into documents: ``SOURCE_DATE_EPOCH`` if set, else a fixed one.

    Returned as a naive UTC datetime, as openpyxl and python-pptx expect.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = DEFAULT_EPOCH
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            moment = DEFAULT_EPOCH
    # Zip entry times cannot go before 1980.
    moment = max(moment, datetime(1980, 1, 1, tzinfo=UTC))
    return moment.replace(tzinfo=None)


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
