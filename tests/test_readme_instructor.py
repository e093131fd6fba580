"""The README's instructor round, run as written, and the class report it ends with.

The commands come from the README's "whole round in one go" block, so the README stays true: each runs from
a scratch copy of the course root (what `cd autograder` stands for) with the project's environment, as root
(the sandbox needs it), and must finish without a warning, critical or traceback line. The course root
belongs to root and a group of its own, as on the course hub; the graded files must be readable by that
group without being root. Then the class report is read as an instructor reads it, in Chromium too.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from conftest import REPO, make_course_root
from nbtools import read
from test_browser import CHROMIUM, CHROMIUM_ARGS
from test_grading_e2e import AUTO_MAX, ASSIGNMENT, NOTEBOOK, build_submission

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the README's instructor runs grading as root (sandbox)")

ARTIFACTS = REPO / "test-artifacts"
GROUP = 65534  # nogroup: stands for the hub's instructors' group; nobody (65534) reads as its member
HOSTILE = '<img src=x onerror="window.learnerScriptRan = true">'
LEARNERS = {"full": "full", "partly_wrong": "partly_wrong", "blank": "blank", HOSTILE: "full"}
WARNING = re.compile(r"warning|\[W |\[C |\bcritical\b|traceback|\berrors?\b", re.I)  # on stderr
LOUD = re.compile(r"warning|\bcritical\b|traceback", re.I)  # on stdout (where grading prints its status lines)
# the one warning the README announces: nbgrader creating the exchange on the first release
ANNOUNCED = "Creating exchange directory"


def readme_round() -> list[str]:
    """The commands of the README's "whole round in one go" block, comments dropped (a comment line stays as
    the "#" that marks where the submissions come in)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("The whole round in one go")
    block = text[text.index("```bash\n", start) + len("```bash\n"):]
    block = block[:block.index("```")]
    lines = []
    for line in block.splitlines():
        command = line.split("  #", 1)[0].strip()
        lines.append("#" if line.lstrip().startswith("#") else command)
    return [line for line in lines if line]


def hand_in(root: Path) -> None:
    """The class's submissions, placed by hand as step 3 allows."""
    release = read(root / "release" / ASSIGNMENT / NOTEBOOK)
    master = read(root / "source" / ASSIGNMENT / NOTEBOOK)
    for student, kind in LEARNERS.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(build_submission(kind, release, master), folder / NOTEBOOK)


@pytest.fixture(scope="module")
def instructor_round():
    scratch = Path(tempfile.mkdtemp(prefix="cmw-readme-", dir="/var/tmp"))
    scratch.chmod(0o711)  # the group's reader gets through to the course root, as on the hub
    try:
        root = make_course_root(scratch)
        os.chown(root, 0, GROUP)
        root.chmod(0o2770)
        with (root / "students.csv").open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "first_name", "last_name", "email"])
            writer.writerows([student, "Hostile" if student == HOSTILE else student.title(), "Learner", ""]
                            for student in LEARNERS)
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        env.pop("GRADEBOOK_URL", None)
        runs = []
        started = time.perf_counter()
        for command in readme_round():
            if command == "cd autograder":
                continue  # the scratch course root stands for autograder/
            if command == "#":
                hand_in(root)
                continue
            done = subprocess.run(shlex.split(command), cwd=root, env=env, capture_output=True, text=True,
                                  timeout=900)
            runs.append((command, done))
            print(f"{command}: {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
        yield root, runs
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def test_the_readmes_instructor_round_runs_as_written_without_warnings(instructor_round):
    root, runs = instructor_round
    assert [command.split()[:3] for command, _ in runs][:2] == [["nbgrader", "generate_assignment", ASSIGNMENT],
                                                                ["nbgrader", "release_assignment", ASSIGNMENT]]
    assert any(command.startswith("python -m autograder grade") for command, _ in runs)
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    for command, done in runs:
        assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        noisy = [line for line in done.stderr.splitlines() if WARNING.search(line)
                 and not (ANNOUNCED in line and "release_assignment" in command)]
        noisy += [line for line in done.stdout.splitlines() if LOUD.search(line)]
        assert not noisy, f"{command} printed:\n" + "\n".join(noisy[:10])
    assert "creates it and says so in a `WARNING` line" in readme  # the one warning left is announced
    with (root / "grades.csv").open(newline="") as handle:
        scores = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    assert scores == {"full": AUTO_MAX, "partly_wrong": AUTO_MAX - 6, "blank": 0, HOSTILE: AUTO_MAX}
    assert (root / "reports" / ASSIGNMENT / "report.html").is_file()


def test_generate_assignment_on_an_existing_release_needs_force_as_the_readme_says(instructor_round):
    root, _runs = instructor_round
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    again = subprocess.run(["nbgrader", "generate_assignment", ASSIGNMENT], cwd=root, env=env, capture_output=True,
                           text=True, timeout=300)
    assert "Skipping existing assignment" in again.stderr, again.stderr[-2000:]
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert '("Skipping existing assignment")' in readme and f"nbgrader generate_assignment {ASSIGNMENT} --force" in readme


def test_graded_files_belong_to_the_course_and_its_group_reads_them(instructor_round):
    root, _runs = instructor_round
    for top in ("autograded", "feedback"):
        paths = list((root / top).rglob("*"))
        assert any(p.is_file() for p in paths), top
        for path in paths:
            info = path.lstat()
            assert (info.st_uid, info.st_gid) == (0, GROUP), f"{path} belongs to {info.st_uid}:{info.st_gid}"
            wanted = 0o050 if path.is_dir() else 0o040
            assert stat.S_IMODE(info.st_mode) & wanted == wanted, f"{path}: {stat.filemode(info.st_mode)}"
    graded = root / "autograded" / "full" / ASSIGNMENT / NOTEBOOK
    feedback = root / "feedback" / "full" / ASSIGNMENT / NOTEBOOK.replace(".ipynb", ".html")
    for path in (graded, feedback):  # read as a member of the group who is not root
        done = subprocess.run(["setpriv", f"--reuid={GROUP}", f"--regid={GROUP}", "--clear-groups", "head", "-c", "20",
                               str(path)], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0 and done.stdout, done.stderr
    stranger = subprocess.run(["setpriv", "--reuid=65533", "--regid=65533", "--clear-groups", "head", "-c", "20",
                               str(graded)], capture_output=True, text=True, timeout=30)
    assert stranger.returncode != 0, "an account outside the group reads graded work"


def _tables(page: str) -> dict[str, list[list[str]]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    return {table["id"]: [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
                          for row in table.find_all("tr")] for table in soup.find_all("table")}


def test_the_class_report_names_items_separates_written_answers_and_has_a_row_per_learner(instructor_round):
    root, _runs = instructor_round
    page = (root / "reports" / ASSIGNMENT / "report.html").read_text(encoding="utf-8")
    tables = _tables(page)
    auto = {row[0].split(" a1_")[0]: row for row in tables["autograded-items"][1:]}
    written = {row[0].split(" a1_")[0]: row for row in tables["written-items"][1:]}
    assert list(auto)[:2] == ["Q1 SPACE+I types", "Q2 Community or audience?"] and len(auto) == 9, list(auto)
    assert "Q6 The first reply" in auto and auto["Q6 The first reply"][2] == "3/4"  # full x2, partly_wrong
    assert auto["Q1 SPACE+I types"][2] == "2/4"  # partly_wrong's labels are wrong
    assert set(written) == {"Q10 Why pay for a community team?", "Q11 Case study: the bobbling knitwear"}
    assert not set(written) & set(auto)
    assert written["Q10 Why pay for a community team?"][2:4] == ["1/4", "3"]  # blank scores 0 at once; 3 wait
    people = {row[0]: row for row in tables["learners"][1:]}
    assert set(people) == set(LEARNERS)
    assert people["full"][1:4] == [f"{AUTO_MAX}/{AUTO_MAX}", "0/12 (2 waiting)", f"{AUTO_MAX}/30"]
    assert people["full"][5] == "graded" and people["full"][6] == ""
    assert people["partly_wrong"][6] == "Q1, Q4" and people["partly_wrong"][1] == f"{AUTO_MAX - 6}/{AUTO_MAX}"
    assert people["blank"][6] == ", ".join(f"Q{n}" for n in range(1, 10))
    assert HOSTILE not in page and "&lt;img src=x onerror=" in page  # the learner id is text, not markup


def test_the_class_reports_charts_count_whole_learners(instructor_round):
    from autograder.reports import charts, report_data

    root, _runs = instructor_round
    figures = charts(report_data(root, ASSIGNMENT))
    assert set(figures) == {"distribution", "by_item"}
    axes = {"distribution": figures["distribution"].axes[0].yaxis, "by_item": figures["by_item"].axes[0].xaxis}
    for name, axis in axes.items():
        low, high = sorted(axis.get_view_interval())
        ticks = [t for t in axis.get_majorticklocs() if low - 1e-9 <= t <= high + 1e-9]
        assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), (name, ticks)
        assert axis.get_label_text() == "learners"
    labels = [t.get_text() for t in figures["by_item"].axes[0].get_yticklabels()]
    assert labels[-1] == "Q1 SPACE+I types" and "Q6 The first reply" in labels


def test_the_class_report_reads_in_a_browser_and_runs_no_learner_markup(instructor_round):
    from playwright.sync_api import expect, sync_playwright

    root, _runs = instructor_round
    assert Path(CHROMIUM).exists(), "Chromium is missing: install Debian's chromium (make test does it)"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto((root / "reports" / ASSIGNMENT / "report.html").as_uri())
            expect(page.get_by_role("heading", name="Written answers")).to_be_visible()
            learners = page.locator("#learners")
            expect(learners).to_contain_text(HOSTILE)  # shown as the text it is
            for image in page.locator("img").all():
                assert image.evaluate("i => i.complete && i.naturalWidth > 0"), "a chart did not load"
            assert page.evaluate("window.learnerScriptRan === undefined"), "a learner's id ran as markup"
            page.screenshot(path=str(ARTIFACTS / "class-report.png"), full_page=True)
        finally:
            browser.close()
