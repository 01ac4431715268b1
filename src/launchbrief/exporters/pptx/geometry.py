"""Geometry of a slide: sizes in points, boxes, and points to EMU and back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pptx.util import Emu

# Sizes in points. Body text never goes below BODY_FLOOR.
BODY_FLOOR = 12.0


BODY_SIZE = 16.0


TABLE_SIZE = 14.0


LEDE_SIZE = 17.0


FOOTER_FLOOR = 8.0


TITLE_FLOOR = 20.0


CHART_TEXT = 12.0


GAP = 24.0  # between columns and blocks


EMU_PER_PT = 12700


@dataclass(frozen=True)
class Box:
    """A rectangle in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def below(self, height: float, gap: float = 0.0) -> Box:
        """What is left of the box under a band ``height`` high and a ``gap``."""
        used = min(self.h, height + gap)
        return Box(self.x, self.y + used, self.w, self.h - used)

    def top(self, height: float) -> Box:
        return Box(self.x, self.y, self.w, min(height, self.h))

    def columns(self, weights: Sequence[float], gap: float = GAP) -> list[Box]:
        total = sum(weights) or 1.0
        usable = self.w - gap * (len(weights) - 1)
        boxes, x = [], self.x
        for weight in weights:
            width = usable * weight / total
            boxes.append(Box(x, self.y, width, self.h))
            x += width + gap
        return boxes


def emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_PT))


def pt(emu: int | None) -> float:
    return (emu or 0) / EMU_PER_PT
