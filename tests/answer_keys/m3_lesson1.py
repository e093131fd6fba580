"""Answer keys for lesson 3.1 (The main social networks), used by the shared checker tests.

The decisions rest on the fact sheet (course.social.platforms, with the limits of course.social.limits)
and on the shipped posts, followers and audience tables: ``FACTS`` measures what each question relies
on and ``tests/test_social_platforms.py`` asserts it, so a change to the limits, the sheet or the data
that alters an answer fails until the question is rewritten.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item
was changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.datasets import load_audience, load_followers, load_posts
from course.exercises.module3 import lesson1 as ex
from course.social.platforms import pick_platforms, platform_facts, velora_by_platform

LINK_PLATFORMS = ("x", "instagram", "linkedin", "tiktok", "xiaohongshu", "pinterest")

# The four briefs of exercise 2, written as the lesson's model answer writes them.
BRIEFS = {
    "brake_pads_video": {"formats": ["long_video"], "video_minutes": 7, "audience": "how_to", "clickable_link": True,
                         "velora_account": True},
    "fleet_offer": {"text_chars": 1500, "audience": "professional", "clickable_link": True},
    "outfit_boards": {"formats": ["pin"], "audience": "planners", "clickable_link": True},
    "teen_clip": {"formats": ["short_video"], "audience": "young", "market": "international", "velora_account": True},
}
COMPARED = ("instagram", "facebook", "x", "tiktok", "linkedin")  # the five rates exercise 3 shows

_facts = platform_facts(view="all")
_velora = velora_by_platform(load_posts(), load_followers(), load_audience())
_picks = {name: pick_platforms(brief) for name, brief in BRIEFS.items()}
_china = _velora.loc[["weibo", "xiaohongshu", "wechat"]]

FACTS = {
    "links_clickable": {p: bool(_facts.loc[p, "links_clickable"]) for p in LINK_PLATFORMS},
    "fits_per_brief": {name: picks.index[picks["fits"]].tolist() for name, picks in _picks.items()},
    "denominators": {p: _facts.loc[p, "er_per"] for p in COMPARED},
    "instagram_per_reach": float(_velora.loc["instagram", "er_per_reach"]),
    "instagram_per_follower": float(_velora.loc["instagram", "er_per_follower"]),
    "instagram_benchmark": (float(_facts.loc["instagram", "er_low"]), float(_facts.loc["instagram", "er_high"])),
    "china_youngest": str(_china["share_18_34"].idxmax()),
    "china_18_34": _china["share_18_34"].to_dict(),
    "instagram_china_share": float(load_audience().query(
        "platform == 'instagram' and dimension == 'country' and value == 'CN'")["share"].sum()),
}

_LINK_KEY = {"x": "the post", "instagram": "the profile", "linkedin": "the post", "tiktok": "the profile",
             "xiaohongshu": "the profile", "pinterest": "the post"}
_BRIEF_KEY = {"brake_pads_video": "youtube", "fleet_offer": "linkedin", "outfit_boards": "pinterest",
              "teen_clip": "tiktok"}

CASES = [
    (
        ex.link_in_text,
        _LINK_KEY,
        [
            {**_LINK_KEY, "instagram": "the post"},
            {**_LINK_KEY, "x": "the profile"},
            {**_LINK_KEY, "xiaohongshu": "the post"},
            {p: "the post" for p in _LINK_KEY},
        ],
    ),
    (
        ex.brief_platforms,
        _BRIEF_KEY,
        [
            {**_BRIEF_KEY, "brake_pads_video": "facebook"},
            {**_BRIEF_KEY, "fleet_offer": "facebook"},
            {**_BRIEF_KEY, "outfit_boards": "instagram"},
            {**_BRIEF_KEY, "teen_clip": "snapchat"},
            {**_BRIEF_KEY, "outfit_boards": "xiaohongshu"},
        ],
    ),
    (ex.not_comparable, "b", ["a", "c", "d"]),
    (ex.velora_vs_benchmark, "c", ["a", "b", "d"]),
    (ex.china_riders, "a", ["b", "c", "d"]),
]

ALTERNATIVES = {
    ex.link_in_text.id: [
        ({**_LINK_KEY, "pinterest": "the profile"}, "rewritten", "A pin's own destination link is a separate field; "
         "the stem now asks about the link typed into the text, which Pinterest's description does turn into a "
         "link, so the profile is not needed there."),
        ({**_LINK_KEY, "instagram": "The Profile", "x": " the post "}, "accepted", "Capitals and spaces around a "
         "label do not change its meaning."),
    ],
    ex.brief_platforms.id: [
        ({**_BRIEF_KEY, "brake_pads_video": "facebook"}, "rewritten", "Facebook takes long videos with working "
         "links; the brief now says the video is for people who search how to do a repair, the how-to audience "
         "the sheet gives YouTube, and pick_platforms drops Facebook on audience."),
        ({**_BRIEF_KEY, "teen_clip": "snapchat"}, "rewritten", "Snapchat suits teenagers; the brief now says the "
         "clip goes only where Velora already has an account, and Velora has none on Snapchat."),
        ({**_BRIEF_KEY, "teen_clip": "xiaohongshu"}, "rewritten", "Xiaohongshu's audience is young and takes short "
         "videos; the brief now says the clip is for riders outside China."),
        ({**_BRIEF_KEY, "brake_pads_video": "YT", "teen_clip": "Tik Tok"}, "accepted", "The course's alias table "
         "spells the same platforms these ways."),
    ],
    ex.not_comparable.id: [
        ("a", "rewritten", "TikTok's range is far above the others and a learner may suspect it; the options now "
         "show every range with its denominator, and TikTok's is per follower like the others, so only LinkedIn's "
         "differs in kind."),
    ],
    ex.velora_vs_benchmark.id: [
        ("d", "rewritten", "Benchmarks of other industries are rough guides, and a cautious analyst might refuse "
         "them; the option now says to drop the comparison altogether, which discards a comparison the lesson "
         "shows can be made once the denominators match."),
    ],
    ex.china_riders.id: [
        ("b", "rewritten", "Weibo's followers are young too and its links can be tapped; the brief now asks for "
         "detailed notes people save and come back to before buying, which is how engagement looks on "
         "Xiaohongshu, and Xiaohongshu has the larger share of 18-34 followers."),
    ],
}
