"""Static checks of the master notebooks: clean, complete, consistently built.

(That every master runs top to bottom is checked by nbval: see pyproject's testpaths.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from course.nav import update as update_nav
from course.syllabus import MODULES, REPO_ROOT
from nbtools import assignments, graded_masters, master_notebooks, nbgrader_meta, read

ALL_NOTEBOOKS = sorted(p for p in REPO_ROOT.glob("module*_*/**/*.ipynb") if ".ipynb_checkpoints" not in p.parts) + sorted(
    (REPO_ROOT / "course").rglob("*.ipynb"))


def test_every_notebook_is_in_the_syllabus_and_every_syllabus_entry_exists():
    on_disk = {p for p in ALL_NOTEBOOKS if p.parent.name.startswith("module")}
    listed = set(master_notebooks())
    assert on_disk == listed, f"not in syllabus: {on_disk - listed}; missing: {listed - on_disk}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebooks_carry_no_outputs_or_execution_counts(path: Path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    dirty = [i for i, c in enumerate(raw["cells"]) if c.get("outputs") or c.get("execution_count")]
    assert not dirty, f"{path.name}: cells {dirty} have outputs or execution counts (clear them before committing)"
    nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))


def test_navigation_links_are_up_to_date():
    assert update_nav(check=True) == [], "run `python -m course nav`"


@pytest.mark.parametrize("path", master_notebooks(), ids=lambda p: p.name)
def test_notebook_skeleton(path: Path):
    nb = read(path)
    text = "\n".join(c.source for c in nb.cells)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "setup_notebook()" in first_code.source, "the first code cell must call setup_notebook()"
    assert "sys.path" not in text, "notebooks import `course` as an installed package"
    assert nb.cells[0].source.startswith("# "), "the first cell is the title"
    ids = [nbgrader_meta(c)["grade_id"] for c in nb.cells if nbgrader_meta(c)]
    assert len(ids) == len(set(ids)), "duplicate grade ids"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]+", i) and not i.startswith("cell") for i in ids), "grade ids must be descriptive"
    # every answer cell is followed by its locked check cell
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for i, cell in enumerate(code_cells):
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            following = code_cells[i + 1]
            assert nbgrader_meta(following).get("locked"), f"{meta['grade_id']} needs a locked check cell after it"
            assert ".check(" in following.source
            assert "### BEGIN SOLUTION" in cell.source
            head = cell.source.split("### BEGIN SOLUTION")[0]
            assert head.strip(), f"{meta['grade_id']}: learners need a template above the solution markers"


LESSONS = [m.path / nb.file for m in MODULES for nb in m.notebooks if nb.kind in ("lesson", "lab")]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lessons_teach_in_the_agreed_shape(path: Path):
    nb = read(path)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
    for part in ("in this lesson", "case study", "key takeaways"):
        assert part in text, f"{path.name} lacks a '{part}' section"
    if not any(nb_.file == path.name and nb_.kind == "lab" for m in MODULES for nb_ in m.notebooks):
        assert not any(nbgrader_meta(c).get("grade") for c in nb.cells), "lessons are practice: no graded cells"
    checks = [c for c in nb.cells if ".check(" in c.source and c.cell_type == "code"]
    assert len(checks) >= 2, "a lesson has at least two exercises with checks"


def _points_in(text: str) -> float | None:
    found = re.search(r"\((\d+(?:\.\d+)?) points?\)", text)
    return float(found.group(1)) if found else None


@pytest.mark.parametrize("path", graded_masters(), ids=lambda p: p.name)
def test_assignment_points_add_up_and_are_shown(path: Path):
    nb = read(path)
    grade_cells = [c for c in nb.cells if nbgrader_meta(c).get("grade")]
    total = sum(nbgrader_meta(c)["points"] for c in grade_cells)
    stated_total = re.search(r"worth \*\*(\d+) points\*\*", nb.cells[0].source)
    assert stated_total and float(stated_total.group(1)) == total, "the header must state the total points"
    last_markdown = ""
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type == "markdown" and not meta.get("grade"):
            last_markdown = cell.source
        if meta.get("grade"):
            assert meta.get("locked") or meta.get("solution")
            shown = _points_in(last_markdown)
            assert shown == meta["points"], f"{meta['grade_id']}: task says {shown} points, metadata {meta['points']}"


@pytest.mark.parametrize("path", graded_masters(), ids=lambda p: p.name)
def test_graded_cells_have_hidden_tests_and_rubrics(path: Path):
    nb = read(path)
    auto = [c for c in nb.cells if nbgrader_meta(c).get("grade") and c.cell_type == "code"]
    manual = [c for c in nb.cells if nbgrader_meta(c).get("grade") and nbgrader_meta(c).get("solution")]
    if path in assignments():
        assert len(auto) >= 8, "an assignment has at least eight autograded items"
        assert len(manual) >= 2, "an assignment has at least two written answers"
    for cell in auto:
        assert "### BEGIN HIDDEN TESTS" in cell.source, f"{nbgrader_meta(cell)['grade_id']} has no hidden tests"
        assert nbgrader_meta(cell)["locked"]
    for cell in manual:
        assert cell.cell_type == "markdown" and "**Rubric" in cell.source, f"{nbgrader_meta(cell)['grade_id']} needs a rubric"


def test_readme_module_table_matches_the_syllabus():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for m in MODULES:
        assert f"| {m.number}. {m.title} | `{m.folder}/` |" in readme, f"README's module table lacks {m.folder}"
        for nb in m.notebooks:
            assert nb.title in readme or nb.title.split(":")[0] in readme, f"README does not mention {nb.title}"


def test_a_table_that_cuts_its_values_short_is_caught():
    """The check nbval runs on every output (tests/conftest.py) finds pandas' "..." cuts and only those."""
    import pandas as pd

    from conftest import cut_table_values, widest_table

    table = pd.DataFrame({"rule": ["Answer each person individually, no canned replies, even on a busy day"]})
    with pd.option_context("display.max_colwidth", 50):
        cut = {"output_type": "execute_result", "data": {"text/html": table._repr_html_()}}
    with pd.option_context("display.max_colwidth", None, "display.max_rows", 4):
        whole = {"output_type": "execute_result", "data": {"text/html": pd.concat([table] * 10)._repr_html_()}}
    assert cut_table_values([cut]) == ["Answer each person individually, no canned rep..."]
    assert cut_table_values([whole]) == []  # whole values, and pandas' own "..." filler row, pass
    wide = pd.DataFrame([range(14)])
    assert widest_table([{"data": {"text/html": wide._repr_html_()}}]) == 15
    assert widest_table([{"data": {"text/html": wide.T._repr_html_()}}]) == 2


DRAWING = re.compile(r"\b(plt|ax|axes|fig|figure)\.\w+\(|\.plot(\.\w+)?\(")
MAX_DRAWING_LINES = 8


@pytest.mark.parametrize("path", master_notebooks(), ids=lambda p: p.name)
def test_charts_not_their_plotting_code_is_what_a_learner_sees(path: Path):
    """A cell that draws a chart is short (the drawing lives in ``course.charts`` or ``course.datasets.tour_charts``)
    or has its code collapsed, so the chart, not a screen of matplotlib calls, is what the lesson shows."""
    long_cells = []
    for index, cell in enumerate(read(path).cells):
        if cell.cell_type != "code" or cell.metadata.get("jupyter", {}).get("source_hidden"):
            continue
        lines = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if DRAWING.search(cell.source) and len(lines) > MAX_DRAWING_LINES:
            long_cells.append(f"cell {index} ({len(lines)} lines)")
    assert not long_cells, f"{path.name}: plotting code to move into course/ or collapse: {long_cells}"
