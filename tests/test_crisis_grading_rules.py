"""The crisis grade follows the playbook.

* Degenerate policies (blank replies, one template, echoes, apologising always, everything to DM, no
  brand-wide move, deleting criticism) score clearly below the playbook on every scenario, and earn at most
  half of the lab's outcome points when graded by the master notebook's own hidden tests.
* Each rule of the model does what its docstring (and the lesson) says: the model is run with and without
  the behaviour and the score moves the way the docstring states.
* Rule tables and functions are graded the same way.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from answer_keys.m4_crisis import OUTCOME_PARTS, hidden_points
from answer_keys.m4_policies import DEGENERATE, lab_solution, playbook
from course.crisis import evaluate, model, scenario_ids
from course.crisis.charts import moves_only
from course.crisis.policy import silent_policy
from course.crisis.table import policy_from_table

SCENARIOS = scenario_ids()
SEEDS = range(2)
CLEARLY_BELOW = 15  # points out of 100


@pytest.fixture(scope="module")
def playbook_scores():
    return evaluate(playbook, SCENARIOS, SEEDS).by_scenario()


@pytest.mark.parametrize("name", list(DEGENERATE))
def test_a_degenerate_policy_scores_clearly_below_the_playbook_on_every_scenario(name, playbook_scores):
    result = evaluate(DEGENERATE[name], SCENARIOS, SEEDS)
    assert not result.errors, result.errors
    for scenario, score in result.by_scenario().items():
        assert score <= playbook_scores[scenario] - CLEARLY_BELOW, (name, scenario, score, playbook_scores[scenario])


@pytest.mark.parametrize("name", list(DEGENERATE))
def test_a_degenerate_policy_earns_at_most_half_the_outcome_points(name):
    points = hidden_points(DEGENERATE[name])
    full = hidden_points_full()
    earned = sum(points[p] for p in OUTCOME_PARTS)
    assert earned <= sum(full[p] for p in OUTCOME_PARTS) / 2, (name, points)


_FULL: dict = {}


def hidden_points_full():
    if not _FULL:
        _FULL.update(hidden_points(lab_solution()))
    return _FULL


def test_the_model_solution_earns_every_autograded_point():
    points = hidden_points_full()
    assert len(points) == 5 and all(points[p] > 0 for p in points), points


def test_the_hidden_tests_reject_a_policy_just_below_the_bars():
    # a policy that follows the playbook's moves but replies with one copy-paste sentence: below B and C
    points = hidden_points(DEGENERATE["one template with the name"])
    assert points["c43_practice_score_check"] == points["c43_transfer_score_check"] == 0


def test_tables_and_functions_are_graded_identically():
    replies, moves = lab_solution()
    as_function = policy_from_table(replies, moves)
    as_dict = policy_from_table({row["kind"]: (row["action"], row["reply"]) for row in
                                 replies.drop_duplicates("kind").to_dict("records")}, moves)
    table_runs = evaluate(policy_from_table(replies, moves), ["leaking_jackets", "privacy_scare"], SEEDS)
    function_runs = evaluate(lambda state, post: as_function(state, post), ["leaking_jackets", "privacy_scare"], SEEDS)
    assert [r.score for r in table_runs.runs] == [r.score for r in function_runs.runs]
    assert not evaluate(as_dict, ["leaking_jackets"], SEEDS).errors  # a dict is a table too
    assert hidden_points((replies, moves)) == hidden_points(lambda state, post: as_function(state, post))


# ----------------------------------------------------------------------------- each rule, with and without
def table(moves_changes=None, drop_kinds=(), replace_rows=None):
    """The model solution with some moves changed, some kinds of posts left alone, or rows replaced."""
    replies, moves = lab_solution()
    moves = {**moves, **(moves_changes or {})}
    moves = {k: v for k, v in moves.items() if v is not None}
    replies = replies[~replies["kind"].isin(drop_kinds)]
    if replace_rows:
        kinds, rows = replace_rows
        replies = pd.concat([pd.DataFrame(rows, columns=replies.columns), replies[~replies["kind"].isin(kinds)]])
    return policy_from_table(replies, moves)


def delayed(minutes):
    def policy(state, post):
        return playbook(state, post) if state.minute >= minutes else None
    return policy


def mean(policy, scenario):
    return evaluate(policy, [scenario], SEEDS).mean_score


def arguing_with_influencers(state, post):
    return "argue" if post is not None and post.kind == "influencer" else playbook(state, post)


# rule id -> (scenario, the model solution or the behaviour the docstring recommends, the same without it)
WITH_AND_WITHOUT = {
    "respond_fast": ("leaking_jackets", playbook, delayed(120)),
    "acknowledge_early": ("leaking_jackets", moves_only("acknowledge"), silent_policy),
    "apologise_if_due": ("leaking_jackets", playbook, table({"apologise": "never"})),
    "apologise_if_due (not at fault)": ("privacy_scare", playbook, table({"apologise": "at once"})),
    "inform_steps": ("ride_app_outage", playbook, table({"post_statement": "never"})),
    "act_on_cause": ("controversial_ad", playbook, table({"pull_content": "never"})),
    "act_on_cause (nothing to pull)": ("leaking_jackets", playbook, table({"pull_content": "at once"})),
    "individual_replies": ("leaking_jackets", playbook, DEGENERATE["one template with the name"]),
    "offline": ("ride_app_outage", playbook, table(replace_rows=(("complaint",), [
        ("complaint", "always", "offline", "")]))),
    "negative_vs_bad": ("privacy_scare", playbook, table(replace_rows=(("misinformation",), [
        ("misinformation", "always", "moderate", "")]))),
    "dont_argue": ("ambassador_misconduct", playbook, arguing_with_influencers),
    "escalate_in_time": ("controversial_ad", playbook, table(drop_kinds=("media_request", "legal_threat"),
                                                             moves_changes={"escalate": None})),
    "media_pickup": ("leaking_jackets", playbook, table(moves_changes={"post_statement": "never",
                                                                       "acknowledge": "after 120 minutes"})),
    "workload": ("leaking_jackets", playbook, table(drop_kinds=("complaint",))),
}


@pytest.mark.parametrize("case", list(WITH_AND_WITHOUT))
def test_each_rule_moves_the_score_the_way_its_docstring_says(case):
    scenario, with_it, without_it = WITH_AND_WITHOUT[case]
    assert mean(with_it, scenario) > mean(without_it, scenario) + 1, case  # a point out of 100, on two seeds


def test_escalating_the_press_answers_the_post_and_keeps_the_press_away():
    # the lesson teaches escalation: it must do at least as well as a reply of one's own, and never bring the press
    reply_instead = table(replace_rows=(("media_request", "legal_threat"), [
        ("media_request", "always", "reply", "Hello {name}, thank you for asking us. Our statement is pinned; a "
                                              "spokesperson will call you this afternoon."),
        ("legal_threat", "always", "reply", "Hello {name}, we have passed your message on and will be in touch "
                                             "directly today."),
    ]))
    for scenario in ("controversial_ad", "privacy_scare"):
        escalating, replying = evaluate(playbook, [scenario], SEEDS), evaluate(reply_instead, [scenario], SEEDS)
        assert escalating.mean_score >= replying.mean_score - 1, scenario
        assert escalating.share(lambda r: r.debrief.media_pickup) <= replying.share(lambda r: r.debrief.media_pickup)


def test_bad_news_travels_further_weight_is_the_cited_figure():
    assert model.NEGATIVE_REACH_WEIGHT == pytest.approx(24 / 15)


def test_every_rule_has_a_docstring_row_a_with_and_without_case_and_a_place_in_the_lessons():
    from nbtools import read
    from course.syllabus import REPO_ROOT

    documented = set(re.findall(r"^([a-z_]+)\s{2,}", model.__doc__, re.MULTILINE))
    tested = {case.split(" ")[0] for case in WITH_AND_WITHOUT} | {"bad_news_travels"}
    lesson = "\n".join(c.source for c in read(REPO_ROOT / "module4_interaction" / "4.3-crisis-management.ipynb").cells)
    for rule in model.RULES:
        assert rule in documented, f"{rule} has no row in the model's docstring"
        assert rule in tested, f"{rule} has no with/without test"
        if model.RULES[rule][1] == "4.3":
            assert f"`{rule}`" in lesson, f"lesson 4.3 does not name the rule {rule}"


@pytest.mark.parametrize("name, scenario, rule", [
    ("one template with the name", "leaking_jackets", "individual_replies"),
    ("always apologising", "privacy_scare", "apologise_if_due"),
    ("everything to DM", "leaking_jackets", "offline"),
    ("never a brand-wide move", "controversial_ad", "respond_fast"),
    ("never a brand-wide move", "controversial_ad", "act_on_cause"),
    ("deleting criticism", "leaking_jackets", "negative_vs_bad"),
])
def test_the_debrief_of_a_shortcut_names_the_lesson_it_broke(name, scenario, rule):
    from course.crisis import run_policy

    debrief = run_policy(DEGENERATE[name], scenario, 0).debrief
    title, lesson = model.RULES[rule]
    assert any(line.startswith(title) for line in debrief.lessons()), debrief.lessons()
    assert all(line.split(" — ")[0] != title for line in run_policy(playbook, scenario, 0).debrief.lessons()
               if rule in ("act_on_cause", "respond_fast", "negative_vs_bad"))
