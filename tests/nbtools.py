"""Helpers for tests that read and edit notebooks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from course.syllabus import MODULES


def master_notebooks() -> list[Path]:
    return [m.path / nb.file for m in MODULES for nb in m.notebooks]


def graded_masters() -> list[Path]:
    return [m.path / nb.file for m in MODULES for nb in m.notebooks if nb.graded]


def assignments() -> list[Path]:
    return [m.path / nb.file for m in MODULES for nb in m.notebooks if nb.kind == "assignment"]


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def cells_by_id(nb) -> dict:
    return {nbgrader_meta(c)["grade_id"]: c for c in nb.cells if nbgrader_meta(c).get("grade_id")}


def solution_source(master_cell) -> str:
    """The master answer with the solution markers removed: what a perfect learner would write."""
    return re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", "", master_cell.source, flags=re.M)


def read(path: Path):
    return nbformat.read(str(path), as_version=4)
