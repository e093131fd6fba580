"""The instructor's grading toolkit, on top of nbgrader (this folder is also the nbgrader course root).

    python -m autograder grade module1_intro --workers 4     # parallel autograding with a progress bar

See ``python -m autograder --help``.
"""
