"""The charts of lesson 5.0 (the tour of Velora's tables), so the lesson shows the picture, not the plotting code.

Each function takes the tables as the loaders give them, draws one figure and returns it (the
notebook then calls ``plt.show()``). The numbers behind a chart come from :mod:`course.metrics`
or a short pandas summary kept next to the drawing, so a chart and the table printed beside it
always agree. Bad input (a missing column) is reported by the metric that needs it.

    from course.datasets import tour_charts
    tour_charts.followers_growth(followers); plt.show()
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from course import metrics

CRISIS_DAYS = (pd.Timestamp("2026-03-16"), pd.Timestamp("2026-03-23"))      # Monday 16 to Sunday 22 March 2026
CAMPAIGN_DAYS = (pd.Timestamp("2026-05-04"), pd.Timestamp("2026-06-29"))    # #FirstRideVelora
RED, GREEN, BLUE, PURPLE, ORANGE, GREY = "#c62828", "#2e7d32", "#1565c0", "#6a1b9a", "#ef6c00", "#90a4ae"

__all__ = ["mark_the_year", "followers_growth", "engagement_by_denominator", "inbox_by_week", "reply_times",
           "who_answers_first", "participation", "sessions_by_medium", "turn_up", "ab_test_daily",
           "recommend_scores", "voice_by_week", "where_velora_is_discussed", "crisis_side_by_side"]


def mark_the_year(ax) -> None:
    """Shade the crisis week (red) and the #FirstRideVelora campaign (green) on a chart whose x axis is dates."""
    ax.axvspan(*CRISIS_DAYS, color=RED, alpha=0.18, label="crisis week", zorder=0)
    ax.axvspan(*CAMPAIGN_DAYS, color=GREEN, alpha=0.10, label="#FirstRideVelora", zorder=0)


def _finish(fig: Figure, ax, legend: bool = True, **labels) -> Figure:
    """Titles and axis labels (``title=``, ``xlabel=``, ``ylabel=``), the legend, a tight layout: the figure."""
    ax.set(**labels)
    if legend:
        ax.legend()
    fig.tight_layout()
    return fig


def followers_growth(followers: pd.DataFrame) -> Figure:
    """Followers per platform: absolute (left) and indexed to 100 on the first day (right)."""
    totals = followers.pivot(index="date", columns="platform", values="total")
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5))
    totals.plot(ax=left, legend=False)
    left.set(title="Followers per platform", xlabel="", ylabel="followers (end of day)")
    (100 * totals / totals.iloc[0]).plot(ax=right)
    mark_the_year(right)
    right.set(title="The same, indexed: 1 November 2025 = 100", xlabel="", ylabel="index (start = 100)")
    right.legend(ncol=2, fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig


def engagement_by_denominator(posts: pd.DataFrame) -> Figure:
    """Engagement rate per platform with three denominators side by side (reach, impressions, followers)."""
    rates = pd.DataFrame({f"by {by}": metrics.engagement_rate(posts, by=by, group="platform")
                          for by in ("reach", "impressions", "followers")}).sort_values("by reach")
    fig, ax = plt.subplots(figsize=(9, 5.5))
    (100 * rates).plot.barh(ax=ax, color=[BLUE, "#90caf9", "#ffb74d"])
    ax.set(title="Engagement rate per platform, with three different denominators",
           xlabel="engagement rate (%): likes + comments + shares + saves, divided by ...", ylabel="")
    fig.tight_layout()
    return fig


def _week(times: pd.Series) -> pd.Series:
    """The Monday that starts each time's week (UTC times made plain first)."""
    if getattr(times.dt, "tz", None) is not None:
        times = times.dt.tz_convert(None)
    return times.dt.to_period("W").dt.start_time


def inbox_by_week(inbox: pd.DataFrame) -> Figure:
    """Messages per week (crisis week in red) above net sentiment per week."""
    week = _week(inbox["received_at"])
    messages = inbox.groupby(week).size()
    net = metrics.net_sentiment(inbox.assign(week=week), by="week")
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(12, 6), sharex=True)
    colours = [RED if monday == CRISIS_DAYS[0] else "#607d8b" for monday in messages.index]
    top.bar(messages.index, messages.to_numpy(), width=7, align="edge", color=colours)
    mark_the_year(top)
    top.set(title="Inbox: messages per week", ylabel="messages")
    top.legend(loc="upper right")
    bottom.plot(net.index + pd.Timedelta(days=3.5), net.to_numpy(), marker="o", color=PURPLE)
    bottom.axhline(0, color="grey", linewidth=0.8)
    mark_the_year(bottom)
    bottom.set(title="Net sentiment per week: (positive - negative) / labelled messages", ylabel="net sentiment",
               xlabel="week")
    fig.tight_layout()
    return fig


def reply_times(messages: pd.DataFrame, target_minutes: float = 60) -> Figure:
    """Histogram of minutes to a first reply (answered messages only), on a log scale, with the target line."""
    minutes = ((messages["first_response_at"] - messages["received_at"]).dt.total_seconds() / 60).dropna()
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.hist(minutes, bins=[2 ** (k / 2) for k in range(25)], color=GREY, edgecolor="white")  # 1 min to ~3 days
    ax.set_xscale("log")
    ax.axvline(target_minutes, color=RED, linewidth=2, label="1-hour target")
    ax.axvline(minutes.median(), color=BLUE, linestyle="--", label="median")
    ax.set_xticks([1, 5, 15, 60, 240, 720, 2880], labels=["1 min", "5 min", "15 min", "1 h", "4 h", "12 h", "2 days"])
    return _finish(fig, ax, title="Time to first reply (answered messages)",
                   xlabel="minutes until the first reply (log scale)", ylabel="messages")


def who_answers_first(threads: pd.DataFrame) -> Figure:
    """Share of threads per board whose first answer came from the community, from staff, or from nobody yet."""
    first = threads["first_answer_by"].astype("string").fillna("unanswered")
    shares = pd.crosstab(threads["board"].astype("string"), first, normalize="index")
    shares = shares.reindex(columns=["community", "staff", "unanswered"], fill_value=0)
    shares = shares.reindex([b for b in ("help", "ideas", "rides", "marketplace") if b in shares.index])
    fig, ax = plt.subplots(figsize=(9, 3.5))
    (100 * shares).plot.barh(ax=ax, stacked=True, color=[GREEN, BLUE, "#bdbdbd"])
    ax.set(title="Who answers first on each forum board", xlabel="share of threads (%)", ylabel="board")
    ax.invert_yaxis()
    ax.legend(ncol=3, loc="lower center", bbox_to_anchor=(0.5, -0.45))
    fig.tight_layout()
    return fig


def participation(tiers: pd.DataFrame) -> Figure:
    """Share of members and share of replies per tier (the table of ``metrics.participation_tiers``)."""
    fig, ax = plt.subplots(figsize=(8, 4))
    x = range(len(tiers))
    ax.bar([i - 0.2 for i in x], 100 * tiers["share"], width=0.4, color=GREY, label="share of members")
    ax.bar([i + 0.2 for i in x], 100 * tiers["actions_share"], width=0.4, color=ORANGE, label="share of replies written")
    ax.set_xticks(list(x), labels=["lurkers\n(no reply)", "contributors", "heavy contributors\n(top 1%)"][: len(tiers)])
    return _finish(fig, ax, title="Participation tiers on the forum (the 90-9-1 check)", ylabel="% of the total")


def sessions_by_medium(web: pd.DataFrame) -> Figure:
    """Website sessions per month, one line per medium."""
    monthly = web.groupby([pd.Grouper(key="date", freq="MS"), "medium"], observed=True)["sessions"].sum().unstack()
    fig, ax = plt.subplots(figsize=(11, 4.5))
    for medium in monthly.columns:  # each month drawn mid-month, so it lines up with the shaded dates
        ax.plot(monthly.index + pd.Timedelta(days=14), monthly[medium], marker="o", label=medium)
    mark_the_year(ax)
    ax.set(title="Website sessions per month, by medium", xlabel="month", ylabel="sessions")
    ax.legend(ncol=4, fontsize=8)
    fig.tight_layout()
    return fig


def turn_up(events: pd.DataFrame) -> Figure:
    """Registrations against attendance, one dot per event, with the line where everyone came."""
    fig, ax = plt.subplots(figsize=(8, 5))
    for kind, colour in (("webinar", BLUE), ("qa", PURPLE), ("meetup", ORANGE)):
        some = events[events["type"] == kind]
        ax.scatter(some["registrations"], some["attendance"], color=colour, label=kind, s=50)
    top = events["registrations"].max()
    ax.plot([0, top], [0, top], color="grey", linestyle="--", linewidth=1, label="everyone who registered came")
    return _finish(fig, ax, title="Registrations and attendance, one dot per event", xlabel="people who registered",
                   ylabel="people who attended")


def ab_test_daily(ab_test: pd.DataFrame) -> Figure:
    """Engagements per 100 impressions, per day and variant."""
    rate = ab_test.assign(rate=100 * ab_test["engagements"] / ab_test["impressions"])
    daily = rate.pivot(index="date", columns="variant", values="rate")
    fig, ax = plt.subplots(figsize=(9, 4))
    daily.plot(ax=ax, marker="o", color=[GREY, GREEN])
    ax.set(title="A/B test on Instagram: engagement rate per day", xlabel="day", ylabel="engagements per 100 impressions")
    ax.legend(["A: product shot", "B: rider's own photo"])
    fig.tight_layout()
    return fig


def recommend_scores(survey: pd.DataFrame) -> Figure:
    """Answers to the 0-10 recommend question, coloured as detractors, passives and promoters."""
    counts = survey["recommend"].value_counts().reindex(range(11), fill_value=0)
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar(counts.index, counts.to_numpy(), color=[RED] * 7 + ["#9e9e9e"] * 2 + [GREEN] * 2)
    ax.set_xticks(range(11))
    return _finish(fig, ax, legend=False,
                   title="Would you recommend Velora? (red: detractors, grey: passives, green: promoters)",
                   xlabel="answer, 0 (not at all) to 10 (extremely likely)", ylabel="responses")


def voice_by_week(listening: pd.DataFrame, brand: str = "Velora") -> Figure:
    """The brand's share of voice per week, and the negative share of its own mentions."""
    by_week = listening.assign(week=_week(listening["date"]))
    share = metrics.share_of_voice(by_week, brand=brand, by="week")
    own = by_week[by_week["brand"] == brand].groupby("week")[["mentions", "negative"]].sum()
    fig, ax = plt.subplots(figsize=(12, 4))
    ax.plot(share.index + pd.Timedelta(days=3.5), 100 * share, marker="o", color=BLUE, label="share of voice")
    ax.plot(own.index + pd.Timedelta(days=3.5), 100 * own["negative"] / own["mentions"], color=RED, linestyle="--",
            label=f"negative share of {brand}'s mentions")
    mark_the_year(ax)
    ax.set(title=f"{brand}'s share of voice per week, and how much of it was negative", xlabel="week", ylabel="%")
    ax.legend(ncol=2, fontsize=8, loc="upper right")
    fig.tight_layout()
    return fig


def where_velora_is_discussed(listening: pd.DataFrame, brand: str = "Velora") -> Figure:
    """The brand's mentions per place over the year; green where Velora has an account, orange where not."""
    own = listening[listening["brand"] == brand]
    places = own.groupby(["platform", "velora_has_account"], observed=True)["mentions"].sum().reset_index()
    places = places[places["mentions"] > 0].sort_values("mentions")
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.barh(places["platform"].astype(str), places["mentions"],
            color=[GREEN if has else ORANGE for has in places["velora_has_account"]])
    return _finish(fig, ax, legend=False, title=f"Where people talk about {brand} (green: {brand} has an account there)",
                   xlabel=f"mentions of {brand} over the year", ylabel="")


def crisis_side_by_side(inbox: pd.DataFrame, followers: pd.DataFrame, listening: pd.DataFrame,
                        start: str = "2026-03-01", end: str = "2026-04-12") -> tuple[Figure, pd.DataFrame]:
    """Four daily series around the crisis week: complaints, median reply time, net followers, share of voice.

    Returns the figure and the daily table it draws.
    """
    day = inbox["received_at"].dt.tz_convert(None).dt.floor("D")
    wait = (inbox["first_response_at"] - inbox["received_at"]).dt.total_seconds() / 60
    needs = inbox["intent"].isin(["question", "complaint"])
    by_day = followers.groupby("date")[["new", "lost"]].sum()
    table = pd.DataFrame({
        "complaints": (inbox["intent"] == "complaint").groupby(day).sum(),
        "median reply (min)": wait[needs].groupby(day[needs]).median(),
        "net followers": by_day["new"] - by_day["lost"],
        "share of voice (%)": 100 * metrics.share_of_voice(listening, by="date"),
    }).loc[start:end]
    fig, axes = plt.subplots(2, 2, figsize=(13, 7), sharex=True)
    styles = (("complaints", RED, "complaints per day"), ("median reply (min)", PURPLE, "minutes"),
              ("net followers", GREEN, "new - lost followers"), ("share of voice (%)", BLUE, "%"))
    for ax, (column, colour, label) in zip(axes.flat, styles):
        ax.plot(table.index, table[column], marker=".", color=colour)
        ax.axvspan(*CRISIS_DAYS, color=RED, alpha=0.15)
        ax.set(title=column, ylabel=label)
        ax.tick_params(axis="x", labelrotation=45)
    axes[1, 0].axhline(0, color="grey", linewidth=0.8)
    fig.suptitle("The crisis week (shaded) seen from four tables")
    fig.tight_layout()
    return fig, table
