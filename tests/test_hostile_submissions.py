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


# ---------------------------------------------------------------- cause 2: root follows links, opens special files
SECRET = "the instructor's private notes: not for any learner"


def leaves_behind(sentinel: Path, gradebook: Path) -> str:
    """Learner code that leaves links and special files in its own folder for root's later steps."""
    return f'''
import os
for name, target in [("gradebook.db.link", {str(gradebook)!r}), ("notes.txt", {str(sentinel)!r}),
                     ("system", "/etc"), ("null.txt", "/dev/zero")]:
    try:
        os.symlink(target, name)
    except OSError:
        pass
os.mkfifo("waiting.ipynb")
open("junk.ipynb", "w").write("this is not JSON at all")
'''


def _run_cli(root: Path, *args: str):
    import subprocess
    import sys

    from course.nbgrader_cli import tool_env

    return subprocess.run([sys.executable, "-m", "autograder", "--root", str(root), *args], env=tool_env(),
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def linking_class(tmp_path_factory, honest_alone):
    base = tmp_path_factory.mktemp("links")
    root = new_class(base)
    sentinel = base / "outside" / "instructor-notes.txt"
    sentinel.parent.mkdir()
    sentinel.write_text(SECRET)
    sentinel.chmod(0o600)
    honest_pair(root)
    notebooks = graded_notebooks()
    # the notebook handed in is a link to the master (solutions and hidden tests in it)
    folder = hand_in(root, "link_to_master", {})
    for name in notebooks:
        (folder / name).symlink_to(REPO_ROOT / ASSIGNMENT / name)
    # blank notebooks, with a link to a root-only file and a FIFO in the submission itself
    folder = hand_in(root, "links_handed_in", {n: blank(root, n) for n in notebooks})
    (folder / "notes.txt").symlink_to(sentinel)
    os.mkfifo(folder / "pipe.csv")
    os.link(sentinel, folder / "hard.txt")
    # the learner's code leaves links, a FIFO and a file that is not a notebook behind
    hand_in(root, "leaves_links", {n: with_cell(blank(root, n), leaves_behind(sentinel, root / "gradebook.db"))
                                   for n in notebooks})
    before = fingerprint(outside_the_learners(root) + [sentinel.parent])
    mode = gradebook_mode(root)
    outcomes = grade(root)
    after_grading = fingerprint(outside_the_learners(root) + [sentinel.parent]), gradebook_mode(root)
    feedback = _run_cli(root, "feedback", ASSIGNMENT)
    report = _run_cli(root, "report", ASSIGNMENT)
    return root, outcomes, (before, mode), after_grading, feedback, report, sentinel, honest_alone


def test_a_notebook_linked_to_the_master_is_never_graded_as_the_master(linking_class):
    root, outcomes, *_rest, alone = linking_class
    outcome = outcomes["link_to_master"]
    assert outcome.status == "error" and "a symbolic link" in outcome.reason, outcome
    assert not (root / "autograded" / "link_to_master").exists() or not any(
        (root / "autograded" / "link_to_master").rglob("*.ipynb"))
    assert_honest_unaffected(outcomes, alone)


def test_links_and_special_files_handed_in_are_dropped_with_a_note(linking_class):
    root, outcomes, *_rest, sentinel, alone = linking_class
    outcome = outcomes["links_handed_in"]
    assert_no_gain(outcome, alone)
    for words in ("notes.txt is a symbolic link", "pipe.csv is a FIFO", "hard.txt is a hard link"):
        assert words in outcome.reason, outcome.reason
    graded = root / "autograded" / "links_handed_in" / ASSIGNMENT
    assert not any(p.name in ("notes.txt", "pipe.csv", "hard.txt") for p in graded.iterdir())


def test_links_left_by_learner_code_are_never_followed_by_root(linking_class):
    root, outcomes, (before, mode), (after, mode_after), _feedback, _report, sentinel, alone = linking_class
    outcome = outcomes["leaves_links"]
    assert_no_gain(outcome, alone)
    assert "removed, never followed" in outcome.reason and "gradebook.db.link (a symbolic link)" in outcome.reason
    graded = root / "autograded" / "leaves_links" / ASSIGNMENT
    left = [p.name for p in graded.iterdir() if p.is_symlink() or not (p.is_file() or p.is_dir())]
    assert not left, left
    assert after == before, "a file outside the learner's folder changed (nbgrader's chmod followed a link?)"
    assert mode_after == mode, "the gradebook's mode or owner changed"
    assert stat.S_IMODE(sentinel.stat().st_mode) == 0o600 and sentinel.read_text() == SECRET
    assert os.stat("/dev/null").st_uid == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert_honest_unaffected(outcomes, alone)


def test_feedback_and_report_finish_for_everyone_and_deliver_no_root_file(linking_class):
    root, outcomes, *_rest, feedback, report, sentinel, alone = linking_class
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    assert report.returncode == 0, report.stdout + report.stderr
    assert "leaves_links: junk.ipynb is not a notebook that can be shown" in feedback.stderr, feedback.stderr
    for learner in ("honest_full", "honest_blank", "leaves_links"):
        pages = list((root / "feedback" / learner / ASSIGNMENT).glob("*.html"))
        assert {p.stem for p in pages} >= {Path(n).stem for n in graded_notebooks()}, (learner, pages)
    for path in (root / "feedback").rglob("*"):
        if path.is_symlink() or (path.is_file() and SECRET in path.read_text(errors="replace")):
            raise AssertionError(f"{path} delivers what a learner may not see")
    assert (root / "reports" / ASSIGNMENT / "report.html").stat().st_size > 1000


# ---------------------------------------------------------------- cause 3: what one kernel leaves, the next must not see
PLACES = '["JUPYTER_RUNTIME_DIR", "/tmp", "/var/tmp", "/dev/shm", "HOME"]'
LEAVES_NOTES = f'''
import json, os
left = {{}}
for place in {PLACES}:
    folder = os.environ.get(place, place)
    try:
        open(os.path.join(folder, "note-for-the-next-learner.txt"), "w").write("the answers are ...")
        os.chdir(folder)
        for _ in range(1500):  # a folder 1,500 deep
            os.mkdir("d")
            os.chdir("d")
        left[place] = folder
    except OSError as error:
        left[place] = type(error).__name__
os.chdir({{cwd!r}})
print("LEFT " + json.dumps(left))
'''
LOOKS_AROUND = f'''
import json, os
seen = {{}}
for place in {PLACES}:
    folder = os.environ.get(place, place)
    try:  # anything the learner before left: their note, their deep folder
        seen[place] = sorted(set(os.listdir(folder)) & {{"note-for-the-next-learner.txt", "d"}})
    except OSError as error:
        seen[place] = type(error).__name__
seen["runtime"] = os.environ.get("JUPYTER_RUNTIME_DIR")
print("SEEN " + json.dumps(seen))
'''


def _printed(root: Path, learner: str, word: str) -> dict:
    for name in graded_notebooks():
        for cell in read(root / "autograded" / learner / ASSIGNMENT / name).cells:
            for output in cell.get("outputs", []):
                for line in output.get("text", "").splitlines():
                    if line.startswith(word + " "):
                        return json.loads(line[len(word) + 1:])
    raise AssertionError(f"{learner} printed no {word} line")


def test_nothing_one_kernel_leaves_is_seen_by_the_next(tmp_path, honest_alone):
    root = new_class(tmp_path)
    notebooks = graded_notebooks()
    own = lambda learner: str(root / "autograded" / learner / ASSIGNMENT)  # noqa: E731
    hand_in(root, "a_leaver", {n: with_cell(blank(root, n), LEAVES_NOTES.replace("{cwd!r}", repr(own("a_leaver"))))
                               for n in notebooks})
    hand_in(root, "b_reader", {n: with_cell(blank(root, n), LOOKS_AROUND) for n in notebooks})
    honest_pair(root)
    # one worker: the four are graded one after the other, by the same process and kernel user
    outcomes = {o.student: o for o in grade_all(root, ASSIGNMENT, workers=1, progress=False, sandbox=True)}
    left, seen = _printed(root, "a_leaver", "LEFT"), _printed(root, "b_reader", "SEEN")
    assert sum(isinstance(v, str) and v.startswith("/") for v in left.values()) >= 3, left  # it did leave things
    assert all(value == [] for key, value in seen.items() if key != "runtime"), seen
    assert not os.path.exists(seen["runtime"]) and not os.path.exists(left["JUPYTER_RUNTIME_DIR"]), \
        "a kernel's runtime folder outlived it"
    assert seen["runtime"] != left["JUPYTER_RUNTIME_DIR"]
    assert_no_gain(outcomes["a_leaver"], honest_alone)
    assert outcomes["b_reader"].status == "graded"
    assert_honest_unaffected(outcomes, honest_alone)


# ---------------------------------------------------------------- also: plain `nbgrader autograde` as root
WHO_AM_I = 'import os\nprint("UID " + str(os.getuid()))'


def test_plain_nbgrader_autograde_as_root_runs_learners_code_in_the_sandbox_or_not_at_all(tmp_path):
    import subprocess
    import sys

    from course.nbgrader_cli import tool_env

    root = new_class(tmp_path)
    hand_in(root, "plain", {n: with_cell(blank(root, n), WHO_AM_I) for n in graded_notebooks()})
    assert os.geteuid() == 0, "the test machine grades as root"
    graded = nbgrader("autograde", ASSIGNMENT, root=root)
    assert "SAWarning" not in graded.stderr, "plain nbgrader autograde printed SQLAlchemy's warnings"
    uids = [line for name in graded_notebooks()
            for cell in read(root / "autograded" / "plain" / ASSIGNMENT / name).cells
            for output in cell.get("outputs", []) for line in output.get("text", "").splitlines() if line.startswith("UID ")]
    assert uids and all(int(line.split()[1]) >= 1000 for line in uids), uids
    # no unshare/setpriv on PATH: no sandbox, so nbgrader must refuse to run the learner's code as root
    env = {**tool_env(), "PATH": str(Path(sys.executable).parent)}
    result = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--force"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert "refusing to run learners' code as root without the grading sandbox" in result.stdout + result.stderr


# ---------------------------------------------------------------- also: a non-ASCII course path; formulas in the exports
WRITES_OUTSIDE = '''
import os
for path in ("../../../nbgrader_config.py", "../../../release/extra.txt"):
    try:
        open(path, "a").write("# written by a learner")
        print("WROTE " + path)
    except OSError:
        pass
'''


def test_a_non_ascii_course_path_keeps_the_sandbox_read_only_and_the_exports_hold_no_formulas(tmp_path, honest_alone):
    import csv

    from autograder.reports import write_lms_files

    root = new_class(tmp_path / "cours-d'été_社区")
    hand_in(root, "@learner", {n: with_cell(blank(root, n), WRITES_OUTSIDE) for n in graded_notebooks()})
    nbgrader("db", "student", "add", "@learner", "--first-name", "+1 cmd", "--last-name", '=HYPERLINK("http://x")',
             root=root)
    before = fingerprint(outside_the_learners(root))
    outcomes = grade(root)
    assert outcomes["@learner"].status == "graded", outcomes
    printed = [line for n in graded_notebooks() for c in read(root / "autograded" / "@learner" / ASSIGNMENT / n).cells
               for o in c.get("outputs", []) for line in o.get("text", "").splitlines() if line.startswith("WROTE")]
    assert not printed and fingerprint(outside_the_learners(root)) == before, printed
    paths = write_lms_files(root, ASSIGNMENT, root / "reports" / ASSIGNMENT)
    for name in ("canvas", "moodle", "items"):
        with paths[name].open(newline="") as handle:
            cells = [value for row in csv.reader(handle) for value in row]
        assert "'@learner" in cells and not any(v.startswith(("=", "+", "@")) for v in cells), (name, cells[:20])
        if name != "items":
            assert any(v.startswith("'=HYPERLINK") or v.startswith("'+1") for v in cells), cells


# ---------------------------------------------------------------- also: the README's late-penalty example works
def test_the_readmes_late_penalty_example_works_with_this_nbgrader(tmp_path, honest_alone):
    import csv
    import re

    from nbgrader.api import Gradebook

    from autograder.reports import write_lms_files

    readme = " ".join((REPO_ROOT / "README.md").read_text().split())
    paragraph = readme[readme.index("Late penalties are nbgrader's"):][:600]
    settings = re.findall(r"`(c\.(?:AssignLatePenalties|PointsPerHourLate)\.[a-z_]+ = [^`]+)`", paragraph)
    assert len(settings) == 2, paragraph
    root = new_class(tmp_path)
    with (root / "nbgrader_config.py").open("a") as config:
        config.write("\n" + "\n".join(settings) + "\n")
    nbgrader("db", "assignment", "add", ASSIGNMENT, "--duedate=2026-11-20 10:00:00 UTC", root=root)
    hand_in(root, "late_full", {n: full_marks(root, n) for n in graded_notebooks()},
            {"timestamp.txt": "2026-11-20 12:30:00.000000 UTC"})
    outcome = grade(root)["late_full"]
    assert outcome.status == "late" and "2.5 h late" in outcome.reason, outcome
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        penalty = gradebook.find_submission(ASSIGNMENT, "late_full").late_submission_penalty
    points_per_hour = float(settings[1].split("=")[1])
    assert penalty == 3 * points_per_hour * len(graded_notebooks()), penalty  # three started hours
    paths = write_lms_files(root, ASSIGNMENT, root / "reports" / ASSIGNMENT)
    with paths["moodle"].open(newline="") as handle:
        row = list(csv.DictReader(handle))[0]
    assert float(row[ASSIGNMENT]) == honest_alone["honest_full"] - penalty


# ---------------------------------------------------------------- cause 5: no learner script in the instructor's browser
# A written answer whose script, run in formgrader, would press "Full credit" on every item of the page
# (formgrader's own buttons save the mark through its API) and leave a trace.
SCRIPT_ANSWER = ('My answer.\n\n<img src="x" onerror="window.learnerScriptRan = true; setTimeout(function () { '
                 'document.querySelectorAll(\'.full-credit\').forEach(function (b) { b.click(); }); }, 500)">\n\n'
                 '<script>window.learnerScriptRan = true;</script>')


def test_formgrader_and_feedback_run_no_learner_script_in_a_real_browser(tmp_path):
    import shutil
    import time
    import urllib.request

    from playwright.sync_api import sync_playwright

    from nbtools import jupyter_server

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Chromium is missing: install Debian's chromium (make test does it)"
    root = new_class(tmp_path)
    notebooks = graded_notebooks()
    submission = {}
    for name in notebooks:
        nb = blank(root, name)
        for cell in nb.cells:
            if cell.cell_type == "markdown" and nbgrader_meta(cell).get("solution"):
                cell.source = SCRIPT_ANSWER
        submission[name] = nb
    hand_in(root, "scripter", submission)
    assert grade(root)["scripter"].status == "graded"
    feedback = _run_cli(root, "feedback", ASSIGNMENT)
    assert feedback.returncode == 0, feedback.stderr

    def manual_scores(url, token):
        found = {}
        for name in notebooks:
            listing = json.loads(urllib.request.urlopen(
                f"{url}/formgrader/api/submitted_notebooks/{ASSIGNMENT}/{Path(name).stem}?token={token}").read())
            for notebook in listing:
                grades = json.loads(urllib.request.urlopen(
                    f"{url}/formgrader/api/grades?submission_id={notebook['id']}&token={token}").read())
                found[notebook["id"]] = {g["name"]: g["manual_score"] for g in grades if g.get("max_score")}
        return found

    with jupyter_server("jupyter_server", root, tmp_path, cwd=root) as (url, token), sync_playwright() as p:
        before = manual_scores(url, token)
        browser = p.chromium.launch(executable_path=chromium, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
        try:
            page = browser.new_page()
            for submission_id in before:
                response = page.goto(f"{url}/formgrader/submissions/{submission_id}/?token={token}")
                page.wait_for_selector(".full-credit", timeout=30_000)  # formgrader's own script did run
                # the second barrier (tests/test_formgrader_csp.py): only nbgrader's nonce'd scripts may run
                assert "script-src 'nonce-" in response.headers.get("content-security-policy", ""), response.headers
                assert "My answer." in page.content()
                time.sleep(3)  # more than the learner's script would need
                assert page.evaluate("window.learnerScriptRan === undefined"), "the learner's script ran in formgrader"
            for html in (root / "feedback" / "scripter" / ASSIGNMENT).glob("*.html"):
                page.goto(html.as_uri())
                time.sleep(1)
                assert "My answer." in page.content()
                assert page.evaluate("window.learnerScriptRan === undefined"), f"the learner's script ran in {html.name}"
        finally:
            browser.close()
        assert manual_scores(url, token) == before, "a mark changed while the instructor only looked"


# ---------------------------------------------------------------- cause 4: limits per learner
# The limits are set low for the test, and every hog caps itself far below what would harm the machine.
LIMITS = ("\nc.GuardedExecute.max_disk = 40 * 1024**2\nc.GuardedExecute.max_files = 400\n"
          "c.GuardedExecute.max_memory = 400 * 1024**2\nc.GuardedExecute.submission_timeout = 45\n")
HOGS = {
    "disk_hog": "import time\nfor i in range(80):  # 80 MB at most, 1 MB a file\n"
                "    open(f'blob{i}', 'wb').write(b'x' * 1024**2)\n    time.sleep(0.05)\ntime.sleep(5)",
    "files_hog": "import os, time\nos.mkdir('many')\nfor i in range(2000):  # 2,000 empty files at most\n"
                 "    open(f'many/{i}', 'w').close()\n    time.sleep(0.001)\ntime.sleep(5)",
    "memory_hog": "import subprocess, sys, time\n"  # three child programs of 200 MB each: 600 MB together
                  "code = \"import time; hold = b'x' * (200 * 1024**2); time.sleep(20)\"\n"
                  "children = [subprocess.Popen([sys.executable, '-c', code]) for _ in range(3)]\ntime.sleep(10)",
    "slow_hog": "import time\ntime.sleep(90)",
}


@pytest.fixture(scope="module")
def hog_class(tmp_path_factory, honest_alone):
    root = new_class(tmp_path_factory.mktemp("hogs"))
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(LIMITS)
    honest_pair(root)
    for learner, code in HOGS.items():
        hand_in(root, learner, {n: with_cell(blank(root, n), code) for n in graded_notebooks()})
    before = fingerprint(outside_the_learners(root))
    outcomes = grade(root)
    return root, outcomes, before, honest_alone


@pytest.mark.parametrize("learner, words", [
    ("disk_hog", "MB in its folder"), ("files_hog", "files and folders in its folder"),
    ("memory_hog", "processes together used more than"), ("slow_hog", "submission used up its 45-second time budget")])
def test_a_learner_over_a_limit_loses_only_their_own_run(hog_class, learner, words):
    root, outcomes, before, alone = hog_class
    outcome = outcomes[learner]
    assert_no_gain(outcome, alone)
    if learner == "slow_hog":  # the cells after the budget are not run: the notebook is graded without them
        graded = json.dumps([c.get("outputs", []) for n in graded_notebooks()
                             for c in read(root / "autograded" / learner / ASSIGNMENT / n).cells])
        assert words in graded, outcome
    else:
        assert outcome.status == "error" and words in outcome.reason, outcome
    folder = root / "autograded" / learner / ASSIGNMENT
    count, used = __import__("autograder.execute").execute.folder_usage(str(folder), 10_000)
    assert used < 60 * 1024**2 and count < 500, (count, used)
    assert fingerprint(outside_the_learners(root)) == before
    assert_honest_unaffected(outcomes, alone)


# ---------------------------------------------------------------- also: an allowlist, and memory held by the machine
# A second checkout of the course elsewhere on the machine (outside every scratch folder): a learner's code that
# finds it runs the master's solutions and would earn full marks with a blank notebook.
COPIES_FROM_A_SECOND_CHECKOUT = """
import json, os
master = {master!r}
try:
    copied = 0
    for cell in json.load(open(master))["cells"]:
        if cell["cell_type"] == "code" and cell.get("metadata", {{}}).get("nbgrader", {{}}).get("solution"):
            exec("".join(cell["source"]), globals())
            copied += 1
    print("COPIED " + str(copied))
except OSError as error:
    print("BLOCKED " + type(error).__name__)
"""
# Three child programs of 1.5 GB each (4.5 GB together) against the 3 GB a learner has: the control group holds
# them to 3 GB, so the machine never gives more.
THREE_BIG_CHILDREN = """
import subprocess, sys, time
code = "import time; hold = b'x' * (1536 * 1024**2); time.sleep(30)"
children = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(3)]
time.sleep(25)
"""


@pytest.fixture(scope="module")
def allowlist_class(tmp_path_factory, honest_alone):
    import shutil
    import uuid

    from autograder import cgroups

    second = Path(f"/srv/cmw-test-{uuid.uuid4().hex[:8]}")
    try:
        shutil.copytree(REPO_ROOT / ASSIGNMENT, second / ASSIGNMENT)
        root = new_class(tmp_path_factory.mktemp("allowlist"))
        honest_pair(root)
        notebooks = graded_notebooks()
        hand_in(root, "second_checkout", {n: with_cell(blank(root, n), COPIES_FROM_A_SECOND_CHECKOUT.format(
            master=str(second / ASSIGNMENT / n))) for n in notebooks})
        hand_in(root, "big_children", {notebooks[0]: with_cell(blank(root, notebooks[0]), THREE_BIG_CHILDREN),
                                       **{n: blank(root, n) for n in notebooks[1:]}})
        before = fingerprint(outside_the_learners(root) + [second])
        groups = cgroups.existing()
        outcomes = grade(root)
        assert cgroups.existing() <= groups, f"control groups outlived their kernels: {cgroups.existing() - groups}"
        yield root, outcomes, before, second, honest_alone
    finally:
        shutil.rmtree(second, ignore_errors=True)


def test_a_second_checkout_elsewhere_on_the_machine_is_out_of_reach(allowlist_class):
    root, outcomes, before, second, alone = allowlist_class
    assert_no_gain(outcomes["second_checkout"], alone)
    printed = [line for n in graded_notebooks() for c in read(root / "autograded" / "second_checkout" / ASSIGNMENT / n).cells
               for o in c.get("outputs", []) for line in o.get("text", "").splitlines()
               if line.startswith(("COPIED", "BLOCKED"))]
    assert printed and all(line == "BLOCKED FileNotFoundError" for line in printed), printed
    assert fingerprint(outside_the_learners(root) + [second]) == before
    assert_honest_unaffected(outcomes, alone)


def test_child_programs_past_the_memory_limit_end_only_their_learners_run(allowlist_class):
    root, outcomes, before, second, alone = allowlist_class
    outcome = outcomes["big_children"]
    assert outcome.status == "error" and "used more than 3 GB of memory" in outcome.reason, outcome
    assert_honest_unaffected(outcomes, alone)
