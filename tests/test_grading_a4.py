"""Assignment 4: every figure its items quote is what the course's labs compute on Velora's data, and the two lab
items are graded on data the learner does not see: the triage rules on an inbox drawn with a seed that appears only
in the master's hidden test, the replies by the reply checker against a pass mark that lives only there.

The brief adds a rule lesson 4.2 does not teach (the rain jacket's complaints and questions go to PR's crisis desk,
urgent), so the lesson's revealable table, pasted unchanged, fails. The degenerate inbox rules (everything to one
queue, everything urgent, everything to moderation, keywords only) and canned replies score what a learner would
expect of them: nothing. Its synthetic class, graded end to end, and its shortcut learners are
in ``tests/test_grading_assignments.py``.
"""

from __future__ import annotations

import re

import pytest

from answer_keys import m4_assignment as key
from gradecells import grade_cell_points, grade_cells, run_grade_cell
from nbtools import read

ASSIGNMENT = "module4_interaction"
NOTEBOOK = "4.6-assignment.ipynb"


@pytest.fixture(scope="module")
def text() -> str:
    from course.syllabus import module

    markdown = "\n".join(c.source for c in read(module(ASSIGNMENT).path / NOTEBOOK).cells if c.cell_type == "markdown")
    return " ".join(markdown.split())  # as read: line breaks inside a sentence do not matter


@pytest.fixture(scope="module")
def hidden_inbox():
    from course.interaction.inbox import hidden_set

    return hidden_set(key.HIDDEN_SEED)


# --------------------------------------------------------------------------- the figures the items quote
def test_xiaohongshu_starts_the_most_conversations_for_its_reach_after_the_forum(text):
    from course.datasets import load_posts
    from course.interaction.engagement import conversation_rates

    rates = conversation_rates(load_posts())
    networks = rates.drop(index="forum")
    assert networks["comments_per_1000"].idxmax() == key.PLATFORM_OPTIONS[key.KEYS["a4_conversation_platform"]]
    assert networks["comments"].idxmax() == key.PLATFORM_OPTIONS["a"] and rates["comments"].idxmax() == "forum"
    assert rates["posts"].idxmax() == key.PLATFORM_OPTIONS["d"]
    assert networks["comments_per_1000"].nlargest(2).index[1] == key.PLATFORM_OPTIONS["b"]
    assert f"{int(rates.loc['instagram', 'comments']):,} comments" in text
    assert f"{int(rates.loc['x', 'posts'])} posts" in text
    for platform in ("tiktok", "xiaohongshu"):
        assert f"{rates.loc[platform, 'comments_per_1000']:.2f} comments per 1,000 reached" in text


def test_the_top_one_percent_writes_most_of_the_forums_replies(text):
    from course.interaction.loyalty import reply_shares

    shares = reply_shares()
    assert shares["share_of_replies"].idxmax() == "top 1%"
    assert f"{int(shares.loc['top 1%', 'members'])} members, the top 1%, wrote " \
           f"{shares.loc['top 1%', 'share_of_replies']:.0%} of the replies" in text
    assert f"{shares.loc['next 9%', 'share_of_replies']:.0%} of the replies" in text


def test_too_few_newcomers_went_unwelcomed_to_conclude(text):
    from course.interaction.loyalty import welcome_comparison

    table = welcome_comparison()
    welcomed, other = table.loc["welcomed"], table.loc["not welcomed"]
    assert "too few" in other["caution"] and not welcomed["caution"]
    assert f"{welcomed['came_back']} of {welcomed['newcomers']} welcomed newcomers came back against " \
           f"{other['came_back']} of {other['newcomers']}" in text
    assert f"only {other['newcomers']} newcomers went without a welcome" in text
    assert f"moves their share by {100 / other['newcomers']:.0f} points" in text


# --------------------------------------------------------------------------- question 9: the inbox graded on hidden data
def _hidden_triage_source() -> str:
    return grade_cells()["a4_triage_rules"].source.split("### BEGIN HIDDEN TESTS")[1]


def test_the_hidden_seed_and_pass_mark_are_the_key_files_and_only_in_the_hidden_test():
    from course.datasets import generator

    hidden = _hidden_triage_source()
    assert f"hidden_set({key.HIDDEN_SEED})" in hidden and f">= {key.TRIAGE_PASS}" in hidden
    assert f'"{key.JACKET_PATTERN}"' in hidden and f">= {key.DESK_PASS}" in hidden
    assert f">= {key.TRIAGE_PARTIAL}" in hidden and f">= {key.TRIAGE_PASS} else 1" in hidden
    assert key.HIDDEN_SEED != generator.SEED
    visible = "\n".join(c.source for c in read(grade_cells()["a4_triage_rules"].notebook).cells
                        if "### BEGIN HIDDEN TESTS" not in c.source)
    assert not re.search(rf"\b{key.HIDDEN_SEED}\b", visible)
    replies_hidden = grade_cells()["a4_replies"].source.split("### BEGIN HIDDEN TESTS")[1]
    assert f">= {key.REPLIES_PARTIAL}" in replies_hidden and f">= {key.REPLIES_PASS} else 1" in replies_hidden


def test_the_brief_states_the_jacket_rule_the_hidden_test_applies(text):
    """The twist is the brief's, in words a marketing learner can act on: which messages, which queue, how urgent."""
    assert "PR's crisis desk answers every complaint and every question about the rain jacket" in text
    assert "Send those messages to `pr`, marked `urgent` whatever their tone" in text
    assert "*jacket* or *rain shell*, *giacca*, *夹克* or *雨衣*" in text
    assert key.JACKET_PATTERN == "|".join(("jacket", "rain shell", "giacca", "夹克", "雨衣"))


def test_the_model_rule_table_clears_the_pass_mark_on_the_unseen_inbox(hidden_inbox):
    desk, overall = key.triage_grade(key.MODEL_RULES, hidden_inbox)
    assert desk >= key.DESK_PASS + 0.1  # the few positive-sounding jacket questions it leaves to the other rules
    assert overall >= key.TRIAGE_PASS + 15  # well clear of the mark, a few messages leaking even so
    assert grade_cell_points("a4_triage_rules", key.MODEL_RULES) == 2


def test_a_table_between_the_two_marks_earns_one_point(hidden_inbox):
    """Partial credit: the jacket rule met, the rest of the inbox sorted above the lower mark but under the pass
    mark (the model without its complaints rule, as the synthetic class's partly_wrong learner hands it in)."""
    desk, overall = key.triage_grade(key.NO_COMPLAINTS_RULE, hidden_inbox)
    assert desk >= key.DESK_PASS and key.TRIAGE_PARTIAL + 3 <= overall <= key.TRIAGE_PASS - 2
    assert grade_cell_points("a4_triage_rules", key.NO_COMPLAINTS_RULE) == 1
    assert key.SPEC.build.keywords["partly_wrong"]["a4_triage_rules"] == key.NO_COMPLAINTS_RULE
    assert key.SPEC.expected["partly_wrong"] == key.AUTO_MAX - 2 - 1


def test_lesson_42s_table_pasted_unchanged_fails_on_the_jacket_rule_alone(hidden_inbox):
    """The lesson reveals a table that sorts the rest of the inbox as well as the model, but it has no jacket rule:
    copied, it earns nothing."""
    desk, overall = key.triage_grade(key.LESSON_RULES, hidden_inbox)
    assert desk < key.DESK_PASS / 2 and overall >= key.TRIAGE_PASS + 15
    assert not run_grade_cell("a4_triage_rules", key.LESSON_RULES)[0]
    assert grade_cell_points("a4_triage_rules", key.LESSON_RULES) == 0
    assert key.COPIED_FROM_LESSONS["a4_triage_rules"] == key.LESSON_RULES


def _jacket_rules_changed(**changes) -> list[dict]:
    return [{**rule, **changes} if "jacket" in rule["name"] else rule for rule in key.MODEL_RULES]


@pytest.mark.parametrize("variant", ["English only", "angry only", "sent to support", "not urgent"])
def test_the_jacket_rule_asks_for_every_language_every_tone_pr_and_urgent(variant, hidden_inbox):
    """Half the brief's rule is not enough: English words only, negative messages only, the desk's messages left
    with support or marked for today each leave the desk short, while the rest of the inbox still scores."""
    english = key.JACKET_PATTERN.replace("|giacca|夹克|雨衣", "")
    rules = {"English only": [{**rule, "pattern": rule["pattern"].replace(key.JACKET_PATTERN, english)}
                              if "jacket" in rule["name"] else rule for rule in key.MODEL_RULES],
             "angry only": _jacket_rules_changed(sentiment="negative"),
             "sent to support": _jacket_rules_changed(route="support"),
             "not urgent": _jacket_rules_changed(priority="today")}[variant]
    desk, overall = key.triage_grade(rules, hidden_inbox)
    assert desk < key.DESK_PASS and overall >= key.TRIAGE_PASS + 15
    assert not run_grade_cell("a4_triage_rules", rules)[0]


@pytest.mark.parametrize("name", sorted(key.LAB_SHORTCUTS["a4_triage_rules"]))
def test_degenerate_inbox_rules_score_near_zero_and_fail(name, hidden_inbox):
    """Everything to one queue, everything urgent, everything moderated, a few keywords: what a learner expects of
    them, nothing."""
    from course.interaction.inbox import score

    rules = key.LAB_SHORTCUTS["a4_triage_rules"][name]
    assert score(rules, hidden_inbox).overall <= 5 and key.triage_grade(rules, hidden_inbox)[1] <= 5
    assert not run_grade_cell("a4_triage_rules", rules)[0]


def test_the_pass_mark_asks_for_more_than_patterns(hidden_inbox):
    """The model's own patterns without its sentiment conditions sort the messages but miss the urgent ones: a
    half-thought table stays under the mark, far above the shortcuts."""
    from course.interaction.inbox import score

    assert 15 < score(key.WITHOUT_SENTIMENT, hidden_inbox).overall < key.TRIAGE_PASS
    assert 15 < key.triage_grade(key.WITHOUT_SENTIMENT, hidden_inbox)[1] < key.TRIAGE_PASS
    assert not run_grade_cell("a4_triage_rules", key.WITHOUT_SENTIMENT)[0]


def test_rules_that_cannot_run_or_are_not_a_table_earn_nothing():
    from course.exercises.module4 import assignment as ex

    broken = [{"name": "no route", "intent": "question", "priority": "today"}]
    for answer in (broken, lambda message: {"intent": "question", "priority": "today", "route": "support"}, ...):
        assert not run_grade_cell("a4_triage_rules", answer)[0]
        assert ex.triage_rules.verdict(answer).status != "answered"
    assert ex.triage_rules.verdict(key.MODEL_RULES).status == ex.triage_rules.verdict(key.ONE_QUEUE).status


def test_patching_the_lab_in_the_notebook_earns_nothing():
    import course.interaction.inbox as inbox

    original = inbox.score
    try:
        inbox.score = lambda rules, labelled: type("S", (), {"overall": 100})()
        assert not run_grade_cell("a4_triage_rules", key.ONE_QUEUE)[0]
    finally:
        inbox.score = original


# --------------------------------------------------------------------------- question 10: the replies
def test_the_model_replies_pass_and_name_each_persons_issue():
    from course.exercises.module4.assignment import reply_set
    from course.interaction.replies import check_replies

    report = check_replies(key.MODEL_REPLIES, reply_set())
    assert report.overall == 100
    assert grade_cell_points("a4_replies", key.MODEL_REPLIES) == 2


def test_two_good_replies_and_two_canned_ones_earn_one_point():
    from course.exercises.module4.assignment import reply_set
    from course.interaction.replies import check_replies

    overall = check_replies(key.HALF_CANNED_REPLIES, reply_set()).overall
    assert key.REPLIES_PARTIAL < overall < key.REPLIES_PASS
    assert grade_cell_points("a4_replies", key.HALF_CANNED_REPLIES) == 1


@pytest.mark.parametrize("name", sorted(key.LAB_SHORTCUTS["a4_replies"]))
def test_canned_and_template_replies_score_near_zero_and_fail(name):
    from course.exercises.module4.assignment import reply_set
    from course.interaction.replies import check_replies

    replies = key.LAB_SHORTCUTS["a4_replies"][name]
    assert check_replies(replies, reply_set()).overall <= 10
    assert not run_grade_cell("a4_replies", replies)[0]


def test_the_reply_set_is_four_new_messages_with_handles():
    from course.exercises.module4.assignment import REPLY_SET_IDS, reply_set
    from course.interaction.replies import REPLY_IDS

    messages = reply_set()
    assert list(messages["message_id"]) == list(REPLY_SET_IDS) and not set(REPLY_SET_IDS) & set(REPLY_IDS)
    assert messages["handle"].notna().all() and messages["key_terms"].map(len).min() >= 2
    assert set(key.MODEL_REPLIES) == set(REPLY_SET_IDS)


def test_replies_for_other_messages_or_not_text_earn_nothing():
    from course.exercises.module4 import assignment as ex

    for answer in (key.COPIED_FROM_LESSONS["a4_replies"], {k: 1 for k in key.MODEL_REPLIES}, ...,
                   {k: "" for k in key.MODEL_REPLIES}):
        assert not run_grade_cell("a4_replies", answer)[0]
        assert ex.replies.verdict(answer).status != "answered"
    assert ex.replies.verdict(key.MODEL_REPLIES).status == ex.replies.verdict(key.CANNED_REPLIES).status


def test_every_item_has_distractors_and_alternatives():
    assert set(key.ALTERNATIVES) == set(key.KEYS)
    assert all(len(entries) >= 3 for entries in key.ALTERNATIVES.values())
