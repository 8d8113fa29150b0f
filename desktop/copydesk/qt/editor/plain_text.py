"""The exact text of a plain-text editor.

``QPlainTextEdit.toPlainText()`` turns non-breaking spaces into ordinary spaces, which would
silently undo French typography (« », the space before : ; ! ?) on every save. The raw text
keeps them; only Qt's own block and line separators become newlines.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

_SEPARATORS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})


def exact_text(editor: QPlainTextEdit) -> str:
    return editor.document().toRawText().translate(_SEPARATORS)
