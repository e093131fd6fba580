"""Feedback without leaks.

Stock ``nbgrader generate_feedback`` renders the autograded notebooks, in which every test cell
holds the instructor's full source: hidden tests and the expected values in them. Here the
feedback is rendered from cleaned copies instead:

* each autograded test cell gets back the source the learner saw (the released version, hidden
  tests removed);
* the visible check's message is kept (it never states the expected value);
* an error raised by a hidden test is replaced by a neutral line, without its traceback (which
  would quote the hidden code).

The points of every item and the grader's comments are nbgrader's own, from the gradebook. The page is
rendered here (Jinja2, autoescaped: ``templates/feedback.html.j2``) for a reader who is not a programmer:
a summary first (the score out of the autograded points, written answers *waiting for your instructor*
until they are marked, what to revisit), then each item by the title of its question, with the learner's
answer ("not answered" when it is still the placeholder), the check's message, the points and comments.
Learner-written HTML and Markdown reach the page only through bleach (:func:`safe_html`); the test cells'
code is never shown. Each page carries a
Content-Security-Policy ``<meta>`` tag that forbids every script (it needs none: :mod:`autograder.csp`).

The graded folders are where learners' code ran, so they are read as :mod:`autograder.safefs` reads
anything a learner controls: only the notebooks, each a regular file opened without following links and
bounded in size; a link, a FIFO, a device or a file that is not a notebook is left out with a warning,
and the other learners' feedback is written all the same.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from markupsafe import Markup
from nbconvert.filters import strip_ansi

from autograder import safefs
from autograder.csp import add_feedback_policy
from autograder.grading import EXCHANGE_FILES

BUILD = ".feedback-build"  # cleaned copies, under the course root
CHECK_OUTCOMES = ("NotYetRight", "NotAttempted")
HIDDEN_FAILED = "A further test, not shown in your notebook, did not pass for this item."


def _released_sources(root: Path, assignment: str, notebook: str) -> dict[str, str]:
    path = root / "release" / assignment / notebook
    nb = nbformat.read(str(path), as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}


def clean_notebook(nb, released: dict[str, str]):
    """Remove hidden tests and what they reveal from an autograded notebook (in place)."""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not (meta.get("grade") and cell.cell_type == "code"):
            continue
        cell.source = released.get(meta.get("grade_id"), "# (test cell)")
        outputs = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error" and output.get("ename") not in CHECK_OUTCOMES:
                # a hidden test (or an error inside one): say that it failed, not what it checked
                output = nbformat.v4.new_output("error", ename="HiddenTestFailed", evalue=HIDDEN_FAILED,
                                                traceback=[f"\x1b[1;31m❌ {HIDDEN_FAILED}\x1b[0m"])
            outputs.append(output)
        cell.outputs = outputs
    return nb


def build_clean_copies(root: Path, assignment: str, students: list[str] | None = None) -> tuple[Path, list[str]]:
    """Cleaned copies of the graded notebooks in ``.feedback-build/``; returns it and the problems met
    (one line each, naming the learner and the file), none of which stops the others."""
    build = root / BUILD
    problems: list[str] = []
    found = safefs.scan(root / "autograded", entries=None)
    for student in (f for f in found.folders if "/" not in f):
        if students and student not in students:
            continue
        dest = build / student / assignment
        try:
            dropped = safefs.copy_clean(root / "autograded", (student, assignment), dest,
                                        # the notebooks, and what nbgrader's release_feedback reads
                                        keep=lambda relative: "/" not in relative and (relative.endswith(".ipynb")
                                                                                       or relative in EXCHANGE_FILES))
        except OSError as error:
            problems.append(f"{student}: autograded/{student}/{assignment} was not used ({error.strerror or error})")
            safefs.remove_tree(dest)
            continue
        problems += [f"{student}: {relative} is {what}; left out" for relative, what in dropped
                     if relative.endswith(".ipynb")]
        for path in sorted(dest.glob("*.ipynb")):
            try:
                nb = nbformat.read(str(path), as_version=4)
                nb.metadata.pop("widgets", None)  # learner-controlled state: never into a feedback page
                nbformat.write(clean_notebook(nb, _released_sources(root, assignment, path.name)), str(path))
            except Exception as error:  # not a notebook (the learner's code wrote it), or not one of the release's
                problems.append(f"{student}: {path.name} is not a notebook that can be shown ({type(error).__name__}); "
                                "left out")
                path.unlink()
    return build, problems


def generate_feedback(root: Path, assignment: str, students: list[str] | None = None, stream=None) -> Path:
    """Write leak-free feedback (an HTML page per learner and notebook) to ``feedback/``, where nbgrader writes it.

    The pages are rendered here (see :func:`render_page`), in this process, from the cleaned copies and
    the gradebook; ``timestamp.txt`` and ``submission_secret.txt`` go next to them, as nbgrader's
    ``generate_feedback`` does, so ``nbgrader release_feedback`` releases them. A learner whose graded
    folder or gradebook record cannot be used is named on ``stream`` (stderr) and skipped; the others get
    their feedback all the same.
    """
    from nbgrader.api import Gradebook, MissingEntry

    from autograder.grading import busy_db_url

    root = Path(root).resolve()
    build, problems = build_clean_copies(root, assignment, students)
    done = sorted(p.name for p in build.iterdir() if (p / assignment).is_dir()) if build.is_dir() else []
    problems += [f"{student}: no graded folder autograded/{student}/{assignment}; no feedback written"
                 for student in students or [] if student not in done and not any(p.startswith(f"{student}:")
                                                                                  for p in problems)]
    with Gradebook(busy_db_url(root)) as gradebook:
        for student in done:
            if students and student not in students:
                continue
            source = build / student / assignment
            target = root / "feedback" / student / assignment
            try:
                pages = {}
                for path in sorted(source.glob("*.ipynb")):
                    nb = nbformat.read(str(path), as_version=4)
                    record = gradebook.find_submission_notebook(path.stem, assignment, student)
                    pages[path.stem + ".html"] = render_page(nb, path.name, record,
                                                             _released_sources(root, assignment, path.name))
            except MissingEntry:
                problems.append(f"{student}: no graded submission of {assignment} in the gradebook; no feedback written")
                continue
            except Exception as error:
                problems.append(f"{student}: the feedback could not be written ({type(error).__name__}: {error})")
                continue
            safefs.remove_tree(target)
            target.mkdir(parents=True)
            for name, html in pages.items():
                (target / name).write_text(add_feedback_policy(html), encoding="utf-8")  # no script runs there
            for name in EXCHANGE_FILES:  # what release_feedback reads next to the pages
                if (source / name).is_file():
                    (target / name).write_bytes((source / name).read_bytes())
            for path in target.iterdir():
                path.chmod(0o644)
    for line in problems:
        print(f"feedback: {line}", file=stream or sys.stderr)
    from autograder.grading import hand_back

    for folder in (root / "feedback").glob(f"*/{assignment}"):  # readable by the instructors' group
        hand_back(root, folder)
        hand_back(root, folder.parent, deep=False)
    return root / "feedback"


# --------------------------------------------------------------------------- the page
@dataclass
class Item:
    """One graded item of a notebook, as its feedback page shows it."""

    anchor: str
    title: str
    kind: str  # autograded | written
    score: float
    max_score: float
    state: str  # right | not yet right | not answered | waiting | marked
    blank: bool = False
    answer_source: str = ""
    answer_html: Markup | None = None
    answer_outputs: list[Markup] = field(default_factory=list)
    same_answer_as: str = ""
    messages: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def lesson(self) -> tuple[str, str] | None:
        """The lesson a question names in its title, as the final assessment's do ("Question 4 — Module 1, lesson
        1.2: Why community management matters"): ("1.2", "Why community management matters"); else None."""
        found = LESSON_IN_TITLE.search(self.title)
        return (found.group(1), (found.group(2) or "").strip()) if found else None

    @property
    def question(self) -> str:
        """"Question 4" for "Question 4 — Module 1, lesson 1.2: ..."; the whole title if it has no number."""
        found = re.match(r"(Question \d+)\b", self.title)
        return found.group(1) if found else self.title

    @property
    def state_text(self) -> str:
        if self.state == "not yet right":  # from the points (the check's own message is shown as it was)
            unit = "point" if self.max_score == 1 else "points"
            return f"{'Partly right' if self.score else 'Not right'} ({_points(self.score)} of {_points(self.max_score)} {unit})"
        return {"right": "Right", "not answered": "Not answered",
                "waiting": "Written answer: waiting for your instructor",
                "marked": "Marked by your instructor"}[self.state]


@dataclass
class Page:
    title: str
    notebook: str
    items: list[Item]

    def _sum(self, kind: str, attr: str, states=None) -> float:
        return sum(getattr(i, attr) for i in self.items if i.kind == kind and (states is None or i.state in states))

    auto_score = property(lambda self: self._sum("autograded", "score"))
    auto_max = property(lambda self: self._sum("autograded", "max_score"))
    written_max = property(lambda self: self._sum("written", "max_score"))
    written_waiting = property(lambda self: any(i.state == "waiting" for i in self.items))
    written_waiting_points = property(lambda self: self._sum("written", "max_score", {"waiting"}))
    written_marked = property(lambda self: self._sum("written", "score", {"marked"}))
    written_marked_max = property(lambda self: self._sum("written", "max_score", {"marked"}))
    total = property(lambda self: self.auto_score + self.written_marked)  # a written answer left blank scores 0
    total_max = property(lambda self: self.auto_max + self.written_max)

    @property
    def revisit(self) -> list[Item]:
        return [i for i in self.items if i.state in ("not yet right", "not answered")
                or (i.state == "marked" and i.score < i.max_score)]

    @property
    def revisit_by_lesson(self) -> list[tuple[str, str, list[Item]]]:
        """Where the missed questions name their lessons (the final assessment): (lesson, its title, the questions
        missed), in the course's order. Empty for a notebook whose questions do not name lessons."""
        missed = [i for i in self.revisit if i.lesson]
        if not missed:
            return []
        groups: dict[str, tuple[str, list[Item]]] = {}
        for item in missed:
            number, title = item.lesson
            groups.setdefault(number, (title, []))[1].append(item)
        from course.syllabus import lesson_order

        return [(number, groups[number][0], groups[number][1]) for number in sorted(groups, key=lesson_order)]

    @property
    def revisit_other(self) -> list[Item]:
        """The missed items that name no lesson (the final's case), listed after the lessons."""
        return [i for i in self.revisit if not i.lesson]


def _points(value: float | None) -> str:
    return f"{value or 0:g}"


_ENVIRONMENT = None


def _template():
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        _ENVIRONMENT = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
                                   autoescape=select_autoescape(default=True, default_for_string=True),
                                   trim_blocks=True, lstrip_blocks=True)
        _ENVIRONMENT.filters["points"] = _points
    return _ENVIRONMENT.get_template("feedback.html.j2")


# What learner-written HTML may keep in a feedback page (bleach's allowlist, with tables and paragraphs):
# no script, no style or class, no event handler, no link other than http(s) and mail.
SAFE_TAGS = frozenset({"a", "abbr", "b", "blockquote", "br", "code", "del", "div", "em", "h1", "h2", "h3", "h4",
                       "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "span", "strong", "sub", "sup", "table",
                       "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
SAFE_ATTRIBUTES = {"a": ["href", "title"], "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"]}


def safe_html(html: str) -> Markup:
    """Learner-controlled HTML, cleaned by bleach to :data:`SAFE_TAGS` (what is left is safe to show)."""
    import bleach

    return Markup(bleach.clean(html, tags=SAFE_TAGS, attributes=SAFE_ATTRIBUTES,
                               protocols={"http", "https", "mailto"}, strip=True, strip_comments=True))


def markdown_html(source: str) -> Markup:
    """A learner's written (Markdown) answer as HTML: raw HTML in it escaped by mistune, the result cleaned."""
    import mistune

    return safe_html(mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])(source))


LESSON_IN_TITLE = re.compile(r"\blesson (\d+\.\d+[a-z]?)(?::\s*(.+))?$")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)
BOLD_LEAD = re.compile(r"^\s*\*\*(.+?)\*\*")  # "**B. The practice crisis (3 points).** After you hand in ..."
POINTS = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s+points?\s*\)\s*\.?\s*$", re.I)


def item_title(cells, index: int) -> str:
    """The title of the graded cell ``cells[index]``, from the nearest markdown cell above it that has one:
    its last heading, or else the bold words it starts with; without "(N points)", e.g. "Question 3 —
    Community or audience?". The cell's grade id when there is none."""
    for cell in reversed(cells[:index]):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "markdown" or meta.get("solution"):
            continue
        headings = HEADING.findall(cell.source)
        lead = BOLD_LEAD.match(cell.source)
        found = headings[-1] if headings else lead.group(1) if lead else ""
        title = POINTS.sub("", found.replace("**", "").replace("`", "")).strip().rstrip(".:").strip()
        if title:
            return title
    meta = cells[index].get("metadata", {}).get("nbgrader", {})
    return str(meta.get("grade_id", f"Item {index + 1}"))


def _text(output) -> str:
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return str(output.get("evalue", ""))
    return output.get("data", {}).get("text/plain", "")


def _partial_credit(output) -> bool:
    """A grade cell's number that nbgrader reads as the item's partial credit: the points say it, not the page."""
    return output.get("output_type") == "execute_result" and re.fullmatch(r"\d+(\.\d+)?", _text(output).strip())


def _check_messages(cell) -> list[str]:
    return [text for text in (strip_ansi(_text(o)).strip() for o in cell.get("outputs", []) if not _partial_credit(o))
            if text]


def _answer_outputs(cell) -> list[Markup]:
    shown = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "text/html" in data:
            shown.append(safe_html(data["text/html"]))
        elif "image/png" in data:
            shown.append(Markup('<img alt="a chart from your answer" src="data:image/png;base64,{}">').format(
                "".join(str(data["image/png"]).split())))
        elif _text(output).strip():
            shown.append(Markup("<pre>{}</pre>").format(strip_ansi(_text(output))))
    return shown


STUBS = ("# YOUR ANSWER HERE", "# YOUR CODE HERE", "YOUR ANSWER HERE", "_Write your answer here._")


def _is_blank(source: str, released: str | None) -> bool:
    text = " ".join(source.split())
    return not text or text in STUBS or (released is not None and text == " ".join(released.split()))


def render_page(nb, notebook: str, record, released: dict[str, str]) -> str:
    """The feedback page of one graded (cleaned) notebook; ``record`` is nbgrader's ``SubmittedNotebook``."""
    from course.checks import NotAttempted

    grades = {g.name: g for g in record.grades}
    comments = {c.name: c.manual_comment for c in record.comments if c.manual_comment}
    cells = nb.cells
    items: list[Item] = []
    answered_in: dict[int, str] = {}
    for index, cell in enumerate(cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade = grades.get(meta.get("grade_id", ""))
        if not meta.get("grade") or grade is None:
            continue
        title = item_title(cells, index)
        kind = "written" if meta.get("solution") else "autograded"
        answer_at = index if meta.get("solution") else next(
            (i for i in range(index - 1, -1, -1) if cells[i].get("metadata", {}).get("nbgrader", {}).get("solution")),
            None)
        answer = cells[answer_at] if answer_at is not None else None
        answer_id = answer.metadata["nbgrader"].get("grade_id") if answer is not None else None
        blank = answer is not None and _is_blank(answer.source, released.get(answer_id))
        messages = _check_messages(cell) if kind == "autograded" else []
        if kind == "autograded" and any(NotAttempted.title in m for m in messages):
            blank = True
        if blank:  # that a hidden test failed too says nothing more
            messages = [m for m in messages if m != HIDDEN_FAILED]
        score, max_score = grade.score or 0, grade.max_score or 0
        if kind == "written":
            state = ("not answered" if blank else "waiting" if grade.needs_manual_grade and grade.manual_score is None
                     else "marked")
        else:
            state = "right" if score >= max_score else "not answered" if blank else "not yet right"
        item = Item(anchor=f"item-{len(items) + 1}", title=title, kind=kind, score=score, max_score=max_score,
                    state=state, blank=blank, messages=messages,
                    comments=[text for key in (meta.get("grade_id"), answer_id) if key in comments
                              for text in [comments[key]]])
        if answer is not None and not blank:
            if answer_at in answered_in:
                item.same_answer_as = answered_in[answer_at]
            elif answer.cell_type == "markdown":
                item.answer_html = markdown_html(answer.source)
            else:
                item.answer_source = answer.source
                item.answer_outputs = _answer_outputs(answer)
            answered_in.setdefault(answer_at, title)
        items.append(item)
    title = next((m.group(1) for c in cells if c.cell_type == "markdown"
                  for m in [re.search(r"^#\s+(.+)$", c.source, re.M)] if m), notebook)
    return _template().render(page=Page(title=title.strip(), notebook=notebook, items=items))


def leaks(page: str, master_nb, own_work: str = "") -> list[str]:
    """Lines of hidden-test code from ``master_nb`` that appear in a rendered feedback ``page``.

    ``own_work`` is the learner's own answers: what they wrote themselves is not a leak.
    """
    import html as html_module
    import re

    text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", page)).split())
    # lines a learner may write themselves (the reference solutions) are not leaks when they appear
    answers = {" ".join(line.split()) for cell in master_nb.cells if "### BEGIN SOLUTION" in cell.source
               for line in cell.source.splitlines()}
    own = " ".join(own_work.split())
    found = []
    for cell in master_nb.cells:
        if "### BEGIN HIDDEN TESTS" not in cell.source:
            continue
        hidden = cell.source.split("### BEGIN HIDDEN TESTS", 1)[1].split("### END HIDDEN TESTS", 1)[0]
        for line in hidden.splitlines():
            line = " ".join(line.split())
            if len(line) > 12 and not line.startswith("#") and line not in answers and line not in own and line in text:
                found.append(line)
    return found


__all__ = ["clean_notebook", "generate_feedback", "leaks", "render_page"]

