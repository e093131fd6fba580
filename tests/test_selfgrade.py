"""`make grade` (``python -m course grade``): private to the learner, and feedback a learner can read.

The real command grades a workbook with answers in it; the instructor's course root ``autograder/`` is
hashed file by file before and after and must not change (no phantom learner, no gradebook, no release
or submitted folder). The feedback page is then read as text and opened in Chromium.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.feedback import item_title, leaks
from course.syllabus import REPO_ROOT
from nbtools import cells_by_id, nbgrader_meta, read, solution_source

M1 = "module1_intro"
ASSIGNMENT = "1.4-assignment.ipynb"
PAGE = ASSIGNMENT.replace(".ipynb", ".html")
LEFT_BLANK = "a1_word_of_mouth"  # Question 4, 3 points
WRONG = "a1_first_reply"  # Question 6, 2 points
WIDE_COLUMN = "a-very-long-column-heading-that-keeps-going-" * 4
WRITTEN = ("**Three benefits.** Trust, support, ideas.\n\n"
           f"| benefit | {WIDE_COLUMN} |\n|---|---|\n| trust | {'evidence ' * 40}|\n\n"
           "<script>window.learnerScriptRan = true;</script><img src=x onerror=\"window.learnerScriptRan = true\">")


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (links not followed): a file's SHA-256, a link's target, or "dir"."""
    found = {}
    for here, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(here) / name
            relative = str(path.relative_to(folder))
            if path.is_symlink():
                found[relative] = "link -> " + os.readlink(path)
            elif path.is_dir():
                found[relative] = "dir"
            else:
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def answer(book: Path, replies: dict[str, str]) -> None:
    path = book / M1 / ASSIGNMENT
    nb = read(path)
    master = cells_by_id(read(REPO_ROOT / M1 / ASSIGNMENT))
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if meta.get("solution"):
            grade_id = meta["grade_id"]
            if grade_id in replies:
                cell.source = replies[grade_id]
            elif cell.cell_type == "code" and grade_id != LEFT_BLANK:
                cell.source = solution_source(master[grade_id])
    nbformat.write(nb, str(path))


def make_grade(book: Path) -> subprocess.CompletedProcess:
    """What `make grade` runs, on this workbook."""
    return subprocess.run([sys.executable, "-m", "course", "grade", M1, "--workbook", str(book)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def graded(module_course_root, tmp_path_factory):
    from course.workbook import generate

    book = tmp_path_factory.mktemp("learner") / "workbook"
    generate(book, module_course_root, [M1])
    answer(book, {WRONG: 'first_reply = "a"', "a1_three_benefits": WRITTEN})
    # Python caches the bytecode of autograder/*.py in autograder/__pycache__ the first time any tool imports
    # them; import them all first, so that the comparison below holds for every byte of the course root.
    for module_file in sorted((REPO_ROOT / "autograder").glob("*.py")):
        if module_file.stem != "nbgrader_config":  # read by nbgrader with exec: no bytecode cached
            importlib.import_module(f"autograder.{module_file.stem}")

    course_root = REPO_ROOT / "autograder"
    before = tree(course_root)
    first = make_grade(book)
    after_first = tree(course_root)
    page = (book / "feedback" / M1 / PAGE).read_text(encoding="utf-8")
    answer(book, {LEFT_BLANK: "word_of_mouth = \"b\"", WRONG: "first_reply = \"a\"", "a1_three_benefits": WRITTEN})  # Q4 done
    second = make_grade(book)
    return {"book": book, "before": before, "after": [after_first, tree(course_root)], "runs": [first, second],
            "page": page, "second_page": (book / "feedback" / M1 / PAGE).read_text(encoding="utf-8")}


def test_make_grade_leaves_the_instructors_course_root_untouched(graded):
    for run in graded["runs"]:
        assert run.returncode == 0, run.stdout + run.stderr
    before = graded["before"]
    assert "gradebook.db" not in before or before["gradebook.db"]  # listed as it was, present or not
    for after in graded["after"]:
        assert after == before, {k: (before.get(k), after.get(k)) for k in set(before) | set(after)
                                 if before.get(k) != after.get(k)}


def test_the_learner_gets_scores_and_feedback_in_their_workbook(graded):
    from nbgrader.api import Gradebook

    book = graded["book"]
    first, second = graded["runs"]
    assert "Autograded score: 13 / 18 points" in first.stdout, first.stdout  # Q4 blank (3), Q6 wrong (2)
    assert "Written answers:  12 points, graded by your instructor" in first.stdout
    assert "Autograded score: 16 / 18 points" in second.stdout, second.stdout  # Q4 now right: nothing stale kept
    assert (book / "feedback" / M1 / PAGE).is_file() and (book / "feedback" / M1 / f"{M1}.md").is_file()
    scratch = book / ".grading" / M1
    with Gradebook(f"sqlite:///{scratch / 'gradebook.db'}") as gradebook:
        assert [s.id for s in gradebook.students] == ["self"]
        assert [a.name for a in gradebook.assignments] == [M1]


def test_the_feedback_page_reads_as_a_learner_needs(graded):
    page, fixed = graded["page"], graded["second_page"]
    text = " ".join(page.split())
    assert "Score: 13 / 18 autograded points" in text
    assert "Written answers (6 points): <strong>waiting for your instructor</strong>" in text  # Q10; Q11 is blank
    assert "0.0 / 6.0" not in text and "Test cell" not in text and "test cell" not in text
    summary = text.split('id="summary"', 1)[1].split("</section>", 1)[0]
    assert "What to revisit</strong> (3 items)" in summary
    for title in ("Question 4 — Monday morning&#39;s backlog", "Question 6 — The first reply",
                  "Question 11 — Case study: the bobbling knitwear"):
        assert title in summary, title
    assert "Question 1 — SPACE+I types" in text and "Question 1 — SPACE+I types" not in summary
    assert text.count("not answered") == 2  # Q4 and Q11
    assert "Answered: graded when you hand in" in text  # the check's own message, per item
    assert "A further test, not shown in your notebook, did not pass for this item." in text  # Q6, wrong
    assert "<script" not in page and "<img src=x" not in page, "learner HTML is shown as text, never run"
    assert "<table>" in page and WIDE_COLUMN in page  # the learner's Markdown table, as a table
    master = read(REPO_ROOT / M1 / ASSIGNMENT)
    assert leaks(page, master, WRITTEN) == [], "hidden tests leak into the feedback"
    assert "Score: 16 / 18 autograded points" in " ".join(fixed.split())


def test_item_titles_come_from_headings_or_the_bold_lead():
    cells = [nbformat.v4.new_markdown_cell("## Part A — Basics\n\n### Question 1 — Types (3 points)\n\n**C** is for"),
             nbformat.v4.new_code_cell("x = ..."),
             nbformat.v4.new_code_cell("check(x)", metadata={"nbgrader": {"grade": True, "grade_id": "q1_check"}}),
             nbformat.v4.new_markdown_cell("**B. The practice crisis (3 points).** After you hand in, ..."),
             nbformat.v4.new_code_cell("check(y)", metadata={"nbgrader": {"grade": True, "grade_id": "b_check"}}),
             nbformat.v4.new_code_cell("check(z)", metadata={"nbgrader": {"grade": True, "grade_id": "z_check"}})]
    assert item_title(cells, 2) == "Question 1 — Types"
    assert item_title(cells, 4) == "B. The practice crisis"
    assert item_title(cells, 5) == "B. The practice crisis"  # the nearest title above it
    assert item_title(cells[1:3], 1) == "q1_check"  # no title above it: its grade id


def test_the_feedback_page_in_a_real_browser(graded):
    from playwright.sync_api import sync_playwright

    from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

    page_file = graded["book"] / "feedback" / M1 / PAGE
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.goto(page_file.as_uri())
            summary = page.inner_text("#summary")
            assert "Score: 16 / 18 autograded points" in summary
            assert "waiting for your instructor" in summary
            assert "Question 6 — The first reply" in summary and "Question 4" not in summary
            body = page.inner_text("body")
            assert "Question 10 — Why pay for a community team?" in body
            assert "not answered" in body and "Answered: graded when you hand in" in body
            assert page.evaluate("window.learnerScriptRan === undefined"), "the learner's script ran"
            # the wide table scrolls in its own box; the page itself is never wider than the window
            box = page.locator(".scroll:has(table)").first
            assert box.evaluate("e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'auto'")
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            page.screenshot(path=str(ARTIFACTS / "selfgrade-feedback.png"), full_page=True)
        finally:
            browser.close()


def test_a_missing_workbook_or_notebook_is_named(tmp_path):
    missing = make_grade(tmp_path / "nowhere")
    assert missing.returncode == 1 and f"{tmp_path / 'nowhere' / M1} does not exist" in missing.stderr, missing.stderr
    (tmp_path / "book" / M1).mkdir(parents=True)  # the module's folder, without its assignment
    empty = make_grade(tmp_path / "book")
    assert empty.returncode == 1 and f"{tmp_path / 'book' / M1 / ASSIGNMENT} is missing" in empty.stderr, empty.stderr
