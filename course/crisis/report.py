"""The debrief's decision points and case notes as HTML, shared by the crisis lab and lab 4.3b's ``play_once``.

No widgets here: plain HTML strings, so the same pieces render in an ipywidgets Output, in ``display(HTML(...))``
and in a test.
"""

from __future__ import annotations

import html

from course.crisis.model import SECTIONS, TO_DO, Debrief, section_link

# In words, with a mark any font has: a colour or an emoji alone says nothing to some readers.
VERDICTS = {"followed": "<b style='color:#2e7d32'>✔ Followed</b>", "partly": "<b style='color:#ef6c00'>◐ Partly</b>",
            "missed": "<b style='color:#c62828'>✘ Missed</b>", "not reached": "<i>Not reached yet</i>"}
DECISION_HEADS = ("Minute", "The moment", "The course recommends", "What you did", "Lesson")


def lesson_link(rule: str, from_folder: str = "module4_interaction") -> str:
    """A link to the lesson section behind ``rule``, relative to a notebook in ``from_folder``."""
    href, title = section_link(rule, from_folder)
    return f"<a href='{html.escape(href, quote=True)}'>{html.escape(title)}</a>"


def decisions_html(result: Debrief, from_folder: str = "module4_interaction") -> str:
    """The scenario's decision points, one row each: the prompt, the recommended moves, what the run did, the lesson."""
    if not result.decisions:
        return ""
    td = "<td style='text-align:left;vertical-align:top'>"
    rows = []
    for d in result.decisions:
        did = "".join(f"<li class='cmw-move-{m.status.replace(' ', '-')}'>{html.escape(m.text)}</li>" for m in d.moves)
        did += "".join(f"<li class='cmw-around'>{html.escape(line)}</li>" for line in d.around)
        seen, links = set(), []
        for rule in d.rules:  # one link per section, whichever rules share it
            if SECTIONS[rule] not in seen:
                seen.add(SECTIONS[rule])
                links.append(lesson_link(rule, from_folder))
        rows.append(f"<tr class='cmw-decision cmw-{d.verdict.replace(' ', '-')}'>{td}{d.minute}</td>"
                    f"{td}{html.escape(d.prompt)}</td>"
                    f"{td}{html.escape(', '.join(TO_DO[a] for a in d.recommended))}<br>{VERDICTS[d.verdict]}</td>"
                    f"{td}<ul style='margin:0;padding-left:1.1em'>{did}</ul></td>{td}{'<br>'.join(links) or '–'}</td></tr>")
    head = "".join(f"<th style='text-align:left'>{h}</th>" for h in DECISION_HEADS)
    return (f"<b>The decision points</b><table class='cmw-decisions'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def notes_html(result: Debrief) -> str:
    """The scenario's own notes on what the case teaches ("" if its file has none)."""
    if not result.notes:
        return ""
    return f"<div class='cmw-notes'><b>What this case teaches</b><p>{html.escape(result.notes)}</p></div>"
