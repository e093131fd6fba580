"""Answer keys for lesson 5.0 (Meet Velora's data), used by the shared checker tests.

The two data questions are measured on the shipped data here, so a regenerated dataset that
moves the answer makes the tests fail until the hashes in course/exercises/module5/tour.py
are recomputed (course.checks.answer_key).
"""

import pandas as pd

from course import metrics
from course.datasets import load_inbox, load_posts
from course.exercises.module5 import tour as ex

_rates = metrics.engagement_rate(load_posts(), by="reach", group="platform").sort_values(ascending=False)
_TOP = str(_rates.index[0])
_RUNNER_UP = str(_rates.index[1])

_received = load_inbox()["received_at"]
_START, _END = pd.Timestamp("2026-03-16", tz="UTC"), pd.Timestamp("2026-03-23", tz="UTC")
_CRISIS = int(((_received >= _START) & (_received < _END)).sum())
_WEEK_BEFORE = int(((_received >= _START - pd.Timedelta(days=7)) & (_received < _START)).sum())
_NO_SUNDAY = int(((_received >= _START) & (_received <= pd.Timestamp("2026-03-22", tz="UTC"))).sum())

_TABLES = {
    "turn_up": "events",
    "voice_vs_voltaro": "listening",
    "complaint_speed": "inbox",
    "saves_by_pillar": "posts",
    "help_first_answer": "forum_threads",
    "newsletter_orders": "web_sessions",
    "belonging": "survey",
    "x_unfollows": "followers",
}

CASES = [
    (ex.top_platform, _TOP, [_RUNNER_UP, "instagram", "pinterest"]),
    (ex.crisis_messages, _CRISIS, [_WEEK_BEFORE, _NO_SUNDAY, _CRISIS + 1, _CRISIS - 1, 7]),
    (
        ex.table_for_question,
        _TABLES,
        [
            {**_TABLES, "help_first_answer": "forum_replies"},
            {**_TABLES, "x_unfollows": "listening"},
            {**_TABLES, "belonging": "inbox"},
            {**_TABLES, "turn_up": "web_sessions"},
        ],
    ),
]
