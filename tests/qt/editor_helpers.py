"""Helpers for the editor's tests: an article editor on an article, its body's state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.editor.markdown_editor import MarkdownEditor
from copydesk.records.article import ArticleContent, ArticleRecord

MakeEditor = Callable[..., ArticleEditor]


def article_record(body: str = "", **content: object) -> ArticleRecord:
    """An article as the library would hand it to the editor."""
    now = datetime(2025, 3, 15, 9, 0)
    return ArticleRecord(
        id=1,
        uuid="00000000-0000-0000-0000-000000000001",
        slug="article",
        content=ArticleContent(body=body, **content),  # type: ignore[arg-type]
        created_at=now,
        updated_at=now,
    )


def open_editor(qtbot: QtBot, body: str = "", **content: object) -> ArticleEditor:
    """A shown, active article editor holding an article with ``body``."""
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.load(article_record(body, **content))
    editor.resize(900, 700)
    with qtbot.waitActive(editor):  # shortcuts work only in the active window
        editor.show()
        editor.activateWindow()
    editor.body.setFocus()
    return editor


def select(body: MarkdownEditor, start: int, end: int | None = None) -> None:
    """Put the cursor at ``start``, or select ``start``–``end``."""
    cursor = body.textCursor()
    cursor.setPosition(start)
    if end is not None:
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
