"""Lesson 5.2 -- Analysis tools: the practice questions.

Used by ``module5_analysis/5.2-analysis-tools.ipynb``::

    from course.exercises.module5 import lesson2 as ex
    ex.source_for_question.check(source_for_question)

Each question is an analyst's decision: which source can answer a question, how to read two tools that
disagree, who gets the credit under last-click attribution, and what to do with the visits an export
could not attribute. Expected answers are stored only as salted hashes (see :mod:`course.checks`); the
campaign figures the questions quote are measured by ``tests/answer_keys/m5_lesson2.py``.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion

__all__ = ["source_for_question", "read_the_gap", "last_click", "not_set_rows"]

CHOICES = ("a", "b", "c", "d")


# --------------------------------------------------------------------------- exercise 1
source_for_question = ChoiceQuestion(
    id="l52_source_for_question",
    options=CHOICES,
    answer_hash="aad33af1dcd85f921dc2",
    feedback={
        "748b6d846c34ded5d2b7": "Instagram's insights stop at the tap on the link. Where does the purchase happen, "
        "and which tool is watching there?",
        "eea6c9bdb5c8a58382d4": "A listening suite reads what people say in public. Does anyone post their order "
        "number? Look for the tool that sees the website.",
        "6592a4f7a6b5ebef0daa": "New followers show interest, not purchases; many buyers never follow. Which "
        "source records orders together with where the visit came from?",
    },
    hints=[
        "Follow one rider: post, tap, website, order. Which tool sees the last two steps?",
        "The tag on the link (utm_campaign) is what lets that tool say the visit came from the campaign.",
    ],
    explanation=(
        "Only the website sees orders, and only a tagged link tells the web analytics that an order's visit came "
        "from the campaign's Instagram posts. The platform sees the tap, the listening suite sees talk, and "
        "followers are a different outcome altogether."
    ),
    model_answer=(
        "b. Web analytics filtered on utm_source=instagram and utm_campaign=firstridevelora, read down the funnel "
        "to orders. (a) ends at the click, (c) measures conversation, (d) counts follows, not sales."
    ),
)


# --------------------------------------------------------------------------- exercise 2
read_the_gap = ChoiceQuestion(
    id="l52_read_the_gap",
    options=CHOICES,
    answer_hash="02356b199ddcfd35eb73",
    feedback={
        "89c0d7b2c8f5b210033f": "A tool that counts more is not broken for that reason. Ask what each of the two "
        "is counting before you decide one of them is wrong.",
        "04c0ad0da76c65f40079": "Adding them counts the same visits twice: a tap on a post that opens the site is "
        "in both numbers.",
        "16f4d376336ad0de8c33": "Nothing suggests anyone touched the figures. Two definitions explain the gap "
        "without a culprit: which two?",
    },
    hints=[
        "The platform counts taps on the posts' own links. What other ways could a tagged link reach someone?",
        "A session is a visit, not a person, and a tagged link keeps its tag when it is shared or saved.",
    ],
    explanation=(
        "The two tools measure different things. Instagram counts taps on the campaign posts' links; the web "
        "analytics counts every visit that arrives carrying the tag: from the profile link, stories, links riders "
        "forwarded, and second visits. Each number answers its own question; neither checks the other."
    ),
    model_answer=(
        "c. They count different things, so the gap is expected: use the platform's clicks to compare posts with "
        "each other, and the web analytics' sessions and orders for what the campaign brought to the site. (a) "
        "blames a tool for its definition, (b) double counts, (d) invents a culprit."
    ),
)


# --------------------------------------------------------------------------- exercise 3
last_click = ChoiceQuestion(
    id="l52_last_click",
    options=CHOICES,
    answer_hash="8b0bd86efdadd1abe56b",
    feedback={
        "35be77432b84ff8d3f2a": "TikTok started it, and a first-click model would say so. Under last click, "
        "which visit is the one that counts?",
        "bc077c46442dd72cd07b": "Sharing the credit is another attribution model (linear). The default report "
        "does not share: it gives everything to one visit.",
        "c2950896e4e5770a34e5": "She came through a tagged newsletter link, so the visit has a source. (direct) "
        "is for visits that arrive with no source at all.",
    },
    hints=[
        "Last click means: the whole order goes to the source of the visit in which it happened.",
        "In which visit did Chiara buy, and through which link did that visit begin?",
    ],
    explanation=(
        "Last-click attribution hands the whole order to the source of the visit that ended in the purchase: "
        "here the newsletter. The TikTok video that made her curious gets nothing, which is why last click "
        "undervalues social channels that start journeys rather than finish them."
    ),
    model_answer=(
        "b. newsletter / email gets the order. TikTok (a) would get it under first click; a split (c) is a linear "
        "model; (direct) (d) is for visits with no source. Say in the report that social's share is a floor."
    ),
)


# --------------------------------------------------------------------------- exercise 4 (case study)
not_set_rows = ChoiceQuestion(
    id="l52_not_set_rows",
    options=CHOICES,
    answer_hash="8ef0f0cee3dc99314ec9",
    feedback={
        "3d482c8b50d4e918f30c": "About one visit in eighty has no source. Does that make the other seventy-nine "
        "useless?",
        "820656eeeed1cd9b8768": "Giving them to the biggest source makes Instagram look better than the data "
        "shows. Would you know any of those visits came from it?",
        "e65db819c2dcd0ae7dd9": "Spreading them quietly changes every figure a little and hides that you did it. "
        "What does a reader need to know about them?",
    },
    hints=[
        "You cannot know where those visits came from. The question is how to be honest about it.",
        "Small and unknown: keep it out of the per-source table, and put its size in a sentence.",
    ],
    explanation=(
        "(not set) rows are visits the tool could not attribute. They cannot be given to a source, and they are "
        "too few to spoil the rest, so leave them out of the by-source table and state their share, so that the "
        "reader knows the table covers a little less than all the traffic."
    ),
    model_answer=(
        "b. Leave them out of the by-source table and write their share (about 1%) under it. (a) throws away good "
        "data, (c) and (d) attribute visits with no evidence, (d) without telling anyone."
    ),
)
