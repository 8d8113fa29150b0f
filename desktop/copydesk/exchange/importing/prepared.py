"""What reading a file gives: the article and its pictures, ready to store; the limits
and the kinds of file an import takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from copydesk.articles import store as articles
from copydesk.errors import CopydeskError
from copydesk.exchange.numbers import number
from copydesk.pictures.importing import PreparedPicture
from copydesk.records.article import ArticleContent
from copydesk.records.picture import (
    PictureMetadata,
)
from copydesk.translation import _

MAX_DOCUMENT_BYTES = 32 * 1024 * 1024  # an article's text or JSON; pictures have their own
MAX_PICTURE_BYTES = 256 * 1024 * 1024
MAX_PACKAGE_FILES = 2_000
PACKAGE_SUFFIXES = frozenset({".zip"})
NINJS_SUFFIXES = frozenset({".json"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
IMPORTABLE_SUFFIXES = PACKAGE_SUFFIXES | NINJS_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
# Files an operating system adds to a folder or a zip, never part of a package.
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class ImportKind(StrEnum):
    PACKAGE = "package"
    NINJS = "ninjs"
    MARKDOWN = "markdown"
    PLAIN_TEXT = "plain text"


class ImportRefused(CopydeskError):
    """A file that cannot be imported: the message names the problem."""


# ---------------------------------------------------------------------------------------------
# What a file gives


@dataclass(frozen=True, slots=True)
class IncomingPicture:
    """A picture an imported article shows: ``key`` is its id in the article as read (the
    exporting library's id, or a number of our own), ``prepared`` its file when it came."""

    key: int
    file_name: str
    metadata: PictureMetadata
    prepared: PreparedPicture | None = None
    uuid: str | None = None
    imported_at: datetime | None = None  # its dates in the library it comes from
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article read from a file, ready to store: its content names its pictures by key."""

    path: Path
    kind: ImportKind
    content: ArticleContent
    identity: articles.ArticleIdentity = field(default_factory=articles.ArticleIdentity)
    pictures: tuple[IncomingPicture, ...] = ()
    notes: tuple[str, ...] = ()


def read_limited(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportRefused(
            _("It is {size} MB, over the limit of {limit} MB.").format(
                size=number(size / 1e6, grouping=False),
                limit=number(max_bytes / 1e6, grouping=False),
            )
        )
    with path.open("rb") as file:
        return file.read(max_bytes + 1)


# ---- plain text -------------------------------------------------------------------------------
