"""Lesson 5.3: the figures its questions and prose quote hold on the shipped data, and its lights follow the rule."""

from __future__ import annotations

from answer_keys import m5_lesson3 as keys
from course.analysis import report as rb


def test_the_may_figures_the_lesson_quotes():
    facts = keys.FACTS
    assert facts["may_status"] == {
        "engagement_rate": "amber", "follower_growth": "green", "question_reply_minutes": "red",
        "complaints_within_hour": "amber", "net_sentiment": "green", "share_of_voice": "green"}
    assert 67 < facts["may_question_reply_minutes"] < 69  # "68 minutes"
    assert 0.040 < facts["may_follower_growth"] < 0.042 and 0.015 < facts["april_follower_growth"] < 0.017


def test_the_weekly_trend_the_lesson_describes():
    first, second, third, fourth = keys.FACTS["may_weekly_question_reply"]
    assert first <= 60 and second <= 60 and third > 66 and fourth > 66  # "first two on the line, last two above it"
    assert keys.FACTS["march_peak_week_reply"] > 3 * 60  # "March's spike dwarfs everything"


def test_the_march_case_study_figures():
    facts = keys.FACTS
    assert facts["march_reds"] == 5  # "five reds and one green"
    assert 0.375 < facts["march_share_of_voice"] < 0.38 and 0.265 < facts["february_share_of_voice"] < 0.27
    assert -0.15 < facts["march_net_sentiment"] < -0.14


def test_the_lights_exercise_agrees_with_the_builders_rule():
    # the six figures of exercise 1, with their targets, set by course.analysis.report.status
    figures = {"engagement": (0.028, 0.030, True), "reply_close": (64, 60, False), "reply_slow": (70, 60, False),
               "complaints": (0.44, 0.50, True), "sentiment": (0.25, 0.25, True), "growth": (0.019, 0.020, True)}
    lights = {item: rb.status(value, target, higher) for item, (value, target, higher) in figures.items()}
    assert keys.CASES[0][0].verdict(lights).correct, lights
