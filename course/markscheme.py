"""The instructor's mark scheme, extracted from the master notebooks.

For every graded notebook it lists each item with its grade id and points; for the
manually graded answers it adds the model answer and rubric, which live between the
solution markers of the master cell (and are therefore removed from learners' copies).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from course.syllabus import Module

_SOLUTION = re.compile(r"### BEGIN SOLUTION\s*(.*?)\s*### END SOLUTION", re.S)
_QUESTION = re.compile(r"^###\s+(Question .*?)\s*\(\d+(?:\.\d+)? points?\)\s*$", re.M)  # "### Question 4 — ... (3 points)"


def graded_items(path: Path) -> list[dict]:
    """Every nbgrader grade cell of a notebook: id, points, kind and (manual) rubric text."""
    nb = nbformat.read(path, as_version=4)
    items = []
    question = ""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "markdown" and (heading := _QUESTION.search(cell.source)):
            question = heading.group(1).strip()
        if not meta.get("grade"):
            continue
        manual = bool(meta.get("solution"))
        found = _SOLUTION.search(cell.source) if manual else None
        items.append(
            {
                "grade_id": meta["grade_id"],
                "question": question,
                "points": float(meta.get("points", 0)),
                "kind": "written (manual)" if manual else "autograded",
                "rubric": found.group(1).strip() if found else "",
            }
        )
    return items


def item_name(item: dict) -> str:
    """How an item is named to instructors: "Q6 The first reply" from the heading "Question 6 — The first reply",
    the heading as it stands if it is not numbered, the grade id where no question heading comes before it."""
    numbered = re.match(r"Question\s+(\d+)\s*[—–:-]?\s*(.*)", item["question"])
    if numbered:
        return f"Q{numbered.group(1)} {numbered.group(2)}".strip()
    return item["question"] or item["grade_id"]


def render(module: Module) -> str:
    lines = [f"# Mark scheme: Module {module.number} — {module.title}", ""]
    for notebook in module.notebooks:
        items = graded_items(module.path / notebook.file)
        if not items:
            continue
        total = sum(i["points"] for i in items)
        auto = sum(i["points"] for i in items if i["kind"] == "autograded")
        lines += [f"## {notebook.title} (`{notebook.file}`)", "",
                  f"Total {total:g} points: {auto:g} autograded, {total - auto:g} written.", "",
                  "| question | grade id | kind | points |", "|---|---|---|---|"]
        lines += [f"| {i['question']} | `{i['grade_id']}` | {i['kind']} | {i['points']:g} |" for i in items]
        for item in items:
            if item["rubric"]:
                lines += ["", f"### `{item['grade_id']}` ({item['points']:g} points)", "", item["rubric"]]
        lines.append("")
    return "\n".join(lines)


def write_all(modules, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for module in modules:
        if module.assignment is None:
            continue
        path = out_dir / f"{module.folder}.md"
        path.write_text(render(module), encoding="utf-8")
        written.append(path)
    return written
