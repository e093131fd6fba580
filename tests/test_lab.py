"""`make lab` serves the generated workbook: start the real JupyterLab server on it and ask it."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from course import workbook as wb
from course.nbgrader_cli import tool_env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(module_course_root, tmp_path):
    book = tmp_path / "workbook"
    wb.generate(book, module_course_root, ["module1_intro"])
    port, token = _free_port(), "test-token"
    env = tool_env()
    env["JUPYTER_CONFIG_DIR"] = str(tmp_path / "jupyter-config")  # ignore the machine's own settings
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={book}", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False",
         "--ServerApp.allow_root=True"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail("JupyterLab exited:\n" + server.stdout.read())
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within 60 s")
    yield base, token
    server.terminate()
    server.wait(timeout=20)


def test_jupyterlab_opens_on_the_learner_workbook(lab):
    base, token = lab
    page = urllib.request.urlopen(f"{base}/lab?token={token}").read().decode()
    assert "JupyterLab" in page
    listing = json.load(urllib.request.urlopen(f"{base}/api/contents/module1_intro?token={token}"))
    names = {item["name"] for item in listing["content"]}
    assert "1.1-what-is-community-management.ipynb" in names and "1.4-assignment.ipynb" in names
    notebook = json.load(urllib.request.urlopen(f"{base}/api/contents/module1_intro/1.4-assignment.ipynb?token={token}"))
    assert "BEGIN SOLUTION" not in json.dumps(notebook["content"])
