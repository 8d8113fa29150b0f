"""The article list on the left: its toolbar, the search field and status filter, and a lazy
model of the results (every id, summaries fetched a page at a time) with a two-line delegate.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QLocale,
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
    QAction,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.labels import status_label
from copydesk.records.article import PAGE_SIZE, ArticleQuery, ArticleStatus, ArticleSummary

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

SEARCH_SHORTCUT = QKeySequence("Ctrl+Shift+F")  # Ctrl+F is the body editor's find bar


class ArticleListModel(QAbstractListModel):
    """The ids of the articles listed, in order, and the summaries fetched so far.

    A row whose summary is not there yet answers None (the delegate paints a placeholder)
    and asks for its page with ``summaries_needed(generation, ids)``; whoever fetches them
    hands them back to ``receive_summaries`` with the same generation. Pages asked for by
    an earlier list (another search) are dropped when they arrive.
    """

    summaries_needed = Signal(int, object)  # generation, list of article ids

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._summaries: dict[int, ArticleSummary] = {}
        self._pending: set[int] = set()  # ids asked for, not arrived yet
        self._wanted_rows: set[int] = set()
        self._generation = 0
        # Pages are asked for once the view has finished painting, all at once.
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)
        self._request_timer.timeout.connect(self._request_wanted_pages)

    # ---- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        return None

    # ---- what the list shows ----------------------------------------------------------

    def set_ids(self, ids: list[int], first_page: list[ArticleSummary]) -> None:
        """Show these articles, in this order; ``first_page`` holds the first summaries."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._summaries = {summary.id: summary for summary in first_page}
        self._pending.clear()
        self._wanted_rows.clear()
        self.endResetModel()

    def refresh(
        self, ids: list[int], first_page: list[ArticleSummary], stale: set[int] | None
    ) -> None:
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
        self.set_ids(ids, first_page)
        self._summaries = {**kept, **self._summaries}

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
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 3 * self.PADDING)

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
        meta = f"{status_label(summary.status)} · {summary.language} · {_when(summary.updated_at)}"
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


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m.%Y")


class ArticleListPanel(QWidget):
    """The list with its New / Duplicate / Delete actions, search field and status filter.

    Changing the search or the filter emits ``query_changed``; whoever runs the search
    answers with ``set_ids``. Rows are fetched through ``model.summaries_needed``.
    """

    article_chosen = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)
    query_changed = Signal(object)  # ArticleQuery

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self._build_toolbar()
        self._build_search()
        self._build_list()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.stack, 1)
        self._update_actions()
        self._update_counts()

    # ---- construction -----------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self.toolbar.addAction(self.tr("New"), self.new_requested.emit)
        self.new_action.setToolTip(self.tr("New article"))
        self.duplicate_action = self.toolbar.addAction(
            self.tr("Duplicate"), self._emit_for_current(self.duplicate_requested)
        )
        self.delete_action = self.toolbar.addAction(
            self.tr("Delete"), self._emit_for_current(self.delete_requested)
        )
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setToolTip(self.tr("Delete the selected article (Del)"))
        self.duplicate_action.setToolTip(self.tr("Duplicate the selected article"))

    def _build_search(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("articleSearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setPlaceholderText(self.tr("Search headline, standfirst, body…"))
        shortcut = SEARCH_SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
        self.search_field.setToolTip(self.tr("Search the articles (%1)").replace("%1", shortcut))
        self.search_field.textChanged.connect(self._emit_query)
        self.search_field.installEventFilter(self)

        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in ArticleStatus:
            self.status_filter.addItem(status_label(status), status)
        self.status_filter.currentIndexChanged.connect(self._emit_query)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # Reaches the search field from anywhere in the window.
        self.search_action = QAction(self.tr("Search Articles"), self)
        self.search_action.setShortcut(SEARCH_SHORTCUT)
        self.search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.search_action.triggered.connect(self.focus_search)
        self.addAction(self.search_action)

        self.search_bar = QWidget(self)
        column = QVBoxLayout(self.search_bar)
        column.setContentsMargins(6, 4, 6, 4)
        column.setSpacing(4)
        column.addWidget(self.search_field)
        row = QHBoxLayout()
        row.addWidget(self.status_filter)
        row.addWidget(self.count_label, 1)
        column.addLayout(row)

    def _build_list(self) -> None:
        self.view = QListView(self)
        self.view.setObjectName("articleList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)  # the view then asks only for the rows it shows
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("noMatch")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(24)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_label)

    def _emit_for_current(self, signal: Signal):  # type: ignore[no-untyped-def]
        def emit() -> None:
            article_id = self.current_id()
            if article_id is not None:
                signal.emit(article_id)

        return emit

    # ---- the list ---------------------------------------------------------------------

    def current_id(self) -> int | None:
        return self.model.id_at(self.view.currentIndex().row())

    def set_ids(
        self, ids: list[int], first_page: list[ArticleSummary], selected_id: int | None
    ) -> None:
        """List these articles (the results of ``query()``), ``selected_id`` selected if it
        is among them, without asking to open it."""
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_ids(ids, first_page)
        self.select(selected_id)
        self.view.selectionModel().blockSignals(blocker)
        self._update_actions()
        self._update_counts()

    def refresh_ids(
        self, ids: list[int], first_page: list[ArticleSummary], stale: set[int] | None
    ) -> None:
        """The list read again because other programs changed ``stale`` articles (None: any
        of them): the view stays where it was scrolled, the current article stays current."""
        current = self.current_id()
        scrolled = self.view.verticalScrollBar().value()
        selection = self.view.selectionModel()
        blocker = selection.blockSignals(True)
        self.model.refresh(ids, first_page, stale)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(self.model.index(row), selection.SelectionFlag.ClearAndSelect)
        selection.blockSignals(blocker)
        self.view.verticalScrollBar().setValue(scrolled)
        self._update_actions()
        self._update_counts()

    def select(self, article_id: int | None) -> None:
        """Show ``article_id`` as current without asking to open it again."""
        row = self.model.row_of(article_id) if article_id is not None else None
        selection = self.view.selectionModel()
        blocker = selection.blockSignals(True)
        if row is None:
            selection.clear()
        else:
            index = self.model.index(row)
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            self.view.scrollTo(index)
        selection.blockSignals(blocker)
        self.view.viewport().update()
        self._update_actions()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        article_id = self.model.id_at(current.row())
        if article_id is not None:
            self.article_chosen.emit(article_id)

    def _update_actions(self) -> None:
        has_current = self.current_id() is not None
        self.duplicate_action.setEnabled(has_current)
        self.delete_action.setEnabled(has_current)

    # ---- search -----------------------------------------------------------------------

    def query(self) -> ArticleQuery:
        status = self.status_filter.currentData()
        return ArticleQuery(self.search_field.text(), status)

    def reset_query(self) -> None:
        """Back to every article, without asking for a search (the caller lists them)."""
        field_blocked = self.search_field.blockSignals(True)
        filter_blocked = self.status_filter.blockSignals(True)
        self.search_field.clear()
        self.status_filter.setCurrentIndex(0)
        self.search_field.blockSignals(field_blocked)
        self.status_filter.blockSignals(filter_blocked)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self._on_escape()
            return True
        return super().eventFilter(watched, event)

    def _on_escape(self) -> None:
        """Escape clears the search; a second one goes back to the list."""
        if self.search_field.text():
            self.search_field.clear()
        else:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _emit_query(self) -> None:
        self.query_changed.emit(self.query())

    def _update_counts(self) -> None:
        count = self.model.rowCount()
        if count == 1:
            self.count_label.setText(self.tr("1 article"))
        else:
            number = QLocale().toString(count)
            self.count_label.setText(self.tr("%1 articles").replace("%1", number))
        message = self._no_match_message(self.query()) if count == 0 else ""
        self.empty_label.setText(message)
        self.stack.setCurrentWidget(self.empty_label if message else self.view)

    def _no_match_message(self, query: ArticleQuery) -> str:
        text = query.text.strip()
        if text and query.status is not None:
            return (
                self.tr("No article with the status “%1” matches “%2”.")
                .replace("%1", status_label(query.status))
                .replace("%2", text)
            )
        if text:
            return self.tr("No article matches “%1”.").replace("%1", text)
        if query.status is not None:
            return self.tr("No article has the status “%1”.").replace(
                "%1", status_label(query.status)
            )
        return ""
