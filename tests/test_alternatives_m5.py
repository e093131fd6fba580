"""Lesson 5.0: the register of alternative answers is honoured, and the data facts the decisions rest on hold."""

from __future__ import annotations

import pytest

from course.exercises.module5 import tour
from answer_keys import m5_tour as keys

QUESTIONS = {q.id: q for q in (tour.forum_post, tour.crisis_staffing, tour.sentiment_reading, tour.talk_elsewhere,
                               tour.table_for_question)}
REGISTER = [(qid, answer, decision, reason) for qid, rows in keys.ALTERNATIVES.items()
            for answer, decision, reason in rows]


def test_every_question_has_a_register_entry():
    assert set(keys.ALTERNATIVES) == set(QUESTIONS)


@pytest.mark.parametrize("qid, answer, decision, reason", REGISTER, ids=[f"{r[0]}-{r[2]}-{i}" for i, r in enumerate(REGISTER)])
def test_register_decisions_are_what_the_checks_do(qid, answer, decision, reason):
    assert decision in ("accepted", "rejected", "rewritten") and len(reason) > 20
    verdict = QUESTIONS[qid].verdict(answer)
    if decision == "accepted":
        assert verdict.correct, (qid, answer, verdict.message)
    else:
        assert verdict.status == "not yet right", (qid, answer, verdict.status)


def test_the_data_supports_each_decision():
    facts = keys.FACTS
    assert facts["top_place"] == "forum" and facts["top_social_network"] == "tiktok"  # forum_post: c, and a's premise
    assert 2.5 < facts["crisis_week_messages"] / facts["week_before_messages"] < 3.5  # crisis_staffing: "about three times"
    assert 0.22 < facts["elsewhere_share_year"] < 0.28  # talk_elsewhere: "about a quarter"
    assert facts["elsewhere_share_crisis"] > facts["elsewhere_share_year"] + 0.03  # ... "and more in the crisis week"
