"""Lesson 5.3 -- Report preparation: the practice questions.

Used by ``module5_analysis/5.3-report-preparation.ipynb``::

    from course.exercises.module5 import lesson3 as ex
    ex.set_the_lights.check(set_the_lights)

Each question is a reporting decision: the light a figure gets, the paragraph that explains, the
chart that answers a manager's question, the next step worth writing down, and what to do with a
green light that flatters. Expected answers are stored only as salted hashes (see
:mod:`course.checks`); the May and March figures the questions quote are held by
``tests/answer_keys/m5_lesson3.py``.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["set_the_lights", "commentary_that_explains", "chart_for_the_question", "next_step", "flattering_green"]

CHOICES = ("a", "b", "c", "d")


# --------------------------------------------------------------------------- exercise 1
set_the_lights = LabelsQuestion(
    id="l53_set_the_lights",
    labels=["green", "amber", "red"],
    answer_hashes={
        "engagement": "5c29eca0f8ba628a92f5",
        "reply_close": "321307ad4d608876613e",
        "reply_slow": "c78b9559a497e84ef473",
        "complaints": "12318ff1d2f1c1abdf89",
        "sentiment": "22faf8ef664e03069496",
        "growth": "054120fc836a8cce33dd",
    },
    ideas={
        "engagement": "How far below 3.0% is 2.8%, and how big is a tenth of the target?",
        "reply_close": "For a reply time, is a bigger number better or worse? Then measure the miss against a tenth "
        "of 60 minutes.",
        "reply_slow": "Lower is better here. Is 70 minutes within six minutes of the target?",
        "complaints": "A tenth of a 50% target is 5 points. Where does 44% sit?",
        "sentiment": "Does a figure exactly on its target meet it?",
        "growth": "A tenth of 2.0% is 0.2 points. Is 1.9% inside that band?",
    },
    hints=[
        "First ask which way is better for the figure (the Target column says ≥ or ≤), then how far the figure "
        "misses, then compare the miss with a tenth of the target.",
        "A figure that meets its target exactly is green. Two of the six are red.",
    ],
    explanation=(
        "The band is a tenth of the target: 0.3 points for engagement, 6 minutes for replies, 5 points for "
        "complaints, 0.2 points for growth. A reply time above its target is a miss, however good a big number "
        "looks elsewhere."
    ),
    model_answer=(
        "engagement: amber (0.2 short, inside 0.3); reply_close: amber (4 minutes over, inside 6); reply_slow: red "
        "(10 over); complaints: red (6 points short, beyond 5); sentiment: green (on target); growth: amber "
        "(0.1 short, inside 0.2)."
    ),
)


# --------------------------------------------------------------------------- exercise 2
commentary_that_explains = ChoiceQuestion(
    id="l53_commentary_that_explains",
    options=CHOICES,
    answer_hash="e20fe8bf847f6554a97f",
    feedback={
        "b63738d27fcc31ec0ca7": "Every figure in it is already in the table a line above. What does the "
        "manager learn from reading them twice? Look for the option that says why a number moved.",
        "0e1c6ce645cf6e7b8ac4": "Is it true? Check the reply time and the complaints row of May's table. "
        "And which number would the manager act on after reading it?",
        "0b85da3b88170e1c3669": "It names a culprit, not a cause. What changed in May that could "
        "explain slower replies, and what does the data say about it?",
    },
    hints=[
        "A useful paragraph links a figure to what happened in the month, and says what it means for the team.",
        "Which option mentions the campaign, the extra messages and the rota?",
    ],
    explanation=(
        "Commentary earns its place by saying what the table cannot: why a figure moved (the campaign), how two "
        "figures connect (more riders, more questions, slower replies) and what is within the team's reach (the rota)."
    ),
    model_answer=(
        "b. It ties the growth and the slower replies to one cause, the campaign, and names the thing the team "
        "can change. (a) repeats the table; (c) is upbeat and wrong about the reply times; (d) blames people "
        "without saying why the month was different."
    ),
)


# --------------------------------------------------------------------------- exercise 3
chart_for_the_question = ChoiceQuestion(
    id="l53_chart_for_the_question",
    options=CHOICES,
    answer_hash="80ed6aa6ea22d54d4ed0",
    feedback={
        "9e4791292a60a8625ab7": "A pie of May's messages by intent says what people wrote about in one "
        "month. Does it show anything about time passing?",
        "d541519e23fc02eeeb45": "Two points always make a straight line. Can two months tell a blip "
        "from a trend?",
        "2f498f1723f9ba7de1de": "Five hundred rows answer every question except the one asked. What "
        "would the manager see at a glance?",
    },
    hints=[
        "A trend is about many periods in a row. Which option shows more than two of them?",
        "The manager also wants to know how far from the target the figure is: which chart draws the target?",
    ],
    explanation=(
        "Week by week over half a year, with the target drawn and the month shaded, shows whether May is one "
        "bad spell or the continuation of a drift, and how it compares with the crisis week."
    ),
    model_answer=(
        "b. The weekly line over six months with the 60-minute target and May shaded: May's first two weeks sit on "
        "the line and its last two above it, far below March's spike, so it is a campaign bump to fix, not a collapse. (a) shows one month's "
        "mix, (c) only two points, (d) raw rows nobody reads."
    ),
)


# --------------------------------------------------------------------------- exercise 4
next_step = ChoiceQuestion(
    id="l53_next_step",
    options=CHOICES,
    answer_hash="b22813dd80a9cf8d321f",
    feedback={
        "0796e3851eaeebd86ca1": "Who will do what, by when, and how will the next report know it worked? This step "
        "says none of it.",
        "c57ceb0cfedff7e83846": "The light would change and the riders would wait just as long. Is a target you move "
        "when you miss it still a target?",
        "56aae38962562341b7ab": "The same campaign brought the month's best growth and sentiment. Does one amber "
        "and one red figure justify giving all of that up?",
    },
    hints=[
        "A next step names a person, an action, a date and the figure that will show whether it worked.",
        "Fix the cause the commentary found, not the colour of the light.",
    ],
    explanation=(
        "A next step is a small commitment the next report can check: one person, a period, the figure to watch. "
        "It addresses the cause the commentary found (the rota) and keeps what is working (the campaign)."
    ),
    model_answer=(
        "b. Sofia joins the weekday-afternoon inbox rota until the campaign ends, and June's report checks the reply "
        "median. (a) is a wish, not a step; (c) moves the target instead of the result; (d) throws away the "
        "month's gains to fix one figure."
    ),
)


# --------------------------------------------------------------------------- case study
flattering_green = ChoiceQuestion(
    id="l53_flattering_green",
    options=CHOICES,
    answer_hash="a8493ab05c890017f18f",
    feedback={
        "7ff2a2785566248821e0": "Look at what the extra mentions were about, and at the net sentiment next "
        "to it. Would the manager still call it a win after reading the listening data?",
        "f949a2c837476a8448b8": "A figure that disappears when it is awkward makes every later report harder "
        "to trust. Is there a way to keep it and say what it means?",
        "e94593dcf8251eebb951": "The light follows a rule everyone agreed on. If you repaint it by hand this "
        "month, what do the colours mean next month?",
    },
    hints=[
        "The light is right by its rule; the question is what the number means this month.",
        "Which option keeps the table honest and puts the explanation where the manager reads it?",
    ],
    explanation=(
        "The light applies an agreed rule, so it stays. Share of voice counts how loud Velora is, not how well "
        "spoken of: the commentary says the extra share came from complaints about the jackets, and points to "
        "the net sentiment below zero beside it."
    ),
    model_answer=(
        "b. Keep the figure and its green light, and say in the commentary that the rise came from the leaking-"
        "jacket complaints, next to the negative net sentiment. (a) celebrates noise; (c) hides a figure the "
        "manager will look for; (d) breaks the rule that makes the colours mean something."
    ),
)
