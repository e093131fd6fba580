"""Lesson 2.1's register of alternative answers holds: accepted answers pass, and an item marked as
rewritten now rejects the alternative that used to be plausible; every checked item has a register."""

from __future__ import annotations

import pytest

from answer_keys import m2_lesson1
from course.checks import Verdict

QUESTIONS = {case[0].id: case[0] for case in m2_lesson1.CASES}
ROWS = [pytest.param(QUESTIONS[qid], answer, decision, reason, id=f"{qid}-{decision}-{n}")
        for qid, entries in m2_lesson1.ALTERNATIVES.items() for n, (answer, decision, reason) in enumerate(entries)]


@pytest.mark.parametrize("question, answer, decision, reason", ROWS)
def test_each_alternative_keeps_its_decision(question, answer, decision, reason):
    assert decision in {"accepted", "rewritten"} and len(reason) > 30
    status = question.verdict(answer).status
    assert status == (Verdict.CORRECT if decision == "accepted" else Verdict.NOT_YET_RIGHT), (answer, decision)


def test_every_checked_item_has_a_register():
    assert set(m2_lesson1.ALTERNATIVES) == set(QUESTIONS)
    assert all(len(entries) >= 2 for entries in m2_lesson1.ALTERNATIVES.values())
