"""Answer keys for lesson 3.3 (Content publishing), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item
was changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module3 import lesson3 as ex

_DRAFTS = {"spring_x": "ok", "wear_ig": "link", "tags_xhs": "hashtags", "groceries_pin": "alt_text",
           "thanks_fb": "mentions", "repair_li": "ok"}
_CLOCKS = {"mar_05": "on_time", "mar_12": "hour_late", "mar_26": "hour_late", "apr_02": "on_time",
           "oct_29": "hour_late", "nov_05": "on_time"}

CASES = [
    (ex.trust_cell, "b", ["a", "c", "d"]),
    (ex.draft_rule, _DRAFTS, [
        {**_DRAFTS, "spring_x": "length"},
        {**_DRAFTS, "wear_ig": "ok"},
        {**_DRAFTS, "repair_li": "hashtags"},
        {**_DRAFTS, "groceries_pin": "ok"},
    ]),
    (ex.clock_change, _CLOCKS, [
        {**_CLOCKS, "mar_12": "hour_early"},
        {**_CLOCKS, "mar_26": "on_time"},
        {**_CLOCKS, "oct_29": "on_time"},
        {**_CLOCKS, "apr_02": "hour_late"},
    ]),
    (ex.alt_text, "c", ["a", "b", "d"]),
]

ALTERNATIVES = {
    ex.trust_cell.id: [
        ("a", "rewritten", "Tuesday morning is in the same good band of mornings, so it is not a silly choice; the "
         "stem now asks for the slot most likely to repeat its figure, and six posts fall under the lesson's "
         "threshold of ten."),
    ],
    ex.draft_rule.id: [
        ({**_DRAFTS, "spring_x": "length"}, "rewritten", "Typed out, the X draft is over 280 characters; the lesson "
         "teaches that X counts every link as 23, and the stem gives the whole address, so it fits."),
        ({**_DRAFTS, "repair_li": "hashtags"}, "rewritten", "Three hashtags could seem many; LinkedIn's own advice in "
         "the limits table is three, so the draft keeps to it."),
        ({**_DRAFTS, "groceries_pin": "alt text", "spring_x": "none"}, "accepted", "Spaces for underscores and 'none' "
         "for a draft that breaks no rule mean the same labels."),
    ],
    ex.clock_change.id: [
        ({**_CLOCKS, "mar_12": "hour_early"}, "rewritten", "One might think the post lands early when America jumps "
         "ahead; the stem gives both times, so the learner can work out that 18:30 Rome is 13:30 New York that week."),
        ({**_CLOCKS, "mar_26": "late", "mar_12": "an hour late"}, "accepted", "Short forms of the labels mean the same."),
    ],
    ex.alt_text.id: [
        ("d", "rewritten", "A long description is better than none; the option now spends most of its words on "
         "sky and pavement, so a listener waits for the point the post makes."),
    ],
}
