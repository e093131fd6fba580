"""Module 1's register of alternative answers: accepted alternatives pass, rewritten ones are rejected.

Each answer-key module may hold ``ALTERNATIVES = {question_id: [(answer, decision, reason), ...]}``:
"accepted" means the check must take it as right; "rewritten" means the item was changed so that the
alternative is now wrong, so the check must reject it.
"""

from __future__ import annotations

import pytest

from course.checks import Verdict


def _register(module):
    questions = {case[0].id: case[0] for case in module.CASES}
    rows = []
    for question_id, alternatives in module.ALTERNATIVES.items():
        assert question_id in questions, f"{module.__name__}: ALTERNATIVES names {question_id!r}, which has no case"
        for answer, decision, reason in alternatives:
            rows.append((questions[question_id], answer, decision, reason))
    return rows


def _check_alternative(question, answer, decision, reason):
    assert decision in ("accepted", "rewritten"), f"{question.id}: unknown decision {decision!r}"
    assert reason.strip(), f"{question.id}: every alternative needs its reason"
    status = question.verdict(answer).status
    if decision == "accepted":
        assert status == Verdict.CORRECT, f"{question.id}: accepted alternative {answer!r} is not taken ({reason})"
    else:
        assert status == Verdict.NOT_YET_RIGHT, f"{question.id}: rewritten-away alternative {answer!r} still passes"


from answer_keys import m1_lesson1  # noqa: E402

LESSON1 = _register(m1_lesson1)


def test_lesson1_register_covers_every_checked_item():
    assert {case[0].id for case in m1_lesson1.CASES} <= set(m1_lesson1.ALTERNATIVES)


@pytest.mark.parametrize("question, answer, decision, reason", LESSON1,
                         ids=[f"{q.id}-{d}-{i}" for i, (q, _, d, _) in enumerate(LESSON1)])
def test_lesson1_alternatives(question, answer, decision, reason):
    _check_alternative(question, answer, decision, reason)
