"""Lesson 1.2 -- Why community management matters: the practice questions.

Used by ``module1_intro/1.2-why-it-matters.ipynb``::

    from course.exercises.module1 import lesson2 as ex
    ex.friday_hour.check(friday_hour)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["friday_hour", "review_reply", "benefits", "ad_response"]


# --------------------------------------------------------------------------- exercise 1
friday_hour = ChoiceQuestion(
    id="l12_friday_hour",
    options=["a", "b", "c", "d"],
    answer_hash="858d86bf8893cf7aba71",
    feedback={
        # a: the cheerful posts first
        "e74d0d544a836565e453": "The cheerful riders will tell their 15 people whether or not Velora replies today. "
        "Which list grows while it waits, and how many people does each of its posters tell?",
        # c: pay to promote the good stories
        "1e34a060e4084473d8db": "Paid reach puts good stories in front of strangers, but the twelve unhappy riders are "
        "still waiting and still telling their 24 each. Can more good news cancel a complaint nobody has answered?",
        # d: wait for the full answer
        "7fa7d1b3de65b99cbd23": "Another night of silence is when an ignored complaint gets repeated louder. Does a first "
        "reply need the full answer, or can it say what is known and when the rest will come?",
    },
    hints=[
        "Compare the two lists: which people tell more others, and which posts get worse the longer they wait?",
        "A first reply does not need the full solution: it can say what is known and what happens next.",
    ],
    explanation=(
        "The complaints come first: each unhappy rider tells about 24 people against 15 for a happy one, and an "
        "unanswered complaint tends to be posted again, louder. A personal reply now can turn the story around; "
        "the cheerful posts lose little by waiting until the morning for their thank-you."
    ),
    model_answer=(
        "b. Answer the twelve complaints one by one. Bad stories reach about 24 people each and grow while they wait; "
        "a reply that says what is known and what happens next is enough for today. (a) spends the hour where it "
        "changes least, (c) tries to drown out complaints instead of answering them, and (d) leaves another night "
        "of silence for the anger to fill."
    ),
)


# --------------------------------------------------------------------------- exercise 2
review_reply = ChoiceQuestion(
    id="l12_review_reply",
    options=["a", "b", "c", "d"],
    answer_hash="57c24efc69dcf32e9eca",
    feedback={
        # a: report it as misleading
        "cfe20b95aa09a1f32ed3": "The battery did fail: this is an honest, negative review, not abuse or spam. Asking for "
        "it to be removed looks like hiding, and the next buyer still learns nothing about the warranty.",
        # c: private discount, public silence
        "947b175637fe41d04e3a": "The reviewer may be pleased, but who else reads the review? Nearly every future buyer "
        "does, and they will see a complaint with no answer, and never learn about the warranty.",
        # d: leave it
        "d8f23ac9cc991eeda192": "The average rating is not the only thing readers see. An unanswered complaint tells "
        "them how Velora treats people when something breaks, and its author tends to say it again elsewhere.",
    },
    hints=[
        "Who reads a review besides the person who wrote it?",
        "Which plan fixes the rider's problem and also tells every future reader about the warranty?",
    ],
    explanation=(
        "A public reply serves two audiences at once: the reviewer gets an apology and a way to claim, and the many "
        "future buyers who read reviews (97% of online shoppers in 2018) see how Velora handles a fault."
    ),
    model_answer=(
        "b. Reply under the review: apologise for the failure, point to the two-year warranty and how to claim, take "
        "the order details to a direct message, then come back publicly when it is sorted. Reviews are read by "
        "future buyers, so the reply is for them too. (a) treats honest criticism as bad content, (c) helps one person "
        "out of sight of every reader, and (d) leaves the complaint as the last word."
    ),
)


# --------------------------------------------------------------------------- exercise 3
benefits = LabelsQuestion(
    id="l12_benefits",
    labels=["reputation", "engagement", "support", "sales", "insights"],
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
        "pairing_help": "One person has a problem right now and the community solves it in minutes. Which return "
        "is about that?",
        "firstride_friday": "Members create the content and then start talking to each other. Which return is "
        "about belonging and user-generated content?",
        "spring_referrals": "The outcome is counted in orders. Which return turns conversations into purchases?",
        "evening_posts": "Chen Wei does not help anyone or sell anything here: he reads the data and the team "
        "changes what it does. Which return is that?",
    },
    hints=[
        "Ask of each scenario: what is the main thing that changed at the end? How people see the brand, how much "
        "members take part, a problem solved, orders placed, or a decision made from data?",
        "Two scenarios share a label; every other label is used once.",
        "The two scenarios about what the public believes or says about Velora share a label, even though one is a "
        "calm week and the other a rumour.",
    ],
    model_answer=(
        "battery_video: reputation; fire_rumour: reputation; pairing_help: support; firstride_friday: engagement; "
        "spring_referrals: sales; evening_posts: insights. The two reputation stories end in what people believe "
        "about Velora; the others end in a rider helped, members talking, orders, or a decision taken from data."
    ),
    explanation=(
        "In real life one action often serves several returns at once, but naming the main one tells you what "
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
        "Think about what listening would look like, and how far a defensive reply travels (remember 15 against 24).",
        # b: go quiet and delete
        "3d029ea21a1c741a4f35": "Silence and deleted comments are easy to screenshot. People who feel unheard take "
        "their complaint somewhere louder. Re-read 'A say in how people feel'.",
        # d: pull the ad without a word
        "a289e0defe97bfa171b3": "Taking the ad down is part of a good answer, but on its own nobody learns that the "
        "brand understood what went wrong. Which plan also shows people they were heard?",
    },
    hints=[
        "A good crisis response does three things: it acknowledges, it listens, and it acts where people can see it.",
        "Cross out any plan that argues with the audience or hides from it.",
        "Of the plans left, which one both removes the cause and tells people what will be different next time?",
    ],
    model_answer=(
        "c. Apologise in public, ask the people who were hurt what upset them, withdraw the advert and say what will "
        "change. (a) argues with the audience, (b) hides from it and leaves screenshots of deleted comments, and (d) "
        "fixes the cause but lets nobody know the brand understood."
    ),
    explanation=(
        "Apologising, asking and listening, removing the cause and saying what will change together turn a "
        "backlash into proof that the brand can hear its customers."
    ),
)
