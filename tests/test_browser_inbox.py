"""A real browser test: lesson 4.2 in JupyterLab and headless Chromium; the unified inbox view follows its filters.

Runs the learner copy of the lesson (`Run All`, as a learner would; the learner's rules are still `...`, so the view
shows the lesson's first try), then filters the queue by intent and priority and sees the tiles, the oldest waiting
message and the list redrawn, and no cell writes to stderr. Needs Debian's chromium and Playwright, like
tests/test_browser.py. The screenshot is saved to test-artifacts/inbox-view.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nbtools import jupyterlab_for_browser
from test_browser import ARTIFACTS, CHROMIUM, _page
from test_browser_quiz import OPEN_AND_IDLE, open_and_run_all

NOTEBOOK = "module4_interaction/4.2-comments-and-messages.ipynb"


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    assert Path(CHROMIUM).exists(), "Chromium is missing: install Debian's chromium (`make browser` does it)"
    with jupyterlab_for_browser(tmp_path_factory.mktemp("browser-inbox"), ["module4_interaction"]) as (base, token, _):
        yield base, token


def test_filtering_the_inbox_redraws_the_queue(jupyterlab):
    from playwright.sync_api import expect

    base, token = jupyterlab
    with _page("inbox-view-failure.png") as page:
        open_and_run_all(page, base, token, NOTEBOOK)
        view = page.locator(".cmw-inbox").first
        expect(view).to_be_visible(timeout=120_000)
        view.scroll_into_view_if_needed()
        header = view.locator(".cmw-inbox-header")
        expect(header).to_contain_text("At 16 Mar 2026 11:00 UTC", timeout=30_000)
        expect(header).to_contain_text("over the one-hour target")
        community = header.locator(".cmw-inbox-tile[data-queue='community'] .cmw-inbox-count")
        support = header.locator(".cmw-inbox-tile[data-queue='support'] .cmw-inbox-count")
        assert int(community.inner_text()) > 0 and int(support.inner_text()) > 0
        messages = view.locator(".cmw-inbox-list .cmw-inbox-message")
        everything = messages.count()
        assert everything > 0

        view.locator("select").nth(1).select_option(label="question")  # intent
        expect(community).to_have_text("0", timeout=30_000)
        assert int(support.inner_text()) > 0
        for text in messages.all_inner_texts():
            assert "· question ·" in text, text
        board_image = ARTIFACTS / "inbox-view.png"
        view.screenshot(path=str(board_image))

        view.locator("select").nth(1).select_option(label="unsorted")  # what the first try could not sort
        expect(support).to_have_text("0", timeout=30_000)
        assert int(community.inner_text()) > 0
        view.locator("select").nth(2).select_option(label="today")  # unsorted messages are all 'later'
        expect(view.locator(".cmw-inbox-empty")).to_contain_text("No message matches", timeout=30_000)
        expect(header).to_contain_text("Nobody is waiting")

        # the whole lesson ran: the last check shows its verdict and nothing went to stderr
        page.wait_for_function(OPEN_AND_IDLE, arg=NOTEBOOK, timeout=120_000)
        expect(page.locator(".jp-OutputArea-output", has_text="Not attempted yet").last).to_be_attached(timeout=60_000)
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, errors.first.inner_text()
