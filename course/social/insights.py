"""An insights dashboard in the style of a platform's built-in analytics, on Velora's posts and followers.

    from course.social.insights import insights, InsightsDashboard
    page = insights(posts, followers, "instagram", "2026-05-01", "2026-05-31")   # the figures, no drawing
    page.summary        # posts, reach, impressions, engagements, engagement rate, follower growth ...
    page.by_format      # the same figures per post format
    page.top_posts      # the posts that earned the most interactions
    InsightsDashboard(posts, followers)   # pick a platform and a period, see the page redrawn

The model (:func:`insights`, :func:`periods`, :func:`dashboard_figure`) is plain functions of the
tables, tested without a browser; :class:`InsightsDashboard` is a thin ipywidgets view on top. The
view draws its charts as an image, never through ``plt.show()``, so a redraw leaves no stray output.

The figures follow :mod:`course.metrics`: engagement is likes + comments + shares + saves, the
engagement rate divides it by reach (people who saw the posts), and rates are ratios of totals.
Like the real pages, this one only knows what happened *on the platform*: it says so in
:attr:`Insights.blind_spots`.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from course import metrics
from course.datasets.schema import PLATFORMS

__all__ = ["InsightsError", "Insights", "insights", "periods", "dashboard_figure", "figure_png", "InsightsDashboard",
           "BLIND_SPOTS", "PLATFORM_NAMES"]

# The name each platform's own analytics page goes by (the forum runs on Vanilla Forums).
PLATFORM_NAMES = {
    "instagram": "Instagram Insights", "facebook": "Meta Business Suite insights", "x": "X Analytics",
    "linkedin": "LinkedIn Page analytics", "tiktok": "TikTok Analytics", "youtube": "YouTube Studio analytics",
    "pinterest": "Pinterest Analytics", "forum": "Vanilla Forums analytics", "weibo": "Weibo data centre",
    "xiaohongshu": "Xiaohongshu creator centre", "wechat": "WeChat Official Account statistics",
}
# What a built-in analytics page cannot tell, whatever the platform.
BLIND_SPOTS = (
    "what happened after a click: sign-ups and orders are on Velora's website (web analytics with UTM tags)",
    "the other platforms: each page sees only its own posts (a scheduler's cross-platform report adds them up)",
    "distinct people over the period: reach is summed post by post, so one person who saw three posts counts three times",
    "how members feel: a like is not belonging (ask them, in a survey)",
)
ENGAGEMENT = list(metrics.INTERACTIONS)
SUMMARY_ROWS = ("posts", "reach", "impressions", "engagements", "engagement rate", "link clicks",
                "followers at start", "followers at end", "new followers", "lost followers", "follower growth")
FORMAT_COLUMNS = ("posts", "reach", "impressions", "engagements", "engagement rate", "reach per post")
POST_COLUMNS = ("post_id", "published", "format", "pillar", "reach", "engagements", "engagement rate")


class InsightsError(ValueError):
    """A table, a platform or a period the dashboard cannot work with: the message names which and why."""


@dataclass(frozen=True)
class Insights:
    """One platform's page for one period: what :func:`insights` computed."""

    platform: str
    start: pd.Timestamp
    end: pd.Timestamp
    summary: pd.Series  # indexed by SUMMARY_ROWS
    by_format: pd.DataFrame  # one row per format, FORMAT_COLUMNS
    top_posts: pd.DataFrame  # POST_COLUMNS, most engagements first
    weekly: pd.DataFrame  # one row per week (Monday): reach, impressions, engagements
    follower_days: pd.DataFrame  # one row per day: total, new, lost
    previous: pd.Series | None = None  # the summary of the period of the same length just before, if in the data
    blind_spots: tuple[str, ...] = field(default=BLIND_SPOTS)

    @property
    def title(self) -> str:
        return (f"{PLATFORM_NAMES.get(self.platform, self.platform)}: {self.start:%d %b %Y} – {self.end:%d %b %Y}")

    def change(self, row: str) -> float:
        """How much ``row`` of the summary moved against the previous period, as a fraction (NaN if unknown)."""
        if self.previous is None or row not in self.summary.index:
            return float("nan")
        before, now = float(self.previous[row]), float(self.summary[row])
        return (now - before) / before if before else float("nan")

    def table(self) -> pd.DataFrame:
        """The summary as a small table of readable text, with the previous period and the change, to show."""
        rows = pd.DataFrame({"this period": [_shown(r, v) for r, v in self.summary.items()]}, index=self.summary.index)
        if self.previous is not None:
            rows["previous period"] = [_shown(r, v) for r, v in self.previous.items()]
            rows["change"] = ["" if (moved := self.change(r)) != moved else f"{moved:+.0%}" for r in rows.index]
        return rows


def _shown(row: str, value: float) -> str:
    """A summary figure as a page shows it: rates as percentages, counts with thousands separators."""
    if value != value:
        return "–"
    return f"{value:.2%}" if row in ("engagement rate", "follower growth") else f"{value:,.0f}"


def _require(table, columns: list[str], name: str) -> None:
    """The course's one column check (:mod:`course.metrics`), its message naming the table, as an InsightsError."""
    if not isinstance(table, pd.DataFrame):
        raise InsightsError(f"insights(): {name} must be a pandas DataFrame, not a {type(table).__name__}")
    try:
        metrics._require(table, columns, "insights")
    except ValueError as error:
        raise InsightsError(f"the {name} table: {error}") from None


def _day(value, what: str) -> pd.Timestamp:
    try:
        return metrics._day(value, what, "insights")
    except ValueError as error:
        raise InsightsError(str(error)) from None


def _local_days(series: pd.Series) -> pd.Series:
    """Publication times (UTC) as calendar days in Rome, the days the followers table counts in."""
    stamps = pd.to_datetime(series, utc=True)
    return stamps.dt.tz_convert("Europe/Rome").dt.tz_localize(None).dt.normalize()


def _summary(posts: pd.DataFrame, followers: pd.DataFrame) -> pd.Series:
    engagements = float(posts[ENGAGEMENT].to_numpy(dtype=float).sum())
    reach = float(posts["reach"].sum())
    if len(followers):
        ordered = followers.sort_values("date", kind="stable")
        first = ordered.iloc[0]
        start_total = float(first["total"] - first["new"] + first["lost"])
        end_total = float(ordered.iloc[-1]["total"])
        new, lost = float(ordered["new"].sum()), float(ordered["lost"].sum())
    else:
        start_total = end_total = new = lost = float("nan")
    growth = (end_total - start_total) / start_total if start_total and start_total == start_total else float("nan")
    values = [len(posts), reach, float(posts["impressions"].sum()), engagements,
              engagements / reach if reach else float("nan"), float(posts["clicks"].sum()),
              start_total, end_total, new, lost, growth]
    return pd.Series(values, index=list(SUMMARY_ROWS), name="value", dtype=float)


def _window(posts: pd.DataFrame, followers: pd.DataFrame, platform: str, start: pd.Timestamp, end: pd.Timestamp):
    days = _local_days(posts["published_at"])
    chosen = posts[(posts["platform"] == platform) & (days >= start) & (days <= end)].copy()
    chosen["day"] = days[chosen.index]
    follower_dates = pd.to_datetime(followers["date"])
    counted = followers[(followers["platform"] == platform) & (follower_dates >= start) & (follower_dates <= end)].copy()
    counted["date"] = follower_dates[counted.index]
    return chosen, counted


def insights(posts: pd.DataFrame, followers: pd.DataFrame, platform: str, start, end) -> Insights:
    """The figures of one platform's analytics page between ``start`` and ``end`` (both days included).

    ``posts`` and ``followers`` are the course tables (``load_posts()``, ``load_followers()``) or any with
    their columns. Days are Rome calendar days, as in the followers table. The previous period (the
    same number of days just before ``start``) is added for comparison when the data reaches back that far.
    """
    _require(posts, ["post_id", "platform", "published_at", "format", "pillar", "reach", "impressions", "clicks",
                     *ENGAGEMENT], "posts")
    _require(followers, ["date", "platform", "new", "lost", "total"], "followers")
    key = str(platform).strip().lower()
    known = sorted(set(posts["platform"].astype(str)))
    if key not in known:
        raise InsightsError(f"insights(): no posts on platform {platform!r}; the posts table has {', '.join(known)}")
    first, last = _day(start, "start"), _day(end, "end")
    if last < first:
        raise InsightsError(f"insights(): end ({last:%Y-%m-%d}) is before start ({first:%Y-%m-%d})")

    chosen, counted = _window(posts, followers, key, first, last)
    engagements = chosen[ENGAGEMENT].sum(axis=1)
    by_format = (chosen.assign(engagements=engagements).groupby("format", observed=True)
                 .agg(posts=("post_id", "size"), reach=("reach", "sum"), impressions=("impressions", "sum"),
                      engagements=("engagements", "sum")))
    by_format = by_format[by_format["posts"] > 0]
    by_format["engagement rate"] = by_format["engagements"] / by_format["reach"].where(by_format["reach"] > 0)
    by_format["reach per post"] = (by_format["reach"] / by_format["posts"]).round(0)
    by_format = by_format.sort_values("engagement rate", ascending=False)
    by_format.index = by_format.index.astype(str)

    top = chosen.assign(engagements=engagements, published=chosen["day"].dt.strftime("%Y-%m-%d"))
    top["engagement rate"] = top["engagements"] / top["reach"].where(top["reach"] > 0)
    top = top.sort_values(["engagements", "post_id"], ascending=[False, True]).head(5)[list(POST_COLUMNS)]
    top = top.reset_index(drop=True)
    top.index = top.index + 1

    weekly = (chosen.assign(engagements=engagements, week=chosen["day"].dt.to_period("W-SUN").dt.start_time)
              .groupby("week")[["reach", "impressions", "engagements"]].sum())
    follower_days = counted.set_index("date")[["total", "new", "lost"]].sort_index()

    length = last - first + pd.Timedelta(days=1)
    previous = None
    earliest = pd.to_datetime(followers["date"]).min()
    if first - length >= earliest:
        before_posts, before_followers = _window(posts, followers, key, first - length, first - pd.Timedelta(days=1))
        previous = _summary(before_posts, before_followers)
    return Insights(key, first, last, _summary(chosen, counted), by_format[list(FORMAT_COLUMNS)], top, weekly,
                    follower_days, previous)


def periods(followers: pd.DataFrame, last_day=None) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """The periods a learner can pick, as built-in pages offer them: the last 7, 28 and 90 days, each month, the year.

    ``last_day`` is the day the page is read (by default the last day of the followers table).
    """
    _require(followers, ["date"], "followers")
    dates = pd.to_datetime(followers["date"])
    first, last = dates.min().normalize(), _day(last_day, "last_day") if last_day is not None else dates.max().normalize()
    choices: dict[str, tuple[pd.Timestamp, pd.Timestamp]] = {}
    for days in (7, 28, 90):
        choices[f"Last {days} days"] = (last - pd.Timedelta(days=days - 1), last)
    for month in pd.period_range(first, last, freq="M")[::-1]:
        choices[f"{month.start_time:%B %Y}"] = (max(month.start_time, first), min(month.end_time.normalize(), last))
    choices["The whole year"] = (first, last)
    return choices


COLOURS = {"reach": "#1565c0", "impressions": "#90caf9", "engagements": "#2e7d32", "followers": "#6a1b9a",
           "lost": "#c62828"}


def dashboard_figure(page: Insights) -> Figure:
    """The page's three charts on one matplotlib Figure (not pyplot's, so nothing is shown by itself):
    reach and impressions per week, engagement rate per format, and the follower count day by day."""
    figure = Figure(figsize=(12, 3.6), layout="constrained")
    weekly, formats, growth = figure.subplots(1, 3)
    if len(page.weekly):
        spots = np.arange(len(page.weekly))
        weekly.bar(spots - 0.2, page.weekly["impressions"], width=0.4, color=COLOURS["impressions"], label="impressions")
        weekly.bar(spots + 0.2, page.weekly["reach"], width=0.4, color=COLOURS["reach"], label="reach")
        step = max(1, len(spots) // 6)
        weekly.set_xticks(spots[::step], [f"{w:%d %b}" for w in page.weekly.index[::step]], fontsize=8)
        weekly.legend(fontsize=8)
    else:
        weekly.text(0.5, 0.5, "no posts in this period", ha="center", va="center", transform=weekly.transAxes)
    weekly.set_title("Reach and impressions, week by week", fontsize=10)
    weekly.set_xlabel("week starting")

    rates = page.by_format["engagement rate"].dropna().sort_values()
    formats.barh(rates.index, 100 * rates.to_numpy(), color=COLOURS["engagements"])
    for spot, value in enumerate(rates.to_numpy()):
        formats.text(100 * value, spot, f" {100 * value:.1f}%", va="center", fontsize=8)
    formats.set_xlim(0, max(100 * rates.max() * 1.3, 1) if len(rates) else 1)
    formats.set_title("Engagement rate by format (per 100 reached)", fontsize=10)

    if len(page.follower_days):
        growth.plot(page.follower_days.index, page.follower_days["total"], color=COLOURS["followers"])
        locator = AutoDateLocator(maxticks=6)
        growth.xaxis.set_major_locator(locator)
        growth.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        growth.tick_params(axis="x", labelsize=8)
    growth.set_title(f"Followers (net {page.summary['follower growth']:+.1%})"
                     if page.summary["follower growth"] == page.summary["follower growth"] else "Followers", fontsize=10)
    figure.suptitle(page.title, fontsize=11)
    return figure


def figure_png(figure: Figure) -> bytes:
    """A figure as PNG bytes, for an image widget."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=80)
    return buffer.getvalue()


def _number(value: float) -> str:
    return "–" if value != value else f"{value:,.0f}"


def _tiles(page: Insights) -> str:
    """The headline numbers as tiles, each with its change against the previous period."""
    shown = [("posts", "Posts", _number), ("reach", "Reach (summed per post)", _number),
             ("impressions", "Impressions", _number), ("engagements", "Engagements", _number),
             ("engagement rate", "Engagement rate (by reach)", lambda v: "–" if v != v else f"{v:.2%}"),
             ("follower growth", "Follower growth", lambda v: "–" if v != v else f"{v:+.2%}")]
    tiles = []
    for row, label, fmt in shown:
        moved = page.change(row)
        delta = "" if moved != moved or row == "follower growth" else (
            f"<div class='cmw-insights-delta' style='font-size:80%;color:{'#2e7d32' if moved >= 0 else '#c62828'}'>"
            f"{'▲' if moved >= 0 else '▼'} {abs(moved):.0%} vs previous period</div>")
        tiles.append(f"<div class='cmw-insights-tile' data-figure='{html.escape(row)}' style='border:1px solid #ddd;"
                     f"border-radius:6px;padding:.4em .8em;min-width:9em'><div style='font-size:80%;color:#555'>"
                     f"{html.escape(label)}</div><div class='cmw-insights-value' style='font-size:140%;font-weight:bold'>"
                     f"{fmt(page.summary[row])}</div>{delta}</div>")
    return (f"<div class='cmw-insights-title' style='font-weight:bold;font-size:115%'>{html.escape(page.title)}</div>"
            f"<div style='display:flex;flex-wrap:wrap;gap:.5em;margin:.4em 0'>{''.join(tiles)}</div>")


def _tables(page: Insights) -> str:
    formats = page.by_format.copy()
    formats["engagement rate"] = formats["engagement rate"].map(lambda v: "–" if v != v else f"{v:.2%}")
    top = page.top_posts.copy()
    top["engagement rate"] = top["engagement rate"].map(lambda v: "–" if v != v else f"{v:.2%}")
    spots = "".join(f"<li>{html.escape(line)}</li>" for line in page.blind_spots)
    return (f"<div style='display:flex;flex-wrap:wrap;gap:2em'><div><b>By format</b>"
            f"{formats.to_html(classes='cmw-insights-formats', float_format=lambda v: f'{v:,.0f}')}</div>"
            f"<div><b>Top posts by engagements</b>{top.to_html(classes='cmw-insights-top')}</div></div>"
            f"<div class='cmw-insights-blind' style='margin-top:.6em;color:#555'><b>What this page cannot tell you</b>"
            f"<ul>{spots}</ul></div>")


class InsightsDashboard:
    """Pick a platform and a period; the tiles, charts and tables are redrawn from :func:`insights`.

    ``dashboard.platform.value = "tiktok"`` does from code what the drop-down does; ``dashboard.page`` is the
    :class:`Insights` shown. Display it by leaving ``dashboard`` as the last line of a cell.
    """

    def __init__(self, posts: pd.DataFrame, followers: pd.DataFrame, platform: str = "instagram",
                 period: str = "Last 28 days"):
        import ipywidgets as widgets

        self.posts, self.followers = posts, followers
        self.choices = periods(followers)
        if period not in self.choices:
            raise InsightsError(f"InsightsDashboard(): no period {period!r}; choose one of {', '.join(self.choices)}")
        platforms = [p for p in PLATFORMS if p in set(posts["platform"].astype(str))]
        if str(platform) not in platforms:
            raise InsightsError(f"InsightsDashboard(): no posts on platform {platform!r}; choose one of {', '.join(platforms)}")
        self.platform = widgets.Dropdown(options=[(PLATFORM_NAMES.get(p, p), p) for p in platforms], value=platform,
                                         description="Platform")
        self.period = widgets.Dropdown(options=list(self.choices), value=period, description="Period")
        self.tiles = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.tables = widgets.HTML()
        for control in (self.platform, self.period):
            control.observe(self._redraw, names="value")
        self.view = widgets.VBox([widgets.HBox([self.platform, self.period]), self.tiles, self.chart, self.tables])
        self.view.add_class("cmw-insights")
        self.tiles.add_class("cmw-insights-tiles")
        self.chart.add_class("cmw-insights-chart")
        self.page: Insights | None = None
        self._redraw()

    def _redraw(self, change=None) -> None:
        start, end = self.choices[self.period.value]
        self.page = insights(self.posts, self.followers, self.platform.value, start, end)
        self.tiles.value = _tiles(self.page)
        self.chart.value = figure_png(dashboard_figure(self.page))
        self.tables.value = _tables(self.page)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)
