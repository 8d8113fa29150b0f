"""The main window: article list, editor and preview in one splitter.

Start-up order matters for speed: the window is built from plain widgets and painted first;
only then does the preview start QtWebEngine and the database thread import SQLAlchemy,
open the library and render the article, both at the same time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

from copydesk import operations
from copydesk.errors import CopydeskError
from copydesk.qt.article_list import ArticleListPanel
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.preview.preview_pane import PreviewPane
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window_state import WindowState
from copydesk.records import DEFAULT_LANGUAGE, ArticleContent, ArticleRecord, ArticleSummary
from copydesk.resources import resource_path

if TYPE_CHECKING:
    from copydesk.db import Library

AUTOSAVE_IDLE_MS = 750
AUTOSAVE_RETRY_MS = 5000
# A full render slower than this waits for a pause in typing instead of running per keystroke.
SLOW_RENDER_MS = 20.0
SLOW_RENDER_DELAY_MS = 300
LIBRARY_FILTER = "Copydesk libraries (*.copydesk);;All files (*)"


@dataclass
class PendingSave:
    library: Library
    content: ArticleContent
    generation: int
    future: Future[ArticleRecord]

    def failed(self) -> bool:
        return self.future.done() and self.future.exception() is not None


class MainWindow(QMainWindow):
    first_painted = Signal()
    article_ready = Signal()  # once: the first article is loaded and its preview rendered
    library_failed = Signal(str)
    article_saved = Signal(object)  # ArticleRecord
    save_failed = Signal(str)

    def __init__(
        self,
        library_path: Path,
        *,
        state: WindowState,
        runner: TaskRunner,
        create_library: bool = True,
        open_slug: str | None = None,
    ) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: Library | None = None
        self._opening: Future[operations.OpenedLibrary] | None = None
        self.current: ArticleRecord | None = None
        self._state = state
        self._runner = runner
        self._create_library = create_library
        self._open_slug = open_slug
        self._painted = False
        self._ready = False
        self._shut_down = False
        self._loading_id: int | None = None
        self._edit_generation = 0
        self._saved_generation = 0
        # The latest save of each article: what to retry, and what to ask about on closing.
        self._latest_saves: dict[int, PendingSave] = {}
        self._last_render_ms = 0.0

        self._build_widgets()
        self._build_actions()
        self._build_timers()
        self._connect()
        self._restore_state()
        self._update_title()

    # ---- construction ---------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.article_list = ArticleListPanel(self)
        self.editor = ArticleEditor(self)
        self.preview = PreviewPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.article_list, self.editor, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)

        self.save_label = QLabel(self)
        self.library_label = QLabel(self)
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addPermanentWidget(self.library_label)

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(menu, self.tr("&New Article"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_article)
        self.save_action = self._action(menu, self.tr("&Save Now"), QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_now)
        menu.addSeparator()
        self.open_library_action = self._action(menu, self.tr("Open &Library…"))
        self.open_library_action.triggered.connect(self.choose_library)
        menu.addSeparator()
        self.quit_action = self._action(menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

    def _action(
        self, menu: Any, text: str, shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        menu.addAction(action)
        return action

    def _build_timers(self) -> None:
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_IDLE_MS)
        self._autosave_timer.timeout.connect(self.flush_autosave)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(AUTOSAVE_RETRY_MS)
        self._retry_timer.timeout.connect(self._retry_failed_saves)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self._render_preview)
        self._splitter_timer = QTimer(self)
        self._splitter_timer.setSingleShot(True)
        self._splitter_timer.setInterval(500)
        self._splitter_timer.timeout.connect(self._save_splitter)

    def _connect(self) -> None:
        self.article_list.article_chosen.connect(self.open_article)
        self.article_list.new_requested.connect(self.new_article)
        self.article_list.duplicate_requested.connect(self.duplicate_article)
        self.article_list.delete_requested.connect(self.confirm_delete_article)
        self.editor.edited.connect(self._on_edited)
        self.preview.rendered.connect(self._on_preview_rendered)
        self.splitter.splitterMoved.connect(lambda *_: self._splitter_timer.start())
        self.installEventFilter(self)

    def _restore_state(self) -> None:
        geometry = self._state.bytes_value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        splitter = self._state.bytes_value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([280, 560, 560])

    # ---- start-up ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        self.removeEventFilter(self)
        self.first_painted.emit()
        self.open_library(self.library_path)
        self.preview.start()
        self.setWindowIcon(QIcon(str(resource_path("icons", "copydesk.svg"))))

    def open_library(self, path: Path) -> None:
        """Open ``path`` on the database thread; the current library is saved and closed.

        An existing library's list and article are shown as soon as they are read, before
        the library is ready for writing; edits made meanwhile wait for it (see
        ``_library_for_writing``).
        """
        if not self._confirm_unsaved():
            return
        self._latest_saves.clear()
        self._close_library()
        self.library_path = path
        self._update_title()
        self.save_label.setText(self.tr("Opening the library…"))
        preferred = self._state.last_article_id(path)
        create, slug = self._create_library, self._open_slug
        runner = self._runner
        self._opening = runner.run(
            lambda: operations.open_library(
                path,
                create=create,
                slug=slug,
                preferred_id=preferred,
                show_early=lambda shown: runner.post(self._show, shown),
            ),
            self._on_library_opened,
            self._on_library_failed,
        )

    def _library_for_writing(self) -> Library | None:
        """The open library; if it is still being opened, wait for it (a fraction of a second,
        and only for an edit made in the first moments after start-up)."""
        if self.library is None and self._opening is not None:
            try:
                self.library = self._opening.result().library
            except Exception:
                return None  # reported by _on_library_failed
        return self.library

    def _on_library_opened(self, opened: operations.OpenedLibrary) -> None:
        self.library = opened.library
        self._opening = None
        self.save_label.clear()
        self._update_title()
        if opened.shown is not None:
            self._show(opened.shown)
        elif self.has_unsaved_changes():
            self.flush_autosave()

    def _on_library_failed(self, error: Exception) -> None:
        self._opening = None
        self.current = None
        self.editor.load(None)
        self.article_list.set_summaries([], None)
        self.save_label.setText(self.tr("No library open"))
        self.library_failed.emit(_message(error))

    def choose_library(self) -> bool:
        """Ask for a library file (an existing one, or a new name); False if cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Open or Create a Library"),
            str(self.library_path.parent),
            self.tr(LIBRARY_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return False
        self._create_library = True
        self._open_slug = None
        self.open_library(Path(path))
        return True

    # ---- showing articles -----------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        if self.current is not None and self.current.id == article_id:
            return
        library = self._library_for_writing()
        if library is None:
            return
        self.flush_autosave()
        self._loading_id = article_id
        self._runner.run(
            lambda: operations.load_article(library, article_id), self._show, self._report_error
        )

    def _show(self, shown: operations.Shown) -> None:
        record = shown.record
        if self._loading_id is not None and record is not None and record.id != self._loading_id:
            return  # the user has since asked for another article
        self._loading_id = None
        self.flush_autosave()  # keystrokes typed while the article was loading
        if shown.summaries is not None:
            self.article_list.set_summaries(shown.summaries, record.id if record else None)
        else:
            self.article_list.select(record.id if record else None)
        self.current = record
        self._edit_generation = self._saved_generation = 0
        self.editor.load(record)
        self._state.set_last_article_id(self.library_path, record.id if record else None)
        self.setWindowModified(False)
        self._update_title()
        language = record.content.language if record else DEFAULT_LANGUAGE
        self.preview.show_html(shown.html, language=language, title=self._article_title())

    def _on_preview_rendered(self) -> None:
        if not self._ready and self._loading_id is None:
            self._ready = True
            self.article_ready.emit()

    # ---- editing and autosave ---------------------------------------------------------

    def _on_edited(self) -> None:
        self._edit_generation += 1
        self.setWindowModified(True)
        self._autosave_timer.start()
        delay = SLOW_RENDER_DELAY_MS if self._last_render_ms > SLOW_RENDER_MS else 0
        self._preview_timer.start(delay)

    def _render_preview(self) -> None:
        from copydesk.rendering.article import page_title, render_article

        content = self.editor.content()
        started = time.perf_counter()
        html = render_article(content)
        self._last_render_ms = (time.perf_counter() - started) * 1000
        self.preview.show_html(html, language=content.language, title=page_title(content))
        self._update_title()

    def has_unsaved_changes(self) -> bool:
        if self._edit_generation != self._saved_generation:
            return True
        return any(pending.failed() for pending in self._latest_saves.values())

    def flush_autosave(self) -> None:
        """Send the editor's content to the database thread now, if anything changed."""
        self._autosave_timer.stop()
        if self.current is None or self._edit_generation == self._saved_generation:
            return
        library = self._library_for_writing()
        if library is None:
            return
        self._saved_generation = self._edit_generation
        self._submit_save(library, self.current.id, self.editor.content(), self._edit_generation)

    def save_now(self) -> None:
        self.flush_autosave()

    def _submit_save(
        self, library: Library, article_id: int, content: ArticleContent, generation: int
    ) -> None:
        self.save_label.setText(self.tr("Saving…"))
        future = self._runner.run(
            lambda: operations.save_article(library, article_id, content),
            lambda record: self._on_saved(record, generation),
            self._on_save_failed,
        )
        self._latest_saves[article_id] = PendingSave(library, content, generation, future)

    def _on_saved(self, record: ArticleRecord, generation: int) -> None:
        pending = self._latest_saves.get(record.id)
        if pending is not None and pending.generation == generation:
            del self._latest_saves[record.id]
        if self.current is None or record.id != self.current.id:
            return
        self.current = record
        self.article_list.model.update_summary(_summary_of(record))
        if generation == self._edit_generation and not self.has_unsaved_changes():
            self.setWindowModified(False)
            self.save_label.setText(self.tr("Saved at %1").replace("%1", time.strftime("%H:%M:%S")))
        self.article_saved.emit(record)

    def _on_save_failed(self, error: Exception) -> None:
        message = _message(error)
        self.setWindowModified(True)
        self.save_label.setText(self.tr("Not saved: %1 Retrying…").replace("%1", message))
        self._retry_timer.start()
        self.save_failed.emit(message)

    def _retry_failed_saves(self) -> None:
        for article_id, pending in list(self._latest_saves.items()):
            if pending.failed():
                self._submit_save(pending.library, article_id, pending.content, pending.generation)

    def _wait_for_failed_saves(self) -> list[PendingSave]:
        """Block until every save has run; return the ones that failed."""
        self.flush_autosave()
        for pending in self._latest_saves.values():
            pending.future.exception()  # waits
        return [pending for pending in self._latest_saves.values() if pending.failed()]

    def _confirm_unsaved(self) -> bool:
        """Before closing the library: retry failed saves as long as the user wants.
        True means go on (everything saved, or the user chose to discard)."""
        while failed := self._wait_for_failed_saves():
            reason = _message(failed[-1].future.exception() or Exception())
            answer = QMessageBox.warning(
                self,
                self.tr("Changes Not Saved"),
                self.tr(
                    "Changes to %n article(s) could not be saved:\n%1", "", len(failed)
                ).replace("%1", reason),
                QMessageBox.StandardButton.Retry
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Retry,
            )
            if answer == QMessageBox.StandardButton.Discard:
                self._latest_saves.clear()
                return True
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            self._retry_failed_saves()
        return True

    # ---- list actions ---------------------------------------------------------------------

    def new_article(self) -> None:
        library = self._library_for_writing()
        if library is None:
            return
        self.flush_autosave()
        previous = self.current.content if self.current else None
        content = ArticleContent(
            language=previous.language if previous else DEFAULT_LANGUAGE,
            edition=previous.edition if previous else "",
            dateline_date=date.today(),
        )
        self._run_and_show(lambda: operations.create_article(library, content), focus=True)

    def duplicate_article(self, article_id: int) -> None:
        library = self._library_for_writing()
        if library is None:
            return
        self.flush_autosave()
        self._run_and_show(lambda: operations.duplicate_article(library, article_id), focus=True)

    def confirm_delete_article(self, article_id: int) -> None:
        row = self.article_list.model.row_of(article_id)
        summary = self.article_list.model.data(self.article_list.model.index(row or 0))
        answer = QMessageBox.question(
            self,
            self.tr("Delete Article"),
            self.tr("Delete “%1”? This cannot be undone.").replace("%1", str(summary)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_article(article_id)

    def delete_article(self, article_id: int) -> None:
        library = self._library_for_writing()
        if library is None:
            return
        if self.current is not None and self.current.id == article_id:
            self._autosave_timer.stop()
            self._saved_generation = self._edit_generation  # its pending edits go with it
        else:
            self.flush_autosave()
        self._latest_saves.pop(article_id, None)
        self._run_and_show(lambda: operations.delete_article(library, article_id))

    def _run_and_show(self, job: Callable[[], operations.Shown], *, focus: bool = False) -> None:
        def show(shown: operations.Shown) -> None:
            self._loading_id = None
            self.current = None  # force the reload even when the id is reused
            self._show(shown)
            if focus:
                self.editor.headline.setFocus()

        self._runner.run(job, show, self._report_error)

    def _report_error(self, error: Exception) -> None:
        message = _message(error)
        self.save_label.setText(message)
        QMessageBox.warning(self, self.tr("Copydesk"), message)

    # ---- title, state, shutdown ---------------------------------------------------------

    def _article_title(self) -> str:
        if self.current is None:
            return ""
        return self.editor.headline.text().strip() or self.tr("Untitled")

    def _update_title(self) -> None:
        name = self._article_title()
        app_name = self.tr("Copydesk")
        self.setWindowTitle(f"{name}[*] — {app_name}" if name else f"{app_name}[*]")
        self.library_label.setText(str(self.library_path))

    def _save_splitter(self) -> None:
        self._state.set_bytes("window/splitter", self.splitter.saveState())
        self._state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_unsaved():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Save what is pending, stop the database thread, close the library. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self.flush_autosave()
        self._state.set_bytes("window/geometry", self.saveGeometry())
        self._state.set_bytes("window/splitter", self.splitter.saveState())
        self._state.sync()
        self._runner.shutdown()
        self._close_library()

    def _close_library(self) -> None:
        library, self.library = self._library_for_writing(), None
        self._opening = None
        self.current = None
        if library is not None:
            self._runner.run(library.close)


def _summary_of(record: ArticleRecord) -> ArticleSummary:
    return ArticleSummary(
        id=record.id,
        slug=record.slug,
        headline=record.content.headline,
        status=record.content.status,
        language=record.content.language,
        updated_at=record.updated_at,
    )


def _message(error: BaseException) -> str:
    if isinstance(error, CopydeskError):
        return str(error)
    return f"{type(error).__name__}: {error}"
