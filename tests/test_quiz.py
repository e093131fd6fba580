"""Review quizzes: every shipped quiz is well formed, the scoring is right, the view works in-process."""

from __future__ import annotations

import copy
from collections import Counter

import nbformat
import pytest
import yaml

from course import quiz as qz
from course.syllabus import REPO_ROOT, reading_order

QUIZZES = qz.quiz_names()
# The lesson notebooks each quiz links to ("revisit"), as the module's syllabus names them.
LESSON_FILES = {
    "module2": {"2.1": "2.1-objectives-and-kpis.ipynb", "2.2": "2.2-target-audience.ipynb",
                "2.3": "2.3-content-plan.ipynb", "2.4": "2.4-editorial-calendar.ipynb"},
    "module3": {"3.1": "3.1-main-social-networks.ipynb", "3.2": "3.2-profiles.ipynb",
                "3.3": "3.3-content-publishing.ipynb", "3.4": "3.4-management-tools.ipynb"},
    "module4": {"4.1": "4.1-engagement-techniques.ipynb", "4.2": "4.2-comments-and-messages.ipynb",
                "4.3": "4.3-crisis-management.ipynb",
                "4.3b": "4.3b-crisis-policy-lab.ipynb", "4.4": "4.4-participation-and-loyalty.ipynb"},
    "module5": {"5.0": "5.0-meet-velora-data.ipynb", "5.1": "5.1-monitoring-metrics.ipynb",
                "5.2": "5.2-analysis-tools.ipynb", "5.3": "5.3-report-preparation.ipynb",
                "5.4": "5.4-interpretation-and-decisions.ipynb"},
}


def _raw(name: str = "module1") -> dict:
    return yaml.safe_load(qz.quiz_path(name).read_text(encoding="utf-8"))


def test_a_quiz_ships_for_every_module():
    assert {"module1", "module2", "module3", "module4", "module5"} <= set(QUIZZES)


def test_each_quiz_keeps_its_answers_under_its_own_prefix():
    ids = {name: qz.load_quiz(name).id for name in QUIZZES}
    assert ids["module1"] == "m1_review" and ids["module2"] == "m2_review" and ids["module3"] == "m3_review"
    assert ids["module4"] == "m4_review"
    assert ids["module5"] == "m5_review"
    assert len(set(ids.values())) == len(ids), f"two quizzes would share progress-record keys: {ids}"


def _quiz_notebook(quiz: qz.Quiz):
    (nb,) = [nb for nb in quiz.module.notebooks if nb.kind == "quiz"]
    return quiz.module.path / nb.file


@pytest.mark.parametrize("name", QUIZZES)
def test_the_lessons_to_revisit_are_notebooks_of_the_module(name):
    quiz = qz.load_quiz(name)
    for tag, file in quiz.lessons.items():
        assert (quiz.module.path / file).is_file(), f"{name}: lesson {tag} links to {file}, which is not on disk"
    if name in LESSON_FILES:
        assert quiz.lessons == LESSON_FILES[name]
    view = qz.QuizView(quiz, recorder=None)  # nothing answered: every lesson is to revisit, linked from the quiz
    links = view.revisit_markdown().splitlines()[2:]
    assert links == [f"- [{tag} {quiz.lesson_title(tag)}]({file})" for tag, file in quiz.lessons.items()]


@pytest.mark.parametrize("name", QUIZZES)
def test_every_item_is_a_certification_style_item(name):
    quiz = qz.load_quiz(name)  # validation: four options, one best, a rationale each, known lesson tags
    assert len(quiz.items) == 10
    for item in quiz.items:
        assert len(item.options) == 4 and sum(o.best for o in item.options) == 1, item.id
        assert all(len(o.why.split()) >= 8 for o in item.options), f"{item.id}: every option needs a real rationale"
        assert item.objective and item.lesson in quiz.lessons
        assert "?" in item.stem, f"{item.id}: the stem ends in a question"
    # every lesson of the module is tested, and none dominates
    tags = Counter(item.lesson for item in quiz.items)
    assert set(tags) == set(quiz.lessons) and max(tags.values()) <= 4, tags


@pytest.mark.parametrize("name", QUIZZES)
def test_the_best_answer_gives_itself_away_neither_by_place_nor_by_length(name):
    quiz = qz.load_quiz(name)
    places = Counter(item.best for item in quiz.items)
    assert len(places) == 4 and max(places.values()) <= 4, f"best answers by position: {places}"
    longest = sum(max(range(4), key=lambda i: len(item.options[i].text)) == item.best for item in quiz.items)
    assert longest <= 3, f"the best option is the longest in {longest} of {len(quiz.items)} items"


@pytest.mark.parametrize("name", QUIZZES)
def test_the_quiz_notebook_declares_the_measured_time(name):
    quiz = qz.load_quiz(name)
    notebooks = {(m.folder, nb.file): nbformat.read(str(m.path / nb.file), as_version=4)
                 for m, nb in reading_order() if nb.kind == "quiz"}
    users = [key for key, nb in notebooks.items() if any(f'review_quiz("{name}")' in c.source for c in nb.cells)]
    assert len(users) == 1, f"one quiz notebook shows {name!r}"
    assert users[0][0] == quiz.module.folder
    nb = notebooks[users[0]]
    meta = nb.metadata["course"]
    assert meta["activity_minutes"] == quiz.minutes() and "words a minute" in meta["activity_reason"]
    assert not any(c.metadata.get("nbgrader", {}).get("grade") for c in nb.cells), "a quiz is practice: no graded cells"


# ----------------------------------------------------------------------------------- scoring
def _recorded():
    calls = []
    return calls, (lambda qid, status: calls.append((qid, status)))


def test_the_first_choice_counts_and_is_recorded_once():
    quiz = qz.load_quiz("module1")
    calls, recorder = _recorded()
    attempt = qz.Attempt(quiz, recorder)
    first = quiz.items[0]
    wrong = (first.best + 1) % 4
    choice = attempt.choose(0, wrong)
    assert choice.counted and not choice.correct and choice.why == first.options[wrong].why
    again = attempt.choose(0, first.best)  # reading the best option afterwards does not change the score
    assert not again.counted and again.correct
    assert attempt.score == 0 and not attempt.finished
    assert calls == [(f"m1_review.{first.id}", "not yet right")]


@pytest.mark.parametrize("name", QUIZZES)
def test_score_per_lesson_and_lessons_to_revisit(name):
    quiz = qz.load_quiz(name)
    missed = list(quiz.lessons)[1]  # the module's second lesson: 1.2, 2.2, 3.2, and 4.3 while Module 4 has no 4.2
    attempt = qz.Attempt(quiz)
    for index, item in enumerate(quiz.items):  # right everywhere except the items of that lesson
        attempt.choose(index, item.best if item.lesson != missed else (item.best + 2) % 4)
    n2 = sum(item.lesson == missed for item in quiz.items)
    assert attempt.finished and attempt.score == len(quiz.items) - n2
    assert attempt.by_lesson()[missed] == (0, n2)
    assert attempt.to_revisit() == [missed]
    assert list(attempt.by_lesson()) == list(quiz.lessons) == sorted(quiz.lessons)


def test_an_unanswered_item_counts_as_a_lesson_to_revisit():
    quiz = qz.load_quiz("module1")
    attempt = qz.Attempt(quiz)
    for index, item in enumerate(quiz.items[1:], start=1):
        attempt.choose(index, item.best)
    assert attempt.score == len(quiz.items) - 1 and attempt.to_revisit() == [quiz.items[0].lesson]
    with pytest.raises(IndexError, match="option 4 does not exist"):
        attempt.choose(0, 4)


# ----------------------------------------------------------------------------------- validation
def _set(path: str, value):
    def edit(data):
        *parents, last = path.split(".")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return edit


_DELETE = object()

MALFORMED = [
    ("no rationale", _set("items.2.options.1.why", _DELETE), ["item 3 ('dealer_displays')", "items[2].options[1]", "'why'"]),
    ("empty rationale", _set("items.2.options.1.why", "  "), ["item 3 ('dealer_displays')", "options[1].why", "must not be empty"]),
    ("three options", _set("items.0.options.3", _DELETE), ["item 1 ('tiktok_followers')", "items[0].options", "too short"]),
    ("two best answers", _set("items.4.options.1.best", True), ["item 5 ('word_of_mouth')", "exactly one option", "found 2"]),
    ("no best answer", _set("items.4.options.0.best", False), ["item 5 ('word_of_mouth')", "found 0"]),
    ("all of the above", _set("items.1.options.2.text", "All of the above."), ["item 2 ('job_ad')", "options[2].text", "all/none"]),
    ("unknown lesson", _set("items.6.lesson", "1.9"), ["item 7 ('first_ride_posts')", "lesson", "'1.9'", "1.1, 1.2, 1.3"]),
    ("duplicate id", _set("items.3.id", "job_ad"), ["item 4 ('job_ad')", "used by an earlier item"]),
    ("typo in a field", _set("items.8.options.0.rationale", "x"), ["item 9 ('agency_replies')", "'rationale'", "text, why, best"]),
    ("best as text", _set("items.8.options.3.best", "yes"), ["items[8].options[3].best", "not of type 'boolean'"]),
    ("unknown module", _set("module", "module9_future"), ["module:", "no module called 'module9_future'"]),
    ("no stem", _set("items.5.stem", _DELETE), ["item 6 ('one_star_review')", "'stem' is a required property"]),
    ("same option twice", _set("items.7.options.2.text", "\"We sincerely apologise for the damage to your Velora City.\""),
     ["item 8 ('knocked_off')", "two options have the same text"]),
]


@pytest.mark.parametrize("edit, expected", [(e, x) for _, e, x in MALFORMED], ids=[n for n, _, _ in MALFORMED])
def test_a_malformed_quiz_is_rejected_naming_the_item_and_field(tmp_path, edit, expected):
    data = copy.deepcopy(_raw())
    edit(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(qz.QuizError) as caught:
        qz.load_quiz(path)
    message = str(caught.value)
    assert str(path) in message
    for part in expected:
        assert part in message, f"{part!r} not in: {message}"


def test_broken_yaml_and_missing_files_are_named(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: m1\nitems:\n  - id: x\n   lesson: [\n", encoding="utf-8")
    with pytest.raises(qz.QuizError, match=r"bad.yaml: not valid YAML \(line \d+\)"):
        qz.load_quiz(path)
    with pytest.raises(qz.QuizError, match="no such quiz file"):
        qz.load_quiz(tmp_path / "absent.yaml")
    with pytest.raises(qz.QuizError, match="no quiz called 'module7'; the quizzes are: module1"):
        qz.load_quiz("module7")
    with pytest.raises(qz.QuizError, match="the top level: 'items' is a required property"):
        qz.parse_quiz({"id": "x", "title": "t", "module": "module1_intro"}, "inline")


# ----------------------------------------------------------------------------------- the view, in-process
# The link the score page ends with when only question 1 was missed.
LAST_LINK = {"module1": "- [1.1 What is community management?](1.1-what-is-community-management.ipynb)"}


@pytest.mark.parametrize("name", QUIZZES)
def test_the_view_shows_one_question_explains_each_choice_and_ends_with_the_score(name):
    quiz = qz.load_quiz(name)
    calls, recorder = _recorded()
    view = qz.QuizView(quiz, recorder)
    first = quiz.items[0]
    assert "question 1 of 10" in view.header.value and f"lesson {first.lesson}:" in view.header.value
    assert view.back_button.disabled and not view.next_button.disabled
    assert "Choose the answer" in view.explanation.value

    wrong = (first.best + 1) % 4
    view.option_buttons[wrong].click()
    assert "Not the best answer" in view.explanation.value
    assert qz._esc(first.options[wrong].why)[:60] in view.explanation.value
    assert view.option_buttons[first.best].button_style == "success"
    assert view.option_buttons[wrong].button_style == "danger"
    view.option_buttons[first.best].click()  # reading the best one's rationale
    assert "Best answer" in view.explanation.value and qz._esc(first.options[first.best].why)[:60] in view.explanation.value

    for index in range(1, len(quiz.items)):
        view.next_button.click()
        assert f"question {index + 1} of 10" in view.header.value
        assert "Choose the answer" in view.explanation.value  # a new question starts unanswered
        view.option_buttons[quiz.items[index].best].click()
        assert "Best answer" in view.explanation.value
    assert view.next_button.description == "See my score"
    view.next_button.click()
    assert view.on_score_page and view.question_box.layout.display == "none"
    assert "Your score: 9 of 10" in view.result.value
    assert f"{qz._esc(first.objective)} (lesson {first.lesson}, question 1)" in view.result.value  # what to practise
    assert view.result.value.count("<li>") == 1
    assert view.next_button.layout.display == "none" and view.again_button.layout.display is None
    link = LAST_LINK.get(name, f"- [{first.lesson} {quiz.lesson_title(first.lesson)}]({quiz.lessons[first.lesson]})")
    assert view.revisit_markdown().endswith("\n" + link)
    assert len(calls) == 10 and calls[0] == (f"{quiz.id}.{first.id}", "not yet right")
    assert all(status == "correct" for _, status in calls[1:])

    view.back_button.click()  # back to the last question: its answer is still shown
    assert "question 10 of 10" in view.header.value and "Best answer" in view.explanation.value
    view.next_button.click()
    view.again_button.click()
    assert "question 1 of 10" in view.header.value and view.attempt.score == 0


def test_the_score_page_says_what_is_unanswered_and_when_nothing_needs_revisiting():
    quiz = qz.load_quiz("module1")
    view = qz.QuizView(quiz, recorder=None)
    for _ in quiz.items:
        view.next()
    assert "Your score: 0 of 10" in view.result.value and "10 question(s) left unanswered" in view.result.value
    view.restart()
    for item in quiz.items:
        view.choose(item.best)
        view.next()
    assert "Your score: 10 of 10" in view.result.value and "left unanswered" not in view.result.value
    assert view.revisit_markdown().startswith("**Every question right.**")


@pytest.mark.parametrize("name", QUIZZES)
def test_the_quiz_notebook_is_two_lines_of_code(name):
    path = _quiz_notebook(qz.load_quiz(name))
    assert path.relative_to(REPO_ROOT).as_posix() in {"module1_intro/1.5-review-quiz.ipynb",
                                                      "module2_strategy/2.5-review-quiz.ipynb",
                                                      "module3_social/3.5-review-quiz.ipynb",
                                                      "module4_interaction/4.5-review-quiz.ipynb",
                                                      "module5_analysis/5.5-review-quiz.ipynb"}
    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code[-1] == f'review_quiz("{name}")' and len(code) == 2
