"""What the preview page shows, and how an edit changes it: a patch of the body's changed
blocks when only the body moved, the whole article otherwise.

One ``PreviewDocument`` follows one window's preview. Its methods run one at a time (the
window calls them from its compute thread), never concurrently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from copydesk.records.article import ArticleContent
from copydesk.rendering.article import page_title, render_article
from copydesk.rendering.body_patch import BodyPatch
from copydesk.rendering.incremental import IncrementalRenderer
from copydesk.rendering.pictures import LeadPicture, PictureResolver


class ArticlePictures(Protocol):
    """What the library says of the article's pictures (``copydesk.articles.pictures``)."""

    def resolver(self) -> PictureResolver: ...

    def lead(self, content: ArticleContent) -> LeadPicture | None: ...


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
        self._pictures: ArticlePictures | None = None
        self._generation = -1

    def update(
        self, content: ArticleContent, generation: int, pictures: ArticlePictures | None = None
    ) -> PreviewUpdate:
        """The change that brings the page from what it shows to ``content``.

        ``generation`` changes whenever the page was given something else (another article
        opened, a patch refused): the whole article is rendered again then, as it is when
        ``pictures`` (what the library says of the article's pictures) changed.
        """
        if self._needs_full_render(content, generation) or pictures is not self._pictures:
            return self.full(content, generation, pictures)
        assert self._renderer is not None
        patch = self._renderer.update(content.body)
        self._shown = content
        return PreviewUpdate(generation, content.language, page_title(content), patch=patch)

    def full(
        self, content: ArticleContent, generation: int, pictures: ArticlePictures | None = None
    ) -> PreviewUpdate:
        renderer = self._renderer
        if (
            renderer is None
            or renderer.language != content.language
            or pictures is not self._pictures
        ):
            resolver = pictures.resolver() if pictures is not None else None
            renderer = self._renderer = IncrementalRenderer(content.language, resolver)
        # else: the blocks it holds are still right (a headline or a caption was edited)
        self._shown = content
        self._pictures = pictures
        self._generation = generation
        lead = pictures.lead(content) if pictures is not None else None
        html = render_article(content, renderer=self._renderer, lead_picture=lead)
        return PreviewUpdate(generation, content.language, page_title(content), html=html)

    def _needs_full_render(self, content: ArticleContent, generation: int) -> bool:
        shown = self._shown
        return (
            self._renderer is None
            or shown is None
            or generation != self._generation
            or shown.replace(body="") != content.replace(body="")
        )
