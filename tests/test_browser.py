"""A real browser test: JupyterLab in headless Chromium runs the crisis notebook and plays the lab.

Needs Debian's chromium (`make test` installs it) and Playwright's Python package (pinned in
pyproject). The screenshot is saved to test-artifacts/crisis-lab.png.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
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


@contextmanager
def _page(failure_screenshot: str):
    """A Chromium page; on a failure the whole page is saved to test-artifacts/ first."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            yield page
        except Exception:
            page.screenshot(path=str(ARTIFACTS / failure_screenshot), full_page=True)
            raise
        finally:
            browser.close()


def test_crisis_lab_plays_in_jupyterlab(jupyterlab):
    from playwright.sync_api import expect

    with _page("crisis-lab-failure.png") as page:
        lab = _open_lab(page, *jupyterlab)
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


def _open_lab(page, base, token):
    from playwright.sync_api import expect

    page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}", timeout=90_000)
    page.wait_for_function("window.jupyterapp && window.jupyterapp.shell.currentWidget "
                           "&& window.jupyterapp.shell.currentWidget.sessionContext?.session?.kernel?.status === 'idle'",
                           timeout=90_000)
    page.evaluate(RUN_LAB_CELLS)
    lab = page.locator(".cmw-crisis-lab").first
    expect(lab).to_be_visible(timeout=90_000)
    lab.scroll_into_view_if_needed()
    return lab


def _clock(lab) -> int:
    import re

    return int(re.search(r"Minute (\d+)", lab.locator(".cmw-clock").inner_text()).group(1))


def _no_post_from_the_future(lab) -> None:
    import re

    now = _clock(lab)
    stamped = [int(m) for m in re.findall(r"min (\d+) ·", lab.locator(".cmw-feed-box").inner_text())]
    assert stamped and max(stamped) <= now, (now, stamped)


def test_crisis_lab_controls_have_labels_and_finish_shows_a_readable_debrief(jupyterlab):
    """What a learner sees: labelled clock controls, a feed that keeps to the clock, a Finish button and a
    debrief table with headers, plain words and lesson links JupyterLab follows."""
    from playwright.sync_api import expect

    with _page("crisis-debrief-failure.png") as page:
        lab = _open_lab(page, *jupyterlab)
        for name in ("▶ Play", "⏸ Pause", "↺ Restart", "🏁 Finish", "🤐 Stay silent", "⏭ Next 10 minutes"):
            expect(lab.get_by_role("button", name=name, exact=True)).to_be_visible()
        unlabelled = [b.get_attribute("class") for b in lab.locator("button:visible").all() if not b.inner_text().strip()]
        assert not unlabelled, f"buttons with an icon and no words: {unlabelled}"
        _no_post_from_the_future(lab)
        # the scenario's first decision point, asked while the clock is at it (its answer waits for the debrief)
        expect(lab.locator(".cmw-decision-prompt")).to_contain_text("What do you say now?")

        lab.locator("button.cmw-action-acknowledge").click()
        expect(lab.locator(".cmw-message")).to_contain_text("within the hour", timeout=15_000)
        lab.get_by_role("button", name="▶ Play", exact=True).click()
        expect(lab.locator(".cmw-clock")).to_contain_text("Minute 10", timeout=20_000)
        lab.get_by_role("button", name="⏸ Pause", exact=True).click()
        expect(lab.locator(".cmw-message")).to_contain_text("Paused at minute", timeout=15_000)
        paused = _clock(lab)
        page.wait_for_timeout(4_500)  # two intervals of the timer: a paused clock stays put
        assert _clock(lab) == paused
        _no_post_from_the_future(lab)
        lab.get_by_role("button", name="🤐 Stay silent", exact=True).click()
        expect(lab.locator(".cmw-clock")).to_contain_text(f"Minute {paused + 10}", timeout=15_000)
        _no_post_from_the_future(lab)

        lab.get_by_role("button", name="🏁 Finish", exact=True).click()
        debrief = lab.locator(".cmw-debrief")
        expect(debrief).to_be_visible(timeout=30_000)
        expect(lab.get_by_role("button", name="🏁 Finish", exact=True)).to_be_disabled()
        table = debrief.locator("table.cmw-timeline")
        assert table.locator("th").all_inner_texts() == ["Minute", "Helped or hurt", "What you did", "Post by",
                                                         "What happened", "Lesson"]
        body = table.locator("tbody").inner_text()
        assert "✔ Helped" in body and "✘ Hurt" in body and "Acknowledged it in public" in body
        assert "(time)" not in body and "acknowledge\t" not in body
        expect(debrief.locator(".cmw-missed li").first).to_be_visible()
        decisions = debrief.locator("table.cmw-decisions")  # the scenario's own decision points, one row each
        expect(decisions).to_be_visible()
        assert decisions.locator("th").all_inner_texts() == ["Minute", "The moment", "The course recommends",
                                                             "What you did", "Lesson"]
        expect(decisions.locator("tr.cmw-decision")).to_have_count(3)
        first = decisions.locator("tr.cmw-decision").first.inner_text()
        assert "What do you say now?" in first and "Acknowledged it in public at minute 0" in first, first
        expect(debrief.locator(".cmw-notes")).to_contain_text("What this case teaches")
        debrief.scroll_into_view_if_needed()
        debrief.screenshot(path=str(ARTIFACTS / "crisis-debrief.png"))

        link = table.get_by_role("link", name="4.3 · The response playbook").first
        href = link.get_attribute("href")  # JupyterLab resolved it against the lab's notebook: it handles the click
        assert "/files/module4_interaction/4.3-crisis-management.ipynb" in href and href.endswith("#The-response-playbook")
        link.click()  # JupyterLab's own link handling: the lesson scrolls to the section
        heading = page.locator(".jp-MarkdownCell h2[data-jupyter-id='The-response-playbook'], "
                               ".jp-MarkdownCell h2#The-response-playbook")
        expect(heading.first).to_be_in_viewport(timeout=15_000)
        assert page.url.count("/lab") == 1, "the link opened inside JupyterLab, not as a new page"
