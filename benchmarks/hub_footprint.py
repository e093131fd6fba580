"""Memory and CPU per active learner on the course hub (run as root: it creates and removes accounts).

Starts the course hub in a scratch folder with N learner accounts, starts each learner's server and a
Python kernel in it that runs the first cells of lesson 1.1 (the course package, pandas and the check
machinery loaded), then measures the resident memory of each learner's processes and the hub's own, and
the CPU they use while idle. Writes benchmarks/results/hub_footprint.json.

    sudo .venv/bin/python benchmarks/hub_footprint.py --learners 6
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from autograder import hub  # noqa: E402

WARM_UP = "from course import setup_notebook\nsetup_notebook(quiet=True)\nfrom course.exercises.module1 import lesson1\nimport pandas, matplotlib.pyplot"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(url, token, method="GET", path="", body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        text = response.read().decode()
    return json.loads(text) if text.strip()[:1] in ("{", "[") else text


def _run_in_kernel(base: str, token: str, code: str) -> None:
    """Start a kernel on the learner's server and run ``code`` there through the kernel's websocket."""
    from websocket import create_connection

    kernel = _call(base, token, "POST", "/api/kernels", {"name": "python3"})
    ws = create_connection(base.replace("http", "ws") + f"/api/kernels/{kernel['id']}/channels", timeout=120,
                           header=[f"Authorization: token {token}"])
    msg_id = secrets.token_hex(8)
    ws.send(json.dumps({"header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "b", "session": "s",
                                   "version": "5.3"}, "parent_header": {}, "metadata": {}, "channel": "shell",
                        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                                    "allow_stdin": False}}))
    while True:
        reply = json.loads(ws.recv())
        if reply.get("msg_type") == "execute_reply" and reply["parent_header"].get("msg_id") == msg_id:
            assert reply["content"]["status"] == "ok", reply["content"]
            break
    ws.close()


def _rss_of_user(name: str) -> tuple[float, float]:
    uid = pwd.getpwnam(name).pw_uid
    procs = [p for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real == uid]
    rss = sum(p.memory_info().rss for p in procs)
    for p in procs:
        p.cpu_percent(None)
    time.sleep(5)
    cpu = sum(p.cpu_percent(None) for p in procs if p.is_running())
    return rss / 2**20, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=6)
    args = parser.parse_args()
    assert os.geteuid() == 0, "run as root (the hub starts each learner's server as that learner)"
    scratch = Path(tempfile.mkdtemp(prefix="cmw-hub-bench-", dir="/tmp"))
    scratch.chmod(0o755)
    (scratch / "home").mkdir()
    suffix = secrets.token_hex(2)
    names = [f"cmwb{suffix}{i}" for i in range(args.learners)]
    (scratch / "roster.csv").write_text("username,role\n" + "".join(f"{n},learner\n" for n in names))
    runtime = REPO / "build" / "hub-runtime" if hub._readable_by_everyone(REPO) else scratch / "runtime"
    os.environ["CMW_HUB_RUNTIME"] = str(runtime)
    try:
        layout = hub.prepare(scratch / "state")
        hub.apply_roster(layout, hub.read_roster(scratch / "roster.csv"), home_base=scratch / "home")
        url = hub.start(scratch / "state", port=_port(), authenticator="dummy",
                        extra_env={"CMW_HUB_TESTING": "1", "CMW_HUB_TEST_PASSWORD": secrets.token_hex(8)})
        admin = layout.admin_token.read_text().strip()
        hub_process = psutil.Process(hub.running_pid(layout))
        per_learner = []
        for name in names:
            started = time.time()
            _call(url, admin, "POST", f"/hub/api/users/{name}/server")
            while not _call(url, admin, "GET", f"/hub/api/users/{name}").get("servers", {}).get("", {}).get("ready"):
                time.sleep(0.3)
            spawn = time.time() - started
            token = _call(url, admin, "POST", f"/hub/api/users/{name}/tokens", {"note": "bench"})["token"]
            _run_in_kernel(f"{url}/user/{name}", token, WARM_UP)
            rss, cpu = _rss_of_user(name)
            per_learner.append({"learner": name, "spawn_seconds": round(spawn, 2), "rss_mib": round(rss, 1),
                                "idle_cpu_percent": round(cpu, 2)})
            print(per_learner[-1], flush=True)
        hub_rss = sum(p.memory_info().rss for p in [hub_process, *hub_process.children(recursive=True)]
                      if p.uids().real == 0) / 2**20
        result = {"learners": args.learners, "per_learner": per_learner,
                  "median_rss_mib": sorted(p["rss_mib"] for p in per_learner)[len(per_learner) // 2],
                  "median_spawn_seconds": sorted(p["spawn_seconds"] for p in per_learner)[len(per_learner) // 2],
                  "hub_and_proxy_rss_mib": round(hub_rss, 1), "cores": os.cpu_count(),
                  "machine_memory_gib": round(psutil.virtual_memory().total / 2**30, 1)}
        out = REPO / "benchmarks" / "results" / "hub_footprint.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(result, indent=1))
        print(json.dumps({k: v for k, v in result.items() if k != "per_learner"}, indent=1))
    finally:
        hub.stop(scratch / "state")
        for name in names:
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
