"""Text laid out with real font metrics, for the deck: wrapping, fitting, splitting.

Every piece of text the deck writes is laid out here first (widths come from
:mod:`.metrics`), the same way LibreOffice and PowerPoint break lines: at spaces,
and inside a word only when the word alone is wider than the line. A size is chosen
from the largest that fits down to a floor; what still does not fit is split off for
a continuation slide.

This module does not import python-pptx: it knows text, points and fonts only.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from launchbrief.exporters._story import clean
from launchbrief.exporters.pptx.metrics import WIDTH_SAFETY, FontSet, _advance, _Face

#: Paragraphs scaled down (headings in small capitals) stop at this size.
SMALLEST = 12.0


#: Paragraphs of at most this many lines are never split between boxes.
KEEP_WHOLE = 6


def sentence(text: str) -> str:
    """Cleaned text with a capital first letter, as a table cell or a list item starts."""
    text = clean(text)
    return text[:1].upper() + text[1:]


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

    @functools.cached_property
    def _pieces(self) -> tuple[_Piece, ...]:
        """The words and single spaces of the paragraph, split once (see :func:`_tokens`)."""
        return tuple(_split(self))


#: Left margin of a bullet paragraph, in ems of its size (the bullet hangs in it).
BULLET_INDENT = 1.0


_TOKEN = re.compile(r" |[^ ]+")


@dataclass(frozen=True, slots=True)
class _Piece:
    """A word, part of a word or a space: where it starts in which span of the paragraph."""

    text: str
    span: int  # index into the paragraph's spans
    start: int  # offset of the text in that span's text


_Line = list[_Piece]


#: Paragraphs up to this many characters keep their words once split (see
#: ``Para._pieces``); longer ones are split as far as they are read, every time.
_KEEP_PIECES = 4096


def _tokens(para: Para) -> Iterable[_Piece]:
    """The words and single spaces of ``para``, in order, read as they are asked for."""
    if sum(len(span.text) for span in para.spans) <= _KEEP_PIECES:
        return para._pieces
    return _split(para)


def _split(para: Para) -> Iterator[_Piece]:
    for index, span in enumerate(para.spans):
        for match in _TOKEN.finditer(span.text):
            yield _Piece(match.group(), index, match.start())


#: A word longer than this is first measured by its beginning: when that alone is
#: wider than the line, the word is broken without measuring all of it.
_LONG_WORD = 256


def _chunks(
    word: str, span: Span, available: float, size: float, fonts: FontSet
) -> Iterator[tuple[int, int]]:
    """Pieces of a word wider than the line that each fit it, as ``(start, end)`` offsets.

    Like a renderer, a piece takes as many characters as fit, and at least one.
    The end of each piece is found by doubling then halving a step, so a word of
    ``n`` characters costs about ``n log(line)`` measured characters, not ``n²``.
    """

    def fits(start: int, end: int) -> bool:
        return fonts.width(word[start:end], size, bold=span.bold, italic=span.italic) <= available

    start = 0
    while start < len(word):
        good, step = start + 1, 16
        bad = len(word) + 1
        while good < len(word):
            probe = min(len(word), good + step)
            if not fits(start, probe):
                bad = probe
                break
            good, step = probe, step * 2
        while bad - good > 1:
            middle = (good + bad) // 2
            if fits(start, middle):
                good = middle
            else:
                bad = middle
        yield start, good
        start = good


def _wider_than(
    word: str, available: float, size: float, fonts: FontSet, *, bold: bool, italic: bool
) -> float:
    """The width of ``word``, or infinity when its beginning alone is wider than ``available``."""
    if len(word) > _LONG_WORD:
        head = fonts.width(word[:_LONG_WORD], size, bold=bold, italic=italic)
        if head > available:
            return math.inf
    return fonts.width(word, size, bold=bold, italic=italic)


def _lines(para: Para, width: float, size: float, fonts: FontSet) -> Iterator[_Line]:
    """The lines of ``para`` in a box ``width`` points wide at ``size``, one at a time.

    Lines break at spaces, and inside a word only when the word alone is wider than
    the line. The spaces at a break are dropped. An empty paragraph is one empty line.
    """
    size = para.size_at(size)
    # Renderers round glyph positions and may kern less: keep a little room spare.
    available = width * WIDTH_SAFETY - (BULLET_INDENT * size if para.bullet else 0.0)
    available = max(available, size)  # a box narrower than one em still holds a letter
    spans = para.spans
    # Each span's face and the width of a space in it, looked up once per layout:
    # a word's width is then ``_advance(path, word) * size * factor``, as
    # ``FontSet.width`` works it out.
    faces: dict[int, _Face] = {}
    spaces: dict[int, float] = {}
    line: _Line = []
    used = 0.0
    pending_space: _Piece | None = None
    for piece in _tokens(para):
        text = piece.text
        if text == " ":
            if line:
                pending_space = piece
            continue
        span = spans[piece.span]
        if len(text) > _LONG_WORD:
            measure = _wider_than(text, available, size, fonts, bold=span.bold, italic=span.italic)
        else:
            face = faces.get(piece.span)
            if face is None:
                face = faces[piece.span] = fonts.face(span.bold, span.italic)
            measure = _advance(face.path, text) * size * face.factor
        space = 0.0
        if pending_space is not None:
            space = spaces.get(pending_space.span, -1.0)
            if space < 0:
                bold = spans[pending_space.span].bold
                space = spaces[pending_space.span] = fonts.width(" ", size, bold=bold)
        if line and used + space + measure <= available:
            if pending_space is not None:
                line.append(pending_space)
            line.append(piece)
            used += space + measure
        elif not line and measure <= available:
            line.append(piece)
            used = measure
        else:
            if line:
                yield line
            line, used = [], 0.0
            if measure <= available:
                line = [piece]
                used = measure
            else:
                for start, end in _chunks(text, span, available, size, fonts):
                    chunk = _Piece(text[start:end], piece.span, piece.start + start)
                    if end < len(text):
                        yield [chunk]
                    else:
                        line = [chunk]
                        used = fonts.width(chunk.text, size, bold=span.bold, italic=span.italic)
        pending_space = None
    yield line


def _style(span: Span) -> tuple[bool, bool, str | None]:
    return span.bold, span.italic, span.color


def _merge(spans: Sequence[Span], pieces: Iterable[tuple[str, int]]) -> tuple[Span, ...]:
    """Runs of ``(text, span index)`` pieces joined into one span per run of a style."""
    merged: list[Span] = []
    texts: list[str] = []
    last: Span | None = None
    for text, index in pieces:
        span = spans[index]
        if last is not None and (span is last or _style(span) == _style(last)):
            texts.append(text)
            continue
        if last is not None:
            merged.append(replace(last, text="".join(texts)))
        last, texts = span, [text]
    if last is not None:
        merged.append(replace(last, text="".join(texts)))
    return tuple(merged)


def wrap(para: Para, width: float, size: float, fonts: FontSet) -> list[tuple[Span, ...]]:
    """Break ``para`` into lines for a box ``width`` points wide at ``size`` points.

    Each line is a tuple of spans (pieces of the paragraph's spans). An empty
    paragraph is one empty line.
    """
    return [
        _merge(para.spans, ((piece.text, piece.span) for piece in line))
        for line in _lines(para, width, size, fonts)
    ]


def _line_count(para: Para, width: float, size: float, fonts: FontSet, most: int | None) -> int:
    """How many lines ``para`` takes; counting stops past ``most`` (then ``most + 1``)."""
    lines = _lines(para, width, size, fonts)
    if most is not None:
        lines = itertools.islice(lines, max(most, 0) + 1)
    return sum(1 for _line in lines)


def text_height(
    paras: Iterable[Para],
    width: float,
    size: float,
    fonts: FontSet,
    *,
    limit: float | None = None,
) -> float:
    """Height in points of ``paras`` set at ``size`` in a box ``width`` points wide.

    With ``limit``, measuring stops as soon as the height is known to pass it, and
    the height returned is then some height above ``limit`` (not the full height):
    enough to tell that text does not fit, at the cost of what fits.
    """
    total = 0.0
    for index, para in enumerate(paras):
        own = para.size_at(size)
        gap = 0.0 if index == 0 else para.space_before * own
        line_height = fonts.line_height(own)
        most = None if limit is None else int((limit - total - gap + 1e-6) // line_height)
        total += gap + _line_count(para, width, size, fonts, most) * line_height
        if limit is not None and total > limit:
            break
    return total


def fits(paras: Iterable[Para], width: float, height: float, size: float, fonts: FontSet) -> bool:
    """Whether ``paras`` set at ``size`` fit a box ``width`` by ``height`` points.

    Measures no further than the box holds, so the cost does not grow with text
    that would not fit anyway.
    """
    return text_height(paras, width, size, fonts, limit=height) <= height


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
        if fits(paras, width, height, size, fonts):
            return size
        size -= step
    return None


def _rest(para: Para, piece: _Piece) -> tuple[Span, ...]:
    """The spans of ``para`` from ``piece`` on, adjacent spans of one style merged.

    Spaces at the end are dropped, as a line drops them.
    """
    spans = para.spans
    parts = [(spans[piece.span].text[piece.start :], piece.span)]
    parts.extend((span.text, index) for index, span in enumerate(spans) if index > piece.span)
    while parts and not parts[-1][0].rstrip(" "):
        parts.pop()
    if parts:
        parts[-1] = (parts[-1][0].rstrip(" "), parts[-1][1])
    return _merge(spans, ((text, index) for text, index in parts if text))


def split_paras(
    paras: Sequence[Para], width: float, height: float, size: float, fonts: FontSet
) -> tuple[list[Para], list[Para]]:
    """Split ``paras`` into what fits in the box at ``size`` and the rest, at line boundaries.

    A heading marked ``keep_with_next`` never ends a box. At least one line is always
    placed, so that splitting always makes progress. A paragraph is laid out only as
    far as the box holds it: the rest is passed on as it is written.
    """
    placed: list[Para] = []
    used = 0.0
    for index, para in enumerate(paras):
        first = not placed
        own = para.size_at(size)
        gap = 0.0 if first else para.space_before * own
        line_height = fonts.line_height(own)
        room = int((height - used - gap + 1e-6) // line_height)
        # Enough lines to tell whether it fits, or is short enough to move whole.
        lines = list(itertools.islice(_lines(para, width, size, fonts), max(room, KEEP_WHOLE) + 1))
        if room >= len(lines):
            placed.append(para)
            used += gap + len(lines) * line_height
            continue
        # A short paragraph moves whole to the next box rather than break in two.
        if placed and (room <= 0 or len(lines) <= KEEP_WHOLE):
            rest = list(paras[index:])
            break
        room = max(room, 1)
        head = replace(para, spans=_join(para, lines[:room]))
        after = lines[room] if room < len(lines) else []
        tail = replace(para, spans=_rest(para, after[0]) if after else (), space_before=0.0)
        placed.append(head)
        rest = [tail, *paras[index + 1 :]]
        break
    else:
        return placed, []
    # Do not leave a heading alone at the bottom of a box.
    while len(placed) > 1 and placed[-1].keep_with_next:
        rest.insert(0, placed.pop())
    return placed, rest


def _join(para: Para, lines: Sequence[_Line]) -> tuple[Span, ...]:
    """The spans of ``lines``, a space where each line broke (as the lines were written)."""
    pieces: list[tuple[str, int]] = []
    for number, line in enumerate(lines):
        if number and pieces:
            pieces.append((" ", pieces[-1][1]))
        pieces.extend((piece.text, piece.span) for piece in line)
    return _merge(para.spans, pieces)


def _cut(para: Para, count: int) -> Para:
    """``para`` cut after ``count`` characters, back to the last space, with "…"."""
    text = para.text
    head = text[:count]
    if " " in head.strip():
        head = head[: head.rstrip().rfind(" ")]
    head = head.rstrip(" ,;:")
    spans: list[Span] = []
    at = 0
    for span in para.spans:
        if at >= len(head):
            break
        spans.append(replace(span, text=head[at : at + len(span.text)]))
        at += len(span.text)
    if spans:
        spans[-1] = replace(spans[-1], text=spans[-1].text + "…")
    else:
        spans = [replace(para.spans[0] if para.spans else Span(""), text="…")]
    return replace(para, spans=tuple(spans))


def clip(para: Para, width: float, height: float, size: float, fonts: FontSet) -> Para:
    """``para`` cut short with "…" so that it fits the box at ``size``.

    For what has no room to continue: a title, a headline tile, a paragraph longer
    than a whole slide. Cuts at a space where there is one; a paragraph that fits is
    returned as it is. Only the lines the box holds are laid out, however long the
    text: the cut is searched for within them.
    """
    line_height = fonts.line_height(para.size_at(size))
    most = max(0, int((height + 1e-6) // line_height))
    lines = list(itertools.islice(_lines(para, width, size, fonts), most + 2))
    if len(lines) <= most:
        return para
    # A cut drops the word it ends in, so one that reaches the line after the first
    # line that does not fit keeps all of that line, and cannot fit either.
    high = len(para.text)
    if len(lines) > most + 1 and lines[most + 1]:
        after = lines[most + 1][0]
        high = sum(len(span.text) for span in para.spans[: after.span]) + after.start
    low = 0
    while low < high:  # the longest cut that fits
        middle = (low + high + 1) // 2
        if fits([_cut(para, middle)], width, height, size, fonts):
            low = middle
        else:
            high = middle - 1
    return _cut(para, low)


def _words(text: str) -> Iterator[str]:
    """``text.split(" ")``, one word at a time."""
    start = 0
    while (end := text.find(" ", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def truncate(text: str, width: float, size: float, fonts: FontSet, *, bold: bool = False) -> str:
    """``text`` cut at a word so that it fits on one line ``width`` points wide, with "…".

    Words are measured one at a time until they fill the line, so a long text costs
    no more than what the line holds.
    """
    words: list[str] = []
    total = 0.0
    space = fonts.width(" ", size, bold=bold)
    enough = 2 * width + size  # kerning never makes text half as wide
    for word in _words(text):
        words.append(word)
        total += _wider_than(word, enough, size, fonts, bold=bold, italic=False)
        total += space if len(words) > 1 else 0.0
        if total > enough:
            break
    else:
        if fonts.width(text, size, bold=bold) <= width:
            return text

    def candidate(count: int) -> str:
        return " ".join(words[:count]).rstrip(",;:") + "…"

    # The longest run of whole words that fits with "…" (fewer than all the words).
    low, high = -1, len(words) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if fonts.width(candidate(middle), size, bold=bold) <= width:
            low = middle
        else:
            high = middle - 1
    return candidate(low) if low >= 0 else ""


def item_starts(paras: Sequence[Para]) -> list[int]:
    """Where each item of ``paras`` starts: a paragraph and those kept with it.

    A paragraph marked ``keep_with_next`` (a heading, a result before its quote) is
    one item with the paragraph after it, as :func:`split_paras` keeps them.
    """
    return [
        index for index in range(len(paras)) if index == 0 or not paras[index - 1].keep_with_next
    ]


def items(paras: Sequence[Para]) -> int:
    """How many items ``paras`` hold (see :func:`item_starts`)."""
    return len(item_starts(paras))


def widest_word(para: Para, size: float, fonts: FontSet) -> float:
    """The width in points a line needs to hold the widest word of ``para`` at ``size``.

    A word is measured in its pieces after each hyphen or dash, where renderers may
    break it.
    """
    own = para.size_at(size)
    widest = 0.0
    for span in para.spans:
        for piece in _HYPHENATED.findall(span.text):
            widest = max(widest, fonts.width(piece, own, bold=span.bold, italic=span.italic))
    return (widest + (BULLET_INDENT * own if para.bullet else 0.0)) / WIDTH_SAFETY


# A word up to and with each hyphen or dash in it, or the rest of it.
_HYPHENATED = re.compile(r"[^\s\-–]*[\-–]|[^\s\-–]+")


def spare_items(
    paras: Sequence[Para], placed: list[Para], rest: list[Para], *, least: int = 2
) -> tuple[list[Para], list[Para]]:
    """``split_paras``'s ``(placed, rest)`` with whole items moved on until ``rest`` has ``least``.

    So that what continues elsewhere is never one item alone; ``placed`` keeps its
    first item. A paragraph split in two goes on whole with its item.
    """
    if not rest:
        return placed, rest
    whole = len(paras) - len(rest)
    for start in reversed(item_starts(paras)):
        if items(rest) >= least or start == 0:
            break
        if start < whole:
            placed, rest = list(paras[:start]), list(paras[start:])
    return placed, rest


def fit_items(
    paras: Sequence[Para],
    width: float,
    height: float,
    size: float,
    fonts: FontSet,
    more: Callable[[int], Para],
) -> list[Para]:
    """The most whole items of ``paras`` that fit the box with ``more(left out)`` after them.

    For a box that cannot continue elsewhere: what does not fit is counted, never
    cut mid-item. At least the first item is kept (clipped to the box if need be).
    """
    paras = list(paras)
    if fits(paras, width, height, size, fonts):
        return paras
    starts = item_starts(paras)
    total = len(starts)
    low, high = 1, total - 1  # how many whole items to keep
    best = 1
    while low <= high:
        middle = (low + high) // 2
        kept = [*paras[: starts[middle]], more(total - middle)]
        if fits(kept, width, height, size, fonts):
            best, low = middle, middle + 1
        else:
            high = middle - 1
    kept = paras[: starts[best]] if best < total else paras
    tail = [more(total - best)] if best < total else []
    if not fits(kept + tail, width, height, size, fonts):
        room = height - (text_height(tail, width, size, fonts) if tail else 0.0)
        kept = [clip(kept[0], width, max(room, fonts.line_height(size)), size, fonts)]
    return kept + tail
