"""Every exercise check accepts the right answer and rejects wrong ones and cheating objects.

The answer keys live in tests/answer_keys/ (one file per notebook); every Question defined
in course.exercises must have a case there.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import answer_keys
import course.exercises
from course.checks import FormCheck, LabelsQuestion, Question, Verdict

KEY_MODULES = [importlib.import_module(f"answer_keys.{m.name}") for m in pkgutil.iter_modules(answer_keys.__path__)]
CASES = [case for module in KEY_MODULES for case in module.CASES]
IDS = [case[0].id for case in CASES]
FORMS = [case for module in KEY_MODULES for case in getattr(module, "FORMS", [])]
FORM_IDS = [case[0].id for case in FORMS]
# the register of alternative answers: (key module, question id, answer, decision, reason)
ALTERNATIVES = [(module.__name__, qid, answer, decision, reason) for module in KEY_MODULES
                for qid, entries in getattr(module, "ALTERNATIVES", {}).items() for answer, decision, reason in entries]
DECISIONS = ("accepted", "rewritten", "rejected")


def all_questions() -> list[Question | FormCheck]:
    found = []
    for info in pkgutil.walk_packages(course.exercises.__path__, "course.exercises."):
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values() if isinstance(v, (Question, FormCheck))]
    return found


def test_every_question_has_an_answer_key():
    covered = {id(case[0]) for case in CASES + FORMS}
    missing = [q.id for q in all_questions() if id(q) not in covered]
    assert not missing, f"questions without a case in tests/answer_keys/ (CASES or FORMS): {missing}"


def test_question_ids_are_unique():
    ids = [q.id for q in all_questions()]
    assert len(ids) == len(set(ids))


# ------------------------------------------------------------------ assessments: form checks
@pytest.mark.parametrize("form, well_formed, malformed", FORMS, ids=FORM_IDS)
def test_form_checks_accept_any_well_formed_answer_alike_and_name_what_to_fix(form, well_formed, malformed):
    assert len(well_formed) >= 2 and malformed, "show at least two well-formed answers and one malformed one"
    verdicts = {form.verdict(answer) for answer in well_formed}
    assert len(verdicts) == 1 and verdicts.pop().status == Verdict.ANSWERED, "right and wrong answers look alike"
    for answer in malformed:
        verdict = form.verdict(answer)
        assert verdict.status == Verdict.NEEDS_FIXING and verdict.message.strip(), (answer, verdict)
    assert form.verdict(...).status == Verdict.NOT_ATTEMPTED
    if isinstance(well_formed[0], dict):
        assert form.verdict({key: ... for key in well_formed[0]}).status == Verdict.NOT_ATTEMPTED
    for cheat in _cheats(well_formed[0]):
        assert form.verdict(cheat).status == Verdict.NEEDS_FIXING, cheat


# ------------------------------------------------------------------ the register of alternative answers
def _scores(question_id: str, answer) -> bool:
    """Lessons: the question's verdict. Assessments: the master's grade cell, hidden tests and all."""
    from gradecells import run_grade_cell

    found = [q for q in all_questions() if q.id == question_id]
    assert found, f"the register names {question_id!r}, which is no question in course.exercises"
    if isinstance(found[0], FormCheck):
        return run_grade_cell(question_id, answer)[0]
    return found[0].verdict(answer).correct


@pytest.mark.parametrize("module, question_id, answer, decision, reason", ALTERNATIVES,
                         ids=[f"{a[1]}-{i}-{a[3]}" for i, a in enumerate(ALTERNATIVES)])
def test_every_alternative_answer_is_decided_and_the_decision_holds(module, question_id, answer, decision, reason):
    assert decision in DECISIONS and len(reason) > 20, "each alternative needs a decision and its reason"
    assert _scores(question_id, answer) == (decision == "accepted"), (decision, reason)


def test_every_assessment_item_has_a_register():
    registered = {qid for _, qid, *_ in ALTERNATIVES}
    unregistered = [form.id for form, *_ in FORMS if form.id not in registered]
    assert not unregistered, f"assessment items without alternatives considered: {unregistered}"


@pytest.mark.parametrize("question, right, wrongs", CASES, ids=IDS)
def test_accepts_the_right_answer(question, right, wrongs):
    assert question.verdict(right).status == Verdict.CORRECT
    assert question.is_correct(right)


@pytest.mark.parametrize("question, right, wrongs", CASES, ids=IDS)
def test_rejects_every_wrong_answer(question, right, wrongs):
    assert wrongs, "each question needs at least one wrong answer"
    for wrong in wrongs:
        verdict = question.verdict(wrong)
        assert verdict.status == Verdict.NOT_YET_RIGHT, (wrong, verdict)
        assert verdict.message.strip(), "a rejection must say something useful"


@pytest.mark.parametrize("question, right, wrongs", CASES, ids=IDS)
def test_placeholder_is_not_attempted(question, right, wrongs):
    assert question.verdict(...).status == Verdict.NOT_ATTEMPTED
    if isinstance(right, dict):  # a dictionary still full of ... is not attempted either
        assert question.verdict({key: ... for key in right}).status == Verdict.NOT_ATTEMPTED


class AlwaysEqual:
    """Equal to everything, hashable like a string: the classic autograder cheat."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __hash__(self):
        return 0

    def __float__(self):
        return 0.0


def _cheats(right):
    yield AlwaysEqual()
    if isinstance(right, str):
        class Liar(str):
            def __eq__(self, other):
                return True

            __hash__ = str.__hash__

            def strip(self, *args):
                return self

            def lower(self):
                return self

        yield Liar("definitely not the answer")
    if isinstance(right, dict):
        class LiarDict(dict):
            def __eq__(self, other):
                return True

        yield LiarDict(right)  # even with the right contents, a patched type is refused
        yield {key: AlwaysEqual() for key in right}
    if isinstance(right, (int, float)) and not isinstance(right, bool):
        class LiarFloat(float):
            def __eq__(self, other):
                return True

            __hash__ = float.__hash__

        yield LiarFloat(right)
        yield True
    if callable(right):
        yield lambda *args: AlwaysEqual()


@pytest.mark.parametrize("question, right, wrongs", CASES, ids=IDS)
def test_rejects_cheating_objects(question, right, wrongs):
    for cheat in _cheats(right):
        assert question.verdict(cheat).status == Verdict.NOT_YET_RIGHT, cheat


LABEL_CASES = [case for case in CASES if isinstance(case[0], LabelsQuestion)]


@pytest.mark.parametrize("question, right, wrongs", LABEL_CASES, ids=[case[0].id for case in LABEL_CASES])
def test_every_alias_in_the_table_is_accepted_wherever_its_label_is_right(question, right, wrongs):
    from course.exercises.aliases import aliases_for, normalise

    spellings = aliases_for(question.labels)
    for item, label in right.items():
        for alias, meant in spellings.items():
            if meant == normalise(label):
                assert question.is_correct({**right, item: alias}), (item, alias)


def test_labels_questions_use_the_one_alias_table_only():
    """Lessons and assessments accept the same spellings: no question keeps a table of its own."""
    own = [q.id for q in all_questions() if getattr(q, "aliases", None)]
    assert not own, f"questions with their own aliases (move them to course/exercises/aliases.py): {own}"
