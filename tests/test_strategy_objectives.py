"""The SMART objective checker and the baseline-and-goals lab (course.strategy.objectives)."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest

from course.datasets import load_posts
from course.strategy.objectives import (
    KPIS,
    Objective,
    baseline,
    check_objectives,
    compare_windows,
    kpi_catalogue,
    weekly_engagement,
    window_warnings,
)

TODAY = "2026-11-02"
GOOD = {"name": "Keep spring riders", "goal": "retention", "kpi": "returning_members", "baseline": 0.38,
        "target": 0.42, "stretch": 0.46, "deadline": "2027-03-31", "owner": "Giulia"}


@pytest.fixture(scope="module")
def posts():
    return load_posts()


@pytest.fixture(scope="module")
def raw():
    """The posts CSV read straight from the package with plain pandas, for independent arithmetic."""
    with resources.files("course").joinpath("data/posts.csv").open("rb") as handle:
        frame = pd.read_csv(handle)
    frame["local_day"] = pd.to_datetime(frame["published_at"], utc=True).dt.tz_convert("Europe/Rome").dt.tz_localize(None).dt.normalize()
    frame["eng"] = frame["likes"] + frame["comments"] + frame["shares"] + frame["saves"]
    return frame


def codes(objective, **changes):
    record = {**objective, **changes}
    return check_objectives([record], today=TODAY)[0].codes


# ------------------------------------------------------------------ the checker
def test_a_good_objective_passes_and_says_so():
    report = check_objectives([GOOD], today=TODAY)
    assert report.ok and report[0].codes == []
    assert "SMART" in str(report) and "Keep spring riders" in str(report)


@pytest.mark.parametrize("changes, code", [
    ({"baseline": None}, "no_baseline"),
    ({"target": None}, "no_target"),
    ({"deadline": None}, "no_deadline"),
    ({"deadline": "2026-10-01"}, "past_deadline"),
    ({"deadline": TODAY}, "past_deadline"),
    ({"kpi": "likes"}, "vanity_kpi"),
    ({"kpi": "followers"}, "vanity_kpi"),
    ({"kpi": "reach"}, "kpi_mismatch"),
    ({"target": 0.30, "stretch": None}, "target_not_beyond_baseline"),
    ({"target": 0.38, "stretch": None}, "target_not_beyond_baseline"),
    ({"stretch": 0.40}, "stretch_not_beyond_target"),
    ({"target": 0.80, "stretch": None}, "implausible_jump"),
    ({"stretch": 0.90}, "implausible_jump"),
    ({"owner": ""}, "no_owner"),
    ({"owner": None}, "no_owner"),
    ({"goal": None}, "no_goal"),
    ({"goal": "fame"}, "unknown_goal"),
    ({"kpi": None}, "no_kpi"),
    ({"kpi": "vibes"}, "unknown_kpi"),
    ({"target": "lots"}, "bad_value"),
    ({"deadline": "soon"}, "bad_value"),
    ({"tagret": 0.4}, "unknown_field"),
])
def test_each_smart_problem_is_detected_alone(changes, code):
    found = codes(GOOD, **changes)
    assert found == [code], found


def test_each_message_names_the_objective_in_plain_words():
    report = check_objectives([GOOD, {**GOOD, "name": "Spring shop", "goal": "sales", "kpi": "likes", "baseline": 300,
                                      "target": 320, "stretch": 340}], today=TODAY)
    (problem,) = report[1].problems
    assert problem.message.startswith("Objective 2 (Spring shop)") and "vanity metric" in problem.message
    assert "orders" in problem.message  # it suggests a KPI that does measure sales


def test_an_unnamed_objective_is_named_by_its_number_goal_and_kpi():
    record = {k: v for k, v in GOOD.items() if k != "name"}
    assert check_objectives([record], today=TODAY)[0].label == "Objective 1 (retention via returning_members)"


def test_a_kpi_where_lower_is_better_wants_a_lower_target():
    fast = {"goal": "satisfaction", "kpi": "response_time", "baseline": 45, "target": 35, "stretch": 30,
            "deadline": "2027-01-31", "owner": "Giulia"}
    assert codes(fast) == []
    assert codes(fast, target=50, stretch=None) == ["target_not_beyond_baseline"]
    assert codes(fast, stretch=40) == ["stretch_not_beyond_target"]


def test_vanity_metrics_are_fine_for_the_goal_they_measure():
    assert codes(GOOD, goal="growth", kpi="followers", baseline=20000, target=21000, stretch=22000) == []
    assert KPIS["likes"].vanity and not KPIS["returning_members"].vanity


def test_several_problems_are_all_reported():
    found = codes({"goal": "retention", "kpi": "likes", "target": 500})
    assert set(found) == {"vanity_kpi", "no_baseline", "no_deadline", "no_owner"}


def test_inputs_as_dataframe_dataclass_or_single_dict_give_the_same_verdicts():
    bad = {**GOOD, "kpi": "likes", "owner": None}
    as_list = check_objectives([GOOD, bad], today=TODAY)
    as_frame = check_objectives(pd.DataFrame([GOOD, bad]), today=TODAY)
    as_objects = check_objectives([Objective(**GOOD), Objective(**bad)], today=TODAY)
    assert [c.codes for c in as_list] == [c.codes for c in as_frame] == [c.codes for c in as_objects]
    assert check_objectives(GOOD, today=TODAY).ok
    assert as_list[1].codes == ["vanity_kpi", "no_owner"]


def test_spellings_and_percentages_are_understood():
    assert codes(GOOD, goal="Loyalty", kpi="Retention rate", baseline="38%", target="42%", stretch="46%") == []


def test_bad_input_gets_a_clear_message():
    with pytest.raises(TypeError, match="list of objectives"):
        check_objectives("retain riders")
    with pytest.raises(TypeError, match="objective 2 is a str"):
        check_objectives([GOOD, "more likes"])
    with pytest.raises(ValueError, match="empty"):
        check_objectives([])
    with pytest.raises(ValueError, match="today='someday' is not a date"):
        check_objectives([GOOD], today="someday")


def test_the_report_escapes_what_the_learner_wrote():
    page = check_objectives([{**GOOD, "name": "<script>alert(1)</script>", "owner": None}], today=TODAY)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<li>Has no owner" in page  # the name is in the first column, not repeated in every line


def test_the_report_as_a_table_has_one_row_per_problem():
    table = check_objectives([GOOD, {**GOOD, "owner": None, "deadline": None}], today=TODAY).to_frame()
    assert table["problem"].tolist() == ["ok", "no_deadline", "no_owner"]


def test_the_catalogue_lists_the_kpis_for_a_goal():
    retention = kpi_catalogue("retention")
    assert "returning_members" in retention.index and "likes" not in retention.index
    assert len(kpi_catalogue()) == len(KPIS)


# ------------------------------------------------------------------ baselines
def _independent(raw, start, weeks, platform=None):
    first = pd.Timestamp(start)
    inside = (raw["local_day"] >= first) & (raw["local_day"] < first + pd.Timedelta(weeks=weeks))
    if platform:
        inside &= raw["platform"] == platform
    chosen = raw[inside]
    return chosen["eng"].sum() / len(chosen), chosen["eng"].sum() / chosen["reach"].sum(), len(chosen)


@pytest.mark.parametrize("start, weeks, platform", [("2026-01-12", 8, None), ("2026-01-12", 8, "instagram"),
                                                    ("2025-11-03", 4, "forum"), ("2026-08-31", 8, None),
                                                    ("2026-03-02", 6, "facebook")])
def test_baseline_numbers_match_arithmetic_on_the_csv(posts, raw, start, weeks, platform):
    per_post, rate, count = _independent(raw, start, weeks, platform)
    b = baseline(posts, start, weeks, platform=platform)
    assert b.posts == count and b.value == pytest.approx(per_post) and b.denominator == "per post"
    assert b.achievable == pytest.approx(per_post * 1.10) and b.stretch == pytest.approx(per_post * 1.25)
    r = baseline(posts, start, weeks, metric="engagement_rate", platform=platform)
    assert r.value == pytest.approx(rate) and r.denominator == "per person reached"


def test_the_window_counts_whole_local_days_across_the_clock_change(posts, raw):
    b = baseline(posts, "2026-03-02", 8)  # clocks go forward on 29 March 2026
    assert (b.start.isoformat(), b.end.isoformat()) == ("2026-03-02", "2026-04-26")
    assert b.posts == _independent(raw, "2026-03-02", 8)[2]


def test_the_uplifts_can_be_chosen_and_must_be_in_order(posts):
    b = baseline(posts, "2026-01-12", 8, achievable_uplift=0.05, stretch_uplift=0.15)
    assert b.achievable == pytest.approx(b.value * 1.05) and b.stretch == pytest.approx(b.value * 1.15)
    with pytest.raises(ValueError, match="stretch_uplift .* must be larger"):
        baseline(posts, "2026-01-12", 8, achievable_uplift=0.2, stretch_uplift=0.1)


@pytest.mark.parametrize("weeks, words", [(3, "too short"), (1, "too short"), (9, "too long"), (52, "too long")])
def test_windows_shorter_than_4_or_longer_than_8_weeks_are_refused(posts, weeks, words):
    with pytest.raises(ValueError, match=f"{weeks}-week window is {words}.*4 to 8 weeks"):
        baseline(posts, "2026-01-12", weeks)
    with pytest.raises(ValueError, match=words):
        window_warnings(posts, "2026-01-12", weeks)


def test_4_and_8_weeks_are_accepted(posts):
    assert baseline(posts, "2026-01-12", 4).weeks == 4 and baseline(posts, "2026-01-12", 8).weeks == 8


@pytest.mark.parametrize("kwargs, words", [
    ({"weeks": 6.5}, "whole number"),
    ({"start": "next spring"}, "not a date"),
    ({"start": "2026-09-14"}, "runs outside the data"),
    ({"start": "2025-10-20"}, "runs outside the data"),
    ({"platform": "myspace"}, "platform='myspace' is not in the posts"),
    ({"metric": "likes"}, "metric='likes' is not one of"),
])
def test_bad_baseline_arguments_get_a_clear_message(posts, kwargs, words):
    arguments = {"start": "2026-01-12", "weeks": 8, **kwargs}
    with pytest.raises(ValueError, match=words):
        baseline(posts, **arguments)


def test_a_table_without_the_needed_columns_is_named(posts):
    with pytest.raises(ValueError, match="needs the column 'reach'"):
        baseline(posts.drop(columns="reach"), "2026-01-12", 8)


def test_an_ordinary_window_has_no_warnings(posts):
    assert window_warnings(posts, "2026-01-12", 8) == []
    assert baseline(posts, "2026-01-12", 8).warnings == ()


def test_a_window_with_the_crisis_week_warns_and_shows_the_baseline_without_it(posts, raw):
    (warning,) = window_warnings(posts, "2026-03-02", 4, platform="instagram")
    assert warning.event == "the rain-jacket crisis week" and warning.days_inside == 7
    without = raw[(raw["platform"] == "instagram") & (raw["local_day"] >= "2026-03-02") & (raw["local_day"] < "2026-03-30")
                  & ~raw["local_day"].between("2026-03-16", "2026-03-22")]
    assert warning.value_without == pytest.approx(without["eng"].sum() / len(without))
    assert warning.value_with == pytest.approx(baseline(posts, "2026-03-02", 4, platform="instagram").value)
    assert "crisis" in warning.message and "without it" in warning.message


def test_a_window_with_the_campaign_warns_and_the_campaign_lifts_the_baseline(posts):
    warnings = window_warnings(posts, "2026-04-13", 6, metric="engagement_rate")
    campaign = next(w for w in warnings if "FirstRideVelora" in w.event)
    assert campaign.days_inside == 21 and campaign.shift > 0.02
    assert baseline(posts, "2026-05-04", 8, metric="engagement_rate").value > \
        1.3 * baseline(posts, "2026-01-12", 8, metric="engagement_rate").value


def test_other_campaigns_in_the_window_are_named(posts):
    events = [w.event for w in window_warnings(posts, "2025-11-10", 6)]
    assert any("Black Friday" in e for e in events)


def test_describe_states_the_denominator_the_window_and_the_rule(posts):
    text = baseline(posts, "2026-03-02", 4, metric="engagement_rate").describe()
    assert "per person reached" in text and "02 Mar 2026 to 29 Mar 2026" in text
    assert "baseline + 10%" in text and "baseline + 25%" in text and "crisis" in text


def test_compare_windows_and_the_weekly_series(posts):
    table = compare_windows(posts, {"ordinary": ("2026-01-12", 8), "campaign": ("2026-05-04", 8)})
    assert table.loc["ordinary", "warnings"] == "none" and "FirstRideVelora" in table.loc["campaign", "warnings"]
    weekly = weekly_engagement(posts)  # the data starts on Saturday 1 November 2025
    assert weekly.index.min() == pd.Timestamp("2025-10-27") and (weekly > 0).all()
    january = weekly_engagement(posts, "engagement_rate", platform="forum").loc["2026-01-12"]
    assert january == pytest.approx(baseline(posts, "2026-01-12", 4, "engagement_rate", "forum").value, rel=0.5)


def test_the_chart_draws_a_level_line_per_window(posts):
    import matplotlib

    matplotlib.use("Agg")
    from course.strategy.objectives import baseline_chart

    axes = baseline_chart(posts, {"ordinary": ("2026-01-12", 8), "campaign": ("2026-05-04", 8)},
                          metric="engagement_rate")
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert any(label.startswith("ordinary: 2.") for label in labels) and len(axes.collections) == 2  # one level line per window
    import matplotlib.pyplot as plt

    plt.close(axes.figure)
