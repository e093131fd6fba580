"""The final assessment: an item bank, two parallel forms drawn from it, and the notebook of a form.

Instructor-side. The bank lives in ``autograder/final/`` (one YAML file per module and ``case.yaml``, the
integrative case; format and rules: ``autograder/final/README.md``). It holds the key, so it is not package data
and nothing a learner's notebook runs reads it: this module is what ``python -m course final`` runs on the
instructor's checkout, and the ``course`` package a learner has installed holds no bank to read.

``python -m course final [--form A|B] [--seed N] [--check] [--output P]``

1. :func:`load_bank` reads and checks the bank; a bad file or item gets a :class:`BankError` naming the file, the
   item and what is wrong (every problem at once).
2. :func:`draw` draws two disjoint forms of 30 questions, stratified by module (:data:`QUOTAS`: 5, 6, 6, 7 and 6
   questions) and by lesson (a lesson's counts on the two forms differ by at most one), deterministically from the
   seed. Each form places the options of its items so that its keys are spread evenly over a-d; the distractors
   keep the order they are written in.
3. :func:`build_notebook` writes a form as the master notebook ``module5_analysis/5.7-final-assessment.ipynb``
   (nbgrader source form): the key only between solution markers and in hidden tests. The committed master is
   form A with the default seed; ``--form B`` writes the parallel form.
"""

from __future__ import annotations

import json
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.quiz import Option  # the same option as a review quiz's: text, why, best
from course.syllabus import REPO_ROOT, module as syllabus_module

BANK_DIR = REPO_ROOT / "autograder" / "final"
NOTEBOOK = "5.7-final-assessment.ipynb"
MASTER = REPO_ROOT / "module5_analysis" / NOTEBOOK
SEED = 5707
FORMS = ("A", "B")
LETTERS = "abcd"
QUESTION_POINTS = 1
PASS_MARK = 0.7
# a one-letter choice takes less than a lesson's exercise: reading its scenario is counted with the words, and
# choosing among four options is about a minute and a half on top (course.timing)
QUESTION_MINUTES = 1.5
# the case asks for about 20 minutes of writing, against the 8 course.timing counts for one written answer
CASE_EXTRA_MINUTES = 12
BANK_MINIMUM = 60
# questions per form, by module (the bank needs at least twice as many for two disjoint forms)
QUOTAS = {"module1_intro": 5, "module2_strategy": 6, "module3_social": 6, "module4_interaction": 7,
          "module5_analysis": 6}
# the lessons each module's items may be tagged with, and the fewest items the bank holds for each
# ("4.3" covers lesson 4.3 and its policy lab 4.3b)
LESSONS = {
    "module1_intro": {"1.1": 4, "1.2": 4, "1.3": 3},
    "module2_strategy": {"2.1": 4, "2.2": 3, "2.3": 3, "2.4": 3},
    "module3_social": {"3.1": 4, "3.2": 3, "3.3": 3, "3.4": 3},
    "module4_interaction": {"4.1": 3, "4.2": 4, "4.3": 5, "4.4": 3},
    "module5_analysis": {"5.1": 4, "5.2": 3, "5.3": 3, "5.4": 3},
}
BANK_FILES = {folder: f"module{number}.yaml" for number, folder in enumerate(QUOTAS, start=1)}
CASE_FILE = "case.yaml"
_BANNED_OPTION = re.compile(r"\b(all|none|both|neither) of the (above|others|options|answers)\b|\bboth (a|b|c|d)\)? and\b",
                            re.IGNORECASE)
_ID = re.compile(r"[a-z][a-z0-9_]*")
# where the master's hidden test of a question records which bank item it asks (read by the class report)
ITEM_TAG = re.compile(r"^# final item: (\{.*\})$", re.M)


class BankError(ValueError):
    """The bank cannot be used; the message names each file, item and field that is wrong."""


@dataclass(frozen=True)
class Item:
    id: str
    module: str  # the module folder, e.g. "module3_social"
    lesson: str  # e.g. "3.1"
    objective: str
    stem: str
    options: tuple[Option, ...]  # as written in the bank

    @property
    def module_number(self) -> int:
        return syllabus_module(self.module).number

    @property
    def best(self) -> Option:
        return next(o for o in self.options if o.best)

    @property
    def distractors(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if not o.best)

    @property
    def longest_is_best(self) -> bool:
        return len(self.best.text) >= max(len(o.text) for o in self.options)


@dataclass(frozen=True)
class Case:
    title: str
    points: int
    brief: str
    task: str
    model_answer: str
    rubric: str


@dataclass(frozen=True)
class Bank:
    items: tuple[Item, ...]
    case: Case


@dataclass(frozen=True)
class Question:
    """An item as a form asks it: its number and its options in the order shown as a) to d)."""

    number: int
    item: Item
    options: tuple[Option, ...]

    @property
    def key(self) -> str:
        return LETTERS[next(i for i, o in enumerate(self.options) if o.best)]

    @property
    def variable(self) -> str:
        return f"q{self.number:02d}"

    @property
    def question_id(self) -> str:
        """The answer cell's grade id (and the id of its form check in course.exercises.module5.final)."""
        return f"final_{self.variable}"


@dataclass(frozen=True)
class Form:
    letter: str
    seed: int
    questions: tuple[Question, ...]

    @property
    def keys(self) -> dict[str, str]:
        return {q.question_id: q.key for q in self.questions}


# --------------------------------------------------------------------------- lessons
def lesson_title(lesson: str) -> str:
    """The title of lesson ``"3.1"`` in the syllabus ("The main social networks")."""
    folder = next(f for f, lessons in LESSONS.items() if lesson in lessons)
    return next(nb.title for nb in syllabus_module(folder).notebooks if nb.file.split("-", 1)[0] == lesson)


# --------------------------------------------------------------------------- reading and checking the bank
def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _read_yaml(path: Path, problems: list[str]) -> Any:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        problems.append(f"{path}: cannot be read ({error.strerror or error})")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(f"{path}: not valid YAML{f' (line {mark.line + 1})' if mark else ''}: "
                        f"{getattr(error, 'problem', error)}")
    return None


def _parse_item(raw: Any, index: int, folder: str, where: str, problems: list[str]) -> Item | None:
    number = list(QUOTAS).index(folder) + 1
    if not isinstance(raw, dict):
        problems.append(f"{where}: item {index + 1} is not a mapping with id, lesson, objective, stem and options")
        return None
    item_id = raw.get("id")
    label = f"{where}: item {item_id!r}" if isinstance(item_id, str) else f"{where}: item {index + 1}"
    before = len(problems)
    unknown = set(raw) - {"id", "lesson", "objective", "stem", "options"}
    if unknown:
        problems.append(f"{label}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; the fields are id, "
                        "lesson, objective, stem and options")
    if not isinstance(item_id, str) or not _ID.fullmatch(item_id) or not item_id.startswith(f"f{number}_"):
        problems.append(f"{label}: the id must be a short snake_case name starting with f{number}_")
    lesson = raw.get("lesson")
    lesson = lesson if isinstance(lesson, str) else str(lesson) if isinstance(lesson, (int, float)) else None
    if lesson not in LESSONS[folder]:
        problems.append(f"{label}: unknown lesson {raw.get('lesson')!r}; the lessons of {folder} are "
                        f"{', '.join(LESSONS[folder])} (quote it: lesson: \"{next(iter(LESSONS[folder]))}\")")
    for name in ("objective", "stem"):
        if _text(raw.get(name)) is None:
            problems.append(f"{label}: {name} is missing or empty")
    options = raw.get("options")
    parsed: list[Option] = []
    if not isinstance(options, list):
        problems.append(f"{label}: options must be a list of 4 options")
    else:
        if len(options) != 4:
            problems.append(f"{label}: {len(options)} options; an item has exactly 4 (one best, three distractors)")
        for j, option in enumerate(options):
            if not isinstance(option, dict) or _text(option.get("text")) is None or _text(option.get("why")) is None:
                problems.append(f"{label}: option {j + 1} needs a text and a why")
                continue
            if set(option) - {"text", "why", "best"}:
                problems.append(f"{label}: option {j + 1} has unknown field(s) "
                                f"{', '.join(sorted(map(str, set(option) - {'text', 'why', 'best'})))}")
            if option.get("best") not in (None, True, False):
                problems.append(f"{label}: option {j + 1}: best must be true (or left out)")
            if _BANNED_OPTION.search(option["text"]):
                problems.append(f"{label}: option {j + 1} is an 'all/none of the above' or 'both a and b' option; "
                                "write a fourth plausible answer")
            parsed.append(Option(" ".join(option["text"].split()), option["why"].strip(), option.get("best") is True))
        best = sum(o.best for o in parsed)
        if best != 1:
            problems.append(f"{label}: {'no option is' if not best else f'{best} options are'} marked best: true; "
                            "exactly one is")
        texts = [o.text.lower() for o in parsed]
        if len(set(texts)) != len(texts):
            problems.append(f"{label}: two options have the same text")
    if len(problems) > before:
        return None
    return Item(item_id, folder, lesson, " ".join(raw["objective"].split()), raw["stem"].strip(), tuple(parsed))


def _parse_case(data: Any, where: str, problems: list[str]) -> Case | None:
    fields = ("title", "points", "brief", "task", "model_answer", "rubric")
    if not isinstance(data, dict):
        problems.append(f"{where}: must hold {', '.join(fields)}")
        return None
    before = len(problems)
    for name in fields:
        if name == "points":
            if not isinstance(data.get("points"), int) or isinstance(data.get("points"), bool) or data["points"] <= 0:
                problems.append(f"{where}: points must be a whole number of points, e.g. points: 10")
        elif _text(data.get(name)) is None:
            problems.append(f"{where}: {name} is missing or empty")
    if set(data) - set(fields):
        problems.append(f"{where}: unknown field(s) {', '.join(sorted(map(str, set(data) - set(fields))))}")
    if len(problems) > before:
        return None
    return Case(data["title"].strip(), data["points"], data["brief"].strip(), data["task"].strip(),
                data["model_answer"].strip(), data["rubric"].strip())


def load_bank(folder: Path | str = BANK_DIR) -> Bank:
    """Read and check the bank in ``folder``: every item's form, unique ids, known lessons and the quotas two
    disjoint forms need. Raise :class:`BankError` listing every problem, each naming its file and item."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BankError(f"{folder}: no item bank here (the bank is instructor-side, in the course repository's "
                        "autograder/final/)")
    problems: list[str] = []
    items: list[Item] = []
    seen: dict[str, str] = {}
    for module_folder, name in BANK_FILES.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{path}: missing (the bank has one file per module: {', '.join(BANK_FILES.values())})")
            continue
        data = _read_yaml(path, problems)
        if data is None:
            continue
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            problems.append(f"{path}: must hold module: {module_folder} and a list of items")
            continue
        if data.get("module") != module_folder:
            problems.append(f"{path}: module is {data.get('module')!r}; this file is for {module_folder}")
        for index, raw in enumerate(data["items"]):
            item = _parse_item(raw, index, module_folder, str(path), problems)
            if item is None:
                continue
            if item.id in seen:
                problems.append(f"{path}: item {item.id!r}: duplicate id (also in {seen[item.id]})")
                continue
            seen[item.id] = str(path)
            items.append(item)
    case_path = folder / CASE_FILE
    case = None
    if not case_path.is_file():
        problems.append(f"{case_path}: missing (the integrative case)")
    else:
        data = _read_yaml(case_path, problems)
        if data is not None:
            case = _parse_case(data, str(case_path), problems)
    if not problems:
        problems += quota_problems(items, folder)
    if problems:
        raise BankError("the final assessment's bank cannot be used:\n  " + "\n  ".join(problems))
    return Bank(tuple(items), case)


def quota_problems(items: list[Item] | tuple[Item, ...], folder: Path | str = BANK_DIR) -> list[str]:
    """What keeps ``items`` from holding two disjoint forms with the quotas (an empty list if nothing)."""
    problems = []
    if len(items) < BANK_MINIMUM:
        problems.append(f"{folder}: {len(items)} items; the bank holds at least {BANK_MINIMUM}")
    for module_folder, quota in QUOTAS.items():
        path = Path(folder) / BANK_FILES[module_folder]
        mine = [i for i in items if i.module == module_folder]
        if len(mine) < 2 * quota:
            problems.append(f"{path}: quota not met: {len(mine)} items, two forms of {quota} need at least {2 * quota}")
        for lesson, fewest in LESSONS[module_folder].items():
            count = sum(i.lesson == lesson for i in mine)
            if count < fewest:
                problems.append(f"{path}: quota not met for lesson {lesson}: {count} items, the bank holds at least "
                                f"{fewest}")
    return problems


# --------------------------------------------------------------------------- drawing two parallel forms
def _allocate(counts: dict[str, int], quota: int, rng: random.Random) -> dict[str, tuple[int, int]]:
    """How many of each lesson's items go to form A and form B: in proportion to the lesson's items (largest
    remainder), the two forms' counts of a lesson at most one apart, each form exactly ``quota``."""
    total, held = 2 * quota, sum(counts.values())
    shares = {lesson: count * total / held for lesson, count in counts.items()}
    taken = {lesson: min(count, math.floor(shares[lesson])) for lesson, count in counts.items()}
    ties = {lesson: rng.random() for lesson in counts}
    order = sorted(counts, key=lambda lesson: (-(shares[lesson] - math.floor(shares[lesson])), ties[lesson]))
    while sum(taken.values()) < total:
        lesson = next(lesson for lesson in order if taken[lesson] < counts[lesson])
        taken[lesson] += 1
        order.remove(lesson)
        order.append(lesson)
    odd = [lesson for lesson in counts if taken[lesson] % 2]
    rng.shuffle(odd)
    split = {}
    for lesson, n in taken.items():
        extra = 1 if lesson in odd and odd.index(lesson) % 2 == 0 else 0
        split[lesson] = (n // 2 + extra, n - n // 2 - extra)
    return split


def _key_letters(count: int, rng: random.Random) -> list[str]:
    """A letter for each question's key: each letter as often as the others (give or take one), in a shuffled
    order with no letter four times in a row."""
    letters = list(LETTERS)
    rng.shuffle(letters)
    pool = [letters[i % len(letters)] for i in range(count)]
    for _ in range(1000):
        rng.shuffle(pool)
        if not any(len(set(pool[i:i + 4])) == 1 for i in range(len(pool) - 3)):
            break
    return pool


def _place(item: Item, letter: str) -> tuple[Option, ...]:
    """The item's options as a) to d): the best at ``letter``, the distractors in their written order around it."""
    options = list(item.distractors)
    options.insert(LETTERS.index(letter), item.best)
    return tuple(options)


def draw(bank: Bank, seed: int = SEED) -> dict[str, Form]:
    """Two disjoint forms, A and B, drawn from ``bank`` with ``seed`` (the same bank and seed, the same forms)."""
    chosen: dict[str, list[Item]] = {letter: [] for letter in FORMS}
    for module_folder, quota in QUOTAS.items():
        rng = random.Random(f"{seed}:{module_folder}")
        lessons = LESSONS[module_folder]
        pools = {lesson: [i for i in bank.items if i.module == module_folder and i.lesson == lesson] for lesson in lessons}
        split = _allocate({lesson: len(pool) for lesson, pool in pools.items()}, quota, rng)
        for lesson in lessons:
            pool = list(pools[lesson])
            rng.shuffle(pool)
            a, b = split[lesson]
            order = {item.id: n for n, item in enumerate(pools[lesson])}  # asked in the bank's written order
            chosen["A"] += sorted(pool[:a], key=lambda item: order[item.id])
            chosen["B"] += sorted(pool[a:a + b], key=lambda item: order[item.id])
    forms = {}
    for letter, items in chosen.items():
        keys = _key_letters(len(items), random.Random(f"{seed}:{letter}:keys"))
        forms[letter] = Form(letter, seed, tuple(Question(n, item, _place(item, key))
                                                 for n, (item, key) in enumerate(zip(items, keys), start=1)))
    return forms


# --------------------------------------------------------------------------- the notebook
def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = True,
          points: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _markdown(grade_id: str, source: str, **meta):
    import nbformat

    cell = nbformat.v4.new_markdown_cell(source, metadata=_meta(grade_id, **meta))
    cell.id = grade_id
    return cell


def _code(grade_id: str, source: str, **meta):
    import nbformat

    cell = nbformat.v4.new_code_cell(source, metadata=_meta(grade_id, **meta))
    cell.id = grade_id
    return cell


def _header(form: Form, case: Case, minutes: int) -> str:
    auto = len(form.questions) * QUESTION_POINTS
    total = auto + case.points
    counts = {folder: sum(q.item.module == folder for q in form.questions) for folder in QUOTAS}
    spread = ", ".join(f"Module {syllabus_module(folder).number}: {n}" for folder, n in counts.items())
    return f"""# Final assessment — Community management

**Time:** about {minutes} minutes &nbsp;·&nbsp; **Form {form.letter}**

The course's final assessment, in the style of a professional certification practice test: {len(form.questions)}
questions on all five modules, in proportion to them ({spread}),
and one case that needs all of them at once. It is worth **{total} points**:

| Part | What | Points | Graded |
|---|---|---|---|
| A | {len(form.questions)} multiple-choice questions (questions 1–{len(form.questions)}) | {auto} | automatically |
| B | The integrative case: a brief for Velora (question {len(form.questions) + 1}) | {case.points} | by your instructor, with a rubric |
| | **Total** | **{total}** | |

**The rules.**
- Each question sets out a situation and offers four options, a) to d). Choose the **one best answer**: more than
  one option may sound reasonable, and one of them fits the situation better than the others.
- Every question is worth {QUESTION_POINTS} point, and a wrong answer costs nothing more: answer every question.
- The pass mark is **{PASS_MARK:.0%}**: {math.ceil(PASS_MARK * total)} of the {total} points.
- Work on your own. The lessons and your notes are allowed; other people are not.
- Each question names the module and lesson it comes from. The feedback after grading lists the questions you
  missed, grouped by the lesson to revisit.

**How to answer.** Replace the `...` in each answer cell (`q01 = ...`, `q02 = ...` and so on) with one letter in
quotes, such as `"c"`, then run the check cell below it. This is an assessment, so the check looks at the *form* of your answer only: ✏️ *Not attempted yet* while the
`...` is still there, *Check the form* when the answer is not one of `"a"`, `"b"`, `"c"` or `"d"`, and ℹ️
*Answered* once it is. It never says whether the answer is right: that comes with grading. Capital letters and
spaces do not matter."""


def _question_markdown(question: Question) -> str:
    item = question.item
    options = "\n".join(f"- **{letter})** {option.text}" for letter, option in zip(LETTERS, question.options))
    return (f"### Question {question.number} — Module {item.module_number}, lesson {item.lesson}: "
            f"{lesson_title(item.lesson)} ({QUESTION_POINTS} point{'s' if QUESTION_POINTS != 1 else ''})\n\n"
            f"{item.stem}\n\n{options}")


def _check_source(question: Question) -> str:
    item, var = question.item, question.variable
    tag = json.dumps({"id": item.id, "module": item.module_number, "lesson": item.lesson, "objective": item.objective},
                     ensure_ascii=False)
    revisit = f"Question {question.number} is not right: revisit lesson {item.lesson}, {lesson_title(item.lesson)}"
    return (f"ex.{var}.check({var})\n"
            "### BEGIN HIDDEN TESTS\n"
            f"# final item: {tag}\n"
            f"assert type({var}) is str and {var}.strip().lower() == {json.dumps(question.key)}, "
            f"{json.dumps(revisit, ensure_ascii=False)}\n"
            "### END HIDDEN TESTS")


FOOTER = """## Before you hand in

- Run **Kernel → Restart Kernel and Run All Cells** and read each check: every one should say ℹ️ *Answered*.
  A check that says *Not attempted yet* or *Check the form* names what to fix.
- *Answered* means complete, not right: your score comes with grading, and the feedback lists the questions
  you missed under the lessons to revisit.
- Self-paced? Run `make grade` in a terminal in the course folder to have it graded with the same pipeline your
  instructor uses.
- In a class, submit through the *Assignments* tab (or as your instructor explains)."""


def _cells(form: Form, case: Case, minutes: int) -> list:
    n = len(form.questions)
    cells = [
        _markdown("final_header", _header(form, case, minutes)),
        _code("final_setup", "from course import setup_notebook\nfrom course.exercises.module5 import final as ex\n\n"
                             "setup_notebook()"),
        _markdown("final_part_a", f"## Part A — {n} questions\n\nOne best answer each. The questions follow the "
                                  "course's order, Module 1 first; each is tagged with its lesson."),
    ]
    for question in form.questions:
        qid, var = question.question_id, question.variable
        cells += [
            _markdown(f"{qid}_question", _question_markdown(question)),
            _code(qid, f"{var} = ...\n### BEGIN SOLUTION\n{var} = {json.dumps(question.key)}\n### END SOLUTION",
                  locked=False, solution=True),
            _code(f"{qid}_check", _check_source(question), grade=True, points=QUESTION_POINTS),
        ]
    cells += [
        _markdown("final_part_b", f"## Part B — The integrative case\n\n{case.brief}"),
        _markdown("final_case_task", f"### Question {n + 1} — The case: {case.title} ({case.points} points)\n\n"
                                     f"{case.task}\n\nWrite your answer in the cell below (double-click it to edit)."),
        _markdown("final_case", f"### BEGIN SOLUTION\n**Model answer (one of many good ones).**\n\n{case.model_answer}"
                                f"\n\n**Rubric ({case.points} points).**\n\n{case.rubric}\n### END SOLUTION",
                  grade=True, solution=True, locked=False, points=case.points),
        _markdown("final_footer", FOOTER),
    ]
    return cells


def _nav_cell():
    import nbformat

    from course.nav import nav_text
    from course.syllabus import reading_order

    index = next(i for i, (m, nb) in enumerate(reading_order()) if nb.file == NOTEBOOK)
    cell = nbformat.v4.new_markdown_cell(nav_text(index), metadata={"tags": ["nav"]})
    cell.id = "final_nav"
    return cell


def build_notebook(form: Form, case: Case):
    """The master notebook of ``form`` (nbgrader source form, no outputs), stating its measured time."""
    import nbformat

    from course.timing import measure_notebook

    def notebook(minutes: int):
        nb = nbformat.v4.new_notebook(cells=[*_cells(form, case, minutes), _nav_cell()])
        nb.metadata = {
            "course": {"final": {"form": form.letter, "seed": form.seed},
                       "exercise_minutes": QUESTION_MINUTES,
                       "exercise_reason": "each question is one letter to choose; its scenario is read with the words",
                       "activity_minutes": CASE_EXTRA_MINUTES,
                       "activity_reason": "the case's five written parts take about 20 minutes, not one answer's 8"},
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11"},
        }
        nb.nbformat, nb.nbformat_minor = 4, 5
        return nb

    # measured as course.timing measures every notebook, and stated to the nearest five minutes
    minutes = 5 * round(measure_notebook(notebook(0), NOTEBOOK).estimate / 5)
    return notebook(minutes)


def write(letter: str = "A", seed: int = SEED, output: Path | str = MASTER, bank_dir: Path | str = BANK_DIR) -> Path:
    """Draw the forms from the bank and write form ``letter`` as a master notebook to ``output``."""
    bank = load_bank(bank_dir)
    return _write_form(draw(bank, seed)[letter], bank.case, Path(output))


def _write_form(form: Form, case: Case, output: Path) -> Path:
    import nbformat

    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(build_notebook(form, case), str(output))
    return output


# --------------------------------------------------------------------------- the balance of the two forms
def balance_table(bank: Bank, forms: dict[str, Form]) -> str:
    """The two forms side by side: questions per module and lesson (bank, A, B, left in the bank), how often each
    letter is the key, and how often the best answer is the longest option."""
    lines = [f"{'module / lesson':58} {'bank':>4} {'A':>3} {'B':>3} {'spare':>5}"]
    in_form = {letter: {q.item.id for q in form.questions} for letter, form in forms.items()}
    for folder, quota in QUOTAS.items():
        m = syllabus_module(folder)
        mine = [i for i in bank.items if i.module == folder]
        counts = [sum(i.id in in_form[letter] for i in mine) for letter in FORMS]
        lines.append(f"{f'Module {m.number} {m.title} (quota {quota})':58} {len(mine):4} {counts[0]:3} {counts[1]:3} "
                     f"{len(mine) - sum(counts):5}")
        for lesson in LESSONS[folder]:
            here = [i for i in mine if i.lesson == lesson]
            counts = [sum(i.id in in_form[letter] for i in here) for letter in FORMS]
            name = f"  {lesson} {lesson_title(lesson)}"
            lines.append(f"{name[:58]:58} {len(here):4} {counts[0]:3} {counts[1]:3} {len(here) - sum(counts):5}")
    total = [len(forms[letter].questions) for letter in FORMS]
    lines.append(f"{'total':58} {len(bank.items):4} {total[0]:3} {total[1]:3} {len(bank.items) - sum(total):5}")
    lines.append("")
    for letter in FORMS:
        keys = [q.key for q in forms[letter].questions]
        spread = "  ".join(f"{k}: {keys.count(k)}" for k in LETTERS)
        longest = sum(q.item.longest_is_best for q in forms[letter].questions)
        lines.append(f"form {letter}: keys {spread}; the best answer is the longest option in {longest} of "
                     f"{len(keys)} (seed {forms[letter].seed})")
    return "\n".join(lines)


def main(form: str = "A", seed: int = SEED, check: bool = False, output: str | None = None,
         bank_dir: str | None = None) -> int:
    """``python -m course final``: write a form's master notebook, or with ``check`` print the forms' balance."""
    import sys

    try:
        bank = load_bank(bank_dir or BANK_DIR)
    except BankError as error:
        print(error, file=sys.stderr)
        return 1
    forms = draw(bank, seed)
    if check:
        print(balance_table(bank, forms))
        return 0
    path = _write_form(forms[form], bank.case, Path(output or MASTER))
    print(f"wrote form {form} (seed {seed}, {len(forms[form].questions)} questions and the case) to {path}")
    if path.resolve() == MASTER.resolve() and (form, seed) != ("A", SEED):
        print("The master now holds a form other than the committed one: release it with "
              "`nbgrader generate_assignment module5_analysis --force` (from autograder/).")
    return 0
