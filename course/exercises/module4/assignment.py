"""Assignment 4 -- community interaction (graded).

An assessment: each item's visible check looks at the form of the answer only (every item answered, each value
one of the allowed labels or options, a rule table that runs on the practice inbox, a reply for every message)
and never says whether it is right or how well it scores. This module holds no key and no threshold in any form;
the master notebook's hidden tests hold them, are removed from the learner's copy and run at grading time (the
triage rules on an inbox the learner never sees, the replies through the reply checker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from course.checks import ChoiceForm, FormCheck, LabelsForm, Verdict, _FormProblem

LETTERS = ("a", "b", "c", "d")

# --------------------------------------------------------------------------- choices and labels
conversation_platform = ChoiceForm(id="a4_conversation_platform", options=LETTERS)

technique_for_goal = LabelsForm(
    id="a4_technique_for_goal",
    items=("quiet_newcomers", "cold_weekend_photos", "firmware_questions"),
    labels=("welcome", "ugc campaign", "live session", "question post"),
)

content_handling = LabelsForm(
    id="a4_content_handling",
    items=("shouted_complaint", "insult_to_mechanic", "address_change"),
    labels=("reply", "offline", "moderate"),
)

late_night_complaint = ChoiceForm(id="a4_late_night_complaint", options=LETTERS)

jackets_first_move = ChoiceForm(id="a4_jackets_first_move", options=LETTERS)

reply_share = ChoiceForm(id="a4_reply_share", options=LETTERS)

welcome_reading = ChoiceForm(id="a4_welcome_reading", options=LETTERS)

ambassador_post = ChoiceForm(id="a4_ambassador_post", options=LETTERS)


# --------------------------------------------------------------------------- the two labs graded on hidden data
@dataclass
class _LabForm:
    """The visible check of a lab item: the answer is there and can be applied; nothing about its score.

    It reads and shows like a :class:`~course.checks.FormCheck` (the same methods), but it is not one: its answers
    are rule tables and texts, which the label and option enumerations of the assessment tests do not cover.
    """

    id: str

    verdict = FormCheck.verdict
    check = FormCheck.check

    def _check_form(self, answer: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class TriageForm(_LabForm):
    """A rule table (a list of dicts, one rule each) that applies cleanly to the practice inbox."""

    def _check_form(self, answer: Any) -> None:
        from course.datasets import load_inbox
        from course.interaction import inbox

        if answer is Ellipsis:
            raise _FormProblem(Verdict.NOT_ATTEMPTED, "Replace the ... with your rule table (a list of rules, one "
                               "dict each), then run this cell again.")
        if type(answer) is not list or not all(type(rule) is dict for rule in answer):
            raise _FormProblem(Verdict.NEEDS_FIXING, "The rules should be a list of dicts, one rule each, read top to "
                               f"bottom; you gave a {type(answer).__name__}.")
        try:
            inbox.apply_rules(answer, load_inbox().head(200))
        except inbox.TriageError as error:
            raise _FormProblem(Verdict.NEEDS_FIXING, f"The rules cannot be applied yet: {error}") from None


@dataclass
class RepliesForm(_LabForm):
    """A reply, as text, for every message of :func:`reply_set`."""

    def _check_form(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise _FormProblem(Verdict.NOT_ATTEMPTED, "Replace the ... with your replies, then run this cell again.")
        if type(answer) is not dict or any(type(key) is not str for key in answer):
            raise _FormProblem(Verdict.NEEDS_FIXING, "The replies should be a dictionary: message id in quotes -> "
                               f"reply text; you gave a {type(answer).__name__}.")
        ids = list(REPLY_SET_IDS)
        if sorted(answer) != sorted(ids):
            raise _FormProblem(Verdict.NEEDS_FIXING, f"Keep exactly the message ids given: {', '.join(ids)}.")
        blank = [key for key in ids if answer[key] is Ellipsis or (type(answer[key]) is str and not answer[key].strip())]
        if len(blank) == len(ids):
            raise _FormProblem(Verdict.NOT_ATTEMPTED, "Write a reply for each message, then run this cell again.")
        if blank:
            raise _FormProblem(Verdict.NOT_ATTEMPTED, f"Still to write: {', '.join(blank)}.")
        wrong = [key for key in ids if type(answer[key]) is not str]
        if wrong:
            raise _FormProblem(Verdict.NEEDS_FIXING, f"Each reply should be text in quotes (not so: {', '.join(wrong)}).")


triage_rules = TriageForm(id="a4_triage_rules")

replies = RepliesForm(id="a4_replies")

# Four messages from Velora's inbox, none of them one of lesson 4.2's six: a leaking jacket, a battery that cuts
# out, a refund question about the same jacket, and a first ride shared with the campaign's hashtag.
REPLY_SET_IDS = ("I0008342", "I0002990", "I0009092", "I0014499")


def reply_set() -> pd.DataFrame:
    """The assignment's four messages to answer, with the author's handle and the key terms the checker looks for."""
    from course.datasets import load, load_inbox
    from course.interaction.replies import key_terms

    inbox = load_inbox()
    picked = inbox.set_index("message_id").loc[list(REPLY_SET_IDS)].reset_index()
    picked["handle"] = picked["author_id"].map(load("members").set_index("member_id")["handle"])
    picked["key_terms"] = picked["text"].map(key_terms)
    return picked[["message_id", "handle", "channel", "platform", "received_at", "text", "key_terms"]]
