"""The loyalty lab (course.interaction.loyalty): contributors, the programme rules, cohorts and welcomes."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from course.interaction import loyalty

matplotlib.use("Agg")

T0 = pd.Timestamp("2026-01-05 10:00", tz="UTC")


def _members(rows):
    """rows: (member_id, segment, super_user, referrals, joined_at)."""
    return pd.DataFrame(rows, columns=["member_id", "segment", "super_user", "referrals", "joined_at"]).assign(
        handle=lambda t: t["member_id"].str.lower(), joined_at=lambda t: pd.to_datetime(t["joined_at"], utc=True))


def _replies(rows):
    """rows: (author_id, created_at, accepted, by_staff)."""
    table = pd.DataFrame(rows, columns=["author_id", "created_at", "accepted", "by_staff"])
    table["created_at"] = pd.to_datetime(table["created_at"], utc=True)
    table["thread_id"] = "T1"
    return table


@pytest.fixture()
def small():
    members = _members([
        ("M1", "customer", True, 0, "2024-01-01"), ("M2", "ambassador", False, 12, "2025-12-10"),
        ("M3", "customer", False, 0, "2026-02-01"), ("M4", "employee", False, 0, "2023-01-01"),
    ] + [(f"M{i}", "prospect", False, 0, "2025-01-01") for i in range(5, 101)])
    replies = _replies(
        [("M1", "2026-01-10", True, False)] * 6 + [("M1", "2026-02-10", False, False)] * 4
        + [("M2", "2026-03-01", True, False)] * 2 + [("M3", "2026-03-02", False, False)]
        + [("M4", "2026-03-03", True, True)] * 50          # staff: never the community's figures
        + [("M3", "2024-06-01", True, False)] * 9)          # before the data year: not counted
    return members, replies


# --------------------------------------------------------------------------- contributors and inequality
def test_top_contributors_leave_staff_and_other_years_out(small):
    members, replies = small
    top = loyalty.top_contributors(members, replies, top=3)
    assert list(top["member_id"]) == ["M1", "M2", "M3"]
    assert top.loc[0, ["replies", "accepted_answers"]].tolist() == [10, 6]
    assert top.loc[2, "accepted_answers"] == 0 and bool(top.loc[0, "flagged"]) and not bool(top.loc[1, "flagged"])
    assert top.loc[1, "referrals"] == 12


def test_reply_shares_split_the_community_one_nine_ninety(small):
    members, replies = small
    shares = loyalty.reply_shares(members, replies)   # 99 community members: 1, 9 and 89
    assert shares["members"].tolist() == [1, 9, 89]
    assert shares["replies"].tolist() == [10, 3, 0]
    assert shares["share_of_replies"].sum() == pytest.approx(1)
    assert shares["share_of_members"].sum() == pytest.approx(1)


def test_velora_forum_follows_the_90_9_1_pattern():
    shares = loyalty.reply_shares()
    assert shares.loc["top 1%", "share_of_replies"] > 0.5        # the lesson: a few dozen write most replies
    assert shares.loc["other 90%", "share_of_replies"] < 0.02
    top = loyalty.top_contributors(top=15)
    assert len(top) == 15 and top["flagged"].sum() >= 12 and not top["flagged"].all()


def test_the_inequality_chart_draws_both_shares(small):
    axes = loyalty.inequality_chart(loyalty.reply_shares(*small))
    assert len(axes.patches) == 6
    assert [t.get_text() for t in axes.get_xticklabels()] == list(loyalty.TIER_NAMES)
    with pytest.raises(ValueError, match="reply_shares"):
        loyalty.inequality_chart(pd.DataFrame({"x": [1]}))


# --------------------------------------------------------------------------- the programme
def test_a_programme_counts_who_qualifies_and_what_it_costs(small):
    members, replies = small
    rules = {"min_accepted_answers": 2, "reward_per_month": 15, "disclosure": "Velora Crew ambassador"}
    programme = loyalty.run_programme(rules, members, replies)
    assert list(programme.qualified["member_id"]) == ["M1", "M2"]
    assert (programme.count, programme.monthly_cost, programme.yearly_cost) == (2, 30.0, 360.0)
    assert programme.findings.empty
    summary = programme.summary()["value"]
    assert summary["members who qualify"] == 2 and summary["cost per year (EUR)"] == 360.0
    assert "M4" not in set(programme.candidates["member_id"])   # employees are out unless asked for


def test_all_or_any_and_a_rules_table_give_the_same_as_a_dict(small):
    members, replies = small
    both = loyalty.run_programme({"min_referrals": 10, "min_accepted_answers": 5}, members, replies)
    either = loyalty.run_programme({"min_referrals": 10, "min_accepted_answers": 5, "match": "any"}, members, replies)
    assert both.count == 0 and set(either.qualified["member_id"]) == {"M1", "M2"}
    table = pd.DataFrame({"rule": ["min_referrals", "min_accepted_answers", "match"], "value": [10, 5, "any"]})
    assert loyalty.run_programme(table, members, replies).count == 2


def test_tenure_is_counted_in_whole_months_on_the_last_day(small):
    members, replies = small
    programme = loyalty.run_programme({"min_tenure_months": 10}, members, replies)
    tenure = programme.candidates.set_index("member_id")["tenure_months"]
    assert tenure["M2"] == 10 and tenure["M3"] == 8 and tenure["M1"] == 33
    assert "M3" not in set(programme.qualified["member_id"])


def test_tenure_is_a_gate_even_when_any_contribution_is_enough(small):
    members, replies = small
    rules = {"min_accepted_answers": 1, "min_referrals": 10, "match": "any", "min_tenure_months": 12}
    programme = loyalty.run_programme(rules, members, replies)
    assert list(programme.qualified["member_id"]) == ["M1"]          # M2 contributed but joined ten months ago
    assert loyalty.run_programme({"min_tenure_months": 30}, members, replies).count == 1


def test_the_left_out_are_super_users_and_top_referrers_who_miss(small):
    members, replies = small
    programme = loyalty.run_programme({"min_referrals": 10}, members, replies)
    assert list(programme.left_out["member_id"]) == ["M1"]          # the flagged super user, no referrals


@pytest.mark.parametrize("rules, message", [
    ({"min_accepted": 3}, "Did you mean 'min_accepted_answers'"),
    ({"min_referrals": 2.5}, "whole number"),
    ({"min_replies": -1}, "whole number"),
    ({"reward_per_month": 10}, "no criterion"),
    ({"min_replies": 1, "match": "either"}, "'all' or 'any'"),
    ({"min_replies": 1, "segments": ["customers"]}, "not a segment"),
    ({"min_replies": 1, "reward_per_month": "ten"}, "amount in euros"),
    ({"min_replies": 1, "disclosure": True}, "text in quotes"),
    (["min_replies", 1], "dictionary"),
    (pd.DataFrame({"name": ["min_replies"]}), "'rule' and 'value'"),
    (pd.DataFrame({"rule": ["min_replies", "min_replies"], "value": [1, 2]}), "more than once"),
])
def test_rules_that_cannot_be_applied_are_named(small, rules, message):
    with pytest.raises(loyalty.ProgrammeError, match=message):
        loyalty.run_programme(rules, *small)
    findings = loyalty.check_programme(rules)
    assert findings["severity"].tolist() == ["must fix"] and message.split("'")[0] in findings.loc[0, "message"]


def test_rewarded_advocacy_must_be_disclosed_and_named_plainly():
    silent = loyalty.check_programme({"min_referrals": 10, "reward_per_month": 20})
    assert ("must fix", "disclosure") in set(zip(silent["severity"], silent["rule"]))
    vague = loyalty.check_programme({"min_referrals": 10, "min_replies": 5, "match": "any",
                                     "reward_per_month": 20, "disclosure": "Love my Velora!"})
    assert vague[["severity", "rule"]].values.tolist() == [["should fix", "disclosure"]]
    plain = loyalty.check_programme({"min_referrals": 10, "min_replies": 5, "match": "any",
                                     "reward_per_month": 20, "disclosure": "#ad Velora ambassador, gifted bike"})
    assert plain.empty
    unpaid = loyalty.check_programme({"min_accepted_answers": 5})     # a thank-you with no reward needs no label
    assert unpaid.empty


def test_staff_and_referral_only_programmes_get_advice():
    findings = loyalty.check_programme({"min_referrals": 10, "segments": ["ambassador", "employee"]})
    assert set(findings["rule"]) == {"segments", "min_referrals"} and set(findings["severity"]) == {"should fix"}


def test_velora_programme_figures_the_lesson_quotes():
    rules = {"min_accepted_answers": 10, "reward_per_month": 15, "disclosure": "Velora Crew ambassador"}
    programme = loyalty.run_programme(rules)
    assert programme.count == 20 and programme.monthly_cost == 300
    assert programme.qualified["super_user"].sum() == 18
    assert len(programme.left_out) > programme.count       # many who did the work are missed


# --------------------------------------------------------------------------- cohorts
def test_cohorts_count_threads_and_replies_of_members_who_joined_in_the_year(small):
    members, replies = small
    threads = pd.DataFrame({"author_id": ["M3", "M1"], "created_at": pd.to_datetime(["2026-04-02", "2026-04-03"], utc=True),
                            "first_answer_at": pd.NaT, "first_answer_by": None})
    table = loyalty.cohort_retention(members, replies, threads, months=4)
    assert list(table.index.astype(str)) == ["2025-12", "2026-02"]     # M1 joined before the data year
    assert table.loc[pd.Period("2026-02", "M"), [0, 1, 2]].tolist() == [0.0, 1.0, 1.0]   # M3: March reply, April thread
    assert table.loc[pd.Period("2025-12", "M"), 3] == 1.0                                  # M2: March replies


def test_the_cohort_heatmap_shows_each_cohorts_size():
    table = loyalty.cohort_retention()
    assert len(table) == 12 and table["members"].sum() > 2000
    assert table.iloc[-1, 2:].isna().all()                     # October's cohort has only its first month
    axes = loyalty.cohort_heatmap(table)
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[0] == f"2025-11  ({table['members'].iloc[0]} joined)"
    shown = [t.get_text() for t in axes.texts]
    assert len(shown) == int(table.drop(columns="members").notna().to_numpy().sum())
    with pytest.raises(ValueError, match="cohort_retention"):
        loyalty.cohort_heatmap(pd.DataFrame({0: [0.1]}))


# --------------------------------------------------------------------------- welcomes
def _welcome_data():
    members = _members([("N1", "customer", False, 0, "2026-01-01"), ("N2", "customer", False, 0, "2026-01-02"),
                        ("N3", "customer", False, 0, "2026-01-03"), ("N4", "customer", False, 0, "2026-10-20"),
                        ("OLD", "customer", False, 0, "2024-01-01")])
    threads = pd.DataFrame({
        "author_id": ["N1", "N2", "N3", "N4", "OLD", "N1"],
        "created_at": [T0, T0, T0, pd.Timestamp("2026-10-21", tz="UTC"), T0, T0 + pd.Timedelta(days=3)],
        "first_answer_at": [T0 + pd.Timedelta(hours=2), T0 + pd.Timedelta(days=9), pd.NaT, T0, T0, T0],
        "first_answer_by": ["community", "staff", None, "staff", "staff", "staff"],
    })
    replies = _replies([("N1", "2026-02-20", False, False), ("N3", "2026-01-08", False, False),
                        ("N2", "2026-06-01", False, False)])
    return members, replies, threads


def test_welcomed_means_the_first_thread_was_answered_in_time():
    table = loyalty.welcome_table(*_welcome_data()).set_index("member_id")
    assert list(table.index) == ["N1", "N2", "N3"]     # N4 has no 90 days left, OLD is no newcomer
    assert table["welcomed"].tolist() == [True, False, False]
    # N1 came back on day 46; N3's reply on day 3 is inside the first week; N2's on day 147 is too late
    assert table["came_back"].tolist() == [True, False, False]
    hourly = loyalty.welcome_table(*_welcome_data(), within="1h")
    assert not hourly["welcomed"].any()
    with pytest.raises(ValueError, match="not a duration"):
        loyalty.welcome_table(*_welcome_data(), within="a week")
    with pytest.raises(ValueError, match="two whole numbers"):
        loyalty.welcome_table(*_welcome_data(), came_back=(90, 7))


def test_the_comparison_warns_when_a_group_is_small():
    comparison = loyalty.welcome_comparison(loyalty.welcome_table(*_welcome_data()))
    assert comparison["newcomers"].tolist() == [1, 2]
    assert comparison["share_came_back"].tolist() == [1.0, 0.0]
    assert comparison["caution"].str.startswith("too few").all()
    velora = loyalty.welcome_comparison()
    assert velora.loc["welcomed", "newcomers"] > 10 * velora.loc["not welcomed", "newcomers"]
    assert velora.loc["welcomed", "caution"] == "" and velora.loc["not welcomed", "caution"] != ""
    axes = loyalty.welcome_chart(velora)
    assert len(axes.patches) == 2


def test_belonging_is_higher_among_super_users_and_ambassadors():
    table = loyalty.belonging_by_role()
    assert table.loc["super user", "mean_belonging"] > table.loc["other member", "mean_belonging"]
    assert table.loc["ambassador", "mean_belonging"] > table.loc["other member", "mean_belonging"]
    assert np.isclose(table["respondents"].sum(), len(loyalty.load_survey()))


def test_the_figures_lesson_4_4_quotes_hold():
    """The lesson's prose quotes these numbers: a change to the data or the lab must update it."""
    shares = loyalty.reply_shares()
    assert shares.loc["top 1%", "members"] == 59 and round(shares.loc["top 1%", "share_of_replies"], 2) == 0.63
    top = loyalty.top_contributors(top=15)
    assert top["flagged"].sum() == 14 and top.loc[3, "handle"] == "rajorides776" and not top.loc[3, "flagged"]
    assert top.loc[3, ["replies", "accepted_answers"]].tolist() == [290, 22]
    circle = loyalty.run_programme({"min_accepted_answers": 10, "reward_per_month": 15, "disclosure": "Velora Crew ambassador"})
    referrers = circle.left_out["referrals"] >= 10
    assert (len(circle.left_out), int(referrers.sum()), int(circle.left_out.loc[~referrers, "super_user"].sum())) == (90, 44, 32)
    crew = {"min_accepted_answers": 5, "min_referrals": 10, "reward_per_month": 15, "disclosure": "Velora Crew ambassador"}
    assert loyalty.run_programme({**crew, "match": "any"}).yearly_cost == 14400
    assert loyalty.run_programme(crew).count == 1
    week, hour = loyalty.welcome_comparison(), loyalty.welcome_comparison(within="1h")
    assert week["newcomers"].tolist() == [66, 4] and week["came_back"].tolist() == [63, 3]
    assert hour["newcomers"].tolist() == [47, 23]
    assert abs(hour["share_came_back"].diff().iloc[-1]) < 0.05          # "the gap disappears"
