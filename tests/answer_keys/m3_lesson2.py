"""Answer keys for lesson 3.2 (Creating and optimising profiles), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item was
changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module3 import lesson2 as ex
from course.social.profiles import get_profile, load_profiles

_SHIPPED = get_profile(load_profiles(), "Velora", "tiktok")
_FIXED = {
    **_SHIPPED,
    "bio": "E-bikes made in Turin. Ride tips and quick repair help, twice a week.",
    "link": "https://velora.bike/riders",
    "pinned_text": "Winter riding: three checks before you leave home",
    "pinned_date": "2026-10-20",
    "pinned_accessible": True,
    "contact": "DM or help@velora.bike",
    "response_hours": "Mon-Fri 8:00-23:00 CET",
    "location": "Turin, Italy",
}

CASES = [
    (ex.cargo_handle, "c", ["a", "b", "d"]),
    (ex.instagram_bio, "b", ["a", "c"]),
    (ex.contact_route, "d", ["a", "b", "c"]),
    (ex.pinned_post, "a", ["b", "c", "d"]),
    (
        ex.fixed_tiktok,
        _FIXED,
        [
            {**_FIXED, "bio": _SHIPPED["bio"]},  # still too long, still shouting, still a web address in it
            {**_FIXED, "link": "velora.bike/riders"},  # no https://
            {**_FIXED, "pinned_date": "2026-06-20"},  # the old pinned video
            {**_FIXED, "pinned_accessible": False},
            {**_FIXED, "response_hours": ""},
            {**_FIXED, "handle": "velora.bikes"},
            {**_FIXED, "platform": "instagram"},  # a different profile
            {**_FIXED, "pinned_date": "last week"},  # not a date: a clear message, no exception
            {**_FIXED, "pinned_accessible": "maybe"},
        ],
    ),
]

ALTERNATIVES = {
    ex.cargo_handle.id: [
        ("a", "rewritten", "A '.official' suffix on the one platform where the name is taken is common practice; the "
         "stem now asks for one handle on every platform, which (a) does not give, while (c) does."),
        ("b", "rewritten", "A longer, more descriptive handle could be argued for; (b) is now 16 characters, one more "
         "than X accepts, so it cannot be claimed everywhere."),
    ],
    ex.instagram_bio.id: [
        ("c", "rewritten", "The long bio has the best content; it is now 158 characters, over Instagram's 150, so it "
         "fails the first job of a bio, fitting its box."),
    ],
    ex.contact_route.id: [
        ("c", "rewritten", "One mailbox for everything is tidy for a small team; (c) now also closes DMs and states no "
         "hours, so it fails both parts of a contact route."),
    ],
    ex.pinned_post.id: [
        ("c", "rewritten", "Keeping an apology visible can show accountability; the stem now places the crisis seven "
         "months back and closed, so pinning it greets every newcomer with an old problem."),
    ],
    ex.fixed_tiktok.id: [
        ({**_FIXED, "bio": "Ride tips and repair help from Velora's Turin mechanics."}, "accepted",
         "Any bio that fits 80 characters, keeps the voice and speaks to the visitor passes."),
        ({**_FIXED, "contact": "help@velora.bike", "location": "Italy"}, "accepted",
         "Any contact route with hours, and any location, passes: the audit asks that they are there."),
        ({**_FIXED, "pinned_date": "2026-07-15"}, "rewritten", "A pin from mid-July is arguably recent; the audit's "
         "rule is 90 days before 31 October, so it is now stale and the message says how old it is."),
    ],
}
