"""``copydesk import``: articles from packages, ninjs, Markdown and plain text.

    copydesk import PATH... [--json]

One line per article imported on standard output (or a JSON report with ``--json``), one
line per file refused on standard error, and exit status 1 when there was any. The library
must exist (``copydesk library new`` makes one): a mistyped ``--library`` is refused rather
than filled.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.translation import _, ngettext

if TYPE_CHECKING:
    from copydesk.records.imports import ImportItem

LibraryPath = Callable[[argparse.Namespace], Path]


def add_import_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``import`` to the ``copydesk`` parser's ``commands``."""
    command = commands.add_parser(
        "import",
        help=_(
            "import articles: Copydesk packages (.zip or folder), ninjs (.json), "
            "Markdown (.md) and plain text (.txt)"
        ),
        description=_(
            "Import each file (or package folder; other folders are searched) as one "
            "article, whole or not at all. A file refused is named on standard error with the "
            "reason; the exit status is then 1. The library must exist: create it first with "
            "“copydesk library new PATH”."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk import story.md wire-copy.txt\n"
            "  copydesk --library ~/Documents/news.copydesk import ~/Downloads/packages/\n"
            "  copydesk import article.ninjs.json --json"
        ),
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help=_("files or folders"))
    command.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    command.set_defaults(handler=lambda args: _import(args, library_path(args)))


def _import(args: argparse.Namespace, path: Path) -> int:
    from copydesk.exchange.importing.batch import import_paths
    from copydesk.library.db import open_library
    from copydesk.records.imports import ImportOutcome

    library = open_library(path)
    try:
        report = import_paths(library, [Path(name) for name in args.paths])
    finally:
        library.close()
    refused = [item for item in report.items if item.outcome is ImportOutcome.REFUSED]
    for item in refused:
        print(f"copydesk import: {_one_line(item)}", file=sys.stderr)
    if args.json:
        items = [item.as_json() for item in report.items]
        print(json.dumps({"items": items}, ensure_ascii=False, indent=2))
    else:
        for item in report.items:
            if item.outcome is ImportOutcome.IMPORTED:
                print(_imported_line(item))
    if not report.items:
        print("copydesk import:", _("found nothing to import"), file=sys.stderr)
        return 1
    return 1 if refused else 0


def _one_line(item: ImportItem) -> str:
    parts = [part.strip() for part in item.line().splitlines() if part.strip()]
    return "; ".join(parts).replace(":; ", ": ")


def _imported_line(item: ImportItem) -> str:
    extras = []
    if item.pictures_added:
        count = item.pictures_added
        extras.append(
            ngettext("{count} picture added", "{count} pictures added", count).format(count=count)
        )
    if item.pictures_awaiting:
        count = item.pictures_awaiting
        extras.append(
            ngettext("{count} awaiting their file", "{count} awaiting their file", count).format(
                count=count
            )
        )
    return item.line() + (f", {', '.join(extras)}" if extras else "")
