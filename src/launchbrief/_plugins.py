"""Entry-point plugins, one mechanism for every group: listed without importing, loaded on use.

Readers (``launchbrief.readers``) and exporters (``launchbrief.exporters``) are both
found here. Listing a group reads the installed distributions' entry points and imports
nothing; :meth:`PluginEntry.load` imports one plugin, calls its entry point and checks
what the instance declares. A plugin that fails is reported by name, target and reason
as a :class:`~launchbrief.exceptions.LaunchbriefError`, and never breaks the others.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from importlib import metadata
from typing import Any, ClassVar, Generic, TypeVar

from launchbrief.exceptions import LaunchbriefError

__all__ = ["PluginEntry", "by_cost", "discover"]

T = TypeVar("T")
E = TypeVar("E", bound="PluginEntry[Any]")


class PluginEntry(Generic[T]):
    """A registered plugin, known by name until it is loaded.

    Subclasses name the ``kind`` of plugin (used in messages) and the attributes an
    instance must have.
    """

    kind: ClassVar[str] = "plugin"
    required: ClassVar[tuple[str, ...]] = ()

    def __init__(self, entry_point: metadata.EntryPoint) -> None:
        self.name = entry_point.name
        self.target = entry_point.value
        self._entry_point = entry_point

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r}, {self.target!r})"

    @property
    def imported(self) -> bool:
        """Whether the plugin's module is imported already, so loading it costs nothing more."""
        return self._entry_point.module in sys.modules

    def load(self) -> T:
        """Import the plugin and return a ready instance.

        Raises:
            LaunchbriefError: the plugin cannot be imported or created, or lacks an
                attribute it must declare; the message names it, its target and the reason.
        """
        label = f"{self.kind} {self.name!r} ({self.target})"
        try:
            plugin: T = _create(self._entry_point)
        except Exception as error:
            raise LaunchbriefError(
                f"{label} could not be loaded: {type(error).__name__}: {error}"
            ) from error
        problems = self.problems(plugin)
        if problems:
            raise LaunchbriefError(f"{label} {'; '.join(problems)}")
        return plugin

    @classmethod
    def problems(cls, plugin: object) -> list[str]:
        """What is wrong with a loaded plugin, in words; empty when it is usable."""
        missing = [name for name in cls.required if not hasattr(plugin, name)]
        return [f"lacks {', '.join(missing)}"] if missing else []


@functools.cache
def _create(entry_point: metadata.EntryPoint) -> Any:
    # Only successes are cached: a plugin that failed is tried (and reported) again.
    return entry_point.load()()


@functools.cache
def _entry_points() -> Any:
    # One scan of the installed distributions serves both groups (readers and exporters).
    # Python 3.11 returns SelectableGroups, 3.12 EntryPoints: both select(group=...).
    return metadata.entry_points()


def discover(group: str, entry_type: type[E]) -> tuple[E, ...]:
    """Every plugin registered under ``group``, sorted by name; nothing is imported.

    The first registration of a name wins, so a plugin cannot shadow ours by accident.
    """
    found: dict[str, E] = {}
    for entry_point in _entry_points().select(group=group):
        found.setdefault(entry_point.name, entry_type(entry_point))
    return tuple(sorted(found.values(), key=lambda entry: entry.name))


def by_cost(entries: Iterable[E], name: str) -> Iterator[E]:
    """``entries`` in the order that imports least: ``name`` first, then those already imported.

    Looking for the plugin of a suffix means loading plugins until one declares it. By
    convention a plugin is named after its suffix, so that one is tried first; then any
    whose module is imported already (the YAML reader once the JSON one, its neighbour,
    is loaded), so a heavy library is imported only when nothing lighter fits.
    """
    remaining = sorted(entries, key=lambda entry: entry.name != name)
    while remaining:
        cheap = next((entry for entry in remaining if entry.imported), remaining[0])
        if remaining[0].name == name:
            cheap = remaining[0]
        remaining.remove(cheap)
        yield cheap
