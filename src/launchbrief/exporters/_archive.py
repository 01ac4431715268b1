"""The zip side of Office files: refusing zip and entity bombs, writing byte-identical archives.

Pure standard library (neither openpyxl nor python-pptx). ``check_archive`` runs
before a workbook or a template is parsed: it reads the zip directory, so a zip bomb
is refused in milliseconds, before anything is unpacked; then it streams every XML
part through a search for document type and entity declarations, over its whole
length and in its own encoding, so that no parser ever sees one. ``PinnedZipFile`` is the
archive openpyxl writes into: every entry gets the same time, attributes and
compression as :func:`launchbrief._reproducible.normalize_zip` gives it, without
holding any entry in memory.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import stat
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from launchbrief.exceptions import InvalidLaunchError, Problem

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_ENTRIES",
    "MAX_UNCOMPRESSED_BYTES",
    "PinnedZipFile",
    "check_archive",
]

#: A workbook that would unpack to more than this is refused (a full Excel sheet of
#: 1,048,576 rows of results unpacks to well under it).
MAX_UNCOMPRESSED_BYTES = 1 << 30
#: A large entry that unpacks to more than this many times its packed size is refused.
#: Real sheets compress about 5 to 20 times; deflate cannot go past about 1,030.
MAX_COMPRESSION_RATIO = 200
#: Entries smaller than this are not held to the ratio: a small sheet of repeated long
#: texts compresses as well as a bomb does, and unpacking it costs nothing.
RATIO_FLOOR_BYTES = 16 << 20
#: More entries than this is not a workbook launchbrief wrote or an analyst edited.
MAX_ENTRIES = 10_000
#: Parts are searched in pieces of this many bytes.
_CHUNK_BYTES = 1 << 20
#: What a document type or entity declaration starts with. XML keywords are case-sensitive.
_DECLARATIONS = ("<!DOCTYPE", "<!ENTITY")
#: Encodings in which the declarations are the plain ASCII bytes searched for.
_BYTE_ENCODINGS = frozenset(
    {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "windows-1252"}
)
_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
#: The signature of an OLE compound file: an encrypted Office file, or an old .xls/.ppt.
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_SUFFIXES = {"workbook": ".xlsx", "template": ".pptx"}


def _refuse(name: str, message: str) -> InvalidLaunchError:
    return InvalidLaunchError([Problem(message, file=name)])


def check_archive(
    path: Path,
    name: str,
    max_file_bytes: int,
    *,
    kind: str = "workbook",
    max_elements: int | None = None,
) -> None:
    """Refuse a file that is not a zip archive, is too large, or looks like a zip or entity bomb.

    ``kind`` names the file in messages: ``"workbook"`` (an .xlsx) or ``"template"``
    (a .pptx or .potx). With ``max_elements``, a file whose XML parts hold more
    elements than that (counted as the bytes are scanned, at C speed, an upper bound:
    every tag that opens) is refused before any part is parsed.

    Raises:
        InvalidLaunchError: naming the file and what is wrong with it.
        FileNotFoundError: there is no such file.
    """
    try:
        mode = path.stat().st_mode
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileNotFoundError(f"no such file: {name!r}") from None
    if stat.S_ISDIR(mode):
        raise _refuse(name, f"is a folder, not a {kind}")
    if not stat.S_ISREG(mode):
        # A pipe or a device: zip needs to seek, and its size says nothing.
        raise _refuse(name, f"not a regular file (a pipe or a device); save the {kind} as a file")
    if size > max_file_bytes:
        raise _refuse(
            name,
            f"the {kind} is too large ({size / 2**20:.1f} MiB; the limit is"
            f" {max_file_bytes / 2**20:.0f} MiB)",
        )
    with path.open("rb") as stream:
        signature = stream.read(len(_OLE_SIGNATURE))
    if signature == _OLE_SIGNATURE:
        raise _refuse(
            name,
            "is password-protected (encrypted) or an old .xls/.ppt file; save it without a"
            f" password as {_SUFFIXES.get(kind, '.xlsx')}",
        )
    if not zipfile.is_zipfile(path):
        what = {"workbook": "an Excel workbook", "template": "a PowerPoint template"}
        raise _refuse(
            name,
            f"not {what.get(kind, 'an Office file')}: such a file is a zip archive and this one"
            " is not",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(archive, name, kind, max_elements)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise _refuse(name, f"the {kind}'s zip archive is damaged ({error})") from None


def _check_entries(
    archive: zipfile.ZipFile, name: str, kind: str, max_elements: int | None
) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _refuse(
            name, f"the archive holds {len(infos):,} files (at most {MAX_ENTRIES:,} are read)"
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _refuse(
            name,
            f"the archive would unpack to {total / 2**20:,.0f} MiB (the limit is"
            f" {MAX_UNCOMPRESSED_BYTES / 2**20:,.0f} MiB): refusing a possible zip bomb",
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR_BYTES and (
            info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            ratio = info.file_size / max(info.compress_size, 1)
            raise _refuse(
                name,
                f"{info.filename} unpacks to {ratio:,.0f} times its packed size (the limit is"
                f" {MAX_COMPRESSION_RATIO}): refusing a possible zip bomb",
            )
    elements = 0
    for info in infos:
        with archive.open(info) as stream:
            elements += _check_part(stream, info.filename, name, kind)
        if max_elements is not None and elements > max_elements:
            raise _refuse(
                name,
                f"too large to read: more than {max_elements:,} cells, rows and other XML"
                f" elements in the {kind} (the limit for reading one {kind})",
            )


def _check_part(stream: IO[bytes], part: str, name: str, kind: str) -> int:
    """Refuse a part that declares a document type or entities anywhere, in any encoding it may use.

    A part is searched when its name says XML (.xml, .rels, .vml) or its first bytes
    look like XML; it is read in pieces, with each piece's last few characters kept
    for the next, so that a declaration split between two pieces is still found.
    Returns how many elements the part may hold: the tags that open (an upper bound).
    """
    head = stream.read(_CHUNK_BYTES)
    encoding = _encoding(head, part, name)
    if encoding is None and not part.lower().endswith((".xml", ".rels", ".vml")):
        return 0  # a picture, a font, a binary part: never parsed as XML
    carry = len(_DECLARATIONS[0]) - 1
    elements = 0
    if encoding is None or encoding == "bytes":
        tail = b""
        chunk = head
        while chunk:
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise _declares(part, name, kind)
            elements += chunk.count(b"<") - chunk.count(b"</")
            tail = window[-carry:]
            chunk = stream.read(_CHUNK_BYTES)
        return elements
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    text_tail = ""
    chunk = head
    try:
        while True:
            text = text_tail + decoder.decode(chunk, final=not chunk)
            if any(declaration in text for declaration in _DECLARATIONS):
                raise _declares(part, name, kind)
            fresh = text[len(text_tail) :]
            elements += fresh.count("<") - fresh.count("</")
            text_tail = text[-carry:]
            if not chunk:
                return elements
            chunk = stream.read(_CHUNK_BYTES)
    except UnicodeDecodeError:
        raise _refuse(name, f"{part} is not valid {encoding.upper()} text") from None


def _declares(part: str, name: str, kind: str) -> InvalidLaunchError:
    return _refuse(
        name,
        f"{part} declares a document type or entities, which a {kind} never needs: refusing"
        " a possible XML entity bomb",
    )


def _encoding(head: bytes, part: str, name: str) -> str | None:
    """How a part's text is searched: ``"bytes"`` (UTF-8 and other ASCII-based encodings),
    ``"utf-16-le"``, ``"utf-16-be"``, or ``None`` for a part that does not start like XML.

    Raises:
        InvalidLaunchError: an XML part in an encoding no Office program writes (UTF-32,
            UTF-7, EBCDIC…), which could hide a declaration from a byte search.
    """
    if head.startswith(
        (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"<\x00\x00\x00", b"\x00\x00\x00<")
    ):
        raise _refuse(name, f"{part} is UTF-32 text; launchbrief reads XML in UTF-8 or UTF-16")
    if head.startswith(b"\xff\xfe"):
        return "utf-16-le"  # the decoder keeps the byte-order mark as U+FEFF: harmless
    if head.startswith(b"\xfe\xff"):
        return "utf-16-be"
    if head.startswith(b"<\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<"):
        return "utf-16-be"
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if not start.startswith(b"<"):
        return None
    declared = _ENCODING.match(start)
    if declared is not None:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding not in _BYTE_ENCODINGS:
            raise _refuse(
                name,
                f"{part} declares the encoding {encoding!r}; launchbrief reads XML in UTF-8"
                " or UTF-16",
            )
    return "bytes"


class PinnedZipFile(zipfile.ZipFile):
    """A zip archive for writing whose entries all carry one fixed time.

    Each entry gets the time, permissions and deflate compression that
    :func:`~launchbrief._reproducible.normalize_zip` gives it, so the archive is
    already in normal form; files added with :meth:`write` are streamed, never held
    in memory.
    """

    def __init__(
        self,
        file: IO[bytes],
        date_time: tuple[int, int, int, int, int, int],
        splices: Mapping[str, Callable[[], Iterable[bytes]]] | None = None,
    ) -> None:
        """``splices`` maps a sheet part's name to the rows to stream into its ``sheetData``."""
        super().__init__(file, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)
        self._date_time = date_time
        self._splices = dict(splices or {})

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=self._date_time)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o600 << 16
        return entry

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """Add ``data`` under the given name, with the pinned time."""
        name = (
            zinfo_or_arcname.filename
            if isinstance(zinfo_or_arcname, zipfile.ZipInfo)
            else zinfo_or_arcname
        )
        super().writestr(self._entry(name), data)

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """Stream the file ``filename`` in under ``arcname``, with the pinned time."""
        name = os.fspath(arcname) if arcname else os.path.basename(filename)
        entry = self._entry(name)
        rows = self._splices.pop(name, None)
        if rows is not None:
            self._write_spliced(entry, filename, rows)
            return
        # Known up front, as writestr() knows it, so that the headers come out the same.
        entry.file_size = os.path.getsize(filename)
        with open(filename, "rb") as source, self.open(entry, "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)

    def _write_spliced(
        self,
        entry: zipfile.ZipInfo,
        filename: str | os.PathLike[str],
        rows: Callable[[], Iterable[bytes]],
    ) -> None:
        """Write a sheet part with ``rows`` streamed in just before ``</sheetData>``."""
        with open(filename, "rb") as source:
            frame = source.read()  # the sheet without its body rows: a few kilobytes
        end = frame.find(b"</sheetData>")
        if end < 0:
            empty = frame.find(b"<sheetData/>")
            if empty < 0:
                raise ValueError(f"{entry.filename} has no sheetData to put rows in")
            head, tail = frame[:empty] + b"<sheetData>", b"</sheetData>" + frame[empty + 12 :]
        else:
            head, tail = frame[:end], frame[end:]
        # Its size is not known up front; the header is rewritten with it at the end, as
        # it is for every entry of a seekable archive.
        with self.open(entry, "w") as target:
            target.write(head)
            for chunk in rows():
                target.write(chunk)
            target.write(tail)
