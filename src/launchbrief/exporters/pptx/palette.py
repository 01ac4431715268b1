"""Colours: the house accent and rivals, rollout status colours, a palette from a theme."""

from __future__ import annotations

from dataclasses import dataclass

from launchbrief.model import RolloutStatus

#: The house accent colour (a deep blue), as ``RRGGBB``.
DEFAULT_ACCENT = "1F5AD1"


def mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0..1) of the way towards ``other``."""
    a = [int(color[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(other[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def _luminance(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


STATUS_COLORS = {
    RolloutStatus.LIVE: "1E7B4A",
    RolloutStatus.ROLLING_OUT: "9A5B00",
    RolloutStatus.PREVIEW: "6547B0",
    RolloutStatus.PLANNED: "5F6B7D",
    RolloutStatus.UNKNOWN: "767676",
}


#: Rivals in charts: neutral greys (red, green and blue alike) on every template, so
#: that only the launched models carry colour. The first is every rival's bar in a
#: ranked chart; the others tell rivals apart in a clustered chart's legend (at most
#: ``chart_data.MOST_SERIES`` series), alternating dark and light.
RIVAL_GREYS = ("9E9E9E", "6B6B6B", "C4C4C4", "838383", "B0B0B0", "575757")


HOUSE_THEME = {
    "dk1": "1B2230",
    "lt1": "FFFFFF",
    "dk2": "2A3444",
    "lt2": "F2F4F7",
    "accent1": DEFAULT_ACCENT,
    "accent2": "6F7D91",
    "accent3": "C9AE82",
    "accent4": "86B0A2",
    "accent5": "B3A3D1",
    "accent6": "D8A3A0",
    "hlink": DEFAULT_ACCENT,
    "folHlink": "6547B0",
}


@dataclass(frozen=True)
class Palette:
    ink: str  # titles and strong text
    body: str
    muted: str  # captions, footers, labels
    rule: str  # hairlines
    panel: str  # tile and callout backgrounds
    accent: str
    accent_soft: str
    paper: str
    rivals: tuple[str, ...]  # neutral greys, whatever the theme
    positive: str = "1E7B4A"
    negative: str = "B3261E"

    def role(self, name: str | None) -> str:
        if name is None:
            return self.body
        if name.startswith("status:"):
            return STATUS_COLORS[RolloutStatus(name.removeprefix("status:"))]
        return str(getattr(self, name))

    @classmethod
    def from_theme(cls, scheme: dict[str, str], accent: str | None) -> Palette:
        dark, light = scheme.get("dk1", "000000"), scheme.get("lt1", "FFFFFF")
        if _luminance(dark) > _luminance(light):  # a dark theme: text is light
            dark, light = light, dark
        highlight = accent or scheme.get("accent1", DEFAULT_ACCENT)
        return cls(
            ink=scheme.get("dk2", dark) if _luminance(scheme.get("dk2", dark)) < 0.3 else dark,
            body=mix(dark, light, 0.1),
            muted=mix(dark, light, 0.42),
            rule=mix(dark, light, 0.8),
            panel=mix(dark, light, 0.95),
            accent=highlight,
            accent_soft=mix(highlight, light, 0.88),
            paper=light,
            rivals=RIVAL_GREYS,
        )
