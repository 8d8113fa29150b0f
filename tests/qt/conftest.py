"""Windows on temporary libraries, with the database jobs run synchronously unless asked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copydesk.articles import operations
from copydesk.articles import store as articles
from copydesk.errors import LibraryError
from copydesk.qt.language import apply_language
from copydesk.qt.tasks import TaskRunner
from copydesk.qt.window.main_window import MainWindow
from copydesk.qt.window.state import WindowState

READY_TIMEOUT_MS = 30_000

MakeWindow = Callable[..., MainWindow]


@pytest.fixture(scope="session", autouse=True)
def _shared_opengl_contexts() -> None:
    from copydesk.qt.app import application

    application()  # creates the session's QApplication with the attribute QtWebEngine needs
    apply_language("en")  # whatever the machine's locale: the tests read English


@pytest.fixture
def french() -> Iterator[None]:
    """The window and the core in French for one test (as a French system would start them)."""
    apply_language("fr")
    try:
        yield
    finally:
        apply_language("en")


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[MakeWindow]:
    windows: list[MainWindow] = []

    def make(
        path: Path,
        *,
        synchronous: bool = True,
        state: WindowState | None = None,
        wait: bool = True,
        **options: object,
    ) -> MainWindow:
        window = MainWindow(
            path,
            state=state or WindowState.ephemeral(),
            runner=TaskRunner(synchronous=synchronous),
            **options,  # type: ignore[arg-type]
        )
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1200, 800)
        if wait:
            with qtbot.waitSignal(window.article_ready, timeout=READY_TIMEOUT_MS):
                window.show()
            # Opening for writing follows the first article's drawing (on the database
            # thread, when the runner is not synchronous).
            qtbot.waitUntil(lambda: window.library is not None, timeout=READY_TIMEOUT_MS)
        return window

    yield make
    for window in windows:
        window.shutdown()
        window.deleteLater()  # QtWebEngine wants its pages gone before the profile
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def state_file(tmp_path: Path) -> Callable[[], WindowState]:
    """A persistent window state in a temporary file: each call reads it afresh."""
    path = tmp_path / "state.ini"
    return lambda: WindowState(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def broken_saves(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Saves fail while ``broken[0]`` is True."""
    broken = [True]
    real_save = operations.save_article

    def save(*args: object, **kwargs: object) -> articles.ArticleRecord:
        if broken[0]:
            raise LibraryError("The disk holding the library is full; nothing was saved.")
        return real_save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "save_article", save)
    return broken
