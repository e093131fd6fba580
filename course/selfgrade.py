"""``make grade``: a self-paced learner grades their own workbook with the real nbgrader pipeline, privately.

Grading happens in a scratch course of the learner's own, ``workbook/.grading/``, never in the instructor's
course root ``autograder/`` (a learner graded there would show up in formgrader, the exports and the class
statistics). The scratch course is built from the course's ``nbgrader_config.py`` and ``source/`` (its
graded notebooks: lessons carry no points), its release and gradebook are made once and remade only when
the masters change. Each run then, in this one process:

1. copies the learner's graded notebooks to the scratch ``submitted/self/<module>/``;
2. grades them with the autograder's own worker (:func:`autograder.grading.grade_one`: nbgrader's
   ``Autograde`` converter, which restores the original checks and runs the hidden tests);
3. writes the feedback without hidden tests (:func:`autograder.feedback.generate_feedback`) and copies
   it to ``workbook/feedback/<module>/``, next to the module's mark scheme.

The learner's code runs without the grading sandbox: it is their own code on their own machine, which
they have already run in JupyterLab (the sandbox protects a course root from other people's code).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sys
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from course.nbgrader_cli import COURSE_ROOT, tool_env
from course.syllabus import MODULES, Module
from course.workbook import WORKBOOK

LEARNER_ID = "self"
SCRATCH = ".grading"  # under the workbook: one scratch course per module
CONFIG = "nbgrader_config.py"


class SelfGradeError(RuntimeError):
    """Self-grading could not run; the message says what and where."""


@dataclass
class ModuleResult:
    module: Module
    auto_score: float
    auto_max: float
    written_max: float
    feedback: list[Path]
    markscheme: Path | None = None


def graded_notebooks(source: Path) -> list[Path]:
    """The notebooks of a master folder that carry points (an nbgrader cell with ``grade`` set)."""
    import nbformat

    return [path for path in sorted(source.glob("*.ipynb"))
            if any(c.get("metadata", {}).get("nbgrader", {}).get("grade")
                   for c in nbformat.read(str(path), as_version=4).cells)]


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def scratch_course(module: Module, workbook: Path = WORKBOOK, course_root: Path = COURSE_ROOT) -> Path:
    """The learner's scratch course for ``module``, ``workbook/.grading/<module>/``, ready to grade: built from
    ``course_root`` (its configuration and ``source/``), which is only read. Its release and gradebook are
    remade when the masters or the configuration change, and kept otherwise."""
    from autograder import grading

    source = (course_root / "source" / module.folder).resolve()
    if not source.is_dir():
        raise SelfGradeError(f"no masters for {module.folder} in {course_root / 'source'}")
    notebooks = graded_notebooks(source)
    if not notebooks:
        raise SelfGradeError(f"{module.folder} has no graded notebook in {source}")
    root = (workbook / SCRATCH / module.folder).resolve()
    stamp = root / ".masters.sha256"
    version = _digest([course_root / CONFIG, *notebooks])
    if stamp.is_file() and stamp.read_text() == version and (root / "release" / module.folder).is_dir():
        return root
    shutil.rmtree(root, ignore_errors=True)  # nothing in it is kept: the feedback is copied out of it
    (root / "source" / module.folder).mkdir(parents=True)
    shutil.copy(course_root / CONFIG, root / CONFIG)
    for path in sorted(source.iterdir()):  # the graded notebooks and every other file they may read
        if path.suffix != ".ipynb" or path in notebooks:
            (root / "source" / module.folder / path.name).symlink_to(path)
    result = grading._api(str(root), False).generate_assignment(module.folder, force=True, create=True)
    if not result.get("success"):
        raise SelfGradeError(f"nbgrader could not release {module.folder} in {root}:\n"
                             + "\n".join(str(result.get("log", "")).strip().splitlines()[-15:]))
    stamp.write_text(version)
    return root


def _submit(module: Module, workbook: Path, root: Path, learner: str) -> None:
    source = workbook / module.folder
    target = root / "submitted" / learner / module.folder
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for released in sorted((root / "release" / module.folder).glob("*.ipynb")):
        mine = source / released.name
        if not mine.is_file():
            raise SelfGradeError(f"{mine} is missing: run `make workbook` to get the course's copy back")
        shutil.copy2(mine, target / released.name)
    (target / "timestamp.txt").write_text(datetime.now(timezone.utc).isoformat())


def grade_module(module: Module, workbook: Path = WORKBOOK, root: Path = COURSE_ROOT,
                 learner: str = LEARNER_ID) -> ModuleResult:
    """Grade ``module`` of ``workbook`` in its scratch course (built from the course root ``root``)."""
    from nbgrader.api import Gradebook

    from autograder.feedback import generate_feedback
    from autograder.grading import busy_db_url, grade_one

    workbook = Path(workbook).resolve()
    for master in graded_notebooks((Path(root) / "source" / module.folder).resolve()):
        if not (workbook / module.folder / master.name).is_file():
            raise SelfGradeError(f"{workbook / module.folder / master.name} is missing: run `make workbook` to get "
                                 "the course's copy back")
    os.environ["PATH"] = tool_env()["PATH"]  # nbgrader runs `alembic` to set up a new gradebook
    scratch = scratch_course(module, workbook, Path(root))
    with Gradebook(busy_db_url(scratch)) as gradebook:
        gradebook.update_or_create_student(learner, first_name="Self-paced", last_name="Learner")
    _submit(module, workbook, scratch, learner)
    outcome = grade_one(str(scratch), module.folder, learner, sandbox=False)
    if outcome.status == "error":
        raise SelfGradeError(f"{module.folder} could not be graded: {outcome.reason}")
    problems = io.StringIO()  # what generate_feedback could not write, said below if no page came out
    generate_feedback(scratch, module.folder, [learner], stream=problems)
    with Gradebook(busy_db_url(scratch)) as gradebook:
        submission = gradebook.find_submission(module.folder, learner)
        auto_score, auto_max = submission.code_score, submission.max_code_score
        written_max = submission.max_written_score

    pages = scratch / "feedback" / learner / module.folder
    out_dir = workbook / "feedback" / module.folder
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    copied = []
    for page in sorted(pages.glob("*.html")):
        shutil.copy2(page, out_dir / page.name)
        copied.append(out_dir / page.name)
    if not copied:
        raise SelfGradeError(f"no feedback was written for {module.folder}: " + problems.getvalue().strip())
    return ModuleResult(module, auto_score, auto_max, written_max, copied)


def gradable_modules(workbook: Path = WORKBOOK) -> list[Module]:
    return [m for m in MODULES if m.assignment is not None and (workbook / m.folder).is_dir()]


def main(folders: list[str], workbook: Path = WORKBOOK, stream=None) -> int:
    """``python -m course grade``: grade the learner's modules, print the scores and where the feedback is."""
    # nbgrader's gradebook, on its first grading of a learner: SQLAlchemy notes a row it adds a moment later
    warnings.filterwarnings("ignore", message=r"Object of type <Submitted\w*> not in session")
    from course.markscheme import write_all
    from course.syllabus import module

    out = stream or sys.stdout
    workbook = Path(workbook)
    try:
        modules = [module(f) for f in folders] if folders else gradable_modules(workbook)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2
    if not modules:
        print(f"Nothing to grade yet in {workbook}: run `make lab` (or `make workbook`) first to create it.", file=out)
        return 1
    for m in modules:
        if not (workbook / m.folder).is_dir():
            print(f"{workbook / m.folder} does not exist: run `make workbook` first.", file=sys.stderr)
            return 1
        print(f"Grading {m.folder} (this runs your graded notebooks from top to bottom) ...", file=out, flush=True)
        try:
            result = grade_module(m, workbook)
        except SelfGradeError as error:
            print(f"  Not graded: {error}", file=sys.stderr)
            return 1
        print(f"  Autograded score: {result.auto_score:g} / {result.auto_max:g} points", file=out)
        if result.written_max:
            (scheme,) = write_all([m], workbook / "feedback" / m.folder)
            print(f"  Written answers:  {result.written_max:g} points, graded by your instructor, not here. Compare yours "
                  f"with the model answers and rubric in {scheme}", file=out)
        graded = m.assignment.file.replace(".ipynb", ".html")
        for page in result.feedback:
            if page.name == graded or len(result.feedback) == 1:
                print(f"  Feedback report: {page}", file=out)
    return 0
