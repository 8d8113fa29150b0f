"""The preview on the right: the article as readers will see it.

QtWebEngine costs a few hundred milliseconds to start, so the pane first shows a plain
placeholder and creates the web view only once the window has been painted. Article content
is patched into the page from Copydesk's own isolated script world; the page's JavaScript is
disabled, so nothing an article smuggles in can run.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from copydesk.rendering.page import page_html

_PATCH_SCRIPT = """(function () {
  var page = document.getElementById("cd-page");
  if (!page) { return "missing"; }
  page.innerHTML = %(html)s;
  document.title = %(title)s;
  document.documentElement.lang = %(lang)s;
  return "patched";
})()"""
# The script answers with a string: PySide6 6.12 mis-counts references to the True and
# False it hands to runJavaScript callbacks, which crashes the interpreter at exit.


class PreviewPane(QWidget):
    """``rendered`` is emitted each time shown content has reached the page's DOM."""

    rendered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QStackedLayout(self)
        self._placeholder = QLabel(self)
        self._placeholder.setAutoFillBackground(True)
        palette = self._placeholder.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self._placeholder.setPalette(palette)
        self._layout.addWidget(self._placeholder)
        self.view = None
        self._page_ready = False
        self._pending: tuple[str, str, str] | None = None

    @property
    def started(self) -> bool:
        return self.view is not None

    def start(self) -> None:
        """Create the web view and load the empty house page."""
        if self.view is not None:
            return
        from PySide6.QtWebEngineCore import QWebEngineSettings
        from PySide6.QtWebEngineWidgets import QWebEngineView

        view = QWebEngineView(self)
        view.setObjectName("preview")
        settings = view.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, True)
        view.loadFinished.connect(self._on_load_finished)
        self.view = view
        view.setHtml(page_html("", language="fr", title=""), QUrl("about:blank"))
        self._layout.addWidget(view)
        self._layout.setCurrentWidget(view)

    def show_html(self, article_html: str, *, language: str, title: str) -> None:
        """Put a rendered article fragment on the page, keeping the scroll position."""
        self._pending = (article_html, language, title)
        if self._page_ready:
            self._flush()

    def _on_load_finished(self, ok: bool) -> None:
        self._page_ready = ok
        if ok and self._pending is not None:
            self._flush()

    def _flush(self) -> None:
        from PySide6.QtWebEngineCore import QWebEngineScript

        assert self.view is not None and self._pending is not None
        article_html, language, title = self._pending
        self._pending = None
        script = _PATCH_SCRIPT % {
            "html": json.dumps(article_html),
            "title": json.dumps(title),
            "lang": json.dumps(language),
        }
        self.view.page().runJavaScript(
            script, QWebEngineScript.ScriptWorldId.ApplicationWorld, self._on_patched
        )

    def _on_patched(self, answer: object) -> None:
        if answer == "patched":
            self.rendered.emit()

    def run_in_page(self, script: str, callback) -> None:  # type: ignore[no-untyped-def]
        """Evaluate ``script`` in Copydesk's isolated world (tests and diagnostics)."""
        from PySide6.QtWebEngineCore import QWebEngineScript

        assert self.view is not None
        self.view.page().runJavaScript(
            script, QWebEngineScript.ScriptWorldId.ApplicationWorld, callback
        )
