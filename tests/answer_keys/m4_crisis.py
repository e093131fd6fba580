"""Answer keys for the graded crisis-policy lab (4.3b).

The visible check is about form only: a policy, or a rule table, that plays one practice run to the
end with valid decisions. How good a policy is, is decided by the hidden tests of the master
notebook; :func:`hidden_points` grades a policy exactly as they do, by running their code.
"""

from __future__ import annotations

import pandas as pd

from answer_keys.m4_lesson3 import _moderates_when_nothing_arrived
from answer_keys.m4_policies import lab_solution
from course.exercises.module4 import crisis as ex


def raises(state, post):
    raise ValueError("oops")


def nonsense(state, post):
    return "panic"


def _table(changes):
    replies, moves = lab_solution()
    replies = replies.copy()
    for (row, column), value in changes.items():
        replies.loc[row, column] = value
    return replies, moves


CASES = [
    (ex.policy_ready, lab_solution(), [
        raises, nonsense, _moderates_when_nothing_arrived, "acknowledge",
        _table({(0, "action"): "shout"}),          # an action the course does not know
        _table({(1, "kind"): "rant"}),              # a post kind that does not exist
        _table({(5, "reply"): ""}),                 # a reply row without a reply
        _table({(10, "when"): "on tuesdays"}),      # a condition the course does not know
        (lab_solution()[0], {**lab_solution()[1], "apologise": ...}),   # a move left blank
        {"complaint": ("reply", "Hi {first_name}, sorry")},          # a placeholder the course cannot fill
    ]),
]

# The graded part, in the register's format: the two routes a learner may take are both accepted, and a
# policy that takes one of the lesson's shortcuts is rejected (see tests/test_crisis_grading_rules.py).
ALTERNATIVES = {
    "c43_respond": [
        ("the rule tables (DataFrame + moves)", "accepted", "the route the lab teaches to non-coders"),
        ("a function respond(state, post)", "accepted", "graded identically to the tables it is equivalent to"),
        ("a replies dict instead of a DataFrame", "accepted", "the same table written as {kind: (action, reply)}"),
        ("escalate press and legal posts without a reply of one's own", "accepted",
         "PR or legal answer the post: escalating is an answer, and the press does not pick the story up from it"),
    ],
}


def hidden_points(answer) -> dict[str, float]:
    """Points per graded cell of the lab when ``respond = answer``: the master's visible and hidden code, run."""
    from nbtools import read
    from course.syllabus import REPO_ROOT

    nb = read(REPO_ROOT / "module4_interaction" / "4.3b-crisis-policy-lab.ipynb")
    points = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not (meta.get("grade") and cell.cell_type == "code"):
            continue
        namespace = {"ex": ex, "respond": answer, "pd": pd}
        try:
            import contextlib
            import io

            with contextlib.redirect_stdout(io.StringIO()):
                exec(cell.source, namespace)
        except Exception:
            points[meta["grade_id"]] = 0.0
        else:
            points[meta["grade_id"]] = float(meta["points"])
    return points


OUTCOME_PARTS = ("c43_practice_score_check", "c43_transfer_score_check", "c43_never_delete_check",
                 "c43_responds_fast_check")
