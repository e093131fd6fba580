"""What a self-paced learner meets in `make lab`: a quiet start, one link, and learner tools only.

The real launcher (`python -m course lab`, what `make lab` runs) starts the real JupyterLab on a
generated workbook; Debian's Chromium then looks at what the learner's menus and sidebar hold.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from jupyter_client import BlockingKernelClient, find_connection_file

from course import lab, workbook as wb
from course.nbgrader_cli import tool_env
from nbtools import free_port

INSTRUCTOR_COMMANDS = ["nbgrader:open-formgrader", "nbgrader:open-formgrader-local", "nbgrader:open-create-assignment",
                       "nbgrader:open-course-list", "nbgrader:open-assignment-list"]


def _env(where: Path) -> dict[str, str]:
    env = {**tool_env(), "JUPYTER_CONFIG_DIR": str(where / "jupyter-config")}
    env.pop("JUPYTER_CONFIG_PATH", None)
    return env


def test_a_self_paced_learner_has_no_exchange_but_a_class_learner_has(tmp_path):
    env = _env(tmp_path)
    assert not lab.exchange_configured(env)
    (tmp_path / "jupyter-config").mkdir()
    (tmp_path / "jupyter-config" / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(tmp_path / 'exchange')!r}\n")
    assert lab.exchange_configured(env)
    assert lab.learner_environment(tmp_path, env, with_exchange=True)["JUPYTER_CONFIG_PATH"].startswith(
        str(tmp_path / ".lab-config"))


@pytest.fixture(scope="module")
def learner_lab(tmp_path_factory):
    """`python -m course lab` on a fresh workbook: yields (link, what it printed up to the link, base URL, the
    terminal's file, which keeps growing)."""
    from conftest import make_course_root

    where = tmp_path_factory.mktemp("learner-lab")
    book = where / "workbook"
    wb.generate(book, make_course_root(where), ["module1_intro"])
    port = free_port()
    code = ("import sys; from pathlib import Path; from course.lab import main; "
            f"sys.exit(main(Path({str(book)!r}), '127.0.0.1', {port}, False, ('--LabApp.expose_app_in_browser=True',)))")
    out = (where / "terminal.txt").open("w+")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=subprocess.STDOUT, env=_env(where),
                               start_new_session=True)
    try:
        deadline = time.time() + 120
        while "Ctrl+C" not in (where / "terminal.txt").read_text():
            assert process.poll() is None, (where / "terminal.txt").read_text()
            assert time.time() < deadline, "the launcher printed no link in 120 s"
            time.sleep(0.3)
        printed = (where / "terminal.txt").read_text()
        link = re.search(r"http://\S+", printed).group(0)
        yield link, printed, f"http://127.0.0.1:{port}", where / "terminal.txt"
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        out.close()


def test_the_terminal_shows_one_link_and_no_server_noise(learner_lab):
    link, printed, base, _ = learner_lab
    assert link.startswith(base + "/lab/tree/module1_intro/") and "?token=" in link
    for noise in ("No nbgrader_config.py", "CRITICAL", "[C ", "[W ", "BuildBackendWarning", "Traceback"):
        assert noise not in printed, printed
    assert printed.strip().splitlines()[-1].startswith("="), "the link is the last thing the learner reads"
    assert urllib.request.urlopen(link, timeout=30).status == 200


def test_starting_a_kernel_adds_no_warning_to_the_terminal(learner_lab):
    """ipykernel warns in the terminal about every kernel that talks plain TCP; the learner's lab encrypts."""
    link, _, base, terminal = learner_lab
    token = link.split("?token=")[1]
    request = urllib.request.Request(f"{base}/api/kernels?token={token}", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    kernel = json.loads(urllib.request.urlopen(request, timeout=60).read())
    try:
        # talk to the kernel as the lab does, through its connection file (with its keys, if it has them)
        client = BlockingKernelClient(connection_file=find_connection_file(f"kernel-{kernel['id']}.json"))
        client.load_connection_file()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            reply = client.execute_interactive("1 + 1", timeout=30)
            assert reply["content"]["status"] == "ok"
        finally:
            client.stop_channels()
        connection = json.loads(Path(client.connection_file).read_text())
        assert connection.get("curve_secretkey"), "the learner's kernel talks plain TCP"
        time.sleep(1)  # what the kernel printed as it started has reached the terminal
    finally:
        urllib.request.urlopen(urllib.request.Request(f"{base}/api/kernels/{kernel['id']}?token={token}",
                                                      method="DELETE"), timeout=30)
    printed = terminal.read_text()
    for noise in ("without encryption", "WARNING", "[W "):
        assert noise not in printed, printed


def test_instructor_pages_are_not_served_to_a_learner(learner_lab):
    _, _, base, _ = learner_lab
    token = "?token=" + learner_lab[0].split("?token=")[1]
    for page in ("/formgrader", "/formgrader/api/assignments", "/courses", "/assignments"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + page + token, timeout=30)
        assert refused.value.code == 404, page


def test_the_learners_menus_hold_learner_tools_only(learner_lab):
    from playwright.sync_api import sync_playwright

    from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

    link, _, _, _ = learner_lab
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        try:
            page.goto(link, timeout=90_000)
            page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget", timeout=90_000)
            page.wait_for_timeout(1500)  # let every plugin that would add a menu or a tab do so
            commands = page.evaluate("(ids) => ids.filter(id => window.jupyterapp.commands.hasCommand(id))",
                                     INSTRUCTOR_COMMANDS)
            menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
            body = page.inner_text("body")
            page.screenshot(path=str(ARTIFACTS / "learner-lab.png"))
        finally:
            browser.close()
    assert commands == [], f"instructor commands in the learner's lab: {commands}"
    assert "File" in menus and not any("nbgrader" in m.lower() for m in menus), menus
    for text in ("Formgrader", "Create Assignment", "Course List", "Error fetching courses", "Validate",
                 "Jupyter news"):
        assert text not in body, text


def test_the_learners_environment_carries_no_test_tooling():
    from course.syllabus import REPO_ROOT

    def dry_run(target):  # what make would run if the environment had to be built again
        return subprocess.run(["make", "-n", "-W", "pyproject.toml", target], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout

    learner, tests = dry_run("setup"), dry_run("setup-test")
    assert "-e ." in learner and "[test]" not in learner, learner
    assert '-e ".[test,hub]"' in tests
