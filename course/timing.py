"""How long a notebook takes: the time every notebook states, and the estimate it must match.

The estimate is reading at about 200 words a minute (markdown cells) plus a fixed time per
activity: 3 minutes for each checked exercise, 8 for each written answer, and any extra minutes
the notebook declares for an interactive activity in its metadata (``course.activity_minutes``,
e.g. playing a crisis simulation or a quiz), with the reason next to it
(``course.activity_reason``).

A notebook whose exercises are quicker than a lesson's, such as the final assessment's one-letter choices,
declares its minutes per exercise (``course.exercise_minutes``), with the reason in ``course.exercise_reason``.

A notebook states its time in its first markdown cell as ``**Time:** about 40 minutes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

WORDS_PER_MINUTE = 200
EXERCISE_MINUTES = 3
WRITTEN_MINUTES = 8
STATED = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", re.IGNORECASE)
LESSON_RANGE = (30, 45)


@dataclass(frozen=True)
class Timing:
    path: str
    words: int
    exercises: int
    written: int
    activity_minutes: int
    stated: int | None
    exercise_minutes: float = EXERCISE_MINUTES

    @property
    def estimate(self) -> int:
        minutes = (self.words / WORDS_PER_MINUTE + self.exercises * self.exercise_minutes
                   + self.written * WRITTEN_MINUTES + self.activity_minutes)
        return round(minutes)

    def agrees(self, tolerance: float = 0.2) -> bool:
        """The stated time is within ``tolerance`` (default 20%, at least 3 minutes) of the estimate."""
        if self.stated is None:
            return False
        return abs(self.stated - self.estimate) <= max(3, tolerance * self.estimate)


def _words(text: str) -> int:
    text = re.sub(r"<[^>]+>", " ", text)  # markup is not read
    return len(re.findall(r"[\w'’-]+", text))


def measure(path: Path | str) -> Timing:
    return measure_notebook(nbformat.read(str(path), as_version=4), path)


def measure_notebook(nb, path: Path | str = "") -> Timing:
    """:func:`measure` for a notebook in memory (``path`` only names it), e.g. one being written."""
    words = exercises = written = 0
    stated = None
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown":
            words += _words(cell.source)
            if stated is None and (found := STATED.search(cell.source)):
                stated = int(found.group(1))
            if meta.get("solution"):
                written += 1
        elif meta.get("solution") and not meta.get("grade"):
            exercises += 1
        elif meta.get("solution") and meta.get("grade"):  # a graded code answer is an exercise too
            exercises += 1
    course_meta = nb.metadata.get("course", {})
    return Timing(str(path), words, exercises, written, int(course_meta.get("activity_minutes", 0)), stated,
                  float(course_meta.get("exercise_minutes", EXERCISE_MINUTES)))


def report(paths: list[Path]) -> str:
    lines = [f"{'notebook':58} {'words':>6} {'ex':>3} {'wr':>3} {'act':>4} {'estimate':>8} {'stated':>6}"]
    for path in paths:
        t = measure(path)
        flag = "" if t.agrees() else "  <- state about %d minutes" % t.estimate
        lines.append(f"{str(path):58} {t.words:6} {t.exercises:3} {t.written:3} {t.activity_minutes:4} "
                     f"{t.estimate:8} {str(t.stated or '-'):>6}{flag}")
    return "\n".join(lines)
