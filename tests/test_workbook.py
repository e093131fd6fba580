"""The learner workbook, `make grade` and `doctor`."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat

from course import workbook as wb
from course.selfgrade import grade_module
from course.syllabus import REPO_ROOT, module
from nbtools import cells_by_id, nbgrader_meta, read, solution_source

M1 = "module1_intro"
ASSIGNMENT = "1.4-assignment.ipynb"


def test_generate_then_regenerate_keeps_learner_changes(module_course_root, tmp_path):
    book = tmp_path / "workbook"
    first = wb.generate(book, module_course_root, [M1])
    assert {c.status for c in first} == {"added"}
    assert {p.name for p in (book / M1).glob("*.ipynb")} == {nb.file for nb in module(M1).notebooks}

    mine = book / M1 / ASSIGNMENT
    mine.write_text(mine.read_text().replace("# YOUR ANSWER HERE", "first_reply = 'b'  # my answer", 1))
    deleted = book / M1 / "1.2-why-it-matters.ipynb"
    deleted.unlink()
    stale = book / M1 / "1.1-what-is-community-management.ipynb"
    stale.write_text(stale.read_text().replace("community", "komunity"))  # an older course version ...
    manifest = json.loads((book / wb.MANIFEST_NAME).read_text())
    manifest[f"{M1}/{stale.name}"] = wb._digest(stale)  # ... that we wrote and the learner never touched
    (book / wb.MANIFEST_NAME).write_text(json.dumps(manifest))

    second = {c.path.split("/")[-1]: c.status for c in wb.generate(book, module_course_root, [M1])}
    assert second[ASSIGNMENT] == "kept" and "my answer" in mine.read_text()
    assert second[deleted.name] == "added" and deleted.exists()
    assert second[stale.name] == "updated" and "komunity" not in stale.read_text()
    assert second["1.3-the-community-manager.ipynb"] == "unchanged"
    assert "kept your version" in wb.report(wb.generate(book, module_course_root, [M1]))


def test_self_grading_scores_the_learners_workbook_and_writes_feedback(module_course_root, tmp_path):
    book = tmp_path / "workbook"
    wb.generate(book, module_course_root, [M1])
    learner_copy = book / M1 / ASSIGNMENT
    nb = read(learner_copy)
    master = cells_by_id(read(REPO_ROOT / M1 / ASSIGNMENT))
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code" and meta["grade_id"] != "a1_word_of_mouth":
            cell.source = solution_source(master[meta["grade_id"]])
    nbformat.write(nb, str(learner_copy))

    result = grade_module(module(M1), workbook=book, root=module_course_root, learner="selftest")
    assert (result.auto_score, result.auto_max, result.written_max) == (15, 18, 12)  # word_of_mouth left blank: -3
    pages = {p.name for p in result.feedback}
    assert ASSIGNMENT.replace(".ipynb", ".html") in pages
    assert all(p.parent == book / "feedback" / M1 for p in result.feedback)


def test_doctor_reports_ok_for_this_environment():
    run = subprocess.run([sys.executable, "-m", "course", "doctor"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert "[FAIL]" not in run.stdout and "[ OK ] nbgrader==0.9.6" in run.stdout
    assert "[ OK ] module1_intro/" in run.stdout
    assert "[INFO] grading sandbox                  available" in run.stdout  # the test machine grades as root


def test_markscheme_lists_every_item_and_the_rubrics(tmp_path):
    from course.markscheme import write_all

    (page,) = write_all([module(M1)], tmp_path)
    text = page.read_text()
    assert "Total 30 points: 18 autograded, 12 written." in text
    assert "`a1_fashion_case` (6 points)" in text and "Rubric" in text
