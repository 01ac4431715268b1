"""Font metrics for the deck: which font file measures a family, and how wide text is.

Slides have fixed boxes, and a box that overflows looks broken on a projector. So
text is measured with the advance widths and line heights of a real TrueType font
(Pillow reads it): the named family if it is installed, else its metric twin
(Liberation Sans for Arial, Carlito for Calibri), else the shipped Liberation Sans,
widened by :data:`SUBSTITUTE_FACTOR`.

This module does not import python-pptx: it knows text, points and fonts only.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

#: Fonts shipped with launchbrief (Liberation Sans, SIL OFL 1.1), used when the
#: named font cannot be found on this machine.
FONT_DIR = Path(__file__).parents[1] / "fonts"


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


#: The same for bold text: DejaVu Sans Bold runs up to about 28% wider than
#: Liberation Sans Bold on digits and signs ("#1 of 5"), which headline values hold.
SUBSTITUTE_BOLD_FACTOR = 1.3


#: The share of a line's width that text is allowed to fill.
WIDTH_SAFETY = 0.96


#: Single line spacing, in ems, as PowerPoint and LibreOffice set it.
LINE_SPACING = 1.2


#: Measuring is done at this pixel size, then scaled: advances scale linearly.
_REFERENCE = 1000


@dataclass(frozen=True)
class _Face:
    path: str
    factor: float  # widths are multiplied by this (1.0 for the real font)


@functools.cache
def _font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _REFERENCE)


#: Texts up to this many characters (words, nearly always) have their widths cached.
_CACHED = 64


#: Longer texts are measured in pieces of this many characters: Pillow refuses
#: strings of a million characters, and kerning across a piece boundary is noise.
_PIECE = 4096


def _advance(path: str, text: str) -> float:
    """Advance width of ``text`` in em (kerned, as a layout engine sets it).

    Words are measured once per face and then looked up; a long text is measured
    each time it is asked for (in linear time), so that the cache stays small.
    """
    if len(text) <= _CACHED:
        return _word_advance(path, text)
    font = _font(path)
    return (
        sum(float(font.getlength(text[at : at + _PIECE])) for at in range(0, len(text), _PIECE))
        / _REFERENCE
    )


@functools.lru_cache(maxsize=1 << 16)
def _word_advance(path: str, text: str) -> float:
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
        bold=_Face(shipped_bold, SUBSTITUTE_BOLD_FACTOR),
        italic=_Face(shipped_regular, SUBSTITUTE_FACTOR),
    )
