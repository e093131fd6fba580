"""The grading sandbox: learners' code runs in a kernel that cannot reach what it must not.

When the grader runs as root on Linux with ``unshare`` (a CI runner, a grading server), each
kernel is started inside new network and mount namespaces:

* **no network**: the kernel talks to the grader over Unix sockets (ZeroMQ ``ipc``), and its
  network namespace has no interface up;
* **hidden files**: the masters (module folders), the course root's ``source/``, ``release/``,
  ``submitted/``, ``autograded/`` (all but the learner's own folder), ``feedback/``, ``exchange/``,
  the gradebook, the tests and their answer keys are covered by empty file systems;
* **read-only everywhere else**, except the learner's own working folder and a private ``/tmp``;
* **limits**: address space, CPU time, file size and open files (``setrlimit``), on top of
  nbgrader's per-cell timeout.

Elsewhere (a laptop without root, macOS) grading still runs, without the sandbox, and says so
loudly. ``python -m autograder.sandbox -- <kernel command>`` is the inner launcher.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import default

REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_ROOT = "CMW_SANDBOX_COURSE_ROOT"
HIDDEN_IN_COURSE_ROOT = ("source", "release", "submitted", "autograded", "feedback", "exchange", ".feedback-build",
                         "reports", "markscheme", ".runtime")
LIMITS = {  # resource -> (soft, hard)
    resource.RLIMIT_AS: (3 * 1024**3, 3 * 1024**3),  # 3 GB of address space
    resource.RLIMIT_CPU: (600, 620),  # CPU seconds for the whole notebook
    resource.RLIMIT_FSIZE: (200 * 1024**2, 200 * 1024**2),  # no file larger than 200 MB
    resource.RLIMIT_NOFILE: (1024, 1024),
    resource.RLIMIT_CORE: (0, 0),
}
WARNING = ("THE GRADING SANDBOX IS OFF: learners' code runs with your privileges and can read the masters, the "
           "hidden tests and the gradebook ({why}). Grade as root on Linux with `unshare` for isolation.")


@lru_cache(maxsize=1)
def availability() -> tuple[bool, str]:
    """(True, "") if kernels can be sandboxed here, else (False, why not)."""
    if sys.platform != "linux":
        return False, f"not Linux ({sys.platform})"
    if os.geteuid() != 0:
        return False, "not running as root"
    if not shutil.which("unshare") or not shutil.which("mount"):
        return False, "the unshare and mount commands are missing"
    probe = subprocess.run(["unshare", "--net", "--mount", "--propagation", "private", "true"], capture_output=True)
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


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel inside the sandbox (Unix-socket transport, no network)."""

    @default("transport")
    def _default_transport(self):
        return "ipc"

    @default("ip")
    def _default_ip(self):
        # an absolute socket prefix in this worker's runtime folder (kept visible inside the sandbox);
        # the default would be relative, and the kernel's working folder is not the grader's
        import uuid

        from jupyter_core.paths import jupyter_runtime_dir

        return os.path.join(jupyter_runtime_dir(), f"k{uuid.uuid4().hex[:10]}")

    def format_kernel_cmd(self, extra_arguments=None):
        command = super().format_kernel_cmd(extra_arguments)
        return ["unshare", "--net", "--mount", "--propagation", "private",
                sys.executable, "-m", "autograder.sandbox", "--", *command]


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


def _hide(path: Path) -> None:
    if path.is_dir():
        _mount("-t", "tmpfs", "-o", "size=16m,mode=755", "tmpfs", str(path))
    elif path.is_file():
        _mount("--bind", "/dev/null", str(path))


def _keep(path: Path, holder_root: Path) -> tuple[Path, Path]:
    """Hold on to ``path`` (bind it elsewhere) before its parents are hidden; return (path, holder)."""
    holder = Path(tempfile.mkdtemp(prefix="keep-", dir=holder_root))
    _mount("--bind", str(path), str(holder))
    return path, holder


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _holder_root() -> Path:
    """Somewhere outside every folder we are about to cover, to hold the folders the kernel keeps."""
    for base in ("/run", "/mnt", "/opt", "/"):
        if os.access(base, os.W_OK):
            return Path(tempfile.mkdtemp(prefix="cmw-sandbox-", dir=base))
    raise RuntimeError("no writable place to prepare the sandbox")


def enter(course_root: Path, own: Path, runtime: Path | None) -> None:
    """Inside fresh namespaces: hide what must be hidden, make the rest read-only, set limits."""
    _mount("--make-rprivate", "/")
    holders = _holder_root()
    kept = [_keep(own, holders)] + ([_keep(runtime, holders)] if runtime else [])
    for name in HIDDEN_IN_COURSE_ROOT:
        _hide(course_root / name)
    _hide(course_root / "gradebook.db")
    for folder in sorted(REPO_ROOT.glob("module*_*")) + [REPO_ROOT / "tests", REPO_ROOT / "workbook",
                                                         REPO_ROOT / "autograder" / "source"]:
        _hide(folder)
    # Private, empty scratch folders, unless the course itself lives in one (e.g. a clone in /tmp): covering
    # that folder would hide the Python environment too. The secrets in it are covered one by one above.
    needed = [REPO_ROOT, Path(sys.prefix), Path(sys.base_prefix), course_root]
    for scratch in ("/tmp", "/dev/shm", "/var/tmp"):
        if Path(scratch).is_dir() and not any(_inside(path, Path(scratch)) for path in needed):
            _mount("-t", "tmpfs", "-o", "size=512m,mode=1777", "tmpfs", scratch)
    for path, holder in kept:  # put the learner's own folder (and the kernel's sockets) back
        path.mkdir(parents=True, exist_ok=True)
        _mount("--bind", str(holder), str(path))
    home = holders / "home"  # a writable home for caches (matplotlib, IPython), whatever is read-only
    home.mkdir()
    _mount("-t", "tmpfs", "-o", "size=256m,mode=1777", "tmpfs", str(home))
    os.environ["CMW_SANDBOX_HOME"] = str(home)
    _mount("-o", "remount,bind,ro", "/")
    for limit, values in LIMITS.items():
        resource.setrlimit(limit, values)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[argv.index("--") + 1:] if "--" in argv else argv
    own = Path.cwd()
    course_root = Path(os.environ.get(ENV_ROOT, REPO_ROOT / "autograder"))
    runtime = Path(os.environ["JUPYTER_RUNTIME_DIR"]) if os.environ.get("JUPYTER_RUNTIME_DIR") else None
    if "-f" in command and runtime is not None:  # the connection file may sit in a folder about to be covered
        index = command.index("-f") + 1
        kept = runtime / Path(command[index]).name
        if Path(command[index]) != kept:
            shutil.copy(command[index], kept)
            command[index] = str(kept)
    enter(course_root, own, runtime)
    home = os.environ["CMW_SANDBOX_HOME"]
    os.environ.update(HOME=home, MPLCONFIGDIR=f"{home}/matplotlib", IPYTHONDIR=f"{home}/ipython", TMPDIR=home,
                      PYTHONDONTWRITEBYTECODE="1", JUPYTER_DATA_DIR=f"{home}/jupyter")
    os.chdir(own)
    os.execv(command[0], command)
    return 1  # pragma: no cover - execv does not return


if __name__ == "__main__":
    sys.exit(main())
