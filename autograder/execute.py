"""nbgrader's ``Execute`` with two more guards: a time budget per notebook and a cap on the output kept.

* **Time**: nbgrader bounds each cell (``c.Execute.timeout``); a notebook of many slow cells could still
  hold a worker for a long time. ``notebook_timeout`` is the wall-clock budget of the whole notebook,
  kernel start included: the cell running when it runs out is interrupted, and the cells after it are
  not run (each gets a ``NotebookTimeoutError``, so their tests score nothing).
* **Output**: a cell that prints 100 MB would put 100 MB into the graded notebook, the gradebook's
  copy and the learner's feedback. Only the first ``max_cell_output`` bytes of each cell's output and
  ``max_notebook_output`` bytes of the notebook's are kept, followed by a notice. Error outputs are
  always kept, and so is a trace of anything written to stderr, so a test cell that failed, or wrote
  a warning, still scores nothing.

* **Links left behind**: before the kernel starts and once it has ended, the learner's folder is cleared of
  symbolic links, hard links, FIFOs, sockets and devices (:func:`autograder.safefs.purge`, never following
  one), so nbgrader's later steps as root (writing the graded notebook, ``chmod``, feedback) touch only the
  learner's own regular files.

* **Tampering**: every kernel starts with :mod:`autograder.guard`'s snapshot of how it runs cells, and
  after each autograded test cell the guard is asked, outside the transformers, whether the learner's
  code changed that machinery (an input transformer that turns tests into ``pass``, a replaced
  ``run_cell``, a hook, a swapped module ...). If so, the test cell gets a ``GradingTamperedError`` and
  scores nothing, and the grading log names what was changed.

Used by the course's ``nbgrader_config.py`` in place of ``Execute`` (so stock ``nbgrader autograde``
gets the guards too). Configure with ``c.GuardedExecute.notebook_timeout = 900`` and friends.
"""

from __future__ import annotations

import collections
import math
import os
import signal
import threading
import time

from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from nbgrader.utils import is_grade, is_solution
from traitlets import Integer

from pathlib import Path

from autograder import guard, safefs

STDERR_TRACE = 2_000  # characters of stderr kept once a cell's output is over its cap
GUARD_KEY = "cmw_guard"
TAMPERED = "GradingTamperedError"
TAMPER_NOTE = "Grading tampered with before cell "  # marks the log lines the grading status repeats
PURGE_NOTE = "Removed from the learner's folder, not followed: "
LIMIT_NOTE = "Learner limit reached: "
submission_started: float | None = None  # set by autograder.grading around one submission (all its notebooks)


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (through /proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return found


def resident_bytes(pids: list[int]) -> int:
    """Memory of ``pids`` together: their proportional set sizes, so pages a fork shares are counted once."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                total += next(int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:"))
        except (OSError, StopIteration, IndexError, ValueError):
            continue
    return total


def folder_usage(folder: str, max_files: int) -> tuple[int, int]:
    """(files and folders, bytes on disk) under ``folder``, without following links; counting stops past ``max_files``."""
    count, used, stack = 0, 0, [folder]
    while stack and count <= max_files:
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    count += 1
                    info = entry.stat(follow_symlinks=False)
                    used += info.st_blocks * 512
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
        except OSError:
            continue
    return count, used


class Watchdog(threading.Thread):
    """Per-learner limits that the kernel's own rlimits cannot express: memory of all its processes together and
    the bytes and files in the learner's folder. Checked four times a second; past a limit, every process of the
    kernel is killed (the learner loses this run, with the reason) and nothing else is touched.

    Memory: where the kernel has a control group of its own (``cgroup``, see :mod:`autograder.cgroups`), Linux
    holds the limit itself and the watchdog only reads whether the group's OOM killer ended one of its processes;
    elsewhere (no sandbox, no writable cgroup) it adds up the processes' memory, which a fast allocation can pass
    between two looks."""

    def __init__(self, pid: int, folder: str | None, max_memory: int, max_disk: int, max_files: int, cgroup=None):
        super().__init__(daemon=True, name="learner-limits")
        self.pid, self.folder, self.cgroup = pid, folder, cgroup
        self.max_memory, self.max_disk, self.max_files = max_memory, max_disk, max_files
        self.reason = ""
        self.stopped = threading.Event()

    def memory_reason(self) -> str:
        return f"its processes together used more than {self.max_memory / 1024**3:g} GB of memory"

    def breach(self) -> str:
        if self.max_memory and self.cgroup is not None:
            if self.cgroup.oom_kills():
                return self.memory_reason()
        elif self.max_memory and resident_bytes(process_tree(self.pid)) > self.max_memory:
            return self.memory_reason()
        if self.folder:
            count, used = folder_usage(self.folder, self.max_files)
            if self.max_files and count > self.max_files:
                return f"it wrote more than {self.max_files} files and folders in its folder"
            if self.max_disk and used > self.max_disk:
                return f"it wrote more than {self.max_disk / 1024**2:g} MB in its folder"
        return ""

    def run(self):
        while not self.stopped.wait(0.25):
            self.reason = self.breach()
            if self.reason:
                for pid in reversed(process_tree(self.pid)):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                return


def _is_test(cell) -> bool:
    """An autograded test cell: graded, not an answer."""
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


def _size(content: dict) -> int:
    if "text" in content:
        return len(content["text"])
    return sum(len(value) if isinstance(value, str) else len(str(value)) for value in content.get("data", {}).values())


class GuardedExecute(Execute):
    notebook_timeout = Integer(
        900, allow_none=True,
        help="Wall-clock seconds for a whole notebook, kernel start included (None or 0: no limit).",
    ).tag(config=True)
    max_cell_output = Integer(1_000_000, help="Bytes of output kept per cell.").tag(config=True)
    max_notebook_output = Integer(10_000_000, help="Bytes of output kept per notebook.").tag(config=True)
    submission_timeout = Integer(
        1800, allow_none=True,
        help="Wall-clock seconds for all the notebooks of one submission together, when graded by "
             "`python -m autograder grade` (None or 0: no limit).").tag(config=True)
    max_memory = Integer(3 * 1024**3, help="Bytes of memory for all the kernel's processes together (0: no limit).",
                         ).tag(config=True)
    max_disk = Integer(500 * 1024**2, help="Bytes the learner's folder may hold while their code runs (0: no limit).",
                       ).tag(config=True)
    max_files = Integer(5_000, help="Files and folders the learner's folder may hold (0: no limit).").tag(config=True)
    max_processes = Integer(256, help="Processes and threads of the kernel together, where it has a control group "
                                      "of its own (0: no limit; the sandbox's per-user limit still holds).",
                            ).tag(config=True)

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        if km.has_trait("max_memory"):  # the sandbox's kernel manager: a control group holds these
            km.max_memory, km.max_processes = self.max_memory, self.max_processes
        return km

    def preprocess(self, nb, resources=None, *args, **kwargs):
        deadlines = [time.monotonic() + self.notebook_timeout if self.notebook_timeout else None,
                     submission_started + self.submission_timeout if submission_started and self.submission_timeout
                     else None]
        self._deadline = min((d for d in deadlines if d is not None), default=None)
        self._budget = self.notebook_timeout if self._deadline == deadlines[0] else self.submission_timeout
        self._watchdog = None
        self._cell_bytes: dict[int, int] = {}
        self._total_bytes = 0
        self._cut: set[int] = set()
        self._stderr_traced: set[int] = set()
        start_guard = f"--IPKernelApp.exec_lines={guard.INSTALL}"
        if start_guard not in self.extra_arguments:
            self.extra_arguments = [*self.extra_arguments, start_guard]
        own = (resources or {}).get("metadata", {}).get("path")
        self._own = own
        self._purge(own)
        try:
            return super().preprocess(nb, resources, *args, **kwargs)
        finally:  # the kernel, and in the sandbox every process it started, has ended
            if self._watchdog:
                self._watchdog.stopped.set()
                group = self._watchdog.cgroup
                if not self._watchdog.reason and group is not None and self.max_memory and group.oom_kills():
                    self._watchdog.reason = self._watchdog.memory_reason()  # the kernel itself was the one killed
                if self._watchdog.reason:
                    self.log.error("%s%s", LIMIT_NOTE, self._watchdog.reason)
            self._purge(own)

    def reset_execution_trackers(self) -> None:
        super().reset_execution_trackers()
        if not self.store_widget_state:
            # nbclient's Output-widget hook writes into widget_state even when no state is kept (a quiz that
            # clears its Output widget raised KeyError); give it somewhere to write that is never saved.
            self.widget_state = collections.defaultdict(dict)

    def _watch(self) -> None:
        """Start the per-learner limits once the kernel runs."""
        if self._watchdog is not None or not (self.max_memory or self.max_disk or self.max_files):
            return
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is not None:
            self._watchdog = Watchdog(process.pid, self._own, self.max_memory, self.max_disk, self.max_files,
                                      getattr(self.km, "cgroup", None))
            self._watchdog.start()

    def _purge(self, folder) -> None:
        if folder:
            for relative, what in safefs.purge(Path(folder)):
                self.log.warning("%s%s (%s)", PURGE_NOTE, relative, what)

    # ------------------------------------------------------------------ time
    def _over_budget(self) -> bool:
        return self._deadline is not None and time.monotonic() >= self._deadline

    def _get_timeout(self, cell):
        timeout = super()._get_timeout(cell)
        if self._deadline is None:
            return timeout
        remaining = max(1, math.ceil(self._deadline - time.monotonic()))
        return remaining if timeout is None else min(timeout, remaining)

    def preprocess_cell(self, cell, resources, index):
        self._watch()
        if cell.cell_type == "code" and cell.source.strip() and self._over_budget():
            whose = "the notebook" if self._budget == self.notebook_timeout else "the submission"
            message = (f"not run: {whose} used up its {self._budget}-second time budget "
                       "before reaching this cell")
            cell.outputs = [new_output("error", ename="NotebookTimeoutError", evalue=message,
                                       traceback=[f"NotebookTimeoutError: {message}"])]
            cell.execution_count = None
            return cell, resources
        if not _is_test(cell):
            return super().preprocess_cell(cell, resources, index)
        client, execute = self.kc, self.kc.execute  # a test cell: ask the guard once it has run

        def execute_with_probe(code, *args, **kwargs):
            return execute(code, *args, user_expressions={GUARD_KEY: guard.PROBE}, **kwargs)

        client.execute = execute_with_probe
        try:
            return super().preprocess_cell(cell, resources, index)
        finally:
            client.execute = execute

    def on_cell_executed(self, **kwargs):
        super().on_cell_executed(**kwargs)
        cell, reply = kwargs["cell"], kwargs["execute_reply"]
        content = reply.get("content", {}) if reply else {}
        if not _is_test(cell) or content.get("status") != "ok":
            return  # not a test cell, or it failed anyway
        answer = content.get("user_expressions", {}).get(GUARD_KEY, {})
        said = answer.get("data", {}).get("text/plain", "") if answer.get("status") == "ok" else ""
        if said.strip("'\"") == guard.INTACT:
            return
        why = said.strip("'\"") or f"the grading guard did not answer ({answer.get('ename', 'no reply')})"
        grade_id = cell.metadata["nbgrader"].get("grade_id", "?")
        self.log.warning("%s'%s': %s", TAMPER_NOTE, grade_id, why)
        message = f"this test cannot be trusted, so it scores nothing: {why}"
        cell.outputs.append(new_output("error", ename=TAMPERED, evalue=message, traceback=[f"{TAMPERED}: {message}"]))

    # ------------------------------------------------------------------ output
    def output(self, outs, msg, display_id, cell_index):
        kind, content = msg["msg_type"], msg["content"]
        if kind == "error":
            return super().output(outs, msg, display_id, cell_index)
        size = _size(content)
        used = self._cell_bytes.get(cell_index, 0)
        allowance = min(self.max_cell_output - used, self.max_notebook_output - self._total_bytes)
        self._cell_bytes[cell_index] = used + size
        self._total_bytes += size
        if size <= allowance:
            return super().output(outs, msg, display_id, cell_index)
        stderr = kind == "stream" and content.get("name") == "stderr"
        kept = None
        if kind == "stream" and allowance > 0:  # keep the part of this text that still fits
            kept = super().output(outs, {**msg, "content": {**content, "text": content["text"][:allowance]}},
                                  display_id, cell_index)
            if stderr:
                self._stderr_traced.add(cell_index)
        elif stderr and cell_index not in self._stderr_traced:  # nbgrader must still see that stderr was written to
            self._stderr_traced.add(cell_index)
            outs.append(new_output("stream", name="stderr", text=content["text"][:STDERR_TRACE]))
        if cell_index not in self._cut:
            self._cut.add(cell_index)
            whose = ("this cell's" if used + size > self.max_cell_output else "the notebook's")
            limit = self.max_cell_output if whose == "this cell's" else self.max_notebook_output
            outs.append(new_output("stream", name="stdout",
                                   text=f"\n[output cut: {whose} output passed {limit / 1e6:g} MB; the rest was not kept]\n"))
        return kept
