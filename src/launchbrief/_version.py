"""The package version, read from the installed distribution's metadata."""

from importlib import metadata

try:
    __version__ = metadata.version("launchbrief")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0+unknown"
