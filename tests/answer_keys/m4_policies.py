"""Crisis policies shared by the tests: the playbook (the lab's model solution, as a rule table) and a
suite of degenerate policies, each of which takes one shortcut the lessons warn against.

None of this ships in the ``course`` package: the playbook is an answer to the graded lab.
"""

from __future__ import annotations

from course.crisis.table import policy_from_table

CASES: list = []  # no questions here; the keys are in m4_crisis.py and m4_lesson3.py

PLAYBOOK_MOVES = {
    "acknowledge": "at once",
    "apologise": "if brand at fault",
    "pull_content": "if offending content",
    "post_statement": "after 30 minutes",
    "offer_remedy": "after statement and if brand at fault",
    "escalate": "if press or legal",
}

PLAYBOOK_REPLIES = [
    # kind, when, action, reply
    ("abuse", "always", "moderate", ""),
    ("spam", "always", "moderate", ""),
    ("media_request", "always", "escalate", ""),
    ("legal_threat", "always", "escalate", ""),
    ("support", "always", "reply", "Thank you, {name}! It means a lot to the team today."),
    ("support", "always", "reply", "{name}, thanks for sticking with us while we sort this out."),
    ("support", "always", "reply", "Kind words on a hard day, {name}. Thank you."),
    ("support", "always", "reply", "Thanks {name}, we'll do our best to earn that patience."),
    ("support", "always", "reply", "That's good to read, {name}. Thanks for saying it."),
    ("praise", "always", "reply", "Thank you, {name}! We'll pass that on to the team."),
    ("praise", "always", "reply", "{name}, that made our morning. Thank you."),
    ("misinformation", "always", "reply",
     "Hi {name}, I understand why this worries people, but it isn't accurate. The facts are in our pinned post."),
    ("misinformation", "always", "reply",
     "{name}, that claim is not correct. Here is what we know and have checked so far, pinned at the top of our page."),
    ("misinformation", "always", "reply",
     "Thanks for raising it, {name}. The rumour is wrong; our pinned update sets out what is true and how we checked."),
    ("misinformation", "always", "reply",
     "{name}, we can see why that spread, yet it is false. Please read the checked facts in our pinned post."),
    ("misinformation", "always", "reply",
     "Hello {name}. This one is untrue, and we have put the evidence in a pinned post for everyone to see."),
    ("complaint", "if private details", "offline", ""),
    ("question", "if private details", "offline", ""),
    ("complaint", "if brand at fault", "reply",
     "Hi {name}, I'm sorry about this. We're looking into it right now and will update you today."),
    ("complaint", "if brand at fault", "reply",
     "{name}, you're right to be annoyed, and we apologise. The team is on it; our pinned post has the steps."),
    ("complaint", "if brand at fault", "reply",
     "That should not have happened, {name}. Sorry. I'll come back to you myself once the fix is confirmed."),
    ("complaint", "if brand at fault", "reply",
     "Thank you for telling us, {name}. We got this wrong and we're fixing it: details are pinned on our profile."),
    ("complaint", "if brand at fault", "reply",
     "{name}, we hear you and we're sorry. Here is what we are doing about it, with a date for the next update."),
    ("complaint", "if brand not at fault", "reply",
     "Hi {name}, I understand why this is worrying. Here is what we know so far; the full facts are pinned."),
    ("complaint", "if brand not at fault", "reply",
     "{name}, thank you for asking us directly. I can tell you what is true, and our pinned post explains how to check."),
    ("complaint", "if brand not at fault", "reply",
     "That concern makes sense, {name}. We've checked and set out the facts in a pinned post, with the settings to look at."),
    ("complaint", "if brand not at fault", "reply",
     "Hello {name}, we understand the worry. The pinned update has what we know, and I'm here for any follow-up."),
    ("complaint", "if brand not at fault", "reply",
     "{name}, fair question. The short answer and the evidence are in our pinned post; ask me anything it leaves open."),
    ("question", "always", "reply", "Good question, {name}. The answer and the next steps are in our pinned post."),
    ("question", "always", "reply", "Hi {name}, here is what we know so far; the full update is pinned on our profile."),
    ("question", "always", "reply", "{name}, thanks for asking. We'll post the next update here today, and I'll tag you."),
    ("question", "always", "reply", "Hello {name}, the short answer is in our pinned post. Ask me if it leaves anything open."),
    ("question", "always", "reply", "{name}, we are checking that now and will answer here as soon as we know."),
    ("influencer", "always", "reply",
     "Hi {name}, thank you for raising this with your followers. Here is what we know and what we're doing about it."),
    ("influencer", "always", "reply",
     "{name}, you're right to ask, and we owe your audience a straight answer: it is in our pinned post, with the steps."),
]


def playbook_table():
    import pandas as pd

    return pd.DataFrame(PLAYBOOK_REPLIES, columns=["kind", "when", "action", "reply"])


playbook = policy_from_table(playbook_table(), PLAYBOOK_MOVES)


def _name(post):
    return post.author.lstrip("@")


# ----------------------------------------------------------------------------- degenerate policies
def empty_replies(state, post):
    """The three-line policy: an empty reply to every post, no brand-wide move, no moderation."""
    return ("respond_individually", "") if post is not None else None


def empty_replies_fast(state, post):
    """Acknowledges at once, then an empty reply to every post."""
    if post is None:
        return None if state.acknowledged else "acknowledge"
    return ("respond_individually", "")


def one_template(state, post):
    """The playbook's brand-wide moves, then one template with the author's name for every post."""
    if post is None:
        return playbook(state, None)
    return ("respond_individually", f"Hi {_name(post)}, thanks for reaching out. We're looking into it.")


def echo(state, post):
    """Brand-wide moves of the playbook; every reply repeats the post back."""
    if post is None:
        return playbook(state, None)
    return ("respond_individually", post.text)


def sorry_echo(state, post):
    """Brand-wide moves of the playbook; every reply is "Sorry." plus the post."""
    if post is None:
        return playbook(state, None)
    return ("respond_individually", "Sorry. " + post.text)


def always_apologise(state, post):
    """Apologises for everything, to everyone: the apology and the remedy every time, a 'sorry' to every post."""
    if post is None:
        for move, done in (("acknowledge", state.acknowledged), ("apologise", state.apologised),
                           ("offer_remedy", state.remedy_offered)):
            if not done:
                return move
        return None
    return ("respond_individually", f"We're so sorry, {_name(post)}. We apologise for this, it is our fault.")


def everything_to_dm(state, post):
    """Acknowledges at once, then takes every post to a private message."""
    if post is None:
        return None if state.acknowledged else "acknowledge"
    return "take_offline"


def no_brand_moves(state, post):
    """The playbook's replies, but never a brand-wide move: no acknowledgement, apology, pull, statement."""
    if post is None:
        return None
    decision = playbook(state, post)
    return None if decision == "escalate" else decision


def deletes_criticism(state, post):
    """The playbook, except that every complaint, question and rumour is deleted."""
    if post is not None and post.kind in ("complaint", "question", "misinformation", "influencer"):
        return "delete_comment"
    return playbook(state, post)


DEGENERATE = {
    "empty replies": empty_replies,
    "empty replies, acknowledged": empty_replies_fast,
    "one template with the name": one_template,
    "echoing the post": echo,
    "'Sorry.' + echo": sorry_echo,
    "always apologising": always_apologise,
    "everything to DM": everything_to_dm,
    "never a brand-wide move": no_brand_moves,
    "deleting criticism": deletes_criticism,
}
