"""``copydesk library``: a new library, and the whole library to one archive and back.

    copydesk library new PATH        create a library at PATH with the sample articles
                                     (``--empty``: without them); refused when PATH
                                     exists: nothing there is touched
    copydesk library export FILE     write the library (articles, revisions, pictures and
                                     their files, presets) to the zip FILE; a picture
                                     whose supplier says NO ARCHIVES loses its file there
                                     (``--no-archives keep``: kept, flagged), with a warning
    copydesk library import FILE     restore FILE into an empty (or not yet existing) library

A line saying what was written on standard output; on failure, one line saying why on
standard error and exit status 1, with the library as it was.

The other commands never create a library: where there is none, they say so and give the
``library new`` command that makes it (``require_library``), as git does outside a
repository. A mistyped path then fails at once instead of leaving a stray library behind.
"""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.translation import _, ngettext

if TYPE_CHECKING:
    from copydesk.exchange.archive.format import ArchiveSummary

LibraryPath = Callable[[argparse.Namespace], Path]


def add_library_commands(
    commands: Any, library_path: LibraryPath, existing_library: LibraryPath
) -> None:
    """Add ``library new``, ``library export`` and ``library import`` to the ``copydesk``
    parser's commands. ``existing_library`` refuses a path where there is no library."""
    library = commands.add_parser(
        "library",
        help=_(
            "create a library, export the whole library to one archive, or import "
            "one into an empty library"
        ),
        description=_(
            "Start a library, move a whole library between machines, or keep a copy "
            "of it: every article with its history, every picture with its file and credit, "
            "every preset."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk library new ~/Documents/news.copydesk\n"
            "  copydesk --library ~/Documents/news.copydesk library export news-backup.zip\n"
            "  copydesk --library ~/Documents/restored.copydesk library import news-backup.zip"
        ),
    )
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new",
        help=_("create a library (with the sample articles, unless --empty)"),
        description=_(
            "Create a library at PATH (and the folders leading to it), holding the sample "
            "articles to try Copydesk on, or nothing with --empty. An existing PATH is "
            "refused and left as it is."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk library new ~/Documents/news.copydesk\n"
            "  copydesk library new --empty ~/Documents/news.copydesk\n"
            "  copydesk --library ~/Documents/news.copydesk list"
        ),
    )
    new.add_argument("path", metavar="PATH", help=_("the library file to create"))
    new.add_argument(
        "--empty", action="store_true", help=_("create it without the sample articles")
    )
    new.set_defaults(
        handler=lambda args: _new(Path(args.path).expanduser().absolute(), empty=args.empty)
    )
    export = actions.add_parser(
        "export",
        help=_("write the whole library to one zip archive"),
        description=_(
            "Write the library to the zip FILE (an existing FILE is replaced once "
            "the new archive is complete)."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk library export news-backup.zip\n"
            "  copydesk --library ~/Documents/news.copydesk library export /media/usb/news.zip"
        ),
    )
    export.add_argument("file", metavar="FILE", help=_("the archive to write"))
    export.add_argument(
        "--no-archives",
        choices=("leave-out", "keep"),
        default="leave-out",
        help=_(
            "what to do with a picture whose supplier says NO ARCHIVES: leave its file out "
            "(the default; its credit and uses are kept, and restored it awaits its file) or "
            "keep it, flagged in the archive's header"
        ),
    )
    export.set_defaults(
        handler=lambda args: _export(Path(args.file), existing_library(args), args.no_archives)
    )
    restore = actions.add_parser(
        "import",
        help=_("restore an archive into an empty library"),
        description=_(
            "Restore the archive FILE into the library, which must be empty; it is "
            "created when it does not exist. The archive is checked whole before anything is "
            "written: a damaged or altered archive is refused and the library stays as it was."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk --library ~/Documents/restored.copydesk library import news-backup.zip"
        ),
    )
    restore.add_argument("file", metavar="FILE", help=_("the archive to import"))
    restore.set_defaults(handler=lambda args: _import(Path(args.file), library_path(args)))


def require_library(path: Path) -> Path:
    """``path`` when something is there; else a refusal giving the command that creates a
    library there (what is there but is no library, ``open_library`` says)."""
    from copydesk.errors import LibraryError

    if not path.exists() and not path.is_symlink():
        raise LibraryError(
            _(
                "There is no Copydesk library at {path}. Create one with: "
                "copydesk library new {quoted_path}"
            ).format(path=path, quoted_path=shlex.quote(str(path)))
        )
    return path


def _new(path: Path, *, empty: bool) -> int:
    from copydesk.errors import LibraryError

    if path.exists() or path.is_symlink():
        raise LibraryError(
            _("{path} already exists: a new library needs a path of its own.").format(path=path)
        )
    if empty:
        from copydesk.library.db import open_library

        open_library(path, create=True).close()
        print(_("Created an empty library at {path}.").format(path=path))
        return 0
    from copydesk.articles import operations

    # The window's own way of starting a library: whatever sample it holds comes with it.
    opened = operations.open_library(path, create=True)
    opened.library.close()
    count = len(opened.shown.listing.ids) if opened.shown and opened.shown.listing else 0
    print(
        ngettext(
            "Created a library at {path} with {count} sample article.",
            "Created a library at {path} with {count} sample articles.",
            count,
        ).format(path=path, count=count)
    )
    return 0


def _export(archive: Path, path: Path, no_archives: str) -> int:
    from copydesk.exchange.archive.export import NoArchives, export_library
    from copydesk.library.db import open_library

    library = open_library(path)
    try:
        summary = export_library(library, archive, no_archives=NoArchives(no_archives))
    finally:
        library.close()
    print(_("Exported {summary} to {archive}.").format(summary=summary.describe(), archive=archive))
    if summary.no_archives:
        print(_no_archives_warning(summary), file=sys.stderr)
    return 0


def _no_archives_warning(summary: ArchiveSummary) -> str:
    count, pictures = len(summary.no_archives), ", ".join(summary.no_archives)
    if summary.left_out:
        return ngettext(
            "Warning: the supplier of {pictures} says NO ARCHIVES: its file was left out of "
            "the archive, its credit and uses kept (restored, it awaits its file). To keep "
            "it, flagged, export with --no-archives keep.",
            "Warning: the suppliers of {pictures} say NO ARCHIVES: their "
            "files were left out of the archive, their credits and uses kept (restored, they "
            "await their files). To keep them, flagged, export with --no-archives keep.",
            count,
        ).format(pictures=pictures)
    return ngettext(
        "Warning: the supplier of {pictures} says NO ARCHIVES; its file is in the archive, "
        "flagged in its header. Keeping it may break the supplier's terms.",
        "Warning: the suppliers of {pictures} say NO ARCHIVES; their files "
        "are in the archive, flagged in its header. Keeping them may break the suppliers' "
        "terms.",
        count,
    ).format(pictures=pictures)


def _import(archive: Path, path: Path) -> int:
    summary = (
        _import_into_existing(archive, path) if path.exists() else _import_into_new(archive, path)
    )
    print(
        _("Imported {summary} from {archive} into {path}.").format(
            summary=summary.describe(), archive=archive, path=path
        )
    )
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
