"""Crisis simulations: a pure model, scenarios as YAML files, a headless policy runner and a widget lab.

    from course.crisis import load_scenario, Simulation, run_policy, CrisisLab
"""

from course.crisis.model import ACTIONS, RULES, Simulation, debrief
from course.crisis.policy import IncomingPost, evaluate, run_policy
from course.crisis.scenario import ScenarioError, load_scenario, scenario_ids

__all__ = ["ACTIONS", "RULES", "Simulation", "debrief", "IncomingPost", "evaluate", "run_policy", "ScenarioError",
           "load_scenario", "scenario_ids", "CrisisLab"]


def __getattr__(name):  # the widget lab imports ipywidgets: load it only when asked for
    if name == "CrisisLab":
        from course.crisis.widget import CrisisLab

        return CrisisLab
    raise AttributeError(name)
