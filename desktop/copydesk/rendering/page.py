"""The page around an article: house CSS and template. Cheap to import (no Markdown)."""

from __future__ import annotations

from html import escape
from string import Template

from copydesk import __version__
from copydesk.resources import read_resource_text


def page_html(content_html: str, *, language: str, title: str) -> str:
    """A complete HTML document around an already rendered (and sanitized) fragment."""
    return Template(read_resource_text("templates", "page.html")).substitute(
        lang=escape(language),
        title=escape(title),
        version=__version__,
        css=read_resource_text("templates", "article.css"),
        content=content_html,
    )
