"""The shipped crisis scenarios load and are calibrated; a broken scenario file gets an error naming it.

Instructors write their own scenario files (docs/crisis-scenarios.md), so every mistake must be
reported with the file, the field and the problem, never as a bare KeyError or a traceback.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from course.crisis import ScenarioError, load_scenario, scenario_ids
from course.crisis.model import ACTIONS, Simulation, baseline
from course.crisis.policy import evaluate, silent_policy
from answer_keys.m4_policies import playbook as textbook_policy
from course.crisis.scenario import POST_KINDS

SCENARIOS = Path(__file__).resolve().parent.parent / "course" / "crisis" / "scenarios"
SHIPPED = ["ambassador_misconduct", "controversial_ad", "leaking_jackets", "privacy_scare", "ride_app_outage"]
SEEDS = range(3)


# --------------------------------------------------------------------------- the shipped scenarios
def test_the_shipped_scenarios_are_all_listed():
    assert scenario_ids() == SHIPPED
    assert sorted(p.stem for p in SCENARIOS.glob("*.yaml")) == SHIPPED


@pytest.mark.parametrize("sid", SHIPPED)
def test_a_shipped_scenario_loads_by_id_and_by_path_with_the_id_of_its_file(sid):
    by_id = load_scenario(sid)
    assert by_id.id == sid
    assert by_id.source == f"{sid}.yaml"
    by_path = load_scenario(SCENARIOS / f"{sid}.yaml")
    assert by_path.id == sid
    assert by_path.posts == by_id.posts


@pytest.mark.parametrize("sid", SHIPPED)
def test_a_shipped_scenario_follows_the_house_style(sid):
    """Enough scripted posts, both sorts of content to triage, and scenario-specific chatter."""
    sc = load_scenario(sid)
    assert "Velora" in sc.brief
    assert 8 <= len({(p.minute, p.author) for p in sc.posts}) <= 15  # the alternatives of one post count once
    kinds = {p.kind for p in sc.posts}
    assert kinds & {"abuse", "spam"}, "nothing to moderate"
    assert kinds & {"complaint", "question"}, "nothing to answer"
    assert any(p.followers >= 50_000 for p in sc.posts), "no big account"
    assert 1 <= len(sc.decision_points) <= 3
    assert all(a in ACTIONS for d in sc.decision_points for a in d.recommended)
    assert set(sc.background_texts) == {"negative", "neutral", "positive"}
    assert 5 <= len(sc.background_texts["negative"]) <= 8
    assert 3 <= len(sc.background_texts["neutral"]) <= 5
    assert 3 <= len(sc.background_texts["positive"]) <= 5


@pytest.mark.parametrize("sid", SHIPPED)
def test_the_textbook_policy_beats_silence_by_a_wide_margin(sid):
    silent = evaluate(silent_policy, [sid], SEEDS)
    textbook = evaluate(textbook_policy, [sid], SEEDS)
    assert not silent.errors and not textbook.errors
    assert textbook.mean_score >= 60, textbook.summary()
    assert silent.mean_score <= 40, silent.summary()
    assert textbook.mean_score - silent.mean_score >= 40
    for quiet, good in zip(silent.runs, textbook.runs):
        assert good.score > quiet.score + 25, (sid, quiet.seed, quiet.score, good.score)
    # a story left alone reaches the press; one handled by the book does not
    assert all(r.debrief.media_pickup for r in silent.runs)
    assert not any(r.debrief.media_pickup for r in textbook.runs)


def test_hard_scenarios_are_harder_than_easy_ones_for_the_textbook_policy():
    scores = evaluate(textbook_policy, SHIPPED, SEEDS).by_scenario()
    level = {sid: load_scenario(sid).difficulty for sid in SHIPPED}
    easy = [scores[s] for s in SHIPPED if level[s] == "easy"]
    hard = [scores[s] for s in SHIPPED if level[s] == "hard"]
    assert easy and hard
    assert max(hard) < min(easy), scores


@pytest.mark.parametrize("sid", SHIPPED)
def test_every_shipped_scenario_has_notes_on_what_its_case_teaches(sid):
    from course.crisis.scenario import MAX_NOTES

    notes = load_scenario(sid).debrief_notes
    assert 300 <= len(notes) <= MAX_NOTES and notes == " ".join(notes.split())
    assert notes.count(". ") >= 3, "a few sentences"


def test_the_leaking_jackets_notes_carry_the_seed_case_moves():
    """The clothing-line case: the apology, the replacement with money off the next order, the steps in production."""
    notes = load_scenario("leaking_jackets").debrief_notes.lower()
    for words in ("sorry", "replacement", "15% off the next order", "production", "clothing"):
        assert words in notes, words


def test_a_scenario_without_notes_has_none_and_long_notes_are_joined_into_one_paragraph(tmp_path):
    assert load_scenario(write(tmp_path, VALID)).debrief_notes == ""
    sc = load_scenario(write(tmp_path, changed(_set("debrief_notes", "Say sorry early.\n\n  Then the steps."))))
    assert sc.debrief_notes == "Say sorry early. Then the steps."


SHIPPED_TABLE = re.compile(r"^\| `(\w+)` \| \w+ \| .*? \| (\d+) / (\d+) \((\d+)% / (\d+)%\) \|", re.M)


def test_the_docs_table_of_the_shipped_scenarios_holds_the_engines_figures():
    """Silent / textbook means over seeds 0-19 and how often the press ran the story, as the docs describe them."""
    rows = {m[0]: tuple(map(int, m[1:])) for m in SHIPPED_TABLE.findall(DOC.read_text(encoding="utf-8"))}
    assert sorted(rows) == SHIPPED
    for sid, (silent_score, textbook_score, silent_press, textbook_press) in rows.items():
        silent, textbook = evaluate(silent_policy, [sid], range(20)), evaluate(textbook_policy, [sid], range(20))
        assert abs(silent.mean_score - silent_score) <= 0.5, (sid, silent.mean_score)
        assert abs(textbook.mean_score - textbook_score) <= 0.5, (sid, textbook.mean_score)
        assert round(100 * silent.share(lambda r: r.debrief.media_pickup)) == silent_press, sid
        assert round(100 * textbook.share(lambda r: r.debrief.media_pickup)) == textbook_press, sid
        # the calibration the docs advise ("Aim for silent at most 35, textbook 65-95 and at least 40 above")
        assert silent.mean_score <= 35 and 65 <= textbook.mean_score <= 95, (sid, silent.mean_score, textbook.mean_score)
        assert textbook.mean_score - silent.mean_score >= 40, sid


@pytest.mark.parametrize("sid", SHIPPED)
def test_a_silent_run_stays_small_enough_to_grade_quickly(sid):
    """The runner scans the feed at every decision: a feed of thousands of posts makes grading slow."""
    for seed in SEEDS:
        assert len(baseline(load_scenario(sid), seed).feed) < 1500


# --------------------------------------------------------------------------- broken files
VALID = {
    "id": "broken_test",
    "title": "A test crisis",
    "brief": "Velora's test crisis.",
    "difficulty": "easy",
    "duration_minutes": 120,
    "step_minutes": 10,
    "brand_at_fault": 0.5,
    "initial": {"trust": 60, "negative_per_hour": 10, "growth_per_hour": 0.4, "media_threshold": 10000},
    "background": {"posts_per_hour": 6, "negative_share": 0.5,
                   "texts": {"negative": ["Not good."], "neutral": ["What happened?"], "positive": ["Fine by me."]}},
    "timeline": [
        {"minute": 0, "author": "@a", "followers": 100, "kind": "complaint", "text": "Broken.", "sentiment": -0.5},
        {"minute": 10, "author": "@b", "followers": 200, "kind": "question", "text": "Why?", "sentiment": -0.2},
        {"minute": 20, "author": "@c", "followers": 300, "kind": "abuse", "text": "Clowns.", "sentiment": -0.9},
    ],
    "decision_points": [{"minute": 0, "prompt": "What now?", "recommended": ["acknowledge"]}],
}


def write(tmp_path: Path, data, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def changed(edit) -> dict:
    data = copy.deepcopy(VALID)
    edit(data)
    return data


def test_the_valid_example_loads(tmp_path):
    sc = load_scenario(write(tmp_path, VALID))
    assert sc.id == "broken_test" and len(sc.posts) == 3 and sc.steps == 12


def _set(path: str, value):
    """An edit that sets e.g. 'timeline.2.kind' to value."""
    def edit(data):
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[int(last) if isinstance(node, list) else last] = value
    return edit


def _delete(path: str):
    def edit(data):
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[last]
    return edit


def changed_post(index: int, fields: dict):
    def edit(data):
        data["timeline"][index].update(fields)
    return edit


# (case id, edit, what the message must name: the field path, then words of the problem)
BROKEN = [
    ("missing id", _delete("id"), ["id", "missing"]),
    ("missing initial trust", _delete("initial.trust"), ["initial.trust", "missing"]),
    ("duration not a multiple of step", _set("duration_minutes", 125), ["duration_minutes", "step_minutes", "multiple"]),
    ("duration too short", _set("duration_minutes", 20), ["duration_minutes", "20", "outside"]),
    ("unknown post kind", _set("timeline.2.kind", "rant"), ["timeline[2].kind", "'rant'", "not one of"]),
    ("post beyond the end", _set("timeline.0.minute", 500), ["timeline[0].minute", "500", "outside 0..119"]),
    ("sentiment out of range", _set("timeline.1.sentiment", 1.5), ["timeline[1].sentiment", "1.5", "outside"]),
    ("followers as text", _set("timeline.0.followers", "12k"), ["timeline[0].followers", "expected int", "str"]),
    ("negative followers", _set("timeline.1.followers", -5), ["timeline[1].followers", "-5", "outside"]),
    ("post not a mapping", _set("timeline.1", "just a sentence"), ["timeline[1]", "expected a mapping"]),
    ("empty post text", _set("timeline.0.text", "  "), ["timeline[0].text", "must not be empty"]),
    ("unknown top-level field", _set("colour", "red"), ["colour", "unknown field"]),
    ("unknown difficulty", _set("difficulty", "extreme"), ["difficulty", "'extreme'", "not one of"]),
    ("fault out of range", _set("brand_at_fault", 2), ["brand_at_fault", "outside 0.0..1.0"]),
    ("offending content not a boolean", _set("offending_content", "maybe"), ["offending_content", "expected bool"]),
    ("trust out of range", _set("initial.trust", 150), ["initial.trust", "150", "outside 0.0..100.0"]),
    ("initial not a mapping", _set("initial", [60, 10]), ["initial", "expected dict", "list"]),
    ("unknown recommended action", _set("decision_points.0.recommended", ["acknowledge", "panic"]),
     ["decision_points[0].recommended[1]", "'panic'", "not an action", "acknowledge, apologise"]),
    ("decision point without a prompt", _delete("decision_points.0.prompt"), ["decision_points[0].prompt", "missing"]),
    ("unknown background mood", _set("background.texts.angry", ["Grr."]),
     ["background.texts.angry", "negative, neutral or positive"]),
    ("empty background texts", _set("background.texts.negative", []),
     ["background.texts.negative", "non-empty list"]),
    ("negative share out of range", _set("background.negative_share", 1.2), ["background.negative_share", "outside"]),
    ("empty timeline", _set("timeline", []), ["timeline", "at least one post"]),
    ("misspelt post field", _set("timeline.1.unles", ["acknowledge"]), ["timeline[1]", "unknown field(s) unles", "unless"]),
    ("a post reacting to a per-post action", _set("timeline.1.unless", ["respond_individually"]),
     ["timeline[1].unless[0]", "'respond_individually'", "not a brand-wide move", "acknowledge, apologise"]),
    ("a post reacting to nonsense", _set("timeline.2.if", ["acknowledge", "panic"]),
     ["timeline[2].if[1]", "'panic'", "not a brand-wide move"]),
    ("an empty condition", _set("timeline.1.if", []), ["timeline[1].if", "expected a brand-wide move or a list"]),
    ("a condition that is a mapping", _set("timeline.1.unless", {"acknowledge": True}),
     ["timeline[1].unless", "expected a brand-wide move or a list"]),
    ("a reacting post at minute 0", _set("timeline.0.unless", ["acknowledge"]),
     ["timeline[0]", "minute 0", "needs a later minute"]),
    ("a background text reacting to nonsense", _set("background.texts.neutral", ["What?", {"text": "Hm.", "unless": "panic"}]),
     ["background.texts.neutral[1].unless[0]", "'panic'", "not a brand-wide move"]),
    ("a background text without its text", _set("background.texts.neutral", ["What?", {"if": ["acknowledge"]}]),
     ["background.texts.neutral[1].text", "missing"]),
    ("a misspelt field of a background text", _set("background.texts.neutral", ["What?", {"text": "Hm.", "iff": "escalate"}]),
     ["background.texts.neutral[1]", "unknown field(s) iff"]),
    ("only reacting background texts", _set("background.texts.positive", [{"text": "Good.", "if": "acknowledge"}]),
     ["background.texts.positive", "at least one must always be possible"]),
    ("a background text that is a number", _set("background.texts.positive", ["Good.", 42]),
     ["background.texts.positive[1]", "expected a text"]),
    ("if and unless the same move", changed_post(1, {"if": ["apologise"], "unless": ["apologise", "acknowledge"]}),
     ["timeline[1]", "apologise is in both 'if' and 'unless'", "never appear"]),
    ("debrief notes as a list", _set("debrief_notes", ["Say sorry.", "Offer a remedy."]),
     ["debrief_notes", "expected str", "list"]),
    ("empty debrief notes", _set("debrief_notes", "   "), ["debrief_notes", "must not be empty"]),
    ("debrief notes as a number", _set("debrief_notes", 3), ["debrief_notes", "expected str", "int"]),
    ("debrief notes too long", _set("debrief_notes", "Say sorry early. " * 100),
     ["debrief_notes", "1,699 characters", "at most 1,200"]),
    ("misspelt debrief notes", _set("debrief_note", "Say sorry."), ["debrief_note", "unknown field", "debrief_notes"]),
]


@pytest.mark.parametrize("case, edit, expected", BROKEN, ids=[case for case, _, _ in BROKEN])
def test_a_broken_field_is_reported_with_file_field_and_problem(tmp_path, case, edit, expected):
    path = write(tmp_path, changed(edit))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    for words in expected:
        assert words in message, f"{case}: {words!r} not in {message!r}"


def test_invalid_yaml_is_reported_with_its_line_number(tmp_path):
    text = ("id: broken_yaml\n"
            "title: \"A test crisis\"\n"
            "timeline:\n"
            "  - minute: 0\n"
            "    text: Velora: the jacket leaks\n"  # an unquoted colon: the classic mistake
            "    kind: complaint\n")
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid YAML (line 5, column "), message
    assert "mapping values are not allowed here" in message


def test_a_tab_indent_is_reported_with_its_line_number(tmp_path):
    text = yaml.safe_dump(VALID, sort_keys=False).replace("  trust: 60", "\ttrust: 60")
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    expected_line = text.splitlines().index("\ttrust: 60") + 1
    assert f"{path}: not valid YAML (line {expected_line}," in str(caught.value)


@pytest.mark.parametrize("text, found", [("", "NoneType"), ("# only a comment\n", "NoneType"),
                                         ("- id: a\n- id: b\n", "list"), ("just words\n", "str")])
def test_a_file_that_is_not_a_mapping_is_reported(tmp_path, text, found):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "must hold a mapping" in message and found in message, message


def test_a_missing_file_is_reported_with_its_path(tmp_path):
    path = tmp_path / "nowhere" / "crisis.yaml"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert str(caught.value) == f"{path}: no such scenario file"
    with pytest.raises(ScenarioError, match="no such scenario file"):
        load_scenario(str(path))


def test_an_unknown_shipped_id_lists_the_known_ones():
    with pytest.raises(ScenarioError) as caught:
        load_scenario("leaky_jackets")
    message = str(caught.value)
    assert "'leaky_jackets'" in message
    for sid in SHIPPED:
        assert sid in message


def test_every_post_kind_is_accepted(tmp_path):
    data = copy.deepcopy(VALID)
    data["timeline"] = [{"minute": i, "author": f"@u{i}", "kind": kind, "text": f"A {kind} post."}
                        for i, kind in enumerate(POST_KINDS)]
    sc = load_scenario(write(tmp_path, data))
    assert [p.kind for p in sc.posts] == list(POST_KINDS)
    assert all(p.followers == 300 and p.sentiment == -0.6 for p in sc.posts)  # the documented defaults


# --------------------------------------------------------------------------- the instructors' page
DOC = Path(__file__).resolve().parent.parent / "docs" / "crisis-scenarios.md"


def test_the_annotated_example_in_the_docs_loads(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    sc = load_scenario(write(tmp_path, example, "my_crisis.yaml"))
    assert sc.id == "flat_tyres" and sc.step_minutes == 10 and len(sc.posts) == 3
    assert sc.posts[1].sentiment == -0.6  # the documented default
    run = evaluate(textbook_policy, [sc], range(2))
    assert not run.errors


def test_the_docs_list_every_action_post_kind_and_shipped_scenario():
    text = DOC.read_text(encoding="utf-8")
    for name in (*ACTIONS, *POST_KINDS):
        assert f"| `{name}` |" in text, name
    for sid in SHIPPED:
        assert f"| `{sid}` |" in text, sid
    assert "| `debrief_notes` |" in text and "### `debrief_notes`" in text


# --------------------------------------------------------------------------- posts that react to the learner
def test_a_condition_may_be_one_move_or_a_list(tmp_path):
    sc = load_scenario(write(tmp_path, changed(changed_post(1, {"if": "acknowledge", "unless": ["apologise",
                                                                                                  "post_statement"]}))))
    post = next(p for p in sc.posts if p.author == "@b")
    assert post.only_if == ("acknowledge",) and post.unless == ("apologise", "post_statement")
    assert post.shown({"acknowledge"}) and not post.shown({"acknowledge", "apologise"}) and not post.shown(set())


@pytest.mark.parametrize("sid", SHIPPED)
def test_every_shipped_scenario_has_posts_that_react_and_an_alternative_for_each(sid):
    """A reacting post is one of a group at the same minute by the same author; for any set of moves made, the
    group shows at most one post (never two versions of one person's post), and the group never goes quiet
    for a brand that stays silent or one that does everything."""
    sc = load_scenario(sid)
    groups: dict = {}
    for p in sc.posts:
        groups.setdefault((p.minute, p.author), []).append(p)
    reacting = [g for g in groups.values() if any(p.conditional for p in g)]
    assert reacting, f"{sid}: no scripted post reacts to what the learner did"
    every = {"acknowledge", "apologise", "post_statement", "offer_remedy", "pull_content", "escalate"}
    for group in reacting:
        assert len(group) >= 2, f"{sid}: {group[0].author} at minute {group[0].minute} has no alternative"
        for done in (set(), every, {"acknowledge"}, {"apologise"}, {"post_statement"}, {"offer_remedy"},
                     {"pull_content"}, {"apologise", "pull_content"}):
            assert sum(p.shown(done) for p in group) <= 1, (sid, group[0].author, done)
        assert sum(p.shown(set()) for p in group) == 1 and sum(p.shown(every) for p in group) == 1


def _run(sid, moves_at: dict[int, list[str]], seed=0):
    sim = Simulation(load_scenario(sid), seed)
    while not sim.done:
        for action in moves_at.get(sim.state.minute, []):
            sim.act(action)
        sim.advance()
    return sim


def _texts(sim):
    return [p.text for p in sim.feed if p.scripted]


def test_after_a_public_word_nobody_asks_whether_the_brand_has_said_anything():
    asks = "Has anyone heard from the brand yet?"
    assert any(asks in t for t in _texts(_run("leaking_jackets", {})))
    for minute in (0, 20, 30):  # the post is stamped minute 35: a word at minute 30 comes before it
        texts = _texts(_run("leaking_jackets", {minute: ["acknowledge"]}))
        assert not any(asks in t for t in texts), minute
        assert any("looking into the leaking seams" in t for t in texts), minute
    late = _texts(_run("leaking_jackets", {40: ["acknowledge"]}))  # after the post: it was asked, rightly
    assert any(asks in t for t in late)


@pytest.mark.parametrize("sid, moves, gone, instead", [
    ("leaking_jackets", {30: ["offer_remedy"]}, "Refund or replacement?", "replacement form"),
    ("ride_app_outage", {10: ["offer_remedy"]}, "Is Velora covering that?", "where do I send the receipt"),
    ("ride_app_outage", {}, "Thanks for keeping us posted", "said nothing all morning"),
    ("controversial_ad", {10: ["pull_content"]}, "The poster is still at my stop", "The poster at my stop is gone"),
    ("controversial_ad", {}, "An apology is a start", "No apology and the posters are still up"),
    ("controversial_ad", {10: ["apologise", "pull_content"]}, "An apology is a start", "coming off the shelters"),
    ("privacy_scare", {}, "Velora says the heatmap is opt-in", "still no explanation of the heatmap"),
    ("privacy_scare", {30: ["post_statement"]}, "still no explanation of the heatmap", "Velora says the heatmap is opt-in"),
    ("privacy_scare", {}, "Thanks for explaining the settings", "Still nothing from Velora about the heatmap"),
    ("ambassador_misconduct", {40: ["post_statement"]}, "Still no clear answer", "Read the Velora statement"),
])
def test_scripted_posts_follow_what_the_learner_did(sid, moves, gone, instead):
    texts = _texts(_run(sid, moves))
    assert not any(gone in t for t in texts), gone
    assert any(instead in t for t in texts), instead


def test_a_reacting_post_arrives_with_the_first_tick_at_or_after_its_minute():
    sim = Simulation(load_scenario("leaking_jackets"), 0)
    # minute 35 falls in the tick from 30: a plain post would be in the feed already at minute 30, a reacting one waits
    sim.advance(), sim.advance(), sim.advance()
    assert sim.state.minute == 30 and not any(p.author == "@ciclismo_urbano" for p in sim.feed)
    sim.advance()
    arrived = [p for p in sim.feed if p.author == "@ciclismo_urbano"]
    assert [p.minute for p in arrived] == [35] and sim.state.minute == 40
    again = Simulation(load_scenario("leaking_jackets"), 0)
    for _ in range(4):
        again.advance()
    assert [(p.id, p.text) for p in again.feed] == [(p.id, p.text) for p in sim.feed], "same seed, same run"


def test_the_reacting_post_example_in_the_docs_loads_and_shows_one_version(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    section = text.split("### Posts that react to the learner", 1)[1]
    example = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    data = copy.deepcopy(VALID)
    data["timeline"] += example
    sc = load_scenario(write(tmp_path, data))
    silent = Simulation(sc, 0).run_silent()
    spoke = Simulation(sc, 0)
    spoke.act("acknowledge")
    spoke.run_silent()
    for sim, words in ((silent, "Has anyone heard"), (spoke, "Velora says")):
        versions = [p.text for p in sim.feed if p.author == "@ciclismo_urbano"]
        assert len(versions) == 1 and words in versions[0], versions
    for line in section.split("```text\n", 1)[1].split("```", 1)[0].strip().splitlines():
        assert line.startswith("my_crisis.yaml: timeline[")  # the documented errors: checked for real below
    broken = copy.deepcopy(data)
    broken["timeline"][-1]["unless"] = ["respond_individually"]
    with pytest.raises(ScenarioError, match=r"unless\[0\]: 'respond_individually' is not a brand-wide move; a post "
                                            r"can react to acknowledge, apologise, post_statement, offer_remedy, "
                                            r"pull_content, escalate"):
        load_scenario(write(tmp_path, broken))



def test_background_chatter_follows_the_learner_and_keeps_the_seeded_draws():
    """After a public word nobody in the chatter asks where Velora is; the run draws the same posts otherwise."""
    import dataclasses

    sc = load_scenario("leaking_jackets")
    waiting = ("Still no answer from Velora. Weekend's over, guys.", "Waiting for an official word before I return it.")
    silent = Simulation(sc, 0).run_silent()
    assert {p.text for p in silent.feed} >= set(waiting)

    def spoken(scenario):
        sim = Simulation(scenario, 0)
        sim.act("acknowledge")
        return sim.run_silent()

    after, unreacting = spoken(sc), spoken(dataclasses.replace(sc, background_reactions={}))
    # the chatter of the first tick was drawn before the learner could act: from the second tick on, it knows
    assert not {p.text for p in after.feed if not p.scripted and p.minute >= sc.step_minutes} & set(waiting)
    assert {p.text for p in unreacting.feed} & set(waiting), "without the conditions the same run would have asked"
    same = [(p.minute, p.author, p.kind, p.followers) for p in after.feed]
    assert same == [(p.minute, p.author, p.kind, p.followers) for p in unreacting.feed]
    changed = [(a.text, b.text) for a, b in zip(after.feed, unreacting.feed) if a.text != b.text]
    assert changed and all(b in waiting and a in sc.background_texts[m] for a, b in changed
                           for m in ("negative", "neutral") if b in sc.background_texts[m])
