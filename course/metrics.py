"""Community metrics: the numbers a community manager reports, computed the same way every time.

Every function takes the tables described in :mod:`course.datasets.schema` (or any DataFrame
that has the columns it needs) and returns a number, a Series or a small DataFrame::

    from course import metrics

    metrics.engagement_rate(posts)                      # one number for all posts
    metrics.engagement_rate(posts, group="platform")    # one number per platform
    metrics.response_time_stats(inbox, target="1h")     # how fast the team answers
    metrics.metrics_report(inbox, posts=posts)          # the headline numbers in one go

Three rules hold throughout:

* **Rates are ratios of totals.** An engagement rate for a group of posts is *all their
  interactions divided by all their reach*, not the average of each post's rate, so a post
  seen by ten people does not weigh as much as a post seen by ten thousand.
* **Every rate names its denominator** in its docstring: always check what you divide by.
* **Nothing to divide by gives NaN, not an error** (for example the engagement rate of a
  group whose posts reached nobody). NaN means "cannot be computed", which is not the same as 0.

A missing column raises a ``ValueError`` that names the column and the function; a value
that is not allowed (``by="likes"``) raises a ``ValueError`` listing the accepted values.

All the work is done with whole-column pandas/numpy operations (no Python loop over rows),
so the full :func:`metrics_report` runs on a million inbox messages in about a second.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from course.datasets.schema import BRANDS, INTENTS, SENTIMENTS

__all__ = [
    "engagement_rate",
    "post_engagement_rate",
    "reach_and_impressions",
    "follower_growth_rate",
    "active_participation_rate",
    "participation_tiers",
    "response_time_stats",
    "sentiment_share",
    "net_sentiment",
    "score_sentiment",
    "share_of_voice",
    "super_users",
    "retention_by_cohort",
    "metrics_report",
]

DENOMINATORS = ("reach", "impressions", "followers")
INTERACTIONS = ("likes", "comments", "shares", "saves")
RESPONSE_STATS = ("messages", "answered_share", "median_minutes", "p90_minutes", "within_target_share", "unanswered")
TIERS = ("lurkers", "contributors", "heavy")
# Cohort frequencies accepted by retention_by_cohort, and the calendar period each one means.
COHORT_FREQS = {"D": "D", "W": "W", "MS": "M", "ME": "M", "M": "M", "QS": "Q", "QE": "Q", "Q": "Q"}

_NS_PER_DAY = 86_400 * 10**9


# ----------------------------------------------------------------------------------------------
# Helpers: argument checks
# ----------------------------------------------------------------------------------------------


def _require(frame: Any, columns: Iterable[str], func_name: str) -> None:
    """Raise a helpful ``ValueError`` if ``frame`` lacks any of ``columns``.

    >>> _require(pd.DataFrame({"reach": [1]}), ["reach", "likes"], "engagement_rate")
    Traceback (most recent call last):
    ...
    ValueError: engagement_rate() needs the column 'likes', which this table does not have. Its columns are: 'reach'.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{func_name}() expects a pandas DataFrame, got {type(frame).__name__}.")
    missing = [column for column in dict.fromkeys(columns) if column not in frame.columns]
    if missing:
        have = ", ".join(repr(str(c)) for c in frame.columns) or "none"
        if len(missing) == 1:
            what = f"the column {missing[0]!r}, which this table does not have"
        else:
            what = "the columns " + ", ".join(repr(m) for m in missing) + ", which this table does not have"
        raise ValueError(f"{func_name}() needs {what}. Its columns are: {have}.")


def _choice(value: Any, accepted: Sequence[Any], argument: str, func_name: str) -> Any:
    """Return ``value`` if it is one of ``accepted``, else raise a ValueError listing them."""
    try:
        ok = value in accepted
    except TypeError:  # unhashable values cannot be in the list
        ok = False
    if not ok:
        listing = ", ".join(repr(a) for a in accepted)
        raise ValueError(f"{func_name}(): {argument}={value!r} is not accepted; use one of: {listing}.")
    return value


def _columns(value: str | Sequence[str] | None, argument: str, func_name: str) -> list[str]:
    """A column name, a list of column names or None -> a list of names."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"{func_name}(): {argument} must be a column name or a list of column names, got {value!r}.")


def _values(value: Any) -> list[Any]:
    """A single value or a list-like of values -> a list."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [value]
    return list(value)


def _known_values(series: pd.Series, also: Sequence[str] = ()) -> list[Any]:
    """Values a filter on ``series`` may use: the categories (or values present) plus ``also``."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        present = list(series.cat.categories)
    else:
        present = [v for v in pd.unique(series.dropna())]
    return list(dict.fromkeys([*also, *present]))


def _check_values(wanted: list[Any], series: pd.Series, argument: str, func_name: str, also: Sequence[str] = ()) -> None:
    known = _known_values(series, also)
    unknown = [w for w in wanted if w not in known]
    if unknown:
        listing = ", ".join(repr(k) for k in known) or "none (the column is empty)"
        raise ValueError(f"{func_name}(): {argument}={unknown[0]!r} is not accepted; use one of: {listing}.")


def _groupby(frame: pd.DataFrame | pd.Series, keys: list[Any]):
    """Group without surprises: only groups that occur, and missing keys kept as their own group
    (so the groups always add up to the whole table)."""
    return frame.groupby(keys, observed=True, dropna=False, sort=True)


# ----------------------------------------------------------------------------------------------
# Helpers: dates and times
# ----------------------------------------------------------------------------------------------


def _as_datetime(series: pd.Series, func_name: str) -> pd.Series:
    """The column as datetimes (text such as '2026-03-16T09:30:00+00:00' is parsed, as UTC)."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return series
    try:
        return pd.to_datetime(series, utc=True)
    except (ValueError, TypeError) as error:
        raise ValueError(f"{func_name}(): the column {series.name!r} should hold date-times ({error}).") from None


def _timestamp_like(value: Any, series: pd.Series, argument: str, func_name: str) -> pd.Timestamp:
    """``value`` as a Timestamp comparable with ``series``: UTC if the column is tz-aware
    (a date without a time zone is read as UTC), without a time zone if the column has none."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{func_name}(): {argument}={value!r} is not a date or date-time.") from None
    if stamp is pd.NaT:
        raise ValueError(f"{func_name}(): {argument} must be a date or date-time, not empty.")
    tz = getattr(series.dtype, "tz", None)
    if tz is not None:
        return stamp.tz_localize("UTC") if stamp.tz is None else stamp.tz_convert(tz)
    return stamp.tz_convert("UTC").tz_localize(None) if stamp.tz is not None else stamp


def _day(value: Any, argument: str, func_name: str) -> pd.Timestamp:
    """``value`` as a calendar day (midnight, no time zone; a time zone keeps the wall-clock day)."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{func_name}(): {argument}={value!r} is not a date.") from None
    if stamp is pd.NaT:
        raise ValueError(f"{func_name}(): {argument} must be a date, not empty.")
    if stamp.tz is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()


def _naive_utc(series: pd.Series) -> pd.Series:
    """Datetimes without a time zone, in UTC wall-clock time (tz-aware columns are converted)."""
    if getattr(series.dtype, "tz", None) is not None:
        return series.dt.tz_convert(None)
    return series


def _nanoseconds(series: pd.Series) -> np.ndarray:
    """int64 nanoseconds since 1970-01-01 UTC (NaT -> the minimum int64)."""
    array = series.array
    if getattr(array, "unit", "ns") != "ns":
        array = array.as_unit("ns")
    return np.asarray(array.asi8)


def _week_bins(series: pd.Series) -> tuple[np.ndarray, pd.DatetimeIndex, np.ndarray]:
    """Weekly bins exactly like ``resample("W")`` (Monday-Sunday weeks labelled by their Sunday),
    computed with integer arithmetic: (bin of each row, labels of the bins, mask of rows with a time)."""
    ns = _nanoseconds(series)
    valid = ~np.asarray(series.isna())
    days = np.where(valid, ns, 0) // _NS_PER_DAY
    week = (days + 3) // 7  # 1970-01-01 was a Thursday: +3 makes weeks start on Monday
    if not valid.any():
        return np.zeros(len(ns), dtype=np.int64), pd.DatetimeIndex([], tz=getattr(series.dtype, "tz", None)), valid
    first, last = week[valid].min(), week[valid].max()
    sundays = (np.arange(first, last + 1) * 7 + 3) * _NS_PER_DAY
    labels = pd.to_datetime(sundays, unit="ns")
    tz = getattr(series.dtype, "tz", None)
    if tz is not None:
        labels = labels.tz_localize("UTC").tz_convert(tz)
    return week - first, pd.DatetimeIndex(labels, name=series.name), valid


def _detect_time_column(actions: pd.DataFrame, time_col: str | None, func_name: str) -> str:
    if time_col is not None:
        return time_col
    for candidate in ("received_at", "created_at"):
        if candidate in actions.columns:
            return candidate
    raise ValueError(
        f"{func_name}() needs a time column in the actions table: 'received_at' (inbox) or 'created_at' "
        f"(forum_threads, forum_replies); or pass time_col='...'. Its columns are: "
        + ", ".join(repr(str(c)) for c in actions.columns)
        + "."
    )


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator) / float(denominator) if denominator > 0 else math.nan


def _safe_divide(numerator: pd.Series | pd.DataFrame, denominator: pd.Series) -> pd.Series | pd.DataFrame:
    """Elementwise division giving NaN (not inf, no warning) where the denominator is 0."""
    denominator = denominator.astype(float).where(denominator > 0)
    if isinstance(numerator, pd.DataFrame):
        return numerator.astype(float).div(denominator, axis=0)
    return numerator.astype(float) / denominator


# ----------------------------------------------------------------------------------------------
# Posts: engagement, reach, impressions
# ----------------------------------------------------------------------------------------------


def _engagement_parts(posts: pd.DataFrame, by: str, interactions: Any, func_name: str) -> tuple[np.ndarray, np.ndarray]:
    """(interactions per post, denominator per post); both 0 where the denominator is 0 or missing."""
    _choice(by, DENOMINATORS, "by", func_name)
    columns = _columns(interactions, "interactions", func_name)
    if not columns:
        raise ValueError(f"{func_name}(): interactions must name at least one column, e.g. {INTERACTIONS}.")
    _require(posts, [*columns, by], func_name)
    denominator = posts[by].to_numpy(dtype=float, na_value=np.nan)
    numerator = np.nansum(posts[columns].to_numpy(dtype=float, na_value=np.nan), axis=1)
    usable = denominator > 0  # False for 0, negative and missing values
    return np.where(usable, numerator, 0.0), np.where(usable, denominator, 0.0)


def engagement_rate(
    posts: pd.DataFrame,
    by: str = "reach",
    interactions: str | Sequence[str] = INTERACTIONS,
    group: str | Sequence[str] | None = None,
) -> float | pd.Series:
    """Engagement rate: how many interactions the posts earned for every person (or view) they got.

    ``engagement rate = sum of interactions / sum of the denominator``

    * **interactions** (numerator): likes + comments + shares + saves by default; pass
      ``interactions=("likes",)`` or any list of columns to count something else.
    * **denominator** (``by``): ``"reach"`` (people who saw the posts, the default),
      ``"impressions"`` (times the posts were shown) or ``"followers"`` (the account's
      followers when each post went out).

    It is a ratio of totals, so big posts weigh more than small ones (it is *not* the
    average of each post's rate: see :func:`post_engagement_rate` for those). Posts whose
    denominator is 0 or missing are left out of both the numerator and the denominator
    (a post that reached nobody tells us nothing about engagement). If nothing is left, the
    result is NaN rather than an error.

    ``group`` (a column name or a list of them) gives one rate per group, as a Series
    indexed by the group (a list gives a MultiIndex; ``.unstack()`` turns it into a table).

    >>> posts = pd.DataFrame({
    ...     "platform": ["instagram", "instagram", "tiktok"],
    ...     "reach": [1000, 0, 500],
    ...     "likes": [30, 5, 20], "comments": [5, 0, 5], "shares": [3, 0, 0], "saves": [2, 0, 0]})
    >>> round(engagement_rate(posts), 4)   # (40 + 25) / (1000 + 500); the post with reach 0 is left out
    0.0433
    >>> engagement_rate(posts, group="platform")
    platform
    instagram    0.04
    tiktok       0.05
    Name: engagement_rate, dtype: float64
    """
    func = "engagement_rate"
    keys = _columns(group, "group", func)
    numerator, denominator = _engagement_parts(posts, by, interactions, func)
    if not keys:
        return _ratio(numerator.sum(), denominator.sum())
    _require(posts, keys, func)
    parts = pd.DataFrame({"interactions": numerator, "denominator": denominator}, index=posts.index)
    totals = _groupby(parts, [posts[k] for k in keys]).sum()
    rate = _safe_divide(totals["interactions"], totals["denominator"])
    return rate.rename("engagement_rate")


def post_engagement_rate(
    posts: pd.DataFrame, by: str = "reach", interactions: str | Sequence[str] = INTERACTIONS
) -> pd.Series:
    """Engagement rate of each post: its interactions divided by its own reach (or impressions, followers).

    Same numerator and denominator as :func:`engagement_rate`, one value per post, with the
    posts' index. A post whose denominator is 0 (or missing) gets NaN: its rate cannot be computed.

    >>> posts = pd.DataFrame({"reach": [200, 0], "likes": [10, 3], "comments": [2, 0],
    ...                       "shares": [0, 0], "saves": [0, 0]})
    >>> post_engagement_rate(posts).tolist()   # 12 / 200, and NaN for the post that reached nobody
    [0.06, nan]
    """
    func = "post_engagement_rate"
    numerator, denominator = _engagement_parts(posts, by, interactions, func)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1.0), np.nan)
    return pd.Series(rate, index=posts.index, name="engagement_rate")


def reach_and_impressions(posts: pd.DataFrame, group: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Total reach, total impressions and frequency (impressions per person reached).

    ``frequency = sum of impressions / sum of reach``: how many times, on average, each
    person who saw the posts saw them. It is NaN where the reach is 0.

    Reach is summed post by post, so somebody who saw three posts is counted three times: the
    total is "people reached, post by post", not the number of distinct people (which only the
    platform can tell).

    Without ``group`` the result has one row, labelled ``all``; with ``group`` one row per group.

    >>> posts = pd.DataFrame({"platform": ["x", "x", "tiktok"],
    ...                       "reach": [100, 300, 50], "impressions": [150, 450, 200]})
    >>> reach_and_impressions(posts)        # frequency = 800 / 450
         reach  impressions  frequency
    all    450          800   1.777778
    """
    func = "reach_and_impressions"
    keys = _columns(group, "group", func)
    _require(posts, ["reach", "impressions", *keys], func)
    sums = posts[["reach", "impressions"]]
    if keys:
        table = _groupby(sums, [posts[k] for k in keys]).sum()
    else:
        table = sums.sum().to_frame("all").T
    table["frequency"] = _safe_divide(table["impressions"], table["reach"])
    return table


# ----------------------------------------------------------------------------------------------
# Followers
# ----------------------------------------------------------------------------------------------


def follower_growth_rate(
    followers: pd.DataFrame,
    start: Any = None,
    end: Any = None,
    platform: str | Sequence[str] | None = None,
    freq: str | None = None,
) -> float | pd.DataFrame:
    """Follower growth rate: by how much the audience grew, as a share of where it started.

    ``growth = (followers at the end - followers at the start) / followers at the start``

    * **followers at the end**: the ``total`` of the last day in the window;
    * **followers at the start** (the denominator): the total at the end of the day *before*
      the window, read as ``total - new + lost`` of the window's first day (so the day before
      does not need to be in the table).

    ``start`` and ``end`` are days and **both are included**: ``start="2026-03-01",
    end="2026-03-31"`` is the growth over March. Leave them out to use the whole table.
    ``platform`` keeps one platform (or a list); without it the platforms are added up.

    With ``freq`` (``"MS"`` months, ``"W"`` weeks, ``"QS"`` quarters ...) the result is a table
    of the growth in each period (rows) for each platform (columns).

    A start of 0 followers gives NaN (growth from nothing is not a percentage).

    >>> followers = pd.DataFrame({
    ...     "date": pd.to_datetime(["2026-03-01", "2026-03-02", "2026-03-03"]),
    ...     "platform": "tiktok", "new": [20, 30, 10], "lost": [0, 10, 0], "total": [1020, 1040, 1050]})
    >>> follower_growth_rate(followers)     # start 1020 - 20 + 0 = 1000; end 1050 -> 50 / 1000
    0.05
    """
    func = "follower_growth_rate"
    _require(followers, ["date", "platform", "new", "lost", "total"], func)
    dates = _naive_utc(_as_datetime(followers["date"], func))
    keep = np.ones(len(followers), dtype=bool)
    if start is not None:
        keep &= np.asarray(dates >= _day(start, "start", func))
    if end is not None:
        keep &= np.asarray(dates < _day(end, "end", func) + pd.Timedelta(days=1))
    if start is not None and end is not None and _day(end, "end", func) < _day(start, "start", func):
        raise ValueError(f"{func}(): end ({end}) is before start ({start}).")
    if platform is not None:
        wanted = _values(platform)
        _check_values(wanted, followers["platform"], "platform", func)
        keep &= np.asarray(followers["platform"].isin(wanted))

    window = pd.DataFrame(
        {
            "date": dates[keep],
            "platform": followers["platform"][keep],
            "start_total": (followers["total"] - followers["new"] + followers["lost"])[keep],
            "end_total": followers["total"][keep],
        }
    ).sort_values("date", kind="stable")

    if freq is None:
        by_platform = _groupby(window, ["platform"])
        first = by_platform["start_total"].first().sum()
        last = by_platform["end_total"].last().sum()
        return _ratio(last - first, first)

    try:
        period = pd.Grouper(key="date", freq=freq)
        grouped = window.groupby([period, "platform"], observed=True, sort=True)
        first = grouped["start_total"].first()
        last = grouped["end_total"].last()
    except ValueError as error:
        raise ValueError(f"{func}(): freq={freq!r} is not a pandas frequency such as 'MS', 'W' or 'QS' ({error}).") from None
    growth = _safe_divide(last - first, first).rename("growth")
    table = growth.unstack("platform")
    table.index.name = "period"
    return table


# ----------------------------------------------------------------------------------------------
# Members and participation
# ----------------------------------------------------------------------------------------------


def active_participation_rate(
    members: pd.DataFrame,
    actions: pd.DataFrame,
    start: Any,
    end: Any,
    author_col: str = "author_id",
    time_col: str | None = None,
) -> float:
    """Active participation rate: the share of members who posted something in a period.

    ``rate = members who authored at least one action in [start, end) / members who had joined before end``

    * **numerator**: distinct members (``members.member_id``) who wrote at least one of the
      ``actions`` (inbox messages, forum threads or forum replies) from ``start`` included to
      ``end`` excluded. Authors who are not in ``members`` (external ids) are not counted.
    * **denominator**: members whose ``joined_at`` is before ``end``.

    The time column is ``received_at`` (inbox) or ``created_at`` (forum tables) unless you
    pass ``time_col``. Dates without a time zone are read as UTC. NaN if nobody had joined.

    >>> members = pd.DataFrame({"member_id": ["M1", "M2", "M3", "M4"],
    ...     "joined_at": pd.to_datetime(["2026-01-05", "2026-02-01", "2026-02-20", "2026-04-02"], utc=True)})
    >>> replies = pd.DataFrame({"author_id": ["M1", "M1", "M3", "X9"],
    ...     "created_at": pd.to_datetime(["2026-03-02", "2026-03-09", "2026-02-25", "2026-03-03"], utc=True)})
    >>> active_participation_rate(members, replies, "2026-03-01", "2026-04-01")   # M1 only; M1-M3 had joined
    0.3333333333333333
    """
    func = "active_participation_rate"
    _require(members, ["member_id", "joined_at"], func)
    time_col = _detect_time_column(actions, time_col, func)
    _require(actions, [author_col, time_col], func)
    times = _as_datetime(actions[time_col], func)
    start_at = _timestamp_like(start, times, "start", func)
    end_at = _timestamp_like(end, times, "end", func)
    if end_at <= start_at:
        raise ValueError(f"{func}(): end ({end}) must be after start ({start}).")
    in_window = np.asarray((times >= start_at) & (times < end_at))
    authors = pd.unique(np.asarray(actions[author_col])[in_window])

    joined = _as_datetime(members["joined_at"], func)
    eligible = np.asarray(joined < _timestamp_like(end, joined, "end", func))
    active = eligible & np.asarray(members["member_id"].isin(authors))
    return _ratio(active.sum(), eligible.sum())


def _actions_per_member(members: pd.DataFrame, actions: pd.DataFrame, author_col: str) -> np.ndarray:
    """Number of actions authored by each row of ``members`` (0 for none)."""
    counts = pd.Series(np.asarray(actions[author_col])).value_counts()
    return counts.reindex(np.asarray(members["member_id"]), fill_value=0).to_numpy(dtype=np.int64)


def participation_tiers(members: pd.DataFrame, actions: pd.DataFrame, author_col: str = "author_id") -> pd.DataFrame:
    """The 90-9-1 check: how members split into lurkers, contributors and heavy contributors.

    * **lurkers**: members with no action at all;
    * **heavy**: the top 1% of *all* members by number of actions (1% rounded up, e.g. 3 of
      201 members), among those with at least one action; ties are broken by the order of
      the members table;
    * **contributors**: everybody else with at least one action.

    Columns: ``members`` (count), ``share`` (of all members, the denominator; the three shares
    sum to 1), ``actions`` (actions they wrote) and ``actions_share`` (of all actions written by
    members). Actions by authors who are not in ``members`` are ignored. Shares are NaN for an
    empty members table.

    The rule of thumb (Nielsen, 2006) is roughly 90% lurkers, 9% contributors and 1% heavy
    contributors who write most of the content.

    >>> members = pd.DataFrame({"member_id": ["M1", "M2", "M3", "M4"]})
    >>> replies = pd.DataFrame({"author_id": ["M1", "M1", "M1", "M2"]})
    >>> participation_tiers(members, replies)   # 1% of 4 members rounds up to 1 heavy member
                  members  share  actions  actions_share
    tier                                                
    lurkers             2   0.50        0           0.00
    contributors        1   0.25        1           0.25
    heavy               1   0.25        3           0.75
    """
    func = "participation_tiers"
    _require(members, ["member_id"], func)
    _require(actions, [author_col], func)
    per_member = _actions_per_member(members, actions, author_col)
    n_members = len(per_member)
    n_heavy = min((n_members + 99) // 100, int((per_member > 0).sum()))
    order = np.argsort(-per_member, kind="stable")
    heavy = np.zeros(n_members, dtype=bool)
    heavy[order[:n_heavy]] = True
    lurkers = per_member == 0
    contributors = ~lurkers & ~heavy
    masks = (lurkers, contributors, heavy)
    table = pd.DataFrame(
        {
            "members": [int(m.sum()) for m in masks],
            "actions": [int(per_member[m].sum()) for m in masks],
        },
        index=pd.Index(TIERS, name="tier"),
    )
    table.insert(1, "share", _safe_divide(table["members"], pd.Series(n_members, index=table.index)))
    table["actions_share"] = _safe_divide(table["actions"], pd.Series(table["actions"].sum(), index=table.index))
    return table


# ----------------------------------------------------------------------------------------------
# Inbox: response times and sentiment
# ----------------------------------------------------------------------------------------------


def _response_table(inbox: pd.DataFrame, target: Any, by: list[str], intents: Any, func: str) -> tuple[pd.DataFrame, list[pd.Series]]:
    """Minutes to first response, answered flag and within-target flag for the messages in scope,
    and the group keys of those messages."""
    _require(inbox, ["received_at", "first_response_at", *by, *(["intent"] if intents is not None else [])], func)
    try:
        limit = pd.Timedelta(target)
    except (ValueError, TypeError):
        raise ValueError(f"{func}(): target={target!r} is not a duration; use e.g. '1h', '30min', '2h30min' or '1D'.") from None
    if limit is pd.NaT or limit < pd.Timedelta(0):
        raise ValueError(f"{func}(): target={target!r} must be a positive duration such as '1h'.")
    frame = inbox[list(dict.fromkeys(["received_at", "first_response_at", *by]))]  # only what is needed
    if intents is not None:
        wanted = _values(intents)
        _check_values(wanted, inbox["intent"], "intents", func, also=INTENTS)
        frame = frame.loc[np.asarray(inbox["intent"].isin(wanted))]
    received = _as_datetime(frame["received_at"], func)
    answered_at = _as_datetime(frame["first_response_at"], func)
    minutes = ((answered_at - received) / pd.Timedelta(minutes=1)).to_numpy(dtype=float, na_value=np.nan)
    answered = ~np.isnan(minutes)
    within = answered & (minutes <= limit / pd.Timedelta(minutes=1))
    table = pd.DataFrame({"minutes": minutes, "answered": answered, "within": within}, index=frame.index)
    return table, [frame[key] for key in by]


def _response_summary(minutes: np.ndarray, answered: np.ndarray, within: np.ndarray) -> pd.Series:
    n = len(minutes)
    times = minutes[answered]
    median, p90 = np.quantile(times, [0.5, 0.9]) if len(times) else (math.nan, math.nan)
    values = [n, _ratio(answered.sum(), n), median, p90, _ratio(within.sum(), n), n - int(answered.sum())]
    return pd.Series(values, index=list(RESPONSE_STATS), dtype=float, name="response_time")


def response_time_stats(
    inbox: pd.DataFrame,
    target: Any = "1h",
    by: str | Sequence[str] | None = None,
    intents: str | Sequence[str] | None = None,
) -> pd.Series | pd.DataFrame:
    """How fast messages get a first reply, and how many get one at all.

    Response time = ``first_response_at - received_at``, in minutes. For the messages in scope:

    * ``messages``: how many there are;
    * ``answered_share``: answered messages / ``messages``;
    * ``median_minutes``: half of the *answered* messages got a reply faster than this;
    * ``p90_minutes``: 9 in 10 *answered* messages got a reply faster than this (90th percentile,
      interpolated like pandas' ``quantile``);
    * ``within_target_share``: messages answered within ``target`` (that time included) /
      **all** ``messages``: an unanswered message counts as *not* within target;
    * ``unanswered``: messages with no ``first_response_at``.

    ``target`` is any duration pandas understands (``"1h"``, ``"30min"``, ``"1D"``). ``intents``
    keeps only some intents, e.g. ``("question", "complaint")`` (spam and abuse are moderated,
    not answered). ``by`` (a column or a list) gives one row per group; the groups' ``messages``
    add up to the overall ``messages`` (a missing value, such as no ``responder``, is its own group).

    With no message the counts are 0 and the rest NaN.

    >>> inbox = pd.DataFrame({
    ...     "received_at": pd.to_datetime(["2026-03-02 09:00"] * 4, utc=True),
    ...     "first_response_at": pd.to_datetime(["2026-03-02 09:20", "2026-03-02 10:00",
    ...                                          "2026-03-02 12:00", None], utc=True)})
    >>> response_time_stats(inbox, target="1h")   # 20, 60, 180 minutes and one never answered
    messages                 4.00
    answered_share           0.75
    median_minutes          60.00
    p90_minutes            156.00
    within_target_share      0.50
    unanswered               1.00
    Name: response_time, dtype: float64
    """
    func = "response_time_stats"
    keys = _columns(by, "by", func)
    table, key_values = _response_table(inbox, target, keys, intents, func)
    if not keys:
        return _response_summary(table["minutes"].to_numpy(), table["answered"].to_numpy(), table["within"].to_numpy())
    grouped = _groupby(table, key_values)
    messages = grouped.size()
    answered = grouped["answered"].sum()
    result = pd.DataFrame(
        {
            "messages": messages,
            "answered_share": _safe_divide(answered, messages),
            "median_minutes": grouped["minutes"].median(),
            "p90_minutes": grouped["minutes"].quantile(0.9),
            "within_target_share": _safe_divide(grouped["within"].sum(), messages),
            "unanswered": messages - answered,
        }
    )
    return result


def _sentiment_codes(series: pd.Series, func: str) -> np.ndarray:
    """0 negative, 1 neutral, 2 positive, -1 missing; any other label raises a ValueError."""
    if isinstance(series.dtype, pd.CategoricalDtype) and tuple(series.cat.categories) == SENTIMENTS:
        return np.asarray(series.cat.codes)
    coded = pd.Categorical(series, categories=list(SENTIMENTS))
    codes = np.asarray(coded.codes)
    odd = (codes == -1) & np.asarray(series.notna())
    if odd.any():
        examples = ", ".join(repr(v) for v in pd.unique(np.asarray(series)[odd])[:5])
        raise ValueError(
            f"{func}(): the column {series.name!r} should only hold {', '.join(repr(s) for s in SENTIMENTS)}; found {examples}."
        )
    return codes


def _sentiment_counts(frame: pd.DataFrame, keys: list[str], column: str, func: str) -> pd.Series | pd.DataFrame:
    """Messages per sentiment label (columns negative, neutral, positive), overall or per group."""
    _require(frame, [column, *keys], func)
    codes = _sentiment_codes(frame[column], func)
    if not keys:
        counts = np.bincount(codes[codes >= 0], minlength=len(SENTIMENTS))
        return pd.Series(counts, index=pd.Index(SENTIMENTS, name=column), dtype=np.int64)
    onehot = pd.DataFrame({label: codes == i for i, label in enumerate(SENTIMENTS)}, index=frame.index)
    counts = _groupby(onehot, [frame[k] for k in keys]).sum()
    counts.columns.name = column
    return counts


def _shares(counts: pd.Series | pd.DataFrame) -> pd.Series | pd.DataFrame:
    if isinstance(counts, pd.Series):
        total = counts.sum()
        return counts.astype(float) / total if total > 0 else counts.astype(float) * math.nan
    return _safe_divide(counts, counts.sum(axis=1))


def _net(counts: pd.Series | pd.DataFrame) -> float | pd.Series:
    if isinstance(counts, pd.Series):
        return _ratio(counts["positive"] - counts["negative"], counts.sum())
    return _safe_divide(counts["positive"] - counts["negative"], counts.sum(axis=1)).rename("net_sentiment")


def sentiment_share(
    inbox: pd.DataFrame, by: str | Sequence[str] | None = None, column: str = "sentiment"
) -> pd.Series | pd.DataFrame:
    """Share of messages that are negative, neutral and positive.

    ``share of positive = positive messages / messages with a sentiment label`` (and the same
    for the others), so the three shares sum to 1. Messages without a label are left out.
    ``by`` (a column or a list) gives one row per group; a group with no label gets NaN.

    >>> inbox = pd.DataFrame({"sentiment": ["positive", "negative", "neutral", "positive"]})
    >>> sentiment_share(inbox)
    sentiment
    negative    0.25
    neutral     0.25
    positive    0.50
    dtype: float64
    """
    func = "sentiment_share"
    return _shares(_sentiment_counts(inbox, _columns(by, "by", func), column, func))


def net_sentiment(inbox: pd.DataFrame, by: str | Sequence[str] | None = None, column: str = "sentiment") -> float | pd.Series:
    """Net sentiment: positive minus negative, as a share of all labelled messages.

    ``net sentiment = (positive - negative) / messages with a sentiment label``

    It runs from -1 (everything negative) to +1 (everything positive); 0 means as many
    positive as negative messages (or all neutral). NaN when no message has a label.

    >>> inbox = pd.DataFrame({"sentiment": ["positive", "negative", "neutral", "positive"]})
    >>> net_sentiment(inbox)      # (2 - 1) / 4
    0.25
    """
    func = "net_sentiment"
    return _net(_sentiment_counts(inbox, _columns(by, "by", func), column, func))


_ANALYZER = None


def _vader():
    """VADER's analyzer, created on first use (loading its lexicon takes a moment)."""
    global _ANALYZER
    if _ANALYZER is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _ANALYZER = SentimentIntensityAnalyzer()
    return _ANALYZER


@lru_cache(maxsize=100_000)
def _vader_compound(text: str) -> float:
    return _vader().polarity_scores(text)["compound"]


def score_sentiment(texts: Any, languages: Any = None, labels: Any = None) -> pd.Series:
    """Sentiment labels for texts: VADER for English, the given labels for other languages.

    * English texts (``languages == "en"``, or every text when ``languages`` is None) are scored
      with VADER: compound score >= 0.05 is ``positive``, <= -0.05 ``negative``, in between ``neutral``.
    * Other languages (VADER only reads English) take their label from ``labels``: a Series with
      the same index as ``texts`` (or a list in the same order), e.g. the team's manual labels.
      A non-English text without a label raises a ValueError.

    Each distinct text is scored once (and remembered), so repeated texts cost nothing. A missing
    English text gets a missing label. The result is a categorical Series with the texts' index.

    >>> score_sentiment(["I love my new bike!", "The battery died again. Terrible.", "Ciao a tutti"],
    ...                 languages=["en", "en", "it"], labels=[None, None, "neutral"]).tolist()
    ['positive', 'negative', 'neutral']
    """
    func = "score_sentiment"
    texts = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    n = len(texts)

    def aligned(values: Any, name: str) -> np.ndarray:
        if isinstance(values, pd.Series) and values.index.is_unique and texts.index.is_unique:
            if not values.index.equals(texts.index):
                values = values.reindex(texts.index)
            return np.asarray(values, dtype=object)
        values = np.asarray(list(values) if not isinstance(values, (pd.Series, np.ndarray)) else values, dtype=object)
        if len(values) != n:
            raise ValueError(f"{func}(): {name} has {len(values)} values for {n} texts; give one per text.")
        return values

    if languages is None:
        english = np.ones(n, dtype=bool)
    else:
        english = np.asarray(pd.Series(aligned(languages, "languages")) == "en")
    out = np.full(n, None, dtype=object)

    raw = np.asarray(texts, dtype=object)
    has_text = np.asarray(pd.notna(texts))
    scored = english & has_text
    if scored.any():
        codes, unique = pd.factorize(raw[scored])
        compound = np.array([_vader_compound(str(text)) for text in unique], dtype=float)  # once per distinct text
        labels_unique = np.where(compound >= 0.05, "positive", np.where(compound <= -0.05, "negative", "neutral"))
        out[scored] = labels_unique[codes]

    others = ~english
    if others.any():
        if labels is None:
            raise ValueError(
                f"{func}(): {int(others.sum())} text(s) are not in English, which VADER cannot score; "
                "pass labels=... with a sentiment label for them."
            )
        given = aligned(labels, "labels")[others]
        missing = ~np.asarray(pd.notna(given))
        if missing.any():
            where = texts.index[others][missing][:5].tolist()
            raise ValueError(
                f"{func}(): {int(missing.sum())} non-English text(s) have no label (index {where}); "
                "VADER only scores English, so give each of them a label."
            )
        odd = ~pd.Series(given, dtype=object).isin(SENTIMENTS).to_numpy()
        if odd.any():
            raise ValueError(f"{func}(): labels must be one of {', '.join(repr(s) for s in SENTIMENTS)}; found {given[odd][0]!r}.")
        out[others] = given
    return pd.Series(pd.Categorical(out, categories=list(SENTIMENTS)), index=texts.index, name="sentiment")


# ----------------------------------------------------------------------------------------------
# Listening, forum, cohorts
# ----------------------------------------------------------------------------------------------


def share_of_voice(
    listening: pd.DataFrame, brand: str = "Velora", by: str | None = None, freq: str | None = None
) -> float | pd.Series | pd.DataFrame:
    """Share of voice: the brand's part of all the public conversation about the category.

    ``share of voice = mentions of the brand / mentions of all brands (the brand included)``

    ``by`` (a column such as ``"platform"``) gives one share per group; ``freq`` (e.g. ``"W"``
    for weeks, ``"MS"`` for months) groups by period on the ``date`` column. With both, the
    result is a table: periods as rows, groups as columns. NaN where there are no mentions at all.

    >>> listening = pd.DataFrame({"brand": ["Velora", "Voltaro", "Cityglide", "Velora"],
    ...                           "platform": ["x", "x", "x", "tiktok"], "mentions": [30, 50, 20, 10]})
    >>> share_of_voice(listening)              # (30 + 10) / 110
    0.36363636363636365
    >>> share_of_voice(listening, by="platform")
    platform
    tiktok    1.0
    x         0.3
    Name: share_of_voice, dtype: float64
    """
    func = "share_of_voice"
    keys = _columns(by, "by", func)
    _require(listening, ["brand", "mentions", *keys, *(["date"] if freq is not None else [])], func)
    _check_values([brand], listening["brand"], "brand", func, also=BRANDS)
    mentions = listening["mentions"].to_numpy(dtype=float, na_value=0.0)
    ours = np.where(np.asarray(listening["brand"] == brand), mentions, 0.0)
    if not keys and freq is None:
        return _ratio(ours.sum(), mentions.sum())
    parts = pd.DataFrame({"brand": ours, "all": mentions}, index=listening.index)
    groupers: list[Any] = []
    if freq is not None:
        parts["date"] = _as_datetime(listening["date"], func)
        groupers.append(pd.Grouper(key="date", freq=freq))
    groupers += [listening[k] for k in keys]
    try:
        totals = parts.groupby(groupers, observed=True, dropna=False, sort=True)[["brand", "all"]].sum()
    except ValueError as error:
        raise ValueError(f"{func}(): freq={freq!r} is not a pandas frequency such as 'W' or 'MS' ({error}).") from None
    share = _safe_divide(totals["brand"], totals["all"]).rename("share_of_voice")
    if freq is not None and keys:
        return share.unstack(keys)
    return share


def super_users(
    members: pd.DataFrame,
    replies: pd.DataFrame,
    threads: pd.DataFrame | None = None,
    top_share: float = 0.01,
    min_accepted: int | None = None,
) -> pd.DataFrame:
    """The forum's top contributors, to compare with the members the team flagged as super users.

    Counts, for every member (``members.member_id``) who wrote at least one reply:

    * ``replies``: replies written;
    * ``accepted_answers``: replies marked as the thread's accepted answer;
    * ``threads``: threads opened (only when the ``threads`` table is given).

    Keeps the top ``top_share`` (default 1%, rounded up) of the members with at least one reply,
    ranked by replies, then accepted answers (then member_id, for ties). ``min_accepted`` then
    drops those with fewer accepted answers. ``flagged`` is ``members.super_user``: the team's
    own flag, so you can see who is doing the work without the badge (and the reverse).

    Replies by authors who are not in ``members`` are ignored. Staff replies count like any
    other: pass ``replies[~replies["by_staff"]]`` to look at the community alone.

    >>> members = pd.DataFrame({"member_id": ["M1", "M2", "M3"], "super_user": [False, True, False]})
    >>> replies = pd.DataFrame({"author_id": ["M1", "M2", "M2", "M2", "M3"],
    ...                         "accepted": [True, True, False, True, False]})
    >>> super_users(members, replies, top_share=0.5)   # 50% of 3 repliers rounds up to 2
      member_id  replies  accepted_answers  flagged
    0        M2        3                 2     True
    1        M1        1                 1    False
    """
    func = "super_users"
    _require(members, ["member_id", "super_user"], func)
    _require(replies, ["author_id", "accepted"], func)
    if isinstance(top_share, bool) or not isinstance(top_share, (int, float)) or not 0 < top_share <= 1:
        raise ValueError(f"{func}(): top_share={top_share!r} must be a share above 0 and at most 1, e.g. 0.01 for the top 1%.")
    whole = isinstance(min_accepted, (int, np.integer)) and not isinstance(min_accepted, bool)
    if min_accepted is not None and (not whole or min_accepted < 0):
        raise ValueError(f"{func}(): min_accepted={min_accepted!r} must be None or a whole number >= 0.")

    roster = members.drop_duplicates("member_id")
    ids = np.asarray(roster["member_id"])
    counted = pd.DataFrame(
        {"author_id": np.asarray(replies["author_id"]), "accepted": replies["accepted"].to_numpy(dtype=bool)}
    )
    counted = counted[pd.Series(counted["author_id"]).isin(ids).to_numpy()]
    table = counted.groupby("author_id", sort=False).agg(replies=("accepted", "size"), accepted_answers=("accepted", "sum"))
    table.index.name = "member_id"
    table = table.reset_index()
    if threads is not None:
        _require(threads, ["author_id"], func)
        opened = pd.Series(np.asarray(threads["author_id"])).value_counts()
        table["threads"] = opened.reindex(np.asarray(table["member_id"]), fill_value=0).to_numpy(dtype=np.int64)
    table["replies"] = table["replies"].astype(np.int64)
    table["accepted_answers"] = table["accepted_answers"].astype(np.int64)
    flags = pd.Series(roster["super_user"].to_numpy(dtype=bool), index=ids)
    table["flagged"] = flags.reindex(np.asarray(table["member_id"])).to_numpy(dtype=bool)

    n_top = math.ceil(round(top_share * len(table), 9))
    table = table.sort_values(["replies", "accepted_answers", "member_id"], ascending=[False, False, True], kind="stable")
    table = table.head(n_top)
    if min_accepted is not None:
        table = table[table["accepted_answers"] >= min_accepted]
    return table.reset_index(drop=True)


def _period_ordinals(series: pd.Series, period: str) -> np.ndarray:
    """Calendar period number of each datetime (months, weeks ... since 1970); NaT must be removed first."""
    return np.asarray(_naive_utc(series).dt.to_period(period).array.asi8, dtype=np.int64)


def retention_by_cohort(
    members: pd.DataFrame,
    actions: pd.DataFrame,
    freq: str = "MS",
    periods: int = 6,
    author_col: str = "author_id",
    time_col: str | None = None,
) -> pd.DataFrame:
    """Cohort retention: of the members who joined in a given month, what share was still active later.

    Members are grouped into **cohorts** by the period they joined (``joined_at``; months with the
    default ``freq="MS"``, also ``"W"``, ``"D"`` or ``"QS"``). Column ``k`` is

    ``share active = members of the cohort who authored at least one action in their k-th period
    after joining / members in the cohort``

    where period 0 is the joining period itself (calendar periods: someone who joined on 31
    March is in period 1 on 1 April). Column ``members`` is the cohort size (the denominator).
    A cell is NaN when that period lies beyond the last period in the data (it has not happened
    yet), so the table is a triangle. Actions before joining and authors not in ``members`` are
    ignored; the time column is ``received_at`` or ``created_at`` unless ``time_col`` is given.

    >>> members = pd.DataFrame({"member_id": ["M1", "M2", "M3"],
    ...     "joined_at": pd.to_datetime(["2026-01-10", "2026-01-20", "2026-02-03"], utc=True)})
    >>> replies = pd.DataFrame({"author_id": ["M1", "M1", "M2", "M3"],
    ...     "created_at": pd.to_datetime(["2026-01-11", "2026-02-15", "2026-03-01", "2026-02-04"], utc=True)})
    >>> retention_by_cohort(members, replies, periods=3)
             members    0    1    2
    cohort                         
    2026-01        2  0.5  0.5  0.5
    2026-02        1  1.0  0.0  NaN
    """
    func = "retention_by_cohort"
    period = _choice(freq, tuple(COHORT_FREQS), "freq", func)
    period = COHORT_FREQS[period]
    if isinstance(periods, bool) or not isinstance(periods, (int, np.integer)) or periods < 1:
        raise ValueError(f"{func}(): periods={periods!r} must be a whole number of at least 1.")
    periods = int(periods)
    _require(members, ["member_id", "joined_at"], func)
    time_col = _detect_time_column(actions, time_col, func)
    _require(actions, [author_col, time_col], func)

    roster = members.drop_duplicates("member_id")
    joined = _as_datetime(roster["joined_at"], func)
    roster_ok = joined.notna().to_numpy()
    joined_period = _period_ordinals(joined[roster_ok], period)
    ids = pd.Index(np.asarray(roster["member_id"])[roster_ok])

    times = _as_datetime(actions[time_col], func)
    times_ok = times.notna().to_numpy()
    action_period = np.zeros(len(times), dtype=np.int64)
    if times_ok.any():
        action_period[times_ok] = _period_ordinals(times[times_ok], period)

    columns = ["members", *range(periods)]
    if len(ids) == 0:
        return pd.DataFrame(columns=columns, index=pd.PeriodIndex([], freq=period, name="cohort"))

    who = ids.get_indexer(np.asarray(actions[author_col]))
    use = (who >= 0) & times_ok
    since = action_period[use] - joined_period[who[use]]
    keep = (since >= 0) & (since < periods)
    pairs = np.unique(who[use][keep].astype(np.int64) * periods + since[keep])  # member x period, once each

    cohorts, cohort_of_member = np.unique(joined_period, return_inverse=True)
    sizes = np.bincount(cohort_of_member, minlength=len(cohorts))
    active = np.bincount(cohort_of_member[pairs // periods] * periods + pairs % periods, minlength=len(cohorts) * periods)
    share = active.reshape(len(cohorts), periods) / sizes[:, None]

    last = joined_period.max()
    if times_ok.any():
        last = max(last, action_period[times_ok].max())
    share[cohorts[:, None] + np.arange(periods)[None, :] > last] = np.nan

    table = pd.DataFrame(share, index=pd.PeriodIndex.from_ordinals(cohorts, freq=period, name="cohort"), columns=range(periods))
    table.insert(0, "members", sizes.astype(np.int64))
    return table


# ----------------------------------------------------------------------------------------------
# The report
# ----------------------------------------------------------------------------------------------


def _weekly_net_sentiment(inbox: pd.DataFrame, func: str) -> pd.Series:
    """Net sentiment per week, like ``resample("W")`` on ``received_at`` (weeks end on Sunday)."""
    codes = _sentiment_codes(inbox["sentiment"], func)
    week, labels, has_time = _week_bins(_as_datetime(inbox["received_at"], func))
    use = has_time & (codes >= 0)
    n_weeks = len(labels)
    total = np.bincount(week[use], minlength=n_weeks)
    net = np.bincount(week[use], weights=(codes[use] == 2).astype(float) - (codes[use] == 0), minlength=n_weeks)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(total > 0, net / np.where(total > 0, total, 1), np.nan)
    return pd.Series(values, index=labels, name="net_sentiment")


def metrics_report(
    inbox: pd.DataFrame,
    posts: pd.DataFrame | None = None,
    members: pd.DataFrame | None = None,
    followers: pd.DataFrame | None = None,
    target: Any = "1h",
) -> dict[str, Any]:
    """The headline numbers of a community report, in one dictionary.

    From the inbox (always):

    * ``messages``: number of messages;
    * ``by_channel``: messages per channel; ``intent_mix``: share of messages per intent;
    * ``response_time``: :func:`response_time_stats` for all messages, with ``target``;
      ``response_time_by_intent``: the same per intent;
    * ``sentiment_share``, ``net_sentiment``: see :func:`sentiment_share`, :func:`net_sentiment`;
    * ``weekly_net_sentiment``: net sentiment per week (weeks ending on Sunday, as ``resample("W")``);
    * ``escalation_rate``: escalated messages / all messages.

    With ``posts``: ``engagement_rate`` (by reach), ``engagement_rate_by_platform`` and
    ``reach_and_impressions`` per platform. With ``members``: ``participation_tiers`` and
    ``active_participation_rate`` (inbox authors, over the last 30 days of the inbox).
    With ``followers``: ``follower_growth`` over the whole table and ``follower_growth_monthly``.

    >>> inbox = pd.DataFrame({
    ...     "channel": ["dm", "comment"], "intent": ["question", "praise"],
    ...     "sentiment": ["neutral", "positive"], "escalated": [False, False],
    ...     "received_at": pd.to_datetime(["2026-03-02 09:00", "2026-03-03 10:00"], utc=True),
    ...     "first_response_at": pd.to_datetime(["2026-03-02 09:30", None], utc=True)})
    >>> report = metrics_report(inbox)
    >>> report["messages"], report["net_sentiment"], float(report["response_time"]["within_target_share"])
    (2, 0.5, 0.5)
    """
    func = "metrics_report"
    _require(inbox, ["channel", "intent", "sentiment", "escalated", "received_at", "first_response_at"], func)
    n = len(inbox)
    counts = _sentiment_counts(inbox, [], "sentiment", func)
    report: dict[str, Any] = {
        "messages": n,
        "by_channel": inbox["channel"].value_counts(sort=False).rename("messages"),
        "intent_mix": inbox["intent"].value_counts(sort=False, normalize=True).rename("share"),
        "response_time": response_time_stats(inbox, target=target),
        "response_time_by_intent": response_time_stats(inbox, target=target, by="intent"),
        "sentiment_share": _shares(counts),
        "net_sentiment": _net(counts),
        "escalation_rate": _ratio(inbox["escalated"].to_numpy(dtype=bool).sum(), n),
        "weekly_net_sentiment": _weekly_net_sentiment(inbox, func),
    }
    if posts is not None:
        report["engagement_rate"] = engagement_rate(posts)
        report["engagement_rate_by_platform"] = engagement_rate(posts, group="platform")
        report["reach_and_impressions"] = reach_and_impressions(posts, group="platform")
    if members is not None:
        report["participation_tiers"] = participation_tiers(members, inbox)
        received = _as_datetime(inbox["received_at"], func)
        if received.notna().any():
            end = received.max().normalize() + pd.Timedelta(days=1)
            report["active_participation_rate"] = active_participation_rate(
                members, inbox, end - pd.Timedelta(days=30), end
            )
        else:
            report["active_participation_rate"] = math.nan
    if followers is not None:
        report["follower_growth"] = follower_growth_rate(followers)
        report["follower_growth_monthly"] = follower_growth_rate(followers, freq="MS")
    return report
