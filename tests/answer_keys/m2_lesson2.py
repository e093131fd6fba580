"""Answer keys for lesson 2.2 (Understanding the target audience), used by the shared checker tests.

The channel decisions rest on the shipped audience and listening tables: ``FACTS`` measures what each
question relies on (the top channel per brief, the head counts, the share of talk where Velora has no
account) and ``tests/test_strategy_channels.py`` asserts them, so a regenerated dataset that changes
one fails until the question is rewritten.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item
was changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.datasets import load_audience, load_listening
from course.exercises.module2 import lesson2 as ex
from course.strategy.channels import rank_channels

BRIEFS = {
    "teen_riders": {"age_bands": ["13-17", "18-24"], "countries": ["US", "GB", "CA"]},
    "china_launch": {"age_bands": ["18-24", "25-34"], "countries": ["CN"]},
    "bike_to_work": {"age_bands": ["25-34", "35-44"], "countries": ["DE", "NL"]},
    "turin_seniors": {"age_bands": ["45-54", "55-64", "65+"], "countries": ["IT"]},
}
FAMILIES = {"age_bands": ["25-34", "35-44"], "countries": ["US", "CA"]}
YOUNG_ITALIANS = {"age_bands": ["18-24", "25-34"], "countries": ["IT"], "languages": ["it"]}

_audience = load_audience()
_rankings = {name: rank_channels(_audience, brief) for name, brief in BRIEFS.items()}
_families = rank_channels(_audience, FAMILIES).set_index("platform")
_young = rank_channels(_audience, YOUNG_ITALIANS).set_index("platform")
_velora = load_listening().query("brand == 'Velora'")
_places = _velora.groupby("platform", observed=True)["mentions"].sum()


def _top(name: str, n: int = 1) -> list[str]:
    return _rankings[name]["platform"].head(n).tolist()


FACTS = {
    "top_per_brief": {name: _top(name)[0] for name in BRIEFS},
    "runner_up_per_brief": {name: _top(name, 2)[1] for name in BRIEFS},
    "teen_fit_all": rank_channels(_audience, BRIEFS["teen_riders"]).set_index("platform")["fit_all"].to_dict(),
    "bike_to_work_fit_all": rank_channels(_audience, BRIEFS["bike_to_work"]).set_index("platform")["fit_all"].to_dict(),
    "families_top_score": str(_families["score"].idxmax()),
    "families_top_fit_all": str(_families["fit_all"].idxmax()),
    "families_fit_all": _families["fit_all"].to_dict(),
    "families_linkedin_age_share": float(_families.loc["linkedin", "age_band"]),
    "families_top_country_share": str(_families["country"].idxmax()),
    "young_italians_top_score": str(_young["score"].idxmax()),
    "young_italians_top_age_share_of_top_five": str(_young.head(5)["age_band"].idxmax()),
    "young_italians_fit_all_ratio": float(_young.loc["instagram", "fit_all"] / _young.loc["tiktok", "fit_all"]),
    "reddit_and_forums_share": float((_places["reddit"] + _places["cycling_forums"]) / _places.sum()),
    "reddit_and_forums_vs_facebook": float((_places["reddit"] + _places["cycling_forums"]) / _places["facebook"]),
    "reddit_vs_tiktok": float(_places["reddit"] / _places["tiktok"]),
    "top_mentions_place": str(_places.idxmax()),
}

_BRIEF_KEY = {"teen_riders": "tiktok", "china_launch": "xiaohongshu", "bike_to_work": "linkedin",
              "turin_seniors": "facebook"}

CASES = [
    (ex.first_step, "b", ["a", "c", "d"]),
    (
        ex.channel_briefs,
        _BRIEF_KEY,
        [
            {**_BRIEF_KEY, "china_launch": "weibo"},
            {**_BRIEF_KEY, "turin_seniors": "instagram"},
            {**_BRIEF_KEY, "teen_riders": "instagram"},
            {**_BRIEF_KEY, "bike_to_work": "x"},
            {**_BRIEF_KEY, "turin_seniors": "forum"},
        ],
    ),
    (ex.fit_or_size, "b", ["a", "c", "d"]),
    (ex.emphasis, "c", ["a", "b", "d"]),
]

ALTERNATIVES = {
    ex.first_step.id: [
        ("a", "rewritten", "Asking the audience is step 3 and a survey can be the right start when the audience is "
         "already known; the stem now says the survey goes to the newsletter, which holds existing customers rather "
         "than the families the bike is for, so it asks the wrong people."),
        ("c", "rewritten", "Personas are a fine early step when they rest on research; (c) now says they are written "
         "from the team's own experience, which is the mistake the lesson warns about."),
    ],
    ex.channel_briefs.id: [
        ({**_BRIEF_KEY, "china_launch": "weibo"}, "rewritten", "Weibo is a close second for young riders in China; "
         "the brief was narrowed to the 18-34 bands, where Xiaohongshu leads on the score and on fit_all, and the "
         "idea message points to the youngest account."),
        ({**_BRIEF_KEY, "turin_seniors": "forum"}, "rewritten", "The forum's riders are old too and it comes second; "
         "the brief is an invitation for Italians over 45 in general, and Facebook holds several times as many of "
         "them with a higher score."),
        ({**_BRIEF_KEY, "bike_to_work": "instagram"}, "rewritten", "Instagram holds more people of the ages in "
         "absolute terms; the stem now asks for the channel where the group makes up the largest part of the "
         "followers, and the brief says the scheme is to be passed on to employers, so LinkedIn's lead is the point."),
        ({**_BRIEF_KEY, "teen_riders": "instagram"}, "rewritten", "Instagram holds slightly more followers who fit "
         "(fit_all) than TikTok, being far bigger; the stem now says each series is made for its group and asks for "
         "the channel where the group is the largest part of the followers, which is TikTok by a wide margin."),
        ({**_BRIEF_KEY, "china_launch": "Little Red Book", "bike_to_work": "LinkedIn", "teen_riders": "Tik Tok"},
         "accepted", "Xiaohongshu's English names, capitals and a spaced TikTok mean the same platforms."),
        ({**_BRIEF_KEY, "turin_seniors": "FB"}, "accepted", "FB is the common short name for Facebook."),
    ],
    ex.fit_or_size.id: [
        ("a", "rewritten", "LinkedIn would be right for a goal about concentration (a small pilot group of the best "
         "fit); the stem now says the goal is that as many parents as possible see the launch, which is a headcount."),
        ("d", "rewritten", "A new Snapchat account could suit a long-term plan for young parents; the stem now says "
         "the launch is in a week on Velora's own accounts, and Velora has no Snapchat account."),
    ],
    ex.emphasis.id: [
        ("d", "rewritten", "Instagram does carry the most mentions; the stem now says the team already posts and "
         "answers there every day, so the extra hours would add broadcasting rather than reach unanswered talk."),
        ("a", "rewritten", "An official subreddit can be a good later step; (a) now says riders are invited to move "
         "their conversations there, which is the opposite of going where they already talk."),
    ],
}
