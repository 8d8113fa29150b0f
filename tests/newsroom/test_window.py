"""The newsroom in the window, against the suite's real PostgreSQL server: the status bar,
two windows on two replicas following each other, offline and back, joining from the
window, and conflicts settled field by field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from copydesk.articles import operations as articles
from copydesk.library.db import Library
from copydesk.library.models import Article, ReplicaState
from copydesk.qt.newsroom.conflicts_dialog import ConflictsDialog
from copydesk.qt.newsroom.join_dialog import JoinDialog
from copydesk.qt.newsroom.status import Link
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.article_rows import PresenceRole
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import ArticleContent
from copydesk.sync import operations
from tests.newsroom.newsroom import Newsroom, connect_as
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_at_end

WAIT_MS = 30_000


def joined(newsroom: Newsroom, path: Path, login: str, *, port: int | None = None) -> Path:
    """A library at ``path`` joined to Politique, closed again for a window to open."""
    library = newsroom.replica(path, login, "Politique", port=port)
    newsroom.libraries.remove(library)
    library.close()
    return path


def online(window: MainWindow) -> bool:
    return window.newsroom.status.link is Link.ONLINE


def test_two_windows_on_two_replicas_follow_each_other(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _seed(newsroom, tmp_path)
    first = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice"))
    second = make_window(joined(newsroom, tmp_path / "b.copydesk", "bob"))
    qtbot.waitUntil(lambda: online(first) and online(second), timeout=WAIT_MS)
    assert first.newsroom.button.isVisible()
    assert "Newsroom: online" in first.newsroom.button.text()

    type_at_end(qtbot, first, "\n\nAjouté par Alice.")
    first.flush_autosave()
    qtbot.waitUntil(
        lambda: second.editor.content().body.endswith("Ajouté par Alice."), timeout=WAIT_MS
    )
    assert not second.autosave.has_unsaved()


def test_offline_then_back_the_outbox_is_sent(
    newsroom: Newsroom,
    tmp_path: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    fault_proxy: object,
) -> None:
    proxy = fault_proxy
    _seed(newsroom, tmp_path)
    path = joined(newsroom, tmp_path / "a.copydesk", "alice", port=proxy.port)  # type: ignore[attr-defined]
    window = make_window(path)
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    proxy.refuse(True)  # type: ignore[attr-defined]
    proxy.cut()  # type: ignore[attr-defined]
    type_at_end(qtbot, window, "\n\nÉcrit hors ligne.")
    window.flush_autosave()
    qtbot.waitUntil(lambda: window.newsroom.status.link is Link.OFFLINE, timeout=WAIT_MS)
    assert "offline" in window.newsroom.button.text()
    proxy.refuse(False)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: online(window) and window.newsroom.status.waiting == 0, timeout=WAIT_MS)
    with connect_as(newsroom) as server:
        bodies = [row[0] for row in server.execute("SELECT content->>'body' FROM copydesk.items")]
    assert any(body.endswith("Écrit hors ligne.") for body in bodies)


def test_joining_from_the_window(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window(tmp_path / "new.copydesk")
    assert not window.newsroom.button.isVisible()
    assert window.newsroom.join_action.isEnabled()
    library = window.session.for_writing()
    assert library is not None
    dialog = JoinDialog(library, TaskRunner(synchronous=True), window)
    qtbot.addWidget(dialog)
    dialog.address.setText(newsroom.server.url(newsroom.dbname, "x").replace("x@", ""))
    dialog.login.setText("alice")
    dialog.secret.setText("wrong")
    dialog.find_desks.click()
    assert "wrong name or password" in dialog.message.text()
    assert not dialog.join_button.isEnabled()
    dialog.secret.setText(newsroom.passwords["alice"])
    dialog.find_desks.click()
    assert [dialog.desk.itemText(i) for i in range(dialog.desk.count())] == ["Politique"]
    assert not dialog.keep_days.isEnabled()
    dialog.recent_only.setChecked(True)  # a partial replica: the last 30 days
    dialog.keep_days.setValue(30)
    dialog.join_button.click()
    assert dialog.result() == JoinDialog.DialogCode.Accepted
    with library.read() as session:
        assert session.scalars(select(ReplicaState.keep_days)).one() == 30
    window.newsroom.attach()
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    assert not window.newsroom.join_action.isEnabled()


SETTLED_BODIES = {
    "mine": "Rendez-vous mercredi.",
    "theirs": "Rendez-vous mardi.",
    "both": "Rendez-vous mercredi.\n\nRendez-vous mardi.",
    "by hand": "Rendez-vous jeudi, finalement.",
}


@pytest.mark.parametrize("side", list(SETTLED_BODIES))
def test_a_conflict_is_settled_field_by_field_in_the_window(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot, side: str
) -> None:
    first = newsroom.replica(tmp_path / "a.copydesk", "alice", "Politique")
    second_path = tmp_path / "b.copydesk"
    second = newsroom.replica(second_path, "bob", "Politique")
    shown = articles.create_article(
        first, ArticleContent(headline="Lundi", body="Rendez-vous lundi.")
    )
    assert shown.record is not None
    operations.sync(first)
    operations.sync(second)
    _edit(first, shown.record.uuid, headline="Mardi", body="Rendez-vous mardi.")
    _edit(second, shown.record.uuid, headline="Mercredi", body="Rendez-vous mercredi.")
    operations.sync(first)
    operations.sync(second)
    newsroom.libraries.remove(second)
    second.close()

    window = make_window(second_path)
    qtbot.waitUntil(lambda: window.newsroom.status.conflicts == 1, timeout=WAIT_MS)
    bar = window.newsroom.presence.bar
    assert "1 article changed both here and on the desk" in bar.conflict_note.text()
    assert bar.settle.isVisible()
    library = window.session.for_writing()
    assert library is not None
    dialog = ConflictsDialog(library, TaskRunner(synchronous=True), window)
    qtbot.addWidget(dialog)
    dialog.open_conflicts()
    assert dialog.listing.count() == 1
    assert set(dialog.choices()) == {"headline", "body"}
    if side == "by hand":
        dialog.result_editor("body").setPlainText(SETTLED_BODIES[side])
        assert dialog.choices()["body"] == "edited"
    else:
        dialog.choose("body", side)
    dialog.settle_current()
    assert dialog.listing.count() == 0
    with library.read() as session:
        article = session.scalars(select(Article)).one()
        headline, body = article.headline, article.body
    assert headline == "Mercredi"  # the headline kept this library's side
    assert body == SETTLED_BODIES[side]
    qtbot.waitUntil(lambda: window.newsroom.status.conflicts == 0, timeout=WAIT_MS)
    assert not bar.settle.isVisible()
    qtbot.waitUntil(lambda: _merges_on_server(newsroom) >= 1, timeout=WAIT_MS)


def _merges_on_server(newsroom: Newsroom) -> int:
    """Two-parent revisions the server holds."""
    with connect_as(newsroom) as server:
        row = server.execute(
            "SELECT count(*) FROM copydesk.revisions WHERE merge_parent_id IS NOT NULL"
        ).fetchone()
    return int(row[0]) if row else 0


def _seed(newsroom: Newsroom, tmp_path: Path) -> None:
    """An article on the desk, for the windows to open."""
    seed = newsroom.replica(tmp_path / "seed.copydesk", "alice", "Politique")
    articles.create_article(seed, ArticleContent(headline="Le conseil", body="Premier."))
    operations.sync(seed)


def _edit(library: Library, uuid: str, **changes: object) -> None:
    with library.read() as session:
        article_id = session.scalar(select(Article.id).where(Article.uuid == uuid))
    assert article_id is not None
    record = articles.load_article(library, article_id).record
    assert record is not None
    articles.save_article(library, article_id, record.content.replace(**changes))


def test_presence_shows_who_else_is_on_the_open_article(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _seed(newsroom, tmp_path)
    first = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice"))
    second = make_window(joined(newsroom, tmp_path / "b.copydesk", "bob"))
    qtbot.waitUntil(lambda: online(first) and online(second), timeout=WAIT_MS)
    bar = second.newsroom.presence.bar
    qtbot.waitUntil(lambda: "alice is editing (since" in bar.presence.text(), timeout=WAIT_MS)
    assert bar.isVisible()
    model = second.article_list.model
    second.newsroom.presence._last = 0.0  # the list learns it at the next renewal
    qtbot.waitUntil(lambda: model.data(model.index(0), PresenceRole) == "alice", timeout=WAIT_MS)
    first.newsroom.presence.stop()
    library = first.library
    assert library is not None and first.current is not None
    from copydesk.sync import presence

    presence.withdraw(library, first.current.uuid)
    second.newsroom.presence._last = 0.0  # renew now rather than in 20 s
    qtbot.waitUntil(lambda: bar.presence.text() == "", timeout=WAIT_MS)


def test_the_open_article_following_the_desk_says_so(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    _seed(newsroom, tmp_path)
    first = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice"))
    second = make_window(joined(newsroom, tmp_path / "b.copydesk", "bob"))
    qtbot.waitUntil(lambda: online(first) and online(second), timeout=WAIT_MS)
    type_at_end(qtbot, first, "\n\nSuite.")
    first.flush_autosave()
    note = second.newsroom.presence.bar.update_note
    qtbot.waitUntil(lambda: "with alice’s changes" in note.text(), timeout=WAIT_MS)
    bar = second.newsroom.presence.bar
    bar.what_changed.click()
    assert bar.changes_dialog is not None
    (view,) = bar.changes_dialog.findChildren(QTextBrowser)
    assert "Suite." in view.toPlainText()
    bar.changes_dialog.close()
    second.newsroom.presence.bar.dismiss.click()
    assert note.text() == ""


def test_leaving_the_newsroom_keeps_the_library(
    newsroom: Newsroom,
    tmp_path: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    _seed(newsroom, tmp_path)
    window = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice"))
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.newsroom.leave_action.trigger()
    qtbot.waitUntil(lambda: window.newsroom.status.link is Link.NOT_JOINED, timeout=WAIT_MS)
    assert not window.newsroom.button.isVisible()
    assert window.newsroom.join_action.isEnabled()
    library = window.library
    assert library is not None
    assert operations.status(library) is None
    assert len(window.article_list.model.ids()) == 1  # the articles stay


def test_a_credit_edited_on_another_desk_reaches_the_open_article(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    from copydesk.pictures import operations as pictures
    from copydesk.records.article import LeadPictureUse
    from tests.newsroom.test_sync_faults import noise_jpeg

    photo_desk = newsroom.replica(tmp_path / "photo.copydesk", "alice", "Politique")
    picture = tmp_path / "maire.jpg"
    noise_jpeg(picture, 50_000)
    (item,) = pictures.import_files(photo_desk, [picture]).items
    assert item.picture_id is not None
    lead = LeadPictureUse(item.picture_id, "Le maire", "Le maire en séance", False)
    content = ArticleContent(headline="Le maire", body="Texte.", lead_picture=lead)
    articles.create_article(photo_desk, content)
    operations.sync(photo_desk)

    window = make_window(joined(newsroom, tmp_path / "b.copydesk", "bob"))
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(window.article_pictures.snapshot.listings), timeout=WAIT_MS)

    judgement = pictures.default_judgement("fr")
    record = pictures.listings_by_ids(photo_desk, {item.picture_id}, judgement)[0].record
    changed = record.metadata.replace(creator="Léa Martin", credit_line="", source="")
    pictures.save_metadata(photo_desk, {item.picture_id: changed}, judgement)
    operations.sync(photo_desk)

    def credit() -> str:
        listings = list(window.article_pictures.snapshot.listings.values())
        return listings[0].credit if listings else ""

    qtbot.waitUntil(lambda: "Léa Martin" in credit(), timeout=WAIT_MS)


@pytest.mark.parametrize("confirmed", [False, True])
def test_editing_a_ready_article_asks_first(
    newsroom: Newsroom,
    tmp_path: Path,
    make_window: MakeWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    confirmed: bool,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from copydesk.records.article import ArticleStatus

    seed = newsroom.replica(tmp_path / "seed.copydesk", "chief", "Politique")
    ready = ArticleContent(headline="Prêt", body="Relu.", status=ArticleStatus.READY)
    articles.create_article(seed, ready)
    operations.sync(seed)
    window = make_window(joined(newsroom, tmp_path / "a.copydesk", "alice"))
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        return yes if confirmed else no

    monkeypatch.setattr(QMessageBox, "question", answer)
    type_at_end(qtbot, window, " Encore.")
    window.flush_autosave()
    # Confirmed once, the article is edited freely; declined, each edit asks again (a person
    # never gets that far: the question is modal).
    assert len(asked) == 1 if confirmed else len(asked) == len(" Encore.")
    assert all("“Prêt” is marked ready" in text for text in asked)
    library = window.library
    assert library is not None and window.current is not None
    stored = articles.load_article(library, window.current.id).record
    assert stored is not None
    expected = "Relu. Encore." if confirmed else "Relu."
    assert window.editor.content().body == expected
    assert stored.content.body == expected
