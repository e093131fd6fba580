"""Answer keys for lesson 4.2 (Managing comments and messages), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item was
changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

import nbformat
import pandas as pd

from course.exercises.module4 import lesson2 as ex
from course.syllabus import module

LESSON = module("module4_interaction").path / "4.2-comments-and-messages.ipynb"


def lesson_solution(grade_id: str, name: str):
    """The master's solution for an answer cell, run as the master runs it (the lab keys live only there)."""
    nb = nbformat.read(str(LESSON), as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    scope: dict = {"pd": pd}
    exec(cell.source, scope)
    return scope[name]


MODEL_RULES = lesson_solution("l42_triage_rules", "rules")
MODEL_REPLIES = lesson_solution("l42_replies", "replies")

_CONTENT = {"caps_complaint": "reply", "insult_staff": "moderate", "crypto_link": "moderate", "sarcastic": "reply",
            "one_star": "reply", "rival_link": "moderate"}
_OFFLINE = {"address_change": "offline", "winter_range": "public", "refund_dispute": "offline",
            "thanks_photo": "public", "firmware_bug": "public", "fall_injury": "offline"}

CASES = [
    (ex.negative_or_bad, _CONTENT, [
        {**_CONTENT, "caps_complaint": "moderate"},
        {**_CONTENT, "sarcastic": "moderate"},
        {**_CONTENT, "one_star": "moderate"},
        {**_CONTENT, "insult_staff": "reply"},
    ]),
    (ex.first_reply, "b", ["a", "c", "d"]),
    (ex.take_offline, _OFFLINE, [
        {**_OFFLINE, "address_change": "public"},
        {**_OFFLINE, "firmware_bug": "offline"},
        {**_OFFLINE, "refund_dispute": "public"},
        {**_OFFLINE, "winter_range": "offline"},
    ]),
    (ex.triage_rules, MODEL_RULES, [
        [{"intent": "question", "priority": "today", "route": "support"}],  # everything in one queue
        [{"intent": "complaint", "priority": "urgent", "route": "support"}],  # everything urgent
        MODEL_RULES.iloc[2:],  # the model without its spam and abuse rules
    ]),
    (ex.replies, MODEL_REPLIES, [
        {k: "Dear customer, thank you for your feedback. We apologise for any inconvenience." for k in MODEL_REPLIES},
        {**MODEL_REPLIES, "I0023725": "@weiancycles733 you should have read the manual before the firmware update."},
        {**MODEL_REPLIES, "I0001041": "@tatocycles759 about VL356143: we will fix everything soon."},
    ]),
]

ALTERNATIVES = {
    ex.negative_or_bad.id: [
        ({**_CONTENT, "caps_complaint": "moderate"}, "rewritten", "Shouting in capitals can read as abuse; the message "
         "now names a late order and insults nobody, so the lesson's line (criticism is answered) decides it."),
        ({**_CONTENT, "insult_staff": "bad content", "crypto_link": "remove", "one_star": "answer"}, "accepted",
         "'bad content', 'remove' and 'answer' are the lesson's own words for the two labels."),
    ],
    ex.first_reply.id: [
        ("a", "rewritten", "Waiting for the full answer can sound thorough; the stem now says the workshop answers only "
         "on Wednesday, two days under a public complaint, which the one-hour rule rules out."),
    ],
    ex.take_offline.id: [
        ({**_OFFLINE, "firmware_bug": "offline"}, "rewritten", "A bug report can be handled one owner at a time; the "
         "stem now says several owners report it in the same thread, so a public status helps them all."),
        ({**_OFFLINE, "address_change": "dm", "fall_injury": "private", "winter_range": "publicly"}, "accepted",
         "'dm' and 'private' are the words community managers use for offline; 'publicly' means public."),
    ],
}
