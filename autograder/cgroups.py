"""One control group per grading kernel: the machine's kernel enforces memory and processes per learner.

Each sandboxed kernel (:class:`autograder.sandbox.SandboxKernelManager`) gets a control group of its own before
it starts; its first process joins it (see :mod:`autograder.jail`), so every process the learner's code starts
is in it too. The group has a memory limit for all of them together (``c.GuardedExecute.max_memory``, no swap)
and a process limit (``c.GuardedExecute.max_processes``). When they pass the memory limit, Linux's OOM killer
ends one of them inside the group and nothing outside it; :class:`autograder.execute.Watchdog` sees the kill in
the group's counters and ends the learner's run with the reason. The group is removed when the kernel ends.

cgroup v2 is used where ``/sys/fs/cgroup`` is a delegable v2 hierarchy with the ``memory`` and ``pids``
controllers; else cgroup v1's ``memory`` and ``pids`` hierarchies. Where neither is writable (not root, a
container without them), :func:`create` returns ``None`` and the watchdog polls memory instead.
"""

from __future__ import annotations

import itertools
import os
import signal
import time

CGROUP_FS = "/sys/fs/cgroup"
PREFIX = "cmw-kernel-"
_serial = itertools.count()


def _write(path: str, value: str) -> None:
    with open(path, "w") as handle:
        handle.write(value)


def _read(path: str) -> str:
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return ""


def _counter(text: str, key: str) -> int:
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name == key and value.strip().isdigit():
            return int(value)
    return 0


class KernelCgroup:
    """The control group(s) of one kernel: ``folders`` (one for v2; memory and pids for v1)."""

    def __init__(self, version: int, folders: list[str]):
        self.version, self.folders = version, folders
        self._oom_kills = 0

    def oom_kills(self) -> int:
        """How many of the group's processes the OOM killer ended (kept after the group is removed)."""
        memory = self.folders[0]
        if os.path.isdir(memory):
            text = _read(f"{memory}/memory.events" if self.version == 2 else f"{memory}/memory.oom_control")
            self._oom_kills = max(self._oom_kills, _counter(text, "oom_kill"))
        return self._oom_kills

    def pids(self) -> list[int]:
        found = set()
        for folder in self.folders:
            found.update(int(p) for p in _read(f"{folder}/cgroup.procs").split())
        return sorted(found)

    def remove(self, wait: float = 5.0) -> None:
        """Remove the group; processes still in it (they end with the kernel, but not at once) are killed."""
        self.oom_kills()
        deadline = time.monotonic() + wait
        for folder in self.folders:
            while os.path.isdir(folder):
                try:
                    os.rmdir(folder)
                except OSError:
                    for pid in self.pids():
                        try:
                            os.kill(pid, signal.SIGKILL)
                        except OSError:
                            pass
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.02)


def own_group(controller: str) -> str | None:
    """The grader's own group in ``controller``'s hierarchy ("" for v2), as /proc/self/cgroup says; the kernels'
    groups are made inside it, so whatever limits the grader itself has still hold for them."""
    for line in _read("/proc/self/cgroup").splitlines():
        _, names, path = line.split(":", 2)
        if controller in names.split(","):
            return path.rstrip("/")
    return None


def _hierarchy_v2() -> str | None:
    """The grader's own v2 group, if it may hand the memory and pids controllers to groups below it."""
    path = own_group("")
    base = f"{CGROUP_FS}{path}" if path is not None else None
    if base is None or not {"memory", "pids"} <= set(_read(f"{base}/cgroup.controllers").split()):
        return None
    if not {"memory", "pids"} <= set(_read(f"{base}/cgroup.subtree_control").split()):
        try:  # refused when the grader's own group holds processes (v2's rule): then v1 or the watchdog
            _write(f"{base}/cgroup.subtree_control", "+memory +pids")
        except OSError:
            return None
    return base


def create(max_memory: int, max_processes: int) -> KernelCgroup | None:
    """A new control group with these limits (0: none), or ``None`` where the machine offers none."""
    if os.geteuid() != 0 or not (max_memory or max_processes):
        return None
    name = f"{PREFIX}{os.getpid()}-{next(_serial)}"
    made: list[str] = []
    try:
        base = _hierarchy_v2()
        if base:
            group = KernelCgroup(2, [f"{base}/{name}"])
            os.mkdir(group.folders[0])
            made = group.folders
            if max_memory:
                _write(f"{group.folders[0]}/memory.max", str(max_memory))
                _write(f"{group.folders[0]}/memory.swap.max", "0")
            if max_processes:
                _write(f"{group.folders[0]}/pids.max", str(max_processes))
            return group
        own = {controller: own_group(controller) for controller in ("memory", "pids")}
        if None in own.values():
            return None
        memory, pids = (f"{CGROUP_FS}/{controller}{own[controller]}/{name}" for controller in ("memory", "pids"))
        if not all(os.access(os.path.dirname(folder), os.W_OK) for folder in (memory, pids)):
            return None
        group = KernelCgroup(1, [memory, pids])
        for folder in group.folders:
            os.mkdir(folder)
            made.append(folder)
        if max_memory:
            _write(f"{memory}/memory.limit_in_bytes", str(max_memory))
            if os.path.exists(f"{memory}/memory.memsw.limit_in_bytes"):  # memory and swap together: no swap
                _write(f"{memory}/memory.memsw.limit_in_bytes", str(max_memory))
            _write(f"{memory}/memory.swappiness", "0")
        if max_processes:
            _write(f"{pids}/pids.max", str(max_processes))
        return group
    except OSError:
        for folder in reversed(made):
            try:
                os.rmdir(folder)
            except OSError:
                pass
        return None


def existing() -> set[str]:
    """The kernels' groups that exist now, where this process would make them (v2 and v1 alike)."""
    found = set()
    for controller, base in (("", CGROUP_FS), ("memory", f"{CGROUP_FS}/memory"), ("pids", f"{CGROUP_FS}/pids")):
        path = own_group(controller)
        if path is not None and os.path.isdir(f"{base}{path}"):
            found.update(entry.path for entry in os.scandir(f"{base}{path}") if entry.name.startswith(PREFIX))
    return found


def sweep(wait: float = 15.0) -> list[str]:
    """Remove the kernels' groups this process made that are still there, killing what is left in them; return
    the groups that could not be removed even so.

    A kernel's group is removed as the kernel is cleaned up, but on a machine under heavy load the processes a
    learner's code started can take longer to end than that clean-up waits (or the clean-up is left to the
    garbage collector, which waits less); the grader sweeps after each submission so none is left behind.
    """
    return _remove_groups(lambda name: name.startswith(f"{PREFIX}{os.getpid()}-"), wait)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_orphans(wait: float = 30.0) -> list[str]:
    """Remove the kernels' groups whose grader process has ended (a worker whose last kernel's processes were
    still ending when it finished); return those that could not be removed."""
    def orphan(name: str) -> bool:
        owner = name[len(PREFIX):].split("-")[0]
        return owner.isdigit() and int(owner) != os.getpid() and not _alive(int(owner))
    return _remove_groups(orphan, wait)


def _remove_groups(chosen, wait: float) -> list[str]:
    by_name: dict[str, list[str]] = {}
    for path in sorted(existing()):
        if chosen(os.path.basename(path)):
            by_name.setdefault(os.path.basename(path), []).append(path)
    left = []
    for folders in by_name.values():
        memory_first = sorted(folders, key=lambda folder: "/pids/" in folder)
        try:
            KernelCgroup(2 if len(folders) == 1 else 1, memory_first).remove(wait)
        except OSError:
            left += [folder for folder in folders if os.path.isdir(folder)]
    return left
