"""The community guidelines builder: complete sets pass, every missing part is named, learner text stays text."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest

from course.strategy.guidelines import (
    PARTS,
    Guidelines,
    GuidelinesError,
    build_guidelines,
    check_guidelines,
)


def complete(**changes) -> dict:
    parts = dict(
        community="Velora Riders",
        purpose="A friendly place where riders help each other get more out of their e-bikes.",
        rules=[
            {"rule": "Be kind, even when you disagree.",
             "ok": "I think the Trail's range is overrated; here is my ride log.",
             "not_ok": "Only an idiot would buy this bike."},
            {"rule": "No selling in threads.",
             "ok": "Selling my old City: see the marketplace board.",
             "not_ok": "DM me for cheap batteries!!!"},
        ],
        sanctions=[
            {"when": "A first breach", "action": "A private reminder of the rule"},
            {"when": "A second breach within 90 days", "action": "The post is hidden and a 7-day pause"},
            {"when": "Threats, hate or doxxing", "action": "A permanent ban"},
        ],
        escalation=[
            {"when": "A safety risk (fire, injury, a faulty brake)", "who": "Quality team lead", "within": "1 hour"},
            {"when": "A legal threat or a journalist's question", "who": "Head of communications", "within": "same day"},
        ],
        published_at=["Pinned post on the forum", "Link in the welcome email"],
        shared_with_team=["Community team", "Support agents", "Velora Crew moderators"],
        review_by="2026-12-01",
    )
    parts.update(changes)
    return parts


# ------------------------------------------------------------------ a complete set
def test_a_complete_set_passes_and_renders_every_part():
    guides = build_guidelines(**complete())
    result = check_guidelines(guides)
    assert result.complete and bool(result) and result.missing == [] and result.problems == ()
    assert "Complete" in repr(result) and "Complete" in result._repr_html_()
    for text in ("Velora Riders", "Be kind, even when you disagree.", "Only an idiot would buy this bike.",
                 "A permanent ban", "Quality team lead", "1 hour", "Pinned post on the forum",
                 "Velora Crew moderators", "2026-12-01"):
        assert text in guides.markdown, text
        assert text.replace("'", "&#39;") in guides.html, text
    assert guides.review_by == dt.date(2026, 12, 1)
    assert guides._repr_html_() == guides.html


def test_markdown_keeps_the_order_of_the_page():
    md = build_guidelines(**complete()).markdown
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings == ["# Velora Riders: community guidelines", "## Why we are here", "## Our rules",
                        "## If a rule is broken", "## When the team escalates", "## Where to find these guidelines"]
    assert "| A safety risk (fire, injury, a faulty brake) | Quality team lead | 1 hour |" in md
    assert md.index("A first breach") < md.index("A second breach") < md.index("Threats, hate")


def test_a_date_object_and_one_text_for_a_list_are_accepted():
    guides = build_guidelines(**complete(review_by=dt.date(2027, 1, 15), published_at="The forum's FAQ page",
                                         shared_with_team="Everyone on the community rota"))
    assert guides.review_by == dt.date(2027, 1, 15)
    assert guides.published_at == ("The forum's FAQ page",)
    assert check_guidelines(guides).complete


# ------------------------------------------------------------------ each missing part, by name
MISSING = [
    ("purpose", {"purpose": ""}),
    ("purpose", {"purpose": ...}),
    ("rules with examples", {"rules": []}),
    ("rules with examples", {"rules": [{"rule": "Be kind.", "ok": "Thanks for the tip!", "not_ok": ""}]}),
    ("rules with examples", {"rules": [{"rule": "Be kind.", "ok": ..., "not_ok": "You idiot."}]}),
    ("sanctions", {"sanctions": []}),
    ("sanctions", {"sanctions": [{"when": "Any breach", "action": "A permanent ban"}]}),
    ("sanctions", {"sanctions": [{"when": "A first breach", "action": "A reminder"}, {"when": "Again", "action": ""}]}),
    ("escalation path", {"escalation": []}),
    ("escalation path", {"escalation": [{"when": "A safety risk", "who": "", "within": "1 hour"}]}),
    ("escalation path", {"escalation": [{"when": "A safety risk", "who": "Quality team lead", "within": ""}]}),
    ("escalation path", {"escalation": [{"when": "A safety risk", "who": "Quality lead", "within": "asap"}]}),
    ("where published", {"published_at": []}),
    ("shared with the team", {"shared_with_team": ...}),
    ("review date", {"review_by": None}),
]


@pytest.mark.parametrize("part, change", MISSING, ids=[f"{p}-{i}" for i, (p, _) in enumerate(MISSING)])
def test_each_missing_part_is_reported_by_name_and_only_that_part(part, change):
    result = check_guidelines(build_guidelines(**complete(**change)))
    assert not result.complete
    assert result.missing == [part]
    assert part in repr(result) and part in result._repr_html_()
    assert all(message.strip() for _, message in result.problems)


def test_every_part_is_named_when_nothing_is_written():
    result = check_guidelines(build_guidelines())
    assert result.missing == list(PARTS)


def test_the_problem_names_the_rule_or_step_it_is_about():
    result = check_guidelines(build_guidelines(**complete(
        rules=[complete()["rules"][0], {"rule": "No selling in threads.", "ok": "See the marketplace.", "not_ok": ""}],
        escalation=[{"when": "A legal threat", "who": "", "within": "2 hours"}])))
    messages = [message for _, message in result.problems]
    assert "rule 2 ('No selling in threads.') has no example of what is not OK" in messages
    assert "step 1 ('A legal threat') names no owner (who is told)" in messages


@pytest.mark.parametrize("within", ["30 minutes", "1 hour", "2 hours", "24h", "same day", "next working day",
                                    "immediately", "3 working days", "1 week"])
def test_times_a_team_can_be_held_to_are_accepted(within):
    steps = [{"when": "A safety risk", "who": "Quality team lead", "within": within}]
    assert check_guidelines(build_guidelines(**complete(escalation=steps))).complete


@pytest.mark.parametrize("within", ["asap", "when possible", "soon", "quickly"])
def test_vague_times_are_not(within):
    steps = [{"when": "A safety risk", "who": "Quality team lead", "within": within}]
    result = check_guidelines(build_guidelines(**complete(escalation=steps)))
    assert result.missing == ["escalation path"] and within in result.problems[0][1]


def test_a_review_date_that_has_passed_is_reported_when_today_is_given():
    guides = build_guidelines(**complete(review_by="2026-03-01"))
    assert check_guidelines(guides).complete
    assert check_guidelines(guides, today="2026-02-28").complete
    late = check_guidelines(guides, today=dt.date(2026, 5, 1))
    assert late.missing == ["review date"] and "2026-03-01" in late.problems[0][1]


# ------------------------------------------------------------------ learner text is text
SCRIPT = "<script>alert('owned')</script>"


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def _tags(page: str) -> list[str]:
    parser = _Elements()
    parser.feed(page)
    return parser.tags


@pytest.mark.parametrize("field", ["community", "purpose", "rule", "not_ok", "who", "place", "team"])
def test_script_in_learner_text_is_escaped_never_markup(field):
    changes = {
        "community": {"community": SCRIPT},
        "purpose": {"purpose": SCRIPT},
        "rule": {"rules": [{"rule": SCRIPT, "ok": "fine", "not_ok": "not fine"}]},
        "not_ok": {"rules": [{"rule": "Be kind.", "ok": "fine", "not_ok": SCRIPT}]},
        "who": {"escalation": [{"when": "A safety risk", "who": SCRIPT, "within": "1 hour"}]},
        "place": {"published_at": [SCRIPT]},
        "team": {"shared_with_team": [SCRIPT]},
    }[field]
    guides = build_guidelines(**complete(**changes))
    for page in (guides.html, guides.page(), guides._repr_html_()):
        assert "<script" not in page.lower()
        assert "&lt;script&gt;" in page
        assert "script" not in _tags(page)
    assert "<script" not in guides.markdown and "&lt;script&gt;" in guides.markdown


def test_other_markup_is_escaped_too_and_the_saved_page_forbids_scripts():
    guides = build_guidelines(**complete(purpose='<img src=x onerror="alert(1)"> <a href="javascript:x">hi</a>'))
    page = guides.page()
    assert "img" not in _tags(page) and "a" not in _tags(page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_save_writes_the_page_and_the_markdown(tmp_path):
    guides = build_guidelines(**complete(purpose=SCRIPT))
    html_path, md_path = guides.save(tmp_path / "my_work", name="velora-riders-guidelines")
    assert html_path == tmp_path / "my_work" / "velora-riders-guidelines.html" and html_path.is_file()
    assert md_path.read_text(encoding="utf-8") == guides.markdown
    saved = html_path.read_text(encoding="utf-8")
    assert saved.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in saved and "script" not in _tags(saved)


@pytest.mark.parametrize("name", ["../outside", "sub/page", "page.html", "", 5])
def test_save_refuses_a_name_that_is_not_a_plain_file_name(tmp_path, name):
    guides = build_guidelines(**complete())
    with pytest.raises(GuidelinesError, match="plain file name"):
        guides.save(tmp_path, name=name)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ bad input
BAD = [
    ({"purpose": 5}, "purpose: should be text in quotes, not a number (5)"),
    ({"rules": "Be kind"}, "rules: should be a list of dictionaries"),
    ({"rules": {"rule": "Be kind", "ok": "a", "not_ok": "b"}}, "you gave one dictionary (put it inside [ ])"),
    ({"rules": [{"rule": "Be kind", "ok": "a", "not_ok": "b"}, "No spam"]},
     "rules, item 2: should be a dictionary like"),
    ({"rules": [{"rule": "Be kind", "example": "a"}]},
     "rules, item 1 ('Be kind'): unknown key 'example'; the keys are 'rule', 'ok', 'not_ok'"),
    ({"sanctions": [{"when": "A first breach", "action": 3}]},
     "sanctions, item 1 ('A first breach'), 'action': should be text in quotes, not a number (3)"),
    ({"escalation": [{"when": "Safety", "who": ["Anna", "Luca"], "within": "1 hour"}]},
     "escalation, item 1 ('Safety'), 'who': should be text in quotes, not a list"),
    ({"published_at": 42}, "published_at: should be a list of texts (or one text), not a number"),
    ({"shared_with_team": ["Support", True]}, "shared_with_team, item 2: should be text in quotes, not True/False"),
    ({"review_by": "31/12/2026"}, "review_by: '31/12/2026' is not a date; write it as year-month-day"),
    ({"review_by": 2026}, "review_by: should be a date such as '2026-12-01', not a number (2026)"),
]


@pytest.mark.parametrize("change, message", BAD, ids=[m[:30] for _, m in BAD])
def test_bad_input_gets_a_message_naming_what_and_where(change, message):
    with pytest.raises(GuidelinesError) as raised:
        build_guidelines(**complete(**change))
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_a_notebook_shows_the_problems_not_a_traceback():
    with pytest.raises(GuidelinesError) as raised:
        build_guidelines(**complete(review_by="next spring"))
    shown = raised.value._render_traceback_()
    assert "cannot be built yet (1 problem)" in shown[0]
    assert shown[1:] == ["   - review_by: 'next spring' is not a date; write it as year-month-day, e.g. '2026-12-01'"]


def test_every_problem_is_listed_at_once():
    with pytest.raises(GuidelinesError) as raised:
        build_guidelines(**complete(purpose=1, review_by="soon", published_at=3))
    assert len(raised.value.problems) == 3 and "3 problems" in str(raised.value)


def test_check_needs_built_guidelines():
    with pytest.raises(GuidelinesError, match="needs what build_guidelines"):
        check_guidelines(complete())
    with pytest.raises(GuidelinesError, match="today: 'tomorrow' is not a date"):
        check_guidelines(build_guidelines(**complete()), today="tomorrow")


def test_placeholders_and_blank_items_are_drafts_not_errors():
    guides = build_guidelines(**complete(rules=[..., {"rule": "Be kind.", "ok": "a", "not_ok": "b"},
                                                {"rule": "", "ok": "", "not_ok": ""}]))
    assert isinstance(guides, Guidelines) and len(guides.rules) == 1
    assert check_guidelines(guides).complete
