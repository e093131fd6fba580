"""The loyalty lab: who carries Velora's forum, a recognition programme as rules, retention and welcomes.

    from course.interaction import loyalty
    loyalty.top_contributors()                    # the forum's top repliers, with referrals and the super-user flag
    loyalty.reply_shares()                        # the 90-9-1 check: replies written by the top 1%, next 9%, rest
    loyalty.inequality_chart()                    # the same as a chart: share of members vs share of replies
    programme = loyalty.run_programme({"min_accepted_answers": 10, "reward_per_month": 15,
                                       "disclosure": "Velora Crew member: I get gear from Velora"})
    programme.summary()                           # how many qualify, what it costs, who is left out
    loyalty.check_programme(rules)                # what to fix before launching (disclosure included)
    loyalty.cohort_retention()                    # monthly joining cohorts x months since joining
    loyalty.cohort_heatmap()                      # the same as a heatmap, cohort sizes on the axis
    loyalty.welcome_comparison()                  # newcomers answered within a week vs not, and who came back

Every function loads Velora's tables itself when none are given (``course.datasets``), so a lesson cell is
one line; pass your own tables to look at other data. Activity means a forum thread opened or a forum
reply written; only the data year (1 November 2025 to 31 October 2026) is counted. Staff (members of the
``employee`` segment and replies marked ``by_staff``) are left out of the community's figures: answering
is their job.

Cohort retention reuses :func:`course.metrics.retention_by_cohort`; the top contributors are ranked as
:func:`course.metrics.super_users` ranks them.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from typing import Any, Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course import metrics
from course.datasets import load_forum_replies, load_forum_threads, load_members, load_survey
from course.datasets.generator import END, START

__all__ = ["ProgrammeError", "RULES", "DISCLOSURE_WORDS", "community_replies", "top_contributors",
           "reply_shares", "inequality_chart", "check_programme", "run_programme", "Programme",
           "cohort_retention", "cohort_heatmap", "welcome_table", "welcome_comparison", "welcome_chart",
           "belonging_by_role"]

STAFF_SEGMENT = "employee"
# Words that tell a reader the post is rewarded: a disclosure must name the relationship, plainly.
DISCLOSURE_WORDS = ("ambassador", "sponsored", "partner", "paid", "gifted", "free", "reward", "#ad", "crew",
                    "discount", "commission")
SMALL_GROUP = 30  # below this many members, a share moves a lot with one person


class ProgrammeError(ValueError):
    """Programme rules that cannot be applied: an unknown rule, a value of the wrong kind, no criterion."""


# --------------------------------------------------------------------------- the tables
def _tables(members, replies, threads=None):
    members = load_members() if members is None else members
    replies = load_forum_replies() if replies is None else replies
    if threads is None:
        return members, replies
    return members, replies, (load_forum_threads() if isinstance(threads, bool) else threads)


def _in_year(table: pd.DataFrame, column: str = "created_at") -> pd.DataFrame:
    times = table[column]
    return table[(times >= START) & (times < END)]


def community_replies(members: pd.DataFrame | None = None, replies: pd.DataFrame | None = None) -> pd.DataFrame:
    """The data year's forum replies written by the community: staff replies and employees left out."""
    members, replies = _tables(members, replies)
    staff = set(members.loc[members["segment"].astype(str) == STAFF_SEGMENT, "member_id"])
    keep = _in_year(replies)
    return keep[~keep["by_staff"].to_numpy(dtype=bool) & ~keep["author_id"].isin(staff).to_numpy()]


def _community(members: pd.DataFrame) -> pd.DataFrame:
    return members[members["segment"].astype(str) != STAFF_SEGMENT]


def top_contributors(members: pd.DataFrame | None = None, replies: pd.DataFrame | None = None, *,
                     top: int = 15) -> pd.DataFrame:
    """The ``top`` community members by replies (then accepted answers), with handle, segment and referrals.

    ``flagged`` is the team's own super-user flag: a top contributor without it is doing the work without
    the recognition. Ranked as :func:`course.metrics.super_users` ranks (replies, accepted answers, id).
    """
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ValueError(f"top_contributors(): top={top!r} must be a whole number of at least 1.")
    members, replies = _tables(members, replies)
    people = _community(members)
    counted = community_replies(members, replies)
    repliers = counted["author_id"].nunique()
    table = metrics.super_users(people, counted, top_share=min(1.0, top / max(repliers, 1)))
    details = people.set_index("member_id")[["handle", "segment", "referrals", "joined_at"]]
    table = table.join(details, on="member_id")
    return table[["member_id", "handle", "segment", "replies", "accepted_answers", "referrals", "flagged",
                  "joined_at"]].head(top).reset_index(drop=True)


# --------------------------------------------------------------------------- participation inequality
TIER_NAMES = ("top 1%", "next 9%", "other 90%")


def reply_shares(members: pd.DataFrame | None = None, replies: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 90-9-1 check on the forum: what share of the community's replies the top 1%, the next 9% and
    the other 90% of community members wrote in the data year.

    Members are ranked by replies (ties in the order of the members table); the top 1% is 1% of *all*
    community members rounded up, the next 9% the following 9%. Columns: ``members``, ``share_of_members``,
    ``replies``, ``share_of_replies``.
    """
    members, replies = _tables(members, replies)
    people = _community(members)
    counted = community_replies(members, replies)
    per_member = counted["author_id"].value_counts().reindex(people["member_id"], fill_value=0).to_numpy()
    n = len(per_member)
    if n == 0:
        raise ValueError("reply_shares(): the members table has no community members.")
    ordered = -np.sort(-per_member, kind="stable")
    cut_1, cut_10 = math.ceil(n * 0.01), math.ceil(n * 0.10)
    groups = (ordered[:cut_1], ordered[cut_1:cut_10], ordered[cut_10:])
    total = max(int(per_member.sum()), 1)
    table = pd.DataFrame({
        "members": [len(g) for g in groups],
        "share_of_members": [len(g) / n for g in groups],
        "replies": [int(g.sum()) for g in groups],
        "share_of_replies": [g.sum() / total for g in groups],
    }, index=pd.Index(TIER_NAMES, name="group"))
    return table


def inequality_chart(shares: pd.DataFrame | None = None, *, axes=None):
    """Side-by-side bars: each group's share of the members and its share of the replies."""
    shares = reply_shares() if shares is None else shares
    missing = [c for c in ("share_of_members", "share_of_replies") if c not in shares.columns]
    if missing:
        raise ValueError(f"inequality_chart(): the table has no column {', '.join(map(repr, missing))}; "
                         f"give it the table reply_shares() returns.")
    if axes is None:
        _, axes = plt.subplots(figsize=(7.5, 4))
    x = np.arange(len(shares))
    for offset, column, colour, label in ((-0.2, "share_of_members", "#90a4ae", "share of members"),
                                          (0.2, "share_of_replies", "#1565c0", "share of replies")):
        values = shares[column].to_numpy() * 100
        bars = axes.bar(x + offset, values, width=0.4, color=colour, label=label)
        axes.bar_label(bars, labels=[f"{v:.0f}%" for v in values], padding=2)
    axes.set_xticks(x, shares.index)
    axes.set_ylabel("% of the community / of its replies")
    axes.set_ylim(0, 105)
    axes.set_title("Who writes the forum's replies (community only, Nov 2025 - Oct 2026)")
    axes.legend(frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return axes


# --------------------------------------------------------------------------- a programme as rules
# rule -> (kind, description). Criteria say which contribution qualifies (combined by ``match``); a gate must
# always hold, whatever ``match`` says; terms set the programme's conditions.
RULES: dict[str, tuple[str, str]] = {
    "min_replies": ("criterion", "replies written in the data year, at least"),
    "min_accepted_answers": ("criterion", "accepted answers in the data year, at least"),
    "min_referrals": ("criterion", "friends who bought through the member's referral code, at least"),
    "min_tenure_months": ("gate", "whole months since joining (on 31 October 2026), at least; always required"),
    "match": ("term", "'all' (every criterion must hold, the default) or 'any' (one is enough)"),
    "segments": ("term", "the segments that may join, e.g. ['customer', 'ambassador'] (default: all but employee)"),
    "reward_per_month": ("term", "what one member's reward costs Velora each month, in euros (0 for none)"),
    "disclosure": ("term", "the words a rewarded member adds to posts about Velora, e.g. 'Velora Crew ambassador'"),
}
SEGMENTS = ("customer", "prospect", "ambassador", "employee")


def _as_dict(rules: Any) -> dict:
    if isinstance(rules, pd.DataFrame):
        if not {"rule", "value"} <= set(rules.columns):
            raise ProgrammeError("A rules table needs the columns 'rule' and 'value', one row per rule; its "
                                 f"columns are {', '.join(map(repr, rules.columns))}.")
        names = list(rules["rule"])
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ProgrammeError(f"The rules table gives {', '.join(map(repr, repeated))} more than once: keep one row each.")
        return dict(zip(names, rules["value"]))
    if isinstance(rules, Mapping):
        return dict(rules)
    raise ProgrammeError(f"Give the rules as a dictionary (rule -> value) or a table with columns 'rule' and "
                         f"'value'; this is a {type(rules).__name__}.")


def _whole(value: Any) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _validated(rules: Any) -> dict:
    given = _as_dict(rules)
    for name in given:
        if name not in RULES:
            close = difflib.get_close_matches(str(name), RULES, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise ProgrammeError(f"{name!r} is not a programme rule.{hint} The rules are: {', '.join(RULES)}.")
    for name, value in given.items():
        if RULES[name][0] in ("criterion", "gate") and (not _whole(value) or value < 0):
            raise ProgrammeError(f"{name} must be a whole number of 0 or more ({RULES[name][1]}); it is {value!r}.")
    if not any(RULES[name][0] in ("criterion", "gate") for name in given):
        raise ProgrammeError("The rules hold no criterion, so everyone would qualify: give at least one of "
                             + ", ".join(n for n, (kind, _) in RULES.items() if kind in ("criterion", "gate")) + ".")
    match = given.get("match", "all")
    if match not in ("all", "any"):
        raise ProgrammeError(f"match must be 'all' or 'any'; it is {match!r}.")
    segments = given.get("segments", [s for s in SEGMENTS if s != STAFF_SEGMENT])
    if isinstance(segments, str):
        segments = [segments]
    if not isinstance(segments, (list, tuple, set)) or not segments:
        raise ProgrammeError(f"segments must be a list of segment names, e.g. ['customer', 'ambassador']; it is {segments!r}.")
    unknown = [s for s in segments if s not in SEGMENTS]
    if unknown:
        raise ProgrammeError(f"{', '.join(map(repr, unknown))} is not a segment; the segments are {', '.join(SEGMENTS)}.")
    reward = given.get("reward_per_month", 0)
    if isinstance(reward, (bool, np.bool_)) or not isinstance(reward, (int, float, np.integer, np.floating)) \
            or not math.isfinite(float(reward)) or reward < 0:
        raise ProgrammeError(f"reward_per_month must be an amount in euros of 0 or more; it is {reward!r}.")
    disclosure = given.get("disclosure", "")
    if not isinstance(disclosure, str):
        raise ProgrammeError(f"disclosure must be text in quotes (the words members add to rewarded posts); "
                             f"it is a {type(disclosure).__name__}.")
    return {**given, "match": match, "segments": list(segments), "reward_per_month": float(reward),
            "disclosure": disclosure.strip()}


def check_programme(rules: Any) -> pd.DataFrame:
    """What to fix before the programme is launched: one row per finding (``severity``, ``rule``, ``message``).

    ``must fix`` stops the launch: rules that cannot be applied, or a reward with no disclosure (members
    who post about Velora while rewarded must say so, or their praise misleads the people who read it).
    ``should fix`` is advice: a disclosure that does not name the relationship, staff in a community
    programme, a programme that counts only one kind of contribution. An empty table means ready.
    """
    findings = []
    try:
        valid = _validated(rules)
    except ProgrammeError as problem:
        return pd.DataFrame([{"severity": "must fix", "rule": "rules", "message": str(problem)}])
    disclosure = valid["disclosure"]
    if valid["reward_per_month"] > 0 and not disclosure:
        findings.append(("must fix", "disclosure", "Members are rewarded but the rules give no disclosure: a rewarded "
                         "member's post about Velora must say so, so that readers can weigh the praise."))
    elif disclosure and not any(word in disclosure.lower() for word in DISCLOSURE_WORDS):
        findings.append(("should fix", "disclosure", f"{disclosure!r} does not say plainly that the member is rewarded: "
                         "name the relationship (ambassador, gifted, sponsored, a discount ...)."))
    if STAFF_SEGMENT in valid["segments"]:
        findings.append(("should fix", "segments", "Employees are in the programme: their help is their job, and a "
                         "staff member's praise of Velora is no member's word. Recognise staff another way."))
    criteria = [n for n in valid if RULES.get(n, ("",))[0] == "criterion"]
    if criteria == ["min_referrals"]:
        findings.append(("should fix", "min_referrals", "Only referrals count: members who help others on the forum "
                         "without selling anything are left out. Consider accepted answers too (match='any')."))
    return pd.DataFrame(findings, columns=["severity", "rule", "message"])


@dataclass
class Programme:
    """A recognition or ambassador programme applied to the members table (see :func:`run_programme`)."""

    rules: dict
    candidates: pd.DataFrame  # every member in the programme's segments, with counts and a pass per criterion
    findings: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def qualified(self) -> pd.DataFrame:
        return self.candidates[self.candidates["qualifies"]].reset_index(drop=True)

    @property
    def count(self) -> int:
        return int(self.candidates["qualifies"].sum())

    @property
    def monthly_cost(self) -> float:
        return self.count * self.rules["reward_per_month"]

    @property
    def yearly_cost(self) -> float:
        return 12 * self.monthly_cost

    @property
    def left_out(self) -> pd.DataFrame:
        """Members who did the work but do not qualify: flagged super users, top-1% repliers, top referrers."""
        c = self.candidates
        top_cut = c["replies"].quantile(0.99) if len(c) else 0
        worked = c["super_user"] | (c["replies"] >= max(top_cut, 1)) | (c["referrals"] >= 10)
        out = c[worked & ~c["qualifies"]]
        return out.sort_values(["replies", "referrals"], ascending=False).reset_index(drop=True)

    def summary(self) -> pd.DataFrame:
        """The programme in one table: who qualifies, what it costs, whom it misses, and what to fix."""
        q = self.qualified
        must = int((self.findings["severity"] == "must fix").sum()) if len(self.findings) else 0
        rows = [
            ("members who qualify", self.count),
            ("of them flagged super users", int(q["super_user"].sum())),
            ("of them ambassadors", int((q["segment"].astype(str) == "ambassador").sum())),
            ("cost per month (EUR)", round(self.monthly_cost, 2)),
            ("cost per year (EUR)", round(self.yearly_cost, 2)),
            ("left out although they did the work", len(self.left_out)),
            ("problems to fix before launch", must),
        ]
        table = pd.DataFrame(rows, columns=["measure", "value"], dtype=object)
        return table.set_index("measure")


def run_programme(rules: Any, members: pd.DataFrame | None = None, replies: pd.DataFrame | None = None) -> Programme:
    """Apply programme ``rules`` (a dict, or a table with columns ``rule`` and ``value``) to the members.

    Raises :class:`ProgrammeError` naming the rule when a rule cannot be applied (see :data:`RULES`).
    The counts are the data year's community replies and accepted answers, the referrals column, and the
    tenure in whole months on 31 October 2026. The contribution criteria are combined by ``match``; the
    tenure is a gate that always applies (``match="any"`` with a tenure means: any contribution, and long
    enough in the community).
    """
    valid = _validated(rules)
    members, replies = _tables(members, replies)
    counted = community_replies(members, replies)
    people = members[members["segment"].astype(str).isin(valid["segments"])].copy()
    per = counted.groupby("author_id").agg(replies=("accepted", "size"), accepted_answers=("accepted", "sum"))
    per = per.reindex(people["member_id"], fill_value=0)
    people["replies"] = per["replies"].to_numpy(dtype=np.int64)
    people["accepted_answers"] = per["accepted_answers"].to_numpy(dtype=np.int64)
    as_of = END - pd.Timedelta(seconds=1)
    months = (as_of.year - people["joined_at"].dt.year) * 12 + (as_of.month - people["joined_at"].dt.month)
    people["tenure_months"] = months.clip(lower=0).astype(np.int64)
    column = {"min_replies": "replies", "min_accepted_answers": "accepted_answers", "min_referrals": "referrals",
              "min_tenure_months": "tenure_months"}
    passes, gates = [], []
    for name in RULES:
        if name in column and name in valid:
            people[f"passes_{name}"] = people[column[name]] >= valid[name]
            (gates if RULES[name][0] == "gate" else passes).append(f"passes_{name}")
    combine = np.all if valid["match"] == "all" else np.any
    contributed = combine(people[passes].to_numpy(), axis=1) if passes else np.ones(len(people), dtype=bool)
    people["qualifies"] = contributed & np.all(people[gates].to_numpy(), axis=1)
    passes += gates
    keep = ["member_id", "handle", "segment", "super_user", "replies", "accepted_answers", "referrals",
            "tenure_months", *passes, "qualifies"]
    return Programme(valid, people[keep].reset_index(drop=True), check_programme(rules))


# --------------------------------------------------------------------------- retention by joining cohort
def _activity(members, replies, threads) -> pd.DataFrame:
    staff = set(members.loc[members["segment"].astype(str) == STAFF_SEGMENT, "member_id"])
    acts = pd.concat([_in_year(replies)[["author_id", "created_at"]], _in_year(threads)[["author_id", "created_at"]]],
                     ignore_index=True)
    return acts[~acts["author_id"].isin(staff)]


def _newcomers(members: pd.DataFrame) -> pd.DataFrame:
    people = _community(members)
    return people[(people["joined_at"] >= START) & (people["joined_at"] < END)]


def cohort_retention(members: pd.DataFrame | None = None, replies: pd.DataFrame | None = None,
                     threads: pd.DataFrame | None = None, *, months: int = 12) -> pd.DataFrame:
    """Monthly joining cohorts of the data year and the share of each that was active k months after joining.

    Active: opened a forum thread or wrote a forum reply in that calendar month (month 0 is the joining
    month). Only members who joined in the data year are counted, because their whole history is in the
    data; staff are left out. Column ``members`` is each cohort's size, the denominator. Cells after the
    data's last month are empty. Built on :func:`course.metrics.retention_by_cohort` (UTC months).
    """
    members, replies, threads = _tables(members, replies, True if threads is None else threads)
    return metrics.retention_by_cohort(_newcomers(members), _activity(members, replies, threads), periods=months,
                                       time_col="created_at")


def cohort_heatmap(table: pd.DataFrame | None = None, *, axes=None):
    """Cohorts down, months since joining across, each cell the share active; cohort sizes on the axis."""
    table = cohort_retention() if table is None else table
    if "members" not in table.columns:
        raise ValueError("cohort_heatmap(): give it the table cohort_retention() returns (it needs 'members').")
    shares = table.drop(columns="members").to_numpy(dtype=float) * 100
    if axes is None:
        _, axes = plt.subplots(figsize=(1.0 * shares.shape[1] + 3, 0.45 * len(table) + 1.8))
    image = axes.imshow(np.ma.masked_invalid(shares), cmap="Blues", aspect="auto", vmin=0,
                        vmax=max(np.nanmax(shares) if np.isfinite(shares).any() else 1, 1))
    for (row, col), value in np.ndenumerate(shares):
        if np.isfinite(value):
            dark = value > 0.6 * image.norm.vmax
            axes.text(col, row, f"{value:.0f}%", ha="center", va="center", fontsize=8,
                      color="white" if dark else "#263238")
    axes.set_xticks(range(shares.shape[1]), [str(c) for c in table.columns if c != "members"])
    axes.set_yticks(range(len(table)), [f"{cohort}  ({size} joined)" for cohort, size in
                                        zip(table.index.astype(str), table["members"])])
    axes.set_xlabel("months since joining (0 = the month they joined)")
    axes.set_title("Share of each joining cohort active on the forum")
    axes.figure.colorbar(image, ax=axes, label="% of the cohort active", shrink=0.8)
    return axes


# --------------------------------------------------------------------------- welcomed in the first week
def welcome_table(members: pd.DataFrame | None = None, replies: pd.DataFrame | None = None,
                  threads: pd.DataFrame | None = None, *, within: str = "7D",
                  came_back: tuple[int, int] = (7, 90)) -> pd.DataFrame:
    """One row per newcomer who opened a thread: were they welcomed, and did they come back?

    * newcomer: a community member who joined in the data year and opened at least one thread;
    * **welcomed**: someone (staff or a member) replied to their first thread within ``within`` of it
      being opened (default seven days; any pandas duration such as ``"1h"`` or ``"24h"``);
    * **came back**: they opened a thread or wrote a reply between ``came_back[0]`` and ``came_back[1]``
      days after their first thread. Only newcomers whose first thread leaves that whole window inside the
      data are kept, so everybody had the same chance to come back.
    """
    members, replies, threads = _tables(members, replies, True if threads is None else threads)
    try:
        window = pd.Timedelta(within)
    except ValueError:
        raise ValueError(f"welcome_table(): within={within!r} is not a duration; write e.g. '7D', '24h' or '1h'.") from None
    low, high = came_back
    if not (_whole(low) and _whole(high) and 0 <= low < high):
        raise ValueError(f"welcome_table(): came_back={came_back!r} must be two whole numbers of days, first smaller.")
    new = _newcomers(members)[["member_id", "joined_at"]]
    own = _in_year(threads)
    first = own.sort_values("created_at", kind="stable").drop_duplicates("author_id")
    first = first.rename(columns={"author_id": "member_id", "created_at": "first_thread_at"})
    table = new.merge(first[["member_id", "first_thread_at", "first_answer_at", "first_answer_by"]], on="member_id")
    table = table[table["first_thread_at"] + pd.Timedelta(days=high) <= END].copy()
    waited = table["first_answer_at"] - table["first_thread_at"]
    table["welcomed"] = (waited <= window).fillna(False).astype(bool)
    acts = _activity(members, replies, threads).merge(table[["member_id", "first_thread_at"]],
                                                      left_on="author_id", right_on="member_id")
    since = acts["created_at"] - acts["first_thread_at"]
    back = acts.loc[(since > pd.Timedelta(days=low)) & (since <= pd.Timedelta(days=high)), "member_id"]
    table["came_back"] = table["member_id"].isin(set(back))
    return table.reset_index(drop=True)


def welcome_comparison(table: pd.DataFrame | None = None, **options) -> pd.DataFrame:
    """Welcomed newcomers against the others: how many, how many came back, the share, and a caution.

    ``table`` is :func:`welcome_table`'s (``options`` are passed to it when no table is given). The
    ``caution`` column says when a group is too small (under 30) for its share to mean much.
    """
    table = welcome_table(**options) if table is None else table
    groups = table.groupby("welcomed")["came_back"].agg(newcomers="size", came_back="sum")
    groups = groups.reindex([True, False], fill_value=0)
    groups.index = pd.Index(["welcomed", "not welcomed"], name="group")
    groups["share_came_back"] = groups["came_back"] / groups["newcomers"].where(groups["newcomers"] > 0)
    groups["caution"] = np.where(groups["newcomers"] < SMALL_GROUP,
                                 "too few to conclude: one member moves the share by "
                                 + (100 / groups["newcomers"].clip(lower=1)).round(0).astype(int).astype(str) + " points",
                                 "")
    return groups


def welcome_chart(comparison: pd.DataFrame | None = None, *, axes=None):
    """Two bars, the share of each group that came back, with the group's size written on it."""
    comparison = welcome_comparison() if comparison is None else comparison
    if axes is None:
        _, axes = plt.subplots(figsize=(6, 3.6))
    values = comparison["share_came_back"].fillna(0).to_numpy() * 100
    colours = ["#2e7d32", "#ef6c00"]
    bars = axes.bar(comparison.index, values, color=colours[:len(values)])
    axes.bar_label(bars, labels=[f"{v:.0f}% of {n}" for v, n in zip(values, comparison["newcomers"])], padding=2)
    axes.set_ylim(0, 110)
    axes.set_ylabel("% who came back")
    axes.set_title("Newcomers who came back, by whether their first thread was answered in time")
    axes.spines[["top", "right"]].set_visible(False)
    return axes


# --------------------------------------------------------------------------- belonging, from the survey
def belonging_by_role(members: pd.DataFrame | None = None, survey: pd.DataFrame | None = None) -> pd.DataFrame:
    """The survey's 'I feel part of the community' (1-5) by role: super users, ambassadors, other members."""
    members = load_members() if members is None else members
    survey = load_survey() if survey is None else survey
    joined = survey.merge(members[["member_id", "segment", "super_user"]], on="member_id")
    role = np.where(joined["super_user"], "super user",
                    np.where(joined["segment"].astype(str) == "ambassador", "ambassador",
                             np.where(joined["segment"].astype(str) == STAFF_SEGMENT, "staff", "other member")))
    joined = joined.assign(role=role)
    table = joined.groupby("role")["belonging"].agg(respondents="size", mean_belonging="mean")
    table["agree_4_or_5"] = joined.groupby("role")["belonging"].apply(lambda s: (s >= 4).mean())
    order = [r for r in ("super user", "ambassador", "other member", "staff") if r in table.index]
    return table.loc[order].round(2)
