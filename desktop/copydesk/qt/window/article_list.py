"""The article list on the left: its toolbar, the search field and status filter, above
the rows (``article_rows``)."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
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
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.labels import status_label
from copydesk.qt.window.article_rows import (
    ArticleDelegate,
    ArticleListModel,
)
from copydesk.records.article import ArticleList, ArticleQuery, ArticleStatus

SEARCH_SHORTCUT = QKeySequence("Ctrl+Shift+F")  # Ctrl+F is the body editor's find bar


class ArticleListPanel(QWidget):
    """The list with its New / Duplicate / Delete actions, search field and status filter.

    Changing the search or the filter emits ``query_changed``; whoever runs the search
    answers with ``set_listing``. Further pages come through ``model.more_needed``, rows
    another program changed through ``model.summaries_needed``.
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
        self.model.rowsInserted.connect(self._update_counts)  # a page further down arrived

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

    def set_listing(self, listing: ArticleList, selected_id: int | None) -> None:
        """List these articles (the results of ``query()``), ``selected_id`` selected if it
        is among them, without asking to open it."""
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_listing(listing)
        self.select(selected_id)
        self.view.selectionModel().blockSignals(blocker)
        self._update_actions()
        self._update_counts()

    def refresh_listing(self, listing: ArticleList, stale: set[int] | None) -> None:
        """The list read again because other programs changed ``stale`` articles (None: any
        of them): the view stays where it was scrolled, the current article stays current."""
        current = self.current_id()
        scrolled = self.view.verticalScrollBar().value()
        selection = self.view.selectionModel()
        blocker = selection.blockSignals(True)
        self.model.refresh(listing, stale)
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
        count, exact = self.model.count()
        if exact:
            self.count_label.setText(self.tr("%Ln article(s)", "", count))
        else:
            self.count_label.setText(self.tr("More than %Ln article(s)", "", count))
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
