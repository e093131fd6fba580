"""Run the real nbgrader command line from Python, in the course root ``autograder/``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from course.syllabus import REPO_ROOT

COURSE_ROOT = REPO_ROOT / "autograder"


class NbgraderError(RuntimeError):
    """An nbgrader command failed; the message holds the command and its last output lines."""


def tool_env() -> dict[str, str]:
    """Environment with this Python's scripts first on PATH (nbgrader calls `alembic`)."""
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
    return env


def nbgrader(*args: str, root: Path = COURSE_ROOT, check: bool = True, quiet: bool = True) -> subprocess.CompletedProcess:
    """Run ``nbgrader <args>`` in ``root``; raise :class:`NbgraderError` with its log on failure."""
    command = [sys.executable, "-m", "nbgrader", *args]
    result = subprocess.run(command, cwd=root, env=tool_env(), capture_output=True, text=True)
    if not quiet:
        sys.stdout.write(result.stdout)
    if check and (result.returncode != 0 or "[ERROR]" in result.stderr and "| ERROR]" in result.stderr):
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-25:])
        raise NbgraderError(f"`nbgrader {' '.join(args)}` failed in {root}:\n{tail}")
    return result


def scratch_course_root(where: Path) -> Path:
    """A throw-away copy of the course root in ``where`` (config + source links), for tests and benchmarks.

    Its runtime state (release/, submitted/, gradebook.db ...) stays out of the repository.
    """
    root = Path(where) / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy(COURSE_ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    for link in (COURSE_ROOT / "source").iterdir():
        (root / "source" / link.name).symlink_to(link.resolve())
    return root
