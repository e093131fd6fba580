"""Answer keys for lesson 2.4 (The editorial calendar), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item
was changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module2 import lesson4 as ex

_RULES = {
    "spring_sale": "freeze",
    "webinar_sale": "event_clash",
    "guide_ad": "owned_before_paid",
    "night_tip": "window",
    "friday_rides": "ok",
    "july_tag": "campaign",
    "weibo_evening": "ok",
}

CASES = [
    (ex.rhythm, "b", ["a", "c", "d"]),
    (ex.qa_week, "b", ["a", "c", "d"]),
    (
        ex.rule_broken,
        _RULES,
        [
            {**_RULES, "weibo_evening": "window"},
            {**_RULES, "spring_sale": "ok"},
            {**_RULES, "webinar_sale": "campaign"},
            {**_RULES, "guide_ad": "pillar_balance"},
            {**_RULES, "friday_rides": "frequency"},
        ],
    ),
    (ex.pillar_fix, "b", ["a", "c", "d"]),
]

ALTERNATIVES = {
    ex.rhythm.id: [
        ("d", "rewritten", "One post a week per platform is a rhythm of sorts and some brands keep it; the option now "
         "says the times are random, which defeats the habit the lesson is about, and Instagram's minimum is three."),
        ("a", "rewritten", "Scheduling everything is good practice; the option now says it is written when Giulia has "
         "time, which is April's pattern of bursts and gaps, so scheduling alone changes nothing."),
    ],
    ex.qa_week.id: [
        ("d", "rewritten", "Paid reach for an event is fine once it has been announced on Velora's own channels; the "
         "option now makes the ad the first mention anywhere, which breaks owned before paid."),
        ("a", "rewritten", "A 'we're live' post is part of the right plan; as the only post it leaves members no time "
         "to plan or send questions, which the stem now says the forum regulars like to do."),
    ],
    ex.rule_broken.id: [
        ({**_RULES, "weibo_evening": "window"}, "rewritten", "Read in Turin time, 21:00 in Shanghai is 15:00 and could "
         "look odd; the stem gives the time in Shanghai time and the lesson says the accounts for China use Shanghai's "
         "clock, where 21:00 is a good hour."),
        ({**_RULES, "webinar_sale": "campaign"}, "rewritten", "A promotion during a campaign might seem to clash with "
         "the campaign; the post is tagged FirstRideVelora and dated inside it, so the only rule it breaks is the "
         "webinar's hour."),
        ({**_RULES, "spring_sale": "owned_before_paid"}, "rewritten", "A sale post could be boosted; the stem says it "
         "is organic, so owned before paid does not apply and the crisis-week freeze is what it breaks."),
        ({**_RULES, "guide_ad": "owned before paid", "webinar_sale": "Event clash", "friday_rides": "none",
          "weibo_evening": "fine"},
         "accepted", "The rule names written with spaces or capitals, and 'none' or 'fine' for a post that breaks no "
         "rule, mean the same labels."),
    ],
    ex.pillar_fix.id: [
        ("d", "rewritten", "Deleting two promotions does fix the mix; the option now says the slots are left empty, "
         "which opens gaps in the rhythm the lesson asks Giulia to keep."),
        ("a", "rewritten", "A limit is a choice and a campaign month might justify a higher one; the stem says Giulia "
         "set 40% for this campaign with the marketing team, so moving it is hiding the problem."),
    ],
}
