"""Review quizzes: scenario questions with an explanation for every option, one module per data file.

A quiz is data, ``course/quizzes/<name>.yaml``::

    id: m1_review                  # prefix of the ids kept in the learner's progress record
    title: Module 1 review quiz
    module: module1_intro          # the syllabus folder whose lessons the items test
    items:
      - id: reddit_guest           # unique in the quiz
        lesson: "1.1"              # tag: the lesson the item tests (a notebook of the module)
        objective: Act as a guest in places the brand does not own
        stem: A scenario, then the question.
        options:                   # exactly four, exactly one with best: true
          - text: The best answer.
            best: true
            why: Why it is the best answer.
          - text: A plausible mistake.
            why: What is wrong with it, and which idea it misses.
          ...

The notebook of a quiz holds two lines::

    from course.quiz import review_quiz
    review_quiz("module1")

The logic (:class:`Quiz`, :class:`Attempt`: validation, scoring, the lessons to revisit) is
separate from the ipywidgets view (:class:`QuizView`). The first option a learner picks for a
question is the one that counts; the other options can still be clicked to read their
explanations. Each first answer is noted in the progress record as ``<quiz id>.<item id>``.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from course.syllabus import Module, module as syllabus_module
from course.timing import WORDS_PER_MINUTE, _words as count_words

QUIZ_DIR = Path(__file__).resolve().parent / "quizzes"
OPTIONS_PER_ITEM = 4
LETTERS = "abcd"
# Reading the quiz at the course's reading speed (course.timing), plus time to weigh the options of each item.
DECISION_MINUTES = 0.5
_BANNED_OPTION = re.compile(r"\b(all|none|both|neither) of the (above|others|options)\b", re.IGNORECASE)
_ID = r"^[a-z][a-z0-9_]*$"

_TEXT = {"type": "string", "pattern": r"\S"}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "module", "items"],
    "properties": {
        "id": {"type": "string", "pattern": _ID},
        "title": _TEXT,
        "module": _TEXT,
        "items": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "lesson", "objective", "stem", "options"],
            "properties": {
                "id": {"type": "string", "pattern": _ID},
                "lesson": _TEXT,
                "objective": _TEXT,
                "stem": _TEXT,
                "options": {"type": "array", "minItems": OPTIONS_PER_ITEM, "maxItems": OPTIONS_PER_ITEM, "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["text", "why"],
                    "properties": {"text": _TEXT, "why": _TEXT, "best": {"type": "boolean"}},
                }},
            },
        }},
    },
}


class QuizError(ValueError):
    """A quiz file that cannot be used; the message names the file, the item and the field."""


@dataclass(frozen=True)
class Option:
    text: str
    why: str  # the rationale: why this option is the best answer, or what mistake it reflects
    best: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    lesson: str  # the tag: "1.2" for lesson 1.2
    objective: str
    stem: str
    options: tuple[Option, ...]

    @property
    def best(self) -> int:
        """Index of the best option."""
        return next(i for i, option in enumerate(self.options) if option.best)


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    module: Module
    items: tuple[Item, ...]
    lessons: dict[str, str]  # tag -> notebook file of the module, e.g. "1.2" -> "1.2-why-it-matters.ipynb"

    def question_id(self, item: Item) -> str:
        """The id under which the progress record keeps this item's outcome."""
        return f"{self.id}.{item.id}"

    def lesson_title(self, tag: str) -> str:
        file = self.lessons[tag]
        return next(nb.title for nb in self.module.notebooks if nb.file == file)

    def words(self) -> int:
        return count_words(" ".join([item.stem for item in self.items]
                                    + [o.text + " " + o.why for item in self.items for o in item.options]))

    def minutes(self) -> int:
        """Time to take the quiz: every stem and option read, and half the explanations (the one chosen and
        the best one), at the course's reading speed, plus half a minute to decide each item."""
        words = self.words() - self.explanation_words() / 2
        return math.ceil(words / WORDS_PER_MINUTE + DECISION_MINUTES * len(self.items))

    def explanation_words(self) -> int:
        return count_words(" ".join(o.why for item in self.items for o in item.options))


def _path(location: list) -> str:
    """``['items', 3, 'options', 2, 'why']`` -> ``items[3].options[2].why``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def _item_label(data: dict, index: int) -> str:
    items = data.get("items") if isinstance(data, dict) else None
    if isinstance(items, list) and index < len(items) and isinstance(items[index], dict) and "id" in items[index]:
        return f"item {index + 1} ({items[index]['id']!r})"
    return f"item {index + 1}"


def parse_quiz(data: Any, source: str = "<quiz>") -> Quiz:
    """Build a :class:`Quiz` from parsed YAML, checking every item; raise :class:`QuizError` naming what is wrong."""
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(map(str, e.path)))
    if errors:
        error = errors[0]
        location = list(error.path)
        where = _path(location)
        if len(location) >= 2 and location[0] == "items" and isinstance(location[1], int):
            where = f"{_item_label(data, location[1])}, {where}"
        message = error.message
        if error.validator == "pattern" and error.schema is _TEXT:
            message = "must not be empty"
        elif error.validator == "additionalProperties":
            message += f"; the fields here are {', '.join(error.schema.get('properties', {}))}"
        raise QuizError(f"{source}: {where}: {message}")

    try:
        module = syllabus_module(data["module"])
    except KeyError as error:
        raise QuizError(f"{source}: module: {error.args[0]}") from None
    lessons = {nb.file.split("-", 1)[0]: nb.file for nb in module.notebooks if nb.kind in ("lesson", "lab")}

    items, seen = [], set()
    for index, raw in enumerate(data["items"]):
        label = _item_label(data, index)
        if raw["id"] in seen:
            raise QuizError(f"{source}: {label}: id {raw['id']!r} is used by an earlier item too")
        seen.add(raw["id"])
        if raw["lesson"] not in lessons:
            raise QuizError(f"{source}: {label}, items[{index}].lesson: {raw['lesson']!r} is not a notebook of "
                            f"{module.folder}; the tags are {', '.join(lessons)}")
        options = tuple(Option(o["text"].strip(), o["why"].strip(), o.get("best", False)) for o in raw["options"])
        best = [i for i, o in enumerate(options) if o.best]
        if len(best) != 1:
            raise QuizError(f"{source}: {label}, items[{index}].options: exactly one option needs best: true, "
                            f"found {len(best)}")
        for j, option in enumerate(options):
            if _BANNED_OPTION.search(option.text):
                raise QuizError(f"{source}: {label}, items[{index}].options[{j}].text: no 'all/none of the above' "
                                "options; write a fourth plausible answer")
        texts = [o.text.lower() for o in options]
        if len(set(texts)) != len(texts):
            raise QuizError(f"{source}: {label}, items[{index}].options: two options have the same text")
        items.append(Item(raw["id"], raw["lesson"], raw["objective"].strip(), raw["stem"].strip(), options))
    return Quiz(data["id"], data["title"].strip(), module, tuple(items), lessons)


def quiz_path(name: str) -> Path:
    return QUIZ_DIR / f"{name}.yaml"


def quiz_names() -> list[str]:
    return sorted(p.stem for p in QUIZ_DIR.glob("*.yaml"))


def load_quiz(name_or_path: str | Path) -> Quiz:
    """A shipped quiz by name (``"module1"``) or a quiz file by path."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        path = quiz_path(str(name_or_path))
        if not path.is_file():
            raise QuizError(f"there is no quiz called {name_or_path!r}; the quizzes are: {', '.join(quiz_names())}")
    elif not path.is_file():
        raise QuizError(f"{path}: no such quiz file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise QuizError(f"{path}: not valid YAML{where}: {getattr(error, 'problem', error)}") from None
    return parse_quiz(data, str(path))


# --------------------------------------------------------------------------- one learner's attempt
@dataclass(frozen=True)
class Choice:
    """What choosing an option tells the learner."""

    item: Item
    option: int
    counted: bool  # the first choice for this item, the one that counts for the score

    @property
    def correct(self) -> bool:
        return self.option == self.item.best

    @property
    def why(self) -> str:
        return self.item.options[self.option].why


@dataclass
class Attempt:
    """A learner's way through a quiz: the first choice per item counts; scores per quiz and per lesson."""

    quiz: Quiz
    recorder: Callable[[str, str], None] | None = None  # e.g. course.progress.record
    first: dict[str, int] = field(default_factory=dict)  # item id -> the option chosen first

    def choose(self, item_index: int, option: int) -> Choice:
        item = self.quiz.items[item_index]
        if not 0 <= option < len(item.options):
            raise IndexError(f"{item.id}: option {option} does not exist (0..{len(item.options) - 1})")
        counted = item.id not in self.first
        if counted:
            self.first[item.id] = option
            if self.recorder is not None:
                self.recorder(self.quiz.question_id(item), "correct" if option == item.best else "not yet right")
        return Choice(item, option, counted)

    def answered(self, item: Item) -> bool:
        return item.id in self.first

    def right(self, item: Item) -> bool:
        return self.first.get(item.id) == item.best

    @property
    def score(self) -> int:
        return sum(self.right(item) for item in self.quiz.items)

    @property
    def finished(self) -> bool:
        return all(self.answered(item) for item in self.quiz.items)

    def by_lesson(self) -> dict[str, tuple[int, int]]:
        """Lesson tag -> (right, items), in lesson order."""
        result: dict[str, tuple[int, int]] = {}
        for item in sorted(self.quiz.items, key=lambda i: list(self.quiz.lessons).index(i.lesson)):
            right, total = result.get(item.lesson, (0, 0))
            result[item.lesson] = (right + self.right(item), total + 1)
        return result

    def to_revisit(self) -> list[str]:
        """The lessons with an item answered wrongly or not at all."""
        return [tag for tag, (right, total) in self.by_lesson().items() if right < total]


# --------------------------------------------------------------------------- the view
def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


class QuizView:
    """One question at a time, an explanation for every option chosen, Back/Next, and a score at the end."""

    def __init__(self, quiz: Quiz, recorder: Callable[[str, str], None] | None = ...):
        import ipywidgets as widgets

        if recorder is ...:
            from course import progress

            recorder = progress.record
        self.quiz = quiz
        self.attempt = Attempt(quiz, recorder)
        self.index = 0
        self.shown: int | None = None  # the option whose explanation is on screen
        self.header = widgets.HTML()
        self.stem = widgets.HTML()
        self.option_buttons = []
        self.option_texts = []
        rows = []
        for i in range(OPTIONS_PER_ITEM):
            button = widgets.Button(description=LETTERS[i], layout=widgets.Layout(width="3em", flex="0 0 auto"),
                                    tooltip=f"choose {LETTERS[i]}")
            button.add_class("cmw-quiz-option")
            button.add_class(f"cmw-quiz-option-{LETTERS[i]}")
            button.on_click(lambda _, i=i: self.choose(i))
            text = widgets.HTML(layout=widgets.Layout(margin="0 0 0 .6em"))
            self.option_buttons.append(button)
            self.option_texts.append(text)
            rows.append(widgets.HBox([button, text], layout=widgets.Layout(align_items="center", margin=".2em 0")))
        self.options_box = widgets.VBox(rows)
        self.explanation = widgets.HTML()
        self.explanation.add_class("cmw-quiz-explanation")
        self.back_button = widgets.Button(description="Back", icon="arrow-left")
        self.back_button.add_class("cmw-quiz-back")
        self.back_button.on_click(lambda _: self.back())
        self.next_button = widgets.Button(description="Next", icon="arrow-right", button_style="primary")
        self.next_button.add_class("cmw-quiz-next")
        self.next_button.on_click(lambda _: self.next())
        self.again_button = widgets.Button(description="Start again", icon="refresh")
        self.again_button.add_class("cmw-quiz-again")
        self.again_button.on_click(lambda _: self.restart())
        self.result = widgets.HTML()
        self.result.add_class("cmw-quiz-score")
        # Markdown in an Output widget, so that JupyterLab opens the links to the lessons itself.
        self.revisit = widgets.Output()
        self.revisit.add_class("cmw-quiz-revisit")
        self.question_box = widgets.VBox([self.header, self.stem, self.options_box, self.explanation])
        self.view = widgets.VBox([self.question_box, self.result, self.revisit, widgets.HBox([self.back_button, self.next_button,
                                                                                 self.again_button])])
        self.view.add_class("cmw-quiz")
        self.refresh()

    # ------------------------------------------------------------------ controls
    @property
    def on_score_page(self) -> bool:
        return self.index == len(self.quiz.items)

    def choose(self, option: int) -> Choice:
        choice = self.attempt.choose(self.index, option)
        self.shown = option
        self.refresh()
        return choice

    def next(self) -> None:
        self.index = min(self.index + 1, len(self.quiz.items))
        self._arrive()

    def back(self) -> None:
        self.index = max(self.index - 1, 0)
        self._arrive()

    def restart(self) -> None:
        self.attempt = Attempt(self.quiz, self.attempt.recorder)
        self.index = 0
        self._arrive()

    def _arrive(self) -> None:
        item = None if self.on_score_page else self.quiz.items[self.index]
        self.shown = self.attempt.first.get(item.id) if item else None
        self.refresh()

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        total = len(self.quiz.items)
        self.back_button.disabled = self.index == 0
        self.next_button.layout.display = "none" if self.on_score_page else None
        self.again_button.layout.display = None if self.on_score_page else "none"
        self.revisit.clear_output()
        if self.on_score_page:
            self.question_box.layout.display = "none"
            self.result.value = self.score_html()
            from IPython.display import Markdown, display

            with self.revisit:
                display(Markdown(self.revisit_markdown()))
            return
        self.question_box.layout.display = None
        self.result.value = ""
        item = self.quiz.items[self.index]
        self.next_button.description = "See my score" if self.index == total - 1 else "Next"
        self.header.value = (f"<b>{_esc(self.quiz.title)}</b> &nbsp; question {self.index + 1} of {total} "
                             f"&nbsp;·&nbsp; lesson {item.lesson}: {_esc(self.quiz.lesson_title(item.lesson))}")
        self.stem.value = f"<div style='margin:.5em 0;line-height:1.45'>{_esc(item.stem)}</div>"
        first = self.attempt.first.get(item.id)
        for i, (button, text) in enumerate(zip(self.option_buttons, self.option_texts)):
            text.value = f"<span style='line-height:1.4'>{_esc(item.options[i].text)}</span>"
            if first is None:
                button.button_style = ""
            else:  # once answered, the best option is marked, and the learner's first choice if it was another
                button.button_style = "success" if i == item.best else ("danger" if i == first else "")
        self.explanation.value = self._explanation_html(item, first)

    def _explanation_html(self, item: Item, first: int | None) -> str:
        if self.shown is None:
            return ("<div style='color:#555;margin-top:.4em'>Choose the answer you think is best. Your first "
                    "choice counts; afterwards you can click the other options to read about them.</div>")
        option = item.options[self.shown]
        right = self.shown == item.best
        colour, background = ("#2e7d32", "#e8f5e9") if right else ("#c62828", "#ffebee")
        verdict = "Best answer" if right else "Not the best answer"
        note = ""
        if first is not None and first != item.best and self.shown == first:
            note = " The best answer is now marked in green: click it to read why."
        return (f"<div style='background:{background};border-left:4px solid {colour};padding:.5em .8em;"
                f"margin-top:.5em;border-radius:4px;color:#222'><b style='color:{colour}'>"
                f"{'✅' if right else '❌'} {LETTERS[self.shown]}: {verdict}.</b> {_esc(option.why)}{note}</div>")

    def score_html(self) -> str:
        attempt, total = self.attempt, len(self.quiz.items)
        rows = "".join(
            f"<tr><td>{tag}</td><td>{_esc(self.quiz.lesson_title(tag))}</td><td style='text-align:right'>{right} of {n}</td></tr>"
            for tag, (right, n) in attempt.by_lesson().items())
        unanswered = total - len(attempt.first)
        lines = [f"<h3 style='margin:.3em 0'>Your score: {attempt.score} of {total}</h3>"]
        if unanswered:
            lines.append(f"<p>{unanswered} question(s) left unanswered count as not right: use Back to answer them.</p>")
        lines.append("<table><tr><th>lesson</th><th></th><th>right</th></tr>" + rows + "</table>")
        missed = [item for item in self.quiz.items if not attempt.right(item)]
        if missed:
            lines.append("<p style='margin-bottom:.2em'><b>What to practise</b> (the objective of each question you "
                         "missed):</p><ul style='margin-top:0'>" + "".join(
                             f"<li>{_esc(item.objective)} (lesson {item.lesson}, question "
                             f"{self.quiz.items.index(item) + 1})</li>" for item in missed) + "</ul>")
        return "<div>" + "".join(lines) + "</div>"

    def revisit_markdown(self) -> str:
        """The lessons to revisit, as Markdown links relative to the quiz notebook."""
        revisit = self.attempt.to_revisit()
        if not revisit:
            return "**Every question right.** Nothing to revisit: on to the next module."
        links = "\n".join(f"- [{t} {self.quiz.lesson_title(t)}]({self.quiz.lessons[t]})" for t in revisit)
        return f"**Lessons to revisit** (each link opens the lesson):\n\n{links}"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)


def review_quiz(name: str) -> None:
    """Show a shipped quiz in the notebook (the one line a quiz notebook needs)."""
    from IPython.display import display

    display(QuizView(load_quiz(name)).view)
