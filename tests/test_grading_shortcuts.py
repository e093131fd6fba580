"""The grader's own shortcuts make nbgrader faster and change nothing it decides.

Grading kernels are killed, not asked to shut down (that every process still ends with its kernel is shown by
the corpus in ``test_autograder_corpus.py``, and that the grades equal stock nbgrader's by
``test_grading_e2e.py``); the grading metadata's schema is checked once per worker instead of once per cell; a worker's gradebooks share one
SQLAlchemy engine per URL.
"""

from __future__ import annotations

import copy
import os

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


@pytest.mark.parametrize("sandboxed", [False, True])
def test_grading_kernels_talk_over_private_unix_sockets_and_print_nothing(sandboxed, tmp_path):
    """Loopback TCP ports can be reached by any account on the machine, and ipykernel warns on stderr for each
    kernel that uses them; the grader's kernels, with or without the sandbox, use Unix sockets in a folder of
    their own."""
    import asyncio
    import stat

    from autograder.sandbox import SafePathKernelManager, SandboxKernelManager, availability, kernel_uid

    if sandboxed and not availability()[0]:
        pytest.skip(availability()[1])
    manager = SandboxKernelManager() if sandboxed else SafePathKernelManager(allow_root=True)
    errors = (tmp_path / "stderr.txt").open("w+")

    async def run():
        await manager.start_kernel(stderr=errors, cwd=str(tmp_path))  # the sandbox gives this folder away
        client = manager.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            folder = os.path.dirname(manager.ip)
            owner = kernel_uid() if sandboxed else os.getuid()  # the sandboxed kernel's own account binds them
            assert stat.S_IMODE(os.stat(folder).st_mode) & 0o777 == 0o700 and os.stat(folder).st_uid == owner
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)

    assert manager.transport == "ipc"
    asyncio.run(run())
    assert not os.path.exists(os.path.dirname(manager.ip)), "the kernel's folder outlived it"
    errors.seek(0)
    assert errors.read() == ""


def test_the_sandbox_refuses_to_give_away_a_folder_that_holds_what_the_kernel_keeps(tmp_path):
    """Started by mistake in the repository (which holds the environment and the course package), the sandbox
    would hand everything in it to the kernel's user; it refuses, and changes nothing."""
    import subprocess
    import sys

    from autograder.sandbox import JAIL, NAMESPACES, availability, kernel_uid

    if not availability()[0]:
        pytest.skip(availability()[1])
    (tmp_path / "environment").mkdir()
    (tmp_path / "environment" / "module.py").write_text("")
    before = [(p, p.stat().st_uid) for p in sorted(tmp_path.rglob("*"))]
    done = subprocess.run([*NAMESPACES, sys.executable, "-I", "-S", str(JAIL), "--uid", str(kernel_uid()),
                           "--keep", str(tmp_path / "environment"), "--", sys.executable, "-c", "pass"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "refusing to start the kernel in" in done.stderr, done.stderr
    assert str(tmp_path / "environment") in done.stderr
    assert [(p, p.stat().st_uid) for p in sorted(tmp_path.rglob("*"))] == before


def test_the_sweep_removes_a_kernels_group_its_clean_up_left_behind_and_kills_what_is_in_it():
    """Under heavy load a learner's child programs can outlive the kernel's clean-up; the grader sweeps the
    groups it made after each submission, so the next learner starts with none of them."""
    import subprocess
    import sys

    from autograder import cgroups

    group = cgroups.create(256 * 1024 ** 2, 64)
    if group is None:
        pytest.skip("this machine offers no control groups to the grader")
    straggler = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        for folder in group.folders:
            with open(os.path.join(folder, "cgroup.procs"), "w") as procs:
                procs.write(str(straggler.pid))
        assert set(group.folders) <= cgroups.existing()
        assert cgroups.sweep() == []
        assert not set(group.folders) & cgroups.existing()
        assert straggler.wait(timeout=10) == -9  # killed, not left running
    finally:
        straggler.kill()
