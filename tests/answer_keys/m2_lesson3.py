"""Answer keys for lesson 2.3 (Creating a content plan), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item was
changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module2 import lesson3 as ex

_ROLES = {
    "write_and_pin": "community manager",
    "first_threads": "crew",
    "brake_fault": "quality",
    "delivery_question": "support",
    "ban_decision": "community manager",
}

CASES = [
    (ex.pillar_mix, "b", ["a", "c", "d"]),
    (ex.ugc_flood, "b", ["a", "c", "d"]),
    (ex.complete_rules, "c", ["a", "b", "d"]),
    (
        ex.launch_roles,
        _ROLES,
        [
            {**_ROLES, "brake_fault": "support"},
            {**_ROLES, "ban_decision": "crew"},
            {**_ROLES, "first_threads": "community manager"},
            {**_ROLES, "delivery_question": "community manager"},
        ],
    ),
]

ALTERNATIVES = {
    ex.pillar_mix.id: [
        ("c", "rewritten", "A plan built mostly on rider stories is defensible; (c) now says rider stories only, "
         "which drops the how-to, product and event posts riders also come for."),
        ("d", "rewritten", "A small boost behind a post that already did well is part of the key; (d) now boosts "
         "every post before knowing how it does organically, which the data shows halves the engagement rate."),
    ],
    ex.ugc_flood.id: [
        ("d", "rewritten", "Platforms do surface popular posts; (d) now also says the team answers only problems, "
         "so posters get nothing back, which is what makes it wrong."),
        (" B ", "accepted", "An upper-case letter with spaces around it is the same choice; the check "
         "normalises case and spaces."),
    ],
    ex.complete_rules.id: [
        ("a", "rewritten", "A first draft of A said 'the duty manager, as soon as possible', which names an owner; "
         "A now says 'the right person', so it names neither an owner nor a time."),
        ("d", "rewritten", "D could pass if sending the rules with the welcome email counted as publishing them for "
         "the team too; D now says it goes to members only and has no review date."),
    ],
    ex.launch_roles.id: [
        ({**_ROLES, "brake_fault": "support"}, "rewritten", "Support may take the first report in real life; the "
         "task now says who must be told under the escalation path, which names the quality team for safety."),
        ({**_ROLES, "ban_decision": "crew"}, "rewritten", "Crew moderators may hide posts; the task now says a "
         "permanent ban, the last sanction, which stays with the accountable member of staff."),
        ({**_ROLES, "write_and_pin": "Community Manager", "delivery_question": "Customer Support"}, "accepted",
         "Capitals and 'customer support' for 'support' name the same roles."),
    ],
}
