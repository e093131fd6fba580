"""Parallel autograding with nbgrader as the engine and its gradebook as the record.

Each worker process loads nbgrader once and grades one submission at a time with nbgrader's
own ``Autograde`` converter (what ``nbgrader autograde --student X`` runs), so the gradebook
rows are exactly nbgrader's. SQLite serialises the writes; workers wait for the lock (a long
busy timeout) instead of failing. Before grading, every submission is checked
(:mod:`autograder.precheck`), so a malformed file gets a readable reason instead of a crash,
and the other submissions are graded all the same.
"""

from __future__ import annotations

import csv
import os
import stat
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

from autograder import cgroups, execute, restore, safefs
from autograder.execute import LIMIT_NOTE, PURGE_NOTE, TAMPER_NOTE
from autograder.precheck import Finding, precheck_submission

STATUS_FILE = "grading-status.csv"
STAGED = ".staged"  # under the course root: the clean copies of the submissions that nbgrader grades


@dataclass
class Outcome:
    student: str
    status: str  # graded | late | error
    score: float | None
    max_score: float | None
    seconds: float
    reason: str = ""

    def line(self) -> str:
        score = f"{self.score:g}/{self.max_score:g}" if self.score is not None else "-"
        extra = f" — {self.reason}" if self.reason else ""
        return f"{self.student:<24} {self.status:<7} {score:>9} {self.seconds:6.1f}s{extra}"


def busy_db_url(root: Path) -> str:
    """The gradebook URL (see autograder.gradebook): SQLite with a long busy timeout, so concurrent writers
    wait rather than fail, or the course's PostgreSQL gradebook."""
    from autograder.gradebook import gradebook_url

    return gradebook_url(Path(root))


def load_config(root: Path, sandbox: bool = False):
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = busy_db_url(root)
    config.CourseDirectory.submitted_directory = STAGED  # never submitted/ itself: see stage_submission
    # A graded kernel is thrown away: killing it (its whole process group, and its control group in the
    # sandbox) once the last cell has answered saves the ~0.7 s a polite shutdown request waits per notebook.
    config.GuardedExecute.shutdown_kernel = "immediate"
    if sandbox:
        config.GuardedExecute.kernel_manager_class = "autograder.sandbox.SandboxKernelManager"
        config.SandboxKernelManager.course_root = str(root)
    else:  # chosen on purpose (--no-sandbox, or a machine without it, where grade_all has warned loudly)
        config.GuardedExecute.kernel_manager_class = "autograder.sandbox.SafePathKernelManager"
        config.SafePathKernelManager.allow_root = True
    return config


_API = None
_API_KEY = None


def _add_submission_without_autoflush(add_submission):
    """nbgrader 0.9.6's ``Gradebook.add_submission`` builds the submission's notebooks and grades before adding
    the submission to the session; each lazy load on the way autoflushes, and SQLAlchemy 2 warns that the
    not-yet-added submission cannot be flushed ("Object of type <SubmittedAssignment> not in session"), once per
    learner. Building it with autoflush off, as that warning advises, writes the same rows without the warning."""
    def add(self, assignment, student, **kwargs):
        with self.db.no_autoflush:
            return add_submission(self, assignment, student, **kwargs)

    add.__wrapped__ = add_submission
    add.__doc__ = add_submission.__doc__
    return add


def quiet_gradebook() -> None:
    """Apply :func:`_add_submission_without_autoflush` to nbgrader's Gradebook in this process (once)."""
    from nbgrader.api import Gradebook

    if not hasattr(Gradebook.add_submission, "__wrapped__"):
        Gradebook.add_submission = _add_submission_without_autoflush(Gradebook.add_submission)


def shared_gradebook_engine() -> None:
    """nbgrader opens a new ``Gradebook`` about eleven times per submission, and each one builds a fresh SQLAlchemy
    engine: a new connection pool, an empty cache of compiled queries (so every query is compiled again), and
    nbgrader's table check (``create_all``, a query per table). Here a worker keeps one engine per gradebook URL
    and checks the tables once per engine; each ``Gradebook`` still has its own session, commits and closes as
    before, so the rows written are the same (``tests/test_grading_shortcuts.py``)."""
    from nbgrader import api

    if getattr(api.create_engine, "shared", False):
        return
    create_engine, create_all = api.create_engine, api.Base.metadata.create_all
    engines: dict[tuple, object] = {}
    checked: set[int] = set()

    def shared_engine(url, **options):
        key = (str(url), tuple(sorted(options.items())))
        if key not in engines:
            engines[key] = create_engine(url, **options)
        return engines[key]

    def create_all_once(bind=None, **options):
        if bind is None or id(bind) not in checked or options:
            create_all(bind=bind, **options)
            if bind is not None and not options:
                checked.add(id(bind))

    shared_engine.shared = True
    api.create_engine = shared_engine
    api.Base.metadata.create_all = create_all_once


def cached_metadata_schema() -> None:
    """nbgrader checks every cell's grading metadata with ``jsonschema.validate``, which checks the schema
    itself again on each call (twice per notebook, once per cell): a third of the grader's own CPU time per
    submission. Here the schema is checked once and its validator kept; the same errors are raised."""
    import jsonschema
    from nbgrader.nbgraderformat import common

    if getattr(common.jsonschema, "cached", False):
        return
    validators: dict[int, tuple[dict, jsonschema.protocols.Validator]] = {}  # holding the schema keeps its id unique

    class CachedSchemaValidation:
        cached = True
        ValidationError = jsonschema.ValidationError

        @staticmethod
        def validate(instance, schema):
            if id(schema) not in validators:
                cls = jsonschema.validators.validator_for(schema)
                cls.check_schema(schema)
                validators[id(schema)] = (schema, cls(schema))
            validator = validators[id(schema)][1]
            error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
            if error is not None:
                raise error

    common.jsonschema = CachedSchemaValidation


def _api(root: str, sandbox: bool):
    """One nbgrader API per worker process (loading nbgrader is the expensive part)."""
    global _API, _API_KEY
    if _API is None or _API_KEY != (root, sandbox):
        import logging

        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        quiet_gradebook()
        cached_metadata_schema()
        shared_gradebook_engine()
        config = load_config(Path(root), sandbox)
        _API = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
        _API.log.setLevel(logging.WARNING)
        _API_KEY = (root, sandbox)
    return _API


GENERIC = ("Please see the", "There was an error processing", "NbGraderException", "Traceback")
KERNEL_DIED = ("the learner's code stopped the Python kernel while a cell was running (os._exit, a crash, or a limit "
               "of the sandbox), so nbgrader could not finish the notebook")


def _last_error(log: str, error: str | None) -> str:
    """The most telling line of nbgrader's log: its own error message, not the generic wrap-up."""
    limits = [line.split(LIMIT_NOTE, 1)[1].strip() for line in (log or "").splitlines() if LIMIT_NOTE in line]
    if limits:
        return f"stopped at a per-learner limit of the sandbox: {limits[0]}"
    logged = [line.split("]", 1)[-1].strip() for line in (log or "").splitlines() if line.startswith("[ERROR]")]
    specific = [line for line in logged if line and not any(g in line for g in GENERIC)]
    if any("Kernel died" in line for line in specific + [error or ""]):
        return KERNEL_DIED
    if specific:
        return specific[0][:300]
    last = [line.strip() for line in (error or "").splitlines() if line.strip()]
    if last and not any(g in last[-1] for g in GENERIC):
        return last[-1][:300]  # e.g. "KeyError: 'nbgrader'": the exception nbgrader stopped on
    return "nbgrader could not grade this submission"


def _tampering(log: str) -> list[Finding]:
    """What the kernel guard reported (see autograder.guard): one finding, naming the first change."""
    said = [line.split(TAMPER_NOTE, 1)[1].split(": ", 1)[-1].strip().removeprefix("tampered: ")
            for line in (log or "").splitlines() if TAMPER_NOTE in line]
    if not said:
        return []
    return [Finding("", f"the learner's code changed how the kernel runs cells ({said[0]}); "
                        f"{len(said)} test cell(s) scored nothing")]


# What nbgrader's exchange puts next to the notebooks of a submission, and reads again to release feedback.
EXCHANGE_FILES = ("timestamp.txt", "submission_secret.txt")


def stage_submission(root: Path, assignment: str, student: str) -> None:
    """Copy the submission to ``.staged/`` as nbgrader will grade it: the notebooks, the timestamp and the
    submission secret nbgrader's exchange wrote (release_feedback needs both), and the files the release contains, each a regular file read without following links; links, hard links and special
    files are left behind (the pre-check has noted them). Nothing else the learner handed in is copied."""
    release = root / "release" / assignment
    released = {str(p.relative_to(release)) for p in release.rglob("*") if p.is_file()}

    def keep(relative: str) -> bool:
        return (("/" not in relative and relative.endswith(".ipynb")) or relative in EXCHANGE_FILES
                or relative in released)

    safefs.copy_clean(root / "submitted", (student, assignment), root / STAGED / student / assignment, keep)


def _purged(log: str) -> list[str]:
    """What GuardedExecute removed from the graded folder after the learner's code ran (never followed)."""
    said = [line.split(PURGE_NOTE, 1)[1].strip() for line in (log or "").splitlines() if PURGE_NOTE in line]
    return [f"the learner's code left {', '.join(said)} in its folder: removed, never followed"] if said else []


def grade_one(root: str, assignment: str, student: str, sandbox: bool = False) -> Outcome:
    """Grade one submission in this process; never raises."""
    started = time.perf_counter()
    findings = precheck_submission(Path(root), assignment, student)
    fatal = [f for f in findings if f.fatal]
    if fatal:
        return Outcome(student, "error", None, None, time.perf_counter() - started, "; ".join(f.message for f in fatal))
    try:
        stage_submission(Path(root), assignment, student)
        execute.submission_started = time.monotonic()  # one wall-clock budget for all the notebooks
        result = _api(root, sandbox).autograde(assignment, student, force=True, create=True)
    except Exception as error:  # nbgrader itself failed: record it, keep the batch going
        return Outcome(student, "error", None, None, time.perf_counter() - started, f"{type(error).__name__}: {error}")
    finally:
        execute.submission_started = None
        cgroups.sweep()  # the next learner's kernels start with none of this one's processes left
        hand_back(Path(root), Path(root) / "autograded" / student / assignment)
        hand_back(Path(root), Path(root) / "autograded" / student, deep=False)
    log = result.get("log", "")
    notes = "; ".join([f.message for f in findings] + restore.notes(log) + [f.message for f in _tampering(log)]
                      + _purged(log))
    if not result.get("success"):
        reason = _last_error(result.get("log", ""), result.get("error"))
        return Outcome(student, "error", None, None, time.perf_counter() - started, "; ".join(filter(None, [notes, reason])))
    from nbgrader.api import Gradebook

    with Gradebook(busy_db_url(Path(root))) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        score, max_score, late = submission.score, submission.max_score, submission.total_seconds_late > 0
        if late:
            notes = "; ".join(filter(None, [notes, f"{submission.total_seconds_late / 3600:.1f} h late"]))
    return Outcome(student, "late" if late else "graded", score, max_score, time.perf_counter() - started, notes)


def hand_back(root: Path, folder: Path, *, deep: bool = True) -> None:
    """Give ``folder`` (a graded or feedback folder) and everything in it to the course root's owner and group,
    readable by both: the sandbox hands the learner's graded folder to the kernel's own user, and root's umask
    may close what nbgrader writes, but the instructors (the course root's group on the course hub, see
    :mod:`autograder.hub`) read graded work in formgrader without being root. Links and special files (the
    grader has removed those the learner's code left) are never followed or changed. ``deep=False``: the folder
    itself only (a learner's folder above the assignment being graded)."""
    if os.geteuid() != 0 or not folder.is_dir() or folder.is_symlink():
        return  # not root: nbgrader wrote everything as the instructor already
    owner = os.stat(root)
    for here, folders, files in os.walk(folder, followlinks=False):
        if not deep:
            folders[:], files = [], []
        for path in [here, *(os.path.join(here, name) for name in files)]:
            try:  # opened without following a link (O_NOFOLLOW) and without blocking on a FIFO (O_NONBLOCK)
                fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except OSError:
                continue  # a link, gone meanwhile, or too deep for a path: nothing to give back
            try:
                info = os.fstat(fd)
                if stat.S_ISDIR(info.st_mode):
                    readable = 0o750 | (owner.st_mode & stat.S_ISGID)
                elif stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
                    readable = 0o440
                else:
                    continue
                os.fchown(fd, owner.st_uid, owner.st_gid)
                os.fchmod(fd, stat.S_IMODE(info.st_mode) | readable)
            except OSError:
                continue
            finally:
                os.close(fd)


def submitted_students(root: Path, assignment: str) -> list[str]:
    folder = root / "submitted"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())


def grade_all(root: Path, assignment: str, students: list[str] | None = None, workers: int | None = None,
              progress: bool = True, stream=None, sandbox: bool | None = None) -> list[Outcome]:
    """Autograde every submission of ``assignment`` in parallel; write the status CSV; return the outcomes.

    ``sandbox``: None (default) uses the sandbox where the machine allows it and warns loudly where it
    does not; True requires it; False turns it off.
    """
    from autograder.sandbox import availability, warn_if_off

    stream = stream or sys.stdout
    if sandbox is None:
        sandbox = warn_if_off(stream)
    elif sandbox and not availability()[0]:
        raise SystemExit(f"the sandbox is not available here: {availability()[1]}")
    root = Path(root).resolve()
    students = students or submitted_students(root, assignment)
    if not students:
        raise SystemExit(f"no submissions for {assignment!r} in {root / 'submitted'}")
    _ensure_assignment(root, assignment)
    workers = max(1, min(workers or os.cpu_count() or 1, len(students)))
    outcomes: list[Outcome] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(students), desc=f"grading {assignment}", unit="submission", file=stream)
    say = bar.write if bar else (lambda text: print(text, file=stream))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(grade_one, str(root), assignment, s, sandbox): s for s in students}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as error:  # a worker died (e.g. killed by the OS): record it and go on
                outcome = Outcome(futures[future], "error", None, None, 0.0, f"worker failed: {type(error).__name__}: {error}")
            outcomes.append(outcome)
            say(outcome.line())
            if bar:
                bar.update(1)
    if bar:
        bar.close()
    cgroups.sweep_orphans()  # what the workers' last kernels left, now that the workers have ended
    outcomes.sort(key=lambda o: o.student)
    write_status(root, assignment, outcomes)
    return outcomes


def _ensure_assignment(root: Path, assignment: str) -> None:
    """nbgrader needs the assignment in the gradebook (generate_assignment puts it there)."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(busy_db_url(root)) as gradebook:
        try:
            gradebook.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    from course.nbgrader_cli import nbgrader

    nbgrader("generate_assignment", assignment, "--force", root=root)


def write_status(root: Path, assignment: str, outcomes: list[Outcome]) -> Path:
    folder = root / "reports" / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STATUS_FILE
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(asdict(outcomes[0])))
        writer.writeheader()
        for outcome in outcomes:
            writer.writerow({**asdict(outcome), "seconds": round(outcome.seconds, 2)})
    return path


__all__ = ["Outcome", "Finding", "grade_all", "grade_one", "submitted_students", "write_status"]
