"""Publishing: when to post, whether a draft fits its platform, and what time a post lands for riders elsewhere.

    from course.social import publishing as pub
    pub.slot_engagement(posts, "instagram")      # weekday x hours cells: posts behind each, median engagement
    pub.heatmap(posts, "instagram")               # the same as a heatmap, thin cells hatched
    pub.best_windows(posts)                       # each platform's best cells with enough posts behind them
    pub.check_drafts(drafts)                      # drafts against each platform's limits (course.social.limits)
    pub.across_zones("2026-03-16 09:00")          # one Rome time in New York and Shanghai
    pub.weekly_slot("Monday", "09:00", "2026-03-02", weeks=6)   # a repeated slot, week by week
    pub.clock_gaps(2026)                          # when Rome and New York are not their usual hours apart

Engagement is compared with each platform's typical post, on the clock of the team that runs the
account: :func:`course.strategy.calendar.relative_engagement`, the same scoring the editorial calendar's
good hours use. The platforms' figures come only from :mod:`course.social.limits`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm

from course.social.limits import limits as platform_limits
from course.strategy.calendar import PlanError, relative_engagement

__all__ = ["PublishingError", "DraftError", "TimeZoneError", "WEEKDAYS", "RIDER_ZONES", "MAX_MENTIONS",
           "slot_engagement", "heatmap", "best_windows", "counted_length", "find_links", "find_hashtags",
           "find_mentions", "check_drafts", "local_time", "across_zones", "weekly_slot", "clock_gaps"]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
RIDER_ZONES = {"Europe": "Europe/Rome", "North America": "America/New_York", "China": "Asia/Shanghai"}
# Velora's house rule, not a platform's: tagging many accounts in one post reads as spam.
MAX_MENTIONS = 3


class PublishingError(ValueError):
    """A table or value handed to the publishing lab cannot be used: the message names what and where."""


class DraftError(PublishingError):
    """A draft cannot be checked (a missing column, an unknown platform, a count that is not a count)."""


class TimeZoneError(PublishingError):
    """A time that does not exist, or happens twice, on a clock; or a zone name that is not one."""


# --------------------------------------------------------------------------- posting windows
def _hours_per_cell(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in (1, 2, 3, 4, 6, 8, 12, 24):
        raise PublishingError(f"hours_per_cell is {value!r}; give a whole number that divides a day: 1, 2, 3, 4, 6, 8, 12 or 24")
    return value


def _scored(posts: pd.DataFrame, platform, caller: str) -> pd.DataFrame:
    if not isinstance(posts, pd.DataFrame):
        raise PublishingError(f"{caller}() needs the posts table (a pandas DataFrame); it was given a {type(posts).__name__}")
    try:
        scored = relative_engagement(posts, caller=caller)
    except PlanError as error:
        raise PublishingError(str(error)) from None
    if platform is None:
        return scored
    wanted = [platform] if isinstance(platform, str) else list(platform)
    unknown = [p for p in wanted if p not in set(scored["platform"])]
    if unknown:
        raise PublishingError(f"{caller}(): the posts table has no post on {', '.join(map(repr, unknown))}; it has "
                              f"{', '.join(sorted(set(scored['platform'])))}")
    chosen = scored[scored["platform"].isin(wanted)]
    if chosen["timezone"].nunique() > 1:
        raise PublishingError(f"{caller}(): {', '.join(wanted)} are run on different clocks (Turin and Shanghai); "
                              f"pool only accounts run from the same place")
    return chosen


def slot_engagement(posts: pd.DataFrame, platform=None, *, hours_per_cell: int = 3) -> pd.DataFrame:
    """Weekday x time-of-day cells: how many posts went out in each, and how well the median one did.

    ``platform`` is one platform (``"instagram"``), a list of platforms run on the same clock (pooled),
    or ``None`` for every account run from Turin. ``engagement`` is the median post's engagement rate
    relative to its platform's typical post (1.0 = typical). Returns one row per cell with posts:
    ``weekday`` (0 = Monday), ``day``, ``start`` (hour), ``hours`` (``"09:00-12:00"``), ``posts``,
    ``engagement``.
    """
    size = _hours_per_cell(hours_per_cell)
    scored = _scored(posts, platform, "slot_engagement")
    if platform is None:
        scored = scored[scored["timezone"] == "Europe/Rome"]
    start = scored["hour"] // size * size
    stats = scored["relative"].groupby([scored["weekday"], start]).agg(["size", "median"]).reset_index()
    stats.columns = ["weekday", "start", "posts", "engagement"]
    stats["day"] = stats["weekday"].map(lambda d: WEEKDAYS[d])
    stats["hours"] = stats["start"].map(lambda h: f"{h:02d}:00-{(h + size) % 24:02d}:00")
    stats["engagement"] = stats["engagement"].round(2)
    return stats[["weekday", "day", "start", "hours", "posts", "engagement"]]


def heatmap(posts: pd.DataFrame, platform, *, hours_per_cell: int = 3, min_posts: int = 10, axes=None):
    """Draw a weekday x time-of-day heatmap of engagement, each cell labelled with the posts behind it.

    Colour is the median post's engagement relative to the platform's typical post (blue above 1.0,
    red below); cells with fewer than ``min_posts`` posts are hatched and their figures greyed, so a
    bright cell resting on three posts is not read as a finding. Hours are on the account team's
    clock. Returns the matplotlib axes.
    """
    if isinstance(min_posts, bool) or not isinstance(min_posts, int) or min_posts < 1:
        raise PublishingError(f"min_posts is {min_posts!r}; give a whole number of posts, such as 10")
    size = _hours_per_cell(hours_per_cell)
    cells = slot_engagement(posts, platform, hours_per_cell=size)
    zone = _scored(posts, platform, "heatmap")["timezone"].iloc[0] if platform is not None else "Europe/Rome"
    columns = list(range(0, 24, size))
    grid = np.full((7, len(columns)), np.nan)
    counts = np.zeros((7, len(columns)), dtype=int)
    for _, cell in cells.iterrows():
        grid[cell["weekday"], columns.index(cell["start"])] = cell["engagement"]
        counts[cell["weekday"], columns.index(cell["start"])] = cell["posts"]
    if axes is None:
        _, axes = plt.subplots(figsize=(1.2 * len(columns) + 2, 5.2))
    high = max(2.0, float(np.nanmax(grid)) if np.isfinite(grid).any() else 2.0)
    norm = TwoSlopeNorm(vmin=0.0, vcenter=1.0, vmax=high)
    image = axes.imshow(grid, cmap="RdBu", norm=norm, aspect="auto")
    for row in range(7):
        for col in range(len(columns)):
            n = int(counts[row, col])
            thin = n < min_posts
            if thin:
                axes.add_patch(plt.Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, hatch="///",
                                             edgecolor="#9e9e9e", linewidth=0))
            label = "no posts" if n == 0 else f"{grid[row, col]:.2f}x\n{n} post{'s' * (n != 1)}"
            dark = n > 0 and not 0.2 <= float(norm(grid[row, col])) <= 0.8  # light text on a deep colour
            colour = ("#e0e0e0" if thin else "#ffffff") if dark else ("#616161" if thin else "#111111")
            axes.text(col, row, label, ha="center", va="center", fontsize=8, color=colour,
                      fontweight="normal" if thin else "bold")
    axes.set_xticks(range(len(columns)), [f"{h:02d}-{(h + size) % 24 or 24:02d}" for h in columns])
    axes.set_yticks(range(7), WEEKDAYS)
    name = platform if isinstance(platform, str) else ("Turin accounts" if platform is None else " + ".join(platform))
    axes.set_title(f"{name}: median engagement vs the typical post, by day and hour ({zone} time);\n"
                   f"hatched cells rest on fewer than {min_posts} posts", fontsize=10)
    axes.figure.colorbar(image, ax=axes, label="x typical post", shrink=0.8)
    return axes


def best_windows(posts: pd.DataFrame, *, hours_per_cell: int = 3, min_posts: int = 10, top: int = 3) -> pd.DataFrame:
    """Each platform's ``top`` best cells (weekday x hours) among those with at least ``min_posts`` posts.

    A platform whose cells are all thinner than ``min_posts`` gets one row saying so (``day`` empty):
    that is the honest answer when the data cannot tell. Returns ``platform``, ``timezone``, ``day``,
    ``hours``, ``posts``, ``engagement``, ordered by platform, best first.
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise PublishingError(f"top is {top!r}; give how many windows to keep per platform, such as 3")
    scored = _scored(posts, None, "best_windows")
    rows = []
    for plat, zone in scored.groupby("platform", sort=False)["timezone"].first().items():
        cells = slot_engagement(posts, plat, hours_per_cell=hours_per_cell)
        solid = cells[cells["posts"] >= min_posts].sort_values(["engagement", "posts"], ascending=False).head(top)
        if solid.empty:
            rows.append({"platform": plat, "timezone": zone, "day": "", "hours": f"no cell has {min_posts} posts",
                         "posts": int(cells["posts"].max()), "engagement": np.nan})
        for _, cell in solid.iterrows():
            rows.append({"platform": plat, "timezone": zone, "day": cell["day"], "hours": cell["hours"],
                         "posts": int(cell["posts"]), "engagement": cell["engagement"]})
    return pd.DataFrame(rows).reset_index(drop=True)


# --------------------------------------------------------------------------- the draft validator
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"»"
_HASHTAG = re.compile(r"(?<![\w&/#])#(\w+)")
_TOPIC = re.compile(r"#([^#\n]{1,64})#")  # Weibo writes topics #like this#
_MENTION = re.compile(r"(?<![\w.@])@(\w[\w.]*)")


def _text(text, what: str = "text") -> str:
    if not isinstance(text, str):
        raise DraftError(f"the {what} should be text in quotes; it is a {type(text).__name__}")
    return unicodedata.normalize("NFC", text)


def find_links(text: str) -> list[str]:
    """The web addresses in ``text`` (starting with http://, https:// or www.), trailing punctuation left out."""
    return [m.group(0).rstrip(_TRAILING) for m in _LINK.finditer(_text(text))]


def find_hashtags(text: str, platform: str = "instagram") -> list[str]:
    """The hashtags in ``text`` as ``platform`` reads them (on Weibo a topic is written ``#like this#``)."""
    text = _text(text)
    if platform_limits(platform).platform == "weibo":
        return [m.strip() for m in _TOPIC.findall(text)]
    without_links = _LINK.sub(" ", text)
    return _HASHTAG.findall(without_links)


def find_mentions(text: str) -> list[str]:
    """The accounts ``text`` mentions with ``@`` (an e-mail address is not a mention)."""
    return [m.rstrip(".") for m in _MENTION.findall(_LINK.sub(" ", _text(text)))]


def counted_length(text: str, platform: str) -> int:
    """The length of ``text`` as ``platform`` counts it: each link costs its ``link_chars`` where the
    platform shortens links (23 on X, whatever the address), else its own length."""
    text = _text(text)
    cost = platform_limits(platform).link_chars
    length = len(text)
    if cost is not None:
        for link in find_links(text):
            length += cost - len(link)
    return length


def _advised_most(advice: str) -> int | None:
    numbers = [int(n) for n in re.findall(r"\d+", advice or "")]
    return max(numbers) if numbers else None


def _alt_texts(value, name: str) -> list[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (list, tuple)):
        if not all(isinstance(v, str) for v in value):
            raise DraftError(f"draft {name!r}: alt_text should be text, or a list with one text per image")
        return [v for v in value if v.strip()]
    raise DraftError(f"draft {name!r}: alt_text is {value!r}; give text, or a list with one text per image")


def _check_one(name: str, platform: str, text: str, images: int, alt: list[str]) -> list[dict]:
    rule = platform_limits(platform)
    problems = []

    def problem(kind, severity, message):
        problems.append({"draft": name, "platform": rule.platform, "rule": kind, "severity": severity,
                         "message": f"draft {name!r} ({rule.platform}): {message}"})

    length = counted_length(text, platform)
    if length > rule.max_chars:
        how = f", each link counted as {rule.link_chars}" if rule.link_chars is not None else ""
        problem("length", "must fix", f"{length} characters as {rule.platform} counts them{how}; its {rule.text_field} "
                f"holds at most {rule.max_chars}, so cut {length - rule.max_chars}")
    tags = find_hashtags(text, platform)
    advised = _advised_most(rule.hashtags_advised)
    if rule.max_hashtags is not None and len(tags) > rule.max_hashtags:
        problem("hashtags", "must fix", f"{len(tags)} hashtags; {rule.platform} takes at most {rule.max_hashtags}")
    elif advised is not None and len(tags) > advised:
        problem("hashtags", "should fix", f"{len(tags)} hashtags; {rule.platform}'s own guidance suggests "
                f"{rule.hashtags_advised}, and a wall of tags reads as spam")
    mentions = find_mentions(text)
    hard = getattr(rule, "max_mentions", None)  # used as soon as the limits table records one
    if hard is not None and len(mentions) > hard:
        problem("mentions", "must fix", f"{len(mentions)} mentions; {rule.platform} takes at most {hard}")
    elif len(mentions) > MAX_MENTIONS:
        problem("mentions", "should fix", f"{len(mentions)} accounts mentioned; Velora tags at most {MAX_MENTIONS} "
                f"people per post (tag the ones the post is about, and ask them first)")
    links = find_links(text)
    if links and not rule.links_clickable:
        problem("link", "must fix", f"a link in the {rule.text_field} ({links[0]}), which {rule.platform} does not make "
                f"clickable; put it on the profile and point to it in words")
    missing = images - len(alt)
    if images and rule.alt_text and missing > 0:
        problem("alt_text", "must fix", f"{missing} of {images} image{'s' * (images != 1)} without alt text; "
                f"describe what each one shows for people using a screen reader")
    elif images and not rule.alt_text and not alt:
        problem("alt_text", "should fix", f"{rule.platform} has no alt-text field; say what the image shows in the "
                f"{rule.text_field} itself")
    return problems


def check_drafts(drafts, *, quiet: bool = False) -> pd.DataFrame:
    """Check drafts against their platform's limits (:mod:`course.social.limits`); print a summary, return the problems.

    ``drafts`` is a DataFrame (or a list of dicts) with one row per draft: ``draft`` (its name; the index
    is used if absent), ``platform``, ``text``, and optionally ``images`` (how many are attached, 0 by
    default) and ``alt_text`` (a text, or a list with one per image). The rules: ``length`` (counted as
    the platform counts, links included), ``hashtags`` (a hard limit, or the platform's advice),
    ``mentions`` (Velora's :data:`MAX_MENTIONS`), ``link`` (a link where the platform does not make
    it clickable), ``alt_text`` (an image without a description). Returns one row per problem:
    ``draft``, ``platform``, ``rule``, ``severity`` (``must fix`` or ``should fix``) and ``message``.
    """
    if isinstance(drafts, list):
        drafts = pd.DataFrame(drafts)
    if not isinstance(drafts, pd.DataFrame):
        raise DraftError(f"drafts should be a DataFrame (or a list of dicts), one row per draft; it is a {type(drafts).__name__}")
    missing = [c for c in ("platform", "text") if c not in drafts.columns]
    if missing:
        raise DraftError(f"the drafts have no column {', '.join(map(repr, missing))} (they need platform and text; "
                         f"optional: draft, images, alt_text)")
    problems = []
    for index, row in drafts.iterrows():
        name = str(row["draft"]) if "draft" in drafts.columns else str(index)
        try:
            platform_limits(row["platform"])
        except KeyError as error:
            raise DraftError(f"draft {name!r}: {error.args[0]}") from None
        try:
            text = _text(row["text"])
        except DraftError as error:
            raise DraftError(f"draft {name!r}: {error}") from None
        images = row.get("images", 0)
        images = 0 if images is None or (isinstance(images, float) and np.isnan(images)) else images
        if isinstance(images, (float, np.floating)) and float(images).is_integer():
            images = int(images)  # a column with empty cells is read as floats
        if isinstance(images, bool) or not isinstance(images, (int, np.integer)) or images < 0:
            raise DraftError(f"draft {name!r}: images is {images!r}; give how many images are attached (0 or more)")
        alt = _alt_texts(row.get("alt_text", None), name)
        if len(alt) > int(images):
            raise DraftError(f"draft {name!r}: {len(alt)} alt texts for {images} image(s); give one per image")
        problems += _check_one(name, row["platform"], text, int(images), alt)
    table = pd.DataFrame(problems, columns=["draft", "platform", "rule", "severity", "message"])
    if not quiet:
        must = int((table["severity"] == "must fix").sum())
        print(f"{len(drafts)} drafts checked: {must} must-fix problem{'s' * (must != 1)}, "
              f"{len(table) - must} to consider." if len(table) else f"{len(drafts)} drafts checked: all fit their platform.")
    return table


# --------------------------------------------------------------------------- time zones
def _zone(name) -> ZoneInfo:
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise TimeZoneError(f"{name!r} is not a time zone name such as 'Europe/Rome', 'America/New_York' or "
                            f"'Asia/Shanghai'") from None


def _offset(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(when, tz: str = "Europe/Rome", *, ambiguous: str = "raise") -> pd.Timestamp:
    """A wall-clock time on ``tz``'s clock as a timezone-aware timestamp.

    ``when`` is text (``"2026-03-29 09:00"``), a datetime or a Timestamp; one that already carries a
    zone is converted instead. A time that does not exist there (skipped when the clocks go forward)
    raises :class:`TimeZoneError`; so does a time that happens twice (when they go back), unless
    ``ambiguous`` is ``"earlier"`` (the first, still on summer time) or ``"later"``.
    """
    zone = _zone(tz)
    if ambiguous not in ("raise", "earlier", "later"):
        raise TimeZoneError(f"ambiguous is {ambiguous!r}; give 'raise', 'earlier' or 'later'")
    try:
        stamp = pd.Timestamp(when)
    except (ValueError, TypeError):
        raise TimeZoneError(f"{when!r} is not a date and time such as '2026-03-29 09:00'") from None
    if pd.isna(stamp):
        raise TimeZoneError("the time is empty; give a date and time such as '2026-03-29 09:00'")
    if stamp.tzinfo is not None:
        return stamp.tz_convert(zone)
    naive = stamp.to_pydatetime()
    first, second = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    back = first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
    if back != naive:
        before = (naive - timedelta(hours=1)).replace(tzinfo=zone)
        raise TimeZoneError(f"{naive:%Y-%m-%d %H:%M} does not exist in {tz}: that night the clocks go forward from "
                            f"{_offset(before)} to {_offset(first.astimezone(timezone.utc).astimezone(zone))}, "
                            f"skipping an hour; pick a time outside the gap, such as {naive + timedelta(hours=1):%H:%M}")
    if first.utcoffset() != second.utcoffset():
        if ambiguous == "raise":
            raise TimeZoneError(f"{naive:%Y-%m-%d %H:%M} happens twice in {tz}: the clocks go back that night, so the "
                                f"time comes once at {_offset(first)} and again at {_offset(second)}; say which with "
                                f"ambiguous='earlier' or ambiguous='later', or pick a time outside the repeated hour")
        return pd.Timestamp(first if ambiguous == "earlier" else second)
    return pd.Timestamp(first)


def across_zones(when, tz: str = "Europe/Rome", zones: dict[str, str] | None = None) -> pd.DataFrame:
    """One moment, read on each riders' clock: ``region``, ``zone``, ``local`` (``"Mon 16 Mar 04:00"``),
    ``offset`` (``"UTC-04:00"``) and ``summer_time`` (True while that zone is on daylight-saving time)."""
    moment = local_time(when, tz).to_pydatetime()
    rows = []
    for region, name in (zones or RIDER_ZONES).items():
        there = moment.astimezone(_zone(name))
        rows.append({"region": region, "zone": name, "local": f"{there:%a %d %b %H:%M}", "offset": _offset(there),
                     "summer_time": bool(there.dst())})
    return pd.DataFrame(rows)


def weekly_slot(weekday: str, clock: str, first: str, *, weeks: int = 6, tz: str = "Europe/Rome",
                zones: dict[str, str] | None = None) -> pd.DataFrame:
    """A slot repeated every week (``"Monday"``, ``"09:00"`` on ``tz``'s clock) from the week of ``first``,
    read on each riders' clock: one row per week, a column per region."""
    days = [d.lower() for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")]
    if not isinstance(weekday, str) or weekday.strip().lower()[:3] not in [d[:3] for d in days]:
        raise TimeZoneError(f"weekday is {weekday!r}; give a day such as 'Monday'")
    if not isinstance(clock, str) or not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", clock.strip()):
        raise TimeZoneError(f"clock is {clock!r}; give a 24-hour time such as '09:00'")
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 60:
        raise TimeZoneError(f"weeks is {weeks!r}; give a number of weeks from 1 to 60")
    try:
        start = pd.Timestamp(first).normalize()
    except (ValueError, TypeError):
        raise TimeZoneError(f"first is {first!r}; give a date such as '2026-03-02'") from None
    target = [d[:3] for d in days].index(weekday.strip().lower()[:3])
    start += pd.Timedelta(days=(target - start.dayofweek) % 7)
    zones = zones or RIDER_ZONES
    rows = []
    for week in range(weeks):
        day = start + pd.Timedelta(days=7 * week)
        moment = local_time(f"{day:%Y-%m-%d} {clock}", tz).to_pydatetime()
        row = {"date": f"{day:%a %d %b %Y}"}
        for region, name in zones.items():
            there = moment.astimezone(_zone(name))
            row[region] = f"{there:%H:%M}" + (f" ({there:%a})" if there.date() != moment.date() else "")
        rows.append(row)
    return pd.DataFrame(rows)


def clock_gaps(year: int, a: str = "Europe/Rome", b: str = "America/New_York") -> pd.DataFrame:
    """How many hours ``b``'s clock is behind ``a``'s through ``year``, as runs of days.

    One row per run: ``from`` and ``to`` (days, on ``a``'s clock; a change happens during the first
    day of a run) and ``hours_apart``. Between Rome and New York most of the year reads 6; the short
    runs of 5 are the weeks when one side has changed its clocks and the other has not.
    """
    if isinstance(year, bool) or not isinstance(year, int) or not 1970 <= year <= 2100:
        raise TimeZoneError(f"year is {year!r}; give a year such as 2026")
    first, second = _zone(a), _zone(b)
    rows = []
    moment = datetime(year, 1, 1, tzinfo=timezone.utc)
    end = datetime(year + 1, 1, 1, tzinfo=timezone.utc)
    while moment < end:
        gap = (moment.astimezone(first).utcoffset() - moment.astimezone(second).utcoffset()).total_seconds() / 3600
        day = moment.astimezone(first).date()
        if rows and rows[-1]["hours_apart"] == gap:
            rows[-1]["to"] = day
        else:
            rows.append({"from": day, "to": day, "hours_apart": gap})
        moment += timedelta(hours=1)
    table = pd.DataFrame(rows)
    table["hours_apart"] = table["hours_apart"].map(lambda h: int(h) if float(h).is_integer() else h)
    table["from"] = table["from"].map(str)
    table["to"] = table["to"].map(str)
    return table
