"""Exercise checks: instant feedback for learners, the same verdicts for nbgrader.

Every exercise in the workbook is a :class:`Question`. In a notebook it is used like this::

    from course.exercises.module1 import lesson1 as ex

    space_types = {...}               # the learner's answer cell
    ex.space_types.check(space_types)  # the locked check cell
    ex.space_types.hint()              # progressive hints, only on request

``check`` has three outcomes, shown in the notebook and returned as a :class:`Verdict`:

* **correct** -- a green message, often with a line of explanation;
* **not yet right** -- a red message that points at the idea to revisit, never at the
  expected value;
* **not attempted** -- a yellow message while the answer is still ``...`` (or a function
  template whose body is still ``...``).

In lessons (practice) a check never raises, so *Run All* always reaches the end of a
notebook. A question built with ``raises=True`` raises :class:`NotYetRight` /
:class:`NotAttempted` instead, which makes nbgrader score the cell 0; both render as a short
coloured message, never a stack dump. ``solution()`` reveals the model answer once the
learner has made a real attempt.

Graded notebooks are assessments and use the *form checks* instead (:class:`ChoiceForm`,
:class:`LabelsForm`, :class:`FunctionForm`): they say only what is missing or malformed (an item
left as ``...``, a label that is not one of the allowed ones, a function that fails on an example)
and never whether, or which, answers are right. They hold no key in any form; the key lives only in
the hidden tests of the master notebook, which raise at grading time. A form check shows its
message and never raises.

Lesson answers are compared through salted, normalised hashes: the expected answers of
conceptual questions never appear in clear in this package or in the learner's copy.
Every comparison checks the answer's exact type first, so objects that pretend to be
equal to everything (a custom ``__eq__``, a ``str`` subclass with patched methods) are
rejected rather than trusted.
"""

from __future__ import annotations

import functools
import hashlib
import html
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

__all__ = [
    "CheckFailed",
    "Verdict",
    "NotYetRight",
    "NotAttempted",
    "Question",
    "ChoiceQuestion",
    "LabelsQuestion",
    "NumberQuestion",
    "FunctionQuestion",
    "FormCheck",
    "ChoiceForm",
    "LabelsForm",
    "FunctionForm",
    "fingerprint",
]

_SALT = "community-management-workbook/v1"

# Exact types accepted as numbers. bool is deliberately absent (True is not a count),
# and so is every subclass: a float subclass could redefine comparison or rounding.
_NUMBER_TYPES = (int, float, np.int64, np.int32, np.float64, np.float32)


# --------------------------------------------------------------------------- outcomes
class CheckFailed(AssertionError):
    """Base class of the two "not yet" outcomes. An AssertionError, so nbgrader scores it 0."""

    icon = "❌"
    title = "Not yet right"
    colour = "31"  # ANSI red

    def __init__(self, message: str, question_id: str = ""):
        super().__init__(message)
        self.message = message
        self.question_id = question_id

    def __str__(self) -> str:
        return f"{self.title}: {self.message}"

    # IPython calls this instead of printing a traceback: learners get the message only.
    def _render_traceback_(self) -> list[str]:
        lines = [f"\x1b[1;{self.colour}m{self.icon} {self.title}\x1b[0m"]
        lines += [f"   {line}" for line in self.message.splitlines()]
        return lines


class NotYetRight(CheckFailed):
    """The answer was checked and is not right yet."""


class NotAttempted(CheckFailed):
    """The answer is still the placeholder ``...``."""

    icon = "✏️"
    title = "Not attempted yet"
    colour = "33"  # ANSI yellow


@dataclass(frozen=True)
class Verdict:
    """What a check decided: ``status`` is ``"correct"``, ``"not yet right"`` or ``"not attempted"``."""

    status: str
    message: str = ""

    CORRECT = "correct"
    NOT_YET_RIGHT = "not yet right"
    NOT_ATTEMPTED = "not attempted"
    # the outcomes of an assessment's form check (it never knows whether an answer is right)
    ANSWERED = "answered"
    NEEDS_FIXING = "needs fixing"

    @property
    def correct(self) -> bool:
        return self.status == self.CORRECT

    def __bool__(self) -> bool:
        return self.correct


@dataclass
class Feedback:
    """A rich message shown in the notebook (HTML in JupyterLab, text elsewhere)."""

    title: str
    message: str = ""
    kind: str = "correct"  # correct | hint | info

    _STYLES = {
        "correct": ("✅", "#e8f5e9", "#2e7d32"),
        "wrong": ("❌", "#ffebee", "#c62828"),
        "blank": ("✏️", "#fffde7", "#8d6e00"),
        "hint": ("💡", "#fff8e1", "#8d6e00"),
        "info": ("ℹ️", "#e3f2fd", "#1565c0"),
        "solution": ("📖", "#f3e5f5", "#6a1b9a"),
    }

    def __repr__(self) -> str:
        icon = self._STYLES[self.kind][0]
        text = f"{icon} {self.title}"
        return f"{text}\n   {self.message}" if self.message else text

    def _repr_html_(self) -> str:
        icon, background, colour = self._STYLES[self.kind]
        text = html.escape(self.message).replace("\n", "<br>")
        body = f"<div style='margin-top:.3em;white-space:pre-wrap'>{text}</div>" if self.message else ""
        return (
            f"<div style='background:{background};border-left:4px solid {colour};"
            f"padding:.5em .8em;border-radius:4px;color:#222'>"
            f"<b style='color:{colour}'>{icon} {html.escape(self.title)}</b>{body}</div>"
        )


def _show(feedback: Feedback) -> None:
    try:
        from IPython.display import display

        display(feedback)
    except ImportError:  # plain Python, e.g. a script
        print(repr(feedback))


# --------------------------------------------------------------------------- hashing
def normalise_text(value: str) -> str:
    """Lower-case, trim and collapse inner whitespace: ``"  Support "`` -> ``"support"``."""
    return " ".join(value.strip().lower().split())


def fingerprint(question_id: str, canonical: str) -> str:
    """Salted hash of a canonical answer. Used by authors to store expected answers."""
    digest = hashlib.sha256(f"{_SALT}|{question_id}|{canonical}".encode("utf-8"))
    return digest.hexdigest()[:20]


def is_number(value: Any) -> bool:
    return type(value) in _NUMBER_TYPES and math.isfinite(float(value))


def canonical_number(value: Any, decimals: int) -> str:
    rounded = round(float(value), decimals)
    return f"{rounded + 0.0:.{decimals}f}"  # + 0.0 turns -0.0 into 0.0


# --------------------------------------------------------------------------- questions
@dataclass
class Question:
    """Base class: an exercise with an id, hints, a model answer and a check.

    Subclasses implement :meth:`_verdict`, which returns ``None`` when the answer is
    right and otherwise raises :class:`NotYetRight` / :class:`NotAttempted` (internally:
    :meth:`check` turns that into a displayed verdict).
    """

    id: str
    hints: Sequence[str] = ()
    explanation: str = ""
    model_answer: str = ""
    raises: bool = False
    _hints_shown: int = field(default=0, init=False, repr=False)
    _attempted: bool = field(default=False, init=False, repr=False)

    # -- public API ------------------------------------------------------------
    def verdict(self, answer: Any) -> Verdict:
        """Decide without showing anything: a :class:`Verdict`. Never raises for a wrong answer."""
        try:
            self._verdict(answer)
        except NotAttempted as outcome:
            return Verdict(Verdict.NOT_ATTEMPTED, outcome.message)
        except CheckFailed as outcome:
            return Verdict(Verdict.NOT_YET_RIGHT, outcome.message)
        return Verdict(Verdict.CORRECT, self.explanation)

    def check(self, answer: Any) -> None:
        """Check ``answer`` and show *correct*, *not yet right* or *not attempted*.

        Shows the verdict and returns nothing (so the notebook shows no ``Out[]``); use
        :meth:`verdict` to get it as a value. Raises only for a question built with ``raises=True``.
        """
        result = self.verdict(answer)
        if result.status != Verdict.NOT_ATTEMPTED:
            self._attempted = True
        _record(self.id, result.status)
        if self.raises and not result.correct:
            failure = NotAttempted if result.status == Verdict.NOT_ATTEMPTED else NotYetRight
            raise failure(result.message, self.id)
        _show(_feedback_for(result))

    def is_correct(self, answer: Any) -> bool:
        """True if ``answer`` is right (no output, never raises for a wrong answer)."""
        return self.verdict(answer).correct

    def hint(self, number: int | None = None) -> None:
        """Show the next hint (or hint ``number``); each call reveals a little more."""
        if not self.hints:
            _show(Feedback("No hints for this one", "Re-read the lesson section above the task.", "hint"))
            return
        if number is None:
            self._hints_shown = min(self._hints_shown + 1, len(self.hints))
            number = self._hints_shown
        number = max(1, min(int(number), len(self.hints)))
        more = " Run hint() again for another." if number < len(self.hints) else ""
        _show(Feedback(f"Hint {number} of {len(self.hints)}", self.hints[number - 1] + more, "hint"))

    def solution(self) -> None:
        """Show the model answer, once the learner has checked an answer of their own."""
        if not self.model_answer:
            _show(Feedback("No model answer for this one", "Re-read the lesson section above the task.", "info"))
        elif not self._attempted:
            _show(Feedback("Try it first", "Fill in your own answer and run the check cell once; then "
                           "solution() shows the model answer to compare with.", "info"))
        else:
            _show(Feedback("Model answer", self.model_answer, "solution"))

    # -- helpers for subclasses -----------------------------------------------
    def _not_yet(self, message: str) -> NotYetRight:
        nudge = " Stuck? Run .hint() on this question." if self.hints else ""
        return NotYetRight(message + nudge, self.id)

    def _not_attempted(self, what: str = "the answer") -> NotAttempted:
        return NotAttempted(f"Replace the ... in {what} with your answer, then run this cell again.", self.id)

    def _verdict(self, answer: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


_FEEDBACK_KIND = {Verdict.CORRECT: "correct", Verdict.NOT_YET_RIGHT: "wrong", Verdict.NOT_ATTEMPTED: "blank"}
_FEEDBACK_TITLE = {Verdict.CORRECT: "Correct!", Verdict.NOT_YET_RIGHT: NotYetRight.title,
                   Verdict.NOT_ATTEMPTED: NotAttempted.title}


def _feedback_for(result: Verdict) -> Feedback:
    return Feedback(_FEEDBACK_TITLE[result.status], result.message, _FEEDBACK_KIND[result.status])


def _record(question_id: str, status: str) -> None:
    """Note the outcome in the learner's progress record (never lets a check fail)."""
    try:
        from course import progress

        progress.record(question_id, status)
    except Exception:  # a progress record must never stop a check
        pass


@dataclass
class ChoiceQuestion(Question):
    """Pick one option, e.g. ``"b"``. ``answer_hash`` is ``fingerprint(id, normalised option)``.

    ``feedback`` maps the fingerprint of a *wrong* option to a message about the idea it
    misses (so the message does not reveal which option is right).
    """

    options: Sequence[str] = ()
    answer_hash: str = ""
    feedback: Mapping[str, str] = field(default_factory=dict)

    def _verdict(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._not_attempted()
        if type(answer) is not str:
            raise self._not_yet(
                f"Give your choice as text in quotes, one of {', '.join(repr(o) for o in self.options)}; "
                f"you gave a {type(answer).__name__}."
            )
        choice = normalise_text(answer)
        if choice not in [normalise_text(o) for o in self.options]:
            raise self._not_yet(f"{answer!r} is not one of the options {', '.join(repr(o) for o in self.options)}.")
        digest = fingerprint(self.id, choice)
        if digest != self.answer_hash:
            raise self._not_yet(self.feedback.get(digest, "That option is not the best one. Compare it with the lesson's advice."))


@functools.lru_cache(maxsize=None)
def _alias_table(labels: tuple[str, ...]) -> Mapping[str, str]:
    from course.exercises.aliases import aliases_for

    return aliases_for(labels)


def _canonical(label: str, labels: Sequence[str], extra: Mapping[str, str] | None = None) -> str:
    """A label as compared: normalised, with the course's alias table (and ``extra``) applied."""
    text = normalise_text(label)
    if extra and text in (own := {normalise_text(k): normalise_text(v) for k, v in extra.items()}):
        return own[text]
    return _alias_table(tuple(labels)).get(text, text)


@dataclass
class LabelsQuestion(Question):
    """Give each item a label (a dict such as ``{"support_forum": "S", ...}``).

    Labels are compared after normalising (case, spaces) and through the course's one alias table,
    :data:`course.exercises.aliases.LABEL_ALIASES` (``"support"`` for ``"S"``, ``"thanks"`` for
    ``"thank you"``, ...).

    ``answer_hashes`` maps each item to ``fingerprint(f"{id}:{item}", normalised label)``.
    ``ideas`` optionally maps an item to a nudge shown when that item is wrong.
    """

    labels: Sequence[str] = ()
    answer_hashes: Mapping[str, str] = field(default_factory=dict)
    ideas: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)  # extra spellings for this question only

    def _canonical_label(self, label: str) -> str:
        return _canonical(label, self.labels, self.aliases)

    def _verdict(self, answer: Any) -> None:
        items = list(self.answer_hashes)
        if answer is Ellipsis:
            raise self._not_attempted()
        if type(answer) is not dict:
            raise self._not_yet(f"Your answer should be a dictionary (item -> label); you gave a {type(answer).__name__}.")
        if any(type(key) is not str for key in answer):
            raise self._not_yet("Keep the dictionary's keys exactly as they were given.")
        missing = [item for item in items if item not in answer]
        extra = [key for key in answer if key not in self.answer_hashes]
        if missing or extra:
            parts = []
            if missing:
                parts.append("missing: " + ", ".join(missing))
            if extra:
                parts.append("unexpected: " + ", ".join(extra))
            raise self._not_yet("Keep the keys exactly as given (" + "; ".join(parts) + ").")
        blanks = [item for item in items if answer[item] is Ellipsis]
        if len(blanks) == len(items):
            raise self._not_attempted("the dictionary")
        if blanks:
            raise NotAttempted(f"Still to fill in: {', '.join(blanks)}.", self.id)
        allowed = {self._canonical_label(label) for label in self.labels}
        for item in items:
            value = answer[item]
            if type(value) is not str:
                raise self._not_yet(f"The label for {item!r} should be text in quotes; it is a {type(value).__name__}.")
            if self._canonical_label(value) not in allowed:
                raise self._not_yet(f"{value!r} (for {item!r}) is not one of the labels {', '.join(map(repr, self.labels))}.")
        wrong = [
            item
            for item in items
            if fingerprint(f"{self.id}:{item}", self._canonical_label(answer[item])) != self.answer_hashes[item]
        ]
        if wrong:
            right = len(items) - len(wrong)
            lines = [f"{right} of {len(items)} are right. Look again at: {', '.join(wrong)}."]
            lines += [f"- {item}: {self.ideas[item]}" for item in wrong if item in self.ideas]
            raise self._not_yet("\n".join(lines))


@dataclass
class NumberQuestion(Question):
    """A number, compared after rounding to ``decimals`` places.

    ``answer_hash`` is ``fingerprint(id, canonical_number(value, decimals))``.
    ``mistakes`` maps the fingerprint of a typical wrong number to a message about the slip.
    """

    decimals: int = 2
    answer_hash: str = ""
    mistakes: Mapping[str, str] = field(default_factory=dict)
    what: str = "the answer"

    def _verdict(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._not_attempted(self.what)
        if not is_number(answer):
            raise self._not_yet(
                f"{self.what.capitalize()} should be a plain number (like 42 or 0.35), not a {type(answer).__name__}."
            )
        digest = fingerprint(self.id, canonical_number(answer, self.decimals))
        if digest != self.answer_hash:
            raise self._not_yet(self.mistakes.get(digest, f"{self.what.capitalize()} is not right yet. Re-check each step of the calculation."))


@dataclass
class FunctionQuestion(Question):
    """The learner writes a function; the check calls it on example inputs.

    ``cases`` are ``(args, expected_hash)`` pairs where ``expected_hash`` is
    ``fingerprint(id, canonical_number(f(*args), decimals))``. Hidden tests in the master
    notebook call the function on further inputs.
    """

    cases: Sequence[tuple[tuple, str]] = ()
    decimals: int = 2
    name: str = "your function"
    mistakes: Mapping[str, str] = field(default_factory=dict)

    def _verdict(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._not_attempted(self.name)
        if not callable(answer):
            raise self._not_yet(f"{self.name} should be a function (defined with def).")
        if is_template(answer):
            raise NotAttempted(f"{self.name} still has ... as its body: write the lines that compute the result "
                               f"(ending with return), then run this cell again.", self.id)
        for args, expected in self.cases:
            shown = ", ".join(_describe(a) for a in args)
            try:
                result = answer(*args)
            except Exception as error:  # the learner's code failed: say where, not why it should work
                raise self._not_yet(f"{self.name}({shown}) raised {type(error).__name__}: {error}") from None
            if result is Ellipsis:
                raise NotAttempted(f"{self.name}({shown}) returned ...: replace the ... with the lines that "
                                   f"compute the result.", self.id)
            if result is None:
                raise self._not_yet(f"{self.name}({shown}) returned nothing. Did you forget `return`?")
            if not is_number(result):
                raise self._not_yet(f"{self.name}({shown}) should return a number, not a {type(result).__name__}.")
            digest = fingerprint(self.id, canonical_number(result, self.decimals))
            if digest != expected:
                why = self.mistakes.get(digest, "Re-check the rule it should follow.")
                raise self._not_yet(f"{self.name}({shown}) returned {float(result):g}, which is not right yet. {why}")


_TEMPLATE_OPS = {"RESUME", "NOP", "LOAD_CONST", "RETURN_VALUE", "RETURN_CONST", "CACHE"}


def is_template(function: Any) -> bool:
    """True if ``function`` is an untouched template such as ``def f(x): ...`` (its body does nothing)."""
    import dis

    code = getattr(function, "__code__", None)
    if code is None or code.co_name == "<lambda>":
        return False
    for instruction in dis.get_instructions(code):
        if instruction.opname not in _TEMPLATE_OPS:
            return False
        if instruction.opname in ("LOAD_CONST", "RETURN_CONST") and instruction.argval not in (None, Ellipsis):
            return False
    return True


def _describe(value: Any) -> str:
    """Short description of an example input (a table is described, not printed)."""
    if hasattr(value, "shape") and hasattr(value, "columns"):
        return f"<example table of {value.shape[0]} rows>"
    return repr(value)


def answer_key(question_id: str, values: Mapping[str, str] | None = None, *, choice: str | None = None,
               number: float | None = None, decimals: int = 2) -> Any:
    """Authoring helper: compute the hashes to paste into a question definition.

    >>> answer_key("q", choice="b") == fingerprint("q", "b")
    True
    """
    if choice is not None:
        return fingerprint(question_id, normalise_text(choice))
    if number is not None:
        return fingerprint(question_id, canonical_number(number, decimals))
    if values is not None:
        return {item: fingerprint(f"{question_id}:{item}", normalise_text(label)) for item, label in values.items()}
    raise ValueError("give values, choice or number")


def function_cases(question_id: str, function: Callable, inputs: Iterable[tuple], decimals: int = 2) -> list:
    """Authoring helper: build ``FunctionQuestion.cases`` from a reference function."""
    return [(tuple(args), fingerprint(question_id, canonical_number(function(*args), decimals))) for args in inputs]


# --------------------------------------------------------------------------- assessments: form checks
_FORM_TITLE = {Verdict.ANSWERED: "Answered: graded when you hand in", Verdict.NEEDS_FIXING: "Check the form",
               Verdict.NOT_ATTEMPTED: NotAttempted.title}
_FORM_KIND = {Verdict.ANSWERED: "info", Verdict.NEEDS_FIXING: "wrong", Verdict.NOT_ATTEMPTED: "blank"}


class _FormProblem(Exception):
    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class FormCheck:
    """The visible check of an assessment item: is the answer complete and well formed?

    It says what is missing or malformed and, once the form is right, the same message for every
    answer, right or wrong: the key is not here in any form (the master's hidden tests hold it).
    ``check`` shows the message and never raises, so *Run All* reaches the end of the notebook.
    """

    id: str

    def verdict(self, answer: Any) -> Verdict:
        """``answered``, ``needs fixing`` or ``not attempted``, with the message; shows nothing."""
        try:
            self._check_form(answer)
        except _FormProblem as problem:
            return Verdict(problem.status, problem.message)
        return Verdict(Verdict.ANSWERED, "Your answer is complete and in the right form. This check does not say "
                       "whether it is right: that is decided when the assignment is graded.")

    def check(self, answer: Any) -> None:
        """Show what is missing or malformed, or that the answer is ready to hand in. Never raises."""
        result = self.verdict(answer)
        _record(self.id, result.status)
        _show(Feedback(_FORM_TITLE[result.status], result.message, _FORM_KIND[result.status]))

    # -- helpers for subclasses -----------------------------------------------
    @staticmethod
    def _fix(message: str) -> _FormProblem:
        return _FormProblem(Verdict.NEEDS_FIXING, message)

    @staticmethod
    def _blank(message: str) -> _FormProblem:
        return _FormProblem(Verdict.NOT_ATTEMPTED, message)

    def _check_form(self, answer: Any) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(repr(v) for v in values)


@dataclass
class ChoiceForm(FormCheck):
    """One option, given as text in quotes, e.g. ``"b"``."""

    options: Sequence[str] = ()

    def _check_form(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._blank("Replace the ... with your choice in quotes, then run this cell again.")
        if type(answer) is not str:
            raise self._fix(f"Give your choice as text in quotes, one of {_quoted(self.options)}; "
                            f"you gave a {type(answer).__name__}.")
        if normalise_text(answer) not in {normalise_text(o) for o in self.options}:
            raise self._fix(f"{answer!r} is not one of the options {_quoted(self.options)}.")


@dataclass
class LabelsForm(FormCheck):
    """A dictionary giving each of ``items`` one of ``labels`` (the course's alias table applies)."""

    items: Sequence[str] = ()
    labels: Sequence[str] = ()

    def _check_form(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._blank("Replace the ... with the dictionary of your answers, then run this cell again.")
        if type(answer) is not dict:
            raise self._fix(f"Your answer should be a dictionary (item -> label); you gave a {type(answer).__name__}.")
        if any(type(key) is not str for key in answer):
            raise self._fix("Keep the dictionary's keys exactly as they were given, in quotes.")
        missing = [item for item in self.items if item not in answer]
        extra = [key for key in answer if key not in self.items]
        if missing or extra:
            parts = (["missing: " + ", ".join(missing)] if missing else []) + (
                ["unexpected: " + ", ".join(extra)] if extra else [])
            raise self._fix("Keep the keys exactly as given (" + "; ".join(parts) + ").")
        blanks = [item for item in self.items if answer[item] is Ellipsis]
        if len(blanks) == len(self.items):
            raise self._blank("Replace each ... in the dictionary with a label in quotes, then run this cell again.")
        if blanks:
            raise self._blank(f"Still to fill in: {', '.join(blanks)}.")
        allowed = {_canonical(label, self.labels) for label in self.labels}
        for item in self.items:
            value = answer[item]
            if type(value) is not str:
                raise self._fix(f"The label for {item!r} should be text in quotes, one of {_quoted(self.labels)}; "
                                f"it is a {type(value).__name__}.")
            if _canonical(value, self.labels) not in allowed:
                raise self._fix(f"{value!r} (for {item!r}) is not one of the labels {_quoted(self.labels)}.")


@dataclass
class FunctionForm(FormCheck):
    """A function the learner writes: it must run on ``example`` (the arguments) and return a number."""

    name: str = "your function"
    example: tuple = ()

    def _check_form(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._blank(f"Replace the ... with your function {self.name}, then run this cell again.")
        if not callable(answer):
            raise self._fix(f"{self.name} should be a function (defined with def); it is a {type(answer).__name__}.")
        if is_template(answer):
            raise self._blank(f"{self.name} still has ... as its body: write the lines that compute the result "
                              f"(ending with return), then run this cell again.")
        shown = ", ".join(_describe(a) for a in self.example)
        try:
            result = answer(*self.example)
        except Exception as error:  # the learner's code failed: say where
            raise self._fix(f"{self.name}({shown}) raised {type(error).__name__}: {error}") from None
        if result is Ellipsis:
            raise self._blank(f"{self.name}({shown}) returned ...: replace the ... with the lines that compute the result.")
        if result is None:
            raise self._fix(f"{self.name}({shown}) returned nothing: end the function with a line `return ...`.")
        if not is_number(result):
            raise self._fix(f"{self.name}({shown}) should return a number, not a {type(result).__name__}.")
