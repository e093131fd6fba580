"""Assignment 1: the key, the form checks' cases and the register of alternative answers.

The course package holds no key for an assessment; the master notebook's hidden tests hold it, and
this file holds the same key for the tests (``tests/test_assessments.py`` proves the two agree).

Formats every answer-key module may use (see ``tests/answer_keys/__init__.py``):

- ``CASES``: lesson questions, ``(question, right answer, [wrong answers])``;
- ``FORMS``: assessment items, ``(form check, [well-formed answers], [malformed answers])``;
- ``KEYS``: assessment items, ``{question id: the answer that earns the points}``;
- ``ALTERNATIVES``: ``{question id: [(answer, decision, reason), ...]}``, every plausible answer
  other than the key that was considered, with the decision taken:
  ``"accepted"`` (it must score: a lesson's verdict is *correct*, an assessment's hidden tests pass),
  ``"rewritten"`` (the item's wording was changed so the answer is now plainly wrong: it must not score),
  ``"rejected"`` (wrong by the lesson's own rule, which the reason names: it must not score).
"""

from answer_keys.shortcuts import but
from course.exercises.module1 import assignment as ex

SPACE = {"help_forum": "S", "ideas_board": "P", "velora_crew": "A", "route_library": "C",
         "instagram_replies": "E", "dealer_workspace": "I"}
AUDIENCE = {"newsletter_readers": "audience", "forum_helpers": "community", "tv_ad_viewers": "audience",
            "ride_club": "community"}
CM = {"schedule_posts": "social media management", "answer_forum_question": "community management",
      "design_campaign_visuals": "social media management", "welcome_new_members": "community management",
      "introduce_two_members": "community management"}
SAY = {"member_tutorial": "thank you", "app_outage": "sorry", "rider_injured": "we support you", "ugc_photo": "thank you"}

KEYS = {
    "a1_space_types": SPACE,
    "a1_community_or_audience": AUDIENCE,
    "a1_cm_or_smm": CM,
    "a1_word_of_mouth": "b",
    "a1_old_review": "b",
    "a1_first_reply": "b",
    "a1_say_it": SAY,
    "a1_agency_risk": "c",
    "a1_complaint_target": "b",
}


ALTERNATIVES = {
    "a1_space_types": [
        (but(SPACE, instagram_replies="S"), "rewritten",
         "1.1's list stops at the first yes and asks about help (S) before the other platform (E); the item "
         "used to say the team answers questions, so S was defensible. It now says the team chats to keep the "
         "conversation going on a platform Velora does not own: nobody is asking for help."),
        (but(SPACE, route_library="S"), "rewritten",
         "Routes help riders get more out of their bikes, which reads as S. The item now says what the activity "
         "is for: members produce the library (routes are one of the examples of C in 1.1's list)."),
        (but(SPACE, route_library="A"), "rewritten",
         "The photos could be read as advocacy. The item no longer mentions anything shown to new customers."),
        (but(SPACE, dealer_workspace="S"), "rewritten",
         "Repair tips are help, but the members are staff and partner shops; the item now says 'not customers', "
         "the first question of 1.1's list (I)."),
        (but(SPACE, velora_crew="E"), "rejected",
         "The reward is for bringing in new customers (A); nothing happens on another brand's platform."),
        ({"help_forum": "support", "ideas_board": "product", "velora_crew": "advocacy", "route_library": "content",
          "instagram_replies": "external", "dealer_workspace": "internal"}, "accepted",
         "Words for the letters, from the course's alias table."),
        ({k: f" {v.lower()} " for k, v in SPACE.items()}, "accepted", "Lower case and spaces do not matter."),
    ],
    "a1_community_or_audience": [
        (but(AUDIENCE, newsletter_readers="community"), "rejected",
         "Loyal readers are still an audience: they receive, and do not meet or talk to each other (1.1)."),
        (but(AUDIENCE, ride_club="audience"), "rejected",
         "Velora organises the ride, but the members meet and ride together every week: a community."),
        ({k: v.upper() for k, v in AUDIENCE.items()}, "accepted", "Case does not matter."),
    ],
    "a1_cm_or_smm": [
        (but(CM, welcome_new_members="social media management"), "rejected",
         "Greeting a person and pointing them to guides builds a relationship, not a post (1.1)."),
        (but(CM, design_campaign_visuals="community management"), "rejected",
         "Making content before anyone has reacted is publishing: social media management."),
        ({k: {"community management": "cm", "social media management": "smm"}[v] for k, v in CM.items()},
         "accepted", "The short forms the task itself offers."),
        (but(CM, schedule_posts="social media", design_campaign_visuals="SMM", welcome_new_members="community"),
         "accepted", "Spellings from the course's alias table (1.1 accepts the same)."),
    ],
    "a1_word_of_mouth": [
        ("a", "rejected", "Counting heads (120 x 15 against 30 x 24) ignores that the happy stories are told "
                          "already, while the open complaints are the ones a reply can still change (1.2, 1.3)."),
        ("c", "rejected", "Hiding legitimate complaints makes them travel further and tells readers the brand "
                          "hides problems (1.2's advert case)."),
        ("d", "rejected", "The point of the rule of thumb is that the brand's replies shape what people pass on."),
        (" B ", "accepted", "Case and spaces do not matter."),
    ],
    "a1_old_review": [
        ("c", "rejected", "A private apology helps one rider; the 97% who read reviews see an unanswered complaint."),
        ("a", "rejected", "Asking for a genuine review to be removed reads as hiding, and usually fails."),
        ("d", "rejected", "Pushing a review down with requested five-star posts leaves it unanswered and "
                          "looks like gaming the page."),
    ],
    "a1_first_reply": [
        ("d", "rejected", "1.3's rule: a first reply within the hour, before the full fix is known."),
        ("c", "rejected", "A canned reply that sends the customer elsewhere is a brush-off."),
    ],
    "a1_say_it": [
        (but(SAY, rider_injured="sorry"), "rewritten",
         "A reply would often begin 'we're so sorry to hear', so 'sorry' was defensible. The task now defines "
         "'sorry' as the brand's apology for its own mistake and says sympathy of this kind is 'we support you'."),
        (but(SAY, app_outage="we support you"), "rejected", "A Velora update caused the outage: the brand apologises."),
        (but(SAY, ugc_photo="we support you"), "rejected", "The rider gave the brand a photo: thank them."),
        (but(SAY, member_tutorial="thanks", app_outage="apology", rider_injured="support", ugc_photo="Thank-you"),
         "accepted", "Spellings from the course's alias table (1.3 accepts the same)."),
    ],
    "a1_agency_risk": [
        ("a", "rejected", "Cost can matter, but 1.3's point is the brand's own voice and knowledge."),
        ("b", "rejected", "Agencies can post at any time; timing is not the risk."),
    ],
    "a1_complaint_target": [
        ("c", "rejected", "Time to a full fix can look good while complaints wait a day for any answer; the rule is "
                          "about the first reply."),
        ("a", "rejected", "A count of replies measures activity, not how fast complaints were answered."),
        ("d", "rejected", "The number of complaints measures the product or service, not the team's response."),
    ],
}

FORMS = [
    (ex.space_types, [SPACE, but(SPACE, help_forum="P"), {k: "S" for k in SPACE}],
     [{**SPACE, "help_forum": "Q"}, {k: v for k, v in SPACE.items() if k != "route_library"}, [("help_forum", "S")],
      but(SPACE, velora_crew=1), but(SPACE, extra_key="S")]),
    (ex.community_or_audience, [AUDIENCE, {k: "audience" for k in AUDIENCE}],
     [but(AUDIENCE, ride_club="fans"), "community"]),
    (ex.cm_or_smm, [CM, {k: "cm" for k in CM}], [but(CM, schedule_posts="marketing"), {}]),
    (ex.word_of_mouth, ["a", "b", "c", "d"], ["e", 2, ["b"]]),
    (ex.old_review, ["a", "b", "c", "d"], ["b)", 1]),
    (ex.first_reply, ["a", " B ", "c", "d"], ["yes", None]),
    (ex.say_it, [SAY, {k: "sorry" for k in SAY}], [but(SAY, app_outage="oops"), but(SAY, ugc_photo=True)]),
    (ex.agency_risk, ["a", "b", "c", "d"], ["the agency", 3]),
    (ex.complaint_target, ["a", "b", "c", "d"], ["share", 0.5]),
]

CASES = []  # no lesson questions here: an assessment's items are form checks
