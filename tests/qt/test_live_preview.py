"""The live preview in the window: keystrokes patch the changed block without reloading,
other fields re-render the article, and editor and preview scroll together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.articles import store as articles
from copydesk.library.db import open_library
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import ArticleContent
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import page_text, type_at_end, type_text, wait_for_page_text

TIMEOUT_MS = 10_000


def long_library(path: Path, paragraphs: int = 120) -> Path:
    body = "\n\n".join(f"Paragraphe numéro {n}, avec quelques mots." for n in range(paragraphs))

    def fill(session) -> None:  # type: ignore[no-untyped-def]
        articles.create_article(session, ArticleContent(headline="Long", body=body))

    open_library(path, create=True, on_create=fill).close()
    return path


def evaluate(qtbot: QtBot, window: MainWindow, script: str) -> str:
    return page_text(qtbot, window, script)


def test_typing_patches_the_changed_block_only(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    evaluate(qtbot, window, "document.getElementById('cd-body').firstElementChild.id = 'kept'")
    with qtbot.waitSignal(window.preview.patched, timeout=TIMEOUT_MS):
        type_at_end(qtbot, window, " Ajouté.")
    assert "Ajouté." in evaluate(qtbot, window, "document.body.innerText")
    # The first block was not touched: the page was patched, not replaced.
    assert evaluate(qtbot, window, "document.getElementById('kept') ? 'same' : 'gone'") == "same"


def test_a_headline_edit_renders_the_whole_article(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.editor.headline.end(False)
    with qtbot.waitSignal(window.preview.rendered, timeout=TIMEOUT_MS):
        type_text(window.editor.headline, " (suite)")
    assert "600 foyers (suite)" in evaluate(qtbot, window, "document.body.innerText")


def test_french_quotes_are_typographic_in_the_preview(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    with qtbot.waitSignal(window.preview.patched, timeout=TIMEOUT_MS):
        type_at_end(qtbot, window, '\n\nIl a dit "oui".')
    text = evaluate(qtbot, window, "document.getElementById('cd-body').lastElementChild.innerText")
    assert text == "Il a dit «\u00a0oui\u00a0»."


def test_the_editor_scroll_moves_the_preview_and_back(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(long_library(tmp_path / "long.copydesk"))
    body = window.editor.body
    with qtbot.waitSignal(window.preview.sync.synced, timeout=TIMEOUT_MS):
        body.verticalScrollBar().setValue(body.verticalScrollBar().maximum() // 2)
    top_line = window.scroll_sync.top_line()
    scroll_y = float(evaluate(qtbot, window, "String(window.scrollY)"))
    assert scroll_y > 200 and top_line > 20

    # The other way: scrolling the page to the top brings the editor back up.
    evaluate(qtbot, window, "window.scrollTo(0, 0); 'ok'")
    qtbot.waitUntil(lambda: window.scroll_sync.top_line() < 2, timeout=TIMEOUT_MS)


def test_clicking_a_block_in_the_preview_puts_the_cursor_on_its_line(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(long_library(tmp_path / "long.copydesk"))
    window.editor.body.moveCursor(QTextCursor.MoveOperation.Start)
    with qtbot.waitSignal(window.preview.block_clicked, timeout=TIMEOUT_MS):
        evaluate(
            qtbot,
            window,
            "document.querySelector('#cd-body [data-line=\"20\"] p').click(); 'ok'",
        )
    cursor = window.editor.body.textCursor()
    assert cursor.blockNumber() == 20
    assert cursor.block().text().startswith("Paragraphe numéro 10,")


def test_a_long_article_shows_its_first_screen_then_the_rest(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window(long_library(tmp_path / "long.copydesk", paragraphs=800))
    wait_for_page_text(qtbot, window, "Paragraphe numéro 799")  # the rest arrived
    with qtbot.waitSignal(window.preview.patched, timeout=TIMEOUT_MS):
        type_at_end(qtbot, window, " Fin.")  # and the page is the renderer's: a patch
    assert "Paragraphe numéro 799, avec quelques mots. Fin." in evaluate(
        qtbot, window, "document.getElementById('cd-body').lastElementChild.innerText"
    )
