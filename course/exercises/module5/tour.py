"""Lesson 5.0 -- Meet Velora's data: the practice questions of the tour of the tables.

Used by ``module5_analysis/5.0-meet-velora-data.ipynb``::

    from course.exercises.module5 import tour as ex
    ex.top_platform.check(top_platform)

Expected answers are stored only as salted hashes (see :mod:`course.checks`). Two of them are
measured on the shipped data (``top_platform`` and ``crisis_messages``): if the generator
changes, ``tests/answer_keys/m5_tour.py`` recomputes them from the data and the checker tests
fail until the hashes here are updated.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion, NumberQuestion

__all__ = ["top_platform", "crisis_messages", "table_for_question"]

TABLES = (
    "members", "posts", "followers", "inbox", "forum_threads", "forum_replies",
    "web_sessions", "events", "ab_test", "survey", "listening",
)


# --------------------------------------------------------------------------- exercise 1
top_platform = ChoiceQuestion(
    id="t50_top_platform",
    options=("instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "pinterest", "forum"),
    answer_hash="8cdcb22f72e52aa7a2d1",
    feedback={
        # tiktok
        "4fac879021b1319fd32e": "TikTok does lead the social networks, but the question covers every place Velora "
        "posts, including one it owns. Look at all eight rows, not only the social ones.",
        # instagram
        "390f54d80aa34be9eb7e": "Instagram has the biggest audience, but a rate divides by reach: a large audience "
        "does not make a high rate. Sort the rates and read the top one.",
        # facebook
        "871e0d09834dd0d7765b": "Facebook has many followers, yet a rate is interactions per person reached. "
        "Sort the rates and read the top one.",
        # x
        "693fadd5a2c05bf33cd0": "X is where Velora posts most often, but posting a lot is not the same as engaging "
        "the people who see the posts. Sort the rates and read the top one.",
    },
    hints=[
        "Run metrics.engagement_rate(posts, by=\"reach\", group=\"platform\"): you get one rate per platform.",
        "Add .sort_values(ascending=False) to put the highest rate first.",
        "All eight places Velora publishes count here, the ones it owns as well as the social networks.",
    ],
    explanation=(
        "The forum engages the people who read it best of all: its readers are registered members who came "
        "on purpose, not strangers scrolling past. That is why a rate is only comparable between similar "
        "places, and why it must always say what it divides by."
    ),
)


# --------------------------------------------------------------------------- exercise 2
crisis_messages = NumberQuestion(
    id="t50_crisis_messages",
    what="crisis_messages",
    decimals=0,
    answer_hash="2d965154705ab3448618",
    mistakes={
        # the same week on Rome clocks instead of UTC
        "b42440815d6ddd86850c": "Very close: that counts the week on Rome clocks. The task uses the notebook's "
        "CRISIS_START and CRISIS_END, which are UTC times like the received_at column.",
        # the week before (resample label 2026-03-15)
        "965c62e7f7fc17a0d1f3": "That is an ordinary week. Weekly totals are labelled by the Sunday that ENDS the "
        "week, so the crisis week is not the row dated 15 March.",
        # the week after
        "4acc4227ec149cfa40f9": "That is an ordinary week, after the crisis. Weekly totals are labelled by the Sunday "
        "that ends the week: find the row whose week runs from Monday 16 to Sunday 22 March.",
        # end at midnight of 22 March: Sunday left out
        "d0e273b4644bade04d23": "Your window stops at the very start of Sunday 22 March, so the last day is missing. "
        "Keep everything before CRISIS_END (the start of Monday 23 March).",
        # end on 24 March: one day too many
        "4b8b10646343840abac8": "Your window includes Monday 23 March. The end is excluded: keep messages received "
        "before CRISIS_END.",
        # complaints only
        "7a2e5dddd047f1f8143d": "That counts complaints only. The question asks for every message that reached the "
        "team, whatever its intent.",
        # negative messages only
        "e5c6008830f66af01ce9": "That counts negative messages only. The question asks for every message that "
        "reached the team, whatever its sentiment.",
    },
    hints=[
        "Keep the rows of inbox whose received_at is on or after CRISIS_START and before CRISIS_END, then count them.",
        "A condition such as (inbox[\"received_at\"] >= CRISIS_START) gives True/False per row; combine two of them "
        "with & (each in brackets) and put the result inside inbox[...].",
        "len(...) of the filtered table, or .sum() of the True/False condition, gives the count.",
    ],
    explanation=(
        "About three times an ordinary week's volume, mostly complaints and worried questions. A community "
        "team staffed for a normal week meets that with the same people, which is why response times stretch."
    ),
)


# --------------------------------------------------------------------------- exercise 3
table_for_question = LabelsQuestion(
    id="t50_table_for_question",
    labels=TABLES,
    aliases={
        "member": "members",
        "post": "posts",
        "follower": "followers",
        "forum threads": "forum_threads",
        "threads": "forum_threads",
        "forum replies": "forum_replies",
        "replies": "forum_replies",
        "web sessions": "web_sessions",
        "web": "web_sessions",
        "sessions": "web_sessions",
        "event": "events",
        "ab test": "ab_test",
        "a/b test": "ab_test",
        "social listening": "listening",
    },
    answer_hashes={
        "turn_up": "91855ad8355e461cfcb5",
        "voice_vs_voltaro": "df54c5eee4f58efd38ba",
        "complaint_speed": "1b12995b74e252d3b322",
        "saves_by_pillar": "c9735f6c2670df25c003",
        "help_first_answer": "41d8b65d05269a74329c",
        "newsletter_orders": "1a889ed7e2146a8dd02b",
        "belonging": "d88602256a3e1fc4dbeb",
        "x_unfollows": "b6deff525b65714b232d",
    },
    ideas={
        "turn_up": "You need two numbers for the same occasion: how many signed up and how many came.",
        "voice_vs_voltaro": "Only one table counts what people say about other brands too.",
        "complaint_speed": "Response time is the gap between two timestamps of the same message.",
        "saves_by_pillar": "Saves and content pillars are analytics of Velora's own publications.",
        "help_first_answer": "You need the board, and who answered first, for each conversation.",
        "newsletter_orders": "Orders happen on the website, counted by traffic source.",
        "belonging": "A feeling is not in any click or count: somebody has to ask.",
        "x_unfollows": "Look for the table that counts, day by day, people gained and people lost.",
    },
    hints=[
        "Read each question and ask: which row would hold the answer? A message, a post, a day of followers, "
        "a thread, a day of website traffic, an event, a survey response, a day of mentions ...",
        "Three tables hold one row per day (followers, web_sessions, listening); tell them apart by what they count.",
        "Two questions are about people's own words or feelings: one about speed of replies, one about belonging. "
        "They come from different tables.",
    ],
    explanation=(
        "Knowing which table answers which question is half of any analysis: before you open a chart, "
        "name the row that holds the answer and the number you will divide by."
    ),
)
