"""SMART objectives, and baselines with an achievable and a stretch goal (lesson 2.1; Module 5 reuses it).

Two tools a community manager uses before promising anything to a manager:

**The SMART objective checker.** Write each objective as a record with six fields, then ask what is
missing or unrealistic::

    from course.strategy.objectives import check_objectives

    check_objectives([
        {"name": "Keep spring riders", "goal": "retention", "kpi": "returning_members",
         "baseline": 0.38, "target": 0.42, "stretch": 0.46, "deadline": "2027-03-31", "owner": "Giulia"},
    ], today="2026-11-02")

``goal`` is one of :data:`GOALS` (the success identifiers of the lesson), ``kpi`` one of the
measures in :data:`KPIS` (``kpi_catalogue()`` shows them all). A list of dicts, a list of
:class:`Objective` or a DataFrame with those columns are all accepted.

**Baseline and goals.** Measure 4 to 8 ordinary weeks before setting a target::

    from course.strategy.objectives import baseline
    b = baseline(posts, "2026-01-12", weeks=8, platform="instagram")
    b.value, b.denominator, b.achievable, b.stretch
    print(b.describe())

The targets follow one written rule (see :func:`baseline`): *achievable = baseline x 1.10* and
*stretch = baseline x 1.25* unless you choose other uplifts. :func:`window_warnings` says when a
window contains the March 2026 rain-jacket crisis week or the #FirstRideVelora campaign (or another
campaign's posts) and how far the baseline moves because of it.
"""

from __future__ import annotations

import html
import math
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from course import metrics
from course.datasets.generator import CAMPAIGN, CRISIS, LOCAL_TZ

__all__ = [
    "GOALS",
    "KPIS",
    "Kpi",
    "Objective",
    "Problem",
    "ObjectiveCheck",
    "ObjectiveReport",
    "check_objectives",
    "kpi_catalogue",
    "METRICS",
    "Baseline",
    "WindowWarning",
    "baseline",
    "window_warnings",
    "compare_windows",
    "weekly_engagement",
    "baseline_chart",
]

# ----------------------------------------------------------------------------------------------
# The vocabulary: goals (success identifiers) and the KPIs that measure them
# ----------------------------------------------------------------------------------------------

GOALS: dict[str, str] = {
    "growth": "more people in the audience: followers or members",
    "live_chat": "more people taking part in live chats, Q&As and discussions",
    "content_shared": "more of the brand's content shared or liked by followers",
    "engagement": "interaction of every kind: comments, direct messages, @-tags, hashtag posts, likes, reposts",
    "awareness": "more people who know the brand",
    "satisfaction": "happier customers",
    "retention": "customers and members who stay and come back",
    "traffic": "more visits to the website from the community",
    "sales": "more sales and conversions",
}

# Goals where a count of likes or followers says nothing about success.
OUTCOME_GOALS = ("retention", "satisfaction", "sales", "traffic")


@dataclass(frozen=True)
class Kpi:
    """A measure an objective can be tracked with."""

    name: str
    meaning: str
    goals: tuple[str, ...]  # the goals it measures
    higher_is_better: bool = True
    vanity: bool = False  # easy to grow, easy to show, silent about outcomes


KPIS: dict[str, Kpi] = {k.name: k for k in (
    Kpi("followers", "followers of an account, or registered forum members", ("growth", "awareness"), vanity=True),
    Kpi("follower_growth_rate", "net new followers in a period, as a share of the followers at its start",
        ("growth",)),
    Kpi("likes", "likes and reactions on the brand's posts", ("content_shared", "engagement"), vanity=True),
    Kpi("impressions", "times the brand's posts were shown", ("awareness",), vanity=True),
    Kpi("reach", "distinct people who saw the brand's posts", ("awareness",)),
    Kpi("mentions", "posts by others that name or tag the brand", ("awareness", "engagement")),
    Kpi("hashtag_uses", "posts that use the brand's or a campaign's hashtag", ("awareness", "engagement",
                                                                               "content_shared")),
    Kpi("shares", "shares and reposts of the brand's posts", ("content_shared", "engagement", "awareness")),
    Kpi("engagements_per_post", "likes + comments + shares + saves, per post", ("engagement", "content_shared")),
    Kpi("engagement_rate", "likes + comments + shares + saves, per person reached", ("engagement",
                                                                                  "content_shared")),
    Kpi("comments", "comments and replies on the brand's posts", ("engagement",)),
    Kpi("messages", "direct messages received", ("engagement",)),
    Kpi("live_chat_participants", "people who post at least once in a live chat or Q&A", ("live_chat",)),
    Kpi("event_attendance", "people who attend a webinar, meetup or live session", ("live_chat", "retention")),
    Kpi("satisfaction_score", "average score in the member survey (1-5)", ("satisfaction",)),
    Kpi("nps", "net promoter score from the survey (-100 to 100)", ("satisfaction", "retention")),
    Kpi("net_sentiment", "share of positive minus share of negative messages", ("satisfaction", "awareness")),
    Kpi("response_time", "median minutes to a first reply", ("satisfaction",), higher_is_better=False),
    Kpi("returning_members", "share of a fixed group of members (e.g. one season's buyers) still active later",
        ("retention",)),
    Kpi("churn_rate", "share of members or customers lost in a period", ("retention",), higher_is_better=False),
    Kpi("repeat_purchase_rate", "share of customers who buy again within a year", ("retention", "sales")),
    Kpi("community_sessions", "website visits that start from a community post or link", ("traffic",)),
    Kpi("click_through_rate", "link clicks per impression", ("traffic",)),
    Kpi("conversion_rate", "orders per website visit from the community", ("sales",)),
    Kpi("referral_orders", "orders that carry a Velora Crew referral code", ("sales",)),
    Kpi("orders", "orders placed", ("sales",)),
)}

# Alternative spellings a learner may type for a KPI.
_KPI_ALIASES = {
    "follower_count": "followers", "follower": "followers", "members": "followers", "like": "likes",
    "reactions": "likes", "views": "impressions", "engagement": "engagements_per_post",
    "engagements": "engagements_per_post", "csat": "satisfaction_score", "satisfaction": "satisfaction_score",
    "retention_rate": "returning_members", "member_retention": "returning_members", "sentiment": "net_sentiment",
    "ctr": "click_through_rate", "sessions": "community_sessions", "website_sessions": "community_sessions",
    "traffic": "community_sessions", "conversions": "conversion_rate", "sales": "orders",
    "first_response_time": "response_time", "churn": "churn_rate",
}
_GOAL_ALIASES = {"followers": "growth", "audience_growth": "growth", "follower_growth": "growth",
                 "live_chats": "live_chat", "chat": "live_chat", "sharing": "content_shared",
                 "brand_awareness": "awareness", "customer_satisfaction": "satisfaction", "loyalty": "retention",
                 "website_traffic": "traffic", "conversions": "sales", "sales_and_conversions": "sales"}

# An achievable target further than this from its baseline (as a share of the baseline) is implausible;
# a stretch target may go twice as far.
MAX_JUMP = 0.5


def _key(text: str) -> str:
    return "_".join(str(text).strip().lower().replace("-", " ").split())


def kpi_catalogue(goal: str | None = None) -> pd.DataFrame:
    """The KPIs the checker knows, what each measures and which goals it fits (optionally for one goal)."""
    rows = [{"kpi": k.name, "meaning": k.meaning, "fits goals": ", ".join(k.goals),
             "better when": "higher" if k.higher_is_better else "lower", "vanity": "yes" if k.vanity else ""}
            for k in KPIS.values() if goal is None or _GOAL_ALIASES.get(_key(goal), _key(goal)) in k.goals]
    return pd.DataFrame(rows).set_index("kpi")


# ----------------------------------------------------------------------------------------------
# The SMART objective checker
# ----------------------------------------------------------------------------------------------


@dataclass
class Objective:
    """One objective, as a learner writes it.

    ``goal``: one of :data:`GOALS`; ``kpi``: one of :data:`KPIS`; ``baseline``: where the KPI is now;
    ``target``: the achievable target; ``stretch``: an optional stretch target; ``deadline``: a date such
    as ``"2027-03-31"``; ``owner``: the person who answers for it; ``name``: a short label.
    """

    goal: Any = None
    kpi: Any = None
    baseline: Any = None
    target: Any = None
    deadline: Any = None
    owner: Any = None
    stretch: Any = None
    name: Any = None


FIELDS = tuple(f.name for f in fields(Objective))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an objective: a short ``code`` (for tests and tools) and a plain ``message``."""

    code: str
    message: str


@dataclass(frozen=True)
class ObjectiveCheck:
    """The checker's verdict on one objective."""

    number: int
    label: str
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


@dataclass(frozen=True)
class ObjectiveReport:
    """What :func:`check_objectives` found, objective by objective. Shows as a table in a notebook."""

    checks: tuple[ObjectiveCheck, ...]
    today: date

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def __getitem__(self, index: int) -> ObjectiveCheck:
        return self.checks[index]

    def __len__(self) -> int:
        return len(self.checks)

    def to_frame(self) -> pd.DataFrame:
        """One row per problem (an objective with none gets one row saying so)."""
        rows = []
        for c in self.checks:
            for p in c.problems or (Problem("ok", "SMART: nothing missing or unrealistic"),):
                rows.append({"objective": c.label, "problem": p.code, "what to fix": p.message})
        return pd.DataFrame(rows)

    def __str__(self) -> str:
        lines = []
        for c in self.checks:
            if c.ok:
                lines.append(f"OK  {c.label}: SMART, nothing missing or unrealistic.")
            else:
                lines.append(f"FIX {c.label}:")
                lines += [f"    - {p.message}" for p in c.problems]
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        rows = []
        for c in self.checks:
            if c.ok:
                verdict, colour = "✅ SMART: nothing missing or unrealistic", "#2e7d32"
                body = ""
            else:
                verdict, colour = f"❌ {len(c.problems)} thing(s) to fix", "#c62828"
                body = "<ul style='margin:.2em 0 0 1.2em;padding:0'>" + "".join(
                    f"<li>{html.escape(_without_label(p.message, c.label))}</li>" for p in c.problems) + "</ul>"
            rows.append(f"<tr><td style='text-align:left;vertical-align:top'><b>{html.escape(c.label)}</b></td>"
                        f"<td style='text-align:left'><span style='color:{colour}'>{verdict}</span>{body}</td></tr>")
        return ("<table><thead><tr><th style='text-align:left'>objective</th>"
                "<th style='text-align:left'>verdict</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _without_label(message: str, label: str) -> str:
    """The message without the objective's name in front (the table's first column already shows it)."""
    if not message.startswith(label):
        return message
    rest = message[len(label):].lstrip(":").strip()
    return rest[:1].upper() + rest[1:]


def _records(objectives: Any) -> list[Mapping[str, Any]]:
    """Accept a dict, an Objective, a list of either, or a DataFrame; return plain mappings."""
    if isinstance(objectives, pd.DataFrame):
        frame = objectives.astype(object).where(objectives.notna(), None)
        return frame.to_dict("records")
    if isinstance(objectives, (Mapping, Objective)):
        objectives = [objectives]
    if isinstance(objectives, (str, bytes)) or not isinstance(objectives, Iterable):
        raise TypeError("check_objectives() expects a list of objectives (dicts with the fields "
                        f"{', '.join(FIELDS)}), or a DataFrame with those columns; got {type(objectives).__name__}.")
    records = []
    for number, item in enumerate(objectives, start=1):
        if isinstance(item, Objective):
            records.append(asdict(item))
        elif isinstance(item, Mapping):
            records.append(item)
        else:
            raise TypeError(f"objective {number} is a {type(item).__name__}; write each objective as a dict "
                            f"with the fields {', '.join(FIELDS)}.")
    if not records:
        raise ValueError("check_objectives() got no objectives: the list is empty.")
    return records


def _blank(value: Any) -> bool:
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _number(value: Any, what: str, label: str) -> tuple[float | None, Problem | None]:
    if _blank(value):
        return None, None
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        text = str(value).strip().rstrip("%")
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            return None, Problem("bad_value", f"{label}: the {what} {value!r} is not a number; write it as a "
                                              f"number, such as 120 or 0.035.")
        if str(value).strip().endswith("%"):
            number /= 100
        return number, None
    number = float(value)
    if not math.isfinite(number):
        return None, Problem("bad_value", f"{label}: the {what} {value!r} is not a usable number.")
    return number, None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    stamp = pd.Timestamp(value)  # raises ValueError for text that is no date
    if pd.isna(stamp):
        raise ValueError(value)
    return stamp.date()


def _label(number: int, record: Mapping[str, Any]) -> str:
    name = record.get("name")
    if not _blank(name):
        return f"Objective {number} ({str(name).strip()})"
    goal, kpi = record.get("goal"), record.get("kpi")
    detail = " via ".join(str(v).strip() for v in (goal, kpi) if not _blank(v))
    return f"Objective {number} ({detail})" if detail else f"Objective {number}"


def _check_one(number: int, record: Mapping[str, Any], today: date, max_jump: float) -> ObjectiveCheck:
    label = _label(number, record)
    problems: list[Problem] = []
    add = problems.append

    unknown = [k for k in record if k not in FIELDS]
    if unknown:
        add(Problem("unknown_field", f"{label}: {', '.join(repr(str(k)) for k in unknown)} is not a field of an "
                                     f"objective (check the spelling); the fields are {', '.join(FIELDS)}."))

    # S: a specific goal, measured by a KPI that fits it
    goal = record.get("goal")
    goal_key = None
    if _blank(goal):
        add(Problem("no_goal", f"{label} names no goal: what should change for Velora? Choose one of "
                               f"{', '.join(GOALS)}."))
    else:
        goal_key = _GOAL_ALIASES.get(_key(goal), _key(goal))
        if goal_key not in GOALS:
            add(Problem("unknown_goal", f"{label}: the goal {goal!r} is not one the checker knows; choose one of "
                                        f"{', '.join(GOALS)}."))
            goal_key = None
    kpi_value = record.get("kpi")
    kpi = None
    if _blank(kpi_value):
        add(Problem("no_kpi", f"{label} has no KPI: which number will show whether it worked?"))
    else:
        kpi = KPIS.get(_KPI_ALIASES.get(_key(kpi_value), _key(kpi_value)))
        if kpi is None:
            add(Problem("unknown_kpi", f"{label}: the KPI {kpi_value!r} is not one the checker knows; see "
                                       f"kpi_catalogue() for the measures it can judge."))
    if kpi and goal_key and goal_key not in kpi.goals:
        better = ", ".join(k.name for k in KPIS.values() if goal_key in k.goals and not k.vanity)
        if kpi.vanity and goal_key in OUTCOME_GOALS:
            add(Problem("vanity_kpi", f"{label} measures a {goal_key} goal with {kpi.name}, a vanity metric: it can "
                                      f"rise while nothing changes for {goal_key}. Measure it with {better}."))
        else:
            add(Problem("kpi_mismatch", f"{label}: {kpi.name} ({kpi.meaning}) does not measure a {goal_key} goal. "
                                        f"KPIs that do: {better}."))

    # M: a baseline and a target
    base, bad = _number(record.get("baseline"), "baseline", label)
    problems += [bad] if bad else []
    target, bad = _number(record.get("target"), "target", label)
    problems += [bad] if bad else []
    stretch, bad = _number(record.get("stretch"), "stretch", label)
    problems += [bad] if bad else []
    if base is None and _blank(record.get("baseline")):
        add(Problem("no_baseline", f"{label} has no baseline: measure where the KPI is now (4 to 8 ordinary "
                                   f"weeks) before promising a change."))
    if target is None and _blank(record.get("target")):
        add(Problem("no_target", f"{label} has no target: how much change, by the deadline, counts as success?"))

    # A: achievable, R: the target moves the right way and not absurdly far
    higher = kpi.higher_is_better if kpi else True
    worse = (lambda a, b: a <= b) if higher else (lambda a, b: a >= b)
    direction = "above" if higher else "below"
    if base is not None and target is not None:
        if worse(target, base):
            word = "equal to" if target == base else ("below" if higher else "above")
            add(Problem("target_not_beyond_baseline",
                        f"{label}: the target ({target:g}) is {word} the baseline ({base:g}); for this KPI a target "
                        f"should be {direction} where you are now."))
        elif base != 0 and abs(target - base) / abs(base) > max_jump:
            add(Problem("implausible_jump",
                        f"{label}: the target ({target:g}) is {abs(target - base) / abs(base):.0%} away from the "
                        f"baseline ({base:g}); an achievable target stays within {max_jump:.0%}. Keep the big "
                        f"number as the stretch goal, or explain what new effort makes it reachable."))
    if stretch is not None:
        if target is not None and worse(stretch, target):
            add(Problem("stretch_not_beyond_target",
                        f"{label}: the stretch ({stretch:g}) is not {direction} the achievable target ({target:g}); "
                        f"a stretch goal asks for more than the achievable one."))
        elif base is not None and base != 0 and abs(stretch - base) / abs(base) > 2 * max_jump:
            add(Problem("implausible_jump",
                        f"{label}: the stretch ({stretch:g}) is {abs(stretch - base) / abs(base):.0%} away from the "
                        f"baseline ({base:g}); even a stretch goal stays within {2 * max_jump:.0%}."))

    # T: a date in the future
    deadline = record.get("deadline")
    if _blank(deadline):
        add(Problem("no_deadline", f"{label} has a target but no deadline: by when?" if target is not None
                    else f"{label} has no deadline: by when?"))
    else:
        try:
            when = _as_date(deadline)
        except (ValueError, TypeError):
            add(Problem("bad_value", f"{label}: the deadline {deadline!r} is not a date; write it like 2027-03-31."))
        else:
            if when <= today:
                add(Problem("past_deadline", f"{label}: the deadline {when:%d %B %Y} is not in the future "
                                             f"(today is {today:%d %B %Y})."))

    # someone answers for it
    if _blank(record.get("owner")):
        add(Problem("no_owner", f"{label} has no owner: who reports on it and acts when it slips?"))
    return ObjectiveCheck(number, label, tuple(problems))


def check_objectives(objectives: Any, today: Any = None, max_jump: float = MAX_JUMP) -> ObjectiveReport:
    """Check each objective and say, in plain words naming it, what is missing or unrealistic.

    ``objectives``: a list of dicts (or :class:`Objective`), or a DataFrame, with the fields
    ``goal, kpi, baseline, target, deadline, owner`` and optionally ``stretch`` and ``name``.
    ``today``: the date deadlines are compared with (default: the real today).
    ``max_jump``: how far from the baseline an achievable target may go, as a share of it (default 0.5,
    i.e. 50%); a stretch target may go twice as far.

    It reports: no goal or KPI; a KPI that does not measure the goal (a vanity metric such as likes or
    followers for a retention, satisfaction, traffic or sales goal); no baseline; no target; a target no
    better than the baseline (for a KPI where lower is better, such as response time, "better" means lower);
    a target or stretch that is an implausible jump; a stretch no more ambitious than the target; a target
    without a deadline, or a deadline already past; no owner; values that are not numbers or dates.

    Returns an :class:`ObjectiveReport`, shown as a table in a notebook (``.ok`` is True when every objective
    passes; ``report[0].codes`` lists the problems of the first one).
    """
    if not isinstance(max_jump, (int, float)) or isinstance(max_jump, bool) or not 0 < max_jump:
        raise ValueError(f"check_objectives(): max_jump={max_jump!r} should be a positive share, such as 0.5 for 50%.")
    try:
        when = date.today() if today is None else _as_date(today)
    except (ValueError, TypeError):
        raise ValueError(f"check_objectives(): today={today!r} is not a date; write it like 2026-11-02.") from None
    records = _records(objectives)
    return ObjectiveReport(tuple(_check_one(n, r, when, float(max_jump)) for n, r in enumerate(records, 1)), when)


# ----------------------------------------------------------------------------------------------
# Baseline and goals
# ----------------------------------------------------------------------------------------------

METRICS: dict[str, str] = {
    "engagements_per_post": "engagements (likes + comments + shares + saves) per post",
    "engagement_rate": "engagements (likes + comments + shares + saves) per person reached, as a ratio of totals",
}
MIN_WEEKS, MAX_WEEKS = 4, 8
ACHIEVABLE_UPLIFT, STRETCH_UPLIFT = 0.10, 0.25

# Weeks that are not ordinary: (name, first day, day after the last, what it does to engagement)
EVENTS = (
    ("the rain-jacket crisis week", CRISIS[0], CRISIS[1],
     "comments pile up while likes halve, so the week is not an ordinary one"),
    ("the #FirstRideVelora campaign", CAMPAIGN[0], CAMPAIGN[1],
     "the campaign lifts shares and saves above an ordinary week"),
)
_DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class WindowWarning:
    """A baseline window that holds weeks which are not ordinary, and how far they move the baseline."""

    event: str
    first_day: date
    last_day: date
    days_inside: int
    value_with: float
    value_without: float  # NaN when the window holds nothing else
    message: str

    @property
    def shift(self) -> float:
        """How much the event moves the baseline, as a share of the value without it (+0.12 = 12% higher)."""
        if not self.value_without or math.isnan(self.value_without):
            return math.nan
        return self.value_with / self.value_without - 1


@dataclass(frozen=True)
class Baseline:
    """A baseline measured over a window of weeks, with the achievable and stretch targets set from it.

    ``value`` is in the unit ``denominator`` names (e.g. "per post"). ``describe()`` says it in words.
    """

    metric: str
    value: float
    denominator: str
    start: date
    weeks: int
    platform: str | None
    posts: int
    engagements: int
    reach: int
    achievable: float
    stretch: float
    achievable_uplift: float
    stretch_uplift: float
    warnings: tuple[WindowWarning, ...] = field(default=())

    @property
    def end(self) -> date:
        """The window's last day."""
        return (pd.Timestamp(self.start) + pd.Timedelta(weeks=self.weeks - 1, days=6)).date()

    def _fmt(self, value: float) -> str:
        return f"{value:.2%}" if self.metric == "engagement_rate" else f"{value:.1f}"

    def describe(self) -> str:
        where = f"on {self.platform}" if self.platform else "on all platforms"
        counted = (f"{self.engagements:,} engagements over {self.posts:,} posts" if self.metric == "engagements_per_post"
                   else f"{self.engagements:,} engagements for {self.reach:,} people reached, over {self.posts:,} posts")
        lines = [
            f"Baseline {where}, {self.weeks} weeks from {self.start:%d %b %Y} to {self.end:%d %b %Y}: "
            f"{self._fmt(self.value)} engagements {self.denominator} ({counted}).",
            f"Achievable target: {self._fmt(self.achievable)} (baseline + {self.achievable_uplift:.0%}); "
            f"stretch target: {self._fmt(self.stretch)} (baseline + {self.stretch_uplift:.0%}).",
        ]
        lines += [f"Warning: {w.message}" for w in self.warnings]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.describe()

    def as_row(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "weeks": self.weeks, "posts": self.posts,
                "baseline": self.value, "unit": self.denominator, "achievable": self.achievable,
                "stretch": self.stretch, "warnings": len(self.warnings)}


def _local_days(posts: pd.DataFrame, func: str) -> pd.Series:
    metrics._require(posts, ["published_at"], func)
    stamps = pd.to_datetime(posts["published_at"], utc=True, errors="coerce")
    if stamps.isna().any():
        row = int(np.flatnonzero(stamps.isna().to_numpy())[0])
        raise ValueError(f"{func}(): row {row + 2} has a published_at that is not a date-time "
                         f"({posts['published_at'].iloc[row]!r}).")
    return stamps.dt.tz_convert(LOCAL_TZ)


def _window(start: Any, weeks: Any, func: str) -> tuple[pd.Timestamp, pd.Timestamp, int]:
    if isinstance(weeks, bool) or not isinstance(weeks, (int, np.integer)):
        raise ValueError(f"{func}(): weeks={weeks!r} should be a whole number of weeks, from {MIN_WEEKS} to {MAX_WEEKS}.")
    weeks = int(weeks)
    if weeks < MIN_WEEKS:
        raise ValueError(f"{func}(): a {weeks}-week window is too short for a baseline: one unusual post or week "
                         f"would sway it. Use {MIN_WEEKS} to {MAX_WEEKS} weeks.")
    if weeks > MAX_WEEKS:
        raise ValueError(f"{func}(): a {weeks}-week window is too long for a baseline: it mixes seasons and old "
                         f"habits into 'now'. Use {MIN_WEEKS} to {MAX_WEEKS} weeks.")
    try:
        first = pd.Timestamp(start)
    except (ValueError, TypeError):
        raise ValueError(f"{func}(): start={start!r} is not a date; write it like 2026-01-12.") from None
    if pd.isna(first):
        raise ValueError(f"{func}(): start={start!r} is not a date; write it like 2026-01-12.")
    if first.tzinfo is not None:
        first = first.tz_convert(LOCAL_TZ).tz_localize(None)
    first = first.normalize()
    # count calendar days on the wall clock, then place them in Rome (a window may cross a clock change)
    after = first + pd.Timedelta(weeks=weeks)
    return first.tz_localize(LOCAL_TZ), after.tz_localize(LOCAL_TZ), weeks


def _select(posts: pd.DataFrame, days: pd.Series, first, after, platform, func: str) -> pd.DataFrame:
    inside = (days >= first) & (days < after)
    if platform is not None:
        metrics._require(posts, ["platform"], func)
        known = sorted(str(p) for p in pd.unique(posts["platform"].astype(str)))
        if str(platform) not in known:
            raise ValueError(f"{func}(): platform={platform!r} is not in the posts; the platforms are: {', '.join(known)}.")
        inside &= posts["platform"].astype(str) == str(platform)
    return posts[inside.to_numpy()]


def _value(selected: pd.DataFrame, metric: str) -> tuple[float, int, int]:
    """(baseline value, engagements, reach) for the selected posts."""
    columns = list(metrics.INTERACTIONS)
    engagements = int(selected[columns].to_numpy(dtype=float).sum()) if len(selected) else 0
    reach = int(selected["reach"].clip(lower=0).sum()) if len(selected) else 0
    if metric == "engagements_per_post":
        value = engagements / len(selected) if len(selected) else math.nan
    else:
        value = metrics.engagement_rate(selected, by="reach") if len(selected) else math.nan
    return value, engagements, reach


def _check_metric(metric: str, func: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"{func}(): metric={metric!r} is not one of: {', '.join(METRICS)}.")


def window_warnings(posts: pd.DataFrame, start: Any, weeks: int, metric: str = "engagements_per_post",
                    platform: str | None = None) -> list[WindowWarning]:
    """Say whether the window holds weeks that are not ordinary, and how far they move the baseline.

    Looks for the rain-jacket crisis week (16-22 March 2026), the #FirstRideVelora campaign (4 May - 28 June
    2026) and any other campaign's posts (the ``campaign`` column), and for each one found gives the baseline
    with and without those days or posts. An empty list means the window looks ordinary.
    """
    func = "window_warnings"
    _check_metric(metric, func)
    first, after, weeks = _window(start, weeks, func)
    metrics._require(posts, [*metrics.INTERACTIONS, "reach"], func)
    days = _local_days(posts, func)
    selected = _select(posts, days, first, after, platform, func)
    local = days.loc[selected.index]
    value_with = _value(selected, metric)[0]
    found = []
    for name, begins, ends, effect in EVENTS:
        lo, hi = max(first, begins), min(after, ends)
        if lo >= hi:
            continue
        during = (local >= begins) & (local < ends)
        without = _value(selected[~during.to_numpy()], metric)[0]
        found.append(_warning(name, lo, hi, value_with, without, metric, effect))
    if "campaign" in selected.columns:
        named = selected["campaign"].astype(object).where(selected["campaign"].notna(), None)
        others = [c for c in pd.unique(named.dropna()) if str(c).strip() and str(c) != "FirstRideVelora"
                  and str(c) != "Rain Jacket Update"]
        for campaign in others:
            mask = (named == campaign).to_numpy()
            when = local[mask]
            without = _value(selected[~mask], metric)[0]
            found.append(_warning(f"the {campaign} campaign ({int(mask.sum())} posts)", when.min().normalize(),
                                  when.max().normalize() + _DAY, value_with, without, metric,
                                  "campaign posts are boosted and promoted, so they are not ordinary posts"))
    return found


def _warning(name, lo, hi, value_with, without, metric, effect) -> WindowWarning:
    fmt = (lambda v: f"{v:.2%}") if metric == "engagement_rate" else (lambda v: f"{v:.1f}")
    days_inside = int((hi - lo) / _DAY)
    if math.isnan(without):
        moved = "the window holds nothing else to compare with"
    else:
        change = value_with / without - 1 if without else math.nan
        moved = (f"the baseline is {fmt(value_with)} with it and {fmt(without)} without it "
                 f"({change:+.0%})")
    message = (f"the window includes {name} ({days_inside} day(s), {lo:%d %b} to {(hi - _DAY):%d %b %Y}): {effect}; "
               f"{moved}. Choose ordinary weeks, or say in the report why these count.")
    return WindowWarning(name, lo.date(), (hi - _DAY).date(), days_inside, value_with, without, message)


def baseline(posts: pd.DataFrame, start: Any, weeks: int = 8, metric: str = "engagements_per_post",
             platform: str | None = None, achievable_uplift: float = ACHIEVABLE_UPLIFT,
             stretch_uplift: float = STRETCH_UPLIFT) -> Baseline:
    """Measure a baseline over ``weeks`` weeks (4 to 8) from ``start`` and set the two targets from it.

    * ``posts``: the posts table (``load_posts()``), or any table with its columns.
    * ``start``: the window's first day (Europe/Rome calendar day), e.g. ``"2026-01-12"``.
    * ``weeks``: 4 to 8; a shorter or longer window is refused with a message saying why.
    * ``metric``: ``"engagements_per_post"`` (likes + comments + shares + saves, divided by the number of
      posts) or ``"engagement_rate"`` (the same engagements divided by the people reached, a ratio of totals
      as in :func:`course.metrics.engagement_rate`).
    * ``platform``: one platform (``"instagram"``) or None for all.

    The rule for the targets: **achievable = baseline x (1 + achievable_uplift)** (default +10%: what steady
    work on what already works can add) and **stretch = baseline x (1 + stretch_uplift)** (default +25%:
    reachable only with something new, such as a format that won an A/B test). The stretch uplift must be
    larger than the achievable one.

    Warnings from :func:`window_warnings` are kept in ``.warnings`` and printed by ``.describe()``.
    """
    func = "baseline"
    _check_metric(metric, func)
    for name, uplift in (("achievable_uplift", achievable_uplift), ("stretch_uplift", stretch_uplift)):
        if isinstance(uplift, bool) or not isinstance(uplift, (int, float)) or not 0 < uplift < 5:
            raise ValueError(f"{func}(): {name}={uplift!r} should be a share above 0, such as 0.10 for 10%.")
    if stretch_uplift <= achievable_uplift:
        raise ValueError(f"{func}(): stretch_uplift ({stretch_uplift:g}) must be larger than achievable_uplift "
                         f"({achievable_uplift:g}): a stretch goal asks for more than the achievable one.")
    first, after, weeks = _window(start, weeks, func)
    metrics._require(posts, ["published_at", *metrics.INTERACTIONS, "reach"], func)
    days = _local_days(posts, func)
    if len(days) and (first < days.min().normalize() or after > days.max().normalize() + _DAY):
        raise ValueError(f"{func}(): the window {first:%d %b %Y} to {(after - _DAY):%d %b %Y} runs outside the data, "
                         f"which covers {days.min():%d %b %Y} to {days.max():%d %b %Y}. Choose weeks inside it.")
    selected = _select(posts, days, first, after, platform, func)
    if selected.empty:
        raise ValueError(f"{func}(): no posts{' on ' + platform if platform else ''} between {first:%d %b %Y} and "
                         f"{(after - _DAY):%d %b %Y}, so there is nothing to average.")
    value, engagements, reach = _value(selected, metric)
    return Baseline(
        metric=metric, value=value,
        denominator="per post" if metric == "engagements_per_post" else "per person reached",
        start=first.date(), weeks=weeks, platform=platform, posts=len(selected), engagements=engagements,
        reach=reach, achievable=value * (1 + achievable_uplift), stretch=value * (1 + stretch_uplift),
        achievable_uplift=float(achievable_uplift), stretch_uplift=float(stretch_uplift),
        warnings=tuple(window_warnings(posts, first.date(), weeks, metric, platform)),
    )


def compare_windows(posts: pd.DataFrame, windows: Mapping[str, tuple[Any, int]], metric: str = "engagements_per_post",
                    platform: str | None = None) -> pd.DataFrame:
    """One row per window (``{"label": (start, weeks), ...}``): its baseline, targets and warnings."""
    rows = {}
    for label, (start, weeks) in windows.items():
        b = baseline(posts, start, weeks, metric=metric, platform=platform)
        row = b.as_row()
        row["warnings"] = "; ".join(w.event for w in b.warnings) or "none"
        rows[label] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "window"
    return table


def weekly_engagement(posts: pd.DataFrame, metric: str = "engagements_per_post",
                      platform: str | None = None) -> pd.Series:
    """The metric week by week (weeks start on Monday, Europe/Rome), to see which weeks are ordinary."""
    func = "weekly_engagement"
    _check_metric(metric, func)
    days = _local_days(posts, func)
    frame = posts if platform is None else _select(posts, days, days.min(), days.max() + _DAY, platform, func)
    local = days.loc[frame.index]
    week = (local.dt.normalize() - pd.to_timedelta(local.dt.weekday, unit="D")).dt.tz_localize(None)
    parts = pd.DataFrame({"week": week.to_numpy(), "engagements": frame[list(metrics.INTERACTIONS)].sum(axis=1).to_numpy(),
                          "reach": frame["reach"].clip(lower=0).to_numpy()})
    totals = parts.groupby("week").agg(engagements=("engagements", "sum"), reach=("reach", "sum"),
                                       posts=("engagements", "size"))
    if metric == "engagements_per_post":
        return (totals["engagements"] / totals["posts"]).rename(metric)
    return (totals["engagements"] / totals["reach"].where(totals["reach"] > 0)).rename(metric)


def baseline_chart(posts: pd.DataFrame, windows: Mapping[str, tuple[Any, int]],
                   metric: str = "engagements_per_post", platform: str | None = None, axes=None):
    """Weekly engagement over the year, the crisis week and the campaign shaded, and each window's baseline
    drawn as a level line across its weeks: a window that holds an unusual week sits above or below the rest."""
    import matplotlib.pyplot as plt

    weekly = weekly_engagement(posts, metric, platform)
    if axes is None:
        _, axes = plt.subplots(figsize=(11, 4), layout="constrained")
    axes.plot(weekly.index, weekly.to_numpy(), color="#9e9e9e", linewidth=1.2, label="each week")
    for (name, begins, ends, _), colour in zip(EVENTS, ("#c62828", "#1565c0")):
        axes.axvspan(begins.tz_localize(None), ends.tz_localize(None), color=colour, alpha=0.12, label=name)
    for (label, (start, weeks)), colour in zip(windows.items(), ("#2e7d32", "#ef6c00", "#6a1b9a", "#00838f")):
        b = baseline(posts, start, weeks, metric=metric, platform=platform)
        first = pd.Timestamp(b.start)
        axes.hlines(b.value, first, first + pd.Timedelta(weeks=b.weeks), colors=colour, linewidth=3,
                    label=f"{label}: {b._fmt(b.value)}")
    if metric == "engagement_rate":
        from matplotlib.ticker import PercentFormatter

        axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
    axes.set_ylabel(f"engagements {'per post' if metric == 'engagements_per_post' else 'per person reached'}")
    axes.set_title(f"Which weeks make an honest baseline?{' (' + platform + ')' if platform else ''}")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    axes.figure.autofmt_xdate()
    return axes
