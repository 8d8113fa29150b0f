"""``copydesk pictures import|list|check|attach``: the picture library from a terminal.
``copydesk images`` is the same command under its former name."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.pictures.operations import PictureListing
    from copydesk.records.imports import ImportReport

LibraryPath = Callable[[argparse.Namespace], Path]


def add_picture_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``pictures`` (alias ``images``) and its subcommands to the ``copydesk`` parser."""
    group = commands.add_parser(
        "pictures", aliases=["images"], help="import, list and check the library's pictures"
    )
    actions = group.add_subparsers(dest="pictures_command", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import",
        help="import picture files and folders (a line per file; exit 1 if any is refused)",
    )
    importing.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    importing.add_argument("--json", action="store_true", help="print the report as JSON")
    importing.set_defaults(handler=lambda args: _import(args, library_path(args)))

    listing = actions.add_parser("list", help="list the pictures with their credit and status")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--language", default="fr", choices=("fr", "en"), help="credit language")
    listing.set_defaults(handler=lambda args: _list(args, library_path(args)))

    check = actions.add_parser(
        "check",
        help="check a picture's credit against its licence (exit 1 on an error)",
    )
    check.add_argument("picture_id", type=int, metavar="ID")
    check.add_argument("--json", action="store_true", help="print JSON instead of lines")
    check.add_argument("--language", default="fr", choices=("fr", "en"), help="credit language")
    check.set_defaults(handler=lambda args: _check(args, library_path(args)))

    attach = actions.add_parser(
        "attach",
        help="attach its file to a picture that awaits it (exit 1, with the reason, if refused)",
    )
    attach.add_argument("picture_id", type=int, metavar="ID")
    attach.add_argument("file", metavar="FILE", help="the picture file")
    attach.add_argument("--language", default="fr", choices=("fr", "en"), help="credit language")
    attach.set_defaults(handler=lambda args: _attach(args, library_path(args)))


def _open(path: Path) -> Library:
    from copydesk.library.db import open_library

    return open_library(path)


def _import(args: argparse.Namespace, path: Path) -> int:
    from copydesk.pictures.operations import import_files
    from copydesk.records.imports import ImportOutcome

    library = _open(path)
    try:
        report = import_files(library, [Path(p) for p in args.paths])
    finally:
        library.close()
    if args.json:
        print(json.dumps(_report_json(report), ensure_ascii=False, indent=2))
    else:
        for item in report.items:
            detail = (
                item.reason if item.outcome is ImportOutcome.REFUSED else f"id {item.picture_id}"
            )
            print(f"{item.outcome.value:<9}  {item.path}  {detail}")
        counts = ", ".join(f"{report.count(o)} {o.value}" for o in ImportOutcome)
        print(f"{len(report.items)} files: {counts}", file=sys.stderr)
    return 1 if report.count(ImportOutcome.REFUSED) else 0


def _report_json(report: ImportReport) -> dict[str, object]:
    return {
        "items": [
            {
                "path": item.path,
                "outcome": item.outcome.value,
                "picture_id": item.picture_id,
                "reason": item.reason,
            }
            for item in report.items
        ],
        "cancelled": report.cancelled,
    }


def _list(args: argparse.Namespace, path: Path) -> int:
    from copydesk.pictures.operations import default_judgement, list_pictures

    library = _open(path)
    try:
        listings = list_pictures(library, default_judgement(args.language))
    finally:
        library.close()
    if args.json:
        print(json.dumps([_listing_json(x) for x in listings], ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            str(x.record.id),
            x.status.value if x.record.file.present else f"{x.status.value}, awaiting file",
            x.record.metadata.licence_id or "-",
            x.record.file.file_name,
            x.credit,
        )
        for x in listings
    ]
    header = ("ID", "STATUS", "LICENCE", "FILE", "CREDIT")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return 0


def _check(args: argparse.Namespace, path: Path) -> int:
    from copydesk.pictures.operations import default_judgement, picture_listing
    from copydesk.records.problem import Severity

    library = _open(path)
    try:
        listing = picture_listing(library, args.picture_id, default_judgement(args.language))
    finally:
        library.close()
    if args.json:
        print(json.dumps(_listing_json(listing), ensure_ascii=False, indent=2))
    else:
        print(f"{listing.record.file.file_name}: {listing.status.value}  ({listing.credit})")
        for problem in listing.problems:
            print(f"{problem.severity.value:<7}  {problem.field}  {problem.message}")
            if problem.suggestion:
                print(f"         fix: {problem.suggestion}")
    return 1 if any(p.severity is Severity.ERROR for p in listing.problems) else 0


def _attach(args: argparse.Namespace, path: Path) -> int:
    from copydesk.pictures.operations import attach_picture_file, default_judgement

    library = _open(path)
    try:
        listing = attach_picture_file(
            library, args.picture_id, Path(args.file), default_judgement(args.language)
        )
    finally:
        library.close()
    file = listing.record.file
    print(
        f"attached  {args.file}  to picture {listing.record.id}"
        f" ({file.width}x{file.height}, {file.media_type}): {listing.status.value}"
    )
    return 0


def _listing_json(listing: PictureListing) -> dict[str, object]:
    import dataclasses

    record = listing.record
    fields = dataclasses.asdict(record.metadata)
    expiry = fields.get("rights_expiry")
    fields["rights_expiry"] = expiry.isoformat() if expiry else None
    return {
        "id": record.id,
        "uuid": record.uuid,
        "sha256": record.file.sha256 or None,
        "awaiting_file": not record.file.present,
        "file_name": record.file.file_name,
        "media_type": record.file.media_type,
        "width": record.file.width,
        "height": record.file.height,
        "byte_size": record.file.byte_size,
        "imported_at": record.imported_at.isoformat(),
        "fields": fields,
        "credit": listing.credit,
        "status": listing.status.value,
        "problems": [
            {
                "code": p.code,
                "severity": p.severity.value,
                "field": p.field,
                "message": p.message,
                "suggestion": p.suggestion,
                "fix": p.fix,
            }
            for p in listing.problems
        ],
        "used_by": [{"slug": u.slug, "role": u.role} for u in listing.usages],
    }
