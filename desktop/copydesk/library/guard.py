"""No file descriptor of ours on an open library, other than SQLite's own.

SQLite locks a library with POSIX advisory locks, which belong to the process: closing *any*
descriptor on the file releases every lock the process holds on it ("How To Corrupt An
SQLite Database File", section 2.2). Reading a few bytes of an open library, or of its
``-shm`` file, and closing them again silently leaves the process without its locks; from
then on another program (the command line, a second window, the newsroom sync) writes as if
it were alone, and the two write over each other.

While a library is open, this module refuses, from anywhere in the process's Python code,
to open, replace, remove or truncate the library file or its ``-wal``, ``-shm`` and
``-journal`` companions: our own readers, Pillow, zipfile, shutil, hashlib, everything that
opens a file through Python. SQLite opens its files below Python, so it is not concerned.
The refusal is a ``PermissionError`` whose message names the problem, which every file
reader already reports ("… cannot be read: …"). Code outside Python (Qt's file dialogs)
is kept off the library by other means (``copydesk.qt.dialogs.file_dialogs``).
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from copydesk.translation import _

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
# Audit events that touch a file by name, and which of their arguments are names.
_PATH_EVENTS = {"open": (0,), "os.remove": (0,), "os.truncate": (0,), "os.rename": (0, 1)}

_lock = threading.Lock()
_guarded: dict[tuple[int, int], tuple[Path, int]] = {}  # (device, inode) -> (path, count)
_hook_installed = False


class LibraryFileGuarded(PermissionError):
    """A file operation on an open library (or a companion file) was refused."""


class Guard:
    """The library stays guarded until ``release()`` (once per ``guard()``)."""

    def __init__(self, key: tuple[int, int] | None) -> None:
        self._key = key

    def release(self) -> None:
        key, self._key = self._key, None
        if key is None:
            return
        with _lock:
            known, count = _guarded[key]
            if count > 1:
                _guarded[key] = (known, count - 1)
            else:
                del _guarded[key]


def guard(path: Path) -> Guard:
    """From now on until the guard is released, refuse file operations on the library.
    The file is known by its device and inode, so it stays guarded under any other name."""
    global _hook_installed
    key = _identity(path)
    if key is None:
        return Guard(None)
    with _lock:
        known, count = _guarded.get(key, (path, 0))
        _guarded[key] = (known, count + 1)
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True
    return Guard(key)


def is_guarded(path: Path) -> bool:
    """``path`` is a library this process has open (or a companion file of one)."""
    return _guarded_library(path) is not None


@contextmanager
def guarded(path: Path) -> Iterator[None]:
    token = guard(path)
    try:
        yield
    finally:
        token.release()


def _identity(path: os.PathLike[str] | str | bytes) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError, TypeError):
        return None
    return status.st_dev, status.st_ino


def _guarded_library(path: Any) -> Path | None:
    """The open library ``path`` names (itself, another name of it, or a companion)."""
    if not _guarded or isinstance(path, int) or path is None:
        return None
    try:
        name = os.fsdecode(os.fspath(path))
    except TypeError:
        return None
    found = _guarded.get(_identity(name) or (-1, -1))
    if found is None:
        for suffix in COMPANION_SUFFIXES:
            if name.endswith(suffix):
                found = _guarded.get(_identity(name[: -len(suffix)]) or (-1, -1))
                break
    return found[0] if found is not None else None


def _audit(event: str, arguments: tuple[Any, ...]) -> None:
    positions = _PATH_EVENTS.get(event)
    if positions is None or not _guarded:
        return
    for position in positions:
        library = _guarded_library(arguments[position]) if position < len(arguments) else None
        if library is not None:
            raise LibraryFileGuarded(
                errno.EACCES,
                _(
                    "it is the Copydesk library {name}, open in this program; "
                    "Copydesk never reads or replaces an open library as a file"
                ).format(name=library.name),
                os.fsdecode(os.fspath(arguments[position])),
            )
