"""The graded crisis-response policy lab (4.3b): form checks, the debrief of one run, a comparison helper.

A learner answers with a function ``respond(state, post)`` or with rule tables (see
:mod:`course.crisis.table`). The visible checks here check **form only**: the answer is given,
becomes a policy, and plays one practice run to the end with valid decisions. They never say
whether the policy is good. How well it handles the crises is decided by the hidden tests of
the master notebook, which play it on other seeds and scenarios (:func:`course.crisis.evaluate`)
against thresholds that live only there. Formative feedback comes from :func:`play_once`, the
debrief of a run the learner chooses.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from course.checks import Feedback, NotAttempted, Question, Verdict, _show, is_template
from course.crisis import evaluate, run_policy
from course.crisis.policy import first_word_within_hour, no_deleting_or_arguing
from course.crisis.report import decisions_html, notes_html
from course.crisis.table import TableError, as_policy, policy_from_table

PRACTICE = "leaking_jackets"
OTHERS = ("controversial_ad", "ride_app_outage", "privacy_scare", "ambassador_misconduct")

__all__ = ["PRACTICE", "OTHERS", "policy_ready", "graded_later", "play_once", "evaluate", "as_policy",
           "policy_from_table", "first_word_within_hour", "no_deleting_or_arguing"]


@dataclass
class PolicyForm(Question):
    """The answer is a policy (function or tables) that plays one practice run cleanly. Form only."""

    scenario: str = PRACTICE
    seed: int = 0

    def _verdict(self, answer: Any) -> None:
        policy = _policy_or_raise(self, answer)
        run = run_policy(policy, self.scenario, self.seed)
        if not run.ok:
            raise self._not_yet(f"The practice run stopped: {run.error}.")


def _policy_or_raise(question: Question, answer: Any):
    if answer is Ellipsis or is_template(answer):
        raise NotAttempted("Fill in the replies table (or write def respond(state, post): ...), then run this "
                           "cell again.", question.id)
    try:
        return as_policy(answer)
    except TableError as error:
        raise question._not_yet(f"The table cannot become a policy yet: {error}.") from None


policy_ready = PolicyForm(
    id="c43_runs_cleanly",
    # A graded part: the check shows what is missing and never raises (Run All reaches the end); the hidden
    # tests score a policy that cannot run as 0 at grading time.
    hints=("Every row needs a post kind, an action ('reply', 'offline', 'moderate' or 'escalate') and, for a "
           "'reply', the reply text in quotes. Write {name} where the author's name should go.",
           "Writing a function instead? Return an action name as text, or ('respond_individually', text), or None. "
           "When post is None, return only a brand-wide move (or None)."),
    explanation="Your policy plays the practice crisis to the end with valid decisions. That is all this check "
    "looks at: how well it handles the crises is graded after you hand in. Use play_once to read its debrief.",
)


class GradedLater:
    """The visible side of a part graded after hand-in: checks only that an answer exists, says nothing of its quality."""

    def check(self, answer: Any, part: str) -> None:
        verdict = policy_ready.verdict(answer)
        if verdict.status == Verdict.NOT_ATTEMPTED:
            _show(Feedback("Not attempted yet", verdict.message, "blank"))
            return
        if not verdict.correct:
            _show(Feedback(f"Part {part}: the policy cannot be graded yet", verdict.message, "wrong"))
            return
        _show(Feedback(f"Part {part} is graded after you hand in",
                       "Your policy is in. This part is scored on crises and seeds you have not seen; the debriefs "
                       "of play_once are the way to judge it before then.", "info"))


graded_later = GradedLater()


def play_once(policy, scenario: str = PRACTICE, seed: int = 0):
    """Play one run and show its debrief: what helped, what hurt, the score, and each decision point of the scenario."""
    from IPython.display import HTML, display

    try:
        policy = as_policy(policy)
    except TableError as error:
        display(HTML(f"<b>The table cannot become a policy yet:</b> {error}"))
        return None
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
    lessons = "".join(f"<li>{line}</li>" for line in d.lessons())
    missed = "".join(f"<li>{html.escape(line)}</li>" for line in d.missed)
    display(HTML(f"<b>{scenario}, seed {seed}: score {d.score:.0f} / 100</b> (trust {d.trust:.0f}, story reach "
                 f"{d.story_reach:,} vs {d.baseline_reach:,} if silent)<ul>{items}</ul>"
                 + (f"<b>Where the points went</b><ul>{missed}</ul>" if missed else "")
                 + (f"<b>Lessons to revisit</b><ul>{lessons}</ul>" if lessons else "")
                 + decisions_html(d) + notes_html(d)))
    return run
