"""What each platform lets a post hold: the publishing limits the Module 3 labs check drafts against.

One table, read by the platform fact sheet (lesson 3.1) and the draft validator (lesson 3.3), so the
two never disagree. Each figure names where it comes from and when it was read; platforms change
their limits, so a course run should re-read the sources and update ``AS_OF``.

``max_chars`` is the limit of the main text a post carries (the caption, the post body, a pin's
description, a video's description). ``link_chars`` is how many characters a web address costs
there: X shortens every link to 23 characters whatever its length; ``None`` means a link counts as
its own length. ``links_clickable`` says whether a link typed into that text becomes a link people
can tap (on Instagram, TikTok and Xiaohongshu it does not: people are sent to the profile's link).
``max_hashtags`` is a hard limit where the platform sets one; ``hashtags_advised`` is the number the
platform's own guidance suggests, where it gives one. ``alt_text`` says whether the platform offers
a field for an image description.
"""

from __future__ import annotations

from dataclasses import dataclass

AS_OF = "2026-11"


@dataclass(frozen=True)
class Limits:
    platform: str
    text_field: str
    max_chars: int
    link_chars: int | None
    links_clickable: bool
    max_hashtags: int | None
    hashtags_advised: str
    alt_text: bool
    source: str
    as_of: str = AS_OF


LIMITS: dict[str, Limits] = {
    limit.platform: limit
    for limit in (
        Limits("x", "post", 280, 23, True, None, "1-2",
               True, "X Developer Platform, 'Counting characters'; X Help Center, 'How to use hashtags'"),
        Limits("instagram", "caption", 2200, None, False, 30, "3-5",
               True, "Instagram Help Center, captions and hashtags; 'Add alt text to your posts'"),
        Limits("facebook", "post", 63206, None, True, None, "1-2",
               True, "Meta Business Help Center, post text and alternative text"),
        Limits("linkedin", "post", 3000, None, True, None, "3",
               True, "LinkedIn Help, 'Share a post'; 'Add alternative text to images'"),
        Limits("tiktok", "caption", 4000, None, False, None, "3-5",
               False, "TikTok Help Center, 'Captions and descriptions'"),
        Limits("youtube", "description", 5000, None, True, 60, "3",
               False, "YouTube Help, 'Video titles and descriptions'; 'Hashtags on YouTube' (over 60: all ignored)"),
        Limits("pinterest", "description", 500, None, True, None, "2-5",
               True, "Pinterest Help, 'Create a Pin'; 'Add alt text to your Pin'"),
        Limits("weibo", "post", 2000, None, True, None, "1-2",
               True, "Weibo posting rules (long posts since 2016; topics written #like this#)"),
        Limits("xiaohongshu", "note", 1000, None, False, 10, "3-5",
               True, "Xiaohongshu creator centre, note title (20) and body (1,000) limits"),
        Limits("wechat", "article summary", 120, None, False, None, "0",
               False, "WeChat Official Accounts Platform, article summary field"),
        Limits("forum", "post", 8000, None, True, None, "0",
               True, "Vanilla Forums default maximum comment length (configurable by the forum)"),
    )
}


def limits(platform: str) -> Limits:
    """The publishing limits of one platform, by the name the course's data uses (``'x'``, ``'instagram'`` ...)."""
    key = str(platform).strip().lower()
    if key in ("twitter", "x.com"):
        key = "x"
    try:
        return LIMITS[key]
    except KeyError:
        raise KeyError(f"no publishing limits for platform {platform!r}; the course knows: "
                       f"{', '.join(sorted(LIMITS))}") from None
