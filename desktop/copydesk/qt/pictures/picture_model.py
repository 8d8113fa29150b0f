"""The picture library's table: one row per picture of the list's query (a search, a filter
on what needs the desk's attention, a licence), read a page at a time as it is scrolled: the
query runs in the database (``copydesk.pictures.browsing``), so a library of 50,000 pictures
costs what the screen shows. Thumbnails are made off the GUI thread for the rows painted and
arrive when ready; a picture awaiting its file (known by its credit only) shows a placeholder
and asks for none."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from copydesk.pictures.listing import (
    PictureBatch,
    PictureFilter,
    PictureKey,
    PictureListing,
    PicturePage,
    PictureQuery,
)
from copydesk.qt.pictures.credit_messages import problem_message
from copydesk.records.picture import PictureStatus

_Index = QModelIndex | QPersistentModelIndex
ThumbnailRequest = Callable[[PictureListing], None]

LISTING_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLORS = {
    PictureStatus.COMPLETE: QColor("#2e7d32"),
    PictureStatus.WARNING: QColor("#b26a00"),
    PictureStatus.ERROR: QColor("#c62828"),
}
AWAITING_COLOR = QColor("#6a1b9a")  # not an ordinary error: the file is to come
PLACEHOLDER_SIZE = QSize(96, 72)


class Column(IntEnum):
    PICTURE = 0
    FILE = 1
    CREATOR = 2
    CREDIT = 3
    LICENCE = 4
    STATUS = 5
    USED_IN = 6


Filter = PictureFilter  # the table's filters are the core's


class PictureTableModel(QAbstractTableModel):
    """The pictures of a query, a page at a time: ``set_page`` shows the first page, and when
    the view scrolls to the end the model asks for the next with ``more_needed(query,
    after)``; whoever reads it hands it to ``receive_more``. A page asked for by an earlier
    query (the search changed since) is dropped when it arrives."""

    more_needed = Signal(object, object)  # PictureQuery, PictureKey after

    def __init__(self, request_thumbnail: ThumbnailRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listings: list[PictureListing] = []
        self._rows: dict[int, int] = {}
        self._query = PictureQuery()
        self._after: PictureKey | None = None
        self._asked_after: PictureKey | None = None
        self._count = 0
        self._thumbnails: dict[str, QPixmap] = {}
        self._requested: set[str] = set()
        self._request_thumbnail = request_thumbnail
        self._placeholder: QPixmap | None = None

    def set_page(self, page: PicturePage) -> None:
        self.beginResetModel()
        self._listings = list(page.listings)
        self._index_rows()
        self._query, self._after, self._asked_after = page.query, page.after, None
        self._count = page.count
        self.endResetModel()

    def query(self) -> PictureQuery:
        return self._query

    def count(self) -> int:
        """How many pictures the query keeps (rows not yet read included)."""
        return max(self._count, len(self._listings))

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._after is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._after is None or self._asked_after == self._after:
            return
        self._asked_after = self._after
        self.more_needed.emit(self._query, self._after)

    def receive_more(self, query: PictureQuery, batch: PictureBatch) -> None:
        """The page asked for with ``more_needed`` has arrived."""
        if query != self._query or self._asked_after is None:
            return  # asked for by a list that has since been replaced
        self._asked_after = None
        fresh = [x for x in batch.listings if x.record.id not in self._rows]
        if fresh:
            first = len(self._listings)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._listings.extend(fresh)
            self._index_rows()
            self.endInsertRows()
        self._after = batch.after

    def replace_listing(self, listing: PictureListing) -> None:
        """A picture as now stored; one the list has not shown (just added) goes on top,
        where the list's order (most recently changed first) puts it."""
        row = self._rows.get(listing.record.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._listings.insert(0, listing)
            self._index_rows()
            self._count += 1
            self.endInsertRows()
            return
        self._listings[row] = listing
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _index_rows(self) -> None:
        self._rows = {listing.record.id: row for row, listing in enumerate(self._listings)}

    def remove_listings(self, picture_ids: set[int]) -> None:
        for row in sorted((self._rows[i] for i in picture_ids if i in self._rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._listings[row]
            self._index_rows()
            self._count = max(0, self._count - 1)
            self.endRemoveRows()

    def listing(self, row: int) -> PictureListing:
        return self._listings[row]

    def listing_by_id(self, picture_id: int) -> PictureListing | None:
        row = self._rows.get(picture_id)
        return self._listings[row] if row is not None else None

    def row_of(self, picture_id: int) -> int | None:
        return self._rows.get(picture_id)

    def set_thumbnail(self, sha256: str, pixmap: QPixmap) -> None:
        self._thumbnails[sha256] = pixmap
        for row, listing in enumerate(self._listings):
            if listing.record.file.sha256 == sha256:
                index = self.index(row, Column.PICTURE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def thumbnail(self, sha256: str) -> QPixmap | None:
        return self._thumbnails.get(sha256)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._listings)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.PICTURE: self.tr("Picture"),
            Column.FILE: self.tr("File"),
            Column.CREATOR: self.tr("Creator"),
            Column.CREDIT: self.tr("Credit line"),
            Column.LICENCE: self.tr("Licence"),
            Column.STATUS: self.tr("Status"),
            Column.USED_IN: self.tr("Used in"),
        }[Column(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        listing = self._listings[index.row()]
        column = Column(index.column())
        if role == LISTING_ROLE:
            return listing
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(listing, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.PICTURE:
            return self._thumbnail_for(listing)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            return status_color(listing)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.STATUS, Column.PICTURE):
            return self._status_tip(listing) if column is Column.STATUS else self._file_tip(listing)
        return None

    def _status_tip(self, listing: PictureListing) -> str | None:
        lines = [problem_message(problem) for problem in listing.problems]
        if not listing.record.file.present:
            lines.insert(0, awaiting_hint())
        return "\n".join(lines) or None

    def _file_tip(self, listing: PictureListing) -> str | None:
        return None if listing.record.file.present else awaiting_hint()

    def _text(self, listing: PictureListing, column: Column) -> str:
        metadata = listing.record.metadata
        if column is Column.FILE:
            return listing.record.file.file_name
        if column is Column.CREATOR:
            return metadata.creator
        if column is Column.CREDIT:
            return listing.credit
        if column is Column.LICENCE:
            return licence_name(metadata.licence_id)
        if column is Column.STATUS:
            return status_label(listing)
        if column is Column.USED_IN:
            return ", ".join(dict.fromkeys(usage.slug for usage in listing.usages))
        return ""

    def _thumbnail_for(self, listing: PictureListing) -> QPixmap | None:
        if not listing.record.file.present:  # nothing to read: a placeholder says why
            if self._placeholder is None:
                self._placeholder = awaiting_pixmap(PLACEHOLDER_SIZE, self.tr("Awaiting file"))
            return self._placeholder
        sha256 = listing.record.file.sha256
        pixmap = self._thumbnails.get(sha256)
        if pixmap is None and sha256 not in self._requested:
            self._requested.add(sha256)
            self._request_thumbnail(listing)
        return pixmap


def licence_name(licence_id: str) -> str:
    from copydesk.pictures.licensing import licence

    found = licence(licence_id) if licence_id else None
    return found.shown_name() if found is not None else licence_id


def awaiting_pixmap(size: QSize, text: str) -> QPixmap:
    """A placeholder for a picture whose file is not in the library yet: a dashed frame
    with ``text`` (such as "Awaiting file") in it, where the thumbnail would be."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor("#f1f3f4"))
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor("#80868b"))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(QRect(0, 0, size.width() - 1, size.height() - 1))
        font = painter.font()
        font.setPointSizeF(max(7.0, min(9.0, size.height() / 6)))
        painter.setFont(font)
        painter.setPen(AWAITING_COLOR)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(QRect(3, 3, size.width() - 6, size.height() - 6), int(flags), text)
    finally:
        painter.end()
    return pixmap


def awaiting_hint() -> str:
    return _status_words().awaiting_hint()


def status_color(listing: PictureListing) -> QColor:
    return AWAITING_COLOR if not listing.record.file.present else STATUS_COLORS[listing.status]


def status_label(listing: PictureListing) -> str:
    """The status column's words: the compliance status, after "Awaiting file" for a picture
    whose file is still to come."""
    return _status_words().label(listing)


class PictureStatusWords(QObject):
    """The status words shared by the library's table and the credits pane: one translation
    context whoever shows them (lupdate marks ``tr`` with a count as plural, not
    ``translate``)."""

    def awaiting_hint(self) -> str:
        return self.tr(
            "This picture awaits its file: its credit came with an article. Select it and"
            " choose Attach File… to add the picture."
        )

    def label(self, listing: PictureListing) -> str:
        credit = self._credit_status(listing)
        if listing.record.file.present:
            return credit
        if listing.status is PictureStatus.COMPLETE:
            return self.tr("Awaiting file")
        return self.tr("Awaiting file · %1").replace("%1", credit)

    def _credit_status(self, listing: PictureListing) -> str:
        errors = sum(1 for p in listing.problems if p.severity.value == "error")
        warnings = len(listing.problems) - errors
        # One numerus message per count: copydesk_en.ts gives English "1 error" / "2 errors".
        if listing.status is PictureStatus.ERROR:
            return self.tr("%n error(s)", "", errors)
        if listing.status is PictureStatus.WARNING:
            return self.tr("%n warning(s)", "", warnings)
        return self.tr("Complete")


@cache
def _status_words() -> PictureStatusWords:
    return PictureStatusWords()
