"""Bad submissions get a readable reason (or are graded despite the problem); the batch never stops.

Each learner below hands in Assignment 1 in a broken way; `python -m autograder grade` must grade
the class and record, for each, a score or the reason why not.
"""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from autograder.grading import grade_all
from autograder.precheck import precheck_submission
from course.nbgrader_cli import nbgrader
from course.syllabus import REPO_ROOT
from nbtools import cells_by_id, nbgrader_meta, read, solution_source

A1 = "module1_intro"
NB = "1.4-assignment.ipynb"


def _full_marks(root):
    release = read(root / "release" / A1 / NB)
    master = cells_by_id(read(REPO_ROOT / A1 / NB))
    for cell in release.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution") and cell.cell_type == "code":
            cell.source = solution_source(master[meta["grade_id"]])
    return release


# learner -> (what is in their folder, expected status, expected score or None, words in the reason)
CORPUS = {
    "empty_file": ("empty", "error", None, "empty file"),
    "broken_json": ("broken", "error", None, "broken JSON at line"),
    "json_not_notebook": ("not_nb", "error", None, "not a notebook"),
    "no_notebook": ("none", "error", None, "no notebook in the submission"),
    "wrong_name": ("renamed", "error", None, "not part of the assignment"),
    "nbformat3": ("v3", "graded", 18, "nbformat 3"),
    "other_assignment": ("other", "error", None, "another assignment"),
    "good": ("good", "graded", 18, ""),  # and nothing to report
}


@pytest.fixture(scope="module")
def corpus_class(tmp_path_factory):
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("corpus"))
    nbgrader("generate_assignment", A1, "--force", root=root)
    good = _full_marks(root)
    for learner, (kind, *_rest) in CORPUS.items():
        folder = root / "submitted" / learner / A1
        folder.mkdir(parents=True)
        target = folder / NB
        if kind == "empty":
            target.write_text("")
        elif kind == "broken":
            target.write_text(json.dumps(good)[:5000])
        elif kind == "not_nb":
            target.write_text(json.dumps({"cells": "nope"}))
        elif kind == "none":
            (folder / "my answers.txt").write_text("I wrote them here instead")
        elif kind == "renamed":
            nbformat.write(good, str(folder / "assignment-final-v2.ipynb"))
        elif kind == "v3":
            nbformat.write(nbformat.convert(nbformat.from_dict(json.loads(json.dumps(good))), 3), str(target))
        elif kind == "other":
            shutil.copy(root / "source" / "module4_interaction" / "4.3-crisis-management.ipynb", target)
        else:
            nbformat.write(good, str(target))
    outcomes = {o.student: o for o in grade_all(root, A1, workers=2, progress=False)}
    return root, outcomes


@pytest.mark.parametrize("learner", list(CORPUS))
def test_every_submission_ends_with_a_score_or_a_reason(corpus_class, learner):
    _, outcomes = corpus_class
    _, status, score, words = CORPUS[learner]
    outcome = outcomes[learner]
    assert outcome.status == status, outcome
    if score is not None:
        assert outcome.score == score, outcome
    assert words in outcome.reason if words else outcome.reason == "", outcome.reason
    assert "Traceback" not in outcome.reason


def test_the_status_file_records_every_learner(corpus_class):
    root, _ = corpus_class
    lines = (root / "reports" / A1 / "grading-status.csv").read_text().splitlines()
    assert lines[0].startswith("student,status,score")
    assert {line.split(",")[0] for line in lines[1:]} == set(CORPUS)


def test_submissions_are_left_as_handed_in(corpus_class):
    root, _ = corpus_class
    assert (root / "submitted" / "empty_file" / A1 / NB).read_text() == ""
    assert (root / "submitted" / "no_notebook" / A1 / "my answers.txt").exists()


def test_precheck_alone_names_file_and_problem(corpus_class):
    root, _ = corpus_class
    (finding,) = precheck_submission(root, A1, "broken_json")
    assert finding.fatal and finding.file == NB and "line 1" in finding.message


SPY = r'''
import json, socket
seen = {}
for label, path in [("master", "{repo}/module1_intro/1.4-assignment.ipynb"),
                    ("source", "../../../source/module1_intro/1.4-assignment.ipynb"),
                    ("gradebook", "../../../gradebook.db"),
                    ("other learner", "../../good/module1_intro/1.4-assignment.ipynb"),
                    ("answer keys", "{repo}/tests/answer_keys/m1_assignment.py")]:
    try:
        seen[label] = len(open(path, "rb").read())
    except OSError as error:
        seen[label] = type(error).__name__
try:
    socket.create_connection(("127.0.0.1", 22), timeout=2)
    seen["network"] = "connected"
except OSError as error:
    seen["network"] = type(error).__name__
try:
    open("{repo}/README.md", "a").write("hacked")
    seen["write outside"] = "written"
except OSError as error:
    seen["write outside"] = type(error).__name__
open("scratch.txt", "w").write("own folder is writable")
print("SANDBOX-REPORT " + json.dumps(seen))
# the classic cheat: copy the answer out of the master notebook
master = json.load(open("{repo}/module1_intro/1.4-assignment.ipynb"))
space_types = eval(master["cells"][3]["source"].split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0].split("=", 1)[1])
'''


def test_the_sandbox_hides_masters_gradebook_and_others_and_cuts_the_network(tmp_path):
    from autograder.sandbox import availability
    from conftest import make_course_root

    assert availability()[0], f"the sandbox must be available on the test machine: {availability()[1]}"
    root = make_course_root(tmp_path)
    nbgrader("generate_assignment", A1, "--force", root=root)
    for learner in ("good", "spy"):
        release = read(root / "release" / A1 / NB)
        if learner == "spy":
            cells_by_id(release)["a1_space_types"].source = SPY.replace("{repo}", str(REPO_ROOT))
        folder = root / "submitted" / learner / A1
        folder.mkdir(parents=True)
        nbformat.write(release if learner == "spy" else _full_marks(root), str(folder / NB))
    readme_before = (REPO_ROOT / "README.md").read_text()
    outcomes = {o.student: o for o in grade_all(root, A1, workers=2, progress=False, sandbox=True)}
    assert outcomes["good"].score == 18 and outcomes["spy"].score == 0
    graded = read(root / "autograded" / "spy" / A1 / NB)
    text = json.dumps(cells_by_id(graded)["a1_space_types"].outputs)
    report = json.loads(text.split("SANDBOX-REPORT ")[1].split("\\n")[0].replace('\\"', '"'))
    assert report["gradebook"] in ("FileNotFoundError", 0), report  # gone, or an empty stand-in: nothing to read
    assert report == {"master": "FileNotFoundError", "source": "FileNotFoundError", "gradebook": report["gradebook"],
                      "other learner": "FileNotFoundError", "answer keys": "FileNotFoundError",
                      "network": report["network"], "write outside": "OSError"}, report
    assert report["network"] in ("OSError", "ConnectionRefusedError", "TimeoutError") and report["network"] != "connected"
    assert (root / "autograded" / "spy" / A1 / "scratch.txt").exists()
    assert (REPO_ROOT / "README.md").read_text() == readme_before


# ---------------------------------------------------------------- tampering and faults inside the notebook
def _tamper(nb, kind):
    cells = cells_by_id(nb)
    if kind == "cell_type_changed":  # the check turned into markdown, answer right
        cells["a1_first_reply"].source = 'first_reply = "b"'
        cells["a1_first_reply_check"].cell_type = "markdown"
        cells["a1_first_reply_check"].pop("outputs", None)
        cells["a1_first_reply_check"].pop("execution_count", None)
    elif kind == "grade_flags_removed":  # wrong answer, check cell's grade flag and points removed
        cells["a1_first_reply"].source = 'first_reply = "a"'
        meta = nbgrader_meta(cells["a1_first_reply_check"])
        meta["grade"] = False
        meta.pop("points", None)
    elif kind == "duplicated_cells":  # a wrong check cell duplicated, ids and all, after a right answer
        cells["a1_first_reply"].source = 'first_reply = "b"'
        twin = nbformat.from_dict(json.loads(json.dumps(cells["a1_agency_risk_check"])))
        nb.cells.insert(nb.cells.index(cells["a1_agency_risk_check"]), twin)
    elif kind == "os_exit":
        cells["a1_first_reply"].source = 'first_reply = "b"\nimport os\nos._exit(0)'
    elif kind == "infinite_loop":
        cells["a1_first_reply"].source = 'first_reply = "b"'
        cells["a1_agency_risk"].source = "while True:\n    pass"
    elif kind == "memory_bomb":
        cells["a1_first_reply"].source = 'first_reply = "b"'
        cells["a1_agency_risk"].source = 'agency_risk = "c"\nhog = bytearray(8 * 1024 ** 3)'
    elif kind == "input":
        cells["a1_first_reply"].source = 'first_reply = input("Which reply? ")'
        cells["a1_agency_risk"].source = 'agency_risk = "c"'
    elif kind == "stderr_warning":  # the function warns when the check calls it: nbgrader zeroes that cell
        cells["a1_people_told"].source = ("import warnings\ndef people_told(happy, unhappy):\n"
                                          "    warnings.warn('rough figures')\n    return 15 * happy + 24 * unhappy")
        cells["a1_first_reply"].source = 'first_reply = "b"'
    return nb


# learner -> (status, autograded score: points earned honestly and nothing more)
FAULTS = {
    "cell_type_changed": ("graded", 2),   # nbgrader restores the check cell from the master
    "grade_flags_removed": ("error", None),  # nbgrader refuses edited cell metadata: recorded, no points
    "duplicated_cells": ("error", None),   # nbgrader refuses duplicated cells: recorded, no points
    "os_exit": ("error", None),              # the kernel died: recorded with the reason, the batch goes on
    "infinite_loop": ("graded", 2),          # the cell times out and is interrupted; the rest is graded
    "memory_bomb": ("graded", 3),          # MemoryError under the sandbox's limit; both answers set before it count
    "input": ("graded", 1),                # input() is refused: that item scores 0, the other counts
    "stderr_warning": ("graded", 2),       # the warning zeroes the people_told check; first_reply counts
}


@pytest.fixture(scope="module")
def faulty_class(tmp_path_factory):
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("faults"))
    with (root / "nbgrader_config.py").open("a") as config:
        config.write("\nc.Execute.timeout = 10  # keep the infinite loop short in tests\n")
    nbgrader("generate_assignment", A1, "--force", root=root)
    for learner in FAULTS:
        nb = _tamper(read(root / "release" / A1 / NB), learner)
        folder = root / "submitted" / learner / A1
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / NB))
    return {o.student: o for o in grade_all(root, A1, workers=2, progress=False)}


@pytest.mark.parametrize("learner", list(FAULTS))
def test_tampering_and_faults_earn_nothing_unearned_and_stop_nothing(faulty_class, learner):
    status, score = FAULTS[learner]
    outcome = faulty_class[learner]
    assert outcome.status == status, outcome
    if score is not None:
        assert outcome.score == score, outcome
    else:
        assert outcome.reason, "an error must say why"
