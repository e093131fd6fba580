"""A real browser test: in JupyterLab and headless Chromium, take a module's review quiz, then see it on the start page.

Runs the learner copies generated from the masters (`Run All` on each, as a learner would), answers a
question, reads the explanation, reaches the score, follows the link to the lesson to revisit, then opens
1.0 and finds the progress table with the quiz's answers in it. Once per module with a quiz; screenshots go
to test-artifacts/ (review-quiz-module1.png, start-page-module1.png, ...).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.quiz import load_quiz
from nbtools import jupyterlab_for_browser
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

# quiz name -> the quiz notebook, and the module folders its workbook needs (1.0, the start page, is in module 1)
QUIZZES = {
    "module1": ("module1_intro/1.5-review-quiz.ipynb", ["module1_intro"]),
    "module2": ("module2_strategy/2.5-review-quiz.ipynb", ["module1_intro", "module2_strategy"]),
    "module3": ("module3_social/3.5-review-quiz.ipynb", ["module1_intro", "module3_social"]),
    "module4": ("module4_interaction/4.5-review-quiz.ipynb", ["module1_intro", "module4_interaction"]),
    "module5": ("module5_analysis/5.5-review-quiz.ipynb", ["module1_intro", "module5_analysis"]),
}
START = "module1_intro/1.0-start-here.ipynb"

OPEN_AND_IDLE = """(path) => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  return widget && widget.context && widget.context.path === path && widget.sessionContext
         && widget.sessionContext.session && widget.sessionContext.session.kernel
         && widget.sessionContext.session.kernel.status === 'idle';
}"""
RUN_ALL = "async () => { await window.jupyterapp.commands.execute('notebook:run-all-cells'); }"


def open_and_run_all(page, base: str, token: str, notebook: str) -> None:
    """Open ``notebook`` (a path in the workbook) in JupyterLab, wait for its kernel, then Run All."""
    page.goto(f"{base}/lab/tree/{notebook}?reset&token={token}", timeout=90_000)
    page.wait_for_function(OPEN_AND_IDLE, arg=notebook, timeout=90_000)
    page.evaluate(RUN_ALL)


@pytest.fixture(scope="module", params=list(QUIZZES))
def lab_with_workbook(request, tmp_path_factory):
    assert Path(CHROMIUM).exists(), "Chromium is missing: install Debian's chromium (`make browser` does it)"
    name = request.param
    path, folders = QUIZZES[name]
    with jupyterlab_for_browser(tmp_path_factory.mktemp(f"browser-quiz-{name}"), folders) as lab:
        yield (name, path, *lab)


def _open(page, base, token, path):
    page.goto(f"{base}/lab/tree/{path}?reset&token={token}", timeout=90_000)
    page.wait_for_function(OPEN_AND_IDLE, arg=path, timeout=90_000)
    page.evaluate(RUN_ALL)


def test_review_quiz_then_progress_on_the_start_page(lab_with_workbook):
    from playwright.sync_api import expect, sync_playwright

    name, path, base, token, book = lab_with_workbook
    quiz = load_quiz(name)
    first = quiz.items[0]
    lesson_title = quiz.lesson_title(first.lesson)  # the lesson to revisit: only question 1 is missed
    lesson_path = f"{path.split('/')[0]}/{quiz.lessons[first.lesson]}"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        try:
            _open(page, base, token, path)
            view = page.locator(".cmw-quiz").first
            expect(view).to_be_visible(timeout=90_000)
            view.scroll_into_view_if_needed()
            expect(view).to_contain_text("question 1 of 10")
            expect(view).to_contain_text(quiz.items[0].stem.split(".")[0])

            # A wrong first pick: its own explanation, and the best option marked.
            wrong = "abcd"[(quiz.items[0].best + 1) % 4]
            view.locator(f"button.cmw-quiz-option-{wrong}").click()
            explanation = view.locator(".cmw-quiz-explanation")
            expect(explanation).to_contain_text("Not the best answer", timeout=15_000)
            expect(explanation).to_contain_text(quiz.items[0].options["abcd".index(wrong)].why[:40])
            best = "abcd"[quiz.items[0].best]
            view.locator(f"button.cmw-quiz-option-{best}").click()
            expect(explanation).to_contain_text("Best answer", timeout=15_000)
            view.screenshot(path=str(ARTIFACTS / f"review-quiz-{name}.png"))

            # The other nine, each with its best answer, then the score.
            for index, item in enumerate(quiz.items[1:], start=2):
                view.locator("button.cmw-quiz-next").click()
                expect(view).to_contain_text(f"question {index} of 10", timeout=15_000)
                view.locator(f"button.cmw-quiz-option-{'abcd'[item.best]}").click()
                expect(explanation).to_contain_text("Best answer", timeout=15_000)
            view.locator("button.cmw-quiz-next").click()
            score = view.locator(".cmw-quiz-score")
            expect(score).to_contain_text("Your score: 9 of 10", timeout=15_000)
            lesson_link = view.locator(".cmw-quiz-revisit a", has_text=lesson_title)
            expect(lesson_link).to_be_visible(timeout=15_000)
            view.screenshot(path=str(ARTIFACTS / f"review-quiz-score-{name}.png"))
            lesson_link.click()  # JupyterLab opens the lesson to revisit
            page.wait_for_function("(path) => window.jupyterapp.shell.currentWidget.context.path === path",
                                   arg=lesson_path, timeout=30_000)

            record = json.loads((book / ".progress.json").read_text())
            assert sum(key.startswith(f"{quiz.id}.") for key in record) == 10
            assert record[quiz.question_id(first)]["best"] == "not yet right"

            # The start page shows it: nine of the quiz's ten items right, and a chart.
            _open(page, base, token, START)
            output = page.locator(".jp-OutputArea-output", has_text="not attempted").first  # the progress table
            expect(output).to_be_visible(timeout=90_000)
            row = output.locator("tr", has_text=quiz.title)
            expect(row).to_contain_text("10")
            expect(row).to_contain_text("9")
            expect(page.locator(".jp-OutputArea-output", has_text="exercises right so far").first).to_contain_text("9 of")
            expect(page.locator(".jp-OutputArea-output img").first).to_be_visible(timeout=30_000)  # the chart
            expect(page.locator(".jp-RenderedMarkdown a", has_text="Crisis management on social media").first).to_be_attached()
            output.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"start-page-{name}.png"))
            errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert errors.count() == 0, errors.first.inner_text()
        except Exception:
            page.screenshot(path=str(ARTIFACTS / f"review-quiz-failure-{name}.png"), full_page=True)
            raise
        finally:
            browser.close()
