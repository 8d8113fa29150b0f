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
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

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
        """Show ``problems``, keeping the selection on the same problem when it is still
        there (same code, field and position; else the same code in the same field)."""
        if problems == self.model.problems:
            return  # the check runs after every pause in typing; most runs change nothing
        selected = self.selected_problem()
        self.model.replace(problems)
        if selected is not None:
            self._select(_closest(problems, selected))
        self._show_summary()
        self._update_buttons()

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
