"""Run a graded notebook's grade cell, hidden tests and all, on an answer: does it score?

An assessment's key lives only in its master's hidden tests, so the tests that judge an answer to an
assessment item (the alternative-answer register, the key, the aliases) run that cell itself: the
master's set-up cell, then the answer bound to the answer cell's variable, then the grade cell.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbtools import graded_masters, nbgrader_meta, read


@dataclass(frozen=True)
class GradeCell:
    question_id: str
    notebook: Path
    variable: str  # the name the answer cell defines
    setup: str  # the notebook's set-up cell (imports ``ex``)
    source: str  # the grade cell: visible check and hidden tests
    points: float


def _defined_name(source: str) -> str:
    solution = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    for node in ast.parse(solution).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
        if isinstance(node, ast.FunctionDef):
            return node.name
    raise ValueError(f"the solution defines no name:\n{solution}")


@functools.cache
def grade_cells() -> dict[str, GradeCell]:
    """Every autograded item of every graded master, by the answer cell's grade id (the question's id)."""
    found = {}
    for path in graded_masters():
        cells = read(path).cells
        code = [c for c in cells if c.cell_type == "code"]
        setup = code[0].source
        for i, cell in enumerate(code):
            meta = nbgrader_meta(cell)
            if meta.get("solution") and i + 1 < len(code) and nbgrader_meta(code[i + 1]).get("grade"):
                following = code[i + 1]
                found[meta["grade_id"]] = GradeCell(meta["grade_id"], path, _defined_name(cell.source), setup,
                                                    following.source, float(nbgrader_meta(following)["points"]))
    return found


def run_grade_cell(question_id: str, answer: Any) -> tuple[bool, str]:
    """(whether the grade cell passes with ``answer``, what it printed or the failure)."""
    cell = grade_cells()[question_id]
    namespace: dict[str, Any] = {}
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        exec(compile(cell.setup, f"{cell.notebook.name}:setup", "exec"), namespace)
        namespace[cell.variable] = answer
        try:
            exec(compile(cell.source, f"{cell.notebook.name}:{question_id}_check", "exec"), namespace)
        except AssertionError as failure:
            return False, f"{shown.getvalue()}\nAssertionError: {failure}"
    return True, shown.getvalue()


# --------------------------------------------------------------------------- synthetic submissions (end-to-end tests)
def copy_notebook(nb):
    """A deep copy of a notebook, to edit into one learner's submission."""
    import json

    import nbformat

    return nbformat.from_dict(json.loads(json.dumps(nb)))


def answer_all(learner_nb, master_nb) -> None:
    """Fill every answer cell of ``learner_nb`` with the master's solution: what a perfect learner hands in."""
    from nbtools import cells_by_id, solution_source

    master = cells_by_id(master_nb)
    for cell in learner_nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            cell.source = solution_source(master[meta["grade_id"]])


def hand_in(root: Path, assignment: str, notebook: str, submissions: dict) -> None:
    """Register the learners and put each one's notebook in ``submitted/`` as ``nbgrader collect`` would."""
    import nbformat

    from conftest import add_students

    add_students(root, {learner: ("Test", learner) for learner in submissions})
    for learner, nb in submissions.items():
        folder = Path(root) / "submitted" / learner / assignment
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / notebook))
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")


def tamper(nb, removed_check: str) -> None:
    """A learner who rewrites every check cell to pass, inflates its points and deletes one check cell."""
    from nbtools import cells_by_id

    removed = cells_by_id(nb)[removed_check]
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("grade") and cell.cell_type == "code":
            cell.source = "pass  # all good here"
            meta["points"] = 100
    nb.cells.remove(removed)  # a deleted check cell must not make its points disappear either


def raise_everywhere(nb) -> None:
    """A learner whose every answer cell raises."""
    for cell in nb.cells:
        if nbgrader_meta(cell).get("solution") and cell.cell_type == "code":
            cell.source = 'raise RuntimeError("this learner\'s code fails everywhere")'


def released(root: Path, assignment: str, notebook: str):
    """Generate the learner copies of ``assignment``; return (the learner copy, the master) of ``notebook``."""
    from course.nbgrader_cli import nbgrader

    nbgrader("generate_assignment", assignment, "--force", root=root)
    return read(Path(root) / "release" / assignment / notebook), read(Path(root) / "source" / assignment / notebook)


def hand_in_class(root: Path, assignment: str, notebook: str, build, learners) -> None:
    """Release ``assignment`` and hand in ``build(learner, learner copy, master)`` for each learner."""
    release_nb, master_nb = released(root, assignment, notebook)
    hand_in(root, assignment, notebook, {learner: build(learner, release_nb, master_nb) for learner in learners})


# --------------------------------------------------------------------------- what every assignment's grading test checks
@dataclass(frozen=True)
class Assessment:
    """An assignment as its end-to-end grading test sees it."""
    assignment: str  # the module folder, e.g. "module2_strategy"
    notebook: str  # e.g. "2.6-assignment.ipynb"
    title: str  # shown on every feedback page, e.g. "Assignment 2"
    auto_max: float
    written_max: float
    written_id: str  # the grade id of a written answer, checked on the blank learner

    def feedback_page(self, root: Path, learner: str) -> str:
        return (root / "feedback" / learner / self.assignment / self.notebook.replace(".ipynb", ".html")).read_text(
            encoding="utf-8")


def assert_exact_points(spec: Assessment, root: Path, outcomes, expected: dict) -> None:
    """Every learner graded, each with exactly the autograded points expected, read back from the gradebook; the
    maxima unchanged; written answers waiting for the instructor, except a blank one (0, nothing to mark)."""
    from nbgrader.api import Gradebook

    assert {o.student: o.status for o in outcomes} == {learner: "graded" for learner in expected}
    assert {o.student: o.score for o in outcomes} == expected  # written answers are still ungraded: 0
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        scores = {}
        for learner in expected:
            submission = gradebook.find_submission(spec.assignment, learner)
            scores[learner] = submission.code_score
            assert submission.max_code_score == spec.auto_max, f"{learner}: max points changed"
            assert submission.max_written_score == spec.written_max
        assert gradebook.find_assignment(spec.assignment).max_score == spec.auto_max + spec.written_max
        assert gradebook.find_submission(spec.assignment, "full").needs_manual_grade
        blank = gradebook.find_grade(spec.written_id, spec.notebook.removesuffix(".ipynb"), spec.assignment, "blank")
        assert blank.score == 0 and not blank.needs_manual_grade
    assert scores == expected


def assert_feedback_hides_the_hidden_tests(spec: Assessment, root: Path, learners) -> None:
    """The course's feedback pages keep the form checks' messages and never show hidden-test code or keys."""
    from autograder.feedback import generate_feedback, leaks

    master = read(root / "source" / spec.assignment / spec.notebook)
    generate_feedback(root, spec.assignment)
    for learner in learners:
        page = spec.feedback_page(root, learner)
        handed_in = read(root / "submitted" / learner / spec.assignment / spec.notebook)
        own = "\n".join(c.source for c in handed_in.cells if c.metadata.get("nbgrader", {}).get("solution"))
        assert leaks(page, master, own) == [], f"{learner}: hidden tests leak into the feedback"
        assert "_key" not in page and "_aliases" not in page and spec.title in page
    partly = spec.feedback_page(root, "partly_wrong")
    assert "Answered" in partly and "did not pass for this item" in partly


def assert_autograded_share(spec: Assessment) -> None:
    """At least ten autograded items, worth at least 60% of the points."""
    cells = [c for c in grade_cells().values() if c.notebook.name == spec.notebook]
    assert len(cells) >= 10 and sum(c.points for c in cells) == spec.auto_max
    assert spec.auto_max / (spec.auto_max + spec.written_max) >= 0.6


def hidden_test_score(answers: dict) -> float:
    """The points ``answers`` (question id -> answer) earn, item by item through the master's hidden tests."""
    return sum(grade_cells()[qid].points for qid, answer in answers.items() if run_grade_cell(qid, answer)[0])


def assert_shortcut_pays_less(spec: Assessment, answers: dict, keys: dict, thoughtful: dict) -> None:
    """A degenerate learner answers every item yet earns at most 30% and at most half the weakest thoughtful score."""
    assert set(answers) == set(keys), "a degenerate learner answers every item"
    score = hidden_test_score(answers)
    assert score <= spec.auto_max * 0.3, f"earns {score:g} of {spec.auto_max}"
    assert score <= min(thoughtful.values()) / 2
