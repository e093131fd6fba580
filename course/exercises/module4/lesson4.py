"""Lesson 4.4 -- Encouraging participation and loyalty: the practice questions.

Used by ``module4_interaction/4.4-participation-and-loyalty.ipynb``::

    from course.exercises.module4 import lesson4 as ex
    ex.unbadged.check(unbadged)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion, NumberQuestion

__all__ = ["unbadged", "programme_fix", "crew_cost", "welcome_claim"]


# --------------------------------------------------------------------------- exercise 1
unbadged = ChoiceQuestion(
    id="l44_unbadged",
    options=["a", "b", "c", "d"],
    answer_hash="ecca839bd22d14730fad",
    feedback={
        # a: wait for them to apply
        "879b16074f0f5e2ab9df": "A badge nobody offers is a badge nobody gets. What does a year of unthanked answers "
        "tell a helper about how much Velora noticed?",
        # c: a referral code with commission
        "3c510d366a9e01dabb1d": "This member helps riders fix their bikes; nothing in the table says they want to sell "
        "them. What would a sales commission reward, and would it thank them for what they did?",
        # d: a public leaderboard of reply counts
        "d5e022c5e04483468232": "A ranking by volume thanks the most replies, not the best ones, and invites members to "
        "race for the count. Is that the behaviour you want more of?",
    },
    hints=[
        "Read the row again: many accepted answers, and no flag. What has the team failed to do so far?",
        "The lesson's order is: notice, thank the person directly, then ask what they would like. Which option does that?",
    ],
    explanation=(
        "The team's flag had missed one of its best helpers. Recognition starts with noticing and a personal thank-you; "
        "asking what they would enjoy (a badge, moderator rights, a visit to the workshop) keeps it about them."
    ),
    model_answer=(
        "b. Flag them, thank them personally for the answers that solved riders' problems, and ask how they would like "
        "to be involved. (a) waits for a helper to ask for thanks, (c) rewards selling instead of helping, and (d) "
        "rewards volume and starts a race."
    ),
)


# --------------------------------------------------------------------------- exercise 2
programme_fix = LabelsQuestion(
    id="l44_programme_fix",
    labels=["ok", "disclosure", "staff", "referrals_only"],
    answer_hashes={
        "crew_paid": "facb59e0fefcbea5dcbb",
        "helpers_thanks": "6c7b2a0c48595f304a18",
        "team_too": "b12ed20caf17ed2fa118",
        "sellers_only": "9426bf26ccdb06ce0d4d",
        "vague_label": "5a4657b844dbffd86781",
        "crew_ready": "85c651e931167728885c",
    },
    aliases={"no disclosure": "disclosure", "no_disclosure": "disclosure", "label": "disclosure",
             "employees": "staff", "staff included": "staff", "employee": "staff",
             "referrals only": "referrals_only", "referrals": "referrals_only", "only referrals": "referrals_only"},
    ideas={
        "crew_paid": "Members get 20 euros a month. When one of them praises Velora in public, how would a reader know?",
        "helpers_thanks": "Is anyone paid or given anything here? A thank-you is not a reward that needs a label.",
        "team_too": "Whose job is it to answer on the forum? Who is in the segments list?",
        "sellers_only": "Which kind of contribution counts here, and which helpers does that leave out?",
        "vague_label": "Read the disclosure as a stranger would: does it say that the member is rewarded?",
        "crew_ready": "Check it against each of the four problems in turn. Does any of them apply?",
    },
    hints=[
        "For each programme, ask four questions: is anyone rewarded without a plain disclosure? Are employees in? "
        "Do only referrals count? If none applies, it is 'ok'.",
        "A disclosure has to say the relationship in words a stranger understands (ambassador, gifted, sponsored). "
        "'Love riding with Velora!' says how they feel, not that they are rewarded.",
    ],
    explanation=(
        "Each fix protects someone: readers, who deserve to know when praise is rewarded; staff and members, who "
        "should not compete for the same thanks; and the helpers who never sell anything but keep the forum useful."
    ),
    model_answer=(
        "crew_paid: disclosure (rewarded, with no label); helpers_thanks: ok (no reward, nothing to disclose); "
        "team_too: staff; sellers_only: referrals_only; vague_label: disclosure (it does not say they are rewarded); "
        "crew_ready: ok."
    ),
)


# --------------------------------------------------------------------------- exercise 3
crew_cost = NumberQuestion(
    id="l44_crew_cost",
    decimals=0,
    answer_hash="0fb77e7959942d1bc968",
    what="the yearly cost",
    mistakes={
        "cf6dbbaab584014fa19e": "That is what the programme costs in one month. The budget is for the year.",
        "60ff6a4aae3bfb1e0dc0": "That counts the helpers only. The Crew also takes members with ten referrals or more.",
        "a1965ab9eca4a3ef101b": "That counts the referrers only. The Crew also takes members with five accepted answers.",
        "a3b2734ddb482f3026bf": "Only one member passes both rules at once: the rules should take a member who meets "
        "either of them. Which value of 'match' says that?",
    },
    hints=[
        "Write the rules as a dictionary with both criteria, 'match': 'any' and the reward, and give it to "
        "loyalty.run_programme.",
        "The programme object has .count, .monthly_cost and .yearly_cost.",
    ],
    explanation=(
        "Helpers and referrers are almost entirely different people: only one member has both five accepted answers "
        "and ten referrals. A programme that asks for both takes one member; one that takes either reaches eighty."
    ),
    model_answer=(
        "14400 euros: 80 members qualify with match='any' (5 accepted answers or 10 referrals), at 15 euros a month "
        "each that is 1,200 a month, 14,400 a year."
    ),
)


# --------------------------------------------------------------------------- exercise 4
welcome_claim = ChoiceQuestion(
    id="l44_welcome_claim",
    options=["a", "b", "c", "d"],
    answer_hash="bfe69346cb163ca3c777",
    feedback={
        # a: report the 20 points as the effect of welcoming
        "5ec5a856f3b6b2dda3fe": "Count the people behind the smaller bar. How many points does one of them move it by, "
        "and were the two groups alike before anyone replied?",
        # b: stop welcoming, no effect
        "5a9b2c7bd788c795e721": "Four people cannot show that welcoming works, and they cannot show that it does not "
        "either. Would you stop a good habit on that evidence?",
        # d: pick the window with the bigger gap
        "5a9088a126d187c2361c": "Trying definitions until one gives the answer you want finds noise, not a finding. What "
        "does the one-hour version of the table actually show?",
    },
    hints=[
        "Look at the newcomers column before the shares.",
        "People who open a thread are already among the most engaged newcomers. What would you need to know that "
        "the welcome itself made the difference?",
    ],
    explanation=(
        "Four newcomers went unanswered; each moves their share by 25 points, and the two groups differ in more than "
        "the welcome. The honest report keeps the habit, states the sizes and plans a fair comparison."
    ),
    model_answer=(
        "c. Report the gap with both group sizes and say it is a hint, not a finding: four people, and those who open "
        "threads are already engaged. Keep welcoming everyone and plan a fair test, such as a welcome message to every "
        "newcomer for a quarter, compared with the quarter before. (a) claims a cause, (b) claims the opposite from the "
        "same four people, (d) shops for a definition."
    ),
)
