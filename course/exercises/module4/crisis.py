"""Lesson 4.3 -- the graded crisis-response policy.

Each question runs the learner's ``respond(state, post)`` policy on crisis scenarios with
:func:`course.crisis.evaluate` and judges the outcome. A policy that raises, loops or answers
nonsense is reported with the reason (never a crash); the hidden tests in the master notebook
run the same judgements on other seeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from course.checks import Feedback, Question, _show
from course.crisis import evaluate
from course.crisis.policy import Evaluation

PRACTICE = "leaking_jackets"
OTHERS = ("controversial_ad", "ride_app_outage", "privacy_scare", "ambassador_misconduct")


def first_word_within_hour(run) -> bool:
    return run.debrief is not None and run.debrief.first_public_minute is not None and run.debrief.first_public_minute <= 60


def no_deleting_or_arguing(run) -> bool:
    """True if the run never deleted legitimate criticism and never argued."""
    if run.debrief is None:
        return False
    return not any(e.action in ("delete_comment", "moderate", "argue") and not e.helped for e in run.debrief.hurt)


@dataclass
class PolicyQuestion(Question):
    """Run the policy on scenarios and seeds, then apply ``criterion`` to the evaluation."""

    scenarios: tuple[str, ...] = (PRACTICE,)
    seeds: tuple[int, ...] = (0, 1, 2)
    criterion: Callable[[Evaluation], str | None] = field(default=lambda e: None)

    def check(self, answer) -> None:
        """Like every check, plus the runs' summary under the explanation when the policy passes."""
        result = self._evaluate(answer)
        _show(Feedback("Correct!", f"{self.explanation}\n{result.summary()}", "correct"))

    def _verdict(self, answer) -> None:
        self._evaluate(answer)

    def _evaluate(self, answer) -> Evaluation:
        if answer is Ellipsis:
            raise self._not_attempted("respond")
        if not callable(answer):
            raise self._not_yet("respond should be a function: def respond(state, post): ...")
        result = evaluate(answer, self.scenarios, self.seeds)
        if result.errors:
            raise self._not_yet(f"{len(result.errors)} run(s) stopped: {result.errors[0]}")
        problem = self.criterion(result)
        if problem:
            raise self._not_yet(problem + "\n" + result.summary())
        return result


def _practice_score(result: Evaluation) -> str | None:
    if result.mean_score < 60:
        return (f"Your mean score on the practice scenario is {result.mean_score:.0f}; it needs 60. Read the debrief "
                f"of a run (play_once) to see what hurt.")
    return None


def _transfer_score(result: Evaluation) -> str | None:
    if result.mean_score < 55:
        weakest = min(result.by_scenario().items(), key=lambda kv: kv[1])
        return (f"Your mean score across the other scenarios is {result.mean_score:.0f}; it needs 55. The weakest is "
                f"{weakest[0]} ({weakest[1]:.0f}): does your policy depend on details of the jacket case?")
    return None


def _never_delete(result: Evaluation) -> str | None:
    bad = [r for r in result.runs if not no_deleting_or_arguing(r)]
    if bad:
        return (f"In {len(bad)} of {len(result.runs)} runs your policy deleted or hid legitimate criticism, or argued. "
                f"Negative is not the same as bad: answer criticism, moderate only abuse and spam.")
    return None


def _fast(result: Evaluation) -> str | None:
    share = result.share(first_word_within_hour)
    if share < 0.9:
        return f"Your policy said something in public within the hour in {share:.0%} of runs; it needs 90%."
    return None


runs_cleanly = PolicyQuestion(
    id="c43_runs_cleanly",
    seeds=(0, 1, 2),
    criterion=lambda result: None,
    hints=("Return an action name as text, e.g. return \"acknowledge\", or None to do nothing.",
           "post is None once per step: return a brand-wide action then, never a per-post one such as 'moderate'."),
    explanation="Your policy plays the practice scenario without errors.",
)

practice_score = PolicyQuestion(
    id="c43_practice_score",
    seeds=(0, 1, 2, 3, 4),
    criterion=_practice_score,
    hints=("Say something in public in the very first step: 'acknowledge' when post is None and nothing was said yet.",
           "Apologise when the brand is at fault (state.brand_at_fault), then post a statement with concrete steps.",
           "Answer each complaint and question personally, with a reply that uses the person's name."),
    explanation="Your policy handles the practice crisis well.",
)

transfer_score = PolicyQuestion(
    id="c43_transfer_score",
    scenarios=OTHERS,
    seeds=(0, 1),
    criterion=_transfer_score,
    hints=("Use what the state tells you (brand_at_fault, offending_content, media_pickup) instead of the jacket story.",
           "Pull the content only when state.offending_content is True; escalate press requests and legal threats."),
    explanation="Your policy carries over to crises it was not written for.",
)

never_delete = PolicyQuestion(
    id="c43_never_delete",
    scenarios=(PRACTICE, *OTHERS),
    seeds=(0,),
    criterion=_never_delete,
    hints=("Moderate only posts whose kind is 'abuse' or 'spam'.",
           "Complaints, questions, misinformation, press and legal posts are answered, never deleted or hidden."),
    explanation="Negative is not bad: you answered criticism and moderated only abuse and spam.",
)

responds_fast = PolicyQuestion(
    id="c43_responds_fast",
    scenarios=(PRACTICE, *OTHERS),
    seeds=(0, 1),
    criterion=_fast,
    hints=("The first time your policy is called, the crisis is already under way. Acknowledge then.",),
    explanation="You spoke within the hour every time.",
)


def play_once(policy, scenario: str = PRACTICE, seed: int = 0):
    """Play one run and show its debrief: what helped, what hurt, and the score."""
    from IPython.display import HTML, display

    from course.crisis import run_policy

    run = run_policy(policy, scenario, seed)
    if not run.ok:
        display(HTML(f"<b>The run stopped:</b> {run.error}"))
        return run
    d = run.debrief
    # brand-wide moves and mistakes first: they decide the outcome; replies to single posts after
    ordered = sorted(d.timeline, key=lambda e: (e.target != "" and e.helped, e.minute))
    items = "".join(f"<li>{'✅' if e.helped else '❌'} minute {e.minute}: {e.action} {e.target} — {e.note}</li>"
                    for e in ordered[:25])
    if len(ordered) > 25:
        items += f"<li>... and {len(ordered) - 25} more replies to single posts</li>"
    display(HTML(f"<b>{scenario}, seed {seed}: score {d.score:.0f} / 100</b> (trust {d.trust:.0f}, story reach "
                 f"{d.story_reach:,} vs {d.baseline_reach:,} if silent)<ul>{items}</ul>"))
    return run
