"""Shared fixtures: a throw-away nbgrader course root wired to the real module folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from course.nbgrader_cli import scratch_course_root as make_course_root  # the tests import it from here

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/helpers, tests/answer_keys


def add_students(root: Path, names: dict[str, tuple[str, str]]) -> None:
    """Put learners in the course's gradebook, ``{id: (first name, last name)}``, with one run of
    ``nbgrader db student import`` (a run per learner would load nbgrader again for each)."""
    import csv

    from course.nbgrader_cli import nbgrader

    listing = Path(root) / "students-to-import.csv"
    with listing.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "first_name", "last_name"])
        writer.writerows([student, first, last] for student, (first, last) in names.items())
    try:
        nbgrader("db", "student", "import", str(listing), root=root)
    finally:
        listing.unlink()


@pytest.fixture
def course_root(tmp_path: Path) -> Path:
    return make_course_root(tmp_path)


@pytest.fixture(scope="module")
def module_course_root(tmp_path_factory) -> Path:
    return make_course_root(tmp_path_factory.mktemp("nbgrader"))


# nbval runs every master notebook (see pyproject's testpaths). A cell that writes to stderr
# (a pandas or matplotlib warning, say) scores zero under nbgrader, so it fails here too; and a table
# that cuts a value short ("Answer each person individually, no canned rep...") or is too wide for the
# screen (its first, key column scrolls away) fails, because a learner cannot read what the lesson shows.
@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    outputs = getattr(item, "test_outputs", None)
    if outputs:
        stderr = [o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        if stderr:
            raise AssertionError(f"{item.nodeid} wrote to stderr (it would score 0 under nbgrader):\n" + "".join(stderr))
        cut = cut_table_values(outputs)
        if cut:
            raise AssertionError(f"{item.nodeid} shows a table with values cut short: {cut[:3]}")
        wide = widest_table(outputs)
        if wide > MAX_TABLE_COLUMNS:
            raise AssertionError(f"{item.nodeid} shows a table of {wide} columns, wider than a screen: show it "
                                 f"turned (.T) or pick at most {MAX_TABLE_COLUMNS} columns")
    return result


MAX_TABLE_COLUMNS = 12  # about 1,000 pixels of a pandas table in JupyterLab, measured in Chromium


def widest_table(outputs) -> int:
    """The number of columns (index included) of the widest HTML table in ``outputs``."""
    import re

    widest = 0
    for table in _html(outputs):
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
            widest = max(widest, len(re.findall(r"<t[dh][\s>]", row)))
    return widest


def _html(outputs) -> list[str]:
    """The HTML of each output (pandas tables among it)."""
    pieces = [(output.get("data") or {}).get("text/html", "") for output in outputs]
    return ["".join(piece) if isinstance(piece, list) else piece for piece in pieces]


def cut_table_values(outputs) -> list[str]:
    """The values of the HTML tables in ``outputs`` that pandas shortened with "..." (not its "..." filler cells)."""
    import html
    import re

    found = []
    for table in _html(outputs):
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", table, re.S):
            value = html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            if value.endswith("...") and value != "...":
                found.append(value)
    return found
