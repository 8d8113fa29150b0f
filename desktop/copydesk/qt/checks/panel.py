"""The list of an article's editorial problems, with buttons to fix them.

The panel only shows problems and says what the user asked for: ``jump_requested`` with a
``Problem`` to show in the editor, ``fix_requested`` with the ``Problem`` objects to fix. The
window owns the article, so it applies the fixes (``text_fixes.apply_text_fix``) and runs the
checks again.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.checks.messages import problem_location, problem_message
from copydesk.qt.checks.problem_diff import align
from copydesk.records.problem import Problem, Severity

ProblemRole = Qt.ItemDataRole.UserRole + 1
_ModelIndex = QModelIndex | QPersistentModelIndex


class ProblemListModel(QAbstractListModel):
    """Rows of problems; their text is built when a row is shown, not for all 500 at once."""

    def __init__(self, icons: dict[Severity, QIcon], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self.problems: list[Problem] = []

    def replace(self, problems: list[Problem]) -> None:
        """Go to ``problems`` by difference: rows of problems that are still there stay (and
        the view's selection and scroll position with them), the others come and go."""
        new = list(problems)
        steps = align(self.problems, new)
        # A reset when there is no row to keep (a first check, no problem left, nothing in
        # common: the view has no place to keep) or too many changes to align cheaply.
        if steps is None or not any(tag == "equal" for tag, *_ in steps):
            self.beginResetModel()
            self.problems = new
            self.endResetModel()
            return
        root = QModelIndex()
        # Rows before ``j1`` are already the new list's, so each step starts at row ``j1``.
        for tag, i1, i2, j1, j2 in steps:
            if tag == "delete":
                self.beginRemoveRows(root, j1, j1 + i2 - i1 - 1)
                del self.problems[j1 : j1 + i2 - i1]
                self.endRemoveRows()
            elif tag == "insert":
                self.beginInsertRows(root, j1, j2 - 1)
                self.problems[j1:j1] = new[j1:j2]
                self.endInsertRows()
            else:
                self._update(j1, new[j1:j2])

    def _update(self, first: int, problems: list[Problem]) -> None:
        """Store the problems that moved or changed, one ``dataChanged`` per run of rows."""
        run_start: int | None = None
        for row, problem in enumerate(problems, first):
            changed = self.problems[row] != problem
            if changed:
                self.problems[row] = problem
                if run_start is None:
                    run_start = row
            elif run_start is not None:
                self.dataChanged.emit(self.index(run_start), self.index(row - 1))
                run_start = None
        if run_start is not None:
            self.dataChanged.emit(self.index(run_start), self.index(first + len(problems) - 1))

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's API)
        return 0 if parent.isValid() else len(self.problems)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.problems):
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{problem_location(problem)} — {problem_message(problem)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[problem.severity]
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem_message(problem)
        if role == ProblemRole:
            return problem
        return None


class ChecksPanel(QWidget):
    """``set_problems`` shows the latest check; the signals carry what the user asked for."""

    jump_requested = Signal(object)  # a Problem
    fix_requested = Signal(object)  # a list of Problems

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style = self.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self._no_problem_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        self._build()
        self._show_summary()
        self._update_buttons()

    def _build(self) -> None:
        self.summary_icon = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("checks-summary")
        self.model = ProblemListModel(self._icons, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.fix_button = QPushButton(self.tr("Fix"), self)
        self.fix_button.setToolTip(self.tr("Correct the selected problem"))
        self.fix_button.clicked.connect(self._fix_selected)
        self.fix_all_button = QPushButton(self.tr("Fix all typography"), self)
        self.fix_all_button.setToolTip(self.tr("Correct every typography problem at once"))
        self.fix_all_button.clicked.connect(self._fix_all_typography)

        header = QHBoxLayout()
        header.addWidget(self.summary_icon)
        header.addWidget(self.summary, 1)
        buttons = self._buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.fix_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side while they fit, one above the other in a narrow column: never cut.
        needed = self.fix_button.sizeHint().width() + self.fix_all_button.sizeHint().width() + 12
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self._buttons.direction() != direction:
            self._buttons.setDirection(direction)
        super().resizeEvent(event)

    # -- showing ------------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        return list(self.model.problems)

    def set_problems(self, problems: list[Problem]) -> None:
        """Show ``problems``, keeping the selection and the top of the list on the same
        problems when they are still there (matched by ``problem_diff``, whatever their
        position); a selected problem that is gone gives way to the nearest one of its code in
        its field."""
        if problems == self.model.problems:
            return  # the check runs after every pause in typing; most runs change nothing
        selected = self.selected_problem()
        current = QPersistentModelIndex(self.view.currentIndex())
        top = self._top_row()
        self.model.replace(problems)
        # Rows removed or inserted above would otherwise slide the list under the user's eyes.
        self._keep_at_top(top)
        if selected is not None and not current.isValid():
            # Its row was removed (or the model reset); when it survives, Qt's selection
            # model has followed it already.
            self._select(_closest(problems, selected))
        self._show_summary()
        self._update_buttons()

    def _top_row(self) -> tuple[QPersistentModelIndex, int, int] | None:
        """The first row in sight, its row number and how far above the viewport it starts."""
        index = self.view.indexAt(QPoint(0, 0))
        if not index.isValid():
            return None
        return QPersistentModelIndex(index), index.row(), self.view.visualRect(index).top()

    def _keep_at_top(self, top: tuple[QPersistentModelIndex, int, int] | None) -> None:
        if top is None:
            return
        index, row, offset = top
        if not index.isValid() or index.row() == row:
            return
        self.view.scrollTo(self.model.index(index.row()), QListView.ScrollHint.PositionAtTop)
        if self.view.verticalScrollMode() == QListView.ScrollMode.ScrollPerPixel:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() - offset)  # the part of the row that was above

    def selected_problem(self) -> Problem | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.problems[index.row()]

    def select_problem(self, problem: Problem) -> None:
        self._select(self.model.problems.index(problem) if problem in self.model.problems else None)

    def _select(self, row: int | None) -> None:
        if row is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
        else:
            self.view.setCurrentIndex(self.model.index(row))

    def _show_summary(self) -> None:
        problems = self.model.problems
        errors = sum(1 for problem in problems if problem.severity is Severity.ERROR)
        warnings = len(problems) - errors
        if not problems:
            icon, text = self._no_problem_icon, self.tr("No problems")
        else:
            icon = self._icons[Severity.ERROR if errors else Severity.WARNING]
            text = ", ".join(
                part
                for count, part in (
                    (errors, self._count_errors(errors)),
                    (warnings, self._count_warnings(warnings)),
                )
                if count
            )
        size = self.summary.fontMetrics().height()
        self.summary_icon.setPixmap(icon.pixmap(size, size))
        self.summary.setText(text)

    def _count_errors(self, count: int) -> str:
        return self.tr("%n error(s)", "", count)

    def _count_warnings(self, count: int) -> str:
        return self.tr("%n warning(s)", "", count)

    def summary_text(self) -> str:
        return self.summary.text()

    # -- user actions -------------------------------------------------------------------------

    def _jump(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jump_requested.emit(self.model.problems[index.row()])

    def _update_buttons(self) -> None:
        selected = self.selected_problem()
        self.fix_button.setEnabled(selected is not None and selected.fix is not None)
        self.fix_all_button.setEnabled(bool(self._typography_fixes()))

    def _fix_selected(self) -> None:
        selected = self.selected_problem()
        if selected is not None and selected.fix is not None:
            self.fix_requested.emit([selected])

    def _fix_all_typography(self) -> None:
        fixable = self._typography_fixes()
        if fixable:
            self.fix_requested.emit(fixable)

    def _typography_fixes(self) -> list[Problem]:
        return [p for p in self.model.problems if p.is_typography and p.fix is not None]


def _closest(problems: list[Problem], selected: Problem) -> int | None:
    """The row of the same problem, else of the nearest one with its code in its field."""
    same_kind: list[tuple[int, int]] = []
    for row, problem in enumerate(problems):
        if (problem.code, problem.field) != (selected.code, selected.field):
            continue
        if problem.start == selected.start:
            return row
        same_kind.append((abs(problem.start - selected.start), row))
    return min(same_kind)[1] if same_kind else None
