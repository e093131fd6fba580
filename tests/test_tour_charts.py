"""The charts of lesson 5.0 draw what the metrics compute, on the shipped data and on small tables."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from course import metrics  # noqa: E402
from course.datasets import load, tour_charts  # noqa: E402


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in ("posts", "followers", "inbox", "forum_threads", "forum_replies", "members",
                                          "web_sessions", "events", "ab_test", "survey", "listening")}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_every_chart_draws_on_the_course_data(data):
    tiers = metrics.participation_tiers(data["members"], data["forum_replies"])
    figures = [
        tour_charts.followers_growth(data["followers"]),
        tour_charts.engagement_by_denominator(data["posts"]),
        tour_charts.inbox_by_week(data["inbox"]),
        tour_charts.reply_times(data["inbox"]),
        tour_charts.who_answers_first(data["forum_threads"]),
        tour_charts.participation(tiers),
        tour_charts.sessions_by_medium(data["web_sessions"]),
        tour_charts.turn_up(data["events"]),
        tour_charts.ab_test_daily(data["ab_test"]),
        tour_charts.recommend_scores(data["survey"]),
        tour_charts.voice_by_week(data["listening"]),
        tour_charts.where_velora_is_discussed(data["listening"]),
        tour_charts.crisis_side_by_side(data["inbox"], data["followers"], data["listening"])[0],
    ]
    for figure in figures:
        assert figure.axes and all(ax.get_title() or figure._suptitle for ax in figure.axes)


def test_engagement_bars_are_the_metric_in_percent(data):
    figure = tour_charts.engagement_by_denominator(data["posts"])
    ax = figure.axes[0]
    by_reach = metrics.engagement_rate(data["posts"], by="reach", group="platform").sort_values()
    widths = [patch.get_width() for patch in ax.containers[0]]
    assert widths == pytest.approx(list(100 * by_reach.to_numpy()))
    assert [t.get_text() for t in ax.get_yticklabels()] == [str(p) for p in by_reach.index]


def test_places_chart_colours_the_places_without_an_account():
    listening = pd.DataFrame({
        "brand": ["Velora", "Velora", "Velora", "Voltaro"],
        "platform": pd.Categorical(["instagram", "reddit", "quora", "reddit"]),
        "velora_has_account": [True, False, False, False],
        "mentions": [70, 20, 10, 99],
    })
    ax = tour_charts.where_velora_is_discussed(listening).axes[0]
    bars = {t.get_text(): p for t, p in zip(ax.get_yticklabels(), ax.patches)}
    assert {name: bar.get_width() for name, bar in bars.items()} == {"quora": 10, "reddit": 20, "instagram": 70}
    assert matplotlib.colors.to_hex(bars["reddit"].get_facecolor()) == tour_charts.ORANGE
    assert matplotlib.colors.to_hex(bars["instagram"].get_facecolor()) == tour_charts.GREEN


def test_who_answers_first_shares_add_up_per_board():
    threads = pd.DataFrame({"board": ["help", "help", "help", "ideas"],
                            "first_answer_by": ["community", "staff", None, "community"]})
    ax = tour_charts.who_answers_first(threads).axes[0]
    community, staff, unanswered = (np.array([p.get_width() for p in c]) for c in ax.containers)
    assert community.tolist() == pytest.approx([100 / 3, 100]) and staff.tolist() == pytest.approx([100 / 3, 0])
    assert (community + staff + unanswered).tolist() == pytest.approx([100, 100])


def test_crisis_table_covers_the_window_and_shades_the_week(data):
    figure, table = tour_charts.crisis_side_by_side(data["inbox"], data["followers"], data["listening"])
    assert table.index.min() == pd.Timestamp("2026-03-01") and table.index.max() == pd.Timestamp("2026-04-12")
    crisis = table.loc["2026-03-16":"2026-03-22", "complaints"].mean()
    assert crisis > 3 * table.loc["2026-03-01":"2026-03-14", "complaints"].mean()
    shaded = figure.axes[0].patches[0].get_x()
    assert matplotlib.dates.num2date(shaded).strftime("%Y-%m-%d") == "2026-03-16"


def test_a_missing_column_is_named():
    with pytest.raises((KeyError, ValueError), match="velora_has_account"):
        tour_charts.where_velora_is_discussed(pd.DataFrame({"brand": ["Velora"], "platform": ["x"], "mentions": [1]}))
