"""Benchmark: stock sequential `nbgrader autograde` against `python -m autograder grade`, in one run.

    .venv/bin/python benchmarks/autograde_throughput.py --learners 12 36 60

Builds a synthetic class for Assignment 1 (a mix of right, blank and faulty submissions) of each size,
grades it once with stock nbgrader and once with the parallel grader (one worker per core), and reports
the ratio per size, the fixed start-up (seconds before the first learner) and the marginal cost per
learner of each (the line through the smallest and largest class). It also times a
bare kernel execution of the same notebook with nbclient to show the per-notebook overhead. The
sandbox's own cost is shown twice: the whole class graded with and without it, and the median round
trip of one kernel (start, first cell, shut down) with and without it.
Targets: with the sandbox on, on the 2-core CI machine, at least 1.7x stock for 12 learners and 2.3x for
36, and a sandbox overhead under 15%. Results are printed and saved to benchmarks/results/autograde_throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.grading import grade_all
from autograder.sandbox import availability
from course.nbgrader_cli import nbgrader, scratch_course_root as make_root
from course.syllabus import REPO_ROOT

ASSIGNMENT, NOTEBOOK = "module1_intro", "1.4-assignment.ipynb"
OUT = Path(__file__).resolve().parent / "results" / "autograde_throughput.json"


def class_of(root: Path, learners: int) -> None:
    release = nbformat.read(str(root / "release" / ASSIGNMENT / NOTEBOOK), as_version=4)
    master = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(str(REPO_ROOT / ASSIGNMENT / NOTEBOOK), 4).cells
              if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}
    for i in range(learners):
        nb = nbformat.from_dict(json.loads(json.dumps(release)))
        kind = ("right", "right", "blank", "faulty")[i % 4]
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution") and cell.cell_type == "code":
                if kind == "right":
                    cell.source = re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*$\n?", "", master[meta["grade_id"]], flags=re.M)
                elif kind == "faulty":
                    cell.source = "raise RuntimeError('broken')"
        folder = root / "submitted" / f"learner{i:03d}" / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / NOTEBOOK))


def bare_kernel_seconds(repeats: int) -> float:
    nb = nbformat.read(str(REPO_ROOT / ASSIGNMENT / NOTEBOOK), as_version=4)
    times = []
    for _ in range(repeats):
        copy = nbformat.from_dict(json.loads(json.dumps(nb)))
        start = time.perf_counter()
        NotebookClient(copy, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO_ROOT / ASSIGNMENT)}}).execute()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def kernel_round_trip_seconds(sandboxed: bool, repeats: int, course_root: Path) -> float:
    """Median time to start a kernel, run the assignment's first cell and shut it down (how the sandbox's cost arises)."""
    import asyncio
    import shutil

    from jupyter_client.manager import AsyncKernelManager

    from autograder.sandbox import ENV_ROOT, SandboxKernelManager

    runtime = tempfile.mkdtemp(prefix="cmwk-")
    os.environ["JUPYTER_RUNTIME_DIR"], os.environ[ENV_ROOT] = runtime, str(course_root)
    own = course_root / "autograded" / "bench" / ASSIGNMENT
    own.mkdir(parents=True, exist_ok=True)

    async def once() -> float:
        manager = (SandboxKernelManager(kernel_name="python3") if sandboxed else
                   AsyncKernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(runtime, "plain")))
        start = time.perf_counter()
        await manager.start_kernel(cwd=str(own))
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        await client.execute_interactive("from course import setup_notebook\nsetup_notebook()", timeout=60)
        client.stop_channels()
        await manager.shutdown_kernel()
        return time.perf_counter() - start

    try:
        times = [asyncio.run(once()) for _ in range(repeats)]
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    return sorted(times)[len(times) // 2]


def grade_class(tmp: Path, learners: int, workers: int, sandbox: bool) -> dict:
    """One class of ``learners`` graded by stock nbgrader and by ours (sandbox as given): seconds for each."""
    roots = {name: make_root(tmp / f"{name}-{learners}") for name in ("stock", "ours")}
    for root in roots.values():
        nbgrader("generate_assignment", ASSIGNMENT, "--force", root=root)
        class_of(root, learners)
    start = time.perf_counter()
    nbgrader("autograde", ASSIGNMENT, root=roots["stock"])
    stock = time.perf_counter() - start
    start = time.perf_counter()
    outcomes = grade_all(roots["ours"], ASSIGNMENT, workers=workers, progress=True, sandbox=sandbox)
    ours = time.perf_counter() - start
    assert all(o.status == "graded" for o in outcomes), [o for o in outcomes if o.status != "graded"]
    return {"stock": stock, "ours": ours, "root": roots["ours"]}


def fixed_and_marginal(times: dict[int, float]) -> tuple[float, float]:
    """Seconds before the first learner and seconds per extra learner, from the line through the smallest and
    largest class."""
    small, large = min(times), max(times)
    marginal = (times[large] - times[small]) / (large - small)
    return times[small] - marginal * small, marginal


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, nargs="+", default=[12, 36, 60],
                        help="class sizes to grade (the fixed and marginal costs come from the smallest and largest)")
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args(argv)
    sizes = sorted(set(args.learners))
    sandbox_on = availability()[0]
    with tempfile.TemporaryDirectory() as tmp:
        runs = {n: grade_class(Path(tmp), n, args.workers, sandbox_on) for n in sizes}
        largest = sizes[-1]
        plain_root = make_root(Path(tmp) / "plain")
        nbgrader("generate_assignment", ASSIGNMENT, "--force", root=plain_root)
        class_of(plain_root, largest)
        start = time.perf_counter()
        grade_all(plain_root, ASSIGNMENT, workers=args.workers, progress=True, sandbox=False)
        ours_plain = time.perf_counter() - start
        sandbox_kernel = kernel_round_trip_seconds(True, 9, runs[largest]["root"]) if sandbox_on else None
        plain_kernel = kernel_round_trip_seconds(False, 9, runs[largest]["root"])
    bare = bare_kernel_seconds(5)
    ours = runs[largest]["ours"]
    figures = {"workers": args.workers, "sandbox": "on" if sandbox_on else f"off ({availability()[1]})"}
    for n in sizes:
        figures.update({f"stock_seconds_{n}": round(runs[n]["stock"], 1), f"ours_seconds_{n}": round(runs[n]["ours"], 1),
                        f"throughput_ratio_{n}": round(runs[n]["stock"] / runs[n]["ours"], 2)})
    if len(sizes) > 1:
        for who in ("stock", "ours"):
            fixed, marginal = fixed_and_marginal({n: runs[n][who] for n in sizes})
            figures[f"{who}_fixed_startup_seconds"] = round(fixed, 1)
            figures[f"{who}_marginal_seconds_per_learner"] = round(marginal, 2)
    per_notebook_ours = ours * args.workers / largest
    figures.update({
        f"ours_submissions_per_minute_{largest}": round(largest / ours * 60, 1),
        "bare_kernel_seconds_per_notebook": round(bare, 2),
        "ours_seconds_per_notebook_per_worker": round(per_notebook_ours, 2),
        f"ours_without_sandbox_seconds_{largest}": round(ours_plain, 1),
        "sandbox_overhead": round(ours / ours_plain - 1, 3),
        "kernel_round_trip_seconds_plain": round(plain_kernel, 3),
        "kernel_round_trip_seconds_sandboxed": round(sandbox_kernel, 3) if sandbox_kernel else None,
        "sandbox_cost_per_kernel_seconds": round(sandbox_kernel - plain_kernel, 3) if sandbox_kernel else None,
    })
    print("| measure | value |\n|---|---:|")
    for key, value in figures.items():
        print(f"| {key.replace('_', ' ')} | {value} |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"machine": platform.platform(), "python": platform.python_version(), **figures}, indent=1))
    print(f"saved {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
