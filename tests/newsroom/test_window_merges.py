"""Merges a person can read, in the window: edits typed while the desk's changes arrive merge
with them (one step to undo, a bar naming whose changes came in, a revision with two sides in
the History), only the chief gives Ready, and typing goes on while a sync waits on a server
that does not answer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel, QTextCursor
from pytestqt.qtbot import QtBot

from copydesk.articles import operations as articles
from copydesk.records.article import ArticleContent, ArticleStatus, RevisionKind
from copydesk.sync import operations
from tests.newsroom.newsroom import Newsroom
from tests.newsroom.test_window import WAIT_MS, joined, online
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end, type_text, wait_for_page_text


def _seed(newsroom: Newsroom, tmp_path: Path) -> None:
    seed = newsroom.replica(tmp_path / "seed.copydesk", "alice", "Politique")
    articles.create_article(seed, ArticleContent(headline="Le conseil", body="Premier."))
    operations.sync(seed)


def _stored_body(window_library: object, article_id: int) -> str:
    record = articles.load_article(window_library, article_id).record  # type: ignore[arg-type]
    return record.content.body if record is not None else ""


def test_typing_meets_the_desks_changes_and_they_merge(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _seed(newsroom, tmp_path)
    alice = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice"))
    bob = make_window(joined(newsroom, tmp_path / "b.copydesk", "bob"))
    qtbot.waitUntil(lambda: online(alice) and online(bob), timeout=WAIT_MS)

    # Bob types a first paragraph and has not saved it when Alice's addition arrives.
    bob.editor.body.moveCursor(QTextCursor.MoveOperation.Start)
    type_text(bob.editor.body, "Chapeau de Bob.\n\n")
    bob.autosave.hold()
    assert bob.autosave.has_unsaved()
    type_at_end(qtbot, alice, "\n\nAjout d’Alice.")
    alice.flush_autosave()

    merged = "Chapeau de Bob.\n\nPremier.\n\nAjout d’Alice."
    qtbot.waitUntil(lambda: bob.editor.content().body == merged, timeout=WAIT_MS)
    note = bob.newsroom.presence.bar.update_note
    qtbot.waitUntil(lambda: "Merged at" in note.text(), timeout=WAIT_MS)
    assert "alice’s changes" in note.text()
    assert bob.newsroom.presence.bar.what_changed.isVisible()
    assert bob.editor.body.textCursor().position() == len("Chapeau de Bob.\n\n")

    library, current = bob.library, bob.current
    assert library is not None and current is not None
    latest = articles.list_revisions(library, current.id)[0]
    assert (latest.kind, latest.author, latest.merged_with) == (RevisionKind.MERGED, "alice", "bob")
    bob.history_dock.show()
    revisions = bob.history.revisions
    qtbot.waitUntil(lambda: revisions.topLevelItemCount() > 0, timeout=WAIT_MS)
    first_row = revisions.topLevelItem(0)
    assert first_row is not None and first_row.text(2) == "alice + bob"
    assert "merged" in first_row.text(0)
    assert "Two parents" in first_row.toolTip(2)
    # The desk has the merge; Alice's window follows it.
    qtbot.waitUntil(lambda: alice.editor.content().body == merged, timeout=WAIT_MS)

    # What came in is one step to undo; Bob's own typing is in the steps before.
    bob.editor.body.undo()
    assert bob.editor.content().body == "Chapeau de Bob.\n\nPremier."
    while bob.editor.body.document().isUndoAvailable():
        bob.editor.body.undo()
    assert bob.editor.content().body == "Premier."


def test_only_the_chief_gives_ready(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _seed(newsroom, tmp_path)
    bob = make_window(joined(newsroom, tmp_path / "b.copydesk", "bob"))
    chief = make_window(joined(newsroom, tmp_path / "c.copydesk", "chief"))
    qtbot.waitUntil(lambda: online(bob) and online(chief), timeout=WAIT_MS)

    def enabled(window: object, status: ArticleStatus) -> bool:
        combo = window.editor.status  # type: ignore[attr-defined]
        model = combo.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(combo.findData(status.value))
        return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    assert not enabled(bob, ArticleStatus.READY) and not enabled(bob, ArticleStatus.PUBLISHED)
    assert enabled(bob, ArticleStatus.IN_REVIEW)
    assert enabled(chief, ArticleStatus.READY) and enabled(chief, ArticleStatus.PUBLISHED)


def test_typing_saves_and_previews_while_a_sync_waits_on_the_server(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot, fault_proxy
) -> None:
    """The sync thread stuck on a server that stopped answering holds nothing the person
    needs: every keystroke reaches the editor, autosave writes the library, the preview
    follows, and the change waits in the outbox."""
    _seed(newsroom, tmp_path)
    window = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice", port=fault_proxy.port))
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    fault_proxy.stall()
    try:
        window.newsroom.sync_now()
        qtbot.waitUntil(lambda: window.newsroom.status.link.name == "SYNCING", timeout=WAIT_MS)
        words = " ".join(f"mot{index}" for index in range(40))
        type_at_end(qtbot, window, "\n\n" + words)
        window.flush_autosave()
        library, current = window.library, window.current
        assert library is not None and current is not None
        qtbot.waitUntil(lambda: _stored_body(library, current.id).endswith(words), timeout=WAIT_MS)
        wait_for_page_text(qtbot, window, "mot39")
        status = operations.status(library)
        assert status is not None and status.waiting >= 1
        assert window.newsroom.status.link.name == "SYNCING"  # still stuck, and nobody waited
    finally:
        fault_proxy.resume()
    qtbot.waitUntil(
        lambda: (found := operations.status(window.library)) is not None and found.waiting == 0,  # type: ignore[arg-type]
        timeout=WAIT_MS,
    )
