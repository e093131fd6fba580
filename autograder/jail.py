"""Inner launcher of the grading sandbox: prepares the kernel's view of the machine, then runs it.

Started by :class:`autograder.sandbox.SandboxKernelManager` as the first process of fresh network,
mount and process-id namespaces (``unshare --net --mount --pid --fork --mount-proc``), as root::

    python -I -S jail.py --uid U --keep P [--keep P ...] [--cgroup G ...] -- <kernel command>

It uses the standard library only and is run without ``site``, so it starts in milliseconds. In order:

1. it joins the kernel's control groups (``--cgroup``: memory and processes of everything it starts);
2. it builds a new root file system (a small tmpfs) that holds only an allowlist: private scratch folders
   (``/tmp``, ``/var/tmp``, ``/dev/shm``), the system's programs and libraries (:data:`SYSTEM`), the paths
   given with ``--keep`` (the Python environment and the course package, see
   :func:`autograder.sandbox.kernel_view`), a minimal ``/etc`` and ``/dev``, ``/proc`` of the new process-id
   namespace, and the kernel's own folders (the current folder, the learner's; its runtime folder, made for
   this kernel alone and removed when it ends: see :class:`autograder.sandbox.SafePathKernelManager`), which
   are handed to the kernel's user. The notebooks in the own folder read as empty: they are the copies being
   graded, hidden tests included;
3. it makes that the root (``pivot_root``) and drops the machine's own root from the namespace entirely, so
   nothing outside the allowlist (the masters, the course root, the repository, a second checkout elsewhere,
   home folders) can be reached by any path; every file system is made read-only, except the own folders
   and the private scratch folders;
4. limits are set (address space, CPU time, file size, open files, processes), the environment is
   cut down to what Python and Jupyter need (no tokens or passwords of the grader's), and the kernel is
   started as an unprivileged user of its own (``--uid``) with no way to regain privileges.

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

MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC = 1, 2, 4, 8, 32, 4096, 16384
MNT_DETACH = 2
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41, "arm64": 41, "ppc64le": 203, "s390x": 217, "riscv64": 41}

# What the kernel sees of the machine besides the Python environment, the course package and its own folders
# (given with --keep): the system's programs and libraries, time zones and fonts. Top-level links such as
# /lib -> usr/lib are made again as links.
SYSTEM = ("/usr/bin", "/usr/lib", "/usr/lib32", "/usr/lib64", "/usr/libx32", "/usr/share/zoneinfo", "/usr/share/fonts",
          "/var/cache/fontconfig",
          "/lib", "/lib32", "/lib64", "/libx32", "/bin")
ETC_KEPT = ("/etc/ld.so.cache", "/etc/localtime", "/etc/timezone", "/etc/fonts")  # the rest of /etc is written afresh
DEVICES = ("null", "zero", "full", "random", "urandom")
# Only these variables reach the kernel: the grader's environment may hold tokens and passwords.
ENV_KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "VIRTUAL_ENV", "JUPYTER_RUNTIME_DIR")
ENV_KEPT_PREFIXES = ("LC_", "PYTHON", "JPY_", "NBGRADER_", "CMW_")
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
SETPRIV = "/usr/bin/setpriv"

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


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def outermost(paths: list[str]) -> list[str]:
    """The paths that are not inside another of them."""
    result = []
    for path in sorted(set(paths), key=len):
        if not any(inside(path, kept) for kept in result):
            result.append(path)
    return result


def place(source: str, new_root: str) -> str:
    """Bind ``source`` (a folder or a file) to the same path under ``new_root``; return that path."""
    target = new_root + source
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            open(target, "wb").close()
    mount(source, target, None, MS_BIND | MS_REC)
    return target


def link_or_place(path: str, new_root: str) -> None:
    """A system path: a link (such as /lib -> usr/lib) is made again as a link, anything else is bound."""
    if os.path.islink(path):
        os.makedirs(os.path.dirname(new_root + path), exist_ok=True)
        if not os.path.lexists(new_root + path):
            os.symlink(os.readlink(path), new_root + path)
    elif os.path.exists(path):
        place(path, new_root)


def new_root_folder(kept: list[str]) -> str:
    """A folder of the old root to build the new one on: one that holds nothing the new root shows (in this
    mount namespace only; the machine's own folder is not touched)."""
    for candidate in ("/mnt", "/media", "/srv", "/opt", "/boot", "/run", "/var"):
        if os.path.isdir(candidate) and not os.path.islink(candidate) and \
                not any(inside(path, candidate) or inside(candidate, path) for path in kept):
            return candidate
    raise OSError("sandbox: no folder to build the kernel's root on (every candidate holds a kept path)")


def write_etc(new_root: str, uid: int, home: str) -> None:
    """A minimal /etc: the loader's cache and the time zone of the machine, users root and the kernel's own."""
    os.makedirs(new_root + "/etc", mode=0o755, exist_ok=True)
    for path in ETC_KEPT:
        link_or_place(path, new_root)
    files = {"passwd": f"root:x:0:0:root:/nonexistent:/usr/sbin/nologin\nlearner:x:{uid}:{uid}:learner:{home}:/usr/sbin/nologin\n",
             "group": f"root:x:0:\nlearner:x:{uid}:\n", "hostname": "sandbox\n",
             "hosts": "127.0.0.1 localhost sandbox\n", "nsswitch.conf": "passwd: files\ngroup: files\nhosts: files\n"}
    for name, text in files.items():
        with open(f"{new_root}/etc/{name}", "w") as handle:
            handle.write(text)


def make_dev(new_root: str) -> None:
    dev = new_root + "/dev"
    os.makedirs(dev, mode=0o755, exist_ok=True)
    for name in DEVICES:
        if os.path.exists(f"/dev/{name}"):
            place(f"/dev/{name}", new_root)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2")):
        os.symlink(target, f"{dev}/{name}")
    os.makedirs(dev + "/shm", exist_ok=True)


def pivot_root(new_root: str) -> None:
    """Make ``new_root`` the root of this mount namespace and drop the old one entirely."""
    os.chdir(new_root)
    number = SYS_PIVOT_ROOT.get(os.uname().machine)
    if number is None or _libc.syscall(number, b".", b".") != 0:
        error = ctypes.get_errno() if number else 0
        raise OSError(error, f"sandbox: cannot make {new_root} the root: {os.strerror(error) if error else 'unknown machine'}")
    if _libc.umount2(b".", MNT_DETACH) != 0:  # the old root, stacked below the new one
        error = ctypes.get_errno()
        raise OSError(error, f"sandbox: cannot detach the old root: {os.strerror(error)}")
    os.chdir("/")


def prepare(keep: list[str], own: str, runtime: str | None, uid: int) -> str:
    """Build the kernel's view of the machine (only what it needs); return the private home folder."""
    own = os.path.realpath(own)
    mine = [own] + ([runtime] if runtime else [])  # the folders the kernel writes to
    keep = outermost([os.path.realpath(p) for p in keep if os.path.exists(p)])
    system = [p for p in SYSTEM if os.path.lexists(p)]
    refuse_to_hand_over(own, keep + system)
    new_root = new_root_folder(keep + mine + [os.path.realpath(p) for p in system])
    tmpfs(new_root, "1m,nr_inodes=4000", "755")
    os.makedirs(new_root + "/dev", mode=0o755)
    # 1. private scratch folders first (a course or an environment may live in /tmp: they go on top); then the
    # system, the Python environment and the course package, read-only (below); the own folders on top
    for folder, size in SCRATCH_SIZE.items():
        os.makedirs(new_root + folder, exist_ok=True)
        tmpfs(new_root + folder, size, "1777")
    for path in system:
        link_or_place(path, new_root)
    for path in keep:
        if not any(inside(path, s) and not os.path.islink(s) for s in system):
            place(path, new_root)
    # the own folder and the socket folder go to the kernel's user; the notebooks in the own folder are the
    # copies being graded, with the hidden tests restored in them: they read as empty (covered only after the
    # hand-over, which would otherwise change the owner of /dev/null itself)
    graded_copies = []
    for top in mine:
        graded_copies += hand_over(top, uid, copies=top == own)
        place(top, new_root)
    for path in graded_copies:
        mount("/dev/null", new_root + path, None, MS_BIND)
    # 2. /etc, /dev and /proc of this process-id namespace
    home = "/tmp/home"
    write_etc(new_root, uid, home)
    make_dev(new_root)
    os.makedirs(new_root + "/proc", exist_ok=True)
    mount("proc", new_root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.makedirs(new_root + home, mode=0o700)
    os.chown(new_root + home, uid, uid)
    pivot_root(new_root)
    # 3. every file system is made read-only, except the own folders and the private scratch folders
    writable = {*mine, *SCRATCH_SIZE, "/proc"}
    for point in mount_points():
        if point not in writable:
            try:
                mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY)
            except OSError:
                pass  # a special file system that cannot be remounted; permissions still apply
    return home


def refuse_to_hand_over(own: str, kept: list[str]) -> None:
    """The kernel's own folder is given to its user, folder by folder: it must be a folder made for one kernel
    (a graded copy's folder), never one that holds the Python environment, the course package or the system,
    as the repository or ``/`` would if the kernel were started there by mistake."""
    held = [path for path in kept if inside(path, own)]
    if own == "/" or held:
        raise SystemExit(f"sandbox: refusing to start the kernel in {own}: the kernel's user would own everything "
                         f"in it, and it holds {held[0] if held else 'the whole machine'}; start it in the folder "
                         "of the notebook being graded")


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
    uid, keep, groups = 0, [], []
    pairs = iter(options)
    for flag in pairs:
        value = next(pairs)
        if flag == "--uid":
            uid = int(value)
        elif flag == "--keep":
            keep.append(value)
        elif flag == "--cgroup":
            groups.append(value)
    if uid <= 0:
        raise SystemExit("sandbox: --uid must name an unprivileged user id")
    for group in groups:  # first of all: every process from here on is in the kernel's control groups
        with open(os.path.join(group, "cgroup.procs"), "w") as handle:
            handle.write("0")
    setpriv = os.path.realpath(shutil.which("setpriv") or SETPRIV)
    own = os.getcwd()
    runtime = os.environ.get("JUPYTER_RUNTIME_DIR") or None
    if runtime and "-f" in command:  # the connection file must be where the kernel can read it
        index = command.index("-f") + 1
        kept = os.path.join(runtime, os.path.basename(command[index]))
        if os.path.realpath(command[index]) != os.path.realpath(kept):
            shutil.copy(command[index], kept)
            command[index] = kept
    home = prepare([*keep, setpriv], own, runtime and os.path.realpath(runtime), uid)
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
    os.execv(setpriv, [setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                       "--bounding-set=-all", "--no-new-privs", "--", *command])
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
