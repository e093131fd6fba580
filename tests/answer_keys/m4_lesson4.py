"""Answer keys for lesson 4.4 (Encouraging participation and loyalty), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item
was changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module4 import lesson4 as ex

_FIXES = {"crew_paid": "disclosure", "helpers_thanks": "ok", "team_too": "staff", "sellers_only": "referrals_only",
          "vague_label": "disclosure", "crew_ready": "ok"}

CASES = [
    (ex.unbadged, "b", ["a", "c", "d", "B)", 2]),
    (ex.programme_fix, _FIXES, [
        {**_FIXES, "helpers_thanks": "disclosure"},
        {**_FIXES, "vague_label": "ok"},
        {**_FIXES, "team_too": "ok"},
        {**_FIXES, "sellers_only": "disclosure"},
    ]),
    (ex.crew_cost, 14400, [1200, 6660, 7920, 180, 14400.6, "14400"]),
    (ex.welcome_claim, "c", ["a", "b", "d"]),
]

ALTERNATIVES = {
    ex.unbadged.id: [
        ("d", "rewritten", "Public shout-outs are a form of recognition the lesson teaches; the option now ranks "
         "members by reply count alone, which rewards volume and starts a race, so it is clearly the weaker move."),
        ("c", "rewritten", "Inviting a helper into the ambassador programme could be a reasonable later step; the "
         "option now offers a sales commission to someone whose contribution is answers, not sales."),
    ],
    ex.programme_fix.id: [
        ({**_FIXES, "crew_paid": "no disclosure", "team_too": "employees"}, "accepted", "'no disclosure' and "
         "'employees' name the same problems as the labels."),
        ({**_FIXES, "sellers_only": "referrals only", "vague_label": "no_disclosure"}, "accepted", "Spaces for "
         "underscores and 'no_disclosure' mean the same labels."),
        ({**_FIXES, "helpers_thanks": "none"}, "accepted", "'none' for a programme with no problem is the course's "
         "usual spelling of 'ok'."),
        ({**_FIXES, "crew_paid": "referrals_only"}, "rewritten", "crew_paid counts accepted answers as well as "
         "referrals (match 'any'), so the only problem left in it is the missing disclosure."),
    ],
    ex.crew_cost.id: [
        (14400.0, "accepted", "The cost as a float, as programme.yearly_cost returns it, is the same amount."),
        (14400.4, "accepted", "Rounded to whole euros it is the same amount; cents are not the point."),
        (1200, "rewritten", "The monthly figure is a natural slip; the stem asks for the yearly budget in bold, "
         "and the check names the slip."),
    ],
    ex.welcome_claim.id: [
        ("b", "rewritten", "Stopping to welcome would be the opposite over-reading; the option now rests explicitly "
         "on the same four people, which the lesson says cannot settle anything."),
    ],
}
