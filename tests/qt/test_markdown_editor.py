"""The body editor: formatting shortcuts, highlighting, pasting, figures and counters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QMimeData, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QTextCharFormat
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copydesk.preferences import Preferences
from copydesk.qt.editor.article_editor import ArticleEditor
from copydesk.qt.editor.markdown_editor import MarkdownEditor
from copydesk.qt.editor.outline import REFRESH_DELAY_MS
from tests.qt.editor_helpers import open_editor, select
from tests.qt.qt_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def press(body: MarkdownEditor, key: Qt.Key) -> None:
    """Ctrl+key as the keyboard sends it (shortcut override first, then the key press)."""
    QTest.keyClick(body, key, CTRL)


def text_of(editor: ArticleEditor) -> str:
    return editor.body.toPlainText()


def selected(editor: ArticleEditor) -> str:
    return editor.body.textCursor().selectedText()


def undo_restores(editor: ArticleEditor, original: str) -> None:
    """One Ctrl+Z takes the command back entirely, and it was the only step."""
    editor.body.undo()
    assert text_of(editor) == original
    assert not editor.body.document().isUndoAvailable()


# ---- bold and italic ------------------------------------------------------------------------


def test_ctrl_b_makes_the_word_at_the_cursor_bold_in_one_undo_step(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le ferry reprend la mer.")
    select(editor.body, 5)  # inside "ferry"
    press(editor.body, Qt.Key.Key_B)
    assert text_of(editor) == "Le **ferry** reprend la mer."
    assert selected(editor) == "ferry"
    undo_restores(editor, "Le ferry reprend la mer.")


def test_ctrl_b_toggles_bold_off_and_works_on_the_selection(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le ferry reprend la mer.")
    select(editor.body, 3, 16)  # "ferry reprend"
    press(editor.body, Qt.Key.Key_B)
    assert text_of(editor) == "Le **ferry reprend** la mer."
    press(editor.body, Qt.Key.Key_B)
    assert text_of(editor) == "Le ferry reprend la mer."
    assert selected(editor) == "ferry reprend"
    editor.body.undo()
    assert text_of(editor) == "Le **ferry reprend** la mer."


def test_bold_toggles_off_when_the_selection_includes_the_markers(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le **ferry** part.")
    select(editor.body, 3, 12)  # "**ferry**"
    press(editor.body, Qt.Key.Key_B)
    assert text_of(editor) == "Le ferry part."


def test_ctrl_i_italic_combines_with_bold_and_toggles_off(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le **ferry** part.")
    select(editor.body, 7)  # inside "ferry", already bold
    press(editor.body, Qt.Key.Key_I)
    assert text_of(editor) == "Le ***ferry*** part."
    undo_restores(editor, "Le **ferry** part.")
    select(editor.body, 7)
    press(editor.body, Qt.Key.Key_I)
    press(editor.body, Qt.Key.Key_B)  # bold off, italic stays
    assert text_of(editor) == "Le *ferry* part."
    press(editor.body, Qt.Key.Key_I)
    assert text_of(editor) == "Le ferry part."


def test_italic_written_with_underscores_toggles_off(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Le _ferry_ part.")
    select(editor.body, 6)
    press(editor.body, Qt.Key.Key_I)
    assert text_of(editor) == "Le ferry part."


def test_bold_between_words_leaves_the_cursor_between_the_markers(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Fin. ")
    select(editor.body, 5)
    press(editor.body, Qt.Key.Key_B)
    assert text_of(editor) == "Fin. ****"
    type_text(editor.body, "gras")
    assert text_of(editor) == "Fin. **gras**"


# ---- links ------------------------------------------------------------------------------------


def test_ctrl_k_links_the_selection_with_url_selected_for_typing(qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("pas une adresse")
    editor = open_editor(qtbot, "Lire le rapport complet.")
    select(editor.body, 8, 23)  # "rapport complet"
    press(editor.body, Qt.Key.Key_K)
    assert text_of(editor) == "Lire le [rapport complet](url)."
    assert selected(editor) == "url"
    type_text(editor.body, "https://example.org/rapport")
    assert text_of(editor) == "Lire le [rapport complet](https://example.org/rapport)."
    editor.body.undo()  # the typing
    undo_restores(editor, "Lire le rapport complet.")


def test_ctrl_k_uses_a_web_address_from_the_clipboard(qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("  https://example.org/ferry  ")
    editor = open_editor(qtbot, "Voir le ferry ici.")
    select(editor.body, 10)  # inside "ferry"
    press(editor.body, Qt.Key.Key_K)
    assert text_of(editor) == "Voir le [ferry](https://example.org/ferry) ici."
    cursor = editor.body.textCursor()
    assert not cursor.hasSelection()
    assert cursor.position() == len("Voir le [ferry](https://example.org/ferry)")
    undo_restores(editor, "Voir le ferry ici.")


def test_ctrl_k_inside_a_link_removes_the_link_and_keeps_its_text(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Voir [le ferry](https://example.org) ici.")
    select(editor.body, 9)  # inside "le ferry"
    press(editor.body, Qt.Key.Key_K)
    assert text_of(editor) == "Voir le ferry ici."
    assert selected(editor) == "le ferry"
    undo_restores(editor, "Voir [le ferry](https://example.org) ici.")


# ---- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("level", range(1, 7))
def test_ctrl_digit_makes_the_line_a_heading_of_that_level(qtbot: QtBot, level: int) -> None:
    editor = open_editor(qtbot, "Intro\n\nUn titre\nTexte.")
    select(editor.body, 10)  # in "Un titre"
    press(editor.body, getattr(Qt.Key, f"Key_{level}"))
    assert text_of(editor) == f"Intro\n\n{'#' * level} Un titre\nTexte."
    undo_restores(editor, "Intro\n\nUn titre\nTexte.")


def test_a_heading_shortcut_replaces_another_level_and_toggles_its_own_off(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "### Un titre")
    press(editor.body, Qt.Key.Key_2)
    assert text_of(editor) == "## Un titre"
    undo_restores(editor, "### Un titre")
    press(editor.body, Qt.Key.Key_3)
    assert text_of(editor) == "Un titre"


def test_headings_apply_to_every_selected_line_in_one_undo_step(qtbot: QtBot) -> None:
    original = "Premier\n## Deuxième\n\nTroisième"
    editor = open_editor(qtbot, original)
    select(editor.body, 2, len(original) - 2)
    press(editor.body, Qt.Key.Key_1)
    assert text_of(editor) == "# Premier\n# Deuxième\n\n# Troisième"
    undo_restores(editor, original)


def test_ctrl_0_turns_headings_back_into_paragraphs(qtbot: QtBot) -> None:
    original = "# Un\n###### Deux\nTrois"
    editor = open_editor(qtbot, original)
    select(editor.body, 0, len(original))
    press(editor.body, Qt.Key.Key_0)
    assert text_of(editor) == "Un\nDeux\nTrois"
    undo_restores(editor, original)


def test_format_actions_list_every_command_with_its_shortcut(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    shortcuts = [action.shortcut().toString() for action in editor.body.format_actions()]
    assert shortcuts == ["Ctrl+B", "Ctrl+I", "Ctrl+K"] + [f"Ctrl+{n}" for n in range(1, 7)] + [
        "Ctrl+0"
    ]
    assert all(action.text() for action in editor.body.format_actions())


# ---- highlighting ----------------------------------------------------------------------------


def formats_at(editor: ArticleEditor, line: int, column: int) -> QTextCharFormat:
    block = editor.body.document().findBlockByNumber(line)
    ranges = block.layout().formats()  # kept alive while their formats are read
    for format_range in ranges:
        if format_range.start <= column < format_range.start + format_range.length:
            return QTextCharFormat(format_range.format)
    return QTextCharFormat()


def test_the_highlighter_marks_headings_emphasis_and_code_fences(qtbot: QtBot) -> None:
    body = "## Titre\nDu **gras** ici.\n```\n# pas un titre\n```\n# Titre"
    editor = open_editor(qtbot, body)
    base_size = editor.body.font().pointSizeF()
    assert formats_at(editor, 0, 4).fontPointSize() > base_size
    assert formats_at(editor, 1, 6).fontWeight() == QFont.Weight.Bold
    assert formats_at(editor, 1, 0).fontWeight() != QFont.Weight.Bold
    inside_fence = formats_at(editor, 3, 4)
    assert inside_fence.fontPointSize() <= base_size  # code, not a heading
    assert inside_fence.background() == editor.body.highlighter.formats.code.background()
    assert formats_at(editor, 5, 3).fontPointSize() > base_size  # after the fence


def test_opening_a_fence_while_typing_rehighlights_the_lines_after_it(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Avant\n# Titre")
    select(editor.body, 5)
    type_text(editor.body, "\n```")
    assert formats_at(editor, 2, 2).fontPointSize() <= editor.body.font().pointSizeF()


def test_highlighting_alone_does_not_count_as_an_edit(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "# Titre\n\nTexte *penché*.")
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    editor.body.highlighter.rehighlight()
    assert edits == []
    type_text(editor.body, "x")
    assert edits == [True]


# ---- pasting --------------------------------------------------------------------------------


def test_pasting_rich_text_pastes_its_plain_text(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Début ")
    select(editor.body, 6)
    mime = QMimeData()
    mime.setHtml("<p><b>Gras</b> et <a href='https://x.org'>lien</a></p>")
    mime.setText("Gras et lien\r\nFin")
    editor.body.insertFromMimeData(mime)
    assert text_of(editor) == "Début Gras et lien\nFin"
    assert editor.body.document().toHtml().count("<b>") == 0


def five_megabytes() -> str:
    paragraph = " ".join(f"mot{n} **gras** [lien](https://x.org/{n})" for n in range(40))
    count = 5_000_000 // (len(paragraph) + 2) + 1
    return "\n\n".join(paragraph for _ in range(count))


def test_a_5_mb_paste_keeps_the_window_responsive(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "# Début\n\n")
    select(editor.body, len(text_of(editor)))
    mime = QMimeData()
    mime.setText(five_megabytes())

    editor.body.insertFromMimeData(mime)
    # The paste returns with the colouring and the counting still to do: they run in
    # slices and on their own thread, with the event loop turning between them (their
    # timings: tests/benchmarks/bench_paste.py).
    assert editor.body.highlighter.busy and editor.body_stats.counting
    turns: list[bool] = []
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.append(editor.body.highlighter.busy))
    ticker.start()
    qtbot.waitUntil(lambda: not editor.body_stats.counting, timeout=60_000)
    qtbot.waitUntil(lambda: not editor.body.highlighter.busy, timeout=60_000)
    qtbot.wait(REFRESH_DELAY_MS + 100)  # the outline reads the headings again
    ticker.stop()
    assert True in turns  # the event loop turned while the colouring was under way
    assert len(text_of(editor)) > 5_000_000
    assert editor.stats_label.text().startswith(f"Words: {QLocale().toString(count_of_words())}")


def count_of_words() -> int:
    from copydesk.text.stats import count_words

    return count_words("# Début\n\n" + five_megabytes())


# ---- figures and counters -------------------------------------------------------------------


def test_the_stats_label_shows_words_characters_and_reading_time(qtbot: QtBot) -> None:
    words = " ".join(["mot"] * 1_234)
    editor = open_editor(qtbot, words)
    qtbot.waitUntil(lambda: not editor.body_stats.counting)
    locale = QLocale()
    assert editor.stats_label.text() == (
        f"Words: {locale.toString(1234)} · "
        f"Characters: {locale.toString(len(words))} · Reading: 6 min"
    )
    type_text(editor.body, "Un [lien](https://example.org/long) ")
    qtbot.waitUntil(lambda: editor.stats_label.text().startswith(f"Words: {locale.toString(1236)}"))


def test_with_a_selection_the_stats_label_shows_the_selection(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, "Un deux trois\nquatre cinq")
    select(editor.body, 3, 20)  # "deux trois\nquatre"
    qtbot.waitUntil(lambda: "Selection" in editor.stats_label.text())
    assert editor.stats_label.text() == "Selection: Words: 3 · Characters: 17 · Reading: 1 min"
    select(editor.body, 0)
    qtbot.waitUntil(lambda: editor.stats_label.text().startswith("Words: 5 "))


def test_reading_time_follows_the_preferred_reading_speed(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, " ".join(["mot"] * 600))
    editor.set_preferences(Preferences(words_per_minute=100))
    qtbot.waitUntil(lambda: editor.stats_label.text().endswith("Reading: 6 min"))


def test_headline_and_standfirst_counters_warn_past_their_limits(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, headline="x" * 42, standfirst="y" * 301)
    assert editor.headline_counter.text() == "42 / 90"
    assert editor.headline_counter.property("overLimit") is False
    assert editor.standfirst_counter.text() == "301 / 300"
    assert editor.standfirst_counter.property("overLimit") is True
    assert "color" in editor.standfirst_counter.styleSheet()

    editor.headline.setFocus()
    editor.headline.end(False)
    type_text(editor.headline, "z")
    assert editor.headline_counter.text() == "43 / 90"
    editor.set_preferences(Preferences(headline_limit=40, standfirst_limit=400))
    assert editor.headline_counter.text() == "43 / 40"
    assert editor.headline_counter.property("overLimit") is True
    assert editor.standfirst_counter.property("overLimit") is False


def test_the_outline_and_stats_label_wait_for_the_window_to_place_them(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    assert editor.outline.parent() is None and not editor.outline.isVisible()
    assert editor.stats_label.parent() is None and not editor.stats_label.isVisible()
