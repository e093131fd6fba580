"""``make lab``: open JupyterLab on the learner's workbook, quietly, with learner tools only.

JupyterLab's own log goes to ``workbook/.lab.log``; the terminal shows one short banner with the
one link the learner needs. nbgrader's instructor parts (Formgrader, Create Assignment, Validate,
Course List) are switched off through ``deploy/learner-lab/``; the Assignments tab is kept only
where an nbgrader exchange is configured for this learner (a class), never for a self-paced one.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from course.syllabus import REPO_ROOT

LEARNER_CONFIG = REPO_ROOT / "deploy" / "learner-lab"


def start_page() -> str:
    """The first notebook of the course, the one the banner's link opens."""
    from course.syllabus import reading_order

    module, notebook = reading_order()[0]
    return f"{module.folder}/{notebook.file}"


def exchange_configured(env: dict[str, str] | None = None) -> bool:
    """True if an nbgrader exchange is set for this user (``c.Exchange.root`` in a config file Jupyter reads).

    The course's own instructor config (``autograder/nbgrader_config.py``) does not count: a learner
    running ``make lab`` next to it is self-paced.
    """
    code = ("from nbgrader.apps import NbGrader\n"
            "app = NbGrader()\n"
            "app.log.disabled = True\n"
            "app.load_config_file()\n"
            "print('yes' if 'root' in app.config.get('Exchange', {}) else 'no')\n")
    with tempfile.TemporaryDirectory() as empty:
        try:
            done = subprocess.run([sys.executable, "-c", code], cwd=empty, env=env, capture_output=True,
                                  text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return False
    return done.stdout.strip().endswith("yes")


def learner_environment(root: Path, base: dict[str, str] | None = None,
                        with_exchange: bool | None = None) -> dict[str, str]:
    """The environment JupyterLab runs in: the learner-tools configuration first on Jupyter's path."""
    env = dict(os.environ if base is None else base)
    if with_exchange is None:
        with_exchange = exchange_configured(env)
    config = LEARNER_CONFIG if not with_exchange else _class_config(Path(root) / ".lab-config")
    paths = [str(config)] + [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    if "JUPYTERLAB_SETTINGS_DIR" not in env:
        env["JUPYTERLAB_SETTINGS_DIR"] = str(_settings(Path(root) / ".jupyterlab-settings"))
    return env


def _settings(folder: Path) -> Path:
    """The course's JupyterLab settings (kept in the workbook): no news or update prompts in lessons."""
    notification = folder / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    if not notification.exists():  # the learner's own later changes are kept
        notification.parent.mkdir(parents=True, exist_ok=True)
        notification.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    return folder


def _class_config(folder: Path) -> Path:
    """A copy of the learner settings that keeps the Assignments tab and its server extension."""
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    server = json.loads((LEARNER_CONFIG / "jupyter_server_config.json").read_text())
    server["ServerApp"]["jpserver_extensions"]["nbgrader.server_extensions.assignment_list"] = True
    (folder / "jupyter_server_config.json").write_text(json.dumps(server))
    page = json.loads((LEARNER_CONFIG / "labconfig" / "page_config.json").read_text())
    page["disabledExtensions"]["@jupyter/nbgrader:assignment-list"] = False
    (folder / "labconfig" / "page_config.json").write_text(json.dumps(page))
    return folder


def free_port(ip: str, wanted: int) -> int:
    """``wanted`` if it is free, else the next free port above it."""
    for port in range(wanted, wanted + 50):
        with socket.socket() as probe:
            try:
                probe.bind((ip if ip != "0.0.0.0" else "", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"No free port between {wanted} and {wanted + 49}: run `make lab PORT=...` with another port.")


def command(root: Path, ip: str, port: int, token: str, open_browser: bool, extra: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}", f"--ServerApp.ip={ip}",
            f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
            f"--ServerApp.open_browser={open_browser}", f"--ServerApp.allow_root={os.geteuid() == 0}",
            "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", *extra]


def wait_until_ready(url: str, process: subprocess.Popen, timeout: float = 120) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            return False
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except OSError:
            time.sleep(0.3)
    return False


def banner(link: str, log: Path, port_note: str = "") -> str:
    rule = "=" * 72
    lines = ["", rule, "  Your workbook is open in JupyterLab. Open this link in your browser:", "",
             f"  {link}", ""]
    if port_note:
        lines.append(f"  ({port_note})")
    lines += ["  Stop JupyterLab with Ctrl+C. Its log is in " + str(log) + ".", rule, ""]
    return "\n".join(lines)


def main(root: Path, ip: str = "127.0.0.1", port: int = 8888, open_browser: bool | None = None,
         extra: tuple[str, ...] = ()) -> int:
    """Start JupyterLab on ``root``, print the banner once it answers, and wait until it stops."""
    root = Path(root).resolve()
    if open_browser is None:
        open_browser = bool(os.environ.get("DISPLAY") or os.environ.get("BROWSER"))
    chosen = free_port(ip, port)
    note = f"port {port} is taken, so JupyterLab uses {chosen}" if chosen != port else ""
    token = secrets.token_hex(16)
    log_path = root / ".lab.log"
    env = learner_environment(root)
    with log_path.open("w") as log:
        process = subprocess.Popen(command(root, ip, chosen, token, open_browser, extra), stdout=log,
                                   stderr=subprocess.STDOUT, env=env, cwd=root)
    host = "127.0.0.1" if ip in ("0.0.0.0", "") else ip
    if not wait_until_ready(f"http://{host}:{chosen}/api/status?token={token}", process):
        process.terminate()
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-25:])
        print(f"JupyterLab did not start. The end of its log ({log_path}):\n{tail}", file=sys.stderr)
        return 1
    shown_host = "<this server's address>" if ip == "0.0.0.0" else host
    print(banner(f"http://{shown_host}:{chosen}/lab/tree/{start_page()}?token={token}", log_path, note), flush=True)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        print("JupyterLab stopped. Your work is saved in workbook/.")
        return 0
