"""Opening an existing library, the first article is drawn before SQLAlchemy loads: the
database thread holds the opening for writing back until then, unless the library is needed
sooner (a save), and never on the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from copydesk.qt.window import library_session
from tests.helpers import opened
from tests.qt.conftest import MakeWindow


@pytest.fixture
def existing(library_path: Path) -> Path:
    with opened(library_path, sample=True):
        pass
    return library_path


def test_the_library_opens_for_writing_once_the_first_article_is_drawn(
    qtbot: QtBot, make_window: MakeWindow, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_session, "FIRST_DRAW_WAIT", 60.0)  # no timeout in the test
    order: list[str] = []
    window = make_window(existing, synchronous=False, wait=False)
    window.article_ready.connect(lambda: order.append("drawn"))
    window.library_opened.connect(lambda: order.append("opened"))
    with qtbot.waitSignal(window.library_opened, timeout=30_000):
        window.show()
    assert order == ["drawn", "opened"]
    assert not window.session.holding_back


def test_a_library_needed_sooner_is_not_held_back(
    qtbot: QtBot, make_window: MakeWindow, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_session, "FIRST_DRAW_WAIT", 60.0)
    window = make_window(existing, synchronous=False, wait=False)
    # The article is never drawn: nothing but the request lets the opening go on.
    window.preview.rendered.disconnect(window._on_preview_rendered)
    window.show()
    qtbot.waitUntil(lambda: window.current is not None, timeout=30_000)
    assert window.library is None and window.session.holding_back
    assert window.session.for_writing() is not None
    assert not window.session.holding_back  # released at once, not after the 60 s


def test_a_synchronous_runner_never_waits(
    qtbot: QtBot, make_window: MakeWindow, existing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_session, "FIRST_DRAW_WAIT", 60.0)
    window = make_window(existing)  # the test's runner runs jobs on the GUI thread
    assert window.library is not None


def test_the_page_gets_the_article_before_the_editor_and_the_list(
    qtbot: QtBot, make_window: MakeWindow, existing: Path
) -> None:
    window = make_window(existing, wait=False)
    order: list[str] = []
    real_show_html, real_load = window.preview.show_html, window.editor.load
    real_listing = window.articles.show_listing

    def show_html(*args: object, **kwargs: object) -> None:
        order.append("page")
        real_show_html(*args, **kwargs)  # type: ignore[arg-type]

    def load(record: object) -> None:
        if record is not None:  # not the empty one before
            order.append("editor")
        real_load(record)  # type: ignore[arg-type]

    def show_listing(listing: object, selected: object) -> None:
        if selected is not None:
            order.append("list")
        real_listing(listing, selected)  # type: ignore[arg-type]

    window.preview.show_html = show_html  # type: ignore[method-assign]
    window.editor.load = load  # type: ignore[method-assign]
    window.articles.show_listing = show_listing  # type: ignore[method-assign]
    with qtbot.waitSignal(window.article_ready, timeout=30_000):
        window.show()
    assert order[:3] == ["page", "list", "editor"]
    assert order.count("page") == 1  # not sent a second time


def test_spelling_waits_for_the_first_article_to_be_drawn(
    qtbot: QtBot, make_window: MakeWindow, existing: Path
) -> None:
    window = make_window(existing, wait=False)
    service = window.spelling.service
    seen_at_paint: list[bool] = []
    window.first_painted.connect(lambda: seen_at_paint.append(service.paused))
    with qtbot.waitSignal(window.article_ready, timeout=30_000):
        window.show()
    assert seen_at_paint == [True]
    assert not service.paused
