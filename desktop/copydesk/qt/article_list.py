"""The article list on the left: a model of summaries, a two-line delegate, and its toolbar."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.labels import status_label
from copydesk.records import ArticleSummary

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """Rows of article summaries, most recently changed first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.headline or self.tr("Untitled")
        if role == Qt.ItemDataRole.ToolTipRole:
            return summary.slug
        if role == ArticleIdRole:
            return summary.id
        if role == SummaryRole:
            return summary
        return None

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def update_summary(self, summary: ArticleSummary) -> None:
        """Refresh one row in place: the list does not jump while someone types."""
        row = self.row_of(summary.id)
        if row is None:
            return
        self._rows[row] = summary
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def row_of(self, article_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                return row
        return None

    def id_at(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None


class ArticleDelegate(QStyledItemDelegate):
    """Headline in bold, then status and time of the last change."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 3 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(SummaryRole)
        if not isinstance(summary, ArticleSummary):
            return super().paint(painter, option, index)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
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
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m.%Y")


class ArticleListPanel(QWidget):
    """The list with its New / Duplicate / Delete actions."""

    article_chosen = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("articleList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QListView.Shape.NoFrame)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self._update_actions()

    def _emit_for_current(self, signal: Signal):  # type: ignore[no-untyped-def]
        def emit() -> None:
            article_id = self.current_id()
            if article_id is not None:
                signal.emit(article_id)

        return emit

    def current_id(self) -> int | None:
        return self.model.id_at(self.view.currentIndex().row())

    def set_summaries(self, summaries: list[ArticleSummary], current_id: int | None) -> None:
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_summaries(summaries)
        self.select(current_id)
        self.view.selectionModel().blockSignals(blocker)
        self._update_actions()

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
