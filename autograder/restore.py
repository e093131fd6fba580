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
:func:`autograder.precheck.precheck_submission` reports the same findings in the grading status.
"""

from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

FLAGS = ("grade", "solution", "locked", "task")


class RestoreCellMetadata(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        notebook_id = resources["unique_key"]
        assignment_id = resources["nbgrader"]["assignment"]
        with Gradebook(resources["nbgrader"]["db_url"]) as gradebook:
            try:
                notebook = gradebook.find_notebook(notebook_id, assignment_id)
            except MissingEntry:
                return nb, resources
            released = {
                cell.name: {"locked": cell.locked, "grade": False, "solution": False, "task": False}
                for cell in notebook.source_cells
            }
            points = {}
            for cell in notebook.grade_cells:
                released.setdefault(cell.name, {"locked": False, "grade": False, "solution": False, "task": False})
                released[cell.name]["grade"] = True
                points[cell.name] = float(cell.max_score)
            for cell in notebook.solution_cells:
                released.setdefault(cell.name, {"locked": False, "grade": False, "solution": False, "task": False})
                released[cell.name]["solution"] = True
            for cell in notebook.task_cells:
                released.setdefault(cell.name, {"locked": False, "grade": False, "solution": False, "task": False})
                released[cell.name]["task"] = True
                points[cell.name] = float(cell.max_score)
        seen: set[str] = set()
        for index in range(len(nb.cells) - 1, -1, -1):  # from the end: the last copy of a cell keeps its id
            cell = nb.cells[index]
            meta = cell.get("metadata", {}).get("nbgrader")
            if not isinstance(meta, dict):
                continue
            grade_id = meta.get("grade_id")
            if grade_id in seen:
                self.log.warning("Cell '%s' appears more than once; the copy at position %d is graded as ordinary code",
                                 grade_id, index + 1)
                del cell.metadata["nbgrader"]
                continue
            if grade_id not in released:
                continue
            seen.add(grade_id)
            for flag in FLAGS:
                if bool(meta.get(flag, False)) != released[grade_id][flag]:
                    self.log.warning("Cell '%s': the %s flag was changed; restored as released", grade_id, flag)
                    meta[flag] = released[grade_id][flag]
            if grade_id in points:
                if meta.get("points") != points[grade_id]:
                    meta["points"] = points[grade_id]
            else:
                meta.pop("points", None)
            meta.setdefault("schema_version", 3)
        return nb, resources
