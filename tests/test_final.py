"""The final assessment: its item bank, the two parallel forms drawn from it, the committed master, and a class
graded end to end.

- The bank (``autograder/final/``) holds at least 60 well-formed items, tagged with module and lesson, and a bad
  file or item is refused with a message naming the file, the item and what is wrong.
- The two forms are disjoint, asked in proportion to the modules (the quotas), balanced by lesson, with their keys
  spread over a-d; the committed master is form A as the tool writes it, and form B is a valid nbgrader assignment
  whose hidden tests accept its key only.
- Nothing a learner gets (the learner copy, the ``course`` package) holds the key or the options' reasons.
- No question repeats a review quiz's or an assignment's scenario.
- A class graded with the project's grader gets exactly the points it earned; the feedback lists the questions
  missed under the lesson to revisit; a learner who guesses by a pattern earns clearly less than one who thinks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from functools import partial
from pathlib import Path

import pytest
import yaml

from answer_keys import final as key
from course import final
from course.syllabus import REPO_ROOT
from gradecells import (Assessment, assert_exact_points, assert_feedback_hides_the_hidden_tests,
                        assert_shortcut_pays_less, copy_notebook, grade_cells, hand_in_class, hidden_test_score,
                        run_grade_cell)
from nbtools import cells_by_id, nbgrader_meta, read

BANK = final.load_bank()
FORMS = final.draw(BANK)


# --------------------------------------------------------------------------- the bank
def test_the_bank_holds_enough_items_for_two_forms_of_every_lesson():
    assert len(BANK.items) >= 60
    assert final.quota_problems(BANK.items) == []
    by_module = Counter(item.module for item in BANK.items)
    assert all(by_module[folder] >= 2 * quota for folder, quota in final.QUOTAS.items())
    assert sum(final.QUOTAS.values()) == 30


def test_every_item_has_one_best_answer_three_distractors_and_a_reason_for_each():
    for item in BANK.items:
        assert len(item.options) == 4 and sum(o.best for o in item.options) == 1, item.id
        assert all(len(o.why) > 20 for o in item.options), f"{item.id}: each option says why it is or is not best"
        assert item.lesson in final.LESSONS[item.module], item.id
        assert not re.search(r"\b(all|none) of the above\b", " ".join(o.text for o in item.options), re.I), item.id


def test_the_best_answer_is_not_given_away_by_its_length():
    """Neither the longest nor the shortest option is the best one in more than about a quarter of the items."""
    ranks = Counter(sorted(len(o.text) for o in item.options).index(len(item.best.text)) for item in BANK.items)
    for rank, name in ((0, "shortest"), (3, "longest")):
        assert ranks[rank] <= 0.25 * len(BANK.items), f"the best answer is the {name} option in {ranks[rank]} items"
    assert max(ranks.values()) <= 0.35 * len(BANK.items), ranks


def _copy_bank(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    shutil.copytree(final.BANK_DIR, folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def _edit(folder: Path, name: str, change) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_bad_bank_is_refused_with_every_problem_named(tmp_path):
    folder = _copy_bank(tmp_path)

    def break_items(data):
        first, second, third = data["items"][:3]
        for option in first["options"]:
            option.pop("best", None)  # no best answer
        second["lesson"] = "9.9"
        third["options"][0]["text"] = "All of the above"

    _edit(folder, "module2.yaml", break_items)
    (folder / "module4.yaml").write_text("items: [\n", encoding="utf-8")
    (folder / "case.yaml").unlink()
    with pytest.raises(final.BankError) as raised:
        final.load_bank(folder)
    message = str(raised.value)
    items = yaml.safe_load((final.BANK_DIR / "module2.yaml").read_text(encoding="utf-8"))["items"]
    assert f"module2.yaml: item {items[0]['id']!r}: no option is marked best: true" in message
    assert f"module2.yaml: item {items[1]['id']!r}: unknown lesson '9.9'" in message
    assert f"module2.yaml: item {items[2]['id']!r}: option 1 is an 'all/none of the above'" in message
    assert "module4.yaml: not valid YAML" in message
    assert "case.yaml: missing" in message


def test_a_bank_too_small_for_two_forms_says_which_quota_it_misses(tmp_path):
    folder = _copy_bank(tmp_path)
    _edit(folder, "module3.yaml", lambda data: data.update(items=data["items"][:9]))
    with pytest.raises(final.BankError, match=r"module3.yaml: quota not met: 9 items, two forms of 6 need at least 12"):
        final.load_bank(folder)


def test_the_command_line_reports_a_bad_bank_and_fails(tmp_path):
    folder = _copy_bank(tmp_path)
    _edit(folder, "module1.yaml", lambda data: data["items"][0].update(id="Bad Id"))
    run = subprocess.run([sys.executable, "-m", "course", "final", "--check", "--bank", str(folder)],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 1
    assert "module1.yaml: item 'Bad Id': the id must be a short snake_case name starting with f1_" in run.stderr


# --------------------------------------------------------------------------- the two forms
def test_the_two_forms_are_disjoint_and_in_proportion_to_the_modules():
    a, b = ({q.item.id for q in FORMS[letter].questions} for letter in "AB")
    assert len(a) == len(b) == 30 and not a & b
    for letter in "AB":
        counts = Counter(q.item.module for q in FORMS[letter].questions)
        assert counts == Counter(final.QUOTAS), letter


def test_the_two_forms_are_balanced_by_lesson():
    for folder, lessons in final.LESSONS.items():
        for lesson in lessons:
            a, b = (sum(q.item.lesson == lesson for q in FORMS[letter].questions) for letter in "AB")
            assert abs(a - b) <= 1 and a >= 1 and b >= 1, (lesson, a, b)


def test_each_form_spreads_its_keys_over_the_four_letters():
    for letter in "AB":
        keys = [q.key for q in FORMS[letter].questions]
        counts = Counter(keys)
        assert set(counts) == set("abcd") and max(counts.values()) - min(counts.values()) <= 1, counts
        assert not any(len(set(keys[i:i + 4])) == 1 for i in range(len(keys) - 3)), "four keys in a row alike"
        for question in FORMS[letter].questions:  # the options are the item's, the best where the key says
            assert sorted(o.text for o in question.options) == sorted(o.text for o in question.item.options)
            assert question.options["abcd".index(question.key)].best


def test_the_draw_is_fixed_by_its_seed_and_another_seed_draws_other_balanced_forms():
    again = final.draw(BANK)
    assert [q.item.id for q in again["A"].questions] == [q.item.id for q in FORMS["A"].questions]
    other = final.draw(BANK, seed=11)
    assert [q.item.id for q in other["A"].questions] != [q.item.id for q in FORMS["A"].questions]
    assert Counter(q.item.module for q in other["B"].questions) == Counter(final.QUOTAS)


def test_the_check_prints_the_balance_of_the_two_forms(capsys):
    assert final.main(check=True) == 0
    table = capsys.readouterr().out
    assert re.search(r"Module 4 Community Interaction \(quota 7\)\s+15\s+7\s+7\s+1", table)
    assert "form A: keys a: " in table and "form B: keys a: " in table


# --------------------------------------------------------------------------- the master and the learner copy
def _sources(nb) -> list[tuple[str, str, dict]]:
    return [(c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]


def test_the_committed_master_is_form_a_as_the_tool_writes_it():
    committed = read(final.MASTER)
    written = final.build_notebook(FORMS["A"], BANK.case)
    assert _sources(committed) == _sources(written), "run `python -m course final` and commit the master"
    assert committed.metadata["course"]["final"] == {"form": "A", "seed": final.SEED}


def test_each_question_names_its_module_and_lesson():
    cells = read(final.MASTER).cells
    for question in FORMS["A"].questions:
        heading = next(c.source for c in cells if nbgrader_meta(c).get("grade_id") == f"{question.question_id}_question")
        item = question.item
        assert heading.startswith(f"### Question {question.number} — Module {item.module_number}, lesson "
                                  f"{item.lesson}: {final.lesson_title(item.lesson)} (1 point)")


@pytest.fixture(scope="module")
def form_b_root(tmp_path_factory):
    """A course root whose source holds form B as its only notebook of module5_analysis, released with nbgrader."""
    from course.nbgrader_cli import COURSE_ROOT, nbgrader

    root = tmp_path_factory.mktemp("form_b") / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy(COURSE_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    final.write("B", output=root / "source" / "module5_analysis" / final.NOTEBOOK)
    nbgrader("generate_assignment", "module5_analysis", "--force", root=root)
    return root


def test_form_b_is_a_valid_nbgrader_assignment(form_b_root):
    copy = read(form_b_root / "release" / "module5_analysis" / final.NOTEBOOK)
    master = read(form_b_root / "source" / "module5_analysis" / final.NOTEBOOK)
    assert master.metadata["course"]["final"]["form"] == "B"
    graded = [c for c in copy.cells if nbgrader_meta(c).get("grade")]
    assert len(graded) == 31 and sum(nbgrader_meta(c)["points"] for c in graded) == 40
    text = "\n".join(c.source for c in copy.cells)
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "final item" not in text


def _run_check(setup: str, source: str, variable: str, answer) -> bool:
    namespace: dict = {}
    exec(setup.replace("setup_notebook()", ""), namespace)
    namespace[variable] = answer
    try:
        exec(source, namespace)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("letter", ["A", "B"])
def test_each_forms_hidden_tests_accept_its_key_only(letter, tmp_path):
    path = final.write(letter, output=tmp_path / final.NOTEBOOK)
    nb = read(path)
    setup = next(c.source for c in nb.cells if c.cell_type == "code")
    cells = cells_by_id(nb)
    for question in FORMS[letter].questions:
        check = cells[f"{question.question_id}_check"].source
        passed = {answer for answer in "abcd" if _run_check(setup, check, question.variable, answer)}
        assert passed == {question.key}, (question.number, passed)
        assert _run_check(setup, check, question.variable, f" {question.key.upper()} ")


def test_a_wrong_answer_fails_with_the_question_and_the_lesson_to_revisit():
    question = FORMS["A"].questions[3]
    wrong = next(letter for letter in "abcd" if letter != question.key)
    passed, shown = run_grade_cell(question.question_id, wrong)
    assert not passed
    assert f"Question 4 is not right: revisit lesson {question.item.lesson}" in shown


@pytest.fixture(scope="module")
def learner_copy(module_course_root):
    from course.nbgrader_cli import nbgrader

    nbgrader("generate_assignment", "module5_analysis", "--force", root=module_course_root)
    return read(module_course_root / "release" / "module5_analysis" / final.NOTEBOOK)


def test_the_learner_copy_holds_no_key_no_reason_and_no_model_answer(learner_copy):
    text = " ".join("\n".join(c.source for c in learner_copy.cells).split())
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "final item" not in text
    assert not re.search(r'q\d\d = "[abcd]"', text), "an answer is filled in"
    for question in FORMS["A"].questions:
        for option in question.options:
            assert " ".join(option.why.split()) not in text, f"Q{question.number}: an option's reason is shown"
    assert " ".join(BANK.case.model_answer.split())[:200] not in text
    assert " ".join(BANK.case.rubric.split())[:200] not in text


def test_the_package_ships_no_bank():
    """The bank is instructor-side: the course package (what a learner installs) holds no item of it."""
    import tomllib

    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    shipped = [pattern for patterns in config["package-data"].values() for pattern in patterns]
    assert not any("final" in pattern for pattern in shipped)
    ids = {item.id for item in BANK.items}
    for path in (REPO_ROOT / "course").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".yaml", ".csv", ".j2", ".json"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not ids & set(re.findall(r"\bf[1-5]_[a-z0-9_]+", text)), f"{path} names a bank item"


# --------------------------------------------------------------------------- no repeated scenarios
def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def _other_scenarios() -> dict[str, str]:
    found = {}
    for path in sorted((REPO_ROOT / "course" / "quizzes").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            found[f"{path.name} {item['id']}"] = item["stem"]
    for cell in grade_cells().values():
        if cell.notebook.name != final.NOTEBOOK:
            nb = read(cell.notebook)
            found.update({f"{cell.notebook.name} {i}": c.source for i, c in enumerate(nb.cells)
                          if c.cell_type == "markdown" and re.search(r"Question \d+", c.source)})
    return found


def test_no_question_repeats_a_quiz_or_assignment_scenario():
    others = {name: _shingles(text) for name, text in _other_scenarios().items()}
    assert len(others) > 80
    for item in BANK.items:
        mine = _shingles(item.stem)
        for name, theirs in others.items():
            shared = len(mine & theirs)
            assert shared <= 3, f"{item.id} shares {shared} six-word runs with {name}"


# --------------------------------------------------------------------------- a class graded end to end
KEYS = key.KEYS
QUESTIONS = {q.question_id: q for q in key.FORM.questions}
NOTEBOOK = final.NOTEBOOK
AUTO_MAX, WRITTEN_MAX = 30, BANK.case.points


def _pick(choose) -> dict[str, str]:
    """Every question answered with ``choose(question)``, a letter."""
    return {qid: choose(q) for qid, q in QUESTIONS.items()}


def _longest(question) -> str:
    lengths = [len(o.text) for o in question.options]
    return "abcd"[lengths.index(max(lengths))]


def _shortest(question) -> str:
    lengths = [len(o.text) for o in question.options]
    return "abcd"[lengths.index(min(lengths))]


DEGENERATE = {
    **{f"always_{letter}": _pick(lambda q, letter=letter: letter) for letter in "abcd"},
    "longest_option": _pick(_longest),
    "shortest_option": _pick(_shortest),
    # the answer one place after the key on every question: as far from the key as a learner can be while still
    # spreading letters evenly
    "always_next_letter": _pick(lambda q: "abcd"[("abcd".index(q.key) + 1) % 4]),
}
FIRST, SECOND = list(KEYS)[:2]
WRONG = {qid: "abcd"[("abcd".index(k) + 1) % 4] for qid, k in KEYS.items()}
CHEATS = {
    FIRST: "class _Yes(str):\n    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"
           "    def strip(self): return self\n    def lower(self): return self\nq01 = _Yes('z')",
    SECOND: f"ex.q02.check = lambda answer: None\nimport course.checks as _c\n"
            f"_c.FormCheck.verdict = lambda self, answer: None\nq02 = {WRONG[SECOND]!r}",
}
CASE_ANSWER = ("(a) Engagements per person reached, baseline from the autumn weeks, target +10% by 18 April. "
               "(b) Rider stories first. (c) A daily rota. (d) Hold the noon posts. (e) Report with denominators.")


def _submission(kind: str, release_nb, master_nb):
    from gradecells import answer_all, raise_everywhere, tamper

    nb = copy_notebook(release_nb)
    cells = cells_by_id(nb)

    def answer(answers: dict) -> None:
        for qid, value in answers.items():
            cells[qid].source = f"{QUESTIONS[qid].variable} = {value!r}"

    if kind in ("full", "partly_wrong"):
        answer_all(nb, master_nb)
        cells["final_case"].source = CASE_ANSWER
    if kind == "partly_wrong":  # two slips, on two lessons
        answer({qid: WRONG[qid] for qid in list(KEYS)[4:6]})
    if kind == "tampered":
        answer({FIRST: KEYS[FIRST]})
        tamper(nb, removed_check=f"{SECOND}_check")
    if kind == "raises":
        raise_everywhere(nb)
    if kind == "cheater":
        answer(WRONG)
        for qid, source in CHEATS.items():
            cells[qid].source = source
    if kind in DEGENERATE:
        answer(DEGENERATE[kind])
    return nb


EXPECTED = {"full": AUTO_MAX, "blank": 0, "partly_wrong": AUTO_MAX - 2, "tampered": 1, "raises": 0, "cheater": 0,
            "always_a": hidden_test_score(DEGENERATE["always_a"]),
            "longest_option": hidden_test_score(DEGENERATE["longest_option"])}

SPEC = Assessment("module5_analysis", NOTEBOOK, "Final assessment", AUTO_MAX, WRITTEN_MAX, "final_case",
                  expected=EXPECTED, build=_submission, keys=dict(KEYS), degenerate=DEGENERATE)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from autograder.grading import grade_all
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("final"))
    hand_in_class(root, SPEC.assignment, SPEC.notebook, SPEC.build, SPEC.expected)
    return root, grade_all(root, SPEC.assignment, workers=2, progress=False)


def test_each_learner_gets_exactly_the_points_they_earned(graded):
    root, outcomes = graded
    assert EXPECTED["always_a"] == Counter(KEYS.values())["a"]  # one point for each key that happens to be a
    assert_exact_points(SPEC, root, outcomes, EXPECTED)


def test_the_feedback_lists_the_questions_missed_under_the_lesson_to_revisit(graded):
    root, _ = graded
    assert_feedback_hides_the_hidden_tests(SPEC, root, EXPECTED)
    page = " ".join(re.sub(r"<[^>]+>", " ", SPEC.feedback_page(root, "partly_wrong")).split())
    for qid in list(KEYS)[4:6]:
        question = QUESTIONS[qid]
        lesson = f"Lesson {question.item.lesson}, {final.lesson_title(question.item.lesson)}"
        assert re.search(re.escape(lesson) + r" : .*Question " + str(question.number) + r" \(not right \(0 of 1 point\)\)",
                         page), lesson
    assert "Written answer: waiting for your instructor" in page


@pytest.mark.parametrize("name", sorted(DEGENERATE))
def test_a_learner_who_guesses_by_a_pattern_scores_clearly_less_than_one_who_thinks(name):
    thoughtful = {"every answer right": AUTO_MAX, "two slips": AUTO_MAX - 2}
    assert hidden_test_score({**KEYS, **{qid: WRONG[qid] for qid in list(KEYS)[:2]}}) == AUTO_MAX - 2
    assert_shortcut_pays_less(SPEC, DEGENERATE[name], KEYS, thoughtful)


def test_the_autograded_questions_are_three_quarters_of_the_points():
    cells = [c for c in grade_cells().values() if c.notebook.name == NOTEBOOK]
    assert len(cells) == 30 and sum(c.points for c in cells) == AUTO_MAX
    assert AUTO_MAX / (AUTO_MAX + WRITTEN_MAX) == 0.75


# --------------------------------------------------------------------------- the class report, by bank item and lesson
def test_the_class_report_names_each_questions_bank_item_and_sums_up_by_lesson(graded):
    from autograder.reports import class_report, final_responses, write_lms_files

    root, _ = graded
    out = root / "reports" / "module5_analysis"
    paths = write_lms_files(root, "module5_analysis", out)
    responses = final_responses(root, "module5_analysis")
    counts = responses.groupby("student_id").size()
    assert set(counts.index) == set(EXPECTED) and set(responses["form"]) == {"A"}
    # the tamperer deleted a check cell: its grade waits for a person, so it is not counted as an answer
    assert (counts.drop("tampered") == 30).all() and counts["tampered"] == 29
    assert set(responses["bank_item"]) == {q.item.id for q in FORMS["A"].questions}
    mine = responses[responses["student_id"] == "partly_wrong"]
    assert mine["score"].sum() == AUTO_MAX - 2 and set(mine["rest"]) == {AUTO_MAX - 3, AUTO_MAX - 2}
    assert paths["final"].is_file()
    page = class_report(root, "module5_analysis", out).read_text(encoding="utf-8")
    assert "The final assessment by lesson" in page
    for question in FORMS["A"].questions[:3]:
        assert f"bank item <code>{question.item.id}</code>" in page
    first = FORMS["A"].questions[0].item.lesson
    assert f"<td>{first} {final.lesson_title(first)}</td>" in page


def test_two_sittings_on_the_two_forms_pool_into_statistics_per_bank_item(graded, form_b_root, tmp_path):
    """Form A's class (above) and three learners on form B, each graded with the project's grader: pooled, every
    bank item of both forms has its own difficulty, computed from the answers given."""
    from autograder.grading import grade_all
    from autograder.reports import write_lms_files
    from gradecells import answer_all, hand_in

    root_a, _ = graded
    release = read(form_b_root / "release" / "module5_analysis" / NOTEBOOK)
    master = read(form_b_root / "source" / "module5_analysis" / NOTEBOOK)
    keys_b = FORMS["B"].keys
    full = copy_notebook(release)
    answer_all(full, master)
    always_a = copy_notebook(release)
    for cell in always_a.cells:
        if nbgrader_meta(cell).get("grade_id", "") in keys_b:
            cell.source = f"{cell.source.split(' =')[0]} = 'a'"
    hand_in(form_b_root, "module5_analysis", NOTEBOOK, {"b_full": full, "b_always_a": always_a,
                                                         "b_blank": copy_notebook(release)})
    outcomes = grade_all(form_b_root, "module5_analysis", workers=2, progress=False)
    assert {o.student: o.score for o in outcomes} == {"b_full": 30, "b_always_a": list(keys_b.values()).count("a"),
                                                      "b_blank": 0}
    csv_a = write_lms_files(root_a, "module5_analysis", root_a / "reports" / "module5_analysis")["final"]
    csv_b = write_lms_files(form_b_root, "module5_analysis", form_b_root / "reports" / "module5_analysis")["final"]
    out = tmp_path / "pooled.csv"
    run = subprocess.run([sys.executable, "-m", "autograder", "final-items", str(csv_a), str(csv_b), "--out", str(out)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    import pandas as pd

    pooled = pd.read_csv(out, dtype={"lesson": str}).set_index("bank_item")
    assert len(pooled) == 60 and set(pooled["forms"]) == {"A", "B"}
    for question in FORMS["B"].questions:
        row = pooled.loc[question.item.id]
        right = 1 + (question.key == "a")
        assert (row["learners"], row["right"], row["forms"]) == (3, right, "B")
        assert row["difficulty"] == pytest.approx(right / 3)
        assert row["lesson"] == question.item.lesson and row["module"] == question.item.module_number
    assert pooled["discrimination"].dropna().between(-1, 1).all()
    bad = tmp_path / "not-responses.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "autograder", "final-items", str(bad), "--out", str(out)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode != 0 and "not-responses.csv: not a final-responses.csv" in run.stderr
