"""End-to-end grading of the graded crisis-policy lab (4.3b) with the real nbgrader CLI and gradebook.

Learners hand in policies (the model solution as rule tables, a hand-written function, faulty ones, a silent one
and degenerate ones that take a shortcut the lessons warn against); each gets exactly the points its outcomes
earn, degenerate policies at most half of the outcome points, and a faulty policy leaves a readable reason.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from course.nbgrader_cli import nbgrader
from nbtools import cells_by_id, read
from gradecells import answer_all as _answer_all

CRISIS_MODULE = "module4_interaction"
CRISIS_NOTEBOOK = "4.3b-crisis-policy-lab.ipynb"
LAB = CRISIS_NOTEBOOK.removesuffix(".ipynb")
CRISIS_AUTO_MAX = 12
FORM_POINTS = 2  # part A: the policy runs; the other 10 autograded points are outcomes

FUNCTION_POLICY = """
VERSIONS = {
    "complaint": ["Hi {n}, I'm sorry about this. We're on it and will update you today.",
                  "{n}, you're right to be annoyed. The steps we're taking are pinned on our profile.",
                  "That should not have happened, {n}. I'll come back to you myself once it's fixed."],
    "calm": ["Hi {n}, I understand the worry. What we know so far is pinned at the top of our page.",
             "{n}, thanks for asking us directly. Our pinned post sets out the facts and how to check them.",
             "That concern makes sense, {n}. We've put the checked facts in a pinned post."],
    "question": ["Good question, {n}. The answer and the next steps are in our pinned post.",
                 "Hi {n}, here is what we know so far; the full update is pinned on our profile.",
                 "{n}, thanks for asking. We'll post the next update here today."],
    "thanks": ["Thank you, {n}! It means a lot today.", "{n}, thanks for sticking with us.",
               "Kind words on a hard day, {n}. Thank you."],
}
turn = {}

def say(group, post):
    turn[group] = turn.get(group, -1) + 1
    return ("respond_individually", VERSIONS[group][turn[group] % 3].format(n=post.author.lstrip("@")))

def respond(state, post):
    if post is None:
        if not state.acknowledged:
            return "acknowledge"
        if state.brand_at_fault >= 0.5 and not state.apologised:
            return "apologise"
        if state.offending_content and not state.content_pulled:
            return "pull_content"
        if state.minute >= 30 and not state.statement_posted:
            return "post_statement"
        if state.press_or_legal and not state.escalated:
            return "escalate"
        return None
    if post.kind in ("abuse", "spam"):
        return "moderate"
    if post.kind in ("media_request", "legal_threat"):
        return "escalate"
    if post.kind in ("support", "praise"):
        return say("thanks", post)
    if post.kind == "question":
        return say("question", post)
    if post.kind == "misinformation" or state.brand_at_fault < 0.5:
        return say("calm", post)
    return say("complaint", post)
"""

POLICIES = {
    # the model solution, the rule tables: every autograded point
    "crisis_full": (None, CRISIS_AUTO_MAX),
    # the same playbook written as a function: graded the same way, every point
    "crisis_function": (FUNCTION_POLICY, CRISIS_AUTO_MAX),
    # raises on the first post: every part scores 0, with the reason in the output
    "crisis_raises": ("def respond(state, post):\n    return post.kind.upper() + state.nothing", 0),
    # loops forever: time limits stop each run, the batch goes on
    "crisis_loops": ("def respond(state, post):\n    while True:\n        pass", 0),
    # answers nonsense
    "crisis_nonsense": ("def respond(state, post):\n    return 42", 0),
    # a table with a typo: the form check names the row, and nothing is earned
    "crisis_bad_table": ("respond = ({'complaint': ('shout', 'x')}, {})", 0),
    # a function whose body does nothing reads as an untouched template: not attempted, nothing earned
    "crisis_silent": ("def respond(state, post):\n    return None", 0),
    # degenerate: an empty reply to every post, no brand-wide move: runs (2) and deletes nothing (2)
    "crisis_empty_replies": ("def respond(state, post):\n    return ('respond_individually', '') if post else None", 4),
    # degenerate: acknowledges at once, then one template with the author's name: runs (2), deletes nothing (2),
    # speaks within the hour (2), and fails both score bars
    "crisis_one_template": ("replies = {kind: ('reply', 'Hi {name}, thanks for reaching out. We are looking into it.')\n"
                            "           for kind in ('complaint', 'question', 'influencer', 'misinformation',\n"
                            "                        'support', 'praise', 'media_request', 'legal_threat')}\n"
                            "respond = (replies, {'acknowledge': 'at once', 'post_statement': 'after 30 minutes'})", 6),
    # degenerate: everything taken to DM after a first word: runs (2), deletes nothing (2), speaks in time (2)
    "crisis_all_to_dm": ("def respond(state, post):\n    if post is None:\n"
                         "        return None if state.acknowledged else 'acknowledge'\n    return 'take_offline'", 6),
    # deletes every complaint, otherwise the playbook: runs (2), speaks in time (2), loses the rest
    "crisis_deleter": ("_table = respond\n"
                       "from course.crisis.table import as_policy\n_playbook = as_policy(_table)\n"
                       "def respond(state, post):\n"
                       "    if post is not None and post.kind == 'complaint':\n        return 'delete_comment'\n"
                       "    return _playbook(state, post)", 4),
}


@pytest.fixture(scope="module")
def graded_crisis(tmp_path_factory):
    from conftest import make_course_root

    root = make_course_root(tmp_path_factory.mktemp("crisis"))
    nbgrader("generate_assignment", CRISIS_MODULE, "--force", root=root)
    release_nb = read(root / "release" / CRISIS_MODULE / CRISIS_NOTEBOOK)
    master_nb = read(root / "source" / CRISIS_MODULE / CRISIS_NOTEBOOK)
    for learner, (source, _) in POLICIES.items():
        nb = nbformat.from_dict(json.loads(json.dumps(release_nb)))
        cells = cells_by_id(nb)
        _answer_all(nb, master_nb)  # the model solution; then a learner's own answer replaces it
        if source is not None:
            cells = cells_by_id(nb)
            if source.startswith("_table"):  # builds on the model tables
                cells["c43_respond"].source += "\n" + source
            else:
                cells["c43_respond"].source = source
        folder = root / "submitted" / learner / CRISIS_MODULE
        folder.mkdir(parents=True)
        nbformat.write(nb, str(folder / CRISIS_NOTEBOOK))
    nbgrader("autograde", CRISIS_MODULE, root=root)
    return root


def test_crisis_policies_get_exactly_the_points_their_outcomes_earn(graded_crisis):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded_crisis / 'gradebook.db'}") as gradebook:
        # read per notebook: the module's nbgrader assignment also holds Assignment 4
        lab = {learner: gradebook.find_submission_notebook(LAB, CRISIS_MODULE, learner) for learner in POLICIES}
        scores = {learner: notebook.code_score for learner, notebook in lab.items()}
        assert all(notebook.max_code_score == CRISIS_AUTO_MAX for notebook in lab.values())
    assert scores == {learner: expected for learner, (_, expected) in POLICIES.items()}


def test_degenerate_policies_earn_at_most_half_the_outcome_points(graded_crisis):
    from nbgrader.api import Gradebook

    outcome_max = CRISIS_AUTO_MAX - FORM_POINTS
    with Gradebook(f"sqlite:///{graded_crisis / 'gradebook.db'}") as gradebook:
        for learner in ("crisis_empty_replies", "crisis_one_template", "crisis_all_to_dm", "crisis_deleter"):
            outcome = gradebook.find_submission_notebook(LAB, CRISIS_MODULE, learner).code_score - FORM_POINTS
            assert outcome <= outcome_max / 2, (learner, outcome)


def test_faulty_policies_leave_a_readable_reason(graded_crisis):
    for learner, words in (("crisis_loops", "loop forever"), ("crisis_raises", "raised AttributeError"),
                           ("crisis_nonsense", "not an action"), ("crisis_bad_table", "'shout' is not an action")):
        graded = read(graded_crisis / "autograded" / learner / CRISIS_MODULE / CRISIS_NOTEBOOK)
        check = cells_by_id(graded)["c43_runs_cleanly_check"]
        text = json.dumps(check.outputs)
        assert words in text, f"{learner}: {text[:300]}"
