"""The outline panel: the body's headings, and jumping to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copydesk.qt.editor.article_editor import ArticleEditor
from tests.qt.editor_helpers import open_editor, select
from tests.qt.qt_helpers import type_text

BODY = "\n".join(
    ["# Le ferry", "", "Texte."]
    + ["```", "# pas un titre", "```"]
    + [f"Paragraphe {n}." for n in range(200)]
    + ["## Le port", "Texte.", "### Les quais"]
    + [f"Suite {n}." for n in range(200)]
    + ["Fin."]
)


def listed(editor: ArticleEditor) -> list[str]:
    outline = editor.outline.list
    return [outline.item(row).text() for row in range(outline.count())]


def shown_outline(qtbot: QtBot, body: str = BODY) -> ArticleEditor:
    editor = open_editor(qtbot, body)
    editor.outline.resize(250, 400)
    editor.outline.show()
    qtbot.addWidget(editor.outline)
    return editor


def test_the_outline_lists_headings_but_not_lines_in_code(qtbot: QtBot) -> None:
    editor = shown_outline(qtbot)
    assert listed(editor) == ["Le ferry", "Le port", "Les quais"]
    assert [h.level for h in editor.outline.headings()] == [1, 2, 3]


def test_the_outline_follows_edits_after_a_pause(qtbot: QtBot) -> None:
    editor = shown_outline(qtbot)
    select(editor.body, len(editor.body.toPlainText()))
    type_text(editor.body, "\n## Annexe")
    assert listed(editor)[-1] == "Les quais"  # not yet: typing is not interrupted
    qtbot.waitUntil(lambda: listed(editor)[-1] == "Annexe")


def test_clicking_a_heading_moves_the_cursor_there_and_focuses_the_body(qtbot: QtBot) -> None:
    editor = shown_outline(qtbot)
    editor.outline.list.setFocus()
    item = editor.outline.list.item(1)
    rect = editor.outline.list.visualItemRect(item)
    QTest.mouseClick(editor.outline.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = editor.body.textCursor()
    assert cursor.block().text() == "## Le port"
    assert cursor.positionInBlock() == 0
    assert editor.focusWidget() is editor.body  # the panel is another window here
    # Near the top: the heading is among the first visible lines.
    first_visible = editor.body.cursorForPosition(editor.body.viewport().rect().topLeft())
    assert 0 <= cursor.blockNumber() - first_visible.blockNumber() <= 2


def test_the_heading_the_cursor_is_under_is_marked(qtbot: QtBot) -> None:
    editor = shown_outline(qtbot)
    select(editor.body, 0)
    assert editor.outline.list.currentRow() == 0
    select(editor.body, len(editor.body.toPlainText()))
    assert editor.outline.list.currentRow() == 2
    assert editor.body.textCursor().block().text() == "Fin."  # marking did not jump
