"""The learner's progress record: which exercises they have got right, kept by the checks.

Every ``check()`` in a learner's workbook, and every first answer in a review quiz, notes its
outcome here. The record is a small JSON file in the workbook (``workbook/.progress.json``);
nothing is recorded when a notebook runs outside a workbook (the masters under test, a graded
copy), so grading and CI leave no trace.

The view: :func:`summary` maps the record onto the syllabus (which question belongs to which
notebook is read from the notebooks' ``from course.exercises... import`` lines and their
``review_quiz(...)`` call), :func:`table` prints it, :func:`chart` draws it and :func:`show`
puts both in a notebook; ``python -m course progress`` prints the table.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

RECORD_NAME = ".progress.json"
# The workbook generator writes this file at the workbook's root: it marks a learner's workbook.
WORKBOOK_MARK = ".generated.json"


def workbook_root(start: Path | None = None) -> Path | None:
    """The learner's workbook folder containing ``start`` (default: the working folder), if any."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *list(here.parents)[:3]]:
        if (folder / WORKBOOK_MARK).is_file():
            return folder
    return None


def record_path(start: Path | None = None) -> Path | None:
    root = workbook_root(start)
    return root / RECORD_NAME if root else None


@dataclass(frozen=True)
class Record:
    """What the record file holds, and a sentence for the learner when it could not be read as it is."""

    entries: dict[str, dict]
    note: str = ""


def read(path: Path | None) -> Record:
    """Read the record file; an absent, empty or damaged file gives an empty record and a note saying why."""
    if path is None:
        return Record({}, "No progress record here: this notebook is not inside a learner workbook "
                          "(run `make lab` and open the copy in workbook/).")
    if not path.is_file():
        return Record({}, f"No progress recorded yet ({path} does not exist): run a check cell or a quiz first.")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Record({}, f"The progress record {path} cannot be read ({type(error).__name__}); "
                          "the next check you run starts a new one.")
    if not text.strip():
        return Record({}, f"The progress record {path} is empty: run a check cell or a quiz first.")
    try:
        data = json.loads(text)
    except ValueError as error:
        return Record({}, f"The progress record {path} is damaged (not valid JSON: {error}); the next check you run "
                          f"keeps a copy of it as {path.name}.damaged and starts a new one.")
    if not isinstance(data, dict):
        return Record({}, f"The progress record {path} holds a {type(data).__name__}, not a table of exercises; the "
                          f"next check you run keeps a copy of it as {path.name}.damaged and starts a new one.")
    entries = {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, dict)}
    skipped = len(data) - len(entries)
    note = f"{skipped} malformed entr{'y' if skipped == 1 else 'ies'} in {path} ignored." if skipped else ""
    return Record(entries, note)


def load(path: Path | None = None) -> dict[str, dict]:
    """The record: question id -> ``{"status", "best", "attempts", "last"}`` (empty if absent or damaged)."""
    return read(path or record_path()).entries


def record(question_id: str, status: str, path: Path | None = None) -> None:
    """Note one check's outcome. ``best`` stays ``"correct"`` once an answer was right."""
    path = path or record_path()
    if path is None:
        return
    current = read(path)
    if path.is_file() and current.note and not current.entries:  # keep a damaged file for the learner to inspect
        try:
            if path.read_text(encoding="utf-8", errors="replace").strip():
                os.replace(path, path.with_name(path.name + ".damaged"))
        except OSError:
            pass
    data = dict(current.entries)
    entry = data.get(question_id, {"attempts": 0, "best": status})
    entry["status"] = status
    entry["attempts"] = int(entry.get("attempts", 0)) + (status != "not attempted")
    if entry.get("best") != "correct":
        entry["best"] = status
    entry["last"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    data[question_id] = entry
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- the view
STATES = ("right", "not yet right", "not attempted")
_EXERCISE_IMPORT = re.compile(r"^\s*from\s+course\.exercises\.(\w+)\s+import\s+(.+)$", re.M)
_QUIZ_CALL = re.compile(r"review_quiz\(\s*[\"']([\w-]+)[\"']")


@dataclass(frozen=True)
class Exercise:
    """One question a notebook checks, and where it lives."""

    id: str
    module: object  # course.syllabus.Module
    notebook: object  # course.syllabus.Notebook
    graded: bool = False  # checked in an nbgrader grade cell: its visible check says only "complete"


def _notebook_questions(nb) -> list[tuple[str, bool]]:
    """(question id, graded) for each question a notebook uses, from its ``from course.exercises.X import Y``
    lines and its ``review_quiz(...)`` call; graded if a grade cell runs its check."""
    from course.checks import FormCheck, Question

    code = [c for c in nb.cells if c.cell_type == "code"]
    source = "\n".join(c.source for c in code)
    graded_source = "\n".join(c.source for c in code if c.metadata.get("nbgrader", {}).get("grade"))
    found: dict[str, bool] = {}
    for package, names in _EXERCISE_IMPORT.findall(source):
        for name in names.split(","):
            name, _, alias = (part.strip() for part in name.partition(" as "))
            module = importlib.import_module(f"course.exercises.{package}.{name}")
            for attribute, question in vars(module).items():
                if isinstance(question, (Question, FormCheck)):
                    check = re.compile(rf"\b{re.escape(alias or name)}\.{re.escape(attribute)}\.check\(")
                    found.setdefault(question.id, bool(check.search(graded_source)))
    for quiz_name in _QUIZ_CALL.findall(source):
        from course.quiz import load_quiz

        quiz = load_quiz(quiz_name)
        for item in quiz.items:
            found.setdefault(quiz.question_id(item), False)
    return list(found.items())


def catalogue() -> list[Exercise]:
    """Every checked exercise and quiz item of the course, in reading order.

    A master notebook that cannot be read (e.g. hidden while a submission is graded) is left out.
    """
    import nbformat

    from course.syllabus import reading_order

    found = []
    for module, notebook in reading_order():
        try:
            nb = nbformat.read(str(module.path / notebook.file), as_version=4)
        except Exception:  # unreadable or hidden: the view shows what it can
            continue
        found += [Exercise(qid, module, notebook, graded) for qid, graded in _notebook_questions(nb)]
    return found


def _state(entry: dict | None) -> str:
    if not entry:
        return "not attempted"
    best = entry.get("best")
    if best in ("correct", "answered"):  # "answered": an assessment item complete and well formed
        return "right"
    return "not yet right" if best in ("not yet right", "needs fixing") else "not attempted"


def detail(entries: dict[str, dict]):
    """One row per exercise: module, notebook, exercise id, state ("right", "not yet right", "not attempted")."""
    import pandas as pd

    from course import tidy_pandas

    tidy_pandas()

    rows = [{"module": ex.module.number, "notebook": ex.notebook.title, "exercise": ex.id,
             "state": _state(entries.get(ex.id)), "attempts": int((entries.get(ex.id) or {}).get("attempts", 0) or 0)}
            for ex in catalogue()]
    return pd.DataFrame(rows, columns=["module", "notebook", "exercise", "state", "attempts"])


def summary(entries: dict[str, dict]):
    """One row per notebook (graded and practice exercises of a lab apart): how many are right, not yet right
    and not attempted."""
    import pandas as pd

    from course import tidy_pandas

    tidy_pandas()

    rows: dict[tuple, dict] = {}
    for ex in catalogue():
        key = (ex.module.folder, ex.notebook.file, ex.graded)
        row = rows.setdefault(key, {"module": ex.module.number, "notebook": ex.notebook.title, "graded": ex.graded,
                                    "exercises": 0, **{state: 0 for state in STATES}})
        row["exercises"] += 1
        row[_state(entries.get(ex.id))] += 1
    places = list(dict.fromkeys(key[:2] for key in rows))  # a notebook's practice row comes before its graded one
    ordered = [rows[key] for key in sorted(rows, key=lambda key: (places.index(key[:2]), key[2]))]
    return pd.DataFrame(ordered, columns=["module", "notebook", "graded", "exercises", *STATES])


GRADED_NOTE = ("* graded exercises: their checks only say whether an answer is complete and well formed, so 'right' "
               "here means ready for grading; the score comes from grading (`make grade`).")


def table(path: Path | None = None) -> str:
    """The progress table as text, per module, with a note if the record is missing or damaged."""
    from course.syllabus import published_modules

    record = read(path)
    frame = summary(record.entries)
    lines = [record.note] if record.note else []
    total = int(frame["exercises"].sum())
    lines.append(f"Progress: {int(frame['right'].sum())} of {total} exercises right "
                 f"({int(frame['not yet right'].sum())} tried, not yet right).")
    for module in published_modules():
        part = frame[frame["module"] == module.number]
        if part.empty:
            continue
        names = [t + (" *" if g else "") for t, g in zip(part["notebook"], part["graded"])]
        width = max(len(n) for n in names)
        shown = part.assign(notebook=[n.ljust(width) for n in names])  # names read better left-aligned
        lines += ["", f"Module {module.number}: {module.title}",
                  shown.drop(columns=["module", "graded"]).to_string(index=False)]
    if frame["graded"].any():
        lines += ["", GRADED_NOTE]
    return "\n".join(lines)


def chart(frame, ax=None):
    """A horizontal stacked bar per notebook: right, not yet right, not attempted. Returns the figure."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.45 * max(len(frame), 1) + 1.2))
    labels = [f"M{m}  {t[:38]}" for m, t in zip(frame["module"], frame["notebook"])]
    left = [0] * len(frame)
    for state, colour in zip(STATES, ("#2e7d32", "#ef6c00", "#bdbdbd")):
        values = list(frame[state])
        ax.barh(labels, values, left=left, color=colour, label=state)
        left = [a + b for a, b in zip(left, values)]
    ax.invert_yaxis()  # reading order from the top
    ax.set_xlabel("exercises")
    ax.set_title("Your progress")
    ax.legend(loc="lower right", fontsize="small")
    ax.figure.tight_layout()
    return ax.figure


def show(path: Path | None = None) -> None:
    """In a notebook: the progress table and chart (a note instead of an error if there is no record yet)."""
    import matplotlib.pyplot as plt
    from IPython.display import Markdown, display

    record = read(path or record_path())
    frame = summary(record.entries)
    if record.note:
        display(Markdown(f"*{record.note}*"))
    right, total = int(frame["right"].sum()), int(frame["exercises"].sum())
    display(Markdown(f"**{right} of {total} exercises right so far.**"))
    shown = frame.assign(notebook=[t + (" *" if g else "") for t, g in zip(frame["notebook"], frame["graded"])])
    display(shown.drop(columns="graded").set_index(["module", "notebook"]))
    if frame["graded"].any():
        display(Markdown(GRADED_NOTE.replace("* graded", "\\* graded")))
    chart(frame)
    plt.show()


def course_map(here: str = "module1_intro") -> None:
    """In a notebook: every module and notebook of the course, linked relative to the folder ``here``."""
    from IPython.display import Markdown, display

    from course.syllabus import MODULES, REPO_ROOT

    lines = ["| module | notebooks |", "|---|---|"]
    for module in MODULES:
        links = [f"[{nb.title}]({os.path.relpath(module.path / nb.file, REPO_ROOT / here)})" for nb in module.notebooks]
        lines.append(f"| {module.number}. {module.title} | {' · '.join(links) or '*coming soon*'} |")
    display(Markdown("\n".join(lines)))
