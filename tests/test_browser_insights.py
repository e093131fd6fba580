"""A real browser test: lesson 3.4 in JupyterLab and headless Chromium; the insights dashboard follows the platform.

Runs the learner copy of the lesson (`Run All`, as a learner would), then picks another platform in the dashboard's
drop-down and sees the page redrawn: its title, its tiles and its chart change, and no cell writes to stderr or
leaves a stray figure repr. Needs Debian's chromium and Playwright, like tests/test_browser.py. The screenshot is
saved to test-artifacts/insights-dashboard.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nbtools import jupyterlab_for_browser
from test_browser import ARTIFACTS, CHROMIUM, _page
from test_browser_quiz import OPEN_AND_IDLE, open_and_run_all

NOTEBOOK = "module3_social/3.4-management-tools.ipynb"


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    assert Path(CHROMIUM).exists(), "Chromium is missing: install Debian's chromium (`make browser` does it)"
    with jupyterlab_for_browser(tmp_path_factory.mktemp("browser-insights"), ["module3_social"]) as (base, token, _):
        yield base, token


def test_changing_the_platform_redraws_the_dashboard(jupyterlab):
    from playwright.sync_api import expect

    base, token = jupyterlab
    with _page("insights-dashboard-failure.png") as page:
        open_and_run_all(page, base, token, NOTEBOOK)
        board = page.locator(".cmw-insights").first
        expect(board).to_be_visible(timeout=90_000)
        board.scroll_into_view_if_needed()
        title = board.locator(".cmw-insights-title")
        expect(title).to_contain_text("Instagram Insights: 01 May 2026", timeout=30_000)
        tiles_before = board.locator(".cmw-insights-tiles").inner_text()
        chart = board.locator(".cmw-insights-chart")
        expect(chart).to_be_visible(timeout=30_000)
        chart_before = chart.get_attribute("src")

        board.locator("select").first.select_option(label="TikTok Analytics")
        expect(title).to_contain_text("TikTok Analytics: 01 May 2026", timeout=30_000)
        page.wait_for_function(
            "(before) => document.querySelector('.cmw-insights .cmw-insights-chart').getAttribute('src') !== before",
            arg=chart_before, timeout=30_000)
        assert board.locator(".cmw-insights-tiles").inner_text() != tiles_before
        expect(board.locator(".cmw-insights-formats")).to_contain_text("short_video")
        expect(board).to_contain_text("What this page cannot tell you")
        board.screenshot(path=str(ARTIFACTS / "insights-dashboard.png"))
        board.locator("select").nth(1).select_option(label="The whole year")
        expect(title).to_contain_text("TikTok Analytics: 01 Nov 2025 – 31 Oct 2026", timeout=30_000)

        # the whole lesson ran: the last check shows its verdict, nothing went to stderr, no stray figure repr
        page.wait_for_function(OPEN_AND_IDLE, arg=NOTEBOOK, timeout=120_000)
        expect(page.locator(".jp-OutputArea-output", has_text="Not attempted yet").last).to_be_attached(timeout=60_000)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.first.inner_text()
        board_output = board.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea')]").first
        assert "Figure(" not in board_output.inner_text() and "<Figure" not in board_output.inner_text()
