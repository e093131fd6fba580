"""Root's access to folders a learner controls: regular files and folders only, opened without following links.

A submission (``submitted/``, an unpacked archive, the learner's exchange inbox) and a graded folder
(``autograded/``, where the learner's code ran) may hold symbolic links to the masters or the gradebook,
hard links to files elsewhere, FIFOs, sockets and devices. Everything the grader does there as root goes
through this module:

* folders are opened one component at a time with ``O_NOFOLLOW | O_DIRECTORY`` and read through their
  descriptors, so no link is followed, not even one swapped in for a folder half-way;
* files are opened with ``O_NOFOLLOW | O_NONBLOCK`` and used only if ``fstat`` says they are regular, with a
  single link; anything else is *dropped* with a reason, never opened, followed or changed;
* every read is bounded (:data:`MAX_FILE_BYTES`; :data:`MAX_ENTRIES` entries, :data:`MAX_DEPTH` levels).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 64 * 1024**2  # no notebook or data file of a submission is read beyond this
MAX_ENTRIES = 5_000  # files and folders looked at in one submission
MAX_DEPTH = 16
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY


class Unsafe(OSError):
    """A path that root does not open: a link, a special file, a hard link, or too big."""


def kind(mode: int, links: int = 1) -> str:
    """What a file is, in words, or "" for a regular file with one link or a folder."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISREG(mode) and links > 1:
        return "a hard link to a file elsewhere"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    return "a special file"


def open_folder(base: Path, *parts: str) -> int:
    """A descriptor of ``base/parts...``; ``base`` is the grader's own (trusted), no component below it is followed."""
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in Path(*parts).parts if parts else ():
            child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = child
    except OSError as error:
        os.close(fd)
        if error.errno in (40, 20):  # ELOOP (a link), ENOTDIR
            raise Unsafe(error.errno, f"{Path(base, *parts)} is not a folder (a link or a file)") from None
        raise
    return fd


def read_file(dir_fd: int, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``name`` in the folder ``dir_fd``; :class:`Unsafe` for anything else."""
    try:
        fd = os.open(name, _FILE_FLAGS, dir_fd=dir_fd)
    except OSError as error:
        if error.errno == 40:  # ELOOP: O_NOFOLLOW met a symbolic link
            raise Unsafe(error.errno, "a symbolic link") from None
        raise
    try:
        info = os.fstat(fd)
        what = kind(info.st_mode, info.st_nlink)
        if what or stat.S_ISDIR(info.st_mode):
            raise Unsafe(0, what or "a folder")
        if info.st_size > limit:
            raise Unsafe(0, f"larger than {limit // 1024**2} MB")
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024**2))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise Unsafe(0, f"larger than {limit // 1024**2} MB")
        return data
    finally:
        os.close(fd)


@dataclass
class Scan:
    """What a folder holds: its regular files (relative paths) and what was dropped, with the reason."""

    files: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)


def scan(base: Path, *parts: str, entries: int | None = MAX_ENTRIES) -> Scan:
    """Walk ``base/parts`` without following anything (iteratively, folder by folder; at most ``entries``)."""
    found = Scan()
    stack, seen = [("", 0)], 0
    while stack:
        prefix, depth = stack.pop()
        try:
            fd = open_folder(base, *parts, *Path(prefix).parts)
        except FileNotFoundError:
            if not prefix:
                return found  # no such folder: nothing in it
            found.dropped.append((prefix.rstrip("/"), "a folder that vanished"))
            continue
        except OSError:
            found.dropped.append((prefix.rstrip("/") or ".", "a folder that could not be opened"))
            continue
        try:
            with os.scandir(fd) as listed:
                listing = sorted((e.name, e.stat(follow_symlinks=False)) for e in listed)
        finally:
            os.close(fd)
        for name, info in listing:
            relative = f"{prefix}{name}"
            seen += 1
            if entries is not None and seen > entries:
                found.dropped.append((relative, f"more than {entries} files; the rest was not looked at"))
                return found
            what = kind(info.st_mode, info.st_nlink)
            if what:
                found.dropped.append((relative, what))
            elif stat.S_ISDIR(info.st_mode):
                if depth + 1 >= MAX_DEPTH:
                    found.dropped.append((relative, f"folders nested deeper than {MAX_DEPTH} levels"))
                else:
                    found.folders.append(relative)
                    stack.append((relative + "/", depth + 1))
            else:
                found.files.append(relative)
    return found


def read(base: Path, relative: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read ``base/relative`` as root would read a learner's file: no link followed, regular files only."""
    parent, name = os.path.split(relative)
    fd = open_folder(base, *Path(parent).parts)
    try:
        return read_file(fd, name, limit)
    finally:
        os.close(fd)


def copy_clean(base: Path, parts: tuple[str, ...], dest: Path, keep=lambda relative: True,
               limit: int = MAX_FILE_BYTES) -> list[tuple[str, str]]:
    """Copy the regular files of ``base/parts`` accepted by ``keep`` to ``dest`` (made afresh, root's own);
    return what was dropped and why. Nothing is followed; each file is read once, bounded."""
    remove_tree(dest)
    dest.mkdir(parents=True, mode=0o700)
    found = scan(base, *parts)
    dropped = list(found.dropped)
    for relative in found.files:
        if not keep(relative):
            continue
        try:
            data = read(base / Path(*parts), relative, limit)
        except OSError as error:
            dropped.append((relative, error.strerror or str(error)))
            continue
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return dropped


def purge(folder: Path) -> list[tuple[str, str]]:
    """Remove from ``folder`` (where learner code ran) every link, special file and hard-linked file, never
    following one, so that nbgrader's later steps (writing notebooks, ``chmod``) touch only the learner's own
    regular files. Returns what was removed and what it was."""
    removed = []
    if not folder.is_dir() or folder.is_symlink():
        return removed
    for relative, what in scan(folder, entries=None).dropped:
        parent, name = os.path.split(relative)
        try:
            fd = open_folder(folder, *Path(parent).parts)
        except OSError:
            continue
        try:
            info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode):  # too deep, or past the count: the learner's folder holds no such thing
                remove_tree(folder / relative)
            else:
                os.unlink(name, dir_fd=fd)
        except OSError:
            continue
        finally:
            os.close(fd)
        removed.append((relative, what))
    return removed


def remove_tree(path: Path) -> None:
    """Remove a folder of any depth without following links (``rm`` copes with depths Python's recursion cannot)."""
    if not os.path.lexists(path):
        return
    if os.path.islink(path) or not os.path.isdir(path):
        os.unlink(path)
        return
    try:
        shutil.rmtree(path)
    except (OSError, RecursionError):
        subprocess.run(["rm", "-rf", "--one-file-system", "--", str(path)], check=False, timeout=300)


__all__ = ["MAX_FILE_BYTES", "Scan", "Unsafe", "copy_clean", "kind", "purge", "read", "remove_tree", "scan"]
