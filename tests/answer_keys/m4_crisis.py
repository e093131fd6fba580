"""Answer keys for the graded crisis-policy lab (4.3b).

The visible check is about form only: a policy, or a rule table, that plays one practice run to the
end with valid decisions. How good a policy is, is decided by the hidden tests of the master
notebook; :func:`hidden_points` grades a policy exactly as they do, by running their code.
"""

from __future__ import annotations

import pandas as pd

from answer_keys.m4_lesson3 import _moderates_when_nothing_arrived
from answer_keys.m4_policies import lab_solution
from course.crisis.table import policy_from_table
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

# The register of alternative answers for the graded policy's form check: the routes a learner may take are
# all accepted (and graded alike by the hidden tests, see tests/test_crisis_grading_rules.py); a table naming
# an action the course does not know is rejected with the row named.
def _as_function(state, post, _policy=[]):
    if not _policy:
        _policy.append(policy_from_table(*lab_solution()))
    return _policy[0](state, post)


ALTERNATIVES = {
    "c43_runs_cleanly": [
        (lab_solution(), "accepted", "the rule tables (DataFrame + moves), the route the lab teaches to non-coders"),
        (_as_function, "accepted", "a function respond(state, post), graded identically to the equivalent tables"),
        (({"complaint": ("reply", ["Hi {name}, sorry, we're on it.", "{name}, thanks, we are fixing it now.",
                                   "Sorry {name}; the steps are pinned on our page."])}, {"acknowledge": "at once"}),
         "accepted", "a replies dict instead of a DataFrame: the same table written as {kind: (action, replies)}"),
        (_table({(2, "action"): "forward to PR"}), "rejected",
         "'forward to PR' means escalate, but the table's actions are a closed list; the message names the row"),
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
