"""The grader's own shortcuts make nbgrader faster and change nothing it decides.

Grading kernels are killed, not asked to shut down (that every process still ends with its kernel is shown by
the corpus in ``test_autograder_corpus.py``, and that the grades equal stock nbgrader's by
``test_grading_e2e.py``); the grading metadata's schema is checked once per worker instead of once per cell; a worker's gradebooks share one
SQLAlchemy engine per URL.
"""

from __future__ import annotations

import copy

import jsonschema
import pytest
from nbformat.v4 import new_code_cell
from nbgrader.nbgraderformat import MetadataValidator, ValidationError

from autograder.grading import cached_metadata_schema, load_config, shared_gradebook_engine
from conftest import make_course_root

GOOD = {"grade": True, "grade_id": "q1_answer", "locked": False, "points": 2, "schema_version": 3,
        "solution": True, "task": False}
BAD = {
    "points as words": {**GOOD, "points": "two"},
    "no locked flag": {key: value for key, value in GOOD.items() if key != "locked"},
    "grade not a flag": {**GOOD, "grade": "yes"},
}


def _cell(meta):
    return new_code_cell("answer = 1", metadata={"nbgrader": copy.deepcopy(meta)})


@pytest.mark.parametrize("name", list(BAD))
def test_cached_schema_raises_what_stock_validation_raises(name):
    validator = MetadataValidator()
    with pytest.raises(jsonschema.ValidationError) as stock:
        jsonschema.validate(BAD[name], validator.schema)  # what nbgrader calls without the shortcut
    cached_metadata_schema()
    with pytest.raises(ValidationError) as cached:
        validator.validate_cell(_cell(BAD[name]))
    assert cached.value.message == stock.value.message and list(cached.value.path) == list(stock.value.path)


def test_cached_schema_passes_well_formed_metadata_and_checks_the_schema_once(monkeypatch):
    cached_metadata_schema()
    checked = []
    original = jsonschema.Draft4Validator.check_schema
    monkeypatch.setattr(jsonschema.Draft4Validator, "check_schema",
                        classmethod(lambda cls, schema, **kw: (checked.append(1), original(schema, **kw))))
    validator = MetadataValidator()  # a new schema object, as each notebook's converter makes one
    for _ in range(20):
        validator.validate_cell(_cell(GOOD))
    assert len(checked) <= 1


def test_the_grader_kills_its_kernels_instead_of_waiting_for_them(tmp_path):
    config = load_config(make_course_root(tmp_path), sandbox=False)
    assert config.GuardedExecute.shutdown_kernel == "immediate"


def test_gradebooks_of_one_worker_share_an_engine_and_write_the_same_rows(tmp_path):
    """One engine per gradebook URL: a second Gradebook reuses it (no new pool, no table check), yet each has its
    own session, sees what the other committed, and a gradebook file made from scratch still gets every table."""
    import sqlite3

    from nbgrader import api

    shared_gradebook_engine()
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with api.Gradebook(url) as first:
        first.add_assignment("module1_intro")
        first.add_student("ada", first_name="Ada")
        engine = first.engine
    with api.Gradebook(url) as second:
        assert second.engine is engine and second.db is not None
        assert [s.id for s in second.students] == ["ada"] and second.find_assignment("module1_intro")
        second.add_student("grace")
    with api.Gradebook(url) as third:
        assert sorted(s.id for s in third.students) == ["ada", "grace"]
    other = tmp_path / "other.db"
    with api.Gradebook(f"sqlite:///{other}") as fresh:
        assert fresh.engine is not engine
    tables = {row[0] for row in sqlite3.connect(other).execute("select name from sqlite_master where type='table'")}
    assert {"student", "assignment", "submitted_assignment", "grade", "comment", "alembic_version"} <= tables
