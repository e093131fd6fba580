"""End-to-end grading with the real nbgrader CLI and gradebook.

Six synthetic learners hand in Assignment 1; after ``nbgrader autograde`` each one's
autograded score is read back from the gradebook and compared with what they earned.
Then feedback is generated and the grades CSV exported.
"""

from __future__ import annotations

import csv
import json
import shutil

import nbformat
import pytest

from course.nbgrader_cli import nbgrader
from nbtools import cells_by_id, nbgrader_meta, read, solution_source

ASSIGNMENT = "module1_intro"
NOTEBOOK = "1.4-assignment.ipynb"
AUTO_MAX = 18  # the autograded points of Assignment 1 (the other 12 are written answers)

WRONG_SPACE_TYPES = """space_types = {"help_forum": "S", "ideas_board": "P", "velora_crew": "E",
    "route_library": "C", "instagram_replies": "E", "dealer_workspace": "I"}"""

CHEATS = {
    # an object that claims to equal anything
    "a1_space_types": "class _Yes(dict):\n    def __eq__(self, other): return True\nspace_types = _Yes()",
    # a str subclass whose methods are patched to look right
    "a1_first_reply": "class _S(str):\n    def strip(self): return 'b'\n    def lower(self): return 'b'\n"
    "    def __eq__(self, other): return True\n    __hash__ = str.__hash__\nfirst_reply = _S('z')",
    # silence the visible check, then answer nonsense
    "a1_people_told": "ex.people_told.check = lambda f: None\ndef people_told(happy, unhappy):\n    return 0",
    "a1_review_readers": "import builtins\nclass _N(float):\n    def __eq__(self, other): return True\nreview_readers = _N(3)",
}

# learner -> (how to build the submission, expected autograded score)
EXPECTED = {
    "full": AUTO_MAX,
    "blank": 0,
    "partly_wrong": AUTO_MAX - 3 - 3,  # one wrong label (q1, 3 pts) + a hard-coded function caught by hidden tests (q4, 3 pts)
    "tampered": 2,  # only q6 answered right; checks rewritten and points inflated -> nbgrader restores them
    "raises": 0,
    "cheater": 0,
}


def _answer_all(learner_nb, master_nb) -> None:
    master = cells_by_id(master_nb)
    for cell in learner_nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            cell.source = solution_source(master[meta["grade_id"]])


def build_submission(kind: str, release_nb, master_nb):
    nb = nbformat.from_dict(json.loads(json.dumps(release_nb)))  # deep copy
    cells = cells_by_id(nb)
    if kind in ("full", "partly_wrong"):
        _answer_all(nb, master_nb)
    if kind == "partly_wrong":
        cells["a1_space_types"].source = WRONG_SPACE_TYPES
        # passes the visible example (10, 5) but not the hidden tests
        cells["a1_people_told"].source = "def people_told(happy, unhappy):\n    return 270"
    if kind == "tampered":
        cells["a1_first_reply"].source = 'first_reply = "b"'
        for cell in nb.cells:
            meta = nbgrader_meta(cell)
            if meta.get("grade") and cell.cell_type == "code":
                cell.source = "pass  # all good here"
                meta["points"] = 100
        # a deleted check cell must not make its points disappear either
        nb.cells.remove(cells["a1_agency_risk_check"])
    if kind == "raises":
        for cell in nb.cells:
            if nbgrader_meta(cell).get("solution") and cell.cell_type == "code":
                cell.source = 'raise RuntimeError("this learner\'s code fails everywhere")'
    if kind == "cheater":
        _answer_all(nb, master_nb)
        for grade_id, source in CHEATS.items():
            cells[grade_id].source = source
        # make every remaining answer wrong so only the cheats could earn points
        for grade_id in ("a1_community_or_audience", "a1_cm_or_smm", "a1_say_it"):
            cells[grade_id].source = f"{grade_id.removeprefix('a1_')} = {{}}"
        cells["a1_agency_risk"].source = 'agency_risk = "a"'
        cells["a1_complaints_within_hour"].source = "def share_answered_within_hour(messages):\n    return 0.75"
    if kind in ("full", "partly_wrong"):
        cells["a1_three_benefits"].source = "Reputation, support and sales: members who feel heard stay and recommend us."
        cells["a1_fashion_case"].source = "(a) They apologised, compensated and explained. (b) Trust recovered."
    return nb


@pytest.fixture(scope="module")
def graded_class(module_course_root):
    root = module_course_root
    nbgrader("generate_assignment", ASSIGNMENT, "--force", root=root)
    release_nb = read(root / "release" / ASSIGNMENT / NOTEBOOK)
    master_nb = read(root / "source" / ASSIGNMENT / NOTEBOOK)
    for learner in EXPECTED:
        nbgrader("db", "student", "add", learner, "--last-name", learner, "--first-name", "Test", root=root)
        folder = root / "submitted" / learner / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(build_submission(learner, release_nb, master_nb), str(folder / NOTEBOOK))
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    # the full-marks learner hands in the lesson notebooks too (practice, worth no points)
    for lesson in (root / "release" / ASSIGNMENT).glob("*.ipynb"):
        if lesson.name != NOTEBOOK:
            shutil.copy(lesson, root / "submitted" / "full" / ASSIGNMENT / lesson.name)
    result = nbgrader("autograde", ASSIGNMENT, root=root)
    return root, result


def test_each_learner_gets_exactly_the_points_they_earned(graded_class):
    from nbgrader.api import Gradebook

    root, _ = graded_class
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        scores = {}
        for learner in EXPECTED:
            submission = gradebook.find_submission(ASSIGNMENT, learner)
            scores[learner] = submission.code_score
            assert submission.max_code_score == AUTO_MAX, f"{learner}: max points changed"
            assert submission.max_written_score == 12
        assert gradebook.find_assignment(ASSIGNMENT).max_score == 30
    assert scores == EXPECTED


def test_written_answers_wait_for_a_person(graded_class):
    from nbgrader.api import Gradebook

    root, _ = graded_class
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        assert gradebook.find_submission(ASSIGNMENT, "full").needs_manual_grade
        # an unanswered written cell is scored 0 automatically, nothing to grade by hand
        written = gradebook.find_grade("a1_three_benefits", NOTEBOOK.removesuffix(".ipynb"), ASSIGNMENT, "blank")
        assert written.score == 0 and not written.needs_manual_grade


def test_feedback_and_grades_export(graded_class):
    root, _ = graded_class
    nbgrader("generate_feedback", ASSIGNMENT, root=root)
    for learner in EXPECTED:
        page = root / "feedback" / learner / ASSIGNMENT / NOTEBOOK.replace(".ipynb", ".html")
        assert page.exists(), f"no feedback for {learner}"
        assert "Assignment 1" in page.read_text(encoding="utf-8")
    out = root / "grades.csv"
    nbgrader("export", "--to", str(out), root=root)
    with out.open() as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(EXPECTED)
    for learner, expected in EXPECTED.items():
        assert float(rows[learner]["raw_score"]) == expected
        assert float(rows[learner]["max_score"]) == 30


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
