"""Lesson 3.3 -- Content publishing: the practice questions.

Used by ``module3_social/3.3-content-publishing.ipynb``::

    from course.exercises.module3 import lesson3 as ex
    ex.trust_cell.check(trust_cell)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["trust_cell", "draft_rule", "clock_change", "alt_text"]


# --------------------------------------------------------------------------- exercise 1
trust_cell = ChoiceQuestion(
    id="l33_trust_cell",
    options=["a", "b", "c", "d"],
    answer_hash="bf5ebd66ae860dac1b76",
    feedback={
        # a: the darkest cell
        "1ceaf05d614b7b1c4028": "It is the darkest square on the map, but count the posts written in it. How much "
        "would one lucky post in six move that median, and would the slot keep it up week after week?",
        # c: Thursday late evening
        "c9f2b78240ffaf4aa43b": "Evenings at home sound right, but the figure rests on three posts. Is that a finding, "
        "or a story you would tell about any bright square?",
        # d: Sunday morning
        "dcc5b9e89f677f16f9a9": "Riders may well ride on Sundays, which can also mean they are out, not scrolling. "
        "Check how many posts stand behind that square before planning a series on it.",
    },
    hints=[
        "Read the small number in each square before its colour: how many posts is the colour made of?",
        "Pick the square with enough posts behind it (the lesson's threshold is ten), whose neighbours tell the same story.",
    ],
    explanation=(
        "A weekly series will be judged on its own results, so it needs a slot whose figure is likely to repeat. "
        "Wednesday morning rests on ten posts and sits in a band of mornings that beat the typical post on most days; "
        "the brighter squares rest on three to six posts, where one unusual post sets the colour."
    ),
    model_answer=(
        "b. Wednesday 09:00-12:00: 1.41 times the typical post over ten posts, in a run of good mornings. "
        "(a) is the brightest square but only six posts, (c) three posts and (d) five: too few to tell luck from a "
        "pattern."
    ),
)


# --------------------------------------------------------------------------- exercise 2
draft_rule = LabelsQuestion(
    id="l33_draft_rule",
    labels=["ok", "length", "hashtags", "mentions", "alt_text", "link"],
    answer_hashes={
        "spring_x": "4cf365f53bbaa38f3354",
        "wear_ig": "b11bdaaf17c8a3e0a463",
        "tags_xhs": "290107119c18bd2cd86b",
        "groceries_pin": "9763b5071a1890208594",
        "thanks_fb": "9eeff2d196a60d83d692",
        "repair_li": "303f2a6a78b3809f4420",
    },
    ideas={
        "spring_x": "Count the way X counts: what does the long address cost there, whatever its length?",
        "wear_ig": "Could a follower tap that address in an Instagram caption?",
        "tags_xhs": "Count the tags, then look up Xiaohongshu's hard limit in the limits table.",
        "groceries_pin": "What would someone using a screen reader hear about the picture?",
        "thanks_fb": "How many accounts does the post tag, and what is Velora's own rule for that?",
        "repair_li": "Test it against each rule in turn: length, tags, mentions, link, image. Does any fail?",
    },
    hints=[
        "Take each draft through the five rules one at a time, with its platform's row of the limits table beside you.",
        "Two of the six break no rule. One of them only looks too long if you count the characters the way you typed them.",
    ],
    model_answer=(
        "spring_x: ok (its link counts 23 on X, so it fits); wear_ig: link (Instagram captions do not make links "
        "clickable); tags_xhs: hashtags (over Xiaohongshu's hard limit); groceries_pin: alt_text; thanks_fb: "
        "mentions (over Velora's three); repair_li: ok."
    ),
    explanation=(
        "Each rule protects a different reader: the one whose post would be cut, the one who cannot tap a link, "
        "the one who scrolls past a wall of tags, the one who is tagged without being asked, and the one who "
        "hears the image rather than sees it."
    ),
)


# --------------------------------------------------------------------------- exercise 3
clock_change = LabelsQuestion(
    id="l33_clock_change",
    labels=["on_time", "hour_late", "hour_early"],
    answer_hashes={
        "mar_05": "6fa3eb7b932ee4237cd1",
        "mar_12": "0540f1a908357891fa2b",
        "mar_26": "4c2b842d35d09cec2a7b",
        "apr_02": "3138d6d9f8d00835ae2e",
        "oct_29": "f598b8104bcde0f0d7a3",
        "nov_05": "493858cafa4419fb828c",
    },
    ideas={
        "mar_12": "Which side of the Atlantic has changed its clocks by the second Thursday of March?",
        "mar_26": "Has Europe caught up yet? Its clocks change on the last Sunday of March.",
        "apr_02": "By April both sides are on summer time. How far apart are they then?",
        "oct_29": "Europe goes back an hour on the last Sunday of October; the United States a week later.",
        "mar_05": "Before any change, how many hours separate Rome and New York?",
        "nov_05": "After both changes, are the two clocks their usual distance apart again?",
    },
    hints=[
        "Rome and New York are usually six hours apart; the question is in which weeks they are not.",
        "In the weeks when only one side has changed, the gap is five hours. Does 18:30 in Rome then land before "
        "or after 12:30 in New York?",
    ],
    model_answer=(
        "mar_05: on_time; mar_12: hour_late; mar_26: hour_late; apr_02: on_time; oct_29: hour_late; nov_05: "
        "on_time. From 8 to 28 March and from 25 to 31 October 2026 only one side is on summer time, so 18:30 in "
        "Rome is 13:30 in New York."
    ),
    explanation=(
        "A scheduler set to Rome time keeps Rome's clock, not New York's. Plan a slot meant for riders in North "
        "America on their clock (or check the weeks when the gap is five hours), and nothing moves."
    ),
)


# --------------------------------------------------------------------------- exercise 4
alt_text = ChoiceQuestion(
    id="l33_alt_text",
    options=["a", "b", "c", "d"],
    answer_hash="d706bb48d592c46e4d5a",
    feedback={
        # a: "image of a bike"
        "31cf81228ebbf2c40324": "A screen reader already says it is an image. What would a listener learn about "
        "this picture, and why Velora posted it?",
        # b: hashtags
        "dd8149a7da452286ec88": "Tags help search, not a listener. Read it aloud: does it say what the photo shows?",
        # d: a paragraph of everything
        "bc7daf77bbda33d422f9": "Everything is there, but a listener has to sit through the sky and the pavement to "
        "reach the point. What in the photo matters for this post?",
    },
    hints=[
        "Alt text is read aloud in place of the picture. Imagine hearing each option instead of seeing the photo.",
        "Choose the one that says, in a sentence or two, what the picture shows that the post is about.",
    ],
    explanation=(
        "Good alt text tells a listener what a sighted reader gets from the picture, in a sentence or two: who, "
        "doing what, and the detail the post is about. No 'image of', no tags, no inventory of the background."
    ),
    model_answer=(
        "c. It names the rider, the bike and the rain, which is what the post is about, in one sentence. (a) says "
        "only that there is a bike, (b) is a row of tags, and (d) buries the point in details."
    ),
)
