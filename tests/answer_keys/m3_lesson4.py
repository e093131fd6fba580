"""Answer keys for lesson 3.4 (Social media management tools), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item was
changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module3 import lesson4 as ex

_TOOLS = {
    "reels_saves": "built-in analytics",
    "one_queue": "scheduler",
    "campaign_orders": "web analytics",
    "unanswered_threads": "forum software",
    "staff_channel": "chat workspace",
    "belonging": "ask the members",
}

CASES = [
    (
        ex.right_tool,
        _TOOLS,
        [
            {**_TOOLS, "campaign_orders": "built-in analytics", "reels_saves": "web analytics"},
            {**_TOOLS, "one_queue": "built-in analytics", "reels_saves": "scheduler"},
            {**_TOOLS, "belonging": "web analytics", "campaign_orders": "ask the members"},
            {**_TOOLS, "unanswered_threads": "chat workspace", "staff_channel": "forum software"},
        ],
    ),
    (ex.best_format, "b", ["a", "c", "d"]),
    (ex.broken_link, "d", ["a", "b", "c"]),
    (ex.funnel_best, "d", ["a", "b", "c"]),
    (ex.tiktok_decision, "b", ["a", "c", "d"]),
]

ALTERNATIVES = {
    ex.right_tool.id: [
        ({**_TOOLS, "one_queue": "built-in analytics"}, "rewritten", "Each network's own page can list its unanswered "
         "comments; the item now asks for four networks in one report and one queue, which no single platform's page gives."),
        ({**_TOOLS, "campaign_orders": "scheduler"}, "rewritten", "Some schedulers (HubSpot among them) link to web "
         "analytics and can show orders; the item now asks about orders placed on velora.bike from tagged links, which "
         "is web analytics' own ground, and the lesson's table names it there."),
        ({"reels_saves": "Instagram Insights", "one_queue": "Sprout Social", "campaign_orders": "Google Analytics",
          "unanswered_threads": "Vanilla Forums", "staff_channel": "Slack", "belonging": "survey"}, "accepted",
         "Naming the tool the lesson gives as the example for a kind means that kind."),
        ({**_TOOLS, "staff_channel": "ask the members"}, "rewritten", "Asking staff how they feel about the channel is "
         "fair; the item now asks how many joined and which posts got replies, which the workspace counts itself."),
    ],
    ex.best_format.id: [
        ("a", "rewritten", "Reach per post is a fair measure of a format's strength; the stem now asks for the format "
         "people engage with most per person reached, which reach per post does not measure."),
        ("c", "rewritten", "With few posts a gap of a quarter could be chance; the stem now states the year, and the "
         "dashboard shows about ninety posts of each format, so the gap is not nothing."),
    ],
    ex.broken_link.id: [
        ("c", "rewritten", "An extra parameter could look like clutter; the lesson now states that parameters other "
         "than UTM tags are the page's business and keep every naming rule."),
        ("b", "rewritten", "A link without utm_content could look incomplete; the rules now name the three required "
         "tags, and utm_content and utm_term are optional."),
    ],
    ex.funnel_best.id: [
        ("a", "rewritten", "'Converts best' could be read as most orders in total; the stem now says orders for every "
         "visit, per session, where Instagram is not first."),
        ("b", "rewritten", "A sign-up is a conversion too; the stem now names orders as the step to compare."),
    ],
    ex.tiktok_decision.id: [
        ("a", "rewritten", "If TikTok brought no one at all, stopping it could be right; the case now gives TikTok the "
         "highest engagement rate and follower growth of Velora's networks and a young audience, which a last-click "
         "funnel cannot weigh."),
        ("c", "rewritten", "The newsletter's order rate is the best there is; the option now swaps TikTok's job of "
         "finding new riders for a channel that reaches people who already subscribed, which is the mistake."),
    ],
}
