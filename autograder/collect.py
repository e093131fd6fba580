"""Collecting submissions from nbgrader's exchange without trusting what the learner can rewrite.

Stock ``nbgrader collect`` copies each learner's latest folder from the exchange inbox
(``<exchange>/<course>/inbound/<student>+<assignment>+<timestamp>+<random>/``), following links, and takes
the submission's time from ``timestamp.txt``, a file the learner owns and can edit after submitting. Here:

1. The inbox is read as root reads anything a learner controls (:mod:`autograder.safefs`): no link is
   followed, only regular files and folders are taken; links, hard links to files elsewhere, FIFOs, sockets
   and devices are dropped with a note naming the learner and the file; each submission is bounded in size,
   file count and time. A folder whose name does not parse, or that is handed in under the name of another
   system account, is left alone with a note.
2. The time of a submission is checked against evidence the learner cannot set back: the latest *change
   time* (ctime) of the submission folder and everything in it. ``nbgrader submit`` writes the files, then
   ``timestamp.txt``, so the two agree to within a second; a ``timestamp.txt`` that claims a time earlier
   than that evidence allows (beyond :data:`TOLERANCE` seconds) is replaced by the evidence, and the status
   line says so. (``touch`` changes a file's modification time, never its change time.)
3. The chosen submission of each learner (the latest, by trusted time) is copied into a private staging
   exchange (``.collect-exchange-*/`` in the course root, mode 0700, removed afterwards) with the trusted
   ``timestamp.txt``, and nbgrader's own collect runs on it, so ``submitted/`` is nbgrader's and late
   penalties see the trusted time.
4. Every learner gets a status line and a row in ``reports/<assignment>/collect-status.csv``.

:class:`SafeExchangeCollect` is nbgrader's collect plugin (``c.ExchangeFactory.collect``), so
``python -m autograder collect``, plain ``nbgrader collect`` and formgrader's *Collect* button all go through it.
"""

from __future__ import annotations

import csv
import datetime
import glob
import os
import pwd
import stat
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.release_feedback import ExchangeReleaseFeedback
from nbgrader.utils import parse_utc
from traitlets import Float

from autograder import safefs
from autograder.grading import EXCHANGE_FILES  # what nbgrader's submit writes beside the work

TOLERANCE = 120.0  # seconds a timestamp.txt may claim before the submission's last change (clocks, slow copies)
MAX_SUBMISSION_BYTES = 500 * 1024**2  # all files of one submission together
MAX_SUBMISSION_SECONDS = 60.0  # reading and copying one submission
MAX_INBOX_ENTRIES = 50_000  # folders looked at in the inbox (all learners, all assignments)
STAGING = ".collect-exchange-"  # a folder per run under the course root, removed after; nbgrader ignores dot-folders
STATUS_FILE = "collect-status.csv"


def _utc(ns: int) -> datetime.datetime:
    """A file time as nbgrader keeps times: UTC, without a time zone."""
    return datetime.datetime.fromtimestamp(ns / 1e9, datetime.timezone.utc).replace(tzinfo=None)


def shown(moment: datetime.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else "-"


def stamp(moment: datetime.datetime) -> str:
    """``moment`` as nbgrader's submit writes it in timestamp.txt."""
    return f"{moment:%Y-%m-%d %H:%M:%S.%f} UTC"


@dataclass
class Submission:
    """One folder of the inbox, as read (nothing followed) and dated by evidence."""

    name: str
    student: str
    claimed: datetime.datetime | None = None  # what timestamp.txt says
    evidence: datetime.datetime | None = None  # the latest change time of the folder and its entries
    trusted: datetime.datetime | None = None
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    student: str
    status: str  # collected | updated | kept | no submission | refused | not a submission
    submissions: int = 0
    collected: str = ""  # the inbox folder it came from
    submitted_at: str = ""  # the trusted time
    notes: str = ""

    def line(self) -> str:
        extra = f" — {self.notes}" if self.notes else ""
        return f"{self.student or '(inbox)':<24} {self.status:<14} {self.submitted_at or '-':>23}{extra}"


def parse_name(name: str) -> tuple[str, str] | None:
    """(student, assignment) of an inbox folder ``student+assignment+timestamp[+random]``, or None."""
    for pieces in (4, 3):  # with nbgrader's random part, and without it
        parts = name.rsplit("+", pieces - 1)
        if len(parts) != pieces:
            continue
        student, of, when = parts[0], parts[1], parts[2]
        try:
            parse_utc(when)
        except (ValueError, OverflowError):
            continue
        if student and not student.startswith(".") and not set("*?[]") & set(student) and of:
            return student, of
    return None


def _owner_note(student: str, uid: int) -> str:
    """Why a folder named for ``student`` but owned by another system account is not theirs, or ""."""
    if uid in (0, os.geteuid()):
        return ""
    try:
        account = pwd.getpwnam(student)
    except KeyError:
        return ""  # learners without system accounts of their own (one machine, one account)
    if account.pw_uid == uid:
        return ""
    try:
        owner = pwd.getpwuid(uid).pw_name
    except KeyError:
        owner = f"uid {uid}"
    return f"handed in under {student}'s name by the account {owner}"


def read_submission(exchange: Path, parts: tuple[str, ...], name: str, student: str,
                    tolerance: float = TOLERANCE) -> Submission:
    """Look at one inbox folder (``exchange/parts/name``) without following anything; date it."""
    found = Submission(name, student)
    where = (*parts, name)
    fd = safefs.open_folder(exchange, *where)
    try:
        latest = os.fstat(fd).st_ctime_ns
    finally:
        os.close(fd)
    listing = safefs.scan(exchange, *where)
    for relative, what in listing.dropped:
        found.notes.append(f"{relative} is {what}: dropped, never followed")
    by_parent: dict[str, list[str]] = {}
    for relative in listing.files + listing.folders + [r for r, _ in listing.dropped]:
        parent, leaf = os.path.split(relative)
        by_parent.setdefault(parent, []).append(leaf)
    for parent, leaves in by_parent.items():
        try:
            fd = safefs.open_folder(exchange, *where, *Path(parent).parts)
        except OSError:
            continue
        try:
            for leaf in leaves:
                try:
                    latest = max(latest, os.stat(leaf, dir_fd=fd, follow_symlinks=False).st_ctime_ns)
                except OSError:
                    continue
        finally:
            os.close(fd)
    found.evidence = _utc(latest)
    found.files = listing.files
    try:
        found.claimed = parse_utc(safefs.read(exchange, "/".join((*where, "timestamp.txt")), 1024).decode().strip())
    except (OSError, ValueError, UnicodeDecodeError, OverflowError):
        found.notes.append("no readable timestamp.txt: the time of the submission's last change is used")
    if found.claimed is not None and found.claimed < found.evidence - datetime.timedelta(seconds=tolerance):
        found.notes.append(f"timestamp.txt says {shown(found.claimed)}, but the submission was last changed at "
                           f"{shown(found.evidence)} (a time the learner cannot set back): that time is used")
        found.trusted = found.evidence
    else:
        found.trusted = found.claimed or found.evidence
    return found


def copy_submission(exchange: Path, parts: tuple[str, ...], found: Submission, dest: Path, released: set[str],
                    max_bytes: int = MAX_SUBMISSION_BYTES, max_seconds: float = MAX_SUBMISSION_SECONDS) -> None:
    """Copy the regular files of ``found`` to ``dest`` (root's own), bounded; write the trusted timestamp."""
    dest.mkdir(mode=0o700)
    total, deadline, extra = 0, time.monotonic() + max_seconds, []
    files = [f for f in found.files if f != "timestamp.txt"]  # the trusted one is written below
    for index, relative in enumerate(files):
        if time.monotonic() > deadline:
            found.notes.append(f"copying took longer than {max_seconds:g} s: {', '.join(files[index:])} left out")
            break
        try:
            data = safefs.read(exchange, "/".join((*parts, found.name, relative)))
        except OSError as error:
            found.notes.append(f"{relative} was not copied: {error.strerror or error}")
            continue
        total += len(data)
        if total > max_bytes:
            limit = f"{max_bytes / 1024**2:g} MB" if max_bytes >= 1024**2 else f"{max_bytes} bytes"
            found.notes.append(f"the submission holds more than {limit}: {relative} and the files after it left out")
            break
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        target.write_bytes(data)
        if relative not in released and relative not in EXCHANGE_FILES:
            extra.append(relative)
    if extra:
        found.notes.append(f"files the release does not contain ({', '.join(extra)}): kept in submitted/, not graded")
    (dest / "timestamp.txt").write_text(stamp(found.trusted))


def released_files(root: Path, assignment: str) -> set[str]:
    release = root / "release" / assignment
    if not release.is_dir():
        release = root / "source" / assignment
    return {str(p.relative_to(release)) for p in release.rglob("*") if p.is_file()}


def read_inbox(exchange: Path, course: str, assignment: str, only: str | None, tolerance: float
               ) -> tuple[dict[str, list[Submission]], list[Outcome]]:
    """Every learner's submissions of ``assignment`` in the inbox, and the entries that are none."""
    parts = (course, "inbound")
    fd = safefs.open_folder(exchange, *parts)
    others: list[Outcome] = []
    try:
        with os.scandir(fd) as listed:
            entries = []
            for entry in listed:
                if len(entries) == MAX_INBOX_ENTRIES:
                    others.append(Outcome("", "not a submission", notes=f"inbound/: more than {MAX_INBOX_ENTRIES} "
                                          "entries; the rest was not looked at"))
                    break
                entries.append((entry.name, entry.stat(follow_symlinks=False)))
    finally:
        os.close(fd)
    entries.sort()
    by_student: dict[str, list[Submission]] = {}
    for name, info in entries:
        parsed = parse_name(name)
        if parsed is None:
            if assignment in name:
                others.append(Outcome("", "not a submission", notes=f"inbound/{name}: the name does not read as "
                                      f"student+assignment+timestamp+random, so it is not anyone's submission; left alone"))
            continue
        student, of = parsed
        if of != assignment or (only and student != only):
            continue
        what = safefs.kind(info.st_mode) or ("" if stat.S_ISDIR(info.st_mode) else "a file")
        impostor = "" if what else _owner_note(student, info.st_uid)
        if what or impostor:
            others.append(Outcome(student, "refused", notes=f"inbound/{name} is {what}, not a folder: not collected, "
                                  f"never followed" if what else f"inbound/{name} was {impostor}: not collected"))
            continue
        try:
            found = read_submission(exchange, parts, name, student, tolerance)
        except OSError as error:
            others.append(Outcome(student, "refused", notes=f"inbound/{name} could not be read: {error.strerror or error}"))
            continue
        by_student.setdefault(student, []).append(found)
    return by_student, others


def choose(submissions: list[Submission], duedate: datetime.datetime | None = None) -> Submission:
    """The latest by trusted time (with ``duedate``: the latest on time, if any, as nbgrader's --before-duedate)."""
    ordered = sorted(submissions, key=lambda s: (s.trusted, s.name), reverse=True)
    if duedate is not None:
        on_time = [s for s in ordered if s.trusted <= duedate]
        return on_time[0] if on_time else ordered[0]
    return ordered[0]


def write_status(root: Path, assignment: str, outcomes: list[Outcome]) -> Path:
    folder = root / "reports" / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STATUS_FILE
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(asdict(Outcome("", ""))))
        writer.writeheader()
        for outcome in outcomes:
            writer.writerow(asdict(outcome))
    return path


class SafeExchangeCollect(ExchangeCollect):
    """nbgrader's collect, fed from a clean, dated copy of the inbox (see the module's description)."""

    tolerance = Float(TOLERANCE, help="Seconds a submission's timestamp.txt may claim before the latest change "
                                      "time of its files; an earlier claim is replaced by that time.").tag(config=True)

    outcomes: list[Outcome]

    def init_src(self):
        if self.coursedir.course_id == "":
            self.fail("No course id specified. Re-run with --course flag.")
        root, course, assignment = Path(self.coursedir.root), self.coursedir.course_id, self.coursedir.assignment_id
        self._exchange = self.root
        try:
            by_student, self.outcomes = read_inbox(Path(self.root), course, assignment,
                                                   self.coursedir.student_id if self.coursedir.student_id != "*" else None,
                                                   self.tolerance)
        except FileNotFoundError:
            self.fail(f"Course not found: {Path(self.root, course, 'inbound')} (release an assignment first)")
        except OSError as error:
            self.fail(f"The exchange inbox {Path(self.root, course, 'inbound')} cannot be read: {error.strerror or error}")
        duedate = self._duedate() if self.before_duedate else None
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=root))  # 0700, one per run: two collects never clash
        (staging / course / "inbound").mkdir(parents=True, mode=0o700)
        released = released_files(root, assignment)
        self._chosen: dict[str, tuple[Submission, int, str]] = {}
        for student, submissions in sorted(by_student.items()):
            chosen = choose(submissions, duedate)
            copy_submission(Path(self.root), (course, "inbound"), chosen,
                            staging / course / "inbound" / f"{student}+{assignment}+{stamp(chosen.trusted)}+staged",
                            released)
            latest = chosen is choose(submissions)
            self._chosen[student] = (chosen, len(submissions), "the latest" if latest else "the latest before the due date")
        self.root = str(staging)
        self.check_owner = False  # checked above, on the inbox itself; the staged copies are the collector's
        super().init_src()

    def _duedate(self):
        from nbgrader.api import Gradebook, MissingEntry

        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gradebook:
            try:
                return gradebook.find_assignment(self.coursedir.assignment_id).duedate
            except MissingEntry:
                return None

    def copy_files(self):
        assignment = self.coursedir.assignment_id
        before = {s: self._existing(s) for s in self._chosen}
        try:
            super().copy_files()
        finally:
            safefs.remove_tree(Path(self.root))
            self.root = self._exchange
        for student, (chosen, count, which) in self._chosen.items():
            after = self._existing(student)
            notes = [f"{count} submissions; {which} collected ({chosen.name})"] if count > 1 else []
            if after == chosen.trusted and before[student] is None:
                status = "collected"
            elif after == chosen.trusted and before[student] != after:
                status = "updated"
                notes.append(f"replaces the submission of {shown(before[student])}")
            else:
                status = "kept"
                notes = [f"{count} submission(s), nothing newer than the one already collected"] if after == chosen.trusted \
                    else [f"the submission already in submitted/ ({shown(after)}) is kept"
                          + ("" if self.update else f"; collect with --update to replace it with {chosen.name}")]
            self.outcomes.append(Outcome(student, status, count, chosen.name, shown(chosen.trusted),
                                         "; ".join(notes + chosen.notes)))
        if not self.coursedir.student_id or self.coursedir.student_id == "*":
            self.outcomes += [Outcome(s, "no submission", notes=f"nothing of {assignment} in the inbox")
                              for s in self._gradebook_students() if s not in self._chosen
                              and not any(o.student == s for o in self.outcomes)]
        self.outcomes.sort(key=lambda o: (o.student, o.status))
        for outcome in self.outcomes:
            (self.log.warning if outcome.status not in ("collected", "updated", "kept") else self.log.info)(outcome.line())
        try:
            path = write_status(Path(self.coursedir.root), assignment, self.outcomes)
            self.log.info(f"collect statuses in {path}")
        except OSError as error:
            self.log.warning(f"the collect status file could not be written: {error}")

    def _existing(self, student: str):
        path = self.coursedir.format_path(self.coursedir.submitted_directory, student, self.coursedir.assignment_id)
        return self.coursedir.get_existing_timestamp(path) if os.path.isdir(path) else None

    def _gradebook_students(self) -> list[str]:
        from nbgrader.api import Gradebook

        try:
            with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gradebook:
                return sorted(s.id for s in gradebook.students)
        except Exception:  # a gradebook that cannot be read only loses this list, never the collect
            return []


def collect(root: Path, assignment: str, student: str | None = None, update: bool = True,
            tolerance: float | None = None) -> list[Outcome]:
    """Run nbgrader's collect through :class:`SafeExchangeCollect` for the course at ``root``."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    from autograder.gradebook import gradebook_url

    root = Path(root).resolve()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = gradebook_url(root)
    if tolerance is not None:
        config.SafeExchangeCollect.tolerance = tolerance
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = assignment
    if student:
        coursedir.student_id = student
    app = SafeExchangeCollect(coursedir=coursedir, authenticator=Authenticator(config=config), config=config)
    app.update = update
    app.start()
    return app.outcomes


__all__ = ["Outcome", "SafeExchangeCollect", "Submission", "collect", "parse_name", "read_submission"]


class ReleaseFeedback(ExchangeReleaseFeedback):
    """nbgrader's ``release_feedback`` (plain, or formgrader's button) for a class where some submissions were
    placed in ``submitted/`` by hand (the README allows it) rather than handed in through the exchange.

    nbgrader files a page under a hash of the ``submission_secret.txt`` the learner's own submit wrote; a
    submission placed by hand has none, and stock ``release_feedback`` stops with a traceback at the first
    such learner, releasing nothing for the learners after them. Here those learners are named, with where
    their pages are to hand over directly, and everyone else's feedback is released as usual.
    Configured by ``c.ExchangeFactory.release_feedback`` (``autograder/nbgrader_config.py``), beside collect's.
    """

    def copy_files(self):
        by_hand = []
        for folder in self._feedback_folders():
            if not all((folder / name).is_file() and not (folder / name).is_symlink() for name in EXCHANGE_FILES):
                by_hand.append(folder)
        for folder in by_hand:
            self.log.warning(
                "Feedback for %s was not released: the submission was placed in submitted/ by hand, not handed "
                "in through the exchange, so nbgrader has no submission secret to file it under. Give the learner "
                "%s directly.", folder.parent.name, folder)
        if by_hand:
            skipped = {folder.parent.name for folder in by_hand}
            already = set(filter(None, (self.coursedir.student_id_exclude or "").split(",")))
            self.coursedir.student_id_exclude = ",".join(sorted(already | skipped))
        return super().copy_files()

    def _feedback_folders(self) -> list[Path]:
        """The feedback folders nbgrader is about to release (``src_path`` holds a ``*`` for the learner)."""
        return sorted({Path(page).parent for page in glob.glob(os.path.join(self.src_path, "*.html"))})
