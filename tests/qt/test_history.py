"""Revisions in the window: Ctrl+S, the history panel's diff and restore, and two windows
saving the same article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.qt.editor.plain_text import exact_text
from copydesk.qt.history.controller import HistoryController
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import RevisionKind
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end


def revisions_of(path: Path, article_id: int) -> list[tuple[RevisionKind, str]]:
    with opened(path, create=False) as library:
        return [
            (summary.kind, operations.get_revision(library, summary.id).content.body)
            for summary in operations.list_revisions(library, article_id)
        ]


def stored_body(path: Path, article_id: int) -> str:
    with opened(path, create=False) as library:
        record = operations.load_article(library, article_id).record
        assert record is not None
        return record.content.body


def set_body(window: MainWindow, text: str) -> None:
    """Replace the body the way a user would (select all, type), as one edit."""
    cursor = window.editor.body.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)


def test_ctrl_s_records_a_revision_and_the_history_lists_it(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.history_action.trigger()
    assert window.history_dock.isVisible()
    assert window.history.revisions.topLevelItemCount() == 0
    original = exact_text(window.editor.body)
    type_at_end(qtbot, window, "\n\nUne phrase de plus.")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    history = revisions_of(library_path, window.current.id)
    # The text from before the editing began, then the one Ctrl+S saved.
    assert history == [
        (RevisionKind.MANUAL, original + "\n\nUne phrase de plus."),
        (RevisionKind.PERIODIC, original),
    ]
    assert window.history.revisions.topLevelItemCount() == 2
    assert "saved" in window.history.revisions.topLevelItem(0).text(0)
    assert not window.isWindowModified()


def test_the_diff_shows_what_changed_and_restore_brings_it_back(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    window = make_window(library_path)
    window.history_action.trigger()
    original = exact_text(window.editor.body)
    assert "\u00a0" in original  # the sample's French typography
    window.save_now()
    set_body(window, original.replace("panneaux", "capteurs", 1))
    window.flush_autosave()
    window.history.select_revision(_oldest_id(window))
    diff = window.history.diff.toPlainText()
    assert "panneaux" in diff and "capteurs" in diff
    assert window.history.restore_button.isEnabled()

    window.history.restore_button.click()
    qtbot.waitUntil(lambda: window.editor.isEnabled())
    assert exact_text(window.editor.body) == original
    assert stored_body(library_path, window.current.id) == original
    kinds = [kind for kind, _ in revisions_of(library_path, window.current.id)]
    assert kinds == [RevisionKind.RESTORE, RevisionKind.BEFORE_RESTORE, RevisionKind.MANUAL]
    assert window.history.revisions.topLevelItemCount() == 3


def test_non_breaking_spaces_survive_a_save(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path
) -> None:
    """QPlainTextEdit.toPlainText() would turn them into spaces: French typography lost."""
    window = make_window(library_path)
    window.editor.standfirst.setPlainText("Il a dit\u00a0: «\u00a0oui\u00a0».")
    type_at_end(qtbot, window, "\n\nQuestion\u202f?")
    window.flush_autosave()
    with opened(library_path, create=False) as library:
        record = operations.load_article(library, window.current.id).record
    assert record is not None
    assert record.content.body.endswith("Question\u202f?")
    assert record.content.standfirst == "Il a dit\u00a0: «\u00a0oui\u00a0»."


def _oldest_id(window: MainWindow) -> int:
    item = window.history.revisions.topLevelItem(window.history.revisions.topLevelItemCount() - 1)
    assert item is not None
    return int(item.data(0, Qt.ItemDataRole.UserRole + 1))


@pytest.mark.parametrize("keep_mine", [True, False])
def test_two_windows_on_one_library_keep_both_versions(
    qtbot: QtBot,
    make_window: MakeWindow,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    keep_mine: bool,
) -> None:
    first = make_window(library_path)
    second = make_window(library_path)
    article_id = first.current.id
    assert second.current.id == article_id
    asked: list[str] = []

    def answer(self: MainWindow, theirs: object) -> bool:
        asked.append(self.objectName())
        return keep_mine

    monkeypatch.setattr(HistoryController, "_ask_which_version", answer)
    type_at_end(qtbot, first, "\n\nVersion de la première fenêtre.")
    first.flush_autosave()
    type_at_end(qtbot, second, "\n\nVersion de la seconde fenêtre.")
    second.flush_autosave()

    assert len(asked) == 1  # only the second window, whose save came second, asks
    kept_on_top = stored_body(library_path, article_id)
    history = revisions_of(library_path, article_id)
    mine_text, theirs_text = "seconde fenêtre", "première fenêtre"
    expected_top, expected_aside = (
        (mine_text, theirs_text) if keep_mine else (theirs_text, mine_text)
    )
    assert expected_top in kept_on_top and expected_aside not in kept_on_top
    assert expected_aside in history[0][1]
    assert expected_top in second.editor.body.toPlainText()
    assert second.editor.isEnabled()
    # The second window saves on normally afterwards.
    type_at_end(qtbot, second, " Suite.")
    second.flush_autosave()
    assert stored_body(library_path, article_id).endswith(" Suite.")
    assert len(asked) == 1
