"""Bad submissions get a readable reason (or are graded despite the problem); the batch never stops.

Each learner below hands in Assignment 1 in a broken way; `python -m autograder grade` must grade
the class and record, for each, a score or the reason why not.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

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
                    ("exchange", "../../../exchange/community-management/inbound/x+module1_intro+t/1.4-assignment.ipynb"),
                    ("other learner", "../../good/module1_intro/1.4-assignment.ipynb"),
                    ("answer keys", "{repo}/tests/answer_keys/m1_assignment.py"),
                    ("git history", "{repo}/.git/HEAD"),
                    ("the copy being graded, hidden tests and all", "1.4-assignment.ipynb")]:
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
import os
seen["uid"] = os.getuid()
seen["grader's secrets"] = [name for name in os.environ if "SECRET" in name or "TOKEN" in name]
try:
    seen["root's home"] = os.listdir("/root")
except OSError as error:
    seen["root's home"] = type(error).__name__
seen["processes seen"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
seen["other kernels' sockets"] = [n for n in os.listdir("/tmp") if n.startswith("cmwk-") and n != os.path.basename(os.environ.get("JUPYTER_RUNTIME_DIR", ""))]
print("SANDBOX-REPORT " + json.dumps(seen))
# the classic cheat: copy the answer out of the master notebook
master = json.load(open("{repo}/module1_intro/1.4-assignment.ipynb"))
space_types = eval(master["cells"][3]["source"].split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0].split("=", 1)[1])
'''


def test_the_sandbox_hides_masters_gradebook_and_others_and_cuts_the_network(tmp_path, monkeypatch):
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
    inbound = root / "exchange" / "community-management" / "inbound" / "x+module1_intro+t"
    inbound.mkdir(parents=True)
    (inbound / NB).write_text("another learner's submission, waiting to be collected")
    readme_before = (REPO_ROOT / "README.md").read_text()
    monkeypatch.setenv("LMS_API_TOKEN", "the instructor's token")  # what the grader's environment may hold
    outcomes = {o.student: o for o in grade_all(root, A1, workers=2, progress=False, sandbox=True)}
    assert outcomes["good"].score == 18 and outcomes["spy"].score == 0
    graded = read(root / "autograded" / "spy" / A1 / NB)
    text = json.dumps(cells_by_id(graded)["a1_space_types"].outputs)
    report = json.loads(text.split("SANDBOX-REPORT ")[1].split("\\n")[0].replace('\\"', '"'))
    assert report["gradebook"] in ("FileNotFoundError", 0), report  # gone, or an empty stand-in: nothing to read
    assert report == {"master": "FileNotFoundError", "source": "FileNotFoundError", "gradebook": report["gradebook"],
                      "exchange": "FileNotFoundError", "git history": "FileNotFoundError", "grader's secrets": [],
                      "the copy being graded, hidden tests and all": 0,
                      "other learner": "FileNotFoundError", "answer keys": "FileNotFoundError",
                      "network": report["network"], "write outside": report["write outside"], "uid": report["uid"],
                      "root's home": report["root's home"], "processes seen": report["processes seen"],
                      "other kernels' sockets": []}, report
    assert report["write outside"] in ("OSError", "PermissionError")
    assert report["uid"] >= 1000, "the kernel runs as an unprivileged user"
    # root's home is covered: at most the folders on the way to Python or the course are put back
    needed = {Path(p).resolve().parts[2] for p in (sys.prefix, sys.base_prefix, REPO_ROOT) if str(Path(p).resolve()).startswith("/root/")}
    assert report["root's home"] in ("FileNotFoundError", "PermissionError") or set(report["root's home"]) <= needed, report
    assert report["processes seen"][0] == 1 and len(report["processes seen"]) < 10, "a process-id namespace of its own"
    assert report["network"] in ("OSError", "ConnectionRefusedError", "TimeoutError") and report["network"] != "connected"
    assert (root / "autograded" / "spy" / A1 / "scratch.txt").exists()
    assert (REPO_ROOT / "README.md").read_text() == readme_before
    assert os.stat("/dev/null").st_uid == 0, "preparing the sandbox must not change anything outside it"


# ---------------------------------------------------------------- tampering and faults inside the notebook
def _tamper(nb, kind):
    cells = cells_by_id(nb)
    if kind == "cell_type_changed":  # the check turned into markdown, answer right
        cells["a1_first_reply"].source = 'first_reply = "b"'
        cells["a1_first_reply_check"].cell_type = "markdown"
        cells["a1_first_reply_check"].pop("outputs", None)
        cells["a1_first_reply_check"].pop("execution_count", None)
    elif kind == "grade_flags_removed":  # wrong answer, its check cell's grade flag and points removed
        cells["a1_first_reply"].source = 'first_reply = "a"'
        cells["a1_agency_risk"].source = 'agency_risk = "c"'
        meta = nbgrader_meta(cells["a1_first_reply_check"])
        meta["grade"] = False
        meta.pop("points", None)
    elif kind == "duplicated_cells":  # a wrong check cell duplicated, ids and all, after a right answer
        cells["a1_first_reply"].source = 'first_reply = "b"'
        twin = nbformat.from_dict(json.loads(json.dumps(cells["a1_agency_risk_check"])))
        nb.cells.insert(nb.cells.index(cells["a1_agency_risk_check"]), twin)
    elif kind == "split_cell":  # the answer cell split in two, as JupyterLab does: both halves keep its metadata
        cells["a1_first_reply"].source = 'first_reply = "a"'
        half = nbformat.from_dict(json.loads(json.dumps(cells["a1_first_reply"])))
        half.id, half.source = "split-half", 'first_reply = "b"  # changed my mind'
        nb.cells.insert(nb.cells.index(cells["a1_first_reply"]) + 1, half)
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
    elif kind == "stderr_warning":  # the learner's own answer cell warns: stderr outside a graded cell costs nothing
        cells["a1_word_of_mouth"].source = 'import warnings\nwarnings.warn("rough figures")\nword_of_mouth = "b"'
        cells["a1_first_reply"].source = 'first_reply = "b"'
    elif kind in KERNEL_TAMPERING:  # first_reply answered honestly earlier; the trick comes with agency_risk
        cells["a1_first_reply"].source = 'first_reply = "b"'
        answer, trick = KERNEL_TAMPERING[kind]
        cells["a1_agency_risk"].source = f"agency_risk = {answer!r}\n{trick}"
    elif kind == "peek_hook":  # a hook that copies the expected answer out of each hidden test before it runs
        cells["a1_space_types"].source = (
            "import re\ndef _peek(info):\n    found = re.search(r'_key = (\\{.*?\\})', info.raw_cell, re.S)\n"
            "    if found:\n        get_ipython().user_ns['space_types'] = eval(found.group(1))\n"
            "get_ipython().events.register('pre_run_cell', _peek)")
        cells["a1_first_reply"].source = 'first_reply = "b"'
    elif kind == "fork_bomb":
        cells["a1_first_reply"].source = 'first_reply = "b"'
        cells["a1_agency_risk"].source = "import os\nwhile True:\n    os.fork()"
    elif kind == "detached_child":  # a program in a session of its own, still running when the notebook ends
        cells["a1_first_reply"].source = ('import subprocess, sys\nsubprocess.Popen([sys.executable, "-c", '
                                          '"import time; time.sleep(600)"], start_new_session=True)\nfirst_reply = "b"')
    elif kind == "output_flood":  # 100 MB printed in one go, and 100 MB more line by line
        cells["a1_first_reply"].source = 'first_reply = "b"\nprint("x" * 100_000_000)'
        cells["a1_agency_risk"].source = 'agency_risk = "c"\nfor _ in range(100):\n    print("y" * 1_000_000)'
    elif kind == "slow_cells":  # each cell within the cell timeout, the notebook over its time budget
        cells["a1_old_review"].source = 'import time\ntime.sleep(4)\nold_review = "b"'
        cells["a1_first_reply"].source = 'import time\ntime.sleep(9.5)\nfirst_reply = "a"'
        cells["a1_say_it"].source = "import time\ntime.sleep(9.5)\n" + solution_source(_MASTER["a1_say_it"])
        cells["a1_agency_risk"].source = 'agency_risk = "c"'
    return nb


_MASTER = cells_by_id(read(REPO_ROOT / A1 / NB))

# Tricks on the kernel's machinery: (agency_risk's answer, the trick). The first three make every later test
# pass under stock nbgrader (so the wrong answer "a" would earn its point); with the last two the right answer
# "c" is given, and its test, run on a tampered kernel, cannot be trusted either.
KERNEL_TAMPERING = {
    "input_transformer": ("a", 'get_ipython().input_transformers_post.append(lambda lines: ["pass\\n"])'),
    "ast_transformer": ("a", "import ast\nclass _Quiet(ast.NodeTransformer):\n    def visit_Assert(self, node):\n"
                             "        return None\n    def visit_Expr(self, node):\n        return None\n"
                             "get_ipython().ast_transformers.append(_Quiet())"),
    "shell_patched": ("a", 'from IPython.core.interactiveshell import InteractiveShell\n'
                           'InteractiveShell.transform_cell = lambda self, raw_cell: "pass\\n"'),
    "builtin_patched": ("c", "import builtins\nbuiltins.all = lambda *args: True"),
    "module_swapped": ("c", "import sys, types, pandas\n_fake = types.ModuleType('pandas')\n"
                            "_fake.__dict__.update(sys.modules['pandas'].__dict__)\n_fake.__file__ = None\n"
                            "sys.modules['pandas'] = _fake"),
}


# learner -> (status, autograded score: points earned honestly and nothing more, words in the reason)
FAULTS = {
    "cell_type_changed": ("graded", 2, ""),  # nbgrader restores the check cell from the master
    # the released flags and points are put back: the wrong answer's check counts (0), the right one's too (1)
    "grade_flags_removed": ("graded", 1, "the grade of cell 'a1_first_reply_check' had been changed; graded as released"),
    # the first copy of the check becomes ordinary code; the last copy is graded (no answer: 0); first_reply counts
    "duplicated_cells": ("graded", 2, "cell 'a1_agency_risk_check' appears 2 times; only the last copy is graded"),
    # both halves run; the second keeps the id (the answer cell as graded): first_reply counts
    "split_cell": ("graded", 2, "cell 'a1_first_reply' appears 2 times; only the last copy is graded"),
    "os_exit": ("error", None, "stopped the Python kernel"),     # the kernel died: recorded with the reason, the batch goes on
    "infinite_loop": ("graded", 2, ""),      # the cell times out and is interrupted; the rest is graded
    "memory_bomb": ("graded", 3, ""),        # MemoryError under the sandbox's limit; both answers set before it count
    "input": ("graded", 1, ""),              # input() is refused: that item scores 0, the other counts
    "stderr_warning": ("graded", 5, ""),     # the warning is in an answer cell: word_of_mouth and first_reply count
    # the kernel guard: tests that run after the machinery was changed score nothing, and the status says why
    "input_transformer": ("graded", 2, "changed how the kernel runs cells (an input transformer was added)"),
    "ast_transformer": ("graded", 2, "changed how the kernel runs cells (an AST transformer was added)"),
    "shell_patched": ("graded", 2, "changed how the kernel runs cells (IPython's transform_cell was replaced)"),
    "builtin_patched": ("graded", 2, "changed how the kernel runs cells (the built-in all was replaced)"),
    "module_swapped": ("graded", 2, "changed how the kernel runs cells (the module pandas was swapped for one that is not installed)"),
    "peek_hook": ("graded", 0, "changed how the kernel runs cells (a 'pre_run_cell' callback was added)"),
    "fork_bomb": ("graded", 2, ""),          # each copy ends at once, the process limit stops the loop; all end with the kernel
    "detached_child": ("graded", 2, ""),     # graded; the program it left running ends with the kernel
    "output_flood": ("graded", 3, ""),       # both answers count; only the first megabyte of each cell is kept
    "slow_cells": ("graded", 1, ""),         # old_review counts; the notebook's time budget runs out before say_it
}


@pytest.fixture(scope="module")
def faulty_class(tmp_path_factory):
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("faults"))
    with (root / "nbgrader_config.py").open("a") as config:
        config.write("\nc.Execute.timeout = 10  # keep the infinite loop short in tests\n"
                     "c.GuardedExecute.notebook_timeout = 20  # and the slow notebook's budget (23 s of sleeps)\n")
    nbgrader("generate_assignment", A1, "--force", root=root)
    for learner in FAULTS:
        nb = _tamper(read(root / "release" / A1 / NB), learner)
        folder = root / "submitted" / learner / A1
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / NB))
    return root, {o.student: o for o in grade_all(root, A1, workers=2, progress=False)}


@pytest.mark.parametrize("learner", list(FAULTS))
def test_tampering_and_faults_earn_nothing_unearned_and_stop_nothing(faulty_class, learner):
    status, score, words = FAULTS[learner]
    outcome = faulty_class[1][learner]
    assert outcome.status == status, outcome
    if score is not None:
        assert outcome.score == score and outcome.max_score == 30, outcome
    else:
        assert outcome.reason, "an error must say why"
    assert words in outcome.reason, outcome.reason


def test_no_process_outlives_its_kernel(faulty_class):
    root, _ = faulty_class
    left = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if Path(os.readlink(f"/proc/{pid}/cwd")).is_relative_to(root):
                left.append(pid)
        except OSError:
            continue
    assert not left, f"processes still running in the graded folders: {left}"


def test_a_flood_of_output_is_cut_to_size(faulty_class):
    root, _ = faulty_class
    path = root / "autograded" / "output_flood" / A1 / NB
    assert path.stat().st_size < 3_000_000, path.stat().st_size
    cells = cells_by_id(read(path))
    printed = "".join(o.get("text", "") for o in cells["a1_first_reply"].outputs)
    assert printed.startswith("x" * 1000) and "[output cut: this cell's output passed 1 MB" in printed


def test_cells_after_the_time_budget_are_not_run(faulty_class):
    root, _ = faulty_class
    cells = cells_by_id(read(root / "autograded" / "slow_cells" / A1 / NB))
    errors = [o for o in cells["a1_agency_risk_check"].outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "NotebookTimeoutError" and "20-second time budget" in errors[0].evalue
    assert not any(o.output_type == "error" for o in cells["a1_old_review_check"].outputs)


def test_without_root_grading_runs_and_warns_loudly_that_the_sandbox_is_off(tmp_path):
    """An instructor's laptop: grading as an ordinary user (here uid 65532, able to read the Python install)."""
    import subprocess

    from conftest import make_course_root
    from course.nbgrader_cli import tool_env

    root = make_course_root(tmp_path)
    nbgrader("generate_assignment", A1, "--force", root=root)
    folder = root / "submitted" / "laptop_learner" / A1
    folder.mkdir(parents=True)
    nbformat.write(_full_marks(root), str(folder / NB))
    user = 65532
    for path in [tmp_path, *tmp_path.rglob("*")]:
        os.lchown(path, user, user)
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, user, user)
    result = subprocess.run(
        ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--inh-caps=+dac_read_search",
         "--ambient-caps=+dac_read_search", "--", sys.executable, "-m", "autograder", "--root", str(root), "grade", A1,
         "--no-progress"],
        env={**tool_env(), "HOME": str(home)}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "THE GRADING SANDBOX IS OFF" in result.stdout and "not running as root" in result.stdout
    status = (root / "reports" / A1 / "grading-status.csv").read_text()
    assert "laptop_learner,graded,18.0,30.0" in status
