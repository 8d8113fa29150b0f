"""Errors the user sees. Kept free of heavy imports so the GUI can catch them cheaply."""

from __future__ import annotations

from copydesk.translation import _


class CopydeskError(Exception):
    """Base class for errors whose message is meant for the user."""


class LibraryError(CopydeskError):
    """A library file cannot be opened, created or written."""


class NotFoundError(CopydeskError):
    """A record the user asked for does not exist."""

    @classmethod
    def for_slug(cls, slug: str) -> NotFoundError:
        return cls(
            _("There is no article with the slug “{slug}” in this library.").format(slug=slug)
        )


class ConflictError(CopydeskError):
    """A save was based on a version of the article that another window has since replaced.

    ``theirs`` is the article as it is now stored (an ``ArticleRecord``), ``mine`` the content
    that was not saved: the caller decides how to keep both.
    """

    def __init__(self, theirs: object, mine: object) -> None:
        super().__init__(
            _(
                "This article was changed in another Copydesk window since you opened it; "
                "your version was not saved over it."
            )
        )
        self.theirs = theirs
        self.mine = mine


class InvalidPicture(CopydeskError):
    """A file offered as a picture cannot be taken: empty, not an image, a format Copydesk
    does not accept, truncated or corrupt, too large, or a decompression bomb. The message
    names the problem."""


class InvalidArticleFile(CopydeskError):
    """A file offered as an article (Markdown with or without front matter) cannot be read:
    not UTF-8, too large, malformed or hostile YAML, unknown or wrongly typed fields. The
    message names the problem and, where there is one, the field."""


class UnsafeArchive(CopydeskError):
    """A zip package is refused: corrupt, or an entry that could escape the target folder,
    collide with another, or expand beyond the limits (a zip bomb). The message names the
    entry and the reason."""


class MetadataWriteError(CopydeskError):
    """Credit metadata cannot be written into a picture (its format holds no IPTC/XMP, or
    the metadata library refused the data)."""


def describe(error: BaseException) -> str:
    """An error in one sentence for a person: ours say what happened; anything else (a bug)
    is named by its type, never swallowed."""
    if isinstance(error, CopydeskError):
        return str(error)
    return f"{type(error).__name__}: {error}"
