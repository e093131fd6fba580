"""What every assignment's key file shares: the key answered differently on a few items, and the learners who
take a shortcut instead of thinking (one letter for every choice, one label for every labelled item, the
lessons' nearest answers copied). ``tests/test_grading_assignments.py`` shows each scores clearly less than a
thoughtful learner."""

from __future__ import annotations


def but(key: dict, **changes) -> dict:
    """The key with some items answered differently."""
    return {**key, **changes}


def same_everywhere(keys: dict, label_items: dict, letter: str, label_index: int) -> dict:
    """A learner who gives one letter to every choice and one label (the n-th allowed one) to every labelled item
    (``label_items``: question id -> its form check, which knows the item names and allowed labels)."""
    answers = {qid: letter for qid, key in keys.items() if isinstance(key, str)}
    for qid, form in label_items.items():
        label = form.labels[label_index % len(form.labels)]
        answers[qid] = {item: label for item in form.items}
    return answers


def degenerate_learners(keys: dict, label_items: dict, copied_from_lessons: dict) -> dict[str, dict]:
    """Every one-letter, one-label learner, and the one who copies the lessons."""
    return {
        "always_a": same_everywhere(keys, label_items, "a", 0),
        **{f"always_{letter}_one_label_{i}": same_everywhere(keys, label_items, letter, i)
           for letter in "bcd" for i in range(5)},
        "copied_from_lessons": copied_from_lessons,
    }
