"""Lesson 2.3 -- Creating a content plan: the practice questions.

Used by ``module2_strategy/2.3-content-plan.ipynb``::

    from course.exercises.module2 import lesson3 as ex
    ex.pillar_mix.check(pillar_mix)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["pillar_mix", "ugc_flood", "complete_rules", "launch_roles"]


# --------------------------------------------------------------------------- exercise 1
pillar_mix = ChoiceQuestion(
    id="l23_pillar_mix",
    options=["a", "b", "c", "d"],
    answer_hash="456542117aa71bccb29e",
    feedback={
        # a: more promotion, because promotion posts collect the most interactions each
        "c12d2e86be6137adc10c": "Promotion posts collect many interactions each, but look at how many people saw "
        "them and who paid for that. Per person reached, which pillar earns the least?",
        # c: rider stories only
        "6db2d3b428df836c7174": "Rider stories do earn the most per person reached. But what would a rider who wants "
        "a how-to, a product update or the next meetup find in a feed of nothing else, and who would write all "
        "those stories?",
        # d: boost everything
        "b838ccec90c34aa56723": "Compare the organic and the paid engagement rates in the table. What does paying for "
        "every post buy, and what does the lesson say comes first?",
    },
    hints=[
        "Read the engagement rate (interactions per person reached), not the interactions per post: a boosted post "
        "is seen by many more people.",
        "A plan needs several pillars in a deliberate balance, with the ones that earn most given the most room.",
        "Owned content comes first; paid budget then goes behind what already works.",
    ],
    explanation=(
        "Rider stories and how-to posts earn the most per person reached, so they lead the plan; the other pillars "
        "stay, in smaller shares, because riders also come for product news, events and a look behind the scenes. "
        "Everything is published on Velora's own channels first, and money only amplifies what riders already liked."
    ),
    model_answer=(
        "b. Lead with rider stories and how-to posts, keep the other pillars in smaller shares, limit promotion to "
        "about one post in ten, and boost only posts that have already done well organically. (a) reads interactions "
        "per post, which paid reach inflates; (c) drops the pillars riders also come for and relies on a supply of "
        "stories nobody controls; (d) pays for reach that, in Velora's data, engages half as well as organic posts."
    ),
)


# --------------------------------------------------------------------------- exercise 2
ugc_flood = ChoiceQuestion(
    id="l23_ugc_flood",
    options=["a", "b", "c", "d"],
    answer_hash="f9188f7450121d099312",
    feedback={
        # a: repost everything
        "9f85ef0f3da42805735b": "Two dozen reposts a day would bury every other pillar in Velora's feed, and a "
        "feature means little when everyone gets one. What does featuring a post say, if nobody chose it?",
        # c: pause the hashtag
        "b5e845c5e3bd69c4769e": "The flood is the campaign working: these are owners who chose to post about Velora. "
        "What happens to that wish if the brand tells them to stop, and what could the team change instead?",
        # d: let the platforms decide, answer only problems
        "923543e896cda9a73f2a": "An algorithm ranks posts; it does not thank anyone, ask permission or send a stuck "
        "rider to support. What does a rider get out of posting if the brand never answers?",
    },
    hints=[
        "The three verbs for a content flood are in the lesson: curate, tag, feature.",
        "Which plan gives every poster something back, and still chooses what Velora's own channels show?",
    ],
    explanation=(
        "A flood of member posts is the best problem a campaign can have. Sorting it (tags), choosing from it "
        "(curation), putting the best on Velora's own channels with credit (featuring), and answering every poster "
        "keeps 'what's in it for me' plain to see, so riders keep posting."
    ),
    model_answer=(
        "b. Answer each poster by name, tag what comes in so problems reach support and the best stories can be "
        "found again, and feature a few each week with permission and credit. (a) floods the feed and makes a feature "
        "worthless, (c) switches off the owners who wanted to talk about Velora, and (d) gives posters nothing back, "
        "so they stop."
    ),
)


# --------------------------------------------------------------------------- exercise 3
complete_rules = ChoiceQuestion(
    id="l23_complete_rules",
    options=["a", "b", "c", "d"],
    answer_hash="c99bf54551f9313c6ee7",
    feedback={
        # a: escalation "as soon as possible", no owner
        "29e1f7accd31fbd3e6a0": "Read draft A's escalation line again. When a rider reports a brake failure at 22:00, "
        "who exactly picks up the phone, and by when?",
        # b: rules without examples
        "649ee8f4d5b6c3973b54": "Draft B's rules sound reasonable, but would two moderators agree on what 'be "
        "respectful' rules out? What does each rule need beside it?",
        # d: sent to members but not the team, no review date
        "fa3fbe3e96bdade33c9f": "Draft D reaches every new member. Does it reach the people who have to apply it, and "
        "what stops it going out of date?",
    },
    hints=[
        "Go through the parts every guideline needs, one by one, for each draft: purpose, rules with examples, "
        "graduated sanctions, escalation with an owner and a time, published for members, shared with the team, "
        "a review date.",
        "Three drafts each lack one part. Cross them out as you find it.",
    ],
    explanation=(
        "Only draft C has every part: rules with what is and is not OK, sanctions in steps, an escalation path in "
        "which every issue has an owner and a time, a place members can always find it, a team that has it, and a "
        "review date."
    ),
    model_answer=(
        "c. A's escalation path names no owner and no time ('the right person, as soon as possible'); B's rules "
        "have no examples, so moderators will read them differently; D goes to members only and has no review date. "
        "C is complete."
    ),
)


# --------------------------------------------------------------------------- exercise 4
launch_roles = LabelsQuestion(
    id="l23_launch_roles",
    labels=["community manager", "support", "crew", "quality"],
    answer_hashes={
        "write_and_pin": "db264ca6fb89ac888401",
        "first_threads": "d9479674cb46f5ae5499",
        "brake_fault": "ba7f8734eca3b166aecc",
        "delivery_question": "55e4f5674bcda693c195",
        "ban_decision": "30cc7c14b7848f715e61",
    },
    ideas={
        "write_and_pin": "Who owns the guidelines, and briefs everyone else on them before the board opens?",
        "first_threads": "An empty board puts people off. Who can post real rides on day one without it reading "
        "like an advert?",
        "brake_fault": "This is a possible safety issue. Look at the escalation path: who is told, and fast?",
        "delivery_question": "An order is a customer's account matter. Who can look it up and fix it?",
        "ban_decision": "The last step of the sanctions is a serious call about a person. Who decides it, and "
        "answers for it?",
    },
    hints=[
        "Ask of each task: who has the knowledge, the access or the authority it needs?",
        "One role appears twice: the one who owns the rules and their hardest decisions.",
    ],
    model_answer=(
        "write_and_pin: community manager; first_threads: crew; brake_fault: quality; delivery_question: support; "
        "ban_decision: community manager. The guidelines and their last sanction belong to the person accountable "
        "for the community; ambassadors bring the first real content; safety reports go to the quality team within "
        "the hour; order questions go to support, who can see the order."
    ),
    explanation=(
        "A launch plan names a role for every recurring task, so nothing waits while people wonder whose it is. "
        "Volunteers can open threads and flag problems, but decisions about a person's membership stay with staff."
    ),
)
