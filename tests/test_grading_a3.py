"""Assignment 3: every figure its items quote is what the course's labs compute on Velora's data, and the
labs' verdicts (the platform picker, the profile audit, the slot counts, the draft validator, the clocks, the link checker,
the funnel) are the key's.

Its synthetic class, graded end to end, and its shortcut learners are in ``tests/test_grading_assignments.py``.
"""

from __future__ import annotations

import pytest

from answer_keys import m3_assignment as key
from gradecells import grade_cells
from nbtools import cells_by_id, read

ASSIGNMENT = "module3_social"
NOTEBOOK = "3.6-assignment.ipynb"


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
