"""The main window on temporary libraries: list, editor, preview, autosave."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import page_text, type_at_end, type_text, wait_for_page_text


def stored(path: Path) -> dict[str, articles.ArticleRecord]:
    with opened(path, create=False) as library, library.read() as session:
        return {
            s.headline: articles.get_article(session, s.id)
            for s in articles.list_summaries(session)
        }


@pytest.fixture(autouse=True)
def _one_sample(request: pytest.FixtureRequest, library_path: Path) -> None:
    """These tests reason about one article: their library holds the French sample alone
    (a new library's two samples are the first test's)."""
    if request.node.name != "test_the_window_opens_on_a_new_library_with_the_sample":
        with opened(library_path, sample=True):
            pass


def list_headlines(window: MainWindow) -> list[str]:
    model = window.article_list.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_the_window_opens_on_a_new_library_with_the_sample(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    assert library_path.exists()
    headlines = list_headlines(window)
    assert len(headlines) == 2, "the French and the English sample"
    assert headlines[0] == window.current.content.headline
    assert any(headline.startswith("Port Ellen") for headline in headlines)
    assert window.editor.headline.text().startswith("À Saint-Aubin-des-Prés")
    assert window.editor.isEnabled()
    assert window.article_list.view.currentIndex().row() == 0
    text = page_text(qtbot, window)
    assert "À Saint-Aubin-des-Prés" in text and "Camille Perrin" in text
    assert "Saint-Aubin" in window.windowTitle()


def test_typing_in_the_body_updates_the_preview(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    type_at_end(qtbot, window, "\n\nUne phrase ajoutée au clavier.")
    wait_for_page_text(qtbot, window, "Une phrase ajoutée au clavier.")
    window.editor.headline.end(False)
    type_text(window.editor.headline, " (mis à jour)")
    wait_for_page_text(qtbot, window, "600 foyers (mis à jour)")


def test_edits_are_saved_without_asking(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path, synchronous=False)
    threads: list[str] = []
    real_save = operations.save_article

    def recording_save(*args: object) -> articles.ArticleRecord:
        threads.append(threading.current_thread().name)
        return real_save(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(operations, "save_article", recording_save)
        type_at_end(qtbot, window, "\n\nSauvé tout seul.")
        assert window.isWindowModified()
        with qtbot.waitSignal(window.article_saved, timeout=5_000):
            pass
    assert not window.isWindowModified()
    assert threads and all(name.startswith("copydesk-db") for name in threads)
    (record,) = stored(library_path).values()
    assert record.content.body.endswith("Sauvé tout seul.")


def test_a_new_article_appears_in_the_list_and_survives_reopening(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.new_action.trigger()
    assert window.current is not None and window.current.content.headline == ""
    assert window.editor.headline.hasFocus() or window.editor.headline.isEnabled()
    type_text(window.editor.headline, "Le ferry reprend la mer")
    type_at_end(qtbot, window, "Premier paragraphe.")
    assert list_headlines(window)[0] in {"Untitled", ""} or len(list_headlines(window)) == 2
    window.close()

    reopened = make_window(library_path)
    assert "Le ferry reprend la mer" in list_headlines(reopened)
    assert stored(library_path)["Le ferry reprend la mer"].content.body == "Premier paragraphe."


def test_switching_articles_saves_at_once(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    sample_id = window.current.id
    window.new_action.trigger()
    type_text(window.editor.headline, "Brève")
    window.open_article(sample_id)
    assert window.current.id == sample_id
    assert "Brève" in stored(library_path)


def test_duplicate_and_delete_with_confirmation(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(library_path)
    original = window.current
    window.article_list.duplicate_action.trigger()
    assert len(list_headlines(window)) == 2
    assert window.current.id != original.id
    assert window.current.content.headline == original.content.headline

    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(text)
            return choice

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.article_list.delete_action.trigger()
    assert len(list_headlines(window)) == 2 and "cannot be undone" in asked[-1]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.article_list.delete_action.trigger()
    assert len(list_headlines(window)) == 1
    assert window.current.id == original.id
    wait_for_page_text(qtbot, window, original.content.headline)
    assert len(stored(library_path)) == 1

    window.article_list.delete_action.trigger()
    assert list_headlines(window) == [] and window.current is None
    assert not window.editor.isEnabled()
    assert not window.article_list.delete_action.isEnabled()


def test_choosing_an_article_in_the_list_opens_it(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.new_action.trigger()
    type_text(window.editor.headline, "Deuxième article")
    window.flush_autosave()
    view = window.article_list.view
    sample_row = next(
        row for row, headline in enumerate(list_headlines(window)) if "Saint-Aubin" in headline
    )
    rect = view.visualRect(window.article_list.model.index(sample_row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.headline.text().startswith("À Saint-Aubin")
    wait_for_page_text(qtbot, window, "Camille Perrin")


def test_a_failed_save_is_reported_and_retried(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, broken_saves: list[bool]
) -> None:
    window = make_window(library_path)
    window.autosave.set_intervals(idle_ms=750, retry_ms=100)
    reported: list[str] = []
    window.save_failed.connect(reported.append)
    type_at_end(qtbot, window, " Texte précieux.")
    window.flush_autosave()
    broken_saves[0] = False  # space was freed: the retry will succeed
    assert reported and "disk holding the library is full" in reported[0]
    assert "Not saved" in window.save_label.text()
    assert window.isWindowModified() and window.has_unsaved_changes()
    qtbot.waitUntil(lambda: not window.has_unsaved_changes(), timeout=5_000)
    (record,) = stored(library_path).values()
    assert record.content.body.endswith("Texte précieux.")
    assert "Saved" in window.save_label.text()


def test_closing_with_an_unsaved_change_asks_first(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    broken_saves: list[bool],
) -> None:
    window = make_window(library_path)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Retry]

    def warning(*_args: object) -> QMessageBox.StandardButton:
        answer = answers.pop(0)
        if answer == QMessageBox.StandardButton.Retry:
            broken_saves[0] = False  # the user freed some space, then chose Retry
        return answer

    monkeypatch.setattr(QMessageBox, "warning", warning)
    type_at_end(qtbot, window, " Dernier mot.")
    assert not window.close()  # Cancel: the window stays, the text with it
    assert window.isVisible() and window.editor.body.toPlainText().endswith("Dernier mot.")
    assert window.close()  # Retry succeeded
    (record,) = stored(library_path).values()
    assert record.content.body.endswith("Dernier mot.")


def test_a_file_that_is_not_a_library_is_reported(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "letter.copydesk"
    path.write_text("not a library")
    window = make_window(path, wait=False)
    with qtbot.waitSignal(window.library_failed, timeout=10_000) as failure:
        window.show()
    assert "is not a Copydesk library" in failure.args[0]
    assert path.read_text() == "not a library"
    assert window.library is None and not window.editor.isEnabled()


def test_the_splitter_remembers_its_sizes(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state_file: Callable[[], WindowState],
) -> None:
    window = make_window(library_path, state=state_file())
    window.splitter.setSizes([200, 700, 300])
    sizes = window.splitter.sizes()
    window.close()
    reopened = make_window(library_path, state=state_file())
    assert reopened.splitter.sizes() == sizes


def test_the_last_article_is_reopened(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    state_file: Callable[[], WindowState],
) -> None:
    window = make_window(library_path, state=state_file())
    sample_id = window.current.id
    window.new_action.trigger()
    type_text(window.editor.headline, "Plus récent")
    window.open_article(sample_id)  # the older one is open when the window closes
    window.close()
    reopened = make_window(library_path, state=state_file())
    assert reopened.current.id == sample_id


def test_related_links_are_edited_saved_and_previewed(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    related = window.editor.related
    related.add_row()
    row = related.table.rowCount() - 1
    related.table.item(row, 0).setText("Le calendrier des travaux")
    related.table.item(row, 1).setText("https://www.example.org/travaux")
    related.table.setCurrentCell(row, 0)
    related.move_current_row(-1)
    assert "Related links (4)" in window.editor.related_toggle.text()
    wait_for_page_text(qtbot, window, "Le calendrier des travaux")
    window.flush_autosave()
    (record,) = stored(library_path).values()
    titles = [link.title for link in record.content.related_links]
    assert titles[-2] == "Le calendrier des travaux" and len(titles) == 4
    related.table.setCurrentCell(len(titles) - 2, 0)
    related.remove_current_row()
    window.flush_autosave()
    (record,) = stored(library_path).values()
    assert "Le calendrier des travaux" not in [link.title for link in record.content.related_links]
