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


# Alternative answers considered for each checked item, and what was decided:
# "accepted" answers must pass the check; "rewritten" means the item was changed so that the
# alternative is now clearly wrong (and the check must reject it). See tests/test_alternatives_m1.py.
ALTERNATIVES = {
    ex.community_or_audience.id: [
        (_with(_AUDIENCE, reddit_regulars="audience"), "rewritten",
         "'Velora does not run the subreddit, so they are only an audience': the item now says the regulars help "
         "newcomers choose, so members talk to members, and the lesson states that ownership does not decide the label"),
        (_with(_AUDIENCE, webinar_viewers="community"), "rewritten",
         "a live event can feel communal; the item says chat and Q&A were switched off, so nobody could talk to anybody"),
        ({**_AUDIENCE, "crew_chat": "Community", "first_ride_cheerers": " COMMUNITY "}, "accepted",
         "capitals and stray spaces are the same label"),
    ],
    ex.cm_or_smm.id: [
        (_with(_CM_OR_SMM, reach_report="community management"), "rewritten",
         "community managers measure too; the item names reach, impressions and follower growth per social account, "
         "the numbers of posts and accounts, not of members"),
        (_with(_CM_OR_SMM, caption_hashtags="community management"), "rewritten",
         "captions invite conversation; the item now says 'before it is posted', so nobody has replied yet"),
        (_with(_CM_OR_SMM, caption_hashtags="smm", ideas_feedback_loop="cm"), "accepted",
         "the short forms the task offers"),
        (_with(_CM_OR_SMM, profile_refresh="social media"), "accepted",
         "'social media' for social media management is unambiguous"),
    ],
    ex.space_types.id: [
        (_with(_SPACE, social_replies="S"), "rewritten",
         "some riders who mention @Velora ask about their bike, and the old 'stop at the first yes' list asked the "
         "help question before the public-conversation one, so replies on Velora's social posts came out S; the list "
         "now asks about public talk on a network the brand does not own (E) before help (S), and says so"),
        (_with(_SPACE, social_replies="C"), "rewritten",
         "the old wording 'thanks riders who tag the brand' read like a user-generated campaign; the item now has "
         "riders mention @Velora in words, nothing is made or traded"),
        (_with(_SPACE, developer_forum="E"), "rewritten",
         "a forum is public talk; the item now says the forum is on the company's own site, so the E question "
         "(a network the brand does not own) is a no and the help question decides: S"),
        (_with(_SPACE, crew_top_tier="C"), "rewritten",
         "ambassadors post about the brand; the item is about the tier earned by bringing ten friends, and the "
         "list asks the acquisition question before the content one"),
        (_with(_SPACE, crowdfunding_site="S"), "rewritten",
         "the team helps campaigners follow rules; the item says the campaigns are the product, and the content "
         "question comes before help"),
        ({**_SPACE, "faq_search": "support", "staff_ride_week": "internal", "social_replies": "e"}, "accepted",
         "the type's name or a lower-case letter means the same type"),
    ],
    ex.jacket_week.id: [
        ("a", "rewritten",
         "answering where the complaints are loudest is a fair first move; the option now says the other spaces "
         "will calm down on their own, leaving the forum, the Crew and the dealers without an answer"),
        ("d", "rewritten",
         "one thread is tidy; the option now asks dealers and Reddit users to move too, which a brand cannot make "
         "them do"),
        ("C", "accepted", "an upper-case letter is the same option"),
    ],
}
