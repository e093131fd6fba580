"""Late-submission penalties for nbgrader 0.9.6's ``AssignLatePenalties`` step.

nbgrader ships one plugin, ``nbgrader.plugins.LateSubmissionPlugin`` (``penalty_method`` ``"none"`` or
``"zero"``: a late notebook scores 0). For a penalty that grows with the delay, set in ``nbgrader_config.py``::

    c.AssignLatePenalties.plugin_class = "autograder.late.PointsPerHourLate"
    c.PointsPerHourLate.points_per_hour = 1

Each started hour late costs that many points per notebook, never more than the notebook's score.
"""

from __future__ import annotations

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float


class PointsPerHourLate(LateSubmissionPlugin):
    points_per_hour = Float(1.0, help="Points taken off a notebook for each started hour it is late.").tag(config=True)

    def late_submission_penalty(self, student_id: str, score: float, total_seconds_late: float) -> float:
        hours = math.ceil(total_seconds_late / 3600)
        return min(score, hours * self.points_per_hour)
