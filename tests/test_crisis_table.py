"""Rule tables become policies; a malformed table is refused with a message naming the row and the fix."""

from __future__ import annotations

import pandas as pd
import pytest

from answer_keys.m4_policies import lab_solution
from course.crisis import evaluate
from course.crisis.policy import IncomingPost
from course.crisis.table import TableError, as_policy, policy_from_table
from course.exercises.module4 import crisis as ex


def post(kind="complaint", text="My jacket leaks.", author="@marco", id=1):
    return IncomingPost(id, 0, author, 100, kind, text, -0.5)


def frame(*rows, columns=("kind", "when", "action", "reply")):
    return pd.DataFrame(list(rows), columns=list(columns))


def test_a_table_answers_posts_by_kind_and_condition_in_order():
    from course.crisis import Simulation, load_scenario

    state = Simulation(load_scenario("privacy_scare"), 0).view()  # brand not at fault
    policy = policy_from_table(frame(
        ("complaint", "if private details", "offline", ""),
        ("complaint", "if brand at fault", "reply", "Sorry {name}, our fault."),
        ("complaint", "if brand not at fault", "reply", "Hi {name}, here are the facts."),
        ("abuse", "always", "hide", ""),
    ), {"acknowledge": "at once", "apologise": "if brand at fault", "post_statement": "after 30 minutes"})
    assert policy(state, post()) == ("respond_individually", "Hi marco, here are the facts.")
    assert policy(state, post(text="Where is my refund?")) == "take_offline"
    assert policy(state, post(kind="abuse")) == "moderate"
    assert policy(state, post(kind="praise")) is None  # no row: nothing
    assert policy(state, None) == "acknowledge"


def test_reply_versions_take_turns_and_start_again_in_a_new_run():
    policy = policy_from_table({"complaint": ("reply", ["One {name}.", "Two {name}.", "Three {name}."])})
    from course.crisis import Simulation, load_scenario

    state = Simulation(load_scenario("leaking_jackets"), 0).view()
    texts = [policy(state, post(id=i))[1] for i in range(1, 5)]
    assert texts == ["One marco.", "Two marco.", "Three marco.", "One marco."]
    assert policy(state, post(id=1))[1] == "One marco."  # ids went back: a new run starts with the first version


def test_the_lab_solution_as_a_table_plays_cleanly_and_as_a_tuple_too():
    replies, moves = lab_solution()
    assert not evaluate(policy_from_table(replies, moves), ["leaking_jackets"], [0]).errors
    assert ex.policy_ready.verdict((replies, moves)).status == "correct"


@pytest.mark.parametrize("replies, moves, words", [
    (frame(("complaint", "always", "shout", "x")), None, ["row 0", "'shout' is not an action"]),
    (frame(("complaint", "always", "reply", "ok"), ("rant", "always", "reply", "x")), None, ["row 1", "'rant' is not a post kind"]),
    (frame(("complaint", "always", "reply", "")), None, ["row 0", "needs a reply text"]),
    (frame(("complaint", "always", "reply", ...)), None, ["row 0", "still ..."]),
    (frame(("complaint", "on tuesdays", "reply", "x")), None, ["row 0", "'on tuesdays' is not a condition"]),
    (frame(("complaint", "always", "apologise", "")), None, ["row 0", "brand-wide move", "moves table"]),
    (frame(("abuse", "always", "moderate", "Go away")), None, ["row 0", "only a 'reply' row has a reply text"]),
    (frame(("complaint", "always", "reply", "Hi {first_name}")), None, ["row 0", "{first_name}", "only {name}"]),
    (frame(("complaint", "reply", "x"), columns=("kind", "action", "text")), None, ["columns", "missing: reply"]),
    ({"complaint": ("reply", "x")}, {"apologise": ...}, ["the move 'apologise'", "condition"]),
    ({"complaint": ("reply", "x")}, {"dance": "at once"}, ["the move 'dance'", "not a brand-wide move"]),
    ([("complaint", "reply", "x")], None, ["DataFrame or a dict", "list"]),
])
def test_a_malformed_table_is_refused_with_the_row_and_the_fix(replies, moves, words):
    with pytest.raises(TableError) as error:
        policy_from_table(replies, moves)
    for word in words:
        assert word in str(error.value), str(error.value)


def test_the_form_check_reports_a_malformed_table_as_not_yet_right_naming_the_row():
    replies, moves = lab_solution()
    broken = replies.copy()
    broken.loc[3, "action"] = "shout"
    verdict = ex.policy_ready.verdict((broken, moves))
    assert verdict.status == "not yet right" and "row 3" in verdict.message


def test_as_policy_passes_functions_through():
    def respond(state, post):
        return None

    assert as_policy(respond) is respond
