"""The crisis lab widget: pressing a button changes the state and the view (in-process and in a real kernel)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from course.crisis import CrisisLab


def test_buttons_change_state_and_view():
    lab = CrisisLab("leaking_jackets", seed=2)
    feed_before, clock_before = lab.feed.value, lab.header.value
    lab.buttons["acknowledge"].click()
    assert "acknowledge" in lab.sim.state.done
    assert lab.buttons["acknowledge"].disabled, "a once-only action cannot be pressed twice"
    assert "within the hour" in lab.message.value
    lab.next_button.click()
    assert lab.sim.state.minute == 10
    assert lab.header.value != clock_before and "Minute <b>10</b>" in lab.header.value
    assert lab.feed.value != feed_before
    assert "<polyline" in lab.chart.value


def test_acting_on_a_post_with_the_reply_box():
    lab = CrisisLab("leaking_jackets", seed=2)
    complaint = next(p for p in lab.sim.feed if p.kind == "complaint")
    lab.target.value = complaint.id
    lab.reply.value = "Marco, I'm sorry: DM us your order number and we'll replace it today."
    lab.buttons["respond_individually"].click()
    assert complaint.status == "answered" and lab.reply.value == ""
    assert "answered" in lab.feed.value
    assert complaint.id not in [value for _, value in lab.target.options]


def test_the_play_widget_drives_the_clock_and_the_end_shows_a_debrief():
    lab = CrisisLab("ride_app_outage", seed=1)
    lab.play.value = 1
    assert lab.sim.state.minute == lab.scenario.step_minutes
    while not lab.sim.done:
        lab.tick()
    assert "Debrief: score" in lab.debrief_box.value and lab.next_button.disabled
    assert all(button.disabled for action, button in lab.buttons.items())
    lab.press("acknowledge")
    assert "over" in lab.message.value


def test_in_a_real_kernel_a_click_updates_the_view_headless():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from course.crisis import CrisisLab\nlab = CrisisLab('controversial_ad', seed=4)\nlab"),
        nbformat.v4.new_code_cell("before = lab.stats.value\nlab.buttons['pull_content'].click()\nlab.next_button.click()\n"
                                  "print(lab.sim.state.minute, 'pull_content' in lab.sim.state.done, before != lab.stats.value)"),
    ])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    shown = nb.cells[0].outputs[0]
    assert "application/vnd.jupyter.widget-view+json" in shown["data"], "the lab renders as a widget"
    assert nb.cells[1].outputs[0]["text"].split() == [str(CrisisLab("controversial_ad").scenario.step_minutes), "True", "True"]
