"""The social inbox lab: triage rules, their score, and a unified-inbox view of the queue.

A learner writes **triage rules** in one of two forms:

* a **rule table** (a pandas DataFrame or a list of dicts), one rule a row, read top to bottom; the first
  rule that matches a message decides it. Columns:

  - ``name`` (optional): how errors and the score name the rule;
  - ``pattern`` (a regular expression, case ignored) and/or ``keywords`` (a list, or text separated by
    commas: any one of them found in the text matches); leave both empty for a catch-all last rule;
  - ``channel``, ``platform``, ``language``, ``sentiment`` (optional): the rule applies only to messages
    with that value (one value, or several separated by commas / in a list);
  - ``intent``: question, complaint, praise, suggestion, spam or abuse;
  - ``bad_content`` (optional, default: true for spam and abuse): content moderated under the community
    rules rather than answered. Criticism, however sharp, is *negative*, not bad;
  - ``priority``: ``urgent`` (a first reply within the one-hour target), ``today`` or ``later``;
  - ``route``: ``community`` (the community team), ``support``, ``pr`` or ``moderation``.

* a **function** ``triage(message) -> dict``: ``message`` is one message as a dict (``text``, ``channel``,
  ``platform``, ``language``, ``sentiment``, ...), and the dict it returns has the keys ``intent``,
  ``priority``, ``route`` and optionally ``bad_content``.

A message that no rule matches stays in the community team's shared queue with no intent and priority
``later``: that is what happens to an unsorted message in a real inbox.

:func:`score` compares the triage with the team's labels and gives one **score from 0 to 100**:

* **intent, 40 points**: accuracy per intent (the share of each intent's messages given that intent),
  averaged over the six intents so that rare spam counts as much as common praise; measured above the
  1 in 6 that putting everything under one intent gets;
* **urgency, 30 points**: *urgent messages* are complaints and questions whose sentiment is negative
  (an unhappy person waiting, whom the one-hour target is for). The part is the share of them marked
  ``urgent`` *minus* the share of the other messages marked ``urgent`` (false alarms), so marking
  everything urgent scores 0, like marking nothing;
* **routing, 30 points**: the share of messages sent to the right queue (questions and complaints to
  support, or complaints to PR; praise and suggestions to the community team; spam and abuse to
  moderation), averaged over those three kinds of message and measured above the 1 in 3 of sending all
  to one queue;
* **penalty**: bad content (spam, abuse) left in a queue that replies in public loses 10 points if it
  happens at all, and up to 90 more in proportion to how much of it got through. It must never happen.

The score is floored at 0. :func:`hidden_set` draws a separately generated, labelled inbox for grading.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from course.datasets import schema

__all__ = ["INTENTS", "PRIORITIES", "ROUTES", "RULE_COLUMNS", "TriageError", "InboxScore", "InboxView",
           "validate_rules", "apply_rules", "score", "urgent_mask", "expected_route", "hidden_set",
           "queue_counts", "waiting"]

INTENTS = ("question", "complaint", "praise", "suggestion", "spam", "abuse")
BAD_INTENTS = ("spam", "abuse")
PRIORITIES = ("urgent", "today", "later")
ROUTES = ("community", "support", "pr", "moderation")
PUBLIC_ROUTES = ("community", "support", "pr")
ROUTE_NAMES = {"community": "Community team", "support": "Support", "pr": "PR", "moderation": "Moderation"}
TARGET = pd.Timedelta("1h")
CONDITIONS = ("channel", "platform", "language", "sentiment")
RULE_COLUMNS = ("name", "pattern", "keywords", *CONDITIONS, "intent", "bad_content", "priority", "route")
OUTPUT = ("intent", "bad_content", "priority", "route")
# the usual spellings a learner may type for a route
_ROUTE_ALIASES = {"community team": "community", "community_team": "community", "team": "community",
                  "customer support": "support", "customer service": "support", "public relations": "pr",
                  "moderate": "moderation", "moderated": "moderation", "mod": "moderation"}
_POINTS = {"intent": 40, "urgency": 30, "routing": 30}
UNMATCHED = "(no rule)"
UNSORTED = "unsorted"  # the view's name for messages no rule gave an intent


class TriageError(ValueError):
    """Rules that cannot be applied; the message names the rule (or message) and the field."""


# --------------------------------------------------------------------------- validation
def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and pd.isna(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return isinstance(value, (list, tuple, set)) and not value


def _values(value: Any) -> tuple[str, ...]:
    """A condition as lower-case values: "dm, comment" and ["dm", "comment"] alike."""
    if _blank(value):
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(str(item).strip().lower() for item in items if str(item).strip())


def _label(value: Any, allowed: tuple[str, ...], where: str, what: str, aliases: Mapping[str, str] | None = None) -> str:
    if _blank(value):
        raise TriageError(f"{where}: '{what}' is empty; give one of {', '.join(allowed)}.")
    if not isinstance(value, str):
        raise TriageError(f"{where}: '{what}' should be text, one of {', '.join(allowed)}; it is {value!r}.")
    text = " ".join(value.strip().lower().split())
    text = (aliases or {}).get(text, text)
    if text not in allowed:
        raise TriageError(f"{where}: '{what}' is {value!r}, which is not one of {', '.join(allowed)}.")
    return text


def _flag(value: Any, intent: str, where: str) -> bool:
    if _blank(value):
        return intent in BAD_INTENTS
    if isinstance(value, bool):
        return value
    if type(value).__name__ == "bool_":  # numpy's bool in a DataFrame column
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "false", "no"):
        return value.strip().lower() in ("true", "yes")
    raise TriageError(f"{where}: 'bad_content' should be True or False; it is {value!r}.")


def _output(raw: Mapping[str, Any], where: str) -> dict:
    intent = _label(raw.get("intent"), INTENTS, where, "intent")
    out = {"intent": intent, "bad_content": _flag(raw.get("bad_content"), intent, where),
           "priority": _label(raw.get("priority"), PRIORITIES, where, "priority"),
           "route": _label(raw.get("route"), ROUTES, where, "route", _ROUTE_ALIASES)}
    if out["bad_content"] and out["route"] != "moderation":
        raise TriageError(f"{where}: it flags bad content but routes it to {out['route']!r}; bad content goes to "
                          f"'moderation', never to a queue that replies in public.")
    return out


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern | None
    conditions: dict
    output: dict


def _rows(rules: Any) -> list[dict]:
    if isinstance(rules, pd.DataFrame):
        return rules.to_dict("records")
    if isinstance(rules, (list, tuple)) and all(isinstance(r, Mapping) for r in rules):
        return [dict(r) for r in rules]
    raise TriageError("The rules should be a table (a DataFrame or a list of dicts, one rule each) or a function "
                      f"triage(message) -> dict; got a {type(rules).__name__}.")


def validate_rules(rules: Any) -> list[_Rule]:
    """Check a rule table and compile it; raise :class:`TriageError` naming the rule and the field."""
    rows = _rows(rules)
    if not rows:
        raise TriageError("The rule table is empty: write at least one rule.")
    compiled = []
    for number, row in enumerate(rows, start=1):
        name = str(row.get("name")) if not _blank(row.get("name")) else f"rule {number}"
        where = f"Rule {number}" + (f" ({name})" if name != f"rule {number}" else "")
        unknown = [column for column in row if column not in RULE_COLUMNS]
        if unknown:
            raise TriageError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}; a rule has "
                              f"{', '.join(RULE_COLUMNS)}.")
        parts = []
        if not _blank(row.get("pattern")):
            if not isinstance(row["pattern"], str):
                raise TriageError(f"{where}: 'pattern' should be text (a regular expression); it is {row['pattern']!r}.")
            try:
                re.compile(row["pattern"])
            except re.error as error:
                raise TriageError(f"{where}: 'pattern' {row['pattern']!r} is not a valid regular expression ({error}).") from None
            parts.append(f"(?:{row['pattern']})")
        keywords = _values(row.get("keywords"))
        if keywords:
            parts.append("|".join(re.escape(word) for word in keywords))
        conditions = {column: _values(row.get(column)) for column in CONDITIONS if _values(row.get(column))}
        if "sentiment" in conditions:
            wrong = set(conditions["sentiment"]) - set(schema.SENTIMENTS)
            if wrong:
                raise TriageError(f"{where}: 'sentiment' {', '.join(sorted(wrong))} is not one of {', '.join(schema.SENTIMENTS)}.")
        if "channel" in conditions:
            wrong = set(conditions["channel"]) - set(schema.CHANNELS)
            if wrong:
                raise TriageError(f"{where}: 'channel' {', '.join(sorted(wrong))} is not one of {', '.join(schema.CHANNELS)}.")
        regex = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        compiled.append(_Rule(name, regex, conditions, _output(row, where)))
    return compiled


# --------------------------------------------------------------------------- applying
def _message_dicts(messages: pd.DataFrame) -> list[dict]:
    columns = [c for c in ("message_id", "text", *CONDITIONS, "received_at") if c in messages.columns]
    frame = messages[columns].copy()
    for column in CONDITIONS:
        if column in frame:
            frame[column] = frame[column].astype(str)
    return frame.to_dict("records")


def _apply_table(compiled: list[_Rule], messages: pd.DataFrame) -> pd.DataFrame:
    """A rule table, applied a rule at a time to the messages no earlier rule took (first match wins)."""
    text = messages["text"].astype(str)
    open_ = pd.Series(True, index=messages.index)
    result = pd.DataFrame({"assigned_intent": pd.Series(None, index=messages.index, dtype=object),
                           "bad_content": False, "priority": "later", "route": "community", "rule": UNMATCHED},
                          index=messages.index)
    for rule in compiled:
        hit = open_.copy()
        for column, allowed in rule.conditions.items():
            if column not in messages:
                raise TriageError(f"Rule {rule.name!r} sets '{column}', but the messages have no {column!r} column.")
            hit &= messages[column].astype(str).str.lower().isin(allowed)
        if rule.regex is not None:
            hit &= text.map(rule.regex.search).notna()
        for key, value in rule.output.items():
            result.loc[hit, "assigned_intent" if key == "intent" else key] = value
        result.loc[hit, "rule"] = rule.name
        open_ &= ~hit
    result["bad_content"] = result["bad_content"].astype(bool)
    result["assigned_intent"] = result["assigned_intent"].astype(object).where(result["assigned_intent"].notna(), None)
    return pd.concat([messages, result], axis=1)


def apply_rules(rules: Any, messages: pd.DataFrame) -> pd.DataFrame:
    """The messages with the triage's columns added: ``assigned_intent``, ``bad_content``, ``priority``,
    ``route`` and ``rule`` (the rule that decided, or the function's name). The message columns are kept."""
    if "text" not in messages.columns:
        raise TriageError("apply_rules(): the messages need a 'text' column (use course.datasets.load_inbox()).")
    decided = []
    if callable(rules) and not isinstance(rules, pd.DataFrame):
        who = getattr(rules, "__name__", "triage")
        for message in _message_dicts(messages):
            where = f"{who}() on message {message.get('message_id', '?')}"
            try:
                raw = rules(dict(message))
            except Exception as error:  # the learner's function failed: say on which message
                raise TriageError(f"{where} raised {type(error).__name__}: {error}") from None
            if not isinstance(raw, Mapping):
                raise TriageError(f"{where} returned {type(raw).__name__}; return a dict with intent, priority and route.")
            decided.append({**_output(raw, where), "rule": who})
    else:
        return _apply_table(validate_rules(rules), messages)
    result = pd.DataFrame(decided, index=messages.index).rename(columns={"intent": "assigned_intent"})
    return pd.concat([messages, result], axis=1)


# --------------------------------------------------------------------------- what the labels say
def urgent_mask(labelled: pd.DataFrame) -> pd.Series:
    """Urgent messages, from the labels: complaints and questions whose sentiment is negative."""
    intent = labelled["intent"].astype(str)
    negative = labelled["sentiment"].astype(str) == "negative"
    return intent.isin(["complaint", "question"]) & negative


def expected_route(intent: pd.Series) -> pd.Series:
    """The kind of queue each labelled intent belongs in: support, community or moderation."""
    kinds = {"question": "support", "complaint": "support", "praise": "community", "suggestion": "community",
             "spam": "moderation", "abuse": "moderation"}
    return intent.astype(str).map(kinds)


@dataclass
class InboxScore:
    """What :func:`score` measured. ``overall`` is the 0-100 score; the rest says where it comes from."""

    overall: float
    intent_accuracy: pd.Series  # per intent, 0-1
    macro_accuracy: float
    urgent_caught: float  # share of urgent messages marked urgent
    false_alarms: float  # share of other messages marked urgent
    routing_accuracy: pd.Series  # per kind of queue, 0-1
    bad_total: int
    bad_public: int  # bad content left in a public queue
    criticism_moderated: int  # complaints sent to moderation: criticism silenced
    points: dict = field(default_factory=dict)
    triaged: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def table(self) -> pd.DataFrame:
        """The parts of the score, one row each."""
        rows = [("Intent (macro accuracy)", self.macro_accuracy, self.points["intent"], _POINTS["intent"]),
                ("Urgent messages marked urgent", self.urgent_caught, None, None),
                ("Other messages marked urgent (false alarms)", self.false_alarms, None, None),
                ("Urgency (caught minus false alarms)", self.urgent_caught - self.false_alarms,
                 self.points["urgency"], _POINTS["urgency"]),
                ("Routing (macro accuracy)", self.routing_accuracy.mean(), self.points["routing"], _POINTS["routing"]),
                ("Share of bad content left in a public queue", self.bad_public / max(self.bad_total, 1),
                 -self.points["penalty"], None),
                ("Overall", None, self.overall, 100)]
        return pd.DataFrame(rows, columns=["part", "measured", "points", "out of"]).set_index("part")

    def summary(self) -> str:
        leak = (f"{self.bad_public} of {self.bad_total} spam or abusive messages were left in a queue that replies in "
                f"public (-{self.points['penalty']:.0f} points)." if self.bad_public else
                "No spam or abuse was left in a public queue.")
        worst = self.intent_accuracy.idxmin()
        return (f"Score {self.overall:.0f} / 100. Intent accuracy {self.macro_accuracy:.0%} on average (weakest: "
                f"{worst}, {self.intent_accuracy[worst]:.0%}); {self.urgent_caught:.0%} of urgent messages marked "
                f"urgent, with {self.false_alarms:.0%} false alarms; routing {self.routing_accuracy.mean():.0%}. {leak}"
                + (f" {self.criticism_moderated} complaints were sent to moderation: criticism is answered, not "
                   f"moderated." if self.criticism_moderated else ""))

    def _repr_html_(self) -> str:
        return (f"<div class='cmw-inbox-score'><p><b>{html.escape(self.summary())}</b></p>"
                f"{self.table.to_html(formatters=_TABLE_FORMATS, na_rep='')}"
                f"{self.intent_accuracy.rename('accuracy').to_frame().T.to_html(float_format=lambda v: f'{v:.0%}')}</div>")

    def __repr__(self) -> str:
        return self.summary()


_TABLE_FORMATS = {"measured": lambda v: "" if pd.isna(v) else f"{v:.0%}",
                  "points": lambda v: f"{v:.1f}", "out of": lambda v: "" if pd.isna(v) else f"{v:.0f}"}


def _above_chance(value: float, chance: float) -> float:
    return max(0.0, (value - chance) / (1 - chance))


def score(rules: Any, labelled: pd.DataFrame) -> InboxScore:
    """Apply ``rules`` to ``labelled`` messages (with ``intent`` and ``sentiment``) and score them (see the module)."""
    for column in ("intent", "sentiment", "text"):
        if column not in labelled.columns:
            raise TriageError(f"score(): the labelled messages need an {column!r} column.")
    triaged = apply_rules(rules, labelled)
    truth = labelled["intent"].astype(str)
    assigned = triaged["assigned_intent"].astype(object)
    present = [i for i in INTENTS if (truth == i).any()]
    per_intent = pd.Series({i: float((assigned[truth == i] == i).mean()) for i in present}, name="accuracy")
    macro = float(per_intent.mean())
    urgent = urgent_mask(labelled)
    marked = triaged["priority"] == "urgent"
    caught = float(marked[urgent].mean()) if urgent.any() else 1.0
    alarms = float(marked[~urgent].mean()) if (~urgent).any() else 0.0
    kind = expected_route(truth)
    route = triaged["route"]
    right_queue = (route == kind) | ((kind == "support") & (truth == "complaint") & (route == "pr"))
    routing = pd.Series({k: float(right_queue[kind == k].mean()) for k in ("support", "community", "moderation")
                         if (kind == k).any()}, name="accuracy")
    bad = truth.isin(BAD_INTENTS)
    bad_public = int((bad & route.isin(PUBLIC_ROUTES)).sum())
    points = {"intent": _POINTS["intent"] * _above_chance(macro, 1 / len(present)),
              "urgency": _POINTS["urgency"] * max(0.0, caught - alarms),
              "routing": _POINTS["routing"] * _above_chance(float(routing.mean()), 1 / len(routing))}
    points["penalty"] = (10 + 90 * bad_public / int(bad.sum())) if bad_public else 0.0
    overall = max(0.0, points["intent"] + points["urgency"] + points["routing"] - points["penalty"])
    criticism = int(((truth == "complaint") & (route == "moderation")).sum())
    return InboxScore(round(overall, 1), per_intent, macro, caught, alarms, routing, int(bad.sum()), bad_public,
                      criticism, points, triaged)


# --------------------------------------------------------------------------- the hidden set
@functools.lru_cache(maxsize=4)
def _generated(rows: int, seed: int) -> pd.DataFrame:
    from course.datasets import generator

    return generator.generate_inbox(rows, seed=seed, show_progress=False)


def hidden_set(seed: int, rows: int = 3000) -> pd.DataFrame:
    """A labelled inbox generated afresh with ``seed`` (not the shipped inbox's), for grading triage rules.

    The same seed always gives the same messages. Returns a copy, so a caller cannot change the cache.
    """
    from course.datasets import generator

    if type(seed) is not int or seed < 0:
        raise TriageError(f"hidden_set(): the seed should be a whole number >= 0; got {seed!r}.")
    if seed == generator.SEED:
        raise TriageError("hidden_set(): that seed gives the shipped inbox, which learners practise on; use another.")
    if type(rows) is not int or not 100 <= rows <= 50_000:
        raise TriageError(f"hidden_set(): rows should be a whole number from 100 to 50,000; got {rows!r}.")
    return _generated(rows, seed).copy()


# --------------------------------------------------------------------------- the queue
def waiting(triaged: pd.DataFrame, now: Any) -> pd.DataFrame:
    """Messages in a public queue that have arrived by ``now`` and had no first reply by then, oldest first,
    with ``waiting_minutes``."""
    now = pd.Timestamp(now)
    now = now.tz_localize("UTC") if now.tzinfo is None else now.tz_convert("UTC")
    arrived = triaged["received_at"] <= now
    answered = triaged["first_response_at"].notna() & (triaged["first_response_at"] <= now) \
        if "first_response_at" in triaged else pd.Series(False, index=triaged.index)
    queue = triaged[arrived & ~answered & triaged["route"].isin(PUBLIC_ROUTES)].copy()
    queue["waiting_minutes"] = (now - queue["received_at"]).dt.total_seconds() / 60
    return queue.sort_values("received_at")


def queue_counts(triaged: pd.DataFrame) -> pd.DataFrame:
    """Messages per queue and priority (rows: queues in the course's order; columns: priorities)."""
    table = pd.crosstab(pd.Categorical(triaged["route"], categories=ROUTES),
                        pd.Categorical(triaged["priority"], categories=PRIORITIES), dropna=False)
    table.index.name, table.columns.name = "queue", "priority"
    return table


_PRIORITY_COLOURS = {"urgent": "#c62828", "today": "#8d6e00", "later": "#546e7a"}


def _tiles(triaged: pd.DataFrame, now: pd.Timestamp) -> str:
    counts = triaged["route"].value_counts()
    tiles = "".join(
        f"<div class='cmw-inbox-tile' data-queue='{q}' style='border:1px solid #ddd;border-radius:6px;padding:.4em .8em;"
        f"min-width:7em'><div style='font-size:85%;color:#555'>{ROUTE_NAMES[q]}</div>"
        f"<div class='cmw-inbox-count' style='font-size:140%;font-weight:bold'>{int(counts.get(q, 0))}</div></div>"
        for q in ROUTES)
    queue = waiting(triaged, now)
    if queue.empty:
        oldest = "<span class='cmw-inbox-oldest'>Nobody is waiting for a first reply.</span>"
    else:
        first = queue.iloc[0]
        minutes = float(first["waiting_minutes"])
        late = minutes > TARGET.total_seconds() / 60
        colour = "#c62828" if late else "#2e7d32"
        verdict = "over" if late else "within"
        oldest = (f"<span class='cmw-inbox-oldest' style='color:{colour}'>Oldest waiting: {html.escape(str(first.get('message_id', '')))}"
                  f" ({html.escape(str(first['assigned_intent'] or UNSORTED))}, {ROUTE_NAMES[first['route']]}), waiting "
                  f"{minutes:.0f} min: {verdict} the one-hour target. {len(queue)} waiting, "
                  f"{int((queue['waiting_minutes'] > 60).sum())} over the hour.</span>")
    return (f"<div style='display:flex;gap:.6em;flex-wrap:wrap'>{tiles}</div>"
            f"<div style='margin:.4em 0'>At {now:%d %b %Y %H:%M} UTC. {oldest}</div>")


def _rows_html(triaged: pd.DataFrame, limit: int) -> str:
    if triaged.empty:
        return "<div class='cmw-inbox-empty'>No message matches these filters.</div>"
    rows = []
    for _, m in triaged.sort_values("received_at", ascending=False).head(limit).iterrows():
        colour = _PRIORITY_COLOURS[m["priority"]]
        rows.append(
            f"<div class='cmw-inbox-message' style='border-bottom:1px solid #eee;padding:.3em 0'>"
            f"<span style='color:{colour};font-weight:bold'>{m['priority']}</span> · "
            f"<span class='cmw-inbox-route'>{ROUTE_NAMES[m['route']]}</span> · "
            f"{html.escape(str(m.get('assigned_intent') or UNSORTED))} · {html.escape(str(m.get('channel', '')))} on "
            f"{html.escape(str(m.get('platform', '')))} · {m['received_at']:%d %b %H:%M}<br>"
            f"<span style='color:#333'>{html.escape(str(m['text']))}</span></div>")
    more = f"<div style='color:#555'>Showing the newest {limit} of {len(triaged)}.</div>" if len(triaged) > limit else ""
    return f"<div style='max-height:32em;overflow-y:auto'>{''.join(rows)}</div>{more}"


class InboxView:
    """A unified inbox: the triaged messages, filtered by channel, intent and priority.

    ``triaged`` is what :func:`apply_rules` returns. ``now`` is the moment the inbox is looked at (default: the
    last arrival); messages that had no first reply by then are *waiting*. ``view.intent.value = "complaint"``
    does from code what the drop-down does. Display it by leaving ``view`` as the last line of a cell.
    """

    def __init__(self, triaged: pd.DataFrame, now: Any = None, limit: int = 25):
        import ipywidgets as widgets

        missing = [c for c in ("text", "received_at", "assigned_intent", "priority", "route") if c not in triaged]
        if missing:
            raise TriageError(f"InboxView(): give it what apply_rules() returns; missing {', '.join(missing)}.")
        self.triaged, self.limit = triaged, limit
        self.now = pd.Timestamp(now) if now is not None else triaged["received_at"].max()
        if self.now.tzinfo is None:
            self.now = self.now.tz_localize("UTC")

        def options(column, order):
            present = set(triaged[column].dropna().astype(str))
            unsorted = [UNSORTED] if triaged[column].isna().any() else []
            return ["all"] + [v for v in order if v in present] + unsorted

        self.channel = widgets.Dropdown(options=options("channel", schema.CHANNELS), value="all", description="Channel")
        self.intent = widgets.Dropdown(options=options("assigned_intent", INTENTS), value="all", description="Intent")
        self.priority = widgets.Dropdown(options=options("priority", PRIORITIES), value="all", description="Priority")
        self.header = widgets.HTML()
        self.messages = widgets.HTML()
        for control in (self.channel, self.intent, self.priority):
            control.observe(self._redraw, names="value")
        self.view = widgets.VBox([widgets.HBox([self.channel, self.intent, self.priority]), self.header, self.messages])
        self.view.add_class("cmw-inbox")
        self.header.add_class("cmw-inbox-header")
        self.messages.add_class("cmw-inbox-list")
        self._redraw()

    @property
    def shown(self) -> pd.DataFrame:
        """The messages the filters let through."""
        keep = pd.Series(True, index=self.triaged.index)
        for control, column in ((self.channel, "channel"), (self.intent, "assigned_intent"), (self.priority, "priority")):
            if control.value == UNSORTED:
                keep &= self.triaged[column].isna()
            elif control.value != "all":
                keep &= self.triaged[column].astype(str) == control.value
        return self.triaged[keep]

    def _redraw(self, change=None) -> None:
        shown = self.shown
        self.header.value = _tiles(shown, self.now)
        self.messages.value = _rows_html(shown, self.limit)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)
