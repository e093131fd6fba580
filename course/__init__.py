"""Community Management Workbook: the package every notebook of the course imports.

- ``course.checks``      exercise checks (correct / not yet right / not attempted) and hints
- ``course.exercises``   the questions of each module's lessons and assignment
- ``course.syllabus``    the course outline
- ``course.setup_notebook()``  the first cell of every notebook: checks the environment
"""

from __future__ import annotations

__version__ = "0.1.0"

# Minimum versions the notebooks are written against (the exact pins live in pyproject.toml).
REQUIRED = {"pandas": "2.2", "matplotlib": "3.8", "ipywidgets": "8.1", "numpy": "1.26"}


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def tidy_pandas() -> None:
    """The course's pandas display: every column shown, a message, a rule or a list of spaces never cut.

    Applied by :func:`setup_notebook` when pandas is already loaded, and by the course's modules that load
    pandas, so a notebook that never needs pandas (an assignment of choices) does not pay for loading it.
    """
    import pandas as pd

    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", None)


def setup_notebook(quiet: bool = False) -> None:
    """First cell of every notebook: check the libraries, set a tidy pandas display.

    Prints one line when all is well; raises a clear error naming what to fix otherwise. The versions are
    read from the installed packages' metadata, without loading them: loading pandas, matplotlib and
    ipywidgets here would cost every kernel most of a second (a third of grading a notebook), and the
    notebook loads what it uses anyway.
    """
    import sys
    from importlib.metadata import PackageNotFoundError, version

    problems = []
    found = {}
    for name, minimum in REQUIRED.items():
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            problems.append(f"{name} is not installed")
            continue
        if _version_tuple(found[name]) < _version_tuple(minimum):
            problems.append(f"{name} {found[name]} is older than {minimum}")
    if problems:
        raise RuntimeError(
            "Your environment needs attention: " + "; ".join(problems)
            + ". Run `make lab` again from the course folder, or `python -m course doctor` for details."
        )
    _friendly_errors()
    if "pandas" in sys.modules:
        tidy_pandas()
    if not quiet:
        print(f"Ready: course {__version__}, pandas {found['pandas']}, matplotlib {found['matplotlib']}.")


def _friendly_name_error(shell, etype, value, tb, tb_offset=None):
    """A NameError in a learner's cell is most often a label typed without its quotes.

    It is still reported as an error (so a graded cell that hits it scores nothing), but with
    a short hint instead of a traceback.
    """
    import re

    found = re.search(r"name '([^']+)' is not defined", str(value))
    name = found.group(1) if found else "this name"
    lines = [
        f"\x1b[1;33m✏️ Not attempted yet: Python does not know {name!r}\x1b[0m",
        f"   If {name} is one of the answer labels, put it in quotes: \"{name}\".",
        "   If it is a variable from an earlier cell, run that cell first (or Run > Run All Cells).",
    ]
    shell._showtraceback(etype, value, lines)
    return lines


def _friendly_errors() -> None:
    """In Jupyter, show a forgotten pair of quotes as a hint instead of a traceback."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((NameError,), _friendly_name_error)
