"""Answer keys for lesson 5.4 (Data interpretation and decision making), used by the shared checker tests.

Each decision rests on figures of the shipped data; ``FACTS`` measures them here, and
``tests/test_analysis_abtest.py`` asserts them, so a regenerated dataset that changes one fails until the
question is rewritten.

``ALTERNATIVES`` is the register of plausible answers other than the reference one, with the decision
taken for each: ``accepted`` (the check passes it), ``rejected`` (a real mistake, the check fails it with
a message about the idea) or ``rewritten`` (the item was reworded so the answer is no longer a fair
reading of it; the check fails it).
"""

import pandas as pd

from course import metrics
from course.analysis import abtest
from course.datasets import load_inbox, load_posts
from course.exercises.module5 import lesson4 as ex
from course.strategy.objectives import baseline

_posts = load_posts()
_reading = abtest.read_test()
_clicks_days = abtest.peeking(metric="clicks")
_first_call = _clicks_days[_clicks_days["first_call"]].iloc[0]
_sim = abtest.simulate_peeking()
_ig = _posts[_posts["platform"] == "instagram"]
_month = _ig["published_at"].dt.tz_convert("Europe/Rome").dt.strftime("%Y-%m")
_autumn = _ig[_month.isin(["2026-08", "2026-09", "2026-10"])]
_by_month = _autumn.assign(month=_month, engagements=_autumn[list(metrics.INTERACTIONS)].sum(axis=1)).groupby(
    "month").agg(posts=("engagements", "size"), engagements=("engagements", "sum"), reach=("reach", "sum"))
_inbox = load_inbox()
_september = metrics.response_time_stats(_inbox[_inbox["received_at"].dt.strftime("%Y-%m") == "2026-09"], target="1h")
_windows = {name: baseline(_posts, start, weeks, platform="instagram")
            for name, (start, weeks) in {"winter": ("2026-01-12", 8), "march": ("2026-03-02", 4),
                                         "campaign": ("2026-05-04", 8), "summer": ("2026-07-06", 8)}.items()}

FACTS = {
    "lift": _reading.lift, "lift_low": _reading.lift_low, "lift_high": _reading.lift_high, "mde": _reading.mde,
    "rates": (_reading.control.rate, _reading.treatment.rate),
    "extra_engagements": _reading.treatment.successes - _reading.control.successes,
    "impressions": (_reading.control.impressions, _reading.treatment.impressions),
    "clicks_first_call_day": int(_first_call["day"]), "clicks_first_call_lift": float(_first_call["lift"]),
    "clicks_final_lift": float(_clicks_days["lift"].iloc[-1]),
    "peeking_false_alarms": _sim.peeking_false_alarms, "planned_false_alarms": _sim.planned_false_alarms,
    "autumn_by_month": _by_month,
    "september_median_minutes": float(_september["median_minutes"]),
    "september_answered": float(_september["answered_share"]),
    "windows": {name: (b.value, b.achievable, b.stretch, [w.event for w in b.warnings]) for name, b in _windows.items()},
}

_CLAIMS = {"followers": "vanity", "october_total": "denominator", "one_reel": "short_window",
           "march_baseline": "unusual_weeks", "ab_fortnight": "sound", "reply_times": "sound"}

CASES = [
    (ex.ab_reading, "c", ["a", "b", "d"]),
    (ex.peeking_call, "b", ["a", "c", "d"]),
    (ex.misleading, _CLAIMS, [
        {**_CLAIMS, "reply_times": "short_window"},
        {**_CLAIMS, "october_total": "sound"},
        {**_CLAIMS, "march_baseline": "sound"},
        {**_CLAIMS, "followers": "denominator"},
    ]),
    (ex.baseline_window, "d", ["a", "b", "c"]),
    (ex.next_action, "a", ["b", "c", "d"]),
]

ALTERNATIVES = {
    ex.ab_reading.id: [
        ("a", "rejected", "Reading p < 0.001 as 'a 99.9% chance B is better' is the commonest misreading of a "
         "p-value; the feedback says what it measures and points to the lift's interval for the size."),
        ("d", "rewritten", "With nearly equal impressions the totals do point the same way as the rates; the "
         "option now rests its claim on the count alone ('proves'), which is the reasoning the lesson warns "
         "against, and the feedback says so."),
    ],
    ex.peeking_call.id: [
        ("c", "rewritten", "A stricter threshold does cut false alarms, and sequential methods exist that allow "
         "looks; the option keeps checking every evening with no plan or correction, which still inflates the "
         "rate, so it is not the best of the four."),
        ("a", "rejected", "Stopping at the first p below 0.05 is the mistake the lesson's A/A chart measures."),
    ],
    ex.misleading.id: [
        ({**_CLAIMS, "reply_times": "short_window"}, "rewritten", "A month could seem short for reply times; the "
         "claim now gives the whole month's 1,848 messages, enough to measure a median, and reports the miss."),
        ({**_CLAIMS, "october_total": "vanity"}, "rewritten", "Total engagements can be called a vanity number; "
         "the claim now draws its conclusion about how engaging posts were, which only a denominator can settle, "
         "and the label list keeps the two apart."),
        ({**_CLAIMS, "march_baseline": "crisis week", "one_reel": "too short", "followers": "vanity metric",
          "ab_fortnight": "ok"}, "accepted", "The everyday spellings of the labels mean the same labels."),
    ],
    ex.baseline_window.id: [
        ("c", "rejected", "A longer window seems safer; the lesson and baseline() both refuse more than eight weeks "
         "because a year blends the crisis, the campaign and the seasons."),
        ("a", "rejected", "The campaign weeks give the most ambitious goal, which is the mistake: the campaign "
         "lifted shares and saves, so the stretch target could not be met in ordinary autumn weeks."),
    ],
    ex.next_action.id: [
        ("d", "rejected", "Another campaign is a defensible marketing idea, but it does not follow from the "
         "evidence and answers a question nobody asked; the feedback explains why spikes do not make a plan."),
    ],
}
