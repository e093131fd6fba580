"""Hostile submissions: nothing a learner hands in or leaves behind reaches the import path, root, another
learner or the instructor's browser.

Each case is graded by the real `python -m autograder grade` (sandbox on, as on the grading server) next to
an honest full-marks learner and an honest blank one, and must end with: a score no higher than the honest
one for the same answers (the tricks here come with blank answers), nothing outside the learner's folder
changed, and the honest learners graded as if they had been alone.

The submissions are built from the master's solutions and the release, not from item names, so the cases
stay valid when an assignment's items change.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import nbformat
import pytest

from autograder.grading import grade_all
from course.nbgrader_cli import nbgrader
from course.syllabus import REPO_ROOT
from nbtools import nbgrader_meta, read, solution_source

ASSIGNMENT = "module1_intro"
MARKER = "IMPORTED-FROM-THE-LEARNERS-FOLDER"


# ---------------------------------------------------------------- building submissions
def graded_notebooks() -> list[str]:
    """The assignment's notebooks that carry points (the lessons in its folder are practice)."""
    names = []
    for path in sorted((REPO_ROOT / ASSIGNMENT).glob("*.ipynb")):
        if any(nbgrader_meta(c).get("points") for c in read(path).cells):
            names.append(path.name)
    return names


def full_marks(root: Path, name: str):
    """The release with every answer cell holding the master's solution."""
    release = read(root / "release" / ASSIGNMENT / name)
    master = {nbgrader_meta(c).get("grade_id"): c for c in read(REPO_ROOT / ASSIGNMENT / name).cells}
    for cell in release.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            cell.source = solution_source(master[meta["grade_id"]])
    return release


def blank(root: Path, name: str):
    return read(root / "release" / ASSIGNMENT / name)


def with_cell(nb, source: str, first: bool = True):
    """``nb`` with an extra code cell (learner code), before the first answer cell or at the end."""
    cell = nbformat.v4.new_code_cell(source)
    answers = [i for i, c in enumerate(nb.cells) if nbgrader_meta(c).get("solution")]
    nb.cells.insert(answers[0] if first and answers else len(nb.cells), cell)
    return nb


def hand_in(root: Path, learner: str, notebooks: dict, files: dict[str, str | bytes] | None = None) -> Path:
    folder = root / "submitted" / learner / ASSIGNMENT
    folder.mkdir(parents=True)
    for name, nb in notebooks.items():
        nbformat.write(nb, str(folder / name))
    for relative, content in (files or {}).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return folder


def new_class(tmp_path: Path) -> Path:
    from conftest import make_course_root

    root = make_course_root(tmp_path)
    nbgrader("generate_assignment", ASSIGNMENT, "--force", root=root)
    return root


def honest_pair(root: Path) -> None:
    hand_in(root, "honest_full", {n: full_marks(root, n) for n in graded_notebooks()})
    hand_in(root, "honest_blank", {n: blank(root, n) for n in graded_notebooks()})


# ---------------------------------------------------------------- what must not change
def fingerprint(paths: list[Path]) -> dict[str, tuple]:
    """Content hash, mode and owner of every file under ``paths`` (links not followed)."""
    seen = {}
    for top in paths:
        for path in [top, *sorted(top.rglob("*"))] if top.is_dir() and not top.is_symlink() else [top]:
            info = path.lstat()
            digest = (hashlib.sha256(path.read_bytes()).hexdigest()
                      if stat.S_ISREG(info.st_mode) and info.st_size < 50_000_000 else None)
            seen[str(path)] = (digest, stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid)
    return seen


def outside_the_learners(root: Path) -> list[Path]:
    """What no learner's run may change: the masters, the release, the course's config, the repository's
    README and the machine's /dev/null. (The gradebook changes by grading; its mode and owner may not.)"""
    return [REPO_ROOT / ASSIGNMENT, root / "release", root / "nbgrader_config.py", REPO_ROOT / "README.md",
            REPO_ROOT / "autograder", Path("/dev/null")]


def gradebook_mode(root: Path) -> tuple:
    info = (root / "gradebook.db").stat()
    return stat.S_IMODE(info.st_mode), info.st_uid


def grade(root: Path, learners: list[str] | None = None) -> dict:
    return {o.student: o for o in grade_all(root, ASSIGNMENT, learners, workers=2, progress=False, sandbox=True)}


def assert_honest_unaffected(outcomes: dict, alone: dict) -> None:
    for learner in ("honest_full", "honest_blank"):
        assert outcomes[learner].status == "graded", outcomes[learner]
        assert outcomes[learner].score == alone[learner], (learner, outcomes[learner])


def assert_no_gain(outcome, alone: dict) -> None:
    assert outcome.status == "error" or outcome.score <= alone["honest_blank"], outcome


@pytest.fixture(scope="module")
def honest_alone(tmp_path_factory) -> dict:
    """The honest learners' scores when graded alone (the reference every case compares with)."""
    root = new_class(tmp_path_factory.mktemp("alone"))
    honest_pair(root)
    outcomes = grade(root)
    assert outcomes["honest_full"].score > outcomes["honest_blank"].score, outcomes
    return {learner: o.score for learner, o in outcomes.items()}


# ---------------------------------------------------------------- cause 1: the learner's folder on the import path
# A launcher that, if Python ran it instead of the real one, would turn every cell into `pass` before the guard
# starts (so the guard would take the change for the original machinery) and earn a blank notebook full marks.
FAKE_LAUNCHER = f'''
import os, sys
open({MARKER!r}, "w").write("ipykernel_launcher.py")
here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
from IPython.core.interactiveshell import InteractiveShell
_init = InteractiveShell.__init__
def _passing(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.input_transformers_post.append(lambda lines: ["pass\\n"])
InteractiveShell.__init__ = _passing
from ipykernel import kernelapp
kernelapp.launch_new_instance()
'''
# A package that answers every check with "fine", if the tests imported it instead of the installed one.
FAKE_PACKAGE = f'''
open({MARKER!r}, "w").write(__name__)
class _Anything:
    def __getattr__(self, name):
        return _Anything()
    def __call__(self, *args, **kwargs):
        return None
def __getattr__(name):
    return _Anything()
'''
WRITES_SHADOWS = f'''
import os
os.makedirs("course/exercises", exist_ok=True)
for path in ("ipykernel_launcher.py", "pandas.py", "course/__init__.py", "course/exercises/__init__.py"):
    open(path, "w").write({FAKE_PACKAGE!r} if path != "ipykernel_launcher.py" else {FAKE_LAUNCHER!r})
import importlib, sys
importlib.invalidate_caches()
for name in [m for m in sys.modules if m == "course" or m.startswith("course.")]:
    del sys.modules[name]  # the tests' next `import course...` looks again
import course.exercises
'''


@pytest.fixture(scope="module")
def shadowing_class(tmp_path_factory, honest_alone):
    root = new_class(tmp_path_factory.mktemp("shadow"))
    honest_pair(root)
    notebooks = graded_notebooks()
    hand_in(root, "launcher", {n: blank(root, n) for n in notebooks}, {"ipykernel_launcher.py": FAKE_LAUNCHER})
    hand_in(root, "pandas_module", {n: blank(root, n) for n in notebooks}, {"pandas.py": FAKE_PACKAGE})
    hand_in(root, "course_package", {n: blank(root, n) for n in notebooks},
            {"course/__init__.py": FAKE_PACKAGE, "course/exercises/__init__.py": FAKE_PACKAGE,
             "autograder/__init__.py": FAKE_PACKAGE, "autograder/guard.py": FAKE_PACKAGE})
    # written by the learner's own code: a lesson notebook (graded first) leaves the shadows for the next kernel
    lesson = next(p.name for p in sorted((root / "release" / ASSIGNMENT).glob("*.ipynb")) if p.name < notebooks[0])
    hand_in(root, "written_shadows", {lesson: with_cell(blank(root, lesson), WRITES_SHADOWS, first=False),
                                      **{n: with_cell(blank(root, n), WRITES_SHADOWS) for n in notebooks}})
    before = fingerprint(outside_the_learners(root))
    outcomes = grade(root)
    return root, outcomes, before, honest_alone


SHADOWERS = ["launcher", "pandas_module", "course_package", "written_shadows"]


@pytest.mark.parametrize("learner", SHADOWERS)
def test_nothing_in_the_learners_folder_is_imported(shadowing_class, learner):
    root, outcomes, before, alone = shadowing_class
    assert_no_gain(outcomes[learner], alone)
    assert not list((root / "autograded" / learner).rglob(MARKER)), "a file from the learner's folder was imported"
    assert_honest_unaffected(outcomes, alone)
    assert fingerprint(outside_the_learners(root)) == before


def test_the_guard_trusts_only_the_installed_environment(tmp_path):
    """A module file inside the kernel's working folder is never 'installed', even when that folder lies in the
    repository (as the course root's autograded/ does)."""
    from autograder import guard

    guard._snapshot = {"roots": guard._trusted_roots(), "cwd": str(REPO_ROOT / "autograder" / "autograded") + "/"}
    try:
        assert guard._installed(str(Path(guard.__file__).parents[1] / "course" / "__init__.py"))
        assert not guard._installed(str(REPO_ROOT / "autograder" / "autograded" / "x" / ASSIGNMENT / "pandas.py"))
        assert not guard._installed(str(REPO_ROOT / "README.md"))
        assert not guard._installed(None)
    finally:
        guard._snapshot = None
