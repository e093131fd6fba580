"""Lesson 3.4 -- Social media management tools: the practice questions.

Used by ``module3_social/3.4-management-tools.ipynb``::

    from course.exercises.module3 import lesson4 as ex
    ex.right_tool.check(right_tool)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["right_tool", "best_format", "broken_link", "funnel_best", "tiktok_decision"]


# --------------------------------------------------------------------------- exercise 1
right_tool = LabelsQuestion(
    id="l34_right_tool",
    labels=["built-in analytics", "scheduler", "web analytics", "forum software", "chat workspace", "ask the members"],
    answer_hashes={
        "reels_saves": "bf0efa94a8b8517138bf",
        "one_queue": "96b70b6fc9617df7a99c",
        "campaign_orders": "ab0a8d70b7e2670bc0a7",
        "unanswered_threads": "942d7e1c79a1ff607d77",
        "staff_channel": "1010815c2d0c3a66edd2",
        "belonging": "24e1ed27945616a018e5",
    },
    ideas={
        "reels_saves": "Saves and the hours followers are online happen inside one app. Who records them first-hand?",
        "one_queue": "Four networks at once, and every unanswered comment in one list: which tool sits across all of them?",
        "campaign_orders": "An order is placed on velora.bike, not on Instagram. Which tool sees what a visitor does "
        "after the click?",
        "unanswered_threads": "Accepted answers and thread ages live where the threads live. Which tool runs the forum?",
        "staff_channel": "This is internal engagement: employees talking to each other. Where do they do that?",
        "belonging": "Could any counter of clicks, likes or visits tell you how someone feels? Who can?",
    },
    hints=[
        "For each question ask: where does the thing being counted happen? Inside one app, across several, on the "
        "website, on the forum, among staff, or in people's heads?",
        "Each label is used exactly once.",
        "Built-in pages see only their own platform; web analytics sees only the website; nobody's dashboard sees a feeling.",
    ],
    explanation=(
        "Each tool sees one place: a platform's own page sees that platform, a scheduler adds the platforms up and "
        "keeps one inbox, web analytics sees the website (and, with UTM tags, which link brought each visit), the "
        "forum software sees the forum, the chat workspace sees the staff. Belonging is not logged anywhere: ask."
    ),
    model_answer=(
        "reels_saves: built-in analytics; one_queue: scheduler; campaign_orders: web analytics; unanswered_threads: "
        "forum software; staff_channel: chat workspace; belonging: ask the members. Instagram Insights counts saves "
        "and online hours; Sprout Social, Hootsuite or HubSpot put four networks and their inboxes side by side. "
        "The orders are counted on the website, from the campaign's UTM tags. Vanilla Forums' reports list the "
        "unanswered threads; the workspace's own statistics count the channel's members and replies; only a survey "
        "or a conversation says whether riders feel they belong."
    ),
)


# --------------------------------------------------------------------------- exercise 2
best_format = ChoiceQuestion(
    id="l34_best_format",
    options=["a", "b", "c", "d"],
    answer_hash="85044b1368e1ed12aba3",
    feedback={
        # a: short videos, most reach per post
        "4baed40ca9ea9cd428ca": "Reach per post says how many people saw a post. Sofia asked about what those people "
        "did once they saw it. Which figure divides interactions by people reached?",
        # c: no real difference
        "c11c51dc702b06635020": "Compare the top rate with the other two: how much larger is it, as a share? And is it "
        "measured on a handful of posts or on about ninety of each?",
        # d: short videos, the year's top post
        "e7acc03f50178429f686": "One post reached far more people than any other, and its rate is one of the lowest on "
        "the page. Does a single post's total decide which format engages best?",
    },
    hints=[
        "Set the dashboard to Instagram and the whole year, then read the table By format.",
        "Engagements per person reached is the engagement rate (by reach). Reach per post and the top post answer other questions.",
    ],
    explanation=(
        "Over the year Instagram carousels earned about 2.9 interactions per 100 people reached, against about 2.3 "
        "for images and short videos. Short videos reach more people per post, which is a different strength."
    ),
    model_answer=(
        "b. Carousels: about 2.9% against about 2.3%, about a quarter more, on about ninety posts of each format. "
        "(a) reads reach per post, a measure of how far a format travels, not of how people respond; (c) calls a "
        "gap of a quarter nothing; (d) lets one boosted post, with one of the page's lowest rates, stand for a whole "
        "format."
    ),
)


# --------------------------------------------------------------------------- exercise 3
broken_link = ChoiceQuestion(
    id="l34_broken_link",
    options=["a", "b", "c", "d"],
    answer_hash="c36f719dee14f1ff9205",
    feedback={
        # a: with utm_content
        "4484b2cf18268c844dda": "utm_content is optional, and here it tells two links of the same campaign apart. "
        "Does anything in it break a rule?",
        # b: without utm_content and utm_term
        "0f267c1ce1cf364a5678": "Which tags are required? Check whether a missing utm_content or utm_term breaks one.",
        # c: an extra colour parameter
        "d85a03fb74afee8e43bc": "Parameters that are not UTM tags belong to the page (here, which colour to show) and "
        "analytics leaves them alone. Are its five tags all in order?",
    },
    hints=[
        "Read each utm_source against the register: is every source written with the register's one name?",
        "A value can be lower case, with no spaces, and still split a source in two if it is not the name everybody uses.",
    ],
    explanation=(
        "'ig' is lower case and tidy, but the register calls the place 'instagram': analytics would list 'ig / social' "
        "as a source of its own, and the story's visits would be missing from Instagram's row."
    ),
    model_answer=(
        "d. utm_source=ig is not the register's name for Instagram, so its visits land in a separate row. (a) adds an "
        "optional utm_content, (b) leaves the optional tags out, and (c) carries a page parameter that is not a UTM "
        "tag: all three keep every rule."
    ),
)


# --------------------------------------------------------------------------- exercise 4
funnel_best = ChoiceQuestion(
    id="l34_funnel_best",
    options=["a", "b", "c", "d"],
    answer_hash="ed695652529ea4c54618",
    feedback={
        # a: Instagram, most orders
        "2b81fba6ede05c1288c1": "Instagram sent the most visits and so the most orders. The question is about "
        "orders for every visit: which column divides by sessions?",
        # b: Facebook, best sign-up rate
        "6a49342eaece7c53db1b": "Facebook's visitors signed up to the community a little more often. Is a sign-up the "
        "step the question asks about?",
        # c: TikTok
        "450e0e0a265b697f9fba": "Look at TikTok's order rate next to the others: is it the top of the column or the "
        "bottom?",
    },
    hints=[
        "Run funnel() on the campaign's weeks with campaign=\"firstridevelora\" and read the order rate column.",
        "The order rate is orders per session. The biggest source is not necessarily the best at converting.",
    ],
    explanation=(
        "YouTube's tagged visits turned into orders about 1.1 times in 100, ahead of Facebook and Instagram (about "
        "0.8-0.9) and TikTok (about 0.4), on far fewer visits than Instagram."
    ),
    model_answer=(
        "d. YouTube: about 1.1 orders per 100 sessions. (a) Instagram brought the most orders because it brought the "
        "most visits; (b) Facebook led on sign-ups, the other step of the funnel; (c) TikTok's funnel converted worst."
    ),
)


# --------------------------------------------------------------------------- case study
tiktok_decision = ChoiceQuestion(
    id="l34_tiktok_decision",
    options=["a", "b", "c", "d"],
    answer_hash="bcf31ca16b4b4fdabd96",
    feedback={
        # a: stop TikTok
        "7cdf53cd7f747d01447c": "The funnel counts the link that brought each visit. Would it show a rider who found "
        "Velora on TikTok and came back weeks later by typing the address?",
        # c: move the effort to the newsletter
        "99412e6d8e94a8af95e1": "Who reads Velora's newsletter? People who already signed up to it. Can a channel for "
        "people who know the brand replace one that finds new ones?",
        # d: tag TikTok links as cpc
        "3f9762e2baf7f6c3eb1f": "A medium describes what a channel is. Does relabelling TikTok's visits change a single "
        "order, or only which row they land in?",
    },
    hints=[
        "Ask what TikTok is for in Velora's plan, and which tool measures that.",
        "Web analytics credits the last tagged click. What happens to a visit that started on TikTok and ended days later?",
    ],
    explanation=(
        "A last-click funnel cannot see discovery. Giulia keeps TikTok judged by what it is for (reaching younger "
        "riders, where its engagement rate and follower growth are the best of Velora's social networks) and finds a fairer test of "
        "what it sells."
    ),
    model_answer=(
        "b. Keep TikTok and judge it on reach, engagement and follower growth among younger riders, and test its sales "
        "effect fairly: a TikTok-only code, and a 'where did you first hear of us?' question at checkout. (a) reads "
        "a last-click funnel as the whole story; (c) swaps a channel that finds new riders for one that reaches people "
        "who already know Velora; (d) breaks the naming rules and moves visits from one row to another without "
        "changing what happened."
    ),
)
