"""No word is lost: the hard cases of saving while other things happen."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.errors import LibraryError
from copydesk.qt.window.article_rows import SummaryRole
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import ArticleContent, ArticleSummary
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end, type_text


def headlines_in(path: Path) -> list[str]:
    with opened(path, create=False) as library, library.read() as session:
        return sorted(s.headline for s in articles.list_summaries(session))


def body_of(path: Path, headline: str) -> str:
    with opened(path, create=False) as library, library.read() as session:
        (summary,) = [s for s in articles.list_summaries(session) if s.headline == headline]
        return articles.get_article(session, summary.id).content.body


def make_library(path: Path, *headlines: str) -> Path:
    with opened(path) as library, library.write() as session:
        for headline in headlines:
            articles.create_article(session, ArticleContent(headline=headline, body=headline))
    return path


def test_text_whose_save_failed_comes_back_when_the_article_is_reopened(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, broken_saves: list[bool]
) -> None:
    path = make_library(tmp_path / "desk.copydesk", "Un", "Deux")
    window = make_window(path)
    first = window.current
    other = next(s.id for s in articles_of(window) if s.id != first.id)
    type_at_end(qtbot, window, " PARAGRAPHE UN")
    window.flush_autosave()  # fails
    window.open_article(other)
    window.open_article(first.id)
    assert window.editor.body.toPlainText().endswith("PARAGRAPHE UN")
    assert window.isWindowModified() and window.has_unsaved_changes()
    broken_saves[0] = False
    type_at_end(qtbot, window, " et la suite")
    window.flush_autosave()
    assert body_of(path, first.content.headline).endswith("PARAGRAPHE UN et la suite")
    assert not window.has_unsaved_changes()


def articles_of(window: MainWindow) -> list[ArticleSummary]:
    model = window.article_list.model
    return [model.data(model.index(row), SummaryRole) for row in range(model.rowCount())]


def test_a_failed_delete_keeps_the_edits(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(library_path)
    headline = window.current.content.headline

    def refuse(*_args: object) -> None:
        raise LibraryError("The library is busy: another program is writing to it.")

    monkeypatch.setattr(operations, "delete_article", refuse)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args: QMessageBox.StandardButton.Ok)
    type_at_end(qtbot, window, " Toujours là.")
    window.delete_article(window.current.id)
    assert window.editor.isEnabled() and "busy" in window.save_label.text()
    window.flush_autosave()
    assert body_of(library_path, headline).endswith("Toujours là.")


def test_switching_library_while_the_first_is_opening(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = make_library(tmp_path / "first.copydesk", "Premier A")
    second = make_library(tmp_path / "second.copydesk", "Second B")
    real_open = operations.open_library

    def slow_open(path: Path, **options: object) -> operations.OpenedLibrary:
        if path == first:
            time.sleep(0.5)
        return real_open(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "open_library", slow_open)
    window = make_window(first, synchronous=False, wait=False)
    window.show()
    qtbot.waitUntil(lambda: window.session.is_opening, timeout=5_000)
    window.open_library(second)
    assert not window.editor.isEnabled()  # nothing to type into while the switch happens
    qtbot.waitUntil(
        lambda: window.current is not None and window.library is not None, timeout=10_000
    )
    qtbot.wait(300)  # any late answer from the first library arrives and must be ignored
    assert window.library.path == second
    assert window.current.content.headline == "Second B"
    window.new_action.trigger()
    qtbot.waitUntil(lambda: window.current.content.headline == "", timeout=5_000)
    type_text(window.editor.headline, "Nouveau dans B")
    window.flush_autosave()
    qtbot.waitUntil(lambda: not window.has_unsaved_changes(), timeout=5_000)
    window.close()
    assert headlines_in(second) == ["Nouveau dans B", "Second B"]
    assert headlines_in(first) == ["Premier A"]
