"""The seeded generator of Velora's community data.

``generate(seed)`` builds every table in memory; ``write(tables, folder)`` writes them as
CSV. The same seed gives the same bytes (the tests regenerate the shipped files and
compare). Each table draws from its own random stream, spawned from the seed, so
changing one table's recipe leaves the others untouched.

``generate_inbox(rows, seed)`` makes a larger inbox (e.g. a million rows) for benchmarks.

Run ``python -m course.datasets.generator`` to rewrite the shipped CSVs in ``course/data/``.
The calibration behind each pattern is documented in :mod:`course.datasets.schema` and in
``docs/data-dictionary.md``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from course.datasets import schema, texts

SEED = 20260316
LOCAL_TZ = "Europe/Rome"
START = pd.Timestamp("2025-11-01", tz=LOCAL_TZ)
END = pd.Timestamp("2026-11-01", tz=LOCAL_TZ)  # exclusive
CRISIS = (pd.Timestamp("2026-03-16", tz=LOCAL_TZ), pd.Timestamp("2026-03-23", tz=LOCAL_TZ))
CAMPAIGN = (pd.Timestamp("2026-05-04", tz=LOCAL_TZ), pd.Timestamp("2026-06-29", tz=LOCAL_TZ))
COMMUNITY_OPENED = pd.Timestamp("2022-03-01", tz=LOCAL_TZ)
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Appending a stream keeps the earlier ones as they were (SeedSequence children depend only on their index).
STREAMS = ("members", "followers", "posts", "inbox", "forum", "web", "events", "ab_test", "survey", "listening",
           "posts_china", "audience")

# Relative activity by local hour (0-23) and weekday (Mon-Sun): peaks mid-morning and early evening.
HOUR_WEIGHTS = np.array([0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.45, 0.9, 1.3, 1.55, 1.6, 1.45, 1.35, 1.4, 1.3,
                         1.25, 1.3, 1.5, 1.7, 1.65, 1.45, 1.2, 0.85, 0.55])
WEEKDAY_WEIGHTS = np.array([1.05, 1.1, 1.12, 1.1, 1.0, 0.8, 0.83])


def _streams(seed: int) -> dict[str, np.random.Generator]:
    children = np.random.SeedSequence(seed).spawn(len(STREAMS))
    return {name: np.random.default_rng(child) for name, child in zip(STREAMS, children)}


def _days() -> pd.DatetimeIndex:
    return pd.date_range(START, END, freq="D", inclusive="left")


def _in(ts: pd.Series | pd.DatetimeIndex, window: tuple[pd.Timestamp, pd.Timestamp]) -> np.ndarray:
    return np.asarray((ts >= window[0]) & (ts < window[1]))


def _random_times(rng: np.random.Generator, n: int, start: pd.Timestamp, end: pd.Timestamp,
                  day_weights: np.ndarray | None = None) -> pd.DatetimeIndex:
    """n local timestamps between start and end following the weekly/daily rhythm."""
    days = pd.date_range(start, end, freq="D", inclusive="left")
    weights = WEEKDAY_WEIGHTS[days.dayofweek].astype(float)
    if day_weights is not None:
        weights = weights * day_weights
    day_index = rng.choice(len(days), size=n, p=weights / weights.sum())
    hours = rng.choice(24, size=n, p=HOUR_WEIGHTS / HOUR_WEIGHTS.sum())
    seconds = rng.integers(0, 3600, size=n)
    naive = days.tz_localize(None)[day_index] + pd.to_timedelta(hours * 3600 + seconds, unit="s")
    return pd.DatetimeIndex(naive).tz_localize(LOCAL_TZ, ambiguous=False, nonexistent="shift_forward").sort_values()


def _utc(ts) -> pd.Series:
    return pd.Series(pd.DatetimeIndex(ts).tz_convert("UTC").floor("s"))


def _pick(rng: np.random.Generator, options, weights, n: int) -> np.ndarray:
    p = np.asarray(weights, dtype=float)
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=n, p=p / p.sum())]


# --------------------------------------------------------------------------- members
COUNTRIES = ("IT", "FR", "DE", "ES", "NL", "GB", "US", "CA", "CN")
COUNTRY_WEIGHTS = (0.30, 0.08, 0.10, 0.05, 0.04, 0.08, 0.20, 0.05, 0.10)
SYLLABLES = ("ra", "lo", "mi", "ve", "ta", "ko", "ri", "sa", "no", "lu", "pe", "da", "chen", "li", "wei", "an",
             "jo", "ma", "ele", "fra", "gio", "ben", "zo", "ka", "ni", "to", "bel", "ric", "cam", "mar")
HANDLE_ENDINGS = ("rides", "cycles", "_ebike", "pedals", "", "", "", "_to", "_mi", "commutes", "trails", "")


def make_members(rng: np.random.Generator, n: int = 6000) -> tuple[pd.DataFrame, np.ndarray]:
    """Members and each one's activity weight (the 90-9-1 tiers), used by the other tables."""
    # Joins accelerate over time, with a burst in the #FirstRideVelora campaign.
    days = pd.date_range(COMMUNITY_OPENED, END, freq="D", inclusive="left")
    age = np.arange(len(days)) / len(days)
    weights = 0.4 + 1.6 * age
    weights[_in(days, CAMPAIGN)] *= 2.6
    weights[_in(days, CRISIS)] *= 0.6
    joined = _random_times(rng, n, COMMUNITY_OPENED, END, day_weights=weights)

    country = _pick(rng, COUNTRIES, COUNTRY_WEIGHTS, n)
    roll = rng.random(n)
    language = np.where(country == "CN", np.where(roll < 0.9, "zh", "en"),
                        np.where(country == "IT", np.where(roll < 0.6, "it", "en"), "en"))
    segment = _pick(rng, schema.SEGMENTS, (0.70, 0.22, 0.05, 0.03), n)

    # 90-9-1: 1% heavy contributors, 9% occasional, 90% mostly read.
    tier_roll = rng.random(n)
    tier = np.where(tier_roll < 0.01, 2, np.where(tier_roll < 0.10, 1, 0))
    tier[(segment == "employee") & (tier == 0) & (rng.random(n) < 0.5)] = 1
    activity = np.choose(tier, [0.01, 4.0, 60.0]) * rng.lognormal(0, 0.5, n)
    super_user = (tier == 2) & (rng.random(n) < 0.85) & (segment != "employee")

    referrals = np.zeros(n, dtype=np.int64)
    amb = segment == "ambassador"
    raw = np.floor(rng.pareto(1.3, amb.sum()) * 2.2)
    # a long tail without a wall: beyond 30 referrals, growth slows logarithmically
    referrals[amb] = np.where(raw > 30, 30 + np.floor(6 * np.log1p(np.maximum(raw - 30, 0))), raw).astype(np.int64)
    cust = segment == "customer"
    referrals[cust] = rng.binomial(2, 0.04, cust.sum())

    first = rng.integers(0, len(SYLLABLES), (n, 2))
    handles = [
        f"{SYLLABLES[a]}{SYLLABLES[b]}{HANDLE_ENDINGS[(a * 7 + b + i) % len(HANDLE_ENDINGS)]}{(i * 7919 + a * 31 + b) % 997}"
        for i, (a, b) in enumerate(first)
    ]
    members = pd.DataFrame({
        "member_id": [f"M{i:05d}" for i in range(1, n + 1)],
        "handle": handles,
        "joined_at": _utc(joined),
        "country": country,
        "language": language,
        "segment": segment,
        "super_user": super_user,
        "referrals": referrals,
    })
    return members, activity


def _ns(values) -> np.ndarray:
    """Nanoseconds since the epoch (UTC) of tz-aware or UTC-naive times."""
    index = pd.DatetimeIndex(values)
    return (index.tz_convert("UTC") if index.tz is not None else index).asi8


def _joined_before(rng: np.random.Generator, index: np.ndarray, times: np.ndarray, members: pd.DataFrame,
                   activity: np.ndarray) -> np.ndarray:
    """Replace authors who had not joined yet at ``times`` by active members who had joined before START."""
    joined = _ns(members["joined_at"])
    early = np.flatnonzero(joined < START.value)
    bad = joined[index] > _ns(times)
    if bad.any():
        weights = activity[early] / activity[early].sum()
        index = index.copy()
        index[bad] = early[rng.choice(len(early), size=int(bad.sum()), p=weights)]
    return index


# --------------------------------------------------------------------------- followers
FOLLOWER_START = {"instagram": 48200, "facebook": 31400, "x": 12600, "linkedin": 6800, "tiktok": 9100,
                  "youtube": 7400, "pinterest": 3100, "weibo": 5600, "xiaohongshu": 4200, "wechat": 3300}
MONTHLY_GROWTH = {"instagram": 0.025, "facebook": 0.010, "x": 0.012, "linkedin": 0.022, "tiktok": 0.06,
                  "youtube": 0.02, "pinterest": 0.015, "weibo": 0.012, "xiaohongshu": 0.05, "wechat": 0.02}
MONTHLY_CHURN = {"instagram": 0.008, "facebook": 0.006, "x": 0.010, "linkedin": 0.004, "tiktok": 0.015,
                 "youtube": 0.005, "pinterest": 0.006, "weibo": 0.008, "xiaohongshu": 0.012, "wechat": 0.004}


def make_followers(rng: np.random.Generator, members: pd.DataFrame) -> pd.DataFrame:
    days = _days()
    crisis, campaign = _in(days, CRISIS), _in(days, CAMPAIGN)
    frames = []
    for platform in schema.PLATFORMS:
        if platform == "forum":
            joined_local = members["joined_at"].dt.tz_convert(LOCAL_TZ).dt.normalize()
            per_day = joined_local.value_counts().reindex(days, fill_value=0).to_numpy()
            before = int((members["joined_at"] < START.tz_convert("UTC")).sum())
            lost = rng.poisson(0.04, len(days))
            new = per_day
            total = before + np.cumsum(new - lost)
        else:
            total_now = float(FOLLOWER_START[platform])
            new = np.zeros(len(days), dtype=np.int64)
            lost = np.zeros(len(days), dtype=np.int64)
            total = np.zeros(len(days), dtype=np.int64)
            gain_boost = np.where(campaign & (platform in ("instagram", "tiktok", "youtube", "xiaohongshu")), 2.4, 1.0)
            loss_boost = np.where(crisis & (platform in ("instagram", "facebook", "x")), 6.0, 1.0)
            weekday = WEEKDAY_WEIGHTS[days.dayofweek]
            for i in range(len(days)):  # a running total: each day depends on the previous one
                new[i] = rng.poisson(total_now * MONTHLY_GROWTH[platform] / 30 * weekday[i] * gain_boost[i] * rng.lognormal(0, 0.25))
                lost[i] = rng.poisson(total_now * MONTHLY_CHURN[platform] / 30 * loss_boost[i])
                total_now += new[i] - lost[i]
                total[i] = total_now
        frames.append(pd.DataFrame({"date": days.tz_localize(None), "platform": platform,
                                    "new": new, "lost": lost, "total": total}))
    return pd.concat(frames, ignore_index=True)


# --------------------------------------------------------------------------- audience
# Each platform's followers by age band (shares in the order of schema.AGE_BANDS), after the platforms' published
# audience reports: TikTok, Weibo and Xiaohongshu young; Facebook and WeChat older; LinkedIn adults only.
AGE_PROFILE = {
    "instagram": (0.03, 0.22, 0.33, 0.22, 0.12, 0.06, 0.02),
    "facebook": (0.01, 0.08, 0.20, 0.25, 0.23, 0.15, 0.08),
    "x": (0.02, 0.18, 0.32, 0.25, 0.14, 0.07, 0.02),
    "linkedin": (0.00, 0.10, 0.40, 0.30, 0.14, 0.05, 0.01),
    "tiktok": (0.12, 0.38, 0.28, 0.13, 0.06, 0.02, 0.01),
    "youtube": (0.05, 0.20, 0.27, 0.22, 0.14, 0.08, 0.04),
    "pinterest": (0.03, 0.18, 0.30, 0.24, 0.14, 0.08, 0.03),
    "forum": (0.00, 0.05, 0.20, 0.30, 0.26, 0.14, 0.05),
    "weibo": (0.03, 0.35, 0.35, 0.17, 0.07, 0.02, 0.01),
    "xiaohongshu": (0.03, 0.40, 0.38, 0.13, 0.04, 0.015, 0.005),
    "wechat": (0.01, 0.12, 0.30, 0.28, 0.17, 0.08, 0.04),
}
# Followers by country (order of schema.AUDIENCE_COUNTRIES): Velora's markets, tilted per platform.
_WEST = (0.30, 0.08, 0.10, 0.05, 0.04, 0.08, 0.20, 0.05, 0.004, 0.06)
_CHINA = (0.004, 0.001, 0.002, 0.001, 0.001, 0.004, 0.012, 0.006, 0.95, 0.019)
COUNTRY_TILT = {  # multiplies _WEST (or _CHINA) before the shares are normalised
    "instagram": (1.1, 1, 1, 1.1, 1, 1, 0.9, 0.9, 1, 1),
    "facebook": (1.3, 0.9, 0.8, 1.1, 0.7, 0.8, 1.1, 1.0, 1, 0.9),
    "x": (0.7, 1.0, 0.9, 1.1, 0.9, 1.4, 1.4, 1.1, 1, 1.1),
    "linkedin": (0.6, 1.1, 1.7, 0.8, 1.9, 1.5, 1.0, 1.0, 1, 1.2),
    "tiktok": (0.8, 1.0, 0.8, 1.2, 0.8, 1.3, 1.6, 1.2, 1, 1.1),
    "youtube": (0.9, 1.0, 1.2, 1.0, 1.0, 1.1, 1.2, 1.1, 1, 1.2),
    "pinterest": (0.7, 1.1, 0.9, 0.9, 0.9, 1.1, 1.9, 1.4, 1, 1.0),
}
# The language a follower's app is set to, by country (order of schema.AUDIENCE_LANGUAGES).
LANGUAGE_BY_COUNTRY = {
    "IT": (0.15, 0.85, 0, 0, 0, 0, 0, 0), "FR": (0.14, 0, 0, 0.86, 0, 0, 0, 0),
    "DE": (0.20, 0, 0.80, 0, 0, 0, 0, 0), "ES": (0.14, 0, 0, 0, 0.86, 0, 0, 0),
    "NL": (0.42, 0, 0, 0, 0, 0.58, 0, 0), "GB": (0.97, 0, 0, 0, 0, 0, 0, 0.03),
    "US": (0.92, 0, 0, 0, 0.05, 0, 0.01, 0.02), "CA": (0.76, 0, 0, 0.21, 0, 0, 0.01, 0.02),
    "CN": (0.03, 0, 0, 0, 0, 0, 0.97, 0), "other": (0.45, 0, 0.03, 0.03, 0.04, 0, 0, 0.45),
}


def _split(total: int, shares: np.ndarray) -> np.ndarray:
    """Whole followers per group that add up exactly to ``total`` (largest remainders get the odd ones)."""
    exact = total * shares / shares.sum()
    counts = np.floor(exact).astype(np.int64)
    short = total - int(counts.sum())
    counts[np.argsort(-(exact - counts), kind="stable")[:short]] += 1
    return counts


def make_audience(rng: np.random.Generator, followers: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Each platform's followers on the last day, by age band, country and language (an insights page's breakdown).

    The social platforms' shares are the profiles above with a little noise; the forum's country and
    language shares are the members table's own.
    """
    last = followers["date"].max()
    totals = followers[followers["date"] == last].set_index("platform")["total"]
    active = members[members["joined_at"] < END.tz_convert("UTC")]
    language_matrix = np.array([LANGUAGE_BY_COUNTRY[c] for c in schema.AUDIENCE_COUNTRIES], dtype=float)
    rows = []
    for platform in schema.PLATFORMS:
        total = int(totals[platform])
        age = np.array(AGE_PROFILE[platform]) * rng.lognormal(0, 0.06, len(schema.AGE_BANDS))
        if platform == "forum":
            country = active["country"].value_counts().reindex(schema.AUDIENCE_COUNTRIES, fill_value=0).to_numpy(float)
            language = active["language"].value_counts().reindex(schema.AUDIENCE_LANGUAGES, fill_value=0).to_numpy(float)
        else:
            base = _CHINA if platform in schema.CHINESE_PLATFORMS else _WEST
            tilt = COUNTRY_TILT.get(platform, np.ones(len(base)))
            country = np.array(base) * np.array(tilt) * rng.lognormal(0, 0.08, len(base))
            country = country / country.sum()
            language = country @ language_matrix
        for dimension, shares in (("age_band", age), ("country", country), ("language", language)):
            counts = _split(total, np.asarray(shares, dtype=float))
            for value, count in zip(schema.AUDIENCE_VALUES[dimension], counts):
                rows.append((last, platform, dimension, value, int(count), round(int(count) / total, 4)))
    return pd.DataFrame(rows, columns=["as_of", "platform", "dimension", "value", "followers", "share"])


# --------------------------------------------------------------------------- posts
POSTS_PER_WEEK = {"instagram": 5, "facebook": 4, "x": 7, "linkedin": 2, "tiktok": 4, "youtube": 1, "pinterest": 3, "forum": 2,
                  "weibo": 3, "xiaohongshu": 3, "wechat": 1}
# Engagement (likes+comments+shares+saves) per person reached: medians per platform.
ER_BY_REACH = {"instagram": 0.022, "facebook": 0.009, "x": 0.007, "linkedin": 0.018, "tiktok": 0.045,
               "youtube": 0.015, "pinterest": 0.006, "forum": 0.08, "weibo": 0.010, "xiaohongshu": 0.032,
               "wechat": 0.024}
REACH_SHARE = {"instagram": 0.14, "facebook": 0.06, "x": 0.10, "linkedin": 0.12, "tiktok": 0.35,
               "youtube": 0.25, "pinterest": 0.20, "forum": 0.30, "weibo": 0.10, "xiaohongshu": 0.18, "wechat": 0.35}
FORMATS_BY_PLATFORM = {
    "instagram": (("image", "carousel", "short_video"), (0.35, 0.35, 0.30)),
    "facebook": (("image", "video", "link", "text"), (0.40, 0.20, 0.30, 0.10)),
    "x": (("text", "image", "link", "short_video"), (0.40, 0.25, 0.25, 0.10)),
    "linkedin": (("text", "image", "link", "carousel"), (0.25, 0.30, 0.30, 0.15)),
    "tiktok": (("short_video",), (1.0,)),
    "youtube": (("video", "short_video"), (0.6, 0.4)),
    "pinterest": (("image",), (1.0,)),
    "forum": (("thread",), (1.0,)),
    "weibo": (("image", "text", "short_video", "link"), (0.40, 0.25, 0.25, 0.10)),
    "xiaohongshu": (("carousel", "image", "short_video"), (0.50, 0.25, 0.25)),
    "wechat": (("link", "image", "short_video"), (0.70, 0.15, 0.15)),  # official-account articles, Channels clips
}
# Share of the interactions that are likes, comments, shares, saves.
MIX = {"instagram": (0.78, 0.07, 0.05, 0.10), "facebook": (0.75, 0.12, 0.13, 0.0), "x": (0.65, 0.12, 0.18, 0.05),
       "linkedin": (0.80, 0.09, 0.08, 0.03), "tiktok": (0.82, 0.05, 0.07, 0.06), "youtube": (0.85, 0.10, 0.03, 0.02),
       "pinterest": (0.20, 0.02, 0.08, 0.70), "forum": (0.55, 0.40, 0.0, 0.05),
       "weibo": (0.70, 0.12, 0.15, 0.03), "xiaohongshu": (0.52, 0.10, 0.05, 0.33), "wechat": (0.68, 0.07, 0.20, 0.05)}
# Velora's places before it opened its accounts for China (drawn from the "posts" stream, as they always were);
# the Chinese accounts draw from their own stream, so adding them left the other posts as they were.
PLATFORMS_EUROPE_AMERICA = tuple(p for p in schema.PLATFORMS if p not in schema.CHINESE_PLATFORMS)
PILLAR_WEIGHTS = (0.22, 0.20, 0.22, 0.14, 0.12, 0.10)
PILLAR_LIFT = dict(zip(schema.PILLARS, (1.0, 1.15, 1.35, 1.1, 0.7, 0.9)))


def _campaign_for(published: pd.DatetimeIndex, pillar: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    campaign = np.full(len(published), None, dtype=object)
    first_ride = _in(published, CAMPAIGN) & ((pillar == "rider_stories") | (rng.random(len(published)) < 0.3))
    campaign[first_ride] = "FirstRideVelora"
    month_day = published.month * 100 + published.day
    black_friday = (published.year == 2025) & (month_day >= 1121) & (month_day <= 1201) & (pillar == "promotion")
    campaign[black_friday] = "Black Friday 2025"
    spring = (published.year == 2026) & (published.month == 4) & (pillar == "promotion")
    campaign[spring] = "Spring Sale 2026"
    crisis_update = _in(published, CRISIS) & (pillar == "behind_the_scenes")
    campaign[crisis_update] = "Rain Jacket Update"
    return campaign


def make_posts(rng: np.random.Generator, followers: pd.DataFrame, rng_china: np.random.Generator | None = None) -> pd.DataFrame:
    """Velora's posts; with ``rng_china``, its Weibo, Xiaohongshu and WeChat posts too (from that stream)."""
    posts = _make_posts(rng, followers, PLATFORMS_EUROPE_AMERICA)
    if rng_china is not None:
        china = _make_posts(rng_china, followers, schema.CHINESE_PLATFORMS)
        posts = pd.concat([posts, china], ignore_index=True)
        posts = posts.sort_values(["published_at", "platform"], kind="stable")
        posts = posts.reset_index(drop=True)
        posts["post_id"] = [f"P{i:05d}" for i in range(1, len(posts) + 1)]
    return posts


def _make_posts(rng: np.random.Generator, followers: pd.DataFrame, platforms: tuple[str, ...]) -> pd.DataFrame:
    frames = []
    weeks = (END - START).days / 7
    for platform in platforms:
        n = int(round(POSTS_PER_WEEK[platform] * weeks))
        published = _random_times(rng, n, START, END)
        formats, weights = FORMATS_BY_PLATFORM[platform]
        frames.append(pd.DataFrame({"platform": platform, "published_local": published,
                                    "format": _pick(rng, formats, weights, n)}))
    posts = pd.concat(frames, ignore_index=True).sort_values(["published_local", "platform"], kind="stable")
    posts = posts.reset_index(drop=True)
    n = len(posts)
    local = pd.DatetimeIndex(posts["published_local"])
    platform = posts["platform"].to_numpy()
    pillar = _pick(rng, schema.PILLARS, PILLAR_WEIGHTS, n)
    pillar[_in(local, CAMPAIGN) & (rng.random(n) < 0.35)] = "rider_stories"
    pillar[_in(local, CRISIS) & (rng.random(n) < 0.4)] = "behind_the_scenes"
    paid = (platform != "forum") & (rng.random(n) < np.where(pillar == "promotion", 0.55, 0.12))

    day = local.tz_localize(None).normalize()
    totals = followers.set_index(["date", "platform"])["total"]
    follower_count = totals.reindex(pd.MultiIndex.from_arrays([day, platform])).to_numpy()

    timing = HOUR_WEIGHTS[local.hour] / HOUR_WEIGHTS.mean() * WEEKDAY_WEIGHTS[local.dayofweek]
    base_share = np.array([REACH_SHARE[p] for p in platform])
    # Heavy tail: a log-normal spread, plus a rare extra boost for posts that travel far.
    spread = rng.lognormal(0, 0.7, n) * np.where(rng.random(n) < 0.02, rng.lognormal(1.8, 0.6, n), 1.0)
    reach = np.maximum(1, np.round(follower_count * base_share * spread * timing ** 0.5 * np.where(paid, 2.8, 1.0)))
    impressions = np.round(reach * (1.08 + rng.gamma(2.0, 0.18, n))).astype(np.int64)
    reach = reach.astype(np.int64)

    er = np.array([ER_BY_REACH[p] for p in platform]) * rng.lognormal(0, 0.35, n)
    er *= np.array([PILLAR_LIFT[p] for p in pillar]) * timing ** 0.4 * np.where(paid, 0.65, 1.0)
    campaign_window, crisis_window = _in(local, CAMPAIGN), _in(local, CRISIS)
    er *= np.where(campaign_window, 1.3, 1.0)
    interactions = reach * np.minimum(er, 0.6)
    mix = np.array([MIX[p] for p in platform])
    mix = mix * rng.lognormal(0, 0.2, mix.shape)
    mix[:, 1] *= np.where(crisis_window, 4.0, 1.0)   # the crisis week: people comment ...
    mix[:, 0] *= np.where(crisis_window, 0.5, 1.0)   # ... rather than like
    mix[:, 2:] *= np.where(campaign_window, 1.7, 1.0)[:, None] * (mix[:, 2:] > 0)
    mix = mix / mix.sum(axis=1, keepdims=True)
    counts = rng.poisson(interactions[:, None] * mix)
    fmt = posts["format"].to_numpy()
    ctr = np.where(fmt == "link", 0.018, 0.006) * rng.lognormal(0, 0.3, n)
    clicks = rng.binomial(reach, np.minimum(ctr, 0.5))
    is_video = np.isin(fmt, ("video", "short_video"))
    video_views = np.where(is_video, rng.binomial(impressions, rng.uniform(0.35, 0.8, n)), 0)

    campaign = _campaign_for(local, pillar, rng)
    utm = np.array([None if c is None or k == 0 else c.lower().replace(" ", "_")
                    for c, k in zip(campaign, clicks)], dtype=object)
    return pd.DataFrame({
        "post_id": [f"P{i:05d}" for i in range(1, n + 1)],
        "platform": platform,
        "published_at": _utc(local),
        "format": fmt,
        "pillar": pillar,
        "paid": paid,
        "impressions": impressions,
        "reach": reach,
        "likes": counts[:, 0],
        "comments": counts[:, 1],
        "shares": counts[:, 2],
        "saves": counts[:, 3],
        "clicks": clicks,
        "video_views": video_views,
        "followers": follower_count.astype(np.int64),
        "campaign": campaign,
        "utm_campaign": utm,
    })


# --------------------------------------------------------------------------- inbox
CHANNEL_WEIGHTS = (0.45, 0.15, 0.20, 0.08, 0.12)  # comment, mention, dm, review, forum
SOCIAL = ("instagram", "facebook", "x", "linkedin", "tiktok", "youtube", "pinterest")
SOCIAL_WEIGHTS = (0.34, 0.22, 0.16, 0.05, 0.12, 0.08, 0.03)
INTENT_WEIGHTS = np.array([0.30, 0.16, 0.31, 0.11, 0.08, 0.04])
GENERAL_TOPICS = ("general", "app", "battery", "delivery")
# Chinese-language messages reach Velora on its accounts for China, by kind of message:
# Weibo, Xiaohongshu, WeChat weights.
CHINA_BY_CHANNEL = {"comment": (0.40, 0.40, 0.20), "mention": (0.70, 0.30, 0.0), "dm": (0.20, 0.10, 0.70),
                    "review": (0.0, 1.0, 0.0), "forum": (0.45, 0.45, 0.10)}


def _inbox_day_weights(days: pd.DatetimeIndex) -> np.ndarray:
    weights = np.ones(len(days))
    weights[_in(days, CAMPAIGN)] *= 1.5
    return weights


def _intents(rng, n, crisis, campaign, after_crisis_days):
    weights = np.tile(INTENT_WEIGHTS, (n, 1))
    weights[crisis, 1] *= 6.0   # complaints pile up
    weights[crisis, 0] *= 1.6   # and questions ("is mine affected?")
    weights[crisis, 2] *= 0.5
    # sentiment recovers over about three weeks after the crisis week
    fading = np.clip(1 - after_crisis_days / 21, 0, 1)
    weights[:, 1] *= 1 + 2.0 * fading
    weights[campaign, 2] *= 2.2
    cumulative = (weights / weights.sum(axis=1, keepdims=True)).cumsum(axis=1)
    index = (rng.random(n)[:, None] > cumulative).sum(axis=1)
    return np.asarray(schema.INTENTS, dtype=object)[np.minimum(index, len(schema.INTENTS) - 1)]


def _topics(rng, intent, crisis, campaign, after_crisis_days):
    n = len(intent)
    topic = np.asarray(GENERAL_TOPICS, dtype=object)[rng.integers(0, len(GENERAL_TOPICS), n)]
    concerned = np.isin(intent, ("complaint", "question"))
    jacket_p = np.where(crisis, 0.8, np.clip(1 - after_crisis_days / 21, 0, 1) * 0.5)
    topic[concerned & (rng.random(n) < jacket_p)] = "jacket_leak"
    topic[campaign & (intent == "praise") & (rng.random(n) < 0.55)] = "first_ride"
    return topic


def _label_from_intent(rng, intent):
    n = len(intent)
    roll = rng.random(n)
    label = np.where(roll < 0.7, "neutral", np.where(roll < 0.85, "positive", "negative")).astype(object)
    label[np.isin(intent, ("complaint", "abuse"))] = np.where(roll[np.isin(intent, ("complaint", "abuse"))] < 0.9,
                                                              "negative", "neutral")
    label[intent == "praise"] = np.where(roll[intent == "praise"] < 0.92, "positive", "neutral")
    return label


def _team_corrects(sentiment: np.ndarray, intent: np.ndarray, english: np.ndarray) -> np.ndarray:
    """The team's review of VADER's English labels: a polarity that contradicts the intent is turned round.

    VADER reads words, not intent: an insult built from friendly words ("Great job, geniuses") or a complaint
    that ends in "Thanks!" can score positive, and a happy "no problems at all" can score negative. The team
    knows what each author wanted (the ``intent`` column), so complaints and abuse scored positive become
    negative, and praise scored negative becomes positive. Milder disagreements (a complaint scored neutral,
    praise scored neutral) stay as VADER gave them: that is the noise a lexicon leaves in real data.
    """
    corrected = sentiment.copy()
    hostile = english & np.isin(intent, ("complaint", "abuse")) & (corrected == "positive")
    corrected[hostile] = "negative"
    warm = english & (intent == "praise") & (corrected == "negative")
    corrected[warm] = "positive"
    return corrected


def _to_chinese_platforms(rng, language, channel, platform, responder):
    """Move every Chinese-language message to Weibo, Xiaohongshu or WeChat, by kind of message."""
    zh = np.flatnonzero(language == "zh")
    roll = rng.random(len(zh))
    channel, platform, responder = channel.copy(), platform.copy(), responder.copy()
    kinds = channel[zh]
    weights = np.array([CHINA_BY_CHANNEL[k] for k in kinds], dtype=float)
    cumulative = weights.cumsum(axis=1)
    index = np.minimum((roll[:, None] >= cumulative).sum(axis=1), len(schema.CHINESE_PLATFORMS) - 1)
    platform[zh] = np.asarray(schema.CHINESE_PLATFORMS, dtype=object)[index]
    was_forum = zh[kinds == "forum"]
    channel[was_forum] = "comment"
    # a reply on the Chinese accounts comes from the team in Shanghai, not from a forum member
    responder[was_forum] = np.where(responder[was_forum] == "community_member", "community_manager", responder[was_forum])
    return channel, platform, responder


def _working_delay_minutes(rng, local: pd.DatetimeIndex, median_minutes: np.ndarray) -> np.ndarray:
    """Minutes to a first reply: log-normal within working hours, plus the wait until the team is in."""
    hour = local.hour.to_numpy() + local.minute.to_numpy() / 60
    weekday = local.dayofweek.to_numpy()
    in_hours = (weekday < 5) & (hour >= 8) & (hour < 20) | (weekday >= 5) & (hour >= 10) & (hour < 16)
    # wait until 8:00 the next working morning (weekend days have a reduced 10-16 shift)
    next_start = np.where(hour < 8, 8 - hour, 24 - hour + 8)
    next_start = np.where((weekday >= 5) & (hour < 10), 10 - hour, next_start)
    wait = np.where(in_hours, 0.0, next_start * 60)
    return wait + rng.lognormal(np.log(median_minutes), 0.9)


def make_inbox(rng: np.random.Generator, members: pd.DataFrame, activity: np.ndarray, rows: int = 24000,
               use_vader: bool = True, show_progress: bool = False) -> pd.DataFrame:
    days = _days()
    received = _random_times(rng, rows, START, END, day_weights=_inbox_day_weights(days))
    # the crisis week adds its own wave of messages on top of the usual flow
    extra = int(rows * 0.035)
    wave = _random_times(rng, extra, CRISIS[0], CRISIS[1])
    received = received.append(wave).sort_values()
    n = len(received)
    crisis, campaign = _in(received, CRISIS), _in(received, CAMPAIGN)
    after = np.asarray((received - CRISIS[1]).total_seconds() / 86400)
    after_crisis_days = np.where(after >= 0, after, 1e9)

    intent = _intents(rng, n, crisis, campaign, after_crisis_days)
    topic = _topics(rng, intent, crisis, campaign, after_crisis_days)
    channel = _pick(rng, schema.CHANNELS, CHANNEL_WEIGHTS, n)
    platform = _pick(rng, SOCIAL, SOCIAL_WEIGHTS, n)
    platform[channel == "forum"] = "forum"
    review = channel == "review"
    platform[review] = np.where(rng.random(review.sum()) < 0.6, "facebook", "forum")

    # Authors: members (weighted by their activity) or people without a forum account.
    member_author = rng.random(n) < 0.55
    # any customer may write to the brand; regular contributors simply do it more often
    weights = activity + 1.0
    probabilities = weights / weights.sum()
    member_index = rng.choice(len(members), size=n, p=probabilities)
    member_index = _joined_before(rng, member_index, received, members, activity)
    external_index = np.floor(rng.pareto(1.1, n) * 400).astype(np.int64) % 60000
    author = np.where(member_author, members["member_id"].to_numpy()[member_index],
                      np.char.add("X", np.char.zfill(external_index.astype(str), 5)))
    member_language = members["language"].to_numpy()[member_index]
    external_language = _pick(rng, schema.LANGUAGES, (0.8, 0.12, 0.08), n)
    language = np.where(member_author, member_language, external_language)

    iterator = range(n)
    if show_progress:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, desc="writing messages", unit="msg", mininterval=1)
    text = np.array([texts.inbox_text(rng, intent[i], language[i], topic=topic[i]) for i in iterator], dtype=object)

    sentiment = _label_from_intent(rng, intent)
    english = language == "en"
    if use_vader and english.any():
        from course.metrics import score_sentiment

        sentiment[english] = score_sentiment(pd.Series(text[english])).to_numpy()
        sentiment = _team_corrects(sentiment, intent, english)

    # First replies.
    moderated = np.isin(intent, ("spam", "abuse"))
    answer_p = pd.Series(intent).map({"question": 0.93, "complaint": 0.95, "praise": 0.55, "suggestion": 0.8,
                                      "spam": 0.0, "abuse": 0.0}).to_numpy()
    answered = rng.random(n) < answer_p
    median = np.where(intent == "complaint", 28.0, 42.0)
    median = np.where(intent == "praise", 90.0, median)
    overload = np.where(crisis, 3.5, 1.0) * np.where((after_crisis_days < 7), 1.6, 1.0)
    median = median * overload
    local = pd.DatetimeIndex(received)
    delay = _working_delay_minutes(rng, local, median)
    zh = language == "zh"  # the Shanghai colleague covers Chinese messages in Chinese working hours
    delay[zh] = rng.lognormal(np.log(median[zh]), 0.9)
    first_response = pd.Series(received.tz_convert("UTC")) + pd.to_timedelta(np.round(delay * 60), unit="s")
    first_response = first_response.where(answered)

    forum = channel == "forum"
    responder = np.where(rng.random(n) < np.where(np.isin(intent, ("complaint",)) | (channel == "dm"), 0.35, 0.6),
                         "community_manager", "support_agent").astype(object)
    responder[forum & (rng.random(n) < 0.6)] = "community_member"
    responder[~answered] = None

    resolvable = answered & np.isin(intent, ("question", "complaint"))
    resolve_hours = rng.lognormal(np.log(np.where(intent == "complaint", 20.0, 5.0)), 1.0)
    resolved = first_response + pd.to_timedelta(np.round(resolve_hours * 3600), unit="s")
    resolved = resolved.where(resolvable & (rng.random(n) < 0.92))
    moderation = pd.Series(received.tz_convert("UTC")) + pd.to_timedelta(np.round(rng.lognormal(np.log(3 * 3600), 1.0, n)), unit="s")
    resolved = resolved.where(~moderated, moderation)

    escalation_p = np.select([intent == "complaint", intent == "abuse", intent == "question"], [0.10, 0.12, 0.02], 0.0)
    escalation_p = np.where(topic == "jacket_leak", 0.35, escalation_p)
    escalated = rng.random(n) < escalation_p

    # Chinese messages arrive on Weibo, Xiaohongshu and WeChat (drawn last, so the other columns keep their draws).
    # Chinese posts on the Velora forum are few; they are counted as comments on the Chinese accounts.
    channel, platform, responder = _to_chinese_platforms(rng, language, channel, platform, responder)

    return pd.DataFrame({
        "message_id": [f"I{i:07d}" for i in range(1, n + 1)],
        "channel": channel,
        "platform": platform,
        "author_id": author,
        "received_at": _utc(received),
        "language": language,
        "text": text,
        "intent": intent,
        "sentiment": sentiment,
        "first_response_at": first_response.dt.floor("s"),
        "resolved_at": resolved.dt.floor("s"),
        "responder": responder,
        "escalated": escalated,
    })


# --------------------------------------------------------------------------- forum
BOARDS = ("help", "ideas", "rides", "marketplace")
JACKET_TITLES = ("Velora Wear rain jacket leaking at the shoulder seams?", "Is my rain jacket from the bad batch?",
                 "Jacket seams leaking after three weeks ({city})", "Rain jacket refund or replacement: how?",
                 "Seam tape peeling on the Velora Wear jacket", "Anyone heard back from support about the jackets?",
                 "Wet shoulders on every ride: jacket problem", "Which jacket batches are affected?",
                 "Rain jacket: warranty claim experience in {city}", "Quick fix for leaking jacket seams until the replacement?",
                 "Jacket leaks: official answer yet?")


def make_forum(rng: np.random.Generator, members: pd.DataFrame, activity: np.ndarray,
               threads_count: int = 3200) -> tuple[pd.DataFrame, pd.DataFrame]:
    days = _days()
    weights = np.ones(len(days))
    weights[_in(days, CRISIS)] *= 3.0
    weights[_in(days, CAMPAIGN)] *= 1.4
    created = _random_times(rng, threads_count, START, END, day_weights=weights)
    n = threads_count
    board = _pick(rng, BOARDS, (0.5, 0.2, 0.2, 0.1), n)
    board[_in(created, CRISIS) & (rng.random(n) < 0.6)] = "help"
    p = activity / activity.sum()
    created_utc = _utc(created)
    author_index = _joined_before(rng, rng.choice(len(members), size=n, p=p), created_utc, members, activity)
    titles = np.array([texts.forum_title(rng, b) for b in board], dtype=object)
    crisis_help = np.flatnonzero(_in(created, CRISIS) & (board == "help"))
    for k, i in enumerate(crisis_help[::2]):  # half of them are about the jackets (chosen without new draws)
        titles[i] = JACKET_TITLES[(k * 7) % len(JACKET_TITLES)].format(city=MEETUPS[k % len(MEETUPS)][0])

    replies_count = np.minimum(rng.negative_binomial(1.2, 0.22, n), 80)
    replies_count[board == "help"] = np.maximum(replies_count[board == "help"], rng.binomial(1, 0.94, (board == "help").sum()))
    employee = np.flatnonzero(members["segment"].to_numpy() == "employee")
    heavy_p = p.copy()

    total = int(replies_count.sum())
    thread_of = np.repeat(np.arange(n), replies_count)
    position = np.concatenate([np.arange(k) for k in replies_count]) if total else np.array([], dtype=int)
    staff = rng.random(total) < 0.12
    reply_author = rng.choice(len(members), size=total, p=heavy_p)
    reply_author[staff] = rng.choice(employee, size=staff.sum())
    # first reply: community members usually beat staff to it (median under an hour)
    gap_minutes = np.where(position == 0, rng.lognormal(np.log(50), 1.1, total), rng.lognormal(np.log(240), 1.3, total))
    offset = pd.Series(gap_minutes).groupby(thread_of).cumsum().to_numpy() if total else gap_minutes
    reply_ns = _ns(created_utc)[thread_of] + np.round(offset * 60).astype(np.int64) * 1_000_000_000
    reply_time = pd.DatetimeIndex(pd.to_datetime(reply_ns, utc=True))
    reply_author = _joined_before(rng, reply_author, reply_time, members, activity)

    accepted_thread = (replies_count > 0) & (rng.random(n) < np.where(board == "help", 0.58, 0.05))
    # the accepted reply: most often from a super user, else the first reply
    accepted = np.zeros(total, dtype=bool)
    starts = np.concatenate([[0], np.cumsum(replies_count)[:-1]])
    pick = starts + np.floor(rng.random(n) * np.maximum(np.minimum(replies_count, 3), 1)).astype(int)
    accepted[pick[accepted_thread]] = True

    replies = pd.DataFrame({
        "reply_id": [f"R{i:06d}" for i in range(1, total + 1)],
        "thread_id": [f"T{t + 1:05d}" for t in thread_of],
        "author_id": members["member_id"].to_numpy()[reply_author],
        "created_at": pd.Series(reply_time).dt.floor("s"),
        "by_staff": staff,
        "accepted": accepted,
    })
    first_rows = replies.groupby(thread_of, sort=True).head(1)
    first_answer_at = pd.Series(pd.NaT, index=range(n), dtype="datetime64[ns, UTC]")
    first_by = np.full(n, None, dtype=object)
    first_answer_at.iloc[thread_of[first_rows.index]] = first_rows["created_at"].to_numpy()
    first_by[thread_of[first_rows.index]] = np.where(first_rows["by_staff"], "staff", "community")
    accepted_by = np.full(n, None, dtype=object)
    acc = replies[replies["accepted"]]
    accepted_by[thread_of[acc.index]] = np.where(acc["by_staff"], "staff", "community")

    threads = pd.DataFrame({
        "thread_id": [f"T{i:05d}" for i in range(1, n + 1)],
        "board": board,
        "author_id": members["member_id"].to_numpy()[author_index],
        "created_at": created_utc,
        "title": titles,
        "replies": replies_count.astype(np.int64),
        "first_answer_at": first_answer_at,
        "first_answer_by": first_by,
        "accepted_answer": accepted_thread,
        "accepted_by": accepted_by,
    })
    return threads, replies.sort_values(["created_at", "reply_id"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- web sessions
SOURCES = (  # source, medium, sessions per day, sign-up rate, order rate
    ("instagram", "social", 260, 0.012, 0.008), ("facebook", "social", 180, 0.010, 0.009),
    ("tiktok", "social", 140, 0.009, 0.004), ("x", "social", 60, 0.008, 0.006),
    ("linkedin", "social", 35, 0.006, 0.005), ("youtube", "social", 70, 0.011, 0.010),
    ("pinterest", "social", 40, 0.008, 0.007), ("forum.velora.bike", "referral", 150, 0.02, 0.022),
    ("google", "organic", 900, 0.006, 0.014), ("newsletter", "email", 120, 0.004, 0.03),
    ("google", "cpc", 300, 0.004, 0.012), ("(direct)", "direct", 500, 0.005, 0.02),
)


def make_web_sessions(rng: np.random.Generator) -> pd.DataFrame:
    days = _days()
    season = 1 + 0.35 * np.sin((days.dayofyear.to_numpy() - 80) / 365 * 2 * np.pi)
    weekday = WEEKDAY_WEIGHTS[days.dayofweek]
    rows = []
    for source, medium, base, signup_rate, order_rate in SOURCES:
        campaign = np.full(len(days), None, dtype=object)
        lift = np.ones(len(days))
        if medium == "social" and source in ("instagram", "tiktok", "youtube", "facebook"):
            campaign[_in(days, CAMPAIGN)] = "firstridevelora"
            lift[_in(days, CAMPAIGN)] = 1.8
        if medium in ("email", "cpc"):
            black_friday = (days.year == 2025) & (days.month == 11) & (days.day >= 21) | (days.year == 2025) & (days.month == 12) & (days.day == 1)
            campaign[black_friday] = "black_friday_2025"
            lift[black_friday] = 2.5
            spring = (days.year == 2026) & (days.month == 4)
            campaign[spring] = "spring_sale_2026"
            lift[spring] = 1.7
        if source in ("instagram", "facebook", "x"):
            lift[_in(days, CRISIS)] *= 1.3  # curiosity traffic, few orders
            campaign[_in(days, CRISIS)] = "rain_jacket_update"
        sessions = rng.poisson(base * season * weekday * lift * rng.lognormal(0, 0.15, len(days)))
        crisis_dip = np.where(_in(days, CRISIS), 0.6, 1.0)
        signups = rng.binomial(sessions, signup_rate)
        orders = rng.binomial(sessions, order_rate * crisis_dip)
        # a basket is either a bike (a few in ten orders) or gear
        bikes = rng.binomial(orders, 0.3)
        revenue = bikes * rng.normal(2300, 250, len(days)) + (orders - bikes) * rng.lognormal(np.log(75), 0.5, len(days))
        rows.append(pd.DataFrame({"date": days.tz_localize(None), "source": source, "medium": medium,
                                  "campaign": campaign, "sessions": sessions, "signups": signups,
                                  "orders": orders, "revenue": np.round(np.maximum(revenue, 0), 2)}))
    return pd.concat(rows, ignore_index=True).sort_values(["date", "source", "medium"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- events
WEBINARS = ("Winter riding: battery care", "Ride app: what's new", "Fit your Velora Trail", "Commuting in the rain",
            "Brake care in ten minutes", "Planning your first bike tour", "Velora Wear: the fabric lab",
            "Ask the mechanics", "Night riding and lights", "Firmware 4.0 walkthrough")
MEETUPS = (("Turin", "Velora Store Turin"), ("Milan", "Velora Store Milan"), ("Munich", "Partner shop Munich"),
           ("Lyon", "Partner shop Lyon"), ("Toronto", "Partner shop Toronto"), ("Shanghai", "Velora Studio Shanghai"))


def make_events(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    months = pd.date_range(START, END, freq="MS", inclusive="left")
    for i, month in enumerate(months):
        day = month + pd.Timedelta(days=int(rng.integers(8, 24)), hours=18, minutes=30)
        rows.append(("webinar", WEBINARS[i % len(WEBINARS)], day, "YouTube Live", 0.42))
        if i % 2 == 0:
            city, venue = MEETUPS[(i // 2) % len(MEETUPS)]
            rows.append(("meetup", f"Riders' meetup in {city}", month + pd.Timedelta(days=int(rng.integers(3, 26)), hours=10),
                         venue, 0.78))
        rows.append(("qa", "Live Q&A with the Velora team", month + pd.Timedelta(days=int(rng.integers(2, 27)), hours=19),
                     "Instagram Live" if i % 2 else "Forum live thread", 0.5))
    rows.append(("qa", "Rain jackets: your questions answered", CRISIS[0] + pd.Timedelta(days=3, hours=18), "Instagram Live", 0.6))
    rows.sort(key=lambda r: r[2])
    registrations = np.array([rng.integers(300, 1400) if t != "meetup" else rng.integers(25, 120) for t, *_ in rows])
    attendance = np.array([rng.binomial(r, min(0.95, max(0.05, rate * rng.lognormal(0, 0.12))))
                           for r, (_, _, _, _, rate) in zip(registrations, rows)])
    return pd.DataFrame({
        "event_id": [f"E{i:03d}" for i in range(1, len(rows) + 1)],
        "type": [r[0] for r in rows],
        "title": [r[1] for r in rows],
        "starts_at": _utc([r[2] for r in rows]),
        "platform": [r[3] for r in rows],
        "registrations": registrations.astype(np.int64),
        "attendance": attendance.astype(np.int64),
    })


# --------------------------------------------------------------------------- A/B test, survey, listening
def make_ab_test(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2026-05-04", periods=14, freq="D")
    rows = []
    for day in days:
        for variant, er, ctr in (("A", 0.030, 0.0080), ("B", 0.036, 0.0090)):
            impressions = int(rng.poisson(9000 * WEEKDAY_WEIGHTS[day.dayofweek]))
            rows.append((day, variant, impressions, int(rng.binomial(impressions, er)), int(rng.binomial(impressions, ctr))))
    return pd.DataFrame(rows, columns=["date", "variant", "impressions", "engagements", "clicks"])


def make_survey(rng: np.random.Generator, members: pd.DataFrame, inbox: pd.DataFrame, responses: int = 900) -> pd.DataFrame:
    eligible = members[(members["joined_at"] < pd.Timestamp("2026-09-01", tz="UTC"))
                       & (members["segment"] != "employee")].reset_index(drop=True)
    chosen = eligible.iloc[np.sort(rng.choice(len(eligible), size=responses, replace=False))].reset_index(drop=True)
    hit = inbox.loc[(inbox["intent"] == "complaint") & inbox["text"].str.contains("jacket|giacca|夹克", case=False, regex=True), "author_id"]
    affected = chosen["member_id"].isin(set(hit)).to_numpy()
    engaged = (chosen["super_user"] | chosen["segment"].isin(["ambassador", "employee"])).to_numpy()
    base = rng.normal(4.05, 0.8, responses) + np.where(engaged, 0.5, 0) - np.where(affected, 1.2, 0)
    satisfaction = np.clip(np.round(base), 1, 5).astype(np.int64)
    recommend = np.clip(np.round(satisfaction * 2 - 0.5 + rng.normal(0.3, 1.3, responses)), 0, 10).astype(np.int64)
    belonging = np.clip(np.round(rng.normal(3.1, 0.9, responses) + np.where(engaged, 1.1, 0)), 1, 5).astype(np.int64)
    submitted = _random_times(rng, responses, pd.Timestamp("2026-09-14", tz=LOCAL_TZ), pd.Timestamp("2026-10-12", tz=LOCAL_TZ))
    language = chosen["language"].astype(str).to_numpy()
    comments = [texts.survey_comment(rng, int(s), lang) for s, lang in zip(satisfaction, language)]
    return pd.DataFrame({
        "response_id": [f"S{i:04d}" for i in range(1, responses + 1)],
        "member_id": chosen["member_id"],
        "submitted_at": _utc(submitted),
        "language": language,
        "satisfaction": satisfaction,
        "recommend": recommend,
        "belonging": belonging,
        "comment": comments,
    })


# Where each brand is mentioned: Velora's own places first, then the places where it has no account.
LISTENING_WEIGHTS = {
    "instagram": 0.22, "facebook": 0.14, "x": 0.11, "linkedin": 0.035, "tiktok": 0.09, "youtube": 0.05,
    "pinterest": 0.02, "forum": 0.03, "weibo": 0.025, "xiaohongshu": 0.02, "wechat": 0.01,
    "reddit": 0.10, "cycling_forums": 0.07, "quora": 0.03, "article_comments": 0.05,
}
# Competitors sell little in China and are rarely discussed on Velora's own forum.
RIVAL_DAMPING = {"weibo": 0.3, "xiaohongshu": 0.3, "wechat": 0.3, "forum": 0.3}


def make_listening(rng: np.random.Generator) -> pd.DataFrame:
    days = _days()
    base = {"Velora": 95, "Voltaro": 130, "Cityglide": 85, "Pedalia": 60}
    rows = []
    for brand, level in base.items():
        weights = {p: w * (1.0 if brand == "Velora" else RIVAL_DAMPING.get(p, 1.0)) for p, w in LISTENING_WEIGHTS.items()}
        total_weight = sum(weights.values())
        for platform in schema.LISTENING_PLATFORMS:
            share = weights[platform] / total_weight
            owned = platform not in schema.NO_ACCOUNT_PLACES
            lift = np.ones(len(days))
            negative_share = np.full(len(days), 0.12)
            positive_share = np.full(len(days), 0.35)
            if brand == "Velora":
                # the leaking seams are argued over on Reddit and the cycling forums even more than on Velora's pages
                lift[_in(days, CRISIS)] = 3.8 if owned else 5.0
                negative_share[_in(days, CRISIS)] = 0.55
                positive_share[_in(days, CRISIS)] = 0.12
                lift[_in(days, CAMPAIGN)] = 1.6 if owned else 1.2
                positive_share[_in(days, CAMPAIGN)] = 0.5
            mentions = rng.poisson(level * share * WEEKDAY_WEIGHTS[days.dayofweek] * lift * rng.lognormal(0, 0.2, len(days)))
            positive = rng.binomial(mentions, positive_share)
            negative = rng.binomial(mentions - positive, negative_share / (1 - positive_share))
            rows.append(pd.DataFrame({"date": days.tz_localize(None), "brand": brand, "platform": platform,
                                      "velora_has_account": owned,
                                      "mentions": mentions, "positive": positive, "negative": negative}))
    return pd.concat(rows, ignore_index=True).sort_values(["date", "brand", "platform"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- all together
def generate(seed: int = SEED, show_progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every table of the course data, in memory, exactly as shipped for the default seed."""
    rng = _streams(seed)
    members, activity = make_members(rng["members"])
    followers = make_followers(rng["followers"], members)
    posts = make_posts(rng["posts"], followers, rng["posts_china"])
    inbox = make_inbox(rng["inbox"], members, activity, show_progress=show_progress)
    threads, replies = make_forum(rng["forum"], members, activity)
    tables = {
        "members": members,
        "posts": posts,
        "followers": followers,
        "audience": make_audience(rng["audience"], followers, members),
        "inbox": inbox,
        "forum_threads": threads,
        "forum_replies": replies,
        "web_sessions": make_web_sessions(rng["web"]),
        "events": make_events(rng["events"]),
        "ab_test": make_ab_test(rng["ab_test"]),
        "survey": make_survey(rng["survey"], members, inbox),
        "listening": make_listening(rng["listening"]),
    }
    assert set(tables) == set(schema.TABLES)
    return tables


def generate_inbox(rows: int, seed: int = SEED, use_vader: bool = False, show_progress: bool = True) -> pd.DataFrame:
    """A larger inbox for benchmarks (labels from the intent unless ``use_vader``)."""
    rng = _streams(seed)
    members, activity = make_members(rng["members"], n=max(6000, rows // 40))
    total = int(rows / 1.035) + 1  # make_inbox adds the crisis wave on top
    inbox = make_inbox(rng["inbox"], members, activity, rows=total, use_vader=use_vader, show_progress=show_progress)
    inbox = inbox.iloc[:rows].reset_index(drop=True)
    for column in schema.TABLES["inbox"].columns:  # the same dtypes as load_inbox() gives
        if column.kind == "category":
            inbox[column.name] = pd.Categorical(inbox[column.name], categories=list(column.categories))
    return inbox


def to_csv_bytes(frame: pd.DataFrame, table: schema.Table) -> bytes:
    """Deterministic CSV: ISO-8601 UTC times with a Z, dates as YYYY-MM-DD, booleans as true/false."""
    out = pd.DataFrame(index=frame.index)
    for column in table.columns:
        values = frame[column.name]
        if column.kind == "datetime":
            out[column.name] = values.dt.strftime("%Y-%m-%dT%H:%M:%SZ").fillna("")
        elif column.kind == "date":
            out[column.name] = values.dt.strftime("%Y-%m-%d")
        elif column.kind == "bool":
            out[column.name] = np.where(values.to_numpy(dtype=bool), "true", "false")
        elif column.kind == "float":
            out[column.name] = values.map(f"{{:.{column.decimals}f}}".format)
        else:
            out[column.name] = values.astype(object).where(values.notna(), "")
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write(tables: dict[str, pd.DataFrame], folder: Path = DATA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = folder / schema.TABLES[name].file
        path.write_bytes(to_csv_bytes(frame, schema.TABLES[name]))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate Velora's community data.")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    for path in write(generate(args.seed, show_progress=True), args.out):
        print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
