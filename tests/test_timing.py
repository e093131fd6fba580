"""Every notebook states its measured time, and lessons fit a sitting (30–45 minutes)."""

from __future__ import annotations

import nbformat
import pytest

from course.syllabus import MODULES
from course.timing import LESSON_RANGE, measure

NOTEBOOKS = [(m, nb) for m in MODULES for nb in m.notebooks]


@pytest.mark.parametrize("module, notebook", NOTEBOOKS, ids=[nb.file for _, nb in NOTEBOOKS])
def test_each_notebook_states_the_time_it_measures(module, notebook):
    path = module.path / notebook.file
    timing = measure(path)
    assert timing.stated is not None, f"{notebook.file}: state '**Time:** about N minutes' in the first cell"
    assert timing.agrees(), f"{notebook.file} states {timing.stated} minutes; it measures {timing.estimate}"
    meta = nbformat.read(str(path), as_version=4).metadata.get("course", {})
    if meta.get("activity_minutes"):
        assert meta.get("activity_reason", "").strip(), f"{notebook.file}: say what the activity minutes are for"
    if "exercise_minutes" in meta:
        assert meta.get("exercise_reason", "").strip(), f"{notebook.file}: say why its exercises take other minutes"
        assert 1 <= meta["exercise_minutes"] <= 3, f"{notebook.file}: an exercise takes 1 to 3 minutes"
    if notebook.kind in ("lesson", "lab"):
        low, high = LESSON_RANGE
        assert low <= timing.stated <= high, f"{notebook.file}: a lesson takes {low}-{high} minutes, not {timing.stated}"


def test_the_estimate_counts_reading_exercises_written_answers_and_activities(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# T\n\n**Time:** about 9 minutes\n\n" + "word " * 400),
        nbformat.v4.new_code_cell("x = ...", metadata={"nbgrader": {"solution": True, "grade": False}}),
        nbformat.v4.new_markdown_cell("answer", metadata={"nbgrader": {"solution": True, "grade": True}}),
    ])
    nb.metadata["course"] = {"activity_minutes": 2, "activity_reason": "a quiz"}
    path = tmp_path / "t.ipynb"
    nbformat.write(nb, str(path))
    timing = measure(path)
    assert (timing.exercises, timing.written, timing.stated) == (1, 1, 9)
    assert timing.words == 406 and timing.estimate == 15  # 406 words at 200 a minute, 3 + 8 + 2 minutes
    assert not timing.agrees()  # 9 stated against 15 measured


def test_a_notebook_may_declare_quicker_exercises(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# T\n\n**Time:** about 3 minutes"),
        *[nbformat.v4.new_code_cell("x = ...", metadata={"nbgrader": {"solution": True, "grade": False}})
          for _ in range(4)],
    ])
    nb.metadata["course"] = {"exercise_minutes": 1.5, "exercise_reason": "one-letter choices"}
    path = tmp_path / "t.ipynb"
    nbformat.write(nb, str(path))
    assert measure(path).estimate == 6  # 4 choices at 1.5 minutes, not 3
