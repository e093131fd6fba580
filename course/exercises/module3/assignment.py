"""Assignment 3 -- social media management (graded).

An assessment: each item's visible check looks at the form of the answer only (every item
answered, each value one of the allowed labels or options) and never says whether it is right.
This module holds no key in any form; the only key is the one in the master notebook's hidden
tests, which are removed from the learner's copy and run at grading time.
"""

from course.checks import ChoiceForm, LabelsForm

LETTERS = ("a", "b", "c", "d")

platform_for_brief = LabelsForm(
    id="a3_platform_for_brief",
    items=("sunday_rides", "china_review_notes", "fleet_livestream"),
    labels=("instagram", "facebook", "linkedin", "xiaohongshu", "weibo"),
)

rate_apart = ChoiceForm(id="a3_rate_apart", options=LETTERS)

profile_gap = ChoiceForm(id="a3_profile_gap", options=LETTERS)

series_slot = ChoiceForm(id="a3_series_slot", options=LETTERS)

draft_rules = LabelsForm(
    id="a3_draft_rules",
    items=("x_winter_check", "ig_cargo_carousel", "tiktok_gloves_clip"),
    labels=("ok", "length", "link", "hashtags", "alt_text"),
)

new_york_time = ChoiceForm(id="a3_new_york_time", options=LETTERS)

tool_for_question = LabelsForm(
    id="a3_tool_for_question",
    items=("story_replies", "three_network_report", "forum_link_visits", "why_riders_left"),
    labels=("built-in analytics", "scheduler", "web analytics", "forum software", "ask the members"),
)

utm_rule = ChoiceForm(id="a3_utm_rule", options=LETTERS)

funnel_best = ChoiceForm(id="a3_funnel_best", options=LETTERS)

funnel_blind_spot = ChoiceForm(id="a3_funnel_blind_spot", options=LETTERS)

summed_reach = ChoiceForm(id="a3_summed_reach", options=LETTERS)
