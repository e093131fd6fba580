"""Write ``docs/data-dictionary.md`` from the schema, with figures measured on the shipped data.

Run ``python -m course datadict``; the tests check the committed file is up to date.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from course.datasets import load
from course.datasets.schema import TABLES
from course.syllabus import REPO_ROOT

DOC = REPO_ROOT / "docs" / "data-dictionary.md"

KIND_NAMES = {"id": "identifier", "int": "integer", "float": "number", "bool": "true/false", "text": "text",
              "category": "category", "datetime": "date-time (UTC)", "date": "date"}


def _measured(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """A few headline figures per table, computed from the data so the documentation cannot drift."""
    from course import metrics

    posts, inbox, replies = tables["posts"], tables["inbox"], tables["forum_replies"]
    members, listening = tables["members"], tables["listening"]
    er = metrics.engagement_rate(posts, by="reach", group="platform")
    complaints = inbox[inbox["intent"] == "complaint"]
    stats = metrics.response_time_stats(complaints, target="1h")
    crisis = inbox["received_at"].between("2026-03-16", "2026-03-23", inclusive="left")
    tiers = metrics.participation_tiers(members, replies)
    share = metrics.share_of_voice(listening, brand="Velora")
    velora = listening[listening["brand"] == "Velora"]
    elsewhere = unowned_share(velora)
    elsewhere_crisis = unowned_share(velora[velora["date"].between("2026-03-16", "2026-03-22")])
    chinese = (inbox.loc[inbox["language"] == "zh", "platform"].astype(str).value_counts(normalize=True))
    audience = tables["audience"]
    shares = audience.pivot_table(index="platform", columns="value", values="share", observed=True)
    under_25 = (shares["13-17"] + shares["18-24"]).sort_values(ascending=False)
    return {
        "audience": [f"followers under 25, per platform: " + ", ".join(f"{p} {v:.0%}" for p, v in under_25.items()),
                     f"followers in Italy, per platform: "
                     + ", ".join(f"{p} {v:.0%}" for p, v in shares["IT"].sort_values(ascending=False).items())],
        "posts": [f"engagement rate by reach, per platform: "
                  + ", ".join(f"{p} {v:.1%}" for p, v in er.sort_values(ascending=False).items()),
                  f"reach: median {posts['reach'].median():,.0f}, 99th percentile {posts['reach'].quantile(0.99):,.0f}, "
                  f"largest {posts['reach'].max():,}"],
        "inbox": [f"{len(inbox):,} messages; complaints: median first reply {stats['median_minutes']:.0f} min, "
                  f"90th percentile {stats['p90_minutes']:.0f} min, {stats['within_target_share']:.0%} answered within the hour",
                  f"net sentiment {metrics.net_sentiment(inbox[~crisis]):+.2f} outside the crisis week, "
                  f"{metrics.net_sentiment(inbox[crisis]):+.2f} during it",
                  "Chinese-language messages by platform: "
                  + ", ".join(f"{p} {v:.0%}" for p, v in chinese.items())],
        "forum_replies": ["share of members per tier (lurkers / contributors / heavy): "
                          + " / ".join(f"{v:.1%}" for v in tiers["share"])],
        "listening": [f"Velora's share of voice over the year: {share:.1%}",
                      f"share of Velora's mentions in places where it has no account (Reddit, independent cycling "
                      f"forums, Quora, article comments): {elsewhere:.1%} over the year, {elsewhere_crisis:.1%} in the crisis week"],
        "members": [f"{len(members):,} members; {int(members['super_user'].sum())} super users; "
                    f"{int((members['referrals'] >= 10).sum())} members referred ten friends or more"],
    }


def unowned_share(mentions: pd.DataFrame) -> float:
    """Share of the mentions (listening rows) that are in places where Velora has no account."""
    return float(mentions.loc[~mentions["velora_has_account"], "mentions"].sum() / mentions["mentions"].sum())


# Tables the labs ship beside the generated data: (file, what it holds, the page that documents it).
LAB_TABLES = (
    ("course/social/platforms.yaml", "each platform's audience, formats, tone, longest video and benchmark "
     "engagement rates, every figure with its source and date (lesson 3.1's fact sheet)", "platform-fact-sheet.md"),
    ("course/social/limits.py", "each platform's text, hashtag and link limits and its alt-text support, with "
     "sources (the fact sheet and lesson 3.3's draft validator)", "platform-fact-sheet.md"),
    ("course/social/profiles.csv", "Velora's and two competitors' profiles on six platforms on the audit day "
     "(lesson 3.2's profile audit)", "profile-audit.md"),
)


def render() -> str:
    tables = {name: load(name) for name in TABLES}
    measured = _measured(tables)
    lines = [
        "# Data dictionary: Velora's community data",
        "",
        "Velora is the fictional e-bike and cycling-gear brand of this course (Turin, Italy; riders in Europe, North",
        "America and China). Its data covers **1 November 2025 to 31 October 2026**, with a crisis week (16-22 March",
        "2026: Velora Wear rain jackets whose seams leak) and the #FirstRideVelora user-generated-content campaign",
        "(4 May - 28 June 2026). All of it is synthetic, made by a seeded generator",
        "(`python -m course.datasets.generator`), and shipped inside the package in `course/data/`.",
        "The assessments grade triage rules on other inboxes drawn from the same generator with seeds that only the",
        "graders hold (`course.interaction.inbox.hidden_set`, which refuses the shipped inbox's seed): the same kinds",
        "of message with the same columns, but none of the shipped messages.",
        "",
        "Load a table with `course.datasets.load(name)` or `load_<name>()`; pass a path to check and load your own",
        "export with the same columns. Times are UTC; `date` columns are calendar days in Europe/Rome.",
        "",
        "This file is generated by `python -m course datadict`; the *measured* lines are computed from the shipped data.",
        "",
    ]
    for name, table in TABLES.items():
        frame = tables[name]
        lines += [f"## `{name}` — {table.description}", "", f"File `course/data/{table.file}`: {len(frame):,} rows.", "",
                  "| column | type | meaning |", "|---|---|---|"]
        for column in table.columns:
            kind = KIND_NAMES[column.kind]
            if column.categories:
                kind += ": " + ", ".join(f"`{c}`" for c in column.categories)
            if column.nullable:
                kind += " (may be empty)"
            lines.append(f"| `{column.name}` | {kind} | {column.description} |")
        if table.calibration:
            lines += ["", "**Calibration** (what the generator reproduces, and where the pattern comes from):", ""]
            lines += [f"- {note}" for note in table.calibration]
        if name in measured:
            lines += ["", "**Measured in the shipped data:**", ""]
            lines += [f"- {note}" for note in measured[name]]
        lines.append("")
    lines += ["## Reference tables of the labs", "",
              "Hand-written, not generated, and kept apart from `course/data/`; each is documented where it is used:", "",
              "| table | what it holds | documented in |", "|---|---|---|"]
    lines += [f"| `{file}` | {what} | [{doc}]({doc}) |" for file, what, doc in LAB_TABLES]
    lines.append("")
    return "\n".join(lines)


def write(path: Path = DOC) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path
