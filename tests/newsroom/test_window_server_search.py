"""The newsroom server's results under the article list, against the suite's real server:
what the replica does not hold shows there while a search is typed, and one chosen is
brought into the replica and opened."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from copydesk.articles import operations as articles
from copydesk.qt.newsroom.server_search import DetailsRole
from copydesk.records.article import ArticleContent
from copydesk.sync import operations
from tests.newsroom.newsroom import Newsroom
from tests.newsroom.test_window import WAIT_MS, online
from tests.qt.conftest import MakeWindow

DERBY = ArticleContent(headline="Le derby économique", body="Le club a vendu ses droits.")


def test_the_server_s_results_show_under_the_list_and_open_when_chosen(
    newsroom: Newsroom, tmp_path: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    sport = newsroom.replica(tmp_path / "carol.copydesk", "carol", "Sport")
    articles.create_article(sport, DERBY)
    operations.sync(sport)
    chief = newsroom.replica(tmp_path / "chief.copydesk", "chief", "Politique")
    newsroom.libraries.remove(chief)
    chief.close()
    window = make_window(tmp_path / "chief.copydesk")
    qtbot.waitUntil(lambda: online(window), timeout=WAIT_MS)
    panel = window.newsroom.server_search.panel
    assert panel.isHidden()

    window.article_list.search_field.setText("derby ")
    qtbot.waitUntil(lambda: panel.rows.count() == 1, timeout=WAIT_MS)
    assert window.article_list.model.rowCount() == 0  # the replica holds none
    assert panel.heading.text() == "On the newsroom server, 1 article:"
    row = panel.rows.item(0)
    assert row.text() == "Le derby économique"
    assert str(row.data(DetailsRole)).startswith("Sport · Draft · ")

    panel.rows.itemActivated.emit(row)
    qtbot.waitUntil(
        lambda: window.current is not None and window.current.content.headline == DERBY.headline,
        timeout=WAIT_MS,
    )
    assert window.editor.content().body == DERBY.body
    qtbot.waitUntil(lambda: window.article_list.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: panel.heading.text() == "The newsroom server has nothing more.", timeout=WAIT_MS
    )
    assert panel.rows.count() == 0  # it is here now

    window.article_list.search_field.clear()
    assert panel.isHidden()


def test_a_library_outside_a_newsroom_shows_no_server_results(
    make_window: MakeWindow, library_path: Path, qtbot: QtBot
) -> None:
    window = make_window(library_path)
    window.article_list.search_field.setText("conseil")
    qtbot.wait(500)  # longer than the pause before a server search
    assert window.newsroom.server_search.panel.isHidden()
