"""Lesson 3.1 -- The main social networks: the practice questions.

Used by ``module3_social/3.1-main-social-networks.ipynb``::

    from course.exercises.module3 import lesson1 as ex
    ex.link_in_text.check(link_in_text)

Expected answers are stored only as salted hashes (see :mod:`course.checks`). What each question rests
on (which links can be tapped, which platform fits each brief, the denominators of the typical rates,
Velora's own rates and audiences) is measured on the fact sheet and the shipped tables in
``tests/answer_keys/m3_lesson1.py``, so a change to the limits, the fact sheet or the data that
alters an answer fails the tests until the question is rewritten.
"""

from __future__ import annotations

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["link_in_text", "brief_platforms", "not_comparable", "velora_vs_benchmark", "china_riders"]

CHOICES = ("a", "b", "c", "d")
CHANNELS = ("instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "pinterest", "snapchat", "reddit",
            "forum", "weibo", "xiaohongshu", "wechat")


# --------------------------------------------------------------------------- exercise 1
link_in_text = LabelsQuestion(
    id="l31_link_in_text",
    labels=("the post", "the profile"),
    answer_hashes={
        "x": "7510ec886cd652bdfc21",
        "instagram": "5753418264ca6b86a5aa",
        "linkedin": "141950b21de1fa10b89f",
        "tiktok": "a1c46d38c2d36ea16e77",
        "xiaohongshu": "8b2c8811c0f78cf2324f",
        "pinterest": "cde10472c86d8f08c6fc",
    },
    ideas={
        "x": "X counts every web address as 23 characters. Does it also turn it into something people can tap?",
        "instagram": "On this platform a web address typed into a caption stays plain text. Where does a "
        "reader find a link that works?",
        "linkedin": "Read the links_clickable column for the professional network.",
        "tiktok": "Is a link typed into a short video's caption one people can tap there?",
        "xiaohongshu": "The note's text behaves like Instagram's caption. Where does a reader go for the link?",
        "pinterest": "A pin exists to send people to a page: check whether its description's link can be tapped.",
    },
    hints=[
        "The fact sheet's links_clickable column says, for each platform, whether a link in the text can be tapped.",
        "Where it cannot, the post should say where the link is instead: the profile's link (the 'link in bio').",
    ],
    explanation=(
        "On Instagram, TikTok and Xiaohongshu a web address in the text is dead: the post points to the link in the "
        "profile instead. On X, LinkedIn and Pinterest the link in the post works (on X it costs 23 characters)."
    ),
    model_answer=(
        "x: the post; instagram: the profile; linkedin: the post; tiktok: the profile; xiaohongshu: the profile; "
        "pinterest: the post. Where links in the text cannot be tapped, write 'link in our profile' and keep the "
        "profile's link up to date for the campaign."
    ),
)


# --------------------------------------------------------------------------- exercise 2
brief_platforms = LabelsQuestion(
    id="l31_brief_platforms",
    labels=CHANNELS,
    answer_hashes={
        "brake_pads_video": "1487be217ae110526a43",
        "fleet_offer": "d2bf596bbded38277337",
        "outfit_boards": "c30fb2e02a158e38af01",
        "teen_clip": "78c96e58411d25d2a1fd",
    },
    ideas={
        "brake_pads_video": "A seven-minute video for people who search how to do a repair, with a link that "
        "works: which platform carries long videos for a how-to audience?",
        "fleet_offer": "A long post with a working link, for people reading in their work frame of mind: whose "
        "text holds 1,500 characters and whose audience is professional?",
        "outfit_boards": "Ideas people save and plan with, each picture sending them to the shop: which platform "
        "is built around saving pins?",
        "teen_clip": "A short clip for teenagers, only where Velora already has an account and outside China: "
        "Snapchat has the audience but no Velora account.",
    },
    hints=[
        "Turn each brief into a dict for pick_platforms: the formats it needs, the audience, and the limits "
        "(text_chars, video_minutes, clickable_link, velora_account, market) that matter.",
        "Read the misses column of the runners-up: it tells you why a plausible platform drops out.",
        "Four different platforms: one for long how-to videos, one for professionals, one for planners, one for "
        "the young.",
    ],
    model_answer=(
        "brake_pads_video: youtube; fleet_offer: linkedin; outfit_boards: pinterest; teen_clip: tiktok. Facebook "
        "takes long videos and long posts too, but its audience is neither the how-to searcher nor the fleet "
        "manager at work; Snapchat suits teenagers but Velora has no account there. The first brief, written out: "
        "{'formats': ['long_video'], 'video_minutes': 7, 'audience': 'how_to', 'clickable_link': True, "
        "'velora_account': True}."
    ),
)


# --------------------------------------------------------------------------- exercise 3
not_comparable = ChoiceQuestion(
    id="l31_not_comparable",
    options=CHOICES,
    answer_hash="0e4a70c3541119fc6ebe",
    feedback={
        # a: TikTok, because it is high
        "5fab2ce0049f378bfc12": "A high figure is not a different measure. Read the words after each range: what "
        "is each one divided by?",
        # c: X, because of the 23-character links
        "5c019de04b2ed1ff8421": "How X counts a link's characters is a publishing limit; it does not change how "
        "the engagement rate is worked out. What is each rate divided by?",
        # d: Facebook, because of two reports
        "16216447e0c65ee1be2c": "Two reports can be compared when they divide by the same thing. Do Facebook's "
        "two figures divide by the same thing as Instagram's?",
    },
    hints=[
        "A rate is interactions divided by something. The typical_er column says what, after the word 'per'.",
        "People who follow an account and times a post was shown are different denominators.",
    ],
    explanation=(
        "LinkedIn's typical rate is interactions per impression; the others are per follower. Impressions count every "
        "showing of a post, followers count the people who follow the account: the two rates sit on different scales."
    ),
    model_answer=(
        "b. LinkedIn's figure counts interactions per impression, the other four per follower, so it cannot stand in "
        "the same ranking. To compare LinkedIn, find a benchmark per follower, or compare Velora's LinkedIn with its "
        "own baseline. TikTok is high but measured the same way, X's link rule is about characters, and two reports "
        "with one denominator can be read together."
    ),
)


# --------------------------------------------------------------------------- exercise 4
velora_vs_benchmark = ChoiceQuestion(
    id="l31_velora_vs_benchmark",
    options=CHOICES,
    answer_hash="85f91b0700f50a8e5716",
    feedback={
        # a: five times the industry
        "d4322342083a6b8f4a4d": "Velora's 2.5% is interactions per person reached; the benchmark's figures are per "
        "follower. Which of Velora's columns uses the benchmark's denominator?",
        # b: below the benchmark
        "074ec832d335d911a4d0": "Put the two figures on the same denominator first. Is Velora's rate per follower "
        "below the benchmark's range, or above it?",
        # d: no comparison at all
        "d73482483b8a243b4a10": "Benchmarks are rough, but a figure with a stated denominator can be compared with "
        "Velora's figure on the same denominator. Which column of Velora's table allows that?",
    },
    hints=[
        "Find the benchmark's denominator in the fact sheet's typical_er, then the column of Velora's table with "
        "the same denominator.",
        "Divide Velora's Instagram rate per follower by the benchmark's high end.",
    ],
    explanation=(
        "Compare like with like: on the benchmark's own denominator Velora's Instagram earns about 0.8% per "
        "follower, well above a 0.47-0.48% range but less than twice it, not five times."
    ),
    model_answer=(
        "c. The slide divides Velora's interactions by reach and the benchmark's by followers. Per follower, "
        "Velora's Instagram is about 0.8%: above the benchmark, by a factor of about 1.7. (a) mixes denominators, "
        "(b) does not follow from either figure, and (d) throws away a comparison that works once the "
        "denominators match."
    ),
)


# --------------------------------------------------------------------------- exercise 5
china_riders = ChoiceQuestion(
    id="l31_china_riders",
    options=CHOICES,
    answer_hash="ae333c588d8b49cb4e75",
    feedback={
        # b: Weibo, for the clickable link
        "42e2a109ba37d0fdf5c6": "Weibo's links work and its followers are young, but what does engagement look like "
        "there, next to the brief's detailed notes that people save? And which China account is the youngest?",
        # c: WeChat, everyone uses it
        "a5a58fe3cc46d1e5ff7b": "WeChat reaches almost everyone in China, but look at Velora's own followers there: "
        "what share are 18 to 34, next to the other two accounts?",
        # d: Instagram, the biggest account
        "3f236c4421758a19a3b4": "Look at Instagram's followers by country: how many are in China, where the Western "
        "networks are blocked?",
    },
    hints=[
        "Velora's table gives share_18_34 and top_country for the three accounts for China.",
        "Then read the fact sheet's engagement and links_clickable for the two youngest of them.",
    ],
    explanation=(
        "Xiaohongshu has Velora's youngest followers in China, and saving first-person notes is how people engage "
        "there. Its links cannot be tapped, so the note sends readers to the profile for the shop."
    ),
    model_answer=(
        "a. Xiaohongshu: about four in five of Velora's followers there are 18 to 34, the most of the three accounts "
        "for China, and people save detailed review-style notes to compare before they buy. The pre-order link "
        "goes in the profile. Weibo is close on age and its links work, but it rewards topical reposts; WeChat's "
        "followers are older; Instagram barely reaches China."
    ),
)
