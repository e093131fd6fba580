"""The platform fact sheet (lesson 3.1): its data and sources, the limits it joins, picking platforms for a
brief, Velora's figures per platform, and the facts the lesson's questions rely on."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import yaml

from course.datasets import load_audience, load_followers, load_posts
from course.social import platforms as sheet
from course.social.limits import LIMITS
from course.social.platforms import (BRIEF_FIELDS, COLUMNS, DEFAULT_COLUMNS, FactSheetError, fact_sources,
                                     pick_platforms, platform_facts, velora_by_platform)

LESSON_PLATFORMS = {"facebook", "instagram", "x", "linkedin", "youtube", "tiktok", "pinterest", "snapchat", "reddit",
                    "forum", "weibo", "xiaohongshu", "wechat"}


# ------------------------------------------------------------------ the sheet and its data
def test_the_sheet_covers_every_platform_the_lesson_names_and_every_one_in_velora_data():
    facts = platform_facts()
    assert set(facts.index) == LESSON_PLATFORMS
    assert set(load_posts()["platform"].astype(str)) <= set(facts.index)


def test_the_default_view_is_narrow_enough_for_a_screen():
    facts = platform_facts()
    assert list(facts.columns) == list(DEFAULT_COLUMNS)
    assert len(facts.columns) + 1 <= 12  # the index is a column on screen too
    assert "platform" == facts.index.name


def test_the_full_view_documents_every_column():
    assert list(platform_facts(view="all").columns) == list(COLUMNS)
    assert all(meaning.strip() for meaning in COLUMNS.values())


def test_limits_are_joined_from_course_social_limits_not_restated():
    facts = platform_facts(view="all")
    for platform, limit in LIMITS.items():
        row = facts.loc[platform]
        assert row["max_chars"] == limit.max_chars and bool(row["links_clickable"]) == limit.links_clickable
        assert bool(row["alt_text"]) == limit.alt_text and row["text_field"] == limit.text_field
        if limit.max_hashtags is None:
            assert pd.isna(row["max_hashtags"])
        else:
            assert row["max_hashtags"] == limit.max_hashtags
    # the YAML holds none of the limits' fields, so the two can never disagree
    raw = yaml.safe_load(sheet.DATA_FILE.read_text(encoding="utf-8"))
    limit_fields = {"max_chars", "link_chars", "links_clickable", "max_hashtags", "hashtags_advised", "alt_text"}
    for platform, entry in raw["platforms"].items():
        assert not limit_fields & set(entry), platform


def test_a_platform_the_limits_do_not_cover_shows_its_limits_empty():
    assert "snapchat" not in LIMITS
    row = platform_facts(view="all").loc["snapchat"]
    assert pd.isna(row["max_chars"]) and pd.isna(row["links_clickable"])


def test_a_change_to_the_limits_reaches_the_sheet(monkeypatch):
    from dataclasses import replace

    monkeypatch.setitem(LIMITS, "x", replace(LIMITS["x"], max_chars=500))
    sheet._sheet.cache_clear()
    try:
        assert platform_facts("max_chars").loc["x", "max_chars"] == 500
    finally:
        monkeypatch.undo()
        sheet._sheet.cache_clear()
    assert platform_facts("max_chars").loc["x", "max_chars"] == 280


def test_every_figure_has_a_source_and_a_date():
    sources = fact_sources()
    assert set(sources["platform"]) == LESSON_PLATFORMS
    recorded = sources[sources["value"].notna()]
    assert recorded["source"].str.strip().str.len().gt(10).all()
    assert recorded["as_of"].notna().all()
    # the limits' sources are the limits table's own
    x_chars = sources.query("platform == 'x' and fact == 'max_chars'").iloc[0]
    assert x_chars["source"] == LIMITS["x"].source and x_chars["as_of"] == LIMITS["x"].as_of


def test_typical_engagement_rates_name_a_benchmark_report_its_year_and_its_denominator():
    facts = platform_facts(view="all")
    with_rate = facts[facts["er_low"].notna()]
    assert {"instagram", "facebook", "x", "tiktok", "linkedin", "youtube"} <= set(with_rate.index)
    for platform, row in with_rate.iterrows():
        assert row["er_per"] in ("follower", "impression")
        assert row["typical_er"].endswith(f"per {row['er_per']}")
        assert 0 < row["er_low"] <= row["er_high"] < 1
        assert any(str(year) in row["er_source"] for year in range(2018, 2027)), platform
    without = facts[facts["er_low"].isna()]
    assert without["typical_er"].str.contains("baseline").all() and without["er_source"].isna().all()


def test_the_benchmark_figures_are_the_reports_figures():
    facts = platform_facts(view="all")
    assert facts.loc["tiktok", "er_high"] == pytest.approx(0.0569)  # Rival IQ 2023, 2022 posts
    assert facts.loc["instagram", "er_low"] == pytest.approx(0.0047)
    assert facts.loc["linkedin", "er_per"] == "impression"  # Buffer 2025
    assert facts.loc["tiktok", "typical_er"] == "3.7%-5.69% per follower"
    assert facts.loc["x", "typical_er"] == "0.035%-0.12% per follower"


def test_columns_and_platforms_can_be_chosen_and_spelled_loosely():
    chosen = platform_facts(["name", "max_chars"], platforms=["Twitter", "RED"])
    assert list(chosen.index) == ["x", "xiaohongshu"] and list(chosen.columns) == ["name", "max_chars"]
    assert list(platform_facts("tone", platforms="wechat").index) == ["wechat"]


@pytest.mark.parametrize("call, words", [
    (lambda: platform_facts(["name", "followers"]), ["'followers'", "its columns are", "max_chars"]),
    (lambda: platform_facts(platforms=["myspace"]), ["'myspace'", "instagram"]),
    (lambda: platform_facts(view="wide"), ["'wide'", "default"]),
    (lambda: fact_sources("orkut"), ["'orkut'"]),
    (lambda: platform_facts(platforms=[3]), ["in text"]),
])
def test_unknown_names_stop_with_a_message_naming_them(call, words):
    with pytest.raises(FactSheetError) as error:
        call()
    for word in words:
        assert word in str(error.value)


# ------------------------------------------------------------------ a broken data file
def _broken(tmp_path, change):
    data = yaml.safe_load(sheet.DATA_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "platforms.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("change, words", [
    (lambda d: d["platforms"]["tiktok"].pop("tone"), ["'tiktok'", "tone"]),
    (lambda d: d["platforms"]["x"]["formats"].append("hologram"), ["'x'", "hologram"]),
    (lambda d: d["platforms"]["x"]["er_benchmarks"].update({"nobody_2020": 0.01}), ["'x'", "nobody_2020"]),
    (lambda d: d["platforms"]["x"]["er_benchmarks"].update({"rival_iq_2023": 3.5}), ["fraction", "3.5"]),
    (lambda d: d["platforms"]["instagram"]["er_benchmarks"].update({"buffer_2025": 0.01}), ["'instagram'", "mixes"]),
    (lambda d: d["benchmarks"]["buffer_2025"].update({"per": "view"}), ["buffer_2025", "per"]),
])
def test_a_broken_data_file_names_the_platform_and_the_field(tmp_path, change, words):
    with pytest.raises(FactSheetError) as error:
        sheet._data(_broken(tmp_path, change))
    for word in words:
        assert word in str(error.value)


def test_an_unreadable_data_file_says_so(tmp_path):
    path = tmp_path / "platforms.yaml"
    path.write_text("platforms: [unclosed", encoding="utf-8")
    with pytest.raises(FactSheetError, match="cannot be read"):
        sheet._data(str(path))


# ------------------------------------------------------------------ picking platforms
def test_a_brief_keeps_the_platforms_that_meet_every_field_first_with_what_the_others_miss():
    picked = pick_platforms({"formats": ["short_video"], "clickable_link": True, "market": "international"})
    fits = picked.index[picked["fits"]].tolist()
    assert fits and all(picked.loc[p, "misses"] == "" for p in fits)
    assert picked["fits"].tolist() == sorted(picked["fits"].tolist(), reverse=True)
    assert "instagram" not in fits and "tap" in picked.loc["instagram", "misses"]
    assert "weibo" not in fits and "China" in picked.loc["weibo", "misses"]
    assert list(picked.columns) == ["name", "fits", "misses"]


def test_each_field_of_a_brief_rules_out_what_it_should():
    def fits(brief):
        picked = pick_platforms(brief)
        return set(picked.index[picked["fits"]])

    assert fits({"text_chars": 1500}) >= {"linkedin", "facebook"} and "x" not in fits({"text_chars": 1500})
    assert "instagram" not in fits({"hashtags": 31}) and "x" in fits({"hashtags": 31})
    assert fits({"market": "china"}) == {"weibo", "xiaohongshu", "wechat"}
    assert "youtube" not in fits({"alt_text": True})
    assert "instagram" not in fits({"video_minutes": 5}) and "facebook" in fits({"video_minutes": 5})
    assert fits({"velora_account": False}) == set(platform_facts().index)  # False asks for nothing
    assert "snapchat" not in fits({"velora_account": True}) and "reddit" not in fits({"velora_account": True})
    assert fits({"audience": "professional"}) == {"linkedin"}
    assert fits({"audience": ["professional", "how_to"]}) >= {"linkedin", "youtube"}
    assert "wechat" not in fits({"formats": ["short_video", "carousel"]})


def test_unrecorded_figures_count_as_a_miss_said_in_words():
    picked = pick_platforms({"video_minutes": 1, "platforms": ["weibo", "snapchat"]})
    assert picked.loc["weibo", "misses"] == "video length not recorded" and bool(picked.loc["snapchat", "fits"])
    assert "not recorded" in pick_platforms({"text_chars": 10}).loc["reddit", "misses"]


def test_a_brief_can_limit_the_comparison_to_some_platforms():
    picked = pick_platforms({"formats": ["image"], "platforms": ["Twitter", "linkedin"]})
    assert list(picked.index) == ["x", "linkedin"]


@pytest.mark.parametrize("brief, words", [
    ({"format": ["video"]}, ["'format'", "a brief can say", "formats"]),
    ({"formats": ["reel"]}, ["'reel'", "short_video"]),
    ({"audience": "gamers"}, ["'gamers'", "young"]),
    ({"market": "europe"}, ["'europe'", "international"]),
    ({"text_chars": "long"}, ["'text_chars'", "number"]),
    ({"hashtags": -1}, ["'hashtags'"]),
    ({"clickable_link": "yes"}, ["'clickable_link'", "True or False"]),
    ({"formats": []}, ["'formats'"]),
    ({"platforms": "x"}, ["'platforms'", "list"]),
    ({"platforms": ["bebo"]}, ["'bebo'"]),
    (["short_video"], ["dict"]),
])
def test_a_bad_brief_stops_with_a_message_naming_the_field(brief, words):
    with pytest.raises(FactSheetError) as error:
        pick_platforms(brief)
    for word in words:
        assert word in str(error.value)


def test_every_brief_field_is_documented():
    assert all(meaning.strip() for meaning in BRIEF_FIELDS.values())
    assert sheet.pick_platforms.__doc__ and "BRIEF_FIELDS" in sheet.pick_platforms.__doc__


# ------------------------------------------------------------------ Velora's figures per platform
@pytest.fixture(scope="module")
def velora():
    return velora_by_platform(load_posts(), load_followers(), load_audience())


def test_velora_by_platform_states_both_denominators_on_numbers_checked_by_hand():
    posts = pd.DataFrame({"platform": ["x", "x", "tiktok"], "format": ["text", "text", "short_video"],
                          "reach": [100, 300, 50], "followers": [1000, 1000, 200],
                          "likes": [10, 20, 5], "comments": [0, 10, 0], "shares": [0, 0, 5], "saves": [0, 0, 0]})
    followers = pd.DataFrame({"date": ["2026-10-30", "2026-10-31", "2026-10-31"], "platform": ["x", "x", "tiktok"],
                              "total": [990, 1010, 210]})
    rows = []
    for platform in ("x", "tiktok"):
        for band, share in (("18-24", 0.2), ("25-34", 0.3), ("45-54", 0.5)):
            rows.append((platform, "age_band", band, share))
        rows += [(platform, "country", "IT", 0.6), (platform, "country", "US", 0.4)]
    audience = pd.DataFrame(rows, columns=["platform", "dimension", "value", "share"])
    summary = velora_by_platform(posts, followers, audience)
    assert list(summary.index) == ["x", "tiktok"]  # by followers on the last day: 1010, 210
    assert summary.loc["x", "er_per_reach"] == pytest.approx(40 / 400)
    assert summary.loc["x", "er_per_follower"] == pytest.approx(40 / 2000)
    assert summary.loc["tiktok", "er_per_reach"] == pytest.approx(10 / 50)
    assert summary.loc["x", "share_18_34"] == pytest.approx(0.5) and summary.loc["x", "top_country"] == "IT"
    assert summary.loc["x", "posts"] == 2 and summary.loc["x", "main_format"] == "text"


def test_velora_by_platform_fits_a_screen_and_covers_every_account(velora):
    assert len(velora.columns) + 1 <= 12
    assert set(velora.index) == set(load_followers()["platform"].astype(str))
    assert (velora["er_per_follower"] < velora["er_per_reach"]).all()  # fewer people see a post than follow


def test_velora_by_platform_names_a_missing_column():
    posts = load_posts().drop(columns=["reach"])
    with pytest.raises(FactSheetError, match="posts table lacks the column.*reach"):
        velora_by_platform(posts, load_followers(), load_audience())


# ------------------------------------------------------------------ the facts lesson 3.1's questions rest on
def test_the_facts_the_lesson_questions_rely_on_still_hold():
    from answer_keys.m3_lesson1 import FACTS

    assert FACTS["links_clickable"] == {"x": True, "instagram": False, "linkedin": True, "tiktok": False,
                                        "xiaohongshu": False, "pinterest": True}
    # each brief of exercise 2 has exactly one platform that fits, and it is the key
    assert FACTS["fits_per_brief"] == {"brake_pads_video": ["youtube"], "fleet_offer": ["linkedin"],
                                       "outfit_boards": ["pinterest"], "teen_clip": ["tiktok"]}
    # exercise 3: only LinkedIn's rate has another denominator among the five shown
    assert [p for p, per in FACTS["denominators"].items() if per != "follower"] == ["linkedin"]
    # exercise 4: the slide's 2.5% is per reach; per follower Velora is above the benchmark, by less than two
    assert round(FACTS["instagram_per_reach"], 3) == 0.025
    low, high = FACTS["instagram_benchmark"]
    assert round(FACTS["instagram_per_reach"] / low) == 5
    assert 1.5 < FACTS["instagram_per_follower"] / high < 2 and round(FACTS["instagram_per_follower"], 3) == 0.008
    # exercise 5: Xiaohongshu is the youngest China account (about four in five 18-34), WeChat the oldest
    assert FACTS["china_youngest"] == "xiaohongshu" and 0.75 < FACTS["china_18_34"]["xiaohongshu"] < 0.85
    assert min(FACTS["china_18_34"], key=FACTS["china_18_34"].get) == "wechat"
    assert FACTS["instagram_china_share"] < 0.02
    assert not math.isnan(FACTS["china_18_34"]["weibo"])


def test_what_the_worked_example_says_about_velora_holds(velora):
    assert velora.index[0] == "instagram" and velora.loc["instagram", "main_format"] == "carousel"
    social = velora.drop(index="forum")
    assert social["er_per_reach"].idxmax() == "tiktok"  # the largest share of its viewers engage
    assert velora["er_per_reach"].idxmax() == "forum"
    assert 0.6 < velora.loc["tiktok", "share_18_34"] < 0.7  # about two in three
    china = velora.loc[["weibo", "xiaohongshu", "wechat"]]
    assert (china["top_country"] == "CN").all() and (china["top_country_share"] > 0.9).all()
    in_china = load_audience().query("dimension == 'country' and value == 'CN'").set_index("platform")["share"]
    western = [p for p in velora.index if p not in ("weibo", "xiaohongshu", "wechat", "forum")]
    assert (in_china.loc[western] < 0.02).all()
