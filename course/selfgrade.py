"""``make grade``: a self-paced learner grades their own workbook with the real nbgrader pipeline.

The learner's notebooks are copied into ``autograder/submitted/<learner>/<module>/``, then
``nbgrader autograde`` (which restores the original checks and runs the hidden tests) and
``nbgrader generate_feedback`` run as they would for an instructor. The HTML feedback is
copied to ``workbook/feedback/`` so it can be opened from JupyterLab or a browser.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from course.nbgrader_cli import COURSE_ROOT, nbgrader
from course.syllabus import MODULES, Module
from course.workbook import WORKBOOK

LEARNER_ID = "self"


@dataclass
class ModuleResult:
    module: Module
    auto_score: float
    auto_max: float
    written_max: float
    feedback: list[Path]


def _submit(module: Module, workbook: Path, root: Path, learner: str) -> None:
    source = workbook / module.folder
    target = root / "submitted" / learner / module.folder
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for notebook in source.glob("*.ipynb"):
        shutil.copy2(notebook, target / notebook.name)
    (target / "timestamp.txt").write_text(datetime.now(timezone.utc).isoformat())


def grade_module(module: Module, workbook: Path = WORKBOOK, root: Path = COURSE_ROOT, learner: str = LEARNER_ID) -> ModuleResult:
    from nbgrader.api import Gradebook

    # Make sure the gradebook knows the assignment and the learner.
    nbgrader("generate_assignment", module.folder, "--force", root=root)
    nbgrader("db", "student", "add", learner, "--first-name", "Self-paced", "--last-name", "Learner", root=root)
    _submit(module, workbook, root, learner)
    nbgrader("autograde", module.folder, "--student", learner, "--force", root=root)
    # feedback without the hidden tests (stock nbgrader would show them)
    from autograder.feedback import generate_feedback

    generate_feedback(root, module.folder, [learner])

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(module.folder, learner)
        auto_score, auto_max = submission.code_score, submission.max_code_score
        written_max = submission.max_written_score

    feedback_dir = root / "feedback" / learner / module.folder
    out_dir = workbook / "feedback" / module.folder
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    copied = []
    for page in sorted(feedback_dir.glob("*.html")):
        shutil.copy2(page, out_dir / page.name)
        copied.append(out_dir / page.name)
    return ModuleResult(module, auto_score, auto_max, written_max, copied)


def gradable_modules(workbook: Path = WORKBOOK) -> list[Module]:
    return [m for m in MODULES if m.assignment is not None and (workbook / m.folder).is_dir()]
