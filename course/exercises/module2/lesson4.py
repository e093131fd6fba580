"""Lesson 2.4 -- The editorial calendar: the practice questions.

Used by ``module2_strategy/2.4-editorial-calendar.ipynb``::

    from course.exercises.module2 import lesson4 as ex
    ex.rhythm.check(rhythm)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["rhythm", "qa_week", "rule_broken", "pillar_fix"]


# --------------------------------------------------------------------------- exercise 1
rhythm = ChoiceQuestion(
    id="l24_rhythm",
    options=["a", "b", "c", "d"],
    answer_hash="0097b858f267a2a99334",
    feedback={
        # a: schedule whatever gets written, when it gets written
        "e72b953ed27abbbe6606": "Scheduling saves Giulia time, but the feed would still arrive in bursts and gaps, "
        "as in April. What does a follower learn about when to look for Velora from a rhythm like that?",
        # c: a flood in launch week, then rest
        "9591f39f2c41d7bf9be6": "Twice a day on every platform is far over any weekly maximum, and the rest that "
        "follows is a silence. Which of the two teaches people to mute the account, and which to forget it?",
        # d: one post a week, at random times
        "175da8bd5ffc9d3bf59a": "One careful post a week could be a rhythm, but at random times nobody can learn it, "
        "and some of them will land while followers sleep. Is the problem the number of posts, or their pattern?",
    },
    hints=[
        "The lesson's first idea: what trains followers to look for your posts?",
        "Pick the plan whose rhythm Giulia could keep in a busy week too, and that follows the same days and hours "
        "each week.",
    ],
    explanation=(
        "Fixed slots that Giulia can fill every week build the habit the lesson is about: followers learn when "
        "Velora posts and come looking. Writing in one batch and scheduling keeps the slots filled on busy days, and "
        "a reshared rider post is an honest filler when there is no news."
    ),
    model_answer=(
        "b. The same weekly slots on each platform, written in one batch and scheduled, with a rider's post ready "
        "for a slow week. (a) automates the bursts and gaps of April, (c) floods the feed and then goes silent, and "
        "(d) posts at hours nobody can predict and some nobody is awake for."
    ),
)


# --------------------------------------------------------------------------- exercise 2
qa_week = ChoiceQuestion(
    id="l24_qa_week",
    options=["a", "b", "c", "d"],
    answer_hash="e3fccf067783af512a28",
    feedback={
        # a: one post five minutes before
        "d878f000ccf8cd980420": "A single post five minutes before reaches only the few who happen to be scrolling "
        "then. How do members find the time to come, or send a question in advance?",
        # c: promote the test rides during the Q&A
        "3405bdf4efa5be5497f5": "Members come to a Q&A to ask and to listen. What does a sales message in the middle of "
        "the hour tell them about why Velora invited them?",
        # d: a paid ad is the first mention
        "2e2c00146b3832c4c0bd": "Strangers reached by an ad find an event nobody has mentioned on Velora's own "
        "channels yet. Which comes first in the lesson, owned or paid, and why?",
    },
    hints=[
        "Think of an event as a small campaign with a before, a during and an after.",
        "Which plan gives members time to plan and to send questions, keeps the hour itself clear, and lets people "
        "who missed it catch up?",
    ],
    explanation=(
        "An event needs room on the calendar: an announcement early enough to plan for and to collect questions, a "
        "reminder on the day, the live post itself, nothing else competing on the forum during the hour, and a recap "
        "for everyone who could not come."
    ),
    model_answer=(
        "b. Announce a few days before and invite questions, remind on the day, open the live thread at 19:00, keep "
        "the forum otherwise quiet for the hour, and post a recap. (a) leaves no time to plan, (c) turns the Q&A into "
        "a sales pitch, and (d) pays to advertise something Velora's own channels have not yet mentioned."
    ),
)


# --------------------------------------------------------------------------- exercise 3
rule_broken = LabelsQuestion(
    id="l24_rule_broken",
    labels=["ok", "frequency", "pillar_balance", "owned_before_paid", "event_clash", "freeze", "campaign", "window"],
    answer_hashes={
        "spring_sale": "b5867d7b7e1aaad8f6db",
        "webinar_sale": "250f1de32be1fad049b4",
        "guide_ad": "51551bcad966dfbad626",
        "night_tip": "2b0609e148fe90a29763",
        "friday_rides": "dc667b3448c7cd1d1dbe",
        "july_tag": "eee6b0b8a93721101884",
        "weibo_evening": "2d999355c031ef027815",
    },
    ideas={
        "spring_sale": "Look at the date before the content: what was happening at Velora that week in March?",
        "webinar_sale": "Check the events table for that Saturday evening. What is running at 18:45 Turin time?",
        "guide_ad": "Has any of Velora's own posts linked to the touring guide before this paid one?",
        "night_tip": "The tip is useful and on topic. Who is awake to see it at that hour?",
        "friday_rides": "Test it against each rule in turn: date, campaign, hour, events, paid. Does anything fail?",
        "july_tag": "When does #FirstRideVelora run, and when is this post?",
        "weibo_evening": "Whose clock counts for the accounts for China, Turin's or Shanghai's? Read the time in that zone.",
    },
    hints=[
        "Take each post through the rules one at a time: freeze dates, events, owned before paid, campaign dates, "
        "good hours.",
        "Two of the seven break no rule. Frequency and pillar balance are about the whole plan, so no single post "
        "here is flagged for them.",
        "For the Weibo post, the good hours are Shanghai hours, and the post's time is already given in Shanghai time.",
    ],
    model_answer=(
        "spring_sale: freeze; webinar_sale: event_clash; guide_ad: owned_before_paid; night_tip: window; "
        "friday_rides: ok; july_tag: campaign; weibo_evening: ok. Frequency and pillar balance need the whole plan, "
        "so no single post breaks them."
    ),
    explanation=(
        "Each rule protects something different: members' mood in a crisis, an event's hour, the budget, the "
        "campaign's story, and the few hours when followers are looking. The validator below says the same in words."
    ),
)


# --------------------------------------------------------------------------- exercise 4
pillar_fix = ChoiceQuestion(
    id="l24_pillar_fix",
    options=["a", "b", "c", "d"],
    answer_hash="71c384b2874f27e9c9fc",
    feedback={
        # a: raise the limit
        "16714f63515482d92da8": "The plan would pass, but followers would see the same sales-heavy feed. Does "
        "changing the rule change what people scroll past?",
        # c: make two of them paid
        "e11f2d5d37437b21a45d": "A paid post is still a promotional post in the feed, and it now costs money too. Does "
        "paying change the mix of what people see?",
        # d: delete two and leave the gaps
        "91166900ec7049f2b6ce": "The mix improves, but two slots go empty. What did the lesson say about gaps in the "
        "rhythm, and is there a way to keep the link in front of people without another sales post?",
    },
    hints=[
        "The rule is there for the reader of the feed, not for the validator.",
        "Look for the plan that keeps every slot filled and still points people to the test rides.",
    ],
    explanation=(
        "A rider's story that carries the same link keeps the slot, the rhythm and the call to action, and moves "
        "the mix back towards what people follow Velora for."
    ),
    model_answer=(
        "b. Turn two of the promotional posts into rider stories that carry the same link. The rhythm stays, the "
        "link stays, and the feed reads less like an advert. (a) hides the problem by moving the limit, (c) pays to "
        "show more of the same, and (d) fixes the mix by opening gaps in the rhythm."
    ),
)
