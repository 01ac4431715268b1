"""The house colors, for exporters that must not import the deck's package.

The deck's :mod:`launchbrief.exporters.pptx.palette` holds the same values; importing
it would import python-pptx, so the workbook takes them from here (a test keeps the
two equal). Colors are ``RRGGBB`` without the ``#``.
"""

from __future__ import annotations

__all__ = ["HOUSE_ACCENT", "RIVAL_GREYS", "STATUS_COLORS"]

#: The house accent (a deep blue): headers, the launched models' bars.
HOUSE_ACCENT = "1F5AD1"

#: Rivals in charts: neutral grays, so that only the launched models carry color. The
#: first is every rival's bar in a ranked chart; the others tell rivals apart in a
#: clustered chart's legend, alternating dark and light.
RIVAL_GREYS = ("9E9E9E", "6B6B6B", "C4C4C4", "838383", "B0B0B0", "575757")

#: A color per rollout status, from live (green) to not given (gray). Keyed by the
#: statuses' values, so that a :class:`~launchbrief.model.RolloutStatus` (a StrEnum)
#: finds its color without this module importing the model.
STATUS_COLORS = {
    "live": "1E7B4A",
    "rolling_out": "9A5B00",
    "preview": "6547B0",
    "planned": "5F6B7D",
    "unknown": "767676",
}
