"""Assignment 1 -- foundations of community management (graded).

An assessment: each item's visible check looks at the form of the answer only (every item
answered, each value one of the allowed labels or options) and never says whether it is right.
This module holds no key in any form; the only key is the one in the master notebook's hidden
tests, which are removed from the learner's copy and run at grading time.
"""

from course.checks import ChoiceForm, LabelsForm

SPACE_LETTERS = ("S", "P", "A", "C", "E", "I")
LETTERS = ("a", "b", "c", "d")

space_types = LabelsForm(
    id="a1_space_types",
    items=("help_forum", "ideas_board", "velora_crew", "route_library", "instagram_replies", "dealer_workspace"),
    labels=SPACE_LETTERS,
)

community_or_audience = LabelsForm(
    id="a1_community_or_audience",
    items=("newsletter_readers", "forum_helpers", "tv_ad_viewers", "ride_club"),
    labels=("community", "audience"),
)

cm_or_smm = LabelsForm(
    id="a1_cm_or_smm",
    items=("schedule_posts", "answer_forum_question", "design_campaign_visuals", "welcome_new_members",
           "introduce_two_members"),
    labels=("community management", "social media management"),
)

word_of_mouth = ChoiceForm(id="a1_word_of_mouth", options=LETTERS)

old_review = ChoiceForm(id="a1_old_review", options=LETTERS)

first_reply = ChoiceForm(id="a1_first_reply", options=LETTERS)

say_it = LabelsForm(
    id="a1_say_it",
    items=("member_tutorial", "app_outage", "rider_injured", "ugc_photo"),
    labels=("thank you", "sorry", "we support you"),
)

agency_risk = ChoiceForm(id="a1_agency_risk", options=LETTERS)

complaint_target = ChoiceForm(id="a1_complaint_target", options=LETTERS)
