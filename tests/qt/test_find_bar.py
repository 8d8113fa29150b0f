"""The find/replace bar under the body."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copydesk.qt.editor.article_editor import ArticleEditor
from tests.qt.editor_helpers import open_editor, select
from tests.qt.qt_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def search(editor: ArticleEditor, query: str, **options: bool) -> None:
    bar = editor.find_bar
    bar.open_find()
    for name, checked in options.items():
        getattr(bar, name).setChecked(checked)
    bar.find_field.clear()
    type_text(bar.find_field, query)


def selection(editor: ArticleEditor) -> tuple[int, int, str]:
    cursor = editor.body.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd(), cursor.selectedText()


def test_ctrl_f_opens_the_bar_and_escape_gives_the_focus_back(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le ferry part.")
    assert not editor.find_bar.isVisible()
    QTest.keyClick(editor.body, Qt.Key.Key_F, CTRL)
    assert editor.find_bar.isVisible() and not editor.find_bar.replace_visible()
    assert QApplication.focusWidget() is editor.find_bar.find_field
    QTest.keyClick(editor.find_bar.find_field, Qt.Key.Key_Escape)
    assert not editor.find_bar.isVisible()
    assert QApplication.focusWidget() is editor.body


def test_ctrl_h_opens_the_bar_with_replace(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le ferry part.")
    select(editor.body, 3, 8)
    QTest.keyClick(editor.body, Qt.Key.Key_H, CTRL)
    assert editor.find_bar.replace_visible()
    assert editor.find_bar.find_field.text() == "ferry"  # the selection is looked for


def test_typing_a_query_selects_the_first_match_and_counts_them(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "un Deux un deux UN")
    search(editor, "un")
    assert selection(editor) == (0, 2, "un")
    assert editor.find_bar.match_count() == 3
    assert editor.find_bar.count_label.text() == "1 of 3"


def test_enter_and_f3_go_forward_and_wrap_around(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "un deux un deux un")
    search(editor, "un")
    QTest.keyClick(editor.find_bar.find_field, Qt.Key.Key_Return)
    assert selection(editor)[:2] == (8, 10)
    QTest.keyClick(editor.find_bar.find_field, Qt.Key.Key_F3)
    assert selection(editor)[:2] == (16, 18)
    assert editor.find_bar.count_label.text() == "3 of 3"
    QTest.keyClick(editor.find_bar.find_field, Qt.Key.Key_Return)  # wraps to the first
    assert selection(editor)[:2] == (0, 2)


def test_shift_enter_and_shift_f3_go_back_and_wrap_around(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "un deux un deux un")
    search(editor, "un")
    QTest.keyClick(editor.find_bar.find_field, Qt.Key.Key_Return, SHIFT)  # wraps to the last
    assert selection(editor)[:2] == (16, 18)
    QTest.keyClick(editor.body, Qt.Key.Key_F3, SHIFT)
    assert selection(editor)[:2] == (8, 10)


def test_match_case(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Ferry ferry FERRY")
    search(editor, "ferry", match_case=True)
    assert editor.find_bar.match_count() == 1
    assert selection(editor) == (6, 11, "ferry")
    editor.find_bar.match_case.setChecked(False)
    assert editor.find_bar.match_count() == 3


def test_whole_word(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "mer amer mer-ferry merle (AFP)")
    search(editor, "mer", whole_word=True)
    assert editor.find_bar.match_count() == 2  # "mer" and "mer" of "mer-ferry"
    search(editor, "(AFP)", whole_word=True)
    assert editor.find_bar.match_count() == 1


def test_regular_expression(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "en 2024, puis en 2025 et 12 fois")
    search(editor, r"\d{4}", regex=True)
    assert editor.find_bar.match_count() == 2
    assert selection(editor)[2] == "2024"


def test_an_invalid_pattern_is_explained_in_the_bar(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "texte (avec parenthèse")
    search(editor, "(avec", regex=True)
    assert editor.find_bar.match_count() == 0
    assert editor.find_bar.count_label.text().startswith("Invalid pattern: missing )")
    editor.find_bar.find_next()  # nothing happens, nothing raises
    editor.find_bar.replace_all()
    assert editor.body.toPlainText() == "texte (avec parenthèse"
    editor.find_bar.regex.setChecked(False)
    assert editor.find_bar.match_count() == 1


def test_replace_replaces_the_current_match_and_moves_to_the_next(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "un deux un deux")
    search(editor, "deux")
    editor.find_bar.replace_field.setText("2")
    editor.find_bar.replace_current()
    assert editor.body.toPlainText() == "un 2 un deux"
    assert selection(editor)[2] == "deux"
    assert editor.find_bar.count_label.text() == "1 of 1"


def test_replace_all_is_one_undo_step(qtbot: QtBot) -> None:
    original = "Le ferry, le Ferry et le 🚢 ferry.\nFerry encore."
    editor = open_editor(qtbot, original)
    search(editor, "ferry")
    editor.find_bar.replace_field.setText("bac")
    editor.find_bar.replace_all()
    assert editor.body.toPlainText() == "Le bac, le bac et le 🚢 bac.\nbac encore."
    assert editor.find_bar.count_label.text() == "Replaced 4 matches"
    editor.body.undo()
    assert editor.body.toPlainText() == original
    assert not editor.body.document().isUndoAvailable()


def test_regular_expression_replacement_uses_groups(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Dupont Jean, Martin Claire")
    search(editor, r"(\w+) (\w+)", regex=True)
    editor.find_bar.replace_field.setText(r"\2 \1")
    editor.find_bar.replace_all()
    assert editor.body.toPlainText() == "Jean Dupont, Claire Martin"


def test_an_invalid_replacement_is_explained_and_changes_nothing(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "abc abc")
    search(editor, "(b)", regex=True)
    editor.find_bar.replace_field.setText(r"\3")
    editor.find_bar.replace_all()
    assert editor.body.toPlainText() == "abc abc"
    assert editor.find_bar.count_label.text().startswith("Invalid replacement")


def test_matches_after_wide_characters_are_selected_exactly(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "🚢🚢 ferry 🚢 ferry")
    search(editor, "ferry")
    assert selection(editor)[2] == "ferry"
    editor.find_bar.find_next()
    assert selection(editor)[2] == "ferry"
    assert editor.find_bar.count_label.text() == "2 of 2"


def test_the_count_follows_edits_to_the_body(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "un deux")
    search(editor, "un")
    select(editor.body, 7)
    type_text(editor.body, " un")
    qtbot.waitUntil(lambda: editor.find_bar.match_count() == 2)
