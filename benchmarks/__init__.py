"""Benchmarks of launchbrief against its baselines: run ``python -m benchmarks`` (see README.md)."""
