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
