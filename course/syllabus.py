"""The course outline: modules, their lessons and assignments, in teaching order.

This is the single list the tools read: the workbook generator, the previous/next links
at the foot of each notebook, ``doctor`` and the README's module table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Notebook:
    file: str  # e.g. "1.1-what-is-community-management.ipynb"
    title: str
    # lesson (practice, no points) | lab (a lesson with graded parts) | assignment
    # | start (the page a learner opens first) | quiz (a module's review quiz, practice, no points)
    # | final (the course's final assessment: graded, one written case rather than an assignment's two or more)
    kind: str = "lesson"

    @property
    def graded(self) -> bool:
        return self.kind in ("lab", "assignment", "final")


@dataclass(frozen=True)
class Module:
    folder: str  # the nbgrader assignment id, e.g. "module1_intro"
    number: int
    title: str
    notebooks: tuple[Notebook, ...]

    @property
    def path(self) -> Path:
        return REPO_ROOT / self.folder

    @property
    def assignment(self) -> Notebook | None:
        """The module's graded notebook: its assignment, or else its first graded lab."""
        return next((nb for nb in self.notebooks if nb.kind == "assignment"),
                    next((nb for nb in self.notebooks if nb.graded), None))


MODULES: tuple[Module, ...] = (
    Module(
        "module1_intro",
        1,
        "Introduction to Community Management",
        (
            Notebook("1.0-start-here.ipynb", "Start here: how the workbook works", kind="start"),
            Notebook("1.1-what-is-community-management.ipynb", "What is community management?"),
            Notebook("1.2-why-it-matters.ipynb", "Why community management matters"),
            Notebook("1.3-the-community-manager.ipynb", "The community manager"),
            Notebook("1.4-assignment.ipynb", "Assignment 1: foundations", kind="assignment"),
            Notebook("1.5-review-quiz.ipynb", "Module 1 review quiz", kind="quiz"),
        ),
    ),
    Module(
        "module2_strategy",
        2,
        "Community Management Strategy",
        (
            Notebook("2.1-objectives-and-kpis.ipynb", "Objectives and KPIs"),
            Notebook("2.2-target-audience.ipynb", "Understanding the target audience"),
            Notebook("2.3-content-plan.ipynb", "Creating a content plan"),
            Notebook("2.4-editorial-calendar.ipynb", "The editorial calendar"),
            Notebook("2.6-assignment.ipynb", "Assignment 2: strategy", kind="assignment"),
            Notebook("2.5-review-quiz.ipynb", "Module 2 review quiz", kind="quiz"),
        ),
    ),
    Module("module3_social", 3, "Social Media Management", (
        Notebook("3.1-main-social-networks.ipynb", "The main social networks"),
        Notebook("3.2-profiles.ipynb", "Creating and optimising profiles"),
        Notebook("3.3-content-publishing.ipynb", "Content publishing"),
        Notebook("3.4-management-tools.ipynb", "Social media management tools"),
        Notebook("3.6-assignment.ipynb", "Assignment 3: social media management", kind="assignment"),
        Notebook("3.5-review-quiz.ipynb", "Module 3 review quiz", kind="quiz"),
    )),
    Module(
        "module4_interaction",
        4,
        "Community Interaction",
        (Notebook("4.1-engagement-techniques.ipynb", "Interaction and engagement techniques"),
         Notebook("4.2-comments-and-messages.ipynb", "Managing comments and messages"),
         Notebook("4.3-crisis-management.ipynb", "Crisis management on social media"),
         Notebook("4.3b-crisis-policy-lab.ipynb", "Crisis management on social media: the response policy lab",
                  kind="lab"),
         Notebook("4.4-participation-and-loyalty.ipynb", "Encouraging participation and loyalty"),
         Notebook("4.6-assignment.ipynb", "Assignment 4: community interaction", kind="assignment"),
         Notebook("4.5-review-quiz.ipynb", "Module 4 review quiz", kind="quiz")),
    ),
    Module(
        "module5_analysis",
        5,
        "Analysis and Reports",
        (Notebook("5.0-meet-velora-data.ipynb", "Meet Velora's data: a tour of the tables"),
         Notebook("5.1-monitoring-metrics.ipynb", "Monitoring and analysing metrics"),
         Notebook("5.2-analysis-tools.ipynb", "Analysis tools"),
         Notebook("5.3-report-preparation.ipynb", "Report preparation"),
         Notebook("5.4-interpretation-and-decisions.ipynb", "Data interpretation and decision making"),
         Notebook("5.6-assignment.ipynb", "Assignment 5: analysis and reports", kind="assignment"),
         Notebook("5.5-review-quiz.ipynb", "Module 5 review quiz", kind="quiz"),
         Notebook("5.7-final-assessment.ipynb", "Final assessment", kind="final")),
    ),
)


def module(folder: str) -> Module:
    for m in MODULES:
        if m.folder == folder:
            return m
    raise KeyError(f"no module called {folder!r}; the modules are: {', '.join(m.folder for m in MODULES)}")


def published_modules() -> list[Module]:
    """Modules that already have notebooks."""
    return [m for m in MODULES if m.notebooks]


def reading_order() -> list[tuple[Module, Notebook]]:
    return [(m, nb) for m in MODULES for nb in m.notebooks]


def lesson_order(tag: str) -> list:
    """Sort key for lesson tags in the course's order: "4.3" before "4.3b" before "4.10"."""
    return [int(part) if part.isdigit() else part for part in re.findall(r"\d+|\D+", tag)]
