"""Answer key for lesson 1.3 (the community manager): right and wrong answers for every question.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it; tested in
``tests/test_alternatives_m1.py``) or ``"rewritten"`` (the item was changed so that answer is now
clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module1 import lesson3 as ex

_TRAITS = {
    "lyon_meetup": "growth",
    "winter_tips": "customer",
    "crash_report": "empathy",
    "own_words": "authentic",
    "wrong_model": "detail",
    "monday_numbers": "analytical",
    "voice_guide": "voice",
}

_WHAT_TO_SAY = {
    "sunrise_photo": "thank you",
    "leaking_seams": "sorry",
    "stolen_trail": "we support you",
    "newcomer_help": "thank you",
    "firmware_zero": "sorry",
    "charity_ride": "we support you",
    "late_delivery": "sorry",
}

CASES = [
    (
        ex.traits,
        _TRAITS,
        [
            {**_TRAITS, "winter_tips": "analytical", "monday_numbers": "customer"},
            {**_TRAITS, "own_words": "voice", "voice_guide": "authentic"},
            {**_TRAITS, "crash_report": "authentic"},
        ],
    ),
    (
        ex.what_to_say,
        _WHAT_TO_SAY,
        [
            {**_WHAT_TO_SAY, "stolen_trail": "sorry"},
            {**_WHAT_TO_SAY, "leaking_seams": "thank you"},
            {**_WHAT_TO_SAY, "charity_ride": "thank you"},
        ],
    ),
    (ex.best_reply, "c", ["a", "b", "d"]),
    (ex.crisis_drop, "b", ["a", "c", "d"]),
    (ex.velora_plan, "b", ["a", "c", "d"]),
]

ALTERNATIVES = {
    ex.traits.id: [
        ({**_TRAITS, "winter_tips": "analytical", "monday_numbers": "customer"}, "rewritten",
         "winter_tips uses forum threads as evidence, so 'analytical' is tempting; the items use each label once, the "
         "idea for winter_tips says the decision is about whose needs the posts serve, and monday_numbers is the one "
         "that measures and changes the plan."),
        ({**_TRAITS, "own_words": "voice", "voice_guide": "authentic"}, "rewritten",
         "Both are about how replies sound; the lesson now contrasts them explicitly (one person genuine against many "
         "people sounding like one brand)."),
        ({**_TRAITS, "lyon_meetup": "drives growth", "winter_tips": "customer-centred", "crash_report": "empathetic",
          "wrong_model": "detail-oriented", "voice_guide": "brand voice"},
         "accepted", "The traits' full names from the lesson's table mean the same labels."),
    ],
    ex.what_to_say.id: [
        ({**_WHAT_TO_SAY, "stolen_trail": "sorry"}, "rewritten",
         "Many replies to a theft would open with 'so sorry to hear that', so 'sorry' read as a phrase is plausible. "
         "The stem now says the labels name what the reply does, that 'sorry' is an apology for Velora's own fault, "
         "and that 'so sorry to hear' belongs to 'we support you', so 'sorry' is clearly wrong here."),
        ({**_WHAT_TO_SAY, "late_delivery": "we support you"}, "rewritten",
         "A late parcel can look like a courier's problem; the item says Velora promised the date and sent no "
         "e-mail about the delay, so the fault is Velora's."),
        ({**_WHAT_TO_SAY, "sunrise_photo": "thanks", "leaking_seams": "we're sorry", "firmware_zero": "apology",
          "charity_ride": "support"},
         "accepted", "'thanks', the source's 'we're sorry', 'apology' and 'support' name the same three replies."),
    ],
    ex.best_reply.id: [
        ("d", "rewritten",
         "(d) opens with 'so sorry to hear' and offers a private channel, which sounds caring and is sometimes right; "
         "it also locks a fair complaint out of sight of the other affected riders, which makes it clearly worse than (c)."),
    ],
    ex.crisis_drop.id: [
        (73, "rewritten",
         "The old item asked for the crisis week's reply share with 'rounding is up to you' and rejected 73 (73.8 "
         "rounded down). It was arithmetic; the item is now a decision read from the chart, and no number is asked for."),
        ("a", "rewritten",
         "Triage of ordinary questions during a crisis is sensible; the option says they wait until the following "
         "week, which turns them into new complaints."),
    ],
    ex.velora_plan.id: [
        ("a", "rewritten",
         "An agency with a strong brief can cover off-hours in real life; the option says it works from templates, "
         "reports monthly and has no line to the app team, which fails every need in the lesson's table."),
    ],
}
