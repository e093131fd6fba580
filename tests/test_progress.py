"""The progress record and its view: record, then read back per notebook; bad records never crash."""

from __future__ import annotations

import json

import matplotlib
import pytest

from course import progress
from course.__main__ import main
from course.exercises.module1 import lesson1
from course.quiz import load_quiz

matplotlib.use("Agg")


@pytest.fixture
def record_file(tmp_path):
    return tmp_path / progress.RECORD_NAME


@pytest.fixture
def displayed(monkeypatch):
    """What the notebook view displays, as text (Markdown source, tables as text)."""
    import IPython.display

    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display",
                        lambda obj: shown.append(getattr(obj, "data", None) or getattr(obj, "to_string", str)()))
    return shown


def test_the_catalogue_maps_every_question_to_its_notebook():
    found = {ex.id: (ex.module.folder, ex.notebook.file) for ex in progress.catalogue()}
    assert found["m1l1_space_types"] == ("module1_intro", "1.1-what-is-community-management.ipynb")
    assert found["a1_space_types"] == ("module1_intro", "1.4-assignment.ipynb")
    assert found["c43_triage"] == ("module4_interaction", "4.3-crisis-management.ipynb")
    quiz = load_quiz("module1")
    assert all(found[quiz.question_id(item)] == ("module1_intro", "1.5-review-quiz.ipynb") for item in quiz.items)
    assert {"m1l1_community_or_audience", "m1l1_cm_or_smm", "m1l1_jacket_week"} <= set(found)
    graded = {ex.id for ex in progress.catalogue() if ex.graded}  # checked in a grade cell
    assert {"a1_space_types", "c43_runs_cleanly"} <= graded
    assert not graded & {"c43_triage", "m1l1_space_types", quiz.question_id(quiz.items[0])}


@pytest.mark.parametrize("name, notebook", [("module1", ("module1_intro", "1.5-review-quiz.ipynb")),
                                            ("module2", ("module2_strategy", "2.5-review-quiz.ipynb")),
                                            ("module3", ("module3_social", "3.5-review-quiz.ipynb")),
                                            ("module4", ("module4_interaction", "4.5-review-quiz.ipynb")),
                                            ("module5", ("module5_analysis", "5.5-review-quiz.ipynb"))])
def test_every_quiz_item_is_counted_under_its_quiz_notebook(name, notebook):
    quiz = load_quiz(name)
    found = [(ex.module.folder, ex.notebook.file, ex.graded) for ex in progress.catalogue()
             if ex.id.startswith(quiz.id + ".")]
    assert found == [(*notebook, False)] * len(quiz.items)
    row = progress.summary({quiz.question_id(quiz.items[0]): {"best": "correct"}}).set_index("notebook").loc[quiz.title]
    assert (row["exercises"], row["right"], row["not attempted"]) == (10, 1, 9)


def test_a_lab_shows_its_practice_and_graded_exercises_apart():
    frame = progress.summary({"c43_triage": {"best": "correct"}})
    lesson = frame[frame["notebook"] == "Crisis management on social media"]  # 4.3: practice only
    assert list(lesson["graded"]) == [False] and list(lesson["right"]) == [1] and list(lesson["exercises"]) == [2]
    lab = frame[frame["notebook"] == "Crisis management on social media: the response policy lab"]  # 4.3b
    assert list(lab["graded"]) == [True] and list(lab["right"]) == [0] and list(lab["exercises"]) == [1]


def test_record_then_view(record_file):
    lesson1.space_types.check({})  # outside a workbook nothing is written ...
    assert not record_file.exists()
    progress.record("m1l1_space_types", "not yet right", record_file)
    progress.record("m1l1_space_types", "correct", record_file)
    progress.record("m1l1_space_types", "not yet right", record_file)  # once right, it stays right
    progress.record("m1l1_cm_or_smm", "not yet right", record_file)
    progress.record("m1_review.job_ad", "correct", record_file)
    entries = progress.load(record_file)
    assert entries["m1l1_space_types"]["best"] == "correct" and entries["m1l1_space_types"]["attempts"] == 3

    frame = progress.summary(entries).set_index("notebook")
    row = frame.loc["What is community management?"]
    assert (row["exercises"], row["right"], row["not yet right"], row["not attempted"]) == (4, 1, 1, 2)
    assert frame.loc["Module 1 review quiz", "right"] == 1 and frame.loc["Module 1 review quiz", "exercises"] == 10
    assert frame.loc["Assignment 1: foundations", "graded"] and not frame.loc["What is community management?", "graded"]

    text = progress.table(record_file)
    assert "Module 1: Introduction to Community Management" in text and "2 of " in text
    assert "Assignment 1: foundations *" in text and "ready for grading" in text
    detail = progress.detail(entries).set_index("exercise")
    assert detail.loc["m1l1_space_types", "state"] == "right" and detail.loc["m1l1_cm_or_smm", "state"] == "not yet right"
    assert detail.loc["m1l1_jacket_week", "state"] == "not attempted"


def test_the_check_records_inside_a_workbook(tmp_path, monkeypatch):
    (tmp_path / progress.WORKBOOK_MARK).write_text("{}")
    (tmp_path / "module1_intro").mkdir()
    monkeypatch.chdir(tmp_path / "module1_intro")
    lesson1.jacket_week.check("a")
    assert progress.load()["m1l1_jacket_week"]["best"] == "not yet right"


@pytest.mark.parametrize("content, says", [
    (None, "No progress recorded yet"),
    ("", "is empty"),
    ("{\"m1l1_space_types\": {\"best\": \"corr", "is damaged (not valid JSON"),
    ("[1, 2, 3]", "holds a list"),
    (b"\xff\xfe\x00garbage", "cannot be read"),
])
def test_an_empty_or_damaged_record_is_reported_never_crashes(record_file, capsys, displayed, content, says):
    if isinstance(content, bytes):
        record_file.write_bytes(content)
    elif content is not None:
        record_file.write_text(content)
    record = progress.read(record_file)
    assert record.entries == {} and says in record.note
    assert progress.load(record_file) == {}
    assert main(["progress", "--record", str(record_file)]) == 0
    out = capsys.readouterr().out
    assert says in out and "Progress: 0 of" in out
    progress.show(record_file)  # the notebook view shows the note, the zero table and the chart
    assert says in displayed[0] and "0 of" in displayed[1] and "What is community management?" in displayed[2]


def test_a_damaged_record_is_kept_aside_when_the_next_check_writes(record_file):
    record_file.write_text("{not json")
    progress.record("m1l1_space_types", "correct", record_file)
    assert (record_file.parent / (record_file.name + ".damaged")).read_text() == "{not json"
    assert progress.load(record_file)["m1l1_space_types"]["best"] == "correct"


def test_malformed_entries_are_skipped_with_a_note(record_file):
    record_file.write_text(json.dumps({"m1l1_space_types": {"best": "correct"}, "m1l1_cm_or_smm": "correct"}))
    record = progress.read(record_file)
    assert list(record.entries) == ["m1l1_space_types"] and "1 malformed entry" in record.note
    assert progress.summary(record.entries)["right"].sum() == 1


def test_no_workbook_means_a_note_not_an_error(tmp_path, monkeypatch, displayed):
    monkeypatch.chdir(tmp_path)
    assert progress.record_path() is None
    progress.show()
    assert "not inside a learner workbook" in displayed[0]


def test_the_command_prints_the_table_detail_and_saves_the_chart(record_file, tmp_path, capsys):
    progress.record("l12_benefits", "correct", record_file)
    chart = tmp_path / "progress.png"
    assert main(["progress", "--record", str(record_file), "--detail", "--chart", str(chart)]) == 0
    out = capsys.readouterr().out
    assert "Progress: 1 of" in out and "l12_benefits" in out and "Chart saved" in out
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_chart_draws_one_bar_per_notebook_with_the_counts(record_file):
    progress.record("l12_benefits", "correct", record_file)
    frame = progress.summary(progress.load(record_file))
    figure = progress.chart(frame)
    ax = figure.axes[0]
    green = [bar.get_width() for bar in ax.containers[0]]
    assert len(green) == len(frame) and sum(green) == 1
    assert sum(bar.get_width() for container in ax.containers for bar in container) == frame["exercises"].sum()


def test_the_course_map_links_every_notebook(displayed):
    progress.course_map()
    text = displayed[0]
    assert "(1.1-what-is-community-management.ipynb)" in text
    assert "(../module4_interaction/4.3-crisis-management.ipynb)" in text
    assert "(../module2_strategy/2.2-target-audience.ipynb)" in text
    assert "(../module2_strategy/2.5-review-quiz.ipynb)" in text
    from course.syllabus import MODULES

    for m in MODULES:  # a module without notebooks is announced, one with notebooks links each of them
        assert (f"{m.title} | *coming soon*" in text) == (not m.notebooks), m.title
        for nb in m.notebooks:
            assert f"{nb.file})" in text, nb.file


def test_an_unreadable_master_is_left_out_not_an_error(monkeypatch, tmp_path):
    from course import syllabus

    lesson = next(m for m in syllabus.MODULES if m.folder == "module5_analysis")
    monkeypatch.setattr(type(lesson), "path", property(lambda m: tmp_path if m is lesson else syllabus.REPO_ROOT / m.folder))
    found = {ex.module.folder for ex in progress.catalogue()}
    assert "module5_analysis" not in found and "module1_intro" in found
