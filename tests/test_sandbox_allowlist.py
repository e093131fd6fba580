"""The grading sandbox shows a kernel only an allowlist of the machine, and holds each kernel's memory and
processes in a control group of its own.

Real sandboxed kernels (:class:`autograder.sandbox.SandboxKernelManager`, as the grader starts them, as root),
real files planted where a learner's code might look, the machine's real cgroup hierarchy.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import uuid
from pathlib import Path

import pytest

from autograder import cgroups
from autograder.sandbox import SandboxKernelManager, availability, kernel_view
from course.syllabus import REPO_ROOT

SECRET = "not for learners"


@pytest.fixture(autouse=True, scope="module")
def sandbox_here():
    assert availability()[0], f"the test machine grades in the sandbox: {availability()[1]}"


def run_in_sandbox(own: Path, cells: list[str], **limits) -> tuple[list[dict], dict]:
    """Run ``cells`` in one sandboxed kernel working in ``own``; return the JSON each cell printed last, and what
    the grader saw of the kernel's control group (its folders while it ran, OOM kills, folders left after)."""

    async def run():
        manager = SandboxKernelManager(kernel_name="python3", **limits)
        await manager.start_kernel(cwd=str(own))
        group = manager.cgroup
        seen = {"folders": list(group.folders) if group else [],
                "limits": [Path(f, n).read_text().strip() for f, n in
                           zip(group.folders, ("memory.limit_in_bytes", "pids.max"))] if group else []}
        client = manager.client()
        client.start_channels()
        printed = []
        try:
            await client.wait_for_ready(timeout=120)
            for code in cells:
                out, errors = [], []

                def hook(msg, out=out, errors=errors):
                    if msg["msg_type"] == "stream":
                        (out if msg["content"]["name"] == "stdout" else errors).append(msg["content"]["text"])
                    elif msg["msg_type"] == "error":
                        errors.append(msg["content"]["ename"] + ": " + msg["content"]["evalue"])

                await client.execute_interactive(code, timeout=120, output_hook=hook)
                assert not errors, errors  # a warning on stderr would score nothing under nbgrader
                printed.append(json.loads("".join(out).strip().splitlines()[-1]))
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
        seen["oom_kills"] = group.oom_kills() if group else 0
        seen["left"] = [f for f in seen["folders"] if os.path.exists(f)]
        return printed, seen

    return asyncio.run(run())


# What a learner's code tries: every path must be unreadable (listing and reading).
PROBE = '''
import json, os
found = {}
for path in PATHS:
    try:
        found[path] = sorted(os.listdir(path)) if os.path.isdir(path) else open(path, "rb").read(200).decode(errors="replace")
    except OSError as error:
        found[path] = type(error).__name__
found["/"] = sorted(os.listdir("/"))
print(json.dumps(found))
'''
WORKS = '''
import json, os, sys, subprocess
import pandas, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import course
from course import setup_notebook
data = os.path.join(os.path.dirname(course.__file__), "data")
shipped = sorted(name for name in os.listdir(data) if not name.startswith("_"))
first = next(os.path.join(data, n) for n in shipped if os.path.isfile(os.path.join(data, n)))
figure, axes = plt.subplots()
axes.bar(["a", "b"], [1, 2])
figure.savefig("/tmp/chart.png")
frame = pandas.DataFrame({"when": pandas.to_datetime(["2026-01-01"]).tz_localize("Europe/Berlin")})
child = subprocess.run([sys.executable, "-c", "print('child')"], capture_output=True, text=True).stdout.strip()
open("my-notes.txt", "w").write("mine")
print(json.dumps({"data": len(shipped), "read": len(open(first, "rb").read()), "png": os.path.getsize("/tmp/chart.png"),
                  "tz": str(frame["when"][0].tz), "child": child, "own": open("my-notes.txt").read()}))
'''


@pytest.fixture
def planted():
    """A second checkout of the course outside the course (its masters and its git history), a file in root's and
    in /home's folders: all outside /tmp, so no scratch folder of the sandbox hides them by chance. Removed after."""
    tag = uuid.uuid4().hex[:8]
    second = Path(f"/srv/cmw-test-{tag}/other")
    places = [second.parent, Path(f"/root/cmw-test-{tag}"), Path(f"/home/cmw-test-{tag}")]
    try:
        shutil.copytree(REPO_ROOT / "module1_intro", second / "module1_intro")
        (second / ".git").mkdir()
        (second / ".git" / "HEAD").write_text(SECRET)
        for folder in places[1:]:
            folder.mkdir(parents=True)
            (folder / "secret.txt").write_text(SECRET)
        yield second, places
    finally:
        for folder in places:
            shutil.rmtree(folder, ignore_errors=True)


def test_the_kernel_sees_only_the_allowlist(tmp_path, planted):
    second, (_, in_root, in_home) = planted
    master = next(p.name for p in sorted((REPO_ROOT / "module1_intro").glob("*.ipynb")))
    paths = [str(second), str(second / "module1_intro" / master), str(second / ".git" / "HEAD"),
             str(in_root / "secret.txt"), str(in_home / "secret.txt"), "/root", "/home", "/etc/shadow",
             str(REPO_ROOT / ".git"), str(REPO_ROOT / "module1_intro" / master), str(REPO_ROOT / "tests"),
             str(REPO_ROOT / "README.md"), str(REPO_ROOT / "autograder" / "nbgrader_config.py"), "/work/main", "/srv"]
    own = tmp_path / "autograded" / "someone" / "module1_intro"  # the course under /tmp, as in CI
    own.mkdir(parents=True)
    (printed,), _ = run_in_sandbox(own, [f"PATHS = {paths!r}\n{PROBE}"])
    kept_tops = {Path(p).parts[1] for p in kernel_view()}
    for path in paths:
        seen = printed[path]
        # at most the folders leading to a kept path (the base interpreter's, or the course's own package and
        # environment where this checkout itself is one of the listed places)
        if path in ("/root", "/home") or Path(path) in (REPO_ROOT, *REPO_ROOT.parents):
            assert seen == "FileNotFoundError" or all(any(k == f"{path}/{n}" or k.startswith(f"{path}/{n}/") for k in kernel_view())
                                                      for n in seen), (path, seen)
        else:
            assert seen in ("FileNotFoundError", "PermissionError"), (path, seen)
    allowed = {"bin", "dev", "etc", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "tmp", "usr", "var"} | kept_tops
    assert set(printed["/"]) <= allowed, printed["/"]


def test_the_kernel_still_has_what_learners_code_needs(tmp_path):
    own = tmp_path / "autograded" / "someone" / "module1_intro"
    own.mkdir(parents=True)
    (printed,), _ = run_in_sandbox(own, [WORKS])
    assert printed["data"] > 0 and printed["read"] > 0 and printed["png"] > 1000, printed
    assert printed["tz"] == "Europe/Berlin" and printed["child"] == "child" and printed["own"] == "mine", printed
    assert (own / "my-notes.txt").read_text() == "mine"


CHILDREN = '''
import json, subprocess, sys
code = "import time; hold = b'x' * (150 * 1024**2); time.sleep(6)"
children = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(3)]  # 450 MB together
print(json.dumps({"ends": [child.wait() for child in children],
                  "groups": [line for line in open("/proc/self/cgroup").read().splitlines() if "cmw-kernel-" in line]}))
'''
THREADS = '''
import json, threading, time
started, stop = 0, threading.Event()
try:
    for _ in range(200):
        threading.Thread(target=stop.wait, daemon=True).start()
        started += 1
except RuntimeError:
    pass
stop.set()
print(json.dumps({"started": started}))
'''


def test_a_kernels_processes_together_are_held_by_its_own_control_group(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (children, threads), seen = run_in_sandbox(own, [CHILDREN, THREADS], max_memory=300 * 1024**2, max_processes=60)
    assert len(seen["folders"]) in (1, 2) and seen["limits"][0] == str(300 * 1024**2), seen
    assert -9 in children["ends"], children  # the OOM killer ended a child inside the group, nothing outside it
    assert seen["oom_kills"] >= 1, seen
    assert any(Path(f).name in line for line in children["groups"] for f in seen["folders"]), (children, seen)
    assert 0 < threads["started"] < 60, threads  # the kernel's own threads count too
    assert seen["left"] == [], "the kernel's control group outlived it"


def test_no_control_group_is_left_when_a_kernel_cannot_start(tmp_path):
    before = cgroups.existing()
    manager = SandboxKernelManager(kernel_name="python3", max_memory=300 * 1024**2, max_processes=60)
    with pytest.raises(OSError):
        asyncio.run(manager.start_kernel(cwd=str(tmp_path / "missing")))
    assert manager.removed_cgroup is not None, "the kernel had a control group"
    assert cgroups.existing() <= before, cgroups.existing() - before
