"""UTM links: built the rules' way and read back with urllib, every naming rule fires on a bad link and stays
quiet on a good one, and the funnel adds up the web_sessions table by source and campaign."""

from __future__ import annotations

import re

from urllib.parse import parse_qs, urlsplit

import matplotlib
import pandas as pd
import pytest

from course.datasets import load_web_sessions
from course.social import utm
from course.social.utm import UTMError, build_link, check_links, funnel, link_problems, parse_link

matplotlib.use("Agg")

SESSIONS = load_web_sessions()
GOOD = "https://velora.bike/trail?utm_source=instagram&utm_medium=social&utm_campaign=firstridevelora"
CAMPAIGN = ("2026-05-04", "2026-06-28")


def test_build_link_writes_the_tags_the_rules_way_and_keeps_the_page_s_own_parameters():
    link = build_link("https://velora.bike/sale?colour=red#sizes", source=" Instagram ", medium="Social",
                      campaign="Spring Sale 2026", content="reel-0512")
    parts = urlsplit(link)
    assert parts.netloc == "velora.bike" and parts.path == "/sale" and parts.fragment == "sizes"
    assert parse_qs(parts.query) == {"colour": ["red"], "utm_source": ["instagram"], "utm_medium": ["social"],
                                     "utm_campaign": ["spring_sale_2026"], "utm_content": ["reel_0512"]}
    assert link_problems(link) == []


def test_build_link_replaces_old_tags_and_reads_back_with_parse_link():
    old = "https://velora.bike/?utm_source=ig&UTM_MEDIUM=story&ref=home"
    link = build_link(old, "newsletter", "email", "black_friday_2025", term="ebike")
    assert parse_link(link) == {"page": "velora.bike/", "utm_source": "newsletter", "utm_medium": "email",
                                "utm_campaign": "black_friday_2025", "utm_content": None, "utm_term": "ebike"}
    assert "ref=home" in link and "ig" not in parse_qs(urlsplit(link).query)["utm_source"]


@pytest.mark.parametrize("kwargs, words", [
    ({"medium": "instagram_story"}, "utm_medium='instagram_story' is not one of Velora's mediums"),
    ({"campaign": "first ride!"}, "utm_campaign='first ride!' holds characters"),
    ({"source": ""}, "utm_source must be a non-empty text"),
    ({"content": "giulia@velora.bike"}, "looks like an e-mail address"),
    ({"url": "velora.bike/trail"}, "is not a full web address"),
    ({"url": None}, "the link must be a web address as text"),
])
def test_build_link_refuses_what_would_break_a_rule_naming_the_tag(kwargs, words):
    arguments = {"url": "https://velora.bike/", "source": "instagram", "medium": "social",
                 "campaign": "firstridevelora", **kwargs}
    with pytest.raises(UTMError, match=re.escape(words)):
        build_link(**arguments)


def test_parse_link_keeps_the_case_as_written_and_the_first_of_a_repeated_tag():
    found = parse_link("https://velora.bike/trail?UTM_Source=Instagram&utm_medium=social&utm_medium=email")
    assert found["utm_source"] == "Instagram" and found["utm_medium"] == "social" and found["utm_campaign"] is None


@pytest.mark.parametrize("link, rule", [
    ("https://velora.bike/?utm_source=instagram&utm_medium=social", "required"),
    ("https://velora.bike/?utm_source=Instagram&utm_medium=social&utm_campaign=firstridevelora", "lower_case"),
    ("https://velora.bike/?utm_source=instagram&utm_medium=social&utm_campaign=first+ride", "no_spaces"),
    ("https://velora.bike/?utm_source=instagram&utm_medium=story&utm_campaign=firstridevelora", "known_medium"),
    ("https://velora.bike/?utm_source=ig&utm_medium=social&utm_campaign=firstridevelora", "known_source"),
    ("https://velora.bike/?utm_source=instagram&utm_medium=social&utm_campaign=first_ride_velora", "known_campaign"),
    ("https://velora.bike/?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale_2026&utm_content=a%40b.com",
     "no_personal_data"),
    (GOOD + "&utm_source=facebook", "once"),
    (None, "consistent"),
])
def test_each_rule_fires_on_the_link_that_breaks_it(link, rule):
    assert rule in utm.RULES
    if link is None:  # a rule about the list, not one link
        return
    assert rule in [found[0] for found in link_problems(link)]
    assert link_problems(GOOD) == []


def test_the_problems_suggest_the_register_s_spelling():
    messages = " ".join(m for _, _, m in link_problems(
        "https://velora.bike/?utm_source=IG&utm_medium=social&utm_campaign=First_Ride_Velora"))
    assert "the register calls it 'instagram'" in messages and "the register spells it 'firstridevelora'" in messages
    assert "write 'ig'" in messages
    shortened = link_problems("https://velora.bike/?utm_source=instagram&utm_medium=social&utm_campaign=firstride")
    assert "the register spells it 'firstridevelora'" in shortened[0][2]
    unknown = link_problems("https://velora.bike/?utm_source=mastodon&utm_medium=social&utm_campaign=winter_2027")
    assert [rule for rule, _, _ in unknown] == ["known_source", "known_campaign"]
    assert "add it to the register" in unknown[0][2] and "add it to the register" in unknown[1][2]


def test_check_links_names_each_link_and_survives_an_unreadable_one():
    links = {"reel": GOOD, "story": GOOD.replace("instagram", "ig"), "flyer": "velora.bike/trail"}
    table = check_links(links)
    assert list(table.columns) == ["link", "rule", "tag", "problem"]
    assert table["link"].tolist() == ["story", "flyer"] and table["rule"].tolist() == ["known_source", "address"]
    assert check_links([GOOD, GOOD]).empty
    numbered = check_links([GOOD, GOOD.replace("social", "Social")])
    assert numbered["link"].tolist() == [2] and set(numbered["rule"]) == {"lower_case"}
    with pytest.raises(UTMError, match="give a list of links"):
        check_links(GOOD)


def test_the_register_matches_the_data():
    tagged = set(SESSIONS["campaign"].dropna())
    assert tagged == set(utm.CAMPAIGNS)
    assert set(SESSIONS["source"]) - {"(direct)"} <= set(utm.SOURCES)
    assert set(SESSIONS["medium"]) - {"organic", "direct"} == set(utm.MEDIUMS)


def test_the_funnel_adds_up_the_table_and_divides_by_sessions():
    table = funnel(SESSIONS)
    assert list(table.columns) == list(utm.FUNNEL_COLUMNS) and len(table.columns) <= 12
    assert table["sessions"].sum() == SESSIONS["sessions"].sum() and table["orders"].sum() == SESSIONS["orders"].sum()
    row = SESSIONS[(SESSIONS["source"] == "newsletter")]
    assert table.loc["newsletter / email", "order rate"] == pytest.approx(row["orders"].sum() / row["sessions"].sum(),
                                                                          abs=5e-5)
    assert table["sessions"].is_monotonic_decreasing and table.index.name == "source / medium"
    assert table["order rate"].idxmax() == "newsletter / email"


def test_the_campaign_funnel_of_the_lesson():
    tagged = funnel(SESSIONS, by="source", start=CAMPAIGN[0], end=CAMPAIGN[1], campaign="firstridevelora")
    assert set(tagged.index) == {"instagram", "facebook", "tiktok", "youtube"}
    assert tagged["order rate"].idxmax() == "youtube" and tagged["order rate"].idxmin() == "tiktok"
    assert tagged["orders"].idxmax() == "instagram" and tagged["signup rate"].idxmax() == "facebook"
    by_campaign = funnel(SESSIONS, by="campaign")
    assert "(none)" in by_campaign.index and set(by_campaign.index) - {"(none)"} == set(utm.CAMPAIGNS)
    untagged = funnel(SESSIONS, by="source", campaign="")
    assert untagged["sessions"].sum() == SESSIONS.loc[SESSIONS["campaign"].isna(), "sessions"].sum()


@pytest.mark.parametrize("call, words", [
    (lambda: funnel(SESSIONS.drop(columns="orders")), "no column 'orders'"),
    (lambda: funnel(SESSIONS, by="country"), "no column 'country'"),
    (lambda: funnel(SESSIONS, campaign="FirstRide"), "no sessions with campaign 'FirstRide'"),
    (lambda: funnel(SESSIONS, start="2030-01-01"), "no sessions are left"),
    (lambda: funnel([1, 2]), "must be a pandas DataFrame"),
    (lambda: utm.funnel_chart(SESSIONS), "give it a table made by funnel"),
])
def test_bad_funnel_input_is_refused_naming_what(call, words):
    with pytest.raises(UTMError, match=re.escape(words)):
        call()


def test_the_funnel_chart_draws_a_bar_per_source_in_each_panel():
    table = funnel(SESSIONS, by="source", start=CAMPAIGN[0], end=CAMPAIGN[1], campaign="firstridevelora")
    visits, rates = utm.funnel_chart(table)
    assert len(visits.patches) == 4 and len(rates.patches) == 8
    labels = [t.get_text() for t in visits.get_yticklabels()]
    assert labels[-1] == "youtube", "the best converter at the top"
    heights = sorted(p.get_width() for p in rates.patches)
    assert heights[-1] == pytest.approx(100 * table["signup rate"].max())
    assert isinstance(table, pd.DataFrame)


def test_a_name_written_two_ways_across_the_list_is_flagged_where_it_differs():
    new = "https://velora.bike/?utm_source=instagram&utm_medium=social&utm_campaign="
    links = {"one": new + "winter_2027", "two": new + "winter-2027", "three": new + "Winter_2027", "four": GOOD}
    table = check_links(links)
    consistent = table[table["rule"] == "consistent"]
    assert consistent["link"].tolist() == ["two"], "case is the lower_case rule's business, not this one's"
    assert "is written 'winter_2027' in link one, three" in consistent["problem"].iloc[0]
    assert table["link"].tolist() == sorted(table["link"], key=["one", "two", "three", "four"].index)
    assert check_links([GOOD, GOOD.replace("reel", "x")]).empty
