"""``copydesk export``: publishing packages from a terminal.

    copydesk export SLUG... --out DIR [--ninjs 3.1|2.2] [--zip] [--json]
    copydesk export --status ready --out DIR

One line per package written on standard output (or a JSON report with ``--json``), one
line per article not exported on standard error, and exit status 1 when there was any.
``--out`` is created (with its parents) when missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.errors import CopydeskError
from copydesk.exchange.ninjs.versions import DEFAULT_VERSION, VERSIONS
from copydesk.records.article import ArticleStatus
from copydesk.translation import _

if TYPE_CHECKING:
    from copydesk.exchange.packages.export import BatchItem, BatchReport
    from copydesk.library.db import Library

LibraryPath = Callable[[argparse.Namespace], Path]
WORKERS = 2  # the machines Copydesk runs on have two cores or more


def add_export_commands(commands: Any, library_path: LibraryPath) -> None:
    """Add ``export`` to the ``copydesk`` parser's ``commands``."""
    export = commands.add_parser(
        "export",
        help=_("write publishing packages (HTML, ninjs, credited pictures, Markdown, manifest)"),
        description=_(
            "Write one package per article into --out (created when missing): a folder named "
            "after its slug (or SLUG.copydesk.zip). An article whose checks find errors is "
            "refused and named on standard error; the exit status is then 1."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk export my-article --out ~/Exports\n"
            "  copydesk export first-article second-article --out ~/Exports --zip\n"
            "  copydesk export --status ready --out ~/Exports/today --ninjs 2.2"
        ),
    )
    export.add_argument("slugs", nargs="*", metavar="SLUG", help=_("the articles to export"))
    export.add_argument(
        "--status",
        choices=[status.value for status in ArticleStatus],
        help=_("export every article with this status instead of naming them"),
    )
    export.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help=_("the folder to write into (created with its parents when missing)"),
    )
    export.add_argument(
        "--ninjs",
        choices=VERSIONS,
        default=DEFAULT_VERSION,
        help=_("ninjs version (default {version})").format(version=DEFAULT_VERSION),
    )
    export.add_argument(
        "--zip", action="store_true", help=_("write SLUG.copydesk.zip instead of a folder")
    )
    export.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    export.set_defaults(handler=lambda args: _export(args, library_path(args)))


def _export(args: argparse.Namespace, path: Path) -> int:
    if bool(args.slugs) == bool(args.status):
        print(
            "copydesk export:",
            _("name the articles (SLUG...) or give --status, not both"),
            file=sys.stderr,
        )
        return 2
    from copydesk.library.db import open_library

    library = open_library(path)
    try:
        ids, unknown = _articles(library, args)
        report = _run(library, ids, args)
    finally:
        library.close()
    return _print_report(args, unknown, report)


def _articles(library: Library, args: argparse.Namespace) -> tuple[list[int], list[str]]:
    """The ids to export, and the slugs that name no article."""
    from copydesk.articles import operations
    from copydesk.articles import store as articles

    if args.status:
        return operations.ids_with_status(library, ArticleStatus(args.status)), []
    with library.read() as session:
        found = {slug: articles.find_by_slug(session, slug) for slug in dict.fromkeys(args.slugs)}
    ids = [record.id for record in found.values() if record is not None]
    return ids, [slug for slug, record in found.items() if record is None]


def _run(library: Library, ids: list[int], args: argparse.Namespace) -> BatchReport:
    from copydesk.exchange.packages.export import export_many

    _make_folder(Path(args.out))
    return export_many(
        library,
        ids,
        Path(args.out),
        # One package is quicker on this thread than with worker processes to start.
        workers=min(WORKERS, len(ids)),
        ninjs_version=args.ninjs,
        as_zip=args.zip,
    )


def _make_folder(folder: Path) -> None:
    """``--out`` and the folders leading to it, when missing (a file there is refused by
    ``export_many``, saying it is not a folder)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        pass
    except OSError as error:
        raise CopydeskError(
            _("Cannot create the folder {path}: {reason}.").format(
                path=folder, reason=error.strerror or error
            )
        ) from error


def _print_report(args: argparse.Namespace, unknown: list[str], report: BatchReport) -> int:
    from copydesk.errors import NotFoundError
    from copydesk.exchange.packages.export import BatchOutcome

    not_found = [f"{slug}: {NotFoundError.for_slug(slug)}" for slug in unknown]
    failed = [item for item in report.items if item.outcome is not BatchOutcome.EXPORTED]
    for line in not_found + [_failure_line(item) for item in failed]:
        print(f"copydesk export: {line}", file=sys.stderr)
    if args.json:
        print(json.dumps(_report_json(report, unknown), ensure_ascii=False, indent=2))
    else:
        for item in report.items:
            if item.path is not None:
                print(item.path)
    if args.status and not report.items:
        print(
            "copydesk export:",
            _("no article has the status “{status}”").format(status=args.status),
            file=sys.stderr,
        )
    return 1 if failed or unknown else 0


def _failure_line(item: BatchItem) -> str:
    name = item.slug or _("article {id}").format(id=item.article_id)
    return f"{name}: {item.outcome.value}: {item.reason}"


def _report_json(report: BatchReport, unknown: list[str]) -> dict[str, object]:
    items: list[dict[str, object]] = [
        {
            "slug": item.slug,
            "outcome": item.outcome.value,
            "path": str(item.path) if item.path is not None else None,
            "reason": item.reason,
        }
        for item in report.items
    ]
    items += [
        {"slug": slug, "outcome": "not_found", "path": None, "reason": "no such article"}
        for slug in unknown
    ]
    return {"items": items, "cancelled": report.cancelled}
