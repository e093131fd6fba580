"""The crisis model: every action's effect, timing, determinism, invariants, and the policy runner."""

from __future__ import annotations

import dataclasses

import pytest

from course.crisis import ACTIONS, RULES, Simulation, load_scenario, run_policy
from course.crisis.model import ONCE, PER_POST, debrief
from course.crisis.policy import IncomingPost, evaluate, parse_decision, silent_policy
from answer_keys.m4_policies import playbook as textbook_policy

SCENARIO = load_scenario("leaking_jackets")


def fresh(seed: int = 3) -> Simulation:
    return Simulation(SCENARIO, seed)


def first_post(sim: Simulation, kind: str):
    while True:
        found = [p for p in sim.feed if p.kind == kind and p.status == "open"]
        if found:
            return found[0]
        sim.advance()
        assert not sim.done, f"no {kind} post arrived"


def play(actions_at: dict[int, list[str]], seed: int = 3) -> Simulation:
    """Run the scenario, doing the given brand-wide actions at the given minutes."""
    sim = fresh(seed)
    while not sim.done:
        for action in actions_at.get(sim.state.minute, []):
            sim.act(action)
        sim.advance()
    return sim


# ------------------------------------------------------------------ determinism and invariants
def test_same_seed_same_run_and_other_seed_other_run():
    a, b, c = play({0: ["acknowledge"]}, 5), play({0: ["acknowledge"]}, 5), play({0: ["acknowledge"]}, 6)
    assert a.history == b.history and [p.text for p in a.feed] == [p.text for p in b.feed]
    assert a.history != c.history


@pytest.mark.parametrize("seed", range(4))
def test_invariants_hold_whatever_happens(seed):
    for sim in (play({}, seed), play({0: ["acknowledge", "apologise"], 30: ["post_statement"]}, seed)):
        for row in sim.history:
            assert row["negative_per_hour"] >= 0 and row["story_reach"] >= 0 and row["open_posts"] >= 0
            assert 0 <= row["trust"] <= 100 and -1 <= row["sentiment"] <= 1
        reach = [row["story_reach"] for row in sim.history]
        assert reach == sorted(reach), "reach is cumulative"
        minutes = [row["minute"] for row in sim.history]
        assert minutes == list(range(0, SCENARIO.duration_minutes + 1, SCENARIO.step_minutes))
        assert all(p.minute <= SCENARIO.duration_minutes for p in sim.feed)


def test_scripted_posts_arrive_on_time():
    sim = play({})
    scripted = [p for p in sim.feed if p.scripted]
    # a silent brand meets every post that does not wait for a move of its own ("if"), and each on its minute
    assert [(p.minute, p.author, p.text) for p in scripted] == [(p.minute, p.author, p.text) for p in SCENARIO.posts
                                                                if not p.only_if]


# ------------------------------------------------------------------ each action
def _trust_delta(action: str, setup=None) -> float:
    sim = fresh()
    if setup:
        setup(sim)
    before = sim.state.trust
    sim.act(action)
    return sim.state.trust - before


def test_brand_wide_actions_help_when_due():
    assert _trust_delta("acknowledge") > 0
    assert _trust_delta("apologise") > 0  # the brand is at fault in this scenario
    assert _trust_delta("post_statement") > 0
    assert _trust_delta("offer_remedy") > 0
    assert _trust_delta("pull_content") < 0  # nothing offending to pull here: it looks like panic
    assert _trust_delta("escalate") < 0  # nothing to escalate yet


def test_escalation_helps_once_the_press_or_lawyers_call():
    sim = fresh()
    while not any(p.kind == "media_request" for p in sim.feed):
        sim.advance()
    before = sim.state.trust
    effect = sim.act("escalate")
    assert effect.helped and sim.state.trust > before


def test_apology_matters_in_proportion_to_fault():
    owed = dataclasses.replace(SCENARIO, brand_at_fault=1.0)
    not_owed = dataclasses.replace(SCENARIO, brand_at_fault=0.1)
    a, b = Simulation(owed, 1), Simulation(not_owed, 1)
    ea, eb = a.act("apologise"), b.act("apologise")
    assert ea.helped and not eb.helped
    assert a.state.trust - owed.trust > b.state.trust - not_owed.trust


def test_pulling_offending_content_removes_the_fuel():
    with_ad = dataclasses.replace(SCENARIO, offending_content=True)
    pulled, kept = Simulation(with_ad, 2), Simulation(with_ad, 2)
    pulled.act("pull_content")
    for sim in (pulled, kept):
        sim.act("acknowledge")
        while not sim.done:
            sim.advance()
    assert pulled.state.story_reach < kept.state.story_reach


def test_once_only_actions_happen_once():
    sim = fresh()
    for action in ONCE:
        assert sim.act(action) is not None
        assert sim.act(action) is None, f"{action} repeated should change nothing"


def test_stay_silent_changes_nothing_now():
    sim = fresh()
    before = dataclasses.replace(sim.state)
    assert sim.act("stay_silent") is None
    assert sim.state == before


def test_personal_reply_beats_canned_reply():
    personal, canned = fresh(), fresh()
    for sim, text in ((personal, "Marco, I'm so sorry, we'll replace it today."),
                      (canned, "Thank you for your feedback. Please contact customer service.")):
        post = first_post(sim, "complaint")
        before = sim.state.trust
        effect = sim.act("respond_individually", post.id, text)
        sim.delta = sim.state.trust - before
        sim.effect, sim.target = effect, post
    assert personal.effect.helped and not canned.effect.helped
    assert personal.delta > 0 > canned.delta
    # a canned reply answers nobody: the post stays open and keeps travelling
    assert personal.target.status == "answered" and canned.target.status == "open"


def test_negative_versus_bad_content():
    sim = fresh()
    abuse = first_post(sim, "abuse")
    assert sim.act("moderate", abuse.id).helped and abuse.status == "moderated"
    complaint = first_post(sim, "complaint")
    before = sim.state.trust
    effect = sim.act("delete_comment", complaint.id)
    assert not effect.helped and complaint.status == "deleted" and sim.state.trust < before - 5
    # hiding criticism under the name of moderation is still deleting it
    question = first_post(sim, "question")
    assert not sim.act("moderate", question.id).helped and question.status == "deleted"


def test_deleting_criticism_spawns_screenshots_and_spreads_the_story():
    deleter, answerer = fresh(), fresh()
    for sim, action in ((deleter, "delete_comment"), (answerer, "respond_individually")):
        post = first_post(sim, "complaint")
        sim.act(action, post.id, "Hi, sorry about this")
        sim.advance()
    assert any("DELETED" in p.text for p in deleter.feed)
    while not deleter.done:
        deleter.advance()
        answerer.advance()
    assert deleter.state.story_reach > answerer.state.story_reach


def test_arguing_costs_trust_and_feeds_the_story():
    sim = fresh()
    post = first_post(sim, "complaint")
    before = sim.state.trust
    assert not sim.act("argue", post.id).helped
    assert sim.state.trust <= before - 5 and sim.state.argued == 1


def test_taking_offline_is_best_after_a_public_word():
    hiding, open_first = fresh(), fresh()
    open_first.act("acknowledge")
    results = []
    for sim in (hiding, open_first):
        post = first_post(sim, "complaint")
        post.text = "My order number is VW-20391 and I want a refund."  # personal details: a case for DM
        results.append(sim.act("take_offline", post.id))
    assert not results[0].helped and results[1].helped


def test_taking_offline_a_post_with_nothing_private_leaves_its_readers_without_an_answer():
    needed, not_needed = fresh(), fresh()
    for sim, text in ((needed, "Refund please, my order is VW-1."), (not_needed, "Seams leak. Not ok.")):
        sim.act("acknowledge")
        post = first_post(sim, "complaint")
        post.text = text
        before = sim.state.trust
        sim.effect, sim.delta = sim.act("take_offline", post.id), sim.state.trust - before
    assert needed.effect.helped and needed.delta > 0
    assert not not_needed.effect.helped and not_needed.delta < 0


def test_per_post_actions_need_a_post_and_unknown_actions_are_refused():
    sim = fresh()
    with pytest.raises(ValueError, match="needs a post"):
        sim.act("respond_individually")
    with pytest.raises(ValueError, match="not an action"):
        sim.act("dance")


# ------------------------------------------------------------------ timing
def test_responding_within_the_hour_beats_responding_late():
    early = play({0: ["acknowledge"], 30: ["post_statement"]})
    late = play({120: ["acknowledge"], 150: ["post_statement"]})
    assert early.state.story_reach < late.state.story_reach
    assert debrief(early).score > debrief(late).score
    assert any(e.rule == "respond_fast" and not e.helped for e in debrief(late).hurt)


def test_silence_lets_the_press_pick_the_story_up():
    silent = play({})
    assert silent.state.media_pickup
    assert any(p.author == "@dailytechnews" for p in silent.feed)
    handled = run_policy(textbook_policy, SCENARIO, 3)
    assert not handled.debrief.media_pickup


def test_bad_news_travels_further_than_good():
    from course.crisis import model

    assert model.NEGATIVE_REACH_WEIGHT == pytest.approx(24 / 15)


# ------------------------------------------------------------------ debrief
def test_debrief_scores_and_explains():
    good = run_policy(textbook_policy, SCENARIO, 3).debrief
    bad = debrief(play({}))
    assert 0 <= bad.score < 40 < 65 < good.score <= 100
    assert good.first_public_minute == 0 and bad.first_public_minute is None
    assert good.helped and not bad.helped
    assert all(rule in RULES for rule in (e.rule for e in good.timeline + bad.timeline))
    assert any("Respond within the hour" in line for line in bad.lessons())


# ------------------------------------------------------------------ the policy runner
def test_decisions_are_parsed_strictly():
    post = IncomingPost(1, 0, "@a", 10, "complaint", "x", -0.5)
    assert parse_decision(None, post) == ("stay_silent", None)
    assert parse_decision(" Acknowledge ", None) == ("acknowledge", None)
    assert parse_decision(("respond_individually", "Hi"), post) == ("respond_individually", "Hi")
    for nonsense in ("dance", 3, ["acknowledge"], ("acknowledge", 5), object()):
        with pytest.raises(ValueError):
            parse_decision(nonsense, post)
    with pytest.raises(ValueError, match="need a post"):
        parse_decision("moderate", None)


def raises(state, post):
    raise KeyError("followers")


def loops(state, post):
    while True:
        pass


def nonsense(state, post):
    return "call the CEO's mum"


def per_post_without_post(state, post):
    return "respond_individually"


@pytest.mark.parametrize("policy, words", [(raises, "raised KeyError"), (loops, "loop forever"),
                                           (nonsense, "not an action"), (per_post_without_post, "need a post")])
def test_faulty_policies_score_zero_with_a_clear_message(policy, words):
    run = run_policy(policy, SCENARIO, 0, decision_seconds=0.2)
    assert run.score == 0 and not run.ok and words in run.error and "minute" in run.error


def test_evaluate_stops_early_on_repeated_failures_and_never_crashes():
    result = evaluate(loops, [SCENARIO], range(10), decision_seconds=0.1)
    assert len(result.runs) == 10 and result.mean_score == 0
    assert sum("not run" in (r.error or "") for r in result.runs) == 7


def test_a_policy_cannot_change_the_simulation_through_what_it_sees():
    def meddler(state, post):
        if post is not None:
            with pytest.raises(dataclasses.FrozenInstanceError):
                post.kind = "spam"
        with pytest.raises(dataclasses.FrozenInstanceError):
            state.trust = 100
        return None

    assert run_policy(meddler, SCENARIO, 0).ok


def test_textbook_beats_silence_across_seeds():
    good, silent = evaluate(textbook_policy, [SCENARIO], range(5)), evaluate(silent_policy, [SCENARIO], range(5))
    assert good.mean_score > silent.mean_score + 40


def test_every_action_has_a_label_and_rules_cite_lessons():
    from course.crisis.model import LESSONS
    from course.crisis.widget import LABELS

    assert set(LABELS) == set(ACTIONS) and set(PER_POST) <= set(ACTIONS)
    assert all(lesson in LESSONS for _, lesson in RULES.values())


# ------------------------------------------------------------------ the decision points in the debrief
def test_the_debrief_reviews_each_decision_point_of_the_scenario():
    good = run_policy(textbook_policy, SCENARIO, 3).debrief
    assert [(d.minute, d.prompt, d.recommended) for d in good.decisions] == [
        (p.minute, p.prompt, p.recommended) for p in SCENARIO.decision_points]
    for d in good.decisions:
        assert [m.action for m in d.moves] == list(d.recommended)
        assert d.verdict == "followed" and "Followed" in d.summary, d
        assert all(m.status == "in time" and m.helped and m.minute is not None for m in d.moves)
    press = good.decisions[1]  # the magazine asks for a comment: PR answers it
    escalated = next(m for m in press.moves if m.action == "escalate")
    assert escalated.minute == 110 and escalated.delay == 0 and "PR and legal answered @velotech_magazine" in escalated.text
    statement = next(m for m in press.moves if m.action == "post_statement")
    assert statement.delay < 0 and "before this point" in statement.text


def test_a_silent_run_misses_every_decision_point_in_plain_words():
    silent = debrief(play({}))
    assert [d.verdict for d in silent.decisions] == ["missed"] * len(SCENARIO.decision_points)
    first = silent.decisions[0]
    assert [m.text for m in first.moves] == ["Not done: acknowledge it in public.", "Not done: apologise."]
    assert all(m.status == "not done" and m.minute is None and m.helped is None for m in first.moves)


def test_a_late_move_says_how_late_and_an_early_one_is_in_time():
    late = debrief(play({0: ["apologise"], 120: ["acknowledge"]}))
    first = late.decisions[0]
    ack, sorry = first.moves
    assert ack.status == "late" and ack.minute == 120 and ack.delay == 120
    assert "only at minute 120, 120 minutes after this point came up: late" in ack.text
    assert sorry.status == "in time" and sorry.delay == 0 and "as the point came up" in sorry.text
    assert first.verdict == "partly" and "1 of the 2" in first.summary
    within = debrief(play({0: ["apologise"], 50: ["acknowledge"]})).decisions[0].moves[0]
    assert within.status == "in time" and within.delay == 50, "within the hour of the point is in time"


def test_a_run_that_has_not_reached_a_point_is_told_so():
    sim = fresh()
    sim.act("acknowledge")
    sim.advance()
    reviews = debrief(sim).decisions
    assert reviews[0].verdict == "partly"
    assert [d.verdict for d in reviews[1:]] == ["not reached", "not reached"]
    assert all(m.status == "not reached" for d in reviews[1:] for m in d.moves)


def _at_point(sid: str, minute: int, seed: int = 1):
    """A run of ``sid`` that acknowledges at once and stops when the posts of the point at ``minute`` are in."""
    sim = Simulation(load_scenario(sid), seed)
    sim.act("acknowledge")
    while sim.state.minute < minute:
        sim.advance()
    return sim


def _finish(sim):
    while not sim.done:
        sim.advance()
    return next(d for d in debrief(sim).decisions if d.minute == 45)


def test_a_per_post_move_is_judged_on_the_post_of_its_decision_point():
    # privacy_scare, minute 45: a false claim about selling ride data; the course recommends a reply with the facts
    answered = _at_point("privacy_scare", 45)
    rumour = next(p for p in answered.feed if p.author == "@cyclist_truth")
    answered.act("respond_individually", rumour.id, "Hi there, cyclist_truth: no ride data is sold to insurers or "
                 "anyone else. The heatmap is opt-in and anonymised; Settings > Privacy shows your choice.")
    point = _finish(answered)
    assert point.verdict == "followed" and "post by @cyclist_truth" in point.moves[0].text

    deleted = _at_point("privacy_scare", 45)
    rumour = next(p for p in deleted.feed if p.author == "@cyclist_truth")
    deleted.act("delete_comment", rumour.id)
    point = _finish(deleted)
    assert point.verdict == "missed" and point.moves[0].status == "not done"
    assert any(line.startswith("Deleted it (post by @cyclist_truth) at minute 45: hurt") for line in point.around)

    canned = _at_point("privacy_scare", 45)
    rumour = next(p for p in canned.feed if p.author == "@cyclist_truth")
    canned.act("respond_individually", rumour.id, "We value your feedback.")
    move = _finish(canned).moves[0]
    assert move.helped is False and "It hurt: A stock-phrase reply" in move.text


def test_each_recommended_move_names_its_lesson_section():
    from course.crisis.model import SECTIONS, section_link

    for sid in ("leaking_jackets", "privacy_scare", "ride_app_outage"):
        result = run_policy(textbook_policy, sid, 0).debrief
        for d in result.decisions:
            assert d.lessons and len(set(d.lessons)) == len(d.lessons)
            for m in d.moves:
                assert m.rule in SECTIONS and m.lesson == section_link(m.rule)[1]
    reply = next(m for d in run_policy(textbook_policy, "privacy_scare", 0).debrief.decisions for m in d.moves
                 if m.action == "respond_individually")
    assert reply.lesson == "4.3 · Negative is not bad, and three reflexes to resist"


def test_the_text_summary_and_the_table_carry_the_decision_points_and_the_notes():
    result = run_policy(textbook_policy, SCENARIO, 3).debrief
    text = result.summary()
    assert str(result) == text and text.startswith("leaking_jackets: score ")
    for point in SCENARIO.decision_points:
        assert f"Minute {point.minute}: {point.prompt}" in text
    assert "The course recommends: acknowledge it in public, apologise." in text
    assert "Lesson: 4.3 · The response playbook" in text
    assert text.rstrip().endswith(SCENARIO.debrief_notes) and "What this case teaches" in text
    table = result.decisions_table()
    assert len(table) == sum(len(p.recommended) for p in SCENARIO.decision_points)
    assert list(table.columns) == ["minute", "decision point", "recommended", "done at minute",
                                   "minutes after the point", "status", "helped", "lesson"]
    assert set(table["status"]) == {"in time"}


@pytest.mark.parametrize("sid", ["leaking_jackets", "controversial_ad", "ambassador_misconduct"])
def test_the_decision_points_and_notes_never_change_a_score(sid):
    """Scoring reads the run only: the same runs with no decision points and no notes score exactly the same."""
    plain = dataclasses.replace(load_scenario(sid), decision_points=(), debrief_notes="")
    for seed in range(2):
        for policy in (textbook_policy, silent_policy):
            full, bare = run_policy(policy, sid, seed).debrief, run_policy(policy, plain, seed).debrief
            assert full.decisions and not bare.decisions and full.notes and not bare.notes
            assert (full.score, full.parts, full.missed, full.timeline) == (bare.score, bare.parts, bare.missed,
                                                                           bare.timeline)
