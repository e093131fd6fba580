"""The Module 1 lessons' registers of alternative answers hold: accepted answers pass, and an item
marked as rewritten now rejects the alternative that used to be plausible."""

from __future__ import annotations

import pytest

from answer_keys import m1_lesson1, m1_lesson2, m1_lesson3
from course.checks import Verdict

DECISIONS = {"accepted", "rewritten"}


def _register(module):
    questions = {case[0].id: case[0] for case in module.CASES}
    rows = []
    for question_id, alternatives in module.ALTERNATIVES.items():
        for answer, decision, reason in alternatives:
            rows.append(pytest.param(questions[question_id], answer, decision, reason,
                                     id=f"{question_id}-{decision}-{len(rows)}"))
    return rows


def _check_alternative(question, answer, decision, reason):
    assert decision in DECISIONS, f"{question.id}: decision {decision!r} is not one of {sorted(DECISIONS)}"
    assert len(reason) > 30, f"{question.id}: give the reason for the decision"
    status = question.verdict(answer).status
    if decision == "accepted":
        assert status == Verdict.CORRECT, f"{question.id}: accepted alternative {answer!r} is not passed"
    else:
        assert status == Verdict.NOT_YET_RIGHT, f"{question.id}: rewritten item still passes {answer!r}"


@pytest.mark.parametrize("question, answer, decision, reason", _register(m1_lesson2))
def test_lesson2_alternatives(question, answer, decision, reason):
    _check_alternative(question, answer, decision, reason)


@pytest.mark.parametrize("question, answer, decision, reason", _register(m1_lesson3))
def test_lesson3_alternatives(question, answer, decision, reason):
    _check_alternative(question, answer, decision, reason)


@pytest.mark.parametrize("module", [m1_lesson2, m1_lesson3])
def test_lessons_2_and_3_register_every_checked_item(module):
    assert set(module.ALTERNATIVES) == {case[0].id for case in module.CASES}


@pytest.mark.parametrize("question, answer, decision, reason", _register(m1_lesson1))
def test_lesson1_alternatives(question, answer, decision, reason):
    _check_alternative(question, answer, decision, reason)


def test_lesson1_registers_every_checked_item():
    assert set(m1_lesson1.ALTERNATIVES) == {case[0].id for case in m1_lesson1.CASES}
