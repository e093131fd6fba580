"""The messy sample exports of lesson 5.2: every quirk is named with file, row and column, and tidying
them gives tables the course's validating loader accepts."""

import pandas as pd
import pytest

from course.analysis import exports
from course.datasets import DataError, load
from course.social.utm import funnel


@pytest.mark.parametrize("name", list(exports.SAMPLES))
def test_samples_do_not_load_as_they_are(name):
    with pytest.raises(DataError):
        load(exports.SAMPLES[name][0], exports.sample_path(name))


@pytest.mark.parametrize("name", list(exports.SAMPLES))
def test_tidied_samples_load_through_the_validating_loader(name):
    table = exports.SAMPLES[name][0]
    typed = exports.load_tidy(exports.sample_path(name), table)
    assert not typed.empty
    assert [c for c in typed.columns][: len(load(table).columns)] == list(load(table).columns)


def test_followers_export_problems_name_row_and_column():
    path = exports.sample_path("instagram_followers_it")
    problems = exports.explain(path, "followers")
    text = [str(p) for p in problems]
    assert any("'Data'" in t and "rename it 'date'" in t for t in text)
    totals = [p for p in problems if "totals row" in p.problem]
    assert [p.row for p in totals] == [16]  # the last line of the file
    assert any(p.column == "total" and "dots" in p.problem for p in problems)
    assert any(p.column == "date" and "day first" in p.problem for p in problems)
    assert all(t.startswith("instagram_followers_it.csv:") for t in text)


def test_followers_tidy_values():
    followers = exports.load_tidy(exports.sample_path("instagram_followers_it"), "followers")
    assert len(followers) == 14
    assert followers["date"].iloc[0] == pd.Timestamp("2026-05-01")
    assert followers["total"].iloc[0] == 53222  # 53.222 is fifty-three thousand, not fifty-three
    assert (followers["total"].diff().dropna() == (followers["new"] - followers["lost"]).iloc[1:]).all()
    course = load("followers")
    course = course[(course["platform"] == "instagram") & course["date"].between("2026-05-01", "2026-05-14")]
    pd.testing.assert_frame_equal(followers, course.reset_index(drop=True))  # the same days as the course's table


def test_web_export_rows_counted_from_the_top_of_the_file():
    problems = exports.explain(exports.sample_path("web_by_source_medium"), "web_sessions")
    unset = [p.row for p in problems if p.column == "source / medium"]
    assert unset == [11, 18]  # 5 comment lines and the header above the data
    assert any("comment line" in p.problem for p in problems)
    assert any(p.column == "sessions" and "commas" in p.problem for p in problems)
    assert any(p.column == "revenue" and "currency" in p.problem for p in problems)


def test_web_export_tidies_into_a_funnel():
    sessions = exports.load_tidy(exports.sample_path("web_by_source_medium"), "web_sessions")
    assert "(not set)" not in set(sessions["source"]) and sessions["campaign"].isna().sum() == 5
    assert set(sessions["medium"]) <= {"social", "organic", "email", "direct"}
    table = funnel(sessions)
    assert table.loc["newsletter / email", "orders"] == 29
    assert exports.not_set_share(exports.sample_path("web_by_source_medium")) == pytest.approx(151 / 12435, abs=1e-4)


def test_missing_columns_are_reported_and_can_be_filled(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("Giorno,Nuovi follower,Follower persi,Follower totali\n02/05/2026,5,1,\"1.004\"\n", encoding="utf-8")
    problems = exports.explain(path, "followers")
    assert any(p.column == "platform" and "missing" in p.problem for p in problems)
    typed = exports.load_tidy(path, "followers", platform="instagram")
    assert typed["platform"].iloc[0] == "instagram" and typed["total"].iloc[0] == 1004


def test_a_clean_export_has_no_problems(tmp_path):
    path = tmp_path / "clean.csv"
    load("followers").head(3).assign(date=lambda f: f["date"].dt.strftime("%Y-%m-%d")).to_csv(path, index=False)
    assert exports.explain(path, "followers") == []


def test_unknown_names_are_explained(tmp_path):
    with pytest.raises(DataError, match="samples are"):
        exports.sample_path("nope")
    with pytest.raises(DataError, match="no such file"):
        exports.explain(tmp_path / "absent.csv", "followers")
    with pytest.raises(DataError, match="no table"):
        exports.explain(exports.sample_path("web_by_source_medium"), "webs")


def test_the_figures_lesson_5_2_quotes():
    from answer_keys import m5_lesson2 as keys

    facts = keys.FACTS
    assert facts["instagram_post_clicks"] == 3128  # "about 3,100 taps"
    assert facts["instagram_tagged_sessions"] == 34167  # "over 34,000 tagged visits", ten times as many
    assert 0.011 < facts["sample_not_set_share"] < 0.013  # "about 1%"


def test_local_times_are_flagged_and_converted_to_utc():
    path = exports.sample_path("instagram_posts_local_time")
    problems = exports.explain(path, "posts")
    zone = [p for p in problems if p.column == "published_at"]
    assert len(zone) == 1 and "no time zone" in zone[0].problem and zone[0].row == 2
    assert any("lower case" in p.problem for p in problems)  # one line for all the capitalised headers
    posts = exports.load_tidy(path, "posts", timezone="Europe/Rome")
    course = load("posts").set_index("post_id").loc[posts["post_id"], "published_at"].dt.floor("min")
    assert (posts["published_at"].to_numpy() == course.to_numpy()).all()  # 09:07 in Rome is 07:07 UTC in May
    shifted = exports.load_tidy(path, "posts")  # without the zone, every post moves by two hours
    assert ((posts["published_at"] - shifted["published_at"]) == pd.Timedelta(hours=-2)).all()
