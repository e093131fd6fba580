"""Assignment 2 graded end to end, its figures recomputed, and shortcuts shown not to pay.

- Eight synthetic learners hand in Assignment 2 and are graded once, with the project's parallel grader
  (``autograder.grading.grade_all``, the real ``nbgrader autograde`` in each worker); each one's autograded
  score is read back from the gradebook and must be exactly what they earned, and their feedback pages show
  the form checks' messages but no hidden-test code.
- Every figure the items quote is what the course's labs compute on Velora's data, and the labs' verdicts
  (the window warnings, the channel ranking, the guidelines check, the calendar validator) are the key's.
- A learner who takes a shortcut (always the same letter, one label everywhere, the lessons' answers
  copied) scores clearly less than a thoughtful learner, item by item through the master's hidden tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from answer_keys import m2_assignment as key
from gradecells import (Assessment, answer_all, assert_autograded_share, assert_exact_points,
                        assert_feedback_hides_the_hidden_tests, assert_shortcut_pays_less, copy_notebook,
                        grade_cells, hand_in_class, hidden_test_score, raise_everywhere, tamper)
from nbtools import cells_by_id, read

ASSIGNMENT = "module2_strategy"
NOTEBOOK = "2.6-assignment.ipynb"
AUTO_MAX, WRITTEN_MAX = 22, 12  # 11 autograded items of 2 points; two written answers of 6
SPEC = Assessment(ASSIGNMENT, NOTEBOOK, "Assignment 2", AUTO_MAX, WRITTEN_MAX, "a2_launch_plan")

CHEATS = {
    # an object that claims to equal anything
    "a2_kpi_for_objective": "class _Yes(dict):\n    def __eq__(self, other): return True\nkpi_for_objective = _Yes()",
    # a str subclass whose methods are patched to look right
    "a2_smart_rewrite": "class _S(str):\n    def strip(self): return 'c'\n    def lower(self): return 'c'\n"
    "    def __eq__(self, other): return True\n    __hash__ = str.__hash__\nsmart_rewrite = _S('z')",
    # silence the visible check, then answer wrongly
    "a2_baseline_window": "ex.baseline_window.check = lambda answer: None\nbaseline_window = 'd'",
    # the right letter, in a patched type: refused even with the right contents
    "a2_facebook_targets": "class _T(str):\n    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"
    "facebook_targets = _T('b')",
    # patch the course package's form check, then answer wrongly
    "a2_calendar_rule": "import course.checks as _c\n_c.FormCheck.verdict = lambda self, answer: None\ncalendar_rule = 'a'",
    # right labels in a dict whose values claim to equal anything
    "a2_channel_for_brief": "class _E(str):\n    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"
    "channel_for_brief = {k: _E('x') for k in ('china_young_riders', 'de_it_over_45', 'english_35_54')}",
}


def _source(qid: str, answer) -> str:
    return f"{grade_cells()[qid].variable} = {answer!r}"


# learner -> expected autograded score
EXPECTED = {
    "full": AUTO_MAX,
    "blank": 0,
    # one wrong KPI (q1) and a wrong window (q3): well formed, so the visible checks say only "Answered"
    "partly_wrong": AUTO_MAX - 2 - 2,
    "tampered": 2,  # only q11 answered (right); checks rewritten and points inflated -> nbgrader restores them
    "raises": 0,
    "cheater": 0,
    "always_a": 2,  # the first option everywhere and the first label everywhere: only q8's key is "a"
    "copied_from_lessons": 4,  # the lessons' nearest answers: right on q4 and q9 only
}


def build_submission(kind: str, release_nb, master_nb):
    nb = copy_notebook(release_nb)
    cells = cells_by_id(nb)
    if kind in ("full", "partly_wrong", "cheater"):
        answer_all(nb, master_nb)
    if kind == "partly_wrong":
        cells["a2_kpi_for_objective"].source = _source("a2_kpi_for_objective",
                                                       key.but(key.KPI, forum_to_shop="referral_orders"))
        cells["a2_baseline_window"].source = 'baseline_window = "d"'
    if kind == "tampered":
        cells["a2_calendar_rule"].source = 'calendar_rule = "c"'
        tamper(nb, removed_check="a2_owned_first_check")
    if kind == "raises":
        raise_everywhere(nb)
    if kind == "cheater":
        for qid, source in CHEATS.items():
            cells[qid].source = source
        for qid, answer in key.same_everywhere("a", 0).items():  # every other answer wrong
            if qid not in CHEATS and qid != "a2_owned_first":
                cells[qid].source = _source(qid, answer)
        cells["a2_owned_first"].source = 'owned_first = "b"'
    if kind in ("always_a", "copied_from_lessons"):
        answers = key.DEGENERATE[kind]
        for qid, answer in answers.items():
            cells[qid].source = _source(qid, answer)
    if kind in ("full", "partly_wrong"):
        cells["a2_launch_plan"].source = "Safety reports to quality within the hour; rules pinned; Crew posts first."
        cells["a2_reviews_case"].source = "(a) Owners are trusted more than adverts. (b) Ask buyers after three months."
    return nb


@pytest.fixture(scope="module")
def graded(module_course_root):
    from autograder.grading import grade_all

    root = module_course_root
    hand_in_class(root, ASSIGNMENT, NOTEBOOK, build_submission, EXPECTED)
    outcomes = grade_all(root, ASSIGNMENT, workers=2, progress=False)
    return root, outcomes


def test_each_learner_gets_exactly_the_points_they_earned(graded):
    assert_exact_points(SPEC, *graded, EXPECTED)


def test_feedback_shows_the_form_messages_but_never_the_hidden_tests(graded):
    assert_feedback_hides_the_hidden_tests(SPEC, graded[0], EXPECTED)


def test_the_autograded_items_are_at_least_sixty_percent_of_the_points():
    assert_autograded_share(SPEC)


# --------------------------------------------------------------------------- shortcuts do not pay
THOUGHTFUL = {
    "every answer right": dict(key.KEYS),
    # a careful learner who still slips on the two closest calls
    "two slips": {**key.KEYS, "a2_channel_for_brief": key.but(key.CHANNEL, english_35_54="facebook"),
                  "a2_facebook_targets": "d"},
}


@pytest.fixture(scope="module")
def thoughtful_scores():
    return {name: hidden_test_score(answers) for name, answers in THOUGHTFUL.items()}


def test_a_thoughtful_learner_scores_high(thoughtful_scores):
    assert thoughtful_scores == {"every answer right": AUTO_MAX, "two slips": AUTO_MAX - 4}


@pytest.mark.parametrize("name", sorted(key.DEGENERATE))
def test_a_shortcut_scores_clearly_less_than_a_thoughtful_learner(name, thoughtful_scores):
    assert_shortcut_pays_less(SPEC, key.DEGENERATE[name], key.KEYS, thoughtful_scores)


def test_no_single_letter_is_the_key_of_more_than_a_third_of_the_choices():
    letters = [answer for answer in key.KEYS.values() if isinstance(answer, str)]
    assert max(letters.count(letter) for letter in "abcd") <= len(letters) / 3


# --------------------------------------------------------------------------- the figures the items quote
@pytest.fixture(scope="module")
def posts():
    from course.datasets import load_posts

    return load_posts()


def _text() -> str:
    from course.syllabus import module

    return "\n".join(c.source for c in read(module(ASSIGNMENT).path / NOTEBOOK).cells if c.cell_type == "markdown")


@pytest.mark.parametrize("platform, start, value, achievable, stretch, warned", [
    ("forum", "2026-01-12", "225.7", "248.3", "282.1", False),
    ("instagram", "2026-02-23", "333.0", "366.3", "416.2", True),
    ("instagram", "2026-04-13", "405.0", "445.5", "506.2", True),
    ("instagram", "2026-01-12", "489.1", "538.0", "611.3", False),
    ("instagram", "2026-05-04", "625.3", "687.9", "781.7", True),
    ("facebook", "2026-01-12", "21.8", "24.0", "27.2", False),
    ("facebook", "2026-02-23", "34.8", "38.2", "43.4", True),
    ("facebook", "2026-05-04", "76.3", "83.9", "95.4", True),
])
def test_baselines_and_targets_are_the_labs(posts, platform, start, value, achievable, stretch, warned):
    from course.strategy.objectives import baseline

    b = baseline(posts, start, 8, platform=platform)
    assert (f"{b.value:.1f}", f"{b.achievable:.1f}", f"{b.stretch:.1f}") == (value, achievable, stretch)
    assert bool(b.warnings) == warned
    assert value in _text()


def test_the_key_window_is_the_only_one_without_a_warning(posts):
    from course.strategy.objectives import baseline

    options = {"a": "2026-02-23", "b": "2026-04-13", "c": "2026-01-12", "d": "2026-05-04"}
    clean = [letter for letter, start in options.items() if not baseline(posts, start, 8, platform="instagram").warnings]
    assert clean == [key.KEYS["a2_baseline_window"]]
    assert key.KEYS["a2_facebook_targets"] == "b" and "Achievable 24.0, stretch 27.2" in _text()


def test_the_channel_key_is_the_rankings_top_score():
    from course.datasets import load_audience
    from course.strategy.channels import rank_channels

    audience = load_audience()
    briefs = {"china_young_riders": {"age_bands": ["18-24", "25-34"], "countries": ["CN"]},
              "de_it_over_45": {"age_bands": ["45-54", "55-64"], "countries": ["DE", "IT"]},
              "english_35_54": {"age_bands": ["35-44", "45-54"], "countries": ["US", "CA", "GB"]}}
    tops = {name: rank_channels(audience, brief).iloc[0]["platform"] for name, brief in briefs.items()}
    assert tops == key.CHANNEL
    # the rewritten alternative: by headcount the English-speaking brief would go elsewhere
    by_headcount = rank_channels(audience, briefs["english_35_54"]).sort_values("fit_all").iloc[-1]["platform"]
    assert by_headcount == "instagram"


def test_the_super_users_figures():
    from course.datasets import load_forum_replies, load_members

    members, replies = load_members(), load_forum_replies()
    ids = set(members.loc[members["super_user"], "member_id"])
    assert (len(ids), len(members)) == (51, 6000)
    shares = (replies["author_id"].isin(ids).mean(), replies.loc[replies["accepted"], "author_id"].isin(ids).mean())
    assert [f"{s:.0%}" for s in shares] == ["46%", "45%"]
    assert "46% of all forum replies and 45% of the accepted answers" in _text()


def test_the_draft_guidelines_lack_only_the_escalation_time():
    from course.strategy.guidelines import build_guidelines, check_guidelines

    draft = build_guidelines(
        community="Velora Cargo families",
        purpose="A board where families who ride cargo bikes swap routes, tips and kit.",
        rules=[{"rule": "Keep children's faces out of photos unless their parents agree.",
                "ok": "A photo of the cargo box from behind.", "not_ok": "A close-up of a neighbour's child."},
               {"rule": "Be kind, even when you disagree.", "ok": "I find the Cargo heavy on hills; here is my route.",
                "not_ok": "Anyone who buys this is a fool."}],
        sanctions=[{"when": "A first breach", "action": "A private reminder"},
                   {"when": "A second breach within 90 days", "action": "A 7-day pause"},
                   {"when": "Threats or hate", "action": "A permanent ban"}],
        escalation=[{"when": "A safety risk (a faulty brake, a loose child seat)", "who": "Quality team lead",
                     "within": ""},
                    {"when": "A question about an order", "who": "Support", "within": "1 working day"}],
        published_at=["Pinned post on the board"], shared_with_team=["Community team", "Support agents"],
        review_by="2027-06-01")
    assert check_guidelines(draft, today="2026-12-01").missing == ["escalation path"]


def test_the_new_may_post_breaks_only_the_window_rule():
    from course.strategy import calendar as cal

    plan = cal.example_plan()
    before = cal.validate_calendar(plan, quiet=True)
    post = {"when": pd.Timestamp("2026-05-20 23:30", tz="Europe/Rome"), "platform": "instagram",
            "pillar": "promotion", "format": "image", "message": "Test-ride weekend: book yours.",
            "link": "https://velora.example/firstride", "paid": True, "campaign": "FirstRideVelora", "event": ""}
    after = cal.validate_calendar(pd.concat([plan, pd.DataFrame([post])], ignore_index=True), quiet=True)
    added = after[after["row"] == len(plan)]
    assert list(added["rule"]) == ["window"] and len(after) == len(before) + 1
    assert pd.Timestamp("2026-05-20").day_name() == "Wednesday"
