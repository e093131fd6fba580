"""Answer keys for lesson 5.3 (Report preparation), used by the shared checker tests.

``FACTS`` measures on the shipped data the May and March 2026 figures the questions and the lesson quote;
``tests/test_analysis_report.py`` and ``tests/test_alternatives_m5_lesson3.py`` hold them, so a regenerated
dataset that changes one fails until the lesson is rewritten.

``ALTERNATIVES`` is the register of plausible answers other than the reference one, with the decision
taken for each (``accepted``, ``rejected`` or ``rewritten``, as in the other key files).
"""

from course.analysis import report as rb
from course.exercises.module5 import lesson3 as ex

_may, _march = rb.kpi_table("2026-05"), rb.kpi_table("2026-03")

FACTS = {
    "may_status": _may["status"].to_dict(),
    "may_question_reply_minutes": float(_may.loc["question_reply_minutes", "value"]),
    "may_follower_growth": float(_may.loc["follower_growth", "value"]),
    "april_follower_growth": float(_may.loc["follower_growth", "previous"]),
    "march_share_of_voice": float(_march.loc["share_of_voice", "value"]),
    "february_share_of_voice": float(_march.loc["share_of_voice", "previous"]),
    "march_net_sentiment": float(_march.loc["net_sentiment", "value"]),
    "march_reds": int((_march["status"] == "red").sum()),
    "may_weekly_question_reply": rb.weekly_kpis("2026-06-01", weeks=4)["question_reply_minutes"].round(1).tolist(),
    "march_peak_week_reply": float(rb.weekly_kpis("2026-06-01", weeks=26)["question_reply_minutes"].max()),
}

_LIGHTS = {"engagement": "amber", "reply_close": "amber", "reply_slow": "red", "complaints": "red",
           "sentiment": "green", "growth": "amber"}

CASES = [
    (
        ex.set_the_lights,
        _LIGHTS,
        [
            {**_LIGHTS, "reply_close": "green"},
            {**_LIGHTS, "reply_slow": "amber"},
            {**_LIGHTS, "complaints": "amber"},
            {**_LIGHTS, "sentiment": "amber"},
            {**_LIGHTS, "growth": "red"},
            {**_LIGHTS, "engagement": "blue"},
        ],
    ),
    (ex.commentary_that_explains, "b", ["a", "c", "d", "e", 2]),
    (ex.chart_for_the_question, "b", ["a", "c", "d", None]),
    (ex.next_step, "b", ["a", "c", "d"]),
    (ex.flattering_green, "b", ["a", "c", "d", "green"]),
]

ALTERNATIVES = {
    "l53_set_the_lights": [
        ({**_LIGHTS, "reply_close": "green"}, "rejected",
         "64 minutes is above a target of at most 60: lower is better, so it is a miss, within the band: amber."),
        ({**_LIGHTS, "sentiment": "amber"}, "rejected", "A figure exactly on its target meets it: green."),
        ({**_LIGHTS, "engagement": "yellow", "growth": "Amber"}, "accepted",
         "Yellow is the everyday name of the middle light, and capital letters never matter."),
        ({**_LIGHTS, "reply_close": "orange"}, "accepted", "Orange is another everyday name for amber."),
    ],
    "l53_commentary_that_explains": [
        ("a", "rejected", "It repeats the table's figures in a sentence and explains none of them."),
        ("B", "accepted", "Capital letters are the same choice."),
    ],
    "l53_chart_for_the_question": [
        ("c", "rejected", "Two months side by side cannot tell a blip from a trend, whatever the type size."),
    ],
    "l53_next_step": [
        ("a", "rejected", "A direction with no owner, date or measure: the next report cannot check it."),
        ("c", "rejected", "Moving the target when it is missed changes the colour, not the riders' wait."),
    ],
    "l53_flattering_green": [
        ("c", "rejected", "Dropping the awkward figure hides it from the manager; keeping and explaining it is honest."),
        ("d", "rejected", "Repainting a light by hand breaks the agreed rule that gives every colour its meaning."),
    ],
}
