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
