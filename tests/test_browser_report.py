"""A real browser test: the report lesson 5.3 exports opens in headless Chromium, offline, on a phone-sized screen.

The page must fit a 390-pixel-wide viewport without sideways scrolling, draw its embedded charts, show the
commentary's markup as text without running it, and make no request outside the file. Needs Debian's chromium and
Playwright, like tests/test_browser.py. The screenshot is saved to test-artifacts/report-phone.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from course.analysis import report as rb
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS

COMMENTARY = ('#FirstRideVelora brought new riders and their questions; replies slipped past 60 minutes '
              '<script>window.ran = true; alert("x")</script>\n\n'
              'Averyveryveryveryveryveryveryveryveryveryverylongwordthatmustwrapratherthanwidenthepage.')


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    home = tmp_path_factory.mktemp("learner")
    draft = rb.Report("Velora community report", "2026-05", rb.kpi_table("2026-05"), rb.trend_charts("2026-05"),
                      commentary=COMMENTARY, next_steps=["Sofia joins the weekday-afternoon inbox rota until 28 June"])
    return rb.export(draft, home=home, pdf=False).html


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)], ids=["phone", "desktop"])
def test_the_exported_report_reads_on_a_phone_offline(exported, width, height):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: install Debian's chromium (`make browser` does it)"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": height}, offline=True,
                                      is_mobile=width < 600, device_scale_factor=2 if width < 600 else 1)
        page = context.new_page()
        requests, dialogs = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            page.goto(exported.as_uri())
            page.wait_for_load_state("load")
            sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert sizes[0] <= sizes[1], f"the page scrolls sideways at {width}px: {sizes}"
            images = page.evaluate("() => Array.from(document.images, i => [i.naturalWidth, i.getBoundingClientRect().right])")
            assert len(images) == 3 and all(natural > 0 and right <= width for natural, right in images), images
            assert page.locator(".report-title").inner_text() == "Velora community report"
            assert page.locator("tr.kpi").count() == 6
            assert page.locator(".commentary").inner_text().count("<script>") == 1
            assert page.evaluate("() => window.ran === undefined") and not dialogs
            assert all(url.startswith(("file://", "data:")) for url in requests), requests
            if width < 600:  # the table turns into one card per KPI, each value labelled
                assert page.locator("table.kpis thead").is_hidden()
                label = page.evaluate("() => getComputedStyle(document.querySelector('td.kpi-target'), '::before').content")
                assert label == '"Target: "', label
                page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / f"report-{width}-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
