"""Text measured with real font metrics, for the deck: wrapping, fitting, splitting.

Slides have fixed boxes, and a box that overflows looks broken on a projector. So
every piece of text the deck writes is laid out here first, with the advance
widths and line heights of a real TrueType font (Pillow reads it), the same way
LibreOffice and PowerPoint break lines: at spaces, and inside a word only when the
word alone is wider than the line. A size is chosen from the largest that fits
down to a floor; what still does not fit is split off for a continuation slide.

This module does not import python-pptx: it knows text, points and fonts only.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from PIL import ImageFont

__all__ = [
    "FontSet",
    "Para",
    "Span",
    "clean",
    "clip",
    "fit_size",
    "font_set",
    "split_paras",
    "text_height",
    "truncate",
    "wrap",
]

#: Fonts shipped with launchbrief (Liberation Sans, SIL OFL 1.1), used when the
#: named font cannot be found on this machine.
FONT_DIR = Path(__file__).with_name("fonts")

# Office fonts and the free fonts with the same advance widths, which LibreOffice
# substitutes for them (and which Debian ships as fonts-liberation2 and fonts-crosextra).
_METRIC_TWINS = {
    "arial": "liberation sans",
    "helvetica": "liberation sans",
    "helvetica neue": "liberation sans",
    "arial narrow": "liberation sans narrow",
    "times new roman": "liberation serif",
    "times": "liberation serif",
    "courier new": "liberation mono",
    "calibri": "carlito",
    "cambria": "caladea",
}

_FONT_FOLDERS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path("/System/Library/Fonts"),
    Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts",
)

#: Widths are multiplied by this when the named font is not found and a stand-in
#: measures it: wide enough to cover the common sans-serif fallbacks (DejaVu Sans
#: runs about 10% wider than Liberation Sans).
SUBSTITUTE_FACTOR = 1.15

#: Paragraphs scaled down (headings in small capitals) stop at this size.
SMALLEST = 12.0

#: The share of a line's width that text is allowed to fill.
WIDTH_SAFETY = 0.96

#: Paragraphs of at most this many lines are never split between boxes.
KEEP_WHOLE = 6

#: Single line spacing, in ems, as PowerPoint and LibreOffice set it.
LINE_SPACING = 1.2

#: Measuring is done at this pixel size, then scaled: advances scale linearly.
_REFERENCE = 1000

# Characters XML 1.0 cannot hold, and the other C0/C1 controls; all become nothing.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Text as a slide shows it: one line, no control characters, single spaces."""
    text = _ILLEGAL.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


# --------------------------------------------------------------------------- fonts


@dataclass(frozen=True)
class _Face:
    path: str
    factor: float  # widths are multiplied by this (1.0 for the real font)


@functools.cache
def _font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _REFERENCE)


@functools.cache
def _advance(path: str, text: str) -> float:
    """Advance width of ``text`` in em (kerned, as a layout engine sets it)."""
    return float(_font(path).getlength(text)) / _REFERENCE


@functools.cache
def _line_em(path: str) -> float:
    ascent, descent = _font(path).getmetrics()
    return float(ascent + descent) / _REFERENCE


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@functools.cache
def _system_fonts() -> tuple[Path, ...]:
    found: list[Path] = []
    for folder in (FONT_DIR, *_FONT_FOLDERS):
        try:
            if folder.is_dir():
                found.extend(
                    sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".ttf", ".otf"})
                )
        except OSError:  # pragma: no cover - an unreadable folder is skipped
            continue
    return tuple(found)


@functools.cache
def _find_face(family: str, bold: bool, italic: bool) -> str | None:
    """The file of ``family`` in the wanted style, or ``None`` when it is not installed."""
    key = _squash(family)
    if not key:
        return None
    wanted = {(False, False): "regular", (True, False): "bold", (False, True): "italic"}.get(
        (bold, italic), "bolditalic"
    )
    fallback: str | None = None
    for path in _system_fonts():
        # File names nearly always start with the family name; open only those.
        if not _squash(path.stem).startswith(key):
            continue
        try:
            name, style = _font(str(path)).getname()
        except OSError:  # pragma: no cover - a broken font file is skipped
            continue
        if _squash(name or "") != key:
            continue
        style_key = _squash(style or "regular").replace("oblique", "italic")
        style_key = {"book": "regular", "roman": "regular", "normal": "regular"}.get(
            style_key, style_key
        )
        if style_key == wanted:
            return str(path)
        if style_key == "regular":
            fallback = str(path)
    return fallback


@dataclass(frozen=True)
class FontSet:
    """The faces of one font family, ready to measure text in points."""

    family: str
    regular: _Face
    bold: _Face
    italic: _Face

    def face(self, bold: bool = False, italic: bool = False) -> _Face:
        """The face for a style (bold wins over italic: their widths are close)."""
        if bold:
            return self.bold
        return self.italic if italic else self.regular

    def width(self, text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
        """Width of ``text`` set at ``size`` points, in points."""
        face = self.face(bold, italic)
        return _advance(face.path, text) * size * face.factor

    def line_height(self, size: float) -> float:
        """Height of one line of text at ``size`` points with single spacing, in points.

        PowerPoint and LibreOffice both set single-spaced lines 1.2 ems apart, or
        the font's own ascent plus descent where that is more.
        """
        return max(LINE_SPACING, _line_em(self.regular.path), _line_em(self.bold.path)) * size

    @property
    def substituted(self) -> bool:
        """Whether the family was not found and a stand-in measures it."""
        return self.regular.factor != 1.0


@functools.cache
def font_set(family: str | None) -> FontSet:
    """The faces of ``family``, or of a metric twin, or the shipped stand-in.

    Arial and Helvetica are measured with Liberation Sans and Calibri with Carlito,
    whose advance widths are the same (LibreOffice substitutes them likewise). A
    family found nowhere is measured with the shipped Liberation Sans, widened by
    :data:`SUBSTITUTE_FACTOR` so that the real font's text still fits.
    """
    name = (family or "").strip()
    candidates = [name, _METRIC_TWINS.get(name.lower(), "")]
    for candidate in candidates:
        regular = _find_face(candidate, False, False) if candidate else None
        if regular is None:
            continue
        bold = _find_face(candidate, True, False) or regular
        italic = _find_face(candidate, False, True) or regular
        return FontSet(
            family=name,
            regular=_Face(regular, 1.0),
            # A missing bold face is synthesised by emboldening: a little wider.
            bold=_Face(bold, 1.0 if bold != regular else 1.06),
            italic=_Face(italic, 1.0),
        )
    shipped_regular = str(FONT_DIR / "LiberationSans-Regular.ttf")
    shipped_bold = str(FONT_DIR / "LiberationSans-Bold.ttf")
    return FontSet(
        family=name,
        regular=_Face(shipped_regular, SUBSTITUTE_FACTOR),
        bold=_Face(shipped_bold, SUBSTITUTE_FACTOR),
        italic=_Face(shipped_regular, SUBSTITUTE_FACTOR),
    )


# --------------------------------------------------------------------------- paragraphs


@dataclass(frozen=True)
class Span:
    """A run of text in one style; ``color`` names a palette role such as ``"muted"``."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph: styled spans, optionally a bullet, a size relative to the box's size.

    ``space_before`` is in ems of the paragraph's size and is not applied to the first
    paragraph of a box. ``keep_with_next`` keeps a heading on the slide of what follows.
    """

    spans: tuple[Span, ...]
    bullet: bool = False
    scale: float = 1.0
    space_before: float = 0.0
    keep_with_next: bool = False
    align: str = "left"  # "left", "center" or "right"
    role: str = field(default="body", compare=False)

    @classmethod
    def of(cls, text: str, **options: object) -> Para:
        """A one-span paragraph; ``bold``/``italic``/``color`` go to the span, the rest here."""
        span_keys = {"bold", "italic", "color"}
        span_options = {k: v for k, v in options.items() if k in span_keys}
        para_options = {k: v for k, v in options.items() if k not in span_keys}
        return cls((Span(text, **span_options),), **para_options)  # type: ignore[arg-type]

    def size_at(self, size: float) -> float:
        """The paragraph's own size in a box set at ``size``: smaller text stops at the floor."""
        if self.scale >= 1:
            return size * self.scale
        return max(size * self.scale, min(size, SMALLEST))

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(span.text for span in self.spans)


#: Left margin of a bullet paragraph, in ems of its size (the bullet hangs in it).
BULLET_INDENT = 1.0

_Piece = tuple[str, Span]  # a word or a space, and the span it comes from


def _pieces(para: Para) -> list[_Piece]:
    pieces: list[_Piece] = []
    for span in para.spans:
        for token in re.split(r"( )", span.text):
            if token:
                pieces.append((token, span))
    return pieces


def _break_word(word: str, span: Span, available: float, size: float, fonts: FontSet) -> list[str]:
    """Split a word wider than the line into pieces that fit, as a renderer does."""
    chunks: list[str] = []
    current = ""
    for char in word:
        if (
            current
            and fonts.width(current + char, size, bold=span.bold, italic=span.italic) > available
        ):
            chunks.append(current)
            current = char
        else:
            current += char
    if current:
        chunks.append(current)
    return chunks


def wrap(para: Para, width: float, size: float, fonts: FontSet) -> list[tuple[Span, ...]]:
    """Break ``para`` into lines for a box ``width`` points wide at ``size`` points.

    Each line is a tuple of spans (pieces of the paragraph's spans). An empty
    paragraph is one empty line.
    """
    size = para.size_at(size)
    # Renderers round glyph positions and may kern less: keep a little room spare.
    available = width * WIDTH_SAFETY - (BULLET_INDENT * size if para.bullet else 0.0)
    available = max(available, size)  # a box narrower than one em still holds a letter
    lines: list[list[tuple[str, Span]]] = []
    line: list[tuple[str, Span]] = []
    used = 0.0
    pending_space: tuple[str, Span] | None = None
    for token, span in _pieces(para):
        if token == " ":
            if line:
                pending_space = (token, span)
            continue
        measure = fonts.width(token, size, bold=span.bold, italic=span.italic)
        space = (
            fonts.width(" ", size, bold=pending_space[1].bold) if pending_space is not None else 0.0
        )
        if line and used + space + measure <= available:
            if pending_space is not None:
                line.append(pending_space)
            line.append((token, span))
            used += space + measure
        elif not line and measure <= available:
            line.append((token, span))
            used = measure
        else:
            if line:
                lines.append(line)
            line, used = [], 0.0
            if measure <= available:
                line = [(token, span)]
                used = measure
            else:
                chunks = _break_word(token, span, available, size, fonts)
                for chunk in chunks[:-1]:
                    lines.append([(chunk, span)])
                line = [(chunks[-1], span)]
                used = fonts.width(chunks[-1], size, bold=span.bold, italic=span.italic)
        pending_space = None
    lines.append(line)
    return [_merge(pieces) for pieces in lines]


def _merge(pieces: Sequence[tuple[str, Span]]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for text, span in pieces:
        if merged and replace(merged[-1], text="") == replace(span, text=""):
            merged[-1] = replace(merged[-1], text=merged[-1].text + text)
        else:
            merged.append(replace(span, text=text))
    return tuple(merged)


def _para_height(para: Para, width: float, size: float, fonts: FontSet, first: bool) -> float:
    lines = len(wrap(para, width, size, fonts))
    own = para.size_at(size)
    gap = 0.0 if first else para.space_before * own
    return gap + lines * fonts.line_height(own)


def text_height(paras: Iterable[Para], width: float, size: float, fonts: FontSet) -> float:
    """Height in points of ``paras`` set at ``size`` in a box ``width`` points wide."""
    return sum(
        _para_height(para, width, size, fonts, index == 0) for index, para in enumerate(paras)
    )


def fit_size(
    paras: Sequence[Para],
    width: float,
    height: float,
    fonts: FontSet,
    *,
    largest: float,
    smallest: float,
    step: float = 1.0,
) -> float | None:
    """The largest size from ``largest`` down to ``smallest`` at which ``paras`` fit, or ``None``."""
    size = largest
    while size >= smallest - 1e-9:
        if text_height(paras, width, size, fonts) <= height:
            return size
        size -= step
    return None


def split_paras(
    paras: Sequence[Para], width: float, height: float, size: float, fonts: FontSet
) -> tuple[list[Para], list[Para]]:
    """Split ``paras`` into what fits in the box at ``size`` and the rest, at line boundaries.

    A heading marked ``keep_with_next`` never ends a box. At least one line is always
    placed, so that splitting always makes progress.
    """
    placed: list[Para] = []
    used = 0.0
    for index, para in enumerate(paras):
        first = not placed
        own = para.size_at(size)
        gap = 0.0 if first else para.space_before * own
        line_height = fonts.line_height(own)
        lines = wrap(para, width, size, fonts)
        room = int((height - used - gap + 1e-6) // line_height)
        if room >= len(lines):
            placed.append(para)
            used += gap + len(lines) * line_height
            continue
        # A short paragraph moves whole to the next box rather than break in two.
        if placed and (room <= 0 or len(lines) <= KEEP_WHOLE):
            rest = list(paras[index:])
            break
        room = max(room, 1)
        head = replace(para, spans=_join(lines[:room]))
        tail = replace(para, spans=_join(lines[room:]), space_before=0.0)
        placed.append(head)
        rest = [tail, *paras[index + 1 :]]
        break
    else:
        return placed, []
    # Do not leave a heading alone at the bottom of a box.
    while len(placed) > 1 and placed[-1].keep_with_next:
        rest.insert(0, placed.pop())
    return placed, rest


def _join(lines: Sequence[tuple[Span, ...]]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for number, line in enumerate(lines):
        if number and spans:
            spans[-1] = replace(spans[-1], text=spans[-1].text + " ")
        spans.extend(line)
    return _merge([(span.text, span) for span in spans])


def clip(para: Para, width: float, height: float, size: float, fonts: FontSet) -> Para:
    """``para`` (one span) cut short with "…" so that it fits the box at ``size``.

    For what has no room to continue: a title, a headline tile. Cuts at a space
    where there is one; a paragraph that fits is returned as it is.
    """
    if text_height([para], width, size, fonts) <= height:
        return para
    text = para.text
    style = para.spans[0] if para.spans else Span("")

    def cut(count: int) -> Para:
        head = text[:count]
        if " " in head.strip():
            head = head[: head.rstrip().rfind(" ")]
        return replace(para, spans=(replace(style, text=head.rstrip(" ,;:") + "…"),))

    low, high = 0, len(text)
    while low < high:  # the longest cut that fits
        middle = (low + high + 1) // 2
        if text_height([cut(middle)], width, size, fonts) <= height:
            low = middle
        else:
            high = middle - 1
    return cut(low)


def truncate(text: str, width: float, size: float, fonts: FontSet, *, bold: bool = False) -> str:
    """``text`` cut at a word so that it fits on one line ``width`` points wide, with "…"."""
    if fonts.width(text, size, bold=bold) <= width:
        return text
    words = text.split(" ")
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(",;:") + "…"
        if fonts.width(candidate, size, bold=bold) <= width:
            return candidate
    return ""
