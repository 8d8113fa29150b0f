"""What the preview page shows, and how an edit changes it: a patch of the body's changed
blocks when only the body moved, the whole article otherwise.

One ``PreviewDocument`` follows one window's preview. Its methods run one at a time (the
window calls them from its compute thread), never concurrently.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.records import ArticleContent
from copydesk.rendering.article import page_title, render_article
from copydesk.rendering.body_patch import BodyPatch
from copydesk.rendering.incremental import IncrementalRenderer


@dataclass(frozen=True, slots=True)
class PreviewUpdate:
    """Either ``html`` (the whole article, to show in place) or ``patch`` (body blocks)."""

    generation: int
    language: str
    title: str
    html: str | None = None
    patch: BodyPatch | None = None


class PreviewDocument:
    def __init__(self) -> None:
        self._renderer: IncrementalRenderer | None = None
        self._shown: ArticleContent | None = None
        self._generation = -1

    def update(self, content: ArticleContent, generation: int) -> PreviewUpdate:
        """The change that brings the page from what it shows to ``content``.

        ``generation`` changes whenever the page was given something else (another article
        opened, a patch refused): the whole article is rendered again then.
        """
        if self._needs_full_render(content, generation):
            return self.full(content, generation)
        assert self._renderer is not None
        patch = self._renderer.update(content.body)
        self._shown = content
        return PreviewUpdate(generation, content.language, page_title(content), patch=patch)

    def full(self, content: ArticleContent, generation: int) -> PreviewUpdate:
        self._renderer = IncrementalRenderer(content.language)
        self._shown = content
        self._generation = generation
        html = render_article(content, renderer=self._renderer)
        return PreviewUpdate(generation, content.language, page_title(content), html=html)

    def _needs_full_render(self, content: ArticleContent, generation: int) -> bool:
        shown = self._shown
        return (
            self._renderer is None
            or shown is None
            or generation != self._generation
            or shown.replace(body="") != content.replace(body="")
        )
