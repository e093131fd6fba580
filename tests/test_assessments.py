"""Graded notebooks are assessments: the key is in the master's hidden tests and nowhere a learner can reach.

- The key in ``tests/answer_keys`` is what the master's solution gives, it passes the hidden tests, and each
  wrong item on its own is caught by them.
- The hidden tests accept exactly the course's alias table for their labels.
- Nothing the ``course`` package or the generated learner copy exposes tells the key apart: every allowed
  answer to every item, run through the learner copy's own check cell, shows the same thing and records the
  same progress.
- At most 10% of an assessment's autograded points rest on writing Python.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import pkgutil
import re
from dataclasses import fields

import pytest

import answer_keys
from course import checks
from course.checks import ChoiceForm, FormCheck, FunctionForm, LabelsForm
from course.exercises.aliases import aliases_for, normalise
from course.nbgrader_cli import nbgrader
from course.syllabus import MODULES
from gradecells import grade_cells, run_grade_cell
from nbtools import nbgrader_meta, read

KEYS = {qid: key for m in pkgutil.iter_modules(answer_keys.__path__)
        for qid, key in getattr(importlib.import_module(f"answer_keys.{m.name}"), "KEYS", {}).items()}


def _forms() -> dict[str, FormCheck]:
    found = {}
    for info in pkgutil.walk_packages(importlib.import_module("course.exercises").__path__, "course.exercises."):
        found.update({v.id: v for v in vars(importlib.import_module(info.name)).values() if isinstance(v, FormCheck)})
    return found


FORMS = _forms()
ITEMS = sorted(qid for qid in grade_cells() if qid in FORMS)


def test_every_assessment_item_has_a_key_and_a_form_check():
    assert ITEMS, "no assessment items found"
    assert set(ITEMS) == set(KEYS), "tests/answer_keys KEYS and the masters' assessment items differ"


@pytest.mark.parametrize("qid", ITEMS)
def test_the_key_is_the_masters_solution_and_passes_its_hidden_tests(qid):
    cell = grade_cells()[qid]
    master = {nbgrader_meta(c).get("grade_id"): c for c in read(cell.notebook).cells}
    namespace: dict = {}
    exec(_solution_only(master[qid].source), namespace)
    assert namespace[cell.variable] == KEYS[qid]
    passed, shown = run_grade_cell(qid, KEYS[qid])
    assert passed, shown
    assert "Answered" in shown, "the visible check shows its message"


def _solution_only(source: str) -> str:
    return source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]


def _single_changes(form: FormCheck, key):
    """Every allowed answer that differs from the key in exactly one item (or option)."""
    if isinstance(form, LabelsForm):
        for item in form.items:
            for label in form.labels:
                if normalise(label) != normalise(key[item]):
                    yield {**key, item: label}
    elif isinstance(form, ChoiceForm):
        yield from (o for o in form.options if normalise(o) != normalise(key))


@pytest.mark.parametrize("qid", ITEMS)
def test_the_hidden_tests_catch_every_single_wrong_item(qid):
    form = FORMS[qid]
    wrong = list(_single_changes(form, KEYS[qid]))
    assert wrong, "nothing to get wrong"
    for answer in wrong:
        assert run_grade_cell(qid, answer)[0] is False, answer
        assert form.verdict(answer) == form.verdict(KEYS[qid]), "the visible check must not tell them apart"


def _hidden_aliases(source: str) -> dict | None:
    hidden = source.split("### BEGIN HIDDEN TESTS")[1]
    for node in ast.parse(hidden).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_aliases":
            return ast.literal_eval(node.value)
    return None


LABEL_ITEMS = [qid for qid in ITEMS if isinstance(FORMS[qid], LabelsForm)]


@pytest.mark.parametrize("qid", LABEL_ITEMS)
def test_hidden_tests_accept_exactly_the_alias_tables_spellings(qid):
    form, key = FORMS[qid], KEYS[qid]
    table = aliases_for(form.labels)
    assert _hidden_aliases(grade_cells()[qid].source) == table, "the hidden tests' aliases are not the course table's"
    for item in form.items:
        for alias, label in table.items():
            if label == normalise(key[item]):
                assert run_grade_cell(qid, {**key, item: alias.upper()})[0], (item, alias)
        # a spelling that is not in the table is not accepted, even if a person might mean the label by it
        assert not run_grade_cell(qid, {**key, item: normalise(key[item]) + "!"})[0]


def _allowed_answers(form: FormCheck):
    """Every well-formed answer: each option, or each combination of labels over the items."""
    if isinstance(form, ChoiceForm):
        return list(form.options)
    if isinstance(form, LabelsForm):
        return [dict(zip(form.items, combo)) for combo in itertools.product(form.labels, repeat=len(form.items))]
    raise AssertionError(f"no enumeration for {type(form).__name__}: add one so the leak test covers it")


@pytest.fixture(scope="module")
def learner_copies(module_course_root):
    for module in MODULES:
        if any(nb.graded for nb in module.notebooks):
            nbgrader("generate_assignment", module.folder, "--force", root=module_course_root)
    return module_course_root / "release"


@pytest.mark.parametrize("qid", ITEMS)
def test_nothing_in_the_package_or_the_learner_copy_tells_the_key_apart(qid, learner_copies, monkeypatch):
    cell = grade_cells()[qid]
    copy = read(learner_copies / cell.notebook.parent.name / cell.notebook.name)
    check_cell = next(c for c in copy.cells if nbgrader_meta(c).get("grade_id") == f"{qid}_check")
    assert "HIDDEN TESTS" not in check_cell.source and "_key" not in check_cell.source
    code = compile(check_cell.source, f"{qid}_check", "exec")
    setup = {}
    exec(next(c for c in copy.cells if c.cell_type == "code").source.replace("setup_notebook()", ""), setup)
    form = FORMS[qid]
    state = dict(vars(form))
    seen = []
    monkeypatch.setattr(checks, "_show", lambda feedback: seen.append((repr(feedback), feedback._repr_html_())))
    monkeypatch.setattr(checks, "_record", lambda question_id, status: seen.append((question_id, status)))
    observed = set()
    answers = _allowed_answers(form)
    assert any(answer == KEYS[qid] for answer in answers), "the enumeration must include the key"
    for answer in answers:
        seen.clear()
        exec(code, {**setup, cell.variable: answer})
        observed.add((tuple(seen), form.verdict(answer)))
    assert len(observed) == 1, f"{len(observed)} different outcomes among {len(answers)} allowed answers"
    assert dict(vars(form)) == state, "a check must not keep anything that depends on the answers"


def test_form_checks_have_no_field_that_could_hold_a_key():
    allowed = {"id", "items", "labels", "options", "name", "example"}
    for form_class in (ChoiceForm, LabelsForm, FunctionForm):
        assert {f.name for f in fields(form_class)} <= allowed, form_class
    sources = {info.name: importlib.import_module(info.name) for info in
               pkgutil.walk_packages(importlib.import_module("course.exercises").__path__, "course.exercises.")}
    for name, module in sources.items():
        if any(isinstance(v, FormCheck) for v in vars(module).values()):
            text = open(module.__file__, encoding="utf-8").read()
            assert not re.search(r"[0-9a-f]{12,}", text), f"{name} holds something like a hash"
            assert "fingerprint" not in text and "hashlib" not in text and "answer_hash" not in text, name


@pytest.mark.parametrize("notebook", sorted({grade_cells()[qid].notebook for qid in ITEMS}), ids=lambda p: p.name)
def test_at_most_a_tenth_of_the_autograded_points_rest_on_writing_python(notebook):
    items = [cell for cell in grade_cells().values() if cell.notebook == notebook]
    total = sum(cell.points for cell in items)
    python = sum(cell.points for cell in items if isinstance(FORMS.get(cell.question_id), FunctionForm))
    assert python <= 0.1 * total, f"{python:g} of {total:g} autograded points are for functions"


def test_the_leak_test_would_catch_a_check_that_knows_the_key(monkeypatch):
    """The same observation on a practice question (which knows its key) does tell the key apart."""
    from course.checks import LabelsQuestion, answer_key

    practice = LabelsQuestion(id="t_leak", labels=("thank you", "sorry"),
                              answer_hashes=answer_key("t_leak", {"x": "sorry", "y": "thank you"}))
    seen = []
    monkeypatch.setattr(checks, "_show", lambda feedback: seen.append(repr(feedback)))
    outcomes = set()
    for combo in itertools.product(practice.labels, repeat=2):
        seen.clear()
        practice.check(dict(zip("xy", combo)))
        outcomes.add(tuple(seen))
    assert len(outcomes) > 1
