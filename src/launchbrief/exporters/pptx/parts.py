"""The package around the slides: O(1) part naming, and metadata pinned for the same bytes.

python-pptx finds a new part's name by walking the whole package; :func:`linear_parts`
makes that constant time while a deck is built. The document properties and the
workbooks embedded in charts get fixed times, so that the same record gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter, _ZipPkgWriter
from pptx.util import lazyproperty

from launchbrief._reproducible import document_time, normalize_zip


class PartNames:
    """Next free part names, counted per name pattern: O(1) instead of a package walk.

    python-pptx finds a new part's name by walking every part in the package, so
    each added slide, notes slide and chart costs more than the last (quadratic in
    all). This keeps a counter per pattern, seeded by one walk.
    """

    def __init__(self, package: Any) -> None:
        self._used = {str(part.partname) for part in package.iter_parts()}
        self._next: dict[str, int] = {}

    def next_partname(self, template: str) -> PackURI:
        number = self._next.get(template, 1)
        while template % number in self._used:
            number += 1
        name = template % number
        self._used.add(name)
        self._next[template] = number + 1
        return PackURI(name)


@contextmanager
def linear_parts(prs: Any) -> Iterator[PartNames]:
    """Give this presentation's package O(1) part naming while the deck is built.

    Only this package object is changed (an instance attribute shadows the method),
    and it is restored afterwards: other users of python-pptx are unaffected.
    """
    package = prs.part.package
    names = PartNames(package)
    package.next_partname = names.next_partname
    try:
        yield names
    finally:
        del package.next_partname


def package_bytes(prs: Any) -> bytes:
    """The presentation saved as python-pptx saves it, its entries stored uncompressed.

    For :func:`~launchbrief._reproducible.normalize_zip`, which compresses every
    entry afresh: the same entries in the same order, without deflating them twice.
    """
    buffer = io.BytesIO()
    package = prs.part.package
    _StoredPackageWriter(buffer, package._rels, tuple(package.iter_parts()))._write()
    return buffer.getvalue()


class _StoredZipWriter(_ZipPkgWriter):
    """python-pptx's zip writer, its entries stored rather than deflated."""

    @lazyproperty
    def _zipf(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(
            self._pkg_file, "w", compression=zipfile.ZIP_STORED, strict_timestamps=False
        )


class _StoredPackageWriter(PackageWriter):
    """python-pptx's package writer (``Presentation.save``), writing to a stored zip."""

    def _write(self) -> None:
        with _StoredZipWriter(self._pkg_file) as phys_writer:
            self._write_content_types_stream(phys_writer)
            self._write_pkg_rels(phys_writer)
            self._write_parts(phys_writer)


def at_most_chars(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def app_properties(slides: int, notes: bool) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>launchbrief</Application>"
        f"<Slides>{slides}</Slides><Notes>{slides if notes else 0}</Notes>"
        "</Properties>"
    ).encode()


_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def pin_workbook(blob: bytes) -> bytes:
    """A chart's embedded workbook with pinned document times and zip entry times."""
    stamp = document_time().strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(blob)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _TIMES.sub(lambda m: m.group(1) + stamp + m.group(2), content)
            target.writestr(info.filename, content)
    return normalize_zip(output.getvalue())
