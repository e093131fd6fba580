"""Channel choice (lesson 2.2): briefs, the ranking, personas, the chart, and the data facts the lesson relies on."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from course.datasets import load_audience
from course.strategy.channels import (Brief, BriefError, Persona, breakdown_chart, brief_from_personas, persona_card,
                                      rank_channels)


@pytest.fixture(scope="module")
def audience():
    return load_audience()


def _tiny() -> pd.DataFrame:
    """Two platforms with hand-made shares, so the expected numbers can be worked out on paper."""
    rows = []
    for platform, total, young, italy, italian in (("tiktok", 1000, 0.8, 0.1, 0.1), ("facebook", 4000, 0.2, 0.5, 0.4)):
        for dimension, first, share in (("age_band", "18-24", young), ("country", "IT", italy), ("language", "it", italian)):
            other = {"age_band": "45-54", "country": "US", "language": "en"}[dimension]
            rows.append((platform, dimension, first, round(total * share), share))
            rows.append((platform, dimension, other, round(total * (1 - share)), 1 - share))
    return pd.DataFrame(rows, columns=["platform", "dimension", "value", "followers", "share"])


# ------------------------------------------------------------------ the ranking, on numbers worked out by hand
def test_scores_shares_and_fit_all_on_a_hand_made_table():
    ranked = rank_channels(_tiny(), {"age_bands": ["18-24"], "countries": ["IT"]})
    assert ranked["platform"].tolist() == ["tiktok", "facebook"]  # (0.8+0.1)/2 = 0.45 against (0.2+0.5)/2 = 0.35
    tiktok, facebook = ranked.iloc[0], ranked.iloc[1]
    assert tiktok["score"] == pytest.approx(0.45) and facebook["score"] == pytest.approx(0.35)
    assert tiktok["age_band"] == pytest.approx(0.8) and facebook["country"] == pytest.approx(0.5)
    assert tiktok["fit_all"] == 80 and facebook["fit_all"] == 400  # 1000*0.8*0.1 and 4000*0.2*0.5
    assert ranked.index.tolist() == [1, 2] and ranked.index.name == "rank"
    assert "language" not in ranked.columns, "a part the brief leaves out gets no column"


def test_weights_change_the_order():
    brief = {"age_bands": ["18-24"], "countries": ["IT"], "weights": {"countries": 4}}
    ranked = rank_channels(_tiny(), brief)
    # tiktok (0.8 + 4*0.1)/5 = 0.24; facebook (0.2 + 4*0.5)/5 = 0.44
    assert ranked["platform"].tolist() == ["facebook", "tiktok"]
    assert ranked.iloc[0]["score"] == pytest.approx(0.44)


def test_a_brief_can_limit_the_platforms_and_spell_values_loosely(audience):
    ranked = rank_channels(audience, {"countries": ["it", " de "], "platforms": ["Instagram", "linkedin"]})
    assert sorted(ranked["platform"]) == ["instagram", "linkedin"]
    brief = Brief(countries=("it", "other"), languages=("IT",))
    assert brief.countries == ("IT", "other") and brief.languages == ("it",)


def test_reasons_are_plain_language_and_name_the_numbers():
    ranked = rank_channels(_tiny(), {"age_bands": ["18-24"], "countries": ["IT"]})
    reason = ranked.iloc[0]["reason"]
    assert reason.startswith("tiktok: of its 1,000 followers, 80% in the brief's ages, 10% in the brief's countries")
    assert "about 80 fit the whole brief" in reason
    assert "Weak on country" in reason and "US" in reason  # 10% is a weak spot, and the reason says who is there instead
    one_part = rank_channels(_tiny(), {"age_bands": ["18-24"]}).iloc[0]["reason"]
    assert "fit the whole brief" not in one_part


def test_ties_go_to_the_larger_account():
    table = _tiny()
    table.loc[table["platform"] == "facebook", "share"] = table.loc[table["platform"] == "tiktok", "share"].to_numpy()
    assert rank_channels(table, {"age_bands": ["18-24"]})["platform"].tolist() == ["facebook", "tiktok"]


# ------------------------------------------------------------------ clear errors
@pytest.mark.parametrize(
    "brief, words",
    [
        ({"age_bands": ["16-24"]}, ["'16-24'", "age_bands", "18-24", "65+"]),
        ({"countries": ["UK"]}, ["'UK'", "countries", "GB", "CN"]),
        ({"languages": ["klingon"]}, ["'klingon'", "languages", "en", "zh"]),
        ({"countries": ["IT"], "platforms": ["snapchat"]}, ["'snapchat'", "instagram", "xiaohongshu"]),
        ({"ages": ["18-24"]}, ["'ages'", "age_bands", "countries"]),
        ({}, ["names no age bands"]),
        ({"countries": ["IT"], "weights": {"countries": -1}}, ["weight for countries", "-1"]),
        ({"countries": ["IT"], "weights": {"colour": 2}}, ["'colour'", "age_bands"]),
        ({"countries": ["IT"], "weights": {"countries": 0}}, ["weight 0"]),
        ({"countries": [7]}, ["text", "7"]),
        ("young people", ["dict", "str"]),
    ],
)
def test_bad_briefs_are_named_with_the_valid_values(audience, brief, words):
    with pytest.raises(BriefError) as error:
        rank_channels(audience, brief)
    message = str(error.value)
    for word in words:
        assert word in message, (word, message)


def test_an_audience_table_without_the_columns_or_the_platform_is_named(audience):
    with pytest.raises(BriefError, match="lacks the column"):
        rank_channels(audience.drop(columns="share"), {"countries": ["IT"]})
    with pytest.raises(BriefError, match="audience table"):
        rank_channels(["not", "a", "table"], {"countries": ["IT"]})
    only_two = audience[audience["platform"].isin(["instagram", "tiktok"])]
    with pytest.raises(BriefError) as error:
        rank_channels(only_two, {"countries": ["IT"], "platforms": ["linkedin"]})
    assert "'linkedin'" in str(error.value) and "instagram, tiktok" in str(error.value)


# ------------------------------------------------------------------ personas and the chart
def test_personas_validate_and_make_a_brief():
    sofia = Persona("Sofia", "35-44", "it", "IT", profession="architect", talks_on="forum")
    jonas = Persona("Jonas", "25-34", "DE", "de")
    assert (sofia.country, sofia.language, sofia.talks_on) == ("IT", "it", ("forum",))
    card = persona_card(sofia)
    assert card.name == "Sofia" and card["age"] == "35-44" and card["already talks on"] == "forum"
    assert persona_card(jonas)["wants"] == "-"
    brief = brief_from_personas([sofia, jonas], weights={"age_bands": 2})
    assert brief.age_bands == ("35-44", "25-34") and brief.countries == ("IT", "DE") and brief.weights["age_bands"] == 2
    with pytest.raises(BriefError, match="'Sofia'.*'30-40'.*18-24"):
        Persona("Sofia", "30-40", "IT", "it")
    with pytest.raises(BriefError, match="needs a name"):
        Persona(" ", "25-34", "IT", "it")
    with pytest.raises(BriefError, match="Persona"):
        brief_from_personas([])


def test_breakdown_chart_draws_every_platform_and_checks_its_input(audience):
    ax = breakdown_chart(audience, "age_band")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == sorted(audience["platform"].astype(str).unique())
    assert labels[-1] in ("tiktok", "xiaohongshu", "weibo"), "the youngest audiences are drawn at the top"
    assert len(ax.patches) == 11 * 7
    with pytest.raises(BriefError, match="'gender'"):
        breakdown_chart(audience, "gender")


# ------------------------------------------------------------------ the facts lesson 2.2 states
def test_the_data_supports_each_decision_in_the_lesson():
    from answer_keys import m2_lesson2 as keys

    facts = keys.FACTS
    assert facts["top_per_brief"] == {"teen_riders": "tiktok", "china_launch": "xiaohongshu",
                                      "bike_to_work": "linkedin", "turin_seniors": "facebook"}
    assert facts["runner_up_per_brief"]["china_launch"] == "weibo"  # model answer: "Weibo is close behind"
    assert facts["runner_up_per_brief"]["turin_seniors"] == "forum"  # model answer: "with the forum second"
    # the rewritten distractors: Instagram holds more fitting people in two briefs, which is why the stem asks for the score
    assert facts["teen_fit_all"]["instagram"] > facts["teen_fit_all"]["tiktok"]
    assert facts["bike_to_work_fit_all"]["instagram"] > facts["bike_to_work_fit_all"]["linkedin"]
    # exercise 3: LinkedIn leads on the score, Instagram on the head count, "five times as many", "about 8,300"
    assert facts["families_top_score"] == "linkedin" and facts["families_top_fit_all"] == "instagram"
    fit = facts["families_fit_all"]
    assert 4.5 < fit["instagram"] / fit["linkedin"] < 5.5 and 8000 < fit["instagram"] < 8600
    assert 0.70 <= facts["families_linkedin_age_share"] < 0.715 and facts["families_top_country_share"] == "pinterest"
    # worked example: TikTok has the youngest share, Instagram the best score and "about six times as many"
    assert facts["young_italians_top_score"] == "instagram"
    assert facts["young_italians_top_age_share_of_top_five"] == "tiktok"
    assert 5.5 < facts["young_italians_fit_all_ratio"] < 6.5
    # exercise 4: "a sixth of the talk", "more than Facebook", Reddit above TikTok, Instagram the most mentions
    assert 0.15 < facts["reddit_and_forums_share"] < 0.185
    assert facts["reddit_and_forums_vs_facebook"] > 1 and facts["reddit_vs_tiktok"] > 1
    assert facts["top_mentions_place"] == "instagram"
