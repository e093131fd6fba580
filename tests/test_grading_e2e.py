"""End-to-end grading with the real nbgrader CLI and gradebook.

Six synthetic learners hand in Assignment 1; after ``nbgrader autograde`` each one's
autograded score is read back from the gradebook and compared with what they earned.
Then feedback is generated and the grades CSV exported.
"""

from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest

from course.nbgrader_cli import nbgrader
from gradecells import answer_all, copy_notebook, hand_in_class, raise_everywhere, tamper
from nbtools import cells_by_id, nbgrader_meta, read

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
    # silence the visible check, then answer wrongly
    "a1_word_of_mouth": "ex.word_of_mouth.check = lambda answer: None\nword_of_mouth = 'a'",
    # the right letter, in a patched type: refused even with the right contents
    "a1_old_review": "class _T(str):\n    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"
    "old_review = _T('b')",
    # patch the course package's form check, then answer wrongly
    "a1_complaint_target": "import course.checks as _c\n_c.FormCheck.verdict = lambda self, answer: None\n"
    "complaint_target = 'a'",
}

# learner -> expected autograded score
EXPECTED = {
    "full": AUTO_MAX,
    "blank": 0,
    # one wrong label (q1, 3 pts) and a wrong choice (q4, 3 pts): the visible checks say only "Answered",
    # the hidden tests catch both
    "partly_wrong": AUTO_MAX - 3 - 3,
    "tampered": 2,  # only q6 answered right; checks rewritten and points inflated -> nbgrader restores them
    "raises": 0,
    "cheater": 0,
}


def build_submission(kind: str, release_nb, master_nb):
    nb = copy_notebook(release_nb)
    cells = cells_by_id(nb)
    if kind in ("full", "partly_wrong"):
        answer_all(nb, master_nb)
    if kind == "partly_wrong":
        cells["a1_space_types"].source = WRONG_SPACE_TYPES
        # well formed, so the visible check says "Answered"; only the hidden tests know it is wrong
        cells["a1_word_of_mouth"].source = 'word_of_mouth = "a"'
    if kind == "tampered":
        cells["a1_first_reply"].source = 'first_reply = "b"'
        tamper(nb, removed_check="a1_agency_risk_check")
    if kind == "raises":
        raise_everywhere(nb)
    if kind == "cheater":
        answer_all(nb, master_nb)
        for grade_id, source in CHEATS.items():
            cells[grade_id].source = source
        # make every remaining answer wrong so only the cheats could earn points
        for grade_id in ("a1_community_or_audience", "a1_cm_or_smm", "a1_say_it"):
            cells[grade_id].source = f"{grade_id.removeprefix('a1_')} = {{}}"
        cells["a1_agency_risk"].source = 'agency_risk = "a"'
    if kind in ("full", "partly_wrong"):
        cells["a1_three_benefits"].source = "Reputation, support and sales: members who feel heard stay and recommend us."
        cells["a1_fashion_case"].source = "(a) They apologised, compensated and explained. (b) Trust recovered."
    return nb


@pytest.fixture(scope="module")
def graded_class(module_course_root):
    root = module_course_root
    hand_in_class(root, ASSIGNMENT, NOTEBOOK, build_submission, EXPECTED)
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


# --------------------------------------------------------------------------- parallel grading (autograder/)
def _gradebook_rows(root, assignment):
    """Everything nbgrader recorded for an assignment, without database ids and run times."""
    from nbgrader.api import Gradebook

    rows = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    rows[(submission.student.id, notebook.name, grade.name, "grade")] = (
                        grade.auto_score, grade.manual_score, grade.needs_manual_grade, grade.max_score)
                for comment in notebook.comments:
                    rows[(submission.student.id, notebook.name, comment.name, "comment")] = (comment.auto_comment,)
            rows[(submission.student.id, "", "", "submission")] = (submission.timestamp, submission.score)
        counts = {table: gradebook.db.query(model).count() for table, model in _models().items()}
    return rows, counts


def _models():
    from nbgrader import api

    return {"grade": api.Grade, "comment": api.Comment, "submitted_notebook": api.SubmittedNotebook,
            "submitted_assignment": api.SubmittedAssignment, "student": api.Student}


def test_parallel_grading_writes_exactly_what_sequential_nbgrader_writes(graded_class, tmp_path):
    from autograder.grading import grade_all
    from conftest import make_course_root

    sequential_root, _ = graded_class
    root = make_course_root(tmp_path)
    nbgrader("generate_assignment", ASSIGNMENT, "--force", root=root)
    shutil.copytree(sequential_root / "submitted", root / "submitted")
    outcomes = grade_all(root, ASSIGNMENT, workers=2, progress=False)
    assert {o.student: o.status for o in outcomes} == {learner: "graded" for learner in EXPECTED}
    assert {o.student: o.score for o in outcomes} == EXPECTED  # written answers are still ungraded: 0
    parallel, parallel_counts = _gradebook_rows(root, ASSIGNMENT)
    sequential, sequential_counts = _gradebook_rows(sequential_root, ASSIGNMENT)
    assert parallel == sequential
    assert parallel_counts == sequential_counts

    # re-grading one learner changes nothing: no duplicated or lost rows
    again = grade_all(root, ASSIGNMENT, students=["partly_wrong"], workers=1, progress=False)
    assert [(o.student, o.score) for o in again] == [("partly_wrong", EXPECTED["partly_wrong"])]
    assert _gradebook_rows(root, ASSIGNMENT) == (parallel, parallel_counts)
    status = (root / "reports" / ASSIGNMENT / "grading-status.csv").read_text()
    assert "partly_wrong,graded" in status


def test_feedback_shows_points_and_check_messages_but_never_hidden_tests(graded_class):
    from autograder.feedback import BUILD, generate_feedback, leaks

    root, _ = graded_class
    master = read(root / "source" / ASSIGNMENT / NOTEBOOK)
    page_name = NOTEBOOK.replace(".ipynb", ".html")
    # stock nbgrader feedback (made by test_feedback_and_grades_export, or now) does leak: the detector works
    nbgrader("generate_feedback", ASSIGNMENT, "--force", "--student", "partly_wrong", root=root)
    stock = (root / "feedback" / "partly_wrong" / ASSIGNMENT / page_name).read_text(encoding="utf-8")
    assert leaks(stock, master), "stock feedback should contain hidden-test code"

    generate_feedback(root, ASSIGNMENT)
    for learner in EXPECTED:
        page = (root / "feedback" / learner / ASSIGNMENT / page_name).read_text(encoding="utf-8")
        handed_in = read(root / "submitted" / learner / ASSIGNMENT / NOTEBOOK)
        own = "\n".join(c.source for c in handed_in.cells if nbgrader_meta(c).get("solution"))
        assert leaks(page, master, own) == [], f"{learner}: hidden tests leak into the feedback"
        assert "_key" not in page and "_aliases" not in page and 'lower() == "b"' not in page
        assert "Assignment 1" in page and "Score:" in page
    partly = (root / "feedback" / "partly_wrong" / ASSIGNMENT / page_name).read_text(encoding="utf-8")
    assert "Answered" in partly and "Not yet right" not in partly, "the visible check's (form-only) message is kept"
    assert "did not pass for this item" in partly, "a failed hidden test is reported without its code"
    assert (root / BUILD).is_dir() and (root / "autograded" / "partly_wrong").is_dir()


def test_exports_for_lms_and_the_class_report(graded_class, tmp_path):
    from autograder.reports import class_report, item_statistics, item_scores, write_lms_files

    root, _ = graded_class
    paths = write_lms_files(root, ASSIGNMENT, tmp_path)
    items = pd.read_csv(paths["items"])
    assert len(items) == len(EXPECTED) * 11  # 9 autograded items + 2 written answers per learner
    auto = items[items["kind"] == "autograded"].groupby("student_id")["score"].sum().to_dict()
    assert auto == EXPECTED
    with paths["canvas"].open() as handle:
        canvas = list(csv.reader(handle))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ASSIGNMENT]
    assert canvas[1][0].strip() == "Points Possible" and canvas[1][-1] == "30"
    assert {row[2]: float(row[-1]) for row in canvas[2:]} == EXPECTED
    with paths["moodle"].open() as handle:
        moodle = list(csv.DictReader(handle))
    assert {row["ID number"]: float(row[ASSIGNMENT]) for row in moodle} == EXPECTED

    stats = item_statistics(item_scores(root, ASSIGNMENT)).set_index("grade_id")
    assert stats.loc["a1_space_types_check", "difficulty"] == pytest.approx(1 / 6)  # only the full-marks learner
    assert stats.loc["a1_first_reply_check", "difficulty"] == pytest.approx(3 / 6)  # full, partly wrong, tampered
    report = class_report(root, ASSIGNMENT, tmp_path).read_text(encoding="utf-8")
    assert report.count("data:image/png;base64,") == 2
    assert "Not attempted yet" in report and "a1_space_types" in report and "Q1 SPACE+I types" in report
    assert report.index("Q10 Why pay for a community team?") > report.index("Written answers")  # apart from the autograded
    assert "Q10" not in stats.index and "a1_three_benefits" not in stats.index
    learners = report[report.index('<table id="learners">'):]
    assert all(f"<tr><td>{learner}</td>" in learners for learner in EXPECTED)
