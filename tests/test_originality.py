"""Every learner-facing sentence of the course is our own: no 6-word sequence shared with a seed article
or its translation, and no sentence covering 60% of a seed sentence's content words.

One case per file, so a failure names the file; its message lists each finding with the cell or line,
our sentence and the seed sentence. The same report for any files:
``.venv/bin/python tests/originality_check.py [files...]``. The rules and the allowlist are described in
tests/originality_check.py and tests/originality/allowlist.yaml.
"""

import pytest

import originality_check as oc

FILES = oc.course_files()


def test_the_course_has_learner_facing_files():
    assert len(FILES) > 10
    assert {f.suffix for f in FILES} >= {".ipynb", ".py", ".yaml", ".md"}


@pytest.mark.parametrize("path", FILES, ids=[f.as_posix() for f in FILES])
def test_every_sentence_is_our_own(path):
    findings = oc.check_file(path)
    if findings:
        report = "\n\n".join(f.format() for f in findings)
        pytest.fail(
            f"{len(findings)} sentence(s) in {path.as_posix()} repeat a seed article; re-tell them in new words "
            f"and a new structure, keeping the facts (credit figures to their source):\n\n{report}",
            pytrace=False,
        )
