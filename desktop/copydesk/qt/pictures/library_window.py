"""The picture library: every picture with its thumbnail, credit, licence and status; search
and filters; import by dialog, folder or drag and drop; the credit editor for the selected
picture; presets applied to the whole selection as one undoable step; and Attach File… for a
picture that awaits its file (its credit came with an imported article)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QLocale, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QToolButton,
    QWidget,
)

from copydesk.library.db import Library
from copydesk.pictures import operations as picture_operations
from copydesk.pictures.licensing import catalogue
from copydesk.pictures.listing import Judgement, PictureListing, PicturePage, PictureQuery
from copydesk.pictures.presets import Preset, apply_preset
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.labels import fill
from copydesk.qt.pictures.credit_editor import CreditEditor
from copydesk.qt.pictures.importer import PictureImporter
from copydesk.qt.pictures.metadata_undo import SetMetadata
from copydesk.qt.pictures.picture_model import Column, Filter, PictureTableModel
from copydesk.qt.pictures.picture_service import PictureService
from copydesk.qt.tasks import TaskRunner
from copydesk.records.imports import ImportOutcome, ImportReport
from copydesk.records.picture import PictureMetadata

SEARCH_PAUSE_MS = 200


class PictureLibraryWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        database: TaskRunner,
        compute: TaskRunner,
        judgement: Judgement,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture Library"))
        self.setObjectName("pictureLibrary")
        self.setAcceptDrops(True)
        self.service = PictureService(library, database, compute, judgement, self)
        self.importer = PictureImporter(library, database, self)
        self._wanted_selection: int | None = None
        self._total = 0  # pictures in the library
        self._unjudged = 0  # pictures whose credit is being checked
        self._attaching: int | None = None  # the picture whose file is being attached
        self.last_attach_error = ""
        self.undo_stack = QUndoStack(self)
        self.presets: list[Preset] = []
        self._build()
        self._connect()
        self.editor.set_judgement(judgement.language, judgement.commercial, judgement.today)
        self._show_selected()  # nothing yet: the hint, the form off
        self.service.load(self.current_query())
        self.load_presets()

    # ---- building --------------------------------------------------------------------

    def _build(self) -> None:
        self.model = PictureTableModel(self.service.request_thumbnail, self)
        self.table = QTableView(self)
        self.table.setObjectName("pictureTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setIconSize(QSize(96, 72))
        self.table.verticalHeader().setDefaultSectionSize(76)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.CREDIT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(Column.PICTURE, 104)
        self.table.setColumnWidth(Column.FILE, 150)
        self.table.setColumnWidth(Column.CREATOR, 120)
        self.table.setColumnWidth(Column.LICENCE, 90)
        self.table.setColumnWidth(Column.STATUS, 150)  # "Awaiting file · 2 errors"
        self.editor = CreditEditor(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 480])
        self.setCentralWidget(splitter)

        toolbar = self.addToolBar(self.tr("Pictures"))
        toolbar.setObjectName("pictureToolbar")
        toolbar.setMovable(False)
        self.import_files_action = QAction(self.tr("Import Files…"), self)
        self.import_folder_action = QAction(self.tr("Import Folder…"), self)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        # Escape and Ctrl+W close this window, as they close a secondary window elsewhere.
        self.close_action = QAction(self.tr("Close"), self)
        self.close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence(Qt.Key.Key_Escape)]
        )
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self.save_preset_action = QAction(self.tr("Save as Preset…"), self)
        self.attach_action = QAction(self.tr("Attach File…"), self)
        self.attach_action.setObjectName("attachFile")
        self.attach_action.setToolTip(
            self.tr("Attach the picture file to the selected picture, which awaits it")
        )
        self.attach_action.setEnabled(False)
        for action in (self.import_files_action, self.import_folder_action, self.attach_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        self.preset_menu = QMenu(self.tr("Apply Preset"), self)
        self.preset_button = QToolButton(self)
        self.preset_button.setText(self.tr("Apply Preset"))
        self.preset_button.setMenu(self.preset_menu)
        self.preset_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar.addWidget(self.preset_button)
        toolbar.addAction(self.save_preset_action)
        self.suggested_licences_action = QAction(self.tr("Apply Suggested Licences"), self)
        self.suggested_licences_action.setToolTip(
            self.tr("Give each selected picture with no licence the one its metadata points at")
        )
        self.suggested_licences_action.triggered.connect(self.apply_suggested_licences)
        toolbar.addAction(self.suggested_licences_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        # The search and the filters on a row of their own: beside the actions, the French
        # labels pushed the licence filter off the window.
        self.addToolBarBreak()
        finding = self.addToolBar(self.tr("Search and Filters"))
        finding.setObjectName("pictureFilters")
        finding.setMovable(False)
        self.search = QLineEdit(self)
        self.search.setObjectName("pictureSearch")
        self.search.setPlaceholderText(self.tr("Search file, creator, credit, caption…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(360)
        finding.addWidget(self.search)
        self.filter = QComboBox(self)
        for label, kind in (
            (self.tr("All pictures"), Filter.ALL),
            (self.tr("With errors"), Filter.ERRORS),
            (self.tr("With warnings"), Filter.WARNINGS),
            (self.tr("Missing credit"), Filter.MISSING_CREDIT),
            (self.tr("Awaiting their file"), Filter.AWAITING_FILE),
            (self.tr("Not used in any article"), Filter.UNUSED),
        ):
            self.filter.addItem(label, kind.value)
        finding.addWidget(self.filter)
        self.licence_filter = QComboBox(self)
        self.licence_filter.addItem(self.tr("Any licence"), "")
        for item in catalogue():
            self.licence_filter.addItem(item.name, item.id)
        finding.addWidget(self.licence_filter)
        self.count_label = self.statusBar()
        # The search runs in the database once typing pauses, not on every letter.
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(SEARCH_PAUSE_MS)
        self.search_pause.timeout.connect(self._search)

    def _connect(self) -> None:
        self.import_files_action.triggered.connect(self.choose_files)
        self.import_folder_action.triggered.connect(self.choose_folder)
        self.attach_action.triggered.connect(self.choose_file_to_attach)
        self.service.attached.connect(self._attached)
        self.service.attach_refused.connect(self._attach_refused)
        self.save_preset_action.triggered.connect(self.save_preset_from_selection)
        self.search.textChanged.connect(lambda _text: self.search_pause.start())
        self.filter.currentIndexChanged.connect(lambda _i: self._search())
        self.licence_filter.currentIndexChanged.connect(lambda _i: self._search())
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.model.more_needed.connect(self.service.more)
        self.service.batch_loaded.connect(self.model.receive_more)
        self.service.page_loaded.connect(self._show_page)
        self.service.judging.connect(self._show_judging)
        self.service.listing_changed.connect(self._update_listing)
        self.service.listing_followed.connect(self._follow_listing)
        self.service.listings_removed.connect(self._remove_listings)
        self.service.thumbnail_ready.connect(self.model.set_thumbnail)
        self.service.failed.connect(self._report)
        self.editor.committed.connect(self._commit_edit)
        self.editor.fix_requested.connect(self._apply_fix)
        self.editor.value_picked.connect(lambda fix: self._apply_fix(fix, self.tr("Pick Value")))
        self.importer.failed.connect(self._report)

    # ---- listings ----------------------------------------------------------------------

    def current_query(self) -> PictureQuery:
        licence = str(self.licence_filter.currentData() or "")
        return PictureQuery.of(self.search.text(), Filter(self.filter.currentData()), licence)

    def _search(self) -> None:
        """The search, filter or licence changed: read the list's first page again."""
        self.search_pause.stop()
        self.service.load(self.current_query(), totals=False)

    def _show_page(self, page: PicturePage) -> None:
        if page.query != self.current_query():
            self._show_query(page.query)  # a picture asked for was shown with another query
        selected = {listing.record.id for listing in self.selected_listings()}
        self.model.set_page(page)
        if page.total >= 0:
            self._total, self._unjudged = page.total, page.unjudged
        self._show_count()
        wanted, self._wanted_selection = self._wanted_selection, None
        if wanted is not None and self.model.row_of(wanted) is not None:
            self.select_picture(wanted)
        elif len(selected) == 1 and self.model.row_of(next(iter(selected))) is not None:
            self.select_picture(next(iter(selected)))  # the picture being edited stays
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show_selected()

    def _show_query(self, query: PictureQuery) -> None:
        """Show ``query`` in the search field and the filters, without reading again."""
        widgets = (self.search, self.filter, self.licence_filter)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(" ".join(query.words))
            self.filter.setCurrentIndex(max(0, self.filter.findData(query.filter.value)))
            self.licence_filter.setCurrentIndex(max(0, self.licence_filter.findData(query.licence)))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _show_judging(self, left: int) -> None:
        """Pictures are being judged (after an upgrade, a change of settings, or changes made
        elsewhere); once done, a list filtered on errors or warnings is read again."""
        self._unjudged = left
        self._show_count()
        if left == 0 and self.current_query().filter in (Filter.ERRORS, Filter.WARNINGS):
            self._search()

    def _update_listing(self, listing: PictureListing) -> None:
        self.model.replace_listing(listing)
        selected = self.selected_listings()
        if selected and selected[0].record.id == listing.record.id:
            self.editor.show_picture(self._title(selected), listing.record.metadata)
        self._update_actions()
        self._show_count()

    def _follow_listing(self, listing: PictureListing) -> None:
        """Another program changed the picture. Its credit is shown afresh unless the person
        is typing in it, whose words are not thrown away: their next change is saved on top."""
        selected = self.selected_listings()
        focus = QApplication.focusWidget()
        typing = focus is not None and self.editor.isAncestorOf(focus)
        if typing and selected and selected[0].record.id == listing.record.id:
            self.model.replace_listing(listing)
            self.statusBar().showMessage(
                self.tr("This picture was changed in another window."), 10_000
            )
            return
        self._update_listing(listing)

    def _remove_listings(self, picture_ids: set[int]) -> None:
        self.model.remove_listings(picture_ids)
        self._update_actions()
        self._show_count()

    def follow_outside_changes(self, picture_ids: set[int]) -> None:
        """Pictures another program changed, added or deleted."""
        self.service.follow(picture_ids, self.model.query())
        self.service.judge()  # the totals' count of pictures being checked

    def _show_count(self, *_args: object) -> None:
        shown = self.model.count()
        total = max(self._total, shown)
        # %Ln and QLocale: 50,000 in English, 50 000 in French.
        text = self.tr("%1 of %Ln picture(s)", "", total).replace("%1", QLocale().toString(shown))
        if self._unjudged > 0:
            checking = self.tr("checking the credits of %Ln picture(s)…", "", self._unjudged)
            text = self.tr("%1 — %2").replace("%1", text).replace("%2", checking)
        self.count_label.showMessage(text)

    def selected_listings(self) -> list[PictureListing]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.listing(row) for row in rows]

    def select_picture(self, picture_id: int) -> None:
        """Select the picture: read down to it if the list has not reached it; a search or
        filter hiding it is cleared (or, deep in a large library, the list narrowed to its
        file name)."""
        row = self.model.row_of(picture_id)
        if row is None:
            self._wanted_selection = picture_id
            self.service.load_through(self.current_query(), picture_id)
            return
        self._wanted_selection = None
        index = self.model.index(row, 0)
        self.table.scrollTo(index)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_selected(self, *_args: object) -> None:
        selected = self.selected_listings()
        self.editor.setEnabled(bool(selected))
        if selected:
            self.editor.show_picture(self._title(selected), selected[0].record.metadata)
        else:
            self.editor.show_nothing()
        self._update_actions()

    def _title(self, selected: list[PictureListing]) -> str:
        """The credit editor's title: the first selected picture's file name."""
        file = selected[0].record.file
        title = file.file_name
        if not file.present:
            title = self.tr("%1 (awaiting its file)").replace("%1", title)
        if len(selected) > 1:
            title = self.tr("%1 (and %n more)", "", len(selected) - 1).replace("%1", title)
        return title

    def _update_actions(self) -> None:
        self.attach_action.setEnabled(self._picture_to_attach() is not None)
        self.save_preset_action.setEnabled(bool(self.selected_listings()))
        self.suggested_licences_action.setEnabled(bool(self._licence_fixes()))

    def _licence_fixes(self) -> dict[int, dict[str, str]]:
        """The selected pictures whose missing licence has a suggestion, and its fix."""
        return {
            listing.record.id: problem.fix
            for listing in self.selected_listings()
            for problem in listing.problems
            if problem.code.startswith("licence.") and problem.fix
        }

    def apply_suggested_licences(self) -> None:
        """Every suggested licence of the selection, as one undoable step."""
        fixes = self._licence_fixes()
        changes = {}
        for listing in self.selected_listings():
            if listing.record.id in fixes:
                old = listing.record.metadata
                changes[listing.record.id] = (old, old.replace(**fixes[listing.record.id]))
        if changes:
            text = self.tr("Apply Suggested Licences")
            self.undo_stack.push(SetMetadata(self.service, changes, text))

    def _picture_to_attach(self) -> PictureListing | None:
        """The one selected picture, if it awaits its file (and no attach is running)."""
        selected = self.selected_listings()
        if len(selected) != 1 or selected[0].record.file.present or self._attaching:
            return None
        return selected[0]

    # ---- edits ---------------------------------------------------------------------------

    def _commit_edit(self, _shown: PictureMetadata, new: PictureMetadata) -> None:
        selected = self.selected_listings()
        if not selected:
            return
        listing = selected[0]
        old = listing.record.metadata  # what is stored: undo goes back to it
        if new != old:
            changes = {listing.record.id: (old, new)}
            self.undo_stack.push(SetMetadata(self.service, changes, self.tr("Edit Credit")))

    def _apply_fix(self, fix: dict[str, str], text: str = "") -> None:
        selected = self.selected_listings()
        if not selected:
            return
        listing = selected[0]
        old = listing.record.metadata
        new = old.replace(**fix)
        self.undo_stack.push(
            SetMetadata(self.service, {listing.record.id: (old, new)}, text or self.tr("Apply Fix"))
        )

    def apply_preset(self, preset: Preset) -> None:
        changes = {}
        for listing in self.selected_listings():
            old = listing.record.metadata
            new = apply_preset(old, preset)
            if new != old:
                changes[listing.record.id] = (old, new)
        if changes:
            text = self.tr("Apply Preset “%1”").replace("%1", preset.name)
            self.undo_stack.push(SetMetadata(self.service, changes, text))

    # ---- presets ----------------------------------------------------------------------------

    def load_presets(self) -> None:
        library = self.service.library
        self.service.database.run(
            lambda: picture_operations.list_presets(library),
            self._show_presets,
            lambda e: self._report(str(e)),
        )

    def _show_presets(self, presets: list[Preset]) -> None:
        self.presets = presets
        self.preset_menu.clear()
        for preset in presets:
            action = self.preset_menu.addAction(preset.name)
            action.triggered.connect(lambda _checked=False, p=preset: self.apply_preset(p))
        self.preset_button.setEnabled(bool(presets))

    def save_preset_from_selection(self) -> None:
        selected = self.selected_listings()
        if not selected:
            return
        from copydesk.qt.pictures.preset_dialog import SavePresetDialog

        dialog = SavePresetDialog(selected[0].record.metadata, self)
        self.preset_dialog = dialog
        dialog.accepted.connect(lambda: self.save_preset(dialog.preset()))
        dialog.open()

    def save_preset(self, preset: Preset) -> None:
        library = self.service.library
        self.service.database.run(
            lambda: picture_operations.save_preset(library, preset),
            self._show_presets,
            lambda e: self._report(str(e)),
        )

    # ---- import -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files = file_dialogs.open_file_names(
            self,
            self.tr("Import Pictures"),
            "",
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.gif);;All files (*)"),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = file_dialogs.existing_directory(self, self.tr("Import a Folder of Pictures"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        if self.importer.running:
            return
        self.progress = QProgressDialog(
            self.tr("Importing pictures…"), self.tr("Cancel"), 0, 0, self
        )
        self.progress.setWindowTitle(self.tr("Import"))
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.importer.cancel)
        self.importer.progressed.connect(self._show_progress)
        self.importer.finished.connect(self._imported)
        self.importer.start(paths)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(
            self.tr("Importing pictures… %1 of %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _imported(self, report: ImportReport) -> None:
        self.importer.progressed.disconnect(self._show_progress)
        self.importer.finished.disconnect(self._imported)
        self.progress.close()
        self.last_report = report
        self.service.load(self.current_query())
        refused = [item for item in report.items if item.outcome is ImportOutcome.REFUSED]
        summary = self.tr("%1 imported, %2 already in the library, %3 refused.")
        summary = (
            summary.replace("%1", str(report.count(ImportOutcome.IMPORTED)))
            .replace("%2", str(report.count(ImportOutcome.DUPLICATE)))
            .replace("%3", str(len(refused)))
        )
        if report.cancelled:
            summary = self.tr("Import cancelled.") + " " + summary
        self.statusBar().showMessage(summary, 10_000)
        if refused:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"), summary, parent=self)
            box.setDetailedText(
                "\n".join(fill(self.tr("%1: %2"), [Path(i.path).name, i.reason]) for i in refused)
            )
            box.open()

    # ---- attaching a file -------------------------------------------------------------------

    def choose_file_to_attach(self) -> None:
        listing = self._picture_to_attach()
        if listing is None:
            return
        file = file_dialogs.open_file_name(
            self,
            self.tr("Attach the File of %1").replace("%1", listing.record.file.file_name),
            "",
            self.tr("Pictures (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.gif);;All files (*)"),
        )
        if file:
            self.attach_file(listing.record.id, Path(file))

    def attach_file(self, picture_id: int, path: Path) -> None:
        """Attach ``path`` to the picture off the GUI thread; the row is refreshed (its
        thumbnail and status) when done, and a refusal is said in a message box."""
        self._attaching = picture_id
        self.last_attach_error = ""
        self._update_actions()
        self.statusBar().showMessage(self.tr("Attaching %1…").replace("%1", path.name), 10_000)
        self.service.attach(picture_id, path)

    def _attached(self, listing: PictureListing) -> None:
        self._attaching = None
        self._update_actions()
        file = listing.record.file
        self.statusBar().showMessage(
            fill(self.tr("%1 attached to picture %2."), [file.file_name, str(listing.record.id)]),
            10_000,
        )

    def _attach_refused(self, picture_id: int, reason: str) -> None:
        self._attaching = None
        self._update_actions()
        self.last_attach_error = reason
        title = self.tr("Attach File")
        summary = self.tr("The file was not attached to picture %1.").replace("%1", str(picture_id))
        self.statusBar().showMessage(summary, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, summary, parent=self)
        box.setObjectName("attachRefused")
        box.setInformativeText(reason)
        box.open()  # not modal to the application: the library stays usable
        self.attach_box = box

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _report(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Picture Library"), message)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.service.stop()
        self.importer.shutdown()
        super().closeEvent(event)
