"""The KPI set of lesson 5.1: Velora's key figures for a period (and platforms) the learner picks.

>>> from course.analysis.kpis import kpi_set
>>> kpis = kpi_set("2026-05-01", "2026-05-31", platforms=["instagram", "tiktok"])
>>> kpis.table            # one row per metric: value, target, what it is divided by, its definition
>>> kpis.definitions()    # the definitions on their own
>>> kpis.chart()          # engagement rate by each denominator, and reply times against the hour

Every figure comes from :mod:`course.metrics`; this module chooses the period, checks the arguments and puts
the figures side by side with what each one means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course import metrics
from course.analysis.report import KPIS
from course.datasets import load_followers, load_forum_replies, load_inbox, load_listening, load_members, load_posts

__all__ = ["DEFINITIONS", "DENOMINATORS", "KPISet", "kpi_set", "denominator_table", "sentiment_by_language",
           "vader_reading"]

FIRST_DAY = pd.Timestamp("2025-11-01")
LAST_DAY = pd.Timestamp("2026-10-31")

DEFINITIONS = {
    "engagement rate (reach)": "likes + comments + shares + saves / people reached",
    "engagement rate (impressions)": "likes + comments + shares + saves / times the posts were shown",
    "engagement rate (followers)": "likes + comments + shares + saves / followers when each post went out",
    "reach": "distinct accounts that saw at least one post",
    "impressions": "times the posts were shown, repeats included",
    "frequency": "impressions / reach: how often each person reached saw a post",
    "follower growth": "(followers at the end - followers at the start) / followers at the start",
    "active participation": "members who wrote in the forum in the period / all members",
    "lurkers (90-9-1)": "share of members who wrote nothing in the period (the rule of thumb expects about 90%)",
    "replied within 1 hour": "inbox messages answered within the hour / all messages received",
    "complaints within 1 hour": "complaints answered within the hour / all complaints received",
    "median first reply": "the middle waiting time of the messages that got a reply, in minutes",
    "net sentiment": "(positive - negative messages) / all messages, from the inbox's labels",
    "share of voice": "Velora's mentions / mentions of Velora and its three competitors",
}

DENOMINATORS = {
    "reach": "how much the people who saw the posts took part: the fairest way to compare posts and platforms",
    "impressions": "interactions per view: fits paid and video posts, where people see the same post many times",
    "followers": "how much of the audience the brand already has takes part; it ignores how far a post "
                 "travelled, and can pass 100% when a post spreads far beyond the followers",
}

# the monthly targets of Velora's community report (lesson 5.3), and the silent share 90-9-1 expects
_REPORT = {spec.key: spec.target for spec in KPIS}
TARGETS = {"engagement rate (reach)": _REPORT["engagement_rate"], "lurkers (90-9-1)": 0.90,
           "complaints within 1 hour": _REPORT["complaints_within_hour"], "net sentiment": _REPORT["net_sentiment"],
           "share of voice": _REPORT["share_of_voice"]}


def _day(value: Any, argument: str) -> pd.Timestamp:
    day = metrics._day(value, argument, "kpi_set")  # a calendar day, or a ValueError naming the argument
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"kpi_set(): {argument}={value!r} is outside Velora's data "
                         f"({FIRST_DAY:%Y-%m-%d} to {LAST_DAY:%Y-%m-%d}).")
    return day


def _platforms(value: str | Sequence[str] | None, known: Sequence[str]) -> list[str] | None:
    if value is None:
        return None
    wanted = [value] if isinstance(value, str) else list(value)
    if not wanted:
        raise ValueError("kpi_set(): platforms is empty; leave it out for every platform.")
    unknown = [p for p in wanted if p not in known]
    if unknown:
        raise ValueError(f"kpi_set(): platforms has {', '.join(map(repr, unknown))}, which Velora does not post on; "
                         f"choose from {', '.join(known)}.")
    return wanted


def _between(frame: pd.DataFrame, column: str, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    times = pd.to_datetime(frame[column])
    if getattr(times.dt, "tz", None) is not None:
        times = times.dt.tz_convert("UTC").dt.tz_localize(None)
    return frame[(times >= start) & (times < end + pd.Timedelta(days=1))]


def _on(frame: pd.DataFrame, platforms: list[str] | None) -> pd.DataFrame:
    return frame if platforms is None else frame[frame["platform"].isin(platforms)]


def denominator_table(posts: pd.DataFrame) -> pd.DataFrame:
    """Engagement rate of ``posts`` by each denominator, with when each one fits."""
    rows = [{"denominator": by, "engagement rate": metrics.engagement_rate(posts, by=by), "fits when": why}
            for by, why in DENOMINATORS.items()]
    return pd.DataFrame(rows).set_index("denominator")


def sentiment_by_language(inbox: pd.DataFrame) -> pd.DataFrame:
    """VADER's reading of the inbox texts against the team's labels, language by language.

    VADER knows English words only: on Italian and Chinese texts it finds almost nothing and calls them neutral,
    and in English it takes sarcasm ("great, the battery died again") at its word.
    """
    vader = vader_reading(inbox["text"])["vader"].to_numpy()
    frame = pd.DataFrame({"language": inbox["language"].astype(str).to_numpy(),
                          "label": inbox["sentiment"].astype(str).to_numpy(), "vader": vader})
    frame["agrees"] = frame["label"] == frame["vader"]
    return frame.groupby("language").agg(messages=("agrees", "size"), vader_agrees=("agrees", "mean"),
                                         vader_neutral=("vader", lambda v: (v == "neutral").mean()),
                                         labelled_neutral=("label", lambda v: (v == "neutral").mean()))


def vader_reading(texts: Any) -> pd.DataFrame:
    """VADER's compound score (-1 to 1) of each text and the label it gives (>= 0.05 positive, <= -0.05
    negative), whatever the language: the way to see what a lexicon makes of text it cannot read."""
    texts = pd.Series(list(texts), dtype=object)
    compound = texts.map(lambda text: metrics._vader_compound(str(text)) if pd.notna(text) else np.nan)
    labels = np.where(compound >= 0.05, "positive", np.where(compound <= -0.05, "negative", "neutral"))
    return pd.DataFrame({"text": texts, "compound": compound.astype(float), "vader": labels})


@dataclass
class KPISet:
    """The figures of one period: ``table`` (one row per metric), the frames they came from, and views."""

    start: pd.Timestamp
    end: pd.Timestamp
    platforms: list[str] | None
    table: pd.DataFrame
    denominators: pd.DataFrame
    response: pd.DataFrame
    listening: pd.DataFrame

    def definitions(self) -> pd.Series:
        """Each metric's definition."""
        return self.table["definition"]

    def chart(self):
        """Engagement rate by each denominator, and the share of messages answered within the hour."""
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
        rates = self.denominators["engagement rate"] * 100
        left.barh(rates.index, rates.to_numpy(), color=["#2a6f97", "#61a5c2", "#a9d6e5"])
        left.set_xlabel("engagement rate (%)")
        left.set_title("Same posts, three denominators")
        for y, value in enumerate(rates.to_numpy()):
            left.text(value, y, f" {value:.1f}%", va="center")
        within = self.response["within_target_share"] * 100
        right.barh(within.index.astype(str), within.to_numpy(), color="#e07a5f")
        goal = TARGETS["complaints within 1 hour"] * 100
        right.axvline(goal, color="black", linestyle="--", label=f"complaints' target {goal:.0f}%")
        right.set_xlim(0, 100)
        right.set_xlabel("replied within 1 hour (%)")
        right.set_title("Reply times by intent")
        right.legend(loc="lower right")
        fig.suptitle(f"Velora, {self.start:%d %b %Y} to {self.end:%d %b %Y}")
        fig.tight_layout()
        return fig

    def voice_chart(self):
        """Each brand's share of the category's mentions, week by week, over the period."""
        weekly = self.listening.assign(date=pd.to_datetime(self.listening["date"]))
        weekly = weekly.pivot_table(index=pd.Grouper(key="date", freq="W"), columns="brand", values="mentions",
                                    aggfunc="sum", observed=True)
        shares = weekly.div(weekly.sum(axis=1), axis=0) * 100
        order = ["Velora"] + [brand for brand in shares.columns if brand != "Velora"]
        fig, ax = plt.subplots(figsize=(10, 3.4))
        ax.stackplot(shares.index, [shares[brand].to_numpy() for brand in order], labels=order,
                     colors=["#e07a5f", "#3d405b", "#81b29a", "#c9ada7"])
        ax.set_ylim(0, 100)
        ax.set_ylabel("share of mentions (%)")
        ax.set_title("Share of voice, week by week (weeks ending on Sunday)")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
        return fig


def kpi_set(start: Any, end: Any, platforms: str | Sequence[str] | None = None) -> KPISet:
    """Velora's KPI set from ``start`` to ``end`` (both days included), optionally on some ``platforms``."""
    first, last = _day(start, "start"), _day(end, "end")
    if last < first:
        raise ValueError(f"kpi_set(): end={end!r} comes before start={start!r}; swap them.")
    all_posts = load_posts()
    chosen = _platforms(platforms, sorted(all_posts["platform"].astype(str).unique()))
    posts = _on(_between(all_posts, "published_at", first, last), chosen)
    if posts.empty:
        raise ValueError("kpi_set(): no posts between start and end on those platforms; widen the period.")
    inbox = _on(_between(load_inbox(), "received_at", first, last), chosen)
    followers = _on(load_followers(), chosen)
    members = load_members()
    replies = load_forum_replies()
    listening = _on(_between(load_listening(), "date", first, last), chosen)

    denominators = denominator_table(posts)
    spread = metrics.reach_and_impressions(posts)
    tiers = metrics.participation_tiers(members, _between(replies, "created_at", first, last))
    lurkers = float(tiers.iloc[0]["share"]) if "share" in tiers else float("nan")
    if inbox.empty:
        response = pd.DataFrame({"within_target_share": []})
        overall = pd.Series({"within_target_share": np.nan, "median_minutes": np.nan})
        net = np.nan
    else:
        response = metrics.response_time_stats(inbox, target="1h", by="intent")
        overall = metrics.response_time_stats(inbox, target="1h")
        net = metrics.net_sentiment(inbox)
    values = {
        "engagement rate (reach)": denominators.loc["reach", "engagement rate"],
        "engagement rate (impressions)": denominators.loc["impressions", "engagement rate"],
        "engagement rate (followers)": denominators.loc["followers", "engagement rate"],
        "reach": float(np.asarray(spread["reach"]).sum()),
        "impressions": float(np.asarray(spread["impressions"]).sum()),
        "frequency": float(np.asarray(spread["impressions"]).sum() / np.asarray(spread["reach"]).sum()),
        "follower growth": metrics.follower_growth_rate(followers, first, last),
        "active participation": metrics.active_participation_rate(members, replies, first, last + pd.Timedelta(days=1)),
        "lurkers (90-9-1)": lurkers,
        "replied within 1 hour": float(overall["within_target_share"]),
        "complaints within 1 hour": (float(response.loc["complaint", "within_target_share"])
                                     if "complaint" in response.index else np.nan),
        "median first reply": float(overall["median_minutes"]),
        "net sentiment": net,
        "share of voice": metrics.share_of_voice(listening) if not listening.empty else np.nan,
    }
    table = pd.DataFrame({"value": pd.Series(values, dtype=float), "target": pd.Series(TARGETS, dtype=float),
                          "definition": pd.Series(DEFINITIONS)}).loc[list(DEFINITIONS)]
    table.index.name = "metric"
    return KPISet(first, last, chosen, table, denominators, response, listening)
