"""The Markdown file format: the front matter's fields in their order, the limits, and what
reading a file gives (``ParsedMarkdown``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from copydesk.records.article import (
    ArticleContent,
    LeadPictureUse,
)

# The front matter's fields, in the order they are written. ``extra`` is the one open
# section: a mapping that other tools (the package exporter) fill and read back as is.
FIELDS = (
    "slug",
    "uuid",
    "headline",
    "kicker",
    "standfirst",
    "language",
    "dateline_date",
    "edition",
    "authors",
    "keywords",
    "related_title",
    "related_links",
    "status",
    "advertising",
    "lead_picture",
    "extra",
)
LINK_FIELDS = ("title", "url")
LEAD_PICTURE_FIELDS = ("picture_id", "caption", "alt_text", "illustrative")

# Names other Markdown tools (Jekyll, Hugo, Pandoc) use for our fields: named in the message
# that refuses them, so the user knows what to rename.
OTHER_TOOLS_NAMES = {
    "title": "headline",
    "subtitle": "standfirst",
    "description": "standfirst",
    "summary": "standfirst",
    "lead": "standfirst",
    "author": "authors",
    "date": "dateline_date",
    "dateline": "dateline_date",
    "tags": "keywords",
    "categories": "keywords",
    "lang": "language",
}

# Limits far above any real article (the longest in a newsroom runs to 50,000 words, about
# 400 kB), low enough that a hostile file cannot exhaust memory or time. PyYAML's safe
# loader is pure Python: 256 kB of front matter takes it about a second at worst.
MAX_FILE_BYTES = 32 * 1024 * 1024

DELIMITER = "---"
CLOSING_DELIMITERS = ("---", "...")  # Pandoc also ends a YAML block with "..."
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters YAML reads as line breaks. PyYAML folds them in its single-quoted and plain
# styles in a way that does not always read back (a lone U+0085 does not), so strings that
# hold one are written double-quoted, where each is an escape.
LINE_BREAKS = frozenset("\n\r\x85\u2028\u2029")


@dataclass(frozen=True, slots=True)
class ParsedMarkdown:
    """What a Markdown file gives: the article's content, the slug and uuid it was exported
    with (None when absent), the ``extra`` section, and warnings for the import report.

    ``content.lead_picture`` is the picture as the *exporting* library numbered it: an
    importer must map its ``picture_id`` to a picture of its own library before saving.
    """

    content: ArticleContent
    slug: str | None = None
    uuid: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    warnings: tuple[str, ...] = ()
    has_front_matter: bool = False

    @property
    def lead_picture(self) -> LeadPictureUse | None:
        """The lead picture reference (caption, alt text, flag and foreign picture id)."""
        return self.content.lead_picture
