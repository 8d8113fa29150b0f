"""The body editor's commands in the full window: shortcuts reach the body, its menus list
them, the outline sits beside the checks, and the preferences set the counters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.qt.editor.plain_text import exact_text
from tests.qt.conftest import MakeWindow


def test_formatting_and_find_shortcuts_work_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    body = window.editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord)  # into "conseil"
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert exact_text(body).startswith("Le **conseil** municipal")
    qtbot.keyClick(body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.find_bar.isVisible()
    menus = {action.text().replace("&", "") for action in window.menuBar().actions()}
    assert {"File", "Edit", "Format", "View"} <= menus


def test_the_outline_lists_the_articles_headings(
    make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.side_tabs.setCurrentWidget(window.editor.outline)
    tab_names = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert tab_names == ["Checks", "Outline"]
    assert window.editor.outline.isVisible()


def test_the_headline_counter_follows_the_preferences(
    make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    length = len(window.editor.headline.text())
    window.preferences.update(window.preferences.current().replace(headline_limit=120))
    assert window.editor.headline_counter.text().replace("\u202f", " ") == f"{length} / 120"


def test_the_standfirst_shows_what_it_holds(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    standfirst = window.editor.standfirst
    standfirst.setPlainText("Court.")
    qtbot.wait(20)
    short = standfirst.height()
    standfirst.setPlainText(" ".join(["Un chapeau qui dit tout de l’article."] * 4))
    qtbot.waitUntil(lambda: standfirst.height() > short, timeout=5_000)
    qtbot.waitUntil(lambda: standfirst.verticalScrollBar().maximum() == 0)  # all of it in view
    standfirst.setPlainText(" ".join(["Un chapeau bien trop long pour six lignes."] * 40))
    qtbot.wait(20)
    line = standfirst.fontMetrics().lineSpacing()
    assert standfirst.height() <= line * 6 + 14  # at most six lines, then it scrolls


def test_a_long_headline_shows_whole_on_two_lines(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    headline = window.editor.headline
    headline.setText("Court")
    qtbot.wait(20)
    one_line = headline.height()
    long = "Poutine et Trump ont convenu d’entamer des négociations sur l’Ukraine"
    headline.setText(long)
    qtbot.waitUntil(lambda: headline.height() > one_line, timeout=5_000)
    qtbot.waitUntil(lambda: headline.verticalScrollBar().maximum() == 0)  # all of it shown
    # One paragraph: Return moves on, a pasted line break is a space, and edits are edits.
    headline.setFocus()
    headline.end(False)
    qtbot.keyClick(headline, Qt.Key.Key_Return)
    assert "\n" not in headline.text() and not headline.hasFocus()
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setText("deux\nlignes")
    headline.end(False)
    with qtbot.waitSignal(window.editor.edited, timeout=2_000):
        headline.insertFromMimeData(data)
    assert headline.text() == long + "deux lignes"
    window.flush_autosave()
    assert window.current is not None and window.current.content.headline.endswith("lignes")


def test_marking_an_article_as_advertising_is_saved_and_shown_again(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    from copydesk.articles import store as articles

    window = make_window(library_path)
    editor = window.editor
    assert not editor.advertising.isChecked() and not editor.content().advertising
    with qtbot.waitSignal(editor.edited):
        editor.advertising.click()
    assert editor.content().advertising
    window.autosave.flush()
    record = window.current
    assert record is not None
    with window.library.read() as session:  # type: ignore[union-attr]
        assert articles.get_article(session, record.id).content.advertising
    editor.load(None)
    assert not editor.advertising.isChecked()
    with window.library.read() as session:  # type: ignore[union-attr]
        editor.load(articles.get_article(session, record.id))
    assert editor.advertising.isChecked()
