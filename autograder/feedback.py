"""Feedback without leaks.

Stock ``nbgrader generate_feedback`` renders the autograded notebooks, in which every test cell
holds the instructor's full source: hidden tests and the expected values in them. Here the
feedback is rendered from cleaned copies instead:

* each autograded test cell gets back the source the learner saw (the released version, hidden
  tests removed);
* the visible check's message is kept (it never states the expected value);
* an error raised by a hidden test is replaced by a neutral line, without its traceback (which
  would quote the hidden code).

The points of every item and the grader's comments are nbgrader's own, from the gradebook. Each page
carries a Content-Security-Policy ``<meta>`` tag that forbids every script (it needs none).

The graded folders are where learners' code ran, so they are read as :mod:`autograder.safefs` reads
anything a learner controls: only the notebooks, each a regular file opened without following links and
bounded in size; a link, a FIFO, a device or a file that is not a notebook is left out with a warning,
and the other learners' feedback is written all the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from autograder import safefs
from autograder.csp import add_feedback_policy
from autograder.grading import EXCHANGE_FILES
from course.nbgrader_cli import NbgraderError, nbgrader

BUILD = ".feedback-build"  # cleaned copies, under the course root
CHECK_OUTCOMES = ("NotYetRight", "NotAttempted")
HIDDEN_FAILED = "A further test, not shown in your notebook, did not pass for this item."


def _released_sources(root: Path, assignment: str, notebook: str) -> dict[str, str]:
    path = root / "release" / assignment / notebook
    nb = nbformat.read(str(path), as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}


def clean_notebook(nb, released: dict[str, str]):
    """Remove hidden tests and what they reveal from an autograded notebook (in place)."""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not (meta.get("grade") and cell.cell_type == "code"):
            continue
        cell.source = released.get(meta.get("grade_id"), "# (test cell)")
        outputs = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and output.get("ename") not in CHECK_OUTCOMES:
                # a hidden test (or an error inside one): say that it failed, not what it checked
                output = nbformat.v4.new_output("error", ename="HiddenTestFailed", evalue=HIDDEN_FAILED,
                                                traceback=[f"\x1b[1;31m❌ {HIDDEN_FAILED}\x1b[0m"])
            outputs.append(output)
        cell.outputs = outputs
    return nb


def build_clean_copies(root: Path, assignment: str, students: list[str] | None = None) -> tuple[Path, list[str]]:
    """Cleaned copies of the graded notebooks in ``.feedback-build/``; returns it and the problems met
    (one line each, naming the learner and the file), none of which stops the others."""
    build = root / BUILD
    problems: list[str] = []
    found = safefs.scan(root / "autograded", entries=None)
    for student in (f for f in found.folders if "/" not in f):
        if students and student not in students:
            continue
        dest = build / student / assignment
        try:
            dropped = safefs.copy_clean(root / "autograded", (student, assignment), dest,
                                        # the notebooks, and what nbgrader's release_feedback reads
                                        keep=lambda relative: "/" not in relative and (relative.endswith(".ipynb")
                                                                                       or relative in EXCHANGE_FILES))
        except OSError as error:
            problems.append(f"{student}: autograded/{student}/{assignment} was not used ({error.strerror or error})")
            safefs.remove_tree(dest)
            continue
        problems += [f"{student}: {relative} is {what}; left out" for relative, what in dropped
                     if relative.endswith(".ipynb")]
        for path in sorted(dest.glob("*.ipynb")):
            try:
                nb = nbformat.read(str(path), as_version=4)
                nb.metadata.pop("widgets", None)  # learner-controlled state: never into a feedback page
                nbformat.write(clean_notebook(nb, _released_sources(root, assignment, path.name)), str(path))
            except Exception as error:  # not a notebook (the learner's code wrote it), or not one of the release's
                problems.append(f"{student}: {path.name} is not a notebook that can be shown ({type(error).__name__}); "
                                "left out")
                path.unlink()
    return build, problems


def generate_feedback(root: Path, assignment: str, students: list[str] | None = None, stream=None) -> Path:
    """Write leak-free feedback (HTML per learner and notebook) to ``feedback/``, as nbgrader would.

    A learner whose graded folder cannot be used is named on ``stream`` (stderr) and skipped; if nbgrader
    fails on the class at once, each learner is tried alone, so one bad folder never costs the others theirs.
    """
    root = Path(root).resolve()
    _build, problems = build_clean_copies(root, assignment, students)
    common = ["--force", f"--CourseDirectory.autograded_directory={BUILD}"]
    failed = []
    if not students:
        try:
            nbgrader("generate_feedback", assignment, *common, root=root)
        except NbgraderError:
            students = sorted(p.name for p in (root / BUILD).iterdir() if (p / assignment).is_dir())
    for student in students or []:  # nbgrader takes one --student at a time
        try:
            nbgrader("generate_feedback", assignment, "--student", student, *common, root=root)
        except NbgraderError as error:
            failed.append(f"{student}: nbgrader could not write the feedback ({str(error).splitlines()[-1][:200]})")
    for page in sorted((root / "feedback").glob(f"*/{assignment}/*.html")):
        if page.is_file() and not page.is_symlink():  # no script runs in a feedback page (autograder/csp.py)
            page.write_text(add_feedback_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
    for line in problems + failed:
        print(f"feedback: {line}", file=stream or sys.stderr)
    from autograder.grading import hand_back

    for folder in (root / "feedback").glob(f"*/{assignment}"):  # readable by the instructors' group
        hand_back(root, folder)
        hand_back(root, folder.parent, deep=False)
    return root / "feedback"


def leaks(page: str, master_nb, own_work: str = "") -> list[str]:
    """Lines of hidden-test code from ``master_nb`` that appear in a rendered feedback ``page``.

    ``own_work`` is the learner's own answers: what they wrote themselves is not a leak.
    """
    import html as html_module
    import re

    text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", page)).split())
    # lines a learner may write themselves (the reference solutions) are not leaks when they appear
    answers = {" ".join(line.split()) for cell in master_nb.cells if "### BEGIN SOLUTION" in cell.source
               for line in cell.source.splitlines()}
    own = " ".join(own_work.split())
    found = []
    for cell in master_nb.cells:
        if "### BEGIN HIDDEN TESTS" not in cell.source:
            continue
        hidden = cell.source.split("### BEGIN HIDDEN TESTS", 1)[1].split("### END HIDDEN TESTS", 1)[0]
        for line in hidden.splitlines():
            line = " ".join(line.split())
            if len(line) > 12 and not line.startswith("#") and line not in answers and line not in own and line in text:
                found.append(line)
    return found


__all__ = ["clean_notebook", "generate_feedback", "leaks"]
