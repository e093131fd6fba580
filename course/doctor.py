"""``python -m course doctor``: check the set-up and say what to fix.

Prints ``[ OK ]`` or ``[FAIL]`` for Python, every pinned dependency, the nbgrader and
JupyterLab commands, the Jupyter kernel and every module folder, then notes whether the workbook is
generated and whether the grading sandbox is available. Exit status 1 if anything failed.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

import nbformat

from course.syllabus import MODULES, REPO_ROOT

DIST = "community-management-workbook"
FIX = "fix: run `make lab` (or `make setup`) again from the course folder"


def _pins() -> dict[str, str]:
    pins = {}
    for requirement in metadata.requires(DIST) or []:
        found = re.match(r"^([A-Za-z0-9_.\-]+)==([^;\s]+)", requirement)
        if found:
            pins[found.group(1)] = found.group(2)
    return pins


def checks():
    """Yield (ok, label, detail) for every check."""
    version = sys.version_info
    yield version[:2] == (3, 11), "Python 3.11", f"this is {sys.version.split()[0]} at {sys.executable}"

    for name, wanted in sorted(_pins().items()):
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            yield False, f"{name}=={wanted}", f"not installed; {FIX}"
            continue
        yield found == wanted, f"{name}=={wanted}", "installed" if found == wanted else f"found {found}; {FIX}"

    bindir = Path(sys.executable).parent
    for command in ("jupyter-lab", "nbgrader", "alembic"):
        present = (bindir / command).exists()
        yield present, f"command {command}", str(bindir / command) if present else f"missing; {FIX}"

    try:
        from jupyter_client.kernelspec import KernelSpecManager

        specs = KernelSpecManager().find_kernel_specs()
        yield "python3" in specs, "Jupyter kernel python3", specs.get("python3", f"missing; {FIX}")
    except Exception as error:  # a broken jupyter install should be reported, not crash the doctor
        yield False, "Jupyter kernel python3", f"{type(error).__name__}: {error}"

    config = REPO_ROOT / "autograder" / "nbgrader_config.py"
    yield config.exists(), "autograder/ course root", str(config) if config.exists() else "nbgrader_config.py missing"

    for module in MODULES:
        yield _check_module(module)


def _check_module(module):
    label = f"{module.folder}/"
    link = REPO_ROOT / "autograder" / "source" / module.folder
    if not module.path.is_dir():
        return False, label, "folder missing"
    if link.resolve() != module.path.resolve():
        return False, label, f"autograder/source/{module.folder} does not point at the module folder"
    if not module.notebooks:
        return True, label, "no notebooks yet (coming soon)"
    problems = []
    for notebook in module.notebooks:
        path = module.path / notebook.file
        if not path.exists():
            problems.append(f"{notebook.file} missing")
            continue
        try:
            nbformat.validate(nbformat.read(path, as_version=4))
        except Exception as error:
            problems.append(f"{notebook.file} is not a valid notebook ({type(error).__name__})")
    if problems:
        return False, label, "; ".join(problems)
    return True, label, f"{len(module.notebooks)} notebooks"


def _sandbox() -> str:
    """For instructors: whether `python -m autograder grade` can isolate learners' code on this machine."""
    try:
        from autograder.sandbox import availability
    except Exception as error:  # the doctor reports, it does not crash
        return f"cannot tell ({type(error).__name__}: {error})"
    ok, why = availability()
    return ("available: learners' code is graded in isolation" if ok else
            f"off here ({why}); fine for learners, instructors should grade as root on Linux")


def main() -> int:
    failed = 0
    for ok, label, detail in checks():
        failed += not ok
        print(f"[{' OK ' if ok else 'FAIL'}] {label:<32} {detail}")
    workbook = REPO_ROOT / "workbook"
    print(f"[INFO] {'workbook/':<32} {'generated' if workbook.is_dir() else 'not generated yet: run `make lab` or `make workbook`'}")
    print(f"[INFO] {'grading sandbox':<32} {_sandbox()}")
    print("All good." if not failed else f"{failed} problem(s) found: see the [FAIL] lines above.")
    return 1 if failed else 0
