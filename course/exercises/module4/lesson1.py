"""Lesson 4.1 -- Interaction and engagement techniques: the practice questions.

Used by ``module4_interaction/4.1-engagement-techniques.ipynb``::

    from course.exercises.module4 import lesson1 as ex
    ex.format_trap.check(format_trap)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion, NumberQuestion

__all__ = ["format_trap", "technique", "ugc_next", "live_turnout", "best_idea"]


# --------------------------------------------------------------------------- exercise 1
format_trap = ChoiceQuestion(
    id="l41_format_trap",
    options=["a", "b", "c", "d"],
    answer_hash="0f94424ea910536f1e34",
    feedback={
        # a: carousels everywhere
        "bc6316d8062d420d8a95": "Where are Velora's carousels published? Compare the carousel row of the second "
        "column with the last one: once each post is set against its own platform, how far above 1.0 is it?",
        # c: threads everywhere
        "6c29abad5114f5541074": "Every thread in the table is on the forum, where readers are members who came to "
        "talk. Is the 44 a property of the format, or of the place?",
        # d: drop text posts
        "ae088ed7c5434dcd9c53": "Text posts live mostly on X and LinkedIn, platforms where few people comment. Set "
        "against those platforms, how far from usual are they really?",
    },
    hints=[
        "Two columns answer two different questions: comments per 1,000 reached mixes platforms together; "
        "vs_platform compares each post with what is usual where it was published.",
        "Look at how spread out each column is. Which one shows a format effect, and which one mostly shows "
        "the platforms each format happens to be used on?",
    ],
    explanation=(
        "Raw rates by format mostly repeat the platform table: threads only exist on the forum and carousels mostly "
        "on Instagram and Xiaohongshu. Once every post is compared with its own platform, the formats sit between "
        "0.90 and 1.15: the format alone starts few conversations. What a post says and asks matters more."
    ),
    model_answer=(
        "b. Against their own platforms the formats range only from 0.90 to 1.15, so the big gaps in comments per "
        "1,000 reached are platform gaps. (a) and (c) copy a format whose figure belongs to its platform; (d) drops "
        "a format that is only slightly below usual where it is used."
    ),
)


# --------------------------------------------------------------------------- exercise 2
technique = LabelsQuestion(
    id="l41_technique",
    labels=["question", "feature", "live", "welcome", "members"],
    answer_hashes={
        "quiet_caption": "1dacc2f76a4c024b1c69",
        "photo_flood": "f6501e7e4f4bcc152818",
        "same_questions": "64befe263ff3f81fb94e",
        "first_post": "2afdea559cf848586ce6",
        "brake_squeal": "8cfff04d8f828da4a122",
    },
    ideas={
        "quiet_caption": "Read the caption again: is there anything in it a rider could answer?",
        "photo_flood": "Members are already posting. What do they hope the brand will do with their photos?",
        "same_questions": "Dozens of people want the same answers from the people who build the product. "
        "Where can they all ask at once and hear each other's answers?",
        "first_post": "Who is this member, and what happens to a first post that nobody answers?",
        "brake_squeal": "Who usually answers this kind of thread, and how fast? What would a staff reply "
        "within minutes take away from them?",
    },
    hints=[
        "Each situation says who is already talking and who is silent. Pick the technique that gets the silent side "
        "talking, or gives the talking side a reason to carry on.",
        "One of the five is mostly about stepping back: the members already do it well, and the team's job is to "
        "thank them and catch what they miss.",
    ],
    model_answer=(
        "quiet_caption: question (end with something riders can answer from their own rides); photo_flood: feature "
        "(reply, then reshare the best with permission and credit); same_questions: live (a Q&A with the product "
        "team); first_post: welcome (a personal hello and one pointer); brake_squeal: members (let the regulars "
        "answer, thank them, step in only if nobody does)."
    ),
    explanation=(
        "Each technique answers a different silence: a question for a post that gives nothing to reply to, "
        "featuring for members whose posts get no echo, a live session for questions that many people share, a "
        "welcome for the newcomer, and stepping back for help the community already gives itself."
    ),
)


# --------------------------------------------------------------------------- exercise 3
ugc_next = ChoiceQuestion(
    id="l41_ugc_next",
    options=["a", "b", "c", "d"],
    answer_hash="9d911a335f8326fdc045",
    feedback={
        # a: bigger prizes
        "375c817c76167d5cdc01": "More tagged posts would mean more of them unanswered. What did the members who "
        "posted this spring miss most?",
        # c: automatic reposts
        "ff1673452fccf1a0355c": "A scheduler reposting every photo answers nobody, and reposts people who never "
        "said yes. What makes featuring feel like recognition?",
        # d: count the tagged posts
        "ea581c60f2d09b1b9b66": "A count of tagged posts says how many spoke, not whether anyone answered. "
        "Which figures in the table would show that the members were heard?",
    },
    hints=[
        "Look at the red part of the weekly bars: what share of the members' posts got no answer at all?",
        "The seed case behind this lesson had two moves by the community team. The campaign did one of them "
        "only half the time.",
    ],
    explanation=(
        "A hashtag campaign is a promise that someone is listening. The spring one drew plenty of posts but left "
        "about four in ten without any reply. The next one needs the replies planned as carefully as the launch: a "
        "rota, a same-day target, and featuring with permission and credit."
    ),
    model_answer=(
        "b. Plan the replies before the launch: answer or at least react to every tagged post the same day, and "
        "feature the best each week with the member's permission and a credit. (a) adds posts nobody answers, (c) "
        "answers nobody and skips permission, (d) counts the posts without asking whether anyone was heard."
    ),
)


# --------------------------------------------------------------------------- exercise 4
live_turnout = NumberQuestion(
    id="l41_live_turnout",
    decimals=0,
    answer_hash="7a92953151f3bf306942",
    what="the number of people to expect",
    mistakes={
        "cf6628316e3ddcc667b7": "That is everyone who registered. Does everyone who registers turn up?",
        "b360ac2177c26b6108d7": "That is the webinars' show rate. Which row of the table is about live Q&As?",
        "04972c3d70f8f6b6e00f": "That is the meetups' show rate: people who travel to a shop. Which row is the "
        "live Q&A?",
        "7e94f7fe3afca32b7359": "Close: take the Q&A show rate from the table to two decimals rather than rounding "
        "it to a half.",
    },
    hints=[
        "Expected attendance = registrations x the show rate of the same kind of event.",
        "Use the qa row of live_sessions(events): its show_rate is attendance over registrations for all 13 Q&As.",
    ],
    explanation=(
        "About half of the people who register for a Velora Q&A turn up live. Planning for the registrations would "
        "staff the session for twice the people; the rest are better served by the recording and a written summary."
    ),
    model_answer="800 x 0.51 = 408 people (the Q&As' show rate, 5,355 attended out of 10,510 registered).",
)


# --------------------------------------------------------------------------- exercise 5 (the lab)
best_idea = ChoiceQuestion(
    id="l41_best_idea",
    options=["a", "b", "c", "d"],
    answer_hash="9bd556d20130f1bdc97e",
    feedback={
        # a: the paid sale post
        "83b6a3560217a30a8ce8": "The ranking puts it last. Paid promotions reach many people and few of them "
        "reply, and 'What are you waiting for?' asks nothing a rider can answer.",
        # c: the YouTube meetup
        "1c0b257174b151cfb52b": "Read based_on: too few paid events posts on YouTube, so the figure is every organic "
        "YouTube post. What does it tell you about a paid meetup invitation?",
        # d: the tyre how-to
        "5b259af78bb89b283f6d": "A useful post, and second in the ranking, but its caption gives nobody a reason to "
        "reply. Which idea has both the history and an invitation to answer?",
    },
    hints=[
        "Read three columns together for each idea: expected_per_1000, posts_behind and based_on.",
        "A question mark is not always a question: would you answer 'What are you waiting for?'",
    ],
    explanation=(
        "The rider's route ranks first on 64 similar posts and ends with a question riders can answer from their own "
        "rides. The ranking is a forecast from history, and the question is the part history cannot score: post it, "
        "then compare its comments with the 2.6 per 1,000 expected."
    ),
    model_answer=(
        "b. rider_route: 2.6 comments per 1,000 reached on 64 organic Instagram rider stories, and a real question. "
        "(a) ranks last and its question is rhetorical; (c) rests on a fallback figure that says nothing about paid "
        "event posts; (d) ranks second but invites no reply."
    ),
)
