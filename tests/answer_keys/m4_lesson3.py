"""Answer keys for lesson 4.3 (Crisis management on social media), used by the shared checker tests.

The practice questions are here; the graded policy questions are in m4_crisis.py. The faulty
policies below are shared with it: each breaks one lesson on purpose.
"""

from answer_keys.m4_policies import playbook as textbook_policy
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
        {**_TRIAGE, "insult": "reply"},
    ]),
    (ex.first_hour, "b", ["a", "c", "d"]),
]

# Plausible alternative answers considered for each item, and what was decided: "accepted" answers must
# pass, and an item "rewritten" to remove the ambiguity must now reject the alternative
# (tests/test_crisis_alternatives.py runs both).
ALTERNATIVES = {
    "c43_triage": [
        ({**_TRIAGE, "toxic_rumour": "escalate"}, "rewritten",
         "The rumour used to claim the jacket coating was toxic: a safety claim, which a careful community manager "
         "might well hand to the quality team first. It now claims replacements go only to influencers, a false "
         "claim about Velora's own policy that the community team answers with facts in public."),
        ({**_TRIAGE, "order_number": "moderate"}, "rewritten",
         "The post used to include the rider's home address, and hiding a post that exposes a home address is a "
         "defensible first move. The address is gone: the post now holds only an order number and a refund "
         "question, which belong in a private message after a public word."),
        ({**_TRIAGE, "order_number": "reply"}, "rewritten",
         "Answering a refund case in public would ask for payment details in the open; the lesson says personal "
         "details move to a private channel, and the post now makes the refund the whole point."),
        ({**_TRIAGE, "lawyer": "offline"}, "rewritten",
         "Moving a legal threat to DMs keeps legal out of the loop; the task names 'escalate' as handing the post "
         "to the people who speak for the company, who answer it, so the two no longer overlap."),
    ],
    "c43_first_hour": [
        ("c", "rewritten", "A detailed statement is a real step, but option c blames a supplier before the cause is "
         "confirmed; the option says so explicitly, so it cannot be read as the honest statement the lesson asks for."),
    ],
}
