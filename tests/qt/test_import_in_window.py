"""File ▸ Import Articles…: articles imported from the window on its database thread, with
the typed text saved first, the article list refreshed and the first article opened, a report
naming each refused file with its reason and the notes of those imported, and a batch's
progress and Cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.exchange.importing import batch as article_import
from copydesk.qt.dialogs import file_dialogs
from copydesk.qt.exchange.importing import controller as controller_module
from copydesk.qt.exchange.importing.results import ImportReportDialog
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState
from copydesk.records.article import ALL_ARTICLES
from copydesk.records.imports import ImportItem, ImportOutcome, ImportReport
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end

IMPORT_MS = 60_000
REFERENCE_HEADLINE = "Poutine et Trump ont convenu d’entamer des négociations sur l’Ukraine"


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The files the file dialog returns (set ``chosen[0]``), and the folder it opened in."""
    answer: list[list[str]] = [[]]

    def get_open_file_names(_parent: Any, _title: str, folder: str, _filter: str) -> Any:
        answer.append([folder])
        return answer[0]

    monkeypatch.setattr(file_dialogs, "open_file_names", get_open_file_names)
    return answer


def import_files(qtbot: QtBot, window: MainWindow, chosen: list[list[str]], *paths: Path) -> Any:
    """File ▸ Import Articles…, the files chosen; the report once it arrived."""
    chosen[0] = [str(path) for path in paths]
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_MS) as finished:
        window.imports.import_action.trigger()
    return finished.args[0]


def report_dialog(window: MainWindow) -> ImportReportDialog:
    dialog = window.imports.dialog
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    return dialog


def stored_ids(window: MainWindow) -> list[int]:
    assert window.library is not None
    return sorted(operations.search_articles(window.library, ALL_ARTICLES).ids)


def picture_count(window: MainWindow) -> int:
    from copydesk.pictures.operations import Judgement, list_pictures

    assert window.library is not None
    judgement = Judgement.from_preferences(window.preferences.current(), "fr")
    return len(list_pictures(window.library, judgement))


def test_the_reference_article_imports_and_opens(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, shared: Path, chosen: Any
) -> None:
    state = WindowState.ephemeral()
    window = make_window(library_path, state=state)
    action = window.imports.import_action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+I"
    (file_menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File"]
    assert action in file_menu.actions()
    before = stored_ids(window)
    reference = shared / "seed" / "reference-article.txt"

    report: ImportReport = import_files(qtbot, window, chosen, reference)

    (item,) = report.items
    assert item.outcome is ImportOutcome.IMPORTED and item.article_id is not None
    assert stored_ids(window) == sorted([*before, item.article_id])
    assert item.article_id in window.article_list.model.ids()
    assert window.current is not None and window.current.id == item.article_id
    assert window.editor.headline.text() == REFERENCE_HEADLINE
    assert window.article_list.current_id() == item.article_id
    dialog = report_dialog(window)
    assert dialog.summary.text() == (
        f"1 article imported, 0 files refused.\n“{REFERENCE_HEADLINE}” is open in the editor."
    )
    assert "reference-article.txt — imported as “Poutine et Trump" in dialog.notes_text()
    assert "The lead picture awaits its file" in dialog.notes_text()
    assert dialog.notes.isVisibleTo(dialog) and not dialog.refused.isVisibleTo(dialog)
    assert "1 article imported" in window.statusBar().currentMessage()
    # The folder is remembered for the next time.
    assert state.text_value(controller_module.FOLDER_KEY, "") == str(reference.parent)
    import_files(qtbot, window, chosen, reference)
    assert chosen[-1] == [str(reference.parent)]


def test_hostile_files_are_refused_with_their_reason_and_change_nothing(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path, chosen: Any
) -> None:
    window = make_window(library_path)
    shown_id = window.current.id if window.current else None
    before, pictures_before = stored_ids(window), picture_count(window)
    not_ninjs = tmp_path / "not-ninjs.json"
    not_ninjs.write_text('{"hello": "world"}', encoding="utf-8")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("# Café\n\nUne brève écrite en Latin-1.\n".encode("latin-1"))

    report: ImportReport = import_files(qtbot, window, chosen, not_ninjs, latin1)

    assert report.count(ImportOutcome.REFUSED) == 2
    assert stored_ids(window) == before and picture_count(window) == pictures_before
    assert (window.current.id if window.current else None) == shown_id
    dialog = report_dialog(window)
    assert dialog.summary.text() == "0 articles imported, 2 files refused."
    text = dialog.refused_text()
    assert "not-ninjs.json — refused:" in text and "latin1.md — refused:" in text
    assert "This is not valid ninjs" in text and "'uri' is a required property" in text
    assert "not UTF-8 text" in text
    # The reason's own lines stay lines, indented under the file's name.
    assert "\n    This is not valid ninjs 3.1:\n      $: 'uri'" in text
    assert not dialog.notes.isVisibleTo(dialog)


def test_text_typed_and_not_yet_saved_is_saved_before_the_import(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, shared: Path, chosen: Any
) -> None:
    window = make_window(library_path)
    assert window.current is not None
    typed_in = window.current.id
    type_at_end(qtbot, window, "\n\nTapé avant l’import.")
    assert window.has_unsaved_changes()
    import_files(qtbot, window, chosen, shared / "seed" / "reference-article.txt")
    assert window.current.id != typed_in
    with opened(library_path) as library:
        body = operations.load_article(library, typed_in).record.content.body  # type: ignore[union-attr]
    assert "Tapé avant l’import." in body


def test_a_batch_runs_off_the_gui_thread_with_progress_and_cancel(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    tmp_path: Path,
    chosen: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 8
    files = []
    for number in range(count):
        path = tmp_path / f"breve-{number}.md"
        path.write_text(f"# Brève numéro {number}\n\nUn paragraphe.\n", encoding="utf-8")
        files.append(path)
    window = make_window(library_path, synchronous=False)
    qtbot.waitUntil(lambda: window.imports.import_action.isEnabled(), timeout=10_000)
    before = stored_ids(window)
    controller = window.imports
    threads: list[str] = []
    cancelled = threading.Event()
    real_import_one = article_import.import_one

    def import_one(*args: Any, **kwargs: Any) -> ImportItem:
        threads.append(threading.current_thread().name)
        if threads[1:]:  # the second file waits until Cancel was clicked
            cancelled.wait(20)
        return real_import_one(*args, **kwargs)

    monkeypatch.setattr(article_import, "import_one", import_one)
    labels: list[str] = []

    def progressed(done: int, _total: int) -> None:
        if controller.progress is not None and not labels:
            labels.append(controller.progress.labelText())
            cancel = controller.progress.findChild(QPushButton)
            assert cancel is not None
            cancel.click()
            cancelled.set()

    controller.progressed.connect(progressed)
    report: ImportReport = import_files(qtbot, window, chosen, *files)

    assert threads and all(name.startswith("copydesk-db") for name in threads)
    assert threading.current_thread() is threading.main_thread()
    assert labels == [f"Importing the articles… 1 of {count}"]
    assert report.cancelled and 1 <= len(report.items) < count
    imported = report.article_ids
    assert stored_ids(window) == sorted([*before, *imported])
    assert window.current is not None and window.current.id == imported[0]
    dialog = report_dialog(window)
    assert dialog.summary.text().startswith("Import cancelled")
    assert controller.progress is None and not controller.running
    assert controller.import_action.isEnabled()


def test_the_actions_wait_for_a_library(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.session.close()
    window.imports.refresh()
    assert not window.imports.import_action.isEnabled()
    assert not window.imports.folder_action.isEnabled()
