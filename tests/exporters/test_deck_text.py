"""Text measured for the deck: wrapping, fitting, splitting and cutting, in linear time.

Speed is checked by counting what is measured (calls to the width function and the
characters they measure), not by the clock: the count for a text four times as long
must be at most about four times as large, and what only needs to fill a box must
not grow with the text at all.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from launchbrief.exporters.pptx import metrics
from launchbrief.exporters.pptx.metrics import FontSet, font_set
from launchbrief.exporters.pptx.text import (
    Para,
    Span,
    clip,
    fit_size,
    fits,
    split_paras,
    text_height,
    truncate,
    wrap,
)
from tests.samples import words

#: Growth allowed for a text four times as long: linear, with some slack.
LINEAR = 4.5


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    """The body font of the house style (Calibri, measured with Carlito or a stand-in)."""
    return font_set("Calibri")


@dataclass
class Measured:
    """What the width function was asked: how many times, and for how many characters."""

    calls: int = 0
    characters: int = 0


@contextmanager
def measuring(monkeypatch: pytest.MonkeyPatch) -> Iterator[Measured]:
    """Count the calls to the width function (cached or not) while the block runs."""
    measured = Measured()
    advance = metrics._advance

    def counted(path: str, text: str) -> float:
        measured.calls += 1
        measured.characters += len(text)
        return advance(path, text)

    with monkeypatch.context() as patch:
        patch.setattr(metrics, "_advance", counted)
        yield measured


def growth(
    monkeypatch: pytest.MonkeyPatch, work: Callable[[str], object], small: str, large: str
) -> tuple[float, float]:
    """How much more ``work`` measures for ``large`` than for ``small``: (calls, characters)."""
    work(small)  # warm the word cache alike for both
    with measuring(monkeypatch) as first:
        work(small)
    with measuring(monkeypatch) as second:
        work(large)
    return second.calls / max(first.calls, 1), second.characters / max(first.characters, 1)


TEXTS = {
    "words": (words(10_000), words(40_000)),
    "one long word": ("x" * 10_000, "x" * 40_000),
    "long words": (("y" * 997 + " ") * 10, ("y" * 997 + " ") * 40),
}


@pytest.mark.parametrize("kind", TEXTS)
def test_wrapping_is_linear_in_the_texts_length(
    kind: str, fonts: FontSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrapping a text four times as long measures at most about four times as much."""
    small, large = TEXTS[kind]

    def work(text: str) -> object:
        return wrap(Para.of(text), 300, 14, fonts)

    calls, characters = growth(monkeypatch, work, small, large)
    assert calls <= LINEAR
    assert characters <= LINEAR


@pytest.mark.parametrize("kind", TEXTS)
def test_text_height_is_linear_in_the_texts_length(
    kind: str, fonts: FontSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measuring a whole text's height is linear in its length."""
    small, large = TEXTS[kind]

    def work(text: str) -> object:
        return text_height([Para.of(text, bullet=True)], 250, 12, fonts)

    calls, characters = growth(monkeypatch, work, small, large)
    assert calls <= LINEAR
    assert characters <= LINEAR


@pytest.mark.parametrize("kind", TEXTS)
@pytest.mark.parametrize(
    "name",
    ["fits", "fit_size", "split_paras", "clip", "truncate"],
)
def test_filling_a_box_measures_no_more_than_the_box_holds(
    name: str, kind: str, fonts: FontSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fitting, splitting and cutting measure about as much for 40,000 characters as for 10,000."""
    small, large = TEXTS[kind]
    work: Callable[[str], object] = {
        "fits": lambda text: fits([Para.of(text)], 400, 200, 14, fonts),
        "fit_size": lambda text: fit_size(
            [Para.of(text)], 400, 200, fonts, largest=20, smallest=12
        ),
        "split_paras": lambda text: split_paras([Para.of(text)], 400, 200, 12, fonts),
        "clip": lambda text: clip(Para.of(text), 400, 200, 12, fonts),
        "truncate": lambda text: truncate(text, 400, 12, fonts),
    }[name]
    calls, characters = growth(monkeypatch, work, small, large)
    assert calls <= 1.5
    assert characters <= 1.5


def test_splitting_a_long_text_over_boxes_is_linear(
    fonts: FontSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Splitting a text into box after box measures each line about once, not the rest each time."""

    def work(text: str) -> object:
        pending = [Para.of(text)]
        boxes = 0
        while pending:
            _placed, pending = split_paras(pending, 400, 300, 12, fonts)
            boxes += 1
        return boxes

    calls, characters = growth(monkeypatch, work, words(10_000), words(40_000))
    assert calls <= LINEAR
    assert characters <= LINEAR


def test_a_word_wider_than_the_line_is_broken_into_pieces_that_fit(fonts: FontSet) -> None:
    """A word too wide for the line is broken into pieces that each fit, none lost."""
    word = "supercalifragilistic" * 50
    lines = wrap(Para.of(word), 200, 14, fonts)
    texts = ["".join(span.text for span in line) for line in lines]
    assert word == "".join(texts)
    assert len(lines) > 5
    for text in texts:
        assert fonts.width(text, 14) <= 200 * metrics.WIDTH_SAFETY
    # Each piece but the last is as long as fits: one more letter would not.
    for text, following in itertools.pairwise(texts):
        assert fonts.width(text + following[0], 14) > 200 * metrics.WIDTH_SAFETY


def test_clip_cuts_at_a_word_with_an_ellipsis_and_fits(fonts: FontSet) -> None:
    """A text too long for its box is cut after a whole word, ends in "…" and fits the box."""
    text = words(40_000)
    clipped = clip(Para.of(text, italic=True), 300, 80, 14, fonts)
    assert clipped.text.endswith("…")
    head = clipped.text.removesuffix("…")
    assert text.startswith(head)
    assert text[len(head)] == " "
    assert clipped.spans[0].italic
    assert text_height([clipped], 300, 14, fonts) <= 80
    # The cut is as long as can be: one more word would not fit.
    longer = text[: text.index(" ", len(head) + 1)] + "…"
    assert text_height([Para.of(longer)], 300, 14, fonts) > 80


def test_clip_keeps_the_styles_of_several_spans(fonts: FontSet) -> None:
    """Clipping a paragraph of several spans keeps each span's style up to the cut."""
    para = Para((Span("Benchmark: ", bold=True), Span(words(5_000), italic=True)))
    clipped = clip(para, 300, 60, 12, fonts)
    assert [(True, False), (False, True)] == [(s.bold, s.italic) for s in clipped.spans]
    assert clipped.spans[0].text == "Benchmark: "
    assert clipped.text.endswith("…")
    assert text_height([clipped], 300, 12, fonts) <= 60


def test_clip_returns_what_fits_unchanged(fonts: FontSet) -> None:
    """A paragraph that fits is returned as it is."""
    para = Para.of("A short sentence.", bold=True)
    assert para == clip(para, 300, 60, 12, fonts)


def test_truncate_fits_one_line_with_an_ellipsis(fonts: FontSet) -> None:
    """A long text is cut to whole words that fit one line, then "…"."""
    text = words(40_000)
    cut = truncate(text, 250, 12, fonts)
    assert cut.endswith("…")
    assert text.startswith(cut.removesuffix("…"))
    assert fonts.width(cut, 12) <= 250
    assert truncate("Short", 250, 12, fonts) == "Short"
    assert truncate("x" * 1000, 250, 12, fonts) == "…"


def test_a_text_of_a_million_characters_can_be_measured(fonts: FontSet) -> None:
    """Texts longer than Pillow measures at once are measured in pieces."""
    assert fonts.width("abcd" * 300_000, 10) == pytest.approx(
        300_000 * fonts.width("abcd", 10), rel=1e-3
    )


_TEXT = st.text(alphabet=st.sampled_from("abc defghij WMil.,"), max_size=400)


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(_TEXT, min_size=1, max_size=3),
    width=st.sampled_from([60.0, 150.0, 400.0]),
    height=st.sampled_from([15.0, 40.0, 120.0]),
)
def test_split_paras_loses_no_words_and_keeps_each_box_full(
    texts: list[str], width: float, height: float
) -> None:
    """Splitting again and again gives back every word, and every box but the last fits."""
    fonts = font_set("Calibri")
    paras = [Para.of(" ".join(text.split()), space_before=0.5) for text in texts]
    boxes = []
    pending = paras
    while pending and len(boxes) < 500:
        placed, pending = split_paras(pending, width, height, 12, fonts)
        assert placed
        boxes.append(placed)
    assert not pending
    # A word broken over lines may come back with a space where it broke.
    shown = "".join(para.text for box in boxes for para in box)
    assert "".join("".join(para.text for para in paras).split()) == "".join(shown.split())
    for box in boxes:
        lines = sum(len(wrap(para, width, 12, fonts)) for para in box)
        assert lines == 1 or text_height(box, width, 12, fonts) <= height + 1e-6
