"""Assignment 2: the key, the form checks' cases, the register of alternative answers and degenerate learners.

The course package holds no key for an assessment; the master notebook's hidden tests hold it, and
this file holds the same key for the tests (``tests/test_assessments.py`` proves the two agree).
The formats (``CASES``, ``FORMS``, ``KEYS``, ``ALTERNATIVES``) are described in ``m1_assignment.py``.

The figures the items quote were computed with the course's labs on Velora's data, and
``tests/test_grading_a2.py`` recomputes them:

- Q2: ``baseline(posts, "2026-01-12", 8, platform="forum")`` is 225.7 engagements per post (+10%: 248.3);
- Q3: Instagram, eight weeks from 23 Feb 333.0 (crisis week), 13 Apr 405.0 (campaign and Spring Sale),
  12 Jan 489.1 (no warning), 4 May 625.3 (the campaign);
- Q4: Facebook, 12 Jan 21.8 (targets 24.0 and 27.2), 23 Feb 34.8 (38.2, 43.4), 4 May 76.3 (83.9, 95.4);
- Q5: ``rank_channels`` puts xiaohongshu, facebook and the forum first (by score) for the three briefs;
- Q6: 51 super users of 6,000 members wrote 46% of the forum replies and 45% of the accepted answers;
- Q10: ``check_guidelines`` on the draft names the escalation path and nothing else;
- Q11: ``validate_calendar`` on the May plan with the new post adds one problem: ``window``.

``DEGENERATE`` holds learners who take a shortcut instead of thinking (always the first option, one label
everywhere, answers copied from the lessons' nearest exercises); ``tests/test_grading_assignments.py``
shows each scores clearly less than a thoughtful learner, and grades the synthetic class (``SPEC``) end to end.
"""

from functools import partial

from answer_keys.shortcuts import but, degenerate_learners, same_everywhere as _same_everywhere
from course.exercises.module2 import assignment as ex
from gradecells import Assessment, cheat_sources, class_scores, synthetic_submission

KPI = {"keep_spring_buyers": "returning_members", "faster_answers": "response_time",
       "crew_sales": "referral_orders", "forum_to_shop": "community_sessions"}
CHANNEL = {"china_young_riders": "xiaohongshu", "de_it_over_45": "facebook", "english_35_54": "forum"}

KEYS = {
    "a2_kpi_for_objective": KPI,
    "a2_smart_rewrite": "c",
    "a2_baseline_window": "c",
    "a2_facebook_targets": "b",
    "a2_channel_for_brief": CHANNEL,
    "a2_super_users": "d",
    "a2_b2b_myth": "d",
    "a2_owned_first": "a",
    "a2_whats_in_it": "b",
    "a2_guideline_gap": "d",
    "a2_calendar_rule": "c",
}


ALTERNATIVES = {
    "a2_kpi_for_objective": [
        (but(KPI, keep_spring_buyers="likes"), "rejected",
         "Likes cannot say who gave them, so they cannot show whether the spring buyers are still there (2.1's "
         "vanity metrics)."),
        (but(KPI, crew_sales="community_sessions"), "rewritten",
         "Visits from the community can lead to sales, so sessions were defensible while the item spoke of the "
         "Crew 'bringing people to Velora'; it now says bike sales, and the referral code is what ties a sale to "
         "the Crew."),
        (but(KPI, forum_to_shop="referral_orders"), "rewritten",
         "A first draft said the guides should 'sell more bikes', which orders measure; the item now says they "
         "should send readers to the shop, which is a visit."),
        (but(KPI, faster_answers="returning_members"), "rejected",
         "Riders who wait may drift away, but the objective is about the wait itself: minutes to a first reply."),
        ({"keep_spring_buyers": "Returning Members", "faster_answers": "first response time",
          "crew_sales": "referrals", "forum_to_shop": "community sessions"}, "accepted",
         "Spellings from the course's alias table."),
    ],
    "a2_smart_rewrite": [
        ("a", "rejected", "A member count is growth, not engagement, has no baseline, and is a vanity figure for "
                          "this goal (2.1)."),
        ("b", "rejected", "Posting every day is an activity the team controls, not an outcome it measures."),
        ("d", "rejected", "Three times the baseline in four weeks is far beyond the 10% and 25% uplifts of 2.1's "
                          "rule: unrealistic."),
        (" C ", "accepted", "Case and spaces do not matter."),
    ],
    "a2_baseline_window": [
        ("a", "rejected", "The window holds the crisis week, so the lowest figure is not an ordinary one; beating "
                          "an easy baseline is not the point (2.1)."),
        ("b", "rejected", "A nearby season is a fair wish, but the window holds five weeks of #FirstRideVelora and "
                          "the Spring Sale's boosted posts: not ordinary weeks (2.1's window warnings)."),
        ("d", "rejected", "Every week of it is the campaign: the autumn objective has no campaign to match."),
    ],
    "a2_facebook_targets": [
        ("a", "rejected", "Targets from the campaign weeks ask an ordinary autumn to repeat the campaign."),
        ("c", "rejected", "The 23 February window holds the crisis week and the Spring Sale's boosted posts."),
        ("d", "rewritten", "Holding the baseline is sometimes a fair first aim; the task now states the rule "
                           "(achievable +10%, stretch +25%), and (d) sets the achievable target at the baseline."),
    ],
    "a2_channel_for_brief": [
        (but(CHANNEL, china_young_riders="weibo"), "rejected",
         "Weibo is close behind, but xiaohongshu's share of followers who fit the brief is larger (0.87 against "
         "0.83)."),
        (but(CHANNEL, english_35_54="instagram"), "rewritten",
         "Instagram has the most followers who fit (its fit_all), so it was the answer while the task said 'reach "
         "as many as possible'; the task now says each series is made for its group and asks for the best share "
         "(the score), where the forum leads."),
        (but(CHANNEL, english_35_54="facebook"), "rejected",
         "Facebook holds many riders of these ages, but under half of its followers fit the brief's ages, and the "
         "forum leads on the score the task asks for."),
        (but(CHANNEL, de_it_over_45="instagram"), "rejected",
         "Instagram is the biggest account, but under a third of a good fit; 2.2 warns against picking by size."),
        ({"china_young_riders": "RedNote", "de_it_over_45": "fb", "english_35_54": "Forum"}, "accepted",
         "Spellings from the course's alias table."),
    ],
    "a2_super_users": [
        ("a", "rejected", "Paying per answer turns help into piecework and rewards quantity; 2.2 and the seed "
                          "checklist ask the team to know and recognise these members."),
        ("b", "rejected", "Ignoring the members who carry half the forum risks losing them in the redesign."),
        ("c", "rejected", "Asking for volume to make the forum look busy uses them, and gives nothing back."),
    ],
    "a2_b2b_myth": [
        ("a", "rejected", "2.2's Maersk case: a business that sells to businesses built a community on one "
                          "distinctive side of its work."),
        ("b", "rejected", "Nothing in Module 2 makes payment the condition; shared know-how is what gathers people."),
        ("c", "rejected", "The myth is that one kind of business builds better communities; the answer is that "
                          "any can, not that B2B wins."),
    ],
    "a2_owned_first": [
        ("b", "rejected", "Paying before anything has been tried on owned channels spends the budget on an "
                          "untested message (owned before paid, 2.3 and 2.4)."),
        ("c", "rejected", "Spreading the budget over every platform ignores where the families are (2.2) and "
                          "still pays before testing."),
        ("d", "rejected", "Members hearing of the bike from paid influencers first is the reverse of owned first."),
    ],
    "a2_whats_in_it": [
        ("a", "rejected", "It says what Velora wants (market research), not what the families get."),
        ("c", "rejected", "It offers nothing to the reader and says nothing about the bike."),
        ("d", "rejected", "A claim about the product is not a reason to join; nothing in it is for the reader."),
    ],
    "a2_guideline_gap": [
        ("a", "rejected", "Graduated sanctions end in a ban for the worst breaches; that is what makes them "
                          "complete (2.3)."),
        ("b", "rejected", "Each rule comes with an OK and a not-OK example, which is what makes it usable."),
        ("c", "rejected", "Publishing and sharing with the team are both done; signing is not one of the parts."),
    ],
    "a2_calendar_rule": [
        ("a", "rejected", "The campaign page went out organically on 4 May, so the paid post comes after an "
                          "owned one."),
        ("b", "rejected", "The post belongs to the campaign and falls inside its dates, which is what the rule asks."),
        ("d", "rewritten", "23:30 can feel like an ordinary evening hour; the task now gives the good hours "
                           "(08:00-23:00), so the post is plainly outside them."),
    ],
}

FORMS = [
    (ex.kpi_for_objective, [KPI, but(KPI, crew_sales="likes"), {k: "likes" for k in KPI}],
     [but(KPI, forum_to_shop="visits"), {k: v for k, v in KPI.items() if k != "crew_sales"},
      but(KPI, faster_answers=60), but(KPI, extra_key="likes")]),
    (ex.smart_rewrite, ["a", "b", "c", "d"], ["e", 3]),
    (ex.baseline_window, ["a", " B ", "c", "d"], ["12 January", 489.1]),
    (ex.facebook_targets, ["a", "b", "c", "d"], ["24.0", None]),
    (ex.channel_for_brief, [CHANNEL, {k: "forum" for k in CHANNEL}],
     [but(CHANNEL, english_35_54="linkedin"), "facebook"]),
    (ex.super_users, ["a", "b", "c", "d"], ["thank them", ["d"]]),
    (ex.b2b_myth, ["a", "b", "c", "d"], ["d)", 4]),
    (ex.owned_first, ["a", "b", "c", "d"], ["owned", 1]),
    (ex.whats_in_it, ["a", "b", "c", "d"], ["b.", True]),
    (ex.guideline_gap, ["a", "b", "c", "d"], ["escalation", 0]),
    (ex.calendar_rule, ["a", "b", "c", "d"], ["window", 2.0]),
]

CASES = []  # no lesson questions here: an assessment's items are form checks

# --------------------------------------------------------------------------- degenerate learners
LABEL_ITEMS = {"a2_kpi_for_objective": ex.kpi_for_objective, "a2_channel_for_brief": ex.channel_for_brief}


def same_everywhere(letter: str, label_index: int) -> dict:
    return _same_everywhere(KEYS, LABEL_ITEMS, letter, label_index)


# A learner who copies, for each item, the answer of the lesson exercise that looks most like it.
COPIED_FROM_LESSONS = {
    # 2.1's worked objective ("keep spring riders", tracked with returning_members), for every objective
    "a2_kpi_for_objective": {item: "returning_members" for item in KPI},
    "a2_smart_rewrite": "b",  # 2.1 exercise 5 (director_target): b
    "a2_baseline_window": "d",  # 2.1 exercise 3 (baseline_window): d
    "a2_facebook_targets": "b",  # 2.1 exercise 5 again: b
    # 2.2 exercise 2: china_launch -> xiaohongshu, turin_seniors -> facebook, and "broad -> Instagram" for the rest
    "a2_channel_for_brief": {"china_young_riders": "xiaohongshu", "de_it_over_45": "facebook",
                             "english_35_54": "instagram"},
    "a2_super_users": "c",  # 2.2 exercise 4 (emphasis): c
    "a2_b2b_myth": "b",  # 2.2 exercise 1 (first_step): b
    "a2_owned_first": "b",  # 2.3 exercise 1 (pillar_mix): b
    "a2_whats_in_it": "b",  # 2.3 exercise 2 (ugc_flood): b
    "a2_guideline_gap": "c",  # 2.3 exercise 3 (complete_rules): c
    "a2_calendar_rule": "b",  # 2.4 exercise 2 (qa_week): b
}

DEGENERATE = degenerate_learners(KEYS, LABEL_ITEMS, COPIED_FROM_LESSONS)

# --------------------------------------------------------------------------- the synthetic class
# Eight learners who hand in this assignment, graded end to end by tests/test_grading_assignments.py.
ASSIGNMENT = "module2_strategy"
NOTEBOOK = "2.6-assignment.ipynb"
AUTO_MAX, WRITTEN_MAX = 22, 12  # 11 autograded items of 2 points; two written answers of 6

CHEATS = cheat_sources(equal_anything="a2_kpi_for_objective", patched_str=("a2_smart_rewrite", "c"),
                       silenced_check=("a2_baseline_window", "d"), patched_type=("a2_facebook_targets", "b"),
                       patched_form_check=("a2_calendar_rule", "a"),
                       labels_equal_anything=("a2_channel_for_brief", tuple(CHANNEL)))

# learner -> autograded score; the first option and first label everywhere: only q8's key is "a"; the lessons'
# nearest answers: right on q4 and q9 only
EXPECTED = class_scores(AUTO_MAX, always_a=2, copied_from_lessons=4)

THOUGHTFUL = {
    "every answer right": dict(KEYS),
    # a careful learner who still slips on the two closest calls
    "two slips": {**KEYS, "a2_channel_for_brief": but(CHANNEL, english_35_54="facebook"),
                  "a2_facebook_targets": "d"},
}

SPEC = Assessment(
    ASSIGNMENT, NOTEBOOK, "Assignment 2", AUTO_MAX, WRITTEN_MAX, "a2_launch_plan", expected=EXPECTED,
    build=partial(synthetic_submission,
                  # one wrong KPI (q1) and a wrong window (q3): well formed, so the visible checks say only "Answered"
                  partly_wrong={"a2_kpi_for_objective": but(KPI, forum_to_shop="referral_orders"),
                                "a2_baseline_window": "d"},
                  tampered={"a2_calendar_rule": "c"}, removed_check="a2_owned_first_check",
                  cheats=CHEATS, cheater_wrong={**same_everywhere("a", 0), "a2_owned_first": "b"},  # all else wrong
                  degenerate=DEGENERATE,
                  written={
                      "a2_launch_plan":
                          "Safety reports to quality within the hour; rules pinned; Crew posts first.",
                      "a2_reviews_case":
                          "(a) Owners are trusted more than adverts. (b) Ask buyers after three months."}),
    keys=KEYS, degenerate=DEGENERATE, label_items=LABEL_ITEMS, thoughtful=THOUGHTFUL,
    thoughtful_scores={"every answer right": AUTO_MAX, "two slips": AUTO_MAX - 4})
