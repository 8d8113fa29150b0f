"""The article list's work: New, Duplicate and Delete (its buttons and the File menu), its
search, the pages of summaries it shows as it scrolls, and its refresh after others wrote."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from copydesk.articles import operations
from copydesk.records.article import DEFAULT_LANGUAGE, ArticleContent, ArticleList, ArticleQuery

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.qt.window.main_window import MainWindow


class ArticleActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.article_list.new_requested.connect(self.new_article)
        window.article_list.duplicate_requested.connect(self.duplicate_article)
        window.article_list.delete_requested.connect(self.confirm_delete_article)
        window.article_list.query_changed.connect(self.search)
        window.article_list.model.summaries_needed.connect(self._fetch_summaries)
        window.article_list.model.more_needed.connect(self._fetch_more)
        self._listing_count = 0  # only the latest search is shown

    def new_article(self) -> None:
        library = self._window.library_for_writing()
        if library is None:
            return
        self._window.autosave.flush()
        previous = self._window.current.content if self._window.current else None
        content = ArticleContent(
            language=previous.language if previous else DEFAULT_LANGUAGE,
            edition=previous.edition if previous else "",
            dateline_date=date.today(),
        )
        self._window.article_list.reset_query()  # so that the new article is in the list
        self._run_and_show(library, lambda: operations.create_article(library, content), True)

    def duplicate_article(self, article_id: int) -> None:
        library = self._window.library_for_writing()
        if library is None:
            return
        self._window.autosave.flush()
        self._window.article_list.reset_query()
        self._run_and_show(library, lambda: operations.duplicate_article(library, article_id), True)

    def confirm_delete_article(self, article_id: int) -> None:
        row = self._window.article_list.model.row_of(article_id)
        summary = self._window.article_list.model.data(
            self._window.article_list.model.index(row or 0)
        )
        answer = QMessageBox.question(
            self._window,
            self.tr("Delete Article"),
            self.tr("Delete “%1”? This cannot be undone.").replace("%1", str(summary)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_article(article_id)

    def delete_article(self, article_id: int) -> None:
        """Delete an article. Its unsaved edits are dropped only once the delete succeeded."""
        library = self._window.library_for_writing()
        if library is None:
            return
        deleting_current = (
            self._window.current is not None and self._window.current.id == article_id
        )
        if deleting_current:
            self._window.autosave.hold()
            self._window.editor.setEnabled(False)
        else:
            self._window.autosave.flush()

        def deleted(shown: operations.Shown) -> None:
            self._window.autosave.discard(article_id)
            self._window.versions.forget(article_id)
            if deleting_current:
                self._window.autosave.start_fresh()
            self._window.replace_current(shown, focus=False)

        def failed(error: Exception) -> None:
            if deleting_current:
                self._window.editor.setEnabled(True)
                self._window.autosave.resume()
            self._window.report_error(error)

        query = self._window.article_list.query()
        self._window.run_job(
            library, lambda: operations.delete_article(library, article_id, query), deleted, failed
        )

    def _run_and_show(
        self, library: Library, job: Callable[[], operations.Shown], focus: bool
    ) -> None:
        self._window.run_job(
            library, job, lambda shown: self._window.replace_current(shown, focus=focus)
        )

    # ---- the list: search, pages, refresh ------------------------------------------------

    def search(self, query: ArticleQuery) -> None:
        """List the articles ``query`` finds. Typing queues a search per keystroke: a search
        that a newer one has overtaken is skipped, and its result (if it ran) dropped."""
        self._listing_count += 1
        count, window = self._listing_count, self._window

        def search(library: Library) -> ArticleList | None:
            if count != self._listing_count:
                return None  # read across threads: at worst the search runs for nothing
            return operations.search_articles(library, query)

        def show(listing: ArticleList | None) -> None:
            if listing is not None and count == self._listing_count:
                self.show_listing(listing, window.current.id if window.current else None)

        window.session.run_for_list(search, show)

    def show_listing(self, listing: ArticleList, selected_id: int | None) -> None:
        self._listing_count += 1  # a search still on its way is older than this list
        self._window.article_list.set_listing(listing, selected_id)

    def refresh_listing(self, stale: set[int] | None) -> None:
        """The same search again, after other programs changed ``stale`` articles (None: any
        of them): the list keeps its scroll and its current article."""
        article_list = self._window.article_list
        query = article_list.query()
        rows = article_list.model.rowCount()  # as far down as it was scrolled
        self._listing_count += 1
        count = self._listing_count

        def show(listing: ArticleList | None) -> None:
            if listing is not None and count == self._listing_count:
                article_list.refresh_listing(listing, stale)

        self._window.session.run_for_list(
            lambda library: operations.search_articles(library, query, rows), show
        )

    def _fetch_more(self, generation: int, query: ArticleQuery, after: int) -> None:
        """The list was scrolled to its end: its next page, on the database thread."""
        model = self._window.article_list.model
        self._window.session.run_for_list(
            lambda library: operations.more_articles(library, query, after),
            lambda page: page is not None and model.receive_more(generation, page),
        )

    def _fetch_summaries(self, generation: int, ids: list[int]) -> None:
        """Rows the list is about to show: fetched on the database thread."""
        model = self._window.article_list.model
        self._window.session.run_for_list(
            lambda library: operations.article_summaries(library, ids),
            lambda summaries: model.receive_summaries(generation, summaries or []),
        )
