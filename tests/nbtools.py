"""Helpers for tests that read and edit notebooks, and start real Jupyter servers."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import nbformat

from course.nbgrader_cli import tool_env
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def jupyter_server(app: str, root_dir: Path, where: Path, *args: str, cwd: Path | None = None, env: dict | None = None):
    """Start a real Jupyter server (``app``: "jupyterlab" or "jupyter_server") on ``root_dir``; yield (base URL, token).

    Its settings live in ``where`` (the machine's own are ignored), its log in ``where/server.log``, shown if it fails.
    """
    import pytest

    port, token = free_port(), "test-token"
    log_path = Path(where) / "server.log"
    environment = {**tool_env(), "JUPYTER_CONFIG_DIR": str(Path(where) / "jupyter-config"), **(env or {})}
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", app, f"--ServerApp.root_dir={root_dir}", "--ServerApp.ip=127.0.0.1",
             f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False",
             "--ServerApp.allow_root=True", *args],
            cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    pytest.fail(f"the Jupyter server ({app}) did not start:\n{log_path.read_text()}")
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@contextmanager
def jupyterlab_for_browser(where: Path, folders: list[str]):
    """A learner workbook of ``folders`` generated in ``where`` and JupyterLab on it, set up for a browser test.

    Yields (base URL, token, workbook folder). Every cell is rendered (JupyterLab otherwise renders only cells
    near the viewport), the app is exposed as ``window.jupyterapp``, and the news and update prompts are off.
    """
    from course import workbook
    from course.nbgrader_cli import scratch_course_root

    book = Path(where) / "workbook"
    workbook.generate(book, scratch_course_root(Path(where)), folders)
    settings = Path(where) / "lab-settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True, exist_ok=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}')
    with jupyter_server("jupyterlab", book, where, "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
                        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                        env={"JUPYTERLAB_SETTINGS_DIR": str(settings)}) as (base, token):
        yield base, token, book
