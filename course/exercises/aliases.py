"""The one table of accepted spellings for answer labels, shared by every lesson and assessment.

A learner who writes ``"support"`` for the SPACE+I letter ``"S"``, ``"thanks"`` for ``"thank you"``
or ``"smm"`` for ``"social media management"`` means the label, so every
:class:`~course.checks.LabelsQuestion` and :class:`~course.checks.LabelsForm` accepts these
spellings automatically, and the hidden tests of the graded notebooks carry the same aliases
(``tests/test_assessments.py`` holds them to this table).

The table maps a label to the other ways of writing it. The same word may stand for different
labels in different questions (``"support"`` is ``"S"`` among the SPACE+I letters and
``"we support you"`` among the three replies); :func:`aliases_for` resolves it among the labels
of one question only, and refuses a table that would make a word mean two labels of the same
question. Case, surrounding spaces and repeated inner spaces never matter.
"""

from __future__ import annotations

from typing import Iterable

LABEL_ALIASES: dict[str, tuple[str, ...]] = {
    # SPACE+I types (1.1, Assignment 1)
    "S": ("support", "success", "customer support", "customer success", "support and success"),
    "P": ("product", "ideation", "feedback", "product ideation", "product feedback"),
    "A": ("acquisition", "advocacy", "acquisition and advocacy"),
    "C": ("content", "programming", "content and programming"),
    "E": ("external", "external engagement"),
    "I": ("internal", "internal engagement"),
    # community or audience; community or social media management (1.1, Assignment 1)
    "community management": ("cm", "community"),
    "social media management": ("smm", "social media", "social"),
    # the three replies (1.3, Assignment 1)
    "thank you": ("thanks", "thank-you", "thankyou"),
    "sorry": ("apology", "apologise", "apologize", "we're sorry", "we are sorry"),
    "we support you": ("support", "we support", "support you"),
    # what a community manager brings (1.3)
    "growth": ("drives growth",),
    "customer": ("customer-centred", "customer-centered", "customer centred", "customer centered"),
    "empathy": ("empathetic",),
    "authentic": ("authenticity",),
    "detail": ("detail-oriented", "details"),
    "analytical": ("analysis", "analytics"),
    "voice": ("brand voice",),
    # the benefits (1.2)
    "reputation": ("brand reputation", "image"),
    "engagement": ("customer engagement", "belonging"),
    "support": ("customer support", "help"),
    "sales": ("conversions", "sales and conversions"),
    "insights": ("insight", "data", "analytics"),
    # the four moves on a post (4.3)
    "reply": ("answer", "respond", "respond_individually"),
    "moderate": ("hide", "moderation", "remove", "bad content"),  # + 4.2's negative or bad
    "escalate": ("escalation",),
    "offline": ("take offline", "take_offline", "dm", "private"),
    "public": ("publicly", "in public", "keep public"),  # public or private (4.2)
    # Velora's tables (5.0)
    "members": ("member", "member help", "member-to-member", "members help"),  # also a technique (4.1)
    "posts": ("post",),
    "followers": ("follower",),
    "audience": ("audiences",),
    "forum_threads": ("forum threads", "threads"),
    "forum_replies": ("forum replies", "replies"),
    "web_sessions": ("web sessions", "web", "sessions"),
    "events": ("event",),
    "ab_test": ("ab test", "a/b test"),
    "listening": ("social listening",),
    # the engagement techniques (4.1); "members" (let members help each other) is with Velora's tables above
    "question": ("ask a question", "open question"),
    "feature": ("featuring", "feature members", "reshare", "repost"),
    "live": ("live session", "q&a", "live q&a", "webinar"),
    "welcome": ("greet", "welcome newcomer", "welcome message"),
    # Velora's platforms (2.2)
    "x": ("twitter", "x (twitter)", "x/twitter"),
    "facebook": ("fb",),
    "instagram": ("ig", "insta"),
    "linkedin": ("linked in",),
    "tiktok": ("tik tok",),
    "youtube": ("you tube", "yt"),
    "xiaohongshu": ("red", "rednote", "little red book"),
    "wechat": ("weixin",),
    # the editorial calendar's rules (2.4)
    "ok": ("fine", "none", "passes", "no problem"),
    "frequency": ("posting frequency",),
    "pillar_balance": ("pillar balance",),
    "owned_before_paid": ("owned before paid", "owned-before-paid"),
    "event_clash": ("event clash", "clash"),
    "freeze": ("crisis freeze",),
    "campaign": ("campaign dates",),
    "window": ("posting window", "good hours"),
    # the tool that can tell (3.4)
    "built-in analytics": ("platform analytics", "built in analytics", "instagram insights", "native analytics"),
    "scheduler": ("sprout social", "hootsuite", "hubspot", "unified inbox", "management suite"),
    "web analytics": ("google analytics", "ga", "ga4", "utm"),
    "forum software": ("vanilla forums", "vanilla", "forum analytics"),
    "chat workspace": ("slack", "internal chat", "workspace", "chat"),
    "ask the members": ("survey", "ask them", "ask", "no tool"),
    # the draft validator's rules and the clock-change labels (3.3)
    "alt_text": ("alt text", "alt", "alt-text"), "hashtags": ("hashtag", "tags"), "mentions": ("mention", "tagging"),
    "link": ("links", "clickable link"), "length": ("too long", "characters"),
    "on_time": ("on time", "in time"), "hour_late": ("hour late", "an hour late", "late", "1 hour late"),
    "hour_early": ("hour early", "an hour early", "early", "1 hour early"),
    # what an objective lacks (2.1)
    "smart": ("good", "all good", "s.m.a.r.t."),
    "no baseline": ("baseline", "no_baseline", "missing baseline", "baseline missing"),
    "no deadline": ("deadline", "no_deadline", "no date", "missing deadline", "deadline missing"),
    "vanity metric": ("vanity", "vanity_metric", "vanity kpi", "wrong kpi"),
    "unrealistic": ("implausible", "unrealistic target", "too ambitious", "not achievable"),
    # the KPIs an objective is tracked with (2.1, Assignment 2)
    "returning_members": ("returning members",),
    "response_time": ("response time", "first response time"),
    "referral_orders": ("referral orders", "referrals"),
    "community_sessions": ("community sessions",),
    "likes": ("like",),
    # what a recognition or ambassador programme must fix (4.4)
    "disclosure": ("no disclosure", "no_disclosure", "label"),
    "staff": ("employees", "employee", "staff included"),
    "referrals_only": ("referrals only", "only referrals", "referrals"),
    # what is wrong with a report's claim (5.4)
    "vanity": ("vanity number", "vanity metric", "vanity_metric"),
    "denominator": ("wrong denominator", "no denominator", "missing denominator", "totals"),
    "short_window": ("short window", "too short", "too-short window", "too short a window"),
    "unusual_weeks": ("unusual weeks", "unusual week", "crisis", "crisis week"),
    "sound": ("ok", "fine", "honest"),
    # the traffic light of a report (5.3)
    "amber": ("yellow", "orange"),
}


def normalise(text: str) -> str:
    """Lower-case, trim and collapse inner whitespace: ``"  Thank   You "`` -> ``"thank you"``."""
    return " ".join(text.strip().lower().split())


def aliases_for(labels: Iterable[str], table: dict[str, tuple[str, ...]] = LABEL_ALIASES) -> dict[str, str]:
    """The accepted spellings among ``labels``: normalised alias -> normalised label.

    A spelling that is itself one of the labels is left out (the label wins). Raises ``ValueError``
    naming the word if it would stand for two of the labels.
    """
    wanted = {normalise(label): label for label in labels}
    by_label = {normalise(label): spellings for label, spellings in table.items()}
    found: dict[str, str] = {}
    for label in wanted:
        for spelling in by_label.get(label, ()):
            alias = normalise(spelling)
            if alias in wanted:
                continue
            if found.get(alias, label) != label:
                raise ValueError(f"the alias table makes {alias!r} mean both {found[alias]!r} and {label!r}, "
                                 f"two labels of the same question ({', '.join(map(repr, labels))})")
            found[alias] = label
    return found
