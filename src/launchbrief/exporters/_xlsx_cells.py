"""Cells as SpreadsheetML text, for the rows of the big sheets.

openpyxl spends most of an export on its per-cell path (a cell object per styled
value, a style lookup per cell). For Results and the Benchmarks matrix, which grow
with the record, the exporter lets openpyxl write everything around the rows (columns,
views, the table, rules, notes) and streams the rows itself, as the text this module
builds, into the sheet's part of the archive (see ``PinnedZipFile``'s splices).

A *fragment* is a cell without its opening ``<c r="B12"``: the part that does not
depend on where the cell is, so that a value repeated on many rows is rendered once.
Text is stored as an inline string, escaped as Excel escapes it (``_xHHHH_``) and as
XML needs; a text that starts like a formula gets the quote-prefixed style.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import IO, Any
from xml.etree import ElementTree

from launchbrief.exporters._xlsx_layout import (
    FORMULA_START,
    ErrorValue,
    Percent,
    Unsaved,
    escape_text,
    needs_care,
    shaped_number,
)

#: How much of a part is looked at for a document type before its root element.
_PROLOG_BYTES = 1 << 16
#: A prolog that is plain ASCII up to its root element: declarations, comments, white space.
_ROOT_START = re.compile(rb"<[A-Za-z_]")


class _Prefixed:
    """A stream whose first bytes were read ahead: ``head``, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._stream.read(size)


def _iterparse(stream: IO[bytes]) -> Iterator[tuple[str, ElementTree.Element]]:
    """Each element of an XML part as it ends, with document types and entities refused.

    The archive check has already refused any part that declares them. A part whose
    prolog is plain ASCII and has no document type cannot declare entities (they live
    in a document type), so it is parsed by the standard library's C parser, twice as
    fast; any other part (UTF-16, a document type, a prolog past 64 KiB) goes through
    defusedxml, which refuses them itself.
    """
    head = stream.read(_PROLOG_BYTES)
    root = _ROOT_START.search(head)
    source = _Prefixed(head, stream)
    if root is not None and b"<!DOCTYPE" not in head[: root.start()] and head[:1] == b"<":
        events: Iterator[tuple[str, ElementTree.Element]] = ElementTree.iterparse(
            source, events=("end",)
        )
        return events
    from defusedxml.ElementTree import iterparse

    events = iterparse(source, events=("end",), forbid_dtd=True)
    return events


__all__ = [
    "EMPTY",
    "bool_fragment",
    "column_letters",
    "date_fragment",
    "empty_fragment",
    "number_fragment",
    "text_fragment",
]

#: The fragment of a cell that is not written at all.
EMPTY = ""

# A carriage return must be a character reference: XML parsers turn a raw one into a
# line feed.
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def column_letters(count: int) -> list[str]:
    """``["A", "B", …]``: the letters of the first ``count`` columns."""
    letters = []
    for number in range(1, count + 1):
        letter = ""
        while number:
            number, remainder = divmod(number - 1, 26)
            letter = chr(65 + remainder) + letter
        letters.append(letter)
    return letters


def _style(style: int) -> str:
    return f' s="{style}"' if style else ""


def text_fragment(text: str | None, style: int = 0, quoted_style: int = 0) -> str:
    """A text cell; ``quoted_style`` (the column's style, quote-prefixed) if it starts like a formula."""
    if text is None:
        return EMPTY
    stored = escape_text(text) if needs_care(text) else text
    if text[:1] in FORMULA_START:
        style = quoted_style
    space = ' xml:space="preserve"' if stored != stored.strip() else ""
    return f'{_style(style)} t="inlineStr"><is><t{space}>{stored.translate(_XML)}</t></is></c>'


def number_fragment(value: float | int | None, style: int) -> str:
    """A number cell, written exactly (the shortest text that reads back as the same float).

    The written form of a :class:`~launchbrief.model.Score` (``85.20``) is its style's
    number format, not the cell's text.
    """
    if value is None or not math.isfinite(value):
        return EMPTY  # a workbook has no infinity or NaN
    text = float.__repr__(value) if isinstance(value, float) else int.__repr__(value)
    return f"{_style(style)}><v>{text}</v></c>"


def bool_fragment(value: bool | None, style: int) -> str:
    """A TRUE/FALSE cell."""
    if value is None:
        return EMPTY
    return f'{_style(style)} t="b"><v>{1 if value else 0}</v></c>'


#: Excel counts days from 30 December 1899 (day 60, 29 February 1900, never was).
_EXCEL_EPOCH = date(1899, 12, 30)
#: Excel has no serial number for earlier days.
_FIRST_SERIAL_DATE = date(1900, 3, 1)


def date_fragment(value: date | None, style: int, text_style: int = 0) -> str:
    """A date cell: Excel's day number shown with ``style``'s date format.

    A day before 1 March 1900, which Excel cannot count, is ISO text (``text_style``),
    which reads back the same.
    """
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        value = value.date()
    if value < _FIRST_SERIAL_DATE:
        return text_fragment(value.isoformat(), text_style)
    return f"{_style(style)}><v>{(value - _EXCEL_EPOCH).days}</v></c>"


def empty_fragment(style: int) -> str:
    """A cell with a style (a fill) and no value."""
    return f"{_style(style)}/>" if style else EMPTY


# --------------------------------------------------------------------------- reading
#
# The reader parses the parts it needs itself, with the standard library's streaming
# XML parser, rather than through openpyxl: it must see what openpyxl hides (a
# formula without a saved value, a percent number format, the stored text before
# any ``_xHHHH_`` decoding) and stop early on a sheet built to take minutes (openpyxl
# pads every row to its last cell, so one cell in column XFD per row costs 16,384).
# ``check_archive`` has refused every part that declares a document type or
# entities before any of this runs.

#: At most this many XML elements (cells, rows and whatever else the sheets, the
#: shared strings and the styles hold) are read from one workbook: reading them takes
#: a few seconds. A Results sheet of 60,000 rows is about 2.4 million.
MAX_READ_ELEMENTS = 2_500_000
#: The last row and column of an Excel sheet.
MAX_ROW = 1_048_576
MAX_COLUMN = 16_384
#: A part holding the shared strings or the styles larger than this is refused: its
#: text is held in memory while the sheets are read.
MAX_SHARED_PART_BYTES = 256 << 20

_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_RELATIONSHIP_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_INTEGER_TEXT = re.compile(r"[+-]?\d{1,15}")
# Builtin number formats (ECMA-376 §18.8.30): 9 and 10 are percentages; these are dates.
_BUILTIN_PERCENT = frozenset({9, 10})
_BUILTIN_DATES = frozenset({*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)})
# What a format code shows literally (quoted text, escaped characters, [colours] and
# [conditions], padding and repeat characters) cannot make it a date or a percentage.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_DATE_CODES = re.compile(r"[dmyhs]", re.IGNORECASE)
_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)


class UnreadableError(ValueError):
    """A workbook part is malformed or over a reading limit; ``cell`` says where (or the sheet)."""

    def __init__(self, message: str, cell: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cell = cell


def column_number(letters: str) -> int:
    """``"A"`` → 1, ``"XFD"`` → 16,384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


class _Budget:
    """Counts the XML elements read from one workbook and refuses past the limit."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = MAX_READ_ELEMENTS

    def spend(self, count: int, where: str) -> None:
        self.left -= count
        if self.left < 0:
            raise UnreadableError(
                f"too large to read: more than {MAX_READ_ELEMENTS:,} cells, rows and other XML"
                " elements in the workbook (the limit for reading one workbook)",
                where,
            )


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _text_of(element: ElementTree.Element, text_tag: str, run_tag: str) -> str:
    """The text of a string item (``<si>`` or ``<is>``): its ``<t>``, or its runs' ``<t>``s.

    Phonetic runs (``<rPh>``) are annotations, not text.
    """
    parts = []
    for child in element:
        if child.tag == text_tag:
            parts.append(child.text or "")
        elif child.tag == run_tag:
            for grand in child:
                if grand.tag == text_tag:
                    parts.append(grand.text or "")
    return "".join(parts)


#: The shapes of the builtin number formats that show numbers (ECMA-376 §18.8.30).
_BUILTIN_SHAPES: dict[int, tuple[str, int, int]] = {
    1: ("fixed", 0, 1),
    2: ("fixed", 2, 1),
    3: ("fixed", 0, 1),
    4: ("fixed", 2, 1),
    11: ("scientific", 2, 1),
    37: ("fixed", 0, 1),
    38: ("fixed", 0, 1),
    39: ("fixed", 2, 1),
    40: ("fixed", 2, 1),
    48: ("scientific", 1, 1),
}
_SCIENTIFIC = re.compile(r"[eE][+-]")
_NOTHING = ("", 0, 1)


def _format_kind(number_format_id: int, codes: dict[int, str]) -> tuple[str, int, int]:
    """What a number format shows: ``("percent", 0, 1)``, ``("date", 0, 1)``, a number's
    shape (``("fixed", 2, 1)``, ``("scientific", 0, 3)``), or ``("", 0, 1)`` for General."""
    code = codes.get(number_format_id)
    if code is None:
        if number_format_id in _BUILTIN_PERCENT:
            return ("percent", 0, 1)
        if number_format_id in _BUILTIN_DATES:
            return ("date", 0, 1)
        return _BUILTIN_SHAPES.get(number_format_id, _NOTHING)
    # The first section is the one positive numbers (every score shown) use.
    shown = _FORMAT_LITERALS.sub("", code).split(";")[0]
    if "%" in shown:
        return ("percent", 0, 1)
    if shown.casefold() == "general" or not shown:
        return _NOTHING
    parts = _SCIENTIFIC.split(shown, maxsplit=1)
    mantissa = parts[0]
    if len(parts) == 1 and _DATE_CODES.search(shown):
        return ("date", 0, 1)
    if not any(ch in mantissa for ch in "0#?"):
        return _NOTHING
    whole, _dot, fraction = mantissa.partition(".")
    places = fraction.count("0")
    if len(parts) > 1:
        return ("scientific", places, max(1, min(whole.count("0"), 15)))
    return ("fixed", places, 1)


class WorkbookReader:
    """The sheets of a workbook's zip archive, read as rows of values.

    Values are what the cell holds: text as stored (``_xHHHH_`` escapes kept, for the
    layout to decode), ``int``, ``float``, :class:`Percent`, ``bool``, ``datetime``,
    or :class:`Unsaved` and :class:`ErrorValue` for cells with nothing to read.
    """

    def __init__(self, archive: zipfile.ZipFile) -> None:
        """Read the workbook's sheet list, styles and shared strings.

        Raises:
            UnreadableError: a part is missing, malformed or over a limit.
            SyntaxError: a part is not well-formed XML (``ElementTree.ParseError``).
        """
        self._archive = archive
        self._names = set(archive.namelist())
        self._budget = _Budget()
        workbook_part = self._office_document()
        relations = self._relationships(workbook_part)
        self.sheets: dict[str, str] = {}  # sheet name -> part
        self._date1904 = False
        root = self._small_tree(workbook_part)
        for element in root.iter():
            name = _local(element.tag)
            if name == "workbookPr":
                self._date1904 = element.get("date1904", "0").lower() in ("1", "true")
            elif name == "sheet":
                target = next(
                    (
                        relations[element.get(f"{{{ns}}}id", "")][1]
                        for ns in _RELATIONSHIP_NAMESPACES
                        if element.get(f"{{{ns}}}id", "") in relations
                    ),
                    None,
                )
                if target is not None and element.get("name"):
                    self.sheets[str(element.get("name"))] = target
        by_kind = {kind.rpartition("/")[2]: target for kind, target in relations.values()}
        self._styles = self._read_styles(by_kind.get("styles"))
        self._shared = self._read_shared_strings(by_kind.get("sharedStrings"))

    # -- parts

    def _small_tree(self, part: str) -> ElementTree.Element:
        info = self._info(part)
        if info.file_size > MAX_SHARED_PART_BYTES:
            raise UnreadableError(
                f"{part} unpacks to {info.file_size / 2**20:,.0f} MiB; at most"
                f" {MAX_SHARED_PART_BYTES / 2**20:,.0f} MiB are read"
            )
        with self._archive.open(info) as stream:
            count = 0
            root: ElementTree.Element | None = None
            for _event, element in _iterparse(stream):
                count += 1
                if count % 10_000 == 0:
                    self._budget.spend(10_000, part)
                root = element  # the root ends last
        self._budget.spend(count % 10_000, part)
        if root is None:  # pragma: no cover - the parser raises first
            raise UnreadableError(f"{part} is empty")
        return root

    def _info(self, part: str) -> zipfile.ZipInfo:
        if part not in self._names:
            raise UnreadableError(
                f"not a workbook launchbrief can read: the archive has no part {part!r},"
                " which the workbook names"
            )
        return self._archive.getinfo(part)

    def _office_document(self) -> str:
        if "_rels/.rels" not in self._names:
            raise UnreadableError(
                "not a workbook launchbrief can read: the archive has no _rels/.rels"
            )
        for kind, target in self._relationships("").values():
            if kind.endswith("/officeDocument"):
                return target
        raise UnreadableError(
            "not a workbook launchbrief can read: _rels/.rels names no workbook part"
        )

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``{id: (type, part name)}`` of a part's relationships (``""`` for the package)."""
        folder, _slash, base = part.rpartition("/")
        rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if rels not in self._names:
            return {}
        found = {}
        for element in self._small_tree(rels).iter(f"{_PACKAGE_RELATIONSHIPS}Relationship"):
            if element.get("TargetMode") == "External":
                continue
            target = element.get("Target", "")
            if target.startswith("/"):
                resolved = target[1:]
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            found[element.get("Id", "")] = (element.get("Type", ""), resolved)
        return found

    def _read_styles(self, part: str | None) -> list[tuple[str, int, int]]:
        """What the number format of every cell style shows (see :func:`_format_kind`)."""
        if part is None or part not in self._names:
            return []
        root = self._small_tree(part)
        codes: dict[int, str] = {}
        kinds: list[tuple[str, int, int]] = []
        for element in root:
            name = _local(element.tag)
            if name == "numFmts":
                for number_format in element:
                    identifier = number_format.get("numFmtId", "")
                    if identifier.isdigit():
                        codes[int(identifier)] = number_format.get("formatCode", "")
            elif name == "cellXfs":
                for xf in element:
                    identifier = xf.get("numFmtId", "0")
                    kinds.append(
                        _format_kind(int(identifier), codes) if identifier.isdigit() else _NOTHING
                    )
        return kinds

    def _read_shared_strings(self, part: str | None) -> list[str]:
        if part is None or part not in self._names:
            return []
        info = self._info(part)
        if info.file_size > MAX_SHARED_PART_BYTES:
            raise UnreadableError(
                f"{part} unpacks to {info.file_size / 2**20:,.0f} MiB; at most"
                f" {MAX_SHARED_PART_BYTES / 2**20:,.0f} MiB of shared strings are read"
            )
        strings: list[str] = []
        with self._archive.open(info) as stream:
            item_tag = text_tag = run_tag = ""
            for _event, element in _iterparse(stream):
                if not item_tag:
                    namespace = element.tag.rpartition("}")[0]
                    namespace = f"{namespace}}}" if namespace else ""
                    item_tag, text_tag, run_tag = (
                        f"{namespace}si",
                        f"{namespace}t",
                        f"{namespace}r",
                    )
                if element.tag == item_tag:
                    strings.append(_text_of(element, text_tag, run_tag))
                    element.clear()
                    if len(strings) % 10_000 == 0:
                        self._budget.spend(10_000, part)
        self._budget.spend(len(strings) % 10_000, part)
        return strings

    # -- sheets

    _keep: frozenset[int] | None = None
    _width = MAX_COLUMN

    def narrow(self, columns: frozenset[int], width: int) -> None:
        """From now on, read only ``columns`` of the sheet being read, and anything right of ``width``.

        The layout calls this once it has found the header row: the columns it does
        not read back are skipped unparsed, and a value right of the table is still
        seen, to be reported.
        """
        self._keep = columns
        self._width = width

    @staticmethod
    def _column(letters: str, reference: str, sheet: str) -> int:
        if not (letters.isalpha() and letters.isascii() and 0 < len(letters) <= 3):
            raise UnreadableError(f"a cell has the malformed reference {reference!r}", sheet)
        number = column_number(letters)
        if number > MAX_COLUMN:
            raise UnreadableError(
                "a cell beyond column XFD, the last column of a sheet", f"{sheet}!{reference}"
            )
        return number

    def rows(self, sheet: str) -> Iterator[tuple[int, dict[int, Any]]]:
        """The rows of ``sheet`` that hold a value: ``(row number, {column number: value})``.

        Only ``sheetData`` is read. Raises :class:`UnreadableError` for a row past
        1,048,576, a column past XFD, a row of more cells than a sheet has columns, or
        a workbook past :data:`MAX_READ_ELEMENTS`.
        """
        part = self.sheets[sheet]
        info = self._info(part)
        with self._archive.open(info) as stream:
            yield from self._parse_rows(stream, sheet)

    def _parse_rows(self, stream: IO[bytes], sheet: str) -> Iterator[tuple[int, dict[int, Any]]]:
        budget = self._budget
        shared, styles = self._shared, self._styles
        tags: dict[str, str] = {}
        columns: dict[str, int] = {}  # "AB" -> 28
        row_number = 0
        row_count = 0
        in_row = 0
        cells: list[tuple[int, Any]] = []
        column = 0
        spent = 0
        self._keep = None
        for _event, element in _iterparse(stream):
            spent += 1
            if spent == 10_000:
                budget.spend(spent, sheet)
                spent = 0
            tag = tags.get(element.tag)
            if tag is None:
                tag = tags[element.tag] = _local(element.tag)
            if tag == "c":
                reference = element.get("r")
                if reference is not None:
                    letters = reference.rstrip("0123456789")
                    known = columns.get(letters)
                    if known is None:
                        known = columns[letters] = self._column(letters, reference, sheet)
                    column = known
                else:
                    column += 1
                in_row += 1
                if in_row > MAX_COLUMN:
                    raise UnreadableError(
                        f"more than {MAX_COLUMN:,} cells in one row",
                        f"{sheet} row {row_number + 1}",
                    )
                keep = self._keep
                if keep is None or column in keep or column > self._width:
                    value = _cell_value(element, shared, styles, self._date1904)
                    if value is not None:
                        cells.append((column, value))
                element.clear()
            elif tag == "row":
                number = element.get("r")
                if number is not None and number.isdigit():
                    row_number = int(number)
                else:
                    row_number += 1
                row_count += 1
                if row_number > MAX_ROW or row_count > MAX_ROW:
                    raise UnreadableError(f"more than {MAX_ROW:,} rows", sheet)
                if cells:
                    yield row_number, dict(cells)
                    cells = []
                column = in_row = 0
                element.clear()
            elif tag == "sheetData":
                break
        budget.spend(spent, sheet)


def _cell_value(
    element: ElementTree.Element,
    shared: Sequence[str],
    styles: Sequence[tuple[str, int, int]],
    date1904: bool,
) -> Any:
    kind = element.get("t", "n")
    value_text = None
    formula = None
    inline = None
    for child in element:
        name = _local(child.tag)
        if name == "v":
            value_text = child.text
        elif name == "f":
            formula = child.text or ""
        elif name == "is":
            inline = child
    if kind == "inlineStr":
        if inline is not None:
            namespace = inline.tag.rpartition("}")[0]
            namespace = f"{namespace}}}" if namespace else ""
            return _text_of(inline, f"{namespace}t", f"{namespace}r")
        if value_text is None:
            return None
        kind = "str"
    if value_text is None or value_text == "":
        return Unsaved(formula) if formula is not None else None
    if kind == "s":
        if not value_text.isdigit() or int(value_text) >= len(shared):
            raise UnreadableError(
                f"a cell refers to shared string {value_text!r}, which is not there"
            )
        return shared[int(value_text)]
    if kind == "str":
        return value_text
    if kind == "b":
        return value_text.strip() in ("1", "true")
    if kind == "e":
        return ErrorValue(value_text)
    if kind == "d":
        try:
            return datetime.fromisoformat(value_text.strip())
        except ValueError:
            return value_text
    stripped = value_text.strip()
    number: int | float
    try:
        number = int(stripped) if _INTEGER_TEXT.fullmatch(stripped) else float(stripped)
    except ValueError:
        return value_text
    style = element.get("s")
    if style is not None and style.isdigit() and int(style) < len(styles):
        shape = styles[int(style)]
        shown = shape[0]
        if shown == "percent":
            return Percent(number)
        if shown == "date":
            return _excel_date(number, date1904)
        if shown:
            # The number as written: 85.2 shown with "0.00" is 85.20.
            return shaped_number(number, shape)
    return number


def _excel_date(serial: float, date1904: bool) -> datetime | float:
    """The date and time of a serial number (Excel's 1900 leap-year bug included)."""
    if not math.isfinite(serial) or not -1e7 < serial < 3e6:
        return serial  # no date: read as the number it is, and reported where a date is due
    if date1904:
        return _EPOCH_1904 + timedelta(days=serial)
    if 0 < serial < 60:
        serial += 1  # Excel counts a 29 February 1900 that never was
    return _EPOCH_1900 + timedelta(days=serial)
