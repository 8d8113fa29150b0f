"""The inline find/replace bar under the body.

Matches are found with Python's ``re`` on a copy of the body's text (copydesk.text.search),
taken again only after the body changed. Python counts characters in code points and Qt in
UTF-16 units, so positions are converted where the text holds characters beyond the BMP
(emoji).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from copydesk.qt.editor.markdown_editor import MarkdownEditor
from copydesk.qt.editor.palette_colours import warning_colour
from copydesk.qt.editor.plain_text import exact_text
from copydesk.text.search import (
    SearchError,
    SearchOptions,
    compile_search,
    find_spans,
    replacement_for,
)

# After an edit, matches are counted again once typing pauses for this long.
RECOUNT_DELAY_MS = 250
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


class _BodyText:
    """The body's text as Python sees it, with conversions to and from Qt positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._wide = [match.start() for match in _BEYOND_BMP.finditer(text)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._wide, index) if self._wide else index

    def from_qt(self, position: int) -> int:
        if not self._wide:
            return position
        # Each wide character before ``index`` takes two Qt positions.
        low, high = 0, position
        while low < high:
            middle = (low + high) // 2
            if self.to_qt(middle) < position:
                low = middle + 1
            else:
                high = middle
        return low


class FindBar(QWidget):
    def __init__(self, body: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._body = body
        self._body_text: _BodyText | None = None  # None: to be read again
        self._pattern: re.Pattern[str] | None = None
        self._spans: list[tuple[int, int]] = []  # in Python indices of _body_text
        self._error = ""  # why the pattern is invalid, shown instead of the count
        self._build_widgets()
        self._build_layout()
        self._connect()
        self.setVisible(False)

    # ---- construction ---------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("findField")
        self.find_field.setPlaceholderText(self.tr("Find"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setMinimumWidth(80)
        self.replace_field = QLineEdit(self)
        self.replace_field.setObjectName("replaceField")
        self.replace_field.setPlaceholderText(self.tr("Replace with"))
        # Toggles as short as an editor's (Aa, W, .*): the bar fits the narrowest editor column.
        self.match_case = self._option(self.tr("Aa"), self.tr("Match case"))
        self.whole_word = self._option(self.tr("W", "whole word"), self.tr("Whole word"))
        self.regex = self._option(
            ".*",
            self.tr("Regular expression")
            + "\n"
            + self.tr("Python syntax; \\1 in the replacement inserts group 1"),
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        widest = self.tr("%1 of %2").replace("%1", "0000").replace("%2", "0000")
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.previous_button = self._tool_button("↑", self.tr("Previous match (Shift+F3)"))
        self.next_button = self._tool_button("↓", self.tr("Next match (F3)"))
        self.close_button = self._tool_button("×", self.tr("Close (Escape)"))
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace All"), self)
        self._replace_widgets: tuple[QWidget, ...] = (
            self.replace_field,
            self.replace_button,
            self.replace_all_button,
        )

    def _option(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.splitlines()[0])
        button.setCheckable(True)
        return button

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _build_layout(self) -> None:
        find_row = QHBoxLayout()
        for widget in (self.find_field, self.count_label, self.previous_button, self.next_button):
            find_row.addWidget(widget, 1 if widget is self.find_field else 0)
        find_row.addSpacing(4)
        for widget in (self.match_case, self.whole_word, self.regex, self.close_button):
            find_row.addWidget(widget)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_field, 1)
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        # The replace field lines up with the find field above it.
        replace_row.addSpacing(self._find_row_tail_width())
        for row in (find_row, replace_row):  # the fields take the room, nothing else
            for index in range(row.count()):
                widget = row.itemAt(index).widget()
                if widget is not None and not isinstance(widget, QLineEdit):
                    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 4, 0, 0)
        rows.setSpacing(4)
        rows.addLayout(find_row)
        rows.addLayout(replace_row)

    def _find_row_tail_width(self) -> int:
        tail = (self.match_case, self.whole_word, self.regex, self.close_button)
        return sum(widget.sizeHint().width() for widget in tail) + 4 + 6 * len(tail)

    def _connect(self) -> None:
        self.find_field.textEdited.connect(self._on_query_edited)
        for option in (self.match_case, self.whole_word, self.regex):
            option.toggled.connect(self._on_query_edited)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.replace_field.returnPressed.connect(self.replace_current)
        self.find_field.installEventFilter(self)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)

        self._recount_timer = QTimer(self)
        self._recount_timer.setSingleShot(True)
        self._recount_timer.setInterval(RECOUNT_DELAY_MS)
        self._recount_timer.timeout.connect(self._recount)
        self._body.content_edited.connect(self._on_body_edited)
        self._body.selectionChanged.connect(self._show_count)

    # ---- opening and closing -------------------------------------------------------------

    def open_find(self) -> None:
        self._open(replace=False)

    def open_replace(self) -> None:
        self._open(replace=True)

    def _open(self, *, replace: bool) -> None:
        selected = self._body.textCursor().selectedText()
        if selected and "\u2029" not in selected:  # a word or phrase: what to look for
            self.find_field.setText(re.escape(selected) if self.regex.isChecked() else selected)
        for widget in self._replace_widgets:
            widget.setVisible(replace)
        self.setVisible(True)
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()
        self._update_matches()
        self._show_count()

    def close_bar(self) -> None:
        self.setVisible(False)
        self._recount_timer.stop()
        self._body.setFocus(Qt.FocusReason.OtherFocusReason)

    def replace_visible(self) -> bool:
        return self.isVisible() and self.replace_field.isVisible()

    # ---- searching --------------------------------------------------------------------------

    def options(self) -> SearchOptions:
        return SearchOptions(
            match_case=self.match_case.isChecked(),
            whole_word=self.whole_word.isChecked(),
            regex=self.regex.isChecked(),
        )

    def match_count(self) -> int:
        return len(self._spans)

    def current_match(self) -> int:
        """The index of the match selected in the body, or -1."""
        text = self._text()
        cursor = self._body.textCursor()
        span = (text.from_qt(cursor.selectionStart()), text.from_qt(cursor.selectionEnd()))
        index = bisect_left(self._spans, span)
        return index if index < len(self._spans) and self._spans[index] == span else -1

    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _step(self, *, forward: bool) -> None:
        self._update_matches_if_stale()
        if not self._spans:
            return
        text = self._text()
        cursor = self._body.textCursor()
        if forward:  # the first match starting after the selection's start, wrapping
            after = text.from_qt(cursor.selectionStart())
            index = bisect_right(self._spans, (after, len(text.text) + 1))
            if self.current_match() < 0:
                index = bisect_left(self._spans, (after, 0))
            index %= len(self._spans)
        else:  # the last match starting before the selection, wrapping
            before = text.from_qt(cursor.selectionStart())
            index = (bisect_left(self._spans, (before, 0)) - 1) % len(self._spans)
        self._select_match(index)

    def _on_query_edited(self, *_args: object) -> None:
        """Search as the query is typed, from where the current selection starts."""
        self._update_matches()
        if self._spans:
            text = self._text()
            start = text.from_qt(self._body.textCursor().selectionStart())
            self._select_match(bisect_left(self._spans, (start, 0)) % len(self._spans))
        self._show_count()

    def _select_match(self, index: int) -> None:
        start, end = self._spans[index]
        text = self._text()
        cursor = self._body.textCursor()
        cursor.setPosition(text.to_qt(start))
        cursor.setPosition(text.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self._body.setTextCursor(cursor)
        self._body.centerCursor()
        self._show_count()

    def _update_matches(self) -> None:
        self._recount_timer.stop()
        self._spans = []
        self._pattern = None
        self._error = ""
        query = self.find_field.text()
        if not query:
            return
        try:
            self._pattern = compile_search(query, self.options())
        except SearchError as error:
            self._error = self.tr("Invalid pattern: %1").replace("%1", str(error))
            return
        self._spans = find_spans(self._pattern, self._text().text)

    def _update_matches_if_stale(self) -> None:
        if self._body_text is None or self._recount_timer.isActive():
            self._update_matches()

    def _text(self) -> _BodyText:
        if self._body_text is None:
            self._body_text = _BodyText(exact_text(self._body))  # no-break spaces kept
        return self._body_text

    def _on_body_edited(self) -> None:
        self._body_text = None
        if self.isVisible():
            self._recount_timer.start()

    def _recount(self) -> None:
        self._update_matches()
        self._show_count()

    # ---- replacing ----------------------------------------------------------------------------

    def replace_current(self) -> None:
        """Replace the selected match, then select the next one."""
        self._update_matches_if_stale()
        index = self.current_match()
        if index < 0:
            self.find_next()
            return
        try:
            replacement = self._replacement(index)
        except SearchError as error:
            self._show_message(self.tr("Invalid replacement: %1").replace("%1", str(error)))
            return
        cursor = self._body.textCursor()
        cursor.insertText(replacement)
        self._body.setTextCursor(cursor)
        self._update_matches()
        self.find_next()
        self._show_count()

    def replace_all(self) -> None:
        """Replace every match, as one step that one Ctrl+Z takes back."""
        self._update_matches_if_stale()
        if not self._spans:
            return
        try:
            replacements = [self._replacement(index) for index in range(len(self._spans))]
        except SearchError as error:
            self._show_message(self.tr("Invalid replacement: %1").replace("%1", str(error)))
            return
        text = self._text()
        cursor = QTextCursor(self._body.document())
        cursor.beginEditBlock()
        for (start, end), replacement in zip(
            reversed(self._spans), reversed(replacements), strict=True
        ):  # from the end, so the positions still to replace do not move
            cursor.setPosition(text.to_qt(start))
            cursor.setPosition(text.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        count = len(replacements)
        self._update_matches()
        self._show_message(self.tr("Replaced %n match(es)", "", count))

    def _replacement(self, index: int) -> str:
        assert self._pattern is not None
        start, _end = self._spans[index]
        match = self._pattern.search(self._text().text, start)
        assert match is not None and match.span() == self._spans[index]
        return replacement_for(match, self.replace_field.text(), self.options().regex)

    # ---- the count ----------------------------------------------------------------------------

    def _show_count(self) -> None:
        if not self.isVisible():
            return
        if self._error:
            self._show_message(self._error, warning=True)
        elif not self.find_field.text():
            self._show_message("")
        elif not self._spans:
            self._show_message(self.tr("No matches"), warning=True)
        elif (index := self.current_match()) >= 0:
            locale = QLocale()
            position = self.tr("%1 of %2").replace("%1", locale.toString(index + 1))
            self._show_message(position.replace("%2", locale.toString(len(self._spans))))
        else:
            self._show_message(self.tr("%Ln match(es)", "", len(self._spans)))

    def _show_message(self, message: str, *, warning: bool = False) -> None:
        self.count_label.setText(message)
        colour = warning_colour(self.palette()).name() if warning else ""
        self.count_label.setStyleSheet(f"color: {colour}" if colour else "")

    # ---- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter finds the next match, Shift+Enter the previous one."""
        if watched is self.find_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)
