"""Collecting from the real nbgrader exchange: links and special files dropped, an edited timestamp.txt
caught, several submissions, extra files, bad names, nothing collected lost (autograder/collect.py).

Learners submit with the real ``nbgrader submit`` into a scratch course's exchange; what an attacker adds
to the inbox afterwards is added as the learner would (files owned by a throw-away uid). Collect runs as
``python -m autograder collect`` and as plain ``nbgrader collect --update`` (routed through the same plugin);
what ends in ``submitted/`` and, after grading, in nbgrader's gradebook is asserted, not only the messages.
"""

from __future__ import annotations

import csv
import io
import datetime
import logging
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from course.nbgrader_cli import tool_env

COURSE = "community-management"
TINY, NB = "tiny", "tiny.ipynb"  # a one-question assignment: grading it takes a kernel start, not minutes
DATA, DATA_BYTES = "members.csv", 2 * 1024**2
LEARNER_UID = 59997  # a throw-away uid: the learner's own files in the inbox

LOG = logging.getLogger("test_collect")
pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="collect's checks are root's: the test runs as root")


def _cell(source: str, **meta) -> nbformat.NotebookNode:
    return new_code_cell(source, metadata={"nbgrader": {"schema_version": 3, "locked": False, "solution": False,
                                                        "grade": False, **meta}})


def _tiny_assignment(root: Path) -> None:
    folder = root / "source" / TINY
    folder.mkdir()
    nb = new_notebook(cells=[
        _cell("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", solution=True, grade_id="answer"),
        _cell("assert answer == 42", grade=True, locked=True, points=2, grade_id="check_answer")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(folder / NB))
    (folder / DATA).write_bytes(b"member,posts\n" + b"m,1\n" * (DATA_BYTES // 4))  # released with the notebook


def _learner(cls, name: str, root: Path, **options):
    """nbgrader's own exchange step ``cls`` (submit, fetch) as the learner ``name`` runs it from their folder
    (one account plays them all, each with a folder and a cache of their own)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    home = root.parent / "homes" / name
    home.mkdir(parents=True, exist_ok=True)
    config = Config()
    config.Exchange.root, config.Exchange.path_includes_course = str(root / "exchange"), True
    config.Exchange.assignment_dir, config.Exchange.cache = str(home), str(home / ".cache")
    config.CourseDirectory.course_id, config.CourseDirectory.assignment_id = COURSE, TINY
    config.CourseDirectory.student_id = name
    return cls(coursedir=CourseDirectory(config=config), authenticator=Authenticator(config=config), config=config,
               log=LOG, **options)


def _stopped(run, max_file: int) -> int:
    """Run ``run`` in a child process that is killed (SIGXFSZ) once it writes past ``max_file`` bytes to a
    file, as a server stopped mid-copy; return its exit code."""
    def child():
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file, max_file))
        run()

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join(120)
    return process.exitcode


def _submit(name: str, root: Path, answer: str) -> Path:
    """The learner answers and submits with nbgrader's submit; returns their new inbox folder."""
    from nbgrader.exchange.default.submit import ExchangeSubmit

    work = root.parent / "homes" / name / COURSE / TINY
    if not work.exists():
        shutil.copytree(root / "release" / TINY, work)
    nb = nbformat.read(str(work / NB), as_version=4)
    nb.cells[0].source = answer
    nbformat.write(nb, str(work / NB))
    inbox = root / "exchange" / COURSE / "inbound"
    before = set(os.listdir(inbox))
    _learner(ExchangeSubmit, name, root).start()
    (new,) = set(os.listdir(inbox)) - before
    for path in [inbox / new, *(inbox / new).rglob("*")]:
        os.chown(path, LEARNER_UID, LEARNER_UID, follow_symlinks=False)  # the learner's own, as on a real exchange
    return inbox / new


def _course_api(root: Path):
    """nbgrader's API on the course root with the course's own settings, as formgrader runs it."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def _collect_cli(root: Path) -> tuple[str, dict[str, dict]]:
    done = subprocess.run([sys.executable, "-m", "autograder", "--root", str(root), "collect", TINY],
                          env=tool_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout, _status(root)


def _status(root: Path) -> dict[str, dict]:
    rows = csv.DictReader((root / "reports" / TINY / "collect-status.csv").open())
    return {(row["student"] or row["notes"].split(":")[0]): row for row in rows}


def _stamp(path: Path) -> datetime.datetime:
    from nbgrader.utils import parse_utc

    return parse_utc((path / "timestamp.txt").read_text().strip())


@pytest.fixture(scope="module")
def exchange(tmp_path_factory):
    from nbgrader.api import Gradebook

    from conftest import make_course_root

    base = tmp_path_factory.mktemp("collect")
    root = make_course_root(base)
    _tiny_assignment(root)
    os.environ["PATH"] = tool_env()["PATH"]  # nbgrader's gradebook runs `alembic` from this environment
    (root / "exchange").mkdir(mode=0o777)
    (root / "exchange").chmod(0o777)  # as nbgrader documents for a shared exchange
    api = _course_api(root)
    assert api.generate_assignment(TINY)["success"] and api.release_assignment(TINY)["success"]
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        for name in ("alice", "bob", "carol", "dave"):
            gradebook.update_or_create_student(name)
    inbox = root / "exchange" / COURSE / "inbound"

    first = _submit("alice", root, "answer = 0")
    latest = _submit("alice", root, "answer = 42")
    # bob hands in what the release does not contain, then adds links and special files to his inbox folder
    bob = _submit("bob", root, "answer = 42")
    (bob / "notes.txt").write_text("my notes")
    (bob / "secret.txt").symlink_to(root / "gradebook.db")
    outside = base / "elsewhere.csv"
    outside.write_text("not bob's")
    os.link(outside, bob / "data.csv")
    os.mkfifo(bob / "pipe")
    for path in (bob / "notes.txt", bob / "pipe"):
        os.chown(path, LEARNER_UID, LEARNER_UID)
    # the deadline passes; carol submits late, then sets timestamp.txt (and every file's mtime) two hours back
    due = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        gradebook.update_or_create_assignment(TINY, duedate=due)
    time.sleep(1.5)
    carol = _submit("carol", root, "answer = 42")
    claimed = due - datetime.timedelta(hours=2)
    (carol / "timestamp.txt").write_text(f"{claimed:%Y-%m-%d %H:%M:%S.%f} UTC")
    for path in [carol, *carol.iterdir()]:
        os.utime(path, (claimed.replace(tzinfo=datetime.timezone.utc).timestamp(),) * 2)
    # what is nobody's submission: a name that does not parse, a link for a folder, another account's name
    when = f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M:%S.%f} UTC"
    (inbox / f"{TINY}-notes").mkdir()
    (inbox / f"eve+{TINY}+{when}+Zm9vYmFy").symlink_to(latest)
    impostor = inbox / f"nobody+{TINY}+{when}+YmFyYmF6"
    shutil.copytree(latest, impostor)
    os.chown(impostor, LEARNER_UID, LEARNER_UID)

    out, status = _collect_cli(root)
    return {"root": root, "out": out, "status": status, "first": first.name, "latest": latest.name,
            "carol": carol, "claimed": claimed, "due": due}


def test_each_learner_has_a_status_line_and_row(exchange):
    status, out = exchange["status"], exchange["out"]
    assert {"alice", "bob", "carol"} <= {s for s, row in status.items() if row["status"] == "collected"}, status
    assert status["dave"]["status"] == "no submission"
    for name in ("alice", "bob", "carol", "dave"):
        assert any(line.startswith(name) for line in out.splitlines()), out
    assert f"{TINY}: " in out and "collect-status.csv" in out


def test_the_latest_of_two_submissions_is_collected_and_named(exchange):
    alice, root = exchange["status"]["alice"], exchange["root"]
    assert alice["submissions"] == "2" and alice["collected"] == exchange["latest"]
    assert f"2 submissions; the latest collected ({exchange['latest']})" in alice["notes"]
    collected = nbformat.read(str(root / "submitted" / "alice" / TINY / NB), as_version=4)
    assert collected.cells[0].source == "answer = 42"


def test_links_hard_links_and_fifos_are_dropped_and_extra_files_kept_ungraded(exchange):
    notes, folder = exchange["status"]["bob"]["notes"], exchange["root"] / "submitted" / "bob" / TINY
    assert "secret.txt is a symbolic link: dropped, never followed" in notes
    assert "data.csv is a hard link to a file elsewhere: dropped" in notes
    assert "pipe is a FIFO (named pipe): dropped" in notes
    assert "files the release does not contain (notes.txt): kept in submitted/, not graded" in notes
    assert sorted(p.name for p in folder.iterdir()) == [DATA, "notes.txt", "submission_secret.txt", "timestamp.txt", NB]
    assert all(p.is_file() and not p.is_symlink() and p.stat().st_nlink == 1 for p in folder.iterdir())


def test_an_edited_timestamp_is_replaced_by_the_time_the_learner_cannot_set_back(exchange):
    carol, claimed = exchange["status"]["carol"], exchange["claimed"]
    assert f"timestamp.txt says {claimed:%Y-%m-%d %H:%M:%S} UTC" in carol["notes"]
    assert "a time the learner cannot set back" in carol["notes"]
    trusted = _stamp(exchange["root"] / "submitted" / "carol" / TINY)
    assert trusted > exchange["due"], "collected as on time"
    assert abs((trusted - _stamp_of_ctime(exchange["carol"])).total_seconds()) < 5
    assert exchange["status"]["alice"]["notes"].count("timestamp.txt") == 0  # honest timestamps are kept


def _stamp_of_ctime(folder: Path) -> datetime.datetime:
    latest = max(os.lstat(p).st_ctime for p in [folder, *folder.iterdir()])
    return datetime.datetime.fromtimestamp(latest, datetime.timezone.utc).replace(tzinfo=None)


def test_names_that_are_no_submission_are_left_alone_with_a_note(exchange):
    rows = list(csv.DictReader((exchange["root"] / "reports" / TINY / "collect-status.csv").open()))
    notes = {row["status"]: [r["notes"] for r in rows if r["status"] == row["status"]] for row in rows}
    assert any(f"inbound/{TINY}-notes: the name does not read as student+assignment" in n for n in notes["not a submission"])
    refused = " | ".join(notes["refused"])
    assert "is a symbolic link, not a folder: not collected, never followed" in refused and "eve+" in refused
    assert "was handed in under nobody's name by the account uid 59997: not collected" in refused
    submitted = exchange["root"] / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["alice", "bob", "carol"]
    assert not list(exchange["root"].glob(".collect-exchange*")), "the staging copy is removed"


def test_grading_sees_the_latest_submission_and_the_trusted_time(exchange):
    from nbgrader.api import Gradebook

    from autograder.grading import grade_all

    root, said = exchange["root"], io.StringIO()
    outcomes = {o.student: o for o in grade_all(root, TINY, ["alice", "carol"], workers=2, progress=False, stream=said)}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        alice, carol = gradebook.find_submission(TINY, "alice"), gradebook.find_submission(TINY, "carol")
        assert alice.score == 2 and alice.total_seconds_late == 0
        assert carol.timestamp == _stamp(root / "submitted" / "carol" / TINY)
        assert carol.total_seconds_late >= 1, "late, as submitted"
    assert outcomes["alice"].status == "graded" and outcomes["carol"].status == "late", said.getvalue()


def test_recollecting_keeps_what_is_there_and_a_newer_submission_replaces_it(exchange):
    from autograder.collect import collect

    root = exchange["root"]
    kept = root / "submitted" / "alice" / TINY / NB
    before = (kept.stat().st_ino, kept.stat().st_mtime_ns, _stamp(root / "submitted" / "carol" / TINY))
    again = {o.student: o for o in collect(root, TINY)}
    assert {again[s].status for s in ("alice", "bob", "carol")} == {"kept"}, again
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns, _stamp(root / "submitted" / "carol" / TINY)) == before
    third = _submit("alice", root, "answer = 1")
    result = _course_api(root).collect(TINY)  # what formgrader's Collect button runs: the course routes it here
    assert result["success"], result
    status = _status(root)
    assert status["alice"]["status"] == "updated" and status["alice"]["collected"] == third.name, result["log"]
    assert status["alice"]["submissions"] == "3"
    assert nbformat.read(str(kept), as_version=4).cells[0].source == "answer = 1"
    assert status["carol"]["status"] == "kept" and _stamp(root / "submitted" / "carol" / TINY) == before[2]
    assert "a time the learner cannot set back" in result["log"] and "alice" in result["log"]


def _tab_status(root: Path, name: str) -> str:
    """What the learner's Assignments tab shows for the assignment (the server extension's own listing)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default.list import ExchangeList
    from traitlets.config import Config

    config = Config()
    config.Exchange.root, config.Exchange.path_includes_course = str(root / "exchange"), True
    config.Exchange.assignment_dir = str(root.parent / "homes" / name)
    config.CourseDirectory.course_id = COURSE
    listing = ExchangeList(coursedir=CourseDirectory(config=config), authenticator=Authenticator(config=config),
                           config=config).start()
    return next(item["status"] for item in listing if item["assignment_id"] == TINY)


def test_a_fetch_stopped_midway_leaves_no_half_copy_and_a_stock_half_copy_is_repaired(exchange):
    from nbgrader.exchange import ExchangeError
    from nbgrader.exchange.default.fetch_assignment import ExchangeFetchAssignment

    from course.fetch import AtomicFetchAssignment, incomplete

    root = exchange["root"]
    release, homes = root / "release" / TINY, root.parent / "homes"
    # stock nbgrader, stopped while copying the data file: half a copy, shown as fetched, and no way to fetch again
    assert _stopped(_learner(ExchangeFetchAssignment, "frank", root).start, DATA_BYTES // 2) != 0
    half = homes / "frank" / COURSE / TINY
    assert f"{DATA} is cut short" in incomplete(release, half)
    assert _tab_status(root, "frank") == "fetched"
    with pytest.raises(ExchangeError, match="You already have a copy of the assignment"):
        _learner(ExchangeFetchAssignment, "frank", root).start()
    # the course's fetch, stopped the same way: no assignment folder, the tab offers Fetch, the next one is whole
    assert _stopped(_learner(AtomicFetchAssignment, "grace", root).start, DATA_BYTES // 2) != 0
    assert not (homes / "grace" / COURSE / TINY).exists() and _tab_status(root, "grace") == "released"
    _learner(AtomicFetchAssignment, "grace", root).start()
    assert incomplete(release, homes / "grace" / COURSE / TINY) == []
    assert [p.name for p in (homes / "grace" / COURSE).iterdir()] == [TINY], "nothing hidden left behind"
    # and it repairs stock's half copy when the learner fetches again: kept aside, named, a whole copy fetched
    said = _Messages()
    LOG.addHandler(said)
    try:
        _learner(AtomicFetchAssignment, "frank", root).start()
    finally:
        LOG.removeHandler(said)
    assert f"Your copy of {TINY} was incomplete ({DATA} is cut short" in said.text and "server stopped" in said.text
    aside = [p for p in (homes / "frank" / COURSE).iterdir() if p.name.startswith(f"{TINY}.incomplete-")]
    assert len(aside) == 1 and (aside[0] / DATA).stat().st_size < DATA_BYTES
    assert incomplete(release, half) == []


class _Messages(logging.Handler):
    def __init__(self):
        super().__init__()
        self.text = ""

    def emit(self, record):
        self.text += record.getMessage() + "\n"


def test_a_submission_is_bounded_in_size_and_time_and_names_are_read_strictly(tmp_path):
    from autograder.collect import copy_submission, parse_name, read_submission

    inbox = tmp_path / "exchange" / COURSE / "inbound"
    name = f"zoe+{TINY}+2026-01-05 10:00:00.000000 UTC+cmFuZG9t"
    (inbox / name).mkdir(parents=True)
    for file, size in (("a.csv", 600), ("b.csv", 600), (NB, 10)):
        (inbox / name / file).write_bytes(b"x" * size)
    (inbox / name / "timestamp.txt").write_text("2026-01-05 10:00:00.000000 UTC")
    found = read_submission(tmp_path / "exchange", (COURSE, "inbound"), name, "zoe")
    assert found.trusted == found.evidence and "timestamp.txt says 2026-01-05 10:00:00 UTC" in found.notes[0]
    copy_submission(tmp_path / "exchange", (COURSE, "inbound"), found, tmp_path / "big", {NB}, max_bytes=1000)
    assert "more than 1000 bytes: b.csv and the files after it left out" in " | ".join(found.notes)
    assert sorted(p.name for p in (tmp_path / "big").iterdir()) == ["a.csv", "timestamp.txt"]
    copy_submission(tmp_path / "exchange", (COURSE, "inbound"), found, tmp_path / "slow", {NB}, max_seconds=-1)
    assert "copying took longer than -1 s: a.csv, b.csv, tiny.ipynb left out" in " | ".join(found.notes)
    assert parse_name(name) == ("zoe", TINY)
    assert parse_name(f"zoe+{TINY}+2026-01-05 10:00:00.000000 UTC") == ("zoe", TINY)  # without the random part
    for bad in (f"..+{TINY}+2026-01-05 10:00:00 UTC+x", f"z[o]e+{TINY}+2026-01-05 10:00:00 UTC+x",
                f"zoe+{TINY}+yesterday+x", f"zoe+{TINY}", "notes"):
        assert parse_name(bad) is None, bad


def test_release_feedback_names_a_submission_placed_by_hand_and_releases_the_others(exchange):
    """The README allows placing a submission in submitted/ by hand; stock release_feedback then stops with a
    traceback at that learner. Through the course's plugin it names them and releases everyone else's."""
    from autograder.feedback import generate_feedback
    from autograder.grading import grade_all

    root = exchange["root"]
    by_hand = root / "submitted" / "dave" / TINY
    by_hand.mkdir(parents=True)
    shutil.copy(root / "release" / TINY / NB, by_hand / NB)
    grade_all(root, TINY, ["alice", "dave"], workers=2, progress=False, stream=io.StringIO())
    generate_feedback(root, TINY, ["alice", "dave"], stream=io.StringIO())
    assert (root / "feedback" / "dave" / TINY / "tiny.html").is_file()
    done = subprocess.run([sys.executable, "-m", "nbgrader", "release_feedback", TINY, "--course", COURSE], cwd=root,
                          env=tool_env(), capture_output=True, text=True, timeout=300)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "Feedback for dave was not released: the submission was placed in submitted/ by hand" in said, said
    assert f"feedback/dave/{TINY}" in said
    released = list((root / "exchange" / COURSE / "feedback").glob("*.html"))
    assert released and "Releasing feedback for student 'alice'" in said, said
    assert "Releasing feedback for student 'dave'" not in said
