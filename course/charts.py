"""Charts the lessons show, so a notebook holds one line of code and the learner sees the picture.

    from course.charts import mentions_by_place
    mentions_by_place(mentions)          # bars per place, coloured by whether the brand runs an account there

Each function checks its table first and raises :class:`ChartError` naming the missing column or
the bad value, then draws on a new figure (or on ``ax`` if given) and returns the axes, so a test
or a curious learner can inspect what was drawn.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

__all__ = ["ChartError", "OWNED_COLOUR", "ELSEWHERE_COLOUR", "mentions_by_place"]

OWNED_COLOUR = "#2e7d32"  # green: the brand runs an account or space there
ELSEWHERE_COLOUR = "#ef6c00"  # orange: people talk there, the brand has no account


class ChartError(ValueError):
    """A table handed to a chart lacks a column it needs, or holds values the chart cannot draw."""


def _require(table: pd.DataFrame, columns: list[str], chart: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise ChartError(f"{chart}() needs a pandas DataFrame; it was given a {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ChartError(f"{chart}(): the table has no column {', '.join(map(repr, missing))} "
                         f"(its columns are {', '.join(map(repr, table.columns))})")


def _plain(value):
    """A numpy scalar as the Python value it holds, so error messages read ``-1``, not ``np.int64(-1)``."""
    return value.item() if isinstance(value, np.generic) else value


def mentions_by_place(table: pd.DataFrame, *, place: str = "place", count: str = "mentions",
                      owned: str = "velora_has_account", brand: str = "Velora",
                      title: str = "Where people talk about Velora", ax=None):
    """Horizontal bars of ``count`` per ``place``, busiest at the top, green where ``owned`` is True.

    ``owned`` must hold True/False for every row; ``count`` must hold numbers of zero or more.
    Returns the matplotlib axes.
    """
    _require(table, [place, count, owned], "mentions_by_place")
    is_flag = table[owned].map(lambda v: isinstance(v, (bool, np.bool_)))
    if not is_flag.all():
        bad = _plain(table.loc[~is_flag, owned].iloc[0])
        raise ChartError(f"mentions_by_place(): column {owned!r} must hold True or False, not {bad!r}")
    counts = pd.to_numeric(table[count], errors="coerce")
    if counts.isna().any() or (counts < 0).any():
        bad = _plain(table.loc[counts.isna() | (counts < 0), count].iloc[0])
        raise ChartError(f"mentions_by_place(): column {count!r} must hold counts of zero or more, not {bad!r}")

    ordered = table.assign(**{count: counts}).sort_values(count)
    colours = [OWNED_COLOUR if flag else ELSEWHERE_COLOUR for flag in ordered[owned]]
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.5))
    ax.barh(ordered[place].astype(str), ordered[count], color=colours)
    ax.set_xlabel(f"mentions of {brand}")
    ax.set_title(title)
    ax.legend(handles=[Patch(color=OWNED_COLOUR, label=f"{brand} has an account"),
                       Patch(color=ELSEWHERE_COLOUR, label=f"no {brand} account")], loc="lower right")
    ax.figure.tight_layout()
    return ax
