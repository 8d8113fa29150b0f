"""Copydesk's own URL schemes: the preview page and its pictures, served from memory.

``setHtml`` stops working above 2 MB (it goes through a data: URL), so the house page is
served by a scheme handler instead. Chromium must know custom schemes before it starts:
``register_schemes`` runs before the QApplication exists (see ``copydesk.qt.app``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

PAGE_SCHEME = "copydesk"
MEDIA_SCHEME = "copydesk-media"
PAGE_URL = QUrl(f"{PAGE_SCHEME}://preview/page.html")
# A second wall behind the template's own CSP meta tag: even a page that lost it may load
# nothing but inline styles, data: and our pictures.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; img-src data: {MEDIA_SCHEME}:; style-src 'unsafe-inline'"
)

# Given a copydesk-media: URL, the picture's bytes and MIME type, or None (404).
MediaResolver = Callable[[QUrl], tuple[bytes, str] | None]


def register_schemes() -> None:
    """Declare the schemes to Chromium: once per process, before the QApplication."""
    for name in (PAGE_SCHEME, MEDIA_SCHEME):
        if QWebEngineUrlScheme.schemeByName(QByteArray(name.encode())).name():
            continue  # already registered (a second call, e.g. in tests)
        scheme = QWebEngineUrlScheme(QByteArray(name.encode()))
        scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
        scheme.setDefaultPort(QWebEngineUrlScheme.SpecialPort.PortUnspecified.value)
        # Secure: pictures on a secure page are not "mixed content"; no CORS, no fetch,
        # no local file access.
        scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
        QWebEngineUrlScheme.registerScheme(scheme)


def _reply(job: QWebEngineUrlRequestJob, body: bytes, mime: str) -> None:
    buffer = QBuffer(job)  # owned by the job: alive exactly as long as Chromium reads it
    buffer.setData(QByteArray(body))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    if CONTENT_SECURITY_POLICY:  # (the safety tests switch it off to test the other walls)
        # PySide maps QMultiMap to a dict of lists (a bare value would be read char by char).
        header, policy = b"Content-Security-Policy", CONTENT_SECURITY_POLICY.encode()
        job.setAdditionalResponseHeaders({QByteArray(header): [QByteArray(policy)]})
    job.reply(QByteArray(mime.encode()), buffer)


class PageSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves documents published in memory under ``copydesk://preview/<path>``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[str, bytes] = {}

    def publish(self, url: QUrl, html: str) -> None:
        self._documents[url.path()] = html.encode("utf-8")

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        body = self._documents.get(job.requestUrl().path())
        if body is None or job.requestMethod() != QByteArray(b"GET"):
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        _reply(job, body, "text/html;charset=utf-8")


class MediaSchemeHandler(QWebEngineUrlSchemeHandler):
    """Pictures for ``copydesk-media:`` URLs, from a resolver set by the window (404 without)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.resolver: MediaResolver | None = None

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        found = self.resolver(job.requestUrl()) if self.resolver is not None else None
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        _reply(job, *found)
