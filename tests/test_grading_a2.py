"""Assignment 2: every figure its items quote is what the course's labs compute on Velora's data, and the
labs' verdicts (the window warnings, the channel ranking, the guidelines check, the calendar validator) are the key's.

Its synthetic class, graded end to end, and its shortcut learners are in ``tests/test_grading_assignments.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from answer_keys import m2_assignment as key
from nbtools import read

ASSIGNMENT = "module2_strategy"
NOTEBOOK = "2.6-assignment.ipynb"


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
