"""Exports and the class report, read from nbgrader's gradebook (and the autograded notebooks).

* ``items.csv``   one row per learner and graded item (the per-item scores);
* ``canvas.csv``  Canvas gradebook import (Student, ID, SIS User ID, SIS Login ID, Section, assignment);
* ``moodle.csv``  Moodle grade import (ID number, email, names, assignment), mapped on the ID number;
* ``report.html`` the class report: score distribution, item difficulty and discrimination, the items most
  often failed with their most common check messages, and late submissions.

nbgrader's own ``nbgrader export`` (grades.csv) keeps working alongside. Late penalties are nbgrader's:
set ``c.AssignLatePenalties.plugin_class`` in ``nbgrader_config.py`` (e.g. ``autograder.late.PointsPerHourLate``
with ``c.PointsPerHourLate.points_per_hour``); the exports use the penalised scores.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from autograder import safefs
from autograder.gradebook import gradebook_url


def item_scores(root: Path, assignment: str) -> pd.DataFrame:
    """One row per learner and graded item: student, notebook, grade_id, score, max_score, kind, late penalty."""
    from nbgrader.api import Gradebook

    rows = []
    with Gradebook(gradebook_url(root)) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            student = submission.student
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    rows.append({
                        "student_id": student.id, "first_name": student.first_name or "", "last_name": student.last_name or "",
                        "email": student.email or "", "notebook": notebook.name, "grade_id": grade.name,
                        "score": float(grade.score), "max_score": float(grade.max_score),
                        "kind": "written" if grade.cell_type == "markdown" else "autograded",
                        "needs_manual_grade": bool(grade.needs_manual_grade),
                        "seconds_late": float(submission.total_seconds_late),
                        "late_penalty": float(submission.late_submission_penalty or 0.0),
                    })
    return pd.DataFrame(rows)


def totals(items: pd.DataFrame) -> pd.DataFrame:
    """Per learner: raw score, late penalty, final score, maximum."""
    grouped = items.groupby(["student_id", "first_name", "last_name", "email"], sort=True)
    out = grouped.agg(raw_score=("score", "sum"), max_score=("max_score", "sum"), seconds_late=("seconds_late", "first"),
                      late_penalty=("late_penalty", "first")).reset_index()
    out["score"] = (out["raw_score"] - out["late_penalty"]).clip(lower=0)
    return out


# the titles of the messages a check shows (course.checks): an assessment's check shows them and never raises
CHECK_TITLES = ("Not attempted yet", "Check the form", "Answered", "Not yet right")


def check_messages(root: Path, assignment: str) -> dict[str, Counter]:
    """For each graded item, how often each check message was shown to learners who failed it."""
    messages: dict[str, Counter] = {}
    for cell in _graded_cells(root, assignment):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("grade") or cell.get("cell_type") != "code":
            continue
        outputs = [o for o in (cell.get("outputs") if isinstance(cell.get("outputs"), list) else []) if isinstance(o, dict)]
        if not any(output.get("output_type") == "error" for output in outputs):
            continue
        for output in outputs:
            shown = output.get("data", {}).get("text/plain", "") if output.get("output_type") == "display_data" else ""
            first = "".join(shown).strip().split("\n")[0] if isinstance(shown, (str, list)) else ""
            if any(title in first for title in CHECK_TITLES):  # a check's message, shown without raising
                messages.setdefault(meta["grade_id"], Counter())[first[:160]] += 1
            elif output.get("output_type") == "error":
                first = str(output.get("evalue") or output.get("ename") or "").split("\n")[0]
                kind = str(output.get("ename", ""))
                label = first if kind in ("NotYetRight", "NotAttempted") else f"{kind} in a hidden test"
                messages.setdefault(meta["grade_id"], Counter())[label[:160]] += 1
    return messages


def _graded_cells(root: Path, assignment: str):
    """The cells of every graded notebook, read as root reads a folder a learner's code ran in (no link followed,
    no special file opened, bounded); a file that is not a notebook is skipped."""
    released = {p.name for p in (root / "release" / assignment).glob("*.ipynb")}
    for student in (f for f in safefs.scan(root / "autograded", entries=None).folders if "/" not in f):
        folder = root / "autograded" / student / assignment
        for name in sorted(released & set(safefs.scan(root / "autograded", student, assignment).files)):
            try:
                cells = json.loads(safefs.read(folder, name)).get("cells", [])
            except (OSError, ValueError, AttributeError):
                continue
            for cell in cells if isinstance(cells, list) else []:
                if isinstance(cell, dict) and isinstance(cell.get("metadata", {}), dict) and \
                        isinstance(cell.get("metadata", {}).get("nbgrader", {}), dict):
                    yield cell


def item_statistics(items: pd.DataFrame) -> pd.DataFrame:
    """Difficulty (mean share of points earned) and discrimination (correlation with the rest of the score)."""
    scored = items[~items["needs_manual_grade"]]
    share = scored.assign(share=scored["score"] / scored["max_score"].where(scored["max_score"] > 0))
    table = share.pivot_table(index="student_id", columns="grade_id", values="share", aggfunc="first")
    points = scored.pivot_table(index="student_id", columns="grade_id", values="score", aggfunc="first")
    total = points.sum(axis=1)
    stats = []
    for item in table.columns:
        rest = total - points[item]
        values = table[item]
        if values.nunique() > 1 and rest.nunique() > 1:
            discrimination = float(np.corrcoef(values, rest)[0, 1])
        else:
            discrimination = float("nan")
        stats.append({"grade_id": item, "difficulty": float(values.mean()), "discrimination": discrimination,
                      "failed": int((values < 1).sum()), "learners": int(values.notna().sum())})
    return pd.DataFrame(stats).sort_values("difficulty").reset_index(drop=True)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula (``=``, ``+``, ``-``, ``@``, a tab
    or a carriage return: names and ids come from learners) gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, (int, float, np.integer, np.floating)):
        return f"{value:g}"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_lms_files(root: Path, assignment: str, out: Path) -> dict[str, Path]:
    items = item_scores(root, assignment)
    people = totals(items)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"items": out / "items.csv", "canvas": out / "canvas.csv", "moodle": out / "moodle.csv"}
    text_columns = [name for name in items.columns if items[name].dtype == object]
    items.assign(**{name: items[name].map(cell) for name in text_columns}).to_csv(paths["items"], index=False)
    maximum = float(people["max_score"].max()) if len(people) else 0.0
    with paths["canvas"].open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", cell(assignment)])
        writer.writerow(["    Points Possible", "", "", "", "", f"{maximum:g}"])
        for row in people.itertuples():
            name = f"{row.last_name}, {row.first_name}".strip(", ") or row.student_id
            writer.writerow([cell(name), "", cell(row.student_id), cell(row.student_id), "", cell(row.score)])
    with paths["moodle"].open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID number", "Email address", "First name", "Surname", cell(assignment)])
        for row in people.itertuples():
            writer.writerow([cell(row.student_id), cell(row.email), cell(row.first_name), cell(row.last_name),
                             cell(row.score)])
    return paths


def _figure(draw) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.5, 3.2))
    draw(ax)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return f"<img alt='chart' src='data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode()}'>"


def class_report(root: Path, assignment: str, out: Path) -> Path:
    """Write the class report (HTML with charts) for one assignment."""
    items = item_scores(root, assignment)
    people = totals(items)
    stats = item_statistics(items)
    messages = check_messages(root, assignment)
    maximum = float(people["max_score"].max())

    def distribution(ax):
        ax.hist(people["score"], bins=min(20, max(5, len(people) // 3)), range=(0, maximum), color="#1565c0")
        ax.set_xlabel(f"score (out of {maximum:g})")
        ax.set_ylabel("learners")
        ax.set_title(f"{assignment}: score distribution")

    def difficulty(ax):
        ax.barh(stats["grade_id"], stats["difficulty"], color="#2e7d32")
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of the points earned (1 = everyone right)")
        ax.set_title("Item difficulty")

    rows = "".join(
        f"<tr><td><code>{html.escape(r.grade_id)}</code></td><td>{r.difficulty:.0%}</td>"
        f"<td>{'' if np.isnan(r.discrimination) else f'{r.discrimination:+.2f}'}</td><td>{r.failed}/{r.learners}</td>"
        f"<td>{'<br>'.join(f'{html.escape(m)} ({n})' for m, n in messages.get(r.grade_id, Counter()).most_common(3))}</td></tr>"
        for r in stats.itertuples())
    late = people[people["seconds_late"] > 0]
    late_rows = "".join(f"<tr><td>{html.escape(r.student_id)}</td><td>{r.seconds_late / 3600:.1f} h</td>"
                        f"<td>{r.late_penalty:g}</td></tr>" for r in late.itertuples()) or "<tr><td colspan=3>none</td></tr>"
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Class report: {html.escape(assignment)}</title>
<style>body{{font-family:sans-serif;max-width:980px;margin:2em auto;color:#222}} table{{border-collapse:collapse}}
td,th{{border:1px solid #ddd;padding:.3em .6em;vertical-align:top}} th{{background:#f3f3f3}}</style></head><body>
<h1>Class report: {html.escape(assignment)}</h1>
<p>{len(people)} learners; mean {people['score'].mean():.1f}, median {people['score'].median():.1f} of {maximum:g} points.
Written answers still waiting for a grader count as 0 until graded.</p>
{_figure(distribution)}
<h2>Items</h2>
<p><b>Difficulty</b> is the share of the item's points the class earned; <b>discrimination</b> is the correlation
between the item and the rest of the score (near 0 or negative: the item does not separate stronger from weaker
learners; look at its wording). Autograded items only.</p>
{_figure(difficulty)}
<table><tr><th>item</th><th>difficulty</th><th>discrimination</th><th>not full marks</th><th>most common check messages</th></tr>{rows}</table>
<h2>Late submissions</h2>
<table><tr><th>learner</th><th>late by</th><th>penalty (points)</th></tr>{late_rows}</table>
</body></html>"""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    return path
