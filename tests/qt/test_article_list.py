"""The article list: search as you type, status filter, lazy rows."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.articles import search as fulltext
from copydesk.articles import store as articles
from copydesk.qt.window.main_window import MainWindow
from copydesk.records.article import PAGE_SIZE, ArticleContent, ArticleQuery, ArticleStatus
from tests.core.test_search import HOSTILE
from tests.helpers import opened
from tests.qt.conftest import MakeWindow
from tests.qt.qt_helpers import type_text

T0 = datetime(2025, 3, 15, 8, 0, tzinfo=UTC)

# Oldest first.
CONTENTS = [
    ArticleContent(
        headline="Le conseil municipal vote le budget",
        body="Le budget de l'école primaire augmente.",
        status=ArticleStatus.PUBLISHED,
    ),
    ArticleContent(
        headline="Grève dans les transports",
        body="Les syndicats réclament des hausses de salaire.",
        status=ArticleStatus.DRAFT,
    ),
    ArticleContent(
        headline="Festival de musique au village",
        standfirst="Trois jours de concerts.",
        body="Les bénévoles préparent la fête.",
        status=ArticleStatus.IN_REVIEW,
    ),
    ArticleContent(
        headline="L’école Jules-Ferry rénovée",
        body="Une cour arborée et un nouveau préau.",
        status=ArticleStatus.DRAFT,
    ),
]
BUDGET, STRIKE, FESTIVAL, SCHOOL = (content.headline for content in CONTENTS)


def make_library(path: Path, contents: list[ArticleContent]) -> Path:
    with opened(path) as library, library.write() as session:
        for minutes, content in enumerate(contents):
            articles.create_article(session, content, now=T0 + timedelta(minutes=minutes))
    return path


@pytest.fixture
def window(make_window: MakeWindow, library_path: Path) -> MainWindow:
    return make_window(make_library(library_path, CONTENTS))


def listed(window: MainWindow) -> list[str]:
    model = window.article_list.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def search(window: MainWindow, text: str) -> None:
    field = window.article_list.search_field
    field.clear()
    type_text(field, text)


def retype(field: QLineEdit, text: str) -> None:
    field.selectAll()
    type_text(field, text)


def test_typing_filters_the_list_by_headline_and_body(window: MainWindow) -> None:
    panel = window.article_list
    assert listed(window) == [SCHOOL, FESTIVAL, STRIKE, BUDGET]
    assert panel.count_label.text() == "4 articles"
    search(window, "synd")  # a word of the body, being typed
    assert listed(window) == [STRIKE]
    assert panel.count_label.text() == "1 article"
    search(window, "ecole")  # headline of one, body of another, accents left out
    assert listed(window) == [SCHOOL, BUDGET]
    search(window, "concerts")  # standfirst
    assert listed(window) == [FESTIVAL]


def test_the_status_filter(window: MainWindow) -> None:
    panel = window.article_list
    labels = [panel.status_filter.itemText(i) for i in range(panel.status_filter.count())]
    assert labels == ["All statuses", "Draft", "In review", "Ready", "Published"]
    panel.status_filter.setCurrentIndex(labels.index("Draft"))
    assert listed(window) == [SCHOOL, STRIKE]
    search(window, "école")
    assert listed(window) == [SCHOOL]
    panel.status_filter.setCurrentIndex(labels.index("Ready"))
    assert listed(window) == []
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "No article with the status “Ready” matches “école”."


def test_no_match_is_said_plainly(window: MainWindow) -> None:
    panel = window.article_list
    search(window, "zeppelin")
    assert listed(window) == []
    assert panel.count_label.text() == "0 articles"
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "No article matches “zeppelin”."
    search(window, "budget")
    assert panel.stack.currentWidget() is panel.view


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:20]))
def test_hostile_queries_break_nothing(window: MainWindow, text: str) -> None:
    window.article_list.search_field.setText(text)
    assert set(listed(window)) <= {BUDGET, STRIKE, FESTIVAL, SCHOOL}
    search(window, "budget")
    assert listed(window) == [BUDGET]


def test_operators_are_searched_as_words(window: MainWindow) -> None:
    for text in ['"', "NOT", "AND budget", "headline:budget", "NEAR(budget", "-"]:
        window.article_list.search_field.setText(text)
        assert window.statusBar().currentMessage() == ""
    window.article_list.search_field.setText("budget)")
    assert listed(window) == [BUDGET]


def test_escape_clears_the_search_and_then_goes_to_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.article_list
    search(window, "budget")
    assert listed(window) == [BUDGET]
    QTest.keyClick(panel.search_field, Qt.Key.Key_Escape)
    assert panel.search_field.text() == ""
    assert len(listed(window)) == 4
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.search_field.setFocus()
    QTest.keyClick(panel.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(panel.view.hasFocus)


def test_the_shortcut_focuses_the_search_field(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.article_list
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.editor.headline.setFocus()
    QTest.keySequence(window.editor.headline, panel.search_action.shortcut())
    qtbot.waitUntil(panel.search_field.hasFocus)
    assert panel.search_action.shortcut().toString() == "Ctrl+Shift+F"


def test_the_open_article_stays_selected_when_it_is_among_the_results(
    window: MainWindow,
) -> None:
    panel = window.article_list
    school = window.current
    assert school is not None and school.content.headline == SCHOOL
    search(window, "ecole")
    assert panel.current_id() == school.id
    search(window, "greve")  # the open article is not a result: nothing selected, still open
    assert panel.current_id() is None and window.current.id == school.id
    assert not panel.delete_action.isEnabled()
    search(window, "")
    assert panel.current_id() == school.id


def test_choosing_a_result_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.article_list
    search(window, "festival")
    rect = panel.view.visualRect(panel.model.index(0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current.content.headline == FESTIVAL
    assert panel.search_field.text() == "festival"


def test_a_save_refreshes_the_row_and_brings_it_to_the_top(window: MainWindow) -> None:
    panel = window.article_list
    budget_id = panel.model.id_at(3)
    window.open_article(budget_id)
    retype(window.editor.headline, "Le budget est adopté")
    window.flush_autosave()
    assert listed(window) == ["Le budget est adopté", SCHOOL, FESTIVAL, STRIKE]
    assert panel.current_id() == budget_id
    search(window, "adopte")
    assert listed(window) == ["Le budget est adopté"]


def test_a_save_of_an_article_the_search_no_longer_finds_keeps_it_listed(
    window: MainWindow,
) -> None:
    search(window, "ecole")
    retype(window.editor.headline, "Jules-Ferry rénovée")
    window.editor.body.selectAll()
    type_text(window.editor.body, "Une cour arborée.")
    window.flush_autosave()
    assert listed(window)[0] == "Jules-Ferry rénovée"  # until the next search
    search(window, "ecole")
    assert listed(window) == [BUDGET]


def test_a_new_article_clears_the_search_to_be_seen(window: MainWindow) -> None:
    panel = window.article_list
    search(window, "budget")
    panel.status_filter.setCurrentIndex(4)
    window.new_action.trigger()
    assert panel.search_field.text() == "" and panel.status_filter.currentIndex() == 0
    assert len(listed(window)) == 5
    assert panel.current_id() == window.current.id


def test_deleting_a_result_keeps_the_search(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    search(window, "les")  # STRIKE and FESTIVAL
    assert listed(window) == [FESTIVAL, STRIKE]
    window.open_article(window.article_list.model.id_at(0))
    window.delete_article(window.current.id)
    assert listed(window) == [STRIKE]
    assert window.current.content.headline == STRIKE
    assert window.article_list.current_id() == window.current.id


# ---- lazy rows ----------------------------------------------------------------------


@pytest.fixture
def big_library(library_path: Path) -> Path:
    contents = [
        ArticleContent(headline=f"Dépêche {number}", body="vent" if number % 2 else "pluie")
        for number in range(500)
    ]
    return make_library(library_path, contents)


def fetched_rows(window: MainWindow) -> list[int]:
    model = window.article_list.model
    return [row for row in range(model.rowCount()) if model.is_fetched(row)]


def test_rows_are_fetched_a_page_at_a_time_as_the_view_scrolls(
    qtbot: QtBot, make_window: MakeWindow, big_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages: list[int] = []
    real_more = operations.more_articles

    def more(library: object, query: ArticleQuery, after: int) -> object:
        pages.append(after)
        return real_more(library, query, after)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "more_articles", more)
    window = make_window(big_library)
    model = window.article_list.model
    view = window.article_list.view
    assert model.rowCount() == PAGE_SIZE  # one page, and the count of them all
    assert window.article_list.count_label.text() == "500 articles"
    assert fetched_rows(window) == list(range(PAGE_SIZE))
    qtbot.wait(50)  # painting the first rows fetches nothing more
    assert pages == []

    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    assert len(pages) == 1 and fetched_rows(window) == list(range(2 * PAGE_SIZE))
    assert model.data(model.index(150)) == "Dépêche 349"  # the latest first
    assert window.article_list.count_label.text() == "500 articles"

    window.article_list.search_field.setText("vent")
    assert model.rowCount() == PAGE_SIZE and fetched_rows(window) == list(range(PAGE_SIZE))
    assert window.article_list.count_label.text() == "250 articles"
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    assert all(model.data(model.index(row)) == f"Dépêche {499 - 2 * row}" for row in range(200))


def test_pages_are_fetched_on_the_database_thread(
    qtbot: QtBot, make_window: MakeWindow, big_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real_more = operations.more_articles

    def more(library: object, query: ArticleQuery, after: int) -> object:
        threads.append(threading.current_thread().name)
        return real_more(library, query, after)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "more_articles", more)
    window = make_window(big_library, synchronous=False)
    model = window.article_list.model
    view = window.article_list.view
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE, timeout=5_000)
    for rows in range(2 * PAGE_SIZE, 600, PAGE_SIZE):
        view.scrollToBottom()
        qtbot.waitUntil(lambda rows=rows: model.rowCount() == rows, timeout=5_000)
    view.scrollToBottom()
    qtbot.wait(50)
    assert model.rowCount() == 500 and not model.canFetchMore()
    assert len(threads) == 4 and all(name.startswith("copydesk-db") for name in threads)
    assert model.data(model.index(499)) == "Dépêche 0"


def test_a_search_with_more_matches_than_it_counts_says_so(
    make_window: MakeWindow, big_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fulltext, "COUNT_UP_TO", 200)
    window = make_window(big_library)
    window.article_list.search_field.setText("vent")
    assert window.article_list.count_label.text() == "More than 200 articles"
    window.article_list.search_field.setText("dépêche 12 ")
    assert window.article_list.count_label.text() == "1 article"


def test_an_outdated_search_is_skipped(
    qtbot: QtBot, make_window: MakeWindow, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(make_library(library_path, CONTENTS), synchronous=False)
    searched: list[str] = []
    real_search = operations.search_articles

    def recording_search(library: object, query: ArticleQuery) -> object:
        searched.append(query.text)
        return real_search(library, query)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "search_articles", recording_search)
    gate = threading.Event()
    window.runner.run(gate.wait)  # the database thread is busy while the user types
    type_text(window.article_list.search_field, "greve")
    gate.set()
    qtbot.waitUntil(lambda: listed(window) == [STRIKE], timeout=5_000)
    assert searched == ["greve"]
