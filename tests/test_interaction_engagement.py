"""The engagement lab (lesson 4.1): conversation rates with their denominator and the posts behind them,
the hashtag campaign, live sessions, member-to-member help, ranking post ideas, and its charts."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from course.datasets import load, load_events, load_inbox, load_posts  # noqa: E402
from course.interaction import engagement as eng  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def posts():
    return load_posts()


def _posts(rows):
    """A small posts table: (platform, format, pillar, reach, comments, published day)."""
    frame = pd.DataFrame(rows, columns=["platform", "format", "pillar", "reach", "comments", "day"])
    frame["published_at"] = pd.to_datetime(frame.pop("day")).dt.tz_localize("UTC") + pd.Timedelta(hours=9)
    frame["paid"] = False
    frame["shares"] = 0
    frame["campaign"] = None
    return frame


# --------------------------------------------------------------------------- questions
@pytest.mark.parametrize("text", ["Where does your favourite river ride start?", "Which batch? 你的车怎么样",
                                  "Poll: test-ride point in Utrecht", "Tell us. How do you carry your shopping",
                                  "Qual è il tuo giro preferito？", "你喜欢骑车吗"])
def test_a_question_is_recognised(text):
    assert eng.asks_question(text) is True


@pytest.mark.parametrize("text", ["Ride safe!", "Spring sale: 15% off this week.", "", "How-to", "Is."])
def test_a_statement_is_not_a_question(text):
    assert eng.asks_question(text) is False


def test_asks_question_reads_a_column_and_refuses_a_number():
    assert eng.asks_question(pd.Series(["Why?", None, "Done."])).tolist() == [True, False, False]
    assert eng.asks_question(None) is False
    with pytest.raises(eng.EngagementError, match="reads text"):
        eng.asks_question(42)


# --------------------------------------------------------------------------- conversation rates
def test_the_rate_is_comments_per_1000_reached_from_totals_and_counts_the_posts():
    table = _posts([("x", "text", "product", 1000, 1, "2026-01-05"), ("x", "image", "product", 3000, 9, "2026-01-06"),
                    ("forum", "thread", "how_to", 100, 10, "2026-01-07")])
    rates = eng.conversation_rates(table, by="platform")
    assert rates.loc["x", "posts"] == 2 and rates.loc["x", "comments_per_1000"] == 2.5  # 10 / 4000, not the mean of 1 and 3
    assert rates.loc["forum", "comments_per_1000"] == 100.0
    assert not rates["enough_posts"].any()


def test_vs_platform_takes_the_platform_out_of_a_format_comparison():
    # threads live on the chatty forum; on X the image does three times as well as the text post
    table = _posts([("x", "text", "product", 1000, 1, "2026-01-05"), ("x", "image", "product", 1000, 3, "2026-01-06"),
                    ("forum", "thread", "how_to", 1000, 50, "2026-01-07")])
    rates = eng.conversation_rates(table, by="format")
    assert rates.loc["thread", "comments_per_1000"] == 50.0 and rates.loc["thread", "vs_platform"] == 1.0
    assert rates.loc["image", "vs_platform"] == 1.5 and rates.loc["text", "vs_platform"] == 0.5
    assert list(rates.index) == ["image", "thread", "text"]


def test_the_crisis_week_is_left_out_unless_asked_for():
    table = _posts([("x", "text", "product", 1000, 1, "2026-03-10"), ("x", "text", "product", 1000, 40, "2026-03-17")])
    assert eng.conversation_rates(table)["posts"].sum() == 1
    assert eng.conversation_rates(table, skip_crisis=False).loc["x", "comments"] == 41


def test_asking_by_question_needs_text_and_works_with_it():
    table = _posts([("x", "text", "product", 1000, 1, "2026-01-05"), ("x", "text", "product", 1000, 5, "2026-01-06")])
    with pytest.raises(eng.EngagementError, match="no 'text' column"):
        eng.conversation_rates(table, by="asks_question")
    table["text"] = ["New colours are in.", "Which colour would you pick?"]
    rates = eng.conversation_rates(table, by="asks_question")
    assert rates.loc[True, "comments"] == 5 and rates.loc[False, "comments"] == 1


def test_a_missing_column_is_named(posts):
    with pytest.raises(eng.EngagementError, match="no column 'mood'"):
        eng.conversation_rates(posts, by="mood")
    with pytest.raises(eng.EngagementError, match="'comments'"):
        eng.conversation_rates(posts.drop(columns="comments"))
    with pytest.raises(eng.EngagementError, match="DataFrame"):
        eng.conversation_rates([1, 2, 3])


def test_on_velora_data_platforms_differ_far_more_than_formats_and_stories_beat_promotions(posts):
    by_platform = eng.conversation_rates(posts, by="platform")
    assert by_platform["comments_per_1000"].max() > 100 * by_platform["comments_per_1000"].min()
    assert (by_platform["vs_platform"] == 1.0).all()
    by_format = eng.conversation_rates(posts, by="format")
    assert by_format["vs_platform"].between(0.85, 1.2).all()
    by_pillar = eng.conversation_rates(posts, by="pillar")
    assert by_pillar.index[0] == "rider_stories" and by_pillar.index[-1] == "promotion"
    paid = eng.conversation_rates(posts, by="paid")
    assert paid.loc[True, "vs_platform"] < paid.loc[False, "vs_platform"]
    assert by_pillar["posts"].sum() == len(posts[posts["reach"] > 0]) - 40  # the crisis week's 40 posts left out


def test_forum_threads_are_split_by_whether_their_title_asks():
    threads = load("forum_threads")
    split = eng.question_threads(threads, board="help")
    assert split["threads"].sum() == (threads["board"] == "help").sum()
    assert set(split.index) == {"asks a question", "does not ask"}
    assert eng.question_threads(threads, board=None)["threads"].sum() == len(threads)


# --------------------------------------------------------------------------- the campaign
def test_the_campaign_posts_are_set_against_the_same_weeks_and_the_weeks_before(posts):
    effect = eng.campaign_effect(posts, "FirstRideVelora")
    assert list(effect.index) == ["#FirstRideVelora posts", "other posts, same weeks", "all posts, 8 weeks before"]
    assert effect.loc["#FirstRideVelora posts", "posts"] == (posts["campaign"] == "FirstRideVelora").sum()
    assert effect.loc["#FirstRideVelora posts", "shares_vs_platform"] > 1.5
    assert effect.loc["#FirstRideVelora posts", "comments_vs_platform"] > effect.loc["other posts, same weeks",
                                                                                      "comments_vs_platform"]
    with pytest.raises(eng.EngagementError, match="'FirstRideVelora'"):
        eng.campaign_effect(posts, "FirstRide")


def test_members_hashtag_posts_are_counted_per_week_with_who_answered():
    inbox = load_inbox()
    weeks = eng.ugc_weeks(inbox)
    assert len(weeks) == 8 and str(weeks.index[0]) == "2026-05-04"
    total = weeks[["answered_by_velora", "answered_by_members", "not_answered"]].sum(axis=1)
    assert (total == weeks["member_posts"]).all()
    assert weeks["member_posts"].sum() == inbox["text"].str.contains("#FirstRideVelora", case=False).sum()
    assert 0.35 < weeks["not_answered"].sum() / weeks["member_posts"].sum() < 0.5
    with pytest.raises(eng.EngagementError, match="#NoSuchTag"):
        eng.ugc_weeks(inbox, "#NoSuchTag")


# --------------------------------------------------------------------------- live sessions and forum help
def test_the_show_rate_is_attendance_over_registrations_from_the_totals():
    events = pd.DataFrame({"type": ["qa", "qa", "meetup"], "registrations": [100, 300, 50], "attendance": [60, 90, 40]})
    table = eng.live_sessions(events)
    assert table.loc["qa", "show_rate"] == 0.375 and table.loc["qa", "lowest"] == 0.3 and table.loc["qa", "highest"] == 0.6
    assert list(table.index) == ["meetup", "qa"]
    bad = events.assign(attendance=[120, 90, 40])
    with pytest.raises(eng.EngagementError, match="more attendance than registrations"):
        eng.live_sessions(bad)


def test_velora_meetups_convert_best_and_qas_about_half():
    table = eng.live_sessions(load_events())
    assert table.index[0] == "meetup" and 0.45 < table.loc["qa", "show_rate"] < 0.55
    assert table["events"].sum() == len(load_events())


def test_member_help_says_who_answered_first_and_how_fast():
    created = pd.Timestamp("2026-01-05 09:00", tz="UTC")
    threads = pd.DataFrame({
        "board": ["help"] * 4, "created_at": [created] * 4,
        "first_answer_at": [created + pd.Timedelta(hours=h) for h in (1, 2, 3)] + [pd.NaT],
        "first_answer_by": ["community", "community", "staff", None],
        "accepted_by": ["community", "staff", None, None]})
    table = eng.member_help(threads)
    row = table.loc["help"]
    assert (row["threads"], row["answered_share"], row["first_by_members"], row["first_by_staff"]) == (4, 0.75, 0.5, 0.25)
    assert (row["members_median_hours"], row["staff_median_hours"], row["accepted_by_members"]) == (1.5, 3.0, 0.5)


def test_on_velora_forum_members_answer_most_help_threads_and_newcomers_are_counted():
    threads = load("forum_threads")
    help_board = eng.member_help(threads).loc["help"]
    assert help_board["first_by_members"] > 0.8 and help_board["accepted_by_members"] > 0.8
    newcomers = eng.newcomer_threads(threads, load("members"), days=30)
    assert newcomers["threads"].sum() == len(threads)
    assert "opened in the first 30 days" in newcomers.index


# --------------------------------------------------------------------------- ranking ideas
IDEAS = pd.DataFrame([
    {"idea": "story", "platform": "instagram", "pillar": "rider_stories", "text": "Where do you ride on Sundays?"},
    {"idea": "sale", "platform": "Instagram", "pillar": "promotion", "paid": True, "text": "15% off this week."},
    {"idea": "thin", "platform": "youtube", "pillar": "events", "paid": True, "text": "See you in Lyon"},
])


def test_ideas_are_ranked_on_similar_past_posts_with_the_posts_behind_each(posts):
    ranked = eng.score_ideas(IDEAS, posts)
    assert ranked["idea"].tolist()[0] == "story" and ranked["rank"].tolist() == [1, 2, 3]
    story = ranked.set_index("idea").loc["story"]
    history = posts[(posts["platform"] == "instagram") & (posts["pillar"] == "rider_stories") & ~posts["paid"]]
    assert story["posts_behind"] <= len(history) and story["posts_behind"] >= 10
    assert bool(story["asks_question"]) and not bool(ranked.set_index("idea").loc["sale", "asks_question"])
    thin = ranked.set_index("idea").loc["thin"]
    assert "too few events posts" in thin["based_on"]
    assert ranked.set_index("idea").loc["sale", "expected_per_1000"] < story["expected_per_1000"]


def test_an_idea_for_an_unknown_platform_is_named(posts):
    with pytest.raises(eng.EngagementError, match="'myspace'"):
        eng.score_ideas(pd.DataFrame([{"idea": "old", "platform": "myspace", "pillar": "product"}]), posts)
    with pytest.raises(eng.EngagementError, match="'pillar'"):
        eng.score_ideas(pd.DataFrame([{"idea": "old", "platform": "x"}]), posts)


# --------------------------------------------------------------------------- charts
def test_the_conversation_chart_draws_one_bar_per_group_and_hatches_thin_ones():
    table = pd.DataFrame({"posts": [40, 5], "vs_platform": [1.3, 0.6]}, index=pd.Index(["stories", "sale"], name="pillar"))
    ax = eng.conversation_chart(table)
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == [0.6, 1.3]
    hatched = [p.get_hatch() for p in ax.patches if round(p.get_width(), 2) == 0.6]
    assert hatched == ["//"]
    assert any("5 posts" == t.get_text() for t in ax.texts)
    assert "pillar" in ax.get_title()
    with pytest.raises(eng.EngagementError, match="'vs_platform'"):
        eng.conversation_chart(table.drop(columns="vs_platform"))


def test_the_ugc_chart_stacks_the_three_outcomes():
    weeks = pd.DataFrame({"answered_by_velora": [5, 6], "answered_by_members": [1, 0], "not_answered": [4, 2]},
                         index=pd.to_datetime(["2026-05-04", "2026-05-11"]).date)
    ax = eng.ugc_chart(weeks)
    assert sorted(round(p.get_height()) for p in ax.patches) == [0, 1, 2, 4, 5, 6]
    tops = {round(p.get_x(), 1): 0 for p in ax.patches}
    for p in ax.patches:
        tops[round(p.get_x(), 1)] = max(tops[round(p.get_x(), 1)], p.get_y() + p.get_height())
    assert sorted(tops.values()) == [8, 10]


def test_the_live_chart_shows_registered_and_attended_for_every_event():
    events = load_events()
    ax = eng.live_chart(events)
    assert len(ax.patches) == 2 * len(events)
    assert sum(round(p.get_height()) for p in ax.patches) == events["registrations"].sum() + events["attendance"].sum()
    with pytest.raises(eng.EngagementError, match="'attendance'"):
        eng.live_chart(events.drop(columns="attendance"))
