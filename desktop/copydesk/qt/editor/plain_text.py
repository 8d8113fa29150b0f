"""The exact text of a plain-text editor.

``QPlainTextEdit.toPlainText()`` turns non-breaking spaces into ordinary spaces, which would
silently undo French typography (« », the space before : ; ! ?) on every save. The raw text
keeps them; only Qt's own block and line separators become newlines.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit


def exact_text(editor: QPlainTextEdit) -> str:
    # str.replace, not str.translate: 200 times faster on a long article (autosave runs it).
    raw = editor.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")
