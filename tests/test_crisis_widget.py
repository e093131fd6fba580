"""The crisis lab widget: pressing a button changes the state and the view (in-process and in a real kernel)."""

from __future__ import annotations

import html
import re

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


def _debrief_shown(lab) -> str:
    outputs = lab.debrief_box.outputs
    return outputs[0]["data"]["text/html"] if outputs else ""


def _widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _widgets(child)


def test_the_play_button_drives_the_clock_pause_stops_it_and_the_end_shows_a_debrief():
    lab = CrisisLab("ride_app_outage", seed=1)
    assert [b.description for b in (lab.play_button, lab.pause_button, lab.restart_button, lab.finish_button)] == [
        "▶ Play", "⏸ Pause", "↺ Restart", "🏁 Finish"]
    assert all(b.tooltip for b in (lab.play_button, lab.pause_button, lab.restart_button, lab.finish_button))
    assert lab.pause_button.disabled and not lab.play_button.disabled
    lab.play_button.click()
    assert lab.play.playing and lab.play_button.disabled and not lab.pause_button.disabled
    lab.play.value += 1  # what the browser's timer does
    assert lab.sim.state.minute == lab.scenario.step_minutes
    lab.pause_button.click()
    assert not lab.play.playing and "Paused at minute 5" in lab.message.value
    lab.play.value += 1  # a late tick of the timer after the pause moves nothing
    assert lab.sim.state.minute == lab.scenario.step_minutes
    lab.play_button.click()
    while not lab.sim.done:
        lab.play.value += 1
    assert not lab.play.playing, "the clock stops at the end"
    assert "Debrief: score" in _debrief_shown(lab) and lab.next_button.disabled and lab.finish_button.disabled
    assert all(button.disabled for action, button in lab.buttons.items())
    lab.press("acknowledge")
    assert "over" in lab.message.value


def test_restart_plays_the_same_crisis_again_from_minute_0():
    lab = CrisisLab("leaking_jackets", seed=3)
    first = [(p.minute, p.author, p.text) for p in lab.sim.feed]
    lab.buttons["acknowledge"].click()
    lab.finish_button.click()
    assert _debrief_shown(lab)
    lab.restart_button.click()
    assert lab.sim.state.minute == 0 and not lab.sim.state.done and not lab.buttons["acknowledge"].disabled
    assert [(p.minute, p.author, p.text) for p in lab.sim.feed] == first
    assert not lab.debrief_box.outputs and "Minute <b>0</b>" in lab.header.value


def test_finish_runs_the_rest_of_the_clock_to_the_debrief():
    lab = CrisisLab("leaking_jackets", seed=2)
    lab.buttons["acknowledge"].click()
    lab.next_button.click()
    lab.finish_button.click()
    assert lab.sim.done and lab.sim.state.minute == lab.scenario.duration_minutes
    assert "last 230 minutes passed with no more moves" in lab.message.value
    shown = _debrief_shown(lab)
    assert "Debrief: score" in shown and "Acknowledged it in public" in shown
    assert lab.sim.state.done == {"acknowledge": 0}, "finishing makes no move for the learner"


def test_stay_silent_is_a_button_in_the_view_and_lets_the_step_pass_with_nothing_said():
    lab = CrisisLab("leaking_jackets", seed=2)
    shown = list(_widgets(lab.view))
    assert lab.buttons["stay_silent"] in shown and all(b in shown for b in lab.buttons.values())
    lab.buttons["stay_silent"].click()
    assert lab.sim.state.minute == 10 and lab.sim.state.done == {}
    assert "You stayed silent for 10 minutes" in lab.message.value


def test_the_feed_never_shows_a_post_from_the_future():
    lab = CrisisLab("leaking_jackets", seed=2)
    assert any(p.minute > 0 for p in lab.sim.feed), "the model holds posts due before the next tick"
    for _ in range(12):
        now = lab.sim.state.minute
        stamped = [int(m) for m in re.findall(r"min (\d+) ·", lab.feed.value)]
        assert stamped and max(stamped) <= now, (now, stamped)
        listed = {value for _, value in lab.target.options}
        assert all(lab.sim.post(i).minute <= now for i in listed)
        assert re.search(r"Open posts: <b class='cmw-open'>(\d+)", lab.stats.value).group(1) == str(
            sum(p.needs_attention for p in lab.sim.feed if p.minute <= now))
        lab.tick()


def _headings(href: str) -> tuple[str, list[str]]:
    from nbtools import read
    from course.syllabus import REPO_ROOT

    path, anchor = href.split("#")
    notebook = (REPO_ROOT / "module4_interaction" / path).resolve()
    return anchor, [line.lstrip("#").strip().replace(" ", "-") for cell in read(notebook).cells
                    if cell.cell_type == "markdown" for line in cell.source.splitlines() if line.startswith("#")]


def test_the_debrief_table_has_headers_plain_words_and_links_to_the_lesson_sections():
    lab = CrisisLab("controversial_ad", seed=1)
    lab.buttons["acknowledge"].click()
    ad = next(p for p in lab.sim.posts_so_far() if p.legitimate)
    lab.target.value = ad.id
    lab.buttons["delete_comment"].click()
    lab.finish_button.click()
    shown = _debrief_shown(lab)
    table = shown.split("<table class='cmw-timeline'>", 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", table)
    assert heads == ["Minute", "Helped or hurt", "What you did", "Post by", "What happened", "Lesson"]
    rows = re.findall(r"<tr class='cmw-(helped|hurt)'>(.*?)</tr>", table)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row) for _, row in rows]
    marks = [re.sub(r"<[^>]+>", "", c[1]) for c in cells]
    assert set(marks) == {"✔ Helped", "✘ Hurt"}
    assert all((kind == "helped") == (mark == "✔ Helped") for (kind, _), mark in zip(rows, marks))
    done = {c[2] for c in cells}
    assert {"Acknowledged it in public", "Deleted it", "Time passed"} <= done
    assert not done & {"acknowledge", "delete_comment", "(time)"}, "action names in plain words"
    links = set(re.findall(r"<a href='([^']+)'>", shown))
    assert "4.3-crisis-management.ipynb#The-response-playbook" in links
    assert "4.3-crisis-management.ipynb#Negative-is-not-bad,-and-three-reflexes-to-resist" in links
    assert "What to revisit" in shown
    for href in links:  # each link is a notebook next to the lab's, and a heading JupyterLab can scroll to
        anchor, headings = _headings(href)
        assert anchor in headings, (href, headings)


def test_the_debrief_view_shows_each_decision_point_with_what_was_done_and_the_case_notes():
    lab = CrisisLab("controversial_ad", seed=1)
    lab.buttons["acknowledge"].click()
    lab.buttons["pull_content"].click()
    for _ in range(16):  # over an hour past the trade outlet's question at minute 90, with nothing else done
        lab.tick()
    lab.buttons["post_statement"].click()
    lab.finish_button.click()
    shown = _debrief_shown(lab)
    assert shown.index("The decision points") < shown.index("Timeline of your decisions") < shown.index(
        "What this case teaches"), "decisions before the timeline, the notes at the end"
    table = shown.split("<table class='cmw-decisions'>", 1)[1].split("</table>", 1)[0]
    heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", table)
    assert heads == ["Minute", "The moment", "The course recommends", "What you did", "Lesson"]
    rows = re.findall(r"<tr class='cmw-decision cmw-([a-z-]+)'>(.*?)</tr>", table)
    points = lab.scenario.decision_points
    assert [verdict for verdict, _ in rows] == ["partly", "missed", "missed"]
    for (verdict, row), point in zip(rows, points):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
        assert cells[0] == str(point.minute) and cells[1] == html.escape(point.prompt)
        assert {"partly": "◐ Partly", "missed": "✘ Missed"}[verdict] in re.sub(r"<[^>]+>", "", cells[2])
    first, trade, transport = (re.findall(r"<li class='cmw-[a-z-]+'>(.*?)</li>", row) for _, row in rows)
    assert first[:3] == ["Acknowledged it in public at minute 0, as the point came up.", "Not done: apologise.",
                         "Pulled the content at minute 0, as the point came up."]
    assert trade == ["Not done: escalate to legal and PR.",
                     "Posted a statement with steps only at minute 160, 70 minutes after this point came up: late, "
                     "more than 60 minutes after it."]
    assert transport[:2] == ["Not done: escalate to legal and PR.", "Not done: reply to the post."]
    for href in set(re.findall(r"<a href='([^']+)'>", table)):  # each lesson link reaches a heading of its lesson
        anchor, headings = _headings(href)
        assert anchor in headings, (href, headings)
    assert f"<div class='cmw-notes'><b>What this case teaches</b><p>{html.escape(lab.scenario.debrief_notes)}</p>" in shown


def test_the_lab_shows_each_decision_point_while_the_clock_is_at_it_and_keeps_the_answer_for_the_debrief():
    lab = CrisisLab("leaking_jackets", seed=0)
    shown_at = {}
    while not lab.sim.done:
        if lab.prompt.value:
            shown_at.setdefault(lab.current_decision_point().minute, []).append(lab.sim.state.minute)
            assert "cmw-decision-prompt" in lab.prompt.value and lab.prompt in list(_widgets(lab.view))
        lab.tick()
    assert shown_at == {0: [0, 10], 110: [110, 120], 200: [200, 210]}, "two ticks from when the point's posts appear"
    assert lab.prompt.value == "", "no prompt once time is up"
    lab.restart()
    prompt = lab.prompt.value
    assert html.escape(lab.scenario.decision_points[0].prompt) in prompt
    assert not any(word in prompt.lower() for word in ("recommend", "apologise", "acknowledge")), "the answer waits"


def test_a_scenario_without_decision_points_or_notes_shows_neither():
    import dataclasses

    from course.crisis import load_scenario

    bare = dataclasses.replace(load_scenario("leaking_jackets"), decision_points=(), debrief_notes="")
    lab = CrisisLab(bare, seed=0)
    assert lab.prompt.value == ""
    lab.finish_button.click()
    shown = _debrief_shown(lab)
    assert "Debrief: score" in shown and "cmw-decisions" not in shown and "cmw-notes" not in shown


def test_the_lesson_links_cover_every_rule_and_reach_lesson_1_2():
    from course.crisis.model import RULES, SECTIONS, section_link

    from course.crisis.model import ACTIONS
    from course.crisis.widget import PLAIN

    assert set(SECTIONS) == set(RULES)
    assert set(PLAIN) == {*ACTIONS, "(time)"}, "every action has plain words for the debrief"
    assert section_link("bad_news_travels") == ("../module1_intro/1.2-why-it-matters.ipynb#Why-bad-news-travels-further",
                                                "1.2 · Why bad news travels further")


def test_a_textbook_run_of_the_easy_scenario_is_told_what_it_missed():
    from answer_keys.m4_policies import playbook
    from course.crisis import run_policy
    from course.crisis.model import PART_MAX

    for sid in ("leaking_jackets", "ride_app_outage"):
        for seed in range(3):
            result = run_policy(playbook, sid, seed).debrief
            assert result.score < 100 and not result.lessons(), "nothing hurt: only the missed points can explain it"
            assert result.missed, (sid, seed)
            for part, most in PART_MAX.items():  # every part that lost a point is explained, with its points
                if most - result.parts[part] >= 1:
                    assert any(f"of {most} points" in line for line in result.missed), (sid, seed, part, result.missed)
    lab = CrisisLab("leaking_jackets", seed=0)
    lab.finish_button.click()
    shown = _debrief_shown(lab)
    assert "Where the points went" in shown
    assert all(html.escape(line) in shown for line in lab.debrief().missed)


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


def test_play_once_in_lab_4_3b_tells_a_textbook_policy_where_its_points_went():
    from course.syllabus import REPO_ROOT

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"import sys; sys.path.insert(0, {str(REPO_ROOT / 'tests')!r})\n"
        "from answer_keys.m4_policies import playbook\n"
        "from course.exercises.module4.crisis import play_once\n"
        "run = play_once(playbook, 'leaking_jackets', 0)")])
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    shown = nb.cells[0].outputs[0]["data"]["text/html"]
    assert "Where the points went" in shown and "of 30 points" in shown
    assert "<table class='cmw-decisions'>" in shown and shown.count("<tr class='cmw-decision ") == 3
    assert "A magazine asks for a comment." in shown and "What this case teaches" in shown
