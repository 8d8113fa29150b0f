"""Keeping the preview up with the editor.

Every edit renders the body blocks that changed and patches them into the page. A patch
that took a few milliseconds last time is made at once, on the GUI thread, before the
window repaints; anything slower runs on the compute thread, latest text only. Each article
shown starts a new generation: a render of an article no longer shown is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from copydesk.qt.tasks import LatestOnly, TaskRunner

if TYPE_CHECKING:
    from copydesk.articles.pictures import ArticlePictures
    from copydesk.qt.editor.article_editor import ArticleEditor
    from copydesk.qt.preview.preview_pane import PreviewPane
    from copydesk.records.article import ArticleContent
    from copydesk.rendering.preview_document import PreviewDocument, PreviewUpdate


class PreviewRenderer(QObject):
    shown = Signal()  # a render reached the page (the window updates its title)

    def __init__(
        self,
        editor: ArticleEditor,
        preview: PreviewPane,
        compute: TaskRunner,
        pictures: Callable[[], ArticlePictures | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._preview = preview
        self._pictures = pictures
        self._renders = LatestOnly(compute)
        self._document = _DocumentSlot()  # touched only by jobs on the compute thread
        self.generation = 0
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._render_if_edited_again)
        self._edited_again = False

    def next_article(self) -> None:
        """Another article (or none) is in the editor: renders of the previous one are
        dropped when they arrive."""
        self.generation += 1

    def edited(self) -> None:
        """The first edit is rendered at once, before the window repaints; edits that follow
        in the same turn of the event loop (a replace-all, a paste) are rendered once after."""
        if self._timer.isActive():
            self._edited_again = True
        else:
            self._timer.start(0)
            self.render()

    def render(self) -> None:
        """Bring the preview up to the editor."""
        if self._closed:
            return
        if not self._renders.busy and self._document.quick:
            self._show(self._job()())
        else:
            self._renders.request(self._job, self._show)

    def prime(self) -> None:
        """The page shows a freshly opened article: let the document hold the same blocks,
        so that the first keystroke is already a patch."""
        content, generation, document = self._editor.content(), self.generation, self._document
        pictures = self._pictures()
        self._renders.request(
            lambda: lambda: document.full(content, generation, pictures), lambda _: None
        )

    def close(self) -> None:
        self._closed = True
        self._renders.close()

    def _render_if_edited_again(self) -> None:
        if self._edited_again:
            self._edited_again = False
            self.render()

    def _job(self) -> Callable[[], PreviewUpdate]:
        content, generation, document = self._editor.content(), self.generation, self._document
        pictures = self._pictures()
        return lambda: document.update(content, generation, pictures)

    def _show(self, update: PreviewUpdate) -> None:
        if self._closed or update.generation != self.generation:
            return  # another article is in the editor now
        if update.html is not None:
            self._preview.show_html(update.html, language=update.language, title=update.title)
        elif update.patch is not None and not update.patch.empty:
            self._preview.patch_body(update.patch, self._on_patch_applied)
        self.shown.emit()

    def _on_patch_applied(self, applied: bool) -> None:
        if not applied and not self._closed:
            # The page did not hold what the patch expected: show the whole article again.
            self.generation += 1
            self.render()


class _DocumentSlot:
    """The preview's document, created by the first compute job that needs it (importing
    the renderer takes tens of milliseconds the start-up should not wait for), and how long
    its last body patch took."""

    QUICK_MS = 6.0

    def __init__(self) -> None:
        self._document: PreviewDocument | None = None
        self._last_patch_ms: float | None = None

    @property
    def quick(self) -> bool:
        """The last update was a body patch made in a few milliseconds."""
        return self._last_patch_ms is not None and self._last_patch_ms < self.QUICK_MS

    def get(self) -> PreviewDocument:
        if self._document is None:
            from copydesk.rendering.preview_document import PreviewDocument

            self._document = PreviewDocument()
        return self._document

    def update(
        self, content: ArticleContent, generation: int, pictures: ArticlePictures | None = None
    ) -> PreviewUpdate:
        started = time.perf_counter()
        update = self.get().update(content, generation, pictures)
        elapsed = (time.perf_counter() - started) * 1000
        self._last_patch_ms = elapsed if update.patch is not None else None
        return update

    def full(
        self, content: ArticleContent, generation: int, pictures: ArticlePictures | None = None
    ) -> PreviewUpdate:
        self._last_patch_ms = None
        return self.get().full(content, generation, pictures)
