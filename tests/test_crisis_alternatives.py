"""The register of alternative answers next to the crisis keys: accepted ones pass, rewritten items reject them."""

from __future__ import annotations

import pytest

from answer_keys import m4_crisis, m4_lesson3
from course.checks import Verdict
from course.exercises.module4 import lesson3

QUESTIONS = {"c43_triage": lesson3.triage, "c43_first_hour": lesson3.first_hour}
ENTRIES = [(qid, answer, decision, reason) for qid, rows in m4_lesson3.ALTERNATIVES.items()
           for answer, decision, reason in rows]


def test_the_register_covers_the_cases_the_review_named():
    triage = {tuple(sorted(a.items())) for qid, a, _, _ in ENTRIES if qid == "c43_triage"}
    assert tuple(sorted({**m4_lesson3._TRIAGE, "toxic_rumour": "escalate"}.items())) in triage
    assert tuple(sorted({**m4_lesson3._TRIAGE, "order_number": "moderate"}.items())) in triage
    assert all(decision in ("accepted", "rewritten") and len(reason) > 40 for _, _, decision, reason in ENTRIES)


@pytest.mark.parametrize("qid, answer, decision, reason", ENTRIES, ids=[f"{e[0]}-{i}" for i, e in enumerate(ENTRIES)])
def test_accepted_alternatives_pass_and_rewritten_items_reject_them(qid, answer, decision, reason):
    status = QUESTIONS[qid].verdict(answer).status
    assert status == (Verdict.CORRECT if decision == "accepted" else Verdict.NOT_YET_RIGHT), (answer, status)


def test_the_rewritten_triage_posts_no_longer_carry_what_made_them_ambiguous():
    from nbtools import read
    from course.syllabus import REPO_ROOT

    nb = read(REPO_ROOT / "module4_interaction" / "4.3-crisis-management.ipynb")
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "c43_triage")
    rumour = next(line for line in cell.source.splitlines() if '"toxic_rumour"' in line)
    order = next(line for line in cell.source.splitlines() if '"order_number"' in line)
    assert "toxic" not in rumour.split("#", 1)[1].lower()
    assert "via roma" not in order.lower() and "live at" not in order.lower()


def test_the_graded_policy_register_accepts_tables_and_functions_alike():
    rows = m4_crisis.ALTERNATIVES["c43_runs_cleanly"]
    accepted = [answer for answer, decision, _ in rows if decision == "accepted"]
    assert any(callable(a) for a in accepted) and any(isinstance(a, tuple) for a in accepted)
    for answer, decision, _ in rows:
        assert m4_crisis.ex.policy_ready.is_correct(answer) == (decision == "accepted")
