"""A real browser test: JupyterLab in headless Chromium runs the crisis notebook and plays the lab.

Needs Debian's chromium (`make test` installs it) and Playwright's Python package (pinned in
pyproject). The screenshot is saved to test-artifacts/crisis-lab.png.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from course.syllabus import REPO_ROOT
from nbtools import jupyterlab_for_browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO_ROOT / "test-artifacts"
NOTEBOOK = "module4_interaction/4.3-crisis-management.ipynb"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


RUN_LAB_CELLS = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  const notebook = panel.content;
  const wanted = notebook.widgets
    .map((cell, index) => [index, cell.model.sharedModel.getSource()])
    .filter(([, source]) => source.includes('setup_notebook()') || source.includes('CrisisLab("leaking_jackets"')
                            || source.trim() === 'lab')
    .map(([index]) => index);
  for (const index of wanted) {
    notebook.activeCellIndex = index;
    await window.jupyterapp.commands.execute('notebook:run-cell');
  }
  return wanted;
}"""


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    assert Path(CHROMIUM).exists(), "Chromium is missing: install Debian's chromium (make test does it)"
    with jupyterlab_for_browser(tmp_path_factory.mktemp("browser"), ["module4_interaction"]) as (base, token, _):
        yield base, token


def test_crisis_lab_plays_in_jupyterlab(jupyterlab):
    from playwright.sync_api import expect, sync_playwright

    base, token = jupyterlab
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}", timeout=90_000)
            page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget "
                                   "&& window.jupyterapp.shell.currentWidget.sessionContext "
                                   "&& window.jupyterapp.shell.currentWidget.sessionContext.session "
                                   "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel "
                                   "&& window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                                   timeout=90_000)
            # Run the set-up cell and the lab's cells (Run All would stop at the first exercise left blank,
            # as it does for a learner).
            page.evaluate(RUN_LAB_CELLS)
            lab = page.locator(".cmw-crisis-lab").first
            expect(lab).to_be_visible(timeout=90_000)
            lab.scroll_into_view_if_needed()
            clock = lab.locator(".cmw-clock")
            expect(clock).to_contain_text("Minute 0")
            posts_before = lab.locator(".cmw-post").count()
            stats_before = lab.locator(".cmw-stats").inner_text()
            assert posts_before > 0, "the feed shows the first posts"

            lab.locator("button.cmw-action-acknowledge").click()
            expect(lab.locator(".cmw-message")).to_contain_text("within the hour", timeout=15_000)
            expect(lab.locator("button.cmw-action-acknowledge")).to_be_disabled()

            lab.locator("button.cmw-next").click()
            expect(clock).to_contain_text("Minute 10", timeout=15_000)
            page.wait_for_function("(before) => document.querySelector('.cmw-crisis-lab .cmw-stats').innerText !== before",
                                   arg=stats_before, timeout=15_000)
            assert "Acknowledge publicly" in lab.locator(".cmw-stats").inner_text()
            assert lab.locator(".cmw-post").count() >= posts_before
            lab.screenshot(path=str(ARTIFACTS / "crisis-lab.png"))
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "crisis-lab-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
