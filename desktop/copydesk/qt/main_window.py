"""The main window: article list, editor and preview in one splitter.

Start-up order matters for speed: the window is built from plain widgets and painted first.
Only then does the preview start QtWebEngine while, on the database thread, the library's
list and article are read with the standard sqlite3 module and shown, and SQLAlchemy is
imported to open the library for writing.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from copydesk.articles import operations
from copydesk.articles.diffing import FieldDiff, diff_articles
from copydesk.errors import ConflictError, NotFoundError
from copydesk.qt.article_list import ArticleListPanel
from copydesk.qt.autosave import Autosaver, SaveTarget, describe
from copydesk.qt.checks_controller import ChecksController
from copydesk.qt.checks_panel import ChecksPanel
from copydesk.qt.credits.article_credits import ArticleCreditsPane
from copydesk.qt.credits.article_pictures_controller import ArticlePicturesController
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.export.controller import ExportController
from copydesk.qt.history.history_panel import HistoryPanel
from copydesk.qt.importing.controller import ImportController
from copydesk.qt.library_watcher import LibraryWatcher
from copydesk.qt.preferences_store import PreferencesStore
from copydesk.qt.preview.preview_pane import PreviewPane
from copydesk.qt.scroll_sync import ScrollSync
from copydesk.qt.tasks import LatestOnly, TaskRunner
from copydesk.qt.window_state import WindowState
from copydesk.records.article import (
    DEFAULT_LANGUAGE,
    ArticleContent,
    ArticleList,
    ArticleQuery,
    ArticleRecord,
    ArticleSummary,
)
from copydesk.resources import resource_path

if TYPE_CHECKING:
    from copydesk.articles.pictures import ArticlePictures
    from copydesk.library.db import Library
    from copydesk.library.outside_changes import OutsideChanges
    from copydesk.pictures.operations import PictureListing
    from copydesk.preferences import Preferences
    from copydesk.records.article import RevisionSummary
    from copydesk.records.problem import Problem
    from copydesk.rendering.preview_document import PreviewDocument, PreviewUpdate

T = TypeVar("T")

HISTORY_WIDTH = 400  # room for a readable diff
STATUS_MS = 10_000


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
        self._opening: Future[operations.OpenedLibrary] | None = None
        self.current: ArticleRecord | None = None
        self._state = state
        self._runner = runner
        # Rendering and checking are pure computation: their own thread, so that a long
        # document neither freezes typing nor makes saves wait behind it.
        self._compute = runner.sibling("copydesk-compute")
        self._renders = LatestOnly(self._compute)
        self._shown_count = 0  # a render of an article no longer shown is dropped
        self._create_library = create_library
        self._open_slug = open_slug
        self._painted = False
        self._ready = False
        self._shut_down = False
        self._loading_id: int | None = None
        self._open_count = 0  # results of an earlier open are ignored once another started
        self._listing_count = 0  # likewise for the list: only the latest search is shown
        self._document = _DocumentSlot()  # touched only by jobs on the compute thread
        self.preferences = preferences or PreferencesStore.ephemeral()
        self.versions = operations.KnownVersions()
        self._resolving: set[int] = set()  # articles whose conflict dialog is open
        self.autosave = Autosaver(runner, self._save_target, self)
        self.watcher = LibraryWatcher(runner, lambda: self.versions, self)

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
        self.checks_panel = ChecksPanel(self)
        self.credits_pane = ArticleCreditsPane(self)
        self.article_pictures = ArticlePicturesController(
            self.credits_pane, self.editor, self._runner, self._compute, self.preferences, self
        )
        self.preview.set_media_resolver(self.article_pictures.serve_media)
        self.checks = ChecksController(
            self.checks_panel,
            self.editor,
            self.preferences,
            LatestOnly(self._compute),
            pictures=lambda: self.article_pictures.snapshot,
        )
        # Left column: the list above the tools that follow the article being edited.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.checks_panel, self.tr("Checks"))
        self.side_tabs.addTab(self.editor.outline, self.tr("Outline"))
        self.editor.set_preferences(self.preferences.current())
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.addWidget(self.article_list)
        self.left_splitter.addWidget(self.side_tabs)
        self.left_splitter.setStretchFactor(0, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.left_splitter, self.editor, self.preview, self.credits_pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setStretchFactor(3, 0)
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

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._action(menu, self.tr("&New Article"), QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_article)
        self.save_action = self._action(
            menu, self.tr("&Save a Revision"), QKeySequence.StandardKey.Save
        )
        self.save_action.setStatusTip(
            self.tr("Save now and keep this version in the article's history")
        )
        self.save_action.triggered.connect(self.save_now)
        menu.addSeparator()
        self.imports = ImportController(self, self, self._runner, self._state)
        menu.addAction(self.imports.import_action)
        menu.addAction(self.imports.folder_action)
        menu.aboutToShow.connect(self.imports.refresh)
        self.exports = ExportController(self, self, self._runner, self._state)
        menu.addAction(self.exports.export_action)
        menu.addAction(self.exports.batch_action)
        menu.aboutToShow.connect(self.exports.refresh)
        menu.addSeparator()
        self.open_library_action = self._action(menu, self.tr("Open &Library…"))
        self.open_library_action.triggered.connect(self.choose_library)
        menu.addSeparator()
        self.quit_action = self._action(menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu = edit
        self.preferences_action = self._action(
            edit, self.tr("&Preferences…"), QKeySequence.StandardKey.Preferences
        )
        if self.preferences_action.shortcut().isEmpty():  # no platform standard on Linux
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.triggered.connect(self.edit_preferences)

        edit.addSeparator()
        for action in self.editor.find_actions():
            edit.addAction(action)
        text_format = self.menuBar().addMenu(self.tr("F&ormat"))
        for action in self.editor.body.format_actions():
            text_format.addAction(action)
        text_format.addSeparator()
        self.insert_picture_action = self._action(
            text_format, self.tr("Insert &Picture…"), QKeySequence("Ctrl+Shift+P")
        )
        self.insert_picture_action.triggered.connect(self.choose_picture_to_insert)
        self.lead_picture_action = self._action(text_format, self.tr("&Lead Picture…"))
        self.lead_picture_action.triggered.connect(self.choose_lead_picture)

        view = self.menuBar().addMenu(self.tr("&View"))
        self.history_action = self.history_dock.toggleViewAction()
        self.history_action.setText(self.tr("&History"))
        self.history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        view.addAction(self.history_action)
        self.pictures_action = self._action(
            view, self.tr("&Picture Library"), QKeySequence("Ctrl+Shift+L")
        )
        self.pictures_action.triggered.connect(self.open_picture_library)
        self.credits_action = self._action(
            view, self.tr("Pictures and &Credits"), QKeySequence("Ctrl+Shift+K")
        )
        self.credits_action.setCheckable(True)
        self.credits_action.setChecked(True)
        self.credits_action.toggled.connect(self._show_credits_pane)

    def _action(
        self, menu: Any, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        menu.addAction(action)
        return action

    def _build_timers(self) -> None:
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self._render_if_edited_again)
        self._edited_again = False
        self._splitter_timer = QTimer(self)
        self._splitter_timer.setSingleShot(True)
        self._splitter_timer.setInterval(500)
        self._splitter_timer.timeout.connect(self._save_splitter)

    def _connect(self) -> None:
        self.article_list.article_chosen.connect(self.open_article)
        self.article_list.new_requested.connect(self.new_article)
        self.article_list.duplicate_requested.connect(self.duplicate_article)
        self.article_list.delete_requested.connect(self.confirm_delete_article)
        self.article_list.query_changed.connect(self.search_articles)
        self.article_list.model.summaries_needed.connect(self._fetch_summaries)
        self.editor.edited.connect(self._on_edited)
        self.article_pictures.snapshot_changed.connect(self._on_pictures_read)
        self.article_pictures.edit_credit_requested.connect(self.open_picture_library)
        self.credits_pane.lead_requested.connect(self.choose_lead_picture)
        self.credits_pane.insert_requested.connect(self.choose_picture_to_insert)
        self.checks_panel.jump_requested.connect(self._jump_to_picture_problem)
        self.autosave.saving.connect(lambda: self.save_label.setText(self.tr("Saving…")))
        self.autosave.saved.connect(self._on_saved)
        self.autosave.failed.connect(self._on_save_failed)
        self.autosave.conflicted.connect(self._on_conflict)
        self.watcher.changed.connect(self._on_outside_changes)
        self.preview.rendered.connect(self._on_preview_rendered)
        self.history.revision_selected.connect(self._show_revision_diff)
        self.history.restore_requested.connect(self.restore_revision)
        self.history_dock.visibilityChanged.connect(self._on_history_visibility)
        self.preferences.changed.connect(self.editor.set_preferences)
        self.preview.reading_width_changed.connect(
            lambda width: self._state.set_text("preview/reading-width", width)
        )
        self.preview.sync_enabled_changed.connect(self._on_sync_toggled)
        self.splitter.splitterMoved.connect(lambda *_: self._splitter_timer.start())
        self.left_splitter.splitterMoved.connect(lambda *_: self._splitter_timer.start())
        self.installEventFilter(self)

    def _restore_state(self) -> None:
        geometry = self._state.bytes_value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        splitter = self._state.bytes_value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([280, 520, 480, 300])
        credits_shown = self._state.text_value("window/credits-pane", "on") == "on"
        self.credits_action.setChecked(credits_shown)
        self.credits_pane.setVisible(credits_shown)
        self.preview.set_reading_width(self._state.text_value("preview/reading-width", "desktop"))
        sync = self._state.text_value("preview/sync", "on") == "on"
        self.preview.set_sync_enabled(sync)
        self.scroll_sync.set_enabled(sync)
        left = self._state.bytes_value("window/left-splitter")
        if left is None or not self.left_splitter.restoreState(left):
            self.left_splitter.setSizes([420, 380])

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
        self.autosave.discard_all()
        self._close_library()
        self._show_nothing()
        self.versions = operations.KnownVersions()
        self.library_path = path
        self._update_title()
        self.save_label.setText(self.tr("Opening the library…"))
        self._open_count += 1
        count, runner = self._open_count, self._runner
        preferred = self._state.last_article_id(path)
        create, slug = self._create_library, self._open_slug

        def still_wanted(callback: Callable[[T], None]) -> Callable[[T], None]:
            return lambda value: callback(value) if count == self._open_count else None

        self._opening = runner.run(
            lambda: operations.open_library(
                path,
                create=create,
                slug=slug,
                preferred_id=preferred,
                show_early=lambda shown: runner.post(still_wanted(self._show), shown),
            ),
            still_wanted(self._on_library_opened),
            still_wanted(self._on_library_failed),
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
        self.article_pictures.set_library(opened.library)
        if opened.shown is None:  # the article was shown early: its pictures can be read now
            self.article_pictures.refresh()
        self.save_label.clear()
        self._update_title()
        if opened.shown is not None:
            self._show(opened.shown)
        else:
            self.autosave.resume()  # edits made while the library was opening
        self.watcher.watch(opened.library)
        self.library_opened.emit()

    def _on_library_failed(self, error: Exception) -> None:
        self._opening = None
        self._show_nothing()
        self.save_label.setText(self.tr("No library open"))
        self.library_failed.emit(describe(error))

    def choose_library(self) -> bool:
        """Ask for a library file (an existing one, or a new name); False if cancelled."""
        path = file_dialogs.save_file_name(
            self,
            self.tr("Open or Create a Library"),
            str(self.library_path.parent),
            self.tr("Copydesk libraries (*.copydesk);;All files (*)"),
            confirm_overwrite=False,
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
        self.autosave.flush()
        self._loading_id = article_id
        self._run(library, lambda: operations.load_article(library, article_id), self._show)

    def _show(self, shown: operations.Shown) -> None:
        record = shown.record
        if self._loading_id is not None and record is not None and record.id != self._loading_id:
            return  # the user has since asked for another article
        self._loading_id = None
        self._shown_count += 1
        self.autosave.flush()  # keystrokes typed while the article was loading
        if self.library is None:
            self.save_label.clear()  # shown early: the rest of the opening goes unnoticed
        if shown.listing is not None:
            self._show_listing(shown.listing, record.id if record else None)
        else:
            self.article_list.select(record.id if record else None)
        # Text whose save failed is given back rather than the older text in the library.
        unsaved = self.autosave.failed_content(record.id) if record else None
        if record is not None:
            self.versions.note(record)
        self.current = record
        self.editor.load(dataclasses.replace(record, content=unsaved) if unsaved else record)
        self.autosave.start_fresh(dirty=unsaved is not None)
        self._state.set_last_article_id(self.library_path, record.id if record else None)
        self.setWindowModified(unsaved is not None)
        self._update_title()
        self._refresh_history()
        self.checks.check_now()
        # An article with pictures is shown once they are read (a moment on the database
        # thread), rather than first with every picture missing.
        waits_for_pictures = (
            self.article_pictures.article_shown(
                self.editor.content() if record is not None else None
            )
            and self.article_pictures.library is not None
        )
        if waits_for_pictures:
            pass  # _on_pictures_read renders it
        elif unsaved is not None:
            self._render_preview()
        else:
            language = record.content.language if record else DEFAULT_LANGUAGE
            self.preview.show_html(shown.html, language=language, title=self._article_title())
            if record is not None:
                self._prime_preview()

    def _show_nothing(self) -> None:
        """Empty views while no library is open: nothing can be typed where it would be lost."""
        self.current = None
        self._loading_id = None
        self.editor.load(None)
        self.checks.check_now()
        self.article_list.reset_query()
        self._show_listing(ArticleList([], []), None)
        self.autosave.start_fresh()
        self.setWindowModified(False)
        self._update_title()
        if self.preview.started:
            self.preview.show_html("", language=DEFAULT_LANGUAGE, title="")

    def _on_preview_rendered(self) -> None:
        if not self._ready and self._loading_id is None:
            self._ready = True
            self.article_ready.emit()

    # ---- editing and autosave ---------------------------------------------------------

    def _on_edited(self) -> None:
        self.autosave.note_edit()
        self.checks.schedule()
        self.article_pictures.note_edit()
        self.setWindowModified(True)
        # The first edit is rendered at once, before the window repaints; edits that follow
        # in the same turn of the event loop (a replace-all, a paste) are rendered once after.
        if self._preview_timer.isActive():
            self._edited_again = True
        else:
            self._preview_timer.start(0)
            self._render_preview()

    def _render_if_edited_again(self) -> None:
        if self._edited_again:
            self._edited_again = False
            self._render_preview()

    def _render_preview(self) -> None:
        """Bring the preview up to the editor: the changed body blocks are rendered and
        patched into the page. A patch that took a few milliseconds last time is made at
        once, here; anything slower runs on the compute thread, latest text only."""
        if not self._renders.busy and self._document.quick:
            self._show_rendered(self._render_job()())
        else:
            self._renders.request(self._render_job, self._show_rendered)

    def _render_job(self) -> Callable[[], PreviewUpdate]:
        content, generation, document = self.editor.content(), self._shown_count, self._document
        pictures = self.article_pictures.snapshot
        return lambda: document.update(content, generation, pictures)

    def _prime_preview(self) -> None:
        """The page shows a freshly opened article: let the document hold the same blocks,
        so that the first keystroke is already a patch."""
        content, generation, document = self.editor.content(), self._shown_count, self._document
        pictures = self.article_pictures.snapshot
        self._renders.request(
            lambda: lambda: document.full(content, generation, pictures), lambda _: None
        )

    def _on_pictures_read(self) -> None:
        """The article's pictures were read (or read again): show them, check them."""
        if self.current is not None and not self._shut_down:
            self._render_preview()
            self.checks.check_now()

    def _show_rendered(self, update: PreviewUpdate) -> None:
        if self._shut_down or update.generation != self._shown_count:
            return  # another article is in the editor now
        if update.html is not None:
            self.preview.show_html(update.html, language=update.language, title=update.title)
        elif update.patch is not None and not update.patch.empty:
            self.preview.patch_body(update.patch, self._on_patch_applied)
        self._update_title()

    def _on_patch_applied(self, applied: bool) -> None:
        if not applied and not self._shut_down:
            # The page did not hold what the patch expected: show the whole article again.
            self._shown_count += 1
            self._render_preview()

    def has_unsaved_changes(self) -> bool:
        return self.autosave.has_unsaved()

    def flush_autosave(self) -> None:
        """Send the editor's content to the database thread now, if anything changed."""
        self.autosave.flush()

    def save_now(self) -> None:
        """Ctrl+S: save, and keep the article as it is now in its history."""
        self.autosave.flush()
        library = self._library_for_writing()
        if self.current is None or library is None:
            return
        article_id, author = self.current.id, self.preferences.current().who()

        def recorded(_revision: object) -> None:
            if not self.autosave.has_unsaved():
                stamp = time.strftime("%H:%M:%S")
                self.save_label.setText(self.tr("Revision saved at %1").replace("%1", stamp))
            self._refresh_history()

        self._run(
            library, lambda: operations.record_revision(library, article_id, author), recorded
        )

    def _save_target(self) -> SaveTarget | None:
        if self.current is None:
            return None
        library = self._library_for_writing()
        if library is None:
            return None
        preferences = self.preferences.current()
        options = operations.SaveOptions(
            author=preferences.who(),
            revision_interval=timedelta(minutes=preferences.revision_interval_minutes),
        )
        return SaveTarget(library, self.current.id, self.editor.content(), self.versions, options)

    def _on_saved(self, record: ArticleRecord) -> None:
        if self.current is None or record.id != self.current.id:
            return
        self.current = record
        self.article_list.model.update_summary(_summary_of(record))
        self._refresh_history()
        if not self.autosave.has_unsaved():
            self.setWindowModified(False)
            self.save_label.setText(self.tr("Saved at %1").replace("%1", time.strftime("%H:%M:%S")))
        self.article_saved.emit(record)

    def _on_save_failed(self, message: str) -> None:
        self.setWindowModified(True)
        self.save_label.setText(self.tr("Not saved: %1 Retrying…").replace("%1", message))
        self.save_failed.emit(message)

    def _confirm_unsaved(self) -> bool:
        """Before the library closes: retry failed saves as long as the user wants.
        True means go on (everything saved, or the user chose to discard)."""
        while failed := self.autosave.wait_for_failures():
            reason = describe(failed[-1].failure() or Exception())
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
                self.autosave.discard_all()
                return True
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            self.autosave.retry_failed()
        return True

    # ---- list actions ---------------------------------------------------------------------

    def new_article(self) -> None:
        library = self._library_for_writing()
        if library is None:
            return
        self.autosave.flush()
        previous = self.current.content if self.current else None
        content = ArticleContent(
            language=previous.language if previous else DEFAULT_LANGUAGE,
            edition=previous.edition if previous else "",
            dateline_date=date.today(),
        )
        self.article_list.reset_query()  # so that the new article is in the list
        self._run_and_show(library, lambda: operations.create_article(library, content), True)

    def duplicate_article(self, article_id: int) -> None:
        library = self._library_for_writing()
        if library is None:
            return
        self.autosave.flush()
        self.article_list.reset_query()
        self._run_and_show(library, lambda: operations.duplicate_article(library, article_id), True)

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
        """Delete an article. Its unsaved edits are dropped only once the delete succeeded."""
        library = self._library_for_writing()
        if library is None:
            return
        deleting_current = self.current is not None and self.current.id == article_id
        if deleting_current:
            self.autosave.hold()
            self.editor.setEnabled(False)
        else:
            self.autosave.flush()

        def deleted(shown: operations.Shown) -> None:
            self.autosave.discard(article_id)
            self.versions.forget(article_id)
            if deleting_current:
                self.autosave.start_fresh()
            self._replace_current(shown, focus=False)

        def failed(error: Exception) -> None:
            if deleting_current:
                self.editor.setEnabled(True)
                self.autosave.resume()
            self._report_error(error)

        query = self.article_list.query()
        self._run(
            library, lambda: operations.delete_article(library, article_id, query), deleted, failed
        )

    # ---- the article list: search and pages ---------------------------------------------

    def search_articles(self, query: ArticleQuery) -> None:
        """List the articles ``query`` finds. Typing queues a search per keystroke: a search
        that a newer one has overtaken is skipped, and its result (if it ran) dropped."""
        self._listing_count += 1
        count = self._listing_count

        def search(library: Library) -> ArticleList | None:
            if count != self._listing_count:
                return None  # read across threads: at worst the search runs for nothing
            return operations.search_articles(library, query)

        def show(listing: ArticleList | None) -> None:
            if listing is not None and count == self._listing_count:
                self._show_listing(listing, self.current.id if self.current else None)

        self._run_for_list(search, show)

    def _show_listing(self, listing: ArticleList, selected_id: int | None) -> None:
        self._listing_count += 1  # a search still on its way is older than this list
        self.article_list.set_ids(listing.ids, listing.first_page, selected_id)

    def _fetch_summaries(self, generation: int, ids: list[int]) -> None:
        """Rows the list is about to show: fetched on the database thread."""
        model = self.article_list.model
        self._run_for_list(
            lambda library: operations.article_summaries(library, ids),
            lambda summaries: model.receive_summaries(generation, summaries or []),
        )

    def _run_for_list(
        self, job: Callable[[Library], T | None], on_done: Callable[[T | None], Any]
    ) -> None:
        """Run a read for the list on the database thread, even while the library is still
        being opened: the job then queues behind the opening, and the GUI never waits.
        Results reaching a window that has since opened another library are dropped."""
        library, opening, count = self.library, self._opening, self._open_count
        if library is None and opening is None:
            return

        def work() -> T | None:
            target = library or _opened(opening)
            return job(target) if target is not None else None

        def deliver(value: T | None) -> None:
            if count == self._open_count:
                on_done(value)

        def failed(error: Exception) -> None:
            if count == self._open_count:
                self.statusBar().showMessage(describe(error), 10_000)

        self._runner.run(work, deliver, failed)

    def _run_and_show(
        self, library: Library, job: Callable[[], operations.Shown], focus: bool
    ) -> None:
        self._run(library, job, lambda shown: self._replace_current(shown, focus=focus))

    def _replace_current(self, shown: operations.Shown, *, focus: bool) -> None:
        self._loading_id = None
        self._show(shown)
        if focus:
            self.editor.headline.setFocus()

    def _run(
        self,
        library: Library,
        job: Callable[[], T],
        on_done: Callable[[T], Any],
        on_error: Callable[[Exception], Any] | None = None,
    ) -> None:
        """Run ``job`` on the database thread; drop its result if the library was closed."""

        def deliver(callback: Callable[[Any], Any]) -> Callable[[Any], None]:
            return lambda value: callback(value) if library is self.library else None

        self._runner.run(job, deliver(on_done), deliver(on_error or self._report_error))

    def _report_error(self, error: Exception) -> None:
        message = describe(error)
        self.save_label.setText(message)
        QMessageBox.warning(self, self.tr("Copydesk"), message)

    def _on_sync_toggled(self, enabled: bool) -> None:
        if enabled != self.scroll_sync.enabled:
            self.scroll_sync.set_enabled(enabled)
        self._state.set_text("preview/sync", "on" if enabled else "off")

    def edit_preferences(self) -> None:
        from copydesk.qt.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences.current(), self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.preferences.update(dialog.preferences())

    # ---- export (what ExportController asks of the window) --------------------------------

    def library_for_export(self) -> Library | None:
        return self.library

    def save_pending(self) -> None:
        self.autosave.flush()
        self.autosave.retry_failed()

    def failed_save(self, article_id: int) -> bool:
        return self.autosave.failed_content(article_id) is not None

    def listed_article_ids(self) -> list[int]:
        return self.article_list.model.ids()

    def export_preferences(self) -> Preferences:
        return self.preferences.current()  # the same limits as the Checks panel

    def show_checks(self) -> None:
        self.side_tabs.setCurrentWidget(self.checks_panel)
        self.checks.check_now()
        self.checks_panel.view.setFocus()

    # ---- import (what ImportController asks of the window) --------------------------------

    def library_for_import(self) -> Library | None:
        return self.library  # None while the library is still opening: the actions wait

    def show_imported(self, shown: operations.Shown) -> None:
        """The first article imported, with the list of every article."""
        self.article_list.reset_query()  # so that the articles imported are in the list
        self._replace_current(shown, focus=False)

    def pictures_imported(self) -> None:
        """An import added pictures: the picture library (if open) lists them."""
        window = getattr(self, "picture_library", None)
        if window is not None and window.service.library is self.library:
            window.service.load()
        self.article_pictures.reload(set())

    # ---- what other programs write -----------------------------------------------------------

    def _on_outside_changes(self, changes: OutsideChanges) -> None:
        """Another program (the command line, another window) wrote to the library: the
        list, the open article, its history and the pictures follow."""
        everything = not changes.complete
        if everything or changes.articles:
            self._refresh_listing(None if everything else set(changes.articles))
        current = self.current
        if current is not None and (everything or current.id in changes.articles):
            self._follow_current(current.id)
        elif current is not None and current.id in changes.histories:
            self._refresh_history()
        if everything or changes.pictures:
            self.article_pictures.reload(None if everything else set(changes.pictures))
            window = getattr(self, "picture_library", None)
            if window is not None and window.service.library is self.library:
                if everything:
                    window.service.load()
                else:
                    window.follow_outside_changes(set(changes.pictures))

    def _refresh_listing(self, stale: set[int] | None) -> None:
        query = self.article_list.query()
        self._listing_count += 1
        count = self._listing_count

        def show(listing: ArticleList | None) -> None:
            if listing is not None and count == self._listing_count:
                self.article_list.refresh_ids(listing.ids, listing.first_page, stale)

        self._run_for_list(lambda library: operations.search_articles(library, query), show)

    def _follow_current(self, article_id: int) -> None:
        """The open article changed elsewhere. Without edits of its own the editor follows;
        with edits, they are saved now and meet the other version (the conflict dialog)."""
        library = self.library
        if library is None or article_id in self._resolving:
            return
        if self.autosave.has_unsaved():
            self.autosave.flush()
            return

        def gone(error: Exception) -> None:
            if not isinstance(error, NotFoundError):
                self._report_error(error)
            elif self.current is not None and self.current.id == article_id:
                self._deleted_elsewhere(article_id)

        self._run(library, lambda: operations.load_article(library, article_id), self._follow, gone)

    def _follow(self, shown: operations.Shown) -> None:
        record = shown.record
        if record is None or self.current is None or self.current.id != record.id:
            return  # another article is open now
        if self.autosave.has_unsaved():
            self.autosave.flush()  # typed meanwhile: the save meets the other version
            return
        self.versions.note(record)
        self.current = record
        self.editor.follow(record)
        self.autosave.start_fresh()
        self.article_list.model.update_summary(_summary_of(record))
        self._update_title()
        self._refresh_history()
        self.checks.check_now()
        self.article_pictures.refresh()
        self._render_preview()
        self.statusBar().showMessage(
            self.tr("“%1” was changed outside this window.").replace("%1", self._article_title()),
            STATUS_MS,
        )

    def _deleted_elsewhere(self, article_id: int) -> None:
        title = self._article_title()
        self.versions.forget(article_id)
        self.current = None
        remaining = [other for other in self.article_list.model.ids() if other != article_id]
        if remaining:
            self.open_article(remaining[0])
        else:
            self._show(operations.Shown(None, ""))
        self.statusBar().showMessage(
            self.tr("“%1” was deleted outside this window.").replace("%1", title), STATUS_MS
        )

    # ---- history and conflicts --------------------------------------------------------------

    def open_picture_library(self, picture_id: int | None = None) -> None:
        """The picture library of this window's library, as its own window; with
        ``picture_id``, that picture selected."""
        library = self._library_for_writing()
        if library is None:
            return
        window = getattr(self, "picture_library", None)
        if window is None or window.service.library is not library:
            from copydesk.pictures.operations import Judgement
            from copydesk.qt.credits.library_window import PictureLibraryWindow

            judgement = Judgement.from_preferences(self.preferences.current(), "fr")
            window = PictureLibraryWindow(library, self._runner, self._compute, judgement, self)
            window.setWindowFlag(Qt.WindowType.Window)
            window.resize(1300, 800)
            # Credits edited or pictures imported there show here at once.
            window.service.listing_changed.connect(
                lambda listing: self.article_pictures.reload({listing.record.id})
            )
            window.importer.finished.connect(lambda _report: self.article_pictures.reload(set()))
            self.picture_library = window
        window.show()
        window.raise_()
        window.activateWindow()
        if isinstance(picture_id, int) and not isinstance(picture_id, bool):
            window.select_picture(picture_id)

    # ---- pictures of the article ----------------------------------------------------------

    def choose_lead_picture(self) -> None:
        current = self.editor.lead_picture()
        listing = self._choose_picture(
            self.tr("Lead Picture"), current.picture_id if current is not None else None
        )
        if listing is not None:
            self.article_pictures.set_lead(listing)

    def choose_picture_to_insert(self) -> None:
        listing = self._choose_picture(self.tr("Insert Picture"))
        if listing is not None:
            self.article_pictures.insert_in_body(listing)
            self.editor.body.setFocus()

    def _choose_picture(self, title: str, selected: int | None = None) -> PictureListing | None:
        if self.current is None or self._library_for_writing() is None:
            return None
        from copydesk.qt.credits.picture_chooser import PictureChooser

        language = self.editor.content().language
        service = self.article_pictures.picture_service(language)
        if service is None:
            return None
        chooser = PictureChooser(service, title, self)
        if selected is not None:
            service.listings_loaded.connect(lambda _listings: chooser.select_picture(selected))
        try:
            if chooser.exec() != PictureChooser.DialogCode.Accepted:
                return None
            return chooser.chosen()
        finally:
            chooser.deleteLater()
            service.deleteLater()

    def _show_credits_pane(self, shown: bool) -> None:
        self.credits_pane.setVisible(shown)
        self._state.set_text("window/credits-pane", "on" if shown else "off")

    def _jump_to_picture_problem(self, problem: Problem) -> None:
        """A problem of the lead picture: show it in the credits pane, in the field at fault."""
        from copydesk.articles.pictures import LEAD_FIELD

        if problem.field != LEAD_FIELD:
            return
        self.credits_action.setChecked(True)
        self.credits_pane.list.setCurrentRow(0)
        field = problem.params.get("picture_field")
        target = {"alt_text": self.credits_pane.alt_text, "caption": self.credits_pane.caption}
        widget = target.get(str(field))
        if widget is not None:
            widget.setFocus()
        elif problem.code != "picture.missing":
            self.open_picture_library(int(problem.params["picture"]))

    def _on_history_visibility(self, visible: bool) -> None:
        if visible:
            if self.history_dock.width() < HISTORY_WIDTH:
                self.resizeDocks([self.history_dock], [HISTORY_WIDTH], Qt.Orientation.Horizontal)
            self._refresh_history()

    def _refresh_history(self) -> None:
        """List the current article's revisions, if the history is shown."""
        library = self.library
        if library is None or self.current is None:
            self.history.set_revisions([])
            return
        if not self.history_dock.isVisible():
            return
        article_id = self.current.id

        def listed(revisions: list[RevisionSummary]) -> None:
            if self.current is not None and self.current.id == article_id:
                self.history.set_revisions(revisions)
                selected = self.history.selected_revision_id()
                if selected is not None:
                    self._show_revision_diff(selected)

        self._run(library, lambda: operations.list_revisions(library, article_id), listed)

    def _show_revision_diff(self, revision_id: int) -> None:
        library = self.library
        if library is None or self.current is None:
            return
        now = self.editor.content()

        def compare() -> list[FieldDiff]:
            revision = operations.get_revision(library, revision_id)
            return diff_articles(revision.content, now)

        self._run(library, compare, lambda diffs: self.history.show_diff(revision_id, diffs))

    def restore_revision(self, revision_id: int) -> None:
        """Bring a revision back; the text it replaces is kept in the history first."""
        library = self._library_for_writing()
        if library is None or self.current is None:
            return
        self.autosave.flush()
        article_id, author = self.current.id, self.preferences.current().who()
        self.editor.setEnabled(False)  # typing now would be replaced by the restored text

        def restored(shown: operations.Shown) -> None:
            self._replace_current(shown, focus=False)
            if shown.record is not None:
                self.article_list.model.update_summary(_summary_of(shown.record))
            self.save_label.setText(self.tr("Revision restored"))

        def failed(error: Exception) -> None:
            self.editor.setEnabled(self.current is not None)
            self._report_error(error)

        self._run(
            library,
            lambda: operations.restore_revision(
                library, article_id, revision_id, author, self.versions
            ),
            restored,
            failed,
        )

    def _on_conflict(self, error: ConflictError) -> None:
        """Another window saved this article first. Both versions are kept: the user picks
        the one to continue with, the other goes into the article's history."""
        theirs: ArticleRecord = error.theirs  # type: ignore[assignment]
        article_id = theirs.id
        library = self.library
        if library is None or article_id in self._resolving:
            return
        self._resolving.add(article_id)
        try:
            keep_mine = self._ask_which_version(theirs)
        finally:
            self._resolving.discard(article_id)
        is_current = self.current is not None and self.current.id == article_id
        mine: ArticleContent = self.editor.content() if is_current else error.mine  # type: ignore[assignment]
        author = self.preferences.current().who()
        if is_current:
            self.editor.setEnabled(False)

        def resolved(shown: operations.Shown) -> None:
            self.autosave.discard(article_id)
            if not is_current or self.current is None or self.current.id != article_id:
                return
            if keep_mine:
                self.editor.setEnabled(True)
                self.current = shown.record
                self.autosave.note_edit()  # saves again only if the text moved on meanwhile
            else:
                self._replace_current(shown, focus=False)
            self._refresh_history()
            self.save_label.setText(self.tr("Both versions kept: see the History"))

        def failed(failure: Exception) -> None:
            self.editor.setEnabled(self.current is not None)
            self._report_error(failure)

        self._run(
            library,
            lambda: operations.resolve_conflict(
                library,
                article_id,
                mine,
                keep_mine=keep_mine,
                author=author,
                versions=self.versions,
            ),
            resolved,
            failed,
        )

    def _ask_which_version(self, theirs: ArticleRecord) -> bool:
        """True to continue with this window's version."""
        when = theirs.updated_at.astimezone().strftime("%H:%M:%S")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Article Changed in Another Window"))
        box.setText(
            self.tr("“%1” was saved in another Copydesk window at %2, after you opened it.")
            .replace("%1", theirs.content.headline or self.tr("Untitled"))
            .replace("%2", when)
        )
        box.setInformativeText(
            self.tr(
                "Nothing has been overwritten. Choose the version to continue with; the other "
                "one is kept in the article's history, where you can compare and restore it."
            )
        )
        mine_button = box.addButton(
            self.tr("Continue with Mine"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Continue with Theirs"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(mine_button)
        box.setEscapeButton(mine_button)
        box.exec()
        return box.clickedButton() is mine_button

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
        self.exports.refresh()  # the article or library shown changed
        self.imports.refresh()

    def _save_splitter(self) -> None:
        self._state.set_bytes("window/splitter", self.splitter.saveState())
        self._state.set_bytes("window/left-splitter", self.left_splitter.saveState())
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
        self.autosave.flush()
        self._state.set_bytes("window/geometry", self.saveGeometry())
        self._state.set_bytes("window/splitter", self.splitter.saveState())
        self._state.set_bytes("window/left-splitter", self.left_splitter.saveState())
        self._state.sync()
        self.checks.stop()
        self.exports.shutdown()  # a batch under way stops; its packages under way finish
        self.imports.shutdown()  # an import under way stops after its file under way
        self._renders.close()
        self._compute.shutdown(finish_queued=False)
        self._runner.shutdown()
        self._close_library()

    def _close_library(self) -> None:
        library, self.library = self._library_for_writing(), None
        self._opening = None
        self.watcher.stop()
        self.article_pictures.set_library(None)
        if library is not None:
            self._runner.run(library.close)


def _opened(opening: Future[operations.OpenedLibrary] | None) -> Library | None:
    """The library being opened once it is open; None if the opening failed (it reports)."""
    try:
        return opening.result().library if opening is not None else None
    except Exception:
        return None


def _summary_of(record: ArticleRecord) -> ArticleSummary:
    return ArticleSummary(
        id=record.id,
        slug=record.slug,
        headline=record.content.headline,
        status=record.content.status,
        language=record.content.language,
        updated_at=record.updated_at,
    )


class _DocumentSlot:
    """The preview's document, created by the first compute job that needs it (importing
    the renderer takes tens of milliseconds the start-up should not wait for), and how long
    its last body patch took."""

    QUICK_MS = 6.0

    def __init__(self) -> None:
        self._document: PreviewDocument | None = None
        self._last_patch_ms: float | None = None

    @property
    def quick(self) -> bool:
        """The last update was a body patch made in a few milliseconds."""
        return self._last_patch_ms is not None and self._last_patch_ms < self.QUICK_MS

    def get(self) -> PreviewDocument:
        if self._document is None:
            from copydesk.rendering.preview_document import PreviewDocument

            self._document = PreviewDocument()
        return self._document

    def update(
        self, content: ArticleContent, generation: int, pictures: ArticlePictures | None = None
    ) -> PreviewUpdate:
        started = time.perf_counter()
        update = self.get().update(content, generation, pictures)
        elapsed = (time.perf_counter() - started) * 1000
        self._last_patch_ms = elapsed if update.patch is not None else None
        return update

    def full(
        self, content: ArticleContent, generation: int, pictures: ArticlePictures | None = None
    ) -> PreviewUpdate:
        self._last_patch_ms = None
        return self.get().full(content, generation, pictures)
