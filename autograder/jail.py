"""Inner launcher of the grading sandbox: prepares the kernel's view of the machine, then runs it.

Started by :class:`autograder.sandbox.SandboxKernelManager` as the first process of fresh network,
mount and process-id namespaces (``unshare --net --mount --pid --fork --mount-proc``), as root::

    python -I -S jail.py --course-root R --uid U --keep P [--keep P ...] -- <kernel command>

It uses the standard library only and is run without ``site``, so it starts in milliseconds. In order:

1. the scratch folders (``/tmp``, ``/var/tmp``, ``/dev/shm``) and any folder that other users may not
   enter (such as ``/root``) are covered by empty file systems; the folders the kernel needs (the
   course, the Python environment: ``--keep``) are put back in place;
2. inside the course, the masters, the course root's ``source/``, ``release/``, ``submitted/``,
   ``autograded/``, ``feedback/``, ``exchange/``, the gradebook, the tests, the learner workbook and
   the git history are covered; the learner's own working folder (the current folder) is put back,
   but the notebooks in it read as empty: they are the copies being graded, hidden tests included;
3. every file system is made read-only, except the own folder and the private scratch folders;
4. limits are set (address space, CPU time, file size, open files, processes), the environment is
   cut down to what Python and Jupyter need (no tokens or passwords of the grader's), and the kernel is
   started as an unprivileged user of its own (``--uid``) with no way to regain privileges. The own
   folder and the kernel's runtime folder (its own, made for this kernel alone and removed when it ends:
   see :class:`autograder.sandbox.SafePathKernelManager`) are handed to that user.

Because the kernel is the first process of its own process-id namespace, every process it starts
(a fork bomb's included) ends with it.
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import stat
import sys
import tempfile

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC = 1, 2, 4, 32, 4096, 16384
MNT_DETACH = 2

HIDDEN_IN_COURSE_ROOT = ("source", "release", "submitted", "autograded", "feedback", "exchange", ".feedback-build", ".staged",
                         "reports", "markscheme", "gradebook.db")
HIDDEN_IN_REPO = ("tests", "workbook", "autograder/source", ".git")  # and every module*_* folder (the masters)
# Only these variables reach the kernel: the grader's environment may hold tokens and passwords.
ENV_KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "VIRTUAL_ENV", "JUPYTER_RUNTIME_DIR")
ENV_KEPT_PREFIXES = ("LC_", "PYTHON", "JPY_", "NBGRADER_", "CMW_")
SCRATCH = ("/tmp", "/var/tmp", "/dev/shm")
# the kernel's private scratch space (memory-backed, gone with the kernel): 384 MB and 20,000 files at most
SCRATCH_SIZE = {"/tmp": "256m,nr_inodes=10000", "/var/tmp": "64m,nr_inodes=5000", "/dev/shm": "64m,nr_inodes=5000"}
LIMITS = {  # resource -> (soft, hard)
    resource.RLIMIT_AS: (3 * 1024**3, 3 * 1024**3),  # 3 GB of address space
    resource.RLIMIT_CPU: (600, 620),  # CPU seconds for the kernel (each process it starts has its own)
    resource.RLIMIT_FSIZE: (200 * 1024**2, 200 * 1024**2),  # no file larger than 200 MB
    resource.RLIMIT_NOFILE: (1024, 1024),
    resource.RLIMIT_NPROC: (128, 128),  # processes and threads of the kernel's own user
    resource.RLIMIT_CORE: (0, 0),
}
SETPRIV = "setpriv"

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
_libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]


def _encode(value: str | None) -> bytes | None:
    return None if value is None else os.fsencode(value)


def mount(source: str | None, target: str, fstype: str | None = None, flags: int = 0, data: str | None = None) -> None:
    if _libc.mount(_encode(source), _encode(target), _encode(fstype), flags, _encode(data)) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"sandbox: cannot mount {fstype or source} on {target}: {os.strerror(error)}")


def tmpfs(target: str, size: str, mode: str) -> None:
    mount("tmpfs", target, "tmpfs", MS_NOSUID | MS_NODEV, f"size={size},mode={mode}")


def cover(path: str) -> None:
    """Hide a folder behind an empty file system, or a file behind an empty one."""
    if os.path.isdir(path):
        tmpfs(path, "16m", "755")
    elif os.path.exists(path):
        mount("/dev/null", path, None, MS_BIND)


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def outermost(paths: list[str]) -> list[str]:
    """The paths that are not inside another of them."""
    result = []
    for path in sorted(set(paths), key=len):
        if not any(inside(path, kept) for kept in result):
            result.append(path)
    return result


class Keeper:
    """Holds folders (bind mounts in a private tmpfs) while their parents are covered, then puts them back."""

    def __init__(self) -> None:
        base = next(b for b in ("/run", "/mnt", "/opt", "/var/lib", "/") if os.access(b, os.W_OK))
        self.root = tempfile.mkdtemp(prefix="cmw-jail-", dir=base)
        tmpfs(self.root, "1m", "700")
        self.held: list[tuple[str, str]] = []

    def hold(self, paths: list[str]) -> None:
        for path in outermost(paths):
            holder = tempfile.mkdtemp(dir=self.root)
            mount(path, holder, None, MS_BIND | MS_REC)
            self.held.append((path, holder))

    def put_back(self) -> None:
        for path, holder in self.held:
            os.makedirs(path, exist_ok=True)
            mount(holder, path, None, MS_BIND | MS_REC)
        self.held = []

    def close(self) -> None:
        _libc.umount2(_encode(self.root), MNT_DETACH)
        os.rmdir(self.root)


def closed_ancestors(path: str) -> list[str]:
    """Folders on the way to ``path`` that other users may not enter (e.g. /root, mode 700)."""
    found, current = [], "/"
    for part in [p for p in path.split("/") if p][:-1]:
        current = os.path.join(current, part)
        try:
            if not os.stat(current).st_mode & stat.S_IXOTH:
                found.append(current)
        except OSError:
            break
    return found


def prepare(course_root: str, keep: list[str], own: str, runtime: str | None, uid: int) -> str:
    """Build the kernel's view of the machine; return the private home folder."""
    keep = [os.path.realpath(p) for p in keep + [course_root] if os.path.exists(p)]
    own, course_root = os.path.realpath(own), os.path.realpath(course_root)
    repo = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    mine = [own] + ([runtime] if runtime else [])  # the folders the kernel writes to
    keeper = Keeper()
    # 1. scratch folders and closed folders go; the course and the Python environment stay
    outer = [s for s in SCRATCH if os.path.isdir(s)]
    for path in keep + mine:
        outer += closed_ancestors(path)
    outer = outermost(outer)
    keeper.hold([p for p in keep + mine if any(inside(p, o) for o in outer)])
    for folder in outer:
        tmpfs(folder, SCRATCH_SIZE.get(folder, "1m"), "1777" if folder in SCRATCH else "755")
    keeper.put_back()
    # 2. the secrets inside the course go; the learner's own folder stays
    keeper.hold([own])
    for name in HIDDEN_IN_COURSE_ROOT:
        cover(os.path.join(course_root, name))
    for name in sorted(os.listdir(repo)):
        if name.startswith("module") and "_" in name:
            cover(os.path.join(repo, name))
    for name in HIDDEN_IN_REPO:
        cover(os.path.join(repo, name))
    keeper.put_back()
    keeper.close()
    # 3. hand the own folder and the socket folder to the kernel's user; the notebooks in the own folder are
    # the copies being graded, with the hidden tests restored in them: they read as empty (covered only after
    # the hand-over, which would otherwise change the owner of /dev/null itself)
    graded_copies = []
    for top in mine:
        graded_copies += hand_over(top, uid, copies=top == own)
    for path in graded_copies:
        mount("/dev/null", path, None, MS_BIND)
    home = "/tmp/home"
    os.makedirs(home, mode=0o700, exist_ok=True)
    os.chown(home, uid, uid)
    writable = {*mine, *(s for s in SCRATCH if os.path.isdir(s)), "/proc", "/dev", "/dev/pts"}
    for point in mount_points():
        if point not in writable:
            try:
                mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY)
            except OSError:
                pass  # a special file system that cannot be remounted; permissions still apply
    return home


def hand_over(top: str, uid: int, copies: bool) -> list[str]:
    """Give the folders and regular files (one link each) under ``top`` to ``uid``, never following a link,
    folder by folder (any depth); return the notebooks found (when ``copies``)."""
    notebooks, stack = [], [top]
    while stack:
        folder = stack.pop()
        try:
            os.chown(folder, uid, uid)
            with os.scandir(folder) as entries:
                for entry in entries:
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISDIR(info.st_mode):
                        stack.append(entry.path)
                    elif stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
                        os.lchown(entry.path, uid, uid)
                        if copies and entry.name.endswith(".ipynb"):
                            notebooks.append(entry.path)
        except OSError:
            continue  # too deep for a path, or gone: the kernel's user simply does not own it
    return notebooks


def unescape(field: bytes) -> str:
    """A mount point as /proc/self/mountinfo writes it (space, tab, newline and backslash as octal escapes,
    every other byte as it is, so UTF-8 letters stay UTF-8) back to the path."""
    out, i = bytearray(), 0
    while i < len(field):
        if field[i:i + 1] == b"\\" and field[i + 1:i + 4].isdigit():
            out.append(int(field[i + 1:i + 4], 8))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return os.fsdecode(bytes(out))


def mount_points() -> list[str]:
    with open("/proc/self/mountinfo", "rb") as handle:
        points = [unescape(line.split()[4]) for line in handle]
    return list(dict.fromkeys(points))


def main(argv: list[str]) -> int:
    split = argv.index("--")
    options, command = argv[:split], argv[split + 1:]
    course_root, uid, keep = "", 0, []
    pairs = iter(options)
    for flag in pairs:
        value = next(pairs)
        if flag == "--course-root":
            course_root = value
        elif flag == "--uid":
            uid = int(value)
        elif flag == "--keep":
            keep.append(value)
    if uid <= 0:
        raise SystemExit("sandbox: --uid must name an unprivileged user id")
    own = os.getcwd()
    runtime = os.environ.get("JUPYTER_RUNTIME_DIR") or None
    if runtime and "-f" in command:  # the connection file must be where the kernel can read it
        index = command.index("-f") + 1
        kept = os.path.join(runtime, os.path.basename(command[index]))
        if os.path.realpath(command[index]) != os.path.realpath(kept):
            shutil.copy(command[index], kept)
            command[index] = kept
    home = prepare(course_root, keep, own, runtime and os.path.realpath(runtime), uid)
    for name in list(os.environ):
        if name not in ENV_KEPT and not name.startswith(ENV_KEPT_PREFIXES):
            del os.environ[name]
    os.environ.update(HOME=home, TMPDIR="/tmp", MPLCONFIGDIR=f"{home}/matplotlib", IPYTHONDIR=f"{home}/ipython",
                      JUPYTER_DATA_DIR=f"{home}/jupyter", PYTHONDONTWRITEBYTECODE="1", USER="learner", LOGNAME="learner")
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        os.environ.setdefault(name, "1")  # the grader runs one kernel per core already
    for limit, values in LIMITS.items():
        resource.setrlimit(limit, values)
    os.chdir(own)
    setpriv = shutil.which(SETPRIV) or "/usr/bin/setpriv"
    os.execv(setpriv, [setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                       "--bounding-set=-all", "--no-new-privs", "--", *command])
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
