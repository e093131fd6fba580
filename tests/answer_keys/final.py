"""The final assessment: the key of the committed form (A), its form checks' cases and the register of alternatives.

The course package holds no key; the master's hidden tests hold it, and the bank in ``autograder/final/`` (which
is not package data) is where it comes from. This file reads the key the way the instructor's tool does, by
drawing the forms from the bank (``course.final``), so ``tests/test_assessments.py`` proves the committed master's
solutions and hidden tests agree with the bank, and ``tests/test_final.py`` that the master is the draw's form A.

The register: for every question, each distractor is rejected with the bank's reason for it (what the option
gets wrong), and the key written with a capital letter and spaces is accepted.
"""

from course.exercises.module5 import final as ex
from course.final import draw, load_bank

FORM = draw(load_bank())["A"]
KEYS = FORM.keys

ALTERNATIVES = {
    question.question_id: [
        *[(letter, "rejected", option.why) for letter, option in zip("abcd", question.options) if not option.best],
        (f" {question.key.upper()} ", "accepted", "Capital letters and spaces around the letter do not matter."),
    ]
    for question in FORM.questions
}

FORMS = [(getattr(ex, question.variable), ["a", "b", " C ", "d"], ["e", "ab", 2, ["a"]])
         for question in FORM.questions]

CASES = []  # an assessment's items are form checks
