"""Lesson 5.4 -- Data interpretation and decision making: the practice questions.

Used by ``module5_analysis/5.4-interpretation-and-decisions.ipynb``::

    from course.exercises.module5 import lesson4 as ex
    ex.ab_reading.check(ab_reading)

Each question asks for a reading or a decision, not a calculation. Expected answers are stored only as
salted hashes (see :mod:`course.checks`). The figures the questions quote (the A/B test's rates and lift,
the day-4 reading on clicks, the baselines of each window, September's reply times) are measured on the
shipped data in ``tests/answer_keys/m5_lesson4.py``, so a regenerated dataset that changes them fails the
tests until the questions are rewritten.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["ab_reading", "peeking_call", "misleading", "baseline_window", "next_action"]

CHOICES = ("a", "b", "c", "d")
CLAIM_LABELS = ("vanity", "denominator", "short_window", "unusual_weeks", "sound")


# --------------------------------------------------------------------------- exercise 1
ab_reading = ChoiceQuestion(
    id="l54_ab_reading",
    options=CHOICES,
    answer_hash="30020cbc3a2389b31a51",
    feedback={
        # a: p-value read as the chance that B is not better
        "9f07423c385cfe4cc468": "The p-value is how surprising a gap this large would be if the two photos did "
        "equally well. It is not the chance that B is better, and it says nothing about how much better. "
        "Which line of the reading tells you the size of the gain?",
        # b: 0.7 points is too small
        "d342c310b868c936646e": "Seven tenths of a point sounds small, but measure it against A's own rate: how many "
        "more engagements in every hundred is that? And is it above what the test could detect?",
        # d: raw counts
        "64c645f7da622abc652a": "The totals point the right way here only because both photos were shown about as "
        "often. If B had been shown twice as much, would 930 more engagements prove anything? Compare rates.",
    },
    hints=[
        "Read the summary line by line: the two rates, the lift with its interval, the p-value, the detectable lift.",
        "A good reading gives the size of the effect with its uncertainty, and turns it into what to do next.",
    ],
    explanation=(
        "The lift is about +25% with an interval from +20% to +30%, well clear of zero and far above the 6.5% the "
        "sample could detect. That is a result to act on: riders' own photos for the launch posts, and the same "
        "measure watched after the switch, since a launch fortnight is not an ordinary one."
    ),
    model_answer=(
        "c. The reading gives the size of the gain (about a quarter more engagements per impression), its "
        "uncertainty (a fifth to almost a third) and the decision. (a) misreads the p-value, (b) ignores that 0.7 "
        "points is a quarter of A's rate, and (d) counts without a denominator."
    ),
)


# --------------------------------------------------------------------------- exercise 2
peeking_call = ChoiceQuestion(
    id="l54_peeking_call",
    options=CHOICES,
    answer_hash="d523989306c3dfdd38a1",
    feedback={
        # a: stop at the first crossing
        "72be4ed2ec3772cbb01f": "Look at the A/A chart: when the same test is checked every evening, how often does "
        "it cross the line with nothing to find? And is the day-4 lift the one the test ended with?",
        # c: peek with a stricter line
        "2fb6c2d1f97dd9ce30f2": "A stricter line peeked at every evening still gives chance fourteen tries instead "
        "of one, and the lift reported on the stopping day is still the luckiest one. What stops the problem at "
        "its source?",
        # d: abandon the test
        "9a2f087f4d6579c6cc6f": "A p-value jumping about on the first days is what a small sample does: on day one "
        "only a lift of a quarter could have shown. Is that a reason to give up, or to wait?",
    },
    hints=[
        "Compare the two lines of the A/A chart: one reading on the planned day against a look every evening.",
        "The team decided the test's length before it started. What does a fixed plan protect against?",
    ],
    explanation=(
        "A test read every evening and stopped at the first crossing calls a winner in about one A/A test in five, "
        "four times the 5% the threshold promises; and the day it stops is often the day the lift looked best. "
        "Decide the length first, read once at the end (here day 14: +22% on clicks, clear of zero)."
    ),
    model_answer=(
        "b. Keep the plan: fourteen days, then one reading. Stopping at the first crossing inflates false winners "
        "and the reported lift. (a) stops on a lucky evening, (c) still peeks, and (d) mistakes early noise for "
        "instability."
    ),
)


# --------------------------------------------------------------------------- exercise 3
misleading = LabelsQuestion(
    id="l54_misleading",
    labels=CLAIM_LABELS,
    answer_hashes={
        "followers": "be42cbc672b156cc105b",
        "october_total": "b0eb4f94cc8367025d38",
        "one_reel": "386a7ee5547249afb634",
        "march_baseline": "417945d4a0b5ba333382",
        "ab_fortnight": "aac6c068bd554c590405",
        "reply_times": "9eda3305c1646569a7e9",
    },
    ideas={
        "followers": "What does a follower count say about whether anyone talks, helps or comes back?",
        "october_total": "October had the most posts of the autumn. Divide by the posts, or by the people reached.",
        "one_reel": "How many posts is the claim made of, and how long was it watched?",
        "march_baseline": "Which week of March 2026 was not an ordinary one, and what did it do to likes?",
        "ab_fortnight": "Is anything missing: a rate with its denominator, the planned length, an interval?",
        "reply_times": "The team missed its target, and the claim says so. Is there anything wrong with how it is "
        "measured?",
    },
    hints=[
        "Ask of each claim: what is counted, divided by what, over how long, and were those weeks ordinary?",
        "Two of the six are sound. One claim honestly reports a missed target: that is good reporting, not a "
        "misleading metric.",
    ],
    explanation=(
        "Each misleading claim fails one question: a number that measures nothing the goal needs (followers), a "
        "total with no denominator (October's engagements), too little time (one reel) or an unusual week inside "
        "the baseline (the crisis week in March). The two sound claims state a rate, its denominator and the "
        "period, and one of them admits a miss."
    ),
    model_answer=(
        "followers: vanity; october_total: denominator (most posts, but the fewest engagements per post and per "
        "person reached of the autumn); one_reel: short_window; march_baseline: unusual_weeks (the crisis week is "
        "in it); ab_fortnight: sound; reply_times: sound (a missed target, honestly measured)."
    ),
)


# --------------------------------------------------------------------------- exercise 4
baseline_window = ChoiceQuestion(
    id="l54_baseline_window",
    options=CHOICES,
    answer_hash="555c6689d8d700ac3a2f",
    feedback={
        # a: the campaign weeks
        "69f97a96cb910cc275d4": "Those weeks were lifted by the campaign. What happens to a stretch goal of "
        "nearly 800 engagements a post in autumn weeks with no campaign?",
        # b: four weeks from 2 March
        "7b34c001a85359342654": "Read the warning under that window: which week is inside it, and what did it "
        "do to likes? A target set from it is met without trying.",
        # c: the whole year
        "06cc7321106e60048a37": "More weeks is not better here: a year mixes winter, the crisis and the campaign "
        "into one figure that describes no week at all. How long should a baseline window be?",
    },
    hints=[
        "Look at the warnings column of the comparison table, then at how recent each window is.",
        "A baseline is a picture of an ordinary week now: 4 to 8 weeks, recent, with no crisis or campaign inside.",
    ],
    explanation=(
        "The eight weeks from 6 July are recent and ordinary: no crisis, no campaign. At about 511 engagements a "
        "post they give an achievable 562 and a stretch of about 639, goals the autumn can actually be judged by."
    ),
    model_answer=(
        "d. Recent, ordinary and eight weeks long. (a) was lifted by the campaign, (b) holds the crisis week, which "
        "halved likes, and (c) is too long: it blends every kind of week into one."
    ),
)


# --------------------------------------------------------------------------- exercise 5
next_action = ChoiceQuestion(
    id="l54_next_action",
    options=CHOICES,
    answer_hash="75bf70e80d809ea76d9d",
    feedback={
        # b: buy reach until the campaign figure is back
        "5dc2c6f3682ecf85262a": "Paid reach can bring the total back, but is the campaign's figure the right one to "
        "chase? Compare July and August with an ordinary stretch of weeks, not with the campaign.",
        # c: cut Instagram
        "a249018a3ceb41c249c3": "A fall from a campaign peak is what a peak looks like afterwards. What do the summer "
        "weeks look like against the winter's ordinary weeks?",
        # d: another campaign at once
        "af9ce24b5031dd7c498d": "Campaign weeks do score highest, because they are campaigns. Would a campaign every "
        "month tell you what works in an ordinary week, and can the team carry it?",
    },
    hints=[
        "Before deciding, ask what the July-August figure should be compared with.",
        "The best next step uses all the evidence in the brief: the baseline, the A/B test and the survey.",
    ],
    explanation=(
        "The right comparison is ordinary weeks with ordinary weeks: the summer is no lower than the winter's "
        "baseline, so the drop is a campaign ending, not a collapse. The next step builds on what the evidence "
        "shows works (riders' photos), tests one new idea at a time, and keeps belonging in the report."
    ),
    model_answer=(
        "a. Compare like with like, set autumn goals from the summer's ordinary weeks, make riders' photos the "
        "default and report belonging next to engagement. (b) chases a campaign figure with paid reach, (c) reads a "
        "peak's end as decline, and (d) swaps a plan for a string of spikes."
    ),
)
