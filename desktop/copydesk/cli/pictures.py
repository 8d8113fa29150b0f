"""``copydesk pictures import|list|check|attach``: the picture library from a terminal.
``copydesk images`` is the same command under its former name."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.translation import _, ngettext

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.pictures.listing import PictureListing
    from copydesk.records.imports import ImportReport

LibraryPath = Callable[[argparse.Namespace], Path]


def add_picture_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``pictures`` (alias ``images``) and its subcommands to the ``copydesk`` parser."""
    group = commands.add_parser(
        "pictures",
        aliases=["images"],
        help=_("import, list and check the library's pictures"),
        description=_(
            "The library's pictures: import files, list them with their credit, check a "
            "credit against its licence, attach its file to a picture that awaits it."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk pictures import ~/Pictures/reportage/\n"
            "  copydesk pictures list\n"
            "  copydesk pictures check 12"
        ),
    )
    actions = group.add_subparsers(dest="pictures_command", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import",
        help=_("import picture files and folders (a line per file; exit 1 if any is refused)"),
        description=_(
            "Import picture files, and the pictures in folders, with their embedded "
            "metadata. A line per file; the exit status is 1 when any is refused."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk pictures import photo.jpg\n"
            "  copydesk pictures import ~/Pictures/reportage/ --json"
        ),
    )
    importing.add_argument("paths", nargs="+", metavar="PATH", help=_("files or folders"))
    importing.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    importing.set_defaults(handler=lambda args: _import(args, library_path(args)))

    listing = actions.add_parser(
        "list",
        help=_("list the pictures with their credit and status"),
        description=_("List the library's pictures with their status, licence, file and credit."),
        epilog=_(
            "Examples:\n  copydesk pictures list\n  copydesk pictures list --language en --json"
        ),
    )
    listing.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    listing.add_argument(
        "--language", default="fr", choices=("fr", "en"), help=_("credit language")
    )
    listing.set_defaults(handler=lambda args: _list(args, library_path(args)))

    check = actions.add_parser(
        "check",
        help=_("check a picture's credit against its licence (exit 1 on an error)"),
        description=_(
            "Print the picture's credit and its problems. Exits with 1 when at least one is "
            "an error."
        ),
        epilog=_("Examples:\n  copydesk pictures check 12\n  copydesk pictures check 12 --json"),
    )
    check.add_argument("picture_id", type=int, metavar="ID", help=_("the picture to check"))
    check.add_argument("--json", action="store_true", help=_("print JSON instead of lines"))
    check.add_argument("--language", default="fr", choices=("fr", "en"), help=_("credit language"))
    check.set_defaults(handler=lambda args: _check(args, library_path(args)))

    attach = actions.add_parser(
        "attach",
        help=_("attach its file to a picture that awaits it (exit 1, with the reason, if refused)"),
        description=_(
            "Attach FILE to the picture ID, which awaits its file (an article imported "
            "without its pictures, say). A file that is not that picture is refused."
        ),
        epilog=_("Examples:\n  copydesk pictures attach 12 ~/Pictures/reportage/photo.jpg"),
    )
    attach.add_argument(
        "picture_id", type=int, metavar="ID", help=_("the picture awaiting its file")
    )
    attach.add_argument("file", metavar="FILE", help=_("the picture file"))
    attach.add_argument("--language", default="fr", choices=("fr", "en"), help=_("credit language"))
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
                item.reason
                if item.outcome is ImportOutcome.REFUSED
                else _("id {id}").format(id=item.picture_id)
            )
            print(f"{item.outcome.value:<9}  {item.path}  {detail}")
        print(_counts(report), file=sys.stderr)
    return 1 if report.count(ImportOutcome.REFUSED) else 0


def _counts(report: ImportReport) -> str:
    from copydesk.records.imports import ImportOutcome

    count = len(report.items)
    return ngettext(
        "{count} file: {imported} imported, {duplicate} duplicate, {refused} refused",
        "{count} files: {imported} imported, {duplicate} duplicate, {refused} refused",
        count,
    ).format(
        count=count,
        imported=report.count(ImportOutcome.IMPORTED),
        duplicate=report.count(ImportOutcome.DUPLICATE),
        refused=report.count(ImportOutcome.REFUSED),
    )


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
            x.status.value
            if x.record.file.present
            else _("{status}, awaiting file").format(status=x.status.value),
            x.record.metadata.licence_id or "-",
            x.record.file.file_name,
            x.credit,
        )
        for x in listings
    ]
    header = (_("ID"), _("STATUS"), _("LICENCE"), _("FILE"), _("CREDIT"))
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
                print("         " + _("fix: {suggestion}").format(suggestion=problem.suggestion))
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
        _("attached  {file}  to picture {id} ({width}x{height}, {media_type}): {status}").format(
            file=args.file,
            id=listing.record.id,
            width=file.width,
            height=file.height,
            media_type=file.media_type,
            status=listing.status.value,
        )
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
