"""Writing a publishing package to disk all at once, or not at all.

A folder package is written into a temporary sibling (``.<name>.partial-<random>``), each
file flushed to disk, then renamed into place; a zip is written to a temporary file and
renamed over the old one. A package of the same name is replaced only once the new one is
complete. Whatever fails (a full disk, a read-only or missing folder), the temporary files
go, the old package stays, and ``ExportFailed`` names the package and the reason.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from copydesk.errors import CopydeskError
from copydesk.translation import _

# A zipped package's name ends so: the desktop knows it as a Copydesk package
# (application/x-copydesk-package) and opens it in Copydesk, which imports it.
ZIP_SUFFIX = ".copydesk.zip"
# Already compressed: deflating them again costs time for nothing.
_STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif"})
_ZIP_FILE_MODE = 0o644 << 16  # rw-r--r-- for whoever unzips it


class ExportFailed(CopydeskError):
    """A package could not be written; nothing of it was left behind."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(_("Cannot write {path}: {reason}.").format(path=path, reason=reason))
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[ExportFailed], tuple[Path, str]]:
        return type(self), (self.path, self.reason)  # picklable, to cross processes


def package_path(out_dir: Path, name: str, *, as_zip: bool) -> Path:
    return out_dir / (name + ZIP_SUFFIX if as_zip else name)


def check_out_dir(out_dir: Path) -> None:
    """Refuse at once a destination that is not a folder, before any work is done for it."""
    if not out_dir.is_dir():
        reason = _("it is not a folder") if out_dir.exists() else _("the folder does not exist")
        raise ExportFailed(out_dir, reason)


def write_package(
    files: Mapping[str, bytes],
    out_dir: Path,
    name: str,
    *,
    as_zip: bool = False,
    modified: datetime | None = None,
) -> Path:
    """Write ``files`` (package-relative POSIX paths → contents, in writing order) as the
    folder ``out_dir/name`` or the zip ``out_dir/name.zip``; return its path. ``modified``
    dates the zip's entries (the export time)."""
    target = package_path(out_dir, name, as_zip=as_zip)
    check_out_dir(out_dir)
    for relative in files:
        _check_relative(relative)
    try:
        if as_zip:
            _write_zip(files.items(), target, modified)
        else:
            _write_folder(files, target)
    except OSError as error:
        raise ExportFailed(target, _reason(error)) from error
    return target


def write_zip(
    entries: Iterable[tuple[str, bytes]], target: Path, *, modified: datetime | None = None
) -> Path:
    """Write the zip ``target`` from ``entries`` (relative POSIX path, contents), taken one
    at a time: a generator keeps a large archive out of memory. All or nothing, as
    ``write_package``; whatever the generator raises also leaves nothing behind."""
    check_out_dir(target.parent)
    try:
        _write_zip(entries, target, modified)
    except OSError as error:
        raise ExportFailed(target, _reason(error)) from error
    return target


def _check_relative(relative: str) -> None:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"not a path inside a package: {relative!r}")


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".")


# ---------------------------------------------------------------------------------------------
# A folder


def _write_folder(files: Mapping[str, bytes], target: Path) -> None:
    temporary = _make_temporary_dir(target)
    try:
        folders = _write_files(files, temporary)
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
            _sync_dir(folder)  # the new names, deepest first
        _move_into_place(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    _sync_dir(target.parent)


def _write_files(files: Mapping[str, bytes], root: Path) -> set[Path]:
    """Write every file under ``root``, then flush them all to disk; return the folders
    written to. Flushing once all are written lets the file system commit them together:
    a quarter less waiting than flushing each in turn."""
    folders = {root}
    with contextlib.ExitStack() as stack:
        streams = []
        for relative, data in files.items():
            path = root.joinpath(*PurePosixPath(relative).parts)
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            stream = stack.enter_context(_open_new(path))
            stream.write(data)
            streams.append(stream)
        for stream in streams:
            _sync(stream)
    return folders


def _make_temporary_dir(target: Path) -> Path:
    """A fresh hidden folder beside ``target``, with the permissions the user's umask gives
    (``tempfile.mkdtemp`` would make it private, and the package with it)."""
    while True:
        path = target.with_name(f".{target.name}.partial-{secrets.token_hex(4)}")
        try:
            path.mkdir(mode=0o777)
        except FileExistsError:
            continue
        return path


def _move_into_place(temporary: Path, target: Path) -> None:
    """Rename the finished package to ``target``. An existing one is set aside first (a
    folder cannot be renamed over a folder) and deleted only after; if the rename fails, it
    comes back."""
    if not os.path.lexists(target):
        os.rename(temporary, target)
        return
    aside = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
    os.rename(target, aside)
    try:
        os.rename(temporary, target)
    except BaseException:
        os.rename(aside, target)
        raise
    _remove(aside)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


# ---------------------------------------------------------------------------------------------
# A zip


def _write_zip(
    entries: Iterable[tuple[str, bytes]], target: Path, modified: datetime | None
) -> None:
    temporary = target.with_name(f".{target.name}.partial-{secrets.token_hex(4)}")
    try:
        with _open_new(temporary) as stream:
            with zipfile.ZipFile(stream, "w") as archive:
                for relative, data in entries:
                    _check_relative(relative)
                    archive.writestr(_zip_entry(relative, modified), data)
            _sync(stream)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_dir(target.parent)


def _zip_entry(relative: str, modified: datetime | None) -> zipfile.ZipInfo:
    when = (modified or datetime.now()).timetuple()[:6]
    entry = zipfile.ZipInfo(relative, date_time=when)
    stored = PurePosixPath(relative).suffix.lower() in _STORED_SUFFIXES
    entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    entry.external_attr = _ZIP_FILE_MODE
    return entry


# ---------------------------------------------------------------------------------------------
# Files on disk


@contextlib.contextmanager
def _open_new(path: Path) -> Iterator[BinaryIO]:
    """A new file to write (never an existing one: the temporary names are ours alone).
    Every byte of a package goes through here, which is where tests make the disk fill up."""
    with open(path, "xb") as stream:
        yield stream


def _sync(stream: BinaryIO) -> None:
    stream.flush()
    os.fsync(stream.fileno())


def _sync_dir(folder: Path) -> None:
    """Make a folder's new entries durable (a rename is only safe once it is on disk)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open folders; the rename still happened
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on folders (EINVAL); nothing to do about it
    finally:
        os.close(descriptor)


__all__ = [
    "ZIP_SUFFIX",
    "ExportFailed",
    "check_out_dir",
    "package_path",
    "write_package",
    "write_zip",
]
