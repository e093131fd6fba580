"""Put back the nbgrader metadata a learner edited or duplicated, so the notebook can still be graded.

nbgrader stops on a notebook whose grade cell lost its ``grade`` flag or points ("Inconsistent
checksums") and on one with the same cell twice (its own de-duplication leaves metadata it then
rejects). Neither should cost a learner the whole assignment, nor earn them anything. This step runs
first among the sanitising preprocessors of ``nbgrader autograde`` (see ``nbgrader_config.py``):

* each cell whose ``grade_id`` the gradebook knows gets the released flags back (grade, solution,
  locked, task) and its points, so the tests count exactly as released;
* when a ``grade_id`` appears more than once, the last copy keeps it (as nbgrader does) and the other
  copies become ordinary cells: they still run, and earn nothing.

nbgrader's own steps then restore the test cells' code and add back deleted grade cells.
What was put back is logged (one line per cell, marked with :data:`NOTE`); :func:`notes` reads those
lines back, and ``python -m autograder grade`` shows them in the submission's status.
"""

from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

FLAGS = ("grade", "solution", "locked", "task")
NOTE = "Restored as released: "  # marks this step's log lines, which the grading status repeats


def notes(log: str) -> list[str]:
    """What this step put back, from nbgrader's log of one submission (see autograder.grading)."""
    return [line.split(NOTE, 1)[1].strip() for line in (log or "").splitlines() if NOTE in line]


class RestoreCellMetadata(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        notebook_id = resources["unique_key"]
        with Gradebook(resources["nbgrader"]["db_url"]) as gradebook:
            try:
                notebook = gradebook.find_notebook(notebook_id, resources["nbgrader"]["assignment"])
            except MissingEntry:
                return nb, resources
            released = {cell.name: dict.fromkeys(FLAGS, False) for cell in notebook.source_cells}
            points = {}
            for cell in notebook.source_cells:
                released[cell.name]["locked"] = cell.locked
            for flag, cells in (("grade", notebook.grade_cells), ("solution", notebook.solution_cells),
                                ("task", notebook.task_cells)):
                for cell in cells:
                    released.setdefault(cell.name, dict.fromkeys(FLAGS, False))[flag] = True
                    if flag != "solution":
                        points[cell.name] = float(cell.max_score)
        counts: dict[str, int] = {}
        changed: dict[str, list[str]] = {}
        for index in range(len(nb.cells) - 1, -1, -1):  # from the end: the last copy of a cell keeps its id
            cell = nb.cells[index]
            meta = cell.get("metadata", {}).get("nbgrader")
            if not isinstance(meta, dict) or meta.get("grade_id") not in released:
                continue
            grade_id = meta["grade_id"]
            counts[grade_id] = counts.get(grade_id, 0) + 1
            if counts[grade_id] > 1:  # an earlier copy: ordinary code from now on
                del cell.metadata["nbgrader"]
                continue
            what = [flag for flag in FLAGS if bool(meta.get(flag, False)) != released[grade_id][flag]]
            if meta.get("grade") and grade_id in points and meta.get("points") != points[grade_id]:
                what.append("points")
            if what:
                changed[grade_id] = what
            meta.update(released[grade_id])
            if grade_id in points:
                meta["points"] = points[grade_id]
            else:
                meta.pop("points", None)
            meta.setdefault("schema_version", 3)
        name = f"{notebook_id}.ipynb"
        for grade_id, n in counts.items():
            if n > 1:
                self.log.warning("%s%s: cell '%s' appears %d times; only the last copy is graded", NOTE, name, grade_id, n)
        for grade_id, what in changed.items():
            self.log.warning("%s%s: the %s of cell '%s' had been changed; graded as released", NOTE, name,
                             " and ".join(what), grade_id)
        return nb, resources
