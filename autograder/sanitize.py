"""No learner-written HTML or script runs in formgrader or in a feedback page.

Both render graded notebooks with nbconvert's ``HTMLExporter`` (formgrader's manual-grading page and
``nbgrader generate_feedback``). :class:`SanitizeLearnerWork` runs first among its preprocessors: it is
nbconvert's own ``SanitizeHTML`` (bleach, a well-kept sanitiser: markdown and raw cells and HTML outputs
cleaned, JavaScript and widget outputs removed), applied to every cell because formgrader's template
renders markdown itself, and it removes the saved widget state (learner-controlled JSON that would
otherwise bring the widget manager's scripts into the page). For ``nbgrader generate_feedback``,
nbconvert's template-level ``sanitize_html`` is switched on as well.

Formgrader builds its exporter from the Jupyter server's configuration, not from ``nbgrader_config.py``,
but it reads ``nbgrader_config.py`` in the server's process before building it: there
:func:`sanitize_by_default` makes the sanitiser the exporter's default preprocessor, so formgrader started in any way from this
course root renders learners' work sanitised.
"""

from __future__ import annotations

from nbconvert.preprocessors.sanitize import SanitizeHTML

NAME = "autograder.sanitize.SanitizeLearnerWork"


class SanitizeLearnerWork(SanitizeHTML):
    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        return super().preprocess(nb, resources)


def sanitize_by_default() -> None:
    """Make every ``HTMLExporter`` built after this call run :class:`SanitizeLearnerWork`, unless configured
    otherwise."""
    from nbconvert.exporters import HTMLExporter

    HTMLExporter.class_traits()["preprocessors"].default_value = [NAME]  # nbconvert's default: none
