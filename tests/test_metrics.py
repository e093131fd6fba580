"""Tests of course.metrics: hand-computed examples, edge cases and property tests.

Every expected number in the examples was worked out by hand; the arithmetic is in the comment
next to it. Property tests (hypothesis) check what must hold for any data: rates stay in
[0, 1], shares sum to 1, and group totals add back up to the overall total.
"""

from __future__ import annotations

import doctest
import math
import os
import tempfile
from pathlib import Path

# Hypothesis keeps a cache and an example database in ./.hypothesis by default; this repository's
# pytest config (norecursedirs) then warns about that folder on every run. Keep them in the temp
# directory instead, unless the developer chose a place.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "cmw-hypothesis"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from course import metrics  # noqa: E402
from course.datasets.schema import BRANDS, CHANNELS, INTENTS, PLATFORMS, RESPONDERS, SENTIMENTS  # noqa: E402

# Any warning (a pandas FutureWarning, SettingWithCopyWarning, a numpy RuntimeWarning ...) fails a test.
pytestmark = pytest.mark.filterwarnings("error")

PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------------------------------------
# Builders: tiny tables with the loaders' dtypes
# ----------------------------------------------------------------------------------------------


def utc(*values):
    return pd.to_datetime(list(values), utc=True)


def cat(values, categories):
    return pd.Categorical(values, categories=list(categories))


def make_posts(rows):
    """rows: (platform, reach, impressions, followers, likes, comments, shares, saves)."""
    columns = ["platform", "reach", "impressions", "followers", "likes", "comments", "shares", "saves"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["platform"] = cat(frame["platform"], PLATFORMS)
    for column in columns[1:]:
        frame[column] = frame[column].astype(np.int64)
    return frame


POSTS = make_posts(
    [
        # platform    reach impr  followers likes comments shares saves   interactions
        ("instagram", 1000, 1500, 10000, 30, 5, 3, 2),  # 40
        ("instagram", 0, 0, 10000, 5, 0, 0, 0),  # 5 (reach 0: left out by reach and impressions)
        ("tiktok", 500, 800, 2000, 20, 5, 0, 0),  # 25
    ]
)


def make_inbox(rows):
    """rows: (intent, responder or None, received_at, first_response_at or None, sentiment or None, channel)."""
    intent, responder, received, first, sentiment, channel = zip(*rows) if rows else ([],) * 6
    return pd.DataFrame(
        {
            "message_id": [f"I{i}" for i in range(len(rows))],
            "channel": cat(channel, CHANNELS),
            "author_id": [f"M{i}" for i in range(len(rows))],
            "received_at": pd.to_datetime(list(received), utc=True),
            "intent": cat(intent, INTENTS),
            "sentiment": cat(sentiment, SENTIMENTS),
            "first_response_at": pd.to_datetime(list(first), utc=True),
            "responder": cat(responder, RESPONDERS),
            "escalated": np.zeros(len(rows), dtype=bool),
        }
    )


T0 = "2026-03-02 09:00"
INBOX = make_inbox(
    [
        # intent      responder            received  first reply        sentiment   channel   minutes
        ("question", "community_manager", T0, "2026-03-02 09:20", "positive", "comment"),  # 20
        ("question", "support_agent", T0, "2026-03-02 10:00", "negative", "dm"),  # 60 (= target)
        ("complaint", "support_agent", T0, "2026-03-02 12:00", "negative", "dm"),  # 180
        ("complaint", None, T0, None, "neutral", "review"),  # never answered
        ("spam", None, T0, None, None, "comment"),  # never answered, no label
    ]
)


def empty_like(frame):
    return frame.iloc[0:0]


# ----------------------------------------------------------------------------------------------
# _require and argument checks
# ----------------------------------------------------------------------------------------------


def test_require_names_the_column_and_the_function():
    with pytest.raises(ValueError, match=r"engagement_rate\(\) needs the column 'likes'.*Its columns are: 'reach'"):
        metrics._require(pd.DataFrame({"reach": [1]}), ["reach", "likes"], "engagement_rate")


def test_require_names_every_missing_column():
    with pytest.raises(ValueError, match=r"the columns 'a', 'b'"):
        metrics._require(pd.DataFrame({"c": [1]}), ["a", "b", "c"], "f")


def test_require_accepts_a_complete_frame_and_rejects_non_frames():
    metrics._require(pd.DataFrame({"a": [1], "b": [2]}), ["a", "b"], "f")
    with pytest.raises(TypeError, match="expects a pandas DataFrame"):
        metrics._require([1, 2], ["a"], "f")


@pytest.mark.parametrize(
    "call, column",
    [
        (lambda: metrics.engagement_rate(POSTS.drop(columns="saves")), "saves"),
        (lambda: metrics.engagement_rate(POSTS.drop(columns="reach")), "reach"),
        (lambda: metrics.engagement_rate(POSTS, group="pillar"), "pillar"),
        (lambda: metrics.post_engagement_rate(POSTS.drop(columns="likes")), "likes"),
        (lambda: metrics.reach_and_impressions(POSTS.drop(columns="impressions")), "impressions"),
        (lambda: metrics.follower_growth_rate(pd.DataFrame({"date": [], "platform": [], "new": [], "lost": []})), "total"),
        (lambda: metrics.active_participation_rate(pd.DataFrame({"member_id": []}), INBOX, "2026-03-01", "2026-04-01"), "joined_at"),
        (lambda: metrics.participation_tiers(pd.DataFrame({"member_id": []}), INBOX, author_col="user"), "user"),
        (lambda: metrics.response_time_stats(INBOX.drop(columns="first_response_at")), "first_response_at"),
        (lambda: metrics.response_time_stats(INBOX, by="board"), "board"),
        (lambda: metrics.sentiment_share(INBOX.drop(columns="sentiment")), "sentiment"),
        (lambda: metrics.net_sentiment(INBOX, by="country"), "country"),
        (lambda: metrics.share_of_voice(pd.DataFrame({"brand": ["Velora"]})), "mentions"),
        (lambda: metrics.share_of_voice(pd.DataFrame({"brand": ["Velora"], "mentions": [1]}), freq="W"), "date"),
        (lambda: metrics.super_users(pd.DataFrame({"member_id": ["M1"]}), pd.DataFrame({"author_id": [], "accepted": []})), "super_user"),
        (lambda: metrics.retention_by_cohort(pd.DataFrame({"member_id": []}), INBOX), "joined_at"),
        (lambda: metrics.metrics_report(INBOX.drop(columns="escalated")), "escalated"),
    ],
)
def test_a_missing_column_is_named(call, column):
    with pytest.raises(ValueError, match=f"needs the column '{column}'"):
        call()


# ----------------------------------------------------------------------------------------------
# engagement_rate and post_engagement_rate
# ----------------------------------------------------------------------------------------------


def test_engagement_rate_by_reach_by_hand():
    # (40 + 25) / (1000 + 500) = 65 / 1500; the post with reach 0 is left out (its 5 likes too)
    assert metrics.engagement_rate(POSTS) == pytest.approx(65 / 1500)


def test_engagement_rate_by_impressions_and_followers():
    # impressions: 65 / (1500 + 800) = 65 / 2300
    assert metrics.engagement_rate(POSTS, by="impressions") == pytest.approx(65 / 2300)
    # followers: every post has followers, so all three count: (40 + 5 + 25) / (10000 + 10000 + 2000)
    assert metrics.engagement_rate(POSTS, by="followers") == pytest.approx(70 / 22000)


def test_engagement_rate_with_chosen_interactions():
    # likes only: (30 + 20) / 1500
    assert metrics.engagement_rate(POSTS, interactions="likes") == pytest.approx(50 / 1500)
    # likes + comments: (35 + 25) / 1500
    assert metrics.engagement_rate(POSTS, interactions=["likes", "comments"]) == pytest.approx(60 / 1500)


def test_engagement_rate_per_group():
    rate = metrics.engagement_rate(POSTS, group="platform")
    # instagram: 40 / 1000; tiktok: 25 / 500. Only platforms that have posts appear.
    assert rate.to_dict() == pytest.approx({"instagram": 0.04, "tiktok": 0.05})
    assert rate.name == "engagement_rate"


def test_engagement_rate_per_list_of_groups_gives_a_multiindex():
    posts = POSTS.assign(paid=[True, False, False])
    rate = metrics.engagement_rate(posts, group=["platform", "paid"])
    # (instagram, True): 40 / 1000; (instagram, False): reach 0 only -> NaN; (tiktok, False): 25 / 500
    assert rate.loc[("instagram", True)] == pytest.approx(0.04)
    assert math.isnan(rate.loc[("instagram", False)])
    assert rate.loc[("tiktok", False)] == pytest.approx(0.05)


def test_engagement_rate_zero_and_empty_denominators_give_nan():
    assert math.isnan(metrics.engagement_rate(POSTS.iloc[[1]]))  # reach 0 only
    assert math.isnan(metrics.engagement_rate(empty_like(POSTS)))
    assert len(metrics.engagement_rate(empty_like(POSTS), group="platform")) == 0


def test_engagement_rate_rejects_an_unknown_denominator():
    with pytest.raises(ValueError, match=r"by='likes'.*'reach', 'impressions', 'followers'"):
        metrics.engagement_rate(POSTS, by="likes")
    with pytest.raises(ValueError, match="interactions"):
        metrics.engagement_rate(POSTS, interactions=[])


def test_post_engagement_rate_by_hand():
    rate = metrics.post_engagement_rate(POSTS)
    # 40 / 1000, reach 0 -> NaN, 25 / 500
    assert rate.iloc[0] == pytest.approx(0.04)
    assert math.isnan(rate.iloc[1])
    assert rate.iloc[2] == pytest.approx(0.05)
    assert rate.index.equals(POSTS.index)
    # by followers: 5 / 10000 for the second post
    assert metrics.post_engagement_rate(POSTS, by="followers").iloc[1] == pytest.approx(0.0005)
    assert len(metrics.post_engagement_rate(empty_like(POSTS))) == 0


post_rows = st.lists(
    st.tuples(
        st.sampled_from(["instagram", "tiktok", "x"]),
        st.integers(0, 1000),  # reach
        st.integers(0, 50),
        st.integers(0, 50),
        st.integers(0, 50),
        st.integers(0, 50),
    ),
    max_size=25,
)


def posts_from(rows):
    return make_posts([(p, reach, reach * 2, 1000, a, b, c, d) for p, reach, a, b, c, d in rows])


@PROPERTY
@given(post_rows)
def test_engagement_rate_group_rates_weight_back_to_the_overall_rate(rows):
    posts = posts_from(rows)
    overall = metrics.engagement_rate(posts)
    by_platform = metrics.engagement_rate(posts, group="platform")
    reach = posts.groupby("platform", observed=True)["reach"].sum()
    weights = reach[by_platform.index]
    if reach.sum() == 0:
        assert math.isnan(overall)
    else:
        # overall = sum over groups of (group rate x group reach) / total reach
        assert overall == pytest.approx(float((by_platform.fillna(0) * weights).sum() / weights.sum()))
        assert overall >= 0
        # ... and it is the reach-weighted average of the posts' own rates
        per_post = metrics.post_engagement_rate(posts)
        assert overall == pytest.approx(float((per_post * posts["reach"]).sum() / posts["reach"].sum()))


# ----------------------------------------------------------------------------------------------
# reach_and_impressions
# ----------------------------------------------------------------------------------------------


def test_reach_and_impressions_overall_and_per_group():
    table = metrics.reach_and_impressions(POSTS)
    # reach 1000 + 0 + 500 = 1500; impressions 1500 + 0 + 800 = 2300; frequency 2300 / 1500
    assert table.loc["all", "reach"] == 1500
    assert table.loc["all", "impressions"] == 2300
    assert table.loc["all", "frequency"] == pytest.approx(2300 / 1500)
    per = metrics.reach_and_impressions(POSTS, group="platform")
    # instagram 1500 / 1000 = 1.5; tiktok 800 / 500 = 1.6
    assert per["frequency"].to_dict() == pytest.approx({"instagram": 1.5, "tiktok": 1.6})
    assert list(per.columns) == ["reach", "impressions", "frequency"]


def test_reach_and_impressions_zero_reach_gives_nan_frequency():
    assert math.isnan(metrics.reach_and_impressions(POSTS.iloc[[1]]).loc["all", "frequency"])
    empty = metrics.reach_and_impressions(empty_like(POSTS))
    assert empty.loc["all", "reach"] == 0 and math.isnan(empty.loc["all", "frequency"])


@PROPERTY
@given(post_rows)
def test_reach_per_group_adds_up_to_the_total(rows):
    posts = posts_from(rows)
    overall = metrics.reach_and_impressions(posts)
    per = metrics.reach_and_impressions(posts, group="platform")
    assert per["reach"].sum() == overall.loc["all", "reach"]
    assert per["impressions"].sum() == overall.loc["all", "impressions"]


# ----------------------------------------------------------------------------------------------
# follower_growth_rate
# ----------------------------------------------------------------------------------------------


def make_followers(rows):
    """rows: (date, platform, new, lost, total)."""
    frame = pd.DataFrame(rows, columns=["date", "platform", "new", "lost", "total"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["platform"] = cat(frame["platform"], PLATFORMS)
    for column in ("new", "lost", "total"):
        frame[column] = frame[column].astype(np.int64)
    return frame


FOLLOWERS = make_followers(
    [
        ("2026-02-28", "tiktok", 5, 0, 1000),
        ("2026-03-01", "tiktok", 20, 0, 1020),
        ("2026-03-02", "tiktok", 30, 10, 1040),
        ("2026-03-31", "tiktok", 10, 0, 1050),
        ("2026-04-01", "tiktok", 50, 0, 1100),
        ("2026-03-01", "instagram", 0, 0, 2000),
        ("2026-03-31", "instagram", 0, 20, 1980),
        ("2026-04-01", "instagram", 20, 0, 2000),
    ]
)


def test_follower_growth_single_platform_whole_table():
    # start: 1000 - 5 + 0 = 995 (total at the end of 27 Feb); end: 1100 -> 105 / 995
    assert metrics.follower_growth_rate(FOLLOWERS, platform="tiktok") == pytest.approx(105 / 995)


def test_follower_growth_window_includes_both_days():
    # tiktok in March: start 1020 - 20 + 0 = 1000, end 1050 (31 March) -> 0.05
    assert metrics.follower_growth_rate(FOLLOWERS, "2026-03-01", "2026-03-31", platform="tiktok") == pytest.approx(0.05)
    # both platforms: start 1000 + 2000 = 3000, end 1050 + 1980 = 3030 -> 30 / 3000
    assert metrics.follower_growth_rate(FOLLOWERS, "2026-03-01", "2026-03-31") == pytest.approx(0.01)
    # a time zone on the bounds does not move the day
    assert metrics.follower_growth_rate(
        FOLLOWERS, pd.Timestamp("2026-03-01", tz="Europe/Rome"), pd.Timestamp("2026-03-31 23:00", tz="UTC")
    ) == pytest.approx(0.01)


def test_follower_growth_per_month_and_platform():
    table = metrics.follower_growth_rate(FOLLOWERS, freq="MS")
    assert list(table.index) == list(pd.to_datetime(["2026-02-01", "2026-03-01", "2026-04-01"]))
    assert set(table.columns) == {"tiktok", "instagram"}
    # February, tiktok: start 995, end 1000; instagram has no February rows -> NaN
    assert table.loc["2026-02-01", "tiktok"] == pytest.approx(5 / 995)
    assert math.isnan(table.loc["2026-02-01", "instagram"])
    # March: tiktok 1000 -> 1050; instagram 2000 -> 1980
    assert table.loc["2026-03-01", "tiktok"] == pytest.approx(0.05)
    assert table.loc["2026-03-01", "instagram"] == pytest.approx(-0.01)
    # April: tiktok 1100 - 50 = 1050 -> 1100; instagram 2000 - 20 = 1980 -> 2000
    assert table.loc["2026-04-01", "tiktok"] == pytest.approx(50 / 1050)
    assert table.loc["2026-04-01", "instagram"] == pytest.approx(20 / 1980)


def test_follower_growth_edge_cases():
    assert math.isnan(metrics.follower_growth_rate(empty_like(FOLLOWERS)))
    assert math.isnan(metrics.follower_growth_rate(FOLLOWERS, start="2027-01-01"))  # nothing in the window
    zero = make_followers([("2026-03-01", "x", 4, 0, 4), ("2026-03-02", "x", 1, 0, 5)])
    assert math.isnan(metrics.follower_growth_rate(zero))  # started from 0 followers
    assert metrics.follower_growth_rate(empty_like(FOLLOWERS), freq="MS").empty
    with pytest.raises(ValueError, match=r"platform='TikTok'.*'tiktok'"):
        metrics.follower_growth_rate(FOLLOWERS, platform="TikTok")
    with pytest.raises(ValueError, match="before start"):
        metrics.follower_growth_rate(FOLLOWERS, "2026-04-01", "2026-03-01")
    with pytest.raises(ValueError, match="freq='fortnightly'"):
        metrics.follower_growth_rate(FOLLOWERS, freq="fortnightly")


@PROPERTY
@given(
    st.integers(4000, 6000),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=90),
    st.sampled_from(["x", "tiktok"]),
)
def test_monthly_growth_chains_to_the_whole_period(start_total, moves, platform):
    # a consistent daily table (total = previous total + new - lost) for one platform, never reaching 0
    new, lost = np.array(moves).T
    total = start_total + np.cumsum(new - lost)
    days = pd.date_range("2026-01-20", periods=len(moves), freq="D")
    followers = make_followers([(d, platform, n, l, t) for d, n, l, t in zip(days, new, lost, total)])
    overall = metrics.follower_growth_rate(followers)
    assert overall == pytest.approx((total[-1] - start_total) / start_total)
    monthly = metrics.follower_growth_rate(followers, freq="MS")
    assert list(monthly.columns) == [platform]
    # growing by g1 then by g2 is growing by (1 + g1)(1 + g2) - 1
    assert float(np.prod(1 + monthly[platform].to_numpy())) - 1 == pytest.approx(overall)


# ----------------------------------------------------------------------------------------------
# active_participation_rate, participation_tiers
# ----------------------------------------------------------------------------------------------

MEMBERS = pd.DataFrame(
    {
        "member_id": ["M1", "M2", "M3", "M4"],
        "joined_at": utc("2026-01-05", "2026-02-01", "2026-02-20", "2026-04-02"),
        "super_user": [False, True, False, False],
    }
)
REPLIES = pd.DataFrame(
    {
        "reply_id": ["R1", "R2", "R3", "R4", "R5"],
        "author_id": ["M1", "M1", "M3", "X9", "M2"],
        "created_at": utc("2026-03-02", "2026-03-09", "2026-02-25", "2026-03-03", "2026-04-01"),
        "accepted": [True, False, False, True, False],
    }
)


def test_active_participation_rate_by_hand():
    # March: M1 wrote twice (counted once); M3 wrote in February, X9 is not a member, M2 on 1 April
    # (end excluded). Joined before 1 April: M1, M2, M3 -> 1 / 3
    assert metrics.active_participation_rate(MEMBERS, REPLIES, "2026-03-01", "2026-04-01") == pytest.approx(1 / 3)
    # [1 March, 2 April): M1 and M2 -> 2 / 3 (M4 joined on 2 April, not before the end)
    assert metrics.active_participation_rate(MEMBERS, REPLIES, "2026-03-01", "2026-04-02") == pytest.approx(2 / 3)
    # start is included: a window starting at R5's exact time counts M2 -> 1 / 4 after M4 joined
    assert metrics.active_participation_rate(MEMBERS, REPLIES, "2026-04-01", "2026-05-01") == pytest.approx(1 / 4)


def test_active_participation_rate_time_column():
    inbox = pd.DataFrame({"author_id": ["M2"], "received_at": utc("2026-03-05")})
    assert metrics.active_participation_rate(MEMBERS, inbox, "2026-03-01", "2026-04-01") == pytest.approx(1 / 3)
    renamed = REPLIES.rename(columns={"created_at": "when"})
    with pytest.raises(ValueError, match="received_at.*created_at"):
        metrics.active_participation_rate(MEMBERS, renamed, "2026-03-01", "2026-04-01")
    assert metrics.active_participation_rate(MEMBERS, renamed, "2026-03-01", "2026-04-01", time_col="when") == pytest.approx(1 / 3)
    # tz-aware bounds in another zone: midnight in Rome on 1 April is 22:00 UTC on 31 March
    rome = pd.Timestamp("2026-04-01", tz="Europe/Rome")
    assert metrics.active_participation_rate(MEMBERS, REPLIES, "2026-03-01", rome) == pytest.approx(1 / 3)


def test_active_participation_rate_edge_cases():
    assert math.isnan(metrics.active_participation_rate(empty_like(MEMBERS), REPLIES, "2026-03-01", "2026-04-01"))
    assert metrics.active_participation_rate(MEMBERS, empty_like(REPLIES), "2026-03-01", "2026-04-01") == 0
    with pytest.raises(ValueError, match="must be after start"):
        metrics.active_participation_rate(MEMBERS, REPLIES, "2026-04-01", "2026-03-01")
    with pytest.raises(ValueError, match="not a date"):
        metrics.active_participation_rate(MEMBERS, REPLIES, "last month", "2026-03-01")


def test_participation_tiers_by_hand():
    members = pd.DataFrame({"member_id": [f"M{i}" for i in range(201)]})
    authors = ["M0"] * 10 + ["M1"] * 5 + ["M2"] * 5 + ["M3"] + ["X1"] * 7  # X1 is not a member
    table = metrics.participation_tiers(members, pd.DataFrame({"author_id": authors}))
    # 1% of 201 members, rounded up: 3 heavy (M0, M1, M2 with 20 actions); M3 contributes 1; 197 lurk
    assert table["members"].to_dict() == {"lurkers": 197, "contributors": 1, "heavy": 3}
    assert table["share"].to_dict() == pytest.approx({"lurkers": 197 / 201, "contributors": 1 / 201, "heavy": 3 / 201})
    assert table["actions"].to_dict() == {"lurkers": 0, "contributors": 1, "heavy": 20}
    assert table["actions_share"].to_dict() == pytest.approx({"lurkers": 0, "contributors": 1 / 21, "heavy": 20 / 21})


def test_participation_tiers_heavy_needs_an_action_and_ties_are_capped():
    members = pd.DataFrame({"member_id": [f"M{i}" for i in range(100)]})
    nobody = metrics.participation_tiers(members, pd.DataFrame({"author_id": []}))
    assert nobody["members"].to_dict() == {"lurkers": 100, "contributors": 0, "heavy": 0}
    tie = metrics.participation_tiers(members, pd.DataFrame({"author_id": ["M5", "M5", "M7", "M7"]}))
    # 1% of 100 = 1 heavy member even though two members tie with 2 actions
    assert tie["members"].to_dict() == {"lurkers": 98, "contributors": 1, "heavy": 1}
    empty = metrics.participation_tiers(empty_like(members), pd.DataFrame({"author_id": ["M1"]}))
    assert empty["members"].sum() == 0 and empty["share"].isna().all()


member_activity = st.tuples(st.integers(1, 60), st.lists(st.integers(0, 80), max_size=120))


@PROPERTY
@given(member_activity, st.integers(0, 3))
def test_participation_rates_and_tier_shares(activity, window_start):
    n_members, authored = activity
    members = pd.DataFrame(
        {
            "member_id": [f"M{i}" for i in range(n_members)],
            "joined_at": pd.Timestamp("2026-01-01", tz="UTC") + pd.to_timedelta(np.arange(n_members) * 2, unit="D"),
        }
    )
    actions = pd.DataFrame(
        {
            "author_id": [f"M{a}" for a in authored],  # ids >= n_members are not members
            "created_at": pd.Timestamp("2026-01-01", tz="UTC") + pd.to_timedelta(np.arange(len(authored)), unit="D"),
        }
    )
    rate = metrics.active_participation_rate(members, actions, f"2026-0{window_start + 1}-01", "2026-06-01")
    assert 0 <= rate <= 1
    tiers = metrics.participation_tiers(members, actions)
    assert tiers["members"].sum() == n_members
    assert tiers["share"].sum() == pytest.approx(1)
    assert tiers["members"]["heavy"] <= math.ceil(n_members / 100)
    if tiers["actions"].sum():
        assert tiers["actions_share"].sum() == pytest.approx(1)


# ----------------------------------------------------------------------------------------------
# response_time_stats
# ----------------------------------------------------------------------------------------------


def test_response_time_stats_by_hand():
    stats = metrics.response_time_stats(INBOX, target="1h")
    # answered: 20, 60, 180 minutes; unanswered: 2 of 5
    assert stats["messages"] == 5
    assert stats["answered_share"] == pytest.approx(3 / 5)
    assert stats["median_minutes"] == pytest.approx(60)
    # 90th percentile of [20, 60, 180]: position 0.9 x 2 = 1.8 -> 60 + 0.8 x (180 - 60) = 156
    assert stats["p90_minutes"] == pytest.approx(156)
    # within 1 hour, out of ALL 5 messages: 20 and 60 (exactly one hour counts) -> 2 / 5
    assert stats["within_target_share"] == pytest.approx(2 / 5)
    assert stats["unanswered"] == 2
    assert list(stats.index) == list(metrics.RESPONSE_STATS)


def test_response_time_stats_target_and_intents():
    # 30 minutes: only the 20-minute reply -> 1 / 5
    assert metrics.response_time_stats(INBOX, target="30min")["within_target_share"] == pytest.approx(1 / 5)
    assert metrics.response_time_stats(INBOX, target=pd.Timedelta(hours=3))["within_target_share"] == pytest.approx(3 / 5)
    stats = metrics.response_time_stats(INBOX, intents=("question", "complaint"))
    # the spam message is out of scope: 4 messages, 3 answered, 2 within the hour, 1 unanswered
    assert stats[["messages", "answered_share", "within_target_share", "unanswered"]].tolist() == pytest.approx([4, 0.75, 0.5, 1])
    assert metrics.response_time_stats(INBOX, intents="complaint")["messages"] == 2


def test_response_time_stats_per_group():
    table = metrics.response_time_stats(INBOX, by="intent")
    assert list(table.index) == ["question", "complaint", "spam"]
    # question: 20 and 60 minutes -> median 40, p90 20 + 0.9 x 40 = 56, both within the hour
    assert table.loc["question"].tolist() == pytest.approx([2, 1.0, 40, 56, 1.0, 0])
    # complaint: one 180-minute reply, one unanswered
    assert table.loc["complaint"].tolist() == pytest.approx([2, 0.5, 180, 180, 0.0, 1])
    # spam: nothing answered -> no response time
    spam = table.loc["spam"]
    assert spam["messages"] == 1 and spam["unanswered"] == 1 and spam["answered_share"] == 0
    assert math.isnan(spam["median_minutes"]) and math.isnan(spam["p90_minutes"])
    assert table["messages"].dtype == np.int64


def test_response_time_stats_keeps_the_missing_group():
    table = metrics.response_time_stats(INBOX, by="responder")
    # community_manager 1, support_agent 2, and the 2 unanswered messages with no responder
    assert table["messages"].sum() == 5
    assert table["messages"].tolist() == [1, 2, 2]
    assert table["unanswered"].iloc[-1] == 2


def test_response_time_stats_edge_cases():
    empty = metrics.response_time_stats(empty_like(INBOX))
    assert empty["messages"] == 0 and empty["unanswered"] == 0
    assert empty.drop(["messages", "unanswered"]).isna().all()
    assert metrics.response_time_stats(empty_like(INBOX), by="intent").empty
    silent = metrics.response_time_stats(INBOX.iloc[[3, 4]])
    assert silent["answered_share"] == 0 and silent["within_target_share"] == 0 and math.isnan(silent["median_minutes"])
    with pytest.raises(ValueError, match=r"intents='questions'.*'question'"):
        metrics.response_time_stats(INBOX, intents=["questions"])
    with pytest.raises(ValueError, match="target='an hour'.*'1h'"):
        metrics.response_time_stats(INBOX, target="an hour")
    with pytest.raises(ValueError, match="positive duration"):
        metrics.response_time_stats(INBOX, target="-1h")


inbox_rows = st.lists(
    st.tuples(
        st.sampled_from(INTENTS),
        st.sampled_from([*RESPONDERS, None]),
        st.integers(0, 60 * 24 * 30),  # minutes after 1 March
        st.one_of(st.none(), st.integers(0, 600)),  # minutes to the first reply
        st.sampled_from([*SENTIMENTS, None]),
        st.sampled_from(CHANNELS),
    ),
    max_size=40,
)


def inbox_from(rows):
    base = pd.Timestamp("2026-03-01", tz="UTC")
    return make_inbox(
        [
            (
                intent,
                responder if delay is not None else None,
                base + pd.Timedelta(minutes=at),
                None if delay is None else base + pd.Timedelta(minutes=at + delay),
                sentiment,
                channel,
            )
            for intent, responder, at, delay, sentiment, channel in rows
        ]
    )


@PROPERTY
@given(inbox_rows, st.sampled_from(["15min", "1h", "4h"]))
def test_response_time_stats_properties(rows, target):
    inbox = inbox_from(rows)
    overall = metrics.response_time_stats(inbox, target=target)
    for by in ("intent", "responder", ["channel", "intent"]):
        table = metrics.response_time_stats(inbox, target=target, by=by)
        assert table["messages"].sum() == overall["messages"] == len(inbox)
        assert table["unanswered"].sum() == overall["unanswered"]
        answered = (table["answered_share"] * table["messages"]).sum()
        assert answered == pytest.approx(overall["messages"] - overall["unanswered"])
    for share in ("answered_share", "within_target_share"):
        if len(inbox):
            assert 0 <= overall[share] <= 1
    if len(inbox):
        assert overall["within_target_share"] <= overall["answered_share"]
    if overall["unanswered"] < overall["messages"]:
        assert overall["median_minutes"] <= overall["p90_minutes"]


# ----------------------------------------------------------------------------------------------
# sentiment_share, net_sentiment
# ----------------------------------------------------------------------------------------------


def test_sentiment_share_and_net_sentiment_by_hand():
    share = metrics.sentiment_share(INBOX)
    # labelled: positive, negative, negative, neutral (the spam has no label) -> 2/4, 1/4, 1/4
    assert share.to_dict() == pytest.approx({"negative": 0.5, "neutral": 0.25, "positive": 0.25})
    # (1 positive - 2 negative) / 4
    assert metrics.net_sentiment(INBOX) == pytest.approx(-0.25)


def test_sentiment_per_group():
    share = metrics.sentiment_share(INBOX, by="channel")
    # comment: positive (+ an unlabelled spam); dm: two negatives; review: neutral
    assert share.loc["comment"].tolist() == [0, 0, 1]
    assert share.loc["dm"].tolist() == [1, 0, 0]
    assert share.loc["review"].tolist() == [0, 1, 0]
    net = metrics.net_sentiment(INBOX, by="channel")
    assert net.to_dict() == pytest.approx({"comment": 1.0, "dm": -1.0, "review": 0.0})


def test_sentiment_accepts_plain_text_labels_and_rejects_others():
    frame = pd.DataFrame({"label": ["positive", "positive", "negative", "neutral"]})
    # (2 - 1) / 4
    assert metrics.net_sentiment(frame, column="label") == pytest.approx(0.25)
    with pytest.raises(ValueError, match="'Positive'"):
        metrics.sentiment_share(pd.DataFrame({"sentiment": ["Positive", "negative"]}))


def test_sentiment_edge_cases():
    empty = metrics.sentiment_share(empty_like(INBOX))
    assert list(empty.index) == list(SENTIMENTS) and empty.isna().all()
    assert math.isnan(metrics.net_sentiment(empty_like(INBOX)))
    assert math.isnan(metrics.net_sentiment(INBOX.iloc[[4]]))  # only an unlabelled message
    only_spam = metrics.sentiment_share(INBOX.iloc[[4]], by="intent")
    assert only_spam.loc["spam"].isna().all()


@PROPERTY
@given(inbox_rows)
def test_sentiment_properties(rows):
    inbox = inbox_from(rows)
    labelled = inbox["sentiment"].notna().sum()
    share = metrics.sentiment_share(inbox)
    net = metrics.net_sentiment(inbox)
    if labelled:
        assert share.sum() == pytest.approx(1)
        assert -1 <= net <= 1
        assert net == pytest.approx(share["positive"] - share["negative"])
    else:
        assert share.isna().all() and math.isnan(net)
    per = metrics.sentiment_share(inbox, by="channel")
    for _, row in per.dropna().iterrows():
        assert row.sum() == pytest.approx(1)
    per_net = metrics.net_sentiment(inbox, by=["channel", "intent"]).dropna()
    assert ((per_net >= -1) & (per_net <= 1)).all()
    # weighted by labelled messages, the groups' net sentiment adds back to the overall one
    counts = inbox.groupby("channel", observed=True)["sentiment"].count()
    by_channel = metrics.net_sentiment(inbox, by="channel")
    if labelled:
        assert float((by_channel.fillna(0) * counts[by_channel.index]).sum() / labelled) == pytest.approx(net)


# ----------------------------------------------------------------------------------------------
# score_sentiment
# ----------------------------------------------------------------------------------------------


def test_score_sentiment_with_vader():
    texts = pd.Series(["I love my new bike, it is wonderful!", "Terrible service, the battery died. Awful.", "The bike is blue."])
    labels = metrics.score_sentiment(texts)
    assert labels.tolist() == ["positive", "negative", "neutral"]
    assert list(labels.cat.categories) == list(SENTIMENTS)
    assert labels.index.equals(texts.index)


def test_score_sentiment_thresholds(monkeypatch):
    compound = {"a": 0.05, "b": 0.0499, "c": -0.05, "d": -0.0499, "e": 0.9}
    monkeypatch.setattr(metrics, "_vader_compound", compound.__getitem__)
    # >= 0.05 positive, <= -0.05 negative, in between neutral
    assert metrics.score_sentiment(list("abcde")).tolist() == ["positive", "neutral", "negative", "neutral", "positive"]


def test_score_sentiment_scores_each_distinct_text_once(monkeypatch):
    calls = []

    def fake(text):
        calls.append(text)
        return 0.5

    monkeypatch.setattr(metrics, "_vader_compound", fake)
    out = metrics.score_sentiment(pd.Series(["great"] * 500 + ["fine"] * 300))
    assert sorted(calls) == ["fine", "great"]
    assert (out == "positive").all()


def test_score_sentiment_other_languages_use_the_labels():
    texts = pd.Series(["Adoro questa bici", "I love this bike!", "电池坏了"], index=[10, 11, 12])
    languages = pd.Series(["it", "en", "zh"], index=[10, 11, 12])
    labels = pd.Series(["positive", None, "negative"], index=[10, 11, 12])
    out = metrics.score_sentiment(texts, languages, labels)
    assert out.tolist() == ["positive", "positive", "negative"]
    assert list(out.index) == [10, 11, 12]
    # labels given only for the non-English rows are aligned on the index
    assert metrics.score_sentiment(texts, languages, labels.drop(11)).tolist() == ["positive", "positive", "negative"]


def test_score_sentiment_errors_for_unlabelled_non_english():
    texts = pd.Series(["Adoro questa bici", "Hello"])
    with pytest.raises(ValueError, match="1 text.*not in English.*labels"):
        metrics.score_sentiment(texts, ["it", "en"])
    with pytest.raises(ValueError, match="1 non-English text.*no label"):
        metrics.score_sentiment(texts, ["it", "en"], [None, "neutral"])
    with pytest.raises(ValueError, match="labels must be one of"):
        metrics.score_sentiment(texts, ["it", "en"], ["good", None])
    with pytest.raises(ValueError, match="languages has 1 values for 2 texts"):
        metrics.score_sentiment(texts, ["it"])


def test_score_sentiment_is_lazy_and_handles_empty_input(monkeypatch):
    monkeypatch.setattr(metrics, "_ANALYZER", None)
    assert len(metrics.score_sentiment(pd.Series([], dtype=object))) == 0
    assert metrics.score_sentiment(["Ciao"], ["it"], ["neutral"]).tolist() == ["neutral"]
    assert metrics._ANALYZER is None  # nothing English yet: VADER was not loaded
    assert metrics.score_sentiment(pd.Series(["Great!", None])).tolist() == ["positive", np.nan]
    assert metrics._ANALYZER is not None


# ----------------------------------------------------------------------------------------------
# share_of_voice
# ----------------------------------------------------------------------------------------------

LISTENING = pd.DataFrame(
    {
        # 2 March 2026 is a Monday: the first three rows are in the week ending Sunday 8 March
        "date": pd.to_datetime(["2026-03-02", "2026-03-02", "2026-03-03", "2026-03-10", "2026-03-10"]),
        "brand": cat(["Velora", "Voltaro", "Cityglide", "Velora", "Pedalia"], BRANDS),
        "platform": cat(["x", "x", "x", "tiktok", "tiktok"], PLATFORMS),
        "mentions": np.array([30, 50, 20, 10, 30], dtype=np.int64),
    }
)


def test_share_of_voice_by_hand():
    # Velora (30 + 10) / all (30 + 50 + 20 + 10 + 30 = 140)
    assert metrics.share_of_voice(LISTENING) == pytest.approx(40 / 140)
    # Voltaro: 50 / 140
    assert metrics.share_of_voice(LISTENING, brand="Voltaro") == pytest.approx(50 / 140)
    by_platform = metrics.share_of_voice(LISTENING, by="platform")
    # x: 30 / 100; tiktok: 10 / 40
    assert by_platform.to_dict() == pytest.approx({"x": 0.3, "tiktok": 0.25})


def test_share_of_voice_per_week():
    weekly = metrics.share_of_voice(LISTENING, freq="W")
    # week ending 8 March: 30 / 100; week ending 15 March: 10 / 40
    assert weekly.to_dict() == pytest.approx({pd.Timestamp("2026-03-08"): 0.3, pd.Timestamp("2026-03-15"): 0.25})
    table = metrics.share_of_voice(LISTENING, by="platform", freq="W")
    assert table.loc["2026-03-08", "x"] == pytest.approx(0.3)
    assert table.loc["2026-03-15", "tiktok"] == pytest.approx(0.25)
    assert math.isnan(table.loc["2026-03-08", "tiktok"])


def test_share_of_voice_edge_cases():
    assert math.isnan(metrics.share_of_voice(empty_like(LISTENING)))
    assert metrics.share_of_voice(LISTENING[LISTENING["brand"] != "Velora"]) == 0
    with pytest.raises(ValueError, match=r"brand='velora'.*'Velora'"):
        metrics.share_of_voice(LISTENING, brand="velora")


@PROPERTY
@given(
    st.lists(
        st.tuples(st.sampled_from(BRANDS), st.sampled_from(["x", "tiktok", "forum"]), st.integers(0, 100), st.integers(0, 20)),
        max_size=30,
    )
)
def test_share_of_voice_properties(rows):
    listening = pd.DataFrame(rows, columns=["brand", "platform", "mentions", "day"])
    listening["date"] = pd.Timestamp("2026-03-01") + pd.to_timedelta(listening["day"], unit="D")
    shares = [metrics.share_of_voice(listening, brand=b) for b in BRANDS]
    if listening["mentions"].sum():
        assert sum(shares) == pytest.approx(1)
        assert all(0 <= s <= 1 for s in shares)
        by = metrics.share_of_voice(listening, by="platform")
        weights = listening.groupby("platform")["mentions"].sum()[by.index]
        assert float((by.fillna(0) * weights).sum() / weights.sum()) == pytest.approx(shares[0])
    else:
        assert all(math.isnan(s) for s in shares)
    weekly = metrics.share_of_voice(listening, freq="W").dropna()
    assert ((weekly >= 0) & (weekly <= 1)).all()


# ----------------------------------------------------------------------------------------------
# super_users
# ----------------------------------------------------------------------------------------------

FORUM_MEMBERS = pd.DataFrame({"member_id": ["M1", "M2", "M3", "M4"], "super_user": [False, True, False, True]})
FORUM_REPLIES = pd.DataFrame(
    {
        "author_id": ["M1", "M2", "M2", "M2", "M3", "M3", "X1", "X1", "X1", "X1"],
        "accepted": [True, True, False, True, False, False, True, True, True, True],
    }
)


def test_super_users_by_hand():
    # repliers among members: M2 (3 replies, 2 accepted), M3 (2, 0), M1 (1, 1); X1 is not a member
    top = metrics.super_users(FORUM_MEMBERS, FORUM_REPLIES, top_share=0.5)
    # 50% of 3 repliers, rounded up -> 2
    assert top.to_dict("list") == {
        "member_id": ["M2", "M3"],
        "replies": [3, 2],
        "accepted_answers": [2, 0],
        "flagged": [True, False],
    }
    # default 1% of 3 -> 1
    assert metrics.super_users(FORUM_MEMBERS, FORUM_REPLIES)["member_id"].tolist() == ["M2"]
    everyone = metrics.super_users(FORUM_MEMBERS, FORUM_REPLIES, top_share=1)
    assert everyone["member_id"].tolist() == ["M2", "M3", "M1"]  # M4 never replied


def test_super_users_threads_and_min_accepted():
    threads = pd.DataFrame({"author_id": ["M3", "M3", "M4"]})
    top = metrics.super_users(FORUM_MEMBERS, FORUM_REPLIES, threads=threads, top_share=1, min_accepted=1)
    # min_accepted=1 drops M3 (0 accepted answers); M2 and M1 opened no thread
    assert top["member_id"].tolist() == ["M2", "M1"]
    assert top["threads"].tolist() == [0, 0]
    assert list(top.columns) == ["member_id", "replies", "accepted_answers", "threads", "flagged"]


def test_super_users_edge_cases():
    none = metrics.super_users(FORUM_MEMBERS, empty_like(FORUM_REPLIES))
    assert none.empty and list(none.columns) == ["member_id", "replies", "accepted_answers", "flagged"]
    for bad in (0, 1.5, "1%"):
        with pytest.raises(ValueError, match="top_share"):
            metrics.super_users(FORUM_MEMBERS, FORUM_REPLIES, top_share=bad)
    with pytest.raises(ValueError, match="min_accepted"):
        metrics.super_users(FORUM_MEMBERS, FORUM_REPLIES, min_accepted=-1)


# ----------------------------------------------------------------------------------------------
# retention_by_cohort
# ----------------------------------------------------------------------------------------------


def test_retention_by_cohort_by_hand():
    members = pd.DataFrame({"member_id": ["M1", "M2", "M3"], "joined_at": utc("2026-01-10", "2026-01-20", "2026-02-03")})
    actions = pd.DataFrame(
        {
            "author_id": ["M1", "M1", "M2", "M3", "M3", "X1"],
            "created_at": utc("2026-01-11", "2026-02-15", "2026-03-01", "2026-02-04", "2026-01-30", "2026-03-05"),
        }
    )
    table = metrics.retention_by_cohort(members, actions, periods=3)
    # January cohort (M1, M2): month 0 M1, month 1 M1, month 2 (March) M2 -> 1/2 each
    # February cohort (M3): month 0 yes; month 1 (March) no; month 2 (April) is after the data -> NaN.
    # M3's action of 30 January (before joining) and X1 (not a member) are ignored.
    assert list(table.columns) == ["members", 0, 1, 2]
    assert [str(p) for p in table.index] == ["2026-01", "2026-02"]
    assert table["members"].tolist() == [2, 1]
    assert table.loc[pd.Period("2026-01", "M"), [0, 1, 2]].tolist() == [0.5, 0.5, 0.5]
    february = table.loc[pd.Period("2026-02", "M"), [0, 1, 2]]
    assert february[0] == 1.0 and february[1] == 0.0 and math.isnan(february[2])


def test_retention_by_cohort_weekly_and_inbox():
    members = pd.DataFrame({"member_id": ["M1", "M2"], "joined_at": utc("2026-03-02", "2026-03-08")})  # same week
    inbox = pd.DataFrame({"author_id": ["M2", "M1"], "received_at": utc("2026-03-09", "2026-03-20")})
    table = metrics.retention_by_cohort(members, inbox, freq="W", periods=3)
    # week 0: nobody; week 1 (9-15 March): M2; week 2 (16-22 March): M1
    assert table["members"].tolist() == [2]
    assert table[[0, 1, 2]].iloc[0].tolist() == [0.0, 0.5, 0.5]


def test_retention_by_cohort_edge_cases():
    members = pd.DataFrame({"member_id": ["M1"], "joined_at": utc("2026-01-10")})
    no_actions = metrics.retention_by_cohort(members, pd.DataFrame({"author_id": [], "created_at": utc()}), periods=2)
    # nothing after January in the data: month 0 is 0, month 1 has not happened
    assert no_actions.iloc[0, 1] == 0 and math.isnan(no_actions.iloc[0, 2])
    empty = metrics.retention_by_cohort(empty_like(members), pd.DataFrame({"author_id": [], "created_at": utc()}))
    assert empty.empty and list(empty.columns) == ["members", 0, 1, 2, 3, 4, 5]
    with pytest.raises(ValueError, match=r"freq='month'.*'MS'"):
        metrics.retention_by_cohort(members, REPLIES, freq="month")
    with pytest.raises(ValueError, match="periods"):
        metrics.retention_by_cohort(members, REPLIES, periods=0)


@PROPERTY
@given(
    st.lists(st.integers(0, 200), min_size=1, max_size=20),
    st.lists(st.tuples(st.integers(0, 25), st.integers(0, 250)), max_size=60),
)
def test_retention_properties(join_days, acts):
    base = pd.Timestamp("2026-01-01", tz="UTC")
    members = pd.DataFrame(
        {"member_id": [f"M{i}" for i in range(len(join_days))], "joined_at": base + pd.to_timedelta(join_days, unit="D")}
    )
    actions = pd.DataFrame(
        {"author_id": [f"M{m}" for m, _ in acts], "created_at": base + pd.to_timedelta([d for _, d in acts], unit="D")}
    )
    table = metrics.retention_by_cohort(members, actions, periods=4)
    assert table["members"].sum() == len(members)
    values = table[[0, 1, 2, 3]].to_numpy()
    finite = values[~np.isnan(values)]
    assert ((finite >= 0) & (finite <= 1)).all()
    # the last cohort can only be observed for its own period onwards: NaN only at the end of a row
    for row in values:
        nans = np.isnan(row)
        assert not nans.any() or nans[np.argmax(nans):].all()


# ----------------------------------------------------------------------------------------------
# metrics_report
# ----------------------------------------------------------------------------------------------


def test_metrics_report_inbox_only():
    report = metrics.metrics_report(INBOX)
    assert report["messages"] == 5
    assert report["by_channel"].to_dict() == {"comment": 2, "mention": 0, "dm": 2, "review": 1, "forum": 0}
    assert report["intent_mix"]["complaint"] == pytest.approx(2 / 5)
    pd.testing.assert_series_equal(report["response_time"], metrics.response_time_stats(INBOX))
    pd.testing.assert_frame_equal(report["response_time_by_intent"], metrics.response_time_stats(INBOX, by="intent"))
    pd.testing.assert_series_equal(report["sentiment_share"], metrics.sentiment_share(INBOX))
    assert report["net_sentiment"] == pytest.approx(-0.25)
    assert report["escalation_rate"] == 0
    # all five messages arrived on Monday 2 March: one week, ending Sunday 8 March
    assert report["weekly_net_sentiment"].to_dict() == pytest.approx({pd.Timestamp("2026-03-08", tz="UTC"): -0.25})


@PROPERTY
@given(inbox_rows)
def test_weekly_net_sentiment_matches_resample(rows):
    inbox = inbox_from(rows)
    weekly = metrics.metrics_report(inbox)["weekly_net_sentiment"]
    signed = inbox["sentiment"].map({"negative": -1.0, "neutral": 0.0, "positive": 1.0}).astype(float)
    expected = pd.Series(signed.to_numpy(), index=pd.DatetimeIndex(inbox["received_at"])).resample("W").mean()
    assert weekly.index.equals(expected.index)
    np.testing.assert_allclose(weekly.to_numpy(), expected.to_numpy())


def test_metrics_report_with_every_table():
    inbox = INBOX.assign(author_id=["M1", "M1", "M2", "X1", "M1"])
    report = metrics.metrics_report(inbox, posts=POSTS, members=MEMBERS, followers=FOLLOWERS)
    assert report["engagement_rate"] == pytest.approx(65 / 1500)
    assert report["engagement_rate_by_platform"]["tiktok"] == pytest.approx(0.05)
    assert report["reach_and_impressions"].loc["instagram", "frequency"] == pytest.approx(1.5)
    # inbox authors: M1 three times, M2 once -> 4 members, 1 heavy (M1), 1 contributor (M2)
    assert report["participation_tiers"]["members"].to_dict() == {"lurkers": 2, "contributors": 1, "heavy": 1}
    # last 30 days up to the end of 2 March: M1 and M2 wrote; M1-M3 had joined -> 2 / 3
    assert report["active_participation_rate"] == pytest.approx(2 / 3)
    assert report["follower_growth"] == pytest.approx((3100 - 2995) / 2995)  # start 995 + 2000, end 1100 + 2000
    assert report["follower_growth_monthly"].shape == (3, 2)


def test_metrics_report_on_an_empty_inbox():
    report = metrics.metrics_report(empty_like(INBOX))
    assert report["messages"] == 0
    assert math.isnan(report["net_sentiment"]) and math.isnan(report["escalation_rate"])
    assert report["weekly_net_sentiment"].empty


def test_metrics_report_on_a_larger_synthetic_inbox():
    rng = np.random.default_rng(7)
    n = 20_000
    received = pd.Timestamp("2026-01-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 90 * 1440, n), unit="min")
    delay = pd.to_timedelta(rng.integers(1, 600, n), unit="min")
    answered = rng.random(n) < 0.8
    inbox = pd.DataFrame(
        {
            "channel": pd.Categorical.from_codes(rng.integers(0, len(CHANNELS), n), categories=list(CHANNELS)),
            "intent": pd.Categorical.from_codes(rng.integers(0, len(INTENTS), n), categories=list(INTENTS)),
            "sentiment": pd.Categorical.from_codes(rng.integers(-1, 3, n), categories=list(SENTIMENTS)),
            "escalated": rng.random(n) < 0.05,
            "received_at": received,
            "first_response_at": (received + delay).where(answered),
        }
    )
    report = metrics.metrics_report(inbox)
    assert report["by_channel"].sum() == n
    assert report["intent_mix"].sum() == pytest.approx(1)
    assert report["response_time_by_intent"]["messages"].sum() == n
    assert report["response_time"]["unanswered"] == (~answered).sum()
    assert report["sentiment_share"].sum() == pytest.approx(1)


# ----------------------------------------------------------------------------------------------
# The docstring examples run and give what they say
# ----------------------------------------------------------------------------------------------


def test_docstring_examples():
    result = doctest.testmod(metrics, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 20
    assert result.failed == 0
