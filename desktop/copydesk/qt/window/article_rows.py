"""The rows of the article list: a lazy model of the results (fetched a page at a time as the
list is scrolled) and the two-line delegate that paints them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from copydesk.qt.labels import status_label
from copydesk.records.article import (
    EMPTY_LIST,
    PAGE_SIZE,
    ArticleList,
    ArticlePage,
    ArticleQuery,
    ArticleSummary,
)

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
PresenceRole = Qt.ItemDataRole.UserRole + 3  # who else has the article open (a newsroom)

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """The articles listed, in order, a page at a time.

    The list starts with the first page of its query's results; scrolling to its end asks
    for the next page with ``more_needed(generation, query, after)``, whoever fetches it hands
    it to ``receive_more``. A row whose summary was dropped (another program changed it)
    answers None (the delegate paints a placeholder) and asks for it again with
    ``summaries_needed(generation, ids)``, answered through ``receive_summaries``. Pages asked
    for by an earlier list (another search) are dropped when they arrive.
    """

    summaries_needed = Signal(int, object)  # generation, list of article ids
    more_needed = Signal(int, object, object)  # generation, ArticleQuery, list key after (64 bits)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._summaries: dict[int, ArticleSummary] = {}
        self._present: dict[int, str] = {}  # article id → who else has it open
        self._pending: set[int] = set()  # ids asked for, not arrived yet
        self._wanted_rows: set[int] = set()
        self._generation = 0
        self._listing: ArticleList = EMPTY_LIST
        self._after: int | None = None  # where the next page starts; None: all are here
        self._asked_after: int | None = None  # the page on its way
        # Rows are asked for once the view has finished painting, all at once.
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)
        self._request_timer.timeout.connect(self._request_wanted_pages)

    # ---- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._after is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._after is None or self._asked_after == self._after:
            return
        self._asked_after = self._after
        self.more_needed.emit(self._generation, self._listing.query, self._after)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        article_id = self._ids[index.row()]
        if role == ArticleIdRole:
            return article_id
        summary = self._summaries.get(article_id)
        if summary is None:
            self._want(index.row())
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.headline or self.tr("Untitled")
        if role == Qt.ItemDataRole.ToolTipRole:
            return summary.slug
        if role == SummaryRole:
            return summary
        if role == PresenceRole:
            return self._present.get(article_id, "")
        return None

    # ---- what the list shows ----------------------------------------------------------

    def set_listing(self, listing: ArticleList) -> None:
        """Show the first page of a query's results."""
        self.beginResetModel()
        self._generation += 1
        self._listing = listing
        self._ids = listing.ids
        self._summaries = {summary.id: summary for summary in listing.first_page}
        self._after = listing.after
        self._asked_after = None
        self._pending.clear()
        self._wanted_rows.clear()
        self.endResetModel()

    def refresh(self, listing: ArticleList, stale: set[int] | None) -> None:
        """The same list read again after other programs changed articles: summaries
        already here are kept, except the ``stale`` ones (None: all of them)."""
        kept = (
            {}
            if stale is None
            else {
                article_id: summary
                for article_id, summary in self._summaries.items()
                if article_id not in stale
            }
        )
        self.set_listing(listing)
        self._summaries = {**kept, **self._summaries}

    def receive_more(self, generation: int, page: ArticlePage) -> None:
        """The page asked for with ``more_needed`` has arrived."""
        if generation != self._generation:
            return  # asked for by a list that has since been replaced
        self._asked_after = None
        self._after = page.after
        listed = set(self._ids)
        # An article saved since may already be here (moved to the top): not twice.
        new = [summary for summary in page.summaries if summary.id not in listed]
        if new:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._ids.extend(summary.id for summary in new)
            self._summaries.update((summary.id, summary) for summary in new)
            self.endInsertRows()

    def count(self) -> tuple[int, bool]:
        """How many articles the list's query finds, and whether that is exact."""
        if self._after is None:
            return len(self._ids), True
        return max(self._listing.count, len(self._ids)), self._listing.count_is_exact

    def query(self) -> ArticleQuery:
        """The query whose results are listed."""
        return self._listing.query

    def receive_summaries(self, generation: int, summaries: list[ArticleSummary]) -> None:
        """A page asked for with ``summaries_needed`` has arrived."""
        if generation != self._generation:
            return  # asked for by a list that has since been replaced
        for summary in summaries:
            self._summaries[summary.id] = summary
        rows = [row for summary in summaries if (row := self.row_of(summary.id)) is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)))

    def update_summary(self, summary: ArticleSummary) -> None:
        """An article was saved: refresh its row, and move it to the top when that is where
        the order by last change puts it now. The list is not searched again, so an article
        being typed does not vanish from it when it stops matching the search."""
        row = self.row_of(summary.id)
        if row is None:
            return
        self._summaries[summary.id] = summary
        if row > 0 and self._is_latest_change(summary):
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), 0)
            self._ids.insert(0, self._ids.pop(row))
            self.endMoveRows()
            row = 0
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def set_presence(self, present: dict[int, str]) -> None:
        """Who else has which article open: each row shows it under its headline."""
        changed = set(present) ^ set(self._present) | {
            key for key in present if self._present.get(key) != present[key]
        }
        self._present = dict(present)
        for article_id in changed:
            row = self.row_of(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row), self.index(row))

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> list[int]:
        return list(self._ids)

    def is_fetched(self, row: int) -> bool:
        return 0 <= row < len(self._ids) and self._ids[row] in self._summaries

    # ---- fetching pages ---------------------------------------------------------------

    def _is_latest_change(self, summary: ArticleSummary) -> bool:
        top = self._summaries.get(self._ids[0])
        return top is not None and top.updated_at <= summary.updated_at

    def _want(self, row: int) -> None:
        self._wanted_rows.add(row)
        self._request_timer.start()

    def _request_wanted_pages(self) -> None:
        pages = sorted({row // PAGE_SIZE for row in self._wanted_rows})
        self._wanted_rows.clear()
        for page in pages:
            ids = [
                article_id
                for article_id in self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
                if article_id not in self._summaries and article_id not in self._pending
            ]
            if ids:
                self._pending.update(ids)
                self.summaries_needed.emit(self._generation, ids)


class ArticleDelegate(QStyledItemDelegate):
    """Headline in bold, then status and time of the last change; a placeholder until the
    row's summary has been fetched."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # Narrow: a row fills the list's width anyway, and a wider hint scrolls a narrow list.
        metrics = QFontMetrics(option.font)
        return QSize(120, metrics.height() * 2 + 3 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(SummaryRole)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        if isinstance(summary, ArticleSummary):
            self._paint_summary(painter, option, index, summary, selected)
        else:
            self._paint_placeholder(painter, option, index.row())
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()

    def _paint_summary(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        summary: ArticleSummary,
        selected: bool,
    ) -> None:
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = self._area(option)
        line_height = QFontMetrics(option.font).height()

        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        headline = index.data(Qt.ItemDataRole.DisplayRole)
        elided = QFontMetrics(title_font).elidedText(
            headline, Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QRect(area.left(), area.top(), area.width(), line_height), 0, elided)

        painter.setFont(option.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        when = when_label(summary.updated_at)
        meta = f"{status_label(summary.status)} · {summary.language} · {when}"
        present = index.data(PresenceRole)
        if present:
            meta += " · ✎ " + present
        meta_rect = QRect(area.left(), area.top() + line_height + 4, area.width(), line_height)
        painter.drawText(meta_rect, 0, meta)

    def _paint_placeholder(self, painter: QPainter, option: QStyleOptionViewItem, row: int) -> None:
        """Two light bars where the headline and the details will be: the row exists, its
        text is on the way."""
        area = self._area(option)
        line_height = QFontMetrics(option.font).height()
        bar_height = max(4, line_height // 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.Midlight))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Lengths vary from row to row (but not from paint to paint) so it reads as a list.
        headline_width = area.width() * (55 + (row * 53) % 41) // 100
        for top, width in (
            (area.top() + (line_height - bar_height) // 2, headline_width),
            (area.top() + line_height + 4 + (line_height - bar_height) // 2, area.width() // 3),
        ):
            painter.drawRoundedRect(QRect(area.left(), top, width, bar_height), 3, 3)

    def _area(self, option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)


def when_label(moment: datetime) -> str:
    """A last change as a list shows it: the time today, the date before."""
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m.%Y")
