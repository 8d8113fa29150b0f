"""The main window's spelling: its ``SpellingService`` given to every field where prose is
written (the editor's, the Pictures and Credits pane's, the picture library's), the library's
newsroom dictionary read when a library opens, words added by the person stored through the
use case, and spelling mistakes of the headline and standfirst in the checks panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from copydesk.articles import dictionary
from copydesk.errors import describe
from copydesk.qt.editor.spelling import SpellingService

if TYPE_CHECKING:
    from copydesk.qt.window.main_window import MainWindow
    from copydesk.records.dictionary import DictionaryEntry

MESSAGE_MS = 10_000
RESUME_AFTER_PAINT_MS = 3_000  # at the latest


class WindowSpelling(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # Dictionaries are opened on a thread of their own once the first article is drawn
        # (or a moment after the first paint, whatever happens to the library): the window
        # and its first article show as fast as without spelling.
        self._runner = window.runner.sibling("copydesk-spelling")
        self.service = SpellingService(self, runner=self._runner, paused=True)
        window.article_ready.connect(self.service.resume)
        window.first_painted.connect(
            lambda: QTimer.singleShot(RESUME_AFTER_PAINT_MS, self.service, self.service.resume)
        )
        self.service.set_store(self._store)
        self.service.unavailable.connect(self._say)
        self.service.changed.connect(lambda _language: window.checks.schedule())
        window.editor.set_spelling(self.service)
        window.credits_pane.set_spelling(self.service)
        window.checks.spelling = self.service.speller
        window.library_opened.connect(self.load_words)

    def load_words(self) -> None:
        """Read the newsroom dictionary of the library just opened."""
        library = self._window.library
        if library is None:
            return

        def loaded(entries: list[DictionaryEntry]) -> None:
            if self._window.library is library:
                self.service.set_words(entries)

        self._window.runner.run(
            lambda: dictionary.dictionary_words(library),
            loaded,
            lambda error: self._say(describe(error)),
        )

    def _store(self, word: str, language: str) -> None:
        window = self._window
        library = window.library_for_writing()
        if library is None:
            return
        who = window.preferences.current().who()
        window.runner.run(
            lambda: dictionary.add_dictionary_word(library, word, language, who),
            None,
            lambda error: self._say(describe(error)),
        )

    def shutdown(self) -> None:
        """The window is closing: a dictionary being opened is not waited for."""
        self._runner.shutdown(finish_queued=False)

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, MESSAGE_MS)
