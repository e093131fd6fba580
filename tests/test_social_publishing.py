"""The publishing lab: posting windows from the posts data, the draft validator against course.social.limits,
and planned times across Rome, New York and Shanghai, daylight-saving changes included."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from course.datasets import load_posts
from course.social import publishing as pub
from course.social.limits import limits

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def posts():
    return load_posts()


# ------------------------------------------------------------------ posting windows
def test_cells_count_the_posts_behind_them_and_the_lessons_figures_hold(posts):
    cells = pub.slot_engagement(posts, "instagram").set_index(["day", "hours"])
    assert cells["posts"].sum() == (posts["platform"] == "instagram").sum()
    # the figures lesson 3.3's first exercise quotes
    assert tuple(cells.loc[("Tue", "09:00-12:00"), ["posts", "engagement"]]) == (6, 1.86)
    assert tuple(cells.loc[("Wed", "09:00-12:00"), ["posts", "engagement"]]) == (10, 1.41)
    assert tuple(cells.loc[("Thu", "21:00-00:00"), ["posts", "engagement"]]) == (3, 1.35)
    assert tuple(cells.loc[("Sun", "09:00-12:00"), ["posts", "engagement"]]) == (5, 1.37)
    assert cells["engagement"].idxmax() == ("Tue", "09:00-12:00")


def test_a_made_up_table_gives_the_cells_it_was_built_with():
    hours = [18] * 4 + [6] * 4
    made = pd.DataFrame({"platform": "facebook", "reach": 1000, "likes": [40] * 4 + [10] * 4, "comments": 0,
                         "shares": 0, "saves": 0,
                         "published_at": [pd.Timestamp(f"2026-01-05 {h}:00", tz="Europe/Rome").tz_convert("UTC")
                                          for h in hours]})
    cells = pub.slot_engagement(made, "facebook").set_index("hours")
    assert cells.loc["18:00-21:00", "posts"] == 4 and cells.loc["18:00-21:00", "engagement"] == 1.6
    assert cells.loc["06:00-09:00", "engagement"] == 0.4
    windows = pub.best_windows(made, min_posts=5)
    assert windows.loc[0, "day"] == "" and "no cell has 5 posts" in windows.loc[0, "hours"]


def test_best_windows_keep_only_cells_with_enough_posts(posts):
    windows = pub.best_windows(posts, min_posts=10, top=3)
    solid = windows[windows["day"] != ""]
    assert (solid["posts"] >= 10).all() and set(windows["platform"]) == set(posts["platform"])
    assert windows.groupby("platform").size().max() <= 3
    assert windows.loc[windows["platform"] == "weibo", "timezone"].iloc[0] == "Asia/Shanghai"


def test_the_heatmap_hatches_thin_cells_and_labels_each_with_its_posts(posts):
    axes = pub.heatmap(posts, "instagram", min_posts=10)
    labels = [t.get_text() for t in axes.texts]
    assert "1.86x\n6 posts" in labels and len(labels) == 7 * 8
    hatched = [p for p in axes.patches if p.get_hatch()]
    cells = pub.slot_engagement(posts, "instagram")
    assert len(hatched) == 56 - (cells["posts"] >= 10).sum()
    assert "fewer than 10 posts" in axes.get_title()


@pytest.mark.parametrize("call, message", [
    (lambda p: pub.slot_engagement(p, "myspace"), "no post on 'myspace'"),
    (lambda p: pub.slot_engagement(p, ["instagram", "weibo"]), "different clocks"),
    (lambda p: pub.slot_engagement(p, "x", hours_per_cell=5), "hours_per_cell is 5"),
    (lambda p: pub.slot_engagement(p.drop(columns="reach"), "x"), "slot_engagement.*no column 'reach'"),
    (lambda p: pub.slot_engagement("posts.csv", "x"), "needs the posts table"),
    (lambda p: pub.heatmap(p, "x", min_posts=0), "min_posts is 0"),
    (lambda p: pub.best_windows(p, top=0), "top is 0"),
])
def test_bad_input_to_the_windows_is_named(posts, call, message):
    with pytest.raises(pub.PublishingError, match=message):
        call(posts)


# ------------------------------------------------------------------ the draft validator
LONG_LINK = "https://velora.example/spring-test-rides?utm_source=x&utm_campaign=firstridevelora2026"


def test_x_counts_every_link_as_23_characters_and_others_count_its_length():
    text = "Book your first ride: " + LONG_LINK
    assert pub.counted_length(text, "x") == len("Book your first ride: ") + limits("x").link_chars
    assert pub.counted_length(text, "linkedin") == len(text)
    x_post = "a" * 250 + " " + LONG_LINK  # 331 characters typed, 274 as X counts
    assert len(x_post) > limits("x").max_chars
    assert pub.check_drafts([{"draft": "fits", "platform": "x", "text": x_post}], quiet=True).empty
    over = pub.check_drafts([{"draft": "over", "platform": "x", "text": "a" * 260 + " " + LONG_LINK}], quiet=True)
    assert over["rule"].tolist() == ["length"]
    assert "draft 'over' (x): 284 characters as x counts them, each link counted as 23" in over.loc[0, "message"]


def test_each_rule_fires_on_its_draft_and_names_draft_and_rule(capsys):
    drafts = pd.DataFrame([
        {"draft": "ig_link", "platform": "instagram", "text": "New colours! https://velora.example/city", "images": 1,
         "alt_text": "A blue Velora City leaning on a café wall"},
        {"draft": "xhs_tags", "platform": "xiaohongshu", "text": "骑行 " + " ".join(f"#话题{i}" for i in range(11)),
         "images": 1, "alt_text": "车"},
        {"draft": "pin_noalt", "platform": "pinterest", "text": "Five ways to carry groceries", "images": 2,
         "alt_text": ["Panniers full of groceries", ""]},
        {"draft": "x_tags", "platform": "x", "text": "Spring! #ebike #cycling #commute"},
        {"draft": "fb_mentions", "platform": "facebook", "text": "Thanks @anna @ben @carla @dario for the photos!"},
        {"draft": "tt_photo", "platform": "tiktok", "text": "Rain test", "images": 1},
        {"draft": "weibo_ok", "platform": "weibo", "text": "春天来了 #骑行# #电动自行车# velora@example.com"},
        {"draft": "li_ok", "platform": "linkedin", "text": "Why we build frames to be repaired. #repair #design #ebike "
                                                            "https://velora.example/repair"},
    ])
    problems = pub.check_drafts(drafts)
    assert "8 drafts checked: 3 must-fix problems, 3 to consider." in capsys.readouterr().out
    found = problems.set_index("draft")[["rule", "severity"]].apply(tuple, axis=1).to_dict()
    assert found == {"ig_link": ("link", "must fix"), "xhs_tags": ("hashtags", "must fix"),
                     "pin_noalt": ("alt_text", "must fix"), "x_tags": ("hashtags", "should fix"),
                     "fb_mentions": ("mentions", "should fix"), "tt_photo": ("alt_text", "should fix")}
    for _, row in problems.iterrows():
        assert row["message"].startswith(f"draft {row['draft']!r} ({row['platform']}): ")
    assert "11 hashtags; xiaohongshu takes at most 10" in problems.set_index("draft").loc["xhs_tags", "message"]
    assert "1 of 2 images without alt text" in problems.set_index("draft").loc["pin_noalt", "message"]


def test_hashtags_are_read_as_each_platform_writes_them():
    assert pub.find_hashtags("#骑行# 和 #春天#", "weibo") == ["骑行", "春天"]
    assert pub.find_hashtags("Go #FirstRideVelora https://velora.example/#top", "instagram") == ["FirstRideVelora"]
    assert pub.find_mentions("mail team@velora.example or @VeloraBikes.") == ["VeloraBikes"]
    assert pub.find_links("See www.velora.example/city.") == ["www.velora.example/city"]


@pytest.mark.parametrize("draft, message", [
    ({"draft": "d1", "platform": "myspace", "text": "hi"}, r"draft 'd1': no publishing limits for platform 'myspace'"),
    ({"draft": "d2", "platform": "x", "text": 42}, r"draft 'd2': the text should be text"),
    ({"draft": "d3", "platform": "x", "text": "hi", "images": -1}, r"draft 'd3': images is -1"),
    ({"draft": "d4", "platform": "x", "text": "hi", "images": 1, "alt_text": ["a", "b"]}, r"draft 'd4': 2 alt texts for 1"),
    ({"draft": "d5", "platform": "x", "text": "hi", "images": 1, "alt_text": 3}, r"draft 'd5': alt_text is 3"),
])
def test_a_draft_that_cannot_be_checked_is_named(draft, message):
    with pytest.raises(pub.DraftError, match=message):
        pub.check_drafts([draft], quiet=True)


def test_drafts_need_a_table_with_platform_and_text():
    with pytest.raises(pub.DraftError, match="no column 'text'"):
        pub.check_drafts(pd.DataFrame({"platform": ["x"]}))
    with pytest.raises(pub.DraftError, match="it is a str"):
        pub.check_drafts("hello")


# ------------------------------------------------------------------ time zones
def test_a_rome_slot_moves_in_new_york_in_the_weeks_the_clocks_disagree():
    slot = pub.weekly_slot("Monday", "09:00", "2026-03-02", weeks=5).set_index("date")
    assert slot["North America"].tolist() == ["03:00", "04:00", "04:00", "04:00", "03:00"]
    assert slot["China"].tolist() == ["16:00", "16:00", "16:00", "16:00", "15:00"]  # China keeps its clock
    autumn = pub.weekly_slot("Thursday", "18:30", "2026-10-22", weeks=3)["North America"].tolist()
    assert autumn == ["12:30", "13:30", "12:30"]


def test_across_zones_gives_offsets_and_summer_time():
    table = pub.across_zones("2026-03-16 09:00").set_index("region")
    assert table.loc["North America", "local"] == "Mon 16 Mar 04:00"
    assert table.loc["North America", "offset"] == "UTC-04:00" and table.loc["North America", "summer_time"]
    assert table.loc["China", "offset"] == "UTC+08:00" and not table.loc["China", "summer_time"]
    july = pub.across_zones("2026-07-06 09:00").set_index("region")
    assert july.loc["China", "offset"] == "UTC+08:00" and july.loc["Europe", "offset"] == "UTC+02:00"


def test_clock_gaps_find_the_weeks_when_rome_and_new_york_are_five_hours_apart():
    gaps = pub.clock_gaps(2026)
    assert gaps.values.tolist() == [["2026-01-01", "2026-03-08", 6], ["2026-03-08", "2026-03-29", 5],
                                    ["2026-03-29", "2026-10-25", 6], ["2026-10-25", "2026-11-01", 5],
                                    ["2026-11-01", "2027-01-01", 6]]
    shanghai = pub.clock_gaps(2026, "Asia/Shanghai", "Asia/Shanghai")
    assert shanghai["hours_apart"].tolist() == [0]


def test_a_skipped_or_repeated_local_time_gets_a_clear_message():
    with pytest.raises(pub.TimeZoneError, match="2026-03-29 02:30 does not exist in Europe/Rome.*go forward"):
        pub.local_time("2026-03-29 02:30", "Europe/Rome")
    with pytest.raises(pub.TimeZoneError, match="2026-03-08 02:30 does not exist in America/New_York"):
        pub.local_time("2026-03-08 02:30", "America/New_York")
    with pytest.raises(pub.TimeZoneError, match="happens twice in America/New_York.*ambiguous='earlier'"):
        pub.local_time("2026-11-01 01:30", "America/New_York")
    earlier = pub.local_time("2026-10-25 02:30", ambiguous="earlier")
    later = pub.local_time("2026-10-25 02:30", ambiguous="later")
    assert later - earlier == pd.Timedelta(hours=1)
    assert pub.local_time("2026-03-29 02:30", "Asia/Shanghai").hour == 2  # no daylight saving in China


@pytest.mark.parametrize("call, message", [
    (lambda: pub.local_time("soon"), "'soon' is not a date and time"),
    (lambda: pub.local_time("2026-03-01 09:00", "Europe/Turin"), "'Europe/Turin' is not a time zone"),
    (lambda: pub.local_time("2026-03-01 09:00", ambiguous="first"), "ambiguous is 'first'"),
    (lambda: pub.weekly_slot("Funday", "09:00", "2026-03-02"), "weekday is 'Funday'"),
    (lambda: pub.weekly_slot("Monday", "9am", "2026-03-02"), "clock is '9am'"),
    (lambda: pub.weekly_slot("Monday", "09:00", "2026-03-02", weeks=0), "weeks is 0"),
    (lambda: pub.weekly_slot("Sunday", "02:30", "2026-03-22", weeks=2), "2026-03-29 02:30 does not exist"),
    (lambda: pub.clock_gaps(26), "year is 26"),
])
def test_bad_times_are_named(call, message):
    with pytest.raises(pub.TimeZoneError, match=message):
        call()
