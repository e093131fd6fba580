"""The community guidelines builder: your rules, written down, checked and published.

Every community needs house rules that members can read at any time, that the team applies the same way,
and that say what happens when something goes wrong. You write the parts as plain Python values (text,
lists and small dictionaries); the builder turns them into a page people can read::

    from course.strategy.guidelines import build_guidelines, check_guidelines

    guides = build_guidelines(
        community="Velora Riders",
        purpose="A friendly place where riders help each other get more out of their e-bikes.",
        rules=[{"rule": "Be kind, even when you disagree.",
                "ok": "I think the Trail's range is overrated, and here is my log.",
                "not_ok": "Only an idiot would buy this bike."}],
        sanctions=[{"when": "A first breach", "action": "A private reminder of the rule"},
                   {"when": "A second breach within 90 days", "action": "The post is hidden and a 7-day pause"},
                   {"when": "Threats, hate or doxxing, at once", "action": "A permanent ban"}],
        escalation=[{"when": "A safety risk (fire, injury, a faulty brake)", "who": "Quality team lead",
                     "within": "1 hour"}],
        published_at=["Pinned post on the forum", "Link in the welcome email"],
        shared_with_team=["Community team", "Support agents", "Velora Crew moderators"],
        review_by="2026-12-01",
    )
    check_guidelines(guides)    # what is still missing, by name
    guides                      # in a notebook: the page itself
    guides.markdown             # the same page as Markdown text
    guides.save("my_work")      # writes community-guidelines.html and .md into that folder

Which parts every set of guidelines needs (:data:`PARTS`): a **purpose**, **rules** that each come with an
example of what is OK and what is not, graduated **sanctions** (at least two steps, from mild to
severe), an **escalation path** in which every step names an owner and a time, **where the guidelines are
published** for members, **who on the team has them**, and a **review date** so they are kept up to date.

A part left out, empty or still ``...`` is *missing*: :func:`check_guidelines` names it. A value of the
wrong kind (a number where text belongs, a misspelt key) is *bad input*: :func:`build_guidelines` raises a
:class:`GuidelinesError` that lists every such problem and where it is ("rules, item 2: ...").

Everything you write is treated as text, never as code or markup: in the HTML page it is escaped, so
``<script>`` shows as the characters ``<script>`` and never runs, and the saved page forbids scripts.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Sequence

from jinja2 import Environment, StrictUndefined

__all__ = [
    "PARTS",
    "Rule",
    "Sanction",
    "EscalationStep",
    "Guidelines",
    "GuidelinesCheck",
    "GuidelinesError",
    "build_guidelines",
    "check_guidelines",
]

# The parts every set of guidelines needs, in the order they appear on the page and in a check.
PARTS = (
    "purpose",
    "rules with examples",
    "sanctions",
    "escalation path",
    "where published",
    "shared with the team",
    "review date",
)


# A time an escalation step can be held to: "30 minutes", "1 hour", "2 working days", "immediately", "same day".
_TIME = re.compile(
    r"\b(\d+(\.\d+)?\s*(min(ute)?s?|h(ou)?rs?|hours?|h|(working |business )?days?|weeks?)|immediately|"
    r"at once|straight away|same (working |business )?day|next (working |business )?day|within the hour)\b",
    re.IGNORECASE,
)


class GuidelinesError(ValueError):
    """Raised by :func:`build_guidelines` for bad input; ``problems`` lists each one with where it is."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"The guidelines cannot be built yet ({len(self.problems)} "
                         f"problem{'s' if len(self.problems) != 1 else ''}):\n{lines}")

    # IPython calls this instead of printing a traceback: a learner sees the list of problems only.
    def _render_traceback_(self) -> list[str]:
        first, *rest = str(self).splitlines()
        return [f"\x1b[1;31m❌ {first}\x1b[0m", *(f"   {line}" for line in rest)]


@dataclass(frozen=True)
class Rule:
    """One house rule, with an example of what is OK and one of what is not."""

    rule: str
    ok: str = ""
    not_ok: str = ""


@dataclass(frozen=True)
class Sanction:
    """One step of the sanctions: ``when`` it applies and the ``action`` taken."""

    when: str
    action: str = ""


@dataclass(frozen=True)
class EscalationStep:
    """One step of the escalation path: ``when`` (which issue), ``who`` is told (the owner) and ``within`` how long."""

    when: str
    who: str = ""
    within: str = ""


# The keys a learner writes in each dictionary: the fields of the record it becomes.
RULE_KEYS = tuple(f.name for f in fields(Rule))
SANCTION_KEYS = tuple(f.name for f in fields(Sanction))
ESCALATION_KEYS = tuple(f.name for f in fields(EscalationStep))


@dataclass(frozen=True)
class Guidelines:
    """A built set of guidelines. Shows itself as the page in a notebook; ``markdown`` and ``html`` hold the text."""

    community: str
    purpose: str
    rules: tuple[Rule, ...]
    sanctions: tuple[Sanction, ...]
    escalation: tuple[EscalationStep, ...]
    published_at: tuple[str, ...]
    shared_with_team: tuple[str, ...]
    review_by: dt.date | None

    @property
    def html(self) -> str:
        """The page as an HTML fragment (an ``<article>``), every piece of your text escaped."""
        return _ENV.from_string(_ARTICLE).render(g=self, missing=_MISSING)

    @property
    def markdown(self) -> str:
        """The page as Markdown. Your text is kept as written, except that ``<``, ``>`` and ``&`` are escaped."""
        return _markdown(self)

    def page(self) -> str:
        """A complete HTML document for a browser; its security policy lets no script run."""
        return _ENV.from_string(_PAGE).render(title=self.title, article=self.html)

    @property
    def title(self) -> str:
        return f"{self.community or 'Our community'}: community guidelines"

    def save(self, folder: str | Path = ".", name: str = "community-guidelines") -> list[Path]:
        """Write ``<name>.html`` and ``<name>.md`` into ``folder`` (created if needed); returns the two paths.

        ``name`` is a file name without a folder or an extension, e.g. ``"velora-riders-guidelines"``.
        """
        if type(name) is not str or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]{0,80}", name):
            raise GuidelinesError([f"name: {name!r} is not a plain file name; use letters, digits, '-' and '_', "
                                   "with no folder and no extension, e.g. 'velora-riders-guidelines'"])
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        html_path, md_path = target / f"{name}.html", target / f"{name}.md"
        html_path.write_text(self.page(), encoding="utf-8")
        md_path.write_text(self.markdown, encoding="utf-8")
        return [html_path, md_path]

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.markdown


@dataclass(frozen=True)
class GuidelinesCheck:
    """What :func:`check_guidelines` found: ``problems`` as ``(part, message)`` pairs; ``missing`` the parts' names."""

    problems: tuple[tuple[str, str], ...]

    @property
    def missing(self) -> list[str]:
        """The names of the parts that are missing or incomplete, in the order of :data:`PARTS`."""
        found = {part for part, _ in self.problems}
        return [part for part in PARTS if part in found]

    @property
    def complete(self) -> bool:
        return not self.problems

    def __bool__(self) -> bool:
        return self.complete

    def __repr__(self) -> str:
        if self.complete:
            return "✅ Complete: every part the guidelines need is there."
        lines = [f"❌ Still missing or incomplete: {', '.join(self.missing)}"]
        lines += [f"   - {part}: {message}" for part, message in self.problems]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return _ENV.from_string(_CHECK).render(check=self)


# --------------------------------------------------------------------------- building
def build_guidelines(
    community: str = "",
    purpose: Any = "",
    rules: Any = (),
    sanctions: Any = (),
    escalation: Any = (),
    published_at: Any = (),
    shared_with_team: Any = (),
    review_by: Any = None,
) -> Guidelines:
    """Put the parts of your guidelines together into a :class:`Guidelines` page.

    * ``community``: the community's name, e.g. ``"Velora Riders"``.
    * ``purpose``: one or two sentences on what the community is for.
    * ``rules``: a list of dictionaries ``{"rule": ..., "ok": ..., "not_ok": ...}``: the rule, an example of
      a post that is fine, and one that breaks it.
    * ``sanctions``: a list of ``{"when": ..., "action": ...}``, mildest first.
    * ``escalation``: a list of ``{"when": ..., "who": ..., "within": ...}``: which issue, who is told, how
      soon (``"1 hour"``, ``"same day"``, ``"immediately"``).
    * ``published_at``: where members find the guidelines (a list of places, or one text).
    * ``shared_with_team``: who on the team has them (a list, or one text).
    * ``review_by``: when they are next reviewed: ``"2026-12-01"`` or a ``datetime.date``.

    Parts may be left empty or as ``...`` while you draft; :func:`check_guidelines` names what is missing.
    Values of the wrong kind raise a :class:`GuidelinesError` listing each problem and where it is.
    """
    problems: list[str] = []
    built = Guidelines(
        community=_text(community, "community", problems),
        purpose=_text(purpose, "purpose", problems),
        rules=tuple(Rule(**item) for item in _records(rules, "rules", RULE_KEYS, "rule", problems)),
        sanctions=tuple(Sanction(**item) for item in _records(sanctions, "sanctions", SANCTION_KEYS, "when", problems)),
        escalation=tuple(EscalationStep(**item)
                         for item in _records(escalation, "escalation", ESCALATION_KEYS, "when", problems)),
        published_at=_texts(published_at, "published_at", problems),
        shared_with_team=_texts(shared_with_team, "shared_with_team", problems),
        review_by=_date(review_by, "review_by", problems),
    )
    if problems:
        raise GuidelinesError(problems)
    return built


def _blank(value: Any) -> bool:
    return value is Ellipsis or value is None


def _text(value: Any, where: str, problems: list[str]) -> str:
    if _blank(value):
        return ""
    if type(value) is not str:
        problems.append(f"{where}: should be text in quotes, not {_kind(value)} ({value!r})")
        return ""
    return " ".join(value.split())


def _texts(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    """One text or a list of texts -> a tuple of non-empty texts."""
    if _blank(value):
        return ()
    if type(value) is str:
        value = [value]
    if type(value) not in (list, tuple):
        problems.append(f"{where}: should be a list of texts (or one text), not {_kind(value)}")
        return ()
    texts = [_text(item, f"{where}, item {number}", problems) for number, item in enumerate(value, 1)]
    return tuple(t for t in texts if t)


def _records(value: Any, where: str, keys: Sequence[str], label_key: str, problems: list[str]) -> list[dict]:
    """A list of small dictionaries with ``keys`` -> a list of clean dictionaries (text values, all keys)."""
    if _blank(value):
        return []
    example = "{" + ", ".join(f'"{k}": ...' for k in keys) + "}"
    if type(value) is dict:
        problems.append(f"{where}: should be a list of dictionaries like {example}; you gave one dictionary "
                        "(put it inside [ ])")
        return []
    if type(value) not in (list, tuple):
        problems.append(f"{where}: should be a list of dictionaries like {example}, not {_kind(value)}")
        return []
    records = []
    for number, item in enumerate(value, 1):
        if _blank(item):
            continue
        label = f"{where}, item {number}"
        if type(item) is not dict:
            problems.append(f"{label}: should be a dictionary like {example}, not {_kind(item)}")
            continue
        if type(item.get(label_key)) is str and item[label_key].strip():
            label += f" ({_short(item[label_key])})"
        unknown = [k for k in item if k not in keys]
        if unknown:
            problems.append(f"{label}: unknown key{'s' if len(unknown) > 1 else ''} "
                            f"{', '.join(repr(k) for k in unknown)}; the keys are {', '.join(repr(k) for k in keys)}")
            continue
        clean = {key: _text(item.get(key), f"{label}, {key!r}", problems) for key in keys}
        if any(clean.values()):
            records.append(clean)
    return records


def _kind(value: Any) -> str:
    """A value's kind in plain words: "a number", "a list", "True/False" ..."""
    if type(value) is bool:
        return "True/False"
    if isinstance(value, (int, float)):
        return "a number"
    names = {list: "a list", tuple: "a list", dict: "a dictionary", set: "a set", str: "a text"}
    return names.get(type(value), f"a {type(value).__name__}")


def _short(text: str, length: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= length else text[: length - 1] + "…")


def _date(value: Any, where: str, problems: list[str]) -> dt.date | None:
    if _blank(value) or value == "":
        return None
    if type(value) is dt.datetime:
        return value.date()
    if type(value) is dt.date:
        return value
    if type(value) is str:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        problems.append(f"{where}: {value!r} is not a date; write it as year-month-day, e.g. '2026-12-01'")
        return None
    problems.append(f"{where}: should be a date such as '2026-12-01', not {_kind(value)} ({value!r})")
    return None


# --------------------------------------------------------------------------- checking
def check_guidelines(guidelines: Guidelines, today: Any = None) -> GuidelinesCheck:
    """Name the parts of ``guidelines`` that are missing or incomplete (see :data:`PARTS`).

    In a notebook the result shows itself as a short list; ``.missing`` gives the parts' names and
    ``.complete`` is True when nothing is missing. With ``today`` (a date), a review date that has
    already passed is reported too: guidelines are only useful while they are kept up to date.
    """
    if not isinstance(guidelines, Guidelines):
        raise GuidelinesError([f"check_guidelines() needs what build_guidelines(...) returns, not a "
                               f"{type(guidelines).__name__}"])
    problems: list[tuple[str, str]] = []
    g = guidelines
    if not g.purpose:
        problems.append(("purpose", "say in a sentence or two what the community is for"))
    if not g.rules:
        problems.append(("rules with examples", "there are no rules yet"))
    for number, rule in enumerate(g.rules, 1):
        where = f"rule {number} ({_short(rule.rule)})" if rule.rule else f"rule {number}"
        if not rule.rule:
            problems.append(("rules with examples", f"{where} has examples but no rule"))
        if not rule.ok:
            problems.append(("rules with examples", f"{where} has no example of what is OK"))
        if not rule.not_ok:
            problems.append(("rules with examples", f"{where} has no example of what is not OK"))
    if len(g.sanctions) < 2:
        problems.append(("sanctions", f"{len(g.sanctions) or 'no'} step{'s' if len(g.sanctions) != 1 else ''}: "
                         "graduated sanctions need at least two, from a reminder to removal"))
    for number, step in enumerate(g.sanctions, 1):
        if not step.when or not step.action:
            problems.append(("sanctions", f"step {number} needs both when it applies and the action taken"))
    if not g.escalation:
        problems.append(("escalation path", "nobody is named for the issues the team cannot settle itself"))
    for number, step in enumerate(g.escalation, 1):
        where = f"step {number} ({_short(step.when)})" if step.when else f"step {number}"
        if not step.when:
            problems.append(("escalation path", f"{where} does not say which issue it is for"))
        if not step.who:
            problems.append(("escalation path", f"{where} names no owner (who is told)"))
        if not step.within:
            problems.append(("escalation path", f"{where} gives no time (how soon they are told)"))
        elif not _TIME.search(step.within):
            problems.append(("escalation path", f"{where}: {step.within!r} is not a time anyone can be held to; "
                             "say how soon, e.g. '1 hour' or 'same day'"))
    if not g.published_at:
        problems.append(("where published", "members need a place where they can read the guidelines at any time"))
    if not g.shared_with_team:
        problems.append(("shared with the team", "say who on the team has the guidelines and applies them"))
    if g.review_by is None:
        problems.append(("review date", "set a date for the next review, so the guidelines keep up with the community"))
    elif today is not None:
        errors: list[str] = []
        day = _date(today, "today", errors)
        if errors:
            raise GuidelinesError(errors)
        if day is not None and g.review_by < day:
            problems.append(("review date", f"the review was due on {g.review_by.isoformat()}; review the "
                             "guidelines and set the next date"))
    return GuidelinesCheck(tuple(problems))


# --------------------------------------------------------------------------- rendering
_MISSING = "(not written yet)"


def _md(text: str) -> str:
    """Learner text for Markdown: kept as written, with HTML's special characters made harmless."""
    return html.escape(text, quote=False)


def _markdown(g: Guidelines) -> str:
    lines = [f"# {_md(g.title)}", ""]
    lines += ["## Why we are here", "", _md(g.purpose) or _MISSING, ""]
    lines += ["## Our rules", ""]
    if not g.rules:
        lines += [_MISSING, ""]
    for number, rule in enumerate(g.rules, 1):
        lines += [f"{number}. **{_md(rule.rule) or _MISSING}**",
                  f"   - OK: {_md(rule.ok) or _MISSING}",
                  f"   - Not OK: {_md(rule.not_ok) or _MISSING}"]
    lines += ["", "## If a rule is broken", ""]
    lines += [f"{n}. {_md(s.when) or _MISSING}: {_md(s.action) or _MISSING}" for n, s in enumerate(g.sanctions, 1)]
    lines += [] if g.sanctions else [_MISSING]
    lines += ["", "## When the team escalates", "", "| Issue | Who is told | Within |", "|---|---|---|"]
    lines += [f"| {_cell(s.when)} | {_cell(s.who)} | {_cell(s.within)} |" for s in g.escalation]
    lines += [] if g.escalation else [f"| {_MISSING} | | |"]
    lines += ["", "## Where to find these guidelines", ""]
    lines += [f"- {_md(place)}" for place in g.published_at] or [_MISSING]
    lines += ["", "**Shared with the team:** " + ("; ".join(_md(t) for t in g.shared_with_team) or _MISSING)]
    lines += ["", "**Next review:** " + (g.review_by.isoformat() if g.review_by else _MISSING), ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return (_md(text) or _MISSING).replace("|", "\\|")


# autoescape=True escapes every value in every template, including templates from strings.
_ENV = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

_ARTICLE = """\
{% macro v(text) %}{% if text %}{{ text }}{% else %}<em style="color:#c62828">{{ missing }}</em>{% endif %}{% endmacro %}
{% set td = "padding:3px 10px 3px 0;vertical-align:top;text-align:left" %}
<article style="font-family:system-ui,sans-serif;max-width:46em;line-height:1.45;color:#222">
<h2 style="margin-top:0">{{ g.title }}</h2>
<h3>Why we are here</h3>
<p>{{ v(g.purpose) }}</p>
<h3>Our rules</h3>
{% if g.rules %}
<ol>
{% for r in g.rules %}
<li><b>{{ v(r.rule) }}</b>
<ul><li>OK: {{ v(r.ok) }}</li><li>Not OK: {{ v(r.not_ok) }}</li></ul></li>
{% endfor %}
</ol>
{% else %}
<p>{{ v("") }}</p>
{% endif %}
<h3>If a rule is broken</h3>
{% if g.sanctions %}
<ol>
{% for s in g.sanctions %}
<li>{{ v(s.when) }}: {{ v(s.action) }}</li>
{% endfor %}
</ol>
{% else %}
<p>{{ v("") }}</p>
{% endif %}
<h3>When the team escalates</h3>
<table style="border-collapse:collapse">
<tr><th style="{{ td }}">Issue</th><th style="{{ td }}">Who is told</th><th style="{{ td }}">Within</th></tr>
{% for e in g.escalation %}
<tr><td style="{{ td }}">{{ v(e.when) }}</td><td style="{{ td }}">{{ v(e.who) }}</td><td style="{{ td }}">{{ v(e.within) }}</td></tr>
{% else %}
<tr><td style="{{ td }}" colspan="3">{{ v("") }}</td></tr>
{% endfor %}
</table>
<h3>Where to find these guidelines</h3>
{% if g.published_at %}
<ul>
{% for place in g.published_at %}
<li>{{ place }}</li>
{% endfor %}
</ul>
{% else %}
<p>{{ v("") }}</p>
{% endif %}
<p><b>Shared with the team:</b> {{ v(g.shared_with_team | join("; ")) }}</p>
<p><b>Next review:</b> {{ v(g.review_by.isoformat() if g.review_by else "") }}</p>
</article>
"""

_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{{ title }}</title>
</head>
<body>
{{ article | safe }}
</body>
</html>
"""

_CHECK = """\
{% if check.complete %}
<div style="background:#e8f5e9;border-left:4px solid #2e7d32;padding:.5em .8em;border-radius:4px;color:#222">
<b style="color:#2e7d32">✅ Complete</b>: every part the guidelines need is there.</div>
{% else %}
<div style="background:#ffebee;border-left:4px solid #c62828;padding:.5em .8em;border-radius:4px;color:#222">
<b style="color:#c62828">❌ Still missing or incomplete: {{ check.missing | join(", ") }}</b>
<ul style="margin:.3em 0">
{% for part, message in check.problems %}
<li><b>{{ part }}</b>: {{ message }}</li>
{% endfor %}
</ul></div>
{% endif %}
"""
