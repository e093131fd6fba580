"""The platform fact sheet: what each network is like, and which ones suit a brief (lesson 3.1).

Used by ``module3_social/3.1-main-social-networks.ipynb``::

    from course.social.platforms import platform_facts, pick_platforms, fact_sources

    platform_facts()                      # one row per platform, the ten columns worth reading first
    platform_facts(view="all")            # every column (turn it with .T to read it)
    platform_facts(["name", "formats", "max_chars"], platforms=["x", "linkedin"])
    fact_sources("instagram")             # each figure of a platform with its source and date
    pick_platforms({"formats": ["short_video"], "clickable_link": True})

Where the facts come from:

* the **publishing limits** (text length, hashtags, how a link behaves, alt text) are joined in from
  :mod:`course.social.limits`, the one table the draft validator reads too; they are never
  restated here;
* **everything else** (audience, formats, tone, what engagement looks like there, the longest video,
  the typical engagement rate) is data shipped next to this module, ``platforms.yaml``, each figure
  with its source and the date it describes (see ``docs/platform-fact-sheet.md``).

A **typical engagement rate** is a range taken from named industry benchmark reports, and it always
says its denominator (``per follower`` or ``per impression``): two rates with different denominators
measure different things and cannot be ranked side by side. Platforms with no benchmark the course
relies on show none; compare those with your own baseline (lesson 2.1).

Bad input (an unknown column, platform, brief field, format or audience) raises
:class:`FactSheetError`, which names what is wrong and lists what is allowed.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd
import yaml

from course.social.limits import LIMITS

__all__ = ["FactSheetError", "platform_facts", "fact_sources", "pick_platforms", "velora_by_platform",
           "DEFAULT_COLUMNS", "BRIEF_FIELDS", "DATA_FILE"]

DATA_FILE = Path(__file__).with_name("platforms.yaml")

# The default view: what a learner reads first, narrow enough for a JupyterLab screen.
DEFAULT_COLUMNS = ("name", "audience", "formats", "tone", "max_chars", "max_hashtags", "links_clickable",
                   "video_max_min", "typical_er", "velora_account")

# Every column of the full sheet, in order, and what it means (the first part of each is in platforms.yaml,
# the limits part comes from course.social.limits).
COLUMNS = {
    "name": "the platform's usual name",
    "velora_account": "Velora runs an account there",
    "china": "a Chinese platform (the Western networks are blocked in mainland China)",
    "audience": "who typically gathers there",
    "audience_tags": "the audience in the brief's vocabulary (young, professional, china ...)",
    "formats": "the formats a brand can publish",
    "tone": "the tone that fits there",
    "engagement": "what engagement looks like there",
    "text_field": "the main text a post carries (course.social.limits)",
    "max_chars": "characters that text may hold (course.social.limits)",
    "link_chars": "characters a link costs, when not its own length (course.social.limits)",
    "links_clickable": "a link typed into the text can be tapped (course.social.limits)",
    "max_hashtags": "the platform's hard limit on hashtags, where it sets one (course.social.limits)",
    "hashtags_advised": "the number of hashtags the platform's guidance suggests (course.social.limits)",
    "alt_text": "the platform offers a field for an image description (course.social.limits)",
    "video_max_min": "the longest video a standard account can publish, in minutes",
    "er_low": "typical engagement rate, low end (a fraction: 0.005 is 0.5%)",
    "er_high": "typical engagement rate, high end",
    "er_per": "the typical rate's denominator: follower or impression",
    "typical_er": "the typical engagement rate in words, with its denominator",
    "er_source": "the benchmark reports the typical rate comes from",
}

_LIMIT_FIELDS = ("text_field", "max_chars", "link_chars", "links_clickable", "max_hashtags", "hashtags_advised",
                 "alt_text")
_REQUIRED = ("name", "velora_account", "china", "audience", "audience_tags", "formats", "tone", "engagement",
             "audience_source", "audience_as_of", "video_max_min", "video_source", "video_as_of", "er_benchmarks")

# What a brief passed to pick_platforms may say, and what each field asks of a platform.
BRIEF_FIELDS = {
    "formats": "a list of formats the work needs; the platform must offer every one",
    "audience": "an audience tag (or a list: any of them will do), e.g. 'young' or 'professional'",
    "market": "'china' (the Chinese platforms only) or 'international' (the others)",
    "text_chars": "how many characters the post's text needs; the platform's limit must be at least that",
    "hashtags": "how many hashtags the post carries; the platform's hard limit, if any, must allow them",
    "clickable_link": "True if a link in the post's own text must be tappable",
    "alt_text": "True if the images need a description field for screen-reader users",
    "video_minutes": "the video's length in minutes; the platform must take a video that long",
    "velora_account": "True to consider only the places where Velora already has an account",
    "platforms": "a list of platforms to compare (default: all of them)",
}


class FactSheetError(ValueError):
    """The fact sheet's data, a column, a platform or a brief is not something the sheet can use."""


def _listed(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values)


# --------------------------------------------------------------------------- the data
@functools.lru_cache(maxsize=None)
def _data(path: str = str(DATA_FILE)) -> dict:
    """platforms.yaml, read and checked once: a broken entry stops with its platform and field named."""
    where = Path(path).name
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise FactSheetError(f"{where}: cannot be read ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("platforms"), dict):
        raise FactSheetError(f"{where}: expected a 'platforms' mapping at the top level")
    benchmarks, formats, audiences = data.get("benchmarks", {}), set(data.get("formats", ())), set(data.get("audiences", ()))
    for key, bench in benchmarks.items():
        if bench.get("per") not in ("follower", "impression") or not bench.get("name") or not bench.get("year"):
            raise FactSheetError(f"{where}: benchmark {key!r} needs a name, a year and 'per' (follower or impression)")
    for platform, entry in data["platforms"].items():
        missing = [name for name in _REQUIRED if name not in entry]
        if missing:
            raise FactSheetError(f"{where}: platform {platform!r} lacks {_listed(missing)}")
        for name, vocabulary, kind in (("formats", formats, "format"), ("audience_tags", audiences, "audience")):
            unknown = [v for v in entry[name] if v not in vocabulary]
            if unknown:
                raise FactSheetError(f"{where}: platform {platform!r} has {kind} {_listed(unknown)}, not in the "
                                     f"'{name if name == 'formats' else 'audiences'}' list")
        pers = set()
        for key, rate in entry["er_benchmarks"].items():
            if key not in benchmarks:
                raise FactSheetError(f"{where}: platform {platform!r} cites benchmark {key!r}, which is not listed "
                                     f"under 'benchmarks'")
            if not isinstance(rate, (int, float)) or not 0 < rate < 1:
                raise FactSheetError(f"{where}: platform {platform!r}, benchmark {key!r}: a rate is a fraction "
                                     f"between 0 and 1, not {rate!r}")
            pers.add(benchmarks[key]["per"])
        if len(pers) > 1:
            raise FactSheetError(f"{where}: platform {platform!r} mixes rates per follower and per impression in "
                                 f"one range; keep one denominator per platform")
    return data


def _pct(rate: float) -> str:
    return f"{rate * 100:.3f}".rstrip("0").rstrip(".") + "%"


def _engagement(entry: dict, benchmarks: dict) -> dict:
    rates = entry["er_benchmarks"]
    if not rates:
        return {"er_low": float("nan"), "er_high": float("nan"), "er_per": None,
                "typical_er": "no benchmark: use your baseline", "er_source": None}
    low, high = min(rates.values()), max(rates.values())
    per = benchmarks[next(iter(rates))]["per"]
    span = _pct(low) if low == high else f"{_pct(low)}-{_pct(high)}"
    return {"er_low": float(low), "er_high": float(high), "er_per": per, "typical_er": f"{span} per {per}",
            "er_source": "; ".join(f"{benchmarks[key]['name']}: {_pct(rate)} per {benchmarks[key]['per']}"
                                   for key, rate in rates.items())}


def _limits_row(platform: str) -> dict:
    limit = LIMITS.get(platform)
    if limit is None:
        return {name: None for name in _LIMIT_FIELDS}
    return {name: getattr(limit, name) for name in _LIMIT_FIELDS}


@functools.lru_cache(maxsize=None)
def _sheet() -> pd.DataFrame:
    data = _data()
    rows = {}
    for platform, entry in data["platforms"].items():
        row = {name: entry[name] for name in ("name", "velora_account", "china", "audience", "tone", "engagement")}
        row["audience_tags"] = ", ".join(entry["audience_tags"])
        row["formats"] = ", ".join(entry["formats"])
        row.update(_limits_row(platform))
        row["video_max_min"] = entry["video_max_min"]
        row.update(_engagement(entry, data["benchmarks"]))
        rows[platform] = row
    sheet = pd.DataFrame.from_dict(rows, orient="index")[list(COLUMNS)]
    sheet.index.name = "platform"
    for name in ("max_chars", "link_chars", "max_hashtags"):
        sheet[name] = sheet[name].astype("Int64")
    for name in ("links_clickable", "alt_text"):
        sheet[name] = sheet[name].astype("boolean")
    sheet["video_max_min"] = sheet["video_max_min"].astype("Float64")
    return sheet


def _platform_key(platform: object, known: Iterable[str]) -> str:
    if not isinstance(platform, str):
        raise FactSheetError(f"a platform is named in text, such as 'instagram'; got {platform!r}")
    key = platform.strip().lower()
    key = {"twitter": "x", "x.com": "x", "red": "xiaohongshu", "rednote": "xiaohongshu", "weixin": "wechat"}.get(key, key)
    if key not in known:
        raise FactSheetError(f"the fact sheet has no platform {platform!r}; it knows: {_listed(known)}")
    return key


def platform_facts(columns: str | Iterable[str] | None = None, platforms: Iterable[str] | None = None,
                   view: str = "default") -> pd.DataFrame:
    """The fact sheet: one row per platform, indexed by the name the course's data uses.

    ``view="default"`` shows :data:`DEFAULT_COLUMNS` (ten, readable on one screen); ``view="all"`` every
    column of :data:`COLUMNS` (read it turned, ``.T``, or a few columns at a time). ``columns`` picks
    columns by name instead, and ``platforms`` keeps some rows. Limits (``max_chars``, ``links_clickable``
    ...) come from :mod:`course.social.limits`; a platform that table does not cover shows them empty.
    Unknown names raise :class:`FactSheetError` listing the valid ones.
    """
    sheet = _sheet()
    if columns is None:
        if view not in ("default", "all"):
            raise FactSheetError(f"view is 'default' or 'all', not {view!r}")
        wanted = list(DEFAULT_COLUMNS) if view == "default" else list(COLUMNS)
    else:
        wanted = [columns] if isinstance(columns, str) else list(columns)
        unknown = [c for c in wanted if c not in COLUMNS]
        if unknown:
            raise FactSheetError(f"the fact sheet has no column {_listed(map(repr, unknown))}; its columns are: "
                                 f"{_listed(COLUMNS)}")
    rows = list(sheet.index) if platforms is None else [
        _platform_key(p, sheet.index) for p in ([platforms] if isinstance(platforms, str) else platforms)]
    return sheet.loc[rows, wanted].copy()


def fact_sources(platform: str | None = None) -> pd.DataFrame:
    """Every sourced figure of the sheet (or of one platform): platform, fact, value, source and as_of.

    Limits carry the source and date :mod:`course.social.limits` gives them; the rest come from
    ``platforms.yaml``. A figure the course has not recorded says so in its source.
    """
    data, sheet = _data(), _sheet()
    keys = list(sheet.index) if platform is None else [_platform_key(platform, sheet.index)]
    rows = []
    for key in keys:
        entry, facts = data["platforms"][key], sheet.loc[key]
        rows.append((key, "audience", entry["audience"], entry["audience_source"], entry["audience_as_of"]))
        rows.append((key, "video_max_min", facts["video_max_min"], entry["video_source"], entry["video_as_of"]))
        limit = LIMITS.get(key)
        for name in ("max_chars", "links_clickable", "max_hashtags", "alt_text"):
            if limit is None:
                rows.append((key, name, None, "not covered by course.social.limits", None))
            else:
                rows.append((key, name, getattr(limit, name), limit.source, limit.as_of))
        for bench, rate in entry["er_benchmarks"].items():
            report = data["benchmarks"][bench]
            rows.append((key, f"engagement rate per {report['per']}", _pct(rate), f"{report['name']} ({report['covers']})",
                         str(report["year"])))
    return pd.DataFrame(rows, columns=["platform", "fact", "value", "source", "as_of"])


# --------------------------------------------------------------------------- picking platforms for a brief
def _need_bool(brief: Mapping, field: str) -> bool:
    value = brief[field]
    if type(value) is not bool:
        raise FactSheetError(f"the brief's {field!r} is True or False, not {value!r}")
    return value


def _need_number(brief: Mapping, field: str) -> float:
    value = brief[field]
    if type(value) not in (int, float) or value < 0:
        raise FactSheetError(f"the brief's {field!r} is a number of 0 or more, not {value!r}")
    return value


def _need_words(brief: Mapping, field: str, vocabulary: Iterable[str], kind: str) -> list[str]:
    value = brief[field]
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, (list, tuple)) or not values or not all(isinstance(v, str) for v in values):
        raise FactSheetError(f"the brief's {field!r} is a {kind} or a list of them, in quotes; got {value!r}")
    vocabulary = list(vocabulary)
    cleaned = [v.strip().lower().replace("-", "_").replace(" ", "_") for v in values]
    unknown = [raw for raw, v in zip(values, cleaned) if v not in vocabulary]
    if unknown:
        raise FactSheetError(f"the brief's {field!r} holds {_listed(map(repr, unknown))}, not a {kind} the sheet "
                             f"knows; use one of: {_listed(vocabulary)}")
    return cleaned


def _misses(entry: dict, facts: pd.Series, brief: Mapping, needs: dict) -> list[str]:
    """What a platform lacks for the brief, in words (empty when it fits)."""
    misses = []
    if "formats" in needs:
        lacking = [f for f in needs["formats"] if f not in entry["formats"]]
        if lacking:
            misses.append(f"no {_listed(lacking)}")
    if "audience" in needs and not set(needs["audience"]) & set(entry["audience_tags"]):
        misses.append(f"audience is not {' or '.join(needs['audience'])}")
    if "market" in needs and entry["china"] != (needs["market"] == "china"):
        misses.append("not a Chinese platform" if needs["market"] == "china" else "a platform for China")
    if "text_chars" in needs:
        if pd.isna(facts["max_chars"]):
            misses.append("text limit not recorded")
        elif facts["max_chars"] < needs["text_chars"]:
            misses.append(f"text holds {facts['max_chars']:,} characters")
    if "hashtags" in needs and not pd.isna(facts["max_hashtags"]) and facts["max_hashtags"] < needs["hashtags"]:
        misses.append(f"at most {facts['max_hashtags']} hashtags")
    for field, no, unknown in (("links_clickable", "links in the text cannot be tapped", "link behaviour not recorded"),
                               ("alt_text", "no alt-text field", "alt text not recorded")):
        wanted = "clickable_link" if field == "links_clickable" else field
        if needs.get(wanted):
            if pd.isna(facts[field]):
                misses.append(unknown)
            elif not facts[field]:
                misses.append(no)
    if "video_minutes" in needs:
        if pd.isna(facts["video_max_min"]):
            misses.append("video length not recorded")
        elif facts["video_max_min"] < needs["video_minutes"]:
            misses.append(f"videos up to {facts['video_max_min']:g} min")
    if needs.get("velora_account") and not entry["velora_account"]:
        misses.append("Velora has no account")
    return misses


def pick_platforms(brief: Mapping[str, Any]) -> pd.DataFrame:
    """Which platforms suit a brief: one row per platform, those that fit first.

    ``brief`` is a dict with any of the fields of :data:`BRIEF_FIELDS`, e.g.
    ``{"formats": ["short_video"], "audience": "young", "clickable_link": True}``. The answer has the
    platform's ``name``, ``fits`` (True when it meets every field) and ``misses`` (what it lacks, in
    words). A field the sheet does not know, or a value of the wrong kind, raises :class:`FactSheetError`.
    """
    if not isinstance(brief, Mapping):
        raise FactSheetError(f"a brief is a dict such as {{'formats': ['short_video']}}, not a {type(brief).__name__}")
    unknown = [field for field in brief if field not in BRIEF_FIELDS]
    if unknown:
        raise FactSheetError(f"the brief has no field {_listed(map(repr, unknown))}; a brief can say: "
                             f"{_listed(BRIEF_FIELDS)}")
    data, sheet = _data(), _sheet()
    needs: dict[str, Any] = {}
    if "formats" in brief:
        needs["formats"] = _need_words(brief, "formats", data["formats"], "format")
    if "audience" in brief:
        needs["audience"] = _need_words(brief, "audience", data["audiences"], "audience")
    if "market" in brief:
        needs["market"] = _need_words(brief, "market", ("china", "international"), "market")[0]
    for field in ("text_chars", "hashtags", "video_minutes"):
        if field in brief:
            needs[field] = _need_number(brief, field)
    for field in ("clickable_link", "alt_text", "velora_account"):
        if field in brief:
            needs[field] = _need_bool(brief, field)
    rows = list(sheet.index)
    if "platforms" in brief:
        chosen = brief["platforms"]
        if isinstance(chosen, str) or not isinstance(chosen, (list, tuple)) or not chosen:
            raise FactSheetError(f"the brief's 'platforms' is a list of platform names; got {chosen!r}")
        rows = [_platform_key(p, sheet.index) for p in chosen]
    found = []
    for platform in rows:
        misses = _misses(data["platforms"][platform], sheet.loc[platform], brief, needs)
        found.append((platform, sheet.loc[platform, "name"], not misses, "; ".join(misses)))
    picked = pd.DataFrame(found, columns=["platform", "name", "fits", "misses"]).set_index("platform")
    # those that fit first; within each group, the sheet's (or the brief's) order (sorted() is stable)
    return picked.iloc[sorted(range(len(picked)), key=lambda i: not picked["fits"].iloc[i])]


# --------------------------------------------------------------------------- Velora's own figures, per platform
def velora_by_platform(posts: pd.DataFrame, followers: pd.DataFrame, audience: pd.DataFrame) -> pd.DataFrame:
    """Velora's year on each platform: posts, followers, engagement with its denominator, and who follows.

    ``posts``, ``followers`` and ``audience`` are the course tables (``course.datasets``). Columns:
    ``posts``; ``followers`` (the last day's total); ``main_format`` (the format used most);
    ``er_per_reach`` (interactions / people reached) and ``er_per_follower`` (interactions / the
    account's followers when each post went out), both as fractions; ``share_18_34`` (followers aged
    18-34); ``top_country`` and its ``top_country_share``. Sorted by followers, largest first.
    """
    from course import metrics

    for name, frame, needed in (("posts", posts, ("platform", "format", "reach", "followers")),
                                ("followers", followers, ("date", "platform", "total")),
                                ("audience", audience, ("platform", "dimension", "value", "share"))):
        missing = [c for c in needed if c not in frame.columns]
        if missing:
            raise FactSheetError(f"the {name} table lacks the column(s) {_listed(missing)}")
    last = followers[followers["date"] == followers["date"].max()].set_index("platform")["total"]
    by_reach = metrics.engagement_rate(posts, by="reach", group="platform")
    by_followers = metrics.engagement_rate(posts, by="followers", group="platform")
    counts = posts.groupby("platform", observed=True).size()
    main_format = posts.groupby("platform", observed=True)["format"].agg(lambda f: f.astype(str).value_counts().index[0])
    shares = audience.pivot_table(index="platform", columns="value", values="share", observed=True, aggfunc="sum")
    countries = audience[audience["dimension"] == "country"].pivot_table(
        index="platform", columns="value", values="share", observed=True, aggfunc="sum")
    summary = pd.DataFrame({
        "posts": counts,
        "followers": last,
        "main_format": main_format,
        "er_per_reach": by_reach,
        "er_per_follower": by_followers,
        "share_18_34": shares["18-24"] + shares["25-34"],
        "top_country": countries.idxmax(axis=1),
        "top_country_share": countries.max(axis=1),
    })
    summary.index = summary.index.astype(str)
    summary.index.name = "platform"
    summary["posts"] = summary["posts"].astype("Int64")
    summary["followers"] = summary["followers"].astype("Int64")
    return summary.sort_values("followers", ascending=False)
