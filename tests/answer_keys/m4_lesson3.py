"""Answer keys for lesson 4.3 (Crisis management on social media), used by the shared checker tests.

The practice questions are here; the graded policy questions are in m4_crisis.py. The faulty
policies below are shared with it: each breaks one lesson on purpose.
"""

from course.crisis.policy import textbook_policy
from course.exercises.module4 import lesson3 as ex

_TRIAGE = {
    "soaked_commute": "reply",
    "insult": "moderate",
    "crypto_link": "moderate",
    "toxic_rumour": "reply",
    "magazine": "escalate",
    "order_number": "offline",
    "lawyer": "escalate",
}


def _only_acknowledge(state, post):  # speaks fast, then does nothing else
    if post is None and not state.acknowledged:
        return "acknowledge"
    return None


def _moderates_when_nothing_arrived(state, post):  # a per-post action with no post: invalid
    return "moderate" if post is None else None


def _raises(state, post):
    raise KeyError("oops")


def _hides_rumours(state, post):  # good otherwise, but hides misinformation instead of answering it
    if post is not None and post.kind == "misinformation":
        return "moderate"
    return textbook_policy(state, post)


def _argues_with_influencers(state, post):
    if post is not None and post.kind == "influencer":
        return "argue"
    return textbook_policy(state, post)


def _waits_ninety_minutes(state, post):  # the right moves, but too late
    if state.minute < 90:
        return None
    return textbook_policy(state, post)


CASES = [
    (ex.triage, dict(_TRIAGE), [
        {**_TRIAGE, "toxic_rumour": "moderate"},
        {**_TRIAGE, "order_number": "reply"},
        {**_TRIAGE, "magazine": "reply"},
    ]),
    (ex.first_hour, "b", ["a", "c", "d"]),
]
