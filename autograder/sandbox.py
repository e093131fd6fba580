"""The grading sandbox: learners' code runs in a kernel that cannot reach what it must not.

When the grader runs as root on Linux with ``unshare`` and ``setpriv`` (a CI runner, a grading
server), each kernel starts in new network, mount and process-id namespaces, prepared by
:mod:`autograder.jail`:

* **no network**: the kernel talks to the grader over Unix sockets (ZeroMQ ``ipc``), and its
  network namespace has no interface up;
* **an allowlist of files**: the kernel's root is a new, empty file system holding only what it needs
  (:func:`kernel_view`: the Python environment in use, the installed ``course`` package and the grader's
  own modules, the system's programs and libraries, time zones, fonts, a minimal ``/etc`` and ``/dev``),
  all read-only, and the learner's own folder and private scratch folders, writable. Nothing else of the
  machine is there: not the masters, the rest of the course root, the repository, a second checkout of
  the course elsewhere, the home folders or ``/etc/shadow``;
* **an unprivileged user of its own** per worker, with no capabilities and no way to gain any;
* **limits**: address space, CPU time, file size, open files and processes (``setrlimit``; the
  process limit binds because the kernel is not root); every process the kernel starts ends with it;
  memory and processes of the whole kernel are also held by a control group of its own where the
  machine has one (:mod:`autograder.cgroups`).

On top of this, :class:`autograder.execute.GuardedExecute` caps each cell's time (nbgrader's timeout),
the whole notebook's time and the size of the output kept.

Elsewhere (a laptop without root, macOS) grading still runs, without the sandbox, and says so loudly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import warnings
import weakref
from functools import lru_cache
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer, Unicode, default

from autograder import cgroups

REPO_ROOT = Path(__file__).resolve().parent.parent
JAIL = Path(__file__).resolve().parent / "jail.py"
ENV_ROOT = "CMW_SANDBOX_COURSE_ROOT"
FIRST_UID = 61000  # kernels run as FIRST_UID + (grading worker's process id mod UIDS)
UIDS = 4000
NAMESPACES = ["unshare", "--net", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc", "--propagation", "private"]
WARNING = ("THE GRADING SANDBOX IS OFF: learners' code runs with your privileges and can read the masters, the "
           "hidden tests and the gradebook ({why}). Grade as root on Linux with `unshare` for isolation.")


def kernel_uid() -> int:
    """The unprivileged user this worker's kernels run as (one per worker, so process limits are per kernel)."""
    return FIRST_UID + os.getpid() % UIDS


@lru_cache(maxsize=1)
def availability() -> tuple[bool, str]:
    """(True, "") if kernels can be sandboxed here, else (False, why not)."""
    if sys.platform != "linux":
        return False, f"not Linux ({sys.platform})"
    if os.geteuid() != 0:
        return False, "not running as root"
    missing = [name for name in ("unshare", "setpriv") if not shutil.which(name)]
    if missing:
        return False, f"the {' and '.join(missing)} command{'s are' if len(missing) > 1 else ' is'} missing"
    probe = subprocess.run([*NAMESPACES, "setpriv", f"--reuid={FIRST_UID + UIDS}", f"--regid={FIRST_UID + UIDS}",
                            "--clear-groups", "--no-new-privs", "true"], capture_output=True)
    if probe.returncode != 0:
        return False, f"namespaces are not permitted here ({probe.stderr.decode().strip()[:120]})"
    return True, ""


def warn_if_off(stream=None) -> bool:
    ok, why = availability()
    if not ok:
        message = WARNING.format(why=why)
        warnings.warn(message, RuntimeWarning, stacklevel=2)
        print(f"\n{'!' * 80}\n{message}\n{'!' * 80}\n", file=stream or sys.stderr)
    return ok


REFUSAL = ("refusing to run learners' code as root without the grading sandbox (it is not available here: {why}); "
           "use `python -m autograder grade`, which says so loudly, or pass --no-sandbox to it on purpose")


def safe_path_command(command: list[str]) -> list[str]:
    """The kernel command with Python's safe-path mode on: the working folder (the learner's) is never on
    ``sys.path``, so a handed-in ``ipykernel_launcher.py``, ``pandas.py`` or ``course/`` is never imported;
    IPython is told not to add it either."""
    command = list(command)
    if command and "python" in os.path.basename(command[0]) and "-P" not in command[1:2]:
        command.insert(1, "-P")
    if "--IPKernelApp.ignore_cwd=True" not in command:
        command.append("--IPKernelApp.ignore_cwd=True")
    return command


class SafePathKernelManager(AsyncKernelManager):
    """Starts the kernel with the learner's folder off the import path (Python's safe-path mode), talking over
    Unix sockets, and with a runtime folder of its own (connection file, sockets), created for it and removed when it ends: nothing one
    learner's kernel leaves there is seen by the next.

    Used for every autograding kernel (see ``nbgrader_config.py``). As root it refuses to start a kernel
    outside the sandbox unless ``allow_root`` is set (``python -m autograder grade --no-sandbox`` does).
    """

    allow_root = Bool(False, help="Run learners' code as root without the sandbox (not recommended).").tag(config=True)
    sandboxed = False

    @default("transport")
    def _default_transport(self):
        # Unix sockets in the kernel's own folder (mode 0700): no other account on the machine can reach them,
        # unlike loopback TCP ports, and nothing travels in plain text over TCP (which ipykernel warns about)
        return "ipc"

    def format_kernel_cmd(self, extra_arguments=None):
        return safe_path_command(super().format_kernel_cmd(extra_arguments))

    async def _async_pre_start_kernel(self, **kw):
        if not self.sandboxed and os.geteuid() == 0 and not self.allow_root:
            raise RuntimeError(REFUSAL.format(why=availability()[1] or "not selected"))
        if getattr(self, "_private", None) is None:  # a restart keeps the kernel's folder
            from autograder.safefs import remove_tree

            self._private = tempfile.mkdtemp(prefix="cmwk-")  # short: Unix socket paths are limited to ~100 chars
            weakref.finalize(self, remove_tree, self._private)  # also if the kernel died and was never shut down
            self.connection_file = os.path.join(self._private, "kernel.json")
            if self.transport == "ipc":
                self.ip = os.path.join(self._private, "k")
        kw["env"] = {**(kw.get("env") or os.environ), "PYTHONSAFEPATH": "1", "JUPYTER_RUNTIME_DIR": self._private}
        return await super()._async_pre_start_kernel(**kw)

    async def cleanup_resources(self, restart: bool = False) -> None:
        """What nbclient calls once a kernel has ended, also one that died (then ``shutdown_kernel`` is not
        called); jupyter_client binds this name to its own method, so it is routed here explicitly."""
        await self._async_cleanup_resources(restart=restart)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and getattr(self, "_private", None):
            from autograder.safefs import remove_tree

            remove_tree(self._private)
            self._private = None


@lru_cache(maxsize=1)
def kernel_view() -> tuple[str, ...]:
    """What the kernel sees of the Python side of the machine (the jail adds the system's files): the
    environment in use (the virtual environment, the base interpreter's programs, standard library and
    site-packages), the installed ``course`` package with its data, and the grader's own modules the kernel
    imports (``autograder/*.py``: the guard). The ``course`` package is installed editable, so it is a folder
    of the repository: that folder is kept, not the repository (which holds the masters and the course root)."""
    import importlib.util
    import sysconfig

    base = {"base": sys.base_prefix, "platbase": sys.base_exec_prefix, "installed_base": sys.base_prefix,
            "installed_platbase": sys.base_exec_prefix}
    paths = {sys.prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))}
    for scheme in (sysconfig.get_paths(), sysconfig.get_paths(vars=base)):
        paths.update(scheme[key] for key in ("stdlib", "platstdlib", "purelib", "platlib"))
    if sysconfig.get_config_var("Py_ENABLE_SHARED"):
        paths.add(sysconfig.get_config_var("LIBDIR"))  # libpython
    spec = importlib.util.find_spec("course")
    paths.update(spec.submodule_search_locations if spec and spec.submodule_search_locations else [])
    here = Path(__file__).resolve().parent
    paths.update(str(path) for path in sorted(here.glob("*.py")) if path.name != "nbgrader_config.py")
    return tuple(sorted(os.path.realpath(p) for p in paths if p and os.path.exists(p)))


class SandboxKernelManager(SafePathKernelManager):
    """A kernel manager that starts the kernel inside the sandbox (Unix-socket transport, no network), in a
    control group of its own (memory and processes of all the kernel's processes together) where the machine
    has one; the group is removed when the kernel ends."""

    sandboxed = True
    course_root = Unicode("", help="The nbgrader course root (kept for older configs: the sandbox shows only its "
                                   "allowlist, so it needs no list of the course's secrets).").tag(config=True)
    max_memory = Integer(0, help="Bytes of memory for all the kernel's processes together, held by a control "
                                 "group (0: none). Set from c.GuardedExecute.max_memory.").tag(config=True)
    max_processes = Integer(0, help="Processes and threads of the kernel together, held by a control group (0: none). "
                                    "Set from c.GuardedExecute.max_processes.").tag(config=True)
    cgroup: cgroups.KernelCgroup | None = None

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        groups = self.cgroup.folders if self.cgroup else []
        return [*NAMESPACES, sys.executable, "-I", "-S", str(JAIL), "--uid", str(kernel_uid()),
                *(x for path in kernel_view() for x in ("--keep", path)),
                *(x for group in groups for x in ("--cgroup", group)), "--", *command]

    async def _async_pre_start_kernel(self, **kw):
        if self.cgroup is None:  # a restart keeps the kernel's group
            self.cgroup = cgroups.create(self.max_memory, self.max_processes)
            if self.cgroup is not None:
                weakref.finalize(self, _remove_quietly, self.cgroup)  # also if the kernel was never shut down
            elif self.max_memory or self.max_processes:
                self.log.info("no control group for this kernel (none writable here): memory is polled instead")
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        try:
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        except BaseException:  # the kernel did not start: nothing will clean up after it
            self._remove_cgroup()
            raise

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        try:
            await super()._async_cleanup_resources(restart=restart)
        finally:
            if not restart:
                self._remove_cgroup()

    def _remove_cgroup(self) -> None:
        group = self.cgroup
        if group is not None:
            self.removed_cgroup, self.cgroup = group, None  # the execute step still reads its OOM counter
            group.remove()


def _remove_quietly(group: cgroups.KernelCgroup) -> None:
    try:
        group.remove(wait=1.0)
    except OSError:
        pass


