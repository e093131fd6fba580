"""A response policy written as two tables instead of a function.

A learner who would rather not write Python describes the policy as data:

* ``replies``: what to do with each kind of post, as a pandas DataFrame with the columns
  ``kind``, ``action``, ``reply`` and optionally ``when``, or as a dict
  ``{kind: action}`` / ``{kind: (action, reply)}``. A reply may use ``{name}`` (the author,
  without the @). Several rows for the same kind and condition are variants of the reply: the
  course takes turns between them, so that no two people in a row get the same sentence. In a
  dict, give the variants as a list.
* ``moves``: the brand-wide moves and when to make them, ``{move: condition}``, tried in
  order, one move per step. Conditions are combined with ``and``: ``"at once"``, ``"never"``,
  ``"if brand at fault"``, ``"if brand not at fault"``, ``"if offending content"``,
  ``"if press or legal"``, ``"after statement"``, ``"after 30 minutes"``.

:func:`policy_from_table` checks both tables and turns them into an ordinary
``respond(state, post)`` function, graded exactly like one written by hand. A mistake is
reported with the row and what to change.
"""

from __future__ import annotations

import re
import string
from typing import Any, Callable

from course.crisis.model import ACTIONS, ONCE, PER_POST, PRIVATE_DETAILS
from course.crisis.scenario import POST_KINDS

ACTION_ALIASES = {"reply": "respond_individually", "answer": "respond_individually", "dm": "take_offline",
                  "offline": "take_offline", "hide": "moderate", "nothing": "stay_silent", "none": "stay_silent",
                  "ignore": "stay_silent"}
WHEN = {
    "always": lambda state, post: True,
    "before statement": lambda state, post: not state.statement_posted,
    "after statement": lambda state, post: state.statement_posted,
    "if brand at fault": lambda state, post: state.brand_at_fault >= 0.5,
    "if brand not at fault": lambda state, post: state.brand_at_fault < 0.5,
    "if private details": lambda state, post: post is not None and any(w in post.text.lower() for w in PRIVATE_DETAILS),
    "if offending content": lambda state, post: state.offending_content,
    "if press or legal": lambda state, post: state.press_or_legal or state.media_pickup,
    "at once": lambda state, post: True,
    "never": lambda state, post: False,
}
AFTER_MINUTES = re.compile(r"after (\d+) minutes?")
MOVE_DONE = {"acknowledge": "acknowledged", "apologise": "apologised", "post_statement": "statement_posted",
             "offer_remedy": "remedy_offered", "pull_content": "content_pulled", "escalate": "escalated"}
COLUMNS = ("kind", "action", "reply")


class TableError(ValueError):
    """A rule table that cannot become a policy; the message names the row and the problem."""


def _condition(text: Any, where: str) -> Callable:
    if not isinstance(text, str) or not text.strip():
        raise TableError(f"{where}: the condition should be text such as 'always' or 'after 30 minutes', not {text!r}")
    parts = []
    for part in (p.strip() for p in text.lower().split(" and ")):
        if part in WHEN:
            parts.append(WHEN[part])
        elif found := AFTER_MINUTES.fullmatch(part):
            minutes = int(found.group(1))
            parts.append(lambda state, post, m=minutes: state.minute >= m)
        else:
            raise TableError(f"{where}: {part!r} is not a condition; use {', '.join(map(repr, WHEN))} "
                             f"or 'after N minutes', joined with 'and'")
    return lambda state, post: all(p(state, post) for p in parts)


def _action(text: Any, where: str) -> str:
    if not isinstance(text, str):
        raise TableError(f"{where}: the action should be text in quotes such as 'reply', not {text!r}")
    action = ACTION_ALIASES.get(text.strip().lower(), text.strip().lower())
    if action not in ACTIONS:
        raise TableError(f"{where}: {text!r} is not an action; use 'reply', 'offline', 'moderate', 'escalate' "
                         f"or one of {', '.join(ACTIONS)}")
    if action in ONCE and action != "escalate":
        raise TableError(f"{where}: {action!r} is a brand-wide move: put it in the moves table, not next to a post")
    return action


def _reply(text: Any, action: str, where: str) -> str | None:
    if action != "respond_individually":
        if text not in (None, "", Ellipsis) and not (isinstance(text, float) and text != text):
            raise TableError(f"{where}: only a 'reply' row has a reply text; {action!r} sends none (leave it empty)")
        return None
    if text is Ellipsis:
        raise TableError(f"{where}: the reply is still ...; write the reply text in quotes")
    if not isinstance(text, str) or not text.strip():
        raise TableError(f"{where}: a 'reply' row needs a reply text in quotes")
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
    except ValueError as error:
        raise TableError(f"{where}: the reply text has a stray {{ or }} ({error}); use {{name}} for the author") from None
    unknown = [f for f in fields if f != "name"]
    if unknown:
        raise TableError(f"{where}: {{{unknown[0]}}} is not something the course can fill in; only {{name}} is")
    return text


def _reply_rows(replies: Any) -> list[tuple[str, str, str, Any]]:
    """(where, kind, when, action, reply) rows from a DataFrame or a dict."""
    rows = []
    if hasattr(replies, "to_dict") and hasattr(replies, "columns"):  # a pandas DataFrame
        columns = [str(c).strip().lower() for c in replies.columns]
        missing = [c for c in COLUMNS if c not in columns]
        if missing:
            raise TableError(f"the replies table needs the columns kind, action and reply (and optionally when); "
                             f"missing: {', '.join(missing)}")
        extra = [c for c in columns if c not in (*COLUMNS, "when")]
        if extra:
            raise TableError(f"the replies table has unknown columns: {', '.join(extra)}")
        for number, record in enumerate(replies.to_dict("records")):
            record = {str(k).strip().lower(): v for k, v in record.items()}
            when = record.get("when")
            when = "always" if when is None or (isinstance(when, float) and when != when) or when == "" else when
            rows.append((f"row {number} ({record['kind']!r})", record["kind"], when, record["action"], record["reply"]))
        return rows
    if isinstance(replies, dict):
        for kind, value in replies.items():
            where = f"the entry for {kind!r}"
            if isinstance(value, tuple) and len(value) == 2:
                action, texts = value
            else:
                action, texts = value, None
            for text in texts if isinstance(texts, list) else [texts]:
                rows.append((where, kind, "always", action, text))
        return rows
    raise TableError(f"the replies table should be a pandas DataFrame or a dict (post kind -> action), "
                     f"not a {type(replies).__name__}")


def policy_from_table(replies: Any, moves: dict | None = None) -> Callable:
    """Turn a replies table (and a moves table) into a ``respond(state, post)`` policy; see the module doc."""
    if replies is Ellipsis:
        raise TableError("the replies table is still ...; fill it in")
    rules: list[tuple[str, Callable, str, list[str | None]]] = []  # (kind, when, action, reply variants)
    index: dict[tuple[str, str, str], int] = {}
    for where, kind, when, action, text in _reply_rows(replies):
        if kind is Ellipsis or action is Ellipsis:
            raise TableError(f"{where}: still has a ...; fill in the kind and the action")
        if not isinstance(kind, str) or kind.strip().lower() not in POST_KINDS:
            raise TableError(f"{where}: {kind!r} is not a post kind; the kinds are {', '.join(POST_KINDS)}")
        kind = kind.strip().lower()
        action = _action(action, where)
        text = _reply(text, action, where)
        key = (kind, str(when).strip().lower(), action)
        if key in index and action == "respond_individually":
            rules[index[key]][3].append(text)
        else:
            index[key] = len(rules)
            rules.append((kind, _condition(when, where), action, [text]))
    plan = []
    for move, when in (moves or {}).items():
        where = f"the move {move!r}"
        if move not in MOVE_DONE:
            raise TableError(f"{where}: not a brand-wide move; the moves are {', '.join(MOVE_DONE)}")
        plan.append((move, _condition(when, where)))

    used = [0] * len(rules)  # how often each rule has replied in this run: variants take turns
    last_id = [0]

    def respond(state, post):
        if post is not None:
            if post.id <= last_id[0]:  # post ids only grow within a run: this is a new run
                used[:] = [0] * len(rules)
            last_id[0] = post.id
        if post is None:
            for move, when in plan:
                if not getattr(state, MOVE_DONE[move]) and when(state, None):
                    return move
            return None
        for number, (kind, when, action, texts) in enumerate(rules):
            if kind == post.kind and when(state, post):
                if action != "respond_individually":
                    return action
                text = texts[used[number] % len(texts)]
                used[number] += 1
                return action, text.replace("{name}", post.author.lstrip("@"))
        return None

    respond.table = (replies, moves)
    return respond


def as_policy(answer: Any) -> Callable:
    """A policy from what a learner gave: a function, or a replies table, or (replies, moves)."""
    if callable(answer) and not hasattr(answer, "columns"):
        return answer
    if isinstance(answer, tuple) and len(answer) == 2:
        return policy_from_table(*answer)
    return policy_from_table(answer)


__all__ = ["TableError", "policy_from_table", "as_policy", "PER_POST"]
