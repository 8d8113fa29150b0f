"""Scroll sync between the editor and the preview, and click-to-source.

Qt → page: ``scroll_to_line`` runs a script in Copydesk's isolated world. Only the latest
request runs: while one is in flight, newer ones replace each other, so calling it on every
editor scroll costs at most one script at a time.

Page → Qt: the page's own JavaScript is off and an isolated world can only answer scripts
Qt runs, so the sync script talks back over a QWebChannel bound to that same isolated
world (qt.webChannelTransport exists there only, never in the page's main world).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QIODevice, QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineScript
from shiboken6 import isValid

from copydesk.qt.preview.page_scripts import SYNC_SCRIPT, scroll_script

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEnginePage

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld


class PageBridge(QObject):
    """The object the page's sync script sees as ``channel.objects.copydesk``."""

    ready = Signal()
    scrolled = Signal(float)
    clicked = Signal(int)

    @Slot()
    def report_ready(self) -> None:
        self.ready.emit()

    @Slot(float)
    def report_scroll(self, line: float) -> None:
        self.scrolled.emit(line)

    @Slot(int)
    def report_click(self, line: int) -> None:
        self.clicked.emit(line)


class ScrollSync(QObject):
    """``scrolled_to_line``: the reader scrolled the page (the source line now at its top);
    ``block_clicked``: the reader clicked the block starting at that source line;
    ``synced``: the latest ``scroll_to_line`` has been applied."""

    scrolled_to_line = Signal(float)
    block_clicked = Signal(int)
    synced = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.connected = False  # the page's script reached us over the channel
        self._page: QWebEnginePage | None = None
        self._wanted: tuple[int, float] | None = None
        self._in_flight = False
        self._bridge = PageBridge(self)
        self._bridge.ready.connect(self._on_ready)
        self._bridge.scrolled.connect(self._on_page_scrolled)
        self._bridge.clicked.connect(self.block_clicked)

    def attach(self, page: QWebEnginePage) -> None:
        """Install the sync script and the channel on ``page`` (before it loads)."""
        channel = QWebChannel(page)
        channel.registerObject("copydesk", self._bridge)
        page.setWebChannel(channel, WORLD)
        page.scripts().insert(_sync_script())
        page.loadStarted.connect(self._on_load_started)
        self._page = page

    def scroll_to_line(self, line: int, fraction: float) -> None:
        if not self.enabled or self._page is None or not self.connected:
            return
        self._wanted = (line, fraction)
        if not self._in_flight:
            self._run_latest()

    def _run_latest(self) -> None:
        assert self._page is not None and self._wanted is not None
        line, fraction = self._wanted
        self._wanted = None
        self._in_flight = True
        self._page.runJavaScript(scroll_script(line, fraction), WORLD, self._on_scrolled)

    def _on_scrolled(self, _answer: object) -> None:
        # Chromium may answer after the window (and this object, or its page) is gone.
        if not isValid(self) or self._page is None or not isValid(self._page):
            return
        self._in_flight = False
        if self._wanted is not None:
            self._run_latest()
        else:
            self.synced.emit()

    def _on_page_scrolled(self, line: float) -> None:
        if self.enabled:
            self.scrolled_to_line.emit(line)

    def _on_ready(self) -> None:
        self.connected = True

    def _on_load_started(self) -> None:
        self.connected = False
        self._in_flight = False


def _sync_script() -> QWebEngineScript:
    """qwebchannel.js and the sync script as one script, so their order is certain."""
    script = QWebEngineScript()
    script.setName("copydesk-sync")
    script.setWorldId(WORLD)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setRunsOnSubFrames(False)
    script.setSourceCode(_qwebchannel_js() + "\n" + SYNC_SCRIPT)
    return script


def _qwebchannel_js() -> str:
    source = QFile(":/qtwebchannel/qwebchannel.js")  # shipped inside the QtWebChannel library
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from the Qt installation")
    try:
        return bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()
