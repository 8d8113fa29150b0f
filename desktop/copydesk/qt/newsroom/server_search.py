"""The newsroom server's results under the article list: while a search is typed in a
replica, the articles of the whole archive the person may read that the replica does not
hold (``copydesk.sync.search``). Choosing one brings it into the replica and opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.labels import status_label
from copydesk.qt.newsroom.status import Link
from copydesk.qt.window.article_rows import when_label
from copydesk.records.article import PAGE_SIZE, ArticleQuery

if TYPE_CHECKING:
    from copydesk.qt.newsroom.controller import NewsroomController
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.sync.search import ServerArticle

# Typing pauses this long before the server is asked: one search per word, not per key.
PAUSE_MS = 350
UuidRole = Qt.ItemDataRole.UserRole + 1
DetailsRole = Qt.ItemDataRole.UserRole + 2


class ServerResultsPanel(QWidget):
    """A heading saying what the server found (or that it is searching, or why it could
    not), and a row per article: headline, then desk, status and last change."""

    chosen = Signal(str)  # the uuid of an article to bring

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverResults")
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.heading = QLabel(self)
        self.heading.setObjectName("serverResultsHeading")
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(8, 6, 8, 4)
        self.heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.rows = QListWidget(self)
        self.rows.setObjectName("serverResultsList")
        self.rows.setFrameShape(QListWidget.Shape.NoFrame)
        self.rows.setItemDelegate(_ServerRowDelegate(self.rows))
        self.rows.setUniformItemSizes(True)
        self.rows.setMaximumHeight(220)
        self.rows.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(rule)
        layout.addWidget(self.heading)
        layout.addWidget(self.rows)
        self.hide()

    def show_searching(self) -> None:
        self.heading.setText(self.tr("Searching the newsroom server…"))
        self.show()

    def show_results(self, found: list[ServerArticle], more: bool) -> None:
        self.rows.clear()
        for article in found:
            item = QListWidgetItem(article.headline or self.tr("Untitled"), self.rows)
            item.setData(UuidRole, article.uuid)
            item.setData(DetailsRole, self._details(article))
            item.setToolTip(self.tr("Double-click or press Enter to bring the article here"))
        if not found:
            self.heading.setText(self.tr("The newsroom server has nothing more."))
        elif more:
            self.heading.setText(
                self.tr("On the newsroom server, more than %n article(s):", "", len(found))
            )
        else:
            self.heading.setText(self.tr("On the newsroom server, %n article(s):", "", len(found)))
        self.rows.setVisible(bool(found))
        self.show()

    def show_problem(self, message: str) -> None:
        self.rows.clear()
        self.rows.hide()
        self.heading.setText(message)
        self.show()

    def show_bringing(self, headline: str) -> None:
        self.heading.setText(
            self.tr("Bringing “%1” from the newsroom server…").replace("%1", headline)
        )

    def _details(self, article: ServerArticle) -> str:
        details = [article.desk]
        if article.status is not None:
            details.append(status_label(article.status))
        details.append(when_label(article.updated_at))
        return " · ".join(details)

    def _activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(UuidRole)))


class _ServerRowDelegate(QStyledItemDelegate):
    """Headline in bold, then desk, status and last change, as the article list's rows."""

    PADDING = 8

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(120, QFontMetrics(option.font).height() * 2 + 2 * self.PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        area = option.rect.adjusted(self.PADDING, self.PADDING // 2, -self.PADDING, 0)
        line = QFontMetrics(option.font).height()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(role))
        headline = QFontMetrics(bold).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QRect(area.left(), area.top(), area.width(), line), 0, headline)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(
                option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            )
        details = str(index.data(DetailsRole) or "")
        painter.drawText(QRect(area.left(), area.top() + line, area.width(), line), 0, details)
        painter.restore()


class ServerSearch(QObject):
    """Runs the server's search for the list's query, on a thread of its own, a moment
    after typing pauses; the latest query's results only are shown."""

    def __init__(self, window: MainWindow, controller: NewsroomController) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._runner = window.runner.sibling("copydesk-server-search")
        self._count = 0
        self._query = ArticleQuery()
        self.panel = ServerResultsPanel(window.article_list)
        window.article_list.layout().addWidget(self.panel)  # type: ignore[union-attr]
        self.panel.chosen.connect(self.bring)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._search)
        window.article_list.query_changed.connect(self.query_changed)

    def query_changed(self, query: ArticleQuery) -> None:
        self._count += 1  # a search on its way is for an older query
        self._query = query
        joined = self._controller.status.link is not Link.NOT_JOINED
        if not joined or not query.text.strip():
            self._timer.stop()
            self.panel.hide()
            return
        self._timer.start()

    def _search(self) -> None:
        library = self._window.library
        if library is None:
            return
        from copydesk.sync import search

        count, text, password = self._count, self._query.text, self._controller.password
        self.panel.show_searching()
        self._runner.run(
            lambda: search.search(library, text, password, limit=PAGE_SIZE),
            lambda found: self._show(count, found),
            lambda error: self._failed(count, error),
        )

    def _show(self, count: int, found: list[ServerArticle]) -> None:
        if count != self._count:
            return
        missing = [article for article in found if not article.here]
        self.panel.show_results(missing, more=len(found) == PAGE_SIZE)

    def _failed(self, count: int, error: Exception) -> None:
        if count == self._count:
            self.panel.show_problem(
                self.tr("The newsroom server was not searched: %1").replace("%1", str(error))
            )

    def bring(self, uuid: str) -> None:
        """Pull the article into the replica, then open it (the list is read again)."""
        library = self._window.library
        if library is None:
            return
        from copydesk.sync import search

        headline = next(
            (
                item.text()
                for item in self.panel.rows.findItems("", Qt.MatchFlag.MatchContains)
                if item.data(UuidRole) == uuid
            ),
            "",
        )
        self.panel.show_bringing(headline)
        password = self._controller.password
        self._runner.run(
            lambda: search.bring(library, [uuid], password),
            lambda ids: self._brought(uuid, ids),
            lambda error: self._not_brought(str(error)),
        )

    def _not_brought(self, reason: str) -> None:
        self.panel.show_problem(self.tr("The article was not brought: %1").replace("%1", reason))

    def _brought(self, uuid: str, ids: dict[str, int]) -> None:
        article_id = ids.get(uuid)
        if article_id is None:
            self._not_brought(self.tr("it is no longer on the server."))
            return
        self._window.articles.refresh_listing(None)
        self._window.open_article(article_id)
        self._search()

    def stop(self) -> None:
        self._timer.stop()
        self._runner.shutdown(finish_queued=False)
