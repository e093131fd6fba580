"""Check a submission before grading, so bad input gets a readable reason instead of a crash.

A *fatal* finding (no notebook at all, a file that is not a notebook) stops that submission
with its reason recorded; other findings (an unexpected file name, an old notebook format,
a notebook from another assignment) are noted and grading goes on. Edited grading flags and
duplicated graded cells are found, and put back, while nbgrader grades (:mod:`autograder.restore`).

The submission is read as root reads anything a learner controls (:mod:`autograder.safefs`): a notebook
that is a link, a hard link, a FIFO or a device is never opened (fatal, with what it is); any other such
file is dropped with a note; every read is bounded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from autograder import safefs


@dataclass(frozen=True)
class Finding:
    file: str
    message: str
    fatal: bool = False


def master_notebooks(root: Path, assignment: str) -> dict[str, set[str]]:
    """The assignment's notebooks (by file name) and the grade ids in each."""
    out = {}
    for path in sorted((root / "source" / assignment).glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        out[path.name] = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in cells} - {None}
    return out


def precheck_submission(root: Path, assignment: str, student: str) -> list[Finding]:
    expected = master_notebooks(root, assignment)
    try:
        found = safefs.scan(root / "submitted", student, assignment)
    except OSError as error:
        return [Finding("", f"the submission folder submitted/{student}/{assignment} cannot be used: "
                            f"{error.strerror or error}", fatal=True)]
    findings: list[Finding] = []
    for relative, what in found.dropped:
        if relative.endswith(".ipynb"):
            findings.append(Finding(relative, f"{relative} is {what}, not a notebook: it was not opened, and the "
                                              f"notebook itself must be handed in", fatal=True))
        else:
            findings.append(Finding(relative, f"{relative} is {what}: it was not opened and was left out of grading"))
    notebooks = [f for f in found.files if f.endswith(".ipynb") and "/" not in f]
    if not notebooks and not any(f.fatal for f in findings):
        others = [f for f in found.files if f != "timestamp.txt"]
        hint = f" (found: {', '.join(others)})" if others else ""
        return [Finding("", f"no notebook in the submission{hint}; expected {', '.join(expected)}", fatal=True)]
    folder = root / "submitted" / student / assignment
    for name in notebooks:
        try:
            raw = safefs.read(folder, name)
        except OSError as error:
            findings.append(Finding(name, f"{name} could not be read: {error.strerror or error}", fatal=True))
            continue
        findings += _check_file(name, raw, expected)
    present = set(notebooks)
    if notebooks and not present & set(expected):
        findings.append(Finding("", f"none of the assignment's notebooks ({', '.join(expected)}) was handed in"))
    return findings


def _check_file(name: str, raw: bytes, expected: dict[str, set[str]]) -> list[Finding]:
    if not raw.strip():
        return [Finding(name, f"{name} is an empty file, not a notebook", fatal=True)]
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return [Finding(name, f"{name} is not a text file (not UTF-8), so not a notebook", fatal=True)]
    except json.JSONDecodeError as error:
        return [Finding(name, f"{name} is not a valid notebook: broken JSON at line {error.lineno}, column {error.colno}",
                        fatal=True)]
    if not isinstance(data, dict) or "nbformat" not in data:
        return [Finding(name, f"{name} is JSON but not a notebook (no nbformat field)", fatal=True)]
    findings = []
    version = data.get("nbformat")
    if not isinstance(version, int) or version < 3:
        return [Finding(name, f"{name} has an unsupported notebook format ({version!r})", fatal=True)]
    cells = data.get("cells")
    if version == 3:
        findings.append(Finding(name, f"{name} is in the old nbformat 3; it was upgraded to version 4 for grading"))
        cells = [c for ws in data.get("worksheets", []) for c in ws.get("cells", [])]
    if not isinstance(cells, list):
        return [Finding(name, f"{name} is not a valid notebook: 'cells' is not a list", fatal=True)]
    if name not in expected:
        findings.append(Finding(name, f"{name} is not part of the assignment and was ignored "
                                      f"(expected: {', '.join(expected)})"))
        return findings
    ids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in cells if isinstance(c, dict)} - {None}
    if expected[name] and not ids & expected[name]:
        findings.append(Finding(name, f"{name} looks like a notebook from another assignment: none of its graded cells "
                                      f"belong to this one"))
    return findings
