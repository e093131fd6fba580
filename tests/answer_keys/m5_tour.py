"""Answer keys for lesson 5.0 (Meet Velora's data), used by the shared checker tests.

Each decision rests on a fact of the shipped data; ``FACTS`` measures those facts here, and
``tests/test_alternatives_m5.py`` asserts them, so a regenerated dataset that changes one fails
until the question is rewritten.

``ALTERNATIVES`` is the register of plausible answers other than the reference one, with the
decision taken for each: ``accepted`` (the check passes it), ``rejected`` (a real mistake, the
check fails it with a message about the idea) or ``rewritten`` (the item was reworded so the
answer is no longer a fair reading of it; the check fails it).
"""

import pandas as pd

from course import metrics
from course.datasets import load_inbox, load_listening, load_posts
from course.exercises.module5 import tour as ex

_rates = metrics.engagement_rate(load_posts(), by="reach", group="platform").sort_values(ascending=False)
_received = load_inbox()["received_at"]
_START, _END = pd.Timestamp("2026-03-16", tz="UTC"), pd.Timestamp("2026-03-23", tz="UTC")
_velora = load_listening().query("brand == 'Velora'")
_crisis_days = _velora["date"].between("2026-03-16", "2026-03-22")


def _elsewhere(frame):
    return frame.loc[~frame["velora_has_account"], "mentions"].sum() / frame["mentions"].sum()


FACTS = {
    "top_place": str(_rates.index[0]),
    "top_social_network": str(_rates.drop("forum").index[0]),
    "crisis_week_messages": int(((_received >= _START) & (_received < _END)).sum()),
    "week_before_messages": int(((_received >= _START - pd.Timedelta(days=7)) & (_received < _START)).sum()),
    "elsewhere_share_year": float(_elsewhere(_velora)),
    "elsewhere_share_crisis": float(_elsewhere(_velora[_crisis_days])),
}

_TABLES = {
    "turn_up": "events",
    "voice_vs_voltaro": "listening",
    "complaint_speed": "inbox",
    "saves_by_pillar": "posts",
    "help_first_answer": "forum_threads",
    "newsletter_orders": "web_sessions",
    "belonging": "survey",
    "x_unfollows": "followers",
    "young_followers": "audience",
}

CASES = [
    (ex.forum_post, "c", ["a", "b", "d", "forum", 3]),
    (ex.crisis_staffing, "b", ["a", "c", "d", "e"]),
    (ex.sentiment_reading, "d", ["a", "b", "c", None]),
    (ex.talk_elsewhere, "a", ["b", "c", "d", 0.24]),
    (
        ex.table_for_question,
        _TABLES,
        [
            {**_TABLES, "help_first_answer": "forum_replies"},
            {**_TABLES, "x_unfollows": "listening"},
            {**_TABLES, "belonging": "inbox"},
            {**_TABLES, "turn_up": "web_sessions"},
            {**_TABLES, "young_followers": "followers"},
            {**_TABLES, "young_followers": "members"},
        ],
    ),
]

ALTERNATIVES = {
    "t50_forum_post": [
        ("a", "rejected", "TikTok leads the social networks only; the forum, which Velora runs, is above it."),
        ("d", "rejected", "A rate by reach is already per person reached; a small reach does not make it incomparable."),
        ("C", "accepted", "Capital letters are the same choice."),
    ],
    "t50_crisis_staffing": [
        ("a", "rejected", "The usual rota meets three times the load: every wait grows, the urgent ones included."),
        ("c", "rejected", "The wave is over within days; staffing for the peak all year is the classic overreaction."),
        ("d", "rejected", "Closing comments moves the talk to places without a Velora account; it does not lower it."),
    ],
    "t50_sentiment_reading": [
        ("b", "rejected", "The team turned round only contradicting labels; the rows shown still hold milder slips."),
        ("a", "rejected", "Single labels slip but the weekly figure still shows the crisis: dropping it loses a signal."),
    ],
    "t50_talk_elsewhere": [
        ("b", "rejected", "People talk there because it is not the brand's place; an account does not move them."),
        ("c", "rejected", "About a quarter of the talk, more in a crisis: not moderating is no reason not to listen."),
    ],
    "t50_table_for_question": [
        ({**_TABLES, "help_first_answer": "forum_replies"}, "rewritten",
         "forum_replies knows who wrote the first reply (by_staff) but not the board; the question now names the "
         "help board and asks for the table that answers on its own, which only forum_threads does."),
        ({**_TABLES, "help_first_answer": "forum threads"}, "accepted", "The table's name written with a space."),
        ({**_TABLES, "x_unfollows": "listening"}, "rejected",
         "listening counts mentions, not followers gained and lost."),
        ({**_TABLES, "complaint_speed": "forum_threads"}, "rejected",
         "forum_threads times forum answers only; complaints arrive on every platform, all of them in inbox."),
        ({**_TABLES, "belonging": "members"}, "rejected",
         "members says who belongs on paper (segment, super user), not whether they feel part of the community."),
        ({**_TABLES, "young_followers": "followers"}, "rejected",
         "followers counts each platform's followers day by day but says nothing about their age."),
        ({**_TABLES, "young_followers": "members"}, "rejected",
         "members are the forum's registered accounts, with no age column; most followers of the social "
         "networks never registered on the forum."),
    ],
}
