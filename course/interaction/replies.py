"""The reply-drafting lab: draft replies to a handful of Velora's messages, and get each one read back.

:func:`reply_messages` gives six real messages from the inbox, each from a member with a handle: an angry
complaint about a late order, a question, praise, a suggestion, a detractor ("Not recommending Velora to
anyone") and a second complaint. :func:`check_replies` reads the learner's drafts (message id -> reply)
and, for each, says in plain words what works and what to fix. A reply earns:

* **20 points** for being there at all (a real reply, not ``...``);
* **30 points** for addressing the person: their handle, with or without the ``@`` and the digits;
* **50 points** for the specific issue: at least one of the message's key terms (the order number, the
  product, the km figure, the part that broke ...; :func:`key_terms` lists them).

and loses:

* **30 points** for a canned phrase ("we apologise for any inconvenience", "your feedback is important to
  us" ...), which tells the reader nobody read their message;
* **40 points** for a near-duplicate: two replies that are the same template. We take the names, handles
  and numbers out of both and line the words up with Python's :mod:`difflib`; its ratio is the share of
  words that match in the same order (1.0 = the same text, 0 = nothing in common). From 0.6 up, they are
  one reply sent twice;
* **30 points** for an empty promise: "we will fix everything", or "soon" / "as soon as possible" with no
  date, time or next step ("today", "by Friday", "I've sent you a DM", "within 24 hours" ...);
* **50 points** for arguing or blaming the customer ("you should have", "read the manual", "calm down",
  "that's not true" ...). Angry or friendly, every customer is answered with respect.

Each reply scores 0-100; the overall score is their average. The checker reads for these signals only: it
cannot tell whether a reply is kind or true, so read your replies aloud too.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Any, Mapping

import pandas as pd

__all__ = ["REPLY_IDS", "SIMILAR", "ReplyError", "ReplyReport", "reply_messages", "key_terms", "similarity",
           "check_replies", "template"]

# six messages, each a different reader: angry complaint, question, praise, suggestion, detractor, complaint
REPLY_IDS = ("I0001041", "I0011042", "I0016581", "I0014508", "I0023725", "I0019555")
KINDS = {"I0001041": "angry complaint", "I0011042": "question", "I0016581": "praise", "I0014508": "suggestion",
         "I0023725": "detractor", "I0019555": "angry complaint"}
SIMILAR = 0.6
POINTS = {"written": 20, "person": 30, "issue": 50, "canned": -30, "duplicate": -40, "promise": -30, "arguing": -50}

# the things a message can be about, as a reply would name them
_TOPICS = ("battery", "range", "charger", "rear rack", "rack", "firmware", "display", "app", "courier",
           "delivery", "address", "tracking", "rain", "jacket", "helmet", "motor", "derailleur", "brake",
           "refund", "replacement", "repair", "velora city", "velora trail", "velora wear", "city", "trail")
_ORDER = re.compile(r"#?\bVL-?\d{6}\b", re.IGNORECASE)
_FIGURE = re.compile(r"\b\d[\d,.]*\s?(?:km|days?|weeks?|%)", re.IGNORECASE)

_CANNED = re.compile(
    r"any inconvenience|dear (?:valued )?customer|is (?:very )?important to us|we value your (?:feedback|business)|"
    r"thank you for your feedback|thanks for your feedback|thank you for contacting us|thank you for reaching out|"
    r"we appreciate your patience|please contact (?:our )?customer (?:service|support)|valued customer|"
    r"we are sorry to hear about your experience|sorry for the inconvenience", re.IGNORECASE)
_OVERPROMISE = re.compile(r"fix everything|everything will be (?:fine|perfect|fixed|sorted)|never happen again|"
                          r"solve all|sort(?:ed)? everything|100% guaranteed", re.IGNORECASE)
_VAGUE = re.compile(r"\bsoon\b|\basap\b|as soon as (?:possible|we can)|\bshortly\b|in due course|"
                    r"(?:looking|look|working) into it|get back to you",
                    re.IGNORECASE)
_NEXT_STEP = re.compile(
    r"\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this (?:morning|afternoon|"
    r"evening|week)|next week|within \d+|by \d|\d{1,2}[:.]\d{2}|\d+\s?(?:hours?|days?|minutes?|h)\b|dm|direct "
    r"message|private message|i(?:'ve| have) (?:sent|booked|asked|arranged|passed|opened|emailed|called)|"
    r"(?:we|i)(?:'ll| will) (?:call|email|send|ring|message)|call you|email you)\b", re.IGNORECASE)
_ARGUING = re.compile(
    r"your (?:own )?fault|you should(?: have|'ve)|if you had|you didn'?t|you did not|you failed to|as (?:we|i) "
    r"(?:said|stated|explained)|read the manual|calm down|that'?s not true|that is not true|you(?:'re| are) wrong|"
    r"user error|clearly you|actually,? you|(?:nobody|no one) else has|you must have|obviously you|not our fault|"
    r"not our problem|stop complaining|you people", re.IGNORECASE)


class ReplyError(ValueError):
    """Drafts that cannot be read; the message says which and why."""


def reply_messages() -> pd.DataFrame:
    """The six messages to reply to, with the author's ``handle``, the ``kind`` of reader and ``key_terms``."""
    from course.datasets import load, load_inbox

    inbox = load_inbox()
    picked = inbox[inbox["message_id"].isin(REPLY_IDS)].set_index("message_id").loc[list(REPLY_IDS)].reset_index()
    handles = load("members").set_index("member_id")["handle"]
    picked["handle"] = picked["author_id"].map(handles)
    picked["kind"] = picked["message_id"].map(KINDS)
    picked["key_terms"] = picked["text"].map(key_terms)
    return picked[["message_id", "kind", "handle", "channel", "platform", "received_at", "text", "key_terms"]]


def key_terms(text: str) -> list[str]:
    """What a reply should name to show it read this message: order numbers, figures and the things it is about."""
    found = [m.group(0).lstrip("#").upper() for m in _ORDER.finditer(text)]
    found += [m.group(0) for m in _FIGURE.finditer(text)]
    lowered = text.lower()
    for topic in _TOPICS:
        if re.search(rf"\b{re.escape(topic)}\b", lowered) and not any(topic in t.lower() for t in found):
            found.append(topic)
    return found


def _mentions(reply: str, term: str) -> bool:
    if _ORDER.fullmatch(term):  # VL356143, #VL356143 and VL-356143 are one order
        digits = re.sub(r"\D", "", term)
        return any(re.sub(r"\D", "", m.group(0)) == digits for m in _ORDER.finditer(reply))
    number = re.match(r"[\d,.]+", term)
    if number:  # "8,000 km" is named by 8000 or 8,000 (the unit may be left out)
        digits = re.sub(r"\D", "", number.group(0))
        return digits in re.sub(r"[,.](?=\d{3})", "", reply)
    return re.search(rf"\b{re.escape(term)}", reply, re.IGNORECASE) is not None


def _addresses(reply: str, handle: str) -> bool:
    if not isinstance(handle, str) or not handle:
        return False
    text = reply.lower()
    bare = re.sub(r"\d+$", "", handle.lower())
    return handle.lower() in text or (len(bare) >= 4 and re.search(rf"\b{re.escape(bare)}", text) is not None)


def template(reply: str, handle: str = "") -> str:
    """A reply with names, handles and numbers taken out: what two replies are compared on."""
    text = reply.lower()
    if handle:
        text = text.replace(handle.lower(), " ")
        bare = re.sub(r"\d+$", "", handle.lower())
        if len(bare) >= 4:
            text = text.replace(bare, " ")
    text = re.sub(r"@\w[\w.]*", " ", text)
    text = re.sub(r"#?vl-?\d+|\d[\d,.]*", " ", text)
    return " ".join(re.findall(r"[\w']+", text))


def similarity(first: str, second: str) -> float:
    """How alike two replies are, 0-1: the share of their words that line up in the same order (difflib)."""
    a, b = first.split(), second.split()
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass
class ReplyReport:
    """What :func:`check_replies` found: ``table`` (one row per reply) and ``overall`` (0-100)."""

    table: pd.DataFrame

    @property
    def overall(self) -> float:
        return round(float(self.table["points"].mean()), 1) if len(self.table) else 0.0

    def summary(self) -> str:
        written = int(self.table["written"].sum())
        return f"Replies score {self.overall:.0f} / 100 on average ({written} of {len(self.table)} written)."

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<div class='cmw-reply' style='border-left:4px solid {'#2e7d32' if r.points >= 80 else '#c62828'};"
            f"padding:.3em .7em;margin:.4em 0'><b>{html.escape(r.message_id)}</b> ({html.escape(r.kind)}, "
            f"@{html.escape(str(r.handle))}): <b>{r.points:.0f}</b> / 100<br>{html.escape(r.feedback)}</div>"
            for r in self.table.itertuples())
        return f"<div class='cmw-replies'><p><b>{html.escape(self.summary())}</b></p>{rows}</div>"

    def __repr__(self) -> str:
        lines = [self.summary()]
        lines += [f"- {r.message_id} ({r.kind}): {r.points:.0f}. {r.feedback}" for r in self.table.itertuples()]
        return "\n".join(lines)


def _is_blank(reply: Any) -> bool:
    return reply is Ellipsis or reply is None or (isinstance(reply, str) and not reply.strip())


def check_replies(replies: Mapping[str, Any], messages: pd.DataFrame | None = None) -> ReplyReport:
    """Read each draft against its message (see the module for what earns and loses points).

    ``replies`` maps a message id to the reply text (``...`` or ``""`` for one not written yet). ``messages``
    defaults to :func:`reply_messages`; another table needs ``message_id``, ``text`` and ``handle``.
    """
    if not isinstance(replies, Mapping) or any(type(k) is not str for k in replies):
        raise ReplyError(f"Give the replies as a dictionary (message id in quotes -> reply text); got a {type(replies).__name__}.")
    messages = reply_messages() if messages is None else messages
    known = list(messages["message_id"])
    unknown = [k for k in replies if k not in known]
    if unknown:
        raise ReplyError(f"No message with the id {', '.join(map(repr, unknown))}; the ids are {', '.join(known)}.")
    for key, reply in replies.items():
        if not _is_blank(reply) and type(reply) is not str:
            raise ReplyError(f"The reply to {key} should be text in quotes; it is a {type(reply).__name__}.")
    rows = []
    by_id = messages.set_index("message_id")
    shapes = {k: template(r, by_id.loc[k, "handle"] or "") for k, r in replies.items() if not _is_blank(r)}
    for message_id in known:
        message = by_id.loc[message_id]
        reply = replies.get(message_id, ...)
        terms = message["key_terms"] if "key_terms" in message and isinstance(message["key_terms"], list) \
            else key_terms(message["text"])
        row = {"message_id": message_id, "kind": message.get("kind", ""), "handle": message["handle"],
               "written": not _is_blank(reply)}
        if not row["written"]:
            rows.append({**row, **dict.fromkeys(("person", "issue", "canned", "duplicate", "promise", "arguing"), False),
                         "similar_to": None, "similarity": 0.0, "points": 0.0,
                         "feedback": "Not written yet: replace the ... with your reply."})
            continue
        others = {k: similarity(shapes[message_id], s) for k, s in shapes.items() if k != message_id}
        twin, alike = max(others.items(), key=lambda kv: kv[1], default=(None, 0.0))
        named = [t for t in terms if _mentions(reply, t)]
        canned = [m.group(0) for m in _CANNED.finditer(reply)]
        promise = _OVERPROMISE.search(reply) or (None if _NEXT_STEP.search(reply) else _VAGUE.search(reply))
        arguing = [m.group(0) for m in _ARGUING.finditer(reply)]
        checks = {"person": _addresses(reply, message["handle"]), "issue": bool(named), "canned": bool(canned),
                  "duplicate": alike >= SIMILAR, "promise": bool(promise), "arguing": bool(arguing)}
        points = POINTS["written"] + sum(POINTS[k] for k, hit in checks.items() if hit)
        notes = []
        notes.append(f"You greet them by name (@{message['handle']})." if checks["person"] else
                     f"Say who you are talking to: the message is from @{message['handle']}.")
        notes.append(f"You name their issue ({', '.join(named)})." if checks["issue"] else
                     "Show you read their message: name what it is about (for example "
                     f"{', '.join(terms[:3]) or 'what they wrote about'}).")
        if canned:
            notes.append(f"'{canned[0]}' is a stock phrase: say it the way you would to this person.")
        if checks["duplicate"]:
            notes.append(f"It reads like your reply to {twin} with the names changed ({alike:.0%} of the words line "
                         f"up): each person deserves their own answer.")
        if promise:
            notes.append(f"'{promise.group(0)}' promises without a date or a next step, or more than anyone can keep: "
                         f"say what happens next and when.")
        if arguing:
            notes.append(f"'{arguing[0]}' argues with or blames the customer: acknowledge, don't defend.")
        rows.append({**row, **checks, "similar_to": twin if checks["duplicate"] else None, "similarity": round(alike, 2),
                     "points": float(max(0, min(100, points))), "feedback": " ".join(notes)})
    return ReplyReport(pd.DataFrame(rows))
