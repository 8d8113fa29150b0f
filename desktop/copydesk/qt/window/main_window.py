"""The main window: article list, editor and preview in one splitter.

Start-up order matters for speed: the window is built from plain widgets and painted first.
Only then does the preview start QtWebEngine while, on the database thread, the library's
list and article are read with the standard sqlite3 module and shown, and SQLAlchemy is
imported to open the library for writing.

The window lays out its panes, shows an article, saves it, keeps its title and shuts down;
its other work has rooms of its own: the library it has open (``library_session``), the
list's actions (``article_actions``), the menus (``menus``), other programs' writes
(``live_changes``), the preview (``qt.preview.render_controller``), the history and
conflicts (``qt.history.controller``) and the pictures (``qt.pictures.window_pictures``).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QWidget,
)

from copydesk.articles import operations
from copydesk.articles.pictures import picture_ids
from copydesk.errors import describe
from copydesk.qt.checks.controller import ChecksController
from copydesk.qt.checks.panel import ChecksPanel
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.history.controller import HistoryController
from copydesk.qt.history.history_panel import HistoryPanel
from copydesk.qt.newsroom.controller import NewsroomController
from copydesk.qt.pictures.article_credits import ArticleCreditsPane
from copydesk.qt.pictures.article_pictures_controller import ArticlePicturesController
from copydesk.qt.pictures.window_pictures import WindowPictures
from copydesk.qt.preview.preview_pane import PreviewPane
from copydesk.qt.preview.render_controller import PreviewRenderer
from copydesk.qt.preview.scroll_sync import ScrollSync
from copydesk.qt.tasks import LatestOnly, TaskRunner
from copydesk.qt.window.article_actions import ArticleActions
from copydesk.qt.window.article_list import ArticleListPanel
from copydesk.qt.window.autosave import Autosaver, SaveSources
from copydesk.qt.window.layout import restore_layout, save_splitters, toggle_sync
from copydesk.qt.window.library_session import LibrarySession
from copydesk.qt.window.library_watcher import LibraryWatcher
from copydesk.qt.window.live_changes import LiveChanges
from copydesk.qt.window.menus import build_menus
from copydesk.qt.window.preferences_store import PreferencesStore
from copydesk.qt.window.state import WindowState
from copydesk.qt.window.window_spelling import WindowSpelling
from copydesk.records.article import DEFAULT_LANGUAGE, EMPTY_LIST, ArticleRecord, summary_of
from copydesk.resources import resource_path

if TYPE_CHECKING:
    from copydesk.library.db import Library
    from copydesk.qt.pictures.library_window import PictureLibraryWindow

T = TypeVar("T")
# The list, the editor (as wide as its find bar), the preview and the credits pane.
PANE_MINIMUM_WIDTHS = (180, 370, 300, 270)
LIBRARY_LABEL_WIDTH = 320  # the library's path in the status bar, at most


class MainWindow(QMainWindow):
    first_painted = Signal()
    article_ready = Signal()  # once: the first article is loaded and its preview rendered
    library_opened = Signal()  # the library is ready for writing
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
        preferences: PreferencesStore | None = None,
    ) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: Library | None = None
        self._current: ArticleRecord | None = None
        self.state = state
        self.runner = runner
        # Rendering and checking are pure computation: their own thread, so that a long
        # document neither freezes typing nor makes saves wait behind it.
        self.compute = runner.sibling("copydesk-compute")
        self._painted = False
        self._ready = False
        self._shut_down = False
        self._loading_id: int | None = None
        self.preferences = preferences or PreferencesStore.ephemeral()
        self.versions = operations.KnownVersions()
        self.watcher = LibraryWatcher(runner, lambda: self.versions, self)
        self.session = LibrarySession(self, create=create_library, open_slug=open_slug)
        self._build_widgets()
        sources = SaveSources(
            self.session.for_writing, self.editor.content, lambda: self.versions, self._save_options
        )
        self.autosave = Autosaver(runner, sources, self)
        self.renderer = PreviewRenderer(
            self.editor, self.preview, self.compute, lambda: self.article_pictures.snapshot, self
        )
        self.articles = ArticleActions(self)
        self.pictures = WindowPictures(self)
        self.spelling = WindowSpelling(self)
        self.history_control = HistoryController(self)
        self.live_changes = LiveChanges(self)
        self.newsroom = NewsroomController(self)
        build_menus(self)
        self._connect()
        restore_layout(self)
        self.update_title()

    # ---- layout -------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.article_list = ArticleListPanel(self)
        self.editor = ArticleEditor(self)
        self.preview = PreviewPane(self)
        self.checks_panel = ChecksPanel(self)
        self.credits_pane = ArticleCreditsPane(self)
        self.article_pictures = ArticlePicturesController(
            self.credits_pane, self.editor, self.runner, self.compute, self.preferences, self
        )
        self.preview.set_media_resolver(self.article_pictures.serve_media)
        self.checks = ChecksController(
            self.checks_panel,
            self.editor,
            self.preferences,
            LatestOnly(self.compute),
            pictures=lambda: self.article_pictures.snapshot,
            article_uuid=lambda: self.current.uuid if self.current is not None else "",
        )
        # Left column: the list above the tools that follow the article being edited.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.checks_panel, self.tr("Checks"))
        self.side_tabs.addTab(self.editor.outline, self.tr("Outline"))
        self.editor.set_preferences(self.preferences.current())
        self.left_splitter = self._splitter(Qt.Orientation.Vertical, "leftSplitter")
        self.left_splitter.addWidget(self.article_list)
        self.left_splitter.addWidget(self.side_tabs)
        self.left_splitter.setStretchFactor(0, 1)
        self.splitter = self._splitter(Qt.Orientation.Horizontal, "mainSplitter")
        for widget in (self.left_splitter, self.editor, self.preview, self.credits_pane):
            self.splitter.addWidget(widget)
        for index, stretch in enumerate((0, 1, 1, 0)):
            self.splitter.setStretchFactor(index, stretch)
        # No bar or dock squeezes a pane below what it needs to be read and typed in.
        for widget, width in zip(self._panes(), PANE_MINIMUM_WIDTHS, strict=True):
            widget.setMinimumWidth(width)
        self.setCentralWidget(self.splitter)
        self.scroll_sync = ScrollSync(self.editor.body, self.preview)
        self.history = HistoryPanel(self)
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.history)
        self.history_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.save_label = QLabel(self)
        self.library_label = QLabel(self)
        self.statusBar().addWidget(self.save_label, 1)
        self.statusBar().addPermanentWidget(self.editor.stats_label)
        self.statusBar().addPermanentWidget(self.library_label)

    def _panes(self) -> tuple[QWidget, ...]:
        return (self.left_splitter, self.editor, self.preview, self.credits_pane)

    def _splitter(self, orientation: Qt.Orientation, name: str) -> QSplitter:
        splitter = QSplitter(orientation, self)
        splitter.setObjectName(name)
        splitter.setChildrenCollapsible(False)
        splitter.splitterMoved.connect(lambda *_: self._splitter_timer.start())
        return splitter

    def _connect(self) -> None:
        self._splitter_timer = QTimer(self)
        self._splitter_timer.setSingleShot(True)
        self._splitter_timer.setInterval(500)
        self._splitter_timer.timeout.connect(lambda: save_splitters(self))
        self.article_list.article_chosen.connect(self.open_article)
        self.editor.edited.connect(self._on_edited)
        self.article_pictures.snapshot_changed.connect(self._on_pictures_read)
        self.autosave.saving.connect(lambda: self.save_label.setText(self.tr("Saving…")))
        self.autosave.saved.connect(self._on_saved)
        self.autosave.failed.connect(self._on_save_failed)
        self.renderer.shown.connect(self.update_title)
        self.preview.rendered.connect(self._on_preview_rendered)
        self.preferences.changed.connect(self.editor.set_preferences)
        self.preview.reading_width_changed.connect(
            lambda width: self.state.set_text("preview/reading-width", width)
        )
        self.preview.sync_enabled_changed.connect(lambda on: toggle_sync(self, on))
        self.installEventFilter(self)

    # ---- start-up and the library ---------------------------------------------------------

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
        self.session.open(path)

    def import_when_open(self, paths: list[Path]) -> None:
        """Import ``paths`` (packages opened from the desktop) once the library is open."""
        self.library_opened.connect(
            lambda: self.imports.import_paths(paths), Qt.ConnectionType.SingleShotConnection
        )

    def choose_library(self) -> bool:
        return self.session.choose()

    @property
    def current(self) -> ArticleRecord | None:
        """The article the editor shows; the autosaver follows it."""
        return self._current

    @current.setter
    def current(self, record: ArticleRecord | None) -> None:
        self._current = record
        self.autosave.edit(record.id if record is not None else None)
        self.credits_pane.article_uuid = record.uuid if record is not None else ""

    def library_for_writing(self) -> Library | None:
        return self.session.for_writing()

    # ---- showing articles -----------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        if self.current is not None and self.current.id == article_id:
            return
        library = self.library_for_writing()
        if library is None:
            return
        self.autosave.flush()
        self._loading_id = article_id
        self.run_job(
            library, lambda: operations.load_article(library, article_id), self.show_article
        )

    def show_article(self, shown: operations.Shown) -> None:
        record = shown.record
        if self._loading_id is not None and record is not None and record.id != self._loading_id:
            return  # the user has since asked for another article
        self._loading_id = None
        self.renderer.next_article()
        self.autosave.flush()  # keystrokes typed while the article was loading
        if self.library is None:
            self.save_label.clear()  # shown early: the rest of the opening goes unnoticed
        # Text whose save failed is given back rather than the older text in the library.
        unsaved = self.autosave.failed_content(record.id) if record else None
        # The page first, before the list and the editor take theirs: Chromium draws it in
        # its own process meanwhile. (An article with pictures waits for them.)
        sent = unsaved is None and record is not None and not picture_ids(record.content)
        if sent and record is not None:
            title = record.content.headline.strip() or self.tr("Untitled")
            self.preview.show_html(shown.html, language=record.content.language, title=title)
        if shown.listing is not None:
            self.articles.show_listing(shown.listing, record.id if record else None)
        else:
            self.article_list.select(record.id if record else None)
        if record is not None:
            self.versions.note(record)
        self.current = record
        self.editor.load(dataclasses.replace(record, content=unsaved) if unsaved else record)
        self.autosave.start_fresh(dirty=unsaved is not None)
        self._show_preview(shown, unsaved is not None, sent=sent)
        self.state.set_last_article_id(self.library_path, record.id if record else None)
        self.setWindowModified(unsaved is not None)
        self.update_title()
        self.history_control.refresh()
        self.checks.check_now()

    def _show_preview(self, shown: operations.Shown, unsaved: bool, *, sent: bool) -> None:
        # An article with pictures is shown once they are read (a moment on the database
        # thread), rather than first with every picture missing: _on_pictures_read renders.
        record = shown.record
        content = self.editor.content() if record is not None else None
        if self.article_pictures.article_shown(content) and self.article_pictures.library:
            return
        if unsaved:
            self.renderer.render()
            return
        language = record.content.language if record else DEFAULT_LANGUAGE
        if not sent:
            self.preview.show_html(shown.html, language=language, title=self.article_title())
        if record is not None and shown.whole:
            self.renderer.prime()
        elif record is not None:
            # The rest of a long body once its first screen is on the page: rendered
            # meanwhile, it would hold the interpreter the page's answer waits for.
            self.preview.rendered.connect(
                self.renderer.render, Qt.ConnectionType.SingleShotConnection
            )

    def show_nothing(self) -> None:
        """Empty views while no library is open: nothing can be typed where it would be lost."""
        self.current = None
        self._loading_id = None
        self.editor.load(None)
        self.checks.check_now()
        self.article_list.reset_query()
        self.articles.show_listing(EMPTY_LIST, None)
        self.autosave.start_fresh()
        self.setWindowModified(False)
        self.update_title()
        if self.preview.started:
            self.preview.show_html("", language=DEFAULT_LANGUAGE, title="")

    def replace_current(self, shown: operations.Shown, *, focus: bool) -> None:
        self._loading_id = None
        self.show_article(shown)
        if focus:
            self.editor.headline.setFocus()

    def _on_preview_rendered(self) -> None:
        if not self._ready and self._loading_id is None:
            self._ready = True
            self.article_ready.emit()

    def _on_pictures_read(self) -> None:
        """The article's pictures were read (or read again): show them, check them."""
        if self.current is not None and not self._shut_down:
            self.renderer.render()
            self.checks.check_now()

    # ---- editing and saving ---------------------------------------------------------------

    def _on_edited(self) -> None:
        self.autosave.note_edit()
        self.checks.schedule()
        self.article_pictures.note_edit()
        self.setWindowModified(True)
        self.renderer.edited()

    def has_unsaved_changes(self) -> bool:
        return self.autosave.has_unsaved()

    def flush_autosave(self) -> None:
        """Send the editor's content to the database thread now, if anything changed."""
        self.autosave.flush()

    def save_now(self) -> None:
        """Ctrl+S: save, and keep the article as it is now in its history."""
        self.autosave.flush()
        library = self.library_for_writing()
        if self.current is None or library is None:
            return
        article_id, author = self.current.id, self.preferences.current().who()

        def recorded(_revision: object) -> None:
            if not self.autosave.has_unsaved():
                stamp = time.strftime("%H:%M:%S")
                self.save_label.setText(self.tr("Revision saved at %1").replace("%1", stamp))
            self.history_control.refresh()

        self.run_job(
            library, lambda: operations.record_revision(library, article_id, author), recorded
        )

    def _save_options(self) -> operations.SaveOptions:
        preferences = self.preferences.current()
        return operations.SaveOptions(
            author=preferences.who(),
            revision_interval=timedelta(minutes=preferences.revision_interval_minutes),
        )

    def _on_saved(self, record: ArticleRecord) -> None:
        if self.current is None or record.id != self.current.id:
            return
        self.current = record
        self.article_list.model.update_summary(summary_of(record))
        self.history_control.refresh()
        if not self.autosave.has_unsaved():
            self.setWindowModified(False)
            self.save_label.setText(self.tr("Saved at %1").replace("%1", time.strftime("%H:%M:%S")))
        self.article_pictures.article_saved(record)
        self.article_saved.emit(record)

    def _on_save_failed(self, message: str) -> None:
        self.setWindowModified(True)
        self.save_label.setText(self.tr("Not saved: %1 Retrying…").replace("%1", message))
        self.save_failed.emit(message)

    def delete_article(self, article_id: int) -> None:
        self.articles.delete_article(article_id)

    def edit_preferences(self) -> None:
        from copydesk.qt.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences.current(), self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.preferences.update(dialog.preferences())

    # ---- jobs on the database thread ------------------------------------------------------

    def run_job(
        self,
        library: Library,
        job: Callable[[], T],
        on_done: Callable[[T], Any],
        on_error: Callable[[Exception], Any] | None = None,
    ) -> None:
        """Run ``job`` on the database thread; drop its result if the library was closed."""

        def deliver(callback: Callable[[Any], Any]) -> Callable[[Any], None]:
            return lambda value: callback(value) if library is self.library else None

        self.runner.run(job, deliver(on_done), deliver(on_error or self.report_error))

    def report_error(self, error: Exception) -> None:
        message = describe(error)
        self.save_label.setText(message)
        QMessageBox.warning(self, self.tr("Copydesk"), message)

    # ---- pictures ------------------------------------------------------------------------

    def open_picture_library(self, picture_id: int | None = None) -> None:
        self.pictures.open_library_window(picture_id)

    @property
    def picture_library(self) -> PictureLibraryWindow | None:
        return self.pictures.library_window

    # ---- title, shutdown ------------------------------------------------------------------

    def article_title(self) -> str:
        if self.current is None:
            return ""
        return self.editor.headline.text().strip() or self.tr("Untitled")

    def update_title(self) -> None:
        name = self.article_title()
        app_name = self.tr("Copydesk")
        self.setWindowTitle(f"{name}[*] — {app_name}" if name else f"{app_name}[*]")
        # Cut in the middle (the file name stays): a long path never widens the window.
        path = str(self.library_path)
        metrics = self.library_label.fontMetrics()
        shown = metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, LIBRARY_LABEL_WIDTH)
        self.library_label.setText(shown)
        self.library_label.setToolTip(path)
        self.exports.refresh()  # the article or library shown changed
        self.imports.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.confirm_unsaved():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Save what is pending, stop the database thread, close the library. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self.autosave.flush()
        self.state.set_bytes("window/geometry", self.saveGeometry())
        save_splitters(self)
        self.checks.stop()
        self.exports.shutdown()  # a batch under way stops; its packages under way finish
        self.imports.shutdown()  # an import under way stops after its file under way
        self.renderer.close()
        self.compute.shutdown(finish_queued=False)
        self.spelling.shutdown()
        self.runner.shutdown()
        self.session.close()
