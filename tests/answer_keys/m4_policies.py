"""Crisis policies shared by the tests: the playbook (the lab's model solution, a rule table read from the
master notebook) and a suite of degenerate policies, each of which takes one shortcut the lessons warn against.

None of this ships in the ``course`` package: the playbook is an answer to the graded lab.
"""

from __future__ import annotations

from course.crisis.table import policy_from_table

CASES: list = []  # no questions here; the keys are in m4_crisis.py and m4_lesson3.py

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


def lab_solution():
    """The lab's model solution, ``(replies, moves)``, read from the master notebook's solution cell."""
    import pandas as pd

    from course.syllabus import REPO_ROOT
    from nbtools import read

    nb = read(REPO_ROOT / "module4_interaction" / "4.3b-crisis-policy-lab.ipynb")
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "c43_respond")
    source = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    namespace = {"pd": pd}
    exec(source, namespace)
    return namespace["respond"]


playbook = policy_from_table(*lab_solution())
