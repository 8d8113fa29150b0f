"""The page around an article: house CSS and template. Cheap to import (no Markdown)."""

from __future__ import annotations

from html import escape
from string import Template

from copydesk import __version__
from copydesk.resources import read_resource_text

# Where the page's Content-Security-Policy lets pictures come from. The preview shows library
# pictures (``copydesk-media:``) and thumbnails (``data:``); a publishing package's page shows
# its own files, referred to relatively (``images/…``): from the site that serves it
# (``'self'``) or, opened from a disk, from ``file:``. Nothing remote either way.
PREVIEW_IMAGE_SOURCES = "data: copydesk-media:"
PACKAGE_IMAGE_SOURCES = "'self' file:"


def page_html(
    content_html: str,
    *,
    language: str,
    title: str,
    image_sources: str = PREVIEW_IMAGE_SOURCES,
) -> str:
    """A complete HTML document around an already rendered (and sanitized) fragment."""
    return Template(read_resource_text("templates", "page.html")).substitute(
        lang=escape(language),
        title=escape(title),
        image_sources=image_sources,
        version=__version__,
        css=read_resource_text("templates", "article.css"),
        content=content_html,
    )
