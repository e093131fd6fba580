"""The grading sandbox: learners' code runs in a kernel that cannot reach what it must not.

When the grader runs as root on Linux with ``unshare`` and ``setpriv`` (a CI runner, a grading
server), each kernel starts in new network, mount and process-id namespaces, prepared by
:mod:`autograder.jail`:

* **no network**: the kernel talks to the grader over Unix sockets (ZeroMQ ``ipc``), and its
  network namespace has no interface up;
* **hidden files**: the masters (module folders), the course root's ``source/``, ``release/``,
  ``submitted/``, ``autograded/`` (all but the learner's own folder), ``feedback/``, ``exchange/``,
  the gradebook, the tests and their answer keys, the scratch folders and any folder closed to
  other users (such as root's home) are covered by empty file systems;
* **read-only everywhere else**, except the learner's own working folder and a private ``/tmp``;
* **an unprivileged user of its own** per worker, with no capabilities and no way to gain any;
* **limits**: address space, CPU time, file size, open files and processes (``setrlimit``; the
  process limit binds because the kernel is not root); every process the kernel starts ends with it.

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
from traitlets import Bool, Unicode, default

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
    """Starts the kernel with the learner's folder off the import path (Python's safe-path mode), and with a
    runtime folder of its own (connection file, sockets), created for it and removed when it ends: nothing one
    learner's kernel leaves there is seen by the next.

    Used for every autograding kernel (see ``nbgrader_config.py``). As root it refuses to start a kernel
    outside the sandbox unless ``allow_root`` is set (``python -m autograder grade --no-sandbox`` does).
    """

    allow_root = Bool(False, help="Run learners' code as root without the sandbox (not recommended).").tag(config=True)
    sandboxed = False

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

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and getattr(self, "_private", None):
            from autograder.safefs import remove_tree

            remove_tree(self._private)
            self._private = None


class SandboxKernelManager(SafePathKernelManager):
    """A kernel manager that starts the kernel inside the sandbox (Unix-socket transport, no network)."""

    sandboxed = True
    course_root = Unicode("", help="The nbgrader course root whose secrets the sandbox hides.").tag(config=True)

    @default("transport")
    def _default_transport(self):
        return "ipc"

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        course_root = self.course_root or os.environ.get(ENV_ROOT, str(REPO_ROOT / "autograder"))
        keep = [str(REPO_ROOT), sys.prefix, sys.base_prefix, *sys.path[1:]]
        return [*NAMESPACES, sys.executable, "-I", "-S", str(JAIL), "--course-root", course_root,
                "--uid", str(kernel_uid()), *(x for path in keep if path for x in ("--keep", path)), "--", *command]


