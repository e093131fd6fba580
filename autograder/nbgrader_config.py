"""nbgrader configuration of the course root.

Run every nbgrader command from this folder (``cd autograder``). The assignment ids are
the module folder names: ``source/module1_intro`` is a link to ``../module1_intro``.
Runtime state (release/, submitted/, autograded/, feedback/, exchange/, gradebook.db) is
created here and ignored by git.
"""

import os

here = os.path.dirname(os.path.abspath(__file__))
c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.course_id = "community-management"
c.CourseDirectory.root = here
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "gradebook.db")
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*", "calendar-exports"]

# The exchange lives inside the course root, so one instructor on one machine needs no
# system-wide set-up. For a shared JupyterHub, point this at a shared folder instead.
c.Exchange.root = os.path.join(here, "exchange")
c.Exchange.path_includes_course = True
# Collecting (`nbgrader collect`, formgrader's Collect button, `python -m autograder collect`) reads the inbox
# without following links and checks each timestamp.txt against the files' change times (autograder/collect.py).
c.ExchangeFactory.collect = "autograder.collect.SafeExchangeCollect"
# Releasing feedback names the learners whose submissions were placed by hand (nbgrader cannot deliver to them)
# and releases everyone else's, instead of stopping at the first of them (autograder/collect.py).
c.ExchangeFactory.release_feedback = "autograder.collect.ReleaseFeedback"

# Learner copies: the answer placeholder is a comment (answers start from `...`, set
# above the solution markers), so "Run all" never stops on a NotImplementedError.
c.ClearSolutions.code_stub = {"python": "# YOUR ANSWER HERE"}
c.ClearSolutions.text_stub = "_Write your answer here._"

# Kernel time per cell while validating and autograding.
c.ExecutePreprocessor.timeout = 120
c.Execute.timeout = 120

# Autograding guards (also applied by stock `nbgrader autograde` run from this folder):
# - RestoreCellMetadata puts back grading flags and points a learner edited, and demotes duplicated
#   graded cells, so such notebooks are graded as released instead of failing;
# - GuardedExecute adds a time budget per notebook and caps the output kept (see autograder/execute.py).
from nbgrader.converters import Autograde  # noqa: E402
from nbgrader.preprocessors import ClearOutput, Execute  # noqa: E402

from autograder.execute import GuardedExecute  # noqa: E402
from autograder.restore import RestoreCellMetadata  # noqa: E402

_sanitize = list(Autograde.class_traits()["sanitize_preprocessors"].default())
_sanitize.insert(_sanitize.index(ClearOutput) + 1, RestoreCellMetadata)
c.Autograde.sanitize_preprocessors = _sanitize
c.Autograde.autograde_preprocessors = [GuardedExecute if p is Execute else p
                                       for p in Autograde.class_traits()["autograde_preprocessors"].default()]
c.GuardedExecute.notebook_timeout = 900  # seconds for a whole notebook, kernel start included
c.GuardedExecute.max_cell_output = 1_000_000  # bytes of output kept per cell
c.GuardedExecute.max_notebook_output = 10_000_000  # bytes of output kept per notebook
# Widget state is not kept in graded notebooks (a learner's widgets could fill it without bound), and no
# learner-written HTML or script runs in formgrader or in feedback: both render through HTMLExporter, here
# with nbconvert's sanitiser on and the widget state dropped (see autograder/sanitize.py).
c.GuardedExecute.store_widget_state = False
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.preprocessors = ["autograder.sanitize.SanitizeLearnerWork"]
from autograder.sanitize import sanitize_by_default  # noqa: E402

sanitize_by_default()  # formgrader's exporter, built from the Jupyter server's own configuration
# Formgrader's pages carry a Content-Security-Policy: only nbgrader's own scripts run there (autograder/csp.py).
from autograder.csp import protect_this_server  # noqa: E402

protect_this_server()
# nbgrader 0.9.6 under SQLAlchemy 2 warns once per learner as it adds a submission; plain `nbgrader autograde`
# and formgrader add them with autoflush off, as `python -m autograder grade` does (autograder/grading.py).
from autograder.grading import quiet_gradebook  # noqa: E402

quiet_gradebook()

# Every autograding kernel starts with the learner's folder off the import path (safe-path mode). As root,
# plain `nbgrader autograde` runs each kernel in the sandbox (see autograder/sandbox.py), and where the
# sandbox is not available it refuses to run learners' code as root (`python -m autograder grade` says why).
from autograder.sandbox import availability  # noqa: E402

if os.geteuid() == 0 and availability()[0]:
    c.GuardedExecute.kernel_manager_class = "autograder.sandbox.SandboxKernelManager"
    c.SandboxKernelManager.course_root = here
else:
    c.GuardedExecute.kernel_manager_class = "autograder.sandbox.SafePathKernelManager"
