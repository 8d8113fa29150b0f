"""What the import and export controllers ask of the main window, and nothing more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from copydesk.articles import operations
from copydesk.records.article import ArticleQuery, ArticleRecord

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.preferences import Preferences
    from copydesk.qt.window.main_window import MainWindow


class ExchangeHost:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    @property
    def current(self) -> ArticleRecord | None:
        return self._window.current

    def library_for_export(self) -> Library | None:
        return self._window.library

    def library_for_import(self) -> Library | None:
        return self._window.library  # None while the library is still opening: the actions wait

    def save_pending(self) -> None:
        self._window.autosave.flush()
        self._window.autosave.retry_failed()

    def failed_save(self, article_id: int) -> bool:
        return self._window.autosave.failed_content(article_id) is not None

    def listed_articles(self) -> tuple[ArticleQuery, int, bool]:
        """The list's query, how many articles it finds and whether that count is exact."""
        model = self._window.article_list.model
        return (model.query(), *model.count())

    def export_preferences(self) -> Preferences:
        return self._window.preferences.current()  # the same limits as the Checks panel

    def article_errors(self) -> list[str]:
        """The open article's errors as the Checks panel words them."""
        from copydesk.qt.checks.messages import problem_location, problem_message
        from copydesk.records.problem import Severity

        return [
            f"{problem_location(problem)} — {problem_message(problem)}"
            for problem in self._window.checks_panel.problems()
            if problem.severity is Severity.ERROR
        ]

    def show_checks(self) -> None:
        self._window.side_tabs.setCurrentWidget(self._window.checks_panel)
        self._window.checks.check_now()
        self._window.checks_panel.view.setFocus()

    def show_imported(self, shown: operations.Shown) -> None:
        """The first article imported, with the list of every article."""
        self._window.article_list.reset_query()  # so that the articles imported are in the list
        self._window.replace_current(shown, focus=False)

    def pictures_imported(self) -> None:
        self._window.pictures.imported()
