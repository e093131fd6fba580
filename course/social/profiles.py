"""The profile audit: score a brand's social profiles against a ten-point checklist, in plain words.

A profile is one brand's account on one platform, written as a plain dictionary (one row of the
shipped table ``course/social/profiles.csv``: Velora and two fictional rivals, Voltaro and
Cityglide, on six platforms, as they stood on :data:`AUDIT_DATE`)::

    from course.social.profiles import load_profiles, audit_profiles, audit_view, get_profile, score_profile

    profiles = load_profiles()
    audit = audit_profiles(profiles)        # one row per profile: its score and each point passed or missed
    audit_view(audit, "Velora")             # a coloured table, one row per platform
    tiktok = get_profile(profiles, "Velora", "tiktok")   # a dict you can edit
    before = score_profile(tiktok, profiles)
    tiktok["bio"] = "..."                  # fix something
    after = score_profile(tiktok, profiles)
    compare_scores(before, after)           # which points changed

The checklist (:data:`CHECKLIST`) holds ten points, each passed or missed, each missed one
explained: the **handle** is the brand's one handle on every platform; the **display name** carries
the brand's name and stays short; the **bio** fits the platform's limit (:data:`BIO_LIMITS`) and tells
a visitor what they get; the **link** works there; the **profile image** is the current logo;
the **pinned** post is recent; a **contact** route comes with its response hours; the words keep the
**brand voice** (no shouting, no jargon); the pinned post is **accessible** (alt text or captions) and
long hashtags are written in CamelCase; the profile names its **category and location**.

Some points are rules of thumb the course chose, and the docstring of each ``_check_`` function says
which: a checklist is a start for a human review, never a replacement for one. Bad input (a missing
field, a platform the audit does not know, a date that is no date) raises :class:`ProfileError`
naming the field and the profile.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import pandas as pd

from course.social.limits import limits

__all__ = [
    "AUDIT_DATE",
    "BIO_LIMITS",
    "HANDLE_RULES",
    "CHECKLIST",
    "FIELDS",
    "ProfileError",
    "PointResult",
    "ProfileScore",
    "load_profiles",
    "get_profile",
    "handle_fits",
    "bio_check",
    "score_profile",
    "audit_profiles",
    "missed_points",
    "audit_view",
    "score_table",
    "compare_scores",
    "score_chart",
]

DATA = Path(__file__).resolve().parent / "profiles.csv"
AUDIT_DATE = "2026-10-31"  # the day the shipped profiles were read, the last day of Velora's data
PINNED_MAX_DAYS = 90  # the course's rule of thumb: a pinned post older than a season is stale
DISPLAY_NAME_MAX = 30  # the course's rule of thumb: a name that fits a phone's profile header whole


@dataclass(frozen=True)
class BioLimit:
    platform: str
    field: str
    max_chars: int
    source: str


# What each platform lets the short profile text hold, as read in November 2026. Platforms change these:
# a course run should re-read the sources. (The limits of a *post* live in course.social.limits.)
BIO_LIMITS: dict[str, BioLimit] = {
    b.platform: b
    for b in (
        BioLimit("instagram", "bio", 150, "Instagram Help Center, 'Edit your Instagram profile'"),
        BioLimit("x", "bio", 160, "X Help Center, 'How to customize your profile'"),
        BioLimit("facebook", "Page bio (intro)", 101, "Meta Business Help Center, 'Edit your Facebook Page's info'"),
        BioLimit("linkedin", "Page tagline", 120, "LinkedIn Help, 'Edit your LinkedIn Page'"),
        BioLimit("tiktok", "bio", 80, "TikTok Help Center, 'Editing your profile'"),
        BioLimit("youtube", "channel description", 1000, "YouTube Help, 'Manage your channel's basic info'"),
    )
}


@dataclass(frozen=True)
class HandleRule:
    platform: str
    min_chars: int
    max_chars: int
    allowed: str  # in words, for messages
    pattern: str  # the characters allowed, as a regular-expression class
    source: str


# What a handle (user name) may hold on each platform, as read in November 2026.
HANDLE_RULES: dict[str, HandleRule] = {
    r.platform: r
    for r in (
        HandleRule("instagram", 1, 30, "letters, numbers, full stops and underscores", r"[A-Za-z0-9._]",
                   "Instagram Help Center, 'Change your username'"),
        HandleRule("x", 5, 15, "letters, numbers and underscores", r"[A-Za-z0-9_]",
                   "X Help Center, 'How to change your username'"),
        HandleRule("facebook", 5, 50, "letters, numbers and full stops", r"[A-Za-z0-9.]",
                   "Meta Business Help Center, 'Create a username for your Facebook Page'"),
        HandleRule("linkedin", 3, 100, "letters, numbers and hyphens", r"[A-Za-z0-9-]",
                   "LinkedIn Help, 'Customize your LinkedIn Page public URL'"),
        HandleRule("tiktok", 2, 24, "letters, numbers, full stops and underscores", r"[A-Za-z0-9._]",
                   "TikTok Help Center, 'Changing your username'"),
        HandleRule("youtube", 3, 30, "letters, numbers, full stops, underscores and hyphens", r"[A-Za-z0-9._-]",
                   "YouTube Help, 'Understand your channel's handle'"),
    )
}
PLATFORMS = tuple(BIO_LIMITS)

# The ten points, in the order a report shows them: (key, short title shown as a column).
CHECKLIST: tuple[tuple[str, str], ...] = (
    ("handle", "handle"),
    ("name", "display name"),
    ("bio", "bio"),
    ("link", "link"),
    ("image", "image"),
    ("pinned", "pinned post"),
    ("contact", "contact"),
    ("voice", "voice"),
    ("access", "accessibility"),
    ("place", "category & place"),
)

# The fields a profile record holds, and what each means (the same as the shipped table's columns).
FIELDS: dict[str, str] = {
    "brand": "the brand the account belongs to",
    "platform": "one of " + ", ".join(PLATFORMS),
    "handle": "the user name, without the @",
    "display_name": "the name shown in large letters on the profile",
    "bio": "the short profile text (the bio, intro or tagline)",
    "link": "the address in the profile's link field, or blank",
    "link_checked": "what opening that link showed on the audit day: ok or broken",
    "image": "the profile picture: logo, old logo, photo or default (the platform's empty placeholder)",
    "pinned_text": "the text of the pinned (or featured) post, or blank if none",
    "pinned_date": "the day the pinned post was published (YYYY-MM-DD), or blank",
    "pinned_accessible": "True if the pinned post's images have alt text (or its video has captions)",
    "contact": "how to reach the brand from the profile (DM, an email address...), or blank",
    "response_hours": "when someone answers, e.g. 'Mon-Fri 8:00-20:00 CET', or blank",
    "category": "the category the profile shows (e.g. 'Bicycle company'), or blank",
    "location": "the city or country the profile shows, or blank",
}
_TEXT_FIELDS = tuple(f for f in FIELDS if f != "pinned_accessible")
IMAGES = ("logo", "old logo", "photo", "default")
LINK_CHECKS = ("ok", "broken")

# Words that tell a visitor what they get, or speak to them (the course's rule of thumb for "what's in it for me").
MEMBER_WORDS = frozenset({
    "you", "your", "yours", "tips", "help", "how-to", "guides", "guide", "answers", "questions", "rides", "ride",
    "meet-ups", "events", "stories", "support", "advice", "repair", "servicing", "videos", "q&a", "test",
})
# Words of the kind Velora's voice guide bans: they praise the brand and tell the reader nothing.
JARGON = re.compile(r"world-class|best-in-class|cutting-edge|premium quality|synerg\w*|leverag\w*|solutions|"
                    r"revolutionary|game-changing|#1\b", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(bike|com|de|nl|it|net|org)/?)", re.IGNORECASE)
_HASHTAG = re.compile(r"#(\w+)")
_SHOUT = re.compile(r"\b[A-Z][A-Z'’-]{3,}\b")  # a word of four or more capitals


class ProfileError(ValueError):
    """A profile record or table is missing a field, or holds a value the audit cannot read."""


# --------------------------------------------------------------------------- loading and reading
def _where(profile: Mapping[str, Any]) -> str:
    brand, platform = profile.get("brand", "?"), profile.get("platform", "?")
    return f"the profile of {brand!s} on {platform!s}"


def _clean(profile: Mapping[str, Any]) -> dict[str, Any]:
    """Check a profile record and return a tidy copy (text trimmed, the accessibility flag a bool)."""
    if type(profile) is not dict and not isinstance(profile, pd.Series):
        raise ProfileError(f"a profile is a dictionary of fields ({', '.join(FIELDS)}); got a {type(profile).__name__}")
    record = dict(profile)
    missing = [f for f in FIELDS if f not in record]
    if missing:
        raise ProfileError(f"{_where(record)} lacks the field(s) {', '.join(missing)}")
    unknown = [str(f) for f in record if f not in FIELDS]
    if unknown:
        raise ProfileError(f"{_where(record)} has field(s) the audit does not know: {', '.join(unknown)} "
                           f"(the fields are: {', '.join(FIELDS)})")
    tidy: dict[str, Any] = {}
    for field in _TEXT_FIELDS:
        value = record[field]
        if value is None or (isinstance(value, float) and pd.isna(value)):
            value = ""
        if field == "pinned_date" and isinstance(value, (dt.date, pd.Timestamp)):
            value = value.strftime("%Y-%m-%d")
        if type(value) is not str:
            raise ProfileError(f"{_where(record)}: {field} should be text in quotes; got a {type(value).__name__}")
        tidy[field] = value.strip()
    tidy["platform"] = tidy["platform"].lower()
    if tidy["platform"] not in PLATFORMS:
        raise ProfileError(f"{_where(record)}: the audit knows the platforms {', '.join(PLATFORMS)}, "
                           f"not {record['platform']!r}")
    tidy["handle"] = tidy["handle"].lstrip("@")
    for field, allowed in (("image", IMAGES), ("link_checked", LINK_CHECKS)):
        if tidy[field].lower() not in allowed:
            raise ProfileError(f"{_where(record)}: {field} is one of {', '.join(allowed)}, not {record[field]!r}")
        tidy[field] = tidy[field].lower()
    flag = record["pinned_accessible"]
    if type(flag) is str and flag.strip().lower() in ("yes", "no", "true", "false"):
        flag = flag.strip().lower() in ("yes", "true")
    if type(flag) not in (bool,) and not (hasattr(flag, "dtype") and str(getattr(flag, "dtype", "")) == "bool"):
        raise ProfileError(f"{_where(record)}: pinned_accessible is True or False; got {flag!r}")
    tidy["pinned_accessible"] = bool(flag)
    if tidy["pinned_date"]:
        try:
            dt.date.fromisoformat(tidy["pinned_date"])
        except ValueError:
            raise ProfileError(f"{_where(record)}: pinned_date should be a day written YYYY-MM-DD, "
                               f"not {record['pinned_date']!r}") from None
    return tidy


def load_profiles(path: str | Path | None = None) -> pd.DataFrame:
    """The shipped profiles (Velora, Voltaro and Cityglide on six platforms), or your own table in the same shape."""
    source = Path(path) if path is not None else DATA
    if not source.exists():
        raise ProfileError(f"no profile table at {source}")
    table = pd.read_csv(source, dtype=str, keep_default_na=False)
    missing = [f for f in FIELDS if f not in table.columns]
    if missing:
        raise ProfileError(f"{source.name} lacks the column(s) {', '.join(missing)}")
    rows = []
    for number, row in enumerate(table[list(FIELDS)].to_dict("records"), start=2):  # line 1 is the header
        try:
            rows.append(_clean(row))
        except ProfileError as problem:
            raise ProfileError(f"{source.name}, line {number}: {problem}") from None
    profiles = pd.DataFrame(rows, columns=list(FIELDS))
    twice = profiles[profiles.duplicated(["brand", "platform"])]
    if len(twice):
        first = twice.iloc[0]
        raise ProfileError(f"{source.name} holds {first['brand']} on {first['platform']} more than once")
    return profiles


def get_profile(profiles: pd.DataFrame, brand: str, platform: str) -> dict[str, Any]:
    """One profile as a dictionary you can edit (a copy: the table itself does not change)."""
    found = profiles[(profiles["brand"].str.lower() == str(brand).lower())
                     & (profiles["platform"] == str(platform).lower())]
    if found.empty:
        raise ProfileError(f"no profile of {brand!r} on {platform!r}; the table holds brands "
                           f"{', '.join(sorted(profiles['brand'].unique()))} on {', '.join(PLATFORMS)}")
    return {k: (bool(v) if k == "pinned_accessible" else v) for k, v in found.iloc[0].to_dict().items()}


def main_handle(profiles: pd.DataFrame, brand: str) -> str:
    """The handle a brand uses on most of its platforms (the one the others should match)."""
    handles = profiles.loc[profiles["brand"].str.lower() == str(brand).lower(), "handle"]
    if handles.empty:
        raise ProfileError(f"no profiles of {brand!r} in the table")
    counts = Counter(h.lstrip("@").lower() for h in handles)
    return max(counts, key=lambda h: (counts[h], -len(h)))


# --------------------------------------------------------------------------- the small tools
def handle_fits(handle: str, platforms: Iterable[str] | None = None) -> pd.DataFrame:
    """Whether a handle may be claimed on each platform (length and characters); one row per platform."""
    if type(handle) is not str or not handle.strip():
        raise ProfileError(f"a handle is text, e.g. 'velorabikes'; got {handle!r}")
    name = handle.strip().lstrip("@")
    rows = []
    for platform in platforms or PLATFORMS:
        key = str(platform).lower()
        if key not in HANDLE_RULES:
            raise ProfileError(f"no handle rules for {platform!r}; the audit knows {', '.join(HANDLE_RULES)}")
        rule = HANDLE_RULES[key]
        bad = sorted(set(re.sub(rule.pattern, "", name)))
        if bad:
            why = f"{key} allows only {rule.allowed}; {' '.join(repr(c) for c in bad)} is not allowed"
        elif not rule.min_chars <= len(name) <= rule.max_chars:
            why = f"{len(name)} characters; {key} allows {rule.min_chars} to {rule.max_chars}"
        else:
            why = ""
        rows.append({"platform": key, "fits": not why, "why not": why})
    return pd.DataFrame(rows).set_index("platform")


def bio_check(bio: str, platform: str) -> str:
    """One line on a draft bio: its length against the platform's limit, and whether it speaks to the visitor."""
    if type(bio) is not str:
        raise ProfileError(f"a bio is text in quotes; got a {type(bio).__name__}")
    key = str(platform).lower()
    if key not in BIO_LIMITS:
        raise ProfileError(f"no bio limit for {platform!r}; the audit knows {', '.join(BIO_LIMITS)}")
    limit = BIO_LIMITS[key]
    fits = "fits" if len(bio) <= limit.max_chars else "is too long for"
    says = "says what a visitor gets" if _speaks_to_member(bio) else "says nothing about what a visitor gets"
    return f"{len(bio)} characters: {fits} the {limit.max_chars} of the {key} {limit.field}; it {says}."


# --------------------------------------------------------------------------- the ten checks
# Each returns "" when the point is passed, otherwise the reason in plain words.
def _speaks_to_member(text: str) -> bool:
    words = set(re.findall(r"[a-z][a-z&'-]*", text.lower()))
    return bool(words & MEMBER_WORDS)


def _check_handle(p: dict, main: str | None, today: dt.date) -> str:
    """Same handle as the brand's other profiles (the one it uses most), so a search for one finds all."""
    if not p["handle"]:
        return "There is no handle. People cannot tag or find the account."
    if main and p["handle"].lower() != main.lower():
        return (f"The handle @{p['handle']} differs from @{main}, the one the brand uses elsewhere. People who know "
                f"one will not find the other, and a look-alike account can fill the gap.")
    return ""


def _check_name(p: dict, main: str | None, today: dt.date) -> str:
    """The display name carries the brand's name and is short (course rule: 30 characters)."""
    name, brand = p["display_name"], p["brand"]
    if brand.lower() not in name.lower():
        return f"The display name {name!r} does not say {brand}. A visitor should recognise the brand at a glance."
    if len(name) > DISPLAY_NAME_MAX:
        return (f"The display name has {len(name)} characters. Keyword-stuffed names look like spam and are cut "
                f"on a phone; keep it near the brand's name.")
    return ""


def _check_bio(p: dict, main: str | None, today: dt.date) -> str:
    """The bio fits the platform's limit and tells a visitor what they get (course rule: MEMBER_WORDS)."""
    limit = BIO_LIMITS[p["platform"]]
    if not p["bio"]:
        return "The bio is empty. It is the one line that tells a visitor why to follow."
    if len(p["bio"]) > limit.max_chars:
        return (f"The bio has {len(p['bio'])} characters; the {p['platform']} {limit.field} holds {limit.max_chars}, "
                f"so the end is cut off or refused.")
    if not _speaks_to_member(p["bio"]):
        return ("The bio talks about the brand only. Say what a visitor gets by following: help, tips, "
                "stories, events.")
    return ""


def _check_link(p: dict, main: str | None, today: dt.date) -> str:
    """A working https link in the link field; on platforms where text links cannot be tapped, none in the bio."""
    if _WEB_ADDRESS.search(p["bio"]) and not limits(p["platform"]).links_clickable:
        return (f"A web address is typed into the bio, where {p['platform']} does not make it tappable. Put it in "
                f"the profile's link field instead.")
    if not p["link"]:
        return "The profile has no link. A visitor has nowhere to go next."
    if not p["link"].lower().startswith("https://"):
        return "The link does not start with https://, so browsers warn or it fails to open."
    if p["link_checked"] == "broken":
        return "The link opens a page that no longer exists. A dead end costs the visitor's trust."
    return ""


def _check_image(p: dict, main: str | None, today: dt.date) -> str:
    """The profile picture is the current logo, the same mark on every platform."""
    reasons = {
        "old logo": "The profile picture is the old logo, so the account looks out of date or unofficial.",
        "photo": "The profile picture is a photo. At the size of a comment's avatar it is unreadable; use the logo.",
        "default": "The profile picture is the platform's empty placeholder, the mark of a fake or abandoned account.",
    }
    return reasons.get(p["image"], "")


def _check_pinned(p: dict, main: str | None, today: dt.date) -> str:
    """A pinned post exists and is recent (course rule: no older than PINNED_MAX_DAYS days)."""
    if not p["pinned_text"] or not p["pinned_date"]:
        return "Nothing is pinned. The top spot is the one post every visitor sees: use it."
    age = (today - dt.date.fromisoformat(p["pinned_date"])).days
    if age < 0:
        return f"The pinned post is dated {p['pinned_date']}, after the audit day ({today}): check the date."
    if age > PINNED_MAX_DAYS:
        return (f"The pinned post is {age} days old. A visitor's first sight is old news; pin what matters now.")
    return ""


def _check_contact(p: dict, main: str | None, today: dt.date) -> str:
    """A route to a person, and the hours someone answers there."""
    if not p["contact"]:
        return "The profile gives no way to reach the brand. A rider with a problem will say it in public instead."
    if not p["response_hours"]:
        return (f"It says how to reach the brand ({p['contact']}) but not when someone answers. State the hours, "
                f"with a time zone, so nobody waits in silence.")
    return ""


def _check_voice(p: dict, main: str | None, today: dt.date) -> str:
    """The bio and pinned post keep the voice: no shouting capitals, no '!!', no empty praise of the brand."""
    text = f"{p['bio']} {p['pinned_text']}"
    shouting = _SHOUT.findall(text)
    if shouting or "!!" in text:
        return "The words shout (capitals or '!!'). A friendly voice talks the way a person would."
    jargon = list(dict.fromkeys(found.lower() for found in JARGON.findall(text)))
    if jargon:
        return (f"The words praise the brand in empty terms ({', '.join(repr(w) for w in jargon)}). Say something "
                f"concrete a rider would care about.")
    return ""


def _check_access(p: dict, main: str | None, today: dt.date) -> str:
    """Alt text (or captions) on the pinned post; long hashtags in CamelCase so screen readers read the words."""
    if p["pinned_text"] and not p["pinned_accessible"]:
        what = "captions" if p["platform"] in ("tiktok", "youtube") else "alt text"
        return f"The pinned post has no {what}, so people who cannot see or hear it miss it."
    text = f"{p['bio']} {p['pinned_text']}"
    flat = [f"#{tag}" for tag in _HASHTAG.findall(text) if len(tag) >= 10 and tag == tag.lower()]
    if flat:
        return (f"The hashtag {flat[0]} is all lower case. Capitalise each word (#LikeThis) so screen readers and "
                f"people can read it.")
    return ""


def _check_place(p: dict, main: str | None, today: dt.date) -> str:
    """The profile shows a category and a location, so search and visitors can place the brand."""
    missing = [what for what, field in (("category", "category"), ("location", "location")) if not p[field]]
    if missing:
        return (f"The profile shows no {' and no '.join(missing)}. A category tells a visitor what kind of account "
                f"this is, and a location helps people searching nearby.")
    return ""


_CHECKS: dict[str, Callable[[dict, str | None, dt.date], str]] = {
    "handle": _check_handle, "name": _check_name, "bio": _check_bio, "link": _check_link, "image": _check_image,
    "pinned": _check_pinned, "contact": _check_contact, "voice": _check_voice, "access": _check_access,
    "place": _check_place,
}


# --------------------------------------------------------------------------- scoring
@dataclass(frozen=True)
class PointResult:
    key: str
    title: str
    passed: bool
    reason: str  # why it was missed, in plain words; "" when passed


@dataclass(frozen=True)
class ProfileScore:
    """The audit of one profile: ``score`` out of ``out_of``, and each point with its reason."""

    brand: str
    platform: str
    points: tuple[PointResult, ...]

    @property
    def score(self) -> int:
        return sum(p.passed for p in self.points)

    @property
    def out_of(self) -> int:
        return len(self.points)

    @property
    def missed(self) -> list[PointResult]:
        return [p for p in self.points if not p.passed]

    def __str__(self) -> str:
        head = f"{self.brand} on {self.platform}: {self.score}/{self.out_of}"
        if not self.missed:
            return head + ", every point passed."
        return "\n".join([head + ". Missed:"] + [f"  - {p.title}: {p.reason}" for p in self.missed])

    __repr__ = __str__


def _as_day(today: Any) -> dt.date:
    try:
        return pd.Timestamp(today).date()
    except (ValueError, TypeError):
        raise ProfileError(f"today should be a day such as '2026-10-31', not {today!r}") from None


def score_profile(profile: Mapping[str, Any], profiles: pd.DataFrame | None = None, *,
                  handle: str | None = None, today: Any = AUDIT_DATE) -> ProfileScore:
    """Score one profile (a dict) against the ten points.

    The handle point compares the profile's handle with ``handle``, or, if not given, with the handle
    the brand uses most in ``profiles``; with neither, that point only asks for a handle at all.
    """
    p = _clean(profile)
    main = handle.lstrip("@") if handle else (main_handle(profiles, p["brand"]) if profiles is not None else None)
    day = _as_day(today)
    points = tuple(PointResult(key, title, not (why := _CHECKS[key](p, main, day)), why) for key, title in CHECKLIST)
    return ProfileScore(p["brand"], p["platform"], points)


def audit_profiles(profiles: pd.DataFrame, today: Any = AUDIT_DATE) -> pd.DataFrame:
    """Score every profile of the table: brand, platform, score and one True/False column per point.

    The reasons for each miss are in :func:`missed_points`; :func:`audit_view` shows one brand as a table.
    """
    if not isinstance(profiles, pd.DataFrame):
        raise ProfileError(f"audit_profiles takes the profiles table (load_profiles()); got a {type(profiles).__name__}")
    rows = []
    for record in profiles.to_dict("records"):
        result = score_profile(record, profiles, today=today)
        row = {"brand": result.brand, "platform": result.platform, "score": result.score}
        row.update({p.key: p.passed for p in result.points})
        row["missed"] = tuple(f"{p.title}: {p.reason}" for p in result.missed)
        rows.append(row)
    return pd.DataFrame(rows)


def missed_points(audit: pd.DataFrame, brand: str, platform: str | None = None) -> pd.DataFrame:
    """Each point a brand's profiles missed, with the reason in plain words: one row per miss."""
    chosen = audit[audit["brand"].str.lower() == str(brand).lower()]
    if platform is not None:
        chosen = chosen[chosen["platform"] == str(platform).lower()]
    if chosen.empty:
        raise ProfileError(f"the audit holds no profile of {brand!r}" + (f" on {platform!r}" if platform else ""))
    rows = [{"platform": row.platform, "point": miss.split(": ", 1)[0], "why": miss.split(": ", 1)[1]}
            for row in chosen.itertuples() for miss in row.missed]
    return pd.DataFrame(rows, columns=["platform", "point", "why"])


def audit_view(audit: pd.DataFrame, brand: str):
    """One brand's audit as a coloured table: a row per platform, a column per point, and the score (12 columns)."""
    chosen = audit[audit["brand"].str.lower() == str(brand).lower()]
    if chosen.empty:
        raise ProfileError(f"the audit holds no profile of {brand!r}; it has {', '.join(audit['brand'].unique())}")
    table = chosen.set_index("platform")[[key for key, _ in CHECKLIST]].replace({True: "✓", False: "✗"})
    table.columns = [title for _, title in CHECKLIST]
    table["score"] = chosen.set_index("platform")["score"].map(lambda s: f"{s}/{len(CHECKLIST)}")
    table.index.name = None

    def colour(value: str) -> str:
        if value == "✓":
            return "background-color:#e8f5e9;color:#2e7d32;text-align:center"
        if value == "✗":
            return "background-color:#ffebee;color:#c62828;text-align:center;font-weight:bold"
        return "font-weight:bold"

    return table.style.map(colour).set_caption(f"{chosen['brand'].iloc[0]}: the profile audit")


def score_table(audit: pd.DataFrame) -> pd.DataFrame:
    """Scores as a brand-by-platform table (out of ten), with each brand's average."""
    table = audit.pivot(index="brand", columns="platform", values="score")
    table = table[[p for p in PLATFORMS if p in table.columns]]
    table["average"] = table.mean(axis=1).round(1)
    table.columns.name = None
    return table.sort_values("average", ascending=False)


def compare_scores(before: ProfileScore, after: ProfileScore) -> pd.DataFrame:
    """Point by point, before and after an edit: what changed, and what is still missed."""
    if (before.brand, before.platform) != (after.brand, after.platform):
        raise ProfileError(f"compare_scores compares one profile with itself: got {before.brand} on "
                           f"{before.platform} and {after.brand} on {after.platform}")
    rows = []
    for old, new in zip(before.points, after.points):
        if old.passed == new.passed:
            change = "still missed" if not new.passed else ""
        else:
            change = "fixed" if new.passed else "now missed"
        rows.append({"point": new.title, "before": "✓" if old.passed else "✗", "after": "✓" if new.passed else "✗",
                     "change": change, "why (now)": new.reason})
    total = {"point": "score", "before": f"{before.score}/{before.out_of}", "after": f"{after.score}/{after.out_of}",
             "change": f"{after.score - before.score:+d}", "why (now)": ""}
    return pd.DataFrame(rows + [total]).set_index("point")


def score_chart(audit: pd.DataFrame, ax=None):
    """Each brand's score per platform, as grouped bars (out of ten); returns the axes."""
    import matplotlib.pyplot as plt

    table = score_table(audit).drop(columns="average").T
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 3.6))
    table.plot.bar(ax=ax, rot=0, width=0.8, color=["#1565c0", "#ef6c00", "#6a1b9a"][: len(table.columns)])
    ax.set_ylim(0, len(CHECKLIST))
    ax.set_ylabel(f"points out of {len(CHECKLIST)}")
    ax.set_xlabel("")
    ax.set_title(f"Profile audit, {AUDIT_DATE}: points passed per platform")
    ax.legend(title=None, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False)
    ax.figure.tight_layout()
    return ax
