"""Choosing a picture of the library for an article: the library's table (thumbnail, file,
creator, credit, licence, status) with its search, read a page at a time off the GUI
thread."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from copydesk.pictures.listing import PictureListing, PicturePage, PictureQuery
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.pictures.picture_model import Column, PictureTableModel
from copydesk.qt.pictures.picture_service import PictureService


class PictureChooser(QDialog):
    def __init__(self, service: PictureService, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setWindowTitle(title)
        self.setObjectName("pictureChooser")
        self.service = service
        self.model = PictureTableModel(service.request_thumbnail, self)
        self._wanted: int | None = None
        self._build()
        service.page_loaded.connect(self._show_page)
        service.batch_loaded.connect(self.model.receive_more)
        self.model.more_needed.connect(service.more)
        service.thumbnail_ready.connect(self.model.set_thumbnail)
        service.failed.connect(self.message.setText)
        self.resize(900, 560)
        service.load()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("chooserSearch")
        self.search.setPlaceholderText(self.tr("Search file, creator, credit, caption…"))
        self.search.setClearButtonEnabled(True)
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(200)  # once typing pauses, not on every letter
        self.search_pause.timeout.connect(
            lambda: self.service.load(PictureQuery.of(self.search.text()), totals=False)
        )
        self.search.textChanged.connect(lambda _text: self.search_pause.start())
        layout.addWidget(self.search)
        self.table = QTableView(self)
        self.table.setObjectName("chooserTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(QSize(96, 72))
        self.table.verticalHeader().setDefaultSectionSize(76)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            Column.CREDIT, QHeaderView.ResizeMode.Stretch
        )
        self.table.setColumnWidth(Column.PICTURE, 104)
        self.table.setColumnWidth(Column.FILE, 150)
        self.table.doubleClicked.connect(self._chosen_by_double_click)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self.tr("Reading the library…"), self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _show_page(self, page: PicturePage) -> None:
        if page.query != PictureQuery.of(self.search.text()):
            if self._wanted is None:
                return  # typed since: the search for the latest words is on its way
            self.search.blockSignals(True)  # the list was narrowed to show the picture
            self.search.setText(" ".join(page.query.words))
            self.search.blockSignals(False)
        first_page = self.model.rowCount() == 0 and page.total >= 0
        chosen = self.chosen()
        self.model.set_page(page)
        if page.total > 0:
            self.message.setText(self.tr("%n picture(s) in the library", "", page.total))
        elif page.total == 0:
            self.message.setText(
                self.tr("The library has no pictures yet: import some in the Picture Library.")
            )
        wanted, self._wanted = self._wanted, None
        if wanted is None and chosen is not None:
            wanted = chosen.record.id  # the picture chosen stays chosen if still listed
        if wanted is not None and self.model.row_of(wanted) is not None:
            self.select_picture(wanted)
        elif self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        if first_page:
            self.search.setFocus()

    def _chosen_by_double_click(self, _index: QModelIndex) -> None:
        self.accept()

    def chosen(self) -> PictureListing | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.listing(rows[0].row())

    def select_picture(self, picture_id: int) -> bool:
        """Select the picture if the list shows it (reading down to it if it is not read
        yet: the list's first page, or the pictures of its file name, deep in the library)."""
        row = self.model.row_of(picture_id)
        if row is None:
            self._wanted = picture_id
            self.service.load_through(PictureQuery.of(self.search.text()), picture_id)
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True
