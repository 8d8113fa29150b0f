"""The preview on the right: the article as readers will see it.

QtWebEngine costs a few hundred milliseconds to start, so the pane first shows a plain
placeholder and creates the web view only once the window has been painted. The house page
is served from memory by Copydesk's own URL scheme (no size limit, unlike ``setHtml``);
article content is then put into it, or patched block by block, from Copydesk's isolated
script world, so the page never reloads and keeps its scroll position. The page's own
JavaScript is disabled and it can reach nothing but Copydesk's schemes (see ``safety``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from copydesk.qt.preview.sync import ScrollSync
from copydesk.qt.preview.toolbar import PreviewToolBar
from copydesk.qt.preview.widths import ReadingWidth, WidthFrame
from copydesk.rendering.body_patch import BodyPatch
from copydesk.rendering.page import page_html

if TYPE_CHECKING:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from copydesk.qt.preview.safety import OfflineInterceptor, PreviewPage
    from copydesk.qt.preview.schemes import MediaResolver

PatchDone = Callable[[bool], None]


class PreviewPane(QWidget):
    """``rendered``: shown content (a full article or a patch) has reached the page's DOM;
    ``patched``: a ``patch_body`` has. ``scrolled_to_line`` / ``block_clicked``: the reader
    scrolled the preview / clicked a block (source lines of the body, see ``ScrollSync``)."""

    rendered = Signal()
    patched = Signal()
    scrolled_to_line = Signal(float)
    block_clicked = Signal(int)
    reading_width_changed = Signal(str)
    sync_enabled_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: QWebEngineView | None = None
        self.interceptor: OfflineInterceptor | None = None
        self.page: PreviewPage | None = None
        self._page_ready = False
        self._pending: tuple[str, str, str] | None = None
        self._media_resolver: MediaResolver | None = None
        self._reading_width = ReadingWidth.DESKTOP
        self.sync = ScrollSync(self)
        self.sync.scrolled_to_line.connect(self.scrolled_to_line)
        self.sync.block_clicked.connect(self.block_clicked)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.toolbar = PreviewToolBar(self)
        self.toolbar.width_chosen.connect(self.set_reading_width)
        self.toolbar.sync_toggled.connect(self.set_sync_enabled)
        layout.addWidget(self.toolbar)
        self.narrow_note = QLabel(self)
        self.narrow_note.setObjectName("narrowNote")
        self.narrow_note.setWordWrap(True)
        self.narrow_note.setStyleSheet("background: #fff8e1; padding: 3px 6px;")
        self.narrow_note.hide()
        layout.addWidget(self.narrow_note)
        self._stack = QStackedWidget(self)
        self._placeholder = QLabel(self._stack)
        self._placeholder.setAutoFillBackground(True)
        palette = self._placeholder.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self._placeholder.setPalette(palette)
        self._stack.addWidget(self._placeholder)
        self._frame = WidthFrame(self._stack)
        self._frame.too_narrow.connect(self._show_narrow)
        self._stack.addWidget(self._frame)
        layout.addWidget(self._stack, 1)

    @property
    def started(self) -> bool:
        return self.view is not None

    def start(self) -> None:
        """Create the web view and load the empty house page."""
        if self.view is not None:
            return
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from copydesk.qt.preview import safety, schemes

        view = QWebEngineView(self._frame)
        view.setObjectName("preview")
        # Created after the view, so deleted after it: Chromium wants pages gone first.
        profile, self.interceptor = safety.preview_profile(self)
        pages = schemes.PageSchemeHandler(profile)
        self._media = schemes.MediaSchemeHandler(profile)
        self._media.resolver = self._media_resolver
        profile.installUrlSchemeHandler(QByteArray(schemes.PAGE_SCHEME.encode()), pages)
        profile.installUrlSchemeHandler(QByteArray(schemes.MEDIA_SCHEME.encode()), self._media)
        self.page = safety.PreviewPage(profile, view)
        self.sync.attach(self.page)
        view.setPage(self.page)
        view.loadFinished.connect(self._on_load_finished)
        self.view = view
        pages.publish(schemes.PAGE_URL, page_html("", language="fr", title=""))
        view.load(schemes.PAGE_URL)
        self._frame.set_view(view)
        self._apply_width()
        self._stack.setCurrentWidget(self._frame)

    # ---- content ----------------------------------------------------------------------

    def show_html(self, article_html: str, *, language: str, title: str) -> None:
        """Put a rendered article fragment on the page, keeping the scroll position."""
        self._pending = (article_html, language, title)
        if self._page_ready:
            self._flush()

    def patch_body(self, patch: BodyPatch, on_done: PatchDone | None = None) -> None:
        """Apply an incremental renderer's patch to the shown body. ``on_done(True)`` once the
        DOM has it; ``on_done(False)`` if the page is not ready or not the one the patch was
        made against: show the full article then."""
        done = on_done or (lambda _ok: None)
        if not self._page_ready or self._pending is not None:
            done(False)
            return
        if patch.empty:
            done(True)
            return
        from copydesk.qt.preview.page_scripts import patch_script

        self.run_in_page(patch_script(patch), lambda answer: self._on_body_patched(answer, done))

    def _on_load_finished(self, ok: bool) -> None:
        self._page_ready = ok
        if ok and self._pending is not None:
            self._flush()

    def _flush(self) -> None:
        from copydesk.qt.preview.page_scripts import show_script

        assert self._pending is not None
        script = show_script(*self._pending)
        self._pending = None
        self.run_in_page(script, self._on_shown)

    def _on_shown(self, answer: object) -> None:
        if answer == "patched":
            self.rendered.emit()

    def _on_body_patched(self, answer: object, done: PatchDone) -> None:
        ok = answer == "patched"
        if ok:
            self.patched.emit()
            self.rendered.emit()
        done(ok)

    def set_media_resolver(self, resolver: MediaResolver | None) -> None:
        """Where ``copydesk-media:`` pictures come from (None: every picture is a 404)."""
        self._media_resolver = resolver
        if self.view is not None:
            self._media.resolver = resolver

    def run_in_page(self, script: str, callback) -> None:  # type: ignore[no-untyped-def]
        """Evaluate ``script`` in Copydesk's isolated world (tests and diagnostics)."""
        from PySide6.QtWebEngineCore import QWebEngineScript

        assert self.view is not None
        self.view.page().runJavaScript(
            script, QWebEngineScript.ScriptWorldId.ApplicationWorld, callback
        )

    # ---- reading width ----------------------------------------------------------------

    def reading_width(self) -> str:
        return self._reading_width.value

    def set_reading_width(self, width: str | ReadingWidth) -> None:
        chosen = ReadingWidth.parse(str(width))
        self.toolbar.show_width(chosen)
        if chosen is self._reading_width:
            return
        self._reading_width = chosen
        self._apply_width()
        self.reading_width_changed.emit(chosen.value)

    def _show_narrow(self, narrow: bool) -> None:
        """Said plainly rather than shown wrongly: a pane narrower than the device chosen."""
        if narrow:
            devices = {
                ReadingWidth.TABLET: self.tr("a tablet"),
                ReadingWidth.PHONE: self.tr("a phone"),
            }
            device = devices.get(self._reading_width, "")
            pixels = str(self._reading_width.css_pixels or 0)
            self.narrow_note.setText(
                self.tr("The pane is narrower than %1 (%2 px): widen it to see that layout.")
                .replace("%1", device)
                .replace("%2", pixels)
            )
        self.narrow_note.setVisible(narrow)

    def _apply_width(self) -> None:
        zoom = self.view.zoomFactor() if self.view is not None else 1.0
        self._frame.set_width(self._reading_width, zoom)

    # ---- scroll sync ------------------------------------------------------------------

    def sync_enabled(self) -> bool:
        return self.sync.enabled

    def set_sync_enabled(self, enabled: bool) -> None:
        self.toolbar.show_sync(enabled)
        if enabled == self.sync.enabled:
            return
        self.sync.enabled = enabled
        self.sync_enabled_changed.emit(enabled)

    def scroll_to_line(self, line: int, fraction: float = 0.0) -> None:
        """Scroll so the body's source ``line`` sits at ``fraction`` of the view's height.
        Cheap to call on every editor scroll: only the latest request runs."""
        self.sync.scroll_to_line(line, fraction)
