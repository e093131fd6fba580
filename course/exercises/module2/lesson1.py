"""Lesson 2.1 -- Objectives and KPIs: the practice questions.

Used by ``module2_strategy/2.1-objectives-and-kpis.ipynb``::

    from course.exercises.module2 import lesson1 as ex
    ex.retention_kpi.check(retention_kpi)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion, NumberQuestion

__all__ = ["retention_kpi", "smart_or_not", "baseline_window", "instagram_target", "director_target"]


# --------------------------------------------------------------------------- exercise 1
retention_kpi = ChoiceQuestion(
    id="l21_retention_kpi",
    options=["a", "b", "c", "d"],
    answer_hash="bbbe61c86a66357dadbd",
    feedback={
        # a: Instagram followers
        "73d90f83c2dd58d80e96": "A follower can be anyone, including people who never bought a Velora. Would this "
        "number fall if every spring buyer quietly left the community?",
        # b: likes per forum post
        "818d3a7f6357c88893cb": "Likes show that a post was enjoyed, by whoever happened to read it. Does the count "
        "tell you whether the riders who bought in spring are still coming back?",
        # d: new forum members each month
        "0e5e465332fb08044303": "New sign-ups measure growth: people arriving. Retention is about people staying. "
        "Which option follows the same riders over time?",
    },
    hints=[
        "Retention means the same people are still there later. Which option follows a fixed group of riders?",
        "Cross out any number that could rise while every spring buyer drifts away.",
    ],
    explanation=(
        "Retention follows a fixed group over time: the spring buyers who are still active a quarter later. "
        "Followers, likes and sign-ups can all grow while that group shrinks."
    ),
    model_answer=(
        "c. The share of spring-2026 buyers who posted or replied on the forum in the last quarter follows the "
        "very riders the goal is about. (a) counts anyone who follows, (b) counts applause for posts, and (d) "
        "counts newcomers, which is growth rather than retention."
    ),
)


# --------------------------------------------------------------------------- exercise 2
smart_or_not = LabelsQuestion(
    id="l21_smart_or_not",
    labels=["smart", "no baseline", "no deadline", "vanity metric", "unrealistic"],
    answer_hashes={
        "forum_replies": "4fd1d8eb39ef30be1ab7",
        "crew_sales": "6c87c4a4f2053753f090",
        "tiktok_growth": "e6896e8d2fefade58619",
        "webinar_chat": "3c7bdbe73efd1948972e",
        "china_survey": "ecdfefde12831b7a7483",
    },
    ideas={
        "forum_replies": "Check the five parts one by one: a goal, a measure that fits it, where it stands now, where "
        "it should be, by when, and who owns it. Is anything missing? (For reply times, lower is better.)",
        "crew_sales": "The goal is sales. Would 25,000 likes on Crew posts prove that a single bike was sold?",
        "tiktok_growth": "Work out how far 60,000 is from 18,900, and how many months there are to get there.",
        "webinar_chat": "150 participants per webinar: more than now, or fewer? What would you need to know first?",
        "china_survey": "It has a baseline, a target and an owner. When does Chen Wei report whether it worked?",
    },
    hints=[
        "For each objective, ask in turn: does the KPI measure the goal? Is there a starting point? A date? Is the "
        "jump believable in the time given?",
        "Each label is used exactly once.",
        "An achievable target rarely sits more than about half again above its baseline within a few months.",
    ],
    model_answer=(
        "forum_replies: smart; crew_sales: vanity metric; tiktok_growth: unrealistic; webinar_chat: no baseline; "
        "china_survey: no deadline. The forum objective has every part, and a lower reply time is the right "
        "direction. Likes cannot show sales, more than tripling followers in three months is not an achievable target, "
        "nobody has counted chat participants yet, and the survey goal has no date to report against."
    ),
    explanation=(
        "Each draft fails on a different letter of SMART. Writing objectives as records (goal, KPI, baseline, "
        "target, deadline, owner) makes the missing part easy to see, and easy for a checker to find."
    ),
)


# --------------------------------------------------------------------------- exercise 3
baseline_window = ChoiceQuestion(
    id="l21_baseline_window",
    options=["a", "b", "c", "d"],
    answer_hash="4e6c91bd51e82cffef5b",
    feedback={
        # a: March 2026, with the crisis week
        "06e2e1d9adb38f5c2a00": "Look at what happened in the third week of March 2026. Were those comments the "
        "kind of engagement Giulia wants to set a target from?",
        # b: the campaign weeks
        "ae8ee73dbe953ee6f5d7": "Those were the campaign's weeks, with a card in every box asking riders to post. "
        "Is a campaign planned for the first quarter of 2027?",
        # c: the last three weeks of October
        "9bbe0aeabbfb172182f2": "Recent, yes, but how many weeks does the lesson ask for, and is late autumn like "
        "the weeks the target is for?",
    },
    hints=[
        "A baseline should describe the weeks you are setting the target for: no crisis, no campaign, the same season.",
        "The lesson's rule is 4 to 8 weeks. Cross out any window that breaks it.",
    ],
    explanation=(
        "The target period has no campaign and falls in late winter, so the honest comparison is eight ordinary "
        "weeks of the same season: no crisis, no campaign, long enough to smooth out a lucky post."
    ),
    model_answer=(
        "d. 12 January to 8 March 2026: eight ordinary weeks, the same season as the target period. (a) holds the "
        "rain-jacket crisis week, whose comments were complaints, (b) is the #FirstRideVelora campaign, which lifted "
        "engagement well above an ordinary week, and (c) is only three weeks long and in a different season."
    ),
)


# --------------------------------------------------------------------------- exercise 4
instagram_target = NumberQuestion(
    id="l21_instagram_target",
    decimals=2,
    answer_hash="cde6abcf0973ac21c830",
    what="instagram_target",
    mistakes={
        "170ca9158806241c5959": "That looks like a fraction (0.02...). The task asks for a percentage: multiply by 100.",
        "7dfc1c7461bb38c50ef7": "That is the baseline itself. The achievable target adds the rule's uplift to it.",
        "a9c47ded9018281566ad": "That is the stretch target. The task asks for the achievable one.",
        "282b1f4976d6da225581": "That comes from the campaign's weeks. Which window did you choose in Exercise 3?",
        "e378ceb097ce8d0fc2a3": "That window holds the crisis week. Which window did you choose in Exercise 3?",
    },
    hints=[
        "Call baseline(posts, start, weeks, metric=\"engagement_rate\", platform=\"instagram\") with the window "
        "from Exercise 3.",
        "The result has an .achievable attribute, a fraction such as 0.0225. Multiply by 100 and round to 2 decimals.",
    ],
    explanation=(
        "Instagram's ordinary weeks give about 2.05 engagements per 100 people reached, so the achievable target is "
        "about 2.25 and the stretch about 2.56."
    ),
    model_answer=(
        "b = baseline(posts, \"2026-01-12\", weeks=8, metric=\"engagement_rate\", platform=\"instagram\")\n"
        "instagram_target = round(b.achievable * 100, 2)   # 2.25: the baseline of 2.05% plus 10%"
    ),
)


# --------------------------------------------------------------------------- case study
director_target = ChoiceQuestion(
    id="l21_director_target",
    options=["a", "b", "c", "d"],
    answer_hash="32713e177b24476afd64",
    feedback={
        # a: accept the campaign's level
        "da7556e1943ccfada8aa": "The campaign had a card in every box and weekly reposts. Will any of that be running "
        "in the first quarter of 2027? What baseline is 3.1% really measured against?",
        # c: switch to followers
        "4d5e65df6417f5092236": "Followers are easier to grow, but the objective is about engagement. Does changing "
        "the measure to one that looks good make the objective any truer?",
        # d: wait a year
        "e012ba7ce7f998e44d0d": "A year of data mixes seasons, a crisis and a campaign. How many weeks does a "
        "baseline need, and does Velora already have them?",
    },
    hints=[
        "Ask what the 3.1% was measured during, and whether the same conditions return in the target period.",
        "A good reply keeps the ambition but moves it to the stretch goal, and says what new effort would earn it.",
    ],
    explanation=(
        "Giulia keeps the measure the director cares about, sets the achievable target from ordinary weeks, and "
        "gives the ambition a home in a stretch goal backed by the A/B test."
    ),
    model_answer=(
        "b. Propose the baseline from eight ordinary weeks (about 2.05%), an achievable 2.25% and a stretch of about "
        "2.56%, earned by using more riders' own photos, the A/B test's winner. Show the campaign's 3.1% as what a "
        "campaign can do, not as the everyday level. (a) sets a target from weeks that will not return, (c) swaps "
        "the KPI for a vanity metric, and (d) waits a year for data it already has."
    ),
)
