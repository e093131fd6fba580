"""Assignment 5: the key, the form checks' cases, the register of alternative answers and the synthetic class.

The course package holds no key for an assessment; the master notebook's hidden tests hold it, and this file holds
the same key for the tests (``tests/test_assessments.py`` proves the two agree). The formats (``CASES``, ``FORMS``,
``KEYS``, ``ALTERNATIVES``) are described in ``m1_assignment.py``.

The figures the items quote were computed with the course's labs on Velora's data (and, for questions 8 and 9, on
the October caption test of ``course.exercises.module5.assignment.caption_test``), and ``tests/test_grading_a5.py``
recomputes them:

- Q2: ``kpi_set("2026-10-01", "2026-10-31")``: active participation 6.6%, lurkers 93.4%, reach 1.19 million;
- Q4: ``funnel(load_web_sessions(), campaign="rain_jacket_update")``: 4,337 sessions, 17 orders, Instagram's order
  rate 0.50% against 0.81% for #FirstRideVelora's Instagram visits, X's 527 sessions and no order;
- Q5: ``kpi_table("2026-10")``: 68 minutes (red), 50.3% (green), +0.24 (amber);
- Q6: October's 164 posts against September's 143, reach up by half, interactions by a third, 2.5% against 2.8%;
  29,489 interactions, the most since July;
- Q8: ``read_test(caption_test())``: 3.02% against 3.21%, +6.3% (-2.9% to +16.4%), p 0.187, detectable +13.6%;
- Q9: ``peeking(caption_test())``: day 2 at p 0.002 and +30%, day 1 at +35%, the last day at +6%, not significant;
- Q10: ``compare_windows`` on Facebook: autumn 45.2 per post and the only window without a warning, late winter
  33.6 (the crisis week), the campaign 86.7, early spring 40.4 (the campaign and the Spring Sale).

Lessons 5.1 to 5.4 reveal their model answers; no item's key is the letter or the labels of the lesson exercise it
is nearest to (``COPIED_FROM_LESSONS`` earns nothing).
"""

from functools import partial

from course.exercises.module5 import assignment as ex
from gradecells import (Assessment, but, cheat_sources, class_scores, degenerate_learners,
                        same_everywhere as _same_everywhere, synthetic_submission)

DENOMINATORS = {"compare_networks": "reach", "paid_video": "impressions", "existing_audience": "followers"}
FIXES = {"total_general_row": "drop row", "rome_times": "give time zone", "dotted_followers": "rewrite values"}
LIGHTS = {"question_reply_minutes": "red", "complaints_within_hour": "green", "net_sentiment": "amber"}

KEYS = {
    "a5_denominator_for_question": DENOMINATORS,
    "a5_outcome_kpi": "c",
    "a5_export_fixes": FIXES,
    "a5_update_funnel": "d",
    "a5_october_lights": LIGHTS,
    "a5_october_commentary": "a",
    "a5_november_step": "d",
    "a5_caption_reading": "b",
    "a5_day_two_call": "c",
    "a5_facebook_baseline": "a",
}

# Question 10: the window behind each option.
BASELINE_OPTIONS = {"a": "autumn", "b": "late winter", "c": "campaign", "d": "early spring"}

ALTERNATIVES = {
    "a5_denominator_for_question": [
        (but(DENOMINATORS, compare_networks="followers"), "rejected",
         "Followers ignore how far each account's posts travel; comparing two networks of different sizes needs the "
         "people each post actually reached (5.1's denominator table)."),
        (but(DENOMINATORS, paid_video="reach"), "rewritten",
         "Reach is the usual fair choice, but the agency asks what each showing earned; the item now says the ad was "
         "shown to the same people four or five times, which is what impressions count."),
        (but(DENOMINATORS, existing_audience="reach"), "rewritten",
         "Reach would count people who never followed; the item now says 'the audience Velora has already built', "
         "whoever else the posts reached, which is the follower denominator."),
        ({"compare_networks": "Reach", "paid_video": " impressions ", "existing_audience": "follower"}, "accepted",
         "Capital letters, spaces and the singular 'follower' do not matter."),
    ],
    "a5_outcome_kpi": [
        ("a", "rejected", "Followers are the vanity figure of 5.4: a follow says nothing about anyone helping anyone."),
        ("b", "rejected", "Reach counts people who saw a post, not riders who answered each other."),
        ("d", "rewritten", "Share of voice measures how loud Velora is in the category; the goal now names riders "
                           "helping each other in the forum, which no listening figure counts."),
    ],
    "a5_export_fixes": [
        (but(FIXES, total_general_row="report separately"), "rejected",
         "Reporting apart is the fix for (not set) rows, which are real visits; a totals row is no day at all and "
         "is dropped, or the month's views are counted twice."),
        (but(FIXES, rome_times="rewrite values"), "rewritten",
         "Rewriting the times by hand could shift them; the item now says they are in Rome time with no zone, and "
         "the lab's fix is to say which zone (timezone='Europe/Rome')."),
        (but(FIXES, dotted_followers="drop row"), "rejected",
         "The follower count is the figure she needs; dropping it loses the month. 12.480 means twelve thousand: "
         "the values are rewritten in plain form."),
        ({"total_general_row": "Drop row", "rome_times": "give  time zone", "dotted_followers": "REWRITE VALUES"},
         "accepted", "Capital letters and extra spaces do not matter."),
    ],
    "a5_update_funnel": [
        ("a", "rejected", "Orders are not what an update in a crisis is for; a discount in a crisis update is what "
                          "riders of Module 4 called insulting."),
        ("b", "rejected", "X's 527 sessions were riders reading the update; no order is no failure for a page that "
                          "sold nothing on purpose."),
        ("c", "rewritten", "The funnel does say how many went to read the update; the option now claims it cannot "
                           "be judged at all, which ignores the sessions and the inbox."),
    ],
    "a5_october_lights": [
        (but(LIGHTS, question_reply_minutes="amber"), "rejected",
         "Eight minutes over a 60-minute target is more than the tenth (6 minutes) that amber allows: red."),
        (but(LIGHTS, complaints_within_hour="amber"), "rewritten",
         "50.3% is barely above 50%; the item now shows both figures to a tenth of a point, and a figure that meets "
         "its target is green by the rule, however close."),
        (but(LIGHTS, net_sentiment="red"), "rejected",
         "+0.24 misses +0.25 by 0.01, inside the band of a tenth of the target (0.025): amber."),
        ({"question_reply_minutes": "Red", "complaints_within_hour": "green", "net_sentiment": "yellow"},
         "accepted", "Yellow is the usual spelling of amber in the alias table."),
    ],
    "a5_october_commentary": [
        ("b", "rejected", "It repeats the table in words: 5.3's commentary says what the table cannot."),
        ("c", "rejected", "It celebrates a total and dismisses the rate that fell; the reach grew faster than the "
                          "interactions."),
        ("d", "rewritten", "A platform change can lower a rate, but nothing in the data shows one; the option now "
                           "blames the platforms and drops the figure, which no evidence supports."),
    ],
    "a5_november_step": [
        ("a", "rejected", "A wish with no owner, date or figure; November's report could not check it."),
        ("b", "rejected", "Moving the target changes the light, not the result (5.3)."),
        ("c", "rejected", "October's extra posts are what lowered the rate per person; twice as many would spread "
                          "the interactions thinner still."),
    ],
    "a5_caption_reading": [
        ("a", "rejected", "A +6.3% lift whose interval runs from -2.9% to +16.4% could be chance: no winner."),
        ("c", "rewritten", "A p above 0.05 does not show the captions are equal; the option now says 'the test "
                           "proves', which a week that can detect only 13.6% cannot."),
        ("d", "rejected", "1 minus the p-value is not the chance that B is better (5.4)."),
    ],
    "a5_day_two_call": [
        ("a", "rejected", "The day-2 lift of +30% shrank to +6%: an early crossing is what peeking produces."),
        ("b", "rejected", "Three evenings in a row is still peeking; the crossings were gone by day 4."),
        ("d", "rejected", "Early figures swing because the sample is small; the test as planned is sound."),
    ],
    "a5_facebook_baseline": [
        ("b", "rejected", "The late-winter window holds the crisis week; goals set from it are met without trying."),
        ("c", "rejected", "The campaign's 86.7 per post is what a campaign does, not an ordinary week."),
        ("d", "rewritten", "Early spring does leave the crisis week behind, but the lab warns that the campaign and "
                           "the Spring Sale are inside it; the option now says only that the crisis is behind it."),
    ],
}

FORMS = [
    (ex.denominator_for_question, [DENOMINATORS, {k: "reach" for k in DENOMINATORS}],
     [but(DENOMINATORS, paid_video="views"), {k: v for k, v in DENOMINATORS.items() if k != "paid_video"},
      but(DENOMINATORS, compare_networks=3)]),
    (ex.outcome_kpi, ["a", "b", " C ", "d"], ["active participation", 3]),
    (ex.export_fixes, [FIXES, {k: "drop row" for k in FIXES}],
     [but(FIXES, rome_times="utc"), but(FIXES, extra="drop row"), "drop row"]),
    (ex.update_funnel, ["a", "b", "c", "d"], ["no", None]),
    (ex.october_lights, [LIGHTS, {k: "green" for k in LIGHTS}],
     [but(LIGHTS, net_sentiment="blue"), {k: v for k, v in LIGHTS.items() if k != "net_sentiment"}, ["red"]]),
    (ex.october_commentary, ["a", "b", "c", "d"], ["paragraph a", ["a"]]),
    (ex.november_step, ["a", "b", "c", "d"], ["e", 4]),
    (ex.caption_reading, ["a", "b", "c", "d"], ["no winner", 0.187]),
    (ex.day_two_call, ["a", "b", "c", "d"], ["day 7", True]),
    (ex.facebook_baseline, ["a", "b", "c", "d"], ["autumn", 45.2]),
]

CASES = []  # no lesson questions here: an assessment's items are form checks

# --------------------------------------------------------------------------- degenerate learners
LABEL_ITEMS = {"a5_denominator_for_question": ex.denominator_for_question, "a5_export_fixes": ex.export_fixes,
               "a5_october_lights": ex.october_lights}


def same_everywhere(letter: str, label_index: int) -> dict:
    return _same_everywhere(KEYS, LABEL_ITEMS, letter, label_index)


# A learner who copies, for each item, the answer of the lesson exercise that looks most like it.
COPIED_FROM_LESSONS = {
    "a5_denominator_for_question": {k: "reach" for k in DENOMINATORS},  # 5.1: reach is the fairest comparison
    "a5_outcome_kpi": "a",  # 5.1's 90-9-1 question
    "a5_export_fixes": but(FIXES, total_general_row="report separately"),  # 5.2's (not set) case study
    "a5_update_funnel": "b",  # 5.2's source for the question
    "a5_october_lights": {"question_reply_minutes": "amber", "complaints_within_hour": "red",
                          "net_sentiment": "green"},  # 5.3's lights for reply_close, complaints and sentiment
    "a5_october_commentary": "b",  # 5.3's commentary
    "a5_november_step": "b",  # 5.3's next step
    "a5_caption_reading": "c",  # 5.4's A/B reading
    "a5_day_two_call": "b",  # 5.4's peeking call
    "a5_facebook_baseline": "d",  # 5.4's baseline window
}

DEGENERATE = degenerate_learners(KEYS, LABEL_ITEMS, COPIED_FROM_LESSONS)

# --------------------------------------------------------------------------- the synthetic class
ASSIGNMENT = "module5_analysis"
NOTEBOOK = "5.6-assignment.ipynb"
AUTO_MAX, WRITTEN_MAX = 20, 12  # 10 autograded items of 2 points; two written answers of 6

CHEATS = cheat_sources(equal_anything="a5_export_fixes", patched_str=("a5_outcome_kpi", "c"),
                       silenced_check=("a5_update_funnel", "a"), patched_type=("a5_october_commentary", "a"),
                       patched_form_check=("a5_november_step", "a"),
                       labels_equal_anything=("a5_october_lights", tuple(LIGHTS)))

# the first option and first label everywhere: q6's and q10's keys are "a"; the lessons' nearest answers: nothing
EXPECTED = class_scores(AUTO_MAX, always_a=4, copied_from_lessons=0)

THOUGHTFUL = {
    "every answer right": dict(KEYS),
    # a careful learner who still slips on the two closest calls
    "two slips": {**KEYS, "a5_october_lights": but(LIGHTS, question_reply_minutes="amber"), "a5_day_two_call": "b"},
}

SPEC = Assessment(
    ASSIGNMENT, NOTEBOOK, "Assignment 5", AUTO_MAX, WRITTEN_MAX, "a5_october_report", expected=EXPECTED,
    build=partial(synthetic_submission,
                  # a one-week gain read as a winner (q8) and the crisis window as a baseline (q10): well formed,
                  # so the visible checks say "Answered"
                  partly_wrong={"a5_caption_reading": "a", "a5_facebook_baseline": "b"},
                  tampered={"a5_outcome_kpi": "c"}, removed_check="a5_day_two_call_check",
                  cheats=CHEATS,
                  cheater_wrong=same_everywhere("d", 1),  # every other answer wrong: no key outside the cheats is d
                  degenerate=DEGENERATE,
                  written={
                      "a5_october_report": "(a) More posts, wider reach, less interest per person. (b) Fewer posts.",
                      "a5_caption_memo": "(a) No winner yet: +6%, interval -3% to +16%. (b) Four weeks. (c) Survey."}),
    keys=dict(KEYS), degenerate=DEGENERATE, label_items=LABEL_ITEMS, thoughtful=THOUGHTFUL,
    thoughtful_scores={"every answer right": AUTO_MAX, "two slips": AUTO_MAX - 4})
