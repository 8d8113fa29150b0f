"""What the window asks of a library, one transaction each.

Every operation opens its own transaction on the library it is given, returns plain records
(never live ORM objects) and renders what the preview will show, so the GUI thread only has
to display results. Heavy modules are imported inside the functions: they run on the
database thread, after the window has been painted.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk.errors import NotFoundError
from copydesk.records.article import (
    ALL_ARTICLES,
    PAGE_SIZE,
    ArticleContent,
    ArticleList,
    ArticlePage,
    ArticleQuery,
    ArticleRecord,
    ArticleStatus,
    ArticleSummary,
    choose_article_id,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from copydesk.library.db import Library
    from copydesk.library.inspection import Inspection
    from copydesk.records.article import RevisionRecord, RevisionSummary


@dataclass(frozen=True)
class Shown:
    """The article to show (if any), its rendered HTML, and the list when it changed.
    ``whole`` is False when ``html`` holds only the body's first screen (a long article):
    the preview renders the rest."""

    record: ArticleRecord | None
    html: str
    listing: ArticleList | None = None
    whole: bool = True


@dataclass(frozen=True)
class OpenedLibrary:
    library: Library
    shown: Shown | None = field(repr=False)  # None when ``show_early`` already showed it


def open_library(
    path: Path,
    *,
    create: bool,
    slug: str | None = None,
    preferred_id: int | None = None,
    show_early: Callable[[Shown], object] | None = None,
    upgrading: Callable[[], object] | None = None,
) -> OpenedLibrary:
    """Open (or create, with the sample article) a library and load the article to show:
    ``slug`` if given, else ``preferred_id`` if it still exists, else the latest.

    With ``show_early``, an existing library's list and article are first read with the
    standard library alone and handed to ``show_early`` before SQLAlchemy is even imported.
    ``upgrading`` is called first when the library was written by an older Copydesk: its
    upgrade (a rebuilt search index on a large library) may take minutes.
    """
    from copydesk.library.inspection import FileState, inspect_library_file

    inspection = inspect_library_file(path)
    if upgrading is not None and inspection.state is FileState.OUTDATED:
        upgrading()
    if show_early is not None:
        early = _read_early(path, inspection, slug, preferred_id)
        if early is not None:
            show_early(early)
            return OpenedLibrary(_open(path, create, inspection), None)
    library = _open(path, create, inspection)
    try:
        with library.read() as session:
            listing = _listing(session)
            record = _pick_article(session, listing.ids, slug, preferred_id)
    except BaseException:
        library.close()
        raise
    return OpenedLibrary(library, _shown(record, listing))


def _read_early(
    path: Path, inspection: Inspection, slug: str | None, preferred_id: int | None
) -> Shown | None:
    from copydesk.library import quickread

    view = quickread.read_view(path, slug=slug, preferred_id=preferred_id, inspection=inspection)
    if view is None:
        return None
    listing, record = view
    return _shown(record, listing)


def _open(path: Path, create: bool, inspection: Inspection) -> Library:
    from copydesk.articles.sample import add_first_run_samples
    from copydesk.library import db
    from copydesk.library.media_store import MediaStore

    def fill(session: Session) -> None:
        add_first_run_samples(session, MediaStore.beside(path))

    return db.open_library(path, create=create, on_create=fill, inspection=inspection)


def _pick_article(
    session: Session, ids: list[int], slug: str | None, preferred_id: int | None
) -> ArticleRecord | None:
    from copydesk.articles import store as articles
    from copydesk.library.models import Article

    if slug is not None:
        record = articles.find_by_slug(session, slug)
        if record is None:
            raise NotFoundError.for_slug(slug)
        return record
    if preferred_id is not None and session.get(Article, preferred_id) is None:
        preferred_id = None  # deleted since
    chosen = choose_article_id(ids, preferred_id)
    return articles.get_article(session, chosen) if chosen is not None else None


def list_articles(path: Path) -> list[ArticleSummary]:
    """The article list of an existing library, for the command line. A library at the
    current schema is only read (read-only files included); an older one is upgraded."""
    from copydesk.library import quickread

    summaries = quickread.read_summaries(path)
    if summaries is not None:
        return summaries
    from copydesk.articles import store as articles
    from copydesk.library import db

    library = db.open_library(path)
    try:
        with library.read() as session:
            return articles.list_summaries(session)
    finally:
        library.close()


def load_article(library: Library, article_id: int) -> Shown:
    from copydesk.articles import store as articles

    with library.read() as session:
        return _shown(articles.get_article(session, article_id))


class KnownVersions:
    """The stored version each article's text in this window is based on.

    Saves run on the database thread and note the version they wrote; the GUI thread notes
    the version of every article it shows. Versions only grow, so the highest is the one to
    build on; an article that reappears under the same id with another uuid starts afresh.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[int, tuple[str, int]] = {}

    def note(self, record: ArticleRecord) -> None:
        with self._lock:
            uuid, version = self._known.get(record.id, ("", 0))
            if uuid != record.uuid or record.version > version:
                self._known[record.id] = (record.uuid, record.version)

    def base_of(self, article_id: int) -> tuple[str, int] | None:
        with self._lock:
            return self._known.get(article_id)

    def forget(self, article_id: int) -> None:
        with self._lock:
            self._known.pop(article_id, None)


@dataclass(frozen=True)
class SaveOptions:
    """How saves of this window behave: who is named in the history and how often the
    history records a revision while editing (None: never on its own)."""

    author: str = ""
    revision_interval: timedelta | None = None


def save_article(
    library: Library,
    article_id: int,
    content: ArticleContent,
    versions: KnownVersions | None = None,
    options: SaveOptions | None = None,
) -> ArticleRecord:
    """Save the editor's content. With ``versions``, a save based on a version that another
    window has since replaced raises ``ConflictError`` and writes nothing."""
    from copydesk.articles import revisions
    from copydesk.articles import store as articles

    options = options or SaveOptions()
    base = versions.base_of(article_id) if versions is not None else None
    with library.write() as session:
        if options.revision_interval is not None:
            # The text as it was before this save: the start of each editing stretch is kept.
            revisions.record_periodic(
                session, article_id, author=options.author, interval=options.revision_interval
            )
        record = articles.save_content(
            session,
            article_id,
            content,
            base_uuid=base[0] if base else None,
            base_version=base[1] if base else None,
        )
    if versions is not None:
        versions.note(record)
    return record


def record_revision(library: Library, article_id: int, author: str) -> RevisionSummary:
    """Ctrl+S: the article as stored goes into its history (unless it is already there)."""
    from copydesk.articles import revisions
    from copydesk.records.article import RevisionKind

    with library.write() as session:
        return revisions.record_revision(session, article_id, RevisionKind.MANUAL, author=author)


def list_revisions(library: Library, article_id: int) -> list[RevisionSummary]:
    from copydesk.articles import revisions

    with library.read() as session:
        return revisions.list_revisions(session, article_id)


def latest_revision(library: Library, article_id: int) -> RevisionSummary | None:
    from copydesk.articles import revisions

    with library.read() as session:
        return revisions.latest_revision(session, article_id)


def get_revision(library: Library, revision_id: int) -> RevisionRecord:
    from copydesk.articles import revisions

    with library.read() as session:
        return revisions.get_revision(session, revision_id)


def restore_revision(
    library: Library, article_id: int, revision_id: int, author: str, versions: KnownVersions
) -> Shown:
    from copydesk.articles import revisions

    with library.write() as session:
        record = revisions.restore_revision(session, article_id, revision_id, author=author)
    versions.note(record)
    return _shown(record)


def resolve_conflict(
    library: Library,
    article_id: int,
    mine: ArticleContent,
    *,
    keep_mine: bool,
    author: str,
    versions: KnownVersions,
) -> Shown:
    """Two windows saved the same article: one version stays on top, the other goes into the
    history, so both are kept."""
    from copydesk.articles import revisions

    with library.write() as session:
        resolve = revisions.keep_mine if keep_mine else revisions.keep_theirs
        record = resolve(session, article_id, mine, author=author)
    versions.note(record)
    return _shown(record)


def create_article(library: Library, content: ArticleContent) -> Shown:
    from copydesk.articles import store as articles

    with library.write() as session:
        record = articles.create_article(session, content)
        return _shown(record, _listing(session))


def duplicate_article(library: Library, article_id: int) -> Shown:
    from copydesk.articles import store as articles

    with library.write() as session:
        record = articles.duplicate_article(session, article_id)
        return _shown(record, _listing(session))


def delete_article(library: Library, article_id: int, query: ArticleQuery = ALL_ARTICLES) -> Shown:
    """Delete an article and show its neighbour in the list (of ``query``'s results) next."""
    from copydesk.articles import search as fulltext
    from copydesk.articles import store as articles

    with library.write() as session:
        next_id = fulltext.neighbour(session, query, article_id)
        articles.delete_article(session, article_id)
        listing = _listing(session, query)
        if next_id is None and listing.first_page:
            next_id = listing.first_page[0].id  # it was not in the list
        record = articles.get_article(session, next_id) if next_id is not None else None
        return _shown(record, listing)


def _shown(record: ArticleRecord | None, listing: ArticleList | None = None) -> Shown:
    from copydesk.rendering.article import render_article
    from copydesk.rendering.first_screen import first_screen

    if record is None:
        return Shown(None, "", listing)
    head = first_screen(record.content.body)
    html = render_article(record.content.replace(body=head))
    return Shown(record, html, listing, whole=head == record.content.body)


# ---- the article list: search and pages -----------------------------------------------


def search_articles(library: Library, query: ArticleQuery, at_least: int = 0) -> ArticleList:
    """The articles ``query`` finds, most recently changed first: the first page (or the
    first ``at_least`` rows, for a list read again where it was scrolled) and their count."""
    with library.read() as session:
        return _listing(session, query, at_least)


def more_articles(library: Library, query: ArticleQuery, after: int) -> ArticlePage:
    """The page of ``query``'s list after the list key ``after`` (the list scrolled down)."""
    from copydesk.articles import search as fulltext

    with library.read() as session:
        return fulltext.next_page(session, query, after, PAGE_SIZE)


def ids_with_status(library: Library, status: ArticleStatus) -> list[int]:
    """Every article with ``status``, the latest changed first: the one selection the window's
    batch export and ``copydesk export --status`` share."""
    from copydesk.articles import search as fulltext

    with library.read() as session:
        return fulltext.search_ids(session, "", status)


def ids_of_query(library: Library, query: ArticleQuery) -> list[int]:
    """Every article ``query`` finds, in list order: a batch of "the articles in the list"."""
    from copydesk.articles import search as fulltext

    with library.read() as session:
        return fulltext.search_ids(session, query.text, query.status)


def ids_of_uuids(library: Library, uuids: list[str]) -> dict[str, int]:
    """The local ids of the articles named by uuid (those this library holds)."""
    from sqlalchemy import select

    from copydesk.library.models import Article

    if not uuids:
        return {}
    with library.read() as session:
        rows = session.execute(select(Article.uuid, Article.id).where(Article.uuid.in_(uuids)))
        return {uuid: article_id for uuid, article_id in rows}


def article_summaries(library: Library, ids: list[int]) -> list[ArticleSummary]:
    """The rows of the list for ``ids`` (a page being scrolled to), in that order."""
    from copydesk.articles import search as fulltext

    with library.read() as session:
        return fulltext.summaries_by_ids(session, ids)


def _listing(
    session: Session, query: ArticleQuery = ALL_ARTICLES, at_least: int = 0
) -> ArticleList:
    from copydesk.articles import search as fulltext

    return fulltext.first_page(session, query, max(at_least, PAGE_SIZE))


# Added for ``copydesk check``; kept at the end, its imports with it, so that the file's other
# operations stay as they are.
if TYPE_CHECKING:
    from datetime import date

    from copydesk.preferences import Preferences
    from copydesk.records.problem import Problem


def check_article(
    path: Path, slug: str, preferences: Preferences | None = None, today: date | None = None
) -> list[Problem]:
    """The editorial problems of the article ``slug``, for the command line. The library is
    read as ``list_articles`` reads it; ``today`` defaults to the local date."""
    from datetime import date

    from copydesk.articles import checks
    from copydesk.library import quickread
    from copydesk.preferences import DEFAULTS

    view = quickread.read_view(path, slug=slug, for_writing=False)
    record = view[1] if view is not None else _find_by_slug(path, slug)
    if record is None:
        raise NotFoundError.for_slug(slug)
    preferences = preferences or DEFAULTS
    today = today or date.today()
    problems = checks.check_article(record.content, preferences, today)
    problems += _picture_problems(path, record, preferences, today)
    problems.sort(key=checks.problem_order)
    return problems


def _picture_problems(
    path: Path, record: ArticleRecord, preferences: Preferences, today: date
) -> list[Problem]:
    """The problems of the pictures the article shows (none read when it shows none)."""
    from copydesk.articles import pictures as article_pictures
    from copydesk.library import db
    from copydesk.pictures.listing import Judgement

    content = record.content
    ids = article_pictures.picture_ids(content)
    if not ids:
        return []
    judgement = Judgement.from_preferences(preferences, content.language).replace(today=today)
    library = db.open_library(path)
    try:
        pictures = article_pictures.load_article_pictures(library, ids, judgement)
    finally:
        library.close()
    return article_pictures.check_pictures(content, pictures, record.uuid)


def _find_by_slug(path: Path, slug: str) -> ArticleRecord | None:
    from copydesk.articles import store as articles
    from copydesk.library import db

    library = db.open_library(path)
    try:
        with library.read() as session:
            return articles.find_by_slug(session, slug)
    finally:
        library.close()
