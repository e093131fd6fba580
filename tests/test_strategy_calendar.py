"""The editorial calendar: every rule fires on a bad plan and stays quiet on a good one, messages name the row,
bad input is refused with a clear message, and both exports read back with real parsers as the plan."""

from __future__ import annotations

import csv

import icalendar
import matplotlib
import pandas as pd
import pytest

from course.strategy import calendar as cal
from course.strategy.calendar import PlanError, validate_calendar

matplotlib.use("Agg")

MAY = ("2026-05-01", "2026-05-31")
ROME = "Europe/Rome"


def fixed_may() -> pd.DataFrame:
    """The example plan with the three fixes the lesson makes: it passes every rule."""
    plan = cal.example_plan()
    plan.loc[plan["link"] == "https://velora.example/repair", "paid"] = False
    early = (plan["when"] == pd.Timestamp("2026-05-18 07:00", tz=ROME))
    plan.loc[early, "when"] = pd.Timestamp("2026-05-18 09:00", tz=ROME)
    sale = (plan["when"] == pd.Timestamp("2026-05-23 18:45", tz=ROME))
    plan.loc[sale, "when"] = pd.Timestamp("2026-05-20 18:30", tz=ROME)
    return plan


def post(when, platform="instagram", pillar="how_to", fmt="image", message="A post", link="", paid=False,
         campaign="", event="", tz=ROME) -> dict:
    stamp = pd.Timestamp(when)
    return {"when": stamp if stamp.tzinfo else stamp.tz_localize(tz), "platform": platform, "pillar": pillar,
            "format": fmt, "message": message, "link": link, "paid": paid, "campaign": campaign, "event": event}


def plan_of(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


NO_EVENTS = pd.DataFrame(columns=["event_id", "type", "title", "starts_at", "platform"])


def check(plan, **kwargs) -> pd.DataFrame:
    """Only the rules a test is about: no weekly minimum, no pillar cap, no events unless given."""
    options = {"frequency": {}, "max_pillar_share": 1.0, "events": NO_EVENTS, "quiet": True}
    options.update(kwargs)
    return validate_calendar(plan, **options)


# ------------------------------------------------------------------ the whole plan
def test_the_fixed_plan_passes_and_says_so(capsys):
    problems = validate_calendar(fixed_may(), period=MAY)
    assert problems.empty and list(problems.columns) == ["rule", "row", "date", "platform", "message"]
    assert "passes every rule (32 posts on 4 platforms checked)" in capsys.readouterr().out


def test_the_draft_has_three_problems_each_naming_its_row_and_rule(capsys):
    problems = validate_calendar(cal.example_plan(), period=MAY)
    found = {(p.rule, p.row, p.date, p.platform) for p in problems.itertuples()}
    assert found == {("owned_before_paid", 12, "2026-05-14", "linkedin"), ("window", 16, "2026-05-18", "instagram"),
                     ("event_clash", 23, "2026-05-23", "instagram")}
    for p in problems.itertuples():
        assert p.message.startswith(f"row {p.row} ({p.date} {p.platform}): ")
    out = capsys.readouterr().out
    assert out.startswith("3 problems in 32 posts on 4 platforms (owned_before_paid 1, event_clash 1, window 1):")
    assert "- [window] row 16 (2026-05-18 instagram): goes out at 07:00 Turin time" in out


# ------------------------------------------------------------------ frequency
def test_frequency_flags_the_post_over_the_weekly_maximum():
    plan = plan_of(*[post(f"2026-05-0{d} 10:00") for d in (4, 5, 6, 7)], post("2026-05-11 10:00"))
    problems = check(plan, frequency={"instagram": (0, 3)})
    assert problems[["rule", "row", "date"]].values.tolist() == [["frequency", 3, "2026-05-07"]]
    assert "post 4 on instagram in the week of 2026-05-04" in problems.loc[0, "message"]
    assert check(plan, frequency={"instagram": (0, 4)}).empty


def test_frequency_flags_a_whole_week_with_too_few_posts_but_not_a_partial_one():
    plan = plan_of(post("2026-05-04 10:00"), post("2026-05-06 10:00"), post("2026-05-12 10:00"),
                   post("2026-05-18 10:00"))
    problems = check(plan, frequency={"instagram": (2, 5)}, period=("2026-05-04", "2026-05-20"))
    assert problems[["rule", "date", "platform"]].values.tolist() == [["frequency", "2026-05-11", "instagram"]]
    assert pd.isna(problems.loc[0, "row"])
    assert problems.loc[0, "message"].startswith("week of 2026-05-11 (instagram): 1 post; post at least 2")
    # the week of 18 May is cut short by the period, so its single post is not too few
    assert check(plan, frequency={"instagram": (1, 5)}, period=("2026-05-04", "2026-05-20")).empty


def test_weeks_are_counted_in_the_accounts_own_time_zone():
    # Sunday 10 May 23:30 in Turin is Monday 11 May 05:30 in Shanghai: a Weibo post belongs to the next week there
    plan = plan_of(post("2026-05-10 23:30", platform="weibo", message="你好"), post("2026-05-12 20:00", platform="weibo",
                                                                                 tz="Asia/Shanghai"))
    problems = check(plan, frequency={"weibo": (0, 1)}, windows=pd.DataFrame())
    assert problems[["rule", "row"]].values.tolist() == [["frequency", 1]]


# ------------------------------------------------------------------ pillar balance
def test_pillar_balance_flags_the_posts_over_the_share_and_is_quiet_at_it():
    plan = plan_of(*[post(f"2026-05-{d:02d} 10:00", pillar="promotion", campaign="FirstRideVelora") for d in (4, 5, 6)],
                   *[post(f"2026-05-{d:02d} 10:00", pillar=p) for d, p in ((7, "how_to"), (8, "rider_stories"))])
    problems = check(plan, max_pillar_share=0.4)
    assert problems[["rule", "row"]].values.tolist() == [["pillar_balance", 2]]
    assert "promotion post 3 of 5 in the plan (60% promotion in all)" in problems.loc[0, "message"]
    assert check(plan, max_pillar_share=0.6).empty


# ------------------------------------------------------------------ owned before paid
def test_paid_needs_an_earlier_organic_post_of_the_same_campaign_or_link():
    guide = "https://velora.example/tour-guide"
    plan = plan_of(post("2026-06-02 10:00", paid=True, link=guide), post("2026-06-03 10:00", link=guide),
                   post("2026-06-04 10:00", paid=True, link=guide), post("2026-06-05 10:00", paid=True))
    problems = check(plan)
    assert problems[["rule", "row"]].values.tolist() == [["owned_before_paid", 0], ["owned_before_paid", 3]]
    assert "before any organic post of it" in problems.loc[0, "message"]
    assert "neither campaign nor link" in problems.loc[1, "message"]


def test_paid_campaign_posts_count_organic_posts_of_the_campaign():
    plan = plan_of(post("2026-05-04 10:00", campaign="FirstRideVelora", pillar="rider_stories"),
                   post("2026-05-05 10:00", campaign="FirstRideVelora", pillar="promotion", paid=True))
    assert check(plan).empty


# ------------------------------------------------------------------ events
EVENTS = pd.DataFrame({"event_id": ["E018", "E019"], "type": ["qa", "webinar"],
                       "title": ["Live Q&A with the Velora team", "Velora Wear: the fabric lab"],
                       "starts_at": pd.to_datetime(["2026-05-16T17:00:00Z", "2026-05-23T16:30:00Z"], utc=True),
                       "platform": ["Forum live thread", "YouTube Live"]})


def test_a_promotion_during_an_event_and_another_post_on_its_platform_clash():
    plan = plan_of(post("2026-05-23 18:45", pillar="promotion", campaign="FirstRideVelora"),
                   post("2026-05-16 19:30", platform="forum", fmt="thread"),
                   post("2026-05-16 19:00", platform="forum", fmt="thread", pillar="events", event="E018"),
                   post("2026-05-16 19:10", platform="instagram"),
                   post("2026-05-23 19:30", pillar="promotion", campaign="FirstRideVelora"))
    problems = check(plan, events=EVENTS)
    assert problems[["rule", "row"]].values.tolist() == [["event_clash", 1], ["event_clash", 0]]
    assert "while E018 'Live Q&A with the Velora team' (qa, 19:00 Turin time) is live there" in problems.loc[0, "message"]
    assert "a promotional post while E019" in problems.loc[1, "message"]


def test_the_shipped_events_are_the_default():
    plan = plan_of(post("2026-05-23 18:45", pillar="promotion", campaign="FirstRideVelora"))
    assert validate_calendar(plan, frequency={}, max_pillar_share=1.0, quiet=True)["rule"].tolist() == ["event_clash"]


# ------------------------------------------------------------------ freeze
def test_the_crisis_week_freezes_paid_and_promotional_posts_only():
    plan = plan_of(post("2026-03-15 23:30", tz="UTC", pillar="promotion"),   # 00:30 on 16 March in Turin
                   post("2026-03-17 10:00", pillar="rider_stories", paid=True, campaign="Spring"),
                   post("2026-03-18 10:00", pillar="how_to"),
                   post("2026-03-23 10:00", pillar="promotion"))
    problems = check(plan, windows=pd.DataFrame())
    assert sorted(problems[["rule", "row"]].values.tolist()) == [["freeze", 0], ["freeze", 1], ["owned_before_paid", 1]]
    assert "a promotional post during the rain-jacket crisis week (2026-03-16 to 2026-03-22)" in \
        problems.set_index(["rule", "row"]).loc[("freeze", 0), "message"]
    assert check(plan, freezes=(), windows=pd.DataFrame())["rule"].tolist() == ["owned_before_paid"]


# ------------------------------------------------------------------ campaign
def test_campaign_tags_must_fall_in_its_dates_and_promotions_in_it_carry_its_tag():
    plan = plan_of(post("2026-07-01 10:00", campaign="FirstRideVelora", pillar="rider_stories"),
                   post("2026-06-10 10:00", pillar="promotion"),
                   post("2026-06-11 10:00", pillar="promotion", campaign="FirstRideVelora"),
                   post("2026-07-02 10:00", pillar="promotion"))
    problems = check(plan)
    assert sorted(problems[["rule", "row"]].values.tolist()) == [["campaign", 0], ["campaign", 1]]
    messages = problems.set_index("row")["message"]
    assert "tagged FirstRideVelora, which runs from 2026-05-04 to 2026-06-28" in messages[0]
    assert "a promotional post outside FirstRideVelora while that campaign runs" in messages[1]
    assert check(plan, campaigns={}).empty


# ------------------------------------------------------------------ windows
def test_posts_outside_the_good_hours_are_flagged_in_the_accounts_time_zone():
    plan = plan_of(post("2026-05-05 07:00"), post("2026-05-05 08:00"),
                   post("2026-05-05 21:00", platform="weibo", tz="Asia/Shanghai", message="晚上好"),
                   post("2026-05-05 10:00", platform="weibo", tz="Asia/Shanghai", message="早上好"))
    problems = check(plan)
    # in time order: 10:00 in Shanghai is 04:00 in Turin
    assert problems[["rule", "row"]].values.tolist() == [["window", 3], ["window", 0]]
    assert "goes out at 07:00 Turin time, outside instagram's good hours (08:00-23:00)" in problems.loc[1, "message"]
    assert "goes out at 10:00 Shanghai time, outside weibo's good hours (14:00-06:00)" in problems.loc[0, "message"]


def test_posting_windows_are_read_from_the_posts_data():
    from course.datasets import load_posts

    windows = cal.posting_windows(load_posts())
    assert windows.loc["instagram", "timezone"] == ROME and windows.loc["weibo", "timezone"] == "Asia/Shanghai"
    assert 10 in windows.loc["instagram", "good_hours"] and 3 not in windows.loc["instagram", "good_hours"]
    # a made-up posts table whose only good hour is 18:00 in Turin
    hours = [18] * 12 + [6] * 12
    posts = pd.DataFrame({"platform": "facebook", "reach": 1000, "likes": [50] * 12 + [5] * 12, "comments": 0,
                          "shares": 0, "saves": 0,
                          "published_at": [pd.Timestamp(f"2026-01-{i + 1:02d} {h}:00", tz=ROME).tz_convert("UTC")
                                           for i, h in enumerate(hours)]})
    made = cal.posting_windows(posts)
    assert made.loc["facebook", "good_hours"] == (18,) and made.loc["facebook", "windows"] == "18:00-19:00"
    with pytest.raises(PlanError, match="no column 'reach'"):
        cal.posting_windows(posts.drop(columns="reach"))


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("change, message", [
    (lambda p: p.assign(platform=["instagram", "myspace"]), r"row 1 \(2026-05-05 myspace\): platform 'myspace' is not one of"),
    (lambda p: p.assign(pillar=["how_to", "memes"]), r"row 1 \(2026-05-05 instagram\): pillar 'memes'"),
    (lambda p: p.assign(format=["story", "image"]), r"row 0 \(2026-05-04 instagram\): format 'story'"),
    (lambda p: p.assign(paid=["yes", False]), r"row 0 \(2026-05-04 instagram\): paid is 'yes'; write True"),
    (lambda p: p.assign(message=["  ", "x"]), r"row 0 \(2026-05-04 instagram\): the message is empty"),
    (lambda p: p.assign(link=["velora.example", ""]), r"row 0 .*link 'velora.example' should start with https://"),
    (lambda p: p.assign(when=[pd.Timestamp("2026-05-04 10:00"), p["when"][1]]), r"row 0 \(2026-05-04 instagram\): 'when' has no time zone"),
    (lambda p: p.assign(when=["next Tuesday", p["when"][1]]), r"row 0 \(no date instagram\): 'when' is 'next Tuesday'"),
    (lambda p: p.assign(when=[pd.Timestamp("2026-05-04 10:00"), pd.Timestamp("2026-05-05 10:00")], tz=["Europe/Turin", ROME]),
     r"row 0 \(2026-05-04 instagram\): 'tz' is 'Europe/Turin', which is not a time zone"),
    (lambda p: p.assign(platform=["forum", "forum"], paid=[True, False]), r"row 0 .*a forum post cannot be paid"),
    (lambda p: p.drop(columns="pillar"), r"the plan has no column 'pillar'"),
    (lambda p: p.iloc[0:0], "the plan has no rows"),
    (lambda p: p.set_index(pd.Index([3, 3])), "repeated labels"),
    (lambda p: p.to_dict(), "should be a pandas DataFrame"),
])
def test_bad_input_is_refused_naming_the_row_and_what_is_wrong(change, message):
    plan = plan_of(post("2026-05-04 10:00"), post("2026-05-05 10:00"))
    with pytest.raises(PlanError, match=message):
        validate_calendar(change(plan), quiet=True)


def test_a_plan_with_naive_times_and_a_tz_column_is_read_in_that_zone():
    plan = pd.DataFrame({"when": [pd.Timestamp("2026-05-05 21:00")], "tz": ["Asia/Shanghai"], "platform": ["weibo"],
                         "pillar": ["how_to"], "format": ["image"], "message": ["晚上好"], "paid": [False]})
    assert check(plan).empty  # 21:00 in Shanghai is a good hour for Weibo; link, campaign and event may be left out
    with pytest.raises(PlanError, match="'when' has no time zone"):
        check(plan.drop(columns="tz"))


@pytest.mark.parametrize("options, message", [({"max_pillar_share": 0}, "max_pillar_share is 0"),
                                              ({"frequency": {"instagram": (5, 3)}}, "frequency for 'instagram'"),
                                              ({"events": NO_EVENTS.drop(columns="starts_at")}, "no column 'starts_at'")])
def test_bad_options_are_refused(options, message):
    with pytest.raises(PlanError, match=message):
        validate_calendar(plan_of(post("2026-05-04 10:00")), **{"quiet": True, **options})


# ------------------------------------------------------------------ exports
TRICKY = ["Commas, \"quotes\" and a\nsecond line", "Città, caffè e crème brûlée: 早上好!", "Plain"]


def tricky_plan() -> pd.DataFrame:
    return plan_of(post("2026-05-04 09:30", message=TRICKY[0], link="https://velora.example/a?x=1,2"),
                   post("2026-05-05 21:00", platform="weibo", tz="Asia/Shanghai", message=TRICKY[1], pillar="promotion",
                        paid=True, campaign="FirstRideVelora"),
                   post(pd.Timestamp("2026-05-06 08:05", tz="UTC"), platform="facebook", message=TRICKY[2]))


def test_the_ics_file_reads_back_as_the_plan_with_its_time_zones(tmp_path):
    plan = tricky_plan()
    path = cal.to_ics(plan, tmp_path / "plan.ics", minutes=20)
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    events = parsed.walk("VEVENT")
    assert len(events) == len(plan)
    assert {tz["TZID"] for tz in parsed.walk("VTIMEZONE")} == {ROME, "Asia/Shanghai"}
    for event, (_, row) in zip(sorted(events, key=lambda e: e.decoded("dtstart")), plan.sort_values("when").iterrows()):
        start = event.decoded("dtstart")
        assert pd.Timestamp(start) == row["when"]
        assert event.decoded("dtend") - start == pd.Timedelta(minutes=20)
        zone = str(row["when"].tz)
        assert (getattr(start.tzinfo, "key", None) or "UTC") == (zone if zone != "UTC" else "UTC")
        assert str(event["summary"]).startswith(f"[{row['platform']}] {row['message'].splitlines()[0][:40]}")
        description = str(event["description"])
        assert description.startswith(row["message"])
        assert f"Pillar: {row['pillar']}" in description and ("paid" if row["paid"] else "organic") in description
        assert event["categories"].cats == [row["pillar"]]
        assert str(event.get("url", "")) == row["link"]
    assert len({str(e["uid"]) for e in events}) == len(plan)


def test_the_ics_export_refuses_bad_lengths(tmp_path):
    with pytest.raises(PlanError, match="minutes is 0"):
        cal.to_ics(tricky_plan(), tmp_path / "x.ics", minutes=0)


def test_the_scheduler_csv_reads_back_as_the_plan(tmp_path):
    plan = tricky_plan()
    path = cal.to_scheduler_csv(plan, tmp_path / "bulk.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    expected = [[row["when"].tz_convert(ROME).strftime("%d/%m/%Y %H:%M"), row["message"], row["link"]]
                for _, row in plan.sort_values("when").iterrows()]
    assert rows == expected
    assert rows[0] == ["04/05/2026 09:30", TRICKY[0], "https://velora.example/a?x=1,2"]
    assert rows[1][0] == "05/05/2026 15:00"  # 21:00 in Shanghai is 15:00 in Turin


def test_the_scheduler_csv_per_platform_with_a_header_and_another_zone(tmp_path):
    path = cal.to_scheduler_csv(tricky_plan(), tmp_path / "fb.csv", platform="facebook", tz="America/Toronto",
                                header=True)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [{"date_time": "06/05/2026 04:05", "message": "Plain", "link": ""}]


@pytest.mark.parametrize("options, message", [({"platform": "tiktok"}, "no post on tiktok"),
                                              ({"platform": "myspace"}, "platform 'myspace'"),
                                              ({"tz": "Mars/Olympus"}, "tz is 'Mars/Olympus'")])
def test_the_scheduler_csv_refuses_bad_options(tmp_path, options, message):
    with pytest.raises(PlanError, match=message):
        cal.to_scheduler_csv(tricky_plan(), tmp_path / "x.csv", **options)


def test_the_scheduler_csv_refuses_a_time_off_the_five_minute_mark_naming_the_row(tmp_path):
    plan = plan_of(post("2026-05-04 09:30"), post("2026-05-04 10:32"))
    with pytest.raises(PlanError, match=r"row 1 \(2026-05-04 instagram\): 10:32 is not on a five-minute mark.*10:30 or 10:35"):
        cal.to_scheduler_csv(plan, tmp_path / "x.csv")


# ------------------------------------------------------------------ month view
def test_the_month_view_draws_each_post_and_event_of_the_month():
    axes = cal.month_view(cal.example_plan())
    texts = [t.get_text() for t in axes.texts]
    assert "07:00 IG how to" in texts and "11:00 LI product €" not in texts and "10:30 LI product €" in texts
    assert "18:30 WEBINAR E019" in texts and "10:00 MEETUP E017" in texts
    assert axes.get_title() == "May 2026: 32 planned posts (times in Europe/Rome)"
    assert sum(t.get_text().isdigit() for t in axes.texts) == 31  # one number per day of May
    june = cal.month_view(cal.example_plan(), "2026-06")
    assert june.get_title().startswith("June 2026: 0 planned posts")
    matplotlib.pyplot.close("all")


def test_the_export_folder_is_made_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = cal.export_folder()
    assert folder == tmp_path / "calendar-exports" and folder.is_dir()


@pytest.mark.parametrize("options, message", [({"period": ("May", "2026-05-31")}, "period is"),
                                              ({"period": ("2026-05-31", "2026-05-01")}, "after its last day"),
                                              ({"freezes": [("2026-03-16", "2026-03-22")]}, "Freeze\\(start, end, reason\\)")])
def test_bad_periods_and_freezes_are_refused(options, message):
    with pytest.raises(PlanError, match=message):
        validate_calendar(plan_of(post("2026-05-04 10:00")), **{"quiet": True, **options})


def test_a_freeze_of_your_own_applies_to_its_days():
    plan = plan_of(post("2026-05-12 10:00", pillar="promotion", campaign="FirstRideVelora"))
    recall = cal.Freeze("2026-05-11", "2026-05-12", "the battery recall")
    problems = check(plan, freezes=[recall])
    assert problems["message"].tolist() == ["row 0 (2026-05-12 instagram): a promotional post during the battery recall "
                                            "(2026-05-11 to 2026-05-12); pause selling while members are upset"]
    assert check(plan, freezes=[cal.Freeze("2026-05-10", "2026-05-11", "a day of mourning")]).empty


@pytest.mark.parametrize("options, message", [({"month": "May"}, "month is 'May'"), ({"tz": "Turin"}, "tz is 'Turin'")])
def test_the_month_view_refuses_a_bad_month_or_zone(options, message):
    with pytest.raises(PlanError, match=message):
        cal.month_view(cal.example_plan(), **options)
