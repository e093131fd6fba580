"""`nbgrader validate` passes on every master and finds nothing passing in the learner copies.

nbgrader's validate exits 0 even when validation fails, so these tests read what it prints.
"""

from __future__ import annotations

import pytest

from course.nbgrader_cli import nbgrader
from course.syllabus import published_modules
from nbtools import master_notebooks, read

PASS_ALL = "Success! Your notebook passes all the tests."
PASS_NONE = "Success! The notebook does not pass any tests."


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
def test_learner_copy_has_no_solutions_and_passes_no_test(released, path):
    copy = released / "release" / path.parent.name / path.name
    text = copy.read_text(encoding="utf-8")
    for secret in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "Rubric (", "Model answer"):
        assert secret not in text, f"{copy.name} still contains {secret!r}"
    if any(c.get("metadata", {}).get("nbgrader", {}).get("grade") for c in read(copy).cells):
        out = nbgrader("validate", "--invert", str(copy), root=released).stdout
        assert PASS_NONE in out and "PASSED" not in out, out
