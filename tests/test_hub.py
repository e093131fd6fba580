"""A real class on the course hub: JupyterHub, one system account per person, the nbgrader exchange.

The test starts everything itself on loopback and removes it afterwards: a state folder and homes in a
scratch folder, two learner accounts and an instructor account (deleted at the end), the hub with its
proxy (the dummy authenticator, allowed only with the tests' marker). Learners fetch and submit through
nbgrader's server-extension API on their own servers, as the Assignments tab does; the instructor
releases, collects, marks a written answer and releases feedback through formgrader on theirs; grading
runs as root with the sandbox, as the README tells the instructor.
"""

from __future__ import annotations

import csv
import grp
import json
import os
import pwd
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

from autograder import hub
from course.nbgrader_cli import tool_env
from course.syllabus import REPO_ROOT
from nbtools import cells_by_id, free_port, nbgrader_meta, read, solution_source
from postgres import throwaway_postgres

A1, NB = "module1_intro", "1.4-assignment.ipynb"
COURSE = hub.COURSE_ID



def _master_points():
    """Autograded points of Assignment 1 and the grade id of its first written answer, read from the master."""
    auto, written = 0.0, None
    for cell in read(REPO_ROOT / A1 / NB).cells:
        meta = nbgrader_meta(cell)
        if meta.get("grade") and meta.get("solution"):
            written = written or meta["grade_id"]
        elif meta.get("grade"):
            auto += float(meta.get("points", 0))
    return auto, written


class Api:
    """JupyterHub's REST API and the servers behind its proxy, with a token."""

    def __init__(self, url: str, token: str):
        self.url, self.token = url, token

    def call(self, method: str, path: str, body=None, form: dict | None = None, timeout: float = 60):
        headers = {"Authorization": f"token {self.token}"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
        return json.loads(text) if text.strip()[:1] in ("{", "[") else text

    def spawn(self, name: str, timeout: float = 120) -> "Api":
        """Start ``name``'s server and return an Api that acts as ``name`` on it."""
        try:
            self.call("POST", f"/hub/api/users/{name}/server")
        except urllib.error.HTTPError as error:
            assert error.code in (201, 202, 400), error.read()
        deadline = time.time() + timeout
        while not self.call("GET", f"/hub/api/users/{name}").get("servers", {}).get("", {}).get("ready"):
            assert time.time() < deadline, f"{name}'s server did not start"
            time.sleep(0.5)
        token = self.call("POST", f"/hub/api/users/{name}/tokens", {"note": "course hub test", "expires_in": 3600})
        return Api(f"{self.url}/user/{name}", token["token"])


def _runas(user: str, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups", *command],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def course_hub():
    assert os.geteuid() == 0, "the course hub test runs as root (it creates accounts and starts servers as them)"
    assert hub.PROXY.exists(), "configurable-http-proxy is missing: `make test` installs it (make hub-proxy)"
    scratch = Path(tempfile.mkdtemp(prefix="cmw-hub-", dir="/tmp"))
    scratch.chmod(0o755)
    state, homes = scratch / "state", scratch / "home"
    homes.mkdir()
    suffix = secrets.token_hex(2)
    people = {"instructor": f"cmw{suffix}i", "alice": f"cmw{suffix}a", "bob": f"cmw{suffix}b"}
    had_group = bool([g for g in grp.getgrall() if g.gr_name == hub.INSTRUCTORS_GROUP])
    roster = scratch / "roster.csv"
    roster.write_text("username,first_name,last_name,email,role\n"
                      f"{people['instructor']},Ines,Teacher,ines@example.org,instructor\n"
                      f"{people['alice']},Alice,Learner,alice@example.org,learner\n"
                      f"{people['bob']},Bob,Learner,bob@example.org,learner\n"
                      "Not A Name,Bad,Line,,learner\n")
    password = secrets.token_urlsafe(8)
    # The servers' Python environment is built once per checkout (build/ is git-ignored) when every account
    # can reach it, else in the scratch folder.
    runtime = REPO_ROOT / "build" / "hub-runtime" if hub._readable_by_everyone(REPO_ROOT) else scratch / "runtime"
    os.environ["CMW_HUB_RUNTIME"] = str(runtime)
    database = throwaway_postgres()
    try:
        gradebook = database.__enter__()["url"]["gradebook"]  # the class's gradebook, on PostgreSQL
        layout = hub.prepare(state, gradebook)
        result = hub.apply_roster(layout, hub.read_roster(roster), home_base=homes)
        port = free_port()
        url = hub.start(state, port=port, authenticator="dummy", gradebook_url=gradebook,
                        extra_env={"CMW_HUB_TESTING": "1", "CMW_HUB_TEST_PASSWORD": password})
        admin = Api(url, layout.admin_token.read_text().strip())
        yield {"url": url, "admin": admin, "people": people, "layout": layout, "homes": homes, "roster": result,
               "password": password, "gradebook": gradebook}
    finally:
        os.environ.pop("CMW_HUB_RUNTIME", None)
        hub.stop(state)
        database.__exit__(None, None, None)
        for name in people.values():
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        if not had_group:
            subprocess.run(["groupdel", hub.INSTRUCTORS_GROUP], capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)


def test_a_bad_roster_line_is_named_and_the_others_are_added(course_hub):
    result = course_hub["roster"]
    assert [p.username for p in result.people] == list(course_hub["people"].values())
    assert any("line 5" in problem and "not a valid user name" in problem for problem in result.problems), result.problems
    assert set(result.created) == set(course_hub["people"].values())


@pytest.fixture(scope="module")
def a_class(course_hub):
    """Release, fetch, submit, collect, grade, mark, feedback: the class's whole week, through the hub."""
    admin, people, layout = course_hub["admin"], course_hub["people"], course_hub["layout"]
    teacher = admin.spawn(people["instructor"])
    teacher.call("POST", f"/formgrader/api/assignment/{A1}/assign")
    released = teacher.call("POST", f"/formgrader/api/assignment/{A1}/release")
    assert isinstance(released, dict) and released.get("success"), str(released)[:3000]
    master = cells_by_id(read(REPO_ROOT / A1 / NB))
    listed = {}
    for learner in ("alice", "bob"):
        me = admin.spawn(people[learner])
        listed[learner] = me.call("GET", f"/assignments?course_id={COURSE}")
        me.call("POST", "/assignments/fetch", {"course_id": COURSE, "assignment_id": A1})
        path = f"/api/contents/{COURSE}/{A1}/{NB}"  # the exchange keeps one folder per course
        notebook = nbformat.from_dict(me.call("GET", path)["content"])
        if learner == "alice":  # alice answers everything as the master does; bob hands in the blank copy
            for cell in notebook.cells:
                meta = nbgrader_meta(cell)
                if meta.get("solution"):
                    cell.source = solution_source(master[meta["grade_id"]])
        me.call("PUT", path, {"type": "notebook", "format": "json", "content": notebook})
        submitted = me.call("POST", "/assignments/submit", {"course_id": COURSE, "assignment_id": A1})
        assert isinstance(submitted, dict) and submitted.get("success", True), submitted
    collected = teacher.call("POST", f"/formgrader/api/assignment/{A1}/collect")
    assert collected.get("success"), collected
    statuses = (layout.course / "reports" / A1 / "collect-status.csv").read_text()
    graded = subprocess.run([sys.executable, "-m", "autograder", "--root", str(layout.course), "grade", A1,
                             "--no-progress"], env=tool_env(), capture_output=True, text=True, timeout=900)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    auto, written = _master_points()
    marked = {}
    for notebook in teacher.call("GET", f"/formgrader/api/submitted_notebooks/{A1}/{NB.removesuffix('.ipynb')}"):
        for grade in teacher.call("GET", f"/formgrader/api/grades?submission_id={notebook['id']}"):
            if grade["name"] == written:
                score = 4 if notebook["student"] == people["alice"] else 0
                teacher.call("PUT", f"/formgrader/api/grade/{grade['id']}", {"manual_score": score, "extra_credit": 0})
        marked[notebook["student"]] = notebook["score"]
    feedback = subprocess.run([sys.executable, "-m", "autograder", "--root", str(layout.course), "feedback", A1],
                              env=tool_env(), capture_output=True, text=True, timeout=600)
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    released_feedback = teacher.call("POST", f"/formgrader/api/assignment/{A1}/release_feedback")
    assert released_feedback.get("success"), released_feedback
    for learner in ("alice", "bob"):
        Api(f"{course_hub['url']}/user/{people[learner]}", admin.call(
            "POST", f"/hub/api/users/{people[learner]}/tokens", {"note": "feedback"})["token"]).call(
            "POST", "/assignments/fetch_feedback", {"course_id": COURSE, "assignment_id": A1})
    return {"listed": listed, "graded": graded.stdout, "marked": marked, "auto": auto, "collect": statuses,
            "collect_log": collected.get("log", "")}


def test_learners_see_the_released_assignment_in_their_assignments_list(a_class):
    for learner, listing in a_class["listed"].items():
        names = {item["assignment_id"] for item in listing["value"]}
        assert A1 in names, (learner, listing)


def test_collected_work_is_graded_with_the_right_scores(a_class, course_hub):
    people = course_hub["people"]
    assert "2 submission(s): 2 graded, 0 with errors" in a_class["graded"], a_class["graded"]
    assert a_class["marked"][people["alice"]] == a_class["auto"] and a_class["marked"][people["bob"]] == 0
    assert not (course_hub["layout"].course / "gradebook.db").exists(), "the class's gradebook is on PostgreSQL"
    from nbgrader.api import Gradebook

    with Gradebook(course_hub["gradebook"]) as gradebook:
        assert gradebook.find_submission(A1, people["alice"]).score == a_class["auto"] + 4


def test_formgrader_collects_through_the_courses_checks(a_class, course_hub):
    """The Collect button runs autograder/collect.py: a status row per learner, each inbox folder its owner's."""

    rows = {row["student"]: row for row in csv.DictReader(a_class["collect"].splitlines())}
    for learner in ("alice", "bob"):
        assert rows[course_hub["people"][learner]]["status"] == "collected", rows
    assert "collected" in a_class["collect_log"], a_class["collect_log"]


def test_a_learner_cannot_read_another_learners_home_or_submission(a_class, course_hub):
    people, homes, layout = course_hub["people"], course_hub["homes"], course_hub["layout"]
    alice_copy = homes / people["alice"] / COURSE / A1 / NB
    assert alice_copy.exists()
    assert _runas(people["bob"], "cat", str(alice_copy)).returncode != 0
    assert _runas(people["bob"], "ls", str(layout.exchange / COURSE / "inbound")).returncode != 0
    assert _runas(people["bob"], "ls", str(layout.course)).returncode != 0, "the gradebook and masters are instructors' only"
    assert _runas(people["instructor"], "ls", str(layout.course)).returncode == 0


def test_each_learner_fetches_only_their_own_feedback(a_class, course_hub):
    people, homes = course_hub["people"], course_hub["homes"]
    for learner, other in (("alice", "bob"), ("bob", "alice")):
        pages = sorted((homes / people[learner] / COURSE / A1 / "feedback").rglob(NB.replace(".ipynb", ".html")))
        assert len(pages) == 1, pages
        html = pages[0].read_text()
        assert people[other] not in html and "BEGIN HIDDEN TESTS" not in html
    alice = next((homes / people["alice"] / COURSE / A1 / "feedback").rglob(NB.replace(".ipynb", ".html"))).read_text()
    assert f"{a_class['auto'] + 4:g}" in alice.replace(".0 ", " ")


def test_a_learner_logs_in_and_sees_the_assignments_tab(a_class, course_hub):
    from playwright.sync_api import sync_playwright

    from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

    name = course_hub["people"]["bob"]
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            page.goto(f"{course_hub['url']}/hub/login", timeout=60_000)
            page.fill("input[name=username]", name)
            page.fill("input[name=password]", course_hub["password"])
            page.click("[type=submit]")
            page.wait_for_url(f"**/user/{name}/lab**", timeout=90_000)
            page.wait_for_selector(".lm-MenuBar-itemLabel", timeout=90_000)
            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            page.locator(".lm-Menu-itemLabel", has_text="Assignment List").first.click()
            page.get_by_text(A1).first.wait_for(timeout=60_000)
            page.wait_for_timeout(500)
            menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
            page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
            nbgrader_menu = page.locator(".lm-Menu-itemLabel").all_inner_texts()
            page.keyboard.press("Escape")
            body = page.inner_text("body")
        finally:
            page.screenshot(path=str(ARTIFACTS / "hub-assignments.png"))
            browser.close()
    assert A1 in body
    assert "File" in menus
    assert [item for item in nbgrader_menu if item in ("Formgrader", "Formgrader (local)", "Create assignment",
                                                         "Course List", "Validate")] == [], nbgrader_menu
    assert "Assignment List" in nbgrader_menu
