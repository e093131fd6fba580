"""Answer keys for lesson 1.1 (What is community management?): right and wrong answers per question."""

from course.exercises.module1 import lesson1 as ex

_AUDIENCE = {
    "billboard_passers": "audience",
    "youtube_preroll": "audience",
    "silent_followers": "audience",
    "webinar_viewers": "audience",
    "crew_chat": "community",
    "reddit_regulars": "community",
    "first_ride_cheerers": "community",
}

_CM_OR_SMM = {
    "caption_hashtags": "social media management",
    "profile_refresh": "social media management",
    "reach_report": "social media management",
    "ideas_feedback_loop": "community management",
    "forum_house_rules": "community management",
    "crew_onboarding": "community management",
    "sunday_ride": "community management",
}

_SPACE = {
    "faq_search": "S",
    "developer_forum": "S",
    "wear_test_panel": "P",
    "focus_group": "P",
    "crew_top_tier": "A",
    "secondhand_market": "C",
    "crowdfunding_site": "C",
    "social_replies": "E",
    "staff_ride_week": "I",
}


def _with(base, **changes):
    return {**base, **changes}


CASES = [
    (
        ex.community_or_audience,
        _AUDIENCE,
        [
            _with(_AUDIENCE, reddit_regulars="audience"),  # "Velora doesn't own it, so it isn't community"
            _with(_AUDIENCE, webinar_viewers="community"),  # an event is not automatically a community
            _with(_AUDIENCE, silent_followers="community"),
            {k: "community" for k in _AUDIENCE},
        ],
    ),
    (
        ex.cm_or_smm,
        _CM_OR_SMM,
        [
            _with(_CM_OR_SMM, reach_report="community management"),
            _with(_CM_OR_SMM, sunday_ride="social media management"),
            _with(_CM_OR_SMM, forum_house_rules="smm"),
        ],
    ),
    (
        ex.space_types,
        _SPACE,
        [
            _with(_SPACE, crowdfunding_site="A"),
            _with(_SPACE, social_replies="C"),
            _with(_SPACE, wear_test_panel="S"),
            _with(_SPACE, staff_ride_week="E"),
        ],
    ),
    (ex.jacket_week, "c", ["a", "b", "d"]),
]
