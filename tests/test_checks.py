"""Unit tests of the exercise machinery in course.checks."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from course import checks
from course.checks import (ChoiceQuestion, FunctionQuestion, LabelsQuestion, NotAttempted, NotYetRight,
                           NumberQuestion, Verdict, answer_key, canonical_number, fingerprint, function_cases)


def failed(question, answer, status=Verdict.NOT_YET_RIGHT, match=None):
    """The verdict's message, after asserting its status (and that it mentions ``match``)."""
    verdict = question.verdict(answer)
    assert verdict.status == status, verdict
    if match:
        import re

        assert re.search(match, verdict.message), verdict.message
    return verdict.message


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
    failed(choice(), "z", match="not one of the options")


def test_wrong_choice_message_comes_from_its_feedback():
    q = choice(feedback={answer_key("t_choice", choice="a"): "Think about speed."})
    failed(q, "a", match="Think about speed")


def test_messages_never_contain_the_expected_value():
    q = NumberQuestion(id="t_num", decimals=0, answer_hash=answer_key("t_num", number=1164, decimals=0))
    message = failed(q, 1000)
    assert "1164" not in message


def test_labels_question_reports_how_many_are_right_and_which_to_revisit():
    key = {"x": "s", "y": "p", "z": "a"}
    q = LabelsQuestion(id="t_lab", labels=("S", "P", "A"), answer_hashes=answer_key("t_lab", key),
                       ideas={"y": "Who benefits?"})
    message = failed(q, {"x": "S", "y": "A", "z": "A"})
    assert "2 of 3 are right" in message and "y" in message
    assert "Who benefits?" in message


def test_labels_question_partially_filled_is_not_attempted_and_names_the_blanks():
    q = LabelsQuestion(id="t_lab", labels=("S", "P"), answer_hashes=answer_key("t_lab", {"x": "s", "y": "p"}))
    failed(q, {"x": "S", "y": ...}, Verdict.NOT_ATTEMPTED, match="y")


def test_labels_question_names_missing_and_extra_keys():
    q = LabelsQuestion(id="t_lab", labels=("S", "P"), answer_hashes=answer_key("t_lab", {"x": "s", "y": "p"}))
    failed(q, {"x": "S", "w": "P"}, match="missing: y; unexpected: w")


def test_labels_aliases():
    q = LabelsQuestion(id="t_lab", labels=("community management",), aliases={"cm": "community management"},
                       answer_hashes=answer_key("t_lab", {"x": "community management"}))
    assert q.is_correct({"x": "CM"})


def test_function_question_reports_the_learners_exception():
    q = FunctionQuestion(id="t_fn", name="double", cases=function_cases("t_fn", lambda x: 2 * x, [(3,)]))

    def broken(x):
        raise KeyError("kind")

    failed(q, broken, match=r"double\(3\) raised KeyError")
    failed(q, lambda x: None, match="forget `return`")
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
        nbformat.v4.new_code_cell(
            "from course.checks import ChoiceForm, ChoiceQuestion, answer_key\n"
            "q = ChoiceQuestion(id='t_k', options=('a', 'b'), answer_hash=answer_key('t_k', choice='b'), raises=True,\n"
            "                   feedback={answer_key('t_k', choice='a'): 'Deleting legitimate criticism backfires.'},\n"
            "                   hints=('Think about speed.',))\n"
            "form = ChoiceForm(id='t_f', options=('a', 'b'))"),
        nbformat.v4.new_code_cell("q.check('a')"),
        nbformat.v4.new_code_cell("q.check(...)"),
        nbformat.v4.new_code_cell("q.hint()"),
        nbformat.v4.new_code_cell("form.check('z')"),
    ])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    wrong, blank, hint, form = (cell.outputs for cell in nb.cells[1:])
    assert wrong[0]["output_type"] == "error" and wrong[0]["ename"] == "NotYetRight"
    assert any("Deleting legitimate criticism" in line for line in wrong[0]["traceback"])
    assert not any("File " in line or "Traceback" in line for line in wrong[0]["traceback"])
    assert blank[0]["ename"] == "NotAttempted"
    assert "text/html" in hint[0]["data"] and "Hint 1 of 1" in hint[0]["data"]["text/plain"]
    # an assessment's form check shows what to fix and does not raise
    assert [o["output_type"] for o in form] == ["display_data"] and "Check the form" in form[0]["data"]["text/plain"]


def test_a_lesson_check_never_raises_and_returns_its_verdict(capsys):
    q = choice(explanation="Speed matters.")
    for answer in ("a", ..., "z", "b"):
        assert q.check(answer) is None
    out = capsys.readouterr().out
    assert "Not yet right" in out and "Not attempted yet" in out and "Correct!" in out


def test_a_graded_question_still_raises_so_nbgrader_scores_zero():
    q = choice(raises=True)
    with pytest.raises(NotYetRight):
        q.check("a")
    with pytest.raises(NotAttempted):
        q.check(...)


def test_solution_is_shown_only_after_a_real_attempt(capsys):
    q = choice(model_answer="b: answer within the hour.")
    q.solution()
    assert "Try it first" in capsys.readouterr().out
    q.check(...)
    q.solution()
    assert "Try it first" in capsys.readouterr().out  # the placeholder is not an attempt
    q.check("a")
    q.solution()
    assert "answer within the hour" in capsys.readouterr().out


def test_an_untouched_function_template_is_not_attempted():
    q = FunctionQuestion(id="t_fn", name="double", cases=function_cases("t_fn", lambda x: 2 * x, [(3,)]))

    def template(x):
        ...

    def documented_template(x):
        """Return twice x."""
        ...

    def returns_placeholder(x):
        return ...

    for untouched in (template, documented_template, returns_placeholder):
        assert q.verdict(untouched).status == Verdict.NOT_ATTEMPTED, untouched
    assert "returned nothing" in q.verdict(lambda x: None).message or "forget" in q.verdict(lambda x: None).message


def test_progress_is_recorded_only_inside_a_workbook(tmp_path, monkeypatch):
    from course import progress

    monkeypatch.chdir(tmp_path)
    choice().check("a")
    assert not (tmp_path / progress.RECORD_NAME).exists()  # not a workbook: no trace
    (tmp_path / progress.WORKBOOK_MARK).write_text("{}")
    (tmp_path / "module1_intro").mkdir()
    monkeypatch.chdir(tmp_path / "module1_intro")
    q = choice()
    q.check("a")
    q.check("b")
    q.check("a")  # a later slip does not undo a right answer
    entry = progress.load(tmp_path / progress.RECORD_NAME)["t_choice"]
    assert entry["best"] == "correct" and entry["status"] == "not yet right" and entry["attempts"] == 3


def test_in_a_real_kernel_lesson_checks_show_a_verdict_and_a_forgotten_quote_is_explained():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from course import setup_notebook\nsetup_notebook(quiet=True)\n"
                                  "from course.exercises.module1 import lesson1 as ex"),
        nbformat.v4.new_code_cell("ex.jacket_week.check('a')"),
        nbformat.v4.new_code_cell("ex.jacket_week.check(...)"),
        nbformat.v4.new_code_cell("answer = {'x': S}"),
    ])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    wrong, blank, forgot = (cell.outputs for cell in nb.cells[1:])
    assert all(o["output_type"] == "display_data" for o in wrong + blank)
    assert "Not yet right" in wrong[0]["data"]["text/plain"]
    assert "Not attempted yet" in blank[0]["data"]["text/plain"]
    # Still an error (a graded cell scores 0), but explained in one short message.
    assert forgot[0]["output_type"] == "error" and forgot[0]["ename"] == "NameError"
    text = "\n".join(forgot[0]["traceback"])
    assert 'put it in quotes: "S"' in text and "Traceback" not in text and "File " not in text


def test_the_alias_table_serves_every_labels_question_without_its_own_aliases():
    space = LabelsQuestion(id="t_space", labels=("S", "P"), answer_hashes=answer_key("t_space", {"x": "s", "y": "p"}))
    assert space.is_correct({"x": " Support ", "y": "feedback"})
    replies = LabelsQuestion(id="t_say", labels=("thank you", "sorry", "we support you"),
                             answer_hashes=answer_key("t_say", {"x": "thank you", "y": "we support you"}))
    assert replies.is_correct({"x": "Thanks", "y": "support"})  # "support" means the label of this question
    assert not replies.is_correct({"x": "thanks", "y": "sorry"})
    cm = LabelsQuestion(id="t_cm", labels=("community management", "social media management"),
                        answer_hashes=answer_key("t_cm", {"x": "social media management"}))
    assert cm.is_correct({"x": "social media"}) and cm.is_correct({"x": "SMM"})
    assert cm.verdict({"x": "marketing"}).status == Verdict.NOT_YET_RIGHT


def test_an_alias_that_would_mean_two_labels_of_one_question_is_refused():
    from course.exercises.aliases import aliases_for

    assert aliases_for(("S", "we support you"), {"S": ("support",), "we support you": ("help",)}) == {
        "support": "s", "help": "we support you"}
    with pytest.raises(ValueError, match="'support' mean both 's' and 'we support you'"):
        aliases_for(("S", "we support you"), {"S": ("support",), "we support you": ("support",)})
    # a spelling that is itself a label of the question stays that label
    assert aliases_for(("community", "community management")) == {"cm": "community management"}


# ------------------------------------------------------------------ assessments: form checks
def test_form_checks_say_what_is_missing_or_malformed_and_never_raise(capsys):
    from course.checks import ChoiceForm, LabelsForm

    labels = LabelsForm(id="t_form", items=("x", "y"), labels=("S", "P"))
    assert labels.verdict(...).status == Verdict.NOT_ATTEMPTED
    assert labels.verdict({"x": ..., "y": ...}).status == Verdict.NOT_ATTEMPTED
    partly = labels.verdict({"x": "S", "y": ...})
    assert partly.status == Verdict.NOT_ATTEMPTED and "y" in partly.message
    for bad, words in [([("x", "S")], "dictionary"), ({"x": "S"}, "missing: y"), ({"x": "S", "y": "Q"}, "'Q'"),
                       ({"x": "S", "y": 1}, "text in quotes"), ({"x": "S", "y": "P", "z": "S"}, "unexpected: z")]:
        result = labels.verdict(bad)
        assert result.status == Verdict.NEEDS_FIXING and words in result.message, (bad, result)
    assert labels.verdict({"x": "support", "y": "P"}).status == Verdict.ANSWERED  # the alias table applies
    choice = ChoiceForm(id="t_choice", options=("a", "b"))
    assert choice.verdict(" B ").status == Verdict.ANSWERED
    assert choice.verdict("e").status == Verdict.NEEDS_FIXING and choice.verdict(2).status == Verdict.NEEDS_FIXING
    for answer in (..., "e", {"x": 1}):
        assert choice.check(answer) is None and labels.check(answer) is None  # shown, never raised
    assert "Check the form" in capsys.readouterr().out


def test_a_form_check_gives_every_well_formed_answer_the_same_message():
    from course.checks import ChoiceForm, LabelsForm

    choice = ChoiceForm(id="t_choice", options=("a", "b", "c"))
    assert len({choice.verdict(option) for option in ("a", "b", "c", " C ")}) == 1
    labels = LabelsForm(id="t_form", items=("x", "y"), labels=("S", "P"))
    assert len({labels.verdict({"x": x, "y": y}) for x in "SP" for y in "SP"}) == 1


def test_function_form_runs_the_example_and_reports_templates_and_failures():
    from course.checks import FunctionForm

    form = FunctionForm(id="t_fn_form", name="share", example=(10, 5))

    def template(a, b):
        ...

    def broken(a, b):
        raise KeyError("kind")

    assert form.verdict(template).status == Verdict.NOT_ATTEMPTED and "still has ..." in form.verdict(template).message
    assert form.verdict(...).status == Verdict.NOT_ATTEMPTED
    for bad, words in [(broken, "raised KeyError"), (lambda a, b: None, "returned nothing"),
                       (lambda a, b: "3", "return a number"), (3, "should be a function")]:
        result = form.verdict(bad)
        assert result.status == Verdict.NEEDS_FIXING and words in result.message, (bad, result)
    assert form.verdict(lambda a, b: a + b).status == form.verdict(lambda a, b: 0).status == Verdict.ANSWERED
