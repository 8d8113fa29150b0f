"""The body editor: plain-text Markdown with highlighting and formatting shortcuts.

Every formatting command is one edit block, so one Ctrl+Z takes it back, and each toggles:
applied to text that already has it, it takes it away.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from copydesk.qt.editor.highlighter import MarkdownHighlighter

_HEADING_PREFIX = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_WEB_URL = re.compile(r"https?://\S+")
URL_PLACEHOLDER = "url"


LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
LIST_INDENT = 4  # Python-Markdown nests a list four spaces in


class MarkdownEditor(QPlainTextEdit):
    """Emits ``content_edited`` when the text changes (not when only its colours do)."""

    content_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Connected before the highlighter exists: it is told nothing about this editor.
        self.document().contentsChange.connect(self._on_contents_change)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette(), self.font(), self)
        self._format_actions = self._build_format_actions()

    # ---- actions --------------------------------------------------------------------------

    def format_actions(self) -> list[QAction]:
        """Bold, italic, link, headings 1–6 and paragraph, with their shortcuts (for menus)."""
        return list(self._format_actions)

    def _build_format_actions(self) -> list[QAction]:
        commands: list[tuple[str, str, Callable[[], None]]] = [
            (self.tr("&Bold"), "Ctrl+B", self.toggle_bold),
            (self.tr("&Italic"), "Ctrl+I", self.toggle_italic),
            (self.tr("&Link"), "Ctrl+K", self.toggle_link),
        ]
        for level in range(1, 7):
            commands.append(
                (
                    self.tr("Heading &%1").replace("%1", str(level)),
                    f"Ctrl+{level}",
                    lambda _checked=False, level=level: self.toggle_heading(level),
                )
            )
        commands.append((self.tr("&Paragraph"), "Ctrl+0", self.make_paragraph))
        actions = []
        for text, shortcut, command in commands:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(command)
            self.addAction(action)
            actions.append(action)
        return actions

    def _action_for(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self._format_actions:
            if action.shortcut() == pressed:
                return action
        return None

    def event(self, event: QEvent) -> bool:
        # QPlainTextEdit claims some of these keys for itself (Ctrl+K deletes to the end of
        # the line on X11): claim them first, then run the action in keyPressEvent.
        overridden = event.type() == QEvent.Type.ShortcutOverride
        if overridden and isinstance(event, QKeyEvent) and self._action_for(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._action_for(event)
        if action is not None:
            action.trigger()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._tab(event):
            return
        super().keyPressEvent(event)

    def _tab(self, event: QKeyEvent) -> bool:
        """Tab indents a list item (Shift+Tab outdents it) and otherwise moves the focus on:
        a tab character in Markdown is invisible, and two make a code block by accident."""
        plain = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain != Qt.KeyboardModifier.NoModifier:
            return False  # Ctrl+Tab and the like belong to the window
        outdent = event.key() == Qt.Key.Key_Backtab or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        blocks = self._selected_blocks()
        if not LIST_ITEM.match(blocks[0].text()):
            # QWidget's: QPlainTextEdit's own refuses to move while the text is editable.
            QWidget.focusNextPrevChild(self, not outdent)
            return True
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in blocks:
            if not LIST_ITEM.match(block.text()):
                continue
            line = QTextCursor(block)
            if outdent:
                spaces = len(block.text()) - len(block.text().lstrip(" "))
                line.movePosition(
                    QTextCursor.MoveOperation.NextCharacter,
                    QTextCursor.MoveMode.KeepAnchor,
                    min(spaces, LIST_INDENT),
                )
                line.removeSelectedText()
            else:
                line.insertText(" " * LIST_INDENT)
        cursor.endEditBlock()
        return True

    # ---- inline formatting ------------------------------------------------------------------

    def toggle_bold(self) -> None:
        self._toggle_emphasis(2)

    def toggle_italic(self) -> None:
        self._toggle_emphasis(1)

    def _toggle_emphasis(self, strength: int) -> None:
        """``strength`` 1 is *italic*, 2 is **bold**; *** counts as both."""
        cursor = self._selection_or_word()
        start, end = _inside_markers(cursor)
        marker_char, before, after = self._marker_runs(start, end)
        applied = _has_strength(before, strength) and _has_strength(after, strength)
        cursor.beginEditBlock()
        if applied:
            _delete(cursor, end, end + strength)
            _delete(cursor, start - strength, start)
            start, end = start - strength, end - strength
        else:
            marker = (marker_char or "*") * strength
            _insert(cursor, end, marker)
            _insert(cursor, start, marker)
            start, end = start + strength, end + strength
        cursor.endEditBlock()
        self._select(start, end)

    def _marker_runs(self, start: int, end: int) -> tuple[str, int, int]:
        """The emphasis character (* or _) around ``start``–``end`` and how many of it sit
        right before and right after."""
        block_text, block_start = self._block_text_around(start)
        before_text = block_text[: start - block_start]
        after_text = block_text[end - block_start :] if end - block_start <= len(block_text) else ""
        for char in "*_":
            before = len(before_text) - len(before_text.rstrip(char))
            after = len(after_text) - len(after_text.lstrip(char))
            if before and after:
                return char, before, after
        return "", 0, 0

    # ---- links --------------------------------------------------------------------------------

    def toggle_link(self) -> None:
        """[selection](url) with "url" selected for typing, or the clipboard's web address
        with the cursor after it; inside a link, the link is taken away and its text kept."""
        if self._remove_link_at_cursor():
            return
        cursor = self._selection_or_word()
        label = cursor.selectedText()
        clipboard = QGuiApplication.clipboard().text().strip()
        url = clipboard if _WEB_URL.fullmatch(clipboard) else ""
        start = cursor.selectionStart()
        cursor.beginEditBlock()
        cursor.insertText(f"[{label}]({url or URL_PLACEHOLDER})")
        cursor.endEditBlock()
        if url:
            self._select(cursor.position(), cursor.position())
        else:
            url_start = start + len(label) + 3  # past "[label]("
            self._select(url_start, url_start + len(URL_PLACEHOLDER))

    def _remove_link_at_cursor(self) -> bool:
        cursor = self.textCursor()
        block_text, block_start = self._block_text_around(cursor.selectionStart())
        start, end = cursor.selectionStart() - block_start, cursor.selectionEnd() - block_start
        for match in re.finditer(r"(?<!!)\[([^\]\n]*)\]\([^)\n]*\)", block_text):
            if match.start() <= start and end <= match.end() and start <= match.end(1):
                edit = QTextCursor(self.document())
                edit.setPosition(block_start + match.start())
                edit.setPosition(block_start + match.end(), QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(match[1])  # one change, so one undo step
                label_start = block_start + match.start()
                self._select(label_start, label_start + len(match[1]))
                return True
        return False

    # ---- headings -------------------------------------------------------------------------

    def toggle_heading(self, level: int) -> None:
        """Make the selected lines headings of ``level``, or paragraphs if they all are."""
        blocks = [block for block in self._selected_blocks() if block.text().strip()]
        if not blocks:
            blocks = self._selected_blocks()[:1]
        wanted = "#" * level + " "
        if all(_heading_prefix(block.text()).strip() == wanted.strip() for block in blocks):
            wanted = ""
        self._set_heading_prefixes(blocks, wanted)

    def make_paragraph(self) -> None:
        self._set_heading_prefixes(self._selected_blocks(), "")

    def _set_heading_prefixes(self, blocks: list[QTextBlock], prefix: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for block in blocks:
            current = _heading_prefix(block.text())
            if current == prefix:
                continue
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + len(current), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(prefix)
        cursor.endEditBlock()

    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
            last = last.previous()  # a selection ending at a line's start leaves that line out
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        return blocks

    # ---- pasting ------------------------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Always plain text: formatting copied from a web page or a word processor is
        dropped, and Windows line endings become plain ones."""
        if not source.hasText():
            return
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        self.textCursor().insertText(text)
        self.ensureCursorVisible()

    # ---- signals and theme ------------------------------------------------------------------

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if removed or added:  # the highlighter's passes change formats only
            self.content_edited.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.highlighter.set_palette(self.palette(), self.font())

    # ---- helpers ------------------------------------------------------------------------------

    def _selection_or_word(self) -> QTextCursor:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            if not _is_word(cursor.selectedText()):
                cursor = self.textCursor()  # between words: format at the cursor
        return cursor

    def _block_text_around(self, position: int) -> tuple[str, int]:
        block = self.document().findBlock(position)
        return block.text(), block.position()

    def _select(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)


def _has_strength(run: int, strength: int) -> bool:
    """A run of 3 markers is both bold and italic; 1 is italic, 2 bold."""
    return run >= strength and (run == 3 or run == strength)


def _inside_markers(cursor: QTextCursor) -> tuple[int, int]:
    """The selection without the emphasis markers it may include ("**word**" → "word")."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    text = cursor.selectedText()
    for char in "*_":
        inner = text.strip(char)
        if inner and len(inner) < len(text) and text.startswith(char) and text.endswith(char):
            leading = len(text) - len(text.lstrip(char))
            return start + leading, start + leading + len(inner)
    return start, end


def _is_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _heading_prefix(line: str) -> str:
    match = _HEADING_PREFIX.match(line)
    return match.group() if match else ""


def _insert(cursor: QTextCursor, position: int, text: str) -> None:
    cursor.setPosition(position)
    cursor.insertText(text)


def _delete(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
