"""End-to-end grading of the graded crisis policy (lesson 4.3) with the real nbgrader CLI and gradebook.

Six learners hand in policies (good, raising, looping, nonsense, silent, deleting criticism); each
gets exactly the points its outcomes earn, and a faulty policy leaves a readable reason.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from course.nbgrader_cli import nbgrader
from nbtools import cells_by_id, read
from test_grading_e2e import _answer_all


# --------------------------------------------------------------------------- Module 4: the graded crisis policy
CRISIS_MODULE = "module4_interaction"
CRISIS_NOTEBOOK = "4.3-crisis-management.ipynb"
CRISIS_AUTO_MAX = 12

POLICIES = {
    # a learner whose policy follows the lessons: every autograded point
    "crisis_full": (None, CRISIS_AUTO_MAX),
    # raises on the first post: every part scores 0, with the reason in the output
    "crisis_raises": ("def respond(state, post):\n    return post.kind.upper() + state.nothing", 0),
    # loops forever: time limits stop each run, the batch goes on
    "crisis_loops": ("def respond(state, post):\n    while True:\n        pass", 0),
    # answers nonsense
    "crisis_nonsense": ("def respond(state, post):\n    return 42", 0),
    # stays silent: runs cleanly (2) and never deletes criticism (2), but nothing else
    "crisis_silent": ("def respond(state, post):\n    return None", 4),
    # deletes every complaint, otherwise acts well: loses the 'never delete' part and most of the score
    "crisis_deleter": ("from course.crisis.policy import textbook_policy\n"
                       "def respond(state, post):\n"
                       "    if post is not None and post.kind == 'complaint':\n        return 'delete_comment'\n"
                       "    return textbook_policy(state, post)", 4),
}


@pytest.fixture(scope="module")
def graded_crisis(tmp_path_factory):
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("crisis"))
    nbgrader("generate_assignment", CRISIS_MODULE, "--force", root=root)
    release_nb = read(root / "release" / CRISIS_MODULE / CRISIS_NOTEBOOK)
    master_nb = read(root / "source" / CRISIS_MODULE / CRISIS_NOTEBOOK)
    for learner, (source, _) in POLICIES.items():
        nbgrader("db", "student", "add", learner, root=root)
        nb = nbformat.from_dict(json.loads(json.dumps(release_nb)))
        cells = cells_by_id(nb)
        if source is None:
            _answer_all(nb, master_nb)
        else:
            cells["c43_respond"].source = source
        folder = root / "submitted" / learner / CRISIS_MODULE
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / CRISIS_NOTEBOOK))
    nbgrader("autograde", CRISIS_MODULE, root=root)
    return root


def test_crisis_policies_get_exactly_the_points_their_outcomes_earn(graded_crisis):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded_crisis / 'gradebook.db'}") as gradebook:
        scores = {learner: gradebook.find_submission(CRISIS_MODULE, learner).code_score for learner in POLICIES}
        assert all(gradebook.find_submission(CRISIS_MODULE, l).max_code_score == CRISIS_AUTO_MAX for l in POLICIES)
    assert scores == {learner: expected for learner, (_, expected) in POLICIES.items()}


def test_faulty_policies_leave_a_readable_reason(graded_crisis):
    for learner, words in (("crisis_loops", "loop forever"), ("crisis_raises", "raised AttributeError"),
                           ("crisis_nonsense", "not an action")):
        graded = read(graded_crisis / "autograded" / learner / CRISIS_MODULE / CRISIS_NOTEBOOK)
        check = cells_by_id(graded)["c43_runs_cleanly_check"]
        text = json.dumps(check.outputs)
        assert words in text, f"{learner}: {text[:300]}"
