"""Bad submissions get a readable reason (or are graded despite the problem); the batch never stops.

Each learner below hands in Assignment 1 in a broken way; `python -m autograder grade` must grade
the class and record, for each, a score or the reason why not.
"""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from autograder.grading import grade_all
from autograder.precheck import precheck_submission
from course.nbgrader_cli import nbgrader
from course.syllabus import REPO_ROOT
from nbtools import cells_by_id, nbgrader_meta, read, solution_source

A1 = "module1_intro"
NB = "1.4-assignment.ipynb"


def _full_marks(root):
    release = read(root / "release" / A1 / NB)
    master = cells_by_id(read(REPO_ROOT / A1 / NB))
    for cell in release.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            cell.source = solution_source(master[meta["grade_id"]])
    return release


# learner -> (what is in their folder, expected status, expected score or None, words in the reason)
CORPUS = {
    "empty_file": ("empty", "error", None, "empty file"),
    "broken_json": ("broken", "error", None, "broken JSON at line"),
    "json_not_notebook": ("not_nb", "error", None, "not a notebook"),
    "no_notebook": ("none", "error", None, "no notebook in the submission"),
    "wrong_name": ("renamed", "error", None, "not part of the assignment"),
    "nbformat3": ("v3", "graded", 18, "nbformat 3"),
    "other_assignment": ("other", "error", None, "another assignment"),
    "good": ("good", "graded", 18, ""),  # and nothing to report
}


@pytest.fixture(scope="module")
def corpus_class(tmp_path_factory):
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("corpus"))
    nbgrader("generate_assignment", A1, "--force", root=root)
    good = _full_marks(root)
    for learner, (kind, *_rest) in CORPUS.items():
        folder = root / "submitted" / learner / A1
        folder.mkdir(parents=True)
        target = folder / NB
        if kind == "empty":
            target.write_text("")
        elif kind == "broken":
            target.write_text(json.dumps(good)[:5000])
        elif kind == "not_nb":
            target.write_text(json.dumps({"cells": "nope"}))
        elif kind == "none":
            (folder / "my answers.txt").write_text("I wrote them here instead")
        elif kind == "renamed":
            nbformat.write(good, str(folder / "assignment-final-v2.ipynb"))
        elif kind == "v3":
            nbformat.write(nbformat.convert(nbformat.from_dict(json.loads(json.dumps(good))), 3), str(target))
        elif kind == "other":
            shutil.copy(root / "source" / "module4_interaction" / "4.3-crisis-management.ipynb", target)
        else:
            nbformat.write(good, str(target))
    outcomes = {o.student: o for o in grade_all(root, A1, workers=2, progress=False)}
    return root, outcomes


@pytest.mark.parametrize("learner", list(CORPUS))
def test_every_submission_ends_with_a_score_or_a_reason(corpus_class, learner):
    _, outcomes = corpus_class
    _, status, score, words = CORPUS[learner]
    outcome = outcomes[learner]
    assert outcome.status == status, outcome
    if score is not None:
        assert outcome.score == score, outcome
    assert words in outcome.reason if words else outcome.reason == "", outcome.reason
    assert "Traceback" not in outcome.reason


def test_the_status_file_records_every_learner(corpus_class):
    root, _ = corpus_class
    lines = (root / "reports" / A1 / "grading-status.csv").read_text().splitlines()
    assert lines[0].startswith("student,status,score")
    assert {line.split(",")[0] for line in lines[1:]} == set(CORPUS)


def test_submissions_are_left_as_handed_in(corpus_class):
    root, _ = corpus_class
    assert (root / "submitted" / "empty_file" / A1 / NB).read_text() == ""
    assert (root / "submitted" / "no_notebook" / A1 / "my answers.txt").exists()


def test_precheck_alone_names_file_and_problem(corpus_class):
    root, _ = corpus_class
    (finding,) = precheck_submission(root, A1, "broken_json")
    assert finding.fatal and finding.file == NB and "line 1" in finding.message
