"""Assignment 5: every figure its items quote is what the course's labs compute, on Velora's data or on the
October caption test the assignment brings, and each key is what the lab's reading supports.

Its synthetic class, graded end to end, and its shortcut learners are in ``tests/test_grading_assignments.py``.
"""

from __future__ import annotations

import pytest

from answer_keys import m5_assignment as key
from gradecells import markdown_text

ASSIGNMENT = "module5_analysis"
NOTEBOOK = "5.6-assignment.ipynb"


@pytest.fixture(scope="module")
def text() -> str:
    return markdown_text(ASSIGNMENT, NOTEBOOK)


@pytest.fixture(scope="module")
def caption():
    from course.analysis import abtest
    from course.exercises.module5.assignment import caption_test

    return abtest.read_test(caption_test())


def _pct(value: float, places: int = 1) -> str:
    return f"{100 * value:.{places}f}%"


# --------------------------------------------------------------------------- part A
def test_october_participation_and_reach(text):
    from course.analysis.kpis import kpi_set

    table = kpi_set("2026-10-01", "2026-10-31").table["value"]
    assert f"{_pct(table['active participation'])} of members wrote in the forum in October" in text
    assert f"({_pct(table['lurkers (90-9-1)'])} wrote nothing" in text
    assert f"the {table['reach'] / 1e6:.2f} million people the posts reached in October" in text


def test_the_rain_jacket_update_funnel(text):
    from course.datasets import load_web_sessions
    from course.social import utm

    web = load_web_sessions()
    update = utm.funnel(web, campaign="rain_jacket_update")
    launch = utm.funnel(web, campaign="firstridevelora")
    assert f"{int(update['orders'].sum())} orders from {int(update['sessions'].sum()):,} sessions" in text
    assert f"{int(update['sessions'].sum()):,} visits to the update page" in text
    assert f"Instagram's visits ordered at {_pct(update.loc['instagram / social', 'order rate'], 2)}, against " \
           f"{_pct(launch.loc['instagram / social', 'order rate'], 2)} for #FirstRideVelora" in text
    x = update.loc["x / social"]
    assert x["orders"] == 0 and f"its {int(x['sessions'])} sessions brought no order" in text


# --------------------------------------------------------------------------- part B
def test_octobers_lights_are_the_reports_own(text):
    from course.analysis import report as rb

    table = rb.kpi_table("2026-10")
    assert table.loc[list(key.LIGHTS), "status"].to_dict() == key.LIGHTS
    assert table.loc["engagement_rate", "status"] == "red"
    assert f"the median first reply to a question, {table.loc['question_reply_minutes', 'shown'].replace(' min', '')} " \
           "minutes against at most 60" in text
    assert f"complaints answered within the hour, {table.loc['complaints_within_hour', 'shown']} against at least " \
           "50.0%" in text
    assert f"the inbox's net sentiment, {table.loc['net_sentiment', 'shown']} against at least +0.25" in text
    assert f"October's engagement rate by reach is {table.loc['engagement_rate', 'shown']}, red, after " \
           f"{table.loc['engagement_rate', 'previous_shown']} in September" in text


def test_octobers_posts_reach_and_interactions(text):
    from course.datasets import load_posts

    posts = load_posts()
    posts["interactions"] = posts[["likes", "comments", "shares", "saves"]].sum(axis=1)
    month = posts["published_at"].dt.strftime("%Y-%m")
    by_month = posts.groupby(month).agg(posts=("post_id", "size"), interactions=("interactions", "sum"),
                                        reach=("reach", "sum"))
    october, september = by_month.loc["2026-10"], by_month.loc["2026-09"]
    assert f"We published {october['posts']} posts in October, {october['posts'] - september['posts']} more than " \
           "in September" in text
    assert round(october["reach"] / september["reach"], 1) == 1.5  # "half as many people again"
    assert round(october["interactions"] / september["interactions"] * 3) == 4  # "by a third"
    assert f"{october['reach'] / 1e6:.2f} million" in text
    # option c's record: the most interactions since July
    assert f"{october['interactions']:,} interactions, the most since July" in text
    assert by_month.loc["2026-07", "interactions"] > october["interactions"] > by_month.loc["2026-08":"2026-09",
                                                                                          "interactions"].max()
    # the model answer's "more posts than any month since April"
    assert by_month.loc["2026-05":"2026-09", "posts"].max() < october["posts"] < by_month.loc["2026-04", "posts"]


# --------------------------------------------------------------------------- part C
def test_the_caption_test_reading(text, caption):
    assert not caption.significant and caption.days == 7
    assert caption.mde > caption.lift > 0 and caption.lift_low < 0 < caption.lift_high
    assert f"{_pct(caption.treatment.rate, 2)} against {_pct(caption.control.rate, 2)}, a lift of " \
           f"{_pct(caption.lift)}" in text
    assert f"(p = {caption.p_value:.3f}, interval from {_pct(caption.lift_low)} to +{_pct(caption.lift_high)})" in text
    assert f"about {_pct(caption.mde)} or more" in text
    assert f"1 minus the p-value of {caption.p_value:.3f}" in text


def test_the_caption_test_day_by_day(text):
    from course.analysis import abtest
    from course.exercises.module5.assignment import caption_test

    days = abtest.peeking(caption_test())
    day1, day2, last = days.iloc[0], days.iloc[1], days.iloc[-1]
    assert day2["significant"] and not last["significant"] and days["first_call"].iloc[0]
    assert f"p = {day2['p_value']:.3f}, B is {day2['lift']:.0%} better" in text
    assert f"the lift shrank from +{day2['lift']:.0%} to +{last['lift']:.0%}" in text
    assert f"moves from +{day1['lift']:.0%} to +{last['lift']:.0%}" in text
    assert not days["significant"].iloc[3:].any()  # "the crossings were gone by day 4"


def test_the_model_memo_halves_the_detectable_lift_with_four_weeks(caption):
    from course.analysis.abtest import minimum_detectable_effect

    four_weeks = minimum_detectable_effect(caption.control.rate, 4 * caption.control.impressions,
                                           4 * caption.treatment.impressions)
    assert round(four_weeks, 2) == 0.07 and round(caption.mde, 2) == 0.14


def test_the_facebook_baseline_windows(text):
    from course.datasets import load_posts
    from course.strategy.objectives import compare_windows

    windows = {"autumn": ("2026-09-07", 6), "late winter": ("2026-02-23", 6),
               "campaign": ("2026-05-04", 6), "early spring": ("2026-03-30", 6)}
    table = compare_windows(load_posts(), windows, platform="facebook")
    unwarned = table.index[table["warnings"] == "none"].tolist()
    assert unwarned == [key.BASELINE_OPTIONS[key.KEYS["a5_facebook_baseline"]]]
    assert "crisis" in table.loc["late winter", "warnings"]
    assert "FirstRideVelora" in table.loc["early spring", "warnings"] and "crisis" not in table.loc["early spring",
                                                                                                    "warnings"]
    assert table["baseline"].idxmin() == key.BASELINE_OPTIONS["b"] and table["baseline"].idxmax() == "campaign"
    for window, option in ((w, o) for o, w in key.BASELINE_OPTIONS.items()):
        assert f"**{option})**" in text and f"{table.loc[window, 'baseline']:.1f} per post" in text


# --------------------------------------------------------------------------- the items
def test_no_key_is_the_nearest_lessons_revealed_answer():
    for qid, copied in key.COPIED_FROM_LESSONS.items():
        assert copied != key.KEYS[qid], qid


def test_every_item_has_distractors_and_alternatives():
    assert set(key.ALTERNATIVES) == set(key.KEYS)
    assert all(len(entries) >= 3 for entries in key.ALTERNATIVES.values())
