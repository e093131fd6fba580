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
