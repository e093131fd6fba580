"""The final assessment (graded): the visible checks of its thirty questions.

An assessment: each check looks at the form of the answer only (one of the letters a-d) and never says whether it is
right. The checks are the same for every form of the final (``python -m course final --form A|B``): question 1 is
``q01`` whichever item a form asks there. This module holds no key in any form; the master notebook's hidden tests
hold it, are removed from the learner's copy and run at grading time.
"""

from __future__ import annotations

from course.checks import ChoiceForm

LETTERS = ("a", "b", "c", "d")
QUESTIONS = 30

q01 = ChoiceForm(id="final_q01", options=LETTERS)
q02 = ChoiceForm(id="final_q02", options=LETTERS)
q03 = ChoiceForm(id="final_q03", options=LETTERS)
q04 = ChoiceForm(id="final_q04", options=LETTERS)
q05 = ChoiceForm(id="final_q05", options=LETTERS)
q06 = ChoiceForm(id="final_q06", options=LETTERS)
q07 = ChoiceForm(id="final_q07", options=LETTERS)
q08 = ChoiceForm(id="final_q08", options=LETTERS)
q09 = ChoiceForm(id="final_q09", options=LETTERS)
q10 = ChoiceForm(id="final_q10", options=LETTERS)
q11 = ChoiceForm(id="final_q11", options=LETTERS)
q12 = ChoiceForm(id="final_q12", options=LETTERS)
q13 = ChoiceForm(id="final_q13", options=LETTERS)
q14 = ChoiceForm(id="final_q14", options=LETTERS)
q15 = ChoiceForm(id="final_q15", options=LETTERS)
q16 = ChoiceForm(id="final_q16", options=LETTERS)
q17 = ChoiceForm(id="final_q17", options=LETTERS)
q18 = ChoiceForm(id="final_q18", options=LETTERS)
q19 = ChoiceForm(id="final_q19", options=LETTERS)
q20 = ChoiceForm(id="final_q20", options=LETTERS)
q21 = ChoiceForm(id="final_q21", options=LETTERS)
q22 = ChoiceForm(id="final_q22", options=LETTERS)
q23 = ChoiceForm(id="final_q23", options=LETTERS)
q24 = ChoiceForm(id="final_q24", options=LETTERS)
q25 = ChoiceForm(id="final_q25", options=LETTERS)
q26 = ChoiceForm(id="final_q26", options=LETTERS)
q27 = ChoiceForm(id="final_q27", options=LETTERS)
q28 = ChoiceForm(id="final_q28", options=LETTERS)
q29 = ChoiceForm(id="final_q29", options=LETTERS)
q30 = ChoiceForm(id="final_q30", options=LETTERS)
