"""Exports and the class report, read from nbgrader's gradebook (and the autograded notebooks).

* ``items.csv``   one row per learner and graded item (the per-item scores);
* ``canvas.csv``  Canvas gradebook import (Student, ID, SIS User ID, SIS Login ID, Section, assignment);
* ``moodle.csv``  Moodle grade import (ID number, email, names, assignment), mapped on the ID number;
* ``report.html`` the class report: score distribution, the autograded items (how many learners got each
  right, difficulty, discrimination, the most common check messages of those who did not), the written
  answers (graded so far and waiting for a grader), and a table per learner (autograded, written and total
  score, late, grading status, the items not yet right). Items are named by question number and title, as
  in the mark scheme (``course.markscheme``).

For the final assessment (a notebook whose questions' hidden tests name their bank items, ``course.final``) the
report adds a table by lesson, and ``final-responses.csv`` holds one row per learner and question with the bank
item it asked. The forms ask different items under the same question numbers, so statistics by bank item are
what compares sittings: ``python -m autograder final-items reports/A/final-responses.csv reports/B/...`` pools
any number of them into difficulty and discrimination per bank item (``pooled_item_statistics``).

nbgrader's own ``nbgrader export`` (grades.csv) keeps working alongside. Late penalties are nbgrader's:
set ``c.AssignLatePenalties.plugin_class`` in ``nbgrader_config.py`` (e.g. ``autograder.late.PointsPerHourLate``
with ``c.PointsPerHourLate.points_per_hour``); the exports use the penalised scores.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
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
    names: dict[str, dict[str, str]] = {}
    with Gradebook(gradebook_url(root)) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            student = submission.student
            for notebook in submission.notebooks:
                if notebook.name not in names:
                    names[notebook.name] = item_names(root, assignment, notebook.name)
                for grade in notebook.grades:
                    rows.append({
                        "student_id": student.id, "first_name": student.first_name or "", "last_name": student.last_name or "",
                        "email": student.email or "", "notebook": notebook.name, "grade_id": grade.name,
                        "score": float(grade.score), "max_score": float(grade.max_score),
                        "kind": "written" if grade.cell_type == "markdown" else "autograded",
                        "needs_manual_grade": bool(grade.needs_manual_grade),
                        "seconds_late": float(submission.total_seconds_late),
                        "late_penalty": float(submission.late_submission_penalty or 0.0),
                        "item": names[notebook.name].get(grade.name, grade.name),
                    })
    return pd.DataFrame(rows)


def item_names(root: Path, assignment: str, notebook: str) -> dict[str, str]:
    """grade id -> the item's name ("Q6 The first reply"), read from the master notebook's question headings
    (the mark scheme's names); empty where the master cannot be read (the ids are shown instead)."""
    from course.markscheme import graded_items, item_name

    try:
        return {item["grade_id"]: item_name(item) for item in graded_items(root / "source" / assignment / f"{notebook}.ipynb")}
    except Exception:  # a master missing or unreadable (nbformat's own errors included): the ids are shown
        return {}


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
    """Per autograded item: difficulty (mean share of points earned) and discrimination (correlation with the rest
    of the autograded score)."""
    scored = items[(items["kind"] == "autograded") & ~items["needs_manual_grade"]]
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


# --------------------------------------------------------------------------- the final assessment, by bank item
def final_tags(root: Path, assignment: str) -> dict[tuple[str, str], dict]:
    """(notebook, grade id) -> the bank item the master's hidden test names (``# final item: {...}``), with the
    form the master holds. Read from the masters in ``source/`` (the instructor's files, never a learner's)."""
    from course.final import ITEM_TAG

    tags: dict[tuple[str, str], dict] = {}
    for path in sorted((Path(root) / "source" / assignment).glob("*.ipynb")):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        form = str(((nb.get("metadata") or {}).get("course") or {}).get("final", {}).get("form", ""))
        for c in nb.get("cells", []):
            meta = (c.get("metadata") or {}).get("nbgrader") or {}
            source = "".join(c.get("source", "")) if isinstance(c.get("source"), list) else str(c.get("source", ""))
            found = ITEM_TAG.search(source) if meta.get("grade") else None
            if not found:
                continue
            try:
                tag = json.loads(found.group(1))
            except ValueError:
                continue
            tags[(path.stem, meta["grade_id"])] = {"bank_item": str(tag.get("id", "")), "module": tag.get("module"),
                                                   "lesson": str(tag.get("lesson", "")),
                                                   "objective": str(tag.get("objective", "")), "form": form}
    return tags


RESPONSE_COLUMNS = ["sitting", "student_id", "form", "question", "bank_item", "module", "lesson", "objective",
                    "score", "max_score", "rest"]


def final_responses(root: Path, assignment: str, items: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per learner and final-assessment question: the sitting (assignment), the form, the bank item asked,
    its module and lesson, the points and the rest of the learner's autograded score on the final. Empty when the
    assignment holds no final assessment."""
    tags = final_tags(root, assignment)
    if not tags:
        return pd.DataFrame(columns=RESPONSE_COLUMNS)
    items = item_scores(root, assignment) if items is None else items
    auto = items[(items["kind"] == "autograded") & ~items["needs_manual_grade"]]
    keyed = auto[[(n, g) in tags for n, g in zip(auto["notebook"], auto["grade_id"])]]
    if keyed.empty:
        return pd.DataFrame(columns=RESPONSE_COLUMNS)
    total = keyed.groupby(["student_id", "notebook"])["score"].transform("sum")
    rows = [{"sitting": assignment, "student_id": r.student_id, **{k: v for k, v in tags[(r.notebook, r.grade_id)].items()},
             "question": r.grade_id, "score": float(r.score), "max_score": float(r.max_score), "rest": float(t - r.score)}
            for r, t in zip(keyed.itertuples(), total)]
    return pd.DataFrame(rows)[RESPONSE_COLUMNS]


def pooled_item_statistics(responses: pd.DataFrame) -> pd.DataFrame:
    """Per bank item, over every learner who was asked it on whatever form or sitting: difficulty (mean share of
    the point earned) and discrimination (correlation with the rest of the learner's score on the final)."""
    stats = []
    for bank_item, rows in responses.groupby("bank_item", sort=False):
        share = rows["score"] / rows["max_score"].where(rows["max_score"] > 0)
        if share.nunique() > 1 and rows["rest"].nunique() > 1:
            discrimination = float(np.corrcoef(share, rows["rest"])[0, 1])
        else:
            discrimination = float("nan")
        first = rows.iloc[0]
        stats.append({"bank_item": bank_item, "module": first["module"], "lesson": str(first["lesson"]),
                      "objective": first["objective"], "forms": " ".join(sorted(set(map(str, rows["form"])))),
                      "learners": len(rows), "right": int((share >= 1).sum()), "difficulty": float(share.mean()),
                      "discrimination": discrimination})
    columns = ["bank_item", "module", "lesson", "objective", "forms", "learners", "right", "difficulty",
               "discrimination"]
    return pd.DataFrame(stats, columns=columns).sort_values(["module", "lesson", "bank_item"]).reset_index(drop=True)


def lesson_summary(responses: pd.DataFrame) -> list[dict]:
    """Per lesson of the final: how many questions, the share of their points the class earned, in course order."""
    from course.final import lesson_title
    from course.syllabus import lesson_order

    out = []
    for lesson, rows in responses.groupby("lesson", sort=False):
        try:
            title = lesson_title(str(lesson))
        except StopIteration:
            title = ""
        out.append({"lesson": str(lesson), "title": title, "questions": rows["question"].nunique(),
                    "difficulty": float(rows["score"].sum() / rows["max_score"].sum()) if rows["max_score"].sum() else 0.0})
    return sorted(out, key=lambda row: lesson_order(row["lesson"]))


def read_responses(paths: list[Path]) -> pd.DataFrame:
    """``final-responses.csv`` files of several sittings, as one table; a file that is missing or not such a table
    is named in the error."""
    frames = []
    for path in paths:
        try:
            frame = pd.read_csv(path, dtype={"lesson": str, "student_id": str, "form": str})
        except (OSError, ValueError, pd.errors.ParserError) as error:
            raise SystemExit(f"{path}: cannot be read as a final-responses.csv ({error})") from None
        missing = [c for c in RESPONSE_COLUMNS if c not in frame.columns]
        if missing:
            raise SystemExit(f"{path}: not a final-responses.csv (no column {', '.join(missing)}); write it with "
                             "`python -m autograder report ASSIGNMENT`")
        frame["student_id"] = frame["student_id"].astype(str).str.lstrip("'")
        frames.append(frame.assign(sitting=f"{path.parent.name}:" + frame["sitting"].astype(str)))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=RESPONSE_COLUMNS)


def write_pooled(paths: list[Path], out: Path) -> Path:
    """``python -m autograder final-items``: the pooled statistics per bank item, as CSV."""
    stats = pooled_item_statistics(read_responses(paths))
    out.parent.mkdir(parents=True, exist_ok=True)
    text_columns = [name for name in stats.columns if stats[name].dtype == object]
    stats.assign(**{name: stats[name].map(cell) for name in text_columns}).to_csv(out, index=False)
    return out


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
    responses = final_responses(root, assignment, items)
    if len(responses):
        paths["final"] = out / "final-responses.csv"
        text = [name for name in responses.columns if responses[name].dtype == object]
        responses.assign(**{name: responses[name].map(cell) for name in text}).to_csv(paths["final"], index=False)
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


def grading_status(root: Path, assignment: str) -> dict[str, dict]:
    """The last grading run's status per learner (reports/ASSIGNMENT/grading-status.csv), if there is one."""
    from autograder.grading import STATUS_FILE

    path = root / "reports" / assignment / STATUS_FILE
    if not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle) if row.get("student")}


def _points(value) -> str:
    return f"{float(value):g}"


def _short(item: str) -> str:
    """"Q6" for "Q6 The first reply"; an item without a question number keeps its whole name."""
    numbered = re.match(r"Q\d+\b", item)
    return numbered.group(0) if numbered else item


def learner_rows(items: pd.DataFrame, status: dict[str, dict]) -> list[dict]:
    """One row per learner for the report: autograded, written and total score, late, status, items not yet right."""
    rows = []
    for student, mine in items.groupby("student_id", sort=True):
        auto, written = mine[mine["kind"] == "autograded"], mine[mine["kind"] == "written"]
        waiting = int(written["needs_manual_grade"].sum())
        penalty, late = float(mine["late_penalty"].iloc[0]), float(mine["seconds_late"].iloc[0])
        total = max(0.0, float(mine["score"].sum()) - penalty)
        not_right = [_short(r.item) for r in auto.itertuples() if r.score < r.max_score]
        said = status.pop(str(student), {})
        kind = said.get("status", "graded") or "graded"
        rows.append({
            "learner": student,
            "auto": f"{_points(auto['score'].sum())}/{_points(auto['max_score'].sum())}",
            "written": f"{_points(written['score'].sum())}/{_points(written['max_score'].sum())}"
                       + (f" ({waiting} waiting)" if waiting else ""),
            "total": f"{_points(total)}/{_points(mine['max_score'].sum())}",
            "late": (f"{late / 3600:.1f} h" + (f", −{_points(penalty)} points" if penalty else "")) if late > 0 else "no",
            "status": kind + (f": {said['reason']}" if said.get("reason") else ""),
            "status_kind": kind if kind in ("graded", "late", "error") else "graded",
            "not_right": not_right,
        })
    for student, said in sorted(status.items()):  # handed in, but nothing in the gradebook (e.g. an error)
        kind = said.get("status", "") or "error"
        rows.append({"learner": student, "auto": "—", "written": "—", "total": "—", "late": "—",
                     "status": kind + (f": {said['reason']}" if said.get("reason") else ""),
                     "status_kind": kind if kind in ("graded", "late", "error") else "error", "not_right": []})
    return rows


def report_data(root: Path, assignment: str) -> dict:
    """What the class report shows, read from the gradebook, the graded notebooks and the grading status."""
    items = item_scores(root, assignment)
    if items.empty:
        raise SystemExit(f"no graded submissions of {assignment!r} in the gradebook: run `python -m autograder grade "
                         f"{assignment}` first")
    stats = item_statistics(items)
    messages = check_messages(root, assignment)
    auto = items[items["kind"] == "autograded"]
    written = items[items["kind"] == "written"]
    names = items.drop_duplicates("grade_id").set_index("grade_id")
    position = {grade_id: (notebook, i) for notebook in names["notebook"].unique()
                for i, grade_id in enumerate(item_names(root, assignment, notebook))}
    stats = stats.sort_values("grade_id", key=lambda ids: ids.map(lambda g: position.get(g, ("~", 0, g))))
    auto_items = [{
        "item": names.loc[r.grade_id, "item"], "grade_id": r.grade_id, "points": names.loc[r.grade_id, "max_score"],
        "right": r.learners - r.failed, "learners": r.learners, "difficulty": r.difficulty,
        "discrimination": "" if np.isnan(r.discrimination) else f"{r.discrimination:+.2f}",
        "messages": messages.get(r.grade_id, Counter()).most_common(3)} for r in stats.itertuples()]
    written_items = []
    for grade_id, rows in written.groupby("grade_id", sort=False):
        graded = rows[~rows["needs_manual_grade"]]
        written_items.append({"item": names.loc[grade_id, "item"], "grade_id": grade_id,
                              "points": rows["max_score"].max(), "graded": len(graded), "learners": len(rows),
                              "waiting": len(rows) - len(graded),
                              "mean": float(graded["score"].mean()) if len(graded) else None})
    auto_scores = auto.groupby("student_id")["score"].sum()
    responses = final_responses(root, assignment, items)
    bank = {(r.question): r.bank_item for r in responses.drop_duplicates("question").itertuples()} if len(responses) else {}
    for row in auto_items:
        row["bank_item"] = bank.get(row["grade_id"], "")
    return {
        "final_lessons": lesson_summary(responses) if len(responses) else [],
        "assignment": assignment, "learners": int(items["student_id"].nunique()), "auto_scores": auto_scores,
        "auto_mean": float(auto_scores.mean()) if len(auto) else 0.0,
        "auto_max": float(auto.groupby("student_id")["max_score"].sum().max()) if len(auto) else 0.0,
        "written_max": float(written.groupby("student_id")["max_score"].sum().max()) if len(written) else 0.0,
        "written_graded": int((~written["needs_manual_grade"]).sum()), "written_total": len(written),
        "auto_items": auto_items, "written_items": written_items,
        "people": learner_rows(items, grading_status(root, assignment)),
    }


def charts(data: dict) -> dict:
    """The report's charts as matplotlib figures: how many learners earned each autograded score, and how many got
    each autograded item right. Both axes that count learners show whole numbers only."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    figures = {}
    if len(data["auto_scores"]):
        fig, ax = plt.subplots(figsize=(7.5, 3.2))
        top = int(np.ceil(data["auto_max"]))
        ax.hist(data["auto_scores"], bins=np.arange(-0.5, top + 1.5, 1), color="#1565c0", rwidth=0.85)
        ax.set_xlim(-0.5, top + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel(f"autograded score (out of {data['auto_max']:g} points)")
        ax.set_ylabel("learners")
        ax.set_title(f"{data['assignment']}: how many learners earned each autograded score", loc="left")
        figures["distribution"] = fig
    order = list(reversed(data["auto_items"]))  # the first question at the top, as in the table
    if order:
        fig, ax = plt.subplots(figsize=(7.5, 1.2 + 0.32 * len(order)))
        labels = [row["item"] if len(row["item"]) <= 40 else row["item"][:39] + "…" for row in order]
        right = [row["right"] for row in order]
        ax.barh(labels, right, color="#2e7d32", label="right")
        ax.barh(labels, [row["learners"] - row["right"] for row in order], left=right, color="#e0e0e0",
                label="not yet right")
        ax.set_xlim(0, data["learners"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("learners")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        fig.suptitle("How many learners got each autograded item right", x=0.02, ha="left", fontsize="medium")
        figures["by_item"] = fig
    for fig in figures.values():
        fig.tight_layout()
    return figures


def _png(fig) -> str:
    """A figure as a PNG data URL (the report is one self-contained file)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return f"data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode()}"


def class_report(root: Path, assignment: str, out: Path) -> Path:
    """Write the class report (HTML with charts, reports/ASSIGNMENT/report.html) for one assignment."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    data = report_data(root, assignment)
    environment = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                              autoescape=select_autoescape(["html"]))
    environment.filters["points"] = _points
    page = environment.get_template("class_report.html").render(
        **data, charts={name: _png(fig) for name, fig in charts(data).items()})
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    return path
