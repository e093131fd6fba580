"""Shared fixtures: a throw-away nbgrader course root wired to the real module folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from course.nbgrader_cli import scratch_course_root as make_course_root  # the tests import it from here

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/helpers, tests/answer_keys


@pytest.fixture
def course_root(tmp_path: Path) -> Path:
    return make_course_root(tmp_path)


@pytest.fixture(scope="module")
def module_course_root(tmp_path_factory) -> Path:
    return make_course_root(tmp_path_factory.mktemp("nbgrader"))


# nbval runs every master notebook (see pyproject's testpaths). A cell that writes to stderr
# (a pandas or matplotlib warning, say) scores zero under nbgrader, so it fails here too.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    outputs = getattr(item, "test_outputs", None)
    if outputs:
        stderr = [o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        if stderr:
            raise AssertionError(f"{item.nodeid} wrote to stderr (it would score 0 under nbgrader):\n" + "".join(stderr))
    return result
