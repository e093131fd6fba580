"""Benchmark: how long `make grade` (``python -m course grade``) takes for one module, and where the time goes.

    .venv/bin/python benchmarks/selfgrade_time.py --runs 3
    .venv/bin/python benchmarks/selfgrade_time.py --runs 3 --baseline /tmp/older-checkout   # compare a checkout

Makes a learner workbook for Module 1 in a temporary folder (reference answers, one question left
blank), then times the real command several times: the first run builds the learner's scratch course
(``workbook/.grading/``), the others reuse it, as a learner's second ``make grade`` does. The phases
are timed in a child process: start-up imports, the scratch course, grading (kernel start and the notebook,
nbgrader's gradebook writes) and the feedback pages. ``--baseline`` times ``python -m course grade`` of
another checkout of the course the same way (its workbook/ gets a copy of the same answers).
The machine may be shared: the minimum of the runs is what is compared. Target: under 15 s per module.
Results are printed and saved to benchmarks/results/selfgrade_time.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODULE = "module1_intro"
BLANK = "a1_word_of_mouth"
OUT = Path(__file__).resolve().parent / "results" / "selfgrade_time.json"
REPO = Path(__file__).resolve().parent.parent


def make_workbook(where: Path) -> Path:
    """A Module 1 workbook with the reference answers, one question left blank."""
    import nbformat

    from course.nbgrader_cli import scratch_course_root
    from course.workbook import generate

    book = where / "workbook"
    generate(book, scratch_course_root(where / "release"), [MODULE])
    for path in (book / MODULE).glob("*.ipynb"):
        master = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(str(REPO / MODULE / path.name), 4).cells
                  if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution") and cell.cell_type == "code" and meta["grade_id"] != BLANK:
                cell.source = re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", "", master[meta["grade_id"]], flags=re.M)
        nbformat.write(nb, str(path))
    return book


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    run = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0 or "Autograded score" not in run.stdout:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{run.stdout}\n{run.stderr}")
    return seconds


def import_seconds() -> float:
    code = ("import time; t = time.perf_counter()\n"
            + "import nbformat, nbgrader.apps, autograder.grading, autograder.feedback\n"
              "print(time.perf_counter() - t)")
    return float(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.split()[-1])


def phases(book: Path) -> dict[str, float]:
    """Run in a child process: the phases of one warm run, in this process."""
    started = time.perf_counter()
    from nbgrader.api import Gradebook

    from autograder.feedback import generate_feedback
    from autograder.grading import busy_db_url, grade_one
    from course import selfgrade
    from course.nbgrader_cli import tool_env
    from course.syllabus import module

    os.environ["PATH"] = tool_env()["PATH"]
    out = {"imports": time.perf_counter() - started}
    step = time.perf_counter()
    root = selfgrade.scratch_course(module(MODULE), book)
    with Gradebook(busy_db_url(root)) as gradebook:
        gradebook.update_or_create_student(selfgrade.LEARNER_ID)
    selfgrade._submit(module(MODULE), book, root, selfgrade.LEARNER_ID)
    out["scratch course (kept from the first run) and hand-in"] = time.perf_counter() - step
    step = time.perf_counter()
    outcome = grade_one(str(root), MODULE, selfgrade.LEARNER_ID, sandbox=False)
    out["grading: nbgrader Autograde (kernel, notebook, gradebook)"] = time.perf_counter() - step
    assert outcome.status == "graded", outcome
    step = time.perf_counter()
    generate_feedback(root, MODULE, [selfgrade.LEARNER_ID])
    out["feedback pages"] = time.perf_counter() - step
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="warm runs of the command (default 3)")
    parser.add_argument("--baseline", type=Path, help="another checkout of the course to time the same way")
    parser.add_argument("--phases", type=Path, help=argparse.SUPPRESS)  # internal: the child process
    args = parser.parse_args()
    if args.phases:
        print(json.dumps(phases(args.phases)))
        return
    results: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores",
                     "load average at start": os.getloadavg()[0], "module": MODULE}
    with tempfile.TemporaryDirectory(prefix="selfgrade-bench-") as tmp:
        book = make_workbook(Path(tmp))
        command = [sys.executable, "-m", "course", "grade", MODULE, "--workbook", str(book)]
        results["first run (builds the scratch course)"] = timed(command, REPO)
        warm = [timed(command, REPO) for _ in range(args.runs)]
        results["warm runs"] = warm
        results["min warm run"] = min(warm)
        results["phases of a warm run"] = json.loads(subprocess.run(
            [sys.executable, __file__, "--phases", str(book)], cwd=REPO, capture_output=True, text=True,
            check=True).stdout.splitlines()[-1])
        results["start-up imports"] = min(import_seconds() for _ in range(2))
        if args.baseline:
            base = args.baseline.resolve()
            shutil.rmtree(base / "workbook", ignore_errors=True)
            shutil.copytree(book, base / "workbook")
            env = {**os.environ, "PYTHONPATH": str(base)}
            baseline = [timed([sys.executable, "-m", "course", "grade", MODULE], base, env)
                        for _ in range(args.runs)]
            results["baseline runs"] = baseline
            results["min baseline run"] = min(baseline)
            results["speed-up (min baseline / min warm run)"] = min(baseline) / min(warm)
    results["load average at end"] = os.getloadavg()[0]
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(results, indent=1))
    for key, value in results.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for name, seconds in value.items():
                print(f"  {name:<58} {seconds:6.1f} s")
        elif isinstance(value, list):
            print(f"{key:<60} " + ", ".join(f"{v:.1f}" for v in value) + " s")
        elif isinstance(value, float):
            print(f"{key:<60} {value:6.2f}")
        else:
            print(f"{key:<60} {value}")
    print(f"saved to {OUT}")


if __name__ == "__main__":
    main()
