"""Assignment 5 -- analysis and reports (graded).

An assessment: each item's visible check looks at the form of the answer only (every item answered, each value
one of the allowed labels or options) and never says whether it is right. This module holds no key in any form;
the master notebook's hidden tests hold it, are removed from the learner's copy and run at grading time.

It also holds the one table the assignment brings that Velora's dataset does not: the caption test Giulia ran on
Instagram in October 2026 (:func:`caption_test`), read with lesson 5.4's A/B test lab.
"""

from __future__ import annotations

import pandas as pd

from course.checks import ChoiceForm, LabelsForm

LETTERS = ("a", "b", "c", "d")

# --------------------------------------------------------------------------- choices and labels
denominator_for_question = LabelsForm(
    id="a5_denominator_for_question",
    items=("compare_networks", "paid_video", "existing_audience"),
    labels=("reach", "impressions", "followers"),
)

outcome_kpi = ChoiceForm(id="a5_outcome_kpi", options=LETTERS)

export_fixes = LabelsForm(
    id="a5_export_fixes",
    items=("total_general_row", "rome_times", "dotted_followers"),
    labels=("drop row", "give time zone", "rewrite values", "report separately"),
)

update_funnel = ChoiceForm(id="a5_update_funnel", options=LETTERS)

october_lights = LabelsForm(
    id="a5_october_lights",
    items=("question_reply_minutes", "complaints_within_hour", "net_sentiment"),
    labels=("green", "amber", "red"),
)

october_commentary = ChoiceForm(id="a5_october_commentary", options=LETTERS)

november_step = ChoiceForm(id="a5_november_step", options=LETTERS)

caption_reading = ChoiceForm(id="a5_caption_reading", options=LETTERS)

day_two_call = ChoiceForm(id="a5_day_two_call", options=LETTERS)

facebook_baseline = ChoiceForm(id="a5_facebook_baseline", options=LETTERS)


# --------------------------------------------------------------------------- the October caption test
# One week, 5 to 11 October 2026, on Instagram: variant A the usual product caption, variant B a caption that ends
# with a question to riders. Each day both variants were shown to about as many people.
_DAYS = pd.date_range("2026-10-05", periods=7)
_IMPRESSIONS = {"A": (4120, 3980, 4210, 4050, 3890, 4460, 4390), "B": (4080, 4010, 4170, 4110, 3950, 4420, 4350)}
_ENGAGEMENTS = {"A": (112, 118, 131, 127, 120, 138, 132), "B": (150, 149, 128, 121, 117, 131, 137)}
_CLICKS = {"A": (30, 28, 33, 31, 29, 35, 34), "B": (33, 30, 32, 30, 29, 36, 33)}


def caption_test() -> pd.DataFrame:
    """The October caption test, day by day and variant by variant, in the shape lesson 5.4's lab reads."""
    rows = [{"date": day, "variant": variant, "impressions": _IMPRESSIONS[variant][i],
             "engagements": _ENGAGEMENTS[variant][i], "clicks": _CLICKS[variant][i]}
            for i, day in enumerate(_DAYS) for variant in ("A", "B")]
    return pd.DataFrame(rows)
