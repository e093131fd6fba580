"""Lesson 2.2 -- Understanding the target audience: the practice questions.

Used by ``module2_strategy/2.2-target-audience.ipynb``::

    from course.exercises.module2 import lesson2 as ex
    ex.first_step.check(first_step)

Expected answers are stored only as salted hashes (see :mod:`course.checks`). The channel each brief
points to, and the counts the questions rest on, are measured on the shipped audience and listening
tables in ``tests/answer_keys/m2_lesson2.py``, so a regenerated dataset that changes them fails the
tests until the questions are rewritten.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["first_step", "channel_briefs", "fit_or_size", "emphasis"]

CHOICES = ("a", "b", "c", "d")
CHANNELS = ("instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "pinterest", "forum", "weibo",
            "xiaohongshu", "wechat")


# --------------------------------------------------------------------------- exercise 1
first_step = ChoiceQuestion(
    id="l22_first_step",
    options=CHOICES,
    answer_hash="64b100df76db8ccb30b2",
    feedback={
        # a: survey the newsletter first
        "f22681569bf047d0227e": "Asking is a real step, but whom would this survey reach? The newsletter holds people "
        "who already bought from Velora, mostly not the families the cargo bike is for. What do you need to know "
        "before you can ask the right people in the right place?",
        # c: personas from guesses
        "816ce97fc4a88479d96f": "Personas help, but these ones rest on the team's hunches. What would a persona need "
        "to be built on, so that it describes real families rather than the team's idea of them?",
        # d: open everywhere, keep the fastest
        "e30020cab2e51d736769": "Six new accounts split a small team's hours six ways, and the one that grows fastest "
        "is not necessarily the one where the families are. What could tell you where they are before you open anything?",
    },
    hints=[
        "The lesson's first three strategy steps come in an order. Which one tells you where to look for the others?",
        "You can only study what people engage with, and ask them, once you know where they are.",
    ],
    explanation=(
        "Channel first, from the audience's demographics; then what the audience engages with there and whom it "
        "already follows; then ask it. Each step tells you where and whom the next one works on."
    ),
    model_answer=(
        "b. Start from who the families are (age, country, language) and pick the channel where they already "
        "follow Velora; then study what they engage with there and which brands they follow; then ask them. "
        "(a) asks the wrong people, (c) writes personas from guesses, and (d) spreads the team thin and judges "
        "channels by growth rather than by who is there."
    ),
)


# --------------------------------------------------------------------------- exercise 2
channel_briefs = LabelsQuestion(
    id="l22_channel_briefs",
    labels=CHANNELS,
    answer_hashes={
        "teen_riders": "9b21049b98bd9a128acb",
        "china_launch": "20d9d392ad9ca23e43d6",
        "bike_to_work": "dfc90d062ac6cdcc42fd",
        "turin_seniors": "d84a4628e672f716314e",
    },
    ideas={
        "teen_riders": "Run the brief with the youngest bands and the three English-speaking countries. Which account "
        "do young people make up the largest part of? The biggest account is not the youngest one.",
        "china_launch": "The networks blocked in China have almost no followers there. Among the three accounts for "
        "China, which one has the youngest followers?",
        "bike_to_work": "Employers and commuters of working age in Germany and the Netherlands: which account leans "
        "to those countries and to people at work?",
        "turin_seniors": "Look at the brief's ages: who follows Velora in the older bands, in Italy? The biggest "
        "account is not the oldest one.",
    },
    hints=[
        "Write each brief as a dict (age_bands, countries and, where it says so, languages) and run rank_channels on "
        "it; read the top row and its reason.",
        "Each series is made for its group, so read the score (how large a part of the followers fits), not the "
        "biggest head count; Exercise 3 has a goal where the head count decides instead.",
        "Four different channels: one for young people, one for China, one for people at work, one for older riders.",
    ],
    model_answer=(
        "teen_riders: tiktok; china_launch: xiaohongshu; bike_to_work: linkedin; turin_seniors: facebook. Young "
        "people follow Velora on TikTok, young Chinese riders on Xiaohongshu (Weibo is close behind), working-age "
        "people in Germany and the Netherlands on LinkedIn, and Italians over 45 on Facebook, with the forum second."
    ),
)


# --------------------------------------------------------------------------- exercise 3
fit_or_size = ChoiceQuestion(
    id="l22_fit_or_size",
    options=CHOICES,
    answer_hash="6f355ce057b94bc50860",
    feedback={
        # a: LinkedIn, the top score
        "c5a7b410cb3e82b84779": "LinkedIn's followers fit the ages best, but the goal is how many parents see the "
        "launch. How many of LinkedIn's followers fit the whole brief, next to the other accounts? And are parents "
        "choosing a family bike in their work frame of mind there?",
        # c: Pinterest, the top country share
        "59c6cfb0157b478a176d": "A high share of a small account is still a few hundred people. Which column says how "
        "many followers fit the whole brief?",
        # d: Snapchat
        "ae028591e36f5ed1279f": "Velora has no Snapchat account, so the audience table cannot say who would be there, "
        "and a launch week leaves no time to build one. Which existing account already holds the most parents?",
    },
    hints=[
        "The score says how concentrated a channel's fit is; fit_all says about how many people fit. Which one does "
        "this goal ask for?",
        "Sort the ranking by fit_all and read the top row.",
    ],
    explanation=(
        "The score is a concentration, fit_all a headcount. When the goal is to reach as many of the right people as "
        "possible, the big account with a decent fit beats the small one with a perfect fit."
    ),
    model_answer=(
        "b. Instagram: its score is lower than LinkedIn's, but about 8,300 of its followers fit the whole brief, "
        "five times as many as on LinkedIn. The goal counts people, so the headcount decides. (a) confuses a "
        "concentrated audience with a large one, (c) reads one column of a small account, and (d) would start from "
        "zero in the week it matters."
    ),
)


# --------------------------------------------------------------------------- exercise 4
emphasis = ChoiceQuestion(
    id="l22_emphasis",
    options=CHOICES,
    answer_hash="7d64e7389afe2f8e9d01",
    feedback={
        # a: a new subreddit and a chat server
        "915749a653f19c0ddc8a": "That asks riders to leave the threads where they already talk and come to Velora's "
        "place instead. Where does the advice say to put the emphasis: where the brand would like the talk, or "
        "where it is?",
        # b: TikTok, the fastest-growing
        "65fd34477c09d22fc843": "Growth tells you where new followers come from, not where riders already discuss "
        "Velora. Which places in the listening table carry more mentions than TikTok, with nobody from Velora there?",
        # d: twice as many Instagram posts
        "73949626a5afdc9ccac3": "Instagram does carry the most mentions, and the team already answers there every day. "
        "More posts are more broadcasting; which conversations about Velora get no answer from Velora at all?",
    },
    hints=[
        "Read the listening table's ranking again, and look at the column that says whether Velora has an account.",
        "Reddit and the independent cycling forums together carry more of the talk about Velora than Facebook does.",
    ],
    explanation=(
        "Put the emphasis where the audience already talks: a sixth of the talk about Velora happens on Reddit and "
        "independent cycling forums, where nobody answers for Velora. Joining it openly, as the team, reaches people "
        "in their own place."
    ),
    model_answer=(
        "c. Join the Reddit and independent-forum threads where riders already discuss Velora, openly as Velora's "
        "team: answer, thank, and link the forum's answers when they help. (a) asks people to move, (b) chases "
        "growth instead of conversation, and (d) adds broadcasting where the team already listens."
    ),
)
