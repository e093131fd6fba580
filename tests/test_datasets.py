"""Velora's data: the shipped files match the generator, the loaders type and check, the patterns hold."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

from course import datasets
from course.datasets import DataError, generator, load
from course.datasets.schema import TABLES
from course.syllabus import REPO_ROOT


@pytest.fixture(scope="module")
def generated():
    return generator.generate()


@pytest.fixture(scope="module")
def data():
    return {name: load(name) for name in TABLES}


# ------------------------------------------------------------------ generator
def test_shipped_csvs_are_exactly_what_the_generator_makes(generated):
    for name, frame in generated.items():
        shipped = (generator.DATA_DIR / TABLES[name].file).read_bytes()
        assert generator.to_csv_bytes(frame, TABLES[name]) == shipped, f"{name}.csv differs from the generator's output"


def test_another_seed_gives_other_data():
    rng_a, rng_b = generator._streams(1), generator._streams(2)
    a, _ = generator.make_members(rng_a["members"], n=200)
    b, _ = generator.make_members(rng_b["members"], n=200)
    assert not a.equals(b)


def test_large_inbox_for_benchmarks_has_the_schema():
    inbox = generator.generate_inbox(5000, show_progress=False)
    assert len(inbox) == 5000
    assert list(inbox.columns) == [c.name for c in TABLES["inbox"].columns]
    assert isinstance(inbox["intent"].dtype, pd.CategoricalDtype) and inbox["received_at"].dt.tz is not None
    csv = generator.to_csv_bytes(inbox, TABLES["inbox"]).decode()
    typed = datasets.validate("inbox", pd.read_csv(__import__("io").StringIO(csv), dtype=str, keep_default_na=False))
    assert typed["intent"].equals(inbox["intent"])


# ------------------------------------------------------------------ loaders
def test_loaders_give_proper_types(data):
    for name, table in TABLES.items():
        frame = data[name]
        assert list(frame.columns) == [c.name for c in table.columns]
        assert len(frame) > 0
        for column in table.columns:
            dtype = frame[column.name].dtype
            if column.kind == "datetime":
                assert isinstance(dtype, pd.DatetimeTZDtype) and str(dtype.tz) == "UTC", (name, column.name)
            elif column.kind == "date":
                assert dtype == "datetime64[ns]", (name, column.name)
            elif column.kind == "category":
                assert isinstance(dtype, pd.CategoricalDtype), (name, column.name)
                assert list(dtype.categories) == list(column.categories)
            elif column.kind == "int":
                assert dtype == "int64", (name, column.name)
            elif column.kind == "bool":
                assert dtype == "bool", (name, column.name)


def test_named_loaders_exist_and_read_from_the_package_not_the_working_directory(tmp_path):
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        (tmp_path / "course").mkdir()  # a decoy folder must not be picked up
        members = datasets.load_members()
    finally:
        os.chdir(before)
    assert len(members) > 1000 and members["member_id"].str.startswith("M").all()
    assert "load_inbox" in datasets.__all__ and "Columns:" in datasets.load_inbox.__doc__


def _write(tmp_path, frame, name="export.csv"):
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


def test_a_learners_export_is_loaded_and_checked(tmp_path):
    posts = pd.read_csv(generator.DATA_DIR / "posts.csv", dtype=str, keep_default_na=False).head(20)
    posts["my_note"] = "ok"
    loaded = load("posts", _write(tmp_path, posts))
    assert loaded["impressions"].dtype == "int64" and "my_note" in loaded.columns


def test_missing_column_is_named_with_what_was_expected(tmp_path):
    posts = pd.read_csv(generator.DATA_DIR / "posts.csv", dtype=str, keep_default_na=False).head(5).drop(columns=["reach"])
    with pytest.raises(DataError) as error:
        load("posts", _write(tmp_path, posts))
    message = str(error.value)
    assert "column 'reach' is missing" in message and "whole numbers" in message and "export.csv" in message


@pytest.mark.parametrize(
    "column, value, problem",
    [
        ("impressions", "lots", "not numbers"),
        ("likes", "3.5", "not whole"),
        ("platform", "myspace", "unknown value"),
        ("published_at", "yesterday", "not date-times"),
        ("paid", "maybe", "not true/false"),
    ],
)
def test_mistyped_values_are_reported_with_column_row_and_expectation(tmp_path, column, value, problem):
    posts = pd.read_csv(generator.DATA_DIR / "posts.csv", dtype=str, keep_default_na=False).head(10)
    posts.loc[3, column] = value
    with pytest.raises(DataError) as error:
        load("posts", _write(tmp_path, posts))
    message = str(error.value)
    assert f"column '{column}'" in message and problem in message and "row 5" in message and repr(value) in message


def test_unreadable_and_absent_files_and_unknown_tables(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataError, match="could not be read"):
        load("posts", broken)
    with pytest.raises(DataError, match="no such file"):
        load("posts", tmp_path / "nothing.csv")
    with pytest.raises(DataError, match="the tables are"):
        load("tweets")


# ------------------------------------------------------------------ consistency of the story
def test_counts_and_times_are_consistent(data):
    posts, followers, inbox = data["posts"], data["followers"], data["inbox"]
    assert (posts["reach"] <= posts["impressions"]).all() and (posts["reach"] > 0).all()
    assert (posts["video_views"] <= posts["impressions"]).all()
    assert (posts.loc[~posts["format"].isin(["video", "short_video"]), "video_views"] == 0).all()
    for _, one in followers.groupby("platform", observed=True):
        totals = one["total"].to_numpy()
        assert (totals[1:] == totals[:-1] + one["new"].to_numpy()[1:] - one["lost"].to_numpy()[1:]).all()
    answered = inbox["first_response_at"].notna()
    assert (inbox.loc[answered, "first_response_at"] >= inbox.loc[answered, "received_at"]).all()
    assert inbox.loc[answered, "responder"].notna().all() and inbox.loc[~answered, "responder"].isna().all()
    resolved = inbox["resolved_at"].notna()
    assert (inbox.loc[resolved, "resolved_at"] >= inbox.loc[resolved, "received_at"]).all()
    events = data["events"]
    assert (events["attendance"] <= events["registrations"]).all()


def test_members_write_only_after_joining_and_forum_tables_agree(data):
    members = data["members"].set_index("member_id")["joined_at"]
    replies, threads = data["forum_replies"], data["forum_threads"]
    assert (replies["created_at"] >= members.reindex(replies["author_id"]).to_numpy()).all()
    inbox = data["inbox"]
    from_members = inbox[inbox["author_id"].str.startswith("M")]
    assert (from_members["received_at"] >= members.reindex(from_members["author_id"]).to_numpy()).all()
    per_thread = replies.groupby("thread_id").size().reindex(threads["thread_id"], fill_value=0)
    assert (per_thread.to_numpy() == threads["replies"].to_numpy()).all()
    assert (threads["accepted_answer"] == threads["accepted_by"].notna()).all()
    answered = threads["first_answer_at"].notna()
    assert (threads.loc[answered, "first_answer_at"] >= threads.loc[answered, "created_at"]).all()


def test_texts_are_varied_and_multilingual(data):
    inbox = data["inbox"]
    assert inbox["text"].value_counts().max() < 50, "no comment may repeat like a template"
    assert inbox["text"].nunique() / len(inbox) > 0.6
    shares = inbox["language"].value_counts(normalize=True)
    assert shares["en"] > 0.7 and shares["it"] > 0.03 and shares["zh"] > 0.03


def test_participation_follows_90_9_1(data):
    replies, members = data["forum_replies"], data["members"]
    per_member = replies["author_id"].value_counts().reindex(members["member_id"], fill_value=0)
    top_one_percent = per_member.sort_values(ascending=False).head(len(members) // 100).sum()
    assert top_one_percent / per_member.sum() > 0.35
    assert (per_member == 0).mean() > 0.7


def test_heavy_tailed_reach(data):
    reach = data["posts"]["reach"]
    assert reach.max() > 20 * reach.median()


def test_crisis_week_dips_then_recovers(data):
    inbox = data["inbox"]
    week = inbox.set_index("received_at").sort_index()

    def net(start, end):
        labels = week.loc[start:end, "sentiment"]
        return ((labels == "positive").mean() - (labels == "negative").mean())

    before, crisis, later = net("2026-02-01", "2026-03-08"), net("2026-03-16", "2026-03-22"), net("2026-04-20", "2026-05-03")
    assert crisis < before - 0.3, (before, crisis)
    assert later > crisis + 0.3 and abs(later - before) < 0.15, (before, crisis, later)
    complaints = week["intent"].eq("complaint").resample("W").mean()
    assert complaints.idxmax().strftime("%Y-%m-%d") == "2026-03-22"


def test_campaign_lifts_shares_and_first_ride_posts(data):
    posts = data["posts"]
    in_campaign = posts["campaign"].eq("FirstRideVelora")
    assert in_campaign.sum() > 50
    rate = (posts["shares"] / posts["reach"]).groupby(in_campaign).mean()
    assert rate[True] > 1.3 * rate[False]
    assert data["inbox"]["text"].str.contains("#FirstRideVelora", regex=False).sum() > 100


def test_ab_test_variant_b_engages_more(data):
    ab = data["ab_test"].groupby("variant", observed=True)[["impressions", "engagements"]].sum()
    rates = ab["engagements"] / ab["impressions"]
    assert 1.1 < rates["B"] / rates["A"] < 1.3
    assert np.isclose(rates.sum(), rates["A"] + rates["B"])


def test_data_dictionary_points_to_every_lab_table_and_its_page():
    from course.datasets.datadict import DOC, LAB_TABLES

    shipped = {str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "course" / "social").iterdir()
               if p.suffix in (".csv", ".yaml")}
    listed = {file for file, _, _ in LAB_TABLES}
    assert shipped <= listed, f"not in the data dictionary: {sorted(shipped - listed)}"
    for file, _, page in LAB_TABLES:
        assert (REPO_ROOT / file).is_file() and (DOC.parent / page).is_file(), (file, page)


def test_data_dictionary_is_up_to_date_and_documents_every_column():
    from course.datasets.datadict import DOC, render

    text = render()
    assert DOC.read_text(encoding="utf-8") == text, "run `python -m course datadict`"
    for name, table in TABLES.items():
        assert f"## `{name}`" in text
        for column in table.columns:
            assert f"| `{column.name}` |" in text


# ------------------------------------------------------------------ one story: the figures the lessons quote
def test_a_quarter_of_velora_talk_is_where_it_has_no_account(data):
    from course.datasets.datadict import unowned_share
    from course.datasets.schema import NO_ACCOUNT_PLACES

    listening = data["listening"]
    assert (listening["velora_has_account"] == ~listening["platform"].isin(NO_ACCOUNT_PLACES)).all()
    velora = listening[listening["brand"] == "Velora"]
    assert 0.22 <= unowned_share(velora) <= 0.28, unowned_share(velora)  # lesson 1.1: "about a quarter"
    places = velora.groupby("platform", observed=True)["mentions"].sum()
    assert all(places[p] > 0 for p in NO_ACCOUNT_PLACES)
    crisis = velora[velora["date"].between("2026-03-16", "2026-03-22")]
    assert unowned_share(crisis) > unowned_share(velora) + 0.03  # the leaking seams are argued over elsewhere too


def test_chinese_platforms_carry_the_chinese_messages_posts_and_followers(data):
    from course.datasets.schema import CHINESE_PLATFORMS

    inbox = data["inbox"]
    chinese = inbox["language"] == "zh"
    on_china = inbox["platform"].isin(CHINESE_PLATFORMS)
    assert chinese.sum() > 1000 and (chinese == on_china).all(), "Chinese messages arrive on Weibo, Xiaohongshu, WeChat only"
    assert set(inbox.loc[chinese, "platform"].astype(str)) == set(CHINESE_PLATFORMS)
    assert not inbox.loc[chinese, "channel"].eq("forum").any()
    assert (inbox.loc[chinese & inbox["channel"].eq("dm"), "platform"].value_counts().idxmax()) == "wechat"
    for name in ("posts", "followers"):
        frame = data[name]
        for platform in CHINESE_PLATFORMS:
            assert (frame["platform"] == platform).sum() > 40, (name, platform)
    listening = data["listening"]
    velora_china = listening[listening["platform"].isin(CHINESE_PLATFORMS)]
    assert metrics_share(velora_china) > metrics_share(listening), "Velora is talked about in China more than its rivals"


def metrics_share(listening):
    from course import metrics

    return metrics.share_of_voice(listening, brand="Velora")


def test_english_labels_never_contradict_the_intent(data):
    inbox = data["inbox"]
    english = inbox["language"] == "en"
    hostile = english & inbox["intent"].isin(["complaint", "abuse"])
    assert hostile.sum() > 1000 and not inbox.loc[hostile, "sentiment"].eq("positive").any()
    praise = english & inbox["intent"].eq("praise")
    assert praise.sum() > 1000 and not inbox.loc[praise, "sentiment"].eq("negative").any()
    # the milder noise of a lexicon stays (explained in lesson 5.0): some questions read as negative
    questions = english & inbox["intent"].eq("question")
    assert 0.01 < inbox.loc[questions, "sentiment"].eq("negative").mean() < 0.3


def test_team_review_turns_round_only_contradicting_labels():
    labels = np.array(["positive", "positive", "negative", "neutral", "positive", "negative"], dtype=object)
    intent = np.array(["abuse", "complaint", "praise", "complaint", "praise", "question"], dtype=object)
    english = np.array([True, True, True, True, True, True])
    fixed = generator._team_corrects(labels, intent, english)
    assert fixed.tolist() == ["negative", "negative", "positive", "neutral", "positive", "negative"]
    assert generator._team_corrects(labels, intent, ~english).tolist() == labels.tolist()


def test_the_crisis_week_is_16_to_22_march_2026_everywhere():
    from course.datasets.datadict import DOC

    assert generator.CRISIS == (pd.Timestamp("2026-03-16", tz=generator.LOCAL_TZ), pd.Timestamp("2026-03-23", tz=generator.LOCAL_TZ))
    text = DOC.read_text(encoding="utf-8")
    assert "16-22 March 2026" in text and "16-22 March" in text
    for wrong in ("15-21 March", "17-23 March", "9-15 March", "23-29 March"):
        assert wrong not in text


# ------------------------------------------------------------------ the audience table (lesson 2.2)
def test_audience_breakdowns_add_up_to_the_followers_that_day(data):
    from course.datasets.schema import AUDIENCE_DIMENSIONS, AUDIENCE_VALUES, PLATFORMS

    audience, followers = data["audience"], data["followers"]
    last = followers["date"].max()
    assert (audience["as_of"] == last).all()
    totals = followers[followers["date"] == last].set_index("platform")["total"]
    sums = audience.groupby(["platform", "dimension"], observed=True)[["followers", "share"]].sum()
    assert len(sums) == len(PLATFORMS) * len(AUDIENCE_DIMENSIONS), "every platform has every breakdown"
    for (platform, dimension), row in sums.iterrows():
        assert row["followers"] == totals[platform], (platform, dimension)
        assert abs(row["share"] - 1) < 0.001, (platform, dimension, row["share"])
    for dimension, values in AUDIENCE_VALUES.items():
        part = audience[audience["dimension"] == dimension]
        assert set(part["value"]) == set(values), dimension
    assert (audience["followers"] >= 0).all()
    share = audience["followers"] / audience["platform"].astype(str).map(totals)
    assert (abs(share - audience["share"]) <= 0.00005 + 1e-9).all(), "share is followers / total, to four decimals"


def test_audience_matches_velora_markets_and_the_platforms_crowds(data):
    audience, members = data["audience"], data["members"]
    shares = audience.pivot_table(index="platform", columns="value", values="share", observed=True)
    young = shares["18-24"] + shares["13-17"]
    assert young.drop(["weibo", "xiaohongshu"]).idxmax() == "tiktok"  # young -> TikTok
    assert young.idxmin() in ("facebook", "forum", "linkedin")
    assert shares.loc["linkedin", "13-17"] == 0 and shares.loc["forum", "13-17"] == 0
    older = shares[["45-54", "55-64", "65+"]].sum(axis=1)
    assert older.drop("forum").idxmax() == "facebook"
    for platform in ("weibo", "xiaohongshu", "wechat"):
        assert shares.loc[platform, "CN"] > 0.9 and shares.loc[platform, "zh"] > 0.85
    assert shares.drop(["weibo", "xiaohongshu", "wechat", "forum"])["CN"].max() < 0.01
    assert shares.drop(["weibo", "xiaohongshu", "wechat"])["IT"].idxmax() in ("facebook", "instagram", "forum")
    # the forum's members are the members table: same country and language mix
    forum = audience[audience["platform"] == "forum"].set_index(["dimension", "value"])["share"]
    for column, dimension in (("country", "country"), ("language", "language")):
        mix = members[column].astype(str).value_counts(normalize=True)
        for value, share in mix.items():
            assert abs(forum[(dimension, value)] - share) < 0.002, (dimension, value)


def test_the_audience_table_keeps_the_other_tables_as_they_were():
    """Its own random stream: the streams before it, and so every other table, do not depend on it."""
    assert generator.STREAMS[-1] == "audience"
    assert generator.STREAMS.index("audience") == len(generator.STREAMS) - 1
    assert TABLES["audience"].column("share").decimals == 4
    assert all(c.decimals == 2 for name, t in TABLES.items() if name != "audience" for c in t.columns if c.kind == "float")


def _audience_rows():
    return pd.read_csv(generator.DATA_DIR / "audience.csv", dtype=str, keep_default_na=False)


def test_an_audience_export_with_an_unknown_group_is_named_by_row(tmp_path):
    rows = _audience_rows()
    rows.loc[2, "value"] = "30-40"
    with pytest.raises(DataError) as error:
        load("audience", _write(tmp_path, rows))
    message = str(error.value)
    assert "row 4 (instagram age_band)" in message and "'30-40'" in message and "18-24" in message


def test_an_audience_export_that_does_not_add_up_is_named(tmp_path):
    rows = _audience_rows()
    rows.loc[0, "share"] = "0.5"
    with pytest.raises(DataError, match="age_band shares of instagram add up to"):
        load("audience", _write(tmp_path, rows))
    rows = _audience_rows()
    first_country = rows.index[(rows["platform"] == "tiktok") & (rows["dimension"] == "country")][0]
    rows.loc[first_country, "followers"] = str(int(rows.loc[first_country, "followers"]) + 500)
    with pytest.raises(DataError, match="tiktok's breakdowns count different numbers"):
        load("audience", _write(tmp_path, rows))
    assert len(datasets.load_audience()) == len(_audience_rows())
