"""The questions of every module, one module per lesson or assignment notebook.

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""
