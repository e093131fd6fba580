"""Fetching an assignment so that a server stopped mid-fetch never leaves half a copy behind.

Stock nbgrader copies the release straight into ``<course>/<assignment>/``. When the learner's server is
stopped during the copy (the hub's idle culler, a restart, a full disk), the folder stays with notebooks
missing or cut short, and then the *Assignments* tab lists the assignment as fetched (no Fetch button) and
``nbgrader fetch_assignment`` refuses with "You already have a copy of the assignment in this directory".

:class:`AtomicFetchAssignment` (``c.ExchangeFactory.fetch_assignment``, set on the course hub for every
server) copies into a hidden folder beside the assignment and renames it into place only once complete, so
a stopped fetch leaves no assignment folder and the next fetch starts afresh. A folder left incomplete by an
earlier, stock fetch is moved aside (kept, never deleted) when the learner fetches again, and a complete copy
is fetched, with a message naming what was missing or cut short.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from fnmatch import fnmatch
from pathlib import Path

from nbgrader.exchange.default.fetch_assignment import ExchangeFetchAssignment

PARTIAL = ".fetching-"  # the hidden folder a fetch copies into


def incomplete(release: Path, copy: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """What ``copy`` lacks of ``release``: files missing, notebooks that are not whole JSON, data files shorter
    than released. Answers the learner wrote change notebooks, never make them unreadable."""
    problems = []
    for path in sorted(release.rglob("*")):
        relative = path.relative_to(release)
        if not path.is_file() or any(fnmatch(part, pattern) for part in relative.parts for pattern in ignore):
            continue
        mine = copy / relative
        if not mine.is_file():
            problems.append(f"{relative} is missing")
        elif path.suffix == ".ipynb":
            try:
                json.loads(mine.read_bytes())
            except (ValueError, UnicodeDecodeError):
                problems.append(f"{relative} is cut short")
        elif mine.stat().st_size < path.stat().st_size:
            problems.append(f"{relative} is cut short")
    return problems


class AtomicFetchAssignment(ExchangeFetchAssignment):
    """nbgrader's fetch, all or nothing (see the module's description)."""

    def init_dest(self):
        root = os.path.join(self.coursedir.course_id, self.coursedir.assignment_id) if self.path_includes_course \
            else self.coursedir.assignment_id
        dest = Path(self.assignment_dir, root).absolute()
        if dest.is_dir() and not self.replace_missing_files:
            problems = incomplete(Path(self.src_path), dest, tuple(self.coursedir.ignore))
            if problems:
                aside = dest.with_name(f"{dest.name}.incomplete-{datetime.datetime.now():%Y%m%d-%H%M%S}")
                dest.rename(aside)
                self.log.warning(
                    f"Your copy of {self.coursedir.assignment_id} was incomplete ({'; '.join(problems)}), most likely "
                    f"because your server stopped while fetching it. It is kept as {os.path.relpath(aside)}; a "
                    f"complete copy is fetched now. Copy any answers you want to keep from the old folder.")
        super().init_dest()

    def do_copy(self, src, dest):
        if os.path.isdir(dest):  # --replace: nbgrader adds the missing files
            return super().do_copy(src, dest)
        parent, name = os.path.split(dest)
        os.makedirs(parent, exist_ok=True)
        for stale in Path(parent).glob(f".{name}{PARTIAL}*"):  # left by a fetch that was stopped
            shutil.rmtree(stale, ignore_errors=True)
        scratch = tempfile.mkdtemp(prefix=f".{name}{PARTIAL}", dir=parent)
        try:
            shutil.copytree(src, os.path.join(scratch, name), ignore=shutil.ignore_patterns(*self.coursedir.ignore))
            os.rename(os.path.join(scratch, name), dest)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


__all__ = ["AtomicFetchAssignment", "incomplete"]
