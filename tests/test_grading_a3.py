"""Assignment 3 graded end to end, its figures recomputed, and shortcuts shown not to pay.

- Eight synthetic learners hand in Assignment 3 and are graded once, with the project's parallel grader
  (``autograder.grading.grade_all``, the real ``nbgrader autograde`` in each worker); each one's autograded
  score is read back from the gradebook and must be exactly what they earned, and their feedback pages show
  the form checks' messages but no hidden-test code.
- Every figure the items quote is what the course's labs compute on Velora's data, and the labs' verdicts
  (the platform picker, the profile audit, the slot counts, the draft validator, the clocks, the link checker,
  the funnel) are the key's.
- A learner who takes a shortcut (always the same letter, one label everywhere, the lessons' answers
  copied) scores clearly less than a thoughtful learner, item by item through the master's hidden tests.
"""

from __future__ import annotations

import pytest

from answer_keys import m3_assignment as key
from gradecells import (Assessment, answer_all, assert_autograded_share, assert_exact_points,
                        assert_feedback_hides_the_hidden_tests, assert_shortcut_pays_less, copy_notebook,
                        grade_cells, hand_in_class, hidden_test_score, raise_everywhere, tamper)
from nbtools import cells_by_id, read

ASSIGNMENT = "module3_social"
NOTEBOOK = "3.6-assignment.ipynb"
AUTO_MAX, WRITTEN_MAX = 22, 12  # 11 autograded items of 2 points; two written answers of 6
SPEC = Assessment(ASSIGNMENT, NOTEBOOK, "Assignment 3", AUTO_MAX, WRITTEN_MAX, "a3_x_fix_plan")

CHEATS = {
    # an object that claims to equal anything
    "a3_platform_for_brief": "class _Yes(dict):\n    def __eq__(self, other): return True\nplatform_for_brief = _Yes()",
    # a str subclass whose methods are patched to look right
    "a3_rate_apart": "class _S(str):\n    def strip(self): return 'd'\n    def lower(self): return 'd'\n"
    "    def __eq__(self, other): return True\n    __hash__ = str.__hash__\nrate_apart = _S('z')",
    # silence the visible check, then answer wrongly
    "a3_profile_gap": "ex.profile_gap.check = lambda answer: None\nprofile_gap = 'b'",
    # the right letter, in a patched type: refused even with the right contents
    "a3_new_york_time": "class _T(str):\n    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"
    "new_york_time = _T('b')",
    # patch the course package's form check, then answer wrongly
    "a3_funnel_best": "import course.checks as _c\n_c.FormCheck.verdict = lambda self, answer: None\nfunnel_best = 'a'",
    # right labels in a dict whose values claim to equal anything
    "a3_draft_rules": "class _E(str):\n    def __eq__(self, other): return True\n    __hash__ = str.__hash__\n"
    "draft_rules = {k: _E('x') for k in ('x_winter_check', 'ig_cargo_carousel', 'tiktok_gloves_clip')}",
}


def _source(qid: str, answer) -> str:
    return f"{grade_cells()[qid].variable} = {answer!r}"


# learner -> expected autograded score
EXPECTED = {
    "full": AUTO_MAX,
    "blank": 0,
    # one wrong tool (q7) and the usual six hours (q6): well formed, so the visible checks say only "Answered"
    "partly_wrong": AUTO_MAX - 2 - 2,
    "tampered": 2,  # only q11 answered (right); checks rewritten and points inflated -> nbgrader restores them
    "raises": 0,
    "cheater": 0,
    "always_a": 4,  # the first option everywhere and the first label everywhere: q8's and q11's keys are "a"
    "copied_from_lessons": 0,  # the lessons' nearest answers: every item asks for a transfer the copy misses
}


def build_submission(kind: str, release_nb, master_nb):
    nb = copy_notebook(release_nb)
    cells = cells_by_id(nb)
    if kind in ("full", "partly_wrong", "cheater"):
        answer_all(nb, master_nb)
    if kind == "partly_wrong":
        cells["a3_tool_for_question"].source = _source("a3_tool_for_question",
                                                       key.but(key.TOOLS, forum_link_visits="forum software"))
        cells["a3_new_york_time"].source = 'new_york_time = "a"'
    if kind == "tampered":
        cells["a3_summed_reach"].source = 'summed_reach = "a"'
        tamper(nb, removed_check="a3_utm_rule_check")
    if kind == "raises":
        raise_everywhere(nb)
    if kind == "cheater":
        for qid, source in CHEATS.items():
            cells[qid].source = source
        for qid, answer in key.same_everywhere("b", 1).items():  # every other answer wrong
            if qid not in CHEATS and qid not in ("a3_new_york_time", "a3_funnel_best"):
                cells[qid].source = _source(qid, answer)
    if kind in ("always_a", "copied_from_lessons"):
        for qid, answer in key.DEGENERATE[kind].items():
            cells[qid].source = _source(qid, answer)
    if kind in ("full", "partly_wrong"):
        cells["a3_x_fix_plan"].source = "Move X to @velorabikes; pin a launch post with DM hours in CET; audit monthly."
        cells["a3_august_case"].source = "(a) The rhythm held, the replies did not. (b) A rota, no auto-replies."
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
    "two slips": {**key.KEYS, "a3_tool_for_question": key.but(key.TOOLS, forum_link_visits="forum software"),
                  "a3_profile_gap": "b"},
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


def test_the_labelled_items_give_each_item_its_own_label():
    """So a learner who writes one label everywhere earns nothing on them."""
    for qid in key.LABEL_ITEMS:
        values = list(key.KEYS[qid].values())
        assert len(set(values)) == len(values), qid


# --------------------------------------------------------------------------- the figures the items quote
@pytest.fixture(scope="module")
def tables():
    from course.datasets import load_audience, load_followers, load_posts, load_web_sessions

    return {"posts": load_posts(), "followers": load_followers(), "audience": load_audience(),
            "sessions": load_web_sessions()}


@pytest.fixture(scope="module")
def text() -> str:
    from course.syllabus import module

    return "\n".join(c.source for c in read(module(ASSIGNMENT).path / NOTEBOOK).cells if c.cell_type == "markdown")


def test_each_brief_fits_exactly_the_keys_platform():
    from course.social.platforms import pick_platforms

    fits = {name: pick_platforms(brief).query("fits").index.tolist() for name, brief in key.BRIEFS.items()}
    assert fits == {name: [platform] for name, platform in key.PLATFORM.items()}
    master = cells_by_id(read(grade_cells()["a3_platform_for_brief"].notebook))["a3_platform_tables"].source
    assert 'five = ["instagram", "facebook", "linkedin", "xiaohongshu", "weibo"]' in master
    for name, brief in key.BRIEFS.items():
        shown = {field: value for field, value in brief.items() if field != "platforms"}
        assert f'"{name}": {shown!r}'.replace("'", '"') in master
        assert brief["platforms"] == ["instagram", "facebook", "linkedin", "xiaohongshu", "weibo"]
    assert "no carousel" in pick_platforms(key.BRIEFS["china_review_notes"]).loc["weibo", "misses"]


def test_the_rates_and_their_denominators(tables, text):
    from course.social.platforms import velora_by_platform

    v = velora_by_platform(tables["posts"], tables["followers"], tables["audience"])
    for platform, column, letter in (("tiktok", "er_per_reach", "a"), ("xiaohongshu", "er_per_reach", "b"),
                                     ("instagram", "er_per_reach", "c"), ("linkedin", "er_per_follower", "d")):
        assert f"**{letter})** " in text and f"{v.loc[platform, column]:.1%} of the" in text
    # the odd one out is the only rate per follower
    assert key.KEYS["a3_rate_apart"] == "d"


def test_the_winter_profile_misses_only_accessibility(text):
    from course.social.profiles import load_profiles, score_profile

    result = score_profile(key.WINTER_PROFILE, load_profiles())
    assert [p.key for p in result.missed] == ["access"]
    assert "lower case" in result.missed[0].reason
    assert f"({len(key.WINTER_PROFILE['bio'])} characters)" in text and "(78 days before the audit)" in text
    assert key.WINTER_PROFILE["bio"] in text and key.WINTER_PROFILE["pinned_text"] in text


def test_the_series_slot_is_the_only_candidate_with_enough_posts(tables, text):
    from course.social.publishing import slot_engagement

    cells = slot_engagement(tables["posts"], key.SLOT_PLATFORM).set_index(["day", "hours"])
    chosen = {letter: cells.loc[slot] for letter, slot in key.SLOT_OPTIONS.items()}
    solid = [letter for letter, cell in chosen.items() if int(cell["posts"]) >= 10]
    assert solid == [key.KEYS["a3_series_slot"]]
    brightest = max(chosen, key=lambda letter: chosen[letter]["engagement"])
    assert brightest != key.KEYS["a3_series_slot"]
    for letter, cell in chosen.items():
        assert f"{cell['engagement']:.2f} times the typical post over {int(cell['posts'])} posts" in text, letter


def test_the_drafts_break_the_keys_rules(text):
    from course.social.publishing import check_drafts, counted_length, find_links

    problems = check_drafts(key.DRAFTS, quiet=True)
    found = {d["draft"]: sorted(problems.loc[problems["draft"] == d["draft"], "rule"]) for d in key.DRAFTS}
    assert found == {name: [] if rule == "ok" else [rule] for name, rule in key.DRAFT_RULES.items()}
    x = key.DRAFTS[0]["text"]
    assert len(x) > 280 >= counted_length(x, "x")
    assert f"{len(x)} characters as typed, {len(find_links(x)[0])} of them a link" in text
    for draft in key.DRAFTS:
        assert draft["text"] in text


def test_new_york_is_five_hours_behind_that_thursday():
    from course.social.publishing import across_zones, clock_gaps

    new_york = across_zones("2027-03-18 19:00").set_index("region").loc["North America"]
    assert new_york["local"] == "Thu 18 Mar 14:00"
    gaps = clock_gaps(2027)
    five = gaps[gaps["hours_apart"] == 5].iloc[0]
    assert (five["from"], five["to"]) == ("2027-03-14", "2027-03-28")


def test_only_the_key_link_breaks_a_rule():
    from course.social.utm import check_links

    problems = check_links(key.SPRING_SALE_LINKS)
    assert list(problems["link"]) == [key.KEYS["a3_utm_rule"]] and list(problems["rule"]) == ["known_medium"]


def _campaign_days(sessions, campaign: str) -> tuple[str, str]:
    """The first and last day of a campaign's tagged visits."""
    days = sessions.loc[sessions["campaign"] == campaign, "date"]
    return f"{days.min():%Y-%m-%d}", f"{days.max():%Y-%m-%d}"


def test_the_funnel_options_are_the_labs(tables, text):
    from course.social.utm import funnel

    table = funnel(tables["sessions"], start="2026-04-01", end="2026-04-30")
    assert table["order rate"].idxmax() == key.FUNNEL_OPTIONS[key.KEYS["a3_funnel_best"]]  # best of every source
    assert table["orders"].idxmax() == key.FUNNEL_OPTIONS["a"] == table["sessions"].idxmax()
    assert table["signup rate"].idxmax() == key.FUNNEL_OPTIONS["c"]
    social = table[table.index.str.endswith("/ social")]
    assert social["sessions"].idxmax() == key.FUNNEL_OPTIONS["d"]
    assert (table["sessions"] > table.loc[key.FUNNEL_OPTIONS["b"], "sessions"]).sum() == 4
    spring = _campaign_days(tables["sessions"], "spring_sale_2026")
    assert spring == ("2026-04-01", "2026-04-30")
    for letter, row in key.FUNNEL_OPTIONS.items():
        assert f"**{letter})** `{row}`" in text


def test_mays_summed_reach_is_more_than_the_followers(tables, text):
    from course.social.insights import insights

    page = insights(tables["posts"], tables["followers"], "instagram", "2026-05-01", "2026-05-31")
    assert page.summary["reach"] > page.summary["followers at end"]
    for row in ("posts", "reach", "followers at end"):
        assert f"{page.summary[row]:,.0f}" in text


def test_velora_x_misses_the_handle_and_the_pinned_post(text):
    from course.social.profiles import audit_profiles, load_profiles

    audit = audit_profiles(load_profiles()).query("brand == 'Velora' and platform == 'x'").iloc[0]
    missed = [point for point in ("handle", "name", "bio", "link", "image", "pinned", "contact", "voice", "access",
                                  "place") if not audit[point]]
    assert missed == ["handle", "pinned"] and audit["score"] == 8
    assert "Velora's X profile 8 out of 10" in text
