"""The slides of a briefing, one module per kind, each adding its slides to a deck."""
