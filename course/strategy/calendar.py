"""The editorial calendar: a plan of posts, the rules it must keep, a month view and two exports.

    from course.strategy import calendar as cal
    plan = cal.example_plan()              # Velora's planned posts for May 2026, one row per post
    problems = cal.validate_calendar(plan)  # prints a summary; returns one row per problem
    cal.month_view(plan)                   # the month as a calendar grid
    cal.to_ics(plan, "may.ics")            # for Google Calendar, Outlook, Apple Calendar ...
    cal.to_scheduler_csv(plan, "may.csv", platform="instagram")   # a scheduler's bulk upload

**The plan** is a pandas DataFrame with one row per post and these columns:

===========  =========================================================================================
``when``     when the post goes out: a timezone-aware date-time (``pd.Timestamp("2026-05-04 09:30",
             tz="Europe/Rome")``), or a date-time without a zone plus a ``tz`` column naming it
             (``"Europe/Rome"``, ``"Asia/Shanghai"``)
``platform`` where: one of the platforms of the course data (``instagram``, ``facebook``, ``forum`` ...)
``pillar``   the content pillar: ``product``, ``how_to``, ``rider_stories``, ``behind_the_scenes``,
             ``promotion`` or ``events``
``format``   ``image``, ``carousel``, ``video``, ``short_video``, ``text``, ``link`` or ``thread``
``message``  the text of the post (any characters: commas, quotes, new lines, accents, Chinese)
``link``     the address the post points to, or ``""``  (optional column)
``paid``     ``True`` if the post is boosted with paid budget, ``False`` if it is organic
``campaign`` the campaign the post belongs to (``"FirstRideVelora"``), or ``""``  (optional column)
``event``    the ``event_id`` of the event the post announces or runs (``"E019"``), or ``""``  (optional)
===========  =========================================================================================

**The rules** :func:`validate_calendar` checks (each problem names the row, its date and platform,
and the rule):

- ``frequency``: each platform gets between its minimum and maximum posts a week (:data:`FREQUENCY`);
  a steady rhythm is what teaches followers when to look for you.
- ``pillar_balance``: no pillar takes more than ``max_pillar_share`` of the plan (40% by default).
- ``owned_before_paid``: a paid post's campaign (or, without one, its link) has been posted organically
  first, so the budget goes behind something that has already shown it works.
- ``event_clash``: nothing else goes out on the platform where a live event is running, and no
  promotional post goes out anywhere while it runs (:data:`EVENT_LENGTH`).
- ``freeze``: no promotional or paid post during a freeze such as the rain-jacket crisis week (:data:`CRISIS_WEEK`).
- ``campaign``: a post tagged with a campaign falls inside the campaign's dates, and during a campaign every
  promotional post belongs to it (:data:`CAMPAIGNS`).
- ``window``: the post goes out inside its platform's good hours, derived from the posts data by
  :func:`posting_windows`.
"""

from __future__ import annotations

import csv
import functools
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch, Rectangle

from course.datasets.schema import CHINESE_PLATFORMS, FORMATS, PILLARS, PLATFORMS

__all__ = [
    "PlanError", "Freeze", "PLAN_COLUMNS", "FREQUENCY", "CAMPAIGNS", "CRISIS_WEEK", "EVENT_LENGTH", "RULES",
    "account_timezone", "relative_engagement", "posting_windows", "validate_calendar", "example_plan", "month_view",
    "to_ics", "to_scheduler_csv", "export_folder", "SCHEDULER_DATE_FORMAT",
]

PLAN_COLUMNS = ("when", "platform", "pillar", "format", "message", "link", "paid", "campaign", "event")
_REQUIRED = ("when", "platform", "pillar", "format", "message", "paid")
_OPTIONAL_TEXT = ("link", "campaign", "event")

# Posts a week per platform: (at least, at most). Platforms not listed are not counted.
FREQUENCY: dict[str, tuple[int, int]] = {
    "instagram": (3, 5),
    "facebook": (2, 4),
    "forum": (2, 4),
    "linkedin": (1, 2),
    "tiktok": (2, 5),
    "x": (3, 10),
    "youtube": (0, 1),
    "pinterest": (1, 3),
    "weibo": (2, 4),
    "xiaohongshu": (2, 4),
    "wechat": (1, 2),
}

# Velora's campaigns: name -> (first day, last day), calendar days in Europe/Rome.
CAMPAIGNS: dict[str, tuple[str, str]] = {"FirstRideVelora": ("2026-05-04", "2026-06-28")}

# How long each kind of event runs, from its start.
EVENT_LENGTH = {"webinar": timedelta(hours=1), "qa": timedelta(hours=1), "meetup": timedelta(hours=3)}

# Where an online event runs (the events table's ``platform``) -> the account it occupies.
_EVENT_PLATFORMS = {"youtube live": "youtube", "instagram live": "instagram", "forum live thread": "forum"}

RULES = ("frequency", "pillar_balance", "owned_before_paid", "event_clash", "freeze", "campaign", "window")

# Hootsuite's bulk composer reads day/month/year or month/day/year with a 24-hour time; we write the first.
SCHEDULER_DATE_FORMAT = "%d/%m/%Y %H:%M"
_HOME = "Europe/Rome"
_SHANGHAI = "Asia/Shanghai"


class PlanError(ValueError):
    """The plan cannot be checked: a column is missing or a row holds a value that is not allowed."""


@dataclass(frozen=True)
class Freeze:
    """Days (Europe/Rome, first and last included) with no promotional or paid posts, and why."""

    start: str
    end: str
    reason: str

    def bounds(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        first = pd.Timestamp(self.start).tz_localize(_HOME)
        return first, pd.Timestamp(self.end).tz_localize(_HOME) + pd.Timedelta(days=1)


CRISIS_WEEK = Freeze("2026-03-16", "2026-03-22", "the rain-jacket crisis week")


def account_timezone(platform: str) -> str:
    """The time zone of the team that runs the account: Shanghai for the accounts for China, else Turin."""
    return _SHANGHAI if platform in CHINESE_PLATFORMS else _HOME


# --------------------------------------------------------------------------- the plan's shape
def _row_name(index, when: pd.Timestamp | None, platform) -> str:
    day = when.strftime("%Y-%m-%d") if isinstance(when, pd.Timestamp) and not pd.isna(when) else "no date"
    return f"row {index} ({day} {platform})"


def _as_timestamp(value, zone, index, platform) -> pd.Timestamp:
    where = _row_name(index, None, platform)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        raise PlanError(f"{where}: 'when' is empty; give the date and time the post goes out")
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise PlanError(f"{where}: 'when' is {value!r}, which is not a date and time") from None
    if stamp.tzinfo is None:
        if zone is None or zone == "" or (not isinstance(zone, str)):
            raise PlanError(f"{_row_name(index, stamp, platform)}: 'when' has no time zone; make it "
                            f"timezone-aware or add a 'tz' column such as 'Europe/Rome'")
        try:
            stamp = stamp.tz_localize(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            raise PlanError(f"{_row_name(index, stamp, platform)}: 'tz' is {zone!r}, which is not a time zone "
                            f"name such as 'Europe/Rome' or 'Asia/Shanghai'") from None
    return stamp


def _checked(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan with its values checked: ``when`` in UTC, ``local`` in the account's zone, texts filled."""
    if not isinstance(plan, pd.DataFrame):
        raise PlanError(f"the plan should be a pandas DataFrame with one row per post; it is a {type(plan).__name__}")
    missing = [c for c in _REQUIRED if c not in plan.columns]
    if missing:
        raise PlanError(f"the plan has no column {', '.join(map(repr, missing))} (it needs "
                        f"{', '.join(_REQUIRED)}; optional: {', '.join(_OPTIONAL_TEXT)}, tz)")
    if plan.empty:
        raise PlanError("the plan has no rows: add one row per planned post")
    if not plan.index.is_unique:
        raise PlanError("the plan's index has repeated labels; call plan.reset_index(drop=True) first")
    rows = []
    for index, row in plan.iterrows():
        platform = row["platform"]
        when = _as_timestamp(row["when"], row.get("tz"), index, platform)
        where = _row_name(index, when, platform)
        if platform not in PLATFORMS:
            raise PlanError(f"{where}: platform {platform!r} is not one of {', '.join(PLATFORMS)}")
        if row["pillar"] not in PILLARS:
            raise PlanError(f"{where}: pillar {row['pillar']!r} is not one of {', '.join(PILLARS)}")
        if row["format"] not in FORMATS:
            raise PlanError(f"{where}: format {row['format']!r} is not one of {', '.join(FORMATS)}")
        if type(row["paid"]) not in (bool, np.bool_):
            raise PlanError(f"{where}: paid is {row['paid']!r}; write True (boosted) or False (organic)")
        if not isinstance(row["message"], str) or not row["message"].strip():
            raise PlanError(f"{where}: the message is empty; write the text of the post")
        texts = {}
        for column in _OPTIONAL_TEXT:
            value = row.get(column, "")
            value = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value
            if not isinstance(value, str):
                raise PlanError(f"{where}: {column} is {value!r}; it should be text (or \"\" for none)")
            texts[column] = value.strip()
        if texts["link"] and not texts["link"].startswith(("https://", "http://")):
            raise PlanError(f"{where}: link {texts['link']!r} should start with https://")
        if row["paid"] and platform == "forum":
            raise PlanError(f"{where}: the forum is Velora's own space; a forum post cannot be paid")
        local = when.tz_convert(account_timezone(platform))
        rows.append({"row": index, "when": when.tz_convert("UTC"), "local": local, "platform": platform,
                     "pillar": row["pillar"], "format": row["format"], "message": row["message"],
                     "paid": bool(row["paid"]), **texts})
    return pd.DataFrame(rows).sort_values(["when", "row"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- good windows
@functools.lru_cache(maxsize=1)
def _shipped_windows() -> pd.DataFrame:
    from course.datasets import load_posts

    return posting_windows(load_posts())


def relative_engagement(posts: pd.DataFrame, *, caller: str = "posting_windows") -> pd.DataFrame:
    """Each past post's engagement compared with its own platform's typical post, on its team's clock.

    The engagement rate is by reach ((likes + comments + shares + saves) / reach); ``relative`` divides it
    by the platform's median rate, so 1.0 is a typical post on that platform and 1.5 one that did half
    as well again: a busy platform does not drown out a quiet one. Posts with no reach are left out.
    Returns one row per post with ``platform``, ``timezone`` (Turin's, or Shanghai's for the accounts
    for China), ``local`` (the publication time on that clock), ``weekday`` (0 = Monday), ``hour``
    and ``relative``. ``caller`` names the function in the message about a missing column.
    """
    needed = ["platform", "published_at", "reach", "likes", "comments", "shares", "saves"]
    absent = [c for c in needed if c not in posts.columns]
    if absent:
        raise PlanError(f"{caller}(): the posts table has no column {', '.join(map(repr, absent))}")
    posts = posts[posts["reach"] > 0]
    rate = (posts["likes"] + posts["comments"] + posts["shares"] + posts["saves"]) / posts["reach"]
    platform = posts["platform"].astype(str)
    zone = platform.map(account_timezone)
    local = pd.Series(index=posts.index, dtype="object")
    for name in zone.unique():
        mask = zone == name
        local[mask] = list(posts.loc[mask, "published_at"].dt.tz_convert(name))
    return pd.DataFrame({"platform": platform, "timezone": zone, "local": local,
                         "weekday": local.map(lambda t: t.dayofweek).astype("int64"),
                         "hour": local.map(lambda t: t.hour).astype("int64"),
                         "relative": rate / rate.groupby(platform).transform("median")})


def posting_windows(posts: pd.DataFrame, *, at_least: float = 0.9, min_posts: int = 10) -> pd.DataFrame:
    """Each platform's good hours to post, read from past posts (the ``posts`` table).

    Posts are compared with their own platform's typical (median) engagement rate by reach, so a
    busy platform does not drown out a quiet one (:func:`relative_engagement`). Hours are local to the
    team that runs the account (Turin, or Shanghai for the accounts for China). An hour is *good* when
    the median post published in it did at least ``at_least`` (90%) as well as the platform's typical
    post, over at least ``min_posts`` posts. Returns one row per platform: ``timezone``, ``good_hours``
    (a tuple of hours 0-23) and ``windows`` (the same, readable, e.g. ``"08:00-23:00"``).
    """
    scored = relative_engagement(posts)
    rows = []
    for name in scored["timezone"].unique():
        mine = scored[scored["timezone"] == name]
        stats = mine["relative"].groupby(mine["hour"]).agg(["median", "size"])
        good = tuple(int(h) for h, s in stats.iterrows() if s["median"] >= at_least and s["size"] >= min_posts)
        for plat in sorted(mine["platform"].unique(), key=PLATFORMS.index):
            rows.append({"platform": plat, "timezone": name, "good_hours": good, "windows": _readable_hours(good)})
    return pd.DataFrame(rows).set_index("platform")


def _readable_hours(hours: Iterable[int]) -> str:
    hours = sorted(set(hours))
    if not hours:
        return "none"
    spans, start, last = [], hours[0], hours[0]
    for h in hours[1:] + [None]:
        if h is not None and h == last + 1:
            last = h
            continue
        spans.append((start, last + 1))
        if h is not None:
            start = last = h
    if len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == 24:  # a window across midnight
        spans = [(spans[-1][0], spans[0][1])] + spans[1:-1]
    return ", ".join(f"{a:02d}:00-{b % 24:02d}:00" for a, b in spans)


# --------------------------------------------------------------------------- the validator
def _problem(rule: str, post, message: str) -> dict:
    return {"rule": rule, "row": post["row"], "date": post["local"].strftime("%Y-%m-%d"),
            "platform": post["platform"], "message": f"{_row_name(post['row'], post['local'], post['platform'])}: {message}"}


def _week_problem(rule: str, week: pd.Timestamp, platform: str, message: str) -> dict:
    return {"rule": rule, "row": None, "date": week.strftime("%Y-%m-%d"), "platform": platform,
            "message": f"week of {week:%Y-%m-%d} ({platform}): {message}"}


def _frequency(posts: pd.DataFrame, frequency: Mapping[str, tuple[int, int]], first_day, last_day) -> list[dict]:
    problems = []
    for platform, group in posts.groupby("platform", sort=False):
        if platform not in frequency:
            continue
        low, high = frequency[platform]
        days = group["local"].map(lambda t: t.tz_localize(None).normalize())
        week_of = days - pd.to_timedelta(days.dt.dayofweek, unit="D")
        counted = {}
        for (_, post), week in zip(group.iterrows(), week_of):
            counted[week] = counted.get(week, 0) + 1
            if counted[week] == high + 1:
                problems.append(_problem("frequency", post, f"post {high + 1} on {platform} in the week of {week:%Y-%m-%d}; "
                                         f"the plan allows at most {high} a week there, so followers are not flooded"))
            elif counted[week] > high + 1:
                problems.append(_problem("frequency", post, f"another post over the weekly maximum of {high} on {platform}"))
        # a week counts for the minimum only if it lies wholly inside the plan's period
        week = first_day - pd.Timedelta(days=first_day.dayofweek)
        while week <= last_day:
            whole = week >= first_day and week + pd.Timedelta(days=6) <= last_day
            if whole and counted.get(week, 0) < low:
                n = counted.get(week, 0)
                problems.append(_week_problem("frequency", week, platform,
                                              f"{n} post{'s' * (n != 1)}; post at least {low} a week on {platform} so "
                                              f"followers learn when to look for Velora"))
            week += pd.Timedelta(days=7)
    return problems


def _pillar_balance(posts: pd.DataFrame, max_share: float) -> list[dict]:
    problems, total = [], len(posts)
    allowed = int(np.floor(max_share * total + 1e-9))
    for pillar, group in posts.groupby("pillar", sort=False):
        for rank, (_, post) in enumerate(group.iterrows(), start=1):
            if rank > allowed:
                problems.append(_problem("pillar_balance", post, f"{pillar} post {rank} of {total} in the plan "
                                         f"({len(group) / total:.0%} {pillar} in all); keep each pillar at or under "
                                         f"{max_share:.0%} ({allowed} posts) so the feed stays varied"))
    return problems


def _owned_before_paid(posts: pd.DataFrame) -> list[dict]:
    problems = []
    for _, post in posts[posts["paid"]].iterrows():
        key, what = (("campaign", post["campaign"]) if post["campaign"] else ("link", post["link"]))
        if not what:
            problems.append(_problem("owned_before_paid", post, "a paid post with neither campaign nor link; say what the "
                                     "budget boosts, and post it organically first"))
            continue
        earlier = posts[(~posts["paid"]) & (posts[key] == what) & (posts["when"] < post["when"])]
        if earlier.empty:
            problems.append(_problem("owned_before_paid", post, f"paid post for {key} {what!r} before any organic post of it; "
                                     f"publish it on Velora's own channels first, then pay to boost what works"))
    return problems


def _event_clash(posts: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    problems = []
    for _, event in events.iterrows():
        start = pd.Timestamp(event["starts_at"])
        start = start.tz_localize("UTC") if start.tzinfo is None else start.tz_convert("UTC")
        end = start + EVENT_LENGTH.get(str(event["type"]), timedelta(hours=1))
        busy = _EVENT_PLATFORMS.get(str(event["platform"]).strip().lower())
        during = posts[(posts["when"] >= start) & (posts["when"] < end)]
        for _, post in during.iterrows():
            label = f"{event['event_id']} {event['title']!r} ({event['type']}, {start.tz_convert(_HOME):%H:%M} Turin time)"
            if post["event"] == event["event_id"] and post["pillar"] != "promotion":
                continue  # the event's own "we're live" post
            if post["pillar"] == "promotion":
                problems.append(_problem("event_clash", post, f"a promotional post while {label} is running; members are "
                                         f"there to learn and ask, so move the sales message away from the event"))
            elif busy == post["platform"]:
                problems.append(_problem("event_clash", post, f"goes out on {busy} while {label} is live there; it competes "
                                         f"with the event for the same people's attention"))
    return problems


def _freeze(posts: pd.DataFrame, freezes: Iterable[Freeze]) -> list[dict]:
    problems = []
    for freeze in freezes:
        first, after = freeze.bounds()
        inside = posts[(posts["when"] >= first) & (posts["when"] < after)]
        for _, post in inside.iterrows():
            kinds = [k for k, hit in (("promotional", post["pillar"] == "promotion"), ("paid", post["paid"])) if hit]
            if kinds:
                problems.append(_problem("freeze", post, f"a {' and '.join(kinds)} post during {freeze.reason} "
                                         f"({freeze.start} to {freeze.end}); pause selling while members are upset"))
    return problems


def _campaign(posts: pd.DataFrame, campaigns: Mapping[str, tuple[str, str]]) -> list[dict]:
    problems = []
    runs = {name: (pd.Timestamp(a).tz_localize(_HOME), pd.Timestamp(b).tz_localize(_HOME) + pd.Timedelta(days=1))
            for name, (a, b) in campaigns.items()}
    for _, post in posts.iterrows():
        if post["campaign"] in runs:
            first, after = runs[post["campaign"]]
            if not first <= post["when"] < after:
                a, b = campaigns[post["campaign"]]
                problems.append(_problem("campaign", post, f"tagged {post['campaign']}, which runs from {a} to {b}; move "
                                         f"the post inside the campaign or drop the tag"))
                continue
        if post["pillar"] == "promotion":
            for name, (first, after) in runs.items():
                if first <= post["when"] < after and post["campaign"] != name:
                    problems.append(_problem("campaign", post, f"a promotional post outside {name} while that campaign "
                                             f"runs; during a campaign, promotions carry its message (tag it or move it)"))
    return problems


def _window(posts: pd.DataFrame, windows: pd.DataFrame) -> list[dict]:
    problems = []
    for _, post in posts.iterrows():
        if post["platform"] not in windows.index:
            continue
        good = windows.loc[post["platform"], "good_hours"]
        if post["local"].hour not in good:
            readable = windows.loc[post["platform"], "windows"]
            zone = "Shanghai" if windows.loc[post["platform"], "timezone"] == _SHANGHAI else "Turin"
            problems.append(_problem("window", post, f"goes out at {post['local']:%H:%M} {zone} time, outside "
                                     f"{post['platform']}'s good hours ({readable}); few followers are looking then"))
    return problems


def validate_calendar(plan: pd.DataFrame, *, events: pd.DataFrame | None = None,
                      frequency: Mapping[str, tuple[int, int]] | None = None, max_pillar_share: float = 0.4,
                      campaigns: Mapping[str, tuple[str, str]] | None = None,
                      freezes: Iterable[Freeze] = (CRISIS_WEEK,), windows: pd.DataFrame | None = None,
                      period: tuple[str, str] | None = None, quiet: bool = False) -> pd.DataFrame:
    """Check a plan against the calendar's rules; print a summary and return the problems.

    ``plan`` is a DataFrame of planned posts (see this module's description for its columns).
    ``events`` defaults to Velora's events (``load_events()``), ``frequency`` to :data:`FREQUENCY`,
    ``campaigns`` to :data:`CAMPAIGNS`, ``freezes`` to the crisis week, ``windows`` to
    :func:`posting_windows` on the shipped posts (a platform missing from ``windows`` is not checked for
    hours). ``period`` (first day, last day) is what the plan
    covers; by default the days from its first to its last post. The weekly minimum is checked only
    for weeks (Monday to Sunday) wholly inside the period.

    Returns a DataFrame with one row per problem: ``rule``, ``row`` (the plan's index label, or
    empty for a whole week with too few posts), ``date``, ``platform`` and ``message``. An empty
    result means the plan passes every rule.
    """
    posts = _checked(plan)
    if not 0 < max_pillar_share <= 1:
        raise PlanError(f"max_pillar_share is {max_pillar_share!r}; give a share between 0 and 1, such as 0.4")
    if events is None:
        from course.datasets import load_events

        events = load_events()
    missing = [c for c in ("event_id", "type", "title", "starts_at", "platform") if c not in events.columns]
    if missing:
        raise PlanError(f"the events table has no column {', '.join(map(repr, missing))}")
    frequency = FREQUENCY if frequency is None else frequency
    for platform, bounds in frequency.items():
        if len(bounds) != 2 or not 0 <= bounds[0] <= bounds[1]:
            raise PlanError(f"frequency for {platform!r} is {bounds!r}; give (at least, at most), e.g. (3, 5)")
    campaigns = CAMPAIGNS if campaigns is None else campaigns
    windows = _shipped_windows() if windows is None else windows
    if period is None:
        days = posts["local"].map(lambda t: t.tz_localize(None).normalize())
        first_day, last_day = days.min(), days.max()
    else:
        try:
            first_day, last_day = (pd.Timestamp(day).tz_localize(None).normalize() if pd.Timestamp(day).tzinfo
                                   else pd.Timestamp(day).normalize() for day in period)
        except (ValueError, TypeError):
            first_day = None
        if first_day is None or not 1970 <= first_day.year <= 2100 or not 1970 <= last_day.year <= 2100:
            raise PlanError(f"period is {period!r}; give the first and last day, e.g. ('2026-05-01', '2026-05-31')")
        if first_day > last_day:
            raise PlanError(f"period starts on {first_day:%Y-%m-%d}, after its last day {last_day:%Y-%m-%d}")
    freezes = tuple(freezes)
    for freeze in freezes:
        if not isinstance(freeze, Freeze):
            raise PlanError(f"freezes should hold Freeze(start, end, reason) entries; one is {freeze!r}")
    problems = (_frequency(posts, frequency, first_day, last_day) + _pillar_balance(posts, max_pillar_share)
                + _owned_before_paid(posts) + _event_clash(posts, events) + _freeze(posts, freezes)
                + _campaign(posts, campaigns) + _window(posts, windows))
    table = pd.DataFrame(problems, columns=["rule", "row", "date", "platform", "message"])
    table["row"] = table["row"].astype("object")
    table = table.sort_values(["date", "rule"], kind="stable").reset_index(drop=True)
    if not quiet:
        print(_summary(table, posts))
    return table


def _summary(problems: pd.DataFrame, posts: pd.DataFrame) -> str:
    checked = f"{len(posts)} posts on {posts['platform'].nunique()} platforms"
    if problems.empty:
        return f"The plan passes every rule ({checked} checked)."
    counts = problems["rule"].value_counts()
    by_rule = ", ".join(f"{rule} {counts[rule]}" for rule in RULES if rule in counts)
    lines = [f"{len(problems)} problem{'s' * (len(problems) != 1)} in {checked} ({by_rule}):"]
    lines += [f"- [{p.rule}] {p.message}" for p in problems.itertuples()]
    return "\n".join(lines)


# --------------------------------------------------------------------------- Velora's May 2026 plan
# (day of May 2026, "HH:MM" Turin time, platform, pillar, format, message, link, paid, campaign, event)
_SHOP = "https://velora.example/shop/city"
_FIRST_RIDE = "https://velora.example/firstride"
_EVENTS = "https://velora.example/events"
_MAY_2026 = [
    (4, "09:30", "instagram", "promotion", "carousel", "Your first ride starts here. Unbox it, ride it, share it: #FirstRideVelora", _FIRST_RIDE, False, "FirstRideVelora", ""),
    (4, "18:00", "forum", "events", "thread", "May on the forum: the Lyon meetup, a live Q&A and the fabric-lab webinar. Who's coming?", _EVENTS, False, "", ""),
    (5, "10:00", "facebook", "promotion", "video", "Show us your first ride, and tag it #FirstRideVelora. We'll share our favourites every Friday.", _FIRST_RIDE, False, "FirstRideVelora", ""),
    (5, "19:00", "instagram", "how_to", "short_video", "Three checks before you leave: tyres, brakes, battery. Thirty seconds, every time.", "", False, "", ""),
    (6, "12:30", "linkedin", "behind_the_scenes", "image", "Inside the Turin workshop: how we refurbish batteries instead of scrapping them.", "", False, "", ""),
    (7, "17:30", "forum", "how_to", "thread", "Setting the suspension on a Velora Trail, step by step (with photos).", "", False, "", ""),
    (8, "18:30", "instagram", "rider_stories", "image", "Amélie's first ride: Lyon's quais at sunset. \"I didn't want to stop.\"", "", False, "FirstRideVelora", ""),
    (8, "11:00", "facebook", "rider_stories", "image", "Friday favourites: five first rides, from Toronto to Turin.", "", False, "FirstRideVelora", ""),
    (11, "09:00", "instagram", "promotion", "carousel", "Spring test-ride weekend: book a Velora City at your nearest dealer.", _SHOP, True, "FirstRideVelora", ""),
    (11, "20:00", "forum", "product", "thread", "Firmware 3.2 notes, and what you asked us to fix first.", "", False, "", ""),
    (12, "13:30", "facebook", "how_to", "video", "Charging in winter and summer: what the battery likes, and what it doesn't.", "", False, "", ""),
    (13, "19:30", "instagram", "behind_the_scenes", "short_video", "A day with the test riders, rain included.", "", False, "", ""),
    (14, "10:30", "linkedin", "product", "link", "Why we build our frames to be repaired, not replaced.", "https://velora.example/repair", True, "", ""),
    (14, "18:00", "forum", "events", "thread", "Saturday: meetup at the Lyon partner shop (10:00), then our live Q&A right here at 19:00.", _EVENTS, False, "", "E018"),
    (15, "11:30", "instagram", "rider_stories", "image", "Marco, 72 km a week to work and back: \"The hills finally feel flat.\"", "", False, "FirstRideVelora", ""),
    (15, "17:00", "facebook", "rider_stories", "image", "Friday favourites, week two: a canal, a café and a cargo box full of groceries.", "", False, "FirstRideVelora", ""),
    (18, "07:00", "instagram", "how_to", "carousel", "Five ways to carry more on a Velora City, without a backpack.", "", False, "", ""),
    (18, "19:00", "forum", "events", "thread", "Fabric-lab webinar on Saturday: send us your questions about Velora Wear in advance.", _EVENTS, False, "", "E019"),
    (19, "12:00", "facebook", "events", "link", "Velora Wear: the fabric lab, live on YouTube this Saturday at 18:30.", _EVENTS, False, "", "E019"),
    (23, "18:45", "instagram", "promotion", "image", "#FirstRideVelora week three: the best first rides win a Velora Wear jacket.", _FIRST_RIDE, False, "FirstRideVelora", ""),
    (21, "10:00", "linkedin", "behind_the_scenes", "image", "Meet the Shanghai team that answers riders in China, 早上好!", "", False, "", ""),
    (21, "17:30", "forum", "rider_stories", "thread", "Your first-ride photos, week three: post yours below.", "", False, "FirstRideVelora", ""),
    (22, "11:00", "instagram", "rider_stories", "short_video", "Lena in Munich: the first ride, the first puncture, the first smile.", "", False, "FirstRideVelora", ""),
    (22, "17:00", "facebook", "rider_stories", "image", "Friday favourites, week three: riders over sixty, and proud of it.", "", False, "FirstRideVelora", ""),
    (25, "09:30", "instagram", "product", "carousel", "The Velora City in three new colours, chosen by your votes on the ideas board.", _SHOP, False, "", ""),
    (25, "18:00", "forum", "product", "thread", "Ideas board results: what we are building next, and why.", "", False, "", ""),
    (26, "12:30", "facebook", "promotion", "image", "Last call for the spring test rides: your first ride could be this weekend.", _SHOP, True, "FirstRideVelora", ""),
    (27, "19:00", "instagram", "how_to", "short_video", "Brake pads: when to change them, in twenty seconds.", "", False, "", ""),
    (28, "17:30", "forum", "how_to", "thread", "Tyre pressure for city, gravel and rain: the forum's own table.", "", False, "", ""),
    (28, "10:00", "linkedin", "rider_stories", "image", "How a Turin bakery delivers its bread by Velora cargo bike.", "", False, "", ""),
    (29, "11:30", "instagram", "rider_stories", "image", "Your #FirstRideVelora favourites of May, in one post.", "", False, "FirstRideVelora", ""),
    (29, "17:00", "facebook", "behind_the_scenes", "video", "How a Velora City is packed, so your first ride starts with a clean box.", "", False, "", ""),
]


def example_plan() -> pd.DataFrame:
    """Velora's planned posts for May 2026, the first month of #FirstRideVelora: one row per post.

    Times are Turin time (``Europe/Rome``). This is Giulia's April draft, so it still breaks three rules
    (rows 12, 16 and 23); lesson 2.4 finds them with :func:`validate_calendar` and fixes them.
    """
    rows = []
    for day, clock, platform, pillar, fmt, message, link, paid, campaign, event in _MAY_2026:
        when = pd.Timestamp(f"2026-05-{day:02d} {clock}").tz_localize(_HOME)
        rows.append({"when": when, "platform": platform, "pillar": pillar, "format": fmt, "message": message,
                     "link": link, "paid": paid, "campaign": campaign, "event": event})
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS)).sort_values("when", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- month view
PILLAR_COLOURS = {"product": "#1565c0", "how_to": "#2e7d32", "rider_stories": "#ef6c00",
                  "behind_the_scenes": "#6a1b9a", "promotion": "#c62828", "events": "#00838f"}
_SHORT = {"instagram": "IG", "facebook": "FB", "x": "X", "linkedin": "LI", "tiktok": "TT", "youtube": "YT",
          "pinterest": "PI", "forum": "Forum", "weibo": "Weibo", "xiaohongshu": "XHS", "wechat": "WeChat"}


def month_view(plan: pd.DataFrame, month: str | None = None, *, events: pd.DataFrame | None = None,
               tz: str = _HOME, axes=None):
    """Draw one month of the plan as a calendar grid (Monday to Sunday), one line per post.

    Each post shows its time, platform and pillar in the pillar's colour (paid posts end in " €");
    events of the month (``load_events()`` by default) are shown in a box on their day. ``month`` is
    ``"2026-05"``; by default the month of the plan's first post. Times are shown in ``tz``. Returns
    the matplotlib axes.
    """
    posts = _checked(plan)
    try:
        local = posts["when"].dt.tz_convert(ZoneInfo(tz))
    except (ZoneInfoNotFoundError, ValueError):
        raise PlanError(f"tz is {tz!r}, which is not a time zone name such as 'Europe/Rome'") from None
    month = month or local.min().strftime("%Y-%m")
    if not isinstance(month, str) or not re.fullmatch(r"(19[7-9]\d|20\d\d)-(0[1-9]|1[0-2])", month):
        raise PlanError(f"month is {month!r}; give it as year and month, e.g. '2026-05'")
    first = pd.Period(month, freq="M")
    if events is None:
        from course.datasets import load_events

        events = load_events()
    starts = pd.to_datetime(events["starts_at"], utc=True).dt.tz_convert(tz)
    days = pd.date_range(first.start_time, first.end_time.normalize(), freq="D")
    weeks = (days[0].dayofweek + len(days) + 6) // 7
    if axes is None:
        _, axes = plt.subplots(figsize=(14, 2.1 * weeks + 0.8))
    axes.set_xlim(0, 7)
    axes.set_ylim(weeks, 0)
    axes.axis("off")
    for col, name in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]):
        axes.text(col + 0.5, -0.05, name, ha="center", va="bottom", fontsize=10, fontweight="bold")
    for day in days:
        slot = day.dayofweek
        row = (day.day - 1 + days[0].dayofweek) // 7
        axes.add_patch(Rectangle((slot, row), 1, 1, fill=day.dayofweek >= 5, facecolor="#f5f5f5",
                                 edgecolor="#9e9e9e", linewidth=0.8))
        axes.text(slot + 0.04, row + 0.05, str(day.day), ha="left", va="top", fontsize=9, fontweight="bold")
        line = 0.27
        for (_, event), start in zip(events.iterrows(), starts):
            if start.normalize().tz_localize(None) == day:
                axes.text(slot + 0.04, row + line, f"{start:%H:%M} {event['type'].upper()} {event['event_id']}",
                          fontsize=7.5, va="top", bbox={"boxstyle": "round,pad=0.15", "facecolor": "#fff59d",
                                                         "edgecolor": "#f9a825"})
                line += 0.17
        today = posts[local.dt.normalize().dt.tz_localize(None) == day]
        for index in today.index:
            post = today.loc[index]
            text = f"{local[index]:%H:%M} {_SHORT[post['platform']]} {post['pillar'].replace('_', ' ')}"
            axes.text(slot + 0.04, row + line, text + (" €" if post["paid"] else ""), fontsize=7.5, va="top",
                      color=PILLAR_COLOURS[post["pillar"]])
            line += 0.14
    handles = [Patch(color=c, label=p.replace("_", " ")) for p, c in PILLAR_COLOURS.items()]
    handles.append(Patch(facecolor="#fff59d", edgecolor="#f9a825", label="event"))
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=len(handles), frameon=False,
                fontsize=8)
    in_month = int((local.dt.strftime("%Y-%m") == str(first)).sum())
    axes.set_title(f"{first.start_time:%B %Y}: {in_month} planned posts (times in {tz})", fontsize=12, pad=26)
    return axes


# --------------------------------------------------------------------------- exports
def export_folder(name: str = "calendar-exports") -> Path:
    """A folder for the files a lesson writes, next to the notebook (created if needed)."""
    folder = Path.cwd() / name
    folder.mkdir(exist_ok=True)
    return folder


def _summary_line(post) -> str:
    first_line = post["message"].strip().splitlines()[0]
    short = first_line if len(first_line) <= 60 else first_line[:57].rstrip() + "..."
    return f"[{post['platform']}] {short}"


def _with_zoneinfo(moment: datetime) -> datetime:
    """The same instant with a named zone as ``zoneinfo`` (which icalendar writes with its definition), or in UTC."""
    name = getattr(moment.tzinfo, "key", None) or getattr(moment.tzinfo, "zone", None)
    if isinstance(name, str) and name not in ("UTC", "utc"):
        try:
            return moment.astimezone(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return moment.astimezone(timezone.utc)  # a fixed offset or UTC: keep the instant, write it in UTC


def to_ics(plan: pd.DataFrame, path: str | Path, *, minutes: int = 15,
           calendar_name: str = "Velora editorial calendar") -> Path:
    """Write the plan as an iCalendar (.ics) file that calendar apps open; returns the path.

    Each post becomes an event of ``minutes`` minutes at its time, in its own time zone (the file
    carries the zones' definitions), with the platform and the start of the message as the title,
    the whole message, link, pillar, format, paid/organic and campaign in the description, the pillar
    as its category and the link as its URL. An entry's id comes from its row's index label and
    platform, so importing a corrected file again updates the same entries rather than adding copies.
    """
    from icalendar import Calendar, Event

    posts = _checked(plan)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes <= 0:
        raise PlanError(f"minutes is {minutes!r}; give the length of each calendar entry in whole minutes, e.g. 15")
    original = {index: _as_timestamp(plan.loc[index, "when"], plan.loc[index].get("tz"), index, plan.loc[index, "platform"])
                for index in plan.index}
    calendar = Calendar()
    calendar.add("prodid", "-//Community Management Workbook//Velora editorial calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name)
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for _, post in posts.iterrows():
        start = _with_zoneinfo(original[post["row"]].to_pydatetime())
        event = Event()
        event.add("uid", str(uuid.uuid5(uuid.NAMESPACE_URL, f"velora-calendar/{post['row']}/{post['platform']}")))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes))
        event.add("summary", _summary_line(post))
        details = [post["message"], ""]
        if post["link"]:
            details.append(f"Link: {post['link']}")
        details.append(f"Pillar: {post['pillar']}; format: {post['format']}; {'paid' if post['paid'] else 'organic'}")
        if post["campaign"]:
            details.append(f"Campaign: {post['campaign']}")
        if post["event"]:
            details.append(f"Event: {post['event']}")
        event.add("description", "\n".join(details))
        event.add("categories", [post["pillar"]])
        if post["link"]:
            event.add("url", post["link"])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    path = Path(path)
    path.write_bytes(calendar.to_ical())
    return path


def to_scheduler_csv(plan: pd.DataFrame, path: str | Path, *, platform: str | None = None, tz: str = _HOME,
                     date_format: str = SCHEDULER_DATE_FORMAT, header: bool = False) -> Path:
    """Write the plan as a scheduler's bulk-upload CSV (the layout of Hootsuite's bulk composer); returns the path.

    Three columns, in this order: the date-time in ``tz`` (the time zone set in the scheduler
    account) written as ``date_format`` (day/month/year and a 24-hour time, ``04/05/2026 09:30``;
    choose the same format when you upload), the message, and the link (may be empty). No header row
    unless ``header=True`` (then ``date_time,message,link``). The file is UTF-8, comma-separated,
    with standard quoting, so commas, quotes and new lines inside a message survive. A bulk upload
    goes to the profiles you pick when uploading, so export one file per ``platform``. Schedulers only
    accept times on a five-minute mark: a post at 09:32 raises :class:`PlanError` naming the row.
    """
    posts = _checked(plan)
    if platform is not None:
        if platform not in PLATFORMS:
            raise PlanError(f"platform {platform!r} is not one of {', '.join(PLATFORMS)}")
        posts = posts[posts["platform"] == platform]
        if posts.empty:
            raise PlanError(f"the plan has no post on {platform}; nothing to export")
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise PlanError(f"tz is {tz!r}, which is not a time zone name such as 'Europe/Rome'") from None
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        if header:
            writer.writerow(["date_time", "message", "link"])
        for _, post in posts.iterrows():
            local = post["when"].tz_convert(zone)
            if local.minute % 5 or local.second:
                raise PlanError(f"{_row_name(post['row'], local, post['platform'])}: {local:%H:%M} is not on a five-minute "
                                f"mark, which schedulers require; move it to {local.floor('5min'):%H:%M} or "
                                f"{local.ceil('5min'):%H:%M}")
            writer.writerow([local.strftime(date_format), post["message"], post["link"]])
    return path
