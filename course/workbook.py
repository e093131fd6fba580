"""Generate the learner workbook (``workbook/``) from the masters with nbgrader.

nbgrader's ``generate_assignment`` removes solutions and hidden tests; this module then
copies the learner copies into ``workbook/<module>/``. A notebook the learner has changed
is never overwritten: ``workbook/.generated.json`` remembers what was last written, so a
file that still matches it can be refreshed and a file that differs is left alone.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from course.nbgrader_cli import COURSE_ROOT, nbgrader
from course.syllabus import REPO_ROOT, published_modules

WORKBOOK = REPO_ROOT / "workbook"
MANIFEST_NAME = ".generated.json"


@dataclass
class Change:
    path: str
    status: str  # added | updated | unchanged | kept


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def release(folder: str, root: Path = COURSE_ROOT) -> Path:
    """Run ``nbgrader generate_assignment`` for one module; return its release folder."""
    nbgrader("generate_assignment", folder, "--force", root=root)
    return root / "release" / folder


def trust(path: Path) -> None:
    """Mark a notebook the course wrote as trusted, so JupyterLab opens it without a warning."""
    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()
    notebook = nbformat.read(str(path), as_version=4)
    if not notary.check_signature(notebook):
        notary.sign(notebook)


def sync(release_dir: Path, target: Path, manifest: dict[str, str], key_prefix: str) -> list[Change]:
    """Copy learner copies into ``target`` without overwriting the learner's changes."""
    changes = []
    target.mkdir(parents=True, exist_ok=True)
    for source in sorted(release_dir.rglob("*")):
        if source.is_dir() or ".ipynb_checkpoints" in source.parts:
            continue
        relative = source.relative_to(release_dir)
        key = f"{key_prefix}/{relative.as_posix()}"
        destination = target / relative
        new = _digest(source)
        if not destination.exists():
            status = "added"
        else:
            current = _digest(destination)
            if current == new:
                status = "unchanged"
            elif current == manifest.get(key):
                status = "updated"  # untouched since we last wrote it: safe to refresh
            else:
                changes.append(Change(key, "kept"))
                continue
        if status != "unchanged":
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
        if destination.suffix == ".ipynb":
            trust(destination)
        manifest[key] = new
        changes.append(Change(key, status))
    return changes


def generate(workbook: Path = WORKBOOK, root: Path = COURSE_ROOT, folders: list[str] | None = None) -> list[Change]:
    """Generate (or refresh) the learner workbook; return what happened to each file."""
    folders = folders or [m.folder for m in published_modules()]
    manifest_path = workbook / MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    changes: list[Change] = []
    for folder in folders:
        changes += sync(release(folder, root), workbook / folder, manifest, folder)
    workbook.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return changes


def report(changes: list[Change], workbook: Path = WORKBOOK) -> str:
    counts = {s: sum(c.status == s for c in changes) for s in ("added", "updated", "unchanged", "kept")}
    lines = [f"Workbook ready in {workbook}: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)]
    for change in changes:
        if change.status == "kept":
            lines.append(f"  kept your version of {change.path} (you changed it; the course version was not copied over it)")
        elif change.status in ("added", "updated"):
            lines.append(f"  {change.status}: {change.path}")
    return "\n".join(lines)
