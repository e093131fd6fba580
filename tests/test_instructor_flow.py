"""The instructor's whole flow, as the README tells it, with the real nbgrader exchange and formgrader.

release -> learners fetch and submit -> collect -> `python -m autograder grade` (parallel, sandboxed)
-> written answers graded through formgrader's own web API on a real Jupyter server -> feedback without
leaks -> released and fetched by the learners -> nbgrader's grades CSV -> LMS files and class report.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import urllib.request

import nbformat
import pytest

from course.nbgrader_cli import nbgrader, tool_env
from course.syllabus import REPO_ROOT
from nbtools import cells_by_id, jupyter_server, nbgrader_meta, read, solution_source

A1, NB = "module1_intro", "1.4-assignment.ipynb"
COURSE = "community-management"
LEARNERS = {"alice": "right", "bob": "blank"}


def _learner(name: str, exchange, *args: str, cwd) -> subprocess.CompletedProcess:
    """Run an nbgrader command as the learner ``name`` would, from their own folder.

    On a shared server each learner has their own account; here one account plays both, so the learner's
    id is given explicitly (``--student``), as nbgrader allows, and each learner has a submission cache of
    their own, as each account would.
    """
    env = {**tool_env(), "JUPYTER_CONFIG_DIR": str(cwd / ".jupyter")}
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--student={name}", f"--Exchange.root={exchange}",
                             f"--Exchange.cache={cwd / '.nbgrader-cache'}",
                             "--Exchange.path_includes_course=True", f"--CourseDirectory.course_id={COURSE}"],
                            cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


class Formgrader:
    """Formgrader's web API on a real Jupyter server (started in the course root, as the README says)."""

    def __init__(self, base: str, token: str):
        self.base, self.token = base, token

    def request(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method,
                                         headers={"Authorization": f"token {self.token}",
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return json.loads(text) if text.strip().startswith(("{", "[")) else text

    def get(self, path: str):
        return self.request("GET", path)

    def put(self, path: str, body):
        return self.request("PUT", path, body)


@pytest.fixture(scope="module")
def flow(tmp_path_factory):
    from conftest import add_students, make_course_root

    base = tmp_path_factory.mktemp("flow")
    root = make_course_root(base)
    exchange = root / "exchange"
    # 1. release
    nbgrader("generate_assignment", A1, "--force", root=root)
    add_students(root, {name: (name.title(), "Learner") for name in LEARNERS})
    nbgrader("release_assignment", A1, root=root)
    # 2. the learners fetch, answer and submit
    master = cells_by_id(read(REPO_ROOT / A1 / NB))
    for name, kind in LEARNERS.items():
        home = base / name
        home.mkdir()
        _learner(name, exchange, "fetch_assignment", A1, cwd=home)
        path = home / COURSE / A1 / NB  # the exchange keeps one folder per course
        nb = read(path)
        for cell in nb.cells:
            meta = nbgrader_meta(cell)
            if kind == "right" and meta.get("solution"):
                cell.source = solution_source(master[meta["grade_id"]])
        nbformat.write(nb, str(path))
        _learner(name, exchange, "submit", A1, cwd=home)
    # 3. collect, 4. autograde in parallel
    nbgrader("collect", A1, root=root)
    graded = subprocess.run([sys.executable, "-m", "autograder", "--root", str(root), "grade", A1, "--no-progress"],
                            env=tool_env(), capture_output=True, text=True)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    # 5. written answers graded in formgrader
    with jupyter_server("jupyter_server", root, base, cwd=root) as (url, token):
        server = Formgrader(url, token)
        notebooks = server.get(f"/formgrader/api/submitted_notebooks/{A1}/{NB.removesuffix('.ipynb')}")
        marked = {}
        for notebook in notebooks:
            grades = server.get(f"/formgrader/api/grades?submission_id={notebook['id']}")
            comments = server.get(f"/formgrader/api/comments?submission_id={notebook['id']}")
            for grade in grades:
                if grade["name"] == "a1_three_benefits":
                    server.put(f"/formgrader/api/grade/{grade['id']}",
                               {"manual_score": 5 if notebook["student"] == "alice" else 0, "extra_credit": 0})
            for comment in comments:
                if comment["name"] == "a1_three_benefits":
                    server.put(f"/formgrader/api/comment/{comment['id']}",
                               {"manual_comment": f"Marked in formgrader for {notebook['student']}."})
            marked[notebook["student"]] = notebook
        formgrader_page = server.get("/formgrader")
    # 6. feedback without leaks, released and fetched
    feedback = subprocess.run([sys.executable, "-m", "autograder", "--root", str(root), "feedback", A1],
                              env=tool_env(), capture_output=True, text=True)
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    nbgrader("release_feedback", A1, root=root)
    for name in LEARNERS:
        _learner(name, exchange, "fetch_feedback", A1, cwd=base / name)
    # 7. exports and the class report
    nbgrader("export", "--to", str(base / "grades.csv"), root=root)
    report = subprocess.run([sys.executable, "-m", "autograder", "--root", str(root), "report", A1],
                            env=tool_env(), capture_output=True, text=True)
    assert report.returncode == 0, report.stdout + report.stderr
    return {"root": root, "base": base, "graded": graded.stdout, "marked": marked, "page": formgrader_page}


def test_collected_submissions_are_graded_in_parallel(flow):
    status = {row["student"]: row for row in csv.DictReader((flow["root"] / "reports" / A1 / "grading-status.csv").open())}
    assert set(status) == set(LEARNERS)
    assert status["alice"]["status"] == "graded" and float(status["alice"]["score"]) == 18
    assert status["bob"]["status"] == "graded" and float(status["bob"]["score"]) == 0
    assert "2 submission(s): 2 graded, 0 with errors" in flow["graded"]


def test_formgrader_sees_the_grades_and_records_manual_marks(flow):
    assert "Formgrader" in flow["page"] or "formgrader" in flow["page"]
    assert set(flow["marked"]) == set(LEARNERS)
    assert flow["marked"]["alice"]["score"] == 18 and flow["marked"]["bob"]["score"] == 0  # autograded, as we wrote


def test_learners_fetch_feedback_with_marks_and_comments_but_no_hidden_tests(flow):
    pages = sorted((flow["base"] / "alice" / COURSE / A1 / "feedback").rglob("*.html"))
    # one submission, one page per notebook of the module (the lessons carry no points)
    assert len({p.parent for p in pages}) == 1 and NB.replace(".ipynb", ".html") in {p.name for p in pages}
    html = next(p for p in pages if p.name == NB.replace(".ipynb", ".html")).read_text()
    assert "Marked in formgrader for bob." not in html
    assert "Marked in formgrader for alice." in html
    assert "23 / 30" in html.replace("\n", " ") or "23.0 / 30.0" in html.replace("\n", " ")
    assert "BEGIN HIDDEN TESTS" not in html and "_key = " not in html


def test_the_exports_carry_the_manual_marks(flow):
    grades = {row["student_id"]: row for row in csv.DictReader((flow["base"] / "grades.csv").open())}
    assert float(grades["alice"]["score"]) == 23 and float(grades["bob"]["score"]) == 0
    reports = flow["root"] / "reports" / A1
    for name in ("items.csv", "canvas.csv", "moodle.csv", "report.html"):
        assert (reports / name).stat().st_size > 0, name
    items = {(row["student_id"], row["grade_id"]): row for row in csv.DictReader((reports / "items.csv").open())}
    assert float(items["alice", "a1_three_benefits"]["score"]) == 5 and items["alice", "a1_three_benefits"]["kind"] != "autograded"
    assert items["alice", "a1_three_benefits"]["needs_manual_grade"] == "False"
    canvas = list(csv.reader((reports / "canvas.csv").open()))
    assert ["Learner, Alice", "", "alice", "alice", "", "23"] in canvas, canvas
