"""The ``copydesk`` command. With no subcommand it opens the application window.

Imports stay inside the handlers: starting the window must not pay for SQLAlchemy or Qt
modules it does not need yet.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from copydesk import __version__
from copydesk.errors import CopydeskError

if TYPE_CHECKING:
    from copydesk.records.article import ArticleContent
    from copydesk.records.picture import PictureFile


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Copydesk, a desktop editorial workstation. "
        "Without a command, opens the application window.",
    )
    parser.add_argument("--version", action="version", version=f"Copydesk {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="library file to open (default: $COPYDESK_LIBRARY, else the one in your data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("list", help="list the library's articles")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=_list_articles)

    check = commands.add_parser(
        "check",
        help="check an article's headline, standfirst, byline, body, dateline and typography",
        description="Print the article's problems. Exits with 1 when at least one is an error.",
    )
    check.add_argument("slug", metavar="SLUG", help="the article to check")
    check.add_argument("--json", action="store_true", help="print JSON instead of lines")
    check.set_defaults(handler=_check_article)

    render = commands.add_parser(
        "render",
        help="write an article as a standalone HTML page (what the preview shows)",
        description="Render the article with the house template and CSS. Without --out, "
        "the page goes to standard output.",
    )
    render.add_argument("slug", metavar="SLUG", help="the article to render")
    render.add_argument("--out", metavar="FILE.html", help="where to write the page")
    render.set_defaults(handler=_render_article)

    shot = commands.add_parser(
        "screenshot", help="render the main window offscreen and save it as a PNG"
    )
    shot.add_argument("--out", required=True, metavar="FILE.png", help="where to save the PNG")
    shot.add_argument("--article", metavar="SLUG", help="article to open (default: most recent)")
    shot.add_argument(
        "--size", default="1400x900", type=_parse_size, help="window size, WIDTHxHEIGHT"
    )
    shot.set_defaults(handler=_screenshot)

    from copydesk.cli.export import add_export_commands
    from copydesk.cli.importing import add_import_commands
    from copydesk.cli.library import add_library_commands
    from copydesk.cli.newsroom import add_newsroom_commands
    from copydesk.cli.pictures import add_picture_commands
    from copydesk.cli.sync import add_sync_commands

    add_picture_commands(commands, _library_path)
    add_export_commands(commands, _library_path)
    add_import_commands(commands, _library_path)
    add_library_commands(commands, _library_path)
    add_newsroom_commands(commands, _library_path)
    add_sync_commands(commands, _library_path)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _open_window(args)
        handler = args.handler
        return int(handler(args))
    except CopydeskError as exc:
        print(f"copydesk: {exc}", file=sys.stderr)
        return 1


def _library_path(args: argparse.Namespace) -> Path:
    from copydesk.library.paths import resolve_library_path

    return resolve_library_path(args.library)


def _open_window(args: argparse.Namespace) -> int:
    from copydesk.qt.app import run_application

    return run_application(_library_path(args))


def _list_articles(args: argparse.Namespace) -> int:
    from copydesk.articles.operations import list_articles

    summaries = list_articles(_library_path(args))
    if args.json:
        rows = [
            {
                "slug": s.slug,
                "headline": s.headline,
                "status": s.status.value,
                "language": s.language,
                "updated": s.updated_at.isoformat(),
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(
            ("SLUG", "STATUS", "LANG", "UPDATED", "HEADLINE"),
            [
                (
                    s.slug,
                    s.status.label,
                    s.language,
                    s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    s.headline,
                )
                for s in summaries
            ],
        )
    return 0


def _check_article(args: argparse.Namespace) -> int:
    from copydesk.articles.operations import check_article
    from copydesk.records.problem import Severity

    problems = check_article(_library_path(args), args.slug)
    if args.json:
        rows = [
            {
                "code": p.code,
                "severity": p.severity.value,
                "field": p.field,
                "line": p.line,
                "column": p.column,
                "start": p.start,
                "end": p.end,
                "message": p.message,
                "fixable": p.fix is not None,
            }
            for p in problems
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        width = max((len(p.field) for p in problems), default=0)
        for p in problems:
            print(f"{p.severity.value:<7}  {p.field:<{width}}  {p.line}:{p.column}  {p.message}")
    return 1 if any(p.severity is Severity.ERROR for p in problems) else 0


def _page_with_pictures(path: Path, content: ArticleContent, page_folder: Path) -> str:
    """The standalone page, its pictures read from the library's media store by paths
    relative to the page (the sanitizer lets no file: URL through)."""
    from copydesk.articles import pictures as article_pictures
    from copydesk.library import db
    from copydesk.library.media_store import MediaStore
    from copydesk.pictures.operations import default_judgement
    from copydesk.rendering.article import render_page
    from copydesk.rendering.page import PACKAGE_IMAGE_SOURCES

    ids = article_pictures.picture_ids(content)
    if not ids:
        return render_page(content)
    library = db.open_library(path)
    try:
        judgement = default_judgement(content.language)
        pictures = article_pictures.load_article_pictures(library, ids, judgement)
    finally:
        library.close()
    store = MediaStore.beside(path)

    def file_url(file: PictureFile) -> str:
        stored = store.path_for(file.sha256, file.media_type).resolve()
        return quote(Path(os.path.relpath(stored, page_folder.resolve())).as_posix())

    return render_page(
        content,
        lead_picture=pictures.lead(content, file_url),
        resolver=pictures.resolver(file_url),
        image_sources=PACKAGE_IMAGE_SOURCES,  # files beside the page, as in a package
    )


def _render_article(args: argparse.Namespace) -> int:
    from copydesk.articles import store as articles
    from copydesk.errors import NotFoundError
    from copydesk.library import db, quickread

    # Read-only first, as ``check`` does; the full open only for libraries it cannot read.
    path = _library_path(args)
    view = quickread.read_view(path, slug=args.slug, for_writing=False)
    record = view[1] if view is not None else None
    if view is None:
        library = db.open_library(path)
        try:
            with library.read() as session:
                record = articles.find_by_slug(session, args.slug)
        finally:
            library.close()
    if record is None:
        raise NotFoundError.for_slug(args.slug)
    folder = Path(args.out).parent if args.out is not None else Path.cwd()
    page = _page_with_pictures(path, record.content, folder)
    if args.out is None:
        sys.stdout.write(page)
    else:
        _write_atomically(Path(args.out), page)
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename: a failure leaves
    either the old file or nothing, never half a page."""
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise CopydeskError(f"Cannot write {path}: {error.strerror or error}.") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise CopydeskError(f"Cannot write {path}: {error.strerror or error}.") from error
        raise


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())


def _screenshot(args: argparse.Namespace) -> int:
    from copydesk.qt.screenshot import take_screenshot

    width, height = args.size
    take_screenshot(_library_path(args), Path(args.out), args.article, (width, height))
    print(args.out)
    return 0


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000")
    return width, height


if __name__ == "__main__":
    sys.exit(main())
