"""The tables of Velora's community data: every column, its type and its meaning.

This one description drives three things: the loaders' dtypes, the validation of a learner's
own export (a missing or mistyped column is named with what was expected), and the data
dictionary in ``docs/data-dictionary.md`` (written by ``python -m course datadict``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

PLATFORMS = ("instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "pinterest", "forum",
             "weibo", "xiaohongshu", "wechat")
CHINESE_PLATFORMS = ("weibo", "xiaohongshu", "wechat")  # Velora's accounts for China, run from Shanghai
# Public places where people talk about Velora but Velora runs no account of its own (seen only by listening).
NO_ACCOUNT_PLACES = ("reddit", "cycling_forums", "quora", "article_comments")
LISTENING_PLATFORMS = PLATFORMS + NO_ACCOUNT_PLACES
SEGMENTS = ("customer", "prospect", "ambassador", "employee")
LANGUAGES = ("en", "it", "zh")
INTENTS = ("question", "complaint", "praise", "suggestion", "spam", "abuse")
SENTIMENTS = ("negative", "neutral", "positive")
CHANNELS = ("comment", "mention", "dm", "review", "forum")
RESPONDERS = ("community_manager", "support_agent", "community_member")
PILLARS = ("product", "how_to", "rider_stories", "behind_the_scenes", "promotion", "events")
FORMATS = ("image", "carousel", "video", "short_video", "text", "link", "thread")
EVENT_TYPES = ("webinar", "meetup", "qa")
BRANDS = ("Velora", "Voltaro", "Cityglide", "Pedalia")
# The audience table: the breakdowns a platform's audience-insights page shows.
AUDIENCE_DIMENSIONS = ("age_band", "country", "language")
AGE_BANDS = ("13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+")
AUDIENCE_COUNTRIES = ("IT", "FR", "DE", "ES", "NL", "GB", "US", "CA", "CN", "other")
# The language a follower's app is set to (wider than the community's own three languages, LANGUAGES).
AUDIENCE_LANGUAGES = ("en", "it", "de", "fr", "es", "nl", "zh", "other")
AUDIENCE_VALUES = {"age_band": AGE_BANDS, "country": AUDIENCE_COUNTRIES, "language": AUDIENCE_LANGUAGES}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # id | int | float | bool | text | category | datetime | date
    description: str
    categories: tuple[str, ...] = ()
    nullable: bool = False
    decimals: int = 2  # how many decimals a float column is written with

    @property
    def expected(self) -> str:
        """How a learner would describe the expected content, for error messages."""
        return {
            "id": "an identifier (text)",
            "int": "whole numbers",
            "float": "numbers",
            "bool": "True/False values",
            "text": "text",
            "category": "one of: " + ", ".join(self.categories),
            "datetime": "date-times such as 2026-03-16T09:30:00+00:00",
            "date": "dates such as 2026-03-16",
        }[self.kind]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    calibration: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


C = Column

TABLES: dict[str, Table] = {}


def _table(*args, **kwargs) -> Table:
    table = Table(*args, **kwargs)
    TABLES[table.name] = table
    return table


_table(
    "members",
    "Everyone registered in Velora's community (forum accounts, Crew ambassadors, staff).",
    (
        C("member_id", "id", "Stable member identifier, e.g. M00042."),
        C("handle", "text", "Public user name on the forum."),
        C("joined_at", "datetime", "When the member registered (UTC)."),
        C("country", "category", "Country code (ISO 3166-1 alpha-2).", ("IT", "FR", "DE", "ES", "NL", "GB", "US", "CA", "CN")),
        C("language", "category", "Preferred language.", LANGUAGES),
        C("segment", "category", "Relationship with the brand.", SEGMENTS),
        C("super_user", "bool", "Flagged by the community team as a super user (top contributor)."),
        C("referrals", "int", "Friends who bought a bike through the member's Crew referral code."),
    ),
    (
        "About 1 member in 100 is a super user and about 9 in 100 contribute now and then, following the 90-9-1 "
        "participation-inequality rule of thumb (Nielsen Norman Group, 2006).",
        "Referrals are heavy-tailed: most members refer nobody; a few Crew ambassadors reach the 'ten friends' top tier.",
        "Languages follow the markets: mostly English, with Italian and Chinese speakers (Turin home market; Shanghai team).",
    ),
)

_table(
    "posts",
    "Velora's own posts on each platform and on its forum, with the platform's analytics.",
    (
        C("post_id", "id", "Post identifier, e.g. P01234."),
        C("platform", "category", "Where it was published (weibo, xiaohongshu and wechat are the accounts for China).", PLATFORMS),
        C("published_at", "datetime", "Publication time (UTC)."),
        C("format", "category", "Post format.", FORMATS),
        C("pillar", "category", "Content pillar the post belongs to.", PILLARS),
        C("paid", "bool", "True if the post was boosted with paid budget, False if organic."),
        C("impressions", "int", "Times the post was displayed (one person can see it several times)."),
        C("reach", "int", "Distinct accounts that saw the post at least once (never more than impressions)."),
        C("likes", "int", "Likes and reactions."),
        C("comments", "int", "Comments and replies."),
        C("shares", "int", "Shares, reposts and retweets."),
        C("saves", "int", "Saves and bookmarks (0 where the platform has none)."),
        C("clicks", "int", "Link clicks."),
        C("video_views", "int", "Video views (0 for non-video formats)."),
        C("followers", "int", "The account's followers when the post was published."),
        C("campaign", "text", "Campaign name, empty when the post belongs to none.", nullable=True),
        C("utm_campaign", "text", "UTM campaign tag on the post's link, empty when it has none.", nullable=True),
    ),
    (
        "Engagement rate by reach is drawn per platform around published benchmark ranges (industry benchmark reports "
        "such as Rival IQ's and Hootsuite's): TikTok highest (about 3-6%), Instagram and LinkedIn about 1-3%, "
        "Facebook, X and Pinterest around 1% or below, YouTube about 1-2%, the forum highest of all because its readers are members. "
        "The accounts for China are set for the course: Xiaohongshu about 3% (many saves), WeChat about 2%, Weibo about 1%.",
        "Reach is heavy-tailed (log-normal): most posts do modestly and a handful travel far, as in studies of online diffusion.",
        "Posting and engagement follow a weekly rhythm: weekdays mid-morning and early evening (Europe/Rome) are best, "
        "late night worst, as in the 'best time to post' studies published by social media tool vendors.",
        "Paid posts reach more people but engage a smaller share of them.",
        "The #FirstRideVelora campaign (May-June 2026) lifts shares and saves; the crisis week (16-22 March 2026) "
        "brings comments but few likes.",
    ),
)

_table(
    "followers",
    "Daily follower counts per platform (registered members for the forum).",
    (
        C("date", "date", "Calendar day (Europe/Rome)."),
        C("platform", "category", "Platform.", PLATFORMS),
        C("new", "int", "Followers gained that day."),
        C("lost", "int", "Followers lost that day."),
        C("total", "int", "Followers at the end of the day (previous total + new - lost)."),
    ),
    (
        "Net growth from about 0.5% a month (Facebook, X: mature audiences) to 2-6% (Instagram, LinkedIn, TikTok); "
        "unfollows jump in the crisis week and follows jump during #FirstRideVelora.",
    ),
)

_table(
    "audience",
    "Who follows each platform, by age band, country and language, as its audience-insights page shows it.",
    (
        C("as_of", "date", "The day the breakdown was read (the last day of the data, 31 October 2026)."),
        C("platform", "category", "Platform (the forum: its registered members).", PLATFORMS),
        C("dimension", "category", "Which breakdown the row belongs to.", AUDIENCE_DIMENSIONS),
        C("value", "text", "The group within the breakdown: an age band (" + ", ".join(AGE_BANDS) + "), a country "
          "code (" + ", ".join(AUDIENCE_COUNTRIES) + ") or an app language (" + ", ".join(AUDIENCE_LANGUAGES) + "); "
          "'other' gathers the rest."),
        C("followers", "int", "Followers in that group; a platform's groups add up to its followers.total that day, "
          "in each breakdown."),
        C("share", "float", "followers as a share of the platform's total (0-1, four decimals); each platform's "
          "shares add up to 1 in each breakdown.", decimals=4),
    ),
    (
        "Age profiles follow the platforms' published audience reports (e.g. DataReportal's yearly digital reports and "
        "Pew Research's social media fact sheets): TikTok, Weibo and Xiaohongshu skew young (18-34), Facebook and "
        "WeChat older, Instagram and YouTube broad, LinkedIn adult and working-age (no one under 18); the forum's "
        "riders, who bought an e-bike, are older still.",
        "Countries follow Velora's markets (the members table's mix: Italy first, then the United States, Germany, "
        "China ...); the networks blocked in China have almost no followers there, and the accounts for China almost "
        "nobody elsewhere. LinkedIn leans to Germany, the Netherlands and the UK, TikTok and Pinterest to North America.",
        "Languages follow the countries (an Italian follower's app is mostly set to Italian, a Canadian's to English or "
        "French). The forum's country and language shares are those of the members table.",
        "Each platform's groups add up exactly to its followers.total on 31 October 2026; the breakdown is drawn from "
        "its own random stream, so adding it left the other tables as they were.",
    ),
)

_table(
    "inbox",
    "Everything that reached the community team: comments, mentions, direct messages, reviews and forum posts.",
    (
        C("message_id", "id", "Message identifier, e.g. I000123."),
        C("channel", "category", "Kind of message.", CHANNELS),
        C("platform", "category", "Where it arrived.", PLATFORMS),
        C("author_id", "id", "member_id of the author, or an external id (X...) for people without a forum account."),
        C("received_at", "datetime", "Arrival time (UTC)."),
        C("language", "category", "Language of the text.", LANGUAGES),
        C("text", "text", "The message as written."),
        C("intent", "category", "What the author wants (labelled by the team).", INTENTS),
        C("sentiment", "category", "Sentiment label: VADER for English text, checked by the team (who turn round a "
          "polarity that contradicts the intent); the team's own label for Italian and Chinese.", SENTIMENTS),
        C("first_response_at", "datetime", "First reply from Velora or a member (UTC); empty if never answered.", nullable=True),
        C("resolved_at", "datetime", "When the issue was closed (UTC); empty if still open or nothing to resolve.", nullable=True),
        C("responder", "category", "Who replied first; empty if nobody did.", RESPONDERS, nullable=True),
        C("escalated", "bool", "Passed on to another team (quality, legal, PR)."),
    ),
    (
        "Response times are log-normal: a median of about 30-40 minutes within working hours (8:00-20:00 on weekdays, "
        "a 10:00-16:00 shift at weekends, Europe/Rome; Chinese messages are covered from Shanghai), and a wait until "
        "the next shift otherwise, so only about half of all complaints meet the one-hour target: room for improvement.",
        "In the crisis week (16-22 March 2026) complaint volume rises about sixfold, negative sentiment dominates and "
        "response times stretch; sentiment recovers over the following three weeks.",
        "Spam and abuse are a few per cent of messages and are moderated rather than answered.",
        "VADER, a lexicon-based scorer made for social media, is right most of the time but not always: sarcasm, "
        "insults made of friendly words and a polite 'Thanks!' at the end of a complaint fool it, as they fool real "
        "tools. The team reviews its English labels against the intent: a complaint or an insult scored positive is "
        "relabelled negative, praise scored negative is relabelled positive. Milder slips (a question scored negative, "
        "spam scored positive, a complaint scored neutral) are left, as the noise a lexicon leaves in real data.",
        "Chinese-language messages arrive on Velora's accounts for China (Weibo, Xiaohongshu, WeChat), where Chen "
        "Wei's team in Shanghai answers them: mentions mostly on Weibo, direct messages mostly on WeChat, reviews "
        "on Xiaohongshu.",
        "Texts are assembled from varied templates in English (about 80%), Italian and Chinese, with product names, "
        "places and details filled in, so no text repeats often.",
    ),
)

_table(
    "forum_threads",
    "Threads on the Velora Riders forum.",
    (
        C("thread_id", "id", "Thread identifier, e.g. T01234."),
        C("board", "category", "Forum board.", ("help", "ideas", "rides", "marketplace")),
        C("author_id", "id", "member_id of the member who opened it."),
        C("created_at", "datetime", "When it was opened (UTC)."),
        C("title", "text", "Thread title."),
        C("replies", "int", "Number of replies."),
        C("first_answer_at", "datetime", "First reply (UTC); empty if unanswered.", nullable=True),
        C("first_answer_by", "category", "Who answered first.", ("community", "staff"), nullable=True),
        C("accepted_answer", "bool", "The author marked a reply as the accepted answer."),
        C("accepted_by", "category", "Who wrote the accepted answer.", ("community", "staff"), nullable=True),
    ),
    ("Most help threads are answered first by other members, and super users write most accepted answers.",),
)

_table(
    "forum_replies",
    "Replies in forum threads.",
    (
        C("reply_id", "id", "Reply identifier."),
        C("thread_id", "id", "The thread (forum_threads.thread_id)."),
        C("author_id", "id", "member_id of the author."),
        C("created_at", "datetime", "When it was posted (UTC)."),
        C("by_staff", "bool", "Written by a Velora employee."),
        C("accepted", "bool", "Marked as the thread's accepted answer."),
    ),
    ("Reply authorship follows the 90-9-1 pattern: about 1% of members write most replies.",),
)

_table(
    "web_sessions",
    "Daily website sessions by traffic source, with sign-ups, orders and revenue.",
    (
        C("date", "date", "Calendar day (Europe/Rome)."),
        C("source", "text", "utm_source or referrer, e.g. instagram, google, newsletter."),
        C("medium", "category", "utm_medium.", ("social", "organic", "email", "referral", "cpc", "direct")),
        C("campaign", "text", "utm_campaign, empty when untagged.", nullable=True),
        C("sessions", "int", "Sessions."),
        C("signups", "int", "Community sign-ups."),
        C("orders", "int", "Orders."),
        C("revenue", "float", "Revenue in euros."),
    ),
    ("Conversion rates of 1-3% of sessions to orders, higher for email and referral traffic.",),
)

_table(
    "events",
    "Webinars, meetups and live Q&As.",
    (
        C("event_id", "id", "Event identifier."),
        C("type", "category", "Kind of event.", EVENT_TYPES),
        C("title", "text", "Title."),
        C("starts_at", "datetime", "Start time (UTC)."),
        C("platform", "text", "Where it took place (YouTube Live, Zoom, a shop in Turin ...)."),
        C("registrations", "int", "People who registered."),
        C("attendance", "int", "People who attended (never more than registrations)."),
    ),
    ("Online events convert about 35-50% of registrations into attendance; meetups more.",),
)

_table(
    "ab_test",
    "An A/B test of two Instagram post variants for the #FirstRideVelora launch, by day.",
    (
        C("date", "date", "Day of the test."),
        C("variant", "category", "A (product shot) or B (rider's own photo).", ("A", "B")),
        C("impressions", "int", "Impressions of the variant."),
        C("engagements", "int", "Likes + comments + shares + saves."),
        C("clicks", "int", "Link clicks."),
    ),
    ("Variant B (user-generated photo) engages about 20% more, a difference a two-proportion test detects.",),
)

_table(
    "survey",
    "The yearly member satisfaction survey.",
    (
        C("response_id", "id", "Response identifier."),
        C("member_id", "id", "Respondent (members.member_id)."),
        C("submitted_at", "datetime", "When it was submitted (UTC)."),
        C("language", "category", "Language of the answers.", LANGUAGES),
        C("satisfaction", "int", "Overall satisfaction, 1 (very unhappy) to 5 (very happy)."),
        C("recommend", "int", "How likely to recommend Velora, 0 to 10 (Net Promoter question)."),
        C("belonging", "int", "'I feel part of the Velora community', 1 (disagree) to 5 (agree)."),
        C("comment", "text", "Free-text answer to 'What should we do better?'", nullable=True),
    ),
    ("Super users and ambassadors report higher belonging; respondents who hit the crisis score lower.",),
)

_table(
    "listening",
    "Daily public mentions of Velora and three competitors (social listening export).",
    (
        C("date", "date", "Calendar day."),
        C("brand", "category", "Brand mentioned.", BRANDS),
        C("platform", "category", "Where: Velora's own places, and four kinds of place where it has no account "
          "(reddit, cycling_forums for independent cycling forums, quora, article_comments for comment sections "
          "under articles).", LISTENING_PLATFORMS),
        C("velora_has_account", "bool", "True where Velora runs an account or space of its own on that platform."),
        C("mentions", "int", "Public mentions."),
        C("positive", "int", "Mentions labelled positive."),
        C("negative", "int", "Mentions labelled negative."),
    ),
    (
        "Velora's share of voice is about a quarter of the category and jumps (for the wrong reason) in the crisis week.",
        "About a quarter of the talk about Velora happens where it has no account (Reddit, independent cycling forums, "
        "Quora, comment sections under articles); those places carry more of the complaints in the crisis week.",
        "Chinese platforms (Weibo, Xiaohongshu, WeChat) carry a larger share of Velora's mentions than of its "
        "competitors', because Velora sells in China and runs accounts there.",
    ),
)
