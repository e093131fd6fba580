"""Assignment 2 -- community management strategy (graded).

An assessment: each item's visible check looks at the form of the answer only (every item
answered, each value one of the allowed labels or options) and never says whether it is right.
This module holds no key in any form; the only key is the one in the master notebook's hidden
tests, which are removed from the learner's copy and run at grading time.
"""

from course.checks import ChoiceForm, LabelsForm

LETTERS = ("a", "b", "c", "d")

kpi_for_objective = LabelsForm(
    id="a2_kpi_for_objective",
    items=("keep_spring_buyers", "faster_answers", "crew_sales", "forum_to_shop"),
    labels=("returning_members", "response_time", "referral_orders", "community_sessions", "likes"),
)

smart_rewrite = ChoiceForm(id="a2_smart_rewrite", options=LETTERS)

baseline_window = ChoiceForm(id="a2_baseline_window", options=LETTERS)

facebook_targets = ChoiceForm(id="a2_facebook_targets", options=LETTERS)

channel_for_brief = LabelsForm(
    id="a2_channel_for_brief",
    items=("china_young_riders", "de_it_over_45", "english_35_54"),
    labels=("instagram", "facebook", "forum", "xiaohongshu", "weibo"),
)

calendar_rule = ChoiceForm(id="a2_calendar_rule", options=LETTERS)

guideline_gap = ChoiceForm(id="a2_guideline_gap", options=LETTERS)

owned_first = ChoiceForm(id="a2_owned_first", options=LETTERS)

super_users = ChoiceForm(id="a2_super_users", options=LETTERS)

whats_in_it = ChoiceForm(id="a2_whats_in_it", options=LETTERS)

b2b_myth = ChoiceForm(id="a2_b2b_myth", options=LETTERS)
