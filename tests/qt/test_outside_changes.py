"""The window sees what other programs write to its library: the list, the open article, its
history and the Picture Library follow within a moment, and unsaved text is never thrown
away (issue 21)."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.articles.operations import KnownVersions
from copydesk.pictures import store as images
from copydesk.qt.editor.following import follow_text
from copydesk.qt.editor.plain_text import exact_text
from copydesk.qt.history.controller import HistoryController
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import ArticleContent
from tests.core.test_diffing import SPAN_CASES
from tests.core.test_picture_records_db import FILE, METADATA
from tests.helpers import COPYDESK, opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end, wait_for_page_text

FOLLOW_MS = 15_000  # the watcher polls every 400 ms; the rest is margin for a busy machine


def listed_headlines(window: MainWindow) -> list[str]:
    model = window.article_list.model
    return [str(model.index(row).data()) for row in range(model.rowCount())]


def save_elsewhere(path: Path, article_id: int, change) -> None:  # type: ignore[no-untyped-def]
    """Another window's save: its own connection, its own idea of the versions."""
    with opened(path, create=False) as library:
        record = operations.load_article(library, article_id).record
        assert record is not None
        operations.save_article(library, article_id, change(record.content), KnownVersions())


def test_an_article_imported_by_the_command_line_shows_in_the_list(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, tmp_path: Path
) -> None:
    window = make_window(library_path)
    before = listed_headlines(window)
    article = tmp_path / "depeche.md"
    article.write_text("# Dépêche de la nuit\n\nArrivée par le terminal.\n", encoding="utf-8")
    result = subprocess.run(
        [str(COPYDESK), "--library", str(library_path), "import", str(article)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: "Dépêche de la nuit" in listed_headlines(window), timeout=FOLLOW_MS)
    assert len(listed_headlines(window)) == len(before) + 1
    assert window.current is not None and window.current.content.headline in before


def test_the_open_article_follows_a_save_made_elsewhere_keeping_the_cursor(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    assert window.current is not None
    article_id, body = window.current.id, window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(len(body.toPlainText()) // 2)
    body.setTextCursor(cursor)
    position = cursor.position()
    edits: list[bool] = []
    window.editor.edited.connect(lambda: edits.append(True))

    save_elsewhere(
        library_path,
        article_id,
        lambda content: dataclasses.replace(
            content,
            headline="Titre revu par le chef d’édition",
            body="Chapeau ajouté avant. " + content.body + "\n\nParagraphe ajouté après.",
        ),
    )
    qtbot.waitUntil(
        lambda: window.editor.headline.text() == "Titre revu par le chef d’édition",
        timeout=FOLLOW_MS,
    )
    assert body.toPlainText().endswith("Paragraphe ajouté après.")
    # The cursor moved with its text, by what was inserted before it.
    assert body.textCursor().position() == position + len("Chapeau ajouté avant. ")
    assert not edits and not window.isWindowModified() and not window.has_unsaved_changes()
    wait_for_page_text(qtbot, window, "Paragraphe ajouté après.")
    assert "Titre revu par le chef d’édition" in listed_headlines(window)
    # Typing on goes on from their version, without a conflict.
    type_at_end(qtbot, window, " Et une phrase.")
    window.flush_autosave()
    with opened(library_path, create=False) as library:
        record = operations.load_article(library, article_id).record
    assert record is not None
    assert record.content.body.endswith("Paragraphe ajouté après. Et une phrase.")
    assert record.content.headline == "Titre revu par le chef d’édition"


def test_unsaved_text_meets_the_other_version_in_the_conflict_dialog(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(library_path)
    window.autosave.set_intervals(idle_ms=60_000, retry_ms=60_000, max_wait_ms=60_000)
    assert window.current is not None
    article_id = window.current.id
    asked: list[str] = []

    def answer(_window: MainWindow, theirs: object) -> bool:
        asked.append("asked")
        return True

    monkeypatch.setattr(HistoryController, "_ask_which_version", answer)
    type_at_end(qtbot, window, "\n\nMa phrase pas encore enregistrée.")
    assert window.has_unsaved_changes()
    save_elsewhere(
        library_path,
        article_id,
        lambda content: dataclasses.replace(content, body=content.body + "\n\nLeur phrase."),
    )
    qtbot.waitUntil(lambda: bool(asked), timeout=FOLLOW_MS)
    window.flush_autosave()
    body = exact_text(window.editor.body)
    assert body.endswith("Ma phrase pas encore enregistrée.") and "Leur phrase." not in body
    with opened(library_path, create=False) as library:
        stored = operations.load_article(library, article_id).record
        history = [
            operations.get_revision(library, summary.id).content.body
            for summary in operations.list_revisions(library, article_id)
        ]
    assert stored is not None and stored.content.body == body
    assert any(text.endswith("Leur phrase.") for text in history)  # theirs kept aside
    assert asked == ["asked"]


def test_the_open_article_deleted_elsewhere_gives_way_to_another(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    with opened(library_path, sample=True) as library, library.write() as session:
        articles.create_article(session, ArticleContent(headline="Une autre dépêche"))
    window = make_window(library_path)
    assert window.current is not None and len(window.article_list.model.ids()) == 2
    deleted = window.current.id
    with opened(library_path, create=False) as library, library.write() as session:
        articles.delete_article(session, deleted)
    qtbot.waitUntil(
        lambda: window.current is not None and window.current.id != deleted, timeout=FOLLOW_MS
    )
    qtbot.waitUntil(lambda: window.article_list.model.row_of(deleted) is None, timeout=FOLLOW_MS)
    assert "was deleted outside this window" in window.statusBar().currentMessage()


def test_the_history_shows_a_revision_recorded_elsewhere(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.history_dock.show()
    assert window.current is not None
    article_id = window.current.id
    before = window.history.revisions.topLevelItemCount()
    save_elsewhere(
        library_path, article_id, lambda content: dataclasses.replace(content, kicker="Autre")
    )
    with opened(library_path, create=False) as library:
        operations.record_revision(library, article_id, "Camille Perrin")
    qtbot.waitUntil(
        lambda: window.history.revisions.topLevelItemCount() == before + 1, timeout=FOLLOW_MS
    )


def test_the_picture_library_follows_pictures_changed_elsewhere(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.open_picture_library()
    pictures = window.picture_library
    count = pictures.model.rowCount()
    with opened(library_path, create=False) as library, library.write() as session:
        added = images.add_picture(session, FILE, METADATA)
    qtbot.waitUntil(lambda: pictures.model.rowCount() == count + 1, timeout=FOLLOW_MS)
    with opened(library_path, create=False) as library, library.write() as session:
        images.update_metadata(session, added.id, METADATA.replace(creator="Nadia Roux"))

    def creator() -> str:
        listing = pictures.model.listing_by_id(added.id)
        return listing.record.metadata.creator if listing is not None else ""

    qtbot.waitUntil(lambda: creator() == "Nadia Roux", timeout=FOLLOW_MS)
    with opened(library_path, create=False) as library, library.write() as session:
        images.delete_picture(session, added.id)
    qtbot.waitUntil(lambda: pictures.model.rowCount() == count, timeout=FOLLOW_MS)
    assert pictures.model.listing_by_id(added.id) is None


def test_a_body_that_follows_keeps_its_scroll(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    long_body = "\n\n".join(f"Paragraphe numéro {n} du long article." for n in range(400))
    with opened(library_path, sample=True) as library, library.write() as session:
        articles.create_article(session, ArticleContent(headline="Long", body=long_body))
    window = make_window(library_path)
    long_id = next(
        row_id
        for row_id in window.article_list.model.ids()
        if window.article_list.model.index(window.article_list.model.row_of(row_id)).data()
        == "Long"
    )
    window.open_article(long_id)
    body = window.editor.body
    body.moveCursor(QTextCursor.MoveOperation.End)
    body.moveCursor(QTextCursor.MoveOperation.Start)
    bar = body.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    save_elsewhere(
        library_path,
        long_id,
        lambda content: dataclasses.replace(content, body=content.body + "\n\nFin ajoutée."),
    )
    qtbot.waitUntil(lambda: body.toPlainText().endswith("Fin ajoutée."), timeout=FOLLOW_MS)
    assert bar.value() == scrolled


@pytest.mark.parametrize(("before", "after"), SPAN_CASES)
def test_a_followed_field_ends_with_their_text_in_one_step_to_undo(
    qtbot: QtBot, before: str, after: str
) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(before)
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    follow_text(edit, after)
    assert exact_text(edit) == after
    if before != after:
        edit.undo()
        assert exact_text(edit) == before
        assert not edit.document().isUndoAvailable()
        edit.redo()
        assert exact_text(edit) == after
