"""Which posts started conversations, and why: the engagement lab of lesson 4.1.

    from course.datasets import load_posts, load_inbox, load_events, load
    from course.interaction import engagement as eng

    eng.conversation_rates(load_posts(), by="pillar")     # comments per 1,000 people reached, posts behind each
    eng.campaign_effect(load_posts())                      # #FirstRideVelora against the weeks before it
    eng.ugc_weeks(load_inbox())                            # members' hashtag posts, and who answered them
    eng.live_sessions(load_events())                       # registrations against attendance
    eng.member_help(load("forum_threads"))                 # who answers first on the forum, and how fast
    eng.score_ideas(ideas, load_posts())                   # rank post ideas on what similar posts did

**The conversation rate** is comments per 1,000 people reached (the denominator is ``reach``, distinct
accounts that saw the post). For a group it is a ratio of totals, as in :mod:`course.metrics`. Platforms
differ tenfold (the forum's readers are members who came to talk), so comparing formats or pillars across
platforms mostly compares platforms. Each table therefore also gives ``vs_platform``: the group's comments
divided by the comments its posts' reach would have brought at their own platforms' overall rates (1.0: as
many as usual on those platforms; 1.3: three in ten more).
Every figure comes with the number of posts behind it.

The crisis week (16-22 March 2026) is left out by default: its comments are complaints about the jackets,
not conversations the posts started.

Velora's posts table holds the figures of each post but not its caption, so whether a post asks a question
cannot be read from it. :func:`asks_question` reads any text (your own drafts, the forum's thread titles);
:func:`conversation_rates` uses it when the table has a ``text`` column.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from course.charts import ChartError
from course.charts import _require as _table_has

__all__ = ["EngagementError", "CRISIS_WEEK", "asks_question", "conversation_rates", "question_threads",
           "campaign_effect", "ugc_weeks", "live_sessions", "member_help", "newcomer_threads", "score_ideas",
           "conversation_chart", "ugc_chart", "live_chart"]

LOCAL_TZ = "Europe/Rome"
CRISIS_WEEK = ("2026-03-16", "2026-03-23")  # the rain-jacket week, Europe/Rome days (end exclusive)
VELORA_RESPONDERS = ("community_manager", "support_agent")
MIN_POSTS = 10  # fewer posts than this behind a figure: a question, not an answer

# Words that open a question (English, Italian), and Chinese question particles.
_QUESTION_START = re.compile(
    r"^\s*(who|what|which|when|where|why|how|is|are|do|does|did|can|could|would|should|will|have|has|any|"
    r"chi|che|cosa|quale|quali|quando|dove|perché|perche|come|quanto|quanti)\b", re.IGNORECASE)
_QUESTION_MARK = re.compile(r"[?？]|吗|呢|什么|怎么|哪")
_QUESTION_LABEL = re.compile(r"\b(question|domanda|poll|sondaggio|vote|any ideas)\b", re.IGNORECASE)


class EngagementError(ValueError):
    """A table lacks a column the lab needs, or a value it cannot use; the message names it."""


def _require(table, columns, caller: str) -> None:
    """The course's one check of a table's columns (:mod:`course.charts`), raised as this lab's error."""
    try:
        _table_has(table, columns, caller)
    except ChartError as problem:
        raise EngagementError(str(problem)) from None


# --------------------------------------------------------------------------- questions
def asks_question(text):
    """True if a text asks its readers something: a question mark (or a Chinese question particle), a
    sentence that opens with a question word, or a label such as "Question:", "Poll:" or "vote".

    Takes one text (returns a bool) or a Series of texts (returns a Series of bools; empty texts are False).
    """
    if isinstance(text, pd.Series):
        return text.fillna("").astype(str).map(_asks)
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return False
    if not isinstance(text, str):
        raise EngagementError(f"asks_question() reads text; it was given a {type(text).__name__}")
    return _asks(text)


def _asks(text: str) -> bool:
    if _QUESTION_MARK.search(text) or _QUESTION_LABEL.search(text):
        return True
    sentences = re.split(r"(?<=[.!;:])\s+|\n", text)
    return any(_QUESTION_START.match(s) and len(s.split()) >= 3 for s in sentences)


# --------------------------------------------------------------------------- conversation rates
def _crisis_mask(published: pd.Series) -> pd.Series:
    local = published.dt.tz_convert(LOCAL_TZ)
    start, end = (pd.Timestamp(d, tz=LOCAL_TZ) for d in CRISIS_WEEK)
    return (local >= start) & (local < end)


def _rated(posts: pd.DataFrame, caller: str, skip_crisis: bool) -> pd.DataFrame:
    _require(posts, ["platform", "reach", "comments"], caller)
    table = posts[posts["reach"] > 0].copy()
    if skip_crisis and "published_at" in table.columns:
        table = table[~_crisis_mask(table["published_at"])]
    table["platform"] = table["platform"].astype(str)
    table["comments_per_1000"] = table["comments"] / table["reach"] * 1000
    # what the post's reach would have brought at its platform's overall rate (total comments / total reach)
    platform_rate = table.groupby("platform")["comments"].transform("sum") / table.groupby("platform")["reach"].transform("sum")
    table["expected_comments"] = table["reach"] * platform_rate
    if "text" in table.columns and "asks_question" not in table.columns:
        table["asks_question"] = asks_question(table["text"])
    return table


def conversation_rates(posts: pd.DataFrame, by: str = "platform", *, skip_crisis: bool = True) -> pd.DataFrame:
    """Comments per 1,000 people reached, per group of ``by`` (a column: platform, format, pillar, paid,
    campaign, or ``asks_question`` when the table has a ``text`` column).

    Columns: ``posts`` (behind the figure), ``reach``, ``comments``, ``comments_per_1000`` (total comments
    / total reach x 1,000), ``vs_platform`` (the comments against those the same reach brings on the same
    platforms, 1.0 = as usual) and ``enough_posts`` (at least ten). Sorted by ``vs_platform``, highest first.
    """
    caller = "conversation_rates"
    if not isinstance(by, str):
        raise EngagementError(f"{caller}(): by names one column, as text; it was given {by!r}")
    if by == "asks_question" and isinstance(posts, pd.DataFrame) and not {"text", "asks_question"} & set(posts):
        raise EngagementError(f"{caller}(): by='asks_question' needs the posts' text, and this table has no 'text' "
                              f"column (Velora's export holds each post's figures, not its caption)")
    table = _rated(posts, caller, skip_crisis)
    _require(table, [by], caller)
    key = table[by].astype(object).where(table[by].notna(), "(none)")
    grouped = table.groupby(key, sort=False)
    result = pd.DataFrame({
        "posts": grouped.size(),
        "reach": grouped["reach"].sum(),
        "comments": grouped["comments"].sum(),
        "vs_platform": (grouped["comments"].sum() / grouped["expected_comments"].sum()).round(2),
    })
    result.insert(3, "comments_per_1000", (result["comments"] / result["reach"] * 1000).round(2))
    result["enough_posts"] = result["posts"] >= MIN_POSTS
    result.index.name = by
    return result.sort_values("vs_platform", ascending=False)


def question_threads(threads: pd.DataFrame, *, board: str | None = "help") -> pd.DataFrame:
    """Forum threads whose title asks a question against those whose title does not (``board`` to keep one
    board, None for all): threads, median replies, share answered and median hours to the first answer."""
    _require(threads, ["title", "replies", "created_at", "first_answer_at"], "question_threads")
    if board is not None:
        _require(threads, ["board"], "question_threads")
        threads = threads[threads["board"].astype(str) == board]
    asks = asks_question(threads["title"]).map({True: "asks a question", False: "does not ask"})
    hours = (threads["first_answer_at"] - threads["created_at"]).dt.total_seconds() / 3600
    grouped = pd.DataFrame({"title": asks, "replies": threads["replies"], "answered": threads["first_answer_at"].notna(),
                            "hours": hours}).groupby("title")
    return pd.DataFrame({"threads": grouped.size(), "median_replies": grouped["replies"].median(),
                         "answered_share": grouped["answered"].mean().round(3),
                         "median_hours_to_answer": grouped["hours"].median().round(1)})


# --------------------------------------------------------------------------- the hashtag campaign
def campaign_effect(posts: pd.DataFrame, campaign: str = "FirstRideVelora", *, weeks_before: int = 8) -> pd.DataFrame:
    """The campaign's own posts against Velora's other posts in the same weeks and in the ``weeks_before``
    weeks before it started, with comments and shares per 1,000 reached and each against what the same reach
    brings on the same platforms over the year (``comments_vs_platform``, ``shares_vs_platform``).
    The crisis week is left out."""
    caller = "campaign_effect"
    _require(posts, ["campaign", "published_at", "shares"], caller)
    table = _rated(posts, caller, skip_crisis=True)
    mine = table["campaign"].astype(str) == campaign
    if not mine.any():
        found = sorted(set(table["campaign"].dropna().astype(str)))
        raise EngagementError(f"{caller}(): no post belongs to the campaign {campaign!r}; the campaigns are "
                              f"{', '.join(map(repr, found))}")
    start, end = table.loc[mine, "published_at"].min().normalize(), table.loc[mine, "published_at"].max()
    before = (table["published_at"] < start) & (table["published_at"] >= start - pd.Timedelta(weeks=weeks_before))
    during = (table["published_at"] >= start) & (table["published_at"] <= end)
    platform_rate = table.groupby("platform")["shares"].transform("sum") / table.groupby("platform")["reach"].transform("sum")
    table["expected_shares"] = table["reach"] * platform_rate
    groups = {f"#{campaign} posts": mine, "other posts, same weeks": during & ~mine,
              f"all posts, {weeks_before} weeks before": before}
    rows = []
    for name, mask in groups.items():
        part = table[mask]
        reach = part["reach"].sum()
        rows.append({"group": name, "posts": len(part),
                     "comments_per_1000": round(part["comments"].sum() / reach * 1000, 2) if reach else np.nan,
                     "shares_per_1000": round(part["shares"].sum() / reach * 1000, 2) if reach else np.nan,
                     "comments_vs_platform": round(part["comments"].sum() / part["expected_comments"].sum(), 2),
                     "shares_vs_platform": round(part["shares"].sum() / part["expected_shares"].sum(), 2)})
    return pd.DataFrame(rows).set_index("group")


def ugc_weeks(inbox: pd.DataFrame, hashtag: str = "#FirstRideVelora") -> pd.DataFrame:
    """Members' own posts carrying ``hashtag`` that reached the inbox, week by week (Monday, Rome time): how
    many, how many Velora answered, how many only other members answered, how many nobody answered, and the
    median hours to the first reply."""
    _require(inbox, ["text", "received_at", "first_response_at", "responder"], "ugc_weeks")
    tagged = inbox[inbox["text"].fillna("").str.contains(re.escape(hashtag), case=False)]
    if tagged.empty:
        raise EngagementError(f"ugc_weeks(): no message in the inbox carries {hashtag!r}")
    local = tagged["received_at"].dt.tz_convert(LOCAL_TZ)
    week = (local.dt.tz_localize(None).dt.normalize() - pd.to_timedelta(local.dt.dayofweek, unit="D")).dt.date
    responder = tagged["responder"].astype(str)
    frame = pd.DataFrame({
        "week": week,
        "answered_by_velora": responder.isin(VELORA_RESPONDERS),
        "answered_by_members": responder == "community_member",
        "not_answered": tagged["first_response_at"].isna(),
        "hours": (tagged["first_response_at"] - tagged["received_at"]).dt.total_seconds() / 3600,
    })
    grouped = frame.groupby("week")
    result = pd.DataFrame({"member_posts": grouped.size(),
                           **{c: grouped[c].sum() for c in ("answered_by_velora", "answered_by_members", "not_answered")},
                           "median_hours_to_reply": grouped["hours"].median().round(1)})
    return result


# --------------------------------------------------------------------------- live sessions
def live_sessions(events: pd.DataFrame, by: str = "type") -> pd.DataFrame:
    """Registrations against attendance per group of ``by`` (``type``, ``platform`` or ``title``): events,
    registrations, attendance, ``show_rate`` (attendance / registrations, from the totals) and the lowest and
    highest show rate of a single event. Sorted by show rate."""
    _require(events, ["registrations", "attendance", by], "live_sessions")
    if (events["attendance"] > events["registrations"]).any():
        raise EngagementError("live_sessions(): an event has more attendance than registrations; check the table")
    rate = events["attendance"] / events["registrations"].replace(0, np.nan)
    grouped = events.assign(_rate=rate).groupby(events[by].astype(str))
    result = pd.DataFrame({"events": grouped.size(), "registrations": grouped["registrations"].sum(),
                           "attendance": grouped["attendance"].sum()})
    result["show_rate"] = (result["attendance"] / result["registrations"]).round(3)
    result["lowest"] = grouped["_rate"].min().round(3)
    result["highest"] = grouped["_rate"].max().round(3)
    return result.sort_values("show_rate", ascending=False)


# --------------------------------------------------------------------------- member-to-member help
def _first_answer_hours(threads: pd.DataFrame) -> pd.Series:
    return (threads["first_answer_at"] - threads["created_at"]).dt.total_seconds() / 3600


def member_help(threads: pd.DataFrame, *, by: str = "board") -> pd.DataFrame:
    """Who answers first on the forum, per group of ``by``: threads, the share answered at all, the share
    whose first answer came from members (``first_by_members``) and from staff, the median hours to a
    first answer from each, and the share of accepted answers written by members."""
    _require(threads, ["created_at", "first_answer_at", "first_answer_by", "accepted_by", by], "member_help")
    hours = _first_answer_hours(threads)
    first = threads["first_answer_by"].astype(str)
    accepted = threads["accepted_by"].astype(str)
    frame = pd.DataFrame({"group": threads[by].astype(str), "answered": threads["first_answer_at"].notna(),
                          "members": first == "community", "staff": first == "staff",
                          "members_hours": hours.where(first == "community"), "staff_hours": hours.where(first == "staff"),
                          "accepted": accepted.isin(["community", "staff"]), "accepted_members": accepted == "community"})
    grouped = frame.groupby("group")
    result = pd.DataFrame({
        "threads": grouped.size(),
        "answered_share": grouped["answered"].mean().round(3),
        "first_by_members": grouped["members"].mean().round(3),
        "first_by_staff": grouped["staff"].mean().round(3),
        "members_median_hours": grouped["members_hours"].median().round(1),
        "staff_median_hours": grouped["staff_hours"].median().round(1),
        "accepted_by_members": (grouped["accepted_members"].sum() / grouped["accepted"].sum().replace(0, np.nan)).round(3),
    })
    result.index.name = by
    return result.sort_values("threads", ascending=False)


def newcomer_threads(threads: pd.DataFrame, members: pd.DataFrame, *, days: int = 30) -> pd.DataFrame:
    """Threads opened by members in their first ``days`` days against everyone else's: threads, share
    answered, share answered first by members, median hours to the first answer."""
    _require(threads, ["author_id", "created_at", "first_answer_at", "first_answer_by"], "newcomer_threads")
    _require(members, ["member_id", "joined_at"], "newcomer_threads")
    joined = threads["author_id"].map(members.set_index("member_id")["joined_at"])
    new = (threads["created_at"] - joined) <= pd.Timedelta(days=days)
    label = new.map({True: f"opened in the first {days} days", False: "opened later"})
    frame = pd.DataFrame({"group": label, "answered": threads["first_answer_at"].notna(),
                          "members": threads["first_answer_by"].astype(str) == "community",
                          "hours": _first_answer_hours(threads)})
    grouped = frame.groupby("group")
    return pd.DataFrame({"threads": grouped.size(), "answered_share": grouped["answered"].mean().round(3),
                         "first_by_members": grouped["members"].mean().round(3),
                         "median_hours_to_answer": grouped["hours"].median().round(1)})


# --------------------------------------------------------------------------- ranking post ideas
def score_ideas(ideas: pd.DataFrame, posts: pd.DataFrame, *, min_posts: int = MIN_POSTS) -> pd.DataFrame:
    """Rank post ideas on what Velora's similar past posts did.

    ``ideas`` has one row per idea with ``idea``, ``platform``, ``pillar`` and optionally ``paid`` (False
    if absent) and ``text``. Each idea gets ``expected_per_1000``, the median comments per 1,000 reached of
    past posts on the same platform, pillar and paid/organic (the crisis week left out), and ``posts_behind``.
    With fewer than ``min_posts`` such posts it falls back to the platform's organic posts of every pillar and
    says so in ``based_on``. ``asks_question`` reads the text; the history cannot say what a question adds,
    because the posts table holds no captions, so it does not change the expected figure.
    """
    caller = "score_ideas"
    _require(ideas, ["idea", "platform", "pillar"], caller)
    history = _rated(posts, caller, skip_crisis=True)
    _require(history, ["pillar", "paid"], caller)
    history = history.assign(pillar=history["pillar"].astype(str), paid=history["paid"].astype(bool))
    platforms = set(history["platform"])
    rows = []
    for _, idea in ideas.iterrows():
        platform, pillar = str(idea["platform"]).strip().lower(), str(idea["pillar"]).strip().lower()
        if platform not in platforms:
            raise EngagementError(f"{caller}(): idea {idea['idea']!r} is for {idea['platform']!r}, which is not one of "
                                  f"Velora's platforms ({', '.join(sorted(platforms))})")
        paid = bool(idea["paid"]) if "paid" in ideas.columns and pd.notna(idea["paid"]) else False
        same = history[(history["platform"] == platform) & (history["pillar"] == pillar) & (history["paid"] == paid)]
        based_on = f"{platform}, {pillar}, {'paid' if paid else 'organic'}"
        if len(same) < min_posts:
            same = history[(history["platform"] == platform) & ~history["paid"]]
            based_on = f"{platform}, every pillar, organic (too few {pillar} posts)"
        text = idea["text"] if "text" in ideas.columns else None
        rows.append({"idea": idea["idea"], "platform": platform, "pillar": pillar, "paid": paid,
                     "expected_per_1000": round(float(same["comments_per_1000"].median()), 2),
                     "posts_behind": len(same), "based_on": based_on, "asks_question": asks_question(text)})
    result = pd.DataFrame(rows).sort_values("expected_per_1000", ascending=False, kind="stable")
    result.insert(0, "rank", range(1, len(result) + 1))
    return result.reset_index(drop=True)


# --------------------------------------------------------------------------- charts
def conversation_chart(table: pd.DataFrame, *, title: str | None = None, axes=None):
    """Bars of ``vs_platform`` from :func:`conversation_rates`, each labelled with its posts; a line at 1.0
    (as many comments as the same reach brings on the same platforms); bars resting on fewer than ten posts are hatched. Returns the axes."""
    import matplotlib.pyplot as plt

    _require(table, ["posts", "vs_platform"], "conversation_chart")
    data = table.sort_values("vs_platform")
    ax = axes if axes is not None else plt.subplots(figsize=(7, 0.45 * len(data) + 1.2))[1]
    labels = [str(i) for i in data.index]
    bars = ax.barh(labels, data["vs_platform"], color=["#2e7d32" if v >= 1 else "#9e9e9e" for v in data["vs_platform"]])
    for bar, n in zip(bars, data["posts"]):
        if n < MIN_POSTS:
            bar.set_hatch("//")
        ax.text(bar.get_width() + 0.02, bar.get_y() + bar.get_height() / 2, f"{n} posts", va="center", fontsize=9)
    ax.axvline(1.0, color="#333", linewidth=1, linestyle="--")
    ax.set_xlabel("comments against what the same reach brings\non the same platforms (1.0 = as usual)")
    ax.set_xlim(0, max(1.2, float(data["vs_platform"].max()) * 1.25))
    ax.set_title(title or f"Which posts started conversations, by {data.index.name or 'group'}")
    return ax


def ugc_chart(weeks: pd.DataFrame, *, axes=None):
    """Stacked weekly bars from :func:`ugc_weeks`: members' hashtag posts answered by Velora, only by other
    members, and by nobody. Returns the axes."""
    import matplotlib.pyplot as plt

    parts = ["answered_by_velora", "answered_by_members", "not_answered"]
    _require(weeks, parts, "ugc_chart")
    ax = axes if axes is not None else plt.subplots(figsize=(8, 3.6))[1]
    labels = [pd.Timestamp(w).strftime("%d %b") for w in weeks.index]
    bottom = np.zeros(len(weeks))
    for part, colour in zip(parts, ("#2e7d32", "#81c784", "#c62828")):
        ax.bar(labels, weeks[part], bottom=bottom, color=colour, label=part.replace("_", " ").replace("velora", "Velora"))
        bottom += weeks[part].to_numpy()
    ax.set_ylabel("members' posts with the hashtag")
    ax.set_xlabel("week starting")
    ax.set_title("Members' campaign posts each week, and who answered them")
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
    return ax


def live_chart(events: pd.DataFrame, *, axes=None):
    """Registrations and attendance of every event, grouped by type, with each event's show rate.
    Returns the axes."""
    import matplotlib.pyplot as plt

    _require(events, ["type", "title", "registrations", "attendance"], "live_chart")
    data = events.sort_values(["type", "registrations"]).reset_index(drop=True)
    ax = axes if axes is not None else plt.subplots(figsize=(8, 4))[1]
    x = np.arange(len(data))
    ax.bar(x, data["registrations"], color="#bdbdbd", label="registered")
    ax.bar(x, data["attendance"], color="#1565c0", label="attended")
    for i, (reg, att) in enumerate(zip(data["registrations"], data["attendance"])):
        ax.text(i, reg + 15, f"{att / reg:.0%}", ha="center", fontsize=7, rotation=90)
    for kind in data["type"].unique():
        span = np.flatnonzero(data["type"].to_numpy() == kind)
        ax.text(span.mean(), -0.12, str(kind), ha="center", transform=ax.get_xaxis_transform(), fontsize=10)
    ax.set_xticks([])
    ax.set_ylim(0, float(data["registrations"].max()) * 1.12)
    ax.set_ylabel("people")
    ax.set_title("Live sessions: registered against attended (show rate above each bar)")
    ax.legend(frameon=False)
    return ax
