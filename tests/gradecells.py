"""Run a graded notebook's grade cell, hidden tests and all, on an answer: does it score?

An assessment's key lives only in its master's hidden tests, so the tests that judge an answer to an
assessment item (the alternative-answer register, the key, the aliases) run that cell itself: the
master's set-up cell, then the answer bound to the answer cell's variable, then the grade cell.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from nbtools import graded_masters, nbgrader_meta, read


@dataclass(frozen=True)
class GradeCell:
    question_id: str
    notebook: Path
    variable: str  # the name the answer cell defines
    setup: str  # the notebook's set-up cell (imports ``ex``)
    source: str  # the grade cell: visible check and hidden tests
    points: float


def _defined_name(source: str) -> str:
    solution = source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
    for node in ast.parse(solution).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
        if isinstance(node, ast.FunctionDef):
            return node.name
    raise ValueError(f"the solution defines no name:\n{solution}")


@functools.cache
def grade_cells() -> dict[str, GradeCell]:
    """Every autograded item of every graded master, by the answer cell's grade id (the question's id)."""
    found = {}
    for path in graded_masters():
        cells = read(path).cells
        code = [c for c in cells if c.cell_type == "code"]
        setup = code[0].source
        for i, cell in enumerate(code):
            meta = nbgrader_meta(cell)
            if meta.get("solution") and i + 1 < len(code) and nbgrader_meta(code[i + 1]).get("grade"):
                following = code[i + 1]
                found[meta["grade_id"]] = GradeCell(meta["grade_id"], path, _defined_name(cell.source), setup,
                                                    following.source, float(nbgrader_meta(following)["points"]))
    return found


def _run(question_id: str, answer: Any) -> tuple[bool, str, Any]:
    """(whether the grade cell passes with ``answer``, what it printed or the failure, the value of its last line
    when that line is an expression, as the notebook would show it, else None)."""
    cell = grade_cells()[question_id]
    namespace: dict[str, Any] = {}
    shown = io.StringIO()
    where = f"{cell.notebook.name}:{question_id}_check"
    body = ast.parse(cell.source).body
    last = body.pop() if body and isinstance(body[-1], ast.Expr) else None
    with contextlib.redirect_stdout(shown):
        exec(compile(cell.setup, f"{cell.notebook.name}:setup", "exec"), namespace)
        namespace[cell.variable] = answer
        try:
            exec(compile(ast.Module(body, type_ignores=[]), where, "exec"), namespace)
            value = eval(compile(ast.Expression(last.value), where, "eval"), namespace) if last else None
        except AssertionError as failure:
            return False, f"{shown.getvalue()}\nAssertionError: {failure}", None
    return True, shown.getvalue(), value


def run_grade_cell(question_id: str, answer: Any) -> tuple[bool, str]:
    """(whether the grade cell passes with ``answer``, for some or all of its points; what it printed or the
    failure)."""
    passed, shown, _ = _run(question_id, answer)
    return passed, shown


def grade_cell_points(question_id: str, answer: Any) -> float:
    """The points the grade cell gives ``answer``, as nbgrader counts them: none if it fails; if it passes and its
    last line is a number (a graded item's partial credit, e.g. ``2 if score >= 70 else 1``), that number; else
    all of the item's points."""
    passed, _, value = _run(question_id, answer)
    if not passed:
        return 0.0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        assert 0 <= value <= grade_cells()[question_id].points, f"{question_id}: partial credit out of range"
        return float(value)
    return grade_cells()[question_id].points


def markdown_text(assignment: str, notebook: str) -> str:
    """The markdown of a module's notebook as one line of text, as read: line breaks inside a sentence do not matter
    (what a figures test searches for the numbers an item quotes)."""
    from course.syllabus import module

    markdown = "\n".join(c.source for c in read(module(assignment).path / notebook).cells if c.cell_type == "markdown")
    return " ".join(markdown.split())


# --------------------------------------------------------------------------- synthetic submissions (end-to-end tests)
def copy_notebook(nb):
    """A deep copy of a notebook, to edit into one learner's submission."""
    import json

    import nbformat

    return nbformat.from_dict(json.loads(json.dumps(nb)))


def answer_all(learner_nb, master_nb) -> None:
    """Fill every answer cell of ``learner_nb`` with the master's solution: what a perfect learner hands in."""
    from nbtools import cells_by_id, solution_source

    master = cells_by_id(master_nb)
    for cell in learner_nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            cell.source = solution_source(master[meta["grade_id"]])


def hand_in(root: Path, assignment: str, notebook: str, submissions: dict) -> None:
    """Register the learners and put each one's notebook in ``submitted/`` as ``nbgrader collect`` would."""
    import nbformat

    from conftest import add_students

    add_students(root, {learner: ("Test", learner) for learner in submissions})
    for learner, nb in submissions.items():
        folder = Path(root) / "submitted" / learner / assignment
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / notebook))
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")


def tamper(nb, removed_check: str) -> None:
    """A learner who rewrites every check cell to pass, inflates its points and deletes one check cell."""
    from nbtools import cells_by_id

    removed = cells_by_id(nb)[removed_check]
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("grade") and cell.cell_type == "code":
            cell.source = "pass  # all good here"
            meta["points"] = 100
    nb.cells.remove(removed)  # a deleted check cell must not make its points disappear either


def raise_everywhere(nb) -> None:
    """A learner whose every answer cell raises."""
    for cell in nb.cells:
        if nbgrader_meta(cell).get("solution") and cell.cell_type == "code":
            cell.source = 'raise RuntimeError("this learner\'s code fails everywhere")'


def released(root: Path, assignment: str, notebook: str):
    """Generate the learner copies of ``assignment``; return (the learner copy, the master) of ``notebook``."""
    from course.nbgrader_cli import nbgrader

    nbgrader("generate_assignment", assignment, "--force", root=root)
    return read(Path(root) / "release" / assignment / notebook), read(Path(root) / "source" / assignment / notebook)


def hand_in_class(root: Path, assignment: str, notebook: str, build, learners) -> None:
    """Release ``assignment`` and hand in ``build(learner, learner copy, master)`` for each learner."""
    release_nb, master_nb = released(root, assignment, notebook)
    hand_in(root, assignment, notebook, {learner: build(learner, release_nb, master_nb) for learner in learners})


# --------------------------------------------------------------------------- what every assignment's grading test checks
@dataclass(frozen=True)
class Assessment:
    """An assignment as its end-to-end grading test sees it."""
    assignment: str  # the module folder, e.g. "module2_strategy"
    notebook: str  # e.g. "2.6-assignment.ipynb"
    title: str  # shown on every feedback page, e.g. "Assignment 2"
    auto_max: float
    written_max: float
    written_id: str  # the grade id of a written answer, checked on the blank learner
    # the synthetic class: learner -> autograded score, and how each one's submission is made from
    # (learner, learner copy, master)
    expected: dict = field(default_factory=dict)
    build: Callable | None = None
    keys: dict = field(default_factory=dict)  # question id -> key
    degenerate: dict = field(default_factory=dict)  # shortcut learner -> answers (question id -> answer)
    label_items: dict = field(default_factory=dict)  # labelled items: question id -> form check
    thoughtful: dict = field(default_factory=dict)  # thoughtful learner -> answers
    thoughtful_scores: dict = field(default_factory=dict)  # thoughtful learner -> points they earn

    def feedback_page(self, root: Path, learner: str) -> str:
        return (root / "feedback" / learner / self.assignment / self.notebook.replace(".ipynb", ".html")).read_text(
            encoding="utf-8")


def assert_exact_points(spec: Assessment, root: Path, outcomes, expected: dict) -> None:
    """Every learner graded, each with exactly the autograded points expected, read back from the gradebook; the
    maxima unchanged; written answers waiting for the instructor, except a blank one (0, nothing to mark)."""
    from nbgrader.api import Gradebook

    assert {o.student: o.status for o in outcomes} == {learner: "graded" for learner in expected}
    assert {o.student: o.score for o in outcomes} == expected  # written answers are still ungraded: 0
    notebook = spec.notebook.removesuffix(".ipynb")  # read per notebook: a module may also hold a graded lab
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        scores = {}
        for learner in expected:
            submission = gradebook.find_submission_notebook(notebook, spec.assignment, learner)
            scores[learner] = submission.code_score
            assert submission.max_code_score == spec.auto_max, f"{learner}: max points changed"
            assert submission.max_written_score == spec.written_max
        assert gradebook.find_notebook(notebook, spec.assignment).max_score == spec.auto_max + spec.written_max
        assert gradebook.find_submission_notebook(notebook, spec.assignment, "full").needs_manual_grade
        blank = gradebook.find_grade(spec.written_id, notebook, spec.assignment, "blank")
        assert blank.score == 0 and not blank.needs_manual_grade
    assert scores == expected


def assert_feedback_hides_the_hidden_tests(spec: Assessment, root: Path, learners) -> None:
    """The course's feedback pages keep the form checks' messages and never show hidden-test code or keys."""
    from autograder.feedback import generate_feedback, leaks

    master = read(root / "source" / spec.assignment / spec.notebook)
    generate_feedback(root, spec.assignment)
    for learner in learners:
        page = spec.feedback_page(root, learner)
        handed_in = read(root / "submitted" / learner / spec.assignment / spec.notebook)
        own = "\n".join(c.source for c in handed_in.cells if c.metadata.get("nbgrader", {}).get("solution"))
        assert leaks(page, master, own) == [], f"{learner}: hidden tests leak into the feedback"
        assert "_key" not in page and "_aliases" not in page and spec.title in page
    partly = spec.feedback_page(root, "partly_wrong")
    assert "Answered" in partly and "did not pass for this item" in partly


def assert_autograded_share(spec: Assessment) -> None:
    """At least ten autograded items, worth at least 60% of the points."""
    cells = [c for c in grade_cells().values() if c.notebook.name == spec.notebook]
    assert len(cells) >= 10 and sum(c.points for c in cells) == spec.auto_max
    assert spec.auto_max / (spec.auto_max + spec.written_max) >= 0.6


def hidden_test_score(answers: dict) -> float:
    """The points ``answers`` (question id -> answer) earn, item by item through the master's hidden tests."""
    return sum(grade_cell_points(qid, answer) for qid, answer in answers.items())


def assert_shortcut_pays_less(spec: Assessment, answers: dict, keys: dict, thoughtful: dict) -> None:
    """A degenerate learner answers every item yet earns at most 30% and at most half the weakest thoughtful score."""
    assert set(answers) == set(keys), "a degenerate learner answers every item"
    score = hidden_test_score(answers)
    assert score <= spec.auto_max * 0.3, f"earns {score:g} of {spec.auto_max}"
    assert score <= min(thoughtful.values()) / 2


# --------------------------------------------------------------------------- an assignment's synthetic class
_EQUALS_ANYTHING = "    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"


def cheat_sources(*, equal_anything: str, patched_str: tuple[str, str], silenced_check: tuple[str, str],
                  patched_type: tuple[str, str], patched_form_check: tuple[str, str],
                  labels_equal_anything: tuple[str, tuple[str, ...]]) -> dict[str, str]:
    """The six cheats every assignment's cheater tries, each on the item named (question id, and the letter or
    item names it needs), as answer-cell sources:

    - ``equal_anything``: an object that claims to equal anything;
    - ``patched_str``: a str subclass whose methods are patched to return the given letter;
    - ``silenced_check``: the visible check silenced, then the given (wrong) answer;
    - ``patched_type``: the right letter, in a type that claims to equal anything (refused even so);
    - ``patched_form_check``: the course package's form check patched, then the given (wrong) answer;
    - ``labels_equal_anything``: the right item names, with values that claim to equal anything.
    """
    var = {qid: grade_cells()[qid].variable for qid in (equal_anything, patched_str[0], silenced_check[0],
                                                        patched_type[0], patched_form_check[0],
                                                        labels_equal_anything[0])}
    (s_id, s_letter), (c_id, c_answer), (t_id, t_answer), (f_id, f_answer), (l_id, l_items) = (
        patched_str, silenced_check, patched_type, patched_form_check, labels_equal_anything)
    return {
        equal_anything: f"class _Yes(dict):\n    def __eq__(self, other): return True\n{var[equal_anything]} = _Yes()",
        s_id: f"class _S(str):\n    def strip(self): return {s_letter!r}\n    def lower(self): return {s_letter!r}\n"
              f"{_EQUALS_ANYTHING}{var[s_id]} = _S('z')",
        c_id: f"ex.{var[c_id]}.check = lambda answer: None\n{var[c_id]} = {c_answer!r}",
        t_id: f"class _T(str):\n{_EQUALS_ANYTHING}{var[t_id]} = _T({t_answer!r})",
        f_id: f"import course.checks as _c\n_c.FormCheck.verdict = lambda self, answer: None\n{var[f_id]} = {f_answer!r}",
        l_id: f"class _E(str):\n{_EQUALS_ANYTHING}{var[l_id]} = {{k: _E('x') for k in {tuple(l_items)!r}}}",
    }


def synthetic_submission(kind: str, release_nb, master_nb, *, partly_wrong: dict, tampered: dict, removed_check: str,
                         cheats: dict, cheater_wrong: dict, degenerate: dict, written: dict):
    """One learner of an assignment's synthetic class, made from the learner copy (and the master's solutions):

    - ``full``: every solution, and the written answers; ``blank``: nothing;
    - ``partly_wrong``: every solution but the well-formed wrong answers given (question id -> answer);
    - ``tampered``: only the answers given, then checks rewritten and points inflated (``tamper``);
    - ``raises``: every answer cell raises; ``cheater``: the ``cheats`` (question id -> source) and wrong
      answers (``cheater_wrong``) everywhere else;
    - a name in ``degenerate``: that shortcut learner's answers.
    """
    from nbtools import cells_by_id

    nb = copy_notebook(release_nb)
    cells = cells_by_id(nb)

    def answer(answers: dict) -> None:
        for qid, value in answers.items():
            if qid not in cheats or kind != "cheater":
                cells[qid].source = f"{grade_cells()[qid].variable} = {value!r}"

    if kind in ("full", "partly_wrong", "cheater"):
        answer_all(nb, master_nb)
    if kind == "partly_wrong":
        answer(partly_wrong)
    if kind == "tampered":
        answer(tampered)
        tamper(nb, removed_check=removed_check)
    if kind == "raises":
        raise_everywhere(nb)
    if kind == "cheater":
        for qid, source in cheats.items():
            cells[qid].source = source
        answer(cheater_wrong)
    if kind in degenerate:
        answer(degenerate[kind])
    if kind in ("full", "partly_wrong"):
        for qid, text in written.items():
            cells[qid].source = text
    return nb


def class_scores(auto_max: float, *, always_a: float, copied_from_lessons: float, item_points: float = 2) -> dict:
    """The autograded score each learner of a synthetic class earns: everything, nothing, all but the two wrong
    items, the one item the tamperer answered, nothing for raising or cheating, and what the two shortcut
    learners' answers happen to earn (worked out item by item in the key file)."""
    return {"full": auto_max, "blank": 0, "partly_wrong": auto_max - 2 * item_points, "tampered": item_points,
            "raises": 0, "cheater": 0, "always_a": always_a, "copied_from_lessons": copied_from_lessons}


# --------------------------------------------------------------------------- keys answered differently, shortcut learners
def but(key: dict, **changes) -> dict:
    """The key with some items answered differently."""
    return {**key, **changes}


def same_everywhere(keys: dict, label_items: dict, letter: str, label_index: int) -> dict:
    """A learner who gives one letter to every choice and one label (the n-th allowed one) to every labelled item
    (``label_items``: question id -> its form check, which knows the item names and allowed labels)."""
    answers = {qid: letter for qid, key in keys.items() if isinstance(key, str)}
    for qid, form in label_items.items():
        label = form.labels[label_index % len(form.labels)]
        answers[qid] = {item: label for item in form.items}
    return answers


def degenerate_learners(keys: dict, label_items: dict, copied_from_lessons: dict) -> dict[str, dict]:
    """Every one-letter, one-label learner, and the one who copies the lessons."""
    return {
        "always_a": same_everywhere(keys, label_items, "a", 0),
        **{f"always_{letter}_one_label_{i}": same_everywhere(keys, label_items, letter, i)
           for letter in "bcd" for i in range(5)},
        "copied_from_lessons": copied_from_lessons,
    }
