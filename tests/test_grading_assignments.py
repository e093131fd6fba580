"""Every assignment from Module 2 on, graded end to end, and its shortcuts shown not to pay.

- Each assignment's eight synthetic learners (``SPEC`` in its key file, ``tests/answer_keys/m<N>_assignment.py``)
  hand it in and are graded once, with the project's parallel grader (``autograder.grading.grade_all``, the real
  ``nbgrader autograde`` in each worker); each one's autograded score is read back from the gradebook and must
  be exactly what they earned, and their feedback pages show the form checks' messages but no hidden-test code.
- A learner who takes a shortcut (always the same letter, one label everywhere, the lessons' answers copied)
  scores clearly less than a thoughtful learner, item by item through the master's hidden tests.

The figures each assignment quotes are recomputed in ``tests/test_grading_a<N>.py``.
"""

from __future__ import annotations

import functools

import pytest

from answer_keys import m2_assignment, m3_assignment, m4_assignment, m5_assignment
from gradecells import (assert_autograded_share, assert_exact_points, assert_feedback_hides_the_hidden_tests,
                        assert_shortcut_pays_less, hand_in_class, hidden_test_score)

SPECS = {key.SPEC.title: key.SPEC for key in (m2_assignment, m3_assignment, m4_assignment, m5_assignment)}


@pytest.fixture(scope="module", params=list(SPECS))
def graded(request, tmp_path_factory):
    """(the assignment, its course root, the grader's outcomes) once each learner has handed it in."""
    from autograder.grading import grade_all
    from conftest import make_course_root

    spec = SPECS[request.param]
    root = make_course_root(tmp_path_factory.mktemp(spec.assignment))
    hand_in_class(root, spec.assignment, spec.notebook, spec.build, spec.expected)
    return spec, root, grade_all(root, spec.assignment, workers=2, progress=False)


def test_each_learner_gets_exactly_the_points_they_earned(graded):
    spec, root, outcomes = graded
    assert_exact_points(spec, root, outcomes, spec.expected)


def test_feedback_shows_the_form_messages_but_never_the_hidden_tests(graded):
    spec, root, _ = graded
    assert_feedback_hides_the_hidden_tests(spec, root, spec.expected)


@pytest.mark.parametrize("title", list(SPECS))
def test_the_autograded_items_are_at_least_sixty_percent_of_the_points(title):
    assert_autograded_share(SPECS[title])


@functools.cache
def _thoughtful_scores(title: str) -> dict[str, float]:
    return {name: hidden_test_score(answers) for name, answers in SPECS[title].thoughtful.items()}


@pytest.mark.parametrize("title", list(SPECS))
def test_a_thoughtful_learner_scores_high(title):
    assert _thoughtful_scores(title) == SPECS[title].thoughtful_scores


@pytest.mark.parametrize("title, name", [(t, name) for t, spec in SPECS.items() for name in sorted(spec.degenerate)])
def test_a_shortcut_scores_clearly_less_than_a_thoughtful_learner(title, name):
    spec = SPECS[title]
    assert_shortcut_pays_less(spec, spec.degenerate[name], spec.keys, _thoughtful_scores(title))


@pytest.mark.parametrize("title", list(SPECS))
def test_no_single_letter_is_the_key_of_more_than_a_third_of_the_choices(title):
    letters = [answer for answer in SPECS[title].keys.values() if isinstance(answer, str)]
    assert max(letters.count(letter) for letter in "abcd") <= len(letters) / 3


@pytest.mark.parametrize("title", list(SPECS))
def test_the_labelled_items_give_each_item_its_own_label(title):
    """So a learner who writes one label everywhere earns nothing on them."""
    spec = SPECS[title]
    assert spec.label_items
    for qid in spec.label_items:
        values = list(spec.keys[qid].values())
        assert len(set(values)) == len(values), qid


def test_an_item_graded_in_tiers_shows_its_partial_credit(graded):
    """Where a learner of the class earns the lower tier of an item (its grade cell's last line is the points, as
    nbgrader reads partial credit), the gradebook holds it (above) and the feedback page says it, without the bare
    number the cell printed."""
    spec, root, _ = graded
    if spec.expected["partly_wrong"] == spec.auto_max - 4:
        pytest.skip("no item of this class is graded in tiers")
    page = spec.feedback_page(root, "partly_wrong")
    assert "Partly right (1 of 2 points)" in page
