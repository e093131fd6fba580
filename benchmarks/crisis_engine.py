"""Benchmark: the crisis engine headless, grading throughput, and click-to-view time of the widget lab.

    .venv/bin/python benchmarks/crisis_engine.py        # or: make bench

Targets (issue: crisis simulations): grading a policy on 100 scenario runs takes under 5 s;
a click updates the view in under 100 ms in the kernel. Pinned to one core; results are
printed and saved to benchmarks/results/crisis_engine.json.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from course.crisis import CrisisLab, Simulation, evaluate, load_scenario, scenario_ids
from course.crisis import policy as policy_module

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from answer_keys.m4_policies import playbook as textbook_policy  # noqa: E402  the lab's model solution, not shipped

OUT = Path(__file__).resolve().parent / "results" / "crisis_engine.json"


def main() -> int:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    scenarios = [load_scenario(name) for name in scenario_ids()]

    # 1. raw engine: steps per second (no decisions)
    steps, start = 0, time.perf_counter()
    for scenario in scenarios:
        for seed in range(20):
            sim = Simulation(scenario, seed)
            while not sim.done:
                sim.advance()
                steps += 1
    engine_seconds = time.perf_counter() - start

    # 2. grading: a policy on 100 runs (5 scenarios x 20 seeds), baselines included (cold cache)
    policy_module._BASELINES.clear()
    start = time.perf_counter()
    result = evaluate(textbook_policy, scenarios, range(20))
    grading_seconds = time.perf_counter() - start
    assert len(result.runs) == 100 and not result.errors

    # 3. the widget: time from a click to the view updated (handler + redraw, in the kernel process)
    click_times, tick_times = [], []
    for seed in range(10):
        lab = CrisisLab("leaking_jackets", seed=seed)
        for action in ("acknowledge", "apologise", "post_statement"):
            t = time.perf_counter()
            lab.buttons[action].click()
            click_times.append(time.perf_counter() - t)
        while not lab.sim.done:
            t = time.perf_counter()
            lab.next_button.click()
            tick_times.append(time.perf_counter() - t)

    figures = {
        "engine_steps_per_second": round(steps / engine_seconds),
        "silent_runs_per_second": round(100 / engine_seconds, 1),
        "grading_100_runs_seconds": round(grading_seconds, 3),
        "graded_runs_per_second": round(100 / grading_seconds, 1),
        "mean_score_textbook_policy": round(result.mean_score, 1),
        "click_to_view_ms_median": round(statistics.median(click_times) * 1000, 2),
        "click_to_view_ms_max": round(max(click_times) * 1000, 2),
        "next_step_to_view_ms_median": round(statistics.median(tick_times) * 1000, 2),
        "next_step_to_view_ms_p95": round(sorted(tick_times)[int(0.95 * len(tick_times))] * 1000, 2),
    }
    print("| measure | value | target |")
    print("|---|---:|---|")
    print(f"| engine steps per second | {figures['engine_steps_per_second']:,} | |")
    print(f"| grading a policy on 100 runs | {figures['grading_100_runs_seconds']:.2f} s | < 5 s |")
    print(f"| graded runs per second | {figures['graded_runs_per_second']} | |")
    print(f"| click to view updated (median / max) | {figures['click_to_view_ms_median']} / {figures['click_to_view_ms_max']} ms | < 100 ms |")
    print(f"| next step to view updated (median / p95) | {figures['next_step_to_view_ms_median']} / {figures['next_step_to_view_ms_p95']} ms | < 100 ms |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"machine": platform.platform(), "python": platform.python_version(), "cores_used": 1,
                               **figures}, indent=1))
    print(f"saved {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
