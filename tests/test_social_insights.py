"""The insights dashboard: the figures match the tables they come from, the periods are the ones a page offers,
bad input is refused with a clear message, and the widget redraws on a change without printing anything."""

from __future__ import annotations

import re

import matplotlib
import pandas as pd
import pytest

from course import metrics
from course.datasets import load_followers, load_posts
from course.social.insights import (BLIND_SPOTS, Insights, InsightsDashboard, InsightsError, dashboard_figure,
                                    figure_png, insights, periods)

matplotlib.use("Agg")

POSTS, FOLLOWERS = load_posts(), load_followers()
MAY = ("2026-05-01", "2026-05-31")


def _may_posts(platform="instagram") -> pd.DataFrame:
    days = pd.to_datetime(POSTS["published_at"], utc=True).dt.tz_convert("Europe/Rome").dt.tz_localize(None)
    return POSTS[(POSTS["platform"] == platform) & (days >= "2026-05-01") & (days < "2026-06-01")]


def test_the_summary_adds_up_the_posts_of_the_platform_and_period():
    page = insights(POSTS, FOLLOWERS, "instagram", *MAY)
    chosen = _may_posts()
    assert page.summary["posts"] == len(chosen)
    assert page.summary["reach"] == chosen["reach"].sum()
    assert page.summary["impressions"] == chosen["impressions"].sum()
    assert page.summary["engagements"] == chosen[["likes", "comments", "shares", "saves"]].to_numpy().sum()
    assert page.summary["engagement rate"] == pytest.approx(metrics.engagement_rate(chosen))
    assert page.summary["follower growth"] == pytest.approx(
        metrics.follower_growth_rate(FOLLOWERS, *MAY, platform="instagram"))


def test_by_format_is_a_ratio_of_totals_sorted_best_first_and_adds_up_to_the_summary():
    page = insights(POSTS, FOLLOWERS, "instagram", "2025-11-01", "2026-10-31")
    formats = page.by_format
    assert list(formats.columns) == ["posts", "reach", "impressions", "engagements", "engagement rate", "reach per post"]
    assert formats["posts"].sum() == page.summary["posts"] and formats["reach"].sum() == page.summary["reach"]
    assert formats["engagement rate"].is_monotonic_decreasing
    assert formats.index[0] == "carousel"  # the lesson's exercise 2 rests on it
    assert formats["reach per post"].idxmax() == "short_video"
    expected = metrics.engagement_rate(POSTS[POSTS["platform"] == "instagram"], group="format")
    for fmt, rate in formats["engagement rate"].items():
        assert rate == pytest.approx(expected[fmt])


def test_top_posts_are_the_most_engaged_and_the_year_top_is_the_boosted_outlier():
    page = insights(POSTS, FOLLOWERS, "instagram", "2025-11-01", "2026-10-31")
    assert list(page.top_posts.index) == [1, 2, 3, 4, 5]
    assert page.top_posts["engagements"].is_monotonic_decreasing
    top = POSTS.set_index("post_id").loc[page.top_posts.iloc[0]["post_id"]]
    assert bool(top["paid"]) and top["format"] == "short_video"
    assert page.top_posts.iloc[0]["engagement rate"] < page.summary["engagement rate"]


def test_a_different_platform_or_period_gives_a_different_page():
    instagram = insights(POSTS, FOLLOWERS, "instagram", *MAY)
    tiktok = insights(POSTS, FOLLOWERS, "tiktok", *MAY)
    june = insights(POSTS, FOLLOWERS, "instagram", "2026-06-01", "2026-06-30")
    assert tiktok.summary["posts"] == len(_may_posts("tiktok"))
    assert not instagram.summary.equals(tiktok.summary) and not instagram.summary.equals(june.summary)
    assert set(tiktok.by_format.index) == {"short_video"}
    assert "TikTok" in tiktok.title and "Instagram" in instagram.title


def test_the_previous_period_has_the_same_length_and_is_left_out_before_the_data_starts():
    may = insights(POSTS, FOLLOWERS, "instagram", *MAY)
    april = insights(POSTS, FOLLOWERS, "instagram", "2026-03-31", "2026-04-30")  # the 31 days just before
    assert may.previous.equals(april.summary)
    assert may.change("posts") == pytest.approx((may.summary["posts"] - april.summary["posts"]) / april.summary["posts"])
    first = insights(POSTS, FOLLOWERS, "instagram", "2025-11-01", "2025-11-30")
    assert first.previous is None and pd.isna(first.change("reach"))
    assert list(first.table().columns) == ["this period"]
    assert list(may.table().columns) == ["this period", "previous period", "change"]
    assert may.table().loc["engagement rate", "this period"].endswith("%")


def test_a_period_without_posts_gives_zeros_and_nan_rates_not_an_error():
    quiet = POSTS[POSTS["platform"] != "linkedin"].copy()
    page = insights(pd.concat([quiet, POSTS[POSTS["platform"] == "linkedin"].head(1)]), FOLLOWERS, "linkedin", *MAY)
    assert page.summary["posts"] == 0 and pd.isna(page.summary["engagement rate"])
    assert page.by_format.empty and page.top_posts.empty
    figure_png(dashboard_figure(page))  # draws "no posts in this period" rather than failing


def test_the_periods_offered_are_those_of_a_built_in_page():
    choices = periods(FOLLOWERS)
    assert list(choices)[:3] == ["Last 7 days", "Last 28 days", "Last 90 days"]
    assert choices["Last 28 days"] == (pd.Timestamp("2026-10-04"), pd.Timestamp("2026-10-31"))
    assert choices["May 2026"] == (pd.Timestamp("2026-05-01"), pd.Timestamp("2026-05-31"))
    assert choices["The whole year"] == (pd.Timestamp("2025-11-01"), pd.Timestamp("2026-10-31"))
    assert sum(label.endswith(("2025", "2026")) for label in choices) == 12


@pytest.mark.parametrize("call, words", [
    (lambda: insights(POSTS, FOLLOWERS, "myspace", *MAY), "no posts on platform 'myspace'"),
    (lambda: insights(POSTS, FOLLOWERS, "instagram", "2026-05-31", "2026-05-01"), "is before start"),
    (lambda: insights(POSTS, FOLLOWERS, "instagram", "next tuesday", "2026-05-01"), "start='next tuesday' is not a date"),
    (lambda: insights(POSTS.drop(columns="reach"), FOLLOWERS, "instagram", *MAY), "the posts table: insights() needs the column 'reach'"),
    (lambda: insights(POSTS, FOLLOWERS.drop(columns="lost"), "instagram", *MAY), "the followers table: insights() needs the column 'lost'"),
    (lambda: insights("posts.csv", FOLLOWERS, "instagram", *MAY), "must be a pandas DataFrame"),
    (lambda: InsightsDashboard(POSTS, FOLLOWERS, period="Last 3 years"), "no period 'Last 3 years'"),
    (lambda: InsightsDashboard(POSTS, FOLLOWERS, platform="myspace"), "no posts on platform 'myspace'"),
])
def test_bad_input_is_refused_naming_what_and_where(call, words):
    with pytest.raises(InsightsError, match=re.escape(words)):
        call()


def test_the_page_says_what_it_cannot_tell():
    page = insights(POSTS, FOLLOWERS, "instagram", *MAY)
    assert page.blind_spots == BLIND_SPOTS
    assert any("UTM" in line for line in BLIND_SPOTS) and any("survey" in line for line in BLIND_SPOTS)


def test_the_widget_redraws_when_the_platform_or_period_changes_and_prints_nothing(capsys):
    board = InsightsDashboard(POSTS, FOLLOWERS, platform="instagram", period="May 2026")
    before = (board.tiles.value, board.chart.value, board.tables.value)
    assert isinstance(board.page, Insights) and board.page.platform == "instagram"
    assert "Instagram Insights" in board.tiles.value and board.chart.value[:4] == b"\x89PNG"
    assert "What this page cannot tell you" in board.tables.value
    board.platform.value = "tiktok"
    assert board.page.platform == "tiktok" and "TikTok Analytics" in board.tiles.value
    assert board.tiles.value != before[0] and board.chart.value != before[1] and board.tables.value != before[2]
    board.period.value = "The whole year"
    assert board.page.start == pd.Timestamp("2025-11-01")
    assert capsys.readouterr() == ("", ""), "a redraw prints nothing"
    assert "cmw-insights" in board.view._dom_classes


def test_the_figure_is_not_pyplot_s_so_a_notebook_shows_no_stray_figure():
    import matplotlib.pyplot as plt

    open_before = plt.get_fignums()
    figure = dashboard_figure(insights(POSTS, FOLLOWERS, "x", *MAY))
    assert plt.get_fignums() == open_before
    assert len(figure.axes) == 3 and "X Analytics" in figure._suptitle.get_text()


def test_in_a_real_kernel_a_redraw_shows_the_widget_once_and_prints_nothing():
    """With the inline backend a stray pyplot figure or a repr would show up as an output of the changing cell."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("%matplotlib inline\nfrom course.datasets import load_followers, load_posts\n"
                                  "from course.social.insights import InsightsDashboard\n"
                                  "board = InsightsDashboard(load_posts(), load_followers())\nboard"),
        nbformat.v4.new_code_cell("before = board.chart.value\nboard.platform.value = 'facebook'\n"
                                  "board.period.value = 'March 2026'\nboard.platform.value = 'forum'"),
        nbformat.v4.new_code_cell("print(board.page.platform, board.page.start.date(), board.chart.value != before)"),
    ])
    NotebookClient(nb, timeout=90, kernel_name="python3").execute()
    shown = nb.cells[0].outputs
    assert len(shown) == 1 and "application/vnd.jupyter.widget-view+json" in shown[0]["data"]
    assert nb.cells[1].outputs == [], "a redraw leaves no output: no Figure repr, no warning"
    assert nb.cells[2].outputs[0]["text"].split() == ["forum", "2026-03-01", "True"]
