"""Teaching helpers for lesson 4.3 and its lab: the first-hour chart and the brand-wide-moves comparison.

They keep plotting and bookkeeping out of the notebooks, where a learner would only scroll past it.
"""

from __future__ import annotations

from course.crisis.model import Simulation
from course.crisis.policy import evaluate
from course.crisis.scenario import load_scenario

FIRST_WORD_RUNS = ((0, "acknowledged at once", "#2e7d32"), (120, "acknowledged after two hours", "#ef6c00"),
                   (None, "silent", "#c62828"))


def negative_mentions(scenario: str, first_word_at: int | None, seed: int = 3) -> tuple[list[int], list[float]]:
    """Minutes and negative mentions per hour of one run that acknowledges at ``first_word_at`` (or never)."""
    sim = Simulation(load_scenario(scenario), seed=seed)
    while not sim.done:
        if sim.state.minute == first_word_at:
            sim.act("acknowledge")
        sim.advance()
    return [h["minute"] for h in sim.history], [h["negative_per_hour"] for h in sim.history]


def first_word_chart(scenario: str = "leaking_jackets", seed: int = 3):
    """The same crisis and seed three times; only the minute of the first public word changes."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.5))
    for first_word_at, label, colour in FIRST_WORD_RUNS:
        minutes, per_hour = negative_mentions(scenario, first_word_at, seed)
        ax.plot(minutes, per_hour, label=label, color=colour, linewidth=2)
    ax.set_xlabel("minutes since the first complaint")
    ax.set_ylabel("negative mentions per hour")
    ax.set_title(f"{load_scenario(scenario).title}: one public word, at different times")
    ax.legend()
    plt.show()


MOVE_DONE = {"acknowledge": "acknowledged", "apologise": "apologised", "pull_content": "content_pulled",
             "post_statement": "statement_posted", "offer_remedy": "remedy_offered", "escalate": "escalated"}


def moves_only(*names: str):
    """A policy that makes the given brand-wide moves, in order, one per step, and answers no post."""
    unknown = [n for n in names if n not in MOVE_DONE]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a brand-wide move; the moves are {', '.join(MOVE_DONE)}")

    def policy(state, post):
        if post is None:
            for name in names:
                if not getattr(state, MOVE_DONE[name]):
                    return name
        return None

    return policy


def compare_moves(scenario: str, steps: list[tuple[str, ...]], seeds=range(3)) -> None:
    """Print the mean score of each set of brand-wide moves on ``scenario``."""
    for names in steps:
        result = evaluate(moves_only(*names), [scenario], seeds)
        print(f"{' + '.join(names):55s} mean score {result.mean_score:5.1f}")
