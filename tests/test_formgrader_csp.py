"""Formgrader's Content-Security-Policy is a second barrier: a learner's script that gets into a formgrader page
or a feedback page past the sanitiser does not run, and formgrader still works (autograder/csp.py).

The sanitiser is switched off in the test's course root (the first barrier; see test_hostile_submissions.py for
it on), and the learner's script reaches the instructor's browser by three ways: the written answer, the
learner's name as it came from a class list (formgrader writes names into its page unescaped), and an HTML file
in the learner's graded folder (formgrader serves those on its own origin). In real Chromium: the policy is on
every formgrader response with a fresh nonce, nbgrader's own pages run with no violation, the instructor enters
a mark through the UI and it is saved, and none of the learner's scripts runs (each is reported as a violation;
the mark stays what the instructor gave).
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.parse
import urllib.request
from pathlib import Path

import nbformat
import pytest

from autograder.grading import grade_all
from course.nbgrader_cli import nbgrader
from nbtools import jupyter_server

ASSIGNMENT = "csp_check"
NOTEBOOK = "written"
RAN = "window.learnerScriptRan = true"
CLICK_FULL_CREDIT = ("setTimeout(function () { document.querySelectorAll('.full-credit').forEach(function (b) "
                     "{ b.click(); }); }, 300)")
ANSWER = (f'My answer.\n\n<img src="x" onerror="{RAN}; {CLICK_FULL_CREDIT}">\n\n'
          f'<script>{RAN}; {CLICK_FULL_CREDIT}</script>')
NAME = f'Learner<img src="y" onerror="{RAN}; {CLICK_FULL_CREDIT}">'
FILE = f"<html><body><p>Notes</p><script>{RAN};</script></body></html>"
SANITISER_OFF = "\nc.HTMLExporter.preprocessors = []\nc.HTMLExporter.sanitize_html = False\n"


def _master() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("Why does a community need rules? Answer below."),
                nbformat.v4.new_markdown_cell("Your answer here.")]
    nb.cells[1].metadata["nbgrader"] = {"solution": True, "grade": True, "task": False, "locked": False,
                                        "grade_id": "why_rules", "points": 2, "schema_version": 3}
    return nb


@pytest.fixture
def scripted_class(tmp_path):
    return build_class(tmp_path)


def build_class(tmp_path: Path) -> Path:
    """A course root with the sanitiser off and one graded submission carrying the learner's scripts."""
    from conftest import make_course_root
    from nbgrader.api import Gradebook

    root = make_course_root(tmp_path)
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(SANITISER_OFF)
    (root / "source" / ASSIGNMENT).mkdir()
    nbformat.write(_master(), str(root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"))
    nbgrader("generate_assignment", ASSIGNMENT, "--force", root=root)
    nb = nbformat.read(str(root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"), as_version=4)
    nb.cells[1].source = ANSWER
    (root / "submitted" / "scripter" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(nb, str(root / "submitted" / "scripter" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"))
    [outcome] = grade_all(root, ASSIGNMENT, workers=1, progress=False)
    assert outcome.status == "graded", outcome
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "community-management") as gradebook:
        gradebook.update_or_create_student("scripter", first_name="Sam", last_name=NAME)
    (root / "autograded" / "scripter" / ASSIGNMENT / "notes.html").write_text(FILE)
    return root


def _api(url: str, token: str, path: str):
    return json.loads(urllib.request.urlopen(f"{url}/formgrader/api/{path}{'&' if '?' in path else '?'}token={token}",
                                             timeout=10).read())


def _assert_policy(header: str | None) -> str:
    assert header, "the formgrader response has no Content-Security-Policy"
    directives = {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}
    script = directives["script-src"]
    assert [s for s in script if s.startswith("'nonce-")], header
    for forbidden in ("'unsafe-inline'", "'unsafe-eval'", "'self'", "*", "data:", "http:", "https:"):
        assert forbidden not in script, header
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"], header
    assert directives["frame-ancestors"] == ["'self'"], header
    return next(s for s in script if s.startswith("'nonce-"))


def test_a_learner_script_past_the_sanitiser_does_not_run_and_formgrader_still_works(scripted_class):
    from playwright.sync_api import sync_playwright

    root = scripted_class
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Chromium is missing: install Debian's chromium (make test does it)"
    feedback = start_feedback(root)  # while the server starts

    with jupyter_server("jupyter_server", root, root.parent, cwd=root) as (url, token), sync_playwright() as p:
        [submission] = _api(url, token, f"submitted_notebooks/{ASSIGNMENT}/{NOTEBOOK}")
        grades_path = f"grades?submission_id={submission['id']}"
        [grade] = [g for g in _api(url, token, grades_path) if g.get("max_score")]
        assert grade["manual_score"] is None
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
        try:
            page = browser.new_page()
            messages: list[str] = []
            page.on("console", lambda message: messages.append(message.text))

            def visit(path: str, ready: str) -> tuple[str, list[str]]:
                """Open a formgrader page; its policy's nonce and the CSP violations it reported."""
                nonlocal page_source
                response = page.goto(f"{url}/formgrader/{path}{'&' if '?' in path else '?'}token={token}")
                page.wait_for_selector(ready, timeout=20_000)  # nbgrader's own script did run
                page_source = response.text()
                nonce = _assert_policy(response.headers.get("content-security-policy"))
                return nonce, [m for m in messages if "Content Security Policy" in m]

            page_source = ""

            # nbgrader's own pages: no violation at all (the student's name is not on them)
            nonces = set()
            for path, ready in [("manage_assignments", f"#main-table td:has-text('{ASSIGNMENT}')"),
                                ("gradebook", f"#main-table a:has-text('{ASSIGNMENT}')"),
                                (f"gradebook/{ASSIGNMENT}", f"#main-table a:has-text('{NOTEBOOK}')"),
                                ("manage_students", "#main-table td:has-text('scripter')")]:
                messages.clear()
                nonce, violations = visit(path, ready)
                nonces.add(nonce)
                assert violations == [], (path, violations)
            assert len(nonces) == 4, "the nonce is not fresh per response"

            # the manual-grading page: the learner's script, handler and name are in it, and none of them runs
            messages.clear()
            nonce, violations = visit(f"submissions/{submission['id']}/", ".full-credit")
            sent = page_source
            assert "My answer." in sent and f"<script>{RAN}" in sent and f'onerror="{RAN}' in sent, \
                "the learner's script did not reach the page: the test would prove nothing"
            assert sent.count(f'<script nonce="{nonce.strip(chr(39)).removeprefix("nonce-")}"') > 5, sent[:2000]
            time.sleep(1.5)  # far more than the learner's scripts need
            assert page.evaluate("window.learnerScriptRan === undefined"), "a learner's script ran in formgrader"
            violations = [m for m in messages if "Content Security Policy" in m]
            assert sum("inline script" in m for m in violations) >= 1, messages
            assert sum("inline event handler" in m for m in violations) >= 2, messages  # the answer's, the name's
            assert _api(url, token, grades_path)[0]["manual_score"] is None, "a mark changed while the instructor looked"

            # formgrader works under the policy: the instructor's mark is entered in the UI and saved
            score = page.locator(f"#{grade['name']}")
            score.fill("1")
            score.press("Tab")
            deadline = time.time() + 15
            while _api(url, token, grades_path)[0]["manual_score"] != 1 and time.time() < deadline:
                time.sleep(0.3)
            assert _api(url, token, grades_path)[0]["manual_score"] == 1, "the mark entered in formgrader was not saved"
            page.locator("span.glyphicon-eye-open.name-hidden").click()  # nbgrader's own inline handler, by hash
            page.wait_for_selector("a.name-shown", state="visible", timeout=5_000)

            # a crafted link: formgrader puts the URL's student id into a trusted script and into the page
            messages.clear()
            crafted = f'x";{RAN};"<img src=z onerror="{RAN}">'
            visit(f"manage_students/{urllib.parse.quote(crafted, safe='')}", "#main-table")
            assert page.evaluate("window.student_id") == crafted, "nbgrader's script did not get the id as a string"
            time.sleep(0.5)
            assert page.evaluate("window.learnerScriptRan === undefined"), "a crafted link ran its script in formgrader"
            assert any("inline event handler" in m for m in messages), messages

            # a learner's HTML file served by formgrader from the graded folder
            messages.clear()
            response = page.goto(f"{url}/formgrader/submissions/{submission['id']}/notes.html?token={token}")
            _assert_policy(response.headers.get("content-security-policy"))
            assert "Notes" in page.content()
            time.sleep(1)
            assert page.evaluate("window.learnerScriptRan === undefined"), "a learner's HTML file ran its script"
            assert any("inline script" in m for m in messages), messages

            # the feedback page: the learner's script arrives as text (bleach, the first barrier); behind it the
            # page's <meta> policy forbids every script: one put into the file by hand does not run either, and
            # the page still renders, styled
            messages.clear()
            feedback_page = finish_feedback(feedback, root)
            written = feedback_page.read_text(encoding="utf-8")
            assert "My answer." in written and f"<script>{RAN}" not in written, "the learner's script reached feedback"
            feedback_page.write_text(written.replace("</body>", f"<script>{RAN}</script></body>"), encoding="utf-8")
            page.goto(feedback_page.as_uri())
            time.sleep(1)
            assert f"<script>{RAN}" in page.content()
            assert page.evaluate("window.learnerScriptRan === undefined"), "a script ran in the feedback page"
            assert any("Content Security Policy" in m for m in messages), messages
            assert "system-ui" in page.evaluate("getComputedStyle(document.body).fontFamily")  # its inline CSS applies
        finally:
            browser.close()
            if feedback.poll() is None:
                feedback.kill()
                feedback.wait()
        time.sleep(1)
        assert _api(url, token, grades_path)[0]["manual_score"] == 1, "the learner's script changed the mark"


def start_feedback(root: Path):
    import subprocess
    import sys

    from course.nbgrader_cli import tool_env

    return subprocess.Popen([sys.executable, "-m", "autograder", "--root", str(root), "feedback", ASSIGNMENT],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=tool_env())


def finish_feedback(process, root: Path) -> Path:
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output
    [page] = (root / "feedback" / "scripter" / ASSIGNMENT).glob("*.html")
    return page


# ---------------------------------------------------------------- the template rewriting itself (no browser)
def test_only_template_scripts_get_the_nonce_and_their_values_are_json_encoded():
    from jinja2 import Environment

    from autograder.csp import TemplateError, trust_scripts

    template = ('<script src="{{ base }}/a.js"></script><script>var id = "{{ sid }}"; var url = \'{{ base }}/x\';</script>'
                "<p>{{ answer }}</p>")
    environment = Environment()
    environment.globals["csp_nonce"] = lambda: "N0NCE"
    page = environment.from_string(trust_scripts(template, "t.tpl")).render(
        base="/b", sid='1";alert(1);"\\\n</script>', answer="<script>learner()</script>")
    assert page.count('<script nonce="N0NCE"') == 2
    assert 'var id = "1\\";alert(1);\\"\\\\\\n\\u003c/script\\u003e";' in page, page
    assert 'var url = "/b/x";' in page and "<p><script>learner()</script></p>" in page  # rendered values: no nonce
    for unsafe in ("<script>var n = {{ count }};</script>", "<script>{% if x %}go(){% endif %}</script>",
                   '<script>var s = "{{ a }}\\" + {{ b }};</script>'):
        with pytest.raises(TemplateError, match="t.tpl"):
            trust_scripts(unsafe, "t.tpl")


def test_feedback_policy_is_the_first_thing_in_the_head():
    from autograder.csp import FEEDBACK_POLICY, add_feedback_policy

    page = add_feedback_policy('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8" />\n<script src="x"></script>')
    assert page.startswith('<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Security-Policy" '
                           f'content="{FEEDBACK_POLICY}">\n<meta charset'), page
    assert add_feedback_policy(page) == page
    assert "script-src 'none'" in FEEDBACK_POLICY and "unsafe" not in FEEDBACK_POLICY.replace("'unsafe-inline'", "")
    with pytest.raises(ValueError, match="no <head>"):
        add_feedback_policy("<p>not a page</p>")


def test_the_hubs_instructor_servers_load_the_policy(tmp_path):
    from autograder import csp, hub

    hub._write_role_configs(hub.Layout(tmp_path), "sqlite:///gradebook.db")
    for role, on in (("instructor", True), ("learner", False)):
        config = json.loads((tmp_path / "config" / role / "jupyter_server_config.json").read_text())
        assert config["ServerApp"]["jpserver_extensions"]["autograder.csp"] is on, (role, config)
    assert csp._jupyter_server_extension_points() == [{"module": "autograder.csp"}]
