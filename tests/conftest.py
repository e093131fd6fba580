"""Shared fixtures: a throw-away nbgrader course root wired to the real module folders."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/helpers, tests/answer_keys


def make_course_root(where: Path) -> Path:
    """A copy of autograder/ (config + source links) in ``where``: runtime state stays out of the repo."""
    root = where / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy(REPO / "autograder" / "nbgrader_config.py", root / "nbgrader_config.py")
    for link in (REPO / "autograder" / "source").iterdir():
        (root / "source" / link.name).symlink_to(link.resolve())
    return root


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
