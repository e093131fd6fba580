"""`nbgrader validate` passes on every master and finds nothing passing in the learner copies.

nbgrader's validate exits 0 even when validation fails, so these tests read what it prints.
"""

from __future__ import annotations

import pytest

from course.nbgrader_cli import nbgrader
from course.syllabus import published_modules
from nbtools import master_notebooks, read

PASS_ALL = "Success! Your notebook passes all the tests."


@pytest.fixture(scope="module")
def released(module_course_root):
    for module in published_modules():
        nbgrader("generate_assignment", module.folder, "--force", root=module_course_root)
    return module_course_root


@pytest.mark.parametrize("path", master_notebooks(), ids=lambda p: p.name)
def test_master_validates(released, path):
    out = nbgrader("validate", str(path), root=released).stdout
    assert PASS_ALL in out, out


@pytest.mark.parametrize("path", master_notebooks(), ids=lambda p: p.name)
def test_learner_copy_has_no_solutions_and_no_hidden_tests(released, path):
    """A learner copy's check cells are the visible checks only.

    (``nbgrader validate --invert`` cannot judge an assessment's copy: its form checks never raise, so every
    grade cell "passes" until the hidden tests are put back at grading time; that a blank copy scores 0 is
    shown by tests/test_grading_e2e.py, and that the copy reveals no key by tests/test_assessments.py.)
    """
    copy = released / "release" / path.parent.name / path.name
    text = copy.read_text(encoding="utf-8")
    for secret in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "Rubric (", "Model answer", "_key ="):
        assert secret not in text, f"{copy.name} still contains {secret!r}"
    master = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in read(path).cells}
    for cell in read(copy).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and cell.cell_type == "code":
            visible = master[meta["grade_id"]].source.split("### BEGIN HIDDEN TESTS")[0].strip()
            assert cell.source.strip() == visible, f"{meta['grade_id']}: the copy's check is not the master's visible part"
