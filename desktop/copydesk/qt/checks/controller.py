"""Keeps the checks panel in step with the editor: the article is checked shortly after each
edit (off the GUI thread), a click on a problem selects it in its field, and fixes are
applied to the fields as one undo step each."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from copydesk.articles import checks
from copydesk.articles.spelling_checks import spelling_problems
from copydesk.qt.checks.panel import ChecksPanel
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.editor.text_fixes import apply_text_fix, utf16_positions, widget_text
from copydesk.qt.tasks import LatestOnly
from copydesk.qt.window.preferences_store import PreferencesStore
from copydesk.records.article import ArticleContent
from copydesk.records.problem import Problem
from copydesk.text.spelling import Speller

if TYPE_CHECKING:
    from copydesk.articles.pictures import ArticlePictures

CHECK_DELAY_MS = 250


class ChecksController(QObject):
    def __init__(
        self,
        panel: ChecksPanel,
        editor: ArticleEditor,
        preferences: PreferencesStore,
        jobs: LatestOnly,
        today: Callable[[], date] = date.today,
        pictures: Callable[[], ArticlePictures] | None = None,
        article_uuid: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self.editor = editor
        self._preferences = preferences
        self._jobs = jobs
        self._stopped = False
        self._today = today
        self._pictures = pictures
        self._article_uuid = article_uuid  # the article shown ("" before its first save)
        # The speller of a language (the window's spelling), for the headline and standfirst.
        self.spelling: Callable[[str], Speller | None] | None = None
        self._count = 0  # only the latest check's result is shown
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        panel.jump_requested.connect(self.jump_to)
        panel.fix_requested.connect(self.fix)
        preferences.changed.connect(lambda _preferences: self.check_now())

    def schedule(self) -> None:
        self._timer.start()

    def check_now(self) -> None:
        """Check the article in the editor (nothing when no article is open)."""
        self._timer.stop()
        self._count += 1
        if not self.editor.isEnabled():
            self.panel.set_problems([])
            return
        self._jobs.request(self._check_job, self._show)

    def _check_job(self) -> Callable[[], tuple[int, list[Problem]]]:
        count, content = self._count, self.editor.content()
        preferences, today = self._preferences.current(), self._today()
        pictures = self._pictures() if self._pictures is not None else None
        article_uuid = self._article_uuid()
        speller = self.spelling(content.language) if self.spelling is not None else None

        def check() -> tuple[int, list[Problem]]:
            problems = checks.check_article(content, preferences, today)
            if pictures is not None:
                # Here, on the checks' thread: the picture modules bring SQLAlchemy, which
                # the window must not load before its first paint.
                from copydesk.articles.pictures import check_pictures

                problems += check_pictures(content, pictures, article_uuid)
            if speller is not None:
                problems += spelling_problems(content, speller)
            if pictures is not None or speller is not None:
                problems.sort(key=checks.problem_order)
            return count, problems

        return check

    def _show(self, checked: tuple[int, list[Problem]]) -> None:
        count, problems = checked
        if count == self._count and not self._stopped:
            self.panel.set_problems(problems)

    def stop(self) -> None:
        """The window is closing: results still on their way are dropped."""
        self._stopped = True
        self._timer.stop()
        self._jobs.close()

    # ---- jumping and fixing ------------------------------------------------------------------

    def field_widget(self, field: str) -> QWidget | None:
        widget = getattr(self.editor, field, None)
        return widget if isinstance(widget, QWidget) else None

    def jump_to(self, problem: Problem) -> None:
        """Select the text the problem is about, in its field, and give that field the focus."""
        widget = self.field_widget(problem.field)
        if widget is None:
            return
        widget.setFocus()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            start, end = self._widget_range(widget, problem)
            if isinstance(widget, QLineEdit):
                widget.setSelection(start, end - start)
            else:
                cursor = widget.textCursor()
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                widget.setTextCursor(cursor)
                widget.centerCursor()

    def _widget_range(
        self, widget: QLineEdit | QPlainTextEdit, problem: Problem
    ) -> tuple[int, int]:
        text = widget_text(widget)
        # The article's fields are stored trimmed: offsets count from the first character.
        lead = len(text) - len(text.lstrip())
        start = min(problem.start + lead, len(text))
        end = min(max(problem.end, problem.start) + lead, len(text))
        positions = utf16_positions(text, [start, end])
        return positions[start], positions[end]

    def fix(self, problems: list[Problem]) -> None:
        """Apply the fixes of ``problems`` that still apply to the text as it is now."""
        content = self.editor.content()
        current = self._still_present(problems, content)
        for field, text_fix in checks.combine_fixes(current).items():
            widget = self.field_widget(field)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                apply_text_fix(widget, text_fix, checked_text=getattr(content, field))
        self.check_now()

    def _still_present(self, problems: list[Problem], content: ArticleContent) -> list[Problem]:
        """The same problems found again in the current text (it may have changed since the
        panel was filled): their offsets are the ones to fix."""
        fresh = checks.check_article(content, self._preferences.current(), self._today())
        wanted = {(p.code, p.field, p.start, p.end) for p in problems}
        return [p for p in fresh if (p.code, p.field, p.start, p.end) in wanted and p.fix]
