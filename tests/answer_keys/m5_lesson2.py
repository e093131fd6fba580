"""Answer keys for lesson 5.2 (Analysis tools), used by the shared checker tests.

``FACTS`` measures on the shipped data and the sample exports the campaign figures the questions and the lesson
quote; ``tests/test_analysis_exports.py`` holds them, so a regenerated dataset that changes one fails until the
lesson is rewritten.

``ALTERNATIVES`` is the register of plausible answers other than the reference one, with the decision
taken for each (``accepted``, ``rejected`` or ``rewritten``, as in the other key files).
"""

from course.analysis import exports
from course.datasets import load_posts, load_web_sessions
from course.exercises.module5 import lesson2 as ex

_posts, _web = load_posts(), load_web_sessions()
_tagged_posts = _posts[_posts["utm_campaign"] == "firstridevelora"]
_tagged_web = _web[_web["campaign"] == "firstridevelora"]

FACTS = {
    "instagram_post_clicks": int(_tagged_posts.loc[_tagged_posts["platform"] == "instagram", "clicks"].sum()),
    "instagram_tagged_sessions": int(_tagged_web.loc[_tagged_web["source"] == "instagram", "sessions"].sum()),
    "sample_not_set_share": exports.not_set_share(exports.sample_path("web_by_source_medium")),
}

CASES = [
    (ex.source_for_question, "b", ["a", "c", "d", "web analytics"]),
    (ex.read_the_gap, "c", ["a", "b", "d", 3]),
    (ex.last_click, "b", ["a", "c", "d", "newsletter"]),
    (ex.not_set_rows, "b", ["a", "c", "d", None]),
]

ALTERNATIVES = {
    "l52_source_for_question": [
        ("a", "rejected", "Platform insights end at the link click; they never see an order on the website."),
        ("B", "accepted", "Capital letters are the same choice."),
    ],
    "l52_read_the_gap": [
        ("a", "rejected", "A bigger count is a different definition, not a fault in the tool."),
        ("b", "rejected", "Adding the two counts the taps that opened the site twice."),
    ],
    "l52_last_click": [
        ("a", "rejected", "TikTok would get the order under first-click attribution, not last click."),
        ("c", "rejected", "An equal split is linear attribution, not the last-click default."),
    ],
    "l52_not_set_rows": [
        ("c", "rejected", "Giving unattributed visits to the largest source flatters it with no evidence."),
        ("d", "rejected", "Spreading them silently changes every figure and hides the change from the reader."),
    ],
}
