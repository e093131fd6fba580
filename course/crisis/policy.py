"""Run a learner's response policy on crisis scenarios, headless, safely.

A policy is a function ``policy(state, post)`` that returns what to do:

* ``state`` is a :class:`~course.crisis.model.View` (minute, negative_per_hour, sentiment, trust,
  acknowledged, statement_posted, ...);
* ``post`` is the :class:`IncomingPost` that just arrived, or ``None`` once per clock step (a
  chance to act on time alone, e.g. post the statement after half an hour);
* the answer is an action name such as ``"acknowledge"``, or ``(action, reply_text)`` for a
  reply, or ``None`` / ``"stay_silent"`` to do nothing.

A policy that raises, runs too long or answers nonsense stops that run with score 0 and a
clear message: the grading run itself never crashes.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from course.crisis.model import ACTIONS, PER_POST, Debrief, Simulation, View, baseline, debrief
from course.crisis.scenario import Scenario, load_scenario


@dataclass(frozen=True)
class IncomingPost:
    """What a policy sees of a post (a copy: changing it changes nothing)."""

    id: int
    minute: int
    author: str
    followers: int
    kind: str
    text: str
    sentiment: float


class PolicyTimeout(Exception):
    pass


class InvalidDecision(ValueError):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupt the block after ``seconds`` (SIGALRM; in the main thread of a Unix process)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:  # e.g. a worker thread: run without an interrupt rather than not at all
        yield
        return

    def on_alarm(signum, frame):
        raise PolicyTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_decision(decision: Any, post: IncomingPost | None) -> tuple[str, str | None]:
    """Turn a policy's answer into (action, reply). Raise InvalidDecision with a helpful message."""
    reply = None
    if decision is None:
        return "stay_silent", None
    if type(decision) is tuple and len(decision) == 2 and type(decision[1]) in (str, type(None)):
        decision, reply = decision
    if type(decision) is not str:
        raise InvalidDecision(f"returned {decision!r} ({type(decision).__name__}), which is not an action; return an "
                              f"action name such as 'acknowledge', or (action, reply_text)")
    action = decision.strip().lower()
    if action not in ACTIONS:
        raise InvalidDecision(f"returned {decision!r}, which is not an action; the actions are: {', '.join(ACTIONS)}")
    if action in PER_POST and post is None:
        raise InvalidDecision(f"returned {action!r} when no post had arrived (post was None); "
                              f"per-post actions need a post")
    return action, reply


@dataclass(frozen=True)
class PolicyRun:
    scenario: str
    seed: int
    score: float
    error: str | None
    debrief: Debrief | None

    @property
    def ok(self) -> bool:
        return self.error is None


def _incoming(post) -> IncomingPost:
    return IncomingPost(post.id, post.minute, post.author, post.followers, post.kind, post.text, post.sentiment)


def run_policy(policy: Callable, scenario: Scenario | str, seed: int = 0, *, decision_seconds: float = 1.0,
               run_seconds: float = 10.0, baseline_sim: Simulation | None = None) -> PolicyRun:
    """Play ``scenario`` with ``policy`` deciding; return the score (0 on any fault, with the reason)."""
    if isinstance(scenario, str):
        scenario = load_scenario(scenario)
    sim = Simulation(scenario, seed)
    started = time.perf_counter()
    seen = 0
    where = "at the start"
    try:
        while True:
            arrivals = sim.feed[seen:]
            seen = len(sim.feed)
            for post in [*arrivals, None]:
                where = f"at minute {sim.state.minute}" + (f" (post {post.id} by {post.author})" if post else "")
                incoming = _incoming(post) if post is not None else None
                with time_limit(decision_seconds):
                    decision = policy(sim.view(), incoming)
                action, reply = parse_decision(decision, incoming)
                on_post = action in PER_POST or (action == "escalate" and post is not None)
                sim.act(action, post.id if on_post else None, reply)
                if time.perf_counter() - started > run_seconds:
                    raise PolicyTimeout(f"the whole run took longer than {run_seconds:g} s")
            if sim.done:
                break
            sim.advance()
    except PolicyTimeout as error:
        return PolicyRun(scenario.id, seed, 0.0, f"your policy {error} {where}: it may loop forever", None)
    except InvalidDecision as error:
        return PolicyRun(scenario.id, seed, 0.0, f"your policy {error} {where}", None)
    except Exception as error:  # the learner's code failed: report it, never crash the grading
        return PolicyRun(scenario.id, seed, 0.0, f"your policy raised {type(error).__name__}: {error} {where}", None)
    result = debrief(sim, baseline_sim)
    return PolicyRun(scenario.id, seed, result.score, None, result)


@dataclass(frozen=True)
class Evaluation:
    runs: tuple[PolicyRun, ...]

    @property
    def mean_score(self) -> float:
        return sum(r.score for r in self.runs) / len(self.runs) if self.runs else 0.0

    @property
    def errors(self) -> list[str]:
        return [f"{r.scenario} (seed {r.seed}): {r.error}" for r in self.runs if r.error]

    def by_scenario(self) -> dict[str, float]:
        totals: dict[str, list[float]] = {}
        for r in self.runs:
            totals.setdefault(r.scenario, []).append(r.score)
        return {k: sum(v) / len(v) for k, v in totals.items()}

    def share(self, predicate: Callable[[PolicyRun], bool]) -> float:
        return sum(1 for r in self.runs if predicate(r)) / len(self.runs) if self.runs else 0.0

    def summary(self) -> str:
        lines = [f"Mean score {self.mean_score:.1f} / 100 over {len(self.runs)} runs."]
        lines += [f"  {name}: {score:.1f}" for name, score in self.by_scenario().items()]
        if self.errors:
            lines.append(f"  {len(self.errors)} run(s) stopped with an error, e.g. {self.errors[0]}")
        return "\n".join(lines)


_BASELINES: dict[tuple[str, int], Simulation] = {}


def evaluate(policy: Callable, scenarios: Iterable[str | Scenario], seeds: Iterable[int], *,
             decision_seconds: float = 1.0, run_seconds: float = 10.0, stop_after_errors: int = 3) -> Evaluation:
    """Run ``policy`` on every scenario and seed. After a few faulty runs the rest score 0 without running."""
    loaded = [load_scenario(s) if isinstance(s, str) else s for s in scenarios]
    runs, errors = [], 0
    for scenario in loaded:
        for seed in seeds:
            if errors >= stop_after_errors:
                runs.append(PolicyRun(scenario.id, seed, 0.0, "not run: the policy failed repeatedly", None))
                continue
            key = (hashlib.sha256(repr(scenario).encode()).hexdigest(), seed)  # an edited file gets a new baseline
            if key not in _BASELINES:
                _BASELINES[key] = baseline(scenario, seed)
            run = run_policy(policy, scenario, seed, decision_seconds=decision_seconds, run_seconds=run_seconds,
                             baseline_sim=_BASELINES[key])
            errors += not run.ok
            runs.append(run)
    return Evaluation(tuple(runs))


def silent_policy(state: View, post: IncomingPost | None):
    """Do nothing at all (the baseline)."""
    return None


def first_word_within_hour(run: PolicyRun) -> bool:
    """True if the run said something in public (not a blank reply) within the first hour."""
    return run.debrief is not None and run.debrief.first_public_minute is not None and run.debrief.first_public_minute <= 60


def no_deleting_or_arguing(run: PolicyRun) -> bool:
    """True if the run never deleted or hid legitimate criticism and never argued."""
    if run.debrief is None:
        return False
    return not any(e.action in ("delete_comment", "moderate", "argue") and not e.helped for e in run.debrief.hurt)
