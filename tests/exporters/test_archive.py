"""The zip side of Office files: entity declarations anywhere, encodings, encrypted files."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

import launchbrief
from launchbrief.exceptions import ExportError, InvalidLaunchError
from launchbrief.exporters import _archive
from launchbrief.model import Launch

_LATE = b"<!--" + b" " * (200 * 1024) + b'-->\n<!DOCTYPE x [<!ENTITY e "Results">]>'


def _rewrite(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        names = set(old.namelist())
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info.filename)))
        for name in change.keys() - names:
            new.writestr(name, change[name])
    return target


def _late_entity(xml: bytes) -> bytes:
    """``xml`` with a long comment, then a DTD, after its XML declaration (as lxml accepts it)."""
    head, end, rest = xml.partition(b"?>")
    if not end:
        return _LATE + xml
    return head + end + _LATE + rest


def _refused(path: Path, part: str) -> str:
    started = time.perf_counter()
    with pytest.raises(InvalidLaunchError) as caught:
        launchbrief.load(path)
    assert time.perf_counter() - started < 2.0
    message = str(caught.value)
    assert f"{part} declares a document type or entities" in message
    return message


@pytest.mark.parametrize(
    "part",
    [
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet4.xml",
        "xl/sharedStrings.xml",
        "docProps/app.xml",
    ],
)
def test_late_entity_declarations_are_refused(workbook: Path, tmp_path: Path, part: str) -> None:
    """A DTD declared after the first 200 KiB of any part is refused (lxml would expand it)."""
    with zipfile.ZipFile(workbook) as archive:
        original = archive.read(part) if part in archive.namelist() else b"<sst/>"
    path = _rewrite(workbook, tmp_path / "late.xlsx", {part: _late_entity(original)})
    _refused(path, part)


def test_declaration_split_between_two_pieces_is_found(workbook: Path, tmp_path: Path) -> None:
    """A declaration straddling the scan's 1 MiB pieces is still found."""
    for offset in range(1, 9):
        padding = b"<!--" + b" " * (_archive._CHUNK_BYTES - offset - 7) + b"-->"
        xml = padding + b"<!DOCTYPE x>" + b"<x/>"
        assert xml.index(b"<!DOCTYPE") < _archive._CHUNK_BYTES < xml.index(b"<!DOCTYPE") + 9
        path = _rewrite(workbook, tmp_path / f"split{offset}.xlsx", {"xl/extra.xml": xml})
        _refused(path, "xl/extra.xml")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_utf16_parts_are_searched(workbook: Path, tmp_path: Path, encoding: str) -> None:
    """A UTF-16 part (with or without a byte-order mark) is decoded and searched, to its end."""
    xml = '<?xml version="1.0" encoding="UTF-16"?><!--' + " " * 300_000 + "--><!DOCTYPE x><x/>"
    path = _rewrite(workbook, tmp_path / "utf16.xlsx", {"xl/custom.xml": xml.encode(encoding)})
    _refused(path, "xl/custom.xml")


def test_xml_under_another_name_is_searched(workbook: Path, tmp_path: Path) -> None:
    """A part that is XML whatever its name (here .bin) is searched too."""
    path = _rewrite(workbook, tmp_path / "named.xlsx", {"xl/media/data.bin": _late_entity(b"<x/>")})
    _refused(path, "xl/media/data.bin")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<?xml version="1.0" encoding="UTF-7"?><x/>', "declares the encoding 'utf-7'"),
        (b'<?xml version="1.0" encoding="IBM037"?><x/>', "declares the encoding 'ibm037'"),
        ("<x/>".encode("utf-32-le"), "is UTF-32 text"),
        (b"\xff\xfe<\x00\x00\xd8", "is not valid UTF-16-LE text"),
    ],
)
def test_encodings_that_could_hide_a_declaration_are_refused(
    workbook: Path, tmp_path: Path, data: bytes, message: str
) -> None:
    """UTF-7, EBCDIC, UTF-32 and broken UTF-16 parts are refused rather than searched blindly."""
    path = _rewrite(workbook, tmp_path / "encoded.xlsx", {"xl/custom.xml": data})
    with pytest.raises(InvalidLaunchError, match=f"xl/custom.xml {message}"):
        launchbrief.load(path)


def test_pictures_are_not_searched(workbook: Path, tmp_path: Path, launch: Launch) -> None:
    """A binary part that merely holds the bytes of a declaration is no XML and is not refused."""
    path = _rewrite(
        workbook, tmp_path / "picture.xlsx", {"xl/media/image1.png": b"\x89PNG<!DOCTYPE"}
    )
    assert launchbrief.load(path) == launch


def test_scanning_a_large_workbook_is_quick(tmp_path: Path) -> None:
    """Searching 256 MiB of XML takes a couple of seconds, not minutes."""
    path = tmp_path / "large.xlsx"
    row = b'<row><c t="inlineStr"><is><t>' + b"abcdefghij" * 20 + b"</t></is></c></row>"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/big.xml", "w") as stream,
    ):
        for _ in range(256 * 2**20 // (len(row) * 1000)):
            stream.write(row * 1000)
    started = time.perf_counter()
    _archive.check_archive(path, "large.xlsx", 64 << 20)
    assert time.perf_counter() - started < 5.0


# --------------------------------------------------------------------------- encrypted files

_OLE = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504


def test_encrypted_workbook_is_explained(tmp_path: Path) -> None:
    """A password-protected workbook (an OLE compound file) is named as such, not 'not a zip'."""
    path = tmp_path / "locked.xlsx"
    path.write_bytes(_OLE)
    with pytest.raises(InvalidLaunchError) as caught:
        launchbrief.load(path)
    assert str(caught.value.problems[0]) == (
        f"{path}: is password-protected (encrypted) or an old .xls/.ppt file; save it without"
        " a password as .xlsx"
    )


def test_encrypted_template_is_explained(tmp_path: Path, launch: Launch) -> None:
    """A password-protected template is refused with the same plain words, and nothing is written."""
    template = tmp_path / "locked.pptx"
    template.write_bytes(_OLE)
    out = tmp_path / "deck.pptx"
    with pytest.raises(
        ExportError, match=r"password-protected .* save it without a password as \.pptx"
    ):
        launchbrief.export(launch, out, template=template)
    assert not out.exists()


# --------------------------------------------------------------------------- templates


def test_template_with_a_late_entity_is_refused(tmp_path: Path, launch: Launch) -> None:
    """A slide layout declaring an entity after 200 KiB is refused; no deck is written."""
    from pptx import Presentation

    plain = tmp_path / "plain.pptx"
    Presentation().save(str(plain))
    part = "ppt/slideLayouts/slideLayout1.xml"
    with zipfile.ZipFile(plain) as archive:
        layout = archive.read(part)
    layout = _late_entity(layout).replace(b"<a:t>", b"<a:t>&e;", 1)
    template = _rewrite(plain, tmp_path / "late.pptx", {part: layout})
    out = tmp_path / "deck.pptx"
    with pytest.raises(ExportError, match=f"template refused: .*{part} declares a document type"):
        launchbrief.export(launch, out, template=template)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.pptx", "plain.pptx"]
