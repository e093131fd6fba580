"""Unit tests of the exercise machinery in course.checks."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from course import checks
from course.checks import (ChoiceQuestion, FunctionQuestion, LabelsQuestion, NotAttempted, NotYetRight,
                           NumberQuestion, answer_key, canonical_number, fingerprint, function_cases)


def choice(**extra):
    return ChoiceQuestion(id="t_choice", options=("a", "b"), answer_hash=answer_key("t_choice", choice="b"),
                          hints=("first", "second"), **extra)


def test_outcomes_are_assertion_errors_so_nbgrader_scores_zero():
    assert issubclass(NotYetRight, AssertionError) and issubclass(NotAttempted, AssertionError)


def test_fingerprint_is_salted_and_stable():
    assert fingerprint("q", "b") == fingerprint("q", "b")
    assert fingerprint("q", "b") != fingerprint("other", "b")
    assert len(fingerprint("q", "b")) == 20


def test_canonical_number_rounds_and_drops_negative_zero():
    assert canonical_number(0.749999999, 2) == "0.75"
    assert canonical_number(-0.0001, 2) == "0.00"
    assert canonical_number(1164, 0) == "1164"


def test_choice_normalises_case_and_spaces():
    q = choice()
    assert q.is_correct(" B") and not q.is_correct("a")


def test_choice_rejects_unknown_option_naming_the_options():
    with pytest.raises(NotYetRight, match="not one of the options"):
        choice().check("z")


def test_wrong_choice_message_comes_from_its_feedback():
    q = choice(feedback={answer_key("t_choice", choice="a"): "Think about speed."})
    with pytest.raises(NotYetRight, match="Think about speed"):
        q.check("a")


def test_messages_never_contain_the_expected_value():
    q = NumberQuestion(id="t_num", decimals=0, answer_hash=answer_key("t_num", number=1164, decimals=0))
    with pytest.raises(NotYetRight) as failure:
        q.check(1000)
    assert "1164" not in failure.value.message


def test_labels_question_reports_how_many_are_right_and_which_to_revisit():
    key = {"x": "s", "y": "p", "z": "a"}
    q = LabelsQuestion(id="t_lab", labels=("S", "P", "A"), answer_hashes=answer_key("t_lab", key),
                       ideas={"y": "Who benefits?"})
    with pytest.raises(NotYetRight) as failure:
        q.check({"x": "S", "y": "A", "z": "A"})
    assert "2 of 3 are right" in failure.value.message and "y" in failure.value.message
    assert "Who benefits?" in failure.value.message


def test_labels_question_partially_filled_is_not_attempted_and_names_the_blanks():
    q = LabelsQuestion(id="t_lab", labels=("S", "P"), answer_hashes=answer_key("t_lab", {"x": "s", "y": "p"}))
    with pytest.raises(NotAttempted, match="y"):
        q.check({"x": "S", "y": ...})


def test_labels_question_names_missing_and_extra_keys():
    q = LabelsQuestion(id="t_lab", labels=("S", "P"), answer_hashes=answer_key("t_lab", {"x": "s", "y": "p"}))
    with pytest.raises(NotYetRight, match="missing: y; unexpected: w"):
        q.check({"x": "S", "w": "P"})


def test_labels_aliases():
    q = LabelsQuestion(id="t_lab", labels=("community management",), aliases={"cm": "community management"},
                       answer_hashes=answer_key("t_lab", {"x": "community management"}))
    assert q.is_correct({"x": "CM"})


def test_function_question_reports_the_learners_exception():
    q = FunctionQuestion(id="t_fn", name="double", cases=function_cases("t_fn", lambda x: 2 * x, [(3,)]))

    def broken(x):
        raise KeyError("kind")

    with pytest.raises(NotYetRight, match=r"double\(3\) raised KeyError"):
        q.check(broken)
    with pytest.raises(NotYetRight, match="forget `return`"):
        q.check(lambda x: None)
    assert q.is_correct(lambda x: x + x)


def test_numbers_must_be_plain_numbers_not_bools_or_strings():
    q = NumberQuestion(id="t_num", decimals=0, answer_hash=answer_key("t_num", number=1, decimals=0))
    assert q.is_correct(1) and q.is_correct(1.0)
    for bad in (True, "1", [1], float("nan")):
        assert not q.is_correct(bad)


def test_hints_are_progressive_and_off_by_default(capsys):
    q = choice()
    assert q._hints_shown == 0
    q.hint()
    q.hint()
    q.hint()  # stays on the last one
    out = capsys.readouterr().out
    assert out.count("Hint 1 of 2") == 1 and out.count("Hint 2 of 2") == 2
    assert "first" in out and "second" in out


def test_failures_render_as_a_short_message_not_a_traceback():
    lines = NotYetRight("Look again at the forum.", "q")._render_traceback_()
    assert "Not yet right" in lines[0] and "Look again at the forum." in lines[1]
    assert len(lines) == 2


def test_in_a_real_kernel_learners_see_feedback_not_a_stack_trace():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from course.exercises.module1 import assignment as ex"),
        nbformat.v4.new_code_cell("ex.first_reply.check('a')"),
        nbformat.v4.new_code_cell("ex.first_reply.check(...)"),
        nbformat.v4.new_code_cell("ex.agency_risk.hint()"),
    ])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    wrong, blank, hint = (cell.outputs for cell in nb.cells[1:])
    assert wrong[0]["output_type"] == "error" and wrong[0]["ename"] == "NotYetRight"
    assert any("Deleting legitimate criticism" in line for line in wrong[0]["traceback"])
    assert not any("File " in line or "Traceback" in line for line in wrong[0]["traceback"])
    assert blank[0]["ename"] == "NotAttempted"
    assert "text/html" in hint[0]["data"] and "Hint 1 of 1" in hint[0]["data"]["text/plain"]
