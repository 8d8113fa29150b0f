"""Keeping the preview offline and inert, whatever HTML reaches it.

Three walls, each enough on its own for network requests: the page's Content Security
Policy, a request interceptor on the preview's own profile that lets through only
Copydesk's schemes and data:, and a page that refuses every navigation but loading the
house page. The page's own JavaScript is disabled; Copydesk's scripts run in an isolated
world.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from copydesk.qt.preview.schemes import MEDIA_SCHEME, PAGE_SCHEME, PAGE_URL

ALLOWED_SCHEMES = frozenset({PAGE_SCHEME, MEDIA_SCHEME, "data"})
_log = logging.getLogger(__name__)
_REMEMBERED = 50  # blocked URLs kept for diagnostics; the count is exact


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request outside ALLOWED_SCHEMES (http, https, ftp, ws, file, blob …)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked_count = 0
        self.allowed_count = 0
        self.blocked_urls: deque[str] = deque(maxlen=_REMEMBERED)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        # Qt 6 calls this on the GUI thread: plain counters are safe.
        url = info.requestUrl()
        if url.scheme() in ALLOWED_SCHEMES:
            self.allowed_count += 1
            return
        info.block(True)
        self.blocked_count += 1
        self.blocked_urls.append(url.toString())


class PreviewPage(QWebEnginePage):
    """Stays on the house page: links, forms, refreshes and frames navigate nowhere."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.refused_navigations: deque[str] = deque(maxlen=_REMEMBERED)
        self.refused_count = 0
        _harden(self.settings())

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        # Qt's default turns these into qCritical: a hostile article blocked by the CSP would
        # fill the terminal (and fail tests) with what is, for us, the expected outcome.
        _log.debug("preview console (%s) %s:%s: %s", level.name, source, line, message)

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        ours = kind in (
            QWebEnginePage.NavigationType.NavigationTypeTyped,
            QWebEnginePage.NavigationType.NavigationTypeReload,
        )
        if is_main_frame and ours and _same_document(url, PAGE_URL):
            return True
        self.refused_count += 1
        self.refused_navigations.append(url.toString())
        return False


def _same_document(url: QUrl, page: QUrl) -> bool:
    return (url.scheme(), url.host(), url.path()) == (page.scheme(), page.host(), page.path())


def preview_profile(parent: QObject) -> tuple[QWebEngineProfile, OfflineInterceptor]:
    """An off-the-record profile of the preview's own: no disk cache, no cookies, and an
    interceptor that cannot affect (or be bypassed by) any other web view."""
    profile = QWebEngineProfile(parent)
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    interceptor = OfflineInterceptor(profile)
    profile.setUrlRequestInterceptor(interceptor)
    return profile, interceptor


def _harden(settings: QWebEngineSettings) -> None:
    attribute = QWebEngineSettings.WebAttribute
    off = (
        attribute.JavascriptEnabled,  # the main world only: Copydesk's world still runs
        attribute.JavascriptCanOpenWindows,
        attribute.LocalContentCanAccessRemoteUrls,
        attribute.LocalContentCanAccessFileUrls,
        attribute.PluginsEnabled,
        attribute.AllowRunningInsecureContent,
        attribute.LocalStorageEnabled,
        attribute.DnsPrefetchEnabled,
        attribute.NavigateOnDropEnabled,
        attribute.AutoLoadIconsForPage,
        attribute.PdfViewerEnabled,
        attribute.HyperlinkAuditingEnabled,  # <a ping> would report clicks
        attribute.WebGLEnabled,
        attribute.ErrorPageEnabled,
    )
    for name in off:
        settings.setAttribute(name, False)
    settings.setAttribute(attribute.AutoLoadImages, True)  # data: and copydesk-media: only
