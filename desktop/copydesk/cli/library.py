"""``copydesk library``: a new library, and the whole library to one archive and back.

    copydesk library new PATH        create an empty library at PATH (refused when PATH
                                     exists: nothing there is touched)
    copydesk library export FILE     write the library (articles, revisions, pictures and
                                     their files, presets) to the zip FILE
    copydesk library import FILE     restore FILE into an empty (or not yet existing) library

A line saying what was written on standard output; on failure, one line saying why on
standard error and exit status 1, with the library as it was.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copydesk.exchange.archive.format import ArchiveSummary

LibraryPath = Callable[[argparse.Namespace], Path]


def add_library_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``library new``, ``library export`` and ``library import`` to the ``copydesk``
    parser's commands."""
    library = commands.add_parser(
        "library",
        help="create an empty library, export the whole library to one archive, or import "
        "one into an empty library",
        description="Start a library, move a whole library between machines, or keep a copy "
        "of it: every article with its history, every picture with its file and credit, "
        "every preset.",
    )
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help="create an empty library",
        description="Create an empty library at PATH (and the folders leading to it). An "
        "existing PATH is refused and left as it is.",
    )
    new.add_argument("path", metavar="PATH", help="the library file to create")
    new.set_defaults(handler=lambda args: _new(Path(args.path).expanduser().absolute()))
    export = actions.add_parser(
        "export",
        help="write the whole library to one zip archive",
        description="Write the library to the zip FILE (an existing FILE is replaced once "
        "the new archive is complete).",
    )
    export.add_argument("file", metavar="FILE", help="the archive to write")
    export.set_defaults(handler=lambda args: _export(Path(args.file), library_path(args)))
    restore = actions.add_parser(
        "import",
        help="restore an archive into an empty library",
        description="Restore the archive FILE into the library, which must be empty; it is "
        "created when it does not exist. The archive is checked whole before anything is "
        "written: a damaged or altered archive is refused and the library stays as it was.",
    )
    restore.add_argument("file", metavar="FILE", help="the archive to import")
    restore.set_defaults(handler=lambda args: _import(Path(args.file), library_path(args)))


def _new(path: Path) -> int:
    from copydesk.errors import LibraryError
    from copydesk.library.db import open_library

    if path.exists() or path.is_symlink():
        raise LibraryError(f"{path} already exists: a new library needs a path of its own.")
    open_library(path, create=True).close()
    print(f"Created an empty library at {path}.")
    return 0


def _export(archive: Path, path: Path) -> int:
    from copydesk.exchange.archive.export import export_library
    from copydesk.library.db import open_library

    library = open_library(path)
    try:
        summary = export_library(library, archive)
    finally:
        library.close()
    print(f"Exported {summary.describe()} to {archive}.")
    return 0


def _import(archive: Path, path: Path) -> int:
    summary = (
        _import_into_existing(archive, path) if path.exists() else _import_into_new(archive, path)
    )
    print(f"Imported {summary.describe()} from {archive} into {path}.")
    return 0


def _import_into_existing(archive: Path, path: Path) -> ArchiveSummary:
    from copydesk.exchange.archive.restore import import_library
    from copydesk.library.db import open_library

    library = open_library(path)
    try:
        return import_library(library, archive)
    finally:
        library.close()


def _import_into_new(archive: Path, path: Path) -> ArchiveSummary:
    """Check the archive, then create the library: a refused archive leaves no library
    behind, and neither does an import that fails while writing."""
    from copydesk.exchange.archive.restore import open_archive
    from copydesk.library.db import open_library

    with open_archive(archive) as checked:
        library = open_library(path, create=True)
        try:
            summary = checked.restore_into(library)
        except BaseException:
            library.close()
            _remove_new_library(path)
            raise
        library.close()
    return summary


def _remove_new_library(path: Path) -> None:
    """Remove the library this command created (and the media folder, when empty)."""
    from copydesk.library.media_store import MediaStore

    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        MediaStore.beside(path).root.rmdir()
