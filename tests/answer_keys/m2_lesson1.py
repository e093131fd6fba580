"""Answer keys for lesson 2.1 (Objectives and KPIs), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item was
changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module2 import lesson1 as ex

_SMART = {
    "forum_replies": "smart",
    "crew_sales": "vanity metric",
    "tiktok_growth": "unrealistic",
    "webinar_chat": "no baseline",
    "china_survey": "no deadline",
}

CASES = [
    (ex.retention_kpi, "c", ["a", "b", "d"]),
    (
        ex.smart_or_not,
        _SMART,
        [
            {**_SMART, "forum_replies": "unrealistic"},
            {**_SMART, "tiktok_growth": "smart"},
            {**_SMART, "crew_sales": "no baseline"},
            {**_SMART, "webinar_chat": "no deadline", "china_survey": "no baseline"},
        ],
    ),
    (ex.baseline_window, "d", ["a", "b", "c"]),
    (ex.instagram_target, 2.25, [0.0225, 2.05, 2.56, 3.41, 2.47, 2.3]),
    (ex.director_target, "b", ["a", "c", "d"]),
]

ALTERNATIVES = {
    ex.retention_kpi.id: [
        ("d", "rewritten", "A draft of (d) counted forum members active each month, which partly tracks whether people "
         "stay; (d) now counts only new sign-ups, which is growth and says nothing about the spring buyers staying."),
        ("b", "rewritten", "Likes on forum posts could be argued to show a lively forum; the stem now names the spring "
         "buyers as the group to keep, and likes cannot say who gave them."),
    ],
    ex.smart_or_not.id: [
        ({**_SMART, "forum_replies": "unrealistic"}, "rewritten", "A first draft cut reply time from 95 to 40 minutes, "
         "which is a big jump; the objective now aims for 80 minutes from 95, a 16% improvement, so nothing is unrealistic."),
        ({**_SMART, "tiktok_growth": "vanity metric"}, "rewritten", "Followers are a vanity metric for most goals; the "
         "objective's goal is audience growth, which followers do measure, so the problem left is the size of the jump."),
        ({**_SMART, "webinar_chat": "unrealistic"}, "rewritten", "150 chat participants could look like a lot; without "
         "a count of today's participants nobody can tell, and the stem says none exists, so the missing part is the baseline."),
        ({"forum_replies": "SMART", "crew_sales": "vanity", "tiktok_growth": "too ambitious", "webinar_chat": "baseline",
          "china_survey": "no date"}, "accepted", "Short or everyday names for the same problems mean the same labels."),
    ],
    ex.baseline_window.id: [
        ("c", "rewritten", "The most recent weeks are a reasonable choice for a baseline; (c) is now three weeks long, "
         "below the lesson's 4-8 week rule, and in a different season from the target period."),
        ("a", "rewritten", "March is the nearest month to the target period's season; the window was kept on the crisis "
         "month so that the crisis week, not the season, is what rules it out."),
    ],
    ex.instagram_target.id: [
        (2.251, "accepted", "More decimals than asked for round to the same target."),
        (2.3, "rewritten", "Rounding to one decimal (2.3) is a fair habit; the task now says two decimals and gives an "
         "example with two, so 2.3 is no longer the rule's target as asked."),
        (2.47, "rewritten", "Someone who chose the crisis month in Exercise 3 would get 2.47; the task now names the "
         "Exercise 3 window, whose answer is the ordinary weeks, and the check's message points back to it."),
    ],
    ex.director_target.id: [
        ("a", "rewritten", "Matching a campaign's level can be a fair stretch goal; the stem now sets it as the quarter's "
         "only target with no campaign planned, which is what makes (a) wrong."),
        ("d", "rewritten", "More data is usually better; (d) now waits a full year, far beyond the 4-8 weeks a baseline "
         "needs, while the ordinary weeks already exist."),
    ],
}
