"""nbgrader's gradebook on a real PostgreSQL server: parallel grading, feedback, exports and the class
report on it unchanged; a SQLite gradebook migrated with matching counts; a database that is down when
grading starts named clearly, with nothing lost."""

from __future__ import annotations

import csv
import subprocess
import sys

import nbformat
import pytest

from autograder.gradebook import gradebook_url, migrate, row_counts
from course.nbgrader_cli import nbgrader, tool_env
from course.syllabus import REPO_ROOT
from nbtools import cells_by_id, nbgrader_meta, read, solution_source
from postgres import throwaway_postgres

A1, NB = "module1_intro", "1.4-assignment.ipynb"
LEARNERS = {"ada": "right", "ben": "blank", "cai": "right"}


def _auto_points() -> float:
    return sum(float(nbgrader_meta(c).get("points", 0)) for c in read(REPO_ROOT / A1 / NB).cells
               if nbgrader_meta(c).get("grade") and not nbgrader_meta(c).get("solution"))


def _class_root(base, db_url: str | None):
    """A course root with three submissions of Assignment 1 (two right, one blank), gradebook at ``db_url``."""
    from conftest import add_students, make_course_root

    root = make_course_root(base)
    if db_url:
        with (root / "nbgrader_config.py").open("a") as config:
            config.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    nbgrader("generate_assignment", A1, "--force", root=root)
    master = cells_by_id(read(REPO_ROOT / A1 / NB))
    add_students(root, {name: (name.title(), "Learner") for name in LEARNERS})
    for name, kind in LEARNERS.items():
        nb = read(root / "release" / A1 / NB)
        for cell in nb.cells:
            meta = nbgrader_meta(cell)
            if kind == "right" and meta.get("solution"):
                cell.source = solution_source(master[meta["grade_id"]])
        folder = root / "submitted" / name / A1
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / NB))
    return root


def _autograder(root, *args, env=None):
    return subprocess.run([sys.executable, "-m", "autograder", "--root", str(root), *args],
                          env=env or tool_env(), capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def postgres():
    with throwaway_postgres(("gradebook", "migrated")) as server:
        yield server


def test_parallel_grading_feedback_and_reports_run_on_postgresql(postgres, tmp_path):
    url = postgres["url"]["gradebook"]
    root = _class_root(tmp_path, url)
    assert gradebook_url(root) == url
    graded = _autograder(root, "grade", A1, "--workers", "2", "--no-progress")
    assert graded.returncode == 0, graded.stdout + graded.stderr
    status = {row["student"]: row for row in csv.DictReader((root / "reports" / A1 / "grading-status.csv").open())}
    full = _auto_points()
    assert {name: float(row["score"]) for name, row in status.items()} == {"ada": full, "ben": 0, "cai": full}
    assert not (root / "gradebook.db").exists(), "nothing went to a SQLite file"
    from nbgrader.api import Gradebook

    with Gradebook(url) as gradebook:
        assert gradebook.find_submission(A1, "ada").score == full
    for command in (["feedback", A1], ["report", A1]):
        done = _autograder(root, *command)
        assert done.returncode == 0, done.stdout + done.stderr
    assert (root / "reports" / A1 / "report.html").stat().st_size > 0
    assert sorted(p.parent.parent.name for p in (root / "feedback").rglob(NB.replace(".ipynb", ".html"))) == sorted(LEARNERS)


def test_a_sqlite_gradebook_migrates_with_matching_counts(postgres, tmp_path):
    root = _class_root(tmp_path, None)
    graded = _autograder(root, "grade", A1, "--no-progress")
    assert graded.returncode == 0 and f"{len(LEARNERS)} graded, 0 with errors" in graded.stdout, graded.stdout + graded.stderr
    target = postgres["url"]["migrated"]
    done = _autograder(root, "gradebook", "migrate", "--to", target)
    assert done.returncode == 0, done.stdout + done.stderr
    counts = row_counts(target)
    assert counts == row_counts(f"sqlite:///{root / 'gradebook.db'}") and counts["submitted_assignment"] == len(LEARNERS)
    assert "rows match" in done.stdout
    again = _autograder(root, "gradebook", "migrate", "--to", target)
    assert again.returncode != 0 and "not empty" in again.stderr, "a second copy is refused, not doubled"


def test_a_database_that_is_down_is_named_and_nothing_is_lost(tmp_path):
    with throwaway_postgres() as server:
        url = server["url"]["gradebook"]
        root = _class_root(tmp_path, url)
        server["stop"]()
        before = {p: p.read_bytes() for p in (root / "submitted").rglob("*.ipynb")}
        graded = _autograder(root, "grade", A1, "--no-progress")
    assert graded.returncode != 0
    assert "gradebook at postgresql+psycopg://postgres@127.0.0.1" in graded.stderr and "does not answer" in graded.stderr
    assert "Traceback" not in graded.stderr
    assert {p: p.read_bytes() for p in (root / "submitted").rglob("*.ipynb")} == before
    assert not (root / "autograded").exists()
