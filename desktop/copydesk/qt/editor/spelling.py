"""Spelling as you type: misspelt words underlined (a red wavy line) where a person writes
prose, the body, headline, standfirst, captions and alt texts, in the article's language;
a right click on one offers the dictionary's suggestions (a click replaces the word, one undo
step) and "Add to the Newsroom Dictionary".

``SpellingService`` is the window's: one ``Speller`` per language, opened on the compute
thread the first time a field asks for it (Hunspell takes a few tens of milliseconds to
load), knowing the library's newsroom dictionary. The words a person adds are learnt at once
by every field and stored in the library through the use case the window gives
(``set_store``). Each field has its ``FieldSpelling``:

- ``BodySpelling``: the Markdown editor's own highlighter underlines, block by block, and
  only near the viewport (``MarkdownHighlighter.spelling_window``, kept here as it scrolls);
- ``TextSpelling``: a plain-text field (headline, standfirst, caption, alt text), a
  highlighter of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget
from shiboken6 import isValid

from copydesk.articles.dictionary import words_by_language
from copydesk.qt.editor.highlighter import (
    MarkdownHighlighter,
    Spans,
    Spelt,
    misspelt_format,
    utf16_spans,
)
from copydesk.qt.editor.markdown_editor import MarkdownEditor
from copydesk.records.dictionary import DictionaryEntry
from copydesk.text.spelling import (
    Misspelling,
    Speller,
    SpellingUnavailable,
    base_language,
    open_speller,
)

if TYPE_CHECKING:
    from copydesk.qt.tasks import TaskRunner

# Blocks this far above and below the viewport are spelt too: a little scrolling shows them
# ready.
MARGIN_BLOCKS = 20


class SpellingService(QObject):
    """The spellers of a window, by language, and the newsroom dictionary's words.

    ``changed(language)``: a speller opened or learnt words; the fields of that language
    check their text again. ``unavailable(reason)``: a language cannot be spelt (no
    dictionary installed…), once per language."""

    changed = Signal(str)
    unavailable = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
        paused: bool = False,
    ) -> None:
        super().__init__(parent)
        self._runner = runner  # where dictionaries are opened; None: at once, here
        self._paused = paused  # languages asked for are opened once ``resume`` is called
        self._asked: set[str] = set()
        self._spellers: dict[str, Speller] = {}
        self._reasons: dict[str, str] = {}
        self._opening: dict[str, int] = {}  # language → the epoch it is being opened for
        self._words: dict[str, set[str]] = {}
        self._epoch = 0  # bumped when words are taken away: spellers must be opened afresh
        self._store: Callable[[str, str], object] | None = None

    def speller(self, language: str) -> Speller | None:
        """The speller of ``language``; None while it is being opened (``changed`` follows)
        or when there is none (``reason`` says why)."""
        code = base_language(language)
        if not code:
            return None
        found = self._spellers.get(code)
        if found is None and code not in self._reasons:
            self._open(code)
            found = self._spellers.get(code)
        return found

    def reason(self, language: str) -> str | None:
        """Why ``language`` is not spelt, if it is not."""
        return self._reasons.get(base_language(language))

    def words(self, language: str) -> frozenset[str]:
        """The newsroom dictionary's words of ``language``."""
        return frozenset(self._words.get(base_language(language), ()))

    def set_store(self, store: Callable[[str, str], object] | None) -> None:
        """``store(word, language)`` keeps a word added by the person (in the library)."""
        self._store = store

    def set_words(self, entries: Iterable[DictionaryEntry]) -> None:
        """The library's newsroom dictionary (a library was opened)."""
        words = {base_language(code): found for code, found in words_by_language(entries).items()}
        taken_away = any(known - words.get(code, set()) for code, known in self._words.items())
        self._words = words
        if taken_away:  # a speller cannot forget: open them again
            self._epoch += 1
            for code in list(self._spellers):
                self._opening.pop(code, None)
                self._open(code)
            return
        for code, speller in self._spellers.items():
            new = words.get(code, set()) - speller.learnt
            if new:
                speller.learn(new)
                self.changed.emit(code)

    def add_word(self, language: str, word: str) -> None:
        """The person added ``word``: learnt now by every field, kept in the library."""
        code, word = base_language(language), word.strip()
        if not code or not word:
            return
        self._words.setdefault(code, set()).add(word)
        speller = self._spellers.get(code)
        if speller is not None:
            speller.learn([word])
        self.changed.emit(code)
        if self._store is not None:
            self._store(word, code)

    @property
    def paused(self) -> bool:
        """Whether dictionaries asked for wait for ``resume``."""
        return self._paused

    def resume(self) -> None:
        """Open the dictionaries asked for while paused (the window is painted now)."""
        self._paused = False
        for code in sorted(self._asked):
            self._open(code)
        self._asked.clear()

    def _open(self, code: str) -> None:
        if self._paused:
            self._asked.add(code)
            return
        if code in self._opening:
            return
        epoch = self._epoch
        self._opening[code] = epoch
        words = frozenset(self._words.get(code, ()))

        def job() -> Speller | SpellingUnavailable:
            try:
                return open_speller(code, words)
            except SpellingUnavailable as error:
                return error

        def done(result: Speller | SpellingUnavailable) -> None:
            if isValid(self):  # a window closed while its dictionary was opening
                self._opened(code, epoch, result)

        if self._runner is None:
            done(job())
        else:
            self._runner.run(job, done)

    def _opened(self, code: str, epoch: int, result: Speller | SpellingUnavailable) -> None:
        if self._opening.get(code) != epoch:
            return  # opened again since, with other words
        del self._opening[code]
        if isinstance(result, Speller):
            result.learn(self._words.get(code, ()))  # words added meanwhile
            self._spellers[code] = result
            self._reasons.pop(code, None)
        else:
            self._spellers.pop(code, None)
            if code not in self._reasons:
                self.unavailable.emit(str(result))
            self._reasons[code] = str(result)
        self.changed.emit(code)


# ---------------------------------------------------------------------------------------------
# Fields


class FieldSpelling(QObject):
    """The spelling of one field: the language it follows, its underlines, and the context
    menu's suggestions."""

    def __init__(self, widget: QWidget, service: SpellingService, language: str) -> None:
        super().__init__(widget)
        self.widget = widget
        self.service = service
        self.language = language
        service.changed.connect(self._service_changed)

    @property
    def speller(self) -> Speller | None:
        return self.service.speller(self.language)

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.refresh()

    def refresh(self) -> None:
        """Check the field's text again (a new speller, a word learnt)."""
        raise NotImplementedError

    def misspellings(self) -> list[str]:
        """The misspelt words underlined now, in order (for tests and tools)."""
        raise NotImplementedError

    def _service_changed(self, code: str) -> None:
        if code == base_language(self.language):
            self.refresh()

    # ---- the context menu -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            menu = self.context_menu(self._menu_position(event))
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False

    def _menu_position(self, event: QContextMenuEvent) -> int | QPoint:
        return event.pos()

    def context_menu(self, where: int | QPoint) -> QMenu:
        """The field's standard menu, with the suggestions for the misspelt word at
        ``where`` (a point of the field, or a character position) on top."""
        menu = self._standard_menu(where)
        found = self._mistake_at(where)
        speller = self.speller
        if found is None or speller is None:
            return menu
        (start, length, mistake), replace = found
        first = menu.actions()[0] if menu.actions() else None
        actions: list[QAction] = []
        for suggestion in speller.suggestions(mistake.word):
            action = QAction(suggestion, menu)
            bold = QFont(action.font())
            bold.setBold(True)
            action.setFont(bold)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: replace(start, length, mistake.word, s)
            )
            actions.append(action)
        if not actions:
            # One context for every kind of field (``self.tr`` would take the subclass's).
            none = QAction(QCoreApplication.translate("FieldSpelling", "No Suggestions"), menu)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(
            QCoreApplication.translate("FieldSpelling", "Add to the Newsroom Dictionary"), menu
        )
        add.setObjectName("addToDictionary")
        add.triggered.connect(lambda _checked=False: self.add_to_dictionary(mistake.word))
        actions.append(add)
        menu.insertActions(first, actions)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)
        return menu

    def add_to_dictionary(self, word: str) -> None:
        self.service.add_word(self.language, word)

    def _standard_menu(self, where: int | QPoint) -> QMenu:
        raise NotImplementedError

    def _mistake_at(
        self, where: int | QPoint
    ) -> tuple[tuple[int, int, Misspelling], Callable[[int, int, str, str], None]] | None:
        """The misspelt word at ``where`` and how to replace it, if there is one."""
        raise NotImplementedError


def _at(spans: Spans, position: int) -> tuple[int, int, Misspelling] | None:
    for span in spans:
        if span[0] <= position <= span[0] + span[1]:
            return span
    return None


class _DocumentSpelling(FieldSpelling):
    """A field with a QTextDocument (QPlainTextEdit): the menu, replacing a word."""

    editor: QPlainTextEdit

    def _attach_menu(self, editor: QPlainTextEdit) -> None:
        self.editor = editor
        self._viewport = editor.viewport()
        editor.installEventFilter(self)  # the menu key
        self._viewport.installEventFilter(self)  # the mouse

    def _menu_position(self, event: QContextMenuEvent) -> int | QPoint:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            return self.editor.textCursor().position()
        return event.pos()

    def _cursor_at(self, where: int | QPoint) -> QTextCursor:
        if isinstance(where, QPoint):
            return self.editor.cursorForPosition(where)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(where)
        return cursor

    def _standard_menu(self, where: int | QPoint) -> QMenu:
        point = (
            where
            if isinstance(where, QPoint)
            else self.editor.cursorRect(self._cursor_at(where)).center()
        )
        return self.editor.createStandardContextMenu(point)

    def _spans_of(self, block: QTextBlock) -> Spans:
        raise NotImplementedError

    def _mistake_at(
        self, where: int | QPoint
    ) -> tuple[tuple[int, int, Misspelling], Callable[[int, int, str, str], None]] | None:
        cursor = self._cursor_at(where)
        block = cursor.block()
        span = _at(self._spans_of(block), cursor.positionInBlock())
        if span is None:
            return None
        offset = block.position()

        def replace(start: int, length: int, word: str, replacement: str) -> None:
            edit = QTextCursor(self.editor.document())
            edit.setPosition(offset + start)
            edit.setPosition(offset + start + length, QTextCursor.MoveMode.KeepAnchor)
            if edit.selectedText() != word:
                return  # the text changed meanwhile
            edit.insertText(replacement)  # one edit: one undo step
            self.editor.setTextCursor(edit)

        return span, replace

    def misspellings(self) -> list[str]:
        words: list[str] = []
        block = self.editor.document().firstBlock()
        while block.isValid():
            words += [mistake.word for _start, _length, mistake in self._spans_of(block)]
            block = block.next()
        return words


class BodySpelling(_DocumentSpelling):
    """The body: the Markdown highlighter spells the blocks near the viewport."""

    def __init__(self, editor: MarkdownEditor, service: SpellingService, language: str) -> None:
        super().__init__(editor, service, language)
        self._attach_menu(editor)
        self.highlighter: MarkdownHighlighter = editor.highlighter
        self._window_timer = QTimer(self)
        self._window_timer.setSingleShot(True)
        self._window_timer.setInterval(0)
        self._window_timer.timeout.connect(self.follow_viewport)
        # (Not connected to ``start`` itself: the value would become the timer's interval.)
        editor.verticalScrollBar().valueChanged.connect(lambda _value: self._window_timer.start())
        editor.blockCountChanged.connect(lambda _count: self._window_timer.start())
        editor.document().contentsChange.connect(self._contents_changed)
        self.refresh()

    def refresh(self) -> None:
        speller = self.speller
        if speller is self.highlighter.speller:
            self.highlighter.spelling_changed()
        else:
            self.highlighter.set_speller(speller)

    def follow_viewport(self) -> None:
        """Spell the blocks shown (and a margin around them), now that they are."""
        editor = self.editor
        top = editor.cursorForPosition(QPoint(0, 0)).block().blockNumber()
        bottom = editor.cursorForPosition(QPoint(0, editor.viewport().height())).block()
        window = (max(0, top - MARGIN_BLOCKS), bottom.blockNumber() + MARGIN_BLOCKS)
        self.highlighter.spelling_window = window
        if self.highlighter.speller is not None:
            self.highlighter.respell_window()

    def _contents_changed(self, _position: int, removed: int, added: int) -> None:
        if removed > 1 or added > 1:  # a paste, a new article: typing stays in its block
            self._window_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._window_timer.start()
        return super().eventFilter(watched, event)

    def _spans_of(self, block: QTextBlock) -> Spans:
        return self.highlighter.misspellings_in(block)


class _PlainHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of a plain-text field, every block (fields are short)."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._format = misspelt_format()
        self.speller: Speller | None = None

    def highlightBlock(self, text: str) -> None:
        speller = self.speller
        if speller is None:
            return
        mistakes = utf16_spans(text, speller.line_misspellings(text)) if text else []
        for start, length, _mistake in mistakes:
            self.setFormat(start, length, self._format)
        data = self.currentBlockUserData()
        if isinstance(data, Spelt):
            data.mistakes = mistakes
        else:
            self.setCurrentBlockUserData(Spelt(0, mistakes))


class TextSpelling(_DocumentSpelling):
    """A plain-text field: the standfirst, a caption, an alt text."""

    def __init__(self, editor: QPlainTextEdit, service: SpellingService, language: str) -> None:
        super().__init__(editor, service, language)
        self._attach_menu(editor)
        self.highlighter = _PlainHighlighter(editor.document())
        self.refresh()

    def refresh(self) -> None:
        speller = self.speller
        if speller is None and self.highlighter.speller is None:
            return
        self.highlighter.speller = speller
        self.highlighter.rehighlight()

    def _spans_of(self, block: QTextBlock) -> Spans:
        if self.highlighter.speller is None:
            return []
        data = block.userData()
        return list(data.mistakes) if isinstance(data, Spelt) else []

    def misspellings(self) -> list[str]:
        """The misspelt words the field underlines, in order."""
        words = []
        block = self.editor.document().firstBlock()
        while block.isValid():
            words += [mistake.word for _start, _length, mistake in self._spans_of(block)]
            block = block.next()
        return words


def spell_field(widget: QPlainTextEdit, service: SpellingService, language: str) -> FieldSpelling:
    """The spelling for ``widget``, by its kind."""
    if isinstance(widget, MarkdownEditor):
        return BodySpelling(widget, service, language)
    return TextSpelling(widget, service, language)
