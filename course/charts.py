"""Charts the lessons show, so a notebook holds one line of code and the learner sees the picture.

    from course.charts import word_of_mouth, duty_shares
    word_of_mouth(happy=300, unhappy=100)   # how far good and bad stories travel in a month
    duty_shares(log)                        # where a community manager's week goes, week by week
    mentions_by_place(mentions)             # bars per place, green where the brand has an account there

Each function checks its input first and raises :class:`ChartError` naming the missing column or
the bad value, then draws on a new figure (or on ``ax`` if given) and returns the axes, so a test
or a curious learner can inspect what was drawn.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

__all__ = ["ChartError", "GOOD_COLOUR", "BAD_COLOUR", "word_of_mouth", "duty_shares",
           "OWNED_COLOUR", "ELSEWHERE_COLOUR", "mentions_by_place"]

GOOD_COLOUR = "#2e7d32"  # green: a good experience, an ordinary week
BAD_COLOUR = "#c62828"  # red: a bad experience, a crisis week
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


def _count(value, name: str, chart: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ChartError(f"{chart}(): {name} must be a whole number of zero or more, not {value!r}")
    return value


def word_of_mouth(happy: int, unhappy: int, *, told_if_happy: int = 15, told_if_unhappy: int = 24, axes=None):
    """Two panels: people told by one customer of each kind, and a month's shares of customers and stories.

    ``happy`` and ``unhappy`` are numbers of customers (whole numbers, not both zero); the
    defaults for people told are the 15/24 rule of thumb. Returns the two matplotlib axes.
    """
    chart = "word_of_mouth"
    happy, unhappy = _count(happy, "happy", chart), _count(unhappy, "unhappy", chart)
    told_if_happy = _count(told_if_happy, "told_if_happy", chart)
    told_if_unhappy = _count(told_if_unhappy, "told_if_unhappy", chart)
    if happy + unhappy == 0:
        raise ChartError(f"{chart}(): give at least one customer (happy and unhappy are both 0)")
    reached_good, reached_bad = happy * told_if_happy, unhappy * told_if_unhappy
    if reached_good + reached_bad == 0:
        raise ChartError(f"{chart}(): nobody is told anything (every count of people told is 0)")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    one, month = axes
    bars = one.bar(["good experience", "bad experience"], [told_if_happy, told_if_unhappy],
                   color=[GOOD_COLOUR, BAD_COLOUR])
    one.bar_label(bars)
    one.set_title("People told by ONE customer")
    one.set_ylabel("people")
    one.set_ylim(0, max(told_if_happy, told_if_unhappy) * 1.2)

    customers = happy + unhappy
    stories = reached_good + reached_bad
    good = [100 * happy / customers, 100 * reached_good / stories]
    bad = [100 * unhappy / customers, 100 * reached_bad / stories]
    spots = [0, 1]
    good_bars = month.bar([s - 0.2 for s in spots], good, width=0.4, color=GOOD_COLOUR, label="good")
    bad_bars = month.bar([s + 0.2 for s in spots], bad, width=0.4, color=BAD_COLOUR, label="bad")
    month.bar_label(good_bars, fmt="%.0f%%")
    month.bar_label(bad_bars, fmt="%.0f%%")
    month.set_xticks(spots, ["share of customers", "share of stories heard"])
    month.set_ylim(0, 100)
    month.set_title(f"A month with {happy} happy and {unhappy} unhappy customers")
    month.legend()
    one.figure.tight_layout()
    return one, month


def duty_shares(log: pd.DataFrame, *, week: str = "week", duty: str = "duty", minutes: str = "minutes",
                weeks: tuple[str, str] = ("normal", "crisis"), ax=None):
    """Side-by-side bars: the share (%) of each week's logged minutes that went on each duty.

    ``log`` has one row per block of work, with the week it belongs to, its duty and its
    minutes (numbers of zero or more). ``weeks`` names the two weeks to compare, first the
    ordinary one. Returns the matplotlib axes; the shares drawn are in ``ax.shares`` as a table.
    """
    chart = "duty_shares"
    _require(log, [week, duty, minutes], chart)
    values = pd.to_numeric(log[minutes], errors="coerce")
    if values.isna().any() or (values < 0).any():
        bad = log.loc[values.isna() | (values < 0), minutes].iloc[0]
        raise ChartError(f"{chart}(): column {minutes!r} must hold minutes of zero or more, not {bad!r}")
    present = set(log[week])
    absent = [w for w in weeks if w not in present]
    if absent:
        raise ChartError(f"{chart}(): column {week!r} has no rows for {', '.join(map(repr, absent))} "
                         f"(it holds {', '.join(map(repr, sorted(map(str, present))))})")
    totals = log.assign(**{minutes: values}).pivot_table(index=duty, columns=week, values=minutes,
                                                         aggfunc="sum", fill_value=0)[list(weeks)]
    if (totals.sum() == 0).any():
        raise ChartError(f"{chart}(): a week has no minutes logged at all")
    shares = (totals / totals.sum() * 100).sort_values(weeks[0])
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.8))
    rows = range(len(shares))
    for offset, name, colour in ((-0.2, weeks[0], GOOD_COLOUR), (0.2, weeks[1], BAD_COLOUR)):
        bars = ax.barh([r + offset for r in rows], shares[name], height=0.4, color=colour, label=f"{name} week")
        ax.bar_label(bars, fmt="%.0f%%", fontsize=8)
    ax.set_yticks(list(rows), shares.index.astype(str))
    ax.set_xlabel("share of the week's logged minutes (%)")
    ax.set_title("Where the community manager's week goes")
    ax.legend(loc="lower right")
    ax.figure.tight_layout()
    ax.shares = shares.round(1)
    return ax


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
