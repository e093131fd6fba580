"""Assignment 3: the key, the form checks' cases, the register of alternative answers and degenerate learners.

The course package holds no key for an assessment; the master notebook's hidden tests hold it, and
this file holds the same key for the tests (``tests/test_assessments.py`` proves the two agree).
The formats (``CASES``, ``FORMS``, ``KEYS``, ``ALTERNATIVES``) are described in ``m1_assignment.py``.

The figures the items quote were computed with the course's labs on Velora's data, and
``tests/test_grading_a3.py`` recomputes them:

- Q1: ``pick_platforms`` fits exactly one platform to each brief: facebook, xiaohongshu, linkedin;
- Q2: ``velora_by_platform``: TikTok, Xiaohongshu and Instagram per person reached, LinkedIn per follower;
- Q3: ``score_profile`` on :data:`WINTER_PROFILE` misses one point, accessibility (a lower-case hashtag);
- Q4: ``slot_engagement(posts, "tiktok")``: of the four candidate cells only the key's rests on ten posts;
- Q5: ``check_drafts`` on :data:`DRAFTS`: nothing for the X draft (its link counts 23), alt_text, link;
- Q6: ``across_zones("2027-03-18 19:00")`` puts New York at 14:00;
- Q8: ``check_links`` on the four links finds one problem, link (a)'s medium;
- Q9: ``funnel(sessions, start="2026-04-01", end="2026-04-30")``: the key's row has the highest order rate,
  the distractors the most visits and orders, the best sign-up rate, the most visits of a social network;
- Q11: ``insights`` for Instagram in May 2026: the summed reach is larger than the account's followers;
- Q12: ``missed_points`` for Velora's X: the handle and the pinned post.

``DEGENERATE`` holds learners who take a shortcut instead of thinking (always the same letter, one label
everywhere, answers copied from the lessons' nearest exercises); ``tests/test_grading_assignments.py``
shows each scores clearly less than a thoughtful learner, and grades the synthetic class (``SPEC``) end to end.
"""

from functools import partial

from answer_keys.shortcuts import but, degenerate_learners, same_everywhere as _same_everywhere
from course.exercises.module3 import assignment as ex
from gradecells import Assessment, cheat_sources, class_scores, synthetic_submission

PLATFORM = {"sunday_rides": "facebook", "china_review_notes": "xiaohongshu", "fleet_livestream": "linkedin"}
DRAFT_RULES = {"x_winter_check": "ok", "ig_cargo_carousel": "alt_text", "tiktok_gloves_clip": "link"}
TOOLS = {"story_replies": "built-in analytics", "three_network_report": "scheduler",
         "forum_link_visits": "web analytics", "why_riders_left": "ask the members"}

KEYS = {
    "a3_platform_for_brief": PLATFORM,
    "a3_rate_apart": "d",
    "a3_profile_gap": "c",
    "a3_series_slot": "d",
    "a3_draft_rules": DRAFT_RULES,
    "a3_new_york_time": "b",
    "a3_tool_for_question": TOOLS,
    "a3_utm_rule": "a",
    "a3_funnel_best": "b",
    "a3_funnel_blind_spot": "c",
    "a3_summed_reach": "a",
}

# Question 1's briefs, as the notebook's table cell writes them.
_FIVE = ["instagram", "facebook", "linkedin", "xiaohongshu", "weibo"]
BRIEFS = {
    "sunday_rides": {"audience": "local", "formats": ["live"], "clickable_link": True, "velora_account": True,
                     "platforms": _FIVE},
    "china_review_notes": {"market": "china", "audience": "young", "formats": ["carousel"], "platforms": _FIVE},
    "fleet_livestream": {"audience": "professional", "formats": ["live"], "clickable_link": True, "platforms": _FIVE},
}

# Question 4: TikTok's cells (slot_engagement, Turin time) behind each option.
SLOT_PLATFORM = "tiktok"
SLOT_OPTIONS = {"a": ("Fri", "09:00-12:00"), "b": ("Tue", "09:00-12:00"), "c": ("Tue", "18:00-21:00"),
                "d": ("Wed", "12:00-15:00")}

# Question 9: the funnel's row behind each option (every visit, 1-30 April 2026, the Spring Sale's month).
FUNNEL_OPTIONS = {"a": "google / organic", "b": "newsletter / email", "c": "forum.velora.bike / referral",
                  "d": "instagram / social"}

# Question 3: Giulia's winter draft of Velora's Instagram profile.
WINTER_PROFILE = {
    "brand": "Velora", "platform": "instagram", "handle": "velorabikes", "display_name": "Velora",
    "bio": "E-bikes made in Turin. Winter ride tips, repair help and rider stories every week: share your cold rides "
           "with #VeloraWinterRides",
    "link": "https://velora.bike/winter", "link_checked": "ok", "image": "logo",
    "pinned_text": "Winter kit check from riders in Turin, Leeds and Toronto: lights, tyres, gloves. Add yours with "
                   "#velorawinterrides",
    "pinned_date": "2026-08-14", "pinned_accessible": True,
    "contact": "DM or help@velora.bike", "response_hours": "Mon-Fri 8:00-23:00 CET",
    "category": "Bicycle company", "location": "Turin, Italy",
}

# Question 5: the three drafts, as check_drafts takes them.
DRAFTS = [
    {"draft": "x_winter_check", "platform": "x", "images": 0,
     "text": "Winter check before the cold sets in: lights, tyres, brake pads and the battery's range. Our Turin "
             "mechanics show the five steps, riders in Leeds and Toronto add theirs. Book a free check at a partner "
             "shop near you: https://velora.bike/partners/winter-check-2026/book-your-free-appointment #WinterRiding"},
    {"draft": "ig_cargo_carousel", "platform": "instagram", "images": 3,
     "alt_text": ["A child waves from the Velora Cargo's box on a Turin street.",
                  "The Cargo's battery slides out of the frame."],
     "text": "Three things to know before Cargo pre-orders open: the box takes two children, the battery lasts a "
             "school week, and the seat belts clip in with one hand. Which would you test first? #VeloraCargo "
             "#FamilyRide"},
    {"draft": "tiktok_gloves_clip", "platform": "tiktok", "images": 0,
     "text": "Our Turin mechanics test the new winter gloves at minus five. Full review and sizes: "
             "https://velora.bike/wear/gloves #VeloraWear #WinterRiding"},
]

SPRING_SALE_LINKS = {
    "a": "https://velora.bike/shop?utm_source=instagram&utm_medium=paid_social&utm_campaign=spring_sale_2026",
    "b": "https://velora.bike/shop?utm_source=forum.velora.bike&utm_medium=referral&utm_campaign=spring_sale_2026",
    "c": "https://velora.bike/shop?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale_2026"
         "&utm_content=header_button",
    "d": "https://velora.bike/shop?size=m&utm_source=google&utm_medium=cpc&utm_campaign=spring_sale_2026"
         "&utm_term=cargo_bike",
}


ALTERNATIVES = {
    "a3_platform_for_brief": [
        (but(PLATFORM, sunday_rides="instagram"), "rejected",
         "Instagram is Velora's biggest account and takes live video, but its audience is a broad crowd, not riders "
         "who live nearby, and a link in a caption cannot be tapped (3.1's fact sheet)."),
        (but(PLATFORM, china_review_notes="weibo"), "rewritten",
         "Weibo's followers in China are young too, so it fitted a first draft that asked for 'posts'; the brief now "
         "asks for carousels, which Weibo does not offer and pick_platforms says so."),
        (but(PLATFORM, fleet_livestream="facebook"), "rejected",
         "Facebook carries live video with working links, but its audience is broad and local, not professionals "
         "in a working frame of mind."),
        ({"sunday_rides": "FB", "china_review_notes": "RedNote", "fleet_livestream": "LinkedIn"}, "accepted",
         "Spellings from the course's alias table."),
    ],
    "a3_rate_apart": [
        ("a", "rejected", "A high rate is not a different measure: TikTok's figure divides by people reached like "
                          "the others (3.1's denominators)."),
        ("b", "rejected", "Xiaohongshu's engagement looks different (saves), but the figure is still interactions "
                          "per person reached, so it ranks with the others."),
        ("c", "rewritten", "Boosted posts do lower a rate, so a careful learner might doubt Instagram's; the option "
                           "now says the figure includes them, as every platform's figure in the table does, while "
                           "(d) alone divides by something else."),
    ],
    "a3_profile_gap": [
        ("a", "rejected", "The bio fits Instagram's 150 characters; being near a limit is not missing it."),
        ("b", "rewritten", "A summer post in a winter profile can feel dated; the draft now pins it 78 days before "
                           "the audit, inside the checklist's 90 days, and the stem gives both dates."),
        ("d", "rejected", "The hours are stated on a named clock, which is what the contact point asks; who covers "
                          "them was lesson 3.2's exercise 3, and the team's Toronto shift covers the evening."),
    ],
    "a3_series_slot": [
        ("a", "rejected", "The brightest cell rests on six posts, under lesson 3.3's ten: one lucky clip can set "
                          "its colour, and a weekly series needs a figure that repeats."),
        ("b", "rejected", "Three posts are too few to tell luck from a pattern, whatever the story about mornings."),
        ("c", "rewritten", "Evenings after work are a fair guess and seven posts are not nothing; the stem now "
                           "gives each cell's posts, and only (d) reaches the lesson's ten, with brighter "
                           "Wednesday neighbours on both sides."),
    ],
    "a3_draft_rules": [
        (but(DRAFT_RULES, x_winter_check="length"), "rewritten",
         "Typed out, the X draft is over 280 characters; the stem now gives the link's length, and X counts every "
         "link as 23, so it fits."),
        (but(DRAFT_RULES, ig_cargo_carousel="ok"), "rejected",
         "The caption has no link and two hashtags, but one of the three photos has no alt text."),
        (but(DRAFT_RULES, tiktok_gloves_clip="hashtags"), "rejected",
         "Two hashtags are within TikTok's advised three to five; the address in the caption cannot be tapped."),
        ({"x_winter_check": "none", "ig_cargo_carousel": "alt text", "tiktok_gloves_clip": "links"}, "accepted",
         "Spellings from the course's alias table."),
    ],
    "a3_new_york_time": [
        ("a", "rejected", "Six hours is the usual gap, but from 14 to 28 March only New York is on summer time, so "
                          "the gap is five (3.3's clock_gaps)."),
        ("c", "rejected", "Moving New York's clocks forward brings it an hour closer to Rome, not further away."),
        ("d", "rejected", "New York is behind Rome, not ahead: the hours are taken away, not added."),
    ],
    "a3_tool_for_question": [
        (but(TOOLS, forum_link_visits="forum software"), "rejected",
         "The links sit in forum threads, but the visits happen on velora.bike; only web analytics, reading the "
         "links' tags, sees them."),
        (but(TOOLS, three_network_report="built-in analytics"), "rewritten",
         "Each network's page shows its own follower growth; the item now asks for the three side by side in one "
         "weekly report, which is the scheduler's cross-platform report."),
        (but(TOOLS, why_riders_left="forum software"), "rewritten",
         "Forum software can list who has gone quiet; the item now asks why they did, which no counter can say."),
        ({"story_replies": "Instagram Insights", "three_network_report": "Hootsuite",
          "forum_link_visits": "Google Analytics", "why_riders_left": "survey"}, "accepted",
         "Naming the tool the lesson gives as the example for a kind means that kind."),
    ],
    "a3_utm_rule": [
        ("b", "rejected", "forum.velora.bike has dots, which the rules allow, and it is the register's name for the "
                          "forum."),
        ("c", "rejected", "utm_content is optional and tells two links of one e-mail apart; every rule holds."),
        ("d", "rejected", "size=m is the page's own parameter, not a UTM tag, and utm_term is optional: the link "
                          "keeps every rule."),
    ],
    "a3_funnel_best": [
        ("a", "rejected", "Google's organic visits brought the most orders because they were the most visits; "
                          "orders for every visit is the order rate (3.4)."),
        ("c", "rejected", "The forum's visitors signed up most often, but the question asks about orders, the "
                          "funnel's other step."),
        ("d", "rewritten", "A first draft asked which social network did best for the sale, where Instagram's "
                           "visits lead; the item now asks for orders per visit across every source."),
    ],
    "a3_funnel_blind_spot": [
        ("a", "rejected", "Orders per tagged visit is exactly what the funnel's order rate shows."),
        ("b", "rejected", "Revenue per session is one of the funnel's columns, for every source."),
        ("d", "rejected", "Sessions from tagged links are what the funnel counts first."),
    ],
    "a3_summed_reach": [
        ("b", "rejected", "It mixes reach up with impressions: repeat views raise impressions, while summing reach "
                          "over posts counts the same person more than once, so the figure is too high, not low."),
        ("c", "rewritten", "Reach does count distinct accounts, post by post; the stem now gives the month's posts "
                           "and the follower count, and a page's reach over a period is summed per post (3.4)."),
        ("d", "rejected", "Adding another platform's summed reach counts people who follow both twice more."),
    ],
}

FORMS = [
    (ex.platform_for_brief, [PLATFORM, {k: "instagram" for k in PLATFORM}],
     [but(PLATFORM, sunday_rides="nextdoor"), {k: v for k, v in PLATFORM.items() if k != "fleet_livestream"},
      but(PLATFORM, fleet_livestream=3), "facebook"]),
    (ex.rate_apart, ["a", "b", "c", "d"], ["linkedin", 4]),
    (ex.profile_gap, ["a", " C ", "c", "d"], ["accessibility", None]),
    (ex.series_slot, ["a", "b", "c", "d"], ["Tuesday", ["d"]]),
    (ex.draft_rules, [DRAFT_RULES, {k: "ok" for k in DRAFT_RULES}],
     [but(DRAFT_RULES, x_winter_check="mentions"), but(DRAFT_RULES, extra_draft="ok"),
      but(DRAFT_RULES, tiktok_gloves_clip=True)]),
    (ex.new_york_time, ["a", "b", "c", "d"], ["14:00", 14]),
    (ex.tool_for_question, [TOOLS, {k: "scheduler" for k in TOOLS}],
     [but(TOOLS, story_replies="excel"), {k: v for k, v in TOOLS.items() if k != "why_riders_left"}]),
    (ex.utm_rule, ["a", "b", "c", "d"], ["paid_social", 1]),
    (ex.funnel_best, ["a", "b", "c", "d"], ["b)", 2.0]),
    (ex.funnel_blind_spot, ["a", "b", "c", "d"], ["tiktok", True]),
    (ex.summed_reach, ["a", "b", "c", "d"], ["a.", 0]),
]

CASES = []  # no lesson questions here: an assessment's items are form checks

# --------------------------------------------------------------------------- degenerate learners
LABEL_ITEMS = {"a3_platform_for_brief": ex.platform_for_brief, "a3_draft_rules": ex.draft_rules,
               "a3_tool_for_question": ex.tool_for_question}


def same_everywhere(letter: str, label_index: int) -> dict:
    return _same_everywhere(KEYS, LABEL_ITEMS, letter, label_index)


# A learner who copies, for each item, the answer of the lesson exercise that looks most like it.
COPIED_FROM_LESSONS = {
    # 3.1 exercises 2 and 5: fleet -> linkedin, China -> xiaohongshu, and Instagram, "the broad crowd", for the rides
    "a3_platform_for_brief": {"sunday_rides": "instagram", "china_review_notes": "xiaohongshu",
                              "fleet_livestream": "linkedin"},
    "a3_rate_apart": "b",  # 3.1 exercise 3 (not_comparable): b
    "a3_profile_gap": "a",  # 3.2 exercise 4 (pinned_post): a
    "a3_series_slot": "b",  # 3.3 exercise 1 (trust_cell): b
    # 3.3 exercise 2 by platform: the X draft ok, the Instagram draft's link, and link for the TikTok caption too
    "a3_draft_rules": {"x_winter_check": "ok", "ig_cargo_carousel": "link", "tiktok_gloves_clip": "link"},
    "a3_new_york_time": "a",  # 3.3 exercise 4's first label, on_time: the usual six hours
    # 3.4 exercise 1 item by item: saves -> built-in, one report -> scheduler, the forum -> forum software, belonging
    "a3_tool_for_question": {"story_replies": "built-in analytics", "three_network_report": "scheduler",
                             "forum_link_visits": "forum software", "why_riders_left": "ask the members"},
    "a3_utm_rule": "d",  # 3.4 exercise 3 (broken_link): d
    "a3_funnel_best": "d",  # 3.4 exercise 4 (funnel_best): d
    "a3_funnel_blind_spot": "b",  # 3.4 case study (tiktok_decision): b
    "a3_summed_reach": "b",  # 3.4 exercise 2 (best_format): b
}

DEGENERATE = degenerate_learners(KEYS, LABEL_ITEMS, COPIED_FROM_LESSONS)

# --------------------------------------------------------------------------- the synthetic class
# Eight learners who hand in this assignment, graded end to end by tests/test_grading_assignments.py.
ASSIGNMENT = "module3_social"
NOTEBOOK = "3.6-assignment.ipynb"
AUTO_MAX, WRITTEN_MAX = 22, 12  # 11 autograded items of 2 points; two written answers of 6

CHEATS = cheat_sources(equal_anything="a3_platform_for_brief", patched_str=("a3_rate_apart", "d"),
                       silenced_check=("a3_profile_gap", "b"), patched_type=("a3_new_york_time", "b"),
                       patched_form_check=("a3_funnel_best", "a"),
                       labels_equal_anything=("a3_draft_rules", tuple(DRAFT_RULES)))

# learner -> autograded score; the first option and first label everywhere: q8's and q11's keys are "a"; the lessons'
# nearest answers: every item asks for a transfer the copy misses
EXPECTED = class_scores(AUTO_MAX, always_a=4, copied_from_lessons=0)

THOUGHTFUL = {
    "every answer right": dict(KEYS),
    # a careful learner who still slips on the two closest calls
    "two slips": {**KEYS, "a3_tool_for_question": but(TOOLS, forum_link_visits="forum software"),
                  "a3_profile_gap": "b"},
}

SPEC = Assessment(
    ASSIGNMENT, NOTEBOOK, "Assignment 3", AUTO_MAX, WRITTEN_MAX, "a3_x_fix_plan", expected=EXPECTED,
    build=partial(synthetic_submission,
                  # a wrong tool (q7) and the usual six hours (q6): well formed, so the visible checks say "Answered"
                  partly_wrong={"a3_tool_for_question": but(TOOLS, forum_link_visits="forum software"),
                                "a3_new_york_time": "a"},
                  tampered={"a3_summed_reach": "a"}, removed_check="a3_utm_rule_check",
                  cheats=CHEATS, cheater_wrong=same_everywhere("b", 1),  # every other answer wrong
                  degenerate=DEGENERATE,
                  written={
                      "a3_x_fix_plan":
                          "Move X to @velorabikes; pin a launch post with DM hours in CET; audit monthly.",
                      "a3_august_case":
                          "(a) The rhythm held, the replies did not. (b) A rota, no auto-replies."}),
    keys=KEYS, degenerate=DEGENERATE, label_items=LABEL_ITEMS, thoughtful=THOUGHTFUL,
    thoughtful_scores={"every answer right": AUTO_MAX, "two slips": AUTO_MAX - 4})
