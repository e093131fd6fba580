"""The profile audit: each of the ten points passes a good profile and fails a bad one for its own reason,
the shipped table loads and scores as the lesson says, and bad input is named."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from course.social import limits as post_limits
from course.social.profiles import (
    AUDIT_DATE,
    BIO_LIMITS,
    CHECKLIST,
    FIELDS,
    HANDLE_RULES,
    ProfileError,
    audit_profiles,
    audit_view,
    bio_check,
    compare_scores,
    get_profile,
    handle_fits,
    load_profiles,
    missed_points,
    score_chart,
    score_profile,
    score_table,
)

GOOD = {
    "brand": "Velora",
    "platform": "instagram",
    "handle": "velorabikes",
    "display_name": "Velora",
    "bio": "E-bikes made in Turin. Ride tips, repair help and rider stories. Share yours: #FirstRideVelora",
    "link": "https://velora.bike/riders",
    "link_checked": "ok",
    "image": "logo",
    "pinned_text": "Riding in the wet: five steps from riders in Turin and Leeds",
    "pinned_date": "2026-10-12",
    "pinned_accessible": True,
    "contact": "DM or help@velora.bike",
    "response_hours": "Mon-Fri 8:00-20:00 CET",
    "category": "Bicycle company",
    "location": "Turin, Italy",
}


def missed(profile: dict, handle: str = "velorabikes") -> dict[str, str]:
    return {p.key: p.reason for p in score_profile(profile, handle=handle).missed}


@pytest.fixture(scope="module")
def profiles() -> pd.DataFrame:
    return load_profiles()


@pytest.fixture(scope="module")
def audit(profiles) -> pd.DataFrame:
    return audit_profiles(profiles)


# ------------------------------------------------------------------ the ten points
def test_a_complete_profile_passes_every_point():
    result = score_profile(GOOD, handle="velorabikes")
    assert (result.score, result.out_of) == (10, 10) and not result.missed
    assert "every point passed" in str(result)


BAD = [
    ("handle", {"handle": "velora_bikes"}, "@velorabikes"),
    ("handle", {"handle": ""}, "no handle"),
    ("name", {"display_name": "VLR Official"}, "does not say Velora"),
    ("name", {"display_name": "Velora E-Bikes Official Store Italy"}, "characters"),
    ("bio", {"bio": "x" * 151}, "holds 150"),
    ("bio", {"bio": "Award-winning e-bikes, designed in Turin since 2015."}, "what a visitor gets"),
    ("bio", {"bio": ""}, "empty"),
    ("link", {"link": ""}, "no link"),
    ("link", {"link": "http://velora.bike"}, "https://"),
    ("link", {"link_checked": "broken"}, "no longer exists"),
    ("link", {"bio": "Ride tips and help at velora.bike/riders"}, "link field"),
    ("image", {"image": "old logo"}, "old logo"),
    ("image", {"image": "default"}, "placeholder"),
    ("image", {"image": "photo"}, "photo"),
    ("pinned", {"pinned_date": "2026-05-04"}, "180 days old"),
    ("pinned", {"pinned_text": ""}, "Nothing is pinned"),
    ("pinned", {"pinned_date": "2026-12-01"}, "after the audit day"),
    ("contact", {"contact": ""}, "no way to reach"),
    ("contact", {"response_hours": ""}, "not when someone answers"),
    ("voice", {"bio": "RIDE TIPS and help for you"}, "shout"),
    ("voice", {"pinned_text": "New video!! Go watch"}, "shout"),
    ("voice", {"bio": "World-class help and tips for you"}, "'world-class'"),
    ("access", {"pinned_accessible": False}, "alt text"),
    ("access", {"bio": "Ride tips for you: #firstridevelora"}, "#firstridevelora"),
    ("place", {"category": ""}, "no category"),
    ("place", {"category": "", "location": ""}, "no category and no location"),
]


@pytest.mark.parametrize("point, change, words", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_each_point_fails_for_its_own_reason_only(point, change, words):
    found = missed({**GOOD, **change})
    assert list(found) == [point], found
    assert words in found[point]


def test_a_short_acronym_a_single_exclamation_and_a_short_lowercase_hashtag_are_fine():
    assert missed({**GOOD, "bio": "Ride tips, FAQ and help for you! #ebike"}) == {}


def test_web_address_in_the_bio_only_matters_where_text_links_cannot_be_tapped():
    bio = {"bio": "Ride tips and help for you at velora.bike/riders"}
    assert "link" in missed({**GOOD, **bio, "platform": "tiktok"})
    assert post_limits.limits("x").links_clickable and not post_limits.limits("tiktok").links_clickable
    assert "link" not in missed({**GOOD, **bio, "platform": "x"})


def test_captions_not_alt_text_on_the_video_platforms():
    assert "captions" in missed({**GOOD, "platform": "youtube", "pinned_accessible": False})["access"]


def test_without_a_table_or_a_handle_any_handle_passes():
    assert score_profile({**GOOD, "handle": "anything"}).score == 10


def test_the_audit_day_can_be_moved():
    later = score_profile(GOOD, handle="velorabikes", today="2027-03-01")
    assert [p.key for p in later.missed] == ["pinned"]


# ------------------------------------------------------------------ the limits and the small tools
def test_every_platform_has_a_sourced_bio_limit_and_handle_rule():
    assert set(BIO_LIMITS) == set(HANDLE_RULES)
    for rule in list(BIO_LIMITS.values()) + list(HANDLE_RULES.values()):
        assert rule.source.strip() and rule.platform in post_limits.LIMITS
    assert BIO_LIMITS["tiktok"].max_chars < BIO_LIMITS["instagram"].max_chars < BIO_LIMITS["x"].max_chars


def test_handle_fits_names_length_and_characters():
    fits = handle_fits("@velora_cargo", ["instagram", "x", "tiktok", "youtube"])
    assert fits["fits"].all()
    too_long = handle_fits("veloracargobikes", ["x", "instagram"])
    assert not too_long.loc["x", "fits"] and "16 characters" in too_long.loc["x", "why not"]
    assert too_long.loc["instagram", "fits"]
    dotted = handle_fits("velora.cargo", ["x"])
    assert "'.'" in dotted.loc["x", "why not"]
    assert not handle_fits("velora_cargo", ["facebook"]).loc["facebook", "fits"]
    with pytest.raises(ProfileError, match="snapchat"):
        handle_fits("velora", ["snapchat"])
    with pytest.raises(ProfileError, match="a handle is text"):
        handle_fits(42)


def test_bio_check_says_length_and_benefit():
    assert bio_check("x" * 81, "tiktok").startswith("81 characters: is too long for the 80")
    assert "says what a visitor gets" in bio_check("Repair help for your bike", "instagram")
    assert "nothing about" in bio_check("Designed in Amsterdam since 2012.", "x")
    with pytest.raises(ProfileError, match="no bio limit"):
        bio_check("hello", "myspace")


# ------------------------------------------------------------------ the shipped table and the audit
def test_the_shipped_table_holds_three_brands_on_six_platforms(profiles):
    assert list(profiles.columns) == list(FIELDS)
    assert len(profiles) == 18
    assert set(profiles["brand"]) == {"Velora", "Voltaro", "Cityglide"}
    assert profiles.groupby("brand").size().eq(6).all()
    assert profiles["pinned_accessible"].map(type).eq(bool).all()


def test_the_audit_finds_what_the_lesson_says(audit):
    scores = audit.set_index(["brand", "platform"])["score"]
    assert scores["Velora", "tiktok"] == 3 and scores["Velora", "youtube"] == 10
    table = score_table(audit)
    assert list(table.index) == ["Cityglide", "Velora", "Voltaro"]
    assert table.loc["Velora", "average"] == 8.0
    velora = missed_points(audit, "Velora")
    assert set(velora.loc[velora["platform"] == "x", "point"]) == {"handle", "pinned post"}
    assert velora["why"].str.len().gt(30).all()
    with pytest.raises(ProfileError, match="Pedalia"):
        missed_points(audit, "Pedalia")


def test_the_audit_view_fits_a_screen_and_marks_each_point(audit):
    html = audit_view(audit, "Velora").to_html()
    widest = max(len(re.findall(r"<t[dh][\s>]", row)) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S))
    assert widest <= 12
    assert "✗" in html and "✓" in html and "3/10" in html
    with pytest.raises(ProfileError, match="no profile of 'Pedalia'"):
        audit_view(audit, "Pedalia")


def test_a_fix_shows_in_the_comparison(profiles):
    tiktok = get_profile(profiles, "Velora", "tiktok")
    before = score_profile(tiktok, profiles)
    tiktok["bio"] = "E-bikes made in Turin. Ride tips and quick repair help, twice a week."
    after = score_profile(tiktok, profiles)
    table = compare_scores(before, after)
    assert table.loc["bio", "change"] == "fixed" and table.loc["voice", "change"] == "fixed"
    assert table.loc["score", "change"] == "+2" and table.loc["contact", "change"] == "still missed"
    assert get_profile(profiles, "Velora", "tiktok")["bio"] != tiktok["bio"], "the table itself is unchanged"
    other = score_profile(get_profile(profiles, "Velora", "x"), profiles)
    with pytest.raises(ProfileError, match="one profile with itself"):
        compare_scores(before, other)


def test_the_chart_draws_one_bar_per_brand_and_platform(audit):
    ax = score_chart(audit)
    assert len(ax.patches) == 18 and ax.get_ylim()[1] == len(CHECKLIST)
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


# ------------------------------------------------------------------ bad input is named
@pytest.mark.parametrize("change, words", [
    ({"platform": "myspace"}, "not 'myspace'"),
    ({"image": "banner"}, "image is one of"),
    ({"link_checked": "maybe"}, "link_checked is one of"),
    ({"pinned_date": "31/10/2026"}, "YYYY-MM-DD"),
    ({"pinned_accessible": "sometimes"}, "pinned_accessible is True or False"),
    ({"bio": 42}, "bio should be text"),
    ({"colour": "blue"}, "does not know: colour"),
])
def test_bad_values_are_named_with_the_profile(change, words):
    with pytest.raises(ProfileError, match=re.escape(words)) as info:
        score_profile({**GOOD, **change})
    assert "Velora" in str(info.value)


def test_a_missing_field_and_a_wrong_kind_are_named():
    incomplete = {k: v for k, v in GOOD.items() if k != "contact"}
    with pytest.raises(ProfileError, match="lacks the field"):
        score_profile(incomplete)
    with pytest.raises(ProfileError, match="dictionary of fields"):
        score_profile(["Velora", "x"])
    with pytest.raises(ProfileError, match="today should be a day"):
        score_profile(GOOD, today="soon")


def test_a_broken_table_names_the_file_and_line(tmp_path, profiles):
    broken = profiles.copy()
    broken.loc[3, "image"] = "banner"
    path = tmp_path / "mine.csv"
    broken.to_csv(path, index=False)
    with pytest.raises(ProfileError, match=r"mine.csv, line 5: .*image"):
        load_profiles(path)
    profiles.drop(columns="bio").to_csv(path, index=False)
    with pytest.raises(ProfileError, match="lacks the column"):
        load_profiles(path)
    pd.concat([profiles, profiles.head(1)]).to_csv(path, index=False)
    with pytest.raises(ProfileError, match="more than once"):
        load_profiles(path)
    with pytest.raises(ProfileError, match="no profile table"):
        load_profiles(tmp_path / "absent.csv")
    with pytest.raises(ProfileError, match="no profile of 'Velora' on 'snapchat'"):
        get_profile(profiles, "Velora", "snapchat")


def test_the_audit_date_is_the_last_day_of_the_course_data():
    assert AUDIT_DATE == "2026-10-31"


# ------------------------------------------------------------------ what lesson 3.2 states, measured
BIOS = {
    "a": "Velora: award-winning Italian e-bikes since 2015. Premium quality and innovative design, now sold in nine "
         "countries.",
    "b": "E-bikes made in Turin. Ride tips, repair help and rider stories every week. Share your first ride with "
         "#FirstRideVelora",
    "c": "E-bikes made in Turin. Weekly ride tips, repair help from our mechanics and stories from riders in nine "
         "countries. Share your first ride with #FirstRideVelora",
}


def test_the_lessons_bios_and_handles_are_as_its_answers_say():
    assert [len(BIOS[k]) for k in "abc"] == [116, 119, 158]
    assert "nothing about" in bio_check(BIOS["a"], "instagram")
    assert "fits" in bio_check(BIOS["b"], "instagram") and "says what a visitor gets" in bio_check(BIOS["b"], "instagram")
    assert "too long" in bio_check(BIOS["c"], "instagram")
    four = ["instagram", "x", "tiktok", "youtube"]
    assert handle_fits("velora_cargo", four)["fits"].all() and len("velora_cargo") == 12
    assert handle_fits("veloracargobikes", four)["fits"].tolist() == [True, False, True, True]


def test_the_lessons_reading_of_the_audit_holds(profiles, audit):
    handles = profiles.groupby("brand")["handle"].nunique()
    assert handles["Voltaro"] == 4 and handles["Cityglide"] == 1
    assert (profiles.query("brand == 'Cityglide'")["link_checked"] == "broken").sum() == 2
    velora = audit.query("brand == 'Velora'").set_index("platform")["score"]
    assert velora.drop("tiktok").min() >= 8
    x_profile = get_profile(profiles, "Velora", "x")
    before = score_profile(x_profile, profiles)
    x_profile.update(pinned_text="New here? Our winter riding guide", pinned_date="2026-10-30")
    assert [p.key for p in score_profile(x_profile, profiles).missed] == ["handle"] != [p.key for p in before.missed]
