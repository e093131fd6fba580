"""The learner's progress record: which exercises they have got right, kept by the checks.

Every ``check()`` in a learner's workbook notes its outcome here. The record is a small JSON
file in the workbook (``workbook/.progress.json``); nothing is recorded when a notebook runs
outside a workbook (the masters under test, a graded copy), so grading and CI leave no trace.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

RECORD_NAME = ".progress.json"
# The workbook generator writes this file at the workbook's root: it marks a learner's workbook.
WORKBOOK_MARK = ".generated.json"


def workbook_root(start: Path | None = None) -> Path | None:
    """The learner's workbook folder containing ``start`` (default: the working folder), if any."""
    here = (start or Path.cwd()).resolve()
    for folder in [here, *list(here.parents)[:3]]:
        if (folder / WORKBOOK_MARK).is_file():
            return folder
    return None


def record_path(start: Path | None = None) -> Path | None:
    root = workbook_root(start)
    return root / RECORD_NAME if root else None


def load(path: Path | None = None) -> dict[str, dict]:
    """The record: question id -> ``{"status", "best", "attempts", "last"}``."""
    path = path or record_path()
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def record(question_id: str, status: str, path: Path | None = None) -> None:
    """Note one check's outcome. ``best`` stays ``"correct"`` once an answer was right."""
    path = path or record_path()
    if path is None:
        return
    data = load(path)
    entry = data.get(question_id, {"attempts": 0, "best": status})
    entry["status"] = status
    entry["attempts"] = int(entry.get("attempts", 0)) + (status != "not attempted")
    if entry.get("best") != "correct":
        entry["best"] = status
    entry["last"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    data[question_id] = entry
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
