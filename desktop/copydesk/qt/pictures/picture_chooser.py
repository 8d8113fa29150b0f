"""Choosing a picture of the library for an article: the library's table (thumbnail, file,
creator, credit, licence, status) with its search, read off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize
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

from copydesk.pictures.listing import PictureListing
from copydesk.qt.dialogs.closing import close_with_ctrl_w
from copydesk.qt.pictures.picture_model import Column, PictureFilterModel, PictureTableModel
from copydesk.qt.pictures.picture_service import PictureService


class PictureChooser(QDialog):
    def __init__(self, service: PictureService, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        close_with_ctrl_w(self)
        self.setWindowTitle(title)
        self.setObjectName("pictureChooser")
        self.service = service
        self.model = PictureTableModel(service.request_thumbnail, self)
        self.proxy = PictureFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        service.listings_loaded.connect(self._show_listings)
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
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(lambda _text: self._select_first())
        layout.addWidget(self.search)
        self.table = QTableView(self)
        self.table.setObjectName("chooserTable")
        self.table.setModel(self.proxy)
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

    def _show_listings(self, listings: list[PictureListing]) -> None:
        self.model.set_listings(listings)
        if listings:
            self.message.setText(self.tr("%n picture(s) in the library", "", len(listings)))
        else:
            self.message.setText(
                self.tr("The library has no pictures yet: import some in the Picture Library.")
            )
        self._select_first()
        self.search.setFocus()

    def _select_first(self) -> None:
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _chosen_by_double_click(self, _index: QModelIndex) -> None:
        self.accept()

    def chosen(self) -> PictureListing | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.listing(self.proxy.mapToSource(rows[0]).row())

    def select_picture(self, picture_id: int) -> bool:
        row = self.model.row_of(picture_id)
        if row is None:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True
