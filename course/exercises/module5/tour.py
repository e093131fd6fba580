"""Lesson 5.0 -- Meet Velora's data: the practice questions of the tour of the tables.

Used by ``module5_analysis/5.0-meet-velora-data.ipynb``::

    from course.exercises.module5 import tour as ex
    ex.forum_post.check(forum_post)

Each question is a community-management decision read from the data: the learner fills in a
line of pandas, looks at the result and chooses. Expected answers are stored only as salted
hashes (see :mod:`course.checks`). The facts each decision rests on (the forum's rate is the
highest, the crisis week's volume, the share of talk where Velora has no account) are measured
on the shipped data in ``tests/answer_keys/m5_tour.py``, so a regenerated dataset that changes
them fails the tests until the questions are rewritten.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["forum_post", "crisis_staffing", "sentiment_reading", "talk_elsewhere", "table_for_question"]

TABLES = (
    "members", "posts", "followers", "audience", "inbox", "forum_threads", "forum_replies",
    "web_sessions", "events", "ab_test", "survey", "listening",
)
CHOICES = ("a", "b", "c", "d")


# --------------------------------------------------------------------------- exercise 1
forum_post = ChoiceQuestion(
    id="t50_forum_post",
    options=CHOICES,
    answer_hash="197c9d411ca357ae943c",
    feedback={
        # a: TikTok leads the social networks
        "1d9fe678482d66e7a690": "TikTok does lead the social networks, but look at the whole table: one place "
        "Velora runs itself sits above all of them. Who reads that place, and why?",
        # b: Instagram, the biggest audience
        "2b7ac70d85bdd2857e9f": "A big audience gives big totals, but the rate is interactions per person reached. "
        "Which place makes the people who see a post take part most?",
        # d: a small reach makes the rate incomparable
        "246632e0fac6f38fd7a8": "A rate by reach is already 'per person reached', so a small audience does not "
        "spoil it. What does the forum's rate say about the people who read it?",
    },
    hints=[
        "Fill in the denominator the lesson calls the usual choice, remove the # and run the cell.",
        "Read the top of the sorted table: all eleven places Velora publishes are there, its own forum included.",
        "A forum reader opened the thread on purpose; a TikTok viewer was scrolling. Compare each place with itself.",
    ],
    explanation=(
        "The forum engages its readers more than any network: they are members who came on purpose. A rate "
        "compares people within one kind of place; across places it mostly measures who the audience is. Keep "
        "the post where it works, and judge TikTok against TikTok's own past and benchmark."
    ),
    model_answer=(
        "rates = metrics.engagement_rate(posts, by=\"reach\", group=\"platform\").sort_values(ascending=False)\n"
        "forum_post = \"c\"\n\n"
        "The forum comes first (about 11% by reach), well above TikTok (about 5%). Moving the post would swap "
        "members who read on purpose for strangers scrolling past: keep it, and compare each platform with its "
        "own history."
    ),
)


# --------------------------------------------------------------------------- exercise 2
crisis_staffing = ChoiceQuestion(
    id="t50_crisis_staffing",
    options=CHOICES,
    answer_hash="58b673f35b7fb42d3a39",
    feedback={
        # a: usual rota, first come first served
        "7380e27334fa7ae58b9e": "With the same people and about three times the messages, waits grow for "
        "everybody, the worried jacket owners included. What would keep the urgent ones inside the hour?",
        # c: triple the team for good
        "e0e64f654dea6e46c418": "Look at the week after: volume falls back within days. Planning for the peak "
        "every week pays for people who have nothing to do. What covers a wave?",
        # d: close comments
        "bcef5ec6a41ed4d57103": "Closing comments does not stop the talk; it moves it to places Velora cannot "
        "answer (the listening table shows those places growing in the crisis week). What lowers the volume "
        "without silencing anyone?",
    },
    hints=[
        "Fill in the end of the crisis week (a name defined in the loading cell), remove the # and run the cell.",
        "Compare the two counts: how many times an ordinary week did the team receive?",
        "A good plan covers the wave, answers the urgent messages first and lowers the volume with one public answer.",
    ],
    explanation=(
        "About three times an ordinary week, and mostly complaints and worried questions. A wave needs cover for "
        "the wave: extra hands for the first days, the urgent messages first, and one pinned answer to the "
        "question everyone asks, so that fewer people need to write at all."
    ),
    model_answer=(
        "in_crisis = (inbox[\"received_at\"] >= CRISIS_START) & (inbox[\"received_at\"] < CRISIS_END)\n"
        "crisis_staffing = \"b\"\n\n"
        "1,253 messages against 419 the week before: three times the load, with complaints up about ninefold. "
        "Extra cover for that week, triage by urgency and a pinned post with the steps keep the replies fast "
        "without staffing for a crisis all year."
    ),
)


# --------------------------------------------------------------------------- exercise 3
sentiment_reading = ChoiceQuestion(
    id="t50_sentiment_reading",
    options=CHOICES,
    answer_hash="cdb1ca11ac1020284c52",
    feedback={
        # a: drop the column
        "9fac75f3a99f98dfe8ee": "Some rows are wrong, but the weekly chart still shows the crisis plainly. "
        "Where are a few wrong labels harmless, and where do they mislead?",
        # b: trust it row by row
        "2fa8a13e3baa19646b8a": "The team only turned round labels that contradict the intent. Look at the "
        "rows shown: are the labels that are left all right?",
        # c: answer negative first
        "21897342d9b9aa36cf03": "Then a calm shipping question jumps the queue while a polite complaint ending "
        "in 'thanks' waits. What should decide the order of replies?",
    },
    hints=[
        "Look at the rows above the task: find a label you disagree with.",
        "One wrong label changes one message a lot and a weekly average very little.",
        "Reply order comes from intent and urgency; a sentiment figure is for trends, quoted with how it was made.",
    ],
    explanation=(
        "A lexicon reads words, not intent, so single labels slip while the weekly figure still moves the right "
        "way. Use the column for trends and comparisons, read a sample now and then, and say how it was labelled."
    ),
    model_answer=(
        "sentiment_reading = \"d\"\n\n"
        "The shipping question is labelled negative and the spam positive: single labels are unreliable. "
        "Week against week, those slips mostly cancel out, so the crisis still shows. Quote the trend, not "
        "a row, and read a sample each month."
    ),
)


# --------------------------------------------------------------------------- exercise 4
talk_elsewhere = ChoiceQuestion(
    id="t50_talk_elsewhere",
    options=CHOICES,
    answer_hash="11c6d04fcf07dbd8d9ca",
    feedback={
        # b: open accounts everywhere
        "ee06ea021879dbbd4445": "People chose those places because they are not the brand's. Would a brand "
        "account make them move, and how are brand posts welcomed on Reddit?",
        # c: leave them alone
        "569f264e1e7e8bb82da4": "That is about a quarter of everything said about Velora, and more in the crisis "
        "week. Not moderating a place is not the same as not listening to it.",
        # d: undisclosed ambassadors
        "9ecb4532f6e5cdeb6ba3": "Posts by ambassadors who hide that link mislead readers, and once found out they "
        "cost more trust than the complaints did. What can the brand do openly?",
    },
    hints=[
        "Fill in the column that says whether Velora has an account there, remove the # and run the cell.",
        "Compare the year with the crisis week: where does the talk go when things go wrong?",
        "In places you do not run you are a guest: listen first, follow the house rules, join in where you add something.",
    ],
    explanation=(
        "A quarter of the talk, and almost a third in the crisis week, happens where Velora has no account. "
        "Listening there is cheap; joining in openly, as a guest with a useful answer, is what earns a welcome."
    ),
    model_answer=(
        "velora = listening[listening[\"brand\"] == \"Velora\"]\n"
        "elsewhere = velora.loc[~velora[\"velora_has_account\"], \"mentions\"].sum() / velora[\"mentions\"].sum()\n"
        "talk_elsewhere = \"a\"\n\n"
        "About 24% over the year and 31% in the crisis week. Those places belong in the listening routine; "
        "Velora answers there openly, under its own name, when it has something useful to add."
    ),
)


# --------------------------------------------------------------------------- exercise 5
table_for_question = LabelsQuestion(
    id="t50_table_for_question",
    labels=TABLES,
    answer_hashes={
        "turn_up": "91855ad8355e461cfcb5",
        "voice_vs_voltaro": "df54c5eee4f58efd38ba",
        "complaint_speed": "1b12995b74e252d3b322",
        "saves_by_pillar": "c9735f6c2670df25c003",
        "help_first_answer": "41d8b65d05269a74329c",
        "newsletter_orders": "1a889ed7e2146a8dd02b",
        "belonging": "d88602256a3e1fc4dbeb",
        "x_unfollows": "b6deff525b65714b232d",
        "young_followers": "24708683e3ea92784a61",
    },
    ideas={
        "turn_up": "You need two numbers for the same occasion: how many signed up and how many came.",
        "voice_vs_voltaro": "Only one table counts what people say about other brands too.",
        "complaint_speed": "Response time is the gap between two timestamps of the same message.",
        "saves_by_pillar": "Saves and content pillars are analytics of Velora's own publications.",
        "help_first_answer": "The question names a board: which table has a board column, and who answered first?",
        "newsletter_orders": "Orders happen on the website, counted by traffic source.",
        "belonging": "A feeling is not in any click or count: somebody has to ask.",
        "x_unfollows": "Look for the table that counts, day by day, people gained and people lost.",
        "young_followers": "A daily count says how many follow, not how old they are: which table splits each "
                           "platform's followers into groups?",
    },
    hints=[
        "Read each question and ask: which row would hold the answer? A message, a post, a day of followers, "
        "a group of one platform's followers, a thread, a day of website traffic, an event, a survey response, "
        "a day of mentions ...",
        "Three tables hold one row per day (followers, web_sessions, listening); tell them apart by what they count.",
        "The table must answer on its own: if a question names a board, the table needs a board column.",
    ],
    explanation=(
        "Knowing which table answers which question is half of any analysis: before you open a chart, "
        "name the row that holds the answer and the number you will divide by."
    ),
    model_answer=(
        "turn_up: events (registrations and attendance); voice_vs_voltaro: listening (mentions of every brand); "
        "complaint_speed: inbox (received_at and first_response_at); saves_by_pillar: posts; help_first_answer: "
        "forum_threads (board and first_answer_by; forum_replies has no board); newsletter_orders: web_sessions; "
        "belonging: survey; x_unfollows: followers (new and lost per day); young_followers: audience (each "
        "platform's followers by age band; members has no age and counts forum members only)."
    ),
)
