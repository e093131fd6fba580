"""Lesson 1.2 -- Why community management matters: the practice questions.

Used by ``module1_intro/1.2-why-it-matters.ipynb``::

    from course.exercises.module1 import lesson2 as ex
    ex.people_told.check(people_told)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, FunctionQuestion, LabelsQuestion, NumberQuestion

__all__ = ["people_told", "happy_needed", "benefits", "ad_response"]


# --------------------------------------------------------------------------- exercise 1
people_told = FunctionQuestion(
    id="l12_people_told",
    name="people_told",
    decimals=0,
    cases=[
        ((1, 0), "dc8f85ce7dac11072902"),
        ((0, 1), "62877e3d89c1104dcedb"),
        ((10, 10), "f0c39b508a858e54b6eb"),
        ((300, 100), "2a93942620b9a9d51004"),
        ((0, 0), "53c56fb7624e62b0111e"),
    ],
    hints=[
        "Work out the two groups separately: how many people hear a good story, and how many hear a bad one? "
        "Then add the two.",
        "Each happy customer tells about 15 people and each unhappy customer about 24. "
        "The function receives how many customers are in each group.",
        "Multiply each group's size by how many people one member of that group tells, then return the sum. "
        "Check one case in your head: one happy customer and no unhappy ones should give 15.",
    ],
    explanation=(
        "With this function you can size the word of mouth of any week. Try people_told(300, 100): "
        "a quarter of the customers produce more than a third of all the stories."
    ),
)


# --------------------------------------------------------------------------- exercise 2
happy_needed = NumberQuestion(
    id="l12_happy_needed",
    what="happy_needed",
    decimals=0,
    answer_hash="e953d9bca08ae99b8a0a",
    mistakes={
        # 25: the same number of happy riders as unhappy ones
        "2edb1b06855312737804": "Equal numbers do not balance: a bad story travels to more people than a good one. "
        "Compare how many people each kind of rider tells.",
        # 16: the ratio turned upside down (25 * 15 / 24)
        "31ab684b8375198d8707": "That is fewer happy riders than unhappy ones, yet good stories travel less far. "
        "Check which figure goes on top of your fraction.",
        # 600: people who hear the bad stories, not riders
        "64c217cd457aaed3516e": "That counts people who hear a bad story. The question asks how many happy riders "
        "would be needed to reach that many people.",
        # 375: people reached by 25 happy riders
        "f45fdc0d1b67b88afad5": "That counts the people 25 happy riders would reach. The question asks for a number "
        "of riders, large enough to match the reach of the bad stories.",
        # 1.6 (rounded to 2): the per-rider ratio only
        "87c8e11016a92134421e": "That looks like a ratio per unhappy rider. Scale it up to the whole week's unhappy riders.",
    },
    hints=[
        "First work out how many people hear a bad story this week: 25 unhappy riders, each telling about 24 people.",
        "Now find how many happy riders, each telling about 15 people, reach that same number of people.",
        "Divide the number of people who hear bad stories by the number of people one happy rider tells. "
        "You can type the whole calculation on the right-hand side of happy_needed = ...",
    ],
    explanation=(
        "Each unhappy rider outweighs 1.6 happy ones (24 / 15), so just breaking even takes 60% more happy "
        "riders than unhappy ones. Preventing a bad experience, or turning it around fast, is worth more than it looks."
    ),
)


# --------------------------------------------------------------------------- exercise 3
benefits = LabelsQuestion(
    id="l12_benefits",
    labels=["reputation", "engagement", "support", "sales", "insights"],
    aliases={
        "brand reputation": "reputation",
        "image": "reputation",
        "customer engagement": "engagement",
        "belonging": "engagement",
        "customer support": "support",
        "help": "support",
        "conversions": "sales",
        "sales and conversions": "sales",
        "insight": "insights",
        "data": "insights",
        "analytics": "insights",
    },
    answer_hashes={
        "battery_video": "15fc8e0cf1702aa50197",
        "fire_rumour": "165368455059a9582ea0",
        "pairing_help": "586e7b2c02ece21c922e",
        "firstride_friday": "3fcc8846f4db19184d13",
        "spring_referrals": "42aa824f616cfad1d83b",
        "evening_posts": "62addaebfea92352109c",
    },
    ideas={
        "battery_video": "Look at how the story ends: not at the number of comments, but at the words people now use "
        "to describe Velora.",
        "fire_rumour": "Nobody here needs their bike fixed. What is at stake when a false claim spreads, and what "
        "does a fast, factual answer protect?",
        "pairing_help": "One person has a problem right now and the community solves it in minutes. Which benefit "
        "is about that?",
        "firstride_friday": "Members create the content and then start talking to each other. Which benefit is "
        "about belonging and user-generated content?",
        "spring_referrals": "The outcome is counted in orders. Which benefit turns conversations into purchases?",
        "evening_posts": "Chen Wei does not help anyone or sell anything here: he reads the data and the team "
        "changes what it does. Which benefit is that?",
    },
    hints=[
        "Ask of each scenario: what is the main thing that changed at the end? How people see the brand, how much "
        "members take part, a problem solved, orders placed, or a decision made from data?",
        "Two scenarios share a label; every other label is used once.",
        "The two scenarios about what the public believes or says about Velora share a label, even though one is a "
        "calm week and the other a rumour.",
    ],
    explanation=(
        "In real life one action often serves several benefits at once, but naming the main one tells you what "
        "to measure: mentions and sentiment, replies between members, response time, orders, or decisions changed by data."
    ),
)


# --------------------------------------------------------------------------- case study
ad_response = ChoiceQuestion(
    id="l12_ad_response",
    options=["a", "b", "c", "d"],
    answer_hash="f8aa22b8421e69cf668b",
    feedback={
        # a: defend the ad
        "3a1a9b0a6449f85a80a0": "Explaining the joke tells upset people that their reaction is the problem. "
        "Think about what listening would look like, and how far a defensive reply travels (remember 15 vs 24).",
        # b: go quiet and delete
        "3d029ea21a1c741a4f35": "Silence and deleted comments are easy to screenshot. People who feel unheard take "
        "their complaint somewhere louder. Re-read the part on influencing sentiment.",
        # d: pull the ad without a word
        "a289e0defe97bfa171b3": "Taking the ad down is part of a good answer, but on its own nobody learns that the "
        "brand understood what went wrong. Which plan also shows people they were heard?",
    },
    hints=[
        "A good crisis response does three things: it acknowledges, it listens, and it acts where people can see it.",
        "Cross out any plan that argues with the audience or hides from it.",
        "Of the plans left, which one both removes the cause and tells people what will be different next time?",
    ],
    explanation=(
        "Apologising, asking and listening, removing the cause and saying what will change together turn a "
        "backlash into proof that the brand can hear its customers."
    ),
)
