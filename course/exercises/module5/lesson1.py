"""Lesson 5.1 -- Monitoring and analysing metrics: the practice questions.

Used by ``module5_analysis/5.1-monitoring-metrics.ipynb``::

    from course.exercises.module5 import lesson1 as ex
    ex.denominator.check(denominator)

Each question asks for an interpretation, not a sum. Expected answers are stored only as salted hashes (see
:mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion

__all__ = ["denominator", "reach_impressions", "ninety_nine_one", "sentiment_limits"]

CHOICES = ("a", "b", "c", "d")

denominator = ChoiceQuestion(
    id="l51_denominator",
    options=CHOICES,
    answer_hash="596dde8875518786a293",
    feedback={
        "13150c1af70a85873c5f": "Followers count only people who already follow; a reel seen mostly by "
        "strangers gets a rate that says more about its spread than about its pull. Who actually saw each post?",
        "0230fda3c4697842e51a": "Totals reward the platform with the most posts and the biggest audience. What "
        "would you divide by to compare a small channel with a large one?",
        "fbe84435de378bd8a0ec": "Impressions count repeat views, and platforms count them differently. Is a "
        "view shown twice to one person two people taking part?",
    },
    hints=[
        "Compare three posts on three platforms: what makes the comparison fair is dividing by the audience each "
        "post really had.",
        "Look at the KPI set's denominator table: which line says it is the fairest way to compare platforms?",
    ],
    explanation="Reach counts the distinct people who saw each post, so interactions per person reached compare "
    "platforms of any size on the same footing; followers and impressions each answer a different question.",
    model_answer="b. Interactions divided by reach. (a) measures the existing audience, (c) rewards size, and (d) "
    "counts repeat views as if they were people.",
)

reach_impressions = ChoiceQuestion(
    id="l51_reach_impressions",
    options=CHOICES,
    answer_hash="afa50bb9e8131c9f1987",
    feedback={
        "947fce0f827a89c1a4cc": "Impressions above reach is normal, not an error: one person can see a post "
        "several times. What does the ratio of the two tell you?",
        "50d841370b16f8052454": "More impressions with the same reach is the same people seeing the posts more "
        "often. Has the audience grown?",
        "a31704a72308c1767424": "Reach can never exceed impressions: every person reached saw the post at least "
        "once. Reread which figure counts repeats.",
    },
    hints=["Impressions count every showing, reach counts people. Divide one by the other."],
    explanation="Frequency (impressions / reach) rising while reach stays flat means the same people are shown "
    "the posts again and again: the audience is not growing, and fatigue may follow.",
    model_answer="c. The same people see the posts more often; the audience has not grown. (a) treats a normal "
    "gap as an error, (b) reads repeats as new people, and (d) has the two figures the wrong way round.",
)

ninety_nine_one = ChoiceQuestion(
    id="l51_ninety_nine_one",
    options=CHOICES,
    answer_hash="6eab6662e00da7b6f8db",
    feedback={
        "826d312d78212adcb3fd": "A community where half the members post would be extraordinary. What share does "
        "the rule of thumb say usually writes nothing?",
        "f0663b156a2f5caab712": "Lurkers read, learn and buy; many join in later. Is a quiet member worthless to "
        "the brand?",
        "c5ba0ac0b075c4594bb2": "The tiers are a rule of thumb about who writes, not a target for sales. What does "
        "it say about how many members contribute?",
    },
    hints=["About 90% read, about 9% sometimes contribute, about 1% write most of what there is."],
    explanation="With about nine in ten members silent in a normal community, a sensible target moves a few "
    "points of lurkers into occasional contributors, for instance by making the first reply easy.",
    model_answer="a. Aim to move a few points of readers into occasional contributors; a 50% participation "
    "target (b) ignores the rule, (c) dismisses the readers, and (d) mistakes it for a sales figure.",
)

sentiment_limits = ChoiceQuestion(
    id="l51_sentiment_limits",
    options=CHOICES,
    answer_hash="559777631fb8ca581fe8",
    feedback={
        "bd60a23151a3bec09d1c": "VADER scores the words it finds. 'Great' is a positive word, even when the rider "
        "means the opposite. Does the score see the irony?",
        "378ec2841ddb8973dd65": "Look at the table by language: how often does VADER call the Chinese and Italian "
        "messages neutral, and how often did the team?",
        "1f3a3cd41fc282be5576": "Averaging a wrong score with right ones still leaves the wrong ones in. What "
        "does VADER read, and what do the Italian and Chinese messages need instead?",
    },
    hints=["VADER is an English word list. What happens to a sentence whose words it does not know?"],
    explanation="A lexicon finds no known words in Italian or Chinese text and calls it neutral, and it takes "
    "sarcasm at face value. Use it for English only, with a human check on samples, and take the team's labels "
    "(or a tool made for the language) for the rest.",
    model_answer="d. Score English with VADER, spot-check sarcasm by hand, and use the team's labels for Italian "
    "and Chinese. (a) trusts the words over the meaning, (b) ignores that VADER cannot read the language, and (c) "
    "averages the error in.",
)
