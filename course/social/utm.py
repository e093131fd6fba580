"""UTM-tagged links, Velora's naming rules for them, and the web funnel they make visible.

    from course.social import utm
    link = utm.build_link("https://velora.bike/trail", source="instagram", medium="social",
                          campaign="firstridevelora", content="reel_0512")
    utm.parse_link(link)                 # the five tags, and the page the link lands on
    utm.check_links([link, ...])         # one row per broken naming rule, naming the link and the tag
    utm.funnel(sessions)                 # sessions -> sign-ups -> orders, by source / medium
    utm.funnel_chart(utm.funnel(sessions))

A UTM tag is a query parameter that web analytics (Google Analytics and the like) reads when a visit
arrives: ``utm_source`` (who sent it: ``instagram``, ``newsletter``), ``utm_medium`` (what kind of
channel: ``social``, ``email``), ``utm_campaign`` (which campaign), and optionally ``utm_content``
(which link or variant within it) and ``utm_term`` (the keyword of a paid search ad).

Web analytics counts values as written: ``Instagram`` and ``instagram`` become two sources, and
``first_ride`` and ``firstridevelora`` two campaigns, which splits one campaign's visits into pieces
nobody adds up again. Hence Velora's rules (:data:`RULES`), which :func:`link_problems` and
:func:`check_links` enforce and :func:`build_link` writes correctly in the first place.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

__all__ = ["UTMError", "TAGS", "REQUIRED", "MEDIUMS", "SOURCES", "CAMPAIGNS", "RULES", "build_link", "parse_link",
           "link_problems", "check_links", "funnel", "funnel_chart"]

TAGS = ("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
REQUIRED = ("utm_source", "utm_medium", "utm_campaign")
# The mediums Velora tags with. 'organic' (search engines) and '(direct)' are what analytics works out by itself
# for visits that carry no tag: nobody types them into a link.
MEDIUMS = ("social", "email", "cpc", "referral")
# Velora's sources, as the course data names them, and the other spellings people reach for.
SOURCES = ("instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "pinterest", "weibo", "xiaohongshu",
           "wechat", "newsletter", "google", "forum.velora.bike")
SOURCE_SPELLINGS = {"ig": "instagram", "insta": "instagram", "fb": "facebook", "twitter": "x", "t.co": "x",
                    "yt": "youtube", "li": "linkedin", "tik_tok": "tiktok", "red": "xiaohongshu", "email": "newsletter",
                    "mail": "newsletter", "forum": "forum.velora.bike"}
# The campaign register: every campaign's one spelling (the same names the web_sessions table holds).
CAMPAIGNS = ("firstridevelora", "black_friday_2025", "spring_sale_2026", "rain_jacket_update")
RULES = {
    "required": "every link carries utm_source, utm_medium and utm_campaign",
    "lower_case": "tags are written in lower case (analytics counts 'Instagram' and 'instagram' apart)",
    "no_spaces": "no spaces or symbols: letters, digits and underscores (a space becomes %20 or + in the address)",
    "known_medium": f"utm_medium is one of {', '.join(MEDIUMS)}",
    "known_source": "utm_source uses the register's name for the place (instagram, not ig or Insta)",
    "known_campaign": "utm_campaign is spelled as in the campaign register",
    "no_personal_data": "no e-mail address or other personal data in a tag (analytics terms forbid it)",
    "once": "each tag appears once in a link",
    "consistent": "across a list of links, one name is written one way (not winter_2027 here and winter-2027 there)",
}
_ALLOWED = re.compile(r"[a-z0-9_.\-]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)


class UTMError(ValueError):
    """A link or a tag that cannot be built or read: the message names the tag (or the link) and the problem."""


def _squash(value: str) -> str:
    """A spelling reduced to its letters and digits, to find two spellings of the same name."""
    return re.sub(r"[^a-z0-9]", "", value.lower())


def _closest(value: str, register: tuple[str, ...]) -> str | None:
    """The register's name a spelling most likely means (``First_Ride`` -> ``firstridevelora``), or None."""
    same = [name for name in register if _squash(name) == _squash(value)]
    near = difflib.get_close_matches(_squash(value), [_squash(name) for name in register], n=1, cutoff=0.6)
    return same[0] if same else next((name for name in register if near and _squash(name) == near[0]), None)


def _tag_value(name: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise UTMError(f"build_link(): {name} must be a non-empty text, not {value!r}")
    if _EMAIL.search(value):
        raise UTMError(f"build_link(): {name}={value!r} looks like an e-mail address: {RULES['no_personal_data']}")
    tidy = re.sub(r"[\s\-]+", "_", value.strip().lower())
    if not _ALLOWED.fullmatch(tidy):
        raise UTMError(f"build_link(): {name}={value!r} holds characters a tag should not have; use letters, digits "
                       f"and underscores")
    return tidy


def build_link(url: str, source: str, medium: str, campaign: str, content: str | None = None,
               term: str | None = None) -> str:
    """``url`` with the UTM tags added (any old UTM tags replaced, other parameters and the #anchor kept).

    Values are written the rule's way: lower case, spaces and dashes turned into underscores. A medium
    outside :data:`MEDIUMS` or a value with other characters raises :class:`UTMError` naming the tag.
    """
    parts = _split(url, "build_link")
    tags = {"utm_source": source, "utm_medium": medium, "utm_campaign": campaign, "utm_content": content,
            "utm_term": term}
    values = {name: _tag_value(name, value) for name, value in tags.items() if value is not None}
    if values["utm_medium"] not in MEDIUMS:
        raise UTMError(f"build_link(): utm_medium={medium!r} is not one of Velora's mediums ({', '.join(MEDIUMS)})")
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    query = urlencode(kept + list(values.items()))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, parts.fragment))


def _split(url, func: str):
    if not isinstance(url, str) or not url.strip():
        raise UTMError(f"{func}(): the link must be a web address as text, not {url!r}")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UTMError(f"{func}(): {url!r} is not a full web address (it should start with https://)")
    return parts


def parse_link(url: str) -> dict[str, str | None]:
    """The page a link lands on and its five UTM tags as written (``None`` for a tag it lacks).

    Tag names are matched in any case (``UTM_Source`` counts as ``utm_source``); values are returned
    exactly as written, so a checker can see their case. A tag written twice keeps its first value.
    """
    parts = _split(url, "parse_link")
    found: dict[str, str | None] = {"page": f"{parts.netloc}{parts.path or '/'}"}
    found.update({tag: None for tag in TAGS})
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        name = key.lower()
        if name in TAGS and found[name] is None:
            found[name] = value
    return found


def _counts(url: str) -> dict[str, int]:
    parts = urlsplit(url.strip())
    counts: dict[str, int] = {}
    for key, _ in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in TAGS:
            counts[key.lower()] = counts.get(key.lower(), 0) + 1
    return counts


def link_problems(url: str) -> list[tuple[str, str, str]]:
    """Every naming rule one link breaks, as ``(rule, tag, message)``; an empty list for a clean link."""
    tags = parse_link(url)
    problems: list[tuple[str, str, str]] = []
    for tag, count in _counts(url).items():
        if count > 1:
            problems.append(("once", tag, f"{tag} appears {count} times; analytics reads only one of them"))
    for tag in REQUIRED:
        if not tags[tag]:
            problems.append(("required", tag, f"{tag} is missing"))
    for tag in TAGS:
        value = tags[tag]
        if not value:
            continue
        if _EMAIL.search(value):
            problems.append(("no_personal_data", tag, f"{tag}={value!r} holds an e-mail address"))
            continue
        if value != value.lower():
            problems.append(("lower_case", tag, f"{tag}={value!r} has capitals; write {value.lower()!r}"))
        if not _ALLOWED.fullmatch(value.lower()):
            problems.append(("no_spaces", tag, f"{tag}={value!r} has spaces or symbols; use underscores"))
    source, medium, campaign = (tags[t] for t in REQUIRED)
    if medium and medium.lower() not in MEDIUMS:
        problems.append(("known_medium", "utm_medium", f"utm_medium={medium!r} is not one of {', '.join(MEDIUMS)}"))
    if source and source.lower() not in SOURCES:
        meant = SOURCE_SPELLINGS.get(source.lower()) or _closest(source, SOURCES)
        advice = f"; the register calls it {meant!r}" if meant else "; add it to the register first if it is new"
        problems.append(("known_source", "utm_source", f"utm_source={source!r} is not in the source register{advice}"))
    if campaign and campaign.lower() not in CAMPAIGNS:
        meant = _closest(campaign, CAMPAIGNS)
        advice = f"; the register spells it {meant!r}" if meant else "; add it to the register before you tag with it"
        problems.append(("known_campaign", "utm_campaign", f"utm_campaign={campaign!r} is not in the campaign register"
                         f"{advice}"))
    return problems


def check_links(links: Iterable[str] | Mapping[str, str]) -> pd.DataFrame:
    """One row per broken rule across a list of links (or a dict ``name -> link``): link, rule, tag, message.

    An address that cannot be read at all is reported as such (rule ``address``) rather than stopping the check.
    An empty table means every link keeps every rule.
    """
    if isinstance(links, str):
        raise UTMError("check_links(): give a list of links, not a single link (wrap it in [ ])")
    items = list(links.items()) if isinstance(links, Mapping) else list(enumerate(links, start=1))
    rows, readable = [], []
    for name, url in items:
        try:
            found = link_problems(url)
            readable.append((name, parse_link(url)))
        except UTMError as error:
            found = [("address", "", str(error).split("(): ", 1)[-1])]
        rows += [{"link": name, "rule": rule, "tag": tag, "problem": message} for rule, tag, message in found]
    rows += _inconsistent(readable)
    order = {name: index for index, (name, _) in enumerate(items)}
    rows.sort(key=lambda row: order[row["link"]])  # stable: each link's own problems keep their order
    return pd.DataFrame(rows, columns=["link", "rule", "tag", "problem"])


def _inconsistent(readable: list[tuple]) -> list[dict]:
    """The links that write a name another way than the rest of the list does (case aside: lower_case covers it)."""
    rows = []
    for tag in TAGS:
        spellings: dict[str, dict[str, list]] = {}
        for name, tags in readable:
            if tags[tag]:
                spellings.setdefault(_squash(tags[tag]), {}).setdefault(tags[tag].lower(), []).append(name)
        for variants in spellings.values():
            if len(variants) < 2:
                continue
            usual = max(variants, key=lambda written: len(variants[written]))  # the most used spelling (first on a tie)
            for written, names in variants.items():
                if written != usual:
                    where = ", ".join(map(str, variants[usual]))
                    rows += [{"link": name, "rule": "consistent", "tag": tag,
                              "problem": f"{tag}={written!r} is written {usual!r} in link {where}: pick one spelling"}
                             for name in names]
    return rows


FUNNEL_COLUMNS = ("sessions", "signups", "orders", "revenue", "signup rate", "order rate", "revenue per session")


def funnel(sessions: pd.DataFrame, by: str | list[str] = ("source", "medium"), start=None, end=None,
           campaign: str | None = None) -> pd.DataFrame:
    """Sessions -> sign-ups -> orders for each group of ``by`` (columns of the web_sessions table).

    ``signup rate`` and ``order rate`` divide by **sessions** (visits, not people); ``revenue per session``
    too. Rows are sorted by sessions, largest first. ``start``/``end`` (days, both included) and
    ``campaign`` (a utm_campaign value, or ``""`` for untagged visits) narrow the rows first.
    """
    if not isinstance(sessions, pd.DataFrame):
        raise UTMError(f"funnel(): sessions must be a pandas DataFrame (load_web_sessions()), not a "
                       f"{type(sessions).__name__}")
    keys = [by] if isinstance(by, str) else list(by)
    needed = ["date", "campaign", "sessions", "signups", "orders", "revenue", *keys]
    missing = [c for c in dict.fromkeys(needed) if c not in sessions.columns]
    if missing:
        raise UTMError(f"funnel(): the sessions table has no column {', '.join(map(repr, missing))} "
                       f"(it has {', '.join(map(repr, sessions.columns))})")
    rows = sessions
    dates = pd.to_datetime(rows["date"])
    if start is not None:
        rows = rows[dates >= pd.Timestamp(start)]
    if end is not None:
        rows = rows[pd.to_datetime(rows["date"]) <= pd.Timestamp(end)]
    if campaign is not None:
        tagged = rows["campaign"].fillna("").astype(str)
        if campaign and campaign not in set(tagged):
            known = sorted(set(tagged) - {""})
            raise UTMError(f"funnel(): no sessions with campaign {campaign!r} in the period; the campaigns are "
                           f"{', '.join(known)}")
        rows = rows[tagged == campaign]
    if rows.empty:
        raise UTMError("funnel(): no sessions are left in the period asked for")
    grouped = rows.assign(**{k: rows[k].astype(object).where(rows[k].notna(), "(none)").astype(str) for k in keys}).groupby(keys)
    table = grouped[["sessions", "signups", "orders", "revenue"]].sum()
    visits = table["sessions"].where(table["sessions"] > 0)
    table["signup rate"] = (table["signups"] / visits).round(4)
    table["order rate"] = (table["orders"] / visits).round(4)
    table["revenue per session"] = (table["revenue"] / visits).round(2)
    table["revenue"] = table["revenue"].round(0).astype("int64")
    if len(keys) > 1:
        table.index = [" / ".join(parts) for parts in table.index]
        table.index.name = " / ".join(keys)
    return table.sort_values("sessions", ascending=False)[list(FUNNEL_COLUMNS)]


def funnel_chart(table: pd.DataFrame, ax=None):
    """Two panels from a :func:`funnel` table: sessions per group, and sign-ups and orders per 100 sessions.

    Returns the two matplotlib axes. The rate panel is what shows which funnel converts best; the
    sessions panel shows how much traffic that rate is measured on.
    """
    missing = [c for c in ("sessions", "signup rate", "order rate") if not isinstance(table, pd.DataFrame)
               or c not in table.columns]
    if missing:
        raise UTMError(f"funnel_chart(): give it a table made by funnel(); this one lacks {', '.join(map(repr, missing))}")
    ordered = table.sort_values("order rate")
    labels = [str(i) for i in ordered.index]
    if ax is None:
        _, ax = plt.subplots(1, 2, figsize=(11, 0.45 * len(ordered) + 1.6), sharey=True)
    visits, rates = ax
    visits.barh(labels, ordered["sessions"], color="#90caf9")
    visits.set_title("Sessions")
    spots = np.arange(len(ordered))
    rates.barh(spots + 0.2, 100 * ordered["signup rate"], height=0.4, color="#6a1b9a", label="sign-ups")
    rates.barh(spots - 0.2, 100 * ordered["order rate"], height=0.4, color="#2e7d32", label="orders")
    rates.set_title("Per 100 sessions")
    rates.legend(loc="lower right")
    visits.figure.tight_layout()
    return visits, rates
