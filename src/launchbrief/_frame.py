"""``to_frame``: the tidy results table as a pandas ``DataFrame``, with proper dtypes.

pandas is an optional dependency (``pip install 'launchbrief[pandas]'``): it is imported
when :func:`to_frame` is called, never when launchbrief is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from launchbrief.exceptions import MissingDependencyError
from launchbrief.model import Launch
from launchbrief.tables import RESULT_COLUMNS, ColumnType, TableColumn, result_rows

if TYPE_CHECKING:
    import pandas

__all__ = ["to_frame"]


def to_frame(launches: Launch | Iterable[Launch]) -> pandas.DataFrame:
    """The tidy results table of one launch, or of several stacked, as a ``DataFrame``.

    One row per result, one column per :data:`launchbrief.tables.RESULT_COLUMNS` entry,
    in that order, on a fresh ``RangeIndex``. The dtypes hold for any record, even one
    without results, so frames of several calls concatenate cleanly:

    - text: ``string`` (``<NA>`` when empty);
    - codes (``scale``, ``direction``, ``standing``): ``category``, whose categories are
      every code of the column in order, used or not;
    - ``score`` and ``gap``: ``float64`` (``NaN`` when empty);
    - ``rank`` and ``entries``: ``Int64`` (``<NA>`` when unranked);
    - flags (``launched``, ``quoted``, ``vendor_only``): ``boolean``;
    - ``as_of``: ``datetime64[s]`` at midnight (``NaT`` when the record gives no date).

    Raises:
        MissingDependencyError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as error:
        raise MissingDependencyError(
            "launchbrief.to_frame needs pandas, which is not installed:"
            " pip install 'launchbrief[pandas]'"
        ) from error
    rows = result_rows(launches)
    data = {}
    for column in RESULT_COLUMNS:
        values = [row[column.name] for row in rows]
        if column.type is ColumnType.DATE:
            data[column.name] = _dates(pd, values, column.name)
        else:
            data[column.name] = pd.Series(values, dtype=_dtype(pd, column), name=column.name)
    return pd.DataFrame(data, columns=[column.name for column in RESULT_COLUMNS])


def _dtype(pd: Any, column: TableColumn) -> Any:
    """The pandas dtype of a column (dates aside)."""
    if column.type is ColumnType.CODE:
        return pd.CategoricalDtype(categories=list(column.codes), ordered=False)
    return {
        ColumnType.TEXT: pd.StringDtype(),
        ColumnType.NUMBER: "float64",
        ColumnType.INTEGER: "Int64",
        ColumnType.BOOLEAN: "boolean",
    }[column.type]


def _dates(pd: Any, values: list[Any], name: str) -> Any:
    """Dates as ``datetime64[s]`` (``NaT`` for ``None``): seconds, so any year 1 to 9999 fits."""
    import numpy  # a dependency of pandas

    return pd.Series(numpy.array(values, dtype="datetime64[s]"), name=name)
