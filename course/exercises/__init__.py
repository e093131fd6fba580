"""The questions of every module, one module per lesson or assignment notebook.

Lessons (practice) store their expected answers only as salted hashes (see :mod:`course.checks`).
Assessments (assignments) use form checks and hold no key in any form: the key lives only in the
master notebook's hidden tests. Every label's other spellings are in one table, :mod:`.aliases`.
"""
