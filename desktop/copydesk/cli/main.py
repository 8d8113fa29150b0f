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
from copydesk.translation import _

if TYPE_CHECKING:
    from copydesk.records.article import ArticleContent
    from copydesk.records.picture import PictureFile


def build_parser() -> argparse.ArgumentParser:
    from copydesk.cli.help import CommandParser

    parser = CommandParser(
        prog="copydesk",
        description=_(
            "Copydesk, a desktop editorial workstation. "
            "Without a command, opens the application window."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk library new ~/Documents/news.copydesk\n"
            "  copydesk --library ~/Documents/news.copydesk list\n"
            "  copydesk check --help"
        ),
    )
    parser.add_argument("--version", action="version", version=f"Copydesk {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help=_(
            "library file to open (default: $COPYDESK_LIBRARY, else the one in your data folder)"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser(
        "list",
        help=_("list the library's articles"),
        description=_("List the library's articles, the most recently changed first."),
        epilog=_("Examples:\n  copydesk list\n  copydesk --library news.copydesk list --json"),
    )
    listing.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    listing.set_defaults(handler=_list_articles)

    check = commands.add_parser(
        "check",
        help=_("check an article's headline, standfirst, byline, body, dateline and typography"),
        description=_("Print the article's problems. Exits with 1 when at least one is an error."),
        epilog=_(
            "Examples:\n"
            "  copydesk check my-article\n"
            "  copydesk --library news.copydesk check my-article --json"
        ),
    )
    check.add_argument("slug", metavar="SLUG", help=_("the article to check"))
    check.add_argument("--json", action="store_true", help=_("print JSON instead of lines"))
    check.set_defaults(handler=_check_article)

    render = commands.add_parser(
        "render",
        help=_("write an article as a standalone HTML page (what the preview shows)"),
        description=_(
            "Render the article with the house template and CSS. Without --out, "
            "the page goes to standard output."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk render my-article --out my-article.html\n"
            "  copydesk render my-article > my-article.html"
        ),
    )
    render.add_argument("slug", metavar="SLUG", help=_("the article to render"))
    render.add_argument("--out", metavar="FILE.html", help=_("where to write the page"))
    render.set_defaults(handler=_render_article)

    shot = commands.add_parser(
        "screenshot",
        help=_("render a screen of Copydesk offscreen and save it as a PNG"),
        description=_(
            "Render a screen of Copydesk offscreen and save it as a PNG: the main window,"
            " the Picture Library, or the report of exporting the article (written to a"
            " temporary folder, then deleted)."
        ),
        epilog=_(
            "Examples:\n"
            "  copydesk screenshot --out window.png\n"
            "  copydesk screenshot --out window.png --article my-article --size 1920x1080\n"
            "  copydesk screenshot --out pictures.png --view pictures"
        ),
    )
    shot.add_argument("--out", required=True, metavar="FILE.png", help=_("where to save the PNG"))
    shot.add_argument("--article", metavar="SLUG", help=_("article to open (default: most recent)"))
    shot.add_argument(
        "--size", default="1400x900", type=_parse_size, help=_("window size, WIDTHxHEIGHT")
    )
    shot.add_argument(
        "--view",
        default="window",
        choices=("window", "pictures", "export"),
        help=_("what to show (default: window)"),
    )
    shot.set_defaults(handler=_screenshot)

    from copydesk.cli.desktop import add_desktop_commands
    from copydesk.cli.export import add_export_commands
    from copydesk.cli.importing import add_import_commands
    from copydesk.cli.library import add_library_commands
    from copydesk.cli.newsroom import add_newsroom_commands
    from copydesk.cli.pictures import add_picture_commands
    from copydesk.cli.sync import add_sync_commands

    add_picture_commands(commands, _existing_library)
    add_export_commands(commands, _existing_library)
    add_import_commands(commands, _existing_library)
    add_library_commands(commands, _library_path, _existing_library)
    add_newsroom_commands(commands, _existing_library)
    add_sync_commands(commands, _existing_library)
    add_desktop_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from copydesk.translation import system_language, use_language

    use_language(system_language())  # before the parser: its help texts are translated
    arguments = list(sys.argv[1:] if argv is None else argv)
    window = _window_only(arguments)
    if window is not None:  # the whole parser costs tens of milliseconds before the window
        try:
            return _open_window(window)
        except CopydeskError as exc:
            print(f"copydesk: {exc}", file=sys.stderr)
            return 1
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        if args.command is None:
            return _open_window(args)
        handler = args.handler
        return int(handler(args))
    except CopydeskError as exc:
        print(f"copydesk: {exc}", file=sys.stderr)
        return 1


LIBRARY_SUFFIX = ".copydesk"
PACKAGE_SUFFIX = ".copydesk.zip"  # exchange.packages.write.ZIP_SUFFIX, without importing it


def _window_only(arguments: list[str]) -> argparse.Namespace | None:
    """The window's arguments (``library``, and the packages to ``open``) when
    ``arguments`` only open the window: none, ``--library PATH``, or one file opened from the
    desktop (``copydesk.desktop``'s ``%f``): a library, or a package to import into the
    library; None for anything the parser must read."""
    if not arguments:
        return argparse.Namespace(library=None, open=[])
    if len(arguments) == 2 and arguments[0] == "--library" and not arguments[1].startswith("-"):
        return argparse.Namespace(library=arguments[1], open=[])
    if len(arguments) == 1 and arguments[0].startswith("--library=") and len(arguments[0]) > 10:
        return argparse.Namespace(library=arguments[0].removeprefix("--library="), open=[])
    if len(arguments) != 1 or arguments[0][:1] == "-":
        return None
    if arguments[0].endswith(LIBRARY_SUFFIX):
        return argparse.Namespace(library=arguments[0], open=[])
    if arguments[0].endswith(PACKAGE_SUFFIX):
        return argparse.Namespace(library=None, open=[Path(arguments[0]).absolute()])
    return None


def _library_path(args: argparse.Namespace) -> Path:
    from copydesk.library.paths import resolve_library_path

    return resolve_library_path(args.library)


def _existing_library(args: argparse.Namespace) -> Path:
    """The library path, refused with the command that creates it when there is nothing
    there: a command working on a library never makes one by surprise."""
    from copydesk.cli.library import require_library

    return require_library(_library_path(args))


def _open_window(args: argparse.Namespace) -> int:
    from copydesk.qt.app import run_application

    return run_application(_library_path(args), imports=getattr(args, "open", []))


def _list_articles(args: argparse.Namespace) -> int:
    from copydesk.articles.operations import list_articles

    summaries = list_articles(_existing_library(args))
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
            (_("SLUG"), _("STATUS"), _("LANG"), _("UPDATED"), _("HEADLINE")),
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

    problems = check_article(_existing_library(args), args.slug)
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
        if not problems:
            print(_("No problems found in “{slug}”.").format(slug=args.slug))
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
    path = _existing_library(args)
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
        raise CopydeskError(
            _("Cannot write {path}: {reason}.").format(path=path, reason=error.strerror or error)
        ) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise CopydeskError(
                _("Cannot write {path}: {reason}.").format(
                    path=path, reason=error.strerror or error
                )
            ) from error
        raise


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())


def _screenshot(args: argparse.Namespace) -> int:
    from copydesk.qt.screenshot import take_screenshot

    width, height = args.size
    take_screenshot(_library_path(args), Path(args.out), args.article, (width, height), args.view)
    print(args.out)
    return 0


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("expected WIDTHxHEIGHT, got {text}").format(text=repr(text))
        ) from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(_("width and height must be between 200 and 8000"))
    return width, height


if __name__ == "__main__":
    sys.exit(main())
