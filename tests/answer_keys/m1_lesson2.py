"""Answer keys for lesson 1.2 (Why community management matters), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it; tested in
``tests/test_alternatives_m1.py``) or ``"rewritten"`` (the item was changed so that answer is now
clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module1 import lesson2 as ex

_BENEFITS = {
    "battery_video": "reputation",
    "fire_rumour": "reputation",
    "pairing_help": "support",
    "firstride_friday": "engagement",
    "spring_referrals": "sales",
    "evening_posts": "insights",
}

CASES = [
    (ex.friday_hour, "b", ["a", "c", "d"]),
    (ex.review_reply, "b", ["a", "c", "d"]),
    (
        ex.benefits,
        _BENEFITS,
        [
            {**_BENEFITS, "fire_rumour": "support"},
            {**_BENEFITS, "evening_posts": "sales"},
            {**_BENEFITS, "firstride_friday": "reputation"},
        ],
    ),
    (ex.ad_response, "c", ["a", "b", "d"]),
]

ALTERNATIVES = {
    ex.friday_hour.id: [
        ("c", "rewritten", "A draft of (c) also posted one holding statement on the complaints, which can pass for a "
         "first answer; (c) now only pays to promote the cheerful posts and leaves every complaint unanswered."),
        ("d", "rewritten", "Waiting for the full answer is defensible if the wait is short; the stem says the complaints "
         "have waited since the morning and the cause is only expected the next day, so waiting means a silent night."),
    ],
    ex.review_reply.id: [
        ("a", "rewritten", "Reporting a review is right when it is abusive or false; the stem says the battery did fail, "
         "so the review is honest criticism and reporting it is hiding it."),
        ("c", "rewritten", "A private message alongside a public reply is good practice; (c) now says the review itself "
         "is left without a reply, which is what makes it wrong."),
    ],
    ex.benefits.id: [
        ({**_BENEFITS, "fire_rumour": "support"}, "rewritten", "Giulia invites worried riders to message support, but the "
         "stem asks for what changed at the end, and the scenario ends in what the reposts say about Velora."),
        ({**_BENEFITS, "spring_referrals": "engagement"}, "rewritten", "Crew members do talk with hesitant buyers; the "
         "scenario ends in 37 orders carrying a Crew code, and the stem asks for the outcome."),
        ({**_BENEFITS, "pairing_help": "Customer Support", "battery_video": "brand reputation",
          "spring_referrals": "sales and conversions", "evening_posts": "insight"},
         "accepted", "The benefits' full names and a singular 'insight' mean the same labels."),
    ],
    ex.ad_response.id: [
        ("d", "rewritten", "Withdrawing the advert is part of the right plan; (d) says it is done without a word, so it "
         "lacks the apology and the listening that make (c) right."),
    ],
}
